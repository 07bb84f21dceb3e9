//! Request handlers without a web framework: read the `__session` cookie, verify it, and turn every
//! refusal into an HTTP status with `Error::status()`, never by matching on message text.
//!
//! Run with `cargo run --example handler`.

use std::time::Duration;

use claims_jwt::{
    Clerk, Clock, Error, ErrorKind, Minter, Payload, SessionClaims, SigningKey, Verifier,
};
use serde_json::json;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
#[claims(profile = "clerk", max_size = 400, patch)]
#[serde(rename_all = "camelCase")]
struct AppClaims {
    #[claims(max_len = 64)]
    full_name: String,
    #[claims(max_items = 8, max_len = 32)]
    roles: Vec<String>,
}

/// What a framework would turn into a response.
#[derive(Debug)]
struct Response {
    status: u16,
    body: String,
}

impl From<Error> for Response {
    fn from(err: Error) -> Self {
        // The kind decides what the client may learn: details of a refused token stay in the log.
        let body = match err.kind() {
            ErrorKind::Malformed => "malformed session token".to_owned(),
            ErrorKind::Unauthorized => "please sign in again".to_owned(),
            ErrorKind::InvalidUpdate => err.to_string(),
            _ => "internal error".to_owned(),
        };
        eprintln!("  log: {err}");
        Response {
            status: err.status(),
            body,
        }
    }
}

/// The value of cookie `name` in a `Cookie:` request header.
fn cookie<'h>(header: &'h str, name: &str) -> Option<&'h str> {
    header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find_map(|(key, value)| (key == name).then_some(value))
}

struct App {
    minter: Minter<Clerk>,
    verifier: Verifier<Clerk>,
}

impl App {
    /// `GET /me`: who is signed in.
    fn me(&self, cookie_header: &str) -> Response {
        let Some(token) = cookie(cookie_header, self.minter.cookie().name()) else {
            return Response {
                status: 401,
                body: "no session".into(),
            };
        };
        match self.verifier.verify::<AppClaims>(token) {
            Ok(token) => Response {
                status: 200,
                body: format!(
                    "hello {} ({:?})",
                    token.claims().full_name,
                    token.claims().roles
                ),
            },
            Err(err) => err.into(),
        }
    }

    /// `PATCH /me/claims`: apply a JSON merge patch and set the re-minted cookie.
    fn update(&self, cookie_header: &str, patch: &serde_json::Value) -> Response {
        let Some(token) = cookie(cookie_header, self.minter.cookie().name()) else {
            return Response {
                status: 401,
                body: "no session".into(),
            };
        };
        let result = self
            .verifier
            .verify::<AppClaims>(token)
            .and_then(|token| self.minter.reissue(&token, patch));
        match result {
            Ok(reissued) => Response {
                status: 200,
                body: format!(
                    "Set-Cookie: {}={}; Path=/; Secure; HttpOnly; SameSite=Lax",
                    self.minter.cookie().name(),
                    reissued.minted()
                ),
            },
            Err(err) => err.into(),
        }
    }
}

fn main() -> Result<(), Error> {
    let key =
        SigningKey::hs256(b"handler example secret, 32 bytes or more")?.with_kid("ins_example");
    let app = App {
        minter: Minter::new(key.clone())
            .with_issuer("https://clerk.example.com")
            .with_ttl(Duration::from_secs(60)),
        verifier: Verifier::new(key.verifying_key()).with_issuer("https://clerk.example.com"),
    };
    let claims = AppClaims {
        full_name: "Ada Lovelace".into(),
        roles: vec!["admin".into()],
    };
    let token = app
        .minter
        .mint(&Payload::new(claims).with_subject("user_1"))?;
    let header = format!("theme=dark; __session={token}");

    let show = |request: &str, response: Response| {
        println!("{request} -> {} {}", response.status, response.body);
    };
    show("GET /me", app.me(&header));
    show("GET /me (tampered)", app.me(&header.replace(".ey", ".eX")));
    let an_hour_later = App {
        minter: app.minter.clone(),
        verifier: app
            .verifier
            .clone()
            .with_clock(Clock::fixed(Clock::system().now() + 3600)),
    };
    show("GET /me (an hour later)", an_hour_later.me(&header));
    show(
        "PATCH /me/claims {\"sid\": ...}",
        app.update(&header, &json!({"sid": "sess_forged"})),
    );
    show(
        "PATCH /me/claims {\"roles\": [\"owner\"]}",
        app.update(&header, &json!({"roles": ["owner"]})),
    );
    Ok(())
}
