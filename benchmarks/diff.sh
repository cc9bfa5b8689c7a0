#!/usr/bin/env bash
# Benchmarks `depwatch diff` (issue 5), release build: a generated repository with 10,000 commits and
# 50 go.mod files (make_history.py), base and head 1,000 commits apart, against a database holding
# ../shared/advisories; then the phases (--timings) of one run: libgit2 reading versus matching.
# Usage: benchmarks/diff.sh [RUNS]      (needs hyperfine: apt-get install hyperfine)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
scripts/build-release >/dev/null
bin=$PWD/.build/release/depwatch
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" db import ../shared/advisories --db "$work/db.sqlite" >/dev/null
python3 benchmarks/make_history.py ../shared/corpus "$work/repo" 10000 50
hyperfine --warmup 5 --runs "$runs" -N -i -n diff "$bin diff --repo $work/repo --base HEAD~1000 --head HEAD --db $work/db.sqlite" | grep -vE '^\s*$'
echo "phases of one run:"
"$bin" diff --repo "$work/repo" --base HEAD~1000 --head HEAD --db "$work/db.sqlite" --timings 2>&1 >/dev/null | sed 's/^/  /'
