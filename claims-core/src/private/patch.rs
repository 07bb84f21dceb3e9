//! The patch runtime: what the typed patch of `#[claims(patch)]` is made of, and how it is applied.

use claims_profiles::{Budget, ReservedNames};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::claims::SessionClaims;
use crate::error::ClaimsError;
use crate::merge::{UpdatePolicy, claims_object, update_claims_object};
use crate::value::drop_deep;
use crate::writable::{check_member, raise};

/// One field of a typed patch: keep it, set it, remove it (where it may be absent) or patch it (a nested
/// object). Generated patch types only expose the operations that make sense for each field.
pub enum FieldPatch<T, P = NoPatch> {
    /// Leave the claim as it is.
    Keep,
    /// Replace the claim's value.
    Set(T),
    /// Remove the claim.
    Remove,
    /// Merge a patch into the claim's object.
    Patch(P),
}

// Written out: `#[derive(Default)]` would require `T: Default` and `P: Default`.
#[allow(clippy::derivable_impls)]
impl<T, P> Default for FieldPatch<T, P> {
    fn default() -> Self {
        FieldPatch::Keep
    }
}

impl<T, P> FieldPatch<T, P> {
    /// Whether the field is left as it is.
    pub fn is_keep(&self) -> bool {
        matches!(self, FieldPatch::Keep)
    }
}

/// A generated patch type: writes its RFC 7396 patch, exactly against the `current` object when given.
pub trait PatchObject {
    /// The patch members; with `current`, a `Set` of an object also removes the members the new value
    /// lacks (RFC 7396 would otherwise merge the new object into the old one).
    fn merge_patch_for(
        &self,
        current: Option<&Map<String, Value>>,
    ) -> Result<Map<String, Value>, ClaimsError>;
}

/// The patch type of claims derived with `#[claims(patch)]`, for nested fields.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no typed patch, so a `nested` field can't hold it",
    label = "`#[claims(nested)]` needs a struct that derives `SessionClaims` with `#[claims(patch)]`",
    note = "add `#[claims(patch)]` to `{Self}`, or remove `nested` to set the field only as a whole"
)]
pub trait HasPatch {
    /// The generated patch type.
    type Patch: PatchObject;
}

/// The nested patch of a field that has none.
pub enum NoPatch {}

impl PatchObject for NoPatch {
    fn merge_patch_for(
        &self,
        _current: Option<&Map<String, Value>>,
    ) -> Result<Map<String, Value>, ClaimsError> {
        match *self {}
    }
}

/// Adds one field's operation to `patch`, under its JSON name `claim`.
pub fn add_field<T: Serialize, P: PatchObject>(
    patch: &mut Map<String, Value>,
    claim: &str,
    op: &FieldPatch<T, P>,
    current: Option<&Map<String, Value>>,
) -> Result<(), ClaimsError> {
    let old = current.and_then(|c| c.get(claim));
    let value = match op {
        FieldPatch::Keep => return Ok(()),
        FieldPatch::Remove => Value::Null,
        FieldPatch::Set(value) => {
            // `to_value` would turn a NaN into `null`, and the patch would delete the claim.
            check_member(value, claim)?;
            replacing(old, serde_json::to_value(value)?)
        }
        FieldPatch::Patch(inner) => {
            Value::Object(inner.merge_patch_for(old.and_then(Value::as_object))?)
        }
    };
    patch.insert(claim.to_owned(), value);
    Ok(())
}

/// The merge patch that turns `old` into exactly `new`: where both are objects, members of `old` that
/// `new` lacks are set to `null`, recursively.
fn replacing(old: Option<&Value>, new: Value) -> Value {
    match (old, new) {
        (Some(Value::Object(old)), Value::Object(mut new)) => {
            for (name, old_value) in old {
                match new.remove(name) {
                    None => {
                        new.insert(name.clone(), Value::Null);
                    }
                    Some(new_value) => {
                        new.insert(name.clone(), replacing(Some(old_value), new_value));
                    }
                }
            }
            Value::Object(new)
        }
        (_, new) => new,
    }
}

/// The update policy of a derived type: its reserved names, its profiles' budgets, and `max_size` as a
/// byte budget where it is tighter than theirs.
pub const fn type_policy(
    reserved: ReservedNames<'static>,
    max_size: Option<usize>,
) -> UpdatePolicy<'static> {
    let policy = UpdatePolicy::new(reserved);
    match (max_size, policy.budgets()[0]) {
        (Some(max), Some(budget)) if budget.limit <= max => policy,
        (Some(max), _) => policy.with_budget(Budget::bytes(max)),
        (None, _) => policy,
    }
}

/// Serializes a patch type as its standalone RFC 7396 patch.
pub fn serialize_patch<P: PatchObject, S: serde::Serializer>(
    patch: &P,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match patch.merge_patch_for(None) {
        Ok(map) => map.serialize(serializer),
        Err(err) => Err(raise(err)),
    }
}

/// Applies a typed patch: its RFC 7396 form, built against the claims as JSON, goes through
/// [`crate::update_typed_claims`]. `claims` is never touched; the result is a new value or the first error.
pub fn apply_patch<T: SessionClaims, P: PatchObject>(
    claims: &T,
    patch: &P,
    policy: &UpdatePolicy<'_>,
) -> Result<T, ClaimsError> {
    let map = claims_object(claims)?;
    let patch = Value::Object(patch.merge_patch_for(Some(&map))?);
    let result = update_claims_object(map, &patch, policy);
    drop_deep(patch);
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use claims_profiles::Profile;

    #[test]
    fn the_tighter_byte_budget_counts() {
        let clerk = ReservedNames::from_profiles(&[&Profile::CLERK]);
        assert_eq!(
            type_policy(clerk, Some(2000)).budgets()[0],
            Some(Budget::bytes(1200))
        );
        assert_eq!(
            type_policy(clerk, Some(800)).budgets()[0],
            Some(Budget::bytes(800))
        );
        assert_eq!(
            type_policy(clerk, None).budgets()[0],
            Some(Budget::bytes(1200))
        );
        assert_eq!(
            type_policy(ReservedNames::RFC7519, Some(10)).budgets()[0],
            Some(Budget::bytes(10))
        );
        assert_eq!(
            type_policy(ReservedNames::RFC7519, None).budgets(),
            [None, None]
        );
    }

    #[test]
    fn replacing_nulls_missing_members() {
        let old = serde_json::json!({"a": 1, "b": {"c": 1, "d": 2}});
        let new = serde_json::json!({"b": {"c": 3}});
        assert_eq!(
            replacing(Some(&old), new),
            serde_json::json!({"a": null, "b": {"c": 3, "d": null}})
        );
    }
}
