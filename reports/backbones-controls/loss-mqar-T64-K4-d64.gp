# biomoe chart 'loss-mqar-T64-K4-d64'. Re-render: gnuplot loss-mqar-T64-K4-d64.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$l0 << EOD
6400 5.85079366
12800 5.59540675
19200 5.57081101
25600 5.50068024
32000 5.33034804
38400 5.14024874
44800 4.92724703
51200 4.6776912
57600 4.40395152
64000 4.07969788
70400 3.81074241
76800 3.56870476
83200 3.30302732
89600 3.10422034
96000 2.92095826
102400 2.75290088
108800 2.63017551
115200 2.53863586
121600 2.45368758
128000 2.39607818
134400 2.34231005
140800 2.29331437
147200 2.25729939
153600 2.22657678
160000 2.20266618
166400 2.17705704
172800 2.15668692
179200 2.14016949
185600 2.13038132
192000 2.11904527
EOD
$l1 << EOD
6400 5.46142152
12800 3.45841883
19200 2.83670475
25600 2.70857467
32000 2.62592105
38400 2.50814396
44800 2.06187843
51200 1.47319191
57600 1.04670073
64000 0.665591885
70400 0.595628374
76800 0.436759881
83200 0.29756779
89600 0.231562819
96000 0.196455847
102400 0.17464682
108800 0.158922164
115200 0.150021165
121600 0.138825652
128000 0.130422372
134400 0.123055924
140800 0.116503121
147200 0.107120189
153600 0.10420972
160000 0.101222056
166400 0.0956614654
172800 0.0908707165
179200 0.0874742321
185600 0.0861035415
192000 0.08362958
EOD
$l2 << EOD
6400 5.39381665
12800 1.50947585
19200 0.127725571
EOD
$l3 << EOD
6400 5.89763982
12800 5.44672026
19200 4.40800697
25600 3.4762794
32000 3.01694095
38400 2.76258241
44800 2.62212927
51200 2.55031603
57600 2.48114756
64000 2.44413375
70400 2.39870419
76800 2.37549557
83200 2.33425075
89600 2.28008296
96000 2.24142896
102400 2.20844475
108800 2.18682169
115200 2.11037081
121600 1.9273806
128000 1.82162387
134400 1.75306685
140800 1.69668724
147200 1.6465218
153600 1.60978072
160000 1.58950809
166400 1.56830424
172800 1.55008777
179200 1.5352377
185600 1.52416984
192000 1.5118009
EOD

set output 'loss-mqar-T64-K4-d64.svg'
set title 'mqar, seq\_len 64, 4 kv pairs, d\_model 64: training loss (mean over seeds)'
set xlabel 'training sequences'
set ylabel 'training loss (nats)'
set yrange [0:*]
set grid
set key top right
plot $l0 using 1:2 with lines lw 2 title 'mamba (with MLP; 64 × 3000 steps, lr 0.003)', \
     $l1 using 1:2 with lines lw 2 title 'linear-attention (normalised) + learned positions, short conv 4', \
     $l2 using 1:2 with lines lw 2 title 'softmax-attention + RoPE, short conv 4', \
     $l3 using 1:2 with lines lw 2 title 'mamba (no MLP; 64 × 3000 steps, lr 0.003)', \
     5.545177444479562 with lines dt 2 lc rgb 'gray40' title 'ln(V/2): value prior', \
     1.3862943611198906 with lines dt 3 lc rgb 'gray60' title 'ln K: copy ceiling'
reset
set terminal pngcairo size 720,440 font 'Helvetica,10' background '#ffffff'
set output 'loss-mqar-T64-K4-d64.png'
set title 'mqar, seq\_len 64, 4 kv pairs, d\_model 64: training loss (mean over seeds)'
set xlabel 'training sequences'
set ylabel 'training loss (nats)'
set yrange [0:*]
set grid
set key top right
plot $l0 using 1:2 with lines lw 2 title 'mamba (with MLP; 64 × 3000 steps, lr 0.003)', \
     $l1 using 1:2 with lines lw 2 title 'linear-attention (normalised) + learned positions, short conv 4', \
     $l2 using 1:2 with lines lw 2 title 'softmax-attention + RoPE, short conv 4', \
     $l3 using 1:2 with lines lw 2 title 'mamba (no MLP; 64 × 3000 steps, lr 0.003)', \
     5.545177444479562 with lines dt 2 lc rgb 'gray40' title 'ln(V/2): value prior', \
     1.3862943611198906 with lines dt 3 lc rgb 'gray60' title 'ln K: copy ceiling'
unset output
