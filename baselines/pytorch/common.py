"""Shared plumbing of the PyTorch peers: command line, timing, JSON report, golden-fixture check.

Every peer script takes `--threads N` (torch.set_num_threads), `--json PATH`, `--quick` and
`--seed`, and prints (and optionally writes) one JSON object:

    {"peer": "pytorch", "torch_version": ..., "threads": N, "cpu": ..., "benchmark": NAME,
     "shape": {...}, "parameters": P, "metrics": {name: value}, "timing": {...}, "checks": {...}}

Timings: `warmup` untimed calls, then `repeats` calls timed one by one with
time.perf_counter; throughput metrics use the MEDIAN call (the best call is reported as
`<metric>_best`).
"""
import argparse
import json
import math
import os
import platform
import statistics
import struct
import sys
import time

import torch

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FIXTURES = os.path.join(REPO_ROOT, "Tests", "SequenceTests", "Fixtures")
LOAD_AT_START = os.getloadavg()


def make_parser(description):
    p = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--threads", type=int, default=1, help="torch.set_num_threads (default 1)")
    p.add_argument("--json", metavar="PATH", help="also write the JSON report here")
    p.add_argument("--quick", action="store_true", help="a few-second run (fewer repeats / batches)")
    p.add_argument("--seed", type=int, default=0)
    return p


def setup(args):
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip() + f" ({os.cpu_count()} logical CPUs)"
    except OSError:
        pass
    return platform.processor() or platform.machine()


def time_calls(fn, warmup, repeats):
    """Seconds of each of `repeats` calls of fn(), after `warmup` untimed calls."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return times


def rate_metrics(name, work, times):
    """{name: work / median time, name_best: work / best time}."""
    return {name: work / statistics.median(times), name + "_best": work / min(times)}


def percentile(values, q):
    """Nearest-rank percentile (q in 0..100) of a list."""
    s = sorted(values)
    return s[min(len(s) - 1, max(0, math.ceil(q / 100 * len(s)) - 1))]


def report(args, benchmark, shape, parameters, metrics, **extra):
    out = {"peer": "pytorch", "torch_version": torch.__version__, "threads": torch.get_num_threads(),
           "cpu": cpu_model(), "benchmark": benchmark, "shape": shape, "parameters": parameters,
           "metrics": metrics, "python": platform.python_version(), "quick": bool(args.quick),
           # other work on the machine skews timings: the 1/5/15-minute load at start and end
           "load_average": {"start": LOAD_AT_START, "end": os.getloadavg()}}
    out.update(extra)
    text = json.dumps(out, indent=2, sort_keys=False)
    print(text)
    if args.json:
        os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
        with open(args.json, "w") as f:
            f.write(text + "\n")
    return out


def count_parameters(module):
    return sum(p.numel() for p in module.parameters())


def load_safetensors(path):
    """A minimal safetensors reader (F32 / F64 only): {name: tensor}, metadata."""
    with open(path, "rb") as f:
        blob = f.read()
    (n,) = struct.unpack("<Q", blob[:8])
    header = json.loads(blob[8:8 + n])
    meta = header.pop("__metadata__", {})
    dtypes = {"F32": torch.float32, "F64": torch.float64}
    base = 8 + n
    tensors = {}
    for name, info in header.items():
        start, end = info["data_offsets"]
        raw = bytearray(blob[base + start:base + end])
        tensors[name] = torch.frombuffer(raw, dtype=dtypes[info["dtype"]]).reshape(info["shape"]).clone()
    return tensors, meta


def save_safetensors(path, tensors, metadata):
    """A minimal safetensors writer (F32, little-endian, header padded to 8 bytes), the format
    biomoe's `SafetensorsFile` reads, so fixture generators need no `safetensors` package."""
    header, chunks, offset = {"__metadata__": {k: str(v) for k, v in metadata.items()}}, [], 0
    for name in sorted(tensors):
        data = tensors[name].detach().to(torch.float32).contiguous().numpy().astype("<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(tensors[name].shape), "data_offsets": [offset, offset + len(data)]}
        chunks.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(chunks))


def check_golden(fixture, build):
    """Compares a module against one of biomoe's golden fixtures (Tests/SequenceTests/Fixtures).

    `build(meta)` returns the module (float64) for the fixture's sizes. The fixture's loss is
    sum(output * projection); outputs and every gradient must agree within 1e-5 + 1e-4·|ref|,
    the tolerance of biomoe's own Swift tests. Returns a short summary dict (or a skip note)."""
    path = os.path.join(FIXTURES, fixture)
    if not os.path.exists(path):
        return {"fixture": fixture, "status": "skipped (fixture not found)"}
    t, meta = load_safetensors(path)
    t = {k: v.double() for k, v in t.items()}
    module = build(meta).double()
    module.load_state_dict({k: v for k, v in t.items() if k in dict(module.named_parameters())}, strict=True)
    x = t["input"].clone().requires_grad_(True)
    out = module(x)
    (out * t["projection"]).sum().backward()
    pairs = [("output", out.detach()), ("grad.input", x.grad)]
    pairs += [("grad." + n, p.grad) for n, p in module.named_parameters()]
    worst, ok = 0.0, True
    for name, got in pairs:
        ref = t[name]
        diff = (got - ref).abs()
        worst = max(worst, diff.max().item())
        ok &= bool((diff <= 1e-5 + 1e-4 * ref.abs()).all())
    return {"fixture": fixture, "status": "ok" if ok else "MISMATCH", "max_abs_diff": worst, "compared": len(pairs)}


def fail_on_mismatch(checks):
    bad = [c for c in checks.values() if c.get("status") == "MISMATCH"]
    if bad:
        print(f"golden check failed: {bad}", file=sys.stderr)
        sys.exit(1)
