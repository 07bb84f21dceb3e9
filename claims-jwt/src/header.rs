//! The protected header of a token being verified: capped, decoded and parsed once, in one pass that
//! applies every rule on its shape and members before any key is looked up.
//!
//! The rules: the segment is at most [`DEFAULT_MAX_HEADER_LEN`] characters (configurable); the header is a
//! JSON object (an array would be read positionally by a derived `Deserialize`) whose member names are
//! unique, escaped or not (RFC 7515 §4); `alg`, `kid` and `typ` are strings; `crit` is refused whatever its
//! value, since this crate understands no extension (RFC 7515 §4.1.11); the parameters that point at a key
//! ([`KEY_HEADER_PARAMETERS`]) are refused unless the verifier opts out, since keys come only from the
//! verifier (RFC 8725 §3.10); `kid` is at most [`MAX_KID_LEN`] bytes; `typ` is the layout's media type,
//! compared without case and with an optional `application/` prefix (RFC 7515 §4.1.9), and required
//! unless the verifier opts out (RFC 8725 §3.11).

use std::borrow::Cow;
use std::fmt;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};

use crate::parse::{KeySeed, json_text};
use crate::{Error, Segment};

/// The default cap on the header segment: 1 KiB of base64url (768 bytes of JSON). The headers this crate
/// and the providers write take under 100 characters.
///
/// ```
/// # use claims_jwt::{Error, Generic, Verifier, VerifyingKey};
/// let header = "e".repeat(claims_jwt::DEFAULT_MAX_HEADER_LEN + 1);
/// let verifier = Verifier::<Generic>::new(VerifyingKey::hs256(b"0123456789abcdef0123456789abcdef")?);
/// let err = verifier.verify::<serde_json::Map<String, serde_json::Value>>(&format!("{header}.e30.sig")).unwrap_err();
/// assert_eq!(err, Error::HeaderTooLong { len: 1025, max: 1024 });
/// # Ok::<(), Error>(())
/// ```
pub const DEFAULT_MAX_HEADER_LEN: usize = 1024;

/// The longest `kid` a verifier looks up, in bytes. Key ids are short (Clerk's take 31 bytes, a JWK
/// thumbprint 43); a longer one is refused before any key lookup.
///
/// ```
/// assert_eq!(claims_jwt::MAX_KID_LEN, 256);
/// ```
pub const MAX_KID_LEN: usize = 256;

/// The header parameters that point at a key (RFC 7515 §4.1.2 to §4.1.6). This crate never fetches or
/// uses them, so a verifier refuses a header carrying any of them unless told to ignore them
/// ([`crate::Verifier::with_key_parameters_ignored`]).
///
/// ```
/// assert_eq!(claims_jwt::KEY_HEADER_PARAMETERS, ["jku", "jwk", "x5u", "x5c"]);
/// ```
pub const KEY_HEADER_PARAMETERS: [&str; 4] = ["jku", "jwk", "x5u", "x5c"];

/// What a verifier allows of a header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct HeaderRules {
    /// The cap on the base64url segment.
    pub(crate) max_len: usize,
    /// The media type the layout mints (`JWT`).
    pub(crate) typ: &'static str,
    /// Whether a header without `typ` is refused.
    pub(crate) require_typ: bool,
    /// Whether [`KEY_HEADER_PARAMETERS`] are ignored rather than refused.
    pub(crate) ignore_key_parameters: bool,
}

/// The members of a header that passed every rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CheckedHeader {
    pub(crate) alg: String,
    pub(crate) kid: Option<String>,
    pub(crate) typ: Option<String>,
}

/// Applies the header rules but `typ`'s ([`check_typ`]) to the base64url `segment` and returns the
/// members this crate reads.
pub(crate) fn check_header(segment: &str, rules: &HeaderRules) -> Result<CheckedHeader, Error> {
    if segment.len() > rules.max_len {
        return Err(Error::HeaderTooLong {
            len: segment.len(),
            max: rules.max_len,
        });
    }
    let json = URL_SAFE_NO_PAD
        .decode(segment)
        .map_err(|e| Error::malformed(Segment::Header, format!("not base64url: {e}")))?;
    let header = parse_header(
        json_text(&json, Segment::Header)?,
        rules.ignore_key_parameters,
    )?;
    if let Some(kid) = &header.kid
        && kid.len() > MAX_KID_LEN
    {
        return Err(Error::KidTooLong {
            len: kid.len(),
            max: MAX_KID_LEN,
        });
    }
    Ok(header)
}

/// Checks `typ` against what the layout mints. Separate from [`check_header`] so that a verifier can
/// report a wrong `alg` first: `none` or HS/RS confusion is the refusal worth naming.
pub(crate) fn check_typ(header: &CheckedHeader, rules: &HeaderRules) -> Result<(), Error> {
    match &header.typ {
        Some(typ) if !is_media_type(typ, rules.typ) => Err(Error::InvalidType {
            expected: rules.typ,
            found: Some(typ.clone()),
        }),
        None if rules.require_typ => Err(Error::InvalidType {
            expected: rules.typ,
            found: None,
        }),
        _ => Ok(()),
    }
}

/// Whether the `typ` value `found` names the media type `expected`: without case, and with the
/// `application/` prefix RFC 7515 §4.1.9 lets a writer omit.
fn is_media_type(found: &str, expected: &str) -> bool {
    const PREFIX: &str = "application/";
    let found = match found.get(..PREFIX.len()) {
        Some(start) if start.eq_ignore_ascii_case(PREFIX) => &found[PREFIX.len()..],
        _ => found,
    };
    found.eq_ignore_ascii_case(expected)
}

/// Parses the header JSON in one pass: an object, unique names, the members this crate reads typed.
fn parse_header(json: &str, ignore_key_parameters: bool) -> Result<CheckedHeader, Error> {
    let starts_as_object = json.bytes().find(|b| !b.is_ascii_whitespace()) == Some(b'{');
    if !starts_as_object {
        return Err(Error::malformed(
            Segment::Header,
            "the header is not a JSON object",
        ));
    }
    let mut refusal = None;
    let mut de = serde_json::Deserializer::from_str(json);
    let parsed = de
        .deserialize_map(HeaderVisitor {
            refusal: &mut refusal,
            ignore_key_parameters,
        })
        .and_then(|header| de.end().map(|()| header));
    match (parsed, refusal) {
        (_, Some(refusal)) => Err(refusal),
        (Ok(header), None) => Ok(header),
        (Err(err), None) => Err(Error::malformed(
            Segment::Header,
            format!("not a JOSE header: {err}"),
        )),
    }
}

struct HeaderVisitor<'r> {
    refusal: &'r mut Option<Error>,
    ignore_key_parameters: bool,
}

impl HeaderVisitor<'_> {
    /// Records `refusal` as the outcome and stops the parse.
    fn refuse<E: de::Error>(&mut self, refusal: Error) -> E {
        let err = E::custom(&refusal);
        *self.refusal = Some(refusal);
        err
    }
}

/// Reads a member this crate uses, which must be a string; serde's error names it when it is not.
struct StringMember(&'static str);

impl<'de> DeserializeSeed<'de> for StringMember {
    type Value = String;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
        deserializer.deserialize_string(self)
    }
}

impl Visitor<'_> for StringMember {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "header parameter `{}` as a string", self.0)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
        Ok(v)
    }
}

impl<'de> Visitor<'de> for HeaderVisitor<'_> {
    type Value = CheckedHeader;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object of header parameters")
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<CheckedHeader, A::Error> {
        let (mut alg, mut kid, mut typ) = (None, None, None);
        // Headers hold a handful of members: a linear search is the fastest set.
        let mut seen: Vec<Cow<'de, str>> = Vec::with_capacity(4);
        while let Some(name) = map.next_key_seed(KeySeed)? {
            if seen.contains(&name) {
                return Err(self.refuse(Error::DuplicateHeaderParameter {
                    name: name.into_owned(),
                }));
            }
            match &*name {
                "alg" => alg = Some(map.next_value_seed(StringMember("alg"))?),
                "kid" => kid = Some(map.next_value_seed(StringMember("kid"))?),
                "typ" => typ = Some(map.next_value_seed(StringMember("typ"))?),
                "crit" => {
                    return Err(self.refuse(Error::HeaderParameterRefused {
                        name: "crit".into(),
                    }));
                }
                key if KEY_HEADER_PARAMETERS.contains(&key) && !self.ignore_key_parameters => {
                    return Err(self.refuse(Error::HeaderParameterRefused {
                        name: key.to_owned(),
                    }));
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            seen.push(name);
        }
        let Some(alg) = alg else {
            return Err(self.refuse(Error::malformed(Segment::Header, "the header has no `alg`")));
        };
        Ok(CheckedHeader { alg, kid, typ })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULES: HeaderRules = HeaderRules {
        max_len: DEFAULT_MAX_HEADER_LEN,
        typ: "JWT",
        require_typ: true,
        ignore_key_parameters: false,
    };

    fn check(json: &str) -> Result<CheckedHeader, Error> {
        let header = check_header(&URL_SAFE_NO_PAD.encode(json), &RULES)?;
        check_typ(&header, &RULES).map(|()| header)
    }

    #[test]
    fn reads_the_members_it_uses_and_skips_the_rest() {
        let header =
            check(r#" {"alg":"HS256","x5t":"abc","kid":"k1","typ":"JWT","cty":{"a":[1]}} "#)
                .unwrap();
        assert_eq!(
            header,
            CheckedHeader {
                alg: "HS256".into(),
                kid: Some("k1".into()),
                typ: Some("JWT".into())
            }
        );
    }

    #[test]
    fn media_types_compare_without_case_and_with_an_optional_prefix() {
        for typ in ["JWT", "jwt", "JwT", "application/jwt", "APPLICATION/JWT"] {
            assert!(is_media_type(typ, "JWT"), "{typ}");
        }
        for typ in [
            "at+jwt",
            "JWS",
            "",
            "application/",
            "application/at+jwt",
            "x/jwt",
            "JWT ",
        ] {
            assert!(!is_media_type(typ, "JWT"), "{typ}");
        }
        // A multi-byte character where the prefix would end does not split it.
        assert!(!is_media_type("applicatioñ/jwt", "JWT"));
    }

    #[test]
    fn escaped_names_are_the_same_names() {
        assert_eq!(
            check(r#"{"alg":"HS256","typ":"JWT","\u0061lg":"none"}"#).unwrap_err(),
            Error::DuplicateHeaderParameter { name: "alg".into() }
        );
        assert_eq!(
            check(r#"{"alg":"HS256","typ":"JWT","\u0063rit":[]}"#).unwrap_err(),
            Error::HeaderParameterRefused {
                name: "crit".into()
            }
        );
    }

    #[test]
    fn trailing_text_and_wrong_types_are_malformed() {
        for json in [
            r#"{"alg":"HS256","typ":"JWT"} x"#,
            r#"{"alg":"HS256","typ":"JWT""#,
            r#"{"alg":1,"typ":"JWT"}"#,
            r#"{"alg":"HS256","typ":null}"#,
            r#"{"alg":"HS256","kid":["k"],"typ":"JWT"}"#,
            r#"{"typ":"JWT"}"#,
        ] {
            let err = check(json).unwrap_err();
            assert!(
                matches!(
                    err,
                    Error::Malformed {
                        part: Segment::Header,
                        ..
                    }
                ),
                "{json}: {err:?}"
            );
        }
    }

    #[test]
    fn key_parameters_are_ignored_only_when_the_rules_say_so() {
        let json = r#"{"alg":"HS256","typ":"JWT","jku":"https://evil.example/jwks"}"#;
        assert_eq!(
            check(json).unwrap_err(),
            Error::HeaderParameterRefused { name: "jku".into() }
        );
        let lenient = HeaderRules {
            ignore_key_parameters: true,
            ..RULES
        };
        let header = check_header(&URL_SAFE_NO_PAD.encode(json), &lenient).unwrap();
        assert_eq!(header.typ.as_deref(), Some("JWT"));
        // `crit` stays refused even then.
        let crit = URL_SAFE_NO_PAD.encode(r#"{"alg":"HS256","typ":"JWT","crit":null}"#);
        assert!(matches!(
            check_header(&crit, &lenient),
            Err(Error::HeaderParameterRefused { .. })
        ));
    }
}
