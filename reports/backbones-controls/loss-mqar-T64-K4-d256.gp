# biomoe chart 'loss-mqar-T64-K4-d256'. Re-render: gnuplot loss-mqar-T64-K4-d256.gp
set encoding utf8
set terminal svg size 720,381 dynamic font 'Helvetica,12' background '#ffffff'
$l0 << EOD
6400 4.96503356
12800 0.853466447
19200 0.5239485
EOD

set output 'loss-mqar-T64-K4-d256.svg'
set title 'mqar, seq\_len 64, 4 kv pairs, d\_model 256: training loss (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'training loss (nats)'
set yrange [0:*]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $l0 using 1:2 with lines lw 2 title 'softmax-attention + RoPE, short conv 4', \
     5.545177444479562 with lines dt 2 lc rgb 'gray40' title 'ln(V/2): value prior', \
     1.3862943611198906 with lines dt 3 lc rgb 'gray60' title 'ln K: copy ceiling'
reset
set terminal pngcairo size 720,381 font 'Helvetica,10' background '#ffffff'
set output 'loss-mqar-T64-K4-d256.png'
set title 'mqar, seq\_len 64, 4 kv pairs, d\_model 256: training loss (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'training loss (nats)'
set yrange [0:*]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $l0 using 1:2 with lines lw 2 title 'softmax-attention + RoPE, short conv 4', \
     5.545177444479562 with lines dt 2 lc rgb 'gray40' title 'ln(V/2): value prior', \
     1.3862943611198906 with lines dt 3 lc rgb 'gray60' title 'ln K: copy ceiling'
unset output
