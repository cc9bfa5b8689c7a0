#!/usr/bin/env python3
"""The straightforward matcher depwatch's audit is measured against (issue 4): like offline scanners, it
loads every OSV file on each run; for every go.mod below the given folder it reads the require and replace
lines and, below go 1.17, the modules go.sum holds (the same dependencies depwatch checks); and it
evaluates SEMVER/ECOSYSTEM ranges with a simple semantic-version comparison.
Usage: baseline_audit.py ADVISORIES_DIR CORPUS_DIR"""
import json, os, re, sys

def key(version):
    v = version.lstrip("v").split("+")[0]
    core, _, pre = v.partition("-")
    nums = [int(x) if x.isdigit() else 0 for x in core.split(".")] + [0, 0, 0]
    pre_key = [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in pre.split(".")] if pre else [(2, 0, "")]
    return (nums[:3], pre_key)

def affected(version, ranges):
    v = key(version)
    for r in ranges:
        if r.get("type") == "GIT":
            continue
        hit = False
        for e in sorted(r["events"], key=lambda e: (0,) if list(e.values())[0] == "0" else (1, key(list(e.values())[0]))):
            (kind, value), = e.items()
            if kind == "introduced" and (value == "0" or v >= key(value)):
                hit = True
            elif kind == "fixed" and v >= key(value):
                hit = False
            elif kind == "last_affected" and v > key(value):
                hit = False
        if hit:
            return True
    return False

def main():
    advisories, corpus = sys.argv[1], sys.argv[2]
    index = {}
    for root, _, names in os.walk(advisories):
        for name in names:
            if name.endswith(".json"):
                with open(os.path.join(root, name)) as f:
                    doc = json.load(f)
                if doc.get("withdrawn"):
                    continue
                for a in doc.get("affected", []):
                    index.setdefault(a["package"]["name"], []).append((doc["id"], a.get("ranges", [])))
    require = re.compile(r"^\s*(?:require\s+)?([^\s()]+)\s+(v[^\s]+)")
    replace = re.compile(r"^\s*(?:replace\s+)?([^\s()]+)(?:\s+v[^\s]+)?\s+=>\s+([^\s]+)(?:\s+(v[^\s]+))?")
    findings = deps = 0
    for root, _, names in os.walk(corpus):
        if "go.mod" not in names:
            continue
        requires, replaces, go, block = {}, {}, "1.16", None
        for line in open(os.path.join(root, "go.mod")):
            line = line.split("//")[0].strip()
            if line.startswith("go "):
                go = line[3:].strip()
            if line in ("require (", "replace ("):
                block = line.split()[0]
                continue
            if block and line == ")":
                block = None
                continue
            if block == "require" or line.startswith("require "):
                m = require.match(line)
                if m:
                    requires[m.group(1)] = m.group(2)
            elif block == "replace" or line.startswith("replace "):
                m = replace.match(line)
                if m:
                    replaces[m.group(1)] = (m.group(2), m.group(3))
        if tuple(int(x) for x in re.findall(r"\d+", go)[:2]) < (1, 17) and "go.sum" in names:
            best = {}
            for line in open(os.path.join(root, "go.sum")):
                f = line.split()
                if len(f) == 3 and not f[1].endswith("/go.mod") and f[0] not in requires:
                    if f[0] not in best or key(f[1]) > key(best[f[0]]):
                        best[f[0]] = f[1]
            requires.update(best)
        for module, version in requires.items():
            if module in replaces:
                module, version = replaces[module]
                if version is None:
                    continue
            deps += 1
            for _, ranges in index.get(module, []):
                if affected(version, ranges):
                    findings += 1
    print(f"{deps} dependencies, {findings} findings")

main()
