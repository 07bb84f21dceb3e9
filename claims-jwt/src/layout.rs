//! Provider token layouts: the claims a provider adds beside the registered ones, and the names they
//! reserve.
//!
//! A [`Layout`] is the typed struct of a provider's own session claims ([`Clerk`], [`Stytch`]; [`Generic`]
//! has none). It says which top-level claims it owns, reads and writes them, and names the claims-core
//! policy that custom claims must respect. Everything a layout does not own and that is not registered is
//! a custom claim.

use std::fmt;

use claims_core::size::{CookieSpec, SESSION_COOKIE};
use claims_core::{Profile, ReservedNames, SessionClaims};
use serde::de::Deserializer;
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A provider's session-token layout.
///
/// Implement it for a provider this crate does not know; the payload parser routes each top-level claim
/// that [`Layout::owns`] to [`Layout::deserialize_claim`], with no buffering.
///
/// ```
/// use claims_jwt::{Clerk, Layout, Stytch};
/// assert!(Clerk::owns("sid") && !Clerk::owns("plan"));
/// assert!(Stytch::owns("https://stytch.com/session"));
/// assert_eq!(Clerk::cookie().name(), "__session");
/// assert_eq!(Clerk::DEFAULT_LEEWAY, 5);
/// ```
pub trait Layout: Default + Clone + fmt::Debug + Send + Sync + 'static {
    /// The layout's name, for messages.
    const NAME: &'static str;

    /// The claims-core profile a derived custom-claims type must be compiled with (`None`: any).
    ///
    /// Checked at compile time when a minter or verifier is used with a derived type.
    const PROFILE: Option<&'static Profile>;

    /// The names custom claims may not use in this layout: the profile, plus the registered claims the
    /// profile leaves out. Its profiles' budget is the default custom-claims budget.
    const RESERVED: ReservedNames<'static>;

    /// The clock skew verifiers of this provider allow by default, in seconds.
    const DEFAULT_LEEWAY: u64 = 0;

    /// The name of the cookie that carries this provider's session token (`__session` by default), as a
    /// constant for compile-time checks ([`crate::CookieProof`]).
    const COOKIE_NAME: &'static str = SESSION_COOKIE;

    /// The cookie that carries this provider's session token: [`Layout::COOKIE_NAME`], 4,096 bytes.
    fn cookie() -> CookieSpec {
        CookieSpec::new(Self::COOKIE_NAME)
    }

    /// Whether the top-level claim `name` (not a registered one) belongs to the layout.
    fn owns(name: &str) -> bool;

    /// Reads the value of the owned claim `name`.
    fn deserialize_claim<'de, D: Deserializer<'de>>(
        &mut self,
        name: &str,
        value: D,
    ) -> Result<(), D::Error>;

    /// Writes the layout's claims as entries of the payload object.
    fn serialize_claims<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error>;

    /// The authorized party (`azp`), checked against a verifier's authorized parties when present.
    fn authorized_party(&self) -> Option<&str> {
        None
    }
}

/// Whether no claim name of `C` is reserved by `L` (dynamic types have none to check here).
const fn names_fit<C: SessionClaims, L: Layout>() -> bool {
    let names = C::CLAIM_NAMES;
    let mut i = 0;
    while i < names.len() {
        if L::RESERVED.check(names[i]).is_some() {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether `C` was compiled against a policy that reserves everything `L`'s profile reserves.
/// Dynamic claims (no static names, no static bound: `serde_json::Map`) are checked at run time instead.
const fn profile_fits<C: SessionClaims, L: Layout>() -> bool {
    let Some(profile) = L::PROFILE else {
        return true;
    };
    if C::CLAIM_NAMES.is_empty() && C::MAX_JSON_LEN.is_none() {
        return true;
    }
    let (names, prefixes) = (profile.names(), profile.prefixes());
    let mut i = 0;
    while i < names.len() {
        if C::RESERVED.check(names[i]).is_none() {
            return false;
        }
        i += 1;
    }
    let mut i = 0;
    while i < prefixes.len() {
        if C::RESERVED.check(prefixes[i]).is_none() {
            return false;
        }
        i += 1;
    }
    true
}

/// Compile-time check that custom claims `C` fit layout `L`: evaluated when the generic code that calls
/// it is built (`cargo build`/`test`, not `cargo check`).
pub(crate) fn assert_fits<C: SessionClaims, L: Layout>() {
    const {
        assert!(
            names_fit::<C, L>(),
            "a claim name of the custom claims type is reserved by the token layout (a registered claim or one \
             of the provider's own); rename the field with #[serde(rename = \"...\")]"
        );
        assert!(
            profile_fits::<C, L>(),
            "the custom claims type was derived for another profile than the token layout's; derive it with \
             #[claims(profile = \"clerk\")] for `Clerk`, #[claims(profile = \"stytch\")] for `Stytch`"
        );
    }
}

/// No provider claims: registered claims and custom claims only. Custom claims may not use the registered
/// names (profile `rfc7519`); no budget; cookie `__session`.
///
/// ```
/// use claims_jwt::{Generic, Layout};
/// assert!(!Generic::owns("sid"));
/// assert!(Generic::RESERVED.check("exp").is_some());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Generic;

impl Layout for Generic {
    const NAME: &'static str = "generic";
    const PROFILE: Option<&'static Profile> = None;
    const RESERVED: ReservedNames<'static> = ReservedNames::RFC7519;

    fn owns(_: &str) -> bool {
        false
    }

    fn deserialize_claim<'de, D: Deserializer<'de>>(
        &mut self,
        _: &str,
        value: D,
    ) -> Result<(), D::Error> {
        serde::de::IgnoredAny::deserialize(value).map(|_| ())
    }

    fn serialize_claims<M: SerializeMap>(&self, _: &mut M) -> Result<(), M::Error> {
        Ok(())
    }
}

/// Clerk session token, version 2: `azp`, `fva`, `sid`, `v`, `pla`, `fea`, `sts`, `o`, `act`, all typed
/// and optional (version 1 tokens, without `v`, read too).
///
/// Custom claims must be derived with `#[claims(profile = "clerk")]`; their budget is 1,200 bytes; the
/// cookie is `__session`; verifiers allow 5 s of clock skew by default, as Clerk's SDKs do, and check `azp`
/// against their authorized parties when it is present.
///
/// ```
/// use claims_jwt::Clerk;
/// let clerk: Clerk = serde_json::from_str(r#"{"sid":"sess_1","v":2,"fva":[7,-1],"o":{"id":"org_1","rol":"admin"}}"#)?;
/// assert_eq!(clerk.fva, Some([7, -1]));
/// assert_eq!(clerk.o.unwrap().rol.as_deref(), Some("admin"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clerk {
    /// `azp`: the origin the token was issued for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub azp: Option<String>,
    /// `fva`: minutes since the first and the second factor verification (`-1`: never).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fva: Option<[i64; 2]>,
    /// `sid`: the session id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sid: Option<String>,
    /// `v`: the token version (2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub v: Option<u32>,
    /// `pla`: the active plan, `u:<plan>` or `o:<plan>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pla: Option<String>,
    /// `fea`: comma-separated scoped features, e.g. `o:dashboard,o:impersonation`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fea: Option<String>,
    /// `sts`: the session status, e.g. `pending`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sts: Option<String>,
    /// `o`: the active organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub o: Option<ClerkOrganization>,
    /// `act`: the actor, when impersonating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub act: Option<ClerkActor>,
}

/// Clerk's `o` claim: the active organization.
///
/// ```
/// # use claims_jwt::layout::ClerkOrganization;
/// let o: ClerkOrganization = serde_json::from_str(r#"{"id":"org_1","slg":"acme","rol":"admin","per":"read,manage","fpm":"3"}"#)?;
/// assert_eq!((o.id.as_str(), o.rol.as_deref()), ("org_1", Some("admin")));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClerkOrganization {
    /// `id`: the organization id.
    pub id: String,
    /// `slg`: the organization slug.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slg: Option<String>,
    /// `rol`: the user's role in it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rol: Option<String>,
    /// `per`: comma-separated permissions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per: Option<String>,
    /// `fpm`: feature-permission bitmasks, comma-separated, one per `fea` feature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fpm: Option<String>,
}

/// Clerk's `act` claim: who is impersonating.
///
/// ```
/// # use claims_jwt::layout::ClerkActor;
/// let act: ClerkActor = serde_json::from_str(r#"{"iss":"https://dashboard.clerk.com","sid":"sess_456","sub":"user_456"}"#)?;
/// assert_eq!(act.sub.as_deref(), Some("user_456"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClerkActor {
    /// `iss`: where the impersonation started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iss: Option<String>,
    /// `sid`: the actor's session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sid: Option<String>,
    /// `sub`: the actor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub: Option<String>,
}

/// Reads one optional claim into `slot`.
fn read<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    slot: &mut Option<T>,
    value: D,
) -> Result<(), D::Error> {
    *slot = Some(T::deserialize(value)?);
    Ok(())
}

/// Writes one optional claim.
fn write<M: SerializeMap, T: Serialize>(
    map: &mut M,
    name: &str,
    value: Option<&T>,
) -> Result<(), M::Error> {
    match value {
        Some(value) => map.serialize_entry(name, value),
        None => Ok(()),
    }
}

impl Clerk {
    /// The top-level claims this layout owns.
    ///
    /// ```
    /// # use claims_jwt::{Clerk, Layout};
    /// assert!(Clerk::CLAIMS.iter().all(|name| Clerk::owns(name)));
    /// ```
    pub const CLAIMS: [&'static str; 9] =
        ["azp", "fva", "sid", "v", "pla", "fea", "sts", "o", "act"];
}

impl Layout for Clerk {
    const NAME: &'static str = "clerk";
    const PROFILE: Option<&'static Profile> = Some(&Profile::CLERK);
    /// Clerk's profile, plus `aud` (a registered claim Clerk does not reserve but that this crate reads as one).
    const RESERVED: ReservedNames<'static> =
        ReservedNames::from_profiles(&[&Profile::CLERK]).with_names(&["aud"]);
    const DEFAULT_LEEWAY: u64 = 5;

    fn owns(name: &str) -> bool {
        matches!(
            name,
            "azp" | "fva" | "sid" | "v" | "pla" | "fea" | "sts" | "o" | "act"
        )
    }

    fn deserialize_claim<'de, D: Deserializer<'de>>(
        &mut self,
        name: &str,
        value: D,
    ) -> Result<(), D::Error> {
        match name {
            "azp" => read(&mut self.azp, value),
            "fva" => read(&mut self.fva, value),
            "sid" => read(&mut self.sid, value),
            "v" => read(&mut self.v, value),
            "pla" => read(&mut self.pla, value),
            "fea" => read(&mut self.fea, value),
            "sts" => read(&mut self.sts, value),
            "o" => read(&mut self.o, value),
            "act" => read(&mut self.act, value),
            _ => serde::de::IgnoredAny::deserialize(value).map(|_| ()),
        }
    }

    fn serialize_claims<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        write(map, "azp", self.azp.as_ref())?;
        write(map, "fva", self.fva.as_ref())?;
        write(map, "sid", self.sid.as_ref())?;
        write(map, "v", self.v.as_ref())?;
        write(map, "pla", self.pla.as_ref())?;
        write(map, "fea", self.fea.as_ref())?;
        write(map, "sts", self.sts.as_ref())?;
        write(map, "o", self.o.as_ref())?;
        write(map, "act", self.act.as_ref())
    }

    fn authorized_party(&self) -> Option<&str> {
        self.azp.as_deref()
    }
}

/// Stytch session JWT: the `https://stytch.com/session` object and, in B2B, the
/// `https://stytch.com/organization` object, typed; any other `https://stytch.com/` claim is kept as JSON
/// in [`Stytch::other`]. Custom claims are every other claim that is not registered, as Stytch's SDK
/// defines them.
///
/// Custom claims must be derived with `#[claims(profile = "stytch")]`; their budget is 4,096 bytes; the
/// cookie is `stytch_session_jwt`.
///
/// ```
/// use claims_jwt::{Layout, Stytch};
/// assert!(Stytch::owns("HTTPS://STYTCH.COM/x")); // scheme and host match without case
/// assert!(!Stytch::owns("https://stytch.com.evil/x"));
/// assert_eq!(Stytch::cookie().name(), "stytch_session_jwt");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stytch {
    /// `https://stytch.com/session`.
    pub session: Option<StytchSession>,
    /// `https://stytch.com/organization` (B2B).
    pub organization: Option<StytchOrganization>,
    /// Any other claim under `https://stytch.com/`, as it was.
    pub other: Map<String, Value>,
}

/// Stytch's `https://stytch.com/session` claim.
///
/// ```
/// # use claims_jwt::layout::StytchSession;
/// let session: StytchSession = serde_json::from_str(r#"{"id":"session-1","roles":["stytch_member"]}"#)?;
/// assert_eq!((session.id.as_str(), session.started_at), ("session-1", None));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StytchSession {
    /// The session id.
    pub id: String,
    /// RFC 3339 time the session started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<String>,
    /// RFC 3339 time the session was last used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_accessed_at: Option<String>,
    /// RFC 3339 time the session expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
    /// Request attributes (`user_agent`, `ip_address`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attributes: Option<StytchAttributes>,
    /// The authentication factors, as Stytch writes them (their shape varies by factor type).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authentication_factors: Vec<Value>,
    /// RBAC roles (B2B).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
}

/// The `attributes` of a Stytch session.
///
/// ```
/// # use claims_jwt::layout::StytchAttributes;
/// let attributes: StytchAttributes = serde_json::from_str(r#"{"user_agent":"curl/8","ip_address":""}"#)?;
/// assert_eq!(attributes.user_agent, "curl/8");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StytchAttributes {
    /// The user agent the session was started from.
    #[serde(default)]
    pub user_agent: String,
    /// The IP address the session was started from.
    #[serde(default)]
    pub ip_address: String,
}

/// Stytch's `https://stytch.com/organization` claim (B2B).
///
/// ```
/// # use claims_jwt::layout::StytchOrganization;
/// let org: StytchOrganization = serde_json::from_str(r#"{"organization_id":"org-1","slug":"acme"}"#)?;
/// assert_eq!(org.slug.as_deref(), Some("acme"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StytchOrganization {
    /// The organization id.
    pub organization_id: String,
    /// The organization slug.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
}

impl Stytch {
    /// The session claim's name.
    ///
    /// ```
    /// # use claims_jwt::{Layout, Stytch};
    /// assert!(Stytch::owns(Stytch::SESSION));
    /// ```
    pub const SESSION: &'static str = "https://stytch.com/session";
    /// The B2B organization claim's name.
    ///
    /// ```
    /// # use claims_jwt::{Layout, Stytch};
    /// assert!(Stytch::owns(Stytch::ORGANIZATION));
    /// ```
    pub const ORGANIZATION: &'static str = "https://stytch.com/organization";
}

impl Layout for Stytch {
    const NAME: &'static str = "stytch";
    const PROFILE: Option<&'static Profile> = Some(&Profile::STYTCH);
    const RESERVED: ReservedNames<'static> = ReservedNames::from_profiles(&[&Profile::STYTCH]);
    const COOKIE_NAME: &'static str = "stytch_session_jwt";

    fn owns(name: &str) -> bool {
        Profile::STYTCH.prefixes().iter().any(|prefix| {
            ReservedNames::NONE
                .with_prefixes(std::slice::from_ref(prefix))
                .check(name)
                .is_some()
        })
    }

    fn deserialize_claim<'de, D: Deserializer<'de>>(
        &mut self,
        name: &str,
        value: D,
    ) -> Result<(), D::Error> {
        match name {
            Self::SESSION => read(&mut self.session, value),
            Self::ORGANIZATION => read(&mut self.organization, value),
            _ => {
                self.other
                    .insert(name.to_owned(), Value::deserialize(value)?);
                Ok(())
            }
        }
    }

    fn serialize_claims<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        write(map, Self::SESSION, self.session.as_ref())?;
        write(map, Self::ORGANIZATION, self.organization.as_ref())?;
        for (name, value) in &self.other {
            map.serialize_entry(name, value)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owned_claims_are_reserved_by_the_layout() {
        for name in Clerk::CLAIMS {
            assert!(Clerk::owns(name), "{name}");
            assert!(Clerk::RESERVED.check(name).is_some(), "{name}");
        }
        assert!(!Clerk::owns("aud") && !Clerk::owns("plan") && !Clerk::owns("SID"));
        for name in [
            Stytch::SESSION,
            Stytch::ORGANIZATION,
            "https://stytch.com/other",
        ] {
            assert!(
                Stytch::owns(name) && Stytch::RESERVED.check(name).is_some(),
                "{name}"
            );
        }
        assert!(!Stytch::owns("sub") && !Stytch::owns("plan"));
    }

    #[test]
    fn dynamic_claims_pass_the_compile_time_checks() {
        type Dynamic = Map<String, Value>;
        assert!(names_fit::<Dynamic, Clerk>() && profile_fits::<Dynamic, Clerk>());
        assert!(names_fit::<Dynamic, Stytch>() && profile_fits::<Dynamic, Stytch>());
    }
}
