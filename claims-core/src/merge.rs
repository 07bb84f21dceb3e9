//! RFC 7396 JSON Merge Patch, and the policy-checked update of custom claims built on it.
//!
//! Both work without recursion: a patch nested a hundred thousand levels deep is merged (or refused)
//! without growing the stack.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::claims::{SessionClaims, check_reserved};
use crate::error::{BudgetKind, ClaimsError};
#[cfg(test)]
use crate::size::value_json_size;
use crate::size::{JsonSize, json_size, member_size, object_size};
use crate::value::{
    MAX_JSON_DEPTH, clone_deep, depth_exceeds, drop_deep, expect_object, json_type,
};
use crate::writable::check_writable;
use claims_profiles::{Budget, ReservedNames, SizeUnit};

/// The default nesting limit of [`UpdatePolicy`], counting the claims object itself as level 1: the
/// deepest JSON `serde_json` reads back ([`MAX_JSON_DEPTH`](crate::size::MAX_JSON_DEPTH)), so that
/// updated claims can always be minted and read again.
pub const DEFAULT_MAX_DEPTH: usize = MAX_JSON_DEPTH;

/// Applies `patch` to `target` as RFC 7396 JSON Merge Patch: a member set to `null` is removed, an object
/// merges into an object member by member, and anything else replaces the target whole.
///
/// Exactly the RFC: every case of its Appendix A holds, including non-object targets and patches.
///
/// ```
/// use claims_core::merge_patch;
/// use serde_json::json;
///
/// let mut doc = json!({"a": "b", "c": {"d": "e", "f": "g"}});
/// merge_patch(&mut doc, &json!({"a": "z", "c": {"f": null}}));
/// assert_eq!(doc, json!({"a": "z", "c": {"d": "e"}}));
///
/// let mut doc = json!(["a", "b"]);
/// merge_patch(&mut doc, &json!({"a": {"bb": {"ccc": null}}}));
/// assert_eq!(doc, json!({"a": {"bb": {}}}));
/// ```
pub fn merge_patch(target: &mut Value, patch: &Value) {
    // Each pending pair is a target slot and the object patch to merge into it.
    let mut pending: Vec<(&mut Value, &Map<String, Value>)> = Vec::new();
    match patch {
        Value::Object(patch) => pending.push((target, patch)),
        other => {
            drop_deep(std::mem::replace(target, clone_deep(other)));
            return;
        }
    }
    while let Some((target, patch)) = pending.pop() {
        if !target.is_object() {
            drop_deep(std::mem::replace(target, Value::Object(Map::new())));
        }
        let Value::Object(map) = target else {
            unreachable!("made an object just above")
        };
        for (name, value) in patch {
            match value {
                Value::Null => {
                    if let Some(old) = map.remove(name) {
                        drop_deep(old);
                    }
                }
                // Merged below, once no other borrow of `map` is live.
                Value::Object(_) => {
                    map.entry(name.clone()).or_insert(Value::Null);
                }
                other => {
                    if let Some(old) = map.insert(name.clone(), clone_deep(other)) {
                        drop_deep(old);
                    }
                }
            }
        }
        for (name, slot) in map.iter_mut() {
            if let Some(Value::Object(inner)) = patch.get(name) {
                pending.push((slot, inner));
            }
        }
    }
}

/// What [`update_claims`] enforces besides RFC 7396: reserved names, a size budget, a nesting limit.
///
/// By default the budget is the tightest one the policy's profiles state, counted in their unit, and the
/// nesting limit is [`DEFAULT_MAX_DEPTH`].
///
/// ```
/// use claims_core::{Budget, Profile, ReservedNames, UpdatePolicy};
///
/// let stytch = UpdatePolicy::new(ReservedNames::from_profiles(&[&Profile::STYTCH]));
/// assert_eq!(stytch.budgets(), [Some(Budget::bytes(4096)), None]);
///
/// let own = UpdatePolicy::new(ReservedNames::RFC7519).with_budget(Budget::bytes(512)).with_max_depth(8);
/// assert_eq!(own.budgets(), [Some(Budget::bytes(512)), None]);
/// assert_eq!(own.max_depth(), 8);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UpdatePolicy<'a> {
    reserved: ReservedNames<'a>,
    bytes: Option<Budget>,
    utf16_units: Option<Budget>,
    max_depth: usize,
}

impl Default for UpdatePolicy<'_> {
    fn default() -> Self {
        UpdatePolicy::new(ReservedNames::RFC7519)
    }
}

impl<'a> UpdatePolicy<'a> {
    /// A policy refusing the names `reserved` reserves, with its profiles' budgets.
    ///
    /// ```
    /// # use claims_core::{Budget, Profile, ReservedNames, UpdatePolicy};
    /// let firebase = UpdatePolicy::new(ReservedNames::from_profiles(&[&Profile::FIREBASE]));
    /// assert_eq!(firebase.budgets(), [None, Some(Budget::utf16_units(1000))]);
    /// ```
    pub const fn new(reserved: ReservedNames<'a>) -> Self {
        let [bytes, utf16_units] = reserved.budgets();
        UpdatePolicy {
            reserved,
            bytes,
            utf16_units,
            max_depth: DEFAULT_MAX_DEPTH,
        }
    }

    /// This policy with `budget` in place of the budget of the same unit.
    ///
    /// ```
    /// # use claims_core::{Budget, Profile, ReservedNames, UpdatePolicy};
    /// let clerk = UpdatePolicy::new(ReservedNames::from_profiles(&[&Profile::CLERK])).with_budget(Budget::bytes(900));
    /// assert_eq!(clerk.budgets()[0], Some(Budget::bytes(900)));
    /// ```
    #[must_use]
    pub const fn with_budget(mut self, budget: Budget) -> Self {
        match budget.unit {
            SizeUnit::Utf16Units => self.utf16_units = Some(budget),
            _ => self.bytes = Some(budget),
        }
        self
    }

    /// This policy without any size budget.
    ///
    /// ```
    /// # use claims_core::{Profile, ReservedNames, UpdatePolicy};
    /// let p = UpdatePolicy::new(ReservedNames::from_profiles(&[&Profile::CLERK])).without_budget();
    /// assert_eq!(p.budgets(), [None, None]);
    /// ```
    #[must_use]
    pub const fn without_budget(self) -> Self {
        UpdatePolicy {
            bytes: None,
            utf16_units: None,
            ..self
        }
    }

    /// This policy with another nesting limit for patches (depth 1 is a flat object).
    ///
    /// ```
    /// # use claims_core::UpdatePolicy;
    /// assert_eq!(UpdatePolicy::default().with_max_depth(4).max_depth(), 4);
    /// ```
    #[must_use]
    pub const fn with_max_depth(self, max_depth: usize) -> Self {
        UpdatePolicy { max_depth, ..self }
    }

    /// The reserved-name policy.
    ///
    /// ```
    /// # use claims_core::{ReservedNames, UpdatePolicy};
    /// assert_eq!(UpdatePolicy::default().reserved(), ReservedNames::RFC7519);
    /// ```
    pub const fn reserved(&self) -> ReservedNames<'a> {
        self.reserved
    }

    /// The budgets enforced: `[bytes, utf16_units]`.
    ///
    /// ```
    /// # use claims_core::UpdatePolicy;
    /// assert_eq!(UpdatePolicy::default().budgets(), [None, None]);
    /// ```
    pub const fn budgets(&self) -> [Option<Budget>; 2] {
        [self.bytes, self.utf16_units]
    }

    /// The nesting limit.
    ///
    /// ```
    /// # use claims_core::{UpdatePolicy, DEFAULT_MAX_DEPTH};
    /// assert_eq!(UpdatePolicy::default().max_depth(), DEFAULT_MAX_DEPTH);
    /// ```
    pub const fn max_depth(&self) -> usize {
        self.max_depth
    }

    /// Checks a whole custom-claims object against this policy's size budgets.
    pub(crate) fn check_size(&self, size: JsonSize) -> Result<(), ClaimsError> {
        for budget in self.budgets().into_iter().flatten() {
            size.check(BudgetKind::CustomClaims, budget)?;
        }
        Ok(())
    }
}

/// Applies an RFC 7396 `patch` to custom `claims` if, and only if, the result passes `policy`; otherwise
/// returns why and leaves `claims` exactly as it was.
///
/// Refused: a patch that is not an object ([`ClaimsError::NotAnObject`]); one nested deeper than the
/// policy allows ([`ClaimsError::TooDeep`]); a result holding reserved names ([`ClaimsError::Reserved`],
/// listing every one); a result over a budget ([`ClaimsError::OverBudget`] with the size and the budget).
///
/// The patch is applied in place, one look-up per member, and undone if the result is refused; only
/// the members it touches are copied. The result is measured exactly, every member of it, since nothing
/// is known of `claims` beforehand. Claims kept in a [`CheckedClaims`](crate::CheckedClaims)
/// are checked and measured only where a patch touches them.
///
/// ```
/// use claims_core::{update_claims, Budget, BudgetKind, ClaimsError, UpdatePolicy};
/// use serde_json::json;
///
/// let mut claims = json!({"key_1": 1, "key_2": 2}).as_object().unwrap().clone();
/// let policy = UpdatePolicy::default().with_budget(Budget::bytes(24));
///
/// update_claims(&mut claims, &json!({"key_1": null}), &policy)?;
/// assert_eq!(serde_json::Value::Object(claims.clone()), json!({"key_2": 2}));
///
/// let err = update_claims(&mut claims, &json!({"key_3": "a long value"}), &policy).unwrap_err();
/// assert_eq!(err, ClaimsError::OverBudget { kind: BudgetKind::CustomClaims, size: 34, budget: Budget::bytes(24) });
/// assert_eq!(serde_json::Value::Object(claims), json!({"key_2": 2}));
/// # Ok::<(), ClaimsError>(())
/// ```
pub fn update_claims(
    claims: &mut Map<String, Value>,
    patch: &Value,
    policy: &UpdatePolicy<'_>,
) -> Result<(), ClaimsError> {
    let patch = expect_object(patch, "patch")?;
    if depth_exceeds(patch, policy.max_depth) {
        return Err(ClaimsError::TooDeep {
            what: "patch",
            limit: policy.max_depth,
        });
    }

    let applied = apply_in_place(claims, patch, |_, _, _| {});
    let result = check_result(claims, &applied, policy);
    if result.is_ok() {
        applied.keep(claims);
    } else {
        applied.undo(claims);
    }
    result
}

/// Applies an RFC 7396 `patch` to typed `claims` and returns the updated claims, or why not; `claims` is
/// never touched.
///
/// The claims are merged as JSON with [`update_claims`] (reserved names, nesting), read back as `T`,
/// measured against the policy's budgets as `T` writes itself, and bound-checked with
/// [`SessionClaims::check_bounds`]. Measuring the typed result rather than the merged JSON matters: a
/// `serde_json::Value` can be longer than the type's own JSON (an `f32` is held as an `f64`, so `0.1`
/// would count as `0.10000000149011612`), and the budget is about what gets minted. Claims holding a
/// non-finite float are refused ([`ClaimsError::NonFinite`]) before they are converted, since the
/// conversion would turn it into `null`.
///
/// ```
/// use claims_core::{update_typed_claims, Budget, ClaimsError, UpdatePolicy};
/// use serde_json::{json, Map, Value};
///
/// let claims: Map<String, Value> = serde_json::from_value(json!({"plan": "free"}))?;
/// let policy = UpdatePolicy::default().with_budget(Budget::bytes(24));
/// let updated = update_typed_claims(&claims, &json!({"plan": "pro", "seats": 5}), &policy)?;
/// assert_eq!(Value::Object(updated), json!({"plan": "pro", "seats": 5}));
/// let err = update_typed_claims(&claims, &json!({"plan": "enterprise-grade"}), &policy).unwrap_err();
/// assert!(matches!(err, ClaimsError::OverBudget { size: 27, .. }));
/// assert_eq!(claims["plan"], "free");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn update_typed_claims<T: SessionClaims>(
    claims: &T,
    patch: &Value,
    policy: &UpdatePolicy<'_>,
) -> Result<T, ClaimsError> {
    update_claims_object(claims_object(claims)?, patch, policy)
}

/// `claims` serialized as a JSON object, once [`check_writable`] has passed them (a non-finite float
/// would become `null`, a deep value would overflow the stack).
pub(crate) fn claims_object<T: Serialize>(claims: &T) -> Result<Map<String, Value>, ClaimsError> {
    check_writable(claims, "claims")?;
    match serde_json::to_value(claims)? {
        Value::Object(map) => Ok(map),
        other => {
            let found = json_type(&other);
            drop_deep(other);
            Err(ClaimsError::NotAnObject {
                what: "claims",
                found,
            })
        }
    }
}

/// The rest of [`update_typed_claims`], once the claims are a JSON object.
pub(crate) fn update_claims_object<T: SessionClaims>(
    mut map: Map<String, Value>,
    patch: &Value,
    policy: &UpdatePolicy<'_>,
) -> Result<T, ClaimsError> {
    update_claims(&mut map, patch, &policy.without_budget())?;
    let updated: T = serde_json::from_value(Value::Object(map))?;
    policy.check_size(json_size(&updated)?)?;
    updated.check_bounds()?;
    Ok(updated)
}

/// An update applied in place, holding what it replaced until the result is checked:
/// [`Applied::keep`] makes it final, [`Applied::undo`] puts the claims back exactly as they were.
pub(crate) struct Applied<'p> {
    /// Each patch member that changes the claims, with what undoes it, in the patch's order.
    changes: Vec<(&'p String, Undo)>,
    /// Whether a member set to `null` is still to be removed.
    removes: bool,
}

/// How one applied member is undone.
enum Undo {
    /// The member was replaced: put this old value back.
    Restore(Value),
    /// The member was added: remove it.
    Remove,
    /// The patch sets the member to `null`: it stays until [`Applied::keep`] removes it, so that undoing
    /// never re-inserts a key (which would move it in an order-preserving map).
    PendingRemoval,
}

/// Applies the RFC 7396 `patch` to `claims` in place, one look-up per member, calling `seen` with each
/// touched member's name, old value (`None`: absent) and new value (`None`: to be removed).
pub(crate) fn apply_in_place<'p>(
    claims: &mut Map<String, Value>,
    patch: &'p Map<String, Value>,
    mut seen: impl FnMut(&str, Option<&Value>, Option<&Value>),
) -> Applied<'p> {
    let mut changes = Vec::with_capacity(patch.len());
    let mut removes = false;
    for (name, value) in patch {
        if value.is_null() {
            if let Some(old) = claims.get(name) {
                seen(name, Some(old), None);
                changes.push((name, Undo::PendingRemoval));
                removes = true;
            }
        } else if let Some(slot) = claims.get_mut(name) {
            let new = merged(Some(slot), value);
            seen(name, Some(slot), Some(&new));
            changes.push((name, Undo::Restore(std::mem::replace(slot, new))));
        } else {
            let new = merged(None, value);
            seen(name, None, Some(&new));
            claims.insert(name.clone(), new);
            changes.push((name, Undo::Remove));
        }
    }
    Applied { changes, removes }
}

/// A member's new value: an object patch merged into a copy of the old value, anything else copied.
fn merged(old: Option<&Value>, patch: &Value) -> Value {
    match patch {
        Value::Object(_) => {
            let mut new = old.map_or(Value::Null, clone_deep);
            merge_patch(&mut new, patch);
            new
        }
        other => clone_deep(other),
    }
}

impl Applied<'_> {
    /// Whether the update removes member `name`, which `claims` still holds until [`Applied::keep`].
    pub(crate) fn removes(&self, name: &str) -> bool {
        self.removes
            && self
                .changes
                .iter()
                .any(|(n, undo)| matches!(undo, Undo::PendingRemoval) && n.as_str() == name)
    }

    /// Makes the update final: drops the values it replaced and removes the members set to `null`.
    pub(crate) fn keep(self, claims: &mut Map<String, Value>) {
        for (name, undo) in self.changes {
            match undo {
                Undo::Restore(old) => drop_deep(old),
                Undo::PendingRemoval => {
                    if let Some(old) = claims.remove(name) {
                        drop_deep(old);
                    }
                }
                Undo::Remove => {}
            }
        }
    }

    /// Puts `claims` back as they were, last change first, so that every added key is the last one
    /// when it is removed.
    pub(crate) fn undo(self, claims: &mut Map<String, Value>) {
        for (name, undo) in self.changes.into_iter().rev() {
            let dropped = match undo {
                Undo::Restore(old) => match claims.get_mut(name) {
                    Some(slot) => Some(std::mem::replace(slot, old)),
                    None => Some(old),
                },
                Undo::Remove => claims.remove(name),
                Undo::PendingRemoval => None,
            };
            if let Some(value) = dropped {
                drop_deep(value);
            }
        }
    }
}

/// Checks the claims an applied update produced: every name of the result, and its whole size.
fn check_result(
    claims: &Map<String, Value>,
    applied: &Applied<'_>,
    policy: &UpdatePolicy<'_>,
) -> Result<(), ClaimsError> {
    let result = claims.iter().filter(|(name, _)| !applied.removes(name));
    // One pass over the result's members, both checking names and measuring: most updates reserve
    // nothing, so the names are listed, sorted, only for the error.
    let measure = policy.bytes.is_some() || policy.utf16_units.is_some();
    let mut reserved = false;
    let mut size = JsonSize::default();
    let mut members = 0usize;
    for (name, value) in result.clone() {
        reserved |= policy.reserved.check(name).is_some();
        if measure {
            size = size + member_size(name, value);
            members += 1;
        }
    }
    if reserved {
        let mut names: Vec<&str> = result.map(|(n, _)| n.as_str()).collect();
        names.sort_unstable();
        check_reserved(names.iter().copied(), &policy.reserved)?;
    }
    if measure {
        policy.check_size(object_size(size, members))?;
    }
    Ok(())
}

/// Size of a value as a whole object's JSON, for tests.
#[cfg(test)]
fn map_size(map: &Map<String, Value>) -> JsonSize {
    value_json_size(&Value::Object(map.clone()))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::value::tests::arb_json;
    use claims_profiles::Profile;
    use proptest::prelude::*;
    use serde_json::json;

    pub(crate) fn obj(v: Value) -> Map<String, Value> {
        match v {
            Value::Object(m) => m,
            other => panic!("not an object: {other}"),
        }
    }

    /// A value nested `depth` levels deep: {"a":{"a":...{"a":1}}}.
    fn deep_object(depth: usize) -> Value {
        let mut value = json!(1);
        for _ in 0..depth {
            let mut map = Map::new();
            map.insert("a".into(), value);
            value = Value::Object(map);
        }
        value
    }

    #[test]
    fn rfc_appendix_a_spot_checks() {
        let cases = [
            (json!({"a": "b"}), json!({"a": "c"}), json!({"a": "c"})),
            (json!({"a": ["b"]}), json!({"a": "c"}), json!({"a": "c"})),
            (
                json!({"a": [{"b": "c"}]}),
                json!({"a": [1]}),
                json!({"a": [1]}),
            ),
            (json!(["a", "b"]), json!(["c", "d"]), json!(["c", "d"])),
            (json!({"a": "b"}), json!(["c"]), json!(["c"])),
            (json!({"a": "foo"}), json!(null), json!(null)),
            (
                json!({"e": null}),
                json!({"a": 1}),
                json!({"e": null, "a": 1}),
            ),
            (
                json!({}),
                json!({"a": {"bb": {"ccc": null}}}),
                json!({"a": {"bb": {}}}),
            ),
        ];
        for (mut target, patch, expected) in cases {
            merge_patch(&mut target, &patch);
            assert_eq!(target, expected, "patch {patch}");
        }
    }

    #[test]
    fn deep_patch_merges_without_overflow_and_is_refused_by_policy() {
        let depth = 100_000;
        let patch = deep_object(depth);
        let mut target = json!({"keep": true});
        merge_patch(&mut target, &patch);
        // {"a":<depth-1 levels>,"keep":true}
        assert_eq!(value_json_size(&patch).bytes, 6 * depth + 1);
        assert_eq!(value_json_size(&target).bytes, 6 * depth + 13);
        let copy = clone_deep(&target);
        drop_deep(target);

        let mut claims = obj(json!({"plan": "free"}));
        let err = update_claims(&mut claims, &patch, &UpdatePolicy::default()).unwrap_err();
        assert_eq!(
            err,
            ClaimsError::TooDeep {
                what: "patch",
                limit: 127
            }
        );
        assert_eq!(Value::Object(claims.clone()), json!({"plan": "free"}));

        // With the depth limit lifted, the budget refuses it instead, measured exactly and without recursion.
        let lifted = UpdatePolicy::default()
            .with_max_depth(usize::MAX)
            .with_budget(Budget::bytes(4096));
        let err = update_claims(&mut claims, &patch, &lifted).unwrap_err();
        let expected = 6 * depth + 15; // {"a":<depth-1 levels>,"plan":"free"}
        assert_eq!(
            err,
            ClaimsError::OverBudget {
                kind: BudgetKind::CustomClaims,
                size: expected,
                budget: Budget::bytes(4096)
            }
        );
        assert_eq!(Value::Object(claims), json!({"plan": "free"}));
        drop_deep(patch);
        drop_deep(copy);
    }

    #[test]
    fn default_depth_is_what_serde_json_reads_back() {
        let mut claims = Map::new();
        let policy = UpdatePolicy::default();
        let ok = deep_object(DEFAULT_MAX_DEPTH); // 127 nested objects, the patch itself being level 1
        update_claims(&mut claims, &ok, &policy).unwrap();
        let text = serde_json::to_string(&claims).unwrap();
        assert!(serde_json::from_str::<Value>(&text).is_ok());
        let too_deep = deep_object(DEFAULT_MAX_DEPTH + 1);
        assert_eq!(
            update_claims(&mut claims, &too_deep, &policy),
            Err(ClaimsError::TooDeep {
                what: "patch",
                limit: DEFAULT_MAX_DEPTH
            })
        );
        let mut merged = Value::Object(claims);
        merge_patch(&mut merged, &too_deep);
        let text = serde_json::to_string(&merged).unwrap();
        assert!(
            serde_json::from_str::<Value>(&text).is_err(),
            "serde_json's limit moved: revisit DEFAULT_MAX_DEPTH"
        );
    }

    #[test]
    fn reserved_names_are_all_listed_and_nothing_changes() {
        let mut claims = obj(json!({"plan": "free"}));
        let policy = UpdatePolicy::new(ReservedNames::from_profiles(&[&Profile::STYTCH]));
        let patch = json!({"sub": "u", "plan": "pro", "https://stytch.com/session": {}, "iat": 1});
        let err = update_claims(&mut claims, &patch, &policy).unwrap_err();
        let ClaimsError::Reserved { claims: hits } = err else {
            panic!("expected Reserved, got {err:?}")
        };
        let names: Vec<&str> = hits.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["https://stytch.com/session", "iat", "sub"]);
        assert_eq!(Value::Object(claims), json!({"plan": "free"}));
    }

    #[test]
    fn a_refused_update_undoes_every_kind_of_change_and_an_accepted_one_keeps_them() {
        let claims = obj(json!({"a": 1, "b": {"x": 1}, "c": "gone", "e": [1, 2]}));
        // Replaced, merged, removed, added, and a `null` for a member that is not there.
        let patch = json!({"a": 2, "b": {"y": 2}, "c": null, "d": "new", "z": null});
        let merged = json!({"a": 2, "b": {"x": 1, "y": 2}, "d": "new", "e": [1, 2]});
        let fits = map_size(&obj(merged.clone())).bytes;
        for (budget, expected) in [(fits - 1, Err(fits)), (fits, Ok(merged))] {
            let policy = UpdatePolicy::default().with_budget(Budget::bytes(budget));
            let mut updated = claims.clone();
            match (update_claims(&mut updated, &patch, &policy), expected) {
                (Err(err), Err(size)) => {
                    assert_eq!(
                        err,
                        ClaimsError::OverBudget {
                            kind: BudgetKind::CustomClaims,
                            size,
                            budget: Budget::bytes(budget)
                        }
                    );
                    assert_eq!(updated, claims);
                }
                (Ok(()), Ok(merged)) => assert_eq!(Value::Object(updated), merged),
                (result, expected) => panic!("{result:?} where {expected:?} was due"),
            }
        }
    }

    #[test]
    fn deleting_a_reserved_name_is_allowed() {
        let mut claims = obj(json!({"plan": "free"}));
        update_claims(&mut claims, &json!({"sub": null}), &UpdatePolicy::default()).unwrap();
        assert_eq!(Value::Object(claims), json!({"plan": "free"}));
    }

    #[test]
    fn non_object_patch_is_refused() {
        let mut claims = obj(json!({"plan": "free"}));
        for (patch, found) in [
            (json!(null), "null"),
            (json!([1]), "array"),
            (json!("x"), "string"),
        ] {
            assert_eq!(
                update_claims(&mut claims, &patch, &UpdatePolicy::default()),
                Err(ClaimsError::NotAnObject {
                    what: "patch",
                    found
                })
            );
        }
        assert_eq!(Value::Object(claims), json!({"plan": "free"}));
    }

    #[test]
    fn utf16_budget_counts_units() {
        let policy = UpdatePolicy::new(ReservedNames::from_profiles(&[&Profile::FIREBASE]));
        let mut claims = Map::new();
        // {"n":"😀😀..."} : 8 bytes of punctuation and name, 2 units per emoji
        let s = "😀".repeat(496);
        update_claims(&mut claims, &json!({ "n": s }), &policy).unwrap();
        assert_eq!(
            map_size(&claims),
            JsonSize {
                bytes: 8 + 4 * 496,
                utf16_units: 1000
            }
        );
        let err = update_claims(&mut claims, &json!({"m": 1}), &policy).unwrap_err();
        assert_eq!(
            err,
            ClaimsError::OverBudget {
                kind: BudgetKind::CustomClaims,
                size: 1006,
                budget: Budget::utf16_units(1000)
            }
        );
    }

    /// Small objects over four names, so that patches and claims share names often.
    pub(crate) fn arb_object() -> impl Strategy<Value = Map<String, Value>> {
        prop::collection::btree_map("[a-d]", arb_json(), 0..5).prop_map(|m| m.into_iter().collect())
    }

    proptest! {
        #[test]
        fn merge_twice_is_merge_once(mut target in arb_json(), patch in arb_json()) {
            merge_patch(&mut target, &patch);
            let once = target.clone();
            merge_patch(&mut target, &patch);
            prop_assert_eq!(target, once);
        }

        #[test]
        fn update_is_merge_or_nothing(claims in arb_object(), patch in arb_object(), limit in 0usize..120) {
            let policy = UpdatePolicy::new(ReservedNames::NONE.with_names(&["d"])).with_budget(Budget::bytes(limit));
            let mut updated = claims.clone();
            let mut merged = Value::Object(claims.clone());
            merge_patch(&mut merged, &Value::Object(patch.clone()));
            let merged = obj(merged);
            match update_claims(&mut updated, &Value::Object(patch), &policy) {
                Ok(()) => {
                    prop_assert_eq!(&updated, &merged);
                    prop_assert!(!merged.contains_key("d"));
                    prop_assert!(map_size(&merged).bytes <= limit);
                }
                Err(err) => {
                    prop_assert_eq!(&updated, &claims);
                    match err {
                        ClaimsError::Reserved { claims: hits } => {
                            prop_assert_eq!(hits.len(), 1);
                            prop_assert!(merged.contains_key("d"));
                        }
                        ClaimsError::OverBudget { size, .. } => {
                            prop_assert_eq!(size, map_size(&merged).bytes);
                            prop_assert!(size > limit);
                        }
                        other => prop_assert!(false, "unexpected {other:?}"),
                    }
                }
            }
        }
    }
}
