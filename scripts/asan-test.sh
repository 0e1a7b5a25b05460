#!/usr/bin/env bash
# Every test under AddressSanitizer: for heap corruption (a CI run that aborts in malloc, a crash
# whose stack is a victim's). A separate build folder (.build-asan, ignored by git), the same
# release flags as the tests, so the optimiser's code is the code checked. The config fuzzer is
# skipped: its 1 040 parses take over an hour under ASan; everything else takes about 2 minutes
# after a 6-minute first build. Extra arguments go to `swift test` (e.g. --filter Growth).
# OPENBLAS_CORETYPE=Prescott is the kernel Debian's OpenBLAS falls back to on recent Intel CPUs
# (CI's machines); set it to another core to check that one.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/build-flags.sh
bash scripts/install-deps.sh
flags=("${BIOMOE_BUILD_FLAGS[@]}" --sanitize=address --scratch-path .build-asan)
swift build "${flags[@]}" --build-tests
export OPENBLAS_NUM_THREADS=1 OPENBLAS_CORETYPE="${OPENBLAS_CORETYPE:-Prescott}" ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
swift test "${flags[@]}" --skip-build --parallel --skip ConfigFuzz "$@" 2>&1
