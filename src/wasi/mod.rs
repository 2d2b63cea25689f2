//! WASI preview 1 (`wasi_snapshot_preview1`): the system interface that C,
//! Rust, Go and Zig programs compiled for `wasm32-wasi(p1)` import.
//!
//! A [`WasiCtx`] holds what one program sees of the world: its arguments,
//! environment, standard streams, preopened directories and listening
//! sockets.
//! `add_to_linker` defines every preview1 function under the
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
use crate::api::func::Func;
use crate::api::linker::Linker;
use crate::api::memory::Memory;
use crate::trap::Trap;
use crate::types::{FuncType, Val, ValType};
use errno::{Errno, WasiResult};
use memory::Args;

/// The module name WASI preview 1 programs import from.
pub const MODULE: &str = "wasi_snapshot_preview1";

/// One preview1 function: its name, its parameter types (every one
/// returns an errno), and the host code, which gets the context, the
/// caller's memory and the arguments.
struct Function {
    name: &'static str,
    params: &'static [ValType],
    run: fn(&WasiCtx, &Memory, &Args) -> WasiResult<()>,
}

impl WasiCtx {
    /// Define every preview1 function in `linker` for this context.
    pub fn add_to_linker(&self, linker: &mut Linker) {
        let engine = linker.engine().clone();
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
            let ctx = self.clone();
            let run = f.run;
            let ty = FuncType::new(f.params.to_vec(), [ValType::I32]);
            let func =
                Func::new_with_caller(&engine, ty, move |caller: &Caller<'_>, args, results| {
                    let errno = match caller.memory() {
                        Some(memory) => match run(&ctx, &memory, &Args(args)) {
                            Ok(()) => Errno::Success,
                            Err(errno) => errno,
                        },
                        None => Errno::Fault,
                    };
                    results[0] = Val::I32(errno as i32);
                    Ok(())
                });
            linker.define(MODULE, f.name, func);
        }
        // `proc_exit` returns nothing: it ends the program by unwinding it
        // like a trap, after recording the status.
        let ctx = self.clone();
        let exit = Func::new(
            &engine,
            FuncType::new([ValType::I32], []),
            move |args, _| {
                let status = Args(args).u32(0);
                Err(ctx.exit(status, format!("exit with status {status}")))
            },
        );
        linker.define(MODULE, "proc_exit", exit);
        // `proc_raise` returns an errno, or ends the program the same way.
        let ctx = self.clone();
        let raise = Func::new(
            &engine,
            FuncType::new([ValType::I32], [ValType::I32]),
            move |args, results| {
                let signal = Args(args).u32(0);
                results[0] = Val::I32(match process::raise(signal) {
                    Ok(None) => Errno::Success as i32,
                    Ok(Some(status)) => {
                        let why = format!("terminated by signal {signal} (status {status})");
                        return Err(ctx.exit(status, why));
                    }
                    Err(errno) => errno as i32,
                });
                Ok(())
            },
        );
        linker.define(MODULE, "proc_raise", raise);
    }

    /// Record the program's exit status; the trap that unwinds it.
    fn exit(&self, status: u32, why: String) -> Trap {
        self.exit_code.set(Some(status));
        Trap::host(why)
    }
}
