//! Verifying: one pass from the compact token to the typed token.

use std::fmt;
use std::marker::PhantomData;
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use claims_core::SessionClaims;
use claims_core::profile::FitsProfile;
use jsonwebtoken::Algorithm;

use crate::header::{CheckedHeader, DEFAULT_MAX_HEADER_LEN, HeaderRules, check_header, check_typ};
use crate::layout::assert_fits;
use crate::parse::parse_payload;
use crate::{Error, Generic, Header, KeySet, Layout, Payload, Segment, Token, VerifyingKey};

/// The default cap on a token's length: 8 KiB, twice what a cookie can carry.
///
/// ```
/// # use claims_jwt::{Error, Generic, Verifier, VerifyingKey};
/// let long = "a".repeat(claims_jwt::DEFAULT_MAX_TOKEN_LEN + 1);
/// let key = VerifyingKey::hs256(b"0123456789abcdef0123456789abcdef")?;
/// let err = Verifier::<Generic>::new(key).verify::<serde_json::Map<String, serde_json::Value>>(&long);
/// assert!(matches!(err, Err(Error::TooLong { max: 8192, .. })));
/// # Ok::<(), Error>(())
/// ```
pub const DEFAULT_MAX_TOKEN_LEN: usize = 8192;

/// The widest leeway a verifier accepts: 5 minutes. Clock skew between servers is seconds; a wider window
/// only keeps expired tokens alive.
///
/// ```
/// # use std::time::Duration;
/// # use claims_jwt::{Error, Generic, Verifier, VerifyingKey, MAX_LEEWAY};
/// let verifier = Verifier::<Generic>::new(VerifyingKey::hs256(b"0123456789abcdef0123456789abcdef")?);
/// assert!(verifier.clone().with_leeway(MAX_LEEWAY).is_ok());
/// let err = verifier.with_leeway(Duration::MAX).unwrap_err();
/// assert_eq!(err, Error::LeewayTooLong { leeway: u64::MAX, max: 300 });
/// # Ok::<(), Error>(())
/// ```
pub const MAX_LEEWAY: Duration = Duration::from_secs(5 * 60);

/// Verifies tokens of layout `L` against one key or a JWK set.
///
/// [`Verifier::verify`] makes one pass: it caps the length before decoding anything, splits the three
/// segments, caps the header segment, decodes and parses the header once, applying every rule on it
/// (an object with unique names; no `crit`; no `jku`, `jwk`, `x5u` or `x5c` unless
/// [`Verifier::with_key_parameters_ignored`]; a `kid` of at most [`crate::MAX_KID_LEN`] bytes; `typ` the
/// layout's, required unless [`Verifier::with_typ_optional`]), picks the key (by `kid` in a [`KeySet`]),
/// refuses any `alg` other than the key's (so `none` and HS/RS confusion fail), checks the signature as
/// jsonwebtoken's crypto would, then decodes the payload and parses it once into the typed [`Token`],
/// refusing duplicate names and wrongly typed registered claims. Last come the checks on the typed claims:
/// `exp` (required unless [`Verifier::with_exp_optional`]), the lifetime (`exp - iat`, or `exp - now`
/// without `iat`, at most the layout's [`Layout::MAX_LIFETIME`] unless [`Verifier::with_max_lifetime`]),
/// `nbf`, `iat` not in the future, with the leeway (the layout's default: 5 s for Clerk, 0 otherwise)
/// against the clock; `iss`, `azp` when configured; `aud` against the configured audiences, and refused
/// when present while none is configured (RFC 7519 §4.1.3) unless [`Verifier::with_any_audience`]; the
/// token's age (`now - iat`) when [`Verifier::with_max_token_age`] is set.
///
/// [`Verifier::verify_async`] makes the same pass, the same checks in the same order; with a remote JWK
/// set (feature `remote-jwks`) it may first fetch the set, between reading the header and picking the key.
///
/// ```
/// use claims_jwt::{Clerk, Clock, Error, KeySet, Verifier};
/// use serde_json::{Map, Value};
///
/// let jwks = r#"{"keys":[{"kty":"oct","kid":"k1","k":"MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY","alg":"HS256"}]}"#;
/// let verifier = Verifier::<Clerk>::from_key_set(KeySet::from_jwks_json(jwks)?)
///     .with_issuer("https://clerk.example.com")
///     .with_authorized_party("https://example.com")
///     .with_clock(Clock::fixed(1_700_000_000));
/// let err = verifier.verify::<Map<String, Value>>("eyJhbGciOiJub25lIn0.e30.").unwrap_err();
/// assert_eq!(err, Error::AlgorithmMismatch { expected: claims_jwt::Algorithm::HS256, found: "none".into() });
/// # Ok::<(), Error>(())
/// ```
pub struct Verifier<L = Generic> {
    keys: Keys,
    issuers: Vec<String>,
    audiences: Vec<String>,
    authorized_parties: Vec<String>,
    leeway: u64,
    require_exp: bool,
    max_token_len: usize,
    max_lifetime: u64,
    max_token_age: Option<u64>,
    any_audience: bool,
    header: HeaderRules,
    clock: crate::Clock,
    layout: PhantomData<fn() -> L>,
}

#[derive(Clone, Debug)]
enum Keys {
    One(VerifyingKey),
    Set(KeySet),
    #[cfg(feature = "remote-jwks")]
    Remote(crate::RemoteJwks),
}

impl<L> Clone for Verifier<L> {
    fn clone(&self) -> Self {
        Verifier {
            keys: self.keys.clone(),
            issuers: self.issuers.clone(),
            audiences: self.audiences.clone(),
            authorized_parties: self.authorized_parties.clone(),
            leeway: self.leeway,
            require_exp: self.require_exp,
            max_token_len: self.max_token_len,
            max_lifetime: self.max_lifetime,
            max_token_age: self.max_token_age,
            any_audience: self.any_audience,
            header: self.header,
            clock: self.clock.clone(),
            layout: PhantomData,
        }
    }
}

impl<L: Layout> fmt::Debug for Verifier<L> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Verifier")
            .field("layout", &L::NAME)
            .field("keys", &self.keys)
            .field("issuers", &self.issuers)
            .field("audiences", &self.audiences)
            .field("authorized_parties", &self.authorized_parties)
            .field("leeway", &self.leeway)
            .field("require_exp", &self.require_exp)
            .field("max_token_len", &self.max_token_len)
            .field("max_lifetime", &self.max_lifetime)
            .field("max_token_age", &self.max_token_age)
            .field("any_audience", &self.any_audience)
            .field("header", &self.header)
            .field("clock", &self.clock)
            .finish_non_exhaustive()
    }
}

/// A compact JWS whose header passed every rule but `typ`'s, waiting for its key.
struct Jws<'t> {
    header: CheckedHeader,
    /// The signing input: `header . payload`, as written.
    message: &'t str,
    payload_b64: &'t str,
    signature_b64: &'t str,
}

/// The name of `alg` as written in a JWS header.
fn alg_name(alg: Algorithm) -> &'static str {
    match alg {
        Algorithm::HS256 => "HS256",
        Algorithm::HS384 => "HS384",
        Algorithm::HS512 => "HS512",
        Algorithm::ES256 => "ES256",
        Algorithm::ES384 => "ES384",
        Algorithm::RS256 => "RS256",
        Algorithm::RS384 => "RS384",
        Algorithm::RS512 => "RS512",
        Algorithm::PS256 => "PS256",
        Algorithm::PS384 => "PS384",
        Algorithm::PS512 => "PS512",
        // `Algorithm` is non-exhaustive; EdDSA is the last one jsonwebtoken 11 knows.
        _ => "EdDSA",
    }
}

impl<L: Layout> Verifier<L> {
    fn from_keys(keys: Keys) -> Self {
        Verifier {
            keys,
            issuers: Vec::new(),
            audiences: Vec::new(),
            authorized_parties: Vec::new(),
            leeway: L::DEFAULT_LEEWAY,
            require_exp: true,
            max_token_len: DEFAULT_MAX_TOKEN_LEN,
            max_lifetime: L::MAX_LIFETIME,
            max_token_age: None,
            any_audience: false,
            header: HeaderRules {
                max_len: DEFAULT_MAX_HEADER_LEN,
                typ: L::TYP,
                require_typ: true,
                ignore_key_parameters: false,
            },
            clock: crate::Clock::system(),
            layout: PhantomData,
        }
    }

    /// A verifier accepting tokens signed by `key`, with its algorithm, whatever their `kid`.
    ///
    /// ```
    /// # use claims_jwt::{Generic, Verifier, VerifyingKey};
    /// let verifier = Verifier::<Generic>::new(VerifyingKey::hs256(b"0123456789abcdef0123456789abcdef")?);
    /// # Ok::<(), claims_jwt::Error>(())
    /// ```
    pub fn new(key: VerifyingKey) -> Self {
        Self::from_keys(Keys::One(key))
    }

    /// A verifier choosing the key by the token's `kid` in `keys`.
    ///
    /// ```
    /// # use claims_jwt::{Generic, KeySet, Verifier, VerifyingKey};
    /// let key = VerifyingKey::hs256(b"0123456789abcdef0123456789abcdef")?.with_kid("a");
    /// let verifier = Verifier::<Generic>::from_key_set(KeySet::new([key]));
    /// # Ok::<(), claims_jwt::Error>(())
    /// ```
    pub fn from_key_set(keys: KeySet) -> Self {
        Self::from_keys(Keys::Set(keys))
    }

    /// A verifier choosing the key by the token's `kid` in a remote JWK set, fetched and cached as
    /// [`crate::RemoteJwks`] describes. Use [`Verifier::verify_async`], which fetches the set when needed
    /// and refreshes it for a new `kid`; [`Verifier::verify`] uses the set at hand only.
    ///
    /// ```
    /// # use claims_jwt::{Generic, JwksOptions, RemoteJwks, Verifier};
    /// let jwks = RemoteJwks::new("https://auth.example.com/.well-known/jwks.json", JwksOptions::default())?;
    /// let verifier = Verifier::<Generic>::from_remote_jwks(jwks).with_issuer("https://auth.example.com");
    /// # Ok::<(), claims_jwt::Error>(())
    /// ```
    #[cfg(feature = "remote-jwks")]
    pub fn from_remote_jwks(jwks: crate::RemoteJwks) -> Self {
        Self::from_keys(Keys::Remote(jwks))
    }

    /// The remote JWK set this verifier fetches its keys from, if it has one: to await
    /// [`crate::RemoteJwks::refresh`] at startup, or to look at the cached keys.
    ///
    /// ```
    /// # use claims_jwt::{Generic, JwksOptions, RemoteJwks, Verifier, VerifyingKey};
    /// let jwks = RemoteJwks::new("https://auth.example.com/.well-known/jwks.json", JwksOptions::default())?;
    /// let verifier = Verifier::<Generic>::from_remote_jwks(jwks);
    /// assert_eq!(verifier.remote_jwks().map(|jwks| jwks.url()), Some("https://auth.example.com/.well-known/jwks.json"));
    /// let key = VerifyingKey::hs256(b"0123456789abcdef0123456789abcdef")?;
    /// assert!(Verifier::<Generic>::new(key).remote_jwks().is_none());
    /// # Ok::<(), claims_jwt::Error>(())
    /// ```
    #[cfg(feature = "remote-jwks")]
    pub fn remote_jwks(&self) -> Option<&crate::RemoteJwks> {
        match &self.keys {
            Keys::Remote(jwks) => Some(jwks),
            _ => None,
        }
    }

    /// This verifier also accepting `iss` = `issuer`; once any issuer is set, `iss` is required.
    #[must_use]
    pub fn with_issuer(mut self, issuer: impl Into<String>) -> Self {
        self.issuers.push(issuer.into());
        self
    }

    /// This verifier also accepting the audience `audience`; once any is set, `aud` is required and one of
    /// its values must be accepted.
    #[must_use]
    pub fn with_audience(mut self, audience: impl Into<String>) -> Self {
        self.audiences.push(audience.into());
        self
    }

    /// This verifier accepting a token that names audiences in `aud` while it has none configured.
    ///
    /// By default such a token is refused ([`Error::UnexpectedAudience`]): RFC 7519 §4.1.3 says a
    /// recipient that does not identify itself with a value of a present `aud` must refuse the token,
    /// which keeps a token minted for another service from being replayed here. Opt out only when the
    /// audience is checked elsewhere. Configured audiences ([`Verifier::with_audience`]) are still checked.
    #[must_use]
    pub fn with_any_audience(mut self) -> Self {
        self.any_audience = true;
        self
    }

    /// This verifier also accepting the authorized party (`azp`) `party`. Once any is set, a token whose
    /// layout carries an `azp` must carry an accepted one (a token without `azp` passes, as in Clerk's SDKs).
    #[must_use]
    pub fn with_authorized_party(mut self, party: impl Into<String>) -> Self {
        self.authorized_parties.push(party.into());
        self
    }

    /// This verifier allowing `leeway` of clock skew (whole seconds) on `exp`, `nbf` and `iat`; a leeway
    /// over [`MAX_LEEWAY`] (5 minutes) is [`Error::LeewayTooLong`].
    ///
    /// ```
    /// # use std::time::Duration;
    /// # use claims_jwt::{Error, Generic, Verifier, VerifyingKey};
    /// # let key = VerifyingKey::hs256(b"0123456789abcdef0123456789abcdef")?;
    /// let verifier = Verifier::<Generic>::new(key).with_leeway(Duration::from_secs(5))?;
    /// let err = verifier.with_leeway(Duration::from_secs(301)).unwrap_err();
    /// assert_eq!(err, Error::LeewayTooLong { leeway: 301, max: 300 });
    /// # Ok::<(), claims_jwt::Error>(())
    /// ```
    pub fn with_leeway(mut self, leeway: Duration) -> Result<Self, Error> {
        // Whole seconds, as times are: 300.5 s is a leeway of 300 s, within the maximum.
        let (leeway, max) = (leeway.as_secs(), MAX_LEEWAY.as_secs());
        if leeway > max {
            return Err(Error::LeewayTooLong { leeway, max });
        }
        self.leeway = leeway;
        Ok(self)
    }

    /// This verifier refusing tokens that live longer than `max` (whole seconds): `exp - iat`, or
    /// `exp - now` for a token without `iat`. The default is the layout's [`Layout::MAX_LIFETIME`]: 60 s
    /// for Clerk, 5 minutes for Stytch, a day for [`Generic`].
    #[must_use]
    pub fn with_max_lifetime(mut self, max: Duration) -> Self {
        self.max_lifetime = max.as_secs();
        self
    }

    /// This verifier refusing tokens issued more than `max_age` ago (whole seconds, plus the leeway), as
    /// Stytch's SDKs do with `max_token_age_seconds`; `iat` becomes required ([`Error::TooOld`]).
    ///
    /// This bounds the time since `iat`, against the clock: a token that was fine a minute ago may be
    /// refused now. [`Verifier::with_max_lifetime`] bounds `exp - iat`, a property of the token alone.
    ///
    /// ```
    /// # use std::time::Duration;
    /// # use claims_jwt::{Clock, Error, Generic, Minter, Payload, SigningKey, Verifier};
    /// # use serde_json::{Map, Value};
    /// let key = SigningKey::hs256(b"0123456789abcdef0123456789abcdef")?;
    /// let minted = Minter::<Generic>::new(key.clone()).with_clock(Clock::fixed(1000)).with_ttl(Duration::from_secs(3600))
    ///     .mint(&Payload::new(Map::<String, Value>::new()))?;
    /// let verifier = Verifier::<Generic>::new(key.verifying_key()).with_max_token_age(Duration::from_secs(300));
    /// assert!(verifier.clone().with_clock(Clock::fixed(1300)).verify::<Map<String, Value>>(minted.as_str()).is_ok());
    /// assert_eq!(
    ///     verifier.with_clock(Clock::fixed(1301)).verify::<Map<String, Value>>(minted.as_str()).unwrap_err(),
    ///     Error::TooOld { iat: 1000, now: 1301, max_age: 300, leeway: 0 }
    /// );
    /// # Ok::<(), Error>(())
    /// ```
    #[must_use]
    pub fn with_max_token_age(mut self, max_age: Duration) -> Self {
        self.max_token_age = Some(max_age.as_secs());
        self
    }

    /// This verifier reading the time from `clock`.
    #[must_use]
    pub fn with_clock(mut self, clock: crate::Clock) -> Self {
        self.clock = clock;
        self
    }

    /// This verifier refusing tokens longer than `max` bytes, before decoding them.
    ///
    /// ```
    /// # use claims_jwt::{Error, Generic, Verifier, VerifyingKey};
    /// # let key = VerifyingKey::hs256(b"0123456789abcdef0123456789abcdef")?;
    /// let verifier = Verifier::<Generic>::new(key).with_max_token_len(10);
    /// let err = verifier.verify::<serde_json::Map<String, serde_json::Value>>("a.b.cdefghijk").unwrap_err();
    /// assert_eq!(err, Error::TooLong { len: 13, max: 10 });
    /// # Ok::<(), claims_jwt::Error>(())
    /// ```
    #[must_use]
    pub fn with_max_token_len(mut self, max: usize) -> Self {
        self.max_token_len = max;
        self
    }

    /// This verifier refusing header segments longer than `max` base64url characters, before decoding
    /// them (default [`crate::DEFAULT_MAX_HEADER_LEN`], 1 KiB).
    ///
    /// ```
    /// # use claims_jwt::{Error, Generic, Verifier, VerifyingKey};
    /// # let key = VerifyingKey::hs256(b"0123456789abcdef0123456789abcdef")?;
    /// let verifier = Verifier::<Generic>::new(key).with_max_header_len(8);
    /// let err = verifier.verify::<serde_json::Map<String, serde_json::Value>>("eyJhbGciOiJIUzI1NiJ9.e30.x").unwrap_err();
    /// assert_eq!(err, Error::HeaderTooLong { len: 20, max: 8 });
    /// # Ok::<(), claims_jwt::Error>(())
    /// ```
    #[must_use]
    pub fn with_max_header_len(mut self, max: usize) -> Self {
        self.header.max_len = max;
        self
    }

    /// This verifier accepting tokens without `exp` (an `exp` that is present is still checked). Such a
    /// token never expires, and has no lifetime to check.
    #[must_use]
    pub fn with_exp_optional(mut self) -> Self {
        self.require_exp = false;
        self
    }

    /// This verifier accepting tokens whose header has no `typ`, for issuers that omit it. A `typ` that
    /// is present must still be the layout's ([`Layout::TYP`], `JWT`), so an access token (`at+jwt`) never
    /// passes as a session token (RFC 8725 §3.11).
    #[must_use]
    pub fn with_typ_optional(mut self) -> Self {
        self.header.require_typ = false;
        self
    }

    /// This verifier accepting, and ignoring, the header parameters that point at a key (`jku`, `jwk`,
    /// `x5u`, `x5c`), for issuers that send them. They are never fetched or used either way: keys come
    /// only from this verifier's configuration. By default they are refused
    /// ([`Error::HeaderParameterRefused`]), as RFC 8725 §3.10 advises.
    #[must_use]
    pub fn with_key_parameters_ignored(mut self) -> Self {
        self.header.ignore_key_parameters = true;
        self
    }

    /// Verifies `token` and returns its typed claims; see [`Verifier`] for the order of the checks.
    ///
    /// ```
    /// # use claims_jwt::{Clerk, Clock, Error, Minter, Payload, SigningKey, Verifier};
    /// # use serde_json::{Map, Value};
    /// let key = SigningKey::hs256(b"0123456789abcdef0123456789abcdef")?;
    /// let minted = Minter::<Clerk>::new(key.clone()).with_clock(Clock::fixed(100)).mint(&Payload::new(Map::<String, Value>::new()))?;
    /// let verifier = Verifier::<Clerk>::new(key.verifying_key());
    /// let token = verifier.clone().with_clock(Clock::fixed(150)).verify::<Map<String, Value>>(minted.as_str())?;
    /// assert_eq!(token.registered().exp, Some(160));
    /// // exp = 160; Clerk's default leeway is 5 s, so at 165 the token is expired.
    /// assert_eq!(
    ///     verifier.with_clock(Clock::fixed(165)).verify::<Map<String, Value>>(minted.as_str()).unwrap_err(),
    ///     Error::Expired { exp: 160, now: 165, leeway: 5 }
    /// );
    /// # Ok::<(), Error>(())
    /// ```
    pub fn verify<C: SessionClaims + FitsProfile<L::Profile>>(
        &self,
        token: &str,
    ) -> Result<Token<C, L>, Error> {
        assert_fits::<C, L>();
        let (header, payload) = self.verify_jws(token)?;
        self.typed_token(header, &payload)
    }

    /// Verifies `token` like [`Verifier::verify`], with the same checks; with a remote JWK set
    /// (`Verifier::from_remote_jwks`, feature `remote-jwks`), first fetches the set if none is at hand,
    /// or fetches it again when the token's `kid` is unknown (at most once per refresh interval, one fetch
    /// for all concurrent callers). A key the set already holds is used at once, without waiting on any
    /// fetch. With static keys it is [`Verifier::verify`]: the one entry point a request handler needs.
    ///
    /// ```
    /// # use claims_jwt::{Clerk, Error, Verifier};
    /// # use serde_json::{Map, Value};
    /// async fn user_id(verifier: &Verifier<Clerk>, session_cookie: &str) -> Result<Option<String>, Error> {
    ///     let token = verifier.verify_async::<Map<String, Value>>(session_cookie).await?;
    ///     Ok(token.registered().sub.clone())
    /// }
    /// ```
    // Without `remote-jwks` nothing awaits, but handlers keep one signature whatever the features.
    #[cfg_attr(not(feature = "remote-jwks"), allow(clippy::unused_async))]
    pub async fn verify_async<C: SessionClaims + FitsProfile<L::Profile>>(
        &self,
        token: &str,
    ) -> Result<Token<C, L>, Error> {
        #[cfg(feature = "remote-jwks")]
        if let Keys::Remote(remote) = &self.keys {
            assert_fits::<C, L>();
            let jws = self.parse_jws(token)?;
            let keys = remote.keys_for(jws.header.kid.as_deref()).await?;
            let key = keys.keys().select(jws.header.kid.as_deref())?;
            let (header, payload) = self.check_jws(jws, key)?;
            return self.typed_token(header, &payload);
        }
        self.verify(token)
    }

    /// The typed token of a verified payload, once its claims pass [`Verifier::check_claims`].
    fn typed_token<C: SessionClaims>(
        &self,
        header: Header,
        payload: &[u8],
    ) -> Result<Token<C, L>, Error> {
        let payload: Payload<C, L> = parse_payload(payload)?;
        self.check_claims(&payload)?;
        Ok(Token::new(header, payload))
    }

    /// Verifies `token` at the signature level only (length cap, every header rule, key, algorithm,
    /// signature) and returns the header and the decoded payload bytes, which need not be JSON. No claim
    /// is checked.
    ///
    /// ```
    /// # use claims_jwt::{Generic, Verifier, VerifyingKey};
    /// // RFC 7515 A.1's key and token: the signature is good, whatever the payload holds.
    /// let key = VerifyingKey::from_jwk(&serde_json::from_str(r#"{"kty":"oct",
    ///     "k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"}"#)?)?;
    /// let token = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    /// let (header, payload) = Verifier::<Generic>::new(key).verify_signature(token)?;
    /// assert_eq!(header.typ(), Some("JWT"));
    /// assert!(payload.starts_with(b"{\"iss\":\"joe\",\r\n"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn verify_signature(&self, token: &str) -> Result<(Header, Vec<u8>), Error> {
        self.verify_jws(token)
    }

    fn verify_jws(&self, token: &str) -> Result<(Header, Vec<u8>), Error> {
        let jws = self.parse_jws(token)?;
        match &self.keys {
            Keys::One(key) => self.check_jws(jws, key),
            Keys::Set(set) => {
                let key = set.select(jws.header.kid.as_deref())?;
                self.check_jws(jws, key)
            }
            #[cfg(feature = "remote-jwks")]
            Keys::Remote(remote) => remote.with_keys_now(|set| {
                let key = set.select(jws.header.kid.as_deref())?;
                self.check_jws(jws, key)
            }),
        }
    }

    /// Caps the length, splits the segments and applies every header rule but `typ`'s: everything before
    /// a key is chosen.
    fn parse_jws<'t>(&self, token: &'t str) -> Result<Jws<'t>, Error> {
        if token.len() > self.max_token_len {
            return Err(Error::TooLong {
                len: token.len(),
                max: self.max_token_len,
            });
        }
        let segments = || {
            Error::malformed(
                Segment::Token,
                "a compact JWS has three segments separated by `.`",
            )
        };
        let (header_b64, rest) = token.split_once('.').ok_or_else(segments)?;
        let (payload_b64, signature_b64) = rest.split_once('.').ok_or_else(segments)?;
        if signature_b64.contains('.') {
            return Err(segments());
        }

        // Every header rule, in the one parse of the header, before any key is looked up; `typ` once the
        // algorithm is known to be right.
        let header = check_header(header_b64, &self.header)?;
        Ok(Jws {
            header,
            message: &token[..header_b64.len() + 1 + payload_b64.len()],
            payload_b64,
            signature_b64,
        })
    }

    /// Checks `jws` with `key`: the header's `alg` must be the key's, then `typ`, then the signature;
    /// returns the header and the decoded payload bytes.
    fn check_jws(&self, jws: Jws<'_>, key: &VerifyingKey) -> Result<(Header, Vec<u8>), Error> {
        let Jws {
            header,
            message,
            payload_b64,
            signature_b64,
        } = jws;
        if header.alg != alg_name(key.algorithm()) {
            return Err(Error::AlgorithmMismatch {
                expected: key.algorithm(),
                found: header.alg,
            });
        }
        check_typ(&header, &self.header)?;
        key.verify(message.as_bytes(), signature_b64)?;

        let payload = URL_SAFE_NO_PAD
            .decode(payload_b64)
            .map_err(|e| Error::malformed(Segment::Payload, format!("not base64url: {e}")))?;
        Ok((
            Header::verified(key.algorithm(), header.kid, header.typ),
            payload,
        ))
    }

    fn check_claims<C>(&self, payload: &Payload<C, L>) -> Result<(), Error> {
        let registered = &payload.registered;
        let (now, leeway) = (self.clock.now(), self.leeway);
        match registered.exp {
            Some(exp) if now >= exp.saturating_add(leeway) => {
                return Err(Error::Expired { exp, now, leeway });
            }
            None if self.require_exp => return Err(Error::MissingClaim { name: "exp" }),
            _ => {}
        }
        if let Some(exp) = registered.exp {
            let lifetime = exp.saturating_sub(registered.iat.unwrap_or(now));
            if lifetime > self.max_lifetime {
                return Err(Error::LifetimeTooLong {
                    lifetime,
                    max: self.max_lifetime,
                });
            }
        }
        if let Some(nbf) = registered.nbf
            && now.saturating_add(leeway) < nbf
        {
            return Err(Error::NotYetValid { nbf, now, leeway });
        }
        if let Some(iat) = registered.iat
            && iat > now.saturating_add(leeway)
        {
            return Err(Error::IssuedInFuture { iat, now, leeway });
        }
        if let Some(max_age) = self.max_token_age {
            let iat = registered.iat.ok_or(Error::MissingClaim { name: "iat" })?;
            if now > iat.saturating_add(max_age).saturating_add(leeway) {
                return Err(Error::TooOld {
                    iat,
                    now,
                    max_age,
                    leeway,
                });
            }
        }
        if !self.issuers.is_empty() {
            let iss = registered
                .iss
                .as_ref()
                .ok_or(Error::MissingClaim { name: "iss" })?;
            if !self.issuers.contains(iss) {
                return Err(Error::InvalidIssuer { found: iss.clone() });
            }
        }
        match (&registered.aud, self.audiences.is_empty()) {
            (None, false) => return Err(Error::MissingClaim { name: "aud" }),
            (Some(aud), false) if !self.audiences.iter().any(|a| aud.contains(a)) => {
                return Err(Error::InvalidAudience {
                    found: aud.iter().map(str::to_owned).collect(),
                });
            }
            // RFC 7519 §4.1.3: a present `aud` this verifier can't identify itself with is refused.
            (Some(aud), true) if !self.any_audience => {
                return Err(Error::UnexpectedAudience {
                    found: aud.iter().map(str::to_owned).collect(),
                });
            }
            _ => {}
        }
        if !self.authorized_parties.is_empty()
            && let Some(azp) = payload.layout.authorized_party()
            && !self.authorized_parties.iter().any(|p| p == azp)
        {
            return Err(Error::UnauthorizedParty {
                azp: azp.to_owned(),
            });
        }
        Ok(())
    }
}
