//! Where a request carries its session token: the sources, their order, and the lookup.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::fmt;

use cookie::Cookie;
use http::HeaderMap;
use http::header::{AUTHORIZATION, COOKIE};

use super::{Reason, Refusal};

/// Clerk's session cookie, also the prefix of its `__session_<suffix>` variants.
const CLERK_SESSION: &str = "__session";

/// One place a request may carry its session token.
///
/// ```
/// use claims_axum::TokenSource;
/// let sources = [TokenSource::Bearer, TokenSource::clerk_session(), TokenSource::cookie("app_session")];
/// assert_eq!(sources[2].to_string(), "cookie `app_session`");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TokenSource {
    /// `Authorization: Bearer <token>` (RFC 6750 §2.1); the scheme in any case (RFC 9110 §11.1). A request
    /// with another scheme (`Basic ...`) carries no token here: it is left to whatever handles that scheme.
    Bearer,
    /// Clerk's `__session` cookie and its `__session_<suffix>` variants (Clerk suffixes the cookie when
    /// several applications share a domain). With `suffix`, `__session_<suffix>` is read, then `__session`;
    /// without, any suffixed variant is read first (they must agree), then `__session`.
    ClerkSession {
        /// The application's suffix, when known (recommended when several Clerk apps share a domain).
        suffix: Option<Cow<'static, str>>,
    },
    /// The cookie named exactly this.
    Cookie(Cow<'static, str>),
}

impl TokenSource {
    /// Clerk's session cookie, any suffix: [`TokenSource::ClerkSession`] without a suffix.
    ///
    /// ```
    /// # use claims_axum::TokenSource;
    /// assert_eq!(TokenSource::clerk_session(), TokenSource::ClerkSession { suffix: None });
    /// ```
    pub const fn clerk_session() -> Self {
        TokenSource::ClerkSession { suffix: None }
    }

    /// Clerk's session cookie for the application whose cookies end in `_<suffix>`.
    ///
    /// ```
    /// # use claims_axum::TokenSource;
    /// assert_eq!(TokenSource::clerk_session_with_suffix("Ab3xY9_q").to_string(), "cookie `__session_Ab3xY9_q`, then `__session`");
    /// ```
    pub fn clerk_session_with_suffix(suffix: impl Into<Cow<'static, str>>) -> Self {
        TokenSource::ClerkSession {
            suffix: Some(suffix.into()),
        }
    }

    /// The cookie named `name`.
    ///
    /// ```
    /// # use claims_axum::TokenSource;
    /// assert_eq!(TokenSource::cookie("sid"), TokenSource::Cookie("sid".into()));
    /// ```
    pub fn cookie(name: impl Into<Cow<'static, str>>) -> Self {
        TokenSource::Cookie(name.into())
    }
}

impl fmt::Display for TokenSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TokenSource::Bearer => f.write_str("`Authorization: Bearer`"),
            TokenSource::ClerkSession { suffix: None } => {
                write!(
                    f,
                    "cookie `{CLERK_SESSION}_<suffix>`, then `{CLERK_SESSION}`"
                )
            }
            TokenSource::ClerkSession {
                suffix: Some(suffix),
            } => write!(
                f,
                "cookie `{CLERK_SESSION}_{suffix}`, then `{CLERK_SESSION}`"
            ),
            TokenSource::Cookie(name) => write!(f, "cookie `{name}`"),
        }
    }
}

/// The ordered places to look for a session token, and the lookup itself.
///
/// **Order.** The sources are read in order and the first one that carries a token decides: later ones
/// are not read, so a fresh `Authorization` header beside a stale `__session` cookie is what counts (as
/// in Clerk's SDKs), and a bad header token is refused even if a cookie holds a good one. The default is
/// `Authorization: Bearer`, then Clerk's session cookie.
///
/// **Ambiguity.** Within one source there is no principled choice between two different tokens, so the
/// request is refused with 400 ([`Reason::DuplicateHeader`] for two `Authorization` headers,
/// [`Reason::ConflictingTokens`] for cookies of one source with different values); repeated identical
/// cookies are fine. For operators: a browser holding a host-only `__session` and a `__session` for
/// `Domain=.example.com` (after the cookie's domain changed) sends both, so its requests are 400 until
/// the stale one is cleared, e.g. with a [`crate::SessionCookie::removal`] for that domain.
///
/// **Bytes.** An `Authorization` header that is not visible ASCII, or that parts `Bearer` from its token
/// with a tab rather than spaces (RFC 7235 §2.1), is refused ([`Reason::InvalidHeader`]);
/// in a `Cookie` header, invalid UTF-8 only spoils the cookies it is in, and pieces that are not
/// `name=value` are skipped, so another application's odd cookie never locks a user out.
///
/// ```
/// use claims_axum::{Origin, Reason, TokenSource, TokenSources};
/// use http::{HeaderMap, HeaderValue, header::{AUTHORIZATION, COOKIE}};
///
/// let sources = TokenSources::default();
/// let mut headers = HeaderMap::new();
/// headers.insert(COOKIE, HeaderValue::from_static("theme=dark; __session=eyJ.cookie.token"));
/// let found = sources.find(&headers)?.expect("a token");
/// assert_eq!((found.origin(), found.token()), (&Origin::Cookie("__session".into()), "eyJ.cookie.token"));
///
/// headers.insert(AUTHORIZATION, HeaderValue::from_static("bearer eyJ.header.token"));
/// assert_eq!(sources.find(&headers)?.expect("a token").token(), "eyJ.header.token");
///
/// headers.append(AUTHORIZATION, HeaderValue::from_static("Bearer eyJ.other.token"));
/// assert_eq!(sources.find(&headers).unwrap_err().reason(), Reason::DuplicateHeader);
/// assert!(sources.find(&HeaderMap::new())?.is_none());
/// # Ok::<(), claims_axum::Refusal>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TokenSources {
    sources: Vec<TokenSource>,
}

impl Default for TokenSources {
    /// `Authorization: Bearer`, then Clerk's session cookie (any suffix).
    fn default() -> Self {
        TokenSources::new([TokenSource::Bearer, TokenSource::clerk_session()])
    }
}

impl TokenSources {
    /// These sources, read in this order.
    ///
    /// ```
    /// # use claims_axum::{TokenSource, TokenSources};
    /// let sources = TokenSources::new([TokenSource::cookie("app_session"), TokenSource::Bearer]);
    /// assert_eq!(sources.as_slice()[0], TokenSource::cookie("app_session"));
    /// ```
    pub fn new(sources: impl IntoIterator<Item = TokenSource>) -> Self {
        TokenSources {
            sources: sources.into_iter().collect(),
        }
    }

    /// The sources, in the order they are read.
    ///
    /// ```
    /// # use claims_axum::{TokenSource, TokenSources};
    /// assert_eq!(TokenSources::default().as_slice(), [TokenSource::Bearer, TokenSource::clerk_session()]);
    /// ```
    pub fn as_slice(&self) -> &[TokenSource] {
        &self.sources
    }

    /// The token of the first source that carries one, `Ok(None)` when none does, or the refusal of an
    /// ambiguous or unreadable request (see [`TokenSources`]). The token is not verified here.
    ///
    /// ```
    /// # use claims_axum::{Origin, TokenSource, TokenSources};
    /// # use http::{HeaderMap, HeaderValue, header::COOKIE};
    /// let sources = TokenSources::new([TokenSource::clerk_session_with_suffix("Ab3xY9_q")]);
    /// let mut headers = HeaderMap::new();
    /// headers.insert(COOKIE, HeaderValue::from_static("__session=old; __session_Ab3xY9_q=new"));
    /// let found = sources.find(&headers)?.expect("a token");
    /// assert_eq!(found.origin(), &Origin::Cookie("__session_Ab3xY9_q".into()));
    /// assert_eq!(found.into_token(), "new");
    /// # Ok::<(), claims_axum::Refusal>(())
    /// ```
    pub fn find(&self, headers: &HeaderMap) -> Result<Option<FoundToken>, Refusal> {
        // The cookies are parsed once, only if a cookie source is reached, and borrowed, not copied.
        let (texts, pairs) = (OnceCell::new(), OnceCell::new());
        let jar =
            || pairs.get_or_init(|| cookie_pairs(texts.get_or_init(|| cookie_texts(headers))));
        for source in &self.sources {
            let found = match source {
                TokenSource::Bearer => bearer(headers)?,
                TokenSource::ClerkSession { suffix } => clerk_session(jar(), suffix.as_deref())?,
                TokenSource::Cookie(name) => named_cookie(jar(), |cookie| cookie == name)?,
            };
            if found.is_some() {
                return Ok(found);
            }
        }
        Ok(None)
    }
}

impl<const N: usize> From<[TokenSource; N]> for TokenSources {
    fn from(sources: [TokenSource; N]) -> Self {
        TokenSources::new(sources)
    }
}

/// Where a token was found.
///
/// ```
/// use claims_axum::Origin;
/// assert_eq!(Origin::Bearer.to_string(), "bearer");
/// assert_eq!(Origin::Cookie("__session".into()).to_string(), "cookie `__session`");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Origin {
    /// The `Authorization: Bearer` header.
    Bearer,
    /// The cookie of this name.
    Cookie(String),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Bearer => f.write_str("bearer"),
            Origin::Cookie(name) => write!(f, "cookie `{name}`"),
        }
    }
}

/// A token found in a request, not yet verified.
///
/// ```
/// # use claims_axum::{Origin, TokenSources};
/// # use http::{HeaderMap, HeaderValue, header::AUTHORIZATION};
/// let mut headers = HeaderMap::new();
/// headers.insert(AUTHORIZATION, HeaderValue::from_static("Bearer abc.def.ghi"));
/// let found = TokenSources::default().find(&headers)?.expect("a token");
/// assert_eq!((found.origin(), found.token()), (&Origin::Bearer, "abc.def.ghi"));
/// # Ok::<(), claims_axum::Refusal>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FoundToken {
    origin: Origin,
    token: String,
}

impl FoundToken {
    /// Where it was found.
    ///
    /// ```
    /// # use claims_axum::{Origin, TokenSources};
    /// # use http::{HeaderMap, HeaderValue, header::AUTHORIZATION};
    /// # let mut headers = HeaderMap::new();
    /// # headers.insert(AUTHORIZATION, HeaderValue::from_static("Bearer abc.def.ghi"));
    /// let found = TokenSources::default().find(&headers)?.expect("a token");
    /// assert_eq!(found.origin(), &Origin::Bearer);
    /// # Ok::<(), claims_axum::Refusal>(())
    /// ```
    pub fn origin(&self) -> &Origin {
        &self.origin
    }

    /// The token, as sent.
    ///
    /// ```
    /// # use claims_axum::TokenSources;
    /// # use http::{HeaderMap, HeaderValue, header::AUTHORIZATION};
    /// # let mut headers = HeaderMap::new();
    /// # headers.insert(AUTHORIZATION, HeaderValue::from_static("Bearer abc.def.ghi"));
    /// let found = TokenSources::default().find(&headers)?.expect("a token");
    /// assert_eq!(found.token(), "abc.def.ghi");
    /// # Ok::<(), claims_axum::Refusal>(())
    /// ```
    pub fn token(&self) -> &str {
        &self.token
    }

    /// The token, by value.
    ///
    /// ```
    /// # use claims_axum::TokenSources;
    /// # use http::{HeaderMap, HeaderValue, header::AUTHORIZATION};
    /// # let mut headers = HeaderMap::new();
    /// # headers.insert(AUTHORIZATION, HeaderValue::from_static("Bearer abc.def.ghi"));
    /// let token: String = TokenSources::default().find(&headers)?.expect("a token").into_token();
    /// # Ok::<(), claims_axum::Refusal>(())
    /// ```
    pub fn into_token(self) -> String {
        self.token
    }
}

/// The token of the one `Authorization: Bearer` header, if the request has one.
fn bearer(headers: &HeaderMap) -> Result<Option<FoundToken>, Refusal> {
    let mut values = headers.get_all(AUTHORIZATION).iter();
    let Some(value) = values.next() else {
        return Ok(None);
    };
    if values.next().is_some() {
        return Err(Refusal::new(Reason::DuplicateHeader));
    }
    let value = value
        .to_str()
        .map_err(|_| Refusal::new(Reason::InvalidHeader))?;
    // credentials = auth-scheme [ 1*SP token68 ] (RFC 7235 §2.1); the scheme is case-insensitive.
    let (scheme, rest) = value.split_at(value.find([' ', '\t']).unwrap_or(value.len()));
    if !scheme.eq_ignore_ascii_case("bearer") {
        return Ok(None);
    }
    // Only spaces may part the scheme from the token: a tab there is a malformed request, not a
    // request without a token (which an optional route would take for an anonymous visit).
    let token = rest.trim_start_matches(' ');
    if token.starts_with('\t') {
        return Err(Refusal::new(Reason::InvalidHeader));
    }
    // An empty token is still a token: the verifier refuses it as malformed.
    Ok(Some(FoundToken {
        origin: Origin::Bearer,
        token: token.trim_end_matches([' ', '\t']).to_owned(),
    }))
}

/// The text of each `Cookie` header (HTTP/2 may send several). A browser may send raw bytes in someone
/// else's cookie: they become U+FFFD and spoil only that cookie.
fn cookie_texts(headers: &HeaderMap) -> Vec<Cow<'_, str>> {
    headers
        .get_all(COOKIE)
        .iter()
        .map(|value| String::from_utf8_lossy(value.as_bytes()))
        .collect()
}

/// Every `name=value` pair in `texts`, in order, quotes around a value removed (RFC 6265 §4.2.1);
/// pieces that are not a pair are skipped.
fn cookie_pairs<'t>(texts: &'t [Cow<'_, str>]) -> Vec<(&'t str, &'t str)> {
    texts
        .iter()
        .flat_map(|text| Cookie::split_parse(&**text).filter_map(Result::ok))
        .filter_map(|cookie| {
            let value = cookie.value_raw()?;
            let unquoted = value.strip_prefix('"').and_then(|v| v.strip_suffix('"'));
            Some((cookie.name_raw()?, unquoted.unwrap_or(value)))
        })
        .collect()
}

/// The one value of the cookies whose name `matches`, refusing different values.
fn named_cookie(
    jar: &[(&str, &str)],
    matches: impl Fn(&str) -> bool,
) -> Result<Option<FoundToken>, Refusal> {
    let mut found: Option<(&str, &str)> = None;
    for &(name, value) in jar.iter().filter(|(name, _)| matches(name)) {
        match found {
            None => found = Some((name, value)),
            Some((_, first)) if first == value => {}
            Some(_) => return Err(Refusal::new(Reason::ConflictingTokens)),
        }
    }
    Ok(found.map(|(name, value)| FoundToken {
        origin: Origin::Cookie(name.to_owned()),
        token: value.to_owned(),
    }))
}

/// Clerk's session cookie: the suffixed variant first (the given suffix, or any), then `__session`.
fn clerk_session(
    jar: &[(&str, &str)],
    suffix: Option<&str>,
) -> Result<Option<FoundToken>, Refusal> {
    let suffixed = named_cookie(jar, |name| {
        name.strip_prefix(CLERK_SESSION)
            .and_then(|rest| rest.strip_prefix('_'))
            .is_some_and(|rest| suffix.map_or(!rest.is_empty(), |suffix| rest == suffix))
    })?;
    match suffixed {
        Some(found) => Ok(Some(found)),
        None => named_cookie(jar, |name| name == CLERK_SESSION),
    }
}

#[cfg(test)]
mod tests {
    use http::HeaderValue;

    use super::*;

    fn headers(pairs: &[(http::HeaderName, &[u8])]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(
                name.clone(),
                HeaderValue::from_bytes(value).expect("a header value"),
            );
        }
        map
    }

    /// What a lookup found, or why it refused, in a form `assert_eq!` can compare.
    type Lookup = Result<Option<(Origin, String)>, Reason>;

    fn find(sources: &TokenSources, pairs: &[(http::HeaderName, &[u8])]) -> Lookup {
        sources
            .find(&headers(pairs))
            .map(|found| found.map(|f| (f.origin, f.token)))
            .map_err(|refusal| refusal.reason())
    }

    fn bearer_token(token: &str) -> (Origin, String) {
        (Origin::Bearer, token.to_owned())
    }

    fn cookie_token(name: &str, token: &str) -> (Origin, String) {
        (Origin::Cookie(name.to_owned()), token.to_owned())
    }

    #[test]
    fn the_bearer_scheme_is_case_insensitive_and_other_schemes_carry_no_token() {
        let sources = TokenSources::default();
        for scheme in ["Bearer", "bearer", "BEARER", "bEaReR"] {
            let value = format!("{scheme} a.b.c");
            assert_eq!(
                find(&sources, &[(AUTHORIZATION, value.as_bytes())]),
                Ok(Some(bearer_token("a.b.c")))
            );
        }
        assert_eq!(
            find(&sources, &[(AUTHORIZATION, b"Bearer   a.b.c ")]),
            Ok(Some(bearer_token("a.b.c")))
        );
        assert_eq!(
            find(&sources, &[(AUTHORIZATION, b"Bearer")]),
            Ok(Some(bearer_token("")))
        );
        assert_eq!(
            find(&sources, &[(AUTHORIZATION, b"Basic dXNlcjpwYXNz")]),
            Ok(None)
        );
        assert_eq!(find(&sources, &[(AUTHORIZATION, b"Bearera.b.c")]), Ok(None));
        // Another scheme leaves the cookie to decide.
        assert_eq!(
            find(
                &sources,
                &[
                    (AUTHORIZATION, b"Basic dXNlcjpwYXNz"),
                    (COOKIE, b"__session=c.o.k")
                ]
            ),
            Ok(Some(cookie_token("__session", "c.o.k")))
        );
    }

    #[test]
    fn an_unreadable_or_repeated_authorization_header_is_a_bad_request() {
        let sources = TokenSources::default();
        assert_eq!(
            find(&sources, &[(AUTHORIZATION, b"Bearer \xff\xfe")]),
            Err(Reason::InvalidHeader)
        );
        assert_eq!(
            find(&sources, &[(AUTHORIZATION, "Bearer é".as_bytes())]),
            Err(Reason::InvalidHeader)
        );
        assert_eq!(
            find(
                &sources,
                &[
                    (AUTHORIZATION, b"Bearer a.b.c"),
                    (AUTHORIZATION, b"Bearer a.b.c")
                ]
            ),
            Err(Reason::DuplicateHeader)
        );
        // Control: one readable header.
        assert_eq!(
            find(&sources, &[(AUTHORIZATION, b"Bearer a.b.c")]),
            Ok(Some(bearer_token("a.b.c")))
        );
    }

    #[test]
    fn only_spaces_part_the_bearer_scheme_from_its_token() {
        let sources = TokenSources::default();
        for value in [
            &b"Bearer\ta.b.c"[..],
            b"bearer\ta.b.c",
            b"BEARER \ta.b.c",
            b"Bearer\t",
            b"Bearer\t \ta.b.c",
        ] {
            assert_eq!(
                find(&sources, &[(AUTHORIZATION, value)]),
                Err(Reason::InvalidHeader),
                "{}",
                String::from_utf8_lossy(value)
            );
        }
        // Another scheme with a tab is still not ours, and a tab after the token is trailing space.
        assert_eq!(
            find(&sources, &[(AUTHORIZATION, b"Basic\tdXNlcg==")]),
            Ok(None)
        );
        // Controls: one space, or several, before the token.
        for value in [&b"Bearer a.b.c"[..], b"bearer   a.b.c", b"Bearer a.b.c\t"] {
            assert_eq!(
                find(&sources, &[(AUTHORIZATION, value)]),
                Ok(Some(bearer_token("a.b.c")))
            );
        }
    }

    #[test]
    fn the_first_source_carrying_a_token_decides() {
        let both: &[(http::HeaderName, &[u8])] = &[
            (AUTHORIZATION, b"Bearer h.e.ader"),
            (COOKIE, b"__session=c.o.okie"),
        ];
        assert_eq!(
            find(&TokenSources::default(), both),
            Ok(Some(bearer_token("h.e.ader")))
        );
        let cookie_first = TokenSources::new([TokenSource::clerk_session(), TokenSource::Bearer]);
        assert_eq!(
            find(&cookie_first, both),
            Ok(Some(cookie_token("__session", "c.o.okie")))
        );
        // A later source is not even read: its ambiguity doesn't matter once an earlier one answered.
        let ambiguous_later: &[(http::HeaderName, &[u8])] = &[
            (AUTHORIZATION, b"Bearer h.e.ader"),
            (COOKIE, b"__session=one; __session=two"),
        ];
        assert_eq!(
            find(&TokenSources::default(), ambiguous_later),
            Ok(Some(bearer_token("h.e.ader")))
        );
        assert_eq!(find(&TokenSources::default(), &[]), Ok(None));
    }

    #[test]
    fn clerk_session_prefers_the_suffixed_cookie_and_refuses_different_copies() {
        let any = TokenSources::new([TokenSource::clerk_session()]);
        let with_suffix = TokenSources::new([TokenSource::clerk_session_with_suffix("Ab3x")]);
        let jar = b"__session=plain; __session_Ab3x=suffixed; theme=dark";
        assert_eq!(
            find(&any, &[(COOKIE, jar)]),
            Ok(Some(cookie_token("__session_Ab3x", "suffixed")))
        );
        assert_eq!(
            find(&with_suffix, &[(COOKIE, jar)]),
            Ok(Some(cookie_token("__session_Ab3x", "suffixed")))
        );
        // Another application's suffix: ignored when ours is known, ambiguous when it is not.
        let two_apps = b"__session_Ab3x=ours; __session_Zz9q=theirs";
        assert_eq!(
            find(&with_suffix, &[(COOKIE, two_apps)]),
            Ok(Some(cookie_token("__session_Ab3x", "ours")))
        );
        assert_eq!(
            find(&any, &[(COOKIE, two_apps)]),
            Err(Reason::ConflictingTokens)
        );
        assert_eq!(
            find(
                &with_suffix,
                &[(COOKIE, b"__session=plain; __session_Zz9q=theirs")]
            ),
            Ok(Some(cookie_token("__session", "plain")))
        );
        // `__session_` with nothing after it is not a variant; `__sessionX` is another cookie.
        assert_eq!(
            find(&any, &[(COOKIE, b"__session_=x; __sessionX=y")]),
            Ok(None)
        );
        assert_eq!(
            find(&any, &[(COOKIE, b"__session=a; __session=b")]),
            Err(Reason::ConflictingTokens)
        );
        assert_eq!(
            find(&any, &[(COOKIE, b"__session=a; __session=a")]),
            Ok(Some(cookie_token("__session", "a")))
        );
    }

    #[test]
    fn cookies_are_read_across_headers_and_past_junk() {
        let sources = TokenSources::new([TokenSource::cookie("app")]);
        assert_eq!(
            find(
                &sources,
                &[(COOKIE, b"a=1; junk; =empty"), (COOKIE, b"app=\"t.o.k\"")]
            ),
            Ok(Some(cookie_token("app", "t.o.k")))
        );
        // Invalid UTF-8 in another cookie spoils only that cookie.
        assert_eq!(
            find(&sources, &[(COOKIE, b"other=\xff\xfe; app=t.o.k")]),
            Ok(Some(cookie_token("app", "t.o.k")))
        );
        assert_eq!(find(&sources, &[(COOKIE, b"other=1")]), Ok(None));
        // Cookie names are case-sensitive.
        assert_eq!(find(&sources, &[(COOKIE, b"APP=t.o.k")]), Ok(None));
    }
}
