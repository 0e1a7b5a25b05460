# biomoe chart 'continual-task-matrix'. Re-render: gnuplot continual-task-matrix.gp
set encoding utf8
set terminal svg size 1080,1080 dynamic font 'Helvetica,12' background '#ffffff'
$m0 << EOD
1 1 99.7402433
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 80.0480439
2 2 99.6902572
3 2 NaN
4 2 NaN
5 2 NaN
1 3 63.6207464
2 3 94.7842072
3 3 99.5318292
4 3 NaN
5 3 NaN
1 4 65.3077809
2 4 79.751709
3 4 89.0585064
4 4 99.7226054
5 4 NaN
1 5 71.0452426
2 5 73.2374203
3 5 80.4181924
4 5 91.7143667
5 5 99.7069204
EOD
$m1 << EOD
1 1 99.7402433
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 95.4363378
2 2 99.6823753
3 2 NaN
4 2 NaN
5 2 NaN
1 3 96.7925104
2 3 99.5082211
3 3 99.4827822
4 3 NaN
5 3 NaN
1 4 96.2003955
2 4 99.3080786
3 4 99.1315712
4 4 99.6970808
5 4 NaN
1 5 95.868236
2 5 99.1055331
3 5 98.7062795
4 5 99.59055
5 5 99.7066096
EOD
$m2 << EOD
1 1 99.7402433
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 99.659473
2 2 99.5040777
3 2 NaN
4 2 NaN
5 2 NaN
1 3 99.6468665
2 3 99.2420849
3 3 99.1681421
4 3 NaN
5 3 NaN
1 4 99.6655
2 4 99.206604
3 4 97.7590527
4 4 99.4132343
5 4 NaN
1 5 99.6407922
2 5 98.727487
3 5 94.6343975
4 5 99.352268
5 5 99.4699101
EOD
$m3 << EOD
1 1 99.7402433
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 99.6775843
2 2 99.7139508
3 2 NaN
4 2 NaN
5 2 NaN
1 3 99.6660824
2 3 99.677776
3 3 99.4693542
4 3 NaN
5 3 NaN
1 4 99.6240062
2 4 99.6465967
3 4 99.4379868
4 4 99.6636078
5 4 NaN
1 5 99.598713
2 5 99.6532768
3 5 99.419529
4 5 99.6636075
5 5 99.7132867
EOD
$m4 << EOD
1 1 99.7402433
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 99.1463094
2 2 99.7002137
3 2 NaN
4 2 NaN
5 2 NaN
1 3 98.9752218
2 3 99.1804864
3 3 99.5075693
4 3 NaN
5 3 NaN
1 4 98.8261782
2 4 98.8023791
3 4 98.8861439
4 4 99.7152587
5 4 NaN
1 5 98.8507662
2 5 98.3957377
3 5 98.6436057
4 5 99.220968
5 5 99.7640999
EOD
$m5 << EOD
1 1 99.7402433
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 99.739841
2 2 99.73944
3 2 NaN
4 2 NaN
5 2 NaN
1 3 99.7249153
2 3 99.7453091
3 3 99.4941036
4 3 NaN
5 3 NaN
1 4 99.7217412
2 4 99.7846924
3 4 99.4930562
4 4 99.7039023
5 4 NaN
1 5 99.7340463
2 5 99.765036
3 5 99.4674264
4 5 99.6546596
5 5 99.7002209
EOD
$m6 << EOD
1 1 99.7107033
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 78.4138837
2 2 99.7386842
3 2 NaN
4 2 NaN
5 2 NaN
1 3 70.4799517
2 3 83.2600039
3 3 99.4936545
4 3 NaN
5 3 NaN
1 4 77.6587769
2 4 79.666464
3 4 84.488503
4 4 99.664254
5 4 NaN
1 5 68.5095333
2 5 77.2156432
3 5 68.6467398
4 5 78.748937
5 5 99.6886547
EOD
$m7 << EOD
1 1 99.7107033
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 78.4469277
2 2 99.7386842
3 2 NaN
4 2 NaN
5 2 NaN
1 3 71.1159348
2 3 83.0433903
3 3 99.4936545
4 3 NaN
5 3 NaN
1 4 77.7881448
2 4 78.5883893
3 4 84.5446192
4 4 99.664254
5 4 NaN
1 5 68.7366192
2 5 76.3059185
3 5 67.1871138
4 5 81.7329859
5 5 99.6886547
EOD
$m8 << EOD
1 1 99.7107033
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 78.0665716
2 2 99.7386842
3 2 NaN
4 2 NaN
5 2 NaN
1 3 70.9017837
2 3 82.9012868
3 3 99.4936545
4 3 NaN
5 3 NaN
1 4 77.5225138
2 4 78.3964782
3 4 84.2089925
4 4 99.664254
5 4 NaN
1 5 69.3495745
2 5 74.8584108
3 5 67.8490163
4 5 81.5554229
5 5 99.6886547
EOD

set output 'continual-task-matrix.svg'
set multiplot layout 3,3 title 'Split MNIST, Task-IL: accuracy (%) on task j after training task t, mean over seeds'
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
set multiplot layout 3,3 title 'Split MNIST, Task-IL: accuracy (%) on task j after training task t, mean over seeds'
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
