# Sourced by the benchmark scripts. "The corpus": every go.mod and Package.resolved of ../shared/corpus (Go and
# Swift), in $corpus as an array, without the one file committed upstream with merge-conflict markers (an
# expected error, exit 2). Run from the repository root.
conflicted=../shared/corpus/swift/CodeEditApp__CodeEdit__f36aa70972/Package.resolved
mapfile -t corpus < <(find ../shared/corpus \( -name go.mod -o -name Package.resolved \) -type f | LC_ALL=C sort | grep -vxF "$conflicted")
