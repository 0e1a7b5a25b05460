#!/usr/bin/env python3
"""PyTorch peer of biomoe's routing suite (experts/routing.yaml) on Fashion-MNIST: the MoE
classifier of variant `softmax-e8` (default, `--model moe`) and the `dense-mlp` reference
(`--model mlp`).

MoE (biomoe Sources/MoE/MoEClassifier.swift, MoELayer.swift, SoftmaxGate.swift, Expert.swift,
LoadBalancing.swift; settings from routing.yaml `base` + `softmax-e8`):

    h      = relu(input(x))                      input: Linear 784 -> 256 (bias)
    p      = softmax(router(h))                  router: Linear 256 -> E = 8 (bias), temperature 1
    i, w   = top-2 of p, w renormalised to sum 1 over the two
    moe(h) = sum_j w_j * expert_{i_j}(h)         expert: Linear 256 -> 128, relu, Linear 128 -> 256
    logits = output(h + moe(h))                  residual; output: Linear 256 -> 10 (bias)
    loss   = CE(logits, y) + aux,  aux = alpha * E * sum_i f_i P_i   (`switch-all-slots`, alpha 0.1)

with f_i the share of ALL k·B routing slots that went to expert i (a count: no gradient) and
P_i the batch mean of p_i. No capacity limit, routed learning (only the chosen experts train).
Dispatch is sparse as in Hugging Face `MixtralSparseMoeBlock`: for each expert the rows routed
to it are gathered (torch.where on a one-hot mask), run through it, scaled by their weights and
index_add-ed back. 732 946 parameters, named as in biomoe's parameter table (input.*, router.*,
experts.<e>.fc1/fc2.*, output.*). Dense MLP: 784 -> 256 -> 10, relu, 203 530 parameters.

Training as biomoe's image-classification experiment: Adam (lr 1e-3, betas 0.9/0.999, eps 1e-8,
no weight decay), batch 128, 10 epochs, pixels byte/255, train = the first 55 000 images of the
training file (validation = the last 5 000), reshuffled every epoch, last partial batch kept;
test = the official 10 000. PyTorch's default Linear init is biomoe's (U(+-1/sqrt(fan_in))).

Metrics: train_samples_per_s (images trained / seconds in the training loops, evaluation
excluded: biomoe's `train_throughput`), latency_batch1_p50_us / _p95_us / _p99_us (forward +
softmax of one test image, 50 warm-up calls then `--latency-samples` timed, biomoe's
latency_p50/p99), and, on a full run, test_accuracy, val_accuracy, final_train_loss and for the
MoE min_utilization_ratio and load_cv on the test set (biomoe's conventions). --quick trains
60 batches and times 300 latency calls, without accuracies.
"""
import gzip
import os
import struct
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

import common


def read_idx(path):
    with gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb") as f:
        data = f.read()
    _, dtype, ndim = struct.unpack(">HBB", data[:4])
    assert dtype == 0x08, f"{path}: expected unsigned bytes"
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def load_split(directory, prefix):
    def find(stem):
        for name in (stem + ".gz", stem):
            if os.path.exists(os.path.join(directory, name)):
                return os.path.join(directory, name)
        sys.exit(f"{directory}/{stem}.gz not found: apt-get install dataset-fashion-mnist, or pass --data-dir")
    images = read_idx(find(f"{prefix}-images-idx3-ubyte"))
    labels = read_idx(find(f"{prefix}-labels-idx1-ubyte"))
    x = torch.from_numpy(images.reshape(len(images), -1).astype(np.float32) / np.float32(255))
    return x, torch.from_numpy(labels.astype(np.int64))


class Expert(nn.Module):
    def __init__(self, d, hidden):
        super().__init__()
        self.fc1, self.fc2 = nn.Linear(d, hidden), nn.Linear(hidden, d)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


class MoEClassifier(nn.Module):
    def __init__(self, inputs=784, width=256, classes=10, experts=8, top_k=2, expert_hidden=128, alpha=0.1):
        super().__init__()
        self.E, self.k, self.alpha = experts, top_k, alpha
        self.input = nn.Linear(inputs, width)
        self.router = nn.Linear(width, experts)
        self.experts = nn.ModuleList(Expert(width, expert_hidden) for _ in range(experts))
        self.output = nn.Linear(width, classes)
        self.last_indices = None

    def moe(self, h):
        probs = F.softmax(self.router(h), dim=-1)                      # [n, E]
        weights, indices = torch.topk(probs, self.k, dim=-1)           # [n, k]
        weights = weights / weights.sum(dim=-1, keepdim=True)
        self.last_indices = indices
        out = torch.zeros_like(h)
        mask = F.one_hot(indices, self.E).permute(2, 1, 0)             # [E, k, n]
        for e, expert in enumerate(self.experts):
            slot, rows = torch.where(mask[e])
            if rows.numel() == 0:
                continue
            out.index_add_(0, rows, expert(h[rows]) * weights[rows, slot, None])
        # switch-all-slots: alpha * E * sum_i f_i P_i, f over all k slots (counts, no gradient)
        f = torch.bincount(indices.flatten(), minlength=self.E).to(h.dtype) / indices.numel()
        aux = self.alpha * self.E * (f * probs.mean(0)).sum()
        return out, aux

    def forward(self, x):
        h = F.relu(self.input(x))
        m, aux = self.moe(h)
        return self.output(h + m), aux


class MLPClassifier(nn.Module):
    def __init__(self, widths=(784, 256, 10)):
        super().__init__()
        self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(widths[:-1], widths[1:]))
        self.last_indices = None

    def forward(self, x):
        for layer in self.layers[:-1]:
            x = F.relu(layer(x))
        return self.layers[-1](x), x.new_zeros(())


def evaluate(model, x, y, experts):
    """Accuracy, and for the MoE the utilisation of each expert over all k slots."""
    correct, counts = 0, torch.zeros(experts or 1)
    with torch.inference_mode():
        for s in range(0, len(x), 1000):
            logits, _ = model(x[s:s + 1000])
            correct += (logits.argmax(1) == y[s:s + 1000]).sum().item()
            if experts:
                counts += torch.bincount(model.last_indices.flatten(), minlength=experts)
    return correct / len(x), (counts / counts.sum()).tolist()


def main():
    p = common.make_parser(__doc__)
    p.add_argument("--model", choices=("moe", "mlp"), default="moe")
    p.add_argument("--data-dir", default="/usr/share/datasets/fashion-mnist")
    p.add_argument("--epochs", type=int, default=10)
    p.add_argument("--batch-size", type=int, default=128)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--experts", type=int, default=8)
    p.add_argument("--top-k", type=int, default=2)
    p.add_argument("--alpha", type=float, default=0.1, help="switch-all-slots coefficient")
    p.add_argument("--validation-size", type=int, default=5000)
    p.add_argument("--latency-samples", type=int, default=2000)
    args = p.parse_args()
    common.setup(args)

    x_full, y_full = load_split(args.data_dir, "train")
    x_test, y_test = load_split(args.data_dir, "t10k")
    n_train = len(x_full) - args.validation_size
    x_train, y_train, x_val, y_val = x_full[:n_train], y_full[:n_train], x_full[n_train:], y_full[n_train:]

    if args.model == "moe":
        model = MoEClassifier(experts=args.experts, top_k=args.top_k, alpha=args.alpha)
        benchmark = f"fashion-moe-softmax-e{args.experts}"
        shape = {"inputs": 784, "model_width": 256, "experts": args.experts, "top_k": args.top_k,
                 "expert_hidden": 128, "classes": 10, "router": "softmax", "load_balancing": "switch-all-slots",
                 "balance_coefficient": args.alpha, "dispatch": "sparse (gather / index_add)"}
    else:
        model = MLPClassifier()
        benchmark = "fashion-dense-mlp"
        shape = {"widths": [784, 256, 10]}
    shape.update(batch_size=args.batch_size, epochs=args.epochs, train_images=n_train, optimizer="adam",
                 learning_rate=args.lr)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr, betas=(0.9, 0.999), eps=1e-8)
    # biomoe's Adam steps every parameter each batch, an expert that got no rows with a zero
    # gradient; PyTorch's skips parameters whose .grad is None, so keep zero tensors instead.
    for q in model.parameters():
        q.grad = torch.zeros_like(q)
    shuffle = torch.Generator().manual_seed(args.seed)

    max_batches = 60 if args.quick else None
    epochs = 1 if args.quick else args.epochs
    trained, train_seconds, losses = 0, 0.0, []
    for epoch in range(epochs):
        order = torch.randperm(n_train, generator=shuffle)
        model.train()
        loss_sum, batches = 0.0, 0
        t0 = time.perf_counter()
        for s in range(0, n_train, args.batch_size):
            idx = order[s:s + args.batch_size]
            logits, aux = model(x_train[idx])
            ce = F.cross_entropy(logits, y_train[idx])
            opt.zero_grad(set_to_none=False)
            (ce + aux).backward()
            opt.step()
            loss_sum += ce.item()
            batches += 1
            trained += len(idx)
            if max_batches and batches >= max_batches:
                break
        train_seconds += time.perf_counter() - t0
        losses.append(loss_sum / batches)
        print(f"epoch {epoch + 1}/{epochs}: loss {losses[-1]:.4f} ({train_seconds:.1f} s)", file=sys.stderr)

    metrics = {"train_samples_per_s": trained / train_seconds, "train_seconds": train_seconds}
    model.eval()
    experts = args.experts if args.model == "moe" else 0
    if not args.quick:
        metrics["test_accuracy"], util = evaluate(model, x_test, y_test, experts)
        metrics["val_accuracy"], _ = evaluate(model, x_val, y_val, experts)
        metrics["final_train_loss"] = losses[-1]
        if experts:
            u = torch.tensor(util)
            metrics["min_utilization_ratio"] = u.min().item() * experts
            metrics["load_cv"] = (u.std(unbiased=False) / u.mean()).item()

    n_lat = 300 if args.quick else args.latency_samples
    samples = []
    with torch.inference_mode():
        for i in range(-50, n_lat):
            x1 = x_test[(i + 50) % len(x_test)].unsqueeze(0)
            t0 = time.perf_counter()
            F.softmax(model(x1)[0], dim=-1)
            if i >= 0:
                samples.append(time.perf_counter() - t0)
    us = [s * 1e6 for s in samples]
    metrics.update(latency_batch1_p50_us=common.percentile(us, 50), latency_batch1_p95_us=common.percentile(us, 95),
                   latency_batch1_p99_us=common.percentile(us, 99), latency_batch1_max_us=max(us))
    common.report(args, benchmark, shape, common.count_parameters(model), metrics,
                  training={"epochs_run": epochs, "batches_per_epoch_cap": max_batches, "images_trained": trained,
                            "train_loss_per_epoch": losses},
                  timing={"latency_samples": n_lat, "latency_warmup": 50,
                          "latency": "forward + softmax of one test image, torch.inference_mode, nearest-rank percentiles"})


if __name__ == "__main__":
    main()
