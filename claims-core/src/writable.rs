//! The check a caller's value passes before it is written as claims: every float finite, and no nesting
//! deeper than [`MAX_JSON_DEPTH`].
//!
//! Both problems are silent or fatal with plain `serde_json`: it writes a NaN or an infinity as `null`
//! (and `serde_json::to_value` turns one into `Value::Null`), so a claim would become `null` in a token, or
//! be deleted by a merge patch; and serializing a value nested deeper than the stack allows aborts the
//! process before any check on the result could run. [`check_writable`] walks the value once, writing
//! nothing, and stops at the first problem. Its recursion ends at the depth limit, so the walk itself
//! cannot overflow the stack, whatever the value.
//!
//! A `serde_json::Value` can't hold a non-finite number (`Value::from(f64::NAN)` is `null`), so functions
//! that only take `Value`s ([`crate::merge_patch`], [`crate::update_claims`]) have nothing to refuse here;
//! the typed entry points check before converting.

use std::cell::Cell;
use std::{fmt, io};

use serde::Serialize;
use serde::ser;
use serde_json::ser::Formatter;

use crate::ClaimsError;
use crate::value::MAX_JSON_DEPTH;

/// Checks that `value` can be written as JSON claims exactly as it is: no float is NaN or infinite
/// ([`ClaimsError::NonFinite`], naming the claim by its path, e.g. `stats.score` or `scores[2]`), and no
/// container is nested deeper than [`MAX_JSON_DEPTH`] levels, the value itself being level 1
/// ([`ClaimsError::TooDeep`] about `what`).
///
/// ```
/// use claims_core::{check_writable, ClaimsError};
/// use serde_json::json;
///
/// #[derive(serde::Serialize)]
/// struct Stats { score: f64, history: Vec<f32> }
///
/// let good = Stats { score: 0.5, history: vec![1.0, 2.0] };
/// assert_eq!(check_writable(&good, "claims"), Ok(()));
/// let bad = Stats { score: 0.5, history: vec![1.0, f32::INFINITY] };
/// assert_eq!(check_writable(&bad, "claims"), Err(ClaimsError::NonFinite { claim: "history[1]".into() }));
///
/// let mut deep = json!(1);
/// for _ in 0..200 {
///     deep = json!([deep]);
/// }
/// assert_eq!(check_writable(&deep, "patch"), Err(ClaimsError::TooDeep { what: "patch", limit: 127 }));
/// ```
pub fn check_writable<T: Serialize + ?Sized>(
    value: &T,
    what: &'static str,
) -> Result<(), ClaimsError> {
    check_at(value, what, None)
}

/// Appends `value`'s compact JSON to `out`, byte for byte what `serde_json::to_writer` writes, once it
/// passes [`check_writable`], walking the value once where it can: the depth is counted as `serde_json`
/// opens containers (so a deep value stops at the limit without overflowing the stack), and since
/// `serde_json` writes a non-finite float as `null`, only a value whose JSON holds a `null` is walked
/// again, to tell a NaN from a real `None`. Refusals are [`check_writable`]'s; on one, `out` may hold
/// part of the value.
///
/// ```
/// use claims_core::{write_checked, ClaimsError};
///
/// let mut out = Vec::new();
/// write_checked(&mut out, &(1, Some(0.5), None::<f64>), "claims")?;
/// assert_eq!(out, b"[1,0.5,null]");
/// let err = write_checked(&mut Vec::new(), &[1.0, f64::NAN], "claims").unwrap_err();
/// assert_eq!(err, ClaimsError::NonFinite { claim: "[1]".into() });
/// # Ok::<(), ClaimsError>(())
/// ```
pub fn write_checked<T: Serialize + ?Sized>(
    out: &mut Vec<u8>,
    value: &T,
    what: &'static str,
) -> Result<(), ClaimsError> {
    let mut guard = Guard::default();
    let written = value.serialize(&mut serde_json::Serializer::with_formatter(
        &mut *out, &mut guard,
    ));
    if written.is_err() || guard.nulls {
        // The walk names what was wrong: a float's path, the depth, the value's own error.
        check_writable(value, what)?;
    }
    written.map_err(ClaimsError::from)
}

/// `serde_json`'s compact formatting, counting open containers and noting a `null`.
#[derive(Default)]
struct Guard {
    depth: usize,
    nulls: bool,
}

impl Guard {
    fn open<W: io::Write + ?Sized>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        if self.depth > MAX_JSON_DEPTH {
            return Err(io::Error::other("nested too deep"));
        }
        writer.write_all(bracket)
    }

    fn close<W: io::Write + ?Sized>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        writer.write_all(bracket)
    }
}

impl Formatter for &mut Guard {
    fn write_null<W: io::Write + ?Sized>(&mut self, writer: &mut W) -> io::Result<()> {
        self.nulls = true;
        writer.write_all(b"null")
    }
    fn begin_array<W: io::Write + ?Sized>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"[")
    }
    fn end_array<W: io::Write + ?Sized>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }
    fn begin_object<W: io::Write + ?Sized>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"{")
    }
    fn end_object<W: io::Write + ?Sized>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }
}

/// [`check_writable`] for the value of the claim `claim`, whose name starts every path it reports.
pub(crate) fn check_member<T: Serialize + ?Sized>(
    value: &T,
    claim: &str,
) -> Result<(), ClaimsError> {
    check_at(value, "claim", Some(claim))
}

thread_local! {
    /// A refusal raised inside a value's own `Serialize` by [`raise`], kept so that the walk reports it
    /// typed: serde carries only its message across `Serializer::Error`.
    static INNER_REFUSAL: Cell<Option<ClaimsError>> = const { Cell::new(None) };
}

/// Fails a `Serialize` impl with `err`, which a walk of [`check_writable`] reports as it is (a derived
/// patch checks its fields as it writes itself); any other serializer sees serde's custom error.
pub(crate) fn raise<E: ser::Error>(err: ClaimsError) -> E {
    let custom = E::custom(&err);
    INNER_REFUSAL.set(Some(err));
    custom
}

fn check_at<T: Serialize + ?Sized>(
    value: &T,
    what: &'static str,
    claim: Option<&str>,
) -> Result<(), ClaimsError> {
    INNER_REFUSAL.take(); // one left by a serializer that is not a walk
    // The fast walk keeps no path; only a refusal pays for a second walk that records where it was.
    let stop = match value.serialize(&mut Walk::new(None)) {
        Ok(()) => return Ok(()),
        Err(stop) => stop,
    };
    match stop {
        Stop::TooDeep => Err(ClaimsError::TooDeep {
            what,
            limit: MAX_JSON_DEPTH,
        }),
        Stop::Custom(message) => Err(INNER_REFUSAL
            .take()
            .unwrap_or(ClaimsError::Json { message })),
        Stop::NonFinite => {
            let mut path = Vec::new();
            if let Some(claim) = claim {
                path.push(Step::Name(claim.to_owned()));
            }
            // The same value walks the same way: the second walk stops at the same float.
            let _ = value.serialize(&mut Walk::new(Some(&mut path)));
            Err(ClaimsError::NonFinite {
                claim: render(&path),
            })
        }
    }
}

/// One step of the path to a refused float.
enum Step {
    Name(String),
    Index(usize),
}

/// `a.b[2].c`; the value itself (not a member of anything) is `(value)`.
fn render(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Name(name) if out.is_empty() => out.push_str(name),
            Step::Name(name) => {
                out.push('.');
                out.push_str(name);
            }
            Step::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
    if out.is_empty() {
        out.push_str("(value)");
    }
    out
}

/// Why a walk stopped.
#[derive(Debug)]
enum Stop {
    NonFinite,
    TooDeep,
    /// The value's own `Serialize` failed; `serde_json` would fail the same way.
    Custom(String),
}

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Stop::NonFinite => f.write_str("a float is not finite"),
            Stop::TooDeep => f.write_str("nested too deep"),
            Stop::Custom(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Stop {}

impl ser::Error for Stop {
    fn custom<M: fmt::Display>(message: M) -> Self {
        Stop::Custom(message.to_string())
    }
}

/// A serializer that writes nothing. It opens containers where `serde_json` would (so depths agree with
/// [`crate::size::json_size`]), and records the path only when given somewhere to keep it.
struct Walk<'p> {
    depth: usize,
    path: Option<&'p mut Vec<Step>>,
}

impl<'p> Walk<'p> {
    fn new(path: Option<&'p mut Vec<Step>>) -> Self {
        Walk { depth: 0, path }
    }

    fn open(&mut self, levels: usize) -> Result<(), Stop> {
        self.depth += levels;
        if self.depth > MAX_JSON_DEPTH {
            Err(Stop::TooDeep)
        } else {
            Ok(())
        }
    }

    fn close(&mut self, levels: usize) {
        self.depth -= levels;
    }

    /// Walks `value` as the member or item `step`. On a refusal the step stays on the path: it is where
    /// the refused float is.
    fn visit<T: Serialize + ?Sized>(
        &mut self,
        step: impl FnOnce() -> Step,
        value: &T,
    ) -> Result<(), Stop> {
        if let Some(path) = self.path.as_deref_mut() {
            path.push(step());
        }
        value.serialize(&mut *self)?;
        if let Some(path) = self.path.as_deref_mut() {
            path.pop();
        }
        Ok(())
    }

    fn float(v: f64) -> Result<(), Stop> {
        if v.is_finite() {
            Ok(())
        } else {
            Err(Stop::NonFinite)
        }
    }
}

/// A container being walked: how many levels it opened, and the index of its next item.
struct Container<'w, 'p> {
    walk: &'w mut Walk<'p>,
    levels: usize,
    index: usize,
    key: Option<String>,
}

impl<'w, 'p> Container<'w, 'p> {
    fn open(walk: &'w mut Walk<'p>, levels: usize) -> Result<Self, Stop> {
        walk.open(levels)?;
        Ok(Container {
            walk,
            levels,
            index: 0,
            key: None,
        })
    }

    /// Opens a variant's container under the variant's name, which `serde_json` writes as `{"Variant":`.
    fn variant(walk: &'w mut Walk<'p>, variant: &'static str) -> Result<Self, Stop> {
        if let Some(path) = walk.path.as_deref_mut() {
            path.push(Step::Name(variant.to_owned()));
        }
        Container::open(walk, 2)
    }

    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        let index = self.index;
        self.index += 1;
        self.walk.visit(|| Step::Index(index), value)
    }

    fn field<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) -> Result<(), Stop> {
        self.walk.visit(|| Step::Name(name.to_owned()), value)
    }

    fn close(self) {
        self.walk.close(self.levels);
    }

    fn end_variant(self) {
        self.walk.close(self.levels);
        if let Some(path) = self.walk.path.as_deref_mut() {
            path.pop();
        }
    }
}

/// A map key as `serde_json` writes it (a string, or a number it quotes), for the path only.
fn key_text<K: Serialize + ?Sized>(key: &K) -> String {
    match serde_json::to_value(key) {
        Ok(serde_json::Value::String(text)) => text,
        Ok(other) => other.to_string(),
        Err(_) => "?".to_owned(),
    }
}

impl<'w, 'p> ser::Serializer for &'w mut Walk<'p> {
    type Ok = ();
    type Error = Stop;
    type SerializeSeq = Container<'w, 'p>;
    type SerializeTuple = Container<'w, 'p>;
    type SerializeTupleStruct = Container<'w, 'p>;
    type SerializeTupleVariant = Container<'w, 'p>;
    type SerializeMap = Container<'w, 'p>;
    type SerializeStruct = Container<'w, 'p>;
    type SerializeStructVariant = Container<'w, 'p>;

    fn serialize_bool(self, _: bool) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_i8(self, _: i8) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_i16(self, _: i16) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_i32(self, _: i32) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_i64(self, _: i64) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_i128(self, _: i128) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_u8(self, _: u8) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_u16(self, _: u16) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_u32(self, _: u32) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_u64(self, _: u64) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_u128(self, _: u128) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Stop> {
        Walk::float(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), Stop> {
        Walk::float(v)
    }
    fn serialize_char(self, _: char) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_str(self, _: &str) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Stop> {
        // `serde_json` writes bytes as an array of numbers: one level.
        self.open(1)?;
        self.close(1);
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Stop> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        // `{"Variant":value}`: one level.
        self.open(1)?;
        self.visit(|| Step::Name(variant.to_owned()), value)?;
        self.close(1);
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Container<'w, 'p>, Stop> {
        Container::open(self, 1)
    }
    fn serialize_tuple(self, _: usize) -> Result<Container<'w, 'p>, Stop> {
        Container::open(self, 1)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Container<'w, 'p>, Stop> {
        Container::open(self, 1)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Container<'w, 'p>, Stop> {
        Container::variant(self, variant)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Container<'w, 'p>, Stop> {
        Container::open(self, 1)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Container<'w, 'p>, Stop> {
        Container::open(self, 1)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Container<'w, 'p>, Stop> {
        Container::variant(self, variant)
    }
    fn collect_str<T: fmt::Display + ?Sized>(self, _: &T) -> Result<(), Stop> {
        Ok(()) // a string: nothing to check, and no need to format it
    }
}

/// The compound serializers: items of arrays and tuples, members of maps and structs; a variant's
/// container also leaves the variant's name on the path.
macro_rules! containers {
    ($($trait:ident { $method:ident($($name:ident: $name_ty:ty)?) => $visit:ident; $end:ident })*) => {$(
        impl ser::$trait for Container<'_, '_> {
            type Ok = ();
            type Error = Stop;
            fn $method<T: Serialize + ?Sized>(&mut self, $($name: $name_ty,)? value: &T) -> Result<(), Stop> {
                self.$visit($($name,)? value)
            }
            fn end(self) -> Result<(), Stop> {
                self.$end();
                Ok(())
            }
        }
    )*};
}

containers! {
    SerializeSeq { serialize_element() => item; close }
    SerializeTuple { serialize_element() => item; close }
    SerializeTupleStruct { serialize_field() => item; close }
    SerializeTupleVariant { serialize_field() => item; end_variant }
    SerializeStruct { serialize_field(name: &'static str) => field; close }
    SerializeStructVariant { serialize_field(name: &'static str) => field; end_variant }
}

impl ser::SerializeMap for Container<'_, '_> {
    type Ok = ();
    type Error = Stop;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Stop> {
        // Keys are strings (or numbers `serde_json` quotes): nothing to refuse, only a name to keep.
        if self.walk.path.is_some() {
            self.key = Some(key_text(key));
        }
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        let key = self.key.take().unwrap_or_default();
        self.walk.visit(|| Step::Name(key), value)
    }
    fn end(self) -> Result<(), Stop> {
        self.close();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::tests::nested_arrays;
    use serde_json::{Map, Value};
    use std::collections::BTreeMap;

    #[derive(Serialize)]
    struct Inner {
        score: f32,
    }

    #[derive(Serialize)]
    enum Shape {
        Unit,
        Newtype(f64),
        Tuple(u8, f64),
        Struct { x: f64 },
    }

    #[derive(Serialize)]
    struct Claims {
        name: String,
        inner: Option<Inner>,
        scores: Vec<f64>,
        by_key: BTreeMap<String, f64>,
        by_number: BTreeMap<u32, f64>,
        shape: Shape,
    }

    fn claims() -> Claims {
        Claims {
            name: "n".into(),
            inner: Some(Inner { score: 1.5 }),
            scores: vec![0.0, -2.5, f64::MAX, f64::MIN_POSITIVE],
            by_key: [("a".to_owned(), 1.0)].into_iter().collect(),
            by_number: [(7, 1.0)].into_iter().collect(),
            shape: Shape::Unit,
        }
    }

    fn refused(claims: &Claims) -> ClaimsError {
        check_writable(claims, "claims").unwrap_err()
    }

    fn non_finite(claim: &str) -> ClaimsError {
        ClaimsError::NonFinite {
            claim: claim.into(),
        }
    }

    #[test]
    fn finite_values_pass() {
        assert_eq!(check_writable(&claims(), "claims"), Ok(()));
        for shape in [
            Shape::Newtype(1.0),
            Shape::Tuple(1, 2.0),
            Shape::Struct { x: 3.0 },
        ] {
            assert_eq!(check_writable(&shape, "claims"), Ok(()));
        }
    }

    #[test]
    fn every_non_finite_float_is_refused_by_its_path() {
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -f64::NAN] {
            let mut c = claims();
            c.scores[2] = bad;
            assert_eq!(refused(&c), non_finite("scores[2]"));
        }
        let mut c = claims();
        c.inner = Some(Inner { score: f32::NAN });
        assert_eq!(refused(&c), non_finite("inner.score"));
        let mut c = claims();
        c.by_key.insert("b\"q".into(), f64::INFINITY);
        assert_eq!(refused(&c), non_finite("by_key.b\"q"));
        let mut c = claims();
        c.by_number.insert(9, f64::NAN);
        assert_eq!(refused(&c), non_finite("by_number.9"));
        for (shape, path) in [
            (Shape::Newtype(f64::NAN), "shape.Newtype"),
            (Shape::Tuple(1, f64::NAN), "shape.Tuple[1]"),
            (Shape::Struct { x: f64::NAN }, "shape.Struct.x"),
        ] {
            let mut c = claims();
            c.shape = shape;
            assert_eq!(refused(&c), non_finite(path));
        }
        assert_eq!(
            check_writable(&f64::NAN, "claims"),
            Err(non_finite("(value)"))
        );
        assert_eq!(
            check_member(&vec![1.0, f64::NAN], "history"),
            Err(non_finite("history[1]"))
        );
        assert_eq!(check_member(&f64::NAN, "score"), Err(non_finite("score")));
    }

    #[test]
    fn depth_agrees_with_json_size_and_never_overflows() {
        let ok = nested_arrays(MAX_JSON_DEPTH);
        assert_eq!(check_writable(&ok, "patch"), Ok(()));
        assert!(crate::size::json_size(&ok).is_ok());
        crate::drop_deep(ok);
        for levels in [MAX_JSON_DEPTH + 1, 100_000] {
            let deep = nested_arrays(levels);
            let result = check_writable(&deep, "patch");
            let measured = crate::size::json_size(&deep).map(|_| ());
            crate::drop_deep(deep);
            let too_deep = ClaimsError::TooDeep {
                what: "patch",
                limit: MAX_JSON_DEPTH,
            };
            assert_eq!(result, Err(too_deep));
            assert!(matches!(measured, Err(ClaimsError::TooDeep { .. })));
        }
        // Variants open two levels, as `{"V":[` does.
        let mut map = Map::new();
        map.insert("a".into(), nested_arrays(MAX_JSON_DEPTH - 2));
        let value = Value::Object(map);
        assert_eq!(check_writable(&value, "patch"), Ok(()));
        let wrapped = Shape::Tuple(0, 0.0);
        assert_eq!(check_writable(&wrapped, "patch"), Ok(()));
        crate::drop_deep(value);
    }

    #[test]
    fn a_failing_serialize_is_a_json_error() {
        struct Fails;
        impl Serialize for Fails {
            fn serialize<S: ser::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
                Err(ser::Error::custom("no, thanks"))
            }
        }
        assert_eq!(
            check_writable(&Fails, "claims"),
            Err(ClaimsError::Json {
                message: "no, thanks".into()
            })
        );
    }

    #[test]
    fn write_checked_writes_what_serde_json_writes_and_refuses_what_check_writable_refuses() {
        let mut out = b"{".to_vec();
        write_checked(&mut out, &claims(), "claims").unwrap();
        let expected = [b"{".as_slice(), &serde_json::to_vec(&claims()).unwrap()].concat();
        assert_eq!(out, expected);
        for shape in [
            Shape::Unit,
            Shape::Newtype(1.0),
            Shape::Tuple(1, 2.0),
            Shape::Struct { x: 3.0 },
        ] {
            let mut out = Vec::new();
            write_checked(&mut out, &shape, "claims").unwrap();
            assert_eq!(out, serde_json::to_vec(&shape).unwrap());
        }
        // A real `null` is written; a NaN, which serde_json would also write as `null`, is not.
        let mut out = Vec::new();
        write_checked(&mut out, &(None::<f64>, ()), "claims").unwrap();
        assert_eq!(out, b"[null,null]");
        let mut c = claims();
        c.scores[2] = f64::NAN;
        assert_eq!(
            write_checked(&mut Vec::new(), &c, "claims"),
            Err(non_finite("scores[2]"))
        );
        // Depth: refused at the limit, as check_writable refuses it, however deep the value.
        for levels in [MAX_JSON_DEPTH + 1, 100_000] {
            let deep = nested_arrays(levels);
            let result = write_checked(&mut Vec::new(), &deep, "patch");
            crate::drop_deep(deep);
            assert_eq!(
                result,
                Err(ClaimsError::TooDeep {
                    what: "patch",
                    limit: MAX_JSON_DEPTH
                })
            );
        }
        let ok = nested_arrays(MAX_JSON_DEPTH);
        let mut out = Vec::new();
        assert_eq!(write_checked(&mut out, &ok, "patch"), Ok(()));
        assert_eq!(out.len(), 2 * MAX_JSON_DEPTH + 1); // [[...1...]]
        crate::drop_deep(ok);
        // A map serde_json cannot write (non-string keys) fails as serde_json fails.
        let by_pair: BTreeMap<(u8, u8), u8> = [((1, 2), 3)].into_iter().collect();
        let err = write_checked(&mut Vec::new(), &by_pair, "claims").unwrap_err();
        assert_eq!(err, serde_json::to_vec(&by_pair).unwrap_err().into());
    }

    #[test]
    fn a_value_cannot_hold_a_non_finite_number() {
        // Why `merge_patch` and `update_claims` need no check: `Value` turns them into `null` on the way in.
        assert_eq!(Value::from(f64::NAN), Value::Null);
        assert_eq!(serde_json::to_value(f64::INFINITY).unwrap(), Value::Null);
    }
}
