//! When to fetch: a set's lifetime from `Cache-Control`, whether it is fresh, stale or too stale, the pacing
//! of refreshes for unknown `kid`s, and the back-off after failures. Whole seconds, no I/O, so every rule
//! is tested here without a network.

use super::JwksOptions;

/// Why a caller wants a fetch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Need {
    /// No set has been fetched yet.
    Missing,
    /// The set's lifetime is over (it may still serve, stale).
    Expired,
    /// The token's `kid` is not in the set: perhaps the provider rotated its keys.
    UnknownKid,
    /// [`super::RemoteJwks::refresh`]: fetch now, whatever the pacing says.
    Forced,
}

/// Where a set stands at some instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Freshness {
    /// Within its lifetime.
    Fresh,
    /// Past its lifetime, within the staleness limit: it serves while a refresh is tried.
    Stale,
    /// Past the staleness limit: it must not serve.
    TooStale,
}

/// The freshness at `now` of a set whose lifetime ends at `expires_at`.
pub(crate) fn freshness(expires_at: u64, now: u64, options: &JwksOptions) -> Freshness {
    if now < expires_at {
        Freshness::Fresh
    } else if now < expires_at.saturating_add(options.max_stale) {
        Freshness::Stale
    } else {
        Freshness::TooStale
    }
}

/// A set's lifetime, in seconds: the response's `max-age` (or the default without one), clamped between
/// the floor and the ceiling (the ceiling wins if they cross).
pub(crate) fn ttl(max_age: Option<u64>, options: &JwksOptions) -> u64 {
    max_age
        .unwrap_or(options.default_ttl)
        .max(options.min_ttl)
        .min(options.max_ttl)
}

/// The `max-age` of `Cache-Control` header values: `no-store` and `no-cache` count as 0 (the floor then
/// applies), several `max-age`s as the smallest, and a directive that cannot be read as absent.
pub(crate) fn max_age<'h>(cache_control: impl IntoIterator<Item = &'h str>) -> Option<u64> {
    let mut found: Option<u64> = None;
    for directive in cache_control.into_iter().flat_map(|value| value.split(',')) {
        let (name, value) = match directive.split_once('=') {
            Some((name, value)) => (name.trim(), Some(value.trim().trim_matches('"'))),
            None => (directive.trim(), None),
        };
        let seconds =
            if name.eq_ignore_ascii_case("no-store") || name.eq_ignore_ascii_case("no-cache") {
                Some(0)
            } else if name.eq_ignore_ascii_case("max-age") {
                value.and_then(|v| v.parse::<u64>().ok())
            } else {
                None
            };
        if let Some(seconds) = seconds {
            found = Some(found.map_or(seconds, |f| f.min(seconds)));
        }
    }
    found
}

/// What the refreshers remember between fetches (guarded by the refresh lock).
#[derive(Debug, Default)]
pub(crate) struct Pacing {
    last_attempt: Option<u64>,
    failures: u32,
    retry_at: u64,
}

impl Pacing {
    /// Whether a fetch for `need` may start at `now`: never while backing off after a failure (unless
    /// forced), and for an unknown `kid` only once `refresh_interval` has passed since the last fetch.
    pub(crate) fn may_fetch(&self, need: Need, now: u64, options: &JwksOptions) -> bool {
        match need {
            Need::Forced => true,
            _ if now < self.retry_at => false,
            Need::UnknownKid => self
                .last_attempt
                .is_none_or(|at| now >= at.saturating_add(options.refresh_interval)),
            Need::Missing | Need::Expired => true,
        }
    }

    /// Records a fetch starting at `now`.
    pub(crate) fn started(&mut self, now: u64) {
        self.last_attempt = Some(now);
    }

    /// Records a successful fetch: the back-off starts over.
    pub(crate) fn succeeded(&mut self) {
        self.failures = 0;
        self.retry_at = 0;
    }

    /// Records a failed fetch ending at `now` and returns the back-off before the next, in seconds.
    pub(crate) fn failed(&mut self, now: u64, options: &JwksOptions) -> u64 {
        self.failures = self.failures.saturating_add(1);
        let doublings = self.failures.saturating_sub(1).min(32);
        let backoff = options
            .min_backoff
            .saturating_mul(1_u64 << doublings)
            .min(options.max_backoff);
        self.retry_at = now.saturating_add(backoff);
        backoff
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn options() -> JwksOptions {
        JwksOptions::default()
            .with_ttl(Duration::from_secs(3600))
            .with_ttl_bounds(Duration::from_secs(60), Duration::from_secs(86_400))
            .with_refresh_interval(Duration::from_secs(300))
            .with_max_stale(Duration::from_secs(1000))
            .with_backoff(Duration::from_secs(5), Duration::from_secs(60))
    }

    #[test]
    fn max_age_is_read_from_every_header_value() {
        let cases: [(&[&str], Option<u64>); 10] = [
            (&[], None),
            (&["public"], None),
            (&["public, max-age=600"], Some(600)),
            (&["MAX-AGE=600, must-revalidate"], Some(600)),
            (&[r#"max-age="120""#], Some(120)),
            (&["max-age=600", "max-age=30"], Some(30)),
            (&["no-cache"], Some(0)),
            (&["max-age=600, no-store"], Some(0)),
            (&["max-age=-5"], None),
            (&["max-age=soon, s-maxage=10"], None),
        ];
        for (values, expected) in cases {
            assert_eq!(max_age(values.iter().copied()), expected, "{values:?}");
        }
    }

    #[test]
    fn the_lifetime_is_max_age_clamped_or_the_default() {
        let options = options();
        assert_eq!(ttl(None, &options), 3600);
        assert_eq!(ttl(Some(600), &options), 600);
        assert_eq!(ttl(Some(0), &options), 60);
        assert_eq!(ttl(Some(10_000_000), &options), 86_400);
        let crossed = options.with_ttl_bounds(Duration::from_secs(500), Duration::from_secs(100));
        assert_eq!(ttl(Some(300), &crossed), 100, "the ceiling wins");
    }

    #[test]
    fn a_set_is_fresh_then_stale_then_too_stale() {
        let options = options();
        assert_eq!(freshness(2000, 1999, &options), Freshness::Fresh);
        assert_eq!(freshness(2000, 2000, &options), Freshness::Stale);
        assert_eq!(freshness(2000, 2999, &options), Freshness::Stale);
        assert_eq!(freshness(2000, 3000, &options), Freshness::TooStale);
        let strict = options.with_max_stale(Duration::ZERO);
        assert_eq!(freshness(2000, 2000, &strict), Freshness::TooStale);
    }

    #[test]
    fn unknown_kids_refresh_once_per_interval() {
        let options = options();
        let mut pacing = Pacing::default();
        assert!(pacing.may_fetch(Need::UnknownKid, 1000, &options));
        pacing.started(1000);
        pacing.succeeded();
        assert!(!pacing.may_fetch(Need::UnknownKid, 1299, &options));
        assert!(pacing.may_fetch(Need::UnknownKid, 1300, &options));
        // Expiry and absence are not rate-limited, and forcing never is.
        assert!(pacing.may_fetch(Need::Expired, 1001, &options));
        assert!(pacing.may_fetch(Need::Missing, 1001, &options));
        assert!(pacing.may_fetch(Need::Forced, 1001, &options));
    }

    #[test]
    fn failures_back_off_exponentially_up_to_the_ceiling_and_reset_on_success() {
        let options = options();
        let mut pacing = Pacing::default();
        let backoffs: Vec<u64> = (0..6)
            .map(|_| {
                pacing.started(1000);
                pacing.failed(1000, &options)
            })
            .collect();
        assert_eq!(backoffs, [5, 10, 20, 40, 60, 60]);
        assert!(!pacing.may_fetch(Need::Expired, 1059, &options));
        assert!(!pacing.may_fetch(Need::Missing, 1059, &options));
        assert!(pacing.may_fetch(Need::Forced, 1059, &options));
        assert!(pacing.may_fetch(Need::Expired, 1060, &options));
        pacing.succeeded();
        assert_eq!(pacing.failed(2000, &options), 5);
        for _ in 0..100 {
            pacing.failed(2000, &options);
        }
        assert_eq!(
            pacing.failed(2000, &options),
            60,
            "no overflow after many failures"
        );
    }
}
