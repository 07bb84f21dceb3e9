//! What claims-axum tells the operator, over real HTTP: one `tracing` event per refused request, at the
//! level its status calls for, never the token. Each test runs a current-thread runtime, so that the
//! thread-local capture sees the server's events too.

mod axum_app;

use axum_app::{APP, TestServer, ada, client, layout_fault, minter, now, spawn, token_from};
use claims_tests::events::Captured;
use reqwest::StatusCode;
use reqwest::header::{AUTHORIZATION, COOKIE, WWW_AUTHENTICATE};
use serde_json::{Value, json};

/// The lines of `events` that record a refusal.
fn refusals(events: &Captured) -> Vec<String> {
    events.lines_with(" reason=")
}

/// Asserts that `events` hold exactly one refusal, at `level` (as the log pads it, e.g. `" INFO"`), its
/// line ending with `tail`.
fn assert_one_refusal(events: &Captured, level: &str, tail: &str) {
    let lines = refusals(events);
    assert_eq!(lines.len(), 1, "{}", events.text());
    assert!(
        lines[0].starts_with(&format!("{level} ")) && lines[0].ends_with(tail),
        "{}",
        lines[0]
    );
}

async fn get_with(server: &TestServer, path: &str, authorization: &str) -> (StatusCode, Value) {
    let response = client()
        .get(server.url(path))
        .header(AUTHORIZATION, authorization)
        .send()
        .await
        .expect("an answer");
    (response.status(), response.json().await.unwrap_or_default())
}

#[tokio::test]
async fn a_refused_token_is_one_info_line_without_the_token() {
    let (events, _guard) = Captured::start();
    let server = spawn().await;
    let expired = token_from(&minter(), now() - 7200, APP, ada());

    let (status, body) = get_with(&server, "/me", &format!("Bearer {expired}")).await;
    assert_eq!(
        (status, &body["reason"]),
        (StatusCode::UNAUTHORIZED, &json!("expired"))
    );
    // The site-wide layer and the handler both asked: still one event.
    assert_one_refusal(
        &events,
        " INFO",
        r#"session refused reason="expired" status=401 source=bearer"#,
    );
    assert!(!events.text().contains(&expired), "a token is never logged");

    // Control: an accepted token logs no refusal.
    let valid = token_from(&minter(), now(), APP, ada());
    let (status, _) = get_with(&server, "/me", &format!("Bearer {valid}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(refusals(&events).len(), 1, "{}", events.text());
}

#[tokio::test]
async fn a_refused_update_returned_by_the_handler_is_logged_once() {
    let (events, _guard) = Captured::start();
    let server = spawn().await;
    let token = token_from(&minter(), now(), APP, ada());
    let update = |patch: Value| {
        client()
            .patch(server.url("/me/claims"))
            .bearer_auth(&token)
            .json(&patch)
            .send()
    };

    let response = update(json!({"sid": "sess_forged"}))
        .await
        .expect("an answer");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_one_refusal(
        &events,
        " INFO",
        r#"session refused reason="reserved_claim" status=422"#,
    );

    // Control: an accepted update logs nothing.
    let response = update(json!({"roles": ["owner"]}))
        .await
        .expect("an answer");
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(refusals(&events).len(), 1, "{}", events.text());
}

#[tokio::test]
async fn a_server_side_fault_returned_by_the_handler_is_one_error_line_with_the_error() {
    let (events, _guard) = Captured::start();
    let server = spawn().await;
    let response = client()
        .get(server.url("/fault"))
        .send()
        .await
        .expect("an answer");
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert!(response.headers().get(WWW_AUTHENTICATE).is_none());
    let body: Value = response.json().await.expect("a JSON body");
    assert_eq!(body["reason"], "server_error");

    let expected = format!(
        r#"session check failed on the server reason="server_error" status=500 error={}"#,
        layout_fault()
    );
    assert_one_refusal(&events, "ERROR", &expected);
}

#[tokio::test]
async fn a_cookie_name_the_sender_chose_is_logged_quoted_and_cut() {
    let (events, _guard) = Captured::start();
    let server = spawn().await;
    let expired = token_from(&minter(), now() - 7200, APP, ada());
    let send = |cookie: String| {
        client()
            .get(server.url("/me"))
            .header(COOKIE, cookie)
            .send()
    };

    // Any `__session_<suffix>` is read, so its name is the sender's: 3 KB of it, with a quote.
    let name = format!("__session_\"{}", "A".repeat(3000));
    let response = send(format!("{name}={expired}")).await.expect("an answer");
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let kept = format!("__session_\\\"{}", "A".repeat(64 - "__session_\"".len()));
    let tail = format!(
        r#"session refused reason="expired" status=401 source=cookie "{kept}"… ({} bytes)"#,
        name.len()
    );
    assert_one_refusal(&events, " INFO", &tail);
    assert!(!events.text().contains(&"A".repeat(65)), "the name is cut");

    // Control: Clerk's own name, whole.
    let response = send(format!("__session={expired}"))
        .await
        .expect("an answer");
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let lines = refusals(&events);
    assert_eq!(lines.len(), 2, "{}", events.text());
    assert!(
        lines[1].ends_with(r#"reason="expired" status=401 source=cookie "__session""#),
        "{}",
        lines[1]
    );
}

#[tokio::test]
async fn a_request_without_a_token_is_a_debug_line_only() {
    let (events, _guard) = Captured::start();
    let server = spawn().await;
    let get = |path: &str| client().get(server.url(path)).send();

    let response = get("/me").await.expect("an answer");
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_one_refusal(
        &events,
        "DEBUG",
        r#"session refused reason="missing" status=401"#,
    );

    // An optional route takes it for an anonymous visit: nothing refused, nothing logged.
    let response = get("/hello").await.expect("an answer");
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(refusals(&events).len(), 1, "{}", events.text());
}
