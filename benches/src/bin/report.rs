//! `report COUNTS MACHINE`: writes BENCHMARKS.md to standard output from one run: criterion's medians
//! (`target/criterion/GROUP/FUNCTION/new/estimates.json`), the instruction counts `benches/callgrind.sh`
//! printed (file `COUNTS`, lines `id instructions`) and the machine description (file `MACHINE`, Markdown
//! lines). `benches/report.sh` runs all three.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use claims_benches::fixture::Alg;
use claims_benches::ops::Op;

/// One row: our operation, what it is compared with (the sum of several for a floor), the target.
struct Row {
    what: String,
    ours: Op,
    peer: Vec<Op>,
    target: &'static str,
    /// Taken out of both sides: work both do identically (the HMAC), whose count under valgrind is not
    /// what the machine runs.
    minus: Vec<Op>,
}

/// Every row, in the report's order: verify, mint, update, sizing, the axum adapter.
fn rows() -> Vec<Row> {
    let mut rows = vec![
        Row {
            what: "verify HS256 vs `jsonwebtoken::decode` (one flat struct)".into(),
            ours: Op::Verify(Alg::Hs256),
            peer: vec![Op::JsonwebtokenDecode(Alg::Hs256)],
            target: "≤ 0.65",
            minus: vec![],
        },
        Row {
            what: "verify HS256 vs `jsonwebtoken::decode`, the HMAC both compute taken out".into(),
            ours: Op::Verify(Alg::Hs256),
            peer: vec![Op::JsonwebtokenDecode(Alg::Hs256)],
            target: "≤ 0.65",
            minus: vec![Op::HmacFloor],
        },
        Row {
            what: "verify HS256 vs its floor (HMAC + base64url + one parse)".into(),
            ours: Op::Verify(Alg::Hs256),
            peer: vec![Op::HmacFloor, Op::ParseFloor],
            target: "≤ 1.25",
            minus: vec![],
        },
    ];
    for alg in [Alg::Rs256, Alg::Es256, Alg::EdDsa] {
        let name = format!("{:?}", alg.algorithm());
        rows.push(Row {
            what: format!("verify {name} vs `jsonwebtoken::decode`"),
            ours: Op::Verify(alg),
            peer: vec![Op::JsonwebtokenDecode(alg)],
            target: "≤ 1.0",
            minus: vec![],
        });
        rows.push(Row {
            what: format!("verify {name} vs the signature check alone"),
            ours: Op::Verify(alg),
            peer: vec![Op::SignatureFloor(alg)],
            target: "≤ 1.1",
            minus: vec![],
        });
        rows.push(Row {
            what: format!("verify {name} vs its floor (signature + base64url + one parse)"),
            ours: Op::Verify(alg),
            peer: vec![Op::SignatureFloor(alg), Op::ParseFloor],
            target: "",
            minus: vec![],
        });
    }
    rows.extend(mint_rows());
    rows.extend(other_rows());
    rows
}

/// Mint against jsonwebtoken, each algorithm.
fn mint_rows() -> Vec<Row> {
    let mut rows = Vec::new();
    for alg in Alg::ALL {
        rows.push(Row {
            what: format!("mint {:?} vs `jsonwebtoken::encode`", alg.algorithm()),
            ours: Op::Mint(alg),
            peer: vec![Op::JsonwebtokenEncode(alg)],
            target: "≤ 1.0",
            minus: vec![],
        });
        if alg == Alg::Hs256 {
            rows.push(Row {
                what: "mint HS256 vs `jsonwebtoken::encode`, the HMAC both compute taken out"
                    .into(),
                ours: Op::Mint(alg),
                peer: vec![Op::JsonwebtokenEncode(alg)],
                target: "≤ 1.0",
                minus: vec![Op::HmacFloor],
            });
        }
    }
    rows
}

/// Update, sizing and the axum adapter.
fn other_rows() -> Vec<Row> {
    vec![
        Row {
            what: "clone + `update_claims` (Clerk policy) vs clone + `json_patch::merge`".into(),
            ours: Op::UpdateClaims,
            peer: vec![Op::JsonPatchMerge],
            target: "≤ 1.0",
            minus: vec![],
        },
        Row {
            what: "clone + `update_claims` vs its floor (clone + the least merge + every name checked + the result measured)"
                .into(),
            ours: Op::UpdateClaims,
            peer: vec![Op::UpdateFloorWhole],
            target: "",
            minus: vec![],
        },
        Row {
            what: "clone + `CheckedClaims::update` (Clerk policy) vs clone + `json_patch::merge`"
                .into(),
            ours: Op::UpdateChecked,
            peer: vec![Op::JsonPatchMerge],
            target: "≤ 1.0",
            minus: vec![],
        },
        Row {
            what: "clone + `CheckedClaims::update` vs its floor (clone + the least merge + added names checked + touched members measured)"
                .into(),
            ours: Op::UpdateChecked,
            peer: vec![Op::UpdateFloor],
            target: "",
            minus: vec![],
        },
        Row {
            what: "a floor with each member's size cached (clone + the least merge + added names checked + new values measured) vs clone + `json_patch::merge`"
                .into(),
            ours: Op::UpdateFloorCached,
            peer: vec![Op::JsonPatchMerge],
            target: "",
            minus: vec![],
        },
        Row {
            what: "`size::json_len` vs `serde_json::to_vec(..).len()`".into(),
            ours: Op::JsonLen,
            peer: vec![Op::ToVecLen],
            target: "≤ 0.5, no allocation",
            minus: vec![],
        },
        Row {
            what: "axum `authenticate`, bearer header, vs a bare verify".into(),
            ours: Op::AuthenticateBearer,
            peer: vec![Op::AuthenticateBare],
            target: "",
            minus: vec![],
        },
        Row {
            what: "axum `authenticate`, `__session` among 9 cookies, vs a bare verify".into(),
            ours: Op::AuthenticateCookie,
            peer: vec![Op::AuthenticateBare],
            target: "",
            minus: vec![],
        },
    ]
}

/// Criterion's median estimate of `op`, in nanoseconds.
fn median_ns(op: Op) -> Result<f64, String> {
    let (group, function) = op.parts();
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../target/criterion")
        .join(group)
        .join(function)
        .join("new/estimates.json");
    let text = std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "reading {}: {e}; run the criterion benches first",
            path.display()
        )
    })?;
    let json: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    json["median"]["point_estimate"]
        .as_f64()
        .ok_or_else(|| format!("{}: no median estimate", path.display()))
}

fn count(counts: &str, op: Op) -> Result<u64, String> {
    let id = op.id();
    counts
        .lines()
        .find_map(|line| line.strip_prefix(&id)?.trim().parse().ok())
        .ok_or_else(|| format!("no instruction count for {id}; run benches/callgrind.sh"))
}

fn time(ns: f64) -> String {
    if ns >= 1_000.0 {
        format!("{:.1} µs", ns / 1_000.0)
    } else {
        format!("{ns:.0} ns")
    }
}

fn report(counts: &str, machine: &str) -> Result<String, String> {
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(
        w,
        "# Benchmarks\n\n\
         Written by `benches/report.sh` from one run; do not edit by hand. Every case runs on the same\n\
         realistic token (`benches/src/fixture.rs`): a Clerk v2 session token with about 1.2 KB of custom\n\
         claims from a `#[derive(SessionClaims)]` struct with bounds on every string and sequence.\n\
         Instructions are counted by callgrind (`benches/callgrind.sh`: the difference between 1 and 1 + k\n\
         runs, divided by k), which does not drift with the machine's load; wall times are criterion's\n\
         medians, on a machine shared with other builds, so only their ratios within one run mean much.\n\
         Valgrind's CPU has no SHA extensions, so under callgrind aws-lc hashes with its AVX code and an\n\
         HMAC counts several times the instructions the machine runs natively (`sha_ni` in the flags\n\
         below): the rows \"the HMAC both compute taken out\" subtract the HMAC floor from both sides.\n\
         A ratio is ours ÷ theirs: below 1 is faster.\n\n{machine}\n"
    );
    let _ = writeln!(
        w,
        "| operation | ours: instructions | ours: wall | theirs: instructions | theirs: wall | ratio: instructions | ratio: wall | target |\n|---|---:|---:|---:|---:|---:|---:|---|"
    );
    for row in rows() {
        let mut minus_i = 0;
        let mut minus_t = 0.0;
        for op in &row.minus {
            minus_i += count(counts, *op)?;
            minus_t += median_ns(*op)?;
        }
        let ours_i = count(counts, row.ours)?.saturating_sub(minus_i);
        let ours_t = median_ns(row.ours)? - minus_t;
        let mut peer_i = 0;
        let mut peer_t = 0.0;
        for op in &row.peer {
            peer_i += count(counts, *op)?;
            peer_t += median_ns(*op)?;
        }
        peer_i = peer_i.saturating_sub(minus_i);
        peer_t -= minus_t;
        #[allow(clippy::cast_precision_loss)] // instruction counts are far below 2^52
        let ratio_i = ours_i as f64 / peer_i as f64;
        let _ = writeln!(
            w,
            "| {} | {ours_i} | {} | {peer_i} | {} | {ratio_i:.2} | {:.2} | {} |",
            row.what,
            time(ours_t),
            time(peer_t),
            ours_t / peer_t,
            row.target
        );
    }
    let _ = writeln!(
        w,
        "\nEvery operation alone:\n\n| id (criterion group/function, `count` argument) | instructions | wall (median) |\n|---|---:|---:|"
    );
    for op in Op::ALL {
        let _ = writeln!(
            w,
            "| `{}` | {} | {} |",
            op.id(),
            count(counts, op)?,
            time(median_ns(op)?)
        );
    }
    let _ = writeln!(
        w,
        "\n## Reproduce\n\n\
         ```sh\n\
         benches/report.sh                 # everything below, then this file\n\
         cargo bench -p claims-benches     # criterion, all groups (add `-- verify_hs256` for one)\n\
         benches/callgrind.sh              # instructions per operation (valgrind)\n\
         CALLGRIND_ANNOTATE=1 benches/callgrind.sh update/checked_claims   # and where they go\n\
         benches/build-cost.sh             # what the derive adds to a clean build\n\
         ```"
    );
    Ok(out)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [counts, machine] = args.as_slice() else {
        eprintln!("usage: report COUNTS MACHINE");
        return ExitCode::FAILURE;
    };
    let read =
        |path: &str| std::fs::read_to_string(path).map_err(|e| format!("reading {path}: {e}"));
    match read(counts)
        .and_then(|counts| Ok((counts, read(machine)?)))
        .and_then(|(counts, machine)| report(&counts, &machine))
    {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}
