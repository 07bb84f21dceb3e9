//! Custom claims that are known to pass an update policy, held with their exact size, so that an update
//! checks and measures only what its patch touches.

use serde_json::{Map, Value};

use crate::claims::check_reserved;
use crate::error::ClaimsError;
use crate::merge::{UpdatePolicy, apply_in_place, update_claims};
use crate::size::{JsonSize, member_size, object_size, value_json_size};
use crate::value::{depth_exceeds, expect_object};

/// Custom claims together with the [`UpdatePolicy`] they pass and their exact compact-JSON size.
///
/// Built once with a full check ([`CheckedClaims::new`]), they stay within the policy: every
/// [`CheckedClaims::update`] refuses exactly what [`update_claims`] refuses, but since the claims already
/// hold no reserved name, are not nested too deep and have a known size, it checks the patch's names
/// only and computes the result's size from the old size and the sizes of the members the patch
/// changes. Its cost follows the patch, not the claims.
///
/// ```
/// use claims_core::{Budget, BudgetKind, CheckedClaims, ClaimsError, Profile, ReservedNames, UpdatePolicy};
/// use serde_json::json;
///
/// let policy = UpdatePolicy::new(ReservedNames::from_profiles(&[&Profile::CLERK])).with_budget(Budget::bytes(40));
/// let claims = json!({"plan": "free"}).as_object().unwrap().clone();
/// let mut claims = CheckedClaims::new(claims, policy)?;
/// assert_eq!(claims.size().bytes, r#"{"plan":"free"}"#.len());
///
/// claims.update(&json!({"plan": "pro", "seats": 5}))?;
/// assert_eq!(claims.size().bytes, r#"{"plan":"pro","seats":5}"#.len());
///
/// // Refused updates change nothing.
/// let err = claims.update(&json!({"sid": "sess_1"})).unwrap_err();
/// assert!(matches!(err, ClaimsError::Reserved { ref claims } if claims[0].name == "sid"));
/// let err = claims.update(&json!({"bio": "a long story, longer than the budget"})).unwrap_err();
/// assert_eq!(err, ClaimsError::OverBudget { kind: BudgetKind::CustomClaims, size: 69, budget: Budget::bytes(40) });
/// assert_eq!(serde_json::Value::Object(claims.into_inner()), json!({"plan": "pro", "seats": 5}));
/// # Ok::<(), ClaimsError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedClaims<'p> {
    claims: Map<String, Value>,
    policy: UpdatePolicy<'p>,
    /// The sum of every member's `"name":value` size: the object's size without its braces and commas.
    members: JsonSize,
}

impl<'p> CheckedClaims<'p> {
    /// `claims` once they pass `policy`: no reserved name, nested no deeper than its limit
    /// ([`ClaimsError::TooDeep`] naming `"claims"`), within its budgets.
    ///
    /// ```
    /// # use claims_core::{CheckedClaims, ClaimsError, ReservedNames, UpdatePolicy};
    /// # use serde_json::json;
    /// let claims = json!({"sub": "user_1"}).as_object().unwrap().clone();
    /// let err = CheckedClaims::new(claims, UpdatePolicy::new(ReservedNames::RFC7519)).unwrap_err();
    /// assert!(matches!(err, ClaimsError::Reserved { .. }));
    /// ```
    pub fn new(claims: Map<String, Value>, policy: UpdatePolicy<'p>) -> Result<Self, ClaimsError> {
        if depth_exceeds(&claims, policy.max_depth()) {
            return Err(ClaimsError::TooDeep {
                what: "claims",
                limit: policy.max_depth(),
            });
        }
        // An empty patch checks every name and the whole size, as any update does.
        let mut claims = claims;
        update_claims(&mut claims, &Value::Object(Map::new()), &policy)?;
        let members = claims
            .iter()
            .fold(JsonSize::default(), |sum, (name, value)| {
                sum + member_size(name, value)
            });
        Ok(CheckedClaims {
            claims,
            policy,
            members,
        })
    }

    /// The claims.
    ///
    /// ```
    /// # use claims_core::{CheckedClaims, UpdatePolicy};
    /// let claims = CheckedClaims::new(serde_json::Map::new(), UpdatePolicy::default())?;
    /// assert!(claims.claims().is_empty());
    /// # Ok::<(), claims_core::ClaimsError>(())
    /// ```
    pub fn claims(&self) -> &Map<String, Value> {
        &self.claims
    }

    /// The claims, no longer checked.
    pub fn into_inner(self) -> Map<String, Value> {
        self.claims
    }

    /// The policy every update is held to.
    pub fn policy(&self) -> &UpdatePolicy<'p> {
        &self.policy
    }

    /// The exact size of the claims' compact JSON, as `serde_json::to_vec` would write them.
    ///
    /// ```
    /// # use claims_core::{CheckedClaims, UpdatePolicy};
    /// let claims = CheckedClaims::new(serde_json::Map::new(), UpdatePolicy::default())?;
    /// assert_eq!(claims.size().bytes, 2); // {}
    /// # Ok::<(), claims_core::ClaimsError>(())
    /// ```
    pub fn size(&self) -> JsonSize {
        object_size(self.members, self.claims.len())
    }

    /// Applies the RFC 7396 `patch` if, and only if, the result passes the policy; otherwise returns why
    /// ([`ClaimsError::NotAnObject`], [`ClaimsError::TooDeep`], [`ClaimsError::Reserved`] listing every
    /// reserved name the patch sets, [`ClaimsError::OverBudget`]) and leaves the claims exactly as they
    /// were. See the [type's example](CheckedClaims).
    pub fn update(&mut self, patch: &Value) -> Result<(), ClaimsError> {
        let patch = expect_object(patch, "patch")?;
        let policy = self.policy;
        if depth_exceeds(patch, policy.max_depth()) {
            return Err(ClaimsError::TooDeep {
                what: "patch",
                limit: policy.max_depth(),
            });
        }
        // Applied in place, one look-up per member, and undone if refused. The result's size: the
        // members the patch touches out, their new values in (a replaced member keeps its name, so only
        // its value is measured). The claims hold no reserved name, so only a name the patch adds can be
        // one.
        let (mut added, mut removed) = (JsonSize::default(), JsonSize::default());
        let mut len = self.claims.len();
        let mut reserved = false;
        let applied = apply_in_place(&mut self.claims, patch, |name, old, new| match (old, new) {
            (Some(old), Some(new)) => {
                removed = removed + value_json_size(old);
                added = added + value_json_size(new);
            }
            (Some(old), None) => {
                removed = removed + member_size(name, old);
                len -= 1;
            }
            (None, Some(new)) => {
                reserved |= policy.reserved().check(name).is_some();
                added = added + member_size(name, new);
                len += 1;
            }
            (None, None) => {}
        });
        let members = self.members + added - removed;
        let result = if reserved {
            let mut names: Vec<&str> = patch
                .iter()
                .filter(|(_, value)| !value.is_null())
                .map(|(name, _)| name.as_str())
                .collect();
            names.sort_unstable();
            check_reserved(names, &policy.reserved())
        } else {
            policy.check_size(object_size(members, len))
        };
        if result.is_ok() {
            applied.keep(&mut self.claims);
            self.members = members;
        } else {
            applied.undo(&mut self.claims);
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::BudgetKind;
    use crate::merge::tests::{arb_object, obj as object};
    use crate::size::value_json_size;
    use claims_profiles::{Budget, ReservedNames};
    use proptest::prelude::*;
    use serde_json::json;

    #[test]
    fn new_refuses_what_the_policy_refuses() {
        let policy = UpdatePolicy::new(ReservedNames::RFC7519).with_budget(Budget::bytes(16));
        let ok = CheckedClaims::new(object(json!({"plan": "free"})), policy).unwrap();
        assert_eq!(ok.size().bytes, 15);
        assert_eq!(ok.policy(), &policy);
        let over = CheckedClaims::new(object(json!({"plan": "enterprise"})), policy);
        assert_eq!(
            over,
            Err(ClaimsError::OverBudget {
                kind: BudgetKind::CustomClaims,
                size: 21,
                budget: Budget::bytes(16)
            })
        );
        let reserved = CheckedClaims::new(object(json!({"iss": "x"})), policy).unwrap_err();
        assert!(
            matches!(reserved, ClaimsError::Reserved { ref claims } if claims[0].name == "iss")
        );
        let deep = CheckedClaims::new(object(json!({"a": [[1]]})), policy.with_max_depth(2));
        assert_eq!(
            deep,
            Err(ClaimsError::TooDeep {
                what: "claims",
                limit: 2
            })
        );
        let shallow = CheckedClaims::new(object(json!({"a": [1]})), policy.with_max_depth(2));
        assert!(shallow.is_ok());
    }

    #[test]
    fn refusals_leave_claims_and_size_as_they_were() {
        let policy = UpdatePolicy::new(ReservedNames::RFC7519).with_budget(Budget::bytes(30));
        let mut claims = CheckedClaims::new(object(json!({"a": {"b": 1}})), policy).unwrap();
        let before = claims.clone();
        for (patch, err) in [
            (
                json!([1]),
                ClaimsError::NotAnObject {
                    what: "patch",
                    found: "array",
                },
            ),
            (
                json!({"a": {"c": "a value too long for the budget"}}),
                ClaimsError::OverBudget {
                    kind: BudgetKind::CustomClaims,
                    size: 51,
                    budget: Budget::bytes(30),
                },
            ),
        ] {
            assert_eq!(claims.update(&patch), Err(err));
            assert_eq!(claims, before);
        }
        let err = claims
            .update(&json!({"sub": "u", "exp": 1, "n": null}))
            .unwrap_err();
        let ClaimsError::Reserved { claims: hits } = err else {
            panic!("expected Reserved, got {err:?}")
        };
        let names: Vec<&str> = hits.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["exp", "sub"]);
        assert_eq!(claims, before);
        // Deleting a reserved name sets nothing: allowed.
        claims.update(&json!({"sub": null, "a": {"c": 2}})).unwrap();
        assert_eq!(
            Value::Object(claims.claims().clone()),
            json!({"a": {"b": 1, "c": 2}})
        );
        assert_eq!(claims.size().bytes, r#"{"a":{"b":1,"c":2}}"#.len());
    }

    proptest! {
        /// Claims built by `new` and updated by a sequence of patches: each update refuses or applies
        /// exactly as `update_claims` does on the same map, and the size kept is the size measured afresh.
        #[test]
        fn update_is_update_claims_and_the_size_is_exact(
            claims in arb_object(),
            patches in prop::collection::vec(arb_object(), 1..4),
            limit in 0usize..120,
            unit_is_bytes in any::<bool>(),
        ) {
            let budget = if unit_is_bytes { Budget::bytes(limit) } else { Budget::utf16_units(limit) };
            let policy = UpdatePolicy::new(ReservedNames::NONE.with_names(&["d"]))
                .with_budget(budget)
                .with_max_depth(4);
            let Ok(mut checked) = CheckedClaims::new(claims.clone(), policy) else {
                let mut map = claims;
                let refused = update_claims(&mut map, &json!({}), &policy).is_err();
                prop_assert!(refused || depth_exceeds(&map, 4));
                return Ok(());
            };
            for patch in patches {
                let patch = Value::Object(patch);
                let mut expected = checked.claims().clone();
                let result = update_claims(&mut expected, &patch, &policy);
                prop_assert_eq!(checked.update(&patch), result);
                prop_assert_eq!(checked.claims(), &expected);
                prop_assert_eq!(checked.size(), value_json_size(&Value::Object(expected)));
            }
        }
    }
}
