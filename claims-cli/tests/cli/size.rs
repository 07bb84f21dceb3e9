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
         clerk advises 1200 bytes of custom claims; your RSA-2048 clerk layout in `__session` allows 1260 bytes\n\
         header: {{\"alg\":\"RS256\",\"kid\":\"{KID}\",\"typ\":\"JWT\"}} (68 bytes)\n\
         room: 1145 more bytes of custom claims fit: 1145 left in the clerk budget, 1205 left in the RSA-2048 \
         clerk layout, 2561 left in the cookie (bytes of JSON)\n"
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
    assert_eq!(
        report["layout_budget"],
        json!({
            "custom_bytes": 1260,
            "text": "clerk advises 1200 bytes of custom claims; your RSA-2048 clerk layout in `__session` allows \
                     1260 bytes",
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

/// Supabase's 3,180-byte cookie chunks and an ES256 signature.
const SUPABASE_COOKIE: [&str; 6] = [
    "--alg",
    "ES256",
    "--cookie",
    "sb-access-token",
    "--cookie-limit",
    "3180",
];

#[test]
fn the_cookie_can_leave_less_room_than_the_budget() {
    // Supabase's profile: no custom-claims budget and no claims-jwt layout (whose largest registered claims would leave less room than the cookie: see below).
    let claims = json!({"sub": "u", "bio": "x".repeat(2_000)}).to_string();
    let args = [
        &["size", "--profile", "supabase"][..],
        &SUPABASE_COOKIE,
        &["--format", "json"],
    ]
    .concat();
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
            "the cookie takes {cookie_bytes} bytes, {} over the budget of 3180 bytes; see which are largest \
             in the report, then shorten or drop claims or keep large data server-side",
            cookie_bytes - 3_180
        ))
    );
    assert_eq!(
        report["room"],
        json!(2_280 - i64::try_from(claims.len()).unwrap())
    );
}

#[test]
fn the_generic_layout_s_largest_token_leaves_less_room_than_the_cookie() {
    // The same claims under the rfc7519 profile: the generic layout's registered claims at their default
    // bounds leave 1,670 bytes of custom claims in that cookie, under the 2,010 given.
    let claims = json!({"sub": "u", "bio": "x".repeat(2_000)}).to_string();
    let args = [&["size"][..], &SUPABASE_COOKIE].concat();
    let run = claims_with(&args, &claims, &[]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.ends_with(
        "your ES256 generic layout in `sb-access-token` allows 1670 bytes of custom claims\n\
         header: {\"alg\":\"ES256\",\"typ\":\"JWT\"} (27 bytes); give --kid for the header your issuer writes\n\
         over: custom claims take 2010 bytes of compact JSON, 340 over the 1670 bytes the ES256 generic \
         layout allows (its largest token must fit the cookie, and a minter's cookie proof refuses it \
         otherwise); shorten or drop claims, or keep large data server-side\n\
         room: none: OVER BUDGET by 340 in the ES256 generic layout, 260 left in the cookie (bytes of JSON)\n"
    ), "{}", run.stdout);
}

#[test]
fn over_the_budget_exits_1_and_says_by_how_much() {
    let claims = json!({"bio": "x".repeat(1_300)}).to_string();
    let run = claims_with(&["size", "--profile", "clerk"], &claims, &[]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.ends_with(
        "header: {\"alg\":\"RS256\",\"typ\":\"JWT\"} (27 bytes); give --kid for the header your issuer writes\n\
         over: custom claims take 1310 bytes of compact JSON, 110 over the budget of 1200 bytes; see which \
         are largest in the report, then shorten or drop claims or keep large data server-side\n\
         room: none: OVER BUDGET by 110 in the clerk budget, OVER BUDGET by 9 in the RSA-2048 clerk layout, \
         1469 left in the cookie (bytes of JSON)\n"
    ), "{}", run.stdout);

    assert_eq!(
        claims_with(&["size"], "\"text\"", &[]).error_line(2),
        "the claims: claims must be a JSON object, found string"
    );
}

/// The line `claims size` prints for `args` about the layout's real custom-claims budget, if any.
fn budget_line(args: &[&str]) -> Option<String> {
    let run = claims_with(&[&["size"], args].concat(), "{}", &[]);
    assert_eq!(run.code, 0, "{run:?}");
    let lines: Vec<&str> = run
        .stdout
        .lines()
        .filter(|line| line.contains(" layout in `"))
        .collect();
    assert!(lines.len() <= 1, "{}", run.stdout);
    lines.first().map(|line| (*line).to_owned())
}

#[test]
fn the_layout_s_real_budget_stands_beside_the_provider_s_rule_of_thumb() {
    // Clerk's `kid` of 32 bytes; Stytch's `jwk-live-` and a 36-character UUID, 45 bytes.
    let stytch_kid = format!("jwk-live-{}", "0".repeat(36));
    let clerk = |alg: &[&str]| budget_line(&[&["--profile", "clerk", "--kid", KID], alg].concat());
    assert_eq!(
        clerk(&["--alg", "RS256"]).as_deref(),
        Some(
            "clerk advises 1200 bytes of custom claims; your RSA-2048 clerk layout in `__session` allows 1260 bytes"
        )
    );
    assert_eq!(
        clerk(&["--alg", "ES256"]).as_deref(),
        Some(
            "clerk advises 1200 bytes of custom claims; your ES256 clerk layout in `__session` allows 1452 bytes"
        )
    );
    assert_eq!(
        clerk(&["--alg", "HS256"]).as_deref(),
        Some(
            "clerk advises 1200 bytes of custom claims; your HS256 clerk layout in `__session` allows 1484 bytes"
        )
    );
    // A longer signature leaves less: 4096-bit RSA signs with 512 bytes, not 256.
    assert_eq!(
        clerk(&["--alg", "PS256", "--key-bits", "4096"]).as_deref(),
        Some(
            "clerk advises 1200 bytes of custom claims; your RSA-4096 clerk layout in `__session` allows 1004 bytes"
        )
    );
    assert_eq!(
        budget_line(&[
            "--profile",
            "stytch",
            "--alg",
            "RS256",
            "--kid",
            &stytch_kid
        ])
        .as_deref(),
        Some(
            "stytch advises 4096 bytes of custom claims; your RSA-2048 stytch layout in `stytch_session_jwt` \
             allows 927 bytes"
        )
    );
    // The cookie given is the cookie counted: 916 fewer characters of base64url, 687 fewer bytes of JSON.
    assert_eq!(
        budget_line(&[
            "--profile",
            "clerk",
            "--alg",
            "RS256",
            "--kid",
            KID,
            "--cookie-limit",
            "3180"
        ])
        .as_deref(),
        Some(
            "clerk advises 1200 bytes of custom claims; your RSA-2048 clerk layout in `__session` allows 573 bytes"
        )
    );
    // No provider, no rule of thumb; a profile without a claims-jwt layout, no line.
    assert_eq!(
        budget_line(&["--alg", "EdDSA"]).as_deref(),
        Some("your EdDSA generic layout in `__session` allows 2361 bytes of custom claims")
    );
    assert_eq!(budget_line(&["--profile", "supabase"]), None);
}

#[test]
fn custom_claims_over_the_layout_s_real_budget_are_over() {
    // RS512 with an 8192-bit key and a 200-byte `kid` leave Clerk's layout 324 bytes of custom claims,
    // under the 1,200 Clerk advises: 1,111 bytes are within the advice, yet no minter's cookie proof
    // passes them.
    let kid = "k".repeat(200);
    let args = [
        "size",
        "--profile",
        "clerk",
        "--alg",
        "RS512",
        "--key-bits",
        "8192",
        "--kid",
        &kid,
    ];
    let bio = |len: usize| json!({"bio": "x".repeat(len)}).to_string();
    assert_eq!(bio(1_101).len(), 1_111);
    let run = claims_with(&args, &bio(1_101), &[]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.ends_with(
        "over: custom claims take 1111 bytes of compact JSON, 787 over the 324 bytes the RSA-8192 clerk \
         layout allows (its largest token must fit the cookie, and a minter's cookie proof refuses it \
         otherwise); shorten or drop claims, or keep large data server-side\n\
         room: none: 89 left in the clerk budget, OVER BUDGET by 787 in the RSA-8192 clerk layout, 691 left \
         in the cookie (bytes of JSON)\n"
    ), "{}", run.stdout);
    let report = claims_with(
        &[&args[..], &["--format", "json"]].concat(),
        &bio(1_101),
        &[],
    )
    .json();
    assert_eq!(report["room"], -787);
    assert_eq!(report["layout_budget"]["custom_bytes"], 324);

    // The positive control: 300 bytes leave 24 of the layout's 324.
    assert_eq!(bio(290).len(), 300);
    let run = claims_with(&args, &bio(290), &[]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.ends_with(
        "room: 24 more bytes of custom claims fit: 900 left in the clerk budget, 24 left in the RSA-8192 \
         clerk layout, 1502 left in the cookie (bytes of JSON)\n"
    ), "{}", run.stdout);
}

#[test]
fn key_bits_are_an_rsa_size_a_verifier_accepts() {
    let refused = |bits: &str| {
        let run = claims_with(&["size", "--key-bits", bits], "{}", &[]);
        assert_eq!(run.code, 2, "{run:?}");
        assert!(run.stderr.contains(&format!(
            "invalid value '{bits}' for '--key-bits <BITS>': `{bits}` is not an RSA key size a verifier \
             accepts: give a number of bits from 2048 to 8192, a multiple of 8 (2048, 3072, 4096...)"
        )), "{}", run.stderr);
    };
    for bits in ["0", "1024", "2049", "16384"] {
        refused(bits);
    }
    let run = claims_with(&["size", "--key-bits", "3072"], "{}", &[]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("(RSA-3072)"), "{}", run.stdout);

    // Other algorithms have one signature size: --key-bits would be ignored, so it is refused.
    for alg in ["ES256", "HS512", "EdDSA"] {
        let run = claims_with(&["size", "--alg", alg, "--key-bits", "4096"], "{}", &[]);
        assert_eq!(
            run.error_line(2),
            format!(
                "--key-bits applies to RSA algorithms only (RS* and PS*); an {alg} signature has one size, \
                 so drop it"
            )
        );
        let run = claims_with(&["size", "--alg", alg], "{}", &[]);
        assert_eq!(run.code, 0, "{run:?}");
    }
    let run = claims_with(&["size", "--alg", "PS384", "--key-bits", "4096"], "{}", &[]);
    assert!(run.stdout.contains("(RSA-4096)"), "{}", run.stdout);
}
