//! `#[derive(SessionClaims)]`: custom session-token claims whose names and size are checked at compile time.
//!
//! Use it through `claims_core`, which re-exports it beside the trait of the same name (default `derive`
//! feature); the attributes, the generated items and the guarantees are documented on
//! [`derive@SessionClaims`].
//!
//! The derive is a pipeline, one file per phase: `attr` reads attributes, `case` holds serde's rename
//! rules, `ast` is a borrowed view of the input, `check` judges it, `expand` writes the tokens, and
//! `fallback` writes the errors with a stub impl. Beside them, `typescript` describes the struct to
//! TypeScript and `template` reads Clerk shortcodes: each checks its own attributes and writes its own
//! impls.

mod ast;
mod attr;
mod case;
mod check;
mod expand;
mod fallback;
mod template;
mod typescript;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

#[doc = include_str!("derive.md")]
#[proc_macro_derive(SessionClaims, attributes(claims))]
pub fn derive_session_claims(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    derive(&input).into()
}

fn derive(input: &DeriveInput) -> proc_macro2::TokenStream {
    let mut errors = attr::Errors::default();
    let parsed = ast::Input::from_syn(input, &mut errors);
    if let Some(parsed) = &parsed {
        check::check(parsed, &mut errors);
        typescript::check(parsed, &mut errors);
        template::check(parsed, &mut errors);
    }
    match (parsed, errors.finish()) {
        (Some(parsed), None) => {
            let mut out = expand::expand(&parsed);
            out.extend(typescript::expand(&parsed));
            out
        }
        (parsed, Some(error)) => {
            let krate = parsed
                .as_ref()
                .map_or_else(|| quote::quote!(::claims_core), expand::crate_path);
            let mut out = fallback::fallback(input, &krate, &error);
            out.extend(typescript::fallback(input, &krate));
            out
        }
        (None, None) => proc_macro2::TokenStream::new(),
    }
}
