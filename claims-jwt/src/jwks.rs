//! Reading a JWK set key by key (RFC 7517 §5): the keys that can verify an accepted algorithm are kept,
//! and every other member is skipped with its reason instead of failing the whole set.

use std::str::FromStr;

use jsonwebtoken::jwk::{
    AlgorithmParameters, EllipticCurve, Jwk, JwkSet, KeyOperations, PublicKeyUse,
};
use jsonwebtoken::{Algorithm, AlgorithmFamily};
use serde::Deserialize;
use serde_json::Value;

use crate::skip::{SkipReason, SkippedKey};
use crate::{Error, KeySet, VerifyingKey};

/// Every algorithm claims-jwt signs and verifies with (a key is pinned to one of them), in the order a JWK
/// without `alg` picks from: RS256 for an RSA key, ES256 or ES384 by curve, `EdDSA` for Ed25519, HS256 for
/// `oct`.
///
/// ```
/// use claims_jwt::{ALGORITHMS, Algorithm};
/// assert_eq!((ALGORITHMS.len(), ALGORITHMS[0]), (12, Algorithm::RS256));
/// ```
pub const ALGORITHMS: [Algorithm; 12] = [
    Algorithm::RS256,
    Algorithm::RS384,
    Algorithm::RS512,
    Algorithm::PS256,
    Algorithm::PS384,
    Algorithm::PS512,
    Algorithm::ES256,
    Algorithm::ES384,
    Algorithm::EdDSA,
    Algorithm::HS256,
    Algorithm::HS384,
    Algorithm::HS512,
];

impl KeySet {
    /// The usable keys of a parsed JWKS.
    ///
    /// ```
    /// # use claims_jwt::KeySet;
    /// let jwks: claims_jwt::jwk::JwkSet = serde_json::from_str(r#"{"keys":[{"kty":"oct","k":"c2VjcmV0","use":"enc"}]}"#)?;
    /// assert!(KeySet::from_jwks(&jwks).is_empty());
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn from_jwks(jwks: &JwkSet) -> Self {
        read_jwk_set(jwks, &ALGORITHMS)
    }

    /// The usable keys of a JWKS document in JSON, for any algorithm; a member that is not a readable JWK
    /// is skipped like any other unusable key. [`KeySet::from_jwks_json_with_algs`] restricts the algorithms.
    ///
    /// ```
    /// # use claims_jwt::{Error, KeySet};
    /// assert!(matches!(KeySet::from_jwks_json("{}"), Err(Error::Key(_))));
    /// let secret = "A".repeat(43); // 32 bytes
    /// let set = KeySet::from_jwks_json(&format!(r#"{{"keys":[{{"kty":"oct","kid":7,"k":"{secret}"}},{{"kty":"oct","kid":"a","k":"{secret}"}}]}}"#))?;
    /// assert_eq!((set.len(), set.skipped()[0].index), (1, 0));
    /// # Ok::<(), Error>(())
    /// ```
    pub fn from_jwks_json(json: &str) -> Result<Self, Error> {
        Self::from_jwks_json_with_algs(json, &ALGORITHMS)
    }

    /// The keys of a JWKS document in JSON that can verify one of `algorithms`. Each key is pinned to its
    /// `alg`, or, without one, to the first of `algorithms` that fits its type and curve; every other member
    /// is skipped, with its reason in [`KeySet::skipped`] (RFC 7517 §5). Only a document that is not a JSON
    /// object with a `keys` array is an error.
    ///
    /// ```
    /// use claims_jwt::{Algorithm, KeySet};
    ///
    /// let jwks = r#"{"keys":[{"kty":"RSA","kid":"r","n":"AQAB","e":"AQAB"},{"kty":"oct","kid":"s","k":"c2VjcmV0"}]}"#;
    /// let set = KeySet::from_jwks_json_with_algs(jwks, &[Algorithm::PS256])?;
    /// assert_eq!(set.find("r").map(|key| key.algorithm()), Some(Algorithm::PS256));
    /// assert_eq!((set.len(), set.skipped().len()), (1, 1));
    /// # Ok::<(), claims_jwt::Error>(())
    /// ```
    pub fn from_jwks_json_with_algs(json: &str, algorithms: &[Algorithm]) -> Result<Self, Error> {
        read_jwks(json.as_bytes(), algorithms).map_err(|e| Error::Key(e.into()))
    }
}

/// The `keys` array of a JWKS, each member kept as JSON so that one unreadable key skips alone.
#[derive(Deserialize)]
struct RawJwkSet {
    keys: Vec<Value>,
}

/// Reads a JWKS document; see [`KeySet::from_jwks_json_with_algs`].
pub(crate) fn read_jwks(json: &[u8], algorithms: &[Algorithm]) -> serde_json::Result<KeySet> {
    let set: RawJwkSet = serde_json::from_slice(json)?;
    let mut keys = Vec::new();
    let mut skipped = Vec::new();
    for (index, member) in set.keys.into_iter().enumerate() {
        let text = |name| member.get(name).and_then(Value::as_str).map(str::to_owned);
        let (kid, alg) = (text("kid"), text("alg"));
        let key = Jwk::deserialize(&member)
            .map_err(|e| SkipReason::Unreadable {
                reason: e.to_string(),
            })
            .and_then(|jwk| verifying_key(&jwk, alg.as_deref(), algorithms));
        match key {
            Ok(key) => keys.push(key),
            Err(reason) => skipped.push(SkippedKey { index, kid, reason }),
        }
    }
    Ok(KeySet::from_parts(keys, skipped))
}

/// The usable keys of a parsed JWK set, for `algorithms`.
pub(crate) fn read_jwk_set(jwks: &JwkSet, algorithms: &[Algorithm]) -> KeySet {
    let mut keys = Vec::new();
    let mut skipped = Vec::new();
    for (index, jwk) in jwks.keys.iter().enumerate() {
        match verifying_key(jwk, None, algorithms) {
            Ok(key) => keys.push(key),
            Err(reason) => skipped.push(SkippedKey {
                index,
                kid: jwk.common.key_id.clone(),
                reason,
            }),
        }
    }
    KeySet::from_parts(keys, skipped)
}

/// The verifying key `jwk` makes for one of `algorithms`, or why it makes none. `alg` is the JWK's `alg` as
/// written, when known, for messages about algorithms jsonwebtoken does not name.
fn verifying_key(
    jwk: &Jwk,
    alg: Option<&str>,
    algorithms: &[Algorithm],
) -> Result<VerifyingKey, SkipReason> {
    match &jwk.common.public_key_use {
        None | Some(PublicKeyUse::Signature) => {}
        Some(PublicKeyUse::Encryption) => {
            return Err(SkipReason::NotForSignatures {
                found: "enc".into(),
            });
        }
        Some(PublicKeyUse::Other(other)) => {
            return Err(SkipReason::NotForSignatures {
                found: other.clone(),
            });
        }
    }
    if let Some(ops) = &jwk.common.key_operations
        && !ops.contains(&KeyOperations::Verify)
    {
        return Err(SkipReason::NoVerifyOperation);
    }
    let kty = key_type(jwk);
    if !ALGORITHMS.iter().any(|&alg| fits(alg, jwk)) {
        let what = match curve(jwk) {
            Some(curve) => format!("key type `{kty}` on curve {curve}"),
            None => format!("key type `{kty}`"),
        };
        return Err(SkipReason::Unsupported { what });
    }
    let alg = match jwk.common.key_algorithm {
        Some(named) => {
            let alg = Algorithm::from_str(&named.to_string()).map_err(|_| {
                let name = alg.map_or_else(|| named.to_string(), str::to_owned);
                SkipReason::Unsupported {
                    what: format!("`alg` `{name}`"),
                }
            })?;
            if !fits(alg, jwk) {
                return Err(SkipReason::AlgorithmMismatch { kty, alg });
            }
            if !algorithms.contains(&alg) {
                return Err(SkipReason::NotAccepted {
                    kty,
                    alg: Some(alg),
                });
            }
            alg
        }
        None => *algorithms
            .iter()
            .find(|&&alg| fits(alg, jwk))
            .ok_or(SkipReason::NotAccepted { kty, alg: None })?,
    };
    VerifyingKey::from_jwk_with_alg(jwk, alg).map_err(|e| match e {
        Error::WeakKey { alg, min_len, len } => SkipReason::WeakKey { alg, min_len, len },
        e => SkipReason::Invalid {
            reason: e.to_string(),
        },
    })
}

/// Whether a key of `jwk`'s type and curve can verify `alg`.
fn fits(alg: Algorithm, jwk: &Jwk) -> bool {
    match &jwk.algorithm {
        AlgorithmParameters::RSA(_) => alg.family() == AlgorithmFamily::Rsa,
        AlgorithmParameters::EllipticCurve(p) => matches!(
            (alg, &p.curve),
            (Algorithm::ES256, EllipticCurve::P256) | (Algorithm::ES384, EllipticCurve::P384)
        ),
        AlgorithmParameters::OctetKey(_) => alg.family() == AlgorithmFamily::Hmac,
        AlgorithmParameters::OctetKeyPair(p) => {
            alg == Algorithm::EdDSA && p.curve == EllipticCurve::Ed25519
        }
        _ => false,
    }
}

/// The JWK's `kty`, for messages.
fn key_type(jwk: &Jwk) -> String {
    match &jwk.algorithm {
        AlgorithmParameters::RSA(_) => "RSA".into(),
        AlgorithmParameters::EllipticCurve(_) => "EC".into(),
        AlgorithmParameters::OctetKey(_) => "oct".into(),
        AlgorithmParameters::OctetKeyPair(_) => "OKP".into(),
        AlgorithmParameters::Other(other) => other
            .fields
            .get("kty")
            .and_then(Value::as_str)
            .unwrap_or("?")
            .to_owned(),
        _ => "?".into(),
    }
}

/// The JWK's `crv`, if it has one, as JWA names it.
fn curve(jwk: &Jwk) -> Option<String> {
    let name = |curve: &EllipticCurve| match curve {
        EllipticCurve::P256 => "P-256",
        EllipticCurve::P384 => "P-384",
        EllipticCurve::P521 => "P-521",
        EllipticCurve::Ed25519 => "Ed25519",
        _ => "?",
    };
    match &jwk.algorithm {
        AlgorithmParameters::EllipticCurve(p) => Some(name(&p.curve).to_owned()),
        AlgorithmParameters::OctetKeyPair(p) => Some(name(&p.curve).to_owned()),
        AlgorithmParameters::Other(other) => other
            .fields
            .get("crv")
            .and_then(Value::as_str)
            .map(str::to_owned),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSA: &str = r#""kty":"RSA","n":"qYy3MY8fOneEyzNDu9lp6iGXKkNUF-u_dUnrlkadZYyB35efzKFJEr9fftmWv5PUj1uRHTQ3bh6X1cceOYsIjy008dHWZJsKhGOxgdTjeK91rjaklxt7tyFXEiKHIOr1LSgKzopClOfCIjxK_oPUOf38pVh7WnekcSBQmU5fqA-EzKMi6k9VwvbzqKlZM4XQsiFyn28d9VubJWjTU8nNot0n1NE-9k6TxM8nglM4RwkBH4Ni4B0LhKKOOV-AG8tBNiZVil415dpBldmJ_j0wk7Ad4VFi9en3Z17oCKr-K-zuT7vKMKSb1548dk0vnmi0vj2QGXSo-61wM5yQWpk6sQ","e":"AQAB""#;
    const P256: &str = r#""kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0""#;

    fn skipped(members: &[String], algorithms: &[Algorithm]) -> Vec<SkipReason> {
        let json = format!(r#"{{"keys":[{}]}}"#, members.join(","));
        let set = read_jwks(json.as_bytes(), algorithms).unwrap();
        set.skipped().iter().map(|s| s.reason.clone()).collect()
    }

    #[test]
    fn each_unusable_key_is_skipped_with_its_reason_and_the_rest_kept() {
        let members = [
            format!(r#"{{{RSA},"kid":"good","use":"sig","alg":"RS256"}}"#),
            format!(r#"{{{RSA},"kid":"enc","use":"enc"}}"#),
            format!(r#"{{{RSA},"kid":"wrap","use":"wrap"}}"#),
            format!(r#"{{{RSA},"kid":"ops","key_ops":["sign"]}}"#),
            format!(r#"{{{RSA},"kid":"oaep","alg":"RSA-OAEP"}}"#),
            format!(r#"{{{RSA},"kid":"mixed","alg":"ES256"}}"#),
            format!(r#"{{{P256},"kid":"ec"}}"#),
            r#"{"kty":"oct","kid":"secret","k":"c2VjcmV0"}"#.to_owned(),
            r#"{"kty":"OKP","crv":"X25519","kid":"x","x":"AQ"}"#.to_owned(),
            r#"{"kty":"RSA","kid":7,"n":"AQAB","e":"AQAB"}"#.to_owned(),
            r#"{"kty":"RSA","kid":"bad","n":"!!!","e":"AQAB"}"#.to_owned(),
            r#"{"kty":"ZZZ","kid":"zzz"}"#.to_owned(),
        ];
        let json = format!(r#"{{"keys":[{}]}}"#, members.join(","));
        let set = read_jwks(json.as_bytes(), &[Algorithm::RS256]).unwrap();
        assert_eq!(
            set.keys().iter().map(VerifyingKey::kid).collect::<Vec<_>>(),
            [Some("good")]
        );
        let reasons: Vec<(usize, Option<&str>, &SkipReason)> = set
            .skipped()
            .iter()
            .map(|s| (s.index, s.kid.as_deref(), &s.reason))
            .collect();
        let unreadable = match &set.skipped()[8].reason {
            SkipReason::Unreadable { reason } => reason.clone(),
            other => panic!("expected an unreadable key, found {other:?}"),
        };
        let invalid = match &set.skipped()[9].reason {
            SkipReason::Invalid { reason } => reason.clone(),
            other => panic!("expected an invalid key, found {other:?}"),
        };
        assert_eq!(
            reasons,
            [
                (
                    1,
                    Some("enc"),
                    &SkipReason::NotForSignatures {
                        found: "enc".into()
                    }
                ),
                (
                    2,
                    Some("wrap"),
                    &SkipReason::NotForSignatures {
                        found: "wrap".into()
                    }
                ),
                (3, Some("ops"), &SkipReason::NoVerifyOperation),
                (
                    4,
                    Some("oaep"),
                    &SkipReason::Unsupported {
                        what: "`alg` `RSA-OAEP`".into()
                    }
                ),
                (
                    5,
                    Some("mixed"),
                    &SkipReason::AlgorithmMismatch {
                        kty: "RSA".into(),
                        alg: Algorithm::ES256
                    }
                ),
                (
                    6,
                    Some("ec"),
                    &SkipReason::NotAccepted {
                        kty: "EC".into(),
                        alg: None
                    }
                ),
                (
                    7,
                    Some("secret"),
                    &SkipReason::NotAccepted {
                        kty: "oct".into(),
                        alg: None
                    }
                ),
                (
                    8,
                    Some("x"),
                    &SkipReason::Unsupported {
                        what: "key type `OKP` on curve X25519".into()
                    }
                ),
                (9, None, &SkipReason::Unreadable { reason: unreadable }),
                (10, Some("bad"), &SkipReason::Invalid { reason: invalid }),
                (
                    11,
                    Some("zzz"),
                    &SkipReason::Unsupported {
                        what: "key type `ZZZ`".into()
                    }
                ),
            ]
        );
    }

    #[test]
    fn a_key_without_alg_takes_the_first_accepted_algorithm_that_fits() {
        let rsa = format!(r#"{{{RSA},"kid":"r"}}"#);
        let ec = format!(r#"{{{P256},"kid":"e"}}"#);
        let json = format!(r#"{{"keys":[{rsa},{ec}]}}"#);
        let algs = |set: &KeySet| {
            set.keys()
                .iter()
                .map(VerifyingKey::algorithm)
                .collect::<Vec<_>>()
        };
        let all = read_jwks(json.as_bytes(), &ALGORITHMS).unwrap();
        assert_eq!(algs(&all), [Algorithm::RS256, Algorithm::ES256]);
        let pss = read_jwks(json.as_bytes(), &[Algorithm::ES384, Algorithm::PS384]).unwrap();
        assert_eq!(algs(&pss), [Algorithm::PS384]);
        assert_eq!(
            pss.skipped()[0].reason,
            SkipReason::NotAccepted {
                kty: "EC".into(),
                alg: None
            }
        );
        // A named algorithm outside the accepted ones is refused, not replaced.
        assert_eq!(
            skipped(
                &[format!(r#"{{{RSA},"alg":"RS512"}}"#)],
                &[Algorithm::RS256]
            ),
            [SkipReason::NotAccepted {
                kty: "RSA".into(),
                alg: Some(Algorithm::RS512)
            }]
        );
    }

    #[test]
    fn an_hmac_secret_shorter_than_its_hash_is_skipped_as_weak() {
        let k32 = "A".repeat(43);
        let members = [
            format!(r#"{{"kty":"oct","kid":"ok","k":"{k32}"}}"#),
            format!(r#"{{"kty":"oct","kid":"short","k":"{k32}","alg":"HS384"}}"#),
            r#"{"kty":"oct","kid":"tiny","k":"c2VjcmV0"}"#.to_owned(),
        ];
        let json = format!(r#"{{"keys":[{}]}}"#, members.join(","));
        let set = read_jwks(json.as_bytes(), &ALGORITHMS).unwrap();
        assert_eq!(
            set.keys().iter().map(VerifyingKey::kid).collect::<Vec<_>>(),
            [Some("ok")]
        );
        assert_eq!(
            set.skipped(),
            [
                SkippedKey {
                    index: 1,
                    kid: Some("short".into()),
                    reason: SkipReason::WeakKey {
                        alg: Algorithm::HS384,
                        min_len: 48,
                        len: 32
                    }
                },
                SkippedKey {
                    index: 2,
                    kid: Some("tiny".into()),
                    reason: SkipReason::WeakKey {
                        alg: Algorithm::HS256,
                        min_len: 32,
                        len: 6
                    }
                },
            ]
        );
        assert_eq!(
            set.skipped()[0].to_string(),
            "key 1 (`kid` `short`): the HS384 secret is 32 bytes, shorter than the 48 bytes of the hash output"
        );
    }

    #[test]
    fn only_a_document_without_a_keys_array_is_an_error() {
        let cases = [
            ("", "EOF while parsing a value at line 1 column 0"),
            (
                "[]",
                "invalid length 0, expected struct RawJwkSet with 1 element at line 1 column 2",
            ),
            ("{}", "missing field `keys` at line 1 column 2"),
            (
                r#"{"keys":{}}"#,
                "invalid type: map, expected a sequence at line 1 column 8",
            ),
            (
                r#"{"keys":[1,2"#,
                "EOF while parsing a list at line 1 column 12",
            ),
        ];
        let messages = cases.map(|(bad, _)| {
            read_jwks(bad.as_bytes(), &ALGORITHMS)
                .unwrap_err()
                .to_string()
        });
        assert_eq!(messages, cases.map(|(_, message)| message));
        let empty = read_jwks(br#"{"keys":[]}"#, &ALGORITHMS).unwrap();
        assert!(empty.is_empty() && empty.skipped().is_empty());
        assert_eq!(
            skipped(&["42".into()], &ALGORITHMS).len(),
            1,
            "a member that is not an object is skipped, not fatal"
        );
    }

    #[test]
    fn messages_name_the_key_and_the_reason() {
        let skipped = SkippedKey {
            index: 2,
            kid: Some("k".into()),
            reason: SkipReason::NotForSignatures {
                found: "enc".into(),
            },
        };
        assert_eq!(
            skipped.to_string(),
            "key 2 (`kid` `k`): `use` is `enc`, not `sig`"
        );
        let skipped = SkippedKey {
            index: 0,
            kid: None,
            reason: SkipReason::NotAccepted {
                kty: "oct".into(),
                alg: None,
            },
        };
        assert_eq!(
            skipped.to_string(),
            "key 0 (no `kid`): no accepted algorithm fits key type `oct`"
        );
    }
}
