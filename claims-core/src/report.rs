//! [`SizeReport`]: where the bytes of a session token go, claim by claim.

use std::fmt;

use serde::Serialize;
use serde_json::{Map, Value};

use claims_profiles::{Budget, Profile, ReservedNames};

use crate::error::{BudgetKind, ClaimsError};
use crate::size::{
    CookieSpec, JsonSize, SignatureAlg, base64url_len, json_size, jwt_len, max_payload_len,
    member_size,
};
use crate::token_budget::{OwnedTokenBudget, TokenBudget};
use crate::value::{drop_deep, expect_object, json_type};

/// One top-level claim's share of a token, as listed by [`SizeReport::claims`].
///
/// ```
/// # use claims_core::{ReservedNames, SizeReport};
/// let report = SizeReport::from_claims(&serde_json::json!({"sub": "u1"}), &ReservedNames::RFC7519)?;
/// let sub = &report.claims()[0];
/// assert_eq!((sub.name.as_str(), sub.custom, sub.json.bytes, sub.token_chars), ("sub", false, 10, 13));
/// # Ok::<(), claims_core::ClaimsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimSize {
    /// The claim name.
    pub name: String,
    /// Whether it is a custom claim (not reserved by the report's policy) and so counts against the budget.
    pub custom: bool,
    /// Its bytes in the payload JSON: `"name":value`, plus the `,` before it unless it comes first.
    pub json: JsonSize,
    /// Its characters in the base64url payload segment of the token. Base64 packs 3 bytes into 4
    /// characters, so a claim's share is taken over its byte range; the shares add up to the segment.
    pub token_chars: usize,
}

/// The figures of a whole token, when the report knows its header, algorithm and cookie.
#[derive(Debug, Clone, PartialEq, Eq)]
struct TokenFigures {
    header_bytes: usize,
    alg: SignatureAlg,
    token_len: usize,
    cookie: CookieSpec,
    cookie_len: usize,
}

/// Where the bytes of a session token go: each top-level claim's bytes in the payload and in the token,
/// its share (of the custom-claims budget for a custom claim, of the payload for the others, each labelled
/// registered or provider), the totals and the headroom.
///
/// All figures are exact: the payload total equals `serde_json::to_vec(payload).len()`, and with a token
/// layout the token length equals that of the token a signer produces for these claims in this order.
///
/// ```
/// use claims_core::size::{CookieSpec, SignatureAlg};
/// use claims_core::{Budget, Profile, ReservedNames, SizeReport};
/// use serde_json::json;
///
/// let payload = json!({
///     "sub": "user_2abc", "exp": 1700000300, "iat": 1700000000,
///     "fullName": "Ada Lovelace", "roles": ["admin", "billing"],
/// });
/// let clerk = ReservedNames::from_profiles(&[&Profile::CLERK]);
/// let report = SizeReport::from_claims(&payload, &clerk)?
///     .with_token(45, SignatureAlg::Rsa { modulus_bits: 2048 }, CookieSpec::session());
///
/// assert_eq!(report.payload().bytes, serde_json::to_vec(&payload)?.len());
/// assert_eq!(report.custom().bytes, r#"{"fullName":"Ada Lovelace","roles":["admin","billing"]}"#.len());
/// assert_eq!(report.budget(), Some(Budget::bytes(1200)));
/// assert_eq!(report.headroom(), Some(1200 - 55));
/// assert_eq!(report.payload().bytes, 107);
/// assert_eq!(report.token_len(), Some(60 + 1 + 143 + 1 + 342));
/// assert_eq!(report.cookie_len(), Some(10 + 547));
/// println!("{report}");
/// # Ok::<(), claims_core::ClaimsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SizeReport {
    claims: Vec<ClaimSize>,
    payload: JsonSize,
    custom: JsonSize,
    budget: Option<Budget>,
    token: Option<TokenFigures>,
    largest: Option<OwnedTokenBudget>,
}

impl SizeReport {
    /// Measures `payload`, counting as custom every claim that `reserved` does not reserve (Stytch's
    /// definition of custom claims), with the tightest budget of `reserved`'s profiles (bytes first).
    ///
    /// ```
    /// use claims_core::{ReservedNames, SizeReport};
    /// let payload = serde_json::json!({"exp": 1, "plan": "pro"});
    /// let report = SizeReport::new(payload.as_object().unwrap(), &ReservedNames::RFC7519);
    /// assert_eq!(report.claims().len(), 2);
    /// assert_eq!(report.custom().bytes, r#"{"plan":"pro"}"#.len());
    /// assert_eq!(report.budget(), None);
    /// ```
    pub fn new(payload: &Map<String, Value>, reserved: &ReservedNames<'_>) -> Self {
        Self::from_members(
            payload.iter().map(|(name, value)| (name.as_str(), value)),
            reserved,
        )
    }

    /// Measures the compact JSON text of a payload (e.g. a token's decoded payload segment), claim by
    /// claim in the order the text has them, so each claim's share of the base64url segment is exactly
    /// its own. Refuses text that is not a JSON object, or that names a claim twice.
    ///
    /// ```
    /// use claims_core::{ClaimsError, ReservedNames, SizeReport};
    ///
    /// let report = SizeReport::from_json(br#"{"sub":"u1","exp":1,"plan":"pro"}"#, &ReservedNames::RFC7519)?;
    /// let names: Vec<&str> = report.claims().iter().map(|c| c.name.as_str()).collect();
    /// assert_eq!(names, ["sub", "exp", "plan"]); // as written, not sorted
    /// assert_eq!(report.payload().bytes, 33);
    ///
    /// let err = SizeReport::from_json(br#"{"a":1,"a":2}"#, &ReservedNames::RFC7519).unwrap_err();
    /// assert_eq!(err, ClaimsError::DuplicateClaim { name: "a".into() });
    /// # Ok::<(), ClaimsError>(())
    /// ```
    pub fn from_json(json: &[u8], reserved: &ReservedNames<'_>) -> Result<Self, ClaimsError> {
        let members = match serde_json::from_slice::<Members>(json)? {
            Members::Object(members) => members,
            Members::Other(value) => {
                return Err(ClaimsError::NotAnObject {
                    what: "claims",
                    found: json_type(&value),
                });
            }
        };
        let mut names: Vec<&str> = members.iter().map(|(name, _)| name.as_str()).collect();
        names.sort_unstable();
        if let Some(pair) = names.windows(2).find(|pair| pair[0] == pair[1]) {
            return Err(ClaimsError::DuplicateClaim {
                name: pair[0].to_owned(),
            });
        }
        let report = Self::from_members(
            members.iter().map(|(name, value)| (name.as_str(), value)),
            reserved,
        );
        for (_, value) in members {
            drop_deep(value);
        }
        Ok(report)
    }

    fn from_members<'v>(
        payload: impl ExactSizeIterator<Item = (&'v str, &'v Value)>,
        reserved: &ReservedNames<'_>,
    ) -> Self {
        let mut claims = Vec::with_capacity(payload.len());
        let mut offset = 1; // after `{`
        let mut custom = JsonSize::default();
        let mut customs = 0usize;
        for (i, (name, value)) in payload.enumerate() {
            let mut json = member_size(name, value);
            let is_custom = reserved.check(name).is_none();
            if is_custom {
                custom.bytes += json.bytes;
                custom.utf16_units += json.utf16_units;
                customs += 1;
            }
            if i > 0 {
                json.bytes += 1;
                json.utf16_units += 1;
            }
            let token_chars = base64url_len(offset + json.bytes) - base64url_len(offset);
            offset += json.bytes;
            claims.push(ClaimSize {
                name: name.to_owned(),
                custom: is_custom,
                json,
                token_chars,
            });
        }
        let punctuation = |n: usize| 2 + n.saturating_sub(1);
        let payload_size = JsonSize {
            bytes: offset + 1,
            utf16_units: claims.iter().map(|c| c.json.utf16_units).sum::<usize>() + 2,
        };
        custom.bytes += punctuation(customs);
        custom.utf16_units += punctuation(customs);
        let [bytes, units] = reserved.budgets();
        SizeReport {
            claims,
            payload: payload_size,
            custom,
            budget: bytes.or(units),
            token: None,
            largest: None,
        }
    }

    /// Serializes `claims` (an object: a whole payload, or the custom claims alone) and measures it as
    /// [`SizeReport::new`] does.
    ///
    /// ```
    /// use claims_core::{ClaimsError, ReservedNames, SizeReport};
    /// let err = SizeReport::from_claims(&[1, 2], &ReservedNames::RFC7519).unwrap_err();
    /// assert_eq!(err, ClaimsError::NotAnObject { what: "claims", found: "array" });
    /// ```
    pub fn from_claims<T: Serialize + ?Sized>(
        claims: &T,
        reserved: &ReservedNames<'_>,
    ) -> Result<Self, ClaimsError> {
        // `to_value` recurses once per level: measure first, which refuses a value nested too deep.
        json_size(claims)?;
        let value = serde_json::to_value(claims)?;
        let report = SizeReport::new(expect_object(&value, "claims")?, reserved);
        drop_deep(value);
        Ok(report)
    }

    /// This report measured against `budget` instead of the profiles' budget.
    ///
    /// ```
    /// # use claims_core::{Budget, ReservedNames, SizeReport};
    /// let payload = serde_json::json!({"plan": "pro"});
    /// let report = SizeReport::from_claims(&payload, &ReservedNames::RFC7519)?.with_budget(Budget::bytes(100));
    /// assert_eq!(report.headroom(), Some(100 - 14));
    /// # Ok::<(), claims_core::ClaimsError>(())
    /// ```
    #[must_use]
    pub fn with_budget(self, budget: Budget) -> Self {
        SizeReport {
            budget: Some(budget),
            ..self
        }
    }

    /// This report with the whole token figured in: a header of `header_json_len` bytes of JSON, the
    /// signature of `alg`, and the cookie that carries it.
    ///
    /// ```
    /// # use claims_core::{size::{CookieSpec, SignatureAlg}, ReservedNames, SizeReport};
    /// let payload = serde_json::json!({"sub": "u"});
    /// let report = SizeReport::from_claims(&payload, &ReservedNames::RFC7519)?
    ///     .with_token(36, SignatureAlg::Hs256, CookieSpec::new("s"));
    /// assert_eq!(report.token_len(), Some(48 + 1 + 15 + 1 + 43)); // {"sub":"u"} is 11 bytes
    /// assert_eq!(report.cookie_headroom(), Some(4096 - 2 - 108));
    /// # Ok::<(), claims_core::ClaimsError>(())
    /// ```
    #[must_use]
    pub fn with_token(self, header_json_len: usize, alg: SignatureAlg, cookie: CookieSpec) -> Self {
        let token_len = jwt_len(header_json_len, self.payload.bytes, alg);
        let cookie_len = cookie.len_for(token_len);
        SizeReport {
            token: Some(TokenFigures {
                header_bytes: header_json_len,
                alg,
                token_len,
                cookie,
                cookie_len,
            }),
            ..self
        }
    }

    /// This report with the largest token of the same layout, algorithm and cookie beside it, so that it
    /// shows the real custom-claims budget next to the provider's rule of thumb.
    ///
    /// ```
    /// use claims_core::size::{CookieSpec, SignatureAlg};
    /// use claims_core::{Budget, Profile, ReservedNames, SizeReport, TokenBudget};
    ///
    /// let payload = serde_json::json!({"sub": "user_1", "plan": "pro"});
    /// let clerk = ReservedNames::from_profiles(&[&Profile::CLERK]);
    /// let rs2048 = SignatureAlg::Rsa { modulus_bits: 2048 };
    /// let largest = TokenBudget::new(rs2048, 68)
    ///     .with_claims("clerk", 300, 700)
    ///     .with_advice("clerk", Budget::bytes(1200));
    /// let report = SizeReport::from_claims(&payload, &clerk)?
    ///     .with_token(68, rs2048, CookieSpec::session())
    ///     .with_token_budget(&largest);
    /// assert_eq!(report.token_budget(), Some(largest));
    /// assert!(report.to_string().ends_with(
    ///     "clerk advises 1200 bytes of custom claims; your RSA-2048 clerk layout in `__session` allows 1740 bytes\n"
    /// ));
    /// # Ok::<(), claims_core::ClaimsError>(())
    /// ```
    #[must_use]
    pub fn with_token_budget(self, budget: &TokenBudget<'_>) -> Self {
        SizeReport {
            largest: Some(OwnedTokenBudget::new(budget)),
            ..self
        }
    }

    /// The largest token of the layout, when the report was given one with
    /// [`SizeReport::with_token_budget`].
    ///
    /// ```
    /// # use claims_core::{ReservedNames, SizeReport};
    /// let report = SizeReport::from_claims(&serde_json::json!({"plan": "pro"}), &ReservedNames::RFC7519)?;
    /// assert_eq!(report.token_budget(), None);
    /// # Ok::<(), claims_core::ClaimsError>(())
    /// ```
    pub fn token_budget(&self) -> Option<TokenBudget<'_>> {
        self.largest.as_ref().map(OwnedTokenBudget::borrow)
    }

    /// Every top-level claim, in payload order.
    ///
    /// ```
    /// # use claims_core::{size::{CookieSpec, SignatureAlg}, Budget, ReservedNames, SizeReport};
    /// let payload = serde_json::json!({"exp": 1, "plan": "pro"});
    /// let report = SizeReport::from_claims(&payload, &ReservedNames::RFC7519)?
    ///     .with_budget(Budget::bytes(20))
    ///     .with_token(36, SignatureAlg::Hs256, CookieSpec::new("s"));
    /// let names: Vec<&str> = report.claims().iter().map(|c| c.name.as_str()).collect();
    /// assert_eq!(names, ["exp", "plan"]);
    /// assert_eq!((report.claims()[1].json.bytes, report.claims()[1].custom), (13, true)); // ,"plan":"pro"
    /// # Ok::<(), claims_core::ClaimsError>(())
    /// ```
    pub fn claims(&self) -> &[ClaimSize] {
        &self.claims
    }

    /// The size of the whole payload's compact JSON.
    ///
    /// ```
    /// # use claims_core::{size::{CookieSpec, SignatureAlg}, Budget, ReservedNames, SizeReport};
    /// let payload = serde_json::json!({"exp": 1, "plan": "pro"});
    /// let report = SizeReport::from_claims(&payload, &ReservedNames::RFC7519)?
    ///     .with_budget(Budget::bytes(20))
    ///     .with_token(36, SignatureAlg::Hs256, CookieSpec::new("s"));
    /// assert_eq!(report.payload().bytes, r#"{"exp":1,"plan":"pro"}"#.len());
    /// # Ok::<(), claims_core::ClaimsError>(())
    /// ```
    pub fn payload(&self) -> JsonSize {
        self.payload
    }

    /// The size of the custom claims alone, as one compact JSON object.
    ///
    /// ```
    /// # use claims_core::{size::{CookieSpec, SignatureAlg}, Budget, ReservedNames, SizeReport};
    /// let payload = serde_json::json!({"exp": 1, "plan": "pro"});
    /// let report = SizeReport::from_claims(&payload, &ReservedNames::RFC7519)?
    ///     .with_budget(Budget::bytes(20))
    ///     .with_token(36, SignatureAlg::Hs256, CookieSpec::new("s"));
    /// assert_eq!(report.custom().bytes, r#"{"plan":"pro"}"#.len());
    /// # Ok::<(), claims_core::ClaimsError>(())
    /// ```
    pub fn custom(&self) -> JsonSize {
        self.custom
    }

    /// The custom-claims budget measured against, if any.
    ///
    /// ```
    /// # use claims_core::{size::{CookieSpec, SignatureAlg}, Budget, ReservedNames, SizeReport};
    /// let payload = serde_json::json!({"exp": 1, "plan": "pro"});
    /// let report = SizeReport::from_claims(&payload, &ReservedNames::RFC7519)?
    ///     .with_budget(Budget::bytes(20))
    ///     .with_token(36, SignatureAlg::Hs256, CookieSpec::new("s"));
    /// assert_eq!(report.budget(), Some(Budget::bytes(20)));
    /// # Ok::<(), claims_core::ClaimsError>(())
    /// ```
    pub fn budget(&self) -> Option<Budget> {
        self.budget
    }

    /// Budget left for custom claims, in the budget's unit; negative when over.
    ///
    /// ```
    /// # use claims_core::{size::{CookieSpec, SignatureAlg}, Budget, ReservedNames, SizeReport};
    /// let payload = serde_json::json!({"exp": 1, "plan": "pro"});
    /// let report = SizeReport::from_claims(&payload, &ReservedNames::RFC7519)?
    ///     .with_budget(Budget::bytes(20))
    ///     .with_token(36, SignatureAlg::Hs256, CookieSpec::new("s"));
    /// assert_eq!(report.headroom(), Some(20 - 14));
    /// # Ok::<(), claims_core::ClaimsError>(())
    /// ```
    pub fn headroom(&self) -> Option<isize> {
        self.budget
            .map(|b| signed_diff(b.limit, self.custom.in_unit(b.unit)))
    }

    /// Characters of the whole token, with [`SizeReport::with_token`].
    ///
    /// ```
    /// # use claims_core::{size::{CookieSpec, SignatureAlg}, Budget, ReservedNames, SizeReport};
    /// let payload = serde_json::json!({"exp": 1, "plan": "pro"});
    /// let report = SizeReport::from_claims(&payload, &ReservedNames::RFC7519)?
    ///     .with_budget(Budget::bytes(20))
    ///     .with_token(36, SignatureAlg::Hs256, CookieSpec::new("s"));
    /// assert_eq!(report.token_len(), Some(48 + 1 + 30 + 1 + 43)); // 22 payload bytes: 30 chars
    /// # Ok::<(), claims_core::ClaimsError>(())
    /// ```
    pub fn token_len(&self) -> Option<usize> {
        self.token.as_ref().map(|t| t.token_len)
    }

    /// Bytes of the cookie carrying the token, with [`SizeReport::with_token`].
    ///
    /// ```
    /// # use claims_core::{size::{CookieSpec, SignatureAlg}, Budget, ReservedNames, SizeReport};
    /// let payload = serde_json::json!({"exp": 1, "plan": "pro"});
    /// let report = SizeReport::from_claims(&payload, &ReservedNames::RFC7519)?
    ///     .with_budget(Budget::bytes(20))
    ///     .with_token(36, SignatureAlg::Hs256, CookieSpec::new("s"));
    /// assert_eq!(report.cookie_len(), Some(2 + 123));
    /// # Ok::<(), claims_core::ClaimsError>(())
    /// ```
    pub fn cookie_len(&self) -> Option<usize> {
        self.token.as_ref().map(|t| t.cookie_len)
    }

    /// Bytes left under the cookie limit; negative when the browser would drop the cookie.
    ///
    /// ```
    /// # use claims_core::{size::{CookieSpec, SignatureAlg}, Budget, ReservedNames, SizeReport};
    /// let payload = serde_json::json!({"exp": 1, "plan": "pro"});
    /// let report = SizeReport::from_claims(&payload, &ReservedNames::RFC7519)?
    ///     .with_budget(Budget::bytes(20))
    ///     .with_token(36, SignatureAlg::Hs256, CookieSpec::new("s"));
    /// assert_eq!(report.cookie_headroom(), Some(4096 - 125));
    /// # Ok::<(), claims_core::ClaimsError>(())
    /// ```
    pub fn cookie_headroom(&self) -> Option<isize> {
        self.token
            .as_ref()
            .map(|t| signed_diff(t.cookie.limit(), t.cookie_len))
    }

    /// The largest payload JSON, in bytes, that still fits the cookie with this header and algorithm.
    ///
    /// ```
    /// # use claims_core::{size::{CookieSpec, SignatureAlg}, Budget, ReservedNames, SizeReport};
    /// let payload = serde_json::json!({"exp": 1, "plan": "pro"});
    /// let report = SizeReport::from_claims(&payload, &ReservedNames::RFC7519)?
    ///     .with_budget(Budget::bytes(20))
    ///     .with_token(36, SignatureAlg::Hs256, CookieSpec::new("s"));
    /// assert_eq!(report.max_payload_len(), Some((4096 - 2 - 48 - 2 - 43) * 3 / 4));
    /// # Ok::<(), claims_core::ClaimsError>(())
    /// ```
    pub fn max_payload_len(&self) -> Option<usize> {
        let t = self.token.as_ref()?;
        max_payload_len(&t.cookie, t.header_bytes, t.alg)
    }

    /// `Ok` when the custom claims fit the budget and the token fits the cookie; otherwise the first
    /// [`ClaimsError::OverBudget`].
    ///
    /// ```
    /// # use claims_core::{Budget, BudgetKind, ClaimsError, ReservedNames, SizeReport};
    /// let payload = serde_json::json!({"plan": "pro"});
    /// let report = SizeReport::from_claims(&payload, &ReservedNames::RFC7519)?;
    /// assert_eq!(report.clone().with_budget(Budget::bytes(14)).check(), Ok(()));
    /// assert_eq!(
    ///     report.with_budget(Budget::bytes(13)).check(),
    ///     Err(ClaimsError::OverBudget { kind: BudgetKind::CustomClaims, size: 14, budget: Budget::bytes(13) })
    /// );
    /// # Ok::<(), claims_core::ClaimsError>(())
    /// ```
    pub fn check(&self) -> Result<(), ClaimsError> {
        if let Some(budget) = self.budget {
            self.custom.check(BudgetKind::CustomClaims, budget)?;
        }
        if let Some(t) = &self.token {
            t.cookie.check(t.token_len)?;
        }
        Ok(())
    }
}

/// A JSON value read with an object's members in the order written (`serde_json`'s `Map` sorts them).
enum Members {
    Object(Vec<(String, Value)>),
    Other(Value),
}

impl<'de> serde::Deserialize<'de> for Members {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Members;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object of claims")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Members, A::Error> {
                let mut members = Vec::new();
                while let Some(member) = map.next_entry::<String, Value>()? {
                    members.push(member);
                }
                Ok(Members::Object(members))
            }

            fn visit_bool<E>(self, v: bool) -> Result<Members, E> {
                Ok(Members::Other(Value::Bool(v)))
            }

            fn visit_i64<E>(self, v: i64) -> Result<Members, E> {
                Ok(Members::Other(Value::from(v)))
            }

            fn visit_u64<E>(self, v: u64) -> Result<Members, E> {
                Ok(Members::Other(Value::from(v)))
            }

            fn visit_f64<E>(self, v: f64) -> Result<Members, E> {
                Ok(Members::Other(Value::from(v)))
            }

            fn visit_str<E>(self, v: &str) -> Result<Members, E> {
                Ok(Members::Other(Value::from(v)))
            }

            fn visit_unit<E>(self) -> Result<Members, E> {
                Ok(Members::Other(Value::Null))
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Members, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<Value>()? {
                    items.push(item);
                }
                Ok(Members::Other(Value::Array(items)))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

fn signed_diff(limit: usize, used: usize) -> isize {
    if limit >= used {
        isize::try_from(limit - used).unwrap_or(isize::MAX)
    } else {
        isize::try_from(used - limit).map_or(isize::MIN, |over| -over)
    }
}

const BAR_WIDTH: usize = 20;
const NAME_WIDTH: usize = 28;

fn short_name(name: &str) -> String {
    if name.chars().count() <= NAME_WIDTH {
        name.to_owned()
    } else {
        let mut short: String = name.chars().take(NAME_WIDTH - 1).collect();
        short.push('…');
        short
    }
}

/// `used` of `of` as a percentage and a bar of up to [`BAR_WIDTH`] cells, then `label`; the bar is
/// padded so that labels line up, and a row without a label ends at its bar.
fn share_bar(used: usize, of: usize, label: &str) -> String {
    #[allow(clippy::cast_precision_loss)] // a percentage for people to read
    let share = used as f64 * 100.0 / of.max(1) as f64;
    let cells = (used * BAR_WIDTH).div_ceil(of.max(1)).min(BAR_WIDTH);
    let bar = "█".repeat(cells);
    if label.is_empty() {
        format!("{share:>5.1}% {bar}")
    } else {
        format!(
            "{share:>5.1}% {bar}{}{label}",
            " ".repeat(BAR_WIDTH - cells)
        )
    }
}

impl fmt::Display for SizeReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let width = self
            .claims
            .iter()
            .map(|c| short_name(&c.name).chars().count())
            .max()
            .unwrap_or(0)
            .max("custom claims".len());
        // Custom claims are measured against their budget, when there is one; every other claim (and
        // every claim without a budget) against the payload.
        let budget_head = match self.budget {
            Some(b) => format!("share: custom claims of {b}, others of the payload"),
            None => "share of the payload".to_owned(),
        };
        writeln!(
            f,
            "{:<width$}  {:>6}  {:>6}  {budget_head}",
            "claim", "JSON", "token"
        )?;
        for claim in &self.claims {
            write!(
                f,
                "{:<width$}  {:>6}  {:>6}  ",
                short_name(&claim.name),
                claim.json.bytes,
                claim.token_chars
            )?;
            let (used, of) = match (claim.custom, self.budget) {
                (true, Some(b)) => (claim.json.in_unit(b.unit), b.limit),
                _ => (claim.json.bytes, self.payload.bytes),
            };
            // The RFC 7519 names are registered whatever the profile; a reserved name that is not one
            // belongs to the provider.
            let label = if claim.custom {
                ""
            } else if Profile::RFC7519.names().contains(&claim.name.as_str()) {
                "  (registered)"
            } else {
                "  (provider)"
            };
            writeln!(f, "{}", share_bar(used, of, label))?;
        }
        let braces = 2;
        let brace_chars = base64url_len(self.payload.bytes)
            - self.claims.iter().map(|c| c.token_chars).sum::<usize>();
        writeln!(f, "{:<width$}  {braces:>6}  {brace_chars:>6}", "{ }")?;
        writeln!(
            f,
            "{:<width$}  {:>6}  {:>6}  bytes of JSON, characters of base64url",
            "payload",
            self.payload.bytes,
            base64url_len(self.payload.bytes)
        )?;
        write!(f, "{:<width$}  {:>6}", "custom claims", self.custom.bytes)?;
        match self.budget {
            Some(b) => {
                let used = self.custom.in_unit(b.unit);
                let left = signed_diff(b.limit, used);
                if left >= 0 {
                    writeln!(f, "          {used} of {b} used, {left} left")?;
                } else {
                    writeln!(f, "          {used} of {b} used: OVER BUDGET by {}", -left)?;
                }
            }
            None => writeln!(f, "          no budget")?,
        }
        if let Some(t) = &self.token {
            writeln!(
                f,
                "token: {} chars = header {} + payload {} + signature {} ({}) + 2 dots",
                t.token_len,
                base64url_len(t.header_bytes),
                base64url_len(self.payload.bytes),
                t.alg.signature_b64_len(),
                t.alg
            )?;
            let left = signed_diff(t.cookie.limit(), t.cookie_len);
            write!(
                f,
                "cookie `{}`: {} of {} bytes",
                t.cookie.name(),
                t.cookie_len,
                t.cookie.limit()
            )?;
            if left >= 0 {
                write!(f, ", {left} left")?;
            } else {
                write!(
                    f,
                    ": OVER THE LIMIT by {} (a browser drops it silently)",
                    -left
                )?;
            }
            if let Some(max) = max_payload_len(&t.cookie, t.header_bytes, t.alg) {
                write!(f, "; the payload may hold at most {max} bytes of JSON")?;
            }
            writeln!(f)?;
        }
        if let Some(largest) = self.token_budget() {
            writeln!(f, "{largest}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use claims_profiles::Profile;
    use serde_json::json;

    #[test]
    fn a_deep_payload_is_refused_not_a_stack_overflow() {
        let mut deep = Value::from(1);
        for _ in 0..100_000 {
            let mut map = Map::new();
            map.insert("a".to_owned(), deep);
            deep = Value::Object(map);
        }
        assert_eq!(
            SizeReport::from_claims(&deep, &ReservedNames::RFC7519).map(|r| r.payload()),
            Err(ClaimsError::TooDeep {
                what: "value",
                limit: crate::size::MAX_JSON_DEPTH
            })
        );
        drop_deep(deep);
    }

    #[test]
    fn claim_shares_add_up_exactly() {
        let payload = json!({"a": 1, "bb": "x", "ccc": [1, 2, 3], "sub": "user_1"});
        let report = SizeReport::from_claims(&payload, &ReservedNames::RFC7519).unwrap();
        let text = serde_json::to_string(&payload).unwrap();
        let bytes: usize = report.claims().iter().map(|c| c.json.bytes).sum();
        assert_eq!(bytes + 2, text.len());
        assert_eq!(report.payload().bytes, text.len());
        let chars: usize = report.claims().iter().map(|c| c.token_chars).sum();
        assert!(chars <= base64url_len(text.len()));
        let by_name: Vec<(&str, usize, bool)> = report
            .claims()
            .iter()
            .map(|c| (c.name.as_str(), c.json.bytes, c.custom))
            .collect();
        assert_eq!(
            by_name,
            [
                ("a", 5, true),
                ("bb", 9, true),
                ("ccc", 14, true),
                ("sub", 15, false)
            ]
        );
        assert_eq!(
            report.custom().bytes,
            r#"{"a":1,"bb":"x","ccc":[1,2,3]}"#.len()
        );
    }

    #[test]
    fn from_json_keeps_the_written_order_and_agrees_with_new() {
        let text = br#"{"sub":"u1","exp":1,"roles":["a","b"],"plan":"pro"}"#;
        let ordered = SizeReport::from_json(text, &ReservedNames::RFC7519).unwrap();
        let names: Vec<&str> = ordered.claims().iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["sub", "exp", "roles", "plan"]);
        assert_eq!(ordered.payload().bytes, text.len());
        let chars: usize = ordered.claims().iter().map(|c| c.token_chars).sum();
        assert!(chars <= base64url_len(text.len()));
        let sorted = SizeReport::new(
            &serde_json::from_slice(text).unwrap(),
            &ReservedNames::RFC7519,
        );
        assert_eq!(
            (sorted.payload(), sorted.custom()),
            (ordered.payload(), ordered.custom())
        );
        for (input, found) in [
            (&b"[1]"[..], "array"),
            (b"null", "null"),
            (b"\"x\"", "string"),
            (b"1.5", "number"),
        ] {
            assert_eq!(
                SizeReport::from_json(input, &ReservedNames::RFC7519),
                Err(ClaimsError::NotAnObject {
                    what: "claims",
                    found
                })
            );
        }
        assert!(matches!(
            SizeReport::from_json(b"{", &ReservedNames::RFC7519),
            Err(ClaimsError::Json { .. })
        ));
    }

    #[test]
    fn display_is_aligned_and_flags_overflow() {
        let payload = json!({"sub": "u", "sid": "s", "note": "x".repeat(40)});
        let report =
            SizeReport::from_claims(&payload, &ReservedNames::from_profiles(&[&Profile::CLERK]))
                .unwrap()
                .with_budget(Budget::bytes(40))
                .with_token(
                    20,
                    SignatureAlg::Hs256,
                    CookieSpec::new("s").with_limit(100),
                );
        let text = report.to_string();
        let expected = "\
claim            JSON   token  share: custom claims of 40 bytes, others of the payload
note               49      65  122.5% ████████████████████
sid                10      13   14.1% ███                   (provider)
sub                10      14   14.1% ███                   (registered)
{ }                 2       3
payload            71      95  bytes of JSON, characters of base64url
custom claims      51          51 of 40 bytes used: OVER BUDGET by 11
token: 167 chars = header 27 + payload 95 + signature 43 (HS256) + 2 dots
cookie `s`: 169 of 100 bytes: OVER THE LIMIT by 69 (a browser drops it silently); the payload may hold at most 19 bytes of JSON
";
        assert_eq!(text, expected);
        // The custom-claims budget is checked first, so it is the one named.
        assert_eq!(
            report.check(),
            Err(ClaimsError::OverBudget {
                kind: BudgetKind::CustomClaims,
                size: 51,
                budget: Budget::bytes(40),
            })
        );
        assert_eq!(report.headroom(), Some(-11));
        assert_eq!(report.cookie_headroom(), Some(-69));
    }
}
