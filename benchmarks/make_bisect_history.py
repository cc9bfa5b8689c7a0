#!/usr/bin/env python3
"""Writes a Go module repository for the bisect benchmark through `git fast-import`: COMMITS commits over
FILES files (about 1 KB each, the first commit adds them all, each later commit edits one), a go.mod for
example.com/big, a file BAD added at commit BAD_AT (the "problem" a no-op test looks for), and a release
tag every 500 commits. Usage: make_bisect_history.py OUT [COMMITS] [FILES] [BAD_AT]"""
import subprocess, sys

out = sys.argv[1]
commits = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
files = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
bad_at = int(sys.argv[4]) if len(sys.argv) > 4 else 3217

subprocess.run(["git", "init", "-q", "-b", "main", out], check=True)
stream = []
def blob(path, text):
    data = text.encode()
    stream.append(f"M 100644 inline {path}\ndata {len(data)}\n".encode() + data + b"\n")
def source(i, revision):
    body = "".join(f"// line {k} of file {i}, revision {revision}\n" for k in range(24))
    return f"package big\n\n{body}func F{i}() int {{ return {revision} }}\n"
for n in range(commits):
    stream.append(f"commit refs/heads/main\ncommitter bench <bench@depwatch.invalid> {1600000000 + n * 60} +0000\n".encode())
    message = f"change {n}".encode()
    stream.append(f"data {len(message)}\n".encode() + message + b"\n")
    if n == 0:
        blob("go.mod", "module example.com/big\n\ngo 1.19\n")
        for i in range(files):
            blob(f"pkg{i // 100:02d}/f{i:04d}.go", source(i, 0))
    else:
        i = (n * 7919) % files
        blob(f"pkg{i // 100:02d}/f{i:04d}.go", source(i, n))
    if n == bad_at:
        blob("BAD", "the problem\n")
    stream.append(b"\n")
    if n % 500 == 0:
        stream.append(f"reset refs/tags/v0.{n // 500}.0\nfrom refs/heads/main\n\n".encode())
subprocess.run(["git", "-C", out, "fast-import", "--quiet"], input=b"".join(stream), check=True)
subprocess.run(["git", "-C", out, "checkout", "-q", "main"], check=True)
print(f"{commits} commits, {files} files, BAD from commit {bad_at}")
