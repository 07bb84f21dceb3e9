//! A JWKS at a URL, fetched once through claims-jwt's remote key source (`RemoteJwks`) with its limits:
//! https (plain http to loopback only), connect and total timeouts, a cap on the body, status 200 and a
//! JSON `Content-Type`. `--jwks URL` takes its usable keys (those that cannot verify skipped one by one);
//! `claims keys URL` takes the document as served, to explain every member.

use std::future::Future;

use claims_jwt::{JwksOptions, KeySet, RemoteJwks};

use crate::exit::Failure;
use crate::wording;

/// The usable keys of the JWKS at `url`, for `--jwks URL`. Any failure (a URL keys must not come from, no
/// answer in time, another status, a body over the cap, no usable key) is an input error naming the URL.
pub(crate) fn fetch(url: &str) -> Result<KeySet, Failure> {
    let context = format!("--jwks {url}");
    let with_file = "pass --jwks jwks.json";
    let cached = once(&context, url, with_file, |jwks| async move {
        jwks.refresh().await
    })?;
    Ok(cached.keys().clone())
}

/// The JWKS document at `url` as served, for `claims keys URL`: the same checks on the answer, but its
/// members are not read, so that unusable ones can be explained too.
pub(crate) fn document(url: &str) -> Result<String, Failure> {
    let context = format!("claims keys {url}");
    let with_file = "run `claims keys jwks.json`";
    let body = once(&context, url, with_file, |jwks| async move {
        jwks.fetch_document().await
    })?;
    String::from_utf8(body)
        .map_err(|_| Failure::input(format!("{context}: the JWKS is not UTF-8 text")))
}

/// Runs one request against the JWKS at `url` on a runtime of this thread: nothing else is async.
/// `with_file` says how to pass a downloaded copy instead, when the document is too large.
fn once<T, F>(
    context: &str,
    url: &str,
    with_file: &str,
    request: impl FnOnce(RemoteJwks) -> F,
) -> Result<T, Failure>
where
    F: Future<Output = Result<T, claims_jwt::Error>>,
{
    let failed = |err: claims_jwt::Error| {
        Failure::input(format!(
            "{context}: {}",
            wording::remote_error(&err, with_file)
        ))
    };
    let jwks = RemoteJwks::new(url, JwksOptions::default()).map_err(failed)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|err| {
            Failure::input(format!(
                "{context}: cannot start the HTTP client ({err}); download the JWKS and pass the file"
            ))
        })?;
    runtime.block_on(request(jwks)).map_err(failed)
}
