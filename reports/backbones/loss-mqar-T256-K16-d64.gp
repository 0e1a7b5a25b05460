# biomoe chart 'loss-mqar-T256-K16-d64'. Re-render: gnuplot loss-mqar-T256-K16-d64.gp
set encoding utf8
set terminal svg size 720,415 dynamic font 'Helvetica,12' background '#ffffff'
$l0 << EOD
1600 5.69840221
3200 5.5808379
4800 5.57376873
EOD
$l1 << EOD
1600 5.70151984
3200 5.30727636
4800 5.07280054
EOD
$l2 << EOD
1600 5.70214445
3200 5.33023802
4800 5.11220269
EOD

set output 'loss-mqar-T256-K16-d64.svg'
set title 'mqar, seq\_len 256, 16 kv pairs, d\_model 64: training loss (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'training loss (nats)'
set yrange [0:*]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $l0 using 1:2 with lines lw 2 title 'mamba', \
     $l1 using 1:2 with lines lw 2 title 'linear-attention (normalised)', \
     $l2 using 1:2 with lines lw 2 title 'softmax-attention', \
     5.545177444479562 with lines dt 2 lc rgb 'gray40' title 'ln(V/2): value prior', \
     2.772588722239781 with lines dt 3 lc rgb 'gray60' title 'ln K: copy ceiling'
reset
set terminal pngcairo size 720,415 font 'Helvetica,10' background '#ffffff'
set output 'loss-mqar-T256-K16-d64.png'
set title 'mqar, seq\_len 256, 16 kv pairs, d\_model 64: training loss (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'training loss (nats)'
set yrange [0:*]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $l0 using 1:2 with lines lw 2 title 'mamba', \
     $l1 using 1:2 with lines lw 2 title 'linear-attention (normalised)', \
     $l2 using 1:2 with lines lw 2 title 'softmax-attention', \
     5.545177444479562 with lines dt 2 lc rgb 'gray40' title 'ln(V/2): value prior', \
     2.772588722239781 with lines dt 3 lc rgb 'gray60' title 'ln K: copy ceiling'
unset output
