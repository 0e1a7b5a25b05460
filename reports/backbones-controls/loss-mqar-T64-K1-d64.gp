# biomoe chart 'loss-mqar-T64-K1-d64'. Re-render: gnuplot loss-mqar-T64-K1-d64.gp
set encoding utf8
set terminal svg size 720,381 dynamic font 'Helvetica,12' background '#ffffff'
$l0 << EOD
6400 5.92352066
12800 5.00672601
19200 4.11774374
25600 3.35398595
32000 1.86673979
38400 0.705217839
44800 0.44831638
51200 0.364826555
57600 0.328886989
64000 0.279178274
70400 0.260610776
76800 0.228028722
83200 0.216755732
89600 0.209164967
96000 0.200468129
102400 0.206555895
108800 0.198939094
115200 0.191312385
121600 0.202862615
128000 0.192589036
134400 0.188954805
140800 0.169681662
147200 0.166374352
153600 0.162292104
160000 0.15662404
166400 0.154412029
172800 0.150285521
179200 0.150221375
185600 0.150706502
192000 0.153095852
EOD

set output 'loss-mqar-T64-K1-d64.svg'
set title 'mqar, seq\_len 64, 1 kv pairs, d\_model 64: training loss (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'training loss (nats)'
set yrange [0:*]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $l0 using 1:2 with lines lw 2 title 'mamba + d\_conv 1', \
     5.545177444479562 with lines dt 2 lc rgb 'gray40' title 'ln(V/2): value prior', \
     0.0 with lines dt 3 lc rgb 'gray60' title 'ln K: copy ceiling'
reset
set terminal pngcairo size 720,381 font 'Helvetica,10' background '#ffffff'
set output 'loss-mqar-T64-K1-d64.png'
set title 'mqar, seq\_len 64, 1 kv pairs, d\_model 64: training loss (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'training loss (nats)'
set yrange [0:*]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $l0 using 1:2 with lines lw 2 title 'mamba + d\_conv 1', \
     5.545177444479562 with lines dt 2 lc rgb 'gray40' title 'ln(V/2): value prior', \
     0.0 with lines dt 3 lc rgb 'gray60' title 'ln K: copy ceiling'
unset output
