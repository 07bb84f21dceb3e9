//! The `aws_lc_rs` backend: the aws-lc-rs key built once, then each signature is the signature alone.
//!
//! Each algorithm uses exactly the aws-lc-rs calls of jsonwebtoken 11's `crypto::aws_lc` (the same
//! parsers on the same key bytes, the same signing and verification algorithms), so tokens are signed
//! and accepted or refused exactly as `jsonwebtoken::crypto::{sign, verify}` would; only the parse moves
//! from every call to key construction.

use std::fmt;

use aws_lc_rs::hmac;
use aws_lc_rs::rand::SystemRandom;
use aws_lc_rs::signature::{self, EcdsaKeyPair, Ed25519KeyPair, ParsedPublicKey, RsaKeyPair};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::errors::{Error, ErrorKind, Result};
use jsonwebtoken::{Algorithm, DecodingKey, DecodingKeyKind, EncodingKey};

/// A private key (or HMAC secret) for one algorithm, parsed.
#[derive(Clone)]
pub(crate) enum Signer {
    // Boxed: aws-lc's HMAC context is over a kilobyte, the other keys are pointers.
    Hmac(Box<hmac::Key>),
    Rsa(RsaKeyPair, &'static dyn signature::RsaEncoding),
    Ecdsa(EcdsaKeyPair),
    Ed25519(Ed25519KeyPair),
}

impl Signer {
    /// Parses `key` for `alg`, with the refusals jsonwebtoken's signers give for the same bytes.
    pub(crate) fn new(alg: Algorithm, key: &EncodingKey) -> Result<Self> {
        if key.family() != alg.family() {
            return Err(ErrorKind::InvalidKeyFormat.into());
        }
        let bytes = key.as_bytes();
        // jsonwebtoken parses the RSA key when it signs, so its refusal is a signing error.
        let rsa = |encoding| match RsaKeyPair::from_der(bytes) {
            Ok(pair) => Ok(Signer::Rsa(pair, encoding)),
            Err(err) => Err(signing_error(err)),
        };
        let ecdsa = |alg| {
            EcdsaKeyPair::from_pkcs8(alg, bytes)
                .map_err(|_| Error::from(ErrorKind::InvalidEcdsaKey))
        };
        Ok(match alg {
            Algorithm::HS256 => Signer::Hmac(Box::new(hmac::Key::new(hmac::HMAC_SHA256, bytes))),
            Algorithm::HS384 => Signer::Hmac(Box::new(hmac::Key::new(hmac::HMAC_SHA384, bytes))),
            Algorithm::HS512 => Signer::Hmac(Box::new(hmac::Key::new(hmac::HMAC_SHA512, bytes))),
            Algorithm::ES256 => Signer::Ecdsa(ecdsa(&signature::ECDSA_P256_SHA256_FIXED_SIGNING)?),
            Algorithm::ES384 => Signer::Ecdsa(ecdsa(&signature::ECDSA_P384_SHA384_FIXED_SIGNING)?),
            Algorithm::EdDSA => Signer::Ed25519(
                Ed25519KeyPair::from_pkcs8(bytes).map_err(|_| ErrorKind::InvalidEddsaKey)?,
            ),
            Algorithm::RS256 => rsa(&signature::RSA_PKCS1_SHA256)?,
            Algorithm::RS384 => rsa(&signature::RSA_PKCS1_SHA384)?,
            Algorithm::RS512 => rsa(&signature::RSA_PKCS1_SHA512)?,
            Algorithm::PS256 => rsa(&signature::RSA_PSS_SHA256)?,
            Algorithm::PS384 => rsa(&signature::RSA_PSS_SHA384)?,
            Algorithm::PS512 => rsa(&signature::RSA_PSS_SHA512)?,
            _ => return Err(ErrorKind::InvalidAlgorithm.into()),
        })
    }

    /// The base64url signature of `message`.
    pub(crate) fn sign(&self, message: &[u8]) -> Result<String> {
        Ok(match self {
            Signer::Hmac(key) => URL_SAFE_NO_PAD.encode(hmac::sign(key, message)),
            Signer::Ecdsa(pair) => {
                let signature = pair
                    .sign(&SystemRandom::new(), message)
                    .map_err(signing_error)?;
                URL_SAFE_NO_PAD.encode(signature)
            }
            Signer::Ed25519(pair) => URL_SAFE_NO_PAD.encode(pair.sign(message)),
            Signer::Rsa(pair, encoding) => {
                let mut signature = vec![0; pair.public_modulus_len()];
                pair.sign(*encoding, &SystemRandom::new(), message, &mut signature)
                    .map_err(signing_error)?;
                URL_SAFE_NO_PAD.encode(signature)
            }
        })
    }
}

impl fmt::Debug for Signer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self {
            Signer::Hmac(_) => "Hmac",
            Signer::Rsa(..) => "Rsa",
            Signer::Ecdsa(_) => "Ecdsa",
            Signer::Ed25519(_) => "Ed25519",
        };
        f.debug_tuple(kind).field(&"[redacted]").finish()
    }
}

/// A public key (or HMAC secret) for one algorithm, parsed.
#[derive(Clone)]
pub(crate) enum Verifier {
    Hmac(Box<hmac::Key>),
    Public(ParsedPublicKey),
    /// Key bytes aws-lc-rs does not parse as this algorithm's key: jsonwebtoken builds such a key and
    /// then refuses every signature with it, and so does this.
    Unusable,
}

impl Verifier {
    /// Parses `key` for `alg`, as jsonwebtoken's verifiers do on each call.
    pub(crate) fn new(alg: Algorithm, key: &DecodingKey) -> Result<Self> {
        if key.family() != alg.family() {
            return Err(ErrorKind::InvalidKeyFormat.into());
        }
        let public = |alg| {
            key.try_get_as_bytes()
                .ok()
                .and_then(|bytes| ParsedPublicKey::new(alg, bytes).ok())
        };
        let parsed = match alg {
            Algorithm::HS256 => return hmac_verifier(hmac::HMAC_SHA256, key),
            Algorithm::HS384 => return hmac_verifier(hmac::HMAC_SHA384, key),
            Algorithm::HS512 => return hmac_verifier(hmac::HMAC_SHA512, key),
            Algorithm::ES256 => public(&signature::ECDSA_P256_SHA256_FIXED),
            Algorithm::ES384 => public(&signature::ECDSA_P384_SHA384_FIXED),
            Algorithm::EdDSA => public(&signature::ED25519),
            Algorithm::RS256 => rsa_public(&signature::RSA_PKCS1_2048_8192_SHA256, key),
            Algorithm::RS384 => rsa_public(&signature::RSA_PKCS1_2048_8192_SHA384, key),
            Algorithm::RS512 => rsa_public(&signature::RSA_PKCS1_2048_8192_SHA512, key),
            Algorithm::PS256 => rsa_public(&signature::RSA_PSS_2048_8192_SHA256, key),
            Algorithm::PS384 => rsa_public(&signature::RSA_PSS_2048_8192_SHA384, key),
            Algorithm::PS512 => rsa_public(&signature::RSA_PSS_2048_8192_SHA512, key),
            _ => return Err(ErrorKind::InvalidAlgorithm.into()),
        };
        Ok(parsed.map_or(Verifier::Unusable, Verifier::Public))
    }

    /// Whether `signature_b64` signs `message`; a signature that is not base64url is an error, as in
    /// jsonwebtoken, whatever the key.
    pub(crate) fn verify(&self, message: &[u8], signature_b64: &str) -> Result<bool> {
        let signature = URL_SAFE_NO_PAD.decode(signature_b64)?;
        Ok(match self {
            // Constant-time comparison of the tags.
            Verifier::Hmac(key) => hmac::verify(key, message, &signature).is_ok(),
            Verifier::Public(key) => key.verify_sig(message, &signature).is_ok(),
            Verifier::Unusable => false,
        })
    }
}

impl fmt::Debug for Verifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Verifier::Hmac(_) => f.debug_tuple("Hmac").field(&"[redacted]").finish(),
            // aws-lc-rs prints the whole key in hex: public, but a kilobyte in every log line.
            Verifier::Public(_) => f.write_str("Public"),
            Verifier::Unusable => f.write_str("Unusable"),
        }
    }
}

fn hmac_verifier(alg: hmac::Algorithm, key: &DecodingKey) -> Result<Verifier> {
    Ok(Verifier::Hmac(Box::new(hmac::Key::new(
        alg,
        key.try_get_as_bytes()?,
    ))))
}

/// What jsonwebtoken makes of an aws-lc-rs failure while signing (through `signature::Error`).
fn signing_error(err: impl fmt::Display) -> Error {
    ErrorKind::Signing(format!("signature error: {err}")).into()
}

/// An RSA public key from DER or from its modulus and exponent, as jsonwebtoken reads each.
fn rsa_public(
    params: &'static signature::RsaParameters,
    key: &DecodingKey,
) -> Option<ParsedPublicKey> {
    match key.kind() {
        DecodingKeyKind::SecretOrDer(der) => ParsedPublicKey::new(params, der).ok(),
        DecodingKeyKind::RsaModulusExponent { n, e } => {
            let components = signature::RsaPublicKeyComponents {
                n: n.as_slice(),
                e: e.as_slice(),
            };
            components.to_parsed_public_key(params).ok()
        }
    }
}
