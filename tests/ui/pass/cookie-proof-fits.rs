//! The largest token of these claims, in Clerk's layout at its default bounds, signed RS256 with a
//! 2048-bit key and a `kid` of up to 32 bytes, fits `__session`: 1,260 bytes of custom claims, exactly
//! the room there is (over Clerk's 1.2 KB rule of thumb).
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

const PROOF: CookieProof<AppClaims, Clerk> =
    CookieProof::new(SignatureAlg::Rsa { modulus_bits: 2048 }).kid_len(32).assert();

fn main() {
    assert_eq!(AppClaims::MAX_JSON_LEN, Some(1260));
    assert_eq!(PROOF.budget().custom_room(), Some(1260));
}
