//! `Table`: a table of references (`funcref` or `externref`).
//!
//! JIT code reads elements as raw references through the table definition
//! in the vmctx (`call_indirect` inline; everything else through runtime
//! builtins), so the table stores exactly that: one address per element,
//! 0 for null. Functions stay alive because the store owns them; host
//! references (`externref`) are held in the table's `roots`.
//!
//! Table sizes are chosen by the guest, so their storage is allocated
//! fallibly (a failed allocation is a failed `table.grow` or instantiation,
//! never an abort of the host process), and counted against a
//! [`TableBudget`]: `Config::max_table_elements` for all the tables of one
//! instance together, or for one table the host created. The store's
//! [`ResourceLimiter`](super::limits::ResourceLimiter), if any, is asked
//! too.

use super::refs::Roots;
use super::store::{AsContext, AsContextMut, StoreOpaque, Stored};
use crate::error::{Error, Result};
use crate::runtime::vmctx::TableDef;
use crate::types::{TableType, Val};

/// How many more table elements the tables sharing it may hold: those an
/// instance defines, or a single table the host created.
pub(crate) struct TableBudget {
    limit: u64,
    used: u64,
}

impl TableBudget {
    /// A new budget of `limit` elements in `store`; its index.
    pub fn new_in(store: &mut StoreOpaque, limit: u64) -> usize {
        store.table_budgets.push(TableBudget { limit, used: 0 });
        store.table_budgets.len() - 1
    }

    pub fn limit(&self) -> u64 {
        self.limit
    }

    /// Take `n` elements from the budget, if that many are left.
    fn take(&mut self, n: u64) -> bool {
        match self.used.checked_add(n) {
            Some(used) if used <= self.limit => {
                self.used = used;
                true
            }
            _ => false,
        }
    }

    /// Return elements taken for a table that could not be allocated.
    fn give_back(&mut self, n: u64) {
        self.used -= n;
    }
}

/// A table in a store.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Table(pub(crate) Stored);

pub(crate) struct TableData {
    ty: TableType,
    elements: Vec<u64>,
    /// What JIT code reads: kept pointing at `elements`.
    def: TableDef,
    roots: Roots,
    /// The index of the budget the elements count against.
    budget: usize,
}

impl Table {
    /// A table of `ty.min` elements set to `init`. Fails if the limits are
    /// invalid (a minimum above the maximum), if the minimum exceeds
    /// `Config::max_table_elements` or the store's limiter refuses it, or
    /// if the host cannot allocate it.
    pub fn new(mut store: impl AsContextMut, ty: TableType, init: Val) -> Result<Table> {
        let mut store = store.as_context_mut();
        let store = store.opaque();
        if init.ty() != ty.element {
            return Err(Error::Usage(format!(
                "a table of {} cannot hold a {}",
                ty.element,
                init.ty()
            )));
        }
        init.check_store(store)?;
        if ty.max.is_some_and(|max| max < ty.min) {
            return Err(Error::Usage(format!(
                "invalid table limits: minimum {} is above maximum {}",
                ty.min,
                ty.max.unwrap_or_default()
            )));
        }
        let limit = store.engine.config().max_table_elements;
        let budget = TableBudget::new_in(store, limit);
        let table = Table::new_in(store, ty, init.to_bits(), budget).map_err(Error::Usage)?;
        store.tables[table.0.index as usize].roots.root(&init);
        Ok(table)
    }

    /// A table of `ty.min` elements set to the raw reference `fill`, taken
    /// from budget `budget`; the error says why it cannot be had.
    pub(crate) fn new_in(
        store: &mut StoreOpaque,
        ty: TableType,
        fill: u64,
        budget: usize,
    ) -> Result<Table, String> {
        let count = store.tables.len();
        if let Some(limiter) = store.limiter() {
            if count >= limiter.tables() {
                return Err(format!(
                    "the store's limit of {} tables is reached",
                    limiter.tables()
                ));
            }
            let max = ty.max.map(|m| m as usize);
            if !limiter
                .table_growing(0, ty.min as usize, max)
                .unwrap_or(false)
            {
                return Err(format!(
                    "the store's limiter refused a table of {} elements",
                    ty.min
                ));
            }
        }
        let b = &mut store.table_budgets[budget];
        if !b.take(ty.min as u64) {
            return Err(format!(
                "table of {} elements exceeds the limit of {} table elements \
                 (Config::max_table_elements)",
                ty.min,
                b.limit()
            ));
        }
        let mut elements = Vec::new();
        if elements.try_reserve_exact(ty.min as usize).is_err() {
            b.give_back(ty.min as u64);
            return Err(format!(
                "cannot allocate a table of {} elements: out of memory",
                ty.min
            ));
        }
        elements.resize(ty.min as usize, fill);
        let mut data = Box::new(TableData {
            ty,
            elements,
            def: TableDef {
                elements: std::ptr::null_mut(),
                len: 0,
            },
            roots: Roots::default(),
            budget,
        });
        data.sync_def();
        let handle = store.handle(store.tables.len());
        store.tables.push(data);
        Ok(Table(handle))
    }

    fn data<'a>(&self, store: &'a StoreOpaque) -> &'a TableData {
        &store.tables[store.index(self.0, "Table")]
    }

    /// The current type: the minimum is the current size.
    pub fn ty(&self, store: impl AsContext) -> TableType {
        self.ty_in(store.as_context().opaque())
    }

    pub(crate) fn ty_in(&self, store: &StoreOpaque) -> TableType {
        let d = self.data(store);
        TableType {
            element: d.ty.element,
            min: d.elements.len() as u32,
            max: d.ty.max,
        }
    }

    /// The current size in elements.
    pub fn size(&self, store: impl AsContext) -> u64 {
        self.data(store.as_context().opaque()).elements.len() as u64
    }

    /// Element `index`, or `None` if out of bounds.
    pub fn get(&self, store: impl AsContext, index: u64) -> Option<Val> {
        let store = store.as_context();
        let d = self.data(store.opaque());
        let raw = d.get_raw(u32::try_from(index).ok()?)?;
        Some(Val::from_bits(d.ty.element, raw))
    }

    /// Set element `index` to `value`.
    pub fn set(&self, mut store: impl AsContextMut, index: u64, value: Val) -> Result<()> {
        let mut store = store.as_context_mut();
        let store = store.opaque();
        store.check(self.0.store, "Table")?;
        value.check_store(store)?;
        let d = &mut store.tables[self.0.index as usize];
        d.check_type(&value)?;
        let size = d.elements.len();
        let Some(slot) = d.elements.get_mut(index as usize) else {
            return Err(Error::Usage(format!(
                "table index {index} out of bounds (size {size})"
            )));
        };
        *slot = value.to_bits();
        d.roots.root(&value);
        Ok(())
    }

    /// Grow by `delta` elements set to `init`; returns the old size.
    pub fn grow(&self, mut store: impl AsContextMut, delta: u64, init: Val) -> Result<u64> {
        let mut store = store.as_context_mut();
        let store = store.opaque();
        store.check(self.0.store, "Table")?;
        init.check_store(store)?;
        let index = self.0.index as usize;
        store.tables[index].check_type(&init)?;
        store.tables[index].roots.root(&init);
        u32::try_from(delta)
            .ok()
            .and_then(|delta| grow_raw(store, index, delta, init.to_bits()))
            .map(u64::from)
            .ok_or_else(|| Error::Usage(format!("cannot grow table by {delta} elements")))
    }
}

impl TableData {
    fn check_type(&self, value: &Val) -> Result<()> {
        if value.ty() != self.ty.element {
            return Err(Error::Usage(format!(
                "a table of {} cannot hold a {}",
                self.ty.element,
                value.ty()
            )));
        }
        Ok(())
    }

    /// Point the definition JIT code reads at the current elements.
    fn sync_def(&mut self) {
        self.def = TableDef {
            elements: self.elements.as_mut_ptr(),
            len: self.elements.len() as u64,
        };
    }

    pub fn def_ptr(&mut self) -> *mut TableDef {
        &mut self.def
    }

    pub fn size(&self) -> u32 {
        self.elements.len() as u32
    }

    // ---- Raw access for the runtime builtins ----------------------------
    //
    // Values are raw references that wasm (or instantiation) produced; the
    // callers guarantee they are live (see `Val::from_bits`).

    pub fn get_raw(&self, index: u32) -> Option<u64> {
        self.elements.get(index as usize).copied()
    }

    /// Keep a raw reference about to be stored here alive.
    fn root_raw(&self, raw: u64) {
        // SAFETY: the builtins only pass references wasm holds, which are
        // live (the module docs of `api::refs`).
        unsafe { self.roots.root_raw(self.ty.element, raw) };
    }

    /// Set `[start, start + len)` to `raw`, or fail (writing nothing) if
    /// that is out of bounds.
    pub fn fill_raw(&mut self, start: u32, raw: u64, len: u32) -> bool {
        let Some(range) = span(self.elements.len(), start, len) else {
            return false;
        };
        self.root_raw(raw);
        self.elements[range].fill(raw);
        true
    }

    /// Write `values` at `start`, or fail (writing nothing) if out of bounds.
    pub fn write_raw(&mut self, start: u32, values: &[u64]) -> bool {
        let Some(range) = span(self.elements.len(), start, values.len() as u32) else {
            return false;
        };
        values.iter().for_each(|&raw| self.root_raw(raw));
        self.elements[range].copy_from_slice(values);
        true
    }
}

/// The range `[start, start + len)` if it lies within `size`.
fn span(size: usize, start: u32, len: u32) -> Option<std::ops::Range<usize>> {
    let end = start as u64 + len as u64;
    (end <= size as u64).then_some(start as usize..end as usize)
}

/// `table.copy`: copy `len` elements of table `src` from `src_start` to
/// table `dst` at `dst_start`, or fail (writing nothing) if either range is
/// out of bounds. In place, without a temporary copy: `len` is the guest's
/// choice, up to the whole table.
pub(crate) fn copy_raw(
    store: &mut StoreOpaque,
    dst: usize,
    dst_start: u32,
    src: usize,
    src_start: u32,
    len: u32,
) -> bool {
    let tables = &mut store.tables;
    let (Some(s), Some(d)) = (
        span(tables[src].elements.len(), src_start, len),
        span(tables[dst].elements.len(), dst_start, len),
    ) else {
        return false;
    };
    if dst == src {
        // Already held by this table: nothing new to root.
        tables[dst].elements.copy_within(s, d.start);
        return true;
    }
    let (from, to) = if src < dst {
        let (low, high) = tables.split_at_mut(dst);
        (&low[src], &mut high[0])
    } else {
        let (low, high) = tables.split_at_mut(src);
        (&high[0], &mut low[dst])
    };
    let values = &from.elements[s];
    values.iter().for_each(|&raw| to.root_raw(raw));
    to.elements[d].copy_from_slice(values);
    true
}

/// Grow table `index` by `delta` elements set to `raw`; the old size, or
/// `None` past the maximum, past the budget, when the store's limiter
/// refuses, or when the host is out of memory.
pub(crate) fn grow_raw(store: &mut StoreOpaque, index: usize, delta: u32, raw: u64) -> Option<u32> {
    let (old, max) = {
        let t = &store.tables[index];
        (t.size(), t.ty.max)
    };
    let new = old
        .checked_add(delta)
        .filter(|&n| n <= max.unwrap_or(u32::MAX))?;
    if let Some(limiter) = store.limiter() {
        let max = max.map(|m| m as usize);
        if !limiter
            .table_growing(old as usize, new as usize, max)
            .unwrap_or(false)
        {
            return None;
        }
    }
    let table = &mut store.tables[index];
    let budget = &mut store.table_budgets[table.budget];
    if !budget.take(delta as u64) {
        return None;
    }
    // Room for more than `delta` (doubling), so that growing by one element
    // at a time stays linear, but not past what the table may ever hold: its
    // maximum and what its budget has left. If that much cannot be had,
    // exactly `delta` may still be.
    let left = budget.limit - budget.used;
    let ceiling = (max.unwrap_or(u32::MAX) as u64).min((new as u64).saturating_add(left));
    let room = (old as u64 * 2).min(ceiling).max(new as u64) - old as u64;
    if table.elements.try_reserve_exact(room as usize).is_err()
        && table.elements.try_reserve_exact(delta as usize).is_err()
    {
        budget.give_back(delta as u64);
        return None;
    }
    table.elements.resize(new as usize, raw);
    table.root_raw(raw);
    table.sync_def();
    Some(old)
}
