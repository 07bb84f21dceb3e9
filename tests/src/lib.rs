//! Shared helpers for the cross-crate test suites in `tests/`, and the README's example as a doc test.
//!
//! The standard vectors (RFC 7396, 7515, 7519, 7520, Clerk and Stytch fixtures) live in `tests/vectors/`
//! inside the repository, so a clone tests everything on its own; see `tests/vectors/README.md` for their
//! sources.

use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use claims_jwt::jsonwebtoken::{EncodingKey, crypto};
use claims_jwt::{Algorithm, Clock, Generic, Verifier, VerifyingKey};
use serde_json::{Map, Value};

pub mod events;
pub mod frontend;
pub mod remote_jwks;

/// The workspace README, so that its examples compile and run as doc tests.
#[doc = include_str!("../../README.md")]
pub mod readme {}

/// Dynamic custom claims: a JSON object, checked at run time.
pub type Dynamic = Map<String, Value>;

/// The fixed instant (2023-11-14T22:13:20Z) the suites' clocks stand at, unless a vector fixes its own.
pub const NOW: u64 = 1_700_000_000;

/// The HMAC secret the suites sign with: 36 bytes, above HS256's 32-byte minimum.
pub const SECRET: &[u8] = b"test suite secret of 32 bytes or more";

/// Test keys in PEM, generated once for these suites (`claims-jwt/tests/keys`).
pub mod keys {
    /// RSA 2048-bit private key (PKCS#8).
    pub const RSA: &[u8] = include_bytes!("../../claims-jwt/tests/keys/rsa2048.pem");
    /// Its public key.
    pub const RSA_PUB: &[u8] = include_bytes!("../../claims-jwt/tests/keys/rsa2048.pub.pem");
    /// RSA 3072-bit private key (PKCS#8).
    pub const RSA3072: &[u8] = include_bytes!("../../claims-jwt/tests/keys/rsa3072.pem");
    /// RSA 4096-bit private key (PKCS#8).
    pub const RSA4096: &[u8] = include_bytes!("../../claims-jwt/tests/keys/rsa4096.pem");
    /// P-256 private key.
    pub const P256: &[u8] = include_bytes!("../../claims-jwt/tests/keys/p256.pem");
    /// Its public key.
    pub const P256_PUB: &[u8] = include_bytes!("../../claims-jwt/tests/keys/p256.pub.pem");
    /// P-384 private key.
    pub const P384: &[u8] = include_bytes!("../../claims-jwt/tests/keys/p384.pem");
    /// Its public key.
    pub const P384_PUB: &[u8] = include_bytes!("../../claims-jwt/tests/keys/p384.pub.pem");
    /// Ed25519 private key.
    pub const ED: &[u8] = include_bytes!("../../claims-jwt/tests/keys/ed25519.pem");
    /// Its public key.
    pub const ED_PUB: &[u8] = include_bytes!("../../claims-jwt/tests/keys/ed25519.pub.pem");
}

/// Base64url without padding, as JWS segments are written.
pub fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// A token with exactly this header and payload text, HS256-signed with [`SECRET`] whatever they say.
///
/// It signs with jsonwebtoken's primitive, not with claims-jwt's keys, so a suite can build tokens that
/// claims-jwt would refuse to mint: only the property under test is wrong, the MAC is valid.
///
/// # Panics
///
/// If the HMAC primitive fails, which it does not for a non-empty key.
pub fn signed(header: &[u8], payload: &[u8]) -> String {
    let message = format!("{}.{}", b64(header), b64(payload));
    let signature = crypto::sign(
        message.as_bytes(),
        &EncodingKey::from_secret(SECRET),
        Algorithm::HS256,
    )
    .expect("HMAC signing does not fail");
    format!("{message}.{signature}")
}

/// The verifier of the tokens [`signed`] makes: HS256 with [`SECRET`], the [`Generic`] layout, its clock
/// at [`NOW`], every other setting at its default.
///
/// # Panics
///
/// If [`SECRET`] is refused as an HS256 key, which it is not: it is longer than 32 bytes.
pub fn verifier() -> Verifier<Generic> {
    Verifier::new(VerifyingKey::hs256(SECRET).expect("SECRET is a valid HS256 key"))
        .with_clock(Clock::fixed(NOW))
}

/// One `#[test]` per refusal: `name: expression => == expected_error;` asserts that the expression (a
/// `Result`) is `Err(expected_error)`, comparing the whole error; `name: expression => ~ (pattern) if
/// guard;` matches it instead, for errors that quote serde (`Malformed`) or hold the clock's time.
#[macro_export]
macro_rules! refuses {
    () => {};
    ($name:ident: $run:expr => == $expected:expr; $($rest:tt)*) => {
        #[test]
        fn $name() {
            assert_eq!($run.map(|_| ()), Err($expected));
        }
        $crate::refuses!($($rest)*);
    };
    ($name:ident: $run:expr => ~ ($expected:pat) $(if $guard:expr)?; $($rest:tt)*) => {
        #[test]
        fn $name() {
            let result = $run.map(|_| ());
            assert!(matches!(&result, Err($expected) $(if $guard)?), "{result:?}");
        }
        $crate::refuses!($($rest)*);
    };
}

/// `value` as dynamic claims.
///
/// # Panics
///
/// If `value` is not a JSON object: a suite's own fixture is wrong.
pub fn dynamic(value: Value) -> Dynamic {
    match value {
        Value::Object(map) => map,
        other => panic!("dynamic claims must be a JSON object, not {other}"),
    }
}

/// The directory of the standard vectors, inside the repository.
pub fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("vectors")
}

/// Reads and parses the vector file `name` (e.g. `"rfc7396_merge.json"`) from [`vectors_dir`].
///
/// # Panics
///
/// When the file is missing, unreadable or not JSON: a broken vector set fails the suite, never skips it.
pub fn vectors(name: &str) -> Value {
    let path = vectors_dir().join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|err| panic!("reading vector file {}: {err}", path.display()));
    serde_json::from_str(&text)
        .unwrap_or_else(|err| panic!("parsing vector file {}: {err}", path.display()))
}

/// The entry of a vector array whose `name` starts with `name_starts`.
///
/// # Panics
///
/// When `entries` is not an array or holds no such entry.
pub fn entry<'v>(entries: &'v Value, name_starts: &str) -> &'v Value {
    entries
        .as_array()
        .expect("a vector array")
        .iter()
        .find(|e| {
            e["name"]
                .as_str()
                .is_some_and(|n| n.starts_with(name_starts))
        })
        .unwrap_or_else(|| panic!("no vector named {name_starts}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_vector_file_is_present_and_parses() {
        for name in [
            "rfc7396_merge.json",
            "rfc7515_jws.json",
            "rfc7520_sign.json",
            "provider_examples.json",
        ] {
            assert!(!vectors(name).is_null(), "{name}");
        }
    }

    #[test]
    #[should_panic(expected = "reading vector file")]
    fn a_missing_vector_file_fails_instead_of_skipping() {
        let _ = vectors("no_such_vectors.json");
    }
}
