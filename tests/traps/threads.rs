//! Traps are per thread: several threads trapping at once, and a thread
//! without an alternate signal stack.

use super::*;

/// Traps are per thread: four threads each run wasm that traps over and
/// over (a hardware fault for out-of-bounds memory, an explicit check for
/// division by zero, a stack overflow), at the same time, and every one of
/// them gets exactly its own trap, with its instance usable afterwards.
#[test]
fn four_threads_trap_concurrently() {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module
             (memory 1)
             (func $deep (param i32) (result i32) (call $deep (local.get 0)))
             (func (export "run") (param i32 i32) (result i32)
               (if (result i32) (i32.eq (local.get 0) (i32.const 0))
                 (then (i32.load (i32.const 70000)))
                 (else (if (result i32) (i32.eq (local.get 0) (i32.const 1))
                   (then (i32.div_u (i32.const 7) (local.get 1)))
                   (else (if (result i32) (i32.eq (local.get 0) (i32.const 2))
                     (then (call $deep (i32.const 0)))
                     (else (i32.add (local.get 1) (i32.const 1))))))))))"#,
    )
    .unwrap();
    let threads: Vec<_> = (0..4)
        .map(|t| {
            let module = module.clone();
            std::thread::Builder::new()
                .stack_size(8 << 20)
                .spawn(move || {
                    let mut store = Store::new(module.engine(), ());
                    let inst = Instance::new(&mut store, &module, &[]).unwrap();
                    let run = inst
                        .get_typed_func::<(i32, i32), i32>(&mut store, "run")
                        .unwrap();
                    for i in 0..300 {
                        let kind = (i + t) % 4;
                        let got = run.call(&mut store, (kind, 0));
                        let want = match kind {
                            0 => Err(TrapCode::MemoryOutOfBounds),
                            1 => Err(TrapCode::IntegerDivideByZero),
                            2 => Err(TrapCode::StackOverflow),
                            _ => Ok(1),
                        };
                        let got = got.map_err(|e| match e {
                            Error::Trap(trap) => trap.code,
                            other => panic!("thread {t}: not a trap: {other:?}"),
                        });
                        assert_eq!(got, want, "thread {t}, iteration {i}");
                    }
                })
                .unwrap()
        })
        .collect();
    for t in threads {
        t.join().expect("a thread failed");
    }
}

/// A thread without an alternate signal stack (as threads created by C
/// code may be) still gets its traps: entering wasm gives it one.
#[test]
fn traps_work_on_a_thread_without_an_alternate_signal_stack() {
    let module = Module::new(
        &Engine::default(),
        r#"(module (memory 1)
             (func (export "oob") (result i32) (i32.load (i32.const 65536))))"#,
    )
    .unwrap();
    std::thread::spawn(move || {
        // SAFETY: disabling this thread's alternate signal stack.
        unsafe {
            let disable = libc::stack_t {
                ss_sp: std::ptr::null_mut(),
                ss_flags: libc::SS_DISABLE,
                ss_size: 0,
            };
            assert_eq!(libc::sigaltstack(&disable, std::ptr::null_mut()), 0);
        }
        let mut store = Store::new(module.engine(), ());
        let inst = Instance::new(&mut store, &module, &[]).unwrap();
        let oob = inst.get_typed_func::<(), i32>(&mut store, "oob").unwrap();
        match oob.call(&mut store, ()) {
            Err(Error::Trap(t)) => assert_eq!(t.code, TrapCode::MemoryOutOfBounds),
            other => panic!(
                "expected a trap, got {:?}",
                other.map_err(|e| e.to_string())
            ),
        }
        // SAFETY: querying this thread's alternate signal stack.
        let flags = unsafe {
            let mut now: libc::stack_t = std::mem::zeroed();
            libc::sigaltstack(std::ptr::null(), &mut now);
            now.ss_flags
        };
        assert_eq!(flags & libc::SS_DISABLE, 0, "entering wasm installed one");
    })
    .join()
    .unwrap();
}
