#!/usr/bin/env bash
# Benchmarks `depwatch audit` (issue 4), release build, against a database holding ../shared/advisories:
#   1. the corpus (every go.mod and Package.resolved of ../shared/corpus but the conflicted one, as arguments),
#      as a whole process, against the straightforward Python matcher (baseline_audit.py, which loads the OSV
#      files on every run);
#   2. one large module: a 20 KB go.mod with a 350 KB go.sum (make_large_gomod.py);
#   3. the per-dependency matching cost: (audit − deps) / dependencies.
# Section 1b also times the JSON and SARIF renderings against the table (issue 12: within 15 %).
# Usage: benchmarks/audit.sh [RUNS]      (needs hyperfine: apt-get install hyperfine)
source "$(dirname "$0")/prelude.sh"
runs=${1:-30}
import_shared_advisories
files="${corpus[*]}"
deps=$("$bin" deps $files --format json 2>/dev/null | python3 -c 'import json,sys; print(sum(len(m["dependencies"]) for m in json.load(sys.stdin)["manifests"]))')
echo "corpus: ${#corpus[@]} manifests, $deps dependencies"

echo "== 1. audit the corpus (table to /dev/null; exit 1 is expected: there are findings)"
hyperfine --warmup 5 --runs "$runs" -N -i \
  -n depwatch-audit "$bin audit $files --db $work/db.sqlite" \
  -n python-baseline "$python benchmarks/baseline_audit.py ../shared/advisories $files" \
  -n depwatch-deps "$bin deps $files" \
  --export-json "$work/corpus.json" | grep -vE '^\s*$'
python3 - "$work/corpus.json" "$deps" <<'PY'
import json, sys
r = {x["command"]: x["mean"] for x in json.load(open(sys.argv[1]))["results"]}
deps = int(sys.argv[2])
print(f"depwatch is {r['python-baseline'] / r['depwatch-audit']:.2f}x faster than the baseline; "
      f"matching, planning and reporting cost {(r['depwatch-audit'] - r['depwatch-deps']) / deps * 1e6:.1f} µs per dependency "
      f"(audit {r['depwatch-audit'] * 1e3:.1f} ms − deps {r['depwatch-deps'] * 1e3:.1f} ms, over {deps} dependencies)")
PY

echo "== 1b. interleaved (benchmarks/ab.py; the order flips every round), medians: the audit as a table, as JSON"
echo "   and as SARIF (each to /dev/null), and the Python baseline; JSON and SARIF within 15 % of the table,"
echo "   the JSON audit at most a third of the baseline's time"
"$python" benchmarks/ab.py "$runs" "$bin audit $files --db $work/db.sqlite" \
  "$bin audit $files --db $work/db.sqlite --format json" \
  "$bin audit $files --db $work/db.sqlite --format sarif" \
  "$python benchmarks/baseline_audit.py ../shared/advisories $files" | tee "$work/ab.txt"
python3 - "$work/ab.txt" <<'PY'
import re, sys
medians = [float(m) for m in re.findall(r"^median ([0-9.]+) ms", open(sys.argv[1]).read(), re.M)]
table, json, sarif, python = medians
print(f"json / table {json / table:.2f}, sarif / table {sarif / table:.2f}, baseline / json {python / json:.2f}x")
PY

echo "== 2. one large module"
python3 benchmarks/make_large_gomod.py ../shared/corpus "$work/large"
hyperfine --warmup 5 --runs "$runs" -N -i -n large-module "$bin audit $work/large --db $work/db.sqlite" | grep -vE '^\s*$'
