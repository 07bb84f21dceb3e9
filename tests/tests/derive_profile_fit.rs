//! `Accepts`: the derive has exactly the markers of the built-in profiles whose names and prefixes a
//! struct's policy reserves accept it, the same judgment the run-time policy (`RESERVED`) makes, so that
//! a token layout of another profile is a type error. Every profile accepts dynamic claims, `AnyProfile`
//! accepts any claims.

use std::marker::PhantomData;

use claims_core::profile::{
    AnyProfile, Clerk, ClerkV1, Cognito, Firebase, FitsProfile, ProfileMarker, Rfc7519, Stytch,
    Supabase,
};
use claims_core::{Profile, ReservedNames, SessionClaims};
use serde_json::{Map, Value};

/// `<Fit<C, M>>::FITS` is `true` when `C: FitsProfile<M>` (that is, `M: Accepts<C>`): the inherent
/// constant exists only then, and
/// wins over the trait's `false`.
struct Fit<C, M>(PhantomData<(C, M)>);

trait Unfit {
    const FITS: bool = false;
}

impl<C, M> Unfit for Fit<C, M> {}

impl<C: FitsProfile<M>, M: ProfileMarker> Fit<C, M> {
    const FITS: bool = true;
}

/// Whether each built-in profile accepts `C`, in the order of `Profile::ALL`.
macro_rules! fits {
    ($claims:ty) => {
        [
            <Fit<$claims, Rfc7519>>::FITS,
            <Fit<$claims, Clerk>>::FITS,
            <Fit<$claims, ClerkV1>>::FITS,
            <Fit<$claims, Stytch>>::FITS,
            <Fit<$claims, Firebase>>::FITS,
            <Fit<$claims, Cognito>>::FITS,
            <Fit<$claims, Supabase>>::FITS,
        ]
    };
}

/// Whether `policy` reserves every name and prefix of each built-in profile, in the order of `Profile::ALL`.
fn covered(policy: &ReservedNames<'_>) -> Vec<bool> {
    Profile::ALL
        .iter()
        .map(|profile| {
            profile
                .names()
                .iter()
                .chain(profile.prefixes())
                .all(|name| policy.check(name).is_some())
        })
        .collect()
}

#[test]
fn the_markers_are_in_the_order_of_the_profiles() {
    let markers = [
        Rfc7519::PROFILE,
        Clerk::PROFILE,
        ClerkV1::PROFILE,
        Stytch::PROFILE,
        Firebase::PROFILE,
        Cognito::PROFILE,
        Supabase::PROFILE,
    ];
    assert_eq!(markers.map(Option::unwrap), Profile::ALL);
}

macro_rules! claims {
    ($($name:ident: $($attr:meta),*;)*) => {$(
        #[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
        $(#[claims($attr)])*
        struct $name {
            #[claims(max_len = 8)]
            plan: String,
        }
    )*};
}

claims! {
    Implicit:;
    ForRfc7519: profile = "rfc7519";
    ForClerk: profile = "clerk";
    ForClerkV1: profile = "clerk-v1";
    ForStytch: profile = "stytch";
    ForFirebase: profile = "firebase";
    ForCognito: profile = "cognito";
    ForSupabase: profile = "supabase";
    ForClerkAndStytch: profile = "clerk", profile = "stytch";
    ForClerkWithAud: profile = "clerk", reserve = "aud";
    ByHand: reserve = "azp", reserve = "exp", reserve = "iat", reserve = "iss", reserve = "nbf", reserve = "sid", reserve = "sub", reserve = "act", reserve = "org_id", reserve = "org_slug", reserve = "org_role", reserve = "org_permissions", reserve = "orgs", reserve = "fva", profile = "none";
    StytchByPrefix: profile = "rfc7519", reserve_prefix = "HTTPS://STYTCH.COM/";
    Nothing: profile = "none";
}

#[test]
fn derived_types_fit_exactly_the_profiles_their_policy_covers() {
    let rows: [(&str, [bool; 7], ReservedNames<'static>); 13] = [
        ("default", fits!(Implicit), Implicit::RESERVED),
        ("rfc7519", fits!(ForRfc7519), ForRfc7519::RESERVED),
        ("clerk", fits!(ForClerk), ForClerk::RESERVED),
        ("clerk-v1", fits!(ForClerkV1), ForClerkV1::RESERVED),
        ("stytch", fits!(ForStytch), ForStytch::RESERVED),
        ("firebase", fits!(ForFirebase), ForFirebase::RESERVED),
        ("cognito", fits!(ForCognito), ForCognito::RESERVED),
        ("supabase", fits!(ForSupabase), ForSupabase::RESERVED),
        (
            "clerk + stytch",
            fits!(ForClerkAndStytch),
            ForClerkAndStytch::RESERVED,
        ),
        (
            "clerk + aud",
            fits!(ForClerkWithAud),
            ForClerkWithAud::RESERVED,
        ),
        ("clerk-v1 by hand", fits!(ByHand), ByHand::RESERVED),
        (
            "stytch by prefix",
            fits!(StytchByPrefix),
            StytchByPrefix::RESERVED,
        ),
        ("none", fits!(Nothing), Nothing::RESERVED),
    ];
    for (what, fits, reserved) in &rows {
        assert_eq!(fits.to_vec(), covered(reserved), "{what}");
    }

    // The judgments spelled out, in the order rfc7519, clerk, clerk-v1, stytch, firebase, cognito, supabase.
    let expected: [(&str, [bool; 7]); 13] = [
        ("default", [true, false, false, false, false, false, false]),
        ("rfc7519", [true, false, false, false, false, false, false]),
        // Clerk v2 does not reserve `aud`, so it covers neither rfc7519 nor v1 (`org_id`...).
        ("clerk", [false, true, false, false, false, false, false]),
        ("clerk-v1", [false, false, true, false, false, false, false]),
        // Stytch reserves the registered names too.
        ("stytch", [true, false, false, true, false, false, false]),
        ("firebase", [true, false, false, false, true, false, false]),
        ("cognito", [false, false, false, false, false, true, false]),
        ("supabase", [false, false, false, false, false, false, true]),
        (
            "clerk + stytch",
            [true, true, false, true, false, false, false],
        ),
        (
            "clerk + aud",
            [true, true, false, false, false, false, false],
        ),
        (
            "clerk-v1 by hand",
            [false, false, true, false, false, false, false],
        ),
        (
            "stytch by prefix",
            [true, false, false, true, false, false, false],
        ),
        ("none", [false; 7]),
    ];
    for ((what, fits, _), (name, row)) in rows.iter().zip(expected) {
        assert_eq!((*what, *fits), (name, row));
    }
}

#[test]
fn dynamic_claims_fit_every_profile_and_anything_fits_any_profile() {
    type Dynamic = Map<String, Value>;
    assert_eq!(fits!(Dynamic), [true; 7]);
    // Any claims type fits `AnyProfile`; a type that is not one fits nothing, not even `AnyProfile`.
    assert_eq!(
        [
            <Fit<Dynamic, AnyProfile>>::FITS,
            <Fit<Nothing, AnyProfile>>::FITS,
            <Fit<ForClerk, AnyProfile>>::FITS,
            <Fit<u8, AnyProfile>>::FITS,
        ],
        [true, true, true, false]
    );
    assert_eq!(fits!(u8), [false; 7]);
}

#[test]
fn a_generic_struct_fits_for_every_instance() {
    #[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
    #[claims(profile = "stytch")]
    struct Tagged<T> {
        #[claims(max_items = 2)]
        tags: Vec<T>,
    }
    assert_eq!(
        fits!(Tagged<u8>),
        [true, false, false, true, false, false, false]
    );
    assert_eq!(fits!(Tagged<bool>), fits!(ForStytch));
}
