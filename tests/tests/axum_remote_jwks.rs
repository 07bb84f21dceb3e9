//! claims-axum with a remote JWKS, over real HTTP: the application on `127.0.0.1:0`, its keys served by
//! another loopback server, a real client. The extractor verifies through `verify_async`, so the first
//! request fetches the set, a rotated key is one refresh, and keys that cannot be had are a 503.

use std::time::Duration;

use axum::Router;
use axum::routing::get;
use claims_axum::{Authenticator, Session};
use claims_jwt::{Generic, JwksOptions, Verifier};
use claims_tests::events::Captured;
use claims_tests::remote_jwks::{JwksServer, ManualClock, Reply, TestKey, mint, remote_verifier};
use claims_tests::{Dynamic, NOW};
use reqwest::StatusCode;
use reqwest::header::{AUTHORIZATION, WWW_AUTHENTICATE};
use serde_json::Value;

/// The subject of the session, or the refusal.
async fn me(session: Session<Dynamic, Generic>) -> String {
    session.registered().sub.clone().unwrap_or_default()
}

/// Serves the application on `127.0.0.1:0` with `verifier`; returns its base URL.
async fn app(verifier: Verifier<Generic>) -> String {
    let router = Router::new()
        .route("/me", get(me))
        .with_state(Authenticator::new(verifier));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a loopback port");
    let addr = listener.local_addr().expect("its address");
    tokio::spawn(async move {
        axum::serve(listener, router).await.expect("the app serves");
    });
    format!("http://{addr}")
}

/// `GET /me` with `token` as a bearer token: the status and the body.
async fn get_me(base: &str, token: &str) -> (StatusCode, Option<String>, String) {
    let response = reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(10))
        .build()
        .expect("a client")
        .get(format!("{base}/me"))
        .header(AUTHORIZATION, format!("Bearer {token}"))
        .send()
        .await
        .expect("an answer");
    let challenge = response
        .headers()
        .get(WWW_AUTHENTICATE)
        .map(|value| value.to_str().expect("ASCII").to_owned());
    (
        response.status(),
        challenge,
        response.text().await.expect("a body"),
    )
}

/// The answer while the keys cannot be had: 503, no challenge (the token may be fine), the reason.
fn unavailable() -> (StatusCode, Option<String>, String) {
    let body = r#"{"reason":"keys_unavailable","message":"the server cannot get the keys to check the session token right now; retry shortly"}"#;
    (StatusCode::SERVICE_UNAVAILABLE, None, body.into())
}

fn reason(body: &str) -> String {
    let body: Value = serde_json::from_str(body).expect("a JSON refusal");
    body["reason"].as_str().expect("a reason").to_owned()
}

#[tokio::test]
async fn the_extractor_fetches_the_keys_and_refreshes_them_once_for_a_rotated_key() {
    let (k1, k2) = (TestKey::rsa("k1"), TestKey::p256("k2"));
    let jwks = JwksServer::start(Reply::jwks([&k1.jwk])).await;
    let clock = ManualClock::at(NOW);
    let base = app(remote_verifier(&jwks, JwksOptions::default(), &clock)).await;
    assert_eq!(jwks.requests(), 0, "nothing is fetched before a request");

    // The first request fetches the set; the next ones use the cache.
    let token = mint(&k1, NOW);
    for _ in 0..3 {
        assert_eq!(
            get_me(&base, &token).await,
            (StatusCode::OK, None, "user_1".into())
        );
    }
    assert_eq!(jwks.requests(), 1);

    // The provider rotates: a token signed with the new key is one refresh, then cached.
    jwks.set(Reply::jwks([&k1.jwk, &k2.jwk]));
    clock.advance(JwksOptions::REFRESH_INTERVAL.as_secs());
    let rotated = mint(&k2, clock.now());
    for _ in 0..3 {
        assert_eq!(
            get_me(&base, &rotated).await,
            (StatusCode::OK, None, "user_1".into())
        );
    }
    assert_eq!(jwks.requests(), 2);
    assert_eq!(
        get_me(&base, &token).await.0,
        StatusCode::OK,
        "the old key still serves"
    );
    assert_eq!(jwks.requests(), 2);

    // A token with a key the provider never published is still a 401, after no more than that refresh.
    let stranger = mint(&TestKey::ed25519("k9"), clock.now());
    let (status, challenge, body) = get_me(&base, &stranger).await;
    assert_eq!(
        (status, challenge.as_deref(), reason(&body).as_str()),
        (
            StatusCode::UNAUTHORIZED,
            Some(r#"Bearer error="invalid_token""#),
            "unknown_key"
        )
    );
    assert_eq!(jwks.requests(), 2, "within the refresh interval");
}

#[tokio::test]
async fn keys_that_cannot_be_had_are_a_503_with_a_warning_for_the_operator() {
    // Thread-local: this test's runtime runs the application and the client on this thread.
    let (events, _guard) = Captured::start();
    let key = TestKey::rsa("k1");
    let token = mint(&key, NOW);
    let clock = ManualClock::at(NOW);

    // The JWKS server answers 500: no keys were ever cached.
    let broken = JwksServer::start(Reply::json("oops").with_status(500)).await;
    let broken_app = app(remote_verifier(&broken, JwksOptions::default(), &clock)).await;
    assert_eq!(get_me(&broken_app, &token).await, unavailable());
    assert_eq!(broken.requests(), 1);

    // The JWKS server is down: nothing listens on its port.
    let down = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a loopback port");
        format!(
            "http://{}/jwks",
            listener.local_addr().expect("its address")
        )
    };
    let jwks = claims_jwt::RemoteJwks::new(&down, JwksOptions::default().with_clock(clock.clock()))
        .expect("a loopback URL");
    let base = app(Verifier::<Generic>::from_remote_jwks(jwks).with_clock(clock.clock())).await;
    assert_eq!(get_me(&base, &token).await, unavailable());

    // One warning per refused request, naming the JWKS URL and why; never the token.
    let warnings = events.lines_with("session not checked");
    assert_eq!(warnings.len(), 2, "{}", events.text());
    assert!(
        warnings.iter().all(|line| line.contains("WARN")
            && line.contains("reason=\"keys_unavailable\"")
            && line.contains("status=503")),
        "{warnings:#?}"
    );
    assert!(warnings[0].contains(&broken.url("/jwks")) && warnings[0].contains("HTTP 500"));
    assert!(warnings[1].contains(&down), "{}", warnings[1]);
    assert!(!events.text().contains(&token), "a token is never logged");

    // Positive control: once the provider answers again (and its back-off is over), the same
    // application takes the same token.
    broken.set(Reply::jwks([&key.jwk]));
    clock.advance(JwksOptions::REFRESH_INTERVAL.as_secs());
    assert_eq!(
        get_me(&broken_app, &token).await,
        (StatusCode::OK, None, "user_1".into())
    );
}
