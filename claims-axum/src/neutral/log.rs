//! What the operator sees of a refusal: one `tracing` event per refused request, never the token.

use tracing::field::display;

use super::{Origin, Reason, Refusal};

/// Logs `refusal` (why, what status, where the token was) and returns it marked as logged, so that its
/// response does not log it again. Never the token, nor the claims in the error (the token's `iss` or
/// `azp` are the sender's words), except for a server-side fault, whose error is about the server's own
/// keys or claims.
///
/// Levels: `info` for 4xx, `warn` for keys that cannot be had now (503), `error` for a server-side fault.
pub(crate) fn log_refusal(refusal: Refusal, origin: Option<&Origin>) -> Refusal {
    let (reason, status) = (refusal.reason().as_str(), refusal.status().as_u16());
    let source = origin.map(display);
    if refusal.reason() == Reason::KeysUnavailable {
        // The provider's keys, not this request: the JWKS error names the URL and why, never a token.
        let error = refusal.error().map(display);
        tracing::warn!(
            reason,
            status,
            source,
            error,
            "session not checked: the keys to check it cannot be had now"
        );
    } else if refusal.status().is_server_error() {
        let error = refusal.error().map(display);
        tracing::error!(
            reason,
            status,
            source,
            error,
            "session check failed on the server"
        );
    } else {
        tracing::info!(reason, status, source, "session refused");
    }
    refusal.logged()
}
