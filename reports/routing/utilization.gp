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
1 0.241916667 0.495333333 0.767066667 1
2 0.265633333 0.528183333 0.770366667 1
3 0.25015 0.494483333 0.74315 1
4 0.256 0.506233333 0.749616667 1
5 0.254433333 0.495183333 0.74525 1
6 0.243466667 0.497933333 0.747466667 1
7 0.231166667 0.486983333 0.742566667 1
8 0.244866667 0.491033333 0.754516667 1
9 0.24835 0.488233333 0.743016667 1
10 0.250066667 0.501316667 0.74985 1
EOD
$u3 << EOD
1 0.109933333 0.2107 0.326733333 0.447433333 0.576116667 0.73185 0.860383333 1
2 0.126116667 0.252683333 0.374083333 0.51925 0.623983333 0.75365 0.876333333 1
3 0.129016667 0.251783333 0.366233333 0.502683333 0.6258 0.755183333 0.866566667 1
4 0.122216667 0.245133333 0.360283333 0.480583333 0.607883333 0.745133333 0.871833333 1
5 0.112383333 0.236266667 0.361333333 0.4881 0.609616667 0.742683333 0.871566667 1
6 0.1403 0.262233333 0.379016667 0.501133333 0.624183333 0.757216667 0.8741 1
7 0.130183333 0.25775 0.37745 0.4901 0.613116667 0.747266667 0.873133333 1
8 0.121466667 0.242266667 0.37175 0.491616667 0.620566667 0.7502 0.871483333 1
9 0.119683333 0.246116667 0.37125 0.5009 0.6213 0.756266667 0.872966667 1
10 0.130166667 0.25725 0.381483333 0.500633333 0.623683333 0.753216667 0.873983333 1
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
1 0.249933333 0.499266667 0.749333333 1
2 0.248066667 0.498983333 0.750916667 1
3 0.249983333 0.501166667 0.751183333 1
4 0.2492 0.498233333 0.749033333 1
5 0.251483333 0.501216667 0.749733333 1
6 0.253483333 0.50485 0.751366667 1
7 0.249016667 0.499966667 0.75095 1
8 0.251416667 0.499433333 0.748016667 1
9 0.250216667 0.500333333 0.750116667 1
10 0.251316667 0.499583333 0.748266667 1
EOD
$u9 << EOD
1 0.12505 0.250316667 0.3766 0.504066667 0.628466667 0.751583333 0.87585 1
2 0.12445 0.248133333 0.374333333 0.50165 0.62605 0.749816667 0.874766667 1
3 0.1243 0.249433333 0.375433333 0.502033333 0.628483333 0.752333333 0.875583333 1
4 0.126266667 0.252533333 0.3778 0.503166667 0.62735 0.751833333 0.876116667 1
5 0.124016667 0.248116667 0.371683333 0.49715 0.623516667 0.750033333 0.876083333 1
6 0.1242 0.247833333 0.36925 0.493933333 0.621883333 0.748633333 0.875066667 1
7 0.1232 0.248 0.3746 0.50275 0.629283333 0.75445 0.878116667 1
8 0.1273 0.252516667 0.377183333 0.501683333 0.62595 0.749466667 0.873233333 1
9 0.12665 0.2522 0.375833333 0.498716667 0.622316667 0.748116667 0.874233333 1
10 0.124633333 0.248116667 0.370216667 0.494416667 0.621366667 0.748133333 0.87445 1
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
