use claims_core::SessionClaims;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(patch)]
struct AppClaims {
    #[claims(max_len = 64)]
    name: String,
    #[claims(max_len = 64)]
    nickname: Option<String>,
}

fn main() {
    // `nickname` may be absent, so it can be removed; `name` can't.
    let _ = AppClaimsPatch::new().remove_nickname();
    let _ = AppClaimsPatch::new().remove_name();
}
