//! The Clerk fixtures are the project's standard vectors, not a copy that can drift: each token, its
//! header and payload, and the JWK equal those of `tests/vectors/provider_examples.json`.

use serde_json::{Value, json};

use crate::support::{clerk, fixture};

/// The entry of the standard vectors whose `name` starts with `name`.
fn vector(name: &str) -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/vectors/provider_examples.json"
    );
    let text = std::fs::read_to_string(path).expect("the standard vectors are readable");
    let vectors: Value = serde_json::from_str(&text).expect("the standard vectors are JSON");
    let found: Vec<&Value> = vectors["tokens_and_claims"]
        .as_array()
        .expect("`tokens_and_claims` is an array")
        .iter()
        .filter(|entry| {
            entry["name"]
                .as_str()
                .is_some_and(|entry_name| entry_name.starts_with(name))
        })
        .collect();
    assert_eq!(found.len(), 1, "one vector named `{name}...`");
    found[0].clone()
}

#[test]
fn the_clerk_fixture_is_the_standard_vectors() {
    let clerk = clerk();
    let valid = vector("clerk mockJwt ");
    assert_eq!(clerk["token"], valid["compact"]);
    assert_eq!(clerk["header"], valid["header"]);
    assert_eq!(clerk["payload"], valid["payload"]);
    // Clerk's clock, issuer and authorized party in its own tests: the token's iat, iss and azp.
    assert_eq!(clerk["clock"], valid["payload"]["iat"]);
    assert_eq!(clerk["issuer"], valid["payload"]["iss"]);
    assert_eq!(clerk["authorized_party"], valid["payload"]["azp"]);

    let expired = vector("clerk mockExpiredJwt");
    assert_eq!(clerk["expired_token"], expired["compact"]);
    assert_eq!(clerk["expired_payload"], expired["payload"]);

    let tampered = vector("clerk mockInvalidSignatureJwt");
    assert_eq!(clerk["tampered_token"], tampered["compact"]);
    assert_eq!(tampered["expect_signature_valid"], false);

    // Nothing else in the fixture that the vectors do not vouch for.
    let mut fields: Vec<&str> = clerk
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    fields.sort_unstable();
    assert_eq!(
        fields,
        [
            "authorized_party",
            "clock",
            "expired_payload",
            "expired_token",
            "header",
            "issuer",
            "payload",
            "source",
            "tampered_token",
            "token",
        ]
    );
}

#[test]
fn the_clerk_jwks_holds_the_standard_vectors_key() {
    let text =
        std::fs::read_to_string(fixture("clerk-jwks.json")).expect("clerk-jwks.json is readable");
    let jwks: Value = serde_json::from_str(&text).expect("clerk-jwks.json is JSON");
    assert_eq!(jwks, json!({"keys": [vector("clerk mockJwt ")["jwk"]]}));
}
