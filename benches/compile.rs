//! Compile speed against its floor.
//!
//! For every module of the corpus, Flint's `Module::new` (one thread: Flint
//! compiles on the calling thread) beside wasmparser's validation of the
//! same bytes, measured in the same run. Validation is the floor: a
//! single-pass compiler has to read and validate every byte, so it cannot
//! be faster than validating alone. The bar is Flint ≤ 3x validation time.
//!
//! The corpus is real-world modules downloaded by `benches/fetch-corpus.sh`
//! into `benches/corpus/wasm/` (ignored by git), plus the run kernels of
//! `benches/kernels/wasm/`, which are always there. Modules that Flint
//! rejects (it supports WebAssembly 2.0 and relaxed SIMD, not yet 3.0) are listed
//! as unsupported with Flint's error, and their validation is still
//! measured.
//!
//! The module shapes built to break linear compile time
//! (`flint_oracle::patterns`: deep stacks, deep nesting, many locals, huge
//! `br_table`s) are measured too, as `pattern/...`, with Flint's µs per
//! wasm byte beside ordinary modules'; they do not count toward the bar.
//!
//! The validator gets the smallest standard feature set that accepts the
//! module (1.0, 2.0, 3.0, then everything wasmparser offers), not
//! "everything": proposals such as GC make wasmparser canonicalise types,
//! which would slow the floor down and flatter Flint.

#[path = "common/mod.rs"]
mod common;

use criterion::{BatchSize, Criterion, SamplingMode, Throughput};
use flint::{Engine, Module};
use std::path::{Path, PathBuf};
use std::time::Duration;
use wasmparser::{Parser, Payload, Validator, WasmFeatures};

struct Entry {
    /// `corpus/<file>` or `kernel/<file>`.
    name: String,
    bytes: Vec<u8>,
    code_bytes: usize,
    floor: Option<(&'static str, WasmFeatures)>,
    /// Why the validator rejects it under every feature set (a broken file).
    invalid: Option<String>,
    /// The post-1.0 features the module uses, for the summary.
    uses: Vec<&'static str>,
    /// `Err` holds Flint's error when it does not support the module.
    flint: Result<(), String>,
}

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn corpus_dir() -> PathBuf {
    std::env::var_os("FLINT_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest_dir().join("benches/corpus/wasm"))
}

fn wasm_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "wasm"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn validate(bytes: &[u8], features: WasmFeatures) -> Result<(), String> {
    Validator::new_with_features(features)
        .validate_all(bytes)
        .map(drop)
        .map_err(|e| e.to_string())
}

/// Size of the code section's contents, the part a compiler spends its time
/// on (what peers' MB/s figures count).
fn code_section_size(bytes: &[u8]) -> usize {
    let mut parser = Parser::new(0);
    parser.set_features(WasmFeatures::all());
    for payload in parser.parse_all(bytes) {
        match payload {
            Ok(Payload::CodeSectionStart { size, .. }) => return size as usize,
            Ok(_) => {}
            Err(_) => return 0,
        }
    }
    0
}

const FEATURE_SETS: &[(&str, WasmFeatures)] = &[
    ("1.0", WasmFeatures::WASM1),
    ("2.0", WasmFeatures::WASM2),
    ("3.0", WasmFeatures::WASM3),
    ("all", WasmFeatures::all()),
];

/// The 2.0 proposals, checked one by one to say what a module uses.
const WASM2_PROPOSALS: &[(&str, WasmFeatures)] = &[
    ("sign-ext", WasmFeatures::SIGN_EXTENSION),
    ("sat-trunc", WasmFeatures::SATURATING_FLOAT_TO_INT),
    ("bulk-memory", WasmFeatures::BULK_MEMORY),
    ("multi-value", WasmFeatures::MULTI_VALUE),
    ("reference-types", WasmFeatures::REFERENCE_TYPES),
    ("simd", WasmFeatures::SIMD),
];

fn load(engine: &Engine, name: String, bytes: Vec<u8>) -> Entry {
    let code_bytes = code_section_size(&bytes);
    let mut floor = None;
    let mut invalid = None;
    for &(label, set) in FEATURE_SETS {
        match validate(&bytes, set) {
            Ok(()) => {
                floor = Some((label, set));
                break;
            }
            Err(e) => invalid = Some(e),
        }
    }
    let mut uses = Vec::new();
    if let Some((label, set)) = floor {
        invalid = None;
        if label == "2.0" {
            for &(proposal, flag) in WASM2_PROPOSALS {
                if validate(&bytes, set.difference(flag)).is_err() {
                    uses.push(proposal);
                }
            }
        } else if label != "1.0" {
            uses.push("post-2.0 proposals");
        }
    }
    let flint = Module::new(engine, &bytes)
        .map(drop)
        .map_err(|e| e.to_string());
    Entry {
        name,
        bytes,
        code_bytes,
        floor,
        invalid,
        uses,
        flint,
    }
}

fn corpus(engine: &Engine) -> Vec<Entry> {
    let mut entries = Vec::new();
    let sources = [
        ("corpus", corpus_dir()),
        ("kernel", manifest_dir().join("benches/kernels/wasm")),
    ];
    for (prefix, dir) in sources {
        for path in wasm_files(&dir) {
            let file = path.file_stem().unwrap().to_string_lossy().into_owned();
            let name = format!("{prefix}/{file}");
            let ids = ["wasmparser-validate", "flint"].map(|f| format!("compile/{name}/{f}"));
            if !ids.iter().any(|id| common::selected(id)) {
                continue;
            }
            let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
            entries.push(load(engine, name, bytes));
        }
    }
    // The shapes built to break linear compile time (issue 15), at the size
    // the complexity test's larger run uses: their µs per byte should match
    // ordinary modules'.
    for (pattern, generate) in flint_oracle::patterns::all() {
        let name = format!("pattern/{}", pattern.replace([' ', ','], "_"));
        let ids = ["wasmparser-validate", "flint"].map(|f| format!("compile/{name}/{f}"));
        if ids.iter().any(|id| common::selected(id)) {
            entries.push(load(engine, name, generate(80_000)));
        }
    }
    entries
}

fn one_line(s: &str, max: usize) -> String {
    let s = s.replace('\n', " ");
    if s.chars().count() > max {
        format!("{}...", s.chars().take(max).collect::<String>())
    } else {
        s
    }
}

/// Prints the table of ratios: the figures the bar is judged on.
fn summary(engine: &Engine, entries: &[Entry]) {
    println!("\n== compile: Flint Module::new vs wasmparser validation (same run) ==");
    println!("{}", common::machine_line());
    if wasm_files(&corpus_dir()).is_empty() {
        println!(
            "note: no real-world corpus in {}; run benches/fetch-corpus.sh",
            corpus_dir().display()
        );
    }
    let w = entries.iter().map(|e| e.name.len()).max().unwrap_or(6);
    println!(
        "{:<w$} {:>9} {:>9} {:>5} {:>10} {:>10} {:>8} {:>8} {:>7} {:>6}",
        "module",
        "size",
        "code",
        "floor",
        "validate",
        "flint",
        "val MB/s",
        "fl MB/s",
        "fl µs/B",
        "ratio"
    );
    let mut worst: Option<(f64, &str)> = None;
    for e in entries {
        let size = format!("{:.1} KB", e.bytes.len() as f64 / 1e3);
        let code = format!("{:.1} KB", e.code_bytes as f64 / 1e3);
        let Some((label, set)) = e.floor else {
            println!(
                "{:<w$} {size:>9} {code:>9}  invalid: {}",
                e.name,
                one_line(e.invalid.as_deref().unwrap_or("?"), 80)
            );
            continue;
        };
        let budget = Duration::from_millis(1500);
        match &e.flint {
            Ok(()) => {
                let (v, f) = common::paired(
                    budget,
                    5,
                    || validate(&e.bytes, set),
                    || Module::new(engine, &e.bytes),
                );
                let ratio = f.as_secs_f64() / v.as_secs_f64();
                // The bar is about real modules, not the made-up patterns.
                let real = !e.name.starts_with("pattern/");
                if real && worst.is_none_or(|(r, _)| ratio > r) {
                    worst = Some((ratio, &e.name));
                }
                println!(
                    "{:<w$} {size:>9} {code:>9} {label:>5} {:>10} {:>10} {:>8.1} {:>8.1} {:>7.3} {:>5.2}x",
                    e.name,
                    common::fmt(v),
                    common::fmt(f),
                    common::mb_per_s(e.bytes.len(), v),
                    common::mb_per_s(e.bytes.len(), f),
                    f.as_secs_f64() * 1e6 / e.bytes.len() as f64,
                    ratio
                );
            }
            Err(err) => {
                let (v, _) = common::paired(budget, 3, || validate(&e.bytes, set), || ());
                println!(
                    "{:<w$} {size:>9} {code:>9} {label:>5} {:>10} {:>10} {:>8.1} {:>8} {:>7} {:>6}",
                    e.name,
                    common::fmt(v),
                    "-",
                    common::mb_per_s(e.bytes.len(), v),
                    "-",
                    "-",
                    "-"
                );
                let uses = if e.uses.is_empty() {
                    String::new()
                } else {
                    format!(" (uses {})", e.uses.join(", "))
                };
                println!("    unsupported{uses}: {}", one_line(err, 100));
            }
        }
    }
    if let Some((ratio, name)) = worst {
        let verdict = if ratio <= 3.0 { "met" } else { "MISSED" };
        println!("worst supported module: {name} at {ratio:.2}x (bar ≤ 3x: {verdict})");
    }
    println!();
}

fn benches(c: &mut Criterion, engine: &Engine, entries: &[Entry]) {
    for e in entries {
        let Some((_, set)) = e.floor else { continue };
        let mut group = c.benchmark_group(format!("compile/{}", e.name));
        group.throughput(Throughput::Bytes(e.bytes.len() as u64));
        // Large modules take milliseconds to seconds per iteration.
        group.sampling_mode(SamplingMode::Flat);
        group.bench_function("wasmparser-validate", |b| {
            b.iter(|| validate(&e.bytes, set).unwrap())
        });
        if e.flint.is_ok() {
            group.bench_function("flint", |b| {
                // Unmapping the code is not compile time: drop outside the clock.
                b.iter_batched(
                    || (),
                    |()| Module::new(engine, &e.bytes).unwrap(),
                    BatchSize::PerIteration,
                )
            });
        }
        group.finish();
    }
}

fn main() {
    let engine = Engine::default();
    let entries = corpus(&engine);
    summary(&engine, &entries);
    let mut c = common::criterion();
    benches(&mut c, &engine, &entries);
    c.final_summary();
}
