//! Shared helpers for the cross-crate test suites in `tests/`, and the README's example as a doc test.
//!
//! The conformance suites read the standard vectors from outside the repository, from
//! `$CLAIMS_VECTORS_DIR` (default: `../shared/vectors` beside the workspace root).

use std::path::{Path, PathBuf};

/// The workspace README, so that its examples compile and run as doc tests.
#[doc = include_str!("../../README.md")]
pub mod readme {}

/// The directory holding the standard test vectors, or `None` when it is absent.
///
/// When it is absent outside CI, the suite should be skipped with one line saying why; with `CI` set,
/// a missing directory is an error, so a CI run can never pass on zero vectors.
///
/// # Panics
///
/// When `CI` is set and the directory is missing: that is the failure CI must report.
pub fn vectors_dir(suite: &str) -> Option<PathBuf> {
    static SAID: std::sync::Once = std::sync::Once::new();
    let dir = std::env::var_os("CLAIMS_VECTORS_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/vectors"),
        PathBuf::from,
    );
    if dir.is_dir() {
        return Some(dir);
    }
    let why = format!(
        "vectors directory {} not found (set CLAIMS_VECTORS_DIR to the shared/vectors directory)",
        dir.display()
    );
    assert!(
        std::env::var_os("CI").is_none(),
        "{suite}: {why}; CI is set, so this is a failure"
    );
    SAID.call_once(|| println!("{suite} suite skipped: {why}"));
    None
}

/// Reads and parses the JSON vector file `name` in `dir`.
///
/// # Panics
///
/// When the file is missing or is not JSON: a broken vector set must fail the suite loudly.
pub fn read_vectors(dir: &Path, name: &str) -> serde_json::Value {
    let path = dir.join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|err| panic!("reading {}: {err}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|err| panic!("parsing {}: {err}", path.display()))
}
