//! `Table`: a table of references (`funcref` or `externref`).
//!
//! JIT code reads elements as raw references through the table definition
//! in the vmctx (`call_indirect` inline; everything else through runtime
//! builtins), so the table stores exactly that: one address per element,
//! 0 for null. What keeps the referenced functions and host values alive:
//! functions of the table's own instance are kept alive by that instance
//! (which every `Table` handle obtained from it holds), and every other
//! reference stored in the table is held in its `roots`.

use super::instance::InstanceData;
use super::refs::Roots;
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::runtime::vmctx::TableDef;
use crate::types::{TableType, Val};
use std::cell::{Cell, RefCell, UnsafeCell};
use std::rc::Rc;

/// The most elements a table may have here (keeps a hostile module from
/// reserving gigabytes of table).
pub(crate) const MAX_ELEMENTS: u32 = 10_000_000;

#[derive(Clone)]
pub struct Table {
    pub(crate) inner: Rc<TableInner>,
    /// The instance that defined the table, when this handle came from one.
    pub(crate) owner: Option<Rc<InstanceData>>,
}

pub(crate) struct TableInner {
    ty: TableType,
    elements: RefCell<Vec<u64>>,
    def: UnsafeCell<TableDef>,
    /// The vmctx of the defining instance (null for host-created tables).
    pub(crate) owner_vmctx: Cell<*mut u8>,
    roots: Roots,
}

impl Table {
    pub fn new(_engine: &Engine, ty: TableType, init: Val) -> Result<Table> {
        if init.ty() != ty.element {
            return Err(Error::Usage(format!(
                "a table of {} cannot hold a {}",
                ty.element,
                init.ty()
            )));
        }
        let table = Table::new_internal(ty)?;
        table.inner.roots.root(&init);
        table.inner.elements.borrow_mut().fill(init.to_bits());
        Ok(table)
    }

    pub(crate) fn new_internal(ty: TableType) -> Result<Table> {
        if ty.min > MAX_ELEMENTS {
            return Err(Error::Instantiation(format!(
                "table of {} elements exceeds Flint's limit of {MAX_ELEMENTS}",
                ty.min
            )));
        }
        let table = Table {
            inner: Rc::new(TableInner {
                ty,
                elements: RefCell::new(vec![0; ty.min as usize]),
                def: UnsafeCell::new(TableDef {
                    elements: std::ptr::null_mut(),
                    len: 0,
                }),
                owner_vmctx: Cell::new(std::ptr::null_mut()),
                roots: Roots::default(),
            }),
            owner: None,
        };
        table.sync_def();
        Ok(table)
    }

    /// Point the definition JIT code reads at the current elements.
    fn sync_def(&self) {
        let mut elements = self.inner.elements.borrow_mut();
        let def = TableDef {
            elements: elements.as_mut_ptr(),
            len: elements.len() as u64,
        };
        // SAFETY: JIT code only reads the definition while wasm runs on this
        // thread, never concurrently with this write (tables are `!Send`).
        unsafe { *self.inner.def.get() = def };
    }

    /// Record the defining instance (its own functions need no root).
    pub(crate) fn set_owner(&self, vmctx: *mut u8) {
        self.inner.owner_vmctx.set(vmctx);
        self.inner.roots.set_owner(vmctx);
    }

    /// The current type: the minimum is the current size.
    pub fn ty(&self) -> TableType {
        TableType {
            element: self.inner.ty.element,
            min: self.size(),
            max: self.inner.ty.max,
        }
    }

    pub fn size(&self) -> u32 {
        self.inner.elements.borrow().len() as u32
    }

    /// Element `index`, or `None` if out of bounds.
    pub fn get(&self, index: u32) -> Option<Val> {
        let raw = self.get_raw(index)?;
        Some(Val::from_bits(self.inner.ty.element, raw))
    }

    pub fn set(&self, index: u32, value: Val) -> Result<()> {
        self.check_type(&value)?;
        if index >= self.size() {
            return Err(Error::Usage(format!(
                "table index {index} out of bounds (size {})",
                self.size()
            )));
        }
        self.inner.roots.root(&value);
        self.inner.elements.borrow_mut()[index as usize] = value.to_bits();
        Ok(())
    }

    /// Grow by `delta` elements set to `init`; returns the old size.
    pub fn grow(&self, delta: u32, init: Val) -> Result<u32> {
        self.check_type(&init)?;
        self.inner.roots.root(&init);
        self.grow_raw(delta, init.to_bits())
            .ok_or_else(|| Error::Usage(format!("cannot grow table by {delta} elements")))
    }

    fn check_type(&self, value: &Val) -> Result<()> {
        if value.ty() != self.inner.ty.element {
            return Err(Error::Usage(format!(
                "a table of {} cannot hold a {}",
                self.inner.ty.element,
                value.ty()
            )));
        }
        Ok(())
    }

    // ---- Raw access for the runtime builtins ----------------------------
    //
    // Values are raw references that wasm (or instantiation) produced; the
    // callers guarantee they are live (see `Val::from_bits`).

    pub(crate) fn get_raw(&self, index: u32) -> Option<u64> {
        self.inner.elements.borrow().get(index as usize).copied()
    }

    /// Keep a raw reference about to be stored here alive.
    fn root_raw(&self, raw: u64) {
        // SAFETY: the builtins only pass references wasm holds, which are
        // live (the module docs of `api::refs`).
        unsafe { self.inner.roots.root_raw(self.inner.ty.element, raw) };
    }

    /// Set `[start, start + len)` to `raw`, or fail (writing nothing) if
    /// that is out of bounds.
    pub(crate) fn fill_raw(&self, start: u32, raw: u64, len: u32) -> bool {
        let size = self.size() as u64;
        if start as u64 + len as u64 > size {
            return false;
        }
        self.root_raw(raw);
        let (start, len) = (start as usize, len as usize);
        self.inner.elements.borrow_mut()[start..start + len].fill(raw);
        true
    }

    /// Write `values` at `start`, or fail (writing nothing) if out of bounds.
    pub(crate) fn write_raw(&self, start: u32, values: &[u64]) -> bool {
        if start as u64 + values.len() as u64 > self.size() as u64 {
            return false;
        }
        values.iter().for_each(|&raw| self.root_raw(raw));
        let start = start as usize;
        self.inner.elements.borrow_mut()[start..start + values.len()].copy_from_slice(values);
        true
    }

    /// `len` elements from `src`, or `None` if out of bounds.
    pub(crate) fn read_raw(&self, src: u32, len: u32) -> Option<Vec<u64>> {
        let elements = self.inner.elements.borrow();
        let (src, len) = (src as usize, len as usize);
        elements
            .get(src..src.checked_add(len)?)
            .map(<[u64]>::to_vec)
    }

    /// Grow by `delta` elements set to `raw`; the old size, or `None` past
    /// the maximum.
    pub(crate) fn grow_raw(&self, delta: u32, raw: u64) -> Option<u32> {
        let old = self.size();
        let max = self.inner.ty.max.unwrap_or(u32::MAX).min(MAX_ELEMENTS);
        let new = old.checked_add(delta).filter(|&n| n <= max)?;
        self.root_raw(raw);
        self.inner.elements.borrow_mut().resize(new as usize, raw);
        self.sync_def();
        Some(old)
    }

    pub(crate) fn def_ptr(&self) -> *mut TableDef {
        self.inner.def.get()
    }
}
