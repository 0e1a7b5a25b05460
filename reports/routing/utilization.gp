# biomoe chart 'utilization'. Re-render: gnuplot utilization.gp
set encoding utf8
set terminal svg size 1200,820 dynamic font 'Helvetica,12' background '#ffffff'
$u0 << EOD
1 0.228933333 0.493783333 0.718766667 1
2 0.270983333 0.52955 0.74015 1
3 0.2604 0.5029 0.772516667 1
4 0.245983333 0.46945 0.729133333 1
5 0.2531 0.5235 0.776966667 1
6 0.244533333 0.487933333 0.739683333 1
7 0.247633333 0.494433333 0.754933333 1
8 0.246416667 0.50865 0.763066667 1
9 0.27195 0.531583333 0.788 1
10 0.233516667 0.48385 0.742733333 1
EOD
$u1 << EOD
1 0.126333333 0.22955 0.35995 0.48735 0.635933333 0.766433333 0.896466667 1
2 0.12465 0.255 0.375966667 0.514283333 0.641783333 0.758 0.880466667 1
3 0.148383333 0.2477 0.3684 0.500933333 0.6489 0.76875 0.882533333 1
4 0.09795 0.2263 0.355266667 0.484283333 0.592666667 0.730133333 0.863466667 1
5 0.0905666667 0.237216667 0.353166667 0.478133333 0.620416667 0.743983333 0.879916667 1
6 0.1379 0.28035 0.40675 0.531733333 0.639583333 0.773283333 0.889533333 1
7 0.12575 0.261633333 0.377166667 0.4969 0.621483333 0.738083333 0.870066667 1
8 0.126866667 0.2686 0.382116667 0.507066667 0.62835 0.74695 0.880883333 1
9 0.134483333 0.259733333 0.3859 0.509783333 0.635666667 0.7452 0.876966667 1
10 0.108133333 0.234616667 0.366816667 0.498566667 0.634366667 0.761683333 0.87645 1
EOD
$u2 << EOD
1 0.247966667 0.504616667 0.767766667 1
2 0.249366667 0.521733333 0.772133333 1
3 0.26325 0.504516667 0.742466667 1
4 0.2524 0.497333333 0.747383333 1
5 0.2499 0.496833333 0.7519 1
6 0.245183333 0.50035 0.753 1
7 0.2397 0.49835 0.749466667 1
8 0.251616667 0.507916667 0.75895 1
9 0.2525 0.499783333 0.7531 1
10 0.252283333 0.506583333 0.755283333 1
EOD
$u3 << EOD
1 0.107883333 0.2085 0.325966667 0.440233333 0.57655 0.722566667 0.85585 1
2 0.122966667 0.253816667 0.361683333 0.5036 0.622133333 0.744483333 0.871866667 1
3 0.12515 0.25715 0.373783333 0.500133333 0.622916667 0.758366667 0.867033333 1
4 0.118883333 0.2463 0.35615 0.476683333 0.605233333 0.747666667 0.871483333 1
5 0.118166667 0.2434 0.371083333 0.497633333 0.6265 0.755466667 0.872933333 1
6 0.134333333 0.2613 0.377883333 0.5015 0.628783333 0.753816667 0.867866667 1
7 0.128333333 0.256533333 0.37625 0.4947 0.618416667 0.746083333 0.873366667 1
8 0.121116667 0.243266667 0.369533333 0.49405 0.6172 0.7479 0.87405 1
9 0.122266667 0.24945 0.369383333 0.496266667 0.61645 0.7497 0.876433333 1
10 0.133166667 0.261316667 0.382916667 0.5039 0.6249 0.751 0.87035 1
EOD
$u4 << EOD
1 0.305566667 0.500566667 0.740516667 1
2 0.26425 0.4941 0.762 1
3 0.265483333 0.471766667 0.750183333 1
4 0.283783333 0.476416667 0.72535 1
5 0.218266667 0.4729 0.748316667 1
6 0.227583333 0.4605 0.745716667 1
7 0.258166667 0.535183333 0.769766667 1
8 0.2526 0.501116667 0.748 1
9 0.242716667 0.503633333 0.758966667 1
10 0.249483333 0.517516667 0.759516667 1
EOD
$u5 << EOD
1 0.11965 0.190583333 0.291733333 0.451466667 0.59535 0.734933333 0.844783333 1
2 0.118333333 0.261133333 0.363816667 0.5018 0.6356 0.765516667 0.8836 1
3 0.114083333 0.2208 0.324033333 0.450116667 0.574783333 0.708483333 0.856 1
4 0.111283333 0.224083333 0.333583333 0.502283333 0.6057 0.7394 0.860583333 1
5 0.11265 0.236383333 0.393683333 0.513716667 0.64895 0.783283333 0.904533333 1
6 0.131883333 0.23895 0.373383333 0.481333333 0.589566667 0.71115 0.83855 1
7 0.12035 0.242683333 0.3766 0.522916667 0.62985 0.770866667 0.892966667 1
8 0.12815 0.25415 0.381466667 0.508666667 0.6419 0.774583333 0.88175 1
9 0.13545 0.255333333 0.384116667 0.500916667 0.632633333 0.75535 0.854483333 1
10 0.124316667 0.24485 0.355166667 0.493366667 0.610883333 0.735833333 0.8701 1
EOD
$u6 << EOD
1 0.264316667 0.476583333 0.7292 1
2 0.274633333 0.48815 0.731783333 1
3 0.304266667 0.4887 0.72635 1
4 0.216616667 0.430833333 0.726733333 1
5 0.2601 0.484616667 0.76405 1
6 0.302066667 0.499466667 0.731033333 1
7 0.27115 0.510683333 0.7354 1
8 0.249 0.500083333 0.745683333 1
9 0.256733333 0.499033333 0.757266667 1
10 0.25835 0.502466667 0.7418 1
EOD
$u7 << EOD
1 0.20485 0.279666667 0.38725 0.5484 0.61725 0.779566667 0.872333333 1
2 0.195866667 0.305216667 0.390233333 0.503566667 0.594566667 0.748883333 0.834583333 1
3 0.1633 0.2659 0.384083333 0.549633333 0.6552 0.790633333 0.883283333 1
4 0.173616667 0.22445 0.3432 0.505733333 0.600466667 0.750033333 0.8917 1
5 0.143233333 0.2447 0.377466667 0.524683333 0.637 0.7564 0.869616667 1
6 0.158266667 0.260333333 0.374016667 0.520116667 0.61365 0.73635 0.860183333 1
7 0.148116667 0.233516667 0.35625 0.48645 0.595483333 0.725883333 0.84845 1
8 0.160983333 0.278983333 0.4028 0.519416667 0.62295 0.740083333 0.876233333 1
9 0.1517 0.240666667 0.363683333 0.493083333 0.610766667 0.71425 0.8455 1
10 0.1399 0.238883333 0.356 0.46895 0.605666667 0.73425 0.864983333 1
EOD
$u8 << EOD
1 0.250566667 0.501733333 0.751166667 1
2 0.25165 0.49995 0.7483 1
3 0.2489 0.501483333 0.752583333 1
4 0.251116667 0.500783333 0.749666667 1
5 0.2516 0.5023 0.7507 1
6 0.251933333 0.50135 0.749416667 1
7 0.250916667 0.4985 0.747583333 1
8 0.249533333 0.49815 0.748616667 1
9 0.25185 0.503433333 0.751583333 1
10 0.251 0.496183333 0.745183333 1
EOD
$u9 << EOD
1 0.125 0.252166667 0.3787 0.502233333 0.62515 0.749516667 0.875066667 1
2 0.12475 0.2526 0.380166667 0.505116667 0.629616667 0.7527 0.875883333 1
3 0.123233333 0.247566667 0.3724 0.499183333 0.6256 0.749616667 0.875133333 1
4 0.122583333 0.246966667 0.371933333 0.498466667 0.625366667 0.750933333 0.876483333 1
5 0.1251 0.249416667 0.373883333 0.500383333 0.625433333 0.74955 0.874933333 1
6 0.124666667 0.2507 0.375433333 0.501716667 0.628416667 0.75285 0.87675 1
7 0.126 0.252066667 0.376066667 0.500583333 0.626333333 0.751583333 0.875833333 1
8 0.124283333 0.248583333 0.3734 0.501516667 0.62855 0.753533333 0.8774 1
9 0.124133333 0.24725 0.373066667 0.500333333 0.625966667 0.7497 0.874116667 1
10 0.123316667 0.247316667 0.370383333 0.495433333 0.622016667 0.749816667 0.87685 1
EOD
$u10 << EOD
1 0.247916667 0.4962 0.74785 1
2 0.251833333 0.5017 0.750966667 1
3 0.2509 0.500133333 0.74885 1
4 0.25115 0.5015 0.751866667 1
5 0.249016667 0.49905 0.749716667 1
6 0.250116667 0.499666667 0.748333333 1
7 0.248216667 0.496083333 0.74955 1
8 0.247816667 0.49875 0.748666667 1
9 0.251383333 0.500216667 0.748966667 1
10 0.249833333 0.499516667 0.751066667 1
EOD
$u11 << EOD
1 0.123216667 0.248266667 0.3738 0.49925 0.624883333 0.749933333 0.874416667 1
2 0.124383333 0.250016667 0.374616667 0.499 0.623516667 0.74865 0.87515 1
3 0.1249 0.250733333 0.37435 0.499366667 0.624583333 0.750816667 0.875766667 1
4 0.123966667 0.248266667 0.372116667 0.500033333 0.626833333 0.752066667 0.8744 1
5 0.12625 0.249966667 0.375933333 0.499416667 0.62445 0.7524 0.87815 1
6 0.121716667 0.24785 0.373 0.498266667 0.6239 0.7494 0.875866667 1
7 0.124966667 0.250283333 0.37415 0.49975 0.625683333 0.75005 0.874333333 1
8 0.125416667 0.249816667 0.374566667 0.500633333 0.625533333 0.75055 0.875716667 1
9 0.124233333 0.250966667 0.376366667 0.50365 0.626783333 0.751183333 0.874916667 1
10 0.122883333 0.24765 0.37335 0.4995 0.62475 0.749016667 0.874316667 1
EOD

set output 'utilization.svg'
set multiplot layout 3,4 title 'Expert utilisation per epoch (share of routing slots, stacked, mean over seeds)'
set yrange [0:1]
set xlabel 'epoch'
set style fill solid 0.8 noborder
set key off
set grid
set title 'softmax-e4'
plot $u0 using 1:5 with filledcurves x1 lc 4 title 'e3', $u0 using 1:4 with filledcurves x1 lc 3 title 'e2', $u0 using 1:3 with filledcurves x1 lc 2 title 'e1', $u0 using 1:2 with filledcurves x1 lc 1 title 'e0'
set title 'softmax-e8'
plot $u1 using 1:9 with filledcurves x1 lc 8 title 'e7', $u1 using 1:8 with filledcurves x1 lc 7 title 'e6', $u1 using 1:7 with filledcurves x1 lc 6 title 'e5', $u1 using 1:6 with filledcurves x1 lc 5 title 'e4', $u1 using 1:5 with filledcurves x1 lc 4 title 'e3', $u1 using 1:4 with filledcurves x1 lc 3 title 'e2', $u1 using 1:3 with filledcurves x1 lc 2 title 'e1', $u1 using 1:2 with filledcurves x1 lc 1 title 'e0'
set title 'noisy-top-k-e4'
plot $u2 using 1:5 with filledcurves x1 lc 4 title 'e3', $u2 using 1:4 with filledcurves x1 lc 3 title 'e2', $u2 using 1:3 with filledcurves x1 lc 2 title 'e1', $u2 using 1:2 with filledcurves x1 lc 1 title 'e0'
set title 'noisy-top-k-e8'
plot $u3 using 1:9 with filledcurves x1 lc 8 title 'e7', $u3 using 1:8 with filledcurves x1 lc 7 title 'e6', $u3 using 1:7 with filledcurves x1 lc 6 title 'e5', $u3 using 1:6 with filledcurves x1 lc 5 title 'e4', $u3 using 1:5 with filledcurves x1 lc 4 title 'e3', $u3 using 1:4 with filledcurves x1 lc 3 title 'e2', $u3 using 1:3 with filledcurves x1 lc 2 title 'e1', $u3 using 1:2 with filledcurves x1 lc 1 title 'e0'
set title 'spiking-t4-e4'
plot $u4 using 1:5 with filledcurves x1 lc 4 title 'e3', $u4 using 1:4 with filledcurves x1 lc 3 title 'e2', $u4 using 1:3 with filledcurves x1 lc 2 title 'e1', $u4 using 1:2 with filledcurves x1 lc 1 title 'e0'
set title 'spiking-t4-e8'
plot $u5 using 1:9 with filledcurves x1 lc 8 title 'e7', $u5 using 1:8 with filledcurves x1 lc 7 title 'e6', $u5 using 1:7 with filledcurves x1 lc 6 title 'e5', $u5 using 1:6 with filledcurves x1 lc 5 title 'e4', $u5 using 1:5 with filledcurves x1 lc 4 title 'e3', $u5 using 1:4 with filledcurves x1 lc 3 title 'e2', $u5 using 1:3 with filledcurves x1 lc 2 title 'e1', $u5 using 1:2 with filledcurves x1 lc 1 title 'e0'
set title 'spiking-t8-e4'
plot $u6 using 1:5 with filledcurves x1 lc 4 title 'e3', $u6 using 1:4 with filledcurves x1 lc 3 title 'e2', $u6 using 1:3 with filledcurves x1 lc 2 title 'e1', $u6 using 1:2 with filledcurves x1 lc 1 title 'e0'
set title 'spiking-t8-e8'
plot $u7 using 1:9 with filledcurves x1 lc 8 title 'e7', $u7 using 1:8 with filledcurves x1 lc 7 title 'e6', $u7 using 1:7 with filledcurves x1 lc 6 title 'e5', $u7 using 1:6 with filledcurves x1 lc 5 title 'e4', $u7 using 1:5 with filledcurves x1 lc 4 title 'e3', $u7 using 1:4 with filledcurves x1 lc 3 title 'e2', $u7 using 1:3 with filledcurves x1 lc 2 title 'e1', $u7 using 1:2 with filledcurves x1 lc 1 title 'e0'
set title 'hash-e4'
plot $u8 using 1:5 with filledcurves x1 lc 4 title 'e3', $u8 using 1:4 with filledcurves x1 lc 3 title 'e2', $u8 using 1:3 with filledcurves x1 lc 2 title 'e1', $u8 using 1:2 with filledcurves x1 lc 1 title 'e0'
set title 'hash-e8'
plot $u9 using 1:9 with filledcurves x1 lc 8 title 'e7', $u9 using 1:8 with filledcurves x1 lc 7 title 'e6', $u9 using 1:7 with filledcurves x1 lc 6 title 'e5', $u9 using 1:6 with filledcurves x1 lc 5 title 'e4', $u9 using 1:5 with filledcurves x1 lc 4 title 'e3', $u9 using 1:4 with filledcurves x1 lc 3 title 'e2', $u9 using 1:3 with filledcurves x1 lc 2 title 'e1', $u9 using 1:2 with filledcurves x1 lc 1 title 'e0'
set title 'random-e4'
plot $u10 using 1:5 with filledcurves x1 lc 4 title 'e3', $u10 using 1:4 with filledcurves x1 lc 3 title 'e2', $u10 using 1:3 with filledcurves x1 lc 2 title 'e1', $u10 using 1:2 with filledcurves x1 lc 1 title 'e0'
set title 'random-e8'
plot $u11 using 1:9 with filledcurves x1 lc 8 title 'e7', $u11 using 1:8 with filledcurves x1 lc 7 title 'e6', $u11 using 1:7 with filledcurves x1 lc 6 title 'e5', $u11 using 1:6 with filledcurves x1 lc 5 title 'e4', $u11 using 1:5 with filledcurves x1 lc 4 title 'e3', $u11 using 1:4 with filledcurves x1 lc 3 title 'e2', $u11 using 1:3 with filledcurves x1 lc 2 title 'e1', $u11 using 1:2 with filledcurves x1 lc 1 title 'e0'
unset multiplot

reset
set terminal pngcairo size 1200,820 font 'Helvetica,10' background '#ffffff'
set output 'utilization.png'
set multiplot layout 3,4 title 'Expert utilisation per epoch (share of routing slots, stacked, mean over seeds)'
set yrange [0:1]
set xlabel 'epoch'
set style fill solid 0.8 noborder
set key off
set grid
set title 'softmax-e4'
plot $u0 using 1:5 with filledcurves x1 lc 4 title 'e3', $u0 using 1:4 with filledcurves x1 lc 3 title 'e2', $u0 using 1:3 with filledcurves x1 lc 2 title 'e1', $u0 using 1:2 with filledcurves x1 lc 1 title 'e0'
set title 'softmax-e8'
plot $u1 using 1:9 with filledcurves x1 lc 8 title 'e7', $u1 using 1:8 with filledcurves x1 lc 7 title 'e6', $u1 using 1:7 with filledcurves x1 lc 6 title 'e5', $u1 using 1:6 with filledcurves x1 lc 5 title 'e4', $u1 using 1:5 with filledcurves x1 lc 4 title 'e3', $u1 using 1:4 with filledcurves x1 lc 3 title 'e2', $u1 using 1:3 with filledcurves x1 lc 2 title 'e1', $u1 using 1:2 with filledcurves x1 lc 1 title 'e0'
set title 'noisy-top-k-e4'
plot $u2 using 1:5 with filledcurves x1 lc 4 title 'e3', $u2 using 1:4 with filledcurves x1 lc 3 title 'e2', $u2 using 1:3 with filledcurves x1 lc 2 title 'e1', $u2 using 1:2 with filledcurves x1 lc 1 title 'e0'
set title 'noisy-top-k-e8'
plot $u3 using 1:9 with filledcurves x1 lc 8 title 'e7', $u3 using 1:8 with filledcurves x1 lc 7 title 'e6', $u3 using 1:7 with filledcurves x1 lc 6 title 'e5', $u3 using 1:6 with filledcurves x1 lc 5 title 'e4', $u3 using 1:5 with filledcurves x1 lc 4 title 'e3', $u3 using 1:4 with filledcurves x1 lc 3 title 'e2', $u3 using 1:3 with filledcurves x1 lc 2 title 'e1', $u3 using 1:2 with filledcurves x1 lc 1 title 'e0'
set title 'spiking-t4-e4'
plot $u4 using 1:5 with filledcurves x1 lc 4 title 'e3', $u4 using 1:4 with filledcurves x1 lc 3 title 'e2', $u4 using 1:3 with filledcurves x1 lc 2 title 'e1', $u4 using 1:2 with filledcurves x1 lc 1 title 'e0'
set title 'spiking-t4-e8'
plot $u5 using 1:9 with filledcurves x1 lc 8 title 'e7', $u5 using 1:8 with filledcurves x1 lc 7 title 'e6', $u5 using 1:7 with filledcurves x1 lc 6 title 'e5', $u5 using 1:6 with filledcurves x1 lc 5 title 'e4', $u5 using 1:5 with filledcurves x1 lc 4 title 'e3', $u5 using 1:4 with filledcurves x1 lc 3 title 'e2', $u5 using 1:3 with filledcurves x1 lc 2 title 'e1', $u5 using 1:2 with filledcurves x1 lc 1 title 'e0'
set title 'spiking-t8-e4'
plot $u6 using 1:5 with filledcurves x1 lc 4 title 'e3', $u6 using 1:4 with filledcurves x1 lc 3 title 'e2', $u6 using 1:3 with filledcurves x1 lc 2 title 'e1', $u6 using 1:2 with filledcurves x1 lc 1 title 'e0'
set title 'spiking-t8-e8'
plot $u7 using 1:9 with filledcurves x1 lc 8 title 'e7', $u7 using 1:8 with filledcurves x1 lc 7 title 'e6', $u7 using 1:7 with filledcurves x1 lc 6 title 'e5', $u7 using 1:6 with filledcurves x1 lc 5 title 'e4', $u7 using 1:5 with filledcurves x1 lc 4 title 'e3', $u7 using 1:4 with filledcurves x1 lc 3 title 'e2', $u7 using 1:3 with filledcurves x1 lc 2 title 'e1', $u7 using 1:2 with filledcurves x1 lc 1 title 'e0'
set title 'hash-e4'
plot $u8 using 1:5 with filledcurves x1 lc 4 title 'e3', $u8 using 1:4 with filledcurves x1 lc 3 title 'e2', $u8 using 1:3 with filledcurves x1 lc 2 title 'e1', $u8 using 1:2 with filledcurves x1 lc 1 title 'e0'
set title 'hash-e8'
plot $u9 using 1:9 with filledcurves x1 lc 8 title 'e7', $u9 using 1:8 with filledcurves x1 lc 7 title 'e6', $u9 using 1:7 with filledcurves x1 lc 6 title 'e5', $u9 using 1:6 with filledcurves x1 lc 5 title 'e4', $u9 using 1:5 with filledcurves x1 lc 4 title 'e3', $u9 using 1:4 with filledcurves x1 lc 3 title 'e2', $u9 using 1:3 with filledcurves x1 lc 2 title 'e1', $u9 using 1:2 with filledcurves x1 lc 1 title 'e0'
set title 'random-e4'
plot $u10 using 1:5 with filledcurves x1 lc 4 title 'e3', $u10 using 1:4 with filledcurves x1 lc 3 title 'e2', $u10 using 1:3 with filledcurves x1 lc 2 title 'e1', $u10 using 1:2 with filledcurves x1 lc 1 title 'e0'
set title 'random-e8'
plot $u11 using 1:9 with filledcurves x1 lc 8 title 'e7', $u11 using 1:8 with filledcurves x1 lc 7 title 'e6', $u11 using 1:7 with filledcurves x1 lc 6 title 'e5', $u11 using 1:6 with filledcurves x1 lc 5 title 'e4', $u11 using 1:5 with filledcurves x1 lc 4 title 'e3', $u11 using 1:4 with filledcurves x1 lc 3 title 'e2', $u11 using 1:3 with filledcurves x1 lc 2 title 'e1', $u11 using 1:2 with filledcurves x1 lc 1 title 'e0'
unset multiplot

unset output
