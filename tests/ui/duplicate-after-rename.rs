use claims_core::SessionClaims;

// Both fields would be written as `orgName`: the token would carry the claim twice.
#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct AppClaims {
    org_name: String,
    #[serde(rename(serialize = "orgName"))]
    organization: String,
}

fn main() {}
