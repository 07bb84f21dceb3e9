//! Derived claims types for the fuzz targets: one with a field of every kind the derive bounds, with
//! a way to bring any value within its declared bounds, and one small type per token layout.

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::num::{NonZeroI64, NonZeroU32};
use std::time::Duration;

use arbitrary::Arbitrary;
use claims_core::SessionClaims;
use claims_core::profile::FitsProfile;
use claims_jwt::{Clerk, Generic, Layout, Stytch};
use serde::{Deserialize, Serialize};

/// A nested claims struct.
#[derive(SessionClaims, Serialize, Deserialize, Arbitrary, Debug, Clone, PartialEq)]
pub struct Org {
    /// A short string.
    #[claims(max_len = 8)]
    pub name: String,
    /// A small set of short strings.
    #[claims(max_items = 2, max_len = 4)]
    pub teams: BTreeSet<String>,
}

/// One field of every kind `#[derive(SessionClaims)]` bounds: strings, sequences, sets, maps with
/// string, integer and `char` keys, integers of every width, floats, nested structs, `max_json_len` on a
/// type without a shape, renamed and skipped fields.
#[derive(SessionClaims, Serialize, Deserialize, Arbitrary, Debug, Clone)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct Bounded {
    #[claims(max_len = 16)]
    pub full_name: String,
    #[claims(max_len = 8)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nick: Option<String>,
    #[claims(max_items = 4, max_len = 6)]
    pub roles: Vec<String>,
    #[claims(max_items = 3, max_len = 4)]
    pub teams: BTreeSet<String>,
    #[claims(max_items = 2, max_len = 5)]
    pub flags: BTreeMap<String, Option<String>>,
    #[claims(max_items = 2)]
    pub counts: HashMap<i64, bool>,
    #[claims(max_items = 2)]
    pub by_char: BTreeMap<char, u8>,
    #[claims(max_items = 3)]
    pub deque: VecDeque<u8>,
    #[claims(max_len = 3)]
    pub boxed: Box<str>,
    pub pair: [i64; 2],
    pub wide: i128,
    pub wide_unsigned: u128,
    pub size: isize,
    pub usize: usize,
    pub non_zero: NonZeroU32,
    pub non_zero_signed: NonZeroI64,
    pub single: f32,
    pub double: f64,
    pub flag: bool,
    pub letter: char,
    pub unit: (),
    #[serde(rename = "quo\"te\u{1}d é")]
    pub quoted: Option<bool>,
    #[serde(skip)]
    pub skipped: u8,
    pub org: Org,
    #[claims(max_items = 2)]
    pub orgs: Vec<Org>,
    pub maybe_org: Option<Box<Org>>,
    #[claims(max_json_len = 33)]
    pub ttl: Duration,
}

/// Bytes of `s` once JSON-escaped, quotes excluded, as `serde_json` writes it: the unit of `max_len`.
fn escaped(s: &str) -> usize {
    serde_json::to_string(s).expect("a string serializes").len() - 2
}

/// `s` cut to at most `max` escaped bytes.
fn truncate(s: &mut String, max: usize) {
    while escaped(s) > max {
        s.pop();
    }
}

fn truncated(mut s: String, max: usize) -> String {
    truncate(&mut s, max);
    s
}

/// `set` cut to at most `max_items` strings of at most `max_len` escaped bytes (cutting two strings to
/// the same one leaves one).
fn clamp_set(set: &mut BTreeSet<String>, max_items: usize, max_len: usize) {
    let cut: BTreeSet<String> = std::mem::take(set)
        .into_iter()
        .map(|item| truncated(item, max_len))
        .collect();
    *set = cut.into_iter().take(max_items).collect();
}

impl Org {
    fn clamp(&mut self) {
        truncate(&mut self.name, 8);
        clamp_set(&mut self.teams, 2, 4);
    }
}

impl Bounded {
    /// Brings this value within the bounds its type declares, keeping as much of it as fits.
    ///
    /// # Panics
    ///
    /// If `serde_json` cannot serialize a string or a `Duration`, which it always can.
    pub fn clamp(&mut self) {
        truncate(&mut self.full_name, 16);
        if let Some(nick) = &mut self.nick {
            truncate(nick, 8);
        }
        self.roles.truncate(4);
        for role in &mut self.roles {
            truncate(role, 6);
        }
        clamp_set(&mut self.teams, 3, 4);
        let flags: BTreeMap<String, Option<String>> = std::mem::take(&mut self.flags)
            .into_iter()
            .map(|(k, v)| (truncated(k, 5), v.map(|v| truncated(v, 5))))
            .collect();
        self.flags = flags.into_iter().take(2).collect();
        self.counts = std::mem::take(&mut self.counts)
            .into_iter()
            .take(2)
            .collect();
        self.by_char = std::mem::take(&mut self.by_char)
            .into_iter()
            .take(2)
            .collect();
        self.deque.truncate(3);
        let mut boxed = self.boxed.to_string();
        truncate(&mut boxed, 3);
        self.boxed = boxed.into_boxed_str();
        self.org.clamp();
        self.orgs.truncate(2);
        for org in &mut self.orgs {
            org.clamp();
        }
        if let Some(org) = &mut self.maybe_org {
            org.clamp();
        }
        if serde_json::to_vec(&self.ttl)
            .expect("a duration serializes")
            .len()
            > 33
        {
            self.ttl = Duration::from_secs(self.ttl.as_secs() % 1_000_000);
        }
    }
}

/// Custom claims a layout's verifier can read into a derived type, for the typed/dynamic comparison.
pub trait TypedClaims: Layout + PartialEq {
    /// Custom claims derived for this layout's profile.
    type Claims: SessionClaims + FitsProfile<<Self as Layout>::Profile> + std::fmt::Debug;
}

macro_rules! app_claims {
    ($($name:ident, $profile:literal, $layout:ty;)*) => {$(
        /// Small custom claims derived for this layout's profile.
        #[derive(SessionClaims, Serialize, Deserialize, Debug, Clone, PartialEq)]
        #[claims(profile = $profile)]
        pub struct $name {
            /// An optional bounded string.
            #[claims(max_len = 32)]
            #[serde(default)]
            pub plan: Option<String>,
            /// Bounded roles.
            #[claims(max_items = 4, max_len = 16)]
            #[serde(default)]
            pub roles: Vec<String>,
            /// An optional integer.
            #[serde(default)]
            pub seats: Option<u32>,
        }

        impl TypedClaims for $layout {
            type Claims = $name;
        }
    )*};
}

app_claims! {
    GenericApp, "rfc7519", Generic;
    ClerkApp, "clerk", Clerk;
    StytchApp, "stytch", Stytch;
}
