//! Differential fuzzing: libFuzzer's bytes become a wasm-smith module and
//! its arguments, run in Flint and in wasmi, and any disagreement is a
//! crash (see the `flint_oracle` crate, crates/flint-oracle/, shared with
//! the bounded `cargo test` run). Every minute the target prints how much it has
//! checked, the figures a long run reports.

#![no_main]

use flint_oracle as oracle;
use libfuzzer_sys::fuzz_target;
use std::sync::Mutex;
use std::time::{Duration, Instant};

static PROGRESS: Mutex<Option<(oracle::Stats, Instant, Instant)>> = Mutex::new(None);

fuzz_target!(|data: &[u8]| {
    let mut guard = PROGRESS.lock().unwrap_or_else(|e| e.into_inner());
    let (stats, started, reported) =
        guard.get_or_insert_with(|| (oracle::Stats::default(), Instant::now(), Instant::now()));
    if let Err(d) = oracle::check(data, stats) {
        let path = std::env::temp_dir().join("flint-diff-fuzz.wasm");
        let _ = std::fs::write(&path, &d.wasm);
        panic!("{} (module saved to {})", d.what, path.display());
    }
    if reported.elapsed() > Duration::from_secs(60) {
        eprintln!("differential: {stats:?} after {:.0?}", started.elapsed());
        *reported = Instant::now();
    }
});
