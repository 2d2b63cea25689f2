//! Scalar float arithmetic and comparisons on SSE registers (SSE4.1 for
//! the rounding instructions).
//!
//! Most wasm float operators are one SSE instruction. The exceptions are
//! where IEEE-754 or wasm disagree with the hardware:
//!
//! * `minss`/`maxss` return the *second* operand when either is NaN or
//!   both are zero, so they are neither NaN-propagating nor sign-aware.
//!   Wasm wants NaN in, NaN out, and `min(-0, +0) = -0`; the lowering
//!   branches on `ucomiss` to handle those cases.
//! * `abs`, `neg` and `copysign` are pure sign-bit operations in wasm (NaN
//!   payloads pass through untouched), so they are bit masks, never
//!   arithmetic. The masks are built in-register (`pcmpeqd` makes all ones,
//!   then a shift) to avoid a constant pool.
//! * Comparisons: `ucomiss` reports "unordered" (a NaN operand) by setting
//!   ZF, PF and CF together, so `==` must also check PF, and `<`/`<=` are
//!   computed as swapped `>`/`>=` (which are false when CF is set).

use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};

use super::{X64Masm, XMM14, XMM15};
use crate::masm::{FloatBinOp, FloatCmp, FloatUnOp};

/// Emit the single- or double-precision spelling of an SSE instruction.
macro_rules! sse {
    ($s:ident, $w:expr, $ss:ident / $sd:ident, $($ops:tt)*) => {
        if $w {
            dynasm!($s.asm ; $sd $($ops)*)
        } else {
            dynasm!($s.asm ; $ss $($ops)*)
        }
    };
}
pub(super) use sse;

impl X64Masm {
    /// `dst = src` between float registers.
    pub(super) fn mov_float(&mut self, dst: u8, src: u8) {
        if dst != src {
            dynasm!(self.asm ; movaps Rx(dst), Rx(src));
        }
    }

    pub(super) fn emit_float_binop(&mut self, op: FloatBinOp, w: bool, d: u8, lhs: u8, rhs: u8) {
        use FloatBinOp::*;
        if op == Copysign {
            return self.emit_copysign(w, d, lhs, rhs);
        }
        self.mov_float(d, lhs);
        match op {
            Add => sse!(self, w, addss / addsd, Rx(d), Rx(rhs)),
            Sub => sse!(self, w, subss / subsd, Rx(d), Rx(rhs)),
            Mul => sse!(self, w, mulss / mulsd, Rx(d), Rx(rhs)),
            Div => sse!(self, w, divss / divsd, Rx(d), Rx(rhs)),
            Min | Max => {
                sse!(self, w, ucomiss / ucomisd, Rx(d), Rx(rhs));
                dynasm!(self.asm ; jp BYTE >nan ; jne BYTE >ordinary);
                // Equal operands: only ±0 can differ, and for those
                // min = OR of the bits (-0 wins), max = AND (+0 wins).
                if op == Min {
                    dynasm!(self.asm ; orps Rx(d), Rx(rhs));
                } else {
                    dynasm!(self.asm ; andps Rx(d), Rx(rhs));
                }
                dynasm!(self.asm ; jmp BYTE >done ; nan:);
                // Any NaN operand: an add propagates it (quieted).
                sse!(self, w, addss / addsd, Rx(d), Rx(rhs));
                dynasm!(self.asm ; jmp BYTE >done ; ordinary:);
                if op == Min {
                    sse!(self, w, minss / minsd, Rx(d), Rx(rhs));
                } else {
                    sse!(self, w, maxss / maxsd, Rx(d), Rx(rhs));
                }
                dynasm!(self.asm ; done:);
            }
            Copysign => unreachable!(),
        }
    }

    /// xmm15 = a mask of just the sign bit (per lane of the given width).
    fn sign_mask(&mut self, w: bool) {
        dynasm!(self.asm ; pcmpeqd Rx(XMM15), Rx(XMM15));
        if w {
            dynasm!(self.asm ; psllq Rx(XMM15), 63);
        } else {
            dynasm!(self.asm ; pslld Rx(XMM15), 31);
        }
    }

    /// `dst = (lhs & !SIGN) | (rhs & SIGN)`, computed in the scratch
    /// registers because `dst` may alias `lhs`.
    fn emit_copysign(&mut self, w: bool, d: u8, lhs: u8, rhs: u8) {
        self.sign_mask(w);
        dynasm!(self.asm
            ; movaps Rx(XMM14), Rx(XMM15)
            ; andps Rx(XMM14), Rx(rhs)
            ; andnps Rx(XMM15), Rx(lhs)
            ; orps Rx(XMM15), Rx(XMM14)
            ; movaps Rx(d), Rx(XMM15)
        );
    }

    pub(super) fn emit_float_unop(&mut self, op: FloatUnOp, w: bool, d: u8, src: u8) {
        use FloatUnOp::*;
        // roundss/roundsd immediate: the rounding mode in bits 0-1.
        let mode = match op {
            Nearest => 0,
            Floor => 1,
            Ceil => 2,
            Trunc => 3,
            Abs => {
                // All ones shifted right by one: every bit but the sign.
                dynasm!(self.asm ; pcmpeqd Rx(XMM15), Rx(XMM15));
                if w {
                    dynasm!(self.asm ; psrlq Rx(XMM15), 1);
                } else {
                    dynasm!(self.asm ; psrld Rx(XMM15), 1);
                }
                self.mov_float(d, src);
                dynasm!(self.asm ; andps Rx(d), Rx(XMM15));
                return;
            }
            Neg => {
                self.sign_mask(w);
                self.mov_float(d, src);
                dynasm!(self.asm ; xorps Rx(d), Rx(XMM15));
                return;
            }
            Sqrt => {
                sse!(self, w, sqrtss / sqrtsd, Rx(d), Rx(src));
                return;
            }
        };
        sse!(self, w, roundss / roundsd, Rx(d), Rx(src), mode);
    }

    pub(super) fn emit_float_cmp(&mut self, cmp: FloatCmp, w: bool, dst: u8, lhs: u8, rhs: u8) {
        use FloatCmp::*;
        // `a < b` is `b > a`: seta/setae are false on unordered (CF = 1),
        // while setb/setbe would be true.
        let (a, b) = match cmp {
            Lt | Le => (rhs, lhs),
            _ => (lhs, rhs),
        };
        sse!(self, w, ucomiss / ucomisd, Rx(a), Rx(b));
        match cmp {
            Eq => dynasm!(self.asm ; sete al ; setnp cl ; and al, cl),
            Ne => dynasm!(self.asm ; setne al ; setp cl ; or al, cl),
            Gt | Lt => dynasm!(self.asm ; seta al),
            Ge | Le => dynasm!(self.asm ; setae al),
        }
        dynasm!(self.asm ; movzx Rd(dst), al);
    }
}
