use claims_core::SessionClaims;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
struct AppClaims {
    #[claims(max_lenght = 64)]
    name: String,
}

fn main() {}
