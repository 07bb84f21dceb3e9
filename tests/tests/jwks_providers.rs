//! The Clerk and Stytch verifiers against keys served from 127.0.0.1: Clerk's own RS256 fixtures through
//! the Clerk helper at the fixtures' clock, Clerk's PEM key without a network, and Stytch tokens with their
//! issuer, audience and maximum age.

use std::time::Duration;

use claims_jwt::layout::StytchSession;
use claims_jwt::{
    Audience, Clerk, Clock, Error, JwksOptions, Minter, Payload, Registered, Stytch, Verifier,
};
use claims_tests::remote_jwks::{JwksServer, Reply, TestKey};
use claims_tests::{Dynamic, NOW, entry, keys, vectors};
use serde_json::Value;

const CLERK_ISSUER: &str = "https://clerk.inspired.puma-74.lcl.dev";
const CLERK_PARTY: &str = "https://accounts.inspired.puma-74.lcl.dev";
/// Clerk's own tests fix the clock at the fixtures' `iat`.
const CLERK_NOW: u64 = 1_666_648_250;

fn clerk_fixture<'v>(vectors: &'v Value, name_starts: &str) -> &'v str {
    entry(&vectors["tokens_and_claims"], name_starts)["compact"]
        .as_str()
        .expect("a compact token")
}

#[tokio::test]
async fn clerks_fixtures_verify_through_the_clerk_helper_with_the_jwks_on_loopback() {
    let vectors = vectors("provider_examples.json");
    let jwk = entry(&vectors["tokens_and_claims"], "clerk mockJwt")["jwk"].clone();
    let server = JwksServer::start(Reply::jwks([&jwk])).await;
    // The JWKS comes from the loopback server standing in for Clerk's Frontend API; the issuer is Clerk's.
    let options = JwksOptions::default().with_clock(Clock::fixed(CLERK_NOW));
    let verifier = Verifier::<Clerk>::clerk_with_proxy(CLERK_ISSUER, &server.base_url(), options)
        .unwrap()
        .with_authorized_party(CLERK_PARTY)
        .with_clock(Clock::fixed(CLERK_NOW));

    let token = verifier
        .verify_async::<Dynamic>(clerk_fixture(&vectors, "clerk mockJwt"))
        .await
        .unwrap();
    assert_eq!(
        token.header().kid(),
        Some("ins_2GIoQhbUpy0hX7B2cVkuTMinXoD")
    );
    assert_eq!(
        token.registered().sub.as_deref(),
        Some("user_2GIpXOEpVyJw51rkZn9Kmnc6Sxr")
    );
    assert_eq!(token.registered().iss.as_deref(), Some(CLERK_ISSUER));
    assert_eq!(
        token.layout(),
        &Clerk {
            azp: Some(CLERK_PARTY.into()),
            sid: Some("sess_2GbDB4enNdCa5vS1zpC3Xzg9tK9".into()),
            ..Clerk::default()
        }
    );
    assert_eq!(server.paths(), ["/.well-known/jwks.json"]);

    // The refusals, from the same cached set.
    assert_eq!(
        verifier
            .verify_async::<Dynamic>(clerk_fixture(&vectors, "clerk mockExpiredJwt"))
            .await
            .unwrap_err(),
        Error::Expired {
            exp: 1_666_648_200,
            now: CLERK_NOW,
            leeway: 5
        }
    );
    for name in ["clerk mockInvalidSignatureJwt", "clerk mockMalformedJwt"] {
        assert_eq!(
            verifier
                .verify_async::<Dynamic>(clerk_fixture(&vectors, name))
                .await
                .unwrap_err(),
            Error::InvalidSignature,
            "{name}"
        );
    }
    assert_eq!(server.requests(), 1);

    // Another instance's Frontend API is another issuer.
    let other = Verifier::<Clerk>::clerk_with_proxy(
        "https://clerk.other.example",
        &server.base_url(),
        JwksOptions::default().with_clock(Clock::fixed(CLERK_NOW)),
    )
    .unwrap()
    .with_clock(Clock::fixed(CLERK_NOW));
    assert_eq!(
        other
            .verify_async::<Dynamic>(clerk_fixture(&vectors, "clerk mockJwt"))
            .await
            .unwrap_err(),
        Error::InvalidIssuer {
            found: CLERK_ISSUER.into()
        }
    );
}

#[test]
fn clerks_pem_key_verifies_without_a_network() {
    let key = TestKey::rsa("ins_2abc");
    let token = Minter::<Clerk>::new(key.signing.clone())
        .with_issuer("https://clerk.example.com")
        .with_clock(Clock::fixed(NOW))
        .mint(&Payload::new(Dynamic::new()).with_subject("user_1"))
        .unwrap()
        .into_string();
    let pem = std::str::from_utf8(keys::RSA_PUB).unwrap();
    let body: String = pem
        .lines()
        .filter(|line| !line.starts_with("-----"))
        .collect();
    for form in [
        pem.to_owned(),
        pem.replace('\n', "\\n"),
        pem.replace('\n', "\r\n"),
        body,
    ] {
        let networkless = Verifier::<Clerk>::clerk_jwt_key(&form)
            .unwrap()
            .with_issuer("https://clerk.example.com")
            .with_clock(Clock::fixed(NOW + 10));
        let accepted = networkless.verify::<Dynamic>(&token).unwrap();
        assert_eq!(
            accepted.registered().sub.as_deref(),
            Some("user_1"),
            "{form}"
        );
    }

    // RS256 only: an ES256 token is refused before its signature is looked at.
    let es256 = Minter::<Clerk>::new(TestKey::p256("k").signing)
        .with_clock(Clock::fixed(NOW))
        .mint(&Payload::new(Dynamic::new()))
        .unwrap()
        .into_string();
    assert_eq!(
        Verifier::<Clerk>::clerk_jwt_key(pem)
            .unwrap()
            .with_clock(Clock::fixed(NOW))
            .verify::<Dynamic>(&es256)
            .unwrap_err(),
        Error::AlgorithmMismatch {
            expected: claims_jwt::Algorithm::RS256,
            found: "ES256".into()
        }
    );
    for bad in [
        "",
        "-----BEGIN PUBLIC KEY-----\nnot base64\n-----END PUBLIC KEY-----",
        "clé",
    ] {
        assert!(
            matches!(Verifier::<Clerk>::clerk_jwt_key(bad), Err(Error::Key(_))),
            "{bad:?}"
        );
    }
}

const PROJECT: &str = "project-test-6c20cd16-73d5-44f7-852c-9a7e7b2ccf62";

fn stytch_token(key: &TestKey, iat: u64, ttl: u64, audience: &str) -> String {
    let layout = Stytch {
        session: Some(StytchSession {
            id: "session-test-1".into(),
            ..StytchSession::default()
        }),
        ..Stytch::default()
    };
    let payload = Payload::new(Dynamic::new())
        .with_registered(
            Registered::default()
                .with_subject("user-test-1")
                .with_audience(Audience::Many(vec![audience.into()])),
        )
        .with_layout(layout);
    Minter::<Stytch>::new(key.signing.clone())
        .with_issuer(format!("stytch.com/{PROJECT}"))
        .with_max_lifetime(Duration::from_secs(ttl))
        .with_ttl(Duration::from_secs(ttl))
        .with_clock(Clock::fixed(iat))
        .mint(&payload)
        .unwrap()
        .into_string()
}

#[tokio::test]
async fn stytch_tokens_verify_with_their_project_issuer_audience_and_age() {
    let key = TestKey::rsa("jwk-test-1");
    let server = JwksServer::start(Reply::jwks([&key.jwk])).await;
    let stytch = |now: u64| {
        Verifier::<Stytch>::stytch_with_base_url(
            PROJECT,
            &server.base_url(),
            JwksOptions::default().with_clock(Clock::fixed(NOW)),
        )
        .unwrap()
        .with_clock(Clock::fixed(now))
    };

    let token = stytch_token(&key, NOW, 300, PROJECT);
    let accepted = stytch(NOW + 10)
        .verify_async::<Dynamic>(&token)
        .await
        .unwrap();
    assert_eq!(accepted.registered().sub.as_deref(), Some("user-test-1"));
    assert_eq!(
        accepted.layout().session.as_ref().map(|s| s.id.as_str()),
        Some("session-test-1")
    );
    assert_eq!(server.paths(), [format!("/v1/sessions/jwks/{PROJECT}")]);

    // Another project's audience.
    let foreign = stytch_token(&key, NOW, 300, "project-test-other");
    assert_eq!(
        stytch(NOW + 10)
            .verify_async::<Dynamic>(&foreign)
            .await
            .unwrap_err(),
        Error::InvalidAudience {
            found: vec!["project-test-other".into()]
        }
    );

    // A token living an hour is over Stytch's lifetime (`exp - iat`, 5 minutes) whatever the clock...
    let long = stytch_token(&key, NOW, 3600, PROJECT);
    assert_eq!(
        stytch(NOW + 10)
            .verify_async::<Dynamic>(&long)
            .await
            .unwrap_err(),
        Error::LifetimeTooLong {
            lifetime: 3600,
            max: 300
        }
    );
    // ...and with that raised, still refused 300 s after its `iat` (`now - iat`), as Stytch's SDKs do.
    let stytch = |now: u64| stytch(now).with_max_lifetime(Duration::from_secs(3600));
    let max_age = Verifier::<Stytch>::STYTCH_MAX_TOKEN_AGE.as_secs();
    stytch(NOW + max_age)
        .verify_async::<Dynamic>(&long)
        .await
        .unwrap();
    assert_eq!(
        stytch(NOW + max_age + 1)
            .verify_async::<Dynamic>(&long)
            .await
            .unwrap_err(),
        Error::TooOld {
            iat: NOW,
            now: NOW + 301,
            max_age: 300,
            leeway: 0
        }
    );
    assert_eq!(
        stytch(NOW + max_age + 1)
            .with_max_token_age(Duration::from_secs(3600))
            .verify_async::<Dynamic>(&long)
            .await
            .unwrap()
            .registered()
            .iat,
        Some(NOW)
    );
}

#[test]
fn stytch_picks_its_api_host_by_the_project_id() {
    let url = |id: &str| {
        Verifier::<Stytch>::stytch(id, JwksOptions::default())
            .map(|v| v.remote_jwks().unwrap().url().to_owned())
    };
    assert_eq!(
        url("project-test-1").unwrap(),
        "https://test.stytch.com/v1/sessions/jwks/project-test-1"
    );
    assert_eq!(
        url("project-live-1").unwrap(),
        "https://api.stytch.com/v1/sessions/jwks/project-live-1"
    );
    for bad in [
        "",
        "project-1",
        "project-test-1/../../x",
        "project-live-1?x=1",
    ] {
        assert_eq!(
            url(bad).unwrap_err(),
            Error::Jwks(claims_jwt::JwksError::InvalidProjectId {
                project_id: bad.into()
            }),
            "{bad:?}"
        );
    }
    let custom = Verifier::<Stytch>::stytch_custom_domain(
        "project-live-1",
        "login.example.com",
        JwksOptions::default(),
    )
    .unwrap();
    assert_eq!(
        custom.remote_jwks().unwrap().url(),
        "https://login.example.com/.well-known/jwks.json"
    );
    assert_eq!(
        custom.remote_jwks().unwrap().options().algorithms(),
        [claims_jwt::Algorithm::RS256]
    );
}
