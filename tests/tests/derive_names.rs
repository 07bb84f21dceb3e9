//! `CLAIM_NAMES` and `RESERVED` of derived claims: every serde rename rule, split renames, aliases, skips
//! and raw identifiers give exactly the names serde writes and reads.
// Each case declares its structs beside the assertions about them.
#![allow(clippy::items_after_statements)]

use claims_core::{Profile, ReservedNames, SessionClaims};

/// Declares a struct with the same three fields under `rename_all = $rule` and checks its names, and
/// that serde really writes them.
macro_rules! rule_case {
    ($test:ident, $rule:literal, [$($name:literal),*]) => {
        #[test]
        fn $test() {
            #[derive(SessionClaims, serde::Serialize, serde::Deserialize, Default)]
            #[claims(profile = "rfc7519")]
            #[serde(rename_all = $rule)]
            struct Claims {
                full_name: u8,
                user_id_2: u8,
                plan: u8,
            }
            assert_eq!(Claims::CLAIM_NAMES, [$($name),*]);
            let written = serde_json::to_value(Claims::default()).unwrap();
            let keys: Vec<&str> = written.as_object().unwrap().keys().map(String::as_str).collect();
            let mut expected = vec![$($name),*];
            expected.sort_unstable();
            assert_eq!(keys, expected, "serde_json's map is sorted");
        }
    };
}

rule_case!(lowercase, "lowercase", ["full_name", "user_id_2", "plan"]);
rule_case!(uppercase, "UPPERCASE", ["FULL_NAME", "USER_ID_2", "PLAN"]);
rule_case!(pascal_case, "PascalCase", ["FullName", "UserId2", "Plan"]);
rule_case!(camel_case, "camelCase", ["fullName", "userId2", "plan"]);
rule_case!(snake_case, "snake_case", ["full_name", "user_id_2", "plan"]);
rule_case!(
    screaming_snake_case,
    "SCREAMING_SNAKE_CASE",
    ["FULL_NAME", "USER_ID_2", "PLAN"]
);
rule_case!(kebab_case, "kebab-case", ["full-name", "user-id-2", "plan"]);
rule_case!(
    screaming_kebab_case,
    "SCREAMING-KEBAB-CASE",
    ["FULL-NAME", "USER-ID-2", "PLAN"]
);

#[test]
fn split_rename_all_counts_both_sides() {
    #[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
    #[serde(rename_all(serialize = "camelCase", deserialize = "kebab-case"))]
    struct Claims {
        full_name: u8,
        plan: u8,
    }
    assert_eq!(Claims::CLAIM_NAMES, ["fullName", "full-name", "plan"]);
}

#[test]
fn rename_split_rename_alias_and_raw_identifiers() {
    #[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Claims {
        // an explicit rename wins over rename_all
        #[serde(rename = "display_name")]
        full_name: u8,
        #[serde(rename(serialize = "w", deserialize = "r"), alias = "legacy_w")]
        split: u8,
        // one side renamed, the other follows rename_all
        #[serde(rename(deserialize = "orgRead"))]
        org_id: u8,
        r#type: u8,
        r#as_of: u8,
    }
    assert_eq!(
        Claims::CLAIM_NAMES,
        [
            "display_name",
            "w",
            "r",
            "legacy_w",
            "orgId",
            "orgRead",
            "type",
            "asOf"
        ]
    );
    let value: Claims =
        serde_json::from_str(r#"{"display_name":1,"legacy_w":2,"orgRead":3,"type":4,"asOf":5}"#)
            .unwrap();
    assert_eq!(
        serde_json::to_string(&value).unwrap(),
        r#"{"display_name":1,"w":2,"orgId":3,"type":4,"asOf":5}"#
    );
}

#[test]
fn skips_leave_out_the_side_they_skip() {
    #[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
    struct Claims {
        #[serde(skip)]
        cache: u8,
        #[serde(skip_serializing, alias = "read_alias")]
        read_only: u8,
        #[serde(skip_deserializing, alias = "never_read")]
        write_only: u8,
        #[serde(skip_serializing_if = "Option::is_none")]
        maybe: Option<u8>,
    }
    // an alias of a field that is never read is no name at all, as in serde
    assert_eq!(
        Claims::CLAIM_NAMES,
        ["read_only", "read_alias", "write_only", "maybe"]
    );
}

#[test]
fn reserved_is_the_policy_the_names_were_checked_against() {
    #[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
    struct Default {
        name: u8,
    }
    assert_eq!(Default::RESERVED, ReservedNames::RFC7519);

    #[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
    #[claims(
        profile = "clerk-v1",
        profile = "stytch",
        reserve = "tenant",
        reserve = "plan"
    )]
    #[claims(reserve_prefix = "x_")]
    struct Many {
        name: u8,
    }
    assert_eq!(
        Many::RESERVED,
        ReservedNames::from_profiles(&[&Profile::CLERK_V1, &Profile::STYTCH])
            .with_names(&["tenant", "plan"])
            .with_prefixes(&["x_"])
    );

    // Only `reserve`: the default profile still applies.
    #[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
    #[claims(reserve = "tenant")]
    struct Own {
        name: u8,
    }
    assert_eq!(
        Own::RESERVED,
        ReservedNames::RFC7519.with_names(&["tenant"])
    );
    assert!(Own::RESERVED.check("sub").is_some());

    // `none`: no profile at all, for structs only ever nested inside claims; own names still count.
    #[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
    #[claims(profile = "none", reserve = "secret")]
    struct Nested {
        sub: u8,
        iss: u8,
    }
    assert_eq!(
        Nested::RESERVED,
        ReservedNames::NONE.with_names(&["secret"])
    );
    assert_eq!(Nested::CLAIM_NAMES, ["sub", "iss"]);
    assert!(Nested::RESERVED.check("sub").is_none());
}

#[test]
fn every_profile_name_reaches_its_profile() {
    macro_rules! profile_case {
        ($($name:literal => $profile:expr),*) => {$({
            #[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
            #[claims(profile = $name)]
            struct Claims {
                custom_claim: u8,
            }
            assert_eq!(Claims::RESERVED.profiles(), [&$profile]);
        })*};
    }
    profile_case!(
        "rfc7519" => Profile::RFC7519,
        "clerk" => Profile::CLERK,
        "clerk-v1" => Profile::CLERK_V1,
        "stytch" => Profile::STYTCH,
        "firebase" => Profile::FIREBASE,
        "cognito" => Profile::COGNITO,
        "supabase" => Profile::SUPABASE
    );
}

#[test]
fn names_case_sensitively_distinct_from_reserved_ones_pass() {
    #[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
    #[claims(profile = "clerk")]
    struct Claims {
        #[serde(rename = "SUB")]
        subject: u8,
        #[serde(rename = "Sid")]
        session: u8,
    }
    assert_eq!(Claims::CLAIM_NAMES, ["SUB", "Sid"]);
    assert!(
        Claims {
            subject: 1,
            session: 2
        }
        .check_reserved(&Claims::RESERVED)
        .is_ok()
    );
}
