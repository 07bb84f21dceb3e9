use claims_core::SessionClaims;

// Each field's bound fits a `usize`, their sum does not: the type must still be refused under `max_size`.
#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(max_size = 1200)]
struct AppClaims {
    #[claims(max_json_len = 18446744073709551000)]
    avatar: String,
    #[claims(max_json_len = 18446744073709551000)]
    banner: String,
}

fn main() {}
