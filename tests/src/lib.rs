//! Cross-crate tests; see `tests/`. Shared helpers for the suites live here.
