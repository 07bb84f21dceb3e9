use claims_core::SessionClaims;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(profile = "auth0")]
struct AppClaims {
    name: String,
}

fn main() {}
