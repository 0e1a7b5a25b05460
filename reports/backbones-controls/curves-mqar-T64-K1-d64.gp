# biomoe chart 'curves-mqar-T64-K1-d64'. Re-render: gnuplot curves-mqar-T64-K1-d64.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$a0 << EOD
6400 0.533333333
12800 6.56666667
19200 26.3666667
25600 43.5333333
32000 82.6
38400 89.6666667
44800 89.15
51200 90.35
57600 91.75
64000 92.45
70400 93.65
76800 95.05
83200 94.8
89600 95.1
96000 95.55
102400 95.4
108800 95.5
115200 95.35
121600 95.55
128000 95.7
134400 96.65
140800 97.15
147200 97.4
153600 97.9
160000 98.05
166400 98.35
172800 97.4
179200 97.4
185600 97.4
192000 97.4
EOD

set output 'curves-mqar-T64-K1-d64.svg'
set title 'mqar, seq\_len 64, 1 kv pairs, d\_model 64: validation accuracy (mean over seeds)'
set xlabel 'training sequences'
set ylabel 'validation accuracy (%)'
set yrange [0:100]
set grid
set key bottom right
plot $a0 using 1:2 with lines lw 2 title 'mamba + d\_conv 1', \
     90 with lines dt 2 lc rgb 'gray40' title '90 %', \
     100.0 with lines dt 3 lc rgb 'gray60' title '1/K: copy any value of the context'
reset
set terminal pngcairo size 720,440 font 'Helvetica,10' background '#ffffff'
set output 'curves-mqar-T64-K1-d64.png'
set title 'mqar, seq\_len 64, 1 kv pairs, d\_model 64: validation accuracy (mean over seeds)'
set xlabel 'training sequences'
set ylabel 'validation accuracy (%)'
set yrange [0:100]
set grid
set key bottom right
plot $a0 using 1:2 with lines lw 2 title 'mamba + d\_conv 1', \
     90 with lines dt 2 lc rgb 'gray40' title '90 %', \
     100.0 with lines dt 3 lc rgb 'gray60' title '1/K: copy any value of the context'
unset output
