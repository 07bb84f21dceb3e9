use claims_core::SessionClaims;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(crate = "claims core")]
struct AppClaims {
    name: String,
}

fn main() {}
