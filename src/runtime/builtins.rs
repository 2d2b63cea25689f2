//! Builtins: the few Rust functions JIT code calls directly, through
//! pointers stored in the vmctx header, with the platform C ABI.
//!
//! They run on the wasm thread while the guest is suspended at the call, so
//! they may touch the instance freely; they must never unwind into JIT code,
//! so host panics are caught here and re-raised after wasm has returned.

use crate::api::instance::InstanceData;
use crate::runtime::host_func::HostFunc;
use crate::runtime::{activation, vmctx};
use crate::trap::Trap;
use crate::types::Val;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Read the `INSTANCE` header slot of a vmctx.
///
/// # Safety
/// `vmctx` must be a live vmctx (or host-function context).
unsafe fn back_pointer<T>(vmctx: *mut u8) -> &'static T {
    // SAFETY: the caller guarantees a live context whose INSTANCE slot
    // points to a `T` that outlives the call.
    unsafe { &*(*(vmctx.add(vmctx::INSTANCE as usize) as *const *const T)) }
}

/// `memory.grow`: returns the old size in pages, or `u32::MAX` (-1).
pub(crate) extern "C" fn memory_grow(vmctx: *mut u8, delta: u32) -> u32 {
    // SAFETY: JIT code passes its own vmctx, which its instance owns.
    let instance: &InstanceData = unsafe { back_pointer(vmctx) };
    match &instance.memory {
        Some(memory) => memory.grow_inner(delta).unwrap_or(u32::MAX),
        None => u32::MAX,
    }
}

/// Run a host function. `values` holds the arguments and receives the
/// results (the caller sized it for both). Returns 0, or 1 after stashing
/// the error (or panic) for the activation to report as a trap.
pub(crate) extern "C" fn call_host(ctx: *mut u8, values: *mut u64) -> u32 {
    // SAFETY: the host-call stub passes the context of a live HostFunc.
    let host: &HostFunc = unsafe { back_pointer(ctx) };
    let params = host.ty.params();
    let results_ty = host.ty.results();
    let args: Vec<Val> = params
        .iter()
        .enumerate()
        // SAFETY: the caller's outgoing area holds max(params, results) slots.
        .map(|(i, &t)| Val::from_bits(t, unsafe { *values.add(i) }))
        .collect();
    let mut results: Vec<Val> = results_ty.iter().map(|&t| Val::default_for(t)).collect();
    match catch_unwind(AssertUnwindSafe(|| (host.callback)(&args, &mut results))) {
        Ok(Ok(())) => {
            for (i, (r, &t)) in results.iter().zip(results_ty).enumerate() {
                if r.ty() != t {
                    activation::set_host_error(Trap::host(format!(
                        "host function returned {} for a result of type {t}",
                        r.ty()
                    )));
                    return 1;
                }
                // SAFETY: as above.
                unsafe { *values.add(i) = r.to_bits() };
            }
            0
        }
        Ok(Err(trap)) => {
            activation::set_host_error(trap);
            1
        }
        Err(panic) => {
            activation::set_host_panic(panic);
            1
        }
    }
}
