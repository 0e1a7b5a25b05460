# biomoe chart 'accuracy'. Re-render: gnuplot accuracy.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$v0 << EOD
1 80.3033333 0.847645695
2 82.47 0.23956158
3 83.0533333 0.179706959
4 83.55 0.367618833
5 83.7566667 0.230815489
6 83.9233333 0.329870063
7 83.94 0.423762176
8 84.2066667 0.230815489
9 84.0566667 0.413691627
10 84.1633333 0.17448011
11 83.6833333 0.574224646
12 84.4633333 0.192954253
13 84.39 0.268700594
14 84.3066667 0.234791551
15 84.4666667 0.373723111
EOD
$v1 << EOD
1 83.4266667 0.396166124
2 84.3866667 2.4202609
3 85.6 1.49688632
4 86.4833333 0.523636779
5 86.6033333 0.766602424
6 87.2666667 0.708015609
7 87.12 0.358267458
8 87.84 1.82664385
9 87.6766667 0.96285047
10 88.1766667 0.766602424
11 87.8966667 0.745793187
12 88.3533333 1.36454336
13 88.3266667 1.34334985
14 88.3533333 0.827010251
15 88.4433333 1.23717382
EOD

set output 'accuracy.svg'
set title 'Test accuracy per epoch (mean ± 95 % CI over seeds)'
set xlabel 'epoch'
set ylabel 'test accuracy (%)'
set grid
set key bottom right

plot $v0 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-regression', \
     $v1 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mlp-256'
reset
set terminal pngcairo size 720,440 font 'Helvetica,10' background '#ffffff'
set output 'accuracy.png'
set title 'Test accuracy per epoch (mean ± 95 % CI over seeds)'
set xlabel 'epoch'
set ylabel 'test accuracy (%)'
set grid
set key bottom right

plot $v0 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-regression', \
     $v1 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mlp-256'
unset output
