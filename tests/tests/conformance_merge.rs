//! RFC 7396 JSON Merge Patch conformance, and Stytch's documented custom-claims updates, read from the
//! standard vectors in `tests/vectors`.

use claims_core::{Profile, ReservedNames, UpdatePolicy, merge_patch, update_claims};
use claims_tests::vectors;
use serde_json::Value;

#[test]
fn rfc7396_every_case() {
    let cases = vectors("rfc7396_merge.json");
    let cases = cases.as_array().expect("rfc7396_merge.json is an array");
    assert_eq!(
        cases.len(),
        17,
        "the vector file holds the Section 1 and 3 examples and 15 Appendix A cases"
    );
    for case in cases {
        let name = case["name"].as_str().expect("every case has a name");
        let mut target = case["target"].clone();
        merge_patch(&mut target, &case["patch"]);
        assert_eq!(target, case["result"], "{name}");
    }
}

#[test]
fn rfc7396_object_cases_through_the_policy_checked_update() {
    let cases = vectors("rfc7396_merge.json");
    let mut checked = 0;
    for case in cases.as_array().expect("an array") {
        let (Value::Object(target), Value::Object(_), Value::Object(result)) =
            (&case["target"], &case["patch"], &case["result"])
        else {
            continue; // non-object targets and patches are refused by the update, tested in claims-core
        };
        let mut claims = target.clone();
        update_claims(
            &mut claims,
            &case["patch"],
            &UpdatePolicy::new(ReservedNames::NONE),
        )
        .unwrap_or_else(|err| panic!("{}: {err}", case["name"]));
        assert_eq!(&claims, result, "{}", case["name"]);
        checked += 1;
    }
    assert_eq!(checked, 12);
}

#[test]
fn stytch_documented_updates() {
    let vectors = vectors("provider_examples.json");
    let cases = vectors["stytch_custom_claims_updates"]["cases"]
        .as_array()
        .expect("stytch_custom_claims_updates.cases is an array");
    assert_eq!(cases.len(), 4);
    let policy = UpdatePolicy::new(ReservedNames::from_profiles(&[&Profile::STYTCH]));
    for (i, case) in cases.iter().enumerate() {
        let mut claims = case["target"].as_object().expect("object target").clone();
        update_claims(&mut claims, &case["patch"], &policy)
            .unwrap_or_else(|err| panic!("case {i}: {err}"));
        assert_eq!(Value::Object(claims), case["result"], "case {i}");
    }
}

#[test]
fn stytch_refuses_reserved_names_on_documented_targets() {
    let vectors = vectors("provider_examples.json");
    let case = &vectors["stytch_custom_claims_updates"]["cases"][3];
    let original = case["target"].as_object().expect("object target").clone();
    let mut claims = original.clone();
    let policy = UpdatePolicy::new(ReservedNames::from_profiles(&[&Profile::STYTCH]));
    let patch = serde_json::json!({"c": 1, "aud": "x", "HTTPS://STYTCH.COM/session": {}});
    let err = update_claims(&mut claims, &patch, &policy).unwrap_err();
    let claims_core::ClaimsError::Reserved { claims: hits } = err else {
        panic!("expected Reserved, got {err:?}")
    };
    let names: Vec<&str> = hits.iter().map(|hit| hit.name.as_str()).collect();
    assert_eq!(names, ["HTTPS://STYTCH.COM/session", "aud"]);
    assert_eq!(claims, original);
}
