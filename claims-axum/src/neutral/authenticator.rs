//! From request headers to a verified, typed session: find the token, verify it once, or refuse.

use std::sync::Arc;

use claims_jwt::claims_core::profile::FitsProfile;
use claims_jwt::{Generic, Layout, Registered, SessionClaims, Token, Verifier};
use http::HeaderMap;

use super::log::log_refusal;
use super::{FoundToken, Origin, Refusal, TokenSources};

/// A verifier and the places to look for the token: what the extractor reads from application state.
///
/// Cheap to clone (one `Arc`), so it can sit in an axum state and be handed out through `FromRef`.
/// [`Authenticator::authenticate`] is the framework-neutral entry point: it needs only the request's
/// headers, so another framework's adapter is a thin layer over it.
///
/// ```
/// use claims_axum::{Authenticator, Reason};
/// use claims_jwt::{Clerk, Clock, Minter, Payload, SigningKey, Verifier};
/// use http::{HeaderMap, HeaderValue, header::AUTHORIZATION};
/// use serde_json::{Map, Value};
///
/// let key = SigningKey::hs256(b"0123456789abcdef0123456789abcdef").unwrap();
/// let minted = Minter::<Clerk>::new(key.clone()).mint(&Payload::new(Map::<String, Value>::new()).with_subject("user_1"))?;
/// let auth = Authenticator::new(Verifier::<Clerk>::new(key.verifying_key()));
///
/// let mut headers = HeaderMap::new();
/// assert!(auth.authenticate::<Map<String, Value>>(&headers)?.is_none()); // no token at all
///
/// headers.insert(AUTHORIZATION, HeaderValue::from_str(&format!("Bearer {minted}"))?);
/// let session = auth.authenticate::<Map<String, Value>>(&headers)?.expect("a session");
/// assert_eq!(session.registered().sub.as_deref(), Some("user_1"));
///
/// headers.insert(AUTHORIZATION, HeaderValue::from_static("Bearer not-a-token"));
/// let refusal = auth.authenticate::<Map<String, Value>>(&headers).unwrap_err();
/// assert_eq!((refusal.reason(), refusal.status().as_u16()), (Reason::Malformed, 401));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Authenticator<L = Generic> {
    inner: Arc<Inner<L>>,
}

struct Inner<L> {
    verifier: Verifier<L>,
    sources: TokenSources,
}

impl<L> Clone for Authenticator<L> {
    fn clone(&self) -> Self {
        Authenticator {
            inner: Arc::clone(&self.inner),
        }
    }
}

impl<L: Layout> std::fmt::Debug for Authenticator<L> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Authenticator")
            .field("verifier", &self.inner.verifier)
            .field("sources", &self.inner.sources)
            .finish()
    }
}

impl<L: Layout> From<Verifier<L>> for Authenticator<L> {
    fn from(verifier: Verifier<L>) -> Self {
        Authenticator::new(verifier)
    }
}

impl<L: Layout> Authenticator<L> {
    /// Verifies with `verifier`, reading the default [`TokenSources`]: `Authorization: Bearer`, then Clerk's
    /// session cookie.
    ///
    /// ```
    /// # use claims_axum::{Authenticator, TokenSources};
    /// # use claims_jwt::{Clerk, Verifier, VerifyingKey};
    /// let auth = Authenticator::new(Verifier::<Clerk>::new(VerifyingKey::hs256(b"0123456789abcdef0123456789abcdef").unwrap()));
    /// assert_eq!(auth.sources(), &TokenSources::default());
    /// ```
    pub fn new(verifier: Verifier<L>) -> Self {
        Self::with_parts(verifier, TokenSources::default())
    }

    fn with_parts(verifier: Verifier<L>, sources: TokenSources) -> Self {
        Authenticator {
            inner: Arc::new(Inner { verifier, sources }),
        }
    }

    /// This authenticator reading `sources`, in their order, instead.
    ///
    /// ```
    /// # use claims_axum::{Authenticator, TokenSource, TokenSources};
    /// # use claims_jwt::{Generic, Verifier, VerifyingKey};
    /// let auth = Authenticator::new(Verifier::<Generic>::new(VerifyingKey::hs256(b"0123456789abcdef0123456789abcdef").unwrap()))
    ///     .with_sources(TokenSources::new([TokenSource::cookie("app_session"), TokenSource::Bearer]));
    /// assert_eq!(auth.sources().as_slice()[0], TokenSource::cookie("app_session"));
    /// ```
    #[must_use]
    pub fn with_sources(self, sources: impl Into<TokenSources>) -> Self {
        Self::with_parts(self.inner.verifier.clone(), sources.into())
    }

    /// The verifier.
    ///
    /// ```
    /// # use claims_axum::Authenticator;
    /// # use claims_jwt::{Clerk, Verifier, VerifyingKey};
    /// let auth = Authenticator::from(Verifier::<Clerk>::new(VerifyingKey::hs256(b"0123456789abcdef0123456789abcdef").unwrap()));
    /// assert!(format!("{:?}", auth.verifier()).contains("clerk"));
    /// ```
    pub fn verifier(&self) -> &Verifier<L> {
        &self.inner.verifier
    }

    /// Whether `other` is this very authenticator (a clone of it), not merely one alike: the extractor
    /// reuses a request's cached outcome only for the authenticator that produced it.
    pub(crate) fn same(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.inner, &other.inner)
    }

    /// Where tokens are looked for.
    ///
    /// ```
    /// # use claims_axum::{Authenticator, TokenSource};
    /// # use claims_jwt::{Clerk, Verifier, VerifyingKey};
    /// let auth = Authenticator::new(Verifier::<Clerk>::new(VerifyingKey::hs256(b"0123456789abcdef0123456789abcdef").unwrap()));
    /// assert_eq!(auth.sources().as_slice()[0], TokenSource::Bearer);
    /// ```
    pub fn sources(&self) -> &TokenSources {
        &self.inner.sources
    }

    /// The verified session of a request with these `headers`: `Ok(None)` when the request carries no token
    /// at all, `Err` when it carries an ambiguous, unreadable or untrustworthy one (see [`TokenSources`] for
    /// the order and [`Refusal`] for the answer). Each refusal is logged with `tracing` (reason, status and
    /// where the token was; never the token): `info` for 4xx, `warn` for keys that cannot be had now
    /// (503), `error` for a server-side fault. `Ok(None)` logs nothing: whether a request without a token
    /// is refused is the caller's call.
    ///
    /// This is the synchronous [`Verifier::verify`]: with a remote JWK set it uses the keys at hand and
    /// never fetches, so a token with a new `kid` is refused until the set is refreshed. Servers call
    /// [`Authenticator::authenticate_async`], as the axum extractor does.
    ///
    /// ```
    /// # use claims_axum::{Authenticator, Reason};
    /// # use claims_jwt::{Generic, Verifier, VerifyingKey};
    /// # use http::{HeaderMap, HeaderValue, header::COOKIE};
    /// let auth = Authenticator::new(Verifier::<Generic>::new(VerifyingKey::hs256(b"0123456789abcdef0123456789abcdef").unwrap()));
    /// let mut headers = HeaderMap::new();
    /// headers.insert(COOKIE, HeaderValue::from_static("__session=a.b.c; __session=d.e.f"));
    /// let refusal = auth.authenticate::<serde_json::Map<String, serde_json::Value>>(&headers).unwrap_err();
    /// assert_eq!(refusal.reason(), Reason::ConflictingTokens);
    /// ```
    pub fn authenticate<C: SessionClaims + FitsProfile<L::Profile>>(
        &self,
        headers: &HeaderMap,
    ) -> Result<Option<VerifiedSession<C, L>>, Refusal> {
        let Some(found) = self.find(headers)? else {
            return Ok(None);
        };
        let verified = self.inner.verifier.verify::<C>(found.token());
        Self::conclude(verified, found)
    }

    /// [`Authenticator::authenticate`] through [`Verifier::verify_async`]: with a remote JWK set (feature
    /// `remote-jwks`) the first request fetches the set, and a token with a new `kid` refreshes it once for
    /// all concurrent requests; a set that cannot be had is [`crate::Reason::KeysUnavailable`] (503). With
    /// static keys it is [`Authenticator::authenticate`].
    ///
    /// ```
    /// # use claims_axum::Authenticator;
    /// # use claims_jwt::{Clerk, Minter, Payload, SigningKey, Verifier};
    /// # use http::{HeaderMap, HeaderValue, header::AUTHORIZATION};
    /// # use serde_json::{Map, Value};
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let key = SigningKey::hs256(b"0123456789abcdef0123456789abcdef")?;
    /// let minted = Minter::<Clerk>::new(key.clone()).mint(&Payload::new(Map::<String, Value>::new()).with_subject("user_1"))?;
    /// let auth = Authenticator::new(Verifier::<Clerk>::new(key.verifying_key()));
    /// let mut headers = HeaderMap::new();
    /// headers.insert(AUTHORIZATION, HeaderValue::from_str(&format!("Bearer {minted}"))?);
    /// let session = auth.authenticate_async::<Map<String, Value>>(&headers).await?.expect("a session");
    /// assert_eq!(session.registered().sub.as_deref(), Some("user_1"));
    /// # Ok(())
    /// # }
    /// ```
    pub async fn authenticate_async<C: SessionClaims + FitsProfile<L::Profile>>(
        &self,
        headers: &HeaderMap,
    ) -> Result<Option<VerifiedSession<C, L>>, Refusal> {
        let Some(found) = self.find(headers)? else {
            return Ok(None);
        };
        let verified = self.inner.verifier.verify_async::<C>(found.token()).await;
        Self::conclude(verified, found)
    }

    /// The request's token, if it has one; an ambiguous or unreadable one is a logged refusal.
    fn find(&self, headers: &HeaderMap) -> Result<Option<FoundToken>, Refusal> {
        self.inner
            .sources
            .find(headers)
            .map_err(|refusal| log_refusal(refusal, None))
    }

    /// The session of a verification, or its logged refusal.
    fn conclude<C>(
        verified: Result<Token<C, L>, claims_jwt::Error>,
        found: FoundToken,
    ) -> Result<Option<VerifiedSession<C, L>>, Refusal> {
        match verified {
            Ok(token) => Ok(Some(VerifiedSession::new(token, found))),
            Err(error) => Err(log_refusal(Refusal::from(error), Some(found.origin()))),
        }
    }
}

/// A verified session: the typed token, the token as sent, and where it was found.
///
/// Cheap to clone (one `Arc`); [`crate::Session`] dereferences to it.
///
/// ```
/// use claims_axum::{Authenticator, Origin};
/// use claims_jwt::{Clerk, Minter, Payload, SigningKey, Verifier};
/// use http::{HeaderMap, HeaderValue, header::COOKIE};
/// use serde_json::{json, Map, Value};
///
/// let key = SigningKey::hs256(b"0123456789abcdef0123456789abcdef").unwrap();
/// let claims: Map<String, Value> = serde_json::from_value(json!({"plan": "pro"}))?;
/// let layout = Clerk { sid: Some("sess_1".into()), ..Clerk::default() };
/// let minted = Minter::<Clerk>::new(key.clone()).mint(&Payload::new(claims).with_subject("user_1").with_layout(layout))?;
/// let mut headers = HeaderMap::new();
/// headers.insert(COOKIE, HeaderValue::from_str(&format!("__session={minted}"))?);
///
/// let auth = Authenticator::new(Verifier::<Clerk>::new(key.verifying_key()));
/// let session = auth.authenticate::<Map<String, Value>>(&headers)?.expect("a session");
/// assert_eq!(session.claims()["plan"], "pro");
/// assert_eq!(session.registered().sub.as_deref(), Some("user_1"));
/// assert_eq!(session.layout().sid.as_deref(), Some("sess_1"));
/// assert_eq!(session.raw_token(), minted.as_str());
/// assert_eq!(session.origin(), &Origin::Cookie("__session".into()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct VerifiedSession<C, L = Generic> {
    inner: Arc<Verified<C, L>>,
}

struct Verified<C, L> {
    token: Token<C, L>,
    found: FoundToken,
}

impl<C, L> Clone for VerifiedSession<C, L> {
    fn clone(&self) -> Self {
        VerifiedSession {
            inner: Arc::clone(&self.inner),
        }
    }
}

impl<C: std::fmt::Debug, L: std::fmt::Debug> std::fmt::Debug for VerifiedSession<C, L> {
    /// The claims and where the token was; not the token itself, which is a credential.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VerifiedSession")
            .field("payload", self.inner.token.payload())
            .field("origin", self.origin())
            .finish_non_exhaustive()
    }
}

impl<C, L> VerifiedSession<C, L> {
    fn new(token: Token<C, L>, found: FoundToken) -> Self {
        VerifiedSession {
            inner: Arc::new(Verified { token, found }),
        }
    }

    /// The verified token: the input of [`claims_jwt::Minter::reissue`] and
    /// [`claims_jwt::Minter::reissue_typed`] when a handler updates the claims.
    ///
    /// ```
    /// # use claims_axum::Authenticator;
    /// # use claims_jwt::{Generic, Minter, Payload, SigningKey, Verifier};
    /// # use http::{HeaderMap, HeaderValue, header::AUTHORIZATION};
    /// # use serde_json::{json, Map, Value};
    /// let key = SigningKey::hs256(b"0123456789abcdef0123456789abcdef").unwrap();
    /// let minter = Minter::<Generic>::new(key.clone());
    /// let minted = minter.mint(&Payload::new(Map::<String, Value>::new()))?;
    /// # let mut headers = HeaderMap::new();
    /// # headers.insert(AUTHORIZATION, HeaderValue::from_str(&format!("Bearer {minted}"))?);
    /// let auth = Authenticator::new(Verifier::<Generic>::new(key.verifying_key()));
    /// let session = auth.authenticate::<Map<String, Value>>(&headers)?.expect("a session");
    /// let reissued = minter.reissue(session.token(), &json!({"plan": "pro"}))?;
    /// assert_eq!(reissued.payload().custom["plan"], "pro");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn token(&self) -> &Token<C, L> {
        &self.inner.token
    }

    /// The application's typed claims.
    ///
    /// ```
    /// # use claims_axum::Authenticator;
    /// # use claims_jwt::{Generic, Minter, Payload, SigningKey, Verifier};
    /// # use http::{HeaderMap, HeaderValue, header::AUTHORIZATION};
    /// # use serde_json::{json, Map, Value};
    /// # let key = SigningKey::hs256(b"0123456789abcdef0123456789abcdef").unwrap();
    /// # let claims: Map<String, Value> = serde_json::from_value(json!({"plan": "pro"}))?;
    /// # let minted = Minter::<Generic>::new(key.clone()).mint(&Payload::new(claims))?;
    /// # let mut headers = HeaderMap::new();
    /// # headers.insert(AUTHORIZATION, HeaderValue::from_str(&format!("Bearer {minted}"))?);
    /// # let auth = Authenticator::new(Verifier::<Generic>::new(key.verifying_key()));
    /// let session = auth.authenticate::<Map<String, Value>>(&headers)?.expect("a session");
    /// assert_eq!(session.claims()["plan"], "pro");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn claims(&self) -> &C {
        self.inner.token.claims()
    }

    /// The registered claims (`sub`, `exp`...).
    ///
    /// ```
    /// # use claims_axum::Authenticator;
    /// # use claims_jwt::{Clock, Generic, Minter, Payload, SigningKey, Verifier};
    /// # use http::{HeaderMap, HeaderValue, header::AUTHORIZATION};
    /// # use serde_json::{Map, Value};
    /// # let key = SigningKey::hs256(b"0123456789abcdef0123456789abcdef").unwrap();
    /// # let minted = Minter::<Generic>::new(key.clone()).with_clock(Clock::fixed(100)).mint(&Payload::new(Map::<String, Value>::new()))?;
    /// # let mut headers = HeaderMap::new();
    /// # headers.insert(AUTHORIZATION, HeaderValue::from_str(&format!("Bearer {minted}"))?);
    /// # let auth = Authenticator::new(Verifier::<Generic>::new(key.verifying_key()).with_clock(Clock::fixed(120)));
    /// let session = auth.authenticate::<Map<String, Value>>(&headers)?.expect("a session");
    /// assert_eq!(session.registered().exp, Some(160));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn registered(&self) -> &Registered {
        self.inner.token.registered()
    }

    /// The layout's claims (Clerk's `sid`, `azp`, `o`...).
    ///
    /// ```
    /// # use claims_axum::Authenticator;
    /// # use claims_jwt::{Clerk, Minter, Payload, SigningKey, Verifier};
    /// # use http::{HeaderMap, HeaderValue, header::AUTHORIZATION};
    /// # use serde_json::{Map, Value};
    /// # let key = SigningKey::hs256(b"0123456789abcdef0123456789abcdef").unwrap();
    /// # let layout = Clerk { sid: Some("sess_1".into()), ..Clerk::default() };
    /// # let minted = Minter::<Clerk>::new(key.clone()).mint(&Payload::new(Map::<String, Value>::new()).with_layout(layout))?;
    /// # let mut headers = HeaderMap::new();
    /// # headers.insert(AUTHORIZATION, HeaderValue::from_str(&format!("Bearer {minted}"))?);
    /// # let auth = Authenticator::new(Verifier::<Clerk>::new(key.verifying_key()));
    /// let session = auth.authenticate::<Map<String, Value>>(&headers)?.expect("a session");
    /// assert_eq!(session.layout().sid.as_deref(), Some("sess_1"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn layout(&self) -> &L {
        self.inner.token.layout()
    }

    /// The token as the request sent it (a credential: don't log it).
    ///
    /// ```
    /// # use claims_axum::Authenticator;
    /// # use claims_jwt::{Generic, Minter, Payload, SigningKey, Verifier};
    /// # use http::{HeaderMap, HeaderValue, header::AUTHORIZATION};
    /// # use serde_json::{Map, Value};
    /// # let key = SigningKey::hs256(b"0123456789abcdef0123456789abcdef").unwrap();
    /// # let minted = Minter::<Generic>::new(key.clone()).mint(&Payload::new(Map::<String, Value>::new()))?;
    /// # let mut headers = HeaderMap::new();
    /// # headers.insert(AUTHORIZATION, HeaderValue::from_str(&format!("bearer {minted}"))?);
    /// # let auth = Authenticator::new(Verifier::<Generic>::new(key.verifying_key()));
    /// let session = auth.authenticate::<Map<String, Value>>(&headers)?.expect("a session");
    /// assert_eq!(session.raw_token(), minted.as_str());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn raw_token(&self) -> &str {
        self.inner.found.token()
    }

    /// Where the token was found.
    ///
    /// ```
    /// # use claims_axum::{Authenticator, Origin};
    /// # use claims_jwt::{Generic, Minter, Payload, SigningKey, Verifier};
    /// # use http::{HeaderMap, HeaderValue, header::AUTHORIZATION};
    /// # use serde_json::{Map, Value};
    /// # let key = SigningKey::hs256(b"0123456789abcdef0123456789abcdef").unwrap();
    /// # let minted = Minter::<Generic>::new(key.clone()).mint(&Payload::new(Map::<String, Value>::new()))?;
    /// # let mut headers = HeaderMap::new();
    /// # headers.insert(AUTHORIZATION, HeaderValue::from_str(&format!("Bearer {minted}"))?);
    /// # let auth = Authenticator::new(Verifier::<Generic>::new(key.verifying_key()));
    /// let session = auth.authenticate::<Map<String, Value>>(&headers)?.expect("a session");
    /// assert_eq!(session.origin(), &Origin::Bearer);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn origin(&self) -> &Origin {
        self.inner.found.origin()
    }
}
