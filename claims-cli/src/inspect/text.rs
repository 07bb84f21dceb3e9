//! `claims inspect` for people: the verdict first, then each group of claims as JSON, then the sizes.

use std::fmt::Write;

use serde_json::{Map, Value};

use super::model::{Inspection, Verification};
use crate::output::{BAD, DIM, GOOD, LABEL, WARN, indent_rest, json_pretty, paint};
use crate::time;

/// Width of the label column.
const LABEL_WIDTH: usize = 12;

/// The whole report as text.
pub(crate) fn render(inspection: &Inspection) -> String {
    let mut out = String::new();
    verdict(&mut out, inspection);
    for problem in &inspection.problems {
        line(&mut out, &paint(BAD, "REFUSED"), problem);
    }
    out.push('\n');

    let layout = &inspection.layout;
    let how = match (&layout.detected_from, layout.given) {
        (_, true) => " (--layout)".to_owned(),
        (Some(claim), false) => format!(" (detected from claim `{claim}`)"),
        (None, false) => " (no provider claim found)".to_owned(),
    };
    line(
        &mut out,
        &paint(LABEL, "layout"),
        &format!("{}{how}", layout.name),
    );
    times(&mut out, inspection);
    out.push('\n');

    group(&mut out, "header", &inspection.header);
    group(&mut out, "registered claims", &inspection.registered);
    group(
        &mut out,
        &format!("{} claims", layout.name),
        &inspection.provider,
    );
    group(&mut out, "custom claims", &inspection.custom);

    let _ = writeln!(out, "{}", paint(LABEL, "size"));
    out.push_str(&inspection.size_text);
    out
}

fn verdict(out: &mut String, inspection: &Inspection) {
    match &inspection.verification {
        Verification::Unverified => {
            line(
                out,
                &paint(WARN, "UNVERIFIED"),
                "no key given: the signature, times and issuer were not checked; nothing below is trusted",
            );
            line(
                out,
                "",
                "verify with --jwks FILE, --pem FILE or --secret-env VAR",
            );
        }
        Verification::Verified {
            key,
            checked,
            not_checked,
        } => {
            line(out, &paint(GOOD, "VERIFIED"), &format!("with {key}"));
            for (i, check) in checked.iter().enumerate() {
                let label = if i == 0 { "checked" } else { "" };
                line(out, &paint(DIM, label), check);
            }
            if !not_checked.is_empty() {
                line(out, &paint(DIM, "not checked"), &not_checked.join(", "));
            }
        }
        Verification::Refused {
            key,
            message,
            hint,
            http_status,
            ..
        } => {
            line(out, &paint(BAD, "REFUSED"), message);
            if let Some(hint) = hint {
                line(out, "", hint);
            }
            line(
                out,
                &paint(DIM, "key"),
                &format!("{key}; a server would answer HTTP {http_status}"),
            );
        }
    }
}

fn times(out: &mut String, inspection: &Inspection) {
    if inspection.times.is_empty() {
        return;
    }
    let source = if inspection.at_given { "--at" } else { "now" };
    line(
        out,
        &paint(LABEL, "times"),
        &format!("as of {} ({source})", time::utc(inspection.at)),
    );
    for t in &inspection.times {
        let state = t
            .state
            .map_or_else(String::new, |state| format!("  {}", paint(WARN, state)));
        line(
            out,
            "",
            &format!("{}  {}  {}  {}{state}", t.claim, t.value, t.utc, t.relative),
        );
    }
}

fn group(out: &mut String, title: &str, members: &Map<String, Value>) {
    let _ = writeln!(out, "{}", paint(LABEL, title));
    let _ = writeln!(out, "{}\n", json_pretty(members));
}

/// `label` padded to the label column, then `text`, its later lines aligned under its first.
fn line(out: &mut String, label: &str, text: &str) {
    // The label may hold colour codes: pad by its visible width.
    let visible = anstream::adapter::strip_str(label)
        .to_string()
        .chars()
        .count();
    let pad = LABEL_WIDTH.saturating_sub(visible).max(1);
    let _ = writeln!(
        out,
        "{label}{}{}",
        " ".repeat(pad),
        indent_rest(text, LABEL_WIDTH)
    );
}
