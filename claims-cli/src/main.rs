//! `claims`: inspect, verify, size, lint and mint session tokens from the command line.
//!
//! A JWT debugger that knows what jwt.io and jwt-cli don't: each provider's reserved claim names, its
//! custom-claims budget and the cookie the token must fit. Every check is claims-jwt's own, so the tool
//! refuses exactly what a `Verifier` or a `Minter` would refuse.
//!
//! ```sh
//! claims inspect "$TOKEN"                          # decode only: the banner says UNVERIFIED
//! claims inspect "$TOKEN" --jwks jwks.json         # verify with the key chosen by the token's kid
//! claims inspect "$TOKEN" --jwks https://clerk.example.com/.well-known/jwks.json   # the same, fetched
//! claims size claims.json --profile clerk          # how much room is left for custom claims
//! claims lint --profile clerk template.json        # reserved names and budget, for CI
//! claims keys jwks.json                            # which keys can verify, and why not
//! claims mint claims.json --layout clerk --secret-env DEV_SECRET --ttl 5m
//! ```
//!
//! Exit status: 0 ok; 1 token refused (by the verifier, the minter or a browser's cookie limit) or lint
//! failed; 2 usage or input error. Errors are one line on stderr saying what was wrong and what to do.
//! Colour only on a terminal, never with `NO_COLOR` set.
//!
//! Install with `cargo install --path claims-cli`; from the workspace, `cargo run -p claims-cli -- ...`.

use std::process::ExitCode;

use clap::Parser;

mod alg;
mod budget;
mod cli;
mod dates;
mod exit;
mod input;
mod inspect;
mod jwks;
mod jws;
mod keys;
mod layout;
mod lint;
mod mint;
mod output;
mod profile;
mod remote;
mod size;
mod sizes;
mod time;
mod wording;

use cli::{Cli, Command};
use exit::{Failure, Outcome};

fn main() -> ExitCode {
    // clap answers --help and --version itself (exit 0) and usage errors with exit 2.
    let cli = Cli::parse();
    cli.color.apply();
    match run(cli.command) {
        Ok(outcome) => outcome.exit_code(),
        Err(failure) => {
            output::error_line(&failure);
            failure.exit_code()
        }
    }
}

fn run(command: Command) -> Result<Outcome, Failure> {
    match command {
        Command::Inspect(args) => inspect::run(&args),
        Command::Size(args) => size::run(&args),
        Command::Lint(args) => lint::run(&args),
        Command::Keys(args) => jwks::run(&args),
        Command::Mint(args) => mint::run(&args),
        Command::Completions(args) => {
            cli::completions(args.shell);
            Ok(Outcome::Passed)
        }
    }
}
