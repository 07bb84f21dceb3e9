//! [`CookieProof`]: a compile-time proof that the largest token an application can mint fits the cookie
//! that carries it, and [`layout_budget`], the same figures for a person.

use std::fmt;
use std::marker::PhantomData;

use claims_core::profile::{FitsProfile, ProfileMarker};
use claims_core::size::{COOKIE_LIMIT, CookieSpec, SignatureAlg};
use claims_core::{SessionClaims, TokenBudget};

use crate::header::{DEFAULT_MAX_HEADER_LEN, MAX_KID_LEN};
use crate::token_bounds::{BoundedLayout, TokenBounds};
use crate::{Clerk, Generic, Header, Layout, Stytch};

/// A proof, checked by the compiler, that the largest token an application can mint fits its cookie:
/// custom claims `C` at their bound (`SessionClaims::MAX_JSON_LEN`), layout `L`'s registered and provider
/// claims at their bounds ([`TokenBounds`]), the header with the longest `kid`, and the signature of an
/// algorithm and key size.
///
/// Providers give rules of thumb because they cannot know the token (Clerk: "keep custom claims under
/// 1.2 KB"); this proof counts the real one. Write it once beside the claims type, as a `const`: `cargo
/// check` evaluates it, and a token that could outgrow the cookie is a compile error stating the largest
/// token, the cookie's limit, the overflow, the largest part and how much custom-claims JSON would fit.
/// Give the proof to the minter ([`crate::Minter::with_proof`]): it then refuses any value outside the
/// bounds the proof counted, and a key with a longer signature or `kid`, so no data can break the proof.
///
/// ```
/// use claims_jwt::claims_core::size::SignatureAlg;
/// use claims_jwt::{Clerk, CookieProof, Minter, SessionClaims, SigningKey};
///
/// #[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
/// #[claims(profile = "clerk")]
/// #[serde(rename_all = "camelCase")]
/// struct AppClaims {
///     #[claims(max_len = 64)]
///     full_name: String,
///     #[claims(max_len = 254)]
///     primary_email: String,
///     #[claims(max_items = 24, max_len = 34)]
///     roles: Vec<String>,
/// }
///
/// // RS256 with a 2048-bit key, a `kid` of up to 32 bytes, Clerk's claims at their default bounds, the
/// // `__session` cookie: the largest token fits, or this does not compile.
/// const PROOF: CookieProof<AppClaims, Clerk> =
///     CookieProof::new(SignatureAlg::Rsa { modulus_bits: 2048 }).kid_len(32).assert();
///
/// // Over Clerk's rule of thumb, within the real budget.
/// assert_eq!(AppClaims::MAX_JSON_LEN, Some(1249));
/// let budget = PROOF.budget();
/// assert_eq!(budget.custom_room(), Some(1260));
/// assert_eq!(budget.cookie_len(), Some(4081)); // of 4096
/// assert_eq!(
///     budget.to_string(),
///     "clerk advises 1200 bytes of custom claims; your RSA-2048 clerk layout in `__session` allows 1260 bytes"
/// );
///
/// let key = SigningKey::from_rsa_pem(claims_jwt::Algorithm::RS256, include_bytes!("../tests/keys/rsa2048.pem"))?
///     .with_kid("ins_2pJ8kQ3vX9mN4rT6yW1zB5cD7fG");
/// let minter = Minter::<Clerk>::new(key).with_proof(&PROOF)?;
/// # Ok::<(), claims_jwt::Error>(())
/// ```
///
/// One more byte per role, and the same struct no longer fits:
///
/// ```compile_fail
/// # use claims_jwt::claims_core::size::SignatureAlg;
/// # use claims_jwt::{Clerk, CookieProof, SessionClaims};
/// # #[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
/// # #[claims(profile = "clerk")]
/// # struct AppClaims {
/// #     #[claims(max_len = 64)]
/// #     full_name: String,
/// #     #[claims(max_len = 254)]
/// #     primary_email: String,
/// #     #[claims(max_items = 24, max_len = 35)]
/// #     roles: Vec<String>,
/// # }
/// // error: the largest token, 4103 characters (RSA-2048, layout `clerk`), makes cookie `__session` ...
/// const PROOF: CookieProof<AppClaims, Clerk> =
///     CookieProof::new(SignatureAlg::Rsa { modulus_bits: 2048 }).kid_len(32).assert();
/// ```
pub struct CookieProof<C, L: BoundedLayout> {
    alg: SignatureAlg,
    kid_len: Option<usize>,
    bounds: TokenBounds<L::Bounds>,
    cookie: &'static str,
    attributes: &'static str,
    limit: usize,
    claims: PhantomData<fn() -> C>,
}

impl<C: SessionClaims + FitsProfile<L::Profile>, L: BoundedLayout> CookieProof<C, L> {
    /// A proof for tokens signed with `alg` (its size class: `SignatureAlg::Rsa { modulus_bits: 2048 }`
    /// for RS256 or PS256 with a 2048-bit key), without a `kid`, with the layout's default bounds
    /// ([`BoundedLayout::BOUNDS`]), in the layout's cookie ([`Layout::COOKIE_NAME`]) of 4,096 bytes.
    ///
    /// ```
    /// # use claims_jwt::claims_core::size::SignatureAlg;
    /// # use claims_jwt::{CookieProof, Stytch};
    /// let proof = CookieProof::<serde_json::Map<String, serde_json::Value>, Stytch>::new(SignatureAlg::Es256);
    /// assert_eq!(proof.budget().cookie(), "stytch_session_jwt");
    /// ```
    pub const fn new(alg: SignatureAlg) -> Self {
        CookieProof {
            alg,
            kid_len: None,
            bounds: L::BOUNDS,
            cookie: L::COOKIE_NAME,
            attributes: "",
            limit: COOKIE_LIMIT,
            claims: PhantomData,
        }
    }

    /// This proof with a `kid` in the header, of at most `kid_len` bytes once JSON-escaped; at most
    /// [`crate::MAX_KID_LEN`], the longest `kid` verifiers accept ([`CookieProof::assert`] checks it).
    ///
    /// ```
    /// # use claims_jwt::claims_core::size::SignatureAlg;
    /// # use claims_jwt::{CookieProof, Generic, Header};
    /// let proof = CookieProof::<serde_json::Map<String, serde_json::Value>, Generic>::new(SignatureAlg::Hs256);
    /// assert_eq!(proof.kid_len(8).budget().token_len(), proof.budget().token_len().map(|n| n + 23));
    /// ```
    #[must_use]
    pub const fn kid_len(self, kid_len: usize) -> Self {
        CookieProof {
            kid_len: Some(kid_len),
            ..self
        }
    }

    /// This proof with other bounds for the registered and layout claims.
    ///
    /// ```
    /// # use claims_jwt::claims_core::size::SignatureAlg;
    /// use claims_jwt::bounds::ClerkBounds;
    /// use claims_jwt::{BoundedLayout, Clerk, CookieProof};
    ///
    /// let proof = CookieProof::<serde_json::Map<String, serde_json::Value>, Clerk>::new(SignatureAlg::Es256);
    /// let lean = proof.bounds(Clerk::BOUNDS.with_layout(ClerkBounds { o: None, act: None, ..ClerkBounds::DEFAULT }));
    /// assert_eq!(lean.budget().custom_room().unwrap() - proof.budget().custom_room().unwrap(), 717);
    /// ```
    #[must_use]
    pub const fn bounds(self, bounds: TokenBounds<L::Bounds>) -> Self {
        CookieProof { bounds, ..self }
    }

    /// This proof in the cookie named `name` instead of the layout's.
    ///
    /// ```
    /// # use claims_jwt::claims_core::size::SignatureAlg;
    /// # use claims_jwt::{CookieProof, Generic};
    /// let proof = CookieProof::<serde_json::Map<String, serde_json::Value>, Generic>::new(SignatureAlg::Hs256);
    /// assert_eq!(proof.cookie("sid").budget().cookie_len(), proof.budget().cookie_len().map(|n| n - 6));
    /// ```
    #[must_use]
    pub const fn cookie(self, name: &'static str) -> Self {
        CookieProof {
            cookie: name,
            ..self
        }
    }

    /// This proof with the cookie limited to `limit` bytes (4,096 by default; Supabase splits at 3,180).
    ///
    /// ```
    /// # use claims_jwt::claims_core::size::SignatureAlg;
    /// # use claims_jwt::{CookieProof, Generic};
    /// let proof = CookieProof::<serde_json::Map<String, serde_json::Value>, Generic>::new(SignatureAlg::Hs256);
    /// assert_eq!(proof.cookie_limit(3180).budget().cookie_limit(), 3180);
    /// ```
    #[must_use]
    pub const fn cookie_limit(self, limit: usize) -> Self {
        CookieProof { limit, ..self }
    }

    /// This proof counting the `Set-Cookie` attributes with the cookie (as older Chromium counted the whole
    /// line), written as they follow the value, e.g. `"; Path=/; Secure; HttpOnly"`.
    ///
    /// ```
    /// # use claims_jwt::claims_core::size::SignatureAlg;
    /// # use claims_jwt::{CookieProof, Generic};
    /// let proof = CookieProof::<serde_json::Map<String, serde_json::Value>, Generic>::new(SignatureAlg::Hs256);
    /// let strict = proof.cookie_attributes("; Secure");
    /// assert_eq!(strict.budget().cookie_len(), proof.budget().cookie_len().map(|n| n + 8));
    /// ```
    #[must_use]
    pub const fn cookie_attributes(self, attributes: &'static str) -> Self {
        CookieProof { attributes, ..self }
    }

    /// The largest token, part by part, against the cookie: what [`CookieProof::assert`] checks, and the
    /// real custom-claims budget ([`TokenBudget::custom_room`]).
    ///
    /// ```
    /// # use claims_jwt::claims_core::size::SignatureAlg;
    /// # use claims_jwt::{CookieProof, Generic};
    /// let proof = CookieProof::<serde_json::Map<String, serde_json::Value>, Generic>::new(SignatureAlg::Hs256);
    /// assert_eq!(proof.budget().token_len(), None); // a map has no bound
    /// assert!(proof.budget().custom_room().is_some());
    /// ```
    pub const fn budget(&self) -> TokenBudget<'static> {
        layout_budget_of::<L>(&self.bounds, self.alg, Header::json_len::<L>(self.kid_len))
            .with_cookie(self.cookie)
            .with_cookie_limit(self.limit)
            .with_cookie_attributes_len(self.attributes.len())
            .with_custom(C::MAX_JSON_LEN)
    }

    /// This proof, once the largest token is checked to fit the cookie. In a `const` item the check is
    /// made by the compiler, and `cargo check` reports a failure at the `const`.
    ///
    /// # Panics
    ///
    /// When the largest token does not fit, or the custom claims have no bound, with a message stating
    /// the largest token, the cookie's length and limit, the overflow, the largest part and the room left
    /// for custom claims ([`TokenBudget::assert`]); and when the proof's `kid` bound is over
    /// [`crate::MAX_KID_LEN`], since a verifier refuses such a `kid` ([`crate::Error::KidTooLong`]).
    ///
    /// ```should_panic
    /// # use claims_jwt::claims_core::size::SignatureAlg;
    /// # use claims_jwt::{CookieProof, Generic};
    /// // a map's claims have no bound, so no cookie can be proven to hold them
    /// CookieProof::<serde_json::Map<String, serde_json::Value>, Generic>::new(SignatureAlg::Hs256).assert();
    /// ```
    #[track_caller]
    #[must_use]
    pub const fn assert(self) -> Self {
        if let Some(kid_len) = self.kid_len {
            assert!(
                kid_len <= MAX_KID_LEN,
                "the proof's `kid_len` is over `claims_jwt::MAX_KID_LEN`, the longest `kid` verifiers \
                 accept: tokens with such a `kid` would be refused; lower `kid_len`"
            );
        }
        self.budget().assert();
        self
    }

    /// The signature's size class the proof assumed.
    ///
    /// ```
    /// # use claims_jwt::claims_core::size::SignatureAlg;
    /// # use claims_jwt::{CookieProof, Generic};
    /// let proof = CookieProof::<serde_json::Map<String, serde_json::Value>, Generic>::new(SignatureAlg::EdDsa);
    /// assert_eq!(proof.signature_alg(), SignatureAlg::EdDsa);
    /// ```
    pub const fn signature_alg(&self) -> SignatureAlg {
        self.alg
    }

    /// The longest `kid` the proof assumed, in JSON-escaped bytes; `None`: no `kid`.
    ///
    /// ```
    /// # use claims_jwt::claims_core::size::SignatureAlg;
    /// # use claims_jwt::{CookieProof, Generic};
    /// let proof = CookieProof::<serde_json::Map<String, serde_json::Value>, Generic>::new(SignatureAlg::EdDsa);
    /// assert_eq!((proof.max_kid_len(), proof.kid_len(4).max_kid_len()), (None, Some(4)));
    /// ```
    pub const fn max_kid_len(&self) -> Option<usize> {
        self.kid_len
    }

    /// The bounds the proof counted.
    ///
    /// ```
    /// # use claims_jwt::claims_core::size::SignatureAlg;
    /// # use claims_jwt::{BoundedLayout, CookieProof, Stytch};
    /// let proof = CookieProof::<serde_json::Map<String, serde_json::Value>, Stytch>::new(SignatureAlg::EdDsa);
    /// assert_eq!(proof.token_bounds(), &Stytch::BOUNDS);
    /// ```
    pub const fn token_bounds(&self) -> &TokenBounds<L::Bounds> {
        &self.bounds
    }

    /// The cookie the proof counted.
    ///
    /// ```
    /// # use claims_jwt::claims_core::size::{CookieSpec, SignatureAlg};
    /// # use claims_jwt::{CookieProof, Generic};
    /// let proof = CookieProof::<serde_json::Map<String, serde_json::Value>, Generic>::new(SignatureAlg::EdDsa);
    /// assert_eq!(proof.cookie_spec(), CookieSpec::session());
    /// ```
    pub fn cookie_spec(&self) -> CookieSpec {
        CookieSpec::new(self.cookie)
            .with_limit(self.limit)
            .with_attributes(self.attributes)
    }
}

// Written out: derives would require `C: Clone` and `C: Debug` of the claims type.
impl<C, L: BoundedLayout> Clone for CookieProof<C, L> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<C, L: BoundedLayout> Copy for CookieProof<C, L> {}

impl<C, L: BoundedLayout> fmt::Debug for CookieProof<C, L> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CookieProof")
            .field("layout", &L::NAME)
            .field("alg", &self.alg)
            .field("kid_len", &self.kid_len)
            .field("bounds", &self.bounds)
            .field("cookie", &self.cookie)
            .field("attributes", &self.attributes)
            .field("limit", &self.limit)
            .finish_non_exhaustive()
    }
}

// A proof's `kid` is at most `MAX_KID_LEN` escaped bytes (`CookieProof::assert`), so the header it counts
// is one every verifier reads: its base64url is within the header cap.
const _: () = assert!(
    claims_core::size::base64url_len(Header::json_len::<Generic>(Some(MAX_KID_LEN)))
        <= DEFAULT_MAX_HEADER_LEN,
    "a header with the longest `kid` verifiers accept is over their header cap"
);

/// The largest token of layout `L` under `bounds`, signed with `alg`, with a header of
/// `header_json_len` bytes, in the layout's cookie, without custom claims; with the layout profile's
/// custom-claims budget as the rule of thumb.
pub(crate) const fn layout_budget_of<L: BoundedLayout>(
    bounds: &TokenBounds<L::Bounds>,
    alg: SignatureAlg,
    header_json_len: usize,
) -> TokenBudget<'static> {
    let budget = TokenBudget::new(alg, header_json_len)
        .with_cookie(L::COOKIE_NAME)
        .with_claims(
            L::NAME,
            bounds.registered_json_len(),
            bounds.layout_json_len(),
        );
    match <L::Profile as ProfileMarker>::PROFILE {
        Some(profile) => match profile.budget() {
            Some(advice) => budget.with_advice(profile.name(), advice),
            None => budget,
        },
        None => budget,
    }
}

/// The largest token of the built-in layout named `layout` ([`Layout::NAME`]: `generic`, `clerk`,
/// `stytch`) at its default bounds, signed with `alg` with a `kid` of at most `kid_len` JSON-escaped
/// bytes, in `cookie`; `None` for another name. For a command line or a report that shows the real
/// custom-claims budget beside the provider's rule of thumb; a typed application uses
/// [`CookieProof::budget`] or [`crate::Minter::token_budget`].
///
/// ```
/// use claims_jwt::claims_core::size::{CookieSpec, SignatureAlg};
///
/// let cookie = CookieSpec::session();
/// let budget = claims_jwt::layout_budget("clerk", SignatureAlg::Hs256, Some(32), &cookie).unwrap();
/// assert_eq!(
///     budget.to_string(),
///     "clerk advises 1200 bytes of custom claims; your HS256 clerk layout in `__session` allows 1484 bytes"
/// );
/// assert!(claims_jwt::layout_budget("firebase", SignatureAlg::Hs256, None, &CookieSpec::session()).is_none());
/// ```
pub fn layout_budget<'a>(
    layout: &str,
    alg: SignatureAlg,
    kid_len: Option<usize>,
    cookie: &'a CookieSpec,
) -> Option<TokenBudget<'a>> {
    fn of<L: BoundedLayout>(
        alg: SignatureAlg,
        kid_len: Option<usize>,
        cookie: &CookieSpec,
    ) -> TokenBudget<'_> {
        layout_budget_of::<L>(&L::BOUNDS, alg, Header::json_len::<L>(kid_len)).in_cookie(cookie)
    }
    match layout {
        Generic::NAME => Some(of::<Generic>(alg, kid_len, cookie)),
        Clerk::NAME => Some(of::<Clerk>(alg, kid_len, cookie)),
        Stytch::NAME => Some(of::<Stytch>(alg, kid_len, cookie)),
        _ => None,
    }
}
