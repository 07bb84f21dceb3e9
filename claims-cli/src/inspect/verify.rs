//! Verifying with claims-jwt's `Verifier`, configured from the command line, and saying exactly what it
//! checked (in the order its documentation gives) or why it refused.

use claims_jwt::{
    ClaimsError, Clock, DEFAULT_MAX_HEADER_LEN, DEFAULT_MAX_TOKEN_LEN, Error,
    KEY_HEADER_PARAMETERS, Layout, MAX_KID_LEN, Token, Verifier, VerifyingKey,
};

use super::model::{Dynamic, Verification};
use crate::cli::InspectArgs;
use crate::exit::Failure;
use crate::keys::{LoadedKey, VerifierKeys};
use crate::{time, wording};

/// Verifies `token` as a `Verifier<L>` built from `key` and the options of `args`; fails only when the
/// options cannot make a verifier (a `--leeway` over claims-jwt's maximum).
pub(crate) fn verify<L: Layout>(
    key: &LoadedKey,
    args: &InspectArgs,
    token: &str,
) -> Result<Verification, Failure> {
    let mut verifier = match &key.keys {
        VerifierKeys::One(one) => Verifier::<L>::new(one.clone()),
        VerifierKeys::Set(set) => Verifier::<L>::from_key_set(set.clone()),
    };
    for issuer in &args.issuer {
        verifier = verifier.with_issuer(issuer);
    }
    for audience in &args.audience {
        verifier = verifier.with_audience(audience);
    }
    for party in &args.authorized_party {
        verifier = verifier.with_authorized_party(party);
    }
    if let Some(leeway) = args.leeway {
        verifier = verifier
            .with_leeway(leeway)
            .map_err(|err| Failure::input(format!("--leeway: {err}")))?;
    }
    if let Some(max) = args.max_lifetime {
        verifier = verifier.with_max_lifetime(max);
    }
    if args.typ_optional {
        verifier = verifier.with_typ_optional();
    }
    if args.ignore_key_parameters {
        verifier = verifier.with_key_parameters_ignored();
    }
    let clock = args.at.map_or_else(Clock::system, Clock::fixed);
    let now = clock.now();
    let verifier = verifier.with_clock(clock);
    let leeway = args
        .leeway
        .map_or(L::DEFAULT_LEEWAY, |leeway| leeway.as_secs());
    let max_lifetime = args
        .max_lifetime
        .map_or(L::MAX_LIFETIME, |max| max.as_secs());

    Ok(match verifier.verify::<Dynamic>(token) {
        Ok(accepted) => {
            let (checked, not_checked) = checks(
                &accepted,
                &key.keys,
                args,
                (token.len(), now, leeway, max_lifetime),
            );
            Verification::Verified {
                key: key.source.clone(),
                checked,
                not_checked,
            }
        }
        Err(err) => Verification::Refused {
            key: key.source.clone(),
            reason: reason(&err),
            http_status: err.status(),
            message: wording::refusal(&err),
            hint: hint(&err, key, now),
        },
    })
}

/// What the verifier checked on `token`, and the claims it carries that nothing checked.
fn checks<L: Layout>(
    token: &Token<Dynamic, L>,
    keys: &VerifierKeys,
    args: &InspectArgs,
    (len, now, leeway, max_lifetime): (usize, u64, u64, u64),
) -> (Vec<String>, Vec<String>) {
    let registered = token.registered();
    let at = format!("at {} (leeway {leeway} s)", time::utc(now));
    let mut checked = vec![
        format!("length: {len} bytes, within the cap of {DEFAULT_MAX_TOKEN_LEN}"),
        match (keys, token.header().kid()) {
            (VerifierKeys::Set(_), Some(kid)) => format!("key: the JWKS key with `kid` {kid}"),
            (VerifierKeys::Set(_), None) => {
                "key: the JWKS's only key (the token has no `kid`)".to_owned()
            }
            (VerifierKeys::One(_), _) => {
                "key: the one given, whatever the token's `kid`".to_owned()
            }
        },
        format!(
            "header: an object of unique members, at most {DEFAULT_MAX_HEADER_LEN} chars, `kid` at most \
             {MAX_KID_LEN} bytes; no `crit`{}{}",
            if args.ignore_key_parameters {
                "; "
            } else {
                ", "
            },
            key_parameters(args.ignore_key_parameters)
        ),
        format!(
            "algorithm: {:?}, pinned by the key (the header's `alg` must name it)",
            token.header().alg()
        ),
        match token.header().typ() {
            Some(_) => format!("typ: `{}`, as {} tokens are", L::TYP, L::NAME),
            None => format!(
                "typ: absent, accepted (--typ-optional); one present must be `{}`",
                L::TYP
            ),
        },
        "signature: valid".to_owned(),
        format!(
            "claims: each name once; registered and {} claims of their types",
            L::NAME
        ),
    ];
    if let Some(exp) = registered.exp {
        checked.push(format!("exp {}: not passed {at}", time::utc(exp)));
        let lifetime = exp.saturating_sub(registered.iat.unwrap_or(now));
        checked.push(format!("lifetime: {lifetime} s, within {max_lifetime} s"));
    }
    if let Some(nbf) = registered.nbf {
        checked.push(format!("nbf {}: reached {at}", time::utc(nbf)));
    }
    if let Some(iat) = registered.iat {
        checked.push(format!("iat {}: not in the future {at}", time::utc(iat)));
    }
    let mut not_checked = Vec::new();
    match (&registered.iss, args.issuer.is_empty()) {
        (Some(iss), false) => checked.push(format!("iss `{iss}`: accepted")),
        (Some(_), true) => not_checked.push("iss (give --issuer)".to_owned()),
        (None, _) => {}
    }
    // Without --audience the verifier refuses a token naming one (RFC 7519 §4.1.3): an accepted token's
    // `aud` is always checked.
    if let Some(aud) = &registered.aud {
        checked.push(format!(
            "aud {:?}: holds an accepted audience",
            aud.iter().collect::<Vec<_>>()
        ));
    }
    match (
        token.layout().authorized_party(),
        args.authorized_party.is_empty(),
    ) {
        (Some(azp), false) => checked.push(format!("azp `{azp}`: accepted")),
        (None, false) => {
            checked.push("azp: absent, which passes (as in Clerk's SDKs)".to_owned());
        }
        (Some(_), true) => not_checked.push("azp (give --authorized-party)".to_owned()),
        (None, true) => {}
    }
    (checked, not_checked)
}

/// The key-pointing header parameters, as refused (`jku`, `jwk`, ...) or as ignored.
fn key_parameters(ignored: bool) -> String {
    let names = KEY_HEADER_PARAMETERS
        .map(|name| format!("`{name}`"))
        .join(", ");
    if ignored {
        format!("{names} ignored if present, never used (--ignore-key-parameters)")
    } else {
        names
    }
}

/// A stable name for each refusal, for scripts reading `--format json`.
fn reason(err: &Error) -> &'static str {
    match err {
        Error::TooLong { .. } => "too_long",
        Error::Malformed { .. } => "malformed",
        Error::HeaderTooLong { .. } => "header_too_long",
        Error::DuplicateHeaderParameter { .. } => "duplicate_header_parameter",
        Error::HeaderParameterRefused { .. } => "header_parameter_refused",
        Error::KidTooLong { .. } => "kid_too_long",
        Error::InvalidType { .. } => "invalid_type",
        Error::AlgorithmMismatch { .. } => "algorithm_mismatch",
        Error::UnknownKid { .. } => "unknown_kid",
        Error::MissingKid => "missing_kid",
        Error::InvalidSignature => "invalid_signature",
        Error::InvalidPayload(ClaimsError::DuplicateClaim { .. }) => "duplicate_claim",
        // claims-axum's stable reason for both (README: `Reason::InvalidClaims`).
        Error::InvalidClaim { .. } | Error::InvalidPayload(_) => "invalid_claims",
        Error::MissingClaim { .. } => "missing_claim",
        Error::Expired { .. } => "expired",
        Error::LifetimeTooLong { .. } => "lifetime_too_long",
        Error::NotYetValid { .. } => "not_yet_valid",
        Error::IssuedInFuture { .. } => "issued_in_future",
        Error::InvalidIssuer { .. } => "invalid_issuer",
        Error::InvalidAudience { .. } => "invalid_audience",
        Error::UnexpectedAudience { .. } => "unexpected_audience",
        Error::UnauthorizedParty { .. } => "unauthorized_party",
        Error::Key(_) => "key",
        _ => "other",
    }
}

/// What to try after a refusal, where the refusal alone does not say.
fn hint(err: &Error, key: &LoadedKey, now: u64) -> Option<String> {
    match (err, &key.keys) {
        (Error::AlgorithmMismatch { found, .. }, VerifierKeys::One(_)) => Some(format!(
            "if this key is meant for {found}, give --alg {found}"
        )),
        (Error::UnknownKid { .. } | Error::MissingKid, VerifierKeys::Set(set)) => {
            let kids: Vec<&str> = set.keys().iter().filter_map(VerifyingKey::kid).collect();
            Some(format!("the JWKS holds the kids {}", kids.join(", ")))
        }
        (Error::Expired { exp, .. }, _) => Some(format!(
            "it expired {}; give --at TIME to check it as of an earlier instant",
            time::relative(*exp, now)
        )),
        (Error::NotYetValid { nbf, .. }, _) => Some(format!(
            "it becomes valid {}; give --at TIME to check it as of a later instant",
            time::relative(*nbf, now)
        )),
        (Error::LifetimeTooLong { lifetime, .. }, _) => Some(format!(
            "if its issuer mints tokens that live this long, give --max-lifetime {lifetime}s"
        )),
        (Error::UnexpectedAudience { found }, _) => Some(format!(
            "if this service is one of {}, give --audience with its name",
            found.join(", ")
        )),
        (Error::InvalidSignature, _) => {
            Some("the token was altered, or signed with another key".to_owned())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claims_refused_by_type_have_claims_axum_s_reason() {
        let mistyped = Error::InvalidClaim {
            name: "exp".into(),
            expected: "a NumericDate",
            found: "\"soon\"".into(),
        };
        assert_eq!(reason(&mistyped), "invalid_claims");
        let custom = Error::InvalidPayload(ClaimsError::Json {
            message: "missing field `plan`".into(),
        });
        assert_eq!(reason(&custom), "invalid_claims");
        // A repeated name keeps its own reason.
        let repeated = Error::InvalidPayload(ClaimsError::DuplicateClaim { name: "sub".into() });
        assert_eq!(reason(&repeated), "duplicate_claim");
    }
}
