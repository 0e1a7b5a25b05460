# biomoe chart 'mqar-T64'. Re-render: gnuplot mqar-T64.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$m0 << EOD
64 0.520833333 0.560241276
128 0.520833333 0.560241276
256 0.260416667 0.560241276
EOD
$m1 << EOD
64 21.6145833 4.03995729
128 23.3072917 4.88407021
256 25.1302083 2.44203511
EOD
$m2 << EOD
64 21.09375 2.91109906
128 24.8697917 3.92168893
256 23.9583333 1.12048255
EOD

set output 'mqar-T64.svg'
set title 'MQAR, seq\_len 64, 4 kv pairs: test accuracy (mean ± 95 % CI over seeds)'
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
set output 'mqar-T64.png'
set title 'MQAR, seq\_len 64, 4 kv pairs: test accuracy (mean ± 95 % CI over seeds)'
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
