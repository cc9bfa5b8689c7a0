#!/usr/bin/env bash
# Benchmarks the advisory database (issue 3), release build:
#   1. importing ../shared/advisories into a new database: depwatch against the straightforward Python
#      importer (baseline_import.py), wall time (hyperfine) and peak memory (/usr/bin/time -f %M);
#      1b. the same import into an existing database (depwatch's other route: through the WAL);
#   2. importing 300,000 generated advisories (generate_advisories.py), once;
#   3. one `db query` as a whole process;
#   4. the decoding candidates, one core, same bytes (decode_candidates.swift).
# Usage: benchmarks/import.sh [RUNS]      (needs hyperfine: apt-get install hyperfine)
source "$(dirname "$0")/prelude.sh"
runs=${1:-20}
data=../shared/advisories

echo "== 1. import ../shared/advisories into a new database"
hyperfine --warmup 2 --runs "$runs" -N \
  --prepare "rm -f $work/d.sqlite $work/d.sqlite-wal $work/d.sqlite-shm $work/p.db" \
  -n depwatch "$bin db import $data --db $work/d.sqlite" \
  -n python-baseline "$python benchmarks/baseline_import.py $work/p.db $data"
echo "== 1b. the same import into an existing database (holding only the curated advisories): through the WAL"
hyperfine --warmup 2 --runs "$runs" -N \
  --prepare "bash -c 'rm -f $work/e.sqlite*; $bin db stats --db $work/e.sqlite >/dev/null'" \
  -n depwatch-existing "$bin db import $data --db $work/e.sqlite"
peak() { local max=0; for _ in 1 2 3 4 5; do rm -f "$work"/d.sqlite* "$work/p.db"; m=$(/usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1); (( m > max )) && max=$m; done; echo "$((max / 1024)) MiB"; }
echo "peak memory, depwatch: $(peak "$bin" db import "$data" --db "$work/d.sqlite")"
echo "peak memory, python:   $(peak "$python" benchmarks/baseline_import.py "$work/p.db" "$data")"

echo "== 2. import 300,000 generated advisories"
python3 benchmarks/generate_advisories.py 300000 "$work/gen"
echo "generated: $(du -sh "$work/gen" | cut -f1)"
sync
/usr/bin/time -f "wall %e s, peak %M KB" "$bin" db import "$work/gen" --db "$work/big.sqlite"
rm -rf "$work/gen" "$work"/big.sqlite*

echo "== 3. one db query, whole process"
rm -f "$work"/d.sqlite*; "$bin" db import "$data" --db "$work/d.sqlite" >/dev/null
hyperfine --warmup 3 --runs "$runs" -N -n "db query github.com/pubnub/go/v5@v5.0.3" \
  "$bin db query github.com/pubnub/go/v5@v5.0.3 --db $work/d.sqlite"

echo "== 4. decoding candidates (one core)"
cp benchmarks/decode_candidates.swift "$work/main.swift"
swiftc -O -o "$work/decode" "$work/main.swift" Sources/Advisories/Import/JSONCursor.swift
"$work/decode" "$data"
