# biomoe chart 'routing-latency-vs-experts'. Re-render: gnuplot routing-latency-vs-experts.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$e << EOD
4 0.447 0.7436
8 0.595 0.8658
16 1.3726 1.8414
64 3.5094 4.7566
256 17.9494 35.759
EOD

set output 'routing-latency-vs-experts.svg'
set title 'Batch-1 routing latency against E (softmax, mean over seeds)'
set xlabel 'experts E'
set ylabel 'latency (µs)'
set logscale xy
set grid
set key top left
plot $e using 1:2 with linespoints lw 2 pt 7 title 'p50', \
     $e using 1:3 with linespoints lw 2 pt 5 title 'p99', \
     $e using 1:($2 * $1 / 4) with lines dt 2 title 'p50 × E / 4 (linear growth)'
reset
set terminal pngcairo size 720,440 font 'Helvetica,10' background '#ffffff'
set output 'routing-latency-vs-experts.png'
set title 'Batch-1 routing latency against E (softmax, mean over seeds)'
set xlabel 'experts E'
set ylabel 'latency (µs)'
set logscale xy
set grid
set key top left
plot $e using 1:2 with linespoints lw 2 pt 7 title 'p50', \
     $e using 1:3 with linespoints lw 2 pt 5 title 'p99', \
     $e using 1:($2 * $1 / 4) with lines dt 2 title 'p50 × E / 4 (linear growth)'
unset output
