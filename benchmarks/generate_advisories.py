#!/usr/bin/env python3
"""Writes N synthetic OSV advisories shaped like the Go vulnerability database's (aliases, several affected
packages, SEMVER ranges with introduced/fixed pairs, some custom_ranges and GHSA-style severity), as files
in folders of 1,000. Deterministic for a given N. Usage: generate_advisories.py N DIR"""
import json, os, random, sys

def advisory(i, rng):
    year = 2018 + i % 9
    packages = rng.randint(1, 3)
    affected = []
    for p in range(packages):
        major = rng.randint(0, 3)
        name = f"github.com/gen{i % 5000:04d}/module{p}" + (f"/v{major}" if major >= 2 else "")
        events = [{"introduced": "0"}]
        for r in range(rng.randint(1, 3)):
            minor = r * 3 + rng.randint(0, 2)
            events.append({"fixed": f"{max(major, 0)}.{minor}.{rng.randint(0, 20)}"})
            events.append({"introduced": f"{max(major, 0)}.{minor + 1}.0"})
        events.pop()
        entry = {"package": {"name": name, "ecosystem": "Go"}, "ranges": [{"type": "SEMVER", "events": events}],
                 "ecosystem_specific": {"imports": [{"path": name + "/internal/pkg", "symbols": [f"Func{k}" for k in range(rng.randint(1, 8))]}]}}
        if rng.random() < 0.1:
            entry["ecosystem_specific"]["custom_ranges"] = [{"type": "ECOSYSTEM", "events": [
                {"introduced": "0"}, {"fixed": f"{major}.0.1-0.{year}0101000000-abcdef{i % 1000000:06d}"}]}]
        affected.append(entry)
    doc = {
        "schema_version": "1.3.1",
        "id": f"GEN-{year}-{i:06d}",
        "modified": f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}T00:00:00Z",
        "published": f"{year}-01-01T00:00:00Z",
        "aliases": [f"CVE-{year}-{i:06d}", f"GHSA-gen{i % 10000:04d}-{i // 10000:04d}-xxxx"],
        "summary": f"Synthetic problem number {i} in generated modules",
        "details": "A generated advisory for benchmarks. " * rng.randint(2, 12),
        "affected": affected,
        "references": [{"type": "FIX", "url": f"https://example.com/fix/{i}"}, {"type": "REPORT", "url": f"https://example.com/issue/{i}"}],
        "database_specific": {"url": f"https://example.com/vuln/{i}", "review_status": "REVIEWED"},
    }
    if rng.random() < 0.05:
        doc["severity"] = [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}]
    return doc

def main():
    count, root = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(20261128)
    for i in range(count):
        folder = os.path.join(root, f"{i // 1000:04d}")
        if i % 1000 == 0:
            os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"GEN-{i:06d}.json"), "w") as f:
            json.dump(advisory(i, rng), f, indent=2)

main()
