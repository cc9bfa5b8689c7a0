#!/usr/bin/env python3
"""Writes a realistic large Go module for benchmarks: a go.mod of about 20 KB whose requirements are real
module versions pinned across ../shared/corpus (so they meet real advisories), and a go.sum of about 350 KB
built from the corpus's own go.sum lines. Usage: make_large_gomod.py CORPUS_DIR OUT_DIR"""
import os, sys

from corpus_requirements import block_requirements

corpus, out = sys.argv[1], sys.argv[2]
requires, sums = {}, []
for _, module, version in block_requirements(corpus):
    requires.setdefault(module, version)
for root, _, names in sorted(os.walk(corpus)):
    if "go.sum" in names:
        sums.extend(open(os.path.join(root, "go.sum")).read().splitlines())

os.makedirs(out, exist_ok=True)
lines = ["module example.com/large", "", "go 1.22", "", "toolchain go1.22.1", "", "require ("]
size = sum(len(l) + 1 for l in lines)
for module, version in sorted(requires.items()):
    line = f"\t{module} {version}"
    if size + len(line) + 3 > 20 * 1024:
        break
    lines.append(line)
    size += len(line) + 1
lines.append(")")
open(os.path.join(out, "go.mod"), "w").write("\n".join(lines) + "\n")
seen, body = set(), []
size = 0
for line in sums:
    if line in seen or len(line.split()) != 3:
        continue
    seen.add(line)
    body.append(line)
    size += len(line) + 1
    if size >= 350 * 1024:
        break
open(os.path.join(out, "go.sum"), "w").write("\n".join(body) + "\n")
print(f"go.mod {os.path.getsize(os.path.join(out, 'go.mod'))} bytes, {len(lines) - 8} requirements; "
      f"go.sum {os.path.getsize(os.path.join(out, 'go.sum'))} bytes, {len(body)} lines")
