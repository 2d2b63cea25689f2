//! `Instance`: a module's functions bound to their own memory, tables,
//! globals and imports, and the vmctx through which its code reaches them.
//!
//! Instantiation follows the spec (§4.5.4): check the imports, allocate
//! memory/tables/globals, build the vmctx, then apply element and data
//! segments in order — a segment that does not fit traps — and finally run
//! the start function.

use super::externals::Extern;
use super::func::{Func, FuncKind};
use super::global::Global;
use super::memory::Memory;
use super::table::Table;
use crate::error::{Error, Result};
use crate::module::{ConstExpr, ExportKind, ImportKind, Module};
use crate::runtime::{activation, builtins, vmctx};
use crate::trap::{Trap, TrapCode};
use crate::types::{limits_match, ExternType, Val};
use std::cell::Cell;
use std::rc::Rc;

/// An instantiated module. Cheap to clone (shared); `!Send`.
#[derive(Clone)]
pub struct Instance {
    pub(crate) data: Rc<InstanceData>,
}

pub(crate) struct InstanceData {
    pub module: Module,
    vmctx: Box<[Cell<u64>]>,
    pub memory: Option<Memory>,
    pub globals: Vec<Global>,
    pub tables: Vec<Table>,
    /// The imported functions, by import index.
    pub imported_funcs: Vec<Func>,
    /// Data segments dropped so far (`data.drop`, or applied at
    /// instantiation): they read as empty.
    pub dropped_data: Vec<Cell<bool>>,
}

impl InstanceData {
    pub fn vmctx_ptr(&self) -> *mut u8 {
        self.vmctx.as_ptr() as *mut u8
    }

    fn set(&self, offset: u32, value: u64) {
        self.vmctx[offset as usize / 8].set(value);
    }

    /// The module-wide index of the defined function whose code starts at `code`.
    pub fn func_index_of(&self, code: *const u8) -> Option<u32> {
        let m = &self.module.inner;
        let offset = (code as usize).checked_sub(m.code.as_ptr() as usize)?;
        let defined = m.func_offsets.binary_search(&offset).ok()?;
        Some(m.num_imported_funcs + defined as u32)
    }
}

fn incompatible(module: &str, name: &str, expected: &ExternType, actual: &ExternType) -> Error {
    Error::Link(format!(
        "incompatible import type for {module}.{name}: expected {expected:?}, found {actual:?}"
    ))
}

impl Instance {
    /// Instantiate `module` with `imports` given in the module's import order.
    pub fn new(module: &Module, imports: &[Extern]) -> Result<Instance> {
        let m = &module.inner;
        if imports.len() != m.imports.len() {
            return Err(Error::Link(format!(
                "module needs {} imports, {} given",
                m.imports.len(),
                imports.len()
            )));
        }
        let mut imported_funcs = Vec::new();
        let mut globals = Vec::new();
        let mut tables = Vec::new();
        let mut memory = None;
        for (i, (import, ext)) in m.imports.iter().zip(imports).enumerate() {
            let ok = match (&import.kind, ext) {
                (ImportKind::Func(t), Extern::Func(f)) => f.ty() == m.types[*t as usize],
                (ImportKind::Global(g), Extern::Global(x)) => x.ty() == *g,
                (ImportKind::Memory(mt), Extern::Memory(x)) => {
                    let t = x.ty();
                    limits_match((t.min, t.max), (mt.min, mt.max))
                }
                (ImportKind::Table(tt), Extern::Table(x)) => {
                    let t = x.ty();
                    limits_match((t.min, t.max), (tt.min, tt.max))
                }
                _ => false,
            };
            if !ok {
                let expected = module.imports().swap_remove(i).ty;
                return Err(incompatible(
                    &import.module,
                    &import.name,
                    &expected,
                    &ext.ty(),
                ));
            }
            match ext.clone() {
                Extern::Func(f) => imported_funcs.push(f),
                Extern::Global(g) => globals.push(g),
                Extern::Memory(x) => memory = Some(x),
                Extern::Table(t) => tables.push(t),
            }
        }

        if memory.is_none() {
            if let Some(ty) = m.memory {
                memory = Some(Memory::new(&m.engine, ty)?);
            }
        }
        let num_imported_tables = tables.len();
        for ty in &m.tables[num_imported_tables..] {
            tables.push(Table::new_internal(*ty)?);
        }
        for (ty, init) in m.globals[globals.len()..].iter().zip(&m.global_inits) {
            let value = eval(init, &globals);
            globals.push(Global::new_unchecked(*ty, value));
        }

        let size = m.offsets.size() as usize / 8;
        let data = Rc::new(InstanceData {
            module: module.clone(),
            vmctx: (0..size).map(|_| Cell::new(0)).collect(),
            memory,
            globals,
            tables,
            imported_funcs,
            dropped_data: m.data.iter().map(|_| Cell::new(false)).collect(),
        });
        data.set(vmctx::STACK_LIMIT, activation::stack_limit_ptr() as u64);
        if let Some(mem) = &data.memory {
            data.set(vmctx::MEMORY_BASE, mem.base() as u64);
            data.set(vmctx::MEMORY, mem.def_ptr() as u64);
        }
        data.set(
            vmctx::BUILTIN_MEMORY_GROW,
            builtins::memory_grow as *const () as u64,
        );
        data.set(
            vmctx::BUILTIN_CALL_HOST,
            builtins::call_host as *const () as u64,
        );
        data.set(vmctx::INSTANCE, Rc::as_ptr(&data) as u64);
        for (offset, builtin) in builtins::RUNTIME_BUILTINS {
            data.set(offset, builtin as *const () as u64);
        }
        for (i, f) in data.imported_funcs.iter().enumerate() {
            let r = f.func_ref();
            let at = m.offsets.imported_func(i as u32);
            data.set(at, r.code as u64);
            data.set(at + 8, r.vmctx as u64);
        }
        for (i, g) in data.globals.iter().enumerate() {
            data.set(m.offsets.global(i as u32), g.cell_ptr() as u64);
        }
        for (i, t) in data.tables.iter().enumerate() {
            data.set(m.offsets.table(i as u32), t.def_ptr() as u64);
            if i >= num_imported_tables {
                t.inner.owner_vmctx.set(data.vmctx_ptr());
            }
        }
        let instance = Instance { data };
        instance.initialize()?;
        Ok(instance)
    }

    /// Apply the segments, then run the start function.
    fn initialize(&self) -> Result<()> {
        let d = &self.data;
        let m = &d.module.inner;
        for seg in &m.elements {
            let offset = eval(&seg.offset, &d.globals).unwrap_i32() as u32;
            let table = &d.tables[seg.table as usize];
            if offset as u64 + seg.funcs.len() as u64 > table.size() as u64 {
                return Err(Trap::new(TrapCode::TableAccessOutOfBounds).into());
            }
            for (i, &f) in seg.funcs.iter().enumerate() {
                table.set(offset + i as u32, Some(self.func(f)))?;
            }
        }
        // An active data segment is `memory.init` then `data.drop`: checked
        // and written one at a time, so a segment that does not fit traps
        // after the ones before it were written.
        for (index, seg) in m.data.iter().enumerate() {
            let Some(offset) = &seg.offset else { continue };
            let offset = eval(offset, &d.globals).unwrap_i32() as u32;
            builtins::memory_init_at(d, index as u32, offset, 0, seg.bytes.len() as u32)
                .map_err(|code| Error::from(Trap::new(code)))?;
            d.dropped_data[index].set(true);
        }
        if let Some(start) = m.start {
            self.func(start).call(&[])?;
        }
        Ok(())
    }

    /// Function `index` of this instance (imports resolve to what was imported).
    fn func(&self, index: u32) -> Func {
        match self.data.imported_funcs.get(index as usize) {
            Some(f) => f.clone(),
            None => Func {
                kind: FuncKind::Wasm {
                    instance: self.data.clone(),
                    index,
                },
            },
        }
    }

    pub fn module(&self) -> &Module {
        &self.data.module
    }

    pub fn get_export(&self, name: &str) -> Option<Extern> {
        let (_, kind, index) = self
            .data
            .module
            .inner
            .exports
            .iter()
            .find(|(n, _, _)| n == name)?;
        Some(self.export(*kind, *index))
    }

    fn export(&self, kind: ExportKind, index: u32) -> Extern {
        let d = &self.data;
        match kind {
            ExportKind::Func => Extern::Func(self.func(index)),
            ExportKind::Global => Extern::Global(d.globals[index as usize].clone()),
            ExportKind::Memory => Extern::Memory(d.memory.clone().expect("validated")),
            ExportKind::Table => {
                let mut t = d.tables[index as usize].clone();
                if t.owner.is_none() && t.inner.owner_vmctx.get() == d.vmctx_ptr() {
                    t.owner = Some(d.clone());
                }
                Extern::Table(t)
            }
        }
    }

    /// All exports, in the module's order.
    pub fn exports(&self) -> Vec<(String, Extern)> {
        self.data
            .module
            .inner
            .exports
            .iter()
            .map(|(n, k, i)| (n.clone(), self.export(*k, *i)))
            .collect()
    }

    pub fn get_func(&self, name: &str) -> Option<Func> {
        self.get_export(name)?.into_func()
    }

    pub fn get_typed_func<P: super::typed::WasmParams, R: super::typed::WasmResults>(
        &self,
        name: &str,
    ) -> Result<super::typed::TypedFunc<P, R>> {
        self.get_func(name)
            .ok_or_else(|| Error::Usage(format!("no exported function named `{name}`")))?
            .typed()
    }

    pub fn get_memory(&self, name: &str) -> Option<Memory> {
        self.get_export(name)?.into_memory()
    }

    pub fn get_global(&self, name: &str) -> Option<Global> {
        self.get_export(name)?.into_global()
    }

    pub fn get_table(&self, name: &str) -> Option<Table> {
        self.get_export(name)?.into_table()
    }
}

/// Evaluate a constant expression (the validator restricts `global.get` to
/// imported globals defined before).
fn eval(expr: &ConstExpr, globals: &[Global]) -> Val {
    match *expr {
        ConstExpr::Value(v) => v,
        ConstExpr::GlobalGet(i) => globals[i as usize].get(),
    }
}
