#!/usr/bin/env bash
# The parsing steps of an audit on one core (benchmarks/parse_phases.swift): reading and parsing every go.mod,
# reading and checking every go.sum, parsing every Package.resolved of the corpus (every go.mod and
# Package.resolved of ../shared/corpus but the conflicted one), and the whole inventory on both cores; best of 20.
# The Versions and Manifest modules are compiled from Sources/ with swiftc -O, as a release build compiles them.
# Usage: benchmarks/parse_phases.sh [MANIFEST…]      (default: the corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/corpus.sh
(( $# )) && corpus=("$@")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swiftc -O -wmo -parse-as-library -emit-module -emit-library -static -module-name Versions \
  -emit-module-path "$work/Versions.swiftmodule" -o "$work/libVersions.a" $(find Sources/Versions -name '*.swift')
swiftc -O -wmo -parse-as-library -emit-module -emit-library -static -module-name Manifest -I "$work" \
  -emit-module-path "$work/Manifest.swiftmodule" -o "$work/libManifest.a" $(find Sources/Manifest -name '*.swift')
cp benchmarks/parse_phases.swift "$work/main.swift"
swiftc -O -I "$work" -L "$work" -lManifest -lVersions -o "$work/phases" "$work/main.swift"
"$work/phases" "${corpus[@]}"
