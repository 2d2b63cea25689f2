//! Builtins: the few Rust functions JIT code calls directly, through
//! pointers stored in the vmctx header, with the platform C ABI.
//!
//! They run on the wasm thread while the guest is suspended at the call, so
//! they may touch the store freely (the host's borrow of it is lent to the
//! running call); they must never unwind into JIT code, so host panics are
//! caught here and re-raised after wasm has returned.

use crate::api::host_func::HostFuncData;
use crate::api::instance::{eval_raw, Instance, InstanceData};
use crate::api::memory;
use crate::api::refs::CallRoots;
use crate::api::store::{StoreOpaque, Stored};
use crate::api::table;
use crate::runtime::{activation, vmctx};
use crate::trap::{Trap, TrapCode};
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

/// The store of the instance whose vmctx this is, and the instance's index
/// in it.
///
/// # Safety
/// `vmctx` must be the vmctx of a live instance, whose store is borrowed
/// by the wasm call in progress (and so by nothing else).
unsafe fn store_of(vmctx: *mut u8) -> (&'static mut StoreOpaque, usize) {
    // SAFETY: per the contract; the instance's fields are copied out before
    // the store (which owns the instance) is borrowed mutably.
    unsafe {
        let instance: &InstanceData = back_pointer(vmctx);
        let (store, index) = (instance.store, instance.handle as usize);
        (&mut *store, index)
    }
}

/// `memory.grow` of the instance's memory `memory`: returns the old size
/// in pages, or -1. For a 32-bit memory the delta is the low half of its
/// register and the result an i32 (-1 is `u32::MAX`); for a 64-bit one
/// (memory64) both are i64.
pub(crate) extern "C" fn memory_grow(vmctx: *mut u8, delta: u64, memory: u32) -> u64 {
    // SAFETY: JIT code passes its own vmctx, which its instance owns.
    let (store, i) = unsafe { store_of(vmctx) };
    // The index was validated against the module's memories.
    let m = store.instances[i].memories[memory as usize] as usize;
    if store.memories[m].memory64 {
        memory::grow(store, m, delta).unwrap_or(u64::MAX)
    } else {
        let old = memory::grow(store, m, delta as u32 as u64);
        old.map_or(u32::MAX, |old| old as u32).into()
    }
}

/// Run a host function. `values` holds the arguments and receives the
/// results (the caller sized it for both). Returns 0, or 1 after stashing
/// the error (or panic) for the activation to report as a trap.
pub(crate) extern "C" fn call_host(ctx: *mut u8, values: *mut u64, caller: *mut u8) -> u32 {
    // SAFETY: the host-call stub passes the context of a live host function
    // and the vmctx of the wasm function that called it, whose instance (and
    // store) is alive while it waits for the call. What is needed is copied
    // out, so nothing borrowed from the store is held while the callback
    // borrows the whole store.
    let (def, store, caller) = unsafe {
        let host: &HostFuncData = back_pointer(ctx);
        let instance: &InstanceData = back_pointer(caller);
        let caller = Instance(Stored {
            store: instance.id,
            index: instance.handle,
        });
        (host.def.clone(), instance.store, caller)
    };
    let params = def.ty.params();
    let results_ty = def.ty.results();
    let slots = crate::masm::slots_for(&def.ty) as usize;
    // SAFETY: the caller's outgoing area holds `slots_for` its type: room
    // for the parameters and for the results.
    let values = unsafe { std::slice::from_raw_parts_mut(values, slots) };
    let mut slot = 0;
    let args: Vec<Val> = params
        .iter()
        .map(|&t| {
            let v = Val::read_slots(t, &values[slot..]);
            slot += t.slots();
            v
        })
        .collect();
    let mut results: Vec<Val> = results_ty.iter().map(|&t| Val::default_for(t)).collect();
    match catch_unwind(AssertUnwindSafe(|| {
        (def.callback)(store, Some(caller), &args, &mut results)
    })) {
        Ok(Ok(())) => {
            let mut out = Vec::with_capacity(slots);
            for (r, &t) in results.iter().zip(results_ty) {
                if r.ty() != t {
                    activation::set_host_error(Trap::host(format!(
                        "host function returned {} for a result of type {t}",
                        r.ty()
                    )));
                    return 1;
                }
                // SAFETY: the store is alive (see above).
                if let Err(e) = r.check_store(unsafe { &*store }) {
                    activation::set_host_error(Trap::host(e.to_string()));
                    return 1;
                }
                // A returned reference stays alive while the wasm that
                // called the host runs (see `api::refs`).
                CallRoots::root(r);
                r.write_slots(&mut out);
            }
            values[..out.len()].copy_from_slice(&out);
            0
        }
        Ok(Err(error)) => {
            activation::set_host_error(error.into_trap());
            1
        }
        Err(panic) => {
            activation::set_host_panic(panic);
            1
        }
    }
}

// ---- Runtime builtins: operators implemented in Rust ------------------------
//
// Each takes the operands the compiled code wrote to its outgoing area
// (immediates such as a segment index first, then the wasm operands in
// stack order; an i32 operand is the low half of its slot), writes a result
// to `args[0]` if the operator has one, and returns 0, or 1 for the
// operator's trap (which the compiled code raises: it knows which one).

/// The builtins and the vmctx slots their addresses go in.
pub(crate) const RUNTIME_BUILTINS: [(u32, RuntimeBuiltin); 13] = [
    (vmctx::BUILTIN_MEMORY_COPY, memory_copy),
    (vmctx::BUILTIN_MEMORY_FILL, memory_fill),
    (vmctx::BUILTIN_MEMORY_INIT, memory_init),
    (vmctx::BUILTIN_DATA_DROP, data_drop),
    (vmctx::BUILTIN_TABLE_GET, table_get),
    (vmctx::BUILTIN_TABLE_SET, table_set),
    (vmctx::BUILTIN_TABLE_SIZE, table_size),
    (vmctx::BUILTIN_TABLE_GROW, table_grow),
    (vmctx::BUILTIN_TABLE_FILL, table_fill),
    (vmctx::BUILTIN_TABLE_COPY, table_copy),
    (vmctx::BUILTIN_TABLE_INIT, table_init),
    (vmctx::BUILTIN_ELEM_DROP, elem_drop),
    (vmctx::BUILTIN_GLOBAL_SET_REF, global_set_ref),
];

pub(crate) type RuntimeBuiltin = extern "C" fn(*mut u8, *mut u64) -> u32;

/// The operands of a runtime builtin.
///
/// # Safety
/// `args` must point to the caller's outgoing area with at least `N` slots.
unsafe fn operands<const N: usize>(args: *mut u64) -> [u64; N] {
    // SAFETY: per the contract.
    unsafe { std::ptr::read(args as *const [u64; N]) }
}

/// Whether `[start, start + len)` lies within `size` (a sum that wraps,
/// possible with 64-bit operands, is out of bounds).
fn in_bounds(start: impl Into<u64>, len: impl Into<u64>, size: usize) -> bool {
    let (start, len) = (start.into(), len.into());
    start.checked_add(len).is_some_and(|end| end <= size as u64)
}

/// An address or length operand of a bulk operator on memory store index
/// `m`: the whole slot for a 64-bit memory, its low half (an i32) for a
/// 32-bit one.
fn address(store: &StoreOpaque, m: usize, operand: u64) -> u64 {
    if store.memories[m].memory64 {
        operand
    } else {
        operand as u32 as u64
    }
}

fn status(r: Result<(), TrapCode>) -> u32 {
    r.is_err() as u32
}

/// `memory.copy`: `[dst_memory, src_memory, dst, src, len]`.
extern "C" fn memory_copy(vmctx: *mut u8, args: *mut u64) -> u32 {
    // SAFETY: JIT code passes its own vmctx and a 5-slot outgoing area.
    let ((store, i), [dst_mem, src_mem, dst, src, len]) =
        unsafe { (store_of(vmctx), operands(args)) };
    let (d, s) = (memory_of(store, i, dst_mem), memory_of(store, i, src_mem));
    // Each address has its memory's index type; the length has the
    // smaller of the two (an i32 unless both memories are 64-bit).
    let (dst, src) = (address(store, d, dst), address(store, s, src));
    let len = match store.memories[d].memory64 && store.memories[s].memory64 {
        true => len,
        false => len as u32 as u64,
    };
    let (dst_len, src_len) = (
        store.memories[d].bytes().len(),
        store.memories[s].bytes().len(),
    );
    if !in_bounds(src, len, src_len) || !in_bounds(dst, len, dst_len) {
        return 1;
    }
    let (dst, src, len) = (dst as usize, src as usize, len as usize);
    if d == s {
        store.memories[d].bytes().copy_within(src..src + len, dst);
    } else {
        // Two memories are two reservations: the ranges cannot overlap.
        let from = store.memories[s].bytes()[src..src + len].as_ptr();
        let to = store.memories[d].bytes()[dst..dst + len].as_mut_ptr();
        // SAFETY: both ranges were checked to lie within their memories,
        // which are distinct mappings.
        unsafe { std::ptr::copy_nonoverlapping(from, to, len) };
    }
    0
}

/// `memory.fill`: `[memory, dst, value, len]`.
extern "C" fn memory_fill(vmctx: *mut u8, args: *mut u64) -> u32 {
    // SAFETY: JIT code passes its own vmctx and a 4-slot outgoing area.
    let ((store, i), [memory, dst, value, len]) = unsafe { (store_of(vmctx), operands(args)) };
    let m = memory_of(store, i, memory);
    let (dst, len) = (address(store, m, dst), address(store, m, len));
    let mem = store.memories[m].bytes();
    if !in_bounds(dst, len, mem.len()) {
        return 1;
    }
    let (dst, len) = (dst as usize, len as usize);
    mem[dst..dst + len].fill(value as u8);
    0
}

/// `memory.init`: `[memory, segment, dst, src, len]`.
extern "C" fn memory_init(vmctx: *mut u8, args: *mut u64) -> u32 {
    // SAFETY: JIT code passes its own vmctx and a 5-slot outgoing area.
    let ((store, i), [memory, segment, dst, src, len]) =
        unsafe { (store_of(vmctx), operands(args)) };
    let dst = address(store, memory_of(store, i, memory), dst);
    status(memory_init_at(
        store,
        i,
        memory as u32,
        segment as u32,
        dst,
        src as u32 as u64,
        len as u32 as u64,
    ))
}

/// Copy `len` bytes of data segment `segment` of instance `index` from
/// `src` to its memory `memory` at `dst`, or fail without writing anything
/// (also used at instantiation).
pub(crate) fn memory_init_at(
    store: &mut StoreOpaque,
    index: usize,
    memory: u32,
    segment: u32,
    dst: u64,
    src: u64,
    len: u64,
) -> Result<(), TrapCode> {
    let m = memory_of(store, index, memory as u64);
    let StoreOpaque {
        instances,
        memories,
        ..
    } = store;
    let instance = &instances[index];
    let bytes: &[u8] = if instance.dropped_data[segment as usize] {
        &[]
    } else {
        instance.module.inner.data.bytes(segment as usize)
    };
    if !in_bounds(src, len, bytes.len()) {
        return Err(TrapCode::MemoryOutOfBounds);
    }
    let mem = memories[m].bytes();
    if !in_bounds(dst, len, mem.len()) {
        return Err(TrapCode::MemoryOutOfBounds);
    }
    let (dst, src, len) = (dst as usize, src as usize, len as usize);
    mem[dst..dst + len].copy_from_slice(&bytes[src..src + len]);
    Ok(())
}

/// `data.drop`: `[segment]`.
extern "C" fn data_drop(vmctx: *mut u8, args: *mut u64) -> u32 {
    // SAFETY: JIT code passes its own vmctx and a 1-slot outgoing area.
    let ((store, i), [segment]) = unsafe { (store_of(vmctx), operands(args)) };
    store.instances[i].dropped_data[segment as u32 as usize] = true;
    0
}

/// The store index of memory `memory` of instance `index` (the validator
/// checked the index against the module's memories).
fn memory_of(store: &StoreOpaque, index: usize, memory: u64) -> usize {
    store.instances[index].memories[memory as u32 as usize] as usize
}

// ---- Tables -------------------------------------------------------------

/// The store index of table `table` of instance `index`.
fn table_of(store: &StoreOpaque, index: usize, table: u64) -> usize {
    store.instances[index].tables[table as u32 as usize] as usize
}

/// `table.get`: `[table, index]` -> the reference.
extern "C" fn table_get(vmctx: *mut u8, args: *mut u64) -> u32 {
    // SAFETY: JIT code passes its own vmctx and a 2-slot outgoing area.
    let ((store, i), [table, index]) = unsafe { (store_of(vmctx), operands(args)) };
    let t = table_of(store, i, table);
    match store.tables[t].get_raw(index as u32) {
        Some(raw) => {
            // SAFETY: slot 0 of the outgoing area receives the result.
            unsafe { *args = raw };
            0
        }
        None => 1,
    }
}

/// `table.set`: `[table, index, value]`.
extern "C" fn table_set(vmctx: *mut u8, args: *mut u64) -> u32 {
    // SAFETY: JIT code passes its own vmctx and a 3-slot outgoing area.
    let ((store, i), [table, index, value]) = unsafe { (store_of(vmctx), operands(args)) };
    let t = table_of(store, i, table);
    let ok = store.tables[t].write_raw(index as u32, &[value]);
    (!ok) as u32
}

/// `table.size`: `[table]` -> the size.
extern "C" fn table_size(vmctx: *mut u8, args: *mut u64) -> u32 {
    // SAFETY: JIT code passes its own vmctx and a 1-slot outgoing area.
    let ((store, i), [table]) = unsafe { (store_of(vmctx), operands(args)) };
    let t = table_of(store, i, table);
    // SAFETY: slot 0 receives the result.
    unsafe { *args = store.tables[t].size() as u64 };
    0
}

/// `table.grow`: `[table, init, delta]` -> the old size or -1.
extern "C" fn table_grow(vmctx: *mut u8, args: *mut u64) -> u32 {
    // SAFETY: JIT code passes its own vmctx and a 3-slot outgoing area.
    let ((store, i), [table, init, delta]) = unsafe { (store_of(vmctx), operands(args)) };
    let t = table_of(store, i, table);
    let old = table::grow_raw(store, t, delta as u32, init);
    // SAFETY: slot 0 receives the result.
    unsafe { *args = old.unwrap_or(u32::MAX) as u64 };
    0
}

/// `table.fill`: `[table, start, value, len]`.
extern "C" fn table_fill(vmctx: *mut u8, args: *mut u64) -> u32 {
    // SAFETY: JIT code passes its own vmctx and a 4-slot outgoing area.
    let ((store, i), [table, start, value, len]) = unsafe { (store_of(vmctx), operands(args)) };
    let t = table_of(store, i, table);
    let ok = store.tables[t].fill_raw(start as u32, value, len as u32);
    (!ok) as u32
}

/// `table.copy`: `[dst_table, src_table, dst, src, len]`.
extern "C" fn table_copy(vmctx: *mut u8, args: *mut u64) -> u32 {
    // SAFETY: JIT code passes its own vmctx and a 5-slot outgoing area.
    let ((store, i), [dst_table, src_table, dst, src, len]) =
        unsafe { (store_of(vmctx), operands(args)) };
    let (d, s) = (table_of(store, i, dst_table), table_of(store, i, src_table));
    let ok = table::copy_raw(store, d, dst as u32, s, src as u32, len as u32);
    (!ok) as u32
}

/// `table.init`: `[table, segment, dst, src, len]`.
extern "C" fn table_init(vmctx: *mut u8, args: *mut u64) -> u32 {
    // SAFETY: JIT code passes its own vmctx and a 5-slot outgoing area.
    let ((store, i), [table, segment, dst, src, len]) =
        unsafe { (store_of(vmctx), operands(args)) };
    let r = table_init_at(
        store,
        i,
        table as u32,
        segment as u32,
        dst as u32,
        src as u32,
        len as u32,
    );
    status(r)
}

/// Copy `len` items of element segment `segment` of instance `index` from
/// `src` into its table `table` at `dst`, or fail without writing anything
/// (also used at instantiation).
pub(crate) fn table_init_at(
    store: &mut StoreOpaque,
    index: usize,
    table: u32,
    segment: u32,
    dst: u32,
    src: u32,
    len: u32,
) -> Result<(), TrapCode> {
    let instance = &store.instances[index];
    let module = instance.module.clone();
    let seg = &module.inner.elements[segment as usize];
    let items: &[crate::module::ConstExpr] = if instance.dropped_elems[segment as usize] {
        &[]
    } else {
        &seg.items
    };
    if !in_bounds(src, len, items.len()) {
        return Err(TrapCode::TableAccessOutOfBounds);
    }
    let (src, len) = (src as usize, len as usize);
    let values: Vec<u64> = items[src..src + len]
        .iter()
        .map(|item| eval_raw(store, index, item) as u64)
        .collect();
    let t = table_of(store, index, table as u64);
    if store.tables[t].write_raw(dst, &values) {
        Ok(())
    } else {
        Err(TrapCode::TableAccessOutOfBounds)
    }
}

/// `elem.drop`: `[segment]`.
extern "C" fn elem_drop(vmctx: *mut u8, args: *mut u64) -> u32 {
    // SAFETY: JIT code passes its own vmctx and a 1-slot outgoing area.
    let ((store, i), [segment]) = unsafe { (store_of(vmctx), operands(args)) };
    store.instances[i].dropped_elems[segment as u32 as usize] = true;
    0
}

/// `global.set` of a reference: `[global, value]` (through the runtime so
/// the global keeps the reference alive).
extern "C" fn global_set_ref(vmctx: *mut u8, args: *mut u64) -> u32 {
    // SAFETY: JIT code passes its own vmctx and a 2-slot outgoing area.
    let ((store, i), [global, value]) = unsafe { (store_of(vmctx), operands(args)) };
    let g = store.instances[i].globals[global as u32 as usize] as usize;
    // SAFETY: `value` is a reference wasm holds, hence live.
    unsafe { store.globals[g].set_raw(value as u128) };
    0
}
