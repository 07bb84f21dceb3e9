use claims_core::SessionClaims;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(profile = "none", profile = "clerk")]
struct Org {
    #[claims(max_len = 32)]
    name: String,
}

fn main() {}
