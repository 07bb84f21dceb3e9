//! The bad-input suite: what an attacker tries first, one property wrong at a time, under a valid MAC
//! (`claims_tests::signed`), grouped by area. Every refusal asserts the exact error; every family has a
//! positive control beside it, so no refusal passes because everything fails.
//!
//! The numbered gaps of issue 8 are pinned here: 1 `keys_and_leeway::weak_*`, 2 `header::typ_*`, 3
//! `header::header_*`, `header::duplicate_*` and `header::crit_*`, 4 `header::key_parameter_*`, 5
//! `size::header_segment_*` and `size::kid_*`, 6 `registered::lifetime_*` and `merge::ttl_*`, 7
//! `registered::aud_*_without_a_configured_audience`, 8 `merge::*non_finite*`, 9
//! `merge::a_deep_value_patch_*`, 10 `keys_and_leeway::leeway_*`.

use std::time::Duration;

use claims_jwt::claims_core::{
    Budget, BudgetKind, ClaimsError, DEFAULT_MAX_DEPTH, SessionClaims, UpdatePolicy,
};
use claims_jwt::{
    Algorithm, Clerk, Clock, Error, Generic, KeySet, Layout, Minter, Payload, Segment, SigningKey,
    Stytch, Token, Verifier, VerifyingKey,
};
use claims_tests::{Dynamic, NOW, SECRET, b64, dynamic, keys, refuses, signed, verifier};
use serde_json::{Map, Value, json};

/// The header claims-jwt mints for a key without `kid`.
const HEADER: &str = r#"{"alg":"HS256","typ":"JWT"}"#;

/// A payload every verifier below accepts: issued now, valid for a minute.
const PAYLOAD: &str = r#"{"sub":"user_1","exp":1700000060,"iat":1700000000}"#;

fn token(header: &str, payload: &str) -> String {
    signed(header.as_bytes(), payload.as_bytes())
}

fn key() -> VerifyingKey {
    VerifyingKey::hs256(SECRET).unwrap()
}

fn verify_with<L: Layout>(verifier: &Verifier<L>, token: &str) -> Result<Token<Dynamic, L>, Error> {
    verifier.verify::<Dynamic>(token)
}

/// Verifies a token with `header` over the good payload.
fn with_header(header: &str) -> Result<Token<Dynamic>, Error> {
    verify_with(&verifier(), &token(header, PAYLOAD))
}

/// Verifies a token with the good header over `payload`.
fn with_payload(payload: &str) -> Result<Token<Dynamic>, Error> {
    verify_with(&verifier(), &token(HEADER, payload))
}

/// `[[[...0...]]]` as JSON text, `levels` arrays deep.
fn nested_text(levels: usize) -> String {
    format!("{}0{}", "[".repeat(levels), "]".repeat(levels))
}

/// A `Value` nested `levels` objects deep, built without recursion (`json!` would recurse).
fn deep_value(levels: usize) -> Value {
    let mut value = json!(1);
    for _ in 0..levels {
        let mut level = Map::new();
        level.insert("a".into(), value);
        value = Value::Object(level);
    }
    value
}

fn malformed_header() -> impl Fn(&Error) -> bool {
    |err| {
        matches!(
            err,
            Error::Malformed {
                part: Segment::Header,
                ..
            }
        )
    }
}

mod header {
    //! The protected header: shape, unique names, `crit`, key-pointing parameters, `typ`.
    use super::*;

    fn refused(name: &str) -> Error {
        Error::HeaderParameterRefused { name: name.into() }
    }

    fn duplicate(name: &str) -> Error {
        Error::DuplicateHeaderParameter { name: name.into() }
    }

    fn invalid_typ(found: Option<&str>) -> Error {
        Error::InvalidType {
            expected: "JWT",
            found: found.map(str::to_owned),
        }
    }

    // ---- shape: a JSON object, nothing else ----

    refuses! {
        header_that_is_an_array: with_header(r#"["HS256","JWT"]"#) => ~ (err) if malformed_header()(err);
        header_that_is_a_string: with_header(r#""HS256""#) => ~ (err) if malformed_header()(err);
        header_that_is_null: with_header("null") => ~ (err) if malformed_header()(err);
        header_that_is_a_number: with_header("256") => ~ (err) if malformed_header()(err);
        header_that_is_empty: with_header("") => ~ (err) if malformed_header()(err);
        header_with_trailing_text: with_header(r#"{"alg":"HS256","typ":"JWT"}x"#) => ~ (err) if malformed_header()(err);
        header_cut_short: with_header(r#"{"alg":"HS256","typ":"JWT""#) => ~ (err) if malformed_header()(err);
        header_not_base64url: verify_with(&verifier(), &format!("eyJ*.{}.sig", b64(PAYLOAD.as_bytes()))) => ~ (err) if malformed_header()(err);
        header_not_utf8: verify_with(&verifier(), &signed(b"{\"alg\":\"HS256\",\"typ\":\"\xff\"}", PAYLOAD.as_bytes())) => ~ (err) if malformed_header()(err);
        header_without_alg: with_header(r#"{"typ":"JWT"}"#) => ~ (err) if malformed_header()(err);
        header_alg_null: with_header(r#"{"alg":null,"typ":"JWT"}"#) => ~ (err) if malformed_header()(err);
        header_alg_array: with_header(r#"{"alg":["HS256"],"typ":"JWT"}"#) => ~ (err) if malformed_header()(err);
        header_kid_number: with_header(r#"{"alg":"HS256","kid":7,"typ":"JWT"}"#) => ~ (err) if malformed_header()(err);
        header_typ_null: with_header(r#"{"alg":"HS256","typ":null}"#) => ~ (err) if malformed_header()(err);
    }

    /// The issue's example: an array header would select key `k2` positionally from a key set.
    #[test]
    fn header_array_cannot_select_a_key() {
        let set = KeySet::new([key().with_kid("k1"), key().with_kid("k2")]);
        let verifier = Verifier::<Generic>::from_key_set(set).with_clock(Clock::fixed(NOW));
        let err = verify_with(&verifier, &token(r#"["HS256","k2"]"#, PAYLOAD)).unwrap_err();
        assert!(malformed_header()(&err), "{err:?}");
        // Positive control: the same key set selects `k2` by name.
        let ok = verify_with(
            &verifier,
            &token(r#"{"alg":"HS256","kid":"k2","typ":"JWT"}"#, PAYLOAD),
        )
        .unwrap();
        assert_eq!(ok.header().kid(), Some("k2"));
    }

    #[test]
    fn header_with_whitespace_and_unknown_members_is_accepted() {
        let header = "{\r\n \"typ\" : \"JWT\",\n\t\"alg\":\"HS256\", \"cty\":\"x\", \"x5t\":\"abc\", \"ext\":{\"a\":[1]} }";
        let token = with_header(header).unwrap();
        assert_eq!(
            (token.header().alg(), token.header().typ()),
            (Algorithm::HS256, Some("JWT"))
        );
        assert_eq!(token.registered().sub.as_deref(), Some("user_1"));
    }

    // ---- unique member names (RFC 7515 §4) ----

    refuses! {
        duplicate_alg: with_header(r#"{"alg":"HS256","typ":"JWT","alg":"HS256"}"#) => == duplicate("alg");
        duplicate_alg_none_second: with_header(r#"{"alg":"HS256","typ":"JWT","alg":"none"}"#) => == duplicate("alg");
        duplicate_typ: with_header(r#"{"alg":"HS256","typ":"at+jwt","typ":"JWT"}"#) => == duplicate("typ");
        duplicate_kid: with_header(r#"{"alg":"HS256","kid":"a","typ":"JWT","kid":"b"}"#) => == duplicate("kid");
        duplicate_unknown_member: with_header(r#"{"alg":"HS256","typ":"JWT","x":1,"x":2}"#) => == duplicate("x");
        duplicate_by_unicode_escape: with_header(r#"{"alg":"HS256","typ":"JWT","\u0074yp":"JWT"}"#) => == duplicate("typ");
        duplicate_by_escaped_slash: with_header(r#"{"alg":"HS256","typ":"JWT","a/b":1,"a\/b":2}"#) => == duplicate("a/b");
    }

    // ---- `crit`: refused whatever its value (RFC 7515 §4.1.11) ----

    refuses! {
        crit_null: with_header(r#"{"alg":"HS256","typ":"JWT","crit":null}"#) => == refused("crit");
        crit_empty: with_header(r#"{"alg":"HS256","typ":"JWT","crit":[]}"#) => == refused("crit");
        crit_naming_a_member: with_header(r#"{"alg":"HS256","typ":"JWT","crit":["exp"],"exp":1}"#) => == refused("crit");
        crit_b64: with_header(r#"{"alg":"HS256","typ":"JWT","b64":false,"crit":["b64"]}"#) => == refused("crit");
        crit_string: with_header(r#"{"alg":"HS256","typ":"JWT","crit":"exp"}"#) => == refused("crit");
        crit_escaped: with_header(r#"{"alg":"HS256","typ":"JWT","\u0063rit":[]}"#) => == refused("crit");
        crit_even_when_key_parameters_are_ignored: verify_with(&verifier().with_key_parameters_ignored(), &token(r#"{"alg":"HS256","typ":"JWT","crit":[]}"#, PAYLOAD)) => == refused("crit");
    }

    // ---- parameters that point at a key (RFC 8725 §3.10) ----

    refuses! {
        key_parameter_jku: with_header(r#"{"alg":"HS256","typ":"JWT","jku":"https://evil.example/jwks.json"}"#) => == refused("jku");
        key_parameter_x5u: with_header(r#"{"alg":"HS256","typ":"JWT","x5u":"https://evil.example/cert.pem"}"#) => == refused("x5u");
        key_parameter_jwk: with_header(r#"{"alg":"HS256","typ":"JWT","jwk":{"kty":"oct","k":"c2VjcmV0"}}"#) => == refused("jwk");
        key_parameter_x5c: with_header(r#"{"alg":"HS256","typ":"JWT","x5c":["MIIB"]}"#) => == refused("x5c");
        key_parameter_null: with_header(r#"{"alg":"HS256","typ":"JWT","jku":null}"#) => == refused("jku");
    }

    #[test]
    fn key_parameters_are_accepted_and_ignored_when_opted_out() {
        let verifier = verifier().with_key_parameters_ignored();
        let header =
            r#"{"alg":"HS256","typ":"JWT","jku":"https://evil.example/jwks.json","x5c":["MIIB"]}"#;
        let token = verify_with(&verifier, &token(header, PAYLOAD)).unwrap();
        assert_eq!(token.registered().exp, Some(NOW + 60));
        // The key that checked the signature is still the verifier's own: a forged MAC still fails.
        let forged = format!(
            "{}.{}.{}",
            b64(header.as_bytes()),
            b64(PAYLOAD.as_bytes()),
            "A".repeat(43)
        );
        assert_eq!(
            verify_with(&verifier, &forged).unwrap_err(),
            Error::InvalidSignature
        );
    }

    // ---- `typ`: the layout's media type, required by default (RFC 8725 §3.11) ----

    refuses! {
        typ_missing: with_header(r#"{"alg":"HS256"}"#) => == invalid_typ(None);
        typ_access_token: with_header(r#"{"alg":"HS256","typ":"at+jwt"}"#) => == invalid_typ(Some("at+jwt"));
        typ_access_token_with_prefix: with_header(r#"{"alg":"HS256","typ":"application/at+jwt"}"#) => == invalid_typ(Some("application/at+jwt"));
        typ_jose: with_header(r#"{"alg":"HS256","typ":"JOSE"}"#) => == invalid_typ(Some("JOSE"));
        typ_empty: with_header(r#"{"alg":"HS256","typ":""}"#) => == invalid_typ(Some(""));
        typ_with_trailing_space: with_header(r#"{"alg":"HS256","typ":"JWT "}"#) => == invalid_typ(Some("JWT "));
        typ_other_prefix: with_header(r#"{"alg":"HS256","typ":"text/jwt"}"#) => == invalid_typ(Some("text/jwt"));
        typ_access_token_even_when_optional: verify_with(&verifier().with_typ_optional(), &token(r#"{"alg":"HS256","typ":"at+jwt"}"#, PAYLOAD)) => == invalid_typ(Some("at+jwt"));
    }

    #[test]
    fn typ_compares_without_case_and_with_an_optional_prefix() {
        for typ in ["JWT", "jwt", "Jwt", "application/jwt", "Application/JWT"] {
            let header = format!(r#"{{"alg":"HS256","typ":"{typ}"}}"#);
            let token = with_header(&header).unwrap();
            assert_eq!(token.header().typ(), Some(typ));
        }
    }

    #[test]
    fn typ_missing_is_accepted_when_optional() {
        let verifier = verifier().with_typ_optional();
        let token = verify_with(&verifier, &token(r#"{"alg":"HS256"}"#, PAYLOAD)).unwrap();
        assert_eq!(token.header().typ(), None);
    }

    #[test]
    fn alg_is_reported_before_typ() {
        // `none` without `typ`: the algorithm is the refusal worth naming.
        assert_eq!(
            with_header(r#"{"alg":"none"}"#).unwrap_err(),
            Error::AlgorithmMismatch {
                expected: Algorithm::HS256,
                found: "none".into()
            }
        );
    }
}

mod signature {
    //! Algorithm pinning, key selection and the MAC.
    use super::*;
    use claims_jwt::jsonwebtoken::{EncodingKey, crypto};

    fn mismatch(found: &str) -> Error {
        Error::AlgorithmMismatch {
            expected: Algorithm::HS256,
            found: found.into(),
        }
    }

    fn unsigned(alg: &str) -> String {
        format!(
            "{}.{}.",
            b64(format!(r#"{{"alg":"{alg}","typ":"JWT"}}"#).as_bytes()),
            b64(PAYLOAD.as_bytes())
        )
    }

    /// The good token with its signature replaced.
    fn resigned(signature: &str) -> String {
        let good = token(HEADER, PAYLOAD);
        let (message, _) = good.rsplit_once('.').unwrap();
        format!("{message}.{signature}")
    }

    fn good_signature() -> String {
        token(HEADER, PAYLOAD)
            .rsplit('.')
            .next()
            .unwrap()
            .to_owned()
    }

    refuses! {
        alg_none: verify_with(&verifier(), &unsigned("none")) => == mismatch("none");
        alg_none_upper: verify_with(&verifier(), &unsigned("NONE")) => == mismatch("NONE");
        alg_none_title: verify_with(&verifier(), &unsigned("None")) => == mismatch("None");
        alg_none_mixed: verify_with(&verifier(), &unsigned("nOnE")) => == mismatch("nOnE");
        alg_empty: verify_with(&verifier(), &unsigned("")) => == mismatch("");
        alg_lowercase: with_header(r#"{"alg":"hs256","typ":"JWT"}"#) => == mismatch("hs256");
        alg_same_family_longer: with_header(r#"{"alg":"HS512","typ":"JWT"}"#) => == mismatch("HS512");
        alg_asymmetric_on_a_secret: with_header(r#"{"alg":"RS256","typ":"JWT"}"#) => == mismatch("RS256");
        signature_with_a_flipped_bit: verify_with(&verifier(), &resigned(&{
            let mut s = good_signature().into_bytes();
            s[0] = if s[0] == b'A' { b'B' } else { b'A' };
            String::from_utf8(s).unwrap()
        })) => == Error::InvalidSignature;
        signature_truncated: verify_with(&verifier(), &resigned(&good_signature()[..40])) => == Error::InvalidSignature;
        signature_empty: verify_with(&verifier(), &resigned("")) => == Error::InvalidSignature;
        signature_of_another_key: verify_with(&Verifier::<Generic>::new(VerifyingKey::hs256(b"another secret of 32 bytes or more").unwrap()).with_clock(Clock::fixed(NOW)), &token(HEADER, PAYLOAD)) => == Error::InvalidSignature;
        signature_over_another_payload: verify_with(&verifier(), &{
            let good = token(HEADER, PAYLOAD);
            let signature = good.rsplit('.').next().unwrap();
            format!("{}.{}.{signature}", b64(HEADER.as_bytes()), b64(br#"{"sub":"admin","exp":1700000060,"iat":1700000000}"#))
        }) => == Error::InvalidSignature;
        signature_over_another_header: verify_with(&verifier(), &{
            let good = token(HEADER, PAYLOAD);
            let signature = good.rsplit('.').next().unwrap();
            format!("{}.{}.{signature}", b64(br#"{"alg":"HS256","typ":"jwt"}"#), b64(PAYLOAD.as_bytes()))
        }) => == Error::InvalidSignature;
        signature_padded: verify_with(&verifier(), &resigned(&format!("{}=", good_signature()))) => ~ (Error::Malformed { part: Segment::Signature, .. });
        signature_in_the_standard_alphabet: verify_with(&verifier(), &resigned(&good_signature().replace('-', "+").replace('_', "/").replacen(|c: char| c.is_ascii_alphanumeric(), "+", 1))) => ~ (Error::Malformed { part: Segment::Signature, .. });
        signature_with_non_canonical_trailing_bits: verify_with(&verifier(), &resigned(&{
            // 43 characters carry 258 bits for 256: the last two must be zero.
            let mut s = good_signature();
            let last = s.pop().unwrap();
            let alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            let index = alphabet.find(last).unwrap();
            s.push(alphabet.as_bytes()[index | 1] as char);
            s
        })) => ~ (Error::Malformed { part: Segment::Signature, .. });
        kid_unknown_in_a_key_set: verify_with(&Verifier::<Generic>::from_key_set(KeySet::new([key().with_kid("current")])).with_clock(Clock::fixed(NOW)), &token(r#"{"alg":"HS256","kid":"retired","typ":"JWT"}"#, PAYLOAD)) => == Error::UnknownKid { kid: "retired".into() };
        kid_missing_with_several_keys: verify_with(&Verifier::<Generic>::from_key_set(KeySet::new([key().with_kid("a"), key().with_kid("b")])).with_clock(Clock::fixed(NOW)), &token(HEADER, PAYLOAD)) => == Error::MissingKid;
    }

    #[test]
    fn hs_rs_confusion_is_an_algorithm_mismatch() {
        // HMAC-signed with the RSA public key's bytes, claiming HS256.
        let message = format!("{}.{}", b64(HEADER.as_bytes()), b64(PAYLOAD.as_bytes()));
        let signature = crypto::sign(
            message.as_bytes(),
            &EncodingKey::from_secret(keys::RSA_PUB),
            Algorithm::HS256,
        )
        .unwrap();
        let rsa = VerifyingKey::from_rsa_pem(Algorithm::RS256, keys::RSA_PUB).unwrap();
        let verifier = Verifier::<Generic>::new(rsa).with_clock(Clock::fixed(NOW));
        assert_eq!(
            verify_with(&verifier, &format!("{message}.{signature}")).unwrap_err(),
            Error::AlgorithmMismatch {
                expected: Algorithm::RS256,
                found: "HS256".into()
            }
        );
    }

    #[test]
    fn another_rsa_algorithm_is_an_algorithm_mismatch_and_the_right_one_verifies() {
        let minted = |alg| {
            Minter::<Generic>::new(SigningKey::from_rsa_pem(alg, keys::RSA).unwrap())
                .with_clock(Clock::fixed(NOW))
                .mint(&Payload::new(Dynamic::new()))
                .unwrap()
        };
        let verifier = Verifier::<Generic>::new(
            VerifyingKey::from_rsa_pem(Algorithm::RS256, keys::RSA_PUB).unwrap(),
        )
        .with_clock(Clock::fixed(NOW));
        assert_eq!(
            verify_with(&verifier, minted(Algorithm::PS256).as_str()).unwrap_err(),
            Error::AlgorithmMismatch {
                expected: Algorithm::RS256,
                found: "PS256".into()
            }
        );
        let token = verify_with(&verifier, minted(Algorithm::RS256).as_str()).unwrap();
        assert_eq!(token.header().alg(), Algorithm::RS256);
    }

    #[test]
    fn the_untampered_token_verifies() {
        let token = verify_with(&verifier(), &token(HEADER, PAYLOAD)).unwrap();
        assert_eq!(token.registered().sub.as_deref(), Some("user_1"));
        assert_eq!(token.header().alg(), Algorithm::HS256);
    }
}

mod keys_and_leeway {
    //! Keys built from weak secrets (gap 1) and a leeway wider than clock skew (gap 10).
    use super::*;

    fn weak(alg: Algorithm, min_len: usize, len: usize) -> Error {
        Error::WeakKey { alg, min_len, len }
    }

    /// A JWK `oct` key whose secret is `len` zero bytes.
    fn oct(len: usize, alg: Option<&str>) -> String {
        let k = b64(&vec![0u8; len]);
        match alg {
            Some(alg) => format!(r#"{{"kty":"oct","k":"{k}","alg":"{alg}"}}"#),
            None => format!(r#"{{"kty":"oct","k":"{k}"}}"#),
        }
    }

    fn public_jwk(json: &str) -> claims_jwt::jwk::Jwk {
        serde_json::from_str(json).unwrap()
    }

    refuses! {
        weak_signing_secret_empty: SigningKey::hs256(b"") => == weak(Algorithm::HS256, 32, 0);
        weak_signing_secret_31_bytes: SigningKey::hs256(&[7; 31]) => == weak(Algorithm::HS256, 32, 31);
        weak_signing_hs384_47_bytes: SigningKey::hmac(Algorithm::HS384, &[7; 47]) => == weak(Algorithm::HS384, 48, 47);
        weak_signing_hs512_32_bytes: SigningKey::hmac(Algorithm::HS512, &[7; 32]) => == weak(Algorithm::HS512, 64, 32);
        weak_verifying_secret_empty: VerifyingKey::hs256(b"") => == weak(Algorithm::HS256, 32, 0);
        weak_verifying_hs512_63_bytes: VerifyingKey::hmac(Algorithm::HS512, &[7; 63]) => == weak(Algorithm::HS512, 64, 63);
        weak_private_oct_jwk_6_bytes: SigningKey::from_jwk_json(r#"{"kty":"oct","k":"c2VjcmV0"}"#) => == weak(Algorithm::HS256, 32, 6);
        weak_private_oct_jwk_for_hs512: SigningKey::from_jwk_json(&oct(48, Some("HS512"))) => == weak(Algorithm::HS512, 64, 48);
        weak_public_oct_jwk_6_bytes: VerifyingKey::from_jwk(&public_jwk(r#"{"kty":"oct","k":"c2VjcmV0"}"#)) => == weak(Algorithm::HS256, 32, 6);
        weak_public_oct_jwk_with_alg: VerifyingKey::from_jwk_with_alg(&public_jwk(&oct(32, None)), Algorithm::HS384) => == weak(Algorithm::HS384, 48, 32);
        weak_hmac_with_an_asymmetric_alg: SigningKey::hmac(Algorithm::RS256, &[7; 64]) => ~ (Error::Key(_));
        leeway_a_second_over_five_minutes: verifier().with_leeway(Duration::from_secs(301)) => == Error::LeewayTooLong { leeway: 301, max: 300 };
        leeway_an_hour: verifier().with_leeway(Duration::from_secs(3600)) => == Error::LeewayTooLong { leeway: 3600, max: 300 };
        leeway_duration_max: verifier().with_leeway(Duration::MAX) => == Error::LeewayTooLong { leeway: u64::MAX, max: 300 };
    }

    #[test]
    fn secrets_of_the_hash_length_are_accepted() {
        for (alg, len) in [
            (Algorithm::HS256, 32),
            (Algorithm::HS384, 48),
            (Algorithm::HS512, 64),
        ] {
            let key = SigningKey::hmac(alg, &vec![7; len]).unwrap();
            assert_eq!(key.signature_alg().signature_len(), len);
            assert_eq!(
                VerifyingKey::hmac(alg, &vec![7; len]).unwrap().algorithm(),
                alg
            );
        }
        let key = SigningKey::from_jwk_json(&oct(64, Some("HS512"))).unwrap();
        assert_eq!(key.algorithm(), Algorithm::HS512);
    }

    /// The issue's case: a minter and verifier on an empty key minted and accepted tokens.
    #[test]
    fn no_minter_or_verifier_can_be_built_on_an_empty_key() {
        assert!(matches!(
            SigningKey::hs256(b"").map(Minter::<Generic>::new),
            Err(Error::WeakKey { len: 0, .. })
        ));
        assert!(matches!(
            VerifyingKey::hs256(b"").map(Verifier::<Generic>::new),
            Err(Error::WeakKey { len: 0, .. })
        ));
    }

    #[test]
    fn a_key_set_leaves_out_weak_secrets() {
        let strong = b64(&[1u8; 32]);
        let jwks = format!(
            r#"{{"keys":[{{"kty":"oct","kid":"weak","k":"c2VjcmV0"}},{{"kty":"oct","kid":"strong","k":"{strong}"}}]}}"#
        );
        let set = KeySet::from_jwks_json(&jwks).unwrap();
        assert_eq!(set.len(), 1);
        assert!(set.find("strong").is_some());
        let verifier = Verifier::<Generic>::from_key_set(set).with_clock(Clock::fixed(NOW));
        assert_eq!(
            verify_with(
                &verifier,
                &token(r#"{"alg":"HS256","kid":"weak","typ":"JWT"}"#, PAYLOAD)
            )
            .unwrap_err(),
            Error::UnknownKid { kid: "weak".into() }
        );
    }

    #[test]
    fn leeway_of_five_minutes_is_accepted_and_honoured() {
        let expired = token(HEADER, r#"{"exp":1699999800,"iat":1699999740}"#); // 200 s ago
        assert_eq!(
            verify_with(&verifier(), &expired).unwrap_err(),
            Error::Expired {
                exp: NOW - 200,
                now: NOW,
                leeway: 0
            }
        );
        // A fraction of a second over is still 300 whole seconds.
        let fraction_over = claims_jwt::MAX_LEEWAY + Duration::from_millis(500);
        let lenient = verifier().with_leeway(fraction_over).unwrap();
        assert_eq!(
            verify_with(&lenient, &expired).unwrap().registered().exp,
            Some(NOW - 200)
        );
    }
}

mod registered {
    //! Registered claims: types, times, lifetime, issuer, audience, authorized party.
    use super::*;

    fn invalid(name: &str) -> impl Fn(&Error) -> bool + '_ {
        move |err| matches!(err, Error::InvalidClaim { name: n, .. } if n == name)
    }

    fn stytch() -> Verifier<Stytch> {
        Verifier::new(key()).with_clock(Clock::fixed(NOW))
    }

    fn clerk() -> Verifier<Clerk> {
        Verifier::new(key()).with_clock(Clock::fixed(NOW))
    }

    // ---- wrong JSON types: refused, never read as absent ----

    refuses! {
        exp_string: with_payload(r#"{"exp":"1700000060"}"#) => ~ (err) if invalid("exp")(err);
        exp_float: with_payload(r#"{"exp":1700000060.5}"#) => ~ (err) if invalid("exp")(err);
        exp_float_integral: with_payload(r#"{"exp":1700000060.0}"#) => ~ (err) if invalid("exp")(err);
        exp_negative: with_payload(r#"{"exp":-1}"#) => ~ (err) if invalid("exp")(err);
        exp_null: with_payload(r#"{"exp":null}"#) => ~ (err) if invalid("exp")(err);
        exp_overflowing_u64: with_payload(r#"{"exp":18446744073709551616}"#) => ~ (err) if invalid("exp")(err);
        exp_exponent: with_payload(r#"{"exp":1e400}"#) => ~ (err) if invalid("exp")(err);
        exp_array: with_payload(r#"{"exp":[1700000060]}"#) => ~ (err) if invalid("exp")(err);
        exp_bool: with_payload(r#"{"exp":true}"#) => ~ (err) if invalid("exp")(err);
        nbf_string: with_payload(r#"{"exp":1700000060,"nbf":"0"}"#) => ~ (err) if invalid("nbf")(err);
        iat_float: with_payload(r#"{"exp":1700000060,"iat":1700000000.5}"#) => ~ (err) if invalid("iat")(err);
        iat_negative: with_payload(r#"{"exp":1700000060,"iat":-5}"#) => ~ (err) if invalid("iat")(err);
        iss_number: with_payload(r#"{"exp":1700000060,"iss":1}"#) => ~ (err) if invalid("iss")(err);
        iss_array: with_payload(r#"{"exp":1700000060,"iss":["https://a.example"]}"#) => ~ (err) if invalid("iss")(err);
        sub_object: with_payload(r#"{"exp":1700000060,"sub":{"id":1}}"#) => ~ (err) if invalid("sub")(err);
        sub_null: with_payload(r#"{"exp":1700000060,"sub":null}"#) => ~ (err) if invalid("sub")(err);
        aud_number: with_payload(r#"{"exp":1700000060,"aud":7}"#) => ~ (err) if invalid("aud")(err);
        aud_array_of_numbers: with_payload(r#"{"exp":1700000060,"aud":[7]}"#) => ~ (err) if invalid("aud")(err);
        jti_bool: with_payload(r#"{"exp":1700000060,"jti":false}"#) => ~ (err) if invalid("jti")(err);
    }

    // ---- times ----

    refuses! {
        exp_missing: with_payload(r#"{"sub":"user_1"}"#) => == Error::MissingClaim { name: "exp" };
        exp_now: with_payload(r#"{"exp":1700000000}"#) => == Error::Expired { exp: NOW, now: NOW, leeway: 0 };
        nbf_in_the_future: with_payload(r#"{"exp":1700000060,"nbf":1700000001}"#) => == Error::NotYetValid { nbf: NOW + 1, now: NOW, leeway: 0 };
        iat_in_the_future: with_payload(r#"{"exp":1700000060,"iat":1700000001}"#) => == Error::IssuedInFuture { iat: NOW + 1, now: NOW, leeway: 0 };
    }

    #[test]
    fn times_at_their_edges_are_accepted() {
        let token =
            with_payload(r#"{"exp":1700000001,"nbf":1700000000,"iat":1700000000}"#).unwrap();
        assert_eq!(token.registered().exp, Some(NOW + 1));
    }

    // ---- lifetime (gap 6): exp - iat, or exp - now, at most the layout's ----

    refuses! {
        lifetime_of_exp_u64_max: with_payload(r#"{"exp":18446744073709551615,"iat":1700000000}"#) => == Error::LifetimeTooLong { lifetime: u64::MAX - NOW, max: 86_400 };
        lifetime_of_exp_u64_max_without_iat: with_payload(r#"{"exp":18446744073709551615}"#) => == Error::LifetimeTooLong { lifetime: u64::MAX - NOW, max: 86_400 };
        lifetime_a_day_and_a_second: with_payload(r#"{"exp":1700086401,"iat":1700000000}"#) => == Error::LifetimeTooLong { lifetime: 86_401, max: 86_400 };
        lifetime_measured_from_iat_not_now: with_payload(r#"{"exp":1700000030,"iat":1699913600}"#) => == Error::LifetimeTooLong { lifetime: 86_430, max: 86_400 };
        lifetime_clerk_61_s: verify_with(&clerk(), &token(HEADER, r#"{"exp":1700000061,"iat":1700000000}"#)) => == Error::LifetimeTooLong { lifetime: 61, max: 60 };
        lifetime_stytch_301_s: verify_with(&stytch(), &token(HEADER, r#"{"exp":1700000301,"iat":1700000000}"#)) => == Error::LifetimeTooLong { lifetime: 301, max: 300 };
        lifetime_over_a_configured_maximum: verify_with(&verifier().with_max_lifetime(Duration::from_secs(30)), &token(HEADER, PAYLOAD)) => == Error::LifetimeTooLong { lifetime: 60, max: 30 };
    }

    #[test]
    fn lifetimes_at_the_maximum_are_accepted() {
        let generic = with_payload(r#"{"exp":1700086400,"iat":1700000000}"#).unwrap();
        assert_eq!(generic.registered().exp, Some(NOW + 86_400));
        let clerk = verify_with(&clerk(), &token(HEADER, PAYLOAD)).unwrap();
        assert_eq!(clerk.registered().exp, Some(NOW + 60));
        let stytch = verify_with(
            &stytch(),
            &token(HEADER, r#"{"exp":1700000300,"iat":1700000000}"#),
        )
        .unwrap();
        assert_eq!(stytch.registered().exp, Some(NOW + 300));
        let week = Duration::from_secs(7 * 86_400);
        let long = verify_with(
            &verifier().with_max_lifetime(week),
            &token(HEADER, r#"{"exp":1700604800,"iat":1700000000}"#),
        )
        .unwrap();
        assert_eq!(long.registered().exp, Some(NOW + 604_800));
    }

    // ---- issuer, audience (gap 7), authorized party ----

    refuses! {
        aud_string_without_a_configured_audience: with_payload(r#"{"exp":1700000060,"aud":"someone-else"}"#) => == Error::UnexpectedAudience { found: vec!["someone-else".into()] };
        aud_array_without_a_configured_audience: with_payload(r#"{"exp":1700000060,"aud":["a","b"]}"#) => == Error::UnexpectedAudience { found: vec!["a".into(), "b".into()] };
        aud_empty_array_without_a_configured_audience: with_payload(r#"{"exp":1700000060,"aud":[]}"#) => == Error::UnexpectedAudience { found: vec![] };
        aud_stytch_project_without_a_configured_audience: verify_with(&stytch(), &token(HEADER, r#"{"exp":1700000060,"aud":["project-test-1"]}"#)) => == Error::UnexpectedAudience { found: vec!["project-test-1".into()] };
        aud_not_the_configured_one: verify_with(&verifier().with_audience("api"), &token(HEADER, r#"{"exp":1700000060,"aud":["web"]}"#)) => == Error::InvalidAudience { found: vec!["web".into()] };
        aud_missing_with_a_configured_audience: verify_with(&verifier().with_audience("api"), &token(HEADER, PAYLOAD)) => == Error::MissingClaim { name: "aud" };
        aud_case_differs: verify_with(&verifier().with_audience("api"), &token(HEADER, r#"{"exp":1700000060,"aud":"API"}"#)) => == Error::InvalidAudience { found: vec!["API".into()] };
        iss_not_a_configured_one: verify_with(&verifier().with_issuer("https://a.example"), &token(HEADER, r#"{"exp":1700000060,"iss":"https://evil.example"}"#)) => == Error::InvalidIssuer { found: "https://evil.example".into() };
        iss_missing_with_a_configured_issuer: verify_with(&verifier().with_issuer("https://a.example"), &token(HEADER, PAYLOAD)) => == Error::MissingClaim { name: "iss" };
        azp_not_an_authorized_party: verify_with(&clerk().with_authorized_party("https://app.example"), &token(HEADER, r#"{"exp":1700000060,"azp":"https://evil.example"}"#)) => == Error::UnauthorizedParty { azp: "https://evil.example".into() };
    }

    #[test]
    fn audiences_pass_when_configured_or_explicitly_unchecked() {
        let payload = r#"{"exp":1700000060,"aud":["web","api"]}"#;
        let configured = verify_with(&verifier().with_audience("api"), &token(HEADER, payload));
        assert_eq!(
            configured.unwrap().registered().aud,
            Some(claims_jwt::Audience::Many(vec!["web".into(), "api".into()]))
        );
        let any = verify_with(&verifier().with_any_audience(), &token(HEADER, payload)).unwrap();
        assert!(any.registered().aud.as_ref().unwrap().contains("web"));
        // Still checked when configured, even with the opt-out.
        assert_eq!(
            verify_with(
                &verifier().with_any_audience().with_audience("billing"),
                &token(HEADER, payload)
            )
            .unwrap_err(),
            Error::InvalidAudience {
                found: vec!["web".into(), "api".into()]
            }
        );
        // A Stytch verifier configured with the project id reads Stytch's `aud`.
        let stytch = verify_with(
            &stytch().with_audience("project-test-1"),
            &token(HEADER, r#"{"exp":1700000060,"aud":["project-test-1"]}"#),
        )
        .unwrap();
        assert!(
            stytch
                .registered()
                .aud
                .as_ref()
                .unwrap()
                .contains("project-test-1")
        );
    }
}

mod payload {
    //! The payload: a JSON object of unique claims, typed as the layout and the claims type say.
    use super::*;

    fn malformed_payload(err: &Error) -> bool {
        matches!(
            err,
            Error::Malformed {
                part: Segment::Payload,
                ..
            }
        )
    }

    fn duplicate(name: &str) -> Error {
        Error::InvalidPayload(ClaimsError::DuplicateClaim { name: name.into() })
    }

    #[derive(SessionClaims, Debug, serde::Serialize, serde::Deserialize)]
    struct Plan {
        #[claims(max_len = 16)]
        plan: String,
    }

    refuses! {
        payload_array: with_payload(r#"[{"exp":1700000060}]"#) => ~ (err) if malformed_payload(err);
        payload_string: with_payload(r#""exp""#) => ~ (err) if malformed_payload(err);
        payload_number: with_payload("1700000060") => ~ (err) if malformed_payload(err);
        payload_null: with_payload("null") => ~ (err) if malformed_payload(err);
        payload_true: with_payload("true") => ~ (err) if malformed_payload(err);
        payload_empty: with_payload("") => ~ (err) if malformed_payload(err);
        payload_trailing_text: with_payload(r#"{"exp":1700000060} {}"#) => ~ (err) if malformed_payload(err);
        payload_cut_short: with_payload(r#"{"exp":1700000060"#) => ~ (err) if malformed_payload(err);
        payload_not_utf8: verify_with(&verifier(), &signed(HEADER.as_bytes(), b"{\"exp\":1700000060,\"n\":\"\xc3\x28\"}")) => ~ (err) if malformed_payload(err);
        payload_nested_past_what_json_reads: with_payload(&format!(r#"{{"exp":1700000060,"deep":{}}}"#, nested_text(200))) => ~ (err) if malformed_payload(err);
        duplicate_exp: with_payload(r#"{"exp":1700000060,"exp":1700000001}"#) => == duplicate("exp");
        duplicate_custom_claim: with_payload(r#"{"exp":1700000060,"role":"user","role":"admin"}"#) => == duplicate("role");
        duplicate_by_unicode_escape: with_payload(r#"{"exp":1700000060,"\u0072ole":"user","role":"admin"}"#) => == duplicate("role");
        duplicate_layout_claim: verify_with(&Verifier::<Clerk>::new(key()).with_clock(Clock::fixed(NOW)), &token(HEADER, r#"{"exp":1700000060,"sid":"a","sid":"b"}"#)) => == duplicate("sid");
        layout_claim_wrongly_typed: verify_with(&Verifier::<Clerk>::new(key()).with_clock(Clock::fixed(NOW)), &token(HEADER, r#"{"exp":1700000060,"fva":"7,-1"}"#)) => ~ (Error::InvalidClaim { name, .. }) if name == "fva";
        layout_object_missing_its_id: verify_with(&Verifier::<Clerk>::new(key()).with_clock(Clock::fixed(NOW)), &token(HEADER, r#"{"exp":1700000060,"o":{"rol":"admin"}}"#)) => ~ (Error::InvalidClaim { name, .. }) if name == "o";
        stytch_session_not_an_object: verify_with(&Verifier::<Stytch>::new(key()).with_clock(Clock::fixed(NOW)), &token(HEADER, r#"{"exp":1700000060,"https://stytch.com/session":[]}"#)) => ~ (Error::InvalidClaim { name, .. }) if name == "https://stytch.com/session";
        custom_claim_wrongly_typed: verifier().verify::<Plan>(&token(HEADER, r#"{"exp":1700000060,"plan":7}"#)) => ~ (Error::InvalidPayload(ClaimsError::Json { .. }));
        custom_claim_missing: verifier().verify::<Plan>(&token(HEADER, r#"{"exp":1700000060}"#)) => ~ (Error::InvalidPayload(ClaimsError::Json { message })) if message.contains("missing field `plan`");
    }

    #[test]
    fn unknown_and_nested_custom_claims_are_kept() {
        let payload = format!(
            r#"{{"exp":1700000060,"plan":"pro","deep":{},"n":1.5}}"#,
            nested_text(100)
        );
        let token = with_payload(&payload).unwrap();
        assert_eq!(token.claims()["plan"], "pro");
        assert_eq!(token.claims()["n"], 1.5);
        let typed = verifier()
            .verify::<Plan>(&super::token(HEADER, r#"{"exp":1700000060,"plan":"pro"}"#))
            .unwrap();
        assert_eq!(typed.claims().plan, "pro");
    }
}

mod merge {
    //! Minting and updating: non-finite floats (gap 8), deep patches (gap 9), the TTL (gap 6), the
    //! update policy; a refused update leaves the claims as they were.
    use super::*;
    use claims_jwt::claims_core::{self, update_typed_claims};

    #[derive(SessionClaims, serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
    #[claims(profile = "clerk", patch)]
    struct Scored {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        score: Option<f64>,
        #[claims(max_items = 4)]
        history: Vec<f64>,
    }

    fn scored() -> Scored {
        Scored {
            score: Some(0.5),
            history: vec![1.0, 2.0],
        }
    }

    fn minter() -> Minter<Clerk> {
        Minter::new(SigningKey::hs256(SECRET).unwrap()).with_clock(Clock::fixed(NOW))
    }

    fn verified() -> Token<Scored, Clerk> {
        let minted = minter().mint(&Payload::new(scored())).unwrap();
        Verifier::<Clerk>::new(key())
            .with_clock(Clock::fixed(NOW))
            .verify::<Scored>(minted.as_str())
            .unwrap()
    }

    fn verified_dynamic() -> Token<Dynamic, Clerk> {
        let minted = minter()
            .mint(&Payload::new(dynamic(json!({"plan": "free"}))))
            .unwrap();
        Verifier::<Clerk>::new(key())
            .with_clock(Clock::fixed(NOW))
            .verify::<Dynamic>(minted.as_str())
            .unwrap()
    }

    fn non_finite(claim: &str) -> ClaimsError {
        ClaimsError::NonFinite {
            claim: claim.into(),
        }
    }

    #[derive(serde::Serialize)]
    struct ScorePatch {
        score: f64,
    }

    #[derive(serde::Serialize)]
    struct Stats {
        best: f32,
    }

    #[derive(serde::Serialize)]
    struct StatsPatch {
        stats: Stats,
    }

    refuses! {
        mint_non_finite_nan: minter().mint(&Payload::new(Scored { score: Some(f64::NAN), ..scored() })) => == Error::Claims(non_finite("score"));
        mint_non_finite_infinity_in_a_list: minter().mint(&Payload::new(Scored { history: vec![1.0, f64::NEG_INFINITY], ..scored() })) => == Error::Claims(non_finite("history[1]"));
        reissue_typed_non_finite_nan: minter().reissue_typed(&verified(), &ScorePatch { score: f64::NAN }) => == Error::Update(non_finite("score"));
        reissue_typed_non_finite_nested: minter().reissue_typed(&verified_dynamic(), &StatsPatch { stats: Stats { best: f32::INFINITY } }) => == Error::Update(non_finite("stats.best"));
        reissue_typed_derived_patch_non_finite: minter().reissue_typed(&verified(), &ScoredPatch::new().set_score(Some(f64::NAN))) => == Error::Update(non_finite("score"));
        apply_derived_patch_non_finite: scored().apply(&ScoredPatch::new().set_score(Some(f64::NAN))) => == non_finite("score");
        apply_derived_patch_non_finite_in_a_list: scored().apply(&ScoredPatch::new().set_history(vec![f64::INFINITY])) => == non_finite("history[0]");
        update_typed_claims_non_finite_claims: update_typed_claims(&Scored { score: Some(f64::INFINITY), ..scored() }, &json!({"history": []}), &UpdatePolicy::default()) => == non_finite("score");
        ttl_over_the_clerk_lifetime: minter().with_ttl(Duration::from_secs(61)).mint(&Payload::new(scored())) => == Error::TtlTooLong { ttl: 61, max: 60 };
        ttl_over_a_configured_lifetime: Minter::<Generic>::new(SigningKey::hs256(SECRET).unwrap()).with_max_lifetime(Duration::from_secs(10)).mint(&Payload::new(Dynamic::new())) => == Error::TtlTooLong { ttl: 60, max: 10 };
        reissue_patch_not_an_object: minter().reissue(&verified_dynamic(), &json!(["plan"])) => == Error::Update(ClaimsError::NotAnObject { what: "patch", found: "array" });
        reissue_patch_setting_a_registered_claim: minter().reissue(&verified_dynamic(), &json!({"exp": 9_999_999_999_u64})) => ~ (Error::Update(ClaimsError::Reserved { claims })) if claims[0].name == "exp";
        reissue_patch_setting_a_layout_claim: minter().reissue(&verified_dynamic(), &json!({"sid": "sess_forged"})) => ~ (Error::Update(ClaimsError::Reserved { claims })) if claims[0].name == "sid";
        reissue_patch_over_the_budget: minter().reissue(&verified_dynamic(), &json!({"bio": "x".repeat(1200)})) => ~ (Error::Update(ClaimsError::OverBudget { kind: BudgetKind::CustomClaims, budget: Budget { limit: 1200, .. }, .. }));
    }

    /// Gap 9: a `Value` patch nested 10,000 levels used to overflow the stack inside `to_value`.
    #[test]
    fn a_deep_value_patch_through_reissue_typed_is_refused() {
        let token = verified_dynamic();
        for levels in [DEFAULT_MAX_DEPTH + 1, 10_000, 100_000] {
            let patch = deep_value(levels);
            let result = minter().reissue_typed(&token, &patch);
            claims_core::drop_deep(patch); // before asserting: unwinding would drop it recursively
            assert_eq!(
                result.unwrap_err(),
                Error::Update(ClaimsError::TooDeep {
                    what: "patch",
                    limit: DEFAULT_MAX_DEPTH
                })
            );
        }
        assert_eq!(token.claims()["plan"], "free");
    }

    #[test]
    fn a_deep_value_patch_through_reissue_is_refused() {
        let patch = deep_value(10_000);
        let result = minter().reissue(&verified_dynamic(), &patch);
        claims_core::drop_deep(patch);
        assert_eq!(
            result.unwrap_err(),
            Error::Update(ClaimsError::TooDeep {
                what: "patch",
                limit: DEFAULT_MAX_DEPTH
            })
        );
    }

    #[test]
    fn deep_dynamic_claims_are_refused_at_mint() {
        let mut claims = Dynamic::new();
        claims.insert("deep".into(), deep_value(10_000));
        let payload = Payload::new(claims);
        let result = minter().mint(&payload);
        claims_core::drop_deep(Value::Object(payload.custom));
        assert_eq!(
            result.unwrap_err(),
            Error::Claims(ClaimsError::TooDeep {
                what: "custom claims",
                limit: DEFAULT_MAX_DEPTH
            })
        );
    }

    #[test]
    fn finite_floats_and_shallow_patches_are_applied() {
        let token = verified();
        let reissued = minter()
            .reissue_typed(&token, &ScorePatch { score: -0.25 })
            .unwrap();
        assert_eq!(reissued.payload().custom.score, Some(-0.25));
        let patched = scored()
            .apply(&ScoredPatch::new().set_score(Some(f64::MAX)))
            .unwrap();
        assert_eq!(patched.score, Some(f64::MAX));
        let deep_enough = deep_value(DEFAULT_MAX_DEPTH - 1);
        let reissued = minter().reissue_typed(&verified_dynamic(), &deep_enough);
        claims_core::drop_deep(deep_enough);
        assert_eq!(reissued.unwrap().payload().custom["plan"], "free");
        assert_eq!(
            minter()
                .with_ttl(Duration::from_secs(60))
                .mint(&Payload::new(scored()))
                .unwrap()
                .expires_at(),
            NOW + 60
        );
    }

    #[test]
    fn a_refused_update_leaves_the_token_as_it_was() {
        let token = verified();
        let before = token.clone();
        assert_eq!(
            minter()
                .reissue_typed(&token, &ScorePatch { score: f64::NAN })
                .unwrap_err(),
            Error::Update(non_finite("score"))
        );
        let err = minter()
            .reissue(&token, &json!({"sub": "admin"}))
            .unwrap_err();
        assert!(
            matches!(&err, Error::Update(ClaimsError::Reserved { claims })
                if claims.len() == 1 && claims[0].name == "sub"),
            "{err}"
        );
        assert_eq!(token, before);
        assert_eq!(token.claims().score, Some(0.5));
    }
}

mod size {
    //! Length caps: the token, the header segment and `kid` (gap 5), the budget and the cookie at mint.
    use super::*;

    /// A header of exactly `len` base64url characters (a multiple of 4), padded with an unknown member.
    fn header_of_len(len: usize) -> String {
        let base = r#"{"alg":"HS256","typ":"JWT","pad":""}"#;
        let json_len = len / 4 * 3;
        let header = base.replace(
            r#""pad":"""#,
            &format!(r#""pad":"{}""#, "x".repeat(json_len - base.len())),
        );
        assert_eq!(b64(header.as_bytes()).len(), len);
        header
    }

    fn kid_header(kid_len: usize) -> String {
        format!(
            r#"{{"alg":"HS256","kid":"{}","typ":"JWT"}}"#,
            "k".repeat(kid_len)
        )
    }

    refuses! {
        token_over_the_cap: verify_with(&verifier(), &"x".repeat(claims_jwt::DEFAULT_MAX_TOKEN_LEN + 1)) => == Error::TooLong { len: 8193, max: 8192 };
        token_over_a_configured_cap: verify_with(&verifier().with_max_token_len(100), &token(HEADER, PAYLOAD)) => ~ (Error::TooLong { max: 100, .. });
        header_segment_over_1_kib: with_header(&header_of_len(1028)) => == Error::HeaderTooLong { len: 1028, max: 1024 };
        header_segment_over_a_configured_cap: verify_with(&verifier().with_max_header_len(35), &token(HEADER, PAYLOAD)) => == Error::HeaderTooLong { len: 36, max: 35 };
        header_segment_not_even_decoded_when_too_long: verify_with(&verifier(), &format!("{}.{}.sig", "*".repeat(1025), b64(PAYLOAD.as_bytes()))) => == Error::HeaderTooLong { len: 1025, max: 1024 };
        kid_of_4096_characters: with_header(&kid_header(4096)) => == Error::HeaderTooLong { len: 5510, max: 1024 };
        kid_of_257_bytes: with_header(&kid_header(257)) => == Error::KidTooLong { len: 257, max: 256 };
        kid_of_4096_bytes_under_a_raised_header_cap: verify_with(&verifier().with_max_header_len(8192), &token(&kid_header(4096), PAYLOAD)) => == Error::KidTooLong { len: 4096, max: 256 };
        mint_with_a_kid_over_the_verifier_cap: Minter::<Generic>::new(SigningKey::hs256(SECRET).unwrap().with_kid("k".repeat(257))).mint(&Payload::new(Dynamic::new())) => == Error::KidTooLong { len: 257, max: 256 };
        kid_too_long_before_key_lookup: verify_with(&Verifier::<Generic>::from_key_set(KeySet::new([key().with_kid("a")])).with_clock(Clock::fixed(NOW)), &token(&kid_header(300), PAYLOAD)) => == Error::KidTooLong { len: 300, max: 256 };
        custom_claims_over_the_clerk_budget: Minter::<Clerk>::new(SigningKey::hs256(SECRET).unwrap()).mint(&Payload::new(dynamic(json!({"bio": "x".repeat(1191)})))) => == Error::Claims(ClaimsError::OverBudget { kind: BudgetKind::CustomClaims, size: 1201, budget: Budget::bytes(1200) });
        token_over_the_cookie: Minter::<Generic>::new(SigningKey::hs256(SECRET).unwrap()).mint(&Payload::new(dynamic(json!({"bio": "x".repeat(4000)})))) => ~ (Error::Claims(ClaimsError::OverBudget { kind: BudgetKind::Cookie, .. }));
    }

    #[test]
    fn lengths_at_the_caps_are_accepted() {
        let header = header_of_len(1024);
        let token = with_header(&header).unwrap();
        assert_eq!(token.header().typ(), Some("JWT"));

        let kid = "k".repeat(claims_jwt::MAX_KID_LEN);
        let set = KeySet::new([key().with_kid(kid.clone())]);
        let verifier = Verifier::<Generic>::from_key_set(set).with_clock(Clock::fixed(NOW));
        let token = verify_with(&verifier, &super::token(&kid_header(256), PAYLOAD)).unwrap();
        assert_eq!(token.header().kid(), Some(kid.as_str()));
        let minted =
            Minter::<Generic>::new(SigningKey::hs256(SECRET).unwrap().with_kid(kid.clone()))
                .with_clock(Clock::fixed(NOW))
                .mint(&Payload::new(Dynamic::new()))
                .unwrap();
        let token = verify_with(&verifier, minted.as_str()).unwrap();
        assert_eq!(token.header().kid(), Some(kid.as_str()));

        let good = super::token(HEADER, PAYLOAD);
        let capped = super::verifier().with_max_token_len(good.len());
        assert_eq!(
            verify_with(&capped, &good)
                .unwrap()
                .registered()
                .sub
                .as_deref(),
            Some("user_1")
        );
    }
}
