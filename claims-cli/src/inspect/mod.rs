//! `claims inspect`: decode a token, verify it with claims-jwt's `Verifier` when given a key, sort its
//! claims by layout, and measure it against the layout's budget and cookie.

mod model;
mod text;
mod verify;

use std::fmt::Write;

use claims_jwt::claims_core::SizeReport;
use claims_jwt::claims_core::size::CookieSpec;
use claims_jwt::{Clerk, Clock, Generic, Layout, Payload, Registered, Stytch};
use serde_json::{Map, Value};

use crate::alg::AlgName;
use crate::budget::with_layout_budget;
use crate::cli::{Format, InspectArgs};
use crate::dates::NUMERIC_DATES;
use crate::exit::{Failure, Outcome};
use crate::jws::Compact;
use crate::keys::LoadedKey;
use crate::layout::{self, LayoutName};
use crate::sizes::SizeJson;
use crate::{input, jws, keys, output, time, wording};

use model::{Dynamic, Inspection, LayoutJson, TimeJson, Verification};

/// Runs `claims inspect`.
pub(crate) fn run(args: &InspectArgs) -> Result<Outcome, Failure> {
    let token = input::token(args.token.as_deref())?;
    let compact = jws::decode(&token)?;
    let (layout, detected_from) = match args.layout {
        Some(layout) => (layout, None),
        None => layout::detect(&compact.claims),
    };
    let key = keys::verifying(&args.key, args.alg, compact.alg())?;
    let subject = Subject {
        args,
        token: &token,
        compact: &compact,
        key: key.as_ref(),
        layout: LayoutJson {
            name: layout.name(),
            given: args.layout.is_some(),
            detected_from,
        },
    };
    let inspection = match layout {
        LayoutName::Clerk => inspect::<Clerk>(subject),
        LayoutName::Stytch => inspect::<Stytch>(subject),
        LayoutName::Generic => inspect::<Generic>(subject),
    }?;
    match args.format {
        Format::Text => output::print(&text::render(&inspection)),
        Format::Json => output::print_json(&inspection),
    }
    let refused = matches!(inspection.verification, Verification::Refused { .. });
    Ok(Outcome::failed_if(
        refused || !inspection.problems.is_empty(),
    ))
}

/// What is inspected, and with what.
struct Subject<'a> {
    args: &'a InspectArgs,
    token: &'a str,
    compact: &'a Compact,
    key: Option<&'a LoadedKey>,
    layout: LayoutJson,
}

fn inspect<L: Layout>(subject: Subject<'_>) -> Result<Inspection, Failure> {
    let Subject {
        args,
        token,
        compact,
        key,
        layout,
    } = subject;
    let at = args.at.unwrap_or_else(|| Clock::system().now());
    let mut problems = Vec::new();

    let verification = if let Some(key) = key {
        verify::verify::<L>(key, args, token)?
    } else {
        // Without a key nothing is trusted, but what any verifier refuses whatever the key is known.
        if let Err(err) = Payload::<Dynamic, L>::from_json(&compact.payload_json) {
            problems.push(format!("a verifier refuses it whatever the key: {err}"));
        }
        Verification::Unverified
    };

    let cookie = L::cookie();
    if let Err(err) = cookie.check(token.len()) {
        problems.push(format!(
            "cookie `{}`: {}; a browser drops a cookie this large without a word",
            cookie.name(),
            wording::claims_error(&err, wording::INSPECT_LARGEST)
        ));
    }

    let (size, size_text) = match SizeReport::from_json(&compact.payload_json, &L::RESERVED) {
        Ok(report) => measure(report, L::NAME, compact, token.len(), &cookie),
        Err(err) => (None, format!("not measured: {err}\n")),
    };

    let mut groups = [Map::new(), Map::new(), Map::new()];
    for (name, value) in &compact.claims {
        let group = if Registered::NAMES.contains(&name.as_str()) {
            0
        } else if L::owns(name) {
            1
        } else {
            2
        };
        groups[group].insert(name.clone(), value.clone());
    }
    let [registered, provider, custom] = groups;

    Ok(Inspection {
        verification,
        at,
        at_given: args.at.is_some(),
        layout,
        header: compact.header.clone(),
        times: times(&registered, at),
        registered,
        provider,
        custom,
        problems,
        size,
        size_text,
    })
}

/// The size report, figured for the whole token when its algorithm and signature say how, with the real
/// custom-claims budget of `layout` for that signature, the token's `kid` and `cookie`.
fn measure(
    report: SizeReport,
    layout: &str,
    compact: &Compact,
    token_len: usize,
    cookie: &CookieSpec,
) -> (Option<SizeJson>, String) {
    let signature = compact
        .alg()
        .and_then(AlgName::parse)
        .and_then(|alg| alg.signature_of_len(compact.signature_len));
    let Some(signature) = signature else {
        let text = format!(
            "{report}token: {token_len} chars; cookie `{}`: {} of {} bytes (alg {}: no known signature of \
             {} bytes, so no headroom figures)\n",
            cookie.name(),
            cookie.len_for(token_len),
            cookie.limit(),
            compact.alg().unwrap_or("missing"),
            compact.signature_len,
        );
        return (Some(SizeJson::new(&report, None)), text);
    };
    let report = report.with_token(compact.header_json.len(), signature, cookie.clone());
    let kid = compact.header.get("kid").and_then(Value::as_str);
    let report = with_layout_budget(report, layout, signature, kid, cookie);
    let mut text = report.to_string();
    if report.token_len() != Some(token_len) {
        // The sender's JSON is not the compact form serde_json writes (spaces, escapes, number forms).
        let _ = writeln!(
            text,
            "note: the payload is {} bytes as sent but {} as compact JSON; the figures above are for the \
             compact form, the cookie check for the token as sent ({token_len} chars)",
            compact.payload_json.len(),
            report.payload().bytes,
        );
    }
    (
        Some(SizeJson::new(&report, Some((signature, cookie)))),
        text,
    )
}

/// The time claims that are `NumericDate`s, for people, relative to `at`.
fn times(registered: &Map<String, Value>, at: u64) -> Vec<TimeJson> {
    NUMERIC_DATES
        .iter()
        .filter_map(|date| {
            let value = registered.get(date.name)?.as_u64()?;
            Some(TimeJson {
                claim: date.name,
                value,
                utc: time::utc(value),
                relative: time::relative(value, at),
                state: (date.failed)(value, at),
            })
        })
        .collect()
}
