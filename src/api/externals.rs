//! `Extern`: anything an instance can import or export.

use super::store::{AsContext, StoreId, StoreOpaque};
use super::{func::Func, global::Global, memory::Memory, table::Table};
use crate::types::ExternType;

/// A function, global, memory or table of a store.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Extern {
    /// A function.
    Func(Func),
    /// A global.
    Global(Global),
    /// A memory.
    Memory(Memory),
    /// A table.
    Table(Table),
}

impl Extern {
    /// The item's type.
    ///
    /// # Panics
    /// If the item belongs to another store.
    pub fn ty(&self, store: impl AsContext) -> ExternType {
        let store = store.as_context();
        match self {
            Extern::Func(f) => ExternType::Func(f.ty(&store)),
            Extern::Global(g) => ExternType::Global(g.ty(&store)),
            Extern::Memory(m) => ExternType::Memory(m.ty(&store)),
            Extern::Table(t) => ExternType::Table(t.ty(&store)),
        }
    }

    /// The type, from the store's internals (checked to be its item).
    pub(crate) fn ty_in(&self, store: &StoreOpaque) -> ExternType {
        match self {
            Extern::Func(f) => ExternType::Func(f.ty_in(store)),
            Extern::Global(g) => ExternType::Global(g.ty_in(store)),
            Extern::Memory(m) => ExternType::Memory(m.ty_in(store)),
            Extern::Table(t) => ExternType::Table(t.ty_in(store)),
        }
    }

    /// The store the item belongs to.
    pub(crate) fn store(&self) -> StoreId {
        match self {
            Extern::Func(f) => f.store,
            Extern::Global(g) => g.0.store,
            Extern::Memory(m) => m.0.store,
            Extern::Table(t) => t.0.store,
        }
    }

    /// The function, if this is one.
    pub fn into_func(self) -> Option<Func> {
        match self {
            Extern::Func(f) => Some(f),
            _ => None,
        }
    }

    /// The global, if this is one.
    pub fn into_global(self) -> Option<Global> {
        match self {
            Extern::Global(g) => Some(g),
            _ => None,
        }
    }

    /// The memory, if this is one.
    pub fn into_memory(self) -> Option<Memory> {
        match self {
            Extern::Memory(m) => Some(m),
            _ => None,
        }
    }

    /// The table, if this is one.
    pub fn into_table(self) -> Option<Table> {
        match self {
            Extern::Table(t) => Some(t),
            _ => None,
        }
    }
}

impl From<Func> for Extern {
    fn from(f: Func) -> Extern {
        Extern::Func(f)
    }
}

impl From<Global> for Extern {
    fn from(g: Global) -> Extern {
        Extern::Global(g)
    }
}

impl From<Memory> for Extern {
    fn from(m: Memory) -> Extern {
        Extern::Memory(m)
    }
}

impl From<Table> for Extern {
    fn from(t: Table) -> Extern {
        Extern::Table(t)
    }
}
