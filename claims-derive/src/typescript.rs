//! The TypeScript description of the struct: `impl TsType` for every derived struct (an object of the
//! fields serde writes, named as serde writes them), and under `#[claims(typescript)]` the
//! `impl ClerkFrontend` that prints Clerk's `globals.d.ts`, with a compile error for each field that has
//! no TypeScript type unless `typescript = "unknown"` lets it be `unknown`. Both are written only with the
//! `typescript` feature (claims-core's, which turns on this crate's): they cost a build about a quarter of
//! what the derive adds, and an application without a TypeScript frontend has no use for them.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::spanned::Spanned as _;
use syn::{DeriveInput, Generics, Type, parse_quote_spanned};

use crate::ast::{Field, Input, option_inner};
use crate::attr::Undescribed;
use crate::errors::Errors;
use crate::expand::{limits, option_usize, uses_type_params};
use crate::template;

/// Whether this build writes TypeScript items: the `typescript` feature.
const ENABLED: bool = cfg!(feature = "typescript");

/// The error of `#[claims(typescript)]` in a build without the feature, with the line that turns it on.
fn feature_off() -> String {
    let version = concat!(
        env!("CARGO_PKG_VERSION_MAJOR"),
        ".",
        env!("CARGO_PKG_VERSION_MINOR")
    );
    format!(
        "`typescript` writes the TypeScript declaration and Clerk template with the `typescript` feature, which \
         is off in this build; turn it on where the derive comes from, in Cargo.toml: `claims-core = {{ \
         version = \"{version}\", features = [\"typescript\"] }}`, or `features = [\"typescript\"]` on \
         claims-jwt for `claims_jwt::SessionClaims`"
    )
}

/// Records what is wrong with the TypeScript attributes of `input`.
pub(crate) fn check(input: &Input<'_>, errors: &mut Errors) {
    check_with(input, ENABLED, errors);
}

/// [`check`], with the feature's state given: `ts_type` is checked either way (a struct may be described
/// in a build that writes no TypeScript, as a doc comment is), while `typescript` promises items the
/// feature writes.
fn check_with(input: &Input<'_>, enabled: bool, errors: &mut Errors) {
    if let (Some(typescript), false) = (&input.attrs.typescript, enabled) {
        errors.add(typescript.span, feature_off());
        // the rest is about items this build will not write
        return;
    }
    if let Some(typescript) = &input.attrs.typescript
        && input.is_generic()
    {
        errors.add(
            typescript.span,
            format!(
                "`typescript` declares the claims of one concrete type, and `{}` is generic; derive it on a \
                 struct without type parameters (it may hold this one as a field)",
                input.ident
            ),
        );
    }
    for field in &input.fields {
        let Some(ts_type) = &field.attrs.ts_type else {
            continue;
        };
        if ts_type.value().trim().is_empty() {
            errors.add(
                ts_type.span(),
                "`ts_type` needs a TypeScript type, as in `ts_type = \"string\"`",
            );
        } else if field.written.is_none() {
            errors.add(
                ts_type.span(),
                format!(
                    "`ts_type` describes a claim, and field `{}` is never written (#[serde(skip...)]); remove it",
                    field.name
                ),
            );
        }
    }
}

/// `impl TsType` and, under `#[claims(typescript)]`, `impl ClerkFrontend` with its compile-time checks: items
/// for the `const _` block `expand.rs` writes (one block per struct, not one per file of the derive), where
/// `private` names claims-core's `__private`.
pub(crate) fn expand(input: &Input<'_>, private: &Ident) -> TokenStream {
    if !ENABLED {
        return TokenStream::new();
    }
    let ident = input.ident;
    let generics = generics(input, private);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let written: Vec<&Field<'_>> = input
        .fields
        .iter()
        .filter(|f| f.written.is_some())
        .collect();
    let members = written.iter().map(|f| member(input, f, private));
    let frontend = input
        .attrs
        .typescript
        .as_ref()
        .map(|mode| frontend(input, mode.value, &written, private));
    quote! {
        #[allow(unused_imports)]
        use #private::TsProbeFallback as _;

        #[automatically_derived]
        impl #impl_generics #private::TsType for #ident #ty_generics #where_clause {
            const TS: #private::TsShape = #private::TsShape::Object(&[#(#members),*]);
        }

        #frontend
    }
}

/// On error: a stub `impl TsType`, so that a struct holding this one reports no second error.
pub(crate) fn fallback(input: &DeriveInput, krate: &TokenStream) -> TokenStream {
    if !ENABLED || matches!(input.data, syn::Data::Union(_)) {
        return TokenStream::new();
    }
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    quote! {
        const _: () = {
            #[automatically_derived]
            impl #impl_generics #krate::__private::TsType for #ident #ty_generics #where_clause {
                const TS: #krate::__private::TsShape = #krate::__private::TsShape::Object(&[]);
            }
        };
    }
}

/// `impl ClerkFrontend`, and under the strict mode one assertion per written field.
fn frontend(
    input: &Input<'_>,
    mode: Undescribed,
    written: &[&Field<'_>],
    private: &Ident,
) -> TokenStream {
    let ident = input.ident;
    let type_name = Literal::string(&ident.to_string());
    let shortcodes = template::shortcodes(input, private);
    let assertions = (mode == Undescribed::Error).then(|| {
        written.iter().map(|field| {
            let ty = member_type(input, field, private);
            let problem = syn::Ident::new("__claims_problem", Span::mixed_site());
            quote_spanned! {field.ty().span()=>
                const _: () = if let ::core::option::Option::Some(#problem) = #private::undescribed(&#ty) {
                    ::core::panic!("{}", #problem);
                };
            }
        })
    });
    let assertions = assertions.into_iter().flatten();
    quote! {
        #(#assertions)*

        #[automatically_derived]
        impl #private::ClerkFrontend for #ident {
            const TYPE_NAME: &'static str = #type_name;
            const CLERK_SHORTCODES: &'static [#private::ClerkShortcode] = &[#(#shortcodes),*];
        }
    }
}

/// The struct's generics with `FieldType: TsType` added for each described field whose type names a type
/// parameter (only on this impl: a generic struct without TypeScript types is still a `SessionClaims`).
fn generics(input: &Input<'_>, private: &Ident) -> Generics {
    let mut generics = input.generics.clone();
    for field in &input.fields {
        if field.written.is_none()
            || field.attrs.ts_type.is_some()
            || field.serde.serialize_with.is_some()
            || !uses_type_params(input, field)
        {
            continue;
        }
        let ty = described_type(field);
        generics
            .make_where_clause()
            .predicates
            .push(parse_quote_spanned!(ty.span()=> #ty: #private::TsType));
    }
    generics
}

/// The type whose TypeScript type the member has: the field's, or the `T` of an `Option<T>` that is
/// skipped when `None` (it is then missing, never `null`).
fn described_type<'a>(field: &Field<'a>) -> &'a Type {
    let ty = field.ty();
    if field.serde.skip_if_none {
        option_inner(ty).unwrap_or(ty)
    } else {
        ty
    }
}

/// The `TsMemberType` of a written field, as a constant expression.
fn member_type(input: &Input<'_>, field: &Field<'_>, private: &Ident) -> TokenStream {
    if let Some(ts_type) = &field.attrs.ts_type {
        return quote!(#private::TsMemberType::Known(&#private::TsShape::Custom(#ts_type)));
    }
    let ty = described_type(field);
    let rust_type = type_text(ty);
    let (owner, name) = (input.ident, &field.name);
    let (why, problem) = if field.serde.serialize_with.is_some() {
        (
            format!("#[serde(with)] writes it, so its Rust type `{rust_type}` doesn't describe it"),
            "is written by its own serializer (#[serde(with)] or #[serde(serialize_with)]), so its Rust type \
             doesn't describe its JSON; give the field #[claims(ts_type = \"...\")]",
        )
    } else {
        (
            format!("the Rust type `{rust_type}` has no TypeScript type"),
            "has no TypeScript type: its Rust type doesn't implement `claims_core::typescript::TsType`; \
             implement it, or give the field #[claims(ts_type = \"...\")]",
        )
    };
    let why = Literal::string(&why);
    let problem = Literal::string(&format!(
        "field `{name}` of `{owner}` {problem}, or declare such claims `unknown` with \
         #[claims(typescript = \"unknown\")] on the struct"
    ));
    if field.serde.serialize_with.is_some() {
        return quote!(#private::TsMemberType::Unknown { why: #why, problem: #problem });
    }
    quote_spanned!(ty.span()=> #private::member_type(<#private::TsProbe<#ty>>::TS, #why, #problem))
}

/// The `TsMember` of a written field, as a struct literal (builder calls cost the compiler a method
/// lookup each): its name, type, whether it is optional, its docs and bounds.
fn member(input: &Input<'_>, field: &Field<'_>, private: &Ident) -> TokenStream {
    let claim = field
        .written
        .as_ref()
        .map_or_else(|| field.name.clone(), |n| n.value.clone());
    let claim = Literal::string(&claim);
    let ty = member_type(input, field, private);
    let optional = field.serde.skip_serializing_if;
    let doc = Literal::string(&doc_comment(field));
    let limits = limits(field, private);
    let max_json_len = option_usize(field.attrs.max_json_len.as_ref(), private);
    quote! {
        #private::TsMember {
            name: #claim,
            ty: #ty,
            optional: #optional,
            doc: #doc,
            limits: #limits,
            max_json_len: #max_json_len,
        }
    }
}

/// The field's `///` doc comment, one leading space per line removed.
fn doc_comment(field: &Field<'_>) -> String {
    let lines: Vec<String> = field
        .original
        .attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(syn::MetaNameValue {
                value:
                    syn::Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Str(lit),
                        ..
                    }),
                ..
            }) => Some(lit.value()),
            _ => None,
        })
        .flat_map(|text| {
            // `///` alone is an empty paragraph break, which `lines` would drop.
            let lines: Vec<String> = text
                .lines()
                .map(|line| line.strip_prefix(' ').unwrap_or(line).trim_end().to_owned())
                .collect();
            if lines.is_empty() {
                vec![String::new()]
            } else {
                lines
            }
        })
        .collect();
    lines.join("\n").trim().to_owned()
}

/// A type as a person writes it: `Vec<String>`, not `Vec < String >`.
fn type_text(ty: &Type) -> String {
    let text = ty.to_token_stream().to_string();
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let prev = out.chars().last();
        let drop_space = c == ' '
            && (matches!(next, Some('<' | '>' | ',' | ';' | ':' | ')' | ']'))
                || matches!(prev, Some('<' | '(' | '[' | '&' | ':')));
        if !drop_space {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{check_with, type_text};
    use crate::ast::Input;
    use crate::errors::Errors;

    /// The messages of judging `source` with the feature on or off.
    fn judged(source: &str, enabled: bool) -> Vec<String> {
        let input: syn::DeriveInput = syn::parse_str(source).unwrap();
        let mut errors = Errors::default();
        let parsed = Input::from_syn(&input, &quote::quote!(::claims_core), &mut errors).unwrap();
        check_with(&parsed, enabled, &mut errors);
        errors
            .finish()
            .map_or_else(Vec::new, |e| e.into_iter().map(|e| e.to_string()).collect())
    }

    #[test]
    fn typescript_without_the_feature_says_how_to_turn_it_on() {
        let marked =
            "#[claims(typescript)] struct Claims { #[claims(ts_type = \"string\")] id: Id }";
        let off = judged(marked, false);
        assert_eq!(off, [super::feature_off()]);
        assert_eq!(
            off[0],
            "`typescript` writes the TypeScript declaration and Clerk template with the `typescript` feature, \
             which is off in this build; turn it on where the derive comes from, in Cargo.toml: `claims-core = \
             { version = \"0.1\", features = [\"typescript\"] }`, or `features = [\"typescript\"]` on claims-jwt \
             for `claims_jwt::SessionClaims`"
        );
        assert_eq!(judged(marked, true), Vec::<String>::new());
        // one error, not also the one about generics: they are about items this build will not write
        let generic = "#[claims(typescript)] struct Claims<T> { id: T }";
        assert_eq!(judged(generic, false), [super::feature_off()]);
        assert_eq!(
            judged(generic, true),
            [
                "`typescript` declares the claims of one concrete type, and `Claims` is generic; derive it on a \
                 struct without type parameters (it may hold this one as a field)"
            ]
        );
        // a field's `ts_type` is a description, accepted whether or not this build writes TypeScript
        let described = "struct Claims { #[claims(ts_type = \"string\")] id: Id }";
        assert_eq!(judged(described, false), Vec::<String>::new());
        // and still checked either way
        let empty = "struct Claims { #[claims(ts_type = \" \")] id: Id }";
        for enabled in [false, true] {
            assert_eq!(
                judged(empty, enabled),
                ["`ts_type` needs a TypeScript type, as in `ts_type = \"string\"`"]
            );
        }
    }

    #[test]
    fn types_read_as_written() {
        let table = [
            ("Vec<String>", "Vec<String>"),
            (
                "std::collections::HashMap<String, uuid::Uuid>",
                "std::collections::HashMap<String, uuid::Uuid>",
            ),
            ("[u8; 4]", "[u8; 4]"),
            ("Option<&'static str>", "Option<&'static str>"),
            ("(u8, String)", "(u8, String)"),
        ];
        for (source, expected) in table {
            let ty: syn::Type = syn::parse_str(source).unwrap();
            assert_eq!(type_text(&ty), expected, "{source}");
        }
    }
}
