# biomoe chart 'mqar-T128'. Re-render: gnuplot mqar-T128.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$m0 << EOD
64 99.3916667 0.560079903
EOD
$m1 << EOD
64 0.5 0.21513265
EOD
$m2 << EOD
64 99.2541667 0.658218413
EOD
$m3 << EOD
64 13.3583333 0.715089121
EOD
$m4 << EOD
64 34.8208333 100.57209
EOD
$m5 << EOD
64 96.9291667 4.79136577
EOD
$m6 << EOD
64 99.4125 0.52970272
EOD

set output 'mqar-T128.svg'
set title 'MQAR, seq\_len 128, 8 kv pairs: test accuracy (mean ± 95 % CI over seeds)'
set xlabel 'd\_model'
set ylabel 'accuracy (%)'
set logscale x 2
set yrange [0:100]
set grid
set key bottom right
plot $m0 using 1:2:3 with yerrorlines lw 2 pt 7 title 'softmax-attention + RoPE, short conv 4 (64 × 3000 steps)', \
     $m1 using 1:2:3 with yerrorlines lw 2 pt 7 title 'mamba (with MLP, 64 × 3000 steps)', \
     $m2 using 1:2:3 with yerrorlines lw 2 pt 7 title 'softmax-attention + learned positions', \
     $m3 using 1:2:3 with yerrorlines lw 2 pt 7 title 'mamba (no MLP, 64 × 3000 steps)', \
     $m4 using 1:2:3 with yerrorlines lw 2 pt 7 title 'mamba (no MLP, 64 × 6000 steps)', \
     $m5 using 1:2:3 with yerrorlines lw 2 pt 7 title 'linear-attention (normalised) + learned positions, short conv 4', \
     $m6 using 1:2:3 with yerrorlines lw 2 pt 7 title 'softmax-attention + RoPE, short conv 4 (64 × 6000 steps)'
reset
set terminal pngcairo size 720,440 font 'Helvetica,10' background '#ffffff'
set output 'mqar-T128.png'
set title 'MQAR, seq\_len 128, 8 kv pairs: test accuracy (mean ± 95 % CI over seeds)'
set xlabel 'd\_model'
set ylabel 'accuracy (%)'
set logscale x 2
set yrange [0:100]
set grid
set key bottom right
plot $m0 using 1:2:3 with yerrorlines lw 2 pt 7 title 'softmax-attention + RoPE, short conv 4 (64 × 3000 steps)', \
     $m1 using 1:2:3 with yerrorlines lw 2 pt 7 title 'mamba (with MLP, 64 × 3000 steps)', \
     $m2 using 1:2:3 with yerrorlines lw 2 pt 7 title 'softmax-attention + learned positions', \
     $m3 using 1:2:3 with yerrorlines lw 2 pt 7 title 'mamba (no MLP, 64 × 3000 steps)', \
     $m4 using 1:2:3 with yerrorlines lw 2 pt 7 title 'mamba (no MLP, 64 × 6000 steps)', \
     $m5 using 1:2:3 with yerrorlines lw 2 pt 7 title 'linear-attention (normalised) + learned positions, short conv 4', \
     $m6 using 1:2:3 with yerrorlines lw 2 pt 7 title 'softmax-attention + RoPE, short conv 4 (64 × 6000 steps)'
unset output
