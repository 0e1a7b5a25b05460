# biomoe chart 'loss'. Re-render: gnuplot loss.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$v0 << EOD
1 0.56757824 0.0651548172
2 0.409873442 0.00877395385
3 0.36617606 0.00188236037
EOD
$v1 << EOD
1 0.538619403 0.0277352909
2 0.380898991 0.0511806821
3 0.338134035 0.00586782253
EOD
$v2 << EOD
1 0.545956995 0.0386009619
2 0.38416787 0.00156798377
3 0.339610738 0.0126943789
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
1 0.55475723 0.0470276415
2 0.395729746 0.021420651
3 0.352710308 0.019747416
EOD
$v6 << EOD
1 0.555327231 0.0449576654
2 0.395761198 0.0113693742
3 0.352971644 0.00445477627
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
