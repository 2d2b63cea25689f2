//! A counting global allocator, for the compile bench's peak-heap column.
//!
//! It forwards every call to the system allocator and, only while a
//! measurement is on ([`peak_during`]), keeps the net bytes allocated since
//! the measurement started and their maximum. Outside a measurement it
//! costs one relaxed atomic load per call, so the timings around it are not
//! skewed. A bench that wants it installs it with
//! `#[global_allocator] static A: heap::Counting = heap::Counting;`.
//!
//! What it sees is the heap only: memory a program maps itself (Flint's
//! executable code, linear memories) is not counted. A `realloc` counts as
//! its net change even when the block moves: the large blocks that dominate
//! a compile's peak are moved by `mremap` (glibc), which never holds both
//! copies, and a small block's transient copy is small.

#![allow(dead_code)] // the compile bench is the only user so far

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering::Relaxed, Ordering::SeqCst};

/// The allocator to install in a bench binary.
pub struct Counting;

static ON: AtomicBool = AtomicBool::new(false);
/// Net bytes allocated since the measurement started (negative if the
/// measured code frees more than it allocates).
static CURRENT: AtomicIsize = AtomicIsize::new(0);
static PEAK: AtomicIsize = AtomicIsize::new(0);

fn count(delta: isize) {
    if ON.load(Relaxed) {
        let now = CURRENT.fetch_add(delta, Relaxed) + delta;
        PEAK.fetch_max(now, Relaxed);
    }
}

// SAFETY: every method forwards to `System` with the caller's arguments
// unchanged and returns its result, so `System`'s guarantees are ours; the
// counting only touches atomics and never allocates.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller upholds `alloc`'s contract, passed on as is.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            count(layout.size() as isize);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            count(layout.size() as isize);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from this allocator, that is from `System`,
        // with `layout` (the caller's contract).
        unsafe { System.dealloc(ptr, layout) };
        count(-(layout.size() as isize));
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as for `dealloc`, and `new_size` is valid per the caller.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            count(new_size as isize - layout.size() as isize);
        }
        p
    }
}

/// Runs `f` and returns its result with the most heap it held at once
/// beyond what was allocated when it started, in bytes. Allocations by
/// other threads meanwhile are counted too, so measure with nothing else
/// running. The result is dropped by the caller, after the measurement.
pub fn peak_during<R>(f: impl FnOnce() -> R) -> (R, usize) {
    CURRENT.store(0, SeqCst);
    PEAK.store(0, SeqCst);
    ON.store(true, SeqCst);
    let out = f();
    ON.store(false, SeqCst);
    (out, PEAK.load(SeqCst).max(0) as usize)
}
