# biomoe chart 'curves-selective-copying-T128-d64'. Re-render: gnuplot curves-selective-copying-T128-d64.gp
set encoding utf8
set terminal svg size 720,398 dynamic font 'Helvetica,12' background '#ffffff'
$a0 << EOD
1600 6.8359375
3200 7.84505208
4800 9.14713542
EOD
$a1 << EOD
1600 19.9544271
3200 21.4192708
4800 23.2421875
EOD
$a2 << EOD
1600 21.484375
3200 25.3255208
4800 25.390625
EOD

set output 'curves-selective-copying-T128-d64.svg'
set title 'selective-copying, seq\_len 128, d\_model 64: validation accuracy (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'validation accuracy (%)'
set yrange [0:100]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $a0 using 1:2 with lines lw 2 title 'mamba', \
     $a1 using 1:2 with lines lw 2 title 'linear-attention (normalised)', \
     $a2 using 1:2 with lines lw 2 title 'softmax-attention', \
     90 with lines dt 2 lc rgb 'gray40' title '90 %'
reset
set terminal pngcairo size 720,398 font 'Helvetica,10' background '#ffffff'
set output 'curves-selective-copying-T128-d64.png'
set title 'selective-copying, seq\_len 128, d\_model 64: validation accuracy (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'validation accuracy (%)'
set yrange [0:100]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $a0 using 1:2 with lines lw 2 title 'mamba', \
     $a1 using 1:2 with lines lw 2 title 'linear-attention (normalised)', \
     $a2 using 1:2 with lines lw 2 title 'softmax-attention', \
     90 with lines dt 2 lc rgb 'gray40' title '90 %'
unset output
