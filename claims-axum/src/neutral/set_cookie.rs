//! The `Set-Cookie` header that carries a newly minted session token, checked against the cookie limit.

use std::borrow::Cow;
use std::time::Duration;

use claims_jwt::claims_core::size::CookieSpec;
use claims_jwt::{BoundedLayout, Error, Minted, Minter};
use cookie::Cookie;
pub use cookie::SameSite;
use http::HeaderValue;

use super::log::log_refusal;
use super::{Reason, Refusal};

/// How the session cookie is written: its name and size limit (a [`CookieSpec`], usually the minter's)
/// and its attributes, `HttpOnly; SameSite=Lax; Secure; Path=/` unless configured otherwise.
///
/// [`SessionCookie::set_cookie`] measures the exact line it writes against the limit and refuses it before
/// any response is sent: a cookie the browser would drop without a word is a 500 and an error in the log,
/// not a session that silently stops updating.
///
/// The name it writes must be one the [`crate::Authenticator`]'s [`crate::TokenSources`] read, or the
/// next request carries no token: the default sources read Clerk's `__session` (and its suffixed
/// variants); for another name, list [`crate::TokenSource::cookie`] with the spec's name (see
/// [`SessionCookie::new`]).
///
/// ```
/// use claims_axum::SessionCookie;
/// use claims_jwt::{Clerk, Minter, Payload, SigningKey};
/// use serde_json::{Map, Value};
///
/// let minter = Minter::<Clerk>::new(SigningKey::hs256(b"0123456789abcdef0123456789abcdef").unwrap());
/// let minted = minter.mint(&Payload::new(Map::<String, Value>::new()).with_subject("user_1"))?;
/// let cookie = SessionCookie::for_minter(&minter);
/// let header = cookie.set_cookie(&minted)?;
/// assert_eq!(header, format!("__session={minted}; HttpOnly; SameSite=Lax; Secure; Path=/").as_str());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionCookie {
    spec: CookieSpec,
    path: Cow<'static, str>,
    domain: Option<Cow<'static, str>>,
    same_site: SameSite,
    secure: bool,
    http_only: bool,
    max_age: Option<Duration>,
}

impl SessionCookie {
    /// The cookie `spec` names and limits, with the default attributes. Read it back under the same name:
    /// a [`crate::TokenSource::cookie`] of `spec.name()`, as below.
    ///
    /// ```
    /// # use claims_axum::{SessionCookie, TokenSource, TokenSources};
    /// use claims_jwt::claims_core::size::CookieSpec;
    /// let cookie = SessionCookie::new(CookieSpec::new("app_session").with_limit(3180));
    /// assert_eq!(cookie.spec().limit(), 3180);
    /// // What the Authenticator reads: the name written once, in the spec.
    /// let sources = TokenSources::new([TokenSource::cookie(cookie.spec().name().to_owned()), TokenSource::Bearer]);
    /// assert_eq!(sources.as_slice()[0], TokenSource::cookie("app_session"));
    /// ```
    pub fn new(spec: CookieSpec) -> Self {
        SessionCookie {
            spec,
            path: Cow::Borrowed("/"),
            domain: None,
            same_site: SameSite::Lax,
            secure: true,
            http_only: true,
            max_age: None,
        }
    }

    /// The cookie `minter` checks its tokens against ([`Minter::cookie`]): its name and limit.
    ///
    /// ```
    /// # use claims_axum::SessionCookie;
    /// # use claims_jwt::{Minter, SigningKey, Stytch};
    /// let minter = Minter::<Stytch>::new(SigningKey::hs256(b"0123456789abcdef0123456789abcdef").unwrap());
    /// assert_eq!(SessionCookie::for_minter(&minter).spec().name(), "stytch_session_jwt");
    /// ```
    pub fn for_minter<L: BoundedLayout>(minter: &Minter<L>) -> Self {
        SessionCookie::new(minter.cookie().clone())
    }

    /// This cookie with `Path=path` (default `/`).
    ///
    /// ```
    /// # use claims_axum::SessionCookie;
    /// # use claims_jwt::claims_core::size::CookieSpec;
    /// let cookie = SessionCookie::new(CookieSpec::session()).with_path("/app");
    /// assert!(cookie.removal()?.to_str()?.contains("; Path=/app"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_path(mut self, path: impl Into<Cow<'static, str>>) -> Self {
        self.path = path.into();
        self
    }

    /// This cookie with `Domain=domain` (default: none, so only the host that set it gets it back).
    ///
    /// ```
    /// # use claims_axum::SessionCookie;
    /// # use claims_jwt::claims_core::size::CookieSpec;
    /// let cookie = SessionCookie::new(CookieSpec::session()).with_domain("example.com");
    /// assert!(cookie.removal()?.to_str()?.contains("; Domain=example.com"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_domain(mut self, domain: impl Into<Cow<'static, str>>) -> Self {
        self.domain = Some(domain.into());
        self
    }

    /// This cookie with `SameSite=same_site` (default `Lax`).
    ///
    /// ```
    /// # use claims_axum::{SameSite, SessionCookie};
    /// # use claims_jwt::claims_core::size::CookieSpec;
    /// let cookie = SessionCookie::new(CookieSpec::session()).with_same_site(SameSite::Strict);
    /// assert!(cookie.removal()?.to_str()?.contains("; SameSite=Strict"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_same_site(mut self, same_site: SameSite) -> Self {
        self.same_site = same_site;
        self
    }

    /// This cookie with or without `Secure` (default with; browsers treat `http://localhost` as secure, so
    /// turn it off only for a plain-HTTP host that is not localhost).
    ///
    /// ```
    /// # use claims_axum::SessionCookie;
    /// # use claims_jwt::claims_core::size::CookieSpec;
    /// let cookie = SessionCookie::new(CookieSpec::session()).with_secure(false);
    /// assert!(!cookie.removal()?.to_str()?.contains("Secure"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_secure(mut self, secure: bool) -> Self {
        self.secure = secure;
        self
    }

    /// This cookie with or without `HttpOnly` (default with; without it, the page's scripts can read the
    /// token, as Clerk's front end does with `__session`).
    ///
    /// ```
    /// # use claims_axum::SessionCookie;
    /// # use claims_jwt::claims_core::size::CookieSpec;
    /// let cookie = SessionCookie::new(CookieSpec::session()).with_http_only(false);
    /// assert!(!cookie.removal()?.to_str()?.contains("HttpOnly"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_http_only(mut self, http_only: bool) -> Self {
        self.http_only = http_only;
        self
    }

    /// This cookie with `Max-Age` (default: none, a cookie for the browser session; whole seconds).
    ///
    /// ```
    /// # use std::time::Duration;
    /// # use claims_axum::SessionCookie;
    /// # use claims_jwt::{Generic, Minter, Payload, SigningKey};
    /// let minter = Minter::<Generic>::new(SigningKey::hs256(b"0123456789abcdef0123456789abcdef").unwrap());
    /// let minted = minter.mint(&Payload::new(serde_json::Map::<String, serde_json::Value>::new()))?;
    /// let cookie = SessionCookie::for_minter(&minter).with_max_age(Duration::from_secs(3600));
    /// assert!(cookie.set_cookie(&minted)?.to_str()?.ends_with("; Max-Age=3600"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_max_age(mut self, max_age: Duration) -> Self {
        self.max_age = Some(max_age);
        self
    }

    /// The cookie's name and limit.
    ///
    /// ```
    /// # use claims_axum::SessionCookie;
    /// # use claims_jwt::claims_core::size::CookieSpec;
    /// assert_eq!(SessionCookie::new(CookieSpec::session()).spec().name(), "__session");
    /// ```
    pub fn spec(&self) -> &CookieSpec {
        &self.spec
    }

    /// The `Set-Cookie` value carrying `minted`, e.g. from [`Minter::reissue_typed`] after a claims update.
    ///
    /// Refused with [`Reason::CookieTooLarge`] (500, logged) when `name=value` is over the limit, or the
    /// whole line when the [`CookieSpec`] counts attributes (as older Chromium did); with
    /// [`Reason::ServerError`] when a configured path or domain can't be written in a header.
    ///
    /// ```
    /// use claims_axum::{Reason, SessionCookie};
    /// use claims_jwt::claims_core::size::CookieSpec;
    /// use claims_jwt::{Generic, Minter, Payload, SigningKey};
    /// use serde_json::{Map, Value};
    ///
    /// let minter = Minter::<Generic>::new(SigningKey::hs256(b"0123456789abcdef0123456789abcdef").unwrap());
    /// let minted = minter.mint(&Payload::new(Map::<String, Value>::new()))?;
    /// let fits = CookieSpec::session().with_limit("__session=".len() + minted.len());
    /// assert!(SessionCookie::new(fits.clone()).set_cookie(&minted).is_ok());
    /// // Counting the attributes too, the same limit is exceeded.
    /// let refusal = SessionCookie::new(fits.with_attributes("; counted")).set_cookie(&minted).unwrap_err();
    /// assert_eq!((refusal.reason(), refusal.status().as_u16()), (Reason::CookieTooLarge, 500));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn set_cookie(&self, minted: &Minted) -> Result<HeaderValue, Refusal> {
        self.header(minted.as_str(), false)
            .map_err(|refusal| log_refusal(refusal, None))
    }

    /// The `Set-Cookie` value that deletes the cookie (empty, `Max-Age=0`, an `Expires` in the past), with
    /// the same path and domain: for signing out.
    ///
    /// ```
    /// # use claims_axum::SessionCookie;
    /// # use claims_jwt::claims_core::size::CookieSpec;
    /// let removal = SessionCookie::new(CookieSpec::session()).removal()?;
    /// assert!(removal.to_str()?.starts_with("__session=; HttpOnly; SameSite=Lax; Secure; Path=/; Max-Age=0; Expires="));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn removal(&self) -> Result<HeaderValue, Refusal> {
        self.header("", true)
    }

    fn header(&self, value: &str, removal: bool) -> Result<HeaderValue, Refusal> {
        let mut cookie = Cookie::build((self.spec.name().to_owned(), value.to_owned()))
            .path(self.path.clone())
            .same_site(self.same_site)
            .secure(self.secure)
            .http_only(self.http_only);
        if let Some(domain) = &self.domain {
            cookie = cookie.domain(domain.clone());
        }
        if let Some(max_age) = self.max_age {
            let secs = i64::try_from(max_age.as_secs()).unwrap_or(i64::MAX);
            cookie = cookie.max_age(cookie::time::Duration::seconds(secs));
        }
        if removal {
            cookie = cookie.removal();
        }
        let line = cookie.to_string();
        if !removal {
            // The spec decides what counts: `name=value`, or the whole line when it counts attributes.
            let name_value = self.spec.name().len() + 1 + value.len();
            let counted = CookieSpec::new(self.spec.name().to_owned())
                .with_limit(self.spec.limit())
                .with_attributes(if self.spec.attributes().is_empty() {
                    String::new()
                } else {
                    line[name_value..].to_owned()
                });
            counted
                .check(value.len())
                .map_err(|err| Refusal::from(Error::Claims(err)))?;
        }
        HeaderValue::try_from(line).map_err(|_| Refusal::new(Reason::ServerError))
    }
}

#[cfg(test)]
mod tests {
    use claims_jwt::claims_core::{Budget, BudgetKind, ClaimsError};
    use claims_jwt::{Clerk, Payload, SigningKey};
    use serde_json::{Map, Value};

    use super::*;

    fn issue() -> (Minter<Clerk>, Minted) {
        let issuer = Minter::<Clerk>::new(
            SigningKey::hs256(b"0123456789abcdef0123456789abcdef").expect("a 32-byte secret"),
        );
        let token = issuer
            .mint(&Payload::new(Map::<String, Value>::new()).with_subject("user_1"))
            .expect("a token");
        (issuer, token)
    }

    #[test]
    fn the_default_line_and_every_attribute() {
        let (issuer, minted) = issue();
        let cookie = SessionCookie::for_minter(&issuer);
        assert_eq!(
            cookie.set_cookie(&minted).expect("fits"),
            format!("__session={minted}; HttpOnly; SameSite=Lax; Secure; Path=/").as_str()
        );
        let custom = cookie
            .with_path("/app")
            .with_domain("example.com")
            .with_same_site(SameSite::Strict)
            .with_secure(false)
            .with_http_only(false)
            .with_max_age(Duration::from_secs(60));
        assert_eq!(
            custom.set_cookie(&minted).expect("fits"),
            format!(
                "__session={minted}; SameSite=Strict; Path=/app; Domain=example.com; Max-Age=60"
            )
            .as_str()
        );
    }

    #[test]
    fn a_cookie_over_the_limit_is_refused_with_the_exact_size() {
        let (_, minted) = issue();
        let exact = "__session=".len() + minted.len();
        let fits = SessionCookie::new(CookieSpec::session().with_limit(exact));
        assert!(fits.set_cookie(&minted).is_ok());

        let over = SessionCookie::new(CookieSpec::session().with_limit(exact - 1));
        let refusal = over.set_cookie(&minted).expect_err("one byte over");
        assert_eq!(refusal.reason(), Reason::CookieTooLarge);
        assert_eq!(
            refusal.error(),
            Some(&Error::Claims(ClaimsError::OverBudget {
                kind: BudgetKind::Cookie,
                size: exact,
                budget: Budget::bytes(exact - 1),
            }))
        );

        // When the spec counts attributes, the line's real attributes count, not the spec's placeholder.
        let attributes = "; HttpOnly; SameSite=Lax; Secure; Path=/".len();
        let whole_line = CookieSpec::session()
            .with_limit(exact + attributes)
            .with_attributes("; x");
        assert!(
            SessionCookie::new(whole_line.clone())
                .set_cookie(&minted)
                .is_ok()
        );
        let refusal = SessionCookie::new(whole_line.with_limit(exact + attributes - 1))
            .set_cookie(&minted)
            .expect_err("one byte over, counting attributes");
        assert!(matches!(
            refusal.error(),
            Some(Error::Claims(ClaimsError::OverBudget { size, .. })) if *size == exact + attributes
        ));
    }

    #[test]
    fn a_path_that_cannot_be_a_header_is_a_server_error_not_a_panic() {
        let (issuer, minted) = issue();
        let refusal = SessionCookie::for_minter(&issuer)
            .with_path("/a\nb")
            .set_cookie(&minted)
            .expect_err("a newline can't be sent");
        assert_eq!(
            (refusal.reason(), refusal.error()),
            (Reason::ServerError, None)
        );
    }

    #[test]
    fn removal_empties_and_expires_the_cookie() {
        let removal = SessionCookie::new(CookieSpec::session())
            .removal()
            .expect("a header");
        let parsed = Cookie::parse(removal.to_str().expect("ascii")).expect("a cookie");
        assert_eq!((parsed.name(), parsed.value()), ("__session", ""));
        assert_eq!(parsed.max_age(), Some(cookie::time::Duration::ZERO));
        assert_eq!(parsed.path(), Some("/"));
    }
}
