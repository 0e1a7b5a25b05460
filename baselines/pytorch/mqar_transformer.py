"""The backbones suites' attention model trained on MQAR in PyTorch: an independent check of
whether a control's failure is biomoe's or the recipe's.

The model is biomoe's `SequenceModel` with a softmax-attention mixer, written from its doc
comment, not from its code:

    h0 = embedding[tokens] + pos_embedding[t]              (both ~ N(0, 0.02^2); pos with --positions learned)
    h' = h + attention(rmsnorm(h))                          q, k, v, o: C x C, no bias, U(+-1/sqrt C)
    h  = h' + fc2(silu(fc1(rmsnorm(h'))))                   with --mlp; fc1 4C x C, fc2 C x 4C, no bias
    logits = lm_head(rmsnorm(h_L))                          lm_head: V x C, no bias, U(+-1/sqrt C) (untied)

trained as the suite trains: AdamW (betas 0.9 / 0.999, eps 1e-8, weight decay on every
parameter), a linear warm-up then a cosine to min_lr_ratio x the rate, global-norm clipping,
fresh MQAR batches every step (Zoology's `multiquery_ar`: keys from [1, V/2), values from
[V/2, V), power-law gaps with a = 0.01, `random_non_queries` as given), validation accuracy on
`--eval-sequences` sequences every `--eval-every` steps, stop at `--stop-accuracy`; then test
accuracy on as many fresh sequences. The random streams are numpy's and torch's, not biomoe's Philox, so runs agree
with biomoe's in distribution, not bit for bit.

    python3 mqar_transformer.py --mlp --heads 2 --steps 3000 --json /tmp/mqar-mlp-seed0.json

`biomoe run` calls it for a sequence variant with `peer: pytorch` (HarnessRun's
SequencePeer) and records the JSON's metrics and curve as that run's.
"""
import argparse
import math
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

import common


def mqar_batch(rng, count, T, K, V, random_non_queries, power_a=0.01):
    """`count` MQAR sequences (tokens, targets) as Zoology generates them; targets -100 except at
    the K query positions, where the target is the queried key's value."""
    half = V // 2
    space = (T - 2 * K) // 2
    p = power_a * np.arange(1, space + 1) ** (power_a - 1)
    p = p / p.sum()
    tokens = np.zeros((count, T), dtype=np.int64)
    targets = np.full((count, T), -100, dtype=np.int64)
    for n in range(count):
        keys = rng.choice(np.arange(1, half), size=K, replace=False)
        values = rng.choice(np.arange(half, V), size=K, replace=False)
        tokens[n, 0:2 * K:2] = keys
        tokens[n, 1:2 * K:2] = values
        gaps = rng.choice(space, size=K, replace=False, p=p)
        positions = 2 * K + 2 * gaps
        tokens[n, positions] = keys
        targets[n, positions] = values
        if random_non_queries:
            region = tokens[n, 2 * K:]
            zero = region == 0
            region[zero] = rng.integers(0, V, size=int(zero.sum()))
    return torch.from_numpy(tokens), torch.from_numpy(targets)


class RMSNorm(nn.Module):
    def __init__(self, C, eps=1e-5):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(C))
        self.eps = eps

    def forward(self, x):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps) * self.weight


def uniform_linear(inp, out):
    layer = nn.Linear(inp, out, bias=False)
    nn.init.uniform_(layer.weight, -1 / math.sqrt(inp), 1 / math.sqrt(inp))
    return layer


class Attention(nn.Module):
    def __init__(self, C, H):
        super().__init__()
        self.H = H
        self.q_proj, self.k_proj, self.v_proj, self.o_proj = (uniform_linear(C, C) for _ in range(4))

    def forward(self, x):
        B, T, C = x.shape
        split = lambda t: t.view(B, T, self.H, C // self.H).transpose(1, 2)
        y = F.scaled_dot_product_attention(split(self.q_proj(x)), split(self.k_proj(x)), split(self.v_proj(x)), is_causal=True)
        return self.o_proj(y.transpose(1, 2).reshape(B, T, C))


class MLP(nn.Module):
    def __init__(self, C):
        super().__init__()
        self.fc1, self.fc2 = uniform_linear(C, 4 * C), uniform_linear(4 * C, C)

    def forward(self, x):
        return self.fc2(F.silu(self.fc1(x)))


class Block(nn.Module):
    def __init__(self, C, H, mlp):
        super().__init__()
        self.norm, self.mixer = RMSNorm(C), Attention(C, H)
        if mlp:
            self.norm2, self.mlp = RMSNorm(C), MLP(C)
        else:
            self.mlp = None

    def forward(self, h):
        h = h + self.mixer(self.norm(h))
        if self.mlp is not None:
            h = h + self.mlp(self.norm2(h))
        return h


class Model(nn.Module):
    """Parameter names are biomoe's (`SequenceModel.parameters`), so a state_dict and a biomoe
    checkpoint load into each other."""

    def __init__(self, V, T, C, layers, H, mlp, learned_positions):
        super().__init__()
        # N(0, 0.02^2) drawn here (`_weight` skips nn.Embedding's own init), token rows first.
        self.embedding = nn.Embedding(V, C, _weight=torch.randn(V, C) * 0.02)
        self.pos_embedding = nn.Embedding(T, C, _weight=torch.randn(T, C) * 0.02) if learned_positions else None
        self.layers = nn.ModuleList(Block(C, H, mlp) for _ in range(layers))
        self.norm_f = RMSNorm(C)
        self.lm_head = uniform_linear(C, V)

    def forward(self, tokens):
        h = self.embedding(tokens)
        if self.pos_embedding is not None:
            h = h + self.pos_embedding.weight[: tokens.shape[1]]
        for layer in self.layers:
            h = layer(h)
        return self.lm_head(self.norm_f(h))


def accuracy(model, tokens, targets):
    with torch.no_grad():
        predicted = model(tokens).argmax(-1)
    scored = targets != -100
    return (predicted[scored] == targets[scored]).float().mean().item()


def main():
    p = common.make_parser(__doc__)
    p.add_argument("--mlp", action=argparse.BooleanOptionalAction, default=True)
    p.add_argument("--positions", choices=["learned", "none"], default="learned")
    p.add_argument("--heads", type=int, default=2)
    p.add_argument("--layers", type=int, default=2)
    p.add_argument("--d-model", type=int, default=64)
    p.add_argument("--seq-len", type=int, default=64)
    p.add_argument("--kv-pairs", type=int, default=4)
    p.add_argument("--vocab", type=int, default=512)
    p.add_argument("--power-a", type=float, default=0.01)
    p.add_argument("--random-non-queries", action="store_true")
    p.add_argument("--lr", type=float, default=3e-3)
    p.add_argument("--beta1", type=float, default=0.9)
    p.add_argument("--beta2", type=float, default=0.999)
    p.add_argument("--eps", type=float, default=1e-8)
    p.add_argument("--weight-decay", type=float, default=0.1)
    p.add_argument("--schedule", choices=["cosine", "constant"], default="cosine")
    p.add_argument("--warmup", type=int, default=100)
    p.add_argument("--min-lr-ratio", type=float, default=0.1)
    p.add_argument("--clip", type=float, default=1.0, help="global-norm clipping; 0 = none")
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--steps", type=int, default=3000)
    p.add_argument("--eval-every", type=int, default=100)
    p.add_argument("--eval-sequences", type=int, default=1000, help="validation and test sequences each")
    p.add_argument("--stop-accuracy", type=float, default=0.99, help="stop when validation reaches it; 0 = never")
    args = p.parse_args()
    common.setup(args)
    rng = np.random.default_rng(args.seed)
    T, K, V = args.seq_len, args.kv_pairs, args.vocab
    batch = lambda count: mqar_batch(rng, count, T, K, V, args.random_non_queries, args.power_a)
    model = Model(V, T, args.d_model, args.layers, args.heads, args.mlp, args.positions == "learned")
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, betas=(args.beta1, args.beta2), eps=args.eps,
                                  weight_decay=args.weight_decay)

    def rate(step):  # 1-based, as biomoe's LearningRateSchedule
        if step <= args.warmup:
            return args.lr * step / args.warmup
        if args.schedule == "constant":
            return args.lr
        progress = min(1.0, (step - args.warmup) / max(1, args.steps - args.warmup))
        return args.lr * (args.min_lr_ratio + (1 - args.min_lr_ratio) * 0.5 * (1 + math.cos(math.pi * progress)))

    validation, test = batch(args.eval_sequences), batch(args.eval_sequences)
    curve, to90, seconds = [], None, 0.0
    interval_loss, interval_norm, interval_steps = 0.0, 0.0, 0
    for step in range(1, args.steps + 1):
        tokens, targets = batch(args.batch)
        for group in optimizer.param_groups:
            group["lr"] = rate(step)
        started = time.perf_counter()
        loss = F.cross_entropy(model(tokens).reshape(-1, V), targets.reshape(-1), ignore_index=-100)
        optimizer.zero_grad()
        loss.backward()
        norm = torch.nn.utils.clip_grad_norm_(model.parameters(), args.clip if args.clip > 0 else float("inf"))
        optimizer.step()
        seconds += time.perf_counter() - started
        interval_loss, interval_norm, interval_steps = interval_loss + loss.item(), interval_norm + norm.item(), interval_steps + 1
        if step % args.eval_every == 0 or step == args.steps:
            figure = accuracy(model, *validation)
            curve.append({"step": step, "train_loss": interval_loss / interval_steps,
                          "grad_norm": interval_norm / interval_steps, "val_accuracy": figure})
            print(f"step {step} loss {interval_loss / interval_steps:.4f} val {figure:.4f}", file=sys.stderr, flush=True)
            last_loss = interval_loss / interval_steps
            interval_loss, interval_norm, interval_steps = 0.0, 0.0, 0
            if to90 is None and figure >= 0.9:
                to90 = step * args.batch
            if args.stop_accuracy > 0 and figure >= args.stop_accuracy:
                break
    metrics = {"val_accuracy": accuracy(model, *validation), "test_accuracy": accuracy(model, *test),
               "steps_trained": step, "train_sequences": step * args.batch,
               "final_train_loss": last_loss, "train_seconds": seconds}
    if to90 is not None:  # JSON has no NaN: a run that never reached 90 % has no sequences_to_90
        metrics["sequences_to_90"] = to90
    shape = {"d_model": args.d_model, "layers": args.layers, "heads": args.heads, "mlp": args.mlp,
             "positions": args.positions, "seq_len": T, "num_kv_pairs": K, "vocab_size": V, "batch": args.batch,
             "lr": args.lr, "steps": args.steps}
    common.report(args, "mqar-transformer", shape=shape, parameters=common.count_parameters(model), metrics=metrics,
                  curve=curve)


if __name__ == "__main__":
    main()
