//! Entering wasm from the host, and the per-thread state that goes with it.
//!
//! Every entry into JIT code goes through [`call_wasm`], which pushes an
//! *activation* onto a thread-local stack and calls the entry trampoline.
//! The activation holds the stack pointer the trampoline records; when a
//! trap fires, the signal handler reads the innermost activation to know
//! where to resume (see `runtime::signals`). Activations nest when a host
//! function called from wasm calls back into wasm, so a trap unwinds only
//! the wasm frames above the innermost host frame and never skips Rust code.
//!
//! The signal handler reads this state, so everything it touches is a
//! `const`-initialised thread-local without a destructor (a plain TLS slot,
//! no lazy initialisation) or an already-initialised `OnceLock`.
//!
//! The activation also holds the buffer the signal handler records a trap's
//! wasm frames in (`runtime::backtrace`); [`call_wasm`] turns them into the
//! [`Trap`]'s backtrace once the frames are gone.
//!
//! Host functions and builtins cannot unwind or return errors through JIT
//! code. They stash the error ([`set_host_error`]) or the panic payload
//! ([`set_host_panic`]) here, return a failure status, and the JIT code
//! traps with `HostError`; [`call_wasm`] then hands the stashed value to the
//! host.

use crate::masm::EntryTrampoline;
use crate::runtime::backtrace::TrapFrames;
use crate::runtime::code_memory::CodeMemory;
use crate::runtime::signals;
use crate::trap::{Trap, TrapCode};
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::sync::OnceLock;

/// `extern "C" fn(vmctx, code, values, nslots, unwind_sp, registers) -> u32`:
/// 0, or the trap code (the contract is `Isa::entry_trampoline`'s).
type EntryFn =
    unsafe extern "C" fn(*mut u8, *const u8, *mut u64, usize, *mut usize, *mut [u64; 3]) -> u32;

/// One entry into wasm, living on the stack frame of [`call_wasm`].
struct Activation {
    /// Written by the trampoline (through a raw pointer) with its stack
    /// pointer after saving the callee-saved registers; read by the signal
    /// handler.
    unwind_sp: Cell<usize>,
    /// Written by the signal handler at a trap.
    trap_frames: TrapFrames,
    /// The enclosing activation (null for the outermost).
    prev: *const Activation,
}

thread_local! {
    /// The innermost activation of this thread, or null when no wasm runs.
    static CURRENT: Cell<*const Activation> = const { Cell::new(std::ptr::null()) };
    /// The lowest stack address wasm may use on this thread, set by the
    /// outermost entry and copied into the store's context at every entry
    /// (JIT prologues read it there, through `vmctx + STACK_LIMIT`).
    static STACK_LIMIT: Cell<usize> = const { Cell::new(usize::MAX) };
    /// This thread's lowest usable stack address (0 until first computed).
    static THREAD_STACK_LOW: Cell<usize> = const { Cell::new(0) };
    static HOST_ERROR: RefCell<Option<Trap>> = const { RefCell::new(None) };
    static HOST_PANIC: RefCell<Option<Box<dyn Any + Send>>> = const { RefCell::new(None) };
}

/// Stack kept free below the wasm stack limit for host functions and
/// builtins called from wasm, and for signal delivery on threads without
/// an alternate signal stack.
const HOST_STACK_RESERVE: usize = 128 * 1024;

/// Record a host function's error; the next `HostError` trap on this thread
/// reports it. Called by runtime builtins before returning failure.
pub fn set_host_error(trap: Trap) {
    HOST_ERROR.with(|e| *e.borrow_mut() = Some(trap));
}

/// Record a panic caught in a host function; [`call_wasm`] resumes it once
/// the wasm frames are gone.
pub fn set_host_panic(payload: Box<dyn Any + Send>) {
    HOST_PANIC.with(|p| *p.borrow_mut() = Some(payload));
}

struct Trampoline {
    /// Keeps the code mapped for the life of the process (only `entry` and
    /// `unwind` are used).
    _code: CodeMemory,
    entry: EntryFn,
    unwind: usize,
}

static TRAMPOLINE: OnceLock<Trampoline> = OnceLock::new();

fn build_trampoline() -> EntryTrampoline {
    <crate::masm::NativeIsa as crate::masm::Isa>::entry_trampoline()
}

fn trampoline() -> &'static Trampoline {
    TRAMPOLINE.get_or_init(|| {
        let t = build_trampoline();
        assert!(t.entry < t.code.len() && t.unwind < t.code.len());
        let code = CodeMemory::new(&t.code).expect("cannot map the entry trampoline");
        // SAFETY: `code` holds the trampoline, whose entry point follows the
        // `EntryFn` signature (the `Isa::entry_trampoline` contract), and it
        // stays mapped for the life of the process (it sits in a static).
        let entry: EntryFn = unsafe { std::mem::transmute(code.as_ptr().add(t.entry)) };
        Trampoline {
            unwind: code.as_ptr() as usize + t.unwind,
            _code: code,
            entry,
        }
    })
}

/// Where the signal handler sends a trapping thread, and where it records
/// the trap's frames.
pub(crate) struct UnwindTarget {
    /// The trampoline's unwind address.
    pub pc: usize,
    /// The stack pointer the trampoline recorded: the unwind resets SP to
    /// it, and every wasm frame of the activation lies below it.
    pub sp: usize,
    /// The innermost activation's frame buffer, alive while it runs.
    pub frames: *const TrapFrames,
}

/// For the signal handler: the unwind target of the innermost activation,
/// if this thread is running wasm. Async-signal-safe: reads a TLS slot and
/// an atomic.
pub(crate) fn unwind_target() -> Option<UnwindTarget> {
    let current = CURRENT.with(|c| c.get());
    if current.is_null() {
        return None;
    }
    let trampoline = TRAMPOLINE.get()?;
    // SAFETY: a non-null `CURRENT` points to the activation in a live
    // `call_wasm` frame further up this thread's stack.
    let activation = unsafe { &*current };
    let sp = activation.unwind_sp.get();
    // Zero until the trampoline has saved its registers; no trap site can
    // run before that.
    if sp == 0 {
        return None;
    }
    Some(UnwindTarget {
        pc: trampoline.unwind,
        sp,
        frames: &activation.trap_frames,
    })
}

/// An approximation of the current stack pointer.
#[inline(never)]
fn approx_sp() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

/// The lowest address of this thread's stack that is safe to use, if the
/// platform can tell (cached per thread: on the main thread glibc reads
/// `/proc/self/maps` to answer).
fn thread_stack_low() -> Option<usize> {
    let cached = THREAD_STACK_LOW.with(|c| c.get());
    if cached != 0 {
        return Some(cached);
    }
    let low = query_stack_low()?;
    THREAD_STACK_LOW.with(|c| c.set(low));
    Some(low)
}

#[cfg(target_os = "linux")]
fn query_stack_low() -> Option<usize> {
    // SAFETY: `attr` is initialised by pthread_getattr_np before it is read
    // and destroyed afterwards; the out-pointers are valid locals.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) != 0 {
            return None;
        }
        let mut addr: *mut libc::c_void = std::ptr::null_mut();
        let mut size: libc::size_t = 0;
        let mut guard: libc::size_t = 0;
        let ok = libc::pthread_attr_getstack(&attr, &mut addr, &mut size) == 0;
        libc::pthread_attr_getguardsize(&attr, &mut guard);
        libc::pthread_attr_destroy(&mut attr);
        // glibc reports the guard inside the [addr, addr + size) range for
        // threads it created.
        (ok && !addr.is_null()).then(|| addr as usize + guard)
    }
}

#[cfg(not(target_os = "linux"))]
fn query_stack_low() -> Option<usize> {
    None
}

/// The stack limit for an outermost entry: `max_stack` bytes below the
/// current stack pointer, but never so low that wasm could run into the end
/// of the thread's stack (which would be a plain crash, not a trap).
fn compute_stack_limit(max_stack: usize) -> usize {
    let sp = approx_sp();
    let limit = sp.saturating_sub(max_stack);
    match thread_stack_low() {
        Some(low) => limit.max(low.saturating_add(HOST_STACK_RESERVE)),
        None => limit,
    }
}

/// Pops the activation when `call_wasm` leaves, however it leaves.
struct PopOnDrop(*const Activation);

impl Drop for PopOnDrop {
    fn drop(&mut self) {
        CURRENT.with(|c| c.set(self.0));
    }
}

/// Call JIT code through the entry trampoline.
///
/// `values` holds the arguments on entry; it is the callee's incoming
/// argument area (`values.len()` slots, at least as many as the function has
/// parameters and results), and its final contents are copied back on
/// return, which is where a function with several results leaves them. The
/// returned pair is the integer result register and the float result
/// register's bits, where a single result comes back. `max_stack` bounds the
/// wasm stack (bytes) of an outermost entry; nested entries (a host function
/// calling back into wasm, of the same store or another) share the limit set
/// by the outermost one. The limit is written to `stack_limit`, the store's
/// cell that the vmctx's `STACK_LIMIT` slot points to: a store may be used on
/// a different thread at each call.
///
/// # Safety
/// `code` must be the entry of a function compiled for the calling
/// convention in `crate::masm`, whose parameters and results fit in
/// `values`; `vmctx` must be a vmctx that function was compiled against,
/// whose `STACK_LIMIT` slot points to `stack_limit`, with everything it
/// references alive; the code must be registered with
/// `signals::register_code`.
pub unsafe fn call_wasm(
    vmctx: *mut u8,
    code: *const u8,
    values: &mut [u64],
    max_stack: usize,
    stack_limit: &Cell<usize>,
) -> Result<[u64; 3], Trap> {
    signals::install();
    let trampoline = trampoline();

    let prev = CURRENT.with(|c| c.get());
    if prev.is_null() {
        let limit = compute_stack_limit(max_stack);
        STACK_LIMIT.with(|c| c.set(limit));
        signals::ensure_alt_stack();
    }
    stack_limit.set(STACK_LIMIT.with(|c| c.get()));
    let activation = Activation {
        unwind_sp: Cell::new(0),
        trap_frames: TrapFrames::new(),
        prev,
    };
    let mut registers = [0u64; 3];
    let status = {
        CURRENT.with(|c| c.set(&activation));
        let _pop = PopOnDrop(activation.prev);
        // SAFETY: the trampoline follows `EntryFn`; the caller guarantees
        // `code` and `vmctx` are valid for it and that `values` has room for
        // its arguments and results; `unwind_sp` points into the
        // activation and `registers` into this frame, both outliving the
        // call.
        unsafe {
            (trampoline.entry)(
                vmctx,
                code,
                values.as_mut_ptr(),
                values.len(),
                activation.unwind_sp.as_ptr(),
                &mut registers,
            )
        }
    };

    let host_error = HOST_ERROR.with(|e| e.borrow_mut().take());
    if let Some(payload) = HOST_PANIC.with(|p| p.borrow_mut().take()) {
        std::panic::resume_unwind(payload);
    }
    if status == 0 {
        return Ok(registers);
    }
    let code = u8::try_from(status)
        .ok()
        .and_then(TrapCode::from_u8)
        .unwrap_or_else(|| panic!("entry trampoline returned an invalid status {status}"));
    let mut trap = match code {
        TrapCode::HostError => host_error.unwrap_or_else(|| Trap::new(TrapCode::HostError)),
        code => Trap::new(code),
    };
    // A host error may be a trap from a nested activation, with the inner
    // frames already; this activation's are further out.
    trap.add_outer_frames(activation.trap_frames.symbolize());
    Err(trap)
}

#[cfg(test)]
/// Whether this thread is currently inside a [`call_wasm`].
pub fn in_wasm() -> bool {
    CURRENT.with(|c| !c.get().is_null())
}
