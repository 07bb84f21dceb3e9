//! What `claims inspect` found, as one value: written as JSON by `--format json`, and as text by
//! [`super::text`].

use serde::Serialize;
use serde_json::{Map, Value};

use crate::sizes::SizeJson;

/// Claims whose custom part is any JSON object: what `claims inspect` reads every token's custom claims
/// as.
pub(crate) type Dynamic = Map<String, Value>;

/// Everything `claims inspect` reports about one token.
#[derive(Debug, Serialize)]
pub(crate) struct Inspection {
    /// Whether the token was verified, and how.
    pub(crate) verification: Verification,
    /// The instant times are shown and checked against (Unix seconds): `--at`, or now.
    pub(crate) at: u64,
    /// Whether `at` came from `--at`.
    pub(crate) at_given: bool,
    /// The layout the claims were read with.
    pub(crate) layout: LayoutJson,
    /// The protected header.
    pub(crate) header: Map<String, Value>,
    /// The registered claims of RFC 7519 (those of claims-jwt's `Registered::NAMES`).
    pub(crate) registered: Map<String, Value>,
    /// The claims the layout owns (Clerk's `sid`, `o`...; Stytch's `https://stytch.com/...`).
    pub(crate) provider: Map<String, Value>,
    /// Every other claim: the application's.
    pub(crate) custom: Map<String, Value>,
    /// `iat`, `nbf` and `exp`, for people.
    pub(crate) times: Vec<TimeJson>,
    /// Refusals that hold whatever the key: mistyped or repeated claims, a token too long for its cookie.
    pub(crate) problems: Vec<String>,
    /// Where the bytes go; absent when the payload names a claim twice.
    pub(crate) size: Option<SizeJson>,
    /// The size report as text, with the notes that go under it.
    #[serde(skip)]
    pub(crate) size_text: String,
}

/// The layout, and the claim it was recognised by.
#[derive(Debug, Serialize)]
pub(crate) struct LayoutJson {
    pub(crate) name: &'static str,
    /// Whether it was given with `--layout`.
    pub(crate) given: bool,
    /// The claim that told the layout, when it was detected rather than given with `--layout`.
    pub(crate) detected_from: Option<String>,
}

/// A time claim.
#[derive(Debug, Serialize)]
pub(crate) struct TimeJson {
    pub(crate) claim: &'static str,
    /// The `NumericDate`, as in the token.
    pub(crate) value: u64,
    /// RFC 3339, UTC.
    pub(crate) utc: String,
    /// Relative to `at`, e.g. `in 45 s`, `3 days ago`.
    pub(crate) relative: String,
    /// `expired`, `not yet valid` or `in the future` as of `at`, without leeway; absent when fine.
    pub(crate) state: Option<&'static str>,
}

/// The verdict.
#[derive(Debug, Serialize)]
#[serde(tag = "status", rename_all = "lowercase")]
pub(crate) enum Verification {
    /// No key was given: nothing is trusted.
    Unverified,
    /// claims-jwt's `Verifier` accepted the token.
    Verified {
        /// The key, in words.
        key: String,
        /// Each check the verifier made, in its order.
        checked: Vec<String>,
        /// Claims the token carries that nothing was configured to check, with the option that would.
        not_checked: Vec<String>,
    },
    /// claims-jwt's `Verifier` refused the token.
    Refused {
        /// The key, in words.
        key: String,
        /// A stable name for the refusal, e.g. `expired`, `invalid_signature`.
        reason: &'static str,
        /// The HTTP status a server would answer with.
        http_status: u16,
        /// The verifier's message.
        message: String,
        /// What to try next, when there is something to say.
        hint: Option<String>,
    },
}
