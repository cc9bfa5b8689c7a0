#!/usr/bin/env bash
# depwatch heap on a generated 50 MB profile (make_heap_profile.py: 400 modules, 120,000 functions, 60,000
# locations, about 700,000 samples), against `go tool pprof -top` on the same file, interleaved (ab.py):
#   1. the uncompressed profile: depwatch heap (read, attribute to the project's 400 modules, audit, table)
#      and pprof -top; the target is under 1 s and at most half of pprof's time;
#   2. the same gzipped;
#   3. peak memory of 1 (/usr/bin/time -f %M), against the file's size (target: under 3 ×).
# pprof takes most of a minute on this profile, so the rounds are few and there is one warm-up.
# Usage: benchmarks/heap.sh [ROUNDS]   (default 3)
source "$(dirname "$0")/prelude.sh"
rounds=${1:-3}
export AB_WARMUP=1
import_shared_advisories
go=$(scripts/find-go)
python3 benchmarks/make_heap_profile.py "$work/heap" 50
profile=$work/heap/heap.pb
"$go" tool pprof -top -nodecount=20 "$profile" >/dev/null 2>&1  # pprof builds itself on first use
depwatch=("$bin" heap --project "$work/heap/project" --db "$work/db.sqlite")
echo "== 1: $(du -m "$profile" | cut -f1) MB profile.proto: depwatch heap / go tool pprof -top"
python3 benchmarks/ab.py "$rounds" "${depwatch[*]} $profile" "$go tool pprof -top -nodecount=20 $profile"
echo "== 2: the same gzipped ($(du -m "$profile.gz" | cut -f1) MB)"
python3 benchmarks/ab.py "$rounds" "${depwatch[*]} $profile.gz" "$go tool pprof -top -nodecount=20 $profile.gz"
peak=$(/usr/bin/time -f %M "${depwatch[@]}" "$profile" 2>&1 >/dev/null | tail -1)
size=$(stat -c %s "$profile")
echo "== 3: peak memory $(( peak / 1024 )) MiB for a $(( size >> 20 )) MiB profile ($(python3 -c "print(f'{$peak * 1024 / $size:.2f}')") ×)"
