# biomoe chart 'spike-rate'. Re-render: gnuplot spike-rate.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$s3 << EOD
0.0125 0.4349
0.0375 0.2829
0.0625 0.12745
0.0875 0.06365
0.1125 0.0671
0.1375 0.02265
0.1625 0.00105
0.1875 0.0003
0.2125 0
0.2375 0
0.2625 0
0.2875 0
0.3125 0
0.3375 0
0.3625 0
0.3875 0
0.4125 0
0.4375 0
0.4625 0
0.4875 0
0.5125 0
0.5375 0
0.5625 0
0.5875 0
0.6125 0
0.6375 0
0.6625 0
0.6875 0
0.7125 0
0.7375 0
0.7625 0
0.7875 0
0.8125 0
0.8375 0
0.8625 0
0.8875 0
0.9125 0
0.9375 0
0.9625 0
0.9875 0
EOD
$s4 << EOD
0.0125 0.01455
0.0375 0.05355
0.0625 0.139
0.0875 0.10185
0.1125 0.1147
0.1375 0.1772
0.1625 0.0956
0.1875 0.06665
0.2125 0.05275
0.2375 0.0498
0.2625 0.0328
0.2875 0.02845
0.3125 0.0392
0.3375 0.0202
0.3625 0.0094
0.3875 0.00405
0.4125 0.00025
0.4375 0
0.4625 0
0.4875 0
0.5125 0
0.5375 0
0.5625 0
0.5875 0
0.6125 0
0.6375 0
0.6625 0
0.6875 0
0.7125 0
0.7375 0
0.7625 0
0.7875 0
0.8125 0
0.8375 0
0.8625 0
0.8875 0
0.9125 0
0.9375 0
0.9625 0
0.9875 0
EOD

set output 'spike-rate.svg'
set title 'Spiking gate: spike rate per input (spikes / (E·P·T)), test split, pooled over seeds'
set xlabel 'spike rate'
set ylabel 'fraction of inputs'
set xrange [0:1]
set grid
set key top right
plot $s3 using 1:2 with steps lw 2 title 'spiking-t4-e8', \
     $s4 using 1:2 with steps lw 2 title 'spiking-t8-e8'
reset
set terminal pngcairo size 720,440 font 'Helvetica,10' background '#ffffff'
set output 'spike-rate.png'
set title 'Spiking gate: spike rate per input (spikes / (E·P·T)), test split, pooled over seeds'
set xlabel 'spike rate'
set ylabel 'fraction of inputs'
set xrange [0:1]
set grid
set key top right
plot $s3 using 1:2 with steps lw 2 title 'spiking-t4-e8', \
     $s4 using 1:2 with steps lw 2 title 'spiking-t8-e8'
unset output
