//! [`ReservedNames`]: a policy made of profiles and the application's own names and prefixes.

use crate::budget::{Budget, SizeUnit};
use crate::matching::{Reservation, Source, find_rule};
use crate::tables::Profile;

/// A reserved-name policy: the union of some profiles and the application's own names and prefixes.
///
/// Built in `const` context, so a policy can be a `const` item and checked at compile time. The default is
/// the `rfc7519` profile alone, as for `#[derive(SessionClaims)]` without a `profile`.
///
/// ```
/// use claims_profiles::{Profile, ReservedNames, Rule, Source};
///
/// const POLICY: ReservedNames<'static> = ReservedNames::from_profiles(&[&Profile::STYTCH, &Profile::CLERK])
///     .with_names(&["tenant_id"]);
///
/// assert_eq!(POLICY.check("sid").map(|r| r.source), Some(Source::Profile(&Profile::CLERK)));
/// assert_eq!(POLICY.check("tenant_id").map(|r| (r.source, r.rule)), Some((Source::Application, Rule::Name("tenant_id"))));
/// const SUB_IS_RESERVED: bool = POLICY.check("sub").is_some();
/// assert!(SUB_IS_RESERVED);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ReservedNames<'a> {
    profiles: &'a [&'a Profile],
    names: &'a [&'a str],
    prefixes: &'a [&'a str],
}

impl Default for ReservedNames<'_> {
    fn default() -> Self {
        ReservedNames::RFC7519
    }
}

impl<'a> ReservedNames<'a> {
    /// The default policy: the `rfc7519` profile.
    pub const RFC7519: ReservedNames<'static> = ReservedNames::from_profiles(&[&Profile::RFC7519]);

    /// A policy that reserves nothing.
    ///
    /// ```
    /// # use claims_profiles::ReservedNames;
    /// assert!(ReservedNames::NONE.check("sub").is_none());
    /// ```
    pub const NONE: ReservedNames<'static> = ReservedNames {
        profiles: &[],
        names: &[],
        prefixes: &[],
    };

    /// The union of `profiles`.
    ///
    /// ```
    /// # use claims_profiles::{Profile, ReservedNames};
    /// let policy = ReservedNames::from_profiles(&[&Profile::SUPABASE]);
    /// assert!(policy.check("role").is_some());
    /// ```
    pub const fn from_profiles(profiles: &'a [&'a Profile]) -> Self {
        ReservedNames {
            profiles,
            names: &[],
            prefixes: &[],
        }
    }

    /// This policy with the application's own reserved `names` (replacing earlier ones).
    ///
    /// ```
    /// # use claims_profiles::ReservedNames;
    /// let policy = ReservedNames::NONE.with_names(&["org"]);
    /// assert!(policy.check("org").is_some());
    /// ```
    #[must_use]
    pub const fn with_names(self, names: &'a [&'a str]) -> Self {
        ReservedNames { names, ..self }
    }

    /// This policy with the application's own reserved `prefixes` (replacing earlier ones).
    ///
    /// ```
    /// # use claims_profiles::ReservedNames;
    /// let policy = ReservedNames::NONE.with_prefixes(&["https://example.com/"]);
    /// assert!(policy.check("HTTPS://Example.COM/roles").is_some());
    /// ```
    #[must_use]
    pub const fn with_prefixes(self, prefixes: &'a [&'a str]) -> Self {
        ReservedNames { prefixes, ..self }
    }

    /// The profiles in this policy.
    ///
    /// ```
    /// # use claims_profiles::{Profile, ReservedNames};
    /// assert_eq!(ReservedNames::RFC7519.profiles(), [&Profile::RFC7519]);
    /// ```
    pub const fn profiles(&self) -> &'a [&'a Profile] {
        self.profiles
    }

    /// The application's own reserved names.
    ///
    /// ```
    /// # use claims_profiles::ReservedNames;
    /// assert_eq!(ReservedNames::NONE.with_names(&["org"]).names(), ["org"]);
    /// ```
    pub const fn names(&self) -> &'a [&'a str] {
        self.names
    }

    /// The application's own reserved prefixes.
    ///
    /// ```
    /// # use claims_profiles::ReservedNames;
    /// assert!(ReservedNames::RFC7519.prefixes().is_empty());
    /// ```
    pub const fn prefixes(&self) -> &'a [&'a str] {
        self.prefixes
    }

    /// The first rule that reserves `claim`: profiles in order, then the application's names and prefixes.
    ///
    /// ```
    /// # use claims_profiles::{Profile, ReservedNames, Rule};
    /// let policy = ReservedNames::from_profiles(&[&Profile::COGNITO]);
    /// assert_eq!(policy.check("cognito:username").map(|r| r.rule), Some(Rule::Name("cognito:username")));
    /// assert_eq!(policy.check("cognito:groups").map(|r| r.rule), Some(Rule::Prefix("cognito:")));
    /// assert_eq!(policy.check("Cognito:groups"), None);
    /// ```
    pub const fn check(&self, claim: &str) -> Option<Reservation<'a>> {
        let mut i = 0;
        while i < self.profiles.len() {
            let profile = self.profiles[i];
            if let Some(rule) = find_rule(profile.names(), profile.prefixes(), claim) {
                return Some(Reservation {
                    source: Source::Profile(profile),
                    rule,
                });
            }
            i += 1;
        }
        match find_rule(self.names, self.prefixes, claim) {
            Some(rule) => Some(Reservation {
                source: Source::Application,
                rule,
            }),
            None => None,
        }
    }

    /// The tightest custom-claims budget of each unit among the profiles: `[bytes, utf16_units]`.
    ///
    /// ```
    /// # use claims_profiles::{Budget, Profile, ReservedNames};
    /// let policy = ReservedNames::from_profiles(&[&Profile::STYTCH, &Profile::CLERK, &Profile::FIREBASE]);
    /// assert_eq!(policy.budgets(), [Some(Budget::bytes(1200)), Some(Budget::utf16_units(1000))]);
    /// assert_eq!(ReservedNames::RFC7519.budgets(), [None, None]);
    /// ```
    pub const fn budgets(&self) -> [Option<Budget>; 2] {
        let mut bytes: Option<Budget> = None;
        let mut units: Option<Budget> = None;
        let mut i = 0;
        while i < self.profiles.len() {
            if let Some(b) = self.profiles[i].budget() {
                let slot = match b.unit {
                    SizeUnit::Utf8Bytes => &mut bytes,
                    SizeUnit::Utf16Units => &mut units,
                };
                *slot = match *slot {
                    Some(old) if old.limit <= b.limit => Some(old),
                    _ => Some(b),
                };
            }
            i += 1;
        }
        [bytes, units]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::Rule;
    use crate::matching::tests::reference_has_prefix;

    #[test]
    fn union_reports_the_first_matching_profile() {
        let policy = ReservedNames::from_profiles(&[&Profile::CLERK, &Profile::STYTCH])
            .with_names(&["sub", "plan"]);
        assert_eq!(
            policy.check("sub").map(|r| r.source),
            Some(Source::Profile(&Profile::CLERK))
        );
        assert_eq!(
            policy.check("jti").map(|r| r.source),
            Some(Source::Profile(&Profile::CLERK))
        );
        assert_eq!(
            policy.check("aud").map(|r| r.source),
            Some(Source::Profile(&Profile::STYTCH))
        );
        assert_eq!(
            policy.check("plan"),
            Some(Reservation {
                source: Source::Application,
                rule: Rule::Name("plan")
            })
        );
        assert_eq!(policy.check("plans"), None);
    }

    #[test]
    fn application_reservations_are_named_as_such() {
        extern crate std;
        use std::string::ToString;
        let app = ReservedNames::NONE
            .with_names(&["plan"])
            .check("plan")
            .unwrap();
        assert_eq!(app.to_string(), "reserved by the application (`reserve`)");
        let app = ReservedNames::NONE
            .with_prefixes(&["x_"])
            .check("x_y")
            .unwrap();
        assert_eq!(
            app.to_string(),
            "reserved by the application (prefix `x_`: `reserve_prefix`)"
        );
        // the path after a URL's host is compared exactly
        let policy = ReservedNames::NONE.with_prefixes(&["https://example.com/Admin/"]);
        assert!(policy.check("https://EXAMPLE.com/Admin/x").is_some());
        assert_eq!(policy.check("https://example.com/admin/x"), None);
    }

    #[test]
    fn default_is_rfc7519() {
        assert_eq!(ReservedNames::default(), ReservedNames::RFC7519);
        assert!(ReservedNames::default().check("jti").is_some());
    }

    proptest::proptest! {
        #[test]
        fn a_policy_matches_its_prefixes_as_the_reference_does(
            claim in "(?s)(https?://|HTTPS://|cognito:|x)?.{0,12}",
            prefix in "(https?://|HTTPS://|cognito:|1a://)?[a-zA-Z.:/?#]{0,8}",
        ) {
            let prefixes = [prefix.as_str()];
            let policy = ReservedNames::NONE.with_prefixes(&prefixes);
            proptest::prop_assert_eq!(policy.check(&claim).is_some(), reference_has_prefix(&claim, &prefix));
        }
    }
}
