use claims_core::SessionClaims;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
struct Org {
    #[claims(max_len = 16)]
    id: String,
}

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(patch)]
struct AppClaims {
    #[claims(nested)]
    org: Org,
}

fn main() {}
