use claims_core::SessionClaims;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
struct AppClaims {
    #[serde(alias = "iss")]
    issuer_name: String,
}

fn main() {}
