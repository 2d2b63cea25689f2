//! Process-wide trap handling: turning hardware faults in JIT code into
//! wasm traps.
//!
//! JIT code checks nothing it can get the hardware to check for it:
//! out-of-bounds memory accesses hit the `PROT_NONE` part of the linear
//! memory reservation (SIGSEGV/SIGBUS), explicit checks jump to an
//! out-of-line `ud2`/`udf` (SIGILL), and a backend may let a divide fault
//! (SIGFPE). Each such instruction is recorded as a [`TrapSite`]. The handler
//! installed here recognises a fault at exactly one of those instructions,
//! *while this thread runs wasm*, and redirects the thread to the entry
//! trampoline's unwind point with the trap code in the first integer result
//! register; the trampoline returns the code to `call_wasm`. Wasm frames hold
//! no resources, so skipping them is all the unwinding a trap needs. Just
//! before, it records those frames for the trap's backtrace
//! (`runtime::backtrace`), since the unwind discards them.
//!
//! Any other fault is not ours, nor is a signal sent with `kill`, `raise`
//! or `sigqueue` (`si_code <= 0`, even while wasm runs): it is passed to
//! whatever handler was installed before (Rust's own stack-overflow handler,
//! a sanitizer, a crash reporter), or, if there was none, it gets the
//! default action, so the process dies exactly as it would have without us.
//!
//! Passing a signal on must not cost Flint its own handler. Handlers often
//! "uninstall" themselves by resetting the disposition to `SIG_DFL` and
//! returning: Rust's std handler does so for any SIGSEGV/SIGBUS that is not
//! a stack overflow of the host, counting on the re-executed instruction to
//! kill the process. For a signal that was *sent*, nothing is re-executed:
//! the process lives on with the default disposition, and the next
//! out-of-bounds access of a guest would kill it instead of trapping. So
//! after chaining, a reset to `SIG_DFL` is recorded (the previous handler is
//! from then on treated as `SIG_DFL`, which is what it asked for) and our
//! handler is put back. A later fault that is not ours then gets the default
//! action, and a later sent signal kills the process, both as they would
//! have without Flint; faults of guests keep trapping.

use crate::masm::{Isa, NativeIsa, TrapSite};
use crate::runtime::activation;
use crate::runtime::backtrace::CodeMap;
use crate::runtime::mmap::{page_size, Mmap, Protection};
use crate::runtime::shared_slice::SharedSlice;
use crate::trap::TrapCode;
use std::cell::{Cell, UnsafeCell};
use std::collections::BTreeMap;
use std::mem::MaybeUninit;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Once, RwLock};

/// The signals a trap can arrive as.
const SIGNALS: [libc::c_int; 4] = [libc::SIGSEGV, libc::SIGBUS, libc::SIGILL, libc::SIGFPE];

/// The handlers that were installed before ours, indexed like [`SIGNALS`].
struct PreviousHandlers(UnsafeCell<[MaybeUninit<libc::sigaction>; 4]>);

// SAFETY: each slot is written exactly once, inside `install`'s `Once`,
// before our handler for that signal is installed; afterwards it is only
// read (by the handler). `Once` and `sigaction` order the write before any
// read.
unsafe impl Sync for PreviousHandlers {}

static PREVIOUS: PreviousHandlers = PreviousHandlers(UnsafeCell::new([MaybeUninit::uninit(); 4]));

/// Per signal (indexed like [`SIGNALS`]): the previous handler has asked to
/// be replaced by the default action, by resetting the disposition while
/// we chained to it or through `SA_RESETHAND`, so it is `SIG_DFL` from now
/// on (see the module docs).
static PREVIOUS_IS_DEFAULT: [AtomicBool; 4] = [const { AtomicBool::new(false) }; 4];

/// Install the trap handler for SIGSEGV, SIGBUS, SIGILL and SIGFPE. Only the
/// first call does anything.
pub fn install() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        for (i, &signum) in SIGNALS.iter().enumerate() {
            // SAFETY: `PREVIOUS` slots are only written here, once (see its
            // Sync impl); `sigaction` with valid pointers has no other
            // preconditions. The previous handler is read *before* ours is
            // installed so the handler never sees an unwritten slot, even if
            // another thread faults right after the second call.
            unsafe {
                let slot = (*PREVIOUS.0.get())[i].as_mut_ptr();
                if libc::sigaction(signum, std::ptr::null(), slot) != 0 {
                    panic!(
                        "cannot read the handler for signal {signum}: {}",
                        std::io::Error::last_os_error()
                    );
                }
                if !set_our_handler(signum) {
                    panic!(
                        "cannot install the trap handler for signal {signum}: {}",
                        std::io::Error::last_os_error()
                    );
                }
            }
        }
    });
}

/// Make our handler the disposition of `signum`; false if `sigaction`
/// failed. Async-signal-safe (the handler puts itself back with it).
fn set_our_handler(signum: libc::c_int) -> bool {
    // SAFETY: a zeroed sigaction is valid; `sigaction` with valid pointers
    // has no other preconditions.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = handler as *const () as libc::sighandler_t;
        // SA_ONSTACK: use the thread's alternate stack (Rust installs one
        // per thread for its stack-overflow handler, and `ensure_alt_stack`
        // gives one to threads that lack it). SA_NODEFER: do not block the
        // signal while chaining, so a previous handler that re-raises is
        // not silently deferred, and our own re-raise for the default
        // action is delivered at once.
        action.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK | libc::SA_NODEFER;
        libc::sigemptyset(&mut action.sa_mask);
        libc::sigaction(signum, &action, std::ptr::null_mut()) == 0
    }
}

/// The current disposition of `signum` (its handler address, `SIG_DFL` or
/// `SIG_IGN`). Async-signal-safe.
fn current_disposition(signum: libc::c_int) -> libc::sighandler_t {
    // SAFETY: reading the current action into a zeroed, valid struct.
    unsafe {
        let mut current: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(signum, std::ptr::null(), &mut current) != 0 {
            return handler as *const () as libc::sighandler_t;
        }
        current.sa_sigaction
    }
}

// ---- Alternate signal stacks ---------------------------------------------

/// Bytes of alternate signal stack Flint gives a thread that has none.
const ALT_STACK_SIZE: usize = 64 * 1024;

/// An alternate signal stack this thread got from Flint, unmapped (after
/// being disabled) when the thread exits.
struct AltStack {
    /// Unmapped when dropped, after `Drop::drop` has disabled the stack.
    _map: Mmap,
}

impl Drop for AltStack {
    fn drop(&mut self) {
        // SAFETY: disabling the alternate stack is always allowed outside a
        // handler (thread exit), and the mapping is ours.
        unsafe {
            let disable = libc::stack_t {
                ss_sp: std::ptr::null_mut(),
                ss_flags: libc::SS_DISABLE,
                ss_size: 0,
            };
            libc::sigaltstack(&disable, std::ptr::null_mut());
        }
    }
}

thread_local! {
    static ALT_STACK: std::cell::RefCell<Option<AltStack>> = const { std::cell::RefCell::new(None) };
    /// Whether this thread was seen to have an alternate stack: checked once
    /// per thread, not at every entry into wasm (a `sigaltstack` system call
    /// costs more than the rest of a call from the host into wasm).
    static HAS_ALT_STACK: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Make sure this thread has an alternate signal stack, so the trap handler
/// can run even when a fault comes from running out of stack. Threads made
/// by Rust's `std` already have one; threads an embedder made in C may not,
/// and get one here (with a guard page below it), kept until they exit.
pub fn ensure_alt_stack() {
    if HAS_ALT_STACK.with(|h| h.get()) {
        return;
    }
    ensure_alt_stack_slow();
    HAS_ALT_STACK.with(|h| h.set(true));
}

fn ensure_alt_stack_slow() {
    // SAFETY: querying the current alternate stack has no preconditions.
    let current = unsafe {
        let mut old: libc::stack_t = std::mem::zeroed();
        libc::sigaltstack(std::ptr::null(), &mut old);
        old
    };
    if current.ss_flags & libc::SS_DISABLE == 0 {
        return;
    }
    let guard = page_size();
    // No alternate stack if it cannot be mapped: the handler still works on
    // the normal one.
    let Ok(map) = Mmap::anonymous(ALT_STACK_SIZE + guard, Protection::ReadWrite) else {
        return;
    };
    // SAFETY: `map` is ours and unused; the lowest page becomes the guard,
    // and the rest is handed to the kernel as this thread's signal stack
    // (dropping `map` unmaps it if the kernel refuses).
    unsafe {
        let _ = map.protect(0..guard, Protection::None);
        let stack = libc::stack_t {
            ss_sp: map.as_ptr().add(guard).cast(),
            ss_flags: 0,
            ss_size: ALT_STACK_SIZE,
        };
        if libc::sigaltstack(&stack, std::ptr::null_mut()) != 0 {
            return;
        }
    }
    ALT_STACK.with(|s| *s.borrow_mut() = Some(AltStack { _map: map }));
}

// ---- The code registry -------------------------------------------------

struct Entry {
    len: usize,
    /// Sorted by offset (if not, as in a damaged artifact's table, sites
    /// are not found: a wrong answer, never an unsafe one).
    sites: SharedSlice<TrapSite>,
    /// The functions in the code, for backtraces; `None` for code that is
    /// not a module's (the host-call stub), whose frames backtraces omit.
    code_map: Option<Arc<CodeMap>>,
}

/// All JIT code in the process, by start address.
///
/// The signal handler takes the read lock. That is acceptable although
/// locks are not async-signal-safe in general, because the handler only
/// looks here when the fault happened while this thread ran wasm, and JIT
/// code takes no locks: a writer (register/unregister, which do nothing
/// that could fault at a trap site) is therefore always another thread,
/// which finishes its short critical section without waiting for us. The
/// one way the faulting thread itself could hold the lock is a fault inside
/// the registry update (a host function registering code from inside wasm);
/// [`WRITING_REGISTRY`] catches that case and the handler then leaves the
/// fault alone instead of deadlocking.
static REGISTRY: RwLock<BTreeMap<usize, Entry>> = RwLock::new(BTreeMap::new());

thread_local! {
    /// Set while this thread holds the registry's write lock.
    static WRITING_REGISTRY: Cell<bool> = const { Cell::new(false) };
}

fn with_registry_mut<R>(f: impl FnOnce(&mut BTreeMap<usize, Entry>) -> R) -> R {
    let mut map = REGISTRY.write().unwrap_or_else(|e| e.into_inner());
    WRITING_REGISTRY.with(|w| w.set(true));
    let result = f(&mut map);
    WRITING_REGISTRY.with(|w| w.set(false));
    result
}

/// Keeps a range of JIT code known to the signal handler; unregisters it on
/// drop (drop it before unmapping the code).
#[must_use = "the code is unregistered when this is dropped"]
#[derive(Debug)]
pub struct CodeRegistration {
    start: usize,
}

/// Make the trap sites of the code at `start..start + len` known to the
/// signal handler, and its functions (`code_map`) to backtraces. `sites`
/// should be sorted by offset, each below `len` (the compiler's are; a
/// loaded artifact's are used in place, unchecked, so that loading does
/// not read them: a site out of order or out of range is just never
/// found); ranges of different registrations must not overlap.
pub(crate) fn register_code(
    start: usize,
    len: usize,
    sites: SharedSlice<TrapSite>,
    code_map: Option<Arc<CodeMap>>,
) -> CodeRegistration {
    with_registry_mut(|map| {
        let overlaps_prev = map
            .range(..=start)
            .next_back()
            .is_some_and(|(&s, e)| s + e.len > start);
        let overlaps_next = map
            .range(start..)
            .next()
            .is_some_and(|(&s, _)| s < start + len.max(1));
        assert!(
            !overlaps_prev && !overlaps_next,
            "overlapping code registration"
        );
        map.insert(
            start,
            Entry {
                len,
                sites,
                code_map,
            },
        );
    });
    CodeRegistration { start }
}

impl Drop for CodeRegistration {
    fn drop(&mut self) {
        with_registry_mut(|map| map.remove(&self.start));
    }
}

/// The trap code of the site at exactly `pc`, if `pc` is one.
/// Async-signal-safe under the conditions described at [`REGISTRY`]: it
/// allocates and frees nothing.
fn lookup(pc: usize) -> Option<TrapCode> {
    if WRITING_REGISTRY.with(|w| w.get()) {
        return None;
    }
    let map = REGISTRY.read().unwrap_or_else(|e| e.into_inner());
    let (offset, entry) = entry_at(&map, pc)?;
    let offset = u32::try_from(offset).ok()?;
    let index = entry
        .sites
        .binary_search_by_key(&offset, |s| s.offset)
        .ok()?;
    entry.sites[index].code()
}

/// The registration containing `pc`, and `pc`'s offset in it.
fn entry_at(map: &BTreeMap<usize, Entry>, pc: usize) -> Option<(usize, &Entry)> {
    let (&start, entry) = map.range(..=pc).next_back()?;
    let offset = pc - start;
    (offset < entry.len).then_some((offset, entry))
}

/// The function map of the module code containing `pc`, and `pc`'s offset
/// in that code. For symbolising backtraces, outside the signal handler.
pub(crate) fn code_map_at(pc: usize) -> Option<(Arc<CodeMap>, usize)> {
    let map = REGISTRY.read().unwrap_or_else(|e| e.into_inner());
    let (offset, entry) = entry_at(&map, pc)?;
    Some((entry.code_map.clone()?, offset))
}

// ---- The handler -------------------------------------------------------

unsafe extern "C" fn handler(
    signum: libc::c_int,
    info: *mut libc::siginfo_t,
    context: *mut libc::c_void,
) {
    // SAFETY: the kernel passes a valid siginfo and ucontext to an
    // SA_SIGINFO handler.
    unsafe {
        if !try_trap(info, context.cast()) {
            chain(signum, info, context);
        }
    }
}

/// Whether the signal was raised by the kernel for an instruction (rather
/// than sent by `kill`/`raise`/`sigqueue`, whose codes are <= 0).
///
/// # Safety
/// `info` must be the handler's siginfo.
unsafe fn from_kernel(info: *const libc::siginfo_t) -> bool {
    // SAFETY: per the contract.
    unsafe { (*info).si_code > 0 }
}

/// If the fault is a wasm trap, redirect the thread to the unwind point and
/// return true.
///
/// # Safety
/// `info` and `uc` must be the handler's arguments.
unsafe fn try_trap(info: *const libc::siginfo_t, uc: *mut libc::ucontext_t) -> bool {
    // SAFETY: per the contract.
    if !unsafe { from_kernel(info) } {
        return false;
    }
    // Cheapest test first, and the one that keeps us out of the registry
    // lock unless this thread is inside wasm.
    let Some(target) = activation::unwind_target() else {
        return false;
    };
    // SAFETY: `uc` is the interrupted context.
    let (pc, fp, sp) = unsafe { NativeIsa::interrupted_pc_fp_sp(uc) };
    let Some(code) = lookup(pc) else {
        return false;
    };
    // SAFETY: `target.frames` points into the innermost activation, alive
    // in `call_wasm` further up this thread's stack.
    unsafe { (*target.frames).capture(pc, fp, sp, target.sp) };
    // SAFETY: as above. The kernel restores these registers when the
    // handler returns, resuming at the trampoline's unwind code with the
    // stack pointer it recorded and the trap code as its result.
    unsafe { NativeIsa::redirect(uc, target.pc, target.sp, code as u8 as usize) };
    true
}

/// Pass a signal that is not a wasm trap on to the previous handler, or
/// give it the default action; either way our handler stays installed
/// unless the process is about to die (see the module docs).
///
/// # Safety
/// The arguments must be the handler's arguments, and `install` must have
/// run.
unsafe fn chain(signum: libc::c_int, info: *mut libc::siginfo_t, context: *mut libc::c_void) {
    let Some(index) = SIGNALS.iter().position(|&s| s == signum) else {
        return;
    };
    // SAFETY: the slot was written before our handler was installed and is
    // never written again.
    let previous = unsafe { &*(*PREVIOUS.0.get())[index].as_ptr() };
    let handler = if PREVIOUS_IS_DEFAULT[index].load(Ordering::Relaxed) {
        libc::SIG_DFL
    } else {
        previous.sa_sigaction
    };
    // SAFETY: the handler's arguments, per the contract.
    let from_kernel = unsafe { from_kernel(info) };
    // A fault raised by an instruction cannot be ignored: the kernel kills
    // the process when the signal is ignored or blocked, so "ignore" is
    // treated like "default" for those.
    if handler == libc::SIG_DFL || (handler == libc::SIG_IGN && from_kernel) {
        // SAFETY: the handler's arguments, per the contract.
        unsafe { default_action(signum, from_kernel) };
        return;
    }
    if handler == libc::SIG_IGN {
        return;
    }
    if previous.sa_flags & libc::SA_RESETHAND as libc::c_int != 0 {
        // The kernel would have reset the disposition on delivering to it.
        PREVIOUS_IS_DEFAULT[index].store(true, Ordering::Relaxed);
    }
    if previous.sa_flags & libc::SA_SIGINFO != 0 {
        // SAFETY: with SA_SIGINFO the previous handler is a three-argument
        // `sa_sigaction`, and we pass it exactly what the kernel gave us.
        unsafe {
            let f: extern "C" fn(libc::c_int, *mut libc::siginfo_t, *mut libc::c_void) =
                std::mem::transmute(handler);
            f(signum, info, context);
        }
    } else {
        // SAFETY: without SA_SIGINFO the previous handler is a one-argument
        // `sa_handler`.
        unsafe {
            let f: extern "C" fn(libc::c_int) = std::mem::transmute(handler);
            f(signum);
        }
    }
    // The previous handler returned. If it reset the disposition to the
    // default (Rust's std handler does, for anything but a stack overflow),
    // that is what it wants from now on: remember it, and put our handler
    // back, so guest faults keep trapping. For a fault, the re-executed
    // instruction comes back to us and gets the default action, killing
    // the process as it would have without Flint. A handler it installed
    // instead (neither ours nor `SIG_DFL`) was deliberately chosen by the
    // host, and is left alone.
    if current_disposition(signum) == libc::SIG_DFL {
        PREVIOUS_IS_DEFAULT[index].store(true, Ordering::Relaxed);
        set_our_handler(signum);
    }
}

/// The default action of `signum` (for SIGSEGV, SIGBUS, SIGILL and SIGFPE:
/// terminate with a core dump), as the process would have got it without
/// Flint.
///
/// # Safety
/// Only from the signal handler, for the signal it is handling.
unsafe fn default_action(signum: libc::c_int, from_kernel: bool) {
    // SAFETY: `sigaction` and `raise` are async-signal-safe. For a fault,
    // returning re-executes the instruction, which now kills the process
    // with this signal. A sent signal is raised again; SA_NODEFER leaves it
    // unblocked, so it is delivered, and kills, before `raise` returns.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = libc::SIG_DFL;
        libc::sigemptyset(&mut action.sa_mask);
        libc::sigaction(signum, &action, std::ptr::null_mut());
        if !from_kernel {
            libc::raise(signum);
            // Still alive: the host blocked the signal on this thread, so
            // it stays pending. Keep trapping guest faults meanwhile; when
            // it is unblocked it comes back here.
            set_our_handler(signum);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(offset: u32, code: TrapCode) -> TrapSite {
        TrapSite::new(offset, code)
    }

    #[test]
    fn lookup_matches_exact_sites_only() {
        // Fake addresses: nothing is executed, only looked up. Chosen far
        // from anything real so parallel tests cannot collide.
        let a = 0x7000_0000_0000usize;
        let b = a + 0x1000;
        let ra = register_code(
            a,
            0x100,
            vec![
                site(4, TrapCode::Unreachable),
                site(0x20, TrapCode::MemoryOutOfBounds),
            ]
            .into(),
            None,
        );
        let rb = register_code(b, 0x10, vec![site(0, TrapCode::StackOverflow)].into(), None);
        assert_eq!(lookup(a + 4), Some(TrapCode::Unreachable));
        assert_eq!(lookup(a + 0x20), Some(TrapCode::MemoryOutOfBounds));
        assert_eq!(lookup(a + 5), None);
        assert_eq!(lookup(a), None);
        assert_eq!(lookup(a - 1), None);
        assert_eq!(lookup(a + 0x100), None);
        assert_eq!(lookup(b), Some(TrapCode::StackOverflow));
        drop(ra);
        assert_eq!(lookup(a + 4), None);
        assert_eq!(lookup(b), Some(TrapCode::StackOverflow));
        drop(rb);
        assert_eq!(lookup(b), None);
    }

    /// A loaded artifact's table is used unchecked: out of order or out of
    /// range, lookups give some answer or none, and never panic.
    #[test]
    fn damaged_site_tables_are_safe() {
        let a = 0x7100_0000_0000usize;
        let _r = register_code(
            a,
            0x100,
            vec![
                site(8, TrapCode::Unreachable),
                site(4, TrapCode::Unreachable),
                site(0x500, TrapCode::Unreachable),
            ]
            .into(),
            None,
        );
        for pc in [a, a + 4, a + 8, a + 0xff] {
            let _ = lookup(pc);
        }
        assert_eq!(lookup(a + 0x500), None, "outside the code");
    }

    #[test]
    fn threads_without_an_alternate_stack_get_one() {
        std::thread::spawn(|| {
            // SAFETY: disabling and querying this thread's alternate stack.
            let query = || unsafe {
                let mut old: libc::stack_t = std::mem::zeroed();
                libc::sigaltstack(std::ptr::null(), &mut old);
                old
            };
            // SAFETY: as above.
            unsafe {
                let disable = libc::stack_t {
                    ss_sp: std::ptr::null_mut(),
                    ss_flags: libc::SS_DISABLE,
                    ss_size: 0,
                };
                assert_eq!(libc::sigaltstack(&disable, std::ptr::null_mut()), 0);
            }
            assert_ne!(query().ss_flags & libc::SS_DISABLE, 0);
            ensure_alt_stack();
            let now = query();
            assert_eq!(
                now.ss_flags & libc::SS_DISABLE,
                0,
                "an alternate stack is set"
            );
            assert_eq!(now.ss_size, ALT_STACK_SIZE);
            // A second call keeps the existing one.
            ensure_alt_stack();
            assert_eq!(query().ss_sp, now.ss_sp);
        })
        .join()
        .unwrap();
    }

    #[test]
    fn install_is_idempotent() {
        install();
        install();
        // SAFETY: reading the current action only.
        let current = unsafe {
            let mut old: libc::sigaction = std::mem::zeroed();
            assert_eq!(libc::sigaction(libc::SIGILL, std::ptr::null(), &mut old), 0);
            old
        };
        assert_eq!(
            current.sa_sigaction,
            handler as *const () as libc::sighandler_t
        );
    }
}
