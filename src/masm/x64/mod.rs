//! The x86-64 backend: [`X64Masm`] lowers the [`MacroAssembler`] contract to
//! machine code with `dynasm!`, and [`X64`] provides the per-ISA pieces.
//!
//! This file owns what every other lowering leans on: the register
//! assignment, the assembler state, labels and control flow, the frame
//! (prologue, epilogue, patched frame size) and plain moves. Each family of
//! operations lives in its own file (`integer`, `float`, `conversions`,
//! `memory`, `calls`, `traps`) as inherent methods the trait impl below
//! delegates to.
//!
//! # Registers
//!
//! | role                      | registers                                  |
//! |---------------------------|--------------------------------------------|
//! | pinned vmctx              | r14                                        |
//! | pinned linear-memory base | r15                                        |
//! | frame pointer / stack     | rbp / rsp                                  |
//! | backend scratch           | rax, rcx, rdx, r11, xmm14, xmm15           |
//! | allocatable               | rbx rsi rdi r8 r9 r10 r12 r13, xmm0-xmm13  |
//!
//! The scratch set is chosen by the ISA's fixed-register instructions:
//! `div`/`idiv` need rax:rdx, variable shifts need cl, and `setcc` needs a
//! byte register that is always addressable (al). r11 materialises 64-bit
//! immediates and large address offsets. Keeping these out of the
//! allocator means no lowering ever has to save a live value around them.
//!
//! Every dynamic register operand (`Rq(n)`, `Rd(n)`, `Rx(n)`) makes dynasm
//! emit a REX prefix, so byte registers 4-7 are always spl/bpl/sil/dil,
//! never the legacy ah/ch/dh/bh.

// dynasm expands each dynamic register `Rq(n)` to `n.into()`, which clippy
// reports as a useless conversion at our call sites.
#![allow(clippy::useless_conversion)]

/// `dynasm!` with the runtime displacement `$d` (an `i32` variable) of every
/// bracketed memory operand in the invocation encoded as a disp8 when it
/// fits. dynasm picks the short form only for a literal displacement or
/// under a `BYTE` hint inside the brackets, and gives any runtime value a
/// disp32; most displacements are small (frame slots, argument slots,
/// vmctx fields, wasm memarg offsets), so this saves 3 bytes per access.
/// The instruction is expanded three times (no displacement, `[BYTE ...]`
/// with `$d` rebound as an `i8`, and disp32), and the form is chosen when
/// it is emitted. Each bracketed operand must end in `+ $d`.
macro_rules! dynasm_disp {
    ($s:ident, $d:ident ; $($t:tt)*) => {
        if $d == 0 {
            dynasm_disp!(@zero $s, [] $($t)*)
        } else if let Ok($d) = i8::try_from($d) {
            dynasm_disp!(@byte $s, [] $($t)*)
        } else {
            dynasm!($s.asm ; $($t)*)
        }
    };
    (@byte $s:ident, [$($done:tt)*] [$($m:tt)*] $($rest:tt)*) => {
        dynasm_disp!(@byte $s, [$($done)* [BYTE $($m)*]] $($rest)*)
    };
    (@byte $s:ident, [$($done:tt)*] $t:tt $($rest:tt)*) => {
        dynasm_disp!(@byte $s, [$($done)* $t] $($rest)*)
    };
    (@byte $s:ident, [$($done:tt)*]) => {
        dynasm!($s.asm ; $($done)*)
    };
    // A zero displacement is dropped from the brackets (the trailing
    // `+ $d` of each operand), which saves the disp8 too where the base
    // allows (rsp, r15 + index, r14; rbp and r13 always take one).
    (@zero $s:ident, [$($done:tt)*] [$($m:tt)*] $($rest:tt)*) => {
        dynasm_disp!(@strip $s, [$($done)*] [] [$($m)*] $($rest)*)
    };
    (@zero $s:ident, [$($done:tt)*] $t:tt $($rest:tt)*) => {
        dynasm_disp!(@zero $s, [$($done)* $t] $($rest)*)
    };
    (@zero $s:ident, [$($done:tt)*]) => {
        dynasm!($s.asm ; $($done)*)
    };
    (@strip $s:ident, [$($done:tt)*] [$($acc:tt)*] [+ $x:ident] $($rest:tt)*) => {
        dynasm_disp!(@zero $s, [$($done)* [$($acc)*]] $($rest)*)
    };
    (@strip $s:ident, [$($done:tt)*] [$($acc:tt)*] [$t:tt $($m:tt)*] $($rest:tt)*) => {
        dynasm_disp!(@strip $s, [$($done)*] [$($acc)* $t] [$($m)*] $($rest)*)
    };
}

/// `dynasm!` for one register instruction whose last operand is the
/// runtime immediate `$i` (an `i32` variable), in the sign-extended imm8
/// form (opcode 0x83, 0x6b for imul) when the value fits: dynasm takes
/// that form only under a `BYTE` hint and otherwise emits an imm32, 3 bytes
/// more. Only for three-operand `imul` and the other register forms that
/// have an imm8 encoding; not for `cmp` or a memory destination, where
/// dynasm's table lists the imm32 form first, which then takes the `BYTE`
/// value too (see `X64Masm::alu_imm`).
macro_rules! dynasm_imm {
    ($s:ident, $i:ident ; $($t:tt)*) => {
        if let Ok($i) = i8::try_from($i) {
            dynasm_imm!(@byte $s, [] $($t)*)
        } else {
            dynasm!($s.asm ; $($t)*)
        }
    };
    (@byte $s:ident, [$($done:tt)*] , $i:ident) => {
        dynasm!($s.asm ; $($done)* , BYTE $i)
    };
    (@byte $s:ident, [$($done:tt)*] $t:tt $($rest:tt)*) => {
        dynasm_imm!(@byte $s, [$($done)* $t] $($rest)*)
    };
}

mod bounds;
mod calls;
mod conversions;
mod encoding;
mod float;
mod integer;
mod memory;
mod simd;
mod simd_lanes;
mod simd_relaxed;
mod simd_shift;
mod simd_unop;
// The ISA's entry into JIT code runs only where it is native; elsewhere
// (a cross listing) the backend only assembles.
#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
mod trampoline;
mod traps;

use dynasmrt::relocations::{Relocation, RelocationKind, RelocationSize};
use dynasmrt::x64::X64Relocation;
use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};

use crate::masm::code_buffer::CodeBuffer;
use crate::masm::traps::TrapTable;
use crate::masm::VMCTX_SLOT_OFFSET;
use crate::masm::{
    Assembled, AssemblyError, BuiltinArg, CodegenOptions, Conversion, CpuFeatures, EntryTrampoline,
    FloatBinOp, FloatCmp, FloatUnOp, FrameSetup, IntBinOp, IntCmp, IntUnOp, Isa, JumpTable, Label,
    LoadKind, MacroAssembler, Operand, Reg, RegClass, StoreKind, Target,
};
use crate::runtime::vmctx::{MEMORYDEF_BASE, MEMORYDEF_LENGTH, MEMORY_BASE};
use crate::trap::TrapCode;
use crate::types::ValType;
use encoding::{load_opcode, store_opcode, Imm, Opcode, Rm};

// Hardware numbers of the registers the backend names explicitly.
const RAX: u8 = 0;
const RCX: u8 = 1;
const RDX: u8 = 2;
const RBX: u8 = 3;
const RSI: u8 = 6;
const RDI: u8 = 7;
const R8: u8 = 8;
const R9: u8 = 9;
const R10: u8 = 10;
const R11: u8 = 11;
const R12: u8 = 12;
const R13: u8 = 13;
/// Float scratch registers.
const XMM14: u8 = 14;
const XMM15: u8 = 15;

/// A layout offset as a disp8 displacement, for dynasm's `[BYTE base + d]`
/// form. dynasm picks the shortest encoding only for a literal displacement
/// and gives a named constant a disp32; the layout constants
/// (`runtime::vmctx`, the frame slots) are small, so the short form is
/// asked for explicitly, and a constant that outgrows it stops the build
/// here instead of being truncated.
const fn disp8(offset: i64) -> i8 {
    assert!(
        offset >= i8::MIN as i64 && offset <= i8::MAX as i64,
        "layout offset does not fit a disp8"
    );
    offset as i8
}

/// `[rbp + VMCTX_SLOT]`: the activation's vmctx.
const VMCTX_SLOT: i8 = disp8(VMCTX_SLOT_OFFSET as i64);
/// `[MemoryDef + MEMORY_LENGTH]`: the memory's byte length.
const MEMORY_LENGTH: i8 = disp8(MEMORYDEF_LENGTH as i64);
/// `[vmctx + MEMORY_BASE8]`: the default memory's base, reloaded after
/// every call that may switch instance.
const MEMORY_BASE8: i8 = disp8(MEMORY_BASE as i64);
// `switch_memory_base` reads a memory's base as `[MemoryDef]`.
const _: () = assert!(MEMORYDEF_BASE == 0);

/// The x86-64 implementation of the [`MacroAssembler`] contract.
pub struct X64Masm {
    asm: CodeBuffer<X64Relocation>,
    /// Trap sites, and the current function's out-of-line stubs.
    traps: TrapTable,
    /// The optional instructions this assembler may use; each lowering
    /// that uses one has a fallback without it (`masm::target`).
    features: CpuFeatures,
    /// `CodegenOptions::relaxed_simd_deterministic` (see `simd`).
    relaxed_deterministic: bool,
    /// Each `jump_table`'s data: (code offset, number of entries).
    jump_tables: Vec<(usize, usize)>,
}

/// Machine code bytes per wasm code byte, to reserve the code buffer from
/// the code section's size: above what real modules measure (1.8-2.3 on
/// the benchmark corpus: sql.js, QuickJS, esbuild, swc; 2.6-3.4 before the
/// short encodings of `dynasm_disp!`, `op32` and `alu_imm`), so the buffer
/// rarely grows; what is not used is only address space, returned when
/// the code is finished.
const CODE_PER_WASM_BYTE: usize = 3;

/// Bytes per jump-table entry: a `rel32`.
const JUMP_TABLE_ENTRY: usize = 4;

/// The per-ISA pieces outside function bodies.
#[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
pub struct X64;

impl Isa for X64 {
    fn entry_trampoline() -> EntryTrampoline {
        trampoline::entry_trampoline()
    }

    #[cfg(all(target_os = "linux", target_arch = "x86_64"))]
    unsafe fn interrupted_pc_fp_sp(uc: *const libc::ucontext_t) -> (usize, usize, usize) {
        // SAFETY: per the contract, `uc` is the kernel's ucontext.
        let gregs = unsafe { &(*uc).uc_mcontext.gregs };
        let reg = |r: libc::c_int| gregs[r as usize] as usize;
        (reg(libc::REG_RIP), reg(libc::REG_RBP), reg(libc::REG_RSP))
    }

    #[cfg(all(target_os = "linux", target_arch = "x86_64"))]
    unsafe fn redirect(uc: *mut libc::ucontext_t, pc: usize, sp: usize, result: usize) {
        // SAFETY: per the contract, `uc` is the kernel's ucontext; the
        // kernel loads these registers when the handler returns.
        let gregs = unsafe { &mut (*uc).uc_mcontext.gregs };
        gregs[libc::REG_RIP as usize] = pc as i64;
        gregs[libc::REG_RSP as usize] = sp as i64;
        // INT_RESULT, where the trampoline's unwind code reads the trap.
        gregs[libc::REG_RAX as usize] = result as i64;
    }

    // Another host's ucontext has another layout: X64 code runs only on an
    // x86-64 host, and only `NativeIsa`'s handler methods are ever called.
    #[cfg(not(all(target_os = "linux", target_arch = "x86_64")))]
    unsafe fn interrupted_pc_fp_sp(_: *const libc::ucontext_t) -> (usize, usize, usize) {
        unreachable!("x86-64 signal contexts exist only on x86-64 Linux")
    }

    #[cfg(not(all(target_os = "linux", target_arch = "x86_64")))]
    unsafe fn redirect(_: *mut libc::ucontext_t, _: usize, _: usize, _: usize) {
        unreachable!("x86-64 signal contexts exist only on x86-64 Linux")
    }
}

/// A register-or-memory right-hand side after immediates that do not fit a
/// sign-extended imm32 have been materialised into r11.
#[derive(Copy, Clone)]
enum Rhs {
    Reg(u8),
    Imm(i32),
    /// `[rbp + offset]`.
    Frame(i32),
}

/// `jmp rel8`.
const JMP8: u8 = 0xeb;
/// `jcc rel8` is `JCC8 | cc`, with the condition codes of the manual
/// (Intel SDM vol. 1, appendix B).
const JCC8: u8 = 0x70;
const CC_B: u8 = 0x2;
const CC_AE: u8 = 0x3;
const CC_E: u8 = 0x4;
const CC_NE: u8 = 0x5;
const CC_BE: u8 = 0x6;
const CC_A: u8 = 0x7;
const CC_L: u8 = 0xc;
const CC_GE: u8 = 0xd;
const CC_LE: u8 = 0xe;
const CC_G: u8 = 0xf;

/// `Some(v)` when `v` survives x64's sign-extended imm32 encoding.
fn imm32(v: i64) -> Option<i32> {
    i32::try_from(v).ok()
}

impl X64Masm {
    /// Record that the instruction about to be emitted may trap with `code`.
    fn trap_site_here(&mut self, code: TrapCode) {
        self.traps.record(self.asm.offset().0, code);
    }

    /// Lower an int `rhs` operand. A 64-bit immediate that does not fit a
    /// sign-extended imm32 goes through r11 (an i32 immediate always fits:
    /// its low 32 bits are the value).
    fn rhs(&mut self, w64: bool, rhs: Operand) -> Rhs {
        match rhs {
            Operand::Reg(r) => Rhs::Reg(r.hw),
            Operand::Frame(off) => Rhs::Frame(off),
            Operand::Imm(v) if !w64 => Rhs::Imm(v as i32),
            Operand::Imm(v) => match imm32(v) {
                Some(i) => Rhs::Imm(i),
                None => {
                    self.load_imm(true, R11, v);
                    Rhs::Reg(R11)
                }
            },
        }
    }

    /// `dst = imm` in the shortest encoding. A 32-bit `mov` zero-extends, so
    /// it also covers 64-bit values below 2^32; note that `xor` for zero
    /// clobbers the flags, which no caller keeps live across a move.
    fn load_imm(&mut self, w64: bool, dst: u8, v: i64) {
        let v = if w64 { v } else { v as u32 as i64 };
        if v == 0 {
            dynasm!(self.asm ; xor Rd(dst), Rd(dst));
        } else if let Ok(u) = u32::try_from(v) {
            dynasm!(self.asm ; mov Rd(dst), u as i32);
        } else if let Some(i) = imm32(v) {
            dynasm!(self.asm ; mov Rq(dst), i);
        } else {
            dynasm!(self.asm ; mov Rq(dst), QWORD v);
        }
    }

    /// `op r, imm` for the group-1 ALU instruction with ModRM extension
    /// `ext` (0 add, 1 or, 4 and, 5 sub, 6 xor, 7 cmp), in the shortest
    /// form: the sign-extended imm8 one (0x83 /ext ib) when the value fits,
    /// with a REX prefix only when it is needed. Encoded by `encoding`
    /// because dynasm cannot do either for a dynamic register: it emits a
    /// REX for every one, and for `cmp` its table lists the imm32 form
    /// before the imm8 one, so that form wins even under a `BYTE` hint.
    fn alu_imm(&mut self, ext: u8, w: bool, r: u8, imm: i32) {
        match i8::try_from(imm) {
            Ok(imm8) => self.modrm(Opcode::new(0x83).w_if(w), ext, Rm::Reg(r), Imm::I8(imm8)),
            Err(_) => self.modrm(Opcode::new(0x81).w_if(w), ext, Rm::Reg(r), Imm::I32(imm)),
        }
    }

    /// `cmp r, imm` in the shortest form (see `alu_imm`).
    fn cmp_imm(&mut self, w: bool, r: u8, imm: i32) {
        self.alu_imm(7, w, r, imm);
    }

    /// A jump to `label`, `opcode` naming it by its two-byte form (`JMP8`,
    /// or `JCC8 | cc`). In one pass only a backward target, a loop header,
    /// has a known distance: in reach of a rel8 it takes that form; any
    /// other target takes the rel32 form (`e9`, `0f 80+cc`), whose field
    /// the code buffer patches once the label is bound. Encoded here rather
    /// than by `dynasm!`, which expands each of the sixteen conditions into
    /// code of its own at every place one is written.
    fn jump_to(&mut self, opcode: u8, label: Label) {
        if let Some(target) = self.asm.label_offset(label) {
            let end = self.asm.offset().0 + 2;
            if let Ok(rel8) = i8::try_from(target as isize - end as isize) {
                self.asm.push_insn(
                    &[opcode, rel8 as u8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
                    2,
                );
                return;
            }
        }
        if opcode == JMP8 {
            self.asm
                .push_insn(&[0xe9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 5);
        } else {
            let jcc32 = 0x80 | (opcode & 0x0f);
            self.asm
                .push_insn(&[0x0f, jcc32, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 6);
        }
        // The field is the instruction's last four bytes, relative to its
        // end: what `dynasm!` records for `jmp =>label`.
        let rel32 = X64Relocation::from_size(RelocationKind::Relative, RelocationSize::DWord);
        self.asm.dynamic_relocation(label, 0, 4, 0, rel32);
    }

    /// The 32-bit instruction `op` (a one-byte opcode with a ModRM operand
    /// pair, e.g. 0x8b `mov r32, r/m32`, 0x89 `mov r/m32, r32`, 0x85
    /// `test`) between the register `reg` (ModRM.reg) and `rm` (see
    /// `encoding`).
    fn op32(&mut self, op: u8, reg: u8, rm: Rm) {
        self.modrm(Opcode::new(op), reg, rm, Imm::None);
    }

    /// `xmm = bits` for a float of the given width (zero by `xorps`, other
    /// values through rax: x64 has no float immediates).
    fn load_float_bits(&mut self, w64: bool, dst: u8, bits: i64) {
        let bits = if w64 { bits } else { bits as u32 as i64 };
        if bits == 0 {
            dynasm!(self.asm ; xorps Rx(dst), Rx(dst));
        } else {
            self.load_imm(true, RAX, bits);
            dynasm!(self.asm ; movq Rx(dst), rax);
        }
    }

    /// Register-to-register copy within one class.
    fn move_reg(&mut self, ty: ValType, dst: u8, src: u8) {
        if dst == src {
            return;
        }
        match (RegClass::of(ty) == RegClass::Float, ty.is_64()) {
            // All 128 bits: the same move serves f32, f64 and v128.
            (true, _) => dynasm!(self.asm ; movaps Rx(dst), Rx(src)),
            (false, w) => self.modrm(Opcode::new(0x89).w_if(w), src, Rm::Reg(dst), Imm::None),
        }
    }

    /// Store a register or immediate into `[rbp + off]` (`sp == false`) or
    /// `[rsp + off]` (`sp == true`). 32-bit types write the low 4 bytes, a
    /// v128 16 bytes (two slots; it is never an immediate).
    fn store_slot(&mut self, ty: ValType, sp: bool, off: i32, src: Operand) {
        let slot = if sp {
            Rm::outgoing(off)
        } else {
            Rm::frame(off)
        };
        match src {
            Operand::Reg(r) => self.modrm(store_opcode(ty), r.hw, slot, Imm::None),
            Operand::Imm(_) if ty == ValType::V128 => {
                unreachable!("v128 constants are materialised with vec_const")
            }
            // `mov r/m, imm32` (0xc7 /0), sign-extended in the 64-bit form.
            Operand::Imm(v) if !ty.is_64() => {
                self.modrm(Opcode::new(0xc7), 0, slot, Imm::I32(v as i32))
            }
            Operand::Imm(v) => match imm32(v) {
                Some(i) => self.modrm(Opcode::new(0xc7).w(), 0, slot, Imm::I32(i)),
                None => {
                    self.load_imm(true, RAX, v);
                    self.modrm(store_opcode(ValType::I64), RAX, slot, Imm::None);
                }
            },
            // Memory to memory through a scratch register of the class.
            Operand::Frame(from) => {
                let scratch = if ty == ValType::V128 { XMM15 } else { RAX };
                let ty = if ty == ValType::V128 {
                    ty
                } else {
                    ValType::I64
                };
                self.modrm(load_opcode(ty), scratch, Rm::frame(from), Imm::None);
                self.modrm(store_opcode(ty), scratch, slot, Imm::None);
            }
        }
    }

    /// The label of this function's out-of-line stub for `code`.
    fn trap_label(&mut self, code: TrapCode) -> Label {
        let asm = &mut self.asm;
        self.traps.stub(code, || asm.new_dynamic_label())
    }
}

impl MacroAssembler for X64Masm {
    const INT_REGS: &'static [Reg] = &[
        Reg::int(RBX),
        Reg::int(RSI),
        Reg::int(RDI),
        Reg::int(R8),
        Reg::int(R9),
        Reg::int(R10),
        Reg::int(R12),
        Reg::int(R13),
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
    ];
    const INT_RESULT: Reg = Reg::int(RAX);
    const FLOAT_RESULT: Reg = Reg::float(0);
    const TARGET: Target = Target::X86_64;

    fn reg_name(reg: Reg, ty: ValType) -> String {
        const Q: [&str; 16] = [
            "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11",
            "r12", "r13", "r14", "r15",
        ];
        const D: [&str; 16] = [
            "eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi", "r8d", "r9d", "r10d", "r11d",
            "r12d", "r13d", "r14d", "r15d",
        ];
        match (reg.class, ty) {
            (RegClass::Float, _) => format!("xmm{}", reg.hw),
            // i32 values live in the low half: name it as the code uses it.
            (RegClass::Int, ValType::I32) => D[reg.hw as usize].to_string(),
            (RegClass::Int, _) => Q[reg.hw as usize].to_string(),
        }
    }

    fn new(options: CodegenOptions) -> Self {
        X64Masm {
            asm: CodeBuffer::new(),
            traps: TrapTable::default(),
            features: options.features.for_target(Target::X86_64),
            relaxed_deterministic: options.relaxed_simd_deterministic,
            jump_tables: Vec::new(),
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
        dynasm!(self.asm ; =>label);
    }

    fn jump(&mut self, label: Label) {
        self.jump_to(JMP8, label);
    }

    fn branch_if(&mut self, cond: Reg, if_nonzero: bool, label: Label) {
        self.op32(0x85, cond.hw, Rm::Reg(cond.hw));
        let cc = if if_nonzero { CC_NE } else { CC_E };
        self.jump_to(JCC8 | cc, label);
    }

    /// An inline table of 32-bit offsets, each relative to its own entry
    /// (`.rel32` data), so the code stays position-independent: the entry's
    /// address plus its content is the target.
    fn jump_table(&mut self, index: Reg, targets: &[Label], default: Label) {
        let table = self.asm.new_dynamic_label();
        let i = index.hw;
        self.cmp_imm(false, i, targets.len() as i32);
        dynasm!(self.asm
            ; jae =>default
            ; lea r11, [=>table]
            ; lea r11, [r11 + Rq(i) * 4]
            ; movsxd rax, DWORD [r11]
            ; add rax, r11
            ; jmp rax
            ; .align 4
            ; =>table
        );
        self.jump_tables.push((self.asm.offset().0, targets.len()));
        for &t in targets {
            dynasm!(self.asm ; .rel32 =>t);
        }
    }

    fn trap(&mut self, code: TrapCode) {
        self.trap_site_here(code);
        dynasm!(self.asm ; ud2);
    }

    // ---- Functions and frames ----------------------------------------

    fn function_start(&mut self, label: Label) -> usize {
        dynasm!(self.asm ; .align 16 ; =>label);
        self.asm.offset().0
    }

    fn prologue(&mut self, stack_limit_offset: u32) -> FrameSetup {
        // `sub rsp, DWORD 0` forces the imm32 encoding, so patching the real
        // size in later never changes the instruction's length.
        dynasm!(self.asm
            ; push rbp
            ; mov rbp, rsp
            ; sub rsp, DWORD 0
        );
        let setup = FrameSetup(self.asm.offset().0 - 4);
        let overflow = self.trap_label(TrapCode::StackOverflow);
        let limit = stack_limit_offset as i32;
        dynasm!(self.asm ; mov QWORD [BYTE rbp + VMCTX_SLOT], r14);
        dynasm_disp!(self, limit ; mov rax, QWORD [r14 + limit]);
        dynasm!(self.asm
            ; cmp rsp, QWORD [rax]
            ; jb =>overflow
        );
        setup
    }

    fn patch_frame_size(&mut self, setup: FrameSetup, frame_size: u32) {
        debug_assert!(frame_size.is_multiple_of(16) && frame_size >= 16);
        self.asm.patch(setup.0, &frame_size.to_le_bytes());
    }

    fn epilogue(&mut self) {
        dynasm!(self.asm
            ; mov rsp, rbp
            ; pop rbp
            ; ret
        );
    }

    fn function_end(&mut self) {
        self.emit_trap_stubs();
        self.asm.commit();
    }

    // ---- Moves -------------------------------------------------------

    fn mov(&mut self, ty: ValType, dst: Reg, src: Operand) {
        let (d, w) = (dst.hw, ty.is_64());
        match (ty.is_float(), src) {
            (_, Operand::Reg(s)) => self.move_reg(ty, d, s.hw),
            (_, Operand::Imm(_)) if ty == ValType::V128 => {
                unreachable!("v128 constants are materialised with vec_const")
            }
            (false, Operand::Imm(v)) => self.load_imm(w, d, v),
            (true, Operand::Imm(bits)) => self.load_float_bits(w, d, bits),
            (_, Operand::Frame(off)) => self.modrm(load_opcode(ty), d, Rm::frame(off), Imm::None),
        }
    }

    fn vec_const(&mut self, dst: Reg, bits: u128) {
        // Built as the SIMD lowerings build their masks (see `simd`).
        self.const128(dst.hw, bits as u64, (bits >> 64) as u64);
    }

    fn store_frame(&mut self, ty: ValType, offset: i32, src: Operand) {
        self.store_slot(ty, false, offset, src);
    }

    fn copy_frame(&mut self, ty: ValType, dst: i32, src: i32) {
        self.store_slot(ty, false, dst, Operand::Frame(src));
    }

    fn zero_frame(&mut self, offset: i32, bytes: u32) {
        debug_assert!(bytes.is_multiple_of(8));
        if bytes == 0 {
            return;
        }
        dynasm!(self.asm ; xor eax, eax);
        if bytes <= 128 {
            // Straight-line stores: a handful of locals is the common case.
            for i in 0..(bytes / 8) as i32 {
                let slot = offset + 8 * i;
                dynasm_disp!(self, slot ; mov QWORD [rbp + slot], rax);
            }
        } else {
            // A loop for big frames keeps code size bounded: rcx counts the
            // remaining bytes down to zero.
            let below = offset - 8;
            dynasm!(self.asm ; mov ecx, bytes as i32 ; zero:);
            dynasm_disp!(self, below ; mov QWORD [rbp + rcx + below], rax);
            dynasm!(self.asm
                ; sub ecx, 8
                ; jnz BYTE <zero
            );
        }
    }

    fn store_arg(&mut self, ty: ValType, index: u32, src: Operand) {
        self.store_slot(ty, true, 8 * index as i32, src);
    }

    fn load_arg(&mut self, ty: ValType, dst: Reg, index: u32) {
        let slot = Rm::outgoing(8 * index as i32);
        self.modrm(load_opcode(ty), dst.hw, slot, Imm::None);
    }

    // ---- Integer and float arithmetic --------------------------------

    fn int_binop(&mut self, op: IntBinOp, ty: ValType, dst: Reg, lhs: Reg, rhs: Operand) {
        self.emit_int_binop(op, ty.is_64(), dst.hw, lhs.hw, rhs);
    }

    fn int_unop(&mut self, op: IntUnOp, ty: ValType, dst: Reg, src: Reg) {
        self.emit_int_unop(op, ty.is_64(), dst.hw, src.hw);
    }

    fn int_cmp(&mut self, cmp: IntCmp, ty: ValType, dst: Reg, lhs: Reg, rhs: Operand) {
        self.emit_int_cmp(cmp, ty.is_64(), dst.hw, lhs.hw, rhs);
    }

    fn branch_cmp(&mut self, cmp: IntCmp, ty: ValType, lhs: Reg, rhs: Operand, label: Label) {
        self.emit_branch_cmp(cmp, ty.is_64(), lhs.hw, rhs, label);
    }

    fn float_binop(&mut self, op: FloatBinOp, ty: ValType, dst: Reg, lhs: Reg, rhs: Reg) {
        self.emit_float_binop(op, ty.is_64(), dst.hw, lhs.hw, rhs.hw);
    }

    fn float_unop(&mut self, op: FloatUnOp, ty: ValType, dst: Reg, src: Reg) {
        self.emit_float_unop(op, ty.is_64(), dst.hw, src.hw);
    }

    fn float_cmp(&mut self, cmp: FloatCmp, ty: ValType, dst: Reg, lhs: Reg, rhs: Reg) {
        self.emit_float_cmp(cmp, ty.is_64(), dst.hw, lhs.hw, rhs.hw);
    }

    fn convert(&mut self, op: Conversion, dst: Reg, src: Reg) {
        self.emit_convert(op, dst.hw, src.hw);
    }

    fn select(&mut self, ty: ValType, dst: Reg, cond: Reg, if_false: Reg) {
        let (d, c, f) = (dst.hw, cond.hw, if_false.hw);
        self.op32(0x85, c, Rm::Reg(c));
        match ty {
            // cmov on the 32-bit form also clears the upper half, which is
            // exactly the i32 invariant.
            ValType::I32 => dynasm!(self.asm ; cmovz Rd(d), Rd(f)),
            ValType::I64 | ValType::FuncRef | ValType::ExternRef => {
                dynasm!(self.asm ; cmovz Rq(d), Rq(f))
            }
            // SSE has no conditional move for scalars; a short branch does.
            ValType::F32 | ValType::F64 | ValType::V128 => dynasm!(self.asm
                ; jnz BYTE >keep
                ; movaps Rx(d), Rx(f)
                ; keep:
            ),
        }
    }

    // ---- Linear memory -------------------------------------------------

    fn load(&mut self, kind: LoadKind, dst: Reg, addr: Operand, offset: u32) {
        self.emit_load(kind, dst.hw, addr, offset);
    }

    fn store(&mut self, kind: StoreKind, src: Operand, addr: Operand, offset: u32) {
        self.emit_store(kind, src, addr, offset);
    }

    fn memory_size(&mut self, dst: Reg, memory_offset: u32) {
        let (d, memory) = (dst.hw, memory_offset as i32);
        dynasm_disp!(self, memory ; mov rax, QWORD [r14 + memory]);
        dynasm!(self.asm
            ; mov Rq(d), QWORD [BYTE rax + MEMORY_LENGTH]
            ; shr Rq(d), 16
        );
    }

    fn bounds_check(&mut self, index: Option<Reg>, index64: bool, end: u64, memory_slot: u32) {
        self.emit_bounds_check(index, index64, end, memory_slot);
    }

    fn switch_memory_base(&mut self, memory_slot: Option<u32>) {
        match memory_slot {
            Some(slot) => {
                let slot = slot as i32;
                dynasm_disp!(self, slot ; mov r15, QWORD [r14 + slot]);
                // `MemoryDef::base` is at 0 (asserted above).
                dynasm!(self.asm ; mov r15, QWORD [r15]);
            }
            None => dynasm!(self.asm ; mov r15, QWORD [BYTE r14 + MEMORY_BASE8]),
        }
    }

    // ---- Instance state --------------------------------------------------

    fn load_global(&mut self, ty: ValType, dst: Reg, cell_offset: u32) {
        let (d, cell) = (dst.hw, cell_offset as i32);
        dynasm_disp!(self, cell ; mov rax, QWORD [r14 + cell]);
        match ty {
            ValType::I32 => dynasm!(self.asm ; mov Rd(d), DWORD [rax]),
            ValType::I64 | ValType::FuncRef | ValType::ExternRef => {
                dynasm!(self.asm ; mov Rq(d), QWORD [rax])
            }
            ValType::F32 => dynasm!(self.asm ; movss Rx(d), DWORD [rax]),
            ValType::F64 => dynasm!(self.asm ; movsd Rx(d), QWORD [rax]),
            ValType::V128 => dynasm!(self.asm ; movdqu Rx(d), [rax]),
        }
    }

    fn store_global(&mut self, ty: ValType, src: Operand, cell_offset: u32) {
        let cell = cell_offset as i32;
        dynasm_disp!(self, cell ; mov rax, QWORD [r14 + cell]);
        match src {
            Operand::Reg(r) => match ty {
                ValType::I32 => dynasm!(self.asm ; mov DWORD [rax], Rd(r.hw)),
                ValType::I64 | ValType::FuncRef | ValType::ExternRef => {
                    dynasm!(self.asm ; mov QWORD [rax], Rq(r.hw))
                }
                ValType::F32 => dynasm!(self.asm ; movss DWORD [rax], Rx(r.hw)),
                ValType::F64 => dynasm!(self.asm ; movsd QWORD [rax], Rx(r.hw)),
                ValType::V128 => dynasm!(self.asm ; movdqu [rax], Rx(r.hw)),
            },
            Operand::Imm(_) if ty == ValType::V128 => {
                unreachable!("v128 constants are materialised with vec_const")
            }
            Operand::Imm(v) if !ty.is_64() => dynasm!(self.asm ; mov DWORD [rax], v as i32),
            Operand::Imm(v) => match imm32(v) {
                Some(i) => dynasm!(self.asm ; mov QWORD [rax], i),
                None => {
                    self.load_imm(true, RCX, v);
                    dynasm!(self.asm ; mov QWORD [rax], rcx);
                }
            },
            Operand::Frame(_) => unreachable!("store_global takes a Reg or Imm"),
        }
    }

    // ---- Calls -----------------------------------------------------------

    fn call_direct(&mut self, label: Label) {
        dynasm!(self.asm ; call =>label);
        self.traps.record_return(self.asm.offset().0);
    }

    fn call_import(&mut self, record_offset: u32) {
        self.emit_call_import(record_offset);
    }

    fn call_indirect(&mut self, table_offset: u32, type_id_offset: u32, index: Reg) {
        self.emit_call_indirect(table_offset, type_id_offset, index.hw);
    }

    fn consume_fuel(&mut self, context: u32, fuel: u32, amount: u32) {
        let out = self.trap_label(TrapCode::OutOfFuel);
        let (context, fuel) = (context as i32, fuel as i32);
        dynasm_disp!(self, context ; mov rax, QWORD [r14 + context]);
        dynasm_disp!(self, fuel ; sub QWORD [rax + fuel], amount as i32);
        dynasm!(self.asm ; js =>out);
    }

    fn canonicalize_nan(&mut self, ty: ValType, reg: Reg) {
        let r = reg.hw;
        let skip = self.asm.new_dynamic_label();
        if ty.is_64() {
            dynasm!(self.asm ; ucomisd Rx(r), Rx(r) ; jnp =>skip);
            self.load_float_bits(true, r, 0x7ff8_0000_0000_0000);
        } else {
            dynasm!(self.asm ; ucomiss Rx(r), Rx(r) ; jnp =>skip);
            self.load_float_bits(false, r, 0x7fc0_0000);
        }
        dynasm!(self.asm ; =>skip);
    }

    fn check_epoch(&mut self, epoch_ptr: u32, context: u32, deadline: u32) {
        let out = self.trap_label(TrapCode::Interrupt);
        let (epoch, context, deadline) = (epoch_ptr as i32, context as i32, deadline as i32);
        dynasm_disp!(self, epoch ; mov rax, QWORD [r14 + epoch]);
        dynasm!(self.asm ; mov rax, QWORD [rax]);
        dynasm_disp!(self, context ; mov rcx, QWORD [r14 + context]);
        dynasm_disp!(self, deadline ; cmp rax, QWORD [rcx + deadline]);
        dynasm!(self.asm ; jae =>out);
    }

    fn vmctx_address(&mut self, dst: Reg, offset: u32) {
        let offset = offset as i32;
        dynasm_disp!(self, offset ; lea Rq(dst.hw), [r14 + offset]);
    }

    fn call_builtin(&mut self, fn_offset: u32, args: &[BuiltinArg]) {
        self.emit_call_builtin(fn_offset, args);
    }

    // ---- Whole-module pieces -------------------------------------------

    fn reserve(&mut self, wasm_bytes: usize, limit: usize) -> Result<(), AssemblyError> {
        let code = wasm_bytes.saturating_mul(CODE_PER_WASM_BYTE);
        self.asm
            .reserve(code, limit)
            .map_err(|e| AssemblyError(format!("x64: {e}")))?;
        self.traps.reserve(wasm_bytes.min(limit));
        Ok(())
    }

    fn append(&mut self, part: &mut X64Masm, labels: &[Label]) -> usize {
        // The padding `function_start` emits before the part's first
        // function (with nothing before it, the part has none).
        dynasm!(self.asm ; .align 16);
        let base = self.asm.append(&mut part.asm, labels);
        self.traps.append(&mut part.traps, base);
        let tables = part.jump_tables.drain(..);
        self.jump_tables
            .extend(tables.map(|(start, entries)| (base + start, entries)));
        base
    }

    fn labels_minted(&self) -> usize {
        self.asm.labels_minted()
    }

    fn finish(self) -> Result<Assembled, AssemblyError> {
        // rel32 calls and jumps reach ±2 GiB, more code than a module can
        // produce, so this only fails on a backend bug or when the code
        // outgrows its limit or memory.
        let code = self
            .asm
            .finish()
            .map_err(|e| AssemblyError(format!("x64: {e}")))?;
        let (trap_sites, wasm_offsets) = self.traps.finish();
        // The entries as the finished code has them: relative to their own
        // address.
        let jump_tables = self
            .jump_tables
            .iter()
            .map(|&(start, entries)| JumpTable {
                start,
                entry_size: JUMP_TABLE_ENTRY,
                targets: (0..entries)
                    .map(|k| {
                        let at = start + k * JUMP_TABLE_ENTRY;
                        let rel = i32::from_le_bytes(
                            code[at..at + JUMP_TABLE_ENTRY].try_into().expect("rel32"),
                        );
                        at.wrapping_add_signed(rel as isize)
                    })
                    .collect(),
            })
            .collect();
        Ok(Assembled {
            code,
            trap_sites,
            wasm_offsets,
            jump_tables,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `flint explain` lists jump-table entries from this report alone, so
    /// it must cover exactly the table's bytes and decode each entry to the
    /// place its label was bound.
    #[test]
    fn jump_tables_report_their_entries() {
        let mut m = X64Masm::new(CpuFeatures::all().into());
        let entry = m.new_label();
        m.function_start(entry);
        let targets: Vec<Label> = (0..3).map(|_| m.new_label()).collect();
        let default = m.new_label();
        m.jump_table(X64Masm::INT_REGS[0], &targets, default);
        let table_end = m.offset();
        let mut bound = Vec::new();
        for &t in targets.iter().rev() {
            m.bind(t);
            bound.push(m.offset());
            m.trap(TrapCode::Unreachable);
        }
        bound.reverse();
        m.bind(default);
        m.trap(TrapCode::Unreachable);
        m.function_end();
        let asm = m.finish().unwrap();
        assert_eq!(asm.jump_tables.len(), 1);
        let table = &asm.jump_tables[0];
        assert_eq!(table.range().end, table_end);
        assert_eq!(table.entry_size, JUMP_TABLE_ENTRY);
        assert_eq!(table.targets, bound);
    }
}
