//! [`StytchBounds`]: bounds of [`Stytch`]'s own claims, with their documented defaults, and the check a
//! minter runs against them.

use claims_core::size::merged_object_len;

use crate::token_bounds::{
    BoundedLayout, Object, RegisteredBounds, Strings, TokenBounds, Values, check_absent,
    check_json, check_str, check_strings, check_values,
};
use crate::{Error, Stytch};

/// Bounds of [`Stytch`]'s claims; `None` says the claim is never written, and minting one is
/// refused. Stytch documents no limits for these values: the defaults ([`StytchBounds::DEFAULT`]) are
/// readings of its formats, each written down here.
///
/// ```
/// use claims_jwt::bounds::StytchBounds;
/// // A consumer (not B2B) project: no organization claim.
/// let bounds = StytchBounds { organization: None, ..StytchBounds::DEFAULT };
/// assert_eq!(StytchBounds::DEFAULT.max_json_len() - bounds.max_json_len(), 259);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct StytchBounds {
    /// `https://stytch.com/session`.
    pub session: Option<StytchSessionBounds>,
    /// `https://stytch.com/organization` (B2B).
    pub organization: Option<StytchOrganizationBounds>,
    /// Every other `https://stytch.com/` claim ([`Stytch::other`]), as one JSON object of theirs:
    /// at most this many bytes; 2 (`{}`): none.
    pub other: usize,
}

impl StytchBounds {
    /// The session and organization claims at their defaults, no other `https://stytch.com/` claim.
    ///
    /// ```
    /// # use claims_jwt::bounds::StytchBounds;
    /// assert_eq!(StytchBounds::DEFAULT.max_json_len(), 1488);
    /// ```
    pub const DEFAULT: StytchBounds = StytchBounds {
        session: Some(StytchSessionBounds::DEFAULT),
        organization: Some(StytchOrganizationBounds::DEFAULT),
        other: 2,
    };

    /// Bytes of the largest JSON object of these claims.
    ///
    /// ```
    /// # use claims_jwt::bounds::StytchBounds;
    /// assert_eq!(StytchBounds { session: None, organization: None, other: 12 }.max_json_len(), 12);
    /// ```
    pub const fn max_json_len(&self) -> usize {
        let object = Object::EMPTY
            .member(
                Stytch::SESSION,
                match self.session {
                    Some(session) => Some(session.max_json_len()),
                    None => None,
                },
            )
            .member(
                Stytch::ORGANIZATION,
                match self.organization {
                    Some(organization) => Some(organization.max_json_len()),
                    None => None,
                },
            );
        merged_object_len(object.len, self.other)
    }
}

/// Bounds of Stytch's `https://stytch.com/session` claim, strings in bytes of JSON-escaped text; the
/// optional members count as present.
///
/// ```
/// use claims_jwt::bounds::StytchSessionBounds;
/// assert_eq!(StytchSessionBounds::DEFAULT.roles.items, 4);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct StytchSessionBounds {
    /// `id`, the session id.
    pub id: usize,
    /// `started_at`, an RFC 3339 time.
    pub started_at: usize,
    /// `last_accessed_at`, an RFC 3339 time.
    pub last_accessed_at: usize,
    /// `expires_at`, an RFC 3339 time.
    pub expires_at: usize,
    /// `attributes.user_agent`.
    pub user_agent: usize,
    /// `attributes.ip_address`.
    pub ip_address: usize,
    /// `authentication_factors`, whose shape varies by factor type; `items: 0`: never written (Stytch
    /// leaves an empty list out).
    pub authentication_factors: Values,
    /// `roles` (B2B RBAC); `items: 0`: never written.
    pub roles: Strings,
}

impl StytchSessionBounds {
    /// `id` 64 (`session-live-<uuid>`: 49), times 32 (`2023-11-14T22:13:20.123456Z`: 27), `user_agent` 192,
    /// `ip_address` 45 (the longest IPv6 text), up to 2 authentication factors of 256 bytes, up to 4 roles
    /// of 32.
    ///
    /// ```
    /// # use claims_jwt::bounds::StytchSessionBounds;
    /// assert_eq!(StytchSessionBounds::DEFAULT.max_json_len(), 1198);
    /// ```
    pub const DEFAULT: StytchSessionBounds = StytchSessionBounds {
        id: 64,
        started_at: 32,
        last_accessed_at: 32,
        expires_at: 32,
        user_agent: 192,
        ip_address: 45,
        authentication_factors: Values {
            items: 2,
            max_json_len: 256,
        },
        roles: Strings {
            items: 4,
            max_len: 32,
        },
    };

    /// Bytes of the largest JSON object.
    ///
    /// ```
    /// # use claims_jwt::bounds::{StytchSessionBounds, Strings, Values};
    /// let bounds = StytchSessionBounds {
    ///     id: 1, started_at: 1, last_accessed_at: 1, expires_at: 1, user_agent: 1, ip_address: 1,
    ///     authentication_factors: Values { items: 1, max_json_len: 2 }, roles: Strings { items: 1, max_len: 1 },
    /// };
    /// let json = r#"{"id":"i","started_at":"s","last_accessed_at":"l","expires_at":"e","attributes":{"user_agent":"u","ip_address":"i"},"authentication_factors":[{}],"roles":["r"]}"#;
    /// assert_eq!(bounds.max_json_len(), json.len());
    /// ```
    pub const fn max_json_len(&self) -> usize {
        let attributes = Object::EMPTY
            .member("user_agent", Some(self.user_agent.saturating_add(2)))
            .member("ip_address", Some(self.ip_address.saturating_add(2)));
        Object::EMPTY
            .member("id", Some(self.id.saturating_add(2)))
            .member("started_at", Some(self.started_at.saturating_add(2)))
            .member(
                "last_accessed_at",
                Some(self.last_accessed_at.saturating_add(2)),
            )
            .member("expires_at", Some(self.expires_at.saturating_add(2)))
            .member("attributes", Some(attributes.len))
            // Stytch leaves out an empty list, so a list of no items is never written.
            .member(
                "authentication_factors",
                if self.authentication_factors.items > 0 {
                    Some(self.authentication_factors.max_json_len())
                } else {
                    None
                },
            )
            .member(
                "roles",
                if self.roles.items > 0 {
                    Some(self.roles.max_json_len())
                } else {
                    None
                },
            )
            .len
    }
}

/// Bounds of Stytch's `https://stytch.com/organization` claim, in bytes of JSON-escaped text; the slug
/// counts as present.
///
/// ```
/// use claims_jwt::bounds::StytchOrganizationBounds;
/// let bounds = StytchOrganizationBounds { organization_id: 5, slug: 4 };
/// assert_eq!(bounds.max_json_len(), r#"{"organization_id":"org-1","slug":"acme"}"#.len());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct StytchOrganizationBounds {
    /// `organization_id`.
    pub organization_id: usize,
    /// `slug`.
    pub slug: usize,
}

impl StytchOrganizationBounds {
    /// `organization_id` 64 (`organization-live-<uuid>`: 54), `slug` 128.
    ///
    /// ```
    /// # use claims_jwt::bounds::StytchOrganizationBounds;
    /// assert_eq!(StytchOrganizationBounds::DEFAULT.max_json_len(), 224);
    /// ```
    pub const DEFAULT: StytchOrganizationBounds = StytchOrganizationBounds {
        organization_id: 64,
        slug: 128,
    };

    /// Bytes of the largest JSON object.
    ///
    /// ```
    /// # use claims_jwt::bounds::StytchOrganizationBounds;
    /// assert_eq!(StytchOrganizationBounds { organization_id: 0, slug: 0 }.max_json_len(), 32);
    /// ```
    pub const fn max_json_len(&self) -> usize {
        Object::EMPTY
            .member(
                "organization_id",
                Some(self.organization_id.saturating_add(2)),
            )
            .member("slug", Some(self.slug.saturating_add(2)))
            .len
    }
}

impl TokenBounds<StytchBounds> {
    /// Bounds for [`Stytch`] tokens.
    ///
    /// ```
    /// # use claims_jwt::bounds::{RegisteredBounds, StytchBounds};
    /// # use claims_jwt::{BoundedLayout, Stytch, TokenBounds};
    /// assert_eq!(TokenBounds::stytch(RegisteredBounds::STYTCH, StytchBounds::DEFAULT), Stytch::BOUNDS);
    /// ```
    pub const fn stytch(registered: RegisteredBounds, layout: StytchBounds) -> Self {
        TokenBounds {
            registered,
            layout,
            layout_json_len: layout.max_json_len(),
        }
    }

    /// These bounds with other bounds for Stytch's claims.
    ///
    /// ```
    /// # use claims_jwt::bounds::StytchBounds;
    /// # use claims_jwt::{BoundedLayout, Stytch};
    /// let bounds = Stytch::BOUNDS.with_layout(StytchBounds { other: 100, ..StytchBounds::DEFAULT });
    /// assert_eq!(bounds.layout_json_len(), Stytch::BOUNDS.layout_json_len() + 99);
    /// ```
    #[must_use]
    pub const fn with_layout(self, layout: StytchBounds) -> Self {
        Self::stytch(self.registered, layout)
    }
}

impl RegisteredBounds {
    /// For [`Stytch`]: `iss` up to 96 bytes (`stytch.com/project-live-<uuid>`: 60), `sub` 64
    /// (`member-live-<uuid>`: 48), `aud` one audience of 64 (the project id), no `jti`, times of 10 digits.
    ///
    /// ```
    /// # use claims_jwt::bounds::RegisteredBounds;
    /// assert_eq!(RegisteredBounds::STYTCH.jti, None);
    /// ```
    pub const STYTCH: RegisteredBounds = RegisteredBounds {
        iss: Some(96),
        sub: Some(64),
        aud: Some(Strings {
            items: 1,
            max_len: 64,
        }),
        jti: None,
        time_digits: 10,
    };
}

impl BoundedLayout for Stytch {
    type Bounds = StytchBounds;
    const BOUNDS: TokenBounds<StytchBounds> =
        TokenBounds::stytch(RegisteredBounds::STYTCH, StytchBounds::DEFAULT);

    fn check_bounds(&self, bounds: &StytchBounds) -> Result<(), Error> {
        const SESSION: &str = Stytch::SESSION;
        match (&self.session, bounds.session) {
            (Some(session), Some(b)) => {
                let at = |member: &str| format!("{SESSION}.{member}");
                check_str(Some(&session.id), Some(b.id), || at("id"))?;
                check_str(session.started_at.as_deref(), Some(b.started_at), || {
                    at("started_at")
                })?;
                check_str(
                    session.last_accessed_at.as_deref(),
                    Some(b.last_accessed_at),
                    || at("last_accessed_at"),
                )?;
                check_str(session.expires_at.as_deref(), Some(b.expires_at), || {
                    at("expires_at")
                })?;
                if let Some(attributes) = &session.attributes {
                    check_str(Some(&attributes.user_agent), Some(b.user_agent), || {
                        at("attributes.user_agent")
                    })?;
                    check_str(Some(&attributes.ip_address), Some(b.ip_address), || {
                        at("attributes.ip_address")
                    })?;
                }
                check_values(
                    &session.authentication_factors,
                    b.authentication_factors,
                    || at("authentication_factors"),
                )?;
                check_strings(
                    session.roles.len(),
                    session.roles.iter().map(String::as_str),
                    Some(b.roles),
                    || at("roles"),
                )?;
            }
            (Some(session), None) => check_absent(session, SESSION)?,
            (None, _) => {}
        }
        match (&self.organization, bounds.organization) {
            (Some(organization), Some(b)) => {
                let at = |member: &str| format!("{}.{member}", Stytch::ORGANIZATION);
                check_str(
                    Some(&organization.organization_id),
                    Some(b.organization_id),
                    || at("organization_id"),
                )?;
                check_str(organization.slug.as_deref(), Some(b.slug), || at("slug"))?;
            }
            (Some(organization), None) => check_absent(organization, Stytch::ORGANIZATION)?,
            (None, _) => {}
        }
        if self.other.is_empty() {
            return Ok(());
        }
        check_json(&self.other, Some(bounds.other), || {
            "other https://stytch.com/ claims".into()
        })
    }
}
