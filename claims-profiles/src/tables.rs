//! The data: one [`Profile`] per provider, with the names and prefixes its tokens reserve and its
//! custom-claims budget, as the providers document them.
//!
//! Adding a provider is adding a constant here and listing it in [`Profile::ALL`]; the matching code
//! (`matching.rs`) reads the tables through the accessors below and never names a provider.

use core::fmt;

use crate::budget::Budget;

/// A provider's reserved claim names and prefixes, and its custom-claims budget.
///
/// The built-in profiles are associated constants; [`Profile::by_name`] finds one by the name used in
/// `#[claims(profile = "...")]`. The lists and their sources are in the repository's docs/providers.md.
///
/// ```
/// use claims_profiles::Profile;
///
/// let stytch = Profile::by_name("stytch").unwrap();
/// assert_eq!(stytch.name(), "stytch");
/// assert!(stytch.check("exp").is_some());
/// assert!(stytch.check("https://stytch.com/session").is_some());
/// assert!(stytch.check("plan").is_none());
/// ```
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Profile {
    name: &'static str,
    description: &'static str,
    names: &'static [&'static str],
    prefixes: &'static [&'static str],
    budget: Option<Budget>,
}

const REGISTERED: &[&str] = &["iss", "sub", "aud", "exp", "nbf", "iat", "jti"];

impl Profile {
    /// `rfc7519`: the registered claims of RFC 7519 §4.1 (`iss sub aud exp nbf iat jti`). No budget.
    /// The default profile of `#[derive(SessionClaims)]`.
    pub const RFC7519: Profile = Profile {
        name: "rfc7519",
        description: "registered JWT claim, RFC 7519 §4.1",
        names: REGISTERED,
        prefixes: &[],
        budget: None,
    };

    /// `clerk`: the default claims of Clerk session tokens, version 2 (current), which "cannot be
    /// overridden"; custom claims get about 1,200 bytes of the 4 KB `__session` cookie.
    ///
    /// `aud` is not reserved by Clerk, but Clerk's own verifiers reject a token carrying it unless given
    /// an audience; add `reserve = "aud"` if your verifiers don't set one.
    pub const CLERK: Profile = Profile {
        name: "clerk",
        description: "Clerk session token v2 default claim",
        names: &[
            "azp", "exp", "fva", "iat", "iss", "jti", "nbf", "sid", "sub", "v", "pla", "fea",
            "sts", "o", "act",
        ],
        prefixes: &[],
        budget: Some(Budget::bytes(1200)),
    };

    /// `clerk-v1`: the default claims of Clerk session tokens, version 1 (deprecated 2025-04-14).
    pub const CLERK_V1: Profile = Profile {
        name: "clerk-v1",
        description: "Clerk session token v1 default claim",
        names: &[
            "azp",
            "exp",
            "fva",
            "iat",
            "iss",
            "nbf",
            "sid",
            "sub",
            "act",
            "org_id",
            "org_slug",
            "org_role",
            "org_permissions",
            "orgs",
        ],
        prefixes: &[],
        budget: Some(Budget::bytes(1200)),
    };

    /// `stytch`: the registered claims and every name under `https://stytch.com/`; custom claims are
    /// capped at 4,096 bytes (Stytch leaves the unit undocumented; UTF-8 bytes of compact JSON is the
    /// conservative reading).
    pub const STYTCH: Profile = Profile {
        name: "stytch",
        description: "Stytch session claim",
        names: REGISTERED,
        prefixes: &["https://stytch.com/"],
        budget: Some(Budget::bytes(4096)),
    };

    /// `firebase`: the names `firebase-admin`'s `setCustomUserClaims` refuses; custom claims are capped at
    /// 1,000 UTF-16 units (`JSON.stringify(claims).length`).
    pub const FIREBASE: Profile = Profile {
        name: "firebase",
        description: "Firebase ID token claim",
        names: &[
            "acr",
            "amr",
            "at_hash",
            "aud",
            "auth_time",
            "azp",
            "cnf",
            "c_hash",
            "exp",
            "iat",
            "iss",
            "jti",
            "nbf",
            "nonce",
            "sub",
            "firebase",
        ],
        prefixes: &[],
        budget: Some(Budget::utf16_units(1000)),
    };

    /// `cognito`: the claims Amazon Cognito's pre-token-generation trigger may not override, and the
    /// prefix `cognito:`. No budget stated.
    pub const COGNITO: Profile = Profile {
        name: "cognito",
        description: "Amazon Cognito token claim",
        names: &[
            "acr",
            "amr",
            "aud",
            "auth_time",
            "azp",
            "exp",
            "iat",
            "identities",
            "iss",
            "sub",
            "token_use",
            "nonce",
            "at_hash",
            "cognito:username",
        ],
        prefixes: &["cognito:"],
        budget: None,
    };

    /// `supabase`: the claims Supabase requires to survive its custom access token hook. No budget stated.
    pub const SUPABASE: Profile = Profile {
        name: "supabase",
        description: "Supabase access token claim",
        names: &[
            "iss",
            "aud",
            "exp",
            "iat",
            "sub",
            "role",
            "aal",
            "session_id",
            "email",
            "phone",
            "is_anonymous",
        ],
        prefixes: &[],
        budget: None,
    };

    /// Every built-in profile, in the order of docs/providers.md.
    ///
    /// ```
    /// # use claims_profiles::Profile;
    /// let names: Vec<&str> = Profile::ALL.iter().map(|p| p.name()).collect();
    /// assert_eq!(names, ["rfc7519", "clerk", "clerk-v1", "stytch", "firebase", "cognito", "supabase"]);
    /// ```
    pub const ALL: &'static [&'static Profile] = &[
        &Profile::RFC7519,
        &Profile::CLERK,
        &Profile::CLERK_V1,
        &Profile::STYTCH,
        &Profile::FIREBASE,
        &Profile::COGNITO,
        &Profile::SUPABASE,
    ];

    /// The profile's name, as accepted by [`Profile::by_name`].
    ///
    /// ```
    /// # use claims_profiles::Profile;
    /// assert_eq!(Profile::COGNITO.name(), "cognito");
    /// ```
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// What kind of claim this profile reserves, for error messages (e.g. `Clerk session token v2 default claim`).
    ///
    /// ```
    /// # use claims_profiles::Profile;
    /// assert_eq!(Profile::RFC7519.description(), "registered JWT claim, RFC 7519 §4.1");
    /// ```
    pub const fn description(&self) -> &'static str {
        self.description
    }

    /// The exact names this profile reserves.
    ///
    /// ```
    /// # use claims_profiles::Profile;
    /// assert_eq!(Profile::RFC7519.names(), ["iss", "sub", "aud", "exp", "nbf", "iat", "jti"]);
    /// ```
    pub const fn names(&self) -> &'static [&'static str] {
        self.names
    }

    /// The prefixes this profile reserves.
    ///
    /// ```
    /// # use claims_profiles::Profile;
    /// assert_eq!(Profile::STYTCH.prefixes(), ["https://stytch.com/"]);
    /// ```
    pub const fn prefixes(&self) -> &'static [&'static str] {
        self.prefixes
    }

    /// The provider's custom-claims budget, if it states one.
    ///
    /// ```
    /// # use claims_profiles::{Budget, Profile};
    /// assert_eq!(Profile::STYTCH.budget(), Some(Budget::bytes(4096)));
    /// assert_eq!(Profile::RFC7519.budget(), None);
    /// ```
    pub const fn budget(&self) -> Option<Budget> {
        self.budget
    }
}

impl fmt::Display for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_lists_match_providers_md() {
        assert_eq!(Profile::CLERK.names().len(), 15);
        assert_eq!(Profile::CLERK_V1.names().len(), 14);
        assert_eq!(Profile::FIREBASE.names().len(), 16);
        assert_eq!(Profile::COGNITO.names().len(), 14);
        assert_eq!(Profile::SUPABASE.names().len(), 11);
        assert!(!Profile::CLERK.names().contains(&"aud"));
        assert!(!Profile::CLERK_V1.names().contains(&"jti"));
        assert!(Profile::CLERK_V1.names().contains(&"org_permissions"));
        assert!(!Profile::CLERK.names().contains(&"org_id"));
        assert_eq!(Profile::CLERK.prefixes(), [] as [&str; 0]);
    }

    #[test]
    fn names_are_unique_within_each_table_and_across_profiles() {
        for (i, profile) in Profile::ALL.iter().enumerate() {
            for (j, name) in profile.names().iter().enumerate() {
                assert!(
                    !profile.names()[..j].contains(name),
                    "{profile}: {name} twice"
                );
            }
            for other in &Profile::ALL[..i] {
                assert_ne!(profile.name(), other.name());
            }
        }
    }
}
