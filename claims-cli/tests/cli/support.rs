//! Running the built `claims` binary, and the fixtures the tests read.

use std::path::PathBuf;
use std::time::Duration;

use serde_json::Value;

/// What a run of `claims` printed and how it exited.
#[derive(Debug)]
pub(crate) struct Run {
    pub(crate) code: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

impl Run {
    /// stdout parsed as JSON.
    pub(crate) fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|err| panic!("stdout is not JSON ({err}): {}", self.stdout))
    }

    /// Asserts that the run failed with `code` and exactly one line on stderr, and returns it.
    pub(crate) fn error_line(&self, code: i32) -> &str {
        assert_eq!(self.code, code, "{self:?}");
        assert_eq!(self.stdout, "", "{self:?}");
        let line = self
            .stderr
            .strip_suffix('\n')
            .unwrap_or_else(|| panic!("stderr does not end a line: {self:?}"));
        assert!(!line.contains('\n'), "more than one line: {self:?}");
        line.strip_prefix("error: ")
            .unwrap_or_else(|| panic!("no `error: ` prefix: {self:?}"))
    }
}

/// The development secret the tests hand to `claims` through the environment, never on the command line.
pub(crate) const SECRET: &str = "a development secret of 32 bytes or more";
/// The environment variable that holds [`SECRET`].
pub(crate) const SECRET_VAR: &str = "CLAIMS_TEST_SECRET";

/// An HS256 key with [`SECRET`].
pub(crate) fn hs256() -> claims_jwt::SigningKey {
    claims_jwt::SigningKey::hmac(claims_jwt::Algorithm::HS256, SECRET.as_bytes())
        .expect("an HS256 key")
}

/// Runs `claims args --secret-env CLAIMS_TEST_SECRET` with [`SECRET`] in that variable.
pub(crate) fn claims_with_secret(args: &[&str], stdin: &str) -> Run {
    let args = [args, &["--secret-env", SECRET_VAR]].concat();
    claims_with(&args, stdin, &[(SECRET_VAR, SECRET)])
}

/// Runs `claims inspect TOKEN --jwks PATH args`, `TOKEN` being the Clerk fixture's field `token` and
/// `PATH` the fixture file `jwks`; returns the run and the JWKS path.
pub(crate) fn inspect_clerk(token: &str, jwks: &str, args: &[&str]) -> (Run, String) {
    let clerk = clerk();
    let path = fixture(jwks);
    let run = claims(&[&["inspect", text(&clerk, token), "--jwks", &path][..], args].concat());
    (run, path)
}

/// Runs `claims args` with an empty stdin and no colour variables.
pub(crate) fn claims(args: &[&str]) -> Run {
    claims_with(args, "", &[])
}

/// Runs `claims args` with `stdin` and the environment variables `env`.
pub(crate) fn claims_with(args: &[&str], stdin: &str, env: &[(&str, &str)]) -> Run {
    let mut command = assert_cmd::cargo::cargo_bin_cmd!("claims");
    for var in ["NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE"] {
        command.env_remove(var);
    }
    let output = command
        .args(args)
        .envs(env.iter().copied())
        .write_stdin(stdin)
        .timeout(Duration::from_secs(60))
        .output()
        .expect("the claims binary runs");
    Run {
        code: output
            .status
            .code()
            .expect("claims exits, not killed by a signal"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// The path of a fixture file of this crate's tests.
pub(crate) fn fixture(name: &str) -> String {
    path(&format!("tests/fixtures/{name}"))
}

/// The path of a test key of claims-jwt.
pub(crate) fn key(name: &str) -> String {
    path(&format!("../claims-jwt/tests/keys/{name}"))
}

fn path(relative: &str) -> String {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), relative].iter().collect();
    path.to_str().expect("the path is UTF-8").to_owned()
}

/// Clerk's fixture tokens and their facts (see tests/fixtures/README.md).
pub(crate) fn clerk() -> Value {
    let text = std::fs::read_to_string(fixture("clerk.json")).expect("clerk.json is readable");
    serde_json::from_str(&text).expect("clerk.json is JSON")
}

/// A string field of a JSON value.
pub(crate) fn text<'a>(value: &'a Value, name: &str) -> &'a str {
    value[name]
        .as_str()
        .unwrap_or_else(|| panic!("`{name}` is not a string in {value}"))
}

/// A file holding `contents` in a fresh directory under the target directory, removed by nobody: each
/// test names its own.
pub(crate) fn temp_file(name: &str, contents: &str) -> String {
    let dir: PathBuf = [env!("CARGO_TARGET_TMPDIR"), "claims-cli"].iter().collect();
    std::fs::create_dir_all(&dir).expect("the test directory can be made");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("the test file can be written");
    path.to_str().expect("the path is UTF-8").to_owned()
}
