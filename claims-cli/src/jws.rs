//! Taking a compact JWS apart without a key, for display: what each segment holds, or one line saying
//! which segment is broken and how. Nothing here trusts or checks the token; claims-jwt's `Verifier`
//! does that.

use base64::DecodeError;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Map, Value};

use crate::exit::Failure;
use crate::input;

/// The decoded segments of a compact JWS.
#[derive(Debug)]
pub(crate) struct Compact {
    /// The header's JSON text, as decoded.
    pub(crate) header_json: Vec<u8>,
    /// The header's members.
    pub(crate) header: Map<String, Value>,
    /// The payload's JSON text, as decoded.
    pub(crate) payload_json: Vec<u8>,
    /// The payload's claims (a repeated name keeps its last value; claims-jwt refuses it).
    pub(crate) claims: Map<String, Value>,
    /// Bytes of the decoded signature.
    pub(crate) signature_len: usize,
}

impl Compact {
    /// The header's `alg`, if it is a string.
    pub(crate) fn alg(&self) -> Option<&str> {
        self.header.get("alg").and_then(Value::as_str)
    }
}

/// Decodes `token`'s three segments, or says which one is not what a JWT holds.
pub(crate) fn decode(token: &str) -> Result<Compact, Failure> {
    let segments: Vec<&str> = token.split('.').collect();
    let [header, payload, signature] = segments[..] else {
        let found = segments.len();
        let hint = if found == 5 {
            "; this looks like an encrypted JWE, which only its recipient can read"
        } else {
            "; copy the whole token: header.payload.signature"
        };
        return Err(Failure::input(format!(
            "not a JWT: expected 3 segments separated by '.', found {found}{hint}"
        )));
    };
    let header_json = base64url(header, "header")?;
    let header = object(&header_json, "header")?;
    let payload_json = base64url(payload, "payload")?;
    let claims = object(&payload_json, "payload")?;
    let signature_len = base64url(signature, "signature")?.len();
    Ok(Compact {
        header_json,
        header,
        payload_json,
        claims,
        signature_len,
    })
}

fn base64url(segment: &str, name: &str) -> Result<Vec<u8>, Failure> {
    URL_SAFE_NO_PAD.decode(segment).map_err(|err| {
        let why = match err {
            DecodeError::InvalidByte(offset, byte) => {
                format!("{} at offset {offset} is not a base64url character", shown(byte))
            }
            DecodeError::InvalidLength(len) => {
                format!("{len} characters cannot be base64url (a character is missing or extra)")
            }
            DecodeError::InvalidLastSymbol(offset, byte) => format!(
                "its last character, {} at offset {offset}, cannot end base64url of this length",
                shown(byte)
            ),
            DecodeError::InvalidPadding => "JWTs carry no `=` padding".to_owned(),
        };
        Failure::input(format!(
            "not a JWT: the {name} segment is not base64url: {why}; copy the token again, whole and unchanged"
        ))
    })
}

/// A byte for an error message: the character when printable ASCII.
fn shown(byte: u8) -> String {
    if byte.is_ascii_graphic() {
        format!("`{}`", char::from(byte))
    } else {
        format!("byte 0x{byte:02x}")
    }
}

fn object(json: &[u8], name: &str) -> Result<Map<String, Value>, Failure> {
    input::json_object(json).map_err(|why| {
        Failure::input(format!(
            "not a JWT: the {name} is not a JSON object ({why}); a JWT's {name} is one"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(token: &str) -> String {
        decode(token).unwrap_err().to_string()
    }

    #[test]
    fn segments_are_counted() {
        assert_eq!(
            message("hello"),
            "not a JWT: expected 3 segments separated by '.', found 1; copy the whole token: header.payload.signature"
        );
        assert!(message("a.b.c.d.e").ends_with(
            "found 5; this looks like an encrypted JWE, which only its recipient can read"
        ));
    }

    #[test]
    fn bad_base64_names_the_segment_and_the_character() {
        assert_eq!(
            message("e%J.e30.AA"),
            "not a JWT: the header segment is not base64url: `%` at offset 1 is not a base64url character; \
             copy the token again, whole and unchanged"
        );
        // `e31` leaves bits set after its two bytes: a truncated or altered segment.
        assert!(message("e30.e31.AA").contains(
            "the payload segment is not base64url: its last character, `1` at offset 2, cannot end base64url"
        ));
        assert!(message("e30.e30.A").contains("1 characters cannot be base64url"));
    }

    #[test]
    fn header_and_payload_must_be_objects() {
        // `WzFd` is `[1]`, `e30` is `{}`.
        assert_eq!(
            message("WzFd.e30."),
            "not a JWT: the header is not a JSON object (found an array); a JWT's header is one"
        );
        // RFC 7515 A.4's payload is the text `Payload`.
        assert!(message("e30.UGF5bG9hZA.").starts_with(
            "not a JWT: the payload is not a JSON object (not JSON: expected value at line 1 column 1)"
        ));
        let compact = decode("eyJhbGciOiJub25lIn0.e30.").unwrap();
        assert_eq!((compact.alg(), compact.signature_len), (Some("none"), 0));
        assert!(compact.claims.is_empty());
    }
}
