use claims_core::SessionClaims;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
struct AppClaims {
    #[claims(max_len = 36, max_json_len = 38)]
    user_id: String,
}

fn main() {}
