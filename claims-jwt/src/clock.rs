//! The injectable clock of minters and verifiers.

use std::fmt;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

/// Where minters and verifiers read the current time, in whole seconds since the Unix epoch.
///
/// [`Clock::system`] by default; [`Clock::fixed`] and [`Clock::from_fn`] for tests and replays.
/// Cloning is cheap.
///
/// ```
/// use claims_jwt::Clock;
/// assert_eq!(Clock::fixed(1_666_648_250).now(), 1_666_648_250);
/// assert!(Clock::system().now() > 1_700_000_000);
/// ```
#[derive(Clone, Default)]
pub struct Clock(Source);

#[derive(Clone, Default)]
enum Source {
    #[default]
    System,
    Fixed(u64),
    Function(Arc<dyn Fn() -> u64 + Send + Sync>),
}

impl Clock {
    /// The system clock. A clock set before 1970 reads 0.
    pub const fn system() -> Self {
        Clock(Source::System)
    }

    /// A clock that always reads `secs`.
    pub const fn fixed(secs: u64) -> Self {
        Clock(Source::Fixed(secs))
    }

    /// A clock that calls `now`.
    ///
    /// ```
    /// use std::sync::atomic::{AtomicU64, Ordering};
    /// use std::sync::Arc;
    /// # use claims_jwt::Clock;
    /// let time = Arc::new(AtomicU64::new(10));
    /// let clock = Clock::from_fn({ let time = time.clone(); move || time.load(Ordering::Relaxed) });
    /// time.store(20, Ordering::Relaxed);
    /// assert_eq!(clock.now(), 20);
    /// ```
    pub fn from_fn(now: impl Fn() -> u64 + Send + Sync + 'static) -> Self {
        Clock(Source::Function(Arc::new(now)))
    }

    /// The current time, in seconds since the Unix epoch.
    pub fn now(&self) -> u64 {
        match &self.0 {
            Source::System => SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
            Source::Fixed(secs) => *secs,
            Source::Function(now) => now(),
        }
    }
}

impl fmt::Debug for Clock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Source::System => f.write_str("Clock::system()"),
            Source::Fixed(secs) => write!(f, "Clock::fixed({secs})"),
            Source::Function(_) => f.write_str("Clock::from_fn(..)"),
        }
    }
}
