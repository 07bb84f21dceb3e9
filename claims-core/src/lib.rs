//! Typed session-token claims: the [`SessionClaims`] trait, reserved-name profiles, exact size accounting
//! and RFC 7396 merge with policy checks.
//!
//! Hosted auth providers (Clerk, Stytch, Firebase, Cognito, Supabase) let an application put custom claims
//! into its session tokens, beside claims of their own, in a cookie of at most 4 KB. This crate knows the
//! reserved names of each provider ([`Profile`], [`ReservedNames`]), measures claims exactly as they will be
//! written ([`size`], [`SizeReport`]), and updates them the way Stytch does, refusing a reserved name or an
//! oversized result without touching the original ([`merge_patch`], [`update_claims`]).
//!
//! ```
//! use claims_core::{update_claims, ClaimsError, Profile, ReservedNames, UpdatePolicy};
//! use serde_json::json;
//!
//! let mut claims = json!({"plan": "free", "roles": ["reader"]}).as_object().unwrap().clone();
//! let policy = UpdatePolicy::new(ReservedNames::from_profiles(&[&Profile::CLERK]));
//!
//! // An update that sets a Clerk default claim is refused, and nothing changes.
//! let err = update_claims(&mut claims, &json!({"plan": "pro", "sid": "sess_1"}), &policy).unwrap_err();
//! assert!(matches!(err, ClaimsError::Reserved { ref claims } if claims[0].name == "sid"));
//! assert_eq!(claims["plan"], "free");
//!
//! // A good one merges like RFC 7396: `null` deletes, objects merge, arrays replace.
//! update_claims(&mut claims, &json!({"plan": "pro", "roles": null}), &policy)?;
//! assert_eq!(serde_json::Value::Object(claims), json!({"plan": "pro"}));
//! # Ok::<(), ClaimsError>(())
//! ```
//!
//! With the default `derive` feature, `use claims_core::SessionClaims;` brings both this trait and
//! `#[derive(SessionClaims)]`, which checks names and size bounds at compile time. With the `typescript`
//! feature, under `#[claims(typescript)]` it also writes a Clerk frontend's files from the same struct
//! ([`frontend`]): the `CustomJwtSessionClaims` declaration ([`typescript`]) and the dashboard's claims
//! template.
//!
//! Sizing ([`size::json_len`]) writes nothing and allocates nothing, and an update applies in place with
//! one look-up per patch member, measuring only what the patch touches when the claims are held as
//! [`CheckedClaims`]. The figures, against `serde_json::to_vec` and json-patch's merge and against the
//! floors, are in the repository's
//! [BENCHMARKS.md](https://github.com/typed-session-claims/claims/blob/main/BENCHMARKS.md).

#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod bound;
mod checked;
pub mod claims;
mod error;
pub mod frontend;
mod measure;
mod merge;
pub mod profile;
mod report;
pub mod size;
mod token_budget;
pub mod typescript;
mod value;
mod writable;

#[doc(hidden)]
#[path = "private/mod.rs"]
pub mod __private;

pub use checked::CheckedClaims;
pub use claims::{SessionClaims, check_budget, check_reserved};
pub use claims_profiles::{Budget, Profile, Reservation, ReservedNames, Rule, SizeUnit, Source};
pub use error::{BoundKind, BudgetKind, ClaimsError, ReservedClaim};
pub use merge::{DEFAULT_MAX_DEPTH, UpdatePolicy, merge_patch, update_claims, update_typed_claims};
pub use report::{ClaimSize, SizeReport};
pub use token_budget::{TokenBudget, TokenPart};
pub use value::drop_deep;
pub use writable::{check_writable, write_checked};

#[cfg(feature = "derive")]
pub use claims_derive::SessionClaims;
