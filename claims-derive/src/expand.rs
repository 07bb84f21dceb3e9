//! Writes the tokens of a judged-valid input. Nothing here creates an error: compile-time size checks are
//! written as `const` assertions whose messages come from `claims_core::__private`. The typed patch of
//! `#[claims(patch)]` is written by `patch.rs`, with the where clause and numbers written here.

use proc_macro2::{Ident, Literal, Span, TokenStream, TokenTree};
use quote::{ToTokens, quote, quote_spanned};
use syn::spanned::Spanned;

use crate::ast::{Field, Input};
use crate::attr::Spanned as SpannedValue;
use crate::paths::{private_alias, profile_const, profile_marker};

/// The claims type's items in one `const _` block: `impl SessionClaims`, `impl JsonBound`, `impl Accepts` of
/// it for each profile marker whose profile its policy covers, the compile-time assertions, and `more`,
/// the items `more(&private)` writes with `private` naming claims-core's `__private` (the TypeScript
/// items).
pub(crate) fn expand(input: &Input<'_>, more: impl FnOnce(&Ident) -> TokenStream) -> TokenStream {
    let (alias, private) = private_alias(&input.krate);
    let more = more(&private);
    let ident = input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let where_clause = where_clause(input, &private);
    let type_name = Literal::string(&ident.to_string());

    let claim_names = claim_names(input);
    let reserved = reserved(input, &private);
    // each field's limits, written once for the table and the run-time check
    let limits: Vec<TokenStream> = input.fields.iter().map(|f| limits(f, &private)).collect();
    let fields: Vec<TokenStream> = input
        .fields
        .iter()
        .zip(&limits)
        .map(|(f, limits)| field_bound(f, limits, &private))
        .collect();
    let checks = input
        .fields
        .iter()
        .zip(&limits)
        .filter_map(|(f, limits)| field_check(f, limits, &private));

    // The compile-time checks take each field's bound by reference from one array, written once: in a
    // generic struct the local array of the `MAX_JSON_LEN` initializer, otherwise a `const` beside the
    // impls that the `const _` assertion, `MAX_JSON_LEN` and `JsonBound::SHAPE` all read (each bound
    // written out per use made the compiler type-check and evaluate it once per use).
    let all = if input.is_generic() {
        Ident::new("__claims_fields", Span::mixed_site())
    } else {
        Ident::new("__CLAIMS_FIELDS", Span::call_site())
    };
    let check = assertion(input, &private, &type_name, &all);

    let (max_json_len, shape, assertions, force) = if input.is_generic() {
        // The bound depends on the type parameters: the check runs when the constant is evaluated for an
        // instance, which `check_bounds` forces.
        (
            quote!({
                let #all: &[#private::FieldBound] = &[#(#fields),*];
                #check
                #private::object_max(#all)
            }),
            quote!(#private::struct_shape(<Self as #private::SessionClaims>::MAX_JSON_LEN)),
            TokenStream::new(),
            quote!(let _: #private::Option<usize> = const { <Self as #private::SessionClaims>::MAX_JSON_LEN };),
        )
    } else {
        let check = (!check.is_empty()).then(|| quote!(const _: () = { #check };));
        // the table again rather than `<Self as SessionClaims>::MAX_JSON_LEN`, a projection that cost
        // the compiler more to check than the sum does to evaluate
        (
            quote!(#private::object_max(#all)),
            quote!(#private::struct_shape(#private::object_max(#all))),
            quote! {
                const #all: &[#private::FieldBound] = &[#(#fields),*];
                #check
            },
            TokenStream::new(),
        )
    };

    let markers = input.policy().covered().into_iter().map(profile_marker);

    quote! {
        const _: () = {
            #alias
            #[allow(unused_imports)]
            use #private::ProbeFallback as _;

            #[automatically_derived]
            impl #impl_generics #private::SessionClaims for #ident #ty_generics #where_clause {
                const CLAIM_NAMES: &'static [&'static str] = &[#(#claim_names),*];
                const MAX_JSON_LEN: #private::Option<usize> = #max_json_len;
                const RESERVED: #private::ReservedNames<'static> = #reserved;

                #[inline]
                fn check_bounds(&self) -> #private::Result<(), #private::ClaimsError> {
                    #force
                    #private::first_error([#(#checks),*])
                }
            }

            #[automatically_derived]
            impl #impl_generics #private::JsonBound for #ident #ty_generics #where_clause {
                const SHAPE: #private::JsonShape = #shape;

                #[inline]
                fn check_bound(&self, _: #private::Limits) -> #private::Result<(), #private::ClaimsError> {
                    <Self as #private::SessionClaims>::check_bounds(self)
                }
            }

            #(
                #[automatically_derived]
                impl #impl_generics #private::Accepts<#ident #ty_generics> for #private::profile::#markers #where_clause {}
            )*

            #assertions

            #more
        };
    }
}

/// The user's where clause, plus, for a generic struct, what the impls need of the type parameters:
/// `Self: Serialize + DeserializeOwned`, and `FieldType: JsonBound` for each field whose type mentions one.
pub(crate) fn where_clause(input: &Input<'_>, private: &impl ToTokens) -> TokenStream {
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

fn reserved(input: &Input<'_>, private: &Ident) -> TokenStream {
    let policy = input.policy();
    let (names, prefixes) = (&policy.names, &policy.prefixes);
    if let ([profile], true, true) = (&policy.profiles[..], names.is_empty(), prefixes.is_empty()) {
        // one profile and nothing added, the common case: its marker's constant
        let marker = profile_marker(profile);
        return quote!(#private::profile::#marker::RESERVED);
    }
    let profiles = policy.profiles.iter().map(|profile| profile_const(profile));
    let mut out = quote! {
        #private::ReservedNames::from_profiles(&[#(&#private::Profile::#profiles),*])
    };
    // only what the struct adds: each call is one more for the compiler to type-check
    if !names.is_empty() {
        out.extend(quote!(.with_names(&[#(#names),*])));
    }
    if !prefixes.is_empty() {
        out.extend(quote!(.with_prefixes(&[#(#prefixes),*])));
    }
    out
}

/// `Option::Some(n)` or `Option::None`, as an expression.
pub(crate) fn option_usize(
    value: Option<&SpannedValue<usize>>,
    private: &impl ToTokens,
) -> TokenStream {
    value.map_or_else(
        || quote!(#private::Option::None),
        |value| {
            let n = Literal::usize_unsuffixed(value.value);
            quote!(#private::Option::Some(#n))
        },
    )
}

pub(crate) fn limits(field: &Field<'_>, private: &Ident) -> TokenStream {
    if field.attrs.max_len.is_none() && field.attrs.max_items.is_none() {
        return quote!(#private::Limits::NONE);
    }
    let (max_len, max_items) = (
        option_usize(field.attrs.max_len.as_ref(), private),
        option_usize(field.attrs.max_items.as_ref(), private),
    );
    // a struct literal: a `const fn` call costs the compiler a call to type-check and evaluate
    quote!(#private::Limits { max_len: #max_len, max_items: #max_items })
}

fn shape(field: &Field<'_>, private: &Ident) -> TokenStream {
    if field.serde.serialize_with.is_some() {
        quote!(&#private::JsonShape::Unbounded)
    } else if let Some(max) = &field.attrs.max_json_len {
        let n = Literal::usize_unsuffixed(max.value);
        quote!(&#private::JsonShape::Fixed(#n))
    } else if field.serde.skip_if_none {
        // `None` is skipped, never written as `null`: only a present value counts.
        let ty = field.ty();
        quote_spanned!(ty.span()=> #private::when_some(<#private::Probe<#ty>>::SHAPE))
    } else {
        let ty = field.ty();
        quote_spanned!(ty.span()=> <#private::Probe<#ty>>::SHAPE)
    }
}

fn field_bound(field: &Field<'_>, limits: &TokenStream, private: &Ident) -> TokenStream {
    let name = Literal::string(&field.name);
    let claim = Literal::string(field.claim());
    let name_len = Literal::usize_unsuffixed(name_len(field.claim()));
    let written = field.written.is_some();
    let shape = shape(field, private);
    quote!(#private::FieldBound::named(#name, #claim, #name_len, #written, #shape, #limits))
}

/// The bytes of `"claim":` in compact JSON, counted here so that the compile-time check does not run
/// `claims_core::size::escaped_len` on each name (its const evaluation cost more than the rest of the
/// check). `serde_json`'s escapes: `"`, `\` and `\b \f \n \r \t` take two bytes, other control characters
/// six (`\u00XX`); the test below holds this to `escaped_len`.
fn name_len(claim: &str) -> usize {
    let escaped: usize = claim
        .chars()
        .map(|c| match c {
            '"' | '\\' | '\u{8}' | '\u{c}' | '\n' | '\r' | '\t' => 2,
            '\0'..='\u{1f}' => 6,
            _ => c.len_utf8(),
        })
        .sum();
    // two quotes and a colon
    escaped + 3
}

/// The compile-time checks of the fields in `all` as one statement: a `match` on the struct's first
/// problem (`struct_problem`), with one `fail` call per site it can point at, each spanned there, so the
/// compile error reads as the message and points at the attribute or field it is about. Empty when
/// nothing can fail: no limits and no `max_size`.
fn assertion(input: &Input<'_>, private: &Ident, type_name: &Literal, all: &Ident) -> TokenStream {
    let max_size = input.attrs.max_size.as_ref();
    // (`Site::code`, span)
    let mut sites: Vec<(Literal, Span)> = Vec::new();
    for (i, field) in input.fields.iter().enumerate() {
        if let Some(limit) = field
            .attrs
            .max_len
            .as_ref()
            .or(field.attrs.max_items.as_ref())
        {
            sites.push((Literal::usize_unsuffixed(3 * i), limit.span));
        }
    }
    if let Some(max_size) = max_size {
        for (i, field) in input.fields.iter().enumerate() {
            if field.written.is_some() {
                sites.push((Literal::usize_unsuffixed(3 * i + 1), field.ident.span()));
            }
        }
        sites.push((Literal::usize_unsuffixed(2), max_size.span));
    }
    let Some(last) = sites.pop() else {
        return TokenStream::new();
    };
    let (site, msg) = (
        Ident::new("__claims_site", Span::mixed_site()),
        Ident::new("__claims_problem", Span::mixed_site()),
    );
    // every token of the call on the site's span, the alias too: the compiler reports the whole call
    let fail = |span: Span| {
        let alias = Ident::new("__claims_private", span);
        quote_spanned!(span=> #alias::fail(#msg))
    };
    let arms = sites.iter().map(|(pattern, span)| {
        let fail = fail(*span);
        quote!(#pattern => #fail,)
    });
    let last = fail(last.1);
    let max_size = option_usize(max_size, private);
    quote! {
        if let #private::Option::Some(#site) = #private::struct_problem(#all, #max_size) {
            let #msg = #private::problem_message(#type_name, #all, #max_size, #site);
            match #site.code() {
                #(#arms)*
                _ => #last,
            }
        }
    }
}

fn field_check(field: &Field<'_>, limits: &TokenStream, private: &Ident) -> Option<TokenStream> {
    if field.serde.serialize_with.is_some() {
        return None;
    }
    let member = field.ident;
    let claim = Literal::string(field.claim());
    let check = if let Some(max) = &field.attrs.max_json_len {
        let n = Literal::usize_unsuffixed(max.value);
        quote!(#private::check_json_field(&self.#member, #n, #claim))
    } else {
        let ty = field.ty();
        // `self` keeps the derive's own span: under the type's span it would take the hygiene of a
        // `macro_rules!` that wrote the type, and not name this method's receiver.
        let value = quote!(&self.#member);
        quote_spanned!(ty.span()=> <#private::Probe<#ty>>::check(#value, #limits, #claim))
    };
    Some(check)
}

#[cfg(test)]
mod tests {
    use super::name_len;

    #[test]
    fn names_count_as_claims_core_escapes_them() {
        let mut names: Vec<String> = (0u8..0x80).map(|b| char::from(b).to_string()).collect();
        names.extend(["", "fullName", "é", "日本", "🦀", "a\"b\\c\nd\u{1}e"].map(str::to_owned));
        for name in names {
            assert_eq!(
                name_len(&name),
                claims_core::size::escaped_len(&name) + 3,
                "{name:?}"
            );
        }
    }
}
