//! A remote JWK set (feature `remote-jwks`): fetched over HTTPS, cached by `Cache-Control`, refreshed by
//! one caller for all when a token names an unknown `kid`, and served stale within a limit while the
//! provider is down.

mod cache;
mod error;
mod fetch;
mod options;

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use arc_swap::ArcSwapOption;
use reqwest::Url;
use tokio::sync::Mutex;

use self::cache::{Freshness, Need, Pacing};
pub use self::error::JwksError;
pub use self::options::JwksOptions;
use crate::{Error, KeySet};

/// The keys of a remote JWK set, for [`crate::Verifier::from_remote_jwks`] (Clerk's and Stytch's
/// verifiers build one for you). Cloning shares the cache: keep one per key set, in the application's
/// state.
///
/// * **Hot path.** A verification reads the current set from a lock-free snapshot: it never waits on a
///   fetch for a key the set already holds, nor takes a lock.
/// * **Lifetime.** A set is fresh for the response's `Cache-Control: max-age`, clamped between
///   [`JwksOptions::MIN_TTL`] and [`JwksOptions::MAX_TTL`] ([`JwksOptions::DEFAULT_TTL`] without one).
///   Past that, it keeps serving while one background task refreshes it.
/// * **Rotation.** A token whose `kid` is not in the set makes [`crate::Verifier::verify_async`] fetch the
///   set again, at most once per [`JwksOptions::REFRESH_INTERVAL`]: every caller that needs a fetch
///   meanwhile waits on that one fetch, then looks the key up once more.
/// * **Outages.** After a failed fetch the next waits [`JwksOptions::MIN_BACKOFF`], then twice as long
///   each time, up to [`JwksOptions::MAX_BACKOFF`]; the last good set serves for up to
///   [`JwksOptions::MAX_STALE`] past its lifetime, then tokens are refused with [`JwksError::Stale`].
///   Never is a token accepted unchecked.
/// * **Limits.** https only (or http to loopback), [`JwksOptions::CONNECT_TIMEOUT`] and
///   [`JwksOptions::TIMEOUT`], a [`JwksOptions::MAX_BODY_LEN`] body cap, status 200 and a JSON
///   `Content-Type`, at least one usable key; keys that cannot serve the accepted algorithms are skipped
///   one by one ([`crate::KeySet::skipped`]). Every failure is a [`JwksError`] naming the URL.
///
/// Each fetch is a `tracing` event: `jwks fetch started`, `jwks fetched` (with the number of keys),
/// `jwks key skipped`, `jwks refresh failed`, `jwks serving stale keys`, `jwks keys too stale`.
///
/// Nothing is fetched until a token needs a key, or [`RemoteJwks::refresh`] is awaited (at startup, to fail
/// early on a wrong URL). The synchronous [`crate::Verifier::verify`] uses the current set only:
///
/// ```
/// use claims_jwt::{Error, Generic, JwksError, JwksOptions, RemoteJwks, Verifier};
///
/// let jwks = RemoteJwks::new("https://auth.example.com/.well-known/jwks.json", JwksOptions::default())?;
/// let verifier = Verifier::<Generic>::from_remote_jwks(jwks.clone()).with_issuer("https://auth.example.com");
/// assert!(jwks.cached().is_none());
///
/// let token = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.e30.c2ln";
/// let err = verifier.verify::<serde_json::Map<String, serde_json::Value>>(token).unwrap_err();
/// assert_eq!(err, Error::Jwks(JwksError::NotFetched { url: jwks.url().into() }));
/// assert_eq!(err.status(), 503);
///
/// // In a request handler: fetches the set if needed, refreshes it for a new `kid`.
/// async fn subject(verifier: &Verifier<Generic>, token: &str) -> Result<Option<String>, Error> {
///     let token = verifier.verify_async::<serde_json::Map<String, serde_json::Value>>(token).await?;
///     Ok(token.registered().sub.clone())
/// }
/// # Ok::<(), Error>(())
/// ```
#[derive(Clone)]
pub struct RemoteJwks {
    shared: Arc<Shared>,
}

struct Shared {
    url: Url,
    client: reqwest::Client,
    options: JwksOptions,
    /// The last good set, read lock-free by every verification.
    current: ArcSwapOption<CachedKeys>,
    /// Why the last fetch failed, until one succeeds.
    last_error: ArcSwapOption<JwksError>,
    /// Held for the whole of a fetch, so that one runs at a time and callers needing one wait for it.
    pacing: Mutex<Pacing>,
    /// Fetches started so far: a caller that sees it move while it waited uses that fetch's outcome.
    started: AtomicU64,
    /// Whether a background refresh is queued or running.
    background: AtomicBool,
}

/// A key set as fetched, and when.
///
/// ```
/// # use claims_jwt::{JwksOptions, RemoteJwks};
/// let jwks = RemoteJwks::new("https://auth.example.com/jwks", JwksOptions::default())?;
/// // After a fetch: `jwks.cached()` holds the keys, `fetched_at()` and `expires_at()`.
/// assert!(jwks.cached().is_none());
/// # Ok::<(), claims_jwt::Error>(())
/// ```
#[derive(Debug)]
pub struct CachedKeys {
    keys: KeySet,
    fetched_at: u64,
    expires_at: u64,
}

impl CachedKeys {
    /// The usable keys, and the skipped ones with their reasons.
    ///
    /// ```
    /// # fn show(cached: &claims_jwt::CachedKeys) {
    /// for skipped in cached.keys().skipped() {
    ///     eprintln!("{skipped}");
    /// }
    /// # }
    /// ```
    pub fn keys(&self) -> &KeySet {
        &self.keys
    }

    /// When the fetch completed, in seconds since the Unix epoch on the options' clock.
    ///
    /// ```
    /// # fn show(cached: &claims_jwt::CachedKeys) { let _ = cached.fetched_at(); }
    /// ```
    pub fn fetched_at(&self) -> u64 {
        self.fetched_at
    }

    /// When the set's lifetime ends: `fetched_at` plus the clamped `max-age`.
    ///
    /// ```
    /// # fn show(cached: &claims_jwt::CachedKeys) { assert!(cached.expires_at() >= cached.fetched_at()); }
    /// ```
    pub fn expires_at(&self) -> u64 {
        self.expires_at
    }

    fn freshness(&self, now: u64, options: &JwksOptions) -> Freshness {
        cache::freshness(self.expires_at, now, options)
    }

    /// Whether the set can answer for `kid` (a token without one is matched by [`KeySet::select`]).
    fn knows(&self, kid: Option<&str>) -> bool {
        kid.is_none_or(|kid| self.keys.find(kid).is_some())
    }
}

impl RemoteJwks {
    /// The key set at `url`, fetched with `options` when first needed. Fails only on a URL keys must not
    /// come from ([`JwksError::InvalidUrl`]) or a client that cannot be set up; nothing is fetched here.
    ///
    /// ```
    /// use claims_jwt::{Algorithm, Error, JwksError, JwksOptions, RemoteJwks};
    ///
    /// let options = JwksOptions::default().with_algorithms(&[Algorithm::ES256]);
    /// let jwks = RemoteJwks::new("https://auth.example.com/.well-known/jwks.json", options)?;
    /// assert_eq!(jwks.url(), "https://auth.example.com/.well-known/jwks.json");
    ///
    /// let err = RemoteJwks::new("http://auth.example.com/jwks", JwksOptions::default()).unwrap_err();
    /// assert!(matches!(err, Error::Jwks(JwksError::InvalidUrl { .. })));
    /// # Ok::<(), Error>(())
    /// ```
    pub fn new(url: &str, options: JwksOptions) -> Result<Self, Error> {
        let url = fetch::parse_url(url)?;
        let client = fetch::client(&options)?;
        Ok(RemoteJwks {
            shared: Arc::new(Shared {
                url,
                client,
                options,
                current: ArcSwapOption::empty(),
                last_error: ArcSwapOption::empty(),
                pacing: Mutex::new(Pacing::default()),
                started: AtomicU64::new(0),
                background: AtomicBool::new(false),
            }),
        })
    }

    /// The URL the set is fetched from.
    ///
    /// ```
    /// # use claims_jwt::{JwksOptions, RemoteJwks};
    /// let jwks = RemoteJwks::new("https://auth.example.com/jwks", JwksOptions::default())?;
    /// assert_eq!(jwks.url(), "https://auth.example.com/jwks");
    /// # Ok::<(), claims_jwt::Error>(())
    /// ```
    pub fn url(&self) -> &str {
        self.shared.url.as_str()
    }

    /// The options the set was built with.
    ///
    /// ```
    /// # use claims_jwt::{Algorithm, JwksOptions, RemoteJwks};
    /// let jwks = RemoteJwks::new("https://a.example/jwks", JwksOptions::default().with_algorithms(&[Algorithm::RS256]))?;
    /// assert_eq!(jwks.options().algorithms(), [Algorithm::RS256]);
    /// # Ok::<(), claims_jwt::Error>(())
    /// ```
    pub fn options(&self) -> &JwksOptions {
        &self.shared.options
    }

    /// The last good set, if a fetch has succeeded (it may be stale: compare
    /// [`CachedKeys::expires_at`] with the clock).
    ///
    /// ```
    /// # use claims_jwt::{JwksOptions, RemoteJwks};
    /// let jwks = RemoteJwks::new("https://a.example/jwks", JwksOptions::default())?;
    /// assert!(jwks.cached().is_none());
    /// # Ok::<(), claims_jwt::Error>(())
    /// ```
    pub fn cached(&self) -> Option<Arc<CachedKeys>> {
        self.shared.current.load_full()
    }

    /// Why the last fetch failed, until one succeeds: for a health check, or a log line at startup.
    ///
    /// ```
    /// # use claims_jwt::{JwksOptions, RemoteJwks};
    /// let jwks = RemoteJwks::new("https://a.example/jwks", JwksOptions::default())?;
    /// assert_eq!(jwks.last_error(), None);
    /// # Ok::<(), claims_jwt::Error>(())
    /// ```
    pub fn last_error(&self) -> Option<JwksError> {
        self.shared.last_error.load_full().map(|err| (*err).clone())
    }

    /// Fetches the set now, whatever its lifetime and the refresh pacing say (a fetch that starts while
    /// this call waits for the one in flight is joined instead), and returns it, or the fetch's error even
    /// if an older set keeps serving. Await it at startup to fail early on a wrong URL.
    ///
    /// ```
    /// # use claims_jwt::{Error, JwksError, JwksOptions, RemoteJwks};
    /// async fn warm_up(jwks: &RemoteJwks) -> Result<usize, Error> {
    ///     Ok(jwks.refresh().await?.keys().len())
    /// }
    /// ```
    pub async fn refresh(&self) -> Result<Arc<CachedKeys>, Error> {
        let seen = self.shared.started.load(Ordering::Acquire);
        self.fetch_if_needed(None, seen, true).await;
        if let Some(err) = self.last_error() {
            return Err(Error::Jwks(err));
        }
        self.shared.outcome(self.shared.now())
    }

    /// Fetches the document at the set's URL once, with the same client and the same checks on the answer
    /// (status 200, a JSON `Content-Type`, the body cap), and returns it as served: its keys are not read
    /// and the cache is left alone. For tools that explain a set member by member, usable or not (`claims
    /// keys URL`); a verifier wants [`RemoteJwks::refresh`].
    ///
    /// ```
    /// # use claims_jwt::{Error, JwksOptions, RemoteJwks};
    /// async fn show(jwks: &RemoteJwks) -> Result<(), Error> {
    ///     let document = jwks.fetch_document().await?;
    ///     println!("{}", String::from_utf8_lossy(&document));
    ///     Ok(())
    /// }
    /// ```
    pub async fn fetch_document(&self) -> Result<Vec<u8>, Error> {
        let shared = &self.shared;
        let (body, _) = fetch::fetch_body(&shared.client, &shared.url, &shared.options).await?;
        Ok(body)
    }

    /// Runs `check` with the current set, never fetching (the synchronous verify). A set past its lifetime
    /// is refreshed in the background when a Tokio runtime is at hand, as is one missing `kid`.
    pub(crate) fn with_keys_now<T>(
        &self,
        check: impl FnOnce(&KeySet) -> Result<T, Error>,
    ) -> Result<T, Error> {
        let shared = &*self.shared;
        let now = shared.now();
        let current = shared.current.load();
        if let Some(cached) = current.as_deref() {
            match cached.freshness(now, &shared.options) {
                Freshness::Fresh => return self.check_kid(cached, check),
                Freshness::Stale => {
                    self.refresh_in_background(None, Need::Expired);
                    return self.check_kid(cached, check);
                }
                Freshness::TooStale => self.refresh_in_background(None, Need::Expired),
            }
        } else {
            self.refresh_in_background(None, Need::Missing);
        }
        drop(current);
        check(&shared.outcome(now)?.keys)
    }

    /// Runs `check`; a `kid` the set lacks is looked for in the background (paced like any unknown `kid`).
    fn check_kid<T>(
        &self,
        cached: &CachedKeys,
        check: impl FnOnce(&KeySet) -> Result<T, Error>,
    ) -> Result<T, Error> {
        let result = check(&cached.keys);
        if let Err(Error::UnknownKid { kid }) = &result {
            self.refresh_in_background(Some(kid), Need::UnknownKid);
        }
        result
    }

    /// The set to check a token naming `kid` with: the current one when it holds the key and is not too
    /// stale (refreshed in the background past its lifetime), else the outcome of a fetch, this caller's
    /// or the one it waited for.
    pub(crate) async fn keys_for(&self, kid: Option<&str>) -> Result<Arc<CachedKeys>, Error> {
        let shared = &*self.shared;
        let seen = shared.started.load(Ordering::Acquire);
        let now = shared.now();
        if let Some(cached) = shared.current.load_full()
            && cached.knows(kid)
        {
            match cached.freshness(now, &shared.options) {
                Freshness::Fresh => return Ok(cached),
                Freshness::Stale => {
                    self.refresh_in_background(None, Need::Expired);
                    return Ok(cached);
                }
                Freshness::TooStale => {}
            }
        }
        self.fetch_if_needed(kid, seen, false).await;
        shared.outcome(shared.now())
    }

    /// Spawns one refresh on the current Tokio runtime, if there is one, none is queued, and the pacing
    /// would let it fetch.
    fn refresh_in_background(&self, kid: Option<&str>, need: Need) {
        let shared = &*self.shared;
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return;
        };
        if shared.background.swap(true, Ordering::AcqRel) {
            return;
        }
        // A fetch in flight (the lock is held) will do; so will the pacing's "not yet".
        let allowed = shared
            .pacing
            .try_lock()
            .is_ok_and(|pacing| pacing.may_fetch(need, shared.now(), &shared.options));
        if !allowed {
            shared.background.store(false, Ordering::Release);
            return;
        }
        let seen = shared.started.load(Ordering::Acquire);
        let (this, kid) = (self.clone(), kid.map(str::to_owned));
        runtime.spawn(async move {
            let _queued = BackgroundFlag(Arc::clone(&this.shared));
            this.fetch_if_needed(kid.as_deref(), seen, false).await;
        });
    }

    /// Fetches unless a fetch started since `seen` (its outcome stands), the current set no longer needs
    /// one for `kid`, or the pacing says not yet; `forced` skips the last two.
    async fn fetch_if_needed(&self, kid: Option<&str>, seen: u64, forced: bool) {
        let shared = &*self.shared;
        let mut pacing = shared.pacing.lock().await;
        if shared.started.load(Ordering::Acquire) != seen {
            return;
        }
        let now = shared.now();
        let need = if forced {
            Need::Forced
        } else {
            // A fetch that started before this caller looked may have ended while it waited.
            let Some(need) = shared.need(kid, now) else {
                return;
            };
            if !pacing.may_fetch(need, now, &shared.options) {
                tracing::debug!(url = %shared.url, ?need, "jwks fetch not due yet");
                return;
            }
            need
        };

        shared.started.fetch_add(1, Ordering::AcqRel);
        pacing.started(now);
        tracing::info!(url = %shared.url, ?need, "jwks fetch started");
        let result = fetch::fetch(&shared.client, &shared.url, &shared.options).await;
        let now = shared.now();
        match result {
            Ok(fetched) => {
                let ttl = cache::ttl(fetched.max_age, &shared.options);
                let keys = fetched.keys;
                tracing::info!(
                    url = %shared.url,
                    keys = keys.len(),
                    skipped = keys.skipped().len(),
                    ttl_secs = ttl,
                    "jwks fetched"
                );
                for skipped in keys.skipped() {
                    tracing::warn!(url = %shared.url, key = %skipped, "jwks key skipped");
                }
                shared.current.store(Some(Arc::new(CachedKeys {
                    keys,
                    fetched_at: now,
                    expires_at: now.saturating_add(ttl),
                })));
                shared.last_error.store(None);
                pacing.succeeded();
            }
            Err(err) => {
                let retry_in = pacing.failed(now, &shared.options);
                tracing::warn!(url = %shared.url, error = %err, retry_in_secs = retry_in, "jwks refresh failed");
                if let Some(cached) = shared.current.load().as_deref() {
                    let stale_until = cached.expires_at.saturating_add(shared.options.max_stale);
                    match cached.freshness(now, &shared.options) {
                        Freshness::Fresh => {}
                        Freshness::Stale => tracing::warn!(
                            url = %shared.url,
                            expired_at = cached.expires_at,
                            stale_until,
                            "jwks serving stale keys"
                        ),
                        Freshness::TooStale => tracing::error!(
                            url = %shared.url,
                            expired_at = cached.expires_at,
                            stale_until,
                            "jwks keys too stale; refusing tokens"
                        ),
                    }
                }
                shared.last_error.store(Some(Arc::new(err)));
            }
        }
    }
}

impl Shared {
    fn now(&self) -> u64 {
        self.options.clock.now()
    }

    /// Why a token naming `kid` needs a fetch at `now`, if it does.
    fn need(&self, kid: Option<&str>, now: u64) -> Option<Need> {
        let current = self.current.load();
        let Some(cached) = current.as_deref() else {
            return Some(Need::Missing);
        };
        match cached.freshness(now, &self.options) {
            Freshness::Fresh if cached.knows(kid) => None,
            Freshness::Fresh => Some(Need::UnknownKid),
            Freshness::Stale | Freshness::TooStale => Some(Need::Expired),
        }
    }

    /// The set that serves at `now`, or why none does.
    fn outcome(&self, now: u64) -> Result<Arc<CachedKeys>, Error> {
        let last_error = || self.last_error.load_full().map(|err| (*err).clone());
        let err = match self.current.load_full() {
            Some(cached) if cached.freshness(now, &self.options) != Freshness::TooStale => {
                return Ok(cached);
            }
            Some(cached) => JwksError::Stale {
                url: self.url.as_str().to_owned(),
                expired_at: cached.expires_at,
                now,
                max_stale: self.options.max_stale,
                last_error: last_error().map(Box::new),
            },
            None => last_error().unwrap_or_else(|| JwksError::NotFetched {
                url: self.url.as_str().to_owned(),
            }),
        };
        Err(Error::Jwks(err))
    }
}

/// Clears [`Shared::background`] when the background refresh ends, however it ends.
struct BackgroundFlag(Arc<Shared>);

impl Drop for BackgroundFlag {
    fn drop(&mut self) {
        self.0.background.store(false, Ordering::Release);
    }
}

impl fmt::Debug for RemoteJwks {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let cached = self.shared.current.load();
        f.debug_struct("RemoteJwks")
            .field("url", &self.shared.url.as_str())
            .field("options", &self.shared.options)
            .field(
                "cached",
                &cached
                    .as_deref()
                    .map(|c| (c.keys.len(), c.fetched_at, c.expires_at)),
            )
            .finish_non_exhaustive()
    }
}
