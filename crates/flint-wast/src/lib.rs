//! Running one `.wast` script against Flint: parsing it, executing each
//! directive, the `spectest` host module the scripts import, and comparing
//! values, results and traps with what the script expects.
//!
//! A development crate of Flint's workspace, never published. Two clients
//! run scripts the same way through it: the spec testsuite runner
//! (`wast/spec/main.rs`, whose module docs give the rules each directive is
//! held to, and which decides what runs, where and how it is reported) and
//! `flint wast FILE...` (the command line).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::panic::{self, AssertUnwindSafe};

use flint::{
    Config, Engine, Error, ExternRef, FuncType, GlobalType, Instance, Linker, MemoryType, Module,
    Store, Table, TableType, TrapCode, Val, ValType,
};
use wast::core::{NanPattern, V128Pattern, WastArgCore, WastRetCore};
use wast::lexer::Lexer;
use wast::parser::{self, ParseBuffer};
use wast::token::Id;
use wast::{QuoteWat, Wast, WastArg, WastDirective, WastExecute, WastInvoke, WastRet, Wat};

// ---------------------------------------------------------------------------
// One script
// ---------------------------------------------------------------------------

/// How to run a script.
pub struct Options<'a> {
    /// The engine configuration.
    pub config: Config,
    /// Why the directive on a line is deliberately not run (the runner's
    /// skip list), if it is.
    pub skip: &'a dyn Fn(usize) -> Option<&'static str>,
    /// Whether `spectest.print*` print their arguments.
    pub print: bool,
    /// Whether skipped directives are announced as they are passed over.
    pub verbose: bool,
    /// Turns a caught panic's payload into its message.
    pub describe_panic: fn(&(dyn std::any::Any + Send)) -> String,
}

/// Directives that passed, failed and were skipped.
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    /// Directives that behaved as the script says.
    pub passed: usize,
    /// Directives that did not (or could not run).
    pub failed: usize,
    /// Directives on the skip list.
    pub skipped: usize,
}

impl Counts {
    /// Add `other`'s counts.
    pub fn add(&mut self, other: Counts) {
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

/// One failed directive.
#[derive(Debug)]
pub struct Failure {
    /// Its line in the script (0: the script as a whole).
    pub line: usize,
    /// The directive's kind (`assert_return`, ...).
    pub directive: &'static str,
    /// Why it failed.
    pub reason: String,
}

/// What running one script found.
#[derive(Debug, Default)]
pub struct Report {
    /// The counts.
    pub counts: Counts,
    /// The failures, in script order.
    pub failures: Vec<Failure>,
}

impl Report {
    /// Count a failure.
    pub fn fail(&mut self, line: usize, directive: &'static str, reason: String) {
        self.counts.failed += 1;
        self.failures.push(Failure {
            line,
            directive,
            reason,
        });
    }
}

/// Run the script `text`: each directive is one test (see the runner's
/// module docs for the rules).
pub fn run_script(text: &str, options: &Options<'_>) -> Report {
    let mut report = Report::default();
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

    let mut runner = match ScriptRunner::new(&options.config, options.print) {
        Ok(r) => r,
        Err(e) => {
            report.fail(0, "file", format!("cannot set up the spectest module: {e}"));
            return report;
        }
    };
    for directive in directives {
        let line = directive.span().linecol_in(text).0 + 1;
        let name = directive_name(&directive);
        if let Some(reason) = (options.skip)(line) {
            report.counts.skipped += 1;
            if options.verbose {
                println!("    line {line}: {name}: skipped: {reason}");
            }
            continue;
        }
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| runner.run(directive)));
        match outcome {
            Ok(Ok(())) => report.counts.passed += 1,
            Ok(Err(reason)) => report.fail(line, name, reason),
            Err(payload) => report.fail(
                line,
                name,
                format!("panic: {}", (options.describe_panic)(&*payload)),
            ),
        }
    }
    report
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

/// The state of one script: the store every instance of the script lives
/// in (a registered instance's exports can only be imported by instances of
/// its own store), the linker (spectest plus registered modules), the
/// current module's instance, and the named instances.
struct ScriptRunner {
    engine: Engine,
    store: Store<()>,
    linker: Linker<()>,
    current: Option<Instance>,
    named: HashMap<String, Instance>,
    /// Modules compiled by `module definition`, by name, and the last one
    /// (what an unnamed `module instance` instantiates).
    definitions: HashMap<String, Module>,
    last_definition: Option<Module>,
}

/// A directive's verdict: `Err` carries the reason it failed.
type Verdict = Result<(), String>;

impl ScriptRunner {
    fn new(config: &Config, print: bool) -> Result<ScriptRunner, Error> {
        let engine = Engine::new(config)?;
        let mut store = Store::new(&engine, ());
        let mut linker = Linker::new(&engine);
        // A script may `register` a name again for another instance, and as
        // in the reference interpreter the later one wins (none of today's
        // scripts does; a linker refuses a second definition by default).
        linker.allow_shadowing(true);
        define_spectest(&mut linker, &mut store, print)?;
        Ok(ScriptRunner {
            engine,
            store,
            linker,
            current: None,
            named: HashMap::new(),
            definitions: HashMap::new(),
            last_definition: None,
        })
    }

    fn run(&mut self, directive: WastDirective<'_>) -> Verdict {
        match directive {
            WastDirective::Module(module) => self.module(module),
            WastDirective::ModuleDefinition(module) => self.module_definition(module),
            WastDirective::ModuleInstance {
                instance, module, ..
            } => self.module_instance(instance, module),
            WastDirective::Register { name, module, .. } => {
                let instance = self.instance(module)?;
                self.linker
                    .instance(&mut self.store, name, instance)
                    .map(drop)
                    .map_err(|e| format!("register failed: {}", show_error(&e)))
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
            self.named.insert(name, instance);
        }
        self.current = Some(instance);
        Ok(())
    }

    /// `(module definition $M? ...)`: compile (and validate) only.
    fn module_definition(&mut self, mut module: QuoteWat<'_>) -> Verdict {
        let name = module.name().map(|id| id.name().to_string());
        let bytes = encode(&mut module)?;
        let compiled = Module::new(&self.engine, &bytes)
            .map_err(|e| format!("module definition failed: {}", show_error(&e)))?;
        if let Some(name) = name {
            self.definitions.insert(name, compiled.clone());
        }
        self.last_definition = Some(compiled);
        Ok(())
    }

    /// `(module instance $I? $M?)`: instantiate definition `$M` (the last
    /// one if unnamed), which becomes the current instance (named `$I`).
    fn module_instance(&mut self, instance: Option<Id<'_>>, module: Option<Id<'_>>) -> Verdict {
        let compiled = match module {
            Some(id) => self
                .definitions
                .get(id.name())
                .ok_or_else(|| format!("no module definition ${}", id.name()))?,
            None => self
                .last_definition
                .as_ref()
                .ok_or("no module definition before `module instance`")?,
        }
        .clone();
        self.current = None;
        let made = self
            .linker
            .instantiate(&mut self.store, &compiled)
            .map_err(|e| format!("module instance failed: {}", show_error(&e)))?;
        if let Some(id) = instance {
            self.named.insert(id.name().to_string(), made);
        }
        self.current = Some(made);
        Ok(())
    }

    fn compile_and_instantiate(&mut self, bytes: &[u8]) -> Result<Instance, Error> {
        let module = Module::new(&self.engine, bytes)?;
        self.linker.instantiate(&mut self.store, &module)
    }

    /// The instance a directive refers to: named, or the current one.
    fn instance(&self, id: Option<Id<'_>>) -> Result<Instance, String> {
        match id {
            Some(id) => self
                .named
                .get(id.name())
                .copied()
                .ok_or_else(|| format!("no module named ${} (did it fail?)", id.name())),
            None => self
                .current
                .ok_or_else(|| "no current module (did the last module fail?)".to_string()),
        }
    }

    /// Calls an export. The outer `Err` is a problem of the script or the
    /// harness (unknown export, unsupported argument); the inner result is
    /// what Flint returned.
    fn invoke(&mut self, call: &WastInvoke<'_>) -> Result<Result<Vec<Val>, Error>, String> {
        let instance = self.instance(call.module)?;
        let func = instance
            .get_func(&mut self.store, call.name)
            .ok_or_else(|| format!("no exported function \"{}\"", call.name))?;
        let args = call
            .args
            .iter()
            .map(arg_value)
            .collect::<Result<Vec<_>, _>>()?;
        let ty = func.ty(&self.store);
        let mut results: Vec<Val> = ty.results().iter().map(|&t| Val::default_for(t)).collect();
        Ok(func
            .call(&mut self.store, &args, &mut results)
            .map(|()| results))
    }

    /// Runs the action of an `assert_return`/`assert_trap`: a call, a global
    /// read, or (module form) an instantiation that yields no values.
    fn execute(&mut self, exec: WastExecute<'_>) -> Result<Result<Vec<Val>, Error>, String> {
        match exec {
            WastExecute::Invoke(call) => self.invoke(&call),
            WastExecute::Get { module, global, .. } => {
                let instance = self.instance(module)?;
                let g = instance
                    .get_global(&mut self.store, global)
                    .ok_or_else(|| format!("no exported global \"{global}\""))?;
                Ok(Ok(vec![g.get(&self.store)]))
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
    fn expect_unlinkable(&mut self, mut module: Wat<'_>, message: &str) -> Verdict {
        let bytes = module
            .encode()
            .map_err(|e| format!("cannot encode module: {}", e.message()))?;
        let module = Module::new(&self.engine, &bytes).map_err(|e| {
            format!(
                "expected \"{message}\", but compiling failed: {}",
                show_error(&e)
            )
        })?;
        match self.linker.instantiate(&mut self.store, &module) {
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

fn define_spectest(
    linker: &mut Linker<()>,
    store: &mut Store<()>,
    print_enabled: bool,
) -> Result<(), Error> {
    use ValType::*;
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
        linker.func_new("spectest", name, ty, move |_caller, args, _results| {
            if print_enabled {
                let args: Vec<String> = args.iter().map(show_value).collect();
                println!("spectest.{name}({})", args.join(", "));
            }
            Ok(())
        })?;
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
        let global = flint::Global::new(&mut *store, ty, value)?;
        linker.define(&*store, "spectest", name, global)?;
    }

    let table = Table::new(
        &mut *store,
        TableType {
            element: ValType::FuncRef,
            min: 10,
            max: Some(20),
        },
        Val::FuncRef(None),
    )?;
    linker.define(&*store, "spectest", "table", table)?;
    let memory = flint::Memory::new(&mut *store, MemoryType::new(1, Some(2)))?;
    linker.define(&*store, "spectest", "memory", memory)?;
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
        WastArg::Core(WastArgCore::V128(v)) => Ok(Val::V128(u128::from_le_bytes(v.to_le_bytes()))),
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
    core_result_matches(value, want)
}

fn core_result_matches(value: &Val, want: &WastRetCore<'_>) -> Result<bool, String> {
    Ok(match (value, want) {
        // `(either a b ...)`: relaxed SIMD's allowed results; any one of
        // them is right.
        (_, WastRetCore::Either(cases)) => {
            for case in cases {
                if core_result_matches(value, case)? {
                    return Ok(true);
                }
            }
            false
        }
        (Val::I32(v), WastRetCore::I32(w)) => v == w,
        (Val::I64(v), WastRetCore::I64(w)) => v == w,
        (Val::F32(bits), WastRetCore::F32(pattern)) => f32_matches(*bits, pattern),
        (Val::F64(bits), WastRetCore::F64(pattern)) => f64_matches(*bits, pattern),
        (Val::V128(bits), WastRetCore::V128(pattern)) => v128_matches(*bits, pattern),
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
            | WastRetCore::V128(_)
            | WastRetCore::RefNull(_)
            | WastRetCore::RefExtern(_)
            | WastRetCore::RefFunc(_),
        ) => false,
        (_, other) => return Err(format!("unsupported expected result {other:?}")),
    })
}

fn f32_matches(bits: u32, pattern: &NanPattern<wast::token::F32>) -> bool {
    match pattern {
        NanPattern::CanonicalNan => bits & 0x7fff_ffff == 0x7fc0_0000,
        NanPattern::ArithmeticNan => bits & 0x7fc0_0000 == 0x7fc0_0000,
        NanPattern::Value(w) => bits == w.bits,
    }
}

fn f64_matches(bits: u64, pattern: &NanPattern<wast::token::F64>) -> bool {
    match pattern {
        NanPattern::CanonicalNan => bits & 0x7fff_ffff_ffff_ffff == 0x7ff8_0000_0000_0000,
        NanPattern::ArithmeticNan => bits & 0x7ff8_0000_0000_0000 == 0x7ff8_0000_0000_0000,
        NanPattern::Value(w) => bits == w.bits,
    }
}

/// A vector matches lane by lane, float lanes by the scalar rules.
fn v128_matches(bits: u128, pattern: &V128Pattern) -> bool {
    let lane = |i: usize, bytes: usize| (bits >> (8 * bytes * i)) as u64;
    match pattern {
        V128Pattern::I8x16(w) => (0..16).all(|i| lane(i, 1) as u8 == w[i] as u8),
        V128Pattern::I16x8(w) => (0..8).all(|i| lane(i, 2) as u16 == w[i] as u16),
        V128Pattern::I32x4(w) => (0..4).all(|i| lane(i, 4) as u32 == w[i] as u32),
        V128Pattern::I64x2(w) => (0..2).all(|i| lane(i, 8) == w[i] as u64),
        V128Pattern::F32x4(w) => (0..4).all(|i| f32_matches(lane(i, 4) as u32, &w[i])),
        V128Pattern::F64x2(w) => (0..2).all(|i| f64_matches(lane(i, 8), &w[i])),
    }
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
        Val::V128(bits) => format!("v128:{bits:#034x}"),
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
