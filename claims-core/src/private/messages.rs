//! The compile-time messages: what the generated `const` assertion panics with, which the compiler shows
//! as the error. Built in `const` context, so they can name the field, the type and the numbers.

use super::probe::{FieldBound, add, object_max};
use crate::bound::{JsonShape, Limits};

/// Where a compile-time refusal points: the generated assertion has one `panic!` per site, each spanned
/// on what the message is about.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Site {
    /// The `max_len` or `max_items` of the field at this index.
    Limits(usize),
    /// The field at this index, unbounded under `max_size`.
    Unbounded(usize),
    /// The struct's `max_size`.
    Budget,
}

impl Site {
    /// The site as one number, which the generated assertion matches on (an integer `match` is one
    /// branch for the compiler to build, where the enum's patterns were a test per variant and field):
    /// `3 * i` for the limits of field `i`, `3 * i + 1` for its missing bound, `2` for the budget.
    pub const fn code(self) -> usize {
        match self {
            Site::Limits(i) => 3 * i,
            Site::Unbounded(i) => 3 * i + 1,
            Site::Budget => 2,
        }
    }
}

/// Where the first thing wrong with a struct's fields is, if anything, in the order a reader fixes them:
/// a limit that means nothing for its field's type, then (under `max_size`) a field without a bound, then
/// a bound over the budget. One `const` per struct evaluates it (one assertion per check made the
/// compiler type-check, borrow-check and evaluate each on its own), and on the way that compiles, builds
/// no message: each field's bound is summed once, and [`problem_message`] words a refusal only when
/// there is one.
pub const fn struct_problem(fields: &[FieldBound], max_size: Option<usize>) -> Option<Site> {
    let mut i = 0;
    while i < fields.len() {
        if max_len_misapplied(&fields[i]) || max_items_misapplied(&fields[i]) {
            return Some(Site::Limits(i));
        }
        i += 1;
    }
    let Some(max_size) = max_size else {
        return None;
    };
    // `object_max`, with the first field that keeps it from being a number
    let (mut total, mut members, mut overflows) = (2usize, 0usize, false);
    let mut i = 0;
    while i < fields.len() {
        if fields[i].written {
            let Some(member) = fields[i].member_max() else {
                return Some(Site::Unbounded(i));
            };
            match add(total, member) {
                Some(sum) => total = sum,
                None => overflows = true,
            }
            members += 1;
        }
        i += 1;
    }
    // the commas between members
    let commas = if members > 0 { members - 1 } else { 0 };
    match add(total, commas) {
        Some(total) if !overflows && total <= max_size => None,
        _ => Some(Site::Budget),
    }
}

/// Fails the compile-time check with `msg`. The generated assertion calls it once per site, each call
/// spanned on what the message is about: `#[track_caller]` makes the compiler report the call, as it would a
/// `panic!` written there, and a call costs less to compile than a `panic!`, a macro expanded per site.
/// It takes the message by value: only one site's call runs, and a borrow per site was more to check.
#[track_caller]
#[allow(
    clippy::needless_pass_by_value,
    reason = "a move per site is less for the compiler to check than a borrow per site"
)]
pub const fn fail(msg: Msg) -> ! {
    panic!("{}", msg.text())
}

/// The message of the refusal at `site`, which [`struct_problem`] found in the same fields.
pub const fn problem_message(
    ty: &str,
    fields: &[FieldBound],
    max_size: Option<usize>,
    site: Site,
) -> Msg {
    let max_size = match max_size {
        Some(max_size) => max_size,
        None => 0,
    };
    let problem = match site {
        Site::Limits(i) => limits_problem(ty, &fields[i]),
        Site::Unbounded(i) => unbounded_problem(ty, &fields[i], max_size),
        Site::Budget => budget_problem(ty, fields, max_size),
    };
    match problem {
        Some(msg) => msg,
        // unreachable when `site` is `struct_problem`'s answer for the same fields
        None => Msg::new().str("a size bound check of #[derive(SessionClaims)] failed"),
    }
}

/// Whether the field declares a `max_len` its type has no strings for.
#[allow(
    clippy::redundant_pattern_matching,
    reason = "`is_some()` is one more call for the const evaluator, per field of every derived struct"
)]
const fn max_len_misapplied(field: &FieldBound) -> bool {
    matches!(field.limits.max_len, Some(_)) && !field.shape.takes_max_len()
}

/// Whether the field declares a `max_items` its type has no sequence for.
#[allow(
    clippy::redundant_pattern_matching,
    reason = "`is_some()` is one more call for the const evaluator, per field of every derived struct"
)]
const fn max_items_misapplied(field: &FieldBound) -> bool {
    matches!(field.limits.max_items, Some(_)) && !field.shape.takes_max_items()
}

/// What is wrong with a `max_len` or `max_items` that means nothing for the field's type, if anything;
/// the generated constant panics with it, which makes it a compile error.
const fn limits_problem(ty: &str, field: &FieldBound) -> Option<Msg> {
    if max_len_misapplied(field) {
        return Some(
            Msg::new()
                .str("`max_len` does not apply to field `")
                .str(field.field)
                .str("` of `")
                .str(ty)
                .str("`: it bounds strings, and the strings inside options, sequences and maps; remove it, or bound the whole value with #[claims(max_json_len = N)]"),
        );
    }
    if max_items_misapplied(field) {
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
const fn unbounded_problem(ty: &str, field: &FieldBound, max_size: usize) -> Option<Msg> {
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
const fn budget_problem(ty: &str, fields: &[FieldBound], max_size: usize) -> Option<Msg> {
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
    pub(crate) const fn new() -> Self {
        Msg {
            buf: [0; 768],
            len: 0,
        }
    }

    pub(crate) const fn str(mut self, s: &str) -> Self {
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

    pub(crate) const fn num(mut self, mut n: usize) -> Self {
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
    fn a_bound_that_overflows_only_with_its_commas_is_over_every_budget() {
        // `{`, `"a":` and `usize::MAX - 15` bytes of value, `"b":false` and `}` make exactly `usize::MAX`:
        // only the comma between the two members overflows
        let huge = FieldBound::new(
            "a",
            "a",
            true,
            &JsonShape::Fixed(usize::MAX - 15),
            Limits::NONE,
        );
        let flag = FieldBound::new("b", "b", true, &JsonShape::Fixed(5), Limits::NONE);
        assert_eq!(object_max(&[huge, flag]), None);
        // before, the sum saturated at `usize::MAX`, which is not over `max_size = usize::MAX`
        assert_eq!(
            struct_problem(&[huge, flag], Some(usize::MAX)),
            Some(Site::Budget)
        );
        assert_eq!(
            problem_message("T", &[huge, flag], Some(usize::MAX), Site::Budget).text(),
            format!(
                "`T` can take more bytes of compact JSON than a `usize` holds, over `max_size = {}`; lower the \
                 bounds of its fields (the largest is `a`, up to {} bytes with its name) or raise `max_size`",
                usize::MAX,
                usize::MAX - 11
            )
        );
        // positive control: the same field alone fits the largest budget
        assert_eq!(object_max(&[huge]), Some(usize::MAX - 9));
        assert_eq!(struct_problem(&[huge], Some(usize::MAX)), None);
    }

    #[test]
    fn a_struct_reports_its_first_problem_at_its_site() {
        let name = FieldBound::new(
            "name",
            "name",
            true,
            &JsonShape::Str,
            Limits::new(Some(64), None),
        );
        let roles = FieldBound::new(
            "roles",
            "roles",
            true,
            &JsonShape::Seq(&JsonShape::Str),
            Limits::new(Some(32), None),
        );
        let tenant = FieldBound::new(
            "tenant",
            "tenant",
            true,
            &JsonShape::Fixed(20),
            Limits::new(Some(8), None),
        );
        let problem = |fields: &[FieldBound], max_size| {
            struct_problem(fields, max_size).map(|site| {
                let msg = problem_message("T", fields, max_size, site);
                (site, msg.text().to_owned())
            })
        };
        // positive controls: all bounded and within the budget, or no budget to fit
        assert!(problem(&[name], Some(100)).is_none());
        assert!(problem(&[name, roles], None).is_none());
        // a limit that means nothing comes before an unbounded field, whatever the order of the fields
        let (site, text) = problem(&[roles, name, tenant], Some(1200)).unwrap();
        assert_eq!(site, Site::Limits(2));
        assert!(
            text.starts_with("`max_len` does not apply to field `tenant` of `T`"),
            "{text}"
        );
        // then the first unbounded written field
        let (site, text) = problem(&[name, roles], Some(1200)).unwrap();
        assert_eq!(site, Site::Unbounded(1));
        assert!(
            text.starts_with("field `roles` of `T` has no size bound"),
            "{text}"
        );
        // then the budget: {"name":"<64>"} is 75 bytes
        assert_eq!(
            problem(&[name], Some(74)),
            Some((
                Site::Budget,
                "`T` can take up to 75 bytes of compact JSON, 1 over `max_size = 74`; lower the bounds of its \
                 fields (the largest is `name`, up to 73 bytes with its name) or raise `max_size`"
                    .to_owned()
            ))
        );
        assert!(problem(&[name], Some(75)).is_none());
        // bounds whose sum overflows a `usize` are over any budget
        let huge = FieldBound::new(
            "a",
            "a",
            true,
            &JsonShape::Fixed(usize::MAX - 10),
            Limits::NONE,
        );
        assert_eq!(struct_problem(&[huge, huge], Some(100)), Some(Site::Budget));
        assert!(struct_problem(&[huge, huge], None).is_none());
    }

    #[test]
    fn every_site_has_its_own_code() {
        let sites = [
            Site::Limits(0),
            Site::Unbounded(0),
            Site::Budget,
            Site::Limits(1),
            Site::Unbounded(1),
            Site::Limits(7),
        ];
        assert_eq!(sites.map(Site::code), [0, 1, 2, 3, 4, 21]);
    }

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
