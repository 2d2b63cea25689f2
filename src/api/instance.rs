//! `Instance`: a module's functions bound to their own memory, tables,
//! globals and imports, and the vmctx through which its code reaches them.
//!
//! Instantiation follows the spec (§4.5.4): check the imports, allocate
//! memory/tables/globals, build the vmctx, then apply element and data
//! segments in order — a segment that does not fit traps — and finally run
//! the start function.

use super::builtins;
use super::externals::Extern;
use super::func::{Func, FuncKind};
use super::global::Global;
use super::memory::Memory;
use super::table::{Table, TableBudget};
use crate::error::{Error, Result};
use crate::module::{ConstExpr, ExportKind, ImportKind, Module};
use crate::runtime::{activation, vmctx};
use crate::trap::Trap;
use crate::types::{limits_match, ExternType, MemoryType, Val};
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
    /// Element segments dropped so far, likewise.
    pub dropped_elems: Vec<Cell<bool>>,
}

impl InstanceData {
    pub fn vmctx_ptr(&self) -> *mut u8 {
        self.vmctx.as_ptr() as *mut u8
    }

    fn set(&self, offset: u32, value: u64) {
        self.vmctx[vmctx::cell(offset)].set(value);
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
                    t.element == tt.element && limits_match((t.min, t.max), (tt.min, tt.max))
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
                let limit = m.engine.config().max_memory_pages;
                if ty.min > limit {
                    return Err(Error::Instantiation(format!(
                        "memory of {} pages exceeds the configured limit of {limit} pages",
                        ty.min
                    )));
                }
                let max = Some(ty.max.map_or(limit, |max| max.min(limit)));
                memory = Some(Memory::new(&m.engine, MemoryType { max, ..ty })?);
            }
        }
        // The tables this instance defines share one budget of elements
        // (`Config::max_table_elements`), checked as a whole first so that
        // nothing is allocated for a module that cannot have its tables.
        let num_imported_tables = tables.len();
        let defined_tables = &m.tables[num_imported_tables..];
        let budget = TableBudget::new(m.engine.config().max_table_elements);
        let elements: u64 = defined_tables.iter().map(|t| t.min as u64).sum();
        if elements > budget.limit() {
            return Err(Error::Instantiation(format!(
                "tables of {elements} elements in all exceed the limit of {} table \
                 elements (Config::max_table_elements)",
                budget.limit()
            )));
        }
        for ty in defined_tables {
            let table =
                Table::new_internal(*ty, 0, budget.clone()).map_err(Error::Instantiation)?;
            tables.push(table);
        }
        // Defined globals start at zero/null; their initialisers may name
        // this instance's functions (`ref.func`), so they are evaluated
        // once the vmctx exists.
        let num_imported_globals = globals.len();
        for ty in &m.globals[num_imported_globals..] {
            globals.push(Global::new_unchecked(*ty, Val::default_for(ty.content)));
        }

        let size = vmctx::cell(m.offsets.size());
        let data = Rc::new(InstanceData {
            module: module.clone(),
            vmctx: (0..size).map(|_| Cell::new(0)).collect(),
            memory,
            globals,
            tables,
            imported_funcs,
            dropped_data: m.data.iter().map(|_| Cell::new(false)).collect(),
            dropped_elems: m.elements.iter().map(|_| Cell::new(false)).collect(),
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
        data.set(vmctx::EPOCH_PTR, m.engine.inner.epoch.as_ptr() as u64);
        let deadline = match m.engine.config().initial_epoch_deadline {
            Some(delta) => m.engine.epoch().saturating_add(delta),
            None => u64::MAX,
        };
        data.set(vmctx::EPOCH_DEADLINE, deadline);
        data.set(
            vmctx::FUEL,
            m.engine.config().initial_fuel.min(i64::MAX as u64),
        );
        for (offset, builtin) in builtins::RUNTIME_BUILTINS {
            data.set(offset, builtin as *const () as u64);
        }
        for (i, f) in data.imported_funcs.iter().enumerate() {
            let r = f.func_ref();
            let at = m.offsets.imported_func(i as u32);
            data.set(at + vmctx::IMPORT_CODE, r.code as u64);
            data.set(at + vmctx::IMPORT_VMCTX, r.vmctx as u64);
        }
        for (i, g) in data.globals.iter().enumerate() {
            data.set(m.offsets.global(i as u32), g.cell_ptr() as u64);
        }
        for (i, t) in data.tables.iter().enumerate() {
            data.set(m.offsets.table(i as u32), t.def_ptr() as u64);
            if i >= num_imported_tables {
                t.set_owner(data.vmctx_ptr());
            }
        }
        let instance = Instance { data };
        let data = &instance.data;
        // A `FuncRef` record for every function, imports included (a copy
        // of the exporter's record), so `ref.func` is an address in here.
        for index in 0..m.funcs.len() as u32 {
            let at = m.offsets.func_ref(index);
            for (offset, value) in instance.func(index).func_ref().cells() {
                data.set(at + offset, value);
            }
        }
        for (i, init) in m.global_inits.iter().enumerate() {
            let global = &data.globals[num_imported_globals + i];
            global.inner.roots.set_owner(data.vmctx_ptr());
            let raw = eval_raw(init, data);
            // SAFETY: `raw` is a number, or a reference from this instance's
            // records or an imported global, both live.
            unsafe { global.set_raw_init(raw) };
        }
        instance.initialize()?;
        Ok(instance)
    }

    /// Apply the segments, then run the start function.
    fn initialize(&self) -> Result<()> {
        let d = &self.data;
        let m = &d.module.inner;
        // An active element segment is `table.init` then `elem.drop`; a
        // declarative one is just dropped. In order, like data segments.
        for (index, seg) in m.elements.iter().enumerate() {
            if let Some((table, offset)) = &seg.active {
                let offset = eval_raw(offset, d) as u32;
                let len = seg.items.len() as u32;
                builtins::table_init_at(d, *table, index as u32, offset, 0, len)
                    .map_err(|code| Error::from(Trap::new(code)))?;
            }
            if seg.active.is_some() || seg.declarative {
                d.dropped_elems[index].set(true);
            }
        }
        // An active data segment is `memory.init` then `data.drop`: checked
        // and written one at a time, so a segment that does not fit traps
        // after the ones before it were written.
        for (index, seg) in m.data.iter().enumerate() {
            let Some(offset) = &seg.offset else { continue };
            let offset = eval_raw(offset, d) as u32;
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

    /// Give the instance `fuel` units (fuel metering, `Config::consume_fuel`):
    /// each function entry and loop iteration in it costs one, and running
    /// out traps with `OutOfFuel`. The instance starts with
    /// `Config::initial_fuel`.
    pub fn set_fuel(&self, fuel: u64) {
        self.data.set(vmctx::FUEL, fuel.min(i64::MAX as u64));
    }

    /// Epoch interruption (`Config::epoch_interruption`): wasm in this
    /// instance traps with `Interrupt` once the engine's epoch has advanced
    /// `delta` times from now. Without a deadline it never does.
    pub fn set_epoch_deadline(&self, delta: u64) {
        let epoch = self.data.module.inner.engine.epoch();
        self.data
            .set(vmctx::EPOCH_DEADLINE, epoch.saturating_add(delta));
    }

    /// The fuel left (0 once it ran out).
    pub fn fuel(&self) -> u64 {
        let raw = self.data.vmctx[vmctx::cell(vmctx::FUEL)].get() as i64;
        raw.max(0) as u64
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

/// Evaluate a constant expression to its bits (`Val::to_u128`; the
/// validator restricts `global.get` to globals defined before).
pub(crate) fn eval_raw(expr: &ConstExpr, instance: &InstanceData) -> u128 {
    match *expr {
        ConstExpr::Number(bits) => bits,
        ConstExpr::GlobalGet(i) => instance.globals[i as usize].get_raw(),
        ConstExpr::RefNull => 0,
        ConstExpr::RefFunc(f) => {
            (instance.vmctx_ptr() as u64 + instance.module.inner.offsets.func_ref(f) as u64) as u128
        }
    }
}
