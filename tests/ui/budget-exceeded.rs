use claims_core::SessionClaims;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(profile = "clerk", max_size = 1200)]
#[serde(rename_all = "camelCase")]
struct AppClaims {
    #[claims(max_len = 64)]
    full_name: String,
    #[claims(max_len = 254)]
    primary_email: String,
    #[claims(max_items = 32, max_len = 32)]
    roles: Vec<String>,
}

fn main() {}
