//! WASI preview 1 (`wasi_snapshot_preview1`): the system interface that C,
//! Rust, Go and Zig programs compiled for `wasm32-wasi(p1)` import.
//!
//! A [`WasiCtx`] holds what one program sees of the world: its arguments,
//! environment, standard streams, preopened directories and listening
//! sockets.
//! [`add_to_linker`] defines every preview1 function under the
//! `wasi_snapshot_preview1` module name, each as a host function that reads
//! and writes the calling instance's memory through [`Caller`]. Errors are
//! WASI errno values returned to the guest, never host panics: every guest
//! pointer and length is bounds-checked (`EFAULT`), every host error is
//! mapped to an errno (`errno`), and every descriptor's rights are checked
//! (`ENOTCAPABLE`).
//!
//! The functions live by concept: `process` (arguments, environment,
//! randomness), `clock`, `fd` (operations on a descriptor), `readdir`,
//! `path` (operations on a path beneath a directory descriptor), with
//! `filestat` shared by the last three, `poll` (`poll_oneoff`) and
//! `socket` (`sock_*`, on sockets the embedder hands over). Beneath them:
//! `ctx` (the context and its builder), `fd_table` (descriptors) and
//! `rights`, `memory` (bounds-checked guest memory access), `errno`, and
//! `pipe` (in-memory standard streams for embedders).

mod clock;
mod ctx;
mod errno;
mod fd;
mod fd_table;
mod filestat;
mod memory;
mod path;
mod pipe;
mod poll;
mod process;
mod readdir;
mod rights;
mod socket;

pub use ctx::WasiCtx;
pub use pipe::Pipe;

use crate::api::caller::Caller;
use crate::api::linker::Linker;
use crate::error::{Error, Result};
use crate::types::{FuncType, Val, ValType};
use errno::{Errno, WasiResult};
use memory::{Args, GuestMemory};

/// The module name WASI preview 1 programs import from.
pub const MODULE: &str = "wasi_snapshot_preview1";

/// One preview1 function: its name, its parameter types (every one
/// returns an errno), and the host code, which gets the context, the
/// caller's memory and the arguments.
struct Function {
    name: &'static str,
    params: &'static [ValType],
    run: fn(&WasiCtx, &GuestMemory, &Args) -> WasiResult<()>,
}

/// Define every preview1 function in `linker`. Each finds its [`WasiCtx`]
/// in the store's host state with `get` (e.g. `|t: &mut MyState| &mut
/// t.wasi`), so one linker serves every store, each with its own context.
/// Fails if a preview1 name is already defined in the linker.
pub fn add_to_linker<T: 'static>(
    linker: &mut Linker<T>,
    get: impl Fn(&mut T) -> &mut WasiCtx + Copy + Send + Sync + 'static,
) -> Result<()> {
    let all = [
        process::FUNCTIONS,
        clock::FUNCTIONS,
        fd::FUNCTIONS,
        readdir::FUNCTIONS,
        path::FUNCTIONS,
        poll::FUNCTIONS,
        socket::FUNCTIONS,
    ];
    for f in all.into_iter().flatten() {
        let run = f.run;
        let ty = FuncType::new(f.params.to_vec(), [ValType::I32]);
        linker.func_new(
            MODULE,
            f.name,
            ty,
            move |mut caller: Caller<'_, T>, args, results| {
                let errno = match caller.memory() {
                    Some(memory) => {
                        let (bytes, data) = memory.data_and_store_mut(&mut caller);
                        match run(get(data), &GuestMemory::new(bytes), &Args(args)) {
                            Ok(()) => Errno::Success,
                            Err(errno) => errno,
                        }
                    }
                    None => Errno::Fault,
                };
                results[0] = Val::I32(errno as i32);
                Ok(())
            },
        )?;
    }
    // `proc_exit` returns nothing: it ends the program by unwinding it like
    // a trap, after recording the status.
    let ty = FuncType::new([ValType::I32], []);
    linker.func_new(MODULE, "proc_exit", ty, move |mut caller, args, _| {
        let status = Args(args).u32(0);
        Err(get(caller.data_mut()).exit(status))
    })?;
    // `proc_raise` returns an errno, or ends the program the same way.
    let ty = FuncType::new([ValType::I32], [ValType::I32]);
    linker.func_new(
        MODULE,
        "proc_raise",
        ty,
        move |mut caller, args, results| {
            let signal = Args(args).u32(0);
            results[0] = Val::I32(match process::raise(signal) {
                Ok(None) => Errno::Success as i32,
                Ok(Some(status)) => return Err(get(caller.data_mut()).exit(status)),
                Err(errno) => errno as i32,
            });
            Ok(())
        },
    )?;
    Ok(())
}

/// How a WASI program ended itself: `proc_exit(status)`, or `proc_raise`
/// of a terminating signal (status 128 + the signal). The call into wasm
/// fails with it: `error.downcast_ref::<I32Exit>()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct I32Exit(pub i32);

impl std::fmt::Display for I32Exit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "exit with status {}", self.0)
    }
}

impl std::error::Error for I32Exit {}

impl WasiCtx {
    /// Record the program's exit status; the error that unwinds it.
    fn exit(&self, status: u32) -> Error {
        self.exit_code.set(Some(status));
        Error::host(I32Exit(status as i32))
    }
}
