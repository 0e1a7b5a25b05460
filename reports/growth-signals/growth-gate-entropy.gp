# biomoe chart 'growth-gate-entropy'. Re-render: gnuplot growth-gate-entropy.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$v0 << EOD
1 0 0
2 0 0
3 0 0
4 0.939177323 0.0424072114
5 0.945865965 0.0307167521
6 0.946195207 0.0163576834
7 1.64999278 0.0213504779
8 1.65036953 0.0187860502
9 1.64984899 0.0198123269
10 1.64971918 0.019588952
EOD
$v1 << EOD
1 0 0
2 0 0
3 0 0
4 0.936286434 0.0809530204
5 0.9433822 0.0788948856
6 0.94496126 0.0419516339
7 1.64366916 0.0315308364
8 1.64249747 0.0302153835
9 1.64189702 0.0296875193
10 1.64176311 0.02981483
EOD
$v2 << EOD
1 0 0
2 0 0
3 0 0
4 0.945401979 0.102418109
5 0.9669469 0.102505659
6 0.957931704 0.122195631
7 1.65679958 0.115380371
8 1.65654078 0.109216806
9 1.65605235 0.108589252
10 1.65586845 0.108552048
EOD
$v3 << EOD
1 0 0
2 0 0
3 0 0
4 0.919199216 0.0442249854
5 0.93529935 0.018516877
6 0.939278774 0.00245213781
7 1.64058576 0.00275880435
8 1.64113983 0.0114165859
9 1.6406606 0.0122634841
10 1.64056338 0.0124371999
EOD
$v4 << EOD
1 0 0
2 0 0
3 0 0
4 1.00601455 0.0850210903
5 0.997793827 0.0475827587
6 0.9958179 0.0458565211
7 1.69058246 0.0418616756
8 1.69265746 0.0305335221
9 1.69143714 0.0299469517
10 1.69117822 0.0295182413
EOD
$v5 << EOD
1 0 0
2 0 0
3 0 0
4 0.935739283 0.0512733294
5 0.950283175 0.0154926709
6 0.947631329 0.012858718
7 1.63430881 0.0286250598
8 1.63564433 0.0269358688
9 1.63603667 0.0273815447
10 1.63606074 0.0268237614
EOD
$v6 << EOD
1 0 0
2 0 0
3 0 0
4 0.940488951 0.050915988
5 0.951222784 0.0633663009
6 0.947531247 0.0456817587
7 1.64706924 0.0339185492
8 1.64758326 0.0349257034
9 1.64691245 0.0345821515
10 1.64670685 0.0348795348
EOD
$v7 << EOD
1 0 0
2 0 0
3 0 0
4 0.844314945 0.170456411
5 0.902031094 0.143951747
6 0.898342495 0.14702437
7 1.58805855 0.0914473159
8 1.58986394 0.0995540923
9 1.58863483 0.0983559051
10 1.58845362 0.0982256227
EOD
$v8 << EOD
1 0 0
2 0 0
3 0 0
4 0.861022262 0.239636805
5 0.906934893 0.142948477
6 0.905351213 0.157392919
7 1.53610515 0.168130337
8 1.53825735 0.173941957
9 1.5375941 0.170067462
10 1.53752493 0.169986773
EOD

set output 'growth-gate-entropy.svg'
set title 'Mean gate entropy on the test split (ln 6 = 1.79, ln 3 = 1.10)'
set xlabel 'epoch'
set ylabel 'gate entropy (nats)'
set grid
set key bottom right

plot $v0 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-1-3-6', \
     $v1 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'phasor', \
     $v2 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'kwta', \
     $v3 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'thalamic', \
     $v4 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'predictive', \
     $v5 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'groups', \
     $v6 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'merit', \
     $v7 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'personality', \
     $v8 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'all-signals'
reset
set terminal pngcairo size 720,440 font 'Helvetica,10' background '#ffffff'
set output 'growth-gate-entropy.png'
set title 'Mean gate entropy on the test split (ln 6 = 1.79, ln 3 = 1.10)'
set xlabel 'epoch'
set ylabel 'gate entropy (nats)'
set grid
set key bottom right

plot $v0 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'growth-1-3-6', \
     $v1 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'phasor', \
     $v2 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'kwta', \
     $v3 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'thalamic', \
     $v4 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'predictive', \
     $v5 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'groups', \
     $v6 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'merit', \
     $v7 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'personality', \
     $v8 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'all-signals'
unset output
