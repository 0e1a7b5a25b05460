# biomoe chart 'loss-selective-copying-T128-d64'. Re-render: gnuplot loss-selective-copying-T128-d64.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$l0 << EOD
1600 2.67358954
3200 2.65037955
4800 2.6462938
6400 2.645263
8000 2.64454394
9600 2.64327968
11200 2.63501636
12800 2.63100969
14400 2.62884828
16000 2.62635547
17600 2.62656466
19200 2.62612637
20800 2.62498054
22400 2.62320831
24000 2.61945679
25600 2.61496915
27200 2.60770548
28800 2.59556372
30400 2.59492258
32000 2.59047136
33600 2.59185729
35200 2.58603244
36800 2.58276303
38400 2.5732926
40000 2.57520289
41600 2.56285327
43200 2.55154886
44800 2.54799498
46400 2.53948304
48000 2.53015618
49600 2.5150867
51200 2.50874401
52800 2.49288027
54400 2.48965426
56000 2.47535578
57600 2.47095341
59200 2.45114628
60800 2.43187064
62400 2.40308903
64000 2.39455027
65600 2.37939235
67200 2.36887578
68800 2.36191164
70400 2.35408807
72000 2.34172409
73600 2.33389771
75200 2.3263285
76800 2.31821196
78400 2.31012258
80000 2.3090179
81600 2.29178923
83200 2.29020833
84800 2.28353394
86400 2.27985038
88000 2.2728935
89600 2.2676354
91200 2.26490611
92800 2.26437655
94400 2.25873529
96000 2.25227103
EOD

set output 'loss-selective-copying-T128-d64.svg'
set title 'selective-copying, seq\_len 128, d\_model 64: training loss (mean over seeds)'
set xlabel 'training sequences'
set ylabel 'training loss (nats)'
set yrange [0:*]
set grid
set key top right
plot $l0 using 1:2 with lines lw 2 title 'mamba', \
     2.6390573296152584 with lines dt 2 lc rgb 'gray40' title 'ln 14: chance'
reset
set terminal pngcairo size 720,440 font 'Helvetica,10' background '#ffffff'
set output 'loss-selective-copying-T128-d64.png'
set title 'selective-copying, seq\_len 128, d\_model 64: training loss (mean over seeds)'
set xlabel 'training sequences'
set ylabel 'training loss (nats)'
set yrange [0:*]
set grid
set key top right
plot $l0 using 1:2 with lines lw 2 title 'mamba', \
     2.6390573296152584 with lines dt 2 lc rgb 'gray40' title 'ln 14: chance'
unset output
