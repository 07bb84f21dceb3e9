//! Minting: checks first, exact sizes, then one signature.

use std::fmt;
use std::marker::PhantomData;
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use claims_core::profile::FitsProfile;
use claims_core::size::{CookieSpec, JsonSize, SignatureAlg, escaped_len, jwt_len};
use claims_core::{
    Budget, BudgetKind, ClaimsError, ReservedNames, SessionClaims, SizeReport, TokenBudget,
    UpdatePolicy,
};
use serde::Serialize;
use serde::ser::SerializeMap;
use serde_json::Value;

use crate::layout::{CustomReserved, assert_fits};
use crate::proof::layout_budget_of;
use crate::token_bounds::{BoundedLayout, TokenBounds};
use crate::{
    Audience, Clock, CookieProof, Error, Generic, Header, Layout, MAX_KID_LEN, Payload, Registered,
    Segment, SigningKey, Token,
};

/// Mints tokens of layout `L` with one signing key.
///
/// Before signing, [`Minter::mint`] checks the custom claims' declared bounds (`check_bounds`), their
/// names against the layout's reserved names and the registered claims, their size against the
/// custom-claims budget (the layout profile's by default: 1,200 bytes for Clerk), the registered and
/// layout claims against the layout's bounds ([`TokenBounds`], those a [`CookieProof`] counts), and the
/// exact length of the token and of the cookie that carries it (the layout's cookie by default, 4,096
/// bytes). Sizes are computed, not estimated: the token it returns has exactly the length that was
/// checked. Claims holding a non-finite float are refused ([`ClaimsError::NonFinite`]), never written as
/// `null`, and so is a TTL over the maximum lifetime ([`Error::TtlTooLong`]).
///
/// `iat` and `nbf` are the clock's time (`nbf` minus an optional skew), `exp` is `iat` plus the TTL
/// (default 60 s, at most the layout's [`Layout::MAX_LIFETIME`] unless [`Minter::with_max_lifetime`]);
/// `iss` and `aud` are the minter's when configured, else the payload's.
///
/// ```
/// use std::time::Duration;
/// use claims_jwt::{Clerk, Clock, Error, Minter, Payload, SigningKey};
/// use claims_jwt::claims_core::{BudgetKind, ClaimsError};
/// use serde_json::{json, Map, Value};
///
/// let minter = Minter::<Clerk>::new(SigningKey::hs256(b"0123456789abcdef0123456789abcdef")?)
///     .with_clock(Clock::fixed(1_700_000_000))
///     .with_ttl(Duration::from_secs(60));
/// let big: Map<String, Value> = serde_json::from_value(json!({"bio": "x".repeat(1300)}))?;
/// let err = minter.mint(&Payload::new(big).with_subject("user_1")).unwrap_err();
/// assert!(matches!(err, Error::Claims(ClaimsError::OverBudget { kind: BudgetKind::CustomClaims, size: 1310, .. })));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Minter<L: BoundedLayout = Generic> {
    key: SigningKey,
    header_b64: String,
    header_len: usize,
    issuer: Option<String>,
    audience: Option<Audience>,
    ttl: u64,
    max_lifetime: u64,
    not_before_skew: u64,
    clock: Clock,
    cookie: CookieSpec,
    budget: Option<Budget>,
    bounds: TokenBounds<L::Bounds>,
    layout: PhantomData<fn() -> L>,
}

impl<L: BoundedLayout> Clone for Minter<L> {
    fn clone(&self) -> Self {
        Minter {
            key: self.key.clone(),
            header_b64: self.header_b64.clone(),
            header_len: self.header_len,
            issuer: self.issuer.clone(),
            audience: self.audience.clone(),
            ttl: self.ttl,
            max_lifetime: self.max_lifetime,
            not_before_skew: self.not_before_skew,
            clock: self.clock.clone(),
            cookie: self.cookie.clone(),
            budget: self.budget,
            bounds: self.bounds,
            layout: PhantomData,
        }
    }
}

impl<L: BoundedLayout> fmt::Debug for Minter<L> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Minter")
            .field("layout", &L::NAME)
            .field("key", &self.key)
            .field("issuer", &self.issuer)
            .field("audience", &self.audience)
            .field("ttl", &self.ttl)
            .field("max_lifetime", &self.max_lifetime)
            .field("not_before_skew", &self.not_before_skew)
            .field("clock", &self.clock)
            .field("cookie", &self.cookie)
            .field("budget", &self.budget)
            .field("bounds", &self.bounds)
            .finish_non_exhaustive()
    }
}

/// The default token lifetime: 60 seconds, as Clerk's session tokens.
const DEFAULT_TTL: u64 = 60;

impl<L: BoundedLayout> Minter<L> {
    /// A minter signing with `key` (its `kid` goes into every header), with the layout's cookie, budget
    /// and bounds, a 60 s TTL and the system clock.
    ///
    /// ```
    /// # use claims_jwt::{Clerk, Minter, SigningKey};
    /// let minter = Minter::<Clerk>::new(SigningKey::hs256(b"0123456789abcdef0123456789abcdef")?.with_kid("ins_1"));
    /// assert_eq!(minter.header_json_len(), r#"{"alg":"HS256","kid":"ins_1","typ":"JWT"}"#.len());
    /// # Ok::<(), claims_jwt::Error>(())
    /// ```
    pub fn new(key: SigningKey) -> Self {
        let header =
            Header::for_layout::<L>(key.algorithm(), key.kid().map(str::to_owned)).to_json();
        let [bytes, units] = L::CUSTOM_RESERVED.budgets();
        Minter {
            header_b64: URL_SAFE_NO_PAD.encode(&header),
            header_len: header.len(),
            key,
            issuer: None,
            audience: None,
            ttl: DEFAULT_TTL,
            max_lifetime: L::MAX_LIFETIME,
            not_before_skew: 0,
            clock: Clock::system(),
            cookie: L::cookie(),
            budget: bytes.or(units),
            bounds: L::BOUNDS,
            layout: PhantomData,
        }
    }

    /// This minter writing `iss`.
    #[must_use]
    pub fn with_issuer(mut self, issuer: impl Into<String>) -> Self {
        self.issuer = Some(issuer.into());
        self
    }

    /// This minter writing `aud`.
    #[must_use]
    pub fn with_audience(mut self, audience: Audience) -> Self {
        self.audience = Some(audience);
        self
    }

    /// This minter with tokens valid for `ttl` (whole seconds). A TTL over the maximum lifetime (the
    /// layout's [`Layout::MAX_LIFETIME`] unless [`Minter::with_max_lifetime`]) makes [`Minter::mint`]
    /// fail with [`Error::TtlTooLong`], since verifiers would refuse the token.
    ///
    /// ```
    /// # use std::time::Duration;
    /// # use claims_jwt::{Clerk, Error, Minter, Payload, SigningKey};
    /// # use serde_json::{Map, Value};
    /// let key = SigningKey::hs256(b"0123456789abcdef0123456789abcdef")?;
    /// let err = Minter::<Clerk>::new(key).with_ttl(Duration::from_secs(300))
    ///     .mint(&Payload::new(Map::<String, Value>::new())).unwrap_err();
    /// assert_eq!(err, Error::TtlTooLong { ttl: 300, max: 60 });
    /// # Ok::<(), Error>(())
    /// ```
    #[must_use]
    pub fn with_ttl(mut self, ttl: Duration) -> Self {
        self.ttl = ttl.as_secs();
        self
    }

    /// This minter allowing a TTL of up to `max` (whole seconds) instead of the layout's
    /// [`Layout::MAX_LIFETIME`]; give the same maximum to the verifiers
    /// ([`crate::Verifier::with_max_lifetime`]).
    #[must_use]
    pub fn with_max_lifetime(mut self, max: Duration) -> Self {
        self.max_lifetime = max.as_secs();
        self
    }

    /// This minter writing `nbf` `skew` before `iat` (Clerk uses 10 s), for verifiers whose clock is behind.
    #[must_use]
    pub fn with_not_before_skew(mut self, skew: Duration) -> Self {
        self.not_before_skew = skew.as_secs();
        self
    }

    /// This minter reading the time from `clock`.
    #[must_use]
    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    /// This minter checking tokens against `cookie` instead of the layout's, e.g.
    /// `CookieSpec::new("sb-access-token").with_limit(3180)`.
    #[must_use]
    pub fn with_cookie(mut self, cookie: CookieSpec) -> Self {
        self.cookie = cookie;
        self
    }

    /// This minter checking custom claims against `budget` instead of the layout's.
    #[must_use]
    pub fn with_budget(mut self, budget: Budget) -> Self {
        self.budget = Some(budget);
        self
    }

    /// This minter without a custom-claims budget (the cookie limit still holds).
    #[must_use]
    pub fn without_budget(mut self) -> Self {
        self.budget = None;
        self
    }

    /// This minter refusing registered and layout claims outside `bounds` instead of the layout's
    /// defaults ([`BoundedLayout::BOUNDS`]); give the same bounds to the [`CookieProof`], or use
    /// [`Minter::with_proof`].
    ///
    /// ```
    /// use claims_jwt::bounds::{ClerkBounds, RegisteredBounds};
    /// use claims_jwt::{BoundedLayout, Clerk, Error, Minter, Payload, SigningKey};
    /// use serde_json::{Map, Value};
    ///
    /// let bounds = Clerk::BOUNDS.with_registered(RegisteredBounds { sub: Some(8), ..RegisteredBounds::CLERK });
    /// let minter = Minter::<Clerk>::new(SigningKey::hs256(b"0123456789abcdef0123456789abcdef")?).with_bounds(bounds);
    /// let err = minter.mint(&Payload::new(Map::<String, Value>::new()).with_subject("user_123456")).unwrap_err();
    /// assert!(matches!(err, Error::LayoutBound { ref claim, limit: Some(8), actual: 11, .. } if claim == "sub"));
    /// # Ok::<(), Error>(())
    /// ```
    #[must_use]
    pub fn with_bounds(mut self, bounds: TokenBounds<L::Bounds>) -> Self {
        self.bounds = bounds;
        self
    }

    /// This minter held to what `proof` assumed: it takes the proof's bounds and cookie, and refuses
    /// ([`Error::ProofMismatch`]) a proof that assumed a shorter signature or `kid` than this minter's key
    /// writes. From then on, every token it mints is one the proof counted.
    ///
    /// ```
    /// use claims_jwt::claims_core::size::SignatureAlg;
    /// use claims_jwt::{CookieProof, Error, Generic, Minter, SigningKey};
    /// use serde_json::{Map, Value};
    ///
    /// const PROOF: CookieProof<Map<String, Value>, Generic> = CookieProof::new(SignatureAlg::Hs256).kid_len(8);
    /// let key = SigningKey::hs256(b"0123456789abcdef0123456789abcdef")?;
    /// assert!(Minter::<Generic>::new(key.clone().with_kid("2024-01")).with_proof(&PROOF).is_ok());
    /// let err = Minter::<Generic>::new(key.with_kid("2024-01-rotated")).with_proof(&PROOF).unwrap_err();
    /// assert_eq!(err, Error::ProofMismatch { what: "kid", proved: Some(8), actual: 15 });
    /// # Ok::<(), Error>(())
    /// ```
    pub fn with_proof<C: SessionClaims + FitsProfile<L::Profile>>(
        self,
        proof: &CookieProof<C, L>,
    ) -> Result<Self, Error> {
        let (signature, proved) = (
            self.key.signature_alg().signature_len(),
            proof.signature_alg().signature_len(),
        );
        if signature > proved {
            return Err(Error::ProofMismatch {
                what: "signature",
                proved: Some(proved),
                actual: signature,
            });
        }
        if let Some(kid) = self.key.kid() {
            let actual = escaped_len(kid);
            if proof.max_kid_len().is_none_or(|proved| actual > proved) {
                return Err(Error::ProofMismatch {
                    what: "kid",
                    proved: proof.max_kid_len(),
                    actual,
                });
            }
        }
        Ok(Minter {
            bounds: *proof.token_bounds(),
            cookie: proof.cookie_spec(),
            ..self
        })
    }

    /// The bounds of the registered and layout claims this minter enforces.
    ///
    /// ```
    /// # use claims_jwt::{BoundedLayout, Minter, SigningKey, Stytch};
    /// let key = SigningKey::hs256(b"0123456789abcdef0123456789abcdef")?;
    /// assert_eq!(Minter::<Stytch>::new(key).bounds(), &Stytch::BOUNDS);
    /// # Ok::<(), claims_jwt::Error>(())
    /// ```
    pub fn bounds(&self) -> &TokenBounds<L::Bounds> {
        &self.bounds
    }

    /// The largest token this minter can mint without custom claims, against its cookie: the real
    /// custom-claims budget for its layout, bounds, key and cookie ([`TokenBudget::custom_room`]), beside
    /// the layout profile's rule of thumb.
    ///
    /// ```
    /// # use claims_jwt::{Algorithm, Clerk, Minter, SigningKey};
    /// let key = SigningKey::from_rsa_pem(Algorithm::RS256, include_bytes!("../tests/keys/rsa2048.pem"))?
    ///     .with_kid("ins_2pJ8kQ3vX9mN4rT6yW1zB5cD7fGx");
    /// let minter = Minter::<Clerk>::new(key);
    /// let budget = minter.token_budget();
    /// assert_eq!(
    ///     budget.to_string(),
    ///     "clerk advises 1200 bytes of custom claims; your RSA-2048 clerk layout in `__session` allows 1260 bytes"
    /// );
    /// # Ok::<(), claims_jwt::Error>(())
    /// ```
    pub fn token_budget(&self) -> TokenBudget<'_> {
        layout_budget_of::<L>(&self.bounds, self.key.signature_alg(), self.header_len)
            .in_cookie(&self.cookie)
    }

    /// Bytes of the header's JSON (constant for a minter).
    pub fn header_json_len(&self) -> usize {
        self.header_len
    }

    /// The signing key.
    pub fn key(&self) -> &SigningKey {
        &self.key
    }

    /// The cookie tokens are checked against.
    pub fn cookie(&self) -> &CookieSpec {
        &self.cookie
    }

    /// The update policy of [`Minter::reissue`]: the layout's reserved names, the registered claims and
    /// this minter's budget.
    ///
    /// ```
    /// # use claims_jwt::{Clerk, Minter, SigningKey};
    /// use claims_jwt::claims_core::Budget;
    /// let minter = Minter::<Clerk>::new(SigningKey::hs256(b"0123456789abcdef0123456789abcdef")?);
    /// assert_eq!(minter.update_policy().budgets(), [Some(Budget::bytes(1200)), None]);
    /// # Ok::<(), claims_jwt::Error>(())
    /// ```
    pub fn update_policy(&self) -> UpdatePolicy<'static> {
        let policy = UpdatePolicy::new(L::CUSTOM_RESERVED).without_budget();
        match self.budget {
            Some(budget) => policy.with_budget(budget),
            None => policy,
        }
    }

    /// Checks `payload` and mints a token for it; see [`Minter`] for the checks, and [`Error::Claims`] for
    /// what a refusal holds.
    ///
    /// ```
    /// # use claims_jwt::{Clock, Generic, Minter, Payload, SigningKey};
    /// # use serde_json::{Map, Value};
    /// let minter = Minter::<Generic>::new(SigningKey::hs256(b"0123456789abcdef0123456789abcdef")?)
    ///     .with_clock(Clock::fixed(1_700_000_000));
    /// let minted = minter.mint(&Payload::new(Map::<String, Value>::new()).with_subject("user_1"))?;
    /// // {"alg":"HS256","typ":"JWT"} . {"sub":"user_1","exp":1700000060,"nbf":1700000000,"iat":1700000000} . HS256
    /// assert_eq!(minted.len(), 36 + 1 + 90 + 1 + 43);
    /// # Ok::<(), claims_jwt::Error>(())
    /// ```
    pub fn mint<C: SessionClaims + FitsProfile<L::Profile>>(
        &self,
        payload: &Payload<C, L>,
    ) -> Result<Minted, Error> {
        let registered = self.stamp(&payload.registered);
        self.mint_claims(&registered, &payload.layout, &payload.custom)
    }

    /// `registered` as this minter writes it: `iss` and `aud` when configured, the times from the clock.
    fn stamp(&self, registered: &Registered) -> Registered {
        let now = self.clock.now();
        Registered {
            iss: self.issuer.clone().or_else(|| registered.iss.clone()),
            sub: registered.sub.clone(),
            aud: self.audience.clone().or_else(|| registered.aud.clone()),
            exp: Some(now.saturating_add(self.ttl)),
            nbf: Some(now.saturating_sub(self.not_before_skew)),
            iat: Some(now),
            jti: registered.jti.clone(),
        }
    }

    /// Checks the custom claims and mints a token for claims whose registered part is already stamped.
    fn mint_claims<C: SessionClaims>(
        &self,
        registered: &Registered,
        layout: &L,
        custom: &C,
    ) -> Result<Minted, Error> {
        assert_fits::<C, L>();
        if self.ttl > self.max_lifetime {
            return Err(Error::TtlTooLong {
                ttl: self.ttl,
                max: self.max_lifetime,
            });
        }
        // Verifiers refuse a longer `kid` before any key lookup, so such a token could never be used.
        if let Some(kid) = self.key.kid()
            && kid.len() > MAX_KID_LEN
        {
            return Err(Error::KidTooLong {
                len: kid.len(),
                max: MAX_KID_LEN,
            });
        }
        custom.check_bounds()?;
        custom.check_reserved(&L::CUSTOM_RESERVED)?;
        // What a proof counted holds for what is written: no value may outgrow its bound.
        self.bounds.registered().check(
            registered.iss.as_deref(),
            registered.sub.as_deref(),
            registered
                .aud
                .as_ref()
                .map(|aud| (aud.iter().count(), aud.iter())),
            [
                registered.exp.unwrap_or_default(),
                registered.nbf.unwrap_or_default(),
                registered.iat.unwrap_or_default(),
            ],
            registered.jti.as_deref(),
        )?;
        layout.check_bounds(self.bounds.layout())?;

        let head = Head { registered, layout };

        // One buffer: the registered and layout claims, then the custom claims spliced in after them.
        // Written checked (`serde_json` alone would write a NaN as `null`, and recurse once per level of
        // a deep value), in the same pass where it can.
        let hint = C::MAX_JSON_LEN.unwrap_or(1024).min(16 * 1024) + 512;
        let mut json = Vec::with_capacity(hint);
        claims_core::write_checked(&mut json, &head, "claims")?;
        json.pop(); // the head's `}`
        let start = json.len();
        claims_core::write_checked(&mut json, custom, "custom claims")?;
        let custom_len = json.len() - start;
        let custom_json = &json[start..];
        if custom_json.first() != Some(&b'{') {
            return Err(Error::Claims(ClaimsError::NotAnObject {
                what: "custom claims",
                found: json_type_of_text(custom_json),
            }));
        }
        if let Some(budget) = self.budget {
            // The compact JSON just written is exactly what the budget counts, in either unit.
            JsonSize::check_text(custom_json, BudgetKind::CustomClaims, budget)?;
        }
        if custom_len == 2 {
            json.truncate(start); // no custom claims: close the head
            json.push(b'}');
        } else if start == 1 {
            json.remove(start); // no head claims: `{` + `{...}`
        } else {
            json[start] = b',';
        }

        let token_len = jwt_len(self.header_len, json.len(), self.key.signature_alg());
        let cookie_len = self.cookie.check(token_len)?;

        let mut token = String::with_capacity(token_len);
        token.push_str(&self.header_b64);
        token.push('.');
        URL_SAFE_NO_PAD.encode_string(&json, &mut token);
        let signature = self.key.sign(token.as_bytes())?;
        token.push('.');
        token.push_str(&signature);
        debug_assert_eq!(token.len(), token_len, "the computed token length is exact");

        Ok(Minted {
            token,
            cookie_len,
            header_len: self.header_len,
            payload_len: json.len(),
            signature: self.key.signature_alg(),
            cookie: self.cookie.clone(),
            reserved: L::CUSTOM_RESERVED,
            budget: self.budget,
            largest: layout_budget_of::<L>(&self.bounds, self.key.signature_alg(), self.header_len),
            issued_at: registered.iat.unwrap_or_default(),
            expires_at: registered.exp.unwrap_or_default(),
        })
    }

    /// Mints a new token with the same claims as `token` and a new `iat`, `nbf` and `exp`.
    ///
    /// ```
    /// # use claims_jwt::{Clock, Generic, Minter, Payload, SigningKey, Verifier};
    /// # use serde_json::{Map, Value};
    /// let key = SigningKey::hs256(b"0123456789abcdef0123456789abcdef")?;
    /// let minted = Minter::<Generic>::new(key.clone()).with_clock(Clock::fixed(100))
    ///     .mint(&Payload::new(Map::<String, Value>::new()).with_subject("u"))?;
    /// let token = Verifier::<Generic>::new(key.verifying_key()).with_clock(Clock::fixed(120))
    ///     .verify::<Map<String, Value>>(minted.as_str())?;
    /// let fresh = Minter::<Generic>::new(key).with_clock(Clock::fixed(150)).refresh(&token)?;
    /// assert_eq!((fresh.issued_at(), fresh.expires_at()), (150, 210));
    /// # Ok::<(), claims_jwt::Error>(())
    /// ```
    pub fn refresh<C: SessionClaims + FitsProfile<L::Profile>>(
        &self,
        token: &Token<C, L>,
    ) -> Result<Minted, Error> {
        self.mint(token.payload())
    }

    /// Applies the RFC 7396 merge `patch` to `token`'s custom claims under [`Minter::update_policy`] and
    /// mints a token for the result with a new `iat`, `nbf` and `exp`.
    ///
    /// A refused patch ([`Error::Update`]: not an object, too deep, a reserved name, over budget, a
    /// result the claims type cannot hold, or one over a declared bound) or a refused mint leaves `token` as it was and mints nothing.
    /// The patch is read without recursion, so a hostile one nested however deep is refused safely.
    ///
    /// ```
    /// # use claims_jwt::{Clock, Error, ErrorKind, Generic, Minter, Payload, SigningKey, Verifier};
    /// # use serde_json::{json, Map, Value};
    /// let key = SigningKey::hs256(b"0123456789abcdef0123456789abcdef")?;
    /// let minter = Minter::<Generic>::new(key.clone());
    /// let claims: Map<String, Value> = serde_json::from_value(json!({"plan": "free"}))?;
    /// let minted = minter.mint(&Payload::new(claims))?;
    /// let token = Verifier::<Generic>::new(key.verifying_key()).verify::<Map<String, Value>>(minted.as_str())?;
    ///
    /// let reissued = minter.reissue(&token, &json!({"plan": "pro"}))?;
    /// assert_eq!(reissued.payload().custom["plan"], "pro");
    /// assert_eq!(minter.reissue(&token, &json!(["not", "an", "object"])).unwrap_err().kind(), ErrorKind::InvalidUpdate);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reissue<C: SessionClaims + FitsProfile<L::Profile>>(
        &self,
        token: &Token<C, L>,
        patch: &Value,
    ) -> Result<Reissued<C, L>, Error> {
        assert_fits::<C, L>();
        let custom: C =
            claims_core::update_typed_claims(token.claims(), patch, &self.update_policy())
                .map_err(Error::Update)?;
        let payload = Payload {
            registered: self.stamp(token.registered()),
            layout: token.layout().clone(),
            custom,
        };
        let minted = self.mint_claims(&payload.registered, &payload.layout, &payload.custom)?;
        Ok(Reissued { minted, payload })
    }

    /// [`Minter::reissue`] with a typed patch: anything that serializes to an RFC 7396 patch object, such as
    /// the patch companion of `#[derive(SessionClaims)]` or a `serde_json::Map`.
    ///
    /// The patch is checked before it is converted to JSON: a non-finite float is
    /// [`ClaimsError::NonFinite`] naming the claim (JSON would turn it into `null`, which deletes the
    /// claim), and a value nested deeper than JSON claims can be is [`ClaimsError::TooDeep`], found
    /// without overflowing the stack, however deep.
    ///
    /// ```
    /// # use claims_jwt::{Generic, Minter, Payload, SigningKey, Verifier};
    /// # use serde_json::{json, Map, Value};
    /// #[derive(serde::Serialize)]
    /// struct PlanPatch { plan: &'static str }
    ///
    /// let key = SigningKey::hs256(b"0123456789abcdef0123456789abcdef")?;
    /// let minter = Minter::<Generic>::new(key.clone());
    /// let minted = minter.mint(&Payload::new(Map::<String, Value>::new()))?;
    /// let token = Verifier::<Generic>::new(key.verifying_key()).verify::<Map<String, Value>>(minted.as_str())?;
    /// let reissued = minter.reissue_typed(&token, &PlanPatch { plan: "pro" })?;
    /// assert_eq!(Value::Object(reissued.payload().custom.clone()), json!({"plan": "pro"}));
    /// # Ok::<(), claims_jwt::Error>(())
    /// ```
    pub fn reissue_typed<C: SessionClaims + FitsProfile<L::Profile>, P: Serialize + ?Sized>(
        &self,
        token: &Token<C, L>,
        patch: &P,
    ) -> Result<Reissued<C, L>, Error> {
        // Before `to_value`, which would recurse through a deep patch and turn a NaN into a deletion.
        claims_core::check_writable(patch, "patch").map_err(Error::Update)?;
        let patch = serde_json::to_value(patch).map_err(|e| Error::Update(e.into()))?;
        let result = self.reissue(token, &patch);
        claims_core::drop_deep(patch);
        result
    }
}

/// The registered and layout claims, as the opening members of a payload object.
struct Head<'a, L> {
    registered: &'a Registered,
    layout: &'a L,
}

impl<L: Layout> Serialize for Head<'_, L> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        self.registered.serialize_claims(&mut map)?;
        self.layout.serialize_claims(&mut map)?;
        map.end()
    }
}

/// The JSON type of a serialized value that should have been an object, from its first byte.
fn json_type_of_text(json: &[u8]) -> &'static str {
    match json.first() {
        Some(b'[') => "array",
        Some(b'"') => "string",
        Some(b'n') => "null",
        Some(b't' | b'f') => "boolean",
        _ => "number",
    }
}

/// A minted token, with the exact figures it was checked against.
///
/// ```
/// use claims_jwt::{Clock, Generic, Minter, Payload, SigningKey};
/// use serde_json::{Map, Value};
///
/// let minted = Minter::<Generic>::new(SigningKey::hs256(b"0123456789abcdef0123456789abcdef")?)
///     .with_clock(Clock::fixed(1_700_000_000))
///     .mint(&Payload::new(Map::<String, Value>::new()))?;
/// assert_eq!(minted.payload_json_len(), r#"{"exp":1700000060,"nbf":1700000000,"iat":1700000000}"#.len());
/// assert_eq!((minted.issued_at(), minted.expires_at()), (1_700_000_000, 1_700_000_060));
/// assert_eq!(minted.len(), minted.as_str().len());
/// assert_eq!(minted.cookie_len(), "__session=".len() + minted.len());
/// assert_eq!(minted.to_string(), minted.as_str());
/// # Ok::<(), claims_jwt::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Minted {
    token: String,
    cookie_len: usize,
    header_len: usize,
    payload_len: usize,
    signature: SignatureAlg,
    cookie: CookieSpec,
    reserved: ReservedNames<'static>,
    budget: Option<Budget>,
    /// The largest token of the minter's layout and bounds, for the report's real custom-claims budget.
    largest: TokenBudget<'static>,
    issued_at: u64,
    expires_at: u64,
}

impl Minted {
    /// The compact token.
    pub fn as_str(&self) -> &str {
        &self.token
    }

    /// The compact token, by value.
    pub fn into_string(self) -> String {
        self.token
    }

    /// The token's length in bytes (it is ASCII).
    pub fn len(&self) -> usize {
        self.token.len()
    }

    /// Always `false`: a token has at least its two dots.
    pub fn is_empty(&self) -> bool {
        self.token.is_empty()
    }

    /// Bytes the cookie takes: `name=token` plus the counted attributes.
    pub fn cookie_len(&self) -> usize {
        self.cookie_len
    }

    /// Bytes of the payload's compact JSON.
    pub fn payload_json_len(&self) -> usize {
        self.payload_len
    }

    /// `iat`.
    pub fn issued_at(&self) -> u64 {
        self.issued_at
    }

    /// `exp`.
    pub fn expires_at(&self) -> u64 {
        self.expires_at
    }

    /// What each claim takes in the payload and the token, against the budget and the cookie.
    ///
    /// ```
    /// use claims_jwt::{Clerk, Minter, Payload, SigningKey};
    /// use serde_json::{json, Map, Value};
    ///
    /// let claims: Map<String, Value> = serde_json::from_value(json!({"plan": "pro"}))?;
    /// let minted = Minter::<Clerk>::new(SigningKey::hs256(b"0123456789abcdef0123456789abcdef")?).mint(&Payload::new(claims).with_subject("u"))?;
    /// let report = minted.size_report()?;
    /// assert_eq!(report.token_len(), Some(minted.len()));
    /// assert_eq!(report.custom().bytes, r#"{"plan":"pro"}"#.len());
    /// assert_eq!(report.headroom(), Some(1200 - 14));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn size_report(&self) -> Result<SizeReport, Error> {
        let payload = self.token.split('.').nth(1).unwrap_or_default();
        let json = URL_SAFE_NO_PAD
            .decode(payload)
            .map_err(|e| Error::malformed(Segment::Payload, e.to_string()))?;
        let report = SizeReport::from_json(&json, &self.reserved)?
            .with_token(self.header_len, self.signature, self.cookie.clone())
            .with_token_budget(&self.largest.in_cookie(&self.cookie));
        Ok(match self.budget {
            Some(budget) => report.with_budget(budget),
            None => report,
        })
    }
}

impl fmt::Display for Minted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.token)
    }
}

impl AsRef<str> for Minted {
    fn as_ref(&self) -> &str {
        &self.token
    }
}

/// The result of [`Minter::reissue`]: the new token and the claims it carries.
///
/// ```
/// # use claims_jwt::{Generic, Minter, Payload, SigningKey, Verifier};
/// # use serde_json::{json, Map, Value};
/// let key = SigningKey::hs256(b"0123456789abcdef0123456789abcdef")?;
/// let minter = Minter::<Generic>::new(key.clone());
/// let minted = minter.mint(&Payload::new(Map::<String, Value>::new()))?;
/// let token = Verifier::<Generic>::new(key.verifying_key()).verify::<Map<String, Value>>(minted.as_str())?;
/// let reissued = minter.reissue(&token, &json!({"plan": "pro"}))?;
/// let (minted, payload) = reissued.into_parts();
/// assert_eq!(payload.registered.exp, Some(minted.expires_at()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Reissued<C, L = Generic> {
    minted: Minted,
    payload: Payload<C, L>,
}

impl<C, L> Reissued<C, L> {
    /// The new token.
    pub fn minted(&self) -> &Minted {
        &self.minted
    }

    /// The claims of the new token, with its times.
    pub fn payload(&self) -> &Payload<C, L> {
        &self.payload
    }

    /// Both, by value.
    pub fn into_parts(self) -> (Minted, Payload<C, L>) {
        (self.minted, self.payload)
    }
}
