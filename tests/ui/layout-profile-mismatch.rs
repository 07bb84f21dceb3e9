// Claims derived for the default profile (`rfc7519`) used with the Clerk layout: a trait bound of `mint`
// and `verify`, so `cargo check` reports it, naming the profile to add.
use claims_jwt::{Clerk, Minter, Payload, SessionClaims, SigningKey, Verifier};

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
struct AppClaims {
    #[claims(max_len = 64)]
    full_name: String,
}

fn main() {
    let key = SigningKey::hs256(b"0123456789abcdef0123456789abcdef").unwrap();
    let claims = AppClaims { full_name: "Ada".into() };
    let _ = Minter::<Clerk>::new(key.clone()).mint(&Payload::new(claims));
    let _ = Verifier::<Clerk>::new(key.verifying_key()).verify::<AppClaims>("a.b.c");
}
