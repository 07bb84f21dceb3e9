use claims_core::SessionClaims;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(profile = "clerk", reserve = "tenant_id")]
struct AppClaims {
    tenant_id: u64,
}

fn main() {}
