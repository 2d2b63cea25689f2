//! What a program learns about its process: its arguments and environment
//! (`args_*`, `environ_*`), randomness (`random_get`), and `sched_yield`;
//! and what raising a signal does to it (`proc_raise`). (`proc_exit` and
//! `proc_raise`, which may unwind instead of returning, are wired in
//! `mod.rs`.)

use super::errno::{Errno, WasiResult};
use super::memory::GuestMemory;
use super::memory::{buffer_for, write_bytes, write_u32, Args};
use super::{Function, WasiCtx};
use crate::types::ValType::I32;

pub(super) const FUNCTIONS: &[Function] = &[
    Function {
        name: "args_sizes_get",
        params: &[I32, I32],
        run: |ctx, mem, a| sizes(mem, &strings(&ctx.args), a),
    },
    Function {
        name: "args_get",
        params: &[I32, I32],
        run: |ctx, mem, a| copy_strings(mem, &strings(&ctx.args), a),
    },
    Function {
        name: "environ_sizes_get",
        params: &[I32, I32],
        run: |ctx, mem, a| sizes(mem, &environ(&ctx.env), a),
    },
    Function {
        name: "environ_get",
        params: &[I32, I32],
        run: |ctx, mem, a| copy_strings(mem, &environ(&ctx.env), a),
    },
    Function {
        name: "random_get",
        params: &[I32, I32],
        run: random_get,
    },
    Function {
        name: "sched_yield",
        params: &[],
        run: |_, _, _| Ok(()),
    },
];

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
fn sizes(mem: &GuestMemory, list: &[Vec<u8>], a: &Args) -> WasiResult<()> {
    let total: usize = list.iter().map(Vec::len).sum();
    write_u32(mem, a.u32(0), list.len() as u32)?;
    write_u32(mem, a.u32(1), total as u32)
}

/// `*_get(pointers_ptr, buf_ptr)`: the strings back to back in `buf`, and a
/// pointer to each in `pointers`.
fn copy_strings(mem: &GuestMemory, list: &[Vec<u8>], a: &Args) -> WasiResult<()> {
    let (mut ptrs, mut buf) = (a.u32(0), a.u32(1));
    for s in list {
        write_u32(mem, ptrs, buf)?;
        write_bytes(mem, buf, s)?;
        ptrs = ptrs.wrapping_add(4);
        buf = buf.wrapping_add(s.len() as u32);
    }
    Ok(())
}

/// `random_get(buf, len)`: bytes from the OS's secure generator.
fn random_get(_: &WasiCtx, mem: &GuestMemory, a: &Args) -> WasiResult<()> {
    let mut buf = buffer_for(mem, a.u32(0), a.u32(1))?;
    let mut filled = 0;
    while filled < buf.len() {
        let rest = &mut buf[filled..];
        // SAFETY: `rest` is a valid writable buffer of its length.
        let n = unsafe { libc::getrandom(rest.as_mut_ptr().cast(), rest.len(), 0) };
        if n < 0 {
            return Err(Errno::Io);
        }
        filled += n as usize;
    }
    write_bytes(mem, a.u32(0), &buf)
}

/// What `proc_raise(signal)` does. A preview1 program has no signal
/// handlers (there is no way to install one), so a signal takes its POSIX
/// default action: the four whose default is to be ignored (CHLD, CONT,
/// URG, WINCH) and signal 0 do nothing (`None`); every other one ends the
/// program with status 128 + the signal's number (`Some`), as a shell
/// reports a process killed by a signal and as wasi-libc's own signal
/// emulation exits. (The stop signals cannot stop a wasm program, so they
/// end it too.) A number that is no preview1 signal is `EINVAL`.
pub(super) fn raise(signal: u32) -> WasiResult<Option<u32>> {
    const CHLD: u32 = 16;
    const CONT: u32 = 17;
    const URG: u32 = 22;
    const WINCH: u32 = 27;
    /// SYS, the last preview1 signal.
    const LAST: u32 = 30;
    match signal {
        0 | CHLD | CONT | URG | WINCH => Ok(None),
        1..=LAST => Ok(Some(128 + signal)),
        _ => Err(Errno::Inval),
    }
}
