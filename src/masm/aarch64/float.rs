//! Floating-point arithmetic and comparisons.
//!
//! A64's scalar floating point matches wasm closely, which is why this file
//! is short:
//!
//! * `fmin`/`fmax` return NaN when either operand is NaN and order -0
//!   below +0: exactly wasm's `min`/`max`, with no fix-up sequence (x64
//!   needs one).
//! * `frintp`/`frintm`/`frintz`/`frintn` are `ceil`/`floor`/`trunc`/
//!   `nearest` (ties to even) in one instruction each.
//! * `fabs`/`fneg` only touch the sign bit, so NaN payloads pass through
//!   unchanged, as wasm requires. Linux runs with FPCR.DN clear, so
//!   arithmetic propagates (quietened) input NaNs: "arithmetic NaNs".
//! * `copysign` has no instruction; `bit` (bitwise insert if true) copies
//!   the sign bit from the second operand under a sign-bit mask.
//!
//! After `fcmp`, an unordered result sets C and V, so the conditions below
//! are false for NaN operands except `ne`, as wasm wants.

use dynasmrt::DynasmApi;

use super::{a64, A64Masm, Cond, V31};
use crate::masm::{FloatBinOp, FloatCmp, FloatUnOp};

impl A64Masm {
    pub(super) fn emit_float_binop(&mut self, op: FloatBinOp, w64: bool, d: u8, l: u8, r: u8) {
        use FloatBinOp::*;
        match (op, w64) {
            (Add, true) => a64!(self.asm ; fadd D(d), D(l), D(r)),
            (Add, false) => a64!(self.asm ; fadd S(d), S(l), S(r)),
            (Sub, true) => a64!(self.asm ; fsub D(d), D(l), D(r)),
            (Sub, false) => a64!(self.asm ; fsub S(d), S(l), S(r)),
            (Mul, true) => a64!(self.asm ; fmul D(d), D(l), D(r)),
            (Mul, false) => a64!(self.asm ; fmul S(d), S(l), S(r)),
            (Div, true) => a64!(self.asm ; fdiv D(d), D(l), D(r)),
            (Div, false) => a64!(self.asm ; fdiv S(d), S(l), S(r)),
            (Min, true) => a64!(self.asm ; fmin D(d), D(l), D(r)),
            (Min, false) => a64!(self.asm ; fmin S(d), S(l), S(r)),
            (Max, true) => a64!(self.asm ; fmax D(d), D(l), D(r)),
            (Max, false) => a64!(self.asm ; fmax S(d), S(l), S(r)),
            (Copysign, _) => {
                // v31 = the sign-bit mask of the width: -0.0 per lane.
                if w64 {
                    a64!(self.asm
                        ; movi V(V31).D2, #0
                        ; fneg V(V31).D2, V(V31).D2
                    );
                } else {
                    a64!(self.asm ; movi V(V31).S4, #0x80, lsl #24);
                }
                // d = l, then insert r's sign bit (d never equals r).
                if d != l {
                    a64!(self.asm ; fmov D(d), D(l));
                }
                a64!(self.asm ; bit V(d).B8, V(r).B8, V(V31).B8);
            }
        }
    }

    pub(super) fn emit_float_unop(&mut self, op: FloatUnOp, w64: bool, d: u8, s: u8) {
        use FloatUnOp::*;
        match (op, w64) {
            (Abs, true) => a64!(self.asm ; fabs D(d), D(s)),
            (Abs, false) => a64!(self.asm ; fabs S(d), S(s)),
            (Neg, true) => a64!(self.asm ; fneg D(d), D(s)),
            (Neg, false) => a64!(self.asm ; fneg S(d), S(s)),
            (Sqrt, true) => a64!(self.asm ; fsqrt D(d), D(s)),
            (Sqrt, false) => a64!(self.asm ; fsqrt S(d), S(s)),
            (Ceil, true) => a64!(self.asm ; frintp D(d), D(s)),
            (Ceil, false) => a64!(self.asm ; frintp S(d), S(s)),
            (Floor, true) => a64!(self.asm ; frintm D(d), D(s)),
            (Floor, false) => a64!(self.asm ; frintm S(d), S(s)),
            (Trunc, true) => a64!(self.asm ; frintz D(d), D(s)),
            (Trunc, false) => a64!(self.asm ; frintz S(d), S(s)),
            (Nearest, true) => a64!(self.asm ; frintn D(d), D(s)),
            (Nearest, false) => a64!(self.asm ; frintn S(d), S(s)),
        }
    }

    pub(super) fn emit_float_cmp(&mut self, cmp: FloatCmp, w64: bool, d: u8, l: u8, r: u8) {
        if w64 {
            a64!(self.asm ; fcmp D(l), D(r));
        } else {
            a64!(self.asm ; fcmp S(l), S(r));
        }
        let cond = match cmp {
            FloatCmp::Eq => Cond::Eq,
            FloatCmp::Ne => Cond::Ne,
            // N is set only for an ordered "less than".
            FloatCmp::Lt => Cond::Mi,
            FloatCmp::Gt => Cond::Gt,
            FloatCmp::Le => Cond::Ls,
            FloatCmp::Ge => Cond::Ge,
        };
        self.set_if(cond, d);
    }
}
