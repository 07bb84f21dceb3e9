use claims_core::SessionClaims;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(reserve_prefix = "internal_")]
struct AppClaims {
    internal_flags: u32,
}

fn main() {}
