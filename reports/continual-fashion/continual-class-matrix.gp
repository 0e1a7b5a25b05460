# biomoe chart 'continual-class-matrix'. Re-render: gnuplot continual-class-matrix.gp
set encoding utf8
set terminal svg size 1080,1080 dynamic font 'Helvetica,12' background '#ffffff'
$m0 << EOD
1 1 98.6666667
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 0
2 2 98.2
3 2 NaN
4 2 NaN
5 2 NaN
1 3 0
2 3 0
3 3 99.9833333
4 3 NaN
5 3 NaN
1 4 0
2 4 0
3 4 0
4 4 99.1
5 4 NaN
1 5 0
2 5 0
3 5 0
4 5 0
5 5 98.85
EOD
$m1 << EOD
1 1 98.6666667
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 0
2 2 98.2666667
3 2 NaN
4 2 NaN
5 2 NaN
1 3 0
2 3 0.116666667
3 3 99.9666667
4 3 NaN
5 3 NaN
1 4 0
2 4 0
3 4 0
4 4 98.8333333
5 4 NaN
1 5 0
2 5 0
3 5 0
4 5 0
5 5 99.0166667
EOD
$m2 << EOD
1 1 98.6666667
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 0
2 2 98.3166667
3 2 NaN
4 2 NaN
5 2 NaN
1 3 0
2 3 0
3 3 99.9666667
4 3 NaN
5 3 NaN
1 4 0
2 4 0
3 4 9.86666667
4 4 98.7666667
5 4 NaN
1 5 0
2 5 0
3 5 0
4 5 0.0166666667
5 5 98.9666667
EOD
$m3 << EOD
1 1 98.6666667
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 95.6166667
2 2 0.2
3 2 NaN
4 2 NaN
5 2 NaN
1 3 95.4166667
2 3 1.83333333
3 3 0
4 3 NaN
5 3 NaN
1 4 96.4833333
2 4 4.31666667
3 4 0.683333333
4 4 0
5 4 NaN
1 5 96.05
2 5 4.83333333
3 5 0.8
4 5 0
5 5 0
EOD
$m4 << EOD
1 1 98.6666667
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 76.6333333
2 2 98.1
3 2 NaN
4 2 NaN
5 2 NaN
1 3 70.6666667
2 3 86.8333333
3 3 99.4833333
4 3 NaN
5 3 NaN
1 4 61.2
2 4 86.9
3 4 75.5666667
4 4 98.2333333
5 4 NaN
1 5 55.6833333
2 5 69.2666667
3 5 76.0666667
4 5 70.5333333
5 5 97.9
EOD
$m5 << EOD
1 1 98.6666667
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 96.15
2 2 95.45
3 2 NaN
4 2 NaN
5 2 NaN
1 3 92.2666667
2 3 94.2666667
3 3 96.65
4 3 NaN
5 3 NaN
1 4 86.1333333
2 4 94.2333333
3 4 94.4833333
4 4 91.8166667
5 4 NaN
1 5 85.6166667
2 5 89.8833333
3 5 92.55
4 5 87.8166667
5 5 86.65
EOD
$m6 << EOD
1 1 98.5166667
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 0
2 2 98.3833333
3 2 NaN
4 2 NaN
5 2 NaN
1 3 0
2 3 0
3 3 99.9666667
4 3 NaN
5 3 NaN
1 4 0
2 4 0
3 4 0
4 4 99.0666667
5 4 NaN
1 5 0
2 5 0
3 5 0
4 5 0
5 5 99.0333333
EOD
$m7 << EOD
1 1 98.5166667
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 0
2 2 98.3833333
3 2 NaN
4 2 NaN
5 2 NaN
1 3 0
2 3 0
3 3 99.9666667
4 3 NaN
5 3 NaN
1 4 0
2 4 0
3 4 0
4 4 99.0666667
5 4 NaN
1 5 0
2 5 0
3 5 0
4 5 0
5 5 99.0333333
EOD
$m8 << EOD
1 1 98.5166667
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 0
2 2 98.3833333
3 2 NaN
4 2 NaN
5 2 NaN
1 3 0
2 3 0
3 3 99.9666667
4 3 NaN
5 3 NaN
1 4 0
2 4 0
3 4 0
4 4 99.0666667
5 4 NaN
1 5 0
2 5 0
3 5 0
4 5 0
5 5 99.0333333
EOD

set output 'continual-class-matrix.svg'
set multiplot layout 3,3 title 'Split Fashion-MNIST, Class-IL: accuracy (%) on task j after training task t, mean over seeds'
set xrange [0.5:5.5]
set yrange [5.5:0.5]
set cbrange [0:100]
set xtics 1
set ytics 1
set xlabel 'tested task j'
set ylabel 'after task t'
set palette defined (0 '#440154', 50 '#21918c', 100 '#fde725')
set title 'fine-tune (None)'
plot $m0 using 1:2:3 with image notitle, $m0 using 1:2:(sprintf('%.0f', $3)) with labels tc 'white' notitle
set title 'EWC'
plot $m1 using 1:2:3 with image notitle, $m1 using 1:2:(sprintf('%.0f', $3)) with labels tc 'white' notitle
set title 'SI'
plot $m2 using 1:2:3 with image notitle, $m2 using 1:2:(sprintf('%.0f', $3)) with labels tc 'white' notitle
set title 'LwF'
plot $m3 using 1:2:3 with image notitle, $m3 using 1:2:(sprintf('%.0f', $3)) with labels tc 'white' notitle
set title 'replay (100 / class)'
plot $m4 using 1:2:3 with image notitle, $m4 using 1:2:(sprintf('%.0f', $3)) with labels tc 'white' notitle
set title 'joint (Offline)'
plot $m5 using 1:2:3 with image notitle, $m5 using 1:2:(sprintf('%.0f', $3)) with labels tc 'white' notitle
set title 'routed growth'
plot $m6 using 1:2:3 with image notitle, $m6 using 1:2:(sprintf('%.0f', $3)) with labels tc 'white' notitle
set title 'routed growth + freeze'
plot $m7 using 1:2:3 with image notitle, $m7 using 1:2:(sprintf('%.0f', $3)) with labels tc 'white' notitle
set title 'routed growth + EMC'
plot $m8 using 1:2:3 with image notitle, $m8 using 1:2:(sprintf('%.0f', $3)) with labels tc 'white' notitle
unset multiplot
reset
set terminal pngcairo size 1080,1080 font 'Helvetica,10' background '#ffffff'
set output 'continual-class-matrix.png'
set multiplot layout 3,3 title 'Split Fashion-MNIST, Class-IL: accuracy (%) on task j after training task t, mean over seeds'
set xrange [0.5:5.5]
set yrange [5.5:0.5]
set cbrange [0:100]
set xtics 1
set ytics 1
set xlabel 'tested task j'
set ylabel 'after task t'
set palette defined (0 '#440154', 50 '#21918c', 100 '#fde725')
set title 'fine-tune (None)'
plot $m0 using 1:2:3 with image notitle, $m0 using 1:2:(sprintf('%.0f', $3)) with labels tc 'white' notitle
set title 'EWC'
plot $m1 using 1:2:3 with image notitle, $m1 using 1:2:(sprintf('%.0f', $3)) with labels tc 'white' notitle
set title 'SI'
plot $m2 using 1:2:3 with image notitle, $m2 using 1:2:(sprintf('%.0f', $3)) with labels tc 'white' notitle
set title 'LwF'
plot $m3 using 1:2:3 with image notitle, $m3 using 1:2:(sprintf('%.0f', $3)) with labels tc 'white' notitle
set title 'replay (100 / class)'
plot $m4 using 1:2:3 with image notitle, $m4 using 1:2:(sprintf('%.0f', $3)) with labels tc 'white' notitle
set title 'joint (Offline)'
plot $m5 using 1:2:3 with image notitle, $m5 using 1:2:(sprintf('%.0f', $3)) with labels tc 'white' notitle
set title 'routed growth'
plot $m6 using 1:2:3 with image notitle, $m6 using 1:2:(sprintf('%.0f', $3)) with labels tc 'white' notitle
set title 'routed growth + freeze'
plot $m7 using 1:2:3 with image notitle, $m7 using 1:2:(sprintf('%.0f', $3)) with labels tc 'white' notitle
set title 'routed growth + EMC'
plot $m8 using 1:2:3 with image notitle, $m8 using 1:2:(sprintf('%.0f', $3)) with labels tc 'white' notitle
unset multiplot
unset output
