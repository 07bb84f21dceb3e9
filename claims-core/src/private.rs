//! What the code written by `#[derive(SessionClaims)]` uses. Not a public API: no stability promise.
//!
//! Generated code reaches everything through `::claims_core::__private` (or the `crate = "..."` path),
//! so it never depends on what the user's crate has in scope.

use std::marker::PhantomData;

use serde::Serialize;
use serde_json::{Map, Value};

pub use crate::bound::{JsonBound, JsonShape, Limits, check_json_len, within};
pub use crate::size::escaped_len;
pub use crate::{Budget, ClaimsError, Profile, ReservedNames, SessionClaims, UpdatePolicy};
pub use serde;
pub use serde_json;
pub use std::option::Option;
pub use std::result::Result;
pub use std::string::String;

/// Finds a field type's [`JsonBound`] impl where there is one: the inherent items below win over
/// [`ProbeFallback`]'s when `T: JsonBound` holds, and the fallback (unbounded, nothing to check) is
/// used otherwise, so a field of a type without a bound is allowed unless `max_size` needs one.
pub struct Probe<T: ?Sized>(PhantomData<T>);

impl<T: ?Sized + JsonBound> Probe<T> {
    /// The type's shape.
    pub const SHAPE: &'static JsonShape = &T::SHAPE;

    /// Checks `value` against the field's limits.
    pub fn check(value: &T, limits: Limits) -> Result<(), ClaimsError> {
        value.check_bound(limits)
    }
}

/// The answer of [`Probe`] for a type without a [`JsonBound`] impl.
pub trait ProbeFallback {
    /// Unbounded.
    const SHAPE: &'static JsonShape = &JsonShape::Unbounded;

    /// Nothing to check.
    fn check<V: ?Sized>(_value: &V, _limits: Limits) -> Result<(), ClaimsError> {
        Ok(())
    }
}

impl<T: ?Sized> ProbeFallback for Probe<T> {}

/// One field, as the size bound and the compile-time messages see it.
#[derive(Clone, Copy)]
pub struct FieldBound {
    /// The Rust field name, for messages.
    pub field: &'static str,
    /// The JSON name it is written under.
    pub claim: &'static str,
    /// Whether it is written at all (not `skip_serializing`).
    pub written: bool,
    /// The field type's shape.
    pub shape: &'static JsonShape,
    /// The declared limits.
    pub limits: Limits,
    /// The longest JSON of the value, from shape and limits.
    pub max: Option<usize>,
}

impl FieldBound {
    /// Computes the field's bound.
    pub const fn new(
        field: &'static str,
        claim: &'static str,
        written: bool,
        shape: &'static JsonShape,
        limits: Limits,
    ) -> Self {
        FieldBound {
            field,
            claim,
            written,
            shape,
            limits,
            max: shape.max_json_len(limits),
        }
    }

    /// `"claim":value` at its longest.
    const fn member_max(&self) -> Option<usize> {
        match self.max {
            // two quotes and a colon
            Some(max) => match max.checked_add(escaped_len(self.claim) + 3) {
                Some(n) => Some(n),
                None => None,
            },
            None => None,
        }
    }
}

/// The longest compact JSON of an object with these fields (every written field present).
pub const fn object_max(fields: &[FieldBound]) -> Option<usize> {
    let mut total: usize = 2;
    let mut members = 0;
    let mut i = 0;
    while i < fields.len() {
        if fields[i].written {
            match fields[i].member_max() {
                Some(n) => match total.checked_add(n) {
                    Some(t) => total = t,
                    None => return None,
                },
                None => return None,
            }
            members += 1;
        }
        i += 1;
    }
    // the commas between members
    total.checked_add(if members > 0 { members - 1 } else { 0 })
}

/// What is wrong with a `max_len` or `max_items` that means nothing for the field's type, if anything;
/// the generated constant panics with it, which makes it a compile error.
pub const fn limits_problem(ty: &str, field: &FieldBound) -> Option<Msg> {
    if field.limits.max_len.is_some() && !field.shape.takes_max_len() {
        return Some(
            Msg::new()
                .str("`max_len` does not apply to field `")
                .str(field.field)
                .str("` of `")
                .str(ty)
                .str("`: it bounds strings, and the strings inside options, sequences and maps; remove it, or bound the whole value with #[claims(max_json_len = N)]"),
        );
    }
    if field.limits.max_items.is_some() && !field.shape.takes_max_items() {
        let why = if let JsonShape::Array(..) = field.shape {
            "`: an array's length is fixed by its type; remove it"
        } else {
            "`: it bounds sequences, sets and maps (`Vec`, `BTreeSet`, `HashMap`...); remove it, or bound the whole value with #[claims(max_json_len = N)]"
        };
        return Some(
            Msg::new()
                .str("`max_items` does not apply to field `")
                .str(field.field)
                .str("` of `")
                .str(ty)
                .str(why),
        );
    }
    None
}

/// Whether every limit `shape` needs is declared in `limits`, so that a `None` from
/// [`JsonShape::max_json_len`] means the bound overflows a `usize`, not that a limit is missing.
const fn declared(shape: &JsonShape, limits: Limits) -> bool {
    match *shape {
        JsonShape::Fixed(_) => true,
        JsonShape::Unbounded => false,
        JsonShape::Str => limits.max_len.is_some(),
        JsonShape::Option(inner) => declared(inner, limits),
        JsonShape::Array(item, _) => declared(item, limits.for_items()),
        JsonShape::Seq(item) => limits.max_items.is_some() && declared(item, limits.for_items()),
        JsonShape::Map(key, value) => {
            limits.max_items.is_some()
                && declared(key, limits.for_items())
                && declared(value, limits.for_items())
        }
    }
}

/// What keeps a field from counting under `max_size`: no bound, or one too large for a `usize`, if so.
pub const fn unbounded_problem(ty: &str, field: &FieldBound, max_size: usize) -> Option<Msg> {
    if !field.written || field.member_max().is_some() {
        return None;
    }
    if declared(field.shape, field.limits) {
        return Some(
            Msg::new()
                .str("the size bound of field `")
                .str(field.field)
                .str("` of `")
                .str(ty)
                .str("` does not fit a `usize`, so it can't count under `max_size = ")
                .num(max_size)
                .str("`; lower its `max_len`, `max_items` or `max_json_len`"),
        );
    }
    let fix = if field.shape.takes_max_items() && field.limits.max_items.is_none() {
        "add #[claims(max_items = N)]"
    } else if field.shape.takes_max_len() && field.limits.max_len.is_none() {
        "add #[claims(max_len = N)]"
    } else {
        "bound the whole value with #[claims(max_json_len = N)], or implement `claims_core::bound::JsonBound` for its type"
    };
    Some(
        Msg::new()
            .str("field `")
            .str(field.field)
            .str("` of `")
            .str(ty)
            .str("` has no size bound, but `max_size = ")
            .num(max_size)
            .str("` needs one on every field; ")
            .str(fix),
    )
}

/// What keeps a type whose fields are all bounded from fitting `max_size`: a bound over it, if so.
pub const fn budget_problem(ty: &str, fields: &[FieldBound], max_size: usize) -> Option<Msg> {
    // `None` when the fields' bounds are known but their sum overflows a `usize`.
    let total = match object_max(fields) {
        Some(total) if total <= max_size => return None,
        Some(total) => Some(total),
        None => {
            let mut i = 0;
            while i < fields.len() {
                if fields[i].written && fields[i].member_max().is_none() {
                    // an unbounded field, reported by `unbounded_problem`
                    return None;
                }
                i += 1;
            }
            None
        }
    };
    let mut largest: Option<&FieldBound> = None;
    let mut largest_max = 0;
    let mut i = 0;
    while i < fields.len() {
        if fields[i].written
            && let Some(max) = fields[i].member_max()
            && (largest.is_none() || max > largest_max)
        {
            largest = Some(&fields[i]);
            largest_max = max;
        }
        i += 1;
    }
    let name = match largest {
        Some(field) => field.field,
        None => "",
    };
    let msg = Msg::new().str("`").str(ty);
    let msg = match total {
        Some(total) => msg
            .str("` can take up to ")
            .num(total)
            .str(" bytes of compact JSON, ")
            .num(total - max_size)
            .str(" over `max_size = "),
        None => {
            msg.str("` can take more bytes of compact JSON than a `usize` holds, over `max_size = ")
        }
    };
    Some(
        msg.num(max_size)
            .str("`; lower the bounds of its fields (the largest is `")
            .str(name)
            .str("`, up to ")
            .num(largest_max)
            .str(" bytes with its name) or raise `max_size`"),
    )
}

/// A message built in `const` context (a fixed buffer; the end is cut off if it overflows).
pub struct Msg {
    buf: [u8; 768],
    len: usize,
}

impl Msg {
    pub(crate) const fn new() -> Self {
        Msg {
            buf: [0; 768],
            len: 0,
        }
    }

    pub(crate) const fn str(mut self, s: &str) -> Self {
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // whole characters only, so the buffer always holds valid UTF-8
            let width = match bytes[i] {
                0x00..=0x7F => 1,
                0xF0..=0xFF => 4,
                0xE0..=0xEF => 3,
                _ => 2,
            };
            if self.len + width > self.buf.len() || i + width > bytes.len() {
                break;
            }
            let mut k = 0;
            while k < width {
                self.buf[self.len] = bytes[i + k];
                self.len += 1;
                k += 1;
            }
            i += width;
        }
        self
    }

    pub(crate) const fn num(mut self, mut n: usize) -> Self {
        let mut digits = [0u8; 20];
        let mut count = 0;
        loop {
            digits[count] = b'0' + (n % 10) as u8;
            count += 1;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        while count > 0 && self.len < self.buf.len() {
            count -= 1;
            self.buf[self.len] = digits[count];
            self.len += 1;
        }
        self
    }

    /// The message.
    pub const fn text(&self) -> &str {
        match core::str::from_utf8(self.buf.split_at(self.len).0) {
            Ok(text) => text,
            // unreachable: only whole characters are copied in
            Err(_) => "a size bound check of #[derive(SessionClaims)] failed",
        }
    }
}

/// Checks one field and names it in the error.
pub fn check_field(result: Result<(), ClaimsError>, claim: &str) -> Result<(), ClaimsError> {
    result.map_err(|err| within(err, claim))
}

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
        FieldPatch::Set(value) => replacing(old, serde_json::to_value(value)?),
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
        Err(err) => Err(serde::ser::Error::custom(err)),
    }
}

/// Applies a typed patch: its RFC 7396 form, built against the claims as JSON, goes through
/// [`crate::update_typed_claims`]. `claims` is never touched; the result is a new value or the first error.
pub fn apply_patch<T: SessionClaims, P: PatchObject>(
    claims: &T,
    patch: &P,
    policy: &UpdatePolicy<'_>,
) -> Result<T, ClaimsError> {
    let map = crate::merge::claims_object(claims)?;
    let patch = Value::Object(patch.merge_patch_for(Some(&map))?);
    let result = crate::merge::update_claims_object(map, &patch, policy);
    crate::drop_deep(patch);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn field(field: &'static str, claim: &'static str, max: usize) -> FieldBound {
        FieldBound::new(
            field,
            claim,
            true,
            &JsonShape::Str,
            Limits::new(Some(max), None),
        )
    }

    #[test]
    fn object_max_counts_names_quotes_colons_and_commas() {
        // {"a":"xx","bc":"y"}
        assert_eq!(
            object_max(&[field("a", "a", 2), field("b", "bc", 1)]),
            Some(19)
        );
        assert_eq!(object_max(&[]), Some(2));
        let unwritten = FieldBound::new("c", "c", false, &JsonShape::Unbounded, Limits::NONE);
        assert_eq!(object_max(&[field("a", "a", 2), unwritten]), Some(10));
    }

    #[test]
    fn bounds_whose_sum_overflows_are_over_any_budget() {
        let huge = |name| {
            FieldBound::new(
                name,
                name,
                true,
                &JsonShape::Fixed(usize::MAX - 10),
                Limits::NONE,
            )
        };
        let fields = [huge("a"), huge("b")];
        assert_eq!(object_max(&fields), None);
        assert!(unbounded_problem("T", &fields[0], 100).is_none());
        assert_eq!(
            budget_problem("T", &fields, 100).map(|msg| msg.text().to_owned()),
            Some(format!(
                "`T` can take more bytes of compact JSON than a `usize` holds, over `max_size = 100`; lower the \
                 bounds of its fields (the largest is `a`, up to {} bytes with its name) or raise `max_size`",
                usize::MAX - 6
            ))
        );
    }

    #[test]
    fn a_field_bound_that_overflows_is_named_as_such() {
        let roles = FieldBound::new(
            "roles",
            "roles",
            true,
            &JsonShape::Seq(&JsonShape::Str),
            Limits::new(Some(32), Some(usize::MAX)),
        );
        assert_eq!(
            unbounded_problem("T", &roles, 100).map(|msg| msg.text().to_owned()),
            Some(
                "the size bound of field `roles` of `T` does not fit a `usize`, so it can't count under \
                 `max_size = 100`; lower its `max_len`, `max_items` or `max_json_len`"
                    .to_owned()
            )
        );
        let missing = FieldBound::new(
            "roles",
            "roles",
            true,
            &JsonShape::Seq(&JsonShape::Str),
            Limits::new(Some(32), None),
        );
        assert!(
            unbounded_problem("T", &missing, 100)
                .unwrap()
                .text()
                .ends_with("add #[claims(max_items = N)]")
        );
        // no budget message while a field is unbounded: `unbounded_problem` reports it
        assert!(budget_problem("T", &[roles, missing], 100).is_none());
    }

    #[test]
    fn messages_hold_numbers_and_cut_at_characters() {
        let msg = Msg::new().str("n = ").num(0).str(", m = ").num(usize::MAX);
        assert_eq!(msg.text(), format!("n = 0, m = {}", usize::MAX));
        let long = Msg::new().str(&"é".repeat(500));
        assert_eq!(long.text(), "é".repeat(384));
    }

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
