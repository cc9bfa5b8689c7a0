#!/usr/bin/env bash
# swift-protobuf's generated decoder against depwatch's wire-format reader, on the 50 MB profile of heap.sh
# (make_heap_profile.py), in one process, interleaved, release builds. profile.pb.swift was generated once
# (protoc 3.21 from Debian's protobuf-compiler, protoc-gen-swift 1.39.0 built from the package mirror) with
#   protoc --plugin=protoc-gen-swift=PATH --swift_out=Sources/ProtobufCandidate profile.proto
# and is committed, so this script needs neither.
# Usage: benchmarks/protobuf-candidate.sh
set -euo pipefail
cd "$(dirname "$0")/protobuf-candidate"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 ../make_heap_profile.py "$work" 50 >/dev/null
swift build -c release >/dev/null
.build/release/ProtobufCandidate "$work/heap.pb"
