use claims_core::SessionClaims;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
struct AppClaims {
    #[claims(max_len = 8)]
    tenant: u64,
}

fn main() {}
