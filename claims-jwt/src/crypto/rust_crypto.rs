//! The `rust_crypto` backend: jsonwebtoken's own calls, which build the `RustCrypto` key on each one.

use std::fmt;

use jsonwebtoken::errors::Result;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey};

/// A private key (or HMAC secret) for one algorithm.
#[derive(Clone)]
pub(crate) struct Signer {
    alg: Algorithm,
    key: EncodingKey,
}

impl Signer {
    /// `key` for `alg`; signing checks that they fit.
    #[allow(
        clippy::unnecessary_wraps,
        reason = "the aws_lc backend's signature, which parses here"
    )]
    pub(crate) fn new(alg: Algorithm, key: &EncodingKey) -> Result<Self> {
        Ok(Signer {
            alg,
            key: key.clone(),
        })
    }

    /// The base64url signature of `message`, as `jsonwebtoken::crypto::sign` returns it.
    pub(crate) fn sign(&self, message: &[u8]) -> Result<String> {
        jsonwebtoken::crypto::sign(message, &self.key, self.alg)
    }
}

impl fmt::Debug for Signer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Signer").field(&self.key).finish()
    }
}

/// A public key (or HMAC secret) for one algorithm.
#[derive(Clone)]
pub(crate) struct Verifier {
    alg: Algorithm,
    key: DecodingKey,
}

impl Verifier {
    /// `key` for `alg`.
    #[allow(
        clippy::unnecessary_wraps,
        reason = "the aws_lc backend's signature, which parses here"
    )]
    pub(crate) fn new(alg: Algorithm, key: &DecodingKey) -> Result<Self> {
        Ok(Verifier {
            alg,
            key: key.clone(),
        })
    }

    /// Whether `signature_b64` signs `message`, as `jsonwebtoken::crypto::verify` answers it.
    pub(crate) fn verify(&self, message: &[u8], signature_b64: &str) -> Result<bool> {
        jsonwebtoken::crypto::verify(signature_b64, message, &self.key, self.alg)
    }
}

impl fmt::Debug for Verifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Verifier").field(&self.key).finish()
    }
}
