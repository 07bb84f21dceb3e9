//! `--jwks URL`: the key set at a URL, fetched once through claims-jwt's remote key source
//! (`RemoteJwks`) with its limits: https (plain http to loopback only), connect and total timeouts, a cap
//! on the body, status 200 and a JSON `Content-Type`, keys that cannot verify skipped one by one.

use claims_jwt::{JwksOptions, KeySet, RemoteJwks};

use crate::exit::Failure;

/// The usable keys of the JWKS at `url`. Any failure (a URL keys must not come from, no answer in
/// time, another status, a body over the cap, no usable key) is an input error naming the URL.
pub(crate) fn fetch(url: &str) -> Result<KeySet, Failure> {
    let failed = |err: claims_jwt::Error| Failure::input(format!("--jwks {url}: {err}"));
    let jwks = RemoteJwks::new(url, JwksOptions::default()).map_err(failed)?;
    // One fetch and nothing else async: a runtime on this thread, for as long as it takes.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|err| {
            Failure::input(format!(
                "--jwks {url}: cannot start the HTTP client ({err}); download the JWKS and pass the file"
            ))
        })?;
    let cached = runtime.block_on(jwks.refresh()).map_err(failed)?;
    Ok(cached.keys().clone())
}
