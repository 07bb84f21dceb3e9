//! The real custom-claims budget of a token layout, for its algorithm, key size, `kid` and cookie, added
//! to a size report beside the provider's rule of thumb ("clerk advises 1200 bytes of custom claims; your
//! RSA-2048 clerk layout in `__session` allows 1260 bytes").

use claims_jwt::claims_core::SizeReport;
use claims_jwt::claims_core::size::{CookieSpec, SignatureAlg, escaped_len};

/// `report` with the largest token of the claims-jwt layout named `layout` beside it: its registered and
/// provider claims at their default bounds, a header with `kid`, the signature of `alg`, in `cookie`.
/// Unchanged when claims-jwt has no layout of that name.
pub(crate) fn with_layout_budget(
    report: SizeReport,
    layout: &str,
    alg: SignatureAlg,
    kid: Option<&str>,
    cookie: &CookieSpec,
) -> SizeReport {
    match claims_jwt::layout_budget(layout, alg, kid.map(escaped_len), cookie) {
        Some(budget) => report.with_token_budget(&budget),
        None => report,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use claims_jwt::claims_core::ReservedNames;

    fn report() -> SizeReport {
        SizeReport::from_json(br#"{"plan":"pro"}"#, &ReservedNames::RFC7519).unwrap()
    }

    #[test]
    fn a_known_layout_adds_its_budget_and_another_name_adds_nothing() {
        let rs2048 = SignatureAlg::Rsa { modulus_bits: 2048 };
        let session = CookieSpec::session();
        let kid = Some("ins_2pJ8kQ3vX9mN4rT6yW1zB5cD7fGx");
        let clerk = with_layout_budget(report(), "clerk", rs2048, kid, &session);
        assert_eq!(
            clerk.token_budget().map(|budget| budget.to_string()),
            Some(
                "clerk advises 1200 bytes of custom claims; your RSA-2048 clerk layout in `__session` \
                 allows 1260 bytes"
                    .to_owned()
            )
        );
        let supabase = with_layout_budget(report(), "supabase", rs2048, kid, &session);
        assert_eq!(supabase.token_budget(), None);
    }
}
