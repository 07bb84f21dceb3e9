//! What every token the verifier accepts must satisfy, checked against the token's own bytes.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use claims_jwt::{Clock, Error, Layout, Minter, Registered, SigningKey, Token, Verifier};
use claims_tests::Dynamic;
use serde_json::Value;

use crate::oracle::{self, Members};

/// How the verifier that accepted a token was configured.
#[derive(Debug, Clone, Copy)]
pub struct Expect {
    /// Its clock.
    pub now: u64,
    /// Its leeway, in seconds.
    pub leeway: u64,
    /// The `alg` of its key, as written in a header.
    pub alg: &'static str,
}

/// The decoded header and payload segments of a compact token.
///
/// # Panics
///
/// If `token` is not three base64url segments: only call it on a token the verifier accepted.
pub fn segments(token: &str) -> (Vec<u8>, Vec<u8>) {
    let mut parts = token.split('.');
    let mut next = || {
        URL_SAFE_NO_PAD
            .decode(parts.next().expect("an accepted token has three segments"))
            .expect("an accepted token's segments are base64url")
    };
    (next(), next())
}

/// Checks a token that a verifier configured as `expect` accepted as `accepted`: the header is a JSON
/// object naming the key's algorithm, the payload a JSON object with unique names whose registered
/// claims, layout claims and custom claims are exactly what `accepted` holds, and the times are valid.
///
/// # Panics
///
/// On the first property that does not hold: a finding.
pub fn check<L: Layout + PartialEq>(token: &str, accepted: &Token<Dynamic, L>, expect: Expect) {
    let (header, payload) = segments(token);
    check_header(&header, accepted, expect);
    check_payload(&payload, accepted, expect);
}

fn check_header<L: Layout>(header: &[u8], accepted: &Token<Dynamic, L>, expect: Expect) {
    let json: Value = serde_json::from_slice(&oracle::readable(header))
        .unwrap_or_else(|err| panic!("accepted a header that is not JSON: {err}"));
    let Some(members) = Members::parse(header) else {
        panic!("accepted a header that is not a JSON object: {json}");
    };
    if let Some(name) = members.duplicate() {
        panic!("accepted the header member `{name}` twice");
    }
    assert_eq!(
        members.get("alg"),
        Some(&Value::from(expect.alg)),
        "accepted a header whose `alg` is not the key's"
    );
    assert!(
        members.get("crit").is_none(),
        "accepted a header with `crit`"
    );
    match members.get("typ") {
        Some(Value::String(typ)) if typ.eq_ignore_ascii_case("JWT") => {}
        other => panic!("accepted a header whose `typ` is {other:?}, not `JWT`"),
    }
    for name in ["jku", "x5u", "jwk", "x5c"] {
        assert!(
            members.get(name).is_none(),
            "accepted a header with `{name}`"
        );
    }
    if let Some(kid) = members.get("kid") {
        assert!(kid.is_string(), "accepted a header whose `kid` is {kid}");
    }
    assert_eq!(
        accepted.header().kid(),
        members.get("kid").and_then(Value::as_str),
        "the typed header's kid differs from the JSON's"
    );
    assert_eq!(
        accepted.header().typ(),
        members.get("typ").and_then(Value::as_str),
        "the typed header's typ differs from the JSON's"
    );
}

fn check_payload<L: Layout>(payload: &[u8], accepted: &Token<Dynamic, L>, expect: Expect) {
    let members = Members::parse(payload).expect("an accepted payload is a JSON object");
    assert_eq!(
        members.duplicate(),
        None,
        "accepted a payload with a duplicate name"
    );
    let registered = accepted.registered();
    let mut custom = 0;
    for (name, value) in &members.0 {
        match name.as_str() {
            "iss" => assert_eq!(value.as_str(), registered.iss.as_deref(), "iss"),
            "sub" => assert_eq!(value.as_str(), registered.sub.as_deref(), "sub"),
            "jti" => assert_eq!(value.as_str(), registered.jti.as_deref(), "jti"),
            "exp" => assert_eq!(value.as_u64(), registered.exp, "exp"),
            "nbf" => assert_eq!(value.as_u64(), registered.nbf, "nbf"),
            "iat" => assert_eq!(value.as_u64(), registered.iat, "iat"),
            "aud" => {
                let aud = registered.aud.as_ref().expect("aud was read");
                let written: Vec<&str> = match value {
                    Value::String(one) => vec![one.as_str()],
                    Value::Array(many) => many.iter().map(|v| v.as_str().expect("aud")).collect(),
                    other => panic!("accepted `aud` = {other}"),
                };
                assert_eq!(aud.iter().collect::<Vec<_>>(), written, "aud");
                // The targets' verifiers name no audience, so a token naming one must be refused.
                panic!("accepted `aud` {written:?} with no audience configured");
            }
            _ if L::owns(name) => assert!(
                !accepted.claims().contains_key(name),
                "the layout's claim `{name}` is also a custom claim"
            ),
            _ => {
                custom += 1;
                assert_eq!(
                    accepted.claims().get(name),
                    Some(value),
                    "custom claim `{name}`"
                );
            }
        }
    }
    assert_eq!(
        accepted.claims().len(),
        custom,
        "custom claims not in the payload"
    );
    check_times(registered, expect);
}

fn check_times(registered: &Registered, expect: Expect) {
    let Expect { now, leeway, .. } = expect;
    let exp = registered.exp.expect("exp is required by default");
    assert!(
        now < exp.saturating_add(leeway),
        "accepted an expired token"
    );
    if let Some(nbf) = registered.nbf {
        assert!(nbf <= now.saturating_add(leeway), "accepted before nbf");
    }
    if let Some(iat) = registered.iat {
        assert!(
            iat <= now.saturating_add(leeway),
            "accepted iat in the future"
        );
    }
}

/// Mints `accepted` again with `key` (a fresh `iat`/`nbf`/`exp` at `now`) and verifies the result: the
/// claims must come back unchanged. Only the minter's own limits (reserved names, the budget, the
/// cookie) may refuse it.
///
/// # Panics
///
/// When the minter refuses the claims for another reason, or the round trip changes them.
pub fn check_refresh<L: Layout + PartialEq>(
    accepted: &Token<Dynamic, L>,
    key: &SigningKey,
    now: u64,
) {
    let fresh = Minter::<L>::new(key.clone()).with_clock(Clock::fixed(now));
    let minted = match fresh.refresh(accepted) {
        Ok(minted) => minted,
        Err(Error::Claims(
            claims_jwt::ClaimsError::Reserved { .. } | claims_jwt::ClaimsError::OverBudget { .. },
        )) => return,
        Err(err) => panic!("refresh refused verified claims: {err:?}"),
    };
    assert_eq!(minted.len(), minted.as_str().len(), "minted length");
    let verifier = Verifier::<L>::new(key.verifying_key()).with_clock(Clock::fixed(now));
    let again = verifier
        .verify::<Dynamic>(minted.as_str())
        .unwrap_or_else(|err| panic!("a refreshed token does not verify: {err:?}"));
    assert_eq!(
        again.claims(),
        accepted.claims(),
        "custom claims after refresh"
    );
    assert_eq!(
        again.layout(),
        accepted.layout(),
        "layout claims after refresh"
    );
    let (before, after) = (accepted.registered(), again.registered());
    assert_eq!(
        (&after.sub, &after.jti),
        (&before.sub, &before.jti),
        "sub and jti after refresh"
    );
}
