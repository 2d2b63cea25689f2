//! Compile speed against its floor, and what a compile costs in machine
//! code and heap.
//!
//! For every module of the corpus, Flint's `Module::new` on one thread
//! (`Config::parallel_compilation(false)`: the calling thread compiles
//! everything) beside wasmparser's validation of the same bytes, measured
//! in the same run. Validation is the floor: a
//! single-pass compiler has to read and validate every byte, so it cannot
//! be faster than validating alone.
//!
//! The figure the bars are judged on is the ratio Flint / validate of
//! alternating runs: validate, then Flint, then validate again..., the
//! median of each side (`common::paired`). The summary table prints it, in
//! its `ratio` column, before criterion starts. Criterion then measures
//! the same way: each of a module's two benchmarks times its own side of
//! alternating pairs (the other side runs between its iterations), so its
//! `flint` and `wasmparser-validate` times divide into the same figure, and
//! after each module's group the bench prints that ratio from every pair
//! criterion ran, beside the table's. Issue 17's bars:
//! * Flint / validate ≤ 2.5x on every corpus module with ≥ 90 KB of code
//!   (the last lines give the geomean and the worst over those);
//! * peak heap while compiling ≤ 1.5x (module bytes + machine code bytes)
//!   on the largest module.
//!
//! The table also gives, per module, the machine code Flint emitted
//! (`Module::code_size`, for the ISA the bench runs on) per byte of the code
//! section, and the peak heap of `Module::new`, counted by a global
//! allocator installed here (`common/heap.rs`). Only heap is counted: the
//! executable mapping the code ends up in is not. The aarch64 figures come
//! from the same bench run for aarch64, e.g. as the smoke test under qemu
//! (`cargo test --target aarch64-unknown-linux-gnu --bench compile`): its
//! timings mean nothing there, its sizes are exact.
//!
//! The corpus is real-world modules downloaded by `benches/fetch-corpus.sh`
//! into `benches/corpus/wasm/` (ignored by git), plus the run kernels of
//! `benches/kernels/wasm/`, which are always there. Modules that Flint
//! rejects are listed as unsupported with Flint's error, and their
//! validation is still measured.
//!
//! The module shapes built to break linear compile time
//! (`flint_oracle::patterns`: deep stacks, deep nesting, many locals, huge
//! `br_table`s) are measured too, as `pattern/...`, with Flint's µs per
//! wasm byte beside ordinary modules'; they do not count toward the bars.
//!
//! The parallel case (issue 20) comes last: the largest corpus module
//! compiled with 1 thread and with 2 (`Config::compilation_threads`),
//! alternately, with the speedup of the medians (bar: ≥ 1.7x on 2 cores),
//! the CPU time (user + sys) each side used, and the machine's load
//! average around the runs, since the cores are shared with other work.
//! Its criterion group is `compile-parallel/<module>`.
//!
//! The validator gets the smallest standard feature set that accepts the
//! module (1.0, 2.0, 3.0, then everything wasmparser offers), not
//! "everything": proposals such as GC make wasmparser canonicalise types,
//! which would slow the floor down and flatter Flint.

#[path = "common/mod.rs"]
mod common;
#[path = "common/heap.rs"]
mod heap;

#[global_allocator]
static HEAP: heap::Counting = heap::Counting;

use criterion::{Bencher, Criterion, SamplingMode, Throughput};
use flint::{Config, Engine, Module};
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
    /// What Flint's compile made (from the one compile `load` does), or
    /// Flint's error when it does not support the module.
    flint: Result<Compiled, String>,
}

/// The sizes of one compile.
#[derive(Clone, Copy)]
struct Compiled {
    /// Machine code bytes (`Module::code_size`).
    code: usize,
    /// The most heap `Module::new` held at once, beyond what was allocated
    /// when it was called.
    heap: usize,
}

/// Modules with at least this much code are the ones issue 17's speed bar
/// is about: on tiny ones, fixed costs dominate both sides.
const LARGE_CODE: usize = 90_000;
/// Issue 17's bars.
const RATIO_BAR: f64 = 2.5;
const HEAP_BAR: f64 = 1.5;

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
    // The one compile outside the timings: it says whether Flint supports
    // the module, and gives its sizes (heap counting is off while timing).
    let (module, heap) = heap::peak_during(|| Module::new(engine, &bytes));
    let flint = module
        .map(|m| Compiled {
            code: m.code_size(),
            heap,
        })
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
            // The parallel case picks the largest of the modules loaded.
            let parallel = format!("compile-parallel/{name}");
            if !ids.iter().chain([&parallel]).any(|id| common::selected(id)) {
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

/// Prints the table of ratios, sizes and heap: the figures the bars are
/// judged on. Returns each entry's ratio (Flint / validate), for criterion's
/// groups to print beside their own.
fn summary(engine: &Engine, entries: &[Entry]) -> Vec<Option<f64>> {
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
        "{:<w$} {:>9} {:>9} {:>5} {:>10} {:>10} {:>7} {:>7} {:>6} {:>10} {:>5} {:>9} {:>5}",
        "module",
        "size",
        "code",
        "floor",
        "validate",
        "flint",
        "fl MB/s",
        "fl µs/B",
        "ratio",
        "mcode",
        "mc/B",
        "heap",
        "heap×"
    );
    let mut ratios = Vec::new();
    // (ratio, name) of the corpus modules with LARGE_CODE bytes of code.
    let mut large: Vec<(f64, &str)> = Vec::new();
    let mut worst: Option<(f64, &str)> = None;
    // (module bytes, heap×, name) of the largest supported corpus module.
    let mut largest: Option<(usize, f64, &str)> = None;
    for e in entries {
        let size = format!("{:.1} KB", e.bytes.len() as f64 / 1e3);
        let code = format!("{:.1} KB", e.code_bytes as f64 / 1e3);
        let Some((label, set)) = e.floor else {
            println!(
                "{:<w$} {size:>9} {code:>9}  invalid: {}",
                e.name,
                one_line(e.invalid.as_deref().unwrap_or("?"), 80)
            );
            ratios.push(None);
            continue;
        };
        let budget = Duration::from_millis(1500);
        match &e.flint {
            Ok(compiled) => {
                let (v, f) = common::paired(
                    budget,
                    5,
                    || validate(&e.bytes, set),
                    || Module::new(engine, &e.bytes),
                );
                let ratio = f.as_secs_f64() / v.as_secs_f64();
                ratios.push(Some(ratio));
                // The bars are about real modules, not the made-up patterns.
                let real = !e.name.starts_with("pattern/");
                if real && worst.is_none_or(|(r, _)| ratio > r) {
                    worst = Some((ratio, &e.name));
                }
                // The caller holds the module's bytes while Flint compiles.
                let heap_x =
                    (e.bytes.len() + compiled.heap) as f64 / (e.bytes.len() + compiled.code) as f64;
                if e.name.starts_with("corpus/") {
                    if e.code_bytes >= LARGE_CODE {
                        large.push((ratio, &e.name));
                    }
                    if largest.is_none_or(|(n, _, _)| e.bytes.len() > n) {
                        largest = Some((e.bytes.len(), heap_x, &e.name));
                    }
                }
                println!(
                    "{:<w$} {size:>9} {code:>9} {label:>5} {:>10} {:>10} {:>7.1} {:>7.3} {:>5.2}x {:>10} {:>5.2} {:>9} {:>4.2}x",
                    e.name,
                    common::fmt(v),
                    common::fmt(f),
                    common::mb_per_s(e.bytes.len(), f),
                    f.as_secs_f64() * 1e6 / e.bytes.len() as f64,
                    ratio,
                    kb(compiled.code),
                    compiled.code as f64 / e.code_bytes.max(1) as f64,
                    kb(compiled.heap),
                    heap_x,
                );
            }
            Err(err) => {
                let (v, _) = common::paired(budget, 3, || validate(&e.bytes, set), || ());
                ratios.push(None);
                println!(
                    "{:<w$} {size:>9} {code:>9} {label:>5} {:>10} {:>10}",
                    e.name,
                    common::fmt(v),
                    "-",
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
    println!(
        "validate, flint: medians of alternating runs; ratio: flint / validate, the bars' figure \
         (criterion's groups below measure it the same way)"
    );
    println!(
        "mcode: machine code for {} (this host); mc/B: mcode per byte of the code section",
        std::env::consts::ARCH
    );
    println!(
        "heap: the most heap Module::new held at once, by a counting allocator; heap only: no \
         mapping is counted (the code's executable one, or a code buffer that is a mapping)\n\
         heap×: (size + heap) / (size + mcode), as the caller holds the module's bytes"
    );
    if let Some((ratio, name)) = worst {
        println!("worst supported module: {name} at {ratio:.2}x");
    }
    if large.is_empty() {
        println!("no corpus module has ≥ 90 KB of code: run benches/fetch-corpus.sh");
    } else {
        let geomean = (large.iter().map(|(r, _)| r.ln()).sum::<f64>() / large.len() as f64).exp();
        let &(worst, name) = large.iter().max_by(|a, b| a.0.total_cmp(&b.0)).unwrap();
        println!(
            "corpus modules with ≥ 90 KB of code ({}): Flint / validate geomean {geomean:.2}x, \
             worst {worst:.2}x ({name}); bar ≤ {RATIO_BAR}x on every one: {}",
            large.len(),
            verdict(worst, RATIO_BAR)
        );
    }
    if let Some((_, heap_x, name)) = largest {
        println!(
            "peak heap on the largest module ({name}): {heap_x:.2}x (module + machine code); \
             bar ≤ {HEAP_BAR}x: {}",
            verdict(heap_x, HEAP_BAR)
        );
    }
    println!();
    ratios
}

fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1e3)
}

/// "met", or by how much the bar is missed.
fn verdict(figure: f64, bar: f64) -> String {
    if figure <= bar {
        "met".into()
    } else {
        format!("MISSED by {:.2}x", figure / bar)
    }
}

/// Which side of a pair a criterion benchmark reports.
#[derive(Clone, Copy, PartialEq)]
enum Side {
    Validate,
    Flint,
}

/// Criterion's measurement of one side: every iteration is a whole
/// alternating pair (validate, then Flint, as in the summary), of which the
/// time of `side` is reported to criterion. Every pair is kept in `pairs`.
fn alternating(
    b: &mut Bencher,
    side: Side,
    pairs: &mut Vec<(Duration, Duration)>,
    mut validate: impl FnMut(),
    mut compile: impl FnMut() -> Module,
) {
    b.iter_custom(|iters| {
        let mut timed = Duration::ZERO;
        for _ in 0..iters {
            let (v, f) = common::pair(&mut validate, &mut compile);
            pairs.push((v, f));
            timed += if side == Side::Validate { v } else { f };
        }
        timed
    })
}

fn benches(c: &mut Criterion, engine: &Engine, entries: &[Entry], table: &[Option<f64>]) {
    for (e, table_ratio) in entries.iter().zip(table) {
        let Some((_, set)) = e.floor else { continue };
        let mut group = c.benchmark_group(format!("compile/{}", e.name));
        group.throughput(Throughput::Bytes(e.bytes.len() as u64));
        // Large modules take milliseconds to seconds per iteration.
        group.sampling_mode(SamplingMode::Flat);
        if e.flint.is_err() {
            group.bench_function("wasmparser-validate", |b| {
                b.iter(|| validate(&e.bytes, set).unwrap())
            });
            group.finish();
            continue;
        }
        let mut pairs = Vec::new();
        for (id, side) in [
            ("wasmparser-validate", Side::Validate),
            ("flint", Side::Flint),
        ] {
            group.bench_function(id, |b| {
                alternating(
                    b,
                    side,
                    &mut pairs,
                    || validate(&e.bytes, set).unwrap(),
                    || Module::new(engine, &e.bytes).unwrap(),
                )
            });
        }
        group.finish();
        if pairs.is_empty() {
            continue; // both benchmarks filtered out
        }
        let n = pairs.len();
        let (mut v, mut f): (Vec<Duration>, Vec<Duration>) = pairs.into_iter().unzip();
        let (v, f) = (common::median(&mut v), common::median(&mut f));
        let table = table_ratio.map_or("-".into(), |r| format!("{r:.2}x"));
        println!(
            "compile/{}: ratio {:.2}x (the summary table's: {table}) from the {} alternating pairs \
             criterion ran: medians validate {}, flint {}",
            e.name,
            f.as_secs_f64() / v.as_secs_f64(),
            n,
            common::fmt(v),
            common::fmt(f),
        );
    }
}

/// Issue 20's bar: 2 threads compile the largest module this much faster.
const PARALLEL_BAR: f64 = 1.7;

/// An engine compiling on `threads` threads (1: on the calling thread).
fn engine_with_threads(threads: usize) -> Engine {
    let mut config = Config::new();
    config.compilation_threads(threads);
    if threads == 1 {
        config.parallel_compilation(false);
    }
    Engine::new(&config).expect("engine")
}

/// The module the parallel case compiles: the supported corpus module
/// with the most code (or, without a corpus, the largest one there is).
fn largest(entries: &[Entry]) -> Option<&Entry> {
    let supported = || entries.iter().filter(|e| e.flint.is_ok());
    supported()
        .filter(|e| e.name.starts_with("corpus/"))
        .max_by_key(|e| e.code_bytes)
        .or_else(|| supported().max_by_key(|e| e.code_bytes))
}

/// CPU time (user + sys) the process has used so far.
fn cpu_time() -> Duration {
    // SAFETY: `getrusage` fills the zeroed struct it is given; all-zero
    // bytes are a valid `rusage`.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage
    };
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    tv(usage.ru_utime) + tv(usage.ru_stime)
}

/// The 1-minute load average, from /proc.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "?".into())
}

/// Wall and CPU time of one compile.
fn compile_timed(engine: &Engine, bytes: &[u8]) -> (Duration, Duration) {
    let (wall, cpu) = (std::time::Instant::now(), cpu_time());
    let module = std::hint::black_box(Module::new(engine, bytes).expect("compiles"));
    let times = (wall.elapsed(), cpu_time() - cpu);
    drop(module);
    times
}

/// The parallel case's figures: 1 thread and 2, alternately.
fn parallel_summary(entries: &[Entry]) {
    let Some(e) = largest(entries) else { return };
    if !common::selected(&format!("compile-parallel/{}", e.name)) {
        return;
    }
    println!(
        "\n== compile-parallel: {} on 1 and 2 threads (same run) ==",
        e.name
    );
    println!("{}", common::machine_line());
    let (one, two) = (engine_with_threads(1), engine_with_threads(2));
    let rounds = if common::measuring() { 7 } else { 1 };
    let load_before = load_average();
    let (mut t1, mut t2) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        t1.push(compile_timed(&one, &e.bytes));
        t2.push(compile_timed(&two, &e.bytes));
    }
    let load_after = load_average();
    let median = |v: &[(Duration, Duration)], pick: fn(&(Duration, Duration)) -> Duration| {
        let mut d: Vec<Duration> = v.iter().map(pick).collect();
        common::median(&mut d)
    };
    let (w1, c1) = (median(&t1, |t| t.0), median(&t1, |t| t.1));
    let (w2, c2) = (median(&t2, |t| t.0), median(&t2, |t| t.1));
    let mbs = |d| common::mb_per_s(e.code_bytes, d);
    for (threads, wall, cpu) in [(1, w1, c1), (2, w2, c2)] {
        println!(
            "{threads} thread{}: wall {:>9} ({:>5.1} MB/s of code), CPU user+sys {:>9} ({:.2} cores busy)",
            if threads == 1 { " " } else { "s" },
            common::fmt(wall),
            mbs(wall),
            common::fmt(cpu),
            cpu.as_secs_f64() / wall.as_secs_f64(),
        );
    }
    let speedup = w1.as_secs_f64() / w2.as_secs_f64();
    println!(
        "speedup 2 threads / 1: {speedup:.2}x (medians of {rounds} alternating rounds); \
         bar ≥ {PARALLEL_BAR}x: {}",
        if speedup >= PARALLEL_BAR {
            "met".to_string()
        } else {
            format!("MISSED ({:.2}x short)", PARALLEL_BAR / speedup)
        }
    );
    println!(
        "CPU 2 threads / 1: {:.2}x (the work parallel compilation adds); \
         load average {load_before} before, {load_after} after (on {} cores)",
        c2.as_secs_f64() / c1.as_secs_f64(),
        std::thread::available_parallelism().map_or(0, |n| n.get()),
    );
}

/// Criterion's measurement of the parallel case.
fn parallel_benches(c: &mut Criterion, entries: &[Entry]) {
    let Some(e) = largest(entries) else { return };
    let mut group = c.benchmark_group(format!("compile-parallel/{}", e.name));
    group.throughput(Throughput::Bytes(e.code_bytes as u64));
    group.sampling_mode(SamplingMode::Flat);
    for threads in [1, 2] {
        let engine = engine_with_threads(threads);
        group.bench_function(format!("threads-{threads}"), |b| {
            b.iter(|| Module::new(&engine, &e.bytes).unwrap())
        });
    }
    group.finish();
}

fn main() {
    // The corpus is compiled on one thread: the figures compare one
    // compiling thread with one validating thread.
    let engine = engine_with_threads(1);
    let entries = corpus(&engine);
    let ratios = summary(&engine, &entries);
    parallel_summary(&entries);
    let mut c = common::criterion();
    benches(&mut c, &engine, &entries, &ratios);
    parallel_benches(&mut c, &entries);
    c.final_summary();
}
