# biomoe chart 'curves-induction-heads-T256-d64'. Re-render: gnuplot curves-induction-heads-T256-d64.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$a0 << EOD
1600 8.3
3200 7.53333333
4800 6.5
6400 6.93333333
8000 8
9600 8.16666667
11200 8.06666667
12800 7.66666667
14400 6.96666667
16000 7.83333333
17600 4.33333333
19200 6.36666667
20800 6.76666667
22400 6.53333333
24000 6.86666667
25600 7.13333333
27200 7.06666667
28800 6.9
30400 7.36666667
32000 6.93333333
EOD
$a1 << EOD
1600 7.46666667
3200 7.36666667
4800 5.23333333
6400 6.33333333
8000 6.26666667
9600 8.16666667
11200 7.36666667
12800 6.73333333
14400 6.96666667
16000 8.23333333
17600 6.96666667
19200 6.66666667
20800 9.56666667
22400 8.53333333
24000 6.86666667
25600 15.9
27200 11.9
28800 17.0333333
30400 24.9666667
32000 35.1
EOD

set output 'curves-induction-heads-T256-d64.svg'
set title 'induction-heads, seq\_len 256, d\_model 64: validation accuracy (mean over seeds)'
set xlabel 'training sequences'
set ylabel 'validation accuracy (%)'
set yrange [0:100]
set grid
set key bottom right
plot $a0 using 1:2 with lines lw 2 title 'mamba', \
     $a1 using 1:2 with lines lw 2 title 'softmax-attention + RoPE, short conv 4', \
     90 with lines dt 2 lc rgb 'gray40' title '90 %'
reset
set terminal pngcairo size 720,440 font 'Helvetica,10' background '#ffffff'
set output 'curves-induction-heads-T256-d64.png'
set title 'induction-heads, seq\_len 256, d\_model 64: validation accuracy (mean over seeds)'
set xlabel 'training sequences'
set ylabel 'validation accuracy (%)'
set yrange [0:100]
set grid
set key bottom right
plot $a0 using 1:2 with lines lw 2 title 'mamba', \
     $a1 using 1:2 with lines lw 2 title 'softmax-attention + RoPE, short conv 4', \
     90 with lines dt 2 lc rgb 'gray40' title '90 %'
unset output
