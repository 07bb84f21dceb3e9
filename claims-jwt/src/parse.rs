//! The single-pass payload parser.
//!
//! The payload is read once, by one `serde_json` deserializer. The application's claims type `C` is handed
//! a map that skips past the registered and layout claims: each of those is parsed, typed, into its slot as
//! the key is met, and every other key and value flows straight to `C`'s own visitor. Nothing is buffered,
//! unlike `#[serde(flatten)]`, which collects the whole object into an intermediate tree first.
//!
//! The same pass refuses duplicate claim names (`serde_json`'s own `Map` would keep the last silently) and
//! wrongly typed registered claims (a string, float, negative or `null` `exp` is an error, never absent).

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use claims_core::ClaimsError;
use serde::Deserialize;
use serde::de::value::{BorrowedStrDeserializer, StringDeserializer};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};

use crate::{Error, Layout, Payload, Registered, Segment};

/// What a claim a layout owns must be, for [`Error::InvalidClaim`].
const LAYOUT_CLAIM: &str = "the layout's type for this claim";

impl<C, L: Layout> Payload<C, L> {
    /// Parses a payload's JSON in the single pass [`crate::Verifier::verify`] uses, with the same
    /// refusals (duplicate names, wrongly typed registered or layout claims), but no signature or time
    /// check: for payloads whose signature was checked elsewhere, e.g. by [`crate::Verifier::verify_signature`].
    ///
    /// ```
    /// use claims_jwt::{Clerk, Error, Payload};
    /// use serde_json::{Map, Value};
    ///
    /// let payload = Payload::<Map<String, Value>, Clerk>::from_json(br#"{"sub":"u","sid":"s","plan":"pro"}"#)?;
    /// assert_eq!(payload.layout.sid.as_deref(), Some("s"));
    /// assert_eq!(payload.custom["plan"], "pro");
    /// let err = Payload::<Map<String, Value>, Clerk>::from_json(br#"{"exp":"soon"}"#).unwrap_err();
    /// assert!(matches!(err, Error::InvalidClaim { ref name, .. } if name == "exp"));
    /// # Ok::<(), Error>(())
    /// ```
    pub fn from_json(json: &[u8]) -> Result<Self, Error>
    where
        C: for<'de> Deserialize<'de>,
    {
        parse_payload(json)
    }
}

/// `bytes` as JSON text, which is UTF-8 (RFC 8259 §8.1), checked whole: `serde_json` checks only the
/// strings it decodes, so invalid bytes in a member that is skipped (one a claims type ignores, an unknown
/// header parameter) would otherwise pass.
pub(crate) fn json_text(bytes: &[u8], part: Segment) -> Result<&str, Error> {
    std::str::from_utf8(bytes).map_err(|e| Error::malformed(part, format!("not UTF-8 text: {e}")))
}

/// Parses `bytes` into a payload, in one pass.
pub(crate) fn parse_payload<C, L>(bytes: &[u8]) -> Result<Payload<C, L>, Error>
where
    C: for<'de> Deserialize<'de>,
    L: Layout,
{
    let starts_as_object = bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
    if !starts_as_object {
        return Err(Error::malformed(
            Segment::Payload,
            "the payload is not a JSON object of claims",
        ));
    }
    let mut refusal = None;
    let mut de = serde_json::Deserializer::from_str(json_text(bytes, Segment::Payload)?);
    let parsed = de
        .deserialize_map(PayloadVisitor::<C, L> {
            refusal: &mut refusal,
            marker: PhantomData,
        })
        .and_then(|payload| de.end().map(|()| payload));
    match (parsed, refusal) {
        // A refusal stands even if a claims type's own `Deserialize` swallowed the error it raised.
        (_, Some(refusal)) => Err(refusal),
        (Ok(payload), None) => Ok(payload),
        (Err(err), None) if err.is_syntax() || err.is_eof() => Err(Error::malformed(
            Segment::Payload,
            format!("not valid JSON: {err}"),
        )),
        (Err(err), None) => Err(Error::InvalidPayload(err.into())),
    }
}

struct PayloadVisitor<'r, C, L> {
    refusal: &'r mut Option<Error>,
    marker: PhantomData<fn() -> (C, L)>,
}

impl<'de, C, L> Visitor<'de> for PayloadVisitor<'_, C, L>
where
    C: Deserialize<'de>,
    L: Layout,
{
    type Value = Payload<C, L>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object of claims")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut state = State {
            registered: Registered::default(),
            layout: L::default(),
            seen: Vec::with_capacity(32),
            refusal: self.refusal,
        };
        let custom = C::deserialize(CustomClaims {
            map: &mut map,
            state: &mut state,
        })?;
        // A claims type may stop reading early; the rest must still be routed and checked.
        let mut rest = Intercept {
            map: &mut map,
            state: &mut state,
        };
        while rest.next_key::<IgnoredAny>()?.is_some() {
            rest.next_value::<IgnoredAny>()?;
        }
        Ok(Payload {
            registered: state.registered,
            layout: state.layout,
            custom,
        })
    }
}

/// What the pass has collected besides the custom claims.
struct State<'de, 'r, L> {
    registered: Registered,
    layout: L,
    /// Every top-level name met so far. Linear search: payloads hold tens of claims, and a payload is only
    /// parsed after its signature has been verified.
    seen: Vec<Cow<'de, str>>,
    refusal: &'r mut Option<Error>,
}

impl<'de, L: Layout> State<'de, '_, L> {
    fn refuse<E: de::Error>(&mut self, refusal: Error) -> E {
        let err = E::custom(&refusal);
        *self.refusal = Some(refusal);
        err
    }

    fn note<E: de::Error>(&mut self, name: Cow<'de, str>) -> Result<(), E> {
        if self.seen.contains(&name) {
            return Err(
                self.refuse(Error::InvalidPayload(ClaimsError::DuplicateClaim {
                    name: name.into_owned(),
                })),
            );
        }
        self.seen.push(name);
        Ok(())
    }

    /// Reads the value of `name` if it is registered or the layout's; `false` for a custom claim.
    fn route<A: MapAccess<'de>>(&mut self, name: &str, map: &mut A) -> Result<bool, A::Error> {
        let refusal = &mut *self.refusal;
        if let Some(expected) = Registered::expected(name) {
            map.next_value_seed(ClaimSeed {
                claims: &mut self.registered,
                name,
                expected,
                refusal,
            })?;
        } else if L::owns(name) {
            map.next_value_seed(ClaimSeed {
                claims: &mut self.layout,
                name,
                expected: LAYOUT_CLAIM,
                refusal,
            })?;
        } else {
            return Ok(false);
        }
        Ok(true)
    }
}

/// Reads a map key as a string, borrowed from the input when it holds no escapes.
pub(crate) struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(KeySeed)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a claim name")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}

/// Claims read one by one, by name: the registered claims, a layout's.
trait NamedClaims {
    fn deserialize_claim<'de, D: Deserializer<'de>>(
        &mut self,
        name: &str,
        value: D,
    ) -> Result<(), D::Error>;
}

impl NamedClaims for Registered {
    fn deserialize_claim<'de, D: Deserializer<'de>>(
        &mut self,
        name: &str,
        value: D,
    ) -> Result<(), D::Error> {
        Registered::deserialize_claim(self, name, value)
    }
}

impl<L: Layout> NamedClaims for L {
    fn deserialize_claim<'de, D: Deserializer<'de>>(
        &mut self,
        name: &str,
        value: D,
    ) -> Result<(), D::Error> {
        Layout::deserialize_claim(self, name, value)
    }
}

/// Reads the value of the claim `name` into `claims`, recording a failure as [`Error::InvalidClaim`]
/// (unless an earlier refusal stands).
struct ClaimSeed<'a, 'r, T> {
    claims: &'a mut T,
    name: &'a str,
    expected: &'static str,
    refusal: &'r mut Option<Error>,
}

impl<'de, T: NamedClaims> DeserializeSeed<'de> for ClaimSeed<'_, '_, T> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        // A `u64` refuses floats, negative numbers, strings and null; a `String` everything but a string.
        self.claims
            .deserialize_claim(self.name, deserializer)
            .inspect_err(|err| {
                if self.refusal.is_none() {
                    *self.refusal = Some(Error::InvalidClaim {
                        name: self.name.to_owned(),
                        expected: self.expected,
                        found: found(err),
                    });
                }
            })
    }
}

/// serde's description of what was found, without `serde_json`'s position suffix.
fn found(err: &impl fmt::Display) -> String {
    let message = err.to_string();
    match message.find(" at line ") {
        Some(end) => message[..end].to_owned(),
        None => message,
    }
}

/// The custom claims' view of the payload: a map without the registered and layout claims.
struct CustomClaims<'m, 's, 'de, 'r, A, L> {
    map: &'m mut A,
    state: &'s mut State<'de, 'r, L>,
}

impl<'de, A: MapAccess<'de>, L: Layout> Deserializer<'de> for CustomClaims<'_, '_, 'de, '_, A, L> {
    type Error = A::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, A::Error> {
        visitor.visit_map(Intercept {
            map: self.map,
            state: self.state,
        })
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

/// The payload's map with the registered and layout claims taken out as they pass.
struct Intercept<'m, 's, 'de, 'r, A, L> {
    map: &'m mut A,
    state: &'s mut State<'de, 'r, L>,
}

impl<'de, A: MapAccess<'de>, L: Layout> MapAccess<'de> for Intercept<'_, '_, 'de, '_, A, L> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        loop {
            let Some(name) = self.map.next_key_seed(KeySeed)? else {
                return Ok(None);
            };
            self.state.note(name.clone())?;
            if self.state.route(&name, self.map)? {
                continue;
            }
            return match name {
                Cow::Borrowed(name) => seed
                    .deserialize(BorrowedStrDeserializer::new(name))
                    .map(Some),
                Cow::Owned(name) => seed.deserialize(StringDeserializer::new(name)).map(Some),
            };
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(seed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Audience, Clerk, Generic, Stytch};
    use serde_json::{Map, Value, json};

    type Dynamic = Map<String, Value>;

    #[test]
    fn routes_registered_layout_and_custom_claims() {
        let bytes =
            br#"{"sub":"u","exp":10,"sid":"s","plan":"pro","aud":["a","b"],"o":{"id":"org"}}"#;
        let payload: Payload<Dynamic, Clerk> = parse_payload(bytes).unwrap();
        assert_eq!(payload.registered.sub.as_deref(), Some("u"));
        assert_eq!(payload.registered.exp, Some(10));
        assert_eq!(
            payload.registered.aud,
            Some(Audience::Many(vec!["a".into(), "b".into()]))
        );
        assert_eq!(payload.layout.sid.as_deref(), Some("s"));
        assert_eq!(payload.layout.o.map(|o| o.id), Some("org".to_owned()));
        assert_eq!(Value::Object(payload.custom), json!({"plan": "pro"}));
    }

    #[test]
    fn escaped_names_are_routed_too() {
        let payload: Payload<Dynamic, Generic> =
            parse_payload(br#"{"\u0065xp":5,"a\"b":1}"#).unwrap();
        assert_eq!(payload.registered.exp, Some(5));
        assert_eq!(Value::Object(payload.custom), json!({"a\"b": 1}));
    }

    #[test]
    fn duplicates_are_refused_wherever_they_are() {
        for (bytes, name) in [
            (&br#"{"exp":1,"exp":2}"#[..], "exp"),
            (br#"{"plan":"a","plan":"b"}"#, "plan"),
            (br#"{"sid":"a","x":1,"sid":"b"}"#, "sid"),
            (br#"{"\u0073ub":"a","sub":"b"}"#, "sub"),
        ] {
            let err = parse_payload::<Dynamic, Clerk>(bytes).unwrap_err();
            assert_eq!(
                err,
                Error::InvalidPayload(ClaimsError::DuplicateClaim { name: name.into() })
            );
        }
    }

    #[test]
    fn wrongly_typed_registered_claims_are_refused_never_absent() {
        for (bytes, name) in [
            (&br#"{"exp":"1700000000"}"#[..], "exp"),
            (br#"{"exp":1.5}"#, "exp"),
            (br#"{"exp":-1}"#, "exp"),
            (br#"{"exp":null}"#, "exp"),
            (br#"{"exp":1e300}"#, "exp"),
            (br#"{"nbf":[]}"#, "nbf"),
            (br#"{"iat":{}}"#, "iat"),
            (br#"{"sub":1}"#, "sub"),
            (br#"{"aud":[1]}"#, "aud"),
        ] {
            let err = parse_payload::<Dynamic, Generic>(bytes).unwrap_err();
            assert!(
                matches!(&err, Error::InvalidClaim { name: n, .. } if n == name),
                "{err:?}"
            );
        }
        let err =
            parse_payload::<Dynamic, Stytch>(br#"{"https://stytch.com/session":[]}"#).unwrap_err();
        assert!(
            matches!(&err, Error::InvalidClaim { name, .. } if name == "https://stytch.com/session")
        );
    }

    /// A claims type that reads what it can and swallows every error of the map it is given.
    #[derive(Debug)]
    struct Forgiving;

    impl<'de> Deserialize<'de> for Forgiving {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            struct Lenient;
            impl<'de> Visitor<'de> for Lenient {
                type Value = Forgiving;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("anything")
                }
                fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Forgiving, A::Error> {
                    while let Ok(Some(_)) = map.next_key::<IgnoredAny>() {
                        let _ = map.next_value::<IgnoredAny>();
                    }
                    Ok(Forgiving)
                }
            }
            deserializer.deserialize_map(Lenient)
        }
    }

    #[test]
    fn a_refusal_stands_even_when_the_claims_type_swallows_it() {
        let err = parse_payload::<Forgiving, Generic>(br#"{"exp":1,"exp":2}"#).unwrap_err();
        assert_eq!(
            err,
            Error::InvalidPayload(ClaimsError::DuplicateClaim { name: "exp".into() })
        );
        let err = parse_payload::<Forgiving, Generic>(br#"{"exp":"1"}"#).unwrap_err();
        assert!(matches!(err, Error::InvalidClaim { ref name, .. } if name == "exp"));
    }

    #[test]
    fn non_objects_and_bad_json_are_malformed() {
        for bytes in [&b"Payload"[..], b"[1]", b"\"x\"", b"{\"a\":1", b"{} x", b""] {
            let err = parse_payload::<Dynamic, Generic>(bytes).unwrap_err();
            assert!(
                matches!(
                    err,
                    Error::Malformed {
                        part: Segment::Payload,
                        ..
                    }
                ),
                "{err:?}"
            );
        }
    }
}
