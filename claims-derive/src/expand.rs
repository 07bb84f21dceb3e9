//! Writes the tokens of a judged-valid input. Nothing here creates an error: compile-time size checks are
//! written as `const` assertions whose messages come from `claims_core::__private`.

use proc_macro2::{Ident, Literal, Span, TokenStream, TokenTree};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use crate::ast::{Field, Input, option_inner};
use crate::check::policy_of;

/// The whole expansion: `impl SessionClaims`, `impl JsonBound`, the compile-time assertions and, with
/// `#[claims(patch)]`, the patch type.
pub(crate) fn expand(input: &Input<'_>) -> TokenStream {
    let krate = crate_path(input);
    let private = quote!(#krate::__private);
    let ident = input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let where_clause = where_clause(input, &private);
    let type_name = Literal::string(&ident.to_string());

    let claim_names = claim_names(input);
    let reserved = reserved(input, &private);
    let fields: Vec<TokenStream> = input
        .fields
        .iter()
        .map(|f| field_bound(f, &private))
        .collect();
    let checks = input.fields.iter().filter_map(|f| field_check(f, &private));
    let max = Ident::new("__claims_max", Span::mixed_site());

    // The compile-time checks take each field's bound by reference: in a generic struct from the local
    // array of the `MAX_JSON_LEN` initializer, otherwise written out in each `const _` item.
    let all = Ident::new("__claims_fields", Span::mixed_site());
    let refs: Vec<TokenStream> = if input.is_generic() {
        (0..fields.len()).map(|i| quote!(&#all[#i])).collect()
    } else {
        fields.iter().map(|field| quote!(&#field)).collect()
    };
    let field_checks: Vec<TokenStream> = limit_assertions(input, &private, &type_name, &refs)
        .into_iter()
        .chain(unbounded_assertions(input, &private, &type_name, &refs))
        .collect();
    let budget = input.attrs.max_size.as_ref().map(|max_size| {
        let n = Literal::usize_unsuffixed(max_size.value);
        fail_on(
            max_size.span,
            &quote!(#private::budget_problem(#type_name, #all, #n)),
        )
    });

    let (max_json_len, assertions, force) = if input.is_generic() {
        // The bound depends on the type parameters: the checks run when the constant is evaluated for an
        // instance, which `check_bounds` forces.
        (
            quote!({
                let #all: &[#private::FieldBound] = &[#(#fields),*];
                #(#field_checks)*
                #budget
                #private::object_max(#all)
            }),
            TokenStream::new(),
            quote!(let _: ::core::option::Option<usize> = const { <Self as #private::SessionClaims>::MAX_JSON_LEN };),
        )
    } else {
        let budget = budget.map(|check| {
            quote!(const _: () = {
                let #all: &[#private::FieldBound] = &[#(#fields),*];
                #check
            };)
        });
        (
            quote!(#private::object_max(&[#(#fields),*])),
            quote!(#(const _: () = #field_checks;)* #budget),
            TokenStream::new(),
        )
    };

    let patch = input
        .attrs
        .patch
        .map(|_| patch(input, &private, &where_clause));

    quote! {
        const _: () = {
            #[allow(unused_imports)]
            use #private::ProbeFallback as _;

            #[automatically_derived]
            impl #impl_generics #private::SessionClaims for #ident #ty_generics #where_clause {
                const CLAIM_NAMES: &'static [&'static str] = &[#(#claim_names),*];
                const MAX_JSON_LEN: ::core::option::Option<usize> = #max_json_len;
                const RESERVED: #private::ReservedNames<'static> = #reserved;

                fn check_bounds(&self) -> ::core::result::Result<(), #private::ClaimsError> {
                    #force
                    #(#checks)*
                    ::core::result::Result::Ok(())
                }
            }

            #[automatically_derived]
            impl #impl_generics #private::JsonBound for #ident #ty_generics #where_clause {
                const SHAPE: #private::JsonShape = match <Self as #private::SessionClaims>::MAX_JSON_LEN {
                    ::core::option::Option::Some(#max) => #private::JsonShape::Fixed(#max),
                    ::core::option::Option::None => #private::JsonShape::Unbounded,
                };

                fn check_bound(&self, _: #private::Limits) -> ::core::result::Result<(), #private::ClaimsError> {
                    <Self as #private::SessionClaims>::check_bounds(self)
                }
            }

            #assertions
        };
        #patch
    }
}

pub(crate) fn crate_path(input: &Input<'_>) -> TokenStream {
    input
        .attrs
        .crate_path
        .as_ref()
        .map_or_else(|| quote!(::claims_core), ToTokens::to_token_stream)
}

/// The user's where clause, plus, for a generic struct, what the impls need of the type parameters:
/// `Self: Serialize + DeserializeOwned`, and `FieldType: JsonBound` for each field whose type mentions one.
pub(crate) fn where_clause(input: &Input<'_>, private: &TokenStream) -> TokenStream {
    let mut predicates: Vec<TokenStream> = input
        .generics
        .where_clause
        .iter()
        .flat_map(|w| w.predicates.iter().map(ToTokens::to_token_stream))
        .collect();
    if input.is_generic() {
        // Named, not `Self`: the patch type's impls share this clause.
        let ident = input.ident;
        let (_, ty_generics, _) = input.generics.split_for_impl();
        predicates.push(quote!(
            #ident #ty_generics: #private::serde::Serialize + #private::serde::de::DeserializeOwned
        ));
        for field in &input.fields {
            if !uses_type_params(input, field) || field.serde.serialize_with.is_some() {
                continue;
            }
            let ty = field.ty();
            predicates.push(if field.attrs.max_json_len.is_some() {
                quote_spanned!(ty.span()=> #ty: #private::serde::Serialize)
            } else {
                quote_spanned!(ty.span()=> #ty: #private::JsonBound)
            });
        }
    }
    if predicates.is_empty() {
        TokenStream::new()
    } else {
        quote!(where #(#predicates),*)
    }
}

fn mentions(tokens: TokenStream, params: &[&Ident]) -> bool {
    tokens.into_iter().any(|token| match token {
        TokenTree::Ident(ident) => params.iter().any(|p| **p == ident),
        TokenTree::Group(group) => mentions(group.stream(), params),
        _ => false,
    })
}

/// Whether the field's type names one of the struct's type or const parameters.
pub(crate) fn uses_type_params(input: &Input<'_>, field: &Field<'_>) -> bool {
    let params: Vec<&Ident> = input
        .generics
        .type_params()
        .map(|p| &p.ident)
        .chain(input.generics.const_params().map(|p| &p.ident))
        .collect();
    mentions(field.ty().to_token_stream(), &params)
}

fn claim_names(input: &Input<'_>) -> Vec<Literal> {
    let mut names: Vec<&str> = Vec::new();
    for field in &input.fields {
        for name in field.written.iter().chain(&field.read) {
            if !names.contains(&name.value.as_str()) {
                names.push(&name.value);
            }
        }
    }
    names.into_iter().map(Literal::string).collect()
}

fn reserved(input: &Input<'_>, private: &TokenStream) -> TokenStream {
    let (profiles, names, prefixes) = policy_of(input);
    // `clerk-v1` is `Profile::CLERK_V1`: the constants are the names in upper case, `-` as `_`.
    let profiles = profiles.iter().map(|name| {
        Ident::new(
            &name.to_ascii_uppercase().replace('-', "_"),
            Span::call_site(),
        )
    });
    quote! {
        #private::ReservedNames::from_profiles(&[#(&#private::Profile::#profiles),*])
            .with_names(&[#(#names),*])
            .with_prefixes(&[#(#prefixes),*])
    }
}

/// The claim a field's bound errors are reported under: the name it is written as, or read as.
fn claim_of(field: &Field<'_>) -> String {
    field
        .written
        .as_ref()
        .or(field.read.first())
        .map_or_else(|| field.name.clone(), |n| n.value.clone())
}

/// `Option::Some(n)` or `Option::None`, as an expression.
fn option_usize(value: Option<&crate::attr::Spanned<usize>>) -> TokenStream {
    value.map_or_else(
        || quote!(::core::option::Option::None),
        |value| {
            let n = Literal::usize_unsuffixed(value.value);
            quote!(::core::option::Option::Some(#n))
        },
    )
}

pub(crate) fn limits(field: &Field<'_>, private: &TokenStream) -> TokenStream {
    let (max_len, max_items) = (
        option_usize(field.attrs.max_len.as_ref()),
        option_usize(field.attrs.max_items.as_ref()),
    );
    quote!(#private::Limits::new(#max_len, #max_items))
}

fn shape(field: &Field<'_>, private: &TokenStream) -> TokenStream {
    if field.serde.serialize_with.is_some() {
        quote!(&#private::JsonShape::Unbounded)
    } else if let Some(max) = &field.attrs.max_json_len {
        let n = Literal::usize_unsuffixed(max.value);
        quote!(&#private::JsonShape::Fixed(#n))
    } else {
        let ty = field.ty();
        quote_spanned!(ty.span()=> <#private::Probe<#ty>>::SHAPE)
    }
}

fn field_bound(field: &Field<'_>, private: &TokenStream) -> TokenStream {
    let name = Literal::string(&field.name);
    let claim = Literal::string(&claim_of(field));
    let written = field.written.is_some();
    let shape = shape(field, private);
    let limits = limits(field, private);
    quote!(#private::FieldBound::new(#name, #claim, #written, #shape, #limits))
}

/// A statement that panics, pointing at `span`, with the message of `problem` (an `Option<Msg>`) if there
/// is one: in a constant, a compile error that reads as the message.
fn fail_on(span: Span, problem: &TokenStream) -> TokenStream {
    let msg = Ident::new("__claims_problem", Span::mixed_site());
    quote_spanned! {span=>
        if let ::core::option::Option::Some(#msg) = #problem {
            ::core::panic!("{}", #msg.text());
        }
    }
}

/// Under `max_size`, one `unbounded_problem` check per written field, pointing at the field.
fn unbounded_assertions(
    input: &Input<'_>,
    private: &TokenStream,
    type_name: &Literal,
    refs: &[TokenStream],
) -> Vec<TokenStream> {
    let Some(max_size) = &input.attrs.max_size else {
        return Vec::new();
    };
    let n = Literal::usize_unsuffixed(max_size.value);
    input
        .fields
        .iter()
        .enumerate()
        .filter(|(_, field)| field.written.is_some())
        .map(|(i, field)| {
            let bound = &refs[i];
            fail_on(
                field.ident.span(),
                &quote!(#private::unbounded_problem(#type_name, #bound, #n)),
            )
        })
        .collect()
}

/// One `limits_problem` check per field with `max_len` or `max_items`, pointing at that attribute.
fn limit_assertions(
    input: &Input<'_>,
    private: &TokenStream,
    type_name: &Literal,
    refs: &[TokenStream],
) -> Vec<TokenStream> {
    input
        .fields
        .iter()
        .enumerate()
        .filter_map(|(i, field)| {
            let span = field
                .attrs
                .max_len
                .as_ref()
                .or(field.attrs.max_items.as_ref())?
                .span;
            let field = &refs[i];
            Some(fail_on(
                span,
                &quote!(#private::limits_problem(#type_name, #field)),
            ))
        })
        .collect()
}

fn field_check(field: &Field<'_>, private: &TokenStream) -> Option<TokenStream> {
    if field.serde.serialize_with.is_some() {
        return None;
    }
    let member = field.ident;
    let claim = Literal::string(&claim_of(field));
    let check = if let Some(max) = &field.attrs.max_json_len {
        let n = Literal::usize_unsuffixed(max.value);
        quote!(#private::check_json_len(&self.#member, #n))
    } else {
        let ty = field.ty();
        let limits = limits(field, private);
        quote_spanned!(ty.span()=> <#private::Probe<#ty>>::check(&self.#member, #limits))
    };
    Some(quote!(#private::check_field(#check, #claim)?;))
}

/// `#[claims(patch)]`: the patch type, its `Serialize`, and `apply` / `apply_with` on the claims.
fn patch(input: &Input<'_>, private: &TokenStream, where_clause: &TokenStream) -> TokenStream {
    let ident = input.ident;
    let vis = &input.original.vis;
    let patch = format_ident!("{}Patch", ident, span = ident.span());
    let generics = input.generics;
    let (impl_generics, ty_generics, _) = generics.split_for_impl();
    let struct_where = &generics.where_clause;
    let serializer = Ident::new("__claims_serializer", Span::mixed_site());
    let current = Ident::new("__claims_current", Span::mixed_site());
    let out = Ident::new("__claims_patch", Span::mixed_site());

    let apply = apply(input, private, where_clause, &patch);
    let claims = input.fields.iter().map(|f| Literal::string(&claim_of(f)));
    let add_members = input.fields.iter().map(|f| f.ident);
    let members: Vec<&Ident> = input.fields.iter().map(|f| f.ident).collect();
    let types = input.fields.iter().map(|f| {
        let ty = f.ty();
        if f.attrs.nested.is_some() {
            let inner = option_inner(ty).unwrap_or(ty);
            let nested = nested_patch(inner, private);
            quote!(#private::FieldPatch<#ty, #nested>)
        } else {
            quote!(#private::FieldPatch<#ty>)
        }
    });
    let methods = input
        .fields
        .iter()
        .map(|f| patch_methods(input, f, private));
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
    let max_size = option_usize(input.attrs.max_size.as_ref());
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
    let claim = claim_of(field);
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
