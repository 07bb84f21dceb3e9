use claims_core::SessionClaims;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(max_len = 64)]
struct AppClaims {
    name: String,
}

fn main() {}
