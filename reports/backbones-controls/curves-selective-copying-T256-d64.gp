# biomoe chart 'curves-selective-copying-T256-d64'. Re-render: gnuplot curves-selective-copying-T256-d64.gp
set encoding utf8
set terminal svg size 720,364 dynamic font 'Helvetica,12' background '#ffffff'
$a0 << EOD
1600 6.99375
3200 7.18541667
4800 6.96875
6400 7.11041667
8000 6.94583333
9600 7.23125
11200 7.10208333
12800 7.15
14400 6.97708333
16000 7.12291667
17600 7.01041667
19200 7.27916667
20800 7.2375
22400 6.90416667
24000 7.12083333
25600 7.16666667
27200 7.1375
28800 7.08958333
30400 7.17708333
32000 7.12291667
EOD

set output 'curves-selective-copying-T256-d64.svg'
set title 'selective-copying, seq\_len 256, d\_model 64: validation accuracy (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'validation accuracy (%)'
set yrange [0:100]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $a0 using 1:2 with lines lw 2 title 'mamba', \
     90 with lines dt 2 lc rgb 'gray40' title '90 %'
reset
set terminal pngcairo size 720,364 font 'Helvetica,10' background '#ffffff'
set output 'curves-selective-copying-T256-d64.png'
set title 'selective-copying, seq\_len 256, d\_model 64: validation accuracy (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'validation accuracy (%)'
set yrange [0:100]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $a0 using 1:2 with lines lw 2 title 'mamba', \
     90 with lines dt 2 lc rgb 'gray40' title '90 %'
unset output
