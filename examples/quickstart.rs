//! Quickstart: a Clerk-style session token with typed custom claims, from sign-in to update.
//!
//! Mints a token for a derived claims struct, verifies it, updates its claims with a typed patch (and
//! shows an update and a mint being refused), re-verifies the new token, and prints its size report.
//!
//! Run with `cargo run --example quickstart`. To look inside any token the way a debugger would, with or
//! without its key, use the `claims` command line: `cargo run -p claims-cli -- inspect TOKEN`.

use std::time::Duration;

use claims_jwt::claims_core::size::CookieSpec;
use claims_jwt::{
    Algorithm, Clerk, Clock, Error, Minter, Payload, SessionClaims, SigningKey, Verifier,
    VerifyingKey,
};
use serde_json::json;

/// The application's custom claims: checked against Clerk's reserved names and its 1,200-byte budget
/// when this compiles, and bound-checked at run time before every mint.
#[derive(SessionClaims, serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
#[claims(profile = "clerk", max_size = 1200, patch)]
#[serde(rename_all = "camelCase")]
struct AppClaims {
    #[claims(max_len = 64)]
    full_name: String,
    #[claims(max_len = 254)]
    primary_email: String,
    #[claims(max_items = 8, max_len = 32)]
    roles: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tenant: Option<u64>,
}

// A test key pair (never use it for anything real): Clerk signs session tokens with RS256.
const PRIVATE_PEM: &[u8] = include_bytes!("../claims-jwt/tests/keys/rsa2048.pem");
const PUBLIC_PEM: &[u8] = include_bytes!("../claims-jwt/tests/keys/rsa2048.pub.pem");
const ISSUER: &str = "https://clerk.example.com";
const APP: &str = "https://app.example.com";

fn main() -> Result<(), Error> {
    // Keys are parsed once; the signing key knows its exact signature length (2048-bit RSA: 256 bytes).
    let signing = SigningKey::from_rsa_pem(Algorithm::RS256, PRIVATE_PEM)?
        .with_kid("ins_2pJ8kQ3vX9mN4rT6yW1zB5cD7fG");
    let minter = Minter::<Clerk>::new(signing)
        .with_issuer(ISSUER)
        .with_ttl(Duration::from_secs(60))
        .with_not_before_skew(Duration::from_secs(10))
        .with_clock(Clock::system());
    let verifier =
        Verifier::<Clerk>::new(VerifyingKey::from_rsa_pem(Algorithm::RS256, PUBLIC_PEM)?)
            .with_issuer(ISSUER)
            .with_authorized_party(APP);

    // Sign-in: mint a token for the user's session.
    let claims = AppClaims {
        full_name: "Ada Lovelace".into(),
        primary_email: "ada@example.com".into(),
        roles: vec!["admin".into(), "billing".into()],
        tenant: Some(42),
    };
    let session = Clerk {
        azp: Some(APP.into()),
        sid: Some("sess_2pJ8kQ3vX9mN4rT6yW1zB5cD7fH".into()),
        v: Some(2),
        fva: Some([0, -1]),
        ..Clerk::default()
    };
    let issued = minter.mint(
        &Payload::new(claims)
            .with_subject("user_2pJ8kQ3vX9mN4rT6yW1zB5cD7fJ")
            .with_layout(session),
    )?;
    println!(
        "minted a {}-character token ({} bytes in the `__session` cookie)",
        issued.len(),
        issued.cookie_len()
    );

    // Every request: verify in one pass, get the typed claims back.
    let token = verifier.verify::<AppClaims>(issued.as_str())?;
    println!(
        "verified {} (session {}): {:?}\n",
        token.registered().sub.as_deref().unwrap_or("?"),
        token.layout().sid.as_deref().unwrap_or("?"),
        token.claims()
    );

    // A patch that would overwrite a claim Clerk sets itself is refused; nothing is minted.
    let forged = json!({"roles": ["owner"], "sid": "sess_forged"});
    match minter.reissue(&token, &forged) {
        Err(err) => println!(
            "refused update {forged} (HTTP {}):\n  {err}\n",
            err.status()
        ),
        Ok(_) => println!("unexpectedly accepted {forged}\n"),
    }

    // Claims change: a typed patch (RFC 7396 underneath) is merged under Clerk's policy and re-minted.
    let patch = AppClaimsPatch::new()
        .set_roles(vec!["owner".into()])
        .remove_tenant();
    let reissued = minter.reissue_typed(&token, &patch)?;
    let updated = verifier.verify::<AppClaims>(reissued.minted().as_str())?;
    println!(
        "after {}:\n  re-verified: {:?}\n",
        serde_json::to_string(&patch).unwrap_or_default(),
        updated.claims()
    );

    // Where the bytes go, exactly, against Clerk's 1,200-byte budget and the 4,096-byte cookie.
    println!("{}", reissued.minted().size_report()?);

    // A token the browser would drop is an error naming the budget and the overflow, not a lost cookie:
    // here, the same claims against a cookie limited to 768 bytes (its name, `=` and the token).
    let small_cookie = minter.with_cookie(CookieSpec::session().with_limit(768));
    match small_cookie.refresh(&updated) {
        Err(err) => println!("refused mint (HTTP {}):\n  {err}", err.status()),
        Ok(issued) => println!("unexpectedly issued {} characters", issued.len()),
    }

    println!(
        "\nthe reissued token, verified, claim by claim:\n  cargo run -p claims-cli -- inspect {} --pem \
         claims-jwt/tests/keys/rsa2048.pub.pem",
        reissued.minted().as_str()
    );
    Ok(())
}
