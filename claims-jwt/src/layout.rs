//! Provider token layouts: the claims a provider adds beside the registered ones, and the names they
//! reserve.
//!
//! A [`Layout`] is the typed struct of a provider's own session claims ([`Clerk`], [`Stytch`]; [`Generic`]
//! has none). It says which top-level claims it owns, reads and writes them, and names the claims-core
//! policy that custom claims must respect. Everything a layout does not own and that is not registered is
//! a custom claim.

use std::fmt;

use claims_core::profile::{self, ProfileMarker};
use claims_core::size::{CookieSpec, SESSION_COOKIE};
use claims_core::{Profile, ReservedNames, SessionClaims};
use serde::de::Deserializer;
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A provider's session-token layout.
///
/// Implement it for a provider this crate does not know; the payload parser routes each top-level claim
/// that [`Layout::owns`] to [`Layout::deserialize_claim`], with no buffering. [`layout_claims!`]
/// writes the per-claim items from one list of the struct's fields:
///
/// ```
/// use claims_jwt::claims_core::{Profile, ReservedNames};
/// use claims_jwt::{Layout, Payload};
///
/// /// Supabase's own access-token claims.
/// #[derive(Debug, Clone, Default, PartialEq)]
/// struct Supabase {
///     role: Option<String>,
///     session_id: Option<String>,
///     is_anonymous: Option<bool>,
/// }
///
/// impl Layout for Supabase {
///     const NAME: &'static str = "supabase";
///     type Profile = claims_jwt::claims_core::profile::Supabase;
///     const RESERVED: ReservedNames<'static> = ReservedNames::from_profiles(&[&Profile::SUPABASE]);
///     claims_jwt::layout_claims!(role, session_id, is_anonymous);
/// }
///
/// assert_eq!(Supabase::CLAIMS, ["role", "session_id", "is_anonymous"]);
/// let payload = Payload::<serde_json::Map<String, serde_json::Value>, Supabase>::from_json(
///     br#"{"sub":"u1","role":"authenticated","plan":"pro"}"#,
/// )?;
/// assert_eq!(payload.layout.role.as_deref(), Some("authenticated"));
/// assert_eq!(payload.custom["plan"], "pro");
/// # Ok::<(), claims_jwt::Error>(())
/// ```
///
/// A minter also needs the layout's bounds ([`crate::BoundedLayout`]), which a cookie proof counts. A
/// layout whose `RESERVED` leaves one of its own claims free for custom claims (which would then be
/// written twice into a token) does not build with a minter:
///
/// ```compile_fail,E0080
/// # use claims_jwt::claims_core::{Profile, ReservedNames};
/// # use claims_jwt::bounds::{check_object_bound, BoundedLayout, ObjectBound, RegisteredBounds, TokenBounds};
/// # use claims_jwt::{Error, Layout, Minter, SigningKey};
/// #[derive(Debug, Clone, Default)]
/// struct Acme {
///     tenant: Option<u64>,
/// }
///
/// impl Layout for Acme {
///     const NAME: &'static str = "acme";
///     type Profile = claims_jwt::claims_core::profile::AnyProfile;
///     const RESERVED: ReservedNames<'static> = ReservedNames::RFC7519; // `tenant` is missing
///     claims_jwt::layout_claims!(tenant);
/// }
/// # impl BoundedLayout for Acme {
/// #     type Bounds = ObjectBound;
/// #     const BOUNDS: TokenBounds<ObjectBound> =
/// #         TokenBounds::object(RegisteredBounds::DEFAULT, ObjectBound { max_json_len: 31 });
/// #     fn check_bounds(&self, bounds: &ObjectBound) -> Result<(), Error> {
/// #         check_object_bound(self, bounds)
/// #     }
/// # }
///
/// // error: a claim of the token layout is not reserved by its `Layout::RESERVED`
/// let _ = Minter::<Acme>::new(SigningKey::hs256(b"0123456789abcdef0123456789abcdef").unwrap());
/// ```
///
/// [`layout_claims!`]: crate::layout_claims
pub trait Layout: Default + Clone + fmt::Debug + Send + Sync + 'static {
    /// The layout's name, for messages.
    const NAME: &'static str;

    /// The marker of the claims-core profile custom claims must be derived for
    /// ([`claims_core::profile::AnyProfile`]: any).
    ///
    /// [`Minter`](crate::Minter) and [`Verifier`](crate::Verifier) require `C: FitsProfile<L::Profile>`
    /// of the claims type `C` ([`claims_core::profile::FitsProfile`]), so a type derived for another
    /// profile is a type error, reported by `cargo check`.
    type Profile: ProfileMarker;

    /// The names custom claims may not use in this layout, usually its provider's profile; its profiles'
    /// budget is the default custom-claims budget. The registered claims need not be listed: minters
    /// always reserve them, and the layout's own [`Layout::CLAIMS`] must be reserved here (checked when a
    /// minter is built).
    const RESERVED: ReservedNames<'static>;

    /// The top-level claims the layout types, by name ([`layout_claims!`](crate::layout_claims) writes it).
    const CLAIMS: &'static [&'static str];

    /// The clock skew verifiers of this provider allow by default, in seconds.
    const DEFAULT_LEEWAY: u64 = 0;

    /// The longest a token of this layout lives, `exp - iat` in seconds: the default maximum lifetime of
    /// verifiers (which refuse a longer-lived token) and minters (which refuse a longer TTL). A day unless
    /// the provider says otherwise.
    const MAX_LIFETIME: u64 = 24 * 60 * 60;

    /// The media type in the header's `typ`: minted, and required (compared without case) at verification.
    const TYP: &'static str = "JWT";

    /// The name of the cookie that carries this provider's session token (`__session` by default), as a
    /// constant for compile-time checks ([`crate::CookieProof`]).
    const COOKIE_NAME: &'static str = SESSION_COOKIE;

    /// The cookie that carries this provider's session token: [`Layout::COOKIE_NAME`], 4,096 bytes.
    fn cookie() -> CookieSpec {
        CookieSpec::new(Self::COOKIE_NAME)
    }

    /// Whether the top-level claim `name` (not a registered one) belongs to the layout: by default,
    /// whether it is one of [`Layout::CLAIMS`].
    fn owns(name: &str) -> bool {
        Self::CLAIMS.contains(&name)
    }

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

/// Writes the per-claim items of a [`Layout`] implementation from one list of its struct's fields:
/// [`Layout::CLAIMS`], [`Layout::deserialize_claim`] and [`Layout::serialize_claims`], so that adding a
/// claim is one entry.
///
/// Each entry is a field of type `Option<T>` (`T` any serde type), written under the field's name, or
/// under another with `field = "claim name"` (any `&str` constant expression). An optional last entry
/// `..field` names a `serde_json::Map<String, Value>` that keeps, in order, every other claim that
/// [`Layout::owns`] (for a layout that owns claims by prefix, as [`crate::Stytch`] does).
///
/// ```
/// use claims_jwt::claims_core::{Profile, ReservedNames};
/// use claims_jwt::Layout;
/// use serde_json::{Map, Value};
///
/// #[derive(Debug, Clone, Default)]
/// struct Acme {
///     tenant: Option<u64>,
///     roles: Option<Vec<String>>,
///     other: Map<String, Value>,
/// }
///
/// impl Layout for Acme {
///     const NAME: &'static str = "acme";
///     type Profile = claims_jwt::claims_core::profile::AnyProfile;
///     const RESERVED: ReservedNames<'static> = ReservedNames::NONE.with_prefixes(&["acme:"]);
///     fn owns(name: &str) -> bool {
///         name.starts_with("acme:")
///     }
///     claims_jwt::layout_claims!(tenant = "acme:tenant", roles = "acme:roles", ..other);
/// }
///
/// assert_eq!(Acme::CLAIMS, ["acme:tenant", "acme:roles"]);
/// ```
#[macro_export]
macro_rules! layout_claims {
    (@name $field:ident) => {
        ::core::stringify!($field)
    };
    (@name $field:ident = $claim:expr) => {
        $claim
    };
    ($($field:ident $(= $claim:expr)?),+ $(, ..$rest:ident)? $(,)?) => {
        const CLAIMS: &'static [&'static str] = &[$($crate::layout_claims!(@name $field $(= $claim)?)),+];

        fn deserialize_claim<'de, D: $crate::layout::__private::Deserializer<'de>>(
            &mut self,
            name: &str,
            value: D,
        ) -> ::core::result::Result<(), D::Error> {
            $(
                if name == $crate::layout_claims!(@name $field $(= $claim)?) {
                    return $crate::layout::__private::read_claim(&mut self.$field, value);
                }
            )+
            // `None`, or the map named by `..field`: one expression whether or not it was given.
            let rest = $crate::layout::__private::no_rest() $(.or(::core::option::Option::Some(&mut self.$rest)))?;
            $crate::layout::__private::read_rest(rest, name, value)
        }

        fn serialize_claims<M: $crate::layout::__private::SerializeMap>(
            &self,
            map: &mut M,
        ) -> ::core::result::Result<(), M::Error> {
            $(
                $crate::layout::__private::write_claim(
                    map,
                    $crate::layout_claims!(@name $field $(= $claim)?),
                    self.$field.as_ref(),
                )?;
            )+
            $($crate::layout::__private::write_rest(map, &self.$rest)?;)?
            ::core::result::Result::Ok(())
        }
    };
}

/// What [`layout_claims!`](crate::layout_claims) expands to calls; not a public API.
#[doc(hidden)]
pub mod __private {
    pub use serde::de::Deserializer;
    pub use serde::ser::SerializeMap;

    use serde::{Deserialize, Serialize};
    use serde_json::{Map, Value};

    /// Reads one optional claim into `slot`.
    pub fn read_claim<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
        slot: &mut Option<T>,
        value: D,
    ) -> Result<(), D::Error> {
        *slot = Some(T::deserialize(value)?);
        Ok(())
    }

    /// Writes one optional claim.
    pub fn write_claim<M: SerializeMap, T: Serialize>(
        map: &mut M,
        name: &str,
        value: Option<&T>,
    ) -> Result<(), M::Error> {
        match value {
            Some(value) => map.serialize_entry(name, value),
            None => Ok(()),
        }
    }

    /// No `..field`: claims not in the list are skipped.
    pub fn no_rest<'a>() -> Option<&'a mut Map<String, Value>> {
        None
    }

    /// Keeps a claim not in the list in `rest`, or skips it.
    pub fn read_rest<'de, D: Deserializer<'de>>(
        rest: Option<&mut Map<String, Value>>,
        name: &str,
        value: D,
    ) -> Result<(), D::Error> {
        match rest {
            Some(rest) => {
                rest.insert(name.to_owned(), Value::deserialize(value)?);
            }
            None => {
                serde::de::IgnoredAny::deserialize(value)?;
            }
        }
        Ok(())
    }

    /// Writes the kept claims.
    pub fn write_rest<M: SerializeMap>(
        map: &mut M,
        rest: &Map<String, Value>,
    ) -> Result<(), M::Error> {
        rest.iter()
            .try_for_each(|(name, value)| map.serialize_entry(name, value))
    }
}

/// Whether no claim name of `C` is reserved by `L` (dynamic types have none to check here).
const fn names_fit<C: SessionClaims, L: Layout>() -> bool {
    let names = C::CLAIM_NAMES;
    let mut i = 0;
    while i < names.len() {
        if L::CUSTOM_RESERVED.check(names[i]).is_some() {
            return false;
        }
        i += 1;
    }
    true
}

/// Compile-time check that no claim name of `C` is reserved by `L`: evaluated when the generic code that
/// calls it is built (`cargo build`/`test`, not `cargo check`).
///
/// The profile itself is a trait bound (`C: FitsProfile<L::Profile>`), which `cargo check` reports. The
/// names stay a `const` assertion: a layout may reserve more than its profile (Clerk's `aud`), and which
/// names a type uses is a list of strings, which no trait bound can compare.
pub(crate) fn assert_fits<C: SessionClaims, L: Layout>() {
    const {
        assert!(
            names_fit::<C, L>(),
            "a claim name of the custom claims type is reserved by the token layout (a registered claim or one \
             of the provider's own); rename the field with #[serde(rename = \"...\")]"
        );
    }
}

/// No provider claims: registered claims and custom claims only. Custom claims may not use the registered
/// names (profile `rfc7519`); no budget; cookie `__session`; tokens live at most a day.
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
    type Profile = profile::AnyProfile;
    const RESERVED: ReservedNames<'static> = ReservedNames::RFC7519;
    const CLAIMS: &'static [&'static str] = &[];

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
/// cookie is `__session`; tokens live 60 s; verifiers allow 5 s of clock skew by default, as Clerk's SDKs
/// do, and check `azp` against their authorized parties when it is present.
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

impl Layout for Clerk {
    const NAME: &'static str = "clerk";
    type Profile = profile::Clerk;
    /// Clerk's profile, plus `aud` (a registered claim Clerk does not reserve but that this crate reads as one).
    const RESERVED: ReservedNames<'static> =
        ReservedNames::from_profiles(&[&Profile::CLERK]).with_names(&["aud"]);
    const DEFAULT_LEEWAY: u64 = 5;
    /// Clerk's session tokens live 60 s.
    const MAX_LIFETIME: u64 = 60;

    // One line per claim; the profile's names are checked against this list below.
    crate::layout_claims!(azp, fva, sid, v, pla, fea, sts, o, act);

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
/// cookie is `stytch_session_jwt`; tokens live 5 minutes. Stytch's tokens name the project in `aud`, so
/// give verifiers the project id with [`crate::Verifier::with_audience`].
///
/// ```
/// use claims_jwt::{Layout, Stytch};
/// assert!(Stytch::owns("HTTPS://STYTCH.COM/x")); // scheme and host match without case
/// assert!(!Stytch::owns("https://stytch.com.evil/x"));
/// assert_eq!(Stytch::cookie().name(), "stytch_session_jwt");
/// assert_eq!(Stytch::MAX_LIFETIME, 5 * 60);
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
    pub const SESSION: &'static str = "https://stytch.com/session";
    /// The B2B organization claim's name.
    pub const ORGANIZATION: &'static str = "https://stytch.com/organization";
}

impl Layout for Stytch {
    const NAME: &'static str = "stytch";
    type Profile = profile::Stytch;
    const RESERVED: ReservedNames<'static> = ReservedNames::from_profiles(&[&Profile::STYTCH]);
    /// Stytch's session JWTs live 5 minutes.
    const MAX_LIFETIME: u64 = 5 * 60;
    const COOKIE_NAME: &'static str = "stytch_session_jwt";

    fn owns(name: &str) -> bool {
        ReservedNames::NONE
            .with_prefixes(Profile::STYTCH.prefixes())
            .check(name)
            .is_some()
    }

    crate::layout_claims!(
        session = Self::SESSION,
        organization = Self::ORGANIZATION,
        ..other
    );
}

/// The names a minter refuses in custom claims with a layout: [`Layout::RESERVED`], and the `rfc7519`
/// profile when that leaves a registered claim out, so that no layout has to repeat those names.
pub(crate) trait CustomReserved: Layout {
    /// [`Layout::RESERVED`]'s profiles followed by `rfc7519` (only the first `len + 1` are used).
    const PROFILES: &'static [&'static Profile];
    /// The policy custom claims are checked against at mint and update.
    const CUSTOM_RESERVED: ReservedNames<'static>;
}

/// A layout's policy lists each built-in profile at most once; one more slot for `rfc7519`.
const MAX_PROFILES: usize = Profile::ALL.len() + 1;

impl<L: Layout> CustomReserved for L {
    // The outermost `&` of a constant's initializer makes the array `'static`.
    const PROFILES: &'static [&'static Profile] = &{
        let own = L::RESERVED.profiles();
        assert!(
            own.len() < MAX_PROFILES,
            "a layout's `RESERVED` names more profiles than there are; list each profile once"
        );
        let mut all = [&Profile::RFC7519; MAX_PROFILES];
        let mut i = 0;
        while i < own.len() {
            all[i] = own[i];
            i += 1;
        }
        all
    };

    const CUSTOM_RESERVED: ReservedNames<'static> = {
        let policy = if reserves_all(L::RESERVED, Profile::RFC7519.names()) {
            L::RESERVED
        } else {
            let (profiles, _) = Self::PROFILES.split_at(L::RESERVED.profiles().len() + 1);
            ReservedNames::from_profiles(profiles)
                .with_names(L::RESERVED.names())
                .with_prefixes(L::RESERVED.prefixes())
        };
        // A custom claim named like one of the layout's own would be written twice into the token.
        assert!(
            reserves_all(policy, L::CLAIMS),
            "a claim of the token layout is not reserved by its `Layout::RESERVED`; add the provider's \
             profile, or the name with `.with_names(...)`"
        );
        policy
    };
}

/// Whether `policy` reserves every one of `names`.
const fn reserves_all(policy: ReservedNames<'_>, names: &[&str]) -> bool {
    let mut i = 0;
    while i < names.len() {
        if policy.check(names[i]).is_none() {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether `claims` (distinct names) are exactly the names of `profile` that are not registered claims.
const fn are_profile_claims(claims: &[&str], profile: &'static Profile) -> bool {
    let names = profile.names();
    let mut registered = 0;
    let mut i = 0;
    while i < names.len() {
        if Profile::RFC7519.check(names[i]).is_some() {
            registered += 1;
        }
        i += 1;
    }
    let mut i = 0;
    while i < claims.len() {
        if profile.check(claims[i]).is_none() || Profile::RFC7519.check(claims[i]).is_some() {
            return false;
        }
        i += 1;
    }
    claims.len() + registered == names.len()
}

// Clerk's claims are typed by the list in its `impl Layout`, reserved by the `clerk` profile: the two must
// name the same claims. Stytch's claims are matched by the profile's prefix.
const _: () = assert!(
    are_profile_claims(Clerk::CLAIMS, &Profile::CLERK),
    "`Clerk`'s claims and the `clerk` profile's names (less the registered ones) differ"
);
const _: ReservedNames<'static> = <Clerk as CustomReserved>::CUSTOM_RESERVED;
const _: ReservedNames<'static> = <Stytch as CustomReserved>::CUSTOM_RESERVED;

#[cfg(test)]
mod tests {
    use super::*;
    use claims_core::Source;
    use serde_json::json;

    /// A layout read claim by claim, as the payload parser reads it.
    fn read<L: Layout>(json: &str) -> L {
        let claims: Map<String, Value> = serde_json::from_str(json).unwrap();
        let mut layout = L::default();
        for (name, value) in claims {
            assert!(L::owns(&name), "{name}");
            layout.deserialize_claim(&name, value).unwrap();
        }
        layout
    }

    /// The layout's claims alone, as the minter writes them into a payload.
    struct Written<'a, L>(&'a L);
    impl<L: Layout> Serialize for Written<'_, L> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut map = serializer.serialize_map(None)?;
            self.0.serialize_claims(&mut map)?;
            map.end()
        }
    }

    /// A third-party layout whose profile leaves registered claims out.
    #[derive(Debug, Clone, Default)]
    struct Supabase {
        role: Option<String>,
    }
    impl Layout for Supabase {
        const NAME: &'static str = "supabase";
        type Profile = claims_core::profile::AnyProfile;
        const RESERVED: ReservedNames<'static> =
            ReservedNames::from_profiles(&[&Profile::SUPABASE]).with_prefixes(&["x-"]);
        crate::layout_claims!(role);
    }

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
    fn the_claim_lists_read_and_write_every_claim_in_order() {
        assert_eq!(
            Clerk::CLAIMS,
            ["azp", "fva", "sid", "v", "pla", "fea", "sts", "o", "act"]
        );
        assert_eq!(Stytch::CLAIMS, [Stytch::SESSION, Stytch::ORGANIZATION]);
        let json = r#"{"azp":"a","fva":[1,2],"sid":"s","v":2,"pla":"u:p","fea":"f","sts":"pending","o":{"id":"o"},"act":{"sub":"u"}}"#;
        let clerk: Clerk = read(json);
        assert_eq!(clerk, serde_json::from_str(json).unwrap());
        assert_eq!(serde_json::to_string(&Written(&clerk)).unwrap(), json);
        let err = Clerk::default()
            .deserialize_claim("sid", json!(1))
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid type: integer `1`, expected a string"
        );

        let json = r#"{"https://stytch.com/session":{"id":"s"},"https://stytch.com/organization":{"organization_id":"o"},"https://stytch.com/x":1}"#;
        let stytch: Stytch = read(json);
        assert_eq!(stytch.session.as_ref().map(|s| s.id.as_str()), Some("s"));
        assert_eq!(
            stytch
                .organization
                .as_ref()
                .map(|o| o.organization_id.as_str()),
            Some("o")
        );
        assert_eq!(
            Value::Object(stytch.other.clone()),
            json!({"https://stytch.com/x": 1})
        );
        assert_eq!(serde_json::to_string(&Written(&stytch)).unwrap(), json);
    }

    // A field of `Clerk` or `Stytch` left out of its `layout_claims!` list would never be read or written.
    // The literals below name every field (no `..`), so a new field fails to compile here until it is set;
    // then Clerk's serde derive, which knows every field, must write exactly the listed claims.
    #[test]
    fn every_field_of_a_provider_layout_is_in_its_claim_list() {
        use std::collections::BTreeSet;
        let names = |claims: &Value| -> BTreeSet<String> {
            claims.as_object().unwrap().keys().cloned().collect()
        };
        let listed = |claims: &[&str]| -> BTreeSet<String> {
            claims.iter().map(|&name| name.to_owned()).collect()
        };

        let some = || Some("x".to_owned());
        let clerk = Clerk {
            azp: some(),
            fva: Some([1, -1]),
            sid: some(),
            v: Some(2),
            pla: some(),
            fea: some(),
            sts: some(),
            o: Some(ClerkOrganization::default()),
            act: Some(ClerkActor::default()),
        };
        let by_serde = serde_json::to_value(&clerk).unwrap();
        assert_eq!(names(&by_serde), listed(Clerk::CLAIMS));
        assert_eq!(serde_json::to_value(Written(&clerk)).unwrap(), by_serde);

        let stytch = Stytch {
            session: Some(StytchSession::default()),
            organization: Some(StytchOrganization::default()),
            other: Map::new(),
        };
        let written = serde_json::to_value(Written(&stytch)).unwrap();
        assert_eq!(names(&written), listed(Stytch::CLAIMS));
    }

    #[test]
    fn minters_reserve_the_registered_claims_whatever_the_layout() {
        for policy in [
            Generic::CUSTOM_RESERVED,
            Clerk::CUSTOM_RESERVED,
            Stytch::CUSTOM_RESERVED,
        ] {
            assert!(reserves_all(policy, Profile::RFC7519.names()));
        }
        // Layouts that reserve them already keep their own policy.
        assert_eq!(Clerk::CUSTOM_RESERVED, Clerk::RESERVED);
        assert_eq!(Stytch::CUSTOM_RESERVED, Stytch::RESERVED);

        let policy = Supabase::CUSTOM_RESERVED;
        assert_eq!(policy.profiles(), [&Profile::SUPABASE, &Profile::RFC7519]);
        assert_eq!(policy.prefixes(), ["x-"]);
        assert_eq!(
            policy.check("jti").map(|r| r.source),
            Some(Source::Profile(&Profile::RFC7519))
        );
        assert_eq!(
            policy.check("sub").map(|r| r.source),
            Some(Source::Profile(&Profile::SUPABASE))
        );
        assert_eq!(policy.check("plan"), None);
    }

    #[test]
    fn profile_claims_are_the_profile_names_less_the_registered_ones() {
        let clerk = ["azp", "fva", "sid", "v", "pla", "fea", "sts", "o", "act"];
        assert!(are_profile_claims(&clerk, &Profile::CLERK));
        assert!(!are_profile_claims(&clerk[1..], &Profile::CLERK));
        assert!(!are_profile_claims(
            &[
                "azp", "fva", "sid", "v", "pla", "fea", "sts", "o", "act", "sub"
            ],
            &Profile::CLERK
        ));
        assert!(!are_profile_claims(
            &["azp", "fva", "sid", "v", "pla", "fea", "sts", "o", "org"],
            &Profile::CLERK
        ));
        assert!(!are_profile_claims(&clerk, &Profile::CLERK_V1));
        assert!(are_profile_claims(&[], &Profile::RFC7519));
    }

    #[test]
    fn dynamic_claims_pass_the_compile_time_checks() {
        type Dynamic = Map<String, Value>;
        assert!(names_fit::<Dynamic, Clerk>() && names_fit::<Dynamic, Stytch>());
    }

    #[test]
    fn each_layout_names_its_profile() {
        assert_eq!(<Clerk as Layout>::Profile::PROFILE, Some(&Profile::CLERK));
        assert_eq!(<Stytch as Layout>::Profile::PROFILE, Some(&Profile::STYTCH));
        assert_eq!(<Generic as Layout>::Profile::PROFILE, None);
    }
}
