#!/usr/bin/env python3
"""Golden fixture for biomoe's whole attention backbone as the backbones controls train it:
learned positions, 2 layers of norm -> causal softmax attention (2 heads) -> residual -> norm ->
MLP (4C, SiLU) -> residual, final norm, untied head, cross-entropy on the scored positions only.

Writes Tests/SequenceTests/Fixtures/attention_backbone_mlp.safetensors, which
Tests/SequenceTests/AttentionBackboneGoldenTests.swift loads into a `SequenceModel` and compares
(logits, loss and every parameter's gradient within 1e-5 + 1e-4·|ref|). The model is
mqar_transformer.py's `Model`, the PyTorch peer that `peer: pytorch` trains, so this fixture ties
the peer and biomoe to the same function. Run from anywhere, torch only:

    python3 baselines/pytorch/attention_backbone_golden.py

Float64 throughout, stored as float32: the weights under their state_dict names (biomoe's),
drawn wider than the training init (so no path is negligible), `tokens` and `targets` [B,T]
(float ids; -100 = not scored, as MQAR's non-query positions), `logits` [B,T,V], `loss` [1] (the
mean over scored positions) and `grad.<name>` for every weight.
"""
import os

import torch
import torch.nn.functional as F

import common
from mqar_transformer import Model

FORMAT_VERSION = "1"
FIXTURE = "attention_backbone_mlp.safetensors"
B, T, C, V, H, LAYERS, SEED = 2, 7, 16, 13, 2, 2, 60


def main():
    torch.set_default_dtype(torch.float64)
    torch.manual_seed(SEED)
    model = Model(V, T, C, LAYERS, H, mlp=True, learned_positions=True)
    with torch.no_grad():
        for name, p in model.named_parameters():
            p.copy_(1.0 + 0.3 * torch.randn_like(p) if name.endswith("norm.weight") or name.endswith("norm2.weight")
                    or name == "norm_f.weight" else 0.5 * torch.randn_like(p))
    tokens = torch.randint(0, V, (B, T))
    targets = torch.full((B, T), -100)
    scored = torch.tensor([[1, 4, 6], [0, 3, 5]])
    targets.scatter_(1, scored, torch.randint(0, V, scored.shape))
    logits = model(tokens)
    loss = F.cross_entropy(logits.reshape(-1, V), targets.reshape(-1), ignore_index=-100)
    loss.backward()
    tensors = {"tokens": tokens.double(), "targets": targets.double(), "logits": logits.detach(), "loss": loss.detach().reshape(1)}
    for name, p in model.named_parameters():
        tensors[name] = p.detach()
        tensors["grad." + name] = p.grad
    meta = {"format_version": FORMAT_VERSION, "torch_version": torch.__version__, "B": B, "T": T, "d_model": C, "vocab": V,
            "heads": H, "layers": LAYERS, "mlp": "True", "positions": "learned", "tied": "False"}
    path = os.path.join(common.FIXTURES, FIXTURE)
    common.save_safetensors(path, tensors, meta)
    print(f"{path}: {sum(v.numel() for v in tensors.values())} floats, {os.path.getsize(path)} bytes")


if __name__ == "__main__":
    main()
