//! The derive's bound: a value of a derived struct that passes `check_bounds` never serializes past
//! `MAX_JSON_LEN`, and every value brought within its declared bounds passes `check_bounds`.
//!
//! Input: `arbitrary` bytes for a `Bounded` value, checked as it comes and again once clamped.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use claims_core::SessionClaims;
use claims_core::size::json_size;
use claims_fuzz::bounded::Bounded;
use claims_fuzz::oracle::written_size;
use libfuzzer_sys::fuzz_target;

fn check(value: &Bounded, max: usize) {
    let (bytes, utf16_units) = written_size(value);
    let size = json_size(value).expect("a bounded value is measured");
    assert_eq!(
        (size.bytes, size.utf16_units),
        (bytes, utf16_units),
        "json_size"
    );
    if value.check_bounds().is_ok() {
        assert!(
            bytes <= max,
            "{bytes} bytes past MAX_JSON_LEN = {max}: {value:?}"
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let max = Bounded::MAX_JSON_LEN.expect("every field of Bounded is bounded");
    let Ok(mut value) = Bounded::arbitrary_take_rest(Unstructured::new(data)) else {
        return;
    };
    check(&value, max);
    value.clamp();
    assert_eq!(
        value.check_bounds(),
        Ok(()),
        "a value within its bounds refused: {value:?}"
    );
    check(&value, max);
});
