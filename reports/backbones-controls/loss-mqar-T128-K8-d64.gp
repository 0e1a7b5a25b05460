# biomoe chart 'loss-mqar-T128-K8-d64'. Re-render: gnuplot loss-mqar-T128-K8-d64.gp
set encoding utf8
set terminal svg size 720,432 dynamic font 'Helvetica,12' background '#ffffff'
$l0 << EOD
6400 5.59977805
12800 1.92035986
19200 0.0878555795
EOD
$l1 << EOD
6400 5.82365886
12800 5.58347409
19200 5.57510624
25600 5.5685049
32000 5.56555069
38400 5.56242189
44800 5.56088925
51200 5.5596006
57600 5.55779287
64000 5.55685842
70400 5.5561941
76800 5.55539059
83200 5.55463794
89600 5.55367562
96000 5.55366928
102400 5.55196636
108800 5.55160683
115200 5.5508719
121600 5.55065071
128000 5.55034632
134400 5.54965682
140800 5.54891982
147200 5.54862539
153600 5.54810256
160000 5.54779224
166400 5.54399024
172800 5.53048786
179200 5.52732482
185600 5.52616107
192000 5.52487294
EOD
$l2 << EOD
6400 5.36742236
12800 3.89217854
19200 3.58472416
25600 2.80131075
32000 0.78651647
38400 0.109486552
44800 0.0821711382
51200 0.073343342
EOD
$l3 << EOD
6400 5.86075487
12800 5.57851547
19200 5.51242128
25600 5.19591582
32000 4.79200138
38400 4.47010943
44800 4.21698197
51200 4.04491753
57600 3.89551809
64000 3.79780331
70400 3.729166
76800 3.67461139
83200 3.62814782
89600 3.58588265
96000 3.54918022
102400 3.51853212
108800 3.49164003
115200 3.47332163
121600 3.46631617
128000 3.4502137
134400 3.43637177
140800 3.41998385
147200 3.40898464
153600 3.40253495
160000 3.39195625
166400 3.39156539
172800 3.38328541
179200 3.38174613
185600 3.37472928
192000 3.37101637
EOD

set output 'loss-mqar-T128-K8-d64.svg'
set title 'mqar, seq\_len 128, 8 kv pairs, d\_model 64: training loss (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'training loss (nats)'
set yrange [0:*]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $l0 using 1:2 with lines lw 2 title 'softmax-attention + RoPE, short conv 4 (with MLP)', \
     $l1 using 1:2 with lines lw 2 title 'mamba (with MLP; 64 × 3000 steps, lr 0.003)', \
     $l2 using 1:2 with lines lw 2 title 'softmax-attention + learned positions (no MLP)', \
     $l3 using 1:2 with lines lw 2 title 'mamba (no MLP; 64 × 3000 steps, lr 0.003)', \
     5.545177444479562 with lines dt 2 lc rgb 'gray40' title 'ln(V/2): value prior', \
     2.0794415416798357 with lines dt 3 lc rgb 'gray60' title 'ln K: copy ceiling'
reset
set terminal pngcairo size 720,432 font 'Helvetica,10' background '#ffffff'
set output 'loss-mqar-T128-K8-d64.png'
set title 'mqar, seq\_len 128, 8 kv pairs, d\_model 64: training loss (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'training loss (nats)'
set yrange [0:*]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $l0 using 1:2 with lines lw 2 title 'softmax-attention + RoPE, short conv 4 (with MLP)', \
     $l1 using 1:2 with lines lw 2 title 'mamba (with MLP; 64 × 3000 steps, lr 0.003)', \
     $l2 using 1:2 with lines lw 2 title 'softmax-attention + learned positions (no MLP)', \
     $l3 using 1:2 with lines lw 2 title 'mamba (no MLP; 64 × 3000 steps, lr 0.003)', \
     5.545177444479562 with lines dt 2 lc rgb 'gray40' title 'ln(V/2): value prior', \
     2.0794415416798357 with lines dt 3 lc rgb 'gray60' title 'ln K: copy ceiling'
unset output
