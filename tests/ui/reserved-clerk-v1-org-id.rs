use claims_core::SessionClaims;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(profile = "clerk-v1")]
struct AppClaims {
    org_id: String,
}

fn main() {}
