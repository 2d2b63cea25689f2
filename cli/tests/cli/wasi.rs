//! WASI programs run by the binary: commands with arguments, environment
//! and exit status, preopened directories that keep them in the sandbox,
//! preloaded modules, `proc_raise`, `--tcplisten`, and the C and Rust
//! programs of wasi-tests/, which must behave as their native builds
//! (among them two built with 128-bit SIMD).

use super::*;

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
        "--env",
        "GREETING=hi",
        "wasi-tests/hello.wasm",
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

    let out = flint(&["run", "wasi-tests/hello.wasm", "fail"]);
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
        .args(["run", "--dir", &dir, "wasi-tests/files.wasm"])
        .current_dir(repo_root())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("failed to start flint");
    child.stdin.take().unwrap().write_all(b"a line\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(stderr(&out), "");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../wasi-tests/files.expected"
        ))
    );

    assert_eq!(names(&tree.0), ["outside", "sandbox"]);
    assert_eq!(names(&outside), ["passwd"]);
    assert_eq!(
        std::fs::read_to_string(outside.join("passwd")).unwrap(),
        "secret"
    );
    assert_eq!(names(&sandbox), ["dir", "escape"]);
    assert_eq!(names(&sandbox.join("dir")), ["g.txt"]);

    fails(
        &["run", "--dir", "/no/such/dir::/x", "wasi-tests/files.wasm"],
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
    prints(&["run", "--dir", "wasi-tests", wat.path()], "wasi-tests");
    prints(&["run", "--dir", "wasi-tests::/data", wat.path()], "/data");
    prints(&["run", "--dir", "wasi-tests::.", wat.path()], ".");
}

/// `--env KEY` without a value passes flint's own variable through, and
/// passes nothing when flint does not have it.
#[test]
fn wasi_env_inherits_a_named_variable() {
    let run = |value: Option<&str>| {
        let mut cmd = flint_command();
        cmd.args(["run", "--env", "GREETING", "wasi-tests/hello.wasm"])
            .current_dir(repo_root());
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
            "--invoke",
            "run",
            main.path(),
            "21",
        ],
        "142\n",
    );
    prints(
        &["run", "--preload", &preload, main.path()],
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
    // Two preloads under one name: an error naming it, before anything
    // runs (neither replaces the other).
    fails(
        &[
            "run",
            "--preload",
            &preload,
            "--preload",
            &preload,
            main.path(),
        ],
        EXIT_ERROR,
        "--preload lib: the name is given twice",
    );
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
            "--dir",
            "wasi-tests",
            "--tcplisten",
            &addr,
            wat.path(),
        ])
        .current_dir(repo_root())
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
        &["run", "--tcplisten", "not an address", wat.path()],
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
        "run", "--dir", &dir, "--env", &env, &wasm, "/data", "one", "two",
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
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../wasi-tests/c_files.expected"
        )),
    );
}

/// wasi-tests/rust/, built for `wasm32-wasip1`.
#[test]
fn wasi_rust_program_behaves_as_its_native_build() {
    assert_behaves_as_its_native_build(
        "rust_files",
        "RUST_FILES_GREETING",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../wasi-tests/rust_files.expected"
        )),
    );
}

/// The seed wasi-tests/build.sh gives the SIMD programs' native builds
/// (`SIMD_SEED` there) when it records their `.expected` output.
const SIMD_SEED: &str = "20241130";

/// Runs a WASI program built with SIMD (issue 14) with the seed of its
/// inputs: it must succeed and print exactly `wasi-tests/<program>.expected`,
/// which build.sh recorded from the same program built for the host, where
/// plain code computes what each SIMD instruction is specified to compute.
/// A mismatch names the first line that differs (each line is one kernel,
/// or one operator's lanes), not a thousand-line diff.
fn assert_simd_program_matches_native(program: &str, expected: &str) {
    let wasm = format!("wasi-tests/{program}.wasm");
    let out = flint(&["run", &wasm, SIMD_SEED]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "flint run {wasm} failed: {}",
        stderr(&out)
    );
    assert_eq!(stderr(&out), "");
    let got = stdout(&out);
    let (got_lines, expected_lines): (Vec<&str>, Vec<&str>) =
        (got.lines().collect(), expected.lines().collect());
    let wrong = got_lines
        .iter()
        .zip(&expected_lines)
        .filter(|(g, e)| g != e)
        .count();
    if let Some(i) = (0..got_lines.len().max(expected_lines.len()))
        .find(|&i| got_lines.get(i) != expected_lines.get(i))
    {
        panic!(
            "{program}: {wrong} of {} lines differ from the native build's; \
             the first is line {}:\n  expected: {:?}\n  got:      {:?}",
            expected_lines.len(),
            i + 1,
            expected_lines.get(i),
            got_lines.get(i)
        );
    }
    assert_eq!(got, expected, "{program}: line endings differ");
}

/// wasi-tests/c_simd.c, built with clang -O3 -msimd128: auto-vectorised
/// loops, kernels in `<wasm_simd128.h>` intrinsics, and all 236 SIMD
/// opcodes on edge-case lanes.
#[test]
fn wasi_c_simd_program_behaves_as_its_native_build() {
    assert_simd_program_matches_native(
        "c_simd",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../wasi-tests/c_simd.expected"
        )),
    );
}

/// wasi-tests/rust_simd/, built for `wasm32-wasip1` with `+simd128`:
/// vectorised iterators and kernels in `core::arch::wasm32` intrinsics.
#[test]
fn wasi_rust_simd_program_behaves_as_its_native_build() {
    assert_simd_program_matches_native(
        "rust_simd",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../wasi-tests/rust_simd.expected"
        )),
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
        &["run", "--dir", "/nonexistent", "--invoke", "f", wat.path()],
        EXIT_ERROR,
        "--dir /nonexistent: cannot open `/nonexistent`",
    );
    fails(
        &[
            "run",
            "--tcplisten",
            "notaport",
            "--invoke",
            "f",
            wat.path(),
        ],
        EXIT_ERROR,
        "--tcplisten notaport: cannot listen",
    );
    // Valid ones are fine (and unused).
    prints(
        &[
            "run",
            "--dir",
            "wasi-tests",
            "--tcplisten",
            "127.0.0.1:0",
            "--invoke",
            "f",
            wat.path(),
        ],
        "5\n",
    );
}
