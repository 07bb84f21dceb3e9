use claims_core::SessionClaims;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
struct AppClaims {
    #[serde(rename = "exp")]
    expires: u64,
}

fn main() {}
