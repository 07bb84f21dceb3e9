//! What the code written by `#[derive(SessionClaims)]` uses. Not a public API: no stability promise.
//!
//! Generated code reaches everything through `::claims_core::__private` (or the `crate = "..."` path),
//! so it never depends on what the user's crate has in scope. One file per job: `probe` finds the fields'
//! size bounds and sums them, `messages` words the compile-time refusals, `patch` runs the typed patch,
//! `typescript` finds the fields' TypeScript types for `#[claims(typescript)]`.

mod messages;
mod patch;
mod probe;
mod typescript;

pub use messages::{Msg, Site, fail, problem_message, struct_problem};
pub use patch::{
    FieldPatch, HasPatch, NoPatch, PatchObject, add_field, apply_patch, serialize_patch,
    type_policy,
};
pub use probe::{
    FieldBound, Probe, ProbeFallback, check_json_field, first_error, object_max, struct_shape,
    when_some,
};
pub use typescript::{
    ClerkFrontend, ClerkShortcode, TsMember, TsMemberType, TsProbe, TsProbeFallback, TsShape,
    TsType, member_type, undescribed,
};

pub use crate::bound::{JsonBound, JsonShape, Limits, within};
pub use crate::claims::SessionClaims;
pub use crate::error::ClaimsError;
pub use crate::merge::UpdatePolicy;
pub use crate::profile::{self, Accepts};
pub use crate::size::escaped_len;
pub use claims_profiles::{Budget, Profile, ReservedNames};
pub use serde;
pub use serde_json;
pub use std::option::Option;
pub use std::result::Result;
pub use std::string::String;
