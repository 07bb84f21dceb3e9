use claims_core::SessionClaims;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
struct AppClaims {
    inner: std::collections::BTreeMap<String, String>,
}

fn main() {}
