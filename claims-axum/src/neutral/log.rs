//! What the operator sees of a refusal: one `tracing` event per refused request, never the token.

use std::fmt;

use tracing::field::display;

use super::{Origin, Reason, Refusal};

/// How many characters of a cookie's name an event shows: the name is the sender's choice (any
/// `__session_<suffix>` is read), and a log line is no place for kilobytes of it.
const MAX_LOGGED_NAME: usize = 64;

/// Logs `refusal` (why, what status, where the token was) and returns it marked as logged, so that its
/// response does not log it again. Never the token, nor the claims in the error (the token's `iss` or
/// `azp` are the sender's words), except for a server-side fault, whose error is about the server's own
/// keys or claims.
///
/// Levels: `debug` for a request without any token (every anonymous visit to a protected route), `info`
/// for the other 4xx, `warn` for keys that cannot be had now (503), `error` for a server-side fault.
pub(crate) fn log_refusal(refusal: Refusal, origin: Option<&Origin>) -> Refusal {
    let (reason, status) = (refusal.reason().as_str(), refusal.status().as_u16());
    let source = origin.map(|origin| display(Shown(origin)));
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
    } else if refusal.reason() == Reason::Missing {
        // Every anonymous visit to a protected route: routine, not worth an operator's attention.
        tracing::debug!(reason, status, source, "session refused");
    } else {
        tracing::info!(reason, status, source, "session refused");
    }
    refusal.logged()
}

/// An origin as a log shows it: a cookie's name quoted and escaped, and cut at [`MAX_LOGGED_NAME`]
/// characters.
struct Shown<'a>(&'a Origin);

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Origin::Cookie(name) => match name.char_indices().nth(MAX_LOGGED_NAME) {
                Some((cut, _)) => write!(f, "cookie {:?}… ({} bytes)", &name[..cut], name.len()),
                None => write!(f, "cookie {name:?}"),
            },
            other => fmt::Display::fmt(other, f),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cookie_name_is_quoted_escaped_and_cut() {
        let shown = |name: &str| Shown(&Origin::Cookie(name.to_owned())).to_string();
        assert_eq!(shown("__session"), r#"cookie "__session""#);
        assert_eq!(shown("__session_a\nb"), r#"cookie "__session_a\nb""#);
        let exactly = "n".repeat(MAX_LOGGED_NAME);
        assert_eq!(shown(&exactly), format!("cookie \"{exactly}\""));
        let long = format!("__session_{}", "é".repeat(3000));
        let kept = format!(
            "__session_{}",
            "é".repeat(MAX_LOGGED_NAME - "__session_".len())
        );
        assert_eq!(shown(&long), format!("cookie \"{kept}\"… (6010 bytes)"));
        assert_eq!(Shown(&Origin::Bearer).to_string(), "bearer");
    }
}
