use claims_core::SessionClaims;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(profile = "clerk")]
struct AppClaims {
    #[claims(max_len = 64)]
    sid: String,
}

// The error is the only one: a stub impl keeps the uses below from failing too.
fn main() {
    let _ = AppClaims::CLAIM_NAMES;
    let _ = <AppClaims as SessionClaims>::MAX_JSON_LEN;
}
