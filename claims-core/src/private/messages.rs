//! The compile-time messages: what the generated `const` assertions panic with, which the compiler shows
//! as the error. Built in `const` context, so they can name the field, the type and the numbers.

use super::probe::{FieldBound, object_max};
use crate::bound::{JsonShape, Limits};

/// What is wrong with a `max_len` or `max_items` that means nothing for the field's type, if anything;
/// the generated constant panics with it, which makes it a compile error.
pub const fn limits_problem(ty: &str, field: &FieldBound) -> Option<Msg> {
    if field.limits.max_len.is_some() && !field.shape.takes_max_len() {
        return Some(
            Msg::new()
                .str("`max_len` does not apply to field `")
                .str(field.field)
                .str("` of `")
                .str(ty)
                .str("`: it bounds strings, and the strings inside options, sequences and maps; remove it, or bound the whole value with #[claims(max_json_len = N)]"),
        );
    }
    if field.limits.max_items.is_some() && !field.shape.takes_max_items() {
        let why = if let JsonShape::Array(..) = field.shape {
            "`: an array's length is fixed by its type; remove it"
        } else {
            "`: it bounds sequences, sets and maps (`Vec`, `BTreeSet`, `HashMap`...); remove it, or bound the whole value with #[claims(max_json_len = N)]"
        };
        return Some(
            Msg::new()
                .str("`max_items` does not apply to field `")
                .str(field.field)
                .str("` of `")
                .str(ty)
                .str(why),
        );
    }
    None
}

/// Whether every limit `shape` needs is declared in `limits`, so that a `None` from
/// [`JsonShape::max_json_len`] means the bound overflows a `usize`, not that a limit is missing.
const fn declared(shape: &JsonShape, limits: Limits) -> bool {
    match *shape {
        JsonShape::Fixed(_) => true,
        JsonShape::Unbounded => false,
        JsonShape::Str => limits.max_len.is_some(),
        JsonShape::Option(inner) => declared(inner, limits),
        JsonShape::Array(item, _) => declared(item, limits.for_items()),
        JsonShape::Seq(item) => limits.max_items.is_some() && declared(item, limits.for_items()),
        JsonShape::Map(key, value) => {
            limits.max_items.is_some()
                && declared(key, limits.for_items())
                && declared(value, limits.for_items())
        }
    }
}

/// What keeps a field from counting under `max_size`: no bound, or one too large for a `usize`, if so.
pub const fn unbounded_problem(ty: &str, field: &FieldBound, max_size: usize) -> Option<Msg> {
    if !field.written || field.member_max().is_some() {
        return None;
    }
    if declared(field.shape, field.limits) {
        return Some(
            Msg::new()
                .str("the size bound of field `")
                .str(field.field)
                .str("` of `")
                .str(ty)
                .str("` does not fit a `usize`, so it can't count under `max_size = ")
                .num(max_size)
                .str("`; lower its `max_len`, `max_items` or `max_json_len`"),
        );
    }
    let fix = if field.shape.takes_max_items() && field.limits.max_items.is_none() {
        "add #[claims(max_items = N)]"
    } else if field.shape.takes_max_len() && field.limits.max_len.is_none() {
        "add #[claims(max_len = N)]"
    } else {
        "bound the whole value with #[claims(max_json_len = N)], or implement `claims_core::bound::JsonBound` for its type"
    };
    Some(
        Msg::new()
            .str("field `")
            .str(field.field)
            .str("` of `")
            .str(ty)
            .str("` has no size bound, but `max_size = ")
            .num(max_size)
            .str("` needs one on every field; ")
            .str(fix),
    )
}

/// What keeps a type whose fields are all bounded from fitting `max_size`: a bound over it, if so.
pub const fn budget_problem(ty: &str, fields: &[FieldBound], max_size: usize) -> Option<Msg> {
    // `None` when the fields' bounds are known but their sum overflows a `usize`.
    let total = match object_max(fields) {
        Some(total) if total <= max_size => return None,
        Some(total) => Some(total),
        None => {
            let mut i = 0;
            while i < fields.len() {
                if fields[i].written && fields[i].member_max().is_none() {
                    // an unbounded field, reported by `unbounded_problem`
                    return None;
                }
                i += 1;
            }
            None
        }
    };
    let mut largest: Option<&FieldBound> = None;
    let mut largest_max = 0;
    let mut i = 0;
    while i < fields.len() {
        if fields[i].written
            && let Some(max) = fields[i].member_max()
            && (largest.is_none() || max > largest_max)
        {
            largest = Some(&fields[i]);
            largest_max = max;
        }
        i += 1;
    }
    let name = match largest {
        Some(field) => field.field,
        None => "",
    };
    let msg = Msg::new().str("`").str(ty);
    let msg = match total {
        Some(total) => msg
            .str("` can take up to ")
            .num(total)
            .str(" bytes of compact JSON, ")
            .num(total - max_size)
            .str(" over `max_size = "),
        None => {
            msg.str("` can take more bytes of compact JSON than a `usize` holds, over `max_size = ")
        }
    };
    Some(
        msg.num(max_size)
            .str("`; lower the bounds of its fields (the largest is `")
            .str(name)
            .str("`, up to ")
            .num(largest_max)
            .str(" bytes with its name) or raise `max_size`"),
    )
}

/// A message built in `const` context (a fixed buffer; the end is cut off if it overflows).
pub struct Msg {
    buf: [u8; 768],
    len: usize,
}

impl Msg {
    const fn new() -> Self {
        Msg {
            buf: [0; 768],
            len: 0,
        }
    }

    const fn str(mut self, s: &str) -> Self {
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // whole characters only, so the buffer always holds valid UTF-8
            let width = match bytes[i] {
                0x00..=0x7F => 1,
                0xF0..=0xFF => 4,
                0xE0..=0xEF => 3,
                _ => 2,
            };
            if self.len + width > self.buf.len() || i + width > bytes.len() {
                break;
            }
            let mut k = 0;
            while k < width {
                self.buf[self.len] = bytes[i + k];
                self.len += 1;
                k += 1;
            }
            i += width;
        }
        self
    }

    const fn num(mut self, mut n: usize) -> Self {
        let mut digits = [0u8; 20];
        let mut count = 0;
        loop {
            digits[count] = b'0' + (n % 10) as u8;
            count += 1;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        while count > 0 && self.len < self.buf.len() {
            count -= 1;
            self.buf[self.len] = digits[count];
            self.len += 1;
        }
        self
    }

    /// The message.
    pub const fn text(&self) -> &str {
        match core::str::from_utf8(self.buf.split_at(self.len).0) {
            Ok(text) => text,
            // unreachable: only whole characters are copied in
            Err(_) => "a size bound check of #[derive(SessionClaims)] failed",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_whose_sum_overflows_are_over_any_budget() {
        let huge = |name| {
            FieldBound::new(
                name,
                name,
                true,
                &JsonShape::Fixed(usize::MAX - 10),
                Limits::NONE,
            )
        };
        let fields = [huge("a"), huge("b")];
        assert_eq!(object_max(&fields), None);
        assert!(unbounded_problem("T", &fields[0], 100).is_none());
        assert_eq!(
            budget_problem("T", &fields, 100).map(|msg| msg.text().to_owned()),
            Some(format!(
                "`T` can take more bytes of compact JSON than a `usize` holds, over `max_size = 100`; lower the \
                 bounds of its fields (the largest is `a`, up to {} bytes with its name) or raise `max_size`",
                usize::MAX - 6
            ))
        );
    }

    #[test]
    fn a_field_bound_that_overflows_is_named_as_such() {
        let roles = FieldBound::new(
            "roles",
            "roles",
            true,
            &JsonShape::Seq(&JsonShape::Str),
            Limits::new(Some(32), Some(usize::MAX)),
        );
        assert_eq!(
            unbounded_problem("T", &roles, 100).map(|msg| msg.text().to_owned()),
            Some(
                "the size bound of field `roles` of `T` does not fit a `usize`, so it can't count under \
                 `max_size = 100`; lower its `max_len`, `max_items` or `max_json_len`"
                    .to_owned()
            )
        );
        let missing = FieldBound::new(
            "roles",
            "roles",
            true,
            &JsonShape::Seq(&JsonShape::Str),
            Limits::new(Some(32), None),
        );
        assert!(
            unbounded_problem("T", &missing, 100)
                .unwrap()
                .text()
                .ends_with("add #[claims(max_items = N)]")
        );
        // no budget message while a field is unbounded: `unbounded_problem` reports it
        assert!(budget_problem("T", &[roles, missing], 100).is_none());
    }

    #[test]
    fn messages_hold_numbers_and_cut_at_characters() {
        let msg = Msg::new().str("n = ").num(0).str(", m = ").num(usize::MAX);
        assert_eq!(msg.text(), format!("n = 0, m = {}", usize::MAX));
        let long = Msg::new().str(&"é".repeat(500));
        assert_eq!(long.text(), "é".repeat(384));
    }
}
