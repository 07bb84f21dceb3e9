use claims_core::SessionClaims;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(profile = "clerk")]
struct AppClaims {
    #[claims(max_len = 64)]
    sid: String,
}

fn main() {}
