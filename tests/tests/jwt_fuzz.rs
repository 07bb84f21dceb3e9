//! Property tests: no input panics the verifier, and mint-then-verify is the identity on custom claims,
//! with the exact length computed before signing.

use claims_jwt::{
    ClaimsError, Clerk, Clock, Error, Generic, Layout, Minter, Payload, SigningKey, Stytch,
    Verifier, VerifyingKey,
};
use claims_tests::{Dynamic, NOW, SECRET, b64, signed};
use proptest::prelude::*;
use serde_json::Value;

fn verify_all(token: &str) {
    fn one<L: Layout>(token: &str) {
        let verifier =
            Verifier::<L>::new(VerifyingKey::hs256(SECRET).unwrap()).with_clock(Clock::fixed(NOW));
        let _ = verifier.verify::<Dynamic>(token);
        let _ = verifier.verify_signature(token);
        let _ = Payload::<Dynamic, L>::from_json(token.as_bytes());
    }
    one::<Generic>(token);
    one::<Clerk>(token);
    one::<Stytch>(token);
}

/// Any JSON, floats included: the workspace's `serde_json` reads back exactly the float it wrote (its
/// `float_roundtrip` feature), so identity laws hold for them too.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(".{0,6}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Names that no layout owns and no profile reserves: four or more characters, no `https://stytch.com/`.
fn custom_claims() -> impl Strategy<Value = Dynamic> {
    prop::collection::btree_map("[a-z_][a-zA-Z0-9_\\-]{3,10}", json_value(), 0..8)
        .prop_map(|m| m.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_strings_never_panic(token in ".{0,200}") {
        verify_all(&token);
    }

    #[test]
    fn arbitrary_segments_never_panic(
        header in prop::collection::vec(any::<u8>(), 0..64),
        payload in prop::collection::vec(any::<u8>(), 0..128),
        signature in prop::collection::vec(any::<u8>(), 0..64),
    ) {
        verify_all(&format!("{}.{}.{}", b64(&header), b64(&payload), b64(&signature)));
    }

    #[test]
    fn signed_arbitrary_payloads_never_panic(payload in prop::collection::vec(any::<u8>(), 0..256)) {
        verify_all(&signed(br#"{"alg":"HS256","typ":"JWT"}"#, &payload));
    }

    #[test]
    fn signed_arbitrary_json_is_accepted_or_refused_never_panics(value in json_value()) {
        let payload = serde_json::to_vec(&value).unwrap();
        verify_all(&signed(br#"{"alg":"HS256","typ":"JWT"}"#, &payload));
    }

    #[test]
    fn mint_then_verify_is_the_identity_with_the_exact_length(claims in custom_claims(), sub in "[a-z0-9_]{1,20}") {
        let key = SigningKey::hs256(SECRET).unwrap();
        let minted = Minter::<Clerk>::new(key.clone()).without_budget().with_clock(Clock::fixed(NOW))
            .mint(&Payload::new(claims.clone()).with_subject(sub.clone()));
        let minted = match minted {
            Ok(minted) => minted,
            // Only the cookie limit may refuse these claims.
            Err(Error::Claims(claims_jwt::ClaimsError::OverBudget { .. })) => return Ok(()),
            Err(err) => return Err(TestCaseError::fail(format!("unexpected refusal: {err}"))),
        };
        let report = minted.size_report().unwrap();
        prop_assert_eq!(report.token_len(), Some(minted.len()));
        let token = Verifier::<Clerk>::new(key.verifying_key()).with_clock(Clock::fixed(NOW))
            .verify::<Dynamic>(minted.as_str()).unwrap();
        prop_assert_eq!(token.claims(), &claims);
        prop_assert_eq!(token.registered().sub.as_deref(), Some(sub.as_str()));
    }

    #[test]
    fn a_duplicated_name_is_always_refused(claims in custom_claims(), pick in any::<prop::sample::Index>()) {
        prop_assume!(!claims.is_empty());
        let name = claims.keys().nth(pick.index(claims.len())).unwrap().clone();
        let mut text = serde_json::to_string(&claims).unwrap();
        text.pop(); // `}`
        text = format!("{text},{}:1,\"exp\":1700000001}}", serde_json::to_string(&name).unwrap());
        let verifier = Verifier::<Generic>::new(VerifyingKey::hs256(SECRET).unwrap()).with_clock(Clock::fixed(NOW));
        let err = verifier.verify::<Dynamic>(&signed(br#"{"alg":"HS256","typ":"JWT"}"#, text.as_bytes())).unwrap_err();
        prop_assert_eq!(err, Error::InvalidPayload(ClaimsError::DuplicateClaim { name }));
    }
}
