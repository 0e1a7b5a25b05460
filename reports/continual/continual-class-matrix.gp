# biomoe chart 'continual-class-matrix'. Re-render: gnuplot continual-class-matrix.gp
set encoding utf8
set terminal svg size 1080,1080 dynamic font 'Helvetica,12' background '#ffffff'
$m0 << EOD
1 1 99.7402433
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 0
2 2 99.7393776
3 2 NaN
4 2 NaN
5 2 NaN
1 3 0
2 3 0
3 3 99.4117071
4 3 NaN
5 3 NaN
1 4 0
2 4 0
3 4 0
4 4 99.6465718
5 4 NaN
1 5 0
2 5 0
3 5 0
4 5 0
5 5 99.6429997
EOD
$m1 << EOD
1 1 99.7402433
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 0
2 2 99.7256381
3 2 NaN
4 2 NaN
5 2 NaN
1 3 0
2 3 0.0508870636
3 3 99.4124598
4 3 NaN
5 3 NaN
1 4 0
2 4 0
3 4 0.456073823
4 4 99.597639
5 4 NaN
1 5 0
2 5 0
3 5 0.243020937
4 5 0.999507278
5 5 99.719565
EOD
$m2 << EOD
1 1 99.7402433
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 0
2 2 99.6833987
3 2 NaN
4 2 NaN
5 2 NaN
1 3 0
2 3 0.0122428991
3 3 99.3703102
4 3 NaN
5 3 NaN
1 4 0
2 4 0
3 4 0.947711302
4 4 99.602148
5 4 NaN
1 5 0
2 5 0
3 5 0
4 5 0.118585783
5 5 99.7266361
EOD
$m3 << EOD
1 1 99.7402433
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 99.5954782
2 2 0.207500857
3 2 NaN
4 2 NaN
5 2 NaN
1 3 99.4852248
2 3 0.712220672
3 3 0
4 3 NaN
5 3 NaN
1 4 99.4491374
2 4 1.19202815
3 4 0.00623130608
4 4 0
5 4 NaN
1 5 99.4557193
2 5 1.23308451
3 5 0.0498504487
4 5 0
5 5 0
EOD
$m4 << EOD
1 1 99.7402433
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 91.2259162
2 2 99.5840382
3 2 NaN
4 2 NaN
5 2 NaN
1 3 88.4687948
2 3 90.1980401
3 3 99.2305807
4 3 NaN
5 3 NaN
1 4 87.2656606
2 4 86.9793827
3 4 89.2892233
4 4 99.3247935
5 4 NaN
1 5 85.0263887
2 5 83.0778873
3 5 86.4447097
4 5 91.1577417
5 5 99.3685851
EOD
$m5 << EOD
1 1 99.7402433
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 99.2412504
2 2 99.2829419
3 2 NaN
4 2 NaN
5 2 NaN
1 3 98.5864644
2 3 98.8341365
3 3 98.2424644
4 3 NaN
5 3 NaN
1 4 98.4511402
2 4 98.4167333
3 4 98.129733
4 4 98.2688594
5 4 NaN
1 5 97.9767228
2 5 97.7485397
3 5 97.6946102
4 5 97.986326
5 5 97.8612758
EOD
$m6 << EOD
1 1 99.7107033
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 0
2 2 99.646934
3 2 NaN
4 2 NaN
5 2 NaN
1 3 0
2 3 0
3 3 99.4499604
4 3 NaN
5 3 NaN
1 4 0
2 4 0
3 4 0
4 4 99.6777911
5 4 NaN
1 5 0
2 5 0
3 5 0
4 5 0
5 5 99.6875131
EOD
$m7 << EOD
1 1 99.7107033
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 0
2 2 99.646934
3 2 NaN
4 2 NaN
5 2 NaN
1 3 0
2 3 0
3 3 99.4499604
4 3 NaN
5 3 NaN
1 4 0
2 4 0
3 4 0
4 4 99.6777911
5 4 NaN
1 5 0
2 5 0
3 5 0
4 5 0
5 5 99.6811225
EOD
$m8 << EOD
1 1 99.7107033
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 0
2 2 99.646934
3 2 NaN
4 2 NaN
5 2 NaN
1 3 0
2 3 0
3 3 99.4499604
4 3 NaN
5 3 NaN
1 4 0
2 4 0
3 4 0
4 4 99.6777911
5 4 NaN
1 5 0
2 5 0
3 5 0
4 5 0
5 5 99.6875131
EOD

set output 'continual-class-matrix.svg'
set multiplot layout 3,3 title 'Split MNIST, Class-IL: accuracy (%) on task j after training task t, mean over seeds'
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
set multiplot layout 3,3 title 'Split MNIST, Class-IL: accuracy (%) on task j after training task t, mean over seeds'
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
