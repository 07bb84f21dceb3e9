//! Profiles as types, so that custom claims used with a token layout of another profile are a type error,
//! reported by `cargo check`.
//!
//! Each built-in [`Profile`] has a marker type here ([`Clerk`] stands for [`Profile::CLERK`], [`ClerkV1`]
//! for [`Profile::CLERK_V1`]...). `#[derive(SessionClaims)]` implements [`Accepts<ItsType>`](Accepts) for
//! the marker of every profile whose names and prefixes the struct's policy reserves too: the profiles it
//! names in `#[claims(profile = "...")]`, and any other they include. A token layout names its profile's
//! marker `P`, and code that mints or verifies claims of type `C` with it requires `C: FitsProfile<P>`,
//! which holds exactly when `P: Accepts<C>`.
//! [`AnyProfile`] is the marker of a layout that takes any claims.
//!
//! Dynamic claims, `serde_json::Map<String, Value>`, are accepted by every profile, even one only known
//! as a type parameter (every marker must accept them): their names are known only at run time, and are
//! checked then. A hand-written [`SessionClaims`] impl is accepted by [`AnyProfile`]; for a provider's
//! layout it implements `Accepts` for that profile's marker, once it uses none of the profile's names.
//!
//! ```
//! use claims_core::profile::{AnyProfile, Clerk, FitsProfile, Rfc7519, Stytch};
//! use claims_core::SessionClaims;
//!
//! #[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
//! #[claims(profile = "clerk")]
//! struct AppClaims {
//!     #[claims(max_len = 64)]
//!     name: String,
//! }
//!
//! fn for_clerk<C: FitsProfile<Clerk>>() {}
//! fn for_any<C: FitsProfile<AnyProfile>>() {}
//! for_clerk::<AppClaims>();
//! for_any::<AppClaims>();
//! for_clerk::<serde_json::Map<String, serde_json::Value>>();
//! // Neither `AppClaims: FitsProfile<Stytch>` nor `FitsProfile<Rfc7519>`: Clerk reserves neither
//! // Stytch's `https://stytch.com/` prefix nor the registered `aud`.
//! ```
//!
//! ```compile_fail
//! use claims_core::profile::{FitsProfile, Stytch};
//! use claims_core::SessionClaims;
//!
//! #[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
//! #[claims(profile = "clerk")]
//! struct AppClaims {
//!     #[claims(max_len = 64)]
//!     name: String,
//! }
//!
//! fn for_stytch<C: FitsProfile<Stytch>>() {}
//! for_stytch::<AppClaims>(); // `AppClaims` was not derived for profile `Stytch`
//! ```

use claims_profiles::{Profile, ReservedNames};
use serde_json::{Map, Value};

use crate::claims::SessionClaims;

/// A type that stands for a profile: one of the markers in [this module](self).
///
/// Sealed: the derive only knows the built-in profiles, so no other marker could accept a derived type.
/// Every marker accepts dynamic claims, so that generic code over a layout can use them.
///
/// ```
/// use claims_core::profile::{AnyProfile, ClerkV1, ProfileMarker};
/// use claims_core::Profile;
///
/// assert_eq!(ClerkV1::PROFILE, Some(&Profile::CLERK_V1));
/// assert_eq!(AnyProfile::PROFILE, None);
/// ```
pub trait ProfileMarker: sealed::Sealed + Accepts<Map<String, Value>> + 'static {
    /// The profile it stands for; `None` for [`AnyProfile`].
    const PROFILE: Option<&'static Profile>;
}

/// A profile marker (`Self`) accepts custom claims of type `C`: `C` was derived for its profile (or for
/// profiles that reserve everything it does), or is dynamic. What the derive implements; bounds are
/// written with [`FitsProfile`]. See the [module docs](self).
#[diagnostic::on_unimplemented(
    message = "`{C}` was not derived for profile `{Self}`, which the token layout requires",
    label = "a claim name of `{C}` might shadow one of the layout's own claims",
    note = "add the layout's profile to its derive: #[claims(profile = \"...\")], with the marker's name in \
            kebab-case (`Clerk` is \"clerk\", `ClerkV1` \"clerk-v1\", `Stytch` \"stytch\")"
)]
pub trait Accepts<C> {}

/// Custom claims that profile `P` accepts: `C: FitsProfile<P>` holds exactly when `P: Accepts<C>`.
///
/// The same judgment, written the other way round for bounds: with the claims type as `Self`, the
/// compiler waits to know it before choosing an impl, instead of guessing it from the one type a profile
/// happens to accept.
pub trait FitsProfile<P: ProfileMarker> {}

impl<C, P: ProfileMarker + Accepts<C>> FitsProfile<P> for C {}

/// The marker of a layout that takes custom claims of any profile (claims-jwt's `Generic`): it accepts
/// every [`SessionClaims`] type.
///
/// ```
/// use claims_core::profile::{AnyProfile, FitsProfile};
/// fn any<C: FitsProfile<AnyProfile>>() {}
/// any::<serde_json::Map<String, serde_json::Value>>();
/// ```
#[derive(Debug)]
pub enum AnyProfile {}

impl sealed::Sealed for AnyProfile {}

impl ProfileMarker for AnyProfile {
    const PROFILE: Option<&'static Profile> = None;
}

impl<C: SessionClaims> Accepts<C> for AnyProfile {}

mod sealed {
    /// Keeps [`ProfileMarker`](super::ProfileMarker) to the markers of this module.
    pub trait Sealed {}

    /// The markers of the built-in profiles (not [`AnyProfile`](super::AnyProfile), which accepts
    /// dynamic claims as it accepts any claims).
    pub trait BuiltIn: Sealed {}
}

impl<P: sealed::BuiltIn> Accepts<Map<String, Value>> for P {}

/// One marker per built-in profile.
macro_rules! markers {
    ($($marker:ident => $profile:ident;)*) => {
        $(
            #[doc = concat!("The marker of [`Profile::", stringify!($profile), "`].")]
            #[derive(Debug)]
            pub enum $marker {}

            impl sealed::Sealed for $marker {}

            impl sealed::BuiltIn for $marker {}

            impl ProfileMarker for $marker {
                const PROFILE: Option<&'static Profile> = Some(&Profile::$profile);
            }

            #[doc(hidden)]
            impl $marker {
                /// The profile's reserved names alone, for `#[derive(SessionClaims)]`'s `RESERVED`: a
                /// path to this constant is less for the compiler to check in each derived struct than
                /// the `from_profiles` call it stands for.
                pub const RESERVED: ReservedNames<'static> =
                    ReservedNames::from_profiles(&[&Profile::$profile]);
            }
        )*

        /// The profile of every marker, in declaration order.
        #[cfg(test)]
        const MARKED: &[&Profile] = &[$(&Profile::$profile),*];

        /// The `RESERVED` of every marker, in the same order.
        #[cfg(test)]
        const MARKED_RESERVED: &[ReservedNames<'static>] = &[$($marker::RESERVED),*];
    };
}

markers! {
    Rfc7519 => RFC7519;
    Clerk => CLERK;
    ClerkV1 => CLERK_V1;
    Stytch => STYTCH;
    Firebase => FIREBASE;
    Cognito => COGNITO;
    Supabase => SUPABASE;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_profile_has_a_marker() {
        assert_eq!(MARKED, Profile::ALL);
    }

    #[test]
    fn a_markers_reserved_names_are_its_profiles_alone() {
        assert_eq!(MARKED_RESERVED.len(), Profile::ALL.len());
        for (reserved, profile) in MARKED_RESERVED.iter().zip(Profile::ALL) {
            assert_eq!(*reserved, ReservedNames::from_profiles(&[profile]));
            assert_eq!(reserved.profiles(), [*profile]);
        }
        assert_eq!(
            Clerk::RESERVED.check("sid").map(|r| r.source),
            Some(claims_profiles::Source::Profile(&Profile::CLERK))
        );
        assert_eq!(Clerk::RESERVED.check("plan"), None);
    }

    #[test]
    fn markers_name_their_profiles() {
        assert_eq!(Rfc7519::PROFILE, Some(&Profile::RFC7519));
        assert_eq!(Supabase::PROFILE, Some(&Profile::SUPABASE));
        assert_eq!(AnyProfile::PROFILE, None);
    }
}
