# biomoe chart 'curves-mqar-T128-K8-d128'. Re-render: gnuplot curves-mqar-T128-K8-d128.gp
set encoding utf8
set terminal svg size 720,415 dynamic font 'Helvetica,12' background '#ffffff'
$a0 << EOD
1600 0.390625
3200 0.5859375
4800 0.5859375
EOD
$a1 << EOD
1600 7.94270833
3200 11.0026042
4800 11.5885417
EOD
$a2 << EOD
1600 7.68229167
3200 11.6536458
4800 11.7838542
EOD

set output 'curves-mqar-T128-K8-d128.svg'
set title 'mqar, seq\_len 128, 8 kv pairs, d\_model 128: validation accuracy (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'validation accuracy (%)'
set yrange [0:100]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $a0 using 1:2 with lines lw 2 title 'mamba', \
     $a1 using 1:2 with lines lw 2 title 'linear-attention (normalised)', \
     $a2 using 1:2 with lines lw 2 title 'softmax-attention', \
     90 with lines dt 2 lc rgb 'gray40' title '90 %', \
     12.5 with lines dt 3 lc rgb 'gray60' title '1/K: copy any value of the context'
reset
set terminal pngcairo size 720,415 font 'Helvetica,10' background '#ffffff'
set output 'curves-mqar-T128-K8-d128.png'
set title 'mqar, seq\_len 128, 8 kv pairs, d\_model 128: validation accuracy (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'validation accuracy (%)'
set yrange [0:100]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $a0 using 1:2 with lines lw 2 title 'mamba', \
     $a1 using 1:2 with lines lw 2 title 'linear-attention (normalised)', \
     $a2 using 1:2 with lines lw 2 title 'softmax-attention', \
     90 with lines dt 2 lc rgb 'gray40' title '90 %', \
     12.5 with lines dt 3 lc rgb 'gray60' title '1/K: copy any value of the context'
unset output
