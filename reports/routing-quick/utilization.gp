# biomoe chart 'utilization'. Re-render: gnuplot utilization.gp
set encoding utf8
set terminal svg size 1200,560 dynamic font 'Helvetica,12' background '#ffffff'
$u0 << EOD
1 0.12015 0.23025 0.356925 0.482775 0.6312 0.754275 0.903425 1
2 0.1173 0.252925 0.371875 0.508675 0.64855 0.75415 0.8738 1
3 0.162 0.27595 0.4094 0.543425 0.67575 0.788375 0.89505 1
EOD
$u1 << EOD
1 0.081975 0.217025 0.305775 0.44595 0.57885 0.738725 0.865575 1
2 0.130675 0.26265 0.3848 0.53875 0.633725 0.75455 0.87335 1
3 0.13735 0.258675 0.367975 0.51185 0.633075 0.75655 0.8664 1
EOD
$u2 << EOD
1 0.128825 0.1791 0.309825 0.449075 0.58635 0.730825 0.843375 1
2 0.121225 0.251875 0.3354 0.487125 0.642325 0.765325 0.892775 1
3 0.104225 0.2087 0.307475 0.452775 0.5775 0.712175 0.848075 1
EOD
$u3 << EOD
1 0.222575 0.3023 0.440075 0.598825 0.64995 0.7624 0.851275 1
2 0.20555 0.305625 0.3974 0.530425 0.61625 0.738675 0.8227 1
3 0.1748 0.26255 0.382625 0.5633 0.6569 0.766475 0.87705 1
EOD
$u4 << EOD
1 0.12685 0.253675 0.379925 0.5064 0.630775 0.7533 0.875825 1
2 0.12405 0.247825 0.373725 0.500625 0.624225 0.748025 0.874475 1
3 0.1225 0.248675 0.375875 0.502225 0.628625 0.752675 0.876575 1
EOD
$u5 << EOD
1 0.123725 0.249075 0.374025 0.500175 0.624175 0.750375 0.874625 1
2 0.12485 0.24915 0.373325 0.49805 0.621125 0.74695 0.873925 1
3 0.123925 0.2511 0.37525 0.5007 0.62605 0.75285 0.8763 1
EOD

set output 'utilization.svg'
set multiplot layout 2,4 title 'Expert utilisation per epoch (share of routing slots, stacked, mean over seeds)'
set yrange [0:1]
set xlabel 'epoch'
set style fill solid 0.8 noborder
set key off
set grid
set title 'softmax-e8'
plot $u0 using 1:9 with filledcurves x1 lc 8 title 'e7', $u0 using 1:8 with filledcurves x1 lc 7 title 'e6', $u0 using 1:7 with filledcurves x1 lc 6 title 'e5', $u0 using 1:6 with filledcurves x1 lc 5 title 'e4', $u0 using 1:5 with filledcurves x1 lc 4 title 'e3', $u0 using 1:4 with filledcurves x1 lc 3 title 'e2', $u0 using 1:3 with filledcurves x1 lc 2 title 'e1', $u0 using 1:2 with filledcurves x1 lc 1 title 'e0'
set title 'noisy-top-k-e8'
plot $u1 using 1:9 with filledcurves x1 lc 8 title 'e7', $u1 using 1:8 with filledcurves x1 lc 7 title 'e6', $u1 using 1:7 with filledcurves x1 lc 6 title 'e5', $u1 using 1:6 with filledcurves x1 lc 5 title 'e4', $u1 using 1:5 with filledcurves x1 lc 4 title 'e3', $u1 using 1:4 with filledcurves x1 lc 3 title 'e2', $u1 using 1:3 with filledcurves x1 lc 2 title 'e1', $u1 using 1:2 with filledcurves x1 lc 1 title 'e0'
set title 'spiking-t4-e8'
plot $u2 using 1:9 with filledcurves x1 lc 8 title 'e7', $u2 using 1:8 with filledcurves x1 lc 7 title 'e6', $u2 using 1:7 with filledcurves x1 lc 6 title 'e5', $u2 using 1:6 with filledcurves x1 lc 5 title 'e4', $u2 using 1:5 with filledcurves x1 lc 4 title 'e3', $u2 using 1:4 with filledcurves x1 lc 3 title 'e2', $u2 using 1:3 with filledcurves x1 lc 2 title 'e1', $u2 using 1:2 with filledcurves x1 lc 1 title 'e0'
set title 'spiking-t8-e8'
plot $u3 using 1:9 with filledcurves x1 lc 8 title 'e7', $u3 using 1:8 with filledcurves x1 lc 7 title 'e6', $u3 using 1:7 with filledcurves x1 lc 6 title 'e5', $u3 using 1:6 with filledcurves x1 lc 5 title 'e4', $u3 using 1:5 with filledcurves x1 lc 4 title 'e3', $u3 using 1:4 with filledcurves x1 lc 3 title 'e2', $u3 using 1:3 with filledcurves x1 lc 2 title 'e1', $u3 using 1:2 with filledcurves x1 lc 1 title 'e0'
set title 'hash-e8'
plot $u4 using 1:9 with filledcurves x1 lc 8 title 'e7', $u4 using 1:8 with filledcurves x1 lc 7 title 'e6', $u4 using 1:7 with filledcurves x1 lc 6 title 'e5', $u4 using 1:6 with filledcurves x1 lc 5 title 'e4', $u4 using 1:5 with filledcurves x1 lc 4 title 'e3', $u4 using 1:4 with filledcurves x1 lc 3 title 'e2', $u4 using 1:3 with filledcurves x1 lc 2 title 'e1', $u4 using 1:2 with filledcurves x1 lc 1 title 'e0'
set title 'random-e8'
plot $u5 using 1:9 with filledcurves x1 lc 8 title 'e7', $u5 using 1:8 with filledcurves x1 lc 7 title 'e6', $u5 using 1:7 with filledcurves x1 lc 6 title 'e5', $u5 using 1:6 with filledcurves x1 lc 5 title 'e4', $u5 using 1:5 with filledcurves x1 lc 4 title 'e3', $u5 using 1:4 with filledcurves x1 lc 3 title 'e2', $u5 using 1:3 with filledcurves x1 lc 2 title 'e1', $u5 using 1:2 with filledcurves x1 lc 1 title 'e0'
unset multiplot

reset
set terminal pngcairo size 1200,560 font 'Helvetica,10' background '#ffffff'
set output 'utilization.png'
set multiplot layout 2,4 title 'Expert utilisation per epoch (share of routing slots, stacked, mean over seeds)'
set yrange [0:1]
set xlabel 'epoch'
set style fill solid 0.8 noborder
set key off
set grid
set title 'softmax-e8'
plot $u0 using 1:9 with filledcurves x1 lc 8 title 'e7', $u0 using 1:8 with filledcurves x1 lc 7 title 'e6', $u0 using 1:7 with filledcurves x1 lc 6 title 'e5', $u0 using 1:6 with filledcurves x1 lc 5 title 'e4', $u0 using 1:5 with filledcurves x1 lc 4 title 'e3', $u0 using 1:4 with filledcurves x1 lc 3 title 'e2', $u0 using 1:3 with filledcurves x1 lc 2 title 'e1', $u0 using 1:2 with filledcurves x1 lc 1 title 'e0'
set title 'noisy-top-k-e8'
plot $u1 using 1:9 with filledcurves x1 lc 8 title 'e7', $u1 using 1:8 with filledcurves x1 lc 7 title 'e6', $u1 using 1:7 with filledcurves x1 lc 6 title 'e5', $u1 using 1:6 with filledcurves x1 lc 5 title 'e4', $u1 using 1:5 with filledcurves x1 lc 4 title 'e3', $u1 using 1:4 with filledcurves x1 lc 3 title 'e2', $u1 using 1:3 with filledcurves x1 lc 2 title 'e1', $u1 using 1:2 with filledcurves x1 lc 1 title 'e0'
set title 'spiking-t4-e8'
plot $u2 using 1:9 with filledcurves x1 lc 8 title 'e7', $u2 using 1:8 with filledcurves x1 lc 7 title 'e6', $u2 using 1:7 with filledcurves x1 lc 6 title 'e5', $u2 using 1:6 with filledcurves x1 lc 5 title 'e4', $u2 using 1:5 with filledcurves x1 lc 4 title 'e3', $u2 using 1:4 with filledcurves x1 lc 3 title 'e2', $u2 using 1:3 with filledcurves x1 lc 2 title 'e1', $u2 using 1:2 with filledcurves x1 lc 1 title 'e0'
set title 'spiking-t8-e8'
plot $u3 using 1:9 with filledcurves x1 lc 8 title 'e7', $u3 using 1:8 with filledcurves x1 lc 7 title 'e6', $u3 using 1:7 with filledcurves x1 lc 6 title 'e5', $u3 using 1:6 with filledcurves x1 lc 5 title 'e4', $u3 using 1:5 with filledcurves x1 lc 4 title 'e3', $u3 using 1:4 with filledcurves x1 lc 3 title 'e2', $u3 using 1:3 with filledcurves x1 lc 2 title 'e1', $u3 using 1:2 with filledcurves x1 lc 1 title 'e0'
set title 'hash-e8'
plot $u4 using 1:9 with filledcurves x1 lc 8 title 'e7', $u4 using 1:8 with filledcurves x1 lc 7 title 'e6', $u4 using 1:7 with filledcurves x1 lc 6 title 'e5', $u4 using 1:6 with filledcurves x1 lc 5 title 'e4', $u4 using 1:5 with filledcurves x1 lc 4 title 'e3', $u4 using 1:4 with filledcurves x1 lc 3 title 'e2', $u4 using 1:3 with filledcurves x1 lc 2 title 'e1', $u4 using 1:2 with filledcurves x1 lc 1 title 'e0'
set title 'random-e8'
plot $u5 using 1:9 with filledcurves x1 lc 8 title 'e7', $u5 using 1:8 with filledcurves x1 lc 7 title 'e6', $u5 using 1:7 with filledcurves x1 lc 6 title 'e5', $u5 using 1:6 with filledcurves x1 lc 5 title 'e4', $u5 using 1:5 with filledcurves x1 lc 4 title 'e3', $u5 using 1:4 with filledcurves x1 lc 3 title 'e2', $u5 using 1:3 with filledcurves x1 lc 2 title 'e1', $u5 using 1:2 with filledcurves x1 lc 1 title 'e0'
unset multiplot

unset output
