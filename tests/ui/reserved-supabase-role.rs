use claims_core::SessionClaims;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(profile = "supabase")]
struct AppClaims {
    role: String,
}

fn main() {}
