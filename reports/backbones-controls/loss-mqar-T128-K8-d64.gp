# biomoe chart 'loss-mqar-T128-K8-d64'. Re-render: gnuplot loss-mqar-T128-K8-d64.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$l0 << EOD
6400 5.59977805
12800 1.92035986
19200 0.0878555795
EOD

set output 'loss-mqar-T128-K8-d64.svg'
set title 'mqar, seq\_len 128, 8 kv pairs, d\_model 64: training loss (mean over seeds)'
set xlabel 'training sequences'
set ylabel 'training loss (nats)'
set yrange [0:*]
set grid
set key top right
plot $l0 using 1:2 with lines lw 2 title 'softmax-attention + RoPE, short conv 4', \
     5.545177444479562 with lines dt 2 lc rgb 'gray40' title 'ln(V/2): value prior', \
     2.0794415416798357 with lines dt 3 lc rgb 'gray60' title 'ln K: copy ceiling'
reset
set terminal pngcairo size 720,440 font 'Helvetica,10' background '#ffffff'
set output 'loss-mqar-T128-K8-d64.png'
set title 'mqar, seq\_len 128, 8 kv pairs, d\_model 64: training loss (mean over seeds)'
set xlabel 'training sequences'
set ylabel 'training loss (nats)'
set yrange [0:*]
set grid
set key top right
plot $l0 using 1:2 with lines lw 2 title 'softmax-attention + RoPE, short conv 4', \
     5.545177444479562 with lines dt 2 lc rgb 'gray40' title 'ln(V/2): value prior', \
     2.0794415416798357 with lines dt 3 lc rgb 'gray60' title 'ln K: copy ceiling'
unset output
