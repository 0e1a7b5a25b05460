# biomoe chart 'growth-gate-entropy'. Re-render: gnuplot growth-gate-entropy.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$v0 << EOD
1 0 0
2 0 0
3 0 0
4 0.951104976 0.02710149
5 0.959710532 0.0271490466
6 0.957594117 0.0247843067
7 1.65778918 0.0181173238
8 1.6577468 0.0170456669
9 1.65710579 0.0170720103
10 1.6569929 0.0171405618
EOD
$v1 << EOD
1 1.41755018 0.0607099546
2 1.4498367 0.0795156367
3 1.45771187 0.0839590871
4 1.45619202 0.0735850048
5 1.43509398 0.0774520729
6 1.41356426 0.0866665782
7 1.4062142 0.0848452796
8 1.39440098 0.0894949576
9 1.38958854 0.0888468613
10 1.38913521 0.0888973041
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
4 0.955812622 0.0419968919
5 0.953145595 0.0362165009
6 0.96078424 0.0459074965
7 1.58552723 0.0367926901
8 1.60158643 0.00399280497
9 1.60510844 0.0210837394
10 1.59613362 0.0120643793
EOD
$v6 << EOD
1 0 0
2 0 0
3 0 0
4 0.995921175 0.0369952803
5 1.01261492 0.0239931439
6 1.00684254 0.0170850881
7 1.72793058 0.00860726103
8 1.72379699 0.0104632908
9 1.72222735 0.0104010053
10 1.72192365 0.0103707592
EOD
$v7 << EOD
1 0 0
2 0 0
3 0 0
4 1.01411172 0.0385577951
5 1.0483157 0.00850742847
6 1.03974708 0.0138261943
7 1.73292758 0.0123784852
8 1.73135604 0.0115027833
9 1.72956225 0.0107456687
10 1.72932063 0.0108276093
EOD
$v8 << EOD
1 0 0
2 0 0
3 0 0
4 0.951104976 0.02710149
5 0.959710532 0.0271490466
6 0.957594117 0.0247843067
7 1.66049283 0.0198166888
8 1.65872988 0.0185276179
9 1.65807493 0.0185595517
10 1.65789718 0.0186020524
EOD
$v9 << EOD
1 0 0
2 0 0
3 0 0
4 0.961161968 0.0295672869
5 0.963876893 0.0223749047
6 0.954776969 0.0240120229
7 1.65447082 0.0238673574
8 1.65667552 0.0239665901
9 1.65573188 0.0237935886
10 1.65547504 0.0236958425
EOD
$v10 << EOD
1 0.419135463 0.0819357285
2 0.436724269 0.0529687731
3 0.431769179 0.0357205841
4 0.440682376 0.0287147822
5 0.425557547 0.0347511037
6 0.418913911 0.0302778499
7 0.416208528 0.0323822785
8 0.413035876 0.0362284047
9 0.41088607 0.0366305205
10 0.411091206 0.0369763835
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
