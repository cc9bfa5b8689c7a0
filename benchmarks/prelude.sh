# Sourced by every benchmark script: strict mode, the repository root as the working directory, the
# release binary built by scripts/build-release in $bin, and a scratch folder $work removed on exit.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/build-release >/dev/null
bin=$PWD/.build/release/depwatch
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Imports ../shared/advisories into $work/db.sqlite (the database the audit and diff benchmarks use).
import_shared_advisories() {
  "$bin" db import ../shared/advisories --db "$work/db.sqlite" >/dev/null
}

# The Python interpreter itself, not a version manager's shim in front of it (pyenv's `python3` shim adds
# about 50 ms to every start on this machine, which the Python baselines must not be charged).
python=$(python3 -c 'import sys; print(sys.executable)')

source benchmarks/corpus.sh
