use claims_core::SessionClaims;

fn as_text<S: serde::Serializer>(value: &u64, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(value)
}

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(max_size = 500)]
struct AppClaims {
    #[serde(serialize_with = "as_text")]
    tenant: u64,
}

fn main() {}
