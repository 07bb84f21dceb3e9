//! A remote JWKS that fails: a server that errs or times out leaves the last good set serving until the
//! staleness limit, then verification fails; oversized, malformed, empty, mistyped and misdirected sets are
//! refused with their own error, naming the URL; unusable keys are skipped while the others serve. Each
//! refusal has its positive control beside it.

use std::time::Duration;

use claims_jwt::{
    Algorithm, Error, Generic, JwksError, JwksOptions, RemoteJwks, SkipReason, SkippedKey, Verifier,
};
use claims_tests::remote_jwks::{Reply, TestKey, eventually, mint, serve};
use claims_tests::{Dynamic, NOW};
use serde_json::json;

/// What a cold verifier (no set yet) makes of a token signed by `key` when the server answers `reply`: the
/// verified token's `kid`, or the error; and the requests made.
async fn first_fetch(
    reply: Reply,
    options: JwksOptions,
    key: &TestKey,
) -> (Result<Option<String>, Error>, usize) {
    let (server, _clock, verifier) = serve(reply, options).await;
    let result = verifier
        .verify_async::<Dynamic>(&mint(key, NOW))
        .await
        .map(|token| token.header().kid().map(str::to_owned));
    (result, server.requests())
}

/// The error of [`first_fetch`], which must fail.
async fn first_fetch_error(reply: Reply, options: JwksOptions, key: &TestKey) -> (Error, usize) {
    let (result, requests) = first_fetch(reply, options, key).await;
    (result.expect_err("the first fetch fails"), requests)
}

#[tokio::test]
async fn a_failing_server_leaves_the_last_good_set_serving_until_the_staleness_limit() {
    let k1 = TestKey::rsa("k1");
    let good = Reply::jwks([&k1.jwk]).with_header("cache-control", "max-age=600");
    let options = JwksOptions::default()
        .with_max_stale(Duration::from_secs(3600))
        .with_backoff(Duration::from_secs(5), Duration::from_secs(60));
    let (server, clock, verifier) = serve(good.clone(), options).await;
    let jwks = verifier.remote_jwks().unwrap().clone();
    let token = mint(&k1, NOW);
    let url = server.url("/jwks");
    let failed = JwksError::Status {
        url: url.clone(),
        status: 500,
    };

    verifier.verify_async::<Dynamic>(&token).await.unwrap();
    server.set(Reply::json(r#"{"error":"internal"}"#).with_status(500));

    // Expired: it serves at once while a background refresh fails.
    clock.set(NOW + 600);
    verifier.verify_async::<Dynamic>(&token).await.unwrap();
    assert!(eventually(|| jwks.last_error().is_some()).await);
    assert_eq!(jwks.last_error(), Some(failed.clone()));
    assert_eq!(server.requests(), 2);

    // One second before the limit it still serves (and tries again, past the 5 s back-off).
    clock.set(NOW + 600 + 3599);
    verifier.verify::<Dynamic>(&token).unwrap();
    assert_eq!(server.wait_for_requests(3).await, 3);

    // At the limit, tokens are refused; the fetch this caller would make waits out the back-off (10 s now).
    clock.set(NOW + 600 + 3600);
    let stale = Error::Jwks(JwksError::Stale {
        url: url.clone(),
        expired_at: NOW + 600,
        now: NOW + 4200,
        max_stale: 3600,
        last_error: Some(Box::new(failed)),
    });
    assert_eq!(
        verifier.verify_async::<Dynamic>(&token).await.unwrap_err(),
        stale
    );
    assert_eq!(verifier.verify::<Dynamic>(&token).unwrap_err(), stale);
    assert_eq!(stale.status(), 503);
    assert_eq!(server.requests(), 3);

    // The provider recovers: after the back-off (counted from the end of the failed fetch, which may have
    // seen the clock at either of the last two instants), the next token fetches and verifies.
    server.set(good);
    clock.set(NOW + 600 + 3600 + 10);
    verifier.verify_async::<Dynamic>(&token).await.unwrap();
    assert_eq!(server.requests(), 4);
    assert_eq!(jwks.last_error(), None);
}

#[tokio::test]
async fn a_server_that_times_out_is_refused_and_the_last_good_set_serves() {
    let k1 = TestKey::rsa("k1");
    let options =
        JwksOptions::default().with_timeouts(Duration::from_secs(1), Duration::from_millis(300));
    let (server, clock, verifier) = serve(Reply::jwks([&k1.jwk]), options.clone()).await;
    let jwks = verifier.remote_jwks().unwrap().clone();
    let token = mint(&k1, NOW);
    verifier.verify_async::<Dynamic>(&token).await.unwrap();

    // The server now answers after 5 s, past the 300 ms total timeout.
    server.set(Reply::jwks([&k1.jwk]).with_delay(Duration::from_secs(5)));
    clock.set(NOW + 3600);
    verifier.verify_async::<Dynamic>(&token).await.unwrap();
    assert!(eventually(|| jwks.last_error().is_some()).await);
    assert_eq!(
        jwks.last_error(),
        Some(JwksError::Timeout {
            url: server.url("/jwks")
        })
    );
    verifier.verify_async::<Dynamic>(&token).await.unwrap();

    // With nothing cached, the timeout is the verification's error, and the back-off holds the next one.
    let cold = claims_tests::remote_jwks::remote_verifier(&server, options, &clock);
    let timeout = Error::Jwks(JwksError::Timeout {
        url: server.url("/jwks"),
    });
    assert_eq!(
        cold.verify_async::<Dynamic>(&token).await.unwrap_err(),
        timeout
    );
    let requests = server.requests();
    assert_eq!(
        cold.verify_async::<Dynamic>(&token).await.unwrap_err(),
        timeout
    );
    assert_eq!(server.requests(), requests, "no fetch during the back-off");
}

#[tokio::test]
async fn a_slow_body_is_cut_by_the_total_timeout() {
    let k1 = TestKey::rsa("k1");
    // The status and headers come at once, then the body stalls 5 s after its first 256 bytes.
    let options =
        JwksOptions::default().with_timeouts(Duration::from_secs(1), Duration::from_millis(300));
    let stalled = Reply::jwks([&k1.jwk])
        .chunked()
        .with_chunk_delay(Duration::from_secs(5));
    let (err, requests) = first_fetch_error(stalled, options.clone(), &k1).await;
    assert!(
        matches!(err, Error::Jwks(JwksError::Timeout { .. })),
        "{err:?}"
    );
    assert_eq!(requests, 1);

    // Positive control: the same body in chunks, without the stall.
    let chunked = Reply::jwks([&k1.jwk]).chunked();
    assert_eq!(
        first_fetch(chunked, options, &k1).await,
        (Ok(Some("k1".into())), 1)
    );
}

#[tokio::test]
async fn a_body_over_the_cap_is_refused_whether_its_length_is_declared_or_not() {
    let k1 = TestKey::rsa("k1");
    let body = json!({ "keys": [k1.jwk], "padding": "x".repeat(70_000) }).to_string();
    assert!(body.len() > JwksOptions::MAX_BODY_LEN);
    let url_of = |err: &Error| match err {
        Error::Jwks(err) => err.url().map(str::to_owned),
        _ => None,
    };
    for reply in [
        Reply::json(body.clone()),
        Reply::json(body.clone()).chunked(),
    ] {
        let (err, requests) = first_fetch_error(reply.clone(), JwksOptions::default(), &k1).await;
        let Error::Jwks(JwksError::TooLarge { limit, .. }) = &err else {
            panic!("expected TooLarge, got {err:?}");
        };
        assert_eq!((*limit, requests), (65_536, 1));
        assert!(url_of(&err).is_some_and(|url| url.ends_with("/jwks")));

        // The cap is exact: the same body passes at its own length, and fails one byte below.
        let exact = JwksOptions::default().with_max_body_len(body.len());
        let (result, _) = first_fetch(reply.clone(), exact, &k1).await;
        assert_eq!(result, Ok(Some("k1".into())));
        let below = JwksOptions::default().with_max_body_len(body.len() - 1);
        let (err, _) = first_fetch_error(reply, below, &k1).await;
        assert!(
            matches!(err, Error::Jwks(JwksError::TooLarge { limit, .. }) if limit == body.len() - 1)
        );
    }
}

#[tokio::test]
async fn malformed_empty_and_mistyped_sets_are_refused_with_their_error() {
    let k1 = TestKey::rsa("k1");
    let options = JwksOptions::default;

    for body in ["not json", "[]", r#"{"keys":{}}"#, r#"{"kid":"k1"}"#] {
        let (err, requests) = first_fetch_error(Reply::json(body), options(), &k1).await;
        assert!(
            matches!(&err, Error::Jwks(JwksError::Malformed { url, .. }) if url.ends_with("/jwks")),
            "{body}: {err:?}"
        );
        assert_eq!(requests, 1);
    }

    let (err, _) = first_fetch_error(Reply::json(r#"{"keys":[]}"#), options(), &k1).await;
    assert!(
        matches!(&err, Error::Jwks(JwksError::NoUsableKey { skipped, .. }) if skipped.is_empty()),
        "{err:?}"
    );

    let html = Reply::jwks([&k1.jwk])
        .without_headers()
        .with_header("content-type", "text/html; charset=utf-8");
    let (err, _) = first_fetch_error(html, options(), &k1).await;
    assert!(
        matches!(&err, Error::Jwks(JwksError::ContentType { found: Some(found), .. }) if found == "text/html; charset=utf-8"),
        "{err:?}"
    );
    let bare = Reply::jwks([&k1.jwk]).without_headers();
    let (err, _) = first_fetch_error(bare, options(), &k1).await;
    assert!(
        matches!(err, Error::Jwks(JwksError::ContentType { found: None, .. })),
        "{err:?}"
    );

    let (err, _) = first_fetch_error(Reply::jwks([&k1.jwk]).with_status(404), options(), &k1).await;
    assert!(
        matches!(err, Error::Jwks(JwksError::Status { status: 404, .. })),
        "{err:?}"
    );

    // Positive control: the same set, as `application/jwk-set+json`.
    let typed = Reply::jwks([&k1.jwk])
        .without_headers()
        .with_header("content-type", "application/jwk-set+json");
    assert_eq!(
        first_fetch(typed, options(), &k1).await,
        (Ok(Some("k1".into())), 1)
    );
}

#[tokio::test]
async fn redirects_are_followed_only_to_where_keys_may_come_from() {
    let k1 = TestKey::rsa("k1");
    let (server, _clock, verifier) = serve(Reply::jwks([&k1.jwk]), JwksOptions::default()).await;
    let moved = |to: &str| Reply::json("").with_status(302).with_header("location", to);
    server.set_path("/jwks", moved("/keys"));
    verifier
        .verify_async::<Dynamic>(&mint(&k1, NOW))
        .await
        .unwrap();
    assert_eq!(server.paths(), ["/jwks", "/keys"]);

    // To plain http elsewhere: refused before any connection is made.
    let elsewhere = moved("http://keys.example.com/jwks");
    let (err, requests) = first_fetch_error(elsewhere, JwksOptions::default(), &k1).await;
    let Error::Jwks(JwksError::Unreachable { url, reason }) = &err else {
        panic!("expected Unreachable, got {err:?}");
    };
    assert!(
        url.starts_with("http://127.0.0.1:") && url.ends_with("/jwks"),
        "{url}"
    );
    assert!(reason.contains("plain http"), "{reason}");
    assert_eq!(requests, 1);
}

#[tokio::test]
async fn keys_of_the_wrong_type_or_use_are_skipped_while_the_others_serve() {
    let (k1, k2, ed) = (
        TestKey::rsa("k1"),
        TestKey::p256("k2"),
        TestKey::ed25519("ed"),
    );
    let secret =
        json!({"kty": "oct", "kid": "hmac", "k": "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA"});
    let set = [
        secret,
        k1.jwk_with("use", json!("enc")),
        k2.jwk.clone(),
        ed.jwk_with("key_ops", json!(["sign"])),
    ];
    let (server, _clock, verifier) = serve(Reply::jwks(&set), JwksOptions::default()).await;

    let accepted = verifier
        .verify_async::<Dynamic>(&mint(&k2, NOW))
        .await
        .unwrap();
    assert_eq!(accepted.header().kid(), Some("k2"));
    for (key, kid) in [(&k1, "k1"), (&ed, "ed")] {
        assert_eq!(
            verifier
                .verify_async::<Dynamic>(&mint(key, NOW))
                .await
                .unwrap_err(),
            Error::UnknownKid { kid: kid.into() }
        );
    }
    let cached = verifier.remote_jwks().unwrap().cached().unwrap();
    let skipped = |index, kid: &str, reason| SkippedKey {
        index,
        kid: Some(kid.into()),
        reason,
    };
    assert_eq!(
        cached.keys().skipped(),
        [
            skipped(
                0,
                "hmac",
                SkipReason::NotAccepted {
                    kty: "oct".into(),
                    alg: None
                }
            ),
            skipped(
                1,
                "k1",
                SkipReason::NotForSignatures {
                    found: "enc".into()
                }
            ),
            skipped(3, "ed", SkipReason::NoVerifyOperation),
        ]
    );
    assert_eq!(server.requests(), 1);

    // A set in which nothing is usable is refused whole, with every reason.
    let none = Reply::jwks([&k1.jwk_with("use", json!("enc"))]);
    let (err, _) = first_fetch_error(none, JwksOptions::default(), &k1).await;
    let Error::Jwks(JwksError::NoUsableKey {
        skipped: reasons, ..
    }) = err
    else {
        panic!("expected NoUsableKey, got {err:?}");
    };
    assert_eq!(
        reasons,
        [skipped(
            0,
            "k1",
            SkipReason::NotForSignatures {
                found: "enc".into()
            }
        )]
    );

    // Accepting RS256 only skips the P-256 key too.
    let rs256 = JwksOptions::default().with_algorithms(&[Algorithm::RS256]);
    let (err, _) = first_fetch_error(Reply::jwks([&k2.jwk]), rs256, &k2).await;
    assert!(
        matches!(
            err,
            Error::Jwks(JwksError::NoUsableKey { ref skipped, .. })
                if skipped[0].reason == SkipReason::NotAccepted { kty: "EC".into(), alg: Some(Algorithm::ES256) }
        ),
        "{err:?}"
    );
}

#[test]
fn urls_keys_must_not_come_from_are_refused_when_built() {
    for (url, reason) in [
        ("http://auth.example.com/jwks", "plain http"),
        ("https://user:pass@auth.example.com/jwks", "credentials"),
        ("auth.example.com/jwks", "relative URL"),
    ] {
        let err = RemoteJwks::new(url, JwksOptions::default()).unwrap_err();
        assert_eq!(err.status(), 500, "{url}");
        let Error::Jwks(JwksError::InvalidUrl {
            url: found,
            reason: why,
        }) = err
        else {
            panic!("{url}: expected InvalidUrl, got {err:?}");
        };
        assert_eq!(found, url);
        assert!(why.contains(reason), "{url}: {why}");
    }
    assert!(RemoteJwks::new("http://127.0.0.1:1/jwks", JwksOptions::default()).is_ok());
}

#[tokio::test]
async fn a_refused_connection_names_the_url() {
    // Bind a port, then free it: nothing listens there.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/jwks", listener.local_addr().unwrap());
    drop(listener);
    let jwks = RemoteJwks::new(&url, JwksOptions::default()).unwrap();
    let err = Verifier::<Generic>::from_remote_jwks(jwks)
        .verify_async::<Dynamic>(&mint(&TestKey::rsa("k1"), NOW))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Jwks(JwksError::Unreachable { url: found, .. }) if found == &url),
        "{err:?}"
    );
    assert!(err.to_string().contains(&url));
}
