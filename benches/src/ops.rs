//! Every measured operation, by name, on one set of prepared inputs: the criterion benches time them and
//! the `count` binary runs them under callgrind, so both measure exactly the same code on the same data.

use std::hint::black_box;

use aws_lc_rs::{hmac, signature};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use claims_axum::{Authenticator, TokenSources};
use claims_jwt::claims_core::{
    CheckedClaims, Profile, ReservedNames, SessionClaims, UpdatePolicy, size, size::JsonSize,
};
use claims_jwt::jsonwebtoken::{self, DecodingKey, DecodingKeyKind, EncodingKey, Validation};
use claims_jwt::{Clerk, Clock, Minter, Payload, Verifier};
use http::header::{AUTHORIZATION, COOKIE};
use http::{HeaderMap, HeaderValue};
use serde_json::{Map, Value, json};

use crate::fixture::{
    Alg, AppClaims, FlatClaims, ISSUER, KID, LEEWAY, NOW, SECRET, app_claims, payload,
};

/// One measured operation. Its [`Op::id`] is `group/function`, criterion's id and the `count` binary's
/// argument alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `Verifier::verify` of the fixture token.
    Verify(Alg),
    /// `jsonwebtoken::decode` into [`FlatClaims`], with the same exp/nbf/iss/aud checks.
    JsonwebtokenDecode(Alg),
    /// HMAC-SHA256 over the signing input alone: the HS256 verify floor's crypto half.
    HmacFloor,
    /// Base64url decode of the payload plus one `serde_json` parse into [`FlatClaims`]: the parse floor.
    ParseFloor,
    /// The signature check alone, with the public key parsed once: an asymmetric verify floor.
    SignatureFloor(Alg),
    /// `Minter::mint` of the fixture payload.
    Mint(Alg),
    /// `jsonwebtoken::encode` of [`FlatClaims`].
    JsonwebtokenEncode(Alg),
    /// Clone the claims map, then `update_claims` under Clerk's policy (checks and measures the result).
    UpdateClaims,
    /// Clone the claims, checked once under Clerk's policy ([`CheckedClaims`]), then update them.
    UpdateChecked,
    /// Clone the claims object, then `json_patch::merge`.
    JsonPatchMerge,
    /// The floor of a policy-checked update when the claims' total size is known ([`CheckedClaims`]):
    /// clone, then the least merge (one look-up per patch member, a key allocated only for a new one;
    /// see `merge_least`), checking each new name against the reserved names and measuring exactly
    /// each touched member before and after, which an exact check keeping only the total cannot skip.
    UpdateFloor,
    /// [`Op::UpdateFloor`] for a design that would also keep each member's size (whose upkeep, on every
    /// clone, is not counted): the old values need no measuring, only the new ones.
    UpdateFloorCached,
    /// The floor of a policy-checked update when nothing is known of the claims (`update_claims`): clone,
    /// the least merge, every name of the result checked against the reserved names, and the whole
    /// result measured exactly.
    UpdateFloorWhole,
    /// `claims_core::size::json_len` of the custom claims.
    JsonLen,
    /// `serde_json::to_vec(..).len()` of the custom claims.
    ToVecLen,
    /// The derived `check_bounds` of the custom claims.
    CheckBounds,
    /// `Verifier::verify` of the Clerk token, beside the axum adapter.
    AuthenticateBare,
    /// `Authenticator::authenticate` with the token in a bearer header.
    AuthenticateBearer,
    /// `Authenticator::authenticate` with the token in a `__session` cookie among a browser's others.
    AuthenticateCookie,
}

impl Op {
    /// Every operation, in the order of the report.
    pub const ALL: [Op; 33] = [
        Op::Verify(Alg::Hs256),
        Op::JsonwebtokenDecode(Alg::Hs256),
        Op::HmacFloor,
        Op::ParseFloor,
        Op::Verify(Alg::Rs256),
        Op::JsonwebtokenDecode(Alg::Rs256),
        Op::SignatureFloor(Alg::Rs256),
        Op::Verify(Alg::Es256),
        Op::JsonwebtokenDecode(Alg::Es256),
        Op::SignatureFloor(Alg::Es256),
        Op::Verify(Alg::EdDsa),
        Op::JsonwebtokenDecode(Alg::EdDsa),
        Op::SignatureFloor(Alg::EdDsa),
        Op::Mint(Alg::Hs256),
        Op::JsonwebtokenEncode(Alg::Hs256),
        Op::Mint(Alg::Rs256),
        Op::JsonwebtokenEncode(Alg::Rs256),
        Op::Mint(Alg::Es256),
        Op::JsonwebtokenEncode(Alg::Es256),
        Op::Mint(Alg::EdDsa),
        Op::JsonwebtokenEncode(Alg::EdDsa),
        Op::UpdateClaims,
        Op::UpdateChecked,
        Op::JsonPatchMerge,
        Op::UpdateFloor,
        Op::UpdateFloorCached,
        Op::UpdateFloorWhole,
        Op::JsonLen,
        Op::ToVecLen,
        Op::CheckBounds,
        Op::AuthenticateBare,
        Op::AuthenticateBearer,
        Op::AuthenticateCookie,
    ];

    /// `group/function`: the criterion id, the directory under `target/criterion`, the `count` argument.
    pub fn id(self) -> String {
        let (group, function) = self.parts();
        format!("{group}/{function}")
    }

    /// The criterion group and function names.
    pub fn parts(self) -> (String, &'static str) {
        match self {
            Op::Verify(alg) => (format!("verify_{}", alg.name()), "claims_jwt"),
            Op::JsonwebtokenDecode(alg) => (format!("verify_{}", alg.name()), "jsonwebtoken"),
            Op::HmacFloor => ("verify_hs256".into(), "floor_hmac"),
            Op::ParseFloor => ("verify_hs256".into(), "floor_parse"),
            Op::SignatureFloor(alg) => (format!("verify_{}", alg.name()), "floor_signature"),
            Op::Mint(alg) => (format!("mint_{}", alg.name()), "claims_jwt"),
            Op::JsonwebtokenEncode(alg) => (format!("mint_{}", alg.name()), "jsonwebtoken"),
            Op::UpdateClaims => ("update".into(), "update_claims"),
            Op::UpdateChecked => ("update".into(), "checked_claims"),
            Op::JsonPatchMerge => ("update".into(), "json_patch"),
            Op::UpdateFloor => ("update".into(), "floor_merge_measure_touched"),
            Op::UpdateFloorCached => ("update".into(), "floor_merge_measure_new"),
            Op::UpdateFloorWhole => ("update".into(), "floor_merge_measure_all"),
            Op::JsonLen => ("json_len".into(), "claims_core"),
            Op::ToVecLen => ("json_len".into(), "serde_json_to_vec"),
            Op::CheckBounds => ("check_bounds".into(), "derived"),
            Op::AuthenticateBare => ("authenticate_hs256".into(), "verifier_verify"),
            Op::AuthenticateBearer => ("authenticate_hs256".into(), "bearer"),
            Op::AuthenticateCookie => ("authenticate_hs256".into(), "cookie"),
        }
    }

    /// The operation named `id`, if any.
    pub fn from_id(id: &str) -> Option<Op> {
        Op::ALL.into_iter().find(|op| op.id() == id)
    }

    /// How many runs the `count` binary adds to its baseline run for this operation: enough to average
    /// out a call's variations, few enough for callgrind to finish in seconds.
    pub fn count_runs(self) -> u32 {
        match self {
            Op::Mint(Alg::Rs256) | Op::JsonwebtokenEncode(Alg::Rs256) => 20,
            Op::Verify(Alg::Hs256 | Alg::Rs256)
            | Op::JsonwebtokenDecode(Alg::Hs256 | Alg::Rs256)
            | Op::HmacFloor
            | Op::ParseFloor
            | Op::SignatureFloor(Alg::Rs256)
            | Op::Mint(Alg::Hs256)
            | Op::JsonwebtokenEncode(Alg::Hs256)
            | Op::UpdateClaims
            | Op::UpdateChecked
            | Op::JsonPatchMerge
            | Op::UpdateFloor
            | Op::UpdateFloorCached
            | Op::UpdateFloorWhole
            | Op::JsonLen
            | Op::ToVecLen
            | Op::CheckBounds
            | Op::AuthenticateBare
            | Op::AuthenticateBearer
            | Op::AuthenticateCookie => 1000,
            _ => 100,
        }
    }
}

/// What one algorithm's operations need, prepared once.
struct Keyed {
    minter: Minter<Clerk>,
    verifier: Verifier<Clerk>,
    token: String,
    jwt_key: EncodingKey,
    jwt_decoding: DecodingKey,
    jwt_header: jsonwebtoken::Header,
    jwt_validation: Validation,
    jwt_token: String,
    /// The floor's key, parsed once; `None` for HMAC.
    parsed: Option<signature::ParsedPublicKey>,
    /// The signing input and the raw signature of `token`, for the floors.
    signing_input: Vec<u8>,
    signature: Vec<u8>,
}

impl Keyed {
    fn new(alg: Alg, flat: &FlatClaims) -> Self {
        let key = alg.signing_key();
        let minter = Minter::new(key.clone())
            .with_issuer(ISSUER)
            .with_clock(Clock::fixed(NOW));
        let verifier = Verifier::new(key.verifying_key())
            .with_issuer(ISSUER)
            .with_clock(Clock::fixed(NOW + 10));
        let token = minter.mint(&payload()).expect("mints").into_string();

        let (jwt_key, jwt_decoding) = alg.jsonwebtoken_keys();
        let mut jwt_header = jsonwebtoken::Header::new(alg.algorithm());
        jwt_header.kid = Some(KID.into());
        // Equivalent checks: exp (required), nbf, iss, and `aud` refused when present (none is configured),
        // with Clerk's leeway. jsonwebtoken reads the real clock, so its token is valid from now for a
        // day, longer than any bench run (the numbers have as many digits as the fixture's).
        let mut jwt_validation = Validation::new(alg.algorithm());
        jwt_validation.set_issuer(&[ISSUER]);
        jwt_validation.leeway = LEEWAY;
        jwt_validation.validate_nbf = true;
        let now = jsonwebtoken::get_current_timestamp();
        let jwt_token = jsonwebtoken::encode(
            &jwt_header,
            &FlatClaims {
                exp: now + 86_400,
                nbf: now,
                iat: now,
                ..flat.clone()
            },
            &jwt_key,
        )
        .expect("jsonwebtoken encodes");

        let (signing_input, signature_b64) = token.rsplit_once('.').expect("three segments");
        let parsed = match (alg, jwt_decoding.kind()) {
            (Alg::Hs256, _) => None,
            (alg, DecodingKeyKind::SecretOrDer(der)) => {
                let algorithm: &'static dyn signature::VerificationAlgorithm = match alg {
                    Alg::Rs256 => &signature::RSA_PKCS1_2048_8192_SHA256,
                    Alg::Es256 => &signature::ECDSA_P256_SHA256_FIXED,
                    _ => &signature::ED25519,
                };
                Some(signature::ParsedPublicKey::new(algorithm, der).expect("public key parses"))
            }
            (_, DecodingKeyKind::RsaModulusExponent { .. }) => unreachable!("keys come from PEM"),
        };
        Keyed {
            minter,
            verifier,
            jwt_key,
            jwt_decoding,
            jwt_header,
            jwt_validation,
            jwt_token,
            parsed,
            signing_input: signing_input.as_bytes().to_vec(),
            signature: URL_SAFE_NO_PAD.decode(signature_b64).expect("base64url"),
            token,
        }
    }
}

/// Every input of every operation, prepared once (keys parsed, tokens minted, headers built).
pub struct Bench {
    keyed: [Keyed; 4],
    payload: Payload<AppClaims, Clerk>,
    flat: FlatClaims,
    claims: AppClaims,
    claims_object: Map<String, Value>,
    policy: UpdatePolicy<'static>,
    checked: CheckedClaims<'static>,
    claims_value: Value,
    patch: Value,
    hmac_key: hmac::Key,
    authenticator: Authenticator<Clerk>,
    bearer: HeaderMap,
    cookie: HeaderMap,
}

impl Default for Bench {
    fn default() -> Self {
        Self::new()
    }
}

impl Bench {
    /// Prepares everything, and checks once that every operation succeeds on it.
    ///
    /// # Panics
    ///
    /// If the fixture is broken: a key does not load, a token does not verify.
    pub fn new() -> Self {
        // The flat struct holds exactly the claims claims-jwt mints.
        let minted = Minter::<Clerk>::new(Alg::Hs256.signing_key())
            .with_issuer(ISSUER)
            .with_clock(Clock::fixed(NOW))
            .mint(&payload())
            .expect("mints");
        let flat: FlatClaims =
            serde_json::from_slice(&payload_json(minted.as_str())).expect("flat");
        let keyed = Alg::ALL.map(|alg| Keyed::new(alg, &flat));
        let claims = app_claims();
        let claims_value = serde_json::to_value(&claims).expect("claims serialize");
        let claims_object = claims_value.as_object().expect("an object").clone();
        let policy = UpdatePolicy::new(ReservedNames::from_profiles(&[&Profile::CLERK]));
        // The same map, checked once: what a server holds between updates.
        let checked = CheckedClaims::new(claims_object.clone(), policy)
            .expect("the claims pass Clerk's policy");
        let token = &keyed[0].token;
        // What a browser sends to an app on a shared domain: analytics, consent, Clerk's own cookies.
        let cookie = format!(
            "_ga=GA1.1.123456789.1700000000; _gid=GA1.1.987654321.1700000000; consent=all; \
             theme=dark; locale=en-GB; __client_uat=1700000000; __client_uat_Ab3xY9q=1700000000; \
             __clerk_db_jwt=dvb_2pJ8kQ3vX9mN4rT6yW1zB5cD7fG; __session={token}"
        );
        let bench = Bench {
            authenticator: Authenticator::new(keyed[0].verifier.clone()),
            bearer: headers(AUTHORIZATION, &format!("Bearer {token}")),
            cookie: headers(COOKIE, &cookie),
            keyed,
            payload: payload(),
            flat,
            claims,
            claims_object,
            policy,
            checked,
            claims_value,
            // A typical update: a new locale, fewer roles, a new claim.
            patch: json!({
                "locale": "fr-FR",
                "roles": ["role:00:read-write", "role:01:read-write", "role:02:read-only"],
                "plan": "team",
            }),
            hmac_key: hmac::Key::new(hmac::HMAC_SHA256, SECRET),
        };
        for op in Op::ALL {
            bench.run(op);
        }
        bench
    }

    fn keyed(&self, alg: Alg) -> &Keyed {
        &self.keyed[Alg::ALL.iter().position(|a| *a == alg).unwrap_or_default()]
    }

    fn patch_object(&self) -> &Map<String, Value> {
        self.patch.as_object().expect("the patch is an object")
    }

    /// The update operations of [`Bench::run`]: each clones the same claims, then updates them.
    fn run_update(&self, op: Op) {
        match op {
            Op::UpdateClaims => {
                let mut claims = black_box(&self.claims_object).clone();
                claims_jwt::claims_core::update_claims(&mut claims, &self.patch, &self.policy)
                    .expect("the update passes the policy");
                black_box(claims);
            }
            Op::UpdateChecked => {
                let mut claims = black_box(&self.checked).clone();
                claims
                    .update(&self.patch)
                    .expect("the update passes the policy");
                black_box(claims);
            }
            Op::JsonPatchMerge => {
                let mut claims = black_box(&self.claims_value).clone();
                json_patch::merge(&mut claims, &self.patch);
                black_box(claims);
            }
            Op::UpdateFloor => {
                let mut claims = black_box(&self.claims_object).clone();
                let reserved = self.policy.reserved();
                let sizes = merge_least(&mut claims, self.patch_object(), |change| match change {
                    Change::Replaced(old, new) => {
                        (size::value_json_size(old), size::value_json_size(new))
                    }
                    Change::Added(name, new) => {
                        black_box(reserved.check(name));
                        (JsonSize::default(), member_size(name, new))
                    }
                    Change::Removed(name, old) => (member_size(name, old), JsonSize::default()),
                });
                black_box((claims, sizes));
            }
            Op::UpdateFloorCached => {
                let mut claims = black_box(&self.claims_object).clone();
                let reserved = self.policy.reserved();
                let sizes = merge_least(&mut claims, self.patch_object(), |change| match change {
                    Change::Replaced(_, new) => (JsonSize::default(), size::value_json_size(new)),
                    Change::Added(name, new) => {
                        black_box(reserved.check(name));
                        (JsonSize::default(), member_size(name, new))
                    }
                    Change::Removed(..) => (JsonSize::default(), JsonSize::default()),
                });
                black_box((claims, sizes));
            }
            Op::UpdateFloorWhole => {
                let mut claims = black_box(&self.claims_object).clone();
                merge_least(&mut claims, self.patch_object(), |_| {
                    (JsonSize::default(), JsonSize::default())
                });
                let reserved = self.policy.reserved();
                for name in claims.keys() {
                    black_box(reserved.check(name));
                }
                let claims = Value::Object(claims);
                let size = size::value_json_size(&claims);
                black_box((claims, size));
            }
            _ => unreachable!("not an update operation: {op:?}"),
        }
    }

    /// Runs `op` once, passing its result to `black_box`.
    ///
    /// # Panics
    ///
    /// If the operation fails: every one succeeds on the fixture.
    pub fn run(&self, op: Op) {
        match op {
            Op::Verify(alg) => {
                let k = self.keyed(alg);
                black_box(
                    k.verifier
                        .verify::<AppClaims>(black_box(&k.token))
                        .expect("verifies"),
                );
            }
            Op::JsonwebtokenDecode(alg) => {
                let k = self.keyed(alg);
                black_box(
                    jsonwebtoken::decode::<FlatClaims>(
                        black_box(&k.jwt_token),
                        &k.jwt_decoding,
                        &k.jwt_validation,
                    )
                    .expect("decodes"),
                );
            }
            Op::HmacFloor => {
                let k = self.keyed(Alg::Hs256);
                black_box(hmac::sign(&self.hmac_key, black_box(&k.signing_input)));
            }
            Op::ParseFloor => {
                let k = self.keyed(Alg::Hs256);
                let json = payload_json(black_box(&k.token));
                black_box(serde_json::from_slice::<FlatClaims>(&json).expect("parses"));
            }
            Op::SignatureFloor(alg) => {
                let k = self.keyed(alg);
                let key = k.parsed.as_ref().expect("an asymmetric key");
                key.verify_sig(black_box(&k.signing_input), &k.signature)
                    .expect("the signature is good");
            }
            Op::Mint(alg) => {
                let k = self.keyed(alg);
                black_box(k.minter.mint(black_box(&self.payload)).expect("mints"));
            }
            Op::JsonwebtokenEncode(alg) => {
                let k = self.keyed(alg);
                black_box(
                    jsonwebtoken::encode(&k.jwt_header, black_box(&self.flat), &k.jwt_key)
                        .expect("encodes"),
                );
            }
            Op::UpdateClaims
            | Op::UpdateChecked
            | Op::JsonPatchMerge
            | Op::UpdateFloor
            | Op::UpdateFloorCached
            | Op::UpdateFloorWhole => {
                self.run_update(op);
            }
            Op::JsonLen => {
                black_box(size::json_len(black_box(&self.claims)).expect("measures"));
            }
            Op::ToVecLen => {
                black_box(
                    serde_json::to_vec(black_box(&self.claims))
                        .expect("serializes")
                        .len(),
                );
            }
            Op::CheckBounds => {
                black_box(&self.claims)
                    .check_bounds()
                    .expect("within bounds");
            }
            Op::AuthenticateBare => {
                let k = self.keyed(Alg::Hs256);
                black_box(
                    k.verifier
                        .verify::<AppClaims>(black_box(&k.token))
                        .expect("verifies"),
                );
            }
            Op::AuthenticateBearer => {
                black_box(
                    self.authenticator
                        .authenticate::<AppClaims>(black_box(&self.bearer))
                        .expect("verifies")
                        .expect("a token is found"),
                );
            }
            Op::AuthenticateCookie => {
                black_box(
                    self.authenticator
                        .authenticate::<AppClaims>(black_box(&self.cookie))
                        .expect("verifies")
                        .expect("a token is found"),
                );
            }
        }
    }

    /// The token lookup alone, for the axum bench: bearer, then cookie.
    pub fn find_tokens(&self, sources: &TokenSources) -> [bool; 2] {
        [&self.bearer, &self.cookie].map(|headers| {
            sources
                .find(black_box(headers))
                .is_ok_and(|found| found.is_some())
        })
    }
}

/// The decoded payload segment of `token`.
fn payload_json(token: &str) -> Vec<u8> {
    let segment = token.split('.').nth(1).expect("three segments");
    URL_SAFE_NO_PAD.decode(segment).expect("base64url")
}

fn headers(name: http::HeaderName, value: &str) -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert(name, HeaderValue::from_str(value).expect("ascii"));
    headers
}

/// One member's change in [`merge_least`].
enum Change<'a> {
    /// The old value and the new one.
    Replaced(&'a Value, &'a Value),
    /// A new member.
    Added(&'a str, &'a Value),
    /// A member set to `null`, removed.
    Removed(&'a str, &'a Value),
}

/// RFC 7396 merge of `patch` into `claims` with the least work at the top level: one look-up per patch
/// member, a key allocated only for a new member, an old value dropped once `on_change` has seen it
/// (below the top level, `json_patch::merge`). Returns the sums of what `on_change` returned: the sizes
/// before and after.
fn merge_least(
    claims: &mut Map<String, Value>,
    patch: &Map<String, Value>,
    mut on_change: impl FnMut(Change<'_>) -> (JsonSize, JsonSize),
) -> (JsonSize, JsonSize) {
    let mut sizes = (JsonSize::default(), JsonSize::default());
    let mut add = |(before, after): (JsonSize, JsonSize)| {
        sizes = (sizes.0 + before, sizes.1 + after);
    };
    for (name, value) in patch {
        if value.is_null() {
            if let Some(old) = claims.remove(name) {
                add(on_change(Change::Removed(name, &old)));
            }
        } else if let Some(slot) = claims.get_mut(name) {
            let mut new = if value.is_object() {
                slot.clone()
            } else {
                Value::Null
            };
            json_patch::merge(&mut new, value);
            add(on_change(Change::Replaced(slot, &new)));
            *slot = new;
        } else {
            let mut new = Value::Null;
            json_patch::merge(&mut new, value);
            add(on_change(Change::Added(name, &new)));
            claims.insert(name.clone(), new);
        }
    }
    sizes
}

/// The size of `"name":value`.
fn member_size(name: &str, value: &Value) -> JsonSize {
    let name = size::json_size(name).expect("a string measures");
    name + size::value_json_size(value)
        + JsonSize {
            bytes: 1,
            utf16_units: 1,
        }
}
