use claims_core::SessionClaims;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
struct AppClaims(String, u64);

fn main() {}
