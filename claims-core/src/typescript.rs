//! TypeScript types of claims, in the shape serde writes them: what a frontend reads from a session token.
//!
//! Every field type the derive can describe implements [`TsType`], whose [`TsType::TS`] is a [`TsShape`]
//! built in `const` context; with this crate's `typescript` feature, `#[derive(SessionClaims)]` implements
//! it for every struct it derives, as an object of [`TsMember`]s named the way serde writes them.
//! [`TsShape::to_typescript`] prints a shape as a TypeScript type, and [`global_interface`] a whole
//! `declare global` file (Clerk's `globals.d.ts`, see [`crate::frontend`]).
//!
//! ```
//! use claims_core::typescript::{TsShape, TsType};
//! use std::collections::BTreeMap;
//!
//! assert_eq!(<Vec<Option<String>>>::TS.to_typescript(), "(string | null)[]");
//! assert_eq!(<BTreeMap<String, u8>>::TS.to_typescript(), "Record<string, number>");
//! // A 64-bit integer is a JSON number too; JavaScript reads it exactly only up to 2^53 - 1.
//! assert_eq!(u64::TS, TsShape::WideInteger(64));
//! assert_eq!(u64::TS.to_typescript(), "number");
//! ```
//!
//! The mapping is serde's output, not a type valid in both directions: `Option<T>` is `T | null`, and the
//! derive turns a field with `skip_serializing_if` into an optional member (`name?: T`, without `| null`
//! when the predicate is `Option::is_none`); integers and floats are `number` (`serde_json` writes every
//! one of them as a JSON number, which `JSON.parse` reads as a `number`, never as a `bigint`); sequences,
//! sets and arrays are `T[]`; maps are `Record<string, T>` (JSON object keys are strings); a nested derived
//! struct is an inline object type; `serde_json::Value` is `unknown`.
//!
//! # Your own types
//!
//! Not for a struct that derives `SessionClaims`: with the `typescript` feature on anywhere in a build,
//! the derive implements `TsType` for every struct it derives, and a hand-written impl would conflict.
//! Turn the feature on in each crate that uses `#[claims(typescript)]` (features unify across a build, so
//! a crate that only compiles because another crate turned it on fails on its own).
//!
//! Implement [`TsType`] for a type of your own, or give the field `#[claims(ts_type = "...")]` (the only
//! way for a foreign type such as `uuid::Uuid`). A field whose type has neither is described as `unknown`
//! with a comment naming its Rust type, or, under `#[claims(typescript)]`, refused at compile time.
//!
//! ```
//! use claims_core::typescript::{TsShape, TsType};
//!
//! #[derive(serde::Serialize)]
//! #[serde(rename_all = "lowercase")]
//! enum Plan { Free, Pro }
//!
//! impl TsType for Plan {
//!     const TS: TsShape = TsShape::Custom(r#""free" | "pro""#);
//! }
//!
//! assert_eq!(<Vec<Plan>>::TS.to_typescript(), r#"("free" | "pro")[]"#);
//! ```
//!
//! # Why not ts-rs or specta
//!
//! Both were evaluated as the source of this mapping (ts-rs 12.0, specta 2.0.0-rc.27). Neither describes
//! what serde *writes*, which is what a token carries: ts-rs maps 64-bit and 128-bit integers to `bigint`
//! by default (`JSON.parse` gives a `number`), and makes a `skip_serializing_if` field optional only
//! together with `default`, since it describes a type valid for reading and writing; specta's TypeScript
//! exporter refuses those integers by default, and specta 2 is still a release candidate. Both need a
//! second derive on every claims struct that re-reads serde's attributes with its own parser, so the names
//! in the declaration could differ from the names this derive checks against the reserved ones; and neither
//! knows the `max_len` / `max_items` bounds the declaration documents. A user type that implements their
//! trait can't join here either without a second probe and their runtime `Config`, and the dependency
//! (ts-rs-macros builds syn with `full`) would serve only that. So the mapping lives here, next to
//! [`crate::bound`], with the same pattern: a trait for std types, implemented by the derive for nested
//! structs (with the `typescript` feature) and by you for your own types.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::fmt::Write as _;
use std::num::{
    NonZeroI8, NonZeroI16, NonZeroI32, NonZeroI64, NonZeroI128, NonZeroIsize, NonZeroU8,
    NonZeroU16, NonZeroU32, NonZeroU64, NonZeroU128, NonZeroUsize,
};

use crate::bound::Limits;

/// A type with a TypeScript description of its JSON: a field type of a derived struct's declaration.
///
/// Implemented here for integers (including `NonZero*`), `f32`, `f64`, `bool`, `char`, `()`, `String`,
/// `str`, `Box<str>`, `Cow<str>`, `Box<T>`, `Option<T>`, `Vec<T>`, `VecDeque<T>`, `[T; N]`, `[T]`,
/// `BTreeSet<T>`, `HashSet<T>`, `BTreeMap<K, V>`, `HashMap<K, V>`, and `serde_json::Value` / `Map`; the
/// derive implements it for every struct it derives with the `typescript` feature. See the
/// [module docs](self) for your own types.
///
/// ```
/// use claims_core::typescript::{TsShape, TsType};
///
/// assert_eq!(bool::TS, TsShape::Boolean);
/// assert_eq!(<Option<[char; 2]>>::TS.to_typescript(), "string[] | null");
/// ```
pub trait TsType {
    /// What the type's JSON looks like to TypeScript.
    const TS: TsShape;
}

/// A TypeScript type, as far as a JSON value of a Rust type goes; `const`-constructible.
///
/// ```
/// use claims_core::typescript::TsShape;
///
/// const ROLES: TsShape = TsShape::Array(&TsShape::String);
/// assert_eq!(TsShape::Nullable(&ROLES).to_typescript(), "string[] | null");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TsShape {
    /// `number`: a float, or an integer that JavaScript reads exactly.
    Number,
    /// `number`, from an integer of this many bits, which can exceed `Number.MAX_SAFE_INTEGER` (2^53 - 1);
    /// a member holding one says so in its doc comment.
    WideInteger(u32),
    /// `string`.
    String,
    /// `boolean`.
    Boolean,
    /// `null` (the unit type).
    Null,
    /// `unknown`: any JSON value (`serde_json::Value`).
    Json,
    /// `T | null` (an `Option`).
    Nullable(&'static TsShape),
    /// `T[]` (a sequence, set or array).
    Array(&'static TsShape),
    /// `Record<string, T>` (a map: JSON object keys are strings whatever the Rust key type).
    Record(&'static TsShape),
    /// An object type (a derived struct).
    Object(&'static [TsMember]),
    /// A TypeScript type written by hand, printed as it is (parenthesized inside an array).
    Custom(&'static str),
}

/// The TypeScript type of a member, or why there is none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TsMemberType {
    /// The member's type.
    Known(&'static TsShape),
    /// No TypeScript type is known for the field's Rust type: it is declared `unknown`.
    Unknown {
        /// Why, for the member's comment: e.g. "the Rust type `Uuid` has no TypeScript type".
        why: &'static str,
        /// The compile error `#[claims(typescript)]` reports for it: which field, and the fixes.
        problem: &'static str,
    },
}

/// One member of an object type: a claim, or a member of a nested claim.
///
/// ```
/// use claims_core::bound::Limits;
/// use claims_core::typescript::{TsMember, TsMemberType, TsShape};
///
/// const ROLES: TsMember = TsMember::new("roles", TsMemberType::Known(&TsShape::Array(&TsShape::String)))
///     .with_limits(Limits::new(Some(32), Some(8)));
/// assert_eq!(
///     TsShape::Object(&[ROLES]).to_typescript(),
///     "{\n  /** At most 8 items (`max_items = 8`); each string at most 32 bytes of JSON-escaped text (`max_len = 32`). */\n  roles: string[];\n}"
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TsMember {
    /// The name serde writes.
    pub name: &'static str,
    /// The member's type.
    pub ty: TsMemberType,
    /// Whether it may be missing (`name?: T`): the field has `skip_serializing_if`.
    pub optional: bool,
    /// The field's own doc comment.
    pub doc: &'static str,
    /// The field's `max_len` and `max_items`, documented on the member.
    pub limits: Limits,
    /// The field's `max_json_len`, documented on the member.
    pub max_json_len: Option<usize>,
}

impl TsMember {
    /// A required member without docs or bounds.
    pub const fn new(name: &'static str, ty: TsMemberType) -> Self {
        TsMember {
            name,
            ty,
            optional: false,
            doc: "",
            limits: Limits::NONE,
            max_json_len: None,
        }
    }

    /// Marks the member optional (`name?: T`).
    #[must_use]
    pub const fn optional(mut self) -> Self {
        self.optional = true;
        self
    }

    /// Sets the member's doc comment.
    #[must_use]
    pub const fn with_doc(mut self, doc: &'static str) -> Self {
        self.doc = doc;
        self
    }

    /// Sets the bounds documented on the member.
    #[must_use]
    pub const fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Sets the `max_json_len` documented on the member.
    #[must_use]
    pub const fn with_max_json_len(mut self, max_json_len: usize) -> Self {
        self.max_json_len = Some(max_json_len);
        self
    }
}

impl TsShape {
    /// The members of an object type; none for any other shape.
    ///
    /// ```
    /// # use claims_core::typescript::TsShape;
    /// assert!(TsShape::String.members().is_empty());
    /// ```
    pub const fn members(&self) -> &'static [TsMember] {
        match *self {
            TsShape::Object(members) => members,
            _ => &[],
        }
    }

    /// The first member, depth first through nested objects, arrays and records, whose type is not
    /// known: what `#[claims(typescript)]` refuses at compile time.
    ///
    /// ```
    /// use claims_core::typescript::{TsMember, TsMemberType, TsShape};
    ///
    /// const ID: TsMember = TsMember::new("id", TsMemberType::Unknown { why: "no type", problem: "..." });
    /// const ORG: TsShape = TsShape::Object(&[ID]);
    /// assert_eq!(TsShape::Array(&ORG).first_unknown().map(|m| m.name), Some("id"));
    /// assert!(TsShape::String.first_unknown().is_none());
    /// ```
    pub const fn first_unknown(&self) -> Option<&'static TsMember> {
        match *self {
            TsShape::Nullable(inner) | TsShape::Array(inner) | TsShape::Record(inner) => {
                inner.first_unknown()
            }
            TsShape::Object(members) => {
                let mut i = 0;
                while i < members.len() {
                    match members[i].ty {
                        TsMemberType::Unknown { .. } => return Some(&members[i]),
                        TsMemberType::Known(shape) => {
                            if let Some(found) = shape.first_unknown() {
                                return Some(found);
                            }
                        }
                    }
                    i += 1;
                }
                None
            }
            _ => None,
        }
    }

    /// The TypeScript type, on one line unless it holds an object type (indented by two spaces a level).
    ///
    /// ```
    /// use claims_core::typescript::{TsMember, TsMemberType, TsShape};
    ///
    /// const NAME: TsMember = TsMember::new("name", TsMemberType::Known(&TsShape::String)).optional();
    /// const ORG: TsShape = TsShape::Object(&[NAME]);
    /// assert_eq!(TsShape::Nullable(&ORG).to_typescript(), "{\n  name?: string;\n} | null");
    /// ```
    pub fn to_typescript(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, 0);
        out
    }

    /// Writes the type at nesting `depth` (the depth of the member holding it).
    fn write(&self, out: &mut String, depth: usize) {
        match *self {
            TsShape::Number | TsShape::WideInteger(_) => out.push_str("number"),
            TsShape::String => out.push_str("string"),
            TsShape::Boolean => out.push_str("boolean"),
            TsShape::Null => out.push_str("null"),
            TsShape::Json => out.push_str("unknown"),
            TsShape::Custom(text) => out.push_str(text),
            TsShape::Nullable(inner) => {
                inner.write(out, depth);
                // `(T | null) | null` is `T | null`: serde writes `Some(None)` as `null` too.
                if !inner.is_nullable() {
                    out.push_str(" | null");
                }
            }
            TsShape::Array(item) => {
                let bare = matches!(
                    item,
                    TsShape::Number
                        | TsShape::WideInteger(_)
                        | TsShape::String
                        | TsShape::Boolean
                        | TsShape::Null
                        | TsShape::Json
                        | TsShape::Array(_)
                        | TsShape::Record(_)
                        | TsShape::Object(_)
                );
                if bare {
                    item.write(out, depth);
                } else {
                    out.push('(');
                    item.write(out, depth);
                    out.push(')');
                }
                out.push_str("[]");
            }
            TsShape::Record(value) => {
                out.push_str("Record<string, ");
                value.write(out, depth);
                out.push('>');
            }
            TsShape::Object(members) => {
                out.push_str("{\n");
                write_members(out, members, depth + 1);
                indent(out, depth);
                out.push('}');
            }
        }
    }

    const fn is_nullable(&self) -> bool {
        matches!(*self, TsShape::Nullable(_) | TsShape::Null)
    }

    /// The widest integer inside (through options, arrays and records), if it can exceed 2^53 - 1.
    fn wide_integer(&self) -> Option<u32> {
        match *self {
            TsShape::WideInteger(bits) => Some(bits),
            TsShape::Nullable(inner) | TsShape::Array(inner) | TsShape::Record(inner) => {
                inner.wide_integer()
            }
            _ => None,
        }
    }

    /// Without its `| null`.
    fn non_null(&self) -> &TsShape {
        match self {
            TsShape::Nullable(inner) => inner.non_null(),
            other => other,
        }
    }
}

/// The text of a `.d.ts` file that declares the global interface `name` with these members, as Clerk's
/// `types/globals.d.ts` declares `CustomJwtSessionClaims`; `header` is written first as `//` comments.
///
/// ```
/// use claims_core::typescript::{global_interface, TsMember, TsMemberType, TsShape};
///
/// const MEMBERS: &[TsMember] = &[TsMember::new("plan", TsMemberType::Known(&TsShape::String)).optional()];
/// assert_eq!(
///     global_interface("CustomJwtSessionClaims", MEMBERS, "generated"),
///     "// generated\nexport {};\n\ndeclare global {\n  interface CustomJwtSessionClaims {\n    plan?: string;\n  }\n}\n"
/// );
/// ```
pub fn global_interface(name: &str, members: &[TsMember], header: &str) -> String {
    let mut out = String::new();
    for line in header.lines() {
        out.push_str("//");
        if !line.is_empty() {
            out.push(' ');
            out.push_str(line);
        }
        out.push('\n');
    }
    let _ = write!(
        out,
        "export {{}};\n\ndeclare global {{\n  interface {name} {{\n"
    );
    write_members(&mut out, members, 2);
    out.push_str("  }\n}\n");
    out
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

/// Each member on its own line at `depth`, after its doc comment.
fn write_members(out: &mut String, members: &[TsMember], depth: usize) {
    for member in members {
        write_doc(out, &member_doc(member), depth);
        indent(out, depth);
        write_name(out, member.name);
        out.push_str(if member.optional { "?: " } else { ": " });
        match member.ty {
            TsMemberType::Known(shape) => shape.write(out, depth),
            TsMemberType::Unknown { .. } => out.push_str("unknown"),
        }
        out.push_str(";\n");
    }
}

/// A member name as an identifier when it is one, else as a string literal.
fn write_name(out: &mut String, name: &str) {
    let mut chars = name.chars();
    let identifier = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    if identifier {
        out.push_str(name);
    } else {
        // A JSON string is a valid TypeScript string literal.
        out.push_str(&serde_json::Value::from(name).to_string());
    }
}

/// The lines of a member's doc comment: the field's docs, then what its bounds and type mean.
fn member_doc(member: &TsMember) -> Vec<String> {
    let mut lines: Vec<String> = member.doc.lines().map(str::to_owned).collect();
    let mut notes = Vec::new();
    let shape = match member.ty {
        TsMemberType::Known(shape) => Some(shape.non_null()),
        TsMemberType::Unknown { why, .. } => {
            notes.push(format!("Declared `unknown`: {why}."));
            None
        }
    };
    let direct_string = matches!(shape, Some(TsShape::String | TsShape::Custom(_)));
    match (member.limits.max_items, member.limits.max_len) {
        (Some(items), len) => {
            let what = if matches!(shape, Some(TsShape::Record(_))) {
                "members"
            } else {
                "items"
            };
            let mut note = format!("At most {items} {what} (`max_items = {items}`)");
            if let Some(len) = len {
                let _ = write!(
                    note,
                    "; each string at most {len} bytes of JSON-escaped text (`max_len = {len}`)"
                );
            }
            notes.push(note + ".");
        }
        (None, Some(len)) if direct_string => notes.push(format!(
            "At most {len} bytes of JSON-escaped text (`max_len = {len}`)."
        )),
        (None, Some(len)) => notes.push(format!(
            "Each string at most {len} bytes of JSON-escaped text (`max_len = {len}`)."
        )),
        (None, None) => {}
    }
    if let Some(max) = member.max_json_len {
        notes.push(format!(
            "At most {max} bytes of compact JSON (`max_json_len = {max}`)."
        ));
    }
    if let Some(bits) = shape.and_then(TsShape::wide_integer) {
        let what = if matches!(shape, Some(TsShape::WideInteger(_))) {
            format!("A {bits}-bit integer")
        } else {
            format!("Holds {bits}-bit integers")
        };
        notes.push(format!(
            "{what}: JSON.parse rounds values beyond Number.MAX_SAFE_INTEGER (2^53 - 1)."
        ));
    }
    if !lines.is_empty() && !notes.is_empty() {
        lines.push(String::new());
    }
    lines.extend(notes);
    lines
}

/// A `JSDoc` comment: `/** line */`, or one ` * ` line each.
fn write_doc(out: &mut String, lines: &[String], depth: usize) {
    // `*/` would end the comment early.
    let safe = |line: &str| line.replace("*/", "*\\/");
    match lines {
        [] => {}
        [line] => {
            indent(out, depth);
            let _ = writeln!(out, "/** {} */", safe(line));
        }
        _ => {
            indent(out, depth);
            out.push_str("/**\n");
            for line in lines {
                indent(out, depth);
                out.push_str(" *");
                if !line.is_empty() {
                    out.push(' ');
                    out.push_str(&safe(line));
                }
                out.push('\n');
            }
            indent(out, depth);
            out.push_str(" */\n");
        }
    }
}

macro_rules! shapes {
    ($($shape:expr => $($ty:ty),*;)*) => {$($(
        impl TsType for $ty {
            const TS: TsShape = $shape;
        }
    )*)*};
}

shapes! {
    TsShape::Number => u8, u16, u32, i8, i16, i32, NonZeroU8, NonZeroU16, NonZeroU32, NonZeroI8,
        NonZeroI16, NonZeroI32, f32, f64;
    TsShape::WideInteger(64) => u64, i64, NonZeroU64, NonZeroI64;
    TsShape::WideInteger(usize::BITS) => usize, isize, NonZeroUsize, NonZeroIsize;
    TsShape::WideInteger(128) => u128, i128, NonZeroU128, NonZeroI128;
    TsShape::String => String, str, Cow<'_, str>, char;
    TsShape::Boolean => bool;
    TsShape::Null => ();
    TsShape::Json => serde_json::Value;
    TsShape::Record(&TsShape::Json) => serde_json::Map<String, serde_json::Value>;
}

impl<T: TsType + ?Sized> TsType for Box<T> {
    const TS: TsShape = T::TS;
}

impl<T: TsType> TsType for Option<T> {
    const TS: TsShape = TsShape::Nullable(&T::TS);
}

macro_rules! sequences {
    ($($ty:ty),*) => {$(
        impl<T: TsType> TsType for $ty {
            const TS: TsShape = TsShape::Array(&T::TS);
        }
    )*};
}

sequences!(Vec<T>, VecDeque<T>, BTreeSet<T>, [T]);

impl<T: TsType, S> TsType for HashSet<T, S> {
    const TS: TsShape = TsShape::Array(&T::TS);
}

impl<T: TsType, const N: usize> TsType for [T; N] {
    const TS: TsShape = TsShape::Array(&T::TS);
}

impl<K, V: TsType> TsType for BTreeMap<K, V> {
    const TS: TsShape = TsShape::Record(&V::TS);
}

impl<K, V: TsType, S> TsType for HashMap<K, V, S> {
    const TS: TsShape = TsShape::Record(&V::TS);
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn known(name: &'static str, shape: &'static TsShape) -> TsMember {
        TsMember::new(name, TsMemberType::Known(shape))
    }

    #[test]
    fn std_types_print_as_serde_writes_them() {
        let table: &[(TsShape, &str)] = &[
            (u8::TS, "number"),
            (i128::TS, "number"),
            (f64::TS, "number"),
            (char::TS, "string"),
            (<()>::TS, "null"),
            (<Option<Option<bool>>>::TS, "boolean | null"),
            (<Option<()>>::TS, "null"),
            (<[Option<u8>; 3]>::TS, "(number | null)[]"),
            (<Vec<Vec<String>>>::TS, "string[][]"),
            (<HashMap<u32, Vec<u8>>>::TS, "Record<string, number[]>"),
            (serde_json::Value::TS, "unknown"),
            (
                <serde_json::Map<String, serde_json::Value>>::TS,
                "Record<string, unknown>",
            ),
            (<Box<str>>::TS, "string"),
            (
                TsShape::Array(&TsShape::Custom("\"a\" | \"b\"")),
                "(\"a\" | \"b\")[]",
            ),
        ];
        for (shape, expected) in table {
            assert_eq!(shape.to_typescript(), *expected, "{shape:?}");
        }
    }

    #[test]
    fn names_that_are_not_identifiers_are_quoted() {
        const MEMBERS: &[TsMember] = &[
            known("full-name", &TsShape::String),
            known("$ok_1", &TsShape::String),
            known("1st", &TsShape::String),
            known("https://example.com/\"x\"", &TsShape::String),
        ];
        assert_eq!(
            TsShape::Object(MEMBERS).to_typescript(),
            "{\n  \"full-name\": string;\n  $ok_1: string;\n  \"1st\": string;\n  \"https://example.com/\\\"x\\\"\": string;\n}"
        );
    }

    #[test]
    fn docs_bounds_and_wide_integers_become_one_comment() {
        const ITEMS: &[TsMember] = &[
            known("ids", &TsShape::Array(&TsShape::WideInteger(64)))
                .with_doc("Tenant ids.\nNewest first; ends with */ on purpose.")
                .with_limits(Limits::new(None, Some(4))),
            known("tags", &TsShape::Record(&TsShape::String))
                .with_limits(Limits::new(Some(8), Some(2))),
            known("nick", &TsShape::Nullable(&TsShape::String))
                .with_limits(Limits::new(Some(16), None)),
            known("aliases", &TsShape::Array(&TsShape::String))
                .with_limits(Limits::new(Some(16), None)),
            known("at", &TsShape::String).with_max_json_len(27),
        ];
        assert_eq!(
            TsShape::Object(ITEMS).to_typescript(),
            "{
  /**
   * Tenant ids.
   * Newest first; ends with *\\/ on purpose.
   *
   * At most 4 items (`max_items = 4`).
   * Holds 64-bit integers: JSON.parse rounds values beyond Number.MAX_SAFE_INTEGER (2^53 - 1).
   */
  ids: number[];
  /** At most 2 members (`max_items = 2`); each string at most 8 bytes of JSON-escaped text (`max_len = 8`). */
  tags: Record<string, string>;
  /** At most 16 bytes of JSON-escaped text (`max_len = 16`). */
  nick: string | null;
  /** Each string at most 16 bytes of JSON-escaped text (`max_len = 16`). */
  aliases: string[];
  /** At most 27 bytes of compact JSON (`max_json_len = 27`). */
  at: string;
}"
        );
    }

    #[test]
    fn nested_objects_indent_and_unknowns_are_found_inside() {
        const ID: TsMember = TsMember::new(
            "id",
            TsMemberType::Unknown {
                why: "the Rust type `Uuid` has no TypeScript type",
                problem: "p",
            },
        );
        const ORG: TsShape = TsShape::Object(&[ID, known("name", &TsShape::String).optional()]);
        const OUTER: TsShape = TsShape::Object(&[known("orgs", &TsShape::Array(&ORG))]);
        const DESCRIBED: TsShape = TsShape::Object(&[known("a", &u8::TS)]);
        assert_eq!(
            OUTER.to_typescript(),
            "{
  orgs: {
    /** Declared `unknown`: the Rust type `Uuid` has no TypeScript type. */
    id: unknown;
    name?: string;
  }[];
}"
        );
        assert_eq!(OUTER.first_unknown(), Some(&ID));
        assert_eq!(DESCRIBED.first_unknown(), None);
    }
}
