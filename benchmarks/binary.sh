#!/usr/bin/env bash
# depwatch on a generated Go binary of about 100 MB (make_go_binary.py: 100 packages of 500 functions, each
# calling an inlined helper, an embedded blob, gcache v0.0.1 with its LFU cache used), interleaved (ab.py):
#   1. build information: `depwatch deps BINARY` (target: under 20 ms) against `go version -m`;
#   2. the whole binary audit (modules, stdlib at the binary's Go, functions with the inline trees,
#      reachability; the shared advisories) against `go tool nm` on the same file (target: under 300 ms and
#      at most half of nm's time);
#   3. the same audit on the stripped twin (-ldflags=-s -w), which nm cannot read at all.
# Usage: benchmarks/binary.sh [ROUNDS] [PACKAGES FUNCTIONS TARGET_MB]   (default 20; 100 500 100)
source "$(dirname "$0")/prelude.sh"
rounds=${1:-20}
import_shared_advisories
go=$(scripts/find-go)
goroot=$("$go" env GOROOT)
go=$goroot/bin/go  # the toolchain itself, not a version manager's shim in front of it
binary=$(python3 benchmarks/make_go_binary.py "$work/big" "$go" "${2:-100}" "${3:-500}" "${4:-100}")
(cd "$work/big/app" && GOPROXY=off GOFLAGS=-mod=mod GOMODCACHE="$work/big/modcache" GOCACHE="${TMPDIR:-/tmp}/depwatch-test-gocache" \
  "$go" build -ldflags="-s -w" -o app-stripped .)
"$go" tool nm "$binary" >/dev/null  # nm builds itself on first use
echo "== $(du -m "$binary" | cut -f1) MB binary, $("$go" tool nm "$binary" | grep -c ' [Tt] ') text symbols"
echo "== 1: build information: depwatch deps / go version -m"
python3 benchmarks/ab.py "$rounds" "$bin deps $binary" "$go version -m $binary"
echo "== 2: the binary audit: depwatch audit / go tool nm"
python3 benchmarks/ab.py "$rounds" "$bin audit $binary --db $work/db.sqlite" "$go tool nm $binary"
echo "== 3: the stripped twin ($(du -m "$work/big/app/app-stripped" | cut -f1) MB): depwatch audit"
python3 benchmarks/ab.py "$rounds" "$bin audit $work/big/app/app-stripped --db $work/db.sqlite"
"$bin" audit "$work/big/app/app-stripped" --db "$work/db.sqlite" | grep reachability || true
