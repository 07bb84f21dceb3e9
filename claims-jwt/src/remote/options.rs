//! The settings of a remote JWKS: cache lifetimes, refresh pacing, fetch limits, accepted algorithms, and
//! the clock they are measured with.

use std::time::Duration;

use jsonwebtoken::{Algorithm, AlgorithmFamily};

use crate::Clock;
use crate::jwks::ALGORITHMS;

/// How a [`crate::RemoteJwks`] caches, refreshes and fetches; `JwksOptions::default()` holds the
/// associated constants below. Times are whole seconds on the options' [`Clock`].
///
/// ```
/// use std::time::Duration;
/// use claims_jwt::{Algorithm, Clock, JwksOptions};
///
/// let options = JwksOptions::default()
///     .with_algorithms(&[Algorithm::RS256])
///     .with_ttl_bounds(Duration::from_secs(300), Duration::from_secs(6 * 3600))
///     .with_max_stale(Duration::from_secs(12 * 3600))
///     .with_clock(Clock::fixed(1_700_000_000));
/// assert_eq!(options.algorithms(), [Algorithm::RS256]);
/// assert_eq!(JwksOptions::DEFAULT_TTL, Duration::from_secs(3600));
/// ```
#[derive(Clone, Debug)]
pub struct JwksOptions {
    pub(crate) default_ttl: u64,
    pub(crate) min_ttl: u64,
    pub(crate) max_ttl: u64,
    pub(crate) refresh_interval: u64,
    pub(crate) max_stale: u64,
    pub(crate) min_backoff: u64,
    pub(crate) max_backoff: u64,
    pub(crate) connect_timeout: Duration,
    pub(crate) timeout: Duration,
    pub(crate) max_body_len: usize,
    algorithms: Vec<Algorithm>,
    pub(crate) clock: Clock,
}

impl JwksOptions {
    /// How long a set is fresh when the response has no `Cache-Control: max-age`: one hour.
    pub const DEFAULT_TTL: Duration = Duration::from_secs(3600);
    /// The floor on a `max-age` (also applied to `no-cache` and `no-store`): one minute.
    pub const MIN_TTL: Duration = Duration::from_secs(60);
    /// The ceiling on a `max-age`: one day.
    pub const MAX_TTL: Duration = Duration::from_secs(24 * 3600);
    /// The least time between two fetches caused by unknown `kid`s: five minutes.
    pub const REFRESH_INTERVAL: Duration = Duration::from_secs(300);
    /// How long past its lifetime the last good set keeps serving while refreshes fail: one day.
    pub const MAX_STALE: Duration = Duration::from_secs(24 * 3600);
    /// The wait after a first failed fetch, doubled after each further failure: five seconds.
    pub const MIN_BACKOFF: Duration = Duration::from_secs(5);
    /// The longest wait between failed fetches: five minutes.
    pub const MAX_BACKOFF: Duration = Duration::from_secs(300);
    /// The time allowed to connect: five seconds.
    pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
    /// The time allowed for a whole fetch, body included: ten seconds.
    pub const TIMEOUT: Duration = Duration::from_secs(10);
    /// The largest JWKS body read: 64 KiB (a provider's set of a few RSA keys takes 1–3 KiB).
    pub const MAX_BODY_LEN: usize = 64 * 1024;

    /// These options accepting keys for `algorithms` only (default: every asymmetric algorithm this crate
    /// verifies). HMAC algorithms are dropped: a secret published in a key set would let anyone who can
    /// read the set sign tokens, so `oct` keys are always skipped.
    ///
    /// ```
    /// # use claims_jwt::{Algorithm, JwksOptions};
    /// let options = JwksOptions::default().with_algorithms(&[Algorithm::HS256, Algorithm::ES256]);
    /// assert_eq!(options.algorithms(), [Algorithm::ES256]);
    /// ```
    #[must_use]
    pub fn with_algorithms(mut self, algorithms: &[Algorithm]) -> Self {
        self.algorithms = asymmetric(algorithms.iter().copied());
        self
    }

    /// The algorithms keys are accepted for.
    ///
    /// ```
    /// # use claims_jwt::{Algorithm, JwksOptions};
    /// assert!(JwksOptions::default().algorithms().contains(&Algorithm::EdDSA));
    /// assert!(!JwksOptions::default().algorithms().contains(&Algorithm::HS256));
    /// ```
    pub fn algorithms(&self) -> &[Algorithm] {
        &self.algorithms
    }

    /// These options keeping a set fresh for `ttl` when the response has no `max-age` (still clamped by
    /// [`JwksOptions::with_ttl_bounds`]).
    ///
    /// ```
    /// # use std::time::Duration;
    /// # use claims_jwt::JwksOptions;
    /// let options = JwksOptions::default().with_ttl(Duration::from_secs(600));
    /// ```
    #[must_use]
    pub fn with_ttl(mut self, ttl: Duration) -> Self {
        self.default_ttl = ttl.as_secs();
        self
    }

    /// These options clamping the `Cache-Control: max-age` of responses between `min` and `max` (`max`
    /// wins if they cross).
    ///
    /// ```
    /// # use std::time::Duration;
    /// # use claims_jwt::JwksOptions;
    /// let options = JwksOptions::default().with_ttl_bounds(Duration::from_secs(30), Duration::from_secs(3600));
    /// ```
    #[must_use]
    pub fn with_ttl_bounds(mut self, min: Duration, max: Duration) -> Self {
        self.min_ttl = min.as_secs();
        self.max_ttl = max.as_secs();
        self
    }

    /// These options allowing a fetch for an unknown `kid` at most once per `interval`, counted from the
    /// last fetch of any kind.
    ///
    /// ```
    /// # use std::time::Duration;
    /// # use claims_jwt::JwksOptions;
    /// let options = JwksOptions::default().with_refresh_interval(Duration::from_secs(60));
    /// ```
    #[must_use]
    pub fn with_refresh_interval(mut self, interval: Duration) -> Self {
        self.refresh_interval = interval.as_secs();
        self
    }

    /// These options serving the last good set for up to `max_stale` past its lifetime while refreshes
    /// fail; after that, verification fails with [`crate::JwksError::Stale`].
    ///
    /// ```
    /// # use std::time::Duration;
    /// # use claims_jwt::JwksOptions;
    /// let options = JwksOptions::default().with_max_stale(Duration::from_secs(6 * 3600));
    /// ```
    #[must_use]
    pub fn with_max_stale(mut self, max_stale: Duration) -> Self {
        self.max_stale = max_stale.as_secs();
        self
    }

    /// These options waiting `min` after a failed fetch before the next, doubling after each further
    /// failure up to `max`.
    ///
    /// ```
    /// # use std::time::Duration;
    /// # use claims_jwt::JwksOptions;
    /// let options = JwksOptions::default().with_backoff(Duration::from_secs(1), Duration::from_secs(60));
    /// ```
    #[must_use]
    pub fn with_backoff(mut self, min: Duration, max: Duration) -> Self {
        self.min_backoff = min.as_secs();
        self.max_backoff = max.as_secs();
        self
    }

    /// These options giving up on connecting after `connect` and on a whole fetch after `total`.
    ///
    /// ```
    /// # use std::time::Duration;
    /// # use claims_jwt::JwksOptions;
    /// let options = JwksOptions::default().with_timeouts(Duration::from_secs(2), Duration::from_secs(5));
    /// ```
    #[must_use]
    pub fn with_timeouts(mut self, connect: Duration, total: Duration) -> Self {
        self.connect_timeout = connect;
        self.timeout = total;
        self
    }

    /// These options refusing a JWKS body over `max` bytes, unread.
    ///
    /// ```
    /// # use claims_jwt::JwksOptions;
    /// let options = JwksOptions::default().with_max_body_len(16 * 1024);
    /// ```
    #[must_use]
    pub fn with_max_body_len(mut self, max: usize) -> Self {
        self.max_body_len = max;
        self
    }

    /// These options measuring lifetimes, staleness and refresh pacing on `clock`. A verifier's own clock
    /// ([`crate::Verifier::with_clock`]) checks the tokens' times; this one the cache's.
    ///
    /// ```
    /// # use claims_jwt::{Clock, JwksOptions};
    /// let options = JwksOptions::default().with_clock(Clock::fixed(1_700_000_000));
    /// ```
    #[must_use]
    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }
}

impl Default for JwksOptions {
    fn default() -> Self {
        JwksOptions {
            default_ttl: Self::DEFAULT_TTL.as_secs(),
            min_ttl: Self::MIN_TTL.as_secs(),
            max_ttl: Self::MAX_TTL.as_secs(),
            refresh_interval: Self::REFRESH_INTERVAL.as_secs(),
            max_stale: Self::MAX_STALE.as_secs(),
            min_backoff: Self::MIN_BACKOFF.as_secs(),
            max_backoff: Self::MAX_BACKOFF.as_secs(),
            connect_timeout: Self::CONNECT_TIMEOUT,
            timeout: Self::TIMEOUT,
            max_body_len: Self::MAX_BODY_LEN,
            algorithms: asymmetric(ALGORITHMS.into_iter()),
            clock: Clock::system(),
        }
    }
}

fn asymmetric(algorithms: impl Iterator<Item = Algorithm>) -> Vec<Algorithm> {
    algorithms
        .filter(|alg| alg.family() != AlgorithmFamily::Hmac)
        .collect()
}
