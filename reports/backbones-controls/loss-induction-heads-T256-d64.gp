# biomoe chart 'loss-induction-heads-T256-d64'. Re-render: gnuplot loss-induction-heads-T256-d64.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$l0 << EOD
1600 2.691584
3200 2.66730641
4800 2.66598718
6400 2.66463368
8000 2.66397581
9600 2.66499155
11200 2.6635265
12800 2.66230902
14400 2.66230756
16000 2.6613723
17600 2.66084516
19200 2.65819387
20800 2.658252
22400 2.65685373
24000 2.65609875
25600 2.65523585
27200 2.65414902
28800 2.65233898
30400 2.6509316
32000 2.65103058
EOD
$l1 << EOD
1600 2.6825932
3200 2.66704645
4800 2.66384054
6400 2.65570859
8000 2.64632861
9600 2.64523489
11200 2.64513258
12800 2.64491196
14400 2.64475509
16000 2.64470222
17600 2.64357237
19200 2.64324313
20800 2.64316278
22400 2.64257141
24000 2.64122106
25600 2.64079718
27200 2.64040001
28800 2.64022324
30400 2.64003081
32000 2.63969971
EOD

set output 'loss-induction-heads-T256-d64.svg'
set title 'induction-heads, seq\_len 256, d\_model 64: training loss (mean over seeds)'
set xlabel 'training sequences'
set ylabel 'training loss (nats)'
set yrange [0:*]
set grid
set key top right
plot $l0 using 1:2 with lines lw 2 title 'mamba', \
     $l1 using 1:2 with lines lw 2 title 'softmax-attention + RoPE, short conv 4', \
     2.6390573296152584 with lines dt 2 lc rgb 'gray40' title 'ln 14: chance'
reset
set terminal pngcairo size 720,440 font 'Helvetica,10' background '#ffffff'
set output 'loss-induction-heads-T256-d64.png'
set title 'induction-heads, seq\_len 256, d\_model 64: training loss (mean over seeds)'
set xlabel 'training sequences'
set ylabel 'training loss (nats)'
set yrange [0:*]
set grid
set key top right
plot $l0 using 1:2 with lines lw 2 title 'mamba', \
     $l1 using 1:2 with lines lw 2 title 'softmax-attention + RoPE, short conv 4', \
     2.6390573296152584 with lines dt 2 lc rgb 'gray40' title 'ln 14: chance'
unset output
