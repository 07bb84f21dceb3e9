//! A provider layout written outside claims-jwt: the `Layout` trait and `layout_claims!` are enough to type
//! another provider's claims (here Supabase's access-token claims) and keep them apart from custom claims,
//! without repeating a claim name or the registered names.

use claims_jwt::bounds::{
    BoundedLayout, ObjectBound, RegisteredBounds, TokenBounds, check_object_bound,
};
use claims_jwt::claims_core::{BoundKind, ClaimsError, Profile, ReservedNames, profile};
use claims_jwt::{Clock, Error, Layout, Minter, Payload, SigningKey, Verifier};
use claims_tests::{Dynamic, dynamic};
use serde_json::json;

/// Supabase's own claims beside the registered ones.
#[derive(Debug, Clone, Default, PartialEq)]
struct Supabase {
    role: Option<String>,
    aal: Option<String>,
    session_id: Option<String>,
    email: Option<String>,
    is_anonymous: Option<bool>,
}

impl Layout for Supabase {
    const NAME: &'static str = "supabase";
    type Profile = profile::Supabase;
    // The `supabase` profile leaves out `nbf` and `jti`; the minter reserves every registered claim anyway.
    const RESERVED: ReservedNames<'static> = ReservedNames::from_profiles(&[&Profile::SUPABASE]);

    claims_jwt::layout_claims!(role, aal, session_id, email, is_anonymous);
}

/// Supabase's claims bounded as a whole: `role` up to 32 bytes (`authenticated`, `service_role`), `aal`
/// 8, `session_id` 40 (a UUID), `email` 254, `is_anonymous` a boolean.
const SUPABASE_CLAIMS: ObjectBound = ObjectBound { max_json_len: 402 };

impl BoundedLayout for Supabase {
    type Bounds = ObjectBound;
    const BOUNDS: TokenBounds<ObjectBound> =
        TokenBounds::object(RegisteredBounds::DEFAULT, SUPABASE_CLAIMS);

    fn check_bounds(&self, bounds: &ObjectBound) -> Result<(), Error> {
        check_object_bound(self, bounds)
    }
}

fn minter() -> Minter<Supabase> {
    Minter::new(SigningKey::hs256(b"supabase jwt secret, 32 bytes or more").unwrap())
        .with_clock(Clock::fixed(1_700_000_000))
}

/// The names a refused mint reports as reserved, with the profile that reserves each.
fn reserved(err: &Error) -> Vec<(&str, Option<&str>)> {
    let Error::Claims(ClaimsError::Reserved { claims }) = err else {
        panic!("expected Error::Claims(ClaimsError::Reserved), got {err:?}");
    };
    claims
        .iter()
        .map(|c| (c.name.as_str(), c.profile.as_deref()))
        .collect()
}

/// Supabase's claims at the bounds `SUPABASE_CLAIMS` was written for.
fn largest_supabase() -> Supabase {
    Supabase {
        role: Some("r".repeat(32)),
        aal: Some("a".repeat(8)),
        session_id: Some("s".repeat(40)),
        email: Some("e".repeat(254)),
        is_anonymous: Some(false),
    }
}

#[test]
fn a_layout_bounded_as_a_whole_is_refused_past_its_bound() {
    struct Claims<'a>(&'a Supabase);
    impl serde::Serialize for Claims<'_> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeMap as _;
            let mut map = serializer.serialize_map(None)?;
            self.0.serialize_claims(&mut map)?;
            map.end()
        }
    }
    let largest = largest_supabase();
    let written = serde_json::to_vec(&Claims(&largest)).unwrap().len();
    assert_eq!(written, SUPABASE_CLAIMS.max_json_len);

    let minter = minter();
    let at_bound = Payload::<Dynamic, Supabase>::new(Dynamic::new()).with_layout(largest.clone());
    assert!(minter.mint(&at_bound).is_ok());
    let over = Payload::<Dynamic, Supabase>::new(Dynamic::new()).with_layout(Supabase {
        email: Some("e".repeat(255)),
        ..largest
    });
    assert_eq!(
        minter.mint(&over).unwrap_err(),
        Error::LayoutBound {
            claim: "supabase claims".into(),
            bound: BoundKind::MaxJsonLen,
            limit: Some(402),
            actual: 403,
        }
    );
}

#[test]
fn a_layout_defined_outside_the_crate_round_trips() {
    assert_eq!(
        Supabase::CLAIMS,
        ["role", "aal", "session_id", "email", "is_anonymous"]
    );
    let layout = Supabase {
        role: Some("authenticated".into()),
        aal: Some("aal1".into()),
        session_id: Some("3f2e9c1a".into()),
        email: Some("ada@example.com".into()),
        is_anonymous: Some(false),
    };
    let claims = dynamic(json!({"tenant_id": 42}));
    let minted = minter()
        .mint(
            &Payload::new(claims.clone())
                .with_subject("b1f7")
                .with_layout(layout.clone()),
        )
        .unwrap();
    let verifier = Verifier::<Supabase>::new(minter().key().verifying_key())
        .with_clock(Clock::fixed(1_700_000_001));
    let token = verifier.verify::<Dynamic>(minted.as_str()).unwrap();
    assert_eq!(token.layout(), &layout);
    assert_eq!(token.claims(), &claims);

    // The size report counts only `tenant_id` as custom: `nbf` and the layout's claims are not.
    let report = minted.size_report().unwrap();
    assert_eq!(report.custom().bytes, r#"{"tenant_id":42}"#.len());
}

#[test]
fn the_layout_profile_and_the_registered_claims_are_reserved_for_custom_claims() {
    let err = minter()
        .mint(&Payload::new(dynamic(json!({"role": "service_role"}))))
        .unwrap_err();
    assert_eq!(reserved(&err), [("role", Some("supabase"))]);

    // `jti` and `nbf` are not in the `supabase` profile: the minter reserves them as registered claims.
    let err = minter()
        .mint(&Payload::new(dynamic(
            json!({"jti": "x", "nbf": 1, "plan": "pro"}),
        )))
        .unwrap_err();
    assert_eq!(
        reserved(&err),
        [("jti", Some("rfc7519")), ("nbf", Some("rfc7519"))]
    );

    // An update that would add one is refused as an update, and nothing is minted.
    let minted = minter()
        .mint(&Payload::new(dynamic(json!({"plan": "free"}))))
        .unwrap();
    let token = Verifier::<Supabase>::new(minter().key().verifying_key())
        .with_clock(Clock::fixed(1_700_000_001))
        .verify::<Dynamic>(minted.as_str())
        .unwrap();
    let err = minter()
        .reissue(&token, &json!({"jti": "forged"}))
        .unwrap_err();
    let Error::Update(ClaimsError::Reserved { claims }) = &err else {
        panic!("expected Error::Update(ClaimsError::Reserved), got {err:?}");
    };
    assert_eq!(claims[0].name, "jti");
    let reissued = minter().reissue(&token, &json!({"plan": "pro"})).unwrap();
    assert_eq!(reissued.payload().custom, dynamic(json!({"plan": "pro"})));
}
