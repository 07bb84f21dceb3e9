//! The Clerk claims template: `#[claims(clerk = "{{...}}")]` on a field names the shortcode that fills
//! its claim. The shortcodes' syntax is checked here, with the fields they may stand on; the template is
//! the list of (claim, shortcode) that `ClerkFrontend` prints.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use crate::ast::{Field, Input};
use crate::errors::Errors;

/// The objects a Clerk shortcode starts from (Clerk docs, "Customize your session token" and "JWT
/// templates", shortcodes): the user, the active organization, the user's membership in it, the session.
const ROOTS: &[&str] = &["user", "org", "org_membership", "session"];

/// Records what is wrong with the `clerk` and `clerk_template` attributes of `input`.
pub(crate) fn check(input: &Input<'_>, errors: &mut Errors) {
    let frontend = input.attrs.typescript.is_some();
    if let (Some(span), false) = (input.attrs.clerk_complete, frontend) {
        errors.add(
            span,
            "`clerk_template` shapes the template that `ClerkFrontend` prints, which #[claims(typescript)] \
             implements; add `typescript` to the struct",
        );
    }
    for field in &input.fields {
        match &field.attrs.clerk {
            Some(lit) => shortcode_field(field, lit, frontend, errors),
            None => {
                if let (Some(_), Some(written)) = (input.attrs.clerk_complete, &field.written) {
                    errors.add(
                        field.ident.span(),
                        format!(
                            "claim `{}` (field `{}`) has no Clerk shortcode, and `clerk_template = \"complete\"` \
                             needs one on every claim; add #[claims(clerk = \"{{{{...}}}}\")], or make the \
                             template `\"partial\"`",
                            written.value, field.name
                        ),
                    );
                }
            }
        }
    }
}

fn shortcode_field(field: &Field<'_>, lit: &syn::LitStr, frontend: bool, errors: &mut Errors) {
    let name = &field.name;
    if !frontend {
        errors.add(
            lit.span(),
            "a `clerk` shortcode goes into the template that `ClerkFrontend` prints, which #[claims(typescript)] \
             implements; add `typescript` to the struct",
        );
    }
    match &field.written {
        None => errors.add(
            lit.span(),
            format!(
                "field `{name}` is never written (#[serde(skip...)]), so it has no claim for Clerk to fill; \
                 remove `clerk` or the skip"
            ),
        ),
        Some(written) if !field.read.iter().any(|n| n.value == written.value) => errors.add(
            lit.span(),
            format!(
                "field `{name}` is written as `{}` but not read under that name, so a token made from the template \
                 would not fill it; read the written name too (add it as an alias)",
                written.value
            ),
        ),
        Some(_) => {}
    }
    if let Err(problem) = check_shortcodes(&lit.value()) {
        errors.add(lit.span(), problem);
    }
}

/// `ClerkShortcode { claim, shortcode }` for each field with `clerk`, in field order.
pub(crate) fn shortcodes(input: &Input<'_>, private: &Ident) -> Vec<TokenStream> {
    input
        .fields
        .iter()
        .filter_map(|field| {
            let shortcode = field.attrs.clerk.as_ref()?;
            let claim = Literal::string(&field.written.as_ref()?.value);
            Some(quote!(#private::ClerkShortcode { claim: #claim, shortcode: #shortcode }))
        })
        .collect()
}

/// Checks a template value: text holding at least one `{{expression}}`, where an expression is operands
/// joined by `||` (the first that is set wins), an operand is a path into one of [`ROOTS`]
/// (`user.public_metadata.plan`) or a literal (`'free'`, `"free"`, a number, `true`, `false`, `null`), and
/// the first operand is a path.
fn check_shortcodes(value: &str) -> Result<(), String> {
    let example = "as in `clerk = \"{{user.primary_email_address}}\"`";
    let mut rest = value;
    let mut found = false;
    loop {
        let open = rest.find("{{");
        let close = rest.find("}}");
        match (open, close) {
            (None, None) => break,
            (Some(open), close) if close.is_none_or(|close| open < close) => {
                let inner_start = open + 2;
                let Some(len) = rest[inner_start..].find("}}") else {
                    return Err(format!(
                        "`{{{{` in Clerk shortcode {value:?} is never closed; end it with `}}}}`, {example}"
                    ));
                };
                let inner = &rest[inner_start..inner_start + len];
                if inner.contains("{{") {
                    return Err(format!(
                        "Clerk shortcode {value:?} opens `{{{{` inside another; close each with `}}}}`, {example}"
                    ));
                }
                check_expression(inner, value)?;
                found = true;
                rest = &rest[inner_start + len + 2..];
            }
            _ => {
                return Err(format!(
                    "`}}}}` in Clerk shortcode {value:?} closes nothing; open it with `{{{{`, {example}"
                ));
            }
        }
    }
    if found {
        Ok(())
    } else {
        Err(format!(
            "`clerk = {value:?}` holds no shortcode; name the Clerk value that fills the claim in `{{{{...}}}}`, \
             {example}"
        ))
    }
}

/// One `{{...}}`: operands joined by `||`, the first a path.
fn check_expression(inner: &str, value: &str) -> Result<(), String> {
    let operands =
        split_operands(inner).map_err(|why| format!("Clerk shortcode {value:?} {why}"))?;
    for (i, operand) in operands.iter().enumerate() {
        let literal = operand.starts_with(['\'', '"'])
            || operand.parse::<f64>().is_ok()
            || ["true", "false", "null"].contains(operand);
        if literal && i == 0 {
            return Err(format!(
                "Clerk shortcode {value:?} starts with the literal `{operand}`; start with a path such as \
                 `user.full_name` (a literal can follow `||` as the default)"
            ));
        }
        if !literal {
            check_path(operand)
                .map_err(|why| format!("Clerk shortcode {value:?}: `{operand}` {why}"))?;
        }
    }
    Ok(())
}

/// The operands of an expression, trimmed; a quoted literal may hold `||`.
fn split_operands(inner: &str) -> Result<Vec<&str>, &'static str> {
    let mut operands = Vec::new();
    let mut start = 0;
    let mut quote: Option<char> = None;
    let bytes = inner.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i] as char;
        match quote {
            Some(q) if c == q => quote = None,
            None if c == '\'' || c == '"' => quote = Some(c),
            None if inner[i..].starts_with("||") => {
                operands.push(inner[start..i].trim());
                i += 2;
                start = i;
                continue;
            }
            // inside a literal, or an ordinary character
            _ => {}
        }
        i += 1;
    }
    if quote.is_some() {
        return Err("has a quote that is never closed");
    }
    operands.push(inner[start..].trim());
    if operands.iter().any(|o| o.is_empty()) {
        return Err(
            "has an empty operand; write a path on each side of `||`, as in `{{user.username || user.id}}`",
        );
    }
    Ok(operands)
}

/// `root.segment(.segment)*`, the root one of [`ROOTS`], each segment letters, digits, `_` or `-`.
fn check_path(path: &str) -> Result<(), String> {
    let mut segments = path.split('.');
    let root = segments.next().unwrap_or_default();
    if !ROOTS.contains(&root) {
        let roots: Vec<String> = ROOTS.iter().map(|r| format!("`{r}`")).collect();
        return Err(format!(
            "starts with `{root}`; a shortcode starts with {}",
            roots.join(", ")
        ));
    }
    let mut count = 0;
    for segment in segments {
        count += 1;
        let valid = !segment.is_empty()
            && segment
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        if !valid {
            return Err(format!(
                "has the segment `{segment}`; a segment is letters, digits, `_` or `-`, and segments are joined by \
                 single dots, as in `user.public_metadata.plan`"
            ));
        }
    }
    if count == 0 {
        return Err(format!(
            "names no field of `{root}`; write one, as in `{root}.id`"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::check_shortcodes;

    #[test]
    fn shortcodes_clerk_documents_pass() {
        for value in [
            "{{user.full_name}}",
            "{{user.primary_email_address}}",
            "{{user.public_metadata.roles}}",
            "{{ org.slug }}",
            "{{org_membership.role}}",
            "{{session.actor}}",
            "{{user.first_name}} {{user.last_name}}",
            "{{user.public_metadata.nickname || 'Awesome user'}}",
            "{{user.username || user.id}}",
            "{{user.public_metadata.a-b || \"x || y\"}}",
            "{{user.public_metadata.level || 0}}",
            "{{user.email_verified || user.phone_number_verified || false}}",
            "id: {{user.id}} {single braces}",
        ] {
            assert_eq!(check_shortcodes(value), Ok(()), "{value}");
        }
    }

    #[test]
    fn every_syntax_mistake_is_named() {
        let table = [
            (
                "admin",
                "`clerk = \"admin\"` holds no shortcode; name the Clerk value that fills the claim in `{{...}}`, as in `clerk = \"{{user.primary_email_address}}\"`",
            ),
            (
                "{{user.full_name",
                "`{{` in Clerk shortcode \"{{user.full_name\" is never closed; end it with `}}`, as in `clerk = \"{{user.primary_email_address}}\"`",
            ),
            (
                "user.id}}",
                "`}}` in Clerk shortcode \"user.id}}\" closes nothing; open it with `{{`, as in `clerk = \"{{user.primary_email_address}}\"`",
            ),
            (
                "{{user.{{id}}}}",
                "Clerk shortcode \"{{user.{{id}}}}\" opens `{{` inside another; close each with `}}`, as in `clerk = \"{{user.primary_email_address}}\"`",
            ),
            (
                "{{usr.full_name}}",
                "Clerk shortcode \"{{usr.full_name}}\": `usr.full_name` starts with `usr`; a shortcode starts with `user`, `org`, `org_membership`, `session`",
            ),
            (
                "{{user}}",
                "Clerk shortcode \"{{user}}\": `user` names no field of `user`; write one, as in `user.id`",
            ),
            (
                "{{user..id}}",
                "Clerk shortcode \"{{user..id}}\": `user..id` has the segment ``; a segment is letters, digits, `_` or `-`, and segments are joined by single dots, as in `user.public_metadata.plan`",
            ),
            (
                "{{user.full name}}",
                "Clerk shortcode \"{{user.full name}}\": `user.full name` has the segment `full name`; a segment is letters, digits, `_` or `-`, and segments are joined by single dots, as in `user.public_metadata.plan`",
            ),
            (
                "{{'x' || user.id}}",
                "Clerk shortcode \"{{'x' || user.id}}\" starts with the literal `'x'`; start with a path such as `user.full_name` (a literal can follow `||` as the default)",
            ),
            (
                "{{user.id ||}}",
                "Clerk shortcode \"{{user.id ||}}\" has an empty operand; write a path on each side of `||`, as in `{{user.username || user.id}}`",
            ),
            (
                "{{user.id || 'x}}",
                "Clerk shortcode \"{{user.id || 'x}}\" has a quote that is never closed",
            ),
            (
                "{{}}",
                "Clerk shortcode \"{{}}\" has an empty operand; write a path on each side of `||`, as in `{{user.username || user.id}}`",
            ),
        ];
        for (value, expected) in table {
            assert_eq!(check_shortcodes(value).unwrap_err(), expected, "{value}");
        }
    }
}
