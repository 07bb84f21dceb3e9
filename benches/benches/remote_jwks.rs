//! Verifying with a cached remote JWKS against the same keys in a static `KeySet`, in the same run: RS256
//! and ES256 tokens, through the synchronous `verify` and through `verify_async`. The set is fetched once
//! from a JWKS server on 127.0.0.1 before measuring; every measured verification is a cache hit. The
//! signature dwarfs the key lookup, so `key_lookup` also times a token refused right after the key is
//! chosen (its header names another algorithm than the key's): header parsing, the key source, no crypto.
//!
//! `cargo bench -p claims-benches --bench remote_jwks -- --warm-up-time 1 --measurement-time 3`

#![allow(missing_docs)]

use std::hint::black_box;
use std::time::Duration;

use axum::Router;
use axum::http::header::CONTENT_TYPE;
use axum::routing::get;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use claims_jwt::jsonwebtoken::EncodingKey;
use claims_jwt::jsonwebtoken::jwk::Jwk;
use claims_jwt::{
    Algorithm, Clock, Error, Generic, JwksOptions, KeySet, Minter, Payload, RemoteJwks, SigningKey,
    Verifier,
};
use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::{Map, Value, json};

type Dynamic = Map<String, Value>;

use claims_tests::NOW;
use claims_tests::keys::{P256 as P256_PEM, RSA as RSA_PEM};

/// Two keys with their public JWKs, as a provider publishes them.
fn keys() -> Vec<(SigningKey, Value)> {
    let key = |signing: SigningKey, private: EncodingKey, kid: &str| {
        let mut jwk = Jwk::from_encoding_key(&private, signing.algorithm()).expect("a public JWK");
        jwk.common.key_id = Some(kid.to_owned());
        (
            signing.with_kid(kid),
            serde_json::to_value(jwk).expect("JSON"),
        )
    };
    vec![
        key(
            SigningKey::from_rsa_pem(Algorithm::RS256, RSA_PEM).expect("rsa key"),
            EncodingKey::from_rsa_pem(RSA_PEM).expect("rsa pem"),
            "ins_2GIoQhbUpy0hX7B2cVkuTMinXoD",
        ),
        key(
            SigningKey::from_ec_pem(Algorithm::ES256, P256_PEM).expect("p256 key"),
            EncodingKey::from_ec_pem(P256_PEM).expect("p256 pem"),
            "ins_2pJ8kQ3vX9mN4rT6yW1zB5cD7fH",
        ),
    ]
}

fn token(key: &SigningKey) -> String {
    let claims: Dynamic = serde_json::from_value(json!({
        "fullName": "Ada Lovelace", "primaryEmail": "ada@example.com", "roles": ["admin", "billing"],
    }))
    .expect("an object");
    Minter::<Generic>::new(key.clone())
        .with_issuer("https://auth.example.com")
        .with_ttl(Duration::from_secs(3600))
        .with_clock(Clock::fixed(NOW))
        .mint(&Payload::new(claims).with_subject("user_2GIpXOEpVyJw51rkZn9Kmnc6Sxr"))
        .expect("mints")
        .into_string()
}

fn benches(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let keys = keys();
    let jwks = json!({ "keys": keys.iter().map(|(_, jwk)| jwk).collect::<Vec<_>>() }).to_string();

    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .expect("a loopback port");
    let url = format!("http://{}/jwks", listener.local_addr().expect("an address"));
    let body = jwks.clone();
    let app = Router::new().route(
        "/jwks",
        get(move || {
            let body = body.clone();
            async move { ([(CONTENT_TYPE, "application/json")], body) }
        }),
    );
    runtime.spawn(async move { axum::serve(listener, app).await.expect("serves") });

    let clock = Clock::fixed(NOW + 10);
    let remote = RemoteJwks::new(&url, JwksOptions::default().with_clock(clock.clone()))
        .expect("a remote set");
    runtime.block_on(remote.refresh()).expect("fetched once");
    let cached = Verifier::<Generic>::from_remote_jwks(remote).with_clock(clock.clone());
    let fixed =
        Verifier::<Generic>::from_key_set(KeySet::from_jwks_json(&jwks).expect("a key set"))
            .with_clock(clock);

    for (key, name) in keys.iter().map(|(key, _)| key).zip(["rs256", "es256"]) {
        let token = token(key);
        let mut group = c.benchmark_group(format!("verify_cached_jwks_{name}"));
        group.bench_function("static_key_set", |b| {
            b.iter(|| {
                fixed
                    .verify::<Dynamic>(black_box(&token))
                    .expect("verifies")
            });
        });
        group.bench_function("remote_jwks", |b| {
            b.iter(|| {
                cached
                    .verify::<Dynamic>(black_box(&token))
                    .expect("verifies")
            });
        });
        group.bench_function("static_key_set_async", |b| {
            b.to_async(&runtime).iter(|| async {
                fixed
                    .verify_async::<Dynamic>(black_box(&token))
                    .await
                    .expect("verifies")
            });
        });
        group.bench_function("remote_jwks_async", |b| {
            b.to_async(&runtime).iter(|| async {
                cached
                    .verify_async::<Dynamic>(black_box(&token))
                    .await
                    .expect("verifies")
            });
        });
        group.finish();
    }

    // The key source alone: the RSA key's kid with `alg: ES256` is refused once the key is chosen.
    let header = URL_SAFE_NO_PAD.encode(format!(
        r#"{{"alg":"ES256","kid":"{}","typ":"JWT"}}"#,
        keys[0].0.kid().expect("a kid")
    ));
    let mismatch = format!("{header}.e30.c2ln");
    let refused = |verifier: &Verifier<Generic>| {
        let err = verifier
            .verify::<Dynamic>(black_box(&mismatch))
            .unwrap_err();
        assert!(matches!(err, Error::AlgorithmMismatch { .. }), "{err}");
    };
    let mut group = c.benchmark_group("key_lookup");
    group.bench_function("static_key_set", |b| b.iter(|| refused(&fixed)));
    group.bench_function("remote_jwks", |b| b.iter(|| refused(&cached)));
    group.finish();
}

criterion_group!(remote_jwks, benches);
criterion_main!(remote_jwks);
