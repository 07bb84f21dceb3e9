//! A provider layout written outside claims-jwt: the `Layout` trait is enough to type another
//! provider's claims (here Supabase's access-token claims) and keep them apart from custom claims.

use claims_jwt::bounds::{
    BoundedLayout, ObjectBound, RegisteredBounds, TokenBounds, check_object_bound,
};
use claims_jwt::claims_core::{BoundKind, Profile, ReservedNames};
use claims_jwt::{Clock, Error, Layout, Minter, Payload, SigningKey, Verifier};
use serde::de::Deserializer;
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

/// Supabase's own claims beside the registered ones.
#[derive(Debug, Clone, Default, PartialEq)]
struct Supabase {
    role: Option<String>,
    aal: Option<String>,
    session_id: Option<String>,
    email: Option<String>,
    is_anonymous: Option<bool>,
}

fn read<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    slot: &mut Option<T>,
    value: D,
) -> Result<(), D::Error> {
    *slot = Some(T::deserialize(value)?);
    Ok(())
}

impl Layout for Supabase {
    const NAME: &'static str = "supabase";
    const PROFILE: Option<&'static Profile> = Some(&Profile::SUPABASE);
    const RESERVED: ReservedNames<'static> =
        ReservedNames::from_profiles(&[&Profile::SUPABASE]).with_names(&["nbf", "jti"]);

    fn owns(name: &str) -> bool {
        matches!(
            name,
            "role" | "aal" | "session_id" | "email" | "is_anonymous"
        )
    }

    fn deserialize_claim<'de, D: Deserializer<'de>>(
        &mut self,
        name: &str,
        value: D,
    ) -> Result<(), D::Error> {
        match name {
            "role" => read(&mut self.role, value),
            "aal" => read(&mut self.aal, value),
            "session_id" => read(&mut self.session_id, value),
            "email" => read(&mut self.email, value),
            _ => read(&mut self.is_anonymous, value),
        }
    }

    fn serialize_claims<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        fn entry<M: SerializeMap, T: Serialize>(
            map: &mut M,
            name: &str,
            value: Option<&T>,
        ) -> Result<(), M::Error> {
            value.map_or(Ok(()), |value| map.serialize_entry(name, value))
        }
        entry(map, "role", self.role.as_ref())?;
        entry(map, "aal", self.aal.as_ref())?;
        entry(map, "session_id", self.session_id.as_ref())?;
        entry(map, "email", self.email.as_ref())?;
        entry(map, "is_anonymous", self.is_anonymous.as_ref())
    }
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

type Dynamic = Map<String, Value>;

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
    impl Serialize for Claims<'_> {
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

    let key = SigningKey::hs256(b"supabase jwt secret, 32 bytes or more");
    let minter = Minter::<Supabase>::new(key).with_clock(Clock::fixed(1_700_000_000));
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
    let key = SigningKey::hs256(b"supabase jwt secret, 32 bytes or more");
    let layout = Supabase {
        role: Some("authenticated".into()),
        aal: Some("aal1".into()),
        session_id: Some("3f2e9c1a".into()),
        email: Some("ada@example.com".into()),
        is_anonymous: Some(false),
    };
    let claims: Dynamic = serde_json::from_value(json!({"tenant_id": 42})).unwrap();
    let issued = Minter::<Supabase>::new(key.clone())
        .with_clock(Clock::fixed(1_700_000_000))
        .mint(
            &Payload::new(claims.clone())
                .with_subject("b1f7")
                .with_layout(layout.clone()),
        )
        .unwrap();
    let token = Verifier::<Supabase>::new(key.verifying_key())
        .with_clock(Clock::fixed(1_700_000_001))
        .verify::<Dynamic>(issued.as_str())
        .unwrap();
    assert_eq!(token.layout(), &layout);
    assert_eq!(token.claims(), &claims);

    // The layout's reserved names hold for custom claims, as for the built-in layouts.
    let err = Minter::<Supabase>::new(key)
        .mint(&Payload::new(
            serde_json::from_value::<Dynamic>(json!({"role": "service_role"})).unwrap(),
        ))
        .unwrap_err();
    assert!(matches!(err, Error::Claims(_)), "{err:?}");
}
