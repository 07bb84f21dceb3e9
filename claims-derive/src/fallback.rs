//! On error: the compile errors, plus a stub `impl SessionClaims` (and `Accepts` by every profile)
//! so that one mistake doesn't cascade into "the trait `SessionClaims` is not implemented" or "not
//! derived for profile" wherever the type is used.

use claims_profiles::Profile;
use proc_macro2::TokenStream;
use quote::quote;
use syn::{Data, DeriveInput};

use crate::paths::profile_marker;

/// The errors and, for a struct or enum, stub impls through `krate` (the derive's default path unless a
/// valid `crate = "..."` was given).
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
    let markers = Profile::ALL.iter().map(|profile| profile_marker(profile));
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
            #(
                #[automatically_derived]
                impl #impl_generics #krate::__private::Accepts<#ident #ty_generics>
                    for #krate::__private::profile::#markers #where_clause {}
            )*
        };
    }
}
