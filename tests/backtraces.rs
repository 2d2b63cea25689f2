//! Wasm backtraces on traps: the exact frames (function indices,
//! name-section names, and the module byte offset of the instruction each
//! frame was executing, innermost first) for each way a trap arrives.
//!
//! The expected offsets are not written down: they are read from the
//! module binary with wasmparser's operator reader (the offset of the
//! trapping instruction in the innermost frame, of the call in the others),
//! so the tests check the JIT's side tables against the binary itself.
//!
//! The cases cover the different trap paths separately, since each leaves
//! the frame-pointer chain the handler walks in a different state: an
//! explicit check that branches to a trap stub (division by zero), a
//! guard-page fault in the middle of a function body (out-of-bounds load),
//! `unreachable`, the stack-limit check in a prologue (stack overflow, whose
//! backtrace is cut off), a host function's error (the trap is raised in the
//! host-call stub), and a host function that calls back into wasm, where
//! the trap crosses two activations. Nothing here depends on the
//! architecture: CI runs the same binary natively on x86-64 and on aarch64
//! under qemu-user.

use flint::{
    Engine, Error, Extern, Func, FuncType, Instance, Linker, Module, Store, Trap, TrapCode, Val,
    ValType, WasmBacktrace,
};

/// Function indices below: the import is function 0.
const CHAINS: &str = r#"
(module
  (import "host" "call_back" (func $call_back (param i32)))  ;; 0
  (memory 1)

  ;; Three deep, trapping on an explicit divisor check.
  (func $divide (param i32) (result i32)                      ;; 1
    (i32.div_s (i32.const 100) (local.get 0)))
  (func $compute (param i32) (result i32)                     ;; 2
    (i32.add (call $divide (local.get 0)) (i32.const 1)))
  (func $run_divide (export "divide") (param i32) (result i32) ;; 3
    (call $compute (local.get 0)))

  ;; Three deep, trapping on a guard-page fault.
  (func $load (param i32) (result i32)                        ;; 4
    (i32.load (local.get 0)))
  (func $read (param i32) (result i32)                        ;; 5
    (i32.mul (call $load (local.get 0)) (i32.const 3)))
  (func $run_load (export "load") (param i32) (result i32)    ;; 6
    (call $read (local.get 0)))

  ;; Three deep, trapping on `unreachable`.
  (func $crash                                                ;; 7
    unreachable)
  (func $fail                                                 ;; 8
    (call $crash))
  (func $run_crash (export "crash")                           ;; 9
    (call $fail))

  ;; Unbounded recursion under an entry point.
  (func $recurse (param i32) (result i32)                     ;; 10
    (i32.add (call $recurse (local.get 0)) (i32.const 1)))
  (func $run_recurse (export "recurse") (result i32)          ;; 11
    (call $recurse (i32.const 0)))

  ;; Through the host: it calls back into `crash` (0) or fails itself (1).
  (func $via_host (param i32)                                 ;; 12
    (call $call_back (local.get 0)))
  (func $run_host (export "host") (param i32)                 ;; 13
    (call $via_host (local.get 0)))

  ;; No name in the name section.
  (func (export "anonymous")                                  ;; 14
    (call $fail)))
"#;

/// The test module's instance in its store, with `host.call_back` calling
/// back into the calling instance's own `crash` export (argument 0) or
/// failing (anything else).
struct Fixture {
    store: Store<()>,
    instance: Instance,
}

impl Fixture {
    fn new() -> Fixture {
        let engine = Engine::default();
        let module = Module::new(&engine, wat::parse_str(CHAINS).unwrap()).unwrap();
        let mut store = Store::new(&engine, ());
        let mut linker = Linker::new(&engine);
        linker
            .func_new(
                "host",
                "call_back",
                FuncType::new([ValType::I32], []),
                |mut caller, args, _| {
                    if args[0] != Val::I32(0) {
                        return Err(Trap::host("refused").into());
                    }
                    let crash = caller
                        .get_export("crash")
                        .and_then(Extern::into_func)
                        .expect("the caller exports `crash`");
                    match crash.call(&mut caller, &[], &mut []) {
                        Ok(()) => Ok(()),
                        // The inner trap, with its frames, travels on.
                        Err(Error::Trap(trap)) => Err(trap.into()),
                        Err(other) => Err(Trap::host(other.to_string()).into()),
                    }
                },
            )
            .unwrap();
        let instance = linker.instantiate(&mut store, &module).unwrap();
        Fixture { store, instance }
    }

    /// Call export `name` and return its trap.
    fn trap(&mut self, name: &str, args: &[Val]) -> Trap {
        let f = self.instance.get_func(&mut self.store, name).unwrap();
        let mut results = vec![Val::I32(0); f.ty(&self.store).results().len()];
        match f.call(&mut self.store, args, &mut results) {
            Err(Error::Trap(trap)) => trap,
            other => panic!("{name}: expected a trap, got {other:?} {results:?}"),
        }
    }
}

/// The frames of `trap` as `(index, name)`, innermost first.
fn frames(trap: &Trap) -> Vec<(u32, Option<&str>)> {
    trap.backtrace()
        .frames()
        .iter()
        .map(|f| (f.func_index(), f.func_name()))
        .collect()
}

/// The frames of `trap` as `(index, module offset)`, innermost first.
fn offsets(trap: &Trap) -> Vec<(u32, Option<usize>)> {
    trap.backtrace()
        .frames()
        .iter()
        .map(|f| (f.func_index(), f.module_offset()))
        .collect()
}

/// Where things are in a module binary, as wasmparser reads it.
struct Binary {
    num_imported_funcs: u32,
    /// Per defined function: the byte offset of its body, and each
    /// operator's offset with its `Debug` text.
    bodies: Vec<(usize, Vec<(usize, String)>)>,
}

impl Binary {
    fn new(wat: &str) -> Binary {
        use wasmparser::{Parser, Payload, TypeRef};
        let bytes = wat::parse_str(wat).unwrap();
        let mut binary = Binary {
            num_imported_funcs: 0,
            bodies: Vec::new(),
        };
        for payload in Parser::new(0).parse_all(&bytes) {
            match payload.unwrap() {
                Payload::ImportSection(imports) => {
                    for import in imports.into_imports() {
                        if matches!(import.unwrap().ty, TypeRef::Func(_)) {
                            binary.num_imported_funcs += 1;
                        }
                    }
                }
                Payload::CodeSectionEntry(body) => {
                    let mut ops = body.get_operators_reader().unwrap();
                    let mut list = Vec::new();
                    while !ops.eof() {
                        let (op, offset) = ops.read_with_offset().unwrap();
                        list.push((offset as usize, format!("{op:?}")));
                    }
                    binary.bodies.push((body.range().start as usize, list));
                }
                _ => {}
            }
        }
        binary
    }

    fn body(&self, func: u32) -> &(usize, Vec<(usize, String)>) {
        &self.bodies[(func - self.num_imported_funcs) as usize]
    }

    /// The offset of function `func`'s one operator whose `Debug` text
    /// starts with `op` (`"Call"`, `"I32DivS"`, ...).
    fn op(&self, func: u32, op: &str) -> usize {
        let found: Vec<usize> = self
            .body(func)
            .1
            .iter()
            .filter(|(_, text)| text.starts_with(op))
            .map(|&(offset, _)| offset)
            .collect();
        assert_eq!(found.len(), 1, "func {func}: {op} is not unique: {found:?}");
        found[0]
    }

    /// `(func, Some(offset of its operator op))` for each `(func, op)`.
    fn frames(&self, frames: &[(u32, &str)]) -> Vec<(u32, Option<usize>)> {
        frames
            .iter()
            .map(|&(func, op)| (func, Some(self.op(func, op))))
            .collect()
    }
}

/// Runs `f` on a thread with a large native stack, so the wasm stack limit
/// (1 MiB by default) is what stops a recursion.
fn on_big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}

#[test]
fn divide_by_zero_through_a_trap_stub() {
    let mut fixture = Fixture::new();
    let trap = fixture.trap("divide", &[Val::I32(0)]);
    assert_eq!(trap.code, TrapCode::IntegerDivideByZero);
    assert_eq!(
        frames(&trap),
        [
            (1, Some("divide")),
            (2, Some("compute")),
            (3, Some("run_divide")),
        ]
    );
    assert!(!trap.backtrace().is_truncated());
    let binary = Binary::new(CHAINS);
    assert_eq!(
        offsets(&trap),
        binary.frames(&[(1, "I32DivS"), (2, "Call"), (3, "Call")])
    );
    assert_eq!(
        trap.backtrace().to_string(),
        format!(
            "wasm backtrace:\n    0: func 1 <divide> @ {:#x}\n    1: func 2 <compute> @ {:#x}\n    2: func 3 <run_divide> @ {:#x}",
            binary.op(1, "I32DivS"),
            binary.op(2, "Call"),
            binary.op(3, "Call"),
        )
    );
    // The trap's own message stays one line.
    assert_eq!(trap.to_string(), "integer divide by zero");
}

#[test]
fn out_of_bounds_load_through_the_signal_handler() {
    let mut fixture = Fixture::new();
    let trap = fixture.trap("load", &[Val::I32(65536)]);
    assert_eq!(trap.code, TrapCode::MemoryOutOfBounds);
    assert_eq!(
        frames(&trap),
        [(4, Some("load")), (5, Some("read")), (6, Some("run_load"))]
    );
    assert_eq!(
        offsets(&trap),
        Binary::new(CHAINS).frames(&[(4, "I32Load"), (5, "Call"), (6, "Call")])
    );
}

#[test]
fn unreachable() {
    let mut fixture = Fixture::new();
    let trap = fixture.trap("crash", &[]);
    assert_eq!(trap.code, TrapCode::Unreachable);
    assert_eq!(
        frames(&trap),
        [
            (7, Some("crash")),
            (8, Some("fail")),
            (9, Some("run_crash"))
        ]
    );
    assert_eq!(
        offsets(&trap),
        Binary::new(CHAINS).frames(&[(7, "Unreachable"), (8, "Call"), (9, "Call")])
    );
}

#[test]
fn functions_without_a_name_have_only_an_index() {
    let mut fixture = Fixture::new();
    let trap = fixture.trap("anonymous", &[]);
    assert_eq!(
        frames(&trap),
        [(7, Some("crash")), (8, Some("fail")), (14, None)]
    );
    let call = Binary::new(CHAINS).op(14, "Call");
    assert!(trap
        .backtrace()
        .to_string()
        .ends_with(&format!("\n    2: func 14 @ {call:#x}")));
}

#[test]
fn stack_overflow_keeps_the_innermost_frames() {
    on_big_stack(|| {
        let mut fixture = Fixture::new();
        let trap = fixture.trap("recurse", &[]);
        assert_eq!(trap.code, TrapCode::StackOverflow);
        let backtrace = trap.backtrace();
        assert!(backtrace.is_truncated());
        assert_eq!(backtrace.frames().len(), WasmBacktrace::MAX_FRAMES);
        assert!(
            frames(&trap).iter().all(|&f| f == (10, Some("recurse"))),
            "{backtrace}"
        );
        // The innermost frame trapped in its prologue, before any
        // instruction: it is placed at the start of the function's body.
        // Every other frame is at the recursive call.
        let binary = Binary::new(CHAINS);
        let call = binary.op(10, "Call");
        let offsets = offsets(&trap);
        assert_eq!(offsets[0], (10, Some(binary.body(10).0)));
        assert!(
            offsets[1..].iter().all(|&f| f == (10, Some(call))),
            "{backtrace}"
        );
        assert!(
            backtrace
                .to_string()
                .ends_with("\n    ... (outer frames not recorded)"),
            "{backtrace}"
        );
    });
}

#[test]
fn a_host_error_lists_the_wasm_frames_that_called_the_host() {
    let mut fixture = Fixture::new();
    let trap = fixture.trap("host", &[Val::I32(1)]);
    assert_eq!(trap.code, TrapCode::HostError);
    assert_eq!(trap.host_message.as_deref(), Some("refused"));
    // The host-call stub's frame is not listed.
    assert_eq!(
        frames(&trap),
        [(12, Some("via_host")), (13, Some("run_host"))]
    );
    // The outermost wasm frame is at its call of the import.
    assert_eq!(
        offsets(&trap),
        Binary::new(CHAINS).frames(&[(12, "Call"), (13, "Call")])
    );
}

#[test]
fn a_trap_in_wasm_called_back_from_the_host_lists_both_sides() {
    let mut fixture = Fixture::new();
    let trap = fixture.trap("host", &[Val::I32(0)]);
    assert_eq!(trap.code, TrapCode::Unreachable);
    assert_eq!(
        frames(&trap),
        [
            (7, Some("crash")),
            (8, Some("fail")),
            (9, Some("run_crash")),
            (12, Some("via_host")),
            (13, Some("run_host")),
        ]
    );
    assert_eq!(
        offsets(&trap),
        Binary::new(CHAINS).frames(&[
            (7, "Unreachable"),
            (8, "Call"),
            (9, "Call"),
            (12, "Call"),
            (13, "Call"),
        ])
    );
    // Both activations unwound cleanly: the instance still works, and a
    // later trap has only its own frames.
    let trap = fixture.trap("crash", &[]);
    assert_eq!(frames(&trap).len(), 3);
}

#[test]
fn frames_of_different_modules_in_one_backtrace() {
    const CALLEE: &str = r#"(module
         (func $helper (result i32) (i32.div_u (i32.const 1) (i32.const 0)))
         (func $inner (export "inner") (result i32) (call $helper)))"#;
    const CALLER: &str = r#"(module
         (import "callee" "inner" (func $imported (result i32)))
         (func $outer (export "outer") (result i32) (call $imported)))"#;
    let engine = Engine::default();
    let callee = Module::new(&engine, CALLEE).unwrap();
    let mut store = Store::new(&engine, ());
    let callee = Instance::new(&mut store, &callee, &[]).unwrap();
    let caller = Module::new(&engine, CALLER).unwrap();
    let mut linker = Linker::new(&engine);
    linker.instance(&mut store, "callee", callee).unwrap();
    let caller = linker.instantiate(&mut store, &caller).unwrap();
    let outer = caller.get_func(&mut store, "outer").unwrap();
    let err = outer.call(&mut store, &[], &mut [Val::I32(0)]).unwrap_err();
    let Error::Trap(trap) = err else {
        panic!("expected a trap, got {err:?}")
    };
    assert_eq!(
        frames(&trap),
        [(0, Some("helper")), (1, Some("inner")), (1, Some("outer"))]
    );
    // Each frame's offset is in its own module's binary.
    let mut expected = Binary::new(CALLEE).frames(&[(0, "I32DivU"), (1, "Call")]);
    expected.extend(Binary::new(CALLER).frames(&[(1, "Call")]));
    assert_eq!(offsets(&trap), expected);
}

/// Function indices below.
const SITES: &str = r#"
(module
  (type $v (func))
  (table 2 funcref)
  (elem (i32.const 0) $boom)
  (memory 1)
  (func $boom unreachable)                                    ;; 0
  (func $indirect (export "indirect") (param i32)             ;; 1
    (call_indirect (type $v) (local.get 0)))
  (func $fill (export "fill")                                 ;; 2
    (memory.fill (i32.const 65530) (i32.const 0) (i32.const 100)))
  (func $two_divisions (export "two_divisions")               ;; 3
    (param i32 i32) (result i32)
    (i32.add (i32.div_u (i32.const 1) (local.get 0))
             (i32.div_u (i32.const 1) (local.get 1)))))
"#;

/// Call export `name` of a fresh instance of `wat` and return its trap.
fn trap_in(wat: &str, name: &str, args: &[Val]) -> Trap {
    let engine = Engine::default();
    let module = Module::new(&engine, wat).unwrap();
    let mut store = Store::new(&engine, ());
    let instance = Instance::new(&mut store, &module, &[]).unwrap();
    let f = instance.get_func(&mut store, name).unwrap();
    let mut results = vec![Val::I32(0); f.ty(&store).results().len()];
    match f.call(&mut store, args, &mut results) {
        Err(Error::Trap(trap)) => trap,
        other => panic!("{name}: expected a trap, got {other:?}"),
    }
}

#[test]
fn call_indirect_frames_are_at_the_call_indirect() {
    let binary = Binary::new(SITES);
    // Through the table into a function that traps: the caller's frame is
    // at its `call_indirect`.
    let trap = trap_in(SITES, "indirect", &[Val::I32(0)]);
    assert_eq!(trap.code, TrapCode::Unreachable);
    assert_eq!(
        offsets(&trap),
        binary.frames(&[(0, "Unreachable"), (1, "CallIndirect")])
    );
    // The checks of `call_indirect` itself trap at it too.
    for (index, code) in [
        (1, TrapCode::UninitializedElement),
        (2, TrapCode::TableOutOfBounds),
    ] {
        let trap = trap_in(SITES, "indirect", &[Val::I32(index)]);
        assert_eq!(trap.code, code);
        assert_eq!(offsets(&trap), binary.frames(&[(1, "CallIndirect")]));
    }
}

#[test]
fn a_trap_a_runtime_builtin_reports_is_at_its_instruction() {
    let trap = trap_in(SITES, "fill", &[]);
    assert_eq!(trap.code, TrapCode::MemoryOutOfBounds);
    assert_eq!(
        offsets(&trap),
        Binary::new(SITES).frames(&[(2, "MemoryFill")])
    );
}

#[test]
fn a_trap_stub_shared_by_two_instructions_has_no_offset() {
    // Both divisions branch to the function's one divide-by-zero stub, so
    // its PC cannot say which of them trapped: the frame names only the
    // function rather than guessing.
    let trap = trap_in(SITES, "two_divisions", &[Val::I32(1), Val::I32(0)]);
    assert_eq!(trap.code, TrapCode::IntegerDivideByZero);
    assert_eq!(offsets(&trap), [(3, None)]);
    assert_eq!(
        trap.backtrace().to_string(),
        "wasm backtrace:\n    0: func 3 <two_divisions>"
    );
}

#[test]
fn traps_not_raised_by_wasm_have_no_frames() {
    assert!(Trap::new(TrapCode::Unreachable).backtrace().is_empty());
    // A host function called directly from the host.
    let engine = Engine::default();
    let mut store = Store::new(&engine, ());
    let f = Func::new(&mut store, FuncType::new([], []), |_, _, _| {
        Err(Trap::host("no").into())
    });
    let Err(Error::Trap(trap)) = f.call(&mut store, &[], &mut []) else {
        panic!("expected a trap")
    };
    assert!(trap.backtrace().is_empty());
}

/// A Rust program built with DWARF line tables (`wasi-tests/rust_trap/`,
/// built by `wasi-tests/build.sh`): run with `1 9`, it panics on an
/// out-of-bounds index in `entry`, inlined into `lookup`, called by
/// `sum_of`, and the abort that ends the panic traps.
const RUST_TRAP: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/wasi-tests/rust_trap.wasm");
const RUST_TRAP_SOURCE: &str = include_str!("../wasi-tests/rust_trap/src/main.rs");
/// The program's source as its DWARF names it (build.sh remaps the
/// directory it was built in to the repository's path).
const RUST_TRAP_FILE: &str = "wasi-tests/rust_trap/src/main.rs";

/// The line of the program's source marked `// backtrace: {mark}`.
fn marked_line(mark: &str) -> u32 {
    let mark = format!("// backtrace: {mark}");
    let found: Vec<usize> = RUST_TRAP_SOURCE
        .lines()
        .enumerate()
        .filter(|(_, line)| line.ends_with(&mark))
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(found.len(), 1, "{mark:?} marks {found:?}");
    found[0] as u32
}

/// Run `_start` of the module `wasm` (rust_trap.wasm or a variant) with
/// the arguments `1 9`, and return its trap and what it wrote to stderr.
fn run_rust_trap(wasm: &[u8]) -> (Trap, String) {
    use flint::wasi::{Pipe, WasiCtx};
    let engine = Engine::default();
    let module = Module::new(&engine, wasm).unwrap();
    let (stdout, stderr) = (Pipe::new(), Pipe::new());
    let mut ctx = WasiCtx::new();
    ctx.arg("rust_trap")
        .arg("1")
        .arg("9")
        .stdout(stdout.clone())
        .stderr(stderr.clone());
    let mut store = Store::new(&engine, ctx);
    let mut linker = Linker::new(&engine);
    flint::wasi::add_to_linker(&mut linker, |c: &mut WasiCtx| c).unwrap();
    let instance = linker.instantiate(&mut store, &module).unwrap();
    let start = instance.get_func(&mut store, "_start").unwrap();
    let trap = match start.call(&mut store, &[], &mut []) {
        Err(Error::Trap(trap)) => trap,
        other => panic!("expected a trap, got {other:?}"),
    };
    assert!(stdout.contents().is_empty());
    (
        trap,
        String::from_utf8_lossy(&stderr.contents()).into_owned(),
    )
}

/// The index of the frame whose name-section name (mangled) contains
/// `part`.
fn frame_named(trap: &Trap, part: &str) -> usize {
    let frames = trap.backtrace().frames();
    let found: Vec<usize> = (0..frames.len())
        .filter(|&i| frames[i].func_name().is_some_and(|n| n.contains(part)))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "{part:?}: frames {found:?}\n{}",
        trap.backtrace()
    );
    found[0]
}

#[test]
fn frames_of_a_program_with_dwarf_have_source_locations() {
    let (trap, stderr) = run_rust_trap(&std::fs::read(RUST_TRAP).unwrap());
    assert_eq!(trap.code, TrapCode::Unreachable);
    let faulting = marked_line("the faulting line");
    let inlined_call = marked_line("the inlined call");
    let call = marked_line("the call");
    // The program's own panic message names the line its DWARF does (by
    // the path cargo gave rustc, which build.sh's remapping leaves alone).
    assert!(
        stderr.contains(&format!("panicked at src/main.rs:{faulting}:5:")),
        "{stderr}"
    );

    let frames = trap.backtrace().frames();
    let lookup = frame_named(&trap, "9rust_trap6lookup");
    let sum_of = frame_named(&trap, "9rust_trap6sum_of");
    let bounds = frame_named(&trap, "panic_bounds_check");
    assert_eq!(
        (bounds + 1, lookup + 1),
        (lookup, sum_of),
        "{}",
        trap.backtrace()
    );

    // `lookup`'s frame is at the call of the panic in `entry`, inlined
    // into it: first the inlined function at its line, then `lookup` at
    // the line that called it. The outermost symbol is the frame's own
    // function (line tables name functions without their path and
    // mangling; full debug info would give the linkage name).
    let symbols = frames[lookup].symbols();
    assert_eq!(symbols.len(), 2, "{symbols:?}");
    let (inlined, own) = (&symbols[0], &symbols[1]);
    assert_eq!(
        (
            inlined.name(),
            inlined.file(),
            inlined.line(),
            inlined.column()
        ),
        (Some("entry"), Some(RUST_TRAP_FILE), Some(faulting), Some(5))
    );
    assert_eq!(
        (own.file(), own.line(), own.column()),
        (Some(RUST_TRAP_FILE), Some(inlined_call), Some(5))
    );
    assert_eq!(own.name(), Some("lookup"));
    assert_eq!(frames[lookup].source_location(), Some(inlined));

    // `sum_of`'s frame is at its call of `lookup`; nothing is inlined there.
    let symbols = frames[sum_of].symbols();
    assert_eq!(symbols.len(), 1, "{symbols:?}");
    assert_eq!(
        (symbols[0].file(), symbols[0].line()),
        (Some(RUST_TRAP_FILE), Some(call))
    );
    assert_eq!(symbols[0].name(), Some("sum_of"));

    // The standard library's frames point into its sources (rustc records
    // them under /rustc/<commit>/).
    let location = frames[bounds].source_location().expect("core has DWARF");
    assert!(
        location.file().is_some_and(
            |f| f.starts_with("/rustc/") && f.ends_with("library/core/src/panicking.rs")
        ),
        "{location:?}"
    );

    // As a command line prints it: the demangled name, then the lines.
    let text = trap.backtrace().to_string();
    let expected = format!(
        "{lookup}: func {} <rust_trap::lookup> @ {:#x}\n           \
         at {RUST_TRAP_FILE}:{faulting}:5 (inlined entry)\n           \
         at {RUST_TRAP_FILE}:{inlined_call}:5\n   \
         {sum_of}: func {} <rust_trap::sum_of> @ {:#x}\n           \
         at {RUST_TRAP_FILE}:{call}:",
        frames[lookup].func_index(),
        frames[lookup].module_offset().unwrap(),
        frames[sum_of].func_index(),
        frames[sum_of].module_offset().unwrap(),
    );
    assert!(text.contains(&expected), "{expected}\nnot in\n{text}");

    // A copy of the trap has the same frames and symbols.
    let copy = trap.clone();
    assert_eq!(copy, trap);
    assert_eq!(
        copy.backtrace().frames()[lookup].symbols(),
        frames[lookup].symbols()
    );
}

#[test]
fn frames_of_a_module_without_dwarf_have_no_source_locations() {
    let mut fixture = Fixture::new();
    let trap = fixture.trap("divide", &[Val::I32(0)]);
    for frame in trap.backtrace().frames() {
        assert!(frame.symbols().is_empty(), "{frame:?}");
        assert_eq!(frame.source_location(), None);
    }
    // Without an instruction (a shared trap stub) there is nothing to look
    // up, DWARF or not.
    let trap = trap_in(SITES, "two_divisions", &[Val::I32(1), Val::I32(0)]);
    assert!(trap.backtrace().frames()[0].symbols().is_empty());
}

/// `wasm` with the contents of each custom section whose name `edit`
/// returns `Some` for replaced by what it returns.
fn edit_custom_sections(wasm: &[u8], edit: impl Fn(&str, &[u8]) -> Option<Vec<u8>>) -> Vec<u8> {
    fn leb(mut value: usize, out: &mut Vec<u8>) {
        loop {
            let byte = (value & 0x7f) as u8;
            value >>= 7;
            if value == 0 {
                out.push(byte);
                return;
            }
            out.push(byte | 0x80);
        }
    }
    let mut out = wasm[..8].to_vec();
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        let payload = payload.unwrap();
        let Some((id, range)) = payload.as_section() else {
            continue;
        };
        let contents = &wasm[range.start as usize..range.end as usize];
        let section = match &payload {
            wasmparser::Payload::CustomSection(reader) => {
                edit(reader.name(), reader.data()).map(|data| {
                    let mut section = Vec::new();
                    leb(reader.name().len(), &mut section);
                    section.extend_from_slice(reader.name().as_bytes());
                    section.extend_from_slice(&data);
                    section
                })
            }
            _ => None,
        };
        let section = section.as_deref().unwrap_or(contents);
        out.push(id);
        leb(section.len(), &mut out);
        out.extend_from_slice(section);
    }
    out
}

#[test]
fn malformed_dwarf_costs_only_the_source_locations() {
    let wasm = std::fs::read(RUST_TRAP).unwrap();
    let (good, _) = run_rust_trap(&wasm);
    let lookup = frame_named(&good, "9rust_trap6lookup");
    assert!(!good.backtrace().frames()[lookup].symbols().is_empty());
    type Edit = fn(&str, &[u8]) -> Option<Vec<u8>>;
    let edits: [(&str, Edit); 6] = [
        ("every DWARF section empty", |name, _| {
            name.starts_with(".debug_").then(Vec::new)
        }),
        ("every DWARF section cut in half", |name, data| {
            name.starts_with(".debug_")
                .then(|| data[..data.len() / 2].to_vec())
        }),
        ("the units' headers cut off", |name, data| {
            (name == ".debug_info").then(|| data[..7.min(data.len())].to_vec())
        }),
        ("bytes of the units flipped", |name, data| {
            (name == ".debug_info").then(|| {
                let mut data = data.to_vec();
                for byte in data.iter_mut().step_by(7) {
                    *byte ^= 0xa5;
                }
                data
            })
        }),
        ("bytes of the line programs flipped", |name, data| {
            (name == ".debug_line").then(|| {
                let mut data = data.to_vec();
                for byte in data.iter_mut().skip(3).step_by(5) {
                    *byte = byte.wrapping_mul(31).wrapping_add(7);
                }
                data
            })
        }),
        (
            "abbreviations and strings replaced by garbage",
            |name, data| {
                matches!(name, ".debug_abbrev" | ".debug_str")
                    .then(|| (0..data.len()).map(|i| (i * 131 % 251) as u8).collect())
            },
        ),
    ];
    for (what, edit) in edits {
        let broken = edit_custom_sections(&wasm, edit);
        assert_ne!(broken, wasm, "{what}: nothing edited");
        // The module compiles and traps as before; the frames' symbols
        // are whatever the DWARF still says (perhaps nothing), and asking
        // for them, or printing the backtrace, does not panic.
        let (trap, _) = run_rust_trap(&broken);
        assert_eq!(trap.code, TrapCode::Unreachable, "{what}");
        assert_eq!(offsets(&trap), offsets(&good), "{what}");
        for frame in trap.backtrace().frames() {
            let _ = frame.symbols();
        }
        let _ = trap.backtrace().to_string();
    }
    // DWARF sections of one zero byte each name nothing.
    let stripped = edit_custom_sections(&wasm, |name, _| {
        name.starts_with(".debug_").then(|| b"\x00".to_vec())
    });
    let (trap, _) = run_rust_trap(&stripped);
    assert!(trap
        .backtrace()
        .frames()
        .iter()
        .all(|f| f.symbols().is_empty()));
}
