//! How a run ends: the exit status, and the one-line error of a run that could not finish.

use std::fmt;
use std::process::ExitCode;

/// Exit status 1: a token was refused (by the verifier, the minter or a cookie limit) or a lint failed.
const REFUSED: u8 = 1;
/// Exit status 2: bad usage or unreadable input (clap's own usage errors exit 2 as well).
const INPUT: u8 = 2;

/// What a command that ran to the end found, after printing its whole report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Everything checked passed: exit 0.
    Passed,
    /// The report shows a refusal or a failed check: exit 1.
    Failed,
}

impl Outcome {
    /// `Failed` when `failed`, else `Passed`.
    pub(crate) fn failed_if(failed: bool) -> Self {
        if failed {
            Outcome::Failed
        } else {
            Outcome::Passed
        }
    }

    pub(crate) fn exit_code(self) -> ExitCode {
        match self {
            Outcome::Passed => ExitCode::SUCCESS,
            Outcome::Failed => ExitCode::from(REFUSED),
        }
    }
}

/// A run that stopped early: one line saying what was wrong and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Failure {
    status: u8,
    message: String,
}

impl Failure {
    /// Bad input or usage (exit 2): a file that can't be read, text that is not a JWT, an unusable key.
    pub(crate) fn input(message: impl Into<String>) -> Self {
        Self::new(INPUT, &message.into())
    }

    /// A refusal with nothing more to show than its reason (exit 1), e.g. the minter refusing claims.
    pub(crate) fn refused(message: impl Into<String>) -> Self {
        Self::new(REFUSED, &message.into())
    }

    fn new(status: u8, message: &str) -> Self {
        // One line, whatever a library's message holds.
        let message = message.split_whitespace().collect::<Vec<_>>().join(" ");
        Failure { status, message }
    }

    pub(crate) fn exit_code(&self) -> ExitCode {
        ExitCode::from(self.status)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_is_one_line() {
        let failure = Failure::input("first line\n  second\tline ");
        assert_eq!(failure.to_string(), "first line second line");
        assert_eq!(failure.status, INPUT);
        assert_eq!(Failure::refused("no").status, REFUSED);
    }
}
