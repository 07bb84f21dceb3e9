use claims_core::SessionClaims;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(patch)]
struct AppClaims {
    #[claims(max_len = 64)]
    name: String,
    #[serde(skip)]
    cache: u64,
}

fn main() {}
