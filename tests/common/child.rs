//! Running a test binary again as a child process, for the tests that must
//! watch a process die (a fault outside wasm, a signal not for Flint).
//!
//! Under qemu-user (cross-testing aarch64, see `.cargo/config.toml`) a
//! child forked from a test binary whose other threads are busy can stay
//! stuck inside the emulator before it reaches `exec` (an emulator lock
//! held by another thread at the fork). On hardware this cannot happen,
//! but under the emulator it would hang the whole run. So a child that has
//! not finished by [`DEADLINE`] is killed and started again, up to
//! [`ATTEMPTS`] times; a child that really hangs still fails the test.
//! Shared by the library's runtime tests, `tests/traps` and `tests/api`.

use std::io::Read;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Far longer than any child needs, even emulated on a loaded machine.
const DEADLINE: Duration = Duration::from_secs(120);
const ATTEMPTS: usize = 3;

/// A command that runs this test binary again. When the tests run under an
/// emulator (cross-testing aarch64 under qemu-user, see
/// `.cargo/config.toml`), `FLINT_TEST_RUNNER` holds the emulator command
/// line, and the child must be started through it too.
pub fn this_test_binary() -> Command {
    let exe = std::env::current_exe().expect("test binary path");
    let runner = std::env::var("FLINT_TEST_RUNNER").unwrap_or_default();
    let mut runner = runner.split_whitespace();
    match runner.next() {
        Some(emulator) => {
            let mut c = Command::new(emulator);
            c.args(runner).arg(exe);
            c
        }
        None => Command::new(exe),
    }
}

/// Run this test binary again for exactly the test `test`, alone, with the
/// environment variable `var` set to `value` (so the test can tell it is
/// the child, and which part to play), and return its output.
pub fn run_alone(test: &str, var: &str, value: &str) -> Output {
    output_of(|| {
        let mut c = this_test_binary();
        c.args([test, "--exact", "--nocapture", "--test-threads=1"])
            .env(var, value);
        c
    })
}

/// Run the command `make` builds to its end and return its output (see the
/// module doc for why it may be started more than once).
pub fn output_of(mut make: impl FnMut() -> Command) -> Output {
    for _ in 0..ATTEMPTS {
        let mut child = make()
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("cannot run the test binary");
        let read_all = |mut pipe: Box<dyn Read + Send>| {
            std::thread::spawn(move || {
                let mut bytes = Vec::new();
                let _ = pipe.read_to_end(&mut bytes);
                bytes
            })
        };
        let stdout = read_all(Box::new(child.stdout.take().expect("piped")));
        let stderr = read_all(Box::new(child.stderr.take().expect("piped")));
        let deadline = Instant::now() + DEADLINE;
        loop {
            if let Some(status) = child.try_wait().expect("cannot wait for the child") {
                return Output {
                    status,
                    stdout: stdout.join().expect("reader"),
                    stderr: stderr.join().expect("reader"),
                };
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                let _ = child.wait();
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
    panic!("the child process did not finish in {ATTEMPTS} attempts of {DEADLINE:?}")
}
