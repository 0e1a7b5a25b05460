# biomoe chart 'accuracy'. Re-render: gnuplot accuracy.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$v0 << EOD
1 83.63 0.723818269
2 85.05 1.57522549
3 86.3666667 0.784111865
4 87.4 0.113837498
5 87.9266667 0.337269939
6 88.38 0.915767915
7 88.74 0.541405296
8 88.9266667 0.521274496
9 89.2133333 0.50442885
10 89.2066667 0.531241658
EOD
$v1 << EOD
1 83.52 2.88288454
2 85.1466667 1.98767253
3 86.4166667 0.732434616
4 87.3333333 0.595329916
5 87.8 0.731872717
6 88.22 0.138310943
7 88.5466667 0.586978878
8 88.8333333 0.517114534
9 89.0033333 0.125032197
10 89.0633333 0.136815646
EOD
$v2 << EOD
1 83.9166667 0.396166124
2 85.1766667 1.74674523
3 86.5333333 1.21426665
4 87.3633333 0.361980174
5 87.6466667 0.267933971
6 88.38 0.358267458
7 88.5933333 0.832217082
8 88.81 0.203335448
9 89.0266667 0.151783331
10 89.03 0.179133729
EOD
$v3 << EOD
1 83.67 1.35812159
2 85.09 1.51042937
3 86.3266667 1.40553331
4 87.6566667 0.702766657
5 87.85 0.728068559
6 88.3933333 0.954482363
7 88.55 0.812202922
8 88.9133333 0.186448297
9 89.1133333 0.250064395
10 89.1 0.268700594
EOD
$v4 << EOD
1 84.0566667 0.986591651
2 85.45 2.96820693
3 86.7633333 1.08461378
4 87.6866667 0.380270583
5 88.0433333 0.117395776
6 88.6833333 0.380270583
7 88.8566667 0.653632015
8 89.1566667 0.103422907
9 89.37 0.31026872
10 89.4566667 0.248827465
EOD
$v5 << EOD
1 83.7166667 0.745379355
2 84.8566667 1.26235599
3 85.82 1.7355219
4 87.1166667 0.439020564
5 86.4933333 1.83999563
6 87.5866667 0.385108142
7 87.2433333 0.943427465
8 88.15 0.782010389
9 87.8933333 0.431935313
10 88.0233333 1.00395237
EOD
$v6 << EOD
1 83.63 0.723818269
2 85.05 1.57522549
3 86.3666667 0.784111865
4 87.4466667 0.503204011
5 87.62 0.539120876
6 88.33 0.78908044
7 88.4033333 0.530660537
8 88.7533333 0.434073032
9 88.9866667 0.401580947
10 89 0.162895814
EOD
$v7 << EOD
1 83.63 0.723818269
2 85.05 1.57522549
3 86.3666667 0.784111865
4 87.57 0.375918273
5 87.7633333 0.0573687067
6 88.2933333 0.911490181
7 88.4366667 0.65598802
8 88.82 0.198731029
9 89.01 0.220795003
10 89.01 0.197172331
EOD
$v8 << EOD
1 83.63 0.723818269
2 85.05 1.57522549
3 86.3666667 0.784111865
4 87.4 0.113837498
5 87.9266667 0.337269939
6 88.38 0.915767915
7 88.71 0.672554809
8 88.97 0.365936359
9 89.1466667 0.586978878
10 89.1833333 0.654575435
EOD
$v9 << EOD
1 83.63 0.723818269
2 85.05 1.57522549
3 86.3666667 0.784111865
4 87.3966667 0.575834374
5 87.92 0.424489665
6 88.4033333 0.761757276
7 88.71 0.695558603
8 88.8933333 0.169091769
9 89.1633333 0.490787525
10 89.1833333 0.368736219
EOD
$v10 << EOD
1 83.1233333 2.46284867
2 85.4 1.91020349
3 86.4933333 0.995619814
4 87.5733333 0.316504252
5 87.8866667 0.136815646
6 88.4766667 0.86065011
7 88.61 0.525792882
8 88.9266667 0.48826634
9 89.1366667 0.55565524
10 89.16 0.216562119
EOD

set output 'accuracy.svg'
set title 'Test accuracy per epoch (mean ± 95 % CI over seeds)'
set xlabel 'epoch'
set ylabel 'test accuracy (%)'
set grid
set key bottom right

plot $v0 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-1-3-6', \
     $v1 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'fixed-6', \
     $v2 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'fixed-1', \
     $v3 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'dense-compute', \
     $v4 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'dense-params', \
     $v5 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-constant-lr', \
     $v6 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-fresh', \
     $v7 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-no-distill', \
     $v8 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-most-accurate', \
     $v9 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-committee', \
     $v10 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'neurogenesis-prune'
reset
set terminal pngcairo size 720,440 font 'Helvetica,10' background '#ffffff'
set output 'accuracy.png'
set title 'Test accuracy per epoch (mean ± 95 % CI over seeds)'
set xlabel 'epoch'
set ylabel 'test accuracy (%)'
set grid
set key bottom right

plot $v0 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-1-3-6', \
     $v1 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'fixed-6', \
     $v2 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'fixed-1', \
     $v3 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'dense-compute', \
     $v4 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'dense-params', \
     $v5 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-constant-lr', \
     $v6 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-fresh', \
     $v7 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-no-distill', \
     $v8 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-most-accurate', \
     $v9 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-committee', \
     $v10 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'neurogenesis-prune'
unset output
