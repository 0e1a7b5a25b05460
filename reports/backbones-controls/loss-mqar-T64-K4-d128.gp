# biomoe chart 'loss-mqar-T64-K4-d128'. Re-render: gnuplot loss-mqar-T64-K4-d128.gp
set encoding utf8
set terminal svg size 720,415 dynamic font 'Helvetica,12' background '#ffffff'
$l0 << EOD
6400 5.5111159
12800 2.35589939
19200 0.101646706
EOD
$l1 << EOD
6400 4.93375142
12800 3.25164979
19200 1.83462194
25600 0.451815715
32000 0.168899247
38400 0.109315331
44800 0.0791244252
51200 0.0643585773
57600 0.0579391285
64000 0.0579862888
70400 0.0512983668
76800 0.0509595046
83200 0.0489122201
89600 0.0488961302
96000 0.0490228257
102400 0.0485931797
108800 0.0451513782
115200 0.046649449
121600 0.0458941658
128000 0.0462801285
134400 0.0463323454
140800 0.0459624704
147200 0.0459694417
EOD
$l2 << EOD
6400 5.79130257
12800 5.31623789
19200 4.80960749
25600 4.42395562
32000 3.77149271
38400 3.34504335
44800 3.14752203
51200 2.9965006
57600 2.82914085
64000 3.06459003
70400 2.5097614
76800 2.02365733
83200 1.57262988
89600 1.39334821
96000 1.2739307
102400 1.16590402
108800 1.09485534
115200 1.04094194
121600 0.995918328
128000 0.981530861
134400 0.962144217
140800 0.937722337
147200 0.919643831
153600 0.904679443
160000 0.885947506
166400 0.876336041
172800 0.864172511
179200 0.848586646
185600 0.841994987
192000 0.829933753
198400 0.817228725
204800 0.806064955
211200 0.801618716
217600 0.796494193
224000 0.787993553
230400 0.78122731
236800 0.779304628
243200 0.77027762
249600 0.763595302
256000 0.7565732
262400 0.751041429
268800 0.746673239
275200 0.743727238
281600 0.737864245
288000 0.736366326
294400 0.733049933
300800 0.728277894
307200 0.721876526
313600 0.716712855
320000 0.715307089
326400 0.711550748
332800 0.707241224
339200 0.704089834
345600 0.700528652
352000 0.699381926
358400 0.69631912
364800 0.694474464
371200 0.692297346
377600 0.691265439
384000 0.690406489
EOD

set output 'loss-mqar-T64-K4-d128.svg'
set title 'mqar, seq\_len 64, 4 kv pairs, d\_model 128: training loss (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'training loss (nats)'
set yrange [0:*]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $l0 using 1:2 with lines lw 2 title 'softmax-attention + RoPE, short conv 4', \
     $l1 using 1:2 with lines lw 2 title 'linear-attention (normalised) + learned positions, short conv 4', \
     $l2 using 1:2 with lines lw 2 title 'mamba', \
     5.545177444479562 with lines dt 2 lc rgb 'gray40' title 'ln(V/2): value prior', \
     1.3862943611198906 with lines dt 3 lc rgb 'gray60' title 'ln K: copy ceiling'
reset
set terminal pngcairo size 720,415 font 'Helvetica,10' background '#ffffff'
set output 'loss-mqar-T64-K4-d128.png'
set title 'mqar, seq\_len 64, 4 kv pairs, d\_model 128: training loss (seed mean, stopped seeds held)'
set xlabel 'training sequences'
set ylabel 'training loss (nats)'
set yrange [0:*]
set grid
set key outside below left Left reverse vertical maxcols 1 title ' '
plot $l0 using 1:2 with lines lw 2 title 'softmax-attention + RoPE, short conv 4', \
     $l1 using 1:2 with lines lw 2 title 'linear-attention (normalised) + learned positions, short conv 4', \
     $l2 using 1:2 with lines lw 2 title 'mamba', \
     5.545177444479562 with lines dt 2 lc rgb 'gray40' title 'ln(V/2): value prior', \
     1.3862943611198906 with lines dt 3 lc rgb 'gray60' title 'ln K: copy ceiling'
unset output
