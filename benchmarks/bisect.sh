#!/usr/bin/env bash
# Benchmarks depwatch bisect's own overhead per step (issue 6), release build: checking a candidate out
# with libgit2, wiring it into a Go project (temporary go.mod), running a no-op test, cleaning up — on a
# generated repository of 5,000 commits and 2,000 files (make_bisect_history.py). Per step = the whole
# bisection's wall time (process start and history walk included) / its runs; the test itself
# (sh -c '[ ! -e BAD ]') takes about 2 ms.
# The checkout is file-system bound (the first step creates 2,000 files), so it runs three times: as
# depwatch runs by default (TMPDIR unset: /dev/shm when it is a tmpfs with 1 GiB free, else /tmp), and
# with TMPDIR on the disk (/tmp) and on tmpfs (/dev/shm), each beside the time the same machine takes to
# create 2,000 1-KB files from Python there — the floor the file system sets.
# Usage: benchmarks/bisect.sh [RUNS]      (needs hyperfine: apt-get install hyperfine)
source "$(dirname "$0")/prelude.sh"
runs=${1:-10}
python3 benchmarks/make_bisect_history.py "$work/big"
mkdir -p "$work/svc"
printf 'module example.com/svc\n\ngo 1.19\n\nrequire example.com/big v0.1.0\n' > "$work/svc/go.mod"
: > "$work/svc/go.sum"
bisect=("$bin" bisect --repo "$work/big" --good v0.0.0 --bad main --project "$work/svc" --module example.com/big
        --format json -- /bin/sh -c '[ ! -e "$DEPWATCH_SOURCE/BAD" ]')

measure() {  # measure LABEL SCRATCH ENV-PREFIX…
  local label=$1 scratch=$2; shift 2
  echo "== $label"
  python3 - "$scratch" <<'PY'
import os, shutil, sys, time
root = os.path.join(sys.argv[1], "files")
start = time.time()
for i in range(2000):
    os.makedirs(os.path.join(root, f"pkg{i // 100:02d}"), exist_ok=True)
    with open(os.path.join(root, f"pkg{i // 100:02d}", f"f{i:04d}.go"), "w") as f:
        f.write("x" * 1000)
print(f"reference: Python creates 2,000 files of 1 KB there in {(time.time() - start) * 1e3:.0f} ms")
shutil.rmtree(root)
PY
  env "$@" "${bisect[@]}" > "$work/answer.json" 2>/dev/null
  hyperfine --warmup 1 --runs "$runs" -N -n "bisect-5000-commits" "env $* $(printf '%q ' "${bisect[@]}")" \
    --export-json "$work/bisect.json" | grep -vE '^\s*$'
  python3 - "$work/bisect.json" "$work/answer.json" <<'PY'
import json, sys
mean = json.load(open(sys.argv[1]))["results"][0]["mean"]
r = json.load(open(sys.argv[2]))
steps = len(r["runs"])
tests = sum(x["seconds"] for x in r["runs"]) / steps
print(f"answer {r['commit']['summary']} ({r['commit']['id'][:12]}, {r['commit']['version']}, first in {r['commit']['tag']}), "
      f"{r['candidates']} candidates, {steps} runs: {mean * 1e3:.0f} ms in all, {mean * 1e3 / steps:.1f} ms per step "
      f"(the test command {tests * 1e3:.1f} ms of it; target < 150 ms)")
PY
}

default=$(if grep -qs ' /dev/shm tmpfs ' /proc/mounts; then echo /dev/shm; else echo /tmp; fi)
measure "TMPDIR unset: depwatch's default, here $default" "$default" -u TMPDIR
for tmp in /tmp /dev/shm; do
  [[ -d "$tmp" ]] || continue
  scratch=$(mktemp -d "$tmp/depwatch-bench-XXXXXX")
  measure "TMPDIR=$tmp ($(stat -f -c %T "$tmp"))" "$scratch" TMPDIR="$scratch"
  rm -rf "$scratch"
done
