use claims_core::SessionClaims;

// Every limit is declared, but `max_items × max_len` overflows a `usize`: the message must say so, not ask
// for a limit that is already there.
#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(max_size = 1200)]
struct AppClaims {
    #[claims(max_items = 18446744073709551615, max_len = 32)]
    roles: Vec<String>,
}

fn main() {}
