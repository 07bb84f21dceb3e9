#!/usr/bin/env bash
# Builds and runs the libFuzzer targets on the stable toolchain, no nightly and no cargo-fuzz needed:
# the coverage instrumentation cargo-fuzz would ask for is all stable codegen flags (sanitizer coverage
# through `-Cpasses=sancov-module` and LLVM arguments), and libfuzzer-sys builds libFuzzer itself with the
# machine's C++ compiler. No sanitizer: the project's crates forbid `unsafe`, so what is looked for is panics,
# aborts, stack overflows, timeouts, memory blow-ups and broken invariants (asserted in the targets).
#
#   fuzz/run.sh build                  build every target
#   fuzz/run.sh TARGET SECONDS         build, then fuzz TARGET for SECONDS
#   fuzz/run.sh all SECONDS            build, then fuzz every target for SECONDS each, one after another
#   fuzz/run.sh list                   the targets
#   fuzz/run.sh lint                   rustfmt and clippy (warnings are errors) on the fuzz crate
#
# With SKIP_BUILD=1, the targets already built are run as they are (e.g. while their sources are edited).
#
# Each run starts from fuzz/corpus/TARGET (kept between runs, not committed) plus seeds made from the
# repository's vectors (seeds.py), prints executions, exec/s, coverage and findings, and exits non-zero
# when it found something: the input that failed is in fuzz/artifacts/TARGET/, and
# `fuzz/run.sh repro TARGET FILE` runs that one input again.
set -euo pipefail
cd "$(dirname "$0")"

TARGETS=(verify_token verify_signed verify_header merge_update size_accounting derive_bound)
TRIPLE=$(rustc -vV | sed -n 's/^host: //p')
BIN_DIR="target/$TRIPLE/release"

# The instrumentation cargo-fuzz uses (minus its sanitizer), all stable; `--target` keeps it off build
# scripts and proc macros.
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing"
export CARGO_TERM_COLOR=never

# Inputs longer than the 8 KiB token cap reach the length check; the others need less.
max_len() {
    case "$1" in
        verify_token) echo 9000 ;;
        *) echo 4096 ;;
    esac
}

build() {
    [ "${SKIP_BUILD:-0}" = 1 ] && return
    cargo build --locked --release --target "$TRIPLE" --bins
}

run() {
    local target=$1 seconds=$2
    local corpus="corpus/$target" artifacts="artifacts/$target" log="logs/$target.log"
    mkdir -p "$corpus" "$artifacts" logs
    python3 seeds.py "$target" "$corpus"
    local before
    before=$(find "$artifacts" -type f | wc -l)
    local status=0 start=$SECONDS
    "$BIN_DIR/$target" -max_total_time="$seconds" -print_final_stats=1 -dict=claims.dict \
        -max_len="$(max_len "$target")" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$artifacts/" "$corpus" >"$log" 2>&1 || status=$?
    local elapsed=$((SECONDS - start))
    local findings=$(($(find "$artifacts" -type f | wc -l) - before))
    local execs rate cov ft corp
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    # The last status line: `#N  ... cov: C ft: F corp: K/...`
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
    ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
    corp=$(grep -o 'corp: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
    printf '%s: %s executions in %s s (%s exec/s), cov %s, ft %s, corpus %s, findings %s (log %s)\n' \
        "$target" "${execs:-?}" "$elapsed" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$findings" \
        "fuzz/$log"
    if [ "$status" -ne 0 ] || [ "$findings" -ne 0 ]; then
        echo "$target: FAILED (exit $status); the end of its log:" >&2
        tail -40 "$log" >&2
        return 1
    fi
}

usage() {
    sed -n '8,13p' "$0" | sed 's/^# //' >&2
    exit 2
}

case "${1:-}" in
    list) printf '%s\n' "${TARGETS[@]}" ;;
    lint)
        cargo fmt --check
        cargo clippy --locked --release --target "$TRIPLE" --all-targets -- -D warnings
        ;;
    build) build ;;
    repro)
        [ $# -eq 3 ] || usage
        build
        "$BIN_DIR/$2" "$3"
        ;;
    all)
        [ $# -eq 2 ] || usage
        build
        failed=0
        for target in "${TARGETS[@]}"; do
            run "$target" "$2" || failed=1
        done
        exit "$failed"
        ;;
    *)
        [ $# -eq 2 ] || usage
        printf '%s\n' "${TARGETS[@]}" | grep -qx "$1" || { echo "unknown target $1" >&2; usage; }
        build
        run "$1" "$2"
        ;;
esac
