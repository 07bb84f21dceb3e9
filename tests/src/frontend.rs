//! The claims structs whose Clerk frontend files are checked in under `tests/typescript/`: the README's
//! struct, one using every shape and serde attribute the TypeScript mapping knows, and one that lets
//! fields without a TypeScript type be `unknown`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::net::Ipv4Addr;
use std::path::{Path, PathBuf};

use claims_core::SessionClaims;

/// The directory of the frontend fixture package (`package.json`, the checked-in files, the `.ts` files
/// that read them).
pub fn typescript_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("typescript")
}

/// The README's struct, with a Clerk shortcode on every claim.
#[derive(SessionClaims, serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
#[claims(profile = "clerk", max_size = 1200, patch, typescript)]
#[serde(rename_all = "camelCase")]
pub struct AppClaims {
    /// The user's full name.
    #[claims(max_len = 64, clerk = "{{user.full_name}}")]
    pub full_name: String,
    /// The user's primary email address.
    #[claims(max_len = 254, clerk = "{{user.primary_email_address}}")]
    pub primary_email: String,
    /// The user's roles, from their public metadata.
    #[claims(max_items = 8, max_len = 32, clerk = "{{user.public_metadata.roles}}")]
    pub roles: Vec<String>,
    /// The tenant the user belongs to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[claims(clerk = "{{user.public_metadata.tenant}}")]
    pub tenant: Option<u64>,
}

/// A struct nested in [`EveryShape`], once required, once in a sequence, once optional.
#[derive(SessionClaims, serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq, Default)]
#[claims(profile = "none")]
pub struct Org {
    /// The organization's name.
    #[claims(max_len = 32)]
    pub name: String,
    /// Its slug, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
}

/// Every shape and serde attribute the TypeScript mapping knows.
#[derive(SessionClaims, serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq, Default)]
#[claims(profile = "clerk", typescript, clerk_template = "complete")]
#[serde(rename_all = "camelCase")]
// A field's docs become its member's comment: only those that explain a case have them.
#[allow(missing_docs)]
pub struct EveryShape {
    /// The name to greet the user by.
    ///
    /// Their first name when they gave one.
    #[claims(max_len = 64, clerk = "{{user.first_name || user.username}}")]
    pub display_name: String,
    /// `rename` to a name that is not an identifier.
    #[serde(rename = "e-mail")]
    #[claims(clerk = "{{user.primary_email_address}}")]
    pub email: String,
    #[claims(clerk = "{{user.public_metadata.small}}")]
    pub small: u8,
    #[claims(clerk = "{{user.public_metadata.signed}}")]
    pub signed: i32,
    #[claims(clerk = "{{user.public_metadata.ratio}}")]
    pub ratio: f64,
    #[claims(clerk = "{{user.public_metadata.big}}")]
    pub big: u64,
    #[claims(clerk = "{{user.public_metadata.huge}}")]
    pub huge: i128,
    #[claims(clerk = "{{user.email_verified}}")]
    pub verified: bool,
    #[claims(clerk = "{{user.public_metadata.initial}}")]
    pub initial: char,
    /// `Option` without `skip_serializing_if`: always written, maybe `null`.
    #[claims(clerk = "{{user.username}}")]
    pub nickname: Option<String>,
    /// `Option` skipped when `None`: missing, never `null`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[claims(max_len = 16, clerk = "{{user.public_metadata.plan || 'free'}}")]
    pub plan: Option<String>,
    /// Another predicate: missing when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[claims(max_items = 4, max_len = 16, clerk = "{{user.public_metadata.tags}}")]
    pub tags: Vec<String>,
    /// `Option<Option<T>>` skipped when `None`: `Some(None)` is still written `null`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[claims(clerk = "{{user.public_metadata.level}}")]
    pub level: Option<Option<u16>>,
    /// `default` only changes reading: the claim is always written.
    #[serde(default)]
    #[claims(clerk = "{{user.public_metadata.visits}}")]
    pub visits: u32,
    #[claims(clerk = "{{user.public_metadata.scores}}")]
    pub scores: [u8; 3],
    #[claims(clerk = "{{user.public_metadata.tenant_ids}}")]
    pub tenant_ids: BTreeSet<u64>,
    #[claims(max_items = 8, max_len = 32, clerk = "{{user.public_metadata.perms}}")]
    pub perms: BTreeMap<String, Vec<String>>,
    #[claims(clerk = "{{user.public_metadata.flags}}")]
    pub flags: HashMap<String, bool>,
    #[claims(clerk = "{{user.public_metadata.org}}")]
    pub org: Org,
    #[claims(clerk = "{{user.public_metadata.orgs}}")]
    pub orgs: Vec<Org>,
    #[claims(clerk = "{{user.public_metadata.backup_org}}")]
    pub backup_org: Option<Org>,
    #[claims(clerk = "{{user.public_metadata}}")]
    pub metadata: serde_json::Value,
    /// A type written by hand.
    #[claims(ts_type = r#""admin" | "member""#, clerk = "{{org_membership.role}}")]
    pub role: String,
    /// Never written, so not declared.
    #[serde(skip)]
    pub cache: u8,
}

/// A struct that lets fields without a TypeScript type be `unknown`.
#[derive(SessionClaims, serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
#[claims(typescript = "unknown")]
#[allow(missing_docs)]
pub struct Lenient {
    /// No `TsType` for `Ipv4Addr`: `unknown`, with a comment.
    pub ip: Ipv4Addr,
    /// Written by other code: its type says nothing.
    #[serde(with = "as_text")]
    pub when: u64,
    pub plan: String,
}

mod as_text {
    use serde::{Deserialize, Deserializer, Serializer};

    // serde's `with` passes the field by reference.
    #[allow(clippy::trivially_copy_pass_by_ref)]
    pub(super) fn serialize<S: Serializer>(value: &u64, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(value)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u64, D::Error> {
        String::deserialize(deserializer)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}
