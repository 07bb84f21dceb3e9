//! The typed token: registered claims, a layout's claims and the application's custom claims.

use claims_core::size::escaped_len;
use jsonwebtoken::Algorithm;
use serde::Serialize;

use crate::{Generic, Layout, Registered};

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
    pub fn new(alg: Algorithm, kid: Option<String>) -> Self {
        Self::for_layout::<Generic>(alg, kid)
    }

    /// The header a minter of layout `L` writes, with the layout's `typ`.
    pub(crate) fn for_layout<L: Layout>(alg: Algorithm, kid: Option<String>) -> Self {
        Header {
            alg,
            kid,
            typ: Some(L::TYP.to_owned()),
        }
    }

    pub(crate) fn verified(alg: Algorithm, kid: Option<String>, typ: Option<String>) -> Self {
        Header { alg, kid, typ }
    }

    /// The algorithm the signature was checked with.
    pub fn alg(&self) -> Algorithm {
        self.alg
    }

    /// The key id, if any.
    pub fn kid(&self) -> Option<&str> {
        self.kid.as_deref()
    }

    /// The media type, if any (`JWT`).
    pub fn typ(&self) -> Option<&str> {
        self.typ.as_deref()
    }

    /// Bytes of the JSON a minter of layout `L` writes for a header whose `kid` takes `kid_len` bytes once
    /// JSON-escaped (`None`: no `kid`), with the layout's `typ` ([`Layout::TYP`]), whatever the algorithm:
    /// every JWS algorithm jsonwebtoken signs with has a five-character name (`HS256`, `RS384`, `PS512`,
    /// `ES256`, `EdDSA`).
    ///
    /// ```
    /// # use claims_jwt::{Clerk, Generic, Header};
    /// assert_eq!(Header::json_len::<Generic>(None), r#"{"alg":"HS256","typ":"JWT"}"#.len());
    /// assert_eq!(Header::json_len::<Clerk>(Some(5)), r#"{"alg":"RS256","kid":"ins_1","typ":"JWT"}"#.len());
    /// ```
    pub const fn json_len<L: Layout>(kid_len: Option<usize>) -> usize {
        const BARE: usize = r#"{"alg":"HS256","typ":""}"#.len();
        const KID: usize = r#""kid":"","#.len();
        let bare = BARE.saturating_add(escaped_len(L::TYP));
        match kid_len {
            Some(kid) => (bare + KID).saturating_add(kid),
            None => bare,
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
    pub fn new(custom: C) -> Self {
        Payload {
            registered: Registered::default(),
            layout: L::default(),
            custom,
        }
    }

    /// This payload with `sub`.
    #[must_use]
    pub fn with_subject(mut self, sub: impl Into<String>) -> Self {
        self.registered.sub = Some(sub.into());
        self
    }

    /// This payload with other registered claims.
    #[must_use]
    pub fn with_registered(mut self, registered: Registered) -> Self {
        self.registered = registered;
        self
    }

    /// This payload with the layout's claims.
    #[must_use]
    pub fn with_layout(mut self, layout: L) -> Self {
        self.layout = layout;
        self
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
/// let key = SigningKey::hs256(b"0123456789abcdef0123456789abcdef")?.with_kid("k1");
/// let claims: Map<String, Value> = serde_json::from_value(serde_json::json!({"plan": "pro"}))?;
/// let layout = Clerk { sid: Some("sess_1".into()), ..Clerk::default() };
/// let minted = Minter::<Clerk>::new(key.clone()).with_clock(Clock::fixed(100))
///     .mint(&Payload::new(claims).with_subject("u").with_layout(layout))?;
/// let token = Verifier::<Clerk>::new(key.verifying_key()).with_clock(Clock::fixed(101))
///     .verify::<Map<String, Value>>(minted.as_str())?;
/// assert_eq!(token.header().kid(), Some("k1"));
/// assert_eq!((token.registered().sub.as_deref(), token.registered().iat), (Some("u"), Some(100)));
/// assert_eq!(token.layout().sid.as_deref(), Some("sess_1"));
/// assert_eq!(token.claims()["plan"], "pro");
/// let payload = token.into_payload(); // or `into_claims()` for the custom claims alone
/// assert_eq!(payload.custom["plan"], "pro");
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
    pub fn header(&self) -> &Header {
        &self.header
    }

    /// The registered claims.
    pub fn registered(&self) -> &Registered {
        &self.payload.registered
    }

    /// The layout's claims (e.g. Clerk's `sid`, `o`).
    pub fn layout(&self) -> &L {
        &self.payload.layout
    }

    /// The application's custom claims.
    pub fn claims(&self) -> &C {
        &self.payload.custom
    }

    /// All the claims.
    pub fn payload(&self) -> &Payload<C, L> {
        &self.payload
    }

    /// All the claims, by value.
    pub fn into_payload(self) -> Payload<C, L> {
        self.payload
    }

    /// The custom claims, by value.
    pub fn into_claims(self) -> C {
        self.payload.custom
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A layout whose tokens say `typ: at+jwt`.
    #[derive(Debug, Clone, Default)]
    struct AccessToken {
        scope: Option<String>,
    }

    impl Layout for AccessToken {
        const NAME: &'static str = "access";
        type Profile = claims_core::profile::AnyProfile;
        const RESERVED: claims_core::ReservedNames<'static> =
            claims_core::ReservedNames::RFC7519.with_names(&["scope"]);
        const TYP: &'static str = "at+jwt";
        crate::layout_claims!(scope);
    }

    #[test]
    fn header_json_len_counts_the_layout_s_typ() {
        for kid in [None, Some("k1")] {
            let json = Header::for_layout::<AccessToken>(Algorithm::ES256, kid.map(str::to_owned))
                .to_json();
            let kid_len = kid.map(escaped_len);
            assert_eq!(
                Header::json_len::<AccessToken>(kid_len),
                json.len(),
                "{kid:?}"
            );
        }
        assert_eq!(
            Header::json_len::<AccessToken>(None),
            r#"{"alg":"ES256","typ":"at+jwt"}"#.len()
        );
    }

    #[test]
    fn header_json_len_is_what_every_algorithm_writes() {
        for alg in crate::ALGORITHMS {
            for kid in [
                None,
                Some(""),
                Some("ins_2abc"),
                Some("a\"quote\nand a newline"),
            ] {
                let json = Header::new(alg, kid.map(str::to_owned)).to_json();
                let kid_len = kid.map(claims_core::size::escaped_len);
                assert_eq!(
                    Header::json_len::<Generic>(kid_len),
                    json.len(),
                    "{alg:?} {kid:?}"
                );
            }
        }
    }
}
