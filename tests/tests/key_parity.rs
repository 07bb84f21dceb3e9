//! Keys parsed once sign and verify exactly as jsonwebtoken's per-call primitives do. With the `aws_lc_rs`
//! backend a `SigningKey` or `VerifyingKey` keeps the aws-lc-rs key it built, so these pin, for every
//! algorithm: deterministic signatures (HMAC, RSA PKCS#1 v1.5, Ed25519) byte for byte against
//! `jsonwebtoken::encode`; randomized ones (ECDSA, RSA-PSS) by each side verifying the other's; and the
//! refusals of a tampered signature and of another key, each beside its positive control.

use claims_jwt::jsonwebtoken::AlgorithmFamily;
use claims_jwt::jsonwebtoken::{self as jwt, DecodingKey, EncodingKey, Header, Validation};
use claims_jwt::{Algorithm, Clock, Error, Generic, SigningKey, Token, Verifier, VerifyingKey};
use claims_tests::{Dynamic, NOW, keys};
use serde_json::{Value, json};

/// An HMAC secret long enough for HS512.
const SECRET: &[u8] = b"a 64-byte secret, long enough for HS512's 64-byte minimum, ok....";

/// Every algorithm, with its key pair in claims-jwt's and jsonwebtoken's types.
struct Case {
    alg: Algorithm,
    ours: SigningKey,
    encoding: EncodingKey,
    decoding: DecodingKey,
}

fn cases() -> Vec<Case> {
    claims_jwt::ALGORITHMS.into_iter().map(case).collect()
}

fn case(alg: Algorithm) -> Case {
    let (ours, encoding, decoding) = match alg.family() {
        AlgorithmFamily::Hmac => (
            SigningKey::hmac(alg, SECRET),
            EncodingKey::from_secret(SECRET),
            DecodingKey::from_secret(SECRET),
        ),
        AlgorithmFamily::Rsa => (
            SigningKey::from_rsa_pem(alg, keys::RSA),
            EncodingKey::from_rsa_pem(keys::RSA).unwrap(),
            DecodingKey::from_rsa_pem(keys::RSA_PUB).unwrap(),
        ),
        AlgorithmFamily::Ec => {
            let (private, public) = match alg {
                Algorithm::ES256 => (keys::P256, keys::P256_PUB),
                _ => (keys::P384, keys::P384_PUB),
            };
            (
                SigningKey::from_ec_pem(alg, private),
                EncodingKey::from_ec_pem(private).unwrap(),
                DecodingKey::from_ec_pem(public).unwrap(),
            )
        }
        AlgorithmFamily::Ed => (
            SigningKey::from_ed_pem(keys::ED),
            EncodingKey::from_ed_pem(keys::ED).unwrap(),
            DecodingKey::from_ed_pem(keys::ED_PUB).unwrap(),
        ),
    };
    Case {
        alg,
        ours: ours.unwrap(),
        encoding,
        decoding,
    }
}

/// Whether `alg` signs the same input the same way every time.
fn deterministic(alg: Algorithm) -> bool {
    !matches!(
        alg,
        Algorithm::ES256
            | Algorithm::ES384
            | Algorithm::PS256
            | Algorithm::PS384
            | Algorithm::PS512
    )
}

fn claims() -> Value {
    json!({"sub": "user_1", "iat": NOW, "exp": NOW + 60})
}

/// jsonwebtoken's token for `case`, split into its signing input and signature.
fn jsonwebtoken_token(case: &Case) -> (String, String) {
    let token = jwt::encode(&Header::new(case.alg), &claims(), &case.encoding).unwrap();
    let (input, signature) = token.rsplit_once('.').unwrap();
    (input.to_owned(), signature.to_owned())
}

/// jsonwebtoken's `decode` of `token` with `key`, its signature check alone (its clock is the real one).
fn jsonwebtoken_decode(
    token: &str,
    alg: Algorithm,
    key: &DecodingKey,
) -> jwt::errors::Result<Value> {
    let mut validation = Validation::new(alg);
    validation.validate_exp = false;
    validation.required_spec_claims.clear();
    jwt::decode::<Value>(token, key, &validation).map(|data| data.claims)
}

fn verify(key: VerifyingKey, token: &str) -> Result<Token<Dynamic>, Error> {
    Verifier::<Generic>::new(key)
        .with_clock(Clock::fixed(NOW))
        .verify::<Dynamic>(token)
}

/// `signature` with its first character changed, still base64url of the same length.
fn tampered(signature: &str) -> String {
    let first = if signature.starts_with('A') { "B" } else { "A" };
    format!("{first}{}", &signature[1..])
}

#[test]
fn deterministic_signatures_are_jsonwebtokens_byte_for_byte() {
    let mut checked = Vec::new();
    for case in cases().iter().filter(|case| deterministic(case.alg)) {
        let (input, theirs) = jsonwebtoken_token(case);
        assert_eq!(
            case.ours.sign(input.as_bytes()).unwrap(),
            theirs,
            "{:?}",
            case.alg
        );
        checked.push(case.alg);
    }
    assert_eq!(
        checked.len(),
        7,
        "HS256/384/512, RS256/384/512 and EdDSA: {checked:?}"
    );
}

#[test]
fn randomized_signatures_verify_on_both_sides() {
    let mut checked = Vec::new();
    for case in cases().iter().filter(|case| !deterministic(case.alg)) {
        let (input, theirs) = jsonwebtoken_token(case);
        let ours = case.ours.sign(input.as_bytes()).unwrap();
        assert_ne!(
            ours, theirs,
            "{:?} signs with fresh randomness each time",
            case.alg
        );
        // Ours, read by jsonwebtoken; theirs, read by our parsed public key.
        let token = format!("{input}.{ours}");
        assert_eq!(
            jsonwebtoken_decode(&token, case.alg, &case.decoding).unwrap(),
            claims(),
            "{:?}",
            case.alg
        );
        let verified = verify(case.ours.verifying_key(), &format!("{input}.{theirs}")).unwrap();
        assert_eq!(
            verified.registered().sub.as_deref(),
            Some("user_1"),
            "{:?}",
            case.alg
        );
        checked.push(case.alg);
    }
    assert_eq!(checked.len(), 5, "ES256/384 and PS256/384/512: {checked:?}");
}

#[test]
fn a_tampered_signature_is_refused_by_both_and_the_original_accepted() {
    for case in cases() {
        let (input, signature) = jsonwebtoken_token(&case);
        let good = format!("{input}.{signature}");
        let bad = format!("{input}.{}", tampered(&signature));

        assert_eq!(
            jsonwebtoken_decode(&good, case.alg, &case.decoding).unwrap(),
            claims()
        );
        assert!(
            verify(case.ours.verifying_key(), &good).is_ok(),
            "{:?}",
            case.alg
        );

        let theirs = jsonwebtoken_decode(&bad, case.alg, &case.decoding).unwrap_err();
        assert_eq!(
            theirs.kind(),
            &jwt::errors::ErrorKind::InvalidSignature,
            "{:?}",
            case.alg
        );
        assert_eq!(
            verify(case.ours.verifying_key(), &bad).unwrap_err(),
            Error::InvalidSignature,
            "{:?}",
            case.alg
        );
    }
}

/// A second key for `alg`, unrelated to the suite's: another secret, another RSA key, and for the curves
/// the private scalar 1 (whose public key is the curve's generator) or a fixed Ed25519 seed.
fn another_key(alg: Algorithm) -> SigningKey {
    let jwk = match alg {
        Algorithm::HS256 | Algorithm::HS384 | Algorithm::HS512 => {
            return SigningKey::hmac(alg, &[7; 64]).unwrap();
        }
        Algorithm::ES256 => json!({"kty": "EC", "crv": "P-256",
            "d": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAE",
            "x": "axfR8uEsQkf4vOblY6RA8ncDfYEt6zOg9KE5RdiYwpY",
            "y": "T-NC4v4af5uO5-tKfA-eFivOM1drMV7Oy7ZAaDe_UfU"}),
        Algorithm::ES384 => json!({"kty": "EC", "crv": "P-384",
            "d": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB",
            "x": "qofKIr6LBTeOscce8yCtdG4dO2KLp5uYWfdB4IJUKjhVAvJdv1UpbDpUXjhydgq3",
            "y": "NhfeSpYmLG9dnpi_kpLcKfj0Hb0omhR86doxE7XwuMAKYLHOHX6BnXpDHXyQ6g5f"}),
        Algorithm::EdDSA => json!({"kty": "OKP", "crv": "Ed25519",
            "d": "BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc"}),
        _ => return SigningKey::from_rsa_pem(alg, keys::RSA3072).unwrap(),
    };
    SigningKey::from_jwk_json_with_alg(&jwk.to_string(), alg).unwrap()
}

#[test]
fn another_key_refuses_what_it_did_not_sign_and_accepts_what_it_did() {
    for case in cases() {
        let other = another_key(case.alg);
        for (signer, verifier, accepted) in [
            (&case.ours, &other, false),
            (&other, &case.ours, false),
            (&other, &other, true),
            (&case.ours, &case.ours, true),
        ] {
            let (input, _) = jsonwebtoken_token(&case);
            let token = format!("{input}.{}", signer.sign(input.as_bytes()).unwrap());
            let result = verify(verifier.verifying_key(), &token).map(|_| ());
            let expected = if accepted {
                Ok(())
            } else {
                Err(Error::InvalidSignature)
            };
            assert_eq!(result, expected, "{:?}", case.alg);
        }
    }
}

#[test]
fn keys_stay_shareable_across_threads() {
    fn shareable<T: Clone + Send + Sync + std::fmt::Debug>() {}
    shareable::<SigningKey>();
    shareable::<VerifyingKey>();
}

#[test]
fn debug_shows_no_secret() {
    let key = SigningKey::hmac(Algorithm::HS512, SECRET).unwrap();
    let text = format!("{key:?} {:?}", key.verifying_key());
    assert!(text.contains("HS512"), "{text}");
    assert!(!text.contains("64-byte secret"), "{text}");
    assert!(!text.contains(&format!("{:?}", &SECRET[..8])), "{text}");

    // A public key is no secret, but its bytes would fill a log line: the algorithm says enough.
    let public = VerifyingKey::from_rsa_pem(Algorithm::RS256, keys::RSA_PUB).unwrap();
    let text = format!("{public:?}");
    assert!(text.contains("RS256"), "{text}");
    assert!(text.len() < 200, "{} characters: {text}", text.len());
}
