//! An axum service with typed session claims: a protected route, a route open to anonymous visitors,
//! and a route that updates the claims with a typed patch and sets the new cookie.
//!
//! At start-up it generates a signing key (no outside service), mints a demo session for Ada Lovelace and
//! prints `curl` lines to try. Refusals are logged with `tracing`.
//!
//! Run with `cargo run --example axum_server`; it listens on `127.0.0.1:3000` (or `$PORT`), and Ctrl-C
//! stops it.

use std::error::Error;
use std::net::SocketAddr;
use std::time::Duration;

use axum::extract::{FromRef, State};
use axum::http::header::SET_COOKIE;
use axum::response::IntoResponse;
use axum::routing::{get, patch};
use axum::{Json, Router};
use claims_axum::{Authenticator, Refusal, Session, SessionCookie};
use claims_jwt::{Clerk, Minter, Payload, SessionClaims, SigningKey, Verifier};
use serde_json::{Value, json};

const ISSUER: &str = "https://clerk.example.com";
const APP: &str = "https://app.example.com";

/// The application's custom claims, checked against Clerk's reserved names and budget when this compiles.
#[derive(SessionClaims, serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
#[claims(profile = "clerk", max_size = 1200, patch)]
#[serde(rename_all = "camelCase")]
struct AppClaims {
    #[claims(max_len = 64)]
    full_name: String,
    #[claims(max_len = 254)]
    primary_email: String,
    #[claims(max_items = 8, max_len = 32)]
    roles: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tenant: Option<u64>,
}

#[derive(Clone)]
struct AppState {
    auth: Authenticator<Clerk>,
    minter: Minter<Clerk>,
    cookie: SessionCookie,
}

/// Where `Session` finds the verifier.
impl FromRef<AppState> for Authenticator<Clerk> {
    fn from_ref(state: &AppState) -> Self {
        state.auth.clone()
    }
}

/// `GET /me`: the signed-in user's typed claims, or 401 with the reason.
async fn me(session: Session<AppClaims, Clerk>) -> Json<Value> {
    Json(json!({
        "sub": session.registered().sub,
        "sid": session.layout().sid,
        "claims": session.claims(),
    }))
}

/// `GET /`: open to everyone; a present but bad token is still a 401.
async fn home(session: Option<Session<AppClaims, Clerk>>) -> String {
    match session {
        Some(session) => format!("hello {}\n", session.claims().full_name),
        None => "hello, anonymous visitor\n".to_owned(),
    }
}

/// What `PATCH /me/profile` accepts.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ProfileUpdate {
    full_name: Option<String>,
    roles: Option<Vec<String>>,
    #[serde(default)]
    leave_tenant: bool,
}

/// `PATCH /me/profile`: a typed patch of the claims, re-minted into a new `__session` cookie; 422 when
/// the result would break a bound (nothing changes then).
async fn update_profile(
    State(state): State<AppState>,
    session: Session<AppClaims, Clerk>,
    Json(update): Json<ProfileUpdate>,
) -> Result<impl IntoResponse, Refusal> {
    let mut patch = AppClaimsPatch::new();
    if let Some(full_name) = update.full_name {
        patch = patch.set_full_name(full_name);
    }
    if let Some(roles) = update.roles {
        patch = patch.set_roles(roles);
    }
    if update.leave_tenant {
        patch = patch.remove_tenant();
    }
    let reissued = state.minter.reissue_typed(session.token(), &patch)?;
    let set_cookie = state.cookie.set_cookie(reissued.minted())?;
    Ok((
        [(SET_COOKIE, set_cookie)],
        Json(reissued.payload().custom.clone()),
    ))
}

/// A fresh 256-bit HS256 key: the demo needs no key file and no outside service.
fn generated_key() -> Result<SigningKey, Box<dyn Error>> {
    let mut secret = [0_u8; 32];
    getrandom::fill(&mut secret)?;
    Ok(SigningKey::hs256(&secret)?.with_kid("ins_demo"))
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    // Refusals are logged (reason, status, where the token was; never the token) on stderr.
    tracing_subscriber::fmt()
        .with_target(false)
        .with_writer(std::io::stderr)
        .init();

    let port: u16 = match std::env::var("PORT") {
        Ok(port) => port
            .parse()
            .map_err(|_| format!("PORT={port:?} is not a port number; use 1 to 65535"))?,
        Err(_) => 3000,
    };
    let key = generated_key()?;
    // Clerk's own tokens live 60 s and are refreshed by its frontend; this demo has no frontend, so its
    // one token lives an hour, and both sides are told so.
    let lifetime = Duration::from_secs(3600);
    let minter = Minter::<Clerk>::new(key.clone())
        .with_issuer(ISSUER)
        .with_ttl(lifetime)
        .with_max_lifetime(lifetime);
    let verifier = Verifier::<Clerk>::new(key.verifying_key())
        .with_issuer(ISSUER)
        .with_authorized_party(APP)
        .with_max_lifetime(lifetime);

    let claims = AppClaims {
        full_name: "Ada Lovelace".into(),
        primary_email: "ada@example.com".into(),
        roles: vec!["admin".into()],
        tenant: Some(42),
    };
    let session = Clerk {
        azp: Some(APP.into()),
        sid: Some("sess_2pJ8kQ3vX9mN4rT6yW1zB5cD7fG".into()),
        v: Some(2),
        ..Clerk::default()
    };
    let demo = minter.mint(
        &Payload::new(claims)
            .with_subject("user_2pJ8kQ3vX9mN4rT6yW1zB5cD7fH")
            .with_layout(session),
    )?;

    let state = AppState {
        auth: Authenticator::new(verifier),
        cookie: SessionCookie::for_minter(&minter),
        minter,
    };
    let app = Router::new()
        .route("/", get(home))
        .route("/me", get(me))
        .route("/me/profile", patch(update_profile))
        .with_state(state);

    let listener = tokio::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], port))).await?;
    let url = format!("http://{}", listener.local_addr()?);
    println!("listening on {url}; Ctrl-C stops the server\n");
    println!(
        "A demo session for Ada Lovelace, valid for an hour, signed with a key generated just now:"
    );
    println!("export TOKEN={demo}\n");
    println!("curl -i {url}/me -H \"Authorization: Bearer $TOKEN\"   # 200, the typed claims");
    println!("curl -i {url}/me --cookie \"__session=$TOKEN\"         # 200, from Clerk's cookie");
    println!("curl -i {url}/                                       # 200, anonymous");
    println!("curl -i {url}/ -H \"Authorization: Bearer ${{TOKEN}}x\" # 401 bad_signature");
    println!("curl -i {url}/me                                     # 401 missing");
    let update = format!(
        "curl -i -X PATCH {url}/me/profile -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json'"
    );
    println!("{update} -d '{{\"roles\":[\"owner\"],\"leaveTenant\":true}}'   # 200 and Set-Cookie");
    println!(
        "{update} -d '{{\"fullName\":\"{}\"}}'   # 422, over max_len = 64",
        "A".repeat(65)
    );

    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            // If the signal handler can't be installed, the server runs until killed.
            if tokio::signal::ctrl_c().await.is_err() {
                std::future::pending::<()>().await;
            }
            println!("Ctrl-C: finishing the requests in flight");
        })
        .await?;
    println!("stopped");
    Ok(())
}
