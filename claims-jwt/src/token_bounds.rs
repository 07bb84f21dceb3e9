//! What every layout's bounds share: [`TokenBounds`] (the registered claims' bounds and a layout's own,
//! with their largest JSON), the [`BoundedLayout`] trait that gives each layout its bounds and checks its
//! claims against them, the generic bound shapes ([`Strings`], [`Values`], [`ObjectBound`]) and the
//! checks behind [`Error::LayoutBound`]. The provider layouts' own bounds are in `clerk_bounds` and
//! `stytch_bounds`; all of them are public through [`crate::bounds`].

use std::fmt;

use claims_core::BoundKind;
use claims_core::bound::{JsonBound, JsonShape};
use claims_core::size::{
    array_json_len, escaped_len, json_len, member_json_len, merged_object_len,
};
use serde::Serialize;
use serde::ser::SerializeMap;
use serde_json::Value;

use crate::{Error, Generic, Layout};

/// A list of strings: at most `items` of them, each at most `max_len` bytes of JSON-escaped text.
///
/// ```
/// use claims_jwt::bounds::Strings;
/// assert_eq!(Strings { items: 2, max_len: 3 }.max_json_len(), r#"["abc","def"]"#.len());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Strings {
    /// The most strings.
    pub items: usize,
    /// The most bytes of each, JSON-escaped, quotes excluded.
    pub max_len: usize,
}

impl Strings {
    /// Bytes of the largest JSON array within these bounds (saturating).
    ///
    /// ```
    /// # use claims_jwt::bounds::Strings;
    /// assert_eq!(Strings { items: 0, max_len: 9 }.max_json_len(), 2);
    /// ```
    pub const fn max_json_len(self) -> usize {
        saturated(array_json_len(self.items, self.max_len.saturating_add(2)))
    }
}

/// A list of JSON values of any shape: at most `items` of them, each at most `max_json_len` bytes of
/// compact JSON.
///
/// ```
/// use claims_jwt::bounds::Values;
/// assert_eq!(Values { items: 2, max_json_len: 7 }.max_json_len(), r#"[{"a":1},{"b":2}]"#.len());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Values {
    /// The most values.
    pub items: usize,
    /// The most bytes of each value's compact JSON.
    pub max_json_len: usize,
}

impl Values {
    /// Bytes of the largest JSON array within these bounds (saturating).
    ///
    /// ```
    /// # use claims_jwt::bounds::Values;
    /// assert_eq!(Values { items: 1, max_json_len: 4 }.max_json_len(), "[null]".len());
    /// ```
    pub const fn max_json_len(self) -> usize {
        saturated(array_json_len(self.items, self.max_json_len))
    }
}

/// Bounds of the registered claims a minter writes. A string bound is in bytes of JSON-escaped text
/// (quotes excluded); `None` says the claim is never written, and minting one is refused.
///
/// ```
/// use claims_jwt::bounds::RegisteredBounds;
///
/// // {"exp":1700000060,"nbf":1700000000,"iat":1700000000}: times are always written
/// let times_only = RegisteredBounds { iss: None, sub: None, aud: None, jti: None, time_digits: 10 };
/// assert_eq!(times_only.max_json_len(), 52);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RegisteredBounds {
    /// `iss`, the issuer.
    pub iss: Option<usize>,
    /// `sub`, the subject.
    pub sub: Option<usize>,
    /// `aud`: one audience or an array of them (one string counts as one item).
    pub aud: Option<Strings>,
    /// `jti`, the token id.
    pub jti: Option<usize>,
    /// Digits of each of `exp`, `nbf` and `iat`: 10 until 2286-11-20; a `u64` has at most 20.
    pub time_digits: usize,
}

impl RegisteredBounds {
    /// For [`crate::Generic`]: `iss` up to 128 bytes (a URL), `sub` 64, `aud` up to 4 audiences of 64,
    /// `jti` 64, times of 10 digits.
    ///
    /// ```
    /// # use claims_jwt::bounds::RegisteredBounds;
    /// assert_eq!(RegisteredBounds::DEFAULT.max_json_len(), 611);
    /// ```
    pub const DEFAULT: RegisteredBounds = RegisteredBounds {
        iss: Some(128),
        sub: Some(64),
        aud: Some(Strings {
            items: 4,
            max_len: 64,
        }),
        jti: Some(64),
        time_digits: 10,
    };

    /// Bytes of the largest JSON object of these claims, as a minter writes them.
    ///
    /// ```
    /// # use claims_jwt::bounds::RegisteredBounds;
    /// let bounds = RegisteredBounds { iss: None, sub: Some(6), aud: None, jti: None, time_digits: 1 };
    /// assert_eq!(bounds.max_json_len(), r#"{"sub":"user_1","exp":1,"nbf":1,"iat":1}"#.len());
    /// ```
    pub const fn max_json_len(&self) -> usize {
        let time = number_len(self.time_digits, u64::SHAPE);
        let object = Object::EMPTY
            .member("iss", string_len(self.iss))
            .member("sub", string_len(self.sub))
            .member(
                "aud",
                match self.aud {
                    Some(aud) => Some(aud.max_json_len()),
                    None => None,
                },
            )
            .member("exp", Some(time))
            .member("nbf", Some(time))
            .member("iat", Some(time))
            .member("jti", string_len(self.jti));
        object.len
    }

    /// Refuses registered claims outside these bounds; `aud` is the number of audiences and the audiences,
    /// `times` are `exp`, `nbf`, `iat`.
    pub(crate) fn check<'a>(
        &self,
        iss: Option<&str>,
        sub: Option<&str>,
        aud: Option<(usize, impl Iterator<Item = &'a str>)>,
        times: [u64; 3],
        jti: Option<&str>,
    ) -> Result<(), Error> {
        check_str(iss, self.iss, || "iss".into())?;
        check_str(sub, self.sub, || "sub".into())?;
        if let Some((items, aud)) = aud {
            check_strings(items, aud, self.aud, || "aud".into())?;
        }
        for (name, time) in ["exp", "nbf", "iat"].into_iter().zip(times) {
            check_number(
                u128::from(time).try_into().unwrap_or(i128::MAX),
                Some(self.time_digits),
                || name.into(),
            )?;
        }
        check_str(jti, self.jti, || "jti".into())
    }
}

/// A [`Layout`] whose claims have declared bounds: [`crate::Minter::mint`] refuses a value outside them,
/// and a [`crate::CookieProof`] counts their largest JSON.
///
/// Implemented for [`Generic`] (no claims), [`crate::Clerk`] and [`crate::Stytch`]. A layout written
/// outside this crate can bound its claims as a whole with [`ObjectBound`]:
///
/// ```
/// use claims_jwt::bounds::{check_object_bound, BoundedLayout, ObjectBound, RegisteredBounds, TokenBounds};
/// use claims_jwt::{Error, Layout};
/// # use claims_jwt::claims_core::{Profile, ReservedNames};
/// # #[derive(Debug, Clone, Default)]
/// # struct Supabase { role: Option<String> }
/// # impl Layout for Supabase {
/// #     const NAME: &'static str = "supabase";
/// #     type Profile = claims_jwt::claims_core::profile::Supabase;
/// #     const RESERVED: ReservedNames<'static> = ReservedNames::from_profiles(&[&Profile::SUPABASE]);
/// #     claims_jwt::layout_claims!(role);
/// # }
///
/// impl BoundedLayout for Supabase {
///     type Bounds = ObjectBound;
///     // {"role":"authenticated"}, or any other role of up to 24 bytes
///     const BOUNDS: TokenBounds<ObjectBound> =
///         TokenBounds::object(RegisteredBounds::DEFAULT, ObjectBound { max_json_len: 35 });
///
///     fn check_bounds(&self, bounds: &ObjectBound) -> Result<(), Error> {
///         check_object_bound(self, bounds)
///     }
/// }
///
/// let admin = Supabase { role: Some("service_role_with_a_long_name".into()) };
/// assert!(matches!(admin.check_bounds(&ObjectBound { max_json_len: 35 }), Err(Error::LayoutBound { .. })));
/// ```
#[diagnostic::on_unimplemented(
    message = "layout `{Self}` declares no bounds for its claims, so it can't be minted or proved",
    label = "a minter and a cookie proof need the largest JSON of the layout's claims",
    note = "implement `claims_jwt::BoundedLayout` for `{Self}`; `ObjectBound` bounds its claims as a whole"
)]
pub trait BoundedLayout: Layout {
    /// The bounds of the layout's own claims: [`crate::bounds::ClerkBounds`],
    /// [`crate::bounds::StytchBounds`], [`ObjectBound`].
    type Bounds: Copy + fmt::Debug + PartialEq + Send + Sync + 'static;

    /// The documented defaults: the bounds a minter enforces and a proof counts unless given others.
    const BOUNDS: TokenBounds<Self::Bounds>;

    /// Refuses claims outside `bounds`, with [`Error::LayoutBound`] naming the claim.
    fn check_bounds(&self, bounds: &Self::Bounds) -> Result<(), Error>;
}

impl BoundedLayout for Generic {
    type Bounds = ObjectBound;
    const BOUNDS: TokenBounds<ObjectBound> =
        TokenBounds::object(RegisteredBounds::DEFAULT, ObjectBound::EMPTY);

    fn check_bounds(&self, bounds: &ObjectBound) -> Result<(), Error> {
        check_object_bound(self, bounds)
    }
}

/// Measures what `layout` writes, as one JSON object, and refuses it when it is longer than `bound`.
///
/// ```
/// use claims_jwt::bounds::{check_object_bound, ObjectBound};
/// use claims_jwt::{Clerk, Error};
///
/// let clerk = Clerk { sid: Some("sess_1".into()), ..Clerk::default() };
/// assert_eq!(check_object_bound(&clerk, &ObjectBound { max_json_len: 16 }), Ok(())); // {"sid":"sess_1"}
/// assert!(matches!(check_object_bound(&clerk, &ObjectBound { max_json_len: 15 }), Err(Error::LayoutBound { actual: 16, .. })));
/// ```
pub fn check_object_bound<L: Layout>(layout: &L, bound: &ObjectBound) -> Result<(), Error> {
    /// The layout's claims as a JSON object of their own.
    struct Claims<'a, L>(&'a L);
    impl<L: Layout> Serialize for Claims<'_, L> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut map = serializer.serialize_map(None)?;
            self.0.serialize_claims(&mut map)?;
            map.end()
        }
    }
    check_json(&Claims(layout), Some(bound.max_json_len), || {
        format!("{} claims", L::NAME)
    })
}

/// A bound on a layout's claims as a whole: their JSON object takes at most `max_json_len` bytes. For
/// layouts without claims ([`crate::Generic`]: [`ObjectBound::EMPTY`]) and for layouts written outside
/// this crate, checked by measuring what the layout writes ([`check_object_bound`]).
///
/// ```
/// use claims_jwt::bounds::ObjectBound;
/// assert_eq!(ObjectBound::EMPTY.max_json_len, "{}".len());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ObjectBound {
    /// The most bytes of the compact JSON object of the layout's claims.
    pub max_json_len: usize,
}

impl ObjectBound {
    /// No claims at all.
    ///
    /// ```
    /// # use claims_jwt::bounds::ObjectBound;
    /// assert_eq!(ObjectBound::EMPTY, ObjectBound { max_json_len: 2 });
    /// ```
    pub const EMPTY: ObjectBound = ObjectBound { max_json_len: 2 };
}

/// The bounds of every claim a minter of one layout writes beside the custom claims: the registered
/// claims and the layout's own (`B`: [`crate::bounds::ClerkBounds`], [`crate::bounds::StytchBounds`], [`ObjectBound`]), with the largest
/// JSON of each.
///
/// Start from a layout's [`BoundedLayout::BOUNDS`] and change what differs; give the result to a
/// [`crate::CookieProof`] and to the [`crate::Minter`] (or let [`crate::Minter::with_proof`] take it from
/// the proof).
///
/// ```
/// use claims_jwt::bounds::{RegisteredBounds, StytchBounds};
/// use claims_jwt::{BoundedLayout, Stytch, TokenBounds};
///
/// const BOUNDS: TokenBounds<StytchBounds> = Stytch::BOUNDS.with_layout(StytchBounds { organization: None, ..StytchBounds::DEFAULT });
/// assert_eq!(BOUNDS.registered(), &RegisteredBounds::STYTCH);
/// assert_eq!(BOUNDS.layout_json_len(), BOUNDS.layout().max_json_len());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TokenBounds<B> {
    pub(crate) registered: RegisteredBounds,
    pub(crate) layout: B,
    /// `layout.max_json_len()`, kept so that generic code (a proof over any layout) can read it in `const`.
    pub(crate) layout_json_len: usize,
}

impl<B: Copy> TokenBounds<B> {
    /// The registered claims' bounds.
    ///
    /// ```
    /// # use claims_jwt::{bounds::RegisteredBounds, Clerk, BoundedLayout};
    /// assert_eq!(Clerk::BOUNDS.registered(), &RegisteredBounds::CLERK);
    /// ```
    pub const fn registered(&self) -> &RegisteredBounds {
        &self.registered
    }

    /// The layout's own bounds.
    ///
    /// ```
    /// # use claims_jwt::{bounds::ClerkBounds, Clerk, BoundedLayout};
    /// assert_eq!(Clerk::BOUNDS.layout(), &ClerkBounds::DEFAULT);
    /// ```
    pub const fn layout(&self) -> &B {
        &self.layout
    }

    /// These bounds with other bounds for the registered claims.
    ///
    /// ```
    /// # use claims_jwt::{bounds::RegisteredBounds, Generic, BoundedLayout};
    /// let bounds = Generic::BOUNDS.with_registered(RegisteredBounds { aud: None, ..RegisteredBounds::DEFAULT });
    /// assert!(bounds.registered_json_len() < Generic::BOUNDS.registered_json_len());
    /// ```
    #[must_use]
    pub const fn with_registered(self, registered: RegisteredBounds) -> Self {
        TokenBounds { registered, ..self }
    }

    /// Bytes of the largest JSON object of the registered claims.
    ///
    /// ```
    /// # use claims_jwt::{bounds::RegisteredBounds, Clerk, BoundedLayout};
    /// assert_eq!(Clerk::BOUNDS.registered_json_len(), RegisteredBounds::CLERK.max_json_len());
    /// ```
    pub const fn registered_json_len(&self) -> usize {
        self.registered.max_json_len()
    }

    /// Bytes of the largest JSON object of the layout's own claims.
    ///
    /// ```
    /// # use claims_jwt::{Generic, BoundedLayout};
    /// assert_eq!(Generic::BOUNDS.layout_json_len(), 2);
    /// ```
    pub const fn layout_json_len(&self) -> usize {
        self.layout_json_len
    }
}

impl TokenBounds<ObjectBound> {
    /// Bounds for a layout bounded as a whole, such as [`crate::Generic`] or one written outside this crate.
    ///
    /// ```
    /// # use claims_jwt::bounds::{ObjectBound, RegisteredBounds};
    /// # use claims_jwt::TokenBounds;
    /// let bounds = TokenBounds::object(RegisteredBounds::DEFAULT, ObjectBound { max_json_len: 120 });
    /// assert_eq!(bounds.layout_json_len(), 120);
    /// ```
    pub const fn object(registered: RegisteredBounds, layout: ObjectBound) -> Self {
        TokenBounds {
            registered,
            layout,
            layout_json_len: layout.max_json_len,
        }
    }

    /// These bounds with another bound for the layout's claims.
    ///
    /// ```
    /// # use claims_jwt::bounds::ObjectBound;
    /// # use claims_jwt::{Generic, BoundedLayout};
    /// assert_eq!(Generic::BOUNDS.with_layout(ObjectBound { max_json_len: 9 }).layout_json_len(), 9);
    /// ```
    #[must_use]
    pub const fn with_layout(self, layout: ObjectBound) -> Self {
        Self::object(self.registered, layout)
    }
}

/// A JSON object being measured member by member, as its largest compact JSON: `len` bytes so far.
#[derive(Clone, Copy)]
pub(crate) struct Object {
    pub(crate) len: usize,
}

impl Object {
    pub(crate) const EMPTY: Object = Object { len: 2 };

    /// Adds `"name":value` for a value of at most `value` bytes; `None`: the member is never written.
    pub(crate) const fn member(self, name: &str, value: Option<usize>) -> Object {
        match value {
            Some(value) => Object {
                len: merged_object_len(self.len, member_json_len(name, value).saturating_add(2)),
            },
            None => self,
        }
    }
}

/// `Some(bytes)` of the largest JSON string of at most `max_len` escaped bytes.
pub(crate) const fn string_len(max_len: Option<usize>) -> Option<usize> {
    match max_len {
        Some(len) => Some(len.saturating_add(2)),
        None => None,
    }
}

/// Characters of the longest number of at most `chars` characters that a type of `shape` can hold.
pub(crate) const fn number_len(chars: usize, shape: JsonShape) -> usize {
    match shape {
        JsonShape::Fixed(widest) if widest < chars => widest,
        _ => chars,
    }
}

pub(crate) const fn saturated(len: Option<usize>) -> usize {
    match len {
        Some(len) => len,
        None => usize::MAX,
    }
}

/// The refusal of a claim outside its bound; `limit: None` says it is never to be written.
fn refused(claim: String, bound: BoundKind, limit: Option<usize>, actual: usize) -> Error {
    Error::LayoutBound {
        claim,
        bound,
        limit,
        actual,
    }
}

/// Refuses a string claim longer than `limit` bytes once JSON-escaped, or present where `limit` is `None`.
pub(crate) fn check_str(
    value: Option<&str>,
    limit: Option<usize>,
    claim: impl FnOnce() -> String,
) -> Result<(), Error> {
    let Some(value) = value else {
        return Ok(());
    };
    let actual = escaped_len(value);
    match limit {
        Some(limit) if actual <= limit => Ok(()),
        limit => Err(refused(claim(), BoundKind::MaxLen, limit, actual)),
    }
}

/// Refuses a number of more than `limit` characters (a minus sign included), or present where `limit`
/// is `None`.
pub(crate) fn check_number(
    value: i128,
    limit: Option<usize>,
    claim: impl FnOnce() -> String,
) -> Result<(), Error> {
    let digits = value
        .unsigned_abs()
        .checked_ilog10()
        .map_or(1, |log| log + 1) as usize;
    let actual = digits + usize::from(value < 0);
    match limit {
        Some(limit) if actual <= limit => Ok(()),
        limit => Err(refused(claim(), BoundKind::MaxJsonLen, limit, actual)),
    }
}

/// Refuses a list of more than `bound.items` strings or with a string over `bound.max_len`, or present
/// where `bound` is `None`.
pub(crate) fn check_strings<'a>(
    items: usize,
    values: impl Iterator<Item = &'a str>,
    bound: Option<Strings>,
    claim: impl Fn() -> String,
) -> Result<(), Error> {
    match bound {
        Some(bound) if items <= bound.items => {
            for (i, value) in values.enumerate() {
                check_str(Some(value), Some(bound.max_len), || {
                    format!("{}[{i}]", claim())
                })?;
            }
            Ok(())
        }
        bound => Err(refused(
            claim(),
            BoundKind::MaxItems,
            bound.map(|bound| bound.items),
            items,
        )),
    }
}

/// Refuses a list of more than `bound.items` JSON values or with a value over `bound.max_json_len`.
pub(crate) fn check_values(
    values: &[Value],
    bound: Values,
    claim: impl Fn() -> String,
) -> Result<(), Error> {
    if values.len() > bound.items {
        return Err(refused(
            claim(),
            BoundKind::MaxItems,
            Some(bound.items),
            values.len(),
        ));
    }
    for (i, value) in values.iter().enumerate() {
        check_json(value, Some(bound.max_json_len), || {
            format!("{}[{i}]", claim())
        })?;
    }
    Ok(())
}

/// Refuses a value whose compact JSON is longer than `limit` bytes, or any value where `limit` is `None`.
pub(crate) fn check_json<T: Serialize + ?Sized>(
    value: &T,
    limit: Option<usize>,
    claim: impl FnOnce() -> String,
) -> Result<(), Error> {
    let actual = json_len(value).map_err(Error::Claims)?;
    match limit {
        Some(limit) if actual <= limit => Ok(()),
        limit => Err(refused(claim(), BoundKind::MaxJsonLen, limit, actual)),
    }
}

/// Refuses a present object claim whose bounds say it is never written.
pub(crate) fn check_absent<T: Serialize + ?Sized>(value: &T, claim: &str) -> Result<(), Error> {
    check_json(value, None, || claim.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Audience, Registered};

    /// The largest registered claims `bounds` allow: every bounded string at its length, every time at
    /// its digits.
    fn largest(bounds: &RegisteredBounds) -> Registered {
        let string = |len: Option<usize>| len.map(|len| "a".repeat(len));
        let time = "9".repeat(bounds.time_digits).parse::<u64>().unwrap();
        Registered {
            iss: string(bounds.iss),
            sub: string(bounds.sub),
            aud: bounds
                .aud
                .map(|aud| Audience::Many(vec!["a".repeat(aud.max_len); aud.items])),
            exp: Some(time),
            nbf: Some(time),
            iat: Some(time),
            jti: string(bounds.jti),
        }
    }

    /// What a minter writes of `registered`: the same entries, as one JSON object.
    fn written(registered: &Registered) -> String {
        struct Claims<'a>(&'a Registered);
        impl Serialize for Claims<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(None)?;
                self.0.serialize_claims(&mut map)?;
                map.end()
            }
        }
        serde_json::to_string(&Claims(registered)).unwrap()
    }

    // `RegisteredBounds::max_json_len` names the claims again: this pins it to
    // `registered_claims!`, the one list, so that a claim added there and not here fails.
    #[test]
    fn registered_bounds_count_what_the_one_list_writes() {
        for bounds in [
            RegisteredBounds::DEFAULT,
            RegisteredBounds::CLERK,
            RegisteredBounds::STYTCH,
        ] {
            let registered = largest(&bounds);
            let json = written(&registered);
            assert_eq!(json.len(), bounds.max_json_len(), "{json}");
            let at = |name: &str| json.find(&format!("\"{name}\":"));
            let written_names: Vec<&str> = Registered::NAMES
                .into_iter()
                .filter(|name| at(name).is_some())
                .collect();
            let mut by_position = written_names.clone();
            by_position.sort_by_key(|name| at(name));
            assert_eq!(
                by_position, written_names,
                "written in `Registered::NAMES` order"
            );
        }
        let all = written(&largest(&RegisteredBounds::DEFAULT));
        assert_eq!(
            Registered::NAMES.map(|name| all.contains(&format!("\"{name}\":"))),
            [true; Registered::NAMES.len()],
            "the default bounds bound every registered claim"
        );
    }

    #[test]
    fn numbers_count_their_sign_and_digits() {
        let chars = |n: i128| match check_number(n, Some(0), String::new) {
            Err(Error::LayoutBound { actual, .. }) => actual,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            [0, 9, 10, -1, -10, i128::from(u64::MAX)].map(chars),
            [1, 1, 2, 2, 3, 20]
        );
        assert_eq!(chars(i128::from(i64::MIN)), i64::MIN.to_string().len());
    }

    #[test]
    fn number_bounds_stop_at_what_the_type_can_write() {
        let wide = RegisteredBounds {
            time_digits: 40,
            ..RegisteredBounds::DEFAULT
        };
        let widest = RegisteredBounds {
            time_digits: 20,
            ..RegisteredBounds::DEFAULT
        };
        assert_eq!(wide.max_json_len(), widest.max_json_len());
        assert_eq!(
            widest.max_json_len(),
            RegisteredBounds::DEFAULT.max_json_len() + 3 * 10
        );
    }

    #[test]
    fn a_claim_never_written_is_refused_with_its_size() {
        assert_eq!(
            check_str(Some("x"), None, || "azp".into()),
            Err(Error::LayoutBound {
                claim: "azp".into(),
                bound: BoundKind::MaxLen,
                limit: None,
                actual: 1
            })
        );
        assert_eq!(check_str(None, None, || "azp".into()), Ok(()));
        assert_eq!(
            check_strings(2, ["a", "b"].into_iter(), None, || "aud".into()),
            Err(Error::LayoutBound {
                claim: "aud".into(),
                bound: BoundKind::MaxItems,
                limit: None,
                actual: 2
            })
        );
    }
}
