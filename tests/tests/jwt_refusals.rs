//! Every refusal of claims-jwt, one test each, asserting the exact error variant.

use std::time::Duration;

use claims_jwt::claims_core::size::CookieSpec;
use claims_jwt::claims_core::{
    BoundKind, Budget, BudgetKind, ClaimsError, Profile, ReservedNames, SessionClaims,
};
use claims_jwt::jsonwebtoken::{EncodingKey, crypto};
use claims_jwt::{
    Algorithm, Audience, Clerk, Clock, Error, ErrorKind, Generic, KeySet, Minter, Payload, Segment,
    SigningKey, Token, Verifier, VerifyingKey,
};
use claims_tests::keys::{RSA, RSA_PUB};
use claims_tests::{Dynamic, NOW, SECRET, b64, dynamic, signed, verifier};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

fn hs256(payload: &str) -> String {
    signed(br#"{"alg":"HS256","typ":"JWT"}"#, payload.as_bytes())
}

fn verify(token: &str) -> Result<Token<Dynamic>, Error> {
    verifier().verify::<Dynamic>(token)
}

fn minter() -> Minter<Generic> {
    Minter::new(SigningKey::hs256(SECRET).unwrap()).with_clock(Clock::fixed(NOW))
}

// ---- verification: the token's shape -------------------------------------------------------------

#[test]
fn a_token_over_the_cap_is_refused_before_decoding() {
    let token = "x".repeat(claims_jwt::DEFAULT_MAX_TOKEN_LEN + 1);
    assert_eq!(
        verify(&token).unwrap_err(),
        Error::TooLong {
            len: 8193,
            max: 8192
        }
    );
    let ok = hs256(r#"{"exp":1700000001}"#);
    let capped = verifier().with_max_token_len(ok.len() - 1);
    assert_eq!(
        capped.verify::<Dynamic>(&ok).unwrap_err(),
        Error::TooLong {
            len: ok.len(),
            max: ok.len() - 1
        }
    );
}

#[test]
fn a_token_without_three_segments_is_malformed() {
    for token in ["", "abc", "a.b", "a.b.c.d", "...."] {
        let err = verify(token).unwrap_err();
        assert!(
            matches!(
                err,
                Error::Malformed {
                    part: Segment::Token,
                    ..
                }
            ),
            "{token}: {err:?}"
        );
        assert_eq!(err.status(), 400);
    }
}

#[test]
fn a_header_that_is_not_base64url_json_is_malformed() {
    for header in ["e30=", "!!", "bm90IGpzb24", "W10", "eyJ0eXAiOiJKV1QifQ"] {
        let err = verify(&format!("{header}.e30.sig")).unwrap_err();
        assert!(
            matches!(
                err,
                Error::Malformed {
                    part: Segment::Header,
                    ..
                }
            ),
            "{header}: {err:?}"
        );
    }
}

#[test]
fn a_critical_header_extension_is_refused() {
    let token = signed(
        br#"{"alg":"HS256","crit":["exp"],"exp":1}"#,
        br#"{"exp":1700000001}"#,
    );
    assert_eq!(
        verify(&token).unwrap_err(),
        Error::HeaderParameterRefused {
            name: "crit".into()
        }
    );
}

// ---- verification: algorithm, key, signature ----------------------------------------------------

#[test]
fn alg_none_is_refused() {
    let token = format!(
        "{}.{}.",
        b64(br#"{"alg":"none"}"#),
        b64(br#"{"exp":1700000001}"#)
    );
    assert_eq!(
        verify(&token).unwrap_err(),
        Error::AlgorithmMismatch {
            expected: Algorithm::HS256,
            found: "none".into()
        }
    );
}

#[test]
fn hs_rs_confusion_is_refused() {
    // The classic attack: HMAC-sign with the RSA public key's bytes and claim `alg: HS256`.
    let message = format!(
        "{}.{}",
        b64(br#"{"alg":"HS256"}"#),
        b64(br#"{"exp":1700000001}"#)
    );
    let signature = crypto::sign(
        message.as_bytes(),
        &EncodingKey::from_secret(RSA_PUB),
        Algorithm::HS256,
    )
    .unwrap();
    let verifier =
        Verifier::<Generic>::new(VerifyingKey::from_rsa_pem(Algorithm::RS256, RSA_PUB).unwrap())
            .with_clock(Clock::fixed(NOW));
    assert_eq!(
        verifier
            .verify::<Dynamic>(&format!("{message}.{signature}"))
            .unwrap_err(),
        Error::AlgorithmMismatch {
            expected: Algorithm::RS256,
            found: "HS256".into()
        }
    );
}

#[test]
fn another_algorithm_of_the_same_family_is_refused() {
    let issued = Minter::<Generic>::new(SigningKey::from_rsa_pem(Algorithm::PS256, RSA).unwrap())
        .with_clock(Clock::fixed(NOW))
        .mint(&Payload::new(Dynamic::new()))
        .unwrap();
    let verifier =
        Verifier::<Generic>::new(VerifyingKey::from_rsa_pem(Algorithm::RS256, RSA_PUB).unwrap())
            .with_clock(Clock::fixed(NOW));
    assert_eq!(
        verifier.verify::<Dynamic>(issued.as_str()).unwrap_err(),
        Error::AlgorithmMismatch {
            expected: Algorithm::RS256,
            found: "PS256".into()
        }
    );
}

#[test]
fn an_unknown_kid_is_refused_by_name() {
    let set = KeySet::new([VerifyingKey::hs256(SECRET).unwrap().with_kid("current")]);
    let token = signed(
        br#"{"alg":"HS256","kid":"retired","typ":"JWT"}"#,
        br#"{"exp":1700000001}"#,
    );
    let verifier = Verifier::<Generic>::from_key_set(set).with_clock(Clock::fixed(NOW));
    assert_eq!(
        verifier.verify::<Dynamic>(&token).unwrap_err(),
        Error::UnknownKid {
            kid: "retired".into()
        }
    );
}

#[test]
fn a_missing_kid_is_refused_when_the_set_has_several_keys() {
    let set = KeySet::new([
        VerifyingKey::hs256(SECRET).unwrap().with_kid("a"),
        VerifyingKey::hs256(b"another secret of at least 32 bytes")
            .unwrap()
            .with_kid("b"),
    ]);
    let verifier = Verifier::<Generic>::from_key_set(set).with_clock(Clock::fixed(NOW));
    assert_eq!(
        verifier
            .verify::<Dynamic>(&hs256(r#"{"exp":1700000001}"#))
            .unwrap_err(),
        Error::MissingKid
    );
}

#[test]
fn a_tampered_payload_fails_the_signature() {
    let token = hs256(r#"{"exp":1700000001,"role":"user"}"#);
    let (header, rest) = token.split_once('.').unwrap();
    let signature = rest.split_once('.').unwrap().1;
    let forged = format!(
        "{header}.{}.{signature}",
        b64(br#"{"exp":1700000001,"role":"admin"}"#)
    );
    assert_eq!(verify(&forged).unwrap_err(), Error::InvalidSignature);
    let other_key = Verifier::<Generic>::new(
        VerifyingKey::hs256(b"not the secret, but 32 bytes long").unwrap(),
    );
    assert_eq!(
        other_key.verify::<Dynamic>(&token).unwrap_err(),
        Error::InvalidSignature
    );
}

#[test]
fn a_signature_that_is_not_base64url_is_malformed() {
    let token = hs256(r#"{"exp":1700000001}"#);
    let (message, _) = token.rsplit_once('.').unwrap();
    let err = verify(&format!("{message}.not*base64")).unwrap_err();
    assert!(matches!(
        err,
        Error::Malformed {
            part: Segment::Signature,
            ..
        }
    ));
}

// ---- verification: the payload ------------------------------------------------------------------

#[test]
fn a_signed_payload_that_is_not_a_json_object_is_malformed() {
    for payload in [&b"Payload"[..], b"[1,2]", b"{\"exp\":1", b"\xff\xfe"] {
        let err = verify(&signed(br#"{"alg":"HS256","typ":"JWT"}"#, payload)).unwrap_err();
        assert!(
            matches!(
                err,
                Error::Malformed {
                    part: Segment::Payload,
                    ..
                }
            ),
            "{err:?}"
        );
    }
    // A payload segment that is not base64url, under a good signature.
    let message = format!("{}.{}", b64(br#"{"alg":"HS256","typ":"JWT"}"#), "e30*");
    let signature = crypto::sign(
        message.as_bytes(),
        &EncodingKey::from_secret(SECRET),
        Algorithm::HS256,
    )
    .unwrap();
    let err = verify(&format!("{message}.{signature}")).unwrap_err();
    assert!(matches!(
        err,
        Error::Malformed {
            part: Segment::Payload,
            ..
        }
    ));
}

#[test]
fn duplicate_claim_names_are_refused() {
    for (payload, name) in [
        (r#"{"exp":1700000001,"exp":1800000000}"#, "exp"),
        (r#"{"exp":1700000001,"plan":"free","plan":"pro"}"#, "plan"),
        (
            r#"{"exp":1700000001,"\u0070lan":"free","plan":"pro"}"#,
            "plan",
        ),
    ] {
        assert_eq!(
            verify(&hs256(payload)).unwrap_err(),
            Error::InvalidPayload(ClaimsError::DuplicateClaim { name: name.into() }),
            "{payload}"
        );
    }
}

#[test]
fn a_wrongly_typed_exp_is_refused_never_read_as_absent() {
    for exp in [
        r#""1800000000""#,
        "1800000000.5",
        "-1",
        "null",
        "1e400",
        "18446744073709551616",
        "[]",
    ] {
        let err = verifier()
            .with_exp_optional()
            .verify::<Dynamic>(&hs256(&format!(r#"{{"exp":{exp}}}"#)))
            .unwrap_err();
        assert!(
            matches!(&err, Error::InvalidClaim { name, .. } if name == "exp"),
            "{exp}: {err:?}"
        );
        assert_eq!(err.kind(), ErrorKind::Unauthorized);
    }
}

#[test]
fn wrongly_typed_registered_and_layout_claims_are_refused() {
    for (payload, name) in [
        (r#"{"exp":1700000001,"nbf":"0"}"#, "nbf"),
        (r#"{"exp":1700000001,"iat":1.0}"#, "iat"),
        (r#"{"exp":1700000001,"iss":["a"]}"#, "iss"),
        (r#"{"exp":1700000001,"sub":42}"#, "sub"),
        (r#"{"exp":1700000001,"aud":{"a":1}}"#, "aud"),
        (r#"{"exp":1700000001,"jti":false}"#, "jti"),
    ] {
        let err = verify(&hs256(payload)).unwrap_err();
        assert!(
            matches!(&err, Error::InvalidClaim { name: n, .. } if n == name),
            "{payload}: {err:?}"
        );
    }
    let clerk =
        Verifier::<Clerk>::new(VerifyingKey::hs256(SECRET).unwrap()).with_clock(Clock::fixed(NOW));
    let err = clerk
        .verify::<Dynamic>(&hs256(r#"{"exp":1700000001,"fva":"7,-1"}"#))
        .unwrap_err();
    assert!(matches!(&err, Error::InvalidClaim { name, .. } if name == "fva"));
}

#[test]
fn claims_that_do_not_fit_the_type_are_refused() {
    #[derive(Debug, Serialize, Deserialize)]
    struct Plan {
        plan: String,
    }
    impl SessionClaims for Plan {
        const CLAIM_NAMES: &'static [&'static str] = &["plan"];
        const MAX_JSON_LEN: Option<usize> = None;
        fn check_bounds(&self) -> Result<(), ClaimsError> {
            Ok(())
        }
    }
    let err = verifier()
        .verify::<Plan>(&hs256(r#"{"exp":1700000001,"plan":7}"#))
        .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidPayload(ClaimsError::Json { message })
            if message.starts_with("invalid type: integer `7`, expected a string")),
        "{err:?}"
    );
    let err = verifier()
        .verify::<Plan>(&hs256(r#"{"exp":1700000001}"#))
        .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidPayload(ClaimsError::Json { message })
            if message.starts_with("missing field `plan`")),
        "{err:?}"
    );
}

// ---- verification: times, issuer, audience, authorized party ----------------------------------

#[test]
fn exp_is_required_by_default() {
    assert_eq!(
        verify(&hs256(r#"{"sub":"u"}"#)).unwrap_err(),
        Error::MissingClaim { name: "exp" }
    );
    let without_exp = verifier()
        .with_exp_optional()
        .verify::<Dynamic>(&hs256(r#"{"sub":"u"}"#))
        .unwrap();
    assert_eq!(
        (
            without_exp.registered().sub.as_deref(),
            without_exp.registered().exp
        ),
        (Some("u"), None)
    );
}

#[test]
fn an_expired_token_is_refused_at_exp_and_after_the_leeway() {
    let token = hs256(r#"{"exp":1700000000}"#);
    assert_eq!(
        verify(&token).unwrap_err(),
        Error::Expired {
            exp: NOW,
            now: NOW,
            leeway: 0
        }
    );
    let lenient = verifier().with_leeway(Duration::from_secs(5)).unwrap();
    assert_eq!(
        lenient.verify::<Dynamic>(&token).unwrap().registered().exp,
        Some(NOW)
    );
    let later = lenient.with_clock(Clock::fixed(NOW + 5));
    assert_eq!(
        later.verify::<Dynamic>(&token).unwrap_err(),
        Error::Expired {
            exp: NOW,
            now: NOW + 5,
            leeway: 5
        }
    );
    assert_eq!(
        verify(&hs256(r#"{"exp":1700000001}"#))
            .unwrap()
            .registered()
            .exp,
        Some(NOW + 1)
    );
}

#[test]
fn a_token_before_nbf_is_refused() {
    let token = hs256(r#"{"exp":1700000060,"nbf":1700000010}"#);
    assert_eq!(
        verify(&token).unwrap_err(),
        Error::NotYetValid {
            nbf: NOW + 10,
            now: NOW,
            leeway: 0
        }
    );
    assert_eq!(
        verifier()
            .with_leeway(Duration::from_secs(10))
            .unwrap()
            .verify::<Dynamic>(&token)
            .unwrap()
            .registered()
            .nbf,
        Some(NOW + 10)
    );
}

#[test]
fn a_token_issued_in_the_future_is_refused() {
    let token = hs256(r#"{"exp":1700000060,"iat":1700000006}"#);
    assert_eq!(
        verify(&token).unwrap_err(),
        Error::IssuedInFuture {
            iat: NOW + 6,
            now: NOW,
            leeway: 0
        }
    );
    // Clerk's layout allows 5 s of skew by default: 6 s is still too much.
    let clerk =
        Verifier::<Clerk>::new(VerifyingKey::hs256(SECRET).unwrap()).with_clock(Clock::fixed(NOW));
    assert_eq!(
        clerk.verify::<Dynamic>(&token).unwrap_err(),
        Error::IssuedInFuture {
            iat: NOW + 6,
            now: NOW,
            leeway: 5
        }
    );
}

#[test]
fn a_wrong_or_missing_issuer_is_refused() {
    let verifier = verifier()
        .with_issuer("https://a.example")
        .with_issuer("https://b.example");
    assert_eq!(
        verifier
            .verify::<Dynamic>(&hs256(r#"{"exp":1700000001,"iss":"https://b.example"}"#))
            .unwrap()
            .registered()
            .iss
            .as_deref(),
        Some("https://b.example")
    );
    assert_eq!(
        verifier
            .verify::<Dynamic>(&hs256(r#"{"exp":1700000001,"iss":"https://evil.example"}"#))
            .unwrap_err(),
        Error::InvalidIssuer {
            found: "https://evil.example".into()
        }
    );
    assert_eq!(
        verifier
            .verify::<Dynamic>(&hs256(r#"{"exp":1700000001}"#))
            .unwrap_err(),
        Error::MissingClaim { name: "iss" }
    );
}

#[test]
fn a_wrong_or_missing_audience_is_refused() {
    let verifier = verifier().with_audience("api");
    assert_eq!(
        verifier
            .verify::<Dynamic>(&hs256(r#"{"exp":1700000001,"aud":["web","api"]}"#))
            .unwrap()
            .registered()
            .aud,
        Some(Audience::Many(vec!["web".into(), "api".into()]))
    );
    assert_eq!(
        verifier
            .verify::<Dynamic>(&hs256(r#"{"exp":1700000001,"aud":["web"]}"#))
            .unwrap_err(),
        Error::InvalidAudience {
            found: vec!["web".into()]
        }
    );
    assert_eq!(
        verifier
            .verify::<Dynamic>(&hs256(r#"{"exp":1700000001}"#))
            .unwrap_err(),
        Error::MissingClaim { name: "aud" }
    );
}

#[test]
fn an_unauthorized_party_is_refused() {
    let clerk = Verifier::<Clerk>::new(VerifyingKey::hs256(SECRET).unwrap())
        .with_authorized_party("https://app.example")
        .with_clock(Clock::fixed(NOW));
    assert_eq!(
        clerk
            .verify::<Dynamic>(&hs256(r#"{"exp":1700000001,"azp":"https://app.example"}"#))
            .unwrap()
            .layout()
            .azp
            .as_deref(),
        Some("https://app.example")
    );
    assert_eq!(
        clerk
            .verify::<Dynamic>(&hs256(r#"{"exp":1700000001}"#))
            .unwrap()
            .layout()
            .azp,
        None
    );
    assert_eq!(
        clerk
            .verify::<Dynamic>(&hs256(r#"{"exp":1700000001,"azp":"https://evil.example"}"#))
            .unwrap_err(),
        Error::UnauthorizedParty {
            azp: "https://evil.example".into()
        }
    );
}

// ---- minting ---------------------------------------------------------------------------------------

#[test]
fn custom_claims_over_the_layout_budget_are_refused_at_mint() {
    let minter =
        Minter::<Clerk>::new(SigningKey::hs256(SECRET).unwrap()).with_clock(Clock::fixed(NOW));
    // {"bio":"…"} with 1,191 x: 1,201 bytes, one over Clerk's 1,200.
    let claims = dynamic(json!({"bio": "x".repeat(1191)}));
    let err = minter.mint(&Payload::new(claims)).unwrap_err();
    assert_eq!(
        err,
        Error::Claims(ClaimsError::OverBudget {
            kind: BudgetKind::CustomClaims,
            size: 1201,
            budget: Budget::bytes(1200)
        })
    );
    assert_eq!(err.status(), 500);
    assert!(err.to_string().contains("1 over the budget of 1200 bytes"));
    assert!(
        minter
            .mint(&Payload::new(dynamic(json!({"bio": "x".repeat(1190)}))))
            .is_ok()
    );
}

#[test]
fn a_utf16_budget_counts_utf16_units_at_mint() {
    // {"n":"😀…"}: 8 units of punctuation and name, 2 units (4 bytes) per emoji.
    let claims = |emoji: usize| Payload::new(dynamic(json!({ "n": "😀".repeat(emoji) })));
    let minter = minter().with_budget(Budget::utf16_units(1000));
    assert!(minter.mint(&claims(496)).is_ok()); // 1,000 units, 1,992 bytes
    assert_eq!(
        minter.mint(&claims(497)).unwrap_err(),
        Error::Claims(ClaimsError::OverBudget {
            kind: BudgetKind::CustomClaims,
            size: 1002,
            budget: Budget::utf16_units(1000)
        })
    );
}

#[test]
fn custom_claims_that_are_not_an_object_are_refused_at_mint() {
    /// Claims whose `Serialize` writes an array: only a hand-written impl can do that.
    #[derive(Deserialize)]
    struct NotAnObject;
    impl Serialize for NotAnObject {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            [1, 2].serialize(serializer)
        }
    }
    impl SessionClaims for NotAnObject {
        const CLAIM_NAMES: &'static [&'static str] = &[];
        const MAX_JSON_LEN: Option<usize> = None;
        fn check_bounds(&self) -> Result<(), ClaimsError> {
            Ok(())
        }
    }
    assert_eq!(
        minter().mint(&Payload::new(NotAnObject)).unwrap_err(),
        Error::Claims(ClaimsError::NotAnObject {
            what: "custom claims",
            found: "array"
        })
    );
}

#[test]
fn a_token_over_the_cookie_limit_is_refused_at_mint_with_the_exact_overflow() {
    let minter = minter().without_budget();
    // Header {"alg":"HS256","typ":"JWT"}: 27 bytes, 36 chars; HS256: 43 chars; `__session=` 10.
    // Payload {"exp":…,"nbf":…,"iat":…,"x":"…"}: 59 bytes + the string.
    let fits = |n: usize| {
        minter
            .mint(&Payload::new(dynamic(json!({"x": "y".repeat(n)}))))
            .map(|m| m.cookie_len())
    };
    // 4096 - 10 - 36 - 2 - 43 = 4005 chars of payload: 3003 bytes of JSON (4004 chars).
    assert_eq!(fits(3003 - 59), Ok(4095));
    let err = fits(3003 - 59 + 2).unwrap_err();
    assert_eq!(
        err,
        Error::Claims(ClaimsError::OverBudget {
            kind: BudgetKind::Cookie,
            size: 4098,
            budget: Budget::bytes(4096)
        })
    );
    // A smaller configured cookie is honoured too.
    let small = minter.with_cookie(CookieSpec::new("s").with_limit(200));
    assert!(matches!(
        small.mint(&Payload::new(dynamic(json!({"x": "y".repeat(100)})))),
        Err(Error::Claims(ClaimsError::OverBudget {
            kind: BudgetKind::Cookie,
            ..
        }))
    ));
}

#[test]
fn reserved_names_in_dynamic_claims_are_refused_at_mint() {
    let err = minter()
        .mint(&Payload::new(dynamic(json!({"sub": "admin", "plan": "x"}))))
        .unwrap_err();
    let Error::Claims(ClaimsError::Reserved { claims }) = err else {
        panic!("expected Reserved, got {err:?}")
    };
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0].name, "sub");
    let clerk = Minter::<Clerk>::new(SigningKey::hs256(SECRET).unwrap());
    let err = clerk
        .mint(&Payload::new(dynamic(json!({"sid": "x", "aud": "y"}))))
        .unwrap_err();
    let Error::Claims(ClaimsError::Reserved { claims }) = err else {
        panic!("expected Reserved, got {err:?}")
    };
    let names: Vec<&str> = claims.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["aud", "sid"]);
}

#[test]
fn claims_over_their_declared_bounds_are_refused_at_mint() {
    #[derive(Debug, Clone, Serialize, Deserialize)]
    struct Named {
        name: String,
    }
    impl SessionClaims for Named {
        const CLAIM_NAMES: &'static [&'static str] = &["name"];
        const MAX_JSON_LEN: Option<usize> = Some(19);
        fn check_bounds(&self) -> Result<(), ClaimsError> {
            if self.name.len() > 8 {
                return Err(ClaimsError::BoundExceeded {
                    field: "name".into(),
                    bound: BoundKind::MaxLen,
                    limit: 8,
                    actual: self.name.len(),
                });
            }
            Ok(())
        }
    }
    let err = minter()
        .mint(&Payload::new(Named {
            name: "Ada Lovelace".into(),
        }))
        .unwrap_err();
    assert_eq!(
        err,
        Error::Claims(ClaimsError::BoundExceeded {
            field: "name".into(),
            bound: BoundKind::MaxLen,
            limit: 8,
            actual: 12
        })
    );
}

#[test]
fn a_type_compiled_for_the_wrong_profile_is_caught_at_run_time_for_dynamic_names() {
    // Derived types are checked at compile time; dynamic claims through `check_reserved`.
    let stytch = Minter::<claims_jwt::Stytch>::new(SigningKey::hs256(SECRET).unwrap());
    let err = stytch
        .mint(&Payload::new(dynamic(
            json!({"HTTPS://STYTCH.COM/session": {}}),
        )))
        .unwrap_err();
    assert!(matches!(err, Error::Claims(ClaimsError::Reserved { .. })));
    assert!(
        ReservedNames::from_profiles(&[&Profile::STYTCH])
            .check("https://stytch.com/x")
            .is_some()
    );
}

// ---- updating ---------------------------------------------------------------------------------------

fn verified_clerk() -> (Minter<Clerk>, Token<Dynamic, Clerk>) {
    let key = SigningKey::hs256(SECRET).unwrap();
    let minter = Minter::<Clerk>::new(key.clone()).with_clock(Clock::fixed(NOW));
    let issued = minter
        .mint(
            &Payload::new(dynamic(json!({"plan": "free", "roles": ["reader"]})))
                .with_subject("user_1"),
        )
        .unwrap();
    let token = Verifier::<Clerk>::new(key.verifying_key())
        .with_clock(Clock::fixed(NOW))
        .verify::<Dynamic>(issued.as_str())
        .unwrap();
    (minter, token)
}

#[test]
fn a_patch_setting_a_reserved_name_is_refused_and_nothing_changes() {
    let (minter, token) = verified_clerk();
    let before = token.clone();
    let err = minter
        .reissue(&token, &json!({"plan": "pro", "sid": "sess_forged"}))
        .unwrap_err();
    let Error::Update(ClaimsError::Reserved { claims }) = &err else {
        panic!("expected Update(Reserved), got {err:?}")
    };
    assert_eq!(claims[0].name, "sid");
    assert_eq!(err.status(), 422);
    assert_eq!(token, before);
}

#[test]
fn a_patch_over_the_budget_is_refused() {
    let (minter, token) = verified_clerk();
    let err = minter
        .reissue(&token, &json!({"bio": "x".repeat(1200)}))
        .unwrap_err();
    assert!(matches!(
        err,
        Error::Update(ClaimsError::OverBudget {
            kind: BudgetKind::CustomClaims,
            budget: Budget { limit: 1200, .. },
            ..
        })
    ));
}

#[test]
fn a_patch_that_is_not_an_object_or_too_deep_is_refused() {
    let (minter, token) = verified_clerk();
    assert_eq!(
        minter.reissue(&token, &json!(["plan"])).unwrap_err(),
        Error::Update(ClaimsError::NotAnObject {
            what: "patch",
            found: "array"
        })
    );
    // Built by hand: `json!` would copy the value recursively at every level.
    let mut patch = json!(1);
    for _ in 0..100_000 {
        let mut level = Map::new();
        level.insert("a".into(), patch);
        patch = Value::Object(level);
    }
    let result = minter.reissue(&token, &patch);
    claims_jwt::claims_core::drop_deep(patch); // before any assertion: unwinding would recurse
    assert_eq!(
        result.unwrap_err(),
        Error::Update(ClaimsError::TooDeep {
            what: "patch",
            limit: claims_jwt::claims_core::DEFAULT_MAX_DEPTH
        })
    );
}

#[test]
fn a_patch_whose_result_the_type_cannot_hold_is_refused() {
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    struct Plan {
        plan: String,
    }
    impl SessionClaims for Plan {
        const CLAIM_NAMES: &'static [&'static str] = &["plan"];
        const MAX_JSON_LEN: Option<usize> = None;
        const RESERVED: ReservedNames<'static> = ReservedNames::from_profiles(&[&Profile::CLERK]);
        fn check_bounds(&self) -> Result<(), ClaimsError> {
            Ok(())
        }
    }
    // Written by hand, so it says itself that Clerk's layout may carry it (the derive would).
    impl claims_jwt::claims_core::profile::Accepts<Plan> for claims_jwt::claims_core::profile::Clerk {}
    let key = SigningKey::hs256(SECRET).unwrap();
    let minter = Minter::<Clerk>::new(key.clone()).with_clock(Clock::fixed(NOW));
    let issued = minter
        .mint(&Payload::new(Plan {
            plan: "free".into(),
        }))
        .unwrap();
    let token = Verifier::<Clerk>::new(key.verifying_key())
        .with_clock(Clock::fixed(NOW))
        .verify::<Plan>(issued.as_str())
        .unwrap();
    let err = minter.reissue(&token, &json!({"plan": null})).unwrap_err();
    assert!(
        matches!(err, Error::Update(ClaimsError::Json { ref message }) if message.contains("missing field `plan`")),
        "{err:?}"
    );
    let reissued = minter.reissue(&token, &json!({"plan": "pro"})).unwrap();
    assert_eq!(reissued.payload().custom, Plan { plan: "pro".into() });
}

#[test]
fn a_refused_mint_after_a_good_patch_mints_nothing() {
    let (minter, token) = verified_clerk();
    let tight = minter.with_cookie(CookieSpec::session().with_limit(300));
    let err = tight
        .reissue(&token, &json!({"bio": "x".repeat(200)}))
        .unwrap_err();
    assert!(matches!(
        err,
        Error::Claims(ClaimsError::OverBudget {
            kind: BudgetKind::Cookie,
            ..
        })
    ));
}
