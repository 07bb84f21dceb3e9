//! The files a Clerk frontend keeps beside the Rust claims: `types/globals.d.ts`, which declares
//! `CustomJwtSessionClaims`, and the claims template pasted into the Clerk dashboard.
//!
//! With this crate's `typescript` feature (off by default: it costs a build about a quarter of what the
//! derive adds), `#[claims(typescript)]` on a struct deriving `SessionClaims` implements
//! [`ClerkFrontend`] for it, so the one struct defines the claims for all three places. A field's
//! `#[claims(clerk = "{{...}}")]` names the Clerk shortcode that fills its claim (its syntax is checked at
//! compile time).
//!
//! ```
//! use claims_core::frontend::ClerkFrontend;
//! use claims_core::SessionClaims;
//!
//! #[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
//! #[claims(profile = "clerk", typescript)]
//! #[serde(rename_all = "camelCase")]
//! struct AppClaims {
//!     #[claims(max_len = 64, clerk = "{{user.full_name}}")]
//!     full_name: String,
//!     #[serde(skip_serializing_if = "Option::is_none")]
//!     #[claims(clerk = "{{user.public_metadata.plan}}")]
//!     plan: Option<String>,
//! }
//!
//! assert_eq!(AppClaims::globals_d_ts(), "\
//! // Generated from the Rust type `AppClaims` by #[derive(SessionClaims)]; regenerate it, don't edit it.
//! export {};
//!
//! declare global {
//!   interface CustomJwtSessionClaims {
//!     /** At most 64 bytes of JSON-escaped text (`max_len = 64`). */
//!     fullName: string;
//!     plan?: string;
//!   }
//! }
//! ");
//! assert_eq!(AppClaims::claims_template(), r#"{
//!   "fullName": "{{user.full_name}}",
//!   "plan": "{{user.public_metadata.plan}}"
//! }
//! "#);
//! ```
//!
//! # Keeping a frontend's copies current
//!
//! [`sync_files`] in a test of your backend compares the files checked in beside the frontend with what
//! the struct generates now, and fails naming the stale file; run the test with `CLAIMS_FRONTEND=write`
//! to write them instead (as ts-rs's `export` writes its bindings during `cargo test`):
//!
//! ```no_run
//! # use claims_core::SessionClaims;
//! # #[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
//! # #[claims(typescript)]
//! # struct AppClaims { plan: String }
//! #[test]
//! fn clerk_frontend_files_are_current() {
//!     // `CLAIMS_FRONTEND=write cargo test` writes web/types/globals.d.ts and web/clerk-claims-template.json
//!     claims_core::frontend::sync_files::<AppClaims>("../web/types").unwrap();
//! }
//! ```

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use crate::SessionClaims;
use crate::typescript::{TsType, global_interface};

/// The global interface Clerk's TypeScript SDK merges into the session token's payload type.
pub const INTERFACE: &str = "CustomJwtSessionClaims";

/// The file name of the declaration, as Clerk's docs name it (`types/globals.d.ts`).
pub const GLOBALS_FILE: &str = "globals.d.ts";

/// The file name of the claims template written beside it.
pub const TEMPLATE_FILE: &str = "clerk-claims-template.json";

/// The environment variable that makes [`sync_files`] write the files instead of comparing them.
pub const WRITE_VAR: &str = "CLAIMS_FRONTEND";

/// A claim and the Clerk shortcode that fills it, from a field's `#[claims(clerk = "...")]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClerkShortcode {
    /// The claim name (the name serde writes and reads).
    pub claim: &'static str,
    /// The template value, e.g. `{{user.primary_email_address}}`.
    pub shortcode: &'static str,
}

/// Claims with a Clerk frontend: implemented by `#[derive(SessionClaims)]` under `#[claims(typescript)]`,
/// with the `typescript` feature.
///
/// See the [module docs](self) for an example.
pub trait ClerkFrontend: SessionClaims + TsType {
    /// The Rust type's name, for the generated files' header.
    const TYPE_NAME: &'static str;

    /// The claims that have a Clerk shortcode, in field order; the template holds exactly these.
    const CLERK_SHORTCODES: &'static [ClerkShortcode];

    /// The text of `types/globals.d.ts`: the `CustomJwtSessionClaims` declaration of the claims as serde
    /// writes them.
    fn globals_d_ts() -> String {
        global_interface(INTERFACE, Self::TS.members(), &header(Self::TYPE_NAME))
    }

    /// The claims template to paste into the Clerk dashboard (Sessions, Customize session token): a JSON
    /// object of each claim that has a shortcode, two-space indented, with a final newline.
    fn claims_template() -> String {
        // Written by hand rather than through a `serde_json::Map`, which would sort the claims.
        let json = |text: &str| serde_json::Value::from(text).to_string();
        let members: Vec<String> = Self::CLERK_SHORTCODES
            .iter()
            .map(|c| format!("  {}: {}", json(c.claim), json(c.shortcode)))
            .collect();
        if members.is_empty() {
            "{}\n".to_owned()
        } else {
            format!("{{\n{}\n}}\n", members.join(",\n"))
        }
    }
}

fn header(type_name: &str) -> String {
    format!(
        "Generated from the Rust type `{type_name}` by #[derive(SessionClaims)]; regenerate it, don't edit it."
    )
}

/// Where the generated files go: `globals.d.ts` in `types_dir`, the template in its parent (or in
/// `types_dir` itself when it has none).
///
/// ```
/// use claims_core::frontend::file_paths;
/// use std::path::Path;
///
/// let (globals, template) = file_paths(Path::new("web/types"));
/// assert_eq!(globals, Path::new("web/types/globals.d.ts"));
/// assert_eq!(template, Path::new("web/clerk-claims-template.json"));
/// ```
pub fn file_paths(types_dir: &Path) -> (PathBuf, PathBuf) {
    let template_dir = match types_dir.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => types_dir,
    };
    (
        types_dir.join(GLOBALS_FILE),
        template_dir.join(TEMPLATE_FILE),
    )
}

/// What went wrong with a generated file.
#[derive(Debug)]
#[non_exhaustive]
pub enum FrontendFileError {
    /// The file could not be read or written.
    Io {
        /// The file.
        path: PathBuf,
        /// The error.
        source: io::Error,
    },
    /// The file is missing.
    Missing {
        /// The file.
        path: PathBuf,
    },
    /// The file differs from what the struct generates now.
    Stale {
        /// The file.
        path: PathBuf,
        /// The first line (1-based) that differs.
        line: usize,
    },
}

impl fmt::Display for FrontendFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FrontendFileError::Io { path, source } => {
                write!(f, "can't access {}: {source}", path.display())
            }
            FrontendFileError::Missing { path } => write!(
                f,
                "{} is missing; write it by running the test again with {WRITE_VAR}=write, and commit it",
                path.display()
            ),
            FrontendFileError::Stale { path, line } => write!(
                f,
                "{} no longer matches the claims struct (first difference on line {line}); rewrite it by \
                 running the test again with {WRITE_VAR}=write, and commit it with the frontend changes it needs",
                path.display()
            ),
        }
    }
}

impl std::error::Error for FrontendFileError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            FrontendFileError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// The generated files of `T` with their paths under `types_dir` (see [`file_paths`]).
fn files<T: ClerkFrontend>(types_dir: &Path) -> [(PathBuf, String); 2] {
    let (globals, template) = file_paths(types_dir);
    [
        (globals, T::globals_d_ts()),
        (template, T::claims_template()),
    ]
}

/// Writes `globals.d.ts` into `types_dir` and the claims template into its parent (see [`file_paths`]),
/// creating the directories; a file already current is left untouched.
pub fn write_files<T: ClerkFrontend>(types_dir: impl AsRef<Path>) -> Result<(), FrontendFileError> {
    for (path, text) in files::<T>(types_dir.as_ref()) {
        if std::fs::read_to_string(&path).is_ok_and(|old| old == text) {
            continue;
        }
        let io = |source| FrontendFileError::Io {
            path: path.clone(),
            source,
        };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        std::fs::write(&path, text).map_err(io)?;
    }
    Ok(())
}

/// Checks that the files under `types_dir` (see [`file_paths`]) are exactly what `T` generates now.
pub fn check_files<T: ClerkFrontend>(types_dir: impl AsRef<Path>) -> Result<(), FrontendFileError> {
    for (path, text) in files::<T>(types_dir.as_ref()) {
        let old = match std::fs::read_to_string(&path) {
            Ok(old) => old,
            Err(err) if err.kind() == io::ErrorKind::NotFound => {
                return Err(FrontendFileError::Missing { path });
            }
            Err(source) => return Err(FrontendFileError::Io { path, source }),
        };
        if let Some(line) = first_difference(&old, &text) {
            return Err(FrontendFileError::Stale { path, line });
        }
    }
    Ok(())
}

/// [`write_files`] when the environment variable `CLAIMS_FRONTEND` is `write`, else [`check_files`]: call it
/// from a test so that `cargo test` fails when the checked-in files drift from the struct.
pub fn sync_files<T: ClerkFrontend>(types_dir: impl AsRef<Path>) -> Result<(), FrontendFileError> {
    if std::env::var_os(WRITE_VAR).is_some_and(|v| v == "write") {
        write_files::<T>(types_dir)
    } else {
        check_files::<T>(types_dir)
    }
}

/// The 1-based number of the first line where `old` and `new` differ, or `None` when they are equal.
fn first_difference(old: &str, new: &str) -> Option<usize> {
    if old == new {
        return None;
    }
    let mut old_lines = old.split('\n');
    let mut new_lines = new.split('\n');
    let mut line = 1;
    loop {
        match (old_lines.next(), new_lines.next()) {
            (Some(a), Some(b)) if a == b => line += 1,
            _ => return Some(line),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_differing_line_is_named() {
        assert_eq!(first_difference("a\nb\nc\n", "a\nb\nc\n"), None);
        assert_eq!(first_difference("a\nb\nc\n", "a\nx\nc\n"), Some(2));
        assert_eq!(first_difference("a\nb\n", "a\nb\nc\n"), Some(3));
        assert_eq!(first_difference("a\r\nb\n", "a\nb\n"), Some(1));
    }

    #[test]
    fn the_template_goes_beside_the_types_directory() {
        assert_eq!(
            file_paths(Path::new("types")),
            (
                PathBuf::from("types/globals.d.ts"),
                PathBuf::from("types/clerk-claims-template.json")
            )
        );
        assert_eq!(
            file_paths(Path::new("/srv/web/types")),
            (
                PathBuf::from("/srv/web/types/globals.d.ts"),
                PathBuf::from("/srv/web/clerk-claims-template.json")
            )
        );
    }
}
