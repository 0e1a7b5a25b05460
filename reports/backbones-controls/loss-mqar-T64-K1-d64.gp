# biomoe chart 'loss-mqar-T64-K1-d64'. Re-render: gnuplot loss-mqar-T64-K1-d64.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$l0 << EOD
6400 5.92352066
12800 5.00672601
19200 4.11774374
25600 3.35398595
32000 1.86673979
38400 0.705217839
44800 0.564885272
51200 0.439650533
57600 0.385741184
64000 0.311178113
70400 0.283326865
76800 0.234453785
83200 0.217544299
89600 0.206158152
96000 0.193112895
102400 0.202244543
108800 0.190819342
115200 0.179379279
121600 0.196704624
128000 0.181294256
134400 0.175842908
140800 0.146933194
147200 0.14197223
153600 0.135848858
160000 0.127346762
166400 0.124028744
172800 0.197810276
179200 0.197617838
185600 0.199073218
192000 0.20624127
EOD

set output 'loss-mqar-T64-K1-d64.svg'
set title 'mqar, seq\_len 64, 1 kv pairs, d\_model 64: training loss (mean over seeds)'
set xlabel 'training sequences'
set ylabel 'training loss (nats)'
set yrange [0:*]
set grid
set key top right
plot $l0 using 1:2 with lines lw 2 title 'mamba + d\_conv 1', \
     5.545177444479562 with lines dt 2 lc rgb 'gray40' title 'ln(V/2): value prior', \
     0.0 with lines dt 3 lc rgb 'gray60' title 'ln K: copy ceiling'
reset
set terminal pngcairo size 720,440 font 'Helvetica,10' background '#ffffff'
set output 'loss-mqar-T64-K1-d64.png'
set title 'mqar, seq\_len 64, 1 kv pairs, d\_model 64: training loss (mean over seeds)'
set xlabel 'training sequences'
set ylabel 'training loss (nats)'
set yrange [0:*]
set grid
set key top right
plot $l0 using 1:2 with lines lw 2 title 'mamba + d\_conv 1', \
     5.545177444479562 with lines dt 2 lc rgb 'gray40' title 'ln(V/2): value prior', \
     0.0 with lines dt 3 lc rgb 'gray60' title 'ln K: copy ceiling'
unset output
