//! Independent answers to compare the library with: written the plain way (recursive, allocating), so
//! they share no code with what they check.

use std::fmt;

use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde_json::{Map, Value};

/// A JSON object's members in the order written, duplicates kept (`serde_json::Value` keeps the last).
#[derive(Debug, Clone, PartialEq)]
pub struct Members(pub Vec<(String, Value)>);

impl Members {
    /// The members of the JSON object `json`, or `None` when `json` is not exactly one JSON object.
    ///
    /// ```
    /// use claims_fuzz::oracle::Members;
    /// let members = Members::parse(br#"{"a":1,"a":2}"#).unwrap();
    /// assert_eq!(members.duplicate(), Some("a"));
    /// assert!(Members::parse(b"[1]").is_none());
    /// ```
    pub fn parse(json: &[u8]) -> Option<Members> {
        serde_json::from_slice(&readable(json)).ok()
    }

    /// The first name that occurs twice, if any.
    pub fn duplicate(&self) -> Option<&str> {
        let mut names: Vec<&str> = self.0.iter().map(|(name, _)| name.as_str()).collect();
        names.sort_unstable();
        names.windows(2).find(|w| w[0] == w[1]).map(|w| w[0])
    }

    /// The value of the member `name` (the first one).
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }
}

impl<'de> Deserialize<'de> for Members {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Collect;
        impl<'de> Visitor<'de> for Collect {
            type Value = Members;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Members, A::Error> {
                let mut members = Vec::new();
                while let Some(entry) = map.next_entry::<String, Value>()? {
                    members.push(entry);
                }
                Ok(Members(members))
            }
        }
        deserializer.deserialize_map(Collect)
    }
}

/// `json` with what JSON's grammar allows but `serde_json` refuses to hold made readable: the `\u` escape
/// of an unpaired UTF-16 surrogate becomes `\ufffd`, a number too large for an `f64` becomes `0`.
///
/// RFC 8259 allows both (§8.2, §6); `serde_json` refuses them only where it decodes a value. The verifier
/// skips what it does not read, so it may accept them there, and the targets' own parse must not fail
/// on them.
///
/// ```
/// let text = br#"["\ud800","\ud83d\ude00","\\ud800",1e400,-1E+999,1e308]"#;
/// let readable = claims_fuzz::oracle::readable(text);
/// assert_eq!(readable, br#"["\ufffd","\ud83d\ude00","\\ud800",0,0,1e308]"#);
/// ```
pub fn readable(json: &[u8]) -> Vec<u8> {
    fn unit(text: &[u8], at: usize) -> Option<u16> {
        let hex = std::str::from_utf8(text.get(at..at + 4)?).ok()?;
        u16::from_str_radix(hex, 16).ok()
    }
    let is_high = |u: u16| (0xD800..0xDC00).contains(&u);
    let is_low = |u: u16| (0xDC00..0xE000).contains(&u);
    let mut out = Vec::with_capacity(json.len());
    let (mut i, mut in_string) = (0, false);
    while i < json.len() {
        let byte = json[i];
        if in_string && byte == b'\\' {
            let Some(first) = unit(json, i + 2).filter(|_| json.get(i + 1) == Some(&b'u')) else {
                out.extend(json.get(i..i + 2).unwrap_or(&json[i..]));
                i += 2;
                continue;
            };
            let paired = is_high(first)
                && json.get(i + 6..i + 8) == Some(&b"\\u"[..])
                && unit(json, i + 8).is_some_and(is_low);
            if paired {
                out.extend(&json[i..i + 12]);
                i += 12;
            } else if is_high(first) || is_low(first) {
                out.extend(b"\\ufffd");
                i += 6;
            } else {
                out.extend(&json[i..i + 6]);
                i += 6;
            }
        } else if !in_string && (byte == b'-' || byte.is_ascii_digit()) {
            let len = json[i..]
                .iter()
                .take_while(|b| b.is_ascii_digit() || b"+-.eE".contains(b))
                .count();
            let token = &json[i..i + len];
            let huge = std::str::from_utf8(token)
                .ok()
                .and_then(|t| t.parse::<f64>().ok())
                .is_some_and(f64::is_infinite);
            out.extend(if huge { &b"0"[..] } else { token });
            i += len;
        } else {
            in_string ^= byte == b'"';
            out.push(byte);
            i += 1;
        }
    }
    out
}

/// RFC 7396 §2's `MergePatch(Target, Patch)` pseudocode, transcribed.
///
/// ```
/// use serde_json::json;
/// let merged = claims_fuzz::oracle::merge_patch(&json!({"a": "b", "c": {"d": 1}}), &json!({"c": {"d": null}}));
/// assert_eq!(merged, json!({"a": "b", "c": {}}));
/// ```
pub fn merge_patch(target: &Value, patch: &Value) -> Value {
    let Value::Object(patch) = patch else {
        return patch.clone();
    };
    let mut target = match target {
        Value::Object(map) => map.clone(),
        _ => Map::new(),
    };
    for (name, value) in patch {
        if value.is_null() {
            target.remove(name);
        } else {
            let old = target.get(name).cloned().unwrap_or(Value::Null);
            target.insert(name.clone(), merge_patch(&old, value));
        }
    }
    Value::Object(target)
}

/// Levels of arrays and objects in `value`: 0 for a scalar, 1 for a flat array or object.
pub fn depth(value: &Value) -> usize {
    match value {
        Value::Array(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
        Value::Object(map) => 1 + map.values().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

/// `(bytes, UTF-16 code units)` of `value`'s compact JSON, measured on `serde_json::to_string`.
///
/// # Panics
///
/// If `serde_json` cannot serialize `value`.
pub fn written_size<T: serde::Serialize + ?Sized>(value: &T) -> (usize, usize) {
    let text = serde_json::to_string(value).expect("serde_json serializes it");
    (text.len(), text.encode_utf16().count())
}

/// Every string in `value`, object keys included.
pub fn strings(value: &Value) -> Vec<&str> {
    let mut out = Vec::new();
    let mut stack = vec![value];
    while let Some(value) = stack.pop() {
        match value {
            Value::String(s) => out.push(s.as_str()),
            Value::Array(items) => stack.extend(items),
            Value::Object(map) => {
                for (key, item) in map {
                    out.push(key);
                    stack.push(item);
                }
            }
            _ => {}
        }
    }
    out
}
