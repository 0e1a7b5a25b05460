# biomoe chart 'loss-mqar-T64-K4-d128'. Re-render: gnuplot loss-mqar-T64-K4-d128.gp
set encoding utf8
set terminal svg size 720,415 dynamic font 'Helvetica,12' background '#ffffff'
$l0 << EOD
1600 5.819544
3200 5.639976
4800 5.59678754
EOD
$l1 << EOD
1600 5.30285097
3200 3.9756094
4800 3.43044106
EOD
$l2 << EOD
1600 5.3503307
3200 4.17832798
4800 3.61804217
EOD

set output 'loss-mqar-T64-K4-d128.svg'
set title 'mqar, seq\_len 64, 4 kv pairs, d\_model 128: training loss (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'training loss (nats)'
set yrange [0:*]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $l0 using 1:2 with lines lw 2 title 'mamba', \
     $l1 using 1:2 with lines lw 2 title 'linear-attention (normalised)', \
     $l2 using 1:2 with lines lw 2 title 'softmax-attention', \
     5.545177444479562 with lines dt 2 lc rgb 'gray40' title 'ln(V/2): value prior', \
     1.3862943611198906 with lines dt 3 lc rgb 'gray60' title 'ln K: copy ceiling'
reset
set terminal pngcairo size 720,415 font 'Helvetica,10' background '#ffffff'
set output 'loss-mqar-T64-K4-d128.png'
set title 'mqar, seq\_len 64, 4 kv pairs, d\_model 128: training loss (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'training loss (nats)'
set yrange [0:*]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $l0 using 1:2 with lines lw 2 title 'mamba', \
     $l1 using 1:2 with lines lw 2 title 'linear-attention (normalised)', \
     $l2 using 1:2 with lines lw 2 title 'softmax-attention', \
     5.545177444479562 with lines dt 2 lc rgb 'gray40' title 'ln(V/2): value prior', \
     1.3862943611198906 with lines dt 3 lc rgb 'gray60' title 'ln K: copy ceiling'
unset output
