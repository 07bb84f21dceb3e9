//! The length `serde_json` would write for a value, computed by a serde `Serializer` that writes nothing.
//!
//! [`crate::size::json_size`] runs on every mint, update and bounds check, so it must cost less than the
//! serialization it predicts: no buffer, no allocation, strings scanned eight bytes at a time for the
//! few bytes that change their length (escapes, and non-ASCII for UTF-16). The output it mirrors is
//! `serde_json`'s compact one, container by container (`{` `}`, `[` `]`, commas, `:`), numbers as itoa and
//! ryu write them, strings escaped as `serde_json` escapes them; map keys, whose rules `serde_json` owns
//! (strings, or numbers and booleans written quoted, else an error), are measured by `serde_json` itself.
//!
//! A leaf: it uses nothing of the crate but the nesting limit, so `size` can build on it.

use std::fmt::Display;
use std::io;

use serde::ser::{self, Impossible, Serialize};
use serde_json::ser::{CompactFormatter, Formatter};

use crate::value::MAX_JSON_DEPTH;

/// The bytes an escape adds to each byte value, as `serde_json` escapes: `"` and `\` and the short
/// escapes (`\b \f \n \r \t`) take 2 bytes (1 more), other control characters 6 (`\u00XX`, 5 more),
/// everything else is copied. The one statement of the rule, for [`crate::size::escaped_len`] too.
pub(crate) const ESCAPE_EXTRA: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = 5;
        b += 1;
    }
    let mut short = [0x08, 0x0C, b'\n', b'\r', b'\t', b'"', b'\\'].as_slice();
    while let [b, rest @ ..] = short {
        table[*b as usize] = 1;
        short = rest;
    }
    table
};

const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);

/// Nonzero when a byte of `w` is zero; a false hit only ever sits above a true one, so "any" is exact.
const fn zero_byte(w: u64) -> u64 {
    w.wrapping_sub(ONES) & !w & HIGH
}

/// Whether one of the eight bytes of `w` is escaped or not ASCII.
const fn special(w: u64) -> bool {
    const SPACES: u64 = u64::from_ne_bytes([0x20; 8]);
    const QUOTES: u64 = u64::from_ne_bytes([b'"'; 8]);
    const BACKSLASHES: u64 = u64::from_ne_bytes([b'\\'; 8]);
    ((w.wrapping_sub(SPACES) & !w) | zero_byte(w ^ QUOTES) | zero_byte(w ^ BACKSLASHES) | w) & HIGH
        != 0
}

fn word(s: &[u8], at: usize) -> u64 {
    let mut bytes = [0; 8];
    bytes.copy_from_slice(&s[at..at + 8]);
    u64::from_ne_bytes(bytes)
}

/// Whether `s` is plain ASCII that JSON copies as it is: checked eight bytes at a time, the last word
/// overlapping the one before, and a short string as two overlapping halves.
fn is_plain(s: &[u8]) -> bool {
    let n = s.len();
    if n >= 8 {
        let mut at = 0;
        while at + 8 <= n {
            if special(word(s, at)) {
                return false;
            }
            at += 8;
        }
        at == n || !special(word(s, n - 8))
    } else if n >= 4 {
        let half =
            |at: usize| u64::from(u32::from_ne_bytes([s[at], s[at + 1], s[at + 2], s[at + 3]]));
        !special(half(0) | half(n - 4) << 32)
    } else {
        s.iter()
            .all(|&b| b < 0x80 && ESCAPE_EXTRA[usize::from(b)] == 0)
    }
}

/// Bytes and UTF-16 code units of a JSON string's content once escaped, quotes excluded; escapes are
/// ASCII, so they count the same in both units.
pub(crate) fn escaped_str(s: &[u8]) -> (usize, usize) {
    if is_plain(s) {
        return (s.len(), s.len());
    }
    let extra: usize = s
        .iter()
        .map(|&b| usize::from(ESCAPE_EXTRA[usize::from(b)]))
        .sum();
    (s.len() + extra, utf16_units(s) + extra)
}

/// UTF-16 code units of UTF-8 text, eight ASCII bytes at a time.
pub(crate) fn utf16_units(s: &[u8]) -> usize {
    let mut units = 0;
    let mut chunks = s.chunks_exact(8);
    for chunk in &mut chunks {
        let mut bytes = [0; 8];
        bytes.copy_from_slice(chunk);
        if u64::from_ne_bytes(bytes) & HIGH == 0 {
            units += 8;
        } else {
            units += utf16_units_of_bytes(chunk);
        }
    }
    units + utf16_units_of_bytes(chunks.remainder())
}

fn utf16_units_of_bytes(s: &[u8]) -> usize {
    // Each code point starts with one non-continuation byte; 4-byte sequences are surrogate pairs.
    s.iter()
        .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum()
}

/// Decimal digits of `n`, as itoa writes it.
const fn digits(n: u64) -> usize {
    match n.checked_ilog10() {
        Some(log) => log as usize + 1,
        None => 1,
    }
}

/// An `io::Write` that counts bytes and UTF-16 units, for what `serde_json` measures itself.
#[derive(Default)]
struct Count {
    bytes: usize,
    units: usize,
}

impl io::Write for Count {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.bytes += buf.len();
        self.units += utf16_units(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The serializer: the running totals, the nesting depth, and whether the depth limit stopped it.
#[derive(Debug, Default)]
pub(crate) struct Measure {
    /// Bytes of compact JSON so far.
    pub(crate) bytes: usize,
    /// UTF-16 code units of the same text.
    pub(crate) units: usize,
    depth: usize,
    /// Set when a container would open deeper than [`MAX_JSON_DEPTH`]: the error is then `TooDeep`.
    pub(crate) too_deep: bool,
}

type Error = serde_json::Error;

impl Measure {
    fn ascii(&mut self, n: usize) {
        self.bytes += n;
        self.units += n;
    }

    fn string(&mut self, s: &str) {
        let (bytes, units) = escaped_str(s.as_bytes());
        self.bytes += 2 + bytes;
        self.units += 2 + units;
    }

    fn open(&mut self, levels: usize) -> Result<(), Error> {
        self.depth += levels;
        if self.depth > MAX_JSON_DEPTH {
            self.too_deep = true;
            return Err(ser::Error::custom("nested too deep"));
        }
        Ok(())
    }

    /// Opens a `[` or `{`; `len == Some(0)` writes both brackets at once, as `serde_json` does.
    fn container(&mut self, len: Option<usize>, levels: usize) -> Result<Compound<'_>, Error> {
        self.open(1)?;
        let state = if len == Some(0) {
            self.depth -= 1;
            self.ascii(2);
            State::Empty
        } else {
            self.ascii(1);
            State::First
        };
        Ok(Compound {
            measure: self,
            state,
            levels,
        })
    }

    /// `{"variant":` before a variant's content, which then opens its own container.
    fn variant(&mut self, variant: &str) -> Result<(), Error> {
        self.open(1)?;
        self.ascii(2);
        self.string(variant);
        Ok(())
    }

    /// What `serde_json`'s own formatter writes for `write`, counted.
    fn formatted(&mut self, write: impl FnOnce(&mut Count) -> io::Result<()>) {
        let mut count = Count::default();
        // Writing to a `Count` cannot fail.
        let _ = write(&mut count);
        self.bytes += count.bytes;
        self.units += count.units;
    }

    /// A float as ryu writes it, or `null` when it is not finite, as `serde_json` writes it.
    fn float(&mut self, finite: bool, write: impl FnOnce(&mut Count) -> io::Result<()>) {
        if finite {
            self.formatted(write);
        } else {
            self.ascii(4);
        }
    }

    fn signed(&mut self, n: i64) {
        self.ascii(usize::from(n < 0) + digits(n.unsigned_abs()));
    }
}

/// Where a container's next item goes.
#[derive(PartialEq, Eq)]
enum State {
    Empty,
    First,
    Rest,
}

/// A container being measured; `levels` is 2 inside a variant (`{"V":[...]}`), else 1.
pub(crate) struct Compound<'m> {
    measure: &'m mut Measure,
    state: State,
    levels: usize,
}

impl Compound<'_> {
    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.separator();
        value.serialize(&mut *self.measure)
    }

    fn separator(&mut self) {
        if self.state != State::First {
            self.measure.ascii(1);
        }
        self.state = State::Rest;
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Error> {
        self.separator();
        self.measure.string(key);
        self.measure.ascii(1);
        value.serialize(&mut *self.measure)
    }

    fn end(self) {
        if self.state != State::Empty {
            self.measure.ascii(1);
            self.measure.depth -= 1;
        }
        // A variant's outer `}`.
        if self.levels == 2 {
            self.measure.ascii(1);
            self.measure.depth -= 1;
        }
    }
}

impl<'m> ser::Serializer for &'m mut Measure {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'m>;
    type SerializeTuple = Compound<'m>;
    type SerializeTupleStruct = Compound<'m>;
    type SerializeTupleVariant = Compound<'m>;
    type SerializeMap = Compound<'m>;
    type SerializeStruct = Compound<'m>;
    type SerializeStructVariant = Compound<'m>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.ascii(if v { 4 } else { 5 });
        Ok(())
    }

    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.signed(v.into());
        Ok(())
    }

    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.signed(v.into());
        Ok(())
    }

    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.signed(v.into());
        Ok(())
    }

    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.signed(v);
        Ok(())
    }

    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.formatted(|w| CompactFormatter.write_i128(w, v));
        Ok(())
    }

    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.ascii(digits(v.into()));
        Ok(())
    }

    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.ascii(digits(v.into()));
        Ok(())
    }

    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.ascii(digits(v.into()));
        Ok(())
    }

    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.ascii(digits(v));
        Ok(())
    }

    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.formatted(|w| CompactFormatter.write_u128(w, v));
        Ok(())
    }

    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.float(v.is_finite(), |w| CompactFormatter.write_f32(w, v));
        Ok(())
    }

    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.float(v.is_finite(), |w| CompactFormatter.write_f64(w, v));
        Ok(())
    }

    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.string(v);
        Ok(())
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        // An array of numbers, as `serde_json` writes bytes.
        let mut seq = self.container(Some(v.len()), 1)?;
        for byte in v {
            seq.item(byte)?;
        }
        seq.end();
        Ok(())
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.ascii(4);
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.ascii(4);
        Ok(())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.ascii(4);
        Ok(())
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.string(variant);
        Ok(())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.variant(variant)?;
        value.serialize(&mut *self)?;
        self.ascii(1);
        self.depth -= 1;
        Ok(())
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'m>, Error> {
        self.container(len, 1)
    }

    fn serialize_tuple(self, len: usize) -> Result<Compound<'m>, Error> {
        self.container(Some(len), 1)
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Compound<'m>, Error> {
        self.container(Some(len), 1)
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'m>, Error> {
        self.variant(variant)?;
        self.container(Some(len), 2)
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Compound<'m>, Error> {
        self.container(len, 1)
    }

    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Compound<'m>, Error> {
        self.container(Some(len), 1)
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'m>, Error> {
        self.variant(variant)?;
        self.container(Some(len), 2)
    }

    fn collect_str<T: Display + ?Sized>(self, value: &T) -> Result<(), Error> {
        // Display's text, escaped: measured by `serde_json`, which writes it without a buffer.
        self.formatted(|w| {
            let mut ser = serde_json::Serializer::new(w);
            ser::Serializer::collect_str(&mut ser, value).map_err(io::Error::other)
        });
        Ok(())
    }
}

/// The sequence-like compounds: each item after a comma.
macro_rules! items {
    ($($trait:ident::$method:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Error;

            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.item(value)
            }

            fn end(self) -> Result<(), Error> {
                Compound::end(self);
                Ok(())
            }
        }
    )*};
}

items!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.separator();
        match key.serialize(StrKey) {
            Ok((bytes, units)) => {
                self.measure.bytes += 2 + bytes;
                self.measure.units += 2 + units;
            }
            Err(NotAStr) => self.measure.key_by_serde_json(key)?,
        }
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.measure.ascii(1);
        value.serialize(&mut *self.measure)
    }

    fn end(self) -> Result<(), Error> {
        Compound::end(self);
        Ok(())
    }
}

/// The struct-like compounds: each field a `"name":value` member.
macro_rules! fields {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Error;

            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Error> {
                self.field(key, value)
            }

            fn end(self) -> Result<(), Error> {
                Compound::end(self);
                Ok(())
            }
        }
    )*};
}

fields!(SerializeStruct, SerializeStructVariant);

impl Measure {
    /// A key that is not a plain string: `serde_json` decides how it is quoted, or refuses it.
    fn key_by_serde_json<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        /// `{key:null}`, so that `serde_json` applies its key rules to `key`.
        struct Probe<'k, T: ?Sized>(&'k T);
        impl<T: Serialize + ?Sized> Serialize for Probe<'_, T> {
            fn serialize<S: ser::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use ser::SerializeMap;
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry(self.0, &())?;
                map.end()
            }
        }
        let mut count = Count::default();
        serde_json::to_writer(&mut count, &Probe(key))?;
        // Less the `{` before the key and the `:null}` after it.
        self.bytes += count.bytes - 7;
        self.units += count.units - 7;
        Ok(())
    }
}

/// A map key that is a string, the common case (every key of a `serde_json::Map`, of a
/// `HashMap<String, _>`), measured without going through `serde_json`; anything else is [`NotAStr`].
struct StrKey;

/// What [`StrKey`] says of a key that is not a plain string.
#[derive(Debug)]
struct NotAStr;

impl Display for NotAStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not a string key")
    }
}

impl std::error::Error for NotAStr {}

impl ser::Error for NotAStr {
    fn custom<M: Display>(_: M) -> Self {
        NotAStr
    }
}

/// The rest of [`StrKey`]'s methods: every one refuses.
macro_rules! not_a_str {
    ($($method:ident($($ty:ty),*) -> $ok:ty;)*) => {$(
        fn $method(self, $(_: $ty),*) -> Result<$ok, NotAStr> {
            Err(NotAStr)
        }
    )*};
}

type RefusedCompound = Impossible<(usize, usize), NotAStr>;

impl ser::Serializer for StrKey {
    type Ok = (usize, usize);
    type Error = NotAStr;
    type SerializeSeq = RefusedCompound;
    type SerializeTuple = RefusedCompound;
    type SerializeTupleStruct = RefusedCompound;
    type SerializeTupleVariant = RefusedCompound;
    type SerializeMap = RefusedCompound;
    type SerializeStruct = RefusedCompound;
    type SerializeStructVariant = RefusedCompound;

    fn serialize_str(self, v: &str) -> Result<(usize, usize), NotAStr> {
        Ok(escaped_str(v.as_bytes()))
    }

    not_a_str! {
        serialize_bool(bool) -> (usize, usize);
        serialize_i8(i8) -> (usize, usize);
        serialize_i16(i16) -> (usize, usize);
        serialize_i32(i32) -> (usize, usize);
        serialize_i64(i64) -> (usize, usize);
        serialize_u8(u8) -> (usize, usize);
        serialize_u16(u16) -> (usize, usize);
        serialize_u32(u32) -> (usize, usize);
        serialize_u64(u64) -> (usize, usize);
        serialize_f32(f32) -> (usize, usize);
        serialize_f64(f64) -> (usize, usize);
        serialize_char(char) -> (usize, usize);
        serialize_bytes(&[u8]) -> (usize, usize);
        serialize_none() -> (usize, usize);
        serialize_unit() -> (usize, usize);
        serialize_unit_struct(&'static str) -> (usize, usize);
        serialize_unit_variant(&'static str, u32, &'static str) -> (usize, usize);
        serialize_seq(Option<usize>) -> RefusedCompound;
        serialize_tuple(usize) -> RefusedCompound;
        serialize_tuple_struct(&'static str, usize) -> RefusedCompound;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> RefusedCompound;
        serialize_map(Option<usize>) -> RefusedCompound;
        serialize_struct(&'static str, usize) -> RefusedCompound;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> RefusedCompound;
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(usize, usize), NotAStr> {
        Err(NotAStr)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<(usize, usize), NotAStr> {
        Err(NotAStr)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(usize, usize), NotAStr> {
        Err(NotAStr)
    }

    fn collect_str<T: Display + ?Sized>(self, _: &T) -> Result<(usize, usize), NotAStr> {
        Err(NotAStr)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use proptest::prelude::*;
    use serde::Serialize;

    use super::*;

    fn measured<T: Serialize + ?Sized>(value: &T) -> Result<(usize, usize), String> {
        let mut measure = Measure::default();
        value
            .serialize(&mut measure)
            .map(|()| (measure.bytes, measure.units))
            .map_err(|e| e.to_string())
    }

    fn written<T: Serialize + ?Sized>(value: &T) -> Result<(usize, usize), String> {
        serde_json::to_string(value)
            .map(|text| (text.len(), text.encode_utf16().count()))
            .map_err(|e| e.to_string())
    }

    #[derive(Serialize)]
    enum Shape {
        Unit,
        Newtype(i8),
        Tuple(u16, f32),
        Struct { a: char, b: Option<()> },
    }

    #[derive(Serialize)]
    struct Unit;

    #[derive(Serialize)]
    struct Pair(i128, u128);

    #[derive(Serialize)]
    struct Everything<'a> {
        shapes: Vec<Shape>,
        #[serde(with = "serde_bytes_as_array")]
        bytes: &'a [u8],
        unit: Unit,
        pair: Pair,
        tuple: (bool, i64, u64, f64),
        int_keys: BTreeMap<i32, &'a str>,
        bool_keys: BTreeMap<bool, u8>,
        char_keys: BTreeMap<char, u8>,
        empty: Vec<u8>,
        empty_map: BTreeMap<String, u8>,
        text: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u8>,
        shown: std::net::Ipv4Addr,
    }

    /// `serialize_bytes`, which `serde_json` writes as an array of numbers.
    mod serde_bytes_as_array {
        pub(super) fn serialize<S: serde::Serializer>(v: &[u8], s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(v)
        }
    }

    #[test]
    fn every_shape_measures_as_serde_json_writes_it() {
        let value = Everything {
            shapes: vec![
                Shape::Unit,
                Shape::Newtype(-128),
                Shape::Tuple(65535, -1.5e-7),
                Shape::Struct {
                    a: '\u{1}',
                    b: None,
                },
                Shape::Struct {
                    a: '😀',
                    b: Some(()),
                },
            ],
            bytes: &[0, 9, 10, 99, 100, 255],
            unit: Unit,
            pair: Pair(i128::MIN, u128::MAX),
            tuple: (false, i64::MIN, u64::MAX, f64::NAN),
            int_keys: [(-5, "a\"b"), (123_456, "é")].into(),
            bool_keys: [(true, 1), (false, 0)].into(),
            char_keys: [('\n', 1), ('x', 2)].into(),
            empty: Vec::new(),
            empty_map: BTreeMap::new(),
            text: "tab\there, \\ and \u{7f} \u{1f} Zoë 😀".into(),
            skipped: None,
            shown: std::net::Ipv4Addr::new(192, 168, 0, 1),
        };
        assert_eq!(measured(&value), written(&value));
    }

    #[test]
    fn keys_serde_json_refuses_are_refused_with_its_error() {
        let value: BTreeMap<Vec<u8>, u8> = [(vec![1], 1)].into();
        let err = measured(&value).unwrap_err();
        assert_eq!(Err(err), written(&value));
        let floats: BTreeMap<String, f64> = [("nan".to_owned(), f64::NAN)].into();
        assert_eq!(measured(&floats), Ok((12, 12))); // {"nan":null}
        assert_eq!(measured(&floats), written(&floats));
    }

    #[test]
    fn depth_stops_at_the_limit() {
        let mut deep = serde_json::json!(1);
        for _ in 0..MAX_JSON_DEPTH {
            deep = serde_json::json!([deep]);
        }
        assert_eq!(measured(&deep), written(&deep));
        let deeper = serde_json::json!({ "a": deep });
        let mut measure = Measure::default();
        let refused = deeper.serialize(&mut measure).unwrap_err();
        assert_eq!(refused.to_string(), "nested too deep");
        assert!(measure.too_deep);
    }

    proptest! {
        #[test]
        fn escaped_str_equals_serde_json_on_ascii_with_escapes(s in "[ -~\\x00-\\x1f\"\\\\é😀]{0,40}") {
            let text = serde_json::to_string(&s).unwrap();
            prop_assert_eq!(escaped_str(s.as_bytes()), (text.len() - 2, text.encode_utf16().count() - 2));
            prop_assert_eq!(utf16_units(s.as_bytes()), s.encode_utf16().count());
        }
    }
}
