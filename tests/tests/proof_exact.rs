//! A cookie proof is exact, not just an upper bound: for every layout and every algorithm (and key size),
//! the largest token a `CookieProof` computes is the length of a real token minted from values built to
//! reach every bound: registered, provider and custom claims, and the header's `kid`.

use claims_jwt::bounds::{
    ClerkActorBounds, ClerkBounds, ClerkOrganizationBounds, RegisteredBounds, Strings,
    StytchBounds, StytchOrganizationBounds, StytchSessionBounds, Values,
};
use claims_jwt::claims_core::profile::FitsProfile;
use claims_jwt::claims_core::size::SignatureAlg;
use claims_jwt::layout::{
    ClerkActor, ClerkOrganization, StytchAttributes, StytchOrganization, StytchSession,
};
use claims_jwt::{
    Algorithm, Audience, BoundedLayout, Clerk, Clock, CookieProof, Generic, Minter, Payload,
    Registered, SessionClaims, SigningKey, Stytch, TokenBounds,
};
use claims_tests::{NOW, keys};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

/// Bytes of every `kid` here.
const KID_LEN: usize = 32;

/// 64 bytes: long enough for HS512 however strict HMAC key checks become.
const HMAC_SECRET: &[u8] = b"a 64-byte secret for every HMAC size, HS256 to HS512, no shorter!";

/// The same custom claims, derived for each layout's profile, and their largest value.
macro_rules! custom_claims {
    ($name:ident, $profile:literal) => {
        #[derive(SessionClaims, serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
        #[claims(profile = $profile)]
        #[serde(rename_all = "camelCase")]
        struct $name {
            #[claims(max_len = 64)]
            full_name: String,
            #[claims(max_items = 4, max_len = 16)]
            roles: Vec<String>,
            tenant: Option<u64>,
            score: i32,
            #[claims(max_len = 8)]
            nickname: Option<String>,
        }

        impl $name {
            fn largest() -> Self {
                $name {
                    full_name: "x".repeat(64),
                    roles: vec!["r".repeat(16); 4],
                    tenant: Some(u64::MAX),
                    score: i32::MIN,
                    nickname: Some("\n".repeat(4)), // 8 bytes once escaped
                }
            }
        }
    };
}

custom_claims!(GenericClaims, "rfc7519");
custom_claims!(ClerkClaims, "clerk");
custom_claims!(StytchClaims, "stytch");

/// A key for every algorithm claims-jwt signs with, RSA at 2048, 3072 and 4096 bits, each with a `kid`
/// of `KID_LEN` bytes.
fn every_key() -> Vec<SigningKey> {
    let mut keys = Vec::new();
    for alg in claims_jwt::ALGORITHMS {
        match alg {
            Algorithm::HS256 | Algorithm::HS384 | Algorithm::HS512 => {
                keys.push(SigningKey::hmac(alg, HMAC_SECRET).unwrap());
            }
            Algorithm::ES256 => keys.push(SigningKey::from_ec_pem(alg, keys::P256).unwrap()),
            Algorithm::ES384 => keys.push(SigningKey::from_ec_pem(alg, keys::P384).unwrap()),
            Algorithm::EdDSA => keys.push(SigningKey::from_ed_pem(keys::ED).unwrap()),
            // RS* and PS*; an algorithm the library adds later fails here until it has a key.
            rsa => {
                for pem in [keys::RSA, keys::RSA3072, keys::RSA4096] {
                    keys.push(SigningKey::from_rsa_pem(rsa, pem).unwrap());
                }
            }
        }
    }
    keys.into_iter()
        .map(|key| key.with_kid("k".repeat(KID_LEN)))
        .collect()
}

/// The largest integer of `chars` digits (at most 18, so that it fits an `i64`).
fn nines(chars: usize) -> i64 {
    "9".repeat(chars).parse().unwrap()
}

/// A JSON object of exactly `len` bytes (at least 8: `{"k":""}`).
fn json_of_len(len: usize) -> Value {
    json!({ "k": "v".repeat(len - 8) })
}

fn largest_registered(bounds: &RegisteredBounds) -> Registered {
    let mut registered = Registered::default();
    if let Some(len) = bounds.iss {
        registered = registered.with_issuer("i".repeat(len));
    }
    if let Some(len) = bounds.sub {
        registered = registered.with_subject("s".repeat(len));
    }
    if let Some(aud) = bounds.aud {
        registered =
            registered.with_audience(Audience::Many(vec!["a".repeat(aud.max_len); aud.items]));
    }
    if let Some(len) = bounds.jti {
        registered = registered.with_jti("j".repeat(len));
    }
    registered
}

fn largest_clerk(bounds: &ClerkBounds) -> Clerk {
    let text = |len: Option<usize>, c: &str| len.map(|len| c.repeat(len));
    Clerk {
        azp: text(bounds.azp, "a"),
        fva: bounds.fva.map(|chars| [nines(chars), nines(chars)]),
        sid: text(bounds.sid, "s"),
        v: bounds.v.map(|digits| u32::try_from(nines(digits)).unwrap()),
        pla: text(bounds.pla, "p"),
        fea: text(bounds.fea, "f"),
        sts: text(bounds.sts, "t"),
        o: bounds.o.map(|o| ClerkOrganization {
            id: "i".repeat(o.id),
            slg: Some("s".repeat(o.slg)),
            rol: Some("r".repeat(o.rol)),
            per: Some("p".repeat(o.per)),
            fpm: Some("f".repeat(o.fpm)),
        }),
        act: bounds.act.map(|act| ClerkActor {
            iss: Some("i".repeat(act.iss)),
            sid: Some("s".repeat(act.sid)),
            sub: Some("u".repeat(act.sub)),
        }),
    }
}

fn largest_stytch(bounds: &StytchBounds) -> Stytch {
    let mut other = Map::new();
    if bounds.other > 2 {
        // {"https://stytch.com/x":"..."} of exactly `other` bytes
        let name = "https://stytch.com/x";
        let filler = bounds.other - 2 - name.len() - 2 - 1 - 2;
        other.insert(name.to_owned(), Value::from("o".repeat(filler)));
    }
    Stytch {
        session: bounds.session.map(|s| StytchSession {
            id: "i".repeat(s.id),
            started_at: Some("s".repeat(s.started_at)),
            last_accessed_at: Some("l".repeat(s.last_accessed_at)),
            expires_at: Some("e".repeat(s.expires_at)),
            attributes: Some(StytchAttributes {
                user_agent: "u".repeat(s.user_agent),
                ip_address: "p".repeat(s.ip_address),
            }),
            authentication_factors: vec![
                json_of_len(s.authentication_factors.max_json_len);
                s.authentication_factors.items
            ],
            roles: vec!["r".repeat(s.roles.max_len); s.roles.items],
        }),
        organization: bounds.organization.map(|o| StytchOrganization {
            organization_id: "o".repeat(o.organization_id),
            slug: Some("s".repeat(o.slug)),
        }),
        other,
    }
}

/// The time at which `exp`, `nbf` and `iat` all have `digits` digits (3 to 20), the most the bounds allow.
fn now_with_digits(digits: u32) -> u64 {
    10u64.pow(digits - 1)
}

/// Mints the largest token of `layout` and `custom` under `bounds`, with `key`, and checks it against
/// the proof's figures.
fn assert_exact<C: SessionClaims + FitsProfile<L::Profile>, L: BoundedLayout>(
    key: &SigningKey,
    bounds: TokenBounds<L::Bounds>,
    layout: L,
    custom: C,
) {
    let digits = u32::try_from(bounds.registered().time_digits).unwrap();
    let proof = CookieProof::<C, L>::new(key.signature_alg())
        .kid_len(KID_LEN)
        .bounds(bounds)
        .cookie_limit(1 << 16); // the figures, not the fit, are under test here
    let budget = proof.budget();
    let minter = Minter::<L>::new(key.clone())
        .with_proof(&proof)
        .unwrap()
        .without_budget()
        .with_clock(Clock::fixed(now_with_digits(digits)));
    let payload = Payload::new(custom)
        .with_registered(largest_registered(bounds.registered()))
        .with_layout(layout);
    let token = minter.mint(&payload).unwrap();
    let what = format!("{} {:?}", L::NAME, key.algorithm());
    assert_eq!(
        budget.payload_json_len(),
        Some(token.payload_json_len()),
        "{what}"
    );
    assert_eq!(budget.token_len(), Some(token.len()), "{what}");
    assert_eq!(budget.cookie_len(), Some(token.cookie_len()), "{what}");
}

#[test]
fn the_largest_custom_claims_reach_their_bound() {
    for (json, max) in [
        (
            serde_json::to_vec(&GenericClaims::largest()).unwrap().len(),
            GenericClaims::MAX_JSON_LEN,
        ),
        (
            serde_json::to_vec(&ClerkClaims::largest()).unwrap().len(),
            ClerkClaims::MAX_JSON_LEN,
        ),
        (
            serde_json::to_vec(&StytchClaims::largest()).unwrap().len(),
            StytchClaims::MAX_JSON_LEN,
        ),
    ] {
        assert_eq!(Some(json), max);
    }
}

#[test]
fn every_layout_and_algorithm_mints_exactly_the_largest_token() {
    let keys = every_key();
    assert_eq!(keys.len(), 3 + 18 + 3);
    for key in &keys {
        assert_exact(key, Generic::BOUNDS, Generic, GenericClaims::largest());
        assert_exact(
            key,
            Clerk::BOUNDS,
            largest_clerk(Clerk::BOUNDS.layout()),
            ClerkClaims::largest(),
        );
        assert_exact(
            key,
            Stytch::BOUNDS,
            largest_stytch(Stytch::BOUNDS.layout()),
            StytchClaims::largest(),
        );
    }
}

#[test]
fn the_signature_sizes_are_those_of_the_keys() {
    let sizes: Vec<SignatureAlg> = every_key().iter().map(SigningKey::signature_alg).collect();
    // In `ALGORITHMS`' order: RS256..PS512 at 2048, 3072 and 4096 bits each, then EC, Ed25519, HMAC.
    let rsa = [2048, 3072, 4096].map(|modulus_bits| SignatureAlg::Rsa { modulus_bits });
    let mut expected: Vec<SignatureAlg> = rsa.repeat(6);
    expected.extend([
        SignatureAlg::Es256,
        SignatureAlg::Es384,
        SignatureAlg::EdDsa,
        SignatureAlg::Hs256,
        SignatureAlg::Hs384,
        SignatureAlg::Hs512,
    ]);
    assert_eq!(sizes, expected);
}

#[test]
fn at_their_defaults_every_layout_fits_its_cookie_with_these_claims() {
    // The proofs above ran with a large cookie; in the layouts' own cookies these claims fit too, with
    // the largest key of all.
    const _: CookieProof<GenericClaims, Generic> =
        CookieProof::new(SignatureAlg::Rsa { modulus_bits: 4096 })
            .kid_len(KID_LEN)
            .assert();
    const _: CookieProof<ClerkClaims, Clerk> =
        CookieProof::new(SignatureAlg::Rsa { modulus_bits: 4096 })
            .kid_len(KID_LEN)
            .assert();
    const STYTCH: CookieProof<StytchClaims, Stytch> =
        CookieProof::new(SignatureAlg::Rsa { modulus_bits: 4096 })
            .kid_len(KID_LEN)
            .assert();
    let key = SigningKey::from_rsa_pem(Algorithm::RS256, keys::RSA4096)
        .unwrap()
        .with_kid("k".repeat(KID_LEN));
    let minted = Minter::<Stytch>::new(key)
        .with_proof(&STYTCH)
        .unwrap()
        .with_clock(Clock::fixed(NOW))
        .mint(
            &Payload::new(StytchClaims::largest())
                .with_registered(largest_registered(&RegisteredBounds::STYTCH))
                .with_layout(largest_stytch(&StytchBounds::DEFAULT)),
        )
        .unwrap();
    assert_eq!(STYTCH.budget().cookie_len(), Some(minted.cookie_len()));
    assert!(minted.cookie_len() <= 4096);
}

fn registered_bounds() -> impl Strategy<Value = RegisteredBounds> {
    let len = || prop::option::of(0usize..80);
    (
        len(),
        len(),
        prop::option::of((0usize..4, 0usize..40)),
        len(),
        3usize..=20,
    )
        .prop_map(|(iss, sub, aud, jti, time_digits)| RegisteredBounds {
            iss,
            sub,
            aud: aud.map(|(items, max_len)| Strings { items, max_len }),
            jti,
            time_digits,
        })
}

fn clerk_bounds() -> impl Strategy<Value = ClerkBounds> {
    let len = || prop::option::of(0usize..100);
    let digits = || prop::option::of(1usize..=9);
    let org = prop::option::of((0usize..50, 0usize..50, 0usize..50, 0usize..300, 0usize..50))
        .prop_map(|o| {
            o.map(|(id, slg, rol, per, fpm)| ClerkOrganizationBounds {
                id,
                slg,
                rol,
                per,
                fpm,
            })
        });
    let act = prop::option::of((0usize..80, 0usize..50, 0usize..50))
        .prop_map(|a| a.map(|(iss, sid, sub)| ClerkActorBounds { iss, sid, sub }));
    (
        len(),
        digits(),
        len(),
        digits(),
        len(),
        len(),
        len(),
        org,
        act,
    )
        .prop_map(|(azp, fva, sid, v, pla, fea, sts, o, act)| ClerkBounds {
            azp,
            fva,
            sid,
            v,
            pla,
            fea,
            sts,
            o,
            act,
        })
}

fn stytch_bounds() -> impl Strategy<Value = StytchBounds> {
    let session = prop::option::of((
        (0usize..70, 0usize..40, 0usize..40, 0usize..40),
        (0usize..200, 0usize..50),
        (0usize..3, 8usize..300),
        (0usize..5, 0usize..40),
    ))
    .prop_map(|s| {
        s.map(
            |((id, started_at, last_accessed_at, expires_at), (user_agent, ip_address), f, r)| {
                StytchSessionBounds {
                    id,
                    started_at,
                    last_accessed_at,
                    expires_at,
                    user_agent,
                    ip_address,
                    authentication_factors: Values {
                        items: f.0,
                        max_json_len: f.1,
                    },
                    roles: Strings {
                        items: r.0,
                        max_len: r.1,
                    },
                }
            },
        )
    });
    let organization = prop::option::of((0usize..70, 0usize..130)).prop_map(|o| {
        o.map(|(organization_id, slug)| StytchOrganizationBounds {
            organization_id,
            slug,
        })
    });
    // 2: no other claim; otherwise room for `{"https://stytch.com/x":""}` at least
    let other = prop_oneof![Just(2usize), 27usize..200];
    (session, organization, other).prop_map(|(session, organization, other)| StytchBounds {
        session,
        organization,
        other,
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn configured_clerk_bounds_are_exact(registered in registered_bounds(), clerk in clerk_bounds()) {
        let key = SigningKey::hmac(Algorithm::HS256, HMAC_SECRET).unwrap().with_kid("k".repeat(KID_LEN));
        let bounds = Clerk::BOUNDS.with_registered(registered).with_layout(clerk);
        assert_exact(&key, bounds, largest_clerk(&clerk), ClerkClaims::largest());
    }

    #[test]
    fn configured_stytch_bounds_are_exact(registered in registered_bounds(), stytch in stytch_bounds()) {
        let key = SigningKey::hmac(Algorithm::HS256, HMAC_SECRET).unwrap().with_kid("k".repeat(KID_LEN));
        let bounds = Stytch::BOUNDS.with_registered(registered).with_layout(stytch);
        assert_exact(&key, bounds, largest_stytch(&stytch), StytchClaims::largest());
    }
}

#[test]
fn the_budgets_in_providers_md_are_the_computed_ones() {
    use claims_jwt::claims_core::size::CookieSpec;
    use claims_jwt::layout_budget;

    let algs = [
        SignatureAlg::Hs256,
        SignatureAlg::Es256,
        SignatureAlg::EdDsa,
        SignatureAlg::Rsa { modulus_bits: 2048 },
        SignatureAlg::Rsa { modulus_bits: 4096 },
    ];
    let rooms = |layout: &str, kid: usize, cookie: &CookieSpec| {
        algs.map(|alg| {
            layout_budget(layout, alg, Some(kid), cookie)
                .and_then(|budget| budget.custom_room())
                .unwrap()
        })
    };
    let session = CookieSpec::session();
    assert_eq!(rooms("clerk", 32, &session), [1484, 1452, 1452, 1260, 1004]);
    assert_eq!(
        rooms("stytch", 45, &CookieSpec::new("stytch_session_jwt")),
        [1152, 1119, 1119, 927, 672]
    );
    assert_eq!(
        rooms("generic", 8, &session),
        [2376, 2344, 2344, 2152, 1896]
    );

    // Without organizations and impersonation, Clerk's layout leaves 717 bytes more.
    let lean = Clerk::BOUNDS.with_layout(ClerkBounds {
        o: None,
        act: None,
        ..ClerkBounds::DEFAULT
    });
    let lean_rooms = algs.map(|alg| {
        CookieProof::<Map<String, Value>, Clerk>::new(alg)
            .kid_len(32)
            .bounds(lean)
            .budget()
            .custom_room()
            .unwrap()
    });
    assert_eq!(lean_rooms, [2201, 2169, 2169, 1977, 1721]);
}
