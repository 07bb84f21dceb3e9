// The derive's fallback: a struct with several mistakes gets exactly those errors. The stub impls written
// beside them keep every use of the type (as claims, in a bound, with a layout) from adding any of its own.
use claims_jwt::{Clerk, Minter, Payload, SessionClaims, SigningKey};

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(profile = "clerk", max_size = "big")]
struct AppClaims {
    #[claims(max_lenght = 64)]
    sid: String,
    #[serde(rename = "sub")]
    user: String,
}

fn needs_claims<C: SessionClaims>() -> Option<usize> {
    C::MAX_JSON_LEN
}

fn main() {
    let _ = needs_claims::<AppClaims>();
    let claims = AppClaims { sid: "s".into(), user: "u".into() };
    let _ = claims.check_bounds();
    let key = SigningKey::hs256(b"0123456789abcdef0123456789abcdef").unwrap();
    let _ = Minter::<Clerk>::new(key).mint(&Payload::new(claims));
}
