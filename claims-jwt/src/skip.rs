//! Why a member of a JWK set was left out of a [`crate::KeySet`]: the reason, kept for diagnostics.

use std::fmt;

use jsonwebtoken::Algorithm;

/// A member of a JWK set that was left out, and why.
///
/// ```
/// use claims_jwt::{Algorithm, KeySet, SkipReason, SkippedKey};
///
/// let secret = "A".repeat(43); // 32 bytes
/// let jwks = format!(r#"{{"keys":[{{"kty":"oct","kid":"enc","k":"{secret}","use":"enc"}},{{"kty":"oct","kid":"a","k":"{secret}"}},
///     {{"kty":"oct","kid":"weak","k":"c2VjcmV0"}}]}}"#);
/// let set = KeySet::from_jwks_json(&jwks)?;
/// assert_eq!(set.len(), 1);
/// assert_eq!(
///     set.skipped(),
///     [
///         SkippedKey { index: 0, kid: Some("enc".into()), reason: SkipReason::NotForSignatures { found: "enc".into() } },
///         SkippedKey { index: 2, kid: Some("weak".into()), reason: SkipReason::WeakKey { alg: Algorithm::HS256, min_len: 32, len: 6 } },
///     ]
/// );
/// # Ok::<(), claims_jwt::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedKey {
    /// Its position in the set's `keys` array.
    pub index: usize,
    /// Its `kid`, when it has one that is a string.
    pub kid: Option<String>,
    /// Why it cannot verify tokens here.
    pub reason: SkipReason,
}

/// Why a member of a JWK set was skipped.
///
/// ```
/// use claims_jwt::{Algorithm, KeySet, SkipReason};
///
/// // A remote set accepting RS256 only: the `oct` secret is refused, the P-521 key is unsupported.
/// let jwks = r#"{"keys":[{"kty":"oct","k":"c2VjcmV0"},
///     {"kty":"EC","crv":"P-521","x":"AQ","y":"AQ"}]}"#;
/// let set = KeySet::from_jwks_json_with_algs(jwks, &[Algorithm::RS256])?;
/// assert!(set.is_empty());
/// assert_eq!(set.skipped()[0].reason, SkipReason::NotAccepted { kty: "oct".into(), alg: None });
/// assert_eq!(set.skipped()[1].reason.to_string(), "no supported algorithm for key type `EC` on curve P-521");
/// # Ok::<(), claims_jwt::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SkipReason {
    /// Not a JWK this crate can read, e.g. a `kid` that is not a string.
    Unreadable {
        /// What the JWK parser said.
        reason: String,
    },
    /// `use` says the key is not for signatures.
    NotForSignatures {
        /// The `use` value, e.g. `enc`.
        found: String,
    },
    /// `key_ops` does not list `verify`.
    NoVerifyOperation,
    /// A key type, curve or algorithm this crate cannot verify with (P-521, X25519, `RSA-OAEP`...).
    Unsupported {
        /// What is unsupported.
        what: String,
    },
    /// The JWK's `alg` does not fit its key type or curve, e.g. an RSA key with `alg: ES256`.
    AlgorithmMismatch {
        /// The key type (`kty`).
        kty: String,
        /// The JWK's `alg`.
        alg: Algorithm,
    },
    /// The key's algorithm is not one the set accepts: the JWK's `alg` (`Some`), or, for a JWK without one,
    /// none of the accepted algorithms fits its type (`None`; e.g. an `oct` secret in a remote set).
    NotAccepted {
        /// The key type (`kty`).
        kty: String,
        /// The JWK's `alg`, if it has one.
        alg: Option<Algorithm>,
    },
    /// An `oct` secret shorter than its algorithm's hash output (RFC 7518 §3.2), as
    /// [`crate::Error::WeakKey`] refuses it when a key is built.
    WeakKey {
        /// The algorithm the key would serve.
        alg: Algorithm,
        /// The shortest secret allowed, in bytes.
        min_len: usize,
        /// The secret's length, in bytes.
        len: usize,
    },
    /// The key material cannot be used (bad base64url, a malformed modulus...).
    Invalid {
        /// What the key parser said.
        reason: String,
    },
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::Unreadable { reason } => write!(f, "not a readable JWK: {reason}"),
            SkipReason::NotForSignatures { found } => {
                write!(f, "`use` is `{found}`, not `sig`")
            }
            SkipReason::NoVerifyOperation => f.write_str("`key_ops` does not list `verify`"),
            SkipReason::Unsupported { what } => write!(f, "no supported algorithm for {what}"),
            SkipReason::AlgorithmMismatch { kty, alg } => {
                write!(f, "`alg` {alg:?} does not fit key type `{kty}`")
            }
            SkipReason::NotAccepted {
                kty,
                alg: Some(alg),
            } => {
                write!(f, "algorithm {alg:?} (key type `{kty}`) is not accepted")
            }
            SkipReason::NotAccepted { kty, alg: None } => {
                write!(f, "no accepted algorithm fits key type `{kty}`")
            }
            SkipReason::WeakKey { alg, min_len, len } => write!(
                f,
                "the {alg:?} secret is {len} bytes, shorter than the {min_len} bytes of the hash output"
            ),
            SkipReason::Invalid { reason } => write!(f, "unusable key material: {reason}"),
        }
    }
}

impl fmt::Display for SkippedKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kid {
            Some(kid) => write!(f, "key {} (`kid` `{kid}`): {}", self.index, self.reason),
            None => write!(f, "key {} (no `kid`): {}", self.index, self.reason),
        }
    }
}
