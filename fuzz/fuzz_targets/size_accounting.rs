//! Exact size accounting: for any JSON value, claims-core's sizes agree byte for byte (and UTF-16 unit
//! for unit) with the text `serde_json` writes.
//!
//! Input: a mode byte and a nesting byte, then the rest: JSON text (mode 0; text that does not parse is
//! taken as a string), raw 8-byte numbers (mode 1), or a string with any characters (mode 2). The value
//! is then nested inside as many more arrays and objects as the nesting byte says, past the depth
//! `json_size` measures.
#![no_main]

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use claims_core::size::{
    CookieSpec, JsonSize, MAX_JSON_DEPTH, SignatureAlg, base64url_len, escaped_len, json_len,
    json_size, value_json_size,
};
use claims_core::{ClaimsError, Profile, ReservedNames, SizeReport};
use claims_fuzz::oracle::{self, written_size};
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value};

fn value(mode: u8, rest: &[u8]) -> Value {
    match mode % 3 {
        0 => serde_json::from_slice(rest)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(rest).into_owned())),
        1 => Value::Array(
            rest.chunks_exact(8)
                .enumerate()
                .filter_map(|(i, chunk)| {
                    let bytes: [u8; 8] = chunk.try_into().expect("8 bytes");
                    match i % 3 {
                        0 => serde_json::Number::from_f64(f64::from_le_bytes(bytes))
                            .map(Value::Number),
                        1 => Some(Value::from(i64::from_le_bytes(bytes))),
                        _ => Some(Value::from(u64::from_le_bytes(bytes))),
                    }
                })
                .collect(),
        ),
        _ => {
            let text = String::from_utf8_lossy(rest).into_owned();
            let mut map = Map::new();
            map.insert(text.clone(), Value::String(text));
            Value::Object(map)
        }
    }
}

fn nest(mut value: Value, levels: u8) -> Value {
    for level in 0..levels {
        value = if level % 2 == 0 {
            Value::Array(vec![value])
        } else {
            let mut map = Map::new();
            map.insert("k".to_owned(), value);
            Value::Object(map)
        };
    }
    value
}

fn check_report(map: &Map<String, Value>, text: &str, reserved: &ReservedNames<'_>) {
    let report = SizeReport::from_json(text.as_bytes(), reserved).expect("compact JSON of a map");
    assert_eq!(
        report,
        SizeReport::new(map, reserved),
        "from_json and new differ"
    );
    let (bytes, utf16_units) = written_size(map);
    assert_eq!(
        report.payload(),
        JsonSize { bytes, utf16_units },
        "payload size"
    );
    let claims = report.claims();
    let members: usize = claims.iter().map(|c| c.json.bytes).sum();
    assert_eq!(members + 2, bytes, "the claims' bytes and the braces");
    let units: usize = claims.iter().map(|c| c.json.utf16_units).sum();
    assert_eq!(
        units + 2,
        utf16_units,
        "the claims' UTF-16 units and the braces"
    );
    let chars: usize = claims.iter().map(|c| c.token_chars).sum();
    assert!(
        chars <= base64url_len(bytes),
        "the claims' share of the segment"
    );

    let custom: Map<String, Value> = map
        .iter()
        .filter(|(name, _)| reserved.check(name).is_none())
        .map(|(name, value)| (name.clone(), value.clone()))
        .collect();
    let (bytes, utf16_units) = written_size(&custom);
    assert_eq!(
        report.custom(),
        JsonSize { bytes, utf16_units },
        "custom claims' size"
    );

    // A token with a 36-byte header, HS256, in Clerk's cookie: its length as the base64url text has it.
    let report = report.with_token(36, SignatureAlg::Hs256, CookieSpec::session());
    let token =
        URL_SAFE_NO_PAD.encode([0; 36]).len() + 1 + URL_SAFE_NO_PAD.encode(text).len() + 1 + 43;
    assert_eq!(report.token_len(), Some(token), "token length");
    assert_eq!(
        report.cookie_len(),
        Some("__session=".len() + token),
        "cookie length"
    );
}

fuzz_target!(|data: &[u8]| {
    let (selectors, rest) = data.split_at(data.len().min(2));
    let (mode, levels) = match *selectors {
        [mode, levels] => (mode, levels),
        [mode] => (mode, 0),
        _ => (0, 0),
    };
    let value = nest(value(mode, rest), levels);

    let text = serde_json::to_string(&value).expect("a Value serializes");
    let (bytes, utf16_units) = written_size(&value);
    let written = JsonSize { bytes, utf16_units };
    assert_eq!(value_json_size(&value), written, "value_json_size");
    assert_eq!(
        JsonSize::of_text(text.as_bytes()),
        written,
        "JsonSize::of_text"
    );
    assert_eq!(
        base64url_len(bytes),
        URL_SAFE_NO_PAD.encode(&text).len(),
        "base64url_len"
    );
    if oracle::depth(&value) <= MAX_JSON_DEPTH {
        assert_eq!(json_size(&value), Ok(written), "json_size");
        assert_eq!(json_len(&value), Ok(bytes), "json_len");
    } else {
        let too_deep = ClaimsError::TooDeep {
            what: "value",
            limit: MAX_JSON_DEPTH,
        };
        assert_eq!(
            json_size(&value),
            Err(too_deep.clone()),
            "json_size too deep"
        );
        assert_eq!(json_len(&value), Err(too_deep), "json_len too deep");
    }
    for s in oracle::strings(&value) {
        assert_eq!(
            escaped_len(s) + 2,
            serde_json::to_string(s).expect("a str").len(),
            "escaped_len of {s:?}"
        );
    }
    if let Value::Object(map) = &value
        && oracle::depth(&value) <= MAX_JSON_DEPTH
    {
        check_report(map, &text, &ReservedNames::RFC7519);
        check_report(
            map,
            &text,
            &ReservedNames::from_profiles(&[&Profile::CLERK]),
        );
    }
});
