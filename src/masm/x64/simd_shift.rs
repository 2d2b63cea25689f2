//! Vector shifts by a scalar count on SSE registers.
//!
//! Wasm takes the count modulo the lane width, while SSE's shifts saturate
//! a count of the lane width or more (to zero, or to all sign bits), so the
//! count is masked first: at compile time for a constant, with an `and` on
//! its way into an xmm register otherwise. Two shapes have no instruction:
//!
//! * i8x16: there are no byte shifts, so bytes are shifted as words and
//!   the bits that crossed into a neighbour masked off (`shl`, `shr_u`), or
//!   doubled into words, shifted, and packed back (`shr_s`).
//! * i64x2 `shr_s`: there is no `psraq` before AVX-512; a logical shift
//!   followed by `(x ^ m) - m` with `m = 0x8000... >> n` sign-extends.

use dynasmrt::{dynasm, DynasmApi};

use super::simd::{by_width, two};
use super::{X64Masm, XMM14, XMM15};
use crate::masm::simd::{Shape, VecShiftOp};
use crate::masm::Operand;

impl X64Masm {
    /// Shifts. The count is taken modulo the lane width here: SSE's own
    /// shifts saturate a large count instead of wrapping it.
    pub(super) fn emit_vec_shift(
        &mut self,
        op: VecShiftOp,
        shape: Shape,
        d: u8,
        s: u8,
        count: Operand,
    ) {
        let bits = u32::from(shape.lane_bytes()) * 8;
        let count = match count {
            Operand::Imm(n) => Count::Imm((n as u32 & (bits - 1)) as u8),
            Operand::Reg(r) => Count::Reg(r.hw),
            Operand::Frame(_) => unreachable!("vector shift counts are Reg or Imm"),
        };
        if shape == Shape::I8x16 {
            return self.i8x16_shift(op, d, s, count);
        }
        if op == VecShiftOp::ShrS && shape == Shape::I64x2 {
            return self.i64x2_shr_s(d, s, count);
        }
        match count {
            Count::Imm(0) => self.mov_float(d, s),
            Count::Imm(n) if self.avx() => {
                let n = n as i8;
                match op {
                    VecShiftOp::Shl => {
                        by_width!(self, shape, [- vpsllw vpslld vpsllq], Rx(d), Rx(s), n)
                    }
                    VecShiftOp::ShrU => {
                        by_width!(self, shape, [- vpsrlw vpsrld vpsrlq], Rx(d), Rx(s), n)
                    }
                    VecShiftOp::ShrS => {
                        by_width!(self, shape, [- vpsraw vpsrad -], Rx(d), Rx(s), n)
                    }
                }
            }
            Count::Imm(n) => {
                self.mov_float(d, s);
                let n = n as i8;
                match op {
                    VecShiftOp::Shl => by_width!(self, shape, [- psllw pslld psllq], Rx(d), n),
                    VecShiftOp::ShrU => by_width!(self, shape, [- psrlw psrld psrlq], Rx(d), n),
                    VecShiftOp::ShrS => by_width!(self, shape, [- psraw psrad -], Rx(d), n),
                }
            }
            Count::Reg(r) if self.avx() => {
                self.masked_count(XMM15, r, bits - 1);
                let c = XMM15;
                match op {
                    VecShiftOp::Shl => {
                        by_width!(self, shape, [- vpsllw vpslld vpsllq], Rx(d), Rx(s), Rx(c))
                    }
                    VecShiftOp::ShrU => {
                        by_width!(self, shape, [- vpsrlw vpsrld vpsrlq], Rx(d), Rx(s), Rx(c))
                    }
                    VecShiftOp::ShrS => {
                        by_width!(self, shape, [- vpsraw vpsrad -], Rx(d), Rx(s), Rx(c))
                    }
                }
            }
            Count::Reg(r) => {
                self.masked_count(XMM15, r, bits - 1);
                self.mov_float(d, s);
                let c = XMM15;
                match op {
                    VecShiftOp::Shl => by_width!(self, shape, [- psllw pslld psllq], Rx(d), Rx(c)),
                    VecShiftOp::ShrU => {
                        by_width!(self, shape, [- psrlw psrld psrlq], Rx(d), Rx(c))
                    }
                    VecShiftOp::ShrS => by_width!(self, shape, [- psraw psrad -], Rx(d), Rx(c)),
                }
            }
        }
    }

    /// `x` (an xmm) = the count in the integer register `r` masked with
    /// `mask`, as SSE's shift-by-register reads it (the low 64 bits).
    /// Clobbers rcx, which keeps the masked count.
    fn masked_count(&mut self, x: u8, r: u8, mask: u32) {
        let mask = mask as i32;
        dynasm!(self.asm ; mov ecx, Rd(r));
        dynasm_imm!(self, mask ; and ecx, mask);
        dynasm!(self.asm ; movd Rx(x), ecx);
    }

    /// i8x16 shifts through 16-bit ones (see the module comment).
    fn i8x16_shift(&mut self, op: VecShiftOp, d: u8, s: u8, count: Count) {
        match (op, count) {
            (_, Count::Imm(0)) => self.mov_float(d, s),
            // x << 1 is x + x, and needs no mask.
            (VecShiftOp::Shl, Count::Imm(1)) => two!(self, paddb / vpaddb, d, s, s),
            (VecShiftOp::Shl | VecShiftOp::ShrU, Count::Imm(n)) => {
                let byte = if op == VecShiftOp::Shl {
                    0xFFu32 << n & 0xFF
                } else {
                    0xFF >> n
                };
                self.splat32_const(XMM14, byte * 0x0101_0101);
                let n = n as i8;
                match (op == VecShiftOp::Shl, self.avx()) {
                    (true, true) => dynasm!(self.asm ; vpsllw Rx(d), Rx(s), n),
                    (false, true) => dynasm!(self.asm ; vpsrlw Rx(d), Rx(s), n),
                    (true, false) => {
                        self.mov_float(d, s);
                        dynasm!(self.asm ; psllw Rx(d), n);
                    }
                    (false, false) => {
                        self.mov_float(d, s);
                        dynasm!(self.asm ; psrlw Rx(d), n);
                    }
                }
                dynasm!(self.asm ; pand Rx(d), Rx(XMM14));
            }
            (VecShiftOp::Shl | VecShiftOp::ShrU, Count::Reg(r)) => {
                // The mask byte `0xff << n` (or `>> n`) is computed in edx
                // and broadcast to every byte.
                self.masked_count(XMM15, r, 7);
                dynasm!(self.asm ; mov edx, 0xFF);
                if op == VecShiftOp::Shl {
                    dynasm!(self.asm ; shl edx, cl ; movzx edx, dl);
                } else {
                    dynasm!(self.asm ; shr edx, cl);
                }
                dynasm!(self.asm
                    ; imul edx, edx, 0x0101_0101
                    ; movd Rx(XMM14), edx
                    ; pshufd Rx(XMM14), Rx(XMM14), 0
                );
                let c = XMM15;
                match (op == VecShiftOp::Shl, self.avx()) {
                    (true, true) => dynasm!(self.asm ; vpsllw Rx(d), Rx(s), Rx(c)),
                    (false, true) => dynasm!(self.asm ; vpsrlw Rx(d), Rx(s), Rx(c)),
                    (true, false) => {
                        self.mov_float(d, s);
                        dynasm!(self.asm ; psllw Rx(d), Rx(c));
                    }
                    (false, false) => {
                        self.mov_float(d, s);
                        dynasm!(self.asm ; psrlw Rx(d), Rx(c));
                    }
                }
                dynasm!(self.asm ; pand Rx(d), Rx(XMM14));
            }
            // Each byte doubled into a word (byte in the high half), an
            // arithmetic word shift by n + 8, and a pack: the values fit
            // a byte, so the saturating pack is exact. The high bytes go
            // to xmm14 first; then `s` is read for the last time into
            // `dst` (which may be `s`), and the pack lands in `dst`.
            (VecShiftOp::ShrS, _) => {
                if self.avx() {
                    dynasm!(self.asm
                        ; vpunpckhbw Rx(XMM14), Rx(s), Rx(s)
                        ; vpunpcklbw Rx(d), Rx(s), Rx(s)
                    );
                } else {
                    dynasm!(self.asm
                        ; movaps Rx(XMM14), Rx(s)
                        ; punpckhbw Rx(XMM14), Rx(XMM14)
                    );
                    self.mov_float(d, s);
                    dynasm!(self.asm ; punpcklbw Rx(d), Rx(d));
                }
                match count {
                    Count::Imm(n) => {
                        let n = n as i8 + 8;
                        dynasm!(self.asm ; psraw Rx(d), n ; psraw Rx(XMM14), n);
                    }
                    Count::Reg(r) => dynasm!(self.asm
                        ; mov ecx, Rd(r)
                        ; and ecx, 7
                        ; add ecx, 8
                        ; movd Rx(XMM15), ecx
                        ; psraw Rx(d), Rx(XMM15)
                        ; psraw Rx(XMM14), Rx(XMM15)
                    ),
                }
                dynasm!(self.asm ; packsswb Rx(d), Rx(XMM14));
            }
        }
    }

    /// i64x2 arithmetic shift right: logical shift, then sign-extend from
    /// the bit the sign landed on with `(x ^ m) - m`, `m = 1 << (63 - n)`.
    fn i64x2_shr_s(&mut self, d: u8, s: u8, count: Count) {
        if let Count::Imm(0) = count {
            return self.mov_float(d, s);
        }
        dynasm!(self.asm
            ; pcmpeqd Rx(XMM14), Rx(XMM14)
            ; psllq Rx(XMM14), 63
        );
        match count {
            Count::Imm(0) => unreachable!("handled above"),
            Count::Imm(n) => {
                let n = n as i8;
                dynasm!(self.asm ; psrlq Rx(XMM14), n);
                if self.avx() {
                    dynasm!(self.asm ; vpsrlq Rx(d), Rx(s), n);
                } else {
                    self.mov_float(d, s);
                    dynasm!(self.asm ; psrlq Rx(d), n);
                }
            }
            Count::Reg(r) => {
                self.masked_count(XMM15, r, 63);
                dynasm!(self.asm ; psrlq Rx(XMM14), Rx(XMM15));
                two!(self, psrlq / vpsrlq, d, s, XMM15);
            }
        }
        dynasm!(self.asm
            ; pxor Rx(d), Rx(XMM14)
            ; psubq Rx(d), Rx(XMM14)
        );
    }
}

/// A shift count: a constant already reduced modulo the lane width, or an
/// integer register.
#[derive(Copy, Clone)]
enum Count {
    Imm(u8),
    Reg(u8),
}
