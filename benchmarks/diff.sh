#!/usr/bin/env bash
# Benchmarks `depwatch diff` (issue 5), release build: a generated repository with 10,000 commits and
# 50 go.mod files (make_history.py), base and head 1,000 commits apart, against a database holding
# ../shared/advisories; then the phases (--timings) of one run: libgit2 reading versus matching.
# Usage: benchmarks/diff.sh [RUNS]      (needs hyperfine: apt-get install hyperfine)
source "$(dirname "$0")/prelude.sh"
runs=${1:-30}
import_shared_advisories
python3 benchmarks/make_history.py ../shared/corpus "$work/repo" 10000 50
hyperfine --warmup 5 --runs "$runs" -N -i -n diff "$bin diff --repo $work/repo --base HEAD~1000 --head HEAD --db $work/db.sqlite" | grep -vE '^\s*$'
echo "phases of one run:"
"$bin" diff --repo "$work/repo" --base HEAD~1000 --head HEAD --db "$work/db.sqlite" --timings 2>&1 >/dev/null | sed 's/^/  /'
