//! claims-jwt with `#[derive(SessionClaims)]`: the README's contract struct in a Clerk token, updated
//! with the derive's typed patch, and the checks a derived type brings to minting and updating.

use claims_jwt::claims_core::{BoundKind, ClaimsError};
use claims_jwt::{
    Clerk, Clock, Error, Minter, Payload, SessionClaims, SigningKey, Token, Verifier,
};

use claims_tests::SECRET;

/// The README's clock (2025-11-24), so the figures here match the README's; not the suites' `NOW`.
const README_NOW: u64 = 1_764_000_000;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
#[claims(profile = "clerk", max_size = 1200, patch)]
#[serde(rename_all = "camelCase")]
struct AppClaims {
    #[claims(max_len = 64)]
    full_name: String,
    #[claims(max_len = 254)]
    primary_email: String,
    #[claims(max_items = 8, max_len = 32)]
    roles: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tenant: Option<u64>,
}

fn ada() -> AppClaims {
    AppClaims {
        full_name: "Ada Lovelace".into(),
        primary_email: "ada@example.com".into(),
        roles: vec!["admin".into(), "billing".into()],
        tenant: Some(42),
    }
}

fn setup() -> (Minter<Clerk>, Verifier<Clerk>, Token<AppClaims, Clerk>) {
    let key = SigningKey::hs256(SECRET).unwrap().with_kid("ins_test");
    let minter = Minter::<Clerk>::new(key.clone())
        .with_issuer("https://clerk.example.com")
        .with_clock(Clock::fixed(README_NOW));
    let verifier = Verifier::<Clerk>::new(key.verifying_key())
        .with_issuer("https://clerk.example.com")
        .with_clock(Clock::fixed(README_NOW + 1));
    let layout = Clerk {
        sid: Some("sess_1".into()),
        v: Some(2),
        ..Clerk::default()
    };
    let issued = minter
        .mint(
            &Payload::new(ada())
                .with_subject("user_1")
                .with_layout(layout),
        )
        .unwrap();
    let token = verifier.verify::<AppClaims>(issued.as_str()).unwrap();
    (minter, verifier, token)
}

#[test]
fn a_derived_struct_round_trips_in_a_clerk_token() {
    let (_, _, token) = setup();
    assert_eq!(token.claims(), &ada());
    assert_eq!(token.layout().sid.as_deref(), Some("sess_1"));
    assert_eq!(token.registered().exp, Some(README_NOW + 60));
    assert_eq!(
        AppClaims::CLAIM_NAMES,
        ["fullName", "primaryEmail", "roles", "tenant"]
    );
}

#[test]
fn a_typed_patch_reissues_and_the_new_token_verifies() {
    let (minter, verifier, token) = setup();
    let patch = AppClaimsPatch::new()
        .set_roles(vec!["owner".into()])
        .remove_tenant();
    let reissued = minter.reissue_typed(&token, &patch).unwrap();
    let again = verifier
        .verify::<AppClaims>(reissued.minted().as_str())
        .unwrap();
    let expected = AppClaims {
        roles: vec!["owner".into()],
        tenant: None,
        ..ada()
    };
    assert_eq!(again.claims(), &expected);
    assert_eq!(&reissued.payload().custom, &expected);
    assert_eq!(
        again.layout(),
        token.layout(),
        "the layout claims carry over"
    );
    assert_eq!(again.registered().sub.as_deref(), Some("user_1"));
    // The same update through the derive's own apply gives the same claims.
    assert_eq!(token.claims().apply(&patch).unwrap(), expected);
}

#[test]
fn a_typed_patch_over_a_declared_bound_is_an_update_error() {
    let (minter, _, token) = setup();
    let patch = AppClaimsPatch::new().set_full_name("x".repeat(65));
    let err = minter.reissue_typed(&token, &patch).unwrap_err();
    assert_eq!(
        err,
        Error::Update(ClaimsError::BoundExceeded {
            field: "fullName".into(),
            bound: BoundKind::MaxLen,
            limit: 64,
            actual: 65
        })
    );
    assert_eq!(err.status(), 422);
}

#[test]
fn a_derived_value_over_its_bounds_is_refused_at_mint() {
    let (minter, _, _) = setup();
    let claims = AppClaims {
        roles: vec!["r".into(); 9],
        ..ada()
    };
    assert_eq!(
        minter.mint(&Payload::new(claims)).unwrap_err(),
        Error::Claims(ClaimsError::BoundExceeded {
            field: "roles".into(),
            bound: BoundKind::MaxItems,
            limit: 8,
            actual: 9
        })
    );
}

/// `reissue` measures the updated claims as the type writes them, like the derive's `apply`: an `f32`
/// goes through `serde_json::Value` as an `f64` (`-1.0000001e-6` becomes `-1.0000000116860974e-6`),
/// which must not count against the budget; a budget the written claims really exceed still refuses.
#[test]
fn reissue_measures_the_claims_as_written_not_as_a_json_value() {
    use claims_jwt::Generic;
    use claims_jwt::claims_core::{Budget, BudgetKind};

    // The path the derive re-exported by claims-jwt uses anyway, given explicitly: `crate = ...` still
    // overrides it, for a crate that reaches claims-jwt through a re-export of its own.
    #[derive(SessionClaims, serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
    #[claims(crate = "claims_jwt::claims_core")]
    struct Position {
        lat: f32,
        lon: f32,
    }
    let worst = Position {
        lat: -1.000_000_1e-6,
        lon: -1.000_000_1e-6,
    };
    assert_eq!(serde_json::to_vec(&worst).unwrap().len(), 47);

    let key = SigningKey::hs256(SECRET).unwrap();
    let clock = Clock::fixed(README_NOW);
    let minter = Minter::<Generic>::new(key.clone())
        .with_clock(clock.clone())
        .with_budget(Budget::bytes(47));
    let verifier = Verifier::<Generic>::new(key.verifying_key()).with_clock(clock);
    let first = minter
        .mint(&Payload::new(Position { lat: 0.0, lon: 0.0 }))
        .unwrap();
    let token = verifier.verify::<Position>(first.as_str()).unwrap();

    let patch = serde_json::json!({"lat": worst.lat, "lon": worst.lon});
    let reissued = minter.reissue(&token, &patch).unwrap();
    assert_eq!(reissued.payload().custom, worst);

    let tight = minter.with_budget(Budget::bytes(46));
    assert_eq!(
        tight.reissue(&token, &patch).unwrap_err(),
        Error::Update(ClaimsError::OverBudget {
            kind: BudgetKind::CustomClaims,
            size: 47,
            budget: Budget::bytes(46)
        })
    );
}
