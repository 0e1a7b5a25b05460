# biomoe chart 'induction-heads-length'. Re-render: gnuplot induction-heads-length.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$i0 << EOD
64 6.51041667 3.11929141
128 7.29166667 1.48225909
256 6.8 1.9401737
512 0 0
1024 0 0
2048 0 0
4096 0 0
8192 0 0
16384 0 0
EOD
$i1 << EOD
64 12.3697917 22.262102
128 12.7604167 13.9386408
256 36.1 119.409538
512 7.29166667 22.0709466
1024 2.99479167 6.88436006
2048 2.21354167 7.90317577
EOD
$i2 << EOD
64 7.421875 0.970366355
128 7.16145833 3.11929141
256 6.7 1.9401737
512 0 0
1024 0 0
2048 0 0
4096 0 0
8192 0 0
16384 0 0
EOD
$i3 << EOD
64 8.07291667 2.96451818
128 7.29166667 2.80120638
256 7.7 1.62895814
512 0 0
1024 0 0
2048 0 0
4096 0 0
8192 0 0
16384 0 0
EOD
$i4 << EOD
64 100 0
128 100 0
256 100 0
512 100 0
1024 98.9583333 2.01997865
2048 90.234375 14.6843075
4096 75.5208333 29.4539891
8192 63.1510417 15.4752392
16384 48.6979167 17.2587051
EOD
$i5 << EOD
64 100 0
128 100 0
256 100 0
512 97.65625 5.40277121
1024 78.3854167 40.6435643
2048 50.9114583 52.2047479
EOD

set output 'induction-heads-length.svg'
set title 'Induction heads: accuracy vs test length (trained at seq_len; mean ± 95 % CI over seeds)'
set xlabel 'test length N (log2 scale)'
set ylabel 'accuracy (%)'
set logscale x 2
set yrange [0:100]
set grid
set key bottom left
plot $i0 using 1:2:3 with yerrorlines lw 2 pt 7 title 'mamba (with MLP; 16 × 2000 steps, lr 0.003) (d=64)', \
     $i1 using 1:2:3 with yerrorlines lw 2 pt 7 title 'softmax-attention + RoPE, short conv 4 (d=64)', \
     $i2 using 1:2:3 with yerrorlines lw 2 pt 7 title 'mamba (with MLP; 16 × 6000 steps, lr 0.001) (d=64)', \
     $i3 using 1:2:3 with yerrorlines lw 2 pt 7 title 'mamba (no MLP; 16 × 6000 steps, lr 0.001) (d=64)', \
     $i4 using 1:2:3 with yerrorlines lw 2 pt 7 title 'mamba + loss on the answer alone (d=64)', \
     $i5 using 1:2:3 with yerrorlines lw 2 pt 7 title 'softmax-attention + RoPE, short conv 4, loss on the answer alone (d=64)'
reset
set terminal pngcairo size 720,440 font 'Helvetica,10' background '#ffffff'
set output 'induction-heads-length.png'
set title 'Induction heads: accuracy vs test length (trained at seq_len; mean ± 95 % CI over seeds)'
set xlabel 'test length N (log2 scale)'
set ylabel 'accuracy (%)'
set logscale x 2
set yrange [0:100]
set grid
set key bottom left
plot $i0 using 1:2:3 with yerrorlines lw 2 pt 7 title 'mamba (with MLP; 16 × 2000 steps, lr 0.003) (d=64)', \
     $i1 using 1:2:3 with yerrorlines lw 2 pt 7 title 'softmax-attention + RoPE, short conv 4 (d=64)', \
     $i2 using 1:2:3 with yerrorlines lw 2 pt 7 title 'mamba (with MLP; 16 × 6000 steps, lr 0.001) (d=64)', \
     $i3 using 1:2:3 with yerrorlines lw 2 pt 7 title 'mamba (no MLP; 16 × 6000 steps, lr 0.001) (d=64)', \
     $i4 using 1:2:3 with yerrorlines lw 2 pt 7 title 'mamba + loss on the answer alone (d=64)', \
     $i5 using 1:2:3 with yerrorlines lw 2 pt 7 title 'softmax-attention + RoPE, short conv 4, loss on the answer alone (d=64)'
unset output
