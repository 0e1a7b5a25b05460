# biomoe chart 'loss-selective-copying-T256-d64'. Re-render: gnuplot loss-selective-copying-T256-d64.gp
set encoding utf8
set terminal svg size 720,364 dynamic font 'Helvetica,12' background '#ffffff'
$l0 << EOD
1600 2.67357654
3200 2.65038792
4800 2.64623224
6400 2.64514014
8000 2.64434954
9600 2.6435518
11200 2.64283795
12800 2.64209122
14400 2.64170648
16000 2.64084654
17600 2.64094685
19200 2.64060834
20800 2.64031804
22400 2.64011839
24000 2.63993499
25600 2.63987172
27200 2.63975321
28800 2.63962746
30400 2.63955886
32000 2.63950375
EOD

set output 'loss-selective-copying-T256-d64.svg'
set title 'selective-copying, seq\_len 256, d\_model 64: training loss (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'training loss (nats)'
set yrange [0:*]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $l0 using 1:2 with lines lw 2 title 'mamba', \
     2.6390573296152584 with lines dt 2 lc rgb 'gray40' title 'ln 14: chance'
reset
set terminal pngcairo size 720,364 font 'Helvetica,10' background '#ffffff'
set output 'loss-selective-copying-T256-d64.png'
set title 'selective-copying, seq\_len 256, d\_model 64: training loss (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'training loss (nats)'
set yrange [0:*]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $l0 using 1:2 with lines lw 2 title 'mamba', \
     2.6390573296152584 with lines dt 2 lc rgb 'gray40' title 'ln 14: chance'
unset output
