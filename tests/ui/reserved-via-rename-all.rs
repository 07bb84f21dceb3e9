use claims_core::SessionClaims;

// camelCase drops the underscore: `iat_` is written as `iat`.
#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct AppClaims {
    issued: u64,
    iat_: u64,
}

fn main() {}
