// The exception to one mistake per file: every mistake below is reported by the same compile.
use claims_core::SessionClaims;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(profile = "clerk", profile = "okta", max_size = "big")]
struct AppClaims {
    #[claims(max_len = 64, max_len = 32)]
    sid: String,
    #[claims(max_itmes = 3)]
    #[serde(alias = "sub")]
    roles: Vec<String>,
}

fn main() {}
