#!/usr/bin/env bash
# Proves that a change leaves depwatch's output as it was: runs the release build and another depwatch
# binary (OLD, built from the commit before the change) on the same inputs and compares their output
# byte for byte (`cmp`):
#   audit (JSON, table, Markdown, SARIF) and deps (JSON, table) on the corpus (and the conflicted
#   Package.resolved's error); db query, JSON and table;
#   diff (JSON, table, Markdown, SARIF) on a generated history (make_history.py: 50 go.mod files) at three distances,
#   and on its work tree with an uncommitted edit;
#   scan of a generated fleet (make_fleet.py) as JSON, and report JSON, Markdown and HTML over its history,
#   with the times of day (started, finished, scanned at) set to zero in both, and the progress lines
#   compared without their order and times.
# Usage: benchmarks/same-output.sh OLD_BINARY
source "$(dirname "$0")/prelude.sh"
old=${1:?usage: benchmarks/same-output.sh OLD_BINARY}
import_shared_advisories
db=(--db "$work/db.sqlite")
failed=0
same() {  # same NAME COMMAND…  (the command runs with the binary as its first word, old then new)
  local name=$1; shift
  (cd "$work/cwd" && "$old" "$@" >"$work/old.out" 2>"$work/old.err"; echo "exit $?" >>"$work/old.err") || true
  (cd "$work/cwd" && "$bin" "$@" >"$work/new.out" 2>"$work/new.err"; echo "exit $?" >>"$work/new.err") || true
  if cmp -s "$work/old.out" "$work/new.out" && cmp -s "$work/old.err" "$work/new.err"; then
    echo "same: $name ($(wc -c <"$work/new.out") bytes, $(tail -1 "$work/new.err"))"
  else
    echo "DIFFERENT: $name"; diff <(head -c 4000 "$work/old.out"; cat "$work/old.err") <(head -c 4000 "$work/new.out"; cat "$work/new.err") | head -20
    failed=1
  fi
}
mkdir -p "$work/cwd"
root=$PWD
for format in json table markdown sarif; do
  same "audit --format $format, the corpus" audit "${corpus[@]/#/$root/}" "${db[@]}" --format "$format"
done
for format in json table; do
  same "deps --format $format, the corpus" deps "${corpus[@]/#/$root/}" --format "$format"
  same "db query --format $format" db query github.com/bluele/gcache@v0.0.1 "${db[@]}" --format "$format"
done
same "audit of the conflicted Package.resolved" audit "$root/$conflicted" "${db[@]}" --format json

python3 benchmarks/make_history.py ../shared/corpus "$work/repo" 2000 50 >/dev/null
for distance in 1 100 1000; do
  for format in json table markdown sarif; do
    same "diff HEAD~$distance..HEAD --format $format" diff --repo "$work/repo" --base "HEAD~$distance" --head HEAD "${db[@]}" --format "$format"
  done
done
first=$(cd "$work/repo" && git ls-files '*go.mod' | head -1)
printf '\nrequire github.com/bluele/gcache v0.0.1\n' >>"$work/repo/$first"
same "diff HEAD~10 against the work tree (an uncommitted edit)" diff --repo "$work/repo" --base HEAD~10 "${db[@]}" --format json

python3 benchmarks/make_fleet.py ../shared/corpus "$work/fleet" 100 >/dev/null
zero_times() { python3 - "$1" <<'PY'
import json, sys
def walk(node):
    if isinstance(node, dict):
        return {k: (0 if k in ("started", "finished", "scannedAt", "scanned_at") else walk(v)) for k, v in node.items()}
    if isinstance(node, list):
        return [walk(v) for v in node]
    return node
doc = json.load(open(sys.argv[1]))
json.dump(walk(doc), open(sys.argv[1], "w"), sort_keys=False)
PY
}
for which in old new; do
  binary=$old; [ "$which" = new ] && binary=$bin
  "$binary" scan --repositories "$work/fleet" --output "$work/scan-$which.json" --fail-on none "${db[@]}" 2>"$work/scan-$which.err" || true
  zero_times "$work/scan-$which.json"
  # The progress lines: in the order repositories finish, with their times.
  sed -E 's/^depwatch: \[[0-9]+\/[0-9]+\] //; s/ \([0-9.]+ s\)$//' "$work/scan-$which.err" | LC_ALL=C sort -o "$work/scan-$which.err"
  "$binary" history import "$work/scan-$which.json" --history "$work/h-$which.sqlite" "${db[@]}" >/dev/null
done
if cmp -s "$work/scan-old.json" "$work/scan-new.json" && cmp -s "$work/scan-old.err" "$work/scan-new.err"; then
  echo "same: scan of 100 repositories --output ($(wc -c <"$work/scan-new.json") bytes, times zeroed; progress lines sorted, times removed)"
else
  echo "DIFFERENT: scan of 100 repositories"; diff "$work/scan-old.err" "$work/scan-new.err" | head; failed=1
fi
for format in json markdown html; do
  "$old" report --format "$format" --history "$work/h-old.sqlite" "${db[@]}" >"$work/report-old" 2>&1 || true
  "$bin" report --format "$format" --history "$work/h-new.sqlite" "${db[@]}" >"$work/report-new" 2>&1 || true
  if cmp -s "$work/report-old" "$work/report-new"; then echo "same: report --format $format ($(wc -c <"$work/report-new") bytes)"
  else echo "DIFFERENT: report --format $format"; diff "$work/report-old" "$work/report-new" | head -10; failed=1; fi
done
exit $failed
