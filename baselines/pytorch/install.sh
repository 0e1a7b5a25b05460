#!/usr/bin/env bash
# Installs what the PyTorch peers need (requirements.txt), CPU-only torch. Idempotent: does
# nothing when torch already imports. Also makes sure the Fashion-MNIST files are there.
#   bash baselines/pytorch/install.sh
set -euo pipefail
cd "$(dirname "$0")"
PY=${PYTHON:-python3}

if "$PY" -c 'import torch, numpy' 2>/dev/null; then
    have=$("$PY" -c 'import torch; print(torch.__version__)')
    echo "torch $have already installed"
    [ "$have" = "2.13.0+cpu" ] || echo "note: the figures in README.md were measured with torch 2.13.0+cpu"
else
    # 1. as pinned: resolves where pip already sees a +cpu wheel (a --find-links directory or a
    #    configured CPU index); 2. otherwise PyTorch's CPU wheel index for torch, PyPI for the rest.
    "$PY" -m pip install -r requirements.txt \
        || "$PY" -m pip install -r requirements.txt --extra-index-url https://download.pytorch.org/whl/cpu
    "$PY" -c 'import torch; print("installed torch", torch.__version__)'
fi

if ! ls /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte* >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
        apt-get update && apt-get install -y dataset-fashion-mnist
    else
        echo "Fashion-MNIST missing: sudo apt-get install dataset-fashion-mnist (moe_fashion.py needs it)"
    fi
fi
