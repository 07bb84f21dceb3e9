//! One fetch of a JWKS over HTTP: the client (rustls on the crate's crypto backend, timeouts, guarded
//! redirects), the URL rule (https, or http to loopback only), and the checks on the answer (status,
//! `Content-Type`, a capped body, a readable set with a usable key), each failure a typed error naming the
//! URL.

use std::net::IpAddr;
use std::sync::{Arc, OnceLock};

use reqwest::header::{ACCEPT, CACHE_CONTROL, CONTENT_TYPE};
use reqwest::{StatusCode, Url, redirect};
use rustls_platform_verifier::BuilderVerifierExt;

use super::{JwksError, JwksOptions, cache};
use crate::KeySet;
use crate::jwks::read_jwks;

/// Redirects followed at most (each to a URL that passes [`check_url`]).
const MAX_REDIRECTS: usize = 3;

/// A fetched set and the response's `max-age`.
#[derive(Debug)]
pub(crate) struct Fetched {
    pub(crate) keys: KeySet,
    pub(crate) max_age: Option<u64>,
}

/// Parses `url` and checks that keys may be fetched from it.
pub(crate) fn parse_url(url: &str) -> Result<Url, JwksError> {
    let invalid = |reason: String| JwksError::InvalidUrl {
        url: url.to_owned(),
        reason,
    };
    let parsed = Url::parse(url).map_err(|e| invalid(e.to_string()))?;
    check_url(&parsed).map_err(|reason| invalid(reason.to_owned()))?;
    Ok(parsed)
}

/// Keys must come over https: over plain http anyone on the path could swap them. Loopback is the
/// exception (a local proxy, a test server). Credentials would end up in error messages and logs.
fn check_url(url: &Url) -> Result<(), &'static str> {
    if !url.username().is_empty() || url.password().is_some() {
        return Err("a JWKS URL must not carry credentials, which would be logged with its errors");
    }
    match url.scheme() {
        "https" => Ok(()),
        "http" if is_loopback(url) => Ok(()),
        "http" => Err(
            "plain http would let anyone on the path replace the keys; use https (http is allowed for \
             loopback addresses only)",
        ),
        _ => Err("a JWKS is fetched over https"),
    }
}

fn is_loopback(url: &Url) -> bool {
    match url.host_str() {
        Some(host) if host.eq_ignore_ascii_case("localhost") => true,
        Some(host) => host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<IpAddr>()
            .is_ok_and(|ip| ip.is_loopback()),
        None => false,
    }
}

/// The HTTP client of a remote JWKS: rustls with the crate's crypto backend and the platform's roots,
/// the options' timeouts, and redirects only to URLs that pass [`check_url`].
pub(crate) fn client(options: &JwksOptions) -> Result<reqwest::Client, JwksError> {
    let failed = |reason: String| JwksError::Client { reason };
    let tls = tls_config().map_err(failed)?;
    let redirects = redirect::Policy::custom(|attempt| {
        if attempt.previous().len() > MAX_REDIRECTS {
            attempt.error("too many redirects")
        } else if let Err(reason) = check_url(attempt.url()) {
            attempt.error(reason)
        } else {
            attempt.follow()
        }
    });
    reqwest::Client::builder()
        .tls_backend_preconfigured(tls)
        .connect_timeout(options.connect_timeout)
        .timeout(options.timeout)
        .redirect(redirects)
        .user_agent(concat!("claims-jwt/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| failed(error_chain(&e)))
}

/// rustls with the crate's crypto backend and the platform's root certificates, built once per process:
/// reading the system's certificate store takes a while, and it does not change.
fn tls_config() -> Result<rustls::ClientConfig, String> {
    static CONFIG: OnceLock<Result<rustls::ClientConfig, String>> = OnceLock::new();
    CONFIG
        .get_or_init(|| {
            Ok(
                rustls::ClientConfig::builder_with_provider(Arc::new(crypto_provider()))
                    .with_safe_default_protocol_versions()
                    .map_err(|e| e.to_string())?
                    .with_platform_verifier()
                    .map_err(|e| format!("{e}; install the system's CA certificates"))?
                    .with_no_client_auth(),
            )
        })
        .clone()
}

#[cfg(feature = "aws_lc_rs")]
fn crypto_provider() -> rustls::crypto::CryptoProvider {
    rustls::crypto::aws_lc_rs::default_provider()
}

#[cfg(all(feature = "rust_crypto", not(feature = "aws_lc_rs")))]
fn crypto_provider() -> rustls::crypto::CryptoProvider {
    rustls::crypto::ring::default_provider()
}

/// Fetches and reads the set at `url`: status 200, a JSON `Content-Type`, a body within the cap, a JWKS
/// with at least one key usable for the accepted algorithms.
pub(crate) async fn fetch(
    client: &reqwest::Client,
    url: &Url,
    options: &JwksOptions,
) -> Result<Fetched, JwksError> {
    let (body, max_age) = fetch_body(client, url, options).await?;
    let url_text = || url.as_str().to_owned();
    let keys = read_jwks(&body, options.algorithms()).map_err(|e| JwksError::Malformed {
        url: url_text(),
        reason: e.to_string(),
    })?;
    if keys.is_empty() {
        return Err(JwksError::NoUsableKey {
            url: url_text(),
            skipped: keys.skipped().to_vec(),
        });
    }
    Ok(Fetched { keys, max_age })
}

/// Fetches the document at `url` with the checks on the answer (status 200, a JSON `Content-Type`, a body
/// within the cap), unread: the body and the response's `max-age`.
pub(crate) async fn fetch_body(
    client: &reqwest::Client,
    url: &Url,
    options: &JwksOptions,
) -> Result<(Vec<u8>, Option<u64>), JwksError> {
    let url_text = || url.as_str().to_owned();
    let transport = |err: reqwest::Error| {
        if err.is_timeout() {
            JwksError::Timeout { url: url_text() }
        } else {
            JwksError::Unreachable {
                url: url_text(),
                reason: error_chain(&err),
            }
        }
    };
    let mut response = client
        .get(url.clone())
        .header(ACCEPT, "application/jwk-set+json, application/json")
        .send()
        .await
        .map_err(transport)?;

    if response.status() != StatusCode::OK {
        return Err(JwksError::Status {
            url: url_text(),
            status: response.status().as_u16(),
        });
    }
    let content_type = response
        .headers()
        .get(CONTENT_TYPE)
        .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned());
    if !content_type.as_deref().is_some_and(is_json) {
        return Err(JwksError::ContentType {
            url: url_text(),
            found: content_type,
        });
    }
    let max_age = cache::max_age(
        response
            .headers()
            .get_all(CACHE_CONTROL)
            .iter()
            .filter_map(|value| value.to_str().ok()),
    );

    let limit = options.max_body_len;
    let too_large = || JwksError::TooLarge {
        url: url_text(),
        limit,
    };
    // A declared length over the cap is refused before reading; an undeclared one is counted as it comes.
    if response
        .content_length()
        .is_some_and(|len| len > limit as u64)
    {
        return Err(too_large());
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(transport)? {
        if body.len() + chunk.len() > limit {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok((body, max_age))
}

/// `application/json` or any `+json` type (`application/jwk-set+json`), parameters ignored.
fn is_json(content_type: &str) -> bool {
    let media = content_type.split(';').next().unwrap_or("").trim();
    media.eq_ignore_ascii_case("application/json")
        || media
            .rsplit_once('+')
            .is_some_and(|(_, suffix)| suffix.eq_ignore_ascii_case("json"))
}

/// An error and its sources, `: `-separated: reqwest's own message alone rarely says what failed.
fn error_chain(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(inner) = source {
        text.push_str(": ");
        text.push_str(&inner.to_string());
        source = inner.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_come_over_https_or_from_loopback() {
        for ok in [
            "https://clerk.example.com/.well-known/jwks.json",
            "http://127.0.0.1:8080/jwks",
            "http://127.9.9.9/jwks",
            "http://[::1]:3000/jwks",
            "http://LOCALHOST/jwks",
        ] {
            assert!(parse_url(ok).is_ok(), "{ok}");
        }
        for (bad, reason) in [
            ("http://clerk.example.com/jwks", "plain http"),
            ("http://10.0.0.1/jwks", "plain http"),
            ("ftp://example.com/jwks", "over https"),
            ("https://user:secret@example.com/jwks", "credentials"),
            ("clerk.example.com/jwks", "relative URL"),
        ] {
            match parse_url(bad) {
                Err(JwksError::InvalidUrl { url, reason: found }) => {
                    assert_eq!(url, bad);
                    assert!(found.contains(reason), "{bad}: {found}");
                }
                other => panic!("{bad}: expected InvalidUrl, got {other:?}"),
            }
        }
    }

    #[test]
    fn the_client_builds_on_the_crates_crypto_backend_once() {
        // aws-lc-rs or ring, whichever backend feature is on; the platform roots are read once.
        let first = tls_config().expect("a TLS configuration");
        assert!(client(&JwksOptions::default()).is_ok());
        let again = tls_config().expect("the same configuration");
        assert!(Arc::ptr_eq(
            first.crypto_provider(),
            again.crypto_provider()
        ));
    }

    #[test]
    fn json_media_types_are_recognised() {
        for ok in [
            "application/json",
            "application/json; charset=utf-8",
            "Application/JSON",
            "application/jwk-set+json",
        ] {
            assert!(is_json(ok), "{ok}");
        }
        for bad in [
            "text/html",
            "text/plain; charset=utf-8",
            "application/jsonp",
            "",
        ] {
            assert!(!is_json(bad), "{bad}");
        }
    }
}
