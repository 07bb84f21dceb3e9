//! How a fuzz input is cut into pieces: selector bytes first, then two byte strings split at the first
//! `0xFF`, a byte that never occurs in UTF-8 text, so a seed can be two JSON texts with `0xFF` between.

/// The separator between the two parts of an input.
pub const SEPARATOR: u8 = 0xFF;

/// An input cut into `N` selector bytes and two parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts<'a, const N: usize> {
    /// The leading selector bytes (zero when the input is shorter).
    pub selectors: [u8; N],
    /// The bytes before the first separator, or `None` when there is none.
    pub first: Option<&'a [u8]>,
    /// The bytes after the first separator, or all of them when there is none.
    pub second: &'a [u8],
}

/// Cuts `data` into `N` selector bytes and two parts.
///
/// ```
/// let parts = claims_fuzz::input::split::<1>(b"\x02{}\xff[]");
/// assert_eq!((parts.selectors, parts.first, parts.second), ([2], Some(&b"{}"[..]), &b"[]"[..]));
/// let parts = claims_fuzz::input::split::<2>(b"\x01");
/// assert_eq!((parts.selectors, parts.first, parts.second), ([1, 0], None, &b""[..]));
/// ```
pub fn split<const N: usize>(data: &[u8]) -> Parts<'_, N> {
    let mut selectors = [0; N];
    let taken = data.len().min(N);
    selectors[..taken].copy_from_slice(&data[..taken]);
    let rest = &data[taken..];
    match rest.iter().position(|&b| b == SEPARATOR) {
        Some(at) => Parts {
            selectors,
            first: Some(&rest[..at]),
            second: &rest[at + 1..],
        },
        None => Parts {
            selectors,
            first: None,
            second: rest,
        },
    }
}
