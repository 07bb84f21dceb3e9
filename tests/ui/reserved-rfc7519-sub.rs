use claims_core::SessionClaims;

// No profile given: the registered claims of RFC 7519 are reserved.
#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
struct AppClaims {
    sub: String,
}

fn main() {}
