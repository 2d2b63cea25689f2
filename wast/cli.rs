//! Tests of the `flint` command-line binary, run as a separate process
//! exactly as a user would run it.
//!
//! They pin down the user-visible contract documented in `flint --help`
//! and the README: what gets printed, and the exit codes (0 success,
//! 1 error, 2 trap). Every failure must be a one-line-or-so `error: ...`
//! on stderr; a Rust panic message there is always a bug.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const EXIT_ERROR: i32 = 1;
const EXIT_TRAP: i32 = 2;

/// A command that starts the `flint` binary. When the tests run under
/// emulation (cross-testing, see `.cargo/aarch64-runner`), the binary is
/// for another architecture, so it is started through the same emulator,
/// which the runner names in `FLINT_TEST_RUNNER`.
fn flint_command() -> Command {
    let bin = env!("CARGO_BIN_EXE_flint");
    match std::env::var_os("FLINT_TEST_RUNNER") {
        Some(runner) if !runner.is_empty() => {
            let mut cmd = Command::new(runner);
            cmd.arg(bin);
            cmd
        }
        _ => Command::new(bin),
    }
}

fn flint(args: &[&str]) -> Output {
    flint_command()
        .args(args)
        // Paths in the tests are relative to the crate root.
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("failed to start flint")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Runs flint and checks that it failed with `code`, reporting an
/// `error:` containing `needle`, and did not panic.
fn fails(args: &[&str], code: i32, needle: &str) -> String {
    let out = flint(args);
    let err = stderr(&out);
    assert_eq!(
        out.status.code(),
        Some(code),
        "flint {args:?}\nstderr: {err}"
    );
    assert!(
        err.starts_with("error: "),
        "flint {args:?}: stderr is {err:?}"
    );
    assert!(
        err.contains(needle),
        "flint {args:?}: {needle:?} not in {err:?}"
    );
    assert!(!err.contains("panicked"), "flint {args:?} panicked: {err}");
    assert!(
        out.stdout.is_empty(),
        "flint {args:?} printed {:?}",
        stdout(&out)
    );
    err
}

/// Runs flint and checks it succeeded and printed exactly `expected`.
fn prints(args: &[&str], expected: &str) {
    let out = flint(args);
    assert!(
        out.status.success(),
        "flint {args:?} failed: {}",
        stderr(&out)
    );
    assert_eq!(stdout(&out), expected, "flint {args:?}");
}

/// A scratch file with the given contents, unique per test, removed at the
/// end of the test.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, contents: &[u8]) -> TempFile {
        let dir = std::env::temp_dir().join(format!("flint-cli-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, contents).unwrap();
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn readme_example_prints_fib_30() {
    // The README's first command.
    prints(
        &["run", "examples/fib.wat", "--invoke", "fib", "30"],
        "832040\n",
    );
    prints(
        &["run", "examples/fib.wat", "--invoke", "fib_rec", "20"],
        "6765\n",
    );
}

#[test]
fn binary_modules_run_too() {
    let wasm =
        wat::parse_file(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/fib.wat")).unwrap();
    let file = TempFile::new("fib.wasm", &wasm);
    prints(&["run", file.path(), "--invoke", "fib", "10"], "55\n");
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
        prints(&["run", f, "--invoke", ty, arg], &format!("{expected}\n"));
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
    prints(&["run", f, "--invoke", "none"], "");

    fails(
        &["run", f, "--invoke", "i32", "1.5"],
        EXIT_ERROR,
        "invalid i32",
    );
    fails(
        &["run", f, "--invoke", "i32", "4294967296"],
        EXIT_ERROR,
        "out of range",
    );
    fails(
        &["run", f, "--invoke", "f64", "fast"],
        EXIT_ERROR,
        "invalid f64",
    );
    fails(
        &["run", f, "--invoke", "i32"],
        EXIT_ERROR,
        "takes 1 argument but 0 were given",
    );
    fails(
        &["run", f, "--invoke", "i32", "1", "2"],
        EXIT_ERROR,
        "takes 1 argument",
    );
}

#[test]
fn traps_are_errors_with_their_own_exit_code() {
    let err = fails(
        &["run", "examples/trap.wat", "--invoke", "div", "7", "0"],
        EXIT_TRAP,
        "integer divide by zero",
    );
    assert!(err.contains("div"), "the error names the function: {err}");
    prints(
        &["run", "examples/trap.wat", "--invoke", "div", "7", "2"],
        "3\n",
    );
    fails(
        &["run", "examples/trap.wat", "--invoke", "forever"],
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
    assert_eq!(
        stderr(&out),
        "error: calling `_start`: wasm trap: integer divide by zero\n\
         wasm backtrace:\n    \
         0: func 0 <divide>\n    \
         1: func 1 <compute>\n    \
         2: func 2 <_start>\n"
    );
    assert!(out.stdout.is_empty());

    // A trap in the start function has a backtrace too.
    let start = TempFile::new(
        "backtrace-start.wat",
        b"(module (func $boom unreachable) (func $init (call $boom)) (start $init))",
    );
    let err = fails(&["run", start.path()], EXIT_TRAP, "unreachable");
    assert!(
        err.ends_with("wasm backtrace:\n    0: func 0 <boom>\n    1: func 1 <init>\n"),
        "{err}"
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
        &["run", "examples/fib.wat", "--invoke", "nope"],
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
        &["run", mem.path(), "--invoke", "m"],
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
            help.contains("2  the WebAssembly program trapped"),
            "{help}"
        );
    }
}

/// `flint explain` interleaves each operator with the machine code emitted
/// for it and the value stack after it, for either ISA on any host. The
/// exact code is guarded by the asm-tests; this checks the listing's shape.
#[test]
fn explain_interleaves_operators_code_and_stack() {
    for (target, mnemonics) in [
        ("x86_64", &["push rbp", "mov ", "ret"][..]),
        ("aarch64", &["stp x29, x30", "ldr ", "ret"][..]),
    ] {
        let args = ["explain", "examples/fib.wat", "--target", target];
        let out = flint(&args);
        let text = stdout(&out);
        assert_eq!(
            out.status.code(),
            Some(0),
            "flint {args:?}: {}",
            stderr(&out)
        );
        // A header per function, naming it, its signature and the target.
        assert!(
            text.contains("func 0 $fib (export \"fib\") (param i32) (result i32): ")
                && text.contains(&format!("bytes of {target}")),
            "{text}"
        );
        assert!(text.contains("func 1 $fib_rec"), "{text}");
        assert!(text.contains("          prologue\n"), "{text}");
        assert!(text.contains("out-of-line stubs"), "{text}");
        // Operators at their wasm offsets, indented by block depth, with the
        // stack after them: `local.get` emits no code, only a stack entry.
        let op_line = |needle: &str| {
            text.lines()
                .find(|l| l.contains(needle))
                .map(str::to_string)
        };
        let get = op_line("local.get 0 ").expect("a local.get line");
        assert!(get.trim_start().starts_with("0x"), "{get}");
        assert!(get.ends_with("[i32:local 0]"), "{get}");
        let add = op_line("i32.add ").expect("an i32.add line");
        assert!(add.contains("[i32:"), "{add}");
        assert!(text.contains("  loop "), "{text}");
        // Machine instructions: a 4-digit code offset, then the instruction.
        for m in mnemonics {
            assert!(
                text.lines()
                    .any(|l| l.starts_with("            0") && l.contains(m)),
                "{target}: no `{m}` instruction line in\n{text}"
            );
        }
        assert!(text.contains("; trap: call stack exhausted"), "{text}");
    }

    // One function, by name or index, with the encoding bytes.
    let by_name = stdout(&flint(&[
        "explain",
        "examples/fib.wat",
        "--func",
        "fib_rec",
        "--target",
        "x86_64",
    ]));
    let by_index = stdout(&flint(&[
        "explain",
        "examples/fib.wat",
        "--func",
        "1",
        "--target",
        "x86_64",
    ]));
    assert_eq!(by_name, by_index);
    assert!(
        by_name.contains("func 1 $fib_rec") && !by_name.contains("func 0"),
        "{by_name}"
    );
    let bytes = stdout(&flint(&[
        "explain",
        "examples/fib.wat",
        "--func",
        "$fib",
        "--target",
        "x86_64",
        "--bytes",
    ]));
    assert!(
        bytes.contains("  55  ") || bytes.contains(" 55 "),
        "push rbp is 55:\n{bytes}"
    );

    fails(
        &["explain", "examples/fib.wat", "--func", "nope"],
        EXIT_ERROR,
        "no function `nope`",
    );
    fails(
        &["explain", "examples/fib.wat", "--target", "mips"],
        EXIT_ERROR,
        "mips",
    );
}

#[test]
fn explain_names_the_cpu_features_it_compiled_for() {
    let text = stdout(&flint(&[
        "explain",
        "examples/fib.wat",
        "--target",
        "x86_64",
        "--cpu-features",
        "min",
    ]));
    assert!(
        text.contains(";; Compiled for x86_64 with CPU features: sse4.1 sse4.2 popcnt.\n"),
        "{text}"
    );
    let text = stdout(&flint(&[
        "explain",
        "examples/fib.wat",
        "--target",
        "aarch64",
        "--cpu-features",
        "lzcnt,lse",
    ]));
    // Another ISA's features are dropped.
    assert!(
        text.contains(";; Compiled for aarch64 with CPU features: lse.\n"),
        "{text}"
    );
    fails(
        &["explain", "examples/fib.wat", "--cpu-features", "sse5"],
        EXIT_ERROR,
        "unknown CPU feature `sse5`",
    );
}

/// Bit counting of both widths, run by the `flint` binary on qemu's model
/// of an older x86-64 CPU (`qemu-x86_64 -cpu MODEL`): the same code, the
/// same results as Rust's.
#[cfg(target_arch = "x86_64")]
fn run_bit_counts_on(cpu: &str) {
    let wat = TempFile::new(
        &format!("bits-{cpu}.wat"),
        br#"(module
          (func (export "i32.clz") (param i32) (result i32) (i32.clz (local.get 0)))
          (func (export "i32.ctz") (param i32) (result i32) (i32.ctz (local.get 0)))
          (func (export "i32.popcnt") (param i32) (result i32) (i32.popcnt (local.get 0)))
          (func (export "i64.clz") (param i64) (result i64) (i64.clz (local.get 0)))
          (func (export "i64.ctz") (param i64) (result i64) (i64.ctz (local.get 0)))
          (func (export "i64.popcnt") (param i64) (result i64) (i64.popcnt (local.get 0))))"#,
    );
    for v in [
        0u64,
        1,
        2,
        0x80,
        0x8000_0000,
        0xffff_ffff,
        0x1_0000_0000,
        1 << 63,
        u64::MAX,
    ] {
        let v32 = v as u32;
        let cases = [
            ("i32.clz", v32.to_string(), v32.leading_zeros()),
            ("i32.ctz", v32.to_string(), v32.trailing_zeros()),
            ("i32.popcnt", v32.to_string(), v32.count_ones()),
            ("i64.clz", v.to_string(), v.leading_zeros()),
            ("i64.ctz", v.to_string(), v.trailing_zeros()),
            ("i64.popcnt", v.to_string(), v.count_ones()),
        ];
        for (func, arg, want) in cases {
            let out = Command::new("qemu-x86_64")
                .args(["-cpu", cpu, env!("CARGO_BIN_EXE_flint"), "run"])
                .args([wat.path(), "--invoke", func, &arg])
                .output()
                .expect("qemu-x86_64 runs (Debian: apt-get install qemu-user)");
            assert_eq!(
                (stdout(&out).trim(), out.status.code()),
                (want.to_string().as_str(), Some(0)),
                "{func}({arg}) on {cpu}: {}",
                stderr(&out)
            );
        }
    }
}

/// On a CPU without LZCNT and BMI1 (Intel before Haswell), `lzcnt` and
/// `tzcnt` decode as `bsr` and `bsf` and give other answers (`i32.clz(1)`
/// was 0, not 31): the backend must use its fallback there.
#[cfg(target_arch = "x86_64")]
#[test]
fn bit_counting_is_right_without_lzcnt_and_bmi1() {
    run_bit_counts_on("Nehalem");
}

/// Below the floor (no SSE4.1, SSE4.2 or POPCNT: qemu's Core 2 model),
/// Flint refuses to run rather than emit code the CPU cannot execute.
#[cfg(target_arch = "x86_64")]
#[test]
fn a_cpu_below_the_floor_is_refused_clearly() {
    let out = Command::new("qemu-x86_64")
        .args(["-cpu", "core2duo", env!("CARGO_BIN_EXE_flint")])
        .args(["run", "examples/fib.wat", "--invoke", "fib", "10"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("qemu-x86_64 runs (Debian: apt-get install qemu-user)");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(EXIT_ERROR), "{err}");
    assert!(
        err.contains("Flint needs x86_64 with sse4.1 sse4.2 popcnt; this CPU lacks"),
        "{err}"
    );
}

/// A C program built for `wasm32-wasi` (wasi-tests/hello.c, rebuilt by
/// wasi-tests/build.sh) runs as a command: its arguments after `--`, an
/// `--env` variable, the clocks and randomness it checks, both standard
/// streams, and its exit status, whether from `return` in `main` or
/// `exit()`.
#[test]
fn wasi_command_runs_with_args_env_and_exit_status() {
    let checks = "monotonic=1\nafter_2020=1\nrandom_nonzero=1\n";
    let out = flint(&[
        "run",
        "wasi-tests/hello.wasm",
        "--env",
        "GREETING=hi",
        "--",
        "one",
        "two",
    ]);
    assert_eq!(
        stdout(&out),
        format!("argc=3\nargv[1]=one\nargv[2]=two\nGREETING=hi\n{checks}")
    );
    assert_eq!(stderr(&out), "to stderr\n");
    assert_eq!(
        out.status.code(),
        Some(7),
        "exit(7) with more than one argument"
    );

    let out = flint(&["run", "wasi-tests/hello.wasm", "--", "fail"]);
    assert_eq!(
        stdout(&out),
        format!("argc=2\nargv[1]=fail\nGREETING=(unset)\n{checks}")
    );
    assert_eq!(out.status.code(), Some(3), "return 3 from main");

    let out = flint(&["run", "wasi-tests/hello.wasm"]);
    assert_eq!(stdout(&out), format!("argc=1\nGREETING=(unset)\n{checks}"));
    assert_eq!(out.status.code(), Some(0));
}

/// A scratch directory tree, removed with its contents at the end of a
/// test.
struct TempTree(PathBuf);

impl TempTree {
    fn new(name: &str) -> TempTree {
        let root = std::env::temp_dir().join(format!("flint-cli-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(&root).unwrap();
        TempTree(root)
    }
}

impl Drop for TempTree {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The names in a directory, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// wasi-tests/files.c (built for `wasm32-wasi` by wasi-tests/build.sh)
/// works with files and directories in a directory given with
/// `--dir HOST::/sandbox`, reads its standard input, and tries to get out
/// of the sandbox in every way it can: `..`, absolute paths, a symlink the
/// test planted pointing outside, symlinks it makes itself. Its output
/// (each operation's result or errno) must be exactly
/// wasi-tests/files.expected, and nothing outside the sandbox may change.
#[test]
fn wasi_files_and_directories_stay_in_the_sandbox() {
    use std::io::Write;
    let tree = TempTree::new("files");
    let (sandbox, outside) = (tree.0.join("sandbox"), tree.0.join("outside"));
    std::fs::create_dir(&sandbox).unwrap();
    std::fs::create_dir(&outside).unwrap();
    std::fs::write(outside.join("passwd"), "secret").unwrap();
    std::os::unix::fs::symlink(&outside, sandbox.join("escape")).unwrap();

    let dir = format!("{}::/sandbox", sandbox.display());
    let mut child = flint_command()
        .args(["run", "wasi-tests/files.wasm", "--dir", &dir])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("failed to start flint");
    child.stdin.take().unwrap().write_all(b"a line\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(stderr(&out), "");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), include_str!("../wasi-tests/files.expected"));

    assert_eq!(names(&tree.0), ["outside", "sandbox"]);
    assert_eq!(names(&outside), ["passwd"]);
    assert_eq!(
        std::fs::read_to_string(outside.join("passwd")).unwrap(),
        "secret"
    );
    assert_eq!(names(&sandbox), ["dir", "escape"]);
    assert_eq!(names(&sandbox.join("dir")), ["g.txt"]);

    fails(
        &["run", "wasi-tests/files.wasm", "--dir", "/no/such/dir::/x"],
        EXIT_ERROR,
        "--dir /no/such/dir::/x: cannot open `/no/such/dir`",
    );
}

/// `--dir HOST::GUEST` names the directory GUEST for the program;
/// without `::GUEST` the name is HOST as given. The program prints the
/// name of its first preopen (descriptor 3), as wasi-libc's start code
/// reads it.
#[test]
fn wasi_dir_names() {
    let wat = TempFile::new(
        "preopen-name.wat",
        br#"(module
  (import "wasi_snapshot_preview1" "fd_prestat_get" (func $get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_prestat_dir_name" (func $name (param i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "_start")
    (drop (call $get (i32.const 3) (i32.const 0)))
    (drop (call $name (i32.const 3) (i32.const 100) (i32.load (i32.const 4))))
    (i32.store (i32.const 16) (i32.const 100))
    (i32.store (i32.const 20) (i32.load (i32.const 4)))
    (drop (call $write (i32.const 1) (i32.const 16) (i32.const 1) (i32.const 24)))))"#,
    );
    prints(&["run", wat.path(), "--dir", "wasi-tests"], "wasi-tests");
    prints(&["run", wat.path(), "--dir", "wasi-tests::/data"], "/data");
    prints(&["run", wat.path(), "--dir", "wasi-tests::."], ".");
}

/// `--env KEY` without a value passes flint's own variable through, and
/// passes nothing when flint does not have it.
#[test]
fn wasi_env_inherits_a_named_variable() {
    let run = |value: Option<&str>| {
        let mut cmd = flint_command();
        cmd.args(["run", "wasi-tests/hello.wasm", "--env", "GREETING"])
            .current_dir(env!("CARGO_MANIFEST_DIR"));
        match value {
            Some(v) => cmd.env("GREETING", v),
            None => cmd.env_remove("GREETING"),
        };
        let out = cmd.output().expect("failed to start flint");
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        stdout(&out)
    };
    assert!(run(Some("inherited")).contains("\nGREETING=inherited\n"));
    assert!(run(None).contains("\nGREETING=(unset)\n"));
}

/// `--preload NAME=MODULE_FILE` instantiates a module first and lets the
/// main module import its exports from NAME; a preload that imports WASI
/// gets it (here it prints for a main module that does not import WASI
/// itself).
#[test]
fn preload_provides_imports() {
    let lib = TempFile::new(
        "preload-lib.wat",
        br#"(module
  (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
  (memory 1)
  (data (i32.const 16) "hi from lib\n")
  (global (export "base") i32 (i32.const 100))
  (func (export "double") (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2)))
  (func (export "say")
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 12))
    (drop (call $write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))"#,
    );
    let main = TempFile::new(
        "preload-main.wat",
        br#"(module
  (import "lib" "double" (func $double (param i32) (result i32)))
  (import "lib" "base" (global $base i32))
  (import "lib" "say" (func $say))
  (func (export "run") (param i32) (result i32)
    (i32.add (call $double (local.get 0)) (global.get $base)))
  (func (export "_start") (call $say)))"#,
    );
    let preload = format!("lib={}", lib.path());
    prints(
        &[
            "run",
            "--preload",
            &preload,
            main.path(),
            "--invoke",
            "run",
            "21",
        ],
        "142\n",
    );
    prints(
        &["run", main.path(), "--preload", &preload],
        "hi from lib\n",
    );

    let err = fails(&["run", main.path()], EXIT_ERROR, "link error");
    assert!(err.contains("double"), "{err}");
    fails(
        &["run", "--preload", "lib", main.path()],
        EXIT_ERROR,
        "--preload lib: expected NAME=MODULE_FILE",
    );
    fails(
        &["run", "--preload", "lib=no/such.wasm", main.path()],
        EXIT_ERROR,
        "no/such.wasm",
    );
    let err = fails(
        &[
            "run",
            "--preload",
            &format!("other={}", lib.path()),
            main.path(),
        ],
        EXIT_ERROR,
        "link error",
    );
    assert!(err.contains("lib"), "{err}");
}

/// `proc_raise` of a terminating signal ends the program with status 128
/// + the signal, quietly, as `proc_exit` would.
#[test]
fn wasi_proc_raise_sets_the_exit_status() {
    let wat = TempFile::new(
        "raise.wat",
        br#"(module
  (import "wasi_snapshot_preview1" "proc_raise" (func $raise (param i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "_start")
    (drop (call $raise (i32.const 0)))
    (drop (call $raise (i32.const 6)))
    unreachable))"#,
    );
    let out = flint(&["run", wat.path()]);
    assert_eq!(out.status.code(), Some(134), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
}

/// `--tcplisten HOST:PORT` gives the program a listening socket after
/// its directories; the program accepts a connection and answers on it.
#[test]
fn wasi_tcplisten_hands_over_a_listening_socket() {
    use std::io::Read;
    let wat = TempFile::new(
        "tcplisten.wat",
        br#"(module
  (import "wasi_snapshot_preview1" "sock_accept" (func $accept (param i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 32) "hello over tcp")
  (func (export "_start")
    ;; Descriptor 3 is the --dir directory; the socket is 4.
    (if (call $accept (i32.const 4) (i32.const 0) (i32.const 0)) (then unreachable))
    (i32.store (i32.const 8) (i32.const 32))
    (i32.store (i32.const 12) (i32.const 14))
    (drop (call $write (i32.load (i32.const 0)) (i32.const 8) (i32.const 1) (i32.const 16)))))"#,
    );
    // A port that was free a moment ago.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let addr = format!("127.0.0.1:{port}");
    let child = flint_command()
        .args([
            "run",
            wat.path(),
            "--dir",
            "wasi-tests",
            "--tcplisten",
            &addr,
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("failed to start flint");
    // Flint (perhaps under an emulator) takes a moment to start listening.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let mut stream = loop {
        match std::net::TcpStream::connect(&addr) {
            Ok(stream) => break stream,
            Err(e) if std::time::Instant::now() > deadline => panic!("cannot connect: {e}"),
            Err(_) => std::thread::sleep(std::time::Duration::from_millis(50)),
        }
    };
    let mut got = String::new();
    stream.read_to_string(&mut got).unwrap();
    assert_eq!(got, "hello over tcp");
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    fails(
        &["run", wat.path(), "--tcplisten", "not an address"],
        EXIT_ERROR,
        "--tcplisten not an address: cannot listen",
    );
}

/// Runs a WASI test program that works with files beneath the directory
/// in its first argument (`/data`, a scratch directory), prints its other
/// arguments and an environment variable, and exits with status 3. Its
/// output must be exactly `wasi-tests/<program>.expected`, which
/// `wasi-tests/build.sh` recorded from the same program built for the
/// host and run natively: under flint it behaves as under the host's own
/// libc and file system.
fn assert_behaves_as_its_native_build(program: &str, greeting_var: &str, expected: &str) {
    let tree = TempTree::new(program);
    let dir = format!("{}::/data", tree.0.display());
    let env = format!("{greeting_var}=hello");
    let wasm = format!("wasi-tests/{program}.wasm");
    let out = flint(&[
        "run", "--dir", &dir, "--env", &env, &wasm, "--", "/data", "one", "two",
    ]);
    assert_eq!(stdout(&out), expected);
    assert_eq!(stderr(&out), format!("{program}: done\n"));
    assert_eq!(out.status.code(), Some(3));
    assert!(names(&tree.0).is_empty(), "the program removed its files");
}

/// wasi-tests/c_files.c, through wasi-libc.
#[test]
fn wasi_c_program_behaves_as_its_native_build() {
    assert_behaves_as_its_native_build(
        "c_files",
        "C_FILES_GREETING",
        include_str!("../wasi-tests/c_files.expected"),
    );
}

/// wasi-tests/rust/, built for `wasm32-wasip1`.
#[test]
fn wasi_rust_program_behaves_as_its_native_build() {
    assert_behaves_as_its_native_build(
        "rust_files",
        "RUST_FILES_GREETING",
        include_str!("../wasi-tests/rust_files.expected"),
    );
}

/// A WASI program's exit status is flint's, when a process exit status can
/// carry it (0 to 255). A larger one must not be truncated (256 would be
/// 0, success): it is an error, exit code 1, with a message.
#[test]
fn proc_exit_statuses_beyond_255_are_an_error_not_success() {
    let exit_with = |status: u32| {
        TempFile::new(
            &format!("exit-{status}.wat"),
            format!(
                r#"(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory (export "memory") 1)
  (func (export "_start") (call $exit (i32.const {status}))))"#
            )
            .as_bytes(),
        )
    };
    for status in [7, 255] {
        let wat = exit_with(status);
        let out = flint(&["run", wat.path()]);
        assert_eq!(out.status.code(), Some(status as i32), "{}", stderr(&out));
        assert_eq!(stderr(&out), "");
    }
    for status in [256, 513, u32::MAX] {
        let wat = exit_with(status);
        fails(
            &["run", wat.path()],
            EXIT_ERROR,
            &format!("the program exited with status {status}, which is not a valid"),
        );
    }
}

/// `--dir` and `--tcplisten` are checked whether or not the module imports
/// WASI: a mistake in them is an error, never silently ignored.
#[test]
fn wasi_options_are_checked_for_modules_without_wasi() {
    let wat = TempFile::new(
        "no-wasi.wat",
        br#"(module (func (export "f") (result i32) (i32.const 5)))"#,
    );
    fails(
        &["run", wat.path(), "--dir", "/nonexistent", "--invoke", "f"],
        EXIT_ERROR,
        "--dir /nonexistent: cannot open `/nonexistent`",
    );
    fails(
        &[
            "run",
            wat.path(),
            "--tcplisten",
            "notaport",
            "--invoke",
            "f",
        ],
        EXIT_ERROR,
        "--tcplisten notaport: cannot listen",
    );
    // Valid ones are fine (and unused).
    prints(
        &[
            "run",
            wat.path(),
            "--dir",
            "wasi-tests",
            "--tcplisten",
            "127.0.0.1:0",
            "--invoke",
            "f",
        ],
        "5\n",
    );
}

/// Only regular files are read as modules: `/dev/zero` would be read until
/// memory runs out, a FIFO could block forever.
#[test]
fn module_files_must_be_regular_files() {
    let err = fails(
        &["run", "/dev/zero", "--invoke", "f"],
        EXIT_ERROR,
        "failed to read `/dev/zero`: not a regular file",
    );
    assert!(!err.contains("magic"), "{err}");
    fails(
        &["run", "wasi-tests", "--invoke", "f"],
        EXIT_ERROR,
        "failed to read `wasi-tests`",
    );
    fails(
        &["explain", "/dev/zero"],
        EXIT_ERROR,
        "failed to read `/dev/zero`: not a regular file",
    );
}
