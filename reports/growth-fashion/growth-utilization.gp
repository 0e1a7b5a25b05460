# biomoe chart 'growth-utilization'. Re-render: gnuplot growth-utilization.gp
set encoding utf8
set terminal svg size 1080,940 dynamic font 'Helvetica,12' background '#ffffff'
$u0_0 << EOD
1 100
2 100
3 100
4 52.2266667
5 47.14
6 43.2
7 29.0033333
8 23.1933333
9 15.2633333
10 14.36
EOD
$u0_1 << EOD
1 0
2 0
3 0
4 26.5766667
5 26.5066667
6 27.4933333
7 15.9766667
8 16.5733333
9 15.5766667
10 15.4333333
EOD
$u0_2 << EOD
1 0
2 0
3 0
4 21.1966667
5 26.3533333
6 29.3066667
7 16.93
8 16.3566667
9 16.7666667
10 16.4766667
EOD
$u0_3 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 8.85
8 12.11
9 16.6633333
10 18.0833333
EOD
$u0_4 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 14.57
8 16.1766667
9 18.0333333
10 17.57
EOD
$u0_5 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 14.67
8 15.59
9 17.6966667
10 18.0766667
EOD
$u1_0 << EOD
1 13.0666667
2 12.4866667
3 13.5433333
4 14.4366667
5 12.5933333
6 11.32
7 11.9833333
8 12.0266667
9 12.1166667
10 12.1133333
EOD
$u1_1 << EOD
1 19.3566667
2 20.6633333
3 19.5933333
4 16.9233333
5 17.0566667
6 17.5233333
7 17.12
8 17.9133333
9 17.5266667
10 17.6333333
EOD
$u1_2 << EOD
1 11.96
2 10.2566667
3 11.05
4 12.8466667
5 12
6 15.1933333
7 14.85
8 14.07
9 14.9933333
10 14.83
EOD
$u1_3 << EOD
1 17.1566667
2 16.64
3 18.5633333
4 16.1533333
5 16.4366667
6 15.1866667
7 15.4166667
8 16.1733333
9 15.99
10 16.0533333
EOD
$u1_4 << EOD
1 27.3866667
2 26.97
3 25.7
4 24.72
5 26.1966667
6 24.8733333
7 23.6666667
8 23.7133333
9 23.1366667
10 23.2866667
EOD
$u1_5 << EOD
1 11.0733333
2 12.9833333
3 11.55
4 14.92
5 15.7166667
6 15.9033333
7 16.9633333
8 16.1033333
9 16.2366667
10 16.0833333
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
4 59.3866667
5 56.4666667
6 47.5366667
7 38.9
8 40.89
9 39.03
10 35.8033333
EOD
$u3_1 << EOD
1 0
2 0
3 0
4 18.4633333
5 18.3733333
6 22.4333333
7 22.1966667
8 13.5633333
9 14.0033333
10 15.7266667
EOD
$u3_2 << EOD
1 0
2 0
3 0
4 22.15
5 25.16
6 30.03
7 17.61
8 17.8966667
9 19.1233333
10 16.3066667
EOD
$u3_3 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 6.00333333
8 7.08666667
9 5.34666667
10 8.99333333
EOD
$u3_4 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 9.63333333
8 7.95
9 11.9466667
10 11.9866667
EOD
$u3_5 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 5.65666667
8 12.6133333
9 10.55
10 11.1833333
EOD
$u4_0 << EOD
1 100
2 100
3 100
4 71.76
5 61.1033333
6 52.33
7 45.4733333
8 43.3166667
9 39.94
10 39.8566667
EOD
$u4_1 << EOD
1 0
2 0
3 0
4 10.9133333
5 20.38
6 24.17
7 16.8266667
8 18.6733333
9 18.4366667
10 18.6166667
EOD
$u4_2 << EOD
1 0
2 0
3 0
4 17.3266667
5 18.5166667
6 23.5
7 20.5466667
8 17.74
9 17.06
10 16.8833333
EOD
$u4_3 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 7.86
8 8.28333333
9 10.0833333
10 10.22
EOD
$u4_4 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 4.74
8 5.11333333
9 6.59
10 6.96
EOD
$u4_5 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 4.55333333
8 6.87333333
9 7.89
10 7.46333333
EOD
$u5_0 << EOD
1 100
2 100
3 100
4 89.6566667
5 76.9933333
6 59.7866667
7 44.69
8 37.71
9 28.3733333
10 26.48
EOD
$u5_1 << EOD
1 0
2 0
3 0
4 6.02
5 12.58
6 20.51
7 13.9266667
8 13.67
9 14.0833333
10 14.78
EOD
$u5_2 << EOD
1 0
2 0
3 0
4 4.32333333
5 10.4266667
6 19.7033333
7 15.2766667
8 13.72
9 15.2766667
10 14.85
EOD
$u5_3 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 4.55333333
8 11.4833333
9 15.4433333
10 16.6766667
EOD
$u5_4 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 12.7466667
8 9.61666667
9 13.7
10 13.9033333
EOD
$u5_5 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 8.80666667
8 13.8
9 13.1233333
10 13.31
EOD
$u6_0 << EOD
1 100
2 100
3 100
4 52.2266667
5 47.14
6 43.2
7 29.8566667
8 22.9166667
9 14.6033333
10 13.9766667
EOD
$u6_1 << EOD
1 0
2 0
3 0
4 26.5766667
5 26.5066667
6 27.4933333
7 18
8 17.41
9 15.4
10 15.43
EOD
$u6_2 << EOD
1 0
2 0
3 0
4 21.1966667
5 26.3533333
6 29.3066667
7 15.8
8 16.9766667
9 17.4666667
10 17.16
EOD
$u6_3 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 13.0666667
8 13.8666667
9 17.1433333
10 16.5166667
EOD
$u6_4 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 15.2533333
8 15.63
9 18.6633333
10 18.4633333
EOD
$u6_5 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 8.02333333
8 13.2
9 16.7233333
10 18.4533333
EOD
$u7_0 << EOD
1 100
2 100
3 100
4 50.9233333
5 47.3366667
6 40.8533333
7 27.4833333
8 23.8033333
9 16.58
10 15.7166667
EOD
$u7_1 << EOD
1 0
2 0
3 0
4 23.3166667
5 33.93
6 32.3533333
7 17.1433333
8 18.0033333
9 18.1133333
10 18.2233333
EOD
$u7_2 << EOD
1 0
2 0
3 0
4 25.76
5 18.7333333
6 26.7933333
7 19.0966667
8 16.69
9 17.5733333
10 17.2033333
EOD
$u7_3 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 7.53
8 9.83
9 13.4933333
10 14.66
EOD
$u7_4 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 15.76
8 15.83
9 18.7333333
10 18.3033333
EOD
$u7_5 << EOD
1 0
2 0
3 0
4 0
5 0
6 0
7 12.9866667
8 15.8433333
9 15.5066667
10 15.8933333
EOD
$u8_0 << EOD
1 32.32
2 30.36
3 32.9333333
4 34.8233333
5 34.9866667
6 37.3366667
7 38.0666667
8 37.26
9 39.5366667
10 39.4633333
EOD
$u8_1 << EOD
1 67.68
2 69.64
3 67.0666667
4 65.1766667
5 65.0133333
6 62.6633333
7 61.9333333
8 62.74
9 60.4633333
10 60.5366667
EOD

set output 'growth-utilization.svg'
set multiplot layout 3,3 title 'Fashion-MNIST: share of test images routed first to each expert, mean over seeds; dashed: growth'
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
set multiplot layout 3,3 title 'Fashion-MNIST: share of test images routed first to each expert, mean over seeds; dashed: growth'
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
