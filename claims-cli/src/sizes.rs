//! claims-core's `SizeReport` as JSON, for `--format json` (its `Display` is the text form).

use claims_jwt::claims_core::SizeReport;
use claims_jwt::claims_core::size::{CookieSpec, SignatureAlg, base64url_len};
use serde::Serialize;

/// `left` bytes of room, as the size report words it: "90 left", or "OVER BUDGET by 3" when negative.
pub(crate) fn left(left: isize) -> String {
    if left < 0 {
        format!("OVER BUDGET by {}", left.unsigned_abs())
    } else {
        format!("{left} left")
    }
}

/// Where a token's bytes go, claim by claim.
#[derive(Debug, Serialize)]
pub(crate) struct SizeJson {
    /// Each top-level claim, in payload order.
    pub(crate) claims: Vec<ClaimJson>,
    /// Bytes of the payload's compact JSON.
    pub(crate) payload_bytes: usize,
    /// Characters of the payload's base64url segment.
    pub(crate) payload_chars: usize,
    /// Bytes of the custom claims alone, as one compact JSON object.
    pub(crate) custom_bytes: usize,
    /// The custom-claims budget, when the layout or profile has one.
    pub(crate) budget: Option<BudgetJson>,
    /// The whole token and its cookie, when the header, algorithm and cookie are known.
    pub(crate) token: Option<TokenJson>,
    /// The real custom-claims budget of the layout, when the layout is known.
    pub(crate) layout_budget: Option<LayoutBudgetJson>,
}

/// The room the layout leaves custom claims in its largest token: the registered and provider claims at
/// their default bounds, the header, the signature of the algorithm and key size, the cookie.
#[derive(Debug, Serialize)]
pub(crate) struct LayoutBudgetJson {
    /// Bytes of custom-claims JSON that fit; absent when the other parts alone overflow the cookie.
    pub(crate) custom_bytes: Option<usize>,
    /// The same beside the provider's rule of thumb, in words.
    pub(crate) text: String,
}

/// One claim's share.
#[derive(Debug, Serialize)]
pub(crate) struct ClaimJson {
    pub(crate) name: String,
    /// Counts against the budget (not reserved by the layout or profile).
    pub(crate) custom: bool,
    /// Bytes in the payload JSON: `"name":value`, and the comma before it unless it comes first.
    pub(crate) json_bytes: usize,
    /// Characters in the base64url payload segment.
    pub(crate) token_chars: usize,
}

/// The custom-claims budget and its use.
#[derive(Debug, Serialize)]
pub(crate) struct BudgetJson {
    pub(crate) limit: usize,
    /// `bytes` or `UTF-16 units`.
    pub(crate) unit: String,
    pub(crate) used: usize,
    /// Negative when over.
    pub(crate) left: isize,
}

/// The token and the cookie that carries it.
#[derive(Debug, Serialize)]
pub(crate) struct TokenJson {
    /// Characters of the compact token.
    pub(crate) length: usize,
    /// The signature's size class, e.g. `RSA-2048`.
    pub(crate) signature: String,
    pub(crate) cookie: String,
    /// Bytes of `name=token` (and the counted attributes).
    pub(crate) cookie_bytes: usize,
    pub(crate) cookie_limit: usize,
    /// Negative when the browser would drop the cookie.
    pub(crate) cookie_left: isize,
    /// The largest payload JSON that fits the cookie with this header and signature.
    pub(crate) max_payload_bytes: Option<usize>,
}

impl SizeJson {
    /// `report` as JSON; `token` names the signature and cookie it was given with `with_token`.
    pub(crate) fn new(report: &SizeReport, token: Option<(SignatureAlg, &CookieSpec)>) -> Self {
        let budget = report.budget().map(|budget| BudgetJson {
            limit: budget.limit,
            unit: budget.unit.to_string(),
            used: report.custom().in_unit(budget.unit),
            left: report.headroom().unwrap_or_default(),
        });
        let token = token.and_then(|(alg, cookie)| {
            Some(TokenJson {
                length: report.token_len()?,
                signature: alg.to_string(),
                cookie: cookie.name().to_owned(),
                cookie_bytes: report.cookie_len()?,
                cookie_limit: cookie.limit(),
                cookie_left: report.cookie_headroom()?,
                max_payload_bytes: report.max_payload_len(),
            })
        });
        SizeJson {
            claims: report
                .claims()
                .iter()
                .map(|claim| ClaimJson {
                    name: claim.name.clone(),
                    custom: claim.custom,
                    json_bytes: claim.json.bytes,
                    token_chars: claim.token_chars,
                })
                .collect(),
            payload_bytes: report.payload().bytes,
            payload_chars: base64url_len(report.payload().bytes),
            custom_bytes: report.custom().bytes,
            budget,
            token,
            layout_budget: report.token_budget().map(|budget| LayoutBudgetJson {
                custom_bytes: budget.custom_room(),
                text: budget.to_string(),
            }),
        }
    }
}
