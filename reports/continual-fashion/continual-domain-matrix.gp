# biomoe chart 'continual-domain-matrix'. Re-render: gnuplot continual-domain-matrix.gp
set encoding utf8
set terminal svg size 1080,1080 dynamic font 'Helvetica,12' background '#ffffff'
$m0 << EOD
1 1 98.4833333
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 46.75
2 2 98.3
3 2 NaN
4 2 NaN
5 2 NaN
1 3 61.95
2 3 51.9
3 3 100
4 3 NaN
5 3 NaN
1 4 42.8666667
2 4 56.3166667
3 4 83.1166667
4 4 99.1666667
5 4 NaN
1 5 40.7666667
2 5 46.9
3 5 63.3166667
4 5 43.5333333
5 5 98.8833333
EOD
$m1 << EOD
1 1 98.4833333
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 48.3
2 2 98.0166667
3 2 NaN
4 2 NaN
5 2 NaN
1 3 59.1
2 3 55.25
3 3 99.9833333
4 3 NaN
5 3 NaN
1 4 46.7
2 4 53.95
3 4 89.2
4 4 98.75
5 4 NaN
1 5 36.9333333
2 5 46.0666667
3 5 57.0166667
4 5 49.2166667
5 5 98.8
EOD
$m2 << EOD
1 1 98.4833333
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 50.7666667
2 2 97.9
3 2 NaN
4 2 NaN
5 2 NaN
1 3 55.05
2 3 66.0833333
3 3 99.4666667
4 3 NaN
5 3 NaN
1 4 55.3833333
2 4 51.3166667
3 4 88.35
4 4 98.4166667
5 4 NaN
1 5 41.0333333
2 5 41.9833333
3 5 54.5833333
4 5 49.0833333
5 5 98.7166667
EOD
$m3 << EOD
1 1 98.4833333
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 98.1166667
2 2 37.05
3 2 NaN
4 2 NaN
5 2 NaN
1 3 91.9666667
2 3 47.6666667
3 3 66.7666667
4 3 NaN
5 3 NaN
1 4 83.85
2 4 54.2666667
3 4 80.3166667
4 4 65.8833333
5 4 NaN
1 5 89.3666667
2 5 52.8666667
3 5 68.35
4 5 58.4833333
5 5 43.35
EOD
$m4 << EOD
1 1 98.4833333
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 84.2166667
2 2 97.8666667
3 2 NaN
4 2 NaN
5 2 NaN
1 3 87.4166667
2 3 90.95
3 3 99.8666667
4 3 NaN
5 3 NaN
1 4 83.8833333
2 4 90.3833333
3 4 95.1666667
4 4 98.3
5 4 NaN
1 5 82.6666667
2 5 83.9833333
3 5 93.5666667
4 5 76.6833333
5 5 98.0333333
EOD
$m5 << EOD
1 1 98.4833333
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 97.2
2 2 96.0666667
3 2 NaN
4 2 NaN
5 2 NaN
1 3 96.8333333
2 3 94.7333333
3 3 98.7
4 3 NaN
5 3 NaN
1 4 94.4333333
2 4 95.4333333
3 4 98.15
4 4 95.9333333
5 4 NaN
1 5 93.2
2 5 93.55
3 5 97.55
4 5 92.6666667
5 5 90.4666667
EOD
$m6 << EOD
1 1 98.6666667
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 44.6
2 2 98.4666667
3 2 NaN
4 2 NaN
5 2 NaN
1 3 60.3
2 3 51
3 3 100
4 3 NaN
5 3 NaN
1 4 44.55
2 4 60.5833333
3 4 90.1
4 4 98.75
5 4 NaN
1 5 39.5666667
2 5 42.7666667
3 5 57.8833333
4 5 37.3666667
5 5 98.95
EOD
$m7 << EOD
1 1 98.6666667
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 44.6
2 2 98.4666667
3 2 NaN
4 2 NaN
5 2 NaN
1 3 60.3
2 3 51
3 3 100
4 3 NaN
5 3 NaN
1 4 44.55
2 4 60.5833333
3 4 90.1
4 4 98.75
5 4 NaN
1 5 39.5666667
2 5 42.7666667
3 5 57.8833333
4 5 37.3666667
5 5 98.95
EOD
$m8 << EOD
1 1 98.6666667
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 44.6
2 2 98.4666667
3 2 NaN
4 2 NaN
5 2 NaN
1 3 60.3
2 3 51
3 3 100
4 3 NaN
5 3 NaN
1 4 44.55
2 4 60.5833333
3 4 90.1
4 4 98.75
5 4 NaN
1 5 39.5666667
2 5 42.7666667
3 5 57.8833333
4 5 37.3666667
5 5 98.95
EOD

set output 'continual-domain-matrix.svg'
set multiplot layout 3,3 title 'Split Fashion-MNIST, Domain-IL: accuracy (%) on task j after training task t, mean over seeds'
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
set output 'continual-domain-matrix.png'
set multiplot layout 3,3 title 'Split Fashion-MNIST, Domain-IL: accuracy (%) on task j after training task t, mean over seeds'
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
