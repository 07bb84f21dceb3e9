#!/usr/bin/env bash
# Writes BENCHMARKS.md at the repository's root from one run: the machine and crate versions, the full
# criterion run (medians), the callgrind instruction counts, and the derive's build cost.
#
#   benches/report.sh        # about 10 minutes on 2 cores
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
mkdir -p target/callgrind
notes=target/callgrind/machine.md

version() { # the version of package $1 in Cargo.lock
    awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}
{
    echo "Machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), $(uname -sm);"
    # The extensions that change which code aws-lc runs natively (valgrind's CPU has none of sha_ni).
    echo "CPU flags of note: $(grep -m1 '^flags' /proc/cpuinfo | tr ' ' '\n' | grep -x 'sha_ni\|avx2\|avx512f\|adx\|bmi2\|aes' | sort | tr '\n' ' ' | sed 's/ $//');"
    echo "$(rustc -V); run $(date -u +%Y-%m-%d)."
    echo
    echo "Crates: claims-jwt $(version claims-jwt), jsonwebtoken $(version jsonwebtoken) (aws_lc_rs backend,"
    echo "aws-lc-rs $(version aws-lc-rs)), serde_json $(version serde_json), json-patch $(version json-patch),"
    echo "criterion $(version criterion); valgrind $(valgrind --version | sed 's/valgrind-//')."
} >"$notes"

cargo bench -p claims-benches --bench ops -- --noplot
benches/callgrind.sh >target/callgrind/counts.txt

{
    echo
    echo "Build cost of the derive (\`benches/build-cost.sh\`: 100 claim structs, clean dev build of the"
    echo "generated crate alone, its dependencies built before, median of 3; then rustc's instructions for"
    echo "20 structs, counted by callgrind; claims-core's default features, so without the derive's TypeScript"
    echo "items, which \`BUILD_COST_FEATURES=typescript\` adds):"
    echo
    echo '```'
    BUILD_COST_INSTRUCTIONS=20 benches/build-cost.sh
    echo '```'
} >>"$notes"

cargo run -q --profile bench -p claims-benches --bin report -- target/callgrind/counts.txt "$notes" >BENCHMARKS.md
echo "wrote BENCHMARKS.md"
