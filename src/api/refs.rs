//! Keeping references alive while wasm holds them.
//!
//! Inside wasm a reference is a bare address (of a function's `FuncRef`
//! record, or of an `ExternRef`'s data). Flint has no garbage collector, so
//! every place that hands a reference to wasm from outside keeps a clone of
//! it in a `Roots` set that lives at least as long as wasm can reach the
//! reference from there: the callee instance for call arguments, a table for
//! its elements, a global for its value, a host function for its results.
//! Roots are only added (a set, so repeats cost nothing), which trades
//! memory held until the owner is dropped for never freeing something wasm
//! still uses.
//!
//! A function whose record lives in the owner itself (an instance storing
//! its own function in its own table) needs no root, and must not get one:
//! that would be a reference cycle.

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
