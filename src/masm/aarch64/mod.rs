//! The AArch64 (A64) backend: [`A64Masm`] lowers the [`MacroAssembler`]
//! contract to machine code with `dynasm!`, and [`A64`] provides the per-ISA
//! pieces.
//!
//! This file owns what every other lowering leans on: the register
//! assignment, the assembler state, immediates, frame addressing, labels and
//! control flow, the frame (prologue, epilogue, patched frame size) and
//! plain moves. Each family of operations lives in its own file as inherent
//! methods the trait impl below delegates to; `branches` owns the one
//! problem x86-64 does not have, the short reach of conditional branches.
//!
//! # Registers
//!
//! | role                      | registers                                   |
//! |---------------------------|---------------------------------------------|
//! | pinned vmctx              | x28                                         |
//! | pinned linear-memory base | x27                                         |
//! | frame pointer / link      | x29 / x30                                   |
//! | backend scratch           | x15, x16 (IP0), x17 (IP1), v31              |
//! | never touched             | x18 (the platform register)                 |
//! | allocatable               | x0-x14, x19-x26, v0-v30                     |
//!
//! A64 has 31 general registers and three-operand instructions, so unlike
//! x64 no instruction dictates where its operands live: the scratch set only
//! has to cover immediates that do not fit an encoding, large offsets and
//! the multi-instruction lowerings (division checks, `call_indirect`). The
//! pinned registers are callee-saved in the C ABI (AAPCS64), so calls to
//! Rust builtins preserve them for free. x0 and v0 are both the first
//! allocatable registers and the result registers, so a value computed for
//! the return is usually already in place.
//!
//! # Immediates
//!
//! A64 instructions are 32 bits wide, so an immediate only fits when it has
//! the right shape: 12 bits (optionally shifted by 12) for `add`/`sub`/`cmp`,
//! a repeating bit pattern for logical operations, 16-bit chunks for `movz`/
//! `movk`/`movn`. Each lowering tries the instruction's own encoding and
//! otherwise materialises the value in x17.

// dynasm expands each dynamic register `X(n)` to `n.into()`, which clippy
// reports as a useless conversion at our call sites.
#![allow(clippy::useless_conversion)]

mod bounds;
mod branches;
mod calls;
mod conversions;
mod float;
mod integer;
mod memory;
mod simd;
mod simd_lanes;
mod simd_memory;
// The ISA's entry into JIT code runs only where it is native; elsewhere
// (a cross listing) the backend only assembles.
#[cfg_attr(not(target_arch = "aarch64"), allow(dead_code))]
mod trampoline;

use dynasmrt::aarch64::{
    encode_logical_immediate_32bit, encode_logical_immediate_64bit, Aarch64Relocation,
};
use dynasmrt::{DynasmApi, DynasmLabelApi};

use crate::masm::code_buffer::{CodeBuffer, CodeBufferError};
use crate::masm::traps::TrapTable;
use crate::masm::VMCTX_SLOT_OFFSET;
use crate::masm::{
    Assembled, AssemblyError, BuiltinArg, CodegenOptions, Conversion, CpuFeatures, EntryTrampoline,
    FloatBinOp, FloatCmp, FloatUnOp, FrameSetup, IntBinOp, IntCmp, IntUnOp, Isa, Label, LoadKind,
    MacroAssembler, Operand, Reg, StoreKind, Target,
};
use crate::runtime::vmctx::{MEMORYDEF_BASE, MEMORYDEF_LENGTH, MEMORY_BASE};
use crate::trap::TrapCode;
use crate::types::ValType;

pub use branches::Cond;

/// `dynasm!` for A64. The architecture directive is per invocation, so
/// every use in this backend goes through this macro.
macro_rules! a64 {
    ($ops:expr ; $($t:tt)*) => {
        ::dynasmrt::dynasm!($ops ; .arch aarch64 ; $($t)*)
    };
}
pub(crate) use a64;

/// Hardware numbers of the registers the backend names explicitly.
const X15: u8 = 15;
const X16: u8 = 16;
const X17: u8 = 17;
/// The pinned memory base and vmctx.
const MEMBASE: u8 = 27;
const VMCTX: u8 = 28;
const FP: u8 = 29;
/// In an address base position, 31 is SP (in a data position it is the
/// zero register).
const SP: u8 = 31;
const ZR: u8 = 31;
/// The float scratch register.
const V31: u8 = 31;

/// Machine code bytes per wasm code byte, to reserve the code buffer from
/// the code section's size: above what real modules measure (1.9-2.4 on
/// the benchmark corpus: sql.js, QuickJS, esbuild, swc), so the buffer
/// rarely grows; what is not used is only address space, returned when
/// the code is finished.
const CODE_PER_WASM_BYTE: usize = 3;

/// The A64 implementation of the [`MacroAssembler`] contract.
pub struct A64Masm {
    asm: CodeBuffer<Aarch64Relocation>,
    /// Trap sites, and the current function's out-of-line stubs.
    traps: TrapTable,
    /// Where labels are bound and which conditional branches still need a
    /// target in range.
    branches: branches::BranchState,
    /// The optional instructions this assembler may use (`masm::target`).
    features: CpuFeatures,
    /// `CodegenOptions::relaxed_simd_deterministic` (see `simd`).
    relaxed_deterministic: bool,
}

/// The per-ISA pieces outside function bodies.
#[cfg_attr(not(target_arch = "aarch64"), allow(dead_code))]
pub struct A64;

impl Isa for A64 {
    fn entry_trampoline() -> EntryTrampoline {
        trampoline::entry_trampoline()
    }

    #[cfg(all(target_os = "linux", target_arch = "aarch64"))]
    unsafe fn interrupted_pc_fp_sp(uc: *const libc::ucontext_t) -> (usize, usize, usize) {
        // SAFETY: per the contract, `uc` is the kernel's ucontext.
        let mc = unsafe { &(*uc).uc_mcontext };
        // The frame pointer is x29.
        (mc.pc as usize, mc.regs[29] as usize, mc.sp as usize)
    }

    #[cfg(all(target_os = "linux", target_arch = "aarch64"))]
    unsafe fn redirect(uc: *mut libc::ucontext_t, pc: usize, sp: usize, result: usize) {
        // SAFETY: per the contract, `uc` is the kernel's ucontext; the
        // kernel loads these registers when the handler returns.
        let mc = unsafe { &mut (*uc).uc_mcontext };
        mc.pc = pc as u64;
        mc.sp = sp as u64;
        // INT_RESULT (x0), where the trampoline's unwind code reads the trap.
        mc.regs[0] = result as u64;
    }

    // Another host's ucontext has another layout: A64 code runs only on an
    // aarch64 host, and only `NativeIsa`'s handler methods are ever called.
    #[cfg(not(all(target_os = "linux", target_arch = "aarch64")))]
    unsafe fn interrupted_pc_fp_sp(_: *const libc::ucontext_t) -> (usize, usize, usize) {
        unreachable!("aarch64 signal contexts exist only on aarch64 Linux")
    }

    #[cfg(not(all(target_os = "linux", target_arch = "aarch64")))]
    unsafe fn redirect(_: *mut libc::ucontext_t, _: usize, _: usize, _: usize) {
        unreachable!("aarch64 signal contexts exist only on aarch64 Linux")
    }
}

/// A lowered memory operand for a load or store of `size` bytes.
#[derive(Copy, Clone)]
enum Addr {
    /// `[base, #off]` with the offset scaled by the access size (0 ..= 4095
    /// units); dynasm takes the byte offset.
    Scaled(u8, u32),
    /// `[base, #off]` unscaled, -256 ..= 255 (`ldur`/`stur`).
    Unscaled(u8, i32),
    /// `[base, Xindex]`.
    Index(u8, u8),
    /// `[base, Windex, uxtw]`: a zero-extended 32-bit index.
    IndexUxtw(u8, u8),
}

/// Emit one load or store through an [`Addr`]. `$op` is the scaled or
/// register-offset mnemonic, `$opu` its unscaled twin.
macro_rules! ldst {
    ($s:ident, $op:ident / $opu:ident, $R:ident($r:expr), $addr:expr) => {
        match $addr {
            Addr::Scaled(b, off) => a64!($s.asm ; $op $R($r), [XSP(b), #off]),
            Addr::Unscaled(b, off) => a64!($s.asm ; $opu $R($r), [XSP(b), #off]),
            Addr::Index(b, i) => a64!($s.asm ; $op $R($r), [XSP(b), X(i)]),
            Addr::IndexUxtw(b, i) => a64!($s.asm ; $op $R($r), [XSP(b), W(i), uxtw]),
        }
    };
}
pub(crate) use ldst;

/// The 8-byte slot operations, by value type.
macro_rules! ldst_ty {
    ($s:ident, load, $ty:expr, $r:expr, $addr:expr) => {
        match $ty {
            ValType::I32 => ldst!($s, ldr / ldur, W($r), $addr),
            ValType::I64 | ValType::FuncRef | ValType::ExternRef => {
                ldst!($s, ldr / ldur, X($r), $addr)
            }
            ValType::F32 => ldst!($s, ldr / ldur, S($r), $addr),
            ValType::F64 => ldst!($s, ldr / ldur, D($r), $addr),
            ValType::V128 => ldst!($s, ldr / ldur, Q($r), $addr),
        }
    };
    ($s:ident, store, $ty:expr, $r:expr, $addr:expr) => {
        match $ty {
            ValType::I32 => ldst!($s, str / stur, W($r), $addr),
            ValType::I64 | ValType::FuncRef | ValType::ExternRef => {
                ldst!($s, str / stur, X($r), $addr)
            }
            ValType::F32 => ldst!($s, str / stur, S($r), $addr),
            ValType::F64 => ldst!($s, str / stur, D($r), $addr),
            ValType::V128 => ldst!($s, str / stur, Q($r), $addr),
        }
    };
}

/// The byte size of a value type's machine representation.
fn size_of(ty: ValType) -> u32 {
    match ty {
        ValType::V128 => 16,
        _ if ty.is_64() => 8,
        _ => 4,
    }
}

/// `Some(encoding)` when `v` is a valid A64 logical immediate of the width.
fn logical_imm(w64: bool, v: i64) -> bool {
    if w64 {
        encode_logical_immediate_64bit(v as u64).is_some()
    } else {
        encode_logical_immediate_32bit(v as u32).is_some()
    }
}

impl A64Masm {
    /// An assembler whose conditional branches are treated as reaching only
    /// `reach` bytes, so tests can exercise far branches in small code.
    #[cfg(all(test, target_arch = "aarch64"))]
    pub(crate) fn with_branch_reach(reach: usize) -> A64Masm {
        let mut m = A64Masm::new(CpuFeatures::host().into());
        m.branches.set_reach(reach);
        m
    }

    /// `(islands emitted, backward branches in the far form)` so far.
    #[cfg(all(test, target_arch = "aarch64"))]
    pub(crate) fn far_branch_forms(&self) -> (usize, usize) {
        self.branches.far_forms()
    }

    /// Record that the instruction about to be emitted may trap with `code`.
    fn trap_site_here(&mut self, code: TrapCode) {
        self.traps.record(self.asm.offset().0, code);
    }

    /// The label of this function's out-of-line stub for `code`.
    fn trap_label(&mut self, code: TrapCode) -> Label {
        let asm = &mut self.asm;
        self.traps.stub(code, || asm.new_dynamic_label())
    }

    /// `dst = v` in the fewest instructions: one `movz`/`movn` when at most
    /// one 16-bit chunk differs from all-zeros/all-ones, one `orr` when the
    /// value is a logical immediate, otherwise `movz`/`movn` plus a `movk`
    /// per remaining chunk. i32 values are written through the W register,
    /// which zeroes the upper half.
    fn load_imm(&mut self, w64: bool, dst: u8, v: i64) {
        let v = if w64 { v as u64 } else { v as u32 as u64 };
        let chunks: u32 = if w64 { 4 } else { 2 };
        let chunk = |i: u32| ((v >> (16 * i)) & 0xffff) as u32;
        let zeros = (0..chunks).filter(|&i| chunk(i) == 0).count() as u32;
        let ones = (0..chunks).filter(|&i| chunk(i) == 0xffff).count() as u32;
        if zeros < chunks - 1 && ones < chunks - 1 && logical_imm(w64, v as i64) {
            if w64 {
                a64!(self.asm ; orr XSP(dst), xzr, #v);
            } else {
                let v32 = v as u32;
                a64!(self.asm ; orr WSP(dst), wzr, #v32);
            }
            return;
        }
        // Start from all-ones (movn) when that leaves fewer chunks to fix.
        let inverted = ones > zeros;
        let skip = if inverted { 0xffff } else { 0 };
        let mut first = true;
        for i in 0..chunks {
            let c = chunk(i);
            if c == skip && !(first && i == chunks - 1) {
                continue;
            }
            let shift = 16 * i;
            if first {
                let imm = if inverted { !c & 0xffff } else { c };
                match (w64, inverted) {
                    (true, false) => a64!(self.asm ; movz X(dst), #imm, lsl #shift),
                    (true, true) => a64!(self.asm ; movn X(dst), #imm, lsl #shift),
                    (false, false) => a64!(self.asm ; movz W(dst), #imm, lsl #shift),
                    (false, true) => a64!(self.asm ; movn W(dst), #imm, lsl #shift),
                }
                first = false;
            } else if w64 {
                a64!(self.asm ; movk X(dst), #c, lsl #shift);
            } else {
                a64!(self.asm ; movk W(dst), #c, lsl #shift);
            }
        }
    }

    /// `dst = base + v` (64-bit), for addresses. Small values use the
    /// immediate forms of `add`/`sub`; others go through `dst` itself, so
    /// `dst` must not be `base` unless `v` is small.
    fn add_imm(&mut self, dst: u8, base: u8, v: i64) {
        let m = v.unsigned_abs();
        if m < 4096 {
            let m = m as u32;
            if v >= 0 {
                a64!(self.asm ; add XSP(dst), XSP(base), #m);
            } else {
                a64!(self.asm ; sub XSP(dst), XSP(base), #m);
            }
        } else {
            assert!(dst != base, "add_imm: large offset needs a distinct dst");
            self.load_imm(true, dst, v);
            a64!(self.asm ; add XSP(dst), XSP(base), X(dst));
        }
    }

    /// The memory operand for `[base + off]` and an access of `size` bytes.
    /// Offsets no encoding can hold are materialised in `tmp`.
    fn addr(&mut self, base: u8, off: i64, size: u32, tmp: u8) -> Addr {
        let size = size as i64;
        if off >= 0 && off % size == 0 && off / size < 4096 {
            Addr::Scaled(base, off as u32)
        } else if (-256..256).contains(&off) {
            Addr::Unscaled(base, off as i32)
        } else {
            self.load_imm(true, tmp, off);
            Addr::Index(base, tmp)
        }
    }

    /// A frame slot `[fp + off]` (x16 holds large offsets).
    fn frame(&mut self, off: i32, size: u32) -> Addr {
        self.addr(FP, off as i64, size, X16)
    }

    /// A vmctx field `[x28 + off]` (x16 holds large offsets).
    fn vmctx_field(&mut self, off: u32) -> Addr {
        self.addr(VMCTX, off as i64, 8, X16)
    }

    /// `dst = [x28 + off]`: load a vmctx pointer field.
    fn load_vmctx(&mut self, dst: u8, off: u32) {
        let a = self.vmctx_field(off);
        ldst!(self, ldr / ldur, X(dst), a);
    }

    /// `dst = bits` for a float of the given width: `movi` for zero,
    /// otherwise through x17 (an `fmov` immediate only covers a few values).
    fn load_float_bits(&mut self, w64: bool, dst: u8, bits: i64) {
        let bits = if w64 { bits } else { bits as u32 as i64 };
        if bits == 0 {
            a64!(self.asm ; movi D(dst), #0);
        } else if w64 {
            self.load_imm(true, X17, bits);
            a64!(self.asm ; fmov D(dst), X(X17));
        } else {
            self.load_imm(false, X17, bits);
            a64!(self.asm ; fmov S(dst), W(X17));
        }
    }

    /// Register-to-register copy within one class. The 32-bit integer form
    /// clears the upper half, which keeps the i32 invariant.
    fn move_reg(&mut self, ty: ValType, dst: u8, src: u8) {
        if dst == src {
            return;
        }
        match (ty.is_float(), ty.is_64()) {
            _ if ty == ValType::V128 => a64!(self.asm ; mov V(dst).B16, V(src).B16),
            (true, _) => a64!(self.asm ; fmov D(dst), D(src)),
            (false, true) => a64!(self.asm ; mov X(dst), X(src)),
            (false, false) => a64!(self.asm ; mov W(dst), W(src)),
        }
    }

    /// An integer register holding `src` (a `Reg` or `Imm`); immediates go
    /// to `tmp` (zero uses the zero register).
    fn int_source(&mut self, w64: bool, src: Operand, tmp: u8) -> u8 {
        match src {
            Operand::Reg(r) => r.hw,
            Operand::Imm(0) => ZR,
            Operand::Imm(v) => {
                self.load_imm(w64, tmp, v);
                tmp
            }
            Operand::Frame(off) => {
                let a = self.frame(off, 8);
                ldst!(self, ldr / ldur, X(tmp), a);
                tmp
            }
        }
    }

    /// Store a register, immediate or frame slot into `[base + off]`.
    /// Float immediates are stored as their bits from an integer register,
    /// which writes the same bytes; a v128 is never an immediate.
    fn store_slot(&mut self, ty: ValType, base: u8, off: i64, src: Operand) {
        let size = size_of(ty);
        match src {
            Operand::Reg(r) => {
                let a = self.addr(base, off, size, X16);
                ldst_ty!(self, store, ty, r.hw, a);
            }
            Operand::Frame(from) if ty == ValType::V128 => {
                self.load_slot(ty, V31, FP, from as i64);
                let a = self.addr(base, off, size, X16);
                ldst_ty!(self, store, ty, V31, a);
            }
            Operand::Imm(_) if ty == ValType::V128 => {
                unreachable!("v128 constants are materialised with vec_const")
            }
            _ => {
                let r = self.int_source(ty.is_64(), src, X17);
                let a = self.addr(base, off, size, X16);
                if ty.is_64() {
                    ldst!(self, str / stur, X(r), a);
                } else {
                    ldst!(self, str / stur, W(r), a);
                }
            }
        }
    }

    /// Load `[base + off]` into `dst` as a value of type `ty`.
    fn load_slot(&mut self, ty: ValType, dst: u8, base: u8, off: i64) {
        let a = self.addr(base, off, size_of(ty), X16);
        ldst_ty!(self, load, ty, dst, a);
    }
}

impl MacroAssembler for A64Masm {
    const INT_REGS: &'static [Reg] = &[
        Reg::int(0),
        Reg::int(1),
        Reg::int(2),
        Reg::int(3),
        Reg::int(4),
        Reg::int(5),
        Reg::int(6),
        Reg::int(7),
        Reg::int(8),
        Reg::int(9),
        Reg::int(10),
        Reg::int(11),
        Reg::int(12),
        Reg::int(13),
        Reg::int(14),
        Reg::int(19),
        Reg::int(20),
        Reg::int(21),
        Reg::int(22),
        Reg::int(23),
        Reg::int(24),
        Reg::int(25),
        Reg::int(26),
    ];
    const FLOAT_REGS: &'static [Reg] = &[
        Reg::float(0),
        Reg::float(1),
        Reg::float(2),
        Reg::float(3),
        Reg::float(4),
        Reg::float(5),
        Reg::float(6),
        Reg::float(7),
        Reg::float(8),
        Reg::float(9),
        Reg::float(10),
        Reg::float(11),
        Reg::float(12),
        Reg::float(13),
        Reg::float(14),
        Reg::float(15),
        Reg::float(16),
        Reg::float(17),
        Reg::float(18),
        Reg::float(19),
        Reg::float(20),
        Reg::float(21),
        Reg::float(22),
        Reg::float(23),
        Reg::float(24),
        Reg::float(25),
        Reg::float(26),
        Reg::float(27),
        Reg::float(28),
        Reg::float(29),
        Reg::float(30),
    ];
    const INT_RESULT: Reg = Reg::int(0);
    const FLOAT_RESULT: Reg = Reg::float(0);
    const TARGET: Target = Target::Aarch64;

    fn reg_name(reg: Reg, ty: ValType) -> String {
        // Named by the view the code uses: w/s for 32-bit values, x/d for
        // 64-bit ones (references are addresses: x).
        let prefix = match (reg.class, ty) {
            (crate::masm::RegClass::Int, ValType::I32) => "w",
            (crate::masm::RegClass::Int, _) => "x",
            (crate::masm::RegClass::Float, ValType::F32) => "s",
            (crate::masm::RegClass::Float, ValType::V128) => "q",
            (crate::masm::RegClass::Float, _) => "d",
        };
        format!("{prefix}{}", reg.hw)
    }

    /// The base ISA (NEON included) covers every scalar operator; the one
    /// optional feature used is DotProd's `sdot`, for a relaxed dot
    /// product (`simd`).
    fn new(options: CodegenOptions) -> Self {
        A64Masm {
            asm: CodeBuffer::new(),
            traps: TrapTable::default(),
            branches: branches::BranchState::default(),
            features: options.features.for_target(Target::Aarch64),
            relaxed_deterministic: options.relaxed_simd_deterministic,
        }
    }

    fn offset(&self) -> usize {
        self.asm.offset().0
    }

    fn set_wasm_offset(&mut self, offset: usize) {
        self.traps.set_source(offset as u32);
    }

    // ---- Labels and control flow -------------------------------------

    fn new_label(&mut self) -> Label {
        self.asm.new_dynamic_label()
    }

    fn new_function_label(&mut self) -> Label {
        self.asm.new_module_label()
    }

    fn bind(&mut self, label: Label) {
        self.guard(0);
        self.bind_label(label);
    }

    fn jump(&mut self, label: Label) {
        self.guard(4);
        a64!(self.asm ; b =>label);
    }

    fn branch_if(&mut self, cond: Reg, if_nonzero: bool, label: Label) {
        self.guard(8);
        let c = if if_nonzero {
            Cond::NonZero32(cond.hw)
        } else {
            Cond::Zero32(cond.hw)
        };
        self.branch(c, label);
    }

    /// A bounds check, then an indirect jump into a table of unconditional
    /// branches (each reaches ±128 MiB, so the table needs no far forms).
    fn jump_table(&mut self, index: Reg, targets: &[Label], default: Label) {
        self.guard(32 + 4 * targets.len());
        let i = index.hw;
        let n = targets.len();
        if n < 4096 {
            let n = n as u32;
            a64!(self.asm ; cmp WSP(i), #n);
        } else {
            self.load_imm(false, X17, n as i64);
            a64!(self.asm ; cmp W(i), W(X17));
        }
        // The table is emitted in one piece: when it alone is longer than
        // a conditional branch reaches, the branch to `default` past it
        // must not wait for an island.
        if self.exceeds_reach(32 + 4 * n) {
            self.branch_far(Cond::Hs, default);
        } else {
            self.branch(Cond::Hs, default);
        }
        let table = self.asm.new_dynamic_label();
        a64!(self.asm
            ; adr x16, =>table
            ; add x16, x16, X(i), lsl #2
            ; br x16
            ; =>table
        );
        for &t in targets {
            a64!(self.asm ; b =>t);
        }
    }

    fn trap(&mut self, code: TrapCode) {
        self.guard(4);
        self.trap_site_here(code);
        a64!(self.asm ; udf #0);
    }

    // ---- Functions and frames ----------------------------------------

    fn function_start(&mut self, label: Label) -> usize {
        debug_assert!(self.branches.is_idle(), "branches pending across functions");
        a64!(self.asm ; .align 16);
        self.bind_label(label);
        self.asm.offset().0
    }

    /// The frame size is patched into a `movz`/`movk` pair (up to 4 GiB),
    /// then subtracted from SP; the stack check compares the new SP.
    fn prologue(&mut self, stack_limit_offset: u32) -> FrameSetup {
        self.guard(64);
        a64!(self.asm
            ; stp x29, x30, [sp, #-16]!
            ; mov x29, sp
        );
        let setup = FrameSetup(self.asm.offset().0);
        a64!(self.asm
            ; movz x16, #0
            ; movk x16, #0, lsl #16
            ; sub sp, sp, x16
            ; stur x28, [x29, #VMCTX_SLOT_OFFSET]
        );
        self.load_vmctx(X16, stack_limit_offset);
        a64!(self.asm
            ; ldr x16, [x16]
            ; cmp sp, x16
        );
        let overflow = self.trap_label(TrapCode::StackOverflow);
        self.branch(Cond::Lo, overflow);
        setup
    }

    fn patch_frame_size(&mut self, setup: FrameSetup, frame_size: u32) {
        debug_assert!(frame_size.is_multiple_of(16) && frame_size >= 16);
        // movz x16, #lo ; movk x16, #hi, lsl #16
        let movz = 0xD280_0000u32 | ((frame_size & 0xffff) << 5) | X16 as u32;
        let movk = 0xF2A0_0000u32 | ((frame_size >> 16) << 5) | X16 as u32;
        let mut both = [0; 8];
        both[..4].copy_from_slice(&movz.to_le_bytes());
        both[4..].copy_from_slice(&movk.to_le_bytes());
        self.asm.patch(setup.0, &both);
    }

    fn epilogue(&mut self) {
        self.guard(12);
        a64!(self.asm
            ; mov sp, x29
            ; ldp x29, x30, [sp], #16
            ; ret
        );
    }

    fn function_end(&mut self) {
        self.guard(8 * self.traps.pending_stubs());
        self.emit_trap_stubs();
        debug_assert!(self.branches.is_idle(), "a branch target was never bound");
        self.asm.commit();
    }

    // ---- Moves -------------------------------------------------------

    fn mov(&mut self, ty: ValType, dst: Reg, src: Operand) {
        self.guard(32);
        let (d, w) = (dst.hw, ty.is_64());
        match (ty.is_float(), src) {
            (_, Operand::Reg(s)) => self.move_reg(ty, d, s.hw),
            (_, Operand::Imm(_)) if ty == ValType::V128 => {
                unreachable!("v128 constants are materialised with vec_const")
            }
            (false, Operand::Imm(v)) => self.load_imm(w, d, v),
            (true, Operand::Imm(bits)) => self.load_float_bits(w, d, bits),
            (_, Operand::Frame(off)) => self.load_slot(ty, d, FP, off as i64),
        }
    }

    fn store_frame(&mut self, ty: ValType, offset: i32, src: Operand) {
        self.guard(32);
        self.store_slot(ty, FP, offset as i64, src);
    }

    fn vec_const(&mut self, dst: Reg, bits: u128) {
        self.guard(48);
        self.vec_bits(dst.hw, bits, X17);
    }

    fn copy_frame(&mut self, ty: ValType, dst: i32, src: i32) {
        self.guard(32);
        // Integer or vector: the bytes are the same; only the width counts.
        let ty = if ty == ValType::V128 {
            ty
        } else {
            ValType::I64
        };
        self.store_slot(ty, FP, dst as i64, Operand::Frame(src));
    }

    fn zero_frame(&mut self, offset: i32, bytes: u32) {
        debug_assert!(bytes.is_multiple_of(8));
        self.guard(64);
        if bytes == 0 {
            return;
        }
        let slots = bytes / 8;
        if slots <= 16 && offset >= -256 {
            // Straight-line stores: a handful of locals is the common case.
            for i in 0..slots as i32 {
                let a = self.frame(offset + 8 * i, 8);
                ldst!(self, str / stur, X(ZR), a);
            }
        } else {
            // A loop keeps code size bounded for big frames: x16 walks up
            // the slots, x17 counts them down.
            self.add_imm(X16, FP, offset as i64);
            self.load_imm(true, X17, slots as i64);
            a64!(self.asm
                ; zero:
                ; str xzr, [x16], #8
                ; subs x17, x17, #1
                ; b.ne <zero
            );
        }
    }

    fn store_arg(&mut self, ty: ValType, index: u32, src: Operand) {
        self.guard(32);
        self.store_slot(ty, SP, 8 * index as i64, src);
    }

    fn load_arg(&mut self, ty: ValType, dst: Reg, index: u32) {
        self.guard(16);
        self.load_slot(ty, dst.hw, SP, 8 * index as i64);
    }

    // ---- Integer and float arithmetic --------------------------------

    fn int_binop(&mut self, op: IntBinOp, ty: ValType, dst: Reg, lhs: Reg, rhs: Operand) {
        self.guard(64);
        self.emit_int_binop(op, ty.is_64(), dst.hw, lhs.hw, rhs);
    }

    fn int_unop(&mut self, op: IntUnOp, ty: ValType, dst: Reg, src: Reg) {
        self.guard(32);
        self.emit_int_unop(op, ty.is_64(), dst.hw, src.hw);
    }

    fn int_cmp(&mut self, cmp: IntCmp, ty: ValType, dst: Reg, lhs: Reg, rhs: Operand) {
        self.guard(32);
        self.emit_int_cmp(cmp, ty.is_64(), dst.hw, lhs.hw, rhs);
    }

    fn branch_cmp(&mut self, cmp: IntCmp, ty: ValType, lhs: Reg, rhs: Operand, label: Label) {
        self.guard(32);
        let (l, w64) = (lhs.hw, ty.is_64());
        // Equality with zero is one `cbz`/`cbnz`, no flags involved.
        let cond = match (cmp, rhs) {
            (IntCmp::Eq, Operand::Imm(0)) if w64 => Cond::Zero64(l),
            (IntCmp::Eq, Operand::Imm(0)) => Cond::Zero32(l),
            (IntCmp::Ne, Operand::Imm(0)) if w64 => Cond::NonZero64(l),
            (IntCmp::Ne, Operand::Imm(0)) => Cond::NonZero32(l),
            _ => {
                self.compare(w64, l, rhs);
                integer::int_cond(cmp)
            }
        };
        self.branch(cond, label);
    }

    fn float_binop(&mut self, op: FloatBinOp, ty: ValType, dst: Reg, lhs: Reg, rhs: Reg) {
        self.guard(32);
        self.emit_float_binop(op, ty.is_64(), dst.hw, lhs.hw, rhs.hw);
    }

    fn float_unop(&mut self, op: FloatUnOp, ty: ValType, dst: Reg, src: Reg) {
        self.guard(8);
        self.emit_float_unop(op, ty.is_64(), dst.hw, src.hw);
    }

    fn float_cmp(&mut self, cmp: FloatCmp, ty: ValType, dst: Reg, lhs: Reg, rhs: Reg) {
        self.guard(8);
        self.emit_float_cmp(cmp, ty.is_64(), dst.hw, lhs.hw, rhs.hw);
    }

    fn convert(&mut self, op: Conversion, dst: Reg, src: Reg) {
        self.guard(96);
        self.emit_convert(op, dst.hw, src.hw);
    }

    fn select(&mut self, ty: ValType, dst: Reg, cond: Reg, if_false: Reg) {
        self.guard(8);
        let (d, c, f) = (dst.hw, cond.hw, if_false.hw);
        a64!(self.asm ; cmp WSP(c), #0);
        match ty {
            ValType::I32 => a64!(self.asm ; csel W(d), W(d), W(f), ne),
            ValType::I64 | ValType::FuncRef | ValType::ExternRef => {
                a64!(self.asm ; csel X(d), X(d), X(f), ne)
            }
            ValType::F32 => a64!(self.asm ; fcsel S(d), S(d), S(f), ne),
            ValType::F64 => a64!(self.asm ; fcsel D(d), D(d), D(f), ne),
            // No 128-bit conditional select: a short branch.
            ValType::V128 => a64!(self.asm
                ; b.ne >keep
                ; mov V(d).B16, V(f).B16
                ; keep:
            ),
        }
    }

    // ---- Linear memory -------------------------------------------------

    fn load(&mut self, kind: LoadKind, dst: Reg, addr: Operand, offset: u32) {
        self.guard(32);
        self.emit_load(kind, dst.hw, addr, offset);
    }

    fn store(&mut self, kind: StoreKind, src: Operand, addr: Operand, offset: u32) {
        self.guard(48);
        self.emit_store(kind, src, addr, offset);
    }

    fn memory_size(&mut self, dst: Reg, memory_offset: u32) {
        self.guard(32);
        let d = dst.hw;
        self.load_vmctx(X16, memory_offset);
        a64!(self.asm
            ; ldr X(d), [x16, #MEMORYDEF_LENGTH]
            ; lsr X(d), X(d), #16
        );
    }

    fn bounds_check(&mut self, index: Option<Reg>, index64: bool, end: u64, memory_slot: u32) {
        self.emit_bounds_check(index, index64, end, memory_slot);
    }

    fn switch_memory_base(&mut self, memory_slot: Option<u32>) {
        self.guard(32);
        match memory_slot {
            Some(slot) => {
                self.load_vmctx(MEMBASE, slot);
                a64!(self.asm ; ldr X(MEMBASE), [X(MEMBASE), #MEMORYDEF_BASE]);
            }
            None => self.load_vmctx(MEMBASE, MEMORY_BASE),
        }
    }

    // ---- Instance state --------------------------------------------------

    fn load_global(&mut self, ty: ValType, dst: Reg, cell_offset: u32) {
        self.guard(32);
        self.load_vmctx(X16, cell_offset);
        self.load_slot(ty, dst.hw, X16, 0);
    }

    fn store_global(&mut self, ty: ValType, src: Operand, cell_offset: u32) {
        self.guard(48);
        debug_assert!(
            !matches!(src, Operand::Frame(_)),
            "store_global takes a Reg or Imm"
        );
        self.load_vmctx(X15, cell_offset);
        self.store_slot(ty, X15, 0, src);
    }

    // ---- Calls -----------------------------------------------------------

    fn call_direct(&mut self, label: Label) {
        self.guard(4);
        a64!(self.asm ; bl =>label);
        self.traps.record_return(self.asm.offset().0);
    }

    fn call_import(&mut self, record_offset: u32) {
        self.guard(48);
        self.emit_call_import(record_offset);
    }

    fn call_indirect(&mut self, table_offset: u32, type_id_offset: u32, index: Reg) {
        self.guard(96);
        self.emit_call_indirect(table_offset, type_id_offset, index.hw);
    }

    fn consume_fuel(&mut self, context: u32, fuel: u32, amount: u32) {
        self.guard(48);
        let out = self.trap_label(TrapCode::OutOfFuel);
        debug_assert!(amount < 4096, "fuel is charged in small amounts");
        debug_assert!(
            fuel < 32768 && fuel.is_multiple_of(8),
            "a scaled imm12 offset"
        );
        self.load_vmctx(X16, context);
        a64!(self.asm ; ldr x15, [x16, #fuel]);
        // `subs` sets N for a negative result; the store leaves the flags.
        a64!(self.asm ; subs x15, x15, #amount ; str x15, [x16, #fuel]);
        self.branch(Cond::Mi, out);
    }

    fn canonicalize_nan(&mut self, ty: ValType, reg: Reg) {
        self.guard(32);
        let r = reg.hw;
        if ty.is_64() {
            a64!(self.asm ; fcmp D(r), D(r) ; b.vc >ordered);
            self.load_float_bits(true, r, 0x7ff8_0000_0000_0000);
        } else {
            a64!(self.asm ; fcmp S(r), S(r) ; b.vc >ordered);
            self.load_float_bits(false, r, 0x7fc0_0000);
        }
        a64!(self.asm ; ordered:);
    }

    fn check_epoch(&mut self, epoch_ptr: u32, context: u32, deadline: u32) {
        self.guard(48);
        let out = self.trap_label(TrapCode::Interrupt);
        debug_assert!(
            deadline < 32768 && deadline.is_multiple_of(8),
            "a scaled imm12 offset"
        );
        self.load_vmctx(X15, epoch_ptr);
        a64!(self.asm ; ldr x15, [x15]);
        self.load_vmctx(X17, context);
        a64!(self.asm ; ldr x17, [x17, #deadline] ; cmp x15, x17);
        self.branch(Cond::Hs, out);
    }

    fn vmctx_address(&mut self, dst: Reg, offset: u32) {
        self.guard(24);
        if offset < 4096 {
            self.add_imm(dst.hw, VMCTX, offset as i64);
        } else {
            self.load_imm(true, X17, offset as i64);
            a64!(self.asm ; add X(dst.hw), X(VMCTX), X(X17));
        }
    }

    fn call_builtin(&mut self, fn_offset: u32, args: &[BuiltinArg]) {
        self.guard(160);
        self.emit_call_builtin(fn_offset, args);
    }

    // ---- Whole-module pieces -------------------------------------------

    fn reserve(&mut self, wasm_bytes: usize, limit: usize) -> Result<(), AssemblyError> {
        let code = wasm_bytes.saturating_mul(CODE_PER_WASM_BYTE);
        self.asm
            .reserve(code, limit)
            .map_err(|e| AssemblyError(format!("aarch64: {e}")))?;
        self.traps.reserve(wasm_bytes.min(limit));
        Ok(())
    }

    fn append(&mut self, part: &mut A64Masm, labels: &[Label]) -> usize {
        // As `function_start` pads before the part's first function. The
        // branch state is per function and idle between functions, so the
        // emptied part can take the next batch as it is.
        a64!(self.asm ; .align 16);
        let base = self.asm.append(&mut part.asm, labels);
        self.traps.append(&mut part.traps, base);
        base
    }

    fn labels_minted(&self) -> usize {
        self.asm.labels_minted()
    }

    fn finish(self) -> Result<Assembled, AssemblyError> {
        let code = self.asm.finish().map_err(|e| match e {
            CodeBufferError::Dynasm(e) => AssemblyError(format!(
                "aarch64: {e} (a call spans more than the ±128 MiB a `bl` reaches)"
            )),
            e => AssemblyError(format!("aarch64: {e}")),
        })?;
        let (trap_sites, wasm_offsets) = self.traps.finish();
        // The jump tables are branch instructions: no data to report.
        Ok(Assembled {
            code,
            trap_sites,
            wasm_offsets,
            jump_tables: Vec::new(),
        })
    }
}

impl A64Masm {
    /// Emit and forget the stubs the current function asked for: each is a
    /// single `udf` whose offset is a trap site (the signal handler sees the
    /// SIGILL and unwinds with the code). Stubs for one code are shared.
    fn emit_trap_stubs(&mut self) {
        for stub in self.traps.take_stubs() {
            self.bind_label(stub.label);
            self.traps.record_stub(self.asm.offset().0, &stub);
            a64!(self.asm ; udf #0);
        }
    }
}
