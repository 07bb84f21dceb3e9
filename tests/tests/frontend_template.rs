//! The Clerk claims template round trip: a token whose payload has the template's keys, filled the way
//! Clerk fills shortcodes from a user, verifies into the struct the template came from.

use claims_core::frontend::ClerkFrontend;
use claims_core::{ClaimsError, SessionClaims};
use claims_jwt::{Clerk, Clock, Error, Verifier, VerifyingKey};
use claims_tests::frontend::{AppClaims, EveryShape, Org};
use claims_tests::{NOW, SECRET, signed};
use serde_json::{Map, Value, json};

/// Fills a claims template as Clerk does: a value that is one `{{expression}}` takes the JSON value it
/// names (an object stays an object, a number a number), text around shortcodes makes a string; in an
/// expression `a || b` the first operand that is set wins, and a quoted operand is a literal.
fn fill(template: &str, data: &Value) -> Map<String, Value> {
    let template: Map<String, Value> =
        serde_json::from_str(template).expect("the template is JSON");
    template
        .into_iter()
        .map(|(claim, value)| {
            let text = value.as_str().expect("template values are strings");
            (claim, fill_value(text, data))
        })
        .collect()
}

fn fill_value(text: &str, data: &Value) -> Value {
    if let Some(inner) = text.strip_prefix("{{").and_then(|t| t.strip_suffix("}}"))
        && !inner.contains("{{")
    {
        return evaluate(inner, data);
    }
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        out.push_str(&rest[..open]);
        let close = rest[open..].find("}}").expect("checked at compile time") + open;
        match evaluate(&rest[open + 2..close], data) {
            Value::String(s) => out.push_str(&s),
            Value::Null => {}
            other => out.push_str(&other.to_string()),
        }
        rest = &rest[close + 2..];
    }
    out.push_str(rest);
    Value::String(out)
}

fn evaluate(expression: &str, data: &Value) -> Value {
    for operand in expression.split("||").map(str::trim) {
        let value = if let Some(literal) = operand
            .strip_prefix('\'')
            .and_then(|o| o.strip_suffix('\''))
        {
            Value::String(literal.to_owned())
        } else {
            operand
                .split('.')
                .try_fold(data, |value, key| value.get(key))
                .cloned()
                .unwrap_or(Value::Null)
        };
        let set = match &value {
            Value::Null => false,
            Value::String(s) => !s.is_empty(),
            _ => true,
        };
        if set {
            return value;
        }
    }
    Value::Null
}

/// A Clerk session token: the default claims around the filled template, HS256-signed.
fn clerk_token(custom: &Map<String, Value>) -> String {
    let mut payload = json!({
        "sub": "user_2pJ8kQ3vX9mN4rT6yW1zB5cD7fH", "sid": "sess_2pJ8kQ3vX9mN4rT6yW1zB5cD7fG",
        "iat": NOW, "nbf": NOW - 10, "exp": NOW + 60, "v": 2,
    });
    payload
        .as_object_mut()
        .expect("an object")
        .extend(custom.clone());
    signed(
        br#"{"alg":"HS256","typ":"JWT","kid":"ins_test"}"#,
        payload.to_string().as_bytes(),
    )
}

fn verifier() -> Verifier<Clerk> {
    Verifier::<Clerk>::new(VerifyingKey::hs256(SECRET).unwrap()).with_clock(Clock::fixed(NOW))
}

fn ada() -> Value {
    json!({
        "user": {
            "id": "user_2pJ8kQ3vX9mN4rT6yW1zB5cD7fH",
            "full_name": "Ada Lovelace",
            "first_name": "Ada",
            "username": "ada",
            "primary_email_address": "ada@example.com",
            "email_verified": true,
            "public_metadata": {"roles": ["admin", "billing"], "tenant": 42},
        },
        "org_membership": {"role": "admin"},
    })
}

#[test]
fn a_token_filled_from_the_readme_template_verifies_into_the_struct() {
    let custom = fill(&AppClaims::claims_template(), &ada());
    assert_eq!(
        Value::Object(custom.clone()),
        json!({"fullName": "Ada Lovelace", "primaryEmail": "ada@example.com", "roles": ["admin", "billing"], "tenant": 42})
    );
    let token = verifier()
        .verify::<AppClaims>(&clerk_token(&custom))
        .unwrap();
    assert_eq!(
        token.claims(),
        &AppClaims {
            full_name: "Ada Lovelace".into(),
            primary_email: "ada@example.com".into(),
            roles: vec!["admin".into(), "billing".into()],
            tenant: Some(42),
        }
    );
    assert_eq!(
        token.layout().sid.as_deref(),
        Some("sess_2pJ8kQ3vX9mN4rT6yW1zB5cD7fG")
    );
}

#[test]
fn an_optional_claim_clerk_fills_with_null_verifies_as_none() {
    let mut user = ada();
    user["user"]["public_metadata"] = json!({"roles": []});
    let custom = fill(&AppClaims::claims_template(), &user);
    assert_eq!(custom["tenant"], Value::Null);
    let token = verifier()
        .verify::<AppClaims>(&clerk_token(&custom))
        .unwrap();
    assert_eq!(
        (token.claims().tenant, token.claims().roles.len()),
        (None, 0)
    );
}

#[test]
fn a_required_claim_missing_from_the_token_is_refused() {
    // The control: a template that lacks a required claim's shortcode makes tokens that don't verify.
    let mut custom = fill(&AppClaims::claims_template(), &ada());
    custom.remove("primaryEmail");
    let err = verifier()
        .verify::<AppClaims>(&clerk_token(&custom))
        .unwrap_err();
    assert!(
        matches!(err, Error::InvalidPayload(ClaimsError::Json { ref message }) if message.contains("missing field `primaryEmail`")),
        "{err:?}"
    );
}

#[test]
fn a_token_filled_from_the_every_shape_template_verifies_into_the_struct() {
    let mut user = ada();
    user["user"]["public_metadata"] = json!({
        "small": 7, "signed": -3, "ratio": 0.5, "big": 9_007_199_254_740_993_u64, "huge": -12,
        "initial": "A", "tags": ["beta"], "level": 3, "visits": 12, "scores": [1, 2, 3],
        "tenant_ids": [9, 4], "perms": {"docs": ["read"]}, "flags": {"new_ui": true},
        "org": {"name": "Acme"}, "orgs": [{"name": "Acme", "slug": "acme"}], "backup_org": null,
    });
    let custom = fill(&EveryShape::claims_template(), &user);
    // `{{user.first_name || user.username}}` takes the first name; `plan` falls back to its literal.
    assert_eq!(
        (&custom["displayName"], &custom["plan"]),
        (&json!("Ada"), &json!("free"))
    );
    let token = verifier()
        .verify::<EveryShape>(&clerk_token(&custom))
        .unwrap();
    let claims = token.claims();
    assert_eq!(claims.display_name, "Ada");
    assert_eq!(claims.email, "ada@example.com");
    assert_eq!((claims.small, claims.signed, claims.ratio), (7, -3, 0.5));
    // Exact here; a JavaScript number would hold 9007199254740992 (the declaration's comment says so).
    assert_eq!((claims.big, claims.huge), (9_007_199_254_740_993, -12));
    assert_eq!((claims.verified, claims.initial), (true, 'A'));
    assert_eq!(claims.nickname.as_deref(), Some("ada"));
    assert_eq!(claims.plan.as_deref(), Some("free"));
    assert_eq!(
        (claims.tags.as_slice(), claims.level),
        (&["beta".to_owned()][..], Some(Some(3)))
    );
    assert_eq!((claims.visits, claims.scores), (12, [1, 2, 3]));
    assert_eq!(
        claims.tenant_ids.iter().copied().collect::<Vec<_>>(),
        [4, 9]
    );
    assert_eq!(claims.perms["docs"], ["read"]);
    assert_eq!(claims.flags.get("new_ui"), Some(&true));
    assert_eq!(
        claims.org,
        Org {
            name: "Acme".into(),
            slug: None
        }
    );
    assert_eq!(
        claims.orgs,
        [Org {
            name: "Acme".into(),
            slug: Some("acme".into())
        }]
    );
    assert_eq!(claims.backup_org, None);
    assert_eq!(claims.metadata["visits"], 12);
    assert_eq!((claims.role.as_str(), claims.cache), ("admin", 0));
}

#[test]
fn the_every_shape_template_names_every_written_claim_once() {
    // `clerk_template = "complete"`: every claim the struct writes has a shortcode.
    let template: Map<String, Value> =
        serde_json::from_str(&EveryShape::claims_template()).unwrap();
    let keys: Vec<&str> = template.keys().map(String::as_str).collect();
    let mut written: Vec<&str> = EveryShape::CLAIM_NAMES.to_vec();
    written.sort_unstable();
    assert_eq!(keys, written);
}
