//! Quickstart: what claims-core does for a Clerk-style session token.
//!
//! Run with `cargo run --example quickstart`.

use claims_core::size::{CookieSpec, SignatureAlg, json_len};
use claims_core::{ClaimsError, Profile, ReservedNames, SizeReport, UpdatePolicy, update_claims};
use serde_json::{Value, json};

fn main() -> Result<(), ClaimsError> {
    // Clerk's default v2 claims plus the application's custom claims, flat in one payload.
    let payload = json!({
        "azp": "https://app.example.com",
        "exp": 1_764_000_060,
        "fva": [0, -1],
        "iat": 1_764_000_000,
        "iss": "https://clerk.example.com",
        "jti": "2f1a9c7e4b3d8a6f5e0c",
        "nbf": 1_763_999_990,
        "sid": "sess_2pJ8kQ3vX9mN4rT6yW1zB5cD7fG",
        "sub": "user_2pJ8kQ3vX9mN4rT6yW1zB5cD7fH",
        "v": 2,
        "fullName": "Ada Lovelace",
        "primaryEmail": "ada@example.com",
        "roles": ["admin", "billing"],
        "tenant": 42
    });

    let clerk = ReservedNames::from_profiles(&[&Profile::CLERK]);
    let header = r#"{"alg":"RS256","kid":"ins_2pJ8kQ3vX9mN4rT6yW1zB5cD7fGx","typ":"JWT"}"#;
    let report = SizeReport::from_claims(&payload, &clerk)?.with_token(
        header.len(),
        SignatureAlg::Rsa { modulus_bits: 2048 },
        CookieSpec::session(),
    );
    println!("Size report for a Clerk session token (RS256, 2048-bit key, `__session` cookie):\n");
    println!("{report}");

    // Updating custom claims the way Stytch does (RFC 7396), with Clerk's reserved names and budget.
    let mut custom = json!({
        "fullName": "Ada Lovelace",
        "primaryEmail": "ada@example.com",
        "roles": ["admin", "billing"],
        "tenant": 42
    })
    .as_object()
    .cloned()
    .unwrap_or_default();
    let policy = UpdatePolicy::new(clerk);

    let refused = json!({"roles": ["owner"], "sid": "sess_forged"});
    match update_claims(&mut custom, &refused, &policy) {
        Err(err) => println!("refused update {refused}:\n  {err}\n"),
        Ok(()) => println!("unexpectedly accepted {refused}"),
    }

    let patch = json!({"roles": ["owner"], "tenant": null, "plan": {"tier": "pro"}});
    update_claims(&mut custom, &patch, &policy)?;
    let custom = Value::Object(custom);
    println!(
        "after {patch}:\n  {custom} ({} bytes of the 1200-byte budget)",
        json_len(&custom)?
    );
    Ok(())
}
