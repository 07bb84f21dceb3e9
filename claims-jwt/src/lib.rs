//! Mint, verify and update session JWTs whose custom claims are a typed, size-checked Rust struct.
//!
//! A session token carries three kinds of claims, flat in one JSON payload: the registered claims of
//! RFC 7519 (`iss sub aud exp nbf iat jti`, [`Registered`]), the claims a provider's token [`layout`] adds
//! (Clerk's `sid`, `azp`, `o`..., Stytch's `https://stytch.com/session`...), and the application's own
//! custom claims, any [`SessionClaims`] type (usually `#[derive(SessionClaims)]`). This crate:
//!
//! * **mints** ([`Minter`]) after checking the custom claims' bounds, reserved names, budget and floats
//!   (a NaN is refused, never written as `null`), the TTL against the layout's maximum lifetime, and the
//!   exact length of the token and of the cookie that will carry it: an oversized token is an error naming
//!   the budget and the overflow, never a cookie the browser drops in silence;
//! * **proves** ([`CookieProof`]), in a `const` that `cargo check` evaluates, that the largest token the
//!   application can mint fits its cookie: the custom claims at their bound, the registered and provider
//!   claims at documented [`bounds`] that the minter then enforces, the longest `kid` and the signature of
//!   the algorithm and key size; and tells a person the real custom-claims budget beside the provider's
//!   rule of thumb ([`TokenBudget`]);
//! * **verifies** ([`Verifier`]) in a single pass: the length is capped before decoding, the header is
//!   parsed once under strict rules (an object of unique members, no `crit`, no `jku`/`jwk`/`x5u`/`x5c`,
//!   capped length and `kid`, the layout's `typ`), the algorithm is pinned by the key (or the JWKS entry
//!   chosen by `kid`), the signature is checked exactly as jsonwebtoken checks it, and the payload is parsed
//!   once, straight into the typed [`Token`], refusing duplicate claim names and wrongly typed registered
//!   claims; then `exp` and the lifetime, `nbf`, `iat`, `iss`, `aud` and `azp`. SECURITY.md at the
//!   repository's root lists every refusal with its test;
//! * **updates** ([`Minter::reissue`]) a verified token with an RFC 7396 patch through claims-core's
//!   policy-checked merge, minting a new token; a refused patch changes nothing.
//!
//! Every failure is one [`Error`] whose [`Error::kind`] and [`Error::status`] map it to an HTTP answer
//! without string matching.
//!
//! ```
//! use std::time::Duration;
//! use claims_jwt::{Clock, ErrorKind, Generic, Minter, Payload, SigningKey, Verifier};
//! use serde_json::{json, Map, Value};
//!
//! let key = SigningKey::hs256(b"a secret of at least 32 bytes, please!!")?.with_kid("k1");
//! let clock = Clock::fixed(1_700_000_000);
//! let minter = Minter::<Generic>::new(key.clone())
//!     .with_issuer("https://auth.example.com")
//!     .with_ttl(Duration::from_secs(300))
//!     .with_clock(clock.clone());
//! let verifier = Verifier::<Generic>::new(key.verifying_key())
//!     .with_issuer("https://auth.example.com")
//!     .with_clock(clock);
//!
//! let claims: Map<String, Value> = serde_json::from_value(json!({"plan": "pro", "roles": ["admin"]}))?;
//! let minted = minter.mint(&Payload::new(claims).with_subject("user_1"))?;
//! assert_eq!(minted.len(), minted.as_str().len()); // computed before signing, exactly
//!
//! let token = verifier.verify::<Map<String, Value>>(minted.as_str())?;
//! assert_eq!(token.registered().sub.as_deref(), Some("user_1"));
//! assert_eq!(token.registered().exp, Some(1_700_000_300));
//! assert_eq!(token.claims()["plan"], "pro");
//!
//! // A patch that sets a registered claim is refused, and nothing is minted.
//! let err = minter.reissue(&token, &json!({"sub": "admin"})).unwrap_err();
//! assert_eq!(err.kind(), ErrorKind::InvalidUpdate);
//! let updated = minter.reissue(&token, &json!({"plan": "team", "roles": null}))?;
//! let token = verifier.verify::<Map<String, Value>>(updated.minted().as_str())?;
//! assert_eq!(Value::Object(token.claims().clone()), json!({"plan": "team"}));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Crypto backend
//!
//! jsonwebtoken 11 needs exactly one crypto backend, and with neither or both it panics at the first
//! signature. This crate forwards the choice as its own features and refuses to compile otherwise:
//!
//! * `aws_lc_rs` (default): aws-lc-rs, the backend rustls defaults to and the faster one for RSA and ECDSA.
//!   It compiles C code with gcc (no cmake needed on x86-64 Linux); the first build takes a few minutes.
//!   Keys keep the parsed aws-lc-rs key, so a mint or a verify does not parse it again (jsonwebtoken's
//!   own calls do, each time); signatures and refusals are exactly jsonwebtoken's.
//! * `rust_crypto`: the pure-Rust `RustCrypto` crates, for targets without a C toolchain, through
//!   jsonwebtoken's calls. Select it with `default-features = false, features = ["rust_crypto"]`.
//!
//! In a workspace, features unify: if one crate enables `rust_crypto` while another keeps the default,
//! the build fails with a message naming the fix, rather than panicking in production.
//!
//! Two more features: `remote-jwks` (keys from a provider's JWK set, below), and `typescript`, with which
//! the re-exported derive writes the TypeScript declaration and Clerk claims template
//! (`#[claims(typescript)]`, see `claims_core::frontend`).
//!
//! # Layouts and profiles
//!
//! A provider [`layout`] owns some top-level claims and reserves the names of a claims-core profile. A
//! derived claims type used with a layout must have been derived for that profile, so that none of its
//! names can shadow a provider claim: [`Minter`] and [`Verifier`] require `C: FitsProfile<L::Profile>`
//! ([`claims_core::profile`]), a trait bound that `cargo check` reports; the registered claims are
//! reserved whatever the layout. [`layout_claims!`] writes a new provider's layout from one list of its
//! claims (see [`Layout`]). Through this crate alone:
//!
//! ```
//! use claims_jwt::{Clerk, Clock, Minter, Payload, SessionClaims, SigningKey, Verifier};
//!
//! #[derive(SessionClaims, serde::Serialize, serde::Deserialize, Debug, PartialEq)]
//! #[claims(profile = "clerk", max_size = 1200)]
//! #[serde(rename_all = "camelCase")]
//! struct AppClaims {
//!     #[claims(max_len = 64)]
//!     full_name: String,
//!     #[claims(max_items = 8, max_len = 32)]
//!     roles: Vec<String>,
//! }
//!
//! let key = SigningKey::hs256(b"0123456789abcdef0123456789abcdef")?;
//! let claims = AppClaims { full_name: "Ada Lovelace".into(), roles: vec!["admin".into()] };
//! let minted = Minter::<Clerk>::new(key.clone()).mint(&Payload::new(claims).with_subject("user_1"))?;
//! let token = Verifier::<Clerk>::new(key.verifying_key()).verify::<AppClaims>(minted.as_str())?;
//! assert_eq!(token.claims().full_name, "Ada Lovelace");
//! # Ok::<(), claims_jwt::Error>(())
//! ```
//!
//! The same struct derived for the default profile (`rfc7519`) does not type-check with the Clerk layout:
//!
//! ```compile_fail
//! use claims_jwt::{Clerk, Minter, Payload, SessionClaims, SigningKey};
//!
//! #[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
//! struct AppClaims {
//!     #[claims(max_len = 64)]
//!     full_name: String,
//! }
//!
//! let claims = AppClaims { full_name: "Ada Lovelace".into() };
//! // error: `AppClaims` was not derived for profile `Clerk`, which the token layout requires
//! let _ = Minter::<Clerk>::new(SigningKey::hs256(b"0123456789abcdef0123456789abcdef")?).mint(&Payload::new(claims));
//! # Ok::<(), claims_jwt::Error>(())
//! ```
//!
//! # Performance
//!
//! The verify path is one pass over the token, with a key parsed when it was built, and never uses
//! `#[serde(flatten)]` (which buffers the whole object first). Minting measures and checks without a
//! second serialization. The measured figures, against jsonwebtoken and against the floors (the crypto
//! alone, one serde parse), are in the repository's
//! [BENCHMARKS.md](https://github.com/typed-session-claims/claims/blob/main/BENCHMARKS.md), written from
//! one run by the `benches` package; they are not quoted here, where they would go stale.
//!
//! # Remote JWKS
//!
//! With the feature `remote-jwks`, a verifier takes its keys from a provider's JWK set over HTTPS
//! (`RemoteJwks`): cached by `Cache-Control`, refreshed once for all callers when a token names a new
//! `kid`, served stale within a limit while the provider is down, each fetch capped in time and size. The
//! hot path reads a lock-free snapshot and never waits on a fetch for a key the set already holds. Clerk
//! and Stytch verifiers are one call (`Verifier::clerk`, `Verifier::stytch`); Clerk's PEM key needs no
//! network at all ([`Verifier::clerk_jwt_key`], without the feature too). In a request handler, call
//! [`Verifier::verify_async`]:
//!
//! ```
//! # #[cfg(feature = "remote-jwks")] {
//! use claims_jwt::{Clerk, Error, JwksOptions, Verifier};
//! use serde_json::{Map, Value};
//!
//! let verifier = Verifier::<Clerk>::clerk("https://clerk.example.com", JwksOptions::default())?
//!     .with_authorized_party("https://example.com");
//!
//! async fn user_id(verifier: &Verifier<Clerk>, session: &str) -> Result<Option<String>, Error> {
//!     let token = verifier.verify_async::<Map<String, Value>>(session).await?;
//!     Ok(token.registered().sub.clone())
//! }
//! # }
//! # Ok::<(), claims_jwt::Error>(())
//! ```
//!
//! TLS goes through rustls on the crate's crypto backend (aws-lc-rs, or *ring* with `rust_crypto`), with
//! the platform's root certificates. The repository's `benches` package measures a verification with a
//! cached remote set beside one with a static [`KeySet`], in the same run (`cargo bench -p claims-benches
//! --bench remote_jwks`).
//!
//! # Re-exports
//!
//! `claims_jwt::SessionClaims` is both the trait and the derive, and `claims_jwt::claims_core` the whole
//! core crate, so an application can depend on this crate alone, as above. The derive re-exported here
//! writes code that finds claims-core at `::claims_jwt::claims_core`; `#[claims(crate = "...")]` is
//! needed only when this crate is itself reached through a re-export.

#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(all(feature = "aws_lc_rs", feature = "rust_crypto"))]
compile_error!(
    "claims-jwt: the features `aws_lc_rs` and `rust_crypto` are both enabled (possibly through feature \
     unification in a workspace); enable exactly one: keep the default (`aws_lc_rs`) or use \
     `default-features = false, features = [\"rust_crypto\"]` everywhere claims-jwt is a dependency"
);

#[cfg(not(any(feature = "aws_lc_rs", feature = "rust_crypto")))]
compile_error!(
    "claims-jwt: no crypto backend; enable exactly one of the features `aws_lc_rs` (the default) or \
     `rust_crypto`"
);

mod clerk_bounds;
mod clock;
mod crypto;
mod der;
mod error;
mod header;
mod jwks;
mod key;
mod kind;
pub mod layout;
mod mint;
mod parse;
mod proof;
mod provider;
mod registered;
#[cfg(feature = "remote-jwks")]
mod remote;
mod skip;
mod stytch_bounds;
mod token;
mod token_bounds;
mod verify;

/// Bounds on what a minter writes beside the custom claims: the registered claims and each layout's own
/// claims (ids, URLs, organization objects, feature lists; numbers by their digits).
///
/// A [`TokenBounds`] holds them for one layout with the largest JSON they allow, computed in `const`
/// context: a [`CookieProof`] counts it, and [`Minter::mint`] refuses any value outside the bounds
/// ([`Error::LayoutBound`]), so no data can make a token longer than proved. Each layout has documented
/// defaults ([`BoundedLayout::BOUNDS`]); change them with struct update syntax:
///
/// ```
/// use claims_jwt::bounds::{ClerkBounds, RegisteredBounds};
/// use claims_jwt::{BoundedLayout, Clerk, TokenBounds};
///
/// // No organizations or impersonation in this application, and user ids of 32 bytes.
/// const BOUNDS: TokenBounds<ClerkBounds> = Clerk::BOUNDS
///     .with_registered(RegisteredBounds { sub: Some(32), ..RegisteredBounds::CLERK })
///     .with_layout(ClerkBounds { o: None, act: None, ..ClerkBounds::DEFAULT });
/// assert_eq!(Clerk::BOUNDS.layout_json_len() - BOUNDS.layout_json_len(), 717);
/// ```
pub mod bounds {
    pub use crate::clerk_bounds::{ClerkActorBounds, ClerkBounds, ClerkOrganizationBounds};
    pub use crate::stytch_bounds::{StytchBounds, StytchOrganizationBounds, StytchSessionBounds};
    pub use crate::token_bounds::{
        BoundedLayout, ObjectBound, RegisteredBounds, Strings, TokenBounds, Values,
        check_object_bound,
    };
}

pub use bounds::{BoundedLayout, TokenBounds};
pub use clock::Clock;
pub use error::{Error, Segment};
pub use header::{DEFAULT_MAX_HEADER_LEN, KEY_HEADER_PARAMETERS, MAX_KID_LEN};
pub use jwks::ALGORITHMS;
pub use key::{KeySet, SigningKey, VerifyingKey};
pub use kind::ErrorKind;
pub use layout::{Clerk, Generic, Layout, Stytch};
pub use mint::{Minted, Minter, Reissued};
pub use proof::{CookieProof, layout_budget};
pub use registered::{Audience, Registered};
#[cfg(feature = "remote-jwks")]
pub use remote::{CachedKeys, JwksError, JwksOptions, RemoteJwks};
pub use skip::{SkipReason, SkippedKey};
pub use token::{Header, Payload, Token};
pub use verify::{DEFAULT_MAX_TOKEN_LEN, MAX_LEEWAY, Verifier};

pub use claims_core::claims::SessionClaims;
pub use claims_core::{self, ClaimsError, SizeReport, TokenBudget};
/// `#[derive(SessionClaims)]`, writing code that finds claims-core through this crate (see claims-core's
/// `SessionClaims` derive for its attributes and guarantees).
pub use claims_derive::JwtSessionClaims as SessionClaims;
pub use jsonwebtoken::{self, Algorithm, jwk};
