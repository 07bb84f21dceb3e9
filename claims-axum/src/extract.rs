//! The axum extractor: `Session<C, L>` and `Option<Session<C, L>>`, verified once per request.

use std::fmt;
use std::marker::PhantomData;
use std::ops::Deref;

use axum_core::extract::{FromRef, FromRequestParts, OptionalFromRequestParts};
use axum_core::response::IntoResponse;
use claims_jwt::claims_core::profile::FitsProfile;
use claims_jwt::{Generic, Layout, SessionClaims};
use http::request::Parts;

use crate::neutral::log_refusal;
use crate::{Authenticator, Reason, Refusal, VerifiedSession};

/// The verified session of a request, with the application's typed claims `C` in a token of layout `L`.
///
/// As a handler argument it reads the [`Authenticator<L>`] from the router's state (through `FromRef`, so
/// the state may be the authenticator itself or any struct holding one), finds the token in the configured
/// [`crate::TokenSources`], and verifies it; a request without a valid token is refused with `R`, by
/// default a [`Refusal`] (401 with an RFC 6750 challenge and a JSON reason, 400 for a malformed request).
///
/// * `Option<Session<C, L>>` is `None` only when the request carries no token at all; a present but bad
///   token is still refused, so a broken session is never mistaken for an anonymous visitor.
/// * `Result<Session<C, L>, Refusal>` hands the refusal to the handler.
/// * `R` replaces the response: any type with `From<Refusal>` and `IntoResponse`.
/// * Several extractors in one request (a middleware and the handler, `Session` and `Option<Session>`)
///   verify once: the outcome is kept in the request's extensions, per claims type, layout and
///   authenticator. An outcome is reused only by the same authenticator (a clone of it), so a nested
///   router with its own, stricter verifier checks the token again rather than trusting a layer's
///   verdict. `FromRef` should therefore clone an `Authenticator` kept in the state; building a new one on
///   each call is still correct, but verifies again each time.
/// * It verifies through [`claims_jwt::Verifier::verify_async`]: with a remote JWK set (feature
///   `remote-jwks`, e.g. `Verifier::clerk`), the first request fetches the keys and a token with a new
///   `kid` refreshes them once for all concurrent requests; while no usable set can be had the answer is
///   503 `keys_unavailable`. With static keys nothing is awaited.
///
/// It dereferences to [`VerifiedSession`]: `claims()`, `registered()`, `layout()`, `raw_token()`,
/// `origin()`, and `token()` for [`claims_jwt::Minter::reissue_typed`].
///
/// ```
/// use axum_core::extract::FromRequestParts;
/// use claims_axum::{Authenticator, Reason, Refusal, Session};
/// use claims_jwt::{Clerk, Minter, Payload, SigningKey, Verifier};
/// use serde_json::{json, Map, Value};
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let key = SigningKey::hs256(b"0123456789abcdef0123456789abcdef").unwrap();
/// let claims: Map<String, Value> = serde_json::from_value(json!({"plan": "pro"}))?;
/// let minted = Minter::<Clerk>::new(key.clone()).mint(&Payload::new(claims).with_subject("user_1"))?;
/// let auth = Authenticator::new(Verifier::<Clerk>::new(key.verifying_key()));
///
/// // What axum does with a handler argument `session: Session<Map<String, Value>, Clerk>`:
/// let request = http::Request::builder().header("cookie", format!("__session={minted}")).body(())?;
/// let (mut parts, ()) = request.into_parts();
/// let session = Session::<Map<String, Value>, Clerk>::from_request_parts(&mut parts, &auth).await?;
/// assert_eq!((session.claims()["plan"].as_str(), session.registered().sub.as_deref()), (Some("pro"), Some("user_1")));
///
/// let (mut parts, ()) = http::Request::new(()).into_parts();
/// let refusal = Session::<Map<String, Value>, Clerk>::from_request_parts(&mut parts, &auth).await.unwrap_err();
/// assert_eq!(refusal.reason(), Reason::Missing);
/// let anonymous = <Option<Session<Map<String, Value>, Clerk>>>::from_request_parts(&mut parts, &auth).await?;
/// assert!(anonymous.is_none());
/// # Ok(())
/// # }
/// ```
///
/// An application's own response, e.g. a redirect to its sign-in page:
///
/// ```
/// use axum::response::{IntoResponse, Redirect, Response};
/// use axum::{routing::get, Router};
/// use claims_axum::{Authenticator, Refusal, Session};
/// use claims_jwt::{Clerk, Verifier, VerifyingKey};
/// use serde_json::{Map, Value};
///
/// struct SignIn(Refusal);
///
/// impl From<Refusal> for SignIn {
///     fn from(refusal: Refusal) -> Self {
///         SignIn(refusal)
///     }
/// }
///
/// impl IntoResponse for SignIn {
///     fn into_response(self) -> Response {
///         if self.0.status().is_client_error() {
///             Redirect::to(&format!("/sign-in?reason={}", self.0.reason())).into_response()
///         } else {
///             self.0.into_response()
///         }
///     }
/// }
///
/// async fn dashboard(session: Session<Map<String, Value>, Clerk, SignIn>) -> String {
///     format!("hello {}", session.registered().sub.as_deref().unwrap_or("?"))
/// }
///
/// let auth = Authenticator::new(Verifier::<Clerk>::new(VerifyingKey::hs256(b"0123456789abcdef0123456789abcdef").unwrap()));
/// let app: Router = Router::new().route("/dashboard", get(dashboard)).with_state(auth);
/// ```
pub struct Session<C, L = Generic, R = Refusal> {
    verified: VerifiedSession<C, L>,
    rejection: PhantomData<fn() -> R>,
}

impl<C, L, R> Session<C, L, R> {
    fn new(verified: VerifiedSession<C, L>) -> Self {
        Session {
            verified,
            rejection: PhantomData,
        }
    }

    /// The verified session, by value (it is an `Arc`: cheap to keep or to send to a task).
    ///
    /// ```
    /// use claims_axum::{Session, VerifiedSession};
    /// use claims_jwt::Clerk;
    /// use serde_json::{Map, Value};
    ///
    /// async fn handler(session: Session<Map<String, Value>, Clerk>) {
    ///     let verified: VerifiedSession<Map<String, Value>, Clerk> = session.into_verified();
    ///     std::thread::spawn(move || println!("{:?}", verified.registered().sub));
    /// }
    /// ```
    pub fn into_verified(self) -> VerifiedSession<C, L> {
        self.verified
    }
}

impl<C, L, R> Clone for Session<C, L, R> {
    fn clone(&self) -> Self {
        Session::new(self.verified.clone())
    }
}

impl<C: fmt::Debug, L: fmt::Debug, R> fmt::Debug for Session<C, L, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Session").field(&self.verified).finish()
    }
}

impl<C, L, R> Deref for Session<C, L, R> {
    type Target = VerifiedSession<C, L>;

    fn deref(&self) -> &VerifiedSession<C, L> {
        &self.verified
    }
}

impl<S, C, L, R> FromRequestParts<S> for Session<C, L, R>
where
    S: Send + Sync,
    Authenticator<L>: FromRef<S>,
    C: SessionClaims + FitsProfile<L::Profile> + Send + Sync + 'static,
    L: Layout,
    R: From<Refusal> + IntoResponse,
{
    type Rejection = R;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, R> {
        if let Some(verified) = authenticate_once::<C, L, S>(parts, state).await? {
            return Ok(Session::new(verified));
        }
        Err(log_refusal(Refusal::new(Reason::Missing), None).into())
    }
}

impl<S, C, L, R> OptionalFromRequestParts<S> for Session<C, L, R>
where
    S: Send + Sync,
    Authenticator<L>: FromRef<S>,
    C: SessionClaims + FitsProfile<L::Profile> + Send + Sync + 'static,
    L: Layout,
    R: From<Refusal> + IntoResponse,
{
    type Rejection = R;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Option<Self>, R> {
        Ok(authenticate_once::<C, L, S>(parts, state)
            .await?
            .map(Session::new))
    }
}

/// The outcomes of a request's verification for claims `C` in layout `L`, kept in its extensions, one per
/// authenticator that checked it: a layer may check with one verifier and a nested router with a stricter
/// one, and the stricter one must never take the other's "yes".
struct Outcomes<C, L>(Vec<Outcome<C, L>>);

/// One authenticator's outcome.
struct Outcome<C, L> {
    by: Authenticator<L>,
    result: Result<Option<VerifiedSession<C, L>>, Refusal>,
}

impl<C, L> Clone for Outcomes<C, L> {
    fn clone(&self) -> Self {
        Outcomes(self.0.iter().map(Outcome::clone).collect())
    }
}

impl<C, L> Clone for Outcome<C, L> {
    fn clone(&self) -> Self {
        Outcome {
            by: self.by.clone(),
            result: self.result.clone(),
        }
    }
}

/// The request's outcome for `C` and `L` from the state's authenticator: the one it cached, or its
/// verification, then cached. Through `verify_async`, so that a verifier with a remote JWK set fetches it,
/// or refreshes it for a new `kid`.
async fn authenticate_once<C, L, S>(
    parts: &mut Parts,
    state: &S,
) -> Result<Option<VerifiedSession<C, L>>, Refusal>
where
    Authenticator<L>: FromRef<S>,
    C: SessionClaims + FitsProfile<L::Profile> + Send + Sync + 'static,
    L: Layout,
{
    let auth = Authenticator::<L>::from_ref(state);
    let cached = parts
        .extensions
        .get::<Outcomes<C, L>>()
        .and_then(|outcomes| outcomes.0.iter().find(|outcome| outcome.by.same(&auth)));
    if let Some(outcome) = cached {
        return outcome.result.clone();
    }
    let result = auth.authenticate_async::<C>(&parts.headers).await;
    let outcome = Outcome {
        by: auth,
        result: result.clone(),
    };
    match parts.extensions.get_mut::<Outcomes<C, L>>() {
        Some(outcomes) => outcomes.0.push(outcome),
        None => {
            parts.extensions.insert(Outcomes(vec![outcome]));
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use claims_jwt::{Clerk, Minter, Payload, SigningKey, Verifier};
    use http::header::AUTHORIZATION;
    use serde_json::{Map, Value};

    use super::*;

    type Claims = Map<String, Value>;
    type AnySession = Session<Claims, Clerk>;

    fn authenticator(key: &SigningKey) -> Authenticator<Clerk> {
        Authenticator::new(Verifier::<Clerk>::new(key.verifying_key()))
    }

    #[tokio::test(flavor = "current_thread")]
    async fn an_outcome_is_reused_only_by_the_authenticator_that_produced_it() {
        let public = SigningKey::hs256(b"the public app's key, 32 bytes long").expect("a key");
        let admin = SigningKey::hs256(b"the admin router's key, 32 bytes long").expect("a key");
        let token = Minter::<Clerk>::new(public.clone())
            .mint(&Payload::new(Claims::new()).with_subject("user_1"))
            .expect("a token");
        let (public_auth, admin_auth) = (authenticator(&public), authenticator(&admin));
        let request = http::Request::builder()
            .header(AUTHORIZATION, format!("Bearer {token}"))
            .body(())
            .expect("a request");
        let (mut parts, ()) = request.into_parts();

        // A layer accepts it with the public authenticator...
        let first = <AnySession as OptionalFromRequestParts<_>>::from_request_parts(
            &mut parts,
            &public_auth,
        )
        .await
        .expect("accepted");
        assert_eq!(
            first.expect("a session").registered().sub.as_deref(),
            Some("user_1")
        );
        // ...and the admin authenticator checks it again, on the same request, and refuses it.
        let second =
            <AnySession as FromRequestParts<_>>::from_request_parts(&mut parts, &admin_auth).await;
        assert_eq!(second.unwrap_err().reason(), Reason::BadSignature);
        // Each verdict stays with its authenticator: a clone of the public one still gets its own.
        let third = <AnySession as FromRequestParts<_>>::from_request_parts(
            &mut parts,
            &public_auth.clone(),
        )
        .await
        .expect("still accepted");
        assert_eq!(third.registered().sub.as_deref(), Some("user_1"));
        let outcomes = parts
            .extensions
            .get::<Outcomes<Claims, Clerk>>()
            .expect("cached");
        assert_eq!(outcomes.0.len(), 2);
    }
}
