//! `Global`: a global variable's cell. JIT code reads and writes the cell
//! through a pointer in the vmctx, so imported and defined globals cost the
//! same and an exported mutable global is shared, not copied.

use super::refs::Roots;
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::types::{GlobalType, Val};
use std::cell::Cell;
use std::rc::Rc;

#[derive(Clone)]
pub struct Global {
    pub(crate) inner: Rc<GlobalInner>,
}

pub(crate) struct GlobalInner {
    ty: GlobalType,
    /// 16 bytes, so any value type fits (JIT code reads the low 4 or 8
    /// bytes of a scalar: little endian).
    cell: Cell<u128>,
    /// References stored here from outside wasm's own instance.
    pub(crate) roots: Roots,
}

impl Global {
    pub fn new(_engine: &Engine, ty: GlobalType, value: Val) -> Result<Global> {
        if value.ty() != ty.content {
            return Err(Error::Usage(format!(
                "global of type {} cannot hold a {}",
                ty.content,
                value.ty()
            )));
        }
        Ok(Global::new_unchecked(ty, value))
    }

    pub(crate) fn new_unchecked(ty: GlobalType, value: Val) -> Global {
        Global {
            inner: Rc::new(GlobalInner {
                ty,
                cell: Cell::new(value.to_u128()),
                roots: {
                    let roots = Roots::default();
                    roots.root(&value);
                    roots
                },
            }),
        }
    }

    pub fn ty(&self) -> GlobalType {
        self.inner.ty
    }

    pub fn get(&self) -> Val {
        Val::from_u128(self.inner.ty.content, self.inner.cell.get())
    }

    pub fn set(&self, value: Val) -> Result<()> {
        if !self.inner.ty.mutable {
            return Err(Error::Usage("cannot set an immutable global".into()));
        }
        if value.ty() != self.inner.ty.content {
            return Err(Error::Usage(format!(
                "global of type {} cannot hold a {}",
                self.inner.ty.content,
                value.ty()
            )));
        }
        self.inner.roots.root(&value);
        self.inner.cell.set(value.to_u128());
        Ok(())
    }

    /// The raw slot (for constant expressions).
    pub(crate) fn get_raw(&self) -> u128 {
        self.inner.cell.get()
    }

    /// Set the initial value of a defined global, numbers or references.
    ///
    /// # Safety
    /// A reference `raw` must be live.
    pub(crate) unsafe fn set_raw_init(&self, raw: u128) {
        if self.inner.ty.content.is_ref() {
            // SAFETY: per the contract.
            unsafe { self.set_raw_ref(raw as u64) };
        } else {
            self.inner.cell.set(raw);
        }
    }

    /// `global.set` of a reference from wasm (through a builtin, so the
    /// reference can be kept alive with the global).
    ///
    /// # Safety
    /// `raw` must be a live reference of the global's type.
    pub(crate) unsafe fn set_raw_ref(&self, raw: u64) {
        // SAFETY: per the contract.
        unsafe { self.inner.roots.root_raw(self.inner.ty.content, raw) };
        self.inner.cell.set(raw as u128);
    }

    pub(crate) fn cell_ptr(&self) -> *mut u128 {
        self.inner.cell.as_ptr()
    }
}
