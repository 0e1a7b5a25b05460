# biomoe chart 'curves-induction-heads-T64-d64'. Re-render: gnuplot curves-induction-heads-T64-d64.gp
set encoding utf8
set terminal svg size 720,381 dynamic font 'Helvetica,12' background '#ffffff'
$a0 << EOD
1600 8.03333333
3200 8
4800 7.26666667
6400 6.63333333
8000 9.03333333
9600 38.8666667
11200 66.4
12800 69.3
14400 95.3
16000 100
EOD
$a1 << EOD
1600 8.2
3200 58.4
4800 100
EOD

set output 'curves-induction-heads-T64-d64.svg'
set title 'induction-heads, seq\_len 64, d\_model 64: validation accuracy (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'validation accuracy (%)'
set yrange [0:100]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $a0 using 1:2 with lines lw 2 title 'mamba + loss on the answer alone', \
     $a1 using 1:2 with lines lw 2 title 'softmax-attention + RoPE, short conv 4, loss on the answer alone', \
     90 with lines dt 2 lc rgb 'gray40' title '90 %'
reset
set terminal pngcairo size 720,381 font 'Helvetica,10' background '#ffffff'
set output 'curves-induction-heads-T64-d64.png'
set title 'induction-heads, seq\_len 64, d\_model 64: validation accuracy (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'validation accuracy (%)'
set yrange [0:100]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $a0 using 1:2 with lines lw 2 title 'mamba + loss on the answer alone', \
     $a1 using 1:2 with lines lw 2 title 'softmax-attention + RoPE, short conv 4, loss on the answer alone', \
     90 with lines dt 2 lc rgb 'gray40' title '90 %'
unset output
