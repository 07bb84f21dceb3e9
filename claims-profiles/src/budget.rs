//! Custom-claims budgets: how much a provider lets the application put in its tokens, and in what unit.

use core::fmt;

/// The unit a provider counts its custom-claims budget in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SizeUnit {
    /// UTF-8 bytes of the compact JSON, as `serde_json::to_vec` writes it.
    Utf8Bytes,
    /// UTF-16 code units of the compact JSON, as JavaScript's `JSON.stringify(..).length` counts it.
    /// Never more than the UTF-8 byte count of the same text.
    Utf16Units,
}

impl fmt::Display for SizeUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SizeUnit::Utf8Bytes => "bytes",
            SizeUnit::Utf16Units => "UTF-16 units",
        })
    }
}

/// A provider's limit on the size of the custom-claims object, in compact JSON.
///
/// ```
/// use claims_profiles::{Budget, Profile, SizeUnit};
///
/// assert_eq!(Profile::CLERK.budget(), Some(Budget::bytes(1200)));
/// assert_eq!(Profile::FIREBASE.budget().map(|b| b.unit), Some(SizeUnit::Utf16Units));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Budget {
    /// The largest size allowed, inclusive.
    pub limit: usize,
    /// What `limit` counts.
    pub unit: SizeUnit,
}

impl Budget {
    /// A budget of `limit` UTF-8 bytes of compact JSON.
    ///
    /// ```
    /// # use claims_profiles::{Budget, SizeUnit};
    /// assert_eq!(Budget::bytes(4096).unit, SizeUnit::Utf8Bytes);
    /// ```
    pub const fn bytes(limit: usize) -> Self {
        Budget {
            limit,
            unit: SizeUnit::Utf8Bytes,
        }
    }

    /// A budget of `limit` UTF-16 code units of compact JSON (JavaScript string length).
    ///
    /// ```
    /// # use claims_profiles::{Budget, SizeUnit};
    /// assert_eq!(Budget::utf16_units(1000).limit, 1000);
    /// ```
    pub const fn utf16_units(limit: usize) -> Self {
        Budget {
            limit,
            unit: SizeUnit::Utf16Units,
        }
    }
}

impl fmt::Display for Budget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.limit, self.unit)
    }
}
