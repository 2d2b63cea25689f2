//! `Global`: a global variable's cell. JIT code reads and writes the cell
//! through a pointer in the vmctx, so imported and defined globals cost the
//! same and an exported mutable global is shared, not copied.

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
    cell: Cell<u64>,
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
                cell: Cell::new(value.to_bits()),
            }),
        }
    }

    pub fn ty(&self) -> GlobalType {
        self.inner.ty
    }

    pub fn get(&self) -> Val {
        Val::from_bits(self.inner.ty.content, self.inner.cell.get())
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
        self.inner.cell.set(value.to_bits());
        Ok(())
    }

    pub(crate) fn cell_ptr(&self) -> *mut u64 {
        self.inner.cell.as_ptr()
    }
}
