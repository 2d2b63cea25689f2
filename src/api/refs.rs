//! Keeping references alive while wasm holds them.
//!
//! Inside wasm a reference is a bare address (of a function's `FuncRef`
//! record, or of an `ExternRef`'s data). Flint has no garbage collector, so
//! every place that hands a reference to wasm from outside keeps a clone of
//! it for as long as wasm can reach the reference from there. A table keeps
//! its elements and a global its value in a `Roots` set; roots are only
//! added (a set, so repeats cost nothing), which trades memory held until
//! the table or global is dropped for never freeing something wasm still
//! uses.
//!
//! A function whose record lives in the owner itself (an instance storing
//! its own function in its own table) needs no root, and must not get one:
//! that would be a reference cycle.
//!
//! References that wasm can only hold while it runs are rooted for that
//! long and no longer: the arguments of a call from the host, and what host
//! functions return to wasm. Wasm keeps such a reference beyond the call
//! only by storing it in a table or a global, which root it themselves. So
//! these go to [`CallRoots`], a per-thread stack that each host-to-wasm call
//! truncates back on return: a million calls with a fresh `externref` each
//! hold one at a time, not a million.

use crate::types::{Val, ValType};
use std::cell::RefCell;
use std::collections::HashMap;

#[derive(Default)]
pub(crate) struct Roots {
    held: RefCell<HashMap<u64, Val>>,
    /// The vmctx of the owner, if it is an instance (see module docs).
    owner_vmctx: std::cell::Cell<usize>,
}

impl Roots {
    /// Roots owned by the instance (or an object of it) with this vmctx.
    pub fn set_owner(&self, vmctx: *mut u8) {
        self.owner_vmctx.set(vmctx as usize);
    }

    /// Keep `v` alive if it is a non-null reference.
    pub fn root(&self, v: &Val) {
        if !v.ty().is_ref() {
            return;
        }
        let raw = v.to_bits();
        if raw == 0 || self.held.borrow().contains_key(&raw) {
            return;
        }
        if let Val::FuncRef(Some(f)) = v {
            if f.belongs_to(self.owner_vmctx.get() as *mut u8) {
                return;
            }
        }
        self.held.borrow_mut().insert(raw, v.clone());
    }

    /// Keep the reference wasm produced as `raw` alive.
    ///
    /// # Safety
    /// `raw` must be a live reference of type `ty` (see `Val::from_bits`).
    pub unsafe fn root_raw(&self, ty: ValType, raw: u64) {
        if raw != 0 && !self.held.borrow().contains_key(&raw) {
            self.root(&Val::from_bits(ty, raw));
        }
    }
}

thread_local! {
    /// References rooted for the host-to-wasm calls running on this thread,
    /// innermost last.
    static CALL_ROOTS: RefCell<Vec<Val>> = const { RefCell::new(Vec::new()) };
}

/// The references rooted during one host-to-wasm call: dropping it (when
/// the call has returned and its results are host values) releases them.
pub(crate) struct CallRoots {
    base: usize,
}

impl CallRoots {
    /// Start rooting for a call about to enter wasm.
    pub fn enter() -> CallRoots {
        CallRoots {
            base: CALL_ROOTS.with(|r| r.borrow().len()),
        }
    }

    /// Keep `v` alive until the innermost running call returns (if no call
    /// is running, until the thread ends).
    pub fn root(v: &Val) {
        if v.ty().is_ref() && v.to_bits() != 0 {
            CALL_ROOTS.with(|r| r.borrow_mut().push(v.clone()));
        }
    }
}

impl Drop for CallRoots {
    fn drop(&mut self) {
        // Take them out first: dropping a reference may run the host's
        // destructor, which may call into wasm and root again.
        let released = CALL_ROOTS.with(|r| r.borrow_mut().split_off(self.base));
        drop(released);
    }
}
