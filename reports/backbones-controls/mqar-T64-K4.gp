# biomoe chart 'mqar-T64-K4'. Re-render: gnuplot mqar-T64-K4.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$m0 << EOD
64 24.95 2.93664604
EOD
$m1 << EOD
64 96.2166667 4.47504067
EOD
$m2 << EOD
64 99.0083333 0.312580494
EOD
$m3 << EOD
64 46.6416667 86.3402609
EOD
$m4 << EOD
64 44.7416667 39.6514985
EOD
$m5 << EOD
64 76.1583333 98.3892919
EOD
$m6 << EOD
64 99.0833333 0.0948645818
128 74.5166667 104.267643
EOD
$m7 << EOD
64 99.0833333 1.05087645
128 98.9416667 0.413505125
EOD
$m8 << EOD
64 99.1083333 0.353135146
128 99.4833333 1.20476418
256 99.675 0.322698975
EOD
$m9 << EOD
64 44.5416659 79.4101834
EOD
$m10 << EOD
64 99.1083344 0.843173533
EOD

set output 'mqar-T64-K4.svg'
set title 'MQAR, seq\_len 64, 4 kv pairs: test accuracy (mean ± 95 % CI over seeds)'
set xlabel 'd\_model'
set ylabel 'accuracy (%)'
set logscale x 2
set yrange [0:100]
set grid
set key bottom right
plot $m0 using 1:2:3 with yerrorlines lw 2 pt 7 title 'mamba (with MLP, 64 × 3000 steps)', \
     $m1 using 1:2:3 with yerrorlines lw 2 pt 7 title 'linear-attention (normalised) + learned positions, short conv 4 (64 × 3000 steps)', \
     $m2 using 1:2:3 with yerrorlines lw 2 pt 7 title 'softmax-attention + RoPE, short conv 4 (64 × 3000 steps)', \
     $m3 using 1:2:3 with yerrorlines lw 2 pt 7 title 'mamba (no MLP, 64 × 3000 steps)', \
     $m4 using 1:2:3 with yerrorlines lw 2 pt 7 title 'mamba + 4 layers (64 × 3000 steps)', \
     $m5 using 1:2:3 with yerrorlines lw 2 pt 7 title 'mamba + 4 layers (64 × 6000 steps)', \
     $m6 using 1:2:3 with yerrorlines lw 2 pt 7 title 'mamba (no MLP, 64 × 6000 steps)', \
     $m7 using 1:2:3 with yerrorlines lw 2 pt 7 title 'linear-attention (normalised) + learned positions, short conv 4 (64 × 6000 steps)', \
     $m8 using 1:2:3 with yerrorlines lw 2 pt 7 title 'softmax-attention + RoPE, short conv 4 (64 × 6000 steps)', \
     $m9 using 1:2:3 with yerrorlines lw 2 pt 7 title 'PyTorch: softmax-attention + learned positions (with MLP, 2 heads)', \
     $m10 using 1:2:3 with yerrorlines lw 2 pt 7 title 'PyTorch: softmax-attention + learned positions (no MLP, 1 head)'
reset
set terminal pngcairo size 720,440 font 'Helvetica,10' background '#ffffff'
set output 'mqar-T64-K4.png'
set title 'MQAR, seq\_len 64, 4 kv pairs: test accuracy (mean ± 95 % CI over seeds)'
set xlabel 'd\_model'
set ylabel 'accuracy (%)'
set logscale x 2
set yrange [0:100]
set grid
set key bottom right
plot $m0 using 1:2:3 with yerrorlines lw 2 pt 7 title 'mamba (with MLP, 64 × 3000 steps)', \
     $m1 using 1:2:3 with yerrorlines lw 2 pt 7 title 'linear-attention (normalised) + learned positions, short conv 4 (64 × 3000 steps)', \
     $m2 using 1:2:3 with yerrorlines lw 2 pt 7 title 'softmax-attention + RoPE, short conv 4 (64 × 3000 steps)', \
     $m3 using 1:2:3 with yerrorlines lw 2 pt 7 title 'mamba (no MLP, 64 × 3000 steps)', \
     $m4 using 1:2:3 with yerrorlines lw 2 pt 7 title 'mamba + 4 layers (64 × 3000 steps)', \
     $m5 using 1:2:3 with yerrorlines lw 2 pt 7 title 'mamba + 4 layers (64 × 6000 steps)', \
     $m6 using 1:2:3 with yerrorlines lw 2 pt 7 title 'mamba (no MLP, 64 × 6000 steps)', \
     $m7 using 1:2:3 with yerrorlines lw 2 pt 7 title 'linear-attention (normalised) + learned positions, short conv 4 (64 × 6000 steps)', \
     $m8 using 1:2:3 with yerrorlines lw 2 pt 7 title 'softmax-attention + RoPE, short conv 4 (64 × 6000 steps)', \
     $m9 using 1:2:3 with yerrorlines lw 2 pt 7 title 'PyTorch: softmax-attention + learned positions (with MLP, 2 heads)', \
     $m10 using 1:2:3 with yerrorlines lw 2 pt 7 title 'PyTorch: softmax-attention + learned positions (no MLP, 1 head)'
unset output
