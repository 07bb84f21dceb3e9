//! The one error type of `claims-jwt`.

use std::fmt;

use claims_core::{BoundKind, ClaimsError};
use jsonwebtoken::Algorithm;

use crate::ErrorKind;

/// Everything that can go wrong while minting, verifying or updating a token.
///
/// Match on the variant for details, or on [`Error::kind`] (and [`Error::status`]) to answer a request:
/// no string matching is ever needed. The enum is `#[non_exhaustive]`: keep a catch-all arm.
///
/// ```
/// use claims_jwt::{Error, ErrorKind};
///
/// let err = Error::Expired { exp: 100, now: 160, leeway: 5 };
/// assert_eq!((err.kind(), err.status()), (ErrorKind::Unauthorized, 401));
/// assert_eq!(err.to_string(), "the token expired at 100 (now 160, leeway 5 s)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The token is longer than the verifier accepts; refused before any decoding.
    TooLong {
        /// The token's length in bytes.
        len: usize,
        /// The configured cap ([`crate::Verifier::with_max_token_len`]).
        max: usize,
    },
    /// The token is not a compact JWS carrying a JSON object: wrong number of segments, bad base64url,
    /// a header or payload that is not a JSON object, a header without `alg` or with a member this crate
    /// reads (`alg`, `kid`, `typ`) that is not a string.
    Malformed {
        /// The segment at fault.
        part: Segment,
        /// What is wrong with it.
        reason: String,
    },
    /// The header segment is longer than the verifier accepts; refused before decoding it.
    HeaderTooLong {
        /// The segment's length in base64url characters.
        len: usize,
        /// The configured cap ([`crate::Verifier::with_max_header_len`]).
        max: usize,
    },
    /// The same header parameter appears twice (RFC 7515 §4 requires unique names), escaped or not.
    DuplicateHeaderParameter {
        /// The repeated name.
        name: String,
    },
    /// The header carries a parameter this verifier refuses: `crit` (no extension is understood, RFC 7515
    /// §4.1.11), or one that points at a key (`jku`, `jwk`, `x5u`, `x5c`: keys come only from the verifier,
    /// RFC 8725 §3.10).
    HeaderParameterRefused {
        /// The parameter.
        name: String,
    },
    /// The header's `kid` is longer than [`crate::MAX_KID_LEN`]; refused before any key lookup.
    KidTooLong {
        /// The `kid`'s length in bytes.
        len: usize,
        /// The cap.
        max: usize,
    },
    /// The header's `typ` is not the media type the layout mints, or is absent (RFC 8725 §3.11: another
    /// kind of token, such as an `at+jwt` access token, must not pass as a session token).
    InvalidType {
        /// The media type the layout mints ([`crate::Layout::TYP`]).
        expected: &'static str,
        /// The header's `typ`, or `None` when it has none.
        found: Option<String>,
    },
    /// The header names another algorithm than the key is pinned to (`none` and HS/RS confusion land here).
    AlgorithmMismatch {
        /// The key's algorithm.
        expected: Algorithm,
        /// The header's `alg`, as written.
        found: String,
    },
    /// The header's `kid` names no key of the key set.
    UnknownKid {
        /// The `kid` from the header.
        kid: String,
    },
    /// The header has no `kid`, and the key set holds more than one key to choose from.
    MissingKid,
    /// The signature does not match the header and payload.
    InvalidSignature,
    /// A registered or layout claim has the wrong JSON type or range, e.g. a string or negative `exp`.
    /// Never treated as absent (compare CVE-2026-25537).
    InvalidClaim {
        /// The claim.
        name: String,
        /// What it must be.
        expected: &'static str,
        /// What it was.
        found: String,
    },
    /// The payload is a JSON object, but its claims are refused as a whole: a name appears twice
    /// (`ClaimsError::DuplicateClaim`; RFC 7519 §4 requires unique names), or they do not fit the
    /// custom-claims type (`ClaimsError::Json`, with serde's message).
    InvalidPayload(ClaimsError),
    /// A claim the verifier requires is absent (`exp` by default; `iss`, `aud` when configured).
    MissingClaim {
        /// The claim.
        name: &'static str,
    },
    /// `exp` is past: `now >= exp + leeway`.
    Expired {
        /// The token's `exp`.
        exp: u64,
        /// The verifier's clock.
        now: u64,
        /// The leeway, in seconds.
        leeway: u64,
    },
    /// `nbf` is in the future: `now + leeway < nbf`.
    NotYetValid {
        /// The token's `nbf`.
        nbf: u64,
        /// The verifier's clock.
        now: u64,
        /// The leeway, in seconds.
        leeway: u64,
    },
    /// `iat` is in the future: `iat > now + leeway`.
    IssuedInFuture {
        /// The token's `iat`.
        iat: u64,
        /// The verifier's clock.
        now: u64,
        /// The leeway, in seconds.
        leeway: u64,
    },
    /// `iat` is older than the verifier's maximum token age: `now > iat + max_age + leeway`
    /// ([`crate::Verifier::with_max_token_age`], as Stytch's `max_token_age_seconds`). Unlike
    /// [`Error::LifetimeTooLong`], which bounds `exp - iat` whatever the clock, this bounds the time since
    /// `iat`.
    TooOld {
        /// The token's `iat`.
        iat: u64,
        /// The verifier's clock.
        now: u64,
        /// The maximum age, in seconds.
        max_age: u64,
        /// The leeway, in seconds.
        leeway: u64,
    },
    /// The token lives longer than the verifier allows: `exp - iat` (or `exp - now` without `iat`) is over
    /// the maximum lifetime ([`crate::Verifier::with_max_lifetime`], the layout's by default).
    LifetimeTooLong {
        /// The token's lifetime, in seconds.
        lifetime: u64,
        /// The maximum, in seconds.
        max: u64,
    },
    /// `iss` is not one of the configured issuers.
    InvalidIssuer {
        /// The token's `iss`.
        found: String,
    },
    /// No value of `aud` is one of the configured audiences.
    InvalidAudience {
        /// The token's audiences.
        found: Vec<String>,
    },
    /// The token names audiences but the verifier has none configured to identify itself with (RFC 7519
    /// §4.1.3 requires refusing it; [`crate::Verifier::with_any_audience`] opts out).
    UnexpectedAudience {
        /// The token's audiences.
        found: Vec<String>,
    },
    /// `azp` is not one of the configured authorized parties.
    UnauthorizedParty {
        /// The token's `azp`.
        azp: String,
    },
    /// Minting refused the claims: bounds, reserved names, the custom-claims budget, or the exact token
    /// and cookie length (`ClaimsError::OverBudget` names the budget and the overflow).
    Claims(ClaimsError),
    /// Minting refused a registered or provider claim outside the layout's bounds (the ones a
    /// [`crate::CookieProof`] counts, [`crate::bounds`]): longer than its bound, or present where the
    /// bounds say it is never written. Nothing was minted.
    LayoutBound {
        /// The claim, as a path: `sid`, `o.per`, `aud[1]`, `fva[0]`.
        claim: String,
        /// What was measured: `MaxLen` (a string's JSON-escaped bytes), `MaxItems` (a list's items), or
        /// `MaxJsonLen` (a number's characters, a JSON value's bytes).
        bound: BoundKind,
        /// The bound; `None` when the bounds say the claim is never written.
        limit: Option<usize>,
        /// The value's size, in the bound's unit.
        actual: usize,
    },
    /// [`crate::Minter::with_proof`] refused a proof that assumed less than the minter writes: a shorter
    /// signature or `kid` than its key's.
    ProofMismatch {
        /// What differs: `signature` (its bytes) or `kid` (its JSON-escaped bytes).
        what: &'static str,
        /// What the proof assumed at most; `None` for a `kid`: none at all.
        proved: Option<usize>,
        /// What the minter's key has.
        actual: usize,
    },
    /// An update was refused (reserved name, budget, depth, a result the claims type cannot hold); the
    /// verified token is untouched and nothing was minted.
    Update(ClaimsError),
    /// A key could not be read or does not fit the algorithm.
    Key(jsonwebtoken::errors::Error),
    /// An HMAC secret is shorter than the hash output of its algorithm (RFC 7518 §3.2): 32 bytes for
    /// HS256, 48 for HS384, 64 for HS512. Refused when the key is built.
    WeakKey {
        /// The key's algorithm.
        alg: Algorithm,
        /// The shortest secret allowed, in bytes.
        min_len: usize,
        /// The secret's length, in bytes.
        len: usize,
    },
    /// A verifier's leeway is over [`crate::MAX_LEEWAY`]; refused when it is configured.
    LeewayTooLong {
        /// The leeway asked for, in whole seconds.
        leeway: u64,
        /// The maximum, in seconds.
        max: u64,
    },
    /// The minter's TTL is over its maximum lifetime ([`crate::Minter::with_max_lifetime`], the layout's
    /// by default): its verifiers would refuse the token.
    TtlTooLong {
        /// The TTL, in seconds.
        ttl: u64,
        /// The maximum lifetime, in seconds.
        max: u64,
    },
    /// The crypto backend failed to sign.
    Signing(jsonwebtoken::errors::Error),
    /// The remote JWKS cannot give a key now (unreachable, refused, too stale) or is misconfigured.
    #[cfg(feature = "remote-jwks")]
    Jwks(crate::JwksError),
}

/// The part of a compact JWS an [`Error::Malformed`] is about.
///
/// ```
/// # use claims_jwt::{Error, Segment};
/// let err = Error::Malformed { part: Segment::Payload, reason: "not valid JSON".into() };
/// assert_eq!(err.to_string(), "malformed token payload: not valid JSON");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Segment {
    /// The whole token (e.g. not three segments).
    Token,
    /// The protected header.
    Header,
    /// The payload.
    Payload,
    /// The signature.
    Signature,
}

impl fmt::Display for Segment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Segment::Token => "token",
            Segment::Header => "header",
            Segment::Payload => "payload",
            Segment::Signature => "signature",
        })
    }
}

impl Error {
    /// What this error means to a request handler.
    ///
    /// ```
    /// use claims_jwt::{ClaimsError, Error, ErrorKind};
    /// let over = ClaimsError::NotAnObject { what: "patch", found: "array" };
    /// assert_eq!(Error::Update(over.clone()).kind(), ErrorKind::InvalidUpdate);
    /// assert_eq!(Error::Claims(over).kind(), ErrorKind::Internal);
    /// assert_eq!(Error::InvalidSignature.kind(), ErrorKind::Unauthorized);
    /// ```
    pub const fn kind(&self) -> ErrorKind {
        match self {
            Error::TooLong { .. }
            | Error::Malformed { .. }
            | Error::HeaderTooLong { .. }
            | Error::DuplicateHeaderParameter { .. }
            | Error::KidTooLong { .. } => ErrorKind::Malformed,
            Error::HeaderParameterRefused { .. }
            | Error::InvalidType { .. }
            | Error::AlgorithmMismatch { .. }
            | Error::UnknownKid { .. }
            | Error::MissingKid
            | Error::InvalidSignature
            | Error::InvalidClaim { .. }
            | Error::InvalidPayload(_)
            | Error::MissingClaim { .. }
            | Error::Expired { .. }
            | Error::NotYetValid { .. }
            | Error::IssuedInFuture { .. }
            | Error::TooOld { .. }
            | Error::LifetimeTooLong { .. }
            | Error::InvalidIssuer { .. }
            | Error::InvalidAudience { .. }
            | Error::UnexpectedAudience { .. }
            | Error::UnauthorizedParty { .. } => ErrorKind::Unauthorized,
            Error::Update(_) => ErrorKind::InvalidUpdate,
            Error::Claims(_)
            | Error::LayoutBound { .. }
            | Error::ProofMismatch { .. }
            | Error::Key(_)
            | Error::WeakKey { .. }
            | Error::LeewayTooLong { .. }
            | Error::TtlTooLong { .. }
            | Error::Signing(_) => ErrorKind::Internal,
            #[cfg(feature = "remote-jwks")]
            Error::Jwks(err) => err.kind(),
        }
    }

    /// The HTTP status code: `self.kind().status()`.
    pub const fn status(&self) -> u16 {
        self.kind().status()
    }

    pub(crate) fn malformed(part: Segment, reason: impl Into<String>) -> Self {
        Error::Malformed {
            part,
            reason: reason.into(),
        }
    }
}

impl fmt::Display for Error {
    // One arm per variant, each message in one place: splitting the match would only scatter them.
    #[allow(clippy::too_many_lines)]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::TooLong { len, max } => write!(
                f,
                "the token is {len} bytes long, over the verifier's cap of {max} bytes; refused before decoding"
            ),
            Error::Malformed { part, reason } => write!(f, "malformed token {part}: {reason}"),
            Error::HeaderTooLong { len, max } => write!(
                f,
                "the token's header is {len} characters long, over the verifier's cap of {max}; refused \
                 before decoding"
            ),
            Error::DuplicateHeaderParameter { name } => write!(
                f,
                "header parameter `{name}` appears more than once; RFC 7515 §4 requires unique names"
            ),
            Error::HeaderParameterRefused { name } if name == "crit" => f.write_str(
                "the token's header has `crit`, naming extensions this verifier does not understand \
                 (RFC 7515 §4.1.11); refused",
            ),
            Error::HeaderParameterRefused { name } => write!(
                f,
                "the token's header has `{name}`, which points at a key; keys come only from the \
                 verifier (RFC 8725 §3.10), so it is refused (`Verifier::with_key_parameters_ignored` \
                 accepts and ignores it)"
            ),
            Error::KidTooLong { len, max } => write!(
                f,
                "the token's `kid` is {len} bytes long, over the cap of {max}; refused before key lookup"
            ),
            Error::InvalidType {
                expected,
                found: Some(found),
            } => write!(
                f,
                "the token's header says `typ: {found}`, not `{expected}`: another kind of token \
                 (RFC 8725 §3.11); refused"
            ),
            Error::InvalidType {
                expected,
                found: None,
            } => write!(
                f,
                "the token's header has no `typ`, and this verifier requires `{expected}` \
                 (`Verifier::with_typ_optional` accepts issuers that omit it)"
            ),
            Error::AlgorithmMismatch { expected, found } => write!(
                f,
                "the token's header says `alg: {found}` but the key is pinned to {expected:?}; refused"
            ),
            Error::UnknownKid { kid } => write!(f, "no key in the key set has `kid` `{kid}`"),
            Error::MissingKid => {
                f.write_str("the token has no `kid` and the key set holds several keys")
            }
            Error::InvalidSignature => f.write_str("the token's signature is invalid"),
            Error::InvalidClaim {
                name,
                expected,
                found,
            } => {
                write!(f, "claim `{name}` must be {expected}, found {found}")
            }
            Error::InvalidPayload(err) => write!(f, "the token's claims are refused: {err}"),
            Error::MissingClaim { name } => {
                write!(f, "the token has no `{name}` claim, which is required")
            }
            Error::Expired { exp, now, leeway } => {
                write!(
                    f,
                    "the token expired at {exp} (now {now}, leeway {leeway} s)"
                )
            }
            Error::NotYetValid { nbf, now, leeway } => {
                write!(
                    f,
                    "the token is not valid before {nbf} (now {now}, leeway {leeway} s)"
                )
            }
            Error::IssuedInFuture { iat, now, leeway } => {
                write!(
                    f,
                    "the token is issued in the future, at {iat} (now {now}, leeway {leeway} s)"
                )
            }
            Error::TooOld {
                iat,
                now,
                max_age,
                leeway,
            } => write!(
                f,
                "the token was issued at {iat}, more than the maximum age of {max_age} s ago (now {now}, \
                 leeway {leeway} s); the client must get a fresh token"
            ),
            Error::LifetimeTooLong { lifetime, max } => write!(
                f,
                "the token lives {lifetime} s, over the maximum lifetime of {max} s; refused (raise it \
                 with `Verifier::with_max_lifetime` if the issuer mints longer-lived tokens)"
            ),
            Error::InvalidIssuer { found } => write!(f, "issuer `{found}` is not accepted"),
            Error::InvalidAudience { found } => write!(f, "audience {found:?} is not accepted"),
            Error::UnexpectedAudience { found } => write!(
                f,
                "the token is for audience {found:?} but the verifier has no audience configured \
                 (RFC 7519 §4.1.3); configure it with `Verifier::with_audience`, or accept any with \
                 `Verifier::with_any_audience`"
            ),
            Error::UnauthorizedParty { azp } => {
                write!(f, "authorized party `{azp}` is not accepted")
            }
            Error::Claims(err) => write!(f, "cannot mint: {err}"),
            Error::LayoutBound {
                claim,
                bound,
                limit,
                actual,
            } => write_layout_bound(f, claim, *bound, *limit, *actual),
            Error::ProofMismatch {
                what,
                proved,
                actual,
            } => match proved {
                Some(proved) => write!(
                    f,
                    "the key's {what} takes {actual} bytes, but the cookie proof assumed at most {proved}; \
                     prove the cookie with this key's algorithm, key size and `kid`"
                ),
                None => write!(
                    f,
                    "the key's {what} takes {actual} bytes, but the cookie proof assumed none; prove the \
                     cookie with this key's algorithm, key size and `kid`"
                ),
            },
            Error::Update(err) => write!(f, "update refused, nothing changed: {err}"),
            Error::Key(err) => write!(f, "unusable key: {err}"),
            Error::WeakKey { alg, min_len, len } => write!(
                f,
                "the {alg:?} secret is {len} bytes, shorter than the {min_len} bytes of the hash output \
                 (RFC 7518 §3.2); use a random secret of at least {min_len} bytes"
            ),
            Error::LeewayTooLong { leeway, max } => write!(
                f,
                "a leeway of {leeway} s is over the maximum of {max} s; clock skew is seconds, not minutes: \
                 fix the clocks rather than widening the window"
            ),
            Error::TtlTooLong { ttl, max } => write!(
                f,
                "the minter's TTL of {ttl} s is over the maximum lifetime of {max} s, which verifiers \
                 enforce; shorten it with `Minter::with_ttl`, or raise both maximums with \
                 `with_max_lifetime`"
            ),
            Error::Signing(err) => write!(f, "signing failed: {err}"),
            #[cfg(feature = "remote-jwks")]
            Error::Jwks(err) => err.fmt(f),
        }
    }
}

/// The message of [`Error::LayoutBound`].
fn write_layout_bound(
    f: &mut fmt::Formatter<'_>,
    claim: &str,
    bound: BoundKind,
    limit: Option<usize>,
    actual: usize,
) -> fmt::Result {
    write!(
        f,
        "cannot mint: claim `{claim}` takes {actual} {}, ",
        bound.unit()
    )?;
    match limit {
        Some(limit) => write!(
            f,
            "over its bound of {limit} in the layout's bounds, which the cookie proof counts; shorten the \
             value, or raise the bound in the minter's `TokenBounds` and prove the cookie again"
        ),
        None => f.write_str(
            "but the layout's bounds say it is never written; leave it out, or bound it in the minter's \
             `TokenBounds` and prove the cookie again",
        ),
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::InvalidPayload(err) | Error::Claims(err) | Error::Update(err) => Some(err),
            Error::Key(err) | Error::Signing(err) => Some(err),
            // The message is the JWKS error's own; what lies under it is its source.
            #[cfg(feature = "remote-jwks")]
            Error::Jwks(err) => std::error::Error::source(err),
            _ => None,
        }
    }
}

impl From<ClaimsError> for Error {
    /// A claims error outside an update is a minting error.
    fn from(err: ClaimsError) -> Self {
        Error::Claims(err)
    }
}

#[cfg(feature = "remote-jwks")]
impl From<crate::JwksError> for Error {
    fn from(err: crate::JwksError) -> Self {
        Error::Jwks(err)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_status() {
        let cases = [
            (Error::TooLong { len: 2, max: 1 }, 400),
            (Error::malformed(Segment::Header, "x"), 400),
            (Error::MissingKid, 401),
            (Error::HeaderTooLong { len: 2, max: 1 }, 400),
            (Error::DuplicateHeaderParameter { name: "alg".into() }, 400),
            (Error::KidTooLong { len: 2, max: 1 }, 400),
            (Error::HeaderParameterRefused { name: "jku".into() }, 401),
            (
                Error::InvalidType {
                    expected: "JWT",
                    found: None,
                },
                401,
            ),
            (
                Error::LifetimeTooLong {
                    lifetime: 2,
                    max: 1,
                },
                401,
            ),
            (Error::UnexpectedAudience { found: vec![] }, 401),
            (
                Error::WeakKey {
                    alg: Algorithm::HS256,
                    min_len: 32,
                    len: 0,
                },
                500,
            ),
            (Error::LeewayTooLong { leeway: 2, max: 1 }, 500),
            (Error::TtlTooLong { ttl: 2, max: 1 }, 500),
            (Error::MissingClaim { name: "exp" }, 401),
            (
                Error::InvalidPayload(ClaimsError::DuplicateClaim { name: "exp".into() }),
                401,
            ),
            (
                Error::Update(ClaimsError::TooDeep {
                    what: "patch",
                    limit: 1,
                }),
                422,
            ),
            (
                Error::Key(jsonwebtoken::errors::ErrorKind::InvalidKeyFormat.into()),
                500,
            ),
        ];
        for (err, status) in cases {
            assert_eq!(err.status(), status, "{err}");
        }
    }

    #[test]
    fn bound_refusals_say_which_claim_and_what_to_do() {
        let over = Error::LayoutBound {
            claim: "o.per".into(),
            bound: BoundKind::MaxLen,
            limit: Some(256),
            actual: 300,
        };
        assert_eq!(
            over.to_string(),
            "cannot mint: claim `o.per` takes 300 bytes, over its bound of 256 in the layout's bounds, which \
             the cookie proof counts; shorten the value, or raise the bound in the minter's `TokenBounds` \
             and prove the cookie again"
        );
        let absent = Error::LayoutBound {
            claim: "act".into(),
            bound: BoundKind::MaxJsonLen,
            limit: None,
            actual: 45,
        };
        assert_eq!(
            absent.to_string(),
            "cannot mint: claim `act` takes 45 bytes of JSON, but the layout's bounds say it is never \
             written; leave it out, or bound it in the minter's `TokenBounds` and prove the cookie again"
        );
        let kid = Error::ProofMismatch {
            what: "kid",
            proved: None,
            actual: 7,
        };
        assert_eq!(
            kid.to_string(),
            "the key's kid takes 7 bytes, but the cookie proof assumed none; prove the cookie with this \
             key's algorithm, key size and `kid`"
        );
        for err in [over, absent, kid] {
            assert_eq!(err.kind(), ErrorKind::Internal);
        }
    }

    #[test]
    fn hardening_messages_say_what_to_do() {
        let cases = [
            (
                Error::WeakKey {
                    alg: Algorithm::HS384,
                    min_len: 48,
                    len: 6,
                },
                "the HS384 secret is 6 bytes, shorter than the 48 bytes of the hash output \
                 (RFC 7518 §3.2); use a random secret of at least 48 bytes",
            ),
            (
                Error::InvalidType {
                    expected: "JWT",
                    found: Some("at+jwt".into()),
                },
                "the token's header says `typ: at+jwt`, not `JWT`: another kind of token \
                 (RFC 8725 §3.11); refused",
            ),
            (
                Error::InvalidType {
                    expected: "JWT",
                    found: None,
                },
                "the token's header has no `typ`, and this verifier requires `JWT` \
                 (`Verifier::with_typ_optional` accepts issuers that omit it)",
            ),
            (
                Error::HeaderParameterRefused {
                    name: "crit".into(),
                },
                "the token's header has `crit`, naming extensions this verifier does not understand \
                 (RFC 7515 §4.1.11); refused",
            ),
            (
                Error::UnexpectedAudience {
                    found: vec!["someone-else".into()],
                },
                "the token is for audience [\"someone-else\"] but the verifier has no audience \
                 configured (RFC 7519 §4.1.3); configure it with `Verifier::with_audience`, or accept \
                 any with `Verifier::with_any_audience`",
            ),
            (
                Error::LifetimeTooLong {
                    lifetime: 3600,
                    max: 60,
                },
                "the token lives 3600 s, over the maximum lifetime of 60 s; refused (raise it with \
                 `Verifier::with_max_lifetime` if the issuer mints longer-lived tokens)",
            ),
        ];
        for (err, message) in cases {
            assert_eq!(err.to_string(), message);
        }
    }

    #[test]
    fn messages_name_the_claim() {
        let err = Error::InvalidClaim {
            name: "exp".into(),
            expected: "a NumericDate (a non-negative integer)",
            found: "string".into(),
        };
        assert_eq!(
            err.to_string(),
            "claim `exp` must be a NumericDate (a non-negative integer), found string"
        );
        assert_eq!(
            Error::AlgorithmMismatch {
                expected: Algorithm::HS256,
                found: "none".into()
            }
            .to_string(),
            "the token's header says `alg: none` but the key is pinned to HS256; refused"
        );
        assert_eq!(
            Error::InvalidPayload(ClaimsError::DuplicateClaim { name: "exp".into() }).to_string(),
            "the token's claims are refused: claim `exp` appears more than once; RFC 7519 §4 requires \
             unique claim names"
        );
    }
}
