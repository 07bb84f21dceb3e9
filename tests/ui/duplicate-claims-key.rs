use claims_core::SessionClaims;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
struct AppClaims {
    #[claims(max_len = 64, max_len = 32)]
    name: String,
}

fn main() {}
