//! Every operation of [`claims_benches::ops::Op`], timed by criterion, one group per row of
//! BENCHMARKS.md (each case beside its peer and its floor, in the same run).
//!
//! `cargo bench -p claims-benches -- --warm-up-time 1 --measurement-time 3` for a quick look;
//! `benches/report.sh` for the full run that writes BENCHMARKS.md.

#![allow(missing_docs)] // criterion's macros write undocumented items

use claims_axum::TokenSources;
use claims_benches::ops::{Bench, Op};
use criterion::{Criterion, criterion_group, criterion_main};

fn ops(c: &mut Criterion) {
    let bench = Bench::new();
    let mut groups: Vec<(String, Vec<Op>)> = Vec::new();
    for op in Op::ALL {
        let (group, _) = op.parts();
        match groups.iter_mut().find(|(name, _)| *name == group) {
            Some((_, ops)) => ops.push(op),
            None => groups.push((group, vec![op])),
        }
    }
    for (name, ops) in groups {
        let mut group = c.benchmark_group(name);
        for op in ops {
            group.bench_function(op.parts().1, |b| b.iter(|| bench.run(op)));
        }
        group.finish();
    }

    // The adapter's token lookup alone: the part of `authenticate` that is not the verify.
    let sources = TokenSources::default();
    assert_eq!(bench.find_tokens(&sources), [true, true]);
    c.bench_function("find_token/bearer_and_cookie", |b| {
        b.iter(|| bench.find_tokens(&sources));
    });
}

criterion_group!(benches, ops);
criterion_main!(benches);
