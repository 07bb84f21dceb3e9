//! `claims inspect --jwks URL` and `claims keys URL`: the JWKS served from `127.0.0.1:0`, fetched through
//! claims-jwt's remote key source (for `inspect`, the key picked by the token's `kid`); refusals of the fetch
//! exit 2 naming the URL.

use claims_tests::remote_jwks::{JwksServer, Reply, TestKey};
use serde_json::{Value, json};
use tokio::runtime::Runtime;

use crate::support::{claims, clerk, fixture, text};

/// Clerk's clock in its own tests of these fixtures: the fixture token's `iat`.
const CLERK_NOW: &str = "1666648250";

/// A JWKS server answering `reply` on `127.0.0.1:0`, running on its own runtime while the test runs the
/// binary; keep the runtime alive as long as the server is used.
fn serve(reply: Reply) -> (Runtime, JwksServer) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("a runtime");
    let server = runtime.block_on(JwksServer::start(reply));
    (runtime, server)
}

/// Clerk's fixture JWKS, as its one public key.
fn clerk_jwk() -> Value {
    let text = std::fs::read_to_string(fixture("clerk-jwks.json")).expect("the fixture JWKS");
    let jwks: Value = serde_json::from_str(&text).expect("JSON");
    jwks["keys"][0].clone()
}

/// `claims inspect` of Clerk's fixture token against `url`, at Clerk's clock, as JSON.
fn inspect(token: &str, url: &str) -> crate::support::Run {
    let clerk = clerk();
    claims(&[
        "inspect",
        text(&clerk, token),
        "--jwks",
        url,
        "--at",
        CLERK_NOW,
        "--format",
        "json",
    ])
}

#[test]
fn clerk_s_token_verifies_with_the_key_its_kid_names_in_a_jwks_fetched_from_loopback() {
    let other = TestKey::rsa("ins_other");
    let (_runtime, server) = serve(Reply::jwks([&other.jwk, &clerk_jwk()]));
    let url = server.url("/.well-known/jwks.json");

    let run = inspect("token", &url);
    assert_eq!(run.code, 0, "{run:?}");
    let verification = &run.json()["verification"];
    assert_eq!(verification["status"], "verified");
    assert_eq!(
        verification["key"],
        format!("the JWKS {url} (2 usable keys)")
    );
    assert_eq!(
        verification["checked"][1],
        "key: the JWKS key with `kid` ins_2GIoQhbUpy0hX7B2cVkuTMinXoD"
    );
    assert_eq!(server.requests(), 1, "one fetch per run");
    assert_eq!(server.paths(), ["/.well-known/jwks.json"]);

    // The same token refused as tampered, with the same key: the fetched key really checks.
    let run = inspect("tampered_token", &url);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(run.json()["verification"]["reason"], "invalid_signature");
}

#[test]
fn a_jwks_without_the_token_s_kid_refuses_it() {
    let other = TestKey::rsa("ins_other");
    let (_runtime, server) = serve(Reply::jwks([&other.jwk]));
    let run = inspect("token", &server.url("/jwks"));
    assert_eq!(run.code, 1, "{run:?}");
    let verification = &run.json()["verification"];
    assert_eq!(
        (&verification["status"], &verification["reason"]),
        (&json!("refused"), &json!("unknown_kid"))
    );
}

#[test]
fn a_fetch_that_fails_exits_2_naming_the_url() {
    // Another status than 200.
    let (_runtime, server) = serve(Reply::json("oops").with_status(500));
    let url = server.url("/jwks");
    assert_eq!(
        inspect("token", &url).error_line(2),
        format!(
            "--jwks {url}: the JWKS at {url} answered HTTP 500, not 200; check the URL and the \
             provider's status"
        )
    );

    // A body over the cap is refused unread.
    let huge = json!({"keys": [], "padding": "x".repeat(70 * 1024)}).to_string();
    server.set(Reply::json(huge));
    assert_eq!(
        inspect("token", &url).error_line(2),
        format!(
            "--jwks {url}: the JWKS at {url} is over the 65536-byte cap and was refused; if the set is \
             genuine, download it (curl -o jwks.json {url}) and pass --jwks jwks.json"
        )
    );

    // A set with no key that can verify.
    server.set(Reply::jwks([&json!({"kty": "oct", "k": "c2VjcmV0"})]));
    assert_eq!(
        inspect("token", &url).error_line(2),
        format!(
            "--jwks {url}: the JWKS at {url} holds no usable key (key 0 (no `kid`): no accepted \
             algorithm fits key type `oct`); check the accepted algorithms"
        )
    );
    assert_eq!(server.requests(), 3);

    // Plain http is for loopback only: keys from anywhere else must come over https.
    assert_eq!(
        inspect("token", "http://keys.example.com/jwks").error_line(2),
        "--jwks http://keys.example.com/jwks: cannot fetch a JWKS from `http://keys.example.com/jwks`: \
         plain http would let anyone on the path replace the keys; use https (http is allowed for \
         loopback addresses only)"
    );
}

#[test]
fn claims_keys_explains_a_jwks_served_at_a_url_member_by_member() {
    let path = fixture("mixed-jwks.json");
    let document = std::fs::read_to_string(&path).expect("the fixture JWKS");
    let (_runtime, server) = serve(Reply::json(document));
    let url = server.url("/.well-known/jwks.json");

    // The URL's report is the file's, usable and unusable members alike, with the URL as its source.
    let from_file = claims(&["keys", &path, "--format", "json"]);
    let from_url = claims(&["keys", &url, "--format", "json"]);
    assert_eq!((from_file.code, from_url.code), (0, 0), "{from_url:?}");
    let (from_file, from_url) = (from_file.json(), from_url.json());
    assert_eq!(from_url["source"], json!(url));
    assert_eq!(from_url["usable"], 1);
    assert_eq!(from_url["keys"].as_array().map(Vec::len), Some(4));
    assert_eq!(from_url["keys"], from_file["keys"]);
    assert_eq!(server.requests(), 1);

    let text = claims(&["keys", &url]);
    assert_eq!(text.code, 0, "{text:?}");
    assert_eq!(
        text.stdout.lines().next(),
        Some(format!("JWKS {url}: 4 keys, 1 usable for verifying").as_str())
    );
    assert_eq!(server.requests(), 2);
}

#[test]
fn claims_keys_on_a_url_that_fails_exits_2_naming_it() {
    let (_runtime, server) = serve(Reply::json("oops").with_status(503));
    let url = server.url("/jwks");
    assert_eq!(
        claims(&["keys", &url]).error_line(2),
        format!(
            "claims keys {url}: the JWKS at {url} answered HTTP 503, not 200; check the URL and the \
             provider's status"
        )
    );
    // Served, but not a JWKS: the same message as for such a file.
    server.set(Reply::json(r#"{"issuer": "https://clerk.example.com"}"#));
    assert_eq!(
        claims(&["keys", &url]).error_line(2),
        format!(
            "{url} is not a JWKS document: it has no `keys` array; expected {{\"keys\": [...]}}"
        )
    );
    // Over the cap: the way round it is a downloaded copy.
    let huge = json!({"keys": [], "padding": "x".repeat(70 * 1024)}).to_string();
    server.set(Reply::json(huge));
    assert_eq!(
        claims(&["keys", &url]).error_line(2),
        format!(
            "claims keys {url}: the JWKS at {url} is over the 65536-byte cap and was refused; if the set is \
             genuine, download it (curl -o jwks.json {url}) and run `claims keys jwks.json`"
        )
    );
    assert_eq!(server.requests(), 3);

    let far = "http://keys.example.com/jwks";
    assert_eq!(
        claims(&["keys", far]).error_line(2),
        format!(
            "claims keys {far}: cannot fetch a JWKS from `{far}`: plain http would let anyone on the path \
             replace the keys; use https (http is allowed for loopback addresses only)"
        )
    );
}
