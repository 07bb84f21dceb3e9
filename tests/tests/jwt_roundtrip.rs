//! Mint then verify with every algorithm claims-jwt signs with: the claims come back identical, and the
//! token has exactly the length computed before signing.

use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use claims_jwt::claims_core::size::{SignatureAlg, jwt_len};
use claims_jwt::{
    Algorithm, Audience, Clock, Generic, KeySet, Minter, Payload, Registered, SigningKey, Verifier,
    VerifyingKey,
};
use claims_tests::keys::{ED, ED_PUB, P256, P256_PUB, P384, P384_PUB, RSA, RSA_PUB};
use claims_tests::{Dynamic, NOW, SECRET};
use serde_json::json;

/// Every signing key, with the verifying key read independently from its public PEM (or secret).
fn keys() -> Vec<(SigningKey, VerifyingKey, SignatureAlg)> {
    let rsa = |alg| {
        (
            SigningKey::from_rsa_pem(alg, RSA).unwrap(),
            VerifyingKey::from_rsa_pem(alg, RSA_PUB).unwrap(),
            SignatureAlg::Rsa { modulus_bits: 2048 },
        )
    };
    // 64 bytes: HS512's hash output, the longest minimum of the three (RFC 7518 §3.2).
    let secret = [SECRET, SECRET].concat();
    let hmac = |alg, sig| {
        (
            SigningKey::hmac(alg, &secret[..64]).unwrap(),
            VerifyingKey::hmac(alg, &secret[..64]).unwrap(),
            sig,
        )
    };
    vec![
        hmac(Algorithm::HS256, SignatureAlg::Hs256),
        hmac(Algorithm::HS384, SignatureAlg::Hs384),
        hmac(Algorithm::HS512, SignatureAlg::Hs512),
        rsa(Algorithm::RS256),
        rsa(Algorithm::RS384),
        rsa(Algorithm::RS512),
        rsa(Algorithm::PS256),
        rsa(Algorithm::PS384),
        rsa(Algorithm::PS512),
        (
            SigningKey::from_ec_pem(Algorithm::ES256, P256).unwrap(),
            VerifyingKey::from_ec_pem(Algorithm::ES256, P256_PUB).unwrap(),
            SignatureAlg::Es256,
        ),
        (
            SigningKey::from_ec_pem(Algorithm::ES384, P384).unwrap(),
            VerifyingKey::from_ec_pem(Algorithm::ES384, P384_PUB).unwrap(),
            SignatureAlg::Es384,
        ),
        (
            SigningKey::from_ed_pem(ED).unwrap(),
            VerifyingKey::from_ed_pem(ED_PUB).unwrap(),
            SignatureAlg::EdDsa,
        ),
    ]
}

fn claims() -> Dynamic {
    serde_json::from_value(
        json!({"plan": "pro", "roles": ["admin", "billing"], "name": "Zoë \"Z\""}),
    )
    .unwrap()
}

fn segment(token: &str, index: usize) -> Vec<u8> {
    URL_SAFE_NO_PAD
        .decode(token.split('.').nth(index).unwrap())
        .unwrap()
}

#[test]
fn every_algorithm_round_trips_with_the_exact_computed_length() {
    for (signing, verifying, sig) in keys() {
        let alg = signing.algorithm();
        assert_eq!(signing.signature_alg(), sig, "{alg:?}");
        let minter = Minter::<Generic>::new(signing.clone().with_kid("k-1"))
            .with_issuer("https://auth.example.com")
            .with_ttl(Duration::from_secs(300))
            .with_clock(Clock::fixed(NOW));
        let issued = minter
            .mint(&Payload::new(claims()).with_subject("user_1"))
            .unwrap();
        let token = issued.as_str();

        let header = String::from_utf8(segment(token, 0)).unwrap();
        let alg_name = serde_json::to_value(alg).unwrap();
        assert_eq!(
            header,
            format!(r#"{{"alg":{alg_name},"kid":"k-1","typ":"JWT"}}"#)
        );
        let payload = String::from_utf8(segment(token, 1)).unwrap();
        assert_eq!(
            payload,
            r#"{"iss":"https://auth.example.com","sub":"user_1","exp":1700000300,"nbf":1700000000,"iat":1700000000,"name":"Zoë \"Z\"","plan":"pro","roles":["admin","billing"]}"#
        );
        assert_eq!(segment(token, 2).len(), sig.signature_len(), "{alg:?}");
        assert_eq!(
            issued.len(),
            jwt_len(header.len(), payload.len(), sig),
            "{alg:?}"
        );
        assert_eq!(issued.cookie_len(), "__session=".len() + issued.len());
        assert_eq!(issued.payload_json_len(), payload.len());

        for key in [verifying.clone(), signing.verifying_key()] {
            let verified = Verifier::<Generic>::new(key)
                .with_issuer("https://auth.example.com")
                .with_clock(Clock::fixed(NOW + 299))
                .verify::<Dynamic>(token)
                .unwrap_or_else(|err| panic!("{alg:?}: {err}"));
            assert_eq!(verified.claims(), &claims());
            assert_eq!(
                verified.registered(),
                &Registered::default()
                    .with_issuer("https://auth.example.com")
                    .with_subject("user_1")
                    .with_times(NOW + 300, NOW, NOW)
            );
            assert_eq!(verified.header().alg(), alg);
            assert_eq!(verified.header().kid(), Some("k-1"));
        }
    }
}

/// `Registered` is non-exhaustive: build the expected value field by field.
trait WithTimes {
    fn with_times(self, exp: u64, nbf: u64, iat: u64) -> Self;
}

impl WithTimes for Registered {
    fn with_times(mut self, exp: u64, nbf: u64, iat: u64) -> Self {
        (self.exp, self.nbf, self.iat) = (Some(exp), Some(nbf), Some(iat));
        self
    }
}

#[test]
fn size_report_agrees_with_the_token() {
    let key = SigningKey::from_rsa_pem(Algorithm::RS256, RSA)
        .unwrap()
        .with_kid("ins_2GIoQhbUpy0hX7B2cVkuTMinXoD"); // Clerk's fixture kid
    let issued = Minter::<claims_jwt::Clerk>::new(key)
        .with_clock(Clock::fixed(NOW))
        .mint(&Payload::new(claims()).with_subject("user_1"))
        .unwrap();
    let report = issued.size_report().unwrap();
    assert_eq!(report.token_len(), Some(issued.len()));
    assert_eq!(report.cookie_len(), Some(issued.cookie_len()));
    assert_eq!(report.payload().bytes, issued.payload_json_len());
    assert_eq!(
        report.custom().bytes,
        serde_json::to_vec(&claims()).unwrap().len()
    );
    // As the worked example in docs/providers.md, with Clerk's real kid (31 chars): the header is 67 bytes, 90
    // base64url chars, so `__session` and a 2048-bit key leave 4096 - 10 - 90 - 342 - 2 = 3652 chars:
    // 2,739 bytes of payload JSON (the example's 68-byte header leaves 2,738).
    assert_eq!(issued.as_str().split('.').next().map(str::len), Some(90));
    assert_eq!(report.max_payload_len(), Some(2739));
}

#[test]
fn jwks_selects_by_kid_and_audience_arrays_round_trip() {
    let a = SigningKey::hmac(Algorithm::HS256, b"key a, key a, key a, key a, key a!")
        .unwrap()
        .with_kid("a");
    let b = SigningKey::from_ec_pem(Algorithm::ES256, P256)
        .unwrap()
        .with_kid("b");
    let set = KeySet::new([a.verifying_key(), b.verifying_key()]);
    let verifier = Verifier::<Generic>::from_key_set(set)
        .with_audience("api")
        .with_clock(Clock::fixed(NOW));
    for key in [a, b] {
        let minter = Minter::<Generic>::new(key.clone())
            .with_audience(Audience::Many(vec!["web".into(), "api".into()]))
            .with_clock(Clock::fixed(NOW));
        let issued = minter.mint(&Payload::new(Dynamic::new())).unwrap();
        let token = verifier.verify::<Dynamic>(issued.as_str()).unwrap();
        assert_eq!(token.header().kid(), key.kid());
        assert_eq!(
            token.registered().aud,
            Some(Audience::Many(vec!["web".into(), "api".into()]))
        );
    }
}

#[test]
fn refresh_keeps_the_claims_and_moves_the_times() {
    let key = SigningKey::from_ed_pem(ED).unwrap();
    let issued = Minter::<Generic>::new(key.clone())
        .with_clock(Clock::fixed(NOW))
        .mint(&Payload::new(claims()).with_subject("u"))
        .unwrap();
    let verifier = Verifier::<Generic>::new(key.verifying_key()).with_clock(Clock::fixed(NOW + 30));
    let token = verifier.verify::<Dynamic>(issued.as_str()).unwrap();
    let fresh = Minter::<Generic>::new(key)
        .with_clock(Clock::fixed(NOW + 30))
        .with_not_before_skew(Duration::from_secs(10))
        .refresh(&token)
        .unwrap();
    let again = verifier.verify::<Dynamic>(fresh.as_str()).unwrap();
    assert_eq!(again.claims(), token.claims());
    assert_eq!(
        (
            again.registered().iat,
            again.registered().nbf,
            again.registered().exp
        ),
        (Some(NOW + 30), Some(NOW + 20), Some(NOW + 90))
    );
}

#[test]
fn a_stytch_token_round_trips_and_its_claims_stay_apart() {
    use claims_jwt::Stytch;
    use claims_jwt::claims_core::{Budget, BudgetKind, ClaimsError};
    use claims_jwt::layout::{StytchOrganization, StytchSession};

    let key = SigningKey::from_rsa_pem(Algorithm::RS256, RSA)
        .unwrap()
        .with_kid("jwk-live-1");
    let minter = Minter::<Stytch>::new(key.clone())
        .with_issuer("stytch.com/project-live-1")
        .with_audience(Audience::Many(vec!["project-live-1".into()]))
        .with_ttl(Duration::from_secs(300))
        .with_clock(Clock::fixed(NOW));
    let layout = Stytch {
        session: Some(StytchSession {
            id: "session-live-1".into(),
            started_at: Some("2023-11-14T22:13:20Z".into()),
            roles: vec!["stytch_member".into()],
            ..StytchSession::default()
        }),
        organization: Some(StytchOrganization {
            organization_id: "organization-live-1".into(),
            slug: Some("acme".into()),
        }),
        ..Stytch::default()
    };
    let issued = minter
        .mint(
            &Payload::new(claims())
                .with_subject("member-live-1")
                .with_layout(layout.clone()),
        )
        .unwrap();
    assert_eq!(
        issued.cookie_len(),
        "stytch_session_jwt=".len() + issued.len()
    );
    let verifier = Verifier::<Stytch>::new(key.verifying_key())
        .with_issuer("stytch.com/project-live-1")
        .with_audience("project-live-1")
        .with_clock(Clock::fixed(NOW + 1));
    let token = verifier.verify::<Dynamic>(issued.as_str()).unwrap();
    assert_eq!(token.layout(), &layout);
    assert_eq!(token.claims(), &claims());

    // Stytch's budget is 4,096 bytes of custom claims; its reserved prefix can't be patched in.
    let err = minter
        .reissue(
            &token,
            &json!({"https://stytch.com/session": {"id": "forged"}}),
        )
        .unwrap_err();
    assert!(matches!(
        err,
        claims_jwt::Error::Update(ClaimsError::Reserved { .. })
    ));
    let err = minter
        .clone()
        .with_cookie(claims_jwt::claims_core::size::CookieSpec::new("s").with_limit(1 << 20))
        .reissue(&token, &json!({"blob": "x".repeat(4096)}))
        .unwrap_err();
    assert!(matches!(
        err,
        claims_jwt::Error::Update(ClaimsError::OverBudget {
            kind: BudgetKind::CustomClaims,
            budget: Budget { limit: 4096, .. },
            ..
        })
    ));
}
