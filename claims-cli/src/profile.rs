//! Reserved-name profiles on the command line, and the policy `size` and `lint` check claims against.

use claims_jwt::claims_core::size::CookieSpec;
use claims_jwt::claims_core::{Profile, ReservedNames};
use claims_jwt::{Generic, Layout, Stytch};
use clap::builder::{PossibleValuesParser, TypedValueParser};

/// Parses `--profile NAME` into one of claims-core's profiles, listing them in `--help`.
pub(crate) fn parser() -> impl TypedValueParser<Value = &'static Profile> {
    PossibleValuesParser::new(Profile::ALL.iter().map(|profile| profile.name()))
        .try_map(|name| Profile::by_name(&name).ok_or("not a profile"))
}

/// What custom claims are checked against for a profile: its reserved names plus the registered
/// claims (claims-jwt reads those itself whatever the layout), its budget, and its provider's cookie.
///
/// For `clerk` and `stytch` the names are exactly those the `Clerk` and `Stytch` layouts reserve, so
/// `lint` refuses what the minter refuses.
pub(crate) struct Policy {
    profiles: [&'static Profile; 2],
}

impl Policy {
    pub(crate) fn new(profile: &'static Profile) -> Self {
        // The profile first, so that a name both reserve is reported with the provider's reason.
        Policy {
            profiles: [profile, &Profile::RFC7519],
        }
    }

    pub(crate) fn profile(&self) -> &'static Profile {
        self.profiles[0]
    }

    pub(crate) fn reserved(&self) -> ReservedNames<'_> {
        ReservedNames::from_profiles(&self.profiles)
    }

    /// The cookie the provider's session token travels in.
    pub(crate) fn cookie(&self) -> CookieSpec {
        if *self.profile() == Profile::STYTCH {
            Stytch::cookie()
        } else {
            Generic::cookie()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use claims_jwt::Clerk;

    /// The names a layout reserves, among the profile's own, the registered claims and a few others.
    fn reserved_by(policy: &ReservedNames<'_>) -> Vec<&'static str> {
        let candidates = [
            Profile::CLERK.names(),
            Profile::RFC7519.names(),
            &["plan", "org_id"],
        ];
        candidates
            .concat()
            .into_iter()
            .filter(|name| policy.check(name).is_some())
            .collect()
    }

    #[test]
    fn lint_reserves_what_the_layouts_reserve() {
        let clerk = Policy::new(&Profile::CLERK);
        assert_eq!(
            reserved_by(&clerk.reserved()),
            reserved_by(&Clerk::RESERVED)
        );
        assert!(clerk.reserved().check("aud").is_some());
        let stytch = Policy::new(&Profile::STYTCH);
        assert!(
            stytch
                .reserved()
                .check("https://stytch.com/session")
                .is_some()
        );
        assert_eq!(
            reserved_by(&stytch.reserved()),
            reserved_by(&Stytch::RESERVED)
        );
        assert_eq!(clerk.reserved().budgets()[0], Profile::CLERK.budget());
        assert_eq!(stytch.cookie().name(), "stytch_session_jwt");
        assert_eq!(clerk.cookie().name(), "__session");
    }

    #[test]
    fn a_name_both_reserve_has_the_provider_s_reason() {
        let clerk = Policy::new(&Profile::CLERK);
        let why = clerk.reserved().check("sub").unwrap().to_string();
        assert_eq!(
            why,
            "reserved by profile `clerk` (Clerk session token v2 default claim)"
        );
    }
}
