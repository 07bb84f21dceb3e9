use claims_core::SessionClaims;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(profile = "firebase")]
struct AppClaims {
    auth_time: u64,
}

fn main() {}
