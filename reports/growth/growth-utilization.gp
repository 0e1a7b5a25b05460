# biomoe chart 'growth-utilization'. Re-render: gnuplot growth-utilization.gp
set encoding utf8
set terminal svg size 1080,940 dynamic font 'Helvetica,12' background '#ffffff'
$u0_0 << EOD
1 100
2 100
3 100
4 41.92
5 40.102
6 35.318
7 22.198
8 15.944
9 15.488
10 14.884
EOD
$u0_1 << EOD
1 0
2 0
3 0
4 17.542
5 24.658
6 31.004
7 17.286
8 15.744
9 16.128
10 15.934
EOD
$u0_2 << EOD
1 0
2 0
3 0
4 40.538
5 35.24
6 33.678
7 18.922
8 18.086
9 17.048
10 17.034
EOD
$u0_3 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 10.976
8 17.314
9 17.148
10 17.638
EOD
$u0_4 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 15.45
8 16.33
9 16.826
10 16.834
EOD
$u0_5 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 15.168
8 16.582
9 17.362
10 17.676
EOD
$u1_0 << EOD
1 25.916
2 25.686
3 22.256
4 22.018
5 21.346
6 20.402
7 19.894
8 19.742
9 19.44
10 19.4
EOD
$u1_1 << EOD
1 14.678
2 14.348
3 13.006
4 14.738
5 15.014
6 15.294
7 14.368
8 14.738
9 15.162
10 15.182
EOD
$u1_2 << EOD
1 14.992
2 14.946
3 16.37
4 17.26
5 16.98
6 16.618
7 17.632
8 17.034
9 16.862
10 16.892
EOD
$u1_3 << EOD
1 15.524
2 17.496
3 15.878
4 14.476
5 14.23
6 15.268
7 16.55
8 16.31
9 16.302
10 16.37
EOD
$u1_4 << EOD
1 10.12
2 10.54
3 14.12
4 12.888
5 14.476
6 15.04
7 14.412
8 15.006
9 15.128
10 15.066
EOD
$u1_5 << EOD
1 18.77
2 16.984
3 18.37
4 18.62
5 17.954
6 17.378
7 17.144
8 17.17
9 17.106
10 17.09
EOD
$u2_0 << EOD
1 100
2 100
3 100
4 100
5 100
6 100
7 100
8 100
9 100
10 100
EOD
$u3_0 << EOD
1 100
2 100
3 100
4 43.842
5 51.818
6 47.568
7 27.264
8 27.39
9 24.29
10 24.982
EOD
$u3_1 << EOD
1 0
2 0
3 0
4 34.998
5 19.866
6 23.602
7 15.188
8 24.432
9 21.564
10 14.406
EOD
$u3_2 << EOD
1 0
2 0
3 0
4 21.16
5 28.316
6 28.83
7 26.132
8 17.008
9 16.624
10 16.798
EOD
$u3_3 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 9.126
8 4.164
9 11.87
10 13.472
EOD
$u3_4 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 13.832
8 14.338
9 13.718
10 15.42
EOD
$u3_5 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 8.458
8 12.668
9 11.934
10 14.922
EOD
$u4_0 << EOD
1 100
2 100
3 100
4 63.852
5 54.424
6 42.956
7 29.814
8 26.014
9 22.656
10 22.128
EOD
$u4_1 << EOD
1 0
2 0
3 0
4 10.966
5 21.206
6 30.526
7 18.154
8 17.806
9 17.632
10 17.424
EOD
$u4_2 << EOD
1 0
2 0
3 0
4 25.182
5 24.37
6 26.518
7 18.136
8 17.036
9 16.596
10 16.674
EOD
$u4_3 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 13.03
8 13.62
9 15.45
10 15.378
EOD
$u4_4 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 11.89
8 12.42
9 13.388
10 13.95
EOD
$u4_5 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 8.976
8 13.104
9 14.278
10 14.446
EOD
$u5_0 << EOD
1 100
2 100
3 100
4 78.664
5 51.562
6 38.826
7 28.276
8 18.572
9 15.466
10 15.134
EOD
$u5_1 << EOD
1 0
2 0
3 0
4 8.48
5 23.884
6 33.884
7 20.234
8 16.956
9 17.416
10 17.318
EOD
$u5_2 << EOD
1 0
2 0
3 0
4 12.856
5 24.554
6 27.29
7 17.974
8 17.978
9 17.27
10 17.174
EOD
$u5_3 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 8.05
8 15.524
9 17.71
10 17.892
EOD
$u5_4 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 13.736
8 14.948
9 16.262
10 16.228
EOD
$u5_5 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 11.73
8 16.022
9 15.876
10 16.254
EOD
$u6_0 << EOD
1 100
2 100
3 100
4 41.92
5 40.102
6 35.318
7 22.218
8 16.13
9 15.608
10 15.17
EOD
$u6_1 << EOD
1 0
2 0
3 0
4 17.542
5 24.658
6 31.004
7 18.79
8 16.206
9 16.044
10 16.004
EOD
$u6_2 << EOD
1 0
2 0
3 0
4 40.538
5 35.24
6 33.678
7 19.104
8 17.382
9 16.86
10 17.14
EOD
$u6_3 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 15.176
8 17.186
9 17.38
10 17.312
EOD
$u6_4 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 13.708
8 16.426
9 17.34
10 17.204
EOD
$u6_5 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 11.004
8 16.67
9 16.768
10 17.17
EOD
$u7_0 << EOD
1 100
2 100
3 100
4 43.758
5 34.95
6 34.812
7 20.22
8 16.762
9 14.868
10 14.468
EOD
$u7_1 << EOD
1 0
2 0
3 0
4 24.88
5 31.75
6 30.408
7 18.52
8 17.352
9 17.238
10 17.196
EOD
$u7_2 << EOD
1 0
2 0
3 0
4 31.362
5 33.3
6 34.78
7 18.056
8 17.824
9 17.118
10 17.318
EOD
$u7_3 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 11.532
8 16.064
9 17.676
10 18.05
EOD
$u7_4 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 16.882
8 16.128
9 16.132
10 16.156
EOD
$u7_5 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 14.79
8 15.87
9 16.968
10 16.812
EOD
$u8_0 << EOD
1 39.924
2 40.988
3 44.236
4 45.08
5 43
6 44.978
7 46.256
8 45.958
9 45.884
10 45.982
EOD
$u8_1 << EOD
1 60.076
2 59.012
3 55.764
4 54.92
5 57
6 55.022
7 53.744
8 54.042
9 54.116
10 54.018
EOD

set output 'growth-utilization.svg'
set multiplot layout 3,3 title 'MNIST: share of test images routed first to each expert, mean over seeds; dashed: growth'
set grid
set yrange [0:100]
set xlabel 'epoch'
set ylabel 'utilisation (%)'
set key top right font ',8'
unset arrow
set arrow from 3.5, graph 0 to 3.5, graph 1 nohead dt 2 lc rgb '#555555'
set arrow from 6.5, graph 0 to 6.5, graph 1 nohead dt 2 lc rgb '#555555'
set title 'growth-1-3-6'
plot $u0_0 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e0', $u0_1 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e1', $u0_2 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e2', $u0_3 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e3', $u0_4 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e4', $u0_5 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e5'
unset arrow
set title 'fixed-6'
plot $u1_0 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e0', $u1_1 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e1', $u1_2 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e2', $u1_3 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e3', $u1_4 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e4', $u1_5 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e5'
unset arrow
set title 'fixed-1'
plot $u2_0 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e0'
unset arrow
set arrow from 3.5, graph 0 to 3.5, graph 1 nohead dt 2 lc rgb '#555555'
set arrow from 6.5, graph 0 to 6.5, graph 1 nohead dt 2 lc rgb '#555555'
set title 'growth-constant-lr'
plot $u3_0 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e0', $u3_1 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e1', $u3_2 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e2', $u3_3 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e3', $u3_4 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e4', $u3_5 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e5'
unset arrow
set arrow from 3.5, graph 0 to 3.5, graph 1 nohead dt 2 lc rgb '#555555'
set arrow from 6.5, graph 0 to 6.5, graph 1 nohead dt 2 lc rgb '#555555'
set title 'growth-fresh'
plot $u4_0 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e0', $u4_1 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e1', $u4_2 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e2', $u4_3 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e3', $u4_4 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e4', $u4_5 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e5'
unset arrow
set arrow from 3.5, graph 0 to 3.5, graph 1 nohead dt 2 lc rgb '#555555'
set arrow from 6.5, graph 0 to 6.5, graph 1 nohead dt 2 lc rgb '#555555'
set title 'growth-no-distill'
plot $u5_0 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e0', $u5_1 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e1', $u5_2 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e2', $u5_3 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e3', $u5_4 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e4', $u5_5 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e5'
unset arrow
set arrow from 3.5, graph 0 to 3.5, graph 1 nohead dt 2 lc rgb '#555555'
set arrow from 6.5, graph 0 to 6.5, graph 1 nohead dt 2 lc rgb '#555555'
set title 'growth-most-accurate'
plot $u6_0 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e0', $u6_1 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e1', $u6_2 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e2', $u6_3 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e3', $u6_4 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e4', $u6_5 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e5'
unset arrow
set arrow from 3.5, graph 0 to 3.5, graph 1 nohead dt 2 lc rgb '#555555'
set arrow from 6.5, graph 0 to 6.5, graph 1 nohead dt 2 lc rgb '#555555'
set title 'growth-committee'
plot $u7_0 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e0', $u7_1 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e1', $u7_2 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e2', $u7_3 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e3', $u7_4 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e4', $u7_5 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e5'
unset arrow
set title 'neurogenesis-prune'
plot $u8_0 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e0', $u8_1 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e1'
unset multiplot
reset
set terminal pngcairo size 1080,940 font 'Helvetica,10' background '#ffffff'
set output 'growth-utilization.png'
set multiplot layout 3,3 title 'MNIST: share of test images routed first to each expert, mean over seeds; dashed: growth'
set grid
set yrange [0:100]
set xlabel 'epoch'
set ylabel 'utilisation (%)'
set key top right font ',8'
unset arrow
set arrow from 3.5, graph 0 to 3.5, graph 1 nohead dt 2 lc rgb '#555555'
set arrow from 6.5, graph 0 to 6.5, graph 1 nohead dt 2 lc rgb '#555555'
set title 'growth-1-3-6'
plot $u0_0 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e0', $u0_1 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e1', $u0_2 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e2', $u0_3 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e3', $u0_4 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e4', $u0_5 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e5'
unset arrow
set title 'fixed-6'
plot $u1_0 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e0', $u1_1 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e1', $u1_2 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e2', $u1_3 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e3', $u1_4 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e4', $u1_5 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e5'
unset arrow
set title 'fixed-1'
plot $u2_0 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e0'
unset arrow
set arrow from 3.5, graph 0 to 3.5, graph 1 nohead dt 2 lc rgb '#555555'
set arrow from 6.5, graph 0 to 6.5, graph 1 nohead dt 2 lc rgb '#555555'
set title 'growth-constant-lr'
plot $u3_0 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e0', $u3_1 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e1', $u3_2 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e2', $u3_3 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e3', $u3_4 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e4', $u3_5 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e5'
unset arrow
set arrow from 3.5, graph 0 to 3.5, graph 1 nohead dt 2 lc rgb '#555555'
set arrow from 6.5, graph 0 to 6.5, graph 1 nohead dt 2 lc rgb '#555555'
set title 'growth-fresh'
plot $u4_0 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e0', $u4_1 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e1', $u4_2 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e2', $u4_3 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e3', $u4_4 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e4', $u4_5 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e5'
unset arrow
set arrow from 3.5, graph 0 to 3.5, graph 1 nohead dt 2 lc rgb '#555555'
set arrow from 6.5, graph 0 to 6.5, graph 1 nohead dt 2 lc rgb '#555555'
set title 'growth-no-distill'
plot $u5_0 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e0', $u5_1 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e1', $u5_2 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e2', $u5_3 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e3', $u5_4 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e4', $u5_5 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e5'
unset arrow
set arrow from 3.5, graph 0 to 3.5, graph 1 nohead dt 2 lc rgb '#555555'
set arrow from 6.5, graph 0 to 6.5, graph 1 nohead dt 2 lc rgb '#555555'
set title 'growth-most-accurate'
plot $u6_0 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e0', $u6_1 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e1', $u6_2 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e2', $u6_3 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e3', $u6_4 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e4', $u6_5 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e5'
unset arrow
set arrow from 3.5, graph 0 to 3.5, graph 1 nohead dt 2 lc rgb '#555555'
set arrow from 6.5, graph 0 to 6.5, graph 1 nohead dt 2 lc rgb '#555555'
set title 'growth-committee'
plot $u7_0 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e0', $u7_1 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e1', $u7_2 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e2', $u7_3 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e3', $u7_4 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e4', $u7_5 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e5'
unset arrow
set title 'neurogenesis-prune'
plot $u8_0 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e0', $u8_1 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e1'
unset multiplot
unset output
