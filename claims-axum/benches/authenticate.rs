//! What the adapter adds to a verification: `Authenticator::authenticate` (find the token in the headers,
//! verify it, wrap the session) against `Verifier::verify` on the bare token, in the same run, for a
//! Clerk-shaped HS256 token in a bearer header and in a `__session` cookie among a browser's other
//! cookies; and the token lookup alone.
//!
//! `cargo bench -p claims-axum --bench authenticate -- --warm-up-time 1 --measurement-time 3`

#![allow(missing_docs)]

use std::hint::black_box;

use claims_axum::{Authenticator, TokenSources};
use claims_jwt::{Clerk, Clock, Minter, Payload, SessionClaims, SigningKey, Verifier};
use criterion::{Criterion, criterion_group, criterion_main};
use http::header::{AUTHORIZATION, COOKIE};
use http::{HeaderMap, HeaderValue};

const NOW: u64 = 1_700_000_000;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(crate = "claims_jwt::claims_core", profile = "clerk", max_size = 1200)]
#[serde(rename_all = "camelCase")]
struct AppClaims {
    #[claims(max_len = 64)]
    full_name: String,
    #[claims(max_len = 254)]
    primary_email: String,
    #[claims(max_items = 8, max_len = 32)]
    roles: Vec<String>,
}

fn token() -> String {
    let key = SigningKey::hs256(b"bench secret, 32 bytes or more......")
        .expect("a 32-byte secret")
        .with_kid("ins_bench");
    let claims = AppClaims {
        full_name: "Ada Lovelace".into(),
        primary_email: "ada@example.com".into(),
        roles: vec!["admin".into(), "billing".into()],
    };
    let layout = Clerk {
        azp: Some("https://app.example.com".into()),
        sid: Some("sess_2pJ8kQ3vX9mN4rT6yW1zB5cD7fG".into()),
        v: Some(2),
        ..Clerk::default()
    };
    Minter::<Clerk>::new(key)
        .with_clock(Clock::fixed(NOW))
        .mint(
            &Payload::new(claims)
                .with_subject("user_2pJ8kQ3vX9mN4rT6yW1zB5cD7fH")
                .with_layout(layout),
        )
        .expect("the bench claims fit")
        .into_string()
}

fn headers(name: http::HeaderName, value: &str) -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert(name, HeaderValue::from_str(value).expect("ascii"));
    headers
}

fn authenticate(c: &mut Criterion) {
    let token = token();
    let verifier = Verifier::<Clerk>::new(
        SigningKey::hs256(b"bench secret, 32 bytes or more......")
            .expect("a 32-byte secret")
            .verifying_key(),
    )
    .with_authorized_party("https://app.example.com")
    .with_clock(Clock::fixed(NOW + 10));
    let auth = Authenticator::new(verifier.clone());
    let bearer = headers(AUTHORIZATION, &format!("Bearer {token}"));
    // What a browser sends to an app on a shared domain: analytics, consent, Clerk's own cookies.
    let cookie = headers(
        COOKIE,
        &format!(
            "_ga=GA1.1.123456789.1700000000; _gid=GA1.1.987654321.1700000000; consent=all; \
             theme=dark; locale=en-GB; __client_uat=1700000000; __client_uat_Ab3xY9q=1700000000; \
             __clerk_db_jwt=dvb_2pJ8kQ3vX9mN4rT6yW1zB5cD7fG; __session={token}"
        ),
    );
    assert!(
        auth.authenticate::<AppClaims>(&bearer)
            .expect("valid")
            .is_some()
    );
    assert!(
        auth.authenticate::<AppClaims>(&cookie)
            .expect("valid")
            .is_some()
    );

    let mut group = c.benchmark_group("authenticate_hs256");
    group.bench_function("verifier_verify", |b| {
        b.iter(|| verifier.verify::<AppClaims>(black_box(&token)));
    });
    group.bench_function("bearer", |b| {
        b.iter(|| auth.authenticate::<AppClaims>(black_box(&bearer)));
    });
    group.bench_function("cookie", |b| {
        b.iter(|| auth.authenticate::<AppClaims>(black_box(&cookie)));
    });
    group.finish();

    let sources = TokenSources::default();
    let mut group = c.benchmark_group("find_token");
    group.bench_function("bearer", |b| b.iter(|| sources.find(black_box(&bearer))));
    group.bench_function("cookie", |b| b.iter(|| sources.find(black_box(&cookie))));
    group.finish();
}

criterion_group!(benches, authenticate);
criterion_main!(benches);
