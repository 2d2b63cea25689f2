//! `clock_res_get` and `clock_time_get`: the four preview1 clocks
//! (realtime, monotonic, process and thread CPU time), in nanoseconds,
//! and the current time `poll_oneoff` measures its deadlines with.

use super::errno::{Errno, WasiResult};
use super::memory::GuestMemory;
use super::memory::{write_u64, Args};
use super::Function;
use crate::types::ValType::{I32, I64};

pub(super) const FUNCTIONS: &[Function] = &[
    // `clock_res_get(id, out)` / `clock_time_get(id, precision, out)`.
    Function {
        name: "clock_res_get",
        params: &[I32, I32],
        run: |_, mem, a| clock(mem, a, 1, libc::clock_getres),
    },
    Function {
        name: "clock_time_get",
        params: &[I32, I64, I32],
        run: |_, mem, a| clock(mem, a, 2, libc::clock_gettime),
    },
];

/// Read clock `args[0]` with `read` (the time or the resolution) and write
/// it in nanoseconds to the pointer `args[out]`.
fn clock(
    mem: &GuestMemory,
    args: &Args,
    out: usize,
    read: unsafe extern "C" fn(libc::clockid_t, *mut libc::timespec) -> libc::c_int,
) -> WasiResult<()> {
    let clock = clock_id(args.u32(0)).ok_or(Errno::Inval)?;
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid out-parameter and `clock` a valid clock id.
    unsafe { read(clock, &mut ts) };
    write_u64(mem, args.u32(out), timespec_nanos(&ts))
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

/// The current time of `clock` in nanoseconds (for `poll_oneoff`'s
/// deadlines).
pub(super) fn now(clock: libc::clockid_t) -> u64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid out-parameter; the callers pass realtime or
    // monotonic, which always exist.
    unsafe { libc::clock_gettime(clock, &mut ts) };
    timespec_nanos(&ts)
}
