//! What the TypeScript and Clerk-template code written by `#[derive(SessionClaims)]` uses: the probe that
//! finds a field type's `TsType`, and the member type and compile error made from its answer.

use std::marker::PhantomData;

pub use crate::frontend::{ClerkFrontend, ClerkShortcode};
pub use crate::typescript::{TsMember, TsMemberType, TsShape, TsType};

/// Finds a field type's [`TsType`] impl where there is one, as `Probe` finds its `JsonBound`: the
/// inherent constant wins over [`TsProbeFallback`]'s when `T: TsType` holds.
pub struct TsProbe<T: ?Sized>(PhantomData<T>);

impl<T: ?Sized + TsType> TsProbe<T> {
    /// The type's shape.
    pub const TS: Option<&'static TsShape> = Some(&T::TS);
}

/// The answer of [`TsProbe`] for a type without a [`TsType`] impl.
pub trait TsProbeFallback {
    /// No shape.
    const TS: Option<&'static TsShape> = None;
}

impl<T: ?Sized> TsProbeFallback for TsProbe<T> {}

/// A member's type from the probe's answer: known, or unknown with the reason for its comment and the
/// error `#[claims(typescript)]` reports for it.
pub const fn member_type(
    probed: Option<&'static TsShape>,
    why: &'static str,
    problem: &'static str,
) -> TsMemberType {
    match probed {
        Some(shape) => TsMemberType::Known(shape),
        None => TsMemberType::Unknown { why, problem },
    }
}

/// The compile error of a member under `#[claims(typescript)]`: its own, or that of the first member
/// without a type inside it.
pub const fn undescribed(ty: &TsMemberType) -> Option<&'static str> {
    match *ty {
        TsMemberType::Unknown { problem, .. } => Some(problem),
        TsMemberType::Known(shape) => match shape.first_unknown() {
            Some(TsMember {
                ty: TsMemberType::Unknown { problem, .. },
                ..
            }) => Some(problem),
            _ => None,
        },
    }
}
