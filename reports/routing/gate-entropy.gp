# biomoe chart 'gate-entropy'. Re-render: gnuplot gate-entropy.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$v1 << EOD
1 0.968454315 0.250251446
2 0.912921472 0.190842905
3 0.887850136 0.0884526449
4 0.8487719 0.192634434
5 0.802389688 0.19498313
6 0.771017481 0.25836737
7 0.742138366 0.13026786
8 0.694084081 0.151318806
9 0.701162117 0.206352541
10 0.710316273 0.148568177
EOD
$v2 << EOD
1 1.79143518 0.116812672
2 1.78527488 0.0620076423
3 1.77531434 0.00525725537
4 1.75822408 0.0683641147
5 1.72697213 0.142807995
6 1.68873129 0.177083867
7 1.6581539 0.166852689
8 1.63149365 0.127558721
9 1.62607491 0.114842076
10 1.58293701 0.143497063
EOD
$v3 << EOD
1 0.626503465 0.0983572947
2 0.620741674 0.0587260227
3 0.600385319 0.0925811795
4 0.58046627 0.126878371
5 0.563846508 0.143145244
6 0.570497762 0.116103178
7 0.556944273 0.144258328
8 0.53441281 0.178966357
9 0.538994473 0.164916588
10 0.535972363 0.173077992
EOD
$v4 << EOD
1 0.673255867 0.0189441786
2 0.668730332 0.0142419903
3 0.661011233 0.0223882402
4 0.660870977 0.00889559586
5 0.657517846 0.0160924644
6 0.653538971 0.0309684441
7 0.649556135 0.028611113
8 0.641070348 0.0362282373
9 0.63740966 0.0230792986
10 0.637114508 0.0259354995
EOD
$v5 << EOD
1 0.522429721 0.17831963
2 0.470904363 0.0327535947
3 0.465461257 0.243849143
4 0.452619039 0.258290459
5 0.418845177 0.241679139
6 0.476481568 0.217863799
7 0.400847826 0.129341102
8 0.412454791 0.246893032
9 0.428162604 0.247344733
10 0.413979294 0.220856214
EOD
$v6 << EOD
1 1.15424141 0.96836645
2 1.19971071 0.877090587
3 1.20967777 0.98511206
4 1.19808324 0.737364272
5 1.23571739 0.889334373
6 1.26090844 0.956122987
7 1.20209871 0.902463489
8 1.20934226 0.900123628
9 1.18691652 0.898809745
10 1.26791086 1.09258246
EOD
$v7 << EOD
1 0.318606364 0.515949163
2 0.269541682 0.275464821
3 0.292194823 0.411715127
4 0.266526799 0.371871563
5 0.213097744 0.297556948
6 0.166741011 0.383219838
7 0.247336935 0.535000689
8 0.229577961 0.437136114
9 0.225019145 0.471438856
10 0.1782187 0.349899552
EOD
$v8 << EOD
1 0.124539151 0.158074534
2 0.380936278 1.19834252
3 0.415770465 1.40660445
4 0.374585576 1.29581754
5 0.40458616 1.1512222
6 0.470420712 1.19586541
7 0.457021146 1.16776738
8 0.442801907 0.997439372
9 0.433336657 1.05272801
10 0.39472191 0.915790764
EOD
$v9 << EOD
1 0.693147181 0
2 0.693147181 0
3 0.693147181 0
4 0.693147181 0
5 0.693147181 0
6 0.693147181 0
7 0.693147181 0
8 0.693147181 0
9 0.693147181 0
10 0.693147181 0
EOD
$v10 << EOD
1 0.693147181 0
2 0.693147181 0
3 0.693147181 0
4 0.693147181 0
5 0.693147181 0
6 0.693147181 0
7 0.693147181 0
8 0.693147181 0
9 0.693147181 0
10 0.693147181 0
EOD
$v11 << EOD
1 0.693147181 0
2 0.693147181 0
3 0.693147181 0
4 0.693147181 0
5 0.693147181 0
6 0.693147181 0
7 0.693147181 0
8 0.693147181 0
9 0.693147181 0
10 0.693147181 0
EOD
$v12 << EOD
1 0.693147181 0
2 0.693147181 0
3 0.693147181 0
4 0.693147181 0
5 0.693147181 0
6 0.693147181 0
7 0.693147181 0
8 0.693147181 0
9 0.693147181 0
10 0.693147181 0
EOD

set output 'gate-entropy.svg'
set title 'Router entropy on the test split per epoch (mean ± 95 % CI over seeds)'
set xlabel 'epoch'
set ylabel 'gate entropy (nats)'
set grid
set key bottom right

plot $v1 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-e4', \
     $v2 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-e8', \
     $v3 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'noisy-top-k-e4', \
     $v4 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'noisy-top-k-e8', \
     $v5 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t4-e4', \
     $v6 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t4-e8', \
     $v7 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t8-e4', \
     $v8 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t8-e8', \
     $v9 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'hash-e4', \
     $v10 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'hash-e8', \
     $v11 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'random-e4', \
     $v12 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'random-e8'
reset
set terminal pngcairo size 720,440 font 'Helvetica,10' background '#ffffff'
set output 'gate-entropy.png'
set title 'Router entropy on the test split per epoch (mean ± 95 % CI over seeds)'
set xlabel 'epoch'
set ylabel 'gate entropy (nats)'
set grid
set key bottom right

plot $v1 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-e4', \
     $v2 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-e8', \
     $v3 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'noisy-top-k-e4', \
     $v4 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'noisy-top-k-e8', \
     $v5 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t4-e4', \
     $v6 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t4-e8', \
     $v7 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t8-e4', \
     $v8 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t8-e8', \
     $v9 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'hash-e4', \
     $v10 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'hash-e8', \
     $v11 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'random-e4', \
     $v12 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'random-e8'
unset output
