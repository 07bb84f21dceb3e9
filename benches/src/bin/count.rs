//! `count OP N`: runs the operation `OP` (an id such as `verify_hs256/claims_jwt`) `N` times on the bench
//! fixture, for `valgrind --tool=callgrind`: the instructions of one run are
//! `(I(1 + k) - I(1)) / k`, the preparation cancelling out. `count --list` prints each id with the `k`
//! that `benches/callgrind.sh` uses for it.

use std::process::ExitCode;

use claims_benches::ops::{Bench, Op};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [list] if list == "--list" => {
            for op in Op::ALL {
                println!("{} {}", op.id(), op.count_runs());
            }
            ExitCode::SUCCESS
        }
        [id, runs] => {
            let Some(op) = Op::from_id(id) else {
                eprintln!("error: no operation `{id}`; `count --list` names them");
                return ExitCode::FAILURE;
            };
            let Ok(runs) = runs.parse::<u32>() else {
                eprintln!("error: `{runs}` is not a number of runs; give a whole number");
                return ExitCode::FAILURE;
            };
            // `Bench::new` runs every operation once, so the measured runs start warm.
            let bench = Bench::new();
            for _ in 0..runs {
                bench.run(op);
            }
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("usage: count OP N | count --list");
            ExitCode::FAILURE
        }
    }
}
