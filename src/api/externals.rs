//! `Extern`: anything an instance can import or export.

use super::{func::Func, global::Global, memory::Memory, table::Table};
use crate::types::ExternType;

#[derive(Clone)]
pub enum Extern {
    Func(Func),
    Global(Global),
    Memory(Memory),
    Table(Table),
}

impl Extern {
    pub fn ty(&self) -> ExternType {
        match self {
            Extern::Func(f) => ExternType::Func(f.ty()),
            Extern::Global(g) => ExternType::Global(g.ty()),
            Extern::Memory(m) => ExternType::Memory(m.ty()),
            Extern::Table(t) => ExternType::Table(t.ty()),
        }
    }

    pub fn into_func(self) -> Option<Func> {
        match self {
            Extern::Func(f) => Some(f),
            _ => None,
        }
    }
    pub fn into_global(self) -> Option<Global> {
        match self {
            Extern::Global(g) => Some(g),
            _ => None,
        }
    }
    pub fn into_memory(self) -> Option<Memory> {
        match self {
            Extern::Memory(m) => Some(m),
            _ => None,
        }
    }
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
