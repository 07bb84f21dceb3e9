//! `claims keys` on JWKS documents with usable and unusable keys.

use serde_json::json;

use crate::support::{claims, fixture, inspect_clerk, temp_file};

#[test]
fn each_key_says_what_it_verifies_or_why_not() {
    let path = fixture("mixed-jwks.json");
    let run = claims(&["keys", &path, "--format", "json"]);
    assert_eq!(run.code, 0, "{run:?}");
    let report = run.json();
    assert_eq!(report["usable"], 1);
    assert_eq!(report["document_error"], json!(null));
    assert_eq!(report["warnings"], json!([]));
    let keys = report["keys"].as_array().unwrap();
    let summary: Vec<_> = keys
        .iter()
        .map(|key| {
            (
                key["kid"].as_str().unwrap(),
                key["size"].as_str().unwrap(),
                key["verifies"].as_str(),
                key["unusable"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                "ins_2GIoQhbUpy0hX7B2cVkuTMinXoD",
                "RSA-2048",
                Some("RS256"),
                None
            ),
            (
                "enc-1",
                "RSA-2048",
                None,
                Some("`use` is `enc`: an encryption key, not a signature key")
            ),
            (
                "p521-1",
                "P-521",
                None,
                Some("curve P-521 (ES512): jsonwebtoken does not verify it")
            ),
            (
                "sign-only",
                "34-byte secret",
                None,
                Some("`key_ops` does not include `verify`")
            ),
        ]
    );
    assert_eq!(
        keys[0],
        json!({
            "kid": "ins_2GIoQhbUpy0hX7B2cVkuTMinXoD", "kty": "RSA", "alg": "RS256", "use": "sig",
            "key_ops": null, "size": "RSA-2048", "verifies": "RS256", "unusable": null,
        })
    );
    assert_eq!(keys[3]["key_ops"], json!(["sign"]));

    let run = claims(&["keys", &path]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stdout,
        format!(
            "JWKS {path}: 4 keys, 1 usable for verifying\n\n\
             kid                              kty  alg       use  key             verifies\n\
             ins_2GIoQhbUpy0hX7B2cVkuTMinXoD  RSA  RS256     sig  RSA-2048        RS256\n\
             enc-1                            RSA  RSA-OAEP  enc  RSA-2048        no: `use` is `enc`: an encryption key, not a signature key\n\
             p521-1                           EC   ES512     -    P-521           no: curve P-521 (ES512): jsonwebtoken does not verify it\n\
             sign-only                        oct  -         -    34-byte secret  no: `key_ops` does not include `verify`\n"
        )
    );
}

#[test]
fn the_usable_key_is_the_one_a_verifier_picks() {
    let (run, _) = inspect_clerk(
        "token",
        "mixed-jwks.json",
        &["--at", "1666648250", "--format", "json"],
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.json()["verification"]["status"], "verified");

    // A document with no usable key: `keys` exits 1, and verifying with it is an input error.
    let unusable = fixture("unusable-jwks.json");
    let run = claims(&["keys", &unusable, "--format", "json"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(run.json()["usable"], 0);
    let (run, _) = inspect_clerk("token", "unusable-jwks.json", &[]);
    assert_eq!(
        run.error_line(2),
        format!(
            "--jwks {unusable}: no key in it can verify signatures; run `claims keys {unusable}` to see why"
        )
    );
}

#[test]
fn a_member_claims_jwt_cannot_read_is_skipped_and_the_others_serve() {
    // RFC 7517 §5: an unreadable member (here a `kid` that is not a string) is left out alone; it no
    // longer fails the whole document.
    let path = temp_file(
        "unreadable-jwks.json",
        r#"{"keys":[{"kty":"oct","kid":"good","k":"MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY"},{"kty":"XYZ","kid":"odd"},{"kty":"oct","kid":7},{"kty":"oct","kid":"good","k":"MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWZ4"}]}"#,
    );
    let run = claims(&["keys", &path, "--format", "json"]);
    assert_eq!(run.code, 0, "{run:?}");
    let report = run.json();
    assert_eq!(report["keys"][0]["verifies"], "HS256");
    assert_eq!(report["keys"][0]["size"], "32-byte secret");
    assert_eq!(
        report["keys"][1]["unusable"],
        "unusable key: UnsupportedAlgorithm: jsonwebtoken does not verify with this key and `alg`"
    );
    assert_eq!(report["keys"][2]["kid"], json!(null)); // not a string
    assert_eq!(
        report["keys"][2]["unusable"],
        "not a JWK claims-jwt can read: invalid type: integer `7`, expected a string"
    );
    assert_eq!(report["keys"][3]["verifies"], "HS256");
    assert_eq!(report["document_error"], json!(null));
    assert_eq!(report["usable"], 2);
    assert_eq!(
        report["warnings"],
        json!(["kid `good` names more than one key; a verifier uses the first usable one"])
    );
}

#[test]
fn a_secret_shorter_than_its_hash_output_is_left_out() {
    // `c2VjcmV0` is the 6 bytes of "secret"; the other `k` is 32 bytes, enough for HS256 only.
    let path = temp_file(
        "weak-jwks.json",
        r#"{"keys":[{"kty":"oct","kid":"weak","k":"c2VjcmV0"},{"kty":"oct","kid":"hs512","alg":"HS512","k":"MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY"},{"kty":"oct","kid":"hs256","k":"MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY"}]}"#,
    );
    let run = claims(&["keys", &path, "--format", "json"]);
    assert_eq!(run.code, 0, "{run:?}");
    let report = run.json();
    assert_eq!(report["usable"], 1);
    assert_eq!(
        report["keys"][0]["unusable"],
        "the HS256 secret is 6 bytes, shorter than the 32 bytes of the hash output (RFC 7518 §3.2); use \
         a random secret of at least 32 bytes"
    );
    assert_eq!(
        report["keys"][1]["unusable"],
        "the HS512 secret is 32 bytes, shorter than the 64 bytes of the hash output (RFC 7518 §3.2); use \
         a random secret of at least 64 bytes"
    );
    assert_eq!(report["keys"][2]["verifies"], "HS256");
}

#[test]
fn what_is_not_a_jwks_is_an_input_error() {
    let path = temp_file("not-jwks.json", r#"{"kty":"oct","k":"c2VjcmV0"}"#);
    assert_eq!(
        claims(&["keys", &path]).error_line(2),
        format!(
            "{path} is not a JWKS document: it has no `keys` array; expected {{\"keys\": [...]}}"
        )
    );
    let path = temp_file("array.json", "[]");
    assert_eq!(
        claims(&["keys", &path]).error_line(2),
        format!("{path} is not a JWKS document (found an array); expected {{\"keys\": [...]}}")
    );
    assert!(
        claims(&["keys", "/nonexistent/jwks.json"])
            .error_line(2)
            .starts_with("cannot read JWKS /nonexistent/jwks.json: ")
    );
    // A URL: see remote.rs.
}
