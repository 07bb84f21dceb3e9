//! The bound probe: each field's size bound, found through [`JsonBound`] where the field's type has
//! one, and their sum, the struct's `MAX_JSON_LEN`.

use std::marker::PhantomData;

use crate::bound::{JsonBound, JsonShape, Limits, within};
use crate::error::ClaimsError;
use crate::size::escaped_len;

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
    pub(super) const fn member_max(&self) -> Option<usize> {
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

/// Checks one field and names it in the error.
pub fn check_field(result: Result<(), ClaimsError>, claim: &str) -> Result<(), ClaimsError> {
    result.map_err(|err| within(err, claim))
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
}
