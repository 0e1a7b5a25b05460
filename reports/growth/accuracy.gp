# biomoe chart 'accuracy'. Re-render: gnuplot accuracy.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$v0 << EOD
1 95.722 0.186539089
2 96.74 0.345776102
3 97.438 0.148844385
4 97.71 0.226412238
5 97.988 0.0848520839
6 98.076 0.144961275
7 98.166 0.101102254
8 98.224 0.0960184442
9 98.252 0.0757313228
10 98.252 0.0905648952
EOD
$v1 << EOD
1 95.528 0.282106487
2 96.686 0.178773739
3 97.276 0.25470762
4 97.668 0.122415724
5 97.778 0.196402823
6 98 0.0882368024
7 98.148 0.0720807046
8 98.19 0.130817415
9 98.204 0.0849428834
10 98.188 0.102915892
EOD
$v2 << EOD
1 95.734 0.203382888
2 96.972 0.137539156
3 97.422 0.154934587
4 97.774 0.165332579
5 97.906 0.126807876
6 98.028 0.0963390409
7 98.186 0.14173473
8 98.222 0.0757313228
9 98.25 0.0662867158
10 98.248 0.0731423332
EOD
$v3 << EOD
1 95.506 0.348396833
2 96.776 0.410932619
3 97.402 0.216028118
4 97.752 0.150901765
5 97.932 0.102164122
6 98.106 0.0880619028
7 98.138 0.139487005
8 98.206 0.0630687067
9 98.226 0.14173473
10 98.238 0.135563321
EOD
$v4 << EOD
1 96.152 0.243061863
2 97.19 0.180362107
3 97.686 0.203193288
4 97.96 0.148221603
5 98.094 0.188430431
6 98.248 0.0406158888
7 98.3 0.0744998371
8 98.322 0.063555731
9 98.358 0.0507413839
10 98.364 0.0559438166
EOD
$v5 << EOD
1 95.718 0.219918281
2 96.88 0.152072156
3 97.21 0.198083347
4 97.25 0.214344431
5 97.688 0.132107443
6 97.656 0.178342022
7 97.542 0.221837782
8 97.76 0.319351527
9 97.734 0.230394753
10 97.736 0.29820622
EOD
$v6 << EOD
1 95.722 0.186539089
2 96.74 0.345776102
3 97.438 0.148844385
4 97.496 0.271552786
5 97.892 0.181512414
6 98.084 0.0972152304
7 98.07 0.0877989
8 98.118 0.0909894868
9 98.174 0.0461257686
10 98.174 0.0732476498
EOD
$v7 << EOD
1 95.722 0.186539089
2 96.74 0.345776102
3 97.438 0.148844385
4 97.66 0.260453628
5 97.846 0.143087966
6 98.124 0.123106457
7 98.124 0.139818198
8 98.2 0.0933315109
9 98.22 0.132282381
10 98.228 0.135847343
EOD
$v8 << EOD
1 95.722 0.186539089
2 96.74 0.345776102
3 97.438 0.148844385
4 97.71 0.226412238
5 97.988 0.0848520839
6 98.076 0.144961275
7 98.19 0.0814213503
8 98.234 0.101482768
9 98.228 0.078725803
10 98.228 0.0801811166
EOD
$v9 << EOD
1 95.722 0.186539089
2 96.74 0.345776102
3 97.438 0.148844385
4 97.588 0.224428827
5 97.952 0.0816104826
6 98.06 0.100873256
7 98.2 0.0601918933
8 98.204 0.0849428834
9 98.258 0.0796989648
10 98.248 0.10366221
EOD
$v10 << EOD
1 95.682 0.277283327
2 96.852 0.287519614
3 97.534 0.221698742
4 97.814 0.333820609
5 97.832 0.141680332
6 98.094 0.0876231262
7 98.176 0.164397433
8 98.212 0.122415724
9 98.224 0.147072985
10 98.222 0.125217362
EOD

set output 'accuracy.svg'
set title 'Test accuracy per epoch (mean ± 95 % CI over seeds)'
set xlabel 'epoch'
set ylabel 'test accuracy (%)'
set grid
set key bottom right

plot $v0 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-1-3-6', \
     $v1 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'fixed-6', \
     $v2 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'fixed-1', \
     $v3 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'dense-compute', \
     $v4 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'dense-params', \
     $v5 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-constant-lr', \
     $v6 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-fresh', \
     $v7 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-no-distill', \
     $v8 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-most-accurate', \
     $v9 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-committee', \
     $v10 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'neurogenesis-prune'
reset
set terminal pngcairo size 720,440 font 'Helvetica,10' background '#ffffff'
set output 'accuracy.png'
set title 'Test accuracy per epoch (mean ± 95 % CI over seeds)'
set xlabel 'epoch'
set ylabel 'test accuracy (%)'
set grid
set key bottom right

plot $v0 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-1-3-6', \
     $v1 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'fixed-6', \
     $v2 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'fixed-1', \
     $v3 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'dense-compute', \
     $v4 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'dense-params', \
     $v5 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-constant-lr', \
     $v6 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-fresh', \
     $v7 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-no-distill', \
     $v8 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-most-accurate', \
     $v9 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-committee', \
     $v10 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'neurogenesis-prune'
unset output
