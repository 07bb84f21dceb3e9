//! The minter enforces the bounds a cookie proof counted, so no data can break the proof: every
//! registered and provider value one step over its bound is refused with the claim, the bound and the
//! size, beside a value exactly at its bound that is minted. A proof that assumed a shorter key or `kid`
//! than the minter's is refused when the two are joined.

use std::time::Duration;

use claims_jwt::bounds::{ClerkBounds, RegisteredBounds, StytchBounds};
use claims_jwt::claims_core::BoundKind;
use claims_jwt::claims_core::size::SignatureAlg;
use claims_jwt::layout::{
    ClerkActor, ClerkOrganization, StytchAttributes, StytchOrganization, StytchSession,
};
use claims_jwt::{
    Algorithm, Audience, BoundedLayout, Clerk, Clock, CookieProof, Error, Generic, Minted, Minter,
    Payload, Registered, SigningKey, Stytch, Verifier,
};
use claims_tests::{Dynamic, NOW, SECRET, dynamic, keys};
use serde_json::{Value, json};

fn key() -> SigningKey {
    SigningKey::hs256(SECRET).unwrap().with_kid("ins_1")
}

fn refused(claim: &str, bound: BoundKind, limit: Option<usize>, actual: usize) -> Error {
    Error::LayoutBound {
        claim: claim.into(),
        bound,
        limit,
        actual,
    }
}

fn mint<L: BoundedLayout>(
    minter: &Minter<L>,
    registered: Registered,
    layout: L,
) -> Result<Minted, Error> {
    minter.mint(
        &Payload::new(dynamic(json!({"plan": "pro"})))
            .with_registered(registered)
            .with_layout(layout),
    )
}

/// Clerk's claims exactly at their default bounds.
fn clerk_at_bounds() -> Clerk {
    Clerk {
        azp: Some("a".repeat(96)),
        fva: Some([9_999_999, -1]),
        sid: Some("s".repeat(40)),
        v: Some(2),
        pla: Some("p".repeat(64)),
        fea: Some("f".repeat(256)),
        sts: Some("t".repeat(16)),
        o: Some(ClerkOrganization {
            id: "i".repeat(40),
            slg: Some("s".repeat(64)),
            rol: Some("r".repeat(64)),
            per: Some("p".repeat(256)),
            fpm: Some("f".repeat(64)),
        }),
        act: Some(ClerkActor {
            iss: Some("i".repeat(64)),
            sid: Some("s".repeat(40)),
            sub: Some("u".repeat(40)),
        }),
    }
}

/// Stytch's claims exactly at their default bounds.
fn stytch_at_bounds() -> Stytch {
    Stytch {
        session: Some(StytchSession {
            id: "i".repeat(64),
            started_at: Some("s".repeat(32)),
            last_accessed_at: Some("l".repeat(32)),
            expires_at: Some("e".repeat(32)),
            attributes: Some(StytchAttributes {
                user_agent: "u".repeat(192),
                ip_address: "p".repeat(45),
            }),
            authentication_factors: vec![json!({"k": "v".repeat(248)}); 2], // 256 bytes each
            roles: vec!["r".repeat(32); 4],
        }),
        organization: Some(StytchOrganization {
            organization_id: "o".repeat(64),
            slug: Some("s".repeat(128)),
        }),
        other: serde_json::Map::new(),
    }
}

#[test]
fn registered_claims_one_byte_over_their_bound_are_refused() {
    let minter = Minter::<Clerk>::new(key()).with_clock(Clock::fixed(NOW));
    let at = Registered::default()
        .with_subject("s".repeat(40))
        .with_jti("j".repeat(32));
    assert!(mint(&minter, at.clone(), Clerk::default()).is_ok());
    let cases = [
        (
            at.clone().with_subject("s".repeat(41)),
            refused("sub", BoundKind::MaxLen, Some(40), 41),
        ),
        (
            at.clone().with_jti("j".repeat(33)),
            refused("jti", BoundKind::MaxLen, Some(32), 33),
        ),
        // Clerk writes no `aud`: its bounds say never.
        (
            at.clone().with_audience(Audience::One("api".into())),
            refused("aud", BoundKind::MaxItems, None, 1),
        ),
    ];
    for (registered, err) in cases {
        assert_eq!(
            mint(&minter, registered, Clerk::default()).unwrap_err(),
            err
        );
    }
    // The minter's own issuer counts as the token's.
    let issuer = |len| minter.clone().with_issuer("i".repeat(len));
    assert!(mint(&issuer(64), at.clone(), Clerk::default()).is_ok());
    assert_eq!(
        mint(&issuer(65), at, Clerk::default()).unwrap_err(),
        refused("iss", BoundKind::MaxLen, Some(64), 65)
    );
}

#[test]
fn audiences_are_bounded_in_number_and_length() {
    let minter = Minter::<Generic>::new(key()).with_clock(Clock::fixed(NOW));
    let aud = |items: usize, last: usize| {
        let mut audiences = vec!["a".repeat(64); items - 1];
        audiences.push("z".repeat(last));
        Registered::default().with_audience(Audience::Many(audiences))
    };
    assert!(mint(&minter, aud(4, 64), Generic).is_ok());
    assert_eq!(
        mint(&minter, aud(5, 1), Generic).unwrap_err(),
        refused("aud", BoundKind::MaxItems, Some(4), 5)
    );
    assert_eq!(
        mint(&minter, aud(4, 65), Generic).unwrap_err(),
        refused("aud[3]", BoundKind::MaxLen, Some(64), 65)
    );
    // One audience written as a string counts as one item.
    let one = Registered::default().with_audience(Audience::One("b".repeat(65)));
    assert_eq!(
        mint(&minter, one, Generic).unwrap_err(),
        refused("aud[0]", BoundKind::MaxLen, Some(64), 65)
    );
}

#[test]
fn times_are_bounded_by_their_digits() {
    // exp = now + 60: 9,999,999,999 is the last second of ten digits (2286-11-20).
    let at = Minter::<Generic>::new(key()).with_clock(Clock::fixed(9_999_999_999 - 60));
    assert!(mint(&at, Registered::default(), Generic).is_ok());
    let over = Minter::<Generic>::new(key()).with_clock(Clock::fixed(9_999_999_999 - 59));
    assert_eq!(
        mint(&over, Registered::default(), Generic).unwrap_err(),
        refused("exp", BoundKind::MaxJsonLen, Some(10), 11)
    );
    // Without a lifetime, a clock past the bound is refused at once: `exp` is `iat`.
    let late = Minter::<Generic>::new(key())
        .with_ttl(Duration::ZERO)
        .with_clock(Clock::fixed(10_000_000_000));
    assert!(matches!(
        mint(&late, Registered::default(), Generic),
        Err(Error::LayoutBound { ref claim, limit: Some(10), actual: 11, .. }) if claim == "exp"
    ));
}

#[test]
fn clerk_claims_one_step_over_their_bound_are_refused() {
    let minter = Minter::<Clerk>::new(key()).with_clock(Clock::fixed(NOW));
    let at = clerk_at_bounds();
    assert!(mint(&minter, Registered::default(), at.clone()).is_ok());

    let over = |change: fn(&mut Clerk)| {
        let mut clerk = clerk_at_bounds();
        change(&mut clerk);
        mint(&minter, Registered::default(), clerk).unwrap_err()
    };
    let string =
        |claim: &str, limit: usize| refused(claim, BoundKind::MaxLen, Some(limit), limit + 1);
    assert_eq!(over(|c| c.azp = Some("a".repeat(97))), string("azp", 96));
    assert_eq!(over(|c| c.sid = Some("s".repeat(41))), string("sid", 40));
    assert_eq!(over(|c| c.pla = Some("p".repeat(65))), string("pla", 64));
    assert_eq!(over(|c| c.fea = Some("f".repeat(257))), string("fea", 256));
    assert_eq!(over(|c| c.sts = Some("t".repeat(17))), string("sts", 16));
    assert_eq!(
        over(|c| c.o.as_mut().unwrap().id = "i".repeat(41)),
        string("o.id", 40)
    );
    assert_eq!(
        over(|c| c.o.as_mut().unwrap().per = Some("p".repeat(257))),
        string("o.per", 256)
    );
    assert_eq!(
        over(|c| c.act.as_mut().unwrap().sub = Some("u".repeat(41))),
        string("act.sub", 40)
    );
    // Numbers by their characters, a minus sign included.
    let number =
        |claim: &str, limit: usize| refused(claim, BoundKind::MaxJsonLen, Some(limit), limit + 1);
    assert_eq!(
        over(|c| c.fva = Some([10_000_000, -1])),
        number("fva[0]", 7)
    );
    assert_eq!(over(|c| c.fva = Some([0, -1_000_000])), number("fva[1]", 7));
    assert_eq!(over(|c| c.v = Some(10)), number("v", 1));
}

#[test]
fn a_claim_the_bounds_leave_out_is_refused_when_present() {
    let bounds = Clerk::BOUNDS.with_layout(ClerkBounds {
        o: None,
        act: None,
        ..ClerkBounds::DEFAULT
    });
    let minter = Minter::<Clerk>::new(key())
        .with_bounds(bounds)
        .with_clock(Clock::fixed(NOW));
    let without = Clerk {
        o: None,
        act: None,
        ..clerk_at_bounds()
    };
    assert!(mint(&minter, Registered::default(), without.clone()).is_ok());
    let org = ClerkOrganization {
        id: "org_1".into(),
        ..ClerkOrganization::default()
    };
    let err = mint(
        &minter,
        Registered::default(),
        Clerk {
            o: Some(org),
            ..without
        },
    )
    .unwrap_err();
    assert_eq!(
        err,
        refused("o", BoundKind::MaxJsonLen, None, r#"{"id":"org_1"}"#.len())
    );
}

#[test]
fn stytch_claims_one_step_over_their_bound_are_refused() {
    const SESSION: &str = Stytch::SESSION;
    let minter = Minter::<Stytch>::new(key()).with_clock(Clock::fixed(NOW));
    assert!(mint(&minter, Registered::default(), stytch_at_bounds()).is_ok());

    let over = |change: fn(&mut Stytch)| {
        let mut stytch = stytch_at_bounds();
        change(&mut stytch);
        mint(&minter, Registered::default(), stytch).unwrap_err()
    };
    assert_eq!(
        over(|s| s.session.as_mut().unwrap().id = "i".repeat(65)),
        refused(&format!("{SESSION}.id"), BoundKind::MaxLen, Some(64), 65)
    );
    assert_eq!(
        over(|s| {
            s.session
                .as_mut()
                .unwrap()
                .attributes
                .as_mut()
                .unwrap()
                .user_agent = "u".repeat(193);
        }),
        refused(
            &format!("{SESSION}.attributes.user_agent"),
            BoundKind::MaxLen,
            Some(192),
            193
        )
    );
    assert_eq!(
        over(|s| s.session.as_mut().unwrap().roles.push("r".into())),
        refused(&format!("{SESSION}.roles"), BoundKind::MaxItems, Some(4), 5)
    );
    assert_eq!(
        over(|s| s.session.as_mut().unwrap().roles[3] = "r".repeat(33)),
        refused(
            &format!("{SESSION}.roles[3]"),
            BoundKind::MaxLen,
            Some(32),
            33
        )
    );
    assert_eq!(
        over(|s| {
            s.session.as_mut().unwrap().authentication_factors[1] = json!({"k": "v".repeat(249)});
        }),
        refused(
            &format!("{SESSION}.authentication_factors[1]"),
            BoundKind::MaxJsonLen,
            Some(256),
            257
        )
    );
    assert_eq!(
        over(|s| s.organization.as_mut().unwrap().slug = Some("s".repeat(129))),
        refused(
            &format!("{}.slug", Stytch::ORGANIZATION),
            BoundKind::MaxLen,
            Some(128),
            129
        )
    );
    // No other `https://stytch.com/` claim by default; and Stytch writes no `jti`.
    assert_eq!(
        over(|s| {
            s.other
                .insert("https://stytch.com/x".into(), Value::from(1));
        }),
        refused(
            "other https://stytch.com/ claims",
            BoundKind::MaxJsonLen,
            Some(2),
            r#"{"https://stytch.com/x":1}"#.len()
        )
    );
    assert_eq!(
        mint(
            &minter,
            Registered::default().with_jti("t-1"),
            stytch_at_bounds()
        )
        .unwrap_err(),
        refused("jti", BoundKind::MaxLen, None, 3)
    );
    // Bounds that allow them, allow them.
    let open = minter.clone().with_bounds(
        Stytch::BOUNDS
            .with_registered(RegisteredBounds {
                jti: Some(3),
                ..RegisteredBounds::STYTCH
            })
            .with_layout(StytchBounds {
                other: 26,
                ..StytchBounds::DEFAULT
            }),
    );
    let mut other = stytch_at_bounds();
    other
        .other
        .insert("https://stytch.com/x".into(), Value::from(1));
    assert!(mint(&open, Registered::default().with_jti("t-1"), other).is_ok());
}

#[test]
fn a_reissue_of_a_token_outside_the_bounds_is_refused() {
    // Minted under looser bounds, reissued by a minter with the defaults.
    let loose = Clerk::BOUNDS.with_layout(ClerkBounds {
        sid: Some(100),
        ..ClerkBounds::DEFAULT
    });
    let minted = Minter::<Clerk>::new(key())
        .with_bounds(loose)
        .with_clock(Clock::fixed(NOW))
        .mint(&Payload::new(Dynamic::new()).with_layout(Clerk {
            sid: Some("s".repeat(100)),
            ..Clerk::default()
        }))
        .unwrap();
    let token = Verifier::<Clerk>::new(key().verifying_key())
        .with_clock(Clock::fixed(NOW + 1))
        .verify::<Dynamic>(minted.as_str())
        .unwrap();
    let err = Minter::<Clerk>::new(key())
        .with_clock(Clock::fixed(NOW + 1))
        .reissue(&token, &json!({"plan": "team"}))
        .unwrap_err();
    assert_eq!(err, refused("sid", BoundKind::MaxLen, Some(40), 100));
}

#[test]
fn a_proof_joins_a_minter_only_if_it_assumed_as_much_as_the_key_writes() {
    type Proof = CookieProof<Dynamic, Clerk>;
    let rsa = SigningKey::from_rsa_pem(Algorithm::RS256, keys::RSA)
        .unwrap()
        .with_kid("k".repeat(32));

    let hs256: Proof = CookieProof::new(SignatureAlg::Hs256).kid_len(32);
    assert_eq!(
        Minter::<Clerk>::new(rsa.clone())
            .with_proof(&hs256)
            .unwrap_err(),
        Error::ProofMismatch {
            what: "signature",
            proved: Some(32),
            actual: 256
        }
    );
    let short_kid: Proof = CookieProof::new(SignatureAlg::Rsa { modulus_bits: 2048 }).kid_len(31);
    assert_eq!(
        Minter::<Clerk>::new(rsa.clone())
            .with_proof(&short_kid)
            .unwrap_err(),
        Error::ProofMismatch {
            what: "kid",
            proved: Some(31),
            actual: 32
        }
    );
    let no_kid: Proof = CookieProof::new(SignatureAlg::Rsa { modulus_bits: 2048 });
    assert_eq!(
        Minter::<Clerk>::new(rsa.clone())
            .with_proof(&no_kid)
            .unwrap_err(),
        Error::ProofMismatch {
            what: "kid",
            proved: None,
            actual: 32
        }
    );

    // A proof for a longer signature holds a fortiori; the minter takes its cookie and bounds.
    let lean = Clerk::BOUNDS.with_layout(ClerkBounds {
        o: None,
        ..ClerkBounds::DEFAULT
    });
    let rsa4096: Proof = CookieProof::new(SignatureAlg::Rsa { modulus_bits: 4096 })
        .kid_len(32)
        .bounds(lean)
        .cookie("sid")
        .cookie_limit(3180);
    let minter = Minter::<Clerk>::new(rsa).with_proof(&rsa4096).unwrap();
    assert_eq!(minter.bounds(), &lean);
    assert_eq!(
        (minter.cookie().name(), minter.cookie().limit()),
        ("sid", 3180)
    );
    let token = minter.mint(&Payload::new(Dynamic::new())).unwrap();
    assert_eq!(token.cookie_len(), "sid=".len() + token.len());
}

#[test]
fn the_size_report_shows_the_real_budget_beside_the_rule_of_thumb() {
    let key = SigningKey::from_rsa_pem(Algorithm::RS256, keys::RSA)
        .unwrap()
        .with_kid("ins_2pJ8kQ3vX9mN4rT6yW1zB5cD7fGx");
    let minter = Minter::<Clerk>::new(key).with_clock(Clock::fixed(NOW));
    let token = mint(
        &minter,
        Registered::default().with_subject("user_1"),
        Clerk::default(),
    )
    .unwrap();
    let report = token.size_report().unwrap();
    assert_eq!(report.token_budget(), Some(minter.token_budget()));
    let sentence = "clerk advises 1200 bytes of custom claims; your RSA-2048 clerk layout in `__session` allows \
                    1260 bytes";
    assert_eq!(minter.token_budget().to_string(), sentence);
    assert!(
        report.to_string().ends_with(&format!("{sentence}\n")),
        "{report}"
    );
}

/// Custom claims with a small bound, for proofs about the header.
#[derive(claims_jwt::SessionClaims, serde::Serialize, serde::Deserialize)]
struct Plan {
    #[claims(max_len = 8)]
    plan: String,
}

#[test]
fn a_proof_may_count_the_longest_kid_verifiers_accept() {
    const PROOF: CookieProof<Plan, Generic> = CookieProof::new(SignatureAlg::Hs256)
        .kid_len(claims_jwt::MAX_KID_LEN)
        .assert();
    assert_eq!(PROOF.max_kid_len(), Some(claims_jwt::MAX_KID_LEN));
}

#[test]
#[should_panic(
    expected = "the proof's `kid_len` is over `claims_jwt::MAX_KID_LEN`, the longest `kid` verifiers accept: \
                tokens with such a `kid` would be refused; lower `kid_len`"
)]
fn a_proof_refuses_a_kid_longer_than_verifiers_accept() {
    // At run time here, so that the test can catch it; in a `const` it is a compile error.
    let _ = CookieProof::<Plan, Generic>::new(SignatureAlg::Hs256)
        .kid_len(claims_jwt::MAX_KID_LEN + 1)
        .assert();
}
