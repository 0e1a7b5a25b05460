# biomoe chart 'growth-utilization'. Re-render: gnuplot growth-utilization.gp
set encoding utf8
set terminal svg size 1080,940 dynamic font 'Helvetica,12' background '#ffffff'
$u0_0 << EOD
1 100
2 100
3 100
4 39.39
5 41.2533333
6 36.46
7 25.45
8 16.7966667
9 16.65
10 15.87
EOD
$u0_1 << EOD
1 0
2 0
3 0
4 15.8533333
5 20.47
6 30.6433333
7 18.09
8 15.6033333
9 15.84
10 15.6033333
EOD
$u0_2 << EOD
1 0
2 0
3 0
4 44.7566667
5 38.2766667
6 32.8966667
7 18.5366667
8 18.5466667
9 17.21
10 17.0966667
EOD
$u0_3 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 9.35666667
8 17.1866667
9 17.0533333
10 17.8133333
EOD
$u0_4 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 13.81
8 15.5
9 16.2566667
10 16.43
EOD
$u0_5 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 14.7566667
8 16.3666667
9 16.99
10 17.1866667
EOD
$u1_0 << EOD
1 100
2 100
3 100
4 36.45
5 35.16
6 34.39
7 22.8433333
8 16.1033333
9 14.9266667
10 15.0366667
EOD
$u1_1 << EOD
1 0
2 0
3 0
4 31.7766667
5 25.3066667
6 30.46
7 19.25
8 15.0666667
9 15.7833333
10 15.78
EOD
$u1_2 << EOD
1 0
2 0
3 0
4 31.7733333
5 39.5333333
6 35.15
7 17.6533333
8 17.5466667
9 17.57
10 17.8
EOD
$u1_3 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 10.2733333
8 17.0666667
9 17.6233333
10 17.4833333
EOD
$u1_4 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 16.23
8 17.1466667
9 17.25
10 17.27
EOD
$u1_5 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 13.75
8 17.07
9 16.8466667
10 16.63
EOD
$u2_0 << EOD
1 100
2 100
3 100
4 44.52
5 36.8566667
6 35.0666667
7 22.3033333
8 16.0833333
9 14.8466667
10 14.6766667
EOD
$u2_1 << EOD
1 0
2 0
3 0
4 17.48
5 29.6766667
6 34.6333333
7 16.9466667
8 16.8966667
9 16.46
10 16.4566667
EOD
$u2_2 << EOD
1 0
2 0
3 0
4 38
5 33.4666667
6 30.3
7 19.3066667
8 15.97
9 16.7433333
10 16.4633333
EOD
$u2_3 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 10.3933333
8 16.7766667
9 17.5166667
10 17.7333333
EOD
$u2_4 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 18.9666667
8 16.83
9 17.3666667
10 17.4233333
EOD
$u2_5 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 12.0833333
8 17.4433333
9 17.0666667
10 17.2466667
EOD
$u3_0 << EOD
1 100
2 100
3 100
4 38.44
5 40.2666667
6 35.1733333
7 25.5
8 16.96
9 16.6
10 16.36
EOD
$u3_1 << EOD
1 0
2 0
3 0
4 20.74
5 21.79
6 33.5366667
7 18.35
8 15.12
9 15.8333333
10 16.1966667
EOD
$u3_2 << EOD
1 0
2 0
3 0
4 40.82
5 37.9433333
6 31.29
7 19.0766667
8 17.16
9 16.7666667
10 16.84
EOD
$u3_3 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 8.23
8 17.3366667
9 16.9233333
10 17.24
EOD
$u3_4 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 15.5633333
8 16.4533333
9 16.5433333
10 16.2066667
EOD
$u3_5 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 13.28
8 16.97
9 17.3333333
10 17.1566667
EOD
$u4_0 << EOD
1 100
2 100
3 100
4 41.6666667
5 37.3233333
6 31.0966667
7 24.8566667
8 16.1133333
9 15.3366667
10 14.8666667
EOD
$u4_1 << EOD
1 0
2 0
3 0
4 27.95
5 29.3233333
6 34.8133333
7 21.9833333
8 17.0866667
9 17.1266667
10 17.0433333
EOD
$u4_2 << EOD
1 0
2 0
3 0
4 30.3833333
5 33.3533333
6 34.09
7 18.93
8 17.4
9 17.22
10 17.06
EOD
$u4_3 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 7.43333333
8 17.0733333
9 17.16
10 17.7433333
EOD
$u4_4 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 14.4766667
8 16.1766667
9 15.7933333
10 16.14
EOD
$u4_5 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 12.32
8 16.15
9 17.3633333
10 17.1466667
EOD
$u5_0 << EOD
1 100
2 100
3 100
4 35.7666667
5 39.02
6 36.77
7 24.62
8 17.3833333
9 16.33
10 15.7633333
EOD
$u5_1 << EOD
1 0
2 0
3 0
4 14.6233333
5 25.7133333
6 31.6233333
7 16.79
8 16.2233333
9 16.47
10 15.9566667
EOD
$u5_2 << EOD
1 0
2 0
3 0
4 49.61
5 35.2666667
6 31.6066667
7 19.61
8 18.49
9 17.2933333
10 17.4333333
EOD
$u5_3 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 8.95
8 16.6333333
9 16.9433333
10 17.54
EOD
$u5_4 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 15.7966667
8 15.98
9 16.19
10 16.7366667
EOD
$u5_5 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 14.2333333
8 15.29
9 16.7733333
10 16.57
EOD
$u6_0 << EOD
1 100
2 100
3 100
4 40.8533333
5 41.4533333
6 35.0533333
7 25.4466667
8 17.61
9 16.31
10 15.78
EOD
$u6_1 << EOD
1 0
2 0
3 0
4 26.43
5 24.59
6 32.5733333
7 17.3366667
8 15.26
9 15.5833333
10 15.1166667
EOD
$u6_2 << EOD
1 0
2 0
3 0
4 32.7166667
5 33.9566667
6 32.3733333
7 20.0233333
8 17.97
9 18.1766667
10 17.8766667
EOD
$u6_3 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 8.28
8 16.3
9 17.0966667
10 17.6
EOD
$u6_4 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 14.0733333
8 15.89
9 15.8033333
10 16.6166667
EOD
$u6_5 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 14.84
8 16.97
9 17.03
10 17.01
EOD
$u7_0 << EOD
1 100
2 100
3 100
4 38.79
5 37.3666667
6 31.7133333
7 17.2133333
8 15.9366667
9 13.2033333
10 13.1133333
EOD
$u7_1 << EOD
1 0
2 0
3 0
4 20.0666667
5 27.52
6 35.9466667
7 20.04
8 17.9766667
9 17.58
10 17.3
EOD
$u7_2 << EOD
1 0
2 0
3 0
4 41.1433333
5 35.1133333
6 32.34
7 19.7133333
8 17.6933333
9 17.4966667
10 17.4
EOD
$u7_3 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 16.1333333
8 16.2133333
9 18.4666667
10 18.5466667
EOD
$u7_4 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 14.25
8 16.25
9 16.2033333
10 16.6233333
EOD
$u7_5 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 12.65
8 15.93
9 17.05
10 17.0166667
EOD
$u8_0 << EOD
1 100
2 100
3 100
4 44.29
5 36.74
6 33.81
7 16.37
8 15.53
9 13.3833333
10 13.28
EOD
$u8_1 << EOD
1 0
2 0
3 0
4 26.2233333
5 29.36
6 32.33
7 20.0933333
8 19.0733333
9 17.8366667
10 17.0333333
EOD
$u8_2 << EOD
1 0
2 0
3 0
4 29.4866667
5 33.9
6 33.86
7 16.93
8 17.3366667
9 17.4
10 16.9933333
EOD
$u8_3 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 13.1733333
8 15.8866667
9 17.44
10 17.73
EOD
$u8_4 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 18.8866667
8 16.0933333
9 17.1666667
10 17.6
EOD
$u8_5 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 14.5466667
8 16.08
9 16.7733333
10 17.3633333
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
set arrow from 3.5, graph 0 to 3.5, graph 1 nohead dt 2 lc rgb '#555555'
set arrow from 6.5, graph 0 to 6.5, graph 1 nohead dt 2 lc rgb '#555555'
set title 'phasor'
plot $u1_0 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e0', $u1_1 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e1', $u1_2 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e2', $u1_3 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e3', $u1_4 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e4', $u1_5 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e5'
unset arrow
set arrow from 3.5, graph 0 to 3.5, graph 1 nohead dt 2 lc rgb '#555555'
set arrow from 6.5, graph 0 to 6.5, graph 1 nohead dt 2 lc rgb '#555555'
set title 'kwta'
plot $u2_0 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e0', $u2_1 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e1', $u2_2 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e2', $u2_3 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e3', $u2_4 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e4', $u2_5 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e5'
unset arrow
set arrow from 3.5, graph 0 to 3.5, graph 1 nohead dt 2 lc rgb '#555555'
set arrow from 6.5, graph 0 to 6.5, graph 1 nohead dt 2 lc rgb '#555555'
set title 'thalamic'
plot $u3_0 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e0', $u3_1 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e1', $u3_2 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e2', $u3_3 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e3', $u3_4 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e4', $u3_5 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e5'
unset arrow
set arrow from 3.5, graph 0 to 3.5, graph 1 nohead dt 2 lc rgb '#555555'
set arrow from 6.5, graph 0 to 6.5, graph 1 nohead dt 2 lc rgb '#555555'
set title 'predictive'
plot $u4_0 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e0', $u4_1 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e1', $u4_2 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e2', $u4_3 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e3', $u4_4 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e4', $u4_5 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e5'
unset arrow
set arrow from 3.5, graph 0 to 3.5, graph 1 nohead dt 2 lc rgb '#555555'
set arrow from 6.5, graph 0 to 6.5, graph 1 nohead dt 2 lc rgb '#555555'
set title 'groups'
plot $u5_0 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e0', $u5_1 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e1', $u5_2 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e2', $u5_3 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e3', $u5_4 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e4', $u5_5 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e5'
unset arrow
set arrow from 3.5, graph 0 to 3.5, graph 1 nohead dt 2 lc rgb '#555555'
set arrow from 6.5, graph 0 to 6.5, graph 1 nohead dt 2 lc rgb '#555555'
set title 'merit'
plot $u6_0 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e0', $u6_1 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e1', $u6_2 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e2', $u6_3 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e3', $u6_4 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e4', $u6_5 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e5'
unset arrow
set arrow from 3.5, graph 0 to 3.5, graph 1 nohead dt 2 lc rgb '#555555'
set arrow from 6.5, graph 0 to 6.5, graph 1 nohead dt 2 lc rgb '#555555'
set title 'personality'
plot $u7_0 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e0', $u7_1 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e1', $u7_2 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e2', $u7_3 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e3', $u7_4 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e4', $u7_5 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e5'
unset arrow
set arrow from 3.5, graph 0 to 3.5, graph 1 nohead dt 2 lc rgb '#555555'
set arrow from 6.5, graph 0 to 6.5, graph 1 nohead dt 2 lc rgb '#555555'
set title 'all-signals'
plot $u8_0 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e0', $u8_1 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e1', $u8_2 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e2', $u8_3 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e3', $u8_4 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e4', $u8_5 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e5'
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
set arrow from 3.5, graph 0 to 3.5, graph 1 nohead dt 2 lc rgb '#555555'
set arrow from 6.5, graph 0 to 6.5, graph 1 nohead dt 2 lc rgb '#555555'
set title 'phasor'
plot $u1_0 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e0', $u1_1 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e1', $u1_2 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e2', $u1_3 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e3', $u1_4 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e4', $u1_5 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e5'
unset arrow
set arrow from 3.5, graph 0 to 3.5, graph 1 nohead dt 2 lc rgb '#555555'
set arrow from 6.5, graph 0 to 6.5, graph 1 nohead dt 2 lc rgb '#555555'
set title 'kwta'
plot $u2_0 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e0', $u2_1 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e1', $u2_2 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e2', $u2_3 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e3', $u2_4 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e4', $u2_5 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e5'
unset arrow
set arrow from 3.5, graph 0 to 3.5, graph 1 nohead dt 2 lc rgb '#555555'
set arrow from 6.5, graph 0 to 6.5, graph 1 nohead dt 2 lc rgb '#555555'
set title 'thalamic'
plot $u3_0 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e0', $u3_1 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e1', $u3_2 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e2', $u3_3 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e3', $u3_4 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e4', $u3_5 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e5'
unset arrow
set arrow from 3.5, graph 0 to 3.5, graph 1 nohead dt 2 lc rgb '#555555'
set arrow from 6.5, graph 0 to 6.5, graph 1 nohead dt 2 lc rgb '#555555'
set title 'predictive'
plot $u4_0 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e0', $u4_1 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e1', $u4_2 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e2', $u4_3 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e3', $u4_4 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e4', $u4_5 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e5'
unset arrow
set arrow from 3.5, graph 0 to 3.5, graph 1 nohead dt 2 lc rgb '#555555'
set arrow from 6.5, graph 0 to 6.5, graph 1 nohead dt 2 lc rgb '#555555'
set title 'groups'
plot $u5_0 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e0', $u5_1 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e1', $u5_2 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e2', $u5_3 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e3', $u5_4 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e4', $u5_5 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e5'
unset arrow
set arrow from 3.5, graph 0 to 3.5, graph 1 nohead dt 2 lc rgb '#555555'
set arrow from 6.5, graph 0 to 6.5, graph 1 nohead dt 2 lc rgb '#555555'
set title 'merit'
plot $u6_0 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e0', $u6_1 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e1', $u6_2 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e2', $u6_3 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e3', $u6_4 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e4', $u6_5 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e5'
unset arrow
set arrow from 3.5, graph 0 to 3.5, graph 1 nohead dt 2 lc rgb '#555555'
set arrow from 6.5, graph 0 to 6.5, graph 1 nohead dt 2 lc rgb '#555555'
set title 'personality'
plot $u7_0 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e0', $u7_1 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e1', $u7_2 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e2', $u7_3 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e3', $u7_4 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e4', $u7_5 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e5'
unset arrow
set arrow from 3.5, graph 0 to 3.5, graph 1 nohead dt 2 lc rgb '#555555'
set arrow from 6.5, graph 0 to 6.5, graph 1 nohead dt 2 lc rgb '#555555'
set title 'all-signals'
plot $u8_0 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e0', $u8_1 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e1', $u8_2 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e2', $u8_3 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e3', $u8_4 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e4', $u8_5 using 1:2 with linespoints lw 2 pt 7 ps 0.5 title 'e5'
unset multiplot
unset output
