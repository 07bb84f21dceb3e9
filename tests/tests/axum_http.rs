//! claims-axum over real HTTP: a server on `127.0.0.1:0`, a real client, exact statuses, headers and bodies.

mod axum_app;

use axum_app::{
    ADMIN_SECRET, APP, AppClaims, ISSUER, SESSION_ID, SUBJECT, TestServer, ada, client, me_json,
    minter, minter_with, now, spawn, spawn_reading, token_from, valid_token, verifier,
};
use claims_axum::{Reason, TokenSource};
use claims_jwt::Clock;
use cookie::{Cookie, SameSite};
use reqwest::header::{
    AUTHORIZATION, CONTENT_TYPE, COOKIE, HeaderName, HeaderValue, LOCATION, SET_COOKIE,
    WWW_AUTHENTICATE,
};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

/// A request header, from any bytes (HTTP allows obs-text, which is how raw bytes reach a server).
fn header(name: HeaderName, value: impl AsRef<[u8]>) -> (HeaderName, HeaderValue) {
    let value = HeaderValue::from_bytes(value.as_ref()).expect("a legal header value");
    (name, value)
}

fn bearer(token: &str) -> (HeaderName, HeaderValue) {
    header(AUTHORIZATION, format!("Bearer {token}"))
}

fn session_cookie(token: &str) -> (HeaderName, HeaderValue) {
    header(COOKIE, format!("__session={token}"))
}

/// Sends `method path` with `headers`, each appended (so a name may repeat), and `body` as JSON if given.
async fn send(
    server: &TestServer,
    method: Method,
    path: &str,
    headers: Vec<(HeaderName, HeaderValue)>,
    body: Option<&Value>,
) -> reqwest::Response {
    let mut request = client().request(method, server.url(path));
    for (name, value) in headers {
        request = request.header(name, value);
    }
    if let Some(body) = body {
        request = request.json(body);
    }
    request.send().await.expect("an answer")
}

async fn get(
    server: &TestServer,
    path: &str,
    headers: Vec<(HeaderName, HeaderValue)>,
) -> reqwest::Response {
    send(server, Method::GET, path, headers, None).await
}

/// What a refusal looks like: status, `WWW-Authenticate`, and the whole JSON body.
type Answer = (StatusCode, Option<String>, Value);

/// The answer for `reason`: `status`, `challenge`, and the body naming the reason and saying what to do.
fn answer(status: StatusCode, challenge: Option<&str>, reason: Reason) -> Answer {
    let body = json!({"reason": reason.as_str(), "message": reason.message()});
    (status, challenge.map(str::to_owned), body)
}

fn invalid_token(reason: Reason) -> Answer {
    let challenge = r#"Bearer error="invalid_token""#;
    answer(StatusCode::UNAUTHORIZED, Some(challenge), reason)
}

fn invalid_request(reason: Reason) -> Answer {
    let challenge = r#"Bearer error="invalid_request""#;
    answer(StatusCode::BAD_REQUEST, Some(challenge), reason)
}

/// The refusal a response carries, as JSON.
async fn refusal(response: reqwest::Response) -> Answer {
    let status = response.status();
    let challenge = response
        .headers()
        .get(WWW_AUTHENTICATE)
        .map(|value| value.to_str().expect("ascii").to_owned());
    assert_eq!(response.headers()[CONTENT_TYPE], "application/json");
    let body: Value = response.json().await.expect("a JSON body");
    (status, challenge, body)
}

/// The refusal of a request that sent `token`; no part of the token is in it.
async fn refusal_of(response: reqwest::Response, token: &str) -> Answer {
    let answer = refusal(response).await;
    let body = answer.2.to_string();
    for part in token.split('.').filter(|part| part.len() >= 8) {
        assert!(!body.contains(part), "{body} holds a part of the token");
    }
    answer
}

async fn text(response: reqwest::Response) -> (StatusCode, String) {
    (response.status(), response.text().await.expect("a body"))
}

async fn json_of(response: reqwest::Response) -> (StatusCode, Value) {
    (
        response.status(),
        response.json().await.expect("a JSON body"),
    )
}

fn expired_token() -> String {
    token_from(&minter(), now() - 7200, APP, ada())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_valid_token_in_the_header_or_the_session_cookie_gives_the_typed_claims() {
    let server = spawn().await;
    let token = valid_token();
    for sent in [
        bearer(&token),
        header(AUTHORIZATION, format!("bearer {token}")),
        header(COOKIE, format!("theme=dark; __session={token}")),
        header(COOKIE, format!("__session_Ab3xY9q={token}")),
    ] {
        let response = get(&server, "/me", vec![sent.clone()]).await;
        assert_eq!(
            json_of(response).await,
            (StatusCode::OK, me_json(&ada())),
            "{sent:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_optional_session_is_none_only_without_any_token() {
    let server = spawn().await;
    let anonymous = (StatusCode::OK, "anonymous".to_owned());
    assert_eq!(text(get(&server, "/hello", vec![]).await).await, anonymous);
    // Another scheme is not a session token: left to whatever handles it.
    let basic = header(AUTHORIZATION, "Basic dXNlcjpwYXNz");
    assert_eq!(
        text(get(&server, "/hello", vec![basic]).await).await,
        anonymous
    );

    let signed_in = get(&server, "/hello", vec![bearer(&valid_token())]).await;
    assert_eq!(
        text(signed_in).await,
        (StatusCode::OK, "hello Ada Lovelace".to_owned())
    );

    // A present but bad token is refused, never taken for an anonymous visit.
    let bad = get(&server, "/hello", vec![bearer("not-a-jwt")]).await;
    assert_eq!(refusal(bad).await, invalid_token(Reason::Malformed));
    let stale_cookie = get(&server, "/hello", vec![session_cookie(&expired_token())]).await;
    assert_eq!(refusal(stale_cookie).await, invalid_token(Reason::Expired));
}

/// `token` with the payload of `other`, its own signature kept.
fn with_payload_of(token: &str, other: &str) -> String {
    let parts: Vec<&str> = token.split('.').collect();
    let payload = other.split('.').nth(1).expect("a payload");
    format!("{}.{payload}.{}", parts[0], parts[2])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_untrustworthy_token_is_a_401_with_its_reason_and_a_challenge() {
    let server = spawn().await;
    let now = now();
    let good = valid_token();
    // The payload of a token granting `owner`, under the signature of one that doesn't.
    let owner = AppClaims {
        roles: vec!["owner".into()],
        ..ada()
    };
    let escalated = with_payload_of(&good, &token_from(&minter(), now, APP, owner));
    assert_ne!(escalated, good);
    let other_issuer = minter().with_issuer("https://other.example.com");
    let cases = [
        (Reason::Malformed, "not-a-jwt".to_owned()),
        (Reason::Malformed, "a.b".to_owned()),
        (Reason::Expired, expired_token()),
        (
            Reason::NotYetValid,
            token_from(&minter(), now + 7200, APP, ada()),
        ),
        (Reason::BadSignature, escalated),
        (
            Reason::UnauthorizedParty,
            token_from(&minter(), now, "https://evil.example.com", ada()),
        ),
        (
            Reason::WrongIssuer,
            token_from(&other_issuer, now, APP, ada()),
        ),
        (Reason::TooLong, format!("{good}{}", "A".repeat(8192))),
    ];
    for (reason, token) in cases {
        let response = get(&server, "/me", vec![bearer(&token)]).await;
        let answer = refusal_of(response, &token).await;
        assert_eq!(answer, invalid_token(reason), "{reason}");
    }

    // No token: a bare challenge, without an error code (RFC 6750 §3.1).
    let missing = get(&server, "/me", vec![]).await;
    let bare = answer(StatusCode::UNAUTHORIZED, Some("Bearer"), Reason::Missing);
    assert_eq!(refusal(missing).await, bare);

    // Control: the token they were all made from passes.
    assert_eq!(
        get(&server, "/me", vec![bearer(&good)]).await.status(),
        StatusCode::OK
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreadable_or_repeated_authorization_header_is_a_400_and_the_server_goes_on() {
    let server = spawn().await;
    let token = valid_token();

    let raw = header(AUTHORIZATION, b"Bearer \xff\xfe\x80");
    let response = get(&server, "/me", vec![raw]).await;
    assert_eq!(
        refusal(response).await,
        invalid_request(Reason::InvalidHeader)
    );

    // A tab between the scheme and a valid token: refused, not taken for a request without a token.
    for path in ["/me", "/hello"] {
        let tab = header(AUTHORIZATION, format!("Bearer\t{token}"));
        let response = get(&server, path, vec![tab]).await;
        assert_eq!(
            refusal(response).await,
            invalid_request(Reason::InvalidHeader),
            "{path}"
        );
    }

    let response = get(&server, "/me", vec![bearer(&token), bearer(&token)]).await;
    assert_eq!(
        refusal(response).await,
        invalid_request(Reason::DuplicateHeader)
    );

    // Invalid UTF-8 in someone else's cookie doesn't keep the session out.
    let mut jar = b"other=\xff\xfe; __session=".to_vec();
    jar.extend_from_slice(token.as_bytes());
    let response = get(&server, "/me", vec![header(COOKIE, jar)]).await;
    assert_eq!(json_of(response).await, (StatusCode::OK, me_json(&ada())));

    // Still serving, and one readable header passes.
    let response = get(&server, "/me", vec![bearer(&token)]).await;
    assert_eq!(json_of(response).await, (StatusCode::OK, me_json(&ada())));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_tokens_are_handled_by_the_documented_order() {
    let server = spawn().await;
    let (good, expired) = (valid_token(), expired_token());

    // The header comes first: it decides, whatever the cookie holds.
    let fresh_header = get(
        &server,
        "/me",
        vec![bearer(&good), session_cookie(&expired)],
    )
    .await;
    assert_eq!(fresh_header.status(), StatusCode::OK);
    let stale_header = get(
        &server,
        "/me",
        vec![bearer(&expired), session_cookie(&good)],
    )
    .await;
    assert_eq!(refusal(stale_header).await, invalid_token(Reason::Expired));

    // Two different session cookies: there is no telling which is meant.
    let two = header(COOKIE, format!("__session={good}; __session={expired}"));
    let response = get(&server, "/me", vec![two]).await;
    assert_eq!(
        refusal(response).await,
        invalid_request(Reason::ConflictingTokens)
    );
    let same_twice = header(COOKIE, format!("__session={good}; __session={good}"));
    assert_eq!(
        get(&server, "/me", vec![same_twice]).await.status(),
        StatusCode::OK
    );
    // Clerk's suffixed cookie comes before the plain one.
    let suffixed = header(
        COOKIE,
        format!("__session={expired}; __session_Ab3xY9q={good}"),
    );
    assert_eq!(
        get(&server, "/me", vec![suffixed]).await.status(),
        StatusCode::OK
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_update_sets_a_cookie_that_verifies_and_holds_the_merged_claims() {
    let server = spawn().await;
    let patch = json!({"roles": ["owner", "billing"], "tenant": null});
    let sent = vec![session_cookie(&valid_token())];
    let response = send(&server, Method::PATCH, "/me/claims", sent, Some(&patch)).await;
    assert_eq!(response.status(), StatusCode::OK);
    let merged = AppClaims {
        roles: vec!["owner".into(), "billing".into()],
        tenant: None,
        ..ada()
    };

    let set_cookie = response.headers()[SET_COOKIE]
        .to_str()
        .expect("ascii")
        .to_owned();
    let cookie = Cookie::parse(set_cookie.as_str()).expect("a cookie");
    let attributes = (
        cookie.http_only(),
        cookie.secure(),
        cookie.same_site(),
        cookie.path(),
    );
    assert_eq!(
        attributes,
        (Some(true), Some(true), Some(SameSite::Lax), Some("/"))
    );
    let token = cookie.value();
    assert_eq!(
        set_cookie,
        format!("__session={token}; HttpOnly; SameSite=Lax; Secure; Path=/")
    );
    let cookie_len = "__session=".len() + token.len();
    assert!(cookie_len <= 4096, "{cookie_len} bytes");
    assert_eq!(
        response.json::<AppClaims>().await.expect("the new claims"),
        merged
    );

    let reissued = verifier(Clock::system())
        .verify::<AppClaims>(token)
        .expect("the new cookie verifies");
    assert_eq!(reissued.claims(), &merged);
    let registered = reissued.registered();
    assert_eq!(
        (
            registered.sub.as_deref(),
            registered.iss.as_deref(),
            reissued.layout().sid.as_deref()
        ),
        (Some(SUBJECT), Some(ISSUER), Some(SESSION_ID))
    );

    let me = get(&server, "/me", vec![session_cookie(token)]).await;
    assert_eq!(json_of(me).await, (StatusCode::OK, me_json(&merged)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_update_is_a_422_without_a_cookie_and_the_old_one_stays_valid() {
    let server = spawn().await;
    let token = valid_token();
    for (patch, reason) in [
        (
            json!({"roles": ["owner"], "sid": "sess_forged"}),
            Reason::ReservedClaim,
        ),
        (json!({"fullName": "x".repeat(65)}), Reason::InvalidUpdate),
        (json!(["not", "an", "object"]), Reason::InvalidUpdate),
    ] {
        let sent = vec![bearer(&token)];
        let response = send(&server, Method::PATCH, "/me/claims", sent, Some(&patch)).await;
        assert!(response.headers().get(SET_COOKIE).is_none(), "{patch}");
        let unprocessable = answer(StatusCode::UNPROCESSABLE_ENTITY, None, reason);
        assert_eq!(refusal(response).await, unprocessable, "{patch}");
    }

    let me = get(&server, "/me", vec![session_cookie(&token)]).await;
    assert_eq!(json_of(me).await, (StatusCode::OK, me_json(&ada())));
    // Control: an acceptable patch goes through.
    let patch = json!({"roles": ["owner"]});
    let response = send(
        &server,
        Method::PATCH,
        "/me/claims",
        vec![bearer(&token)],
        Some(&patch),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_application_can_answer_refusals_its_own_way() {
    let server = spawn().await;
    let refused = get(&server, "/custom", vec![bearer(&expired_token())]).await;
    assert_eq!(refused.status(), StatusCode::SEE_OTHER);
    assert_eq!(refused.headers()[LOCATION], "/sign-in?reason=expired");
    let accepted = get(&server, "/custom", vec![bearer(&valid_token())]).await;
    assert_eq!(
        text(accepted).await,
        (StatusCode::OK, "Ada Lovelace".to_owned())
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_is_verified_once_however_many_extractors_ask() {
    let server = spawn().await;
    let token = valid_token();

    let before = server.verifications();
    let twice = get(&server, "/twice", vec![bearer(&token)]).await;
    assert_eq!(
        text(twice).await,
        (StatusCode::OK, "Ada Lovelace Ada Lovelace".to_owned())
    );
    assert_eq!(server.verifications() - before, 1);

    // Control: the counter does count, one verification per request.
    let before = server.verifications();
    assert_eq!(
        get(&server, "/me", vec![bearer(&token)]).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        get(&server, "/hello", vec![bearer(&token)]).await.status(),
        StatusCode::OK
    );
    assert_eq!(server.verifications() - before, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_nested_router_checks_with_its_own_authenticator_whatever_a_layer_accepted() {
    let server = spawn().await;
    let public = valid_token();
    let admin = token_from(&minter_with(ADMIN_SECRET), now(), APP, ada());

    // The site-wide layer accepted the public token; the admin router's key did not sign it.
    let response = get(&server, "/admin/panel", vec![bearer(&public)]).await;
    assert_eq!(refusal(response).await, invalid_token(Reason::BadSignature));
    let response = get(&server, "/admin/panel", vec![session_cookie(&public)]).await;
    assert_eq!(refusal(response).await, invalid_token(Reason::BadSignature));

    // Control: the admin key's token passes there, and is refused by the public routes.
    let response = get(&server, "/admin/panel", vec![bearer(&admin)]).await;
    assert_eq!(
        text(response).await,
        (StatusCode::OK, "admin Ada Lovelace".to_owned())
    );
    let response = get(&server, "/me", vec![bearer(&admin)]).await;
    assert_eq!(refusal(response).await, invalid_token(Reason::BadSignature));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cookie_over_its_limit_is_a_500_and_sets_nothing() {
    let server = spawn().await;
    let token = valid_token();
    let patch = json!({"roles": ["owner"]});
    let sent = vec![bearer(&token)];
    let tiny = "/me/claims/tiny-cookie";
    let response = send(&server, Method::PATCH, tiny, sent, Some(&patch)).await;
    assert!(response.headers().get(SET_COOKIE).is_none());
    let server_fault = answer(
        StatusCode::INTERNAL_SERVER_ERROR,
        None,
        Reason::CookieTooLarge,
    );
    assert_eq!(refusal_of(response, &token).await, server_fault);

    // Control: the same update, written to the minter's cookie, goes through.
    let sent = vec![bearer(&token)];
    let response = send(&server, Method::PATCH, "/me/claims", sent, Some(&patch)).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers().get(SET_COOKIE).is_some());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_application_cookie_is_the_only_source_when_configured_so() {
    let server = spawn_reading([TokenSource::cookie("app_session")].into()).await;
    let token = valid_token();

    let response = get(
        &server,
        "/me",
        vec![header(COOKIE, format!("app_session={token}"))],
    )
    .await;
    assert_eq!(json_of(response).await, (StatusCode::OK, me_json(&ada())));
    // A bearer header, even a bad one, is not read: the cookie decides.
    let both = vec![
        bearer("not-a-jwt"),
        header(COOKIE, format!("app_session={token}")),
    ];
    let response = get(&server, "/me", both).await;
    assert_eq!(json_of(response).await, (StatusCode::OK, me_json(&ada())));

    // Without the cookie, the header and Clerk's cookie carry no token here.
    let missing = answer(StatusCode::UNAUTHORIZED, Some("Bearer"), Reason::Missing);
    for sent in [bearer(&token), session_cookie(&token)] {
        let response = get(&server, "/me", vec![sent.clone()]).await;
        assert_eq!(refusal(response).await, missing, "{sent:?}");
    }
    let response = get(&server, "/hello", vec![bearer(&token)]).await;
    assert_eq!(
        text(response).await,
        (StatusCode::OK, "anonymous".to_owned())
    );
}
