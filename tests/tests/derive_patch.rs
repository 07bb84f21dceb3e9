//! The typed patch companion (`#[claims(patch)]`): per-field keep / set / remove / patch, its RFC 7396
//! form, and `apply`, which returns the updated claims or the error and never changes the original.

use claims_core::{
    BoundKind, Budget, BudgetKind, ClaimsError, Profile, ReservedNames, SessionClaims,
    UpdatePolicy, merge_patch,
};
use serde_json::json;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
#[claims(patch)]
struct Org {
    #[claims(max_len = 16)]
    id: String,
    #[claims(max_len = 16)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    role: Option<String>,
    #[claims(max_items = 4, max_len = 16)]
    #[serde(default)]
    permissions: Vec<String>,
}

#[derive(SessionClaims, serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
#[claims(profile = "clerk", max_size = 420, patch)]
#[serde(rename_all = "camelCase")]
struct AppClaims {
    #[claims(max_len = 64)]
    full_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    tenant: Option<u64>,
    #[claims(nested)]
    org: Org,
    #[claims(nested)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    previous_org: Option<Org>,
}

fn claims() -> AppClaims {
    AppClaims {
        full_name: "Ada".into(),
        tenant: Some(7),
        org: Org {
            id: "org_1".into(),
            role: Some("admin".into()),
            permissions: vec!["read".into()],
        },
        previous_org: None,
    }
}

#[test]
fn an_empty_patch_changes_nothing() {
    let patch = AppClaimsPatch::new();
    assert!(patch.is_empty());
    assert_eq!(patch.to_merge_patch().unwrap(), json!({}));
    assert_eq!(claims().apply(&patch).unwrap(), claims());
    assert!(AppClaimsPatch::default().is_empty());
}

#[test]
fn set_remove_and_nested_patch_write_rfc7396() {
    let patch = AppClaimsPatch::new()
        .set_full_name("Ada Lovelace".into())
        .remove_tenant()
        .patch_org(
            OrgPatch::new()
                .set_role(Some("owner".into()))
                .set_permissions(vec![]),
        );
    let expected = json!({"fullName": "Ada Lovelace", "tenant": null, "org": {"role": "owner", "permissions": []}});
    assert_eq!(patch.to_merge_patch().unwrap(), expected);
    assert_eq!(serde_json::to_value(&patch).unwrap(), expected);

    let updated = claims().apply(&patch).unwrap();
    assert_eq!(
        updated,
        AppClaims {
            full_name: "Ada Lovelace".into(),
            tenant: None,
            org: Org {
                id: "org_1".into(),
                role: Some("owner".into()),
                permissions: vec![]
            },
            previous_org: None,
        }
    );
    // The same result as claims-core's merge of the serialized patch on the serialized claims.
    let mut merged = serde_json::to_value(claims()).unwrap();
    merge_patch(&mut merged, &expected);
    assert_eq!(merged, serde_json::to_value(&updated).unwrap());
}

#[test]
fn setting_a_nested_object_replaces_it_exactly() {
    let new_org = Org {
        id: "org_2".into(),
        role: None,
        permissions: vec![],
    };
    let patch = AppClaimsPatch::new().set_org(new_org.clone());
    // Standalone, RFC 7396 merges an object value into the old one: `role` would survive.
    assert_eq!(
        patch.to_merge_patch().unwrap(),
        json!({"org": {"id": "org_2", "permissions": []}})
    );
    // `apply` knows the old claims, so the old `role` is removed.
    assert_eq!(claims().apply(&patch).unwrap().org, new_org);
}

#[test]
fn an_optional_nested_object_can_be_set_patched_and_removed() {
    let set = AppClaimsPatch::new().set_previous_org(Some(Org {
        id: "old".into(),
        role: None,
        permissions: vec![],
    }));
    let with_previous = claims().apply(&set).unwrap();
    assert_eq!(
        with_previous.previous_org.as_ref().map(|o| o.id.as_str()),
        Some("old")
    );
    let patched = with_previous
        .apply(&AppClaimsPatch::new().patch_previous_org(OrgPatch::new().set_id("older".into())))
        .unwrap();
    assert_eq!(
        patched.previous_org.as_ref().map(|o| o.id.as_str()),
        Some("older")
    );
    let removed = patched
        .apply(&AppClaimsPatch::new().remove_previous_org())
        .unwrap();
    assert_eq!(removed.previous_org, None);
}

#[test]
fn a_refused_update_returns_the_error_and_leaves_the_claims_alone() {
    let original = claims();

    let too_long = AppClaimsPatch::new().set_full_name("x".repeat(65));
    assert_eq!(
        original.apply(&too_long),
        Err(ClaimsError::BoundExceeded {
            field: "fullName".into(),
            bound: BoundKind::MaxLen,
            limit: 64,
            actual: 65
        })
    );

    let nested_too_long =
        AppClaimsPatch::new().patch_org(OrgPatch::new().set_permissions(vec!["p".into(); 5]));
    assert_eq!(
        original.apply(&nested_too_long),
        Err(ClaimsError::BoundExceeded {
            field: "org.permissions".into(),
            bound: BoundKind::MaxItems,
            limit: 4,
            actual: 5
        })
    );

    // A policy with a smaller budget than the type's `max_size`.
    let tight = UpdatePolicy::new(ReservedNames::from_profiles(&[&Profile::CLERK]))
        .with_budget(Budget::bytes(40));
    let err = original
        .apply_with(
            &AppClaimsPatch::new().set_full_name("Ada Lovelace".into()),
            &tight,
        )
        .unwrap_err();
    assert!(
        matches!(err, ClaimsError::OverBudget { kind: BudgetKind::CustomClaims, budget, .. } if budget == Budget::bytes(40))
    );

    // A policy that reserves a claim the type has.
    let stricter = UpdatePolicy::new(ReservedNames::RFC7519.with_names(&["tenant"]));
    let err = original
        .apply_with(&AppClaimsPatch::new().set_tenant(Some(8)), &stricter)
        .unwrap_err();
    assert!(matches!(err, ClaimsError::Reserved { ref claims } if claims[0].name == "tenant"));

    assert_eq!(original, claims());
}

/// `apply` measures the result as the type writes it: an `f32` goes through `serde_json::Value` as an
/// `f64` (`-1.0000001e-6` becomes `-1.0000000116860974e-6`), which must not count against the budget.
#[test]
fn apply_measures_the_result_as_written_not_as_a_json_value() {
    #[derive(SessionClaims, serde::Serialize, serde::Deserialize, Debug, PartialEq)]
    #[claims(patch, max_size = 47)]
    struct Position {
        lat: f32,
        lon: f32,
    }
    assert_eq!(Position::MAX_JSON_LEN, Some(47)); // {"lat":<16>,"lon":<16>}

    let worst = Position {
        lat: -1.000_000_1e-6,
        lon: -1.000_000_1e-6,
    };
    assert_eq!(serde_json::to_vec(&worst).unwrap().len(), 47);
    let patch = PositionPatch::new().set_lat(worst.lat).set_lon(worst.lon);
    assert_eq!(Position { lat: 0.0, lon: 0.0 }.apply(&patch), Ok(worst));

    // A budget that the written JSON really exceeds is still refused, with the written size.
    let policy = UpdatePolicy::new(ReservedNames::RFC7519).with_budget(Budget::bytes(46));
    assert_eq!(
        Position { lat: 0.0, lon: 0.0 }.apply_with(&patch, &policy),
        Err(ClaimsError::OverBudget {
            kind: BudgetKind::CustomClaims,
            size: 47,
            budget: Budget::bytes(46)
        })
    );
}
