//! Traps seen through the API (the instance stays usable, the stack limit
//! is configurable, start functions and segments fail instantiation),
//! threads sharing one compiled module, and stores moving between threads.

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
        let (mut s, inst) = instance(TRAPS);
        let div = inst
            .get_typed_func::<(i32, i32), i32>(&mut s, "div")
            .unwrap();
        let store = inst.get_typed_func::<i32, ()>(&mut s, "store").unwrap();
        let boom = inst.get_typed_func::<(), ()>(&mut s, "boom").unwrap();
        let deep = inst.get_typed_func::<i32, i32>(&mut s, "deep").unwrap();

        // Each trap is followed by a call that must work on the same instance:
        // the trap handler has to leave the stack, registers and vmctx sane.
        let err = div.call(&mut s, (1, 0)).unwrap_err();
        assert_eq!(err.to_string(), "wasm trap: integer divide by zero");
        assert_eq!(trap_code(err), TrapCode::IntegerDivideByZero);
        assert_eq!(div.call(&mut s, (7, 2)).unwrap(), 3);

        assert_eq!(
            trap_code(div.call(&mut s, (i32::MIN, -1)).unwrap_err()),
            TrapCode::IntegerOverflow
        );
        assert_eq!(div.call(&mut s, (-9, 3)).unwrap(), -3);

        for addr in [65536, 65533, -1] {
            assert_eq!(
                trap_code(store.call(&mut s, addr).unwrap_err()),
                TrapCode::MemoryOutOfBounds,
                "store at {addr}"
            );
        }
        store.call(&mut s, 65532).unwrap();

        assert_eq!(
            trap_code(boom.call(&mut s, ()).unwrap_err()),
            TrapCode::Unreachable
        );
        assert_eq!(div.call(&mut s, (8, 4)).unwrap(), 2);

        assert_eq!(deep.call(&mut s, 1000).unwrap(), 1000);
        let err = deep.call(&mut s, 100_000_000).unwrap_err();
        assert_eq!(trap_code(err), TrapCode::StackOverflow);
        // The stack limit is restored: moderate recursion still works, and
        // overflowing twice behaves the same as once.
        assert_eq!(deep.call(&mut s, 1000).unwrap(), 1000);
        assert_eq!(
            trap_code(deep.call(&mut s, 100_000_000).unwrap_err()),
            TrapCode::StackOverflow
        );
        assert_eq!(deep.call(&mut s, 10).unwrap(), 10);
    });
}

#[test]
fn smaller_wasm_stack_limit_overflows_sooner() {
    on_big_stack(|| {
        let mut config = Config::default();
        config.max_wasm_stack(64 << 10);
        let engine = Engine::new(&config).unwrap();
        let mut s = Store::new(&engine, ());
        let inst = Instance::new(&mut s, &Module::new(&engine, TRAPS).unwrap(), &[]).unwrap();
        let deep = inst.get_typed_func::<i32, i32>(&mut s, "deep").unwrap();
        assert_eq!(deep.call(&mut s, 100).unwrap(), 100);
        // Every frame takes at least 16 bytes (return address + frame
        // pointer), so 64 KiB cannot hold 100 000 of them.
        assert_eq!(
            trap_code(deep.call(&mut s, 100_000).unwrap_err()),
            TrapCode::StackOverflow
        );
        assert_eq!(deep.call(&mut s, 100).unwrap(), 100);
    });
}

#[test]
fn trapping_start_function_fails_instantiation() {
    let m = module(
        r#"(module
             (func $start (drop (i32.div_u (i32.const 1) (i32.const 0))))
             (start $start))"#,
    );
    let mut s = Store::new(m.engine(), ());
    let err = expect_err(Instance::new(&mut s, &m, &[]), "start trap");
    assert_eq!(trap_code(err), TrapCode::IntegerDivideByZero);
    // A failed instantiation does not poison the module or the store.
    let err = expect_err(Instance::new(&mut s, &m, &[]), "start trap again");
    assert_eq!(trap_code(err), TrapCode::IntegerDivideByZero);

    // A start function that runs fine has its effects visible afterwards.
    let (mut s, inst) = instance(
        r#"(module
             (global $g (export "g") (mut i32) (i32.const 0))
             (func $start (global.set $g (i32.const 99)))
             (start $start))"#,
    );
    let g = inst.get_global(&mut s, "g").unwrap();
    assert_eq!(g.get(&s), Val::I32(99));
}

#[test]
fn segment_out_of_bounds_fails_instantiation() {
    // As in the spec testsuite, a segment that does not fit traps.
    let m = module(r#"(module (memory 1) (data (i32.const 65535) "ab"))"#);
    let mut s = Store::new(m.engine(), ());
    let err = expect_err(Instance::new(&mut s, &m, &[]), "data segment");
    assert_eq!(trap_code(err), TrapCode::MemoryOutOfBounds);

    let m = module(r#"(module (table 1 funcref) (func $f) (elem (i32.const 1) $f))"#);
    let mut s = Store::new(m.engine(), ());
    let err = expect_err(Instance::new(&mut s, &m, &[]), "elem segment");
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
                    // Stores are per thread; only the module is shared.
                    let mut s = Store::new(module.engine(), ());
                    let inst = Instance::new(&mut s, &module, &[]).unwrap();
                    let fib = inst.get_typed_func::<i32, i32>(&mut s, "fib").unwrap();
                    let poke = inst
                        .get_typed_func::<(i32, i32), ()>(&mut s, "poke")
                        .unwrap();
                    let peek = inst.get_typed_func::<i32, i32>(&mut s, "peek").unwrap();
                    let div0 = inst.get_typed_func::<(), i32>(&mut s, "div0").unwrap();
                    for round in 0..20 {
                        poke.call(&mut s, (0, id * 1000 + round)).unwrap();
                        if id == 3 {
                            // One thread keeps trapping while the others run:
                            // trap handling must be per thread.
                            assert_eq!(
                                trap_code(div0.call(&mut s, ()).unwrap_err()),
                                TrapCode::IntegerDivideByZero
                            );
                        }
                        assert_eq!(fib.call(&mut s, 15).unwrap(), 610);
                        assert_eq!(peek.call(&mut s, 0).unwrap(), id * 1000 + round);
                    }
                })
                .unwrap()
        })
        .collect();
    for t in threads {
        t.join().expect("a worker thread failed");
    }
}

#[test]
fn a_moved_store_runs_within_the_new_threads_stack_limit() {
    // Instantiated on one thread, run on others in turn: each entry into
    // wasm takes the running thread's stack limit (a stale one would trap
    // at once, or not stop the recursion), traps are caught on that
    // thread, and the instance's state travels with the store. (The
    // threaded host's view: `stores.rs`.)
    on_big_stack(|| {
        let (mut s, inst) = instance(
            r#"(module
                 (global $n (export "n") (mut i32) (i32.const 0))
                 (func (export "bump") (global.set $n (i32.add (global.get $n) (i32.const 1))))
                 (func $deep (export "deep") (param i32) (result i32)
                   (if (result i32) (i32.eqz (local.get 0))
                     (then (i32.const 0))
                     (else (i32.add (i32.const 1)
                                    (call $deep (i32.sub (local.get 0) (i32.const 1))))))))"#,
        );
        let bump = inst.get_typed_func::<(), ()>(&mut s, "bump").unwrap();
        let deep = inst.get_typed_func::<i32, i32>(&mut s, "deep").unwrap();
        bump.call(&mut s, ()).unwrap();
        for _ in 0..3 {
            s = std::thread::Builder::new()
                .stack_size(8 << 20)
                .spawn(move || {
                    bump.call(&mut s, ()).unwrap();
                    assert_eq!(deep.call(&mut s, 1000).unwrap(), 1000);
                    assert_eq!(
                        trap_code(deep.call(&mut s, 100_000_000).unwrap_err()),
                        TrapCode::StackOverflow
                    );
                    s
                })
                .unwrap()
                .join()
                .expect("the store's thread failed");
        }
        let n = inst.get_global(&mut s, "n").unwrap();
        assert_eq!(n.get(&s), Val::I32(4));
        // Back on this thread, with this thread's limit.
        assert_eq!(deep.call(&mut s, 1000).unwrap(), 1000);
        assert_eq!(
            trap_code(deep.call(&mut s, 100_000_000).unwrap_err()),
            TrapCode::StackOverflow
        );
    });
}
