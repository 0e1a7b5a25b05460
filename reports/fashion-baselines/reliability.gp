# biomoe chart 'reliability'. Re-render: gnuplot reliability.gp
set encoding utf8
set terminal svg size 720,420 dynamic font 'Helvetica,12' background '#ffffff'
$r0 << EOD
0.166666667 0 0.0666666667 0.196306631
0.233333333 0.146341463 0.0666666667 0.237661234
0.3 0.362573099 0.0666666667 0.305919864
0.366666667 0.400383142 0.0666666667 0.370824299
0.433333333 0.447488584 0.0666666667 0.435433789
0.5 0.487039563 0.0666666667 0.501103554
0.566666667 0.564809017 0.0666666667 0.565750375
0.633333333 0.64084507 0.0666666667 0.633369073
0.7 0.726052471 0.0666666667 0.700527732
0.766666667 0.796992481 0.0666666667 0.767077397
0.833333333 0.848122867 0.0666666667 0.835099097
0.9 0.907531944 0.0666666667 0.902304937
0.966666667 0.98149622 0.0666666667 0.98533671
EOD
$r1 << EOD
0.233333333 0.6 0.0666666667 0.249989866
0.3 0.365079365 0.0666666667 0.307301308
0.366666667 0.343915344 0.0666666667 0.370419206
0.433333333 0.479487179 0.0666666667 0.438414061
0.5 0.501863354 0.0666666667 0.504396206
0.566666667 0.56027668 0.0666666667 0.566714523
0.633333333 0.566972477 0.0666666667 0.633314991
0.7 0.620751342 0.0666666667 0.700133672
0.766666667 0.725203252 0.0666666667 0.767125157
0.833333333 0.796208531 0.0666666667 0.83507821
0.9 0.866788321 0.0666666667 0.902423111
0.966666667 0.979289072 0.0666666667 0.991551242
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
set title 'mlp-256'
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
set title 'mlp-256'
plot $r1 using 1:2:3 with boxes title 'accuracy', x with lines dt 2 lc rgb '#444444' title 'perfect'
unset multiplot

unset output
