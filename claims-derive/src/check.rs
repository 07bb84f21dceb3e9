//! Judgments that need several attributes at once: reserved names, names shared by two fields, serde
//! features that change the JSON shape, and the combinations of our own keys that make no sense.

use std::collections::HashMap;

use crate::ast::{ClaimName, Field, Input, Origin};
use crate::errors::Errors;

/// Records every problem of `input` in `errors`.
pub(crate) fn check(input: &Input<'_>, errors: &mut Errors) {
    container(input, errors);
    for field in &input.fields {
        field_attrs(input, field, errors);
    }
    reserved_names(input, errors);
    shared_names(input, errors);
    if input.attrs.patch.is_some() {
        for field in &input.fields {
            patchable(field, errors);
        }
    }
}

fn container(input: &Input<'_>, errors: &mut Errors) {
    if let (Some(span), false) = (input.attrs.no_profile, input.attrs.profiles.is_empty()) {
        errors.add(
            span,
            "`profile = \"none\"` turns every provider profile off, so it can't be combined with another \
             `profile`; remove one of them",
        );
    }
    for key in &input.serde.unsupported {
        let message = match key.value {
            "transparent" => {
                "`#[serde(transparent)]` writes the claims as one field's value, not as a JSON object of claims; \
                 remove it, or derive SessionClaims on the inner type"
            }
            "tag" => {
                "`#[serde(tag = \"...\")]` on a struct adds a claim that #[derive(SessionClaims)] can't check; \
                 declare the tag as a field instead"
            }
            "into" => {
                "`#[serde(into = \"...\")]` writes the claims as another type, so their names and size can't be \
                 checked here; derive SessionClaims on that type instead"
            }
            "from" | "try_from" => {
                "`#[serde(from = \"...\")]` and `try_from` read the claims as another type, so the names read \
                 can't be checked here; derive SessionClaims on that type instead"
            }
            _ => {
                "`#[serde(remote = \"...\")]` derives serde for another type; derive SessionClaims on a local \
                 struct instead"
            }
        };
        errors.add(key.span, message);
    }
}

fn field_attrs(input: &Input<'_>, field: &Field<'_>, errors: &mut Errors) {
    let name = &field.name;
    if let Some(span) = field.serde.flatten {
        errors.add(
            span,
            format!(
                "`#[serde(flatten)]` on field `{name}` is not supported: the claim names and size of a flattened \
                 type can't be checked at compile time; nest it as a field (a JSON object) or move its fields \
                 into this struct"
            ),
        );
    }
    let limits = [
        ("max_len", &field.attrs.max_len),
        ("max_items", &field.attrs.max_items),
        ("max_json_len", &field.attrs.max_json_len),
    ];
    if let Some(with) = field.serde.serialize_with {
        for (key, limit) in limits {
            if let Some(limit) = limit {
                errors.add(
                    limit.span,
                    format!(
                        "`{key}` can't bound field `{name}`: #[serde(with)] or #[serde(serialize_with)] writes it \
                         with other code, which the bound would not describe; remove one of them"
                    ),
                );
            }
        }
        if let (Some(max_size), true) = (&input.attrs.max_size, field.written.is_some()) {
            errors.add(
                with,
                format!(
                    "field `{name}` is written by its own serializer, so its size has no bound, but \
                     `max_size = {}` needs one on every field; remove `max_size` or the custom serializer",
                    max_size.value
                ),
            );
        }
        if let Some(nested) = field.attrs.nested {
            errors.add(
                nested,
                format!("`nested` can't patch field `{name}`: #[serde(with)] writes it with other code; remove `nested`"),
            );
        }
    }
    if let Some(whole) = &field.attrs.max_json_len {
        for (key, limit) in &limits[..2] {
            if limit.is_some() {
                errors.add(
                    whole.span,
                    format!(
                        "`max_json_len` bounds the whole value of field `{name}`, so `{key}` would be ignored; \
                         keep one of them"
                    ),
                );
            }
        }
    }
    if let (Some(nested), None) = (field.attrs.nested, input.attrs.patch) {
        errors.add(
            nested,
            format!(
                "`nested` only shapes the typed patch, and `{}` has none; add #[claims(patch)] to the struct or \
                 remove `nested`",
                input.ident
            ),
        );
    }
}

/// The field's distinct names: written first, then read.
fn names<'f>(field: &'f Field<'_>) -> Vec<&'f ClaimName> {
    let mut out: Vec<&ClaimName> = Vec::new();
    for name in field.written.iter().chain(&field.read) {
        if !out.iter().any(|n| n.value == name.value) {
            out.push(name);
        }
    }
    out
}

fn reserved_names(input: &Input<'_>, errors: &mut Errors) {
    let policy = input.policy();
    let policy = policy.reserved();
    for field in &input.fields {
        let written = field.written.as_ref().map(|n| n.value.as_str());
        for name in names(field) {
            let Some(why) = policy.check(&name.value) else {
                continue;
            };
            let claim = &name.value;
            let message = match name.origin {
                Origin::Alias => format!(
                    "alias `{claim}` of field `{}` is {why}; remove the alias or choose another name",
                    field.name
                ),
                Origin::SplitRename => {
                    let side = if written == Some(claim.as_str()) {
                        "written, from #[serde(rename(serialize = ...))]"
                    } else {
                        "read, from #[serde(rename(deserialize = ...))]"
                    };
                    format!(
                        "claim name `{claim}` ({side}) is {why}; choose another name in the rename"
                    )
                }
                Origin::Rename => {
                    format!(
                        "claim name `{claim}` is {why}; choose another name in #[serde(rename = \"...\")]"
                    )
                }
                Origin::Field if *claim != field.name => format!(
                    "claim name `{claim}` (field `{}` after #[serde(rename_all)]) is {why}; rename the field with \
                     #[serde(rename = \"...\")]",
                    field.name
                ),
                Origin::Field => {
                    format!(
                        "claim name `{claim}` is {why}; rename the field with #[serde(rename = \"...\")]"
                    )
                }
            };
            errors.add(name.span, message);
        }
    }
}

fn shared_names(input: &Input<'_>, errors: &mut Errors) {
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for field in &input.fields {
        for name in names(field) {
            match seen.get(name.value.as_str()) {
                Some(first) => errors.add(
                    name.span,
                    format!(
                        "claim name `{}` of field `{}` is already used by field `{first}`; two fields can't share \
                         a claim name: rename one of them with #[serde(rename = \"...\")]",
                        name.value, field.name
                    ),
                ),
                None => {
                    seen.insert(&name.value, &field.name);
                }
            }
        }
    }
}

fn patchable(field: &Field<'_>, errors: &mut Errors) {
    let name = &field.name;
    if let Some(skip) = field.serde.skip {
        errors.add(
            skip,
            format!(
                "`#[claims(patch)]` applies a patch through the claims' JSON, and field `{name}` is kept out of \
                 it by #[serde(skip...)], so its value would be lost; remove the skip or `patch`"
            ),
        );
        return;
    }
    if let Some(with) = field.serde.serialize_with {
        errors.add(
            with,
            format!(
                "`#[claims(patch)]` writes a value set on field `{name}` with its type's `Serialize`, but \
                 #[serde(with)] or #[serde(serialize_with)] writes the field with other code; remove one of them"
            ),
        );
    }
    if let Some(written) = &field.written
        && !field.read.iter().any(|n| n.value == written.value)
    {
        errors.add(
            written.span,
            format!(
                "field `{name}` is written as `{}` but not read under that name, so a patched value could not be \
                 read back; `#[claims(patch)]` needs the written name among the names read (add it as an alias)",
                written.value
            ),
        );
    }
}
