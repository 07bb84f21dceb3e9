//! What the remote-key suites share: a JWKS server on `127.0.0.1:0` that answers every request with the
//! reply the test sets (status, headers, body, a delay, a body streamed without a length), counts the
//! requests and records their paths; the test keys with their public JWKs; a clock the test moves by hand;
//! and generic tokens with a verifier that fetches their keys from the server.

use std::collections::HashMap;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{Response, StatusCode, Uri};
use claims_jwt::jsonwebtoken::jwk::Jwk;
use claims_jwt::jsonwebtoken::{Algorithm, EncodingKey};
use claims_jwt::{Clock, Generic, JwksOptions, Minter, Payload, RemoteJwks, SigningKey, Verifier};
use serde_json::{Value, json};

use crate::{Dynamic, NOW, keys};

/// The issuer of the suites' generic tokens.
pub const ISSUER: &str = "https://auth.example.com";

/// How long the suites' tokens live: 30 days, so that the cache's clock can move by days while a token
/// stays valid. Over [`Generic`]'s maximum lifetime, so minter and verifier both raise theirs to it.
pub const TOKEN_TTL: Duration = Duration::from_secs(30 * 24 * 3600);

/// A generic token for `user_1` from [`ISSUER`], signed by `key`, issued at `now`, valid for [`TOKEN_TTL`].
///
/// # Panics
///
/// If minting fails, which it does not for the test keys.
pub fn mint(key: &TestKey, now: u64) -> String {
    Minter::<Generic>::new(key.signing.clone())
        .with_issuer(ISSUER)
        .with_max_lifetime(TOKEN_TTL)
        .with_ttl(TOKEN_TTL)
        .with_clock(Clock::fixed(now))
        .mint(&Payload::new(Dynamic::new()).with_subject("user_1"))
        .expect("a test token")
        .into_string()
}

/// A verifier of [`ISSUER`]'s tokens whose keys come from `server`'s `/jwks` with `options`; the cache
/// and the token checks both read `clock`.
///
/// # Panics
///
/// If the remote set cannot be built, which it can for a loopback URL.
pub fn remote_verifier(
    server: &JwksServer,
    options: JwksOptions,
    clock: &ManualClock,
) -> Verifier<Generic> {
    let jwks = RemoteJwks::new(&server.url("/jwks"), options.with_clock(clock.clock()))
        .expect("a remote JWKS on loopback");
    Verifier::<Generic>::from_remote_jwks(jwks)
        .with_issuer(ISSUER)
        .with_max_lifetime(TOKEN_TTL)
        .with_clock(clock.clock())
}

/// A server answering `reply`, a clock at [`NOW`], and a [`remote_verifier`] of the server with `options`.
pub async fn serve(
    reply: Reply,
    options: JwksOptions,
) -> (JwksServer, ManualClock, Verifier<Generic>) {
    let server = JwksServer::start(reply).await;
    let clock = ManualClock::at(NOW);
    let verifier = remote_verifier(&server, options, &clock);
    (server, clock, verifier)
}

/// What the server answers.
#[derive(Clone, Debug)]
pub struct Reply {
    /// The HTTP status.
    pub status: u16,
    /// The headers, in order.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
    /// How long to wait before answering.
    pub delay: Duration,
    /// Whether to stream the body in 256-byte chunks without a `Content-Length`.
    pub chunked: bool,
    /// With `chunked`, the pause before each chunk after the first.
    pub chunk_delay: Duration,
}

impl Reply {
    /// A 200 with `body` as `application/json`.
    pub fn json(body: impl Into<Vec<u8>>) -> Self {
        Reply {
            status: 200,
            headers: vec![("content-type".into(), "application/json".into())],
            body: body.into(),
            delay: Duration::ZERO,
            chunked: false,
            chunk_delay: Duration::ZERO,
        }
    }

    /// A 200 with the JWK set of `keys`.
    pub fn jwks<'k>(keys: impl IntoIterator<Item = &'k Value>) -> Self {
        let keys: Vec<&Value> = keys.into_iter().collect();
        Self::json(json!({ "keys": keys }).to_string())
    }

    /// This reply with another status.
    #[must_use]
    pub fn with_status(mut self, status: u16) -> Self {
        self.status = status;
        self
    }

    /// This reply with one more header.
    #[must_use]
    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// This reply without any header.
    #[must_use]
    pub fn without_headers(mut self) -> Self {
        self.headers.clear();
        self
    }

    /// This reply after `delay`.
    #[must_use]
    pub fn with_delay(mut self, delay: Duration) -> Self {
        self.delay = delay;
        self
    }

    /// This reply streamed without a `Content-Length`.
    #[must_use]
    pub fn chunked(mut self) -> Self {
        self.chunked = true;
        self
    }

    /// This reply streamed, pausing `delay` before each chunk after the first (a body that stalls).
    #[must_use]
    pub fn with_chunk_delay(mut self, delay: Duration) -> Self {
        self.chunked = true;
        self.chunk_delay = delay;
        self
    }
}

struct Shared {
    reply: Mutex<Reply>,
    by_path: Mutex<HashMap<String, Reply>>,
    requests: AtomicUsize,
    paths: Mutex<Vec<String>>,
}

/// The server; it stops when dropped.
pub struct JwksServer {
    addr: SocketAddr,
    shared: Arc<Shared>,
    task: tokio::task::JoinHandle<()>,
}

impl JwksServer {
    /// Starts a server on `127.0.0.1:0` answering `reply`, on the current Tokio runtime.
    ///
    /// # Panics
    ///
    /// If no loopback port can be bound.
    pub async fn start(reply: Reply) -> Self {
        let shared = Arc::new(Shared {
            reply: Mutex::new(reply),
            by_path: Mutex::new(HashMap::new()),
            requests: AtomicUsize::new(0),
            paths: Mutex::new(Vec::new()),
        });
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a loopback port");
        let addr = listener.local_addr().expect("a bound address");
        let app = Router::new()
            .fallback(answer)
            .with_state(Arc::clone(&shared));
        let task = tokio::spawn(async move {
            // Ends when the task is aborted (on drop); an error here means the listener broke.
            axum::serve(listener, app)
                .await
                .expect("the JWKS server runs");
        });
        JwksServer { addr, shared, task }
    }

    /// `http://127.0.0.1:<port>`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// `http://127.0.0.1:<port><path>`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url())
    }

    /// Answers `reply` from now on.
    pub fn set(&self, reply: Reply) {
        *self
            .shared
            .reply
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = reply;
    }

    /// Answers `reply` on `path` only, from now on (other paths get the reply of [`JwksServer::set`]).
    pub fn set_path(&self, path: &str, reply: Reply) {
        self.shared
            .by_path
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(path.to_owned(), reply);
    }

    /// The requests received so far.
    pub fn requests(&self) -> usize {
        self.shared.requests.load(Ordering::SeqCst)
    }

    /// The paths requested so far, in order.
    pub fn paths(&self) -> Vec<String> {
        self.shared
            .paths
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Waits until `n` requests have arrived (a background refresh) and returns the count then; see
    /// [`eventually`].
    pub async fn wait_for_requests(&self, n: usize) -> usize {
        eventually(|| self.requests() >= n).await;
        self.requests()
    }
}

impl Drop for JwksServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn answer(State(shared): State<Arc<Shared>>, uri: Uri) -> Response<Body> {
    shared.requests.fetch_add(1, Ordering::SeqCst);
    shared
        .paths
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push(uri.path().to_owned());
    let by_path = shared
        .by_path
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get(uri.path())
        .cloned();
    let reply = by_path.unwrap_or_else(|| {
        shared
            .reply
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    });
    tokio::time::sleep(reply.delay).await;
    let body = if reply.chunked {
        let chunks: Vec<Bytes> = reply.body.chunks(256).map(Bytes::copy_from_slice).collect();
        let pause = reply.chunk_delay;
        let stream = futures_util::stream::unfold(
            (chunks.into_iter(), false),
            move |(mut rest, started)| async move {
                let chunk = rest.next()?;
                if started {
                    tokio::time::sleep(pause).await;
                }
                Some((Ok::<_, Infallible>(chunk), (rest, true)))
            },
        );
        Body::from_stream(stream)
    } else {
        Body::from(reply.body)
    };
    let mut response =
        Response::builder().status(StatusCode::from_u16(reply.status).expect("a status"));
    for (name, value) in &reply.headers {
        response = response.header(name, value);
    }
    response.body(body).expect("a response")
}

/// Waits until `done` holds, for at most 5 s in 10 ms steps, yielding to the runtime in between (so a
/// background refresh on the same thread runs); returns whether it held.
pub async fn eventually(done: impl Fn() -> bool) -> bool {
    for _ in 0..500 {
        if done() {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    done()
}

/// A test key: its signing key (with `kid`) and its public JWK.
pub struct TestKey {
    /// Signs tokens; its `kid` is the JWK's.
    pub signing: SigningKey,
    /// The public JWK, as a JWKS member.
    pub jwk: Value,
}

impl TestKey {
    /// The RSA 2048 test key, RS256, with `kid`.
    ///
    /// # Panics
    ///
    /// If the test key in `claims-jwt/tests/keys` is unreadable; likewise for the others.
    pub fn rsa(kid: &str) -> Self {
        Self::new(
            SigningKey::from_rsa_pem(Algorithm::RS256, keys::RSA).expect("the RSA test key"),
            &EncodingKey::from_rsa_pem(keys::RSA).expect("the RSA test key"),
            kid,
        )
    }

    /// The P-256 test key, ES256, with `kid`.
    ///
    /// # Panics
    ///
    /// See [`TestKey::rsa`].
    pub fn p256(kid: &str) -> Self {
        Self::new(
            SigningKey::from_ec_pem(Algorithm::ES256, keys::P256).expect("the P-256 test key"),
            &EncodingKey::from_ec_pem(keys::P256).expect("the P-256 test key"),
            kid,
        )
    }

    /// The Ed25519 test key, `EdDSA`, with `kid`.
    ///
    /// # Panics
    ///
    /// See [`TestKey::rsa`].
    pub fn ed25519(kid: &str) -> Self {
        Self::new(
            SigningKey::from_ed_pem(keys::ED).expect("the Ed25519 test key"),
            &EncodingKey::from_ed_pem(keys::ED).expect("the Ed25519 test key"),
            kid,
        )
    }

    fn new(signing: SigningKey, private: &EncodingKey, kid: &str) -> Self {
        let alg = signing.algorithm();
        let mut jwk = Jwk::from_encoding_key(private, alg).expect("a public JWK");
        jwk.common.key_id = Some(kid.to_owned());
        TestKey {
            signing: signing.with_kid(kid),
            jwk: serde_json::to_value(jwk).expect("a JWK in JSON"),
        }
    }

    /// The public JWK with `member` set to `value` (e.g. `use: enc`).
    pub fn jwk_with(&self, member: &str, value: Value) -> Value {
        let mut jwk = self.jwk.clone();
        jwk[member] = value;
        jwk
    }
}

/// A clock the test sets by hand, shared by every [`Clock`] made from it.
#[derive(Clone, Debug)]
pub struct ManualClock(Arc<AtomicU64>);

impl ManualClock {
    /// A clock reading `now`.
    pub fn at(now: u64) -> Self {
        ManualClock(Arc::new(AtomicU64::new(now)))
    }

    /// A [`Clock`] reading this one.
    pub fn clock(&self) -> Clock {
        let time = Arc::clone(&self.0);
        Clock::from_fn(move || time.load(Ordering::SeqCst))
    }

    /// The time.
    pub fn now(&self) -> u64 {
        self.0.load(Ordering::SeqCst)
    }

    /// Moves the time to `now`.
    pub fn set(&self, now: u64) {
        self.0.store(now, Ordering::SeqCst);
    }

    /// Moves the time forward by `secs`.
    pub fn advance(&self, secs: u64) {
        self.0.fetch_add(secs, Ordering::SeqCst);
    }
}
