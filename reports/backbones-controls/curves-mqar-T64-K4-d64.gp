# biomoe chart 'curves-mqar-T64-K4-d64'. Re-render: gnuplot curves-mqar-T64-K4-d64.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$a0 << EOD
6400 0.516666667
12800 0.383333333
19200 0.541666667
25600 1.01666667
32000 1.98333333
38400 2.9
44800 4.3
51200 6.91666667
57600 9.05
64000 11.9166667
70400 14.225
76800 16.7166667
83200 17.9416667
89600 19.625
96000 20.8833333
102400 22.2916667
108800 22.9333333
115200 23.325
121600 23.7666667
128000 24.2833333
134400 24.45
140800 24.65
147200 24.9083333
153600 24.5416667
160000 24.8
166400 24.8916667
172800 25.2833333
179200 25.0916667
185600 24.95
192000 25.0833333
EOD
$a1 << EOD
6400 14.75
12800 23.3166667
19200 25.1666667
25600 24.8333333
32000 25.1
38400 31.9416667
44800 45.55
51200 62.025
57600 74.8
64000 77.0166667
70400 78.8916667
76800 86.425
83200 90.0916667
89600 91.6916667
96000 92.8
102400 93.3666667
108800 93.525
115200 94.0083333
121600 94.15
128000 94.5833333
134400 94.8083333
140800 94.95
147200 95.0083333
153600 95.275
160000 95.375
166400 95.625
172800 95.65
179200 95.7333333
185600 95.7583333
192000 95.8833333
EOD
$a2 << EOD
6400 21.1333333
12800 97.6833333
19200 99.1916667
EOD
$a3 << EOD
6400 0.4
12800 3.425
19200 14.425
25600 20.5083333
32000 23.1416667
38400 24.5333333
44800 24.8083333
51200 25.1333333
57600 24.875
64000 25.2333333
70400 25.6833333
76800 25.9333333
83200 26.375
89600 27.1833333
96000 27.2583333
102400 27.5583333
108800 28.0166667
115200 32.5916667
121600 35.5083333
128000 38.3
134400 40.3083333
140800 41.5166667
147200 42.5
153600 43.2333333
160000 44.225
166400 44.6416667
172800 45.4833333
179200 45.725
185600 46.0333333
192000 46.35
EOD
$a4 << EOD
6400 0.375
12800 0.808333333
19200 4.60833333
25600 12.2916667
32000 19.0833333
38400 22.8583333
44800 24.2583333
51200 25.15
57600 25.3666667
64000 25.2916667
70400 25.8666667
76800 25.5833333
83200 25.7166667
89600 25.725
96000 25.7666667
102400 25.8416667
108800 25.8833333
115200 27.5916667
121600 29.225
128000 30.4333333
134400 30.5083333
140800 30.7916667
147200 30.8416667
153600 31.6083333
160000 32.225
166400 32.5
172800 36.675
179200 38.7666667
185600 41.7916667
192000 44.3916667
EOD

set output 'curves-mqar-T64-K4-d64.svg'
set title 'mqar, seq\_len 64, 4 kv pairs, d\_model 64: validation accuracy (mean over seeds)'
set xlabel 'training sequences'
set ylabel 'validation accuracy (%)'
set yrange [0:100]
set grid
set key bottom right
plot $a0 using 1:2 with lines lw 2 title 'mamba (with MLP; 64 × 3000 steps, lr 0.003)', \
     $a1 using 1:2 with lines lw 2 title 'linear-attention (normalised) + learned positions, short conv 4', \
     $a2 using 1:2 with lines lw 2 title 'softmax-attention + RoPE, short conv 4', \
     $a3 using 1:2 with lines lw 2 title 'mamba (no MLP; 64 × 3000 steps, lr 0.003)', \
     $a4 using 1:2 with lines lw 2 title 'mamba + 4 layers (no MLP)', \
     90 with lines dt 2 lc rgb 'gray40' title '90 %', \
     25.0 with lines dt 3 lc rgb 'gray60' title '1/K: copy any value of the context'
reset
set terminal pngcairo size 720,440 font 'Helvetica,10' background '#ffffff'
set output 'curves-mqar-T64-K4-d64.png'
set title 'mqar, seq\_len 64, 4 kv pairs, d\_model 64: validation accuracy (mean over seeds)'
set xlabel 'training sequences'
set ylabel 'validation accuracy (%)'
set yrange [0:100]
set grid
set key bottom right
plot $a0 using 1:2 with lines lw 2 title 'mamba (with MLP; 64 × 3000 steps, lr 0.003)', \
     $a1 using 1:2 with lines lw 2 title 'linear-attention (normalised) + learned positions, short conv 4', \
     $a2 using 1:2 with lines lw 2 title 'softmax-attention + RoPE, short conv 4', \
     $a3 using 1:2 with lines lw 2 title 'mamba (no MLP; 64 × 3000 steps, lr 0.003)', \
     $a4 using 1:2 with lines lw 2 title 'mamba + 4 layers (no MLP)', \
     90 with lines dt 2 lc rgb 'gray40' title '90 %', \
     25.0 with lines dt 3 lc rgb 'gray60' title '1/K: copy any value of the context'
unset output
