//! On error: the compile errors, plus a stub `impl SessionClaims` so that one mistake doesn't cascade into
//! "the trait `SessionClaims` is not implemented" wherever the type is used.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Data, DeriveInput};

/// The errors and, for a struct or enum, a stub impl through `krate` (`::claims_core` unless a valid
/// `crate = "..."` was given).
pub(crate) fn fallback(
    input: &DeriveInput,
    krate: &TokenStream,
    error: &syn::Error,
) -> TokenStream {
    let errors = error.to_compile_error();
    if let Data::Union(_) = input.data {
        // serde can't derive for a union, so a stub would only add a second error.
        return errors;
    }
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    quote! {
        #errors
        const _: () = {
            #[automatically_derived]
            impl #impl_generics #krate::__private::SessionClaims for #ident #ty_generics #where_clause {
                const CLAIM_NAMES: &'static [&'static str] = &[];
                const MAX_JSON_LEN: ::core::option::Option<usize> = ::core::option::Option::None;
                fn check_bounds(&self) -> ::core::result::Result<(), #krate::__private::ClaimsError> {
                    ::core::result::Result::Ok(())
                }
            }
        };
    }
}
