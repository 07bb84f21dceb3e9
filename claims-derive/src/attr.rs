//! Reading attributes: our `#[claims(...)]` strictly, serde's `#[serde(...)]` tolerantly.
//!
//! Every mistake in a `#[claims]` attribute is recorded and parsing goes on with the next key, so one
//! compile reports them all. serde's attributes are serde's to judge: keys we don't need are skipped, and
//! a malformed one is left for `serde_derive` to report.

use claims_profiles::Profile;
use proc_macro2::{Span, TokenStream, TokenTree};
use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::spanned::Spanned as _;
use syn::{Attribute, Lit, LitStr, Token};

use crate::case::RenameRule;
use crate::errors::Errors;

/// A value with the span of the token it came from.
#[derive(Clone, Debug)]
pub(crate) struct Spanned<T> {
    pub(crate) value: T,
    pub(crate) span: Span,
}

/// `#[claims(...)]` on the struct.
#[derive(Default)]
pub(crate) struct ContainerAttrs {
    pub(crate) profiles: Vec<Spanned<&'static Profile>>,
    /// `profile = "none"`: no provider profile, not even the default.
    pub(crate) no_profile: Option<Span>,
    pub(crate) reserve: Vec<Spanned<String>>,
    pub(crate) reserve_prefix: Vec<Spanned<String>>,
    pub(crate) max_size: Option<Spanned<usize>>,
    pub(crate) crate_path: Option<syn::Path>,
    pub(crate) patch: Option<Span>,
    /// `typescript`: implement `ClerkFrontend`; how a field without a TypeScript type is treated.
    pub(crate) typescript: Option<Spanned<Undescribed>>,
    /// `clerk_template = "complete"`: every written claim needs a `clerk` shortcode.
    pub(crate) clerk_complete: Option<Span>,
}

/// What `#[claims(typescript)]` does with a field whose type has no TypeScript description.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Undescribed {
    /// `typescript` or `typescript = "strict"`: a compile error naming the field.
    Error,
    /// `typescript = "unknown"`: declared `unknown`, with a comment.
    Unknown,
}

/// `#[claims(...)]` on a field.
#[derive(Default)]
pub(crate) struct FieldAttrs {
    pub(crate) max_len: Option<Spanned<usize>>,
    pub(crate) max_items: Option<Spanned<usize>>,
    pub(crate) max_json_len: Option<Spanned<usize>>,
    pub(crate) nested: Option<Span>,
    /// `clerk = "{{...}}"`: the Clerk shortcode that fills the claim.
    pub(crate) clerk: Option<LitStr>,
    /// `ts_type = "..."`: the field's TypeScript type, written by hand.
    pub(crate) ts_type: Option<LitStr>,
}

const CONTAINER_KEYS: &[&str] = &[
    "profile",
    "reserve",
    "reserve_prefix",
    "max_size",
    "crate",
    "patch",
    "typescript",
    "clerk_template",
];
const FIELD_KEYS: &[&str] = &[
    "max_len",
    "max_items",
    "max_json_len",
    "nested",
    "clerk",
    "ts_type",
];

fn key_list(keys: &[&str]) -> String {
    keys.iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn key_name(meta: &ParseNestedMeta<'_>) -> String {
    let segments: Vec<String> = meta
        .path
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect();
    segments.join("::")
}

/// Reads every `#[claims(...)]` on the struct.
pub(crate) fn container_attrs(attrs: &[Attribute], errors: &mut Errors) -> ContainerAttrs {
    let mut out = ContainerAttrs::default();
    each_key(attrs, errors, |key, span, meta, errors| {
        match key {
            "profile" => {
                if let Some(lit) = string_value(meta, key, "profile = \"clerk\"", errors)? {
                    add_profile(&mut out, &lit, errors);
                }
            }
            "reserve" | "reserve_prefix" => {
                let example = if key == "reserve" {
                    "reserve = \"tenant_id\""
                } else {
                    "reserve_prefix = \"internal_\""
                };
                if let Some(lit) = string_value(meta, key, example, errors)? {
                    let value = lit.value();
                    let list = if key == "reserve" {
                        &mut out.reserve
                    } else {
                        &mut out.reserve_prefix
                    };
                    if value.is_empty() {
                        let what = if key == "reserve" {
                            "an empty claim name can't be reserved"
                        } else {
                            "an empty prefix would reserve every name"
                        };
                        errors.add(lit.span(), format!("{what}; expected `{example}`"));
                    } else if list.iter().any(|v| v.value == value) {
                        errors.add(
                            lit.span(),
                            format!("duplicate `{key} = {value:?}`; list it once"),
                        );
                    } else {
                        list.push(Spanned {
                            value,
                            span: lit.span(),
                        });
                    }
                }
            }
            "max_size" => {
                if let Some(n) = int_value(meta, key, "max_size = 1200", errors)? {
                    set_once(&mut out.max_size, n, key, span, errors);
                }
            }
            "crate" => {
                if let Some(lit) =
                    string_value(meta, key, "crate = \"my_app::claims_core\"", errors)?
                {
                    match lit.parse::<syn::Path>() {
                            Ok(path) if out.crate_path.is_some() => {
                                let _ = path;
                                errors.add(span, "duplicate claims attribute `crate`; give it once");
                            }
                            Ok(path) => out.crate_path = Some(path),
                            Err(_) => errors.add(
                                lit.span(),
                                format!(
                                    "`crate` must be a path to claims_core, e.g. `crate = \"my_app::claims_core\"`; found {:?}",
                                    lit.value()
                                ),
                            ),
                        }
                }
            }
            "patch" => set_flag(&mut out.patch, meta, key, span, errors)?,
            "typescript" => typescript_mode(&mut out, meta, span, errors)?,
            "clerk_template" => {
                let example = "clerk_template = \"complete\"";
                if let Some(lit) = string_value(meta, key, example, errors)? {
                    match lit.value().as_str() {
                        "complete" if out.clerk_complete.is_none() => {
                            out.clerk_complete = Some(lit.span());
                        }
                        "complete" => errors.add(span, "duplicate claims attribute `clerk_template`; give it once"),
                        "partial" => {}
                        other => errors.add(
                            lit.span(),
                            format!("unknown `clerk_template = {other:?}`; expected `\"complete\"` (every claim needs a shortcode) or `\"partial\"` (claims without one are left out)"),
                        ),
                    }
                }
            }
            other => unknown_key(meta, other, span, CONTAINER_KEYS, errors)?,
        }
        Ok(())
    });
    out
}

/// Reads every `#[claims(...)]` on a field.
pub(crate) fn field_attrs(attrs: &[Attribute], errors: &mut Errors) -> FieldAttrs {
    let mut out = FieldAttrs::default();
    each_key(attrs, errors, |key, span, meta, errors| {
        match key {
            "max_len" | "max_items" | "max_json_len" => {
                let example = format!("{key} = 64");
                if let Some(n) = int_value(meta, key, &example, errors)? {
                    let slot = match key {
                        "max_len" => &mut out.max_len,
                        "max_items" => &mut out.max_items,
                        _ => &mut out.max_json_len,
                    };
                    set_once(slot, n, key, span, errors);
                }
            }
            "nested" => set_flag(&mut out.nested, meta, key, span, errors)?,
            "clerk" | "ts_type" => {
                let example = if key == "clerk" {
                    "clerk = \"{{user.primary_email_address}}\""
                } else {
                    "ts_type = \"string\""
                };
                if let Some(lit) = string_value(meta, key, example, errors)? {
                    let slot = if key == "clerk" {
                        &mut out.clerk
                    } else {
                        &mut out.ts_type
                    };
                    if slot.is_some() {
                        errors.add(
                            span,
                            format!("duplicate claims attribute `{key}`; give it once"),
                        );
                    } else {
                        *slot = Some(lit);
                    }
                }
            }
            other => unknown_key(meta, other, span, FIELD_KEYS, errors)?,
        }
        Ok(())
    });
    out
}

/// Records `typescript` or `typescript = "strict" | "unknown"`.
fn typescript_mode(
    out: &mut ContainerAttrs,
    meta: &ParseNestedMeta<'_>,
    span: Span,
    errors: &mut Errors,
) -> syn::Result<()> {
    let mode = if meta.input.peek(Token![=]) {
        let example = "typescript = \"unknown\"";
        let Some(lit) = string_value(meta, "typescript", example, errors)? else {
            return Ok(());
        };
        match lit.value().as_str() {
            "strict" => Undescribed::Error,
            "unknown" => Undescribed::Unknown,
            other => {
                errors.add(
                    lit.span(),
                    format!(
                        "unknown `typescript = {other:?}`; expected `typescript` or `typescript = \"strict\"` (a field \
                         without a TypeScript type is an error) or `typescript = \"unknown\"` (it is declared `unknown`)"
                    ),
                );
                return Ok(());
            }
        }
    } else if flag_value(meta, "typescript", errors)? {
        Undescribed::Error
    } else {
        return Ok(());
    };
    if out.typescript.is_some() {
        errors.add(
            span,
            "duplicate claims attribute `typescript`; give it once",
        );
    } else {
        out.typescript = Some(Spanned { value: mode, span });
    }
    Ok(())
}

/// Records `profile = "..."`: a built-in profile, or `none` for no profile at all.
fn add_profile(out: &mut ContainerAttrs, lit: &LitStr, errors: &mut Errors) {
    let name = lit.value();
    if name == "none" {
        if out.no_profile.is_some() {
            errors.add(
                lit.span(),
                "duplicate profile `none`; list each profile once",
            );
        }
        out.no_profile = Some(lit.span());
        return;
    }
    match Profile::by_name(&name) {
        Some(profile) if out.profiles.iter().any(|p| std::ptr::eq(p.value, profile)) => {
            errors.add(
                lit.span(),
                format!("duplicate profile `{name}`; list each profile once"),
            );
        }
        Some(profile) => out.profiles.push(Spanned {
            value: profile,
            span: lit.span(),
        }),
        None => {
            let known: Vec<&str> = Profile::ALL
                .iter()
                .map(|p| p.name())
                .chain(["none"])
                .collect();
            errors.add(
                lit.span(),
                format!(
                    "unknown profile `{name}`; expected one of {}",
                    key_list(&known)
                ),
            );
        }
    }
}

/// Calls `f` with each key of each `#[claims(...)]`, its span and its meta; a syntax error ends that
/// attribute (recorded) and reading goes on with the next one.
fn each_key(
    attrs: &[Attribute],
    errors: &mut Errors,
    mut f: impl FnMut(&str, Span, &ParseNestedMeta<'_>, &mut Errors) -> syn::Result<()>,
) {
    for attr in claims_attrs(attrs, errors) {
        let result = attr.parse_nested_meta(|meta| {
            let key = key_name(&meta);
            f(&key, meta.path.span(), &meta, errors)
        });
        if let Err(err) = result {
            errors.push(err);
        }
    }
}

/// A key that takes no value, given at most once.
fn set_flag(
    slot: &mut Option<Span>,
    meta: &ParseNestedMeta<'_>,
    key: &str,
    span: Span,
    errors: &mut Errors,
) -> syn::Result<()> {
    if flag_value(meta, key, errors)? {
        if slot.is_some() {
            errors.add(
                span,
                format!("duplicate claims attribute `{key}`; give it once"),
            );
        }
        *slot = Some(span);
    }
    Ok(())
}

/// A key this position doesn't take: a key of the other position, or no key of ours.
fn unknown_key(
    meta: &ParseNestedMeta<'_>,
    key: &str,
    span: Span,
    expected: &[&str],
    errors: &mut Errors,
) -> syn::Result<()> {
    let on_struct = std::ptr::eq(expected, CONTAINER_KEYS);
    let message = if on_struct && FIELD_KEYS.contains(&key) {
        format!("`{key}` is a field attribute; put it on a field, not on the struct")
    } else if !on_struct && CONTAINER_KEYS.contains(&key) {
        format!("`{key}` is a struct attribute; put it on the struct, not on a field")
    } else {
        format!(
            "unknown claims attribute `{key}`; expected one of {}",
            key_list(expected)
        )
    };
    errors.add(span, message);
    skip_value(meta)
}

/// The `#[claims]` attributes, refusing the forms without a list (`#[claims]`, `#[claims = ...]`).
fn claims_attrs<'a>(attrs: &'a [Attribute], errors: &mut Errors) -> Vec<&'a Attribute> {
    let mut out = Vec::new();
    for attr in attrs.iter().filter(|a| a.path().is_ident("claims")) {
        match &attr.meta {
            syn::Meta::List(_) => out.push(attr),
            other => errors.add(
                other.span(),
                "expected a list of claims attributes, e.g. `#[claims(max_len = 64)]`",
            ),
        }
    }
    out
}

fn set_once(
    slot: &mut Option<Spanned<usize>>,
    value: usize,
    key: &str,
    span: Span,
    errors: &mut Errors,
) {
    if slot.is_some() {
        errors.add(
            span,
            format!("duplicate claims attribute `{key}`; give it once"),
        );
    } else {
        *slot = Some(Spanned { value, span });
    }
}

/// The tokens of `= value` up to the next top-level comma, or `None` (with an error) when there is no `=`.
fn value_tokens(
    meta: &ParseNestedMeta<'_>,
    key: &str,
    example: &str,
    errors: &mut Errors,
) -> syn::Result<Option<TokenStream>> {
    if !meta.input.peek(Token![=]) {
        errors.add(meta.path.span(), format!("expected `{example}`"));
        skip_value(meta)?;
        return Ok(None);
    }
    let eq: Token![=] = meta.input.parse()?;
    let tokens = rest_of_value(meta.input)?;
    if tokens.is_empty() {
        errors.add(
            eq.span,
            format!("expected a value after `{key} =`, as in `{example}`"),
        );
        return Ok(None);
    }
    Ok(Some(tokens))
}

fn string_value(
    meta: &ParseNestedMeta<'_>,
    key: &str,
    example: &str,
    errors: &mut Errors,
) -> syn::Result<Option<LitStr>> {
    let Some(tokens) = value_tokens(meta, key, example, errors)? else {
        return Ok(None);
    };
    if let Ok(Lit::Str(lit)) = syn::parse2::<Lit>(tokens.clone()) {
        return Ok(Some(lit));
    }
    errors.add(
        span_of(&tokens),
        format!("expected a string, as in `{example}`"),
    );
    Ok(None)
}

fn int_value(
    meta: &ParseNestedMeta<'_>,
    key: &str,
    example: &str,
    errors: &mut Errors,
) -> syn::Result<Option<usize>> {
    let Some(tokens) = value_tokens(meta, key, example, errors)? else {
        return Ok(None);
    };
    match syn::parse2::<Lit>(tokens.clone()) {
        Ok(Lit::Int(lit)) if lit.suffix().is_empty() || lit.suffix() == "usize" => {
            if let Ok(n) = lit.base10_parse::<usize>() {
                return Ok(Some(n));
            }
            errors.add(
                lit.span(),
                format!("`{key}` must be a whole number that fits a `usize`, as in `{example}`"),
            );
            Ok(None)
        }
        _ => {
            errors.add(
                span_of(&tokens),
                format!("expected an integer, as in `{example}`"),
            );
            Ok(None)
        }
    }
}

/// A key that takes no value; `false` (with an error) when one was given.
fn flag_value(meta: &ParseNestedMeta<'_>, key: &str, errors: &mut Errors) -> syn::Result<bool> {
    if meta.input.peek(Token![=]) || meta.input.peek(syn::token::Paren) {
        errors.add(
            meta.path.span(),
            format!("`{key}` takes no value; write `#[claims({key})]`"),
        );
        skip_value(meta)?;
        return Ok(false);
    }
    Ok(true)
}

fn span_of(tokens: &TokenStream) -> Span {
    let mut iter = tokens.clone().into_iter();
    let first = iter.next().map_or_else(Span::call_site, |t| t.span());
    let last = iter.last().map_or(first, |t| t.span());
    first.join(last).unwrap_or(first)
}

/// Skips what follows a key we won't read: `= value` or `(...)`.
fn skip_value(meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        meta.input.parse::<Token![=]>()?;
        rest_of_value(meta.input)?;
    } else if meta.input.peek(syn::token::Paren) {
        meta.input.parse::<TokenTree>()?;
    }
    Ok(())
}

fn rest_of_value(input: ParseStream<'_>) -> syn::Result<TokenStream> {
    let mut tokens = TokenStream::new();
    while !input.is_empty() && !input.peek(Token![,]) {
        tokens.extend([input.parse::<TokenTree>()?]);
    }
    Ok(tokens)
}

/// `#[serde(...)]` on the struct, as far as claims go.
#[derive(Default)]
pub(crate) struct SerdeContainer {
    pub(crate) rename_all_serialize: Option<RenameRule>,
    pub(crate) rename_all_deserialize: Option<RenameRule>,
    pub(crate) default: bool,
    /// Keys that change the JSON shape so that names or sizes can't be checked (`transparent`, `tag`...).
    pub(crate) unsupported: Vec<Spanned<&'static str>>,
}

/// `#[serde(...)]` on a field, as far as claims go.
// One flag per serde key, as serde's own attribute structs have them.
#[allow(clippy::struct_excessive_bools)]
#[derive(Default)]
pub(crate) struct SerdeField {
    pub(crate) rename_serialize: Option<LitStr>,
    pub(crate) rename_deserialize: Option<LitStr>,
    /// The rename was written `rename(serialize = "...", deserialize = "...")`.
    pub(crate) rename_split: bool,
    pub(crate) aliases: Vec<LitStr>,
    pub(crate) skip_serializing: bool,
    pub(crate) skip_deserializing: bool,
    /// The first of `skip`, `skip_serializing`, `skip_deserializing`.
    pub(crate) skip: Option<Span>,
    /// `skip_serializing_if` with any predicate: the field may be missing.
    pub(crate) skip_serializing_if: bool,
    /// `skip_serializing_if = "Option::is_none"` (or a longer path to it): a `None` is never written.
    pub(crate) skip_if_none: bool,
    pub(crate) default: bool,
    pub(crate) flatten: Option<Span>,
    /// `with` or `serialize_with`: the field is written by other code.
    pub(crate) serialize_with: Option<Span>,
    pub(crate) deserialize_with: bool,
}

/// Reads serde's container attributes. A rule or key serde doesn't know is `serde_derive`'s to report.
pub(crate) fn serde_container(attrs: &[Attribute]) -> SerdeContainer {
    let mut out = SerdeContainer::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        // A malformed serde attribute is `serde_derive`'s to report.
        let _ = attr.parse_nested_meta(|meta| {
            let span = meta.path.span();
            let key = key_name(&meta);
            match key.as_str() {
                "rename_all" => {
                    let (ser, de) = both_sides(&meta)?;
                    if let Some(rule) = ser.and_then(|lit| RenameRule::from_name(&lit.value())) {
                        out.rename_all_serialize = Some(rule);
                    }
                    if let Some(rule) = de.and_then(|lit| RenameRule::from_name(&lit.value())) {
                        out.rename_all_deserialize = Some(rule);
                    }
                }
                "default" => {
                    out.default = true;
                    skip_value(&meta)?;
                }
                "transparent" | "tag" | "into" | "from" | "try_from" | "remote" => {
                    let key = match key.as_str() {
                        "transparent" => "transparent",
                        "tag" => "tag",
                        "into" => "into",
                        "from" => "from",
                        "try_from" => "try_from",
                        _ => "remote",
                    };
                    out.unsupported.push(Spanned { value: key, span });
                    skip_value(&meta)?;
                }
                _ => skip_value(&meta)?,
            }
            Ok(())
        });
    }
    out
}

/// Reads serde's field attributes.
pub(crate) fn serde_field(attrs: &[Attribute]) -> SerdeField {
    let mut out = SerdeField::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let _ = attr.parse_nested_meta(|meta| {
            let key = key_name(&meta);
            let span = meta.path.span();
            match key.as_str() {
                "rename" => {
                    out.rename_split = !meta.input.peek(Token![=]);
                    let (ser, de) = both_sides(&meta)?;
                    if ser.is_some() {
                        out.rename_serialize = ser;
                    }
                    if de.is_some() {
                        out.rename_deserialize = de;
                    }
                }
                "alias" => {
                    if let Some(lit) = plain_string(&meta)? {
                        out.aliases.push(lit);
                    }
                }
                "skip" | "skip_serializing" | "skip_deserializing" => {
                    out.skip_serializing |= key != "skip_deserializing";
                    out.skip_deserializing |= key != "skip_serializing";
                    out.skip.get_or_insert(span);
                }
                "skip_serializing_if" => {
                    out.skip_serializing_if = true;
                    out.skip_if_none = plain_string(&meta)?
                        .and_then(|lit| lit.parse::<syn::Path>().ok())
                        .is_some_and(|path| is_option_is_none(&path));
                }
                "default" => {
                    out.default = true;
                    skip_value(&meta)?;
                }
                "flatten" => out.flatten = Some(span),
                "with" | "serialize_with" => {
                    out.serialize_with = Some(span);
                    if key == "with" {
                        out.deserialize_with = true;
                    }
                    skip_value(&meta)?;
                }
                "deserialize_with" => {
                    out.deserialize_with = true;
                    skip_value(&meta)?;
                }
                _ => skip_value(&meta)?,
            }
            Ok(())
        });
    }
    out
}

/// Whether `path` names `Option::is_none`: `Option::is_none`, `std::option::Option::is_none`... (as
/// written in `skip_serializing_if`; a function of another name may skip other values than `None`).
fn is_option_is_none(path: &syn::Path) -> bool {
    let mut segments = path.segments.iter().rev();
    matches!(
        (segments.next(), segments.next()),
        (Some(method), Some(ty)) if method.ident == "is_none" && ty.ident == "Option"
    )
}

/// `key = "x"` (both sides) or `key(serialize = "x", deserialize = "y")` (either side).
fn both_sides(meta: &ParseNestedMeta<'_>) -> syn::Result<(Option<LitStr>, Option<LitStr>)> {
    if meta.input.peek(Token![=]) {
        let lit = plain_string(meta)?;
        return Ok((lit.clone(), lit));
    }
    let (mut ser, mut de) = (None, None);
    if meta.input.peek(syn::token::Paren) {
        meta.parse_nested_meta(|side| {
            if side.path.is_ident("serialize") {
                ser = plain_string(&side)?;
            } else if side.path.is_ident("deserialize") {
                de = plain_string(&side)?;
            } else {
                skip_value(&side)?;
            }
            Ok(())
        })?;
    }
    Ok((ser, de))
}

/// `= "x"`, or `None` when the value is not a plain string (`serde_derive` reports that).
fn plain_string(meta: &ParseNestedMeta<'_>) -> syn::Result<Option<LitStr>> {
    if !meta.input.peek(Token![=]) {
        skip_value(meta)?;
        return Ok(None);
    }
    meta.input.parse::<Token![=]>()?;
    let tokens = rest_of_value(meta.input)?;
    Ok(match syn::parse2::<Lit>(tokens) {
        Ok(Lit::Str(lit)) => Some(lit),
        _ => None,
    })
}
