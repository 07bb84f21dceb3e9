use claims_core::SessionClaims;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
enum AppClaims {
    Admin { name: String },
    Guest,
}

fn main() {}
