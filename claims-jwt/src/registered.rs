//! The registered claims of RFC 7519 §4.1, declared once: the struct, the names, how each is read and
//! written all come from the one list given to `registered_claims!`.

use claims_core::Profile;
use serde::de::{Deserializer, IgnoredAny};
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize};

/// What a `NumericDate` claim must be, for [`crate::Error::InvalidClaim`].
const NUMERIC_DATE: &str = "a NumericDate (a non-negative integer number of seconds)";
const STRING: &str = "a string";
const AUDIENCE: &str = "a string or an array of strings";

/// Declares [`Registered`] from one list of `claim: Type, expected "what it must be";` entries (each field
/// is named as its claim): the struct, [`Registered::NAMES`], and the per-claim code of the payload
/// parser and writer, so that a name cannot be written in one place and missed in another.
macro_rules! registered_claims {
    ($($(#[doc = $doc:literal])+ $claim:ident: $ty:ty, expected $expected:expr;)+) => {
        /// The registered claims of RFC 7519 §4.1, typed: times are `NumericDate`s (whole seconds since the
        /// Unix epoch, non-negative integers; anything else in a token is refused, never read as absent).
        ///
        /// When minting, [`crate::Minter`] sets `iat`, `nbf` and `exp` from its clock, and `iss`/`aud` when
        /// it is configured with them; the others come from the [`crate::Payload`]. Custom claims may never
        /// use these names, whatever the layout.
        ///
        /// ```
        /// use claims_jwt::Registered;
        /// let registered = Registered::default().with_subject("user_1").with_jti("t-1");
        /// assert_eq!((registered.sub.as_deref(), registered.jti.as_deref()), (Some("user_1"), Some("t-1")));
        /// assert_eq!(registered.exp, None);
        /// ```
        #[derive(Debug, Clone, Default, PartialEq, Eq)]
        #[non_exhaustive]
        pub struct Registered {
            $($(#[doc = $doc])+ pub $claim: Option<$ty>,)+
        }

        impl Registered {
            /// The registered claim names, in the order they are written.
            pub const NAMES: [&'static str; [$(stringify!($claim)),+].len()] = [$(stringify!($claim)),+];

            /// What the registered claim `name` must be, or `None` when `name` is not registered.
            pub(crate) fn expected(name: &str) -> Option<&'static str> {
                match name {
                    $(stringify!($claim) => Some($expected),)+
                    _ => None,
                }
            }

            /// Reads the value of the registered claim `name` (anything else is skipped).
            pub(crate) fn deserialize_claim<'de, D: Deserializer<'de>>(
                &mut self,
                name: &str,
                value: D,
            ) -> Result<(), D::Error> {
                match name {
                    $(stringify!($claim) => self.$claim = Some(<$ty>::deserialize(value)?),)+
                    _ => {
                        IgnoredAny::deserialize(value)?;
                    }
                }
                Ok(())
            }

            /// Writes the claims that are present as entries of a payload object, in [`Registered::NAMES`]
            /// order.
            pub(crate) fn serialize_claims<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
                $(
                    if let Some(value) = &self.$claim {
                        map.serialize_entry(stringify!($claim), value)?;
                    }
                )+
                Ok(())
            }
        }
    };
}

registered_claims! {
    /// `iss`: the issuer.
    iss: String, expected STRING;
    /// `sub`: the subject (the user).
    sub: String, expected STRING;
    /// `aud`: the audience, one string or an array.
    aud: Audience, expected AUDIENCE;
    /// `exp`: expiry time.
    exp: u64, expected NUMERIC_DATE;
    /// `nbf`: not-before time.
    nbf: u64, expected NUMERIC_DATE;
    /// `iat`: issue time.
    iat: u64, expected NUMERIC_DATE;
    /// `jti`: the token's unique id.
    jti: String, expected STRING;
}

// The list above and claims-core's `rfc7519` profile (what custom claims may not use) name the same
// claims: every name is in the profile, and there are as many. The names are distinct field names.
const _: () = {
    let names = Registered::NAMES;
    assert!(
        names.len() == Profile::RFC7519.names().len(),
        "`Registered` and the `rfc7519` profile list a different number of claims"
    );
    let mut i = 0;
    while i < names.len() {
        assert!(
            Profile::RFC7519.check(names[i]).is_some(),
            "a `Registered` claim is missing from the `rfc7519` profile"
        );
        i += 1;
    }
};

impl Registered {
    /// These claims with `sub`.
    #[must_use]
    pub fn with_subject(mut self, sub: impl Into<String>) -> Self {
        self.sub = Some(sub.into());
        self
    }

    /// These claims with `iss`.
    #[must_use]
    pub fn with_issuer(mut self, iss: impl Into<String>) -> Self {
        self.iss = Some(iss.into());
        self
    }

    /// These claims with `aud`.
    #[must_use]
    pub fn with_audience(mut self, aud: Audience) -> Self {
        self.aud = Some(aud);
        self
    }

    /// These claims with `jti`.
    #[must_use]
    pub fn with_jti(mut self, jti: impl Into<String>) -> Self {
        self.jti = Some(jti.into());
        self
    }
}

/// The `aud` claim: one audience, or an array of them (RFC 7519 §4.1.3).
///
/// ```
/// use claims_jwt::Audience;
/// let aud: Audience = serde_json::from_str(r#"["a","b"]"#)?;
/// assert!(aud.contains("b"));
/// assert_eq!(aud.iter().collect::<Vec<_>>(), ["a", "b"]);
/// assert_eq!(serde_json::to_string(&Audience::One("a".into()))?, r#""a""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Audience {
    /// A single audience, written as a string.
    One(String),
    /// Several audiences, written as an array.
    Many(Vec<String>),
}

impl Audience {
    /// Whether `aud` is one of the audiences.
    pub fn contains(&self, aud: &str) -> bool {
        self.iter().any(|a| a == aud)
    }

    /// The audiences.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        let slice = match self {
            Audience::One(one) => std::slice::from_ref(one),
            Audience::Many(many) => many.as_slice(),
        };
        slice.iter().map(String::as_str)
    }
}
