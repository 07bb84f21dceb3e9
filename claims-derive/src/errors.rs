//! The error accumulator: every phase records its mistakes here and goes on, so that one compile reports
//! them all (`serde_derive`'s `Ctxt` plays this part).

use proc_macro2::Span;

/// Errors collected while reading and judging the input, reported together.
#[derive(Default)]
pub(crate) struct Errors {
    inner: Option<syn::Error>,
}

impl Errors {
    /// Records `err` (which may already hold several errors).
    pub(crate) fn push(&mut self, err: syn::Error) {
        match &mut self.inner {
            Some(first) => first.combine(err),
            None => self.inner = Some(err),
        }
    }

    /// Records `message` at `span`.
    pub(crate) fn add(&mut self, span: Span, message: impl std::fmt::Display) {
        self.push(syn::Error::new(span, message));
    }

    /// All the errors recorded, as one `syn::Error`, or `None` when there were none.
    pub(crate) fn finish(self) -> Option<syn::Error> {
        self.inner
    }
}
