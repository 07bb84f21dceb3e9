//! Why a request was refused, and the HTTP answer for it (RFC 6750 §3).

use std::fmt;

use claims_jwt::claims_core::{BudgetKind, ClaimsError};
use claims_jwt::{Error, ErrorKind};
use http::header::{CONTENT_TYPE, WWW_AUTHENTICATE};
use http::{HeaderValue, StatusCode};

/// The stable, machine-readable reason of a [`Refusal`]: its [`Reason::as_str`] is the `reason` of the JSON
/// body, and it decides the status.
///
/// Statuses follow RFC 6750 §3.1 rather than [`claims_jwt::Error::status`]: a token that is not a JWT, or is
/// too long, is an *invalid token* (401), while 400 is kept for a *request* that is malformed (an unreadable
/// or repeated `Authorization` header, two different tokens in one place).
///
/// ```
/// use claims_axum::Reason;
/// assert_eq!((Reason::Expired.as_str(), Reason::Expired.status().as_u16()), ("expired", 401));
/// assert_eq!(Reason::DuplicateHeader.status().as_u16(), 400);
/// assert_eq!(Reason::ReservedClaim.status().as_u16(), 422);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Reason {
    /// No token in any source (401, a bare `WWW-Authenticate: Bearer` challenge, RFC 6750 §3.1).
    Missing,
    /// The `Authorization` header is not visible ASCII, or parts `Bearer` from the token with a tab (400).
    InvalidHeader,
    /// The request has more than one `Authorization` header (400).
    DuplicateHeader,
    /// One source carries several different tokens, e.g. two `__session` cookies (400).
    ConflictingTokens,
    /// Not a compact JWS (401).
    Malformed,
    /// Longer than the verifier accepts: the token, its header or its `kid` (401).
    TooLong,
    /// Signed with another algorithm than the key's, `none` included (401).
    WrongAlgorithm,
    /// No key for the token's `kid` (401).
    UnknownKey,
    /// The signature does not match (401).
    BadSignature,
    /// A claim name appears twice (401).
    DuplicateClaim,
    /// A required claim is absent: `exp`, or `iss`/`aud` when configured (401).
    MissingClaim,
    /// A claim has the wrong type, or the claims don't fit the application's type (401).
    InvalidClaims,
    /// `exp` is past, or the token is older than the verifier's maximum token age (401): either way a fresh
    /// token is the cure.
    Expired,
    /// `nbf` is in the future (401).
    NotYetValid,
    /// `iat` is in the future (401).
    IssuedInFuture,
    /// `iss` is not accepted (401).
    WrongIssuer,
    /// `aud` is not accepted, or the token names an audience where the verifier expects none (401).
    WrongAudience,
    /// `azp` is not an authorized party (401).
    UnauthorizedParty,
    /// Any other reason not to trust the token (401).
    InvalidToken,
    /// An update sets a reserved claim name (422).
    ReservedClaim,
    /// An update takes the claims over their budget (422).
    OverBudget,
    /// Any other refused update: not an object, too deep, over a bound, not the claims' type (422).
    InvalidUpdate,
    /// The new session cookie would be over the cookie limit (500: the server's claims are too large).
    CookieTooLarge,
    /// The server could not check the token, e.g. no key could be loaded (500).
    ServerError,
    /// The keys to check the token cannot be had now: the provider's JWKS is unreachable or broken and no
    /// usable set is cached, or the cached one is past its staleness limit (503; retrying later may work).
    KeysUnavailable,
}

impl Reason {
    /// The reason as it appears in the JSON body.
    ///
    /// ```
    /// assert_eq!(claims_axum::Reason::UnauthorizedParty.as_str(), "unauthorized_party");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Reason::Missing => "missing",
            Reason::InvalidHeader => "invalid_header",
            Reason::DuplicateHeader => "duplicate_header",
            Reason::ConflictingTokens => "conflicting_tokens",
            Reason::Malformed => "malformed",
            Reason::TooLong => "too_long",
            Reason::WrongAlgorithm => "wrong_algorithm",
            Reason::UnknownKey => "unknown_key",
            Reason::BadSignature => "bad_signature",
            Reason::DuplicateClaim => "duplicate_claim",
            Reason::MissingClaim => "missing_claim",
            Reason::InvalidClaims => "invalid_claims",
            Reason::Expired => "expired",
            Reason::NotYetValid => "not_yet_valid",
            Reason::IssuedInFuture => "issued_in_future",
            Reason::WrongIssuer => "wrong_issuer",
            Reason::WrongAudience => "wrong_audience",
            Reason::UnauthorizedParty => "unauthorized_party",
            Reason::InvalidToken => "invalid_token",
            Reason::ReservedClaim => "reserved_claim",
            Reason::OverBudget => "over_budget",
            Reason::InvalidUpdate => "invalid_update",
            Reason::CookieTooLarge => "cookie_too_large",
            Reason::ServerError => "server_error",
            Reason::KeysUnavailable => "keys_unavailable",
        }
    }

    /// What the client is told, in words: what went wrong and what to do. Never the token's contents.
    ///
    /// ```
    /// assert_eq!(claims_axum::Reason::Expired.message(), "the session token has expired; get a fresh one and retry");
    /// ```
    pub const fn message(self) -> &'static str {
        match self {
            Reason::Missing => {
                "no session token; sign in, then send it as `Authorization: Bearer <token>` or in the session cookie"
            }
            Reason::InvalidHeader => {
                "the Authorization header is not visible ASCII, or does not part `Bearer` from the token with a space; send `Authorization: Bearer <token>`"
            }
            Reason::DuplicateHeader => {
                "the request has more than one Authorization header; send exactly one"
            }
            Reason::ConflictingTokens => {
                "the request carries different session tokens in one place (e.g. two session cookies); clear the stale cookie and sign in again"
            }
            Reason::Malformed => "the session token is not a signed JWT; sign in again",
            Reason::TooLong => {
                "the session token is longer than this server accepts; sign in again"
            }
            Reason::WrongAlgorithm => {
                "the session token is signed with another algorithm than this server's key; sign in again"
            }
            Reason::UnknownKey => "the session token names no key this server knows; sign in again",
            Reason::BadSignature => "the session token's signature is invalid; sign in again",
            Reason::DuplicateClaim => "the session token repeats a claim; sign in again",
            Reason::MissingClaim => {
                "the session token lacks a claim this server requires; sign in again"
            }
            Reason::InvalidClaims => {
                "the session token's claims do not have the expected types; sign in again"
            }
            Reason::Expired => "the session token has expired; get a fresh one and retry",
            Reason::NotYetValid => {
                "the session token is not valid yet; check the client's clock, or retry shortly"
            }
            Reason::IssuedInFuture => {
                "the session token is issued in the future; check the client's clock, or retry shortly"
            }
            Reason::WrongIssuer => {
                "the session token comes from an issuer this server does not accept; sign in again"
            }
            Reason::WrongAudience => {
                "the session token is meant for another audience; get a token for this service"
            }
            Reason::UnauthorizedParty => {
                "the session token was issued for another origin; sign in from this application"
            }
            Reason::InvalidToken => "the session token is not accepted; sign in again",
            Reason::ReservedClaim => {
                "the update sets a claim name the token provider reserves; use another name"
            }
            Reason::OverBudget => {
                "the updated claims would be over their size budget; shorten or drop claims"
            }
            Reason::InvalidUpdate => {
                "the update is refused and nothing changed; send a JSON object that keeps the claims within their bounds"
            }
            Reason::CookieTooLarge => {
                "the new session cookie would be over the browser's size limit; nothing was set"
            }
            Reason::ServerError => "the server could not check the session token; retry later",
            Reason::KeysUnavailable => {
                "the server cannot get the keys to check the session token right now; retry shortly"
            }
        }
    }

    /// The HTTP status.
    ///
    /// ```
    /// # use claims_axum::Reason;
    /// assert_eq!(Reason::Missing.status(), http::StatusCode::UNAUTHORIZED);
    /// assert_eq!(Reason::ServerError.status(), http::StatusCode::INTERNAL_SERVER_ERROR);
    /// assert_eq!(Reason::KeysUnavailable.status(), http::StatusCode::SERVICE_UNAVAILABLE);
    /// ```
    pub const fn status(self) -> StatusCode {
        match self.class() {
            Class::Request => StatusCode::BAD_REQUEST,
            Class::Missing | Class::Token => StatusCode::UNAUTHORIZED,
            Class::Update => StatusCode::UNPROCESSABLE_ENTITY,
            Class::Server => StatusCode::INTERNAL_SERVER_ERROR,
            Class::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    /// The `WWW-Authenticate` challenge (RFC 6750 §3): none for a refused update or a server fault (the
    /// token may be fine), no error code when the request had no token at all.
    ///
    /// ```
    /// # use claims_axum::Reason;
    /// assert_eq!(Reason::Missing.challenge(), Some("Bearer"));
    /// assert_eq!(Reason::BadSignature.challenge(), Some(r#"Bearer error="invalid_token""#));
    /// assert_eq!(Reason::InvalidHeader.challenge(), Some(r#"Bearer error="invalid_request""#));
    /// assert_eq!(Reason::InvalidUpdate.challenge(), None);
    /// ```
    pub const fn challenge(self) -> Option<&'static str> {
        match self.class() {
            Class::Missing => Some("Bearer"),
            Class::Request => Some(r#"Bearer error="invalid_request""#),
            Class::Token => Some(r#"Bearer error="invalid_token""#),
            Class::Update | Class::Server | Class::Unavailable => None,
        }
    }

    /// Which kind of refusal this is; the status and the challenge follow from it.
    const fn class(self) -> Class {
        match self {
            Reason::Missing => Class::Missing,
            Reason::InvalidHeader | Reason::DuplicateHeader | Reason::ConflictingTokens => {
                Class::Request
            }
            Reason::ReservedClaim | Reason::OverBudget | Reason::InvalidUpdate => Class::Update,
            Reason::CookieTooLarge | Reason::ServerError => Class::Server,
            Reason::KeysUnavailable => Class::Unavailable,
            Reason::Malformed
            | Reason::TooLong
            | Reason::WrongAlgorithm
            | Reason::UnknownKey
            | Reason::BadSignature
            | Reason::DuplicateClaim
            | Reason::MissingClaim
            | Reason::InvalidClaims
            | Reason::Expired
            | Reason::NotYetValid
            | Reason::IssuedInFuture
            | Reason::WrongIssuer
            | Reason::WrongAudience
            | Reason::UnauthorizedParty
            | Reason::InvalidToken => Class::Token,
        }
    }
}

/// The kinds of refusal: RFC 6750's "no authentication", `invalid_request` and `invalid_token`, then a
/// refused update, a server fault, and a key source that is down for now.
#[derive(Clone, Copy)]
enum Class {
    Missing,
    Request,
    Token,
    Update,
    Server,
    Unavailable,
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A refused request: the [`Reason`], and the `claims-jwt` error behind it, if any.
///
/// Built from a verification by [`crate::Authenticator::authenticate`], from a refused update or mint with
/// `From<claims_jwt::Error>` (so `?` works in a handler returning `Result<_, Refusal>`), or by
/// [`crate::SessionCookie::set_cookie`]. [`Refusal::http_response`] is the answer; with axum it is the
/// `IntoResponse` impl. The response never holds the token's contents: those stay in
/// [`Refusal::error`], for logs and for an application's own response.
///
/// Each refusal is logged once with `tracing`: where it is made (the extractor, [`crate::Authenticator`],
/// [`crate::SessionCookie::set_cookie`]), or else by the axum `IntoResponse` impl, so that one a handler
/// returns with `?` (a refused update, a failed reissue) reaches the log too. Two refusals are equal when
/// their reason and error are, whether or not they were logged.
///
/// ```
/// use claims_axum::{Reason, Refusal};
///
/// let refusal = Refusal::from(claims_jwt::Error::Expired { exp: 100, now: 160, leeway: 5 });
/// assert_eq!((refusal.reason(), refusal.status().as_u16()), (Reason::Expired, 401));
/// let response = refusal.http_response();
/// assert_eq!(response.headers()["www-authenticate"], r#"Bearer error="invalid_token""#);
/// assert_eq!(
///     response.body(),
///     r#"{"reason":"expired","message":"the session token has expired; get a fresh one and retry"}"#
/// );
/// ```
#[derive(Debug, Clone)]
pub struct Refusal {
    reason: Reason,
    error: Option<Error>,
    /// Whether this refusal's event was emitted; its response then does not emit it again.
    logged: bool,
}

impl PartialEq for Refusal {
    fn eq(&self, other: &Self) -> bool {
        (self.reason, &self.error) == (other.reason, &other.error)
    }
}

impl Eq for Refusal {}

impl Refusal {
    /// A refusal for `reason`, with no error behind it (a request-level refusal).
    ///
    /// ```
    /// # use claims_axum::{Reason, Refusal};
    /// assert_eq!(Refusal::new(Reason::Missing).error(), None);
    /// ```
    pub const fn new(reason: Reason) -> Self {
        Refusal {
            reason,
            error: None,
            logged: false,
        }
    }

    /// This refusal, marked as logged.
    pub(crate) const fn logged(mut self) -> Self {
        self.logged = true;
        self
    }

    /// Whether this refusal was logged.
    pub(crate) const fn is_logged(&self) -> bool {
        self.logged
    }

    /// Why.
    ///
    /// ```
    /// # use claims_axum::{Reason, Refusal};
    /// assert_eq!(Refusal::from(claims_jwt::Error::InvalidSignature).reason(), Reason::BadSignature);
    /// ```
    pub const fn reason(&self) -> Reason {
        self.reason
    }

    /// The HTTP status: [`Reason::status`].
    ///
    /// ```
    /// # use claims_axum::{Reason, Refusal};
    /// assert_eq!(Refusal::new(Reason::ConflictingTokens).status().as_u16(), 400);
    /// ```
    pub const fn status(&self) -> StatusCode {
        self.reason.status()
    }

    /// The error from `claims-jwt` behind this refusal: for logs, or for an application's own response.
    /// It may hold the token's claims (`iss`, `azp`...), which the default response never shows.
    ///
    /// ```
    /// # use claims_axum::Refusal;
    /// let refusal = Refusal::from(claims_jwt::Error::InvalidIssuer { found: "https://evil.example".into() });
    /// assert!(matches!(refusal.error(), Some(claims_jwt::Error::InvalidIssuer { .. })));
    /// assert!(!refusal.http_response().body().contains("evil"));
    /// ```
    pub const fn error(&self) -> Option<&Error> {
        self.error.as_ref()
    }

    /// The JSON body: `{"reason": ..., "message": ...}`.
    ///
    /// ```
    /// # use claims_axum::{Reason, Refusal};
    /// let body: serde_json::Value = serde_json::from_str(&Refusal::new(Reason::Missing).to_json())?;
    /// assert_eq!(body["reason"], "missing");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn to_json(&self) -> String {
        #[derive(serde::Serialize)]
        struct Body {
            reason: &'static str,
            message: &'static str,
        }
        let body = Body {
            reason: self.reason.as_str(),
            message: self.reason.message(),
        };
        // Two static strings always serialize.
        serde_json::to_string(&body).unwrap_or_default()
    }

    /// The whole answer, framework-neutral: status, `WWW-Authenticate` when the reason has a challenge,
    /// `Content-Type: application/json`, and [`Refusal::to_json`]. Another framework's adapter converts it.
    ///
    /// ```
    /// # use claims_axum::{Reason, Refusal};
    /// let response = Refusal::new(Reason::ReservedClaim).http_response();
    /// assert_eq!(response.status().as_u16(), 422);
    /// assert!(response.headers().get("www-authenticate").is_none());
    /// assert_eq!(response.headers()["content-type"], "application/json");
    /// ```
    pub fn http_response(&self) -> http::Response<String> {
        let mut response = http::Response::new(self.to_json());
        *response.status_mut() = self.status();
        let headers = response.headers_mut();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        if let Some(challenge) = self.reason.challenge() {
            headers.insert(WWW_AUTHENTICATE, HeaderValue::from_static(challenge));
        }
        response
    }
}

impl From<Reason> for Refusal {
    fn from(reason: Reason) -> Self {
        Refusal::new(reason)
    }
}

impl From<Error> for Refusal {
    /// The reason for a `claims-jwt` error: by variant where the variant says more, else by [`Error::kind`].
    fn from(error: Error) -> Self {
        let reason = match &error {
            Error::TooLong { .. } | Error::HeaderTooLong { .. } | Error::KidTooLong { .. } => {
                Reason::TooLong
            }
            Error::Malformed { .. } => Reason::Malformed,
            Error::AlgorithmMismatch { .. } => Reason::WrongAlgorithm,
            Error::UnknownKid { .. } | Error::MissingKid => Reason::UnknownKey,
            Error::InvalidSignature => Reason::BadSignature,
            Error::InvalidPayload(ClaimsError::DuplicateClaim { .. }) => Reason::DuplicateClaim,
            Error::MissingClaim { .. } => Reason::MissingClaim,
            Error::InvalidClaim { .. } | Error::InvalidPayload(_) => Reason::InvalidClaims,
            // `TooOld` is Stytch's maximum token age: to the client, as stale as an expired token.
            Error::Expired { .. } | Error::TooOld { .. } => Reason::Expired,
            Error::NotYetValid { .. } => Reason::NotYetValid,
            Error::IssuedInFuture { .. } => Reason::IssuedInFuture,
            Error::InvalidIssuer { .. } => Reason::WrongIssuer,
            Error::InvalidAudience { .. } | Error::UnexpectedAudience { .. } => {
                Reason::WrongAudience
            }
            Error::UnauthorizedParty { .. } => Reason::UnauthorizedParty,
            Error::Update(ClaimsError::Reserved { .. }) => Reason::ReservedClaim,
            Error::Update(ClaimsError::OverBudget { .. }) => Reason::OverBudget,
            Error::Claims(ClaimsError::OverBudget {
                kind: BudgetKind::Cookie,
                ..
            }) => Reason::CookieTooLarge,
            // A reissue whose provider claims outgrew the bounds the cookie proof counted, or a minter
            // whose key the proof did not count: the server's configuration, not the client's token.
            Error::LayoutBound { .. } | Error::ProofMismatch { .. } => Reason::ServerError,
            // The rest by their kind: a remote JWKS that is down (`Error::Jwks`, feature `remote-jwks` of
            // claims-jwt) is `Unavailable`, a misconfigured one `Internal`, like variants added later.
            other => match other.kind() {
                ErrorKind::Malformed => Reason::Malformed,
                ErrorKind::Unauthorized => Reason::InvalidToken,
                ErrorKind::InvalidUpdate => Reason::InvalidUpdate,
                ErrorKind::Unavailable => Reason::KeysUnavailable,
                _ => Reason::ServerError,
            },
        };
        Refusal {
            reason,
            error: Some(error),
            logged: false,
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.reason, self.reason.message())
    }
}

impl std::error::Error for Refusal {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.error
            .as_ref()
            .map(|err| err as &(dyn std::error::Error + 'static))
    }
}

#[cfg(test)]
mod tests {
    use claims_jwt::claims_core::{BoundKind, Budget, ReservedClaim};
    use claims_jwt::{Algorithm, Segment};

    use super::*;

    fn assert_reasons(cases: Vec<(Error, Reason, u16)>) {
        for (error, reason, status) in cases {
            let refusal = Refusal::from(error.clone());
            let got = (refusal.reason(), refusal.status().as_u16());
            assert_eq!(got, (reason, status), "{error}");
            assert_eq!(refusal.error(), Some(&error));
        }
    }

    #[test]
    fn every_verification_error_is_an_invalid_token() {
        let (now, leeway) = (2, 0);
        let malformed = Error::Malformed {
            part: Segment::Token,
            reason: "x".into(),
        };
        assert_reasons(vec![
            (Error::TooLong { len: 9, max: 8 }, Reason::TooLong, 401),
            (malformed, Reason::Malformed, 401),
            (
                Error::AlgorithmMismatch {
                    expected: Algorithm::HS256,
                    found: "none".into(),
                },
                Reason::WrongAlgorithm,
                401,
            ),
            (
                Error::UnknownKid { kid: "k".into() },
                Reason::UnknownKey,
                401,
            ),
            (Error::MissingKid, Reason::UnknownKey, 401),
            (Error::InvalidSignature, Reason::BadSignature, 401),
            (
                Error::InvalidPayload(ClaimsError::DuplicateClaim { name: "a".into() }),
                Reason::DuplicateClaim,
                401,
            ),
            (
                Error::MissingClaim { name: "exp" },
                Reason::MissingClaim,
                401,
            ),
            (
                Error::InvalidClaim {
                    name: "exp".into(),
                    expected: "a number",
                    found: "string".into(),
                },
                Reason::InvalidClaims,
                401,
            ),
            (
                Error::InvalidPayload(ClaimsError::Json {
                    message: "m".into(),
                }),
                Reason::InvalidClaims,
                401,
            ),
            (
                Error::Expired {
                    exp: 1,
                    now,
                    leeway,
                },
                Reason::Expired,
                401,
            ),
            (
                Error::NotYetValid {
                    nbf: 3,
                    now,
                    leeway,
                },
                Reason::NotYetValid,
                401,
            ),
            (
                Error::IssuedInFuture {
                    iat: 3,
                    now,
                    leeway,
                },
                Reason::IssuedInFuture,
                401,
            ),
            (
                Error::InvalidIssuer { found: "i".into() },
                Reason::WrongIssuer,
                401,
            ),
            (
                Error::InvalidAudience { found: vec![] },
                Reason::WrongAudience,
                401,
            ),
            (
                Error::UnauthorizedParty { azp: "a".into() },
                Reason::UnauthorizedParty,
                401,
            ),
        ]);
    }

    #[test]
    fn the_header_and_lifetime_refusals_have_their_reasons() {
        assert_reasons(vec![
            (
                Error::HeaderTooLong { len: 9, max: 8 },
                Reason::TooLong,
                401,
            ),
            (
                Error::KidTooLong { len: 257, max: 256 },
                Reason::TooLong,
                401,
            ),
            (
                Error::TooOld {
                    iat: 1,
                    now: 400,
                    max_age: 300,
                    leeway: 0,
                },
                Reason::Expired,
                401,
            ),
            (
                Error::UnexpectedAudience {
                    found: vec!["api".into()],
                },
                Reason::WrongAudience,
                401,
            ),
            // The rest keep the generic reasons of their kind.
            (
                Error::DuplicateHeaderParameter { name: "alg".into() },
                Reason::Malformed,
                401,
            ),
            (
                Error::HeaderParameterRefused {
                    name: "crit".into(),
                },
                Reason::InvalidToken,
                401,
            ),
            (
                Error::InvalidType {
                    expected: "JWT",
                    found: Some("at+jwt".into()),
                },
                Reason::InvalidToken,
                401,
            ),
            (
                Error::LifetimeTooLong {
                    lifetime: 86_401,
                    max: 86_400,
                },
                Reason::InvalidToken,
                401,
            ),
        ]);
    }

    #[test]
    fn update_and_server_errors_have_their_own_statuses() {
        let over = |kind| ClaimsError::OverBudget {
            kind,
            size: 4097,
            budget: Budget::bytes(4096),
        };
        let reserved = ClaimsError::Reserved {
            claims: vec![ReservedClaim {
                name: "sid".into(),
                profile: Some("clerk".into()),
                prefix: None,
                reason: "reserved by profile `clerk`".into(),
            }],
        };
        let not_object = ClaimsError::NotAnObject {
            what: "patch",
            found: "array",
        };
        assert_reasons(vec![
            (Error::Update(reserved), Reason::ReservedClaim, 422),
            (
                Error::Update(over(BudgetKind::CustomClaims)),
                Reason::OverBudget,
                422,
            ),
            (
                Error::Update(not_object.clone()),
                Reason::InvalidUpdate,
                422,
            ),
            (
                Error::Claims(over(BudgetKind::Cookie)),
                Reason::CookieTooLarge,
                500,
            ),
            (
                Error::Claims(over(BudgetKind::CustomClaims)),
                Reason::ServerError,
                500,
            ),
            (Error::Claims(not_object), Reason::ServerError, 500),
            (
                Error::LayoutBound {
                    claim: "sid".into(),
                    bound: BoundKind::MaxLen,
                    limit: Some(64),
                    actual: 65,
                },
                Reason::ServerError,
                500,
            ),
            (
                Error::ProofMismatch {
                    what: "kid",
                    proved: Some(8),
                    actual: 15,
                },
                Reason::ServerError,
                500,
            ),
            (Error::Key(jsonwebtoken_error()), Reason::ServerError, 500),
            (
                Error::Signing(jsonwebtoken_error()),
                Reason::ServerError,
                500,
            ),
        ]);
    }

    #[cfg(feature = "remote-jwks")]
    #[test]
    fn a_remote_jwks_that_is_down_is_a_503_and_a_misconfigured_one_a_500() {
        use claims_jwt::JwksError;
        let url = "https://clerk.example.com/.well-known/jwks.json";
        let stale = JwksError::Stale {
            url: url.into(),
            expired_at: 100,
            now: 86_501,
            max_stale: 86_400,
            last_error: Some(Box::new(JwksError::Status {
                url: url.into(),
                status: 502,
            })),
        };
        assert_reasons(vec![
            (Error::Jwks(stale), Reason::KeysUnavailable, 503),
            (
                Error::Jwks(JwksError::NotFetched { url: url.into() }),
                Reason::KeysUnavailable,
                503,
            ),
            (
                Error::Jwks(JwksError::Timeout { url: url.into() }),
                Reason::KeysUnavailable,
                503,
            ),
            (
                Error::Jwks(JwksError::Client {
                    reason: "no CA certificates".into(),
                }),
                Reason::ServerError,
                500,
            ),
        ]);
    }

    fn jsonwebtoken_error() -> claims_jwt::jsonwebtoken::errors::Error {
        claims_jwt::jsonwebtoken::errors::ErrorKind::InvalidKeyFormat.into()
    }

    #[test]
    fn responses_carry_the_challenge_and_never_the_token_contents() {
        let refusal = Refusal::from(Error::UnauthorizedParty {
            azp: "https://attacker.example".into(),
        });
        let response = refusal.http_response();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(
            response.headers()[WWW_AUTHENTICATE],
            r#"Bearer error="invalid_token""#
        );
        assert_eq!(
            response.body(),
            r#"{"reason":"unauthorized_party","message":"the session token was issued for another origin; sign in from this application"}"#
        );

        let missing = Refusal::new(Reason::Missing).http_response();
        assert_eq!(missing.headers()[WWW_AUTHENTICATE], "Bearer");
        let bad_request = Refusal::new(Reason::DuplicateHeader).http_response();
        assert_eq!(bad_request.status(), StatusCode::BAD_REQUEST);
        assert_eq!(
            bad_request.headers()[WWW_AUTHENTICATE],
            r#"Bearer error="invalid_request""#
        );
        let server = Refusal::from(Error::Key(jsonwebtoken_error())).http_response();
        assert_eq!(server.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert!(server.headers().get(WWW_AUTHENTICATE).is_none());
        let unavailable = Refusal::new(Reason::KeysUnavailable).http_response();
        assert_eq!(unavailable.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert!(unavailable.headers().get(WWW_AUTHENTICATE).is_none());
        assert_eq!(
            unavailable.body(),
            r#"{"reason":"keys_unavailable","message":"the server cannot get the keys to check the session token right now; retry shortly"}"#
        );
    }

    #[test]
    fn equality_ignores_whether_a_refusal_was_logged() {
        let refusal = Refusal::from(Error::InvalidSignature);
        let logged = refusal.clone().logged();
        assert!(logged.is_logged() && !refusal.is_logged());
        assert_eq!(logged, refusal);
        // Control: another reason, or the same reason with another error, differs.
        assert_ne!(refusal, Refusal::new(Reason::BadSignature));
        assert_ne!(refusal, Refusal::from(Error::MissingKid));
    }

    #[test]
    fn messages_are_lowercase_and_say_what_to_do() {
        let all = [
            Reason::Missing,
            Reason::InvalidHeader,
            Reason::DuplicateHeader,
            Reason::ConflictingTokens,
            Reason::Malformed,
            Reason::TooLong,
            Reason::WrongAlgorithm,
            Reason::UnknownKey,
            Reason::BadSignature,
            Reason::DuplicateClaim,
            Reason::MissingClaim,
            Reason::InvalidClaims,
            Reason::Expired,
            Reason::NotYetValid,
            Reason::IssuedInFuture,
            Reason::WrongIssuer,
            Reason::WrongAudience,
            Reason::UnauthorizedParty,
            Reason::InvalidToken,
            Reason::ReservedClaim,
            Reason::OverBudget,
            Reason::InvalidUpdate,
            Reason::CookieTooLarge,
            Reason::ServerError,
            Reason::KeysUnavailable,
        ];
        let mut names: Vec<&str> = all.iter().map(|r| r.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), all.len(), "reasons are distinct");
        for reason in all {
            let message = reason.message();
            assert!(
                message.starts_with(|c: char| c.is_ascii_lowercase()),
                "{message}"
            );
            assert!(
                message.contains("; "),
                "{reason}: say what to do after `; `"
            );
            assert!(!message.ends_with('.'), "{message}");
        }
    }
}
