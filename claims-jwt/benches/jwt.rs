//! claims-jwt against raw jsonwebtoken, in the same run: verify and mint (HS256 and RS256) of a
//! Clerk-shaped token with about 1.2 KB of custom claims (jsonwebtoken decoding into one flat struct, its
//! best case, and into `#[serde(flatten)]` parts, the usual way to type registered + custom claims), and
//! the payload parse alone: single pass versus `#[serde(flatten)]` versus a flat struct (the serde floor).
//!
//! `cargo bench -p claims-jwt --bench jwt -- --warm-up-time 1 --measurement-time 3`

#![allow(missing_docs)]

use std::hint::black_box;

use claims_jwt::claims_core::{ClaimsError, SessionClaims};
use claims_jwt::layout::ClerkOrganization;
use claims_jwt::{Algorithm, Clerk, Clock, Minter, Payload, SigningKey, Verifier};
use criterion::{Criterion, criterion_group, criterion_main};
use jsonwebtoken::{DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

const NOW: u64 = 1_700_000_000;
const SECRET: &[u8] = b"bench secret, 32 bytes or more......";
const RSA_PEM: &[u8] = include_bytes!("../tests/keys/rsa2048.pem");
const RSA_PUB_PEM: &[u8] = include_bytes!("../tests/keys/rsa2048.pub.pem");

/// About 1.2 KB of custom claims, hand-implementing the trait (the derive lives in another crate).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct AppClaims {
    full_name: String,
    primary_email: String,
    roles: Vec<String>,
    permissions: Vec<String>,
    tenant: u64,
    locale: String,
    feature_flags: Vec<String>,
}

impl SessionClaims for AppClaims {
    const CLAIM_NAMES: &'static [&'static str] = &[
        "fullName",
        "primaryEmail",
        "roles",
        "permissions",
        "tenant",
        "locale",
        "featureFlags",
    ];
    const MAX_JSON_LEN: Option<usize> = None;
    const RESERVED: claims_jwt::claims_core::ReservedNames<'static> =
        claims_jwt::claims_core::ReservedNames::from_profiles(&[
            &claims_jwt::claims_core::Profile::CLERK,
        ]);

    fn check_bounds(&self) -> Result<(), ClaimsError> {
        Ok(())
    }
}

// Written by hand, so it says itself that Clerk's layout may carry it (the derive would).
impl claims_jwt::claims_core::profile::Accepts<AppClaims>
    for claims_jwt::claims_core::profile::Clerk
{
}

fn app_claims() -> AppClaims {
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

/// The same payload as one flat struct: what a jsonwebtoken user would decode into, and the serde floor.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct FlatClaims {
    azp: String,
    exp: u64,
    fva: [i64; 2],
    iat: u64,
    iss: String,
    nbf: u64,
    sid: String,
    sub: String,
    v: u32,
    o: ClerkOrganization,
    full_name: String,
    primary_email: String,
    roles: Vec<String>,
    permissions: Vec<String>,
    tenant: u64,
    locale: String,
    feature_flags: Vec<String>,
}

/// The same payload through `#[serde(flatten)]`: registered, layout and custom claims as three structs.
#[derive(Debug, Deserialize)]
#[allow(dead_code)] // read by `black_box` only
struct FlattenedClaims {
    #[serde(flatten)]
    registered: RegisteredSerde,
    #[serde(flatten)]
    layout: Clerk,
    #[serde(flatten)]
    custom: AppClaims,
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)] // read by `black_box` only
struct RegisteredSerde {
    iss: Option<String>,
    sub: Option<String>,
    exp: Option<u64>,
    nbf: Option<u64>,
    iat: Option<u64>,
}

fn payload() -> Payload<AppClaims, Clerk> {
    Payload::new(app_claims())
        .with_subject("user_2GIpXOEpVyJw51rkZn9Kmnc6Sxr")
        .with_layout(Clerk {
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
        })
}

fn validation(alg: Algorithm) -> Validation {
    let mut validation = Validation::new(alg);
    validation.set_issuer(&["https://clerk.example.com"]);
    validation.leeway = 5;
    validation.validate_aud = false;
    validation
}

struct Setup {
    minter: Minter<Clerk>,
    verifier: Verifier<Clerk>,
    raw_key: EncodingKey,
    raw_decoding: DecodingKey,
    raw_header: Header,
    alg: Algorithm,
}

fn setup(key: SigningKey, raw_key: EncodingKey, raw_decoding: DecodingKey) -> Setup {
    let alg = key.algorithm();
    let mut raw_header = Header::new(alg);
    raw_header.kid = Some("ins_2GIoQhbUpy0hX7B2cVkuTMinXoD".into());
    let key = key.with_kid("ins_2GIoQhbUpy0hX7B2cVkuTMinXoD");
    Setup {
        verifier: Verifier::new(key.verifying_key())
            .with_issuer("https://clerk.example.com")
            .with_clock(Clock::fixed(NOW + 10)),
        minter: Minter::new(key)
            .with_issuer("https://clerk.example.com")
            .with_clock(Clock::fixed(NOW)),
        raw_key,
        raw_decoding,
        raw_header,
        alg,
    }
}

fn compare(c: &mut Criterion, name: &str, s: &Setup) {
    let token = s.minter.mint(&payload()).expect("mints").into_string();
    let flat: FlatClaims = serde_json::from_slice(&payload_json(&token)).expect("flat");
    // jsonwebtoken validates against the real clock: give it a token that is still valid.
    let raw_token = jsonwebtoken::encode(
        &s.raw_header,
        &FlatClaims {
            exp: jsonwebtoken::get_current_timestamp() + 3600,
            ..flat
        },
        &s.raw_key,
    )
    .expect("raw encode");
    let raw_validation = validation(s.alg);

    let mut group = c.benchmark_group(format!("verify_{name}"));
    group.bench_function("claims_jwt", |b| {
        b.iter(|| {
            s.verifier
                .verify::<AppClaims>(black_box(&token))
                .expect("verifies")
        });
    });
    group.bench_function("jsonwebtoken_decode", |b| {
        b.iter(|| {
            jsonwebtoken::decode::<FlatClaims>(
                black_box(&raw_token),
                &s.raw_decoding,
                &raw_validation,
            )
            .expect("decodes")
        });
    });
    // The usual way to type registered + custom claims with jsonwebtoken: `#[serde(flatten)]`.
    group.bench_function("jsonwebtoken_decode_flatten", |b| {
        b.iter(|| {
            jsonwebtoken::decode::<FlattenedClaims>(
                black_box(&raw_token),
                &s.raw_decoding,
                &raw_validation,
            )
            .expect("decodes")
        });
    });
    group.finish();

    let payload = payload();
    let flat: FlatClaims = serde_json::from_slice(&payload_json(&token)).expect("flat");
    let mut group = c.benchmark_group(format!("mint_{name}"));
    group.bench_function("claims_jwt", |b| {
        b.iter(|| s.minter.mint(black_box(&payload)).expect("mints"));
    });
    group.bench_function("jsonwebtoken_encode", |b| {
        b.iter(|| {
            jsonwebtoken::encode(&s.raw_header, black_box(&flat), &s.raw_key).expect("encodes")
        });
    });
    group.finish();
}

fn payload_json(token: &str) -> Vec<u8> {
    use base64::Engine;
    let segment = token.split('.').nth(1).expect("three segments");
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(segment)
        .expect("base64url")
}

fn benches(c: &mut Criterion) {
    let hs = setup(
        SigningKey::hmac(Algorithm::HS256, SECRET).expect("hmac key"),
        EncodingKey::from_secret(SECRET),
        DecodingKey::from_secret(SECRET),
    );
    compare(c, "hs256", &hs);
    let rs = setup(
        SigningKey::from_rsa_pem(Algorithm::RS256, RSA_PEM).expect("rsa key"),
        EncodingKey::from_rsa_pem(RSA_PEM).expect("rsa pem"),
        DecodingKey::from_rsa_pem(RSA_PUB_PEM).expect("rsa public pem"),
    );
    compare(c, "rs256", &rs);

    let json = payload_json(hs.minter.mint(&payload()).expect("mints").as_str());
    let mut group = c.benchmark_group("payload_parse");
    group.bench_function("single_pass", |b| {
        b.iter(|| Payload::<AppClaims, Clerk>::from_json(black_box(&json)).expect("parses"));
    });
    group.bench_function("serde_flatten", |b| {
        b.iter(|| serde_json::from_slice::<FlattenedClaims>(black_box(&json)).expect("parses"));
    });
    group.bench_function("flat_struct_floor", |b| {
        b.iter(|| serde_json::from_slice::<FlatClaims>(black_box(&json)).expect("parses"));
    });
    group.finish();
}

criterion_group!(jwt, benches);
criterion_main!(jwt);
