//! A verifier with a remote JWKS refuses exactly what one with the same keys held statically refuses:
//! every header rule, the algorithm pin, the lifetime, the age and the audience rules run on the async
//! path as on the synchronous one, and none of these refusals costs a fetch.

use std::time::Duration;

use claims_jwt::{Algorithm, Error, Generic, JwksOptions, KeySet, Verifier};
use claims_tests::remote_jwks::{ISSUER, Reply, TOKEN_TTL, TestKey, serve};
use claims_tests::{Dynamic, NOW, b64};
use serde_json::{Value, json};

/// A token with exactly this header and payload, signed by `key` whatever they say.
fn token(key: &TestKey, header: &str, payload: &Value) -> String {
    let message = format!(
        "{}.{}",
        b64(header.as_bytes()),
        b64(payload.to_string().as_bytes())
    );
    let signature = key
        .signing
        .sign(message.as_bytes())
        .expect("an RS256 signature");
    format!("{message}.{signature}")
}

/// A payload that passes every check of the suite's verifiers, with `changes` merged in.
fn payload(changes: &Value) -> Value {
    let mut payload = json!({"iss": ISSUER, "sub": "user_1", "iat": NOW, "exp": NOW + 600});
    for (name, value) in changes.as_object().expect("an object") {
        payload[name] = value.clone();
    }
    payload
}

const HEADER: &str = r#"{"alg":"RS256","kid":"k1","typ":"JWT"}"#;

/// Tokens signed by `key` whose header or signature is wrong in one way only, with the exact error both
/// paths give; `good` is the positive control they are built beside.
fn header_refusals(key: &TestKey, good: &str) -> Vec<(&'static str, String, Error)> {
    let long_kid = "k".repeat(claims_jwt::MAX_KID_LEN + 1);
    vec![
        (
            "no typ",
            token(key, r#"{"alg":"RS256","kid":"k1"}"#, &payload(&json!({}))),
            Error::InvalidType {
                expected: "JWT",
                found: None,
            },
        ),
        (
            "an access token's typ",
            token(
                key,
                r#"{"alg":"RS256","kid":"k1","typ":"at+jwt"}"#,
                &payload(&json!({})),
            ),
            Error::InvalidType {
                expected: "JWT",
                found: Some("at+jwt".into()),
            },
        ),
        (
            "a key-pointing parameter",
            token(
                key,
                r#"{"alg":"RS256","kid":"k1","typ":"JWT","jku":"https://evil.example/jwks"}"#,
                &payload(&json!({})),
            ),
            Error::HeaderParameterRefused { name: "jku".into() },
        ),
        (
            "crit",
            token(
                key,
                r#"{"alg":"RS256","kid":"k1","typ":"JWT","crit":["exp"]}"#,
                &payload(&json!({})),
            ),
            Error::HeaderParameterRefused {
                name: "crit".into(),
            },
        ),
        (
            "an over-long kid",
            token(
                key,
                &format!(r#"{{"alg":"RS256","kid":"{long_kid}","typ":"JWT"}}"#),
                &payload(&json!({})),
            ),
            Error::KidTooLong {
                len: claims_jwt::MAX_KID_LEN + 1,
                max: claims_jwt::MAX_KID_LEN,
            },
        ),
        (
            "a header name twice",
            token(
                key,
                r#"{"alg":"RS256","kid":"k1","typ":"JWT","typ":"JWT"}"#,
                &payload(&json!({})),
            ),
            Error::DuplicateHeaderParameter { name: "typ".into() },
        ),
        (
            "another algorithm",
            token(
                key,
                r#"{"alg":"HS256","kid":"k1","typ":"JWT"}"#,
                &payload(&json!({})),
            ),
            Error::AlgorithmMismatch {
                expected: Algorithm::RS256,
                found: "HS256".into(),
            },
        ),
        (
            "a bad signature",
            {
                // The good token's header and payload under another payload's signature.
                let other = token(key, HEADER, &payload(&json!({"sub": "user_2"})));
                let (message, _) = good.rsplit_once('.').unwrap();
                format!("{message}.{}", other.rsplit_once('.').unwrap().1)
            },
            Error::InvalidSignature,
        ),
    ]
}

/// Tokens signed by `key` whose claims are wrong in one way only, with the exact error both paths give.
fn claim_refusals(key: &TestKey) -> Vec<(&'static str, String, Error)> {
    vec![
        (
            "expired",
            token(key, HEADER, &payload(&json!({"exp": NOW}))),
            Error::Expired {
                exp: NOW,
                now: NOW,
                leeway: 0,
            },
        ),
        (
            "living too long",
            token(
                key,
                HEADER,
                &payload(&json!({"exp": NOW + TOKEN_TTL.as_secs() + 1})),
            ),
            Error::LifetimeTooLong {
                lifetime: TOKEN_TTL.as_secs() + 1,
                max: TOKEN_TTL.as_secs(),
            },
        ),
        (
            "too old",
            token(
                key,
                HEADER,
                &payload(&json!({"iat": NOW - 3601, "exp": NOW + 600})),
            ),
            Error::TooOld {
                iat: NOW - 3601,
                now: NOW,
                max_age: 3600,
                leeway: 0,
            },
        ),
        (
            "an audience nobody configured",
            token(key, HEADER, &payload(&json!({"aud": "another-api"}))),
            Error::UnexpectedAudience {
                found: vec!["another-api".into()],
            },
        ),
        (
            "another issuer",
            token(
                key,
                HEADER,
                &payload(&json!({"iss": "https://evil.example"})),
            ),
            Error::InvalidIssuer {
                found: "https://evil.example".into(),
            },
        ),
    ]
}

#[tokio::test]
async fn the_remote_path_refuses_exactly_what_the_static_path_refuses() {
    let key = TestKey::rsa("k1");
    let (server, clock, remote) = serve(Reply::jwks([&key.jwk]), JwksOptions::default()).await;
    let remote = remote.with_max_token_age(Duration::from_secs(3600));
    let jwks = json!({ "keys": [key.jwk] }).to_string();
    let fixed = Verifier::<Generic>::from_key_set(KeySet::from_jwks_json(&jwks).unwrap())
        .with_issuer(ISSUER)
        .with_max_lifetime(TOKEN_TTL)
        .with_max_token_age(Duration::from_secs(3600))
        .with_clock(clock.clock());

    // Positive control: the same token passes both ways, after the one fetch that fills the cache.
    let good = token(&key, HEADER, &payload(&json!({})));
    let from_remote = remote.verify_async::<Dynamic>(&good).await.unwrap();
    let from_fixed = fixed.verify::<Dynamic>(&good).unwrap();
    assert_eq!(from_remote.registered(), from_fixed.registered());
    assert_eq!(from_remote.registered().sub.as_deref(), Some("user_1"));
    assert_eq!(server.requests(), 1);

    let cases = [header_refusals(&key, &good), claim_refusals(&key)].concat();
    for (what, token, expected) in &cases {
        let sync = fixed.verify::<Dynamic>(token).unwrap_err();
        let from_remote = remote.verify_async::<Dynamic>(token).await.unwrap_err();
        assert_eq!(&sync, expected, "static, {what}");
        assert_eq!(&from_remote, expected, "remote, {what}");
    }
    // None of the refusals fetched: each was decided on the header or with the cached key.
    assert_eq!(server.requests(), 1);
}
