use claims_core::SessionClaims;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(typescript = "loose")]
struct Mode {
    plan: String,
}

// `T` is never serialized, so serde adds no bound and the stub impl after the error needs none either.
#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(typescript)]
struct Generic<T> {
    #[serde(skip)]
    marker: std::marker::PhantomData<T>,
    value: String,
}

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(typescript)]
struct Types {
    #[claims(ts_type = " ")]
    plan: String,
    #[serde(skip)]
    #[claims(ts_type = "string")]
    cache: String,
}

fn main() {}
