//! Run speed against native code.
//!
//! The kernels in `benches/kernels/` are C programs written for this bench
//! (sorting, hashing, an interpreter, matrix multiply, string processing,
//! compression, n-body, fannkuch, and an image blend for SIMD). Each
//! exports `run(n) -> checksum`. The same source runs twice on the same
//! input:
//!
//! * natively: built here with `gcc -O2 -shared -fPIC` into
//!   `target/tmp/kernels-native/` and loaded with `dlopen`, so both sides are
//!   timed by the same harness in the same process (gcc is the C toolchain
//!   every Rust install already has);
//! * in Flint: `benches/kernels/wasm/<name>.wasm`, built by
//!   `benches/kernels/build.sh` with clang -O2 for wasm32 (WebAssembly 1.0,
//!   no imports) and committed.
//!
//! The two checksums must be equal, or the bench stops. The figure is
//! Flint's time over native time, per kernel and as a geometric mean; the
//! bar is a geometric mean ≤ 2x.
//!
//! The SIMD kernels (`SIMD_KERNELS`) are built with `-msimd128` as well,
//! and timed the same way against the same `gcc -O2` build. They measure
//! Flint's SIMD code, not the core instruction set, so they are reported
//! apart and are not in the geometric mean. One that Flint cannot compile
//! yet is reported as not run, with Flint's error, instead of stopping the
//! bench.
//!
//! Bounds checks: the memory-heavy kernels (`BOUNDS_KERNELS`) run once
//! more in an engine whose memories have a 1 GiB reservation and no guard
//! (`Config::memory_reservation`, `Config::memory_guard_size`), where every
//! load and store is bounds-checked in code, and the table gives that time
//! over the default engine's (guard pages, no checks), and their geometric
//! mean: what the checks cost for the density they buy. There is no bar;
//! the figure is reported (benches/README.md).

#[path = "common/mod.rs"]
mod common;

use criterion::Criterion;
use flint::{Engine, Instance, Module, Store, TypedFunc};
use std::ffi::CString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// Each kernel with the input size the bench uses: tens of milliseconds
/// natively.
const KERNELS: &[(&str, u32)] = &[
    ("sort", 250_000),
    ("sha256", 4_000_000),
    ("interp", 6_000),
    ("matmul", 256),
    ("strings", 2_000_000),
    ("compress", 2_000_000),
    ("nbody", 300_000),
    ("fannkuch", 9),
];

/// The kernels built with `-msimd128` (benches/kernels/build.sh), with
/// their input sizes: tens of milliseconds natively.
const SIMD_KERNELS: &[(&str, u32)] = &[("blend", 262_144)];

/// The kernels the bounds-check comparison runs: those that load and
/// store the most per unit of work.
const BOUNDS_KERNELS: &[&str] = &["sort", "matmul", "compress", "strings", "sha256"];

/// The engine of the bounds-checked side: a reservation below 4 GiB and no
/// guard, so every access is checked (1 GiB: room for every kernel's
/// memory).
fn bounds_checked_engine() -> Engine {
    let mut config = flint::Config::new();
    config.memory_reservation(1 << 30).memory_guard_size(0);
    Engine::new(&config).unwrap()
}

type NativeRun = extern "C" fn(u32) -> u32;

struct Kernel {
    name: &'static str,
    n: u32,
    /// One of `SIMD_KERNELS`.
    simd: bool,
    native: NativeRun,
    /// The store holding the kernel's instance.
    store: Store<()>,
    wasm: TypedFunc<i32, i32>,
}

fn kernels_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/kernels")
}

fn modified(p: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(p).and_then(|m| m.modified()).ok()
}

/// Builds `<name>.c` into a shared object with gcc -O2, unless it is up to
/// date. `-fvisibility=hidden` leaves `run` the only exported symbol, so
/// the code is what a PIE executable of the same source would contain.
fn build_native(name: &str) -> PathBuf {
    let src = kernels_dir().join(format!("{name}.c"));
    let header = kernels_dir().join("kernel.h");
    let out_dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("kernels-native");
    std::fs::create_dir_all(&out_dir).unwrap();
    let out = out_dir.join(format!("{name}.so"));
    let fresh = match (modified(&out), modified(&src), modified(&header)) {
        (Some(o), Some(s), Some(h)) => o > s && o > h,
        _ => false,
    };
    if !fresh {
        let status = Command::new("gcc")
            .args(["-O2", "-shared", "-fPIC", "-fvisibility=hidden", "-o"])
            .arg(&out)
            .arg(&src)
            .arg("-lm")
            .status()
            .unwrap_or_else(|e| panic!("cannot run gcc (needed for the native side): {e}"));
        assert!(status.success(), "gcc failed on {}", src.display());
    }
    out
}

fn load_native(path: &Path) -> NativeRun {
    let cpath = CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: the library is our own kernel; it stays loaded for the whole
    // process (never dlclosed), and `run` has the C signature
    // `uint32_t run(uint32_t)`.
    unsafe {
        let handle = libc::dlopen(cpath.as_ptr(), libc::RTLD_NOW | libc::RTLD_LOCAL);
        assert!(!handle.is_null(), "dlopen {} failed", path.display());
        let sym = libc::dlsym(handle, c"run".as_ptr());
        assert!(!sym.is_null(), "{} has no `run`", path.display());
        std::mem::transmute::<*mut libc::c_void, NativeRun>(sym)
    }
}

/// Loads both sides of a kernel and checks that they agree. The error is
/// Flint's when it cannot compile the module.
fn load(engine: &Engine, name: &'static str, n: u32, simd: bool) -> Result<Kernel, String> {
    let native = load_native(&build_native(name));
    let path = kernels_dir().join(format!("wasm/{name}.wasm"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let module = Module::new(engine, &bytes).map_err(|e| e.to_string())?;
    let mut store = Store::new(engine, ());
    let instance = Instance::new(&mut store, &module, &[]).unwrap();
    let wasm = instance
        .get_typed_func::<i32, i32>(&mut store, "run")
        .unwrap();
    let mut kernel = Kernel {
        name,
        n,
        simd,
        native,
        store,
        wasm,
    };
    let expected = (kernel.native)(n);
    let got = kernel.call_wasm();
    assert_eq!(
        got, expected,
        "{name}: Flint's checksum {got:#x} differs from native {expected:#x}"
    );
    assert_ne!(expected, 0, "{name}: the kernel's self-check failed");
    Ok(kernel)
}

impl Kernel {
    fn call_wasm(&mut self) -> u32 {
        self.wasm.call(&mut self.store, self.n as i32).unwrap() as u32
    }
}

/// Times both sides of a kernel alternately and prints its row; returns
/// Flint's time over native time.
fn summary_row(k: &mut Kernel) -> f64 {
    let (run_native, n) = (k.native, k.n);
    let (native, flint) = common::paired(
        Duration::from_secs(3),
        5,
        || run_native(n),
        || k.call_wasm(),
    );
    let ratio = flint.as_secs_f64() / native.as_secs_f64();
    println!(
        "{:<10} {:>10} {:>12} {:>12} {:>6.2}x",
        k.name,
        k.n,
        common::fmt(native),
        common::fmt(flint),
        ratio
    );
    ratio
}

fn summary(kernels: &mut [Kernel], not_run: &[(&str, String)]) {
    println!("\n== run: Flint vs native gcc -O2 (same input, same run) ==");
    println!("{}", common::machine_line());
    println!(
        "{:<10} {:>10} {:>12} {:>12} {:>7}",
        "kernel", "n", "native", "flint", "ratio"
    );
    let mut core: Vec<&mut Kernel> = kernels.iter_mut().filter(|k| !k.simd).collect();
    let log_sum: f64 = core.iter_mut().map(|k| summary_row(k).ln()).sum();
    if !core.is_empty() {
        let geomean = (log_sum / core.len() as f64).exp();
        let verdict = if geomean <= 2.0 { "met" } else { "MISSED" };
        println!("geometric mean: {geomean:.2}x (bar ≤ 2x: {verdict})");
    }
    if kernels.iter().any(|k| k.simd) || !not_run.is_empty() {
        println!("SIMD kernels (wasm built with -msimd128; not in the geometric mean):");
    }
    for k in kernels.iter_mut().filter(|k| k.simd) {
        summary_row(k);
    }
    for (name, error) in not_run {
        println!("{name:<10} not run: Flint cannot compile it: {error}");
    }
    println!();
}

/// The bounds-check table: each kernel of `BOUNDS_KERNELS` in the default
/// engine and in a bounds-checked one, timed alternately. Returns the
/// bounds-checked kernels, for criterion.
fn bounds_summary(kernels: &mut [Kernel]) -> Vec<Kernel> {
    let engine = bounds_checked_engine();
    let mut checked = Vec::new();
    let mut log_sum = 0.0;
    for k in kernels
        .iter_mut()
        .filter(|k| BOUNDS_KERNELS.contains(&k.name))
    {
        if checked.is_empty() {
            println!("== run: explicit bounds checks vs guard pages ==");
            println!(
                "{:<10} {:>10} {:>12} {:>12} {:>7}",
                "kernel", "n", "guard pages", "checks", "ratio"
            );
        }
        let mut c = load(&engine, k.name, k.n, k.simd).unwrap();
        let (guarded, bounded) = common::paired(
            Duration::from_secs(3),
            5,
            || k.call_wasm(),
            || c.call_wasm(),
        );
        let ratio = bounded.as_secs_f64() / guarded.as_secs_f64();
        log_sum += ratio.ln();
        println!(
            "{:<10} {:>10} {:>12} {:>12} {:>6.2}x",
            k.name,
            k.n,
            common::fmt(guarded),
            common::fmt(bounded),
            ratio
        );
        checked.push(c);
    }
    if !checked.is_empty() {
        let geomean = (log_sum / checked.len() as f64).exp();
        println!("geometric mean: {geomean:.2}x\n");
    }
    checked
}

fn benches(c: &mut Criterion, kernels: &mut [Kernel], checked: &mut [Kernel]) {
    for k in kernels {
        let mut group = c.benchmark_group(format!("run/{}", k.name));
        group.bench_function("native", |b| b.iter(|| (k.native)(k.n)));
        group.bench_function("flint", |b| b.iter(|| k.call_wasm()));
        if let Some(k) = checked.iter_mut().find(|c| c.name == k.name) {
            group.bench_function("flint-bounds-checked", |b| b.iter(|| k.call_wasm()));
        }
        group.finish();
    }
}

fn main() {
    let engine = Engine::default();
    let (mut kernels, mut not_run) = (Vec::new(), Vec::new());
    let all = KERNELS
        .iter()
        .map(|&(name, n)| (name, n, false))
        .chain(SIMD_KERNELS.iter().map(|&(name, n)| (name, n, true)));
    for (name, n, simd) in all {
        let selected = ["native", "flint", "flint-bounds-checked"]
            .iter()
            .any(|side| common::selected(&format!("run/{name}/{side}")));
        if !selected {
            continue;
        }
        match load(&engine, name, n, simd) {
            Ok(kernel) => kernels.push(kernel),
            // A SIMD kernel Flint cannot compile (e.g. a build with a
            // newer proposal) is reported, and the others still run.
            Err(error) if simd => not_run.push((name, error)),
            Err(error) => panic!("{name}.wasm: {error}"),
        }
    }
    summary(&mut kernels, &not_run);
    let mut checked = bounds_summary(&mut kernels);
    let mut c = common::criterion();
    benches(&mut c, &mut kernels, &mut checked);
    c.final_summary();
}
