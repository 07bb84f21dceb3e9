//! `#[derive(SessionClaims)]` with claims-core's default features: every check, no TypeScript items.
//!
//! A field's `ts_type` is accepted (and checked) without the feature:
//!
//! ```
//! #[derive(claims_core::SessionClaims, serde::Serialize, serde::Deserialize)]
//! struct Claims {
//!     #[claims(max_len = 40, ts_type = "`${string}@${string}`")]
//!     email: String,
//! }
//! ```
//!
//! while `#[claims(typescript)]` promises items only the feature writes, so it does not compile (the
//! message, which names the feature, is held by claims-derive's unit tests):
//!
//! ```compile_fail
//! #[derive(claims_core::SessionClaims, serde::Serialize, serde::Deserialize)]
//! #[claims(typescript)]
//! struct Claims {
//!     #[claims(max_len = 40, ts_type = "`${string}@${string}`")]
//!     email: String,
//! }
//! ```

#[cfg(test)]
mod tests {
    use claims_core::__private::{TsProbe, TsProbeFallback as _};
    use claims_core::typescript::TsShape;
    use claims_core::{BoundKind, ClaimsError, SessionClaims};

    #[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
    #[claims(profile = "none")]
    struct Inner {
        #[claims(max_len = 8)]
        code: String,
    }

    #[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
    #[claims(profile = "clerk", max_size = 56)]
    struct AppClaims {
        #[claims(max_len = 16, ts_type = "`${string}@${string}`")]
        email: String,
        inner: Inner,
    }

    #[test]
    fn derived_structs_have_no_typescript_description() {
        assert_eq!(TsProbe::<AppClaims>::TS, None);
        assert_eq!(TsProbe::<Inner>::TS, None);
        // positive control: the probe finds the impls claims-core has
        assert_eq!(TsProbe::<String>::TS, Some(&TsShape::String));
    }

    #[test]
    fn the_rest_of_the_derive_is_all_there() {
        // {"email":"<16>","inner":{"code":"<8>"}}
        assert_eq!(AppClaims::MAX_JSON_LEN, Some(56));
        assert_eq!(AppClaims::CLAIM_NAMES, ["email", "inner"]);
        let claims = AppClaims {
            email: "ada@example.com".to_owned(),
            inner: Inner {
                code: "123456789".to_owned(),
            },
        };
        assert_eq!(
            claims.check_bounds(),
            Err(ClaimsError::BoundExceeded {
                field: "inner.code".to_owned(),
                bound: BoundKind::MaxLen,
                limit: 8,
                actual: 9,
            })
        );
        let claims = AppClaims {
            inner: Inner {
                code: "12345678".to_owned(),
            },
            ..claims
        };
        assert_eq!(claims.check_bounds(), Ok(()));
    }
}
