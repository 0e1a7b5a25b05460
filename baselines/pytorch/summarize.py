#!/usr/bin/env python3
"""Prints the figures of results/*.json (or the files given) as Markdown tables."""
import glob
import json
import os
import sys

files = sys.argv[1:] or sorted(glob.glob(os.path.join(os.path.dirname(__file__) or ".", "results", "*.json")))
runs = [(os.path.basename(f), json.load(open(f))) for f in files]


def fmt(v):
    return f"{v:,.0f}" if abs(v) >= 100 else f"{v:.4g}"


print("| file | benchmark | threads | parameters | load 1-min (start → end) | metric | median | best |")
print("|---|---|---:|---:|---|---|---:|---:|")
for name, d in runs:
    load = d.get("load_average", {})
    la = f"{load['start'][0]:.2f} → {load['end'][0]:.2f}" if load else ""
    m = d["metrics"]
    for k, v in m.items():
        if k.endswith("_best"):
            continue
        best = m.get(k + "_best")
        print(f"| {name} | {d['benchmark']} | {d['threads']} | {d['parameters']:,} | {la} | {k} | {fmt(v)} | "
              f"{fmt(best) if best is not None else ''} |")
