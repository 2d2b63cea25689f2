//! Integer arithmetic, bit counting and comparisons.
//!
//! A64 is three-operand and writes through the W view zero the upper half,
//! so most wasm operators are one instruction and the i32 invariant holds
//! by construction. What needs care:
//!
//! * Immediates: `add`/`sub`/`cmp` take 12 bits (optionally `lsl #12`),
//!   logical operations a repeating bit pattern; anything else goes to x17.
//! * Shifts and rotates by a register already use the amount modulo the
//!   width (wasm's rule); there is no rotate-left, so `rotl` is `ror` by
//!   the negated amount.
//! * Division never traps in hardware: `sdiv`/`udiv` return 0 for a zero
//!   divisor and `MIN / -1` wraps. wasm's traps are explicit checks to the
//!   out-of-line stubs. Remainder is `x - (x / y) * y` (`msub`), which
//!   already gives wasm's `MIN rem -1 = 0`.
//! * `popcnt` has no scalar instruction; it goes through the vector unit
//!   (`cnt` per byte, `addv` to sum).

use dynasmrt::DynasmApi;

use super::{a64, logical_imm, A64Masm, Cond, FP, V31, X16, X17};
use crate::masm::{IntBinOp, IntCmp, IntUnOp, Operand};
use crate::trap::TrapCode;
use crate::types::ValType;

/// A lowered right-hand side.
#[derive(Copy, Clone)]
enum Rhs {
    Reg(u8),
    /// An immediate the instruction at hand can encode.
    Imm(i64),
}

impl A64Masm {
    /// `rhs` as a register: immediates in x17, frame slots loaded into x17.
    fn rhs_reg(&mut self, w64: bool, rhs: Operand) -> u8 {
        match rhs {
            Operand::Reg(r) => r.hw,
            Operand::Imm(v) => {
                self.load_imm(w64, X17, v);
                X17
            }
            Operand::Frame(off) => {
                let ty = if w64 { ValType::I64 } else { ValType::I32 };
                self.load_slot(ty, X17, FP, off as i64);
                X17
            }
        }
    }

    /// `rhs` as a register or, when `fits` accepts it, an immediate. For
    /// i32 the immediate is its sign-extended low 32 bits.
    fn rhs(&mut self, w64: bool, rhs: Operand, fits: impl Fn(i64) -> bool) -> Rhs {
        match rhs {
            Operand::Imm(v) => {
                let v = if w64 { v } else { v as i32 as i64 };
                if fits(v) {
                    Rhs::Imm(v)
                } else {
                    Rhs::Reg(self.rhs_reg(w64, Operand::Imm(v)))
                }
            }
            _ => Rhs::Reg(self.rhs_reg(w64, rhs)),
        }
    }

    pub(super) fn emit_int_binop(&mut self, op: IntBinOp, w64: bool, d: u8, l: u8, rhs: Operand) {
        use IntBinOp::*;
        match op {
            Add | Sub => {
                // Fold the sign of an immediate into the choice of add/sub.
                let rhs = self.rhs(w64, rhs, |v| add_imm12(v).is_some());
                match rhs {
                    Rhs::Imm(v) => {
                        let v = if op == Sub { v.wrapping_neg() } else { v };
                        self.add_signed_imm(w64, d, l, v);
                    }
                    Rhs::Reg(r) => match (op, w64) {
                        (Add, true) => a64!(self.asm ; add X(d), X(l), X(r)),
                        (Add, false) => a64!(self.asm ; add W(d), W(l), W(r)),
                        (_, true) => a64!(self.asm ; sub X(d), X(l), X(r)),
                        (_, false) => a64!(self.asm ; sub W(d), W(l), W(r)),
                    },
                }
            }
            Mul => {
                let r = self.rhs_reg(w64, rhs);
                if w64 {
                    a64!(self.asm ; mul X(d), X(l), X(r));
                } else {
                    a64!(self.asm ; mul W(d), W(l), W(r));
                }
            }
            And | Or | Xor => self.logical(op, w64, d, l, rhs),
            Shl | ShrS | ShrU | Rotl | Rotr => self.shift(op, w64, d, l, rhs),
            DivS | DivU | RemS | RemU => self.divide(op, w64, d, l, rhs),
        }
    }

    /// `d = l + v`, in one instruction when `v` fits `add`/`sub`.
    fn add_signed_imm(&mut self, w64: bool, d: u8, l: u8, v: i64) {
        match add_imm12(v) {
            Some((imm, shifted, negative)) => match (w64, shifted, negative) {
                (true, false, false) => a64!(self.asm ; add XSP(d), XSP(l), #imm),
                (true, true, false) => a64!(self.asm ; add XSP(d), XSP(l), #imm, lsl #12),
                (true, false, true) => a64!(self.asm ; sub XSP(d), XSP(l), #imm),
                (true, true, true) => a64!(self.asm ; sub XSP(d), XSP(l), #imm, lsl #12),
                (false, false, false) => a64!(self.asm ; add WSP(d), WSP(l), #imm),
                (false, true, false) => a64!(self.asm ; add WSP(d), WSP(l), #imm, lsl #12),
                (false, false, true) => a64!(self.asm ; sub WSP(d), WSP(l), #imm),
                (false, true, true) => a64!(self.asm ; sub WSP(d), WSP(l), #imm, lsl #12),
            },
            None => {
                self.load_imm(w64, X17, v);
                if w64 {
                    a64!(self.asm ; add X(d), X(l), X(X17));
                } else {
                    a64!(self.asm ; add W(d), W(l), W(X17));
                }
            }
        }
    }

    fn logical(&mut self, op: IntBinOp, w64: bool, d: u8, l: u8, rhs: Operand) {
        use IntBinOp::*;
        match self.rhs(w64, rhs, |v| logical_imm(w64, v)) {
            Rhs::Imm(v) => {
                let (v64, v32) = (v as u64, v as u32);
                match (op, w64) {
                    (And, true) => a64!(self.asm ; and XSP(d), X(l), #v64),
                    (And, false) => a64!(self.asm ; and WSP(d), W(l), #v32),
                    (Or, true) => a64!(self.asm ; orr XSP(d), X(l), #v64),
                    (Or, false) => a64!(self.asm ; orr WSP(d), W(l), #v32),
                    (_, true) => a64!(self.asm ; eor XSP(d), X(l), #v64),
                    (_, false) => a64!(self.asm ; eor WSP(d), W(l), #v32),
                }
            }
            Rhs::Reg(r) => match (op, w64) {
                (And, true) => a64!(self.asm ; and X(d), X(l), X(r)),
                (And, false) => a64!(self.asm ; and W(d), W(l), W(r)),
                (Or, true) => a64!(self.asm ; orr X(d), X(l), X(r)),
                (Or, false) => a64!(self.asm ; orr W(d), W(l), W(r)),
                (_, true) => a64!(self.asm ; eor X(d), X(l), X(r)),
                (_, false) => a64!(self.asm ; eor W(d), W(l), W(r)),
            },
        }
    }

    fn shift(&mut self, op: IntBinOp, w64: bool, d: u8, l: u8, rhs: Operand) {
        use IntBinOp::*;
        let bits: u32 = if w64 { 64 } else { 32 };
        if let Operand::Imm(v) = rhs {
            let k = (v as u32) & (bits - 1);
            // A rotate left by k is a rotate right by the complement.
            let (op, k) = match op {
                Rotl => (Rotr, (bits - k) & (bits - 1)),
                _ => (op, k),
            };
            match (op, w64) {
                (Shl, true) => a64!(self.asm ; lsl X(d), X(l), #k),
                (Shl, false) => a64!(self.asm ; lsl W(d), W(l), #k),
                (ShrS, true) => a64!(self.asm ; asr X(d), X(l), #k),
                (ShrS, false) => a64!(self.asm ; asr W(d), W(l), #k),
                (ShrU, true) => a64!(self.asm ; lsr X(d), X(l), #k),
                (ShrU, false) => a64!(self.asm ; lsr W(d), W(l), #k),
                (_, true) => a64!(self.asm ; ror X(d), X(l), #k),
                (_, false) => a64!(self.asm ; ror W(d), W(l), #k),
            }
            return;
        }
        let mut r = self.rhs_reg(w64, rhs);
        let op = if op == Rotl {
            // The hardware takes the amount modulo the width, so negating
            // it turns rotate-right into rotate-left.
            a64!(self.asm ; neg W(X17), W(r));
            r = X17;
            Rotr
        } else {
            op
        };
        match (op, w64) {
            (Shl, true) => a64!(self.asm ; lsl X(d), X(l), X(r)),
            (Shl, false) => a64!(self.asm ; lsl W(d), W(l), W(r)),
            (ShrS, true) => a64!(self.asm ; asr X(d), X(l), X(r)),
            (ShrS, false) => a64!(self.asm ; asr W(d), W(l), W(r)),
            (ShrU, true) => a64!(self.asm ; lsr X(d), X(l), X(r)),
            (ShrU, false) => a64!(self.asm ; lsr W(d), W(l), W(r)),
            (_, true) => a64!(self.asm ; ror X(d), X(l), X(r)),
            (_, false) => a64!(self.asm ; ror W(d), W(l), W(r)),
        }
    }

    /// Division and remainder with wasm's traps as explicit checks. A
    /// constant divisor needs only the checks it can fail.
    fn divide(&mut self, op: IntBinOp, w64: bool, d: u8, l: u8, rhs: Operand) {
        use IntBinOp::*;
        let constant = match rhs {
            Operand::Imm(v) => Some(if w64 { v } else { v as i32 as i64 }),
            _ => None,
        };
        let r = self.rhs_reg(w64, rhs);
        if constant.is_none_or(|v| v == 0) {
            let zero = self.trap_label(TrapCode::IntegerDivideByZero);
            let c = if w64 {
                Cond::Zero64(r)
            } else {
                Cond::Zero32(r)
            };
            self.branch(c, zero);
        }
        if op == DivS && constant.is_none_or(|v| v == -1) {
            // rhs == -1 ? (l - 1 overflows, i.e. l == MIN) : no overflow.
            let overflow = self.trap_label(TrapCode::IntegerOverflow);
            if w64 {
                a64!(self.asm
                    ; cmn XSP(r), #1
                    ; ccmp X(l), #1, #0, eq
                );
            } else {
                a64!(self.asm
                    ; cmn WSP(r), #1
                    ; ccmp W(l), #1, #0, eq
                );
            }
            self.branch(Cond::Vs, overflow);
        }
        match (op, w64) {
            (DivS, true) => a64!(self.asm ; sdiv X(d), X(l), X(r)),
            (DivS, false) => a64!(self.asm ; sdiv W(d), W(l), W(r)),
            (DivU, true) => a64!(self.asm ; udiv X(d), X(l), X(r)),
            (DivU, false) => a64!(self.asm ; udiv W(d), W(l), W(r)),
            (RemS, true) => a64!(self.asm
                ; sdiv X(X16), X(l), X(r)
                ; msub X(d), X(X16), X(r), X(l)
            ),
            (RemS, false) => a64!(self.asm
                ; sdiv W(X16), W(l), W(r)
                ; msub W(d), W(X16), W(r), W(l)
            ),
            (RemU, true) => a64!(self.asm
                ; udiv X(X16), X(l), X(r)
                ; msub X(d), X(X16), X(r), X(l)
            ),
            (RemU, false) => a64!(self.asm
                ; udiv W(X16), W(l), W(r)
                ; msub W(d), W(X16), W(r), W(l)
            ),
            _ => unreachable!("not a division: {op:?}"),
        }
    }

    pub(super) fn emit_int_unop(&mut self, op: IntUnOp, w64: bool, d: u8, s: u8) {
        match (op, w64) {
            (IntUnOp::Clz, true) => a64!(self.asm ; clz X(d), X(s)),
            (IntUnOp::Clz, false) => a64!(self.asm ; clz W(d), W(s)),
            (IntUnOp::Ctz, true) => a64!(self.asm
                ; rbit X(d), X(s)
                ; clz X(d), X(d)
            ),
            (IntUnOp::Ctz, false) => a64!(self.asm
                ; rbit W(d), W(s)
                ; clz W(d), W(d)
            ),
            (IntUnOp::Popcnt, _) => {
                if w64 {
                    a64!(self.asm ; fmov D(V31), X(s));
                } else {
                    a64!(self.asm ; fmov S(V31), W(s));
                }
                a64!(self.asm
                    ; cnt V(V31).B8, V(V31).B8
                    ; addv B(V31), V(V31).B8
                    ; fmov W(d), S(V31)
                );
            }
            (IntUnOp::Eqz, true) => {
                a64!(self.asm ; cmp XSP(s), #0);
                self.set_if(Cond::Eq, d);
            }
            (IntUnOp::Eqz, false) => {
                a64!(self.asm ; cmp WSP(s), #0);
                self.set_if(Cond::Eq, d);
            }
        }
    }

    pub(super) fn emit_int_cmp(&mut self, cmp: IntCmp, w64: bool, d: u8, l: u8, rhs: Operand) {
        self.compare(w64, l, rhs);
        self.set_if(int_cond(cmp), d);
    }

    /// `cmp l, rhs`, with the immediate forms `cmp`/`cmn` where they fit.
    pub(super) fn compare(&mut self, w64: bool, l: u8, rhs: Operand) {
        match self.rhs(w64, rhs, |v| (-4095..4096).contains(&v)) {
            Rhs::Imm(v) if v >= 0 => {
                let v = v as u32;
                if w64 {
                    a64!(self.asm ; cmp XSP(l), #v);
                } else {
                    a64!(self.asm ; cmp WSP(l), #v);
                }
            }
            Rhs::Imm(v) => {
                let v = (-v) as u32;
                if w64 {
                    a64!(self.asm ; cmn XSP(l), #v);
                } else {
                    a64!(self.asm ; cmn WSP(l), #v);
                }
            }
            Rhs::Reg(r) => {
                if w64 {
                    a64!(self.asm ; cmp X(l), X(r));
                } else {
                    a64!(self.asm ; cmp W(l), W(r));
                }
            }
        }
    }
}

/// The flags condition of an integer comparison after `cmp lhs, rhs`.
pub(super) fn int_cond(cmp: IntCmp) -> Cond {
    match cmp {
        IntCmp::Eq => Cond::Eq,
        IntCmp::Ne => Cond::Ne,
        IntCmp::LtS => Cond::Lt,
        IntCmp::LtU => Cond::Lo,
        IntCmp::GtS => Cond::Gt,
        IntCmp::GtU => Cond::Hi,
        IntCmp::LeS => Cond::Le,
        IntCmp::LeU => Cond::Ls,
        IntCmp::GeS => Cond::Ge,
        IntCmp::GeU => Cond::Hs,
    }
}

/// How `add`/`sub` can encode `v`: `(imm12, shifted by 12, use sub)`.
fn add_imm12(v: i64) -> Option<(u32, bool, bool)> {
    if v == i64::MIN {
        return None;
    }
    let (m, negative) = (v.unsigned_abs(), v < 0);
    if m < 4096 {
        Some((m as u32, false, negative))
    } else if m & 0xfff == 0 && m < (1 << 24) {
        Some(((m >> 12) as u32, true, negative))
    } else {
        None
    }
}
