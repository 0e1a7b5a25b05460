#!/usr/bin/env python3
"""Golden fixtures for biomoe's Sequence target, from PyTorch transcriptions of the references.

Generated with torch 2.15.0 (CPU), safetensors 0.8.0, Python 3.11. Run from this directory:

    pip install torch safetensors
    python3 generate_golden.py          # rewrites *.safetensors here

Each fixture file holds, by name: the module's weights under their PyTorch state_dict names,
`input` [B,T,C], `projection` R [B,T,C], `output` [B,T,C], and `grad.<name>` for the input and
every weight, where the loss is sum(output * R). Everything is computed in float64 and stored as
float32; `__metadata__` records the format version, torch version and sizes. The Swift tests
(GoldenTests.swift) compare outputs and gradients at |swift - ref| <= 1e-5 + 1e-4 * |ref|.

Modules transcribed (read, not copied, from the references):
  * Mamba block: state-spaces/mamba mamba_ssm/modules/mamba_simple.py `Mamba.forward` slow path
    (use_fast_path=False, causal_conv1d_fn absent) with ops/selective_scan_interface.py
    `selective_scan_ref` (delta_bias = dt_proj.bias, delta_softplus=True, z gate).
  * Causal linear attention (Katharopoulos et al. 2020), phi = elu + 1, multi-head, both the
    normalised form y = phi(q)^T S / (phi(q)^T z + eps) and the unnormalised y = phi(q)^T S
    (flash-linear-attention's default), q/k/v/o projections without bias.
  * Causal softmax attention, multi-head, scaled 1/sqrt(d_head), q/k/v/o projections without bias.

softmax_attention_rope.safetensors (the same attention with rotary embeddings) is written by
baselines/pytorch/rope_golden.py, in the same layout.

Checkpoint interop (a biomoe SequenceModel checkpoint, safetensors, PyTorch names):

    BIOMOE_INTEROP_DIR=/tmp/interop swift test --filter SequenceTests.InteropTests
    python3 generate_golden.py --compare-checkpoint /tmp/interop/model.safetensors --logits /tmp/interop/logits.safetensors

The Swift test writes a seeded SequenceModel's checkpoint (Mamba mixer, 2 layers, MLP, untied
head, sizes in its metadata) and `tokens` (float32 ids, [B,T]) + `logits` [B,T,V] from
`SequenceModel.forward`; the Python side loads the checkpoint into `Backbone` below with
load_state_dict(strict=True), runs the tokens and prints the max difference, exiting non-zero
beyond 1e-5 + 1e-4*|ref|. The other direction is committed as backbone_interop.safetensors: a
torch Backbone's state_dict plus tokens and its logits, which InteropTests loads into a
SequenceModel and compares.
"""
import argparse
import math
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F
from safetensors.torch import save_file, load_file

FORMAT_VERSION = "1"
torch.set_default_dtype(torch.float64)


def selective_scan(u, delta, A, B, C, D, z, delta_bias):
    """selective_scan_ref with variable B, C [b, n, l]; u, delta, z [b, d, l]; A [d, n]."""
    delta = F.softplus(delta + delta_bias[..., None])
    batch, dim, length = u.shape
    deltaA = torch.exp(torch.einsum("bdl,dn->bdln", delta, A))
    deltaB_u = torch.einsum("bdl,bnl,bdl->bdln", delta, B, u)
    x = u.new_zeros((batch, dim, A.shape[1]))
    ys = []
    for i in range(length):
        x = deltaA[:, :, i] * x + deltaB_u[:, :, i]
        ys.append(torch.einsum("bdn,bn->bd", x, C[:, :, i]))
    y = torch.stack(ys, dim=2) + u * D[:, None]
    return y * F.silu(z)


class Mamba(nn.Module):
    """mamba_simple.Mamba, slow path, with the reference initialisation."""

    def __init__(self, d_model, d_state=16, d_conv=4, expand=2, dt_min=1e-3, dt_max=1e-1, dt_floor=1e-4):
        super().__init__()
        self.d_model, self.d_state, self.d_conv = d_model, d_state, d_conv
        self.d_inner = expand * d_model
        self.dt_rank = math.ceil(d_model / 16)
        self.in_proj = nn.Linear(d_model, 2 * self.d_inner, bias=False)
        self.conv1d = nn.Conv1d(self.d_inner, self.d_inner, d_conv, groups=self.d_inner, padding=d_conv - 1, bias=True)
        self.x_proj = nn.Linear(self.d_inner, self.dt_rank + 2 * d_state, bias=False)
        self.dt_proj = nn.Linear(self.dt_rank, self.d_inner, bias=True)
        std = self.dt_rank ** -0.5
        nn.init.uniform_(self.dt_proj.weight, -std, std)
        dt = torch.exp(torch.rand(self.d_inner) * (math.log(dt_max) - math.log(dt_min)) + math.log(dt_min)).clamp(min=dt_floor)
        with torch.no_grad():
            self.dt_proj.bias.copy_(dt + torch.log(-torch.expm1(-dt)))
        self.A_log = nn.Parameter(torch.log(torch.arange(1, d_state + 1, dtype=torch.float64)).repeat(self.d_inner, 1))
        self.D = nn.Parameter(torch.ones(self.d_inner))
        self.out_proj = nn.Linear(self.d_inner, d_model, bias=False)

    def forward(self, hidden):  # [b, l, c]
        seqlen = hidden.shape[1]
        xz = self.in_proj(hidden).transpose(1, 2)  # [b, 2d, l]
        x, z = xz.chunk(2, dim=1)
        x = F.silu(self.conv1d(x)[..., :seqlen])
        x_dbl = self.x_proj(x.transpose(1, 2))  # [b, l, r + 2n]
        dt, B, C = torch.split(x_dbl, [self.dt_rank, self.d_state, self.d_state], dim=-1)
        dt = (dt @ self.dt_proj.weight.t()).transpose(1, 2)  # [b, d, l], bias goes in the scan
        A = -torch.exp(self.A_log)
        y = selective_scan(x, dt, A, B.transpose(1, 2), C.transpose(1, 2), self.D, z, self.dt_proj.bias)
        return self.out_proj(y.transpose(1, 2))


def elu_plus_one(x):
    return F.elu(x) + 1


class LinearAttention(nn.Module):
    def __init__(self, d_model, n_heads, normalize, eps=1e-6):
        super().__init__()
        self.n_heads, self.normalize, self.eps = n_heads, normalize, eps
        self.q_proj = nn.Linear(d_model, d_model, bias=False)
        self.k_proj = nn.Linear(d_model, d_model, bias=False)
        self.v_proj = nn.Linear(d_model, d_model, bias=False)
        self.o_proj = nn.Linear(d_model, d_model, bias=False)

    def forward(self, x):
        b, t, c = x.shape
        h = self.n_heads
        q, k, v = (p(x).view(b, t, h, c // h).transpose(1, 2) for p in (self.q_proj, self.k_proj, self.v_proj))
        q, k = elu_plus_one(q), elu_plus_one(k)
        scores = (q @ k.transpose(-1, -2)).tril()  # [b, h, t, t]: phi(q_t) . phi(k_s), s <= t
        y = scores @ v
        if self.normalize:
            y = y / (scores.sum(-1, keepdim=True) + self.eps)
        return self.o_proj(y.transpose(1, 2).reshape(b, t, c))


class SoftmaxAttention(nn.Module):
    def __init__(self, d_model, n_heads):
        super().__init__()
        self.n_heads = n_heads
        self.q_proj = nn.Linear(d_model, d_model, bias=False)
        self.k_proj = nn.Linear(d_model, d_model, bias=False)
        self.v_proj = nn.Linear(d_model, d_model, bias=False)
        self.o_proj = nn.Linear(d_model, d_model, bias=False)

    def forward(self, x):
        b, t, c = x.shape
        h = self.n_heads
        q, k, v = (p(x).view(b, t, h, c // h).transpose(1, 2) for p in (self.q_proj, self.k_proj, self.v_proj))
        att = (q @ k.transpose(-1, -2)) / math.sqrt(c // h)
        att = att.masked_fill(torch.ones(t, t, dtype=torch.bool).triu(1), float("-inf")).softmax(-1)
        return self.o_proj((att @ v).transpose(1, 2).reshape(b, t, c))


class RMSNorm(nn.Module):
    """mamba_ssm rms_norm_ref: x * rsqrt(mean(x^2) + eps) * weight."""

    def __init__(self, d, eps=1e-5):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(d))

    def forward(self, x):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps) * self.weight


class MLP(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.fc1 = nn.Linear(d, 4 * d, bias=False)
        self.fc2 = nn.Linear(4 * d, d, bias=False)

    def forward(self, x):
        return self.fc2(F.silu(self.fc1(x)))


class Layer(nn.Module):
    def __init__(self, d, mixer, mlp):
        super().__init__()
        self.norm, self.mixer = RMSNorm(d), mixer
        if mlp:
            self.norm2, self.mlp = RMSNorm(d), MLP(d)

    def forward(self, h):
        h = h + self.mixer(self.norm(h))
        if hasattr(self, "mlp"):
            h = h + self.mlp(self.norm2(h))
        return h


class Backbone(nn.Module):
    """biomoe SequenceModel: embedding -> layers -> RMSNorm -> lm_head (untied)."""

    def __init__(self, vocab, d, n_layers, make_mixer, mlp=True):
        super().__init__()
        self.embedding = nn.Embedding(vocab, d)
        self.layers = nn.ModuleList([Layer(d, make_mixer(), mlp) for _ in range(n_layers)])
        self.norm_f = RMSNorm(d)
        self.lm_head = nn.Linear(d, vocab, bias=False)

    def forward(self, tokens):
        h = self.embedding(tokens)
        for layer in self.layers:
            h = layer(h)
        return self.lm_head(self.norm_f(h))


def interop_backbone(vocab=11, d=16, n_layers=2):
    return Backbone(vocab, d, n_layers, lambda: Mamba(d, d_state=4, d_conv=4, expand=2))


def compare(model_path, logits_path):
    """Loads a biomoe checkpoint into the torch Backbone and compares logits; returns an exit code."""
    state = {k: v.to(torch.float64) for k, v in load_file(model_path).items()}
    ref = load_file(logits_path)
    vocab, d = state["embedding.weight"].shape
    n_layers = len({k.split(".")[1] for k in state if k.startswith("layers.")})
    model = interop_backbone(vocab, d, n_layers)
    model.load_state_dict(state, strict=True)
    with torch.no_grad():
        logits = model(ref["tokens"].long()).to(torch.float32)
    diff = (logits - ref["logits"]).abs()
    ok = bool((diff <= 1e-5 + 1e-4 * ref["logits"].abs()).all())
    print(f"torch {torch.__version__}: max |torch - biomoe| logits difference {diff.max().item():.3e} -> {'OK' if ok else 'MISMATCH'}")
    return 0 if ok else 1


def write_interop_fixture():
    torch.manual_seed(40)
    model = interop_backbone()
    tokens = torch.randint(0, 11, (2, 6))
    with torch.no_grad():
        logits = model(tokens)
    tensors = {k: v.detach().to(torch.float32).contiguous() for k, v in model.state_dict().items()}
    tensors["tokens"] = tokens.to(torch.float32)
    tensors["logits"] = logits.to(torch.float32)
    meta = {"format_version": FORMAT_VERSION, "torch_version": torch.__version__, "vocab": "11", "d_model": "16",
            "layers": "2", "d_state": "4", "d_conv": "4", "expand": "2", "mlp": "True", "tied": "False", "B": "2", "T": "6"}
    save_file(tensors, "backbone_interop.safetensors", metadata=meta)
    print("backbone_interop.safetensors written")


def write_fixture(path, module, x, sizes, seed):
    """Runs module on x, backpropagates sum(out * R), writes everything as float32."""
    torch.manual_seed(seed + 1)
    x = x.clone().requires_grad_(True)
    out = module(x)
    R = torch.randn_like(out)
    (out * R).sum().backward()
    tensors = {"input": x.detach(), "projection": R, "output": out.detach(), "grad.input": x.grad}
    for name, p in module.named_parameters():
        tensors[name] = p.detach()
        tensors["grad." + name] = p.grad
    tensors = {k: v.to(torch.float32).contiguous() for k, v in tensors.items()}
    meta = {"format_version": FORMAT_VERSION, "torch_version": torch.__version__, **{k: str(v) for k, v in sizes.items()}}
    save_file(tensors, path, metadata=meta)
    print(f"{path}: {sum(v.numel() for v in tensors.values())} floats")


def generate():
    B, T, C = 2, 7, 16
    torch.manual_seed(0)
    mamba = Mamba(C, d_state=4, d_conv=4, expand=2)
    with torch.no_grad():  # move A_log and D off their structured init so their gradients are generic
        mamba.A_log.add_(0.1 * torch.randn_like(mamba.A_log))
        mamba.D.add_(0.1 * torch.randn_like(mamba.D))
    x = torch.randn(B, T, C)
    write_fixture("mamba_block.safetensors", mamba, x, dict(B=B, T=T, d_model=C, d_state=4, d_conv=4, expand=2, dt_rank=mamba.dt_rank), 0)
    for seed, normalize in ((10, True), (20, False)):
        torch.manual_seed(seed)
        attn = LinearAttention(C, n_heads=2, normalize=normalize)
        x = torch.randn(B, T, C)
        name = "linear_attention_normalized" if normalize else "linear_attention_unnormalized"
        write_fixture(name + ".safetensors", attn, x, dict(B=B, T=T, d_model=C, n_heads=2, normalize=normalize, eps=1e-6), seed)
    torch.manual_seed(30)
    attn = SoftmaxAttention(C, n_heads=2)
    x = torch.randn(B, T, C)
    write_fixture("softmax_attention.safetensors", attn, x, dict(B=B, T=T, d_model=C, n_heads=2), 30)
    write_interop_fixture()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compare-checkpoint", metavar="MODEL")
    parser.add_argument("--logits", metavar="FILE")
    args = parser.parse_args()
    if args.compare_checkpoint:
        sys.exit(compare(args.compare_checkpoint, args.logits))
    generate()
