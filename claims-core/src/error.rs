//! The one error type of `claims-core`.

use std::fmt;

/// Everything that can go wrong while checking, measuring or updating claims.
///
/// Each variant carries what a caller needs to act (the claim, the rule, the limit, the actual size), and
/// its `Display` says what to do. The enum is `#[non_exhaustive]`: match the variants you handle and keep a
/// catch-all arm.
///
/// ```
/// use claims_core::{Budget, BudgetKind, ClaimsError};
///
/// let err = ClaimsError::OverBudget { kind: BudgetKind::CustomClaims, size: 1350, budget: Budget::bytes(1200) };
/// assert_eq!(
///     err.to_string(),
///     "custom claims take 1350 bytes of compact JSON, 150 over the budget of 1200 bytes; \
///      shorten or drop claims (a SizeReport shows which are largest) or keep large data server-side"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ClaimsError {
    /// Claims use names that the policy reserves. Lists every offending claim, in order.
    Reserved {
        /// The offending claims with the rule that reserves each.
        claims: Vec<ReservedClaim>,
    },
    /// A field's value is larger than its declared bound (`max_len`, `max_items`).
    BoundExceeded {
        /// Path of the field, e.g. `roles[3]` or `org.name`.
        field: String,
        /// Which bound.
        bound: BoundKind,
        /// The declared bound.
        limit: usize,
        /// The value's actual size, in the bound's unit.
        actual: usize,
    },
    /// A size is over a budget.
    OverBudget {
        /// What was measured.
        kind: BudgetKind,
        /// The measured size, in `budget.unit`.
        size: usize,
        /// The budget it exceeds.
        budget: claims_profiles::Budget,
    },
    /// A JSON value that must be an object (claims, a patch at the top level) is not.
    NotAnObject {
        /// What was expected to be an object, e.g. `patch`.
        what: &'static str,
        /// The JSON type found instead, e.g. `array`.
        found: &'static str,
    },
    /// A JSON value is nested deeper than allowed.
    TooDeep {
        /// What was measured, e.g. `patch`.
        what: &'static str,
        /// The allowed depth.
        limit: usize,
    },
    /// Two claims have the same name (RFC 7519 §4 requires unique names).
    DuplicateClaim {
        /// The repeated name.
        name: String,
    },
    /// A float is NaN or infinite. JSON has no way to write it (`serde_json` would write `null`, turning the
    /// claim into `null`, or deleting it in a patch), so it is refused wherever claims are written.
    NonFinite {
        /// Path of the claim, e.g. `score`, `stats.score` or `scores[2]`.
        claim: String,
    },
    /// Serializing or deserializing claims failed.
    Json {
        /// `serde_json`'s message.
        message: String,
    },
}

/// A claim refused because a reserved-name policy reserves its name.
///
/// ```
/// use claims_core::{Profile, ReservedClaim};
///
/// let hit = ReservedClaim::new("sub", Profile::RFC7519.check("sub").unwrap());
/// assert_eq!(hit.profile.as_deref(), Some("rfc7519"));
/// assert_eq!(hit.prefix, None);
/// assert_eq!(hit.to_string(), "`sub` is reserved by profile `rfc7519` (registered JWT claim, RFC 7519 §4.1)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ReservedClaim {
    /// The claim name as written.
    pub name: String,
    /// The profile that reserves it, or `None` for the application's own `reserve`/`reserve_prefix`.
    pub profile: Option<String>,
    /// The reserved prefix that matched, or `None` when the name itself is reserved.
    pub prefix: Option<String>,
    /// The whole rule in words, e.g. ``reserved by profile `clerk` (Clerk session token v2 default claim)``.
    pub reason: String,
}

impl ReservedClaim {
    /// Records that `name` is reserved for the reason `why`.
    ///
    /// ```
    /// # use claims_core::{ReservedClaim, ReservedNames};
    /// let policy = ReservedNames::NONE.with_prefixes(&["x_"]);
    /// let hit = ReservedClaim::new("x_y", policy.check("x_y").unwrap());
    /// assert_eq!((hit.profile, hit.prefix.as_deref()), (None, Some("x_")));
    /// ```
    pub fn new(name: &str, why: claims_profiles::Reservation<'_>) -> Self {
        ReservedClaim {
            name: name.to_owned(),
            profile: match why.source {
                claims_profiles::Source::Profile(p) => Some(p.name().to_owned()),
                claims_profiles::Source::Application => None,
            },
            prefix: match why.rule {
                claims_profiles::Rule::Name(_) => None,
                claims_profiles::Rule::Prefix(p) => Some(p.to_owned()),
            },
            reason: why.to_string(),
        }
    }
}

impl fmt::Display for ReservedClaim {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is {}", self.name, self.reason)
    }
}

/// Which declared bound a value broke.
///
/// ```
/// assert_eq!(claims_core::BoundKind::MaxItems.to_string(), "max_items");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BoundKind {
    /// `max_len`: bytes of JSON-escaped string content.
    MaxLen,
    /// `max_items`: items of a sequence or set.
    MaxItems,
    /// `max_json_len`, or a bounded type's own bound: bytes of the value's compact JSON.
    MaxJsonLen,
}

impl BoundKind {
    /// The unit a value is measured in against this bound: `bytes` (of JSON-escaped string content),
    /// `items`, or `bytes of JSON`.
    ///
    /// ```
    /// # use claims_core::BoundKind;
    /// assert_eq!(BoundKind::MaxItems.unit(), "items");
    /// ```
    pub const fn unit(self) -> &'static str {
        match self {
            BoundKind::MaxLen => "bytes",
            BoundKind::MaxItems => "items",
            BoundKind::MaxJsonLen => "bytes of JSON",
        }
    }
}

impl fmt::Display for BoundKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            BoundKind::MaxLen => "max_len",
            BoundKind::MaxItems => "max_items",
            BoundKind::MaxJsonLen => "max_json_len",
        })
    }
}

/// What an over-budget size measured.
///
/// ```
/// use claims_core::{size::CookieSpec, BudgetKind, ClaimsError};
/// let err = CookieSpec::session().check(5000).unwrap_err();
/// assert!(matches!(err, ClaimsError::OverBudget { kind: BudgetKind::Cookie, size: 5010, .. }));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BudgetKind {
    /// The compact JSON of the custom claims (a provider profile's budget, or `max_size`).
    CustomClaims,
    /// The compact JSON of the whole payload.
    Payload,
    /// The compact JWT (`header.payload.signature`).
    Token,
    /// The cookie that carries the token: `name=token`, or the whole `Set-Cookie` line when configured.
    Cookie,
}

impl BudgetKind {
    fn subject(self) -> &'static str {
        match self {
            BudgetKind::CustomClaims => "custom claims take",
            BudgetKind::Payload => "the token payload takes",
            BudgetKind::Token => "the token takes",
            BudgetKind::Cookie => "the cookie takes",
        }
    }

    fn measured_in(self) -> &'static str {
        match self {
            BudgetKind::CustomClaims | BudgetKind::Payload => " of compact JSON",
            BudgetKind::Token | BudgetKind::Cookie => "",
        }
    }
}

impl fmt::Display for BudgetKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            BudgetKind::CustomClaims => "custom claims",
            BudgetKind::Payload => "payload",
            BudgetKind::Token => "token",
            BudgetKind::Cookie => "cookie",
        })
    }
}

impl fmt::Display for ClaimsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClaimsError::Reserved { claims } => {
                if claims.len() == 1 {
                    f.write_str("claim ")?;
                } else {
                    write!(f, "{} claims are reserved: ", claims.len())?;
                }
                for (i, claim) in claims.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{claim}")?;
                }
                f.write_str(
                    "; reserved names belong to the token issuer: rename the custom claim \
                     (with #[serde(rename = \"...\")] on a derived struct)",
                )
            }
            ClaimsError::BoundExceeded {
                field,
                bound,
                limit,
                actual,
            } => {
                write!(
                    f,
                    "field `{field}` has {actual} {}, over its bound `{bound} = {limit}` by {}; \
                     shorten the value or raise the bound",
                    bound.unit(),
                    actual - limit.min(actual)
                )
            }
            ClaimsError::OverBudget { kind, size, budget } => write!(
                f,
                "{} {size} {}{}, {} over the budget of {budget}; shorten or drop claims \
                 (a SizeReport shows which are largest) or keep large data server-side",
                kind.subject(),
                budget.unit,
                kind.measured_in(),
                size.saturating_sub(budget.limit),
            ),
            ClaimsError::NotAnObject { what, found } => {
                write!(f, "{what} must be a JSON object, found {found}")
            }
            ClaimsError::TooDeep { what, limit } => write!(
                f,
                "{what} is nested deeper than {limit} levels; flatten it (`serde_json` cannot parse JSON nested \
                 128 levels deep, so a token holding it could not be read back)"
            ),
            ClaimsError::DuplicateClaim { name } => write!(
                f,
                "claim `{name}` appears more than once; RFC 7519 §4 requires unique claim names"
            ),
            ClaimsError::NonFinite { claim } => write!(
                f,
                "claim `{claim}` is not a finite number (NaN or an infinity), which JSON cannot hold \
                 (serde_json would write `null`); store a finite value or remove the claim"
            ),
            ClaimsError::Json { message } => {
                write!(f, "claims are not valid JSON for this type: {message}")
            }
        }
    }
}

impl std::error::Error for ClaimsError {}

impl From<serde_json::Error> for ClaimsError {
    fn from(err: serde_json::Error) -> Self {
        ClaimsError::Json {
            message: err.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use claims_profiles::{Budget, Profile};

    #[test]
    fn messages_say_what_to_do() {
        let err = ClaimsError::Reserved {
            claims: vec![
                ReservedClaim::new("sub", Profile::CLERK.check("sub").unwrap()),
                ReservedClaim::new(
                    "https://stytch.com/x",
                    Profile::STYTCH.check("https://stytch.com/x").unwrap(),
                ),
            ],
        };
        assert_eq!(
            err.to_string(),
            "2 claims are reserved: `sub` is reserved by profile `clerk` (Clerk session token v2 default claim), \
             `https://stytch.com/x` is reserved by profile `stytch` (prefix `https://stytch.com/`: Stytch session claim); \
             reserved names belong to the token issuer: rename the custom claim (with #[serde(rename = \"...\")] on a derived struct)"
        );
        let err = ClaimsError::BoundExceeded {
            field: "roles[2]".into(),
            bound: BoundKind::MaxLen,
            limit: 32,
            actual: 40,
        };
        assert_eq!(
            err.to_string(),
            "field `roles[2]` has 40 bytes, over its bound `max_len = 32` by 8; shorten the value or raise the bound"
        );
        let err = ClaimsError::OverBudget {
            kind: BudgetKind::Cookie,
            size: 4100,
            budget: Budget::bytes(4096),
        };
        assert_eq!(
            err.to_string(),
            "the cookie takes 4100 bytes, 4 over the budget of 4096 bytes; shorten or drop claims \
             (a SizeReport shows which are largest) or keep large data server-side"
        );
        assert_eq!(
            ClaimsError::NotAnObject {
                what: "patch",
                found: "array"
            }
            .to_string(),
            "patch must be a JSON object, found array"
        );
        assert_eq!(
            ClaimsError::NonFinite {
                claim: "stats.score".into()
            }
            .to_string(),
            "claim `stats.score` is not a finite number (NaN or an infinity), which JSON cannot hold \
             (serde_json would write `null`); store a finite value or remove the claim"
        );
        assert_eq!(
            ClaimsError::DuplicateClaim { name: "sub".into() }.to_string(),
            "claim `sub` appears more than once; RFC 7519 §4 requires unique claim names"
        );
    }

    #[test]
    fn json_errors_convert() {
        let err: ClaimsError = serde_json::from_str::<u8>("300").unwrap_err().into();
        assert!(
            matches!(err, ClaimsError::Json { ref message } if message.starts_with("invalid value: integer `300`"))
        );
    }
}
