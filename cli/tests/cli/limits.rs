//! `flint run -W`: each limit stops what it should and nothing else: a
//! runaway loop by fuel (a trap, exit code 2) and by timeout (exit code
//! 124), a memory growth past max-memory-size refused, deep recursion
//! stopped by a small max-wasm-stack; and the option's syntax errors.

use super::*;
use std::time::{Duration, Instant};

const EXIT_TIMEOUT: i32 = 124;

/// A loop that never ends, as `_start` and as a start function.
const RUNAWAY: &[u8] = br#"(module (func (export "_start") (loop $l (br $l))))"#;
const RUNAWAY_START: &[u8] = br#"(module (func $s (loop $l (br $l))) (start $s))"#;

#[test]
fn fuel_stops_a_runaway_loop() {
    let spin = TempFile::new("fuel-spin.wat", RUNAWAY);
    fails(
        &["run", "-W", "fuel=10000", spin.path()],
        EXIT_TRAP,
        "calling `_start`: wasm trap: all fuel consumed by WebAssembly",
    );
    // Start functions run under it too.
    let start = TempFile::new("fuel-start.wat", RUNAWAY_START);
    fails(
        &["run", "-W", "fuel=10000", start.path()],
        EXIT_TRAP,
        "all fuel consumed",
    );
    // Enough fuel for a finite computation: fib(20) recursively makes
    // 21891 calls; the same run with too little fuel traps.
    prints(
        &[
            "-W",
            "fuel=100000",
            "--invoke",
            "fib_rec",
            "examples/fib.wat",
            "20",
        ],
        "6765\n",
    );
    fails(
        &[
            "-W",
            "fuel=1000",
            "--invoke",
            "fib_rec",
            "examples/fib.wat",
            "20",
        ],
        EXIT_TRAP,
        "all fuel consumed",
    );
}

#[test]
fn timeout_interrupts_a_runaway_loop() {
    for (name, wat) in [
        ("timeout-spin.wat", RUNAWAY),
        ("timeout-start.wat", RUNAWAY_START),
    ] {
        let spin = TempFile::new(name, wat);
        let started = Instant::now();
        let err = fails(
            &["run", "-W", "timeout=200ms", spin.path()],
            EXIT_TIMEOUT,
            "wasm trap: interrupt",
        );
        let took = started.elapsed();
        assert!(err.contains("the -W timeout of 200ms elapsed"), "{err}");
        assert!(
            took >= Duration::from_millis(200),
            "{name}: stopped after {took:?}"
        );
        // Generous for emulation; without the timeout this never ends.
        assert!(took < Duration::from_secs(60), "{name}: took {took:?}");
    }
    // A program that finishes in time is not held up by the watchdog.
    let started = Instant::now();
    prints(
        &[
            "run",
            "-W",
            "timeout=1h",
            "--invoke",
            "fib",
            "examples/fib.wat",
            "30",
        ],
        "832040\n",
    );
    assert!(started.elapsed() < Duration::from_secs(60));
}

#[test]
fn max_memory_size_refuses_growth_past_it() {
    let grow = TempFile::new(
        "grow.wat",
        br#"(module (memory 1)
              (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))"#,
    );
    let g = grow.path();
    // 128 KiB is two pages: growing by one from one page fits, by two
    // does not, and memory.grow says so with -1 (the program goes on).
    prints(
        &[
            "run",
            "-W",
            "max-memory-size=128K",
            "--invoke",
            "grow",
            g,
            "1",
        ],
        "1\n",
    );
    prints(
        &[
            "run",
            "-W",
            "max-memory-size=128K",
            "--invoke",
            "grow",
            g,
            "2",
        ],
        "-1\n",
    );
    prints(
        &[
            "run",
            "-W",
            "max-memory-size=131072",
            "--invoke",
            "grow",
            g,
            "2",
        ],
        "-1\n",
    );
    prints(&["run", "--invoke", "grow", g, "2"], "1\n");
    // A module whose memory starts above the limit cannot be instantiated.
    let big = TempFile::new(
        "big-memory.wat",
        br#"(module (memory 3) (func (export "_start")))"#,
    );
    fails(
        &["run", "-W", "max-memory-size=128K", big.path()],
        EXIT_ERROR,
        "instantiating",
    );
    prints(&["run", "-W", "max-memory-size=192K", big.path()], "");
}

#[test]
fn max_wasm_stack_bounds_recursion() {
    let rec = TempFile::new(
        "recurse.wat",
        br#"(module (func $r (export "depth") (param i32) (result i32)
              (if (result i32) (i32.eqz (local.get 0))
                (then (i32.const 0))
                (else (i32.add (i32.const 1)
                  (call $r (i32.sub (local.get 0) (i32.const 1))))))))"#,
    );
    let r = rec.path();
    prints(&["run", "--invoke", "depth", r, "10000"], "10000\n");
    fails(
        &[
            "run",
            "-W",
            "max-wasm-stack=16K",
            "--invoke",
            "depth",
            r,
            "10000",
        ],
        EXIT_TRAP,
        "call stack exhausted",
    );
    prints(
        &[
            "run",
            "-W",
            "max-wasm-stack=16K",
            "--invoke",
            "depth",
            r,
            "10",
        ],
        "10\n",
    );
    // A larger stack than the default reaches deeper than the default.
    fails(
        &["run", "--invoke", "depth", r, "1000000"],
        EXIT_TRAP,
        "call stack exhausted",
    );
    prints(
        &[
            "run",
            "-W",
            "max-wasm-stack=256M",
            "--invoke",
            "depth",
            r,
            "1000000",
        ],
        "1000000\n",
    );
}

#[test]
fn options_combine_and_repeat() {
    // Comma-separated and repeated forms, in one run: the loop ends by
    // whichever comes first (here fuel, long before the hour).
    let spin = TempFile::new("combined.wat", RUNAWAY);
    fails(
        &[
            "-W",
            "timeout=1h,max-memory-size=1M",
            "-W",
            "fuel=5000",
            spin.path(),
        ],
        EXIT_TRAP,
        "all fuel consumed",
    );
}

#[test]
fn bad_limits_are_errors() {
    fails(
        &["run", "-W", "fule=3", "examples/fib.wat"],
        EXIT_ERROR,
        "-W fule=3: unknown option `fule`",
    );
    fails(
        &["run", "-W", "fuel", "examples/fib.wat"],
        EXIT_ERROR,
        "expected KEY=VALUE",
    );
    fails(
        &["run", "-W", "fuel=lots", "examples/fib.wat"],
        EXIT_ERROR,
        "-W fuel=lots",
    );
    fails(
        &["run", "-W", "timeout=soon", "examples/fib.wat"],
        EXIT_ERROR,
        "duration",
    );
    fails(
        &["run", "-W", "max-memory-size=1T", "examples/fib.wat"],
        EXIT_ERROR,
        "K, M or G",
    );
}

#[test]
fn help_documents_the_limits_and_exit_codes() {
    let out = flint(&["run", "--help"]);
    assert!(out.status.success());
    let help = stdout(&out);
    for needle in [
        "-W <KEY=VALUE[,...]>",
        "fuel=N",
        "max-memory-size=BYTES",
        "max-wasm-stack=BYTES",
        "timeout=DURATION",
        "124  the program was interrupted by -W timeout",
        "2    the WebAssembly program trapped",
    ] {
        assert!(help.contains(needle), "{needle:?} not in:\n{help}");
    }
}
