#!/usr/bin/env python3
"""Golden fixture for biomoe's rotary position embedding: causal softmax attention with RoPE.

Writes Tests/SequenceTests/Fixtures/softmax_attention_rope.safetensors, which
Tests/SequenceTests/RotaryTests.swift compares with `AttentionMixer(kind: .softmax, rope: true)`
(output and every gradient within 1e-5 + 1e-4·|ref|). Run from anywhere, torch only:

    python3 baselines/pytorch/rope_golden.py

The module is the softmax attention of Tests/SequenceTests/Fixtures/generate_golden.py
(q/k/v/o projections C -> C without bias, H heads of E = C/H, causal, scaled 1/sqrt(E)) with the
rotary embedding of Su et al. (2021, RoFormer) applied to q and k of every head, transcribed
from Hugging Face transformers' llama (`LlamaRotaryEmbedding`, `rotate_half`,
`apply_rotary_pos_emb`), the GPT-NeoX layout: the features of a head pair up as (i, i + E/2),

    theta_i = base^(-2i/E),  angle = t * theta_i           (i < E/2, base 10000, t = 0, 1, ...)
    q'_i       = q_i cos - q_{i+E/2} sin
    q'_{i+E/2} = q_{i+E/2} cos + q_i sin                    (the same for k)

Everything is computed in float64 and stored as float32, in the layout of the other fixtures:
the weights under their state_dict names, `input` [B,T,C], `projection` R, `output`, and
`grad.<name>` for the input and every weight, where the loss is sum(output * R). The script
then reloads the file and checks it against the module (common.check_golden).
"""
import math
import os

import torch
import torch.nn as nn

import common

FORMAT_VERSION = "1"
FIXTURE = "softmax_attention_rope.safetensors"
B, T, C, H, BASE, SEED = 2, 9, 16, 2, 10000.0, 50


def rotate_half(x):
    half = x.shape[-1] // 2
    return torch.cat((-x[..., half:], x[..., :half]), dim=-1)


def rotary_cos_sin(T, E, base):
    """cos, sin [T, E] of LlamaRotaryEmbedding: angles t * inv_freq, repeated for both halves."""
    inv_freq = 1.0 / (base ** (torch.arange(0, E, 2, dtype=torch.float64) / E))
    freqs = torch.arange(T, dtype=torch.float64)[:, None] * inv_freq[None, :]
    angles = torch.cat((freqs, freqs), dim=-1)
    return angles.cos(), angles.sin()


class RotarySoftmaxAttention(nn.Module):
    def __init__(self, d_model, n_heads, base=BASE):
        super().__init__()
        self.n_heads, self.base = n_heads, base
        self.q_proj = nn.Linear(d_model, d_model, bias=False)
        self.k_proj = nn.Linear(d_model, d_model, bias=False)
        self.v_proj = nn.Linear(d_model, d_model, bias=False)
        self.o_proj = nn.Linear(d_model, d_model, bias=False)

    def forward(self, x):
        b, t, c = x.shape
        h, e = self.n_heads, c // self.n_heads
        q, k, v = (p(x).view(b, t, h, e).transpose(1, 2) for p in (self.q_proj, self.k_proj, self.v_proj))
        cos, sin = rotary_cos_sin(t, e, self.base)           # broadcast over [b, h, t, e]
        q = q * cos + rotate_half(q) * sin                    # apply_rotary_pos_emb
        k = k * cos + rotate_half(k) * sin
        att = (q @ k.transpose(-1, -2)) / math.sqrt(e)
        att = att.masked_fill(torch.ones(t, t, dtype=torch.bool).triu(1), float("-inf")).softmax(-1)
        return self.o_proj((att @ v).transpose(1, 2).reshape(b, t, c))


def main():
    torch.set_default_dtype(torch.float64)
    torch.manual_seed(SEED)
    module = RotarySoftmaxAttention(C, H)
    x = torch.randn(B, T, C).requires_grad_(True)
    out = module(x)
    R = torch.randn_like(out)
    (out * R).sum().backward()
    tensors = {"input": x.detach(), "projection": R, "output": out.detach(), "grad.input": x.grad}
    for name, p in module.named_parameters():
        tensors[name] = p.detach()
        tensors["grad." + name] = p.grad
    meta = {"format_version": FORMAT_VERSION, "torch_version": torch.__version__, "B": B, "T": T, "d_model": C,
            "n_heads": H, "rope_base": BASE, "rope_layout": "rotate_half"}
    path = os.path.join(common.FIXTURES, FIXTURE)
    common.save_safetensors(path, tensors, meta)
    check = common.check_golden(FIXTURE, lambda m: RotarySoftmaxAttention(int(m["d_model"]), int(m["n_heads"]), float(m["rope_base"])))
    print(f"{path}: {sum(v.numel() for v in tensors.values())} floats, {os.path.getsize(path)} bytes; reload check {check}")
    common.fail_on_mismatch({"rope": check})


if __name__ == "__main__":
    main()
