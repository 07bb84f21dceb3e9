use claims_core::SessionClaims;

// The name read counts as much as the name written.
#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
struct AppClaims {
    #[serde(rename(serialize = "subject", deserialize = "sub"))]
    subject: String,
}

fn main() {}
