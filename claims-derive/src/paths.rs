//! How generated code names claims-core's items: its `__private` module under a short alias, and a
//! profile's constant (`Profile::CLERK_V1`) and marker type (`profile::ClerkV1`), both spelled from the
//! profile's name (`clerk-v1`).

use claims_profiles::Profile;
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

/// `use {krate}::__private as __claims_private;` and the alias itself, for the generated `const _` blocks.
/// Every path into claims-core is spelled through the alias: a few tokens instead of `::claims_core::__private`
/// each time, which the proc-macro bridge and the compiler's parser would otherwise handle per use. The
/// alias is an `Ident`, not a `TokenStream`: `quote!` pushes an ident as one token, where it hands a
/// stream over the proc-macro bridge (a call into the compiler) at every interpolation.
pub(crate) fn private_alias(krate: &TokenStream) -> (TokenStream, Ident) {
    let alias = Ident::new("__claims_private", Span::call_site());
    (quote!(use #krate::__private as #alias;), alias)
}

use crate::case::RenameRule;

/// `CLERK_V1` for `clerk-v1`: the associated constant of `claims_core::Profile`.
pub(crate) fn profile_const(profile: &Profile) -> Ident {
    spelled(profile, RenameRule::ScreamingSnakeCase)
}

/// `ClerkV1` for `clerk-v1`: the marker type in `claims_core::profile`.
pub(crate) fn profile_marker(profile: &Profile) -> Ident {
    spelled(profile, RenameRule::PascalCase)
}

fn spelled(profile: &Profile, rule: RenameRule) -> Ident {
    // Profile names are kebab-case; the rules apply to snake_case.
    let snake = profile.name().replace('-', "_");
    Ident::new(&rule.apply_to_field(&snake), Span::call_site())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_profile_is_spelled_as_claims_core_declares_it() {
        let spelled: Vec<(String, String)> = Profile::ALL
            .iter()
            .map(|p| (profile_const(p).to_string(), profile_marker(p).to_string()))
            .collect();
        let expected = [
            ("RFC7519", "Rfc7519"),
            ("CLERK", "Clerk"),
            ("CLERK_V1", "ClerkV1"),
            ("STYTCH", "Stytch"),
            ("FIREBASE", "Firebase"),
            ("COGNITO", "Cognito"),
            ("SUPABASE", "Supabase"),
        ];
        assert_eq!(spelled, expected.map(|(c, m)| (c.to_owned(), m.to_owned())));
    }
}
