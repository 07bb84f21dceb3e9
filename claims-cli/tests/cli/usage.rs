//! Help, version, completions, exit codes of usage errors, and colour.

use crate::support::{claims, claims_with, clerk, text};

#[test]
fn every_subcommand_has_help_with_examples() {
    for command in ["inspect", "size", "lint", "keys", "mint", "completions"] {
        let run = claims(&[command, "--help"]);
        assert_eq!(run.code, 0, "{command}: {run:?}");
        assert!(
            run.stdout.contains("\nExamples:\n  claims "),
            "{command}: {}",
            run.stdout
        );
        assert!(
            run.stdout.contains(&format!("Usage: claims {command} ")),
            "{command}"
        );
    }
    let run = claims(&["--help"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout
            .contains("Exit status: 0 ok; 1 token refused or lint failed; 2 usage or input error.")
    );
    let run = claims(&["--version"]);
    assert_eq!((run.code, run.stdout.as_str()), (0, "claims 0.1.0\n"));
    let run = claims(&["inspect", "--version"]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, "claims-inspect 0.1.0\n")
    );
}

#[test]
fn usage_errors_exit_2() {
    for args in [&["frobnicate"][..], &["inspect", "--no-such-flag"], &[]] {
        let run = claims(args);
        assert_eq!(run.code, 2, "{args:?}: {run:?}");
        assert!(run.stderr.contains("Usage: claims"), "{args:?}: {run:?}");
    }
    let run = claims(&["size", "--alg", "none"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.starts_with(
            "error: invalid value 'none' for '--alg <ALG>'\n  [possible values: HS256,"
        )
    );
    // --issuer means nothing without a key to verify with.
    let run = claims(&["inspect", "a.b.c", "--issuer", "https://a"]);
    assert_eq!(run.code, 2, "{run:?}");
}

#[test]
fn completions_are_scripts_for_each_shell() {
    let run = claims(&["completions", "bash"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("_claims()"));
    assert!(run.stdout.contains("--secret-env"));
    let run = claims(&["completions", "fish"]);
    assert!(run.stdout.contains("complete -c claims"));
}

#[test]
fn colour_only_on_request_and_never_with_no_color() {
    let clerk = clerk();
    let token = text(&clerk, "token");
    let escape = "\u{1b}[";
    // Piped, as here: no colour.
    assert!(!claims(&["inspect", token]).stdout.contains(escape));
    let forced = claims(&["inspect", token, "--color", "always"]).stdout;
    assert!(
        forced.starts_with("\u{1b}[1m\u{1b}[33mUNVERIFIED\u{1b}[0m"),
        "{forced:?}"
    );
    assert!(
        claims_with(&["inspect", token], "", &[("CLICOLOR_FORCE", "1")])
            .stdout
            .contains(escape)
    );
    let refused = claims_with(
        &["inspect", token],
        "",
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")],
    );
    assert!(!refused.stdout.contains(escape));
    // Errors too.
    let run = claims(&["inspect", "x", "--color", "always"]);
    assert!(
        run.stderr
            .starts_with("\u{1b}[1m\u{1b}[31merror\u{1b}[0m: not a JWT"),
        "{run:?}"
    );
    assert!(
        !claims(&["inspect", "x", "--color", "never"])
            .stderr
            .contains(escape)
    );
}
