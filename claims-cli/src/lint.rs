//! `claims lint`: a custom-claims object or a Clerk claims template checked against a profile: reserved
//! names, repeated names and the custom-claims budget, with an exit status for CI.

use std::fmt::Write;

use claims_jwt::claims_core::{ClaimsError, SizeReport, check_reserved};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::cli::{Format, LintArgs};
use crate::exit::{Failure, Outcome};
use crate::output::{BAD, GOOD, WARN, paint};
use crate::profile::Policy;
use crate::sizes::{self, BudgetJson, SizeJson};
use crate::{input, output, wording};

/// `claims lint --format json`.
#[derive(Serialize)]
struct LintOutput {
    profile: &'static str,
    /// No error was found.
    ok: bool,
    /// The claim names, in the order written.
    claims: Vec<String>,
    /// Bytes of the custom claims as compact JSON; absent when a repeated name stopped the count.
    custom_bytes: Option<usize>,
    budget: Option<BudgetJson>,
    findings: Vec<Finding>,
}

#[derive(Serialize)]
struct Finding {
    level: Level,
    /// The claim it is about, if one.
    claim: Option<String>,
    message: String,
}

#[derive(Serialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum Level {
    /// Fails the lint.
    Error,
    /// Worth a look; does not fail it.
    Warning,
}

/// Runs `claims lint`.
pub(crate) fn run(args: &LintArgs) -> Result<Outcome, Failure> {
    let text = input::text(args.file.as_deref(), "the claims")?;
    let policy = Policy::new(args.profile);
    let reserved = policy.reserved();
    let claims = input::json_object(text.as_bytes()).map_err(|why| {
        Failure::input(format!(
            "the claims are not a JSON object ({why}); give the custom claims or a claims template"
        ))
    })?;

    let mut findings = Vec::new();
    let report = match SizeReport::from_json(text.as_bytes(), &reserved) {
        Ok(report) => Some(report),
        Err(ClaimsError::DuplicateClaim { name }) => {
            findings.push(Finding {
                level: Level::Error,
                message: format!(
                    "claim `{name}` appears more than once; a verifier refuses the token (RFC 7519 §4), so \
                     keep one"
                ),
                claim: Some(name),
            });
            None
        }
        Err(err) => return Err(Failure::input(format!("the claims: {err}"))),
    };
    let names: Vec<String> = match &report {
        Some(report) => report.claims().iter().map(|c| c.name.clone()).collect(),
        None => claims.keys().cloned().collect(),
    };

    if let Err(ClaimsError::Reserved { claims }) =
        check_reserved(names.iter().map(String::as_str), &reserved)
    {
        findings.extend(claims.into_iter().map(|claim| Finding {
            level: Level::Error,
            message: format!("{claim}; rename the claim"),
            claim: Some(claim.name),
        }));
    }
    if let Some(Err(err)) = report.as_ref().map(SizeReport::check) {
        let largest = wording::run_size(args.file.as_deref(), args.profile.name());
        findings.push(Finding {
            level: Level::Error,
            claim: None,
            message: wording::claims_error(&err, &largest),
        });
    }
    let shortcodes = shortcodes(&claims);
    if shortcodes > 0 {
        findings.push(Finding {
            level: Level::Warning,
            claim: None,
            message: format!(
                "{shortcodes} value{} hold{} {{{{shortcodes}}}} that expand at sign-in: the claims will be \
                 larger than measured here, so leave room",
                if shortcodes == 1 { "" } else { "s" },
                if shortcodes == 1 { "s" } else { "" },
            ),
        });
    }

    let ok = findings.iter().all(|f| f.level != Level::Error);
    let budget = report
        .as_ref()
        .and_then(|report| SizeJson::new(report, None).budget);
    let custom_bytes = report.as_ref().map(|report| report.custom().bytes);
    match args.format {
        Format::Json => output::print_json(&LintOutput {
            profile: args.profile.name(),
            ok,
            claims: names,
            custom_bytes,
            budget,
            findings,
        }),
        Format::Text => output::print(&render(
            &names,
            custom_bytes,
            budget.as_ref(),
            &findings,
            ok,
        )),
    }
    Ok(Outcome::failed_if(!ok))
}

fn render(
    names: &[String],
    custom_bytes: Option<usize>,
    budget: Option<&BudgetJson>,
    findings: &[Finding],
    ok: bool,
) -> String {
    let mut out = String::new();
    for finding in findings {
        let label = match finding.level {
            Level::Error => paint(BAD, "error"),
            Level::Warning => paint(WARN, "warning"),
        };
        let _ = writeln!(out, "{label}: {}", finding.message);
    }
    let size = match (custom_bytes, budget) {
        (Some(bytes), Some(b)) => format!(
            "; custom claims {bytes} bytes: {} of {} {} used{}{}",
            b.used,
            b.limit,
            b.unit,
            if b.left < 0 { ": " } else { ", " },
            sizes::left(b.left)
        ),
        (Some(bytes), None) => format!("; custom claims {bytes} bytes, no budget"),
        (None, _) => String::new(),
    };
    let errors = findings.iter().filter(|f| f.level == Level::Error).count();
    let verdict = if ok {
        paint(GOOD, "ok")
    } else {
        paint(
            BAD,
            &format!(
                "failed: {errors} error{}",
                if errors == 1 { "" } else { "s" }
            ),
        )
    };
    let _ = writeln!(
        out,
        "{verdict}: {} claim{}{size}",
        names.len(),
        if names.len() == 1 { "" } else { "s" }
    );
    out
}

/// How many string values, at any depth, hold a `{{...}}` shortcode.
fn shortcodes(claims: &Map<String, Value>) -> usize {
    let mut count = 0;
    let mut stack: Vec<&Value> = claims.values().collect();
    while let Some(value) = stack.pop() {
        match value {
            Value::String(text) => {
                let opens = text.find("{{");
                if opens.is_some_and(|at| text[at..].contains("}}")) {
                    count += 1;
                }
            }
            Value::Array(items) => stack.extend(items),
            Value::Object(members) => stack.extend(members.values()),
            _ => {}
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn shortcodes_are_counted_at_any_depth() {
        let template = json!({
            "fullName": "{{user.full_name}}",
            "meta": {"roles": ["{{user.public_metadata.roles}}", "plain"], "n": 1},
            "braces": "{ not one }",
            "open": "{{ never closed",
        });
        assert_eq!(shortcodes(template.as_object().unwrap()), 2);
    }
}
