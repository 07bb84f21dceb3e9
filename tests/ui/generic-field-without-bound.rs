use claims_core::SessionClaims;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
struct Tagged<T> {
    tags: Vec<T>,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Opaque;

fn main() {
    // `Opaque` has no bound, so `Tagged<Opaque>` is not a SessionClaims type.
    let _ = <Tagged<Opaque> as SessionClaims>::MAX_JSON_LEN;
}
