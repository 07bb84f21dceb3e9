use claims_core::SessionClaims;

#[derive(serde::Serialize, serde::Deserialize)]
struct Org {
    org_name: String,
}

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
struct AppClaims {
    name: String,
    #[serde(flatten)]
    org: Org,
}

fn main() {}
