# biomoe chart 'accuracy-vs-width'. Re-render: gnuplot accuracy-vs-width.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$w0 << EOD
4 78.958 1.21386226
8 87.95 0.434759727
16 90.136 0.481743211
EOD
$w1 << EOD
4 73.43 0.514804116
8 82.39 0.11447576
16 84.502 0.285906438
EOD
$w2 << EOD
4 85.442 0.4919403
8 88.136 0.425040995
16 90.072 0.132107443
EOD

set output 'accuracy-vs-width.svg'
set title 'Test accuracy against expert width H (E = 8, mean ± 95 % CI over seeds)'
set xlabel 'expert hidden width H'
set ylabel 'test accuracy (%)'
set logscale x 2
set grid
set key bottom right
plot $w0 using 1:2:3 with yerrorlines lw 2 pt 7 title 'oracle', \
     $w1 using 1:2:3 with yerrorlines lw 2 pt 7 title 'random', \
     $w2 using 1:2:3 with yerrorlines lw 2 pt 7 title 'softmax'
reset
set terminal pngcairo size 720,440 font 'Helvetica,10' background '#ffffff'
set output 'accuracy-vs-width.png'
set title 'Test accuracy against expert width H (E = 8, mean ± 95 % CI over seeds)'
set xlabel 'expert hidden width H'
set ylabel 'test accuracy (%)'
set logscale x 2
set grid
set key bottom right
plot $w0 using 1:2:3 with yerrorlines lw 2 pt 7 title 'oracle', \
     $w1 using 1:2:3 with yerrorlines lw 2 pt 7 title 'random', \
     $w2 using 1:2:3 with yerrorlines lw 2 pt 7 title 'softmax'
unset output
