# biomoe chart 'accuracy'. Re-render: gnuplot accuracy.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$v0 << EOD
1 95.7066667 0.353353513
2 96.71 0.961139875
3 97.4266667 0.408437392
4 97.6333333 0.355095612
5 97.99 0.04302653
6 98.0166667 0.136815646
7 98.1433333 0.17448011
8 98.24 0.19401737
9 98.2466667 0.188095884
10 98.24 0.179133729
EOD
$v1 << EOD
1 95.7066667 0.353353513
2 96.71 0.961139875
3 97.4266667 0.408437392
4 97.6566667 0.683175551
5 97.94 0.276621886
6 98.01 0.27994812
7 98.1433333 0.380270583
8 98.28 0.273255165
9 98.26 0.375918273
10 98.2733333 0.287917187
EOD
$v2 << EOD
1 95.7066667 0.353353513
2 96.71 0.961139875
3 97.4266667 0.408437392
4 97.67 0.37262068
5 97.8866667 0.243817003
6 98.1 0.276621886
7 98.18 0.227674996
8 98.2566667 0.274756579
9 98.24 0.375096592
10 98.2533333 0.320379958
EOD
$v3 << EOD
1 95.7066667 0.353353513
2 96.71 0.961139875
3 97.4266667 0.408437392
4 97.73 0.414932829
5 97.9 0.151104207
6 98.0633333 0.310600027
7 98.16 0.113837498
8 98.27 0.074524136
9 98.2766667 0.189729164
10 98.27 0.13144822
EOD
$v4 << EOD
1 95.7066667 0.353353513
2 96.71 0.961139875
3 97.4266667 0.408437392
4 97.6633333 0.401580947
5 97.9 0.0496827574
6 98.14 0.554914366
7 98.1366667 0.0625160987
8 98.29 0.173889651
9 98.3 0.273255165
10 98.2833333 0.214174371
EOD
$v5 << EOD
1 95.7066667 0.353353513
2 96.71 0.961139875
3 97.4266667 0.408437392
4 97.5466667 0.564469885
5 97.9833333 0.114737413
6 97.9866667 0.230815489
7 98.1566667 0.273631291
8 98.2133333 0.0758916654
9 98.2266667 0.192954253
10 98.23 0.173889651
EOD
$v6 << EOD
1 95.7066667 0.353353513
2 96.71 0.961139875
3 97.4266667 0.408437392
4 97.6633333 0.236102026
5 97.9333333 0.103422907
6 98.0766667 0.17448011
7 98.13 0.187548296
8 98.1833333 0.15970772
9 98.1966667 0.16540205
10 98.1833333 0.141254059
EOD
$v7 << EOD
1 95.7066667 0.353353513
2 96.71 0.961139875
3 97.4266667 0.408437392
4 97.7433333 0.258557267
5 97.94 0.0657241102
6 98.04 0.30118571
7 98.17 0.0657241102
8 98.29 0.0496827574
9 98.2833333 0.151783331
10 98.2766667 0.0798538601
EOD
$v8 << EOD
1 95.7066667 0.353353513
2 96.71 0.961139875
3 97.4266667 0.408437392
4 97.67 0.523440329
5 97.9166667 0.141254059
6 98.1033333 0.0379458327
7 98.1166667 0.0143421767
8 98.2533333 0.127476055
9 98.24 0.305255972
10 98.25 0.23956158
EOD

set output 'accuracy.svg'
set title 'Test accuracy per epoch (mean ± 95 % CI over seeds)'
set xlabel 'epoch'
set ylabel 'test accuracy (%)'
set grid
set key bottom right

plot $v0 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-1-3-6', \
     $v1 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'phasor', \
     $v2 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'kwta', \
     $v3 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'thalamic', \
     $v4 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'predictive', \
     $v5 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'groups', \
     $v6 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'merit', \
     $v7 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'personality', \
     $v8 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'all-signals'
reset
set terminal pngcairo size 720,440 font 'Helvetica,10' background '#ffffff'
set output 'accuracy.png'
set title 'Test accuracy per epoch (mean ± 95 % CI over seeds)'
set xlabel 'epoch'
set ylabel 'test accuracy (%)'
set grid
set key bottom right

plot $v0 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-1-3-6', \
     $v1 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'phasor', \
     $v2 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'kwta', \
     $v3 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'thalamic', \
     $v4 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'predictive', \
     $v5 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'groups', \
     $v6 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'merit', \
     $v7 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'personality', \
     $v8 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'all-signals'
unset output
