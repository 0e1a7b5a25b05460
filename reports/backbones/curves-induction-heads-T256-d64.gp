# biomoe chart 'curves-induction-heads-T256-d64'. Re-render: gnuplot curves-induction-heads-T256-d64.gp
set encoding utf8
set terminal svg size 720,398 dynamic font 'Helvetica,12' background '#ffffff'
$a0 << EOD
1600 11.4583333
3200 4.16666667
EOD
$a1 << EOD
1600 8.85416667
3200 7.8125
EOD
$a2 << EOD
1600 7.8125
3200 6.77083333
EOD

set output 'curves-induction-heads-T256-d64.svg'
set title 'induction-heads, seq\_len 256, d\_model 64: validation accuracy (seed mean, stopped seeds held)'
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
set output 'curves-induction-heads-T256-d64.png'
set title 'induction-heads, seq\_len 256, d\_model 64: validation accuracy (seed mean, stopped seeds held)'
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
