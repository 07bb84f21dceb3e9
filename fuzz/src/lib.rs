//! Shared parts of the fuzz targets in `fuzz_targets/`: how an input is cut into pieces, the independent
//! JSON oracles the targets compare the library with, the checks every accepted token must pass, and the
//! derived claims types the bound target builds.
//!
//! The targets are libFuzzer binaries; `run.sh` builds and runs them on the stable toolchain, and
//! `README.md` records the runs.

pub mod accepted;
pub mod bounded;
pub mod input;
pub mod keys;
pub mod oracle;
