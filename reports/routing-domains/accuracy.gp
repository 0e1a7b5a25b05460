# biomoe chart 'accuracy'. Re-render: gnuplot accuracy.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$v0 << EOD
1 85.248 0.767896628
2 86.824 0.654240265
3 87.474 0.79624454
4 87.614 0.490150678
5 87.5 0.611133324
6 87.816 0.297818217
7 87.814 0.837253551
8 87.764 0.457364013
9 87.962 0.588278838
10 87.764 0.350162443
EOD
$v1 << EOD
1 71.76 0.955032509
2 77.338 0.700600013
3 79.078 0.631444415
4 79.944 0.804143985
5 80.482 0.60983273
6 80.974 0.413550527
7 81.444 0.370486391
8 81.744 0.278420819
9 81.904 0.181342459
10 82.416 0.570125252
EOD
$v2 << EOD
1 71.958 1.02729966
2 76.436 0.67311472
3 77.262 0.274489188
4 78.078 0.308847529
5 78.218 0.329146354
6 78.79 0.308172888
7 78.54 0.244894411
8 78.214 0.268124673
9 78.07 0.435202772
10 78.076 0.334051451
EOD
$v3 << EOD
1 83.27 1.41930391
2 85.548 0.781084596
3 86.596 1.19088455
4 87.278 1.14150051
5 87.73 0.563077832
6 87.848 0.392196812
7 88.15 0.417298852
8 88.026 0.465383865
9 88.29 0.31959282
10 88.098 0.229355196
EOD
$v4 << EOD
1 72.544 1.16962503
2 77.2 0.83556696
3 78.898 1.15098297
4 79.754 0.840928312
5 80.826 0.389257193
6 81.184 0.536119955
7 81.898 0.39998157
8 81.968 0.794150636
9 82.012 1.01670216
10 81.898 0.907069298
EOD
$v5 << EOD
1 83.422 1.16456562
2 85.654 0.867549101
3 86.786 0.528517291
4 87.31 0.505358754
5 87.788 0.293883785
6 87.97 0.511499241
7 87.978 0.77876189
8 88.076 0.685933647
9 87.964 0.450058223
10 88.236 0.575240275
EOD
$v6 << EOD
1 82.462 1.69024627
2 86.08 0.738294262
3 87.39 0.476627551
4 87.57 0.572244107
5 88.038 0.655934764
6 88.296 0.548908162
7 88.032 0.630161276
8 88.434 0.374212879
9 88.334 0.433836745
10 88.45 0.291460612
EOD
$v7 << EOD
1 82.654 1.67112469
2 84.906 0.823373946
3 86.29 0.686349334
4 86.992 0.463458451
5 87.7 0.501377077
6 87.472 0.41399765
7 88.188 0.334489612
8 87.83 0.595286902
9 88.206 0.122478679
10 88.316 0.437464132
EOD
$v8 << EOD
1 84.082 0.430429574
2 85.896 1.19182277
3 86.962 0.669658735
4 87.778 0.697014891
5 87.788 0.586112735
6 88.158 0.737897392
7 87.928 0.494051205
8 88.364 0.464139898
9 88.502 0.324784734
10 88.24 0.676849231
EOD
$v9 << EOD
1 83.992 1.07335367
2 86.12 1.02062209
3 87.404 0.60272522
4 88.112 0.411288884
5 87.928 0.344256789
6 88.186 0.665802858
7 88.418 0.476983231
8 88.12 0.609301593
9 88.394 0.58203453
10 88.498 0.360660099
EOD
$v10 << EOD
1 82.43 0.969213962
2 84.868 0.335639933
3 86.084 0.806345786
4 86.638 0.638727192
5 86.704 0.396613978
6 87.036 0.521986428
7 87.048 0.991599082
8 87.212 0.633820496
9 87.474 0.640968051
10 87.524 0.731560329
EOD
$v11 << EOD
1 83.78 1.32611221
2 85.504 0.776094601
3 86.698 0.461541706
4 87.416 0.5241234
5 87.792 0.553718087
6 88.124 0.415595887
7 88.23 0.302619769
8 87.958 0.436476228
9 87.808 1.19678629
10 87.856 1.02497836
EOD
$v12 << EOD
1 83.026 0.762921417
2 85.156 0.555052952
3 85.988 0.919225551
4 87.248 0.458020867
5 87.484 0.63127348
6 87.742 0.242108551
7 88.01 0.559644817
8 88.232 0.115947747
9 88.116 0.780897059
10 88.126 0.622728824
EOD
$v13 << EOD
1 82.028 1.18500546
2 84.994 1.25031306
3 86.302 0.558017097
4 86.266 0.686102199
5 86.842 0.337586485
6 87.358 0.754171597
7 87.358 0.444265904
8 87.616 0.755203247
9 87.54 0.859577687
10 87.736 0.328701071
EOD
$v14 << EOD
1 83.488 0.243061863
2 85.686 0.246869524
3 86.392 0.223050682
4 86.666 0.249509583
5 87.146 0.316027259
6 87.478 0.441655521
7 87.814 0.357569037
8 87.882 0.445997672
9 88.23 0.323548179
10 88.41 0.534420588
EOD
$v15 << EOD
1 85.3 0.387212062
2 87.506 0.383370657
3 88.588 0.320363737
4 89.528 0.288322818
5 90.486 0.268268386
6 91.082 0.151666088
7 91.5 0.205906672
8 91.774 0.29574027
9 92.104 0.074809609
10 92.288 0.20654213
EOD
$v16 << EOD
1 73.668 2.2197222
2 76.256 1.16827316
3 77.18 1.45301211
4 78.004 1.3899872
5 78.172 1.44138414
6 78.668 1.42916546
7 78.562 1.36708272
8 78.232 1.09017105
9 78.936 1.24134108
10 78.88 1.03282261
EOD
$v17 << EOD
1 60.406 1.64712702
2 67.162 0.628385014
3 69.384 0.759122917
4 70.896 0.588357455
5 71.548 0.890775984
6 72.072 0.761343543
7 73.028 0.764375025
8 72.574 0.738429985
9 73.502 0.631993534
10 73.586 0.627107907
EOD
$v18 << EOD
1 79.204 3.09359521
2 81.68 1.440571
3 83.154 1.53995366
4 84.062 1.09207856
5 84.612 1.1290406
6 85.156 1.05507102
7 84.992 0.708858544
8 85.038 0.8532951
9 85.322 0.894446311
10 85.464 0.529828353
EOD
$v19 << EOD
1 87.04 0.271041333
2 88.438 0.596670885
3 89.242 0.635520922
4 89.584 0.135620173
5 89.83 0.215778189
6 90.138 0.269243598
7 89.926 0.437287884
8 90.014 0.191675274
9 90.124 0.484137497
10 90.262 0.225798561
EOD
$v20 << EOD
1 75.628 0.509869009
2 79.224 0.572351864
3 80.54 0.334789075
4 82.09 0.536004914
5 82.888 0.324309694
6 83.24 0.153082613
7 83.544 0.241662385
8 83.704 0.42130666
9 84.368 0.535026066
10 84.472 0.266365136
EOD
$v21 << EOD
1 84.598 1.26349298
2 87.644 0.834948612
3 88.794 1.17041565
4 89.326 0.263630726
5 89.532 0.536536772
6 89.878 0.140861836
7 89.992 0.317948415
8 89.924 0.465715028
9 90.134 0.158427757
10 90.028 0.234835388
EOD
$v22 << EOD
1 82.026 2.72378453
2 84.8 1.57903826
3 86.584 0.428652897
4 86.882 0.830820722
5 87.298 0.652163232
6 87.486 0.364190853
7 87.53 0.448720242
8 87.506 0.461975753
9 87.346 0.588095357
10 87.424 0.57423434
EOD
$v23 << EOD
1 83.332 0.992842135
2 85.584 0.429551127
3 86.154 1.44376742
4 86.93 0.795198277
5 87.56 0.808608326
6 87.89 0.476546678
7 88.168 0.510548905
8 88.228 0.481407061
9 88.472 0.259920336
10 88.562 0.303433811
EOD
$v24 << EOD
1 77.092 1.85260672
2 81.962 2.19095466
3 83.552 1.73875963
4 84.944 0.503341223
5 86.006 0.607819552
6 86.592 0.357116022
7 87.454 0.573226639
8 87.738 0.939177409
9 88.068 0.56173459
10 87.85 0.615782704
EOD
$v25 << EOD
1 61.258 1.045338
2 74.998 1.93724249
3 79.332 1.60252596
4 80.912 1.34230133
5 82.594 1.11052941
6 82.1 1.6088295
7 82.832 2.06328162
8 83.466 1.17064615
9 83.702 1.29005837
10 84.396 1.06020944
EOD

set output 'accuracy.svg'
set title 'Test accuracy per epoch (mean ± 95 % CI over seeds)'
set xlabel 'epoch'
set ylabel 'test accuracy (%)'
set grid
set key bottom right

plot $v0 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'oracle-h8', \
     $v1 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'random-h8', \
     $v2 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'hash-h8', \
     $v3 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-h8', \
     $v4 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'noisy-top-k-h8', \
     $v5 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'self-assessed-h8', \
     $v6 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'self-assessed-cap-h8', \
     $v7 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t4-h8', \
     $v8 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t4-p1-h8', \
     $v9 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t1-h8', \
     $v10 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t16-h8', \
     $v11 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t4-th4-h8', \
     $v12 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-rate-t4-h8', \
     $v13 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-rate-t16-h8', \
     $v14 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'dense-mac-matched', \
     $v15 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'dense-param-matched', \
     $v16 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'oracle-h4', \
     $v17 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'random-h4', \
     $v18 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-h4', \
     $v19 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'oracle-h16', \
     $v20 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'random-h16', \
     $v21 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-h16', \
     $v22 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-h8-e4', \
     $v23 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-h8-e16', \
     $v24 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-h8-e64', \
     $v25 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-h8-e256'
reset
set terminal pngcairo size 720,440 font 'Helvetica,10' background '#ffffff'
set output 'accuracy.png'
set title 'Test accuracy per epoch (mean ± 95 % CI over seeds)'
set xlabel 'epoch'
set ylabel 'test accuracy (%)'
set grid
set key bottom right

plot $v0 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'oracle-h8', \
     $v1 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'random-h8', \
     $v2 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'hash-h8', \
     $v3 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-h8', \
     $v4 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'noisy-top-k-h8', \
     $v5 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'self-assessed-h8', \
     $v6 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'self-assessed-cap-h8', \
     $v7 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t4-h8', \
     $v8 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t4-p1-h8', \
     $v9 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t1-h8', \
     $v10 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t16-h8', \
     $v11 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t4-th4-h8', \
     $v12 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-rate-t4-h8', \
     $v13 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-rate-t16-h8', \
     $v14 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'dense-mac-matched', \
     $v15 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'dense-param-matched', \
     $v16 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'oracle-h4', \
     $v17 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'random-h4', \
     $v18 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-h4', \
     $v19 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'oracle-h16', \
     $v20 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'random-h16', \
     $v21 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-h16', \
     $v22 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-h8-e4', \
     $v23 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-h8-e16', \
     $v24 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-h8-e64', \
     $v25 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-h8-e256'
unset output
