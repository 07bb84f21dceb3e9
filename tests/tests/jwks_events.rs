//! What an operator sees of a remote JWKS in `tracing`: fetches started and done (with the number of
//! keys), skipped keys with their reason, failed refreshes, stale keys served, then refused.

use std::time::Duration;

use claims_jwt::{
    Clock, Error, Generic, JwksError, JwksOptions, Minter, Payload, RemoteJwks, Verifier,
};
use claims_tests::events::Captured;
use claims_tests::remote_jwks::{JwksServer, ManualClock, Reply, TestKey, eventually};
use claims_tests::{Dynamic, NOW};
use serde_json::json;

#[tokio::test]
async fn fetches_failures_and_stale_keys_are_events() {
    // Thread-local: this test's runtime runs every task on this thread.
    let (captured, _events) = Captured::start();

    let k1 = TestKey::rsa("k1");
    let secret = json!({"kty": "oct", "kid": "hmac", "k": "c2VjcmV0"});
    let server = JwksServer::start(Reply::jwks([&k1.jwk, &secret])).await;
    let url = server.url("/jwks");
    let clock = ManualClock::at(NOW);
    let options = JwksOptions::default()
        .with_max_stale(Duration::from_secs(100))
        .with_clock(clock.clock());
    let jwks = RemoteJwks::new(&url, options).unwrap();
    let verifier = Verifier::<Generic>::from_remote_jwks(jwks.clone()).with_clock(clock.clock());
    let token = Minter::<Generic>::new(k1.signing.clone())
        .with_ttl(Duration::from_secs(24 * 3600))
        .with_clock(Clock::fixed(NOW))
        .mint(&Payload::new(Dynamic::new()))
        .unwrap()
        .into_string();

    verifier.verify_async::<Dynamic>(&token).await.unwrap();
    assert_eq!(
        captured.lines_with("jwks fetch started").len(),
        1,
        "{}",
        captured.text()
    );
    let fetched = captured.lines_with("jwks fetched");
    assert_eq!(fetched.len(), 1);
    assert!(
        fetched[0].contains("keys=1 skipped=1 ttl_secs=3600"),
        "{}",
        fetched[0]
    );
    assert!(fetched[0].contains(&url), "{}", fetched[0]);
    let skipped = captured.lines_with("jwks key skipped");
    assert_eq!(skipped.len(), 1);
    assert!(
        skipped[0].contains("no accepted algorithm fits key type `oct`"),
        "{}",
        skipped[0]
    );
    assert!(!captured.text().contains(&token), "a token is never logged");

    // The provider fails: the refresh fails, and the stale set is served.
    server.set(Reply::json("oops").with_status(500));
    clock.set(NOW + 3600);
    verifier.verify_async::<Dynamic>(&token).await.unwrap();
    assert!(eventually(|| jwks.last_error().is_some()).await);
    let failed = captured.lines_with("jwks refresh failed");
    assert_eq!(failed.len(), 1);
    assert!(
        failed[0].contains("answered HTTP 500") && failed[0].contains("retry_in_secs=5"),
        "{}",
        failed[0]
    );
    assert_eq!(captured.lines_with("jwks serving stale keys").len(), 1);
    assert!(captured.lines_with("WARN").len() >= 3);

    // Past the staleness limit, the failure says tokens are refused.
    clock.set(NOW + 3600 + 100);
    assert_eq!(
        verifier.verify_async::<Dynamic>(&token).await.unwrap_err(),
        Error::Jwks(JwksError::Stale {
            url: url.clone(),
            expired_at: NOW + 3600,
            now: NOW + 3600 + 100,
            max_stale: 100,
            last_error: Some(Box::new(JwksError::Status {
                url: url.clone(),
                status: 500
            })),
        })
    );
    let refused = captured.lines_with("jwks keys too stale");
    assert_eq!(refused.len(), 1, "{}", captured.text());
    assert!(refused[0].contains("ERROR"), "{}", refused[0]);
}
