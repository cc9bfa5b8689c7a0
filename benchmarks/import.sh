#!/usr/bin/env bash
# Benchmarks the advisory database (issue 3), release build:
#   1. importing ../shared/advisories into a new database: depwatch against the straightforward Python
#      importer (baseline_import.py), wall time (hyperfine) and peak memory (/usr/bin/time -f %M);
#      1b. the same import into an existing database (depwatch's other route: through the WAL);
#      1c. the same advisories as one zip (osv.dev's all.zip form) against the folder (hyperfine, then
#          interleaved runs: the ratio of medians is the bound's measure), and peak memory of
#          zip imports of 1× and 5× as many entries (flat: entries are inflated one batch at a time);
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
echo "== 1c. the same advisories as one zip, against the folder (both into a new database)"
python3 - "$data" "$work/all.zip" <<'PY'
import os, sys, zipfile
root, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for folder, _, names in sorted(os.walk(root)):
        for name in sorted(names):
            if name.endswith(".json"):
                path = os.path.join(folder, name)
                z.write(path, os.path.relpath(path, root))
PY
echo "all.zip: $(du -h "$work/all.zip" | cut -f1), $(python3 -c 'import sys, zipfile; print(len(zipfile.ZipFile(sys.argv[1]).namelist()))' "$work/all.zip") entries"
hyperfine --warmup 2 --runs "$runs" -N \
  --prepare "rm -f $work/z.sqlite $work/z.sqlite-wal $work/z.sqlite-shm" \
  -n folder "$bin db import $data --db $work/z.sqlite" \
  -n zip "$bin db import $work/all.zip --db $work/z.sqlite" \
  --export-json "$work/zip.json" | grep -vE '^\s*$'
python3 -c 'import json, sys; r = {x["command"]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}; print("zip / folder (medians): %.2fx" % (r["zip"] / r["folder"]))' "$work/zip.json"
# The bound (zip within 1.5x of the folder) is judged by interleaved medians: hyperfine runs one command's
# runs in a block, and this machine's other tenant can slow one block only (see ab.py).
echo "interleaved (ab.py, $runs rounds, the rm inside both commands):"
python3 "$(dirname "$0")/ab.py" "$runs" \
  "sh -c 'rm -f $work/a.sqlite*; exec $bin db import $data --db $work/a.sqlite'" \
  "sh -c 'rm -f $work/b.sqlite*; exec $bin db import $work/all.zip --db $work/b.sqlite'"
python3 - "$work/all.zip" "$work/all5.zip" <<'PY'
import sys, zipfile
source, out = zipfile.ZipFile(sys.argv[1]), sys.argv[2]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for copy in range(5):
        for name in source.namelist():
            text = source.read(name).decode()
            # A distinct id per copy, so that every entry is a new advisory.
            z.writestr(f"copy{copy}/{name}", text.replace('"id": "', f'"id": "COPY{copy}-', 1).replace('"id":"', f'"id":"COPY{copy}-', 1))
PY
python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$work/all5.zip" "$work/all5"
import_peak() { rm -f "$work"/m.sqlite*; /usr/bin/time -f %M "$bin" db import "$1" --db "$work/m.sqlite" 2>&1 >/dev/null | tail -1; }
echo "peak memory, zip import:    $(( $(import_peak "$work/all.zip") / 1024 )) MiB for 4,326 entries, $(( $(import_peak "$work/all5.zip") / 1024 )) MiB for 21,630"
echo "peak memory, folder import: $(( $(import_peak "$data") / 1024 )) MiB for 4,326 files,   $(( $(import_peak "$work/all5") / 1024 )) MiB for 21,630"
rm -rf "$work/all5"

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
