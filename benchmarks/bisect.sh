#!/usr/bin/env bash
# Benchmarks depwatch bisect's own overhead per step (issue 6), release build: checking a candidate out
# with libgit2, wiring it into a Go project (temporary go.mod), running a no-op test, removing the
# checkout — on a generated repository of 5,000 commits and 2,000 files (make_bisect_history.py).
# Per step = the whole bisection's wall time / its runs; the test itself (sh -c '[ ! -e BAD ]') is ~1 ms.
# Usage: benchmarks/bisect.sh [RUNS]      (needs hyperfine: apt-get install hyperfine)
source "$(dirname "$0")/prelude.sh"
runs=${1:-10}
python3 benchmarks/make_bisect_history.py "$work/big"
mkdir -p "$work/svc"
printf 'module example.com/svc\n\ngo 1.19\n\nrequire example.com/big v0.1.0\n' > "$work/svc/go.mod"
: > "$work/svc/go.sum"
bisect=("$bin" bisect --repo "$work/big" --good v0.0.0 --bad main --project "$work/svc" --module example.com/big
        --format json -- /bin/sh -c '[ ! -e "$DEPWATCH_SOURCE/BAD" ]')
"${bisect[@]}" > "$work/answer.json" 2>/dev/null
python3 - "$work/answer.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
tests = sum(x["seconds"] for x in r["runs"])
print(f"answer: {r['commit']['summary']} ({r['commit']['id'][:12]}), {r['candidates']} candidates, {len(r['runs'])} runs; "
      f"{r['seconds'] * 1e3 / len(r['runs']):.1f} ms per step, of which the test command {tests * 1e3 / len(r['runs']):.1f} ms")
PY
hyperfine --warmup 1 --runs "$runs" -N -n bisect-5000-commits "$(printf '%q ' "${bisect[@]}")" --export-json "$work/bisect.json" | grep -vE '^\s*$'
python3 - "$work/bisect.json" "$work/answer.json" <<'PY'
import json, sys
mean = json.load(open(sys.argv[1]))["results"][0]["mean"]
steps = len(json.load(open(sys.argv[2]))["runs"])
print(f"{mean * 1e3:.0f} ms for {steps} steps: {mean * 1e3 / steps:.1f} ms per step, process start and history walk included (target < 150 ms)")
PY
