# biomoe chart 'mqar-T128'. Re-render: gnuplot mqar-T128.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$m0 << EOD
64 0.260416667 0.560241276
128 0.1953125 0.485183177
EOD
$m1 << EOD
64 10.0260417 1.22101755
128 11.8489583 1.00998932
EOD
$m2 << EOD
64 9.765625 1.74935282
128 12.5651042 2.01997865
EOD

set output 'mqar-T128.svg'
set title 'MQAR, seq\_len 128, 8 kv pairs: test accuracy (mean ± 95 % CI over seeds)'
set xlabel 'd\_model'
set ylabel 'accuracy (%)'
set logscale x 2
set yrange [0:100]
set grid
set key bottom right
plot $m0 using 1:2:3 with yerrorlines lw 2 pt 7 title 'mamba', \
     $m1 using 1:2:3 with yerrorlines lw 2 pt 7 title 'linear-attention (normalised)', \
     $m2 using 1:2:3 with yerrorlines lw 2 pt 7 title 'softmax-attention'
reset
set terminal pngcairo size 720,440 font 'Helvetica,10' background '#ffffff'
set output 'mqar-T128.png'
set title 'MQAR, seq\_len 128, 8 kv pairs: test accuracy (mean ± 95 % CI over seeds)'
set xlabel 'd\_model'
set ylabel 'accuracy (%)'
set logscale x 2
set yrange [0:100]
set grid
set key bottom right
plot $m0 using 1:2:3 with yerrorlines lw 2 pt 7 title 'mamba', \
     $m1 using 1:2:3 with yerrorlines lw 2 pt 7 title 'linear-attention (normalised)', \
     $m2 using 1:2:3 with yerrorlines lw 2 pt 7 title 'softmax-attention'
unset output
