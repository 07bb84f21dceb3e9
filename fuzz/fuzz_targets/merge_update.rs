//! RFC 7396 merge and the policy-checked update of custom claims, on arbitrary targets and patches.
//!
//! Input: a policy selector, a budget byte and a depth byte, then the target JSON, `0xFF`, the patch
//! JSON. `merge_patch` must agree with RFC 7396's pseudocode (and be idempotent); `update_claims` and
//! `update_typed_claims` must either produce exactly that merge, with no reserved name, within every
//! budget, or refuse for a reason that holds, leaving the claims untouched; `CheckedClaims::update`,
//! on claims that pass the policy, must agree with `update_claims` and keep the written size.
#![no_main]

use claims_core::{
    Budget, BudgetKind, CheckedClaims, ClaimsError, Profile, ReservedNames, SizeUnit, UpdatePolicy,
    merge_patch, update_claims, update_typed_claims,
};
use claims_fuzz::input::split;
use claims_fuzz::oracle::{self, written_size};
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value};

static CLERK: &[&Profile] = &[&Profile::CLERK];
static STYTCH: &[&Profile] = &[&Profile::STYTCH];
static FIREBASE: &[&Profile] = &[&Profile::FIREBASE];

fn policy(selectors: [u8; 3]) -> UpdatePolicy<'static> {
    let [profile, budget, depth] = selectors;
    let policy = match profile % 5 {
        0 => UpdatePolicy::default(),
        1 => UpdatePolicy::new(ReservedNames::from_profiles(CLERK)),
        2 => UpdatePolicy::new(ReservedNames::from_profiles(STYTCH)),
        3 => UpdatePolicy::new(ReservedNames::from_profiles(FIREBASE)),
        _ => UpdatePolicy::new(
            ReservedNames::NONE
                .with_names(&["role"])
                .with_prefixes(&["x-"]),
        ),
    };
    let policy = match budget {
        0 => policy,
        255 => policy.without_budget(),
        b if b % 2 == 1 => policy.with_budget(Budget::bytes(usize::from(b) * 2)),
        b => policy.with_budget(Budget::utf16_units(usize::from(b) * 2)),
    };
    if depth < 16 {
        policy.with_max_depth(usize::from(depth))
    } else {
        policy
    }
}

/// Checks that `result` (of updating `claims` with `patch` under `policy`) is what it must be: `merged`
/// (the RFC's answer) when every rule holds, or a refusal whose reason holds.
fn check(
    result: Result<&Map<String, Value>, &ClaimsError>,
    patch: &Value,
    merged: &Value,
    policy: &UpdatePolicy<'_>,
) {
    let Value::Object(merged_map) = merged else {
        assert_eq!(
            result.err(),
            Some(&ClaimsError::NotAnObject {
                what: "patch",
                found: json_type(patch)
            }),
            "a patch that is not an object"
        );
        return;
    };
    let reserved: Vec<&str> = merged_map
        .keys()
        .map(String::as_str)
        .filter(|name| policy.reserved().check(name).is_some())
        .collect();
    let (bytes, utf16_units) = written_size(merged);
    let over: Vec<Budget> = policy
        .budgets()
        .into_iter()
        .flatten()
        .filter(|budget| match budget.unit {
            SizeUnit::Utf16Units => utf16_units > budget.limit,
            _ => bytes > budget.limit,
        })
        .collect();
    let too_deep = oracle::depth(patch) > policy.max_depth();
    match result {
        Ok(updated) => {
            assert!(
                !too_deep,
                "accepted a patch deeper than {}",
                policy.max_depth()
            );
            assert_eq!(reserved, Vec::<&str>::new(), "accepted reserved names");
            assert_eq!(
                over,
                Vec::new(),
                "accepted a result over budget ({bytes} bytes)"
            );
            assert_eq!(updated, merged_map, "the update is not RFC 7396's merge");
        }
        Err(ClaimsError::TooDeep {
            what: "patch",
            limit,
        }) => {
            assert!(
                too_deep && *limit == policy.max_depth(),
                "refused as too deep"
            );
        }
        Err(ClaimsError::Reserved { claims }) => {
            let named: Vec<&str> = claims.iter().map(|c| c.name.as_str()).collect();
            assert_eq!(named, reserved, "the reserved names refused");
        }
        Err(ClaimsError::OverBudget {
            kind: BudgetKind::CustomClaims,
            size,
            budget,
        }) => {
            assert!(over.contains(budget), "refused as over {budget}");
            let expected = match budget.unit {
                SizeUnit::Utf16Units => utf16_units,
                _ => bytes,
            };
            assert_eq!(*size, expected, "the size reported");
        }
        Err(other) => panic!("refused for no reason that holds: {other:?}"),
    }
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fuzz_target!(|data: &[u8]| {
    let parts = split::<3>(data);
    let (Some(target), patch) = (parts.first, parts.second) else {
        return;
    };
    let (Ok(target), Ok(patch)) = (
        serde_json::from_slice::<Value>(target),
        serde_json::from_slice::<Value>(patch),
    ) else {
        return;
    };

    // merge_patch: the RFC's answer, and applying the same patch again changes nothing.
    let expected = oracle::merge_patch(&target, &patch);
    let mut merged = target.clone();
    merge_patch(&mut merged, &patch);
    assert_eq!(merged, expected, "merge_patch differs from RFC 7396");
    merge_patch(&mut merged, &patch);
    assert_eq!(merged, expected, "merge_patch is not idempotent");

    let Value::Object(claims) = target else {
        return;
    };
    let policy = policy(parts.selectors);
    let merged = if patch.is_object() {
        expected
    } else {
        Value::Null
    };

    let mut updated = claims.clone();
    let result = update_claims(&mut updated, &patch, &policy);
    if result.is_err() {
        assert_eq!(updated, claims, "a refused update changed the claims");
    }
    check(result.as_ref().map(|()| &updated), &patch, &merged, &policy);

    let typed = update_typed_claims(&claims, &patch, &policy);
    check(typed.as_ref(), &patch, &merged, &policy);

    // Claims held checked update exactly as update_claims updates them, and keep their exact size.
    if let Ok(mut held) = CheckedClaims::new(claims.clone(), policy) {
        assert_eq!(
            held.update(&patch),
            result,
            "CheckedClaims::update disagrees with update_claims"
        );
        let kept = if result.is_ok() { &updated } else { &claims };
        assert_eq!(
            held.claims(),
            kept,
            "CheckedClaims holds other claims than update_claims"
        );
        let size = held.size();
        assert_eq!(
            (size.bytes, size.utf16_units),
            written_size(held.claims()),
            "CheckedClaims kept a size that is not the written one"
        );
    }
});
