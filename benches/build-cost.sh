#!/usr/bin/env bash
# What #[derive(SessionClaims)] adds to a build: a generated crate with 100 claim structs, once with the
# derive and serde's derives, once with serde's derives only, each built clean (`cargo build`, the dev
# profile) three times; prints the median of each and the ratio. Target: at most 1.25.
#
#   benches/build-cost.sh [STRUCTS]     # 100 by default
#
# With BUILD_COST_INSTRUCTIONS=N it then also counts rustc's own instructions for each variant with N
# structs, under valgrind's callgrind (the crate's incremental directory removed first, so each count is
# a clean build): the figure that does not drift with the machine's load. N = 20 takes a few minutes.
#
# With BUILD_COST_FEATURES=typescript the derive also writes each struct's TypeScript description
# (claims-core's `typescript` feature, off by default).
#
# Only the generated crate is timed: it lives in a temporary directory with its own target directory
# (CARGO_TARGET_DIR, under /tmp), its dependencies (claims-core, serde, serde_json) are built once before
# the first timing, and each timed build starts from `cargo clean -p` of the generated crate alone. Both
# variants depend on claims-core, so they link the same dependencies.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
structs="${1:-100}"
work="$(mktemp -d /tmp/claims-build-cost.XXXXXX)"
trap 'rm -rf "$work"' EXIT
export CARGO_TARGET_DIR="$work/target" CARGO_TERM_COLOR=never

# "a,b" -> "a", "b"
features="$(printf '%s' "${BUILD_COST_FEATURES:-}" | sed 's/[^,][^,]*/"&"/g; s/,/, /g')"
cat >"$work/Cargo.toml" <<TOML
[package]
name = "claims-build-cost"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
claims-core = { path = "$repo/claims-core", features = [$features] }
serde = { version = "1", features = ["derive"] }
serde_json = "1"

[workspace]
TOML
cp "$repo/Cargo.lock" "$work/Cargo.lock"
mkdir -p "$work/src"

generate() { # with_derive (1 or 0) [structs]
    local n="${2:-$structs}"
    {
        echo "//! $n claim structs."
        echo "#![allow(dead_code, missing_docs)]"
        for i in $(seq "$n"); do
            if [ "$1" = 1 ]; then
                echo "#[derive(claims_core::SessionClaims, serde::Serialize, serde::Deserialize)]"
                echo "#[claims(profile = \"clerk\", max_size = 1200)]"
            else
                echo "#[derive(serde::Serialize, serde::Deserialize)]"
            fi
            echo "#[serde(rename_all = \"camelCase\")]"
            echo "pub struct Claims$i {"
            [ "$1" = 1 ] && echo "    #[claims(max_len = 64)]"
            echo "    full_name: String,"
            [ "$1" = 1 ] && echo "    #[claims(max_len = 254)]"
            echo "    primary_email: String,"
            [ "$1" = 1 ] && echo "    #[claims(max_items = 8, max_len = 32)]"
            echo "    roles: Vec<String>,"
            echo "    #[serde(skip_serializing_if = \"Option::is_none\")]"
            echo "    tenant: Option<u64>,"
            echo "}"
        done
    } >"$work/src/lib.rs"
}

# Dependencies first, untimed.
echo "//! nothing yet" >"$work/src/lib.rs"
cargo build -q --manifest-path "$work/Cargo.toml"

median_build() { # prints the median wall time of three clean builds, in seconds
    for _ in 1 2 3; do
        cargo clean -q -p claims-build-cost --manifest-path "$work/Cargo.toml"
        start=$(date +%s.%N)
        cargo build -q --manifest-path "$work/Cargo.toml"
        awk -v a="$(date +%s.%N)" -v b="$start" 'BEGIN { printf "%.3f\n", a - b }'
    done | sort -n | sed -n 2p
}

generate 0
serde_only=$(median_build)
generate 1
with_derive=$(median_build)
awk -v n="$structs" -v s="$serde_only" -v d="$with_derive" \
    'BEGIN { printf "structs %d\nserde_only_s %.2f\nwith_derive_s %.2f\nratio %.3f\n", n, s, d, d / s }'

if [ -n "${BUILD_COST_INSTRUCTIONS:-}" ]; then
    n="$BUILD_COST_INSTRUCTIONS"
    # The exact rustc command cargo runs for the generated crate, to run it again under callgrind.
    touch "$work/src/lib.rs"
    rustc_cmd=$(cargo build -v --manifest-path "$work/Cargo.toml" 2>&1 |
        sed -n 's/^ *Running `\(.*--crate-name claims_build_cost .*\)`$/\1/p')
    [ -n "$rustc_cmd" ] || { echo "error: no rustc command for the generated crate" >&2; exit 1; }
    count() { # with_derive: prints rustc's instructions for a clean build of $n structs
        generate "$1" "$n"
        rm -rf "$work"/target/debug/incremental/claims_build_cost-*
        (cd "$work" && eval valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" "$rustc_cmd") \
            >/dev/null 2>&1
        sed -n 's/^summary: *\([0-9]*\).*/\1/p' "$work/cg.out"
    }
    serde_i=$(count 0)
    derive_i=$(count 1)
    awk -v n="$n" -v s="$serde_i" -v d="$derive_i" \
        'BEGIN { printf "structs %d\nserde_only_rustc_instructions %.0f\nwith_derive_rustc_instructions %.0f\nratio %.3f\n", n, s, d, d / s }'
fi
