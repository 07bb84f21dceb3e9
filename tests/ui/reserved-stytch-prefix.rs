use claims_core::SessionClaims;

// Scheme and host of a URL-shaped prefix match without regard to case.
#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(profile = "stytch")]
struct AppClaims {
    #[serde(rename = "HTTPS://Stytch.com/plan")]
    plan: String,
}

fn main() {}
