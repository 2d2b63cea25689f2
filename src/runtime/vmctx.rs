//! The `VMContext`: the per-instance block of memory JIT code reaches
//! through the pinned vmctx register.
//!
//! JIT code only ever reads fixed offsets of it, so its layout is the
//! contract between the compiler (which bakes offsets into instructions) and
//! the runtime (which fills it at instantiation). It starts with a fixed
//! header; the variable part's offsets depend on the module's counts and are
//! computed once by [`VMOffsets`].
//!
//! ```text
//!   0  stack_limit      *const usize   -> this thread's wasm stack limit
//!   8  memory_base      *mut u8        linear memory base (0 without memory)
//!  16  memory           *mut MemoryDef  { base: *mut u8, length: u64 }
//!  24  memory_grow      extern "C" fn(vmctx, delta: u32) -> u32 (old pages or u32::MAX)
//!  32  call_host        extern "C" fn(vmctx, values: *mut u64) -> u32 (0 = ok; host-function contexts only)
//!  40  instance         *const Instance data (for builtins)
//!  48  runtime builtins  extern "C" fn(vmctx, args: *mut u64) -> u32, one
//!      per operator that is a call into the runtime (bulk memory, tables):
//!      operands in `args` (the caller's outgoing area), a result written
//!      back to `args[0]`, 0 returned on success, 1 to trap
//! 152  fuel              i64 remaining fuel (fuel metering only)
//! 160  epoch             *const u64, the engine's epoch (epoch interruption)
//! 168  epoch deadline    u64: trap once the epoch reaches it
//!  ..  imported functions, 16 bytes each: { code, vmctx }
//!   .. globals, 8 bytes each: pointer to the global's 8-byte cell
//!   .. tables, 8 bytes each: pointer to TableDef { elements: *mut FuncRef, len: u64 }
//! ```

pub const STACK_LIMIT: u32 = 0;
pub const MEMORY_BASE: u32 = 8;
pub const MEMORY: u32 = 16;
pub const BUILTIN_MEMORY_GROW: u32 = 24;
pub const BUILTIN_CALL_HOST: u32 = 32;
pub const INSTANCE: u32 = 40;
pub const BUILTIN_MEMORY_COPY: u32 = 48;
pub const BUILTIN_MEMORY_FILL: u32 = 56;
pub const BUILTIN_MEMORY_INIT: u32 = 64;
pub const BUILTIN_DATA_DROP: u32 = 72;
pub const BUILTIN_TABLE_GET: u32 = 80;
pub const BUILTIN_TABLE_SET: u32 = 88;
pub const BUILTIN_TABLE_SIZE: u32 = 96;
pub const BUILTIN_TABLE_GROW: u32 = 104;
pub const BUILTIN_TABLE_FILL: u32 = 112;
pub const BUILTIN_TABLE_COPY: u32 = 120;
pub const BUILTIN_TABLE_INIT: u32 = 128;
pub const BUILTIN_ELEM_DROP: u32 = 136;
pub const BUILTIN_GLOBAL_SET_REF: u32 = 144;
/// Remaining fuel (an i64) when fuel metering is on.
pub const FUEL: u32 = 152;
/// Pointer to the engine's epoch (a u64), and this instance's deadline.
pub const EPOCH_PTR: u32 = 160;
pub const EPOCH_DEADLINE: u32 = 168;
const HEADER_SIZE: u32 = 176;

/// Size of an imported-function record `{ code, vmctx }`.
pub const IMPORT_RECORD_SIZE: u32 = 16;
/// Size of a table element (`FuncRef`).
pub const FUNCREF_SIZE: u32 = 24;

/// The linear memory as JIT code sees it. `length` is in bytes.
#[repr(C)]
pub struct MemoryDef {
    pub base: *mut u8,
    pub length: u64,
}

/// A table as JIT code sees it: `len` references, each a `*const FuncRef`
/// (funcref tables) or an `ExternRef` address (externref tables), 0 for
/// null.
#[repr(C)]
pub struct TableDef {
    pub elements: *mut u64,
    pub len: u64,
}

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

/// Offsets of the variable part of a module's vmctx.
#[derive(Clone, Debug)]
pub struct VMOffsets {
    pub num_imported_funcs: u32,
    pub num_globals: u32,
    pub num_tables: u32,
    /// Functions, imported and defined.
    pub num_funcs: u32,
}

impl VMOffsets {
    pub fn imported_func(&self, index: u32) -> u32 {
        HEADER_SIZE + index * IMPORT_RECORD_SIZE
    }

    fn globals_start(&self) -> u32 {
        self.imported_func(self.num_imported_funcs)
    }

    pub fn global(&self, index: u32) -> u32 {
        self.globals_start() + index * 8
    }

    fn tables_start(&self) -> u32 {
        self.global(self.num_globals)
    }

    pub fn table(&self, index: u32) -> u32 {
        self.tables_start() + index * 8
    }

    fn func_refs_start(&self) -> u32 {
        self.table(self.num_tables)
    }

    /// The `FuncRef` of function `index`.
    pub fn func_ref(&self, index: u32) -> u32 {
        self.func_refs_start() + index * FUNCREF_SIZE
    }

    /// Total size in bytes.
    pub fn size(&self) -> u32 {
        self.func_ref(self.num_funcs)
    }
}
