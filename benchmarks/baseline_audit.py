#!/usr/bin/env python3
"""The straightforward matcher depwatch's audit is measured against (issue 4): like offline scanners, it
loads every OSV file on each run; for every go.mod given (or below a given folder) it reads the require and
replace lines and, below go 1.17, the modules go.sum holds (the same dependencies depwatch checks); for every
Package.resolved (formats 1, 2 and 3) its version pins, named by normalized location; and it evaluates
SEMVER/ECOSYSTEM ranges with a simple semantic-version comparison.
Usage: baseline_audit.py ADVISORIES_DIR MANIFEST_OR_DIR…"""
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

SWIFT = ("SwiftURL", "purl-type:swift")

def location(url):
    """github.com/owner/name from https://…/Name.git, git@host:owner/name or a bare location."""
    url = url.strip().lower()
    url = re.sub(r"^[a-z+]+://", "", url)
    url = re.sub(r"^[^@/]+@([^:/]+):", r"\1/", url)
    url = url.rstrip("/")
    return url[:-4] if url.endswith(".git") else url

def swift_pins(path):
    doc = json.load(open(path))
    pins = doc.get("object", doc).get("pins", [])
    for pin in pins:
        version = (pin.get("state") or {}).get("version")
        url = pin.get("location") or pin.get("repositoryURL") or ""
        if version:
            yield location(url), version

def manifests(arguments):
    for argument in arguments:
        if os.path.isfile(argument):
            yield argument
            continue
        for root, _, names in os.walk(argument):
            for name in ("go.mod", "Package.resolved"):
                if name in names:
                    yield os.path.join(root, name)

def main():
    advisories, inputs = sys.argv[1], sys.argv[2:]
    index, swift = {}, {}
    for root, _, names in os.walk(advisories):
        for name in names:
            if name.endswith(".json"):
                with open(os.path.join(root, name)) as f:
                    doc = json.load(f)
                if doc.get("withdrawn"):
                    continue
                for a in doc.get("affected", []):
                    package = a["package"]
                    if package["ecosystem"] in SWIFT:
                        name = location(package["name"])
                        swift.setdefault(name, []).append((doc["id"], a.get("ranges", [])))
                    else:
                        index.setdefault(package["name"], []).append((doc["id"], a.get("ranges", [])))
    require = re.compile(r"^\s*(?:require\s+)?([^\s()]+)\s+(v[^\s]+)")
    replace = re.compile(r"^\s*(?:replace\s+)?([^\s()]+)(?:\s+v[^\s]+)?\s+=>\s+([^\s]+)(?:\s+(v[^\s]+))?")
    findings = deps = 0
    for manifest in manifests(inputs):
        root, name = os.path.split(manifest)
        if name == "Package.resolved":
            for package, version in swift_pins(manifest):
                deps += 1
                identity = package.rsplit("/", 1)[-1]
                for _, ranges in swift.get(package, []) + swift.get(identity, []):
                    if affected(version, ranges):
                        findings += 1
            continue
        names = os.listdir(root)
        requires, replaces, go, block = {}, {}, "1.16", None
        for line in open(manifest):
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
