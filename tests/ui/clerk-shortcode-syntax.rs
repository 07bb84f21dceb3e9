use claims_core::SessionClaims;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(profile = "clerk", typescript)]
#[serde(rename_all = "camelCase")]
struct AppClaims {
    #[claims(clerk = "{{usr.full_name}}")]
    full_name: String,
    #[claims(clerk = "{{user.primary_email_address")]
    email: String,
    #[claims(clerk = "admin")]
    role: String,
    #[claims(clerk = "{{'free' || user.public_metadata.plan}}")]
    plan: String,
}

fn main() {}
