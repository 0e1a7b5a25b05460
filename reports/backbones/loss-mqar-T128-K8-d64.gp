# biomoe chart 'loss-mqar-T128-K8-d64'. Re-render: gnuplot loss-mqar-T128-K8-d64.gp
set encoding utf8
set terminal svg size 720,415 dynamic font 'Helvetica,12' background '#ffffff'
$l0 << EOD
1600 5.7445843
3200 5.59341276
4800 5.58423786
EOD
$l1 << EOD
1600 5.68479077
3200 5.07726559
4800 4.69491608
EOD
$l2 << EOD
1600 5.69321499
3200 5.13277479
4800 4.77118896
EOD

set output 'loss-mqar-T128-K8-d64.svg'
set title 'mqar, seq\_len 128, 8 kv pairs, d\_model 64: training loss (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'training loss (nats)'
set yrange [0:*]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $l0 using 1:2 with lines lw 2 title 'mamba', \
     $l1 using 1:2 with lines lw 2 title 'linear-attention (normalised)', \
     $l2 using 1:2 with lines lw 2 title 'softmax-attention', \
     5.545177444479562 with lines dt 2 lc rgb 'gray40' title 'ln(V/2): value prior', \
     2.0794415416798357 with lines dt 3 lc rgb 'gray60' title 'ln K: copy ceiling'
reset
set terminal pngcairo size 720,415 font 'Helvetica,10' background '#ffffff'
set output 'loss-mqar-T128-K8-d64.png'
set title 'mqar, seq\_len 128, 8 kv pairs, d\_model 64: training loss (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'training loss (nats)'
set yrange [0:*]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $l0 using 1:2 with lines lw 2 title 'mamba', \
     $l1 using 1:2 with lines lw 2 title 'linear-attention (normalised)', \
     $l2 using 1:2 with lines lw 2 title 'softmax-attention', \
     5.545177444479562 with lines dt 2 lc rgb 'gray40' title 'ln(V/2): value prior', \
     2.0794415416798357 with lines dt 3 lc rgb 'gray60' title 'ln K: copy ceiling'
unset output
