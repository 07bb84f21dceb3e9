//! Writing to the terminal: styles, and stdout/stderr through `anstream`, which drops the colour when
//! the stream is not a terminal, when `NO_COLOR` is set, or with `--color never`.

use std::io::Write;

use anstyle::{AnsiColor, Style};
use serde::Serialize;

use crate::exit::Failure;

/// A passed check: VERIFIED, ok.
pub(crate) const GOOD: Style = AnsiColor::Green.on_default().bold();
/// A refusal or an error.
pub(crate) const BAD: Style = AnsiColor::Red.on_default().bold();
/// Something to look at: UNVERIFIED, a warning.
pub(crate) const WARN: Style = AnsiColor::Yellow.on_default().bold();
/// A section label.
pub(crate) const LABEL: Style = Style::new().bold();
/// Secondary text.
pub(crate) const DIM: Style = Style::new().dimmed();

/// `text` in `style` (plain once `anstream` strips it).
pub(crate) fn paint(style: Style, text: &str) -> String {
    format!("{style}{text}{style:#}")
}

/// Writes `text` to stdout. A closed pipe (`claims inspect ... | head`) is not an error worth a panic.
pub(crate) fn print(text: &str) {
    let mut out = anstream::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

/// Writes `value` to stdout as pretty JSON, with a final newline.
pub(crate) fn print_json(value: &impl Serialize) {
    print(&(json_pretty(value) + "\n"));
}

/// Writes a line to stderr (a summary beside the token `claims mint` prints).
pub(crate) fn note(text: &str) {
    let mut err = anstream::stderr().lock();
    let _ = writeln!(err, "{text}");
}

/// Writes a failure as its one line on stderr: `error: what was wrong; what to do`.
pub(crate) fn error_line(failure: &Failure) {
    note(&format!("{}: {failure}", paint(BAD, "error")));
}

/// `value` as indented JSON.
pub(crate) fn json_pretty(value: &impl Serialize) -> String {
    // The values written here are maps of JSON values and plain structs: serializing cannot fail.
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// `text` with every line after the first indented by `indent` spaces.
pub(crate) fn indent_rest(text: &str, indent: usize) -> String {
    text.replace('\n', &format!("\n{}", " ".repeat(indent)))
}
