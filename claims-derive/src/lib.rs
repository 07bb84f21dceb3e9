//! `#[derive(SessionClaims)]` (work in progress).
use proc_macro::TokenStream;

/// Derives `claims_core::SessionClaims`.
#[proc_macro_derive(SessionClaims, attributes(claims))]
pub fn derive_session_claims(input: TokenStream) -> TokenStream {
    let _ = input;
    TokenStream::new()
}
