#!/usr/bin/env bash
# Instructions per operation, counted by callgrind: repeatable on a loaded machine, where wall time is not.
#
#   benches/callgrind.sh [OP...]     # every operation of `count --list` when none is named
#
# For each operation it runs the release `count` binary twice under `valgrind --tool=callgrind`, once with
# 1 run and once with 1 + k, and prints `id instructions` with instructions = (I(1+k) - I(1)) / k: the
# fixture's preparation, the same in both, cancels out. Set CALLGRIND_ANNOTATE=1 to also print, for each
# operation, where its instructions go (callgrind_annotate, inclusive, top functions).
# Output files are kept in target/callgrind/ for a later `callgrind_annotate`.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v valgrind >/dev/null || { echo "error: valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }
# The bench profile: release code with debug info, so callgrind_annotate can name functions and lines.
cargo build -q --profile bench -p claims-benches --bin count
bin=target/release/count
out=target/callgrind
mkdir -p "$out"

total() { # the `summary:` line of a callgrind output file
    sed -n 's/^summary: *\([0-9]*\).*/\1/p' "$1"
}

if [ "$#" -gt 0 ]; then
    ops=$(for id in "$@"; do "$bin" --list | grep "^$id " || { echo "error: no operation $id" >&2; exit 1; }; done)
else
    ops=$("$bin" --list)
fi

while read -r id k; do
    file="$out/$(echo "$id" | tr '/' '.')"
    valgrind --tool=callgrind --callgrind-out-file="$file.1" "$bin" "$id" 1 >/dev/null 2>&1
    valgrind --tool=callgrind --callgrind-out-file="$file.n" "$bin" "$id" "$((1 + k))" >/dev/null 2>&1
    echo "$id $(( ($(total "$file.n") - $(total "$file.1")) / k ))"
    if [ "${CALLGRIND_ANNOTATE:-0}" = 1 ]; then
        callgrind_annotate --inclusive=yes "$file.n" 2>/dev/null | sed -n '1,/^$/d; 1,60p' | head -40
    fi
done <<<"$ops"
