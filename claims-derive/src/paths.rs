//! How generated code names claims-core's items for a profile, both spelled from the profile's name
//! (`clerk-v1`): its constant (`Profile::CLERK_V1`) and its marker type (`profile::ClerkV1`).

use claims_profiles::Profile;
use proc_macro2::{Ident, Span};

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
