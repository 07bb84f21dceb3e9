//! Keys, each pinned to one algorithm, and JWK sets.

use std::str::FromStr;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use claims_core::size::SignatureAlg;
use jsonwebtoken::jwk::{AlgorithmParameters, EllipticCurve, Jwk};
use jsonwebtoken::{Algorithm, AlgorithmFamily, DecodingKey, EncodingKey};
use serde::Deserialize;

use crate::crypto::{Signer, Verifier};
use crate::skip::SkippedKey;
use crate::{Error, der};

/// A private key (or HMAC secret) pinned to one algorithm, with an optional `kid`, parsed and checked
/// once when it is built.
///
/// Building an asymmetric key signs a probe message, so an unusable key fails here rather than at the
/// first mint, and the exact signature length (the RSA modulus size) is known for size accounting. With
/// the `aws_lc_rs` backend the parsed key is kept, so signing does not parse it again.
///
/// ```
/// use claims_jwt::{Algorithm, SigningKey};
/// use claims_jwt::claims_core::size::SignatureAlg;
///
/// let key = SigningKey::hs256(b"a secret of at least 32 bytes, please!!")?.with_kid("2024-01");
/// assert_eq!((key.algorithm(), key.kid()), (Algorithm::HS256, Some("2024-01")));
/// assert_eq!(key.signature_alg(), SignatureAlg::Hs256);
/// # Ok::<(), claims_jwt::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct SigningKey {
    alg: Algorithm,
    signer: Signer,
    kid: Option<String>,
    signature: SignatureAlg,
    verifying: VerifyingKey,
}

impl SigningKey {
    /// An HS256 key from a shared secret of at least 32 bytes (RFC 7518 §3.2: no shorter than the hash
    /// output); a shorter one is [`Error::WeakKey`].
    ///
    /// ```
    /// # use claims_jwt::{Algorithm, Error, SigningKey};
    /// let key = SigningKey::hs256(b"0123456789abcdef0123456789abcdef")?;
    /// assert_eq!(key.verifying_key().algorithm(), Algorithm::HS256);
    /// assert_eq!(
    ///     SigningKey::hs256(b"secret").unwrap_err(),
    ///     Error::WeakKey { alg: Algorithm::HS256, min_len: 32, len: 6 }
    /// );
    /// # Ok::<(), Error>(())
    /// ```
    pub fn hs256(secret: &[u8]) -> Result<Self, Error> {
        Self::hmac(Algorithm::HS256, secret)
    }

    /// An HMAC key for `alg` (HS256, HS384 or HS512) from a secret at least as long as the hash output
    /// (32, 48 or 64 bytes; RFC 7518 §3.2); a shorter one is [`Error::WeakKey`].
    ///
    /// ```
    /// # use claims_jwt::{Algorithm, Error, SigningKey};
    /// let secret = [7u8; 64];
    /// assert_eq!(SigningKey::hmac(Algorithm::HS512, &secret)?.signature_alg().signature_len(), 64);
    /// assert!(matches!(SigningKey::hmac(Algorithm::HS512, &secret[..32]), Err(Error::WeakKey { min_len: 64, len: 32, .. })));
    /// assert!(matches!(SigningKey::hmac(Algorithm::RS256, &secret), Err(Error::Key(_))));
    /// # Ok::<(), Error>(())
    /// ```
    pub fn hmac(alg: Algorithm, secret: &[u8]) -> Result<Self, Error> {
        let signature = hmac_signature(alg, secret)?;
        Ok(SigningKey {
            alg,
            signer: Signer::new(alg, &EncodingKey::from_secret(secret)).map_err(Error::Key)?,
            kid: None,
            signature,
            verifying: VerifyingKey::new(alg, &DecodingKey::from_secret(secret), None)?,
        })
    }

    /// An RSA key for `alg` (RS256/384/512, PS256/384/512) from PEM (PKCS#1 or PKCS#8).
    ///
    /// ```
    /// # use claims_jwt::{Algorithm, SigningKey};
    /// let pem = include_bytes!("../tests/keys/rsa2048.pem");
    /// let key = SigningKey::from_rsa_pem(Algorithm::PS256, pem)?;
    /// assert_eq!(key.signature_alg().signature_len(), 256);
    /// # Ok::<(), claims_jwt::Error>(())
    /// ```
    pub fn from_rsa_pem(alg: Algorithm, pem: &[u8]) -> Result<Self, Error> {
        expect_family(alg, AlgorithmFamily::Rsa)?;
        Self::checked(alg, &EncodingKey::from_rsa_pem(pem).map_err(Error::Key)?)
    }

    /// An ECDSA key for `alg` (ES256 on P-256, ES384 on P-384) from PKCS#8 PEM.
    ///
    /// ```
    /// # use claims_jwt::{Algorithm, SigningKey};
    /// let key = SigningKey::from_ec_pem(Algorithm::ES256, include_bytes!("../tests/keys/p256.pem"))?;
    /// assert_eq!(key.signature_alg().signature_len(), 64);
    /// # Ok::<(), claims_jwt::Error>(())
    /// ```
    pub fn from_ec_pem(alg: Algorithm, pem: &[u8]) -> Result<Self, Error> {
        expect_family(alg, AlgorithmFamily::Ec)?;
        Self::checked(alg, &EncodingKey::from_ec_pem(pem).map_err(Error::Key)?)
    }

    /// An Ed25519 key (`EdDSA`) from PKCS#8 PEM.
    ///
    /// ```
    /// # use claims_jwt::{Algorithm, SigningKey};
    /// let key = SigningKey::from_ed_pem(include_bytes!("../tests/keys/ed25519.pem"))?;
    /// assert_eq!(key.algorithm(), Algorithm::EdDSA);
    /// # Ok::<(), claims_jwt::Error>(())
    /// ```
    pub fn from_ed_pem(pem: &[u8]) -> Result<Self, Error> {
        Self::checked(
            Algorithm::EdDSA,
            &EncodingKey::from_ed_pem(pem).map_err(Error::Key)?,
        )
    }

    /// A key from a private JWK (RFC 7517/7518) in JSON: `oct` (`k`), `RSA` (`n e d p q dp dq qi`),
    /// `EC` on P-256 or P-384 (`d x y`), `OKP` Ed25519 (`d`). The algorithm is the JWK's `alg`, or else
    /// the one its type implies (HS256, RS256, ES256/ES384 by curve, `EdDSA`); the `kid` is the JWK's.
    ///
    /// ```
    /// # use claims_jwt::{Algorithm, SigningKey};
    /// let key = SigningKey::from_jwk_json(r#"{"kty":"oct","kid":"k1","k":"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA"}"#)?;
    /// assert!(matches!(SigningKey::from_jwk_json(r#"{"kty":"oct","k":"c2VjcmV0"}"#), Err(claims_jwt::Error::WeakKey { len: 6, .. })));
    /// assert_eq!((key.algorithm(), key.kid()), (Algorithm::HS256, Some("k1")));
    /// # Ok::<(), claims_jwt::Error>(())
    /// ```
    pub fn from_jwk_json(json: &str) -> Result<Self, Error> {
        Self::jwk(json, None)
    }

    /// A key from a private JWK, used with `alg` whatever the JWK says (e.g. PS256 with an RSA key).
    ///
    /// ```
    /// # use claims_jwt::{Algorithm, Error, SigningKey};
    /// let err = SigningKey::from_jwk_json_with_alg(r#"{"kty":"oct","k":"c2VjcmV0"}"#, Algorithm::ES256).unwrap_err();
    /// assert!(matches!(err, Error::Key(_)));
    /// ```
    pub fn from_jwk_json_with_alg(json: &str, alg: Algorithm) -> Result<Self, Error> {
        Self::jwk(json, Some(alg))
    }

    fn jwk(json: &str, alg: Option<Algorithm>) -> Result<Self, Error> {
        let jwk: PrivateJwk = serde_json::from_str(json).map_err(|e| Error::Key(e.into()))?;
        let key = jwk.signing_key(alg)?;
        Ok(match jwk.kid {
            Some(kid) => key.with_kid(kid),
            None => key,
        })
    }

    /// Checks that `key` signs with `alg` by signing a probe, and records the signature length.
    fn checked(alg: Algorithm, key: &EncodingKey) -> Result<Self, Error> {
        let signer = Signer::new(alg, key).map_err(Error::Key)?;
        let probe = signer.sign(b"claims-jwt key probe").map_err(Error::Key)?;
        let signature_len = probe.len() * 3 / 4; // unpadded base64url: floor(3 * chars / 4) bytes
        let signature = match alg {
            Algorithm::ES256 => SignatureAlg::Es256,
            Algorithm::ES384 => SignatureAlg::Es384,
            Algorithm::EdDSA => SignatureAlg::EdDsa,
            _ => SignatureAlg::Rsa {
                modulus_bits: u32::try_from(signature_len * 8).unwrap_or(u32::MAX),
            },
        };
        let public = Jwk::from_encoding_key(key, alg).map_err(Error::Key)?;
        let public = DecodingKey::from_jwk(&public).map_err(Error::Key)?;
        Ok(SigningKey {
            alg,
            signer,
            kid: None,
            signature,
            verifying: VerifyingKey::new(alg, &public, None)?,
        })
    }

    /// This key with `kid`, written into every token's header (and kept on its verifying key).
    #[must_use]
    pub fn with_kid(mut self, kid: impl Into<String>) -> Self {
        let kid = kid.into();
        self.verifying.kid = Some(kid.clone());
        self.kid = Some(kid);
        self
    }

    /// The algorithm this key signs with.
    pub fn algorithm(&self) -> Algorithm {
        self.alg
    }

    /// The key id written into the header, if any.
    pub fn kid(&self) -> Option<&str> {
        self.kid.as_deref()
    }

    /// The signature's size class, for exact token-length arithmetic.
    ///
    /// ```
    /// # use claims_jwt::{Algorithm, SigningKey};
    /// use claims_jwt::claims_core::size::SignatureAlg;
    /// let key = SigningKey::from_rsa_pem(Algorithm::RS256, include_bytes!("../tests/keys/rsa2048.pem"))?;
    /// assert_eq!(key.signature_alg(), SignatureAlg::Rsa { modulus_bits: 2048 });
    /// # Ok::<(), claims_jwt::Error>(())
    /// ```
    pub fn signature_alg(&self) -> SignatureAlg {
        self.signature
    }

    /// The matching verifying key (the public key, or the same HMAC secret), with the same `kid`.
    pub fn verifying_key(&self) -> VerifyingKey {
        self.verifying.clone()
    }

    /// Signs a JWS signing input (`base64url(header) . base64url(payload)`) and returns the base64url
    /// signature, exactly as `jsonwebtoken::crypto::sign` would; for tokens whose bytes are given rather
    /// than minted.
    ///
    /// ```
    /// # use claims_jwt::SigningKey;
    /// // RFC 7515 A.1: HMAC is deterministic, so the RFC's signature comes back exactly.
    /// let key = SigningKey::from_jwk_json(r#"{"kty":"oct",
    ///     "k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"}"#)?;
    /// let input = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ";
    /// assert_eq!(key.sign(input.as_bytes())?, "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
    /// # Ok::<(), claims_jwt::Error>(())
    /// ```
    pub fn sign(&self, message: &[u8]) -> Result<String, Error> {
        self.signer.sign(message).map_err(Error::Signing)
    }
}

/// A public key (or HMAC secret) pinned to one algorithm: a token whose header names another algorithm is
/// refused, whatever it says.
///
/// ```
/// use claims_jwt::{Algorithm, VerifyingKey};
///
/// let key = VerifyingKey::from_rsa_pem(Algorithm::RS256, include_bytes!("../tests/keys/rsa2048.pub.pem"))?;
/// assert_eq!(key.algorithm(), Algorithm::RS256);
/// # Ok::<(), claims_jwt::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct VerifyingKey {
    alg: Algorithm,
    verifier: Verifier,
    kid: Option<String>,
}

impl VerifyingKey {
    /// `key` for `alg`, parsed once here rather than at each verification.
    fn new(alg: Algorithm, key: &DecodingKey, kid: Option<String>) -> Result<Self, Error> {
        Ok(VerifyingKey {
            alg,
            verifier: Verifier::new(alg, key).map_err(Error::Key)?,
            kid,
        })
    }

    /// An HS256 key from a shared secret of at least 32 bytes; a shorter one is [`Error::WeakKey`]: a
    /// verifier must not accept tokens an attacker can forge by guessing a short secret.
    ///
    /// ```
    /// # use claims_jwt::{Algorithm, Error, VerifyingKey};
    /// assert_eq!(VerifyingKey::hs256(b"0123456789abcdef0123456789abcdef")?.algorithm(), Algorithm::HS256);
    /// assert!(matches!(VerifyingKey::hs256(b""), Err(Error::WeakKey { len: 0, .. })));
    /// # Ok::<(), Error>(())
    /// ```
    pub fn hs256(secret: &[u8]) -> Result<Self, Error> {
        Self::hmac(Algorithm::HS256, secret)
    }

    /// An HMAC key for `alg` (HS256, HS384 or HS512) from a secret at least as long as the hash output;
    /// a shorter one is [`Error::WeakKey`].
    ///
    /// ```
    /// # use claims_jwt::{Algorithm, Error, VerifyingKey};
    /// assert_eq!(VerifyingKey::hmac(Algorithm::HS384, &[7; 48])?.algorithm(), Algorithm::HS384);
    /// assert!(matches!(VerifyingKey::hmac(Algorithm::HS384, &[7; 47]), Err(Error::WeakKey { min_len: 48, .. })));
    /// assert!(matches!(VerifyingKey::hmac(Algorithm::EdDSA, &[7; 64]), Err(Error::Key(_))));
    /// # Ok::<(), Error>(())
    /// ```
    pub fn hmac(alg: Algorithm, secret: &[u8]) -> Result<Self, Error> {
        hmac_signature(alg, secret)?;
        Self::new(alg, &DecodingKey::from_secret(secret), None)
    }

    /// An RSA public key for `alg` from PEM (`PUBLIC KEY` or `RSA PUBLIC KEY`).
    pub fn from_rsa_pem(alg: Algorithm, pem: &[u8]) -> Result<Self, Error> {
        expect_family(alg, AlgorithmFamily::Rsa)?;
        Self::from_decoding_key(alg, DecodingKey::from_rsa_pem(pem))
    }

    /// An ECDSA public key for `alg` (ES256 or ES384) from PEM.
    ///
    /// ```
    /// # use claims_jwt::{Algorithm, VerifyingKey};
    /// let key = VerifyingKey::from_ec_pem(Algorithm::ES256, include_bytes!("../tests/keys/p256.pub.pem"))?;
    /// assert_eq!(key.algorithm(), Algorithm::ES256);
    /// # Ok::<(), claims_jwt::Error>(())
    /// ```
    pub fn from_ec_pem(alg: Algorithm, pem: &[u8]) -> Result<Self, Error> {
        expect_family(alg, AlgorithmFamily::Ec)?;
        Self::from_decoding_key(alg, DecodingKey::from_ec_pem(pem))
    }

    /// An Ed25519 public key (`EdDSA`) from PEM.
    ///
    /// ```
    /// # use claims_jwt::{Algorithm, VerifyingKey};
    /// let key = VerifyingKey::from_ed_pem(include_bytes!("../tests/keys/ed25519.pub.pem"))?;
    /// assert_eq!(key.algorithm(), Algorithm::EdDSA);
    /// # Ok::<(), claims_jwt::Error>(())
    /// ```
    pub fn from_ed_pem(pem: &[u8]) -> Result<Self, Error> {
        Self::from_decoding_key(Algorithm::EdDSA, DecodingKey::from_ed_pem(pem))
    }

    fn from_decoding_key(
        alg: Algorithm,
        key: jsonwebtoken::errors::Result<DecodingKey>,
    ) -> Result<Self, Error> {
        Self::new(alg, &key.map_err(Error::Key)?, None)
    }

    /// A key from a public JWK. The algorithm is the JWK's `alg`, or else the one its type implies
    /// (`oct` HS256, `RSA` RS256, `EC` ES256 or ES384 by curve, `OKP` Ed25519 `EdDSA`); the `kid` is the JWK's.
    /// An `oct` secret shorter than the algorithm's hash output is [`Error::WeakKey`].
    ///
    /// ```
    /// # use claims_jwt::{Algorithm, VerifyingKey};
    /// let jwk = serde_json::from_str(r#"{"kty":"EC","crv":"P-256","kid":"a3",
    ///     "x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}"#)?;
    /// let key = VerifyingKey::from_jwk(&jwk)?;
    /// assert_eq!((key.algorithm(), key.kid()), (Algorithm::ES256, Some("a3")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_jwk(jwk: &Jwk) -> Result<Self, Error> {
        Self::from_jwk_with_alg(jwk, jwk_algorithm(jwk)?)
    }

    /// A key from a public JWK, used with `alg` (which must fit the key type and curve).
    ///
    /// ```
    /// # use claims_jwt::{Algorithm, Error, VerifyingKey};
    /// // 64 bytes of `k`: enough for HS512.
    /// let jwk = serde_json::from_str(&format!(r#"{{"kty":"oct","k":"{}"}}"#, "A".repeat(86)))?;
    /// assert_eq!(VerifyingKey::from_jwk_with_alg(&jwk, Algorithm::HS512)?.algorithm(), Algorithm::HS512);
    /// assert!(matches!(VerifyingKey::from_jwk_with_alg(&jwk, Algorithm::RS256), Err(Error::Key(_))));
    /// let short = serde_json::from_str(r#"{"kty":"oct","k":"c2VjcmV0"}"#)?;
    /// assert!(matches!(VerifyingKey::from_jwk_with_alg(&short, Algorithm::HS256), Err(Error::WeakKey { len: 6, .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_jwk_with_alg(jwk: &Jwk, alg: Algorithm) -> Result<Self, Error> {
        if let AlgorithmParameters::EllipticCurve(params) = &jwk.algorithm {
            let fits = matches!(
                (alg, &params.curve),
                (Algorithm::ES256, EllipticCurve::P256) | (Algorithm::ES384, EllipticCurve::P384)
            );
            if !fits {
                return Err(Error::Key(
                    jsonwebtoken::errors::ErrorKind::InvalidAlgorithm.into(),
                ));
            }
        }
        let key = DecodingKey::from_jwk(jwk).map_err(Error::Key)?;
        expect_family(alg, key.family())?;
        if key.family() == AlgorithmFamily::Hmac {
            hmac_signature(alg, key.try_get_as_bytes().map_err(Error::Key)?)?;
        }
        Self::new(alg, &key, jwk.common.key_id.clone())
    }

    /// This key with `kid`, for selection in a [`KeySet`].
    #[must_use]
    pub fn with_kid(mut self, kid: impl Into<String>) -> Self {
        self.kid = Some(kid.into());
        self
    }

    /// The one algorithm this key accepts.
    pub fn algorithm(&self) -> Algorithm {
        self.alg
    }

    /// The key id, if any.
    pub fn kid(&self) -> Option<&str> {
        self.kid.as_deref()
    }

    /// Checks `signature_b64` over `message`, accepting and refusing as `jsonwebtoken::crypto::verify`.
    pub(crate) fn verify(&self, message: &[u8], signature_b64: &str) -> Result<(), Error> {
        match self.verifier.verify(message, signature_b64) {
            Ok(true) => Ok(()),
            Ok(false) => Err(Error::InvalidSignature),
            Err(err) => match err.kind() {
                jsonwebtoken::errors::ErrorKind::Base64(e) => Err(Error::malformed(
                    crate::Segment::Signature,
                    format!("not base64url: {e}"),
                )),
                _ => Err(Error::Key(err)),
            },
        }
    }
}

/// A set of verifying keys chosen by the token's `kid`, usually from a JWKS document (RFC 7517 §5).
///
/// Keys that cannot verify signatures here (`use: enc`, `key_ops` without `verify`, algorithms jsonwebtoken
/// does not implement such as ES512, `oct` secrets shorter than their hash output, unreadable members) are
/// left out one by one when the set is read; [`KeySet::len`] tells how many were kept and
/// [`KeySet::skipped`] why the others were not.
///
/// ```
/// use claims_jwt::{Error, KeySet};
///
/// let (a, b) = ("A".repeat(43), "E".repeat(43)); // 32 bytes each
/// let jwks = format!(r#"{{"keys":[{{"kty":"oct","kid":"a","k":"{a}"}},{{"kty":"oct","kid":"b","k":"{b}"}},
///     {{"kty":"oct","kid":"weak","k":"c2VjcmV0"}}]}}"#);
/// let set = KeySet::from_jwks_json(&jwks)?;
/// assert_eq!(set.len(), 2);
/// assert_eq!(set.select(Some("b"))?.kid(), Some("b"));
/// assert_eq!(set.select(Some("c")).unwrap_err(), Error::UnknownKid { kid: "c".into() });
/// assert_eq!(set.select(None).unwrap_err(), Error::MissingKid);
/// # Ok::<(), Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct KeySet {
    keys: Vec<VerifyingKey>,
    skipped: Vec<SkippedKey>,
}

impl KeySet {
    /// A set of the given keys.
    pub fn new(keys: impl IntoIterator<Item = VerifyingKey>) -> Self {
        Self::from_parts(keys.into_iter().collect(), Vec::new())
    }

    pub(crate) fn from_parts(keys: Vec<VerifyingKey>, skipped: Vec<SkippedKey>) -> Self {
        KeySet { keys, skipped }
    }

    /// The key whose `kid` is `kid`.
    pub fn find(&self, kid: &str) -> Option<&VerifyingKey> {
        self.keys.iter().find(|key| key.kid.as_deref() == Some(kid))
    }

    /// The key for a token whose header has `kid`: the key with that `kid`, or, for a token without
    /// one, the only key of a one-key set.
    ///
    /// ```
    /// # use claims_jwt::{Error, KeySet, VerifyingKey};
    /// let one = KeySet::new([VerifyingKey::hs256(b"0123456789abcdef0123456789abcdef")?.with_kid("a")]);
    /// assert_eq!(one.select(None)?.kid(), Some("a"));
    /// assert_eq!(one.select(Some("b")).unwrap_err(), Error::UnknownKid { kid: "b".into() });
    /// # Ok::<(), Error>(())
    /// ```
    pub fn select(&self, kid: Option<&str>) -> Result<&VerifyingKey, Error> {
        match (kid, self.keys.as_slice()) {
            (Some(kid), _) => self.find(kid).ok_or_else(|| Error::UnknownKid {
                kid: kid.to_owned(),
            }),
            (None, [only]) => Ok(only),
            (None, _) => Err(Error::MissingKid),
        }
    }

    /// The number of usable keys.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether no key is usable.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The keys, in document order.
    pub fn keys(&self) -> &[VerifyingKey] {
        &self.keys
    }

    /// The members of the JWKS document that were left out, in document order, each with its reason.
    ///
    /// ```
    /// # use claims_jwt::{KeySet, SkipReason};
    /// let set = KeySet::from_jwks_json(r#"{"keys":[{"kty":"oct","k":"c2VjcmV0","key_ops":["sign"]}]}"#)?;
    /// assert_eq!(set.skipped()[0].reason, SkipReason::NoVerifyOperation);
    /// # Ok::<(), claims_jwt::Error>(())
    /// ```
    pub fn skipped(&self) -> &[SkippedKey] {
        &self.skipped
    }
}

/// The signature of the HMAC algorithm `alg`, once `secret` is at least as long as its hash output
/// (RFC 7518 §3.2), which is the signature's length.
fn hmac_signature(alg: Algorithm, secret: &[u8]) -> Result<SignatureAlg, Error> {
    let signature = match alg {
        Algorithm::HS256 => SignatureAlg::Hs256,
        Algorithm::HS384 => SignatureAlg::Hs384,
        Algorithm::HS512 => SignatureAlg::Hs512,
        _ => {
            return Err(Error::Key(
                jsonwebtoken::errors::ErrorKind::InvalidAlgorithm.into(),
            ));
        }
    };
    let min_len = signature.signature_len();
    if secret.len() < min_len {
        return Err(Error::WeakKey {
            alg,
            min_len,
            len: secret.len(),
        });
    }
    Ok(signature)
}

fn expect_family(alg: Algorithm, family: AlgorithmFamily) -> Result<(), Error> {
    if alg.family() == family {
        Ok(())
    } else {
        Err(Error::Key(
            jsonwebtoken::errors::ErrorKind::InvalidAlgorithm.into(),
        ))
    }
}

/// The algorithm a public JWK names or implies.
fn jwk_algorithm(jwk: &Jwk) -> Result<Algorithm, Error> {
    let unsupported = || Error::Key(jsonwebtoken::errors::ErrorKind::UnsupportedAlgorithm.into());
    if let Some(alg) = jwk.common.key_algorithm {
        return Algorithm::from_str(&alg.to_string()).map_err(|_| unsupported());
    }
    match &jwk.algorithm {
        AlgorithmParameters::OctetKey(_) => Ok(Algorithm::HS256),
        AlgorithmParameters::RSA(_) => Ok(Algorithm::RS256),
        AlgorithmParameters::EllipticCurve(p) => match p.curve {
            EllipticCurve::P256 => Ok(Algorithm::ES256),
            EllipticCurve::P384 => Ok(Algorithm::ES384),
            _ => Err(unsupported()),
        },
        AlgorithmParameters::OctetKeyPair(p) if p.curve == EllipticCurve::Ed25519 => {
            Ok(Algorithm::EdDSA)
        }
        _ => Err(unsupported()),
    }
}

/// The members of a private JWK that the supported key types use.
#[derive(Deserialize)]
struct PrivateJwk {
    kty: String,
    alg: Option<String>,
    kid: Option<String>,
    crv: Option<String>,
    k: Option<String>,
    n: Option<String>,
    e: Option<String>,
    d: Option<String>,
    p: Option<String>,
    q: Option<String>,
    dp: Option<String>,
    dq: Option<String>,
    qi: Option<String>,
    x: Option<String>,
    y: Option<String>,
}

impl PrivateJwk {
    fn member(&self, name: &'static str, value: Option<&String>) -> Result<Vec<u8>, Error> {
        let invalid = |reason: String| {
            Error::Key(jsonwebtoken::errors::ErrorKind::InvalidRsaKey(reason).into())
        };
        let value = value
            .ok_or_else(|| invalid(format!("private JWK of type `{}` lacks `{name}`", self.kty)))?;
        URL_SAFE_NO_PAD
            .decode(value)
            .map_err(|e| invalid(format!("JWK member `{name}` is not base64url: {e}")))
    }

    fn signing_key(&self, alg: Option<Algorithm>) -> Result<SigningKey, Error> {
        let named = match (alg, &self.alg) {
            (Some(alg), _) => Some(alg),
            (None, Some(name)) => Some(Algorithm::from_str(name).map_err(Error::Key)?),
            (None, None) => None,
        };
        let m = |name, value: &Option<String>| self.member(name, value.as_ref());
        match self.kty.as_str() {
            "oct" => SigningKey::hmac(named.unwrap_or(Algorithm::HS256), &m("k", &self.k)?),
            "RSA" => {
                let members = [
                    m("n", &self.n)?,
                    m("e", &self.e)?,
                    m("d", &self.d)?,
                    m("p", &self.p)?,
                    m("q", &self.q)?,
                    m("dp", &self.dp)?,
                    m("dq", &self.dq)?,
                    m("qi", &self.qi)?,
                ];
                let der = der::rsa_private_key(members.each_ref().map(Vec::as_slice));
                let alg = named.unwrap_or(Algorithm::RS256);
                expect_family(alg, AlgorithmFamily::Rsa)?;
                SigningKey::checked(alg, &EncodingKey::from_rsa_der(&der))
            }
            "EC" => {
                let (curve, implied) = match self.crv.as_deref() {
                    Some("P-256") => (der::Curve::P256, Algorithm::ES256),
                    Some("P-384") => (der::Curve::P384, Algorithm::ES384),
                    _ => {
                        return Err(Error::Key(
                            jsonwebtoken::errors::ErrorKind::InvalidEcdsaKey.into(),
                        ));
                    }
                };
                let alg = named.unwrap_or(implied);
                if alg != implied {
                    return Err(Error::Key(
                        jsonwebtoken::errors::ErrorKind::InvalidAlgorithm.into(),
                    ));
                }
                let der = der::ec_private_key(
                    curve,
                    &m("d", &self.d)?,
                    &m("x", &self.x)?,
                    &m("y", &self.y)?,
                );
                SigningKey::checked(alg, &EncodingKey::from_ec_der(&der))
            }
            "OKP" if self.crv.as_deref() == Some("Ed25519") => {
                let alg = named.unwrap_or(Algorithm::EdDSA);
                expect_family(alg, AlgorithmFamily::Ed)?;
                SigningKey::checked(
                    alg,
                    &EncodingKey::from_ed_der(&der::ed25519_private_key(&m("d", &self.d)?)),
                )
            }
            _ => Err(Error::Key(
                jsonwebtoken::errors::ErrorKind::UnsupportedAlgorithm.into(),
            )),
        }
    }
}
