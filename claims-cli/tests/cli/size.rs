//! `claims size`: the room left for custom claims, against the budget and the cookie.

use serde_json::json;

use crate::support::{claims_with, temp_file};

/// The README's Clerk payload.
const PAYLOAD: &str = r#"{"sub":"user_2pJ8kQ3vX9mN4rT6yW1zB5cD7fH","sid":"sess_2pJ8kQ3vX9mN4rT6yW1zB5cD7fG","iat":1764000000,"exp":1764000060,"v":2,"fullName":"Ada Lovelace","roles":["admin","billing"]}"#;
/// A Clerk `kid`: `ins_` and 27 characters, so that the header is the 68 bytes of the worked example in
/// docs/providers.md.
const KID: &str = "ins_2pJ8kQ3vX9mN4rT6yW1zB5cD7fGx";

#[test]
fn a_clerk_payload_has_the_exact_figures() {
    let path = temp_file("clerk-payload.json", PAYLOAD);
    let args = [
        "size",
        &path,
        "--profile",
        "clerk",
        "--alg",
        "RS256",
        "--key-bits",
        "2048",
        "--kid",
        KID,
    ];
    let run = claims_with(&args, "", &[]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{run:?}");
    assert!(run.stdout.ends_with(&format!(
        "custom claims      55          55 of 1200 bytes used, 1145 left\n\
         token: 671 chars = header 91 + payload 236 + signature 342 (RSA-2048) + 2 dots\n\
         cookie `__session`: 681 of 4096 bytes, 3415 left; the payload may hold at most 2738 bytes of JSON\n\
         header: {{\"alg\":\"RS256\",\"kid\":\"{KID}\",\"typ\":\"JWT\"}} (68 bytes)\n\
         room: 1145 more bytes of custom claims fit: 1145 left in the clerk budget, 2561 in the cookie (bytes of JSON)\n"
    )), "{}", run.stdout);

    let run = claims_with(&[&args[..], &["--format", "json"]].concat(), "", &[]);
    assert_eq!(run.code, 0, "{run:?}");
    let report = run.json();
    assert_eq!(report["profile"], "clerk");
    assert_eq!(
        report["header"],
        json!(format!(r#"{{"alg":"RS256","kid":"{KID}","typ":"JWT"}}"#))
    );
    assert_eq!(report["payload_bytes"], json!(PAYLOAD.len()));
    assert_eq!(
        report["custom_bytes"],
        json!(r#"{"fullName":"Ada Lovelace","roles":["admin","billing"]}"#.len())
    );
    assert_eq!(
        report["budget"],
        json!({"limit": 1200, "unit": "bytes", "used": 55, "left": 1145})
    );
    assert_eq!(
        report["token"],
        json!({
            "length": 671, "signature": "RSA-2048", "cookie": "__session", "cookie_bytes": 681,
            "cookie_limit": 4096, "cookie_left": 3415, "max_payload_bytes": 2738,
        })
    );
    assert_eq!(report["room"], 1145);
    assert_eq!(report["over"], json!(null));
    let custom: Vec<&str> = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|claim| claim["custom"] == true)
        .map(|claim| claim["name"].as_str().unwrap())
        .collect();
    assert_eq!(custom, ["fullName", "roles"]);
}

#[test]
fn the_cookie_can_leave_less_room_than_the_budget() {
    // Supabase's 3,180-byte cookie chunks, an ES256 signature, no custom-claims budget.
    let claims = json!({"sub": "u", "bio": "x".repeat(2_000)}).to_string();
    let args = [
        "size",
        "--alg",
        "ES256",
        "--cookie",
        "sb-access-token",
        "--cookie-limit",
        "3180",
        "--format",
        "json",
    ];
    let run = claims_with(&args, &claims, &[]);
    assert_eq!(run.code, 0, "{run:?}");
    let report = run.json();
    assert_eq!(report["budget"], json!(null));
    let max = report["token"]["max_payload_bytes"].as_i64().unwrap();
    assert_eq!(
        report["room"],
        json!(max - i64::try_from(claims.len()).unwrap())
    );
    // "sb-access-token=" 16 + header 36 chars + 2 dots + 86 signature chars: 3,040 chars, 2,280 bytes of JSON.
    assert_eq!(max, 2_280);

    let claims = json!({"sub": "u", "bio": "x".repeat(2_400)}).to_string();
    let run = claims_with(&args, &claims, &[]);
    assert_eq!(run.code, 1, "{run:?}");
    let report = run.json();
    let cookie_bytes = report["token"]["cookie_bytes"].as_u64().unwrap();
    assert_eq!(
        report["over"],
        json!(format!(
            "the cookie takes {cookie_bytes} bytes, {} over the budget of 3180 bytes; shorten or drop claims \
             (a SizeReport shows which are largest) or keep large data server-side",
            cookie_bytes - 3_180
        ))
    );
    assert_eq!(
        report["room"],
        json!(2_280 - i64::try_from(claims.len()).unwrap())
    );
}

#[test]
fn over_the_budget_exits_1_and_says_by_how_much() {
    let claims = json!({"bio": "x".repeat(1_300)}).to_string();
    let run = claims_with(&["size", "--profile", "clerk"], &claims, &[]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.ends_with(
        "header: {\"alg\":\"RS256\",\"typ\":\"JWT\"} (27 bytes); give --kid for the header your issuer writes\n\
         over: custom claims take 1310 bytes of compact JSON, 110 over the budget of 1200 bytes; shorten or \
         drop claims (a SizeReport shows which are largest) or keep large data server-side\n\
         room: none: -110 left in the clerk budget, 1469 in the cookie (bytes of JSON)\n"
    ), "{}", run.stdout);

    assert_eq!(
        claims_with(&["size"], "\"text\"", &[]).error_line(2),
        "the claims: claims must be a JSON object, found string"
    );
}
