//! The command line's shape: `flint FILE` as an implicit `run`, arguments
//! after the module's path going to the program (even `--help`), `flint
//! validate`, `flint settings`, and the message for a module using a
//! proposal Flint does not support.

use super::*;

/// A module using the threads proposal (a shared memory).
const THREADS: &[u8] = b"(module (memory 1 1 shared))";

#[test]
fn a_module_path_first_means_run() {
    prints(&["--invoke", "fib", "examples/fib.wat", "10"], "55\n");
    let wasi = TempFile::new(
        "implicit.wat",
        br#"(module (func (export "_start") (result i32) (i32.const 42)))"#,
    );
    prints(&[wasi.path()], "42\n");
    // Exit codes are run's.
    fails(
        &["--invoke", "div", "examples/trap.wat", "1", "0"],
        EXIT_TRAP,
        "divide by zero",
    );
    // A word that is neither a subcommand nor a file is not taken for a
    // module: clap says it is no subcommand, rather than "no such file".
    let err = fails(&["rnu"], EXIT_ERROR, "unrecognized subcommand 'rnu'");
    assert!(!err.contains("failed to read"), "{err}");
    // The subcommands still win over the implicit run.
    prints(&["validate", "examples/fib.wat"], "");
}

#[test]
fn everything_after_the_module_goes_to_the_program() {
    for args in [
        &["run", "wasi-tests/hello.wasm", "--help", "-W", "fuel=1"][..],
        &["wasi-tests/hello.wasm", "--help", "-W", "fuel=1"],
    ] {
        let out = flint(args);
        assert_eq!(
            stdout(&out).lines().take(4).collect::<Vec<_>>(),
            ["argc=4", "argv[1]=--help", "argv[2]=-W", "argv[3]=fuel=1"],
            "flint {args:?}: {}",
            stderr(&out)
        );
        // hello exits with 7 when given more than one argument.
        assert_eq!(out.status.code(), Some(7), "{}", stderr(&out));
    }
    // `--` is the program's too, when it comes after the module.
    let out = flint(&["wasi-tests/hello.wasm", "--", "x"]);
    assert!(
        stdout(&out).starts_with("argc=3\nargv[1]=--\nargv[2]=x\n"),
        "{}",
        stdout(&out)
    );
    // A function's arguments follow the module; flint's options precede
    // it, and one put after it is not silently taken as flint's.
    prints(&["run", "--invoke", "fib", "examples/fib.wat", "7"], "13\n");
    let err = fails(
        &["run", "examples/fib.wat", "--invoke", "fib", "7"],
        EXIT_ERROR,
        "without --invoke",
    );
    assert!(
        err.contains("flint's own options, such as --invoke, go before it"),
        "{err}"
    );
}

#[test]
fn validate_reports_without_running() {
    // Valid: silent, exit 0 (text and binary); nothing runs, so a start
    // function that would trap does not.
    let trap_on_start = TempFile::new(
        "validate-start.wat",
        b"(module (func $s unreachable) (start $s))",
    );
    prints(&["validate", trap_on_start.path()], "");
    let wasm = wat::parse_file(repo_root().join("examples/fib.wat")).unwrap();
    let binary = TempFile::new("validate-fib.wasm", &wasm);
    prints(&["validate", binary.path()], "");

    // Invalid: the error with its offset, exit 1.
    let invalid = TempFile::new(
        "validate-invalid.wat",
        br#"(module (func (result i32) (i64.const 1)))"#,
    );
    let err = fails(
        &["validate", invalid.path()],
        EXIT_ERROR,
        "invalid module: type mismatch",
    );
    assert!(
        err.contains("validate-invalid.wat") && err.contains("offset"),
        "{err}"
    );
    let truncated = TempFile::new("validate-truncated.wasm", b"\0asm\x01\0\0\0\x01\x05");
    fails(
        &["validate", truncated.path()],
        EXIT_ERROR,
        "invalid module",
    );
    fails(
        &["validate", "no/such/file.wasm"],
        EXIT_ERROR,
        "no/such/file.wasm",
    );
    let bad_text = TempFile::new("validate-bad.wat", b"(module (func");
    fails(
        &["validate", bad_text.path()],
        EXIT_ERROR,
        "validate-bad.wat",
    );
}

#[test]
fn unsupported_proposals_are_named_not_called_invalid() {
    let threads = TempFile::new("threads.wat", THREADS);
    for args in [&["validate", threads.path()][..], &["run", threads.path()]] {
        let err = fails(
            args,
            EXIT_ERROR,
            "module uses the threads proposal, which Flint does not support yet",
        );
        assert!(!err.contains("invalid module"), "{err}");
    }
    let tail = TempFile::new("tail-call.wat", b"(module (func (return_call 0)))");
    fails(
        &["validate", tail.path()],
        EXIT_ERROR,
        "uses the tail calls proposal",
    );
}

#[test]
fn settings_show_the_target_features_defaults_and_proposals() {
    let out = flint(&["settings"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let target = if cfg!(target_arch = "aarch64") {
        "aarch64"
    } else {
        "x86_64"
    };
    assert!(text.starts_with(&format!("target: {target}\n")), "{text}");
    for needle in [
        "CPU features used: ",
        "CPU features required: ",
        "max wasm stack: 1048576 bytes (1 MiB)",
        "max memory size: 65536 pages of 64 KiB (4 GiB)",
        "  SIMD: supported\n",
        "  relaxed SIMD: supported\n",
        "  bulk memory: supported\n",
        "  threads: not supported yet\n",
        "  GC: not supported yet\n",
    ] {
        assert!(text.contains(needle), "{needle:?} not in:\n{text}");
    }
    // The floor is part of what is used.
    let line = |prefix: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(prefix))
            .unwrap()
            .split(' ')
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let used = line("CPU features used: ");
    for f in line("CPU features required: ") {
        // "(none)" where the ISA's floor has no optional features.
        assert!(
            f == "(none)" || used.contains(&f),
            "{f} required but not used: {text}"
        );
    }
}

#[test]
fn profile_perfmap_names_every_function_for_perf() {
    let child = flint_command()
        .args([
            "run",
            "--profile=perfmap",
            "--invoke",
            "fib",
            "examples/fib.wat",
            "10",
        ])
        .current_dir(repo_root())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("failed to start flint");
    // Under qemu-user the emulated program keeps the emulator's pid.
    let map_path = format!("/tmp/perf-{}.map", child.id());
    let out = child.wait_with_output().unwrap();
    assert_eq!(stdout(&out), "55\n");
    let map = std::fs::read_to_string(&map_path).unwrap();
    std::fs::remove_file(&map_path).unwrap();
    let names: Vec<&str> = map
        .lines()
        .map(|l| l.splitn(3, ' ').nth(2).unwrap())
        .collect();
    assert_eq!(names, ["fib", "fib_rec"], "{map}");
    for line in map.lines() {
        let mut parts = line.split(' ');
        let start = usize::from_str_radix(parts.next().unwrap(), 16).unwrap();
        let size = usize::from_str_radix(parts.next().unwrap(), 16).unwrap();
        assert!(start > 0 && size > 0, "{line}");
    }
}

#[test]
fn wast_runs_scripts_with_the_spec_runner_and_counts() {
    // Flint's own regression scripts pass.
    prints(
        &["wast", "wast/regressions/v128_plumbing.wast"],
        "wast/regressions/v128_plumbing.wast: 29 passed, 0 failed, 0 skipped\n",
    );
    let script = TempFile::new(
        "counts.wast",
        br#"(module (func (export "add") (param i32 i32) (result i32)
              (i32.add (local.get 0) (local.get 1))))
            (assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 3))
            (assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 4))
            (assert_invalid (module (func (result i32) (i64.const 1))) "type mismatch")"#,
    );
    let out = flint(&["wast", script.path()]);
    assert_eq!(out.status.code(), Some(EXIT_ERROR), "{}", stderr(&out));
    let printed = stdout(&out);
    assert!(
        printed.contains("counts.wast: 3 passed, 1 failed, 0 skipped"),
        "{printed}"
    );
    assert!(
        printed.contains("line 4: assert_return: result 0: expected i32:4, got i32:3"),
        "{printed}"
    );
    assert!(stderr(&out).contains("1 of 1 script(s) had failures"));
}
