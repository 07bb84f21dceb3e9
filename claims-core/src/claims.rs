//! The [`SessionClaims`] trait and the run-time checks shared by derived and dynamic claims.
//!
//! The crate root re-exports everything here. This path names the trait alone, without the derive macro
//! that `claims_core::SessionClaims` also brings with the `derive` feature, for a crate that re-exports
//! the trait beside a derive of its own (as claims-jwt does):
//!
//! ```
//! pub use claims_core::claims::SessionClaims; // the trait; no macro of that name comes with it
//! ```

use claims_profiles::{Budget, ReservedNames};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::error::{BudgetKind, ClaimsError, ReservedClaim};
use crate::size::{JsonSize, json_size};

/// Custom claims of a session token.
///
/// Implemented by `#[derive(SessionClaims)]`, which checks the names and sizes at compile time, and by
/// [`serde_json::Map<String, Value>`] for dynamic claims, which get the same checks at run time
/// ([`SessionClaims::check_reserved`], [`check_budget`]).
///
/// ```
/// use claims_core::{ClaimsError, ReservedNames, SessionClaims};
/// use serde_json::{json, Map, Value};
///
/// let claims: Map<String, Value> = serde_json::from_value(json!({"plan": "pro", "exp": 1}))?;
/// assert_eq!(<Map<String, Value> as SessionClaims>::MAX_JSON_LEN, None);
/// let err = claims.check_reserved(&ReservedNames::RFC7519).unwrap_err();
/// assert!(matches!(err, ClaimsError::Reserved { ref claims } if claims[0].name == "exp"));
/// # Ok::<(), serde_json::Error>(())
/// ```
pub trait SessionClaims: serde::Serialize + serde::de::DeserializeOwned {
    /// JSON names of the top-level claims this type can write or read, after serde's renames and aliases.
    const CLAIM_NAMES: &'static [&'static str];

    /// Upper bound, in bytes, of the compact JSON of any value that passes `check_bounds`;
    /// `None` when some field has no bound.
    const MAX_JSON_LEN: Option<usize>;

    /// The reserved-name policy the type's names were checked against when it was compiled: the derive's
    /// `profile`, `reserve` and `reserve_prefix` attributes. Layouts compare it with their own policy.
    const RESERVED: ReservedNames<'static> = ReservedNames::RFC7519;

    /// Checks the declared per-field bounds at run time; the error names the field, the bound and the actual size.
    fn check_bounds(&self) -> Result<(), ClaimsError>;

    /// Checks this value's claim names against `policy` at run time, reporting every reserved one.
    ///
    /// The default checks [`Self::CLAIM_NAMES`], which the derive has already checked against
    /// [`Self::RESERVED`]; this matters when a token layout reserves more than the type was compiled for.
    /// Dynamic claims check their actual keys.
    ///
    /// ```
    /// use claims_core::{ClaimsError, Profile, ReservedNames, SessionClaims};
    /// use serde_json::{Map, Value};
    ///
    /// let mut claims = Map::new();
    /// claims.insert("sid".into(), Value::from("sess_1"));
    /// assert_eq!(claims.check_reserved(&ReservedNames::RFC7519), Ok(()));
    /// let refused = claims.check_reserved(&ReservedNames::from_profiles(&[&Profile::CLERK]));
    /// assert!(matches!(refused, Err(ClaimsError::Reserved { claims }) if claims[0].name == "sid"));
    /// ```
    fn check_reserved(&self, policy: &ReservedNames<'_>) -> Result<(), ClaimsError> {
        check_reserved(Self::CLAIM_NAMES.iter().copied(), policy)
    }
}

impl SessionClaims for Map<String, Value> {
    /// Dynamic: the names are the map's keys, known only at run time.
    const CLAIM_NAMES: &'static [&'static str] = &[];
    /// Dynamic: no static bound.
    const MAX_JSON_LEN: Option<usize> = None;

    /// A map declares no per-field bounds; its size is checked against a budget with [`check_budget`].
    fn check_bounds(&self) -> Result<(), ClaimsError> {
        Ok(())
    }

    fn check_reserved(&self, policy: &ReservedNames<'_>) -> Result<(), ClaimsError> {
        check_reserved(self.keys().map(String::as_str), policy)
    }
}

/// Checks every name in `names` against `policy` and reports all reserved ones, in order.
///
/// ```
/// use claims_core::{check_reserved, ClaimsError, ReservedNames};
///
/// let err = check_reserved(["name", "sub", "exp"], &ReservedNames::RFC7519).unwrap_err();
/// let ClaimsError::Reserved { claims } = err else { unreachable!() };
/// let names: Vec<&str> = claims.iter().map(|c| c.name.as_str()).collect();
/// assert_eq!(names, ["sub", "exp"]);
/// ```
pub fn check_reserved<'n>(
    names: impl IntoIterator<Item = &'n str>,
    policy: &ReservedNames<'_>,
) -> Result<(), ClaimsError> {
    let claims: Vec<ReservedClaim> = names
        .into_iter()
        .filter_map(|name| policy.check(name).map(|why| ReservedClaim::new(name, why)))
        .collect();
    if claims.is_empty() {
        Ok(())
    } else {
        Err(ClaimsError::Reserved { claims })
    }
}

/// Measures the compact JSON of `claims` exactly and checks it against `budget` (a custom-claims budget).
/// Returns the size in both units.
///
/// ```
/// use claims_core::{check_budget, Budget, BudgetKind, ClaimsError};
/// use serde_json::json;
///
/// let claims = json!({"name": "Zoë"});
/// let size = check_budget(&claims, Budget::bytes(16))?; // {"name":"Zoë"} is 15 bytes, 14 UTF-16 units
/// assert_eq!((size.bytes, size.utf16_units), (15, 14));
/// let err = check_budget(&claims, Budget::bytes(14)).unwrap_err();
/// assert_eq!(err, ClaimsError::OverBudget { kind: BudgetKind::CustomClaims, size: 15, budget: Budget::bytes(14) });
/// assert!(check_budget(&claims, Budget::utf16_units(14)).is_ok());
/// # Ok::<(), ClaimsError>(())
/// ```
pub fn check_budget<T: Serialize + ?Sized>(
    claims: &T,
    budget: Budget,
) -> Result<JsonSize, ClaimsError> {
    let size = json_size(claims)?;
    size.check(BudgetKind::CustomClaims, budget)?;
    Ok(size)
}

#[cfg(test)]
mod tests {
    use super::*;
    use claims_profiles::Profile;
    use serde_json::json;

    #[test]
    fn map_reports_every_reserved_key_in_key_order() {
        let claims: Map<String, Value> = serde_json::from_value(
            json!({"sub": 1, "plan": "x", "https://stytch.com/session": {}, "exp": 2}),
        )
        .unwrap();
        let err = claims
            .check_reserved(&ReservedNames::from_profiles(&[&Profile::STYTCH]))
            .unwrap_err();
        let ClaimsError::Reserved { claims } = err else {
            panic!("expected Reserved, got {err:?}")
        };
        let got: Vec<(&str, Option<&str>)> = claims
            .iter()
            .map(|c| (c.name.as_str(), c.prefix.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("exp", None),
                ("https://stytch.com/session", Some("https://stytch.com/")),
                ("sub", None)
            ]
        );
    }

    #[test]
    fn budget_is_inclusive() {
        let claims = json!({"a": "bc"}); // {"a":"bc"} = 10 bytes
        assert_eq!(
            check_budget(&claims, Budget::bytes(10)).map(|s| s.bytes),
            Ok(10)
        );
        assert_eq!(
            check_budget(&claims, Budget::bytes(9)),
            Err(ClaimsError::OverBudget {
                kind: BudgetKind::CustomClaims,
                size: 10,
                budget: Budget::bytes(9)
            })
        );
    }

    #[test]
    fn a_value_too_deep_to_measure_is_refused_not_over_budget() {
        let mut deep = Value::from(1);
        for _ in 0..100_000 {
            deep = Value::Array(vec![deep]);
        }
        let mut map = Map::new();
        map.insert("a".to_owned(), deep);
        assert_eq!(
            check_budget(&map, Budget::bytes(10)),
            Err(ClaimsError::TooDeep {
                what: "value",
                limit: crate::size::MAX_JSON_DEPTH
            })
        );
        crate::value::drop_deep(Value::Object(map));
    }
}
