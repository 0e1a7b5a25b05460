# biomoe chart 'loss-induction-heads-T64-d64'. Re-render: gnuplot loss-induction-heads-T64-d64.gp
set encoding utf8
set terminal svg size 720,381 dynamic font 'Helvetica,12' background '#ffffff'
$l0 << EOD
1600 2.75564474
3200 2.69010565
4800 2.678932
6400 2.66474637
8000 2.6479087
9600 1.53247684
11200 1.53181889
12800 1.52984255
14400 1.52772336
16000 1.52947403
17600 1.52772517
19200 1.52863182
20800 1.50361866
22400 0.965242853
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
