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

mod budget;
mod matching;
mod reserved;
mod tables;

pub use budget::{Budget, SizeUnit};
pub use matching::{Reservation, Rule, Source};
pub use reserved::ReservedNames;
pub use tables::Profile;
