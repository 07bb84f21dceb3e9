//! The numbered gaps of issue 8 that are still open on this branch.
//!
//! The targets assert what the verifier must do once issue 8 is closed. Where a token that an open gap
//! lets through is accepted, the check for that one property is skipped (and the target goes on looking
//! for anything else); a gap that is not listed here fails the target. Delete a number when its fix
//! lands, and the targets assert it from then on.

/// Open gaps, by their number in issue 8. None: the `typ` check (2), the header shape (3), the refused
/// key parameters (4) and the refused unexpected `aud` (7) have landed, so the targets assert them all.
pub const OPEN: &[u8] = &[];

/// Records that an accepted token shows issue 8's gap `number`: fine while it is open, a finding once
/// it is closed.
///
/// # Panics
///
/// When gap `number` is not in [`OPEN`]: the fuzzer found a token the fixed verifier must refuse.
pub fn tolerate(number: u8, what: &str) {
    assert!(
        OPEN.contains(&number),
        "accepted a token with issue 8's closed gap {number}: {what}"
    );
}
