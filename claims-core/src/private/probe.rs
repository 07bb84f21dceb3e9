//! The bound probe: each field's size bound, found through [`JsonBound`] where the field's type has
//! one, and their sum, the struct's `MAX_JSON_LEN`.

use std::marker::PhantomData;

use serde::Serialize;

use crate::bound::{JsonBound, JsonShape, Limits, check_json_len, within};
use crate::error::ClaimsError;
use crate::size::escaped_len;

/// Finds a field type's [`JsonBound`] impl where there is one: the inherent items below win over
/// [`ProbeFallback`]'s when `T: JsonBound` holds, and the fallback (unbounded, nothing to check) is
/// used otherwise, so a field of a type without a bound is allowed unless `max_size` needs one.
pub struct Probe<T: ?Sized>(PhantomData<T>);

impl<T: ?Sized + JsonBound> Probe<T> {
    /// The type's shape.
    pub const SHAPE: &'static JsonShape = &T::SHAPE;

    /// Checks `value` against the field's limits, naming the field's `claim` in the error.
    #[inline]
    pub fn check(value: &T, limits: Limits, claim: &str) -> Result<(), ClaimsError> {
        value.check_bound(limits).map_err(|err| within(err, claim))
    }
}

/// The answer of [`Probe`] for a type without a [`JsonBound`] impl.
pub trait ProbeFallback {
    /// Unbounded.
    const SHAPE: &'static JsonShape = &JsonShape::Unbounded;

    /// Nothing to check.
    #[inline]
    fn check<V: ?Sized>(_value: &V, _limits: Limits, _claim: &str) -> Result<(), ClaimsError> {
        Ok(())
    }
}

impl<T: ?Sized> ProbeFallback for Probe<T> {}

/// The shape that counts for a field with `#[serde(skip_serializing_if = "Option::is_none")]`: its `None`
/// is skipped, never written as `null`, so an `Option`'s bound is its inner value's (`u8`: 3 bytes, not the
/// 4 of `null`). Other shapes are unchanged.
pub const fn when_some(shape: &'static JsonShape) -> &'static JsonShape {
    match shape {
        JsonShape::Option(inner) => inner,
        other => other,
    }
}

/// A derived struct's shape, nested in another's: at most its `MAX_JSON_LEN` bytes, or unbounded.
pub const fn struct_shape(max_json_len: Option<usize>) -> JsonShape {
    match max_json_len {
        Some(max) => JsonShape::Fixed(max),
        None => JsonShape::Unbounded,
    }
}

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
    /// The bytes of `"claim":`, the name as JSON and its colon.
    pub name_len: usize,
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
        // two quotes and a colon
        Self::named(field, claim, escaped_len(claim) + 3, written, shape, limits)
    }

    /// [`FieldBound::new`] with `name_len`, the bytes of `"claim":`, known: the derive counts them when it
    /// expands, where the compiler's const evaluator took about 0.7M instructions per name to run
    /// `escaped_len` (2.9M per struct of four fields).
    pub const fn named(
        field: &'static str,
        claim: &'static str,
        name_len: usize,
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
            name_len,
            max: shape.max_json_len(limits),
        }
    }

    /// `"claim":value` at its longest.
    pub(super) const fn member_max(&self) -> Option<usize> {
        match self.max {
            Some(max) => add(max, self.name_len),
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
                Some(n) => match add(total, n) {
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
    add(total, if members > 0 { members - 1 } else { 0 })
}

/// `a + b`, or `None` if it overflows: `checked_add` written out, because the compiler's const evaluator
/// runs every call as a call, and these sums run for each field of each derived struct in every build.
pub(super) const fn add(a: usize, b: usize) -> Option<usize> {
    if a <= usize::MAX - b {
        Some(a + b)
    } else {
        None
    }
}

/// Checks a field with `#[claims(max_json_len = N)]`: its measured JSON against `limit`, naming `claim`.
#[inline]
pub fn check_json_field<T: Serialize + ?Sized>(
    value: &T,
    limit: usize,
    claim: &str,
) -> Result<(), ClaimsError> {
    check_json_len(value, limit).map_err(|err| within(err, claim))
}

/// The first error of a struct's field checks, in field order: one call per struct, where a `?` per field
/// made the compiler type-check and build a branch for each.
#[inline]
pub fn first_error<const N: usize>(
    checks: [Result<(), ClaimsError>; N],
) -> Result<(), ClaimsError> {
    checks.into_iter().find_map(Result::err).map_or(Ok(()), Err)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::{Map, Value, json};

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
    fn a_skipped_none_counts_only_the_value() {
        // struct P { a: u8, #[serde(skip_serializing_if = "Option::is_none")] b: Option<u8> }
        const OPT_U8: &JsonShape = &<Option<u8> as JsonBound>::SHAPE;
        const OPT_OPT_U8: &JsonShape = &<Option<Option<u8>> as JsonBound>::SHAPE;
        let a = FieldBound::new("a", "a", true, &JsonShape::Fixed(3), Limits::NONE);
        let b = FieldBound::new("b", "b", true, when_some(OPT_U8), Limits::NONE);
        assert_eq!(object_max(&[a, b]), Some(r#"{"a":255,"b":255}"#.len()));
        // Written as `null` when it is `None`, it counts `null`.
        let b = FieldBound::new("b", "b", true, OPT_U8, Limits::NONE);
        assert_eq!(object_max(&[a, b]), Some(r#"{"a":255,"b":null}"#.len()));
        // Only one `Option` is peeled: `Some(None)` is written, as `null`.
        assert_eq!(when_some(OPT_OPT_U8).max_json_len(Limits::NONE), Some(4));
        assert_eq!(when_some(&JsonShape::Fixed(3)), &JsonShape::Fixed(3));
    }

    #[test]
    fn a_derived_struct_nests_as_its_bound() {
        assert_eq!(struct_shape(Some(75)), JsonShape::Fixed(75));
        assert_eq!(struct_shape(None), JsonShape::Unbounded);
    }

    /// A field type of the derive's, with the values among which its longest JSON is.
    struct Kind {
        shape: &'static JsonShape,
        limits: Limits,
        /// Every value a longest one could be, `Value::Null` standing for `None`.
        extremes: fn() -> Vec<Value>,
    }

    const KINDS: &[Kind] = &[
        Kind {
            shape: &<u8 as JsonBound>::SHAPE,
            limits: Limits::NONE,
            extremes: || vec![json!(0), json!(255)],
        },
        Kind {
            shape: &<i8 as JsonBound>::SHAPE,
            limits: Limits::NONE,
            extremes: || vec![json!(127), json!(-128)],
        },
        Kind {
            shape: &<bool as JsonBound>::SHAPE,
            limits: Limits::NONE,
            extremes: || vec![json!(true), json!(false)],
        },
        Kind {
            shape: &<Option<u8> as JsonBound>::SHAPE,
            limits: Limits::NONE,
            extremes: || vec![Value::Null, json!(255)],
        },
        Kind {
            shape: &<Option<bool> as JsonBound>::SHAPE,
            limits: Limits::NONE,
            extremes: || vec![Value::Null, json!(false)],
        },
        Kind {
            shape: &<Option<String> as JsonBound>::SHAPE,
            limits: Limits::new(Some(1), None),
            extremes: || vec![Value::Null, json!(""), json!("x")],
        },
        Kind {
            shape: &<Option<String> as JsonBound>::SHAPE,
            limits: Limits::new(Some(0), None),
            extremes: || vec![Value::Null, json!("")],
        },
        Kind {
            shape: &<String as JsonBound>::SHAPE,
            limits: Limits::new(Some(3), None),
            extremes: || vec![json!(""), json!("a\"")],
        },
        Kind {
            shape: &<Vec<u8> as JsonBound>::SHAPE,
            limits: Limits::new(None, Some(2)),
            extremes: || vec![json!([]), json!([255, 255])],
        },
        Kind {
            shape: &<Option<Vec<u8>> as JsonBound>::SHAPE,
            limits: Limits::new(None, Some(0)),
            extremes: || vec![Value::Null, json!([])],
        },
        Kind {
            shape: &<Option<Option<u8>> as JsonBound>::SHAPE,
            limits: Limits::NONE,
            // `None`, `Some(None)` (written `null`), `Some(Some(255))`
            extremes: || vec![Value::Null, json!([null]), json!(255)],
        },
    ];

    /// Claim names of different lengths, two of them escaped in JSON.
    const NAMES: [&str; 6] = ["a", "bc", "d\"e", "fgh", "i\nj", "klmno"];

    /// The longest compact JSON of an object with these fields, by writing every combination of their
    /// extremes as serde would: a skippable field's `None` is left out, another `None` is `null`.
    fn longest(fields: &[(usize, bool)]) -> usize {
        let mut objects = vec![Map::new()];
        for (i, &(kind, skippable)) in fields.iter().enumerate() {
            let mut next = Vec::new();
            for object in &objects {
                for value in (KINDS[kind].extremes)() {
                    let mut object = object.clone();
                    match value {
                        Value::Null if skippable => {}
                        // `[null]` marks `Some(None)`, written `null` even when `None` is skipped
                        Value::Array(items) if items == [Value::Null] => {
                            object.insert(NAMES[i].to_owned(), Value::Null);
                        }
                        value => {
                            object.insert(NAMES[i].to_owned(), value);
                        }
                    }
                    next.push(object);
                }
            }
            objects = next;
        }
        objects
            .iter()
            .map(|object| serde_json::to_vec(object).map_or(0, |json| json.len()))
            .max()
            .unwrap_or(2)
    }

    proptest! {
        /// The derive's formula over generated structs: required and skippable fields of every kind, in
        /// any order, give the length of the longest value, exactly.
        #[test]
        fn the_bound_is_the_longest_value(
            fields in prop::collection::vec((0..KINDS.len(), any::<bool>()), 0..=NAMES.len()),
        ) {
            let bounds: Vec<FieldBound> = fields
                .iter()
                .enumerate()
                .map(|(i, &(kind, skippable))| {
                    let Kind { shape, limits, .. } = KINDS[kind];
                    let shape = if skippable { when_some(shape) } else { shape };
                    FieldBound::new(NAMES[i], NAMES[i], true, shape, limits)
                })
                .collect();
            prop_assert_eq!(object_max(&bounds), Some(longest(&fields)));
        }
    }
}
