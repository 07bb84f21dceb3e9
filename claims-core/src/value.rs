//! What the rest of the crate needs of a [`serde_json::Value`] that `serde_json` itself would do by
//! recursion: the nesting limit, copying, dropping, measuring depth; and the type checks that name what
//! was found instead of an object.
//!
//! A leaf: it uses nothing of the crate but the error type, so every other module can use it.

use serde_json::{Map, Value};

use crate::error::ClaimsError;

/// The deepest nesting of arrays and objects `serde_json` reads back (the outermost container is level 1):
/// its parser refuses JSON nested 128 levels deep, so a token whose claims were nested deeper could be
/// minted but never read. [`json_size`](crate::size::json_size) measures no deeper, and
/// [`DEFAULT_MAX_DEPTH`](crate::DEFAULT_MAX_DEPTH), the update policy's default, is this limit.
///
/// ```
/// use claims_core::size::MAX_JSON_DEPTH;
///
/// let nested = |depth| "[".repeat(depth) + &"]".repeat(depth);
/// let deepest = serde_json::from_str::<serde_json::Value>(&nested(MAX_JSON_DEPTH)).unwrap();
/// assert_eq!(serde_json::to_string(&deepest).unwrap(), nested(MAX_JSON_DEPTH));
/// let err = serde_json::from_str::<serde_json::Value>(&nested(MAX_JSON_DEPTH + 1)).unwrap_err();
/// assert_eq!(err.to_string(), "recursion limit exceeded at line 1 column 128");
/// ```
pub const MAX_JSON_DEPTH: usize = 127;

/// The JSON type name of `value`, for error messages.
pub(crate) fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// `value` as an object, or [`ClaimsError::NotAnObject`] naming `what` and the type found.
pub(crate) fn expect_object<'v>(
    value: &'v Value,
    what: &'static str,
) -> Result<&'v Map<String, Value>, ClaimsError> {
    value.as_object().ok_or(ClaimsError::NotAnObject {
        what,
        found: json_type(value),
    })
}

/// Whether `object` (depth 1) holds a container nested deeper than `limit` levels.
pub(crate) fn depth_exceeds(object: &Map<String, Value>, limit: usize) -> bool {
    if limit == 0 {
        return true;
    }
    // Most patches set scalars and flat arrays: two levels at most, known without a stack.
    if limit >= 2 && object.values().all(is_flat) {
        return false;
    }
    // Only containers wait on the stack, so a patch of scalars and flat arrays allocates nothing.
    let mut stack: Vec<(&Value, usize)> = Vec::new();
    push_containers(&mut stack, object.values(), 2);
    while let Some((value, depth)) = stack.pop() {
        if depth > limit {
            return true;
        }
        match value {
            Value::Array(items) => push_containers(&mut stack, items.iter(), depth + 1),
            Value::Object(map) => push_containers(&mut stack, map.values(), depth + 1),
            _ => {}
        }
    }
    false
}

/// Puts the containers among `values`, at `depth`, on `stack`.
fn push_containers<'v>(
    stack: &mut Vec<(&'v Value, usize)>,
    values: impl Iterator<Item = &'v Value>,
    depth: usize,
) {
    stack.extend(values.filter(|v| is_container(v)).map(|v| (v, depth)));
}

fn is_container(value: &Value) -> bool {
    matches!(value, Value::Array(_) | Value::Object(_))
}

/// Whether `value` is a scalar, or a container of scalars: shallow enough to copy or drop by
/// `serde_json`'s own recursion, which then goes one level deep.
fn is_flat(value: &Value) -> bool {
    match value {
        Value::Array(items) => !items.iter().any(is_container),
        Value::Object(map) => !map.values().any(is_container),
        _ => true,
    }
}

/// A deep copy of `value` made without recursion.
pub(crate) fn clone_deep(value: &Value) -> Value {
    enum Frame<'v> {
        Array(std::slice::Iter<'v, Value>, Vec<Value>),
        Object(serde_json::map::Iter<'v>, Map<String, Value>, String),
    }
    // Starts copying `value`: a scalar or empty container is done at once, a container gets a frame.
    fn start<'v>(value: &'v Value, stack: &mut Vec<Frame<'v>>) -> Option<Value> {
        match value {
            Value::Array(items) if !items.is_empty() => {
                stack.push(Frame::Array(items.iter(), Vec::with_capacity(items.len())));
                None
            }
            Value::Object(map) if !map.is_empty() => {
                stack.push(Frame::Object(map.iter(), Map::new(), String::new()));
                None
            }
            other => Some(other.clone()), // scalars and empty containers: no recursion
        }
    }

    if is_flat(value) {
        return value.clone();
    }
    let mut stack = Vec::new();
    let mut done = start(value, &mut stack);
    loop {
        if let Some(copy) = done.take() {
            match stack.last_mut() {
                None => return copy,
                Some(Frame::Array(_, items)) => items.push(copy),
                Some(Frame::Object(_, map, key)) => {
                    map.insert(std::mem::take(key), copy);
                }
            }
        }
        let next = match stack.last_mut() {
            None => return Value::Null, // unreachable: `start` on an empty stack returned a value
            Some(Frame::Array(iter, _)) => iter.next(),
            Some(Frame::Object(iter, _, key)) => iter.next().map(|(k, v)| {
                key.clone_from(k);
                v
            }),
        };
        done = match next {
            Some(child) => start(child, &mut stack),
            None => match stack.pop() {
                Some(Frame::Array(_, items)) => Some(Value::Array(items)),
                Some(Frame::Object(_, map, _)) => Some(Value::Object(map)),
                None => None,
            },
        };
    }
}

/// Drops `value` without recursion (`serde_json`'s own drop recurses once per level).
///
/// Use it for values that may be nested deeper than the stack allows, e.g. a hostile patch:
///
/// ```
/// let mut deep = serde_json::Value::Null;
/// for _ in 0..100_000 {
///     deep = serde_json::Value::Array(vec![deep]);
/// }
/// claims_core::drop_deep(deep);
/// ```
pub fn drop_deep(value: Value) {
    if is_flat(&value) {
        return;
    }
    let mut stack = vec![value];
    while let Some(value) = stack.pop() {
        match value {
            Value::Array(items) => stack.extend(items),
            Value::Object(map) => stack.extend(map.into_iter().map(|(_, v)| v)),
            _ => {}
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    /// Small JSON values: few names and leaves, so that merges and copies meet each other often.
    pub(crate) fn arb_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i32>().prop_map(Value::from),
            "[a-c]{0,3}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 32, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::btree_map("[a-d]", inner, 0..4)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    /// `[[...[1]...]]`, `depth` arrays deep, built without recursion.
    pub(crate) fn nested_arrays(depth: usize) -> Value {
        let mut value = Value::from(1);
        for _ in 0..depth {
            value = Value::Array(vec![value]);
        }
        value
    }

    fn obj(v: Value) -> Map<String, Value> {
        match v {
            Value::Object(m) => m,
            other => panic!("not an object: {other}"),
        }
    }

    #[test]
    fn depth_limit_counts_levels() {
        let flat = obj(json!({"a": 1}));
        assert!(!depth_exceeds(&flat, 1));
        assert!(depth_exceeds(&flat, 0));
        let two = obj(json!({"a": {"b": 1}}));
        assert!(!depth_exceeds(&two, 2));
        assert!(depth_exceeds(&two, 1));
        let arr = obj(json!({"a": [[1]]}));
        assert!(!depth_exceeds(&arr, 3));
        assert!(depth_exceeds(&arr, 2));
        let empty = obj(json!({"a": {}}));
        assert!(!depth_exceeds(&empty, 2));
    }

    #[test]
    fn expect_object_names_the_type_found() {
        assert_eq!(
            expect_object(&json!([1]), "patch"),
            Err(ClaimsError::NotAnObject {
                what: "patch",
                found: "array"
            })
        );
        assert_eq!(
            [json!(null), json!(true), json!(1.5), json!("x")].map(|v| json_type(&v)),
            ["null", "boolean", "number", "string"]
        );
        assert_eq!(expect_object(&json!({}), "patch"), Ok(&Map::new()));
    }

    #[test]
    fn deep_values_are_copied_and_dropped_without_recursion() {
        let deep = nested_arrays(100_000);
        let copy = clone_deep(&deep);
        let (mut a, mut b, mut depth) = (&deep, &copy, 0);
        while let (Value::Array(x), Value::Array(y)) = (a, b) {
            (a, b, depth) = (&x[0], &y[0], depth + 1);
        }
        assert_eq!((depth, a, b), (100_000, &json!(1), &json!(1)));
        drop_deep(deep);
        drop_deep(copy);
    }

    proptest! {
        #[test]
        fn clone_deep_equals_clone(value in arb_json()) {
            prop_assert_eq!(clone_deep(&value), value);
        }
    }
}
