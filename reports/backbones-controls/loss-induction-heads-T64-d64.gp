# biomoe chart 'loss-induction-heads-T64-d64'. Re-render: gnuplot loss-induction-heads-T64-d64.gp
set encoding utf8
set terminal svg size 720,381 dynamic font 'Helvetica,12' background '#ffffff'
$l0 << EOD
1600 2.77874726
3200 2.6796266
4800 2.66780499
6400 2.65810055
8000 2.65523322
9600 2.09440883
11200 1.82861445
12800 1.26767292
14400 1.01610477
16000 0.487794122
EOD
$l1 << EOD
1600 2.72219814
3200 2.36491295
4800 1.03432376
EOD

set output 'loss-induction-heads-T64-d64.svg'
set title 'induction-heads, seq\_len 64, d\_model 64: training loss (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'training loss (nats)'
set yrange [0:*]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $l0 using 1:2 with lines lw 2 title 'mamba + loss on the answer alone', \
     $l1 using 1:2 with lines lw 2 title 'softmax-attention + RoPE, short conv 4, loss on the answer alone', \
     2.6390573296152584 with lines dt 2 lc rgb 'gray40' title 'ln 14: chance'
reset
set terminal pngcairo size 720,381 font 'Helvetica,10' background '#ffffff'
set output 'loss-induction-heads-T64-d64.png'
set title 'induction-heads, seq\_len 64, d\_model 64: training loss (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'training loss (nats)'
set yrange [0:*]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $l0 using 1:2 with lines lw 2 title 'mamba + loss on the answer alone', \
     $l1 using 1:2 with lines lw 2 title 'softmax-attention + RoPE, short conv 4, loss on the answer alone', \
     2.6390573296152584 with lines dt 2 lc rgb 'gray40' title 'ln 14: chance'
unset output
