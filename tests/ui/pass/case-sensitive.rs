//! Claim names are case-sensitive (RFC 7519 §4): `SUB` is not `sub`, `Exp` is not `exp`.
use claims_core::SessionClaims;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(profile = "clerk", profile = "rfc7519")]
struct AppClaims {
    #[serde(rename = "SUB")]
    #[claims(max_len = 16)]
    subject: String,
    #[serde(rename = "Exp")]
    expiry: u64,
    #[serde(alias = "SID")]
    #[claims(max_len = 16)]
    session: String,
    // `cognito:` is only a prefix under the cognito profile
    #[serde(rename = "cognito:plan")]
    #[claims(max_len = 16)]
    plan: String,
}

fn main() {
    assert_eq!(AppClaims::CLAIM_NAMES, ["SUB", "Exp", "session", "SID", "cognito:plan"]);
}
