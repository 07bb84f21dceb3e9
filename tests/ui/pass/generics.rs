//! A generic struct: the bound follows the type argument, and is checked when it is evaluated.
use claims_core::SessionClaims;

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
#[claims(max_size = 200)]
struct AppClaims<T>
where
    T: Clone,
{
    #[claims(max_items = 4)]
    items: Vec<T>,
    fixed: [u8; 2],
}

#[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
struct Wrapper<T> {
    inner: Option<T>,
}

fn main() {
    // [4 × u16] = 2 + 4 × 5 + 3 = 25; [2 × u8] = 2 + 2 × 3 + 1 = 9
    assert_eq!(<AppClaims<u16>>::MAX_JSON_LEN, Some(2 + 8 + 25 + 1 + 8 + 9));
    let claims = AppClaims::<u16> { items: vec![1, 2, 3, 4, 5], fixed: [0, 1] };
    assert_eq!(
        claims.check_bounds(),
        Err(claims_core::ClaimsError::BoundExceeded {
            field: "items".into(),
            bound: claims_core::BoundKind::MaxItems,
            limit: 4,
            actual: 5,
        })
    );
    assert_eq!(<Wrapper<bool>>::MAX_JSON_LEN, Some(2 + 8 + 5));
    assert_eq!(<Wrapper<String>>::MAX_JSON_LEN, None);
}
