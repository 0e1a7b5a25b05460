#!/usr/bin/env bash
# Runs every peer at 1 and 2 threads, full (non-quick), one after another, writing
# results/<benchmark>-threads<N>.json. About 30 minutes on a 2-core machine; run it on an
# otherwise idle machine (each JSON records the load average at start and end).
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p results
for n in 1 2; do
    python3 mamba_block.py      --threads "$n" --json "results/mamba-block-threads$n.json" >/dev/null
    python3 linear_attention.py --threads "$n" --json "results/linear-attention-threads$n.json" >/dev/null
    python3 moe_fashion.py      --threads "$n" --json "results/moe-softmax-e8-threads$n.json" >/dev/null
    python3 moe_fashion.py      --threads "$n" --model mlp --json "results/dense-mlp-threads$n.json" >/dev/null
done
# two more seeds of the Fashion-MNIST models at 1 thread, for the accuracy spread (seed 0 is above)
for seed in 1 2; do
    python3 moe_fashion.py --threads 1 --seed "$seed" --json "results/moe-softmax-e8-threads1-seed$seed.json" >/dev/null
    python3 moe_fashion.py --threads 1 --seed "$seed" --model mlp --json "results/dense-mlp-threads1-seed$seed.json" >/dev/null
done
echo "results written to $(pwd)/results"
