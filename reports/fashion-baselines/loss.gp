# biomoe chart 'loss'. Re-render: gnuplot loss.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$v0 << EOD
1 0.741745547 0.0163050258
2 0.519836675 0.00427754886
3 0.477500922 0.00160001281
4 0.456081033 0.00048402707
5 0.440944419 0.00172349218
6 0.431480183 0.00276702277
7 0.423143582 0.00134764061
8 0.417094911 0.00090682836
9 0.411872951 0.000408792568
10 0.407616908 0.00122507508
11 0.40415606 0.00147614509
12 0.400801871 0.00105268541
13 0.39791869 0.000731535555
14 0.395538024 0.00109091737
15 0.393307098 0.000502054777
EOD
$v1 << EOD
1 0.567020799 0.0129619891
2 0.409045417 0.00395415189
3 0.365973612 0.000945613066
4 0.336714664 0.00495334869
5 0.317077468 0.00536037613
6 0.300371653 0.00227912029
7 0.286260371 0.00212645925
8 0.27458465 0.000911466198
9 0.263911844 0.00613911138
10 0.254256972 0.00914869693
11 0.243671808 0.00972257167
12 0.235595913 0.000627549464
13 0.227508936 0.00301043391
14 0.2206192 0.00534299207
15 0.214929904 0.00420992446
EOD

set output 'loss.svg'
set title 'Training loss per epoch (mean ± 95 % CI over seeds)'
set xlabel 'epoch'
set ylabel 'training loss (nats, log scale)'
set grid
set key bottom right
set logscale y
set key top right
plot $v0 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-regression', \
     $v1 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mlp-256'
reset
set terminal pngcairo size 720,440 font 'Helvetica,10' background '#ffffff'
set output 'loss.png'
set title 'Training loss per epoch (mean ± 95 % CI over seeds)'
set xlabel 'epoch'
set ylabel 'training loss (nats, log scale)'
set grid
set key bottom right
set logscale y
set key top right
plot $v0 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-regression', \
     $v1 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mlp-256'
unset output
