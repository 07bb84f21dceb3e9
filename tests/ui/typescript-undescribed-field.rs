use claims_core::SessionClaims;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(typescript)]
struct AppClaims {
    plan: String,
    ip: std::net::Ipv4Addr,
}

fn main() {}
