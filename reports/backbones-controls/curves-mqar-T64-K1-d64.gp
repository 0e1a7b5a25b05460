# biomoe chart 'curves-mqar-T64-K1-d64'. Re-render: gnuplot curves-mqar-T64-K1-d64.gp
set encoding utf8
set terminal svg size 720,381 dynamic font 'Helvetica,12' background '#ffffff'
$a0 << EOD
6400 0.533333333
12800 6.56666667
19200 26.3666667
25600 43.5333333
32000 82.6
38400 89.6666667
44800 92.7333333
51200 93.5333333
57600 94.4666667
64000 94.9333333
70400 95.7333333
76800 96.6666667
83200 96.5
89600 96.7
96000 97
102400 96.9
108800 96.9666667
115200 96.8666667
121600 97
128000 97.1
134400 97.7333333
140800 98.0666667
147200 98.2333333
153600 98.5666667
160000 98.6666667
166400 98.8666667
172800 98.8666667
179200 98.8666667
185600 98.8666667
192000 98.8666667
EOD

set output 'curves-mqar-T64-K1-d64.svg'
set title 'mqar, seq\_len 64, 1 kv pairs, d\_model 64: validation accuracy (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'validation accuracy (%)'
set yrange [0:100]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $a0 using 1:2 with lines lw 2 title 'mamba + d\_conv 1', \
     90 with lines dt 2 lc rgb 'gray40' title '90 %', \
     100.0 with lines dt 3 lc rgb 'gray60' title '1/K: copy any value of the context'
reset
set terminal pngcairo size 720,381 font 'Helvetica,10' background '#ffffff'
set output 'curves-mqar-T64-K1-d64.png'
set title 'mqar, seq\_len 64, 1 kv pairs, d\_model 64: validation accuracy (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'validation accuracy (%)'
set yrange [0:100]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $a0 using 1:2 with lines lw 2 title 'mamba + d\_conv 1', \
     90 with lines dt 2 lc rgb 'gray40' title '90 %', \
     100.0 with lines dt 3 lc rgb 'gray60' title '1/K: copy any value of the context'
unset output
