//! The typed token: registered claims, a layout's claims and the application's custom claims.

use jsonwebtoken::Algorithm;
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize};

use crate::{Generic, Layout};

/// The registered claims of RFC 7519 §4.1, typed: times are `NumericDate`s (whole seconds since the Unix
/// epoch, non-negative integers; anything else in a token is refused, never read as absent).
///
/// When minting, [`crate::Minter`] sets `iat`, `nbf` and `exp` from its clock, and `iss`/`aud` when it is
/// configured with them; the others come from the [`Payload`].
///
/// ```
/// use claims_jwt::Registered;
/// let registered = Registered::default().with_subject("user_1").with_jti("t-1");
/// assert_eq!((registered.sub.as_deref(), registered.jti.as_deref()), (Some("user_1"), Some("t-1")));
/// assert_eq!(registered.exp, None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Registered {
    /// `iss`: the issuer.
    pub iss: Option<String>,
    /// `sub`: the subject (the user).
    pub sub: Option<String>,
    /// `aud`: the audience, one string or an array.
    pub aud: Option<Audience>,
    /// `exp`: expiry time.
    pub exp: Option<u64>,
    /// `nbf`: not-before time.
    pub nbf: Option<u64>,
    /// `iat`: issue time.
    pub iat: Option<u64>,
    /// `jti`: the token's unique id.
    pub jti: Option<String>,
}

impl Registered {
    /// The registered claim names, in the order they are written.
    ///
    /// ```
    /// # use claims_jwt::{Layout, Registered, Stytch};
    /// assert!(Registered::NAMES.iter().all(|name| Stytch::RESERVED.check(name).is_some()));
    /// ```
    pub const NAMES: [&'static str; 7] = ["iss", "sub", "aud", "exp", "nbf", "iat", "jti"];

    /// These claims with `sub`.
    ///
    /// ```
    /// # use claims_jwt::Registered;
    /// assert_eq!(Registered::default().with_subject("u").sub.as_deref(), Some("u"));
    /// ```
    #[must_use]
    pub fn with_subject(mut self, sub: impl Into<String>) -> Self {
        self.sub = Some(sub.into());
        self
    }

    /// These claims with `iss`.
    ///
    /// ```
    /// # use claims_jwt::Registered;
    /// assert_eq!(Registered::default().with_issuer("me").iss.as_deref(), Some("me"));
    /// ```
    #[must_use]
    pub fn with_issuer(mut self, iss: impl Into<String>) -> Self {
        self.iss = Some(iss.into());
        self
    }

    /// These claims with `aud`.
    ///
    /// ```
    /// # use claims_jwt::{Audience, Registered};
    /// let r = Registered::default().with_audience(Audience::One("api".into()));
    /// assert!(r.aud.unwrap().contains("api"));
    /// ```
    #[must_use]
    pub fn with_audience(mut self, aud: Audience) -> Self {
        self.aud = Some(aud);
        self
    }

    /// These claims with `jti`.
    ///
    /// ```
    /// # use claims_jwt::Registered;
    /// assert_eq!(Registered::default().with_jti("t-1").jti.as_deref(), Some("t-1"));
    /// ```
    #[must_use]
    pub fn with_jti(mut self, jti: impl Into<String>) -> Self {
        self.jti = Some(jti.into());
        self
    }
}

/// The `aud` claim: one audience, or an array of them (RFC 7519 §4.1.3).
///
/// ```
/// use claims_jwt::Audience;
/// let aud: Audience = serde_json::from_str(r#"["a","b"]"#)?;
/// assert!(aud.contains("b"));
/// assert_eq!(aud.iter().collect::<Vec<_>>(), ["a", "b"]);
/// assert_eq!(serde_json::to_string(&Audience::One("a".into()))?, r#""a""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Audience {
    /// A single audience, written as a string.
    One(String),
    /// Several audiences, written as an array.
    Many(Vec<String>),
}

impl Audience {
    /// Whether `aud` is one of the audiences.
    ///
    /// ```
    /// # use claims_jwt::Audience;
    /// assert!(!Audience::Many(vec![]).contains("a"));
    /// ```
    pub fn contains(&self, aud: &str) -> bool {
        self.iter().any(|a| a == aud)
    }

    /// The audiences.
    ///
    /// ```
    /// # use claims_jwt::Audience;
    /// assert_eq!(Audience::One("x".into()).iter().count(), 1);
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        let slice = match self {
            Audience::One(one) => std::slice::from_ref(one),
            Audience::Many(many) => many.as_slice(),
        };
        slice.iter().map(String::as_str)
    }
}

/// The protected header of a verified token: the algorithm (always the key's), `kid` and `typ`.
///
/// ```
/// use claims_jwt::{Algorithm, Header};
/// let header = Header::new(Algorithm::RS256, Some("ins_1".into()));
/// assert_eq!((header.alg(), header.kid(), header.typ()), (Algorithm::RS256, Some("ins_1"), Some("JWT")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    alg: Algorithm,
    kid: Option<String>,
    typ: Option<String>,
}

impl Header {
    /// The header this crate writes: `alg`, `kid` when given, `typ: "JWT"`.
    ///
    /// ```
    /// # use claims_jwt::{Algorithm, Header};
    /// assert_eq!(Header::new(Algorithm::EdDSA, None).kid(), None);
    /// ```
    pub fn new(alg: Algorithm, kid: Option<String>) -> Self {
        Header {
            alg,
            kid,
            typ: Some("JWT".to_owned()),
        }
    }

    pub(crate) fn verified(alg: Algorithm, kid: Option<String>, typ: Option<String>) -> Self {
        Header { alg, kid, typ }
    }

    /// The algorithm the signature was checked with.
    ///
    /// ```
    /// # use claims_jwt::{Algorithm, Header};
    /// assert_eq!(Header::new(Algorithm::ES256, None).alg(), Algorithm::ES256);
    /// ```
    pub fn alg(&self) -> Algorithm {
        self.alg
    }

    /// The key id, if any.
    ///
    /// ```
    /// # use claims_jwt::{Algorithm, Header};
    /// assert_eq!(Header::new(Algorithm::ES256, Some("k".into())).kid(), Some("k"));
    /// ```
    pub fn kid(&self) -> Option<&str> {
        self.kid.as_deref()
    }

    /// The media type, if any (`JWT`).
    ///
    /// ```
    /// # use claims_jwt::{Algorithm, Header};
    /// assert_eq!(Header::new(Algorithm::ES256, None).typ(), Some("JWT"));
    /// ```
    pub fn typ(&self) -> Option<&str> {
        self.typ.as_deref()
    }

    /// Bytes of the JSON this crate writes for a header whose `kid` takes `kid_len` bytes once
    /// JSON-escaped (`None`: no `kid`), whatever the algorithm: every JWS algorithm jsonwebtoken signs with
    /// has a five-character name (`HS256`, `RS384`, `PS512`, `ES256`, `EdDSA`).
    ///
    /// ```
    /// # use claims_jwt::Header;
    /// assert_eq!(Header::json_len(None), r#"{"alg":"HS256","typ":"JWT"}"#.len());
    /// assert_eq!(Header::json_len(Some(5)), r#"{"alg":"RS256","kid":"ins_1","typ":"JWT"}"#.len());
    /// ```
    pub const fn json_len(kid_len: Option<usize>) -> usize {
        const BARE: usize = r#"{"alg":"HS256","typ":"JWT"}"#.len();
        const KID: usize = r#""kid":"","#.len();
        match kid_len {
            Some(kid) => (BARE + KID).saturating_add(kid),
            None => BARE,
        }
    }

    /// The compact JSON this crate writes for the header, in this order: `alg`, `kid`, `typ` (Clerk's order).
    pub(crate) fn to_json(&self) -> Vec<u8> {
        #[derive(Serialize)]
        struct Json<'a> {
            alg: Algorithm,
            #[serde(skip_serializing_if = "Option::is_none")]
            kid: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            typ: Option<&'a str>,
        }
        let json = Json {
            alg: self.alg,
            kid: self.kid(),
            typ: self.typ(),
        };
        // Serializing strings and a unit enum into a Vec cannot fail.
        serde_json::to_vec(&json).unwrap_or_default()
    }
}

/// The claims of a token: [`Registered`], the layout's `L` and the application's custom claims `C`, all
/// flat in one JSON object.
///
/// ```
/// use claims_jwt::{Clerk, Payload};
/// use serde_json::{Map, Value};
///
/// let payload = Payload::<_, Clerk>::new(Map::<String, Value>::new())
///     .with_subject("user_1")
///     .with_layout(Clerk { sid: Some("sess_1".into()), v: Some(2), ..Clerk::default() });
/// assert_eq!(payload.layout.sid.as_deref(), Some("sess_1"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Payload<C, L = Generic> {
    /// The registered claims.
    pub registered: Registered,
    /// The provider layout's claims.
    pub layout: L,
    /// The application's custom claims.
    pub custom: C,
}

impl<C, L: Layout> Payload<C, L> {
    /// A payload of `custom` claims, with empty registered and layout claims.
    ///
    /// ```
    /// # use claims_jwt::{Generic, Payload};
    /// let payload: Payload<_, Generic> = Payload::new(serde_json::Map::new());
    /// assert_eq!(payload.registered.sub, None);
    /// ```
    pub fn new(custom: C) -> Self {
        Payload {
            registered: Registered::default(),
            layout: L::default(),
            custom,
        }
    }

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
    pub fn from_json(json: &[u8]) -> Result<Self, crate::Error>
    where
        C: for<'de> Deserialize<'de>,
    {
        crate::parse::parse_payload(json)
    }

    /// This payload with `sub`.
    ///
    /// ```
    /// # use claims_jwt::{Generic, Payload};
    /// let payload: Payload<_, Generic> = Payload::new(()).with_subject("u");
    /// assert_eq!(payload.registered.sub.as_deref(), Some("u"));
    /// ```
    #[must_use]
    pub fn with_subject(mut self, sub: impl Into<String>) -> Self {
        self.registered.sub = Some(sub.into());
        self
    }

    /// This payload with other registered claims.
    ///
    /// ```
    /// # use claims_jwt::{Generic, Payload, Registered};
    /// let payload: Payload<_, Generic> = Payload::new(()).with_registered(Registered::default().with_jti("1"));
    /// assert_eq!(payload.registered.jti.as_deref(), Some("1"));
    /// ```
    #[must_use]
    pub fn with_registered(mut self, registered: Registered) -> Self {
        self.registered = registered;
        self
    }

    /// This payload with the layout's claims.
    ///
    /// ```
    /// # use claims_jwt::{Payload, Stytch};
    /// let payload: Payload<_, Stytch> = Payload::new(()).with_layout(Stytch::default());
    /// assert!(payload.layout.session.is_none());
    /// ```
    #[must_use]
    pub fn with_layout(mut self, layout: L) -> Self {
        self.layout = layout;
        self
    }
}

/// The registered and layout claims, as the opening members of a payload object, in
/// [`Registered::NAMES`] order: `iss` and `aud` as the minter sets them, `exp`, `nbf`, `iat` from its clock.
pub(crate) struct Head<'a, L> {
    pub(crate) registered: &'a Registered,
    pub(crate) iss: Option<&'a str>,
    pub(crate) aud: Option<&'a Audience>,
    /// `exp`, `nbf`, `iat`.
    pub(crate) times: [u64; 3],
    pub(crate) layout: &'a L,
}

impl<L: Layout> Serialize for Head<'_, L> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if let Some(iss) = self.iss {
            map.serialize_entry("iss", iss)?;
        }
        if let Some(sub) = &self.registered.sub {
            map.serialize_entry("sub", sub)?;
        }
        if let Some(aud) = self.aud {
            map.serialize_entry("aud", aud)?;
        }
        for (name, time) in ["exp", "nbf", "iat"].into_iter().zip(self.times) {
            map.serialize_entry(name, &time)?;
        }
        if let Some(jti) = &self.registered.jti {
            map.serialize_entry("jti", jti)?;
        }
        self.layout.serialize_claims(&mut map)?;
        map.end()
    }
}

/// A verified token: its header and its typed claims.
///
/// Returned by [`crate::Verifier::verify`]; the input of [`crate::Minter::reissue`] and
/// [`crate::Minter::refresh`].
///
/// ```
/// # use claims_jwt::{Clerk, Clock, Layout, Minter, Payload, SigningKey, Verifier};
/// # use serde_json::{Map, Value};
/// let key = SigningKey::hs256(b"0123456789abcdef0123456789abcdef").with_kid("k1");
/// let claims: Map<String, Value> = serde_json::from_value(serde_json::json!({"plan": "pro"}))?;
/// let layout = Clerk { sid: Some("sess_1".into()), ..Clerk::default() };
/// let minted = Minter::<Clerk>::new(key.clone()).with_clock(Clock::fixed(100))
///     .mint(&Payload::new(claims).with_subject("u").with_layout(layout))?;
/// let token = Verifier::<Clerk>::new(key.verifying_key()).with_clock(Clock::fixed(101))
///     .verify::<Map<String, Value>>(minted.as_str())?;
/// assert_eq!(token.claims()["plan"], "pro");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Token<C, L = Generic> {
    header: Header,
    payload: Payload<C, L>,
}

impl<C, L> Token<C, L> {
    pub(crate) fn new(header: Header, payload: Payload<C, L>) -> Self {
        Token { header, payload }
    }

    /// The protected header.
    ///
    /// ```
    /// # use claims_jwt::{Clerk, Clock, Layout, Minter, Payload, SigningKey, Verifier};
    /// # use serde_json::{Map, Value};
    /// let key = SigningKey::hs256(b"0123456789abcdef0123456789abcdef").with_kid("k1");
    /// let claims: Map<String, Value> = serde_json::from_value(serde_json::json!({"plan": "pro"}))?;
    /// let layout = Clerk { sid: Some("sess_1".into()), ..Clerk::default() };
    /// let minted = Minter::<Clerk>::new(key.clone()).with_clock(Clock::fixed(100))
    ///     .mint(&Payload::new(claims).with_subject("u").with_layout(layout))?;
    /// let token = Verifier::<Clerk>::new(key.verifying_key()).with_clock(Clock::fixed(101))
    ///     .verify::<Map<String, Value>>(minted.as_str())?;
    /// assert_eq!(token.header().kid(), Some("k1"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn header(&self) -> &Header {
        &self.header
    }

    /// The registered claims.
    ///
    /// ```
    /// # use claims_jwt::{Clerk, Clock, Layout, Minter, Payload, SigningKey, Verifier};
    /// # use serde_json::{Map, Value};
    /// let key = SigningKey::hs256(b"0123456789abcdef0123456789abcdef").with_kid("k1");
    /// let claims: Map<String, Value> = serde_json::from_value(serde_json::json!({"plan": "pro"}))?;
    /// let layout = Clerk { sid: Some("sess_1".into()), ..Clerk::default() };
    /// let minted = Minter::<Clerk>::new(key.clone()).with_clock(Clock::fixed(100))
    ///     .mint(&Payload::new(claims).with_subject("u").with_layout(layout))?;
    /// let token = Verifier::<Clerk>::new(key.verifying_key()).with_clock(Clock::fixed(101))
    ///     .verify::<Map<String, Value>>(minted.as_str())?;
    /// assert_eq!(token.registered().sub.as_deref(), Some("u"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn registered(&self) -> &Registered {
        &self.payload.registered
    }

    /// The layout's claims (e.g. Clerk's `sid`, `o`).
    ///
    /// ```
    /// # use claims_jwt::{Clerk, Clock, Layout, Minter, Payload, SigningKey, Verifier};
    /// # use serde_json::{Map, Value};
    /// let key = SigningKey::hs256(b"0123456789abcdef0123456789abcdef").with_kid("k1");
    /// let claims: Map<String, Value> = serde_json::from_value(serde_json::json!({"plan": "pro"}))?;
    /// let layout = Clerk { sid: Some("sess_1".into()), ..Clerk::default() };
    /// let minted = Minter::<Clerk>::new(key.clone()).with_clock(Clock::fixed(100))
    ///     .mint(&Payload::new(claims).with_subject("u").with_layout(layout))?;
    /// let token = Verifier::<Clerk>::new(key.verifying_key()).with_clock(Clock::fixed(101))
    ///     .verify::<Map<String, Value>>(minted.as_str())?;
    /// assert_eq!(token.layout().sid.as_deref(), Some("sess_1"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn layout(&self) -> &L {
        &self.payload.layout
    }

    /// The application's custom claims.
    ///
    /// ```
    /// # use claims_jwt::{Clerk, Clock, Layout, Minter, Payload, SigningKey, Verifier};
    /// # use serde_json::{Map, Value};
    /// let key = SigningKey::hs256(b"0123456789abcdef0123456789abcdef").with_kid("k1");
    /// let claims: Map<String, Value> = serde_json::from_value(serde_json::json!({"plan": "pro"}))?;
    /// let layout = Clerk { sid: Some("sess_1".into()), ..Clerk::default() };
    /// let minted = Minter::<Clerk>::new(key.clone()).with_clock(Clock::fixed(100))
    ///     .mint(&Payload::new(claims).with_subject("u").with_layout(layout))?;
    /// let token = Verifier::<Clerk>::new(key.verifying_key()).with_clock(Clock::fixed(101))
    ///     .verify::<Map<String, Value>>(minted.as_str())?;
    /// assert_eq!(token.claims()["plan"], "pro");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn claims(&self) -> &C {
        &self.payload.custom
    }

    /// All the claims.
    ///
    /// ```
    /// # use claims_jwt::{Clerk, Clock, Layout, Minter, Payload, SigningKey, Verifier};
    /// # use serde_json::{Map, Value};
    /// let key = SigningKey::hs256(b"0123456789abcdef0123456789abcdef").with_kid("k1");
    /// let claims: Map<String, Value> = serde_json::from_value(serde_json::json!({"plan": "pro"}))?;
    /// let layout = Clerk { sid: Some("sess_1".into()), ..Clerk::default() };
    /// let minted = Minter::<Clerk>::new(key.clone()).with_clock(Clock::fixed(100))
    ///     .mint(&Payload::new(claims).with_subject("u").with_layout(layout))?;
    /// let token = Verifier::<Clerk>::new(key.verifying_key()).with_clock(Clock::fixed(101))
    ///     .verify::<Map<String, Value>>(minted.as_str())?;
    /// assert_eq!(token.payload().registered.iat, Some(100));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn payload(&self) -> &Payload<C, L> {
        &self.payload
    }

    /// All the claims, by value.
    ///
    /// ```
    /// # use claims_jwt::{Clerk, Clock, Layout, Minter, Payload, SigningKey, Verifier};
    /// # use serde_json::{Map, Value};
    /// let key = SigningKey::hs256(b"0123456789abcdef0123456789abcdef").with_kid("k1");
    /// let claims: Map<String, Value> = serde_json::from_value(serde_json::json!({"plan": "pro"}))?;
    /// let layout = Clerk { sid: Some("sess_1".into()), ..Clerk::default() };
    /// let minted = Minter::<Clerk>::new(key.clone()).with_clock(Clock::fixed(100))
    ///     .mint(&Payload::new(claims).with_subject("u").with_layout(layout))?;
    /// let token = Verifier::<Clerk>::new(key.verifying_key()).with_clock(Clock::fixed(101))
    ///     .verify::<Map<String, Value>>(minted.as_str())?;
    /// let payload = token.into_payload();
    /// assert_eq!(payload.layout.sid.as_deref(), Some("sess_1"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn into_payload(self) -> Payload<C, L> {
        self.payload
    }

    /// The custom claims, by value.
    ///
    /// ```
    /// # use claims_jwt::{Clerk, Clock, Layout, Minter, Payload, SigningKey, Verifier};
    /// # use serde_json::{Map, Value};
    /// let key = SigningKey::hs256(b"0123456789abcdef0123456789abcdef").with_kid("k1");
    /// let claims: Map<String, Value> = serde_json::from_value(serde_json::json!({"plan": "pro"}))?;
    /// let layout = Clerk { sid: Some("sess_1".into()), ..Clerk::default() };
    /// let minted = Minter::<Clerk>::new(key.clone()).with_clock(Clock::fixed(100))
    ///     .mint(&Payload::new(claims).with_subject("u").with_layout(layout))?;
    /// let token = Verifier::<Clerk>::new(key.verifying_key()).with_clock(Clock::fixed(101))
    ///     .verify::<Map<String, Value>>(minted.as_str())?;
    /// let claims = token.into_claims();
    /// assert_eq!(claims["plan"], "pro");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn into_claims(self) -> C {
        self.payload.custom
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_json_len_is_what_every_algorithm_writes() {
        let algorithms = [
            Algorithm::HS256,
            Algorithm::HS384,
            Algorithm::HS512,
            Algorithm::RS256,
            Algorithm::RS384,
            Algorithm::RS512,
            Algorithm::PS256,
            Algorithm::PS384,
            Algorithm::PS512,
            Algorithm::ES256,
            Algorithm::ES384,
            Algorithm::EdDSA,
        ];
        for alg in algorithms {
            for kid in [
                None,
                Some(""),
                Some("ins_2abc"),
                Some("a\"quote\nand a newline"),
            ] {
                let json = Header::new(alg, kid.map(str::to_owned)).to_json();
                let kid_len = kid.map(claims_core::size::escaped_len);
                assert_eq!(Header::json_len(kid_len), json.len(), "{alg:?} {kid:?}");
            }
        }
    }
}
