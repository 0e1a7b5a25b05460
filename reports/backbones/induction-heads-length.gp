# biomoe chart 'induction-heads-length'. Re-render: gnuplot induction-heads-length.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$i0 << EOD
64 10.4166667 8.96386042
128 8.33333333 8.96386042
256 7.29166667 4.48193021
512 4.16666667 8.96386042
1024 4.16666667 17.9277208
2048 4.16666667 17.9277208
4096 8.33333333 17.9277208
8192 4.16666667 17.9277208
16384 4.16666667 8.96386042
EOD
$i1 << EOD
64 8.33333333 8.96386042
128 2.08333333 8.96386042
256 6.77083333 12.4771656
512 4.16666667 8.96386042
1024 8.33333333 17.9277208
2048 6.25 15.5258617
4096 8.33333333 17.9277208
8192 0 0
16384 12.5 26.8915813
EOD
$i2 << EOD
64 6.25 0
128 2.08333333 8.96386042
256 6.77083333 12.4771656
512 4.16666667 8.96386042
1024 8.33333333 17.9277208
2048 6.25 15.5258617
EOD

set output 'induction-heads-length.svg'
set title 'Induction heads: accuracy vs test length (trained at seq_len; mean ± 95 % CI over seeds)'
set xlabel 'test length N (log2 scale)'
set ylabel 'accuracy (%)'
set logscale x 2
set yrange [0:100]
set grid
set key bottom left
plot $i0 using 1:2:3 with yerrorlines lw 2 pt 7 title 'mamba (d=64)', \
     $i1 using 1:2:3 with yerrorlines lw 2 pt 7 title 'linear-attention (normalised) (d=64)', \
     $i2 using 1:2:3 with yerrorlines lw 2 pt 7 title 'softmax-attention (d=64)'
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
plot $i0 using 1:2:3 with yerrorlines lw 2 pt 7 title 'mamba (d=64)', \
     $i1 using 1:2:3 with yerrorlines lw 2 pt 7 title 'linear-attention (normalised) (d=64)', \
     $i2 using 1:2:3 with yerrorlines lw 2 pt 7 title 'softmax-attention (d=64)'
unset output
