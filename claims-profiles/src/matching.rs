//! The matching rules, as `const fn`s: whether a profile (or a policy) reserves a claim name, and by which
//! rule. Names match exactly; prefixes byte for byte, except the scheme and host of a URL-shaped prefix,
//! which match without regard to ASCII case.

use core::fmt;

use crate::tables::Profile;

/// Where a reservation comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Source<'a> {
    /// A built-in provider profile.
    Profile(&'a Profile),
    /// The application's own `reserve` / `reserve_prefix` additions.
    Application,
}

/// The rule that reserves a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rule<'a> {
    /// The name itself is reserved.
    Name(&'a str),
    /// Every name starting with this prefix is reserved.
    Prefix(&'a str),
}

/// Why a claim name is reserved: the source (profile or application) and the rule (name or prefix).
///
/// Its `Display` completes the sentence "claim name `x` is ...":
///
/// ```
/// use claims_profiles::Profile;
///
/// let why = Profile::STYTCH.check("https://stytch.com/session").unwrap();
/// assert_eq!(
///     why.to_string(),
///     "reserved by profile `stytch` (prefix `https://stytch.com/`: Stytch session claim)"
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Reservation<'a> {
    /// Who reserves it.
    pub source: Source<'a>,
    /// Which rule matched.
    pub rule: Rule<'a>,
}

impl fmt::Display for Reservation<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.source {
            Source::Profile(p) => write!(f, "reserved by profile `{}` (", p.name())?,
            Source::Application => f.write_str("reserved by the application (")?,
        }
        match self.rule {
            Rule::Name(_) => {}
            Rule::Prefix(prefix) => write!(f, "prefix `{prefix}`: ")?,
        }
        match self.source {
            Source::Profile(p) => write!(f, "{})", p.description()),
            Source::Application => match self.rule {
                Rule::Name(_) => f.write_str("`reserve`)"),
                Rule::Prefix(_) => f.write_str("`reserve_prefix`)"),
            },
        }
    }
}

impl Profile {
    /// The built-in profile called `name` (as written in `#[claims(profile = "...")]`), or `None`.
    ///
    /// ```
    /// # use claims_profiles::Profile;
    /// assert_eq!(Profile::by_name("clerk-v1"), Some(&Profile::CLERK_V1));
    /// assert_eq!(Profile::by_name("Clerk"), None); // profile names are exact
    /// ```
    pub const fn by_name(name: &str) -> Option<&'static Profile> {
        let mut i = 0;
        while i < Self::ALL.len() {
            if str_eq(Self::ALL[i].name(), name) {
                return Some(Self::ALL[i]);
            }
            i += 1;
        }
        None
    }

    /// The rule of this profile that reserves `claim`, if any.
    ///
    /// ```
    /// # use claims_profiles::{Profile, Rule};
    /// assert_eq!(Profile::COGNITO.check("cognito:groups").map(|r| r.rule), Some(Rule::Prefix("cognito:")));
    /// ```
    pub const fn check(&'static self, claim: &str) -> Option<Reservation<'static>> {
        match find_rule(self.names(), self.prefixes(), claim) {
            Some(rule) => Some(Reservation {
                source: Source::Profile(self),
                rule,
            }),
            None => None,
        }
    }
}

/// The first name, then the first prefix, among `names` and `prefixes`, that reserves `claim`.
pub(crate) const fn find_rule<'a>(
    names: &'a [&'a str],
    prefixes: &'a [&'a str],
    claim: &str,
) -> Option<Rule<'a>> {
    let mut i = 0;
    while i < names.len() {
        if str_eq(names[i], claim) {
            return Some(Rule::Name(names[i]));
        }
        i += 1;
    }
    let mut i = 0;
    while i < prefixes.len() {
        if has_prefix(claim, prefixes[i]) {
            return Some(Rule::Prefix(prefixes[i]));
        }
        i += 1;
    }
    None
}

/// Byte equality of two strings, in `const` context.
const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether `claim` starts with `prefix`; for a URL-shaped prefix, scheme and host ignore ASCII case.
const fn has_prefix(claim: &str, prefix: &str) -> bool {
    let (c, p) = (claim.as_bytes(), prefix.as_bytes());
    if c.len() < p.len() {
        return false;
    }
    let folded = url_authority_end(p);
    let mut i = 0;
    while i < p.len() {
        let same = if i < folded {
            c[i].eq_ignore_ascii_case(&p[i])
        } else {
            c[i] == p[i]
        };
        if !same {
            return false;
        }
        i += 1;
    }
    true
}

/// For `scheme://host...`, the index where the host ends (the first `/`, `?` or `#` after `://`, or the
/// end); 0 when `prefix` is not URL-shaped, so nothing is compared case-insensitively.
const fn url_authority_end(p: &[u8]) -> usize {
    // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), then "://".
    let mut i = 0;
    while i < p.len()
        && (p[i].is_ascii_alphanumeric() || p[i] == b'+' || p[i] == b'-' || p[i] == b'.')
    {
        i += 1;
    }
    if i == 0
        || !p[0].is_ascii_alphabetic()
        || i + 3 > p.len()
        || p[i] != b':'
        || p[i + 1] != b'/'
        || p[i + 2] != b'/'
    {
        return 0;
    }
    i += 3;
    while i < p.len() && p[i] != b'/' && p[i] != b'?' && p[i] != b'#' {
        i += 1;
    }
    i
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn every_profile_reserves_each_of_its_names_and_nothing_case_changed() {
        for profile in Profile::ALL {
            for name in profile.names() {
                assert_eq!(
                    profile.check(name).map(|r| r.rule),
                    Some(Rule::Name(name)),
                    "{profile} {name}"
                );
                let upper = name.to_ascii_uppercase();
                assert_eq!(profile.check(&upper), None, "{profile} {upper}");
            }
        }
    }

    #[test]
    fn the_lists_decide_what_a_profile_reserves() {
        assert_eq!(Profile::CLERK.check("aud"), None);
        assert_eq!(Profile::CLERK_V1.check("jti"), None);
        assert!(Profile::CLERK_V1.check("org_permissions").is_some());
        assert_eq!(Profile::CLERK.check("org_id"), None);
    }

    #[test]
    fn url_prefix_folds_scheme_and_host_only() {
        let p = &Profile::STYTCH;
        assert!(p.check("https://stytch.com/session").is_some());
        assert!(p.check("HTTPS://STYTCH.COM/x").is_some());
        assert!(p.check("https://Stytch.Com/").is_some());
        assert_eq!(p.check("https://stytch.com.evil/x"), None);
        assert_eq!(p.check("https://stytch.com"), None);
        assert_eq!(p.check("http://stytch.com/x"), None);
        // the path after the host is compared exactly
        assert!(has_prefix(
            "https://EXAMPLE.com/Admin/x",
            "https://example.com/Admin/"
        ));
        assert!(!has_prefix(
            "https://example.com/admin/x",
            "https://example.com/Admin/"
        ));
    }

    #[test]
    fn non_url_prefix_is_case_sensitive() {
        let p = &Profile::COGNITO;
        assert_eq!(
            p.check("cognito:groups").map(|r| r.rule),
            Some(Rule::Prefix("cognito:"))
        );
        assert_eq!(p.check("COGNITO:groups"), None);
        assert_eq!(url_authority_end(b"cognito:"), 0);
        assert_eq!(url_authority_end(b"x-"), 0);
        assert_eq!(url_authority_end(b"https://a.b/c"), 11);
        assert_eq!(url_authority_end(b"urn://host"), 10);
        assert_eq!(url_authority_end(b"1a://host/"), 0);
    }

    #[test]
    fn by_name_finds_every_profile_and_nothing_else() {
        for p in Profile::ALL {
            assert_eq!(Profile::by_name(p.name()), Some(*p));
        }
        assert_eq!(Profile::by_name(""), None);
        assert_eq!(Profile::by_name("auth0"), None);
        assert_eq!(Profile::by_name("clerk-v2"), None);
    }

    #[test]
    fn reservation_display_names_the_profile_and_rule() {
        extern crate std;
        use std::string::ToString;
        let r = Profile::RFC7519.check("sub").unwrap();
        assert_eq!(
            r.to_string(),
            "reserved by profile `rfc7519` (registered JWT claim, RFC 7519 §4.1)"
        );
        let prefix = Reservation {
            source: Source::Application,
            rule: Rule::Prefix("x_"),
        };
        assert_eq!(
            prefix.to_string(),
            "reserved by the application (prefix `x_`: `reserve_prefix`)"
        );
    }

    /// A plain implementation of the matching rules, to compare the `const fn`s against.
    pub(crate) fn reference_has_prefix(claim: &str, prefix: &str) -> bool {
        extern crate std;
        use std::string::String;
        let authority_end = match prefix.find("://") {
            Some(scheme_end)
                if scheme_end > 0
                    && prefix.as_bytes()[0].is_ascii_alphabetic()
                    && prefix[..scheme_end]
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b)) =>
            {
                prefix[scheme_end + 3..]
                    .find(['/', '?', '#'])
                    .map_or(prefix.len(), |i| scheme_end + 3 + i)
            }
            _ => 0,
        };
        let fold = |s: &[u8]| String::from_utf8_lossy(s).to_ascii_lowercase();
        claim.len() >= prefix.len()
            && fold(&claim.as_bytes()[..authority_end]) == fold(&prefix.as_bytes()[..authority_end])
            && claim.as_bytes()[authority_end..prefix.len()] == prefix.as_bytes()[authority_end..]
    }

    proptest::proptest! {
        #[test]
        fn prefix_matching_agrees_with_the_reference(
            claim in "(?s)(https?://|HTTPS://|cognito:|x)?.{0,12}",
            prefix in "(https?://|HTTPS://|cognito:|1a://)?[a-zA-Z.:/?#]{0,8}",
        ) {
            proptest::prop_assert_eq!(has_prefix(&claim, &prefix), reference_has_prefix(&claim, &prefix));
            let prefixes = [prefix.as_str()];
            proptest::prop_assert_eq!(
                find_rule(&[], &prefixes, &claim).is_some(),
                reference_has_prefix(&claim, &prefix)
            );
        }

        #[test]
        fn any_string_is_checked_without_panicking(claim in "(?s).{0,40}") {
            for profile in Profile::ALL {
                let hit = profile.check(&claim);
                let expected = profile.names().contains(&claim.as_str())
                    || profile.prefixes().iter().any(|p| reference_has_prefix(&claim, p));
                proptest::prop_assert_eq!(hit.is_some(), expected);
            }
        }
    }
}
