# biomoe chart 'memory-index-probes'. Re-render: gnuplot memory-index-probes.gp
set encoding utf8
set terminal svg size 1080,420 dynamic font 'Helvetica,12' background '#ffffff'
$r0 << EOD
1 67.0633333333333
2 85.95333333333302
4 96.0133333333331
8 99.06666666666658
16 99.8133333333333
32 99.96666666666667
64 99.99666666666668
EOD
$s0 << EOD
1 192.7222536496209
2 102.08014203075355
4 52.77985466453325
8 27.45296873204723
16 13.402225260933344
32 6.998613824872154
64 3.577476907821882
EOD
$r1 << EOD
1 55.41999999999992
2 74.75333333333313
4 89.68999999999969
8 96.98666666666641
16 99.2499999999999
32 99.86666666666663
64 99.99
EOD
$s1 << EOD
1 309.18552689457215
2 225.61487329546608
4 139.2850476031086
8 86.35037307488896
16 46.71633795874561
32 25.462625404523326
64 13.054536114573894
EOD

set output 'memory-index-probes.svg'
set multiplot layout 1,2 title 'IVF over exact search by lists probed, mean over seeds'
set grid
set logscale x 2
set xlabel 'nprobe (lists scanned)'
set key bottom right
set ylabel 'recall at k (%)'
set yrange [*:100]
plot $r0 using 1:2 with linespoints title 'ivf-256', $r1 using 1:2 with linespoints title 'ivf-1024', 95 with lines dt 2 lc 'gray' title '95 %'
set ylabel 'speed-up over exact (×)'
set yrange [*:*]
set logscale y
set key top right
plot $s0 using 1:2 with linespoints title 'ivf-256', $s1 using 1:2 with linespoints title 'ivf-1024'
unset multiplot
reset
set terminal pngcairo size 1080,420 font 'Helvetica,10' background '#ffffff'
set output 'memory-index-probes.png'
set multiplot layout 1,2 title 'IVF over exact search by lists probed, mean over seeds'
set grid
set logscale x 2
set xlabel 'nprobe (lists scanned)'
set key bottom right
set ylabel 'recall at k (%)'
set yrange [*:100]
plot $r0 using 1:2 with linespoints title 'ivf-256', $r1 using 1:2 with linespoints title 'ivf-1024', 95 with lines dt 2 lc 'gray' title '95 %'
set ylabel 'speed-up over exact (×)'
set yrange [*:*]
set logscale y
set key top right
plot $s0 using 1:2 with linespoints title 'ivf-256', $s1 using 1:2 with linespoints title 'ivf-1024'
unset multiplot
unset output
