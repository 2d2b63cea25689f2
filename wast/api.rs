//! Integration tests of the public embedding API (`use flint::*`), written
//! the way an embedder would use it.
//!
//! The spec testsuite (`wast/spec.rs`) checks that wasm computes the right
//! values; these tests check the contract around it that the testsuite
//! cannot see: instances are isolated from each other, host functions can
//! capture state and raise errors, a trap leaves the instance usable, the
//! host can reach memories/globals/tables, compiled modules are shared
//! across threads, and bad input of any kind comes back as an `Error`
//! rather than a panic. Modules are written as wat text, which
//! `Module::new` accepts directly.

use flint::*;
use std::cell::Cell;
use std::rc::Rc;

/// Compiles a wat module with a default engine, panicking with the error
/// (tests only).
fn module(wat: &str) -> Module {
    Module::new(&Engine::default(), wat).unwrap_or_else(|e| panic!("module failed: {e}"))
}

/// Instantiates a module that has no imports.
fn instance(wat: &str) -> Instance {
    Instance::new(&module(wat), &[]).unwrap_or_else(|e| panic!("instantiation failed: {e}"))
}

/// The error of a result whose `Ok` type need not implement `Debug`
/// (`Module`, `Instance` and friends do not have to).
fn expect_err<T>(result: Result<T>, what: &str) -> Error {
    match result {
        Ok(_) => panic!("{what}: expected an error, got Ok"),
        Err(e) => e,
    }
}

/// The trap code of an error that must be a trap.
fn trap_code(err: Error) -> TrapCode {
    match err {
        Error::Trap(t) => t.code,
        other => panic!("expected a trap, got {other:?}"),
    }
}

/// Runs `f` on a thread with a large native stack. JIT code runs on the
/// calling thread's stack; the engine's own 1 MiB wasm stack limit must be
/// what stops deep recursion, not the end of a small test-thread stack.
fn on_big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(16 << 20)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}

// ---------------------------------------------------------------------------
// Modules and instances
// ---------------------------------------------------------------------------

const COUNTER: &str = r#"
(module
  (memory (export "mem") 1)
  (global $g (export "g") (mut i32) (i32.const 0))
  (func (export "store") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
  (func (export "load") (param i32) (result i32) (i32.load (local.get 0)))
  (func (export "bump") (result i32)
    (global.set $g (i32.add (global.get $g) (i32.const 1)))
    (global.get $g)))
"#;

#[test]
fn one_module_many_isolated_instances() {
    // Compile once: the machine code is shared by every instance; each
    // instance gets its own memory, globals and tables.
    let module = module(COUNTER);
    let a = Instance::new(&module, &[]).unwrap();
    let b = Instance::new(&module, &[]).unwrap();

    let store_a = a.get_typed_func::<(i32, i32), ()>("store").unwrap();
    let load_a = a.get_typed_func::<i32, i32>("load").unwrap();
    let load_b = b.get_typed_func::<i32, i32>("load").unwrap();
    store_a.call((16, 42)).unwrap();
    assert_eq!(load_a.call(16).unwrap(), 42);
    assert_eq!(
        load_b.call(16).unwrap(),
        0,
        "instance b saw a's memory write"
    );

    let bump_a = a.get_typed_func::<(), i32>("bump").unwrap();
    let bump_b = b.get_typed_func::<(), i32>("bump").unwrap();
    assert_eq!(bump_a.call(()).unwrap(), 1);
    assert_eq!(bump_a.call(()).unwrap(), 2);
    assert_eq!(bump_b.call(()).unwrap(), 1, "instance b saw a's global");
}

#[test]
fn module_reports_imports_and_exports() {
    let m = module(
        r#"(module
             (import "env" "f" (func (param i32) (result i64)))
             (import "env" "m" (memory 1 2))
             (global (export "g") f64 (f64.const 1))
             (func (export "h")))"#,
    );
    let imports = m.imports();
    assert_eq!(imports.len(), 2);
    assert_eq!(
        (imports[0].module.as_str(), imports[0].name.as_str()),
        ("env", "f")
    );
    assert_eq!(
        imports[0].ty,
        ExternType::Func(FuncType::new([ValType::I32], [ValType::I64]))
    );
    assert_eq!(
        imports[1].ty,
        ExternType::Memory(MemoryType {
            min: 1,
            max: Some(2)
        })
    );
    let exports: Vec<String> = m.exports().into_iter().map(|e| e.name).collect();
    assert_eq!(exports, ["g", "h"]);
}

// ---------------------------------------------------------------------------
// Host functions
// ---------------------------------------------------------------------------

#[test]
fn host_closure_with_captured_state() {
    let engine = Engine::default();
    let m = Module::new(
        &engine,
        r#"(module
             (import "env" "add" (func $add (param i32 i32) (result i32)))
             (import "env" "scale" (func $scale (param f64) (result f64)))
             ;; sum of add(i, i) for i in 0..n, through the host every time
             (func (export "sum") (param $n i32) (result i32) (local $acc i32)
               (block $done
                 (loop $next
                   (br_if $done (i32.eqz (local.get $n)))
                   (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                   (local.set $acc
                     (i32.add (local.get $acc) (call $add (local.get $n) (local.get $n))))
                   (br $next)))
               (local.get $acc))
             (func (export "scaled") (param f64) (result f64) (call $scale (local.get 0))))"#,
    )
    .unwrap();

    let calls = Rc::new(Cell::new(0u32));
    let seen = calls.clone();
    let mut linker = Linker::new(&engine);
    linker.func_wrap("env", "add", move |a: i32, b: i32| -> i32 {
        seen.set(seen.get() + 1);
        a + b
    });
    // The dynamically typed flavour: arguments and results as `Val`s.
    let factor = 2.5;
    linker.func_new(
        "env",
        "scale",
        FuncType::new([ValType::F64], [ValType::F64]),
        move |args, results| {
            results[0] = Val::from_f64(args[0].unwrap_f64() * factor);
            Ok(())
        },
    );
    let inst = linker.instantiate(&m).unwrap();

    let sum = inst.get_typed_func::<i32, i32>("sum").unwrap();
    assert_eq!(sum.call(10).unwrap(), 90); // 2 * (0 + 1 + ... + 9)
    assert_eq!(calls.get(), 10);
    assert_eq!(sum.call(3).unwrap(), 6);
    assert_eq!(calls.get(), 13, "state captured by the closure persists");

    let scaled = inst.get_typed_func::<f64, f64>("scaled").unwrap();
    assert_eq!(scaled.call(4.0).unwrap(), 10.0);
}

#[test]
fn host_error_traps_the_wasm_caller() {
    let engine = Engine::default();
    let m = Module::new(
        &engine,
        r#"(module
             (import "env" "check" (func $check (param i32) (result i32)))
             (func (export "run") (param i32) (result i32)
               (i32.add (call $check (local.get 0)) (i32.const 1))))"#,
    )
    .unwrap();
    let mut linker = Linker::new(&engine);
    linker.func_wrap("env", "check", |x: i32| -> std::result::Result<i32, Trap> {
        if x < 0 {
            Err(Trap::host(format!("negative input {x}")))
        } else {
            Ok(x * 2)
        }
    });
    let inst = linker.instantiate(&m).unwrap();
    let run = inst.get_typed_func::<i32, i32>("run").unwrap();

    match run.call(-3) {
        Err(Error::Trap(trap)) => {
            assert_eq!(trap.code, TrapCode::HostError);
            assert_eq!(trap.host_message.as_deref(), Some("negative input -3"));
        }
        other => panic!("expected a host trap, got {other:?}"),
    }
    // The unwind through the wasm frame left the instance intact.
    assert_eq!(run.call(20).unwrap(), 41);
}

#[test]
fn host_func_created_with_func_new_and_wrap_outside_a_linker() {
    let engine = Engine::default();
    let m = Module::new(
        &engine,
        r#"(module
             (import "a" "neg" (func $neg (param i64) (result i64)))
             (import "a" "nop" (func $nop))
             (func (export "f") (param i64) (result i64) (call $nop) (call $neg (local.get 0))))"#,
    )
    .unwrap();
    let neg = Func::wrap(&engine, |x: i64| -x);
    assert_eq!(neg.ty(), FuncType::new([ValType::I64], [ValType::I64]));
    let nop = Func::new(&engine, FuncType::new([], []), |_, _| Ok(()));
    // Instance::new takes imports positionally, in the module's order.
    let inst = Instance::new(&m, &[neg.clone().into(), nop.into()]).unwrap();
    assert_eq!(
        inst.get_typed_func::<i64, i64>("f")
            .unwrap()
            .call(7)
            .unwrap(),
        -7
    );
    // Host functions are callable from the host too.
    assert_eq!(neg.call(&[Val::I64(5)]).unwrap(), vec![Val::I64(-5)]);
}

#[test]
fn instances_link_to_each_other() {
    let engine = Engine::default();
    let lib = Module::new(
        &engine,
        r#"(module (func (export "double") (param i32) (result i32)
                     (i32.mul (local.get 0) (i32.const 2))))"#,
    )
    .unwrap();
    let app = Module::new(
        &engine,
        r#"(module (import "lib" "double" (func $d (param i32) (result i32)))
                   (func (export "quad") (param i32) (result i32)
                     (call $d (call $d (local.get 0)))))"#,
    )
    .unwrap();
    let mut linker = Linker::new(&engine);
    let lib_inst = linker.instantiate(&lib).unwrap();
    linker.instance("lib", &lib_inst);
    let app_inst = linker.instantiate(&app).unwrap();
    let quad = app_inst.get_typed_func::<i32, i32>("quad").unwrap();
    assert_eq!(quad.call(5).unwrap(), 20);
}

// ---------------------------------------------------------------------------
// Calls: typed and dynamic
// ---------------------------------------------------------------------------

const MIXED: &str = r#"
(module
  (func (export "mix") (param i32 i64 f32 f64) (result f64)
    (f64.add
      (f64.add (f64.convert_i32_s (local.get 0)) (f64.convert_i64_s (local.get 1)))
      (f64.add (f64.promote_f32 (local.get 2)) (local.get 3))))
  (func (export "nothing")))
"#;

#[test]
fn typed_calls() {
    let inst = instance(MIXED);
    let mix = inst
        .get_typed_func::<(i32, i64, f32, f64), f64>("mix")
        .unwrap();
    assert_eq!(mix.call((1, -2, 0.5, 0.25)).unwrap(), -0.25);
    let nothing = inst.get_typed_func::<(), ()>("nothing").unwrap();
    nothing.call(()).unwrap();

    // The same through `Func::typed`.
    let f = inst.get_func("mix").unwrap();
    let mix2 = f.typed::<(i32, i64, f32, f64), f64>().unwrap();
    assert_eq!(mix2.call((10, 20, 0.0, 0.0)).unwrap(), 30.0);

    // A typed view with the wrong signature is refused up front.
    let wrong = expect_err(inst.get_typed_func::<(i32, i32), f64>("mix"), "typed");
    assert!(matches!(wrong, Error::Usage(_)), "{wrong:?}");
    let wrong = expect_err(f.typed::<(i32, i64, f32, f64), i32>(), "typed");
    assert!(matches!(wrong, Error::Usage(_)), "{wrong:?}");
    // Unknown exports are not functions.
    assert!(inst.get_func("missing").is_none());
    assert!(inst.get_typed_func::<(), ()>("missing").is_err());
}

#[test]
fn dynamic_calls_check_arity_and_types() {
    let inst = instance(MIXED);
    let mix = inst.get_func("mix").unwrap();
    let args = [
        Val::I32(1),
        Val::I64(2),
        Val::from_f32(3.0),
        Val::from_f64(4.0),
    ];
    assert_eq!(mix.call(&args).unwrap(), vec![Val::from_f64(10.0)]);

    let one_extra = [&args[..], &[Val::I32(0)]].concat();
    let bad_calls: [&[Val]; 4] = [
        &[],        // too few
        &args[..3], // one short
        &one_extra, // one extra
        &[
            Val::I64(1),
            Val::I64(2),
            Val::from_f32(3.0),
            Val::from_f64(4.0),
        ], // wrong type
    ];
    for bad in bad_calls {
        let err = expect_err(mix.call(bad), "bad dynamic call");
        assert!(matches!(err, Error::Usage(_)), "{bad:?}: {err:?}");
    }
    // Misuse did not disturb anything.
    assert_eq!(mix.call(&args).unwrap(), vec![Val::from_f64(10.0)]);
}

// ---------------------------------------------------------------------------
// Memories, globals, tables from the host
// ---------------------------------------------------------------------------

#[test]
fn memory_read_write_grow_from_the_host() {
    let inst = instance(
        r#"(module
             (memory (export "mem") 1 4)
             (func (export "load8") (param i32) (result i32) (i32.load8_u (local.get 0)))
             (func (export "store8") (param i32 i32) (i32.store8 (local.get 0) (local.get 1)))
             (func (export "size") (result i32) (memory.size)))"#,
    );
    let mem = inst.get_memory("mem").unwrap();
    let load8 = inst.get_typed_func::<i32, i32>("load8").unwrap();
    let store8 = inst.get_typed_func::<(i32, i32), ()>("store8").unwrap();
    let size = inst.get_typed_func::<(), i32>("size").unwrap();
    assert_eq!(mem.size(), 1);
    assert_eq!(mem.data_size(), 65536);

    // Host writes, wasm reads.
    mem.write(100, b"flint").unwrap();
    assert_eq!(load8.call(100).unwrap(), b'f' as i32);
    assert_eq!(load8.call(104).unwrap(), b't' as i32);
    // Wasm writes, host reads.
    store8.call((65535, 0xab)).unwrap();
    let mut byte = [0u8; 1];
    mem.read(65535, &mut byte).unwrap();
    assert_eq!(byte, [0xab]);

    // Host accesses out of bounds are errors, not crashes.
    assert!(mem.read(65535, &mut [0u8; 2]).is_err());
    assert!(mem.write(usize::MAX, b"x").is_err());
    // Before growing, page 1 is out of bounds for wasm too.
    assert_eq!(
        trap_code(store8.call((65536, 1)).unwrap_err()),
        TrapCode::MemoryOutOfBounds
    );

    // Growing from the host is visible to wasm (and vice versa, the new
    // pages are zeroed and accessible).
    assert_eq!(mem.grow(2).unwrap(), 1);
    assert_eq!(mem.size(), 3);
    assert_eq!(size.call(()).unwrap(), 3);
    assert_eq!(load8.call(3 * 65536 - 1).unwrap(), 0);
    store8.call((3 * 65536 - 1, 7)).unwrap();
    mem.read(3 * 65536 - 1, &mut byte).unwrap();
    assert_eq!(byte, [7]);
    // The old contents survived the grow.
    mem.read(100, &mut [0u8; 5]).unwrap();
    assert_eq!(load8.call(100).unwrap(), b'f' as i32);

    // Beyond the declared maximum (4 pages) growth fails and changes nothing.
    assert!(mem.grow(2).is_err());
    assert_eq!(mem.size(), 3);
    assert_eq!(mem.grow(1).unwrap(), 3);
}

#[test]
fn host_memory_imported_by_wasm() {
    let engine = Engine::default();
    let mem = Memory::new(&engine, MemoryType { min: 1, max: None }).unwrap();
    mem.write(8, &1234i32.to_le_bytes()).unwrap();
    let m = Module::new(
        &engine,
        r#"(module (import "env" "mem" (memory 1))
                   (func (export "get") (result i32) (i32.load (i32.const 8))))"#,
    )
    .unwrap();
    let inst = Instance::new(&m, &[mem.into()]).unwrap();
    assert_eq!(
        inst.get_typed_func::<(), i32>("get")
            .unwrap()
            .call(())
            .unwrap(),
        1234
    );
}

#[test]
fn globals_get_and_set() {
    let inst = instance(
        r#"(module
             (global $m (export "counter") (mut i64) (i64.const 5))
             (global (export "pi") f64 (f64.const 3.25))
             (func (export "read") (result i64) (global.get $m))
             (func (export "incr") (global.set $m (i64.add (global.get $m) (i64.const 1)))))"#,
    );
    let counter = inst.get_global("counter").unwrap();
    let pi = inst.get_global("pi").unwrap();
    let read = inst.get_typed_func::<(), i64>("read").unwrap();
    let incr = inst.get_typed_func::<(), ()>("incr").unwrap();

    assert_eq!(
        counter.ty(),
        GlobalType {
            content: ValType::I64,
            mutable: true
        }
    );
    assert_eq!(counter.get(), Val::I64(5));
    counter.set(Val::I64(100)).unwrap();
    assert_eq!(read.call(()).unwrap(), 100, "wasm sees the host's write");
    incr.call(()).unwrap();
    assert_eq!(counter.get(), Val::I64(101), "host sees wasm's write");

    // Wrong type and immutable globals are refused.
    assert!(matches!(counter.set(Val::I32(1)), Err(Error::Usage(_))));
    assert_eq!(pi.get(), Val::from_f64(3.25));
    assert!(matches!(pi.set(Val::from_f64(3.0)), Err(Error::Usage(_))));
    assert_eq!(pi.get(), Val::from_f64(3.25));

    // A host-created global, imported by wasm.
    let engine = Engine::default();
    let g = Global::new(
        &engine,
        GlobalType {
            content: ValType::I32,
            mutable: true,
        },
        Val::I32(-8),
    )
    .unwrap();
    let m = Module::new(
        &engine,
        r#"(module (import "env" "g" (global $g (mut i32)))
                   (func (export "double") (global.set $g (i32.mul (global.get $g) (i32.const 2)))))"#,
    )
    .unwrap();
    let inst = Instance::new(&m, &[g.clone().into()]).unwrap();
    inst.get_typed_func::<(), ()>("double")
        .unwrap()
        .call(())
        .unwrap();
    assert_eq!(g.get(), Val::I32(-16));
}

#[test]
fn tables_get_size_and_call_through() {
    let inst = instance(
        r#"(module
             (table (export "t") 3 funcref)
             (func $seven (result i32) (i32.const 7))
             (func $eight (result i32) (i32.const 8))
             (elem (i32.const 0) $seven $eight)
             (type $v_i (func (result i32)))
             (func (export "call") (param i32) (result i32)
               (call_indirect (type $v_i) (local.get 0))))"#,
    );
    let table = inst.get_table("t").unwrap();
    assert_eq!(table.size(), 3);
    assert_eq!(table.ty().min, 3);

    let Some(Val::FuncRef(Some(first))) = table.get(0) else {
        panic!("slot 0 holds a function")
    };
    assert_eq!(first.call(&[]).unwrap(), vec![Val::I32(7)]);
    assert_eq!(table.get(2), Some(Val::FuncRef(None)), "slot 2 is null");
    assert!(table.get(3).is_none(), "index 3 is out of bounds");

    // Host edits of the table are what call_indirect sees.
    let call = inst.get_typed_func::<i32, i32>("call").unwrap();
    assert_eq!(call.call(1).unwrap(), 8);
    assert_eq!(
        trap_code(call.call(2).unwrap_err()),
        TrapCode::UninitializedElement
    );
    table.set(2, Val::FuncRef(Some(first))).unwrap();
    assert_eq!(call.call(2).unwrap(), 7);
    assert!(table.set(3, Val::FuncRef(None)).is_err());
    assert!(
        table.set(0, Val::I32(1)).is_err(),
        "a funcref table holds funcrefs"
    );
}

// ---------------------------------------------------------------------------
// Traps
// ---------------------------------------------------------------------------

const TRAPS: &str = r#"
(module
  (memory 1)
  (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
  (func (export "store") (param i32) (i32.store (local.get 0) (i32.const 1)))
  (func (export "boom") (unreachable))
  (func $deep (export "deep") (param i32) (result i32)
    (if (result i32) (i32.eqz (local.get 0))
      (then (i32.const 0))
      (else (i32.add (i32.const 1) (call $deep (i32.sub (local.get 0) (i32.const 1))))))))
"#;

#[test]
fn traps_leave_the_instance_usable() {
    on_big_stack(|| {
        let inst = instance(TRAPS);
        let div = inst.get_typed_func::<(i32, i32), i32>("div").unwrap();
        let store = inst.get_typed_func::<i32, ()>("store").unwrap();
        let boom = inst.get_typed_func::<(), ()>("boom").unwrap();
        let deep = inst.get_typed_func::<i32, i32>("deep").unwrap();

        // Each trap is followed by a call that must work on the same instance:
        // the trap handler has to leave the stack, registers and vmctx sane.
        let err = div.call((1, 0)).unwrap_err();
        assert_eq!(err.to_string(), "wasm trap: integer divide by zero");
        assert_eq!(trap_code(err), TrapCode::IntegerDivideByZero);
        assert_eq!(div.call((7, 2)).unwrap(), 3);

        assert_eq!(
            trap_code(div.call((i32::MIN, -1)).unwrap_err()),
            TrapCode::IntegerOverflow
        );
        assert_eq!(div.call((-9, 3)).unwrap(), -3);

        for addr in [65536, 65533, -1] {
            assert_eq!(
                trap_code(store.call(addr).unwrap_err()),
                TrapCode::MemoryOutOfBounds,
                "store at {addr}"
            );
        }
        store.call(65532).unwrap();

        assert_eq!(trap_code(boom.call(()).unwrap_err()), TrapCode::Unreachable);
        assert_eq!(div.call((8, 4)).unwrap(), 2);

        assert_eq!(deep.call(1000).unwrap(), 1000);
        let err = deep.call(100_000_000).unwrap_err();
        assert_eq!(trap_code(err), TrapCode::StackOverflow);
        // The stack limit is restored: moderate recursion still works, and
        // overflowing twice behaves the same as once.
        assert_eq!(deep.call(1000).unwrap(), 1000);
        assert_eq!(
            trap_code(deep.call(100_000_000).unwrap_err()),
            TrapCode::StackOverflow
        );
        assert_eq!(deep.call(10).unwrap(), 10);
    });
}

#[test]
fn smaller_wasm_stack_limit_overflows_sooner() {
    on_big_stack(|| {
        let mut config = Config::default();
        config.max_wasm_stack(64 << 10);
        let engine = Engine::new(&config).unwrap();
        let inst = Instance::new(&Module::new(&engine, TRAPS).unwrap(), &[]).unwrap();
        let deep = inst.get_typed_func::<i32, i32>("deep").unwrap();
        assert_eq!(deep.call(100).unwrap(), 100);
        // Every frame takes at least 16 bytes (return address + frame
        // pointer), so 64 KiB cannot hold 100 000 of them.
        assert_eq!(
            trap_code(deep.call(100_000).unwrap_err()),
            TrapCode::StackOverflow
        );
        assert_eq!(deep.call(100).unwrap(), 100);
    });
}

#[test]
fn trapping_start_function_fails_instantiation() {
    let m = module(
        r#"(module
             (func $start (drop (i32.div_u (i32.const 1) (i32.const 0))))
             (start $start))"#,
    );
    let err = expect_err(Instance::new(&m, &[]), "start trap");
    assert_eq!(trap_code(err), TrapCode::IntegerDivideByZero);
    // A failed instantiation does not poison the module.
    let err = expect_err(Instance::new(&m, &[]), "start trap again");
    assert_eq!(trap_code(err), TrapCode::IntegerDivideByZero);

    // A start function that runs fine has its effects visible afterwards.
    let inst = instance(
        r#"(module
             (global $g (export "g") (mut i32) (i32.const 0))
             (func $start (global.set $g (i32.const 99)))
             (start $start))"#,
    );
    assert_eq!(inst.get_global("g").unwrap().get(), Val::I32(99));
}

#[test]
fn segment_out_of_bounds_fails_instantiation() {
    // As in the spec testsuite, a segment that does not fit traps.
    let m = module(r#"(module (memory 1) (data (i32.const 65535) "ab"))"#);
    let err = expect_err(Instance::new(&m, &[]), "data segment");
    assert_eq!(trap_code(err), TrapCode::MemoryOutOfBounds);

    let m = module(r#"(module (table 1 funcref) (func $f) (elem (i32.const 1) $f))"#);
    let err = expect_err(Instance::new(&m, &[]), "elem segment");
    assert_eq!(trap_code(err), TrapCode::TableAccessOutOfBounds);
}

// ---------------------------------------------------------------------------
// Threads
// ---------------------------------------------------------------------------

#[test]
fn module_and_engine_are_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Module>();
    assert_send_sync::<Engine>();
}

#[test]
fn threads_share_one_compiled_module() {
    let module = module(
        r#"(module
             (memory 1)
             (func $fib (export "fib") (param i32) (result i32)
               (if (result i32) (i32.lt_u (local.get 0) (i32.const 2))
                 (then (local.get 0))
                 (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                                (call $fib (i32.sub (local.get 0) (i32.const 2)))))))
             (func (export "poke") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
             (func (export "peek") (param i32) (result i32) (i32.load (local.get 0)))
             (func (export "div0") (result i32) (i32.div_u (i32.const 1) (i32.const 0))))"#,
    );

    let threads: Vec<_> = (0..4)
        .map(|id| {
            let module = module.clone();
            std::thread::Builder::new()
                .stack_size(8 << 20)
                .spawn(move || {
                    // Instances are per thread; only the module is shared.
                    let inst = Instance::new(&module, &[]).unwrap();
                    let fib = inst.get_typed_func::<i32, i32>("fib").unwrap();
                    let poke = inst.get_typed_func::<(i32, i32), ()>("poke").unwrap();
                    let peek = inst.get_typed_func::<i32, i32>("peek").unwrap();
                    let div0 = inst.get_typed_func::<(), i32>("div0").unwrap();
                    for round in 0..20 {
                        poke.call((0, id * 1000 + round)).unwrap();
                        if id == 3 {
                            // One thread keeps trapping while the others run:
                            // trap handling must be per thread.
                            assert_eq!(
                                trap_code(div0.call(()).unwrap_err()),
                                TrapCode::IntegerDivideByZero
                            );
                        }
                        assert_eq!(fib.call(15).unwrap(), 610);
                        assert_eq!(peek.call(0).unwrap(), id * 1000 + round);
                    }
                })
                .unwrap()
        })
        .collect();
    for t in threads {
        t.join().expect("a worker thread failed");
    }
}

// ---------------------------------------------------------------------------
// Bad input: errors, never panics
// ---------------------------------------------------------------------------

/// A tiny deterministic PRNG (xorshift64*), so failures reproduce without
/// a `rand` dependency.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn bytes(&mut self, len: usize) -> Vec<u8> {
        (0..len).map(|_| self.next() as u8).collect()
    }
}

/// A valid binary module to mutilate: it has types, imports, a memory, a
/// global, exports, a start function and code, so truncations and bit
/// flips land in every kind of section.
fn sample_binary() -> Vec<u8> {
    wat::parse_str(
        r#"(module
             (import "env" "f" (func $f (param i32)))
             (memory 1)
             (global $g (mut i32) (i32.const 3))
             (func $main (export "main") (param i32) (result i32)
               (block (result i32)
                 (loop
                   (br_if 1 (i32.eqz (local.get 0)) (i32.const 5))
                   (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
                   (br 0))
                 (i32.const 0)))
             (func $s (call $f (global.get $g)))
             (start $s)
             (data (i32.const 0) "hello"))"#,
    )
    .unwrap()
}

/// Compiles `bytes`, requiring that the engine does not panic, and that if
/// the module compiles it can also be instantiated or refused cleanly.
fn compile_must_not_panic(engine: &Engine, bytes: &[u8], what: &str) -> Result<Module> {
    let result =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| Module::new(engine, bytes)));
    match result {
        Ok(r) => r,
        Err(_) => panic!("Module::new panicked on {what}: {bytes:02x?}"),
    }
}

#[test]
fn garbage_is_an_invalid_module_error() {
    let engine = Engine::default();
    let mut rng = XorShift(0x5eed_f11e_c0de_0001);
    let header = b"\0asm\x01\0\0\0";

    let mut inputs: Vec<(String, Vec<u8>)> = vec![
        ("magic only".into(), b"\0asm".to_vec()),
        ("wrong version".into(), b"\0asm\x02\0\0\0".to_vec()),
        ("bad magic".into(), b"\0wasm\x01\0\0\0".to_vec()),
        (
            "unknown section".into(),
            [&header[..], &[0x7f, 0x00]].concat(),
        ),
        (
            "section too long".into(),
            [&header[..], &[0x01, 0xff, 0xff, 0xff, 0xff, 0x0f]].concat(),
        ),
        ("not wat".into(), b"(module (func (result i32)))".to_vec()),
        ("half wat".into(), b"(module (func".to_vec()),
        ("text".into(), b"hello, world".to_vec()),
    ];
    for i in 0..24 {
        // Non-empty: empty input is valid (empty) wat text.
        let len = 1 + rng.below(64);
        inputs.push((format!("random #{i}"), rng.bytes(len)));
        let len = rng.below(48);
        inputs.push((
            format!("header + random #{i}"),
            [&header[..], &rng.bytes(len)].concat(),
        ));
    }

    for (what, bytes) in &inputs {
        match compile_must_not_panic(&engine, bytes, what) {
            Err(Error::InvalidModule { offset, message }) => {
                assert!(!message.is_empty(), "{what}: empty message");
                assert!(
                    offset <= bytes.len().max(8),
                    "{what}: offset {offset} past the end"
                );
            }
            Err(other) => panic!("{what}: expected InvalidModule, got {other:?}"),
            Ok(_) => panic!("{what}: garbage was accepted as a module: {bytes:02x?}"),
        }
    }
}

#[test]
fn truncated_and_corrupted_modules_never_panic() {
    let engine = Engine::default();
    let sample = sample_binary();
    assert!(
        Module::new(&engine, &sample).is_ok(),
        "the sample itself is valid"
    );

    // Every proper prefix of a valid module is malformed, except those
    // that end exactly at a section boundary before the function section
    // (a module may stop after any section as long as the function and
    // code sections agree).
    let mut rejected = 0;
    for len in 0..sample.len() {
        let what = format!("prefix of {len} bytes");
        match compile_must_not_panic(&engine, &sample[..len], &what) {
            Err(Error::InvalidModule { .. }) => rejected += 1,
            Err(other) => panic!("{what}: expected InvalidModule, got {other:?}"),
            Ok(_) => {}
        }
    }
    assert!(
        rejected + 8 >= sample.len(),
        "only {rejected} of {} prefixes were rejected",
        sample.len()
    );

    // Random corruptions may or may not stay valid; either way the engine
    // must answer, and a module it accepts must instantiate or fail cleanly.
    let mut rng = XorShift(0xdead_beef_0bad_f00d);
    let host_f = Func::wrap(&engine, |_: i32| {});
    for i in 0..200 {
        let mut bytes = sample.clone();
        for _ in 0..1 + rng.below(3) {
            let at = 8 + rng.below(bytes.len() - 8); // keep the header
            bytes[at] = match rng.below(3) {
                0 => bytes[at] ^ (1 << rng.below(8)),
                1 => rng.next() as u8,
                _ => 0xff,
            };
        }
        let what = format!("corruption #{i}");
        match compile_must_not_panic(&engine, &bytes, &what) {
            Err(Error::InvalidModule { .. }) => {}
            Err(other) => panic!("{what}: expected InvalidModule, got {other:?}"),
            Ok(m) => {
                // Whatever it became, instantiating reports rather than
                // panics (a link error if the import's type was changed).
                let imports: Vec<Extern> = m
                    .imports()
                    .iter()
                    .filter(|i| matches!(i.ty, ExternType::Func(_)))
                    .map(|_| host_f.clone().into())
                    .collect();
                let _ = Instance::new(&m, &imports);
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Linking
// ---------------------------------------------------------------------------

#[test]
fn missing_and_mismatched_imports_are_link_errors() {
    let engine = Engine::default();
    let m = Module::new(
        &engine,
        r#"(module
             (import "env" "f" (func (param i32) (result i32)))
             (func (export "g") (result i32) (call 0 (i32.const 1))))"#,
    )
    .unwrap();
    let is_link = |r: Result<Instance>, what: &str| {
        let err = expect_err(r, what);
        assert!(matches!(err, Error::Link(_)), "{what}: {err:?}");
    };

    // Nothing defined.
    is_link(Linker::new(&engine).instantiate(&m), "missing import");
    is_link(Instance::new(&m, &[]), "no positional imports");

    // Right name, wrong function type.
    let mut linker = Linker::new(&engine);
    linker.func_wrap("env", "f", |x: i64| x);
    is_link(linker.instantiate(&m), "wrong param type");
    let mut linker = Linker::new(&engine);
    linker.func_wrap("env", "f", |_: i32| {});
    is_link(linker.instantiate(&m), "missing result");

    // Right name, wrong kind of extern.
    let g = Global::new(
        &engine,
        GlobalType {
            content: ValType::I32,
            mutable: false,
        },
        Val::I32(0),
    )
    .unwrap();
    let mut linker = Linker::new(&engine);
    linker.define("env", "f", g.clone());
    is_link(linker.instantiate(&m), "global for a function");
    is_link(
        Instance::new(&m, &[g.into()]),
        "positional global for a function",
    );

    // Too many positional imports.
    let ok = Func::wrap(&engine, |x: i32| x + 1);
    is_link(
        Instance::new(&m, &[ok.clone().into(), ok.clone().into()]),
        "extra import",
    );

    // And the right one links and runs.
    let inst = Instance::new(&m, &[ok.into()]).unwrap();
    assert_eq!(
        inst.get_typed_func::<(), i32>("g")
            .unwrap()
            .call(())
            .unwrap(),
        2
    );

    // Memories and globals are checked too: too small, mutability differs.
    let m = Module::new(
        &engine,
        r#"(module (import "env" "mem" (memory 2))
                   (import "env" "g" (global (mut i32))))"#,
    )
    .unwrap();
    let small = Memory::new(&engine, MemoryType { min: 1, max: None }).unwrap();
    let big = Memory::new(&engine, MemoryType { min: 2, max: None }).unwrap();
    let immutable = Global::new(
        &engine,
        GlobalType {
            content: ValType::I32,
            mutable: false,
        },
        Val::I32(0),
    )
    .unwrap();
    let mutable = Global::new(
        &engine,
        GlobalType {
            content: ValType::I32,
            mutable: true,
        },
        Val::I32(0),
    )
    .unwrap();
    is_link(
        Instance::new(&m, &[small.into(), mutable.clone().into()]),
        "memory too small",
    );
    is_link(
        Instance::new(&m, &[big.clone().into(), immutable.into()]),
        "global mutability",
    );
    assert!(Instance::new(&m, &[big.into(), mutable.into()]).is_ok());
}

// ---------------------------------------------------------------------------
// Multi-value
// ---------------------------------------------------------------------------

#[test]
fn multi_value_across_the_host_boundary() {
    let engine = Engine::default();
    let m = Module::new(
        &engine,
        r#"(module
             (import "env" "divmod" (func $divmod (param i64 i64) (result i64 i64)))
             ;; Several results of mixed classes, more than the registers a
             ;; label keeps, from wasm to the host.
             (func (export "spread") (param i32) (result i32 i64 f32 f64 i32 i32 i32 i32 i32 i32 i32 i32)
               (local.get 0) (i64.extend_i32_s (local.get 0))
               (f32.convert_i32_s (local.get 0)) (f64.convert_i32_s (local.get 0))
               (i32.add (local.get 0) (i32.const 1)) (i32.add (local.get 0) (i32.const 2))
               (i32.add (local.get 0) (i32.const 3)) (i32.add (local.get 0) (i32.const 4))
               (i32.add (local.get 0) (i32.const 5)) (i32.add (local.get 0) (i32.const 6))
               (i32.add (local.get 0) (i32.const 7)) (i32.add (local.get 0) (i32.const 8)))
             ;; A host function with two results, called from wasm, its
             ;; results swapped by a multi-value block.
             (func (export "modiv") (param i64 i64) (result i64 i64)
               (call $divmod (local.get 0) (local.get 1))
               (block (param i64 i64) (result i64 i64)
                 (local.set 0) (local.set 1) (local.get 0) (local.get 1))))"#,
    )
    .unwrap();
    let mut linker = Linker::new(&engine);
    linker.func_wrap("env", "divmod", |a: i64, b: i64| -> (i64, i64) {
        (a / b, a % b)
    });
    let inst = linker.instantiate(&m).unwrap();

    let spread = inst.get_func("spread").unwrap();
    let got = spread.call(&[Val::I32(10)]).unwrap();
    let mut want = vec![
        Val::I32(10),
        Val::I64(10),
        Val::from_f32(10.0),
        Val::from_f64(10.0),
    ];
    want.extend((11..=18).map(Val::I32));
    assert_eq!(got, want);

    let modiv = inst
        .get_typed_func::<(i64, i64), (i64, i64)>("modiv")
        .unwrap();
    assert_eq!(modiv.call((17, 5)).unwrap(), (2, 3));
    assert_eq!(modiv.call((-17, 5)).unwrap(), (-2, -3));
}

// ---------------------------------------------------------------------------
// Reference types
// ---------------------------------------------------------------------------

#[test]
fn externref_round_trips_through_a_table() {
    let inst = instance(
        r#"(module
             (table $t (export "t") 4 externref)
             (func (export "store") (param i32 externref)
               (table.set $t (local.get 0) (local.get 1)))
             (func (export "load") (param i32) (result externref)
               (table.get $t (local.get 0)))
             (func (export "is_null") (param externref) (result i32)
               (ref.is_null (local.get 0))))"#,
    );
    let store = inst.get_func("store").unwrap();
    let load = inst.get_func("load").unwrap();
    let is_null = inst.get_func("is_null").unwrap();

    // A host value goes in, is stored in a table by wasm, and comes back
    // as the very same reference, payload intact.
    let token = ExternRef::new(String::from("host state"));
    store
        .call(&[Val::I32(2), Val::ExternRef(Some(token.clone()))])
        .unwrap();
    drop(store);
    let back = load.call(&[Val::I32(2)]).unwrap();
    let [Val::ExternRef(Some(got))] = &back[..] else {
        panic!("expected an externref, got {back:?}")
    };
    assert!(
        ExternRef::ptr_eq(got, &token),
        "the same reference comes back"
    );
    assert_eq!(got.data().downcast_ref::<String>().unwrap(), "host state");

    // The table holds it: the host's handle can go, the value stays.
    drop(token);
    let again = inst.get_table("t").unwrap().get(2).unwrap();
    let Val::ExternRef(Some(again)) = again else {
        panic!("slot 2 holds the reference")
    };
    assert_eq!(again.data().downcast_ref::<String>().unwrap(), "host state");

    // Null is null on both sides; untouched slots are null.
    assert_eq!(
        load.call(&[Val::I32(0)]).unwrap(),
        vec![Val::ExternRef(None)]
    );
    assert_eq!(
        is_null.call(&[Val::ExternRef(None)]).unwrap(),
        vec![Val::I32(1)]
    );
    assert_eq!(
        is_null.call(&[Val::ExternRef(Some(again))]).unwrap(),
        vec![Val::I32(0)]
    );
    // Out of bounds is a trap, as in the spec.
    assert_eq!(
        trap_code(load.call(&[Val::I32(4)]).unwrap_err()),
        TrapCode::TableAccessOutOfBounds
    );
}

#[test]
fn funcrefs_cross_the_host_boundary() {
    let engine = Engine::default();
    let m = Module::new(
        &engine,
        r#"(module
             (type $i_i (func (param i32) (result i32)))
             (table $t 2 funcref)
             (func $double (export "double") (type $i_i) (i32.mul (local.get 0) (i32.const 2)))
             (elem declare func $double)
             (func (export "get_double") (result funcref) (ref.func $double))
             (func (export "apply") (param funcref i32) (result i32)
               (table.set $t (i32.const 0) (local.get 0))
               (call_indirect $t (type $i_i) (local.get 1) (i32.const 0))))"#,
    )
    .unwrap();
    let inst = Instance::new(&m, &[]).unwrap();
    // A funcref from wasm is the exported function itself.
    let got = inst.get_func("get_double").unwrap().call(&[]).unwrap();
    let [Val::FuncRef(Some(f))] = &got[..] else {
        panic!("expected a funcref, got {got:?}")
    };
    assert!(Func::ptr_eq(f, &inst.get_func("double").unwrap()));
    assert_eq!(f.call(&[Val::I32(21)]).unwrap(), vec![Val::I32(42)]);
    // A host function passed in as a funcref is callable through a table.
    let add_one = Func::wrap(&engine, |x: i32| x + 1);
    let apply = inst.get_func("apply").unwrap();
    let r = apply
        .call(&[Val::FuncRef(Some(add_one)), Val::I32(41)])
        .unwrap();
    assert_eq!(r, vec![Val::I32(42)]);
}

/// A funcref may come from a module compiled by another engine. Signature
/// ids are process-wide, so `call_indirect` checks its type as for any
/// other function: right type called, wrong type trapped. (With ids per
/// engine, both engines below would give their first type id 0, and the
/// `() -> i64` function would have passed as an `i32 -> i32` one.)
#[test]
fn funcrefs_from_another_engine_are_type_checked() {
    let other = Engine::default();
    let other_module = Module::new(
        &other,
        r#"(module
             (func (export "seven") (result i64) (i64.const 7))
             (func (export "inc") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1))))"#,
    )
    .unwrap();
    let other_inst = Instance::new(&other_module, &[]).unwrap();
    let engine = Engine::default();
    let m = Module::new(
        &engine,
        r#"(module
             (type $i_i (func (param i32) (result i32)))
             (table $t 1 funcref)
             (func (export "apply") (param funcref i32) (result i32)
               (table.set $t (i32.const 0) (local.get 0))
               (call_indirect $t (type $i_i) (local.get 1) (i32.const 0))))"#,
    )
    .unwrap();
    let apply = Instance::new(&m, &[]).unwrap().get_func("apply").unwrap();
    let inc = other_inst.get_func("inc").unwrap();
    assert_eq!(
        apply
            .call(&[Val::FuncRef(Some(inc)), Val::I32(41)])
            .unwrap(),
        vec![Val::I32(42)]
    );
    let seven = other_inst.get_func("seven").unwrap();
    let err = expect_err(
        apply.call(&[Val::FuncRef(Some(seven)), Val::I32(41)]),
        "calling () -> i64 as i32 -> i32",
    );
    assert_eq!(trap_code(err), TrapCode::IndirectCallTypeMismatch);
}

#[test]
fn host_functions_see_the_calling_instance_memory() {
    let engine = Engine::default();
    let m = Module::new(
        &engine,
        r#"(module
             (import "host" "sum_bytes" (func $sum (param i32 i32) (result i32)))
             (memory (export "mem") 1)
             (data (i32.const 100) "\01\02\03\04\05")
             (func (export "run") (result i32) (call $sum (i32.const 100) (i32.const 5))))"#,
    )
    .unwrap();
    let ty = FuncType::new([ValType::I32, ValType::I32], [ValType::I32]);
    let sum = Func::new_with_caller(&engine, ty, |caller, args, results| {
        let memory = caller.memory().ok_or_else(|| Trap::host("no memory"))?;
        let (ptr, len) = (args[0].unwrap_i32() as usize, args[1].unwrap_i32() as usize);
        let mut buf = vec![0u8; len];
        memory
            .read(ptr, &mut buf)
            .map_err(|e| Trap::host(e.to_string()))?;
        // Write back, to show the access is the caller's own memory.
        memory
            .write(0, &[0xAA])
            .map_err(|e| Trap::host(e.to_string()))?;
        results[0] = Val::I32(buf.iter().map(|&b| b as i32).sum());
        Ok(())
    });
    let mut linker = Linker::new(&engine);
    linker.define("host", "sum_bytes", sum.clone());
    let a = linker.instantiate(&m).unwrap();
    let b = linker.instantiate(&m).unwrap();
    assert_eq!(
        a.get_typed_func::<(), i32>("run")
            .unwrap()
            .call(())
            .unwrap(),
        15
    );
    let mut first = [0u8];
    a.get_memory("mem").unwrap().read(0, &mut first).unwrap();
    assert_eq!(first, [0xAA]);
    // The other instance's memory was not touched by the first call.
    b.get_memory("mem").unwrap().read(0, &mut first).unwrap();
    assert_eq!(first, [0]);
    // Called from the host directly, there is no calling instance.
    let err = sum.call(&[Val::I32(0), Val::I32(1)]).unwrap_err();
    assert!(matches!(err, Error::Trap(_)), "{err:?}");
}

// ---------------------------------------------------------------------------
// Resource limits
// ---------------------------------------------------------------------------

#[test]
fn memory_limit_per_instance() {
    let mut config = Config::new();
    config.max_memory_pages(4);
    let engine = Engine::new(&config).unwrap();
    let grows = Module::new(
        &engine,
        r#"(module (memory 1)
             (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))"#,
    )
    .unwrap();
    let inst = Instance::new(&grows, &[]).unwrap();
    let grow = inst.get_typed_func::<i32, i32>("grow").unwrap();
    // Up to the limit works; past it memory.grow fails like at a declared
    // maximum (-1), without trapping.
    assert_eq!(grow.call(3).unwrap(), 1);
    assert_eq!(grow.call(1).unwrap(), -1);
    assert_eq!(grow.call(0).unwrap(), 4);
    // A declared minimum over the limit cannot be instantiated at all.
    let big = Module::new(&engine, "(module (memory 5))").unwrap();
    let err = expect_err(Instance::new(&big, &[]), "instantiate over the limit");
    assert!(
        matches!(&err, Error::Instantiation(m) if m.contains("limit of 4 pages")),
        "{err:?}"
    );
    // The default engine has the full 4 GiB range.
    let inst = Instance::new(&module(r#"(module (memory 5))"#), &[]);
    assert!(inst.is_ok());
}

#[test]
fn compiled_code_size_limit() {
    // Enough code that a 4 KiB budget is exceeded, whatever the ISA.
    let body = "(local.get 0) (i32.const 3) (i32.mul) (local.set 0) ".repeat(400);
    let wat = format!("(module (func (param i32) {body}))");
    let mut config = Config::new();
    config.max_code_size(4096);
    let err = expect_err(
        Module::new(&Engine::new(&config).unwrap(), &wat),
        "over the code budget",
    );
    assert!(
        matches!(&err, Error::InvalidModule { message, .. } if message.contains("4096 bytes")),
        "{err:?}"
    );
    assert!(Module::new(&Engine::default(), &wat).is_ok());
}

#[test]
fn table_elements_are_limited_per_instance() {
    let mut config = Config::new();
    config.max_table_elements(100);
    let engine = Engine::new(&config).unwrap();
    let m = Module::new(
        &engine,
        r#"(module
             (table $a (export "a") 10 funcref)
             (table $b 20 externref)
             (func (export "grow_a") (param i32) (result i32)
               (table.grow $a (ref.null func) (local.get 0)))
             (func (export "grow_b") (param i32) (result i32)
               (table.grow $b (ref.null extern) (local.get 0))))"#,
    )
    .unwrap();
    let inst = Instance::new(&m, &[]).unwrap();
    let grow_a = inst.get_typed_func::<i32, i32>("grow_a").unwrap();
    let grow_b = inst.get_typed_func::<i32, i32>("grow_b").unwrap();
    // 30 of 100 elements taken; the rest is shared by both tables. Past the
    // limit table.grow fails like at a declared maximum (-1), without
    // trapping and without changing the table.
    assert_eq!(grow_a.call(71).unwrap(), -1);
    assert_eq!(grow_a.call(40).unwrap(), 10);
    assert_eq!(grow_b.call(31).unwrap(), -1);
    assert_eq!(grow_b.call(30).unwrap(), 20);
    assert_eq!(grow_b.call(1).unwrap(), -1);
    assert_eq!(grow_b.call(0).unwrap(), 50);
    // The host growing the instance's table counts too.
    let a = inst.get_table("a").unwrap();
    assert_eq!(a.size(), 50);
    assert!(a.grow(1, Val::FuncRef(None)).is_err());
    assert_eq!(a.size(), 50);

    // Declared minimums over the limit in all cannot be instantiated, even
    // when each table alone would fit.
    let big = Module::new(&engine, "(module (table 60 funcref) (table 41 externref))").unwrap();
    let err = expect_err(Instance::new(&big, &[]), "tables over the limit");
    assert!(
        matches!(&err, Error::Instantiation(m) if m.contains("101") && m.contains("limit of 100")),
        "{err:?}"
    );
    // The default limit is 10 million elements: 12 million fail (before
    // anything is allocated), one table of 6 million is fine.
    let default = Engine::default();
    let big = Module::new(
        &default,
        "(module (table 6000000 funcref) (table 6000000 funcref))",
    )
    .unwrap();
    let err = expect_err(Instance::new(&big, &[]), "12 million elements");
    assert!(
        matches!(&err, Error::Instantiation(m) if m.contains("limit of 10000000")),
        "{err:?}"
    );
    let one = Module::new(&default, "(module (table (export \"t\") 6000000 funcref))").unwrap();
    let inst = Instance::new(&one, &[]).unwrap();
    assert_eq!(inst.get_table("t").unwrap().size(), 6_000_000);

    // A table the host creates has the limit on its own.
    let ty = |min| TableType {
        element: ValType::FuncRef,
        min,
        max: None,
    };
    assert!(Table::new(&engine, ty(101), Val::FuncRef(None)).is_err());
    let t = Table::new(&engine, ty(100), Val::FuncRef(None)).unwrap();
    assert!(t.grow(1, Val::FuncRef(None)).is_err());
    let t = Table::new(&engine, ty(90), Val::FuncRef(None)).unwrap();
    assert_eq!(t.grow(10, Val::FuncRef(None)).unwrap(), 90);
    assert!(t.grow(1, Val::FuncRef(None)).is_err());
}

#[test]
fn table_copy_between_and_within_tables() {
    // table.copy works in place (no temporary the size of the copy); the
    // overlapping and cross-table cases keep the spec's semantics.
    let inst = instance(
        r#"(module
             (table $a (export "a") 6 externref)
             (table $b (export "b") 6 externref)
             (func (export "copy_aa") (param i32 i32 i32)
               (table.copy $a $a (local.get 0) (local.get 1) (local.get 2)))
             (func (export "copy_ba") (param i32 i32 i32)
               (table.copy $b $a (local.get 0) (local.get 1) (local.get 2))))"#,
    );
    let a = inst.get_table("a").unwrap();
    let b = inst.get_table("b").unwrap();
    let refs: Vec<ExternRef> = (0..6).map(ExternRef::new).collect();
    for (i, r) in refs.iter().enumerate() {
        a.set(i as u32, Val::ExternRef(Some(r.clone()))).unwrap();
    }
    let which = |t: &Table| -> Vec<Option<usize>> {
        (0..6)
            .map(|i| match t.get(i).unwrap() {
                Val::ExternRef(Some(r)) => refs.iter().position(|x| ExternRef::ptr_eq(x, &r)),
                _ => None,
            })
            .collect()
    };
    let copy_aa = inst
        .get_typed_func::<(i32, i32, i32), ()>("copy_aa")
        .unwrap();
    let copy_ba = inst
        .get_typed_func::<(i32, i32, i32), ()>("copy_ba")
        .unwrap();
    // Overlapping, forwards and backwards.
    copy_aa.call((1, 0, 3)).unwrap();
    assert_eq!(
        which(&a),
        [Some(0), Some(0), Some(1), Some(2), Some(4), Some(5)]
    );
    copy_aa.call((0, 2, 4)).unwrap();
    assert_eq!(
        which(&a),
        [Some(1), Some(2), Some(4), Some(5), Some(4), Some(5)]
    );
    // Across tables; the references stay alive in the destination.
    copy_ba.call((3, 0, 3)).unwrap();
    assert_eq!(which(&b), [None, None, None, Some(1), Some(2), Some(4)]);
    // Out of bounds on either side traps and writes nothing.
    for (dst, src, len) in [(4, 0, 3), (0, 4, 3), (7, 0, 0), (0, 7, 0)] {
        let err = copy_ba.call((dst, src, len)).unwrap_err();
        assert_eq!(trap_code(err), TrapCode::TableAccessOutOfBounds);
        let err = copy_aa.call((dst, src, len)).unwrap_err();
        assert_eq!(trap_code(err), TrapCode::TableAccessOutOfBounds);
    }
    assert_eq!(which(&b), [None, None, None, Some(1), Some(2), Some(4)]);
    assert_eq!(
        which(&a),
        [Some(1), Some(2), Some(4), Some(5), Some(4), Some(5)]
    );
    // Length 0 at the very end is in bounds.
    copy_ba.call((6, 6, 0)).unwrap();
}

#[test]
fn host_table_limits_are_checked_like_memory_limits() {
    let engine = Engine::default();
    let ty = TableType {
        element: ValType::FuncRef,
        min: 5,
        max: Some(2),
    };
    let err = expect_err(Table::new(&engine, ty, Val::FuncRef(None)), "min > max");
    assert!(matches!(err, Error::Usage(_)), "{err:?}");
    let mem = MemoryType {
        min: 5,
        max: Some(2),
    };
    assert!(matches!(
        expect_err(Memory::new(&engine, mem), "memory min > max"),
        Error::Usage(_)
    ));
    // Equal is fine, and the maximum holds.
    let ty = TableType { max: Some(5), ..ty };
    let t = Table::new(&engine, ty, Val::FuncRef(None)).unwrap();
    assert_eq!(t.size(), 5);
    assert!(t.grow(1, Val::FuncRef(None)).is_err());
}

#[test]
fn host_function_results_of_the_wrong_type_are_an_error() {
    let engine = Engine::default();
    let liar = Func::new(
        &engine,
        FuncType::new([], [ValType::I32, ValType::I64]),
        |_, results| {
            results[0] = Val::I32(1);
            results[1] = Val::F32(0);
            Ok(())
        },
    );
    // Called from the host, directly and typed (which would otherwise read
    // an f32 as an i64), as from wasm: the same error.
    let expected = "host function returned f32 for a result of type i64";
    let host_message = |err: Error| match err {
        Error::Trap(t) => t.host_message.unwrap_or_default(),
        other => panic!("expected a trap, got {other:?}"),
    };
    assert_eq!(host_message(liar.call(&[]).unwrap_err()), expected);
    let typed = liar.typed::<(), (i32, i64)>().unwrap();
    assert_eq!(host_message(typed.call(()).unwrap_err()), expected);
    let m = Module::new(
        &engine,
        r#"(module (import "h" "liar" (func $l (result i32 i64)))
             (func (export "f") (result i32 i64) (call $l)))"#,
    )
    .unwrap();
    let inst = Instance::new(&m, &[liar.into()]).unwrap();
    let err = inst.get_func("f").unwrap().call(&[]).unwrap_err();
    assert_eq!(host_message(err), expected);

    // Results of the declared types pass.
    let honest = Func::new(&engine, FuncType::new([], [ValType::F32]), |_, r| {
        r[0] = Val::F32(0x3f80_0000);
        Ok(())
    });
    assert_eq!(honest.call(&[]).unwrap(), vec![Val::F32(0x3f80_0000)]);
}

#[test]
fn invalid_text_reports_the_text_error_with_its_position() {
    let engine = Engine::default();
    let text = "(module\n  (func (result i32)\n    i32.const oops))";
    let err = expect_err(Module::new(&engine, text), "bad wat");
    let Error::InvalidModule { message, offset } = &err else {
        panic!("expected InvalidModule, got {err:?}");
    };
    assert!(!message.contains("magic header"), "{message}");
    assert!(message.contains(":3:15"), "line 3, column 15: {message}");
    assert_eq!(*offset, text.find("oops").unwrap(), "{message}");
    // Binary input is still reported as binary.
    let err = expect_err(Module::new(&engine, b"\0wasm\x01\0\0\0"), "bad magic");
    assert!(
        matches!(&err, Error::InvalidModule { message, .. } if message.contains("magic header")),
        "{err:?}"
    );
}
