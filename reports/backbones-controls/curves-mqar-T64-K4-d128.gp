# biomoe chart 'curves-mqar-T64-K4-d128'. Re-render: gnuplot curves-mqar-T64-K4-d128.gp
set encoding utf8
set terminal svg size 720,415 dynamic font 'Helvetica,12' background '#ffffff'
$a0 << EOD
6400 19.2666667
12800 97.6833333
19200 99.5166667
EOD
$a1 << EOD
6400 17.3833333
12800 29.1416667
19200 72.05
25600 93.325
32000 96.7416667
38400 97.75
44800 98.0916667
51200 98.525
57600 98.65
64000 98.7833333
70400 98.8583333
76800 98.9416667
83200 98.9916667
89600 98.9666667
96000 98.9916667
102400 98.9833333
108800 98.9916667
115200 98.9666667
121600 99
128000 98.9916667
134400 99.0166667
140800 99
147200 99.1166667
EOD
$a2 << EOD
6400 0.558333333
12800 2.08333333
19200 4.175
25600 8.48333333
32000 16.9333333
38400 20.8083333
44800 23.475
51200 25.8583333
57600 27.5916667
64000 28.4666667
70400 36.325
76800 49.5416667
83200 58.9916667
89600 61.4083333
96000 65.3916667
102400 67.4416667
108800 69.1666667
115200 70.5333333
121600 70.875
128000 71.5083333
134400 71.6166667
140800 72.4416667
147200 72.7166667
153600 72.775
160000 73.375
166400 73.6916667
172800 73.725
179200 73.7583333
185600 74.2
192000 73.975
198400 74.0916667
204800 74.35
211200 74.3916667
217600 74.5333333
224000 74.575
230400 74.55
236800 74.7666667
243200 74.6833333
249600 74.75
256000 74.9083333
262400 74.65
268800 74.5
275200 74.7416667
281600 74.7833333
288000 74.5
294400 74.625
300800 74.7166667
307200 74.75
313600 74.8
320000 74.75
326400 74.4583333
332800 74.55
339200 74.7666667
345600 74.7166667
352000 74.7166667
358400 74.6
364800 74.6833333
371200 74.5833333
377600 74.825
384000 74.6333333
EOD

set output 'curves-mqar-T64-K4-d128.svg'
set title 'mqar, seq\_len 64, 4 kv pairs, d\_model 128: validation accuracy (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'validation accuracy (%)'
set yrange [0:100]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $a0 using 1:2 with lines lw 2 title 'softmax-attention + RoPE, short conv 4', \
     $a1 using 1:2 with lines lw 2 title 'linear-attention (normalised) + learned positions, short conv 4', \
     $a2 using 1:2 with lines lw 2 title 'mamba', \
     90 with lines dt 2 lc rgb 'gray40' title '90 %', \
     25.0 with lines dt 3 lc rgb 'gray60' title '1/K: copy any value of the context'
reset
set terminal pngcairo size 720,415 font 'Helvetica,10' background '#ffffff'
set output 'curves-mqar-T64-K4-d128.png'
set title 'mqar, seq\_len 64, 4 kv pairs, d\_model 128: validation accuracy (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'validation accuracy (%)'
set yrange [0:100]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $a0 using 1:2 with lines lw 2 title 'softmax-attention + RoPE, short conv 4', \
     $a1 using 1:2 with lines lw 2 title 'linear-attention (normalised) + learned positions, short conv 4', \
     $a2 using 1:2 with lines lw 2 title 'mamba', \
     90 with lines dt 2 lc rgb 'gray40' title '90 %', \
     25.0 with lines dt 3 lc rgb 'gray60' title '1/K: copy any value of the context'
unset output
