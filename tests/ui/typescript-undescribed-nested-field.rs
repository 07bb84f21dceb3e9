use claims_core::SessionClaims;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(profile = "none")]
struct Device {
    ip: std::net::Ipv4Addr,
}

// `Device` alone is fine (it has no `typescript`); declaring it inside these claims is not.
#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(typescript)]
struct AppClaims {
    devices: Vec<Device>,
}

fn main() {}
