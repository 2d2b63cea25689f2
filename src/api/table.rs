//! `Table`: a table of references (`funcref` or `externref`).
//!
//! JIT code reads elements as raw references through the table definition
//! in the vmctx (`call_indirect` inline; everything else through runtime
//! builtins), so the table stores exactly that: one address per element,
//! 0 for null. What keeps the referenced functions and host values alive:
//! functions of the table's own instance are kept alive by that instance
//! (which every `Table` handle obtained from it holds), and every other
//! reference stored in the table is held in its `roots`.
//!
//! Table sizes are chosen by the guest, so their storage is allocated
//! fallibly (a failed allocation is a failed `table.grow` or instantiation,
//! never an abort of the host process), and counted against a
//! [`TableBudget`]: `Config::max_table_elements` for all the tables of one
//! instance together, or for one table the host created.

use super::instance::InstanceData;
use super::refs::Roots;
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::runtime::vmctx::TableDef;
use crate::types::{TableType, Val};
use std::cell::{Cell, RefCell, UnsafeCell};
use std::rc::Rc;

/// How many more table elements the tables sharing it may hold: those an
/// instance defines, or a single table the host created.
pub(crate) struct TableBudget {
    limit: u64,
    used: Cell<u64>,
}

impl TableBudget {
    pub fn new(limit: u64) -> Rc<TableBudget> {
        Rc::new(TableBudget {
            limit,
            used: Cell::new(0),
        })
    }

    pub fn limit(&self) -> u64 {
        self.limit
    }

    /// Take `n` elements from the budget, if that many are left.
    fn take(&self, n: u64) -> bool {
        match self.used.get().checked_add(n) {
            Some(used) if used <= self.limit => {
                self.used.set(used);
                true
            }
            _ => false,
        }
    }

    /// How many elements are left.
    fn left(&self) -> u64 {
        self.limit - self.used.get()
    }

    /// Return elements taken for a table that could not be allocated.
    fn give_back(&self, n: u64) {
        self.used.set(self.used.get() - n);
    }
}

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
    /// What the table's elements count against.
    budget: Rc<TableBudget>,
}

impl Table {
    /// A table of `ty.min` elements set to `init`. Fails if the limits are
    /// invalid (a minimum above the maximum), if the minimum exceeds
    /// `Config::max_table_elements`, or if the host cannot allocate it.
    pub fn new(engine: &Engine, ty: TableType, init: Val) -> Result<Table> {
        if init.ty() != ty.element {
            return Err(Error::Usage(format!(
                "a table of {} cannot hold a {}",
                ty.element,
                init.ty()
            )));
        }
        if ty.max.is_some_and(|max| max < ty.min) {
            return Err(Error::Usage(format!(
                "invalid table limits: minimum {} is above maximum {}",
                ty.min,
                ty.max.unwrap_or_default()
            )));
        }
        let budget = TableBudget::new(engine.config().max_table_elements);
        let table = Table::new_internal(ty, init.to_bits(), budget).map_err(Error::Usage)?;
        table.inner.roots.root(&init);
        Ok(table)
    }

    /// A table of `ty.min` elements set to the raw reference `fill`, taken
    /// from `budget`; the error says why it cannot be had.
    pub(crate) fn new_internal(
        ty: TableType,
        fill: u64,
        budget: Rc<TableBudget>,
    ) -> std::result::Result<Table, String> {
        if !budget.take(ty.min as u64) {
            return Err(format!(
                "table of {} elements exceeds the limit of {} table elements \
                 (Config::max_table_elements)",
                ty.min,
                budget.limit()
            ));
        }
        let mut elements = Vec::new();
        if elements.try_reserve_exact(ty.min as usize).is_err() {
            budget.give_back(ty.min as u64);
            return Err(format!(
                "cannot allocate a table of {} elements: out of memory",
                ty.min
            ));
        }
        elements.resize(ty.min as usize, fill);
        let table = Table {
            inner: Rc::new(TableInner {
                ty,
                elements: RefCell::new(elements),
                def: UnsafeCell::new(TableDef {
                    elements: std::ptr::null_mut(),
                    len: 0,
                }),
                owner_vmctx: Cell::new(std::ptr::null_mut()),
                roots: Roots::default(),
                budget,
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

    /// `table.copy`: copy `len` elements of `src` from `src_start` to `dst`
    /// at `dst_start`, or fail (writing nothing) if either range is out of
    /// bounds. In place, without a temporary copy: `len` is the guest's
    /// choice, up to the whole table.
    pub(crate) fn copy_raw(
        dst: &Table,
        dst_start: u32,
        src: &Table,
        src_start: u32,
        len: u32,
    ) -> bool {
        let (d, s, n) = (dst_start as usize, src_start as usize, len as usize);
        let fits = |size: usize, start: usize| start as u64 + n as u64 <= size as u64;
        if Rc::ptr_eq(&dst.inner, &src.inner) {
            let mut elements = dst.inner.elements.borrow_mut();
            if !fits(elements.len(), s) || !fits(elements.len(), d) {
                return false;
            }
            // Already held by this table: nothing new to root.
            elements.copy_within(s..s + n, d);
            return true;
        }
        let from = src.inner.elements.borrow();
        if !fits(from.len(), s) || !fits(dst.size() as usize, d) {
            return false;
        }
        let values = &from[s..s + n];
        values.iter().for_each(|&raw| dst.root_raw(raw));
        dst.inner.elements.borrow_mut()[d..d + n].copy_from_slice(values);
        true
    }

    /// Grow by `delta` elements set to `raw`; the old size, or `None` past
    /// the maximum, past the budget, or when the host is out of memory.
    pub(crate) fn grow_raw(&self, delta: u32, raw: u64) -> Option<u32> {
        let old = self.size();
        let max = self.inner.ty.max.unwrap_or(u32::MAX);
        let new = old.checked_add(delta).filter(|&n| n <= max)?;
        if !self.inner.budget.take(delta as u64) {
            return None;
        }
        // Room for more than `delta` (doubling), so that growing by one
        // element at a time stays linear, but not past what the table may
        // ever hold: its maximum and what its budget has left. If that much
        // cannot be had, exactly `delta` may still be.
        let ceiling = (max as u64).min((new as u64).saturating_add(self.inner.budget.left()));
        let room = (old as u64 * 2).min(ceiling).max(new as u64) - old as u64;
        let mut elements = self.inner.elements.borrow_mut();
        if elements.try_reserve_exact(room as usize).is_err()
            && elements.try_reserve_exact(delta as usize).is_err()
        {
            self.inner.budget.give_back(delta as u64);
            return None;
        }
        elements.resize(new as usize, raw);
        drop(elements);
        self.root_raw(raw);
        self.sync_def();
        Some(old)
    }

    pub(crate) fn def_ptr(&self) -> *mut TableDef {
        self.inner.def.get()
    }
}
