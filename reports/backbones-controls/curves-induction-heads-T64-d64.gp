# biomoe chart 'curves-induction-heads-T64-d64'. Re-render: gnuplot curves-induction-heads-T64-d64.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$a0 << EOD
1600 7.43333333
3200 7.66666667
4800 6.56666667
6400 7.2
8000 10.6666667
9600 68.5
11200 8.3
12800 7.9
14400 6.3
16000 8.1
17600 8.3
19200 7.9
20800 28.7
22400 99.5
EOD
$a1 << EOD
1600 8.2
3200 58.4
4800 100
EOD

set output 'curves-induction-heads-T64-d64.svg'
set title 'induction-heads, seq\_len 64, d\_model 64: validation accuracy (mean over seeds)'
set xlabel 'training sequences'
set ylabel 'validation accuracy (%)'
set yrange [0:100]
set grid
set key bottom right
plot $a0 using 1:2 with lines lw 2 title 'mamba + loss on the answer alone', \
     $a1 using 1:2 with lines lw 2 title 'softmax-attention + RoPE, short conv 4, loss on the answer alone', \
     90 with lines dt 2 lc rgb 'gray40' title '90 %'
reset
set terminal pngcairo size 720,440 font 'Helvetica,10' background '#ffffff'
set output 'curves-induction-heads-T64-d64.png'
set title 'induction-heads, seq\_len 64, d\_model 64: validation accuracy (mean over seeds)'
set xlabel 'training sequences'
set ylabel 'validation accuracy (%)'
set yrange [0:100]
set grid
set key bottom right
plot $a0 using 1:2 with lines lw 2 title 'mamba + loss on the answer alone', \
     $a1 using 1:2 with lines lw 2 title 'softmax-attention + RoPE, short conv 4, loss on the answer alone', \
     90 with lines dt 2 lc rgb 'gray40' title '90 %'
unset output
