#!/usr/bin/env python3
"""The straightforward importer depwatch's import is measured against (issue 3): json.load per file,
sqlite3 executemany in one transaction, two indexes. Usage: baseline_import.py DB PATH..."""
import json, os, sqlite3, sys, time

def files(paths):
    for root in paths:
        if os.path.isfile(root):
            yield root
            continue
        for dirpath, _, names in os.walk(root):
            for name in sorted(names):
                if name.endswith(".json"):
                    yield os.path.join(dirpath, name)

def main():
    db, paths = sys.argv[1], sys.argv[2:]
    start = time.perf_counter()
    advisories, affected = [], []
    for path in files(paths):
        with open(path, "rb") as f:
            raw = f.read()
        doc = json.loads(raw)
        advisories.append((doc["id"], doc.get("modified"), raw.decode()))
        for a in doc.get("affected", []):
            p = a.get("package", {})
            affected.append((doc["id"], p.get("ecosystem"), p.get("name")))
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE IF NOT EXISTS advisory (id TEXT PRIMARY KEY, modified TEXT, raw TEXT)")
    con.execute("CREATE TABLE IF NOT EXISTS affected (advisory TEXT, ecosystem TEXT, name TEXT)")
    con.execute("CREATE INDEX IF NOT EXISTS affected_package ON affected (ecosystem, name)")
    con.execute("CREATE INDEX IF NOT EXISTS affected_advisory ON affected (advisory)")
    with con:
        con.executemany("INSERT OR REPLACE INTO advisory VALUES (?, ?, ?)", advisories)
        con.executemany("INSERT INTO affected VALUES (?, ?, ?)", affected)
    con.close()
    print(f"{len(advisories)} advisories, {len(affected)} affected rows in {time.perf_counter() - start:.3f} s", file=sys.stderr)

main()
