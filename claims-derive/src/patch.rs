//! Writes the typed patch of `#[claims(patch)]`: the `{Name}Patch` type, its `Serialize`, `impl HasPatch`
//! and `apply` / `apply_with` on the claims. Like `expand.rs`, it writes tokens only.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use crate::ast::{Field, Input, option_inner};
use crate::expand::{option_usize, where_clause};

/// `#[claims(patch)]`: the patch type, its `Serialize`, and `apply` / `apply_with` on the claims.
pub(crate) fn patch(input: &Input<'_>) -> TokenStream {
    let krate = &input.krate;
    let private = quote!(#krate::__private);
    let where_clause = where_clause(input, &private);
    let ident = input.ident;
    let vis = &input.original.vis;
    let patch = format_ident!("{}Patch", ident, span = ident.span());
    let generics = input.generics;
    let (impl_generics, ty_generics, _) = generics.split_for_impl();
    let struct_where = &generics.where_clause;
    let serializer = Ident::new("__claims_serializer", Span::mixed_site());
    let current = Ident::new("__claims_current", Span::mixed_site());
    let out = Ident::new("__claims_patch", Span::mixed_site());

    let apply = apply(input, &private, &where_clause, &patch);
    let claims = input.fields.iter().map(|f| Literal::string(f.claim()));
    let add_members = input.fields.iter().map(|f| f.ident);
    let members: Vec<&Ident> = input.fields.iter().map(|f| f.ident).collect();
    let types = input.fields.iter().map(|f| {
        let ty = f.ty();
        if f.attrs.nested.is_some() {
            let inner = option_inner(ty).unwrap_or(ty);
            let nested = nested_patch(inner, &private);
            quote!(#private::FieldPatch<#ty, #nested>)
        } else {
            quote!(#private::FieldPatch<#ty>)
        }
    });
    let methods = input
        .fields
        .iter()
        .map(|f| patch_methods(input, f, &private));
    let struct_doc = format!(
        "A typed RFC 7396 merge patch of [`{ident}`], written by `#[derive(SessionClaims)]`: per claim, keep (the \
         default), set, remove (where the claim may be absent) or patch (a `nested` object).\n\n\
         Apply it with [`{ident}::apply`]; it serializes to the JSON merge patch that \
         `claims_core::update_claims` applies."
    );
    quote! {
        #[doc = #struct_doc]
        #[must_use]
        #vis struct #patch #generics #struct_where {
            #(#members: #types,)*
        }

        const _: () = {
            #[automatically_derived]
            #[allow(dead_code)]
            impl #impl_generics #patch #ty_generics #where_clause {
                /// An empty patch: every claim is kept.
                pub fn new() -> Self {
                    Self { #(#members: #private::FieldPatch::Keep,)* }
                }

                #(#methods)*

                /// Whether the patch keeps every claim.
                #[must_use]
                pub fn is_empty(&self) -> bool {
                    true #(&& self.#members.is_keep())*
                }

                /// The RFC 7396 merge patch, as JSON. A set of an object-valued claim merges into the old
                /// object when applied elsewhere; `apply` replaces it exactly.
                ///
                /// # Errors
                ///
                /// `ClaimsError::Json` when a value can't be written as JSON.
                pub fn to_merge_patch(&self) -> ::core::result::Result<#private::serde_json::Value, #private::ClaimsError> {
                    #private::PatchObject::merge_patch_for(self, ::core::option::Option::None)
                        .map(#private::serde_json::Value::Object)
                }
            }

            #[automatically_derived]
            impl #impl_generics ::core::default::Default for #patch #ty_generics #where_clause {
                fn default() -> Self {
                    Self::new()
                }
            }

            #[automatically_derived]
            impl #impl_generics #private::PatchObject for #patch #ty_generics #where_clause {
                fn merge_patch_for(
                    &self,
                    #current: ::core::option::Option<&#private::serde_json::Map<#private::String, #private::serde_json::Value>>,
                ) -> ::core::result::Result<#private::serde_json::Map<#private::String, #private::serde_json::Value>, #private::ClaimsError> {
                    let mut #out = #private::serde_json::Map::new();
                    #(#private::add_field(&mut #out, #claims, &self.#add_members, #current)?;)*
                    ::core::result::Result::Ok(#out)
                }
            }

            #[automatically_derived]
            impl #impl_generics #private::serde::Serialize for #patch #ty_generics #where_clause {
                fn serialize<__ClaimsSerializer: #private::serde::Serializer>(&self, #serializer: __ClaimsSerializer) -> ::core::result::Result<__ClaimsSerializer::Ok, __ClaimsSerializer::Error> {
                    #private::serialize_patch(self, #serializer)
                }
            }

            #apply
        };
    }
}

/// `impl HasPatch` and `apply` / `apply_with` on the claims.
fn apply(
    input: &Input<'_>,
    private: &TokenStream,
    where_clause: &TokenStream,
    patch: &Ident,
) -> TokenStream {
    let ident = input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let patch_arg = Ident::new("__patch", Span::mixed_site());
    let policy_arg = Ident::new("__policy", Span::mixed_site());
    let max_size = option_usize(input.attrs.max_size.as_ref(), private);
    let apply_doc = format!(
        "Returns these claims with `patch` applied, or the first error; `self` is never changed.\n\n\
         The claims are written as JSON, merged with `claims_core::update_claims` under the type's policy \
         (its reserved names, its profiles' budgets{}), read back and bound-checked.\n\n\
         # Errors\n\n\
         `ClaimsError::OverBudget` when the result is over a budget, `ClaimsError::BoundExceeded` when a value \
         breaks its field's bound, `ClaimsError::Json` when the result can't be read back.",
        if input.attrs.max_size.is_some() {
            " and `max_size`, the tighter byte budget counting"
        } else {
            ""
        }
    );

    quote! {
            #[automatically_derived]
            impl #impl_generics #private::HasPatch for #ident #ty_generics #where_clause {
                type Patch = #patch #ty_generics;
            }

            #[automatically_derived]
            #[allow(dead_code)]
            impl #impl_generics #ident #ty_generics #where_clause {
                #[doc = #apply_doc]
                pub fn apply(&self, #patch_arg: &#patch #ty_generics) -> ::core::result::Result<Self, #private::ClaimsError> {
                    let #policy_arg = #private::type_policy(<Self as #private::SessionClaims>::RESERVED, #max_size);
                    #private::apply_patch(self, #patch_arg, &#policy_arg)
                }

                /// Like `apply`, under another update policy (e.g. a token layout's own budget).
                ///
                /// # Errors
                ///
                /// As `apply`, and `ClaimsError::Reserved` when the policy reserves a claim of the result.
                pub fn apply_with(
                    &self,
                    #patch_arg: &#patch #ty_generics,
                    #policy_arg: &#private::UpdatePolicy<'_>,
                ) -> ::core::result::Result<Self, #private::ClaimsError> {
                    #private::apply_patch(self, #patch_arg, #policy_arg)
                }
            }
    }
}

/// `<Inner as HasPatch>::Patch`, spanned at the field's type so that a type without a patch is reported there.
fn nested_patch(inner: &syn::Type, private: &TokenStream) -> TokenStream {
    quote_spanned!(inner.span()=> <#inner as #private::HasPatch>::Patch)
}

fn patch_methods(input: &Input<'_>, field: &Field<'_>, private: &TokenStream) -> TokenStream {
    let member = field.ident;
    let ty = field.ty();
    let claim = field.claim();
    let set = format_ident!("set_{}", field.name, span = member.span());
    let value = Ident::new("__value", Span::mixed_site());
    let patch_arg = Ident::new("__patch", Span::mixed_site());
    let set_doc = format!(
        "Sets the claim `{claim}` (field `{}`) to `value`.",
        field.name
    );
    let mut out = quote! {
        #[doc = #set_doc]
        pub fn #set(mut self, #value: #ty) -> Self {
            self.#member = #private::FieldPatch::Set(#value);
            self
        }
    };
    if field.may_be_absent(&input.serde) {
        let remove = format_ident!("remove_{}", field.name, span = member.span());
        let doc = format!("Removes the claim `{claim}` (field `{}`).", field.name);
        out.extend(quote! {
            #[doc = #doc]
            pub fn #remove(mut self) -> Self {
                self.#member = #private::FieldPatch::Remove;
                self
            }
        });
    }
    if field.attrs.nested.is_some() {
        let inner = option_inner(ty).unwrap_or(ty);
        let nested = nested_patch(inner, private);
        let method = format_ident!("patch_{}", field.name, span = member.span());
        let doc = format!(
            "Merges `patch` into the object in the claim `{claim}` (field `{}`).",
            field.name
        );
        out.extend(quote! {
            #[doc = #doc]
            pub fn #method(mut self, #patch_arg: #nested) -> Self {
                self.#member = #private::FieldPatch::Patch(#patch_arg);
                self
            }
        });
    }
    out
}
