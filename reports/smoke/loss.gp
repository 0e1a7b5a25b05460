# biomoe chart 'loss'. Re-render: gnuplot loss.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$v0 << EOD
1 0.902346479 0.00981538614
2 0.604574834 0.00880225943
3 0.538541596 0.0153014608
EOD
$v1 << EOD
1 0.869462401 0.03745166
2 0.546722479 0.00889016369
3 0.480702783 0.0107663274
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
     $v1 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mlp-64'
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
     $v1 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'mlp-64'
unset output
