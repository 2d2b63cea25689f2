//! Traps seen through the API (the instance stays usable, the stack limit
//! is configurable, start functions and segments fail instantiation) and
//! threads sharing one compiled module.

use super::*;

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
