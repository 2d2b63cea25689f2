//! The process-level functions: `proc_raise`, `proc_exit`, `sched_yield`,
//! arguments and environment, clocks and random bytes.

use super::*;

/// A signal takes its default action: nothing for signal 0 and the
/// ignored ones, the end of the program (status 128 + signal) for the
/// rest.
#[test]
fn proc_raise_ends_the_program_or_does_nothing() {
    let g = Guest::with(|_| {});
    assert_eq!(g.call("proc_raise", &[0]), SUCCESS);
    assert_eq!(g.call("proc_raise", &[16]), SUCCESS, "SIGCHLD is ignored");
    assert_eq!(g.call("proc_raise", &[27]), SUCCESS, "SIGWINCH is ignored");
    assert_eq!(g.call("proc_raise", &[31]), EINVAL, "no such signal");
    assert_eq!(g.call("proc_raise", &[u32::MAX as u64]), EINVAL);
    assert_eq!(g.exit_code(), None);
    let err = g.call_vals("proc_raise", &[Val::I32(6)]).unwrap_err();
    assert_eq!(g.exit_code(), Some(134), "SIGABRT");
    // The call fails with the program's end, typed, which the host tells
    // apart from a trap.
    assert_eq!(err.downcast_ref::<I32Exit>(), Some(&I32Exit(134)), "{err}");
}

/// `args_*` and `environ_*`: sizes first (count, total bytes with NULs),
/// then the pointer array and the NUL-terminated strings.
#[test]
fn args_and_environ_are_counted_then_copied() {
    let g = Guest::with(|ctx| {
        ctx.arg("prog").arg("one");
        ctx.env("A", "1").env("LONGER", "two words");
    });
    for (sizes, get, expected) in [
        ("args_sizes_get", "args_get", &["prog", "one"][..]),
        (
            "environ_sizes_get",
            "environ_get",
            &["A=1", "LONGER=two words"][..],
        ),
    ] {
        let (count_ptr, size_ptr) = (OUT as u64, OUT as u64 + 4);
        assert_eq!(g.call(sizes, &[count_ptr, size_ptr]), SUCCESS);
        let total: usize = expected.iter().map(|s| s.len() + 1).sum();
        assert_eq!(g.u32_at(count_ptr) as usize, expected.len());
        assert_eq!(g.u32_at(size_ptr) as usize, total);
        let (ptrs, _) = g.put(&vec![0; 4 * expected.len()]);
        let (buf, _) = g.put(&vec![0xff; total]);
        assert_eq!(g.call(get, &[ptrs, buf]), SUCCESS);
        for (i, s) in expected.iter().enumerate() {
            let p = g.u32_at(ptrs + 4 * i as u64) as u64;
            assert_eq!(g.get(p, s.len() + 1), [s.as_bytes(), &[0]].concat());
        }
        // A buffer past the end of memory is EFAULT, not a host crash.
        assert_eq!(g.call(get, &[ptrs, 2 * 65536 - 2]), EFAULT);
    }
}

/// `clock_time_get` follows the host's clocks; `clock_res_get` reports a
/// resolution; an unknown clock is EINVAL.
#[test]
fn clocks_read_the_host_clocks() {
    const REALTIME: u64 = 0;
    const MONOTONIC: u64 = 1;
    let g = Guest::with(|_| {});
    let out = OUT as u64;
    for clock in [REALTIME, MONOTONIC, 2, 3] {
        assert_eq!(g.call("clock_res_get", &[clock, out]), SUCCESS);
        let res = g.u64_at(out);
        assert!(
            res > 0 && res <= 1_000_000,
            "clock {clock}: resolution {res} ns"
        );
    }
    let since_epoch = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64;
    assert_eq!(g.call("clock_time_get", &[REALTIME, 1, out]), SUCCESS);
    let wasi_now = g.u64_at(out);
    assert!(
        wasi_now.abs_diff(since_epoch) < 60_000_000_000,
        "realtime {wasi_now}"
    );
    assert_eq!(g.call("clock_time_get", &[MONOTONIC, 1, out]), SUCCESS);
    let t0 = g.u64_at(out);
    std::thread::sleep(std::time::Duration::from_millis(20));
    assert_eq!(g.call("clock_time_get", &[MONOTONIC, 1, out]), SUCCESS);
    assert!(
        g.u64_at(out) >= t0 + 20_000_000,
        "monotonic advanced by the sleep"
    );
    assert_eq!(g.call("clock_time_get", &[99, 1, out]), EINVAL);
    assert_eq!(g.call("clock_res_get", &[99, out]), EINVAL);
}

/// `random_get` fills exactly the buffer it is given, differently each
/// time, and a buffer outside memory is EFAULT.
#[test]
fn random_get_fills_the_buffer() {
    let g = Guest::with(|_| {});
    let (a, _) = g.put(&[0; 64 + 8]);
    let (b, _) = g.put(&[0; 64]);
    assert_eq!(g.call("random_get", &[a, 64]), SUCCESS);
    assert_eq!(g.call("random_get", &[b, 64]), SUCCESS);
    assert_ne!(g.get(a, 64), g.get(b, 64));
    assert_ne!(g.get(a, 64), vec![0; 64]);
    assert_eq!(g.get(a + 64, 8), vec![0; 8], "nothing written past the end");
    assert_eq!(g.call("random_get", &[2 * 65536 - 8, 64]), EFAULT);
}

/// `sched_yield` (no parameters) succeeds; `proc_exit` (no result) ends
/// the program with its status, which the context reports.
#[test]
fn sched_yield_and_proc_exit() {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module
             (import "wasi_snapshot_preview1" "sched_yield" (func $yield (result i32)))
             (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
             (memory (export "memory") 1)
             (func (export "yield") (result i32) (call $yield))
             (func (export "exit") (param i32) (call $exit (local.get 0)) unreachable))"#,
    )
    .unwrap();
    let mut store = Store::new(&engine, WasiCtx::new());
    let mut linker = Linker::new(&engine);
    flint::wasi::add_to_linker(&mut linker, |c: &mut WasiCtx| c).unwrap();
    let instance = linker.instantiate(&mut store, &module).unwrap();
    let yield_ = instance.get_func(&mut store, "yield").unwrap();
    let mut result = [Val::I32(-1)];
    yield_.call(&mut store, &[], &mut result).unwrap();
    assert_eq!(result, [Val::I32(SUCCESS)]);
    assert_eq!(store.data().exit_code(), None);
    let exit = instance.get_func(&mut store, "exit").unwrap();
    let err = exit
        .call(&mut store, &[Val::I32(42)], &mut [])
        .expect_err("proc_exit unwinds");
    assert_eq!(err.downcast_ref::<I32Exit>(), Some(&I32Exit(42)), "{err}");
    assert_eq!(store.data().exit_code(), Some(42));
}
