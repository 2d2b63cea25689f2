//! Keeping host references alive while wasm holds them.
//!
//! Inside wasm a reference is a bare address: of a function's `FuncRef`
//! record, or of an `ExternRef`'s data. Functions need nothing here: every
//! function wasm can reach belongs to its store (the store checks that of
//! each one handed in), and a store frees nothing before it is dropped.
//!
//! An `externref` is the host's value, shared by reference count, and Flint
//! has no garbage collector, so every place that hands one to wasm keeps a
//! clone of it for as long as wasm can reach it from there. A table keeps
//! its elements and a global its value in a [`Roots`] set; roots are only
//! added (a set, so repeats cost nothing), which trades memory held until
//! the store is dropped for never freeing something wasm still uses.
//!
//! References that wasm can only hold while it runs are rooted for that
//! long and no longer: the arguments of a call from the host, and what host
//! functions return to wasm. Wasm keeps such a reference beyond the call
//! only by storing it in a table or a global, which root it themselves. So
//! these go to [`CallRoots`], a per-thread stack that each host-to-wasm call
//! truncates back on return: a million calls with a fresh `externref` each
//! hold one at a time, not a million.

use super::externref::ExternRef;
use crate::types::{Val, ValType};
use std::cell::RefCell;
use std::collections::HashMap;

/// The host references a table or global has held.
#[derive(Default)]
pub(crate) struct Roots {
    held: RefCell<HashMap<u64, ExternRef>>,
}

impl Roots {
    /// Keep `v` alive if it is a non-null `externref`.
    pub fn root(&self, v: &Val) {
        if let Val::ExternRef(Some(r)) = v {
            self.held
                .borrow_mut()
                .entry(r.to_raw())
                .or_insert_with(|| r.clone());
        }
    }

    /// Keep the reference wasm produced as `raw` alive.
    ///
    /// # Safety
    /// `raw` must be a live reference of type `ty` (see `Val::from_bits`).
    pub unsafe fn root_raw(&self, ty: ValType, raw: u64) {
        if ty == ValType::ExternRef && raw != 0 && !self.held.borrow().contains_key(&raw) {
            self.root(&Val::from_bits(ty, raw));
        }
    }
}

thread_local! {
    /// References rooted for the host-to-wasm calls running on this thread,
    /// innermost last.
    static CALL_ROOTS: RefCell<Vec<ExternRef>> = const { RefCell::new(Vec::new()) };
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
        if let Val::ExternRef(Some(r)) = v {
            CALL_ROOTS.with(|roots| roots.borrow_mut().push(r.clone()));
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
