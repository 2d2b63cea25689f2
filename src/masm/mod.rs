//! The MacroAssembler seam: the only vocabulary the compiler core uses to
//! emit code.
//!
//! The core (`crate::compiler`) decides *what* happens to wasm values: which
//! value lives in which register, when to spill, where control flow merges.
//! A backend decides *how* each step becomes machine instructions. The
//! contract is three-operand and ISA-neutral; a backend owns every
//! multi-instruction lowering (x64's two-operand forms and fixed `rax`/`rdx`
//! division, aarch64's immediate encodings, float `min`/`max` NaN rules,
//! trapping conversions, bounds and type checks of `call_indirect`).
//!
//! # The calling convention every backend implements
//!
//! * Two pinned registers: `VMCTX` (the instance's `VMContext`) and the
//!   base of linear memory 0 (0 when the instance has no memory). Both are
//!   set by the entry trampoline and restored after calls that may switch
//!   instance; an access to another memory points the base register at it
//!   for that one access ([`MacroAssembler::switch_memory_base`]).
//! * A frame pointer. Frame slots are addressed relative to it:
//!   `[fp + 16 + 8*i]` is parameter `i` (written by the caller;
//!   [`FIRST_ARG_OFFSET`]), `[fp - 8]` holds the caller-provided vmctx
//!   ([`VMCTX_SLOT_OFFSET`]), and everything below that
//!   (locals, value-stack spill slots) is laid out by `compiler::frame`.
//!   All slots are 8 bytes; 32-bit values use the low half (little endian),
//!   a v128 two adjacent slots, addressed by the lower.
//! * The caller writes argument `i` to `[sp + 8*k]`, `k` being the slots of
//!   the arguments before it (a v128 fills two slots)
//!   ([`MacroAssembler::store_arg`]) and calls. The outgoing area is part of the caller's frame, sized for
//!   `max(params, results)` slots of every call it makes, so SP never moves
//!   inside a body and a host-call stub may write results back into it.
//! * A single result comes back in [`MacroAssembler::INT_RESULT`] or
//!   [`MacroAssembler::FLOAT_RESULT`] (a v128 in all 128 bits of the
//!   latter). Several results come back in the caller's outgoing area,
//!   slotted as arguments are: the callee writes them from `[fp + 16]` just
//!   before it returns (the area is sized for the results too).
//! * Every allocatable register is caller-saved across wasm calls: the core
//!   spills live registers before a call.
//! * SP is 16-byte aligned at every call instruction, so builtins (Rust
//!   `extern "C"` functions) can be called directly with the platform ABI.
//!
//! # Traps
//!
//! An instruction that may trap is recorded as a [`TrapSite`]: the code
//! offset of the instruction that faults (a linear-memory access) or of the
//! out-of-line trap instruction (`ud2` / `udf`) that an explicit check jumps
//! to. The signal handler maps the faulting PC back to the trap code through
//! this table, so no trap needs a call into the runtime on the hot path.

// The native backend always; the other one only for cross listings
// (`explain`), which need not run the code.
#[cfg(any(target_arch = "aarch64", feature = "explain"))]
pub mod aarch64;
pub mod code_buffer;
pub mod simd;
pub mod target;
pub(crate) mod traps;
pub(crate) use traps::WasmOffsets;
#[cfg(any(target_arch = "x86_64", feature = "explain"))]
pub mod x64;

// Execution tests of the native backend through this seam; they need the
// Linux signal handler to observe traps.
#[cfg(all(test, target_os = "linux"))]
mod tests;
// The vector operators' execution tests, on the same harness.
#[cfg(all(test, target_os = "linux"))]
mod simd_tests;

use crate::trap::TrapCode;
use crate::types::{FuncType, ValType};
pub use simd::{
    Shape, VecBinOp, VecLoadKind, VecShiftOp, VecTernaryOp, VecTest, VecUnOp, VectorAssembler,
};
pub use target::{CodegenOptions, CpuFeature, CpuFeatures, Target};

pub use dynasmrt::DynamicLabel as Label;

/// The class of a register: integer, or floating point and vector (one
/// register file on both ISAs: xmm, v0-v31).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum RegClass {
    Int,
    Float,
}

impl RegClass {
    pub fn of(ty: ValType) -> RegClass {
        if ty.is_float() || ty == ValType::V128 {
            RegClass::Float
        } else {
            RegClass::Int
        }
    }
}

/// A physical register: its class and its hardware number in the ISA's own
/// encoding (x64: 0 = rax ... 15 = r15, xmm0..xmm15; aarch64: x0..x30, v0..v31).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct Reg {
    pub class: RegClass,
    pub hw: u8,
}

impl Reg {
    pub const fn int(hw: u8) -> Reg {
        Reg {
            class: RegClass::Int,
            hw,
        }
    }

    pub const fn float(hw: u8) -> Reg {
        Reg {
            class: RegClass::Float,
            hw,
        }
    }
}

/// A source operand. Which forms an operation accepts is stated on the
/// operation; a backend lowers any accepted form, using its own scratch
/// registers where the ISA needs them.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Operand {
    Reg(Reg),
    /// An immediate: for i32 the low 32 bits are the value (sign-extended in
    /// the i64), for floats the raw IEEE bits.
    Imm(i64),
    /// An 8-byte frame slot at this byte offset from the frame pointer.
    Frame(i32),
}

/// An argument to a builtin (a Rust `extern "C"` function the runtime
/// provides). The vmctx is always passed first, implicitly.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum BuiltinArg {
    /// At most one argument of a call may be a register.
    Reg(Reg),
    Imm(i64),
    /// The *address* of a frame slot (fp + offset), e.g. a values buffer.
    FrameAddr(i32),
    /// The address of the outgoing area (`sp`): operands written with
    /// [`MacroAssembler::store_arg`], as for a wasm call.
    OutgoingArea,
    /// The vmctx of the calling wasm function: `[[fp] - 8]` (the host-call
    /// stub's caller saved its frame pointer at `[fp]` and keeps its vmctx
    /// at `[its fp - 8]`).
    CallerVmctx,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum IntBinOp {
    Add,
    Sub,
    Mul,
    And,
    Or,
    Xor,
    Shl,
    ShrS,
    ShrU,
    Rotl,
    Rotr,
    /// Traps on a zero divisor and on `MIN / -1`.
    DivS,
    /// Traps on a zero divisor.
    DivU,
    /// Traps on a zero divisor; `MIN rem -1` is 0.
    RemS,
    /// Traps on a zero divisor.
    RemU,
}

impl IntCmp {
    /// The comparison that holds exactly when `self` does not.
    pub fn negate(self) -> IntCmp {
        use IntCmp::*;
        match self {
            Eq => Ne,
            Ne => Eq,
            LtS => GeS,
            GeS => LtS,
            LtU => GeU,
            GeU => LtU,
            GtS => LeS,
            LeS => GtS,
            GtU => LeU,
            LeU => GtU,
        }
    }
}

impl IntBinOp {
    pub fn is_commutative(self) -> bool {
        matches!(
            self,
            IntBinOp::Add | IntBinOp::Mul | IntBinOp::And | IntBinOp::Or | IntBinOp::Xor
        )
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum IntUnOp {
    Clz,
    Ctz,
    Popcnt,
    /// `eqz`: the result is an i32 0 or 1.
    Eqz,
}

/// Integer comparisons; the result is an i32 0 or 1.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum IntCmp {
    Eq,
    Ne,
    LtS,
    LtU,
    GtS,
    GtU,
    LeS,
    LeU,
    GeS,
    GeU,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum FloatBinOp {
    Add,
    Sub,
    Mul,
    Div,
    /// IEEE-754 with wasm's rules: any NaN operand gives a NaN, and
    /// `min(-0, +0) = -0`, `max(-0, +0) = +0`.
    Min,
    Max,
    Copysign,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum FloatUnOp {
    Abs,
    Neg,
    Sqrt,
    Ceil,
    Floor,
    Trunc,
    /// Round to nearest, ties to even.
    Nearest,
}

/// Float comparisons (ordered except `Ne`, which is true for NaN operands);
/// the result is an i32 0 or 1.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum FloatCmp {
    Eq,
    Ne,
    Lt,
    Gt,
    Le,
    Ge,
}

/// Every wasm conversion, reinterpretation and in-place sign extension.
/// The `Trunc*` forms trap (`InvalidConversionToInteger` on NaN,
/// `IntegerOverflow` out of range); the `TruncSat*` forms saturate instead
/// (NaN gives 0).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Conversion {
    I32WrapI64,
    I64ExtendI32S,
    I64ExtendI32U,
    I32TruncF32S,
    I32TruncF32U,
    I32TruncF64S,
    I32TruncF64U,
    I64TruncF32S,
    I64TruncF32U,
    I64TruncF64S,
    I64TruncF64U,
    F32ConvertI32S,
    F32ConvertI32U,
    F32ConvertI64S,
    F32ConvertI64U,
    F64ConvertI32S,
    F64ConvertI32U,
    F64ConvertI64S,
    F64ConvertI64U,
    F32DemoteF64,
    F64PromoteF32,
    I32ReinterpretF32,
    I64ReinterpretF64,
    F32ReinterpretI32,
    F64ReinterpretI64,
    I32Extend8S,
    I32Extend16S,
    I64Extend8S,
    I64Extend16S,
    I64Extend32S,
    I32TruncSatF32S,
    I32TruncSatF32U,
    I32TruncSatF64S,
    I32TruncSatF64U,
    I64TruncSatF32S,
    I64TruncSatF32U,
    I64TruncSatF64S,
    I64TruncSatF64U,
}

impl Conversion {
    #[cfg(test)]
    /// Every conversion (for tests and tools that go through them all).
    pub const ALL: [Conversion; 38] = {
        use Conversion::*;
        [
            I32Extend8S,
            I32Extend16S,
            I64Extend8S,
            I64Extend16S,
            I64Extend32S,
            I32TruncSatF32S,
            I32TruncSatF32U,
            I32TruncSatF64S,
            I32TruncSatF64U,
            I64TruncSatF32S,
            I64TruncSatF32U,
            I64TruncSatF64S,
            I64TruncSatF64U,
            I32WrapI64,
            I64ExtendI32S,
            I64ExtendI32U,
            I32TruncF32S,
            I32TruncF32U,
            I32TruncF64S,
            I32TruncF64U,
            I64TruncF32S,
            I64TruncF32U,
            I64TruncF64S,
            I64TruncF64U,
            F32ConvertI32S,
            F32ConvertI32U,
            F32ConvertI64S,
            F32ConvertI64U,
            F64ConvertI32S,
            F64ConvertI32U,
            F64ConvertI64S,
            F64ConvertI64U,
            F32DemoteF64,
            F64PromoteF32,
            I32ReinterpretF32,
            I64ReinterpretF64,
            F32ReinterpretI32,
            F64ReinterpretI64,
        ]
    };

    /// The (source, result) types.
    pub fn signature(self) -> (ValType, ValType) {
        use Conversion::*;
        use ValType::*;
        match self {
            I32WrapI64 => (I64, I32),
            I64ExtendI32S | I64ExtendI32U => (I32, I64),
            I32TruncF32S | I32TruncF32U | I32TruncSatF32S | I32TruncSatF32U => (F32, I32),
            I32TruncF64S | I32TruncF64U | I32TruncSatF64S | I32TruncSatF64U => (F64, I32),
            I64TruncF32S | I64TruncF32U | I64TruncSatF32S | I64TruncSatF32U => (F32, I64),
            I64TruncF64S | I64TruncF64U | I64TruncSatF64S | I64TruncSatF64U => (F64, I64),
            I32Extend8S | I32Extend16S => (I32, I32),
            I64Extend8S | I64Extend16S | I64Extend32S => (I64, I64),
            F32ConvertI32S | F32ConvertI32U => (I32, F32),
            F32ConvertI64S | F32ConvertI64U => (I64, F32),
            F64ConvertI32S | F64ConvertI32U => (I32, F64),
            F64ConvertI64S | F64ConvertI64U => (I64, F64),
            F32DemoteF64 => (F64, F32),
            F64PromoteF32 => (F32, F64),
            I32ReinterpretF32 => (F32, I32),
            I64ReinterpretF64 => (F64, I64),
            F32ReinterpretI32 => (I32, F32),
            F64ReinterpretI64 => (I64, F64),
        }
    }
}

/// Linear-memory loads: the result type and how narrower data is extended.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum LoadKind {
    I32,
    I64,
    F32,
    F64,
    I32_8S,
    I32_8U,
    I32_16S,
    I32_16U,
    I64_8S,
    I64_8U,
    I64_16S,
    I64_16U,
    I64_32S,
    I64_32U,
    /// All 16 bytes of a vector.
    V128,
}

/// Linear-memory stores: how many low bytes of the value are written.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum StoreKind {
    I32,
    I64,
    F32,
    F64,
    /// The low 8 bits of an i32 or i64.
    Int8,
    /// The low 16 bits of an i32 or i64.
    Int16,
    /// The low 32 bits of an i64.
    Int32,
    /// All 16 bytes of a vector (always from a register).
    V128,
}

impl LoadKind {
    /// The bytes the load reads.
    pub const fn bytes(self) -> u32 {
        use LoadKind::*;
        match self {
            I32_8S | I32_8U | I64_8S | I64_8U => 1,
            I32_16S | I32_16U | I64_16S | I64_16U => 2,
            I32 | F32 | I64_32S | I64_32U => 4,
            I64 | F64 => 8,
            V128 => 16,
        }
    }
}

impl StoreKind {
    /// The bytes the store writes.
    pub const fn bytes(self) -> u32 {
        use StoreKind::*;
        match self {
            Int8 => 1,
            Int16 => 2,
            I32 | F32 | Int32 => 4,
            I64 | F64 => 8,
            V128 => 16,
        }
    }
}

/// A place in the code where a trap can happen, for the signal handler.
/// Plain numbers (`runtime::shared_slice::Plain`), so that a compiled
/// artifact's table of them is used in place: the code is kept as its
/// byte, and a byte that is no trap code (damage) is no trap site.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
#[repr(C)]
pub struct TrapSite {
    /// Byte offset of the faulting instruction from the start of the code.
    pub offset: u32,
    code: u8,
    _padding: [u8; 3],
}

// SAFETY: `repr(C)`, a u32 then four bytes: no padding, any bits valid.
unsafe impl crate::runtime::shared_slice::Plain for TrapSite {}

impl TrapSite {
    pub fn new(offset: u32, code: TrapCode) -> TrapSite {
        TrapSite {
            offset,
            code: code as u8,
            _padding: [0; 3],
        }
    }

    /// The trap code, `None` if the byte is not one.
    pub fn code(&self) -> Option<TrapCode> {
        TrapCode::from_u8(self.code)
    }
}

/// The offset of the frame-size immediate to patch once the body is done.
#[derive(Copy, Clone, Debug)]
pub struct FrameSetup(pub usize);

/// A jump table a backend emitted as data among its instructions (see
/// [`MacroAssembler::jump_table`]): bytes that a reader of the code, such
/// as `flint explain`, must not decode as instructions. Reported by the
/// backend so that nothing outside it needs to know its table format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JumpTable {
    /// Code offset of the first entry.
    pub start: usize,
    /// Bytes per entry.
    pub entry_size: usize,
    /// Where each entry leads (code offsets), in entry order, as decoded
    /// from the finished code.
    pub targets: Vec<usize>,
}

impl JumpTable {
    #[cfg(any(test, feature = "explain"))]
    /// The bytes the table occupies.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.start + self.entry_size * self.targets.len()
    }
}

/// What a finished assembly hands to the runtime.
pub struct Assembled {
    /// The code, in the mapping it was assembled in (read it as bytes, or
    /// make it executable in place).
    pub code: code_buffer::MachineCode,
    /// Sorted by offset.
    pub trap_sites: Vec<TrapSite>,
    /// The wasm instruction behind each trap site and call, for
    /// backtraces.
    pub wasm_offsets: WasmOffsets,
    /// The jump tables that are data, sorted by start (for tools that read
    /// the code back; the runtime has no use for them).
    #[cfg_attr(not(feature = "explain"), allow(dead_code))]
    pub jump_tables: Vec<JumpTable>,
}

/// Why a module's code could not be assembled (a relocation out of range:
/// in practice, a module too large for the ISA's call instruction).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssemblyError(pub String);

impl std::fmt::Display for AssemblyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Offsets of the entry trampoline within its own code blob.
pub struct EntryTrampoline {
    pub code: Vec<u8>,
    /// Where the trampoline starts (`extern "C" fn(vmctx, code, values,
    /// nslots, unwind_sp, registers) -> u32`; see [`Isa::entry_trampoline`]).
    pub entry: usize,
    /// Where the signal handler resumes after a trap; see
    /// [`MacroAssembler::entry_trampoline`].
    pub unwind: usize,
}

/// The contract between the compiler core and an ISA backend.
///
/// Conventions for every method: `ty` gives the width and class of the
/// values involved; a `dst` register may equal a source register unless a
/// method says otherwise; i32 values are kept zero-extended to 64 bits in
/// integer registers (every i32 operation must leave the upper half zero),
/// so an i32 address can index the memory's reservation directly.
pub trait MacroAssembler: VectorAssembler {
    /// Registers the core allocates values to, in order of preference.
    /// Never includes the pinned registers or the backend's scratch
    /// registers.
    const INT_REGS: &'static [Reg];
    const FLOAT_REGS: &'static [Reg];
    /// Where a wasm call or a builtin leaves an integer result.
    const INT_RESULT: Reg;
    /// Where a wasm call leaves a float result.
    const FLOAT_RESULT: Reg;
    /// The ISA this backend emits.
    const TARGET: Target;

    /// A backend that may use the optional instructions in
    /// `options.features` (and must have a fallback for each it leaves out;
    /// see `masm::target`) and keeps the other promises of `options`.
    fn new(options: CodegenOptions) -> Self;

    /// The assembler name of `reg` holding a value of type `ty`, as the
    /// disassembler spells it (x64: `ebx` for an i32, `rbx` for an i64,
    /// `xmm3`; aarch64: `w0`/`x0`, `s1`/`d1`). Used only to describe the
    /// value stack in `flint explain` listings.
    fn reg_name(reg: Reg, ty: ValType) -> String
    where
        Self: Sized;

    /// The current code offset.
    fn offset(&self) -> usize;

    /// The code emitted from now on compiles the wasm instruction at byte
    /// offset `offset` in the module binary: trap sites and calls are
    /// recorded with it in [`Assembled::wasm_offsets`] (backtraces show
    /// it). Called by the compiler before each operator; it emits nothing.
    fn set_wasm_offset(&mut self, offset: usize);

    // ---- Labels and control flow -------------------------------------

    /// A label of the current function: it can be bound and referred to
    /// until [`Self::function_end`], after which it is reused.
    fn new_label(&mut self) -> Label;
    /// A label the whole module refers to: a function's entry, the target
    /// of calls from any function, bound once when that function starts.
    fn new_function_label(&mut self) -> Label;
    fn bind(&mut self, label: Label);
    fn jump(&mut self, label: Label);
    /// Branch if the i32 in `cond` is nonzero (`if_nonzero`) or zero.
    fn branch_if(&mut self, cond: Reg, if_nonzero: bool, label: Label);
    /// Jump to `targets[index]`, or `default` if `index >= targets.len()`
    /// (unsigned). `index` may be clobbered. A table laid out as data
    /// rather than as instructions (branches) is reported in
    /// [`Assembled::jump_tables`].
    fn jump_table(&mut self, index: Reg, targets: &[Label], default: Label);
    /// An unconditional trap at this point of the code.
    fn trap(&mut self, code: TrapCode);

    // ---- Functions and frames ----------------------------------------

    /// Align and bind the function's label (its entry point). Returns the
    /// code offset of the entry.
    fn function_start(&mut self, label: Label) -> usize;
    /// Push the frame pointer, set it, store the vmctx at `[fp - 8]`,
    /// reserve the frame (size patched by [`Self::patch_frame_size`]), and
    /// check the stack limit: if `sp - frame_size` is below the limit that
    /// `[vmctx + stack_limit_offset]` points to, trap with `StackOverflow`.
    fn prologue(&mut self, stack_limit_offset: u32) -> FrameSetup;
    /// Patch the frame size (a multiple of 16, excluding the saved fp and
    /// return address) into the prologue.
    fn patch_frame_size(&mut self, setup: FrameSetup, frame_size: u32);
    /// Restore SP from the frame pointer, pop it, return.
    fn epilogue(&mut self);
    /// Emit this function's out-of-line code (trap stubs). Called once
    /// after the body.
    fn function_end(&mut self);

    // ---- Moves -------------------------------------------------------

    /// `dst = src` for a value of type `ty`. `src` may be any operand;
    /// for floats `Imm` holds the bits. A v128 moves all 128 bits and is
    /// never an `Imm` (see [`Self::vec_const`]).
    fn mov(&mut self, ty: ValType, dst: Reg, src: Operand);
    /// `dst` (a float-class register) `= bits`: `v128.const`.
    fn vec_const(&mut self, dst: Reg, bits: u128);
    /// Store a register or an immediate into the frame slot at `fp + offset`.
    /// `src` is `Reg` or `Imm` (not `Frame`); floats may come as `Imm` bits.
    /// A v128 fills two slots, `offset` being the lower.
    fn store_frame(&mut self, ty: ValType, offset: i32, src: Operand);
    /// Copy the frame slot(s) of a `ty` value at `fp + src` to `fp + dst`.
    fn copy_frame(&mut self, ty: ValType, dst: i32, src: i32);
    /// Zero `bytes` (a multiple of 8) of frame starting at `fp + offset`.
    fn zero_frame(&mut self, offset: i32, bytes: u32);
    /// Write an outgoing argument at slot `index` (`[sp + 8*index]`), from
    /// any operand.
    fn store_arg(&mut self, ty: ValType, index: u32, src: Operand);
    /// Load the outgoing area's slot `index` (`[sp + 8*index]`): a result.
    fn load_arg(&mut self, ty: ValType, dst: Reg, index: u32);

    // ---- Integer and float arithmetic --------------------------------

    /// `dst = lhs op rhs`. `rhs` is `Reg`, `Imm` or `Frame`. `dst` never
    /// equals an `rhs` register; it may equal `lhs`.
    fn int_binop(&mut self, op: IntBinOp, ty: ValType, dst: Reg, lhs: Reg, rhs: Operand);
    /// `dst = op src` (for `Eqz` the result is an i32).
    fn int_unop(&mut self, op: IntUnOp, ty: ValType, dst: Reg, src: Reg);
    /// `dst = (lhs cmp rhs) as i32`. `rhs` is `Reg`, `Imm` or `Frame`.
    fn int_cmp(&mut self, cmp: IntCmp, ty: ValType, dst: Reg, lhs: Reg, rhs: Operand);
    /// Branch to `label` if `lhs cmp rhs` (the fused form of an integer
    /// comparison whose only use is a branch). `rhs` is `Reg`, `Imm` or
    /// `Frame`.
    fn branch_cmp(&mut self, cmp: IntCmp, ty: ValType, lhs: Reg, rhs: Operand, label: Label);
    /// `dst = lhs op rhs` for f32/f64 registers. `dst` never equals `rhs`.
    fn float_binop(&mut self, op: FloatBinOp, ty: ValType, dst: Reg, lhs: Reg, rhs: Reg);
    fn float_unop(&mut self, op: FloatUnOp, ty: ValType, dst: Reg, src: Reg);
    /// `dst` (an integer register) `= (lhs cmp rhs) as i32`.
    fn float_cmp(&mut self, cmp: FloatCmp, ty: ValType, dst: Reg, lhs: Reg, rhs: Reg);
    /// `dst = convert(src)`; classes follow [`Conversion::signature`].
    fn convert(&mut self, op: Conversion, dst: Reg, src: Reg);
    /// `dst = cond != 0 ? dst : if_false`, where `dst` holds the
    /// "true" value on entry and `cond` is an i32 integer register.
    fn select(&mut self, ty: ValType, dst: Reg, cond: Reg, if_false: Reg);

    // ---- Linear memory -------------------------------------------------

    /// `dst = load(membase + zext(addr) + offset)`. `addr` is `Reg` or
    /// `Imm` (an i32 address). Records a `MemoryOutOfBounds` trap site at the
    /// accessing instruction (the guard region catches anything beyond the
    /// accessible size).
    fn load(&mut self, kind: LoadKind, dst: Reg, addr: Operand, offset: u32);
    /// `store(membase + zext(addr) + offset, src)`. `addr` is `Reg` or
    /// `Imm`; `src` is `Reg` or `Imm`.
    fn store(&mut self, kind: StoreKind, src: Operand, addr: Operand, offset: u32);
    /// `dst = memory.size` in pages: the byte length at
    /// `[[vmctx + memory_offset] + 8]` shifted right by 16.
    fn memory_size(&mut self, dst: Reg, memory_offset: u32);
    /// Point the pinned linear-memory base register at another memory for
    /// the accesses that follow (multi-memory): `Some(slot)` loads the base
    /// of the `MemoryDef` that `[vmctx + slot]` points to; `None` puts
    /// memory 0's base back, from `[vmctx + MEMORY_BASE]`. The core brackets
    /// each access to a memory other than 0 with the two, so every load and
    /// store lowering serves every memory unchanged, and code that uses
    /// only memory 0 never pays for it.
    fn switch_memory_base(&mut self, memory_slot: Option<u32>);
    /// An explicit bounds check (for memory layouts whose guard region
    /// does not cover every address; see `runtime::linear_memory`): trap
    /// with `MemoryOutOfBounds`, through the function's out-of-line stub,
    /// unless `index + end <= length`, where `length` is the byte length of
    /// the memory whose `MemoryDef` `[vmctx + memory_slot]` points to. The
    /// sum is unsigned and exact: `index` is an integer register holding an
    /// i32 (zero-extended; `index64` false) or an i64 (memory64), whose sum
    /// with `end` traps if it wraps; `None` is a constant index the core
    /// folded into `end` (the static offset plus the access size). Uses
    /// only the backend's scratch registers; emitted before the access.
    fn bounds_check(&mut self, index: Option<Reg>, index64: bool, end: u64, memory_slot: u32);

    // ---- Instance state --------------------------------------------------

    /// `dst = *[vmctx + cell_offset]`: read a global through the pointer to
    /// its cell.
    fn load_global(&mut self, ty: ValType, dst: Reg, cell_offset: u32);
    /// `*[vmctx + cell_offset] = src` (`src` is `Reg` or `Imm`).
    fn store_global(&mut self, ty: ValType, src: Operand, cell_offset: u32);

    // ---- Calls -----------------------------------------------------------

    /// Call a function of this module, bound at `label`.
    fn call_direct(&mut self, label: Label);
    /// Call through the imported-function record at `[vmctx + record_offset]`
    /// (`{ code, vmctx }`): switch to the callee's vmctx, call, then restore
    /// the vmctx from `[fp - 8]` and reload the memory base.
    fn call_import(&mut self, record_offset: u32);
    /// `call_indirect`: `[vmctx + table_offset]` points to a table
    /// definition `{ elements: *u64, len: u64 }`, each element the address
    /// of a `FuncRef` `{ code, vmctx, type_id: u32, index: u32 }` or 0. Trap
    /// `TableOutOfBounds` if `index >= len` (unsigned, i32),
    /// `UninitializedElement` if the element is 0, `IndirectCallTypeMismatch`
    /// if `type_id` differs from the u32 at `[vmctx + type_id_offset]` (an
    /// offset, not the id itself: signature ids are process-wide, and code
    /// loaded from an artifact must run in any process); then call as
    /// [`Self::call_import`] does. `index` may be clobbered.
    fn call_indirect(&mut self, table_offset: u32, type_id_offset: u32, index: Reg);
    /// Fuel metering: subtract `amount` from the store's fuel, the i64 at
    /// `fuel` in the store context that `[vmctx + context]` points to, and
    /// trap with `OutOfFuel` if the result is negative (the
    /// counter keeps the negative value, so the host sees what was consumed).
    fn consume_fuel(&mut self, context: u32, fuel: u32, amount: u32);
    /// If the f32/f64 in `reg` is a NaN, replace it with the canonical NaN
    /// (`0x7fc00000` / `0x7ff8000000000000`).
    fn canonicalize_nan(&mut self, ty: ValType, reg: Reg);
    /// Epoch interruption: trap with `Interrupt` if the u64 that
    /// `[vmctx + epoch_ptr]` points to is at least the store's deadline,
    /// `[[vmctx + context] + deadline]`.
    fn check_epoch(&mut self, epoch_ptr: u32, context: u32, deadline: u32);
    /// `dst = vmctx + offset`: the address of something in the vmctx (a
    /// function's `FuncRef`, for `ref.func`).
    fn vmctx_address(&mut self, dst: Reg, offset: u32);
    /// Call the builtin whose address is at `[vmctx + fn_offset]` with the
    /// platform C ABI: `(vmctx, args...)`. The integer result is left in
    /// `INT_RESULT`. May clobber every allocatable register.
    fn call_builtin(&mut self, fn_offset: u32, args: &[BuiltinArg]);

    // ---- Whole-module pieces -------------------------------------------

    /// Size the code buffer and the trap tables for a code section of
    /// `wasm_bytes` bytes, before its first body (each backend knows how
    /// much machine code a wasm byte becomes), and never let the code grow
    /// past `limit` bytes (`Config::max_code_size`): past it, `finish`
    /// fails. Without a call the buffer starts small and has no limit but
    /// 4 GiB.
    fn reserve(&mut self, wasm_bytes: usize, limit: usize) -> Result<(), AssemblyError>;

    /// Append `part`, whole functions (from `function_start` to
    /// `function_end` each) that another assembler of the same options
    /// compiled apart, on another thread, with the same function labels
    /// (the same ids, made first in both): the code starts at the next
    /// function alignment, exactly where `function_start` would have put
    /// its first function, and its trap sites, wasm offsets, jump tables
    /// and the entries of the function labels in `labels` move with it.
    /// No code depends on where it sits except calls between functions,
    /// which are patched here or by `finish`, so the result is byte for
    /// byte what one assembler compiling every function in order emits.
    /// Returns the offset `part` starts at, and leaves `part` empty, as
    /// a new assembler with the same function labels minted, but with its
    /// code buffer's pages and its tables' allocations kept: ready to
    /// compile the next batch without mapping and faulting in fresh pages.
    fn append(&mut self, part: &mut Self, labels: &[Label]) -> usize
    where
        Self: Sized;

    /// How many labels this assembler has minted (function labels and
    /// every label a function made): an emptied part (`append`) keeps
    /// them, so the module's function labels need not be made again.
    fn labels_minted(&self) -> usize;

    /// Finish and hand over the code and trap table.
    fn finish(self) -> Result<Assembled, AssemblyError>;
}

/// The per-ISA pieces that are not part of compiling a function body: the
/// host-to-wasm entry trampoline and the signal-context access the trap
/// handler needs. The runtime is written against this trait (it names
/// `NativeIsa`, never a register), so the ISA facts stay with the backends.
pub trait Isa {
    /// Emit the trampoline the host calls to enter wasm:
    ///
    /// `extern "C" fn(vmctx, code, values: *mut u64, nslots: usize,
    /// unwind_sp: *mut usize, registers: *mut [u64; 3]) -> u32`
    ///
    /// It saves the callee-saved registers, stores its SP (after saving
    /// them) to `*unwind_sp`, copies `nslots` 8-byte values from `values`
    /// into a 16-aligned outgoing area, sets the pinned vmctx and memory-base
    /// registers, and calls `code`. Afterwards it writes the integer result
    /// register to `registers[0]` and all 128 bits of the float result
    /// register to `registers[1..3]` (a v128 result needs them), copies the `nslots` outgoing slots back to `values`
    /// (where several results are returned), and returns 0.
    ///
    /// At `unwind` it restores the callee-saved registers assuming SP equals
    /// the value stored to `*unwind_sp` and returns the trap code that the
    /// signal handler put in the first integer result register.
    fn entry_trampoline() -> EntryTrampoline;

    /// The interrupted program counter, frame pointer and stack pointer in
    /// a signal's context (`runtime::signals` maps the pc to a trap site and
    /// walks the frame-pointer chain from fp for the backtrace).
    ///
    /// # Safety
    /// `uc` must be a valid ucontext that the kernel passed to a handler.
    unsafe fn interrupted_pc_fp_sp(uc: *const libc::ucontext_t) -> (usize, usize, usize);

    /// Make the interrupted thread resume at `pc` with stack pointer `sp`
    /// and `result` in the first integer result register: the entry
    /// trampoline's unwind point (see [`Self::entry_trampoline`]).
    ///
    /// # Safety
    /// `uc` must be a valid ucontext that the kernel passed to a handler;
    /// `pc` and `sp` must be the unwind point of a live activation.
    unsafe fn redirect(uc: *mut libc::ucontext_t, pc: usize, sp: usize, result: usize);
}

/// The two words at the frame pointer of every frame, which each prologue
/// pushes: the caller's frame pointer at `[fp]`, then the return address
/// (x64's `call` pushed it) or link register (aarch64) at `[fp + 8]`.
/// Frames are chained through them, which is what trap backtraces walk
/// (`runtime::backtrace`).
#[repr(C)]
pub struct FrameRecord {
    pub caller_fp: usize,
    pub return_address: usize,
}

/// The fp-relative offset of incoming argument 0 (and of result 0 where
/// several results come back in the caller's outgoing area): just above
/// the [`FrameRecord`]. Argument `i` is at `FIRST_ARG_OFFSET + 8*i`.
pub const FIRST_ARG_OFFSET: i32 = std::mem::size_of::<FrameRecord>() as i32;

/// The fp-relative offset of the frame slot holding the activation's
/// vmctx, which the prologue stores and calls that may switch instance
/// reload. Everything below it belongs to `compiler::frame`.
pub const VMCTX_SLOT_OFFSET: i32 = -8;

/// The 8-byte slots a sequence of values fills (a v128 fills two).
pub fn slot_count(types: &[ValType]) -> usize {
    types.iter().map(|t| t.slots()).sum()
}

/// The outgoing slots a call of `ty` needs: room for its arguments, and
/// for its results when several come back in memory. Used by the core to
/// size calls and by the API to size the values buffer.
pub fn slots_for(ty: &FuncType) -> u32 {
    slot_count(ty.params()).max(slot_count(ty.results())) as u32
}

/// The backend for the machine Flint runs on. Both backends are always
/// compiled (so either ISA's code can be produced and inspected anywhere);
/// only the native one is ever executed.
#[cfg(target_arch = "x86_64")]
pub type NativeMasm = x64::X64Masm;
#[cfg(target_arch = "x86_64")]
pub type NativeIsa = x64::X64;
#[cfg(target_arch = "aarch64")]
pub type NativeMasm = aarch64::A64Masm;
#[cfg(target_arch = "aarch64")]
pub type NativeIsa = aarch64::A64;
