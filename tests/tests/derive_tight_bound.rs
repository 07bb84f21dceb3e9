//! `MAX_JSON_LEN` is what the longest value writes, not one byte more: derived structs of required and
//! skippable fields, in every order, against the longest JSON found by writing every combination of their
//! fields' extremes through the derived `Serialize`. (claims-core's `probe` tests the same formula over
//! generated shapes; these structs make sure the derive's output feeds it the right shapes.)

use claims_core::SessionClaims;
use serde_json::{Map, Value, json};

/// The values among which a field's longest JSON is, as JSON to read into the struct.
trait Extremes: SessionClaims {
    fn extremes() -> Vec<(&'static str, Vec<Value>)>;
}

/// Declares a derived struct from `field: kind` pairs, and its `Extremes`.
macro_rules! shape {
    ($name:ident { $($rest:tt)* }) => {
        shape!(@munch $name [] [] $($rest)*);
    };
    (@munch $name:ident [$($fields:tt)*] [$($values:tt)*]) => {
        #[derive(SessionClaims, serde::Serialize, serde::Deserialize)]
        #[claims(profile = "none")]
        struct $name { $($fields)* }

        impl Extremes for $name {
            fn extremes() -> Vec<(&'static str, Vec<Value>)> {
                vec![$($values)*]
            }
        }
    };
    (@munch $name:ident $fields:tt $values:tt $field:ident: $kind:ident $(, $($rest:tt)*)?) => {
        shape!(@kind $kind [$name $fields $values $field] $($($rest)*)?);
    };
    (@kind u8 $($tail:tt)*) => {
        shape!(@add [] [u8] [json!(0), json!(255)] $($tail)*);
    };
    (@kind i8 $($tail:tt)*) => {
        shape!(@add [] [i8] [json!(127), json!(-128)] $($tail)*);
    };
    (@kind bool $($tail:tt)*) => {
        shape!(@add [] [bool] [json!(true), json!(false)] $($tail)*);
    };
    // `None` is written as `null`.
    (@kind opt_u8 $($tail:tt)*) => {
        shape!(@add [] [Option<u8>] [json!(null), json!(255)] $($tail)*);
    };
    // The issue's field: `None` is skipped, so `null` never counts.
    (@kind skip_u8 $($tail:tt)*) => {
        shape!(@add [#[serde(default, skip_serializing_if = "Option::is_none")]] [Option<u8>]
            [json!(null), json!(255)] $($tail)*);
    };
    // The same, with the predicate's path written out.
    (@kind skip_u8_path $($tail:tt)*) => {
        shape!(@add [#[serde(default, skip_serializing_if = "::core::option::Option::is_none")]] [Option<u8>]
            [json!(null), json!(0), json!(255)] $($tail)*);
    };
    (@kind skip_bool $($tail:tt)*) => {
        shape!(@add [#[serde(default, skip_serializing_if = "Option::is_none")]] [Option<bool>]
            [json!(null), json!(true), json!(false)] $($tail)*);
    };
    (@kind skip_str1 $($tail:tt)*) => {
        shape!(@add [#[claims(max_len = 1)] #[serde(default, skip_serializing_if = "Option::is_none")]]
            [Option<String>] [json!(null), json!(""), json!("x")] $($tail)*);
    };
    (@kind skip_str0 $($tail:tt)*) => {
        shape!(@add [#[claims(max_len = 0)] #[serde(default, skip_serializing_if = "Option::is_none")]]
            [Option<String>] [json!(null), json!("")] $($tail)*);
    };
    (@kind str2 $($tail:tt)*) => {
        shape!(@add [#[claims(max_len = 2)]] [String] [json!(""), json!("\n")] $($tail)*);
    };
    // Skipped by another predicate: an empty `Vec` is never longer than a full one.
    (@kind skip_empty_vec $($tail:tt)*) => {
        shape!(@add [#[claims(max_items = 1)] #[serde(default, skip_serializing_if = "Vec::is_empty")]]
            [Vec<u8>] [json!([]), json!([255])] $($tail)*);
    };
    // A `Some` shorter than `null`: an empty list.
    (@kind skip_empty_list $($tail:tt)*) => {
        shape!(@add [#[claims(max_items = 0)] #[serde(default, skip_serializing_if = "Option::is_none")]]
            [Option<Vec<u8>>] [json!(null), json!([])] $($tail)*);
    };
    (@add [$($attr:tt)*] [$ty:ty] [$($value:expr),*]
        [$name:ident [$($fields:tt)*] [$($values:tt)*] $field:ident] $($rest:tt)*) => {
        shape!(@munch $name
            [$($fields)* $($attr)* $field: $ty,]
            [$($values)* (stringify!($field), vec![$($value),*]),]
            $($rest)*);
    };
}

/// The longest JSON any value of `S` within its bounds writes: every combination of its fields'
/// extremes, read into `S` (a `null` is `None`) and written back by its own `Serialize`.
fn longest<S: Extremes>() -> usize {
    let mut objects = vec![Map::new()];
    for (name, values) in S::extremes() {
        objects = objects
            .iter()
            .flat_map(|object| {
                values.iter().map(move |value| {
                    let mut object = object.clone();
                    object.insert(name.to_owned(), value.clone());
                    object
                })
            })
            .collect();
    }
    objects
        .into_iter()
        .map(|object| {
            let value: S = serde_json::from_value(Value::Object(object)).unwrap();
            assert_eq!(value.check_bounds(), Ok(()));
            serde_json::to_vec(&value).unwrap().len()
        })
        .max()
        .unwrap()
}

// The issue's struct, and its fields the other way round.
shape!(P { a: u8, b: skip_u8 });
shape!(PReversed { b: skip_u8, a: u8 });

// A required, a skippable and a `null`-writing field, in every order.
shape!(Abc {
    a: u8,
    b: skip_u8,
    c: opt_u8
});
shape!(Acb {
    a: u8,
    c: opt_u8,
    b: skip_u8
});
shape!(Bac {
    b: skip_u8,
    a: u8,
    c: opt_u8
});
shape!(Bca {
    b: skip_u8,
    c: opt_u8,
    a: u8
});
shape!(Cab {
    c: opt_u8,
    a: u8,
    b: skip_u8
});
shape!(Cba {
    c: opt_u8,
    b: skip_u8,
    a: u8
});

// Skippable fields only, whose values are shorter than `null`, in every order: `{}` is a value too.
shape!(Xyz {
    x: skip_u8,
    y: skip_str1,
    z: skip_str0
});
shape!(Xzy {
    x: skip_u8,
    z: skip_str0,
    y: skip_str1
});
shape!(Yxz {
    y: skip_str1,
    x: skip_u8,
    z: skip_str0
});
shape!(Yzx {
    y: skip_str1,
    z: skip_str0,
    x: skip_u8
});
shape!(Zxy {
    z: skip_str0,
    x: skip_u8,
    y: skip_str1
});
shape!(Zyx {
    z: skip_str0,
    y: skip_str1,
    x: skip_u8
});

// Every kind at once, required and skippable fields interleaved.
shape!(Every {
    a: skip_empty_list,
    b: u8,
    c: skip_bool,
    d: i8,
    e: skip_u8_path,
    f: str2,
    g: opt_u8,
    h: skip_empty_vec,
    i: bool,
    j: skip_str0,
});

#[test]
fn the_issue_struct_is_bounded_by_its_longest_value() {
    // {"a":255,"b":255}, not 18 as when `null` was counted for the skipped `None`
    assert_eq!(P::MAX_JSON_LEN, Some(17));
    assert_eq!(longest::<P>(), 17);
    assert_eq!(PReversed::MAX_JSON_LEN, Some(17));
    assert_eq!(longest::<PReversed>(), 17);
}

/// Checks that each struct's bound is the length of its longest value, naming the struct on failure.
macro_rules! tight {
    ($($shape:ident),* $(,)?) => {
        $(
            assert_eq!(
                $shape::MAX_JSON_LEN,
                Some(longest::<$shape>()),
                stringify!($shape)
            );
        )*
    };
}

#[test]
fn the_bound_is_the_longest_value_in_every_order() {
    tight!(Abc, Acb, Bac, Bca, Cab, Cba);
    // {"a":255,"b":255,"c":null}
    assert_eq!(Abc::MAX_JSON_LEN, Some(26));
    tight!(Xyz, Xzy, Yxz, Yzx, Zxy, Zyx);
    // {"x":255,"y":"x","z":""}
    assert_eq!(Xyz::MAX_JSON_LEN, Some(24));
}

#[test]
fn the_bound_is_the_longest_value_of_every_kind() {
    tight!(Every);
}
