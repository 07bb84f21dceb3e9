//! Compile-fail and pass cases of `#[derive(SessionClaims)]`, in `tests/ui`.
//!
//! The `.stderr` snapshots hold rustc's exact output, which changes between compilers: they were recorded
//! with Rust 1.95, and the test runs only there. On another toolchain, re-record them with
//! `TRYBUILD=overwrite cargo test -p claims-tests --test ui` and read the diff before committing it.

#[rustversion::attr(
    not(stable(1.95)),
    ignore = "the .stderr snapshots were recorded with Rust 1.95; re-record them with TRYBUILD=overwrite"
)]
#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/*.rs");
    cases.pass("ui/pass/*.rs");
}
