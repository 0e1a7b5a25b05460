# biomoe chart 'curves-mqar-T64-K4-d64'. Re-render: gnuplot curves-mqar-T64-K4-d64.gp
set encoding utf8
set terminal svg size 720,415 dynamic font 'Helvetica,12' background '#ffffff'
$a0 << EOD
1600 0.520833333
3200 0.651041667
4800 0.260416667
EOD
$a1 << EOD
1600 6.640625
3200 18.4895833
4800 23.1770833
EOD
$a2 << EOD
1600 4.94791667
3200 16.796875
4800 20.703125
EOD

set output 'curves-mqar-T64-K4-d64.svg'
set title 'mqar, seq\_len 64, 4 kv pairs, d\_model 64: validation accuracy (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'validation accuracy (%)'
set yrange [0:100]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $a0 using 1:2 with lines lw 2 title 'mamba', \
     $a1 using 1:2 with lines lw 2 title 'linear-attention (normalised)', \
     $a2 using 1:2 with lines lw 2 title 'softmax-attention', \
     90 with lines dt 2 lc rgb 'gray40' title '90 %', \
     25.0 with lines dt 3 lc rgb 'gray60' title '1/K: copy any value of the context'
reset
set terminal pngcairo size 720,415 font 'Helvetica,10' background '#ffffff'
set output 'curves-mqar-T64-K4-d64.png'
set title 'mqar, seq\_len 64, 4 kv pairs, d\_model 64: validation accuracy (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'validation accuracy (%)'
set yrange [0:100]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $a0 using 1:2 with lines lw 2 title 'mamba', \
     $a1 using 1:2 with lines lw 2 title 'linear-attention (normalised)', \
     $a2 using 1:2 with lines lw 2 title 'softmax-attention', \
     90 with lines dt 2 lc rgb 'gray40' title '90 %', \
     25.0 with lines dt 3 lc rgb 'gray60' title '1/K: copy any value of the context'
unset output
