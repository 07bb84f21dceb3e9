//! Side by side with raw jsonwebtoken 11, configured as its users do: `Validation::new(HS256)` plus
//! `set_issuer` and `set_audience`, decoding into a JSON object of claims. Each test here is a token (or
//! a key, or a configuration) that jsonwebtoken accepts and claims-jwt refuses, asserting both: that
//! jsonwebtoken's `decode` (or `encode`) returns `Ok`, and claims-jwt's exact error. SECURITY.md lists
//! them. A positive control shows both accept the same well-formed token.
//!
//! jsonwebtoken validates against the system clock, so these tokens are dated from it too.

use std::time::Duration;

use claims_jwt::claims_core::{ClaimsError, SessionClaims};
use claims_jwt::jsonwebtoken::{self as jwt, DecodingKey, EncodingKey, Validation};
use claims_jwt::{
    Algorithm, Clock, Error, Generic, Minter, Payload, SigningKey, Token, Verifier, VerifyingKey,
};
use claims_tests::{Dynamic, SECRET, b64, refuses, signed};
use serde::{Deserialize, Serialize};
use serde_json::json;

const ISS: &str = "https://issuer.example";
const AUD: &str = "api";
const HEADER: &str = r#"{"alg":"HS256","typ":"JWT"}"#;

fn now() -> u64 {
    jwt::get_current_timestamp()
}

/// jsonwebtoken as its README configures it.
fn validation() -> Validation {
    let mut validation = Validation::new(jwt::Algorithm::HS256);
    validation.set_issuer(&[ISS]);
    validation.set_audience(&[AUD]);
    validation
}

/// claims-jwt configured the same way.
fn verifier() -> Verifier<Generic> {
    Verifier::new(VerifyingKey::hs256(SECRET).unwrap())
        .with_issuer(ISS)
        .with_audience(AUD)
}

/// Asserts that jsonwebtoken accepts `token` and returns what claims-jwt says.
fn compare(token: &str) -> Result<Token<Dynamic>, Error> {
    let raw = jwt::decode::<Dynamic>(token, &DecodingKey::from_secret(SECRET), &validation());
    assert!(raw.is_ok(), "jsonwebtoken refuses it too: {raw:?}");
    verifier().verify::<Dynamic>(token)
}

/// A payload with the good `iss`, `aud`, `sub`, `iat` and `exp` (a minute from now), with the members
/// of `changes` (a JSON object) put in their place or added.
fn payload_with(changes: &serde_json::Value) -> String {
    let now = now();
    let mut claims = serde_json::json!({
        "iss": ISS, "aud": AUD, "sub": "user_1", "iat": now, "exp": now + 60
    });
    for (name, value) in changes.as_object().unwrap() {
        claims[name] = value.clone();
    }
    claims.to_string()
}

/// The good payload.
fn payload() -> String {
    payload_with(&serde_json::json!({}))
}

/// The good payload's text with `members` (JSON text) added at its end, as written: they may repeat.
fn payload_and(members: &str) -> String {
    let mut text = payload();
    text.pop();
    format!("{text},{members}}}")
}

/// A payload with exactly these members (JSON text), nothing added.
fn bare(members: &str) -> String {
    format!("{{{members}}}")
}

fn token(header: &str, payload: &str) -> String {
    signed(header.as_bytes(), payload.as_bytes())
}

#[test]
fn both_accept_a_well_formed_token() {
    let token = compare(&token(HEADER, &payload_and(r#""plan":"pro""#))).unwrap();
    assert_eq!(token.claims()["plan"], "pro");
    assert_eq!(token.registered().iss.as_deref(), Some(ISS));
}

// ---- the header --------------------------------------------------------------------------------------

refuses! {
    header_without_typ: compare(&token(r#"{"alg":"HS256"}"#, &payload())) => == Error::InvalidType { expected: "JWT", found: None };
    header_typ_access_token: compare(&token(r#"{"alg":"HS256","typ":"at+jwt"}"#, &payload())) => == Error::InvalidType { expected: "JWT", found: Some("at+jwt".into()) };
    header_duplicate_unknown_member: compare(&token(r#"{"alg":"HS256","typ":"JWT","x":1,"x":2}"#, &payload())) => == Error::DuplicateHeaderParameter { name: "x".into() };
    header_crit_naming_a_member: compare(&token(r#"{"alg":"HS256","typ":"JWT","crit":["exp"],"exp":1}"#, &payload())) => == Error::HeaderParameterRefused { name: "crit".into() };
    header_crit_null: compare(&token(r#"{"alg":"HS256","typ":"JWT","crit":null}"#, &payload())) => == Error::HeaderParameterRefused { name: "crit".into() };
    header_jku: compare(&token(r#"{"alg":"HS256","typ":"JWT","jku":"https://evil.example/jwks.json"}"#, &payload())) => == Error::HeaderParameterRefused { name: "jku".into() };
    header_x5u: compare(&token(r#"{"alg":"HS256","typ":"JWT","x5u":"https://evil.example/cert.pem"}"#, &payload())) => == Error::HeaderParameterRefused { name: "x5u".into() };
    header_jwk: compare(&token(r#"{"alg":"HS256","typ":"JWT","jwk":{"kty":"oct","k":"c2VjcmV0"}}"#, &payload())) => == Error::HeaderParameterRefused { name: "jwk".into() };
    header_x5c: compare(&token(r#"{"alg":"HS256","typ":"JWT","x5c":["MIIB"]}"#, &payload())) => == Error::HeaderParameterRefused { name: "x5c".into() };
    header_kid_of_257_bytes: compare(&token(&format!(r#"{{"alg":"HS256","kid":"{}","typ":"JWT"}}"#, "k".repeat(257)), &payload())) => == Error::KidTooLong { len: 257, max: 256 };
    header_over_1_kib: compare(&token(&format!(r#"{{"alg":"HS256","typ":"JWT","pad":"{}"}}"#, "x".repeat(1000)), &payload())) => == Error::HeaderTooLong { len: 1382, max: 1024 };
}

// ---- lengths ------------------------------------------------------------------------------------------

refuses! {
    token_over_8_kib: compare(&token(HEADER, &payload_and(&format!(r#""bio":"{}""#, "x".repeat(6200))))) => == Error::TooLong { len: 8484, max: 8192 };
}

// ---- registered claims: types -------------------------------------------------------------------------

refuses! {
    iss_wrongly_typed: compare(&token(HEADER, &payload_with(&json!({"iss": 7})))) => ~ (Error::InvalidClaim { name, .. }) if name == "iss";
    iss_array_holding_the_issuer: compare(&token(HEADER, &payload_with(&json!({"iss": [ISS, "https://evil.example"]})))) => ~ (Error::InvalidClaim { name, .. }) if name == "iss";
    aud_wrongly_typed: compare(&token(HEADER, &payload_with(&json!({"aud": 7})))) => ~ (Error::InvalidClaim { name, .. }) if name == "aud";
    sub_wrongly_typed: compare(&token(HEADER, &payload_with(&json!({"sub": 7})))) => ~ (Error::InvalidClaim { name, .. }) if name == "sub";
    nbf_wrongly_typed: compare(&token(HEADER, &payload_with(&json!({"nbf": "0"})))) => ~ (Error::InvalidClaim { name, .. }) if name == "nbf";
    iat_wrongly_typed: compare(&token(HEADER, &payload_with(&json!({"iat": "now"})))) => ~ (Error::InvalidClaim { name, .. }) if name == "iat";
    jti_wrongly_typed: compare(&token(HEADER, &payload_with(&json!({"jti": 7})))) => ~ (Error::InvalidClaim { name, .. }) if name == "jti";
    exp_with_a_fraction: compare(&token(HEADER, &payload_with(&json!({"exp": serde_json::from_str::<serde_json::Value>(&format!("{}.5", now() + 60)).unwrap()})))) => ~ (Error::InvalidClaim { name, .. }) if name == "exp";
}

// ---- registered claims: presence -------------------------------------------------------------------

refuses! {
    iss_missing_though_an_issuer_is_configured: compare(&token(HEADER, &bare(&format!(r#""aud":"{AUD}","exp":{}"#, now() + 60)))) => == Error::MissingClaim { name: "iss" };
    aud_missing_though_an_audience_is_configured: compare(&token(HEADER, &bare(&format!(r#""iss":"{ISS}","exp":{}"#, now() + 60)))) => == Error::MissingClaim { name: "aud" };
}

// ---- duplicates ---------------------------------------------------------------------------------------

refuses! {
    payload_duplicate_custom_claim: compare(&token(HEADER, &payload_and(r#""role":"user","role":"admin""#))) => == Error::InvalidPayload(ClaimsError::DuplicateClaim { name: "role".into() });
    payload_duplicate_by_unicode_escape: compare(&token(HEADER, &payload_and(r#""role":"user","\u0072ole":"admin""#))) => == Error::InvalidPayload(ClaimsError::DuplicateClaim { name: "role".into() });
}

// ---- times: lifetime, nbf, iat, leeway ----------------------------------------------------------------

refuses! {
    exp_u64_max: compare(&token(HEADER, &bare(&format!(r#""iss":"{ISS}","aud":"{AUD}","iat":1700000000,"exp":{}"#, u64::MAX)))) => == Error::LifetimeTooLong { lifetime: u64::MAX - 1_700_000_000, max: 86_400 };
    lifetime_of_a_year: compare(&token(HEADER, &{
        let now = now();
        bare(&format!(r#""iss":"{ISS}","aud":"{AUD}","iat":{now},"exp":{}"#, now + 365 * 86_400))
    })) => == Error::LifetimeTooLong { lifetime: 365 * 86_400, max: 86_400 };
    nbf_in_the_future: compare(&token(HEADER, &payload_with(&json!({"nbf": now() + 30})))) => ~ (Error::NotYetValid { leeway: 0, .. });
    iat_in_the_future: compare(&token(HEADER, &{
        let now = now();
        bare(&format!(r#""iss":"{ISS}","aud":"{AUD}","iat":{},"exp":{}"#, now + 30, now + 60))
    })) => ~ (Error::IssuedInFuture { leeway: 0, .. });
    expired_30_s_ago: compare(&token(HEADER, &{
        let now = now();
        bare(&format!(r#""iss":"{ISS}","aud":"{AUD}","iat":{},"exp":{}"#, now - 90, now - 30))
    })) => ~ (Error::Expired { leeway: 0, .. });
}

/// jsonwebtoken takes any leeway; claims-jwt refuses to build a verifier with more than five minutes.
#[test]
fn leeway_of_an_hour() {
    let now = now();
    let expired = token(
        HEADER,
        &bare(&format!(
            r#""iss":"{ISS}","aud":"{AUD}","iat":{},"exp":{}"#,
            now - 1860,
            now - 1800
        )),
    );
    let mut lenient = validation();
    lenient.leeway = 3600;
    assert!(jwt::decode::<Dynamic>(&expired, &DecodingKey::from_secret(SECRET), &lenient).is_ok());
    assert_eq!(
        verifier()
            .with_leeway(Duration::from_secs(3600))
            .unwrap_err(),
        Error::LeewayTooLong {
            leeway: 3600,
            max: 300
        }
    );
}

// ---- keys ---------------------------------------------------------------------------------------------

/// jsonwebtoken signs and verifies with an empty secret; claims-jwt refuses the key.
#[test]
fn hmac_secret_empty() {
    let header = jwt::Header::new(jwt::Algorithm::HS256);
    let claims: Dynamic = serde_json::from_str(&payload()).unwrap();
    let token = jwt::encode(&header, &claims, &EncodingKey::from_secret(b"")).unwrap();
    assert!(jwt::decode::<Dynamic>(&token, &DecodingKey::from_secret(b""), &validation()).is_ok());
    assert_eq!(
        SigningKey::hs256(b"").unwrap_err(),
        Error::WeakKey {
            alg: Algorithm::HS256,
            min_len: 32,
            len: 0
        }
    );
    assert!(matches!(
        VerifyingKey::hs256(b""),
        Err(Error::WeakKey { len: 0, .. })
    ));
}

/// jsonwebtoken accepts a 6-byte `oct` JWK; claims-jwt refuses it.
#[test]
fn hmac_jwk_of_6_bytes() {
    let jwk: claims_jwt::jwk::Jwk =
        serde_json::from_str(r#"{"kty":"oct","k":"c2VjcmV0"}"#).unwrap();
    assert!(DecodingKey::from_jwk(&jwk).is_ok());
    assert_eq!(
        VerifyingKey::from_jwk(&jwk).unwrap_err(),
        Error::WeakKey {
            alg: Algorithm::HS256,
            min_len: 32,
            len: 6
        }
    );
}

// ---- minting ------------------------------------------------------------------------------------------

#[derive(SessionClaims, Serialize, Deserialize, Debug)]
struct Scored {
    score: f64,
}

/// jsonwebtoken's `encode` writes a NaN claim as `null`; claims-jwt refuses to mint it.
#[test]
fn non_finite_claim_at_mint() {
    let header = jwt::Header::new(jwt::Algorithm::HS256);
    let token = jwt::encode(
        &header,
        &Scored { score: f64::NAN },
        &EncodingKey::from_secret(SECRET),
    )
    .unwrap();
    let payload = token.split('.').nth(1).unwrap();
    assert_eq!(payload, b64(br#"{"score":null}"#));
    let minter =
        Minter::<Generic>::new(SigningKey::hs256(SECRET).unwrap()).with_clock(Clock::fixed(now()));
    assert_eq!(
        minter
            .mint(&Payload::new(Scored { score: f64::NAN }))
            .unwrap_err(),
        Error::Claims(ClaimsError::NonFinite {
            claim: "score".into()
        })
    );
}
