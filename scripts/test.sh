#!/usr/bin/env bash
# The README's second command: install what is missing and run every test (release build with
# testing enabled: the same build the suites use, so the dependencies compile once).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/build-flags.sh
bash scripts/install-deps.sh
# CPU torch for the tests that load biomoe's checkpoints into PyTorch (CheckpointCommandTests).
# Not fatal: offline, those tests are reported as skipped, not passed.
bash baselines/pytorch/install.sh || echo "warning: CPU torch could not be installed; the PyTorch checkpoint test will be skipped" >&2
# One OpenBLAS thread for the whole test process: the thread count is process-wide, tests run in
# parallel, and an experiment that measures latency sets it to 1 and back while another test
# trains, which changes that test's summation order (seen in CI: the reproducibility test's ECE
# differed in the 8th digit). Tests run in parallel already, so BLAS threads would not add speed.
export OPENBLAS_NUM_THREADS=1
swift test "${BIOMOE_BUILD_FLAGS[@]}" --parallel 2>&1
