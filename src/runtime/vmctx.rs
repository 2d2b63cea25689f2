//! The `VMContext`: the per-instance block of memory JIT code reaches
//! through the pinned vmctx register, and the records it points to.
//!
//! JIT code only ever reads fixed offsets of it, so its layout is the
//! contract between the compiler (which bakes offsets into instructions) and
//! the runtime (which fills it at instantiation). This file is the one place
//! that layout is written down: every piece is a `#[repr(C)]` struct and
//! every offset JIT code or the runtime uses is derived from those structs
//! with `offset_of!`/`size_of`, so no other file spells a layout number and
//! a change here cannot leave a hand-counted offset behind elsewhere.
//!
//! A vmctx starts with a fixed [`VMContextHeader`]; the variable part's
//! offsets depend on the module's counts and are computed once by
//! [`VMOffsets`]. It is stored as an array of 8-byte cells (the runtime
//! writes it cell by cell), so every field and record is a whole number of
//! cells. The numbers below are what the structs give on a 64-bit target
//! (a unit test keeps them honest):
//!
//! ```text
//!   0  stack_limit      *const usize   -> the store's wasm stack limit
//!   8  memory_base      *mut u8        memory 0's base (0 without memory)
//!  16  memory           *mut MemoryDef  memory 0: { base: *mut u8, length: u64 }
//!  24  memory_grow      extern "C" fn(vmctx, delta: u32, memory: u32) -> u32
//!                       (old pages or u32::MAX)
//!  32  call_host        extern "C" fn(vmctx, values: *mut u64, caller vmctx) -> u32
//!                       (0 = ok; host-function contexts only)
//!  40  instance         *const Instance data (for builtins)
//!  48  runtime builtins  extern "C" fn(vmctx, args: *mut u64) -> u32, one
//!      per operator that is a call into the runtime (bulk memory, tables):
//!      operands in `args` (the caller's outgoing area), a result written
//!      back to `args[0]`, 0 returned on success, 1 to trap
//! 152  store context     *mut VMStoreContext: what every instance of the
//!                       store shares (stack limit, fuel, epoch deadline)
//! 160  epoch             *const u64, the engine's epoch (epoch interruption)
//! 168  imported functions, 16 bytes each: ImportedFunc { code, vmctx }
//!   .. globals, 8 bytes each: pointer to the global's 8-byte cell
//!   .. tables, 8 bytes each: pointer to TableDef { elements: *mut u64, len: u64 }
//!   .. function references, 24 bytes each, one per function (imports
//!      first): FuncRef { code, vmctx, type_id: u32, index: u32 }, so a
//!      `ref.func` is the address of one of them
//!   .. memories, 8 bytes each: pointer to MemoryDef (multi-memory)
//!   .. signature ids, 4 bytes each, one per type index (padded to a
//!      cell): what `call_indirect` compares a `FuncRef`'s type_id with
//! ```
//!
//! Memory 0 is reached through the header (its base is also pinned in a
//! register); every memory, memory 0 included, has a slot at the end so
//! that an access to memory N loads its base through the slot. They come
//! last so that a module's other offsets do not depend on how many
//! memories it has.
//!
//! The signature ids are process-wide (`engine::signature_id`), so code
//! reads the expected id from here rather than from an immediate: the same
//! machine code then runs in any process, which is what lets a compiled
//! artifact (`module::artifact`) be mapped and run without a relocation.
//!
//! A host function's context (`api::host_func`) is a prefix of the
//! header, [`HOST_CONTEXT_SIZE`] bytes: enough for the fields the host-call
//! stub and `call_host` read.
//!
//! Fuel and the epoch deadline belong to the store, not to one instance, so
//! that a budget bounds all the work done for a caller whichever instance
//! does it: they live in the store's one [`VMStoreContext`], which every
//! vmctx of the store points to. The stack limit lives there too, for a
//! different reason: a store may move to another thread between calls, and
//! each entry into wasm writes the running thread's limit into it.

use std::mem::{offset_of, size_of};

/// The address of a builtin (`extern "C"` Rust function) as JIT code
/// calls it; the signatures are in the module doc.
pub type BuiltinPtr = *const ();

/// The fixed start of every vmctx.
#[repr(C)]
pub struct VMContextHeader {
    pub stack_limit: *const usize,
    pub memory_base: *mut u8,
    pub memory: *mut MemoryDef,
    pub memory_grow: BuiltinPtr,
    pub call_host: BuiltinPtr,
    pub instance: *const (),
    pub builtins: RuntimeBuiltins,
    /// The store's shared context.
    pub store_context: *mut VMStoreContext,
    /// The engine's epoch.
    pub epoch_ptr: *const u64,
}

/// What all the instances of one store share, and JIT code reads or writes
/// through `vmctx + STORE_CONTEXT`.
#[repr(C)]
#[derive(Debug)]
pub struct VMStoreContext {
    /// The lowest stack address wasm may use; written at every entry into
    /// wasm from the host (`runtime::activation::call_wasm`).
    pub stack_limit: std::cell::Cell<usize>,
    /// Remaining fuel when fuel metering is on (negative once it ran out).
    pub fuel: std::cell::Cell<i64>,
    /// Trap with `Interrupt` once the engine's epoch reaches this.
    pub epoch_deadline: std::cell::Cell<u64>,
}

/// The runtime builtins (`runtime::builtins::RUNTIME_BUILTINS`), one per
/// operator that calls into the runtime.
#[repr(C)]
pub struct RuntimeBuiltins {
    pub memory_copy: BuiltinPtr,
    pub memory_fill: BuiltinPtr,
    pub memory_init: BuiltinPtr,
    pub data_drop: BuiltinPtr,
    pub table_get: BuiltinPtr,
    pub table_set: BuiltinPtr,
    pub table_size: BuiltinPtr,
    pub table_grow: BuiltinPtr,
    pub table_fill: BuiltinPtr,
    pub table_copy: BuiltinPtr,
    pub table_init: BuiltinPtr,
    pub elem_drop: BuiltinPtr,
    pub global_set_ref: BuiltinPtr,
}

pub const STACK_LIMIT: u32 = offset_of!(VMContextHeader, stack_limit) as u32;
pub const MEMORY_BASE: u32 = offset_of!(VMContextHeader, memory_base) as u32;
pub const MEMORY: u32 = offset_of!(VMContextHeader, memory) as u32;
pub const BUILTIN_MEMORY_GROW: u32 = offset_of!(VMContextHeader, memory_grow) as u32;
pub const BUILTIN_CALL_HOST: u32 = offset_of!(VMContextHeader, call_host) as u32;
pub const INSTANCE: u32 = offset_of!(VMContextHeader, instance) as u32;
pub const BUILTIN_MEMORY_COPY: u32 = offset_of!(VMContextHeader, builtins.memory_copy) as u32;
pub const BUILTIN_MEMORY_FILL: u32 = offset_of!(VMContextHeader, builtins.memory_fill) as u32;
pub const BUILTIN_MEMORY_INIT: u32 = offset_of!(VMContextHeader, builtins.memory_init) as u32;
pub const BUILTIN_DATA_DROP: u32 = offset_of!(VMContextHeader, builtins.data_drop) as u32;
pub const BUILTIN_TABLE_GET: u32 = offset_of!(VMContextHeader, builtins.table_get) as u32;
pub const BUILTIN_TABLE_SET: u32 = offset_of!(VMContextHeader, builtins.table_set) as u32;
pub const BUILTIN_TABLE_SIZE: u32 = offset_of!(VMContextHeader, builtins.table_size) as u32;
pub const BUILTIN_TABLE_GROW: u32 = offset_of!(VMContextHeader, builtins.table_grow) as u32;
pub const BUILTIN_TABLE_FILL: u32 = offset_of!(VMContextHeader, builtins.table_fill) as u32;
pub const BUILTIN_TABLE_COPY: u32 = offset_of!(VMContextHeader, builtins.table_copy) as u32;
pub const BUILTIN_TABLE_INIT: u32 = offset_of!(VMContextHeader, builtins.table_init) as u32;
pub const BUILTIN_ELEM_DROP: u32 = offset_of!(VMContextHeader, builtins.elem_drop) as u32;
pub const BUILTIN_GLOBAL_SET_REF: u32 = offset_of!(VMContextHeader, builtins.global_set_ref) as u32;
/// Pointer to the store's [`VMStoreContext`].
pub const STORE_CONTEXT: u32 = offset_of!(VMContextHeader, store_context) as u32;
/// Pointer to the engine's epoch (a u64).
pub const EPOCH_PTR: u32 = offset_of!(VMContextHeader, epoch_ptr) as u32;
/// Remaining fuel (an i64) in the [`VMStoreContext`].
pub const STORE_FUEL: u32 = offset_of!(VMStoreContext, fuel) as u32;
/// The epoch deadline (a u64) in the [`VMStoreContext`].
pub const STORE_EPOCH_DEADLINE: u32 = offset_of!(VMStoreContext, epoch_deadline) as u32;
/// Where the per-module part of a vmctx (the import records first) starts.
pub const HEADER_SIZE: u32 = size_of::<VMContextHeader>() as u32;

/// The bytes of a host function's context: the header up to and including
/// `instance`, the last field the host-call stub and `call_host` read.
pub const HOST_CONTEXT_SIZE: u32 = INSTANCE + size_of::<*const ()>() as u32;

/// The size of the cells a vmctx is stored (and written) in.
pub const CELL_SIZE: u32 = size_of::<u64>() as u32;

/// The index of the cell holding the 8-byte field at byte `offset`.
pub const fn cell(offset: u32) -> usize {
    (offset / CELL_SIZE) as usize
}

/// What calling an imported function needs: its code and the vmctx it
/// runs with (the exporter's, or a host function's context).
#[repr(C)]
pub struct ImportedFunc {
    pub code: *const u8,
    pub vmctx: *mut u8,
}

/// Size of an imported-function record.
pub const IMPORT_RECORD_SIZE: u32 = size_of::<ImportedFunc>() as u32;
pub const IMPORT_CODE: u32 = offset_of!(ImportedFunc, code) as u32;
pub const IMPORT_VMCTX: u32 = offset_of!(ImportedFunc, vmctx) as u32;

/// A global's slot in the vmctx: a pointer to its 8-byte value cell.
const GLOBAL_SLOT_SIZE: u32 = size_of::<*mut u64>() as u32;
/// A table's slot in the vmctx: a pointer to its [`TableDef`].
const TABLE_SLOT_SIZE: u32 = size_of::<*mut TableDef>() as u32;
/// A memory's slot in the vmctx: a pointer to its [`MemoryDef`].
const MEMORY_SLOT_SIZE: u32 = size_of::<*mut MemoryDef>() as u32;
/// A signature id in the vmctx (as `FuncRef::type_id`).
const TYPE_ID_SIZE: u32 = size_of::<u32>() as u32;

/// A linear memory as JIT code sees it. `length` is in bytes.
#[repr(C)]
pub struct MemoryDef {
    pub base: *mut u8,
    pub length: u64,
}

pub const MEMORYDEF_BASE: u32 = offset_of!(MemoryDef, base) as u32;
pub const MEMORYDEF_LENGTH: u32 = offset_of!(MemoryDef, length) as u32;

/// A table as JIT code sees it: `len` references, each a `*const FuncRef`
/// (funcref tables) or an `ExternRef` address (externref tables), 0 for
/// null.
#[repr(C)]
pub struct TableDef {
    pub elements: *mut u64,
    pub len: u64,
}

pub const TABLEDEF_ELEMENTS: u32 = offset_of!(TableDef, elements) as u32;
pub const TABLEDEF_LEN: u32 = offset_of!(TableDef, len) as u32;
/// Size of one table element (`*elements` is an array of them).
pub const TABLE_ELEMENT_SIZE: u32 = size_of::<u64>() as u32;

/// What a `funcref` points to: a function's code, the vmctx it runs with,
/// its engine-wide signature id, and its index in the instance that vmctx
/// belongs to (so the runtime can turn a reference back into a `Func`).
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct FuncRef {
    pub code: *const u8,
    pub vmctx: *mut u8,
    pub type_id: u32,
    pub index: u32,
}

/// Size of a `FuncRef` record.
pub const FUNCREF_SIZE: u32 = size_of::<FuncRef>() as u32;
pub const FUNCREF_CODE: u32 = offset_of!(FuncRef, code) as u32;
pub const FUNCREF_VMCTX: u32 = offset_of!(FuncRef, vmctx) as u32;
/// A u32, compared by `call_indirect`'s signature check.
pub const FUNCREF_TYPE_ID: u32 = offset_of!(FuncRef, type_id) as u32;
pub const FUNCREF_INDEX: u32 = offset_of!(FuncRef, index) as u32;
const FUNCREF_CELLS: usize = cell(FUNCREF_SIZE);

// The vmctx is an array of 8-byte cells: a pointer must fill one exactly,
// and every record must be a whole number of them (so the records after it
// stay cell-aligned and the runtime can write them cell by cell).
const _: () = {
    assert!(size_of::<*const u8>() as u32 == CELL_SIZE);
    assert!(HEADER_SIZE.is_multiple_of(CELL_SIZE));
    assert!(IMPORT_RECORD_SIZE.is_multiple_of(CELL_SIZE));
    assert!(GLOBAL_SLOT_SIZE == CELL_SIZE && TABLE_SLOT_SIZE == CELL_SIZE);
    assert!(MEMORY_SLOT_SIZE == CELL_SIZE);
    assert!(FUNCREF_SIZE.is_multiple_of(CELL_SIZE));
    assert!(HOST_CONTEXT_SIZE.is_multiple_of(CELL_SIZE));
};

impl FuncRef {
    /// The record as the vmctx stores it: `(byte offset in the record,
    /// cell)` pairs, laid out exactly as the struct is in memory, so the
    /// runtime can write a `FuncRef` into the cell array without knowing
    /// where (or in which byte order) its fields sit.
    pub fn cells(&self) -> [(u32, u64); FUNCREF_CELLS] {
        let mut bytes = [0u8; FUNCREF_SIZE as usize];
        let mut put = |at: u32, field: &[u8]| {
            bytes[at as usize..at as usize + field.len()].copy_from_slice(field);
        };
        put(FUNCREF_CODE, &(self.code as usize).to_ne_bytes());
        put(FUNCREF_VMCTX, &(self.vmctx as usize).to_ne_bytes());
        put(FUNCREF_TYPE_ID, &self.type_id.to_ne_bytes());
        put(FUNCREF_INDEX, &self.index.to_ne_bytes());
        std::array::from_fn(|i| {
            let at = i * CELL_SIZE as usize;
            let cell = bytes[at..at + CELL_SIZE as usize]
                .try_into()
                .expect("a cell is 8 bytes");
            (at as u32, u64::from_ne_bytes(cell))
        })
    }
}

/// Offsets of the variable part of a module's vmctx.
#[derive(Clone, Debug)]
pub struct VMOffsets {
    pub num_imported_funcs: u32,
    pub num_globals: u32,
    pub num_tables: u32,
    /// Functions, imported and defined.
    pub num_funcs: u32,
    /// Memories, imported and defined.
    pub num_memories: u32,
    /// Function types (type indices).
    pub num_types: u32,
    /// The memories with 64-bit indices (memory64), by memory index: the
    /// code that reaches a memory through its slot bounds-checks these
    /// accesses always and treats their addresses as i64s.
    pub memory64: Vec<bool>,
}

impl VMOffsets {
    pub fn imported_func(&self, index: u32) -> u32 {
        HEADER_SIZE + index * IMPORT_RECORD_SIZE
    }

    fn globals_start(&self) -> u32 {
        self.imported_func(self.num_imported_funcs)
    }

    pub fn global(&self, index: u32) -> u32 {
        self.globals_start() + index * GLOBAL_SLOT_SIZE
    }

    fn tables_start(&self) -> u32 {
        self.global(self.num_globals)
    }

    pub fn table(&self, index: u32) -> u32 {
        self.tables_start() + index * TABLE_SLOT_SIZE
    }

    fn func_refs_start(&self) -> u32 {
        self.table(self.num_tables)
    }

    /// The `FuncRef` of function `index`.
    pub fn func_ref(&self, index: u32) -> u32 {
        self.func_refs_start() + index * FUNCREF_SIZE
    }

    fn memories_start(&self) -> u32 {
        self.func_ref(self.num_funcs)
    }

    /// The slot pointing to memory `index`'s [`MemoryDef`].
    pub fn memory(&self, index: u32) -> u32 {
        self.memories_start() + index * MEMORY_SLOT_SIZE
    }

    /// Whether memory `index` has 64-bit indices (memory64).
    pub fn memory64(&self, index: u32) -> bool {
        self.memory64.get(index as usize).copied().unwrap_or(false)
    }

    fn type_ids_start(&self) -> u32 {
        self.memory(self.num_memories)
    }

    /// The u32 signature id of type `index` (`call_indirect`'s check).
    pub fn type_id(&self, index: u32) -> u32 {
        self.type_ids_start() + index * TYPE_ID_SIZE
    }

    /// The signature ids `ids` (one per type index) as `(offset, cell)`
    /// pairs to write, two ids per cell, laid out as `type_id` says.
    pub fn type_id_cells<'a>(&self, ids: &'a [u32]) -> impl Iterator<Item = (u32, u64)> + 'a {
        let start = self.type_ids_start();
        ids.chunks(2).enumerate().map(move |(i, pair)| {
            let mut bytes = [0u8; CELL_SIZE as usize];
            for (j, id) in pair.iter().enumerate() {
                bytes[j * 4..j * 4 + 4].copy_from_slice(&id.to_ne_bytes());
            }
            (start + i as u32 * CELL_SIZE, u64::from_ne_bytes(bytes))
        })
    }

    /// Total size in bytes.
    pub fn size(&self) -> u32 {
        self.type_id(self.num_types).next_multiple_of(CELL_SIZE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The module doc's diagram, and the displacements the backends encode
    /// in their short forms (x64 disp8 / aarch64 scaled imm12) or rely on
    /// being 0 or adjacent (x64 `call [rax]`, aarch64 `ldp` of an import
    /// record): a layout change that breaks one of them fails here, next to
    /// the structs, not as a wrong call in generated code.
    #[test]
    fn offsets_are_what_the_doc_and_the_backends_assume() {
        let header = [
            (STACK_LIMIT, 0),
            (MEMORY_BASE, 8),
            (MEMORY, 16),
            (BUILTIN_MEMORY_GROW, 24),
            (BUILTIN_CALL_HOST, 32),
            (INSTANCE, 40),
            (BUILTIN_MEMORY_COPY, 48),
            (BUILTIN_GLOBAL_SET_REF, 144),
            (STORE_CONTEXT, 152),
            (EPOCH_PTR, 160),
            (HEADER_SIZE, 168),
        ];
        for (derived, documented) in header {
            assert_eq!(derived, documented);
        }
        assert_eq!(IMPORT_RECORD_SIZE, 16);
        assert_eq!(FUNCREF_SIZE, 24);
        assert_eq!(
            (IMPORT_CODE, IMPORT_VMCTX),
            (0, 8),
            "aarch64 loads both with one ldp"
        );
        assert_eq!((MEMORYDEF_BASE, MEMORYDEF_LENGTH), (0, 8));
        assert_eq!((TABLEDEF_ELEMENTS, TABLEDEF_LEN), (0, 8));
        assert_eq!(
            TABLE_ELEMENT_SIZE, 8,
            "both backends index with a scale of 8"
        );
        assert_eq!((FUNCREF_CODE, FUNCREF_VMCTX, FUNCREF_TYPE_ID), (0, 8, 16));
        // Every builtin slot is one cell, in declaration order.
        let builtins = [
            BUILTIN_MEMORY_COPY,
            BUILTIN_MEMORY_FILL,
            BUILTIN_MEMORY_INIT,
            BUILTIN_DATA_DROP,
            BUILTIN_TABLE_GET,
            BUILTIN_TABLE_SET,
            BUILTIN_TABLE_SIZE,
            BUILTIN_TABLE_GROW,
            BUILTIN_TABLE_FILL,
            BUILTIN_TABLE_COPY,
            BUILTIN_TABLE_INIT,
            BUILTIN_ELEM_DROP,
            BUILTIN_GLOBAL_SET_REF,
        ];
        for pair in builtins.windows(2) {
            assert_eq!(pair[1] - pair[0], CELL_SIZE);
        }
        assert_eq!(HOST_CONTEXT_SIZE, 48);
        assert_eq!((STORE_FUEL, STORE_EPOCH_DEADLINE), (8, 16));
    }

    #[test]
    fn variable_part_follows_the_header_in_order() {
        let o = VMOffsets {
            num_imported_funcs: 2,
            num_globals: 3,
            num_tables: 1,
            num_funcs: 5,
            num_memories: 2,
            num_types: 3,
            memory64: vec![false, true],
        };
        assert_eq!(o.imported_func(0), 168);
        assert_eq!(o.imported_func(1), 184);
        assert_eq!(o.global(0), 200);
        assert_eq!(o.global(2), 216);
        assert_eq!(o.table(0), 224);
        assert_eq!(o.func_ref(0), 232);
        assert_eq!(o.func_ref(4), 232 + 4 * 24);
        assert_eq!(o.memory(0), 232 + 5 * 24);
        assert_eq!(o.memory(1), 232 + 5 * 24 + 8);
        assert_eq!(o.type_id(0), 232 + 5 * 24 + 16);
        assert_eq!(o.type_id(2), 232 + 5 * 24 + 24);
        assert_eq!(o.size(), 232 + 5 * 24 + 32, "three ids padded to two cells");
    }

    #[test]
    fn type_id_cells_read_back_at_their_offsets() {
        let o = VMOffsets {
            num_imported_funcs: 0,
            num_globals: 0,
            num_tables: 0,
            num_funcs: 0,
            num_memories: 0,
            num_types: 3,
            memory64: Vec::new(),
        };
        let ids = [7, 0xdead_beef, 42];
        let mut storage = vec![0u64; cell(o.size())];
        for (at, value) in o.type_id_cells(&ids) {
            storage[cell(at)] = value;
        }
        let bytes: Vec<u8> = storage.iter().flat_map(|c| c.to_ne_bytes()).collect();
        for (i, id) in ids.iter().enumerate() {
            let at = o.type_id(i as u32) as usize;
            assert_eq!(
                u32::from_ne_bytes(bytes[at..at + 4].try_into().unwrap()),
                *id
            );
        }
    }

    #[test]
    fn func_ref_cells_read_back_as_the_struct() {
        let r = FuncRef {
            code: 0x1122_3344_5566_7788usize as *const u8,
            vmctx: 0x99aa_bbcc_ddee_ff00usize as *mut u8,
            type_id: 0xdead_beef,
            index: 7,
        };
        let mut storage = [0u64; FUNCREF_CELLS];
        for (at, value) in r.cells() {
            storage[cell(at)] = value;
        }
        // SAFETY: `storage` is FUNCREF_SIZE bytes, 8-aligned (as FuncRef
        // needs), and every byte of it was written.
        let back = unsafe { *(storage.as_ptr() as *const FuncRef) };
        assert_eq!(back.code, r.code);
        assert_eq!(back.vmctx, r.vmctx);
        assert_eq!(back.type_id, r.type_id);
        assert_eq!(back.index, r.index);
    }
}
