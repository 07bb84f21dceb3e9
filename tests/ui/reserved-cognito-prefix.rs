use claims_core::SessionClaims;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(profile = "cognito")]
struct AppClaims {
    #[serde(rename = "cognito:groups")]
    groups: Vec<String>,
}

fn main() {}
