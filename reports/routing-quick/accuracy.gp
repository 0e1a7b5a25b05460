# biomoe chart 'accuracy'. Re-render: gnuplot accuracy.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$v0 << EOD
1 83.465 1.84239972
2 84.595 11.4991155
3 85.925 2.73183408
EOD
$v1 << EOD
1 83.255 1.08002743
2 85.33 8.00490915
3 86.46 4.44717175
EOD
$v2 << EOD
1 84.385 2.47770998
2 85.125 9.08493658
3 86.415 5.14601302
EOD
$v3 << EOD
1 83.955 1.33415152
2 85.445 10.4826191
3 85.935 8.44962632
EOD
$v4 << EOD
1 82.41 1.0164964
2 85.215 5.14601302
3 86.24 4.0659856
EOD
$v5 << EOD
1 83.73 2.41417895
2 85.14 4.3201097
3 85.995 1.08002743
EOD
$v6 << EOD
1 83.635 1.58827563
2 85.12 5.46366815
3 86.035 1.08002742
EOD

set output 'accuracy.svg'
set title 'Test accuracy per epoch (mean ± 95 % CI over seeds)'
set xlabel 'epoch'
set ylabel 'test accuracy (%)'
set grid
set key bottom right

plot $v0 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'dense-mlp', \
     $v1 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-e8', \
     $v2 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'noisy-top-k-e8', \
     $v3 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t4-e8', \
     $v4 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t8-e8', \
     $v5 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'hash-e8', \
     $v6 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'random-e8'
reset
set terminal pngcairo size 720,440 font 'Helvetica,10' background '#ffffff'
set output 'accuracy.png'
set title 'Test accuracy per epoch (mean ± 95 % CI over seeds)'
set xlabel 'epoch'
set ylabel 'test accuracy (%)'
set grid
set key bottom right

plot $v0 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'dense-mlp', \
     $v1 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-e8', \
     $v2 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'noisy-top-k-e8', \
     $v3 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t4-e8', \
     $v4 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t8-e8', \
     $v5 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'hash-e8', \
     $v6 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'random-e8'
unset output
