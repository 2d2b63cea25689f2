//! `flint compile` and `flint run` of its artifacts: an artifact runs as
//! its module does (the WASI programs' output and exit status, `--invoke`
//! results), and one for another ISA, for other code-changing settings, or
//! damaged, is refused with a message saying so (exit code 1, no panic).

use super::*;

/// A scratch path (removed at the end of the test) for an artifact that
/// flint writes.
fn artifact(name: &str) -> TempFile {
    TempFile::new(name, b"")
}

fn compiles(args: &[&str]) {
    let out = flint(args);
    assert!(out.status.success(), "flint {args:?}: {}", stderr(&out));
    assert_eq!(stdout(&out), "", "flint {args:?}");
}

#[test]
fn a_compiled_wasi_program_runs_as_the_module_does() {
    for (program, args) in [
        ("hello", &["a b", "c"][..]),
        ("hello", &["fail"][..]),
        ("rust_simd", &["20241130"][..]),
        ("c_simd", &["20241130"][..]),
    ] {
        let wasm = format!("wasi-tests/{program}.wasm");
        let cwasm = artifact(&format!("{program}.cwasm"));
        compiles(&["compile", &wasm, "-o", cwasm.path()]);
        let from_wasm = flint(&[&["run", wasm.as_str()][..], args].concat());
        let from_artifact = flint(&[&["run", cwasm.path()][..], args].concat());
        assert_eq!(
            stdout(&from_artifact),
            stdout(&from_wasm),
            "{program} {args:?}"
        );
        assert_eq!(from_artifact.status.code(), from_wasm.status.code());
        assert_eq!(stderr(&from_artifact), stderr(&from_wasm));
        assert!(stdout(&from_wasm).lines().count() > 3, "{program}");
    }
}

#[test]
fn compile_writes_next_to_the_module_by_default_and_invoke_works() {
    let wat = std::fs::read(repo_root().join("examples/fib.wat")).unwrap();
    let module = TempFile::new("fib.wat", &wat);
    let cwasm = TempFile(module.0.with_extension("cwasm"));
    compiles(&["compile", module.path()]);
    prints(&["run", "--invoke", "fib", cwasm.path(), "20"], "6765\n");
    // The implicit `run` recognises an artifact too.
    prints(&["--invoke", "fib_rec", cwasm.path(), "10"], "55\n");
}

#[test]
fn artifacts_for_the_other_isa_are_refused() {
    let (other, native) = if cfg!(target_arch = "aarch64") {
        ("x86_64", "aarch64")
    } else {
        ("aarch64", "x86_64")
    };
    let cwasm = artifact("other.cwasm");
    compiles(&[
        "compile",
        "--target",
        other,
        "examples/fib.wat",
        "-o",
        cwasm.path(),
    ]);
    fails(
        &["run", "--invoke", "fib", cwasm.path(), "3"],
        EXIT_ERROR,
        &format!("it was compiled for {other}, this machine is {native}"),
    );
    // For this ISA, `--target` is a plain compile.
    compiles(&[
        "compile",
        "--target",
        native,
        "examples/fib.wat",
        "-o",
        cwasm.path(),
    ]);
    prints(&["run", "--invoke", "fib", cwasm.path(), "10"], "55\n");
}

#[test]
fn code_changing_limits_must_match() {
    let cwasm = artifact("plain.cwasm");
    compiles(&["compile", "examples/fib.wat", "-o", cwasm.path()]);
    fails(
        &[
            "run",
            "-W",
            "fuel=100000",
            "--invoke",
            "fib",
            cwasm.path(),
            "3",
        ],
        EXIT_ERROR,
        "fuel metering (Config::consume_fuel) was off when it was compiled",
    );
    compiles(&[
        "compile",
        "-W",
        "fuel=1",
        "examples/fib.wat",
        "-o",
        cwasm.path(),
    ]);
    prints(
        &[
            "run",
            "-W",
            "fuel=100000",
            "--invoke",
            "fib",
            cwasm.path(),
            "10",
        ],
        "55\n",
    );
    // Fuel runs out as it does for the module.
    fails(
        &[
            "run",
            "-W",
            "fuel=10",
            "--invoke",
            "fib",
            cwasm.path(),
            "30",
        ],
        EXIT_TRAP,
        "all fuel consumed",
    );
}

#[test]
fn damaged_artifacts_and_bad_options_are_errors() {
    let cwasm = artifact("damaged.cwasm");
    compiles(&["compile", "examples/fib.wat", "-o", cwasm.path()]);
    let mut bytes = std::fs::read(&cwasm.0).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0x40;
    std::fs::write(&cwasm.0, &bytes).unwrap();
    fails(
        &["run", "--invoke", "fib", cwasm.path(), "3"],
        EXIT_ERROR,
        "the file is truncated or corrupted (its tables checksum does not match)",
    );
    std::fs::write(&cwasm.0, &bytes[..100]).unwrap();
    fails(
        &["run", "--invoke", "fib", cwasm.path(), "3"],
        EXIT_ERROR,
        "truncated or corrupted",
    );
    fails(
        &["compile", "--target", "mips", "examples/fib.wat"],
        EXIT_ERROR,
        "unknown target `mips`",
    );
    fails(
        &[
            "compile",
            "--cpu-features",
            "none",
            "--target",
            "x86_64",
            "examples/fib.wat",
        ],
        EXIT_ERROR,
        "always uses sse4.1 sse4.2 popcnt",
    );
    fails(
        &[
            "compile",
            "examples/fib.wat",
            "-o",
            "/nonexistent/dir/fib.cwasm",
        ],
        EXIT_ERROR,
        "cannot write `/nonexistent/dir/fib.cwasm`",
    );
}

#[test]
fn memory_layout_flags_set_the_reservation_and_artifacts_must_match() {
    let module = TempFile::new(
        "layout.wat",
        br#"(module (memory 1)
              (func (export "grow") (result i32) (memory.grow (i32.const 1)))
              (func (export "load") (param i32) (result i32) (i32.load (local.get 0))))"#,
    );
    let small = ["--memory-reservation", "65536", "--memory-guard-size", "0"];
    fn run<'a>(flags: &[&'a str], rest: &[&'a str]) -> Vec<&'a str> {
        [&["run"][..], flags, rest].concat()
    }
    // The default reservation lets the memory grow; one page does not.
    prints(&run(&[], &["--invoke", "grow", module.path()]), "1\n");
    prints(&run(&small, &["--invoke", "grow", module.path()]), "-1\n");
    // Bounds-checked code still traps exactly past the end.
    prints(
        &run(&small, &["--invoke", "load", module.path(), "65532"]),
        "0\n",
    );
    fails(
        &run(&small, &["--invoke", "load", module.path(), "65533"]),
        EXIT_TRAP,
        "out of bounds",
    );
    // An artifact compiled for the small layout runs with it, and is
    // refused, naming the setting, without it.
    let cwasm = artifact("layout.cwasm");
    compiles(
        &[
            &["compile"][..],
            &small,
            &[module.path(), "-o", cwasm.path()],
        ]
        .concat(),
    );
    prints(&run(&small, &["--invoke", "grow", cwasm.path()]), "-1\n");
    fails(
        &run(&[], &["--invoke", "grow", cwasm.path()]),
        EXIT_ERROR,
        "Config::memory_reservation",
    );
}
