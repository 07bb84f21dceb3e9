//! The realistic token every measurement uses: a Clerk v2 session token with about 1.2 KB of custom
//! claims from a `#[derive(SessionClaims)]` struct whose fields carry bounds, so that `check_bounds` does
//! real work; the same claims as one flat serde struct for jsonwebtoken; and the keys of each algorithm.

use claims_jwt::jsonwebtoken::{DecodingKey, EncodingKey};
use claims_jwt::layout::ClerkOrganization;
use claims_jwt::{Algorithm, Clerk, Payload, SessionClaims, SigningKey};
use claims_tests::keys;
use serde::{Deserialize, Serialize};

/// The instant the fixture's tokens are minted at; verifiers stand 10 seconds later.
pub const NOW: u64 = 1_700_000_000;

/// The HMAC secret: 36 bytes, above HS256's 32-byte minimum.
pub const SECRET: &[u8] = b"bench secret, 32 bytes or more......";

/// The issuer both libraries check.
pub const ISSUER: &str = "https://clerk.example.com";

/// The `kid` of every header, as long as Clerk's instance ids.
pub const KID: &str = "ins_2GIoQhbUpy0hX7B2cVkuTMinXoD";

/// Clerk's default leeway, which the jsonwebtoken peer is given too.
pub const LEEWAY: u64 = 5;

/// About 1.2 KB of an application's custom claims, derived for Clerk's profile with a bound on every
/// string and sequence.
#[derive(SessionClaims, Debug, Clone, PartialEq, Serialize, Deserialize)]
#[claims(profile = "clerk")]
#[serde(rename_all = "camelCase")]
pub struct AppClaims {
    /// The user's display name.
    #[claims(max_len = 64)]
    pub full_name: String,
    /// The user's primary e-mail address.
    #[claims(max_len = 254)]
    pub primary_email: String,
    /// Application roles.
    #[claims(max_items = 8, max_len = 32)]
    pub roles: Vec<String>,
    /// Fine-grained permissions.
    #[claims(max_items = 24, max_len = 48)]
    pub permissions: Vec<String>,
    /// The tenant id.
    pub tenant: u64,
    /// A BCP 47 language tag.
    #[claims(max_len = 16)]
    pub locale: String,
    /// Feature flags turned on for the user.
    #[claims(max_items = 16, max_len = 32)]
    pub feature_flags: Vec<String>,
}

/// The fixture's custom claims.
pub fn app_claims() -> AppClaims {
    let words = |prefix: &str, n: usize| {
        (0..n)
            .map(|i| format!("{prefix}:{i:02}:read-write"))
            .collect()
    };
    AppClaims {
        full_name: "Ada Augusta King, Countess of Lovelace".into(),
        primary_email: "ada.lovelace@analytical-engine.example.com".into(),
        roles: words("role", 8),
        permissions: words("org:billing:permission", 16),
        tenant: 42_000_017,
        locale: "en-GB".into(),
        feature_flags: words("flag", 10),
    }
}

/// Clerk's own claims in a v2 token with an active organization.
pub fn clerk_layout() -> Clerk {
    Clerk {
        azp: Some("https://accounts.example.com".into()),
        fva: Some([7, -1]),
        sid: Some("sess_2GbDB4enNdCa5vS1zpC3Xzg9tK9".into()),
        v: Some(2),
        o: Some(ClerkOrganization {
            id: "org_2abcdefghijklmnopqrstuvwxyz".into(),
            slg: Some("analytical".into()),
            rol: Some("admin".into()),
            per: Some("read,manage".into()),
            fpm: Some("3,2".into()),
        }),
        ..Clerk::default()
    }
}

/// The payload claims-jwt mints: the custom claims, a subject and Clerk's claims.
pub fn payload() -> Payload<AppClaims, Clerk> {
    Payload::new(app_claims())
        .with_subject("user_2GIpXOEpVyJw51rkZn9Kmnc6Sxr")
        .with_layout(clerk_layout())
}

/// The same payload as one flat struct: what a jsonwebtoken user decodes into (its best case), and the
/// serde floor of the payload parse.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)] // the claims of `payload()`, one field each
pub struct FlatClaims {
    pub iss: String,
    pub sub: String,
    pub exp: u64,
    pub nbf: u64,
    pub iat: u64,
    pub azp: String,
    pub fva: [i64; 2],
    pub sid: String,
    pub v: u32,
    pub o: ClerkOrganization,
    pub full_name: String,
    pub primary_email: String,
    pub roles: Vec<String>,
    pub permissions: Vec<String>,
    pub tenant: u64,
    pub locale: String,
    pub feature_flags: Vec<String>,
}

/// The algorithms measured, one key each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Alg {
    /// HMAC with SHA-256.
    Hs256,
    /// RSA 2048 PKCS#1 v1.5 with SHA-256.
    Rs256,
    /// ECDSA on P-256.
    Es256,
    /// Ed25519.
    EdDsa,
}

impl Alg {
    /// Every algorithm, in the order of the report.
    pub const ALL: [Alg; 4] = [Alg::Hs256, Alg::Rs256, Alg::Es256, Alg::EdDsa];

    /// The lower-case name used in benchmark ids.
    pub const fn name(self) -> &'static str {
        match self {
            Alg::Hs256 => "hs256",
            Alg::Rs256 => "rs256",
            Alg::Es256 => "es256",
            Alg::EdDsa => "eddsa",
        }
    }

    /// The JWS algorithm.
    pub const fn algorithm(self) -> Algorithm {
        match self {
            Alg::Hs256 => Algorithm::HS256,
            Alg::Rs256 => Algorithm::RS256,
            Alg::Es256 => Algorithm::ES256,
            Alg::EdDsa => Algorithm::EdDSA,
        }
    }

    /// claims-jwt's signing key for this algorithm, from the test keys.
    ///
    /// # Panics
    ///
    /// If a test key does not load: the fixture is broken.
    pub fn signing_key(self) -> SigningKey {
        match self {
            Alg::Hs256 => SigningKey::hs256(SECRET),
            Alg::Rs256 => SigningKey::from_rsa_pem(Algorithm::RS256, keys::RSA),
            Alg::Es256 => SigningKey::from_ec_pem(Algorithm::ES256, keys::P256),
            Alg::EdDsa => SigningKey::from_ed_pem(keys::ED),
        }
        .expect("the test key loads")
        .with_kid(KID)
    }

    /// jsonwebtoken's encoding and decoding keys for this algorithm, from the same test keys.
    ///
    /// # Panics
    ///
    /// If a test key does not load: the fixture is broken.
    pub fn jsonwebtoken_keys(self) -> (EncodingKey, DecodingKey) {
        match self {
            Alg::Hs256 => (
                EncodingKey::from_secret(SECRET),
                DecodingKey::from_secret(SECRET),
            ),
            Alg::Rs256 => (
                EncodingKey::from_rsa_pem(keys::RSA).expect("rsa pem"),
                DecodingKey::from_rsa_pem(keys::RSA_PUB).expect("rsa public pem"),
            ),
            Alg::Es256 => (
                EncodingKey::from_ec_pem(keys::P256).expect("p256 pem"),
                DecodingKey::from_ec_pem(keys::P256_PUB).expect("p256 public pem"),
            ),
            Alg::EdDsa => (
                EncodingKey::from_ed_pem(keys::ED).expect("ed25519 pem"),
                DecodingKey::from_ed_pem(keys::ED_PUB).expect("ed25519 public pem"),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_custom_claims_are_about_1_2_kb_and_within_their_bounds() {
        let claims = app_claims();
        let len = serde_json::to_vec(&claims).unwrap().len();
        assert!((1100..=1200).contains(&len), "{len} bytes");
        assert_eq!(claims.check_bounds(), Ok(()));
    }
}
