//! A remote JWKS served from 127.0.0.1: what is fetched on first use, from the cache, on rotation, for
//! 100 concurrent callers, within the refresh interval, and by `Cache-Control` lifetimes. The cache's
//! clock is moved by hand; no test sleeps through a lifetime.

use std::sync::Arc;
use std::time::Duration;

use claims_jwt::{Error, Generic, JwksError, JwksOptions, RemoteJwks, Verifier};
use claims_tests::remote_jwks::{
    JwksServer, ManualClock, Reply, TestKey, eventually, mint, remote_verifier, serve,
};
use claims_tests::{Dynamic, NOW};

fn cached_times(verifier: &Verifier<Generic>) -> (u64, u64) {
    let cached = verifier.remote_jwks().unwrap().cached().unwrap();
    (cached.fetched_at(), cached.expires_at())
}

#[tokio::test]
async fn the_first_verify_fetches_once_and_cached_verifies_fetch_nothing() {
    let k1 = TestKey::rsa("k1");
    let (server, clock, verifier) = serve(Reply::jwks([&k1.jwk]), JwksOptions::default()).await;
    let token = mint(&k1, NOW);
    assert_eq!(
        server.requests(),
        0,
        "nothing is fetched before a token needs a key"
    );

    let accepted = verifier.verify_async::<Dynamic>(&token).await.unwrap();
    assert_eq!(accepted.header().kid(), Some("k1"));
    assert_eq!(accepted.registered().sub.as_deref(), Some("user_1"));
    assert_eq!(server.requests(), 1);
    assert_eq!(server.paths(), ["/jwks"]);
    assert_eq!(
        cached_times(&verifier),
        (NOW, NOW + 3600),
        "no max-age: the default hour"
    );

    for _ in 0..20 {
        verifier.verify_async::<Dynamic>(&token).await.unwrap();
        verifier.verify::<Dynamic>(&token).unwrap();
    }
    clock.set(NOW + 3599);
    verifier.verify_async::<Dynamic>(&token).await.unwrap();
    assert_eq!(server.requests(), 1, "cached verifies fetch nothing");
}

#[tokio::test]
async fn a_token_with_a_new_kid_causes_exactly_one_refresh() {
    let (k1, k2) = (TestKey::rsa("k1"), TestKey::p256("k2"));
    let (server, clock, verifier) = serve(Reply::jwks([&k1.jwk]), JwksOptions::default()).await;
    verifier
        .verify_async::<Dynamic>(&mint(&k1, NOW))
        .await
        .unwrap();
    assert_eq!(server.requests(), 1);

    // The provider rotates: k2 joins k1, and tokens are signed with k2.
    server.set(Reply::jwks([&k1.jwk, &k2.jwk]));
    clock.advance(JwksOptions::REFRESH_INTERVAL.as_secs());
    let rotated = mint(&k2, clock.now());
    let accepted = verifier.verify_async::<Dynamic>(&rotated).await.unwrap();
    assert_eq!(accepted.header().kid(), Some("k2"));
    assert_eq!(server.requests(), 2);

    for _ in 0..10 {
        verifier.verify_async::<Dynamic>(&rotated).await.unwrap();
        verifier
            .verify_async::<Dynamic>(&mint(&k1, NOW))
            .await
            .unwrap();
    }
    assert_eq!(server.requests(), 2, "both keys are now cached");
}

#[tokio::test]
async fn an_unknown_kid_within_the_refresh_interval_does_not_fetch_again() {
    let (k1, stranger) = (TestKey::rsa("k1"), TestKey::p256("k9"));
    let (server, clock, verifier) = serve(Reply::jwks([&k1.jwk]), JwksOptions::default()).await;
    verifier
        .verify_async::<Dynamic>(&mint(&k1, NOW))
        .await
        .unwrap();
    let unknown = mint(&stranger, NOW);
    let refused = Error::UnknownKid { kid: "k9".into() };

    // The set was fetched at NOW: an unknown kid waits for the interval to pass.
    assert_eq!(
        verifier
            .verify_async::<Dynamic>(&unknown)
            .await
            .unwrap_err(),
        refused
    );
    clock.set(NOW + JwksOptions::REFRESH_INTERVAL.as_secs() - 1);
    assert_eq!(
        verifier
            .verify_async::<Dynamic>(&unknown)
            .await
            .unwrap_err(),
        refused
    );
    assert_eq!(server.requests(), 1);

    // Then one fetch, which does not have it either; the next unknown kid waits again.
    clock.set(NOW + JwksOptions::REFRESH_INTERVAL.as_secs());
    assert_eq!(
        verifier
            .verify_async::<Dynamic>(&unknown)
            .await
            .unwrap_err(),
        refused
    );
    assert_eq!(server.requests(), 2);
    for _ in 0..10 {
        assert_eq!(
            verifier
                .verify_async::<Dynamic>(&unknown)
                .await
                .unwrap_err(),
            refused
        );
    }
    assert_eq!(server.requests(), 2);
    // Known keys keep verifying meanwhile.
    verifier
        .verify_async::<Dynamic>(&mint(&k1, NOW))
        .await
        .unwrap();
    assert_eq!(server.requests(), 2);
}

/// Runs 100 verifications of `token` at once and returns their results.
async fn hundred_at_once(
    verifier: &Arc<Verifier<Generic>>,
    token: &str,
) -> Vec<Result<Option<String>, Error>> {
    let tasks: Vec<_> = (0..100)
        .map(|_| {
            let (verifier, token) = (Arc::clone(verifier), token.to_owned());
            tokio::spawn(async move {
                verifier
                    .verify_async::<Dynamic>(&token)
                    .await
                    .map(|accepted| accepted.header().kid().map(str::to_owned))
            })
        })
        .collect();
    let mut results = Vec::new();
    for task in tasks {
        results.push(task.await.expect("the task completes"));
    }
    results
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_hundred_concurrent_verifies_share_one_fetch() {
    let (k1, k2, stranger) = (
        TestKey::rsa("k1"),
        TestKey::p256("k2"),
        TestKey::ed25519("k9"),
    );
    // Each fetch takes 200 ms, so that all hundred callers arrive while it runs.
    let slow = Duration::from_millis(200);
    let (server, clock, verifier) = serve(
        Reply::jwks([&k1.jwk]).with_delay(slow),
        JwksOptions::default(),
    )
    .await;
    let verifier = Arc::new(verifier);

    // Cold start: no set yet.
    let results = hundred_at_once(&verifier, &mint(&k1, NOW)).await;
    assert!(
        results.iter().all(|r| r == &Ok(Some("k1".to_owned()))),
        "{results:?}"
    );
    assert_eq!(server.requests(), 1, "100 first verifies make one fetch");

    // Rotation: a kid the set gets.
    server.set(Reply::jwks([&k1.jwk, &k2.jwk]).with_delay(slow));
    clock.advance(JwksOptions::REFRESH_INTERVAL.as_secs());
    let results = hundred_at_once(&verifier, &mint(&k2, clock.now())).await;
    assert!(
        results.iter().all(|r| r == &Ok(Some("k2".to_owned()))),
        "{results:?}"
    );
    assert_eq!(
        server.requests(),
        2,
        "100 verifies with a new kid make one fetch"
    );

    // A kid the set never gets: one fetch, and all hundred refused.
    clock.advance(JwksOptions::REFRESH_INTERVAL.as_secs());
    let results = hundred_at_once(&verifier, &mint(&stranger, clock.now())).await;
    let refused = Err(Error::UnknownKid { kid: "k9".into() });
    assert!(results.iter().all(|r| r == &refused), "{results:?}");
    assert_eq!(
        server.requests(),
        3,
        "100 verifies with an unknown kid make one fetch"
    );
}

#[tokio::test]
async fn max_age_is_honoured_and_clamped() {
    let k1 = TestKey::rsa("k1");
    let options =
        JwksOptions::default().with_ttl_bounds(Duration::from_secs(60), Duration::from_secs(7200));
    let first = Reply::jwks([&k1.jwk]).with_header("cache-control", "public, max-age=600");
    let (server, clock, verifier) = serve(first, options).await;
    let token = mint(&k1, NOW);

    verifier.verify_async::<Dynamic>(&token).await.unwrap();
    assert_eq!(cached_times(&verifier), (NOW, NOW + 600));
    clock.set(NOW + 599);
    verifier.verify_async::<Dynamic>(&token).await.unwrap();
    verifier.verify::<Dynamic>(&token).unwrap();
    assert_eq!(server.requests(), 1, "fresh for max-age");

    // At max-age the set still serves at once, and is refreshed in the background: max-age=5 is raised
    // to the 60 s floor.
    server.set(Reply::jwks([&k1.jwk]).with_header("cache-control", "max-age=5"));
    clock.set(NOW + 600);
    verifier.verify_async::<Dynamic>(&token).await.unwrap();
    assert!(eventually(|| cached_times(&verifier).0 == NOW + 600).await);
    assert_eq!(cached_times(&verifier), (NOW + 600, NOW + 660));
    assert_eq!(server.requests(), 2);

    // A year of max-age is cut to the two-hour ceiling.
    server.set(Reply::jwks([&k1.jwk]).with_header("cache-control", "max-age=31536000"));
    clock.set(NOW + 660);
    verifier.verify::<Dynamic>(&token).unwrap();
    assert!(eventually(|| cached_times(&verifier).0 == NOW + 660).await);
    assert_eq!(cached_times(&verifier), (NOW + 660, NOW + 660 + 7200));

    // no-store counts as 0, so the floor.
    server.set(Reply::jwks([&k1.jwk]).with_header("cache-control", "no-store"));
    clock.set(NOW + 660 + 7200);
    verifier.verify_async::<Dynamic>(&token).await.unwrap();
    assert!(eventually(|| cached_times(&verifier).0 == NOW + 7860).await);
    assert_eq!(cached_times(&verifier), (NOW + 7860, NOW + 7920));
    assert_eq!(server.requests(), 4);
}

#[tokio::test]
async fn the_synchronous_verify_never_waits_and_fills_the_cache_in_the_background() {
    let k1 = TestKey::rsa("k1");
    let (server, _clock, verifier) = serve(Reply::jwks([&k1.jwk]), JwksOptions::default()).await;
    let token = mint(&k1, NOW);
    let url = server.url("/jwks");

    assert_eq!(
        verifier.verify::<Dynamic>(&token).unwrap_err(),
        Error::Jwks(JwksError::NotFetched { url })
    );
    // Inside a Tokio runtime, that refusal queued a fetch.
    assert!(eventually(|| verifier.remote_jwks().unwrap().cached().is_some()).await);
    assert_eq!(
        verifier.verify::<Dynamic>(&token).unwrap().header().kid(),
        Some("k1")
    );
    assert_eq!(server.requests(), 1);
}

#[test]
fn outside_a_runtime_the_synchronous_verify_fetches_nothing() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let k1 = TestKey::rsa("k1");
    let server = runtime.block_on(JwksServer::start(Reply::jwks([&k1.jwk])));
    let clock = ManualClock::at(NOW);
    let verifier = remote_verifier(&server, JwksOptions::default(), &clock);
    let token = mint(&k1, NOW);

    assert!(matches!(
        verifier.verify::<Dynamic>(&token),
        Err(Error::Jwks(JwksError::NotFetched { .. }))
    ));
    assert_eq!(server.requests(), 0);

    // Warming up at startup, as a server would before serving.
    let jwks = verifier.remote_jwks().unwrap().clone();
    let cached = runtime.block_on(jwks.refresh()).unwrap();
    assert_eq!((cached.keys().len(), cached.fetched_at()), (1, NOW));
    assert_eq!(
        verifier.verify::<Dynamic>(&token).unwrap().header().kid(),
        Some("k1")
    );
    assert_eq!(server.requests(), 1);
}

#[tokio::test]
async fn refresh_fetches_whatever_the_pacing_and_reports_its_failure() {
    let k1 = TestKey::rsa("k1");
    let (server, _clock, verifier) = serve(Reply::jwks([&k1.jwk]), JwksOptions::default()).await;
    let jwks = verifier.remote_jwks().unwrap();

    jwks.refresh().await.unwrap();
    jwks.refresh().await.unwrap();
    assert_eq!(
        server.requests(),
        2,
        "a forced refresh ignores the lifetime and the interval"
    );

    server.set(Reply::json("{}").with_status(503));
    let url = server.url("/jwks");
    assert_eq!(
        jwks.refresh().await.unwrap_err(),
        Error::Jwks(JwksError::Status {
            url: url.clone(),
            status: 503
        })
    );
    assert_eq!(
        jwks.last_error(),
        Some(JwksError::Status { url, status: 503 })
    );
    // The last good set still serves.
    verifier
        .verify_async::<Dynamic>(&mint(&k1, NOW))
        .await
        .unwrap();
    assert_eq!(server.requests(), 3);
}

#[test]
fn a_verifier_can_live_in_shared_state_and_verify_in_any_handler() {
    fn assert_send<T: Send>(_: &T) {}
    fn assert_state<T: Clone + Send + Sync + 'static>(_: &T) {}
    let jwks = RemoteJwks::new("https://auth.example.com/jwks", JwksOptions::default()).unwrap();
    let verifier = Verifier::<Generic>::from_remote_jwks(jwks);
    assert_state(&verifier);
    assert_send(&verifier.verify_async::<Dynamic>("a.b.c"));
    // Clones share one cache.
    let clone = verifier.clone();
    assert!(std::ptr::eq(
        verifier.remote_jwks().unwrap().options(),
        clone.remote_jwks().unwrap().options()
    ));
}
