//! Arbitrary bytes as a compact token, through every layout's verifier (one key, a key set, Clerk's
//! RS256 key): nothing panics, every refusal is a typed error, and anything accepted passes
//! `accepted::check`.
#![no_main]

use claims_fuzz::accepted::{self, Expect};
use claims_fuzz::keys::{self, CLERK_KEY, CLERK_NOW};
use claims_jwt::{Clerk, Clock, Generic, Layout, Payload, Stytch, Verifier};
use claims_tests::{Dynamic, NOW};
use libfuzzer_sys::fuzz_target;

fn run<L: Layout + PartialEq>(token: &str, verifier: &Verifier<L>, expect: Expect) {
    match verifier.verify::<Dynamic>(token) {
        Ok(accepted) => accepted::check(token, &accepted, expect),
        Err(err) => {
            // Every refusal maps to an answer and a message without panicking.
            let _ = (err.kind(), err.status(), err.to_string());
        }
    }
    if let Ok((header, payload)) = verifier.verify_signature(token) {
        assert_eq!(
            accepted::segments(token).1,
            payload,
            "verify_signature's payload"
        );
        assert_eq!(header.alg(), expect_alg(expect), "verify_signature's alg");
    }
}

fn expect_alg(expect: Expect) -> claims_jwt::Algorithm {
    match expect.alg {
        "RS256" => claims_jwt::Algorithm::RS256,
        _ => claims_jwt::Algorithm::HS256,
    }
}

fn layout<L: Layout + PartialEq>(token: &str, bytes: &[u8]) {
    let hs256 = Expect {
        now: NOW,
        leeway: L::DEFAULT_LEEWAY,
        alg: "HS256",
    };
    run(token, &keys::single::<L>(), hs256);
    run(token, &keys::key_set::<L>(), hs256);
    // The payload parser on its own, on the raw bytes.
    let _ = Payload::<Dynamic, L>::from_json(bytes);
}

fuzz_target!(|data: &[u8]| {
    let token = String::from_utf8_lossy(data);
    layout::<Generic>(&token, data);
    layout::<Clerk>(&token, data);
    layout::<Stytch>(&token, data);
    let clerk = Verifier::<Clerk>::new(CLERK_KEY.clone()).with_clock(Clock::fixed(CLERK_NOW));
    let rs256 = Expect {
        now: CLERK_NOW,
        leeway: Clerk::DEFAULT_LEEWAY,
        alg: "RS256",
    };
    run(&token, &clerk, rs256);
});
