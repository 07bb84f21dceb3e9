//! `#[derive(SessionClaims)]`: custom session-token claims whose names and size are checked at compile time.
//!
//! Use it through `claims_core`, which re-exports it beside the trait of the same name (default `derive`
//! feature); the attributes, the generated items and the guarantees are documented on
//! [`derive@SessionClaims`].
//!
//! The derive is a pipeline, one file per phase: `attr` reads attributes, `case` holds serde's rename
//! rules, `ast` is a borrowed view of the input (with its policy and crate path), `check` judges it,
//! `expand` writes the tokens of the claims type and `patch` those of its typed patch, and `fallback`
//! writes the errors with stub impls. `errors` collects the mistakes of every phase; `paths` spells
//! claims-core's per-profile items. Beside them, `typescript` describes the struct to TypeScript (with
//! the `typescript` feature) and `template` reads Clerk shortcodes: each checks its own attributes and
//! writes its own impls.
//!
//! Two entry points share it: `SessionClaims`, re-exported by claims-core, and `JwtSessionClaims`,
//! re-exported by claims-jwt under the name `SessionClaims`; they differ only in where the generated code
//! finds claims-core by default.
//!
//! What the derive adds to a clean build, against serde's derives alone, is measured by
//! `benches/build-cost.sh` and reported in the repository's
//! [BENCHMARKS.md](https://github.com/typed-session-claims/claims/blob/main/BENCHMARKS.md). The expansion
//! is glue: the checks are generic functions in `claims_core::__private`, so that each struct adds as little
//! for the compiler to check as it can.

mod ast;
mod attr;
mod case;
mod check;
mod errors;
mod expand;
mod fallback;
mod patch;
mod paths;
mod template;
mod typescript;

use proc_macro::TokenStream;
use quote::quote;
use syn::{DeriveInput, parse_macro_input};

use crate::errors::Errors;

#[doc = include_str!("derive.md")]
#[proc_macro_derive(SessionClaims, attributes(claims))]
pub fn derive_session_claims(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    derive(&input, &quote!(::claims_core)).into()
}

/// `#[derive(SessionClaims)]` as claims-jwt re-exports it, as `claims_jwt::SessionClaims`: the same
/// derive, whose generated code finds claims-core at `::claims_jwt::claims_core`, so that a crate that
/// depends on claims-jwt alone needs no `#[claims(crate = "...")]`. Its attributes, the items it writes
/// and its guarantees are those of [`derive@SessionClaims`].
///
/// ```
/// use claims_jwt::{Clerk, Minter, Payload, SessionClaims, SigningKey};
///
/// #[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
/// #[claims(profile = "clerk", max_size = 1200)]
/// struct AppClaims {
///     #[claims(max_len = 64)]
///     name: String,
/// }
///
/// let claims = AppClaims { name: "Ada".into() };
/// let minter = Minter::<Clerk>::new(SigningKey::hs256(b"0123456789abcdef0123456789abcdef")?);
/// let minted = minter.mint(&Payload::new(claims).with_subject("user_1"))?;
/// assert!(minted.len() > 0);
/// # Ok::<(), claims_jwt::Error>(())
/// ```
#[proc_macro_derive(JwtSessionClaims, attributes(claims))]
pub fn derive_jwt_session_claims(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    derive(&input, &quote!(::claims_jwt::claims_core)).into()
}

/// The pipeline: read, judge, then write either the expansion or the errors with stub impls.
/// `default_crate` is where the generated code finds claims-core unless `crate = "..."` says otherwise.
fn derive(
    input: &DeriveInput,
    default_crate: &proc_macro2::TokenStream,
) -> proc_macro2::TokenStream {
    let mut errors = Errors::default();
    let parsed = ast::Input::from_syn(input, default_crate, &mut errors);
    if let Some(parsed) = &parsed {
        check::check(parsed, &mut errors);
        typescript::check(parsed, &mut errors);
        template::check(parsed, &mut errors);
    }
    match (parsed, errors.finish()) {
        (Some(parsed), None) => {
            let mut tokens =
                expand::expand(&parsed, |private| typescript::expand(&parsed, private));
            if parsed.attrs.patch.is_some() {
                tokens.extend(patch::patch(&parsed));
            }
            tokens
        }
        (parsed, Some(error)) => {
            let krate = parsed.map_or_else(|| default_crate.clone(), |parsed| parsed.krate);
            let mut tokens = fallback::fallback(input, &krate, &error);
            tokens.extend(typescript::fallback(input, &krate));
            tokens
        }
        (None, None) => proc_macro2::TokenStream::new(),
    }
}
