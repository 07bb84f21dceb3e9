//! The registered claims that are `NumericDate`s (`iat`, `nbf`, `exp`): what `inspect` shows as times
//! and what `mint` writes itself. Each is named by its field of claims-jwt's `Registered`, the struct
//! its one list of registered claims declares, so a name the list lacks does not compile.

use claims_jwt::Registered;

/// A `NumericDate` claim.
pub(crate) struct NumericDate {
    /// Its name, as in a token.
    pub(crate) name: &'static str,
    /// Its value in typed claims.
    pub(crate) get: fn(&Registered) -> Option<u64>,
    /// What a value says of the token as of an instant (`(value, at)`), when it fails the check a
    /// verifier makes without leeway: `expired`, `not yet valid`, `in the future`.
    pub(crate) failed: fn(u64, u64) -> Option<&'static str>,
}

/// `name: |value, at| state` entries, the name a field of `Registered`.
macro_rules! numeric_dates {
    ($($claim:ident: $failed:expr),+ $(,)?) => {
        [$(NumericDate {
            name: stringify!($claim),
            get: |registered| registered.$claim,
            failed: $failed,
        }),+]
    };
}

/// In the order of a token's life: issued, valid from, expires.
pub(crate) const NUMERIC_DATES: [NumericDate; 3] = numeric_dates![
    iat: |iat, at| (iat > at).then_some("in the future"),
    nbf: |nbf, at| (nbf > at).then_some("not yet valid"),
    exp: |exp, at| (exp <= at).then_some("expired"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_is_a_registered_claim_read_from_its_field() {
        let names = NUMERIC_DATES.map(|date| date.name);
        assert_eq!(names, ["iat", "nbf", "exp"]);
        assert!(names.iter().all(|name| Registered::NAMES.contains(name)));
        let mut registered = Registered::default();
        registered.iat = Some(1);
        registered.nbf = Some(2);
        registered.exp = Some(3);
        assert_eq!(
            NUMERIC_DATES.map(|date| (date.get)(&registered)),
            [Some(1), Some(2), Some(3)]
        );
    }

    #[test]
    fn each_says_when_it_fails() {
        let states = |at| NUMERIC_DATES.map(|date| (date.failed)(100, at));
        assert_eq!(states(100), [None, None, Some("expired")]);
        assert_eq!(
            states(99),
            [Some("in the future"), Some("not yet valid"), None]
        );
        assert_eq!(states(101), [None, None, Some("expired")]);
    }
}
