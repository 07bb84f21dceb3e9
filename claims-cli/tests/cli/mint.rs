//! `claims mint`: the same token claims-jwt's `Minter` makes, and the same refusals.

use std::time::Duration;

use claims_jwt::{Clerk, Clock, Minter, Payload};
use serde_json::{Map, Value, json};

use crate::support::{
    Run, SECRET_VAR, claims, claims_with, claims_with_secret, hs256, key, temp_file, text,
};

/// Runs `claims mint FILE args` with the test secret, `FILE` holding `claims`.
fn mint(name: &str, claims: &str, args: &[&str]) -> Run {
    let path = temp_file(name, claims);
    claims_with_secret(&[&["mint", &path][..], args].concat(), "")
}

/// A JSON object holding one claim `bio` of `len` characters.
fn bio(len: usize) -> String {
    json!({"bio": "x".repeat(len)}).to_string()
}

#[test]
fn a_clerk_token_is_byte_for_byte_the_minter_s() {
    let run = mint(
        "mint-clerk.json",
        r#"{"sid":"sess_1","v":2,"fullName":"Ada Lovelace","roles":["admin"]}"#,
        &[
            "--layout",
            "clerk",
            "--kid",
            "dev",
            "--ttl",
            "1m",
            "--at",
            "1700000000",
            "--sub",
            "user_1",
            "--issuer",
            "https://clerk.example.com",
        ],
    );
    assert_eq!(run.code, 0, "{run:?}");

    let custom: Map<String, Value> =
        serde_json::from_value(json!({"fullName": "Ada Lovelace", "roles": ["admin"]})).unwrap();
    let layout = Clerk {
        sid: Some("sess_1".into()),
        v: Some(2),
        ..Clerk::default()
    };
    let expected = Minter::<Clerk>::new(hs256().with_kid("dev"))
        .with_clock(Clock::fixed(1_700_000_000))
        .with_ttl(Duration::from_secs(60))
        .with_issuer("https://clerk.example.com")
        .mint(
            &Payload::new(custom)
                .with_subject("user_1")
                .with_layout(layout),
        )
        .unwrap();
    assert_eq!(run.stdout, format!("{}\n", expected.as_str()));
    assert_eq!(
        run.stderr,
        format!(
            "minted a clerk token (HS256): {} chars; cookie `__session` {} of 4096 bytes; valid from \
             2023-11-14T22:13:20Z to 2023-11-14T22:14:20Z\n",
            expected.len(),
            expected.cookie_len()
        )
    );

    // And the CLI verifies what it minted.
    let token = run.stdout.trim();
    let run = claims_with_secret(
        &["inspect", token, "--at", "1700000030", "--format", "json"],
        "",
    );
    assert_eq!(run.code, 0, "{run:?}");
    let report = run.json();
    assert_eq!(report["verification"]["status"], "verified");
    assert_eq!(
        report["custom"],
        json!({"fullName": "Ada Lovelace", "roles": ["admin"]})
    );
    assert_eq!(report["registered"]["exp"], 1_700_000_060);
}

#[test]
fn a_layout_token_without_a_claim_of_its_own_gets_a_note() {
    let args = ["--layout", "clerk", "--at", "1700000000"];
    let run = mint("mint-bare-clerk.json", r#"{"plan":"pro"}"#, &args);
    assert_eq!(run.code, 0, "{run:?}");
    let note = "note: none of the claims is one only a clerk token has, so `claims inspect` reads the token \
                as generic; inspect it with --layout clerk\n";
    assert!(run.stderr.starts_with(note), "{}", run.stderr);
    // What the note says: inspect takes it for generic.
    let token = run.stdout.trim_end();
    let inspected = claims(&["inspect", token, "--format", "json"]);
    assert_eq!(inspected.json()["layout"]["name"], "generic");

    // With a Clerk claim, no note.
    let run = mint(
        "mint-sid-clerk.json",
        r#"{"plan":"pro","sid":"sess_1"}"#,
        &args,
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stderr.starts_with("minted a clerk token"),
        "{}",
        run.stderr
    );
}

#[test]
fn json_output_has_the_token_s_figures() {
    let run = claims_with_secret(
        &[
            "mint",
            "--at",
            "1700000000",
            "--audience",
            "api",
            "--format",
            "json",
        ],
        "",
    );
    assert_eq!(run.code, 0, "{run:?}");
    let report = run.json();
    let token = text(&report, "token");
    assert_eq!(report["length"], json!(token.len()));
    assert_eq!(
        report["cookie_bytes"],
        json!("__session=".len() + token.len())
    );
    let fixed = [
        "layout",
        "algorithm",
        "kid",
        "cookie",
        "cookie_limit",
        "issued_at",
        "expires_at",
    ]
    .map(|name| report[name].clone());
    assert_eq!(
        fixed,
        [
            json!("generic"),
            json!("HS256"),
            json!(null),
            json!("__session"),
            json!(4096),
            json!(1_700_000_000),
            json!(1_700_000_060),
        ]
    );
}

#[test]
fn a_pem_key_signs_and_its_public_half_verifies() {
    let run = claims(&[
        "mint",
        "--pem",
        &key("p384.pem"),
        "--at",
        "1700000000",
        "--sub",
        "u",
    ]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stderr.starts_with("minted a generic token (ES384): "),
        "{run:?}"
    );
    let token = run.stdout.trim();
    let public = key("p384.pub.pem");
    let run = claims(&[
        "inspect",
        token,
        "--pem",
        &public,
        "--at",
        "1700000001",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.json()["verification"]["key"],
        json!(format!(
            "the EC key in {public}, pinned to ES384 (the token's alg)"
        ))
    );

    // A key the algorithm does not fit, and an algorithm jsonwebtoken lacks.
    let p384 = key("p384.pem");
    assert_eq!(
        claims(&["mint", "--pem", &p384, "--alg", "RS256"]).error_line(2),
        format!(
            "{p384} does not hold a PEM key for RS256; give such a key, or the --alg that fits it"
        )
    );
    assert_eq!(
        claims(&["mint", "--pem", &p384, "--alg", "ES512"]).error_line(2),
        "--alg ES512: jsonwebtoken neither signs nor verifies it; `claims size` can still measure it"
    );
}

#[test]
fn the_minter_s_refusals_exit_1() {
    // Over Clerk's 1,200-byte budget.
    let run = mint("mint-big.json", &bio(1_300), &["--layout", "clerk"]);
    assert_eq!(
        run.error_line(1),
        format!(
            "cannot mint: custom claims take 1310 bytes of compact JSON, 110 over the budget of 1200 bytes; \
             run `claims size {} --profile clerk` to see which are largest, then shorten or drop claims or \
             keep large data server-side",
            temp_file("mint-big.json", &bio(1_300))
        )
    );
    // No budget for generic tokens, but the cookie still holds.
    let run = mint("mint-huge.json", &bio(4_000), &[]);
    assert!(
        run.error_line(1)
            .starts_with("cannot mint: the cookie takes "),
        "{run:?}"
    );
    // The positive control: the same claims, smaller.
    let run = mint("mint-fits.json", &bio(1_000), &["--layout", "clerk"]);
    assert_eq!(run.code, 0, "{run:?}");

    // A `sub` over the Clerk layout's bound of 40 bytes, which a cookie proof counts; 40 mints.
    let sub = format!("user_{}", "x".repeat(36));
    let run = mint("mint-sub.json", "{}", &["--layout", "clerk", "--sub", &sub]);
    assert_eq!(
        run.error_line(1),
        "cannot mint: claim `sub` takes 41 bytes, over the clerk layout's bound of 40; shorten the value"
    );
    let run = mint(
        "mint-sub.json",
        "{}",
        &["--layout", "clerk", "--sub", &sub[1..]],
    );
    assert_eq!(run.code, 0, "{run:?}");
}

#[test]
fn bad_claims_and_keys_are_input_errors() {
    assert_eq!(
        mint("mint-exp.json", r#"{"plan":"pro","exp":1}"#, &[]).error_line(2),
        "the claims set `exp`, which the minter writes itself (from --at and --ttl); remove it"
    );
    assert_eq!(
        claims_with_secret(&["mint", "-"], r#"{"sub":5}"#).error_line(2),
        "the claims: claim `sub` must be a string, found invalid type: integer `5`, expected a string"
    );
    assert_eq!(
        claims_with_secret(&["mint", "-", "--alg", "RS256"], "{}").error_line(2),
        "--alg RS256 needs a key pair, not a shared secret; use --pem FILE, or an HS256, HS384 or HS512 --alg"
    );
    // A TTL over the layout's maximum lifetime mints a token no verifier accepts: refused, with the
    // longest allowed TTL beside it.
    let clerk = |ttl| mint("mint-ttl.json", "{}", &["--layout", "clerk", "--ttl", ttl]);
    assert_eq!(
        clerk("61s").error_line(2),
        "--ttl 61s is over the clerk layout's maximum lifetime of 60 s; give --ttl 60s or less"
    );
    assert_eq!(clerk("60s").code, 0);
    // A `kid` no verifier accepts, with the longest one beside it.
    let kid = |len: usize| {
        let kid = "k".repeat(len);
        mint("mint-kid.json", "{}", &["--kid", &kid])
    };
    assert_eq!(
        kid(300).error_line(2),
        "--kid is 300 bytes, over the 256 a verifier accepts; give a shorter --kid"
    );
    assert_eq!(kid(256).code, 0);
    // A secret shorter than the hash output is no key (RFC 7518 §3.2), with a 32-byte one beside it.
    let with_secret = |secret: &str| {
        claims_with(
            &["mint", "-", "--secret-env", SECRET_VAR],
            "{}",
            &[(SECRET_VAR, secret)],
        )
    };
    assert_eq!(
        with_secret(&"s".repeat(31)).error_line(2),
        "the secret in $CLAIMS_TEST_SECRET: the HS256 secret is 31 bytes, shorter than the 32 bytes of the \
         hash output (RFC 7518 §3.2); use a random secret of at least 32 bytes"
    );
    assert_eq!(with_secret(&"s".repeat(32)).code, 0);
    // A key is required, and only one.
    assert_eq!(claims(&["mint"]).code, 2);
    assert_eq!(
        claims(&["mint", "--pem", "a.pem", "--secret-env", "X"]).code,
        2
    );
}
