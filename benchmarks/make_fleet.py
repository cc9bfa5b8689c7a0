#!/usr/bin/env python3
"""Writes COUNT bare git repositories for the scan benchmark, each with one commit made through
`git fast-import`: nine in ten hold a go.mod of 40 real requirements drawn from ../shared/corpus (one in
five of those also pins github.com/bluele/gcache v0.0.1), one in ten a Package.resolved pinning
swift-nio-http2 at a version drawn from 1.18.0–1.20.1. Usage: make_fleet.py CORPUS OUT [COUNT]"""
import os, random, subprocess, sys

from corpus_requirements import block_requirements

corpus, out = sys.argv[1], sys.argv[2]
count = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
rng = random.Random(20261128)
requires = sorted({(module, version) for _, module, version in block_requirements(corpus)})
os.makedirs(out, exist_ok=True)

def commit(path, files):
    stream = [b"commit refs/heads/main\ncommitter fleet <fleet@depwatch.invalid> 1790000000 +0000\ndata 4\nscan\n"]
    for name, text in files.items():
        data = text.encode()
        stream.append(f"M 100644 inline {name}\ndata {len(data)}\n".encode() + data + b"\n")
    stream.append(b"\n")
    subprocess.run(["git", "init", "-q", "--bare", "--template=", "-b", "main", path], check=True)
    subprocess.run(["git", "-C", path, "fast-import", "--quiet"], input=b"".join(stream), check=True)

for i in range(count):
    name = f"svc-{i:04d}"
    if i % 10 == 9:
        version = rng.choice(["1.18.0", "1.19.0", "1.19.2", "1.20.1"])
        resolved = ('{"pins": [{"identity": "swift-nio-http2", "kind": "remoteSourceControl", '
                    '"location": "https://github.com/apple/swift-nio-http2.git", "state": '
                    '{"revision": "0000000000000000000000000000000000000001", "version": "%s"}}], "version": 2}\n' % version)
        commit(os.path.join(out, name + ".git"), {"Package.resolved": resolved})
        continue
    chosen = dict(rng.sample(requires, 40))
    if i % 5 == 0:
        chosen["github.com/bluele/gcache"] = "v0.0.1"
    body = "\n".join(f"\t{m} {v}" for m, v in sorted(chosen.items()))
    commit(os.path.join(out, name + ".git"), {"go.mod": f"module example.com/{name}\n\ngo 1.22\n\nrequire (\n{body}\n)\n"})
print(f"{count} repositories in {out}")
