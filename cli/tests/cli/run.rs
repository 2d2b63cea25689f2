//! `flint run` and the command line itself: the README's example, binary
//! and text modules, arguments and results of every type, traps with their
//! exit code and backtrace, entry points, bad input and bad command lines,
//! the help text, and which files are read as modules.

use super::*;

#[test]
fn readme_example_prints_fib_30() {
    // The README's first command.
    prints(
        &["run", "--invoke", "fib", "examples/fib.wat", "30"],
        "832040\n",
    );
    prints(
        &["run", "--invoke", "fib_rec", "examples/fib.wat", "20"],
        "6765\n",
    );
}

#[test]
fn binary_modules_run_too() {
    let wasm = wat::parse_file(repo_root().join("examples/fib.wat")).unwrap();
    let file = TempFile::new("fib.wasm", &wasm);
    prints(&["run", "--invoke", "fib", file.path(), "10"], "55\n");
}

#[test]
fn arguments_and_results_of_every_type() {
    let file = TempFile::new(
        "types.wat",
        br#"(module
              (func (export "i32") (param i32) (result i32) (local.get 0))
              (func (export "i64") (param i64) (result i64) (local.get 0))
              (func (export "f32") (param f32) (result f32) (local.get 0))
              (func (export "f64") (param f64) (result f64) (local.get 0))
              (func (export "none")))"#,
    );
    let f = file.path();
    let echo = |ty: &str, arg: &str, expected: &str| {
        prints(&["run", "--invoke", ty, f, arg], &format!("{expected}\n"));
    };
    echo("i32", "-7", "-7");
    echo("i32", "0xffffffff", "-1");
    echo("i32", "4294967295", "-1");
    echo("i64", "-9223372036854775808", "-9223372036854775808");
    echo("i64", "0x10", "16");
    echo("f32", "0.1", "0.1");
    echo("f32", "-inf", "-inf");
    echo("f64", "1e300", "1e300");
    echo("f64", "-0", "-0.0");
    echo("f64", "nan", "nan");
    echo("f64", "-nan:0x1", "-nan:0x1");
    prints(&["run", "--invoke", "none", f], "");

    fails(
        &["run", "--invoke", "i32", f, "1.5"],
        EXIT_ERROR,
        "invalid i32",
    );
    fails(
        &["run", "--invoke", "i32", f, "4294967296"],
        EXIT_ERROR,
        "out of range",
    );
    fails(
        &["run", "--invoke", "f64", f, "fast"],
        EXIT_ERROR,
        "invalid f64",
    );
    fails(
        &["run", "--invoke", "i32", f],
        EXIT_ERROR,
        "takes 1 argument but 0 were given",
    );
    fails(
        &["run", "--invoke", "i32", f, "1", "2"],
        EXIT_ERROR,
        "takes 1 argument",
    );
}

#[test]
fn traps_are_errors_with_their_own_exit_code() {
    let err = fails(
        &["run", "--invoke", "div", "examples/trap.wat", "7", "0"],
        EXIT_TRAP,
        "integer divide by zero",
    );
    assert!(err.contains("div"), "the error names the function: {err}");
    prints(
        &["run", "--invoke", "div", "examples/trap.wat", "7", "2"],
        "3\n",
    );
    fails(
        &["run", "--invoke", "forever", "examples/trap.wat"],
        EXIT_TRAP,
        "call stack exhausted",
    );

    let start = TempFile::new("start.wat", b"(module (func $s unreachable) (start $s))");
    fails(&["run", start.path()], EXIT_TRAP, "unreachable");
}

#[test]
fn traps_print_a_wasm_backtrace_with_names() {
    let program = TempFile::new(
        "backtrace.wat",
        br#"(module
              (func $divide (param i32) (result i32)
                (i32.div_s (i32.const 10) (local.get 0)))
              (func $compute (result i32)
                (call $divide (i32.const 0)))
              (func $_start (export "_start")
                (drop (call $compute))))"#,
    );
    let out = flint(&["run", program.path()]);
    assert_eq!(out.status.code(), Some(EXIT_TRAP), "{}", stderr(&out));
    // Each frame's offset is that of its instruction in the binary
    // (`wasm-tools print --print-offsets`): the `i32.div_s` at 0x32, the
    // `call`s at 0x38 and 0x3d.
    assert_eq!(
        stderr(&out),
        "error: calling `_start`: wasm trap: integer divide by zero\n\
         wasm backtrace:\n    \
         0: func 0 <divide> @ 0x32\n    \
         1: func 1 <compute> @ 0x38\n    \
         2: func 2 <_start> @ 0x3d\n"
    );
    assert!(out.stdout.is_empty());

    // A trap in the start function has a backtrace too.
    let start = TempFile::new(
        "backtrace-start.wat",
        b"(module (func $boom unreachable) (func $init (call $boom)) (start $init))",
    );
    let err = fails(&["run", start.path()], EXIT_TRAP, "unreachable");
    assert!(
        err.ends_with(
            "wasm backtrace:\n    0: func 0 <boom> @ 0x1b\n    1: func 1 <init> @ 0x1f\n"
        ),
        "{err}"
    );
}

/// A Rust program built with DWARF line tables (wasi-tests/rust_trap/,
/// rebuilt by wasi-tests/build.sh) that panics on an out-of-bounds index:
/// the backtrace names its functions demangled, and under each frame the
/// source file and line (and the function inlined there), which must be
/// the lines marked in its source.
#[test]
fn traps_in_a_program_with_dwarf_print_source_lines() {
    const SOURCE: &str = include_str!("../../../wasi-tests/rust_trap/src/main.rs");
    const FILE: &str = "wasi-tests/rust_trap/src/main.rs";
    let line = |mark: &str| {
        let mark = format!("// backtrace: {mark}");
        SOURCE
            .lines()
            .position(|l| l.ends_with(&mark))
            .map(|i| i + 1)
            .unwrap_or_else(|| panic!("{mark:?} is not in {FILE}"))
    };
    let (faulting, inlined_call, call) = (
        line("the faulting line"),
        line("the inlined call"),
        line("the call"),
    );

    // In bounds, it runs: 3 + 7.
    prints(&["run", "wasi-tests/rust_trap.wasm", "1", "3"], "10\n");

    let out = flint(&["run", "wasi-tests/rust_trap.wasm", "1", "9"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(EXIT_TRAP), "{err}");
    assert!(out.stdout.is_empty());
    // The program's own panic message names the same line.
    assert!(
        err.starts_with(&format!(
            "\nthread 'main' (1) panicked at src/main.rs:{faulting}:5:\n\
             index out of bounds: the len is 8 but the index is 9\n"
        )),
        "{err}"
    );
    let backtrace = err
        .split_once("error: calling `_start`: wasm trap: unreachable\nwasm backtrace:\n")
        .unwrap_or_else(|| panic!("no trap and backtrace in {err}"))
        .1;
    // The frames from the panic to `main`, each line as printed; the
    // offsets are the instructions' in the committed binary.
    let lines: Vec<&str> = backtrace.lines().collect();
    let lookup = lines
        .iter()
        .position(|l| l.contains("<rust_trap::lookup>"))
        .unwrap_or_else(|| panic!("no frame of `lookup` in {backtrace}"));
    let lines: Vec<String> = lines[lookup - 2..lookup + 6]
        .iter()
        .map(|l| l.trim().to_string())
        .collect();
    assert_eq!(
        lines,
        [
            "11: func 30 <core::panicking::panic_bounds_check> @ 0x1082".to_string(),
            // The standard library's line, checked below.
            lines[1].clone(),
            "12: func 29 <rust_trap::lookup> @ 0x1016".to_string(),
            format!("at {FILE}:{faulting}:5 (inlined entry)"),
            format!("at {FILE}:{inlined_call}:5"),
            "13: func 25 <rust_trap::sum_of> @ 0xce0".to_string(),
            format!("at {FILE}:{call}:16"),
            "14: func 23 <rust_trap::main> @ 0x98e".to_string(),
        ],
        "{backtrace}"
    );
    // The standard library's frames point into its sources.
    assert!(
        lines[1].starts_with("at /rustc/") && lines[1].contains("/library/core/src/panicking.rs:"),
        "{backtrace}"
    );
    // The C library's abort, innermost, is wasi-sdk's: its DWARF names
    // files by URL, shown as the one URL (not joined to the build
    // directory's).
    assert!(
        backtrace.starts_with(
            "    0: func 205 <abort> @ 0xac20\n           \
             at wasisdk://v30.0/src/wasi-libc/libc-bottom-half/sources/abort.c:5:3\n"
        ),
        "{backtrace}"
    );
    // Every name is demangled, none left as the name section has it.
    assert!(
        !backtrace.contains("_ZN") && !backtrace.contains("_RNv"),
        "{backtrace}"
    );
}

#[test]
fn entry_points() {
    // A start function alone is a complete program.
    let start = TempFile::new("start-ok.wat", b"(module (func $s) (start $s))");
    prints(&["run", start.path()], "");
    // `_start` is called when there is no --invoke.
    let wasi = TempFile::new(
        "wasi.wat",
        br#"(module (func (export "_start") (result i32) (i32.const 42)))"#,
    );
    prints(&["run", wasi.path()], "42\n");
    // Neither: tell the user what they can invoke.
    let err = fails(
        &["run", "examples/fib.wat"],
        EXIT_ERROR,
        "no start function",
    );
    assert!(err.contains("--invoke"), "{err}");
    assert!(
        err.contains("fib_rec"),
        "exported functions are listed: {err}"
    );
}

#[test]
fn bad_input_is_an_error_not_a_panic() {
    fails(
        &["run", "no/such/file.wasm"],
        EXIT_ERROR,
        "no/such/file.wasm",
    );
    fails(&["run", "examples"], EXIT_ERROR, "failed to read");

    let garbage = TempFile::new("garbage.wasm", &[0x00, 0xff, 0x13, 0x37, 0xc3, 0x28, 0x80]);
    fails(
        &["run", garbage.path()],
        EXIT_ERROR,
        "not a WebAssembly module",
    );

    let truncated = TempFile::new("truncated.wasm", b"\0asm\x01\0\0\0\x01\x05");
    fails(&["run", truncated.path()], EXIT_ERROR, "invalid module");

    let bad_text = TempFile::new("bad.wat", b"(module (func (export \"f\")");
    fails(&["run", bad_text.path()], EXIT_ERROR, "bad.wat");

    let invalid = TempFile::new(
        "invalid.wat",
        br#"(module (func (export "f") (result i32) (i64.const 1)))"#,
    );
    let err = fails(&["run", invalid.path()], EXIT_ERROR, "type mismatch");
    assert!(err.contains("offset"), "the byte offset is reported: {err}");

    let import = TempFile::new(
        "import.wat",
        br#"(module (import "env" "print" (func (param i32))))"#,
    );
    let err = fails(&["run", import.path()], EXIT_ERROR, "link error");
    assert!(err.contains("print"), "the import is named: {err}");
}

#[test]
fn bad_command_lines() {
    fails(
        &["run", "--invoke", "nope", "examples/fib.wat"],
        EXIT_ERROR,
        "unknown export `nope`",
    );
    fails(
        &["run", "examples/fib.wat", "5"],
        EXIT_ERROR,
        "without --invoke",
    );
    fails(&["run"], EXIT_ERROR, "FILE");
    fails(&["frobnicate"], EXIT_ERROR, "frobnicate");

    let mem = TempFile::new("mem.wat", br#"(module (memory (export "m") 1))"#);
    fails(
        &["run", "--invoke", "m", mem.path()],
        EXIT_ERROR,
        "is a memory, not a function",
    );
}

#[test]
fn help_documents_exit_codes() {
    for args in [&["--help"][..], &["run", "--help"]] {
        let out = flint(args);
        assert!(out.status.success());
        let help = stdout(&out);
        assert!(help.contains("Exit codes"), "{help}");
        assert!(
            help.contains("2    the WebAssembly program trapped"),
            "{help}"
        );
    }
}

/// Only regular files are read as modules: `/dev/zero` would be read until
/// memory runs out, a FIFO could block forever.
#[test]
fn module_files_must_be_regular_files() {
    let err = fails(
        &["run", "--invoke", "f", "/dev/zero"],
        EXIT_ERROR,
        "failed to read `/dev/zero`: not a regular file",
    );
    assert!(!err.contains("magic"), "{err}");
    fails(
        &["run", "--invoke", "f", "wasi-tests"],
        EXIT_ERROR,
        "failed to read `wasi-tests`",
    );
    fails(
        &["explain", "/dev/zero"],
        EXIT_ERROR,
        "failed to read `/dev/zero`: not a regular file",
    );
}
