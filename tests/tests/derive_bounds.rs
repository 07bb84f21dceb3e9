//! `MAX_JSON_LEN` and `check_bounds` of derived claims: exact bounds for hand-computed structs, a value
//! reaching the bound exactly for every known type (tightness), and property tests that no value passing
//! `check_bounds` serializes longer (soundness) and that values past a bound are refused.
// Each case declares its structs beside the assertions about them.
#![allow(clippy::items_after_statements)]

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::num::NonZeroU32;

use claims_core::size::escaped_len;
use claims_core::{BoundKind, ClaimsError, SessionClaims};
use proptest::prelude::*;

/// The README's struct.
#[derive(SessionClaims, serde::Serialize, serde::Deserialize, Debug, Clone)]
#[claims(profile = "clerk", max_size = 1200)]
#[serde(rename_all = "camelCase")]
struct AppClaims {
    #[claims(max_len = 64)]
    full_name: String,
    #[claims(max_len = 254)]
    primary_email: String,
    #[claims(max_items = 8, max_len = 32)]
    roles: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tenant: Option<u64>,
}

fn len<T: serde::Serialize>(value: &T) -> usize {
    serde_json::to_vec(value).unwrap().len()
}

fn bound_exceeded(field: &str, bound: BoundKind, limit: usize, actual: usize) -> ClaimsError {
    ClaimsError::BoundExceeded {
        field: field.into(),
        bound,
        limit,
        actual,
    }
}

#[test]
fn readme_struct_bound_is_exact_and_reached() {
    // {"fullName":"<64>","primaryEmail":"<254>","roles":[8 × "<32>"],"tenant":<20 digits>}
    let members = (10 + 1 + 66) + (14 + 1 + 256) + (7 + 1 + (2 + 8 * 34 + 7)) + (8 + 1 + 20);
    assert_eq!(AppClaims::MAX_JSON_LEN, Some(2 + members + 3));
    assert_eq!(AppClaims::MAX_JSON_LEN, Some(671));

    // The worst value, with escapes: `\u0001` is 6 bytes, `"` and `\` 2.
    let worst = AppClaims {
        full_name: format!("{}{}", "\u{1}".repeat(10), "\"".repeat(2)),
        primary_email: format!("{}{}", "é".repeat(126), "\\"),
        roles: vec!["r".repeat(32); 8],
        tenant: Some(u64::MAX),
    };
    assert_eq!(escaped_len(&worst.full_name), 64);
    assert_eq!(escaped_len(&worst.primary_email), 254);
    assert_eq!(worst.check_bounds(), Ok(()));
    assert_eq!(len(&worst), 671);

    // Without a tenant the field is skipped: shorter.
    assert_eq!(
        len(&AppClaims {
            tenant: None,
            ..worst
        }),
        671 - 29 - 1
    );
}

#[test]
fn errors_name_the_field_path_the_bound_and_the_size() {
    let ok = AppClaims {
        full_name: "Ada".into(),
        primary_email: "a@b.c".into(),
        roles: vec![],
        tenant: None,
    };
    let long_name = AppClaims {
        full_name: "\n".repeat(33),
        ..ok.clone()
    };
    assert_eq!(
        long_name.check_bounds(),
        Err(bound_exceeded("fullName", BoundKind::MaxLen, 64, 66))
    );
    let many_roles = AppClaims {
        roles: vec![String::new(); 9],
        ..ok.clone()
    };
    assert_eq!(
        many_roles.check_bounds(),
        Err(bound_exceeded("roles", BoundKind::MaxItems, 8, 9))
    );
    let long_role = AppClaims {
        roles: vec!["a".into(), "b".into(), "c".repeat(33)],
        ..ok
    };
    let err = long_role.check_bounds().unwrap_err();
    assert_eq!(err, bound_exceeded("roles[2]", BoundKind::MaxLen, 32, 33));
    assert_eq!(
        err.to_string(),
        "field `roles[2]` has 33 bytes, over its bound `max_len = 32` by 1; shorten the value or raise the bound"
    );
}

#[derive(SessionClaims, serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
struct Org {
    #[claims(max_len = 8)]
    name: String,
    #[claims(max_items = 2, max_len = 4)]
    teams: BTreeSet<String>,
}

/// One field of each known type, bounded.
#[derive(SessionClaims, serde::Serialize, serde::Deserialize, Debug, Clone)]
struct Every {
    a: i8,
    b: u8,
    c: i16,
    d: u16,
    e: i32,
    f: u32,
    g: i64,
    h: u64,
    i: i128,
    j: u128,
    k: isize,
    l: usize,
    m: NonZeroU32,
    n: f32,
    o: f64,
    p: bool,
    q: char,
    r: (),
    s: Option<bool>,
    #[claims(max_len = 3)]
    t: Option<String>,
    #[claims(max_items = 2)]
    u: Vec<i8>,
    #[claims(max_items = 2)]
    v: VecDeque<u8>,
    #[claims(max_items = 2)]
    w: HashSet<i16>,
    x: [i8; 3],
    #[claims(max_items = 2, max_len = 2)]
    y: BTreeMap<String, Option<String>>,
    #[claims(max_items = 1)]
    z: HashMap<i64, bool>,
    org: Org,
    orgs: [Org; 2],
    #[claims(max_len = 5)]
    boxed: Box<str>,
    #[claims(max_json_len = 12)]
    any: serde_json::Value,
    #[serde(rename = "quote\"d")]
    quoted: bool,
}

fn worst_org() -> Org {
    Org {
        name: "\"\"\"\"".into(),
        teams: ["\"\\".to_owned(), "\\\\".to_owned()].into(),
    }
}

fn worst_every() -> Every {
    Every {
        a: i8::MIN,
        b: u8::MAX,
        c: i16::MIN,
        d: u16::MAX,
        e: i32::MIN,
        f: u32::MAX,
        g: i64::MIN,
        h: u64::MAX,
        i: i128::MIN,
        j: u128::MAX,
        k: isize::MIN,
        l: usize::MAX,
        m: NonZeroU32::MAX,
        n: -1.234_567_9e-6,
        o: f64::MIN,
        p: false,
        q: '\u{1f}',
        r: (),
        s: Some(false),
        t: Some("\"a".into()),
        u: vec![i8::MIN, -100],
        v: [u8::MAX, 200].into(),
        w: [i16::MIN, -10_000].into(),
        x: [i8::MIN; 3],
        y: [
            ("\n".into(), Some("\"".into())),
            ("ab".into(), Some("cd".into())),
        ]
        .into(),
        z: [(i64::MIN, false)].into(),
        org: worst_org(),
        orgs: [worst_org(), worst_org()],
        boxed: "\\\\a".into(),
        any: serde_json::json!(["1234567890"]), // 14 bytes, but max_json_len is 12...
        quoted: false,
    }
}

#[test]
fn every_known_type_reaches_its_bound() {
    let mut worst = worst_every();
    // ...so the `max_json_len` field is refused, measured exactly
    assert_eq!(
        worst.check_bounds(),
        Err(bound_exceeded("any", BoundKind::MaxJsonLen, 12, 14))
    );
    worst.any = serde_json::json!(["12345678"]);
    assert_eq!(worst.check_bounds(), Ok(()));
    assert_eq!(Some(len(&worst)), Every::MAX_JSON_LEN);
    assert_eq!(Some(len(&worst.org)), Org::MAX_JSON_LEN);
}

#[test]
fn hand_computed_bounds() {
    // {"name":"<8>","teams":["<4>","<4>"]}
    assert_eq!(
        Org::MAX_JSON_LEN,
        Some(2 + (6 + 1 + 10) + 1 + (7 + 1 + (2 + 6 + 1 + 6)))
    );
    #[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
    struct Small {
        flag: bool,
        #[serde(skip)]
        skipped: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        count: Option<i8>,
    }
    // {"flag":false,"count":-128}
    assert_eq!(Small::MAX_JSON_LEN, Some(2 + 12 + 1 + 12));
    #[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
    struct Empty {}
    assert_eq!(Empty::MAX_JSON_LEN, Some(2));
    #[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
    struct Unbounded {
        #[claims(max_items = 3)]
        names: Vec<String>,
    }
    assert_eq!(Unbounded::MAX_JSON_LEN, None);
}

#[test]
fn nested_paths_are_joined() {
    let mut every = worst_every();
    every.any = serde_json::Value::Null;
    every.orgs[1].teams.insert("toolong".into());
    every.orgs[1].teams.remove("\"\\");
    assert_eq!(
        every.check_bounds(),
        Err(bound_exceeded("orgs[1].teams[1]", BoundKind::MaxLen, 4, 7))
    );
    every.orgs[1] = worst_org();
    every.y.insert("k".into(), Some("long".into()));
    every.y.remove("ab");
    assert_eq!(
        every.check_bounds(),
        Err(bound_exceeded("y.k", BoundKind::MaxLen, 2, 4))
    );
}

/// Characters that stress escaping, and anything else.
fn any_char() -> impl Strategy<Value = char> {
    prop_oneof![
        any::<char>(),
        prop::sample::select(vec![
            '"', '\\', '\n', '\t', '\u{0}', '\u{1}', '\u{1f}', '\u{7f}', 'é', '😀', '\u{2028}'
        ]),
    ]
}

/// A string of at most `max` bytes once JSON-escaped.
fn string_within(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(any_char(), 0..=max).prop_map(move |chars| {
        let mut out = String::new();
        for c in chars {
            let mut next = out.clone();
            next.push(c);
            if escaped_len(&next) > max {
                break;
            }
            out = next;
        }
        out
    })
}

/// A string of more than `max` bytes once JSON-escaped.
fn string_past(max: usize) -> impl Strategy<Value = String> {
    (string_within(max), prop::collection::vec(any_char(), 1..8)).prop_map(move |(s, extra)| {
        let mut out = s;
        for c in extra.into_iter().cycle() {
            if escaped_len(&out) > max {
                break;
            }
            out.push(c);
        }
        out
    })
}

fn app_claims() -> impl Strategy<Value = AppClaims> {
    (
        string_within(64),
        string_within(254),
        prop::collection::vec(string_within(32), 0..=8),
        prop_oneof![Just(None), Just(Some(u64::MAX)), any::<Option<u64>>()],
    )
        .prop_map(|(full_name, primary_email, roles, tenant)| AppClaims {
            full_name,
            primary_email,
            roles,
            tenant,
        })
}

fn org() -> impl Strategy<Value = Org> {
    (
        string_within(8),
        prop::collection::btree_set(string_within(4), 0..=2),
    )
        .prop_map(|(name, teams)| Org { name, teams })
}

fn every() -> impl Strategy<Value = Every> {
    let ints = (
        any::<i8>(),
        any::<i64>(),
        any::<u64>(),
        any::<i128>(),
        any::<u128>(),
        any::<isize>(),
    );
    let floats = (
        any::<f32>(),
        prop_oneof![
            any::<f64>(),
            Just(f64::MIN),
            Just(f64::NAN),
            Just(-f64::MIN_POSITIVE)
        ],
    );
    let text = (
        any_char(),
        prop::option::of(string_within(3)),
        string_within(5),
    );
    let seqs = (
        prop::collection::vec(any::<i8>(), 0..=2),
        prop::collection::hash_set(any::<i16>(), 0..=2),
        prop::collection::btree_map(string_within(2), prop::option::of(string_within(2)), 0..=2),
        prop::collection::hash_map(any::<i64>(), any::<bool>(), 0..=1),
    );
    (ints, floats, text, seqs, org(), org(), org()).prop_map(
        |(ints, floats, text, seqs, o1, o2, o3)| {
            let mut value = worst_every();
            (value.a, value.g, value.h, value.i, value.j, value.k) = ints;
            (value.n, value.o) = floats;
            (value.q, value.t) = (text.0, text.1);
            value.boxed = text.2.into_boxed_str();
            (value.u, value.w, value.y, value.z) = seqs;
            value.org = o1;
            value.orgs = [o2, o3];
            value.any = serde_json::Value::Null;
            value
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn readme_values_within_bounds_fit_the_bound(value in app_claims()) {
        prop_assert_eq!(value.check_bounds(), Ok(()));
        prop_assert!(len(&value) <= AppClaims::MAX_JSON_LEN.unwrap());
    }

    #[test]
    fn every_type_within_bounds_fits_the_bound(value in every()) {
        prop_assert_eq!(value.check_bounds(), Ok(()));
        prop_assert!(len(&value) <= Every::MAX_JSON_LEN.unwrap());
    }

    #[test]
    fn a_string_past_its_bound_is_refused(base in app_claims(), name in string_past(64)) {
        let actual = escaped_len(&name);
        let value = AppClaims { full_name: name, ..base };
        prop_assert_eq!(value.check_bounds(), Err(bound_exceeded("fullName", BoundKind::MaxLen, 64, actual)));
    }

    #[test]
    fn an_item_past_its_bound_is_refused(base in app_claims(), role in string_past(32), at in 0usize..8) {
        let mut value = base;
        let at = at.min(value.roles.len());
        value.roles.insert(at, role.clone());
        value.roles.truncate(8);
        let err = value.check_bounds().unwrap_err();
        // the first offending item is reported
        let first = value.roles.iter().position(|r| escaped_len(r) > 32).unwrap();
        prop_assert_eq!(err, bound_exceeded(&format!("roles[{first}]"), BoundKind::MaxLen, 32, escaped_len(&value.roles[first])));
    }

    #[test]
    fn too_many_items_are_refused(base in app_claims(), extra in prop::collection::vec(string_within(32), 9..20)) {
        let count = extra.len();
        let value = AppClaims { roles: extra, ..base };
        prop_assert_eq!(value.check_bounds(), Err(bound_exceeded("roles", BoundKind::MaxItems, 8, count)));
    }
}
