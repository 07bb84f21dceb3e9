//! Typed session claims in axum handlers: verify the bearer token or the session cookie, hand the handler
//! its typed claims, or answer 401 the way RFC 6750 says.
//!
//! * [`Session<C, L>`] is the extractor: `C` is the application's claims type (usually
//!   `#[derive(SessionClaims)]`), `L` the token layout (`Clerk`, `Stytch`, `Generic`). It reads an
//!   [`Authenticator`] (a `claims_jwt::Verifier` and the [`TokenSources`]) from the router's state through
//!   `FromRef`. `Option<Session<C, L>>` is for routes open to anonymous visitors: `None` only when the
//!   request carries no token at all.
//! * Tokens are looked for in `Authorization: Bearer` (any case), then Clerk's `__session` cookie and its
//!   `__session_<suffix>` variants, or wherever [`TokenSources`] says, in that order; the first source
//!   that carries a token decides.
//! * A refusal is a [`Refusal`]: 401 with `WWW-Authenticate: Bearer error="invalid_token"` and a JSON body
//!   `{"reason": "expired", "message": "..."}` whose [`Reason`] is stable (`missing`, `malformed`,
//!   `expired`, `not_yet_valid`, `bad_signature`, `wrong_issuer`, `wrong_audience`, `unauthorized_party`,
//!   `too_long`, ...), 400 for a malformed request, 422 for a refused update, 500 only for a server-side
//!   fault, 503 `keys_unavailable` while a remote JWKS cannot be had. Never the token's contents.
//!   Replace it with your own type: `Session<C, L, MyRejection>`.
//! * The extractor verifies through `Verifier::verify_async`: with the feature `remote-jwks` (claims-jwt's,
//!   forwarded) a verifier such as `Verifier::clerk` fetches the provider's keys on the first request and
//!   refreshes them once when a token names a new `kid`.
//! * [`SessionCookie`] writes the `Set-Cookie` of a re-minted token after a claims update
//!   (`HttpOnly; SameSite=Lax; Secure; Path=/` by default), refusing one over the cookie limit before the
//!   response goes out.
//!
//! Everything but the extractor and the `IntoResponse` impl is in [`neutral`], which does not depend on axum.
//!
//! ```
//! use axum::extract::{FromRef, State};
//! use axum::http::header::SET_COOKIE;
//! use axum::response::IntoResponse;
//! use axum::routing::{get, patch};
//! use axum::{Json, Router};
//! use claims_axum::{Authenticator, Refusal, Session, SessionCookie};
//! use claims_jwt::{Clerk, Minter, SessionClaims, SigningKey, Verifier};
//!
//! #[derive(SessionClaims, serde::Serialize, serde::Deserialize, Clone, Debug)]
//! #[claims(profile = "clerk", max_size = 1200)]
//! #[serde(rename_all = "camelCase")]
//! struct AppClaims {
//!     #[claims(max_len = 64)]
//!     full_name: String,
//!     #[claims(max_items = 8, max_len = 32)]
//!     roles: Vec<String>,
//! }
//!
//! #[derive(Clone)]
//! struct AppState {
//!     auth: Authenticator<Clerk>,
//!     minter: Minter<Clerk>,
//!     cookie: SessionCookie,
//! }
//!
//! // Where `Session` finds the verifier (axum's `#[derive(FromRef)]` writes this too).
//! impl FromRef<AppState> for Authenticator<Clerk> {
//!     fn from_ref(state: &AppState) -> Self {
//!         state.auth.clone()
//!     }
//! }
//!
//! /// 200 with the typed claims, or 401 with the reason.
//! async fn me(session: Session<AppClaims, Clerk>) -> Json<AppClaims> {
//!     Json(session.claims().clone())
//! }
//!
//! /// Open to anyone; a present but bad token is still a 401.
//! async fn home(session: Option<Session<AppClaims, Clerk>>) -> String {
//!     match session {
//!         Some(session) => format!("hello {}", session.claims().full_name),
//!         None => "hello, anonymous".to_owned(),
//!     }
//! }
//!
//! /// An RFC 7396 patch of the claims: 422 if refused (nothing changes), else the new cookie.
//! async fn update(
//!     State(state): State<AppState>,
//!     session: Session<AppClaims, Clerk>,
//!     Json(patch): Json<serde_json::Value>,
//! ) -> Result<impl IntoResponse, Refusal> {
//!     let reissued = state.minter.reissue(session.token(), &patch)?;
//!     let set_cookie = state.cookie.set_cookie(reissued.minted())?;
//!     Ok(([(SET_COOKIE, set_cookie)], Json(reissued.payload().custom.clone())))
//! }
//!
//! let key = SigningKey::hs256(b"0123456789abcdef0123456789abcdef").unwrap();
//! let minter = Minter::<Clerk>::new(key.clone()).with_issuer("https://clerk.example.com");
//! let state = AppState {
//!     auth: Authenticator::new(Verifier::new(key.verifying_key()).with_issuer("https://clerk.example.com")),
//!     cookie: SessionCookie::for_minter(&minter),
//!     minter,
//! };
//! let app: Router = Router::new()
//!     .route("/", get(home))
//!     .route("/me", get(me))
//!     .route("/me/claims", patch(update))
//!     .with_state(state);
//! ```
//!
//! # Performance
//!
//! The `benches` package measures what the adapter adds to `Verifier::verify` (a bearer header, and a
//! `__session` cookie among a browser's other cookies), in the same run; the figures are in the
//! repository's [BENCHMARKS.md](https://github.com/typed-session-claims/claims/blob/main/BENCHMARKS.md).
//!
//! The crypto backend is forwarded to `claims-jwt`, as its features: `aws_lc_rs` (default) or
//! `rust_crypto`; see `claims-jwt`'s docs.

#![forbid(unsafe_code)]

mod extract;
pub mod neutral;
mod response;

pub use extract::Session;
pub use neutral::{
    Authenticator, FoundToken, Origin, Reason, Refusal, SameSite, SessionCookie, TokenSource,
    TokenSources, VerifiedSession,
};
