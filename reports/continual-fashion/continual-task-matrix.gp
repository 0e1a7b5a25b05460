# biomoe chart 'continual-task-matrix'. Re-render: gnuplot continual-task-matrix.gp
set encoding utf8
set terminal svg size 1080,1080 dynamic font 'Helvetica,12' background '#ffffff'
$m0 << EOD
1 1 98.6666667
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 93.7
2 2 98.55
3 2 NaN
4 2 NaN
5 2 NaN
1 3 79.1
2 3 82.8
3 3 100
4 3 NaN
5 3 NaN
1 4 56.3833333
2 4 89.4166667
3 4 92.9666667
4 4 99.0666667
5 4 NaN
1 5 61.75
2 5 72.65
3 5 99.55
4 5 97.7333333
5 5 98.8833333
EOD
$m1 << EOD
1 1 98.6666667
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 97.9166667
2 2 98.2833333
3 2 NaN
4 2 NaN
5 2 NaN
1 3 97.65
2 3 97.95
3 3 99.9833333
4 3 NaN
5 3 NaN
1 4 92.4833333
2 4 94.2166667
3 4 99.55
4 4 99.1333333
5 4 NaN
1 5 97.9
2 5 94.6333333
3 5 99.6833333
4 5 98.4333333
5 5 98.9166667
EOD
$m2 << EOD
1 1 98.6666667
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 96.35
2 2 97.9833333
3 2 NaN
4 2 NaN
5 2 NaN
1 3 96.3166667
2 3 97.7666667
3 3 99.9666667
4 3 NaN
5 3 NaN
1 4 96
2 4 96.6666667
3 4 99.75
4 4 98.9
5 4 NaN
1 5 95.95
2 5 95.85
3 5 99.7166667
4 5 98.8833333
5 5 98.8666667
EOD
$m3 << EOD
1 1 98.6666667
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 98.5333333
2 2 98.4666667
3 2 NaN
4 2 NaN
5 2 NaN
1 3 98.4666667
2 3 98.35
3 3 99.9666667
4 3 NaN
5 3 NaN
1 4 98.45
2 4 98.4
3 4 99.9833333
4 4 99.0833333
5 4 NaN
1 5 98.4666667
2 5 98.35
3 5 99.9666667
4 5 98.9666667
5 5 99.1166667
EOD
$m4 << EOD
1 1 98.6666667
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 98.2166667
2 2 98.4166667
3 2 NaN
4 2 NaN
5 2 NaN
1 3 98.35
2 3 98.15
3 3 100
4 3 NaN
5 3 NaN
1 4 97.8166667
2 4 98.2
3 4 99.9166667
4 4 99.2166667
5 4 NaN
1 5 97.8
2 5 97.15
3 5 99.9333333
4 5 98.5333333
5 5 98.9833333
EOD
$m5 << EOD
1 1 98.6666667
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 98.9
2 2 98.2666667
3 2 NaN
4 2 NaN
5 2 NaN
1 3 98.6166667
2 3 98.4
3 3 99.9666667
4 3 NaN
5 3 NaN
1 4 98.65
2 4 98.3
3 4 99.9833333
4 4 98.9833333
5 4 NaN
1 5 98.6166667
2 5 98.3166667
3 5 99.9666667
4 5 98.9833333
5 5 98.9833333
EOD
$m6 << EOD
1 1 98.5166667
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 81.9333333
2 2 98.4833333
3 2 NaN
4 2 NaN
5 2 NaN
1 3 76.3
2 3 82.25
3 3 99.9666667
4 3 NaN
5 3 NaN
1 4 65.8333333
2 4 67.3833333
3 4 66.65
4 4 98.8333333
5 4 NaN
1 5 68.1166667
2 5 64.9666667
3 5 67.95
4 5 81.2166667
5 5 99.05
EOD
$m7 << EOD
1 1 98.5166667
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 83.7333333
2 2 98.4833333
3 2 NaN
4 2 NaN
5 2 NaN
1 3 80.6
2 3 81.8666667
3 3 99.9666667
4 3 NaN
5 3 NaN
1 4 66.7166667
2 4 67.0333333
3 4 66.7
4 4 98.8333333
5 4 NaN
1 5 68.3166667
2 5 64.9166667
3 5 68.1
4 5 81.75
5 5 99.05
EOD
$m8 << EOD
1 1 98.5166667
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 83
2 2 98.4833333
3 2 NaN
4 2 NaN
5 2 NaN
1 3 82.75
2 3 81.6833333
3 3 99.9666667
4 3 NaN
5 3 NaN
1 4 67.3833333
2 4 67.6333333
3 4 66.7166667
4 4 98.8333333
5 4 NaN
1 5 70.85
2 5 65.45
3 5 68.0833333
4 5 81.6
5 5 99.05
EOD

set output 'continual-task-matrix.svg'
set multiplot layout 3,3 title 'Split Fashion-MNIST, Task-IL: accuracy (%) on task j after training task t, mean over seeds'
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
set output 'continual-task-matrix.png'
set multiplot layout 3,3 title 'Split Fashion-MNIST, Task-IL: accuracy (%) on task j after training task t, mean over seeds'
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
