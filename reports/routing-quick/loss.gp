# biomoe chart 'loss'. Re-render: gnuplot loss.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$v0 << EOD
1 0.567578356 0.0651533989
2 0.409813697 0.00924369264
3 0.366195661 0.00380309895
EOD
$v1 << EOD
1 0.538619403 0.0277352909
2 0.380898991 0.0511806821
3 0.338134035 0.00586782253
EOD
$v2 << EOD
1 0.546087801 0.0356620812
2 0.383551775 0.0100586189
3 0.340793769 0.0163885224
EOD
$v3 << EOD
1 0.559344359 0.0366421245
2 0.385769456 0.0198208991
3 0.342760107 0.024367767
EOD
$v4 << EOD
1 0.60692773 0.154813846
2 0.409229967 0.0543794365
3 0.365610317 0.029700839
EOD
$v5 << EOD
1 0.554264873 0.04282115
2 0.394383831 0.00792057912
3 0.351025434 0.0194868127
EOD
$v6 << EOD
1 0.555287488 0.0454626233
2 0.395737771 0.0138330927
3 0.353087013 0.00143646288
EOD

set output 'loss.svg'
set title 'Training loss per epoch (mean ± 95 % CI over seeds)'
set xlabel 'epoch'
set ylabel 'training loss (nats, log scale)'
set grid
set key bottom right
set logscale y
set key top right
plot $v0 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'dense-mlp', \
     $v1 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-e8', \
     $v2 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'noisy-top-k-e8', \
     $v3 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t4-e8', \
     $v4 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t8-e8', \
     $v5 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'hash-e8', \
     $v6 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'random-e8'
reset
set terminal pngcairo size 720,440 font 'Helvetica,10' background '#ffffff'
set output 'loss.png'
set title 'Training loss per epoch (mean ± 95 % CI over seeds)'
set xlabel 'epoch'
set ylabel 'training loss (nats, log scale)'
set grid
set key bottom right
set logscale y
set key top right
plot $v0 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'dense-mlp', \
     $v1 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-e8', \
     $v2 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'noisy-top-k-e8', \
     $v3 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t4-e8', \
     $v4 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t8-e8', \
     $v5 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'hash-e8', \
     $v6 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'random-e8'
unset output
