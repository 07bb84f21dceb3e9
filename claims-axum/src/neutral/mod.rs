//! The framework-neutral core: find the token in request headers, verify it, map the outcome to a status
//! and a reason, and write the `Set-Cookie` of an updated session. It depends on `http` and `cookie`, not on
//! axum, so an adapter for another framework (actix-web, poem) is a thin layer:
//!
//! ```
//! use claims_axum::neutral::{Authenticator, Reason, Refusal, VerifiedSession};
//! use claims_jwt::claims_core::profile::{self, FitsProfile};
//! use claims_jwt::{Clerk, SessionClaims};
//!
//! /// What a framework's extractor does: call the core with the request's headers; a refusal becomes that
//! /// framework's response through `Refusal::http_response` (an `http::Response`, which poem and others
//! /// take as it is).
//! fn extract<C: SessionClaims + FitsProfile<profile::Clerk>>(
//!     auth: &Authenticator<Clerk>,
//!     request: &http::Request<()>,
//! ) -> Result<VerifiedSession<C, Clerk>, Refusal> {
//!     auth.authenticate::<C>(request.headers())?.ok_or(Refusal::new(Reason::Missing))
//! }
//!
//! # let auth = Authenticator::new(claims_jwt::Verifier::<Clerk>::new(claims_jwt::VerifyingKey::hs256(b"0123456789abcdef0123456789abcdef").unwrap()));
//! let refusal = extract::<serde_json::Map<String, serde_json::Value>>(&auth, &http::Request::new(())).unwrap_err();
//! let response = refusal.http_response();
//! assert_eq!(response.status().as_u16(), 401);
//! assert_eq!(response.headers()["www-authenticate"], "Bearer");
//! ```

mod authenticator;
mod log;
mod refusal;
mod set_cookie;
mod source;

pub use authenticator::{Authenticator, VerifiedSession};
pub(crate) use log::log_refusal;
pub use refusal::{Reason, Refusal};
pub use set_cookie::{SameSite, SessionCookie};
pub use source::{FoundToken, Origin, TokenSource, TokenSources};
