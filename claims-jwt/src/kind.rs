//! What an error means to a request handler, apart from the errors themselves: both [`crate::Error`] and
//! [`crate::JwksError`] map onto it, so it depends on neither.

/// What an [`Error`](crate::Error) means to a request handler.
///
/// ```
/// use claims_jwt::ErrorKind;
/// assert_eq!(ErrorKind::InvalidUpdate.status(), 422);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The request carries something that is not a well-formed token: HTTP 400.
    Malformed,
    /// A well-formed token that must not be trusted (signature, algorithm, key, expiry, issuer, audience,
    /// authorized party, claim types): HTTP 401.
    Unauthorized,
    /// A claims update the policy refuses: HTTP 422.
    InvalidUpdate,
    /// The server's own claims or keys are wrong (over budget at mint, bad key): HTTP 500.
    Internal,
    /// The keys to check the token cannot be had now (the provider's JWKS is unreachable and the last
    /// good set is too old, or was never fetched): HTTP 503; retrying later may succeed.
    Unavailable,
}

impl ErrorKind {
    /// The HTTP status code for this kind.
    pub const fn status(self) -> u16 {
        match self {
            ErrorKind::Malformed => 400,
            ErrorKind::Unauthorized => 401,
            ErrorKind::InvalidUpdate => 422,
            ErrorKind::Internal => 500,
            ErrorKind::Unavailable => 503,
        }
    }
}
