//! JWS algorithm names as written in headers and on the command line, and what each means for the
//! signature's length (claims-core's `SignatureAlg`) and for signing (jsonwebtoken's `Algorithm`).

use std::ops::RangeInclusive;
use std::str::FromStr;

use claims_jwt::Algorithm;
use claims_jwt::claims_core::size::SignatureAlg;
use clap::ValueEnum;

/// The RSA moduli, in bits, that jsonwebtoken verifies with either backend (aws-lc-rs and ring take
/// `RSA_PKCS1_2048_8192_*` and `RSA_PSS_2048_8192_*`): a signature of another length is no RS* or PS*
/// signature a verifier accepts.
pub(crate) const RSA_MODULUS_BITS: RangeInclusive<u32> = 2048..=8192;

/// `--key-bits`: an RSA modulus size in [`RSA_MODULUS_BITS`], whole bytes.
pub(crate) fn parse_rsa_bits(text: &str) -> Result<u32, String> {
    let (min, max) = (RSA_MODULUS_BITS.start(), RSA_MODULUS_BITS.end());
    text.parse::<u32>()
        .ok()
        .filter(|bits| RSA_MODULUS_BITS.contains(bits) && bits % 8 == 0)
        .ok_or_else(|| {
            format!(
                "`{text}` is not an RSA key size a verifier accepts: give a number of bits from {min} to \
                 {max}, a multiple of 8 (2048, 3072, 4096...)"
            )
        })
}

/// A JWS `alg` (RFC 7518 §3.1), spelled as in headers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "verbatim")]
#[allow(clippy::upper_case_acronyms)] // the names are the RFC's, as a header writes them
pub(crate) enum AlgName {
    HS256,
    HS384,
    HS512,
    RS256,
    RS384,
    RS512,
    PS256,
    PS384,
    PS512,
    ES256,
    ES384,
    /// Sized only: jsonwebtoken neither signs nor verifies P-521.
    ES512,
    EdDSA,
}

impl AlgName {
    /// The algorithm a header's `alg` names, if it is a JWS signature algorithm.
    pub(crate) fn parse(name: &str) -> Option<Self> {
        <Self as ValueEnum>::from_str(name, false).ok()
    }

    /// The name, as a header writes it.
    pub(crate) fn name(self) -> String {
        format!("{self:?}")
    }

    /// The signature's size class; `rsa_bits` is the modulus size for RS* and PS*.
    pub(crate) fn signature(self, rsa_bits: u32) -> SignatureAlg {
        match self {
            AlgName::HS256 => SignatureAlg::Hs256,
            AlgName::HS384 => SignatureAlg::Hs384,
            AlgName::HS512 => SignatureAlg::Hs512,
            AlgName::RS256
            | AlgName::RS384
            | AlgName::RS512
            | AlgName::PS256
            | AlgName::PS384
            | AlgName::PS512 => SignatureAlg::Rsa {
                modulus_bits: rsa_bits,
            },
            AlgName::ES256 => SignatureAlg::Es256,
            AlgName::ES384 => SignatureAlg::Es384,
            AlgName::ES512 => SignatureAlg::Es512,
            AlgName::EdDSA => SignatureAlg::EdDsa,
        }
    }

    /// Whether the signature's length is the RSA key's (RS* and PS*).
    pub(crate) fn is_rsa(self) -> bool {
        matches!(self.signature(0), SignatureAlg::Rsa { .. })
    }

    /// The size class of a signature of `signature_len` bytes made with this algorithm, or `None`
    /// when that length is not this algorithm's (a truncated or foreign signature).
    pub(crate) fn signature_of_len(self, signature_len: usize) -> Option<SignatureAlg> {
        let bits = u32::try_from(signature_len.checked_mul(8)?).ok()?;
        let alg = self.signature(bits);
        let rsa_size_accepted = match alg {
            SignatureAlg::Rsa { modulus_bits } => RSA_MODULUS_BITS.contains(&modulus_bits),
            _ => true,
        };
        (rsa_size_accepted && alg.signature_len() == signature_len).then_some(alg)
    }

    /// jsonwebtoken's algorithm, for the algorithms it signs and verifies.
    pub(crate) fn algorithm(self) -> Option<Algorithm> {
        Algorithm::from_str(&self.name()).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_map_to_jsonwebtoken() {
        for alg in AlgName::value_variants() {
            assert_eq!(AlgName::parse(&alg.name()), Some(*alg));
            assert_eq!(alg.algorithm().is_some(), *alg != AlgName::ES512, "{alg:?}");
        }
        assert_eq!(AlgName::parse("none"), None);
        let rsa: Vec<AlgName> = AlgName::value_variants()
            .iter()
            .copied()
            .filter(|alg| alg.is_rsa())
            .collect();
        assert_eq!(
            rsa,
            [
                AlgName::RS256,
                AlgName::RS384,
                AlgName::RS512,
                AlgName::PS256,
                AlgName::PS384,
                AlgName::PS512
            ]
        );
        assert_eq!(AlgName::parse("rs256"), None); // header names are case-sensitive
    }

    #[test]
    fn signature_lengths_must_match_the_algorithm() {
        assert_eq!(
            AlgName::RS256.signature_of_len(256),
            Some(SignatureAlg::Rsa { modulus_bits: 2048 })
        );
        assert_eq!(
            AlgName::HS256.signature_of_len(32),
            Some(SignatureAlg::Hs256)
        );
        assert_eq!(AlgName::HS256.signature_of_len(31), None);
        assert_eq!(AlgName::ES384.signature_of_len(64), None);
    }

    #[test]
    fn rsa_signatures_are_of_the_moduli_a_verifier_accepts() {
        assert_eq!(AlgName::RS256.signature_of_len(0), None);
        assert_eq!(AlgName::RS256.signature_of_len(1), None);
        assert_eq!(AlgName::PS512.signature_of_len(255), None); // 2040 bits
        assert_eq!(AlgName::RS384.signature_of_len(1025), None); // 8200 bits
        assert_eq!(
            AlgName::PS512.signature_of_len(1024),
            Some(SignatureAlg::Rsa { modulus_bits: 8192 })
        );
        assert_eq!(
            AlgName::RS512.signature_of_len(384),
            Some(SignatureAlg::Rsa { modulus_bits: 3072 })
        );
    }

    #[test]
    fn key_bits_are_rsa_moduli_a_verifier_accepts() {
        assert_eq!(parse_rsa_bits("2048"), Ok(2048));
        assert_eq!(parse_rsa_bits("8192"), Ok(8192));
        assert_eq!(parse_rsa_bits("3072"), Ok(3072));
        let refused = |text: &str| {
            format!(
                "`{text}` is not an RSA key size a verifier accepts: give a number of bits from 2048 to 8192, \
                 a multiple of 8 (2048, 3072, 4096...)"
            )
        };
        for text in ["0", "1024", "2047", "2049", "8200", "-1", "lots", ""] {
            assert_eq!(parse_rsa_bits(text), Err(refused(text)), "{text}");
        }
    }
}
