//! `claims inspect` on Clerk's fixture tokens, tokens minted here, and garbage.

use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use claims_jwt::claims_core::size::CookieSpec;
use claims_jwt::{Algorithm, Clerk, Clock, Generic, Minter, Payload, SigningKey};
use serde_json::{Map, Value, json};

use crate::support::{
    SECRET_VAR, claims, claims_with, claims_with_secret, clerk, hs256, inspect_clerk, key, text,
};

/// Clerk's clock in its own tests of these fixtures: the fixture token's `iat`.
const CLERK_NOW: &str = "1666648250";

/// The whole text report on Clerk's fixture token, decoded without a key: the README shows it.
const UNVERIFIED: &str = r#"UNVERIFIED  no key given: the signature, times and issuer were not checked; nothing below is trusted
            verify with --jwks FILE, --pem FILE or --secret-env VAR

layout      clerk (detected from claim `sid`)
times       as of 2022-10-24T21:50:50Z (--at)
            iat  1666648250  2022-10-24T21:50:50Z  now
            nbf  1666648240  2022-10-24T21:50:40Z  10 s ago
            exp  1666648310  2022-10-24T21:51:50Z  in 60 s

header
{
  "alg": "RS256",
  "kid": "ins_2GIoQhbUpy0hX7B2cVkuTMinXoD",
  "typ": "JWT"
}

registered claims
{
  "exp": 1666648310,
  "iat": 1666648250,
  "iss": "https://clerk.inspired.puma-74.lcl.dev",
  "nbf": 1666648240,
  "sub": "user_2GIpXOEpVyJw51rkZn9Kmnc6Sxr"
}

clerk claims
{
  "azp": "https://accounts.inspired.puma-74.lcl.dev",
  "sid": "sess_2GbDB4enNdCa5vS1zpC3Xzg9tK9"
}

custom claims
{}

size
claim            JSON   token  share: custom claims of 1200 bytes, others of the payload
azp                49      65   21.2% █████                 (provider)
exp                17      23    7.4% ██                    (registered)
iat                17      22    7.4% ██                    (registered)
iss                47      63   20.3% █████                 (registered)
nbf                17      23    7.4% ██                    (registered)
sid                41      54   17.7% ████                  (provider)
sub                41      55   17.7% ████                  (registered)
{ }                 2       3
payload           231     308  bytes of JSON, characters of base64url
custom claims       2          2 of 1200 bytes used, 1198 left
token: 742 chars = header 90 + payload 308 + signature 342 (RSA-2048) + 2 dots
cookie `__session`: 752 of 4096 bytes, 3344 left; the payload may hold at most 2739 bytes of JSON
clerk advises 1200 bytes of custom claims; your RSA-2048 clerk layout in `__session` allows 1261 bytes
"#;

#[test]
fn the_clerk_fixture_decodes_unverified_with_every_group_labelled() {
    let clerk = clerk();
    let run = claims(&["inspect", text(&clerk, "token"), "--at", CLERK_NOW]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{run:?}");
    assert_eq!(run.stdout, UNVERIFIED);

    // The same instant in RFC 3339, the token from stdin behind `Bearer `, and the layout named: the same report.
    let stdin = format!("Bearer {}\n", text(&clerk, "token"));
    let run = claims_with(
        &[
            "inspect",
            "-",
            "--at",
            "2022-10-24T21:50:50Z",
            "--layout",
            "clerk",
        ],
        &stdin,
        &[],
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stdout,
        UNVERIFIED.replace("(detected from claim `sid`)", "(--layout)")
    );
}

#[test]
fn json_output_parses_back_field_by_field() {
    let clerk = clerk();
    let token = text(&clerk, "token");
    let run = claims(&["inspect", token, "--at", CLERK_NOW, "--format", "json"]);
    assert_eq!(run.code, 0, "{run:?}");
    let report = run.json();
    let payload = &clerk["payload"];

    assert_eq!(report["verification"], json!({"status": "unverified"}));
    assert_eq!(report["at"], json!(1_666_648_250));
    assert_eq!(report["at_given"], json!(true));
    assert_eq!(
        report["layout"],
        json!({"name": "clerk", "given": false, "detected_from": "sid"})
    );
    assert_eq!(report["header"], clerk["header"]);
    let pick = |names: &[&str]| -> Value {
        names
            .iter()
            .map(|name| ((*name).to_owned(), payload[*name].clone()))
            .collect::<Map<_, _>>()
            .into()
    };
    assert_eq!(
        report["registered"],
        pick(&["exp", "iat", "iss", "nbf", "sub"])
    );
    assert_eq!(report["provider"], pick(&["azp", "sid"]));
    assert_eq!(report["custom"], json!({}));
    assert_eq!(
        report["times"],
        json!([
            {"claim": "iat", "value": 1_666_648_250, "utc": "2022-10-24T21:50:50Z", "relative": "now", "state": null},
            {"claim": "nbf", "value": 1_666_648_240, "utc": "2022-10-24T21:50:40Z", "relative": "10 s ago", "state": null},
            {"claim": "exp", "value": 1_666_648_310, "utc": "2022-10-24T21:51:50Z", "relative": "in 60 s", "state": null},
        ])
    );
    assert_eq!(report["problems"], json!([]));

    let size = &report["size"];
    let payload_json = URL_SAFE_NO_PAD
        .decode(token.split('.').nth(1).unwrap())
        .unwrap();
    assert_eq!(size["payload_bytes"], json!(payload_json.len()));
    assert_eq!(size["payload_bytes"], json!(231));
    assert_eq!(size["payload_chars"], json!(308));
    let names: Vec<&str> = size["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|claim| claim["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["azp", "exp", "iat", "iss", "nbf", "sid", "sub"]); // as the token has them
    let bytes: u64 = size["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|claim| claim["json_bytes"].as_u64().unwrap())
        .sum();
    assert_eq!(bytes + 2, 231);
    assert_eq!(
        size["claims"][0],
        json!({"name": "azp", "custom": false, "json_bytes": 49, "token_chars": 65})
    );
    assert_eq!(size["custom_bytes"], json!(2));
    assert_eq!(
        size["budget"],
        json!({"limit": 1200, "unit": "bytes", "used": 2, "left": 1198})
    );
    assert_eq!(
        size["token"],
        json!({
            "length": token.len(),
            "signature": "RSA-2048",
            "cookie": "__session",
            "cookie_bytes": "__session=".len() + token.len(),
            "cookie_limit": 4096,
            "cookie_left": 4096 - 10 - 742,
            "max_payload_bytes": 2739,
        })
    );
    // Its `kid` of 31 bytes, one shorter than the 32 the README's budgets assume: one byte more room.
    assert_eq!(size["layout_budget"]["custom_bytes"], json!(1261));
}

#[test]
fn the_clerk_fixture_verifies_at_clerk_s_clock_and_says_what_was_checked() {
    let clerk = clerk();
    let (run, jwks) = inspect_clerk(
        "token",
        "clerk-jwks.json",
        &[
            "--at",
            CLERK_NOW,
            "--issuer",
            text(&clerk, "issuer"),
            "--authorized-party",
            text(&clerk, "authorized_party"),
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.json()["verification"],
        json!({
            "status": "verified",
            "key": format!("the JWKS {jwks} (1 usable key)"),
            "checked": [
                "length: 742 bytes, within the cap of 8192",
                "key: the JWKS key with `kid` ins_2GIoQhbUpy0hX7B2cVkuTMinXoD",
                "header: an object of unique members, at most 1024 chars, `kid` at most 256 bytes; no \
                 `crit`, `jku`, `jwk`, `x5u`, `x5c`",
                "algorithm: RS256, pinned by the key (the header's `alg` must name it)",
                "typ: `JWT`, as clerk tokens are",
                "signature: valid",
                "claims: each name once; registered and clerk claims of their types",
                "exp 2022-10-24T21:51:50Z: not passed at 2022-10-24T21:50:50Z (leeway 5 s)",
                "lifetime: 60 s, within 60 s",
                "nbf 2022-10-24T21:50:40Z: reached at 2022-10-24T21:50:50Z (leeway 5 s)",
                "iat 2022-10-24T21:50:50Z: not in the future at 2022-10-24T21:50:50Z (leeway 5 s)",
                "iss `https://clerk.inspired.puma-74.lcl.dev`: accepted",
                "azp `https://accounts.inspired.puma-74.lcl.dev`: accepted",
            ],
            "not_checked": [],
        })
    );

    // Without --issuer and --authorized-party, the text says what was left unchecked.
    let (run, _) = inspect_clerk("token", "clerk-jwks.json", &["--at", CLERK_NOW]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with(&format!(
        "VERIFIED    with the JWKS {jwks} (1 usable key)\nchecked     length: 742 bytes"
    )));
    assert!(run.stdout.contains(
        "\nnot checked iss (give --issuer), azp (give --authorized-party)\n\nlayout      clerk"
    ));
    assert!(!run.stdout.contains("UNVERIFIED"));
}

/// Runs `claims inspect TOKEN --jwks clerk-jwks.json --format json ARGS`, `TOKEN` being the Clerk
/// fixture's field `token`, and returns the exit code and the verification.
fn verify_clerk(token: &str, args: &[&str]) -> (i32, Value) {
    let (run, _) = inspect_clerk(
        token,
        "clerk-jwks.json",
        &[args, &["--format", "json"]].concat(),
    );
    (run.code, run.json()["verification"].clone())
}

#[test]
fn refusals_exit_1_with_the_verifier_s_reason() {
    let clerk = clerk();

    // Today, the fixture is long expired.
    let (code, verification) = verify_clerk("token", &[]);
    assert_eq!(code, 1);
    assert_eq!(verification["status"], "refused");
    assert_eq!(verification["reason"], "expired");
    assert_eq!(verification["http_status"], 401);
    assert!(
        text(&verification, "message").starts_with("the token expired at 1666648310 (now "),
        "{verification}"
    );

    // Clerk's expired fixture, at Clerk's clock.
    let (code, verification) = verify_clerk("expired_token", &["--at", CLERK_NOW]);
    assert_eq!(code, 1);
    assert_eq!(verification["reason"], "expired");
    assert_eq!(
        verification["message"],
        "the token expired at 1666648200 (now 1666648250, leeway 5 s)"
    );
    assert_eq!(
        verification["hint"],
        "it expired 50 s ago; give --at TIME to check it as of an earlier instant"
    );

    // The same with a minute of leeway: no longer expired, but this fixture was issued 950 s before it
    // expires, over the 60 s a Clerk token lives.
    let (code, verification) =
        verify_clerk("expired_token", &["--at", CLERK_NOW, "--leeway", "1m"]);
    assert_eq!(code, 1);
    assert_eq!(verification["reason"], "lifetime_too_long");
    assert_eq!(
        verification["message"],
        "the token lives 950 s, over the maximum lifetime of 60 s; refused"
    );
    assert_eq!(
        verification["hint"],
        "if its issuer mints tokens that live this long, give --max-lifetime 950s"
    );
    // With that lifetime allowed: accepted (a leeway covers exp, nbf and iat alike).
    let (code, verification) = verify_clerk(
        "expired_token",
        &[
            "--at",
            CLERK_NOW,
            "--leeway",
            "1m",
            "--max-lifetime",
            "950s",
        ],
    );
    assert_eq!((code, &verification["status"]), (0, &json!("verified")));
    assert_eq!(
        verification["checked"]
            .as_array()
            .map(|checked| &checked[7..=8]),
        Some(
            &[
                json!("exp 2022-10-24T21:50:00Z: not passed at 2022-10-24T21:50:50Z (leeway 60 s)"),
                json!("lifetime: 950 s, within 950 s")
            ][..]
        )
    );
    // A leeway over claims-jwt's maximum makes no verifier: a usage error, not a refusal.
    let (run, _) = inspect_clerk(
        "expired_token",
        "clerk-jwks.json",
        &["--at", CLERK_NOW, "--leeway", "301s"],
    );
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(
        run.error_line(2),
        "--leeway: a leeway of 301 s is over the maximum of 300 s; clock skew is seconds, not minutes: fix \
         the clocks rather than widening the window"
    );

    // Clerk's tampered fixture: another token's signature.
    let (code, verification) = verify_clerk("tampered_token", &["--at", CLERK_NOW]);
    assert_eq!(code, 1);
    assert_eq!(verification["reason"], "invalid_signature");
    assert_eq!(verification["message"], "the token's signature is invalid");

    // A wrong issuer, with the positive control beside it.
    let (code, verification) = verify_clerk(
        "token",
        &["--at", CLERK_NOW, "--issuer", "https://evil.example"],
    );
    assert_eq!(
        (code, &verification["reason"]),
        (1, &json!("invalid_issuer"))
    );
    let (code, verification) = verify_clerk(
        "token",
        &["--at", CLERK_NOW, "--issuer", text(&clerk, "issuer")],
    );
    assert_eq!((code, &verification["status"]), (0, &json!("verified")));

    // The text form leads with the refusal, and still shows the claims.
    let (run, _) = inspect_clerk("tampered_token", "clerk-jwks.json", &["--at", CLERK_NOW]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.starts_with(
        "REFUSED     the token's signature is invalid\n            the token was altered, or signed with another key\n"
    ), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("\"azp\": \"https://accounts.tampered-domain.dev\"")
    );
}

/// Runs `claims inspect TOKEN --format json` with the test secret, a second after [`MINTED_AT`].
fn inspect_minted(token: &str) -> crate::support::Run {
    let at = (MINTED_AT + 1).to_string();
    claims_with_secret(&["inspect", token, "--at", &at, "--format", "json"], "")
}

/// When the tokens of these tests are minted.
const MINTED_AT: u64 = 1_700_000_000;

fn claims_map(value: Value) -> Map<String, Value> {
    serde_json::from_value(value).expect("an object")
}

#[test]
fn a_signed_token_with_a_mistyped_claim_is_refused_as_invalid_claims() {
    use claims_jwt::jsonwebtoken::{EncodingKey, Header, encode};
    let secret = EncodingKey::from_secret(crate::support::SECRET.as_bytes());
    let sign = |payload: Value| encode(&Header::new(Algorithm::HS256), &payload, &secret).unwrap();

    let run = inspect_minted(&sign(json!({"sub": "u", "exp": "soon"})));
    assert_eq!(run.code, 1, "{run:?}");
    let verification = &run.json()["verification"];
    assert_eq!(verification["status"], "refused");
    // The reason claims-axum answers with, documented as stable.
    assert_eq!(verification["reason"], "invalid_claims");
    assert_eq!(verification["http_status"], 401);

    // The positive control: the same token with a NumericDate verifies.
    let run = inspect_minted(&sign(json!({"sub": "u", "exp": MINTED_AT + 60})));
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.json()["verification"]["status"], "verified");
}

#[test]
fn a_token_naming_an_audience_is_verified_only_with_audience() {
    let minted = Minter::<Generic>::new(hs256())
        .with_audience(claims_jwt::Audience::One("project-live-1".into()))
        .with_clock(Clock::fixed(MINTED_AT))
        .mint(&Payload::new(claims_map(json!({"plan": "pro"}))))
        .expect("minted");
    let at = (MINTED_AT + 1).to_string();
    let inspect = |extra: &[&str]| {
        let args = [
            &["inspect", minted.as_str(), "--at", &at, "--format", "json"],
            extra,
        ]
        .concat();
        claims_with_secret(&args, "")
    };

    // RFC 7519 §4.1.3: a verifier that names no audience refuses a token that names one.
    let run = inspect(&[]);
    assert_eq!(run.code, 1, "{run:?}");
    let verification = &run.json()["verification"];
    assert_eq!(verification["reason"], "unexpected_audience");
    assert_eq!(verification["http_status"], 401);
    assert_eq!(
        verification["hint"],
        "if this service is one of project-live-1, give --audience with its name"
    );

    let run = inspect(&["--audience", "project-live-1"]);
    assert_eq!(run.code, 0, "{run:?}");
    let verification = &run.json()["verification"];
    assert_eq!(verification["status"], "verified");
    assert_eq!(
        verification["checked"].as_array().and_then(|c| c.last()),
        Some(&json!(
            "aud [\"project-live-1\"]: holds an accepted audience"
        ))
    );
    let run = inspect(&["--audience", "project-test-1"]);
    assert_eq!(run.json()["verification"]["reason"], "invalid_audience");
}

#[test]
fn a_secret_shorter_than_the_hash_output_verifies_nothing() {
    let minted = Minter::<Generic>::new(hs256())
        .with_clock(Clock::fixed(MINTED_AT))
        .mint(&Payload::new(claims_map(json!({}))))
        .expect("minted");
    let at = (MINTED_AT + 1).to_string();
    let args = [
        "inspect",
        minted.as_str(),
        "--at",
        &at,
        "--secret-env",
        SECRET_VAR,
    ];
    let run = claims_with(&args, "", &[(SECRET_VAR, "a 16-byte secret")]);
    assert_eq!(
        run.error_line(2),
        "the secret in $CLAIMS_TEST_SECRET: the HS256 secret is 16 bytes, shorter than the 32 bytes of the \
         hash output (RFC 7518 §3.2); use a random secret of at least 32 bytes"
    );
    // The right secret, 32 bytes or more, verifies it.
    let run = claims_with_secret(&args[..4], "");
    assert_eq!(run.code, 0, "{run:?}");
}

#[test]
fn a_token_minted_here_verifies_with_its_secret_and_not_another() {
    let payload = Payload::<_, Clerk>::new(claims_map(
        json!({"fullName": "Ada Lovelace", "roles": ["admin"]}),
    ))
    .with_subject("user_1")
    .with_layout(Clerk {
        sid: Some("sess_1".into()),
        v: Some(2),
        ..Clerk::default()
    });
    let minted = Minter::<Clerk>::new(hs256().with_kid("dev"))
        .with_clock(Clock::fixed(MINTED_AT))
        .mint(&payload)
        .expect("minted");
    let args = ["inspect", minted.as_str(), "--format", "json"];

    let run = inspect_minted(minted.as_str());
    assert_eq!(run.code, 0, "{run:?}");
    let report = run.json();
    assert_eq!(report["verification"]["status"], "verified");
    assert_eq!(
        report["verification"]["key"],
        "the secret in $CLAIMS_TEST_SECRET, pinned to HS256 (the token's alg)"
    );
    assert_eq!(
        report["custom"],
        json!({"fullName": "Ada Lovelace", "roles": ["admin"]})
    );
    assert_eq!(report["provider"], json!({"sid": "sess_1", "v": 2}));
    assert_eq!(report["registered"]["sub"], "user_1");
    assert_eq!(report["size"]["token"]["length"], json!(minted.len()));
    assert_eq!(
        report["size"]["token"]["cookie_bytes"],
        json!(minted.cookie_len())
    );
    assert_eq!(
        report["size"]["custom_bytes"],
        json!(r#"{"fullName":"Ada Lovelace","roles":["admin"]}"#.len())
    );

    let run = claims_with(
        &[&args[..], &["--secret-env", SECRET_VAR]].concat(),
        "",
        &[(SECRET_VAR, "another secret of 32 bytes or more!!")],
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(run.json()["verification"]["reason"], "invalid_signature");

    // A secret is only ever read from the environment.
    let run = claims(&[&args[..], &["--secret-env", SECRET_VAR]].concat());
    assert_eq!(
        run.error_line(2),
        "environment variable `CLAIMS_TEST_SECRET` is not set; export the secret in it (secrets are never \
         read from the command line, where other users and shell history can see them)"
    );
}

#[test]
fn a_pem_key_verifies_and_its_algorithm_is_pinned() {
    let key_pem = std::fs::read(key("rsa2048.pem")).unwrap();
    let minted =
        Minter::<Generic>::new(SigningKey::from_rsa_pem(Algorithm::RS256, &key_pem).unwrap())
            .with_clock(Clock::fixed(MINTED_AT))
            .mint(&Payload::new(claims_map(json!({"plan": "pro"}))))
            .unwrap();
    let public = key("rsa2048.pub.pem");
    let at = ["--at", "1700000001", "--format", "json"];

    let run = claims(&[&["inspect", minted.as_str(), "--pem", &public][..], &at].concat());
    assert_eq!(run.code, 0, "{run:?}");
    let verification = &run.json()["verification"];
    assert_eq!(
        verification["key"],
        json!(format!(
            "the RSA key in {public}, pinned to RS256 (the token's alg)"
        ))
    );
    assert_eq!(
        verification["checked"][1],
        "key: the one given, whatever the token's `kid`"
    );

    // The private key verifies too (through its public half).
    let run = claims(
        &[
            &["inspect", minted.as_str(), "--pem", &key("rsa2048.pem")][..],
            &at,
        ]
        .concat(),
    );
    assert_eq!(
        (run.code, &run.json()["verification"]["status"]),
        (0, &json!("verified"))
    );

    // Pinned to PS256, the RS256 token is refused, with what to do.
    let run = claims(
        &[
            &[
                "inspect",
                minted.as_str(),
                "--pem",
                &public,
                "--alg",
                "PS256",
            ][..],
            &at,
        ]
        .concat(),
    );
    assert_eq!(run.code, 1, "{run:?}");
    let verification = &run.json()["verification"];
    assert_eq!(verification["reason"], "algorithm_mismatch");
    assert_eq!(
        verification["hint"],
        "if this key is meant for RS256, give --alg RS256"
    );

    // A PEM key is never an HMAC secret.
    let run = claims(&[
        "inspect",
        minted.as_str(),
        "--pem",
        &public,
        "--alg",
        "HS256",
    ]);
    assert_eq!(
        run.error_line(2),
        format!(
            "--alg HS256 is HMAC, which takes a shared secret, not the PEM key in {public}; use --secret-env VAR"
        )
    );
}

#[test]
fn a_token_over_its_cookie_limit_is_refused_even_when_it_verifies() {
    // Minted for a larger cookie, so that the minter lets it through.
    let bio = "x".repeat(3_200);
    let minted = Minter::<Generic>::new(hs256())
        .with_clock(Clock::fixed(MINTED_AT))
        .with_ttl(Duration::from_secs(300))
        .with_cookie(CookieSpec::session().with_limit(8_000))
        .mint(&Payload::new(claims_map(json!({"bio": bio}))))
        .unwrap();
    let over = "__session=".len() + minted.len() - 4_096;
    let run = inspect_minted(minted.as_str());
    assert_eq!(run.code, 1, "{run:?}");
    let report = run.json();
    assert_eq!(report["verification"]["status"], "verified");
    assert_eq!(
        report["problems"],
        json!([format!(
            "cookie `__session`: the cookie takes {} bytes, {over} over the budget of 4096 bytes; see which \
             are largest in the size report, then shorten or drop claims or keep large data server-side; a \
             browser drops a cookie this large without a word",
            "__session=".len() + minted.len()
        )])
    );
    assert_eq!(
        report["size"]["token"]["cookie_left"],
        json!(-i64::try_from(over).unwrap())
    );

    // 3,000 bytes less and it fits: exit 0.
    let minted = Minter::<Generic>::new(hs256())
        .with_clock(Clock::fixed(MINTED_AT))
        .mint(&Payload::new(claims_map(json!({"bio": "x".repeat(200)}))))
        .unwrap();
    let run = claims(&["inspect", minted.as_str()]);
    assert_eq!(run.code, 0, "{run:?}");
}

/// A compact token with this header and payload and an all-zero HS256-sized signature.
fn unsigned(header: &Value, payload: &str) -> String {
    format!(
        "{}.{}.{}",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(payload),
        URL_SAFE_NO_PAD.encode([0u8; 32])
    )
}

#[test]
fn without_a_key_what_every_verifier_refuses_is_still_refused() {
    let header = json!({"alg": "HS256", "typ": "JWT"});
    let run = claims(&[
        "inspect",
        &unsigned(&header, r#"{"sub":"u","exp":"soon"}"#),
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 1, "{run:?}");
    let report = run.json();
    assert_eq!(report["verification"], json!({"status": "unverified"}));
    assert_eq!(
        report["problems"],
        json!([
            "a verifier refuses it whatever the key: claim `exp` must be a NumericDate (a non-negative integer \
             number of seconds), found invalid type: string \"soon\", expected u64"
        ])
    );

    // A claim named twice: refused, and not measured (its two values can't both be shown).
    let run = claims(&["inspect", &unsigned(&header, r#"{"sub":"a","sub":"b"}"#)]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stdout.contains(
        "REFUSED     a verifier refuses it whatever the key: the token's claims are refused: claim `sub` \
         appears more than once; RFC 7519 §4 requires unique claim names\n"
    ), "{}", run.stdout);
    assert!(run.stdout.ends_with(
        "size\nnot measured: claim `sub` appears more than once; RFC 7519 §4 requires unique claim names\n"
    ));

    // The positive control: the same token with a NumericDate, and an unknown alg sized from the token.
    let run = claims(&[
        "inspect",
        &unsigned(&header, r#"{"sub":"u","exp":1700000000}"#),
    ]);
    assert_eq!(run.code, 0, "{run:?}");
    let none = json!({"alg": "none"});
    let run = claims(&[
        "inspect",
        &format!("{}.e30.", URL_SAFE_NO_PAD.encode(none.to_string())),
    ]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.ends_with(
        "token: 24 chars; cookie `__session`: 34 of 4096 bytes (alg none: no known signature of 0 bytes, so \
         no headroom figures)\n"
    ), "{}", run.stdout);
}

#[test]
fn an_rsa_signature_of_a_size_no_verifier_accepts_gets_no_headroom_figures() {
    let rs256 = URL_SAFE_NO_PAD.encode(json!({"alg": "RS256", "typ": "JWT"}).to_string());
    let run = claims(&["inspect", &format!("{rs256}.e30.")]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.ends_with(
        "token: 41 chars; cookie `__session`: 51 of 4096 bytes (alg RS256: no known signature of 0 bytes, so \
         no headroom figures)\n"
    ), "{}", run.stdout);
    // 2 bytes: an "RSA-16" key is no key.
    let run = claims(&["inspect", &format!("{rs256}.e30.AAA")]);
    assert!(run.stdout.ends_with(
        "token: 44 chars; cookie `__session`: 54 of 4096 bytes (alg RS256: no known signature of 2 bytes, so \
         no headroom figures)\n"
    ), "{}", run.stdout);
    // The positive control: 256 bytes are a 2048-bit key's.
    let signature = URL_SAFE_NO_PAD.encode([0u8; 256]);
    let run = claims(&["inspect", &format!("{rs256}.e30.{signature}")]);
    assert!(
        run.stdout.contains("+ signature 342 (RSA-2048) + 2 dots\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn garbage_is_an_input_error_in_one_line() {
    let cases = [
        (
            "hello",
            "not a JWT: expected 3 segments separated by '.', found 1; copy the whole token: header.payload.signature",
        ),
        (
            "a.b",
            "not a JWT: expected 3 segments separated by '.', found 2; copy the whole token: header.payload.signature",
        ),
        // What the old example answered with "Invalid last symbol 116, offset 2".
        (
            "eyt.e30.AA",
            "not a JWT: the header segment is not base64url: its last character, `t` at offset 2, cannot end \
             base64url of this length; copy the token again, whole and unchanged",
        ),
        (
            "e30.e3%d.AA",
            "not a JWT: the payload segment is not base64url: `%` at offset 2 is not a base64url character; \
             copy the token again, whole and unchanged",
        ),
        (
            "e30.WzFd.AA",
            "not a JWT: the payload is not a JSON object (found an array); a JWT's payload is one",
        ),
    ];
    for (token, message) in cases {
        assert_eq!(
            claims(&["inspect", token]).error_line(2),
            message,
            "{token}"
        );
    }
    assert_eq!(
        claims_with(&["inspect"], " \n", &[]).error_line(2),
        "no token: the input is empty; give the token as an argument or pipe it in"
    );
    // clap's own usage errors exit 2 as well.
    assert_eq!(claims(&["inspect", "--layout", "auth0", "a.b.c"]).code, 2);
}

#[test]
fn the_layout_decides_what_is_custom() {
    let clerk = clerk();
    let run = claims(&[
        "inspect",
        text(&clerk, "token"),
        "--layout",
        "generic",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{run:?}");
    let report = run.json();
    assert_eq!(report["provider"], json!({}));
    assert_eq!(
        report["custom"],
        json!({"azp": clerk["payload"]["azp"], "sid": clerk["payload"]["sid"]})
    );
    assert_eq!(report["size"]["budget"], Value::Null); // generic tokens have no custom-claims budget
    let custom = r#"{"azp":"https://accounts.inspired.puma-74.lcl.dev","sid":"sess_2GbDB4enNdCa5vS1zpC3Xzg9tK9"}"#;
    assert_eq!(report["size"]["custom_bytes"], json!(custom.len()));
}

#[test]
fn the_readme_shows_the_real_output() {
    let readme_path = [env!("CARGO_MANIFEST_DIR"), "..", "README.md"]
        .iter()
        .collect::<std::path::PathBuf>();
    let readme = std::fs::read_to_string(readme_path).expect("the workspace README");
    assert!(readme.contains(&format!(
        "$ claims inspect \"$TOKEN\" --at 1666648250\n{UNVERIFIED}```"
    )));

    let (run, jwks) = inspect_clerk(
        "token",
        "clerk-jwks.json",
        &["--at", "2022-10-24T21:50:50Z"],
    );
    assert_eq!(run.code, 0, "{run:?}");
    let head = run
        .stdout
        .replace(&jwks, "claims-cli/tests/fixtures/clerk-jwks.json")
        .lines()
        .take(13)
        .fold(String::new(), |head, line| head + line + "\n");
    assert!(readme.contains(&format!(
        "$ claims inspect \"$TOKEN\" --jwks claims-cli/tests/fixtures/clerk-jwks.json --at 2022-10-24T21:50:50Z\n{head}...\n"
    )), "{head}");
}

#[test]
fn a_stytch_token_is_recognised_by_its_session_claim() {
    let claims = json!({
        "sub": "user-test-1",
        "https://stytch.com/session": {"id": "session-test-1", "roles": ["stytch_member"]},
        "plan": "pro",
    });
    let minted = Minter::<claims_jwt::Stytch>::new(hs256())
        .with_clock(Clock::fixed(MINTED_AT))
        .mint(&Payload::<Map<String, Value>, _>::from_json(claims.to_string().as_bytes()).unwrap())
        .unwrap();
    let run = inspect_minted(minted.as_str());
    assert_eq!(run.code, 0, "{run:?}");
    let report = run.json();
    assert_eq!(
        report["layout"],
        json!({"name": "stytch", "given": false, "detected_from": "https://stytch.com/session"})
    );
    assert_eq!(
        report["provider"],
        json!({"https://stytch.com/session": claims["https://stytch.com/session"]})
    );
    assert_eq!(report["custom"], json!({"plan": "pro"}));
    assert_eq!(report["size"]["token"]["cookie"], "stytch_session_jwt");
    assert_eq!(report["size"]["budget"]["limit"], 4096);
    assert_eq!(
        report["verification"]["checked"][6],
        "claims: each name once; registered and stytch claims of their types"
    );
}

/// An HS256 token signed with the test secret under this header, issued at [`MINTED_AT`] for a minute.
fn signed(header: &Value) -> String {
    let payload = json!({"sub": "user_1", "iat": MINTED_AT, "exp": MINTED_AT + 60});
    let input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(payload.to_string())
    );
    let signature = hs256().sign(input.as_bytes()).expect("signs");
    format!("{input}.{signature}")
}

/// Runs `claims inspect TOKEN` as [`inspect_minted`] does, with `options` added; returns the exit code
/// and the verification.
fn verify_signed(token: &str, options: &[&str]) -> (i32, Value) {
    let at = (MINTED_AT + 1).to_string();
    let args = [
        &["inspect", token, "--at", &at, "--format", "json"],
        options,
    ]
    .concat();
    let run = claims_with_secret(&args, "");
    (run.code, run.json()["verification"].clone())
}

#[test]
fn a_missing_typ_and_key_parameters_are_refused_unless_an_option_accepts_them() {
    // No `typ`: refused, naming the option rather than a Rust API; accepted with it.
    let no_typ = signed(&json!({"alg": "HS256"}));
    let (code, verification) = verify_signed(&no_typ, &[]);
    assert_eq!((code, &verification["reason"]), (1, &json!("invalid_type")));
    assert_eq!(
        verification["message"],
        "the token's header has no `typ`, and `JWT` is required; if its issuer omits `typ`, give \
         --typ-optional"
    );
    let (code, verification) = verify_signed(&no_typ, &["--typ-optional"]);
    assert_eq!((code, &verification["status"]), (0, &json!("verified")));
    assert_eq!(
        verification["checked"][4],
        "typ: absent, accepted (--typ-optional); one present must be `JWT`"
    );
    // With both options, a header that needs neither verifies as it always did.
    let plain = signed(&json!({"alg": "HS256", "typ": "JWT"}));
    let (code, verification) =
        verify_signed(&plain, &["--typ-optional", "--ignore-key-parameters"]);
    assert_eq!((code, &verification["status"]), (0, &json!("verified")));
    assert_eq!(
        verification["checked"][4],
        "typ: `JWT`, as generic tokens are"
    );
    // A `typ` that is present must still be the layout's.
    let access_token = signed(&json!({"alg": "HS256", "typ": "at+jwt"}));
    let (code, verification) = verify_signed(&access_token, &["--typ-optional"]);
    assert_eq!((code, &verification["reason"]), (1, &json!("invalid_type")));
    assert_eq!(
        verification["message"],
        "the token's header says `typ: at+jwt`, not `JWT`: another kind of token (RFC 8725 §3.11); refused"
    );

    // A header pointing at a key: refused, naming the option; accepted and ignored with it.
    let jku =
        signed(&json!({"alg": "HS256", "typ": "JWT", "jku": "https://attacker.example/jwks"}));
    let (code, verification) = verify_signed(&jku, &[]);
    assert_eq!(
        (code, &verification["reason"]),
        (1, &json!("header_parameter_refused"))
    );
    assert_eq!(
        verification["message"],
        "the token's header has `jku`, which points at a key; keys come only from the key or JWKS you give \
         (RFC 8725 §3.10), so it is refused; --ignore-key-parameters accepts and ignores it"
    );
    let (code, verification) = verify_signed(&jku, &["--ignore-key-parameters"]);
    assert_eq!((code, &verification["status"]), (0, &json!("verified")));
    assert_eq!(
        verification["checked"][2],
        "header: an object of unique members, at most 1024 chars, `kid` at most 256 bytes; no `crit`; \
         `jku`, `jwk`, `x5u`, `x5c` ignored if present, never used (--ignore-key-parameters)"
    );
    // `crit` is refused whatever the options.
    let crit = signed(&json!({"alg": "HS256", "typ": "JWT", "crit": ["b64"], "b64": false}));
    let (code, verification) = verify_signed(&crit, &["--ignore-key-parameters", "--typ-optional"]);
    assert_eq!(
        (code, &verification["reason"]),
        (1, &json!("header_parameter_refused"))
    );
    assert_eq!(
        verification["message"],
        "the token's header has `crit`, naming extensions this verifier does not understand (RFC 7515 \
         §4.1.11); refused"
    );

    // Both options only mean something when verifying.
    for option in ["--typ-optional", "--ignore-key-parameters"] {
        let run = claims(&["inspect", &no_typ, option]);
        assert_eq!(run.code, 2, "{run:?}");
        assert!(
            run.stderr.starts_with(
                "error: the following required arguments were not provided:\n  \
                 <--jwks <FILE|URL>|--pem <FILE>|--secret-env <VAR>>\n"
            ),
            "{run:?}"
        );
    }
}
