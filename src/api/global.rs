//! `Global`: a global variable's cell. JIT code reads and writes the cell
//! through a pointer in the vmctx, so imported and defined globals cost the
//! same and an exported mutable global is shared, not copied.

use super::refs::Roots;
use super::store::{AsContext, AsContextMut, StoreOpaque, Stored};
use crate::error::{Error, Result};
use crate::types::{GlobalType, Val};
use std::cell::Cell;

/// A global variable in a store.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Global(pub(crate) Stored);

pub(crate) struct GlobalData {
    ty: GlobalType,
    /// 16 bytes, so any value type fits (JIT code reads the low 4 or 8
    /// bytes of a scalar: little endian). A `Cell`: JIT code writes it
    /// through the pointer in the vmctx.
    cell: Cell<u128>,
    /// The host references stored here (see `api::refs`).
    roots: Roots,
}

impl Global {
    /// A new global holding `value`. Fails if `value` is not of the
    /// global's type, or is a function of another store.
    pub fn new(mut store: impl AsContextMut, ty: GlobalType, value: Val) -> Result<Global> {
        let mut store = store.as_context_mut();
        let store = store.opaque();
        check_type(&ty, &value)?;
        value.check_store(store)?;
        Ok(Global::new_in(store, ty, &value))
    }

    /// A global of `store` holding `value` (already checked).
    pub(crate) fn new_in(store: &mut StoreOpaque, ty: GlobalType, value: &Val) -> Global {
        let roots = Roots::default();
        roots.root(value);
        let handle = store.handle(store.globals.len());
        store.globals.push(Box::new(GlobalData {
            ty,
            cell: Cell::new(value.to_u128()),
            roots,
        }));
        Global(handle)
    }

    fn data<'a>(&self, store: &'a StoreOpaque) -> &'a GlobalData {
        &store.globals[store.index(self.0, "Global")]
    }

    /// The global's type.
    pub fn ty(&self, store: impl AsContext) -> GlobalType {
        self.ty_in(store.as_context().opaque())
    }

    pub(crate) fn ty_in(&self, store: &StoreOpaque) -> GlobalType {
        self.data(store).ty
    }

    /// The current value.
    pub fn get(&self, store: impl AsContext) -> Val {
        let store = store.as_context();
        let d = self.data(store.opaque());
        Val::from_u128(d.ty.content, d.cell.get())
    }

    /// Set the value. Fails if the global is immutable, the value is of
    /// another type, or a function of another store.
    pub fn set(&self, mut store: impl AsContextMut, value: Val) -> Result<()> {
        let mut store = store.as_context_mut();
        let store = store.opaque();
        store.check(self.0.store, "Global")?;
        value.check_store(store)?;
        let d = &store.globals[self.0.index as usize];
        if !d.ty.mutable {
            return Err(Error::Usage("cannot set an immutable global".into()));
        }
        check_type(&d.ty, &value)?;
        d.roots.root(&value);
        d.cell.set(value.to_u128());
        Ok(())
    }
}

fn check_type(ty: &GlobalType, value: &Val) -> Result<()> {
    if value.ty() != ty.content {
        return Err(Error::Usage(format!(
            "global of type {} cannot hold a {}",
            ty.content,
            value.ty()
        )));
    }
    Ok(())
}

impl GlobalData {
    /// The raw value (for constant expressions).
    pub fn get_raw(&self) -> u128 {
        self.cell.get()
    }

    /// Set a value wasm (or instantiation) produced: numbers, or live
    /// references (which are kept alive here).
    ///
    /// # Safety
    /// A reference `raw` must be live (see `Val::from_bits`).
    pub unsafe fn set_raw(&self, raw: u128) {
        if self.ty.content.is_ref() {
            // SAFETY: per the contract.
            unsafe { self.roots.root_raw(self.ty.content, raw as u64) };
        }
        self.cell.set(raw);
    }

    pub fn cell_ptr(&self) -> *mut u128 {
        self.cell.as_ptr()
    }
}
