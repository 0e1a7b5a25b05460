# biomoe chart 'gate-entropy'. Re-render: gnuplot gate-entropy.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$v1 << EOD
1 1.80961153 0.443820164
2 1.79253902 0.273927054
3 1.7753504 0.0268788087
EOD
$v2 << EOD
1 0.67021239 0.0700208859
2 0.670980312 0.0534296181
3 0.65937238 0.10868616
EOD
$v3 << EOD
1 1.04591474 4.34164856
2 1.09829702 3.89168414
3 1.11446223 4.58239
EOD
$v4 << EOD
1 0.0894646459 0.240603003
2 0.102431067 0.0442586864
3 0.0888586816 0.0348371668
EOD
$v5 << EOD
1 0.693147181 0
2 0.693147181 0
3 0.693147181 0
EOD
$v6 << EOD
1 0.693147181 0
2 0.693147181 0
3 0.693147181 0
EOD

set output 'gate-entropy.svg'
set title 'Router entropy on the test split per epoch (mean ± 95 % CI over seeds)'
set xlabel 'epoch'
set ylabel 'gate entropy (nats)'
set grid
set key bottom right

plot $v1 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-e8', \
     $v2 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'noisy-top-k-e8', \
     $v3 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t4-e8', \
     $v4 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t8-e8', \
     $v5 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'hash-e8', \
     $v6 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'random-e8'
reset
set terminal pngcairo size 720,440 font 'Helvetica,10' background '#ffffff'
set output 'gate-entropy.png'
set title 'Router entropy on the test split per epoch (mean ± 95 % CI over seeds)'
set xlabel 'epoch'
set ylabel 'gate entropy (nats)'
set grid
set key bottom right

plot $v1 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-e8', \
     $v2 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'noisy-top-k-e8', \
     $v3 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t4-e8', \
     $v4 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t8-e8', \
     $v5 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'hash-e8', \
     $v6 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'random-e8'
unset output
