//! What can go wrong with a remote JWKS, each error naming the URL (never a token).

use std::fmt;

use crate::{ErrorKind, SkippedKey};

/// A remote JWKS that is misconfigured, cannot be fetched or read, or has gone stale; carried by
/// [`Error::Jwks`](crate::Error::Jwks).
///
/// Fetch failures leave the last good key set serving (see [`crate::RemoteJwks`]); a verification fails with
/// one of these only when no usable set is at hand. [`JwksError::kind`] says which HTTP answer fits:
/// misconfiguration is [`ErrorKind::Internal`] (500), an unreachable or broken provider
/// [`ErrorKind::Unavailable`] (503).
///
/// ```
/// use claims_jwt::{ErrorKind, JwksError};
///
/// let err = JwksError::Status { url: "https://clerk.example.com/.well-known/jwks.json".into(), status: 502 };
/// assert_eq!((err.kind(), err.url()), (ErrorKind::Unavailable, Some("https://clerk.example.com/.well-known/jwks.json")));
/// assert_eq!(
///     err.to_string(),
///     "the JWKS at https://clerk.example.com/.well-known/jwks.json answered HTTP 502, not 200; check the URL and the provider's status"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum JwksError {
    /// The URL cannot be fetched from: not a URL, not http(s), plain http to a host that is not loopback,
    /// or credentials in it.
    InvalidUrl {
        /// The URL as given.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A Stytch project id that is neither `project-test-…` nor `project-live-…` followed by letters,
    /// digits and dashes.
    InvalidProjectId {
        /// The id as given.
        project_id: String,
    },
    /// The HTTP client could not be set up: its TLS configuration, e.g. no CA certificates on this system.
    Client {
        /// What the client builder said.
        reason: String,
    },
    /// No fetch has completed yet, so there are no keys: the synchronous [`crate::Verifier::verify`] never
    /// fetches.
    NotFetched {
        /// The JWKS URL.
        url: String,
    },
    /// The server did not answer, or did not finish the body, within the timeouts.
    Timeout {
        /// The JWKS URL.
        url: String,
    },
    /// The connection failed (refused, DNS, TLS, a redirect refused...).
    Unreachable {
        /// The JWKS URL.
        url: String,
        /// What failed, from the client's error chain.
        reason: String,
    },
    /// The server answered another status than 200.
    Status {
        /// The JWKS URL.
        url: String,
        /// The HTTP status.
        status: u16,
    },
    /// The response is not JSON (`application/json` or a `+json` type), e.g. an HTML error page.
    ContentType {
        /// The JWKS URL.
        url: String,
        /// The `Content-Type`, if there was one.
        found: Option<String>,
    },
    /// The body is larger than the cap ([`crate::JwksOptions::with_max_body_len`]); refused unread.
    TooLarge {
        /// The JWKS URL.
        url: String,
        /// The cap, in bytes.
        limit: usize,
    },
    /// The body is not a JSON object with a `keys` array.
    Malformed {
        /// The JWKS URL.
        url: String,
        /// What the JSON parser said.
        reason: String,
    },
    /// The set holds no key that can verify an accepted algorithm (`skipped` is empty for `"keys": []`).
    NoUsableKey {
        /// The JWKS URL.
        url: String,
        /// Every member of the set, with the reason it was skipped.
        skipped: Vec<SkippedKey>,
    },
    /// The last good set expired longer ago than the staleness limit, and no refresh has succeeded since.
    Stale {
        /// The JWKS URL.
        url: String,
        /// When the set's cache lifetime ended (seconds since the Unix epoch).
        expired_at: u64,
        /// The cache's clock.
        now: u64,
        /// The staleness limit, in seconds ([`crate::JwksOptions::with_max_stale`]).
        max_stale: u64,
        /// Why the last refresh failed, if one was tried.
        last_error: Option<Box<JwksError>>,
    },
}

impl JwksError {
    /// What this error means to a request handler: [`ErrorKind::Internal`] for a misconfiguration (bad URL
    /// or project id, client setup), [`ErrorKind::Unavailable`] for everything the provider's side causes.
    ///
    /// ```
    /// # use claims_jwt::{ErrorKind, JwksError};
    /// assert_eq!(JwksError::InvalidProjectId { project_id: "p".into() }.kind(), ErrorKind::Internal);
    /// assert_eq!(JwksError::Timeout { url: "https://a".into() }.kind().status(), 503);
    /// ```
    pub const fn kind(&self) -> ErrorKind {
        match self {
            JwksError::InvalidUrl { .. }
            | JwksError::InvalidProjectId { .. }
            | JwksError::Client { .. } => ErrorKind::Internal,
            _ => ErrorKind::Unavailable,
        }
    }

    /// The JWKS URL the error is about, if it is about one.
    ///
    /// ```
    /// # use claims_jwt::JwksError;
    /// assert_eq!(JwksError::NotFetched { url: "https://a/jwks".into() }.url(), Some("https://a/jwks"));
    /// assert_eq!(JwksError::Client { reason: "tls".into() }.url(), None);
    /// ```
    pub fn url(&self) -> Option<&str> {
        match self {
            JwksError::InvalidUrl { url, .. }
            | JwksError::NotFetched { url }
            | JwksError::Timeout { url }
            | JwksError::Unreachable { url, .. }
            | JwksError::Status { url, .. }
            | JwksError::ContentType { url, .. }
            | JwksError::TooLarge { url, .. }
            | JwksError::Malformed { url, .. }
            | JwksError::NoUsableKey { url, .. }
            | JwksError::Stale { url, .. } => Some(url),
            JwksError::InvalidProjectId { .. } | JwksError::Client { .. } => None,
        }
    }
}

impl fmt::Display for JwksError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JwksError::InvalidUrl { url, reason } => {
                write!(f, "cannot fetch a JWKS from `{url}`: {reason}")
            }
            JwksError::InvalidProjectId { project_id } => write!(
                f,
                "`{project_id}` is not a Stytch project id; copy it from the Stytch dashboard (it starts \
                 with `project-test-` or `project-live-`)"
            ),
            JwksError::Client { reason } => {
                write!(f, "cannot set up the HTTP client for remote JWKS: {reason}")
            }
            JwksError::NotFetched { url } => write!(
                f,
                "the JWKS at {url} has not been fetched yet; use `verify_async`, or await \
                 `RemoteJwks::refresh` at startup before verifying synchronously"
            ),
            JwksError::Timeout { url } => write!(
                f,
                "fetching the JWKS at {url} timed out; check that this server can reach it"
            ),
            JwksError::Unreachable { url, reason } => {
                write!(f, "cannot fetch the JWKS at {url}: {reason}")
            }
            JwksError::Status { url, status } => write!(
                f,
                "the JWKS at {url} answered HTTP {status}, not 200; check the URL and the provider's status"
            ),
            JwksError::ContentType { url, found } => match found {
                Some(found) => write!(
                    f,
                    "the JWKS at {url} is served as `{found}`, not JSON; check the URL"
                ),
                None => write!(
                    f,
                    "the JWKS at {url} is served without a Content-Type, not as JSON; check the URL"
                ),
            },
            JwksError::TooLarge { url, limit } => write!(
                f,
                "the JWKS at {url} is over the {limit}-byte cap and was refused; raise the cap with \
                 `JwksOptions::with_max_body_len` only if the set is genuine"
            ),
            JwksError::Malformed { url, reason } => {
                write!(f, "the document at {url} is not a JWKS: {reason}")
            }
            JwksError::NoUsableKey { url, skipped } if skipped.is_empty() => {
                write!(f, "the JWKS at {url} holds no key; check the URL")
            }
            JwksError::NoUsableKey { url, skipped } => {
                write!(f, "the JWKS at {url} holds no usable key (")?;
                for (i, key) in skipped.iter().enumerate() {
                    let sep = if i == 0 { "" } else { "; " };
                    write!(f, "{sep}{key}")?;
                }
                f.write_str("); check the accepted algorithms")
            }
            JwksError::Stale {
                url,
                expired_at,
                now,
                max_stale,
                last_error,
            } => {
                write!(
                    f,
                    "the keys from {url} expired at {expired_at} and have not been refreshed within the \
                     {max_stale} s staleness limit (now {now}); tokens are refused until the JWKS can be \
                     fetched"
                )?;
                match last_error {
                    Some(err) => write!(f, " (last error: {err})"),
                    None => Ok(()),
                }
            }
        }
    }
}

impl std::error::Error for JwksError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            JwksError::Stale {
                last_error: Some(err),
                ..
            } => Some(err.as_ref()),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Error, SkipReason};

    #[test]
    fn every_error_names_its_url_and_maps_to_a_status() {
        let url = "https://auth.example.com/.well-known/jwks.json";
        let cases = [
            (JwksError::NotFetched { url: url.into() }, 503),
            (JwksError::Timeout { url: url.into() }, 503),
            (
                JwksError::Unreachable {
                    url: url.into(),
                    reason: "connection refused".into(),
                },
                503,
            ),
            (
                JwksError::ContentType {
                    url: url.into(),
                    found: Some("text/html".into()),
                },
                503,
            ),
            (
                JwksError::TooLarge {
                    url: url.into(),
                    limit: 65_536,
                },
                503,
            ),
            (
                JwksError::Malformed {
                    url: url.into(),
                    reason: "expected value".into(),
                },
                503,
            ),
            (
                JwksError::NoUsableKey {
                    url: url.into(),
                    skipped: Vec::new(),
                },
                503,
            ),
            (
                JwksError::InvalidUrl {
                    url: url.into(),
                    reason: "x".into(),
                },
                500,
            ),
        ];
        for (err, status) in cases {
            assert_eq!(Error::from(err.clone()).status(), status, "{err}");
            assert_eq!(err.url(), Some(url));
            assert!(err.to_string().contains(url), "{err}");
        }
    }

    #[test]
    fn stale_and_no_usable_key_explain_themselves() {
        let url = "https://a.example/jwks";
        let stale = JwksError::Stale {
            url: url.into(),
            expired_at: 100,
            now: 90_000,
            max_stale: 86_400,
            last_error: Some(Box::new(JwksError::Status {
                url: url.into(),
                status: 500,
            })),
        };
        assert_eq!(
            stale.to_string(),
            "the keys from https://a.example/jwks expired at 100 and have not been refreshed within the \
             86400 s staleness limit (now 90000); tokens are refused until the JWKS can be fetched (last \
             error: the JWKS at https://a.example/jwks answered HTTP 500, not 200; check the URL and the \
             provider's status)"
        );
        assert!(std::error::Error::source(&Error::Jwks(stale)).is_some());
        let none = JwksError::NoUsableKey {
            url: url.into(),
            skipped: vec![SkippedKey {
                index: 0,
                kid: Some("k".into()),
                reason: SkipReason::NotAccepted {
                    kty: "oct".into(),
                    alg: None,
                },
            }],
        };
        assert_eq!(
            none.to_string(),
            "the JWKS at https://a.example/jwks holds no usable key (key 0 (`kid` `k`): no accepted \
             algorithm fits key type `oct`); check the accepted algorithms"
        );
    }
}
