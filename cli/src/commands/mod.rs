//! Shared plumbing of the `flint` subcommands: how failures are described
//! and mapped to exit codes, how a module file is loaded, and the thread the
//! guest runs on.
//!
//! Each subcommand returns `Result<(), Failure>` instead of printing and
//! exiting itself, so the exit-code policy is decided in exactly one place
//! (`main.rs`) and the subcommands stay testable as plain functions.

pub mod args;
pub mod compile;
pub mod explain;
pub mod limits;
pub mod run;
pub mod settings;
pub mod validate;
pub mod wast;

use std::path::Path;

/// Exit code for every failure that is not a trap (see `--help`).
pub const EXIT_ERROR: u8 = 1;
/// Exit code when the guest traps. Kept distinct from [`EXIT_ERROR`] so a
/// script can tell "the program crashed" from "flint could not run it".
pub const EXIT_TRAP: u8 = 2;
/// Exit code when `-W timeout` interrupted the guest: a trap, but one the
/// user asked for, so a script can tell it from a crash (124 is what
/// coreutils' `timeout` exits with).
pub const EXIT_TIMEOUT: u8 = 124;
/// Rust's own exit code for a panic; used if the worker thread panicked,
/// which is always a bug in Flint, never the user's fault.
const EXIT_PANIC: u8 = 101;

/// Why a subcommand failed: the message printed after `error: `, and
/// whether the guest trapped (which selects the exit code).
#[derive(Debug)]
pub struct Failure {
    pub message: String,
    pub trapped: bool,
    /// The trap was the `-W timeout` interrupt (exit code 124).
    pub timed_out: bool,
    /// Set only when the worker thread died of a panic.
    internal: bool,
    /// A WASI program's own exit status (`proc_exit`): no message, and
    /// this exact code.
    pub status: Option<u8>,
}

impl Failure {
    /// A failure that is not a trap: exit code 1.
    pub fn error(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            trapped: false,
            timed_out: false,
            internal: false,
            status: None,
        }
    }

    /// A program that chose its exit status: flint exits with it, quietly.
    pub fn exit_status(status: u32) -> Failure {
        Failure {
            message: String::new(),
            trapped: false,
            timed_out: false,
            internal: false,
            status: Some(status as u8),
        }
    }

    /// Wraps an API error, prefixing it with what we were doing, e.g.
    /// "calling `fib`: wasm trap: integer divide by zero". Traps keep their
    /// identity so they get their own exit code, and are followed by their
    /// wasm backtrace (when wasm code raised them), one frame per line.
    pub fn from_api(context: impl std::fmt::Display, err: flint::Error) -> Failure {
        let mut message = format!("{context}: {err}");
        if let flint::Error::Trap(trap) = &err {
            if !trap.backtrace().is_empty() {
                message.push('\n');
                message.push_str(&trap.backtrace().to_string());
            }
        }
        Failure {
            trapped: matches!(err, flint::Error::Trap(_)),
            // Epoch interruption is compiled in only for `-W timeout`.
            timed_out: err.trap_code() == Some(flint::TrapCode::Interrupt),
            message,
            internal: false,
            status: None,
        }
    }

    pub fn exit_code(&self) -> u8 {
        if let Some(status) = self.status {
            status
        } else if self.internal {
            EXIT_PANIC
        } else if self.timed_out {
            EXIT_TIMEOUT
        } else if self.trapped {
            EXIT_TRAP
        } else {
            EXIT_ERROR
        }
    }
}

/// Reads a module file and turns it into wasm binary bytes. Text (`.wat`)
/// is assembled here rather than inside `Module::new` so that syntax errors
/// are reported with the file name, line and column the `wat` crate knows.
pub fn load_module_bytes(path: &Path) -> Result<Vec<u8>, Failure> {
    let bytes = read_module_file(path)
        .map_err(|e| Failure::error(format!("failed to read `{}`: {e}", path.display())))?;
    // `parse_bytes` passes binary modules (starting with `\0asm`) through
    // untouched and assembles anything else as text, whatever the extension.
    match wat::Parser::new().parse_bytes(Some(path), &bytes) {
        Ok(wasm) => Ok(wasm.into_owned()),
        // Not UTF-8 and no wasm magic: most likely not meant as wasm at all,
        // and a wat parse error about UTF-8 would only confuse.
        Err(_) if std::str::from_utf8(&bytes).is_err() => Err(Failure::error(format!(
            "`{}` is not a WebAssembly module: it starts neither with the \
             `\\0asm` magic number nor with wat text",
            path.display()
        ))),
        Err(e) => Err(Failure::error(format!(
            "`{}` is not valid wat text:\n{e}",
            path.display()
        ))),
    }
}

/// The largest module file flint reads (1 GiB): far above any real module,
/// and a bound on what a mistaken path can make flint hold in memory.
const MAX_MODULE_FILE: u64 = 1 << 30;

/// Reads a module file: only a regular file (a device such as `/dev/zero`
/// or a FIFO could be read forever), of at most [`MAX_MODULE_FILE`] bytes.
fn read_module_file(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::{Error, ErrorKind, Read};
    let file = std::fs::File::open(path)?;
    let metadata = file.metadata()?;
    if !metadata.is_file() {
        return Err(Error::new(
            ErrorKind::InvalidInput,
            "not a regular file (a module must be a .wasm or .wat file)",
        ));
    }
    let too_large = || {
        Error::new(
            ErrorKind::InvalidInput,
            format!("larger than flint's limit of {MAX_MODULE_FILE} bytes for a module file"),
        )
    };
    if metadata.len() > MAX_MODULE_FILE {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    // The file may grow while it is read: read one byte past the limit to
    // tell.
    file.take(MAX_MODULE_FILE + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_MODULE_FILE {
        return Err(too_large());
    }
    Ok(bytes)
}

/// Stack size of the thread that runs the guest, beyond the wasm stack
/// limit. JIT code runs on the native stack of the calling thread, and the
/// runtime's stack-overflow check allows `Config::max_wasm_stack` bytes of
/// wasm frames (1 MiB by default, `-W max-wasm-stack`) on top of whatever
/// the host already uses. The main thread's stack size depends on
/// `ulimit -s`; a thread we create has a size we chose, so deep recursion
/// ends in a clean "call stack exhausted" trap on every machine.
const GUEST_THREAD_STACK: usize = 15 << 20;

/// Runs `work` on a fresh thread whose stack holds `max_wasm_stack` bytes
/// of wasm frames plus [`GUEST_THREAD_STACK`] for the host, and waits for
/// it. The store and everything in it are created inside `work`, so all
/// wasm runs on that stack.
pub fn run_on_big_stack(
    max_wasm_stack: usize,
    work: impl FnOnce() -> Result<(), Failure> + Send + 'static,
) -> Result<(), Failure> {
    let handle = std::thread::Builder::new()
        .name("flint-guest".into())
        .stack_size(GUEST_THREAD_STACK.saturating_add(max_wasm_stack))
        .spawn(work)
        .map_err(|e| Failure::error(format!("failed to start the guest thread: {e}")))?;
    // A panic has already been reported by the default panic hook; we only
    // choose the exit code.
    handle.join().unwrap_or_else(|_| {
        Err(Failure {
            message: "flint panicked; this is a bug in flint".into(),
            trapped: false,
            timed_out: false,
            internal: true,
            status: None,
        })
    })
}
