#!/usr/bin/env python3
"""PyTorch peer of biomoe's linear-attention mixer (Sources/Sequence/AttentionMixer.swift with
`AttentionKind.linear`, kernels in Sources/Sequence/LinearAttention.swift).

Causal linear attention of Katharopoulos et al. (2020), multi-head, phi(x) = elu(x) + 1. As in
biomoe's AttentionMixer, the module has exactly four projections, q_proj, k_proj, v_proj and
o_proj, each C -> C WITHOUT bias (4·C² parameters: 65 536 at C = 128), no positional encoding,
no feature map parameters. Head h is columns h·E .. (h+1)·E of C (E = C/H, PyTorch's
`view(b, t, h, e)`). Per head:

    S_t = S_{t-1} + phi(k_t) v_t^T,   z_t = z_{t-1} + phi(k_t)
    y_t = phi(q_t)^T S_t / (phi(q_t)^T z_t + eps)          eps = 1e-6 (normalised; default)
    y_t = phi(q_t)^T S_t                                    (--unnormalized)
    out = o_proj(concat_h y)

The normalised form is what biomoe's backbones suite runs (`normalize: true`). Four ways to
compute the same y, each timed:

    quadratic  (phi(q) phi(k)^T).tril() @ v, the parallel O(T^2) form (biomoe's golden generator)
    cumsum     materialises every S_t: cumsum over T of the outer products phi(k_t) v_t^T
               ([B,H,T,E,E]) and of phi(k_t)
    recurrent  a Python loop over T carrying S [B,H,E,E] and z [B,H,E]
    chunked    chunks of L tokens: quadratic inside a chunk, plus the state summed over all
               earlier chunks (an exclusive cumsum of per-chunk phi(k)^T v), no Python loop

Every form is checked on start against biomoe's golden fixtures
Tests/SequenceTests/Fixtures/linear_attention_{normalized,unnormalized}.safetensors (outputs
and gradients of input and all four weights).

Metrics per form (biomoe's `tokens_per_s_forward` / `tokens_per_s_train`): B·T / time of one
forward (torch.no_grad) and of one forward + backward of an MSE loss against a fixed random
target with the input requiring grad; no optimizer step. Keys: `tokens_per_s_forward_<form>`.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

import common

FORMS = ("quadratic", "cumsum", "recurrent", "chunked")


def phi(x):
    return F.elu(x) + 1


def attend_quadratic(q, k, v, normalize, eps, chunk):
    scores = (q @ k.transpose(-1, -2)).tril()                 # [b,h,t,t]: phi(q_t).phi(k_s), s <= t
    y = scores @ v
    return y / (scores.sum(-1, keepdim=True) + eps) if normalize else y


def attend_cumsum(q, k, v, normalize, eps, chunk):
    S = torch.cumsum(k.unsqueeze(-1) * v.unsqueeze(-2), dim=2)  # [b,h,t,e,e]: S_t
    y = torch.einsum("bhte,bhtef->bhtf", q, S)
    if not normalize:
        return y
    z = torch.cumsum(k, dim=2)                                  # [b,h,t,e]: z_t
    return y / ((q * z).sum(-1, keepdim=True) + eps)


def attend_recurrent(q, k, v, normalize, eps, chunk):
    b, h, t, e = q.shape
    S = q.new_zeros(b, h, e, e)
    z = q.new_zeros(b, h, e)
    ys = []
    for q_t, k_t, v_t in zip(q.unbind(2), k.unbind(2), v.unbind(2)):   # unbind: linear-cost backward
        S = S + k_t.unsqueeze(-1) * v_t.unsqueeze(-2)
        y = (q_t.unsqueeze(-2) @ S).squeeze(-2)
        if normalize:
            z = z + k_t
            y = y / ((q_t * z).sum(-1, keepdim=True) + eps)
        ys.append(y)
    return torch.stack(ys, dim=2)


def attend_chunked(q, k, v, normalize, eps, chunk):
    b, h, t, e = q.shape
    L = min(chunk, t)
    pad = -t % L                      # zero phi(k), v and phi(q) past the end contribute nothing
    if pad:
        q, k, v = (F.pad(x, (0, 0, 0, pad)) for x in (q, k, v))
    n = (t + pad) // L
    qc, kc, vc = (x.reshape(b, h, n, L, e) for x in (q, k, v))
    scores = (qc @ kc.transpose(-1, -2)).tril()               # within a chunk [b,h,n,L,L]
    kv = kc.transpose(-1, -2) @ vc                             # per chunk sum of phi(k) v^T [b,h,n,e,e]
    S_prev = torch.cumsum(kv, dim=2) - kv                      # state after all earlier chunks
    y = scores @ vc + qc @ S_prev
    if normalize:
        ks = kc.sum(3)                                         # [b,h,n,e]
        z_prev = torch.cumsum(ks, dim=2) - ks
        den = scores.sum(-1) + (qc * z_prev.unsqueeze(3)).sum(-1)
        y = y / (den.unsqueeze(-1) + eps)
    return y.reshape(b, h, n * L, e)[:, :, :t]


ATTEND = {"quadratic": attend_quadratic, "cumsum": attend_cumsum,
          "recurrent": attend_recurrent, "chunked": attend_chunked}


class LinearAttention(nn.Module):
    """biomoe's AttentionMixer(kind: .linear(normalize:)): q/k/v/o projections, no bias."""

    def __init__(self, d_model, n_heads, normalize=True, eps=1e-6, form="cumsum", chunk=64):
        super().__init__()
        assert d_model % n_heads == 0
        self.n_heads, self.normalize, self.eps, self.form, self.chunk = n_heads, normalize, eps, form, chunk
        self.q_proj = nn.Linear(d_model, d_model, bias=False)
        self.k_proj = nn.Linear(d_model, d_model, bias=False)
        self.v_proj = nn.Linear(d_model, d_model, bias=False)
        self.o_proj = nn.Linear(d_model, d_model, bias=False)

    def forward(self, x):                                     # [b, t, c]
        b, t, c = x.shape
        h = self.n_heads
        q, k, v = (p(x).view(b, t, h, c // h).transpose(1, 2) for p in (self.q_proj, self.k_proj, self.v_proj))
        y = ATTEND[self.form](phi(q), phi(k), v, self.normalize, self.eps, self.chunk)
        return self.o_proj(y.transpose(1, 2).reshape(b, t, c))


def main():
    p = common.make_parser(__doc__)
    p.add_argument("--d-model", type=int, default=128)
    p.add_argument("--heads", type=int, default=4, help="default 4 (E = 32); biomoe's backbones suite uses 2")
    p.add_argument("--batch", type=int, help="default 16 (--quick: 4)")
    p.add_argument("--seq-len", type=int, help="default 256 (--quick: 64)")
    p.add_argument("--chunk", type=int, default=64, help="chunk length of the chunked form")
    p.add_argument("--unnormalized", action="store_true", help="y = phi(q)^T S (no denominator)")
    p.add_argument("--forms", default=",".join(FORMS))
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--repeats", type=int, default=10, help="timed calls (--quick: 3)")
    args = p.parse_args()
    common.setup(args)
    B = args.batch or (4 if args.quick else 16)
    T = args.seq_len or (64 if args.quick else 256)
    C, normalize = args.d_model, not args.unnormalized
    repeats, warmup = (3, 1) if args.quick else (args.repeats, args.warmup)
    forms = args.forms.split(",")

    checks = {}
    for form in forms:
        for fixture, norm in (("linear_attention_normalized", True), ("linear_attention_unnormalized", False)):
            checks[f"{fixture}_{form}"] = common.check_golden(fixture + ".safetensors", lambda m, f=form, n=norm: LinearAttention(
                int(m["d_model"]), int(m["n_heads"]), normalize=n, eps=float(m["eps"]), form=f, chunk=3))
    common.fail_on_mismatch(checks)

    model = LinearAttention(C, args.heads, normalize=normalize, chunk=args.chunk)
    x = torch.randn(B, T, C)
    target = torch.randn(B, T, C)
    xg = x.clone().requires_grad_(True)

    def forward():
        with torch.no_grad():
            model(x)

    def train():
        model.zero_grad(set_to_none=True)
        xg.grad = None
        F.mse_loss(model(xg), target).backward()

    metrics, times = {}, {}
    for form in forms:
        model.form = form
        t_fwd = common.time_calls(forward, warmup, repeats)
        t_train = common.time_calls(train, warmup, repeats)
        metrics.update(common.rate_metrics(f"tokens_per_s_forward_{form}", B * T, t_fwd))
        metrics.update(common.rate_metrics(f"tokens_per_s_train_{form}", B * T, t_train))
        times[form] = {"forward_s": t_fwd, "train_s": t_train}
    shape = {"batch": B, "seq_len": T, "d_model": C, "heads": args.heads, "head_dim": C // args.heads,
             "normalize": normalize, "eps": model.eps, "chunk": args.chunk,
             "projections": "q_proj, k_proj, v_proj, o_proj: C -> C, no bias"}
    common.report(args, "linear-attention", shape, common.count_parameters(model), metrics,
                  timing={"warmup": warmup, "repeats": repeats, "statistic": "median (best as *_best)",
                          "train": "forward + backward of mse_loss(out, random target), input requires grad, no optimizer step",
                          "seconds": times},
                  checks=checks)


if __name__ == "__main__":
    main()
