//! Tests of the `flint` command-line binary, run as a separate process
//! exactly as a user would run it.
//!
//! They pin down the user-visible contract documented in `flint --help`
//! and the README: what gets printed, and the exit codes (0 success,
//! 1 error, 2 trap, 124 timeout). Every failure must be a one-line-or-so `error: ...`
//! on stderr; a Rust panic message there is always a bug.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod commands;
mod compile;
mod explain;
mod limits;
mod run;
mod wasi;

/// The repository's root, where the paths in the tests (`examples/`,
/// `wasi-tests/`) start, as in the README's commands.
fn repo_root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

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
        // Paths in the tests are relative to the repository root.
        .current_dir(repo_root())
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
