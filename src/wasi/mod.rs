//! WASI preview 1 (`wasi_snapshot_preview1`): the system interface that C,
//! Rust, Go and Zig programs compiled for `wasm32-wasi(p1)` import.
//!
//! A [`WasiCtx`] holds what one program sees of the world: its arguments,
//! its environment and its standard streams. `add_to_linker` defines every
//! preview1 function under the `wasi_snapshot_preview1` module name, each as
//! a host function that reads and writes the calling instance's memory
//! through [`Caller`]. Errors are WASI errno values returned to the guest,
//! never host panics: every guest pointer and length is bounds-checked by
//! `Memory::read`/`write`, which fail with `EFAULT`.
//!
//! This first increment covers what a command needs to start, talk on its
//! standard streams, read the clock and randomness, and exit with a status.
//! The filesystem (`path_*`, file descriptors beyond 0-2, preopens through
//! a capability library), `poll_oneoff` and sockets are defined but answer
//! `ENOSYS` until they are implemented.

mod errno;

use crate::api::caller::Caller;
use crate::api::func::Func;
use crate::api::linker::Linker;
use crate::api::memory::Memory;
use crate::trap::Trap;
use crate::types::{FuncType, Val, ValType};
use errno::Errno;
use std::cell::Cell;
use std::io::{Read, Write};
use std::rc::Rc;

/// One preview1 function: the context, the caller's memory and the
/// arguments in; an errno out (or a trap, for `proc_exit`).
type WasiFn = dyn Fn(&WasiCtx, &Memory, &[Val]) -> Result<Errno, Trap>;

/// The module name WASI preview 1 programs import from.
pub const MODULE: &str = "wasi_snapshot_preview1";

/// What a WASI program sees: arguments, environment, and (once it has
/// called `proc_exit`) its exit status.
#[derive(Clone, Default)]
pub struct WasiCtx {
    args: Vec<String>,
    env: Vec<(String, String)>,
    exit_code: Rc<Cell<Option<u32>>>,
}

impl WasiCtx {
    pub fn new() -> WasiCtx {
        WasiCtx::default()
    }

    /// Append a program argument (`argv[0]` is conventionally the program
    /// name).
    pub fn arg(&mut self, arg: impl Into<String>) -> &mut WasiCtx {
        self.args.push(arg.into());
        self
    }

    /// Set an environment variable.
    pub fn env(&mut self, key: impl Into<String>, value: impl Into<String>) -> &mut WasiCtx {
        self.env.push((key.into(), value.into()));
        self
    }

    /// The status passed to `proc_exit`, once the program has called it.
    /// (`proc_exit` ends the program by unwinding it like a trap, so the
    /// call into wasm returns an error; this tells the two apart.)
    pub fn exit_code(&self) -> Option<u32> {
        self.exit_code.get()
    }

    /// Define every preview1 function in `linker` for this context.
    pub fn add_to_linker(&self, linker: &mut Linker) {
        use ValType::{I32, I64};
        let engine = linker.engine().clone();
        let mut define = |name: &str, params: &[ValType], f: Box<WasiFn>| {
            let ctx = self.clone();
            let ty = FuncType::new(params.to_vec(), [I32]);
            let func =
                Func::new_with_caller(&engine, ty, move |caller: &Caller<'_>, args, results| {
                    let errno = match caller.memory() {
                        Some(memory) => f(&ctx, &memory, args)?,
                        None => Errno::Fault,
                    };
                    results[0] = Val::I32(errno as i32);
                    Ok(())
                });
            linker.define(MODULE, name, func);
        };
        define(
            "args_sizes_get",
            &[I32, I32],
            Box::new(|ctx, mem, a| sizes(mem, &strings(&ctx.args), a)),
        );
        define(
            "args_get",
            &[I32, I32],
            Box::new(|ctx, mem, a| copy_strings(mem, &strings(&ctx.args), a)),
        );
        define(
            "environ_sizes_get",
            &[I32, I32],
            Box::new(|ctx, mem, a| sizes(mem, &environ(&ctx.env), a)),
        );
        define(
            "environ_get",
            &[I32, I32],
            Box::new(|ctx, mem, a| copy_strings(mem, &environ(&ctx.env), a)),
        );
        // `clock_time_get(id, precision, out)` / `clock_res_get(id, out)`.
        define(
            "clock_res_get",
            &[I32, I32],
            Box::new(|_, mem, a| clock(mem, a, 1, libc::clock_getres)),
        );
        define(
            "clock_time_get",
            &[I32, I64, I32],
            Box::new(|_, mem, a| clock(mem, a, 2, libc::clock_gettime)),
        );
        define(
            "random_get",
            &[I32, I32],
            Box::new(|_, mem, a| {
                let mut buf = vec![0u8; arg_u32(a, 1) as usize];
                let mut filled = 0;
                while filled < buf.len() {
                    let rest = &mut buf[filled..];
                    // SAFETY: `rest` is a valid writable buffer of its length.
                    let n = unsafe { libc::getrandom(rest.as_mut_ptr().cast(), rest.len(), 0) };
                    if n < 0 {
                        return Ok(Errno::Io);
                    }
                    filled += n as usize;
                }
                write_bytes(mem, arg_u32(a, 0), &buf)
            }),
        );
        define("sched_yield", &[], Box::new(|_, _, _| Ok(Errno::Success)));
        define(
            "fd_write",
            &[I32, I32, I32, I32],
            Box::new(|_, mem, a| {
                let mut out: Box<dyn Write> = match arg_u32(a, 0) {
                    1 => Box::new(std::io::stdout()),
                    2 => Box::new(std::io::stderr()),
                    _ => return Ok(Errno::Badf),
                };
                let mut written = 0u32;
                for (ptr, len) in iovecs(mem, arg_u32(a, 1), arg_u32(a, 2))? {
                    let mut buf = vec![0u8; len as usize];
                    if mem.read(ptr as usize, &mut buf).is_err() {
                        return Ok(Errno::Fault);
                    }
                    if out.write_all(&buf).is_err() {
                        return Ok(Errno::Io);
                    }
                    written = written.wrapping_add(len);
                }
                let _ = out.flush();
                write_u32(mem, arg_u32(a, 3), written)
            }),
        );
        define(
            "fd_read",
            &[I32, I32, I32, I32],
            Box::new(|_, mem, a| {
                if arg_u32(a, 0) != 0 {
                    return Ok(Errno::Badf);
                }
                let mut read = 0u32;
                for (ptr, len) in iovecs(mem, arg_u32(a, 1), arg_u32(a, 2))? {
                    let mut buf = vec![0u8; len as usize];
                    let n = match std::io::stdin().read(&mut buf) {
                        Ok(n) => n,
                        Err(_) => return Ok(Errno::Io),
                    };
                    if write_bytes(mem, ptr, &buf[..n])? != Errno::Success {
                        return Ok(Errno::Fault);
                    }
                    read += n as u32;
                    if n < buf.len() {
                        break;
                    }
                }
                write_u32(mem, arg_u32(a, 3), read)
            }),
        );
        define(
            "fd_fdstat_get",
            &[I32, I32],
            Box::new(|_, mem, a| {
                if arg_u32(a, 0) > 2 {
                    return Ok(Errno::Badf);
                }
                // fdstat: filetype u8 (2 = character device), pad, flags u16,
                // rights base u64, rights inheriting u64.
                let mut stat = [0u8; 24];
                stat[0] = 2;
                let rights: u64 = if arg_u32(a, 0) == 0 { 1 << 1 } else { 1 << 6 };
                stat[8..16].copy_from_slice(&rights.to_le_bytes());
                write_bytes(mem, arg_u32(a, 1), &stat)
            }),
        );
        define(
            "fd_close",
            &[I32],
            Box::new(|_, _, a| {
                Ok(if arg_u32(a, 0) <= 2 {
                    Errno::Success
                } else {
                    Errno::Badf
                })
            }),
        );
        define(
            "fd_seek",
            &[I32, I64, I32, I32],
            Box::new(|_, _, a| {
                Ok(if arg_u32(a, 0) <= 2 {
                    Errno::Spipe
                } else {
                    Errno::Badf
                })
            }),
        );
        // No preopened directories yet: descriptor 3 onwards is not open,
        // which is how wasi-libc's start code learns there are none.
        define(
            "fd_prestat_get",
            &[I32, I32],
            Box::new(|_, _, _| Ok(Errno::Badf)),
        );
        define(
            "fd_prestat_dir_name",
            &[I32, I32, I32],
            Box::new(|_, _, _| Ok(Errno::Badf)),
        );
        for (name, params) in NOT_YET {
            define(name, params, Box::new(|_, _, _| Ok(Errno::Nosys)));
        }
        // `proc_exit` returns nothing: it ends the program by unwinding it
        // like a trap, after recording the status.
        let ctx = self.clone();
        let exit = Func::new(&engine, FuncType::new([I32], []), move |args, _| {
            let status = arg_u32(args, 0);
            ctx.exit_code.set(Some(status));
            Err(Trap::host(format!("exit with status {status}")))
        });
        linker.define(MODULE, "proc_exit", exit);
    }
}

/// The preview1 functions this increment answers with `ENOSYS`, with their
/// parameter types (all return an errno).
const NOT_YET: &[(&str, &[ValType])] = {
    use ValType::{I32, I64};
    &[
        ("fd_advise", &[I32, I64, I64, I32]),
        ("fd_allocate", &[I32, I64, I64]),
        ("fd_datasync", &[I32]),
        ("fd_fdstat_set_flags", &[I32, I32]),
        ("fd_fdstat_set_rights", &[I32, I64, I64]),
        ("fd_filestat_get", &[I32, I32]),
        ("fd_filestat_set_size", &[I32, I64]),
        ("fd_filestat_set_times", &[I32, I64, I64, I32]),
        ("fd_pread", &[I32, I32, I32, I64, I32]),
        ("fd_pwrite", &[I32, I32, I32, I64, I32]),
        ("fd_readdir", &[I32, I32, I32, I64, I32]),
        ("fd_renumber", &[I32, I32]),
        ("fd_sync", &[I32]),
        ("fd_tell", &[I32, I32]),
        ("path_create_directory", &[I32, I32, I32]),
        ("path_filestat_get", &[I32, I32, I32, I32, I32]),
        (
            "path_filestat_set_times",
            &[I32, I32, I32, I32, I64, I64, I32],
        ),
        ("path_link", &[I32, I32, I32, I32, I32, I32, I32]),
        ("path_open", &[I32, I32, I32, I32, I32, I64, I64, I32, I32]),
        ("path_readlink", &[I32, I32, I32, I32, I32, I32]),
        ("path_remove_directory", &[I32, I32, I32]),
        ("path_rename", &[I32, I32, I32, I32, I32, I32]),
        ("path_symlink", &[I32, I32, I32, I32, I32]),
        ("path_unlink_file", &[I32, I32, I32]),
        ("poll_oneoff", &[I32, I32, I32, I32]),
        ("proc_raise", &[I32]),
        ("sock_accept", &[I32, I32, I32]),
        ("sock_recv", &[I32, I32, I32, I32, I32, I32]),
        ("sock_send", &[I32, I32, I32, I32, I32]),
        ("sock_shutdown", &[I32, I32]),
    ]
};

fn arg_u32(args: &[Val], i: usize) -> u32 {
    match args[i] {
        Val::I32(v) => v as u32,
        Val::I64(v) => v as u32,
        _ => 0,
    }
}

/// `argv`-style strings: each NUL-terminated.
fn strings(list: &[String]) -> Vec<Vec<u8>> {
    list.iter()
        .map(|s| s.bytes().chain(std::iter::once(0)).collect())
        .collect()
}

fn environ(env: &[(String, String)]) -> Vec<Vec<u8>> {
    strings(
        &env.iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>(),
    )
}

/// `*_sizes_get(count_ptr, buf_size_ptr)`.
fn sizes(mem: &Memory, list: &[Vec<u8>], a: &[Val]) -> Result<Errno, Trap> {
    let total: usize = list.iter().map(Vec::len).sum();
    if write_u32(mem, arg_u32(a, 0), list.len() as u32)? != Errno::Success {
        return Ok(Errno::Fault);
    }
    write_u32(mem, arg_u32(a, 1), total as u32)
}

/// `*_get(pointers_ptr, buf_ptr)`: the strings back to back in `buf`, and a
/// pointer to each in `pointers`.
fn copy_strings(mem: &Memory, list: &[Vec<u8>], a: &[Val]) -> Result<Errno, Trap> {
    let (mut ptrs, mut buf) = (arg_u32(a, 0), arg_u32(a, 1));
    for s in list {
        if write_u32(mem, ptrs, buf)? != Errno::Success
            || write_bytes(mem, buf, s)? != Errno::Success
        {
            return Ok(Errno::Fault);
        }
        ptrs = ptrs.wrapping_add(4);
        buf = buf.wrapping_add(s.len() as u32);
    }
    Ok(Errno::Success)
}

/// The `(pointer, length)` pairs of an iovec array.
fn iovecs(mem: &Memory, ptr: u32, count: u32) -> Result<Vec<(u32, u32)>, Trap> {
    let mut raw = vec![0u8; count as usize * 8];
    if mem.read(ptr as usize, &mut raw).is_err() {
        return Ok(Vec::new());
    }
    Ok(raw
        .chunks_exact(8)
        .map(|c| {
            let word = |b: &[u8]| u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
            (word(&c[..4]), word(&c[4..]))
        })
        .collect())
}

fn write_bytes(mem: &Memory, ptr: u32, bytes: &[u8]) -> Result<Errno, Trap> {
    Ok(match mem.write(ptr as usize, bytes) {
        Ok(()) => Errno::Success,
        Err(_) => Errno::Fault,
    })
}

fn write_u32(mem: &Memory, ptr: u32, v: u32) -> Result<Errno, Trap> {
    write_bytes(mem, ptr, &v.to_le_bytes())
}

fn write_u64(mem: &Memory, ptr: u32, v: u64) -> Result<Errno, Trap> {
    write_bytes(mem, ptr, &v.to_le_bytes())
}

/// Read clock `args[0]` with `read` (the time or the resolution) and write
/// it in nanoseconds to the pointer `args[out]`.
fn clock(
    mem: &Memory,
    args: &[Val],
    out: usize,
    read: unsafe extern "C" fn(libc::clockid_t, *mut libc::timespec) -> libc::c_int,
) -> Result<Errno, Trap> {
    let Some(clock) = clock_id(arg_u32(args, 0)) else {
        return Ok(Errno::Inval);
    };
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid out-parameter and `clock` a valid clock id.
    unsafe { read(clock, &mut ts) };
    write_u64(mem, arg_u32(args, out), timespec_nanos(&ts))
}

/// WASI clock ids: realtime, monotonic, process and thread CPU time.
fn clock_id(id: u32) -> Option<libc::clockid_t> {
    Some(match id {
        0 => libc::CLOCK_REALTIME,
        1 => libc::CLOCK_MONOTONIC,
        2 => libc::CLOCK_PROCESS_CPUTIME_ID,
        3 => libc::CLOCK_THREAD_CPUTIME_ID,
        _ => return None,
    })
}

fn timespec_nanos(ts: &libc::timespec) -> u64 {
    (ts.tv_sec as u64)
        .wrapping_mul(1_000_000_000)
        .wrapping_add(ts.tv_nsec as u64)
}
