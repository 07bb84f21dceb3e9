//! Sizing and bounds checks allocate nothing: counted by a per-thread counting allocator
//! (`allocation-counter`, which installs itself as the global allocator), not timed.

use std::hint::black_box;

use claims_benches::fixture::app_claims;
use claims_jwt::claims_core::{BoundKind, ClaimsError, SessionClaims, size};

#[test]
fn json_len_of_the_realistic_claims_allocates_nothing() {
    let claims = app_claims();
    let mut len = 0;
    let counted = allocation_counter::measure(|| {
        len = size::json_len(black_box(&claims)).expect("measures");
    });
    assert_eq!(counted.count_total, 0);
    assert_eq!(len, serde_json::to_vec(&claims).unwrap().len());
}

#[test]
fn json_size_of_the_realistic_claims_allocates_nothing() {
    let claims = app_claims();
    let mut bytes = 0;
    let counted = allocation_counter::measure(|| {
        bytes = size::json_size(black_box(&claims)).expect("measures").bytes;
    });
    assert_eq!(counted.count_total, 0);
    assert_eq!(bytes, serde_json::to_vec(&claims).unwrap().len());
}

#[test]
fn check_bounds_of_the_realistic_claims_allocates_nothing() {
    let claims = app_claims();
    let mut checked = Err(ClaimsError::Json {
        message: "not run".into(),
    });
    let counted = allocation_counter::measure(|| {
        checked = black_box(&claims).check_bounds();
    });
    assert_eq!(counted.count_total, 0);
    assert_eq!(checked, Ok(()));
}

/// The positive control: the counter sees the allocations of the operations measured against ours, and
/// of a refusal, which builds its error's path.
#[test]
fn the_counter_sees_serialization_and_refusals_allocate() {
    let mut claims = app_claims();
    let counted = allocation_counter::measure(|| {
        black_box(serde_json::to_vec(black_box(&claims)).unwrap());
    });
    assert!(counted.count_total >= 1, "{counted:?}");

    claims.roles.push("role:08:one-too-many".into());
    let mut refused = Ok(());
    let counted = allocation_counter::measure(|| {
        refused = black_box(&claims).check_bounds();
    });
    assert!(counted.count_total >= 1, "{counted:?}");
    assert_eq!(
        refused,
        Err(ClaimsError::BoundExceeded {
            field: "roles".into(),
            bound: BoundKind::MaxItems,
            limit: 8,
            actual: 9,
        })
    );
}

/// An organization nested in [`OtherBounds`], with bounds of its own.
#[derive(claims_jwt::SessionClaims, serde::Serialize, serde::Deserialize)]
struct Org {
    #[claims(max_len = 32)]
    name: String,
    #[claims(max_items = 4, max_len = 16)]
    teams: Vec<String>,
}

/// The kinds of bound the fixture does not use: a `max_json_len` field, a bounded optional string, a
/// nested struct checked by its own bounds, and a size budget.
#[derive(claims_jwt::SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(profile = "clerk", max_size = 1200)]
#[serde(rename_all = "camelCase")]
struct OtherBounds {
    #[claims(max_json_len = 80)]
    settings: serde_json::Value,
    #[claims(max_len = 16)]
    nickname: Option<String>,
    org: Org,
}

fn other_bounds() -> OtherBounds {
    OtherBounds {
        settings: serde_json::json!({"theme": "dark", "beta": true, "panels": ["inbox", "calendar"]}),
        nickname: Some("Ada".into()),
        org: Org {
            name: "Analytical Engines".into(),
            teams: vec!["mills".into(), "stores".into()],
        },
    }
}

#[test]
fn every_other_kind_of_bound_checks_and_sizes_without_allocating() {
    let mut claims = other_bounds();
    let mut checked = Ok(());
    let mut len = 0;
    let counted = allocation_counter::measure(|| {
        checked = black_box(&claims).check_bounds();
        len = size::json_len(black_box(&claims)).expect("measures");
    });
    assert_eq!(counted.count_total, 0);
    assert_eq!(checked, Ok(()));
    assert_eq!(len, serde_json::to_vec(&claims).unwrap().len());

    // Each bound still refuses, measured exactly: the `max_json_len` field first.
    claims.settings["panels"] =
        serde_json::json!(["inbox", "calendar", "contacts", "tasks", "notes", "files"]);
    let actual = serde_json::to_vec(&claims.settings).unwrap().len();
    assert_eq!(
        claims.check_bounds(),
        Err(ClaimsError::BoundExceeded {
            field: "settings".into(),
            bound: BoundKind::MaxJsonLen,
            limit: 80,
            actual,
        })
    );
    claims.settings = serde_json::json!({});
    claims.org.teams.push("x".repeat(17));
    assert_eq!(
        claims.check_bounds(),
        Err(ClaimsError::BoundExceeded {
            field: "org.teams[2]".into(),
            bound: BoundKind::MaxLen,
            limit: 16,
            actual: 17,
        })
    );
}
