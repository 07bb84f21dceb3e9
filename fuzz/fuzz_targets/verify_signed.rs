//! Arbitrary header and payload bytes under a valid HS256 MAC, so that every input reaches the header
//! and payload parsers of a Generic, Clerk or Stytch verifier.
//!
//! Input: a layout selector byte, then the header bytes, `0xFF`, the payload bytes (no `0xFF`: the
//! whole rest is the payload under `{"alg":"HS256","typ":"JWT"}`). Anything accepted passes
//! `accepted::check`, reads the same into a derived type as into a map, and mints again unchanged.
#![no_main]

use claims_fuzz::accepted::{self, Expect};
use claims_fuzz::bounded::TypedClaims;
use claims_fuzz::input::split;
use claims_fuzz::keys;
use claims_fuzz::oracle::readable;
use claims_jwt::{Clerk, Generic, Stytch};
use claims_tests::{Dynamic, NOW, signed};
use libfuzzer_sys::fuzz_target;

fn run<L: TypedClaims>(header: &[u8], payload: &[u8]) {
    let token = signed(header, payload);
    let token = token.as_str();
    let verifier = keys::single::<L>();
    let dynamic = verifier.verify::<Dynamic>(token);
    let typed = verifier.verify::<L::Claims>(token);
    match &dynamic {
        Ok(accepted) => {
            let expect = Expect {
                now: NOW,
                leeway: L::DEFAULT_LEEWAY,
                alg: "HS256",
            };
            accepted::check(token, accepted, expect);
            accepted::check_refresh(accepted, &keys::signing_key(), NOW);
        }
        Err(err) => {
            let _ = (err.kind(), err.status(), err.to_string());
            // A derived type reads a subset of what a map reads (the refusal may differ: the derived type
            // can stop earlier, at a custom claim it cannot read). The exceptions are what JSON's
            // grammar allows but a map cannot hold (`oracle::readable`), in a claim the derived type skips.
            if typed.is_ok() {
                let cleaned = signed(header, &readable(payload));
                let map = verifier.verify::<Dynamic>(&cleaned);
                assert!(
                    map.is_ok(),
                    "a derived type read what a map refused: {err:?}"
                );
            }
        }
    }
    if let (Ok(typed), Ok(dynamic)) = (typed, dynamic) {
        assert_eq!(
            typed.registered(),
            dynamic.registered(),
            "registered claims"
        );
        assert_eq!(typed.layout(), dynamic.layout(), "layout claims");
    }
}

fuzz_target!(|data: &[u8]| {
    let parts = split::<1>(data);
    let header = parts.first.unwrap_or(br#"{"alg":"HS256","typ":"JWT"}"#);
    match parts.selectors[0] % 3 {
        0 => run::<Generic>(header, parts.second),
        1 => run::<Clerk>(header, parts.second),
        _ => run::<Stytch>(header, parts.second),
    }
});
