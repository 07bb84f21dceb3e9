//! The header parser: arbitrary header bytes over a valid payload, under a valid HS256 MAC, through a
//! verifier with one key and one with a key set chosen by `kid`.
//!
//! Input: a layout selector byte, then the header bytes. Anything accepted passes `accepted::check`;
//! through the key set, only the key named `k1` (the one that made the MAC) can accept.
#![no_main]

use claims_fuzz::accepted::{self, Expect};
use claims_fuzz::keys::{self, GOOD_KID};
use claims_jwt::{Clerk, Generic, Layout, Stytch};
use claims_tests::{Dynamic, NOW, signed};
use libfuzzer_sys::fuzz_target;

fn run<L: Layout + PartialEq>(header: &[u8]) {
    let payload = format!(r#"{{"sub":"user_1","iat":{NOW},"exp":{}}}"#, NOW + 60);
    let token = signed(header, payload.as_bytes());
    let expect = Expect {
        now: NOW,
        leeway: L::DEFAULT_LEEWAY,
        alg: "HS256",
    };
    match keys::single::<L>().verify::<Dynamic>(&token) {
        Ok(accepted) => accepted::check(&token, &accepted, expect),
        Err(err) => {
            let _ = (err.kind(), err.status(), err.to_string());
        }
    }
    match keys::key_set::<L>().verify::<Dynamic>(&token) {
        Ok(accepted) => {
            accepted::check(&token, &accepted, expect);
            assert_eq!(
                accepted.header().kid(),
                Some(GOOD_KID),
                "another key accepted"
            );
        }
        Err(err) => {
            let _ = (err.kind(), err.status(), err.to_string());
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let (selector, header) = data.split_first().unwrap_or((&0, &[]));
    match selector % 3 {
        0 => run::<Generic>(header),
        1 => run::<Clerk>(header),
        _ => run::<Stytch>(header),
    }
});
