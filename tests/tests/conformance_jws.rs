//! JWS/JWT conformance of claims-jwt against the standard vectors in `tests/vectors`: RFC 7515
//! Appendix A, RFC 7519 §3.1, RFC 7520 §4, and Clerk's and Stytch's published fixtures and examples.

use std::time::Duration;

use claims_core::SessionClaims;
use claims_jwt::jwk::Jwk;
use claims_jwt::layout::{ClerkActor, ClerkOrganization};
use claims_jwt::{
    Algorithm, Clerk, Clock, Error, Generic, KeySet, Minter, Payload, Registered, Segment,
    SigningKey, Stytch, Verifier, VerifyingKey,
};
use claims_tests::{Dynamic, b64, entry, vectors};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The RFC 7519 §3.1 claims: the custom claim has a URL for a name.
#[derive(SessionClaims, Serialize, Deserialize, Debug, Clone, PartialEq)]
struct JoeClaims {
    #[serde(rename = "http://example.com/is_root")]
    is_root: bool,
}

/// One second before the RFC tokens' `exp` (2011-03-22T18:43:00Z).
const BEFORE_JOE_EXP: u64 = 1_300_819_379;

fn jwk(value: &Value) -> Jwk {
    serde_json::from_value(value.clone()).expect("a JWK")
}

fn compact(entry: &Value) -> &str {
    entry["compact"].as_str().expect("a compact token")
}

#[test]
fn rfc7515_a1_a2_a3_verify_with_their_jwks() {
    let vectors = vectors("rfc7515_jws.json");
    for (name, alg) in [
        ("RFC 7515 Appendix A.1", Algorithm::HS256),
        ("RFC 7515 Appendix A.2", Algorithm::RS256),
        ("RFC 7515 Appendix A.3", Algorithm::ES256),
    ] {
        let vector = entry(&vectors, name);
        let key = VerifyingKey::from_jwk(&jwk(&vector["jwk"])).unwrap();
        assert_eq!(key.algorithm(), alg, "{name}");
        // A.2's and A.3's headers carry no `typ`: the documented opt-out for issuers that omit it.
        let verifier = Verifier::<Generic>::new(key)
            .with_issuer("joe")
            .with_typ_optional()
            .with_clock(Clock::fixed(BEFORE_JOE_EXP));

        let (header, payload) = verifier.verify_signature(compact(vector)).unwrap();
        assert_eq!(header.alg(), alg);
        assert_eq!(payload, vector["payload_json"].as_str().unwrap().as_bytes());

        let token = verifier.verify::<JoeClaims>(compact(vector)).unwrap();
        assert_eq!(token.claims(), &JoeClaims { is_root: true }, "{name}");
        assert_eq!(token.registered().iss.as_deref(), Some("joe"));
        assert_eq!(token.registered().exp, Some(1_300_819_380));
    }
}

#[test]
fn rfc7519_3_1_decodes_into_a_derived_struct_and_is_expired_by_the_real_clock() {
    let vectors = vectors("rfc7515_jws.json");
    let vector = entry(&vectors, "RFC 7519 Section 3.1");
    let key = VerifyingKey::from_jwk(&jwk(&vector["jwk"])).unwrap();
    assert_eq!(
        JoeClaims::CLAIM_NAMES,
        ["http://example.com/is_root"],
        "the derive reads serde's rename"
    );

    let before = Verifier::<Generic>::new(key.clone()).with_clock(Clock::fixed(BEFORE_JOE_EXP));
    let token = before.verify::<JoeClaims>(compact(vector)).unwrap();
    assert_eq!(token.header().typ(), Some("JWT"));
    assert_eq!(token.claims(), &JoeClaims { is_root: true });
    let mut expected = Registered::default();
    expected.iss = Some("joe".into());
    expected.exp = Some(1_300_819_380);
    assert_eq!(token.registered(), &expected);
    assert_eq!(
        serde_json::to_value(token.claims()).unwrap(),
        vector["claims"]
            .as_object()
            .map(|claims| Value::Object(
                claims
                    .iter()
                    .filter(|(name, _)| name.starts_with("http"))
                    .map(|(n, v)| (n.clone(), v.clone()))
                    .collect()
            ))
            .unwrap()
    );

    let now = Verifier::<Generic>::new(key);
    let err = now.verify::<JoeClaims>(compact(vector)).unwrap_err();
    assert!(
        matches!(err, Error::Expired { exp: 1_300_819_380, leeway: 0, now } if now > 1_700_000_000),
        "{err:?}"
    );
}

#[test]
fn rfc7515_a5_alg_none_is_refused() {
    let vectors = vectors("rfc7515_jws.json");
    let none = compact(entry(&vectors, "RFC 7515 Appendix A.5"));
    for name in [
        "RFC 7515 Appendix A.1",
        "RFC 7515 Appendix A.2",
        "RFC 7515 Appendix A.3",
    ] {
        let key = VerifyingKey::from_jwk(&jwk(&entry(&vectors, name)["jwk"])).unwrap();
        let alg = key.algorithm();
        let verifier = Verifier::<Generic>::new(key).with_clock(Clock::fixed(BEFORE_JOE_EXP));
        assert_eq!(
            verifier.verify::<JoeClaims>(none).unwrap_err(),
            Error::AlgorithmMismatch {
                expected: alg,
                found: "none".into()
            }
        );
        assert_eq!(
            verifier.verify_signature(none).unwrap_err(),
            Error::AlgorithmMismatch {
                expected: alg,
                found: "none".into()
            }
        );
    }
}

#[test]
fn rfc7515_private_jwks_sign_like_the_rfc() {
    let vectors = vectors("rfc7515_jws.json");
    // HMAC and RSASSA-PKCS1-v1_5 are deterministic: the RFC's signature comes back exactly.
    for (name, private) in [
        ("RFC 7515 Appendix A.1", "jwk"),
        ("RFC 7515 Appendix A.2", "jwk_private"),
    ] {
        let vector = entry(&vectors, name);
        let key = SigningKey::from_jwk_json(&vector[private].to_string()).unwrap();
        let (input, signature) = compact(vector).rsplit_once('.').unwrap();
        assert_eq!(key.sign(input.as_bytes()).unwrap(), signature, "{name}");
    }
    // ECDSA is randomized: a token minted with A.3's private JWK verifies with its public JWK.
    let vector = entry(&vectors, "RFC 7515 Appendix A.3");
    let signing = SigningKey::from_jwk_json(&vector["jwk_private"].to_string()).unwrap();
    let issued = Minter::<Generic>::new(signing)
        .with_clock(Clock::fixed(BEFORE_JOE_EXP))
        .mint(&Payload::new(JoeClaims { is_root: false }).with_subject("joe"))
        .unwrap();
    let verifier = Verifier::<Generic>::new(VerifyingKey::from_jwk(&jwk(&vector["jwk"])).unwrap())
        .with_clock(Clock::fixed(BEFORE_JOE_EXP));
    let token = verifier.verify::<JoeClaims>(issued.as_str()).unwrap();
    assert_eq!(token.claims(), &JoeClaims { is_root: false });
}

#[test]
fn rfc7515_a4_es512_is_outside_jsonwebtoken_and_refused_as_a_key() {
    let vectors = vectors("rfc7515_jws.json");
    let vector = entry(&vectors, "RFC 7515 Appendix A.4");
    assert!(matches!(
        VerifyingKey::from_jwk(&jwk(&vector["jwk"])),
        Err(Error::Key(_))
    ));
}

#[test]
fn rfc7520_signatures_verify_and_their_text_payloads_are_refused_as_claims() {
    let vectors = vectors("rfc7520_sign.json");
    let signatures = &vectors["signatures"];
    for (name, alg) in [
        ("RFC 7520 Section 4.1", Algorithm::RS256),
        ("RFC 7520 Section 4.2", Algorithm::PS384),
        ("RFC 7520 Section 4.4", Algorithm::HS256),
    ] {
        let vector = entry(signatures, name);
        let key = VerifyingKey::from_jwk_with_alg(&jwk(&vector["jwk"]), alg).unwrap();
        // The JWKs carry the RFC's kid, so a key set selects them by the header's kid; the cookbook's
        // headers carry no `typ`.
        let verifier = Verifier::<Generic>::from_key_set(KeySet::new([key])).with_typ_optional();
        let (header, payload) = verifier.verify_signature(compact(vector)).unwrap();
        assert_eq!(header.alg(), alg, "{name}");
        assert_eq!(
            String::from_utf8(payload).unwrap(),
            vector["payload_text"].as_str().unwrap(),
            "{name}"
        );
        let err = verifier.verify::<Dynamic>(compact(vector)).unwrap_err();
        assert!(
            matches!(
                err,
                Error::Malformed {
                    part: Segment::Payload,
                    ..
                }
            ),
            "{name}: {err:?}"
        );
    }
    // RS256 and HS256 are deterministic: the cookbook's private keys reproduce its signatures.
    for name in ["RFC 7520 Section 4.1", "RFC 7520 Section 4.4"] {
        let vector = entry(signatures, name);
        let private = if vector["jwk_private"].is_object() {
            &vector["jwk_private"]
        } else {
            &vector["jwk"]
        };
        let key = SigningKey::from_jwk_json(&private.to_string()).unwrap();
        let (input, signature) = compact(vector).rsplit_once('.').unwrap();
        assert_eq!(key.sign(input.as_bytes()).unwrap(), signature, "{name}");
    }
    // ES512 (4.3) is not implemented by jsonwebtoken: its key is refused, not misused.
    let es512 = entry(signatures, "RFC 7520 Section 4.3");
    assert!(matches!(
        VerifyingKey::from_jwk(&jwk(&es512["jwk"])),
        Err(Error::Key(_))
    ));
}

// ---- Clerk ----------------------------------------------------------------------------------------

const CLERK_ISSUER: &str = "https://clerk.inspired.puma-74.lcl.dev";
const CLERK_PARTY: &str = "https://accounts.inspired.puma-74.lcl.dev";
/// Clerk's own tests fix the clock at the fixtures' `iat`.
const CLERK_NOW: u64 = 1_666_648_250;

fn clerk_fixture<'v>(vectors: &'v Value, name_starts: &str) -> &'v Value {
    entry(&vectors["tokens_and_claims"], name_starts)
}

fn clerk_verifier(keys: KeySet) -> Verifier<Clerk> {
    Verifier::<Clerk>::from_key_set(keys)
        .with_issuer(CLERK_ISSUER)
        .with_authorized_party(CLERK_PARTY)
        .with_clock(Clock::fixed(CLERK_NOW))
}

#[test]
fn clerk_fixtures_verify_with_clerks_jwks_and_clock() {
    let vectors = vectors("provider_examples.json");
    let mock = clerk_fixture(&vectors, "clerk mockJwt");
    let jwks = format!(r#"{{"keys":[{}]}}"#, mock["jwk"]);
    let verifier = clerk_verifier(KeySet::from_jwks_json(&jwks).unwrap());

    let token = verifier.verify::<Dynamic>(compact(mock)).unwrap();
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
        (
            token.registered().iat,
            token.registered().nbf,
            token.registered().exp
        ),
        (
            Some(1_666_648_250),
            Some(1_666_648_240),
            Some(1_666_648_310)
        )
    );
    assert_eq!(
        token.layout(),
        &Clerk {
            azp: Some(CLERK_PARTY.into()),
            sid: Some("sess_2GbDB4enNdCa5vS1zpC3Xzg9tK9".into()),
            ..Clerk::default()
        }
    );
    assert!(
        token.claims().is_empty(),
        "a v1 token carries no custom claims"
    );

    // signedJwt: the same token checked with `publicJwks`, a key with key_ops/ext and no kid.
    let signed = clerk_fixture(&vectors, "clerk signedJwt");
    let public = VerifyingKey::from_jwk(&jwk(&signed["jwk"])).unwrap();
    // A single pinned key is used whatever the header's kid (a key set would refuse the unknown kid).
    let token = Verifier::<Clerk>::new(public.clone())
        .with_issuer(CLERK_ISSUER)
        .with_authorized_party(CLERK_PARTY)
        .with_clock(Clock::fixed(CLERK_NOW))
        .verify::<Dynamic>(compact(signed))
        .unwrap();
    assert_eq!(
        KeySet::new([public.clone()])
            .select(Some("ins_2GIoQhbUpy0hX7B2cVkuTMinXoD"))
            .unwrap_err(),
        Error::UnknownKid {
            kid: "ins_2GIoQhbUpy0hX7B2cVkuTMinXoD".into()
        }
    );
    assert_eq!(
        token.layout().sid.as_deref(),
        Some("sess_2GbDB4enNdCa5vS1zpC3Xzg9tK9")
    );

    // The real clock: long expired.
    let err = Verifier::<Clerk>::new(public)
        .verify::<Dynamic>(compact(mock))
        .unwrap_err();
    assert!(matches!(
        err,
        Error::Expired {
            exp: 1_666_648_310,
            leeway: 5,
            ..
        }
    ));
}

#[test]
fn clerk_expired_tampered_and_malformed_fixtures_are_refused() {
    let vectors = vectors("provider_examples.json");
    let jwks = format!(
        r#"{{"keys":[{}]}}"#,
        clerk_fixture(&vectors, "clerk mockJwt")["jwk"]
    );
    let verifier = clerk_verifier(KeySet::from_jwks_json(&jwks).unwrap());
    let expired = clerk_fixture(&vectors, "clerk mockExpiredJwt");
    assert_eq!(
        verifier.verify::<Dynamic>(compact(expired)).unwrap_err(),
        Error::Expired {
            exp: 1_666_648_200,
            now: CLERK_NOW,
            leeway: 5
        }
    );
    for name in ["clerk mockInvalidSignatureJwt", "clerk mockMalformedJwt"] {
        let fixture = clerk_fixture(&vectors, name);
        assert_eq!(fixture["expect_signature_valid"], false);
        assert_eq!(
            verifier.verify::<Dynamic>(compact(fixture)).unwrap_err(),
            Error::InvalidSignature,
            "{name}"
        );
    }
    // An authorized party outside the list is refused even with a good signature.
    let strict = Verifier::<Clerk>::from_key_set(KeySet::from_jwks_json(&jwks).unwrap())
        .with_authorized_party("https://elsewhere.example")
        .with_clock(Clock::fixed(CLERK_NOW));
    assert_eq!(
        strict
            .verify::<Dynamic>(compact(clerk_fixture(&vectors, "clerk mockJwt")))
            .unwrap_err(),
        Error::UnauthorizedParty {
            azp: CLERK_PARTY.into()
        }
    );
}

#[test]
fn a_clerk_token_minted_here_has_the_documented_v2_layout() {
    let vectors = vectors("provider_examples.json");
    let documented = &clerk_fixture(&vectors, "clerk session token v2")["payload"];
    let documented = documented.as_object().expect("an object");

    let iat = documented["iat"].as_u64().unwrap();
    let minter = Minter::<Clerk>::new(
        SigningKey::hs256(b"clerk layout test secret, 32 bytes+")
            .unwrap()
            .with_kid("ins_123"),
    )
    .with_issuer("https://clerk.your-site.com")
    .with_ttl(std::time::Duration::ZERO)
    .with_clock(Clock::fixed(iat));
    let layout = Clerk {
        azp: Some("https://example.com".into()),
        fva: Some([7, -1]),
        sid: Some("sess_123".into()),
        v: Some(2),
        pla: Some("u:free".into()),
        fea: Some("o:dashboard,o:impersonation".into()),
        sts: Some("pending".into()),
        o: Some(ClerkOrganization {
            id: "org_123".into(),
            slg: Some("org-slug".into()),
            rol: Some("admin".into()),
            per: Some("read,manage".into()),
            fpm: Some("3,2".into()),
        }),
        act: Some(ClerkActor {
            iss: Some("https://dashboard.clerk.com".into()),
            sid: Some("sess_456".into()),
            sub: Some("user_456".into()),
        }),
    };
    let payload = Payload::new(Dynamic::new())
        .with_registered(
            Registered::default()
                .with_subject("user_123")
                .with_jti("1234567890"),
        )
        .with_layout(layout.clone());
    let issued = minter.mint(&payload).unwrap();

    let (_, json) = Verifier::<Clerk>::new(
        SigningKey::hs256(b"clerk layout test secret, 32 bytes+")
            .unwrap()
            .verifying_key(),
    )
    .verify_signature(issued.as_str())
    .unwrap();
    let written: Dynamic = serde_json::from_slice(&json).unwrap();
    let mut names: Vec<&String> = written.keys().collect();
    names.sort();
    let mut expected: Vec<&String> = documented.keys().collect();
    expected.sort();
    assert_eq!(names, expected, "the same claims, no more, no fewer");
    for (name, value) in documented {
        assert_eq!(&written[name], value, "claim `{name}`");
    }

    // And the layout reads back typed.
    let read = Payload::<Dynamic, Clerk>::from_json(&json).unwrap();
    assert_eq!(read.layout, layout);
}

// ---- Stytch ---------------------------------------------------------------------------------------

#[test]
fn stytch_b2b_claims_read_into_the_stytch_layout() {
    let vectors = vectors("provider_examples.json");
    let fixture = entry(&vectors["tokens_and_claims"], "stytch B2B");
    let mut payload = fixture["payload"].as_object().unwrap().clone();
    payload.insert("plan".into(), Value::from("enterprise"));
    let json = serde_json::to_vec(&payload).unwrap();

    // Stytch publishes no key: sign the documented claims with a key of our own.
    let key = SigningKey::hs256(b"stytch layout test secret, 32 bytes").unwrap();
    let input = format!(
        "{}.{}",
        b64(br#"{"alg":"HS256","kid":"key0","typ":"JWT"}"#),
        b64(&json)
    );
    let token = format!("{input}.{}", key.sign(input.as_bytes()).unwrap());
    let verifier =
        Verifier::<Stytch>::new(key.verifying_key()).with_clock(Clock::fixed(1_767_225_600));
    // The SDK's fixture has no `iat` and an `exp` in 2286: far over a Stytch token's 5 minutes.
    assert_eq!(
        verifier.verify::<Dynamic>(&token).unwrap_err(),
        Error::LifetimeTooLong {
            lifetime: 9_999_999_999 - 1_767_225_600,
            max: 300
        }
    );
    let verifier = verifier.with_max_lifetime(Duration::from_secs(u64::MAX));
    let token = verifier.verify::<Dynamic>(&token).unwrap();

    // The SDK's mapping: member_id = sub, member_session_id = session.id, organization_id = organization.
    assert_eq!(token.registered().sub.as_deref(), Some("member-test-123"));
    let session = token.layout().session.as_ref().unwrap();
    assert_eq!(session.id, "session-test-123");
    assert_eq!(session.roles, ["stytch_member"]);
    assert_eq!(
        token
            .layout()
            .organization
            .as_ref()
            .map(|o| o.organization_id.as_str()),
        Some("org-test-123")
    );
    // Custom claims: everything not registered and not under https://stytch.com/.
    assert_eq!(
        Value::Object(token.claims().clone()),
        serde_json::json!({"plan": "enterprise"})
    );
}
