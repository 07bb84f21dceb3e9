//! Request handlers without a web framework, on claims-axum's framework-neutral core: what an adapter for
//! actix-web, poem or plain hyper does. Requests are `http::Request`s; each answer comes from
//! `Authenticator::authenticate`, `Refusal::http_response` and `SessionCookie::set_cookie`, never from
//! matching on message text.
//!
//! Run with `cargo run --example handler`.

use std::time::Duration;

use claims_axum::neutral::{Authenticator, Reason, Refusal, SessionCookie, VerifiedSession};
use claims_jwt::{Clerk, Clock, Error, Minter, Payload, SessionClaims, SigningKey, Verifier};
use http::header::{COOKIE, SET_COOKIE, WWW_AUTHENTICATE};
use http::{Request, Response};
use serde_json::{Value, json};

#[derive(SessionClaims, serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
#[claims(profile = "clerk", max_size = 400)]
#[serde(rename_all = "camelCase")]
struct AppClaims {
    #[claims(max_len = 64)]
    full_name: String,
    #[claims(max_items = 8, max_len = 32)]
    roles: Vec<String>,
}

struct App {
    auth: Authenticator<Clerk>,
    minter: Minter<Clerk>,
    cookie: SessionCookie,
}

impl App {
    /// The verified session of `request`, or why not: all a framework adapter needs from the core.
    fn session<B>(
        &self,
        request: &Request<B>,
    ) -> Result<VerifiedSession<AppClaims, Clerk>, Refusal> {
        self.auth
            .authenticate::<AppClaims>(request.headers())?
            .ok_or(Refusal::new(Reason::Missing))
    }

    /// `GET /me`: who is signed in.
    fn me(&self, request: &Request<()>) -> Response<String> {
        match self.session(request) {
            Ok(session) => Response::new(format!(
                "hello {} ({:?})",
                session.claims().full_name,
                session.claims().roles
            )),
            Err(refusal) => refusal.http_response(),
        }
    }

    /// `PATCH /me/claims`: apply a JSON merge patch and set the re-minted cookie.
    fn update(&self, request: &Request<Value>) -> Response<String> {
        let set_cookie = self.session(request).and_then(|session| {
            let reissued = self.minter.reissue(session.token(), request.body())?;
            self.cookie.set_cookie(reissued.minted())
        });
        match set_cookie {
            Ok(set_cookie) => {
                let mut response = Response::new("updated".to_owned());
                response.headers_mut().insert(SET_COOKIE, set_cookie);
                response
            }
            Err(refusal) => refusal.http_response(),
        }
    }
}

/// A request carrying `cookie`.
fn request<B>(cookie: &str, body: B) -> Request<B> {
    let mut request = Request::new(body);
    if let Ok(value) = cookie.parse() {
        request.headers_mut().insert(COOKIE, value);
    }
    request
}

fn show(what: &str, response: &Response<String>) {
    let challenge = response
        .headers()
        .get(WWW_AUTHENTICATE)
        .map(|value| format!(" [WWW-Authenticate: {}]", value.to_str().unwrap_or("?")))
        .unwrap_or_default();
    println!(
        "{what} -> {}{challenge} {}",
        response.status(),
        response.body()
    );
    if let Some(cookie) = response
        .headers()
        .get(SET_COOKIE)
        .and_then(|v| v.to_str().ok())
    {
        // The token itself is a credential: show its length, not its text.
        let (pair, attributes) = cookie.split_once(';').unwrap_or((cookie, ""));
        let (name, token) = pair.split_once('=').unwrap_or((pair, ""));
        println!(
            "  Set-Cookie: {name}=<a {}-byte token>;{attributes}",
            token.len()
        );
    }
}

fn main() -> Result<(), Error> {
    let key =
        SigningKey::hs256(b"handler example secret, 32 bytes or more")?.with_kid("ins_example");
    let minter = Minter::<Clerk>::new(key.clone())
        .with_issuer("https://clerk.example.com")
        .with_ttl(Duration::from_secs(60));
    let verifier = Verifier::new(key.verifying_key()).with_issuer("https://clerk.example.com");
    let app = App {
        auth: Authenticator::new(verifier.clone()),
        cookie: SessionCookie::for_minter(&minter),
        minter: minter.clone(),
    };
    let claims = AppClaims {
        full_name: "Ada Lovelace".into(),
        roles: vec!["admin".into()],
    };
    let token = minter.mint(&Payload::new(claims).with_subject("user_1"))?;
    let cookie = format!("theme=dark; __session={token}");

    show("GET /me", &app.me(&request(&cookie, ())));
    show("GET /me (no cookie)", &app.me(&request("theme=dark", ())));
    let tampered = cookie.replace(".ey", ".eX");
    show("GET /me (tampered)", &app.me(&request(&tampered, ())));
    let an_hour_later = App {
        auth: Authenticator::new(verifier.with_clock(Clock::fixed(Clock::system().now() + 3600))),
        cookie: app.cookie.clone(),
        minter,
    };
    show(
        "GET /me (an hour later)",
        &an_hour_later.me(&request(&cookie, ())),
    );
    let forged = json!({"sid": "sess_forged"});
    show(
        &format!("PATCH /me/claims {forged}"),
        &app.update(&request(&cookie, forged)),
    );
    let roles = json!({"roles": ["owner"]});
    show(
        &format!("PATCH /me/claims {roles}"),
        &app.update(&request(&cookie, roles)),
    );
    Ok(())
}
