//! A borrowed view of the input: the struct, its attributes and, for each field, the claim names serde
//! will write and read. Later phases point at the user's tokens through `original`.

use claims_profiles::{Profile, ReservedNames};
use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields, Generics, Ident, Type};

use crate::attr::{self, ContainerAttrs, FieldAttrs, SerdeContainer, SerdeField};
use crate::case::RenameRule;
use crate::errors::Errors;

/// The struct being derived.
pub(crate) struct Input<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) generics: &'a Generics,
    pub(crate) attrs: ContainerAttrs,
    pub(crate) serde: SerdeContainer,
    pub(crate) fields: Vec<Field<'a>>,
    pub(crate) original: &'a DeriveInput,
    /// Where generated code finds claims-core: `crate = "..."`, or the derive's default path.
    pub(crate) krate: TokenStream,
}

/// The reserved-name policy the struct's names are checked against, in parts: its profiles (`rfc7519`
/// unless some are named, none with `profile = "none"`), its `reserve` names and `reserve_prefix` prefixes.
pub(crate) struct Policy<'i> {
    pub(crate) profiles: Vec<&'static Profile>,
    pub(crate) names: Vec<&'i str>,
    pub(crate) prefixes: Vec<&'i str>,
}

impl Policy<'_> {
    /// The policy, as claims-profiles checks it.
    pub(crate) fn reserved(&self) -> ReservedNames<'_> {
        ReservedNames::from_profiles(&self.profiles)
            .with_names(&self.names)
            .with_prefixes(&self.prefixes)
    }

    /// The built-in profiles whose every reserved name and prefix this policy reserves too: the profiles
    /// the struct was derived for, and any that its other reservations cover.
    pub(crate) fn covered(&self) -> Vec<&'static Profile> {
        let reserved = self.reserved();
        Profile::ALL
            .iter()
            .copied()
            .filter(|profile| {
                profile
                    .names()
                    .iter()
                    .chain(profile.prefixes())
                    .all(|name| reserved.check(name).is_some())
            })
            .collect()
    }
}

/// One named field.
pub(crate) struct Field<'a> {
    pub(crate) original: &'a syn::Field,
    pub(crate) ident: &'a Ident,
    /// The field name without `r#`, as serde uses it.
    pub(crate) name: String,
    pub(crate) attrs: FieldAttrs,
    pub(crate) serde: SerdeField,
    /// The name the field is written under, unless it is never written.
    pub(crate) written: Option<ClaimName>,
    /// The names the field is read from (the main one, then aliases), unless it is never read.
    pub(crate) read: Vec<ClaimName>,
}

/// A claim name and where it came from.
#[derive(Clone, Debug)]
pub(crate) struct ClaimName {
    pub(crate) value: String,
    pub(crate) span: Span,
    pub(crate) origin: Origin,
}

/// How a claim name was made, for messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Origin {
    /// The field name, maybe changed by `rename_all`.
    Field,
    /// `#[serde(rename = "...")]`.
    Rename,
    /// `#[serde(rename(serialize = "..."))]` or `#[serde(rename(deserialize = "..."))]`.
    SplitRename,
    /// `#[serde(alias = "...")]`.
    Alias,
}

impl<'a> Input<'a> {
    /// Reads the input; `None` when its shape is not a struct with named fields (the error is in `errors`).
    pub(crate) fn from_syn(
        input: &'a DeriveInput,
        default_crate: &TokenStream,
        errors: &mut Errors,
    ) -> Option<Self> {
        let attrs = attr::container_attrs(&input.attrs, errors);
        let serde = attr::serde_container(&input.attrs);
        let named = match &input.data {
            Data::Struct(data) => match &data.fields {
                Fields::Named(named) => Some(named),
                Fields::Unnamed(fields) => {
                    errors.add(fields.span(), shape_error("a tuple struct"));
                    None
                }
                Fields::Unit => {
                    errors.add(input.ident.span(), shape_error("a unit struct"));
                    None
                }
            },
            Data::Enum(data) => {
                errors.add(data.enum_token.span, shape_error("an enum"));
                None
            }
            Data::Union(data) => {
                errors.add(data.union_token.span, shape_error("a union"));
                None
            }
        }?;
        let fields = named
            .named
            .iter()
            .filter_map(|field| Field::from_syn(field, &serde, errors))
            .collect();
        let krate = attrs
            .crate_path
            .as_ref()
            .map_or_else(|| default_crate.clone(), ToTokens::to_token_stream);
        Some(Input {
            ident: &input.ident,
            generics: &input.generics,
            attrs,
            serde,
            fields,
            original: input,
            krate,
        })
    }

    /// The struct's reserved-name policy.
    pub(crate) fn policy(&self) -> Policy<'_> {
        let profiles = if self.attrs.no_profile.is_some() {
            Vec::new()
        } else if self.attrs.profiles.is_empty() {
            vec![&Profile::RFC7519]
        } else {
            self.attrs.profiles.iter().map(|p| p.value).collect()
        };
        Policy {
            profiles,
            names: self
                .attrs
                .reserve
                .iter()
                .map(|n| n.value.as_str())
                .collect(),
            prefixes: self
                .attrs
                .reserve_prefix
                .iter()
                .map(|n| n.value.as_str())
                .collect(),
        }
    }

    /// Whether the struct has type or const parameters (its bound is then known only per instance).
    pub(crate) fn is_generic(&self) -> bool {
        self.generics.type_params().next().is_some()
            || self.generics.const_params().next().is_some()
    }
}

fn shape_error(found: &str) -> String {
    format!(
        "#[derive(SessionClaims)] supports structs with named fields, which serde writes as a JSON object of \
         claims; found {found}"
    )
}

impl<'a> Field<'a> {
    fn from_syn(
        field: &'a syn::Field,
        container: &SerdeContainer,
        errors: &mut Errors,
    ) -> Option<Self> {
        let ident = field.ident.as_ref()?;
        let name = ident.to_string().trim_start_matches("r#").to_owned();
        let attrs = attr::field_attrs(&field.attrs, errors);
        let serde = attr::serde_field(&field.attrs);

        let side =
            |rename: &Option<syn::LitStr>, rule: Option<RenameRule>, split: bool| match rename {
                Some(lit) => ClaimName {
                    value: lit.value(),
                    span: lit.span(),
                    origin: if split {
                        Origin::SplitRename
                    } else {
                        Origin::Rename
                    },
                },
                None => ClaimName {
                    value: rule.map_or_else(|| name.clone(), |rule| rule.apply_to_field(&name)),
                    span: ident.span(),
                    origin: Origin::Field,
                },
            };
        let split = serde.rename_split;
        let written = (!serde.skip_serializing).then(|| {
            side(
                &serde.rename_serialize,
                container.rename_all_serialize,
                split,
            )
        });
        let mut read = Vec::new();
        if !serde.skip_deserializing {
            read.push(side(
                &serde.rename_deserialize,
                container.rename_all_deserialize,
                split,
            ));
            read.extend(serde.aliases.iter().map(|lit| ClaimName {
                value: lit.value(),
                span: lit.span(),
                origin: Origin::Alias,
            }));
        }
        Some(Field {
            original: field,
            ident,
            name,
            attrs,
            serde,
            written,
            read,
        })
    }

    /// The claim the field's bound errors are reported under: the name it is written as, or read as.
    pub(crate) fn claim(&self) -> &str {
        self.written
            .as_ref()
            .or(self.read.first())
            .map_or(&self.name, |n| &n.value)
    }

    /// The field's type, as written.
    pub(crate) fn ty(&self) -> &'a Type {
        &self.original.ty
    }

    /// Whether the field may be missing when read: `Option<_>` without `deserialize_with`, or a default.
    pub(crate) fn may_be_absent(&self, container: &SerdeContainer) -> bool {
        self.serde.default
            || container.default
            || (!self.serde.deserialize_with && option_inner(self.ty()).is_some())
    }
}

/// `T` when `ty` is spelled `Option<T>` (as serde recognizes an optional field: by the last path segment).
pub(crate) fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else { return None };
    if path.qself.is_some() {
        return None;
    }
    let last = path.path.segments.last()?;
    if last.ident != "Option" {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first()? {
        syn::GenericArgument::Type(inner) if args.args.len() == 1 => Some(inner),
        _ => None,
    }
}
