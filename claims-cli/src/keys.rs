//! Loading keys from the command line: a JWKS document (a file, or a URL fetched by [`crate::remote`]), a
//! PEM file, or an HMAC secret from the environment, into claims-jwt's `KeySet`, `VerifyingKey` and
//! `SigningKey`.
//!
//! A key's type fixes its algorithm family: a PEM key is never used as an HMAC secret, and a secret never
//! verifies an RSA signature, so the token's header cannot choose a weaker check. Within the family the
//! algorithm is `--alg`, else the token's `alg` (when verifying), else the family's usual one.

use std::path::Path;

use claims_jwt::jsonwebtoken::AlgorithmFamily;
use claims_jwt::{Algorithm, Error, KeySet, SigningKey, VerifyingKey};

use crate::alg::AlgName;
use crate::cli::{SignKeyArgs, VerifyKeyArgs};
use crate::exit::Failure;
use crate::{input, remote};

/// Where a JWKS document comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum JwksSource {
    /// A file.
    File(String),
    /// An `http://` or `https://` URL.
    Url(String),
}

impl JwksSource {
    pub(crate) fn parse(text: &str) -> Self {
        let lower = text.to_ascii_lowercase();
        if lower.starts_with("https://") || lower.starts_with("http://") {
            JwksSource::Url(text.to_owned())
        } else {
            JwksSource::File(text.to_owned())
        }
    }

    /// The document's text, for `claims keys`, which explains each member as written.
    pub(crate) fn read(&self) -> Result<String, Failure> {
        match self {
            JwksSource::File(path) => input::file(Path::new(path), "JWKS"),
            JwksSource::Url(url) => remote::document(url),
        }
    }

    /// The usable keys: claims-jwt's reading of the file, or of the URL through its remote key source.
    fn key_set(&self) -> Result<KeySet, Failure> {
        match self {
            JwksSource::File(_) => KeySet::from_jwks_json(&self.read()?).map_err(|err| {
                Failure::input(format!(
                    "--jwks {self}: not a JWKS document claims-jwt can read ({err}); run `claims keys {self}`"
                ))
            }),
            JwksSource::Url(url) => remote::fetch(url),
        }
    }
}

impl std::fmt::Display for JwksSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            JwksSource::File(text) | JwksSource::Url(text) => f.write_str(text),
        }
    }
}

/// The keys a verifier is built with.
#[derive(Debug)]
pub(crate) enum VerifierKeys {
    /// One key, whatever the token's `kid`.
    One(VerifyingKey),
    /// A set, chosen by the token's `kid`.
    Set(KeySet),
}

/// A loaded verifying key, and where it came from in words.
#[derive(Debug)]
pub(crate) struct LoadedKey {
    pub(crate) keys: VerifierKeys,
    /// E.g. ``the JWKS jwks.json (2 usable keys)``, ``the RSA key in public.pem, pinned to RS256 (the token's alg)``.
    pub(crate) source: String,
}

/// The key `claims inspect` verifies with, if one was given; `header_alg` is the token's `alg`.
pub(crate) fn verifying(
    args: &VerifyKeyArgs,
    alg: Option<AlgName>,
    header_alg: Option<&str>,
) -> Result<Option<LoadedKey>, Failure> {
    let wanted = alg.map(supported).transpose()?;
    let header = header_alg
        .and_then(AlgName::parse)
        .and_then(AlgName::algorithm);
    if let Some(text) = &args.jwks {
        let source = JwksSource::parse(text);
        let set = source.key_set()?;
        if set.is_empty() {
            return Err(Failure::input(format!(
                "--jwks {source}: no key in it can verify signatures; run `claims keys {source}` to see why"
            )));
        }
        let count = set.len();
        return Ok(Some(LoadedKey {
            keys: VerifierKeys::Set(set),
            source: format!(
                "the JWKS {source} ({count} usable key{})",
                if count == 1 { "" } else { "s" }
            ),
        }));
    }
    if let Some(path) = &args.pem {
        let pem = input::file_bytes(path, "PEM key")?;
        let (key, family, why) = choose(wanted, header, |alg| verifying_pem(alg, &pem))
            .ok_or_else(|| unusable_pem(path, wanted))?;
        let alg = key.algorithm();
        return Ok(Some(LoadedKey {
            keys: VerifierKeys::One(key),
            source: format!(
                "the {family} key in {}, pinned to {alg:?} ({why})",
                path.display()
            ),
        }));
    }
    if let Some(var) = &args.secret_env {
        let secret = secret(var)?;
        let (key, _, why) = choose(wanted, header, |alg| VerifyingKey::hmac(alg, &secret).ok())
            .ok_or_else(|| unusable_secret(var, &secret, wanted))?;
        let alg = key.algorithm();
        return Ok(Some(LoadedKey {
            keys: VerifierKeys::One(key),
            source: format!("the secret in ${var}, pinned to {alg:?} ({why})"),
        }));
    }
    Ok(None)
}

/// The key `claims mint` signs with, with `kid` when given.
pub(crate) fn signing(
    args: &SignKeyArgs,
    alg: Option<AlgName>,
    kid: Option<&str>,
) -> Result<SigningKey, Failure> {
    let wanted = alg.map(supported).transpose()?;
    let key = if let Some(path) = &args.pem {
        let pem = input::file_bytes(path, "PEM key")?;
        choose(wanted, None, |alg| signing_pem(alg, &pem))
            .ok_or_else(|| unusable_pem(path, wanted))?
            .0
    } else if let Some(var) = &args.secret_env {
        let secret = secret(var)?;
        choose(wanted, None, |alg| SigningKey::hmac(alg, &secret).ok())
            .ok_or_else(|| unusable_secret(var, &secret, wanted))?
            .0
    } else {
        // clap requires one of the two.
        return Err(Failure::input("give a key: --pem FILE or --secret-env VAR"));
    };
    Ok(match kid {
        Some(kid) => key.with_kid(kid),
        None => key,
    })
}

/// The algorithms tried, in order: `--alg` alone when given; else the header's, then each family's usual one.
const USUAL: [Algorithm; 5] = [
    Algorithm::HS256,
    Algorithm::RS256,
    Algorithm::ES256,
    Algorithm::ES384,
    Algorithm::EdDSA,
];

/// The first of the candidate algorithms `build` makes a key for, with the key's family and why that
/// algorithm was chosen.
fn choose<K>(
    wanted: Option<Algorithm>,
    header: Option<Algorithm>,
    build: impl Fn(Algorithm) -> Option<K>,
) -> Option<(K, &'static str, &'static str)> {
    let candidates: Vec<(Algorithm, &'static str)> = match wanted {
        Some(alg) => vec![(alg, "--alg")],
        None => header
            .map(|alg| (alg, "the token's alg"))
            .into_iter()
            .chain(USUAL.map(|alg| (alg, "the usual algorithm for this key type")))
            .collect(),
    };
    candidates
        .into_iter()
        .find_map(|(alg, why)| build(alg).map(|key| (key, family_name(alg.family()), why)))
}

fn family_name(family: AlgorithmFamily) -> &'static str {
    match family {
        AlgorithmFamily::Hmac => "HMAC",
        AlgorithmFamily::Rsa => "RSA",
        AlgorithmFamily::Ec => "EC",
        AlgorithmFamily::Ed => "Ed25519",
    }
}

/// A verifying key from a private or a public PEM key for `alg`; never an HMAC key.
fn verifying_pem(alg: Algorithm, pem: &[u8]) -> Option<VerifyingKey> {
    // The private key first: it is checked by signing a probe, while jsonwebtoken reads a private
    // PKCS#8 RSA key as a public one without complaint (and then no signature verifies).
    if let Some(key) = signing_pem(alg, pem) {
        return Some(key.verifying_key());
    }
    match alg.family() {
        AlgorithmFamily::Rsa => VerifyingKey::from_rsa_pem(alg, pem).ok(),
        AlgorithmFamily::Ec => VerifyingKey::from_ec_pem(alg, pem).ok(),
        AlgorithmFamily::Ed => VerifyingKey::from_ed_pem(pem).ok(),
        AlgorithmFamily::Hmac => None,
    }
}

/// A signing key from a private PEM key for `alg` (checked by signing a probe); never an HMAC key.
fn signing_pem(alg: Algorithm, pem: &[u8]) -> Option<SigningKey> {
    match alg.family() {
        AlgorithmFamily::Rsa => SigningKey::from_rsa_pem(alg, pem).ok(),
        AlgorithmFamily::Ec => SigningKey::from_ec_pem(alg, pem).ok(),
        AlgorithmFamily::Ed => SigningKey::from_ed_pem(pem).ok(),
        AlgorithmFamily::Hmac => None,
    }
}

fn supported(alg: AlgName) -> Result<Algorithm, Failure> {
    alg.algorithm().ok_or_else(|| {
        Failure::input(format!(
            "--alg {}: jsonwebtoken neither signs nor verifies it; `claims size` can still measure it",
            alg.name()
        ))
    })
}

fn unusable_pem(path: &Path, wanted: Option<Algorithm>) -> Failure {
    let what = match wanted {
        Some(alg) if alg.family() == AlgorithmFamily::Hmac => {
            return Failure::input(format!(
                "--alg {alg:?} is HMAC, which takes a shared secret, not the PEM key in {}; use --secret-env VAR",
                path.display()
            ));
        }
        Some(alg) => format!("a PEM key for {alg:?}"),
        None => "an RSA, EC (P-256, P-384) or Ed25519 key in PEM".to_owned(),
    };
    Failure::input(format!(
        "{} does not hold {what}; give such a key, or the --alg that fits it",
        path.display()
    ))
}

/// Why no HMAC key could be made of the secret in `var`: too short for the algorithm (`--alg`, else
/// HS256), or an algorithm that takes a key pair.
fn unusable_secret(var: &str, secret: &[u8], wanted: Option<Algorithm>) -> Failure {
    match VerifyingKey::hmac(wanted.unwrap_or(Algorithm::HS256), secret) {
        Err(err @ Error::WeakKey { .. }) => Failure::input(format!("the secret in ${var}: {err}")),
        _ => not_hmac(wanted),
    }
}

fn not_hmac(wanted: Option<Algorithm>) -> Failure {
    let alg = wanted.map_or_else(String::new, |alg| format!("{alg:?} "));
    Failure::input(format!(
        "--alg {alg}needs a key pair, not a shared secret; use --pem FILE, or an HS256, HS384 or HS512 --alg"
    ))
}

/// The secret held by the environment variable `var`, as bytes.
fn secret(var: &str) -> Result<Vec<u8>, Failure> {
    match std::env::var_os(var) {
        None => Err(Failure::input(format!(
            "environment variable `{var}` is not set; export the secret in it (secrets are never read from \
             the command line, where other users and shell history can see them)"
        ))),
        Some(value) if value.is_empty() => Err(Failure::input(format!(
            "environment variable `{var}` is empty; export the secret in it"
        ))),
        Some(value) => Ok(value.into_encoded_bytes()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_told_from_files() {
        assert_eq!(
            JwksSource::parse("https://clerk.example.com/.well-known/jwks.json"),
            JwksSource::Url("https://clerk.example.com/.well-known/jwks.json".to_owned())
        );
        assert_eq!(
            JwksSource::parse("HTTP://localhost/jwks"),
            JwksSource::Url("HTTP://localhost/jwks".to_owned())
        );
        assert_eq!(
            JwksSource::parse("https.json"),
            JwksSource::File("https.json".to_owned())
        );
    }

    #[test]
    fn the_key_type_fixes_the_family() {
        let rsa = include_bytes!("../../claims-jwt/tests/keys/rsa2048.pub.pem");
        // The header says HS256: a PEM key is never an HMAC secret, so RSA's usual algorithm is used.
        let (key, family, why) =
            choose(None, Some(Algorithm::HS256), |alg| verifying_pem(alg, rsa)).unwrap();
        assert_eq!(
            (key.algorithm(), family, why),
            (
                Algorithm::RS256,
                "RSA",
                "the usual algorithm for this key type"
            )
        );
        let (key, _, why) =
            choose(None, Some(Algorithm::PS384), |alg| verifying_pem(alg, rsa)).unwrap();
        assert_eq!(
            (key.algorithm(), why),
            (Algorithm::PS384, "the token's alg")
        );
        assert!(choose(Some(Algorithm::ES256), None, |alg| verifying_pem(alg, rsa)).is_none());

        let secret = b"0123456789abcdef0123456789abcdef";
        let (key, family, _) = choose(None, Some(Algorithm::RS256), |alg| {
            VerifyingKey::hmac(alg, secret).ok()
        })
        .unwrap();
        assert_eq!((key.algorithm(), family), (Algorithm::HS256, "HMAC"));
    }

    #[test]
    fn private_pem_keys_verify_too() {
        let p384 = include_bytes!("../../claims-jwt/tests/keys/p384.pem");
        let (key, family, _) = choose(None, None, |alg| verifying_pem(alg, p384)).unwrap();
        assert_eq!((key.algorithm(), family), (Algorithm::ES384, "EC"));
        let (key, _, _) = choose(None, None, |alg| signing_pem(alg, p384)).unwrap();
        assert_eq!(key.algorithm(), Algorithm::ES384);
    }
}
