#!/usr/bin/env bash
# Benchmarks `depwatch deps` (release build): the corpus (every go.mod and Package.resolved of ../shared/corpus
# but the conflicted one, as arguments), and one generated 5 MiB go.sum
# read for a go.mod below go 1.17 (so every go.sum line is parsed and used).
# Uses hyperfine when it is installed (apt-get install hyperfine), else a plain timing loop.
#   benchmarks/deps.sh [RUNS]
source "$(dirname "$0")/prelude.sh"
runs=${1:-20}
files="${corpus[*]}"
mkdir -p "$work/big"
printf 'module example.com/big\n\ngo 1.16\n\nrequire github.com/bluele/gcache v0.0.1\n' > "$work/big/go.mod"
python3 - "$work/big/go.sum" <<'PY'
import base64, hashlib, sys
target = 5 * 1024 * 1024
with open(sys.argv[1], "w") as out:
    size, i = 0, 0
    while size < target:
        module = f"github.com/generated/module{i // 4:06d}"
        version = f"v1.{i % 4}.{i % 7}"
        digest = base64.b64encode(hashlib.sha256(f"{module}@{version}".encode()).digest()).decode()
        for suffix in ("", "/go.mod"):
            line = f"{module} {version}{suffix} h1:{digest}\n"
            out.write(line)
            size += len(line)
        i += 1
PY
echo "corpus: ${#corpus[@]} manifests, $(cat "${corpus[@]}" | wc -c) bytes; go.sum: $(du -h "$work/big/go.sum" | cut -f1), $(wc -l < "$work/big/go.sum") lines"

time_loop() {
  local name=$1; shift
  local times=()
  for ((i = 0; i < runs; i++)); do
    local start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    times+=($(( ($(date +%s%N) - start) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v name="$name" '{a[NR]=$1} END {printf "%-14s min %.1f ms, median %.1f ms, max %.1f ms (%d runs)\n", name, a[1]/1000, a[int((NR+1)/2)]/1000, a[NR]/1000, NR}'
}

if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 3 --runs "$runs" -N \
    -n corpus "$bin deps $files --format json" \
    -n gosum-5MiB "$bin deps $work/big --format json"
else
  time_loop corpus "$bin" deps "${corpus[@]}" --format json
  time_loop gosum-5MiB "$bin" deps "$work/big" --format json
fi
