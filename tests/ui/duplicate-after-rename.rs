use claims_core::SessionClaims;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct AppClaims {
    org_name: String,
    #[serde(rename = "orgName")]
    organization: String,
}

fn main() {}
