# biomoe chart 'reliability'. Re-render: gnuplot reliability.gp
set encoding utf8
set terminal svg size 720,420 dynamic font 'Helvetica,12' background '#ffffff'
$r0 << EOD
0.166666667 0.5 0.0666666667 0.196765997
0.233333333 0.30952381 0.0666666667 0.237171435
0.3 0.401639344 0.0666666667 0.302893121
0.366666667 0.427884615 0.0666666667 0.369132368
0.433333333 0.48427673 0.0666666667 0.435800768
0.5 0.6 0.0666666667 0.50032819
0.566666667 0.677804296 0.0666666667 0.566345979
0.633333333 0.735891648 0.0666666667 0.630872753
0.7 0.803097345 0.0666666667 0.700215674
0.766666667 0.883196721 0.0666666667 0.765795082
0.833333333 0.927007299 0.0666666667 0.834194369
0.9 0.955331412 0.0666666667 0.90115618
0.966666667 0.984392419 0.0666666667 0.977638009
EOD
$r1 << EOD
0.233333333 0.28 0.0666666667 0.238044885
0.3 0.425 0.0666666667 0.305431293
0.366666667 0.460227273 0.0666666667 0.369639956
0.433333333 0.495967742 0.0666666667 0.435779386
0.5 0.569014085 0.0666666667 0.502130379
0.566666667 0.642857143 0.0666666667 0.565151892
0.633333333 0.64010989 0.0666666667 0.633516267
0.7 0.757255937 0.0666666667 0.69950013
0.766666667 0.778337531 0.0666666667 0.766970211
0.833333333 0.876430206 0.0666666667 0.834459442
0.9 0.923566879 0.0666666667 0.90157997
0.966666667 0.983990629 0.0666666667 0.981935731
EOD

set output 'reliability.svg'
set multiplot layout 1,2 title 'Reliability diagrams (test split, 15 bins, pooled over seeds)'
set xrange [0:1]
set yrange [0:1]
set size ratio 1
set grid
set style fill solid 0.5 border -1
set key top left opaque
set xlabel 'confidence'
set ylabel 'accuracy'
set title 'softmax-regression'
plot $r0 using 1:2:3 with boxes title 'accuracy', x with lines dt 2 lc rgb '#444444' title 'perfect'
set title 'mlp-64'
plot $r1 using 1:2:3 with boxes title 'accuracy', x with lines dt 2 lc rgb '#444444' title 'perfect'
unset multiplot

reset
set terminal pngcairo size 720,420 font 'Helvetica,10' background '#ffffff'
set output 'reliability.png'
set multiplot layout 1,2 title 'Reliability diagrams (test split, 15 bins, pooled over seeds)'
set xrange [0:1]
set yrange [0:1]
set size ratio 1
set grid
set style fill solid 0.5 border -1
set key top left opaque
set xlabel 'confidence'
set ylabel 'accuracy'
set title 'softmax-regression'
plot $r0 using 1:2:3 with boxes title 'accuracy', x with lines dt 2 lc rgb '#444444' title 'perfect'
set title 'mlp-64'
plot $r1 using 1:2:3 with boxes title 'accuracy', x with lines dt 2 lc rgb '#444444' title 'perfect'
unset multiplot

unset output
