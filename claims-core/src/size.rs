//! Exact size accounting: compact JSON, base64url, compact JWS, cookie.
//!
//! Every function here computes the size a value *will* have, byte for byte, without building it:
//! [`json_size`] agrees with `serde_json::to_vec(value).len()`, [`jwt_len`] with the length of the token
//! a signer produces, [`CookieSpec::len_for`] with what a browser counts against its 4,096-byte limit.
//!
//! ```
//! use claims_core::size::{base64url_len, json_len, jwt_len, max_payload_len, CookieSpec, SignatureAlg};
//!
//! // The worked example of docs/providers.md: Clerk's 68-byte RS256 header, a 2048-bit key, `__session`.
//! let header = r#"{"alg":"RS256","kid":"ins_2abcdefghijklmnopqrstuvwxyz1","typ":"JWT"}"#;
//! assert_eq!(header.len(), 68);
//! assert_eq!(base64url_len(68), 91);
//! let rs256 = SignatureAlg::Rsa { modulus_bits: 2048 };
//! let cookie = CookieSpec::session();
//! assert_eq!(max_payload_len(&cookie, header.len(), rs256), Some(2738));
//!
//! let payload = serde_json::json!({"sub": "user_1", "exp": 1700000000});
//! let payload_len = json_len(&payload)?;
//! assert_eq!(payload_len, serde_json::to_vec(&payload)?.len());
//! assert_eq!(payload_len, 33);
//! assert_eq!(cookie.len_for(jwt_len(header.len(), payload_len, rs256)), 10 + 91 + 1 + 44 + 1 + 342);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;

use serde::Serialize;
use serde_json::Value;

use claims_profiles::{Budget, SizeUnit};

use crate::error::{BudgetKind, ClaimsError};
use crate::measure::{ESCAPE_EXTRA, Measure, escaped_str, utf16_units};
pub use crate::value::MAX_JSON_DEPTH;

/// The size of a compact JSON text in both units providers count in.
///
/// ```
/// use claims_core::size::json_size;
/// let size = json_size("😀")?; // "😀": 2 quotes + 4 bytes, 2 quotes + 2 UTF-16 units
/// assert_eq!((size.bytes, size.utf16_units), (6, 4));
/// # Ok::<(), claims_core::ClaimsError>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct JsonSize {
    /// UTF-8 bytes, what `serde_json::to_vec(..).len()` returns.
    pub bytes: usize,
    /// UTF-16 code units, what JavaScript's `JSON.stringify(..).length` returns for the same text.
    pub utf16_units: usize,
}

impl JsonSize {
    /// The size in `unit`.
    ///
    /// ```
    /// # use claims_core::{size::JsonSize, SizeUnit};
    /// let size = JsonSize { bytes: 10, utf16_units: 8 };
    /// assert_eq!(size.in_unit(SizeUnit::Utf16Units), 8);
    /// ```
    pub const fn in_unit(self, unit: SizeUnit) -> usize {
        match unit {
            SizeUnit::Utf16Units => self.utf16_units,
            // `SizeUnit` is non-exhaustive; bytes are never fewer than UTF-16 units, so they are the safe count.
            _ => self.bytes,
        }
    }

    /// `Ok(())` when this size fits `budget` (inclusive), otherwise [`ClaimsError::OverBudget`] with `kind`.
    ///
    /// ```
    /// # use claims_core::{size::JsonSize, Budget, BudgetKind, ClaimsError};
    /// let size = JsonSize { bytes: 1201, utf16_units: 1201 };
    /// let over = size.check(BudgetKind::CustomClaims, Budget::bytes(1200));
    /// let budget = Budget::bytes(1200);
    /// assert_eq!(over, Err(ClaimsError::OverBudget { kind: BudgetKind::CustomClaims, size: 1201, budget }));
    /// assert_eq!(size.check(BudgetKind::CustomClaims, Budget::bytes(1201)), Ok(()));
    /// ```
    pub fn check(self, kind: BudgetKind, budget: Budget) -> Result<(), ClaimsError> {
        check_in_unit(self.in_unit(budget.unit), kind, budget)
    }

    /// `JsonSize::of_text(json).check(kind, budget)`, counting UTF-16 units only for a budget in them:
    /// a budget in bytes needs only the text's length.
    ///
    /// ```
    /// # use claims_core::{size::JsonSize, Budget, BudgetKind, ClaimsError};
    /// let text = "{\"n\":\"😀\"}".as_bytes(); // 12 bytes, 10 UTF-16 units
    /// let (kind, budget) = (BudgetKind::CustomClaims, Budget::bytes(11));
    /// assert_eq!(JsonSize::check_text(text, kind, budget), Err(ClaimsError::OverBudget { kind, size: 12, budget }));
    /// assert_eq!(JsonSize::check_text(text, kind, Budget::utf16_units(10)), Ok(()));
    /// ```
    pub fn check_text(json: &[u8], kind: BudgetKind, budget: Budget) -> Result<(), ClaimsError> {
        match budget.unit {
            SizeUnit::Utf16Units => JsonSize::of_text(json).check(kind, budget),
            _ => check_in_unit(json.len(), kind, budget),
        }
    }

    /// The size of JSON text that is already written (e.g. the bytes `serde_json::to_vec` returned),
    /// counted without parsing it: UTF-16 units are derived from the UTF-8 bytes.
    ///
    /// ```
    /// # use claims_core::size::JsonSize;
    /// let text = serde_json::to_vec(&serde_json::json!({"n": "Zoë 😀"}))?;
    /// assert_eq!(JsonSize::of_text(&text), JsonSize { bytes: 17, utf16_units: 14 });
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn of_text(json: &[u8]) -> JsonSize {
        let mut size = JsonSize::default();
        size.add_str_utf8(json);
        size
    }

    fn add_str_utf8(&mut self, bytes: &[u8]) {
        self.bytes += bytes.len();
        self.utf16_units += utf16_units(bytes);
    }

    fn add_ascii(&mut self, n: usize) {
        self.bytes += n;
        self.utf16_units += n;
    }
}

/// `size`, already counted in `budget`'s unit, against `budget`.
fn check_in_unit(size: usize, kind: BudgetKind, budget: Budget) -> Result<(), ClaimsError> {
    if size > budget.limit {
        Err(ClaimsError::OverBudget { kind, size, budget })
    } else {
        Ok(())
    }
}

impl std::ops::Add for JsonSize {
    type Output = JsonSize;

    /// Both counts added: the size of two texts written one after the other.
    fn add(self, other: JsonSize) -> JsonSize {
        JsonSize {
            bytes: self.bytes + other.bytes,
            utf16_units: self.utf16_units + other.utf16_units,
        }
    }
}

impl std::ops::Sub for JsonSize {
    type Output = JsonSize;

    /// Both counts subtracted: the size left once a part of a text is taken out.
    fn sub(self, other: JsonSize) -> JsonSize {
        JsonSize {
            bytes: self.bytes - other.bytes,
            utf16_units: self.utf16_units - other.utf16_units,
        }
    }
}

/// The exact size of `value`'s compact JSON, as `serde_json::to_vec` writes it, without allocating.
///
/// Fails where serialization fails (e.g. a map with non-string keys), and with
/// [`ClaimsError::TooDeep`] for a value nested deeper than [`MAX_JSON_DEPTH`] levels, which `serde_json`
/// could not read back (measuring it would recurse once per level).
///
/// ```
/// use claims_core::size::json_size;
/// #[derive(serde::Serialize)]
/// struct Claims { name: &'static str, roles: Vec<&'static str> }
///
/// let claims = Claims { name: "Ada \"the first\"", roles: vec!["admin"] };
/// assert_eq!(json_size(&claims)?.bytes, serde_json::to_vec(&claims)?.len());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn json_size<T: Serialize + ?Sized>(value: &T) -> Result<JsonSize, ClaimsError> {
    let mut measure = Measure::default();
    match value.serialize(&mut measure) {
        Ok(()) => Ok(JsonSize {
            bytes: measure.bytes,
            utf16_units: measure.units,
        }),
        Err(_) if measure.too_deep => Err(ClaimsError::TooDeep {
            what: "value",
            limit: MAX_JSON_DEPTH,
        }),
        Err(err) => Err(err.into()),
    }
}

/// The exact byte length of `value`'s compact JSON: `json_size(value)?.bytes`.
///
/// ```
/// assert_eq!(claims_core::size::json_len(&[1, 22, 333])?, "[1,22,333]".len());
/// # Ok::<(), claims_core::ClaimsError>(())
/// ```
pub fn json_len<T: Serialize + ?Sized>(value: &T) -> Result<usize, ClaimsError> {
    json_size(value).map(|size| size.bytes)
}

/// The exact size of a [`Value`]'s compact JSON, computed without recursion, so a value nested however
/// deep is measured without growing the stack (`serde_json::to_vec` would recurse).
///
/// ```
/// use claims_core::size::{json_size, value_json_size};
/// let value = serde_json::json!({"a": [1.5, null, "\u{1}"], "b": {"c": true}});
/// assert_eq!(value_json_size(&value), json_size(&value)?);
/// # Ok::<(), claims_core::ClaimsError>(())
/// ```
pub fn value_json_size(value: &Value) -> JsonSize {
    let mut size = JsonSize::default();
    // Only containers inside containers wait on the stack: a flat array or object allocates nothing.
    let mut stack: Vec<&Value> = Vec::new();
    let mut next = Some(value);
    while let Some(value) = next.take().or_else(|| stack.pop()) {
        match value {
            Value::Array(items) => {
                size.add_ascii(2 + items.len().saturating_sub(1));
                for item in items {
                    add_value_or_defer(&mut size, item, &mut stack);
                }
            }
            Value::Object(map) => {
                // `{` `}`, a `:` per member and a `,` between members
                size.add_ascii(2 + map.len() + map.len().saturating_sub(1));
                for (key, item) in map {
                    add_json_string(&mut size, key);
                    add_value_or_defer(&mut size, item, &mut stack);
                }
            }
            scalar => add_value_or_defer(&mut size, scalar, &mut stack),
        }
    }
    size
}

/// Adds a scalar's size, or puts a container on `stack` to be measured in its turn.
fn add_value_or_defer<'v>(size: &mut JsonSize, value: &'v Value, stack: &mut Vec<&'v Value>) {
    match value {
        Value::Null => size.add_ascii(4),
        Value::Bool(b) => size.add_ascii(if *b { 4 } else { 5 }),
        Value::Number(n) => size.add_ascii(number_len(n)),
        Value::String(s) => add_json_string(size, s),
        Value::Array(_) | Value::Object(_) => stack.push(value),
    }
}

/// The size of `"name":value` for one object member, as it appears in compact JSON.
pub(crate) fn member_size(name: &str, value: &Value) -> JsonSize {
    let mut size = value_json_size(value);
    add_json_string(&mut size, name);
    size.add_ascii(1);
    size
}

/// The size of an object of `len` members whose `"name":value` sizes add up to `members`: braces, and a
/// comma between members.
pub(crate) fn object_size(members: JsonSize, len: usize) -> JsonSize {
    let mut size = members;
    size.add_ascii(2 + len.saturating_sub(1));
    size
}

/// Characters of a number as `serde_json` writes it (itoa for integers, ryu for floats).
fn number_len(n: &serde_json::Number) -> usize {
    let mut measure = Measure::default();
    // A number is a scalar: measuring it cannot fail.
    let _ = n.serialize(&mut measure);
    measure.bytes
}

/// Adds a JSON string literal (quotes included), escaped as `serde_json` escapes it.
fn add_json_string(size: &mut JsonSize, s: &str) {
    let (bytes, units) = escaped_str(s.as_bytes());
    size.bytes += 2 + bytes;
    size.utf16_units += 2 + units;
}

/// Bytes of `s` once JSON-escaped as `serde_json` does, quotes excluded: `"` and `\` and the short escapes
/// (`\b \f \n \r \t`) take 2 bytes, other control characters 6 (`\u00XX`), everything else is copied.
/// This is the unit of the derive's `max_len`.
///
/// ```
/// use claims_core::size::escaped_len;
/// assert_eq!(escaped_len("plain"), 5);
/// assert_eq!(escaped_len("a\"b\\c\n"), 9);
/// assert_eq!(escaped_len("\u{1}"), 6);
/// assert_eq!(escaped_len("é"), 2);
/// ```
pub const fn escaped_len(s: &str) -> usize {
    // `const`, for the derive's compile-time checks: byte by byte. Run-time sizing scans by words.
    let bytes = s.as_bytes();
    let mut len = bytes.len();
    let mut i = 0;
    while i < bytes.len() {
        len += ESCAPE_EXTRA[bytes[i] as usize] as usize;
        i += 1;
    }
    len
}

/// Characters of the unpadded base64url encoding of `n` bytes: `ceil(4n / 3)`, saturating at `usize::MAX`
/// (so a huge length is over every limit instead of a panic).
///
/// ```
/// use claims_core::size::base64url_len;
/// assert_eq!([0, 1, 2, 3, 4, 256].map(base64url_len), [0, 2, 3, 4, 6, 342]);
/// ```
pub const fn base64url_len(n: usize) -> usize {
    // Saturates: a length past `usize::MAX` is over every limit anyway, and must not panic.
    (n / 3).saturating_mul(4).saturating_add([0, 2, 3][n % 3])
}

/// A JWS signature algorithm, as far as its signature length goes.
///
/// ```
/// use claims_core::size::SignatureAlg;
/// assert_eq!(SignatureAlg::Rsa { modulus_bits: 3072 }.signature_len(), 384);
/// assert_eq!(SignatureAlg::Es512.signature_len(), 132);
/// assert_eq!(SignatureAlg::Hs384.to_string(), "HS384");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SignatureAlg {
    /// HMAC with SHA-256: 32 bytes.
    Hs256,
    /// HMAC with SHA-384: 48 bytes.
    Hs384,
    /// HMAC with SHA-512: 64 bytes.
    Hs512,
    /// RS256/384/512 or PS256/384/512: as many bytes as the modulus.
    Rsa {
        /// Bits of the RSA modulus (2048, 3072, 4096...).
        modulus_bits: u32,
    },
    /// ECDSA on P-256: 64 bytes (`r || s`).
    Es256,
    /// ECDSA on P-384: 96 bytes.
    Es384,
    /// ECDSA on P-521: 132 bytes.
    Es512,
    /// Ed25519: 64 bytes.
    EdDsa,
}

impl SignatureAlg {
    /// Bytes of the raw signature.
    ///
    /// ```
    /// # use claims_core::size::SignatureAlg;
    /// assert_eq!(SignatureAlg::Hs256.signature_len(), 32);
    /// ```
    pub const fn signature_len(self) -> usize {
        match self {
            SignatureAlg::Hs256 => 32,
            SignatureAlg::Hs384 => 48,
            SignatureAlg::Hs512 | SignatureAlg::Es256 | SignatureAlg::EdDsa => 64,
            SignatureAlg::Rsa { modulus_bits } => (modulus_bits as usize).div_ceil(8),
            SignatureAlg::Es384 => 96,
            SignatureAlg::Es512 => 132,
        }
    }

    /// Characters of the signature segment of a compact JWS.
    ///
    /// ```
    /// # use claims_core::size::SignatureAlg;
    /// assert_eq!(SignatureAlg::Rsa { modulus_bits: 4096 }.signature_b64_len(), 683);
    /// ```
    pub const fn signature_b64_len(self) -> usize {
        base64url_len(self.signature_len())
    }
}

impl SignatureAlg {
    /// The algorithm's name, without the key size: `HS256`, `RSA` (any of RS256/384/512 and PS256/384/512,
    /// whose signatures are all as long as the modulus), `ES256`, `EdDSA`... `Display` adds the RSA key size.
    ///
    /// ```
    /// # use claims_core::size::SignatureAlg;
    /// assert_eq!(SignatureAlg::Rsa { modulus_bits: 2048 }.name(), "RSA");
    /// assert_eq!(SignatureAlg::EdDsa.name(), "EdDSA");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            SignatureAlg::Hs256 => "HS256",
            SignatureAlg::Hs384 => "HS384",
            SignatureAlg::Hs512 => "HS512",
            SignatureAlg::Rsa { .. } => "RSA",
            SignatureAlg::Es256 => "ES256",
            SignatureAlg::Es384 => "ES384",
            SignatureAlg::Es512 => "ES512",
            SignatureAlg::EdDsa => "EdDSA",
        }
    }
}

impl std::fmt::Display for SignatureAlg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())?;
        match self {
            SignatureAlg::Rsa { modulus_bits } => write!(f, "-{modulus_bits}"),
            _ => Ok(()),
        }
    }
}

/// Characters of a compact JWS (`b64(header).b64(payload).b64(signature)`) from the byte lengths of its
/// header and payload JSON.
///
/// ```
/// use claims_core::size::{jwt_len, SignatureAlg};
/// // RFC 7515 A.1: a 30-byte header, a 70-byte payload, HS256.
/// assert_eq!(jwt_len(30, 70, SignatureAlg::Hs256), 40 + 1 + 94 + 1 + 43);
/// ```
pub const fn jwt_len(header_json_len: usize, payload_json_len: usize, alg: SignatureAlg) -> usize {
    // Saturating, like `base64url_len`: two dots between the three parts.
    base64url_len(header_json_len)
        .saturating_add(base64url_len(payload_json_len))
        .saturating_add(2 + alg.signature_b64_len())
}

/// The largest payload JSON, in bytes, whose token still fits `cookie`; `None` when not even an empty
/// payload fits.
///
/// ```
/// use claims_core::size::{max_payload_len, CookieSpec, SignatureAlg};
/// let cookie = CookieSpec::new("s").with_limit(100);
/// // 100 - 2 ("s=") - 4 (b64 of 3 header bytes) - 2 dots - 43 (HS256) = 49 chars: 36 payload bytes
/// assert_eq!(max_payload_len(&cookie, 3, SignatureAlg::Hs256), Some(36));
/// assert_eq!(max_payload_len(&cookie.with_limit(10), 3, SignatureAlg::Hs256), None);
/// ```
pub fn max_payload_len(
    cookie: &CookieSpec,
    header_json_len: usize,
    alg: SignatureAlg,
) -> Option<usize> {
    let fixed = cookie.len_for(jwt_len(header_json_len, 0, alg));
    Some(json_len_within(cookie.limit().checked_sub(fixed)?))
}

/// The most bytes whose unpadded base64url takes at most `chars` characters: the inverse of
/// [`base64url_len`].
pub(crate) const fn json_len_within(chars: usize) -> usize {
    // base64url_len(p) = ceil(4p/3) <= chars  <=>  p <= floor(3 * chars / 4), computed without overflow
    chars / 4 * 3 + chars % 4 * 3 / 4
}

/// Bytes of `"name":value` in compact JSON, for a value of `value_json_len` bytes (saturating).
///
/// ```
/// use claims_core::size::member_json_len;
/// assert_eq!(member_json_len("sid", r#""sess_1""#.len()), r#""sid":"sess_1""#.len());
/// ```
pub const fn member_json_len(name: &str, value_json_len: usize) -> usize {
    // two quotes and a colon
    (escaped_len(name) + 3).saturating_add(value_json_len)
}

/// Bytes of a compact JSON array of `items` values of at most `item_json_len` bytes each: `[`, the values,
/// the commas between them, `]`; `None` when that overflows a `usize`.
///
/// ```
/// use claims_core::size::array_json_len;
/// assert_eq!(array_json_len(2, r#""ab""#.len()), Some(r#"["ab","cd"]"#.len()));
/// assert_eq!(array_json_len(0, 9), Some(2));
/// assert_eq!(array_json_len(usize::MAX, 2), None);
/// ```
pub const fn array_json_len(items: usize, item_json_len: usize) -> Option<usize> {
    match items.checked_mul(item_json_len) {
        Some(values) => match values.checked_add(items.saturating_sub(1)) {
            Some(inner) => inner.checked_add(2),
            None => None,
        },
        None => None,
    }
}

/// Bytes of the compact JSON object that holds the members of two objects of `a` and `b` bytes (each
/// `{...}`, `{}` when empty), as a writer that splices one after the other produces: one pair of braces,
/// and a comma between them when both have members. Saturating.
///
/// ```
/// use claims_core::size::{member_json_len, merged_object_len};
/// let sub = member_json_len("sub", 4) + 2; // {"sub":"u1"}
/// let plan = member_json_len("plan", 5) + 2; // {"plan":"pro"}
/// assert_eq!(merged_object_len(sub, plan), r#"{"sub":"u1","plan":"pro"}"#.len());
/// assert_eq!(merged_object_len(sub, 2), sub);
/// assert_eq!(merged_object_len(2, 2), 2);
/// ```
pub const fn merged_object_len(a: usize, b: usize) -> usize {
    if a <= 2 {
        b
    } else if b <= 2 {
        a
    } else {
        // `{a}` + `{b}` - the inner `}{` + `,`
        a.saturating_add(b) - 1
    }
}

/// The default cookie limit: name + `=` + value at most 4,096 bytes (RFC 6265bis, current browsers).
pub const COOKIE_LIMIT: usize = 4096;

/// The name of Clerk's session cookie, and the default of [`CookieSpec`] and of the token layouts.
pub const SESSION_COOKIE: &str = "__session";

/// Bytes a cookie takes: `name=value` plus the attributes counted with it, from their lengths. Saturating:
/// a value too long to count is over every limit, not a panic.
pub(crate) const fn cookie_len(name_len: usize, attributes_len: usize, value_len: usize) -> usize {
    (name_len + 1 + attributes_len).saturating_add(value_len)
}

/// The cookie that carries a session token: its name, its limit and, optionally, the attributes of the
/// `Set-Cookie` line when the whole line should count (as older Chromium counted it).
///
/// ```
/// use claims_core::size::CookieSpec;
/// use claims_core::{Budget, BudgetKind, ClaimsError};
///
/// let cookie = CookieSpec::session();
/// assert_eq!((cookie.name(), cookie.limit()), ("__session", 4096));
/// assert_eq!(cookie.len_for(100), 110);
///
/// let strict = cookie.with_attributes("; Path=/; Secure; HttpOnly; SameSite=Lax");
/// assert_eq!(strict.len_for(100), 110 + 40);
/// assert_eq!(strict.check(4096 - 50), Ok(4096));
/// assert_eq!(
///     strict.check(4096 - 49),
///     Err(ClaimsError::OverBudget { kind: BudgetKind::Cookie, size: 4097, budget: Budget::bytes(4096) })
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CookieSpec {
    name: Cow<'static, str>,
    attributes: Cow<'static, str>,
    limit: usize,
}

impl Default for CookieSpec {
    fn default() -> Self {
        CookieSpec::session()
    }
}

impl CookieSpec {
    /// A cookie called `name`, limited to [`COOKIE_LIMIT`] bytes of `name=value`.
    ///
    /// ```
    /// # use claims_core::size::CookieSpec;
    /// assert_eq!(CookieSpec::new("sid").len_for(5), 9);
    /// ```
    pub fn new(name: impl Into<Cow<'static, str>>) -> Self {
        CookieSpec {
            name: name.into(),
            attributes: Cow::Borrowed(""),
            limit: COOKIE_LIMIT,
        }
    }

    /// Clerk's `__session` cookie, 4,096 bytes.
    ///
    /// ```
    /// # use claims_core::size::CookieSpec;
    /// assert_eq!(CookieSpec::session().name(), "__session");
    /// ```
    pub fn session() -> Self {
        CookieSpec::new(SESSION_COOKIE)
    }

    /// This cookie with another limit.
    ///
    /// ```
    /// # use claims_core::size::CookieSpec;
    /// assert_eq!(CookieSpec::session().with_limit(3180).limit(), 3180);
    /// ```
    #[must_use]
    pub fn with_limit(self, limit: usize) -> Self {
        CookieSpec { limit, ..self }
    }

    /// This cookie, counting the attributes that follow the value in the `Set-Cookie` line too
    /// (`attributes` as written, e.g. `"; Path=/; Secure"`).
    ///
    /// ```
    /// # use claims_core::size::CookieSpec;
    /// assert_eq!(CookieSpec::new("a").with_attributes("; Secure").len_for(1), 11);
    /// ```
    #[must_use]
    pub fn with_attributes(self, attributes: impl Into<Cow<'static, str>>) -> Self {
        CookieSpec {
            attributes: attributes.into(),
            ..self
        }
    }

    /// The cookie's name.
    ///
    /// ```
    /// # use claims_core::size::CookieSpec;
    /// assert_eq!(CookieSpec::new("token").name(), "token");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The attributes counted with the cookie (empty unless set).
    ///
    /// ```
    /// # use claims_core::size::CookieSpec;
    /// assert_eq!(CookieSpec::session().attributes(), "");
    /// ```
    pub fn attributes(&self) -> &str {
        &self.attributes
    }

    /// The limit, in bytes.
    ///
    /// ```
    /// # use claims_core::size::{CookieSpec, COOKIE_LIMIT};
    /// assert_eq!(CookieSpec::session().limit(), COOKIE_LIMIT);
    /// ```
    pub fn limit(&self) -> usize {
        self.limit
    }

    /// Bytes the cookie takes with a value of `value_len` bytes: `name=value` plus the counted attributes.
    ///
    /// ```
    /// # use claims_core::size::CookieSpec;
    /// assert_eq!(CookieSpec::session().len_for(0), 10);
    /// ```
    pub fn len_for(&self, value_len: usize) -> usize {
        cookie_len(self.name.len(), self.attributes.len(), value_len)
    }

    /// The cookie length for a value of `value_len` bytes, or [`ClaimsError::OverBudget`] (kind
    /// [`BudgetKind::Cookie`]) when it is over the limit: a browser would drop it without a word.
    ///
    /// ```
    /// # use claims_core::{size::CookieSpec, ClaimsError};
    /// assert_eq!(CookieSpec::session().check(4086), Ok(4096));
    /// assert!(matches!(CookieSpec::session().check(4087), Err(ClaimsError::OverBudget { size: 4097, .. })));
    /// ```
    pub fn check(&self, value_len: usize) -> Result<usize, ClaimsError> {
        let size = self.len_for(value_len);
        if size > self.limit {
            Err(ClaimsError::OverBudget {
                kind: BudgetKind::Cookie,
                size,
                budget: Budget::bytes(self.limit),
            })
        } else {
            Ok(size)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::drop_deep;

    /// The refusal of a cookie line for a token of `token_len` characters.
    fn cookie_over(cookie: &CookieSpec, token_len: usize) -> ClaimsError {
        ClaimsError::OverBudget {
            kind: BudgetKind::Cookie,
            size: cookie.len_for(token_len),
            budget: Budget::bytes(cookie.limit()),
        }
    }

    use crate::value::tests::nested_arrays;
    use proptest::prelude::*;
    use serde_json::json;

    fn arb_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<f64>().prop_map(Value::from), // non-finite become null
            any::<String>().prop_map(Value::String),
            "[\\x00-\\x7f]{0,12}".prop_map(Value::String),
        ];
        leaf.prop_recursive(6, 64, 8, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
                prop::collection::btree_map(any::<String>(), inner, 0..8)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn counted_size_equals_serde_json(value in arb_json()) {
            let text = serde_json::to_string(&value).unwrap();
            let expected = JsonSize { bytes: text.len(), utf16_units: text.encode_utf16().count() };
            prop_assert_eq!(json_size(&value).unwrap(), expected);
            prop_assert_eq!(value_json_size(&value), expected);
        }

        #[test]
        fn escaped_len_equals_serde_json(s in any::<String>()) {
            prop_assert_eq!(escaped_len(&s) + 2, serde_json::to_vec(&s).unwrap().len());
        }

        #[test]
        fn base64url_len_equals_encoding(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
            use base64::Engine as _;
            let encoded = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&bytes);
            prop_assert_eq!(base64url_len(bytes.len()), encoded.len());
        }

        #[test]
        fn max_payload_len_is_the_largest_that_fits(limit in 0usize..5000, header in 0usize..200) {
            let cookie = CookieSpec::session().with_limit(limit);
            let alg = SignatureAlg::Rsa { modulus_bits: 2048 };
            if let Some(p) = max_payload_len(&cookie, header, alg) {
                prop_assert!(cookie.check(jwt_len(header, p, alg)).is_ok());
                let over = jwt_len(header, p + 1, alg);
                prop_assert_eq!(cookie.check(over), Err(cookie_over(&cookie, over)));
            } else {
                let over = jwt_len(header, 0, alg);
                prop_assert_eq!(cookie.check(over), Err(cookie_over(&cookie, over)));
            }
        }
    }

    #[test]
    fn deep_values_are_refused_without_overflowing_the_stack() {
        let deepest = nested_arrays(MAX_JSON_DEPTH);
        assert_eq!(json_size(&deepest).unwrap().bytes, 2 * MAX_JSON_DEPTH + 1);
        drop_deep(deepest);
        let too_deep = ClaimsError::TooDeep {
            what: "value",
            limit: MAX_JSON_DEPTH,
        };
        let deeper = nested_arrays(MAX_JSON_DEPTH + 1);
        assert_eq!(json_size(&deeper), Err(too_deep.clone()));
        drop_deep(deeper);
        let mut map = serde_json::Map::new();
        map.insert("a".to_owned(), nested_arrays(100_000));
        assert_eq!(json_size(&map), Err(too_deep));
        drop_deep(Value::Object(map));
    }

    #[test]
    fn huge_lengths_saturate_instead_of_overflowing() {
        assert_eq!(base64url_len(usize::MAX), usize::MAX);
        assert_eq!(base64url_len(usize::MAX / 4 * 3), usize::MAX / 4 * 4);
        assert_eq!(jwt_len(usize::MAX, 1, SignatureAlg::Hs256), usize::MAX);
        assert_eq!(jwt_len(1, usize::MAX, SignatureAlg::Hs256), usize::MAX);
        let cookie = CookieSpec::session();
        assert_eq!(cookie.len_for(usize::MAX), usize::MAX);
        assert_eq!(
            cookie.check(usize::MAX),
            Err(ClaimsError::OverBudget {
                kind: BudgetKind::Cookie,
                size: usize::MAX,
                budget: Budget::bytes(COOKIE_LIMIT)
            })
        );
        assert_eq!(
            max_payload_len(&cookie, usize::MAX, SignatureAlg::Hs256),
            None
        );
        // A cookie without a practical limit: the largest payload is 3/4 of what is left, rounded down.
        let unlimited = CookieSpec::new("s").with_limit(usize::MAX);
        let fixed = unlimited.len_for(jwt_len(36, 0, SignatureAlg::Hs256));
        let chars = usize::MAX - fixed;
        assert_eq!(
            max_payload_len(&unlimited, 36, SignatureAlg::Hs256),
            Some(chars / 4 * 3 + chars % 4 * 3 / 4)
        );
    }

    #[test]
    fn signature_table_matches_providers_md() {
        let table = [
            (SignatureAlg::Hs256, 32, 43),
            (SignatureAlg::Hs384, 48, 64),
            (SignatureAlg::Hs512, 64, 86),
            (SignatureAlg::Rsa { modulus_bits: 2048 }, 256, 342),
            (SignatureAlg::Rsa { modulus_bits: 3072 }, 384, 512),
            (SignatureAlg::Rsa { modulus_bits: 4096 }, 512, 683),
            (SignatureAlg::Es256, 64, 86),
            (SignatureAlg::Es384, 96, 128),
            (SignatureAlg::Es512, 132, 176),
            (SignatureAlg::EdDsa, 64, 86),
        ];
        for (alg, bytes, chars) in table {
            assert_eq!(
                (alg.signature_len(), alg.signature_b64_len()),
                (bytes, chars),
                "{alg}"
            );
        }
    }

    #[test]
    fn rfc7515_a1_token_length() {
        // The RFC 7515 A.1 token: header and payload contain CRLFs, as in the RFC.
        let header = "{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}";
        let payload =
            "{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n \"http://example.com/is_root\":true}";
        let token = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        assert_eq!(
            jwt_len(header.len(), payload.len(), SignatureAlg::Hs256),
            token.len()
        );
    }

    #[test]
    fn value_size_handles_deep_nesting_without_recursion() {
        let depth = 100_000;
        let mut value = Value::Null;
        for _ in 0..depth {
            value = Value::Array(vec![value]);
        }
        assert_eq!(value_json_size(&value).bytes, 2 * depth + 4);
        drop_deep(value);
    }

    #[test]
    fn escapes_and_numbers_are_counted_like_serde_json() {
        let value = json!({"k\u{7f}\u{1f}": ["\u{8}\u{c}\n\r\t\"\\/", -0.0, 1e300, 5e-324, u64::MAX, i64::MIN]});
        assert_eq!(
            value_json_size(&value).bytes,
            serde_json::to_vec(&value).unwrap().len()
        );
        assert_eq!(json_size(&f64::NAN).unwrap().bytes, 4); // written as null
    }
}
