//! The expansion is a guest in the user's crate: it must compile without a warning under the strictest
//! lint levels a user may set, with every attribute and feature of the derive in use.
#![deny(warnings, clippy::all, clippy::pedantic)]
#![forbid(unsafe_code)]

use std::collections::{BTreeMap, BTreeSet, HashMap};

use claims_core::SessionClaims;

/// Nested claims, patched recursively.
#[derive(SessionClaims, serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
#[claims(patch)]
pub struct Org {
    #[claims(max_len = 32)]
    id: String,
    #[claims(max_items = 4, max_len = 16)]
    #[serde(default)]
    permissions: Vec<String>,
}

/// Every attribute at once.
#[derive(SessionClaims, serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
#[claims(
    profile = "clerk",
    profile = "stytch",
    reserve = "tenant_id",
    reserve_prefix = "internal_"
)]
#[claims(max_size = 2000, crate = "::claims_core", patch)]
#[claims(typescript, clerk_template = "partial")]
#[serde(
    rename_all(serialize = "camelCase", deserialize = "camelCase"),
    deny_unknown_fields
)]
pub struct AppClaims {
    #[claims(max_len = 64, clerk = "{{user.full_name}}")]
    full_name: String,
    #[claims(max_len = 254)]
    #[serde(alias = "email")]
    primary_email: String,
    #[claims(max_items = 8, max_len = 32)]
    roles: BTreeSet<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    tenant: Option<u64>,
    #[claims(nested)]
    org: Org,
    #[claims(max_items = 4, max_len = 8)]
    flags: BTreeMap<String, bool>,
    #[claims(max_json_len = 40, ts_type = "`user_${string}`")]
    #[serde(rename = "id")]
    r#type: String,
    scores: [i16; 3],
    ratio: f64,
    initial: char,
}

/// A generic struct.
#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(patch)]
pub struct Tagged<T> {
    #[claims(max_items = 2)]
    tags: Vec<T>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<T>,
}

/// No bound at all: fine without `max_size`.
#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
pub struct Loose {
    extra: HashMap<String, serde_json::Value>,
    name: String,
}

#[test]
fn lint_clean_expansion_works() {
    assert!(AppClaims::MAX_JSON_LEN.is_some());
    // {"tags":[255,255],"note":255}: a skipped `None` is never `null`
    assert_eq!(<Tagged<u8>>::MAX_JSON_LEN, Some(2 + 7 + 9 + 1 + 7 + 3));
    assert_eq!(Loose::MAX_JSON_LEN, None);
    let patch = TaggedPatch::<u8>::new().set_tags(vec![1]).remove_note();
    assert!(!patch.is_empty());
    let declaration = <AppClaims as claims_core::frontend::ClerkFrontend>::globals_d_ts();
    assert!(
        declaration.contains("    id: `user_${string}`;\n"),
        "{declaration}"
    );
}

/// A struct declared by a `macro_rules!` from field types that another expansion wrote (as a `ty`
/// fragment): the generated code must still reach the fields through its own `self`. A `self` put under
/// the type's span would take the hygiene of the expansion that wrote the type, and name nothing.
macro_rules! declare_claims {
    ($name:ident, $count:ty) => {
        declare_claims!(@struct $name [$count]);
    };
    (@struct $name:ident [$($count:tt)*]) => {
        /// Claims declared by a macro.
        #[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
        pub struct $name {
            count: $($count)*,
            #[claims(max_len = 4)]
            label: String,
        }
    };
}

declare_claims!(FromMacro, u8);

#[test]
fn a_struct_declared_by_a_macro_checks_its_fields() {
    use claims_core::{BoundKind, ClaimsError};

    let fits = FromMacro {
        count: 1,
        label: "abcd".into(),
    };
    assert_eq!(fits.check_bounds(), Ok(()));
    let long = FromMacro {
        count: 1,
        label: "abcde".into(),
    };
    assert_eq!(
        long.check_bounds(),
        Err(ClaimsError::BoundExceeded {
            field: "label".into(),
            bound: BoundKind::MaxLen,
            limit: 4,
            actual: 5
        })
    );
    assert_eq!(
        FromMacro::MAX_JSON_LEN,
        Some(r#"{"count":255,"label":"abcd"}"#.len())
    );
}

/// The expansion names nothing through the user's scope: everything it could name unqualified is
/// shadowed here, including the names of the generated methods' parameters.
mod hygiene {
    #![allow(non_upper_case_globals, dead_code)]

    use claims_core::SessionClaims;

    struct Option;
    struct Result;
    struct String;
    struct Vec;
    struct Box;
    struct Probe;
    struct FieldBound;
    trait ProbeFallback {}
    struct TsProbe;
    trait TsProbeFallback {}
    struct TsShape;
    struct TsMember;
    const value: u8 = 0;
    const patch: u8 = 0;
    const policy: u8 = 0;

    /// A generic struct whose parameter has the name generated code likes to use.
    #[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
    #[claims(patch, max_size = 100)]
    pub(crate) struct Shadowed<S> {
        #[claims(max_len = 4)]
        name: std::string::String,
        #[serde(skip_serializing_if = "std::option::Option::is_none")]
        extra: std::option::Option<S>,
    }

    #[test]
    fn shadowed_names_do_not_leak_in() {
        let claims = Shadowed::<u8> {
            name: "Ada".into(),
            extra: None,
        };
        let updated = claims
            .apply(
                &ShadowedPatch::new()
                    .set_extra(Some(value))
                    .set_name("Bo".into()),
            )
            .unwrap();
        assert_eq!(updated.extra, Some(0));
        // {"name":"xxxx","extra":255}: the skipped `None` never writes the longer `null`
        assert_eq!(<Shadowed<u8>>::MAX_JSON_LEN, Some(2 + 13 + 1 + 11));
        assert_eq!(
            <Shadowed<u8> as claims_core::typescript::TsType>::TS.to_typescript(),
            "{\n  /** At most 4 bytes of JSON-escaped text (`max_len = 4`). */\n  name: string;\n  extra?: number;\n}"
        );
    }
}
