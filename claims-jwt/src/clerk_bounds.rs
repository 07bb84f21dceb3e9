//! [`ClerkBounds`]: bounds of [`Clerk`]'s own claims, with their documented defaults, and the check a
//! minter runs against them.

use claims_core::bound::JsonBound;
use claims_core::size::array_json_len;

use crate::token_bounds::{
    BoundedLayout, Object, RegisteredBounds, TokenBounds, check_absent, check_number, check_str,
    number_len, saturated, string_len,
};
use crate::{Clerk, Error};

/// Bounds of [`Clerk`]'s claims. A string bound is in bytes of JSON-escaped text (quotes
/// excluded), a number's in characters (a minus sign included); `None` says the claim is never written,
/// and minting one is refused. Clerk documents no limits for these values: the defaults
/// ([`ClerkBounds::DEFAULT`]) are generous readings of its formats, each written down here.
///
/// ```
/// use claims_jwt::bounds::ClerkBounds;
/// // An application without organizations or impersonation.
/// let bounds = ClerkBounds { o: None, act: None, ..ClerkBounds::DEFAULT };
/// assert_eq!(ClerkBounds::DEFAULT.max_json_len() - bounds.max_json_len(), 717);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClerkBounds {
    /// `azp`, the origin the token was issued for.
    pub azp: Option<usize>,
    /// `fva`: characters of each of its two numbers (minutes, or `-1`).
    pub fva: Option<usize>,
    /// `sid`, the session id.
    pub sid: Option<usize>,
    /// `v`: digits of the token version.
    pub v: Option<usize>,
    /// `pla`, the plan (`u:free`).
    pub pla: Option<usize>,
    /// `fea`, the comma-separated features.
    pub fea: Option<usize>,
    /// `sts`, the session status.
    pub sts: Option<usize>,
    /// `o`, the active organization.
    pub o: Option<ClerkOrganizationBounds>,
    /// `act`, the impersonating actor.
    pub act: Option<ClerkActorBounds>,
}

impl ClerkBounds {
    /// `azp` 96 bytes (an origin), `fva` numbers of 7 characters (19 years in minutes), `sid` 40 (Clerk's
    /// ids are 32), `v` 1 digit, `pla` 64, `fea` 256, `sts` 16 (`pending`), `o` and `act` as their own
    /// defaults.
    ///
    /// ```
    /// # use claims_jwt::bounds::ClerkBounds;
    /// assert_eq!(ClerkBounds::DEFAULT.max_json_len(), 1265);
    /// ```
    pub const DEFAULT: ClerkBounds = ClerkBounds {
        azp: Some(96),
        fva: Some(7),
        sid: Some(40),
        v: Some(1),
        pla: Some(64),
        fea: Some(256),
        sts: Some(16),
        o: Some(ClerkOrganizationBounds::DEFAULT),
        act: Some(ClerkActorBounds::DEFAULT),
    };

    /// Bytes of the largest JSON object of these claims.
    ///
    /// ```
    /// # use claims_jwt::bounds::ClerkBounds;
    /// let bounds = ClerkBounds { azp: None, fva: None, sid: Some(8), v: Some(1), pla: None, fea: None, sts: None, o: None, act: None };
    /// assert_eq!(bounds.max_json_len(), r#"{"sid":"sess_123","v":2}"#.len());
    /// ```
    pub const fn max_json_len(&self) -> usize {
        let fva = match self.fva {
            Some(chars) => saturated(array_json_len(2, number_len(chars, i64::SHAPE))),
            None => 0,
        };
        let object = Object::EMPTY
            .member("azp", string_len(self.azp))
            .member("fva", if self.fva.is_some() { Some(fva) } else { None })
            .member("sid", string_len(self.sid))
            .member(
                "v",
                match self.v {
                    Some(digits) => Some(number_len(digits, u32::SHAPE)),
                    None => None,
                },
            )
            .member("pla", string_len(self.pla))
            .member("fea", string_len(self.fea))
            .member("sts", string_len(self.sts))
            .member(
                "o",
                match self.o {
                    Some(o) => Some(o.max_json_len()),
                    None => None,
                },
            )
            .member(
                "act",
                match self.act {
                    Some(act) => Some(act.max_json_len()),
                    None => None,
                },
            );
        object.len
    }
}

/// Bounds of Clerk's `o` claim, in bytes of JSON-escaped text; the optional members count as present.
///
/// ```
/// use claims_jwt::bounds::ClerkOrganizationBounds;
/// let bounds = ClerkOrganizationBounds { id: 7, slg: 4, rol: 5, per: 4, fpm: 1 };
/// assert_eq!(bounds.max_json_len(), r#"{"id":"org_123","slg":"acme","rol":"admin","per":"read","fpm":"3"}"#.len());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClerkOrganizationBounds {
    /// `id`, the organization id.
    pub id: usize,
    /// `slg`, its slug.
    pub slg: usize,
    /// `rol`, the user's role (`org:admin`).
    pub rol: usize,
    /// `per`, the comma-separated permissions.
    pub per: usize,
    /// `fpm`, the comma-separated feature-permission bitmasks.
    pub fpm: usize,
}

impl ClerkOrganizationBounds {
    /// `id` 40, `slg` 64, `rol` 64, `per` 256, `fpm` 64.
    ///
    /// ```
    /// # use claims_jwt::bounds::ClerkOrganizationBounds;
    /// assert_eq!(ClerkOrganizationBounds::DEFAULT.per, 256);
    /// ```
    pub const DEFAULT: ClerkOrganizationBounds = ClerkOrganizationBounds {
        id: 40,
        slg: 64,
        rol: 64,
        per: 256,
        fpm: 64,
    };

    /// Bytes of the largest JSON object.
    ///
    /// ```
    /// # use claims_jwt::bounds::ClerkOrganizationBounds;
    /// assert_eq!(ClerkOrganizationBounds::DEFAULT.max_json_len(), 533);
    /// ```
    pub const fn max_json_len(&self) -> usize {
        Object::EMPTY
            .member("id", Some(self.id + 2))
            .member("slg", Some(self.slg + 2))
            .member("rol", Some(self.rol + 2))
            .member("per", Some(self.per + 2))
            .member("fpm", Some(self.fpm + 2))
            .len
    }
}

/// Bounds of Clerk's `act` claim, in bytes of JSON-escaped text; every member counts as present.
///
/// ```
/// use claims_jwt::bounds::ClerkActorBounds;
/// let bounds = ClerkActorBounds { iss: 3, sid: 8, sub: 8 };
/// assert_eq!(bounds.max_json_len(), r#"{"iss":"abc","sid":"sess_456","sub":"user_456"}"#.len());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClerkActorBounds {
    /// `iss`, where the impersonation started.
    pub iss: usize,
    /// `sid`, the actor's session.
    pub sid: usize,
    /// `sub`, the actor.
    pub sub: usize,
}

impl ClerkActorBounds {
    /// `iss` 64, `sid` 40, `sub` 40.
    ///
    /// ```
    /// # use claims_jwt::bounds::ClerkActorBounds;
    /// assert_eq!(ClerkActorBounds::DEFAULT.max_json_len(), 172);
    /// ```
    pub const DEFAULT: ClerkActorBounds = ClerkActorBounds {
        iss: 64,
        sid: 40,
        sub: 40,
    };

    /// Bytes of the largest JSON object.
    ///
    /// ```
    /// # use claims_jwt::bounds::ClerkActorBounds;
    /// assert_eq!(ClerkActorBounds { iss: 0, sid: 0, sub: 0 }.max_json_len(), r#"{"iss":"","sid":"","sub":""}"#.len());
    /// ```
    pub const fn max_json_len(&self) -> usize {
        Object::EMPTY
            .member("iss", Some(self.iss + 2))
            .member("sid", Some(self.sid + 2))
            .member("sub", Some(self.sub + 2))
            .len
    }
}

impl TokenBounds<ClerkBounds> {
    /// Bounds for [`Clerk`] tokens.
    ///
    /// ```
    /// # use claims_jwt::bounds::{ClerkBounds, RegisteredBounds};
    /// # use claims_jwt::{Clerk, BoundedLayout, TokenBounds};
    /// assert_eq!(TokenBounds::clerk(RegisteredBounds::CLERK, ClerkBounds::DEFAULT), Clerk::BOUNDS);
    /// ```
    pub const fn clerk(registered: RegisteredBounds, layout: ClerkBounds) -> Self {
        TokenBounds {
            registered,
            layout,
            layout_json_len: layout.max_json_len(),
        }
    }

    /// These bounds with other bounds for Clerk's claims.
    ///
    /// ```
    /// # use claims_jwt::bounds::ClerkBounds;
    /// # use claims_jwt::{Clerk, BoundedLayout};
    /// let bounds = Clerk::BOUNDS.with_layout(ClerkBounds { fea: Some(1024), ..ClerkBounds::DEFAULT });
    /// assert_eq!(bounds.layout_json_len(), Clerk::BOUNDS.layout_json_len() + 1024 - 256);
    /// ```
    #[must_use]
    pub const fn with_layout(self, layout: ClerkBounds) -> Self {
        Self::clerk(self.registered, layout)
    }
}

impl RegisteredBounds {
    /// For [`Clerk`]: `iss` up to 64 bytes (the Frontend API URL, e.g.
    /// `https://clerk.example.com`), `sub` 40 (Clerk's ids are a prefix and 27 characters, `user_2pJ8...`:
    /// 32 bytes), no `aud` (Clerk writes none), `jti` 32 (Clerk's are 20), times of 10 digits.
    ///
    /// ```
    /// # use claims_jwt::bounds::RegisteredBounds;
    /// assert_eq!(RegisteredBounds::CLERK.aud, None);
    /// ```
    pub const CLERK: RegisteredBounds = RegisteredBounds {
        iss: Some(64),
        sub: Some(40),
        aud: None,
        jti: Some(32),
        time_digits: 10,
    };
}

impl BoundedLayout for Clerk {
    type Bounds = ClerkBounds;
    const BOUNDS: TokenBounds<ClerkBounds> =
        TokenBounds::clerk(RegisteredBounds::CLERK, ClerkBounds::DEFAULT);

    fn check_bounds(&self, bounds: &ClerkBounds) -> Result<(), Error> {
        check_str(self.azp.as_deref(), bounds.azp, || "azp".into())?;
        if let Some(fva) = self.fva {
            for (i, minutes) in fva.into_iter().enumerate() {
                check_number(minutes.into(), bounds.fva, || format!("fva[{i}]"))?;
            }
        }
        check_str(self.sid.as_deref(), bounds.sid, || "sid".into())?;
        if let Some(v) = self.v {
            check_number(v.into(), bounds.v, || "v".into())?;
        }
        check_str(self.pla.as_deref(), bounds.pla, || "pla".into())?;
        check_str(self.fea.as_deref(), bounds.fea, || "fea".into())?;
        check_str(self.sts.as_deref(), bounds.sts, || "sts".into())?;
        match (&self.o, bounds.o) {
            (Some(o), Some(b)) => {
                check_str(Some(&o.id), Some(b.id), || "o.id".into())?;
                check_str(o.slg.as_deref(), Some(b.slg), || "o.slg".into())?;
                check_str(o.rol.as_deref(), Some(b.rol), || "o.rol".into())?;
                check_str(o.per.as_deref(), Some(b.per), || "o.per".into())?;
                check_str(o.fpm.as_deref(), Some(b.fpm), || "o.fpm".into())?;
            }
            (Some(o), None) => check_absent(o, "o")?,
            (None, _) => {}
        }
        match (&self.act, bounds.act) {
            (Some(act), Some(b)) => {
                check_str(act.iss.as_deref(), Some(b.iss), || "act.iss".into())?;
                check_str(act.sid.as_deref(), Some(b.sid), || "act.sid".into())?;
                check_str(act.sub.as_deref(), Some(b.sub), || "act.sub".into())
            }
            (Some(act), None) => check_absent(act, "act"),
            (None, _) => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_is_a_u32_however_many_digits_are_allowed() {
        let v99 = ClerkBounds {
            v: Some(99),
            ..ClerkBounds::DEFAULT
        };
        // u32::MAX has 10 digits, the default allows 1
        assert_eq!(v99.max_json_len(), ClerkBounds::DEFAULT.max_json_len() + 9);
    }
}
