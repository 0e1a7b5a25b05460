# biomoe chart 'growth-gate-entropy'. Re-render: gnuplot growth-gate-entropy.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$v0 << EOD
1 0 0
2 0 0
3 0 0
4 0.934342323 0.0942847296
5 0.91736057 0.0844640821
6 0.909607992 0.0858834543
7 1.65849178 0.0178626637
8 1.65486072 0.0187720794
9 1.65081611 0.021903623
10 1.65028409 0.0233797411
EOD
$v1 << EOD
1 1.11940778 0.562695019
2 1.18431153 0.207366127
3 1.20481577 0.200255292
4 1.25137684 0.211016411
5 1.2438007 0.211768705
6 1.25874794 0.238960857
7 1.26661428 0.18877793
8 1.24901171 0.155242474
9 1.2560828 0.193479636
10 1.25434765 0.19009453
EOD
$v2 << EOD
1 0 0
2 0 0
3 0 0
4 0 0
5 0 0
6 0 0
7 0 0
8 0 0
9 0 0
10 0 0
EOD
$v5 << EOD
1 0 0
2 0 0
3 0 0
4 0.866434206 0.0795148526
5 0.842349685 0.0540489738
6 0.855439549 0.203629352
7 1.52834713 0.122812058
8 1.50460195 0.0740837916
9 1.46888863 0.0226282152
10 1.47876893 0.136666697
EOD
$v6 << EOD
1 0 0
2 0 0
3 0 0
4 0.857526248 0.0728389855
5 0.882541398 0.105493997
6 0.876657651 0.15227034
7 1.63483659 0.125199249
8 1.63730099 0.107178355
9 1.65048406 0.0861706544
10 1.65057999 0.0859272281
EOD
$v7 << EOD
1 0 0
2 0 0
3 0 0
4 0.701751689 0.35969939
5 0.845167566 0.371791267
6 0.924677262 0.205594067
7 1.67203521 0.0843897675
8 1.69078892 0.0538006945
9 1.69241051 0.0489056962
10 1.69221877 0.0490441932
EOD
$v8 << EOD
1 0 0
2 0 0
3 0 0
4 0.934342323 0.0942847296
5 0.91736057 0.0844640821
6 0.909607992 0.0858834543
7 1.65553686 0.0233583662
8 1.65330662 0.0340627836
9 1.64843821 0.0338933094
10 1.64809328 0.0357048897
EOD
$v9 << EOD
1 0 0
2 0 0
3 0 0
4 0.916552179 0.116601853
5 0.898438015 0.12913642
6 0.901181313 0.0555373064
7 1.65023835 0.0335685967
8 1.64778379 0.0389158758
9 1.64653296 0.0410157607
10 1.64581346 0.0415498162
EOD
$v10 << EOD
1 0.299125432 0.196957209
2 0.330515361 0.122266445
3 0.349482785 0.0761428183
4 0.346928527 0.118604004
5 0.34809865 0.103286052
6 0.367132309 0.137454276
7 0.374777863 0.0806701915
8 0.37234017 0.0692386766
9 0.383419225 0.094964967
10 0.381042422 0.0991774536
EOD

set output 'growth-gate-entropy.svg'
set title 'Mean gate entropy on the test split (ln 6 = 1.79, ln 3 = 1.10)'
set xlabel 'epoch'
set ylabel 'gate entropy (nats)'
set grid
set key bottom right

plot $v0 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-1-3-6', \
     $v1 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'fixed-6', \
     $v2 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'fixed-1', \
     $v5 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-constant-lr', \
     $v6 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-fresh', \
     $v7 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-no-distill', \
     $v8 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-most-accurate', \
     $v9 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-committee', \
     $v10 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'neurogenesis-prune'
reset
set terminal pngcairo size 720,440 font 'Helvetica,10' background '#ffffff'
set output 'growth-gate-entropy.png'
set title 'Mean gate entropy on the test split (ln 6 = 1.79, ln 3 = 1.10)'
set xlabel 'epoch'
set ylabel 'gate entropy (nats)'
set grid
set key bottom right

plot $v0 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-1-3-6', \
     $v1 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'fixed-6', \
     $v2 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'fixed-1', \
     $v5 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-constant-lr', \
     $v6 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-fresh', \
     $v7 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-no-distill', \
     $v8 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-most-accurate', \
     $v9 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-committee', \
     $v10 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'neurogenesis-prune'
unset output
