use claims_core::SessionClaims;

// Without `typescript` there is no template for a shortcode to go into.
#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(clerk_template = "complete")]
struct NoFrontend {
    #[claims(clerk = "{{user.full_name}}")]
    name: String,
}

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(typescript, clerk_template = "complete")]
struct Complete {
    #[claims(clerk = "{{user.full_name}}")]
    name: String,
    // error: no shortcode, and the template must be complete
    plan: String,
    // error: never written, so nothing for Clerk to fill
    #[serde(skip)]
    #[claims(clerk = "{{user.id}}")]
    cache: String,
    // error: the template's key would be `tenantId`, which this field doesn't read
    #[serde(rename(serialize = "tenantId", deserialize = "tenant"))]
    #[claims(clerk = "{{user.public_metadata.tenant}}")]
    tenant: u64,
}

fn main() {}
