//! The claims of `pass/cookie-proof-fits.rs` fit `__session` with HS256, but not with a 4096-bit RSA
//! key, whose signature takes 683 characters instead of 43.
use claims_core::SessionClaims;
use claims_core::size::SignatureAlg;
use claims_jwt::{Clerk, CookieProof};

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(profile = "clerk")]
#[serde(rename_all = "camelCase")]
struct AppClaims {
    #[claims(max_len = 64)]
    full_name: String,
    #[claims(max_len = 254)]
    primary_email: String,
    #[claims(max_items = 24, max_len = 32)]
    roles: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tenant: Option<u64>,
    #[claims(max_len = 17)]
    locale: String,
}

const _: CookieProof<AppClaims, Clerk> = CookieProof::new(SignatureAlg::Hs256).kid_len(32).assert();

const _: CookieProof<AppClaims, Clerk> =
    CookieProof::new(SignatureAlg::Rsa { modulus_bits: 4096 }).kid_len(32).assert();

fn main() {}
