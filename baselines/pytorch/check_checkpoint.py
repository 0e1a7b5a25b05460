#!/usr/bin/env python3
"""Loads a checkpoint exported by `biomoe checkpoint` into PyTorch and checks that it gives the
class probabilities the run recorded (`biomoe export predictions --run ID`), sample by sample.

    biomoe checkpoint 2 --db results/runs/SUITE.sqlite -o model.safetensors
    biomoe export predictions --db results/runs/SUITE.sqlite --run 2 -o predictions.csv
    python3 baselines/pytorch/check_checkpoint.py model.safetensors --predictions predictions.csv

The model is rebuilt from the file's metadata alone: `model` (mlp or moe), `input_size`,
`classes`, and `run_config`, the run's resolved config (hidden widths; router, experts, top_k,
model_width, expert_hidden, temperature; the task's data set and test_limit). The tensors load
with `load_state_dict(strict=True)` under the names biomoe stores, which are PyTorch's. The
test images are read from the IDX file as biomoe reads them (byte / 255, the first test_limit
images of the official test file) and run in float64, so the comparison measures biomoe's float32
arithmetic against exact arithmetic.

Transcribed (biomoe Sources/NN/MLPClassifier.swift, Sources/MoE/MoEClassifier.swift, SoftmaxGate,
NoisyTopKGate, FixedRouters' dense reference, Expert.swift):

    mlp:  x -> [Linear, relu]* -> Linear -> softmax
    moe:  h = relu(input(x)); m = sum_j w_j expert_{i_j}(h); probs = softmax(output(h + m))
          softmax router:     p = softmax((router(h)) / temperature), i = top-k of p, w = p_i / sum p_i
          noisy-top-k router: H = h router.gate.weight^T (no noise at inference), i = top-k of H,
                              w = softmax over the k chosen H
          dense reference:    every expert, w = 1/E
          expert:             fc2(relu(fc1(h)))

Spiking, hash and random routers, Conv1D experts and a capacity limit are not transcribed: such a
checkpoint is refused (exit 2) rather than compared against something else. Prints one JSON line;
exit 0 when every probability agrees within --tolerance (absolute), 1 otherwise.
"""
import argparse
import csv
import gzip
import json
import os
import struct
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402
from moe_fashion import Expert  # noqa: E402  (the routing suite's peer: the same MLP expert)

DATA_DIRS = {"fashion-mnist": "/usr/share/datasets/fashion-mnist", "mnist": "/usr/share/datasets/mnist"}


def refuse(message):
    print(f"check_checkpoint: {message}", file=sys.stderr)
    sys.exit(2)


def read_idx(path):
    with gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb") as f:
        data = f.read()
    _, dtype, ndim = struct.unpack(">HBB", data[:4])
    if dtype != 0x08:
        refuse(f"{path}: expected an IDX file of unsigned bytes")
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def test_images(task, data_dir):
    dataset = task.get("dataset")
    directory = data_dir or task.get("path") or DATA_DIRS.get(dataset)
    if directory is None:
        refuse(f"task.dataset {dataset!r} is not an image data set")
    for name in ("t10k-images-idx3-ubyte.gz", "t10k-images-idx3-ubyte"):
        path = os.path.join(directory, name)
        if os.path.exists(path):
            break
    else:
        refuse(f"{directory}/t10k-images-idx3-ubyte(.gz) not found; pass --data-dir")
    images = read_idx(path)
    limit = task.get("test_limit", 0)
    if limit > 0:
        images = images[:limit]
    # byte / 255 as biomoe divides (ImageClassificationSet), then widened exactly to float64.
    return torch.from_numpy(images.reshape(len(images), -1).astype(np.float32) / np.float32(255)).double()


class MLP(nn.Module):
    def __init__(self, widths):
        super().__init__()
        self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(widths[:-1], widths[1:]))

    def forward(self, x):
        for layer in self.layers[:-1]:
            x = F.relu(layer(x))
        return self.layers[-1](x)


class NoisyGate(nn.Module):
    """router.gate.weight and router.noise.weight, no biases (the noise is off at inference)."""

    def __init__(self, d, experts):
        super().__init__()
        self.gate = nn.Linear(d, experts, bias=False)
        self.noise = nn.Linear(d, experts, bias=False)


class MoE(nn.Module):
    def __init__(self, inputs, classes, m):
        super().__init__()
        self.kind, self.E, self.tau = m["router"], m["experts"], m["temperature"]
        self.k = self.E if self.kind == "dense" else m["top_k"]
        width = m["model_width"]
        self.input = nn.Linear(inputs, width)
        if self.kind == "softmax":
            self.router = nn.Linear(width, self.E)
        elif self.kind == "noisy-top-k":
            self.router = NoisyGate(width, self.E)
        self.experts = nn.ModuleList(Expert(width, m["expert_hidden"]) for _ in range(self.E))
        self.output = nn.Linear(width, classes)

    def route(self, h):
        if self.kind == "softmax":
            p = F.softmax(self.router(h) / self.tau, dim=-1)
            weights, indices = torch.topk(p, self.k, dim=-1)
            return weights / weights.sum(dim=-1, keepdim=True), indices
        if self.kind == "noisy-top-k":
            top, indices = torch.topk(self.router.gate(h), self.k, dim=-1)
            return F.softmax(top, dim=-1), indices
        indices = torch.arange(self.E).expand(len(h), self.E)
        return torch.full((len(h), self.E), 1.0 / self.E, dtype=h.dtype), indices

    def forward(self, x):
        h = F.relu(self.input(x))
        weights, indices = self.route(h)
        m = torch.zeros_like(h)
        for j in range(self.k):
            for e, expert in enumerate(self.experts):
                rows = torch.where(indices[:, j] == e)[0]
                if rows.numel():
                    m.index_add_(0, rows, expert(h[rows]) * weights[rows, j, None])
        return self.output(h + m)


def build(meta):
    config = json.loads(meta["run_config"])
    m, kind = config["model"], meta.get("model")
    inputs, classes = int(meta["input_size"]), int(meta["classes"])
    if kind == "mlp":
        return MLP([inputs] + list(m["hidden"]) + [classes]), config
    if kind != "moe":
        refuse(f"model {kind!r}: this script checks image classifiers (mlp, moe)")
    if m["router"] not in ("softmax", "noisy-top-k", "dense"):
        refuse(f"router {m['router']!r} is not transcribed here (softmax, noisy-top-k and dense are)")
    if m["expert_kind"] != "mlp":
        refuse(f"expert_kind {m['expert_kind']!r} is not transcribed here (mlp is)")
    if m["capacity_factor"] > 0:
        refuse("a capacity limit drops assignments per batch; only capacity_factor 0 is transcribed")
    return MoE(inputs, classes, m), config


def read_predictions(path, classes):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    if not rows:
        refuse(f"{path}: no predictions")
    columns = [f"p{c}" for c in range(classes)]
    rows.sort(key=lambda r: int(r["index"]))
    return torch.tensor([[float(r[c]) for c in columns] for r in rows], dtype=torch.float64)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("checkpoint", help="a file written by `biomoe checkpoint`")
    parser.add_argument("--predictions", required=True, help="CSV from `biomoe export predictions --run ID`")
    parser.add_argument("--data-dir", help="directory of the IDX test files (default: the run's task.path, else Debian's)")
    parser.add_argument("--tolerance", type=float, default=1e-5, help="largest absolute difference allowed")
    args = parser.parse_args()

    tensors, meta = common.load_safetensors(args.checkpoint)
    if not meta.get("format", "").startswith("biomoe.") or "run_config" not in meta:
        refuse(f"{args.checkpoint}: no biomoe run metadata; export it with `biomoe checkpoint`")
    model, config = build(meta)
    model = model.double()
    model.load_state_dict({k: v.double() for k, v in tensors.items()}, strict=True)
    x = test_images(config["task"], args.data_dir)
    expected = read_predictions(args.predictions, int(meta["classes"]))
    if len(expected) != len(x):
        refuse(f"{args.predictions} has {len(expected)} samples; the run's test split has {len(x)}")
    with torch.inference_mode():
        got = F.softmax(model(x), dim=-1)
    diff = (got - expected).abs()
    worst = diff.max().item()
    ok = worst <= args.tolerance
    print(json.dumps({"checkpoint": args.checkpoint, "model": meta["model"], "variant": meta.get("variant"),
                      "samples": len(x), "max_abs_diff": worst, "tolerance": args.tolerance,
                      "samples_over_tolerance": int((diff.max(dim=1).values > args.tolerance).sum().item()),
                      "torch": torch.__version__, "status": "ok" if ok else "MISMATCH"}))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
