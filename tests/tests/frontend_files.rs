//! The Clerk frontend files the derive generates: the exact text for the README's struct, the checked-in
//! copies under `tests/typescript/` (which fail this suite when they drift from the structs), the
//! README's copies, and how `check_files` / `write_files` treat a stale or missing file.

use std::path::{Path, PathBuf};

use claims_core::frontend::{
    ClerkFrontend, ClerkShortcode, FrontendFileError, check_files, file_paths, write_files,
};
use claims_core::typescript::{TsMemberType, TsShape, TsType};
use claims_tests::frontend::{AppClaims, EveryShape, Lenient, typescript_dir};

#[test]
fn the_checked_in_files_match_the_structs() {
    // The golden files, reviewed like trybuild's snapshots: regenerate them with `CLAIMS_FRONTEND=write`
    // and read the diff. The README's struct's are also in README.md (below).
    for result in [
        sync::<AppClaims>("readme/types"),
        sync::<EveryShape>("every-shape/types"),
    ] {
        if let Err(err) = result {
            panic!("{err}");
        }
    }
}

#[test]
fn the_template_lists_the_shortcodes_in_field_order() {
    assert_eq!(AppClaims::TYPE_NAME, "AppClaims");
    assert_eq!(
        AppClaims::CLERK_SHORTCODES
            .iter()
            .map(|c| c.claim)
            .collect::<Vec<_>>(),
        ["fullName", "primaryEmail", "roles", "tenant"]
    );
    assert_eq!(
        AppClaims::CLERK_SHORTCODES[3],
        ClerkShortcode {
            claim: "tenant",
            shortcode: "{{user.public_metadata.tenant}}"
        }
    );
}

fn sync<T: ClerkFrontend>(types_dir: &str) -> Result<(), FrontendFileError> {
    claims_core::frontend::sync_files::<T>(typescript_dir().join(types_dir))
}

#[test]
fn the_readme_shows_the_generated_files() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md"))
            .expect("reading README.md");
    for (lang, text) in [
        ("ts", AppClaims::globals_d_ts()),
        ("json", AppClaims::claims_template()),
    ] {
        let block = format!("```{lang}\n{text}```\n");
        assert!(
            readme.contains(&block),
            "README.md should show, as a ```{lang} block, exactly:\n{text}"
        );
    }
}

#[test]
fn every_shape_maps_as_serde_writes_it() {
    // The checked-in file holds the whole text (see above); here, the members that say the most.
    let members = EveryShape::TS.members();
    let find = |name: &str| {
        members
            .iter()
            .find(|m| m.name == name)
            .unwrap_or_else(|| panic!("no member {name}"))
    };
    let names: Vec<&str> = members.iter().map(|m| m.name).collect();
    assert_eq!(
        names,
        [
            "displayName",
            "e-mail",
            "small",
            "signed",
            "ratio",
            "big",
            "huge",
            "verified",
            "initial",
            "nickname",
            "plan",
            "tags",
            "level",
            "visits",
            "scores",
            "tenantIds",
            "perms",
            "flags",
            "org",
            "orgs",
            "backupOrg",
            "metadata",
            "role"
        ],
        "renamed as serde writes them, `cache` (skipped) left out"
    );
    let shape = |name: &str| match find(name).ty {
        TsMemberType::Known(shape) => *shape,
        TsMemberType::Unknown { why, .. } => panic!("{name} is unknown: {why}"),
    };
    assert_eq!(shape("big"), TsShape::WideInteger(64));
    assert_eq!(shape("huge"), TsShape::WideInteger(128));
    assert_eq!(shape("nickname"), TsShape::Nullable(&TsShape::String));
    // Skipped when `None`: the member is optional and the `Option` is gone.
    assert_eq!(
        (find("plan").optional, shape("plan")),
        (true, TsShape::String)
    );
    assert_eq!(
        (find("level").optional, shape("level")),
        (true, TsShape::Nullable(&TsShape::Number))
    );
    // `default` changes reading only.
    assert!(!find("visits").optional);
    assert_eq!(shape("role"), TsShape::Custom(r#""admin" | "member""#));
    assert_eq!(
        shape("org").members(),
        claims_tests::frontend::Org::TS.members()
    );
    assert_eq!(EveryShape::TS.first_unknown(), None);
}

#[test]
fn lenient_claims_declare_undescribed_fields_unknown_with_a_comment() {
    assert_eq!(
        Lenient::globals_d_ts(),
        r"// Generated from the Rust type `Lenient` by #[derive(SessionClaims)]; regenerate it, don't edit it.
export {};

declare global {
  interface CustomJwtSessionClaims {
    /**
     * No `TsType` for `Ipv4Addr`: `unknown`, with a comment.
     *
     * Declared `unknown`: the Rust type `Ipv4Addr` has no TypeScript type.
     */
    ip: unknown;
    /**
     * Written by other code: its type says nothing.
     *
     * Declared `unknown`: #[serde(with)] writes it, so its Rust type `u64` doesn't describe it.
     */
    when: unknown;
    plan: string;
  }
}
"
    );
    // No shortcode on any field: an empty template.
    assert_eq!(Lenient::claims_template(), "{}\n");
    let Some(unknown) = Lenient::TS.first_unknown() else {
        panic!("`ip` has no TypeScript type")
    };
    assert_eq!(unknown.name, "ip");
    assert!(matches!(
        unknown.ty,
        TsMemberType::Unknown { problem, .. } if problem.starts_with("field `ip` of `Lenient` has no TypeScript type")
    ));
}

/// A fresh directory for one test under Cargo's scratch directory.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("frontend_files")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn written_files_check_clean_and_a_stale_or_missing_one_is_named() {
    let types = scratch("sync").join("web/types");
    let (globals, template) = file_paths(&types);
    assert!(matches!(
        check_files::<AppClaims>(&types),
        Err(FrontendFileError::Missing { ref path }) if *path == globals
    ));

    write_files::<AppClaims>(&types).unwrap();
    let current = AppClaims::globals_d_ts();
    assert_eq!(std::fs::read_to_string(&globals).unwrap(), current);
    assert_eq!(
        std::fs::read_to_string(&template).unwrap(),
        AppClaims::claims_template()
    );
    check_files::<AppClaims>(&types).unwrap();

    // A frontend edit by hand (or an older struct) is stale: the first differing line is named.
    let edited = current.replace("tenant?: number;", "tenant?: number | null;");
    assert_ne!(edited, current);
    std::fs::write(&globals, edited).unwrap();
    let err = check_files::<AppClaims>(&types).unwrap_err();
    assert!(
        matches!(err, FrontendFileError::Stale { ref path, line: 29 } if *path == globals),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        format!(
            "{} no longer matches the claims struct (first difference on line 29); rewrite it by running the \
             test again with CLAIMS_FRONTEND=write, and commit it with the frontend changes it needs",
            globals.display()
        )
    );

    // Another struct's files are stale too: the template is checked as well as the declaration.
    write_files::<AppClaims>(&types).unwrap();
    std::fs::write(&template, "{}\n").unwrap();
    assert!(matches!(
        check_files::<AppClaims>(&types),
        Err(FrontendFileError::Stale { ref path, line: 1 }) if *path == template
    ));
    write_files::<AppClaims>(&types).unwrap();
    check_files::<AppClaims>(&types).unwrap();
}

#[test]
fn an_unwritable_directory_is_an_io_error_naming_the_file() {
    let dir = scratch("unwritable");
    std::fs::create_dir_all(&dir).unwrap();
    // A file where the directory should be.
    let blocker = dir.join("types");
    std::fs::write(&blocker, "not a directory").unwrap();
    let err = write_files::<AppClaims>(&blocker).unwrap_err();
    assert!(
        matches!(err, FrontendFileError::Io { ref path, .. } if *path == blocker.join("globals.d.ts")),
        "{err:?}"
    );
}
