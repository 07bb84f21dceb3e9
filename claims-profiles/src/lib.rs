//! Reserved claim-name profiles, as `const` data with `const fn` matching.
//!
//! Hosted auth providers put their own claims into the session token beside the application's custom
//! claims. A custom claim that reuses one of those names either shadows the provider's claim, is dropped,
//! or breaks verification. This crate holds the lists (one [`Profile`] per provider, from the providers'
//! documentation) and the matching rules, and [`ReservedNames`] combines profiles with the application's
//! own names and prefixes.
//!
//! Everything here is `const`, so `#[derive(SessionClaims)]` checks claim names while it expands, with
//! exactly the rules `claims-core` applies at run time. Most users reach these items through
//! `claims_core::{Profile, ReservedNames}`.
//!
//! ```
//! use claims_profiles::{Profile, ReservedNames, Rule, Source};
//!
//! const POLICY: ReservedNames<'static> =
//!     ReservedNames::from_profiles(&[&Profile::CLERK]).with_prefixes(&["internal_"]);
//!
//! let hit = POLICY.check("sid").expect("`sid` is a Clerk default claim");
//! assert_eq!(hit.rule, Rule::Name("sid"));
//! assert_eq!(hit.source, Source::Profile(&Profile::CLERK));
//!
//! assert!(POLICY.check("internal_flags").is_some());
//! assert!(POLICY.check("SID").is_none()); // claim names are case-sensitive
//! assert!(POLICY.check("full_name").is_none());
//! ```
//!
//! # Matching rules
//!
//! Claim names are case-sensitive strings (RFC 7519 §4): a name rule matches by exact equality, so `SUB` is
//! not `sub`. A prefix rule matches names that start with the prefix, byte for byte, except that a prefix
//! shaped like a URL (`scheme://host/...`) compares its scheme and host without regard to ASCII case, as
//! URLs do (RFC 3986 §3.1, §3.2.2): `HTTPS://STYTCH.COM/x` is reserved by `https://stytch.com/`, while
//! `https://stytch.com.evil/x` is not.
#![no_std]

use core::fmt;

/// The unit a provider counts its custom-claims budget in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SizeUnit {
    /// UTF-8 bytes of the compact JSON, as `serde_json::to_vec` writes it.
    Utf8Bytes,
    /// UTF-16 code units of the compact JSON, as JavaScript's `JSON.stringify(..).length` counts it.
    /// Never more than the UTF-8 byte count of the same text.
    Utf16Units,
}

impl fmt::Display for SizeUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SizeUnit::Utf8Bytes => "bytes",
            SizeUnit::Utf16Units => "UTF-16 units",
        })
    }
}

/// A provider's limit on the size of the custom-claims object, in compact JSON.
///
/// ```
/// use claims_profiles::{Budget, Profile, SizeUnit};
///
/// assert_eq!(Profile::CLERK.budget(), Some(Budget::bytes(1200)));
/// assert_eq!(Profile::FIREBASE.budget().map(|b| b.unit), Some(SizeUnit::Utf16Units));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Budget {
    /// The largest size allowed, inclusive.
    pub limit: usize,
    /// What `limit` counts.
    pub unit: SizeUnit,
}

impl Budget {
    /// A budget of `limit` UTF-8 bytes of compact JSON.
    ///
    /// ```
    /// # use claims_profiles::{Budget, SizeUnit};
    /// assert_eq!(Budget::bytes(4096).unit, SizeUnit::Utf8Bytes);
    /// ```
    pub const fn bytes(limit: usize) -> Self {
        Budget {
            limit,
            unit: SizeUnit::Utf8Bytes,
        }
    }

    /// A budget of `limit` UTF-16 code units of compact JSON (JavaScript string length).
    ///
    /// ```
    /// # use claims_profiles::{Budget, SizeUnit};
    /// assert_eq!(Budget::utf16_units(1000).limit, 1000);
    /// ```
    pub const fn utf16_units(limit: usize) -> Self {
        Budget {
            limit,
            unit: SizeUnit::Utf16Units,
        }
    }
}

impl fmt::Display for Budget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.limit, self.unit)
    }
}

/// A provider's reserved claim names and prefixes, and its custom-claims budget.
///
/// The built-in profiles are associated constants; [`Profile::by_name`] finds one by the name used in
/// `#[claims(profile = "...")]`. The lists and their sources are in the project's PROVIDERS.md.
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

    /// Every built-in profile, in the order of PROVIDERS.md.
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
            if str_eq(Self::ALL[i].name, name) {
                return Some(Self::ALL[i]);
            }
            i += 1;
        }
        None
    }

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

    /// The rule of this profile that reserves `claim`, if any.
    ///
    /// ```
    /// # use claims_profiles::{Profile, Rule};
    /// assert_eq!(Profile::COGNITO.check("cognito:groups").map(|r| r.rule), Some(Rule::Prefix("cognito:")));
    /// ```
    pub const fn check(&'static self, claim: &str) -> Option<Reservation<'static>> {
        match find_rule(self.names, self.prefixes, claim) {
            Some(rule) => Some(Reservation {
                source: Source::Profile(self),
                rule,
            }),
            None => None,
        }
    }
}

impl fmt::Display for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}

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
            Source::Profile(p) => write!(f, "reserved by profile `{}` (", p.name)?,
            Source::Application => f.write_str("reserved by the application (")?,
        }
        match self.rule {
            Rule::Name(_) => {}
            Rule::Prefix(prefix) => write!(f, "prefix `{prefix}`: ")?,
        }
        match self.source {
            Source::Profile(p) => write!(f, "{})", p.description),
            Source::Application => match self.rule {
                Rule::Name(_) => f.write_str("`reserve`)"),
                Rule::Prefix(_) => f.write_str("`reserve_prefix`)"),
            },
        }
    }
}

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
            if let Some(rule) = find_rule(profile.names, profile.prefixes, claim) {
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
            if let Some(b) = self.profiles[i].budget {
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

const fn find_rule<'a>(
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
mod tests {
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
    fn profile_lists_match_providers_md() {
        assert_eq!(Profile::CLERK.names().len(), 15);
        assert_eq!(Profile::CLERK_V1.names().len(), 14);
        assert_eq!(Profile::FIREBASE.names().len(), 16);
        assert_eq!(Profile::COGNITO.names().len(), 14);
        assert_eq!(Profile::SUPABASE.names().len(), 11);
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
        let policy = ReservedNames::NONE.with_prefixes(&["https://example.com/Admin/"]);
        assert!(policy.check("https://EXAMPLE.com/Admin/x").is_some());
        assert_eq!(policy.check("https://example.com/admin/x"), None);
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
    fn by_name_finds_every_profile_and_nothing_else() {
        for p in Profile::ALL {
            assert_eq!(Profile::by_name(p.name()), Some(*p));
        }
        assert_eq!(Profile::by_name(""), None);
        assert_eq!(Profile::by_name("auth0"), None);
        assert_eq!(Profile::by_name("clerk-v2"), None);
    }

    #[test]
    fn reservation_display_names_the_rule() {
        extern crate std;
        use std::string::ToString;
        let r = Profile::RFC7519.check("sub").unwrap();
        assert_eq!(
            r.to_string(),
            "reserved by profile `rfc7519` (registered JWT claim, RFC 7519 §4.1)"
        );
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
    }

    /// A plain implementation of the matching rules, to compare the `const fn`s against.
    fn reference_has_prefix(claim: &str, prefix: &str) -> bool {
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
            let policy = ReservedNames::NONE.with_prefixes(&prefixes);
            proptest::prop_assert_eq!(policy.check(&claim).is_some(), reference_has_prefix(&claim, &prefix));
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

    #[test]
    fn default_is_rfc7519() {
        assert_eq!(ReservedNames::default(), ReservedNames::RFC7519);
        assert!(ReservedNames::default().check("jti").is_some());
    }
}
