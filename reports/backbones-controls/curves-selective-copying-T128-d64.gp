# biomoe chart 'curves-selective-copying-T128-d64'. Re-render: gnuplot curves-selective-copying-T128-d64.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$a0 << EOD
1600 7.01458333
3200 7.20625
4800 6.97708333
6400 7.11041667
8000 6.94166667
9600 7.34583333
11200 8.12916667
12800 8.4
14400 8.09166667
16000 8.24791667
17600 8.21666667
19200 8.56875
20800 8.37916667
22400 8.47083333
24000 8.69166667
25600 8.92083333
27200 8.96875
28800 8.91875
30400 8.92291667
32000 9.08333333
33600 9.35625
35200 9.55
36800 9.60208333
38400 9.19583333
40000 9.81875
41600 10.6041667
43200 10.2604167
44800 10.775
46400 10.6416667
48000 11.3020833
49600 11.40625
51200 11.7
52800 11.76875
54400 12.0041667
56000 12.075
57600 12.4583333
59200 12.46875
60800 12.8645833
62400 13.4208333
64000 13.2916667
65600 13.7958333
67200 14.4666667
68800 14.3666667
70400 15.1645833
72000 15.6125
73600 15.63125
75200 16.0479167
76800 16.2104167
78400 16.8145833
80000 17.1875
81600 17.45625
83200 17.4479167
84800 17.625
86400 17.98125
88000 17.9
89600 18.3583333
91200 18.1979167
92800 18.3958333
94400 18.5833333
96000 18.4541667
EOD

set output 'curves-selective-copying-T128-d64.svg'
set title 'selective-copying, seq\_len 128, d\_model 64: validation accuracy (mean over seeds)'
set xlabel 'training sequences'
set ylabel 'validation accuracy (%)'
set yrange [0:100]
set grid
set key bottom right
plot $a0 using 1:2 with lines lw 2 title 'mamba', \
     90 with lines dt 2 lc rgb 'gray40' title '90 %'
reset
set terminal pngcairo size 720,440 font 'Helvetica,10' background '#ffffff'
set output 'curves-selective-copying-T128-d64.png'
set title 'selective-copying, seq\_len 128, d\_model 64: validation accuracy (mean over seeds)'
set xlabel 'training sequences'
set ylabel 'validation accuracy (%)'
set yrange [0:100]
set grid
set key bottom right
plot $a0 using 1:2 with lines lw 2 title 'mamba', \
     90 with lines dt 2 lc rgb 'gray40' title '90 %'
unset output
