//! Benchmarks of the workspace against the library it stands on and against the floors, on one
//! realistic token ([`fixture`]), and the operations they time ([`ops`]).
//!
//! Three ways to run them, all on the same [`ops::Op`]s:
//!
//! - `cargo bench -p claims-benches` times them with criterion, one group per row of the report: verify
//!   and mint for each algorithm against jsonwebtoken and the floors, update against json-patch, sizing
//!   against `serde_json::to_vec`, the derived bounds check, the axum adapter's overhead over a bare
//!   verify (`cargo bench -p claims-benches -- verify_hs256` runs one group);
//! - `benches/callgrind.sh` counts their instructions with `valgrind --tool=callgrind`, through the
//!   `count` binary, which is repeatable on a loaded machine where wall time is not;
//! - `benches/report.sh` runs both once and writes `BENCHMARKS.md` at the repository's root.
//!
//! ```
//! use claims_benches::ops::{Bench, Op};
//!
//! let bench = Bench::new(); // prepares every input and runs every operation once
//! bench.run(Op::JsonLen);
//! assert_eq!(Op::from_id("json_len/claims_core"), Some(Op::JsonLen));
//! ```

pub mod fixture;
pub mod ops;
