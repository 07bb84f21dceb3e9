//! An application that depends on claims-jwt alone reaches the derive through its re-exports.
use claims_jwt::SessionClaims;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(crate = "claims_jwt::claims_core", profile = "clerk", max_size = 1200)]
struct AppClaims {
    #[claims(max_len = 64)]
    name: String,
}

fn main() {
    assert_eq!(AppClaims::CLAIM_NAMES, ["name"]);
    assert_eq!(AppClaims::MAX_JSON_LEN, Some(75));
}
