# biomoe chart 'curves-mqar-T64-K4-d256'. Re-render: gnuplot curves-mqar-T64-K4-d256.gp
set encoding utf8
set terminal svg size 720,381 dynamic font 'Helvetica,12' background '#ffffff'
$a0 << EOD
6400 30.3083333
12800 99.35
19200 99.7166667
EOD

set output 'curves-mqar-T64-K4-d256.svg'
set title 'mqar, seq\_len 64, 4 kv pairs, d\_model 256: validation accuracy (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'validation accuracy (%)'
set yrange [0:100]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $a0 using 1:2 with lines lw 2 title 'softmax-attention + RoPE, short conv 4', \
     90 with lines dt 2 lc rgb 'gray40' title '90 %', \
     25.0 with lines dt 3 lc rgb 'gray60' title '1/K: copy any value of the context'
reset
set terminal pngcairo size 720,381 font 'Helvetica,10' background '#ffffff'
set output 'curves-mqar-T64-K4-d256.png'
set title 'mqar, seq\_len 64, 4 kv pairs, d\_model 256: validation accuracy (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'validation accuracy (%)'
set yrange [0:100]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $a0 using 1:2 with lines lw 2 title 'softmax-attention + RoPE, short conv 4', \
     90 with lines dt 2 lc rgb 'gray40' title '90 %', \
     25.0 with lines dt 3 lc rgb 'gray60' title '1/K: copy any value of the context'
unset output
