# biomoe chart 'curves-mqar-T256-K16-d64'. Re-render: gnuplot curves-mqar-T256-K16-d64.gp
set encoding utf8
set terminal svg size 720,415 dynamic font 'Helvetica,12' background '#ffffff'
$a0 << EOD
1600 0.358072917
3200 0.390625
4800 0.48828125
EOD
$a1 << EOD
1600 1.62760417
3200 3.80859375
4800 4.75260417
EOD
$a2 << EOD
1600 1.39973958
3200 3.84114583
4800 4.65494792
EOD

set output 'curves-mqar-T256-K16-d64.svg'
set title 'mqar, seq\_len 256, 16 kv pairs, d\_model 64: validation accuracy (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'validation accuracy (%)'
set yrange [0:100]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $a0 using 1:2 with lines lw 2 title 'mamba', \
     $a1 using 1:2 with lines lw 2 title 'linear-attention (normalised)', \
     $a2 using 1:2 with lines lw 2 title 'softmax-attention', \
     90 with lines dt 2 lc rgb 'gray40' title '90 %', \
     6.25 with lines dt 3 lc rgb 'gray60' title '1/K: copy any value of the context'
reset
set terminal pngcairo size 720,415 font 'Helvetica,10' background '#ffffff'
set output 'curves-mqar-T256-K16-d64.png'
set title 'mqar, seq\_len 256, 16 kv pairs, d\_model 64: validation accuracy (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'validation accuracy (%)'
set yrange [0:100]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $a0 using 1:2 with lines lw 2 title 'mamba', \
     $a1 using 1:2 with lines lw 2 title 'linear-attention (normalised)', \
     $a2 using 1:2 with lines lw 2 title 'softmax-attention', \
     90 with lines dt 2 lc rgb 'gray40' title '90 %', \
     6.25 with lines dt 3 lc rgb 'gray60' title '1/K: copy any value of the context'
unset output
