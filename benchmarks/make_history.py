#!/usr/bin/env python3
"""Writes a git repository with COMMITS commits and MANIFESTS go.mod files (real requirements taken from
../shared/corpus) through `git fast-import`: each commit edits a source file, and one in ten bumps a
requirement, so base and head differ in dependencies too. Usage: make_history.py CORPUS OUT [COMMITS] [MANIFESTS]"""
import os, random, subprocess, sys

from corpus_requirements import block_requirements

corpus, out = sys.argv[1], sys.argv[2]
commits = int(sys.argv[3]) if len(sys.argv) > 3 else 10000
manifests = int(sys.argv[4]) if len(sys.argv) > 4 else 50
rng = random.Random(20261128)

requires = sorted({(module, version) for _, module, version in block_requirements(corpus)})
modules = {}
for i in range(manifests):
    chosen = dict(rng.sample(requires, 40))
    modules[f"svc{i:02d}"] = chosen

def gomod(name, reqs):
    body = "\n".join(f"\t{m} {v}" for m, v in sorted(reqs.items()))
    return f"module example.com/{name}\n\ngo 1.22\n\nrequire (\n{body}\n)\n"

subprocess.run(["git", "init", "-q", "-b", "main", out], check=True)
stream = []
def blob(path, text):
    data = text.encode()
    stream.append(f"M 100644 inline {path}\ndata {len(data)}\n".encode() + data + b"\n")
for n in range(commits):
    stream.append(f"commit refs/heads/main\ncommitter bench <bench@depwatch.invalid> {1600000000 + n * 60} +0000\n".encode())
    message = f"change {n}".encode()
    stream.append(f"data {len(message)}\n".encode() + message + b"\n")
    if n == 0:
        for name, reqs in modules.items():
            blob(f"{name}/go.mod", gomod(name, reqs))
    name = f"svc{n % manifests:02d}"
    blob(f"{name}/main.go", f"package main\n\n// revision {n}\nfunc main() {{}}\n")
    if n % 10 == 9:
        module = rng.choice(sorted(modules[name]))
        version = modules[name][module]
        suffix = "+incompatible" if version.endswith("+incompatible") else ""
        parts = version.lstrip("v").split("-")[0].split("+")[0].split(".")
        if len(parts) == 3 and all(p.isdigit() for p in parts) and "-" not in version:
            modules[name][module] = f"v{parts[0]}.{parts[1]}.{int(parts[2]) + 1}{suffix}"
            blob(f"{name}/go.mod", gomod(name, modules[name]))
    stream.append(b"\n")
subprocess.run(["git", "-C", out, "fast-import", "--quiet"], input=b"".join(stream), check=True)
subprocess.run(["git", "-C", out, "checkout", "-q", "main"], check=True)
print(f"{commits} commits, {manifests} go.mod files, {len(requires)} distinct requirements to draw from")
