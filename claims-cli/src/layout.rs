//! The token layouts the tool knows (claims-jwt's `Clerk`, `Stytch`, `Generic`), chosen by name or
//! recognised from a payload's claims.

use claims_jwt::{Clerk, Layout, Stytch};
use clap::ValueEnum;
use serde_json::{Map, Value};

/// A claims-jwt layout, by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum LayoutName {
    /// Clerk session tokens: `sid`, `v`, `fva`, `o`... beside the custom claims; cookie `__session`
    Clerk,
    /// Stytch session JWTs: the `https://stytch.com/` claims; cookie `stytch_session_jwt`
    Stytch,
    /// Registered and custom claims only; cookie `__session`
    Generic,
}

/// Which layout a payload looks like, and the claim that told: a Stytch claim (`https://stytch.com/...`)
/// makes it Stytch, one of Clerk's own (`sid`, `v`, `fva`...) Clerk, anything else generic. `azp` alone
/// does not count: `OpenID` Connect tokens carry it too.
pub(crate) fn detect(claims: &Map<String, Value>) -> (LayoutName, Option<String>) {
    let found = |owns: fn(&str) -> bool| claims.keys().find(|name| owns(name)).cloned();
    if let Some(name) = found(Stytch::owns) {
        return (LayoutName::Stytch, Some(name));
    }
    if let Some(name) = found(|name| name != "azp" && Clerk::owns(name)) {
        return (LayoutName::Clerk, Some(name));
    }
    (LayoutName::Generic, None)
}

impl LayoutName {
    /// The layout's name, as claims-jwt writes it.
    pub(crate) fn name(self) -> &'static str {
        match self {
            LayoutName::Clerk => Clerk::NAME,
            LayoutName::Stytch => Stytch::NAME,
            LayoutName::Generic => claims_jwt::Generic::NAME,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn detected(claims: &Value) -> (LayoutName, Option<String>) {
        detect(claims.as_object().unwrap())
    }

    #[test]
    fn layouts_are_recognised_by_their_own_claims() {
        assert_eq!(
            detected(&json!({"sub": "u", "sid": "sess_1", "azp": "https://a"})),
            (LayoutName::Clerk, Some("sid".to_owned()))
        );
        assert_eq!(
            detected(&json!({"sub": "u", "https://stytch.com/session": {"id": "s"}})),
            (
                LayoutName::Stytch,
                Some("https://stytch.com/session".to_owned())
            )
        );
        assert_eq!(
            detected(&json!({"sub": "u", "azp": "client", "plan": "pro"})),
            (LayoutName::Generic, None)
        );
        assert_eq!(LayoutName::Clerk.name(), "clerk");
    }
}
