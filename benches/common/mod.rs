//! Helpers shared by the benches: the criterion settings, the machine
//! description printed with every summary, and the paired timing that the
//! summaries' ratios come from.
//!
//! Every bench prints a summary table before criterion runs. Its ratios
//! come from timing the two sides of a comparison alternately in the same
//! process (Flint, then the baseline, then Flint again...), and taking the
//! median of each. Alternating matters on a shared, noisy machine: a burst
//! of load slows both sides instead of one. Criterion then measures the
//! cases with its statistics and keeps the reports in `target/criterion`
//! (the compile bench alternates there too: see its doc).

#![allow(dead_code)] // each bench uses a different subset

use criterion::Criterion;
use std::time::{Duration, Instant};

/// Criterion settings that keep a whole `cargo bench` run short on a
/// 2-core machine. Command-line options (`--measurement-time`,
/// `--sample-size`, ...) override them.
pub fn criterion() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args()
}

/// True under `cargo bench`; false when the bench binary runs as a test
/// (`cargo test --benches`), where the summaries only check that every
/// case works, timing each side once.
pub fn measuring() -> bool {
    std::env::args().any(|a| a == "--bench")
}

/// The positional filter criterion was given (`cargo bench --bench compile
/// -- sql`), so that summaries skip what criterion will skip.
pub fn filter() -> Option<String> {
    let mut args = std::env::args().skip(1);
    // Options that take a value, so the value is not mistaken for a filter.
    const WITH_VALUE: &[&str] = &[
        "--color",
        "--sample-size",
        "--warm-up-time",
        "--measurement-time",
        "--nresamples",
        "--noise-threshold",
        "--confidence-level",
        "--significance-level",
        "--save-baseline",
        "--baseline",
        "--baseline-lenient",
        "--load-baseline",
        "--profile-time",
        "--plotting-backend",
        "--output-format",
        "--format",
        "--logfile",
        "-c",
        "-s",
        "-b",
    ];
    while let Some(a) = args.next() {
        if WITH_VALUE.contains(&a.as_str()) {
            args.next();
        } else if !a.starts_with('-') {
            return Some(a);
        }
    }
    None
}

/// Whether a benchmark id passes the command-line filter. Criterion reads
/// the filter as a regular expression; a plain string (the usual case)
/// matches as a substring, which is what this checks. A filter with other
/// regex syntax selects everything here, and criterion still applies it.
pub fn selected(id: &str) -> bool {
    const REGEX_SYNTAX: &[char] = &[
        '*', '+', '?', '(', ')', '[', ']', '{', '}', '|', '^', '$', '\\',
    ];
    match filter() {
        None => true,
        Some(f) if f.contains(REGEX_SYNTAX) => true,
        Some(f) => id.contains(&f),
    }
}

/// The line under each summary's title: the machine, or a warning that
/// this is a smoke test whose timings mean nothing.
pub fn machine_line() -> String {
    if measuring() {
        format!("machine: {}", machine())
    } else {
        "smoke test (not `cargo bench`): one round per case, timings are not meaningful".into()
    }
}

/// "N cores, <cpu model>", from /proc.
pub fn machine() -> String {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, m)| m.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    format!("{cores} cores, {model}")
}

/// Times `a` and `b` alternately and returns the median time of each. Runs
/// for about `budget` (at least `min_rounds` rounds, at most 101); outside
/// `cargo bench`, one round. What the closures return is dropped after the
/// clock stops (a compiled module's unmapping is not compile time).
pub fn paired<A, B>(
    budget: Duration,
    min_rounds: usize,
    mut a: impl FnMut() -> A,
    mut b: impl FnMut() -> B,
) -> (Duration, Duration) {
    let rounds_min = if measuring() { min_rounds } else { 1 };
    let (mut ta, mut tb) = (Vec::new(), Vec::new());
    let start = Instant::now();
    while ta.len() < rounds_min || (start.elapsed() < budget && ta.len() < 101) {
        let (da, db) = pair(&mut a, &mut b);
        ta.push(da);
        tb.push(db);
    }
    (median(&mut ta), median(&mut tb))
}

/// One round of [`paired`]: times `a`, then `b`, each result dropped after
/// its clock stops.
pub fn pair<A, B>(a: impl FnOnce() -> A, b: impl FnOnce() -> B) -> (Duration, Duration) {
    let t = Instant::now();
    let out = std::hint::black_box(a());
    let da = t.elapsed();
    drop(out);
    let t = Instant::now();
    let out = std::hint::black_box(b());
    let db = t.elapsed();
    drop(out);
    (da, db)
}

pub fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// A duration with a unit that suits it.
pub fn fmt(d: Duration) -> String {
    let ns = d.as_nanos() as f64;
    if ns < 1e3 {
        format!("{ns:.0} ns")
    } else if ns < 1e6 {
        format!("{:.2} µs", ns / 1e3)
    } else if ns < 1e9 {
        format!("{:.2} ms", ns / 1e6)
    } else {
        format!("{:.2} s", ns / 1e9)
    }
}

/// Megabytes (10^6) per second.
pub fn mb_per_s(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / d.as_secs_f64() / 1e6
}
