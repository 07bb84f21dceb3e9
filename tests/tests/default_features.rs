//! The derive as an application gets it with claims-core's default features, which no build of this
//! workspace sees: claims-tests turns on `typescript`, and features unify across a workspace. So the
//! package `tests/default-features` lives outside it, and this test runs `cargo test` on it, with the
//! workspace's lock file (offline: its dependencies are this workspace's) and a target directory of its
//! own: derived structs have no `TsType`, every other item is there, a field's `ts_type` compiles and
//! `#[claims(typescript)]` does not.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Longer than a clean build of the package's few dependencies takes on a busy 2-core machine, short
/// enough to end a hung run.
const CARGO_TIMEOUT: Duration = Duration::from_secs(900);

#[test]
fn the_derive_with_default_features_writes_no_typescript() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let package = root.join("tests/default-features");
    // the workspace's versions, so that nothing is resolved or fetched (the copy is ignored by git)
    std::fs::copy(root.join("Cargo.lock"), package.join("Cargo.lock")).expect("copying Cargo.lock");
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("default-features");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut child = Command::new(cargo)
        .arg("test")
        .arg("--offline")
        .arg("--manifest-path")
        .arg(package.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(&target)
        .env("CARGO_TERM_COLOR", "never")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starting cargo");
    let start = Instant::now();
    while child.try_wait().expect("waiting for cargo").is_none() {
        if start.elapsed() > CARGO_TIMEOUT {
            child.kill().expect("stopping cargo");
            panic!(
                "`cargo test` on {} took over {CARGO_TIMEOUT:?}",
                package.display()
            );
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    let output = child.wait_with_output().expect("reading cargo's output");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    // "ok. N passed; M failed" of each test binary: the two unit tests, then the example that compiles
    // and the one that must not
    let results: Vec<&str> = stdout
        .lines()
        .filter_map(|line| line.strip_prefix("test result: "))
        .map(|result| result.split("; 0 ignored").next().unwrap_or(result))
        .collect();
    assert_eq!(
        results,
        [
            "ok. 2 passed; 0 failed",
            "ok. 1 passed; 0 failed",
            "ok. 1 passed; 0 failed"
        ],
        "{stdout}"
    );
}
