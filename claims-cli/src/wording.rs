//! claims-jwt's and claims-core's refusals in command-line words. Their messages are written for Rust
//! users and name Rust APIs (`Minter::with_ttl`, `JwksOptions::with_max_body_len`, "a `SizeReport`"); a
//! person at a shell is told the option or command to use instead. The figures are the errors' own.

use claims_jwt::claims_core::{BudgetKind, ClaimsError};
use claims_jwt::{Error, JwksError};

/// `err` with its advice for a person: over a budget, `largest` says where to see the largest claims
/// (e.g. "run `claims size claims.json --profile clerk` to see which are largest", "see which are largest
/// in the size report"); other errors as they are.
pub(crate) fn claims_error(err: &ClaimsError, largest: &str) -> String {
    let ClaimsError::OverBudget { kind, size, budget } = err else {
        return err.to_string();
    };
    let (subject, json) = match kind {
        BudgetKind::CustomClaims => ("custom claims take", " of compact JSON"),
        BudgetKind::Payload => ("the payload takes", " of compact JSON"),
        BudgetKind::Token => ("the token takes", ""),
        BudgetKind::Cookie => ("the cookie takes", ""),
        _ => return err.to_string(),
    };
    format!(
        "{subject} {size} {}{json}, {} over the budget of {budget}; {largest}, then shorten or drop \
         claims or keep large data server-side",
        budget.unit,
        size.saturating_sub(budget.limit),
    )
}

/// Where `claims inspect` shows the largest claims.
pub(crate) const INSPECT_LARGEST: &str = "see which are largest in the size report";
/// Where `claims size` shows them.
pub(crate) const SIZE_LARGEST: &str = "see which are largest in the report";

/// What to run to see the largest claims of `file` (or of a file, when they came from stdin) under
/// `profile`.
pub(crate) fn run_size(file: Option<&std::path::Path>, profile: &str) -> String {
    let file = file
        .filter(|path| path.as_os_str() != "-")
        .map_or_else(|| "FILE".to_owned(), |path| path.display().to_string());
    format!("run `claims size {file} --profile {profile}` to see which are largest")
}

/// A verifier's refusal, for `claims inspect`: the options replace the Rust APIs its message names.
pub(crate) fn refusal(err: &Error) -> String {
    match err {
        Error::LifetimeTooLong { lifetime, max } => {
            format!("the token lives {lifetime} s, over the maximum lifetime of {max} s; refused")
        }
        Error::UnexpectedAudience { found } => format!(
            "the token names the audience {found:?} and no --audience was given, so it is refused \
             (RFC 7519 §4.1.3)"
        ),
        Error::InvalidType {
            expected,
            found: None,
        } => format!(
            "the token's header has no `typ`, and `{expected}` is required; if its issuer omits `typ`, \
             give --typ-optional"
        ),
        Error::HeaderParameterRefused { name } if name != "crit" => format!(
            "the token's header has `{name}`, which points at a key; keys come only from the key or JWKS you give \
             (RFC 8725 §3.10), so it is refused; --ignore-key-parameters accepts and ignores it"
        ),
        other => other.to_string(),
    }
}

/// The minter's refusals of the command line's options, for `claims mint`; `layout` names the layout.
pub(crate) fn mint_error(err: &Error, layout: &str, largest: &str) -> String {
    match err {
        Error::Claims(err) => format!("cannot mint: {}", claims_error(err, largest)),
        Error::TtlTooLong { ttl, max } => format!(
            "--ttl {ttl}s is over the {layout} layout's maximum lifetime of {max} s; give --ttl {max}s or less"
        ),
        Error::KidTooLong { len, max } => {
            format!("--kid is {len} bytes, over the {max} a verifier accepts; give a shorter --kid")
        }
        Error::LayoutBound {
            claim,
            bound,
            limit: Some(limit),
            actual,
        } => format!(
            "cannot mint: claim `{claim}` takes {actual} {}, over the {layout} layout's bound of {limit}; \
             shorten the value",
            bound.unit()
        ),
        Error::LayoutBound {
            claim,
            bound,
            limit: None,
            actual,
        } => format!(
            "cannot mint: claim `{claim}` takes {actual} {}, but the {layout} layout never writes it; \
             leave it out",
            bound.unit()
        ),
        other => other.to_string(),
    }
}

/// A remote JWKS that cannot be used, for a person: `with_file` says how to pass a downloaded copy
/// (e.g. "pass --jwks jwks.json").
pub(crate) fn remote_error(err: &Error, with_file: &str) -> String {
    match err {
        Error::Jwks(JwksError::TooLarge { url, limit }) => format!(
            "the JWKS at {url} is over the {limit}-byte cap and was refused; if the set is genuine, \
             download it (curl -o jwks.json {url}) and {with_file}"
        ),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use claims_jwt::claims_core::{BoundKind, Budget};

    #[test]
    fn budgets_point_to_the_command_that_shows_the_largest_claims() {
        let over = ClaimsError::OverBudget {
            kind: BudgetKind::CustomClaims,
            size: 1_310,
            budget: Budget::bytes(1_200),
        };
        let largest = run_size(Some(std::path::Path::new("claims.json")), "clerk");
        assert_eq!(
            claims_error(&over, &largest),
            "custom claims take 1310 bytes of compact JSON, 110 over the budget of 1200 bytes; run \
             `claims size claims.json --profile clerk` to see which are largest, then shorten or drop \
             claims or keep large data server-side"
        );
        let cookie = ClaimsError::OverBudget {
            kind: BudgetKind::Cookie,
            size: 4_100,
            budget: Budget::bytes(4_096),
        };
        assert_eq!(
            claims_error(&cookie, INSPECT_LARGEST),
            "the cookie takes 4100 bytes, 4 over the budget of 4096 bytes; see which are largest in the \
             size report, then shorten or drop claims or keep large data server-side"
        );
        assert_eq!(
            run_size(None, "stytch"),
            "run `claims size FILE --profile stytch` to see which are largest"
        );
        assert_eq!(
            run_size(Some(std::path::Path::new("-")), "rfc7519"),
            "run `claims size FILE --profile rfc7519` to see which are largest"
        );
        // The positive control: another error is the library's own.
        let duplicate = ClaimsError::DuplicateClaim { name: "sub".into() };
        assert_eq!(claims_error(&duplicate, &largest), duplicate.to_string());
    }

    #[test]
    fn no_message_names_a_rust_api() {
        let messages = [
            refusal(&Error::LifetimeTooLong {
                lifetime: 950,
                max: 60,
            }),
            refusal(&Error::UnexpectedAudience {
                found: vec!["api".into()],
            }),
            refusal(&Error::InvalidType {
                expected: "JWT",
                found: None,
            }),
            refusal(&Error::HeaderParameterRefused { name: "x5u".into() }),
            mint_error(&Error::TtlTooLong { ttl: 61, max: 60 }, "clerk", ""),
            mint_error(&Error::KidTooLong { len: 300, max: 256 }, "clerk", ""),
            mint_error(
                &Error::LayoutBound {
                    claim: "sid".into(),
                    bound: BoundKind::MaxLen,
                    limit: Some(64),
                    actual: 70,
                },
                "clerk",
                "",
            ),
            mint_error(
                &Error::LayoutBound {
                    claim: "act".into(),
                    bound: BoundKind::MaxJsonLen,
                    limit: None,
                    actual: 45,
                },
                "clerk",
                "",
            ),
            remote_error(
                &Error::Jwks(JwksError::TooLarge {
                    url: "https://a.example/jwks".into(),
                    limit: 65_536,
                }),
                "pass --jwks jwks.json",
            ),
        ];
        assert_eq!(
            messages,
            [
                "the token lives 950 s, over the maximum lifetime of 60 s; refused",
                "the token names the audience [\"api\"] and no --audience was given, so it is refused \
                 (RFC 7519 §4.1.3)",
                "the token's header has no `typ`, and `JWT` is required; if its issuer omits `typ`, give \
                 --typ-optional",
                "the token's header has `x5u`, which points at a key; keys come only from the key or JWKS you give \
                 (RFC 8725 §3.10), so it is refused; --ignore-key-parameters accepts and ignores it",
                "--ttl 61s is over the clerk layout's maximum lifetime of 60 s; give --ttl 60s or less",
                "--kid is 300 bytes, over the 256 a verifier accepts; give a shorter --kid",
                "cannot mint: claim `sid` takes 70 bytes, over the clerk layout's bound of 64; shorten the \
                 value",
                "cannot mint: claim `act` takes 45 bytes of JSON, but the clerk layout never writes it; leave \
                 it out",
                "the JWKS at https://a.example/jwks is over the 65536-byte cap and was refused; if the set \
                 is genuine, download it (curl -o jwks.json https://a.example/jwks) and pass --jwks jwks.json",
            ]
        );
        for message in &messages {
            assert!(!message.contains("::"), "{message}");
        }
    }
}
