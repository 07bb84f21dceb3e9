//! Size bounds of field types: how `#[derive(SessionClaims)]` computes
//! [`SessionClaims::MAX_JSON_LEN`](crate::SessionClaims::MAX_JSON_LEN) and what
//! [`SessionClaims::check_bounds`](crate::SessionClaims::check_bounds) enforces.
//!
//! Every field type the derive can bound implements [`JsonBound`]. Its [`JsonBound::SHAPE`] says what the
//! field's attributes mean for it (a string takes `max_len`, a sequence takes `max_items` and forwards
//! `max_len` to its items, an integer needs neither), and [`JsonShape::max_json_len`] turns a shape and the
//! field's [`Limits`] into the length of the longest compact JSON any value within those limits can take.
//! [`JsonBound::check_bound`] enforces the same limits at run time, so the bound is sound: no value that
//! passes the check serializes longer.
//!
//! ```
//! use claims_core::bound::{JsonBound, JsonShape, Limits};
//!
//! // `#[claims(max_items = 8, max_len = 32)] roles: Vec<String>`: `[` + 8 × (32 + 2 quotes) + 7 commas + `]`
//! let limits = Limits::new(Some(32), Some(8));
//! assert_eq!(<Vec<String>>::SHAPE.max_json_len(limits), Some(281));
//! // integers need no attribute: `u64::MAX` is 20 digits, `i64::MIN` 19 digits and a sign
//! assert_eq!(u64::SHAPE.max_json_len(Limits::NONE), Some(20));
//! assert_eq!(<Option<i64>>::SHAPE.max_json_len(Limits::NONE), Some(20));
//! // a string without `max_len` has no bound
//! assert_eq!(String::SHAPE.max_json_len(Limits::NONE), None);
//!
//! let roles = vec!["admin".to_owned(); 9];
//! let err = roles.check_bound(limits).unwrap_err();
//! assert_eq!(err.to_string(), "field `` has 9 items, over its bound `max_items = 8` by 1; shorten the value or raise the bound");
//! ```
//!
//! # Bounding your own types
//!
//! Three ways, from the least to the most work:
//!
//! - `#[claims(max_json_len = N)]` on the field bounds a field of *any* serializable type, including foreign
//!   ones like `uuid::Uuid` or a `chrono::DateTime`: the bound is `N` bytes of compact JSON, and
//!   `check_bounds` measures the value exactly (by serializing it into a counter) and refuses a longer one.
//! - A struct that derives `SessionClaims` is already a bounded type: nest it as a field and its
//!   `MAX_JSON_LEN` joins the parent's, its `check_bounds` runs with the field path as prefix (`org.name`).
//! - Implement [`JsonBound`] for your own type. Declare the longest JSON with [`JsonShape::Fixed`] (or
//!   [`JsonShape::Str`] for a string-like type that should take `max_len`); the provided
//!   [`JsonBound::check_bound`] measures the value against that bound at run time, so a wrong declaration
//!   is caught by `check_bounds` instead of producing an unsound bound. Override it when a cheaper exact
//!   check exists.
//!
//! ```
//! use claims_core::bound::{JsonBound, JsonShape, Limits};
//!
//! /// A UUID kept as text, always hyphenated: 36 characters and two quotes.
//! #[derive(serde::Serialize)]
//! struct UserId(String);
//!
//! impl JsonBound for UserId {
//!     const SHAPE: JsonShape = JsonShape::Fixed(38);
//! }
//!
//! assert_eq!(UserId::SHAPE.max_json_len(Limits::NONE), Some(38));
//! assert!(UserId("67e55044-10b1-426f-9247-bb680e5fe0c8".into()).check_bound(Limits::NONE).is_ok());
//! // A value that breaks the declaration is refused, naming the bound and the size.
//! let err = UserId("not a uuid, and far too long to be one".into()).check_bound(Limits::NONE).unwrap_err();
//! assert!(err.to_string().contains("`max_json_len = 38`"));
//! ```

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::hash::BuildHasher;
use std::num::{
    NonZeroI8, NonZeroI16, NonZeroI32, NonZeroI64, NonZeroI128, NonZeroIsize, NonZeroU8,
    NonZeroU16, NonZeroU32, NonZeroU64, NonZeroU128, NonZeroUsize,
};

use serde::Serialize;

use crate::error::{BoundKind, ClaimsError};
use crate::measure::escaped_str;
use crate::size::{array_json_len, json_len};

/// The bounds declared on one field: `#[claims(max_len = N)]` and `#[claims(max_items = N)]`.
///
/// ```
/// use claims_core::bound::Limits;
///
/// let roles = Limits::new(Some(32), Some(8));
/// assert_eq!(roles.max_len, Some(32));
/// // The items of a sequence keep `max_len` but not `max_items`.
/// assert_eq!(roles.for_items(), Limits::new(Some(32), None));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Limits {
    /// Bytes of JSON-escaped string content (quotes excluded), per string.
    pub max_len: Option<usize>,
    /// Items of the outermost sequence, set or map.
    pub max_items: Option<usize>,
}

impl Limits {
    /// No declared bound.
    ///
    /// ```
    /// # use claims_core::bound::Limits;
    /// assert_eq!(Limits::NONE, Limits::default());
    /// ```
    pub const NONE: Limits = Limits {
        max_len: None,
        max_items: None,
    };

    /// The limits `max_len` and `max_items`.
    ///
    /// ```
    /// # use claims_core::bound::Limits;
    /// assert_eq!(Limits::new(Some(64), None).max_len, Some(64));
    /// ```
    pub const fn new(max_len: Option<usize>, max_items: Option<usize>) -> Self {
        Limits { max_len, max_items }
    }

    /// The limits that apply to each item of a sequence (or key and value of a map): `max_len` only.
    ///
    /// ```
    /// # use claims_core::bound::Limits;
    /// assert_eq!(Limits::new(Some(3), Some(4)).for_items(), Limits::new(Some(3), None));
    /// ```
    #[must_use]
    pub const fn for_items(self) -> Self {
        Limits {
            max_len: self.max_len,
            max_items: None,
        }
    }
}

/// What a type's compact JSON looks like, as far as its length goes.
///
/// ```
/// use claims_core::bound::{JsonShape, Limits};
///
/// const TAGS: JsonShape = JsonShape::Seq(&JsonShape::Str);
/// assert_eq!(TAGS.max_json_len(Limits::new(Some(1), Some(2))), Some(9)); // ["a","b"]
/// assert!(TAGS.takes_max_len() && TAGS.takes_max_items());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JsonShape {
    /// At most this many bytes whatever the field's attributes: numbers, `bool`, `char`, nested claims.
    Fixed(usize),
    /// No bound is known.
    Unbounded,
    /// A JSON string: two quotes and at most `max_len` bytes of escaped content.
    Str,
    /// `null` or the inner shape (an `Option`).
    Option(&'static JsonShape),
    /// An array of at most `max_items` items of the inner shape (a `Vec`, a set); items get `max_len`.
    Seq(&'static JsonShape),
    /// An array of exactly this many items of the inner shape (`[T; N]`); items get `max_len`.
    Array(&'static JsonShape, usize),
    /// An object of at most `max_items` members with keys and values of these shapes; both get
    /// `max_len`. A key that is not a string is written quoted, so it counts two more bytes.
    Map(&'static JsonShape, &'static JsonShape),
}

impl JsonShape {
    /// The length of the longest compact JSON a value of this shape within `limits` can take, or `None`
    /// when the limits leave it unbounded (or the bound does not fit a `usize`).
    ///
    /// ```
    /// use claims_core::bound::{JsonShape, Limits};
    ///
    /// assert_eq!(JsonShape::Str.max_json_len(Limits::new(Some(10), None)), Some(12));
    /// assert_eq!(JsonShape::Option(&JsonShape::Fixed(1)).max_json_len(Limits::NONE), Some(4)); // null
    /// assert_eq!(JsonShape::Array(&JsonShape::Fixed(3), 0).max_json_len(Limits::NONE), Some(2)); // []
    /// assert_eq!(JsonShape::Map(&JsonShape::Str, &JsonShape::Fixed(5)).max_json_len(Limits::new(Some(2), Some(1))), Some(12)); // {"ab":false}
    /// ```
    pub const fn max_json_len(&self, limits: Limits) -> Option<usize> {
        match *self {
            JsonShape::Fixed(n) => Some(n),
            JsonShape::Unbounded => None,
            // written out rather than `checked_add`: the const evaluator runs this for every bounded
            // string field of every derived struct
            JsonShape::Str => match limits.max_len {
                Some(len) if len <= usize::MAX - 2 => Some(len + 2),
                _ => None,
            },
            JsonShape::Option(inner) => match inner.max_json_len(limits) {
                Some(n) if n > 4 => Some(n),
                Some(_) => Some(4),
                None => None,
            },
            JsonShape::Seq(item) => match (limits.max_items, item.max_json_len(limits.for_items()))
            {
                (Some(items), Some(each)) => array_json_len(items, each),
                _ => None,
            },
            JsonShape::Array(item, items) => match item.max_json_len(limits.for_items()) {
                Some(each) => array_json_len(items, each),
                None => None,
            },
            JsonShape::Map(key, value) => {
                let key = match *key {
                    JsonShape::Str => key.max_json_len(limits.for_items()),
                    _ => match key.max_json_len(limits.for_items()) {
                        Some(n) => n.checked_add(2),
                        None => None,
                    },
                };
                match (
                    limits.max_items,
                    key,
                    value.max_json_len(limits.for_items()),
                ) {
                    (Some(items), Some(key), Some(value)) => match key.checked_add(value) {
                        Some(pair) => match pair.checked_add(1) {
                            Some(member) => array_json_len(items, member),
                            None => None,
                        },
                        None => None,
                    },
                    _ => None,
                }
            }
        }
    }

    /// Whether `max_len` means something for this shape: a string, or strings inside it.
    ///
    /// ```
    /// # use claims_core::bound::JsonShape;
    /// assert!(JsonShape::Option(&JsonShape::Seq(&JsonShape::Str)).takes_max_len());
    /// assert!(!JsonShape::Fixed(20).takes_max_len());
    /// ```
    pub const fn takes_max_len(&self) -> bool {
        match *self {
            JsonShape::Str => true,
            JsonShape::Fixed(_) | JsonShape::Unbounded => false,
            JsonShape::Option(inner) | JsonShape::Seq(inner) | JsonShape::Array(inner, _) => {
                inner.takes_max_len()
            }
            JsonShape::Map(key, value) => key.takes_max_len() || value.takes_max_len(),
        }
    }

    /// Whether `max_items` means something for this shape: a sequence, set or map (maybe in an `Option`).
    ///
    /// ```
    /// # use claims_core::bound::JsonShape;
    /// assert!(JsonShape::Option(&JsonShape::Seq(&JsonShape::Fixed(1))).takes_max_items());
    /// assert!(!JsonShape::Array(&JsonShape::Fixed(1), 3).takes_max_items());
    /// ```
    pub const fn takes_max_items(&self) -> bool {
        match *self {
            JsonShape::Seq(_) | JsonShape::Map(..) => true,
            JsonShape::Option(inner) => inner.takes_max_items(),
            _ => false,
        }
    }
}

/// A type whose compact JSON length can be bounded: a field type of `#[derive(SessionClaims)]`.
///
/// Implemented here for integers (including `NonZero*`), `f32`, `f64`, `bool`, `char`, `()`, `String`,
/// `Box<str>`, `Cow<'static, str>`, `Box<T>`, `Option<T>`, `Vec<T>`, `VecDeque<T>`, `[T; N]`,
/// `BTreeSet<T>`, `HashSet<T>`, `BTreeMap<K, V>`, `HashMap<K, V>`, and `serde_json::Value` / `Map`
/// (unbounded); the derive implements it for every struct it derives. See the [module docs](self) for
/// bounding your own types.
///
/// ```
/// use claims_core::bound::{JsonBound, JsonShape, Limits};
/// use claims_core::{BoundKind, ClaimsError};
///
/// assert_eq!(i8::SHAPE, JsonShape::Fixed(4)); // "-128"
/// assert_eq!(f64::SHAPE, JsonShape::Fixed(24)); // "-1.7976931348623157e+308"
/// assert_eq!("é".to_owned().check_bound(Limits::new(Some(2), None)), Ok(())); // 2 bytes of UTF-8
/// assert_eq!(
///     "\n\n".to_owned().check_bound(Limits::new(Some(3), None)), // 4 bytes escaped
///     Err(ClaimsError::BoundExceeded { field: String::new(), bound: BoundKind::MaxLen, limit: 3, actual: 4 })
/// );
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no JSON size bound",
    label = "a field of this type needs a bound",
    note = "implement `claims_core::bound::JsonBound` for it, or bound the field with #[claims(max_json_len = N)]"
)]
pub trait JsonBound: Serialize {
    /// What the type's JSON looks like, for [`JsonShape::max_json_len`].
    const SHAPE: JsonShape;

    /// Checks this value against `limits` (and the type's own bound); the error's `field` is the path
    /// *inside* the value (empty for the value itself, `[2]` for an item, `name` for a member), which the
    /// caller prefixes with the field's name.
    ///
    /// The provided method measures the value's compact JSON exactly and compares it with
    /// `Self::SHAPE.max_json_len(limits)`, reporting [`BoundKind::MaxJsonLen`]; so a type that declares a
    /// shape never exceeds its bound once checked, even if the declaration is wrong.
    ///
    /// ```
    /// use claims_core::bound::{JsonBound, JsonShape, Limits};
    /// use claims_core::{BoundKind, ClaimsError};
    ///
    /// #[derive(serde::Serialize)]
    /// struct Code(u32);
    /// impl JsonBound for Code {
    ///     const SHAPE: JsonShape = JsonShape::Fixed(4); // wrong: a u32 can take 10 bytes
    /// }
    /// assert_eq!(Code(9999).check_bound(Limits::NONE), Ok(()));
    /// assert_eq!(
    ///     Code(10_000).check_bound(Limits::NONE),
    ///     Err(ClaimsError::BoundExceeded { field: String::new(), bound: BoundKind::MaxJsonLen, limit: 4, actual: 5 })
    /// );
    /// ```
    fn check_bound(&self, limits: Limits) -> Result<(), ClaimsError> {
        match Self::SHAPE.max_json_len(limits) {
            Some(limit) => check_json_len(self, limit),
            None => Ok(()),
        }
    }
}

/// Measures `value`'s compact JSON and refuses it, with [`BoundKind::MaxJsonLen`], when it is longer
/// than `limit` bytes: the check behind `#[claims(max_json_len = N)]`.
///
/// ```
/// use claims_core::bound::check_json_len;
/// use claims_core::{BoundKind, ClaimsError};
///
/// assert_eq!(check_json_len(&[1, 2, 3], 7), Ok(())); // [1,2,3]
/// assert_eq!(
///     check_json_len(&[1, 2, 3], 6),
///     Err(ClaimsError::BoundExceeded { field: String::new(), bound: BoundKind::MaxJsonLen, limit: 6, actual: 7 })
/// );
/// ```
pub fn check_json_len<T: Serialize + ?Sized>(value: &T, limit: usize) -> Result<(), ClaimsError> {
    let actual = json_len(value)?;
    if actual > limit {
        Err(exceeded(BoundKind::MaxJsonLen, limit, actual))
    } else {
        Ok(())
    }
}

fn exceeded(bound: BoundKind, limit: usize, actual: usize) -> ClaimsError {
    ClaimsError::BoundExceeded {
        field: String::new(),
        bound,
        limit,
        actual,
    }
}

/// Prefixes the path of a [`ClaimsError::BoundExceeded`] with `head` (a member name, or `[i]` for an
/// item): `org` and `name` make `org.name`, `roles` and `[2]` make `roles[2]`. Other errors pass through.
///
/// ```
/// use claims_core::bound::within;
/// use claims_core::{BoundKind, ClaimsError};
///
/// let inner = ClaimsError::BoundExceeded { field: "[2]".into(), bound: BoundKind::MaxLen, limit: 3, actual: 4 };
/// let ClaimsError::BoundExceeded { field, .. } = within(inner, "roles") else { unreachable!() };
/// assert_eq!(field, "roles[2]");
/// ```
pub fn within(err: ClaimsError, head: &str) -> ClaimsError {
    match err {
        ClaimsError::BoundExceeded {
            field,
            bound,
            limit,
            actual,
        } => {
            let field = if field.is_empty() {
                head.to_owned()
            } else if field.starts_with('[') {
                format!("{head}{field}")
            } else {
                format!("{head}.{field}")
            };
            ClaimsError::BoundExceeded {
                field,
                bound,
                limit,
                actual,
            }
        }
        other => other,
    }
}

fn check_str(s: &str, limits: Limits) -> Result<(), ClaimsError> {
    match limits.max_len {
        Some(limit) => {
            let actual = escaped_str(s.as_bytes()).0;
            if actual > limit {
                Err(exceeded(BoundKind::MaxLen, limit, actual))
            } else {
                Ok(())
            }
        }
        None => Ok(()),
    }
}

fn check_items<'a, T: JsonBound + 'a>(
    len: usize,
    items: impl IntoIterator<Item = &'a T>,
    limits: Limits,
) -> Result<(), ClaimsError> {
    if let Some(limit) = limits.max_items
        && len > limit
    {
        return Err(exceeded(BoundKind::MaxItems, limit, len));
    }
    for (i, item) in items.into_iter().enumerate() {
        item.check_bound(limits.for_items())
            .map_err(|err| within(err, &format!("[{i}]")))?;
    }
    Ok(())
}

fn check_members<'a, K: JsonBound + ToString + 'a, V: JsonBound + 'a>(
    len: usize,
    members: impl IntoIterator<Item = (&'a K, &'a V)>,
    limits: Limits,
) -> Result<(), ClaimsError> {
    if let Some(limit) = limits.max_items
        && len > limit
    {
        return Err(exceeded(BoundKind::MaxItems, limit, len));
    }
    for (key, value) in members {
        key.check_bound(limits.for_items())
            .and_then(|()| value.check_bound(limits.for_items()))
            .map_err(|err| within(err, &key.to_string()))?;
    }
    Ok(())
}

/// Decimal digits of `n`.
const fn digits(mut n: u128) -> usize {
    let mut count = 1;
    while n >= 10 {
        n /= 10;
        count += 1;
    }
    count
}

macro_rules! fixed {
    ($($ty:ty => $len:expr),* $(,)?) => {$(
        impl JsonBound for $ty {
            const SHAPE: JsonShape = JsonShape::Fixed($len);
            fn check_bound(&self, _limits: Limits) -> Result<(), ClaimsError> {
                Ok(())
            }
        }
    )*};
}

macro_rules! integers {
    ($($unsigned:ty, $signed:ty, $nonzero_unsigned:ty, $nonzero_signed:ty;)*) => {$(
        fixed! {
            $unsigned => digits(<$unsigned>::MAX as u128),
            $nonzero_unsigned => digits(<$unsigned>::MAX as u128),
            // the sign and the digits of the most negative value
            $signed => 1 + digits(<$signed>::MIN.unsigned_abs() as u128),
            $nonzero_signed => 1 + digits(<$signed>::MIN.unsigned_abs() as u128),
        }
    )*};
}

integers! {
    u8, i8, NonZeroU8, NonZeroI8;
    u16, i16, NonZeroU16, NonZeroI16;
    u32, i32, NonZeroU32, NonZeroI32;
    u64, i64, NonZeroU64, NonZeroI64;
    u128, i128, NonZeroU128, NonZeroI128;
    usize, isize, NonZeroUsize, NonZeroIsize;
}

fixed! {
    // serde_json's shortest round-trip output: a sign, 17 significant digits, a point, `e+308` (24), e.g.
    // `-1.7976931348623157e+308`; non-finite values are written as `null` (4).
    f64 => 24,
    // a sign, up to 8 significant digits written out in full with their zeros, e.g. `-0.0000012345679` (16).
    f32 => 16,
    bool => 5,
    // `"\u001f"`: a control character is escaped to six bytes, plus the quotes.
    char => 8,
    () => 4,
}

macro_rules! string_like {
    ($($ty:ty),* $(,)?) => {$(
        impl JsonBound for $ty {
            const SHAPE: JsonShape = JsonShape::Str;
            fn check_bound(&self, limits: Limits) -> Result<(), ClaimsError> {
                check_str(self, limits)
            }
        }
    )*};
}

string_like!(String, Box<str>, Cow<'static, str>);

impl JsonBound for serde_json::Value {
    const SHAPE: JsonShape = JsonShape::Unbounded;
    fn check_bound(&self, _limits: Limits) -> Result<(), ClaimsError> {
        Ok(())
    }
}

impl JsonBound for serde_json::Map<String, serde_json::Value> {
    const SHAPE: JsonShape = JsonShape::Unbounded;
    fn check_bound(&self, _limits: Limits) -> Result<(), ClaimsError> {
        Ok(())
    }
}

impl<T: JsonBound> JsonBound for Box<T> {
    const SHAPE: JsonShape = T::SHAPE;
    fn check_bound(&self, limits: Limits) -> Result<(), ClaimsError> {
        T::check_bound(self, limits)
    }
}

impl<T: JsonBound> JsonBound for Option<T> {
    const SHAPE: JsonShape = JsonShape::Option(&T::SHAPE);
    fn check_bound(&self, limits: Limits) -> Result<(), ClaimsError> {
        match self {
            Some(value) => value.check_bound(limits),
            None => Ok(()),
        }
    }
}

impl<T: JsonBound> JsonBound for Vec<T> {
    const SHAPE: JsonShape = JsonShape::Seq(&T::SHAPE);
    fn check_bound(&self, limits: Limits) -> Result<(), ClaimsError> {
        check_items(self.len(), self, limits)
    }
}

impl<T: JsonBound> JsonBound for VecDeque<T> {
    const SHAPE: JsonShape = JsonShape::Seq(&T::SHAPE);
    fn check_bound(&self, limits: Limits) -> Result<(), ClaimsError> {
        check_items(self.len(), self, limits)
    }
}

impl<T: JsonBound> JsonBound for BTreeSet<T> {
    const SHAPE: JsonShape = JsonShape::Seq(&T::SHAPE);
    fn check_bound(&self, limits: Limits) -> Result<(), ClaimsError> {
        check_items(self.len(), self, limits)
    }
}

impl<T: JsonBound, S: BuildHasher> JsonBound for HashSet<T, S> {
    const SHAPE: JsonShape = JsonShape::Seq(&T::SHAPE);
    fn check_bound(&self, limits: Limits) -> Result<(), ClaimsError> {
        check_items(self.len(), self, limits)
    }
}

impl<T: JsonBound, const N: usize> JsonBound for [T; N]
where
    [T; N]: Serialize,
{
    const SHAPE: JsonShape = JsonShape::Array(&T::SHAPE, N);
    fn check_bound(&self, limits: Limits) -> Result<(), ClaimsError> {
        // The length is fixed, so only the items' own limits are checked.
        check_items(N, self, limits.for_items())
    }
}

impl<K: JsonBound + ToString, V: JsonBound> JsonBound for BTreeMap<K, V> {
    const SHAPE: JsonShape = JsonShape::Map(&K::SHAPE, &V::SHAPE);
    fn check_bound(&self, limits: Limits) -> Result<(), ClaimsError> {
        check_members(self.len(), self, limits)
    }
}

impl<K: JsonBound + ToString, V: JsonBound, S: BuildHasher> JsonBound for HashMap<K, V, S> {
    const SHAPE: JsonShape = JsonShape::Map(&K::SHAPE, &V::SHAPE);
    fn check_bound(&self, limits: Limits) -> Result<(), ClaimsError> {
        check_members(self.len(), self, limits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn len<T: Serialize + ?Sized>(value: &T) -> usize {
        serde_json::to_vec(value).unwrap().len()
    }

    #[test]
    fn integer_bounds_are_reached() {
        assert_eq!(u8::SHAPE, JsonShape::Fixed(len(&u8::MAX)));
        assert_eq!(i8::SHAPE, JsonShape::Fixed(len(&i8::MIN)));
        assert_eq!(i16::SHAPE, JsonShape::Fixed(len(&i16::MIN)));
        assert_eq!(u16::SHAPE, JsonShape::Fixed(len(&u16::MAX)));
        assert_eq!(i32::SHAPE, JsonShape::Fixed(len(&i32::MIN)));
        assert_eq!(u32::SHAPE, JsonShape::Fixed(len(&u32::MAX)));
        assert_eq!(i64::SHAPE, JsonShape::Fixed(len(&i64::MIN)));
        assert_eq!(u64::SHAPE, JsonShape::Fixed(len(&u64::MAX)));
        assert_eq!(i128::SHAPE, JsonShape::Fixed(len(&i128::MIN)));
        assert_eq!(u128::SHAPE, JsonShape::Fixed(len(&u128::MAX)));
        assert_eq!(isize::SHAPE, JsonShape::Fixed(len(&isize::MIN)));
        assert_eq!(usize::SHAPE, JsonShape::Fixed(len(&usize::MAX)));
        assert_eq!(NonZeroI64::SHAPE, JsonShape::Fixed(len(&NonZeroI64::MIN)));
    }

    #[test]
    fn float_char_bool_bounds_are_reached() {
        assert_eq!(f64::SHAPE, JsonShape::Fixed(len(&f64::MIN)));
        assert_eq!(f32::SHAPE, JsonShape::Fixed(len(&-1.234_567_9e-6_f32)));
        assert_eq!(len(&f64::NAN), 4);
        assert_eq!(char::SHAPE, JsonShape::Fixed(len(&'\u{1f}')));
        assert_eq!(bool::SHAPE, JsonShape::Fixed(len(&false)));
    }

    #[test]
    fn paths_name_items_and_members() {
        let mut map = BTreeMap::new();
        map.insert(
            "adm".to_owned(),
            vec!["ok".to_owned(), "too long".to_owned()],
        );
        let err = map.check_bound(Limits::new(Some(4), Some(1))).unwrap_err();
        assert_eq!(
            within(err, "perms"),
            ClaimsError::BoundExceeded {
                field: "perms.adm[1]".into(),
                bound: BoundKind::MaxLen,
                limit: 4,
                actual: 8
            }
        );
    }

    #[test]
    fn overflowing_bounds_are_unbounded() {
        let limits = Limits::new(Some(usize::MAX), Some(2));
        assert_eq!(<Vec<String>>::SHAPE.max_json_len(limits), None);
        assert_eq!(
            JsonShape::Seq(&JsonShape::Fixed(usize::MAX / 2))
                .max_json_len(Limits::new(None, Some(3))),
            None
        );
    }
}
