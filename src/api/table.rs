//! `Table`: a table of function references.
//!
//! JIT code reads elements as raw `FuncRef`s (`{ code, vmctx, type_id }`)
//! through the table definition in the vmctx, so the table stores exactly
//! that. What keeps the referenced code and vmctx alive: functions of the
//! table's own instance are kept alive by that instance (which every `Table`
//! handle obtained from it holds), and every other function stored in the
//! table is held in `keep_alive`.

use super::func::Func;
use super::instance::InstanceData;
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::runtime::vmctx::{FuncRef, TableDef};
use crate::types::TableType;
use std::cell::{Cell, RefCell, UnsafeCell};
use std::rc::Rc;

/// The most elements a table may have here (keeps a hostile module from
/// reserving gigabytes of table).
const MAX_ELEMENTS: u32 = 10_000_000;

#[derive(Clone)]
pub struct Table {
    pub(crate) inner: Rc<TableInner>,
    /// The instance that defined the table, when this handle came from one.
    pub(crate) owner: Option<Rc<InstanceData>>,
}

pub(crate) struct TableInner {
    ty: TableType,
    elements: RefCell<Vec<FuncRef>>,
    def: UnsafeCell<TableDef>,
    /// The vmctx of the defining instance (null for host-created tables).
    pub(crate) owner_vmctx: Cell<*mut u8>,
    keep_alive: RefCell<Vec<Func>>,
}

impl Table {
    pub fn new(_engine: &Engine, ty: TableType, init: Option<Func>) -> Result<Table> {
        let table = Table::new_internal(ty)?;
        if let Some(f) = init {
            for i in 0..ty.min {
                table.set(i, Some(f.clone()))?;
            }
        }
        Ok(table)
    }

    pub(crate) fn new_internal(ty: TableType) -> Result<Table> {
        if ty.min > MAX_ELEMENTS {
            return Err(Error::Instantiation(format!(
                "table of {} elements exceeds Flint's limit of {MAX_ELEMENTS}",
                ty.min
            )));
        }
        let mut elements = vec![FuncRef::NULL; ty.min as usize];
        let def = TableDef {
            elements: elements.as_mut_ptr(),
            len: ty.min as u64,
        };
        Ok(Table {
            inner: Rc::new(TableInner {
                ty,
                elements: RefCell::new(elements),
                def: UnsafeCell::new(def),
                owner_vmctx: Cell::new(std::ptr::null_mut()),
                keep_alive: RefCell::new(Vec::new()),
            }),
            owner: None,
        })
    }

    /// The current type: the minimum is the current size.
    pub fn ty(&self) -> TableType {
        TableType {
            min: self.size(),
            max: self.inner.ty.max,
        }
    }

    pub fn size(&self) -> u32 {
        self.inner.elements.borrow().len() as u32
    }

    /// Element `index`: `None` if out of bounds, `Some(None)` if null.
    pub fn get(&self, index: u32) -> Option<Option<Func>> {
        let element = *self.inner.elements.borrow().get(index as usize)?;
        Some(Func::from_func_ref(&element))
    }

    pub fn set(&self, index: u32, func: Option<Func>) -> Result<()> {
        if index >= self.size() {
            return Err(Error::Usage(format!(
                "table index {index} out of bounds (size {})",
                self.size()
            )));
        }
        let raw = match &func {
            Some(f) => {
                if !f.belongs_to(self.inner.owner_vmctx.get()) {
                    self.inner.keep_alive.borrow_mut().push(f.clone());
                }
                f.func_ref()
            }
            None => FuncRef::NULL,
        };
        self.inner.elements.borrow_mut()[index as usize] = raw;
        Ok(())
    }

    pub(crate) fn def_ptr(&self) -> *mut TableDef {
        self.inner.def.get()
    }
}
