# biomoe chart 'accuracy'. Re-render: gnuplot accuracy.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$v0 << EOD
1 78.1833333 0.748683602
2 80.7333333 2.30815489
3 82.15 0.993655147
EOD
$v1 << EOD
1 77.6666667 5.5440444
2 80.7833333 3.83703487
3 83.0666667 3.49181197
EOD

set output 'accuracy.svg'
set title 'Test accuracy per epoch (mean ± 95 % CI over seeds)'
set xlabel 'epoch'
set ylabel 'test accuracy (%)'
set grid
set key bottom right

plot $v0 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-regression', \
     $v1 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mlp-64'
reset
set terminal pngcairo size 720,440 font 'Helvetica,10' background '#ffffff'
set output 'accuracy.png'
set title 'Test accuracy per epoch (mean ± 95 % CI over seeds)'
set xlabel 'epoch'
set ylabel 'test accuracy (%)'
set grid
set key bottom right

plot $v0 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-regression', \
     $v1 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mlp-64'
unset output
