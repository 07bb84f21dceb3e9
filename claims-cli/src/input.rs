//! Reading what a command works on: a token or a file given as an argument, or stdin for `-`.

use std::io::{IsTerminal, Read};
use std::path::Path;

use serde_json::{Map, Value};

use crate::exit::Failure;

/// The most input read from a file or stdin: far above any token (a verifier caps those at 8 KiB) or
/// claims object, low enough that piping in the wrong file fails quickly.
const MAX_INPUT: u64 = 1 << 20;

/// The token in `arg`, or read from stdin for `-` or nothing; surrounding whitespace and a leading
/// `Bearer ` (as copied from an `Authorization` header) are dropped.
pub(crate) fn token(arg: Option<&str>) -> Result<String, Failure> {
    let text = match arg {
        Some("-") | None => stdin("the token", "TOKEN")?,
        Some(token) => token.to_owned(),
    };
    let token = text.trim();
    let token = token
        .strip_prefix("Bearer ")
        .or_else(|| token.strip_prefix("bearer "))
        .unwrap_or(token)
        .trim();
    if token.is_empty() {
        return Err(Failure::input(
            "no token: the input is empty; give the token as an argument or pipe it in",
        ));
    }
    Ok(token.to_owned())
}

/// The text of the file `arg`, or of stdin for `-` or nothing; `what` names it in errors.
pub(crate) fn text(arg: Option<&Path>, what: &str) -> Result<String, Failure> {
    match arg {
        Some(path) if path != Path::new("-") => file(path, what),
        _ => stdin(what, "FILE"),
    }
}

/// The text of the file at `path`; `what` names it in errors.
pub(crate) fn file(path: &Path, what: &str) -> Result<String, Failure> {
    let bytes = file_bytes(path, what)?;
    String::from_utf8(bytes).map_err(|_| {
        Failure::input(format!(
            "{what} {}: not UTF-8 text; give a JSON or PEM file",
            path.display()
        ))
    })
}

/// The bytes of the file at `path`, at most [`MAX_INPUT`]; `what` names it in errors.
pub(crate) fn file_bytes(path: &Path, what: &str) -> Result<Vec<u8>, Failure> {
    let file = std::fs::File::open(path).map_err(|err| {
        Failure::input(format!(
            "cannot read {what} {}: {err}; check the path",
            path.display()
        ))
    })?;
    read_capped(file, &format!("{what} {}", path.display()))
}

fn stdin(what: &str, argument: &str) -> Result<String, Failure> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return Err(Failure::input(format!(
            "no {argument} given and stdin is a terminal; give {what} as an argument or pipe it in"
        )));
    }
    let bytes = read_capped(stdin.lock(), &format!("{what} on stdin"))?;
    String::from_utf8(bytes)
        .map_err(|_| Failure::input(format!("{what} on stdin is not UTF-8 text")))
}

fn read_capped(reader: impl Read, what: &str) -> Result<Vec<u8>, Failure> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_INPUT + 1)
        .read_to_end(&mut bytes)
        .map_err(|err| Failure::input(format!("cannot read {what}: {err}")))?;
    if bytes.len() as u64 > MAX_INPUT {
        return Err(Failure::input(format!(
            "{what} is over {MAX_INPUT} bytes; give a token, a claims object or a key, not a larger file"
        )));
    }
    Ok(bytes)
}

/// `json` as a JSON object, or why it is not one (`found an array`, `not JSON: ...`).
pub(crate) fn json_object(json: &[u8]) -> Result<Map<String, Value>, String> {
    match serde_json::from_slice::<Value>(json) {
        Ok(Value::Object(members)) => Ok(members),
        Ok(other) => Err(format!(
            "found {}",
            match other {
                Value::Null => "null",
                Value::Bool(_) => "a boolean",
                Value::Number(_) => "a number",
                Value::String(_) => "a string",
                Value::Array(_) => "an array",
                Value::Object(_) => "an object",
            }
        )),
        Err(err) => Err(format!("not JSON: {err}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_lose_whitespace_and_a_bearer_prefix() {
        assert_eq!(token(Some("  a.b.c\n")), Ok("a.b.c".to_owned()));
        assert_eq!(token(Some("Bearer a.b.c")), Ok("a.b.c".to_owned()));
        assert_eq!(token(Some("bearer  a.b.c")), Ok("a.b.c".to_owned()));
        assert_eq!(
            token(Some(" \n")).unwrap_err().to_string(),
            "no token: the input is empty; give the token as an argument or pipe it in"
        );
    }

    #[test]
    fn input_is_capped() {
        let big = vec![b'x'; MAX_INPUT as usize + 1];
        let err = read_capped(big.as_slice(), "the claims").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("the claims is over 1048576 bytes")
        );
        let fits = vec![b'x'; MAX_INPUT as usize];
        assert_eq!(
            read_capped(fits.as_slice(), "x").map(|b| b.len()),
            Ok(fits.len())
        );
    }
}
