//! Compile-fail and pass cases of `#[derive(SessionClaims)]`, in `tests/ui`.
//!
//! The `.stderr` snapshots hold rustc's exact output, which changes between compilers: they were recorded
//! with Rust 1.95, and the test runs only there. On another toolchain it prints why and passes, unless
//! `CLAIMS_REQUIRE_UI` is set, as `.ci/run` does: there a skipped suite is a failure. To move to another
//! compiler, re-record them with `TRYBUILD=overwrite cargo test -p claims-tests --test ui` and read the
//! diff before committing it.

use std::io::Write as _;

#[test]
fn ui() {
    if !rustversion::cfg!(stable(1.95)) {
        let message = "the .stderr snapshots were recorded with Rust 1.95 and this is another compiler, \
                       so the compile-fail suite is skipped; run it with Rust 1.95, or re-record the \
                       snapshots with TRYBUILD=overwrite";
        assert!(std::env::var_os("CLAIMS_REQUIRE_UI").is_none(), "{message}");
        // Straight to stderr: the test harness would swallow `eprintln!` from a passing test.
        let _ = writeln!(std::io::stderr(), "skipped: {message}");
        return;
    }
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/*.rs");
    cases.pass("ui/pass/*.rs");
}
