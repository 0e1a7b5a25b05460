# biomoe chart 'loss-selective-copying-T128-d64'. Re-render: gnuplot loss-selective-copying-T128-d64.gp
set encoding utf8
set terminal svg size 720,398 dynamic font 'Helvetica,12' background '#ffffff'
$l0 << EOD
1600 2.65958527
3200 2.64835536
4800 2.64162201
EOD
$l1 << EOD
1600 2.52717438
3200 2.29444724
4800 2.22116902
EOD
$l2 << EOD
1600 2.44806608
3200 2.19453244
4800 2.11929405
EOD

set output 'loss-selective-copying-T128-d64.svg'
set title 'selective-copying, seq\_len 128, d\_model 64: training loss (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'training loss (nats)'
set yrange [0:*]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $l0 using 1:2 with lines lw 2 title 'mamba', \
     $l1 using 1:2 with lines lw 2 title 'linear-attention (normalised)', \
     $l2 using 1:2 with lines lw 2 title 'softmax-attention', \
     2.6390573296152584 with lines dt 2 lc rgb 'gray40' title 'ln 14: chance'
reset
set terminal pngcairo size 720,398 font 'Helvetica,10' background '#ffffff'
set output 'loss-selective-copying-T128-d64.png'
set title 'selective-copying, seq\_len 128, d\_model 64: training loss (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'training loss (nats)'
set yrange [0:*]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $l0 using 1:2 with lines lw 2 title 'mamba', \
     $l1 using 1:2 with lines lw 2 title 'linear-attention (normalised)', \
     $l2 using 1:2 with lines lw 2 title 'softmax-attention', \
     2.6390573296152584 with lines dt 2 lc rgb 'gray40' title 'ln 14: chance'
unset output
