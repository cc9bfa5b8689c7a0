#!/usr/bin/env bash
# Benchmarks depwatch scan and report (issue 7), release build:
#   1. 1,000 generated bare repositories (make_fleet.py: real requirement sets from ../shared/corpus,
#      gcache v0.0.1 in some, swift-nio-http2 pins in others) scanned into a fresh history, 2 cores;
#   2. the history's growth per run of that fleet;
#   3. a report over a history of 100 runs of it (the scan's result imported 100 times with
#      `history import`, each run with a few repositories upgraded or regressed, so new/fixed/trend vary).
# Usage: benchmarks/scan.sh [RUNS]      (needs hyperfine: apt-get install hyperfine)
source "$(dirname "$0")/prelude.sh"
runs=${1:-5}
import_shared_advisories
python3 benchmarks/make_fleet.py ../shared/corpus "$work/fleet" 1000
db=(--db "$work/db.sqlite")

echo "== 1. scan 1,000 repositories (nproc: $(nproc))"
hyperfine --runs "$runs" -N -i -n scan-1000 \
  --prepare "rm -f $work/h.sqlite $work/h.sqlite-wal $work/h.sqlite-shm" \
  "$bin scan --repositories $work/fleet --history $work/h.sqlite --fail-on none ${db[*]}" | grep -vE '^\s*$'

echo "== 2. history growth"
rm -f "$work"/h.sqlite*
"$bin" scan --repositories "$work/fleet" --history "$work/h.sqlite" --fail-on none "${db[@]}" 2>/dev/null
one=$(stat -c %s "$work/h.sqlite")
"$bin" scan --repositories "$work/fleet" --history "$work/h.sqlite" --fail-on none "${db[@]}" 2>/dev/null
two=$(stat -c %s "$work/h.sqlite")
python3 - "$work/h.sqlite" "$one" "$two" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
findings = db.execute("SELECT count(*) FROM finding WHERE run = 1").fetchone()[0]
upgrades = db.execute("SELECT count(*) FROM upgrade WHERE run = 1").fetchone()[0]
print(f"one run of 1,000 repositories: {findings} findings, {upgrades} upgrades; the file grows "
      f"{(int(sys.argv[3]) - int(sys.argv[2])) / 2**20:.1f} MiB per run ({int(sys.argv[2]) / 2**20:.1f} MiB after the first)")
PY

echo "== 3. report over 100 runs"
"$bin" scan --repositories "$work/fleet" --output "$work/scan.json" --fail-on none "${db[@]}" 2>/dev/null
python3 - "$work/scan.json" "$work/runs" <<'PY'
import json, os, random, sys
scan = json.load(open(sys.argv[1]))
os.makedirs(sys.argv[2], exist_ok=True)
rng = random.Random(7)
for run in range(100):
    doc = json.loads(json.dumps(scan))
    doc["started"] = doc["finished"] = scan["started"] + run * 86400
    for repo in rng.sample(doc["repositories"], 20):   # a few repositories change each day
        repo["findings"] = repo["findings"][: len(repo["findings"]) // 2] if run % 2 else repo["findings"]
    json.dump(doc, open(os.path.join(sys.argv[2], f"run{run:03d}.json"), "w"))
PY
rm -f "$work"/h100.sqlite*
for file in "$work"/runs/*.json; do "$bin" history import "$file" --history "$work/h100.sqlite" "${db[@]}" >/dev/null; done
echo "history of 100 runs: $(( $(stat -c %s "$work/h100.sqlite") / 1048576 )) MiB"
for format in json html markdown; do
  hyperfine --warmup 2 --runs 10 -N -n "report-$format" "$bin report --format $format --history $work/h100.sqlite ${db[*]}" | grep -vE '^\s*$'
done
