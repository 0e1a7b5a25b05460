# biomoe chart 'dc-running-accuracy'. Re-render: gnuplot dc-running-accuracy.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$v0 << EOD
20000 82.1966667 1.59301495
30000 84.7866667 1.80785398
40000 85.7866667 0.366217308
50000 86.1666667 0.398495772
60000 88.0233333 0.798152118
70000 86.6366667 1.03303504
80000 87.3633333 1.3297294
90000 86.8566667 0.413691627
100000 87.6466667 0.931579302
110000 87.56 0.358267458
120000 89.4133333 0.549513158
130000 87.91 1.20653428
140000 88.59 0.473943299
150000 87.9433333 0.795053489
160000 88.5333333 0.342715007
170000 88.2666667 1.3229832
180000 89.9066667 1.13683804
EOD
$v1 << EOD
20000 69.2133333 4.65179828
30000 69.6566667 5.40979603
40000 70.7566667 7.3608209
50000 72.3933333 2.70581042
60000 76.96 3.86888025
EOD

set output 'dc-running-accuracy.svg'
set title 'Accuracy on each 10 000 training images, labels from the 10 000 before (mean ± 95 % CI)'
set xlabel 'training images'
set ylabel 'accuracy (%)'
set grid
set key bottom right

plot $v0 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'n400', \
     $v1 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'n100'
reset
set terminal pngcairo size 720,440 font 'Helvetica,10' background '#ffffff'
set output 'dc-running-accuracy.png'
set title 'Accuracy on each 10 000 training images, labels from the 10 000 before (mean ± 95 % CI)'
set xlabel 'training images'
set ylabel 'accuracy (%)'
set grid
set key bottom right

plot $v0 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'n400', \
     $v1 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'n100'
unset output
