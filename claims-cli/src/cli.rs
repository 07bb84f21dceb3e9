//! The command line: every subcommand, option and help text, as clap parses them.

use std::path::PathBuf;
use std::time::Duration;

use claims_jwt::claims_core::Profile;
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

use crate::alg::{self, AlgName};
use crate::layout::LayoutName;
use crate::{profile, time};

const ROOT_EXAMPLES: &str = "\
Examples:
  claims inspect $TOKEN
  claims inspect $TOKEN --jwks jwks.json
  claims size claims.json --profile clerk --alg RS256 --key-bits 2048
  claims lint --profile clerk template.json
  claims keys jwks.json
  claims mint claims.json --layout clerk --secret-env DEV_SECRET --ttl 1m

Exit status: 0 ok; 1 token refused or lint failed; 2 usage or input error.
Colour only on a terminal, never with NO_COLOR set (--color always forces it).";

const INSPECT_EXAMPLES: &str = "\
Examples:
  claims inspect $TOKEN                                decode only: nothing is trusted
  pbpaste | claims inspect                             the token from stdin
  claims inspect $TOKEN --jwks jwks.json               verify with the JWKS key named by `kid`
  claims inspect $TOKEN --jwks https://clerk.example.com/.well-known/jwks.json
                                                       the same, fetched once (timeouts, a size cap)
  claims inspect $TOKEN --pem public.pem --issuer https://clerk.example.com
  claims inspect $TOKEN --secret-env DEV_SECRET --at 2024-04-15T12:00:00Z
  claims inspect $TOKEN --layout stytch --format json

Exit status: 0 the token decodes (and verifies, with a key) and fits its cookie; 1 refused: by the
verifier, because a verifier refuses it whatever the key (duplicate or mistyped claims), or because it
does not fit its cookie; 2 usage or input error (not a JWT, a key that cannot be read).";

const SIZE_EXAMPLES: &str = "\
Examples:
  claims size payload.json --profile clerk --alg RS256 --key-bits 2048 --kid ins_2pJ8kQ3vX9mN4rT6yW1zB5cD7fG
  claims size claims.json --profile stytch --alg RS256
  claims size claims.json --alg ES256 --cookie sb-access-token --cookie-limit 3180

Give a whole payload (registered, provider and custom claims) for exact token and cookie figures;
custom claims alone are measured against the budget, and the cookie figure then leaves out the rest.
For the clerk, stytch and rfc7519 profiles it also prints the real custom-claims budget of that layout
for the algorithm, key size, kid and cookie (the largest token: the layout's registered and provider
claims at their default bounds) beside the provider's rule of thumb; custom claims over it are over,
as a minter's cookie proof would refuse them.

Exit status: 0 within the provider's budget, the layout's and the cookie; 1 over any of them; 2 usage or
input error.";

const LINT_EXAMPLES: &str = "\
Examples:
  claims lint --profile clerk template.json
  claims lint --profile stytch claims.json --format json

A Clerk claims template may hold shortcodes such as {{user.id}}; they expand at sign-in, so the size
measured here is the template's, a lower bound of the claims'.

Exit status: 0 clean; 1 a reserved name, a repeated name or over the budget; 2 usage or input error.";

const KEYS_EXAMPLES: &str = "\
Examples:
  claims keys jwks.json
  claims keys jwks.json --format json
  claims keys https://your-app.clerk.accounts.dev/.well-known/jwks.json

Exit status: 0 claims-jwt reads the document and some key can verify; 1 no key can; 2 usage or input error.";

const MINT_EXAMPLES: &str = "\
Examples:
  claims mint claims.json --layout clerk --secret-env DEV_SECRET --ttl 1m --sub user_1
  claims mint claims.json --layout clerk --pem private.pem --alg RS256 --kid ins_dev
  claims mint --secret-env DEV_SECRET --sub user_1 --at 1700000000

The claims file is the token's payload without times: custom claims, and any registered (sub, iss,
aud, jti) or provider claims (Clerk's sid, o...); exp, nbf and iat come from --ttl and the clock.
The token goes to stdout, alone, for $(claims mint ...); a summary goes to stderr.

Exit status: 0 minted; 1 the minter refused the claims (reserved name, budget, cookie); 2 usage or input error.";

const COMPLETIONS_EXAMPLES: &str = "\
Examples:
  claims completions bash > ~/.local/share/bash-completion/completions/claims
  claims completions zsh > ~/.zfunc/_claims
  claims completions fish > ~/.config/fish/completions/claims.fish";

/// Inspect, verify, size, lint and mint session tokens (Clerk, Stytch and generic JWTs).
#[derive(Parser, Debug)]
#[command(name = "claims", version, propagate_version = true, after_help = ROOT_EXAMPLES)]
pub(crate) struct Cli {
    /// When to colour the output
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto, global = true)]
    pub(crate) color: ColorWhen,

    #[command(subcommand)]
    pub(crate) command: Command,
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub(crate) enum Command {
    /// Decode a token, verify it when given a key, and show where its bytes go
    #[command(after_help = INSPECT_EXAMPLES)]
    Inspect(InspectArgs),
    /// Measure a claims object against a profile's budget and a cookie: how much room is left
    #[command(after_help = SIZE_EXAMPLES)]
    Size(SizeArgs),
    /// Check a claims object or a Clerk claims template: reserved names and the budget, for CI
    #[command(after_help = LINT_EXAMPLES)]
    Lint(LintArgs),
    /// Summarize a JWKS document: each key, what it can verify, and why not
    #[command(after_help = KEYS_EXAMPLES)]
    Keys(KeysArgs),
    /// Mint a token for local development, checked exactly as claims-jwt's Minter checks
    #[command(after_help = MINT_EXAMPLES)]
    Mint(MintArgs),
    /// Print a shell completion script
    #[command(after_help = COMPLETIONS_EXAMPLES)]
    Completions(CompletionsArgs),
}

/// `claims inspect`.
#[derive(Args, Debug)]
pub(crate) struct InspectArgs {
    /// The token; `-` or nothing reads it from stdin (a leading `Bearer ` is ignored)
    #[arg(value_name = "TOKEN")]
    pub(crate) token: Option<String>,

    /// The token's layout; detected from its claims when not given
    #[arg(long, value_enum)]
    pub(crate) layout: Option<LayoutName>,

    #[command(flatten)]
    pub(crate) key: VerifyKeyArgs,

    /// The algorithm to pin a --pem or --secret-env key to [default: the token's `alg` if the key
    /// can verify it, else the usual one for the key type: `RS256`, `ES256`, `EdDSA`, `HS256`]
    #[arg(long, value_enum, requires = "verify_key", conflicts_with = "jwks")]
    pub(crate) alg: Option<AlgName>,

    /// Check times as of TIME instead of now: Unix seconds or RFC 3339 (2024-04-15T12:00:00Z)
    #[arg(long, value_name = "TIME", value_parser = time::parse_instant)]
    pub(crate) at: Option<u64>,

    /// Accept this issuer (`iss`), repeatable; once given, `iss` is required
    #[arg(long, value_name = "ISS", requires = "verify_key")]
    pub(crate) issuer: Vec<String>,

    /// Accept this audience (`aud`), repeatable; once given, `aud` is required (without it, a token
    /// naming an audience is refused)
    #[arg(long, value_name = "AUD", requires = "verify_key")]
    pub(crate) audience: Vec<String>,

    /// Accept this authorized party (`azp`), repeatable
    #[arg(long, value_name = "AZP", requires = "verify_key")]
    pub(crate) authorized_party: Vec<String>,

    /// Clock skew allowed on exp, nbf and iat [default: the layout's, 5s for Clerk, 0s otherwise]
    #[arg(long, value_name = "DURATION", value_parser = time::parse_duration, requires = "verify_key")]
    pub(crate) leeway: Option<Duration>,

    /// The longest a token may live, exp - iat [default: the layout's, 60s for Clerk, 5m for Stytch, 1d
    /// otherwise]
    #[arg(long, value_name = "DURATION", value_parser = time::parse_duration, requires = "verify_key")]
    pub(crate) max_lifetime: Option<Duration>,

    /// Accept a token whose header has no `typ`, for issuers that omit it; a `typ` that is present must
    /// still be the layout's
    #[arg(long, requires = "verify_key")]
    pub(crate) typ_optional: bool,

    /// Accept, and ignore, header parameters that point at a key (`jku`, `jwk`, `x5u`, `x5c`), for
    /// issuers that send them; keys come only from --jwks, --pem or --secret-env either way
    #[arg(long, requires = "verify_key")]
    pub(crate) ignore_key_parameters: bool,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
}

/// The key `claims inspect` verifies with: at most one of them.
#[derive(Args, Debug)]
#[group(id = "verify_key", multiple = false)]
pub(crate) struct VerifyKeyArgs {
    /// Verify with the key of a JWKS document chosen by the token's `kid`: a file, or a URL fetched once
    /// (https, or http to loopback; bounded in time and size)
    #[arg(long, value_name = "FILE|URL")]
    pub(crate) jwks: Option<String>,

    /// Verify with a key in PEM: an RSA, EC (P-256, P-384) or Ed25519 public key, or the private key
    #[arg(long, value_name = "FILE")]
    pub(crate) pem: Option<PathBuf>,

    /// Verify with the HMAC secret held by the environment variable VAR (never read from the command line)
    #[arg(long, value_name = "VAR")]
    pub(crate) secret_env: Option<String>,
}

/// `claims size`.
#[derive(Args, Debug)]
pub(crate) struct SizeArgs {
    /// A JSON object of claims; `-` or nothing reads it from stdin
    #[arg(value_name = "FILE")]
    pub(crate) file: Option<PathBuf>,

    /// The reserved-name profile: which claims are custom, and their budget
    #[arg(long, value_name = "NAME", default_value = "rfc7519", value_parser = profile::parser())]
    pub(crate) profile: &'static Profile,

    /// The signing algorithm, for the signature's length
    #[arg(long, value_enum, default_value_t = AlgName::RS256)]
    pub(crate) alg: AlgName,

    /// Bits of the RSA modulus (RS* and PS* only), 2048 to 8192 [default: 2048]
    #[arg(long, value_name = "BITS", value_parser = alg::parse_rsa_bits)]
    pub(crate) key_bits: Option<u32>,

    /// The `kid` the header will carry [default: none]
    #[arg(long)]
    pub(crate) kid: Option<String>,

    /// The cookie that carries the token [default: the profile's: `stytch_session_jwt` for stytch,
    /// `__session` otherwise]
    #[arg(long, value_name = "NAME")]
    pub(crate) cookie: Option<String>,

    /// The cookie's limit in bytes of name=value
    #[arg(long, value_name = "BYTES", default_value_t = claims_jwt::claims_core::size::COOKIE_LIMIT)]
    pub(crate) cookie_limit: usize,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
}

/// `claims lint`.
#[derive(Args, Debug)]
pub(crate) struct LintArgs {
    /// A JSON object of custom claims, or a Clerk claims template; `-` or nothing reads it from stdin
    #[arg(value_name = "FILE")]
    pub(crate) file: Option<PathBuf>,

    /// The reserved-name profile to check against
    #[arg(long, value_name = "NAME", default_value = "rfc7519", value_parser = profile::parser())]
    pub(crate) profile: &'static Profile,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
}

/// `claims keys`.
#[derive(Args, Debug)]
pub(crate) struct KeysArgs {
    /// A JWKS document: a file, or an https URL (plain http for loopback addresses only)
    #[arg(value_name = "FILE|URL")]
    pub(crate) source: String,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
}

/// `claims mint`.
#[derive(Args, Debug)]
pub(crate) struct MintArgs {
    /// A JSON object of claims, without exp, nbf or iat; `-` reads it from stdin; nothing: no claims
    #[arg(value_name = "FILE")]
    pub(crate) claims: Option<PathBuf>,

    /// The token's layout
    #[arg(long, value_enum, default_value_t = LayoutName::Generic)]
    pub(crate) layout: LayoutName,

    #[command(flatten)]
    pub(crate) key: SignKeyArgs,

    /// The algorithm [default: `HS256` for a secret; for a PEM key, the first of `RS256`, `ES256`,
    /// `ES384`, `EdDSA` that it signs with]
    #[arg(long, value_enum)]
    pub(crate) alg: Option<AlgName>,

    /// The `kid` to write in the header
    #[arg(long)]
    pub(crate) kid: Option<String>,

    /// How long the token is valid: exp = iat + TTL (60s, 5m, 1h...)
    #[arg(long, value_name = "DURATION", default_value = "60s", value_parser = time::parse_duration)]
    pub(crate) ttl: Duration,

    /// Write nbf this long before iat, for verifiers whose clock is behind
    #[arg(long, value_name = "DURATION", default_value = "0s", value_parser = time::parse_duration)]
    pub(crate) not_before_skew: Duration,

    /// Mint as of TIME (iat) instead of now: Unix seconds or RFC 3339
    #[arg(long, value_name = "TIME", value_parser = time::parse_instant)]
    pub(crate) at: Option<u64>,

    /// The subject (`sub`), replacing the file's
    #[arg(long)]
    pub(crate) sub: Option<String>,

    /// The issuer (`iss`), replacing the file's
    #[arg(long, value_name = "ISS")]
    pub(crate) issuer: Option<String>,

    /// The audience (`aud`), repeatable, replacing the file's
    #[arg(long, value_name = "AUD")]
    pub(crate) audience: Vec<String>,

    /// Output format: the token alone, or a JSON object with its figures
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
}

/// The key `claims mint` signs with: exactly one of them.
#[derive(Args, Debug)]
#[group(id = "sign_key", required = true, multiple = false)]
pub(crate) struct SignKeyArgs {
    /// Sign with a private key in PEM: RSA (PKCS#1 or PKCS#8), EC P-256 or P-384, or Ed25519 (PKCS#8)
    #[arg(long, value_name = "FILE")]
    pub(crate) pem: Option<PathBuf>,

    /// Sign with the HMAC secret held by the environment variable VAR (never read from the command line)
    #[arg(long, value_name = "VAR")]
    pub(crate) secret_env: Option<String>,
}

/// `claims completions`.
#[derive(Args, Debug)]
pub(crate) struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub(crate) shell: clap_complete::Shell,
}

/// `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// For people, coloured on a terminal
    Text,
    /// For scripts: one JSON document on stdout
    Json,
}

/// `--color`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorWhen {
    /// On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)
    Auto,
    /// Always
    Always,
    /// Never
    Never,
}

impl ColorWhen {
    /// Makes every later write through `anstream` follow this choice.
    pub(crate) fn apply(self) {
        let choice = match self {
            ColorWhen::Auto => anstream::ColorChoice::Auto,
            ColorWhen::Always => anstream::ColorChoice::Always,
            ColorWhen::Never => anstream::ColorChoice::Never,
        };
        choice.write_global();
    }
}

/// Writes the completion script for `shell` to stdout.
pub(crate) fn completions(shell: clap_complete::Shell) {
    let mut command = Cli::command();
    clap_complete::generate(shell, &mut command, "claims", &mut std::io::stdout());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    /// Every example in the help parses: the part of each `Examples:` line from `claims ` to the
    /// two-space gap before its comment.
    #[test]
    fn every_help_example_parses() {
        let texts = [
            ROOT_EXAMPLES,
            INSPECT_EXAMPLES,
            SIZE_EXAMPLES,
            LINT_EXAMPLES,
            KEYS_EXAMPLES,
            MINT_EXAMPLES,
            COMPLETIONS_EXAMPLES,
        ];
        let mut count = 0;
        for text in texts {
            assert!(text.starts_with("Examples:\n"), "{text}");
            assert!(text.contains("Exit status") || text == COMPLETIONS_EXAMPLES);
            for line in text.lines().filter(|line| line.starts_with("  ")) {
                let Some(start) = line.find("claims ") else {
                    continue;
                };
                let command = line[start..].split("  ").next().unwrap_or_default();
                let command = command.split(" > ").next().unwrap_or_default();
                let words: Vec<&str> = command.split_whitespace().collect();
                if let Err(err) = Cli::try_parse_from(&words) {
                    panic!("example `{command}` does not parse: {err}");
                }
                count += 1;
            }
        }
        assert_eq!(count, 27);
    }
}
