//! An application that depends on claims-jwt alone reaches the derive through its re-exports, and writes
//! no `#[claims(crate = ...)]`: the derive re-exported by claims-jwt finds claims-core through it.
use claims_jwt::{Clerk, Minter, Payload, SessionClaims, SigningKey, Verifier};

#[derive(SessionClaims, serde::Serialize, serde::Deserialize, Debug, PartialEq)]
#[claims(profile = "clerk", max_size = 1200, patch)]
struct AppClaims {
    #[claims(max_len = 64)]
    name: String,
}

fn main() {
    assert_eq!(AppClaims::CLAIM_NAMES, ["name"]);
    assert_eq!(AppClaims::MAX_JSON_LEN, Some(75));

    let key = SigningKey::hs256(b"0123456789abcdef0123456789abcdef").unwrap();
    let claims = AppClaims { name: "Ada".into() };
    let minted = Minter::<Clerk>::new(key.clone()).mint(&Payload::new(claims)).unwrap();
    let token = Verifier::<Clerk>::new(key.verifying_key()).verify::<AppClaims>(minted.as_str()).unwrap();
    let renamed = token.claims().apply(&AppClaimsPatch::new().set_name("Ada L.".into())).unwrap();
    assert_eq!(renamed, AppClaims { name: "Ada L.".into() });
}
