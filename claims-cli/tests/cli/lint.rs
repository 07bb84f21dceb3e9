//! `claims lint` on clean claims, reserved names, Clerk templates and oversized claims.

use serde_json::json;

use crate::support::{claims, claims_with, temp_file};

#[test]
fn clean_claims_pass() {
    let path = temp_file("clean.json", r#"{"fullName":"Ada","roles":["admin"]}"#);
    let run = claims(&["lint", "--profile", "clerk", &path]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{run:?}");
    assert_eq!(
        run.stdout,
        "ok: 2 claims; custom claims 36 bytes: 36 of 1200 bytes used, 1164 left\n"
    );
    // From stdin too, with the default profile (registered names only, no budget).
    let run = claims_with(&["lint", "-"], r#"{"sid":"s","plan":"pro"}"#, &[]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stdout,
        "ok: 2 claims; custom claims 24 bytes, no budget\n"
    );
}

#[test]
fn reserved_names_fail_with_the_rule_that_reserves_each() {
    let template = r#"{"fullName":"{{user.full_name}}","sid":"x","aud":"api","roles":"{{user.public_metadata.roles}}"}"#;
    let path = temp_file("template.json", template);
    let run = claims(&["lint", "--profile", "clerk", &path]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stdout,
        "error: `sid` is reserved by profile `clerk` (Clerk session token v2 default claim); rename the claim\n\
         error: `aud` is reserved by profile `rfc7519` (registered JWT claim, RFC 7519 §4.1); rename the claim\n\
         warning: 2 values hold {{shortcodes}} that expand at sign-in: the claims will be larger than \
         measured here, so leave room\n\
         failed: 2 errors: 4 claims; custom claims 74 bytes: 74 of 1200 bytes used, 1126 left\n"
    );

    let run = claims(&["lint", "--profile", "clerk", &path, "--format", "json"]);
    assert_eq!(run.code, 1, "{run:?}");
    let report = run.json();
    assert_eq!(report["ok"], false);
    assert_eq!(report["claims"], json!(["fullName", "sid", "aud", "roles"]));
    assert_eq!(report["custom_bytes"], 74);
    assert_eq!(
        report["budget"],
        json!({"limit": 1200, "unit": "bytes", "used": 74, "left": 1126})
    );
    let findings: Vec<(&str, Option<&str>)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["level"].as_str().unwrap(), f["claim"].as_str()))
        .collect();
    assert_eq!(
        findings,
        [
            ("error", Some("sid")),
            ("error", Some("aud")),
            ("warning", None)
        ]
    );

    // Stytch reserves a whole prefix, without regard to the case of scheme and host.
    let run = claims_with(
        &["lint", "--profile", "stytch"],
        r#"{"HTTPS://STYTCH.COM/roles":[],"plan":"pro"}"#,
        &[],
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.starts_with(
        "error: `HTTPS://STYTCH.COM/roles` is reserved by profile `stytch` (prefix `https://stytch.com/`: \
         Stytch session claim); rename the claim\n"
    ));
}

#[test]
fn over_the_budget_or_a_repeated_name_fails() {
    let big = json!({"bio": "x".repeat(1_300)}).to_string();
    let run = claims_with(&["lint", "--profile", "clerk"], &big, &[]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stdout,
        "error: custom claims take 1310 bytes of compact JSON, 110 over the budget of 1200 bytes; run \
         `claims size FILE --profile clerk` to see which are largest, then shorten or drop claims or keep \
         large data server-side\n\
         failed: 1 error: 1 claim; custom claims 1310 bytes: 1310 of 1200 bytes used: OVER BUDGET by 110\n"
    );
    // Firebase counts UTF-16 units: 1,000 of them.
    let emoji = json!({"n": "😀".repeat(497)}).to_string(); // {"n":"..."}: 8 + 994 units, 8 + 1988 bytes
    let run = claims_with(
        &["lint", "--profile", "firebase", "--format", "json"],
        &emoji,
        &[],
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.json()["budget"],
        json!({"limit": 1000, "unit": "UTF-16 units", "used": 1002, "left": -2})
    );

    let run = claims_with(
        &["lint", "--profile", "clerk"],
        r#"{"plan":"a","plan":"b"}"#,
        &[],
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stdout,
        "error: claim `plan` appears more than once; a verifier refuses the token (RFC 7519 §4), so keep one\n\
         failed: 1 error: 1 claim\n"
    );
}

#[test]
fn what_is_not_a_claims_object_is_an_input_error() {
    assert_eq!(
        claims_with(&["lint", "--profile", "clerk"], "[1, 2]", &[]).error_line(2),
        "the claims are not a JSON object (found an array); give the custom claims or a claims template"
    );
    assert_eq!(
        claims_with(&["lint"], "{\"a\":", &[]).error_line(2),
        "the claims are not a JSON object (not JSON: EOF while parsing a value at line 1 column 5); give \
         the custom claims or a claims template"
    );
    // An unknown profile is a usage error, with the known ones listed.
    let run = claims(&["lint", "--profile", "auth0", "x.json"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains(
        "[possible values: rfc7519, clerk, clerk-v1, stytch, firebase, cognito, supabase]"
    ));
}
