//! [`TokenBudget`]: the largest token an application can mint, part by part, against the cookie that
//! carries it, and the room that leaves for custom claims.
//!
//! Everything here is a `const fn`, so the same arithmetic answers a person at run time (the size report,
//! a command line) and proves at compile time that a token fits ([`TokenBudget::assert`] in a `const`).

use std::fmt;

use claims_profiles::Budget;

use crate::__private::Msg;
use crate::size::{
    COOKIE_LIMIT, CookieSpec, SESSION_COOKIE, SignatureAlg, cookie_len, json_len_within, jwt_len,
    merged_object_len,
};

/// One part of a token, as [`TokenBudget::largest_part`] names it.
///
/// ```
/// assert_eq!(claims_core::TokenPart::Custom.to_string(), "the custom claims");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TokenPart {
    /// The protected header's JSON.
    Header,
    /// The registered claims (`iss sub aud exp nbf iat jti`) as a JSON object.
    Registered,
    /// The provider layout's own claims as a JSON object.
    Provider,
    /// The custom claims as a JSON object.
    Custom,
    /// The raw signature.
    Signature,
}

impl TokenPart {
    const fn describe(self) -> &'static str {
        match self {
            TokenPart::Header => "the header",
            TokenPart::Registered => "the registered claims",
            TokenPart::Provider => "the provider's claims",
            TokenPart::Custom => "the custom claims",
            TokenPart::Signature => "the signature",
        }
    }
}

impl fmt::Display for TokenPart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}

/// The largest token an application can mint, from the largest JSON of each part, against its cookie.
///
/// The parts are the header, the registered claims, the provider layout's claims and the custom claims
/// (each the byte length of its largest compact JSON, an object's braces included) and the signature,
/// whose length the algorithm and key size fix. The payload is the registered, provider and custom
/// claims spliced into one object, as a minter writes it; the token is the compact JWS of header and
/// payload; the cookie is `name=token` plus any attributes counted with it.
///
/// Where a provider gives a rule of thumb for custom claims (Clerk: 1.2 KB), [`TokenBudget::custom_room`]
/// is the real figure for this header, algorithm, key size, layout and cookie, and [`TokenBudget::assert`]
/// turns "the largest token fits" into a compile-time check.
///
/// ```
/// use claims_core::size::SignatureAlg;
/// use claims_core::{Budget, TokenBudget, TokenPart};
///
/// // Clerk's RS256 header with a 32-byte `kid` (68 bytes), a 2048-bit key, the `__session` cookie; the
/// // registered and Clerk claims take at most 1,000 bytes together, the custom claims at most 1,500.
/// let budget = TokenBudget::new(SignatureAlg::Rsa { modulus_bits: 2048 }, 68)
///     .with_claims("clerk", 300, 701)
///     .with_custom(Some(1500))
///     .with_advice("clerk", Budget::bytes(1200));
/// assert_eq!(budget.payload_json_len(), Some(2499)); // 300 + 701 + 1500, less the two inner braces, plus a comma
/// assert_eq!(budget.token_len(), Some(91 + 1 + 3332 + 1 + 342));
/// assert_eq!(budget.cookie_len(), Some(10 + 3767));
/// assert_eq!(budget.custom_room(), Some(1739)); // the most custom-claims JSON that still fits
/// assert_eq!(budget.largest_part(), Some((TokenPart::Custom, 1500)));
/// assert!(budget.fits());
/// assert_eq!(
///     budget.to_string(),
///     "clerk advises 1200 bytes of custom claims; your RSA-2048 clerk layout in `__session` allows 1739 bytes"
/// );
///
/// // Checked by the compiler: a `const` that does not fit does not build.
/// const _: () = TokenBudget::new(SignatureAlg::Hs256, 27).with_custom(Some(3000)).assert();
/// ```
///
/// ```compile_fail
/// # use claims_core::{size::SignatureAlg, TokenBudget};
/// // error: the largest token, 4095 characters (HS256), makes cookie `__session` 4105 bytes long, 9 over ...
/// const _: () = TokenBudget::new(SignatureAlg::Hs256, 27).with_custom(Some(3010)).assert();
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenBudget<'a> {
    alg: SignatureAlg,
    header: usize,
    layout: &'a str,
    registered: usize,
    provider: usize,
    custom: Option<usize>,
    cookie: &'a str,
    attributes: usize,
    limit: usize,
    advice: Option<(&'a str, Budget)>,
}

impl<'a> TokenBudget<'a> {
    /// A token signed with `alg`, whose header takes `header_json_len` bytes of JSON, in the `__session`
    /// cookie with the default limit ([`COOKIE_LIMIT`]); no claims yet (empty objects).
    ///
    /// ```
    /// # use claims_core::{size::SignatureAlg, TokenBudget};
    /// let budget = TokenBudget::new(SignatureAlg::Hs256, 27);
    /// assert_eq!(budget.payload_json_len(), Some(2)); // {}
    /// assert_eq!(budget.cookie_len(), Some(10 + 36 + 1 + 3 + 1 + 43));
    /// ```
    pub const fn new(alg: SignatureAlg, header_json_len: usize) -> Self {
        TokenBudget {
            alg,
            header: header_json_len,
            layout: "",
            registered: 2,
            provider: 2,
            custom: Some(2),
            cookie: SESSION_COOKIE,
            attributes: 0,
            limit: COOKIE_LIMIT,
            advice: None,
        }
    }

    /// This budget in the cookie named `name` (same limit and attributes).
    ///
    /// ```
    /// # use claims_core::{size::SignatureAlg, TokenBudget};
    /// let budget = TokenBudget::new(SignatureAlg::Hs256, 27).with_cookie("s");
    /// assert_eq!((budget.cookie(), budget.cookie_len()), ("s", Some(2 + 84)));
    /// ```
    #[must_use]
    pub const fn with_cookie(self, name: &'a str) -> Self {
        TokenBudget {
            cookie: name,
            ..self
        }
    }

    /// This budget in `cookie`: its name, limit and counted attributes.
    ///
    /// ```
    /// # use claims_core::{size::{CookieSpec, SignatureAlg}, TokenBudget};
    /// let cookie = CookieSpec::new("s").with_limit(100).with_attributes("; Secure");
    /// let budget = TokenBudget::new(SignatureAlg::Hs256, 27).in_cookie(&cookie);
    /// assert_eq!(budget.cookie_len(), Some(cookie.len_for(36 + 1 + 3 + 1 + 43)));
    /// assert_eq!(budget.cookie_limit(), 100);
    /// ```
    #[must_use]
    pub fn in_cookie(self, cookie: &'a CookieSpec) -> Self {
        self.with_cookie(cookie.name())
            .with_cookie_limit(cookie.limit())
            .with_cookie_attributes_len(cookie.attributes().len())
    }

    /// This budget with the cookie limited to `limit` bytes.
    ///
    /// ```
    /// # use claims_core::{size::SignatureAlg, TokenBudget};
    /// assert!(!TokenBudget::new(SignatureAlg::Hs256, 27).with_cookie("s").with_cookie_limit(80).fits());
    /// ```
    #[must_use]
    pub const fn with_cookie_limit(self, limit: usize) -> Self {
        TokenBudget { limit, ..self }
    }

    /// This budget counting `attributes_len` bytes of `Set-Cookie` attributes with the cookie.
    ///
    /// ```
    /// # use claims_core::{size::SignatureAlg, TokenBudget};
    /// let budget = TokenBudget::new(SignatureAlg::Hs256, 27).with_cookie("s");
    /// assert_eq!(budget.with_cookie_attributes_len(8).cookie_len(), budget.cookie_len().map(|n| n + 8));
    /// ```
    #[must_use]
    pub const fn with_cookie_attributes_len(self, attributes_len: usize) -> Self {
        TokenBudget {
            attributes: attributes_len,
            ..self
        }
    }

    /// This budget with the provider layout named `layout`, whose registered claims take at most
    /// `registered_json_len` bytes as a JSON object and its own claims at most `provider_json_len`.
    ///
    /// ```
    /// # use claims_core::{size::SignatureAlg, TokenBudget};
    /// // {"sub":"u1"} and {"sid":"s1"} make {"sub":"u1","sid":"s1"}
    /// let budget = TokenBudget::new(SignatureAlg::Hs256, 27).with_cookie("s").with_claims("clerk", 12, 12);
    /// assert_eq!(budget.payload_json_len(), Some(23));
    /// ```
    #[must_use]
    pub const fn with_claims(
        self,
        layout: &'a str,
        registered_json_len: usize,
        provider_json_len: usize,
    ) -> Self {
        TokenBudget {
            layout,
            registered: registered_json_len,
            provider: provider_json_len,
            ..self
        }
    }

    /// This budget with custom claims of at most `custom_json_len` bytes as a JSON object (a
    /// `SessionClaims::MAX_JSON_LEN`); `None` when they have no bound, and so neither has the token.
    ///
    /// ```
    /// # use claims_core::{size::SignatureAlg, TokenBudget};
    /// let budget = TokenBudget::new(SignatureAlg::Hs256, 27).with_cookie("s");
    /// assert_eq!(budget.with_custom(Some(14)).payload_json_len(), Some(14));
    /// assert_eq!(budget.with_custom(None).token_len(), None);
    /// ```
    #[must_use]
    pub const fn with_custom(self, custom_json_len: Option<usize>) -> Self {
        TokenBudget {
            custom: custom_json_len,
            ..self
        }
    }

    /// This budget with the provider's rule of thumb for custom claims: the profile named `profile`
    /// advises `budget` (Clerk: 1,200 bytes). It only changes what [`Display`](fmt::Display) says.
    ///
    /// ```
    /// # use claims_core::{size::SignatureAlg, Budget, TokenBudget};
    /// let budget = TokenBudget::new(SignatureAlg::Hs256, 27).with_cookie("s").with_advice("clerk", Budget::bytes(1200));
    /// assert!(budget.to_string().starts_with("clerk advises 1200 bytes of custom claims"));
    /// ```
    #[must_use]
    pub const fn with_advice(self, profile: &'a str, budget: Budget) -> Self {
        TokenBudget {
            advice: Some((profile, budget)),
            ..self
        }
    }

    /// The signature algorithm.
    ///
    /// ```
    /// # use claims_core::{size::SignatureAlg, TokenBudget};
    /// assert_eq!(TokenBudget::new(SignatureAlg::EdDsa, 27).with_cookie("s").alg(), SignatureAlg::EdDsa);
    /// ```
    pub const fn alg(&self) -> SignatureAlg {
        self.alg
    }

    /// The cookie's name.
    ///
    /// ```
    /// # use claims_core::{size::SignatureAlg, TokenBudget};
    /// assert_eq!(TokenBudget::new(SignatureAlg::EdDsa, 27).cookie(), "__session");
    /// ```
    pub const fn cookie(&self) -> &'a str {
        self.cookie
    }

    /// The cookie's limit, in bytes.
    ///
    /// ```
    /// # use claims_core::{size::SignatureAlg, TokenBudget};
    /// assert_eq!(TokenBudget::new(SignatureAlg::EdDsa, 27).with_cookie("s").cookie_limit(), 4096);
    /// ```
    pub const fn cookie_limit(&self) -> usize {
        self.limit
    }

    /// The largest JSON of the registered and provider claims together, one object.
    ///
    /// ```
    /// # use claims_core::{size::SignatureAlg, TokenBudget};
    /// assert_eq!(TokenBudget::new(SignatureAlg::Hs256, 27).with_cookie("s").with_claims("x", 12, 2).head_json_len(), 12);
    /// ```
    pub const fn head_json_len(&self) -> usize {
        merged_object_len(self.registered, self.provider)
    }

    /// The largest payload JSON: every claim spliced into one object; `None` when the custom claims have
    /// no bound.
    ///
    /// ```
    /// # use claims_core::{size::SignatureAlg, TokenBudget};
    /// let budget = TokenBudget::new(SignatureAlg::Hs256, 27).with_cookie("s").with_claims("x", 12, 12).with_custom(Some(14));
    /// assert_eq!(budget.payload_json_len(), Some(r#"{"sub":"u1","sid":"s1","plan":"pro"}"#.len()));
    /// ```
    pub const fn payload_json_len(&self) -> Option<usize> {
        match self.custom {
            Some(custom) => Some(merged_object_len(self.head_json_len(), custom)),
            None => None,
        }
    }

    /// The largest token, in characters (bytes: it is ASCII).
    ///
    /// ```
    /// # use claims_core::{size::SignatureAlg, TokenBudget};
    /// assert_eq!(TokenBudget::new(SignatureAlg::Es256, 27).with_cookie("s").token_len(), Some(36 + 1 + 3 + 1 + 86));
    /// ```
    pub const fn token_len(&self) -> Option<usize> {
        match self.payload_json_len() {
            Some(payload) => Some(jwt_len(self.header, payload, self.alg)),
            None => None,
        }
    }

    /// The bytes the cookie takes with the largest token.
    ///
    /// ```
    /// # use claims_core::{size::SignatureAlg, TokenBudget};
    /// assert_eq!(TokenBudget::new(SignatureAlg::Es256, 27).with_cookie("s").cookie_len(), Some(2 + 127));
    /// ```
    pub const fn cookie_len(&self) -> Option<usize> {
        match self.token_len() {
            Some(token) => Some(cookie_len(self.cookie.len(), self.attributes, token)),
            None => None,
        }
    }

    /// Whether the largest token fits the cookie (`false` when the custom claims have no bound).
    ///
    /// ```
    /// # use claims_core::{size::SignatureAlg, TokenBudget};
    /// let budget = TokenBudget::new(SignatureAlg::Hs256, 27).with_cookie("s");
    /// assert!(budget.with_custom(Some(3000)).fits() && !budget.with_custom(Some(4000)).fits());
    /// assert!(!budget.with_custom(None).fits());
    /// ```
    pub const fn fits(&self) -> bool {
        match self.cookie_len() {
            Some(len) => len <= self.limit,
            None => false,
        }
    }

    /// The most bytes of custom-claims JSON (an object, braces included) that still fit the cookie beside
    /// the largest header, registered and provider claims: the real custom-claims budget, which a
    /// provider's rule of thumb only approximates. `None` when even without custom claims the token is
    /// too long.
    ///
    /// ```
    /// # use claims_core::{size::SignatureAlg, TokenBudget};
    /// let budget = TokenBudget::new(SignatureAlg::Hs256, 27);
    /// let room = budget.custom_room().unwrap();
    /// assert!(budget.with_custom(Some(room)).fits() && !budget.with_custom(Some(room + 1)).fits());
    /// assert_eq!(budget.with_cookie_limit(50).custom_room(), None);
    /// ```
    pub const fn custom_room(&self) -> Option<usize> {
        let fixed = cookie_len(
            self.cookie.len(),
            self.attributes,
            jwt_len(self.header, 0, self.alg),
        );
        if fixed > self.limit {
            return None;
        }
        let payload = json_len_within(self.limit - fixed);
        let head = self.head_json_len();
        if head > payload {
            return None;
        }
        if head <= 2 {
            return Some(payload); // the custom claims are the whole payload
        }
        // Custom claims of `c > 2` bytes make the payload `head + c - 1`; `{}` adds nothing.
        let room = payload - head + 1;
        Some(if room < 2 { 2 } else { room })
    }

    /// The largest part of the token and its bytes before base64url (JSON for the header and claims, raw
    /// bytes for the signature); `None` when the custom claims have no bound.
    ///
    /// ```
    /// # use claims_core::{size::SignatureAlg, TokenBudget, TokenPart};
    /// let budget = TokenBudget::new(SignatureAlg::Rsa { modulus_bits: 4096 }, 27).with_cookie("s");
    /// assert_eq!(budget.largest_part(), Some((TokenPart::Signature, 512)));
    /// assert_eq!(budget.with_custom(Some(600)).largest_part(), Some((TokenPart::Custom, 600)));
    /// ```
    pub const fn largest_part(&self) -> Option<(TokenPart, usize)> {
        let Some(custom) = self.custom else {
            return None;
        };
        let parts = [
            (TokenPart::Header, self.header),
            (TokenPart::Registered, self.registered),
            (TokenPart::Provider, self.provider),
            (TokenPart::Custom, custom),
            (TokenPart::Signature, self.alg.signature_len()),
        ];
        let mut largest = parts[0];
        let mut i = 1;
        while i < parts.len() {
            if parts[i].1 > largest.1 {
                largest = parts[i];
            }
            i += 1;
        }
        Some(largest)
    }

    /// Checks that the largest token fits the cookie. In a `const` item this is a compile-time check that
    /// `cargo check` reports, at the `const`.
    ///
    /// # Panics
    ///
    /// Unless the largest token fits, with a message that states its length, the cookie's length and
    /// limit, the overflow, the largest part and the room left for custom claims.
    ///
    /// ```should_panic
    /// # use claims_core::{size::SignatureAlg, TokenBudget};
    /// TokenBudget::new(SignatureAlg::Hs256, 27).with_cookie("s").with_custom(None).assert();
    /// ```
    #[track_caller]
    pub const fn assert(&self) {
        if let Some(problem) = self.problem() {
            panic!("{}", problem.text());
        }
    }

    /// What keeps the largest token out of the cookie, if anything.
    const fn problem(&self) -> Option<Msg> {
        let (Some(custom), Some(token), Some(cookie), Some((part, part_len))) = (
            self.custom,
            self.token_len(),
            self.cookie_len(),
            self.largest_part(),
        ) else {
            return Some(Msg::new().str(
                "the custom claims have no size bound, so no cookie can be proven to hold the token: bound \
                 every field with `max_len`, `max_items` or `max_json_len`, or derive with `max_size`",
            ));
        };
        if cookie <= self.limit {
            return None;
        }
        let msg = Msg::new()
            .str("the largest token, ")
            .num(token)
            .str(" characters (");
        let msg = alg_name(msg, self.alg);
        let msg = if self.layout.is_empty() {
            msg
        } else {
            msg.str(", layout `").str(self.layout).str("`")
        };
        let msg = msg
            .str("), makes cookie `")
            .str(self.cookie)
            .str("` ")
            .num(cookie)
            .str(" bytes long, ")
            .num(cookie - self.limit)
            .str(" over its limit of ")
            .num(self.limit)
            .str("; the largest part is ");
        let msg = match part {
            TokenPart::Provider if !self.layout.is_empty() => {
                msg.str("the `").str(self.layout).str("` layout's claims")
            }
            _ => msg.str(part.describe()),
        };
        let msg = msg
            .str(", up to ")
            .num(part_len)
            .str(" bytes before base64url; the custom claims take up to ")
            .num(custom)
            .str(" bytes of JSON, ");
        let msg = match self.custom_room() {
            Some(room) => msg.str("and may take at most ").num(room).str(" here"),
            None => msg.str("but the other parts leave no room for any"),
        };
        Some(msg.str(
            "; lower the custom claims' bounds (`max_len`, `max_items`), the layout's bounds or the `kid`'s, \
             or use a shorter signature",
        ))
    }
}

/// A [`TokenBudget`] that owns its names, for a [`crate::SizeReport`] to keep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OwnedTokenBudget {
    budget: TokenBudget<'static>,
    layout: String,
    cookie: String,
    advice: Option<(String, Budget)>,
}

impl OwnedTokenBudget {
    pub(crate) fn new(budget: &TokenBudget<'_>) -> Self {
        OwnedTokenBudget {
            budget: TokenBudget {
                layout: "",
                cookie: "",
                advice: None,
                ..*budget
            },
            layout: budget.layout.to_owned(),
            cookie: budget.cookie.to_owned(),
            advice: budget
                .advice
                .map(|(profile, budget)| (profile.to_owned(), budget)),
        }
    }

    pub(crate) fn borrow(&self) -> TokenBudget<'_> {
        TokenBudget {
            layout: &self.layout,
            cookie: &self.cookie,
            advice: self
                .advice
                .as_ref()
                .map(|(profile, budget)| (profile.as_str(), *budget)),
            ..self.budget
        }
    }
}

/// `RSA-2048`, `HS256`...: what `SignatureAlg`'s `Display` writes, in `const` context.
const fn alg_name(msg: Msg, alg: SignatureAlg) -> Msg {
    let msg = msg.str(alg.name());
    match alg {
        SignatureAlg::Rsa { modulus_bits } => msg.str("-").num(modulus_bits as usize),
        _ => msg,
    }
}

impl fmt::Display for TokenBudget<'_> {
    /// The real custom-claims budget next to the provider's rule of thumb.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some((profile, budget)) = self.advice {
            write!(f, "{profile} advises {budget} of custom claims; ")?;
        }
        write!(f, "your {}", self.alg)?;
        if !self.layout.is_empty() {
            write!(f, " {}", self.layout)?;
        }
        write!(f, " layout in `{}` allows ", self.cookie)?;
        match (self.custom_room(), self.advice) {
            (Some(room), Some(_)) => write!(f, "{room} bytes"),
            (Some(room), None) => write!(f, "{room} bytes of custom claims"),
            (None, _) => f.write_str("no custom claims: the other parts alone overflow the cookie"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::size::{max_payload_len, member_json_len};
    use proptest::prelude::*;

    fn rs2048() -> SignatureAlg {
        SignatureAlg::Rsa { modulus_bits: 2048 }
    }

    #[test]
    fn the_overflow_message_names_every_figure() {
        // 36 + 1 + 4014 (3010 bytes of payload) + 1 + 43 characters
        let budget = TokenBudget::new(SignatureAlg::Hs256, 27).with_custom(Some(3010));
        assert_eq!(budget.token_len(), Some(4095));
        assert_eq!(
            budget.problem().map(|msg| msg.text().to_owned()),
            Some(
                "the largest token, 4095 characters (HS256), makes cookie `__session` 4105 bytes long, 9 over \
                 its limit of 4096; the largest part is the custom claims, up to 3010 bytes before base64url; \
                 the custom claims take up to 3010 bytes of JSON, and may take at most 3003 here; lower the \
                 custom claims' bounds (`max_len`, `max_items`), the layout's bounds or the `kid`'s, or use a \
                 shorter signature"
                    .to_owned()
            )
        );
        assert!(budget.with_custom(Some(3003)).problem().is_none());
        assert!(budget.with_custom(Some(3004)).problem().is_some());
    }

    #[test]
    fn a_layout_and_rsa_key_size_are_named_and_no_room_is_said() {
        let budget = TokenBudget::new(rs2048(), 68)
            .with_claims("stytch", 200, 3000)
            .with_custom(Some(2));
        let text = budget.problem().unwrap().text().to_owned();
        assert!(
            text.starts_with("the largest token, ")
                && text
                    .contains(" characters (RSA-2048, layout `stytch`), makes cookie `__session` ")
                && text.contains("the largest part is the `stytch` layout's claims, up to 3000 bytes")
                && text.contains("the custom claims take up to 2 bytes of JSON, but the other parts leave no room for any"),
            "{text}"
        );
        assert_eq!(
            budget.to_string(),
            "your RSA-2048 stytch layout in `__session` allows no custom claims: the other parts alone \
             overflow the cookie"
        );
    }

    #[test]
    fn unbounded_custom_claims_prove_nothing() {
        let budget = TokenBudget::new(SignatureAlg::Hs256, 27)
            .with_cookie("s")
            .with_custom(None);
        assert_eq!(
            (
                budget.token_len(),
                budget.cookie_len(),
                budget.largest_part(),
                budget.fits()
            ),
            (None, None, None, false)
        );
        assert!(
            budget
                .problem()
                .unwrap()
                .text()
                .starts_with("the custom claims have no size bound")
        );
        // The room does not depend on the custom claims' bound.
        assert_eq!(
            budget.custom_room(),
            budget.with_custom(Some(2)).custom_room()
        );
    }

    #[test]
    fn the_room_agrees_with_max_payload_len() {
        let cookie = CookieSpec::session();
        let budget = TokenBudget::new(rs2048(), 68)
            .in_cookie(&cookie)
            .with_claims("clerk", 400, 600);
        let head = budget.head_json_len();
        assert_eq!(head, 999);
        // the providers.md example: 2,738 bytes of payload; custom claims replace one brace with a comma
        assert_eq!(max_payload_len(&cookie, 68, rs2048()), Some(2738));
        assert_eq!(budget.custom_room(), Some(2738 - 999 + 1));
    }

    #[test]
    fn spliced_objects_count_like_the_written_json() {
        let registered = member_json_len("sub", 4) + 2;
        let provider = member_json_len("sid", 4) + 2;
        let custom = member_json_len("plan", 5) + 2;
        let budget = TokenBudget::new(SignatureAlg::Hs256, 27)
            .with_cookie("s")
            .with_claims("clerk", registered, provider)
            .with_custom(Some(custom));
        assert_eq!(
            budget.payload_json_len(),
            Some(r#"{"sub":"u1","sid":"s1","plan":"pro"}"#.len())
        );
    }

    proptest! {
        #[test]
        fn the_room_is_the_largest_custom_bound_that_fits(
            limit in 0usize..6000,
            header in 20usize..120,
            registered in 2usize..800,
            provider in 2usize..1500,
        ) {
            let budget = TokenBudget::new(rs2048(), header)
                .with_cookie_limit(limit)
                .with_claims("x", registered, provider);
            match budget.custom_room() {
                Some(room) => {
                    prop_assert!(budget.with_custom(Some(room)).fits());
                    prop_assert!(budget.with_custom(Some(2)).fits());
                    prop_assert!(!budget.with_custom(Some(room + 1)).fits());
                }
                None => prop_assert!(!budget.with_custom(Some(2)).fits()),
            }
        }
    }
}
