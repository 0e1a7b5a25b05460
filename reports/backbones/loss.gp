# biomoe chart 'loss'. Re-render: gnuplot loss.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$v0 << EOD
100 5.80577106 0.0108587401
200 5.61256636 0.00273957008
300 5.58954702 0.021467778
EOD
$v1 << EOD
100 5.64551294 0.0527238614
200 4.75570948 0.0612247593
300 4.13628418 0.0233409409
EOD
$v2 << EOD
100 5.66151506 0.0604670775
200 4.86554832 0.0249179176
300 4.28441284 0.045375075
EOD
$v3 << EOD
100 5.819544 0.00845891741
200 5.639976 0.0107365744
300 5.59678754 0.0124939633
EOD
$v4 << EOD
100 5.30285097 0.0312749764
200 3.9756094 0.0774283375
300 3.43044106 0.0248934874
EOD
$v5 << EOD
100 5.3503307 0.0269456786
200 4.17832798 0.0711320977
300 3.61804217 0.00431171965
EOD
$v6 << EOD
100 5.7445843 0.0219090663
200 5.59341276 0.0112385777
300 5.58423786 0.00716113584
EOD
$v7 << EOD
100 5.68479077 0.0390648023
200 5.07726559 0.0659952641
300 4.69491608 0.0757556713
EOD
$v8 << EOD
100 5.69321499 0.0342346512
200 5.13277479 0.0339400202
300 4.77118896 0.0502538225
EOD
$v9 << EOD
100 5.73324321 0.0228235955
200 5.60360889 0.00379073493
300 5.58456134 0.0120316912
EOD
$v10 << EOD
100 5.4477843 0.0371079193
200 4.54353895 0.0458040967
300 4.15684088 0.0284379934
EOD
$v11 << EOD
100 5.47431376 0.0381164597
200 4.64813339 0.0446786498
300 4.25950337 0.0208613764
EOD
$v12 << EOD
100 5.93358881 0.0618463413
200 5.7372613 0.144054183
300 5.65261889 0.105089557
EOD
$v13 << EOD
100 4.73978649 0.0116910306
200 3.42155801 0.0473323064
300 3.25353726 0.0669992782
EOD
$v14 << EOD
100 4.87776236 0.0204128136
200 3.76660294 0.0448437379
300 3.57884874 0.0172686031
EOD
$v15 << EOD
100 5.69840221 0.0254200819
200 5.5808379 0.00251254313
300 5.57376873 0.000335857101
EOD
$v16 << EOD
100 5.70151984 0.0101853065
200 5.30727636 0.0307096113
300 5.07280054 0.0284079856
EOD
$v17 << EOD
100 5.70214445 0.00685507586
200 5.33023802 0.0403368351
300 5.11220269 0.0130177653
EOD
$v18 << EOD
100 2.65958527 0.00441167951
200 2.64835536 0.00225127923
300 2.64162201 0.010722702
EOD
$v19 << EOD
100 2.52717438 0.00248184535
200 2.29444724 0.0832136093
300 2.22116902 0.0807562517
EOD
$v20 << EOD
100 2.44806608 0.015737151
200 2.19453244 0.0647205129
300 2.11929405 0.00741819324
EOD
$v21 << EOD
100 2.67395864 0.00151074304
200 2.66437884 0.00107570639
EOD
$v22 << EOD
100 2.67322151 0.0054625546
200 2.6658389 0.000343284979
EOD
$v23 << EOD
100 2.67327338 0.0051726094
200 2.66585515 0.000353817848
EOD
$v24 << EOD
100 2.49162314 0.0360211444
200 1.91553261 0.0246433736
300 1.80349197 0.00937406868
EOD
$v25 << EOD
100 3.53343515 0.0437780571
200 2.89962764 0.0181406801
300 2.65472094 0.0256245269
EOD
$v26 << EOD
100 3.35830035 0.0549929933
200 2.65538142 0.0208734364
300 2.53437777 0.0197597508
EOD

set output 'loss.svg'
set title 'Training loss per training step (mean ± 95 % CI over seeds)'
set xlabel 'training step'
set ylabel 'training loss (nats, log scale)'
set grid
set key bottom right
set logscale y
set key top right
plot $v0 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mqar-t64-d64-mamba', \
     $v1 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mqar-t64-d64-linear', \
     $v2 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mqar-t64-d64-softmax', \
     $v3 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mqar-t64-d128-mamba', \
     $v4 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mqar-t64-d128-linear', \
     $v5 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mqar-t64-d128-softmax', \
     $v6 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mqar-t128-d64-mamba', \
     $v7 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mqar-t128-d64-linear', \
     $v8 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mqar-t128-d64-softmax', \
     $v9 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mqar-t128-d128-mamba', \
     $v10 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mqar-t128-d128-linear', \
     $v11 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mqar-t128-d128-softmax', \
     $v12 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mqar-t64-d256-mamba', \
     $v13 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mqar-t64-d256-linear', \
     $v14 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mqar-t64-d256-softmax', \
     $v15 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mqar-t256-d64-mamba', \
     $v16 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mqar-t256-d64-linear', \
     $v17 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mqar-t256-d64-softmax', \
     $v18 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'copy-mamba', \
     $v19 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'copy-linear', \
     $v20 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'copy-softmax', \
     $v21 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'induction-mamba', \
     $v22 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'induction-linear', \
     $v23 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'induction-softmax', \
     $v24 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'char-mamba', \
     $v25 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'char-linear', \
     $v26 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'char-softmax'
reset
set terminal pngcairo size 720,440 font 'Helvetica,10' background '#ffffff'
set output 'loss.png'
set title 'Training loss per training step (mean ± 95 % CI over seeds)'
set xlabel 'training step'
set ylabel 'training loss (nats, log scale)'
set grid
set key bottom right
set logscale y
set key top right
plot $v0 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mqar-t64-d64-mamba', \
     $v1 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mqar-t64-d64-linear', \
     $v2 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mqar-t64-d64-softmax', \
     $v3 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mqar-t64-d128-mamba', \
     $v4 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mqar-t64-d128-linear', \
     $v5 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mqar-t64-d128-softmax', \
     $v6 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mqar-t128-d64-mamba', \
     $v7 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mqar-t128-d64-linear', \
     $v8 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mqar-t128-d64-softmax', \
     $v9 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mqar-t128-d128-mamba', \
     $v10 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mqar-t128-d128-linear', \
     $v11 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mqar-t128-d128-softmax', \
     $v12 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mqar-t64-d256-mamba', \
     $v13 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mqar-t64-d256-linear', \
     $v14 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mqar-t64-d256-softmax', \
     $v15 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mqar-t256-d64-mamba', \
     $v16 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mqar-t256-d64-linear', \
     $v17 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mqar-t256-d64-softmax', \
     $v18 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'copy-mamba', \
     $v19 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'copy-linear', \
     $v20 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'copy-softmax', \
     $v21 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'induction-mamba', \
     $v22 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'induction-linear', \
     $v23 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'induction-softmax', \
     $v24 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'char-mamba', \
     $v25 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'char-linear', \
     $v26 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'char-softmax'
unset output
