# biomoe chart 'curves-mqar-T128-K8-d64'. Re-render: gnuplot curves-mqar-T128-K8-d64.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$a0 << EOD
6400 6.7
12800 98.4583333
19200 99.5125
EOD

set output 'curves-mqar-T128-K8-d64.svg'
set title 'mqar, seq\_len 128, 8 kv pairs, d\_model 64: validation accuracy (mean over seeds)'
set xlabel 'training sequences'
set ylabel 'validation accuracy (%)'
set yrange [0:100]
set grid
set key bottom right
plot $a0 using 1:2 with lines lw 2 title 'softmax-attention + RoPE, short conv 4', \
     90 with lines dt 2 lc rgb 'gray40' title '90 %', \
     12.5 with lines dt 3 lc rgb 'gray60' title '1/K: copy any value of the context'
reset
set terminal pngcairo size 720,440 font 'Helvetica,10' background '#ffffff'
set output 'curves-mqar-T128-K8-d64.png'
set title 'mqar, seq\_len 128, 8 kv pairs, d\_model 64: validation accuracy (mean over seeds)'
set xlabel 'training sequences'
set ylabel 'validation accuracy (%)'
set yrange [0:100]
set grid
set key bottom right
plot $a0 using 1:2 with lines lw 2 title 'softmax-attention + RoPE, short conv 4', \
     90 with lines dt 2 lc rgb 'gray40' title '90 %', \
     12.5 with lines dt 3 lc rgb 'gray60' title '1/K: copy any value of the context'
unset output
