//! `Instance`: a module's functions bound to their own memory, tables,
//! globals and imports, and the vmctx through which its code reaches them.
//!
//! Instantiation follows the spec (§4.5.4): check the imports, allocate
//! memory/tables/globals, build the vmctx, then apply element and data
//! segments in order — a segment that does not fit traps — and finally run
//! the start function. Everything is allocated in the store: the instance
//! is a handle to its [`InstanceData`] there.

use super::builtins;
use super::externals::Extern;
use super::func::Func;
use super::global::Global;
use super::memory::Memory;
use super::store::{AsContextMut, StoreId, StoreOpaque, Stored};
use super::table::{Table, TableBudget};
use super::typed::{TypedFunc, WasmParams, WasmResults};
use crate::error::{Error, Result};
use crate::module::{ConstExpr, DataOffset, ExportKind, ImportKind, Module, ModuleInner};
use crate::runtime::memory_image::{MemoryImage, ModuleImages};
use crate::runtime::vmctx;
use crate::trap::{Trap, TrapCode};
use crate::types::{limits_match, ExternType, MemoryType, Val};
use std::cell::Cell;

/// An instance of a module, in a store.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Instance(pub(crate) Stored);

pub(crate) struct InstanceData {
    /// The store that owns this instance, for the builtins (which start
    /// from a vmctx). Valid while the instance exists: the store owns it.
    pub store: *mut StoreOpaque,
    pub id: StoreId,
    /// This instance's index in the store.
    pub handle: u32,
    pub module: Module,
    vmctx: Box<[Cell<u64>]>,
    /// Store indices of the memories, tables and globals, by the module's
    /// index spaces (imports first).
    pub memories: Vec<u32>,
    pub tables: Vec<u32>,
    pub globals: Vec<u32>,
    /// The imported functions, by import index.
    pub imported_funcs: Vec<Func>,
    /// Data segments dropped so far (`data.drop`, or applied at
    /// instantiation): they read as empty.
    pub dropped_data: Vec<bool>,
    /// Element segments dropped so far, likewise.
    pub dropped_elems: Vec<bool>,
}

impl InstanceData {
    pub fn vmctx_ptr(&self) -> *mut u8 {
        self.vmctx.as_ptr() as *mut u8
    }

    fn set(&self, offset: u32, value: u64) {
        self.vmctx[vmctx::cell(offset)].set(value);
    }

    /// The `funcref` of function `index` (imports included): the address
    /// of its `FuncRef` record in this vmctx.
    pub fn func_ref_address(&self, index: u32) -> u64 {
        self.vmctx_ptr() as u64 + self.module.inner.offsets.func_ref(index) as u64
    }

    /// Function `index` (imports resolve to what was imported).
    pub fn func(&self, index: u32) -> Func {
        match self.imported_funcs.get(index as usize) {
            Some(f) => *f,
            None => Func {
                store: self.id,
                raw: self.func_ref_address(index) as usize,
            },
        }
    }

    /// The export `kind` `index` as a handle.
    fn export(&self, kind: ExportKind, index: u32) -> Extern {
        let stored = |i: u32| Stored {
            store: self.id,
            index: i,
        };
        match kind {
            ExportKind::Func => Extern::Func(self.func(index)),
            ExportKind::Global => Extern::Global(Global(stored(self.globals[index as usize]))),
            ExportKind::Memory => Extern::Memory(Memory(stored(self.memories[index as usize]))),
            ExportKind::Table => Extern::Table(Table(stored(self.tables[index as usize]))),
        }
    }

    /// The export named `name`.
    pub fn get_export(&self, name: &str) -> Option<Extern> {
        let exports = &self.module.inner.exports;
        let (_, kind, index) = exports.iter().find(|(n, _, _)| n == name)?;
        Some(self.export(*kind, *index))
    }
}

fn incompatible(module: &str, name: &str, expected: &ExternType, actual: &ExternType) -> Error {
    Error::Link(format!(
        "incompatible import type for {module}.{name}: expected {expected:?}, found {actual:?}"
    ))
}

impl Instance {
    /// Instantiate `module` in `store` with `imports` given in the module's
    /// import order.
    pub fn new(
        mut store: impl AsContextMut,
        module: &Module,
        imports: &[Extern],
    ) -> Result<Instance> {
        let mut store = store.as_context_mut();
        instantiate(store.opaque(), module, imports)
    }

    fn data<'a>(&self, store: &'a StoreOpaque) -> &'a InstanceData {
        &store.instances[store.index(self.0, "Instance")]
    }

    /// The module this is an instance of.
    pub fn module<'a, T: 'a>(
        &self,
        store: impl Into<super::store::StoreContext<'a, T>>,
    ) -> &'a Module {
        &self.data(store.into().opaque()).module
    }

    /// The export named `name`.
    pub fn get_export(&self, mut store: impl AsContextMut, name: &str) -> Option<Extern> {
        let mut store = store.as_context_mut();
        self.data(store.opaque()).get_export(name)
    }

    /// All exports, in the module's order.
    pub fn exports(&self, mut store: impl AsContextMut) -> Vec<(String, Extern)> {
        let mut store = store.as_context_mut();
        let d = self.data(store.opaque());
        let m = &d.module.inner;
        m.exports
            .iter()
            .map(|(n, k, i)| (n.clone(), d.export(*k, *i)))
            .collect()
    }

    /// The exported function `name`.
    pub fn get_func(&self, store: impl AsContextMut, name: &str) -> Option<Func> {
        self.get_export(store, name)?.into_func()
    }

    /// The exported function `name`, typed as `P -> R`; fails if there is
    /// none or its type differs.
    pub fn get_typed_func<P: WasmParams, R: WasmResults>(
        &self,
        mut store: impl AsContextMut,
        name: &str,
    ) -> Result<TypedFunc<P, R>> {
        let f = self
            .get_func(&mut store, name)
            .ok_or_else(|| Error::Usage(format!("no exported function named `{name}`")))?;
        f.typed(&store)
    }

    /// The exported memory `name`.
    pub fn get_memory(&self, store: impl AsContextMut, name: &str) -> Option<Memory> {
        self.get_export(store, name)?.into_memory()
    }

    /// The exported global `name`.
    pub fn get_global(&self, store: impl AsContextMut, name: &str) -> Option<Global> {
        self.get_export(store, name)?.into_global()
    }

    /// The exported table `name`.
    pub fn get_table(&self, store: impl AsContextMut, name: &str) -> Option<Table> {
        self.get_export(store, name)?.into_table()
    }
}

/// Check each import against the module's declaration.
fn check_imports(store: &StoreOpaque, module: &Module, imports: &[Extern]) -> Result<()> {
    let m = &module.inner;
    if imports.len() != m.imports.len() {
        return Err(Error::Link(format!(
            "module needs {} imports, {} given",
            m.imports.len(),
            imports.len()
        )));
    }
    for (i, ext) in imports.iter().enumerate() {
        store.check(ext.store(), "an import")?;
        // The common case without building a type: a function whose
        // signature id is the import's (equal ids, equal types).
        if let (Extern::Func(f), ImportKind::Func(t)) = (ext, &m.imports[i].kind) {
            // SAFETY: `f` belongs to `store` (just checked), which is alive.
            if unsafe { f.record() }.type_id == m.sig_ids[*t as usize] {
                continue;
            }
        }
        check_import(module, i, &ext.ty_in(store))?;
    }
    Ok(())
}

/// Fails unless something of type `actual` can be import `i` of `module`
/// (spec §4.5.3: import subtyping).
pub(crate) fn check_import(module: &Module, i: usize, actual: &ExternType) -> Result<()> {
    let m = &module.inner;
    let import = &m.imports[i];
    let ok = match (&import.kind, actual) {
        (ImportKind::Func(t), ExternType::Func(f)) => *f == m.types[*t as usize],
        (ImportKind::Global(g), ExternType::Global(x)) => x == g,
        (ImportKind::Memory(mt), ExternType::Memory(t)) => {
            t.memory64 == mt.memory64 && limits_match((t.min, t.max), (mt.min, mt.max))
        }
        (ImportKind::Table(tt), ExternType::Table(t)) => {
            t.element == tt.element && limits_match((t.min, t.max), (tt.min, tt.max))
        }
        _ => false,
    };
    if ok {
        return Ok(());
    }
    let expected = module.imports().swap_remove(i).ty;
    Err(incompatible(
        &import.module,
        &import.name,
        &expected,
        actual,
    ))
}

/// Instantiate `module` in `store` (see the module docs).
pub(crate) fn instantiate(
    store: &mut StoreOpaque,
    module: &Module,
    imports: &[Extern],
) -> Result<Instance> {
    let m = &module.inner;
    if !crate::engine::Engine::same(module.engine(), &store.engine) {
        return Err(Error::Usage(
            "the module was compiled for another engine than the store's".into(),
        ));
    }
    check_imports(store, module, imports)?;
    let count = store.instances.len();
    if let Some(limiter) = store.limiter() {
        if count >= limiter.instances() {
            return Err(Error::Instantiation(format!(
                "the store's limit of {} instances is reached",
                limiter.instances()
            )));
        }
    }
    let mut imported_funcs = Vec::new();
    let mut globals = Vec::new();
    let mut tables = Vec::new();
    let mut memories = Vec::new();
    for ext in imports {
        match *ext {
            Extern::Func(f) => imported_funcs.push(f),
            Extern::Global(g) => globals.push(g.0.index),
            Extern::Memory(x) => memories.push(x.0.index),
            Extern::Table(t) => tables.push(t.0.index),
        }
    }

    // Every memory the module defines, each its own reservation.
    let limit = u64::from(store.engine.config().max_memory_pages);
    for ty in &m.memories[memories.len()..] {
        if ty.min > limit {
            return Err(Error::Instantiation(format!(
                "memory of {} pages exceeds the configured limit of {limit} pages",
                ty.min
            )));
        }
        let max = Some(ty.max.map_or(limit, |max| max.min(limit)));
        let memory =
            Memory::new_in(store, MemoryType { max, ..*ty }).map_err(Error::Instantiation)?;
        memories.push(memory.0.index);
    }
    // The tables this instance defines share one budget of elements
    // (`Config::max_table_elements`), checked as a whole first so that
    // nothing is allocated for a module that cannot have its tables.
    let defined_tables = &m.tables[tables.len()..];
    let limit = store.engine.config().max_table_elements;
    let elements: u64 = defined_tables.iter().map(|t| t.min as u64).sum();
    if elements > limit {
        return Err(Error::Instantiation(format!(
            "tables of {elements} elements in all exceed the limit of {limit} table \
             elements (Config::max_table_elements)"
        )));
    }
    let budget = TableBudget::new_in(store, limit);
    for ty in defined_tables {
        let table = Table::new_in(store, *ty, 0, budget).map_err(Error::Instantiation)?;
        tables.push(table.0.index);
    }
    // Defined globals start at zero/null; their initialisers may name this
    // instance's functions (`ref.func`), so they are evaluated once the
    // vmctx exists.
    let num_imported_globals = globals.len();
    for ty in &m.globals[num_imported_globals..] {
        let g = Global::new_in(store, *ty, &Val::default_for(ty.content));
        globals.push(g.0.index);
    }

    let size = vmctx::cell(m.offsets.size());
    let handle = store.handle(store.instances.len());
    let data = Box::new(InstanceData {
        store: &mut *store as *mut StoreOpaque,
        id: store.id,
        handle: handle.index,
        module: module.clone(),
        vmctx: (0..size).map(|_| Cell::new(0)).collect(),
        memories,
        tables,
        globals,
        imported_funcs,
        dropped_data: vec![false; m.data.len()],
        dropped_elems: vec![false; m.elements.len()],
    });
    data.set(
        vmctx::STACK_LIMIT,
        store.context.stack_limit.as_ptr() as u64,
    );
    if let Some(&mem) = data.memories.first() {
        let mem = &store.memories[mem as usize];
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
    data.set(vmctx::INSTANCE, &*data as *const InstanceData as u64);
    data.set(
        vmctx::STORE_CONTEXT,
        &*store.context as *const vmctx::VMStoreContext as u64,
    );
    data.set(vmctx::EPOCH_PTR, store.engine.inner.epoch.as_ptr() as u64);
    for (offset, builtin) in builtins::RUNTIME_BUILTINS {
        data.set(offset, builtin as *const () as u64);
    }
    for (i, f) in data.imported_funcs.iter().enumerate() {
        // SAFETY: the import was checked to belong to this store, whose
        // records are alive.
        let r = unsafe { f.record() };
        let at = m.offsets.imported_func(i as u32);
        data.set(at + vmctx::IMPORT_CODE, r.code as u64);
        data.set(at + vmctx::IMPORT_VMCTX, r.vmctx as u64);
    }
    for (i, &g) in data.globals.iter().enumerate() {
        let cell = store.globals[g as usize].cell_ptr();
        data.set(m.offsets.global(i as u32), cell as u64);
    }
    for (i, &t) in data.tables.iter().enumerate() {
        let def = store.tables[t as usize].def_ptr();
        data.set(m.offsets.table(i as u32), def as u64);
    }
    for (i, &mem) in data.memories.iter().enumerate() {
        let def = store.memories[mem as usize].def_ptr();
        data.set(m.offsets.memory(i as u32), def as u64);
    }
    for (at, cell) in m.offsets.type_id_cells(&m.sig_ids) {
        data.set(at, cell);
    }
    // A `FuncRef` record for every function, imports included (a copy of
    // the exporter's record), so `ref.func` is an address in here.
    for index in 0..m.funcs.len() as u32 {
        let record = match data.imported_funcs.get(index as usize) {
            // SAFETY: as above.
            Some(f) => unsafe { *f.record() },
            None => vmctx::FuncRef {
                code: m.func_code(index),
                vmctx: data.vmctx_ptr(),
                type_id: m.func_sig_id(index),
                index,
            },
        };
        let at = m.offsets.func_ref(index);
        for (offset, value) in record.cells() {
            data.set(at + offset, value);
        }
    }
    store.instances.push(data);
    let instance = Instance(handle);
    let index = handle.index as usize;
    for (i, init) in m.global_inits.iter().enumerate() {
        let raw = eval_raw(store, index, init);
        let g = store.instances[index].globals[num_imported_globals + i];
        // SAFETY: `raw` is a number, or a reference from this instance's
        // records or an imported global, both live.
        unsafe { store.globals[g as usize].set_raw(raw) };
    }
    initialize(store, index)?;
    Ok(instance)
}

/// Apply the segments of instance `index`, then run its start function.
fn initialize(store: &mut StoreOpaque, index: usize) -> Result<()> {
    let module = store.instances[index].module.clone();
    let m = &module.inner;
    // An active element segment is `table.init` then `elem.drop`; a
    // declarative one is just dropped. In order, like data segments.
    for (segment, seg) in m.elements.iter().enumerate() {
        if let Some((table, offset)) = &seg.active {
            let offset = eval_raw(store, index, offset) as u32;
            let len = seg.items.len() as u32;
            builtins::table_init_at(store, index, *table, segment as u32, offset, 0, len)
                .map_err(|code| Error::from(Trap::new(code)))?;
        }
        if seg.active.is_some() || seg.declarative {
            store.instances[index].dropped_elems[segment] = true;
        }
    }
    // With images (`Config::memory_init_cow`), every active segment is
    // known to fit and is in the image: mapping it is applying them all.
    if map_images(store, index) {
        let dropped = &mut store.instances[index].dropped_data;
        dropped.fill(true);
        for &passive in m.data.passive() {
            dropped[passive as usize] = false;
        }
    }
    // An active data segment is `memory.init` then `data.drop`: checked and
    // written one at a time, so a segment that does not fit traps after the
    // ones before it were written.
    let out_of_bounds = || Error::from(Trap::new(TrapCode::MemoryOutOfBounds));
    for segment in 0..m.data.len() {
        if store.instances[index].dropped_data[segment] {
            continue;
        }
        let Some((memory, offset)) = m.data.active(segment) else {
            continue;
        };
        // (Only a damaged artifact names a memory the module lacks.)
        let ty = m.memories.get(memory as usize).ok_or_else(out_of_bounds)?;
        let offset = match offset {
            DataOffset::Constant(offset) => offset,
            // An i64 offset for a 64-bit memory, an i32 one otherwise.
            DataOffset::Expr(e) if ty.memory64 => eval_raw(store, index, e) as u64,
            DataOffset::Expr(e) => eval_raw(store, index, e) as u32 as u64,
        };
        let len = m.data.bytes(segment).len() as u64;
        builtins::memory_init_at(store, index, memory, segment as u32, offset, 0, len)
            .map_err(|code| Error::from(Trap::new(code)))?;
        store.instances[index].dropped_data[segment] = true;
    }
    if let Some(start) = m.start {
        let f = store.instances[index].func(start);
        f.call_in(store, &[], &mut [])?;
    }
    Ok(())
}

/// Map the module's memory images (`runtime::memory_image`) over instance
/// `index`'s memories, if it has them: true if the data segments are
/// applied so, false if they must be copied (no images, or a mapping
/// failed: copying then writes the same bytes over whatever was mapped).
fn map_images(store: &mut StoreOpaque, index: usize) -> bool {
    let module = store.instances[index].module.clone();
    let Some(images) = memory_images(&module.inner) else {
        return false;
    };
    let imported = imported_memories(&module.inner);
    for (i, image) in images.images.iter().enumerate() {
        let Some(image) = image else { continue };
        let memory = store.instances[index].memories[imported + i];
        if store.memories[memory as usize].map_image(image).is_err() {
            return false;
        }
    }
    true
}

/// How many of the module's memories are imported (they come first).
fn imported_memories(m: &ModuleInner) -> usize {
    crate::module::imported_memories(&m.imports)
}

/// The images of `m`'s defined memories, made at its first instantiation:
/// `None` when the engine does not want them, or when instantiation must
/// copy the segments. An image applies only when every active data
/// segment targets a defined memory (an imported memory's contents are
/// not ours to replace) at a constant offset (a `global.get` depends on
/// the instance) and ends within the memory's minimum size: then applying
/// the segments cannot trap and their order only decides which bytes win,
/// which the image records. Otherwise the copy reports a segment that does
/// not fit as a trap after writing the ones before it, as the spec says.
/// A memory whose data spans little is left to the copy too
/// (`MIN_IMAGE_BYTES`), as is every memory if no memfd can be made.
fn memory_images(m: &ModuleInner) -> Option<&ModuleImages> {
    if !m.engine.config().memory_init_cow || m.data.is_empty() {
        return None;
    }
    m.memory_images.get_or_init(|| build_images(m)).as_ref()
}

fn build_images(m: &ModuleInner) -> Option<ModuleImages> {
    let per_memory = m.data.image_segments(&m.memories, imported_memories(m))?;
    let mut images = Vec::with_capacity(per_memory.len());
    for segments in per_memory {
        images.push(MemoryImage::build(&segments).ok()?);
    }
    // Nothing worth mapping: the copy is the cheaper way.
    images
        .iter()
        .any(Option::is_some)
        .then_some(ModuleImages { images })
}

/// Evaluate a constant expression of instance `index` to its bits
/// (`Val::to_u128`; the validator restricts `global.get` to globals defined
/// before).
pub(crate) fn eval_raw(store: &StoreOpaque, index: usize, expr: &ConstExpr) -> u128 {
    let instance = &store.instances[index];
    expr.eval(
        |g| store.globals[instance.globals[g as usize] as usize].get_raw(),
        |f| instance.func_ref_address(f) as u128,
    )
}
