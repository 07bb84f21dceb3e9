//! The generated `globals.d.ts` files, type-checked by the real TypeScript compiler: a file reading every
//! claim with the types a frontend relies on compiles, one reading a misspelled claim does not.
//!
//! tsc comes from the npm registry into `tests/typescript/node_modules` (`npm ci --prefix tests/typescript`,
//! which `.ci/run` does). Without it these tests print why and pass, unless `CLAIMS_REQUIRE_TSC` is set, as
//! in `.ci/run`, where a missing compiler fails them.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use claims_tests::frontend::typescript_dir;

/// Longer than tsc takes for these few files on a busy machine, short enough to end a hung run.
const TSC_TIMEOUT: Duration = Duration::from_secs(120);

/// The project-local tsc, or `None` (with the reason printed) when it isn't installed and not required.
fn tsc() -> Option<PathBuf> {
    let tsc = typescript_dir().join("node_modules/.bin/tsc");
    if tsc.is_file() {
        return Some(tsc);
    }
    let message = format!(
        "{} is not installed, so the TypeScript check is skipped; install it with \
         `npm ci --prefix tests/typescript` (as .ci/run does)",
        tsc.display()
    );
    assert!(
        std::env::var_os("CLAIMS_REQUIRE_TSC").is_none(),
        "{message}"
    );
    // Straight to stderr: the test harness would swallow `eprintln!` from a passing test.
    let _ = writeln!(std::io::stderr(), "skipped: {message}");
    None
}

/// Runs tsc in strict mode, without emitting, on `files` (relative to `tests/typescript`).
fn run_tsc(tsc: &Path, files: &[&str]) -> Output {
    let mut child = Command::new(tsc)
        .args([
            "--noEmit", "--strict", "--pretty", "false", "--target", "es2020", "--lib", "es2020",
        ])
        .args(files)
        .current_dir(typescript_dir())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|err| panic!("starting {}: {err}", tsc.display()));
    let start = Instant::now();
    while child.try_wait().expect("waiting for tsc").is_none() {
        if start.elapsed() > TSC_TIMEOUT {
            let _ = child.kill();
            panic!("tsc ran longer than {TSC_TIMEOUT:?} on {files:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().expect("reading tsc's output")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs tsc on `files` and asserts it accepts them without a word.
fn assert_compiles(tsc: &Path, files: &[&str]) {
    let out = run_tsc(tsc, files);
    assert_eq!(
        out.status.code(),
        Some(0),
        "tsc refused {files:?}:\n{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert_eq!(text(&out.stdout), "");
}

#[test]
fn every_claim_of_the_readme_struct_reads_with_its_type() {
    let Some(tsc) = tsc() else { return };
    assert_compiles(
        &tsc,
        &["readme/types/globals.d.ts", "readme/reads-every-claim.ts"],
    );
}

#[test]
fn every_shape_reads_with_its_type() {
    let Some(tsc) = tsc() else { return };
    assert_compiles(
        &tsc,
        &[
            "every-shape/types/globals.d.ts",
            "every-shape/reads-every-claim.ts",
        ],
    );
}

#[test]
fn a_misspelled_claim_does_not_compile() {
    let Some(tsc) = tsc() else { return };
    let out = run_tsc(
        &tsc,
        &["readme/types/globals.d.ts", "readme/misspelled-claim.ts"],
    );
    // tsc exits 2 when it reports errors in the files it was given.
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stdout),
        "readme/misspelled-claim.ts(7,30): error TS2339: Property 'primaryEmailAddress' does not exist on \
         type 'CustomJwtSessionClaims'.\n"
    );
}

#[test]
fn without_the_declaration_no_claim_compiles() {
    // The control for the test above: the claims' type comes from the generated file alone.
    let Some(tsc) = tsc() else { return };
    let out = run_tsc(&tsc, &["readme/reads-every-claim.ts"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stdout).contains("error TS2304: Cannot find name 'CustomJwtSessionClaims'."),
        "{}",
        text(&out.stdout)
    );
}
