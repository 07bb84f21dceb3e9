//! `claims size`: a claims object measured against a profile's budget and a cookie, for an algorithm and
//! key size; how much room is left for custom claims.

use std::fmt::Write;

use claims_jwt::claims_core::SizeReport;
use claims_jwt::claims_core::size::CookieSpec;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::alg::{AlgName, RSA_MODULUS_BITS};
use crate::budget::with_layout_budget;
use crate::cli::{Format, SizeArgs};
use crate::exit::{Failure, Outcome};
use crate::output::{BAD, GOOD, paint};
use crate::profile::Policy;
use crate::sizes::{self, SizeJson};
use crate::{input, output, wording};

/// `claims size --format json`.
#[derive(Serialize)]
struct SizeOutput<'a> {
    profile: &'static str,
    /// The header JSON the figures assume.
    header: &'a str,
    #[serde(flatten)]
    size: SizeJson,
    /// Bytes of custom claims that still fit the provider's budget, the layout's real budget and the
    /// cookie; negative when over.
    room: Option<isize>,
    /// The first limit exceeded, in words; absent when everything fits.
    over: Option<String>,
}

/// Runs `claims size`.
pub(crate) fn run(args: &SizeArgs) -> Result<Outcome, Failure> {
    let json = input::text(args.file.as_deref(), "the claims")?;
    let policy = Policy::new(args.profile);
    let report = SizeReport::from_json(json.as_bytes(), &policy.reserved())
        .map_err(|err| Failure::input(format!("the claims: {err}")))?;
    let header = header_json(args.alg, args.kid.as_deref());
    if args.key_bits.is_some() && !args.alg.is_rsa() {
        return Err(Failure::input(format!(
            "--key-bits applies to RSA algorithms only (RS* and PS*); an {} signature has one size, so \
             drop it",
            args.alg.name()
        )));
    }
    // 2048 bits unless told: the smallest a verifier accepts, and the size most issuers use.
    let signature = args
        .alg
        .signature(args.key_bits.unwrap_or(*RSA_MODULUS_BITS.start()));
    let cookie = match &args.cookie {
        Some(name) => CookieSpec::new(name.clone()),
        None => policy.cookie(),
    }
    .with_limit(args.cookie_limit);
    let report = report.with_token(header.len(), signature, cookie.clone());
    let report = match policy.layout() {
        Some(layout) => with_layout_budget(report, layout, signature, args.kid.as_deref(), &cookie),
        None => report,
    };

    // What more custom claims may take: the provider's budget, the layout's real budget (what the largest
    // token of the layout leaves, which a cookie proof checks) and the cookie, in bytes of JSON. The cookie
    // has no byte left when not even an empty payload fits, the layout none when its other parts overflow.
    let max_payload = report.max_payload_len().unwrap_or(0);
    let cookie_room = signed(max_payload) - signed(report.payload().bytes);
    let layout = report
        .token_budget()
        .zip(policy.layout())
        .map(|(largest, layout)| {
            let allows = largest.custom_room().unwrap_or(0);
            LayoutRoom {
                name: format!("the {signature} {layout} layout"),
                allows,
                left: signed(allows) - signed(report.custom().bytes),
            }
        });
    let room = [
        report.headroom(),
        layout.as_ref().map(|layout| layout.left),
        Some(cookie_room),
    ]
    .into_iter()
    .flatten()
    .min()
    .unwrap_or(cookie_room);
    let over = report
        .check()
        .err()
        .map(|err| wording::claims_error(&err, wording::SIZE_LARGEST))
        .or_else(|| {
            layout
                .as_ref()
                .and_then(|layout| layout.over(report.custom().bytes))
        });

    match args.format {
        Format::Json => output::print_json(&SizeOutput {
            profile: args.profile.name(),
            header: &header,
            size: SizeJson::new(&report, Some((signature, &cookie))),
            room: Some(room),
            over: over.clone(),
        }),
        Format::Text => {
            let mut text = report.to_string();
            let _ = write!(text, "header: {header} ({} bytes)", header.len());
            if args.kid.is_none() {
                text.push_str("; give --kid for the header your issuer writes");
            }
            text.push('\n');
            let mut figures = Vec::new();
            if let Some(left) = report.headroom() {
                figures.push(left_in(
                    left,
                    &format!("the {} budget", args.profile.name()),
                ));
            }
            if let Some(layout) = &layout {
                figures.push(left_in(layout.left, &layout.name));
            }
            figures.push(left_in(cookie_room, "the cookie"));
            let room = match &over {
                None => paint(
                    GOOD,
                    &format!("room: {room} more bytes of custom claims fit"),
                ),
                Some(err) => {
                    let _ = writeln!(text, "{}: {err}", paint(BAD, "over"));
                    paint(BAD, "room: none")
                }
            };
            let _ = writeln!(text, "{room}: {} (bytes of JSON)", figures.join(", "));
            output::print(&text);
        }
    }
    Ok(Outcome::failed_if(over.is_some()))
}

/// The custom-claims budget of the layout's largest token for this algorithm, `kid` and cookie.
struct LayoutRoom {
    /// "the RSA-2048 clerk layout".
    name: String,
    /// Bytes of custom-claims JSON it allows.
    allows: usize,
    /// What the claims leave of it; negative when over.
    left: isize,
}

impl LayoutRoom {
    /// Why custom claims of `bytes` do not fit, when they do not.
    fn over(&self, bytes: usize) -> Option<String> {
        (self.left < 0).then(|| {
            format!(
                "custom claims take {bytes} bytes of compact JSON, {} over the {} bytes {} allows (its \
                 largest token must fit the cookie, and a minter's cookie proof refuses it otherwise); \
                 shorten or drop claims, or keep large data server-side",
                self.left.unsigned_abs(),
                self.allows,
                self.name,
            )
        })
    }
}

/// `left` bytes of room in `place`: "90 left in the clerk budget", or "OVER BUDGET by 3 in the cookie".
fn left_in(left: isize, place: &str) -> String {
    format!("{} in {place}", sizes::left(left))
}

fn signed(n: usize) -> isize {
    isize::try_from(n).unwrap_or(isize::MAX)
}

/// The header claims-jwt's `Minter` writes for `alg` and `kid`: `{"alg":..,"kid":..,"typ":"JWT"}`.
fn header_json(alg: AlgName, kid: Option<&str>) -> String {
    let mut header = Map::new();
    header.insert("alg".to_owned(), Value::from(alg.name()));
    if let Some(kid) = kid {
        header.insert("kid".to_owned(), Value::from(kid));
    }
    header.insert("typ".to_owned(), Value::from("JWT"));
    serde_json::to_string(&header).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_is_the_minter_s() {
        use claims_jwt::{Generic, Minter, SigningKey};
        let key = SigningKey::hmac(
            claims_jwt::Algorithm::HS256,
            b"0123456789abcdef0123456789abcdef",
        )
        .unwrap()
        .with_kid("ins_1");
        let minter = Minter::<Generic>::new(key);
        let header = header_json(AlgName::HS256, Some("ins_1"));
        assert_eq!(header, r#"{"alg":"HS256","kid":"ins_1","typ":"JWT"}"#);
        assert_eq!(header.len(), minter.header_json_len());
        assert_eq!(
            header_json(AlgName::EdDSA, None),
            r#"{"alg":"EdDSA","typ":"JWT"}"#
        );
    }
}
