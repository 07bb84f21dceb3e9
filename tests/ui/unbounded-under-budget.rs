use claims_core::SessionClaims;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(max_size = 1200)]
struct AppClaims {
    #[claims(max_len = 64)]
    name: String,
    #[claims(max_len = 32)]
    roles: Vec<String>,
}

fn main() {}
