#!/usr/bin/env python3
"""PyTorch peer of biomoe's Mamba mixer (Sources/Sequence/MambaMixer.swift): one Mamba block.

The block is the reference slow path of state-spaces/mamba `mamba_ssm/modules/mamba_simple.py`
`Mamba.forward` (use_fast_path=False, no causal_conv1d kernel, no inference cache), with the
scan of `mamba_ssm/ops/selective_scan_interface.py` `selective_scan_ref` (a Python loop over
time, delta_bias = dt_proj.bias, delta_softplus=True, D skip, z gate). Written from the
reference's description, not copied. With C = d_model, D = d_inner = expand·C, N = d_state,
R = dt_rank = ceil(C/16), K = d_conv = 4, on hidden [B, T, C]:

    x, z      = split(in_proj(hidden))                    in_proj: C -> 2D, no bias
    u         = silu(conv1d(x)[..., :T])                  depthwise, K taps, bias, padding K-1
    dt, Bs, Cs = split(x_proj(u))                         x_proj: D -> R + 2N, no bias
    delta     = softplus(dt_proj.weight @ dt + dt_proj.bias)
    h_t       = exp(delta_t A) * h_{t-1} + delta_t Bs_t u_t,   A = -exp(A_log)
    y_t       = <h_t, Cs_t> + D * u_t
    out       = out_proj(y * silu(z))                     out_proj: D -> C, no bias

Parameter names and shapes are PyTorch's `Mamba.state_dict()`, the ones biomoe's checkpoints
use; at the defaults (C 128, N 16, expand 2) the block has 116 480 parameters. On start the
script checks the module against biomoe's golden fixture
Tests/SequenceTests/Fixtures/mamba_block.safetensors (outputs and all gradients).

Metrics (as biomoe's `tokens_per_s_forward` / `tokens_per_s_train` in the backbones suite):
B·T / time of one forward (torch.no_grad) and of one forward + backward of an MSE loss against
a fixed random target, with the input requiring grad (the mixer's backward also returns dinp);
no optimizer step.

Two scans are timed. `ref` is selective_scan_ref as written (metrics `tokens_per_s_forward`,
`tokens_per_s_train`); `unbind` (metrics `..._unbind`) is the same loop with the per-step slices
taken by unbind, which removes the quadratic cost autograd pays for `deltaA[:, :, t]` in the
backward (see `selective_scan_unbind`). Same numbers, both checked against the fixture.
"""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

import common


def selective_scan_ref(u, delta, A, Bs, Cs, D, z, delta_bias):
    """selective_scan_ref, variable B and C. u, delta, z [b, d, l]; Bs, Cs [b, n, l]; A [d, n]."""
    delta = F.softplus(delta + delta_bias[:, None])
    batch, dim, length = u.shape
    deltaA = torch.exp(torch.einsum("bdl,dn->bdln", delta, A))          # [b, d, l, n]
    deltaB_u = torch.einsum("bdl,bnl,bdl->bdln", delta, Bs, u)           # [b, d, l, n]
    h = u.new_zeros((batch, dim, A.shape[1]))
    ys = []
    for t in range(length):
        h = deltaA[:, :, t] * h + deltaB_u[:, :, t]
        ys.append(torch.einsum("bdn,bn->bd", h, Cs[:, :, t]))
    y = torch.stack(ys, dim=2) + u * D[:, None]
    return y * F.silu(z)


def selective_scan_unbind(u, delta, A, Bs, Cs, D, z, delta_bias):
    """The same loop and arithmetic, but the per-step slices are taken once with unbind(2).

    Autograd differentiates `deltaA[:, :, t]` (above) by writing each step's gradient into a
    zero tensor of deltaA's full [b, d, l, n] size and summing the l of them: O(l^2 d n) memory
    traffic, which dominates the reference's backward. unbind's backward stacks the l slices
    once. Forward values and gradients are identical."""
    delta = F.softplus(delta + delta_bias[:, None])
    batch, dim, length = u.shape
    deltaA = torch.exp(torch.einsum("bdl,dn->bdln", delta, A)).unbind(2)
    deltaB_u = torch.einsum("bdl,bnl,bdl->bdln", delta, Bs, u).unbind(2)
    C_t = Cs.unbind(2)
    h = u.new_zeros((batch, dim, A.shape[1]))
    ys = []
    for t in range(length):
        h = deltaA[t] * h + deltaB_u[t]
        ys.append(torch.einsum("bdn,bn->bd", h, C_t[t]))
    y = torch.stack(ys, dim=2) + u * D[:, None]
    return y * F.silu(z)


SCANS = {"ref": selective_scan_ref, "unbind": selective_scan_unbind}


class Mamba(nn.Module):
    """mamba_simple.Mamba with the reference initialisation (biomoe's MambaMixer.initialize)."""

    def __init__(self, d_model, d_state=16, d_conv=4, expand=2, dt_rank=None,
                 dt_min=1e-3, dt_max=1e-1, dt_init_floor=1e-4, scan="ref"):
        super().__init__()
        self.scan = SCANS[scan]
        self.d_model, self.d_state, self.d_conv = d_model, d_state, d_conv
        self.d_inner = expand * d_model
        self.dt_rank = dt_rank or math.ceil(d_model / 16)
        D, R = self.d_inner, self.dt_rank
        self.in_proj = nn.Linear(d_model, 2 * D, bias=False)
        self.conv1d = nn.Conv1d(D, D, d_conv, groups=D, padding=d_conv - 1, bias=True)
        self.x_proj = nn.Linear(D, R + 2 * d_state, bias=False)
        self.dt_proj = nn.Linear(R, D, bias=True)
        nn.init.uniform_(self.dt_proj.weight, -R ** -0.5, R ** -0.5)
        # dt log-uniform in [dt_min, dt_max], floored; bias = softplus^-1(dt)
        dt = torch.exp(torch.rand(D) * (math.log(dt_max) - math.log(dt_min)) + math.log(dt_min))
        dt = dt.clamp(min=dt_init_floor)
        with torch.no_grad():
            self.dt_proj.bias.copy_(dt + torch.log(-torch.expm1(-dt)))
        self.A_log = nn.Parameter(torch.log(torch.arange(1, d_state + 1, dtype=torch.float32)).repeat(D, 1))
        self.D = nn.Parameter(torch.ones(D))
        self.out_proj = nn.Linear(D, d_model, bias=False)

    def forward(self, hidden):                               # [b, l, c]
        b, seqlen, c = hidden.shape
        # the slow path's xz = W_in @ hidden^T, laid out [b, 2D, l]
        xz = (self.in_proj.weight @ hidden.reshape(b * seqlen, c).t()).reshape(-1, b, seqlen).transpose(0, 1)
        A = -torch.exp(self.A_log.float())
        x, z = xz.chunk(2, dim=1)
        x = F.silu(self.conv1d(x)[..., :seqlen])             # causal: keep the first T outputs
        x_dbl = self.x_proj(x.transpose(1, 2).reshape(b * seqlen, self.d_inner))
        dt, Bs, Cs = torch.split(x_dbl, [self.dt_rank, self.d_state, self.d_state], dim=-1)
        dt = (self.dt_proj.weight @ dt.t()).reshape(self.d_inner, b, seqlen).transpose(0, 1)
        Bs = Bs.reshape(b, seqlen, self.d_state).transpose(1, 2).contiguous()
        Cs = Cs.reshape(b, seqlen, self.d_state).transpose(1, 2).contiguous()
        y = self.scan(x, dt, A, Bs, Cs, self.D.float(), z, self.dt_proj.bias.float())
        return self.out_proj(y.transpose(1, 2))


def main():
    p = common.make_parser(__doc__)
    p.add_argument("--d-model", type=int, default=128)
    p.add_argument("--d-state", type=int, default=16)
    p.add_argument("--d-conv", type=int, default=4)
    p.add_argument("--expand", type=int, default=2)
    p.add_argument("--batch", type=int, help="default 16 (--quick: 4)")
    p.add_argument("--seq-len", type=int, help="default 256 (--quick: 64)")
    p.add_argument("--scans", default="ref,unbind", help="comma-separated, of: ref, unbind")
    p.add_argument("--warmup", type=int, default=1)
    p.add_argument("--repeats", type=int, default=5, help="timed calls (--quick: 3)")
    args = p.parse_args()
    common.setup(args)
    B = args.batch or (4 if args.quick else 16)
    T = args.seq_len or (64 if args.quick else 256)
    C = args.d_model
    repeats = 3 if args.quick else args.repeats
    scans = args.scans.split(",")

    checks = {f"golden_{s}": common.check_golden("mamba_block.safetensors", lambda m, s=s: Mamba(
        int(m["d_model"]), d_state=int(m["d_state"]), d_conv=int(m["d_conv"]), expand=int(m["expand"]), scan=s))
        for s in scans}
    common.fail_on_mismatch(checks)

    model = Mamba(C, args.d_state, args.d_conv, args.expand)
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
    for s in scans:
        model.scan = SCANS[s]
        suffix = "" if s == "ref" else "_" + s
        t_fwd = common.time_calls(forward, args.warmup, repeats)
        t_train = common.time_calls(train, args.warmup, repeats)
        metrics.update(common.rate_metrics("tokens_per_s_forward" + suffix, B * T, t_fwd))
        metrics.update(common.rate_metrics("tokens_per_s_train" + suffix, B * T, t_train))
        times[s] = {"forward_s": t_fwd, "train_s": t_train}
    shape = {"batch": B, "seq_len": T, "d_model": C, "d_state": args.d_state, "d_conv": args.d_conv,
             "expand": args.expand, "d_inner": model.d_inner, "dt_rank": model.dt_rank}
    common.report(args, "mamba-block", shape, common.count_parameters(model), metrics,
                  timing={"warmup": args.warmup, "repeats": repeats, "statistic": "median (best as *_best)",
                          "train": "forward + backward of mse_loss(out, random target), input requires grad, no optimizer step",
                          "scans": "tokens_per_s_* = selective_scan_ref as written; *_unbind = same loop, slices by unbind",
                          "seconds": times},
                  checks=checks)


if __name__ == "__main__":
    main()
