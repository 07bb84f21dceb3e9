//! Runs the built `claims` binary: on Clerk's fixture tokens, tokens minted here, garbage, expired and
//! oversized tokens, JWKS documents, claims objects and templates; exit codes asserted exactly.

mod fixtures;
mod inspect;
mod keys;
mod lint;
mod mint;
mod remote;
mod size;
mod support;
mod usage;
