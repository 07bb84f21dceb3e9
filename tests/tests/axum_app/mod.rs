//! The application the loopback suites run: a real axum server on `127.0.0.1:0` using claims-axum, the
//! tokens to send it, and a real HTTP client.

// Each suite is its own crate and uses a part of this module.
#![allow(dead_code)]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use axum::extract::{FromRef, Request, State};
use axum::http::header::SET_COOKIE;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, patch};
use axum::serve::ListenerExt;
use axum::{Json, Router};
use claims_axum::{Authenticator, Refusal, Session, SessionCookie, TokenSources};
use claims_jwt::claims_core::BoundKind;
use claims_jwt::claims_core::size::CookieSpec;
use claims_jwt::{Clerk, Clock, Minter, Payload, SessionClaims, SigningKey, Verifier};
use serde_json::{Value, json};

pub(crate) const SECRET: &[u8] = b"axum loopback tests: a secret of 32 bytes or more";
/// The key of the nested `/admin` router, which trusts only tokens signed with it.
pub(crate) const ADMIN_SECRET: &[u8] = b"axum loopback tests: the admin router's own secret";
pub(crate) const ISSUER: &str = "https://clerk.example.com";
pub(crate) const APP: &str = "https://app.example.com";
pub(crate) const SUBJECT: &str = "user_2pJ8kQ3vX9mN4rT6yW1zB5cD7fH";
pub(crate) const SESSION_ID: &str = "sess_2pJ8kQ3vX9mN4rT6yW1zB5cD7fG";

#[derive(SessionClaims, serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
#[claims(profile = "clerk", max_size = 1200, patch)]
#[serde(rename_all = "camelCase")]
pub(crate) struct AppClaims {
    #[claims(max_len = 64)]
    pub(crate) full_name: String,
    #[claims(max_items = 8, max_len = 32)]
    pub(crate) roles: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) tenant: Option<u64>,
}

pub(crate) fn ada() -> AppClaims {
    AppClaims {
        full_name: "Ada Lovelace".into(),
        roles: vec!["admin".into()],
        tenant: Some(42),
    }
}

/// The JSON `GET /me` answers for `claims` in a token of [`SUBJECT`] and [`SESSION_ID`].
pub(crate) fn me_json(claims: &AppClaims) -> Value {
    json!({"sub": SUBJECT, "sid": SESSION_ID, "claims": claims})
}

pub(crate) fn now() -> u64 {
    Clock::system().now()
}

/// How long the test tokens live: 10 minutes, past Clerk's 60 s, so that the suites can move the clock.
const LIFETIME: Duration = Duration::from_secs(600);

/// The server's minter: Clerk's layout, [`ISSUER`], [`LIFETIME`].
pub(crate) fn minter() -> Minter<Clerk> {
    minter_with(SECRET)
}

/// The server's minter with the key `secret` instead.
pub(crate) fn minter_with(secret: &[u8]) -> Minter<Clerk> {
    Minter::<Clerk>::new(
        SigningKey::hs256(secret)
            .expect("a 32-byte secret")
            .with_kid("ins_test"),
    )
    .with_issuer(ISSUER)
    .with_ttl(LIFETIME)
    .with_max_lifetime(LIFETIME)
}

/// What the server accepts: its key, [`ISSUER`], the authorized party [`APP`].
pub(crate) fn verifier(clock: Clock) -> Verifier<Clerk> {
    verifier_with(SECRET, clock)
}

/// What the server accepts, with the key `secret` instead.
pub(crate) fn verifier_with(secret: &[u8], clock: Clock) -> Verifier<Clerk> {
    Verifier::<Clerk>::new(
        SigningKey::hs256(secret)
            .expect("a 32-byte secret")
            .verifying_key(),
    )
    .with_max_lifetime(LIFETIME)
    .with_issuer(ISSUER)
    .with_authorized_party(APP)
    .with_clock(clock)
}

/// A token for `claims` minted by `minter` at `at`, for the authorized party `azp`.
pub(crate) fn token_from(minter: &Minter<Clerk>, at: u64, azp: &str, claims: AppClaims) -> String {
    let layout = Clerk {
        azp: Some(azp.into()),
        sid: Some(SESSION_ID.into()),
        v: Some(2),
        ..Clerk::default()
    };
    minter
        .clone()
        .with_clock(Clock::fixed(at))
        .mint(
            &Payload::new(claims)
                .with_subject(SUBJECT)
                .with_layout(layout),
        )
        .expect("the test claims fit")
        .into_string()
}

/// A token the server accepts, for [`ada`].
pub(crate) fn valid_token() -> String {
    token_from(&minter(), now(), APP, ada())
}

/// The server's state.
#[derive(Clone)]
struct AppState {
    auth: Authenticator<Clerk>,
    minter: Minter<Clerk>,
    cookie: SessionCookie,
    seen: Seen,
}

impl FromRef<AppState> for Authenticator<Clerk> {
    fn from_ref(state: &AppState) -> Self {
        state.auth.clone()
    }
}

/// What the server saw, for the tests to check.
#[derive(Clone, Default)]
struct Seen {
    verifications: Arc<AtomicUsize>,
    answered: Arc<AtomicUsize>,
    accepted: Arc<AtomicUsize>,
}

/// A running server and what it saw.
pub(crate) struct TestServer {
    pub(crate) base: String,
    seen: Seen,
}

impl TestServer {
    /// How many tokens the verifier checked claims for (its clock is read once per verification).
    pub(crate) fn verifications(&self) -> usize {
        self.seen.verifications.load(Ordering::SeqCst)
    }

    /// How many responses the server has sent.
    pub(crate) fn answered(&self) -> usize {
        self.seen.answered.load(Ordering::SeqCst)
    }

    /// How many connections the server has accepted. Counted at accept: distinct peer ports would
    /// undercount, as Linux reuses a loopback port still in `TIME_WAIT` (`tcp_tw_reuse`).
    pub(crate) fn connections(&self) -> usize {
        self.seen.accepted.load(Ordering::SeqCst)
    }

    pub(crate) fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

/// Starts the application on `127.0.0.1:0`, reading the default token sources, and returns once it
/// accepts connections.
pub(crate) async fn spawn() -> TestServer {
    spawn_reading(TokenSources::default()).await
}

/// Starts the application reading tokens from `sources`.
pub(crate) async fn spawn_reading(sources: TokenSources) -> TestServer {
    let seen = Seen::default();
    let counter = Arc::clone(&seen.verifications);
    let clock = Clock::from_fn(move || {
        counter.fetch_add(1, Ordering::SeqCst);
        Clock::system().now()
    });
    let minter = minter();
    let state = AppState {
        auth: Authenticator::new(verifier(clock)).with_sources(sources),
        cookie: SessionCookie::for_minter(&minter),
        minter,
        seen: seen.clone(),
    };
    // A nested router with its own, stricter authenticator, under the site-wide layer that checks with
    // the public one: the layer's verdict must not be taken for its own.
    let admin = Router::new()
        .route("/panel", get(admin_panel))
        .with_state(Authenticator::new(verifier_with(
            ADMIN_SECRET,
            Clock::system(),
        )));
    let app = Router::new()
        .route("/me", get(me))
        .route("/hello", get(hello))
        .route("/twice", get(twice))
        .route("/custom", get(custom))
        .route("/me/claims", patch(update))
        .route("/me/claims/tiny-cookie", patch(update_tiny_cookie))
        .route("/fault", get(fault))
        .nest("/admin", admin)
        .layer(middleware::from_fn_with_state(state.clone(), record))
        .layer(middleware::from_fn_with_state(state.clone(), signed_in))
        .with_state(state);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a loopback port");
    let addr = listener.local_addr().expect("bound");
    let accepted = Arc::clone(&seen.accepted);
    let listener = listener.tap_io(move |_| {
        accepted.fetch_add(1, Ordering::SeqCst);
    });
    tokio::spawn(async move {
        axum::serve(listener, app).await.expect("the server runs");
    });
    TestServer {
        base: format!("http://{addr}"),
        seen,
    }
}

/// Counts the answers.
async fn record(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    state.seen.answered.fetch_add(1, Ordering::SeqCst);
    response
}

/// A site-wide layer, as an application writes one to note who is signed in: it checks the session with
/// the public authenticator, whatever the route, and lets every request through.
async fn signed_in(
    session: Result<Option<Session<AppClaims, Clerk>>, Refusal>,
    request: Request,
    next: Next,
) -> Response {
    let who = match &session {
        Ok(Some(session)) => session.registered().sub.as_deref().unwrap_or("?"),
        Ok(None) => "anonymous",
        Err(refusal) => refusal.reason().as_str(),
    };
    tracing::debug!(who, "site-wide layer");
    next.run(request).await
}

/// Under `/admin`, whose router has its own authenticator.
async fn admin_panel(session: Session<AppClaims, Clerk>) -> String {
    format!("admin {}", session.claims().full_name)
}

async fn me(session: Session<AppClaims, Clerk>) -> Json<Value> {
    Json(json!({
        "sub": session.registered().sub,
        "sid": session.layout().sid,
        "claims": session.claims(),
    }))
}

async fn hello(session: Option<Session<AppClaims, Clerk>>) -> String {
    match session {
        Some(session) => format!("hello {}", session.claims().full_name),
        None => "anonymous".to_owned(),
    }
}

/// Two extractors of the same session: the request is verified once.
async fn twice(
    first: Session<AppClaims, Clerk>,
    second: Option<Session<AppClaims, Clerk>>,
) -> String {
    let second = second.expect("the same session");
    format!("{} {}", first.claims().full_name, second.claims().full_name)
}

/// The application's own refusal: a redirect to sign in, with the reason.
struct SignIn(Refusal);

impl From<Refusal> for SignIn {
    fn from(refusal: Refusal) -> Self {
        SignIn(refusal)
    }
}

impl IntoResponse for SignIn {
    fn into_response(self) -> Response {
        Redirect::to(&format!("/sign-in?reason={}", self.0.reason())).into_response()
    }
}

async fn custom(session: Session<AppClaims, Clerk, SignIn>) -> String {
    session.claims().full_name.clone()
}

/// An RFC 7396 patch of the claims: the new claims and the cookie carrying them, or 422.
async fn update(
    State(state): State<AppState>,
    session: Session<AppClaims, Clerk>,
    Json(patch): Json<Value>,
) -> Result<impl IntoResponse, Refusal> {
    reissue(&state.minter, &session, &patch, &state.cookie)
}

/// The same update, written to a cookie limited to 100 bytes, which no session token fits: a 500.
async fn update_tiny_cookie(
    State(state): State<AppState>,
    session: Session<AppClaims, Clerk>,
    Json(patch): Json<Value>,
) -> Result<impl IntoResponse, Refusal> {
    let tiny = SessionCookie::new(CookieSpec::session().with_limit(100));
    reissue(&state.minter, &session, &patch, &tiny)
}

/// `session` re-minted with `patch` merged, answered with the new claims and `cookie` carrying it.
fn reissue(
    minter: &Minter<Clerk>,
    session: &Session<AppClaims, Clerk>,
    patch: &Value,
    cookie: &SessionCookie,
) -> Result<impl IntoResponse + use<>, Refusal> {
    let reissued = minter.reissue(session.token(), patch)?;
    let set_cookie = cookie.set_cookie(reissued.minted())?;
    Ok((
        [(SET_COOKIE, set_cookie)],
        Json(reissued.payload().custom.clone()),
    ))
}

/// The server-side fault `GET /fault` answers with: a reissue whose provider claims outgrew their bounds.
pub(crate) fn layout_fault() -> claims_jwt::Error {
    claims_jwt::Error::LayoutBound {
        claim: "sid".into(),
        bound: BoundKind::MaxLen,
        limit: Some(64),
        actual: 65,
    }
}

/// A handler failing on the server's side, as a reissue can: its refusal is returned, not extracted.
async fn fault() -> Result<String, Refusal> {
    Err(Refusal::from(layout_fault()))
}

/// A client that talks to the loopback server directly (never through a proxy), bounded in time.
pub(crate) fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(10))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("a client")
}
