# biomoe chart 'mqar-T256'. Re-render: gnuplot mqar-T256.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$m0 << EOD
64 0.325520833 0.610508777
EOD
$m1 << EOD
64 4.23177083 0.980422233
EOD
$m2 << EOD
64 4.16666667 0.504994662
EOD

set output 'mqar-T256.svg'
set title 'MQAR, seq\_len 256, 16 kv pairs: test accuracy (mean ± 95 % CI over seeds)'
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
set output 'mqar-T256.png'
set title 'MQAR, seq\_len 256, 16 kv pairs: test accuracy (mean ± 95 % CI over seeds)'
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
