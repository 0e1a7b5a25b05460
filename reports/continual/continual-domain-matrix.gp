# biomoe chart 'continual-domain-matrix'. Re-render: gnuplot continual-domain-matrix.gp
set encoding utf8
set terminal svg size 1080,1080 dynamic font 'Helvetica,12' background '#ffffff'
$m0 << EOD
1 1 99.6791394
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 54.4634133
2 2 99.6906234
3 2 NaN
4 2 NaN
5 2 NaN
1 3 51.1983204
2 3 46.3766045
3 3 99.4562873
4 3 NaN
5 3 NaN
1 4 53.0020066
2 4 46.2159759
3 4 60.784534
4 4 99.708372
5 4 NaN
1 5 53.6553899
2 5 51.9186254
3 5 48.8401359
4 5 46.5692855
5 5 99.6616967
EOD
$m1 << EOD
1 1 99.6791394
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 61.0018982
2 2 99.684483
3 2 NaN
4 2 NaN
5 2 NaN
1 3 55.8243121
2 3 63.1358071
3 3 99.392909
4 3 NaN
5 3 NaN
1 4 54.7591691
2 4 54.5106442
3 4 68.7087157
4 4 99.5654452
5 4 NaN
1 5 53.9152994
2 5 56.8312485
3 5 57.1551561
4 5 58.5500545
5 5 99.6756501
EOD
$m2 << EOD
1 1 99.6791394
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 58.1505091
2 2 99.3817148
3 2 NaN
4 2 NaN
5 2 NaN
1 3 48.7582948
2 3 64.6422064
3 3 98.737744
4 3 NaN
5 3 NaN
1 4 51.7710966
2 4 54.4082539
3 4 62.2658302
4 4 99.1160614
5 4 NaN
1 5 48.5076587
2 5 53.8443764
3 5 57.9312595
4 5 63.1470002
5 5 97.9290826
EOD
$m3 << EOD
1 1 99.6791394
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 99.4279875
2 2 57.6963957
3 2 NaN
4 2 NaN
5 2 NaN
1 3 97.9461031
2 3 61.1603981
3 3 54.417032
4 3 NaN
5 3 NaN
1 4 95.53538
2 4 63.565591
3 4 57.0226193
4 4 60.2501117
5 4 NaN
1 5 92.7043528
2 5 64.9967881
3 5 56.8534027
4 5 57.5994928
5 5 55.110282
EOD
$m4 << EOD
1 1 99.6791394
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 95.5286627
2 2 99.5907815
3 2 NaN
4 2 NaN
5 2 NaN
1 3 93.1905327
2 3 92.6253989
3 3 99.3152824
4 3 NaN
5 3 NaN
1 4 92.2093637
2 4 92.1967891
3 4 93.2780618
4 4 99.5571779
5 4 NaN
1 5 92.2158189
2 5 89.225698
3 5 91.0054084
4 5 93.3214611
5 5 99.4384639
EOD
$m5 << EOD
1 1 99.6791394
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 99.3139093
2 2 99.3499684
3 2 NaN
4 2 NaN
5 2 NaN
1 3 98.9834348
2 3 98.9131308
3 3 98.6294051
4 3 NaN
5 3 NaN
1 4 98.7516629
2 4 98.6362299
3 4 98.4443336
4 4 98.7902394
5 4 NaN
1 5 98.6606662
2 5 98.1973426
3 5 98.4001925
4 5 98.3976084
5 5 98.3721993
EOD
$m6 << EOD
1 1 99.7521547
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 54.8836204
2 2 99.6659565
3 2 NaN
4 2 NaN
5 2 NaN
1 3 51.9097931
2 3 48.6324305
3 3 99.4618329
4 3 NaN
5 3 NaN
1 4 50.6657058
2 4 49.0259953
3 4 56.6733553
4 4 99.6976851
5 4 NaN
1 5 53.996424
2 5 50.7123205
3 5 50.2364151
4 5 46.4367938
5 5 99.5997814
EOD
$m7 << EOD
1 1 99.7521547
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 54.8836204
2 2 99.6659565
3 2 NaN
4 2 NaN
5 2 NaN
1 3 51.9097931
2 3 48.6324305
3 3 99.4618329
4 3 NaN
5 3 NaN
1 4 50.6657058
2 4 49.0259953
3 4 56.6733553
4 4 99.6976851
5 4 NaN
1 5 53.996424
2 5 50.7123205
3 5 50.2364151
4 5 46.4367938
5 5 99.5997814
EOD
$m8 << EOD
1 1 99.7521547
2 1 NaN
3 1 NaN
4 1 NaN
5 1 NaN
1 2 54.8836204
2 2 99.6659565
3 2 NaN
4 2 NaN
5 2 NaN
1 3 51.9097931
2 3 48.6324305
3 3 99.4618329
4 3 NaN
5 3 NaN
1 4 50.6657058
2 4 49.0259953
3 4 56.6733553
4 4 99.6976851
5 4 NaN
1 5 53.996424
2 5 50.7123205
3 5 50.2364151
4 5 46.4367938
5 5 99.5997814
EOD

set output 'continual-domain-matrix.svg'
set multiplot layout 3,3 title 'Split MNIST, Domain-IL: accuracy (%) on task j after training task t, mean over seeds'
set xrange [0.5:5.5]
set yrange [5.5:0.5]
set cbrange [0:100]
set xtics 1
set ytics 1
set xlabel 'tested task j'
set ylabel 'after task t'
set palette defined (0 '#440154', 50 '#21918c', 100 '#fde725')
set title 'fine-tune (None)'
plot $m0 using 1:2:3 with image notitle, $m0 using 1:2:(sprintf('%.0f', $3)) with labels tc 'white' notitle
set title 'EWC'
plot $m1 using 1:2:3 with image notitle, $m1 using 1:2:(sprintf('%.0f', $3)) with labels tc 'white' notitle
set title 'SI'
plot $m2 using 1:2:3 with image notitle, $m2 using 1:2:(sprintf('%.0f', $3)) with labels tc 'white' notitle
set title 'LwF'
plot $m3 using 1:2:3 with image notitle, $m3 using 1:2:(sprintf('%.0f', $3)) with labels tc 'white' notitle
set title 'replay (100 / class)'
plot $m4 using 1:2:3 with image notitle, $m4 using 1:2:(sprintf('%.0f', $3)) with labels tc 'white' notitle
set title 'joint (Offline)'
plot $m5 using 1:2:3 with image notitle, $m5 using 1:2:(sprintf('%.0f', $3)) with labels tc 'white' notitle
set title 'routed growth'
plot $m6 using 1:2:3 with image notitle, $m6 using 1:2:(sprintf('%.0f', $3)) with labels tc 'white' notitle
set title 'routed growth + freeze'
plot $m7 using 1:2:3 with image notitle, $m7 using 1:2:(sprintf('%.0f', $3)) with labels tc 'white' notitle
set title 'routed growth + EMC'
plot $m8 using 1:2:3 with image notitle, $m8 using 1:2:(sprintf('%.0f', $3)) with labels tc 'white' notitle
unset multiplot
reset
set terminal pngcairo size 1080,1080 font 'Helvetica,10' background '#ffffff'
set output 'continual-domain-matrix.png'
set multiplot layout 3,3 title 'Split MNIST, Domain-IL: accuracy (%) on task j after training task t, mean over seeds'
set xrange [0.5:5.5]
set yrange [5.5:0.5]
set cbrange [0:100]
set xtics 1
set ytics 1
set xlabel 'tested task j'
set ylabel 'after task t'
set palette defined (0 '#440154', 50 '#21918c', 100 '#fde725')
set title 'fine-tune (None)'
plot $m0 using 1:2:3 with image notitle, $m0 using 1:2:(sprintf('%.0f', $3)) with labels tc 'white' notitle
set title 'EWC'
plot $m1 using 1:2:3 with image notitle, $m1 using 1:2:(sprintf('%.0f', $3)) with labels tc 'white' notitle
set title 'SI'
plot $m2 using 1:2:3 with image notitle, $m2 using 1:2:(sprintf('%.0f', $3)) with labels tc 'white' notitle
set title 'LwF'
plot $m3 using 1:2:3 with image notitle, $m3 using 1:2:(sprintf('%.0f', $3)) with labels tc 'white' notitle
set title 'replay (100 / class)'
plot $m4 using 1:2:3 with image notitle, $m4 using 1:2:(sprintf('%.0f', $3)) with labels tc 'white' notitle
set title 'joint (Offline)'
plot $m5 using 1:2:3 with image notitle, $m5 using 1:2:(sprintf('%.0f', $3)) with labels tc 'white' notitle
set title 'routed growth'
plot $m6 using 1:2:3 with image notitle, $m6 using 1:2:(sprintf('%.0f', $3)) with labels tc 'white' notitle
set title 'routed growth + freeze'
plot $m7 using 1:2:3 with image notitle, $m7 using 1:2:(sprintf('%.0f', $3)) with labels tc 'white' notitle
set title 'routed growth + EMC'
plot $m8 using 1:2:3 with image notitle, $m8 using 1:2:(sprintf('%.0f', $3)) with labels tc 'white' notitle
unset multiplot
unset output
