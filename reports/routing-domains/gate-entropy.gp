# biomoe chart 'gate-entropy'. Re-render: gnuplot gate-entropy.gp
set encoding utf8
set terminal svg size 720,440 dynamic font 'Helvetica,12' background '#ffffff'
$v0 << EOD
1 0 0
2 0 0
3 0 0
4 0 0
5 0 0
6 0 0
7 0 0
8 0 0
9 0 0
10 0 0
EOD
$v1 << EOD
1 0 0
2 0 0
3 0 0
4 0 0
5 0 0
6 0 0
7 0 0
8 0 0
9 0 0
10 0 0
EOD
$v2 << EOD
1 0 0
2 0 0
3 0 0
4 0 0
5 0 0
6 0 0
7 0 0
8 0 0
9 0 0
10 0 0
EOD
$v3 << EOD
1 0.697305497 0.109551661
2 0.659209386 0.122054209
3 0.65470038 0.0701314481
4 0.637536548 0.0401948837
5 0.607505372 0.0667434026
6 0.594951192 0.0715266553
7 0.586665703 0.0692753099
8 0.571131044 0.0534748749
9 0.570974024 0.0683157978
10 0.560255041 0.0585365409
EOD
$v4 << EOD
1 0 0
2 0 0
3 0 0
4 0 0
5 0 0
6 0 0
7 0 0
8 0 0
9 0 0
10 0 0
EOD
$v5 << EOD
1 0.953473243 0.0866447467
2 0.897239713 0.125906861
3 0.865202099 0.167096327
4 0.840145194 0.175574524
5 0.827861535 0.176723754
6 0.820169422 0.202981964
7 0.814762443 0.202396408
8 0.79293967 0.192562373
9 0.793697395 0.188120023
10 0.77848622 0.194203523
EOD
$v6 << EOD
1 0.988950435 0.0286302345
2 1.00724311 0.044398112
3 1.01213518 0.0421175703
4 1.01732219 0.0249877705
5 1.00766408 0.0269939334
6 1.01278743 0.0201435778
7 1.01218505 0.0252421072
8 1.01249557 0.0132134649
9 1.00632508 0.0254330465
10 1.00308452 0.0194755039
EOD
$v7 << EOD
1 0.194491347 0.0129828817
2 0.145112103 0.0172415614
3 0.133232186 0.013433866
4 0.120448218 0.0160029793
5 0.109497597 0.0112342721
6 0.113739519 0.0141886282
7 0.108891208 0.0150015468
8 0.103424913 0.00688419787
9 0.109433967 0.0166241264
10 0.105178491 0.0030776345
EOD
$v8 << EOD
1 0.892676911 0.0484007295
2 0.912024042 0.0411737846
3 0.929736273 0.041187589
4 0.931532127 0.0279320703
5 0.932966534 0.032998075
6 0.938864527 0.0678207781
7 0.942254222 0.0378558244
8 0.933616694 0.0296205024
9 0.916380736 0.0425112392
10 0.93238119 0.0388059405
EOD
$v9 << EOD
1 0.951865879 0.0337822732
2 1.04192931 0.0883556221
3 1.03800106 0.0883565008
4 1.0554833 0.0408226134
5 1.0855816 0.0387430708
6 1.09513097 0.0433427373
7 1.09090426 0.0424041556
8 1.10572021 0.0308729569
9 1.09257308 0.0470862428
10 1.10648259 0.0501929942
EOD
$v10 << EOD
1 0.0333218594 0.00363227923
2 0.0219102635 0.00727117483
3 0.0181396272 0.00647393973
4 0.0169649011 0.0055517289
5 0.0182814231 0.00465693986
6 0.0163915328 0.00479417816
7 0.0169421159 0.00684210437
8 0.0145513779 0.00566947437
9 0.0157665426 0.00453215133
10 0.0156509343 0.00479250311
EOD
$v11 << EOD
1 0.267557549 0.0705036741
2 0.255487186 0.0407817347
3 0.215523426 0.0432283249
4 0.201244888 0.0544590631
5 0.215562121 0.0397676424
6 0.227485034 0.0620090276
7 0.241667139 0.0603758526
8 0.256318949 0.0673505538
9 0.295004386 0.123089685
10 0.310418314 0.105373912
EOD
$v12 << EOD
1 0.180509724 0.0366608775
2 0.134818696 0.017284786
3 0.121447026 0.0334037629
4 0.107510747 0.0279847353
5 0.100506672 0.0107023603
6 0.091307603 0.0187227995
7 0.0957751249 0.018441685
8 0.0921541688 0.0167092432
9 0.103615134 0.0133289979
10 0.104281473 0.0254572152
EOD
$v13 << EOD
1 0.0334975288 0.00889441644
2 0.021571965 0.00537806501
3 0.0202472713 0.00588252479
4 0.0194065846 0.00820045853
5 0.0158719605 0.00596629019
6 0.0140261708 0.00609858804
7 0.0150771121 0.00608899347
8 0.0136749615 0.00414075739
9 0.0135847782 0.0057173051
10 0.0146878792 0.00827315121
EOD
$v16 << EOD
1 0 0
2 0 0
3 0 0
4 0 0
5 0 0
6 0 0
7 0 0
8 0 0
9 0 0
10 0 0
EOD
$v17 << EOD
1 0 0
2 0 0
3 0 0
4 0 0
5 0 0
6 0 0
7 0 0
8 0 0
9 0 0
10 0 0
EOD
$v18 << EOD
1 0.890801976 0.091297403
2 0.878054779 0.106093804
3 0.832480705 0.107944035
4 0.829822457 0.106577683
5 0.81224142 0.113460334
6 0.824144281 0.119060514
7 0.827966336 0.111924672
8 0.833206048 0.127703468
9 0.857166334 0.123220914
10 0.841966951 0.120668578
EOD
$v19 << EOD
1 0 0
2 0 0
3 0 0
4 0 0
5 0 0
6 0 0
7 0 0
8 0 0
9 0 0
10 0 0
EOD
$v20 << EOD
1 0 0
2 0 0
3 0 0
4 0 0
5 0 0
6 0 0
7 0 0
8 0 0
9 0 0
10 0 0
EOD
$v21 << EOD
1 0.688404547 0.158468719
2 0.563935694 0.163362222
3 0.526188827 0.142497577
4 0.478137247 0.122949362
5 0.453301589 0.117857288
6 0.422265711 0.106313132
7 0.408224181 0.112650018
8 0.388250168 0.103736953
9 0.38274802 0.106778816
10 0.376912083 0.105173351
EOD
$v22 << EOD
1 0.617261869 0.18875585
2 0.525989226 0.151563847
3 0.483153214 0.150944021
4 0.47505543 0.166543441
5 0.45836381 0.156858928
6 0.454919884 0.165139222
7 0.453831518 0.157309307
8 0.44291682 0.16920985
9 0.450348547 0.170129743
10 0.455994049 0.200035454
EOD
$v23 << EOD
1 0.949326073 0.110487211
2 0.874929643 0.122591188
3 0.867016174 0.0989792566
4 0.841058908 0.0344990785
5 0.815183032 0.0525935372
6 0.795129518 0.0606664478
7 0.78594996 0.0619569035
8 0.772268329 0.0486854129
9 0.752232983 0.0700379325
10 0.739056603 0.0630962884
EOD
$v24 << EOD
1 2.66350264 0.0905342611
2 2.37974842 0.0178469114
3 2.1815937 0.0627532256
4 2.05314922 0.0837691437
5 1.99477851 0.0844607005
6 1.96164898 0.0965985009
7 1.93143144 0.0507356778
8 1.87851055 0.0567897281
9 1.85023015 0.0439122837
10 1.85660331 0.0616350869
EOD
$v25 << EOD
1 3.98926679 0.0904499559
2 3.78751802 0.0194536847
3 3.65468994 0.0531689879
4 3.58361538 0.0919814227
5 3.51029651 0.0731946496
6 3.4613255 0.104811318
7 3.42753467 0.117135718
8 3.37040733 0.107671645
9 3.34847526 0.105238219
10 3.32968402 0.103927751
EOD

set output 'gate-entropy.svg'
set title 'Router entropy on the test split per epoch (mean ± 95 % CI over seeds)'
set xlabel 'epoch'
set ylabel 'gate entropy (nats)'
set grid
set key bottom right

plot $v0 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'oracle-h8', \
     $v1 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'random-h8', \
     $v2 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'hash-h8', \
     $v3 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-h8', \
     $v4 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'noisy-top-k-h8', \
     $v5 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'self-assessed-h8', \
     $v6 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'self-assessed-cap-h8', \
     $v7 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t4-h8', \
     $v8 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t4-p1-h8', \
     $v9 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t1-h8', \
     $v10 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t16-h8', \
     $v11 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t4-th4-h8', \
     $v12 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-rate-t4-h8', \
     $v13 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-rate-t16-h8', \
     $v16 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'oracle-h4', \
     $v17 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'random-h4', \
     $v18 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-h4', \
     $v19 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'oracle-h16', \
     $v20 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'random-h16', \
     $v21 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-h16', \
     $v22 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-h8-e4', \
     $v23 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-h8-e16', \
     $v24 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-h8-e64', \
     $v25 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-h8-e256'
reset
set terminal pngcairo size 720,440 font 'Helvetica,10' background '#ffffff'
set output 'gate-entropy.png'
set title 'Router entropy on the test split per epoch (mean ± 95 % CI over seeds)'
set xlabel 'epoch'
set ylabel 'gate entropy (nats)'
set grid
set key bottom right

plot $v0 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'oracle-h8', \
     $v1 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'random-h8', \
     $v2 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'hash-h8', \
     $v3 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-h8', \
     $v4 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'noisy-top-k-h8', \
     $v5 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'self-assessed-h8', \
     $v6 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'self-assessed-cap-h8', \
     $v7 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t4-h8', \
     $v8 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t4-p1-h8', \
     $v9 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t1-h8', \
     $v10 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t16-h8', \
     $v11 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-t4-th4-h8', \
     $v12 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-rate-t4-h8', \
     $v13 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'spiking-rate-t16-h8', \
     $v16 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'oracle-h4', \
     $v17 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'random-h4', \
     $v18 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-h4', \
     $v19 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'oracle-h16', \
     $v20 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'random-h16', \
     $v21 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-h16', \
     $v22 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-h8-e4', \
     $v23 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-h8-e16', \
     $v24 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-h8-e64', \
     $v25 using 1:2:3 with yerrorlines lw 2 pt 7 ps 0.6 title 'softmax-h8-e256'
unset output
