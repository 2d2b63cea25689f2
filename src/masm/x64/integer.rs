//! Integer arithmetic, bit counting and comparisons.
//!
//! x64 is two-operand (`dst op= src`), so a three-operand `dst = lhs op rhs`
//! first copies `lhs` into `dst`; the contract promises `dst` never aliases
//! an `rhs` register, so that copy cannot destroy the right-hand side.
//! i32 operations use the 32-bit instruction forms, which zero the upper
//! half of the destination for free: the "i32 is zero-extended" invariant
//! costs nothing.
//!
//! The instructions with fixed registers are why rax, rcx and rdx are
//! backend scratch: variable shifts take their count in cl, and division
//! takes rdx:rax. Wasm masks shift counts modulo the width, which is
//! exactly what the hardware does, so shifts need no extra code.
//!
//! Bit counting depends on the CPU: `lzcnt` (LZCNT) and `tzcnt` (BMI1) are
//! used when the engine's features have them, and `bsr`/`bsf` with a
//! `cmov` fix-up for a zero input otherwise (`masm::target`).

use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};

use super::encoding::{Imm, Opcode, Rm};
use super::{
    Rhs, X64Masm, CC_A, CC_AE, CC_B, CC_BE, CC_E, CC_G, CC_GE, CC_L, CC_LE, CC_NE, JCC8, RCX,
};
use crate::masm::{CpuFeature, IntBinOp, IntCmp, IntUnOp, Label, Operand};
use crate::trap::TrapCode;

/// The `op r32, r/m32` opcode of each `arith!` instruction, for the
/// 32-bit register and frame forms (`X64Masm::op32`).
macro_rules! rm_opcode {
    (add) => {
        0x03
    };
    (or) => {
        0x0b
    };
    (and) => {
        0x23
    };
    (sub) => {
        0x2b
    };
    (xor) => {
        0x33
    };
    (cmp) => {
        0x3b
    };
}

/// The ModRM extension of each `arith!` instruction in its immediate
/// forms (`X64Masm::alu_imm`).
macro_rules! alu_ext {
    (add) => {
        0
    };
    (or) => {
        1
    };
    (and) => {
        4
    };
    (sub) => {
        5
    };
    (xor) => {
        6
    };
    (cmp) => {
        7
    };
}

/// Emit `op dst, rhs` in the right width for each right-hand-side form,
/// an immediate in its imm8 form when it fits (`X64Masm::alu_imm`).
macro_rules! arith {
    ($s:ident, $w:expr, $d:expr, $rhs:expr, $op:ident) => {{
        let (w, d) = ($w, $d);
        match $rhs {
            Rhs::Imm(i) => $s.alu_imm(alu_ext!($op), w, d, i),
            rhs => arith!(@reg_frame $s, w, d, rhs, $op),
        }
    }};
    (@reg_frame $s:ident, $w:ident, $d:ident, $rhs:ident, $op:ident) => {
        match $rhs {
            Rhs::Reg(r) => $s.modrm(Opcode::new(rm_opcode!($op)).w_if($w), $d, Rm::Reg(r), Imm::None),
            Rhs::Frame(o) => $s.modrm(Opcode::new(rm_opcode!($op)).w_if($w), $d, Rm::frame(o), Imm::None),
            Rhs::Imm(_) => unreachable!("immediates are matched first"),
        }
    };
}

impl X64Masm {
    pub(super) fn emit_int_binop(&mut self, op: IntBinOp, w: bool, dst: u8, lhs: u8, rhs: Operand) {
        use IntBinOp::*;
        match op {
            DivS | DivU | RemS | RemU => return self.emit_div(op, w, dst, lhs, rhs),
            Shl | ShrS | ShrU | Rotl | Rotr => return self.emit_shift(op, w, dst, lhs, rhs),
            _ => {}
        }
        let rhs = self.rhs(w, rhs);
        self.mov_int(w, dst, lhs);
        match op {
            Add => arith!(self, w, dst, rhs, add),
            Sub => arith!(self, w, dst, rhs, sub),
            And => arith!(self, w, dst, rhs, and),
            Or => arith!(self, w, dst, rhs, or),
            Xor => arith!(self, w, dst, rhs, xor),
            // imul's immediate form is three-operand.
            // imul r, r/m (0x0f 0xaf).
            Mul => match rhs {
                Rhs::Reg(r) => self.modrm(Opcode::ext(0xaf).w_if(w), dst, Rm::Reg(r), Imm::None),
                Rhs::Frame(o) => {
                    self.modrm(Opcode::ext(0xaf).w_if(w), dst, Rm::frame(o), Imm::None)
                }
                Rhs::Imm(i) if w => dynasm_imm!(self, i ; imul Rq(dst), Rq(dst), i),
                Rhs::Imm(i) => dynasm_imm!(self, i ; imul Rd(dst), Rd(dst), i),
            },
            _ => unreachable!(),
        }
    }

    /// `dst = src` between integer registers of the given width.
    pub(super) fn mov_int(&mut self, w: bool, dst: u8, src: u8) {
        if dst != src {
            self.modrm(Opcode::new(0x89).w_if(w), src, Rm::Reg(dst), Imm::None);
        }
    }

    /// Shifts and rotates. A constant count is masked here (the encoding
    /// takes an imm8); a variable one goes through cl and the hardware
    /// masks it to 5 or 6 bits, matching wasm.
    fn emit_shift(&mut self, op: IntBinOp, w: bool, dst: u8, lhs: u8, rhs: Operand) {
        use IntBinOp::*;
        let imm = match rhs {
            Operand::Imm(v) => Some((v & if w { 63 } else { 31 }) as i8),
            Operand::Reg(r) => {
                dynasm!(self.asm ; mov ecx, Rd(r.hw));
                None
            }
            Operand::Frame(o) => {
                dynasm_disp!(self, o ; mov ecx, DWORD [rbp + o]);
                None
            }
        };
        self.mov_int(w, dst, lhs);
        macro_rules! shift {
            ($op:ident) => {
                match (imm, w) {
                    (Some(i), true) => dynasm!(self.asm ; $op Rq(dst), i),
                    (Some(i), false) => dynasm!(self.asm ; $op Rd(dst), i),
                    (None, true) => dynasm!(self.asm ; $op Rq(dst), cl),
                    (None, false) => dynasm!(self.asm ; $op Rd(dst), cl),
                }
            };
        }
        match op {
            Shl => shift!(shl),
            ShrS => shift!(sar),
            ShrU => shift!(shr),
            Rotl => shift!(rol),
            Rotr => shift!(ror),
            _ => unreachable!(),
        }
    }

    /// Division and remainder through rdx:rax with the divisor in rcx.
    ///
    /// Two inputs make `idiv` fault (#DE) where wasm wants something else:
    /// a zero divisor (a trap, but we want the precise trap code, so it is
    /// checked explicitly) and `MIN / -1`, whose quotient overflows. For
    /// `div_s` that is the `IntegerOverflow` trap; for `rem_s` wasm defines
    /// the result as 0, so a divisor of -1 skips the `idiv` entirely
    /// (`x rem -1` is 0 for every `x`). A constant divisor lets us drop the
    /// checks it cannot fail.
    fn emit_div(&mut self, op: IntBinOp, w: bool, dst: u8, lhs: u8, rhs: Operand) {
        use IntBinOp::*;
        let known = match rhs {
            Operand::Imm(v) => Some(if w { v } else { v as i32 as i64 }),
            _ => None,
        };
        match rhs {
            Operand::Reg(r) => self.mov_int(w, RCX, r.hw),
            Operand::Imm(v) => self.load_imm(w, RCX, v),
            Operand::Frame(o) if w => dynasm_disp!(self, o ; mov rcx, QWORD [rbp + o]),
            Operand::Frame(o) => dynasm_disp!(self, o ; mov ecx, DWORD [rbp + o]),
        }
        if known.is_none_or(|v| v == 0) {
            let l = self.trap_label(TrapCode::IntegerDivideByZero);
            if w {
                dynasm!(self.asm ; test rcx, rcx ; jz =>l);
            } else {
                dynasm!(self.asm ; test ecx, ecx ; jz =>l);
            }
        }
        let signed = matches!(op, DivS | RemS);
        let may_be_minus_one = signed && known.is_none_or(|v| v == -1);
        if may_be_minus_one {
            self.cmp_imm(w, RCX, -1);
            dynasm!(self.asm ; jne BYTE >divide);
            if op == DivS {
                // `lhs - 1` overflows exactly when lhs is MIN.
                let l = self.trap_label(TrapCode::IntegerOverflow);
                self.cmp_imm(w, lhs, 1);
                dynasm!(self.asm ; jo =>l);
                // Not MIN: fall through into the ordinary idiv.
            } else {
                dynasm!(self.asm ; xor edx, edx ; jmp BYTE >done);
            }
            dynasm!(self.asm ; divide:);
        }
        match (signed, w) {
            (true, true) => dynasm!(self.asm ; mov rax, Rq(lhs) ; cqo ; idiv rcx),
            (true, false) => dynasm!(self.asm ; mov eax, Rd(lhs) ; cdq ; idiv ecx),
            (false, true) => dynasm!(self.asm ; mov rax, Rq(lhs) ; xor edx, edx ; div rcx),
            (false, false) => dynasm!(self.asm ; mov eax, Rd(lhs) ; xor edx, edx ; div ecx),
        }
        if may_be_minus_one {
            dynasm!(self.asm ; done:);
        }
        // The quotient is in rax, the remainder in rdx; 32-bit divisions
        // already zeroed their upper halves.
        let result = if matches!(op, DivS | DivU) {
            super::RAX
        } else {
            super::RDX
        };
        self.mov_int(true, dst, result);
    }

    pub(super) fn emit_int_unop(&mut self, op: IntUnOp, w: bool, dst: u8, src: u8) {
        // lzcnt/tzcnt (unlike bsr/bsf) are defined for zero: they return the
        // operand width, which is what wasm's clz/ctz want. Without LZCNT /
        // BMI1 their encodings still decode, as bsr/bsf, so using them
        // unchecked would silently compute the wrong thing.
        let lzcnt = self.features.contains(CpuFeature::Lzcnt);
        let tzcnt = self.features.contains(CpuFeature::Bmi1);
        match (op, w) {
            (IntUnOp::Clz, true) if lzcnt => dynasm!(self.asm ; lzcnt Rq(dst), Rq(src)),
            (IntUnOp::Clz, false) if lzcnt => dynasm!(self.asm ; lzcnt Rd(dst), Rd(src)),
            (IntUnOp::Ctz, true) if tzcnt => dynasm!(self.asm ; tzcnt Rq(dst), Rq(src)),
            (IntUnOp::Ctz, false) if tzcnt => dynasm!(self.asm ; tzcnt Rd(dst), Rd(src)),
            // bsr gives the index of the highest set bit, b, and sets ZF
            // (leaving its destination undefined) for zero. clz is
            // (width - 1) - b = b ^ (width - 1); for zero, substituting
            // 2*width - 1 makes the same xor give width.
            (IntUnOp::Clz, true) => dynasm!(self.asm
                ; mov eax, 127
                ; bsr Rq(dst), Rq(src)
                ; cmovz Rq(dst), rax
                ; xor Rd(dst), 63
            ),
            (IntUnOp::Clz, false) => dynasm!(self.asm
                ; mov eax, 63
                ; bsr Rd(dst), Rd(src)
                ; cmovz Rd(dst), eax
                ; xor Rd(dst), 31
            ),
            // bsf gives the index of the lowest set bit, which is ctz; zero
            // gets the width.
            (IntUnOp::Ctz, true) => dynasm!(self.asm
                ; mov eax, 64
                ; bsf Rq(dst), Rq(src)
                ; cmovz Rq(dst), rax
            ),
            (IntUnOp::Ctz, false) => dynasm!(self.asm
                ; mov eax, 32
                ; bsf Rd(dst), Rd(src)
                ; cmovz Rd(dst), eax
            ),
            // POPCNT is part of the floor (`CpuFeatures::minimum`).
            (IntUnOp::Popcnt, true) => dynasm!(self.asm ; popcnt Rq(dst), Rq(src)),
            (IntUnOp::Popcnt, false) => dynasm!(self.asm ; popcnt Rd(dst), Rd(src)),
            (IntUnOp::Eqz, true) => {
                dynasm!(self.asm ; test Rq(src), Rq(src) ; sete al ; movzx Rd(dst), al)
            }
            (IntUnOp::Eqz, false) => {
                dynasm!(self.asm ; test Rd(src), Rd(src) ; sete al ; movzx Rd(dst), al)
            }
        }
    }

    /// `cmp` then `setcc` into al (always byte-addressable), widened into
    /// `dst`. `dst` may alias `lhs`, so it cannot be zeroed beforehand.
    pub(super) fn emit_int_cmp(&mut self, cmp: IntCmp, w: bool, dst: u8, lhs: u8, rhs: Operand) {
        self.compare(w, lhs, rhs);
        match cmp {
            IntCmp::Eq => dynasm!(self.asm ; sete al),
            IntCmp::Ne => dynasm!(self.asm ; setne al),
            IntCmp::LtS => dynasm!(self.asm ; setl al),
            IntCmp::LtU => dynasm!(self.asm ; setb al),
            IntCmp::GtS => dynasm!(self.asm ; setg al),
            IntCmp::GtU => dynasm!(self.asm ; seta al),
            IntCmp::LeS => dynasm!(self.asm ; setle al),
            IntCmp::LeU => dynasm!(self.asm ; setbe al),
            IntCmp::GeS => dynasm!(self.asm ; setge al),
            IntCmp::GeU => dynasm!(self.asm ; setae al),
        }
        dynasm!(self.asm ; movzx Rd(dst), al);
    }

    /// Set the flags for `lhs` compared with `rhs`. Against zero, `test`
    /// sets them exactly as `cmp` would for every condition (CF and OF are
    /// cleared, as subtracting 0 leaves them) in 2-3 bytes instead of 7.
    fn compare(&mut self, w: bool, lhs: u8, rhs: Operand) {
        match (rhs, w) {
            (Operand::Imm(0), _) => {
                self.modrm(Opcode::new(0x85).w_if(w), lhs, Rm::Reg(lhs), Imm::None)
            }
            _ => {
                let rhs = self.rhs(w, rhs);
                arith!(self, w, lhs, rhs, cmp);
            }
        }
    }

    /// `cmp lhs, rhs` then a conditional jump: the fused form of a
    /// comparison feeding a branch.
    pub(super) fn emit_branch_cmp(
        &mut self,
        cmp: IntCmp,
        w: bool,
        lhs: u8,
        rhs: Operand,
        label: Label,
    ) {
        self.compare(w, lhs, rhs);
        let cc = match cmp {
            IntCmp::Eq => CC_E,
            IntCmp::Ne => CC_NE,
            IntCmp::LtS => CC_L,
            IntCmp::LtU => CC_B,
            IntCmp::GtS => CC_G,
            IntCmp::GtU => CC_A,
            IntCmp::LeS => CC_LE,
            IntCmp::LeU => CC_BE,
            IntCmp::GeS => CC_GE,
            IntCmp::GeU => CC_AE,
        };
        self.jump_to(JCC8 | cc, label);
    }
}
