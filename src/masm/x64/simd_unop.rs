//! One-operand vector operators on SSE registers: bitwise not, absolute
//! value and negation, popcount, float rounding, widening, pairwise adds,
//! and the int <-> float conversions.
//!
//! The conversions are where SSE and wasm disagree most:
//!
//! * `cvttps2dq`/`cvttpd2dq` give `0x80000000` for NaN and for anything out
//!   of range; wasm's `trunc_sat` wants 0 for NaN and the nearest bound
//!   otherwise. NaN lanes are zeroed first (a `cmpps` self-equality mask),
//!   and positive overflow is found from the sign of the input and the
//!   `0x80000000` result and flipped to `0x7fffffff`.
//! * There is no unsigned conversion before AVX-512: u32 -> f32 converts
//!   the low and high 16 bits separately (each exactly) and rounds once in
//!   the final add; u32 -> f64 builds `2^52 + x` in the bits of a double
//!   and subtracts `2^52`; f32 -> u32 converts `x` and `x - 2^31` and
//!   combines; f64 -> u32 clamps, truncates, and reads the integer back
//!   from the bits of `x + 2^52`.
//! * Float `abs`/`neg` are sign-bit masks, never arithmetic, so NaN
//!   payloads pass through.

use dynasmrt::{dynasm, DynasmApi};

use super::simd::{by_width, two};
use super::{X64Masm, XMM14, XMM15};
use crate::masm::simd::{Shape, VecUnOp};

/// 2^52 as an f64: adding it to an integer below 2^52 leaves the integer in
/// the low bits of the result.
const TWO_52: u64 = 0x4330_0000_0000_0000;
/// 2147483647.0 as an f64 (i32::MAX, exact).
const I32_MAX_F64: u64 = 0x41DF_FFFF_FFC0_0000;
/// 4294967295.0 as an f64 (u32::MAX, exact).
const U32_MAX_F64: u64 = 0x41EF_FFFF_FFE0_0000;

impl X64Masm {
    pub(super) fn emit_vec_unop(&mut self, op: VecUnOp, shape: Shape, d: u8, s: u8) {
        use Shape::*;
        use VecUnOp::*;
        if self.relaxed_unop_fast(op, d, s) {
            return;
        }
        match (op, shape) {
            (Not, _) => {
                dynasm!(self.asm ; pcmpeqd Rx(XMM15), Rx(XMM15));
                two!(self, pxor / vpxor, d, s, XMM15);
            }
            // Float sign-bit operations: all ones shifted to every bit but
            // the sign (abs), or to the sign alone (neg).
            (Abs, F32x4) => {
                dynasm!(self.asm ; pcmpeqd Rx(XMM15), Rx(XMM15) ; psrld Rx(XMM15), 1);
                two!(self, andps / vandps, d, s, XMM15);
            }
            (Abs, F64x2) => {
                dynasm!(self.asm ; pcmpeqd Rx(XMM15), Rx(XMM15) ; psrlq Rx(XMM15), 1);
                two!(self, andpd / vandpd, d, s, XMM15);
            }
            (Neg, F32x4) => {
                dynasm!(self.asm ; pcmpeqd Rx(XMM15), Rx(XMM15) ; pslld Rx(XMM15), 31);
                two!(self, xorps / vxorps, d, s, XMM15);
            }
            (Neg, F64x2) => {
                dynasm!(self.asm ; pcmpeqd Rx(XMM15), Rx(XMM15) ; psllq Rx(XMM15), 63);
                two!(self, xorpd / vxorpd, d, s, XMM15);
            }
            // No pabsq: `(x ^ m) - m` with m the sign mask (0 > x).
            (Abs, I64x2) => {
                dynasm!(self.asm
                    ; pxor Rx(XMM15), Rx(XMM15)
                    ; pcmpgtq Rx(XMM15), Rx(s)
                );
                self.mov_float(d, s);
                dynasm!(self.asm
                    ; pxor Rx(d), Rx(XMM15)
                    ; psubq Rx(d), Rx(XMM15)
                );
            }
            (Abs, _) => by_width!(self, shape, [pabsb pabsw pabsd -], Rx(d), Rx(s)),
            (Neg, _) => {
                dynasm!(self.asm ; pxor Rx(XMM15), Rx(XMM15));
                if self.avx() {
                    by_width!(self, shape, [vpsubb vpsubw vpsubd vpsubq], Rx(d), Rx(XMM15), Rx(s));
                } else {
                    by_width!(self, shape, [psubb psubw psubd psubq], Rx(XMM15), Rx(s));
                    self.mov_float(d, XMM15);
                }
            }
            (Popcnt, _) => self.i8x16_popcnt(d, s),

            (Sqrt, F32x4) => dynasm!(self.asm ; sqrtps Rx(d), Rx(s)),
            (Sqrt, _) => dynasm!(self.asm ; sqrtpd Rx(d), Rx(s)),
            // roundps/roundpd immediate: the rounding mode in bits 0-1.
            (Nearest | Floor | Ceil | Trunc, _) => {
                let mode = match op {
                    Nearest => 0,
                    Floor => 1,
                    Ceil => 2,
                    _ => 3,
                };
                if shape == F64x2 {
                    dynasm!(self.asm ; roundpd Rx(d), Rx(s), mode);
                } else {
                    dynasm!(self.asm ; roundps Rx(d), Rx(s), mode);
                }
            }

            (ExtendLowS | ExtendHighS | ExtendLowU | ExtendHighU, _) => {
                let x = if matches!(op, ExtendHighS | ExtendHighU) {
                    // The high 8 bytes moved down.
                    dynasm!(self.asm ; pshufd Rx(d), Rx(s), 0xEEu8 as i8);
                    d
                } else {
                    s
                };
                if matches!(op, ExtendLowS | ExtendHighS) {
                    by_width!(self, shape, [- pmovsxbw pmovsxwd pmovsxdq], Rx(d), Rx(x));
                } else {
                    by_width!(self, shape, [- pmovzxbw pmovzxwd pmovzxdq], Rx(d), Rx(x));
                }
            }
            // pmaddubsw multiplies unsigned bytes of its destination by
            // signed bytes of its source and adds pairs: with a vector of
            // ones on the other side it is a pairwise add (no saturation:
            // two bytes sum to at most 510 in magnitude).
            (ExtAddPairwiseS, I16x8) => {
                dynasm!(self.asm
                    ; pcmpeqb Rx(XMM15), Rx(XMM15)
                    ; pabsb Rx(XMM15), Rx(XMM15)
                );
                if self.avx() {
                    dynasm!(self.asm ; vpmaddubsw Rx(d), Rx(XMM15), Rx(s));
                } else {
                    dynasm!(self.asm ; pmaddubsw Rx(XMM15), Rx(s));
                    self.mov_float(d, XMM15);
                }
            }
            (ExtAddPairwiseU, I16x8) => {
                dynasm!(self.asm
                    ; pcmpeqb Rx(XMM15), Rx(XMM15)
                    ; pabsb Rx(XMM15), Rx(XMM15)
                );
                two!(self, pmaddubsw / vpmaddubsw, d, s, XMM15);
            }
            // pmaddwd with words of 1.
            (ExtAddPairwiseS, _) => {
                dynasm!(self.asm
                    ; pcmpeqw Rx(XMM15), Rx(XMM15)
                    ; psrlw Rx(XMM15), 15
                );
                two!(self, pmaddwd / vpmaddwd, d, s, XMM15);
            }
            // Unsigned words: flipping the sign bit subtracts 0x8000 from
            // each, so the signed pairwise add is 0x10000 short.
            (ExtAddPairwiseU, _) => {
                dynasm!(self.asm
                    ; pcmpeqw Rx(XMM15), Rx(XMM15)
                    ; psllw Rx(XMM15), 15
                );
                two!(self, pxor / vpxor, d, s, XMM15);
                dynasm!(self.asm
                    ; psrlw Rx(XMM15), 15
                    ; pmaddwd Rx(d), Rx(XMM15)
                    ; pslld Rx(XMM15), 16
                    ; paddd Rx(d), Rx(XMM15)
                );
            }

            (ConvertS, _) => dynasm!(self.asm ; cvtdq2ps Rx(d), Rx(s)),
            (ConvertU, _) => self.f32x4_convert_u(d, s),
            (ConvertLowS, _) => dynasm!(self.asm ; cvtdq2pd Rx(d), Rx(s)),
            (ConvertLowU, _) => {
                // Each u32 under the exponent bits of 2^52: the double
                // 2^52 + x, exactly.
                self.splat32_const(XMM14, (TWO_52 >> 32) as u32);
                if self.avx() {
                    dynasm!(self.asm
                        ; vunpcklps Rx(XMM15), Rx(s), Rx(XMM14)
                        ; psllq Rx(XMM14), 32
                        ; vsubpd Rx(d), Rx(XMM15), Rx(XMM14)
                    );
                } else {
                    dynasm!(self.asm
                        ; movaps Rx(XMM15), Rx(s)
                        ; unpcklps Rx(XMM15), Rx(XMM14)
                        ; psllq Rx(XMM14), 32
                        ; subpd Rx(XMM15), Rx(XMM14)
                    );
                    self.mov_float(d, XMM15);
                }
            }
            (TruncSatS | RelaxedTruncS, _) => self.i32x4_trunc_sat_f32x4_s(d, s),
            (TruncSatU | RelaxedTruncU, _) => self.i32x4_trunc_sat_f32x4_u(d, s),
            (TruncSatZeroS | RelaxedTruncZeroS, _) => {
                // Clamp above to i32::MAX (below, cvttpd2dq's 0x80000000
                // is already right); minpd returns its second operand for
                // a NaN, and the bound is zeroed in NaN lanes.
                self.splat64_const(XMM14, I32_MAX_F64);
                dynasm!(self.asm
                    ; movaps Rx(XMM15), Rx(s)
                    ; cmppd Rx(XMM15), Rx(XMM15), 0
                    ; andpd Rx(XMM15), Rx(XMM14)
                );
                self.mov_float(d, s);
                dynasm!(self.asm
                    ; minpd Rx(d), Rx(XMM15)
                    ; cvttpd2dq Rx(d), Rx(d)
                );
            }
            (TruncSatZeroU | RelaxedTruncZeroU, _) => {
                // maxpd with 0 second: NaN and negatives become 0.
                dynasm!(self.asm ; xorpd Rx(XMM15), Rx(XMM15));
                self.mov_float(d, s);
                dynasm!(self.asm ; maxpd Rx(d), Rx(XMM15));
                self.splat64_const(XMM14, U32_MAX_F64);
                dynasm!(self.asm
                    ; minpd Rx(d), Rx(XMM14)
                    ; roundpd Rx(d), Rx(d), 3
                );
                self.splat64_const(XMM14, TWO_52);
                // The low 32 bits of each double are the integer; gather
                // them into lanes 0 and 1, zeros from xmm15 above.
                dynasm!(self.asm
                    ; addpd Rx(d), Rx(XMM14)
                    ; shufps Rx(d), Rx(XMM15), 0x88u8 as i8
                );
            }
            (DemoteZero, _) => dynasm!(self.asm ; cvtpd2ps Rx(d), Rx(s)),
            (PromoteLow, _) => dynasm!(self.asm ; cvtps2pd Rx(d), Rx(s)),
        }
    }

    /// Per-byte popcount: the low and high nibbles each index a 16-entry
    /// table with `pshufb`. With AVX the table is built once, in `dst`,
    /// and read by both (non-destructive) `vpshufb`s. SSE's `pshufb`
    /// overwrites its table, and with the nibbles in both scratch
    /// registers there is no third one to keep a copy in, so the table is
    /// built twice (from rax and rcx, loaded once).
    fn i8x16_popcnt(&mut self, d: u8, s: u8) {
        const TABLE_LO: u64 = 0x0302_0201_0201_0100;
        const TABLE_HI: u64 = 0x0403_0302_0302_0201;
        self.splat32_const(XMM15, 0x0F0F_0F0F);
        if self.avx() {
            dynasm!(self.asm
                ; vpsrlw Rx(XMM14), Rx(s), 4
                ; vpand Rx(XMM14), Rx(XMM14), Rx(XMM15)
                ; vpand Rx(XMM15), Rx(XMM15), Rx(s)
                // `s` is dead: xmm14 = high nibbles, xmm15 = low nibbles.
                ; mov rax, QWORD TABLE_LO as i64
                ; mov rcx, QWORD TABLE_HI as i64
                ; movq Rx(d), rax
                ; pinsrq Rx(d), rcx, 1
                ; vpshufb Rx(XMM15), Rx(d), Rx(XMM15)
                ; vpshufb Rx(d), Rx(d), Rx(XMM14)
                ; vpaddb Rx(d), Rx(d), Rx(XMM15)
            );
            return;
        }
        dynasm!(self.asm
            ; movaps Rx(XMM14), Rx(s)
            ; psrlw Rx(XMM14), 4
            ; pand Rx(XMM14), Rx(XMM15)
            ; pand Rx(XMM15), Rx(s)
            // `s` is dead: xmm14 = high nibbles, xmm15 = low nibbles.
            ; mov rax, QWORD TABLE_LO as i64
            ; mov rcx, QWORD TABLE_HI as i64
            ; movq Rx(d), rax
            ; pinsrq Rx(d), rcx, 1
            ; pshufb Rx(d), Rx(XMM15)
            ; movq Rx(XMM15), rax
            ; pinsrq Rx(XMM15), rcx, 1
            ; pshufb Rx(XMM15), Rx(XMM14)
            ; paddb Rx(d), Rx(XMM15)
        );
    }

    /// u32x4 -> f32x4: the low 16 bits and the high 16 bits converted
    /// exactly (the high part halved to stay a positive i32, then
    /// doubled), and one rounding in the sum.
    fn f32x4_convert_u(&mut self, d: u8, s: u8) {
        dynasm!(self.asm
            ; movaps Rx(XMM15), Rx(s)
            ; pslld Rx(XMM15), 16
            ; psrld Rx(XMM15), 16
            ; movaps Rx(XMM14), Rx(s)
            ; psubd Rx(XMM14), Rx(XMM15)
            ; psrld Rx(XMM14), 1
            ; cvtdq2ps Rx(XMM14), Rx(XMM14)
            ; addps Rx(XMM14), Rx(XMM14)
            ; cvtdq2ps Rx(XMM15), Rx(XMM15)
            ; addps Rx(XMM14), Rx(XMM15)
        );
        self.mov_float(d, XMM14);
    }

    /// f32x4 -> i32x4, saturating: NaN lanes zeroed, then positive
    /// overflow (input sign clear, result 0x80000000) flipped to
    /// 0x7fffffff.
    fn i32x4_trunc_sat_f32x4_s(&mut self, d: u8, s: u8) {
        dynasm!(self.asm
            ; movaps Rx(XMM15), Rx(s)
            ; cmpps Rx(XMM15), Rx(XMM15), 0
        );
        self.mov_float(d, s);
        dynasm!(self.asm
            ; andps Rx(d), Rx(XMM15)
            // xmm15 = the complement of the input's bits (0 in NaN lanes):
            // top bit set for non-negative inputs.
            ; pxor Rx(XMM15), Rx(d)
            ; cvttps2dq Rx(d), Rx(d)
            ; pand Rx(XMM15), Rx(d)
            ; psrad Rx(XMM15), 31
            ; pxor Rx(d), Rx(XMM15)
        );
    }

    /// f32x4 -> u32x4, saturating. After clamping below at 0 (NaN too),
    /// `cvttps2dq(x)` is right below 2^31 and 0x80000000 above, and
    /// `cvttps2dq(x - 2^31)`, negative lanes cleared and overflow lanes
    /// (x >= 2^32) set to 0x7fffffff, is what to add.
    fn i32x4_trunc_sat_f32x4_u(&mut self, d: u8, s: u8) {
        dynasm!(self.asm ; xorps Rx(XMM15), Rx(XMM15));
        self.mov_float(d, s);
        dynasm!(self.asm
            ; maxps Rx(d), Rx(XMM15)
            // 0x7fffffff converted rounds to 2^31.
            ; pcmpeqd Rx(XMM15), Rx(XMM15)
            ; psrld Rx(XMM15), 1
            ; cvtdq2ps Rx(XMM15), Rx(XMM15)
            ; movaps Rx(XMM14), Rx(d)
            ; subps Rx(XMM14), Rx(XMM15)
            ; cmpps Rx(XMM15), Rx(XMM14), 2
            ; cvttps2dq Rx(XMM14), Rx(XMM14)
            ; pxor Rx(XMM14), Rx(XMM15)
            ; pxor Rx(XMM15), Rx(XMM15)
            ; pmaxsd Rx(XMM14), Rx(XMM15)
            ; cvttps2dq Rx(d), Rx(d)
            ; paddd Rx(d), Rx(XMM14)
        );
    }
}
