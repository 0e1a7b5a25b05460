# biomoe chart 'curves-mqar-T128-K8-d64'. Re-render: gnuplot curves-mqar-T128-K8-d64.gp
set encoding utf8
set terminal svg size 720,432 dynamic font 'Helvetica,12' background '#ffffff'
$a0 << EOD
6400 6.7
12800 98.4583333
19200 99.5125
EOD
$a1 << EOD
6400 0.3625
12800 0.375
19200 0.395833333
25600 0.416666667
32000 0.4125
38400 0.429166667
44800 0.379166667
51200 0.420833333
57600 0.404166667
64000 0.441666667
70400 0.391666667
76800 0.416666667
83200 0.358333333
89600 0.395833333
96000 0.420833333
102400 0.370833333
108800 0.3625
115200 0.466666667
121600 0.416666667
128000 0.366666667
134400 0.354166667
140800 0.429166667
147200 0.404166667
153600 0.454166667
160000 0.433333333
166400 0.45
172800 0.454166667
179200 0.425
185600 0.3875
192000 0.516666667
EOD
$a2 << EOD
6400 11.25
12800 12.5833333
19200 15.9291667
25600 66.25
32000 98.1291667
38400 99.075
44800 99.0791667
51200 99.2375
EOD
$a3 << EOD
6400 0.391666667
12800 0.4125
19200 1.29166667
25600 3.60416667
32000 6.36666667
38400 8.25833333
44800 9.725
51200 10.8375
57600 11.7291667
64000 12.2125
70400 12.3916667
76800 12.4
83200 12.4208333
89600 12.7916667
96000 12.7375
102400 12.9708333
108800 12.9833333
115200 13.1
121600 13.2
128000 13.2375
134400 13.2041667
140800 13.175
147200 13.1708333
153600 13.2375
160000 13.1833333
166400 13.1875
172800 13.1791667
179200 13.2
185600 13.2208333
192000 13.1625
EOD

set output 'curves-mqar-T128-K8-d64.svg'
set title 'mqar, seq\_len 128, 8 kv pairs, d\_model 64: validation accuracy (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'validation accuracy (%)'
set yrange [0:100]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $a0 using 1:2 with lines lw 2 title 'softmax-attention + RoPE, short conv 4 (with MLP)', \
     $a1 using 1:2 with lines lw 2 title 'mamba (with MLP; 64 × 3000 steps, lr 0.003)', \
     $a2 using 1:2 with lines lw 2 title 'softmax-attention + learned positions (no MLP)', \
     $a3 using 1:2 with lines lw 2 title 'mamba (no MLP; 64 × 3000 steps, lr 0.003)', \
     90 with lines dt 2 lc rgb 'gray40' title '90 %', \
     12.5 with lines dt 3 lc rgb 'gray60' title '1/K: copy any value of the context'
reset
set terminal pngcairo size 720,432 font 'Helvetica,10' background '#ffffff'
set output 'curves-mqar-T128-K8-d64.png'
set title 'mqar, seq\_len 128, 8 kv pairs, d\_model 64: validation accuracy (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'validation accuracy (%)'
set yrange [0:100]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $a0 using 1:2 with lines lw 2 title 'softmax-attention + RoPE, short conv 4 (with MLP)', \
     $a1 using 1:2 with lines lw 2 title 'mamba (with MLP; 64 × 3000 steps, lr 0.003)', \
     $a2 using 1:2 with lines lw 2 title 'softmax-attention + learned positions (no MLP)', \
     $a3 using 1:2 with lines lw 2 title 'mamba (no MLP; 64 × 3000 steps, lr 0.003)', \
     90 with lines dt 2 lc rgb 'gray40' title '90 %', \
     12.5 with lines dt 3 lc rgb 'gray60' title '1/K: copy any value of the context'
unset output
