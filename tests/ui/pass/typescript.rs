//! `#[claims(typescript)]` with a generic nested struct, a custom `TsType` and `crate = "..."`: built and
//! run, so the compile-time checks of the declaration are evaluated.
use claims_core::frontend::ClerkFrontend;
use claims_core::typescript::{TsShape, TsType};
use claims_core::SessionClaims;

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
enum Plan {
    Free,
    Pro,
}

impl TsType for Plan {
    const TS: TsShape = TsShape::Custom(r#""free" | "pro""#);
}

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(profile = "none")]
struct Wrapper<T> {
    value: Option<T>,
}

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(crate = "claims_jwt::claims_core", profile = "clerk", typescript)]
struct AppClaims {
    plan: Plan,
    wrapped: Wrapper<u16>,
    #[claims(ts_type = "string", clerk = "{{user.id}}")]
    id: std::net::Ipv4Addr,
}

fn main() {
    let text = AppClaims::globals_d_ts();
    assert!(text.contains("    plan: \"free\" | \"pro\";\n    wrapped: {\n      value: number | null;\n    };\n    id: string;\n"), "{text}");
    assert_eq!(AppClaims::claims_template(), "{\n  \"id\": \"{{user.id}}\"\n}\n");
    let _ = (Plan::Free, Plan::Pro, AppClaims::CLAIM_NAMES);
}
