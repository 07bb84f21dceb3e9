//! The signing and verifying half of a key, built once when the key is built: one file per crypto
//! backend, both with the same two types and the contract of `jsonwebtoken::crypto::{sign, verify}`.
//!
//! With `aws_lc_rs` the parsed aws-lc-rs key is kept, so a signature costs the signature alone; with
//! `rust_crypto` the calls go to jsonwebtoken, which parses the key on each one.

#[cfg(feature = "aws_lc_rs")]
mod aws_lc;
#[cfg(feature = "rust_crypto")]
mod rust_crypto;

#[cfg(feature = "aws_lc_rs")]
pub(crate) use aws_lc::{Signer, Verifier};
#[cfg(feature = "rust_crypto")]
pub(crate) use rust_crypto::{Signer, Verifier};
