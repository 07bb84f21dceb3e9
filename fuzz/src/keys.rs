//! The keys and verifiers the verify targets use: HMAC keys on the test suites' secret (so that
//! `claims_tests::signed` makes tokens they accept), a key set to choose from by `kid`, and Clerk's real
//! RS256 key with its clock, from the repository's vectors.

use std::sync::LazyLock;

use claims_jwt::jwk::Jwk;
use claims_jwt::{Algorithm, Clock, KeySet, Layout, SigningKey, Verifier, VerifyingKey};
use claims_tests::{NOW, SECRET};

/// The `kid` of the key set's member that holds [`SECRET`].
pub const GOOD_KID: &str = "k1";

/// The HS256 key on [`SECRET`], for minting.
///
/// # Panics
///
/// If the key is refused: the suites' secret is long enough for HS256.
pub fn signing_key() -> SigningKey {
    SigningKey::hmac(Algorithm::HS256, SECRET).expect("the suites' secret is an HS256 key")
}

fn hmac(alg: Algorithm, secret: &[u8], kid: &str) -> VerifyingKey {
    VerifyingKey::hmac(alg, secret)
        .expect("an HMAC key")
        .with_kid(kid)
}

/// A verifier of layout `L` with the HS256 key on [`SECRET`] alone, at [`NOW`].
pub fn single<L: Layout>() -> Verifier<L> {
    Verifier::<L>::new(signing_key().verifying_key()).with_clock(Clock::fixed(NOW))
}

/// A verifier of layout `L` choosing by `kid` among [`GOOD_KID`] (HS256 on [`SECRET`]), `k2` (HS256 on
/// another secret) and `k3` (HS384 on [`SECRET`] twice over), at [`NOW`].
pub fn key_set<L: Layout>() -> Verifier<L> {
    let long: Vec<u8> = SECRET.iter().chain(SECRET).copied().collect();
    let keys = KeySet::new([
        hmac(Algorithm::HS256, SECRET, GOOD_KID),
        hmac(
            Algorithm::HS256,
            b"another secret of thirty-two bytes!!",
            "k2",
        ),
        hmac(Algorithm::HS384, &long, "k3"),
    ]);
    Verifier::<L>::from_key_set(keys).with_clock(Clock::fixed(NOW))
}

/// Clerk's fixed clock in its SDK's own tests (`iat` of its fixture tokens).
pub const CLERK_NOW: u64 = 1_666_648_250;

/// Clerk's RS256 fixture key (`mockJwt`'s), from `tests/vectors/provider_examples.json`.
pub static CLERK_KEY: LazyLock<VerifyingKey> = LazyLock::new(|| {
    let vectors: serde_json::Value =
        serde_json::from_str(include_str!("../../tests/vectors/provider_examples.json"))
            .expect("the provider vectors are JSON");
    let entry = claims_tests::entry(&vectors["tokens_and_claims"], "clerk mockJwt");
    let jwk: Jwk = serde_json::from_value(entry["jwk"].clone()).expect("a JWK");
    VerifyingKey::from_jwk(&jwk).expect("Clerk's RS256 key")
});
