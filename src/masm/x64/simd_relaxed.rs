//! Relaxed SIMD's fast forms on x86-64: the instruction (or few) the
//! relaxed operators were designed around, used unless the engine asked
//! for deterministic results (`CodegenOptions::relaxed_simd_deterministic`).
//! The deterministic forms are the non-relaxed lowerings in `simd` and
//! `simd_unop`; what each form returns is listed per operator in
//! `masm::simd`, and every choice made here is one the relaxed-SIMD
//! specification allows, fixed for the engine (it depends only on the
//! options and the CPU features, never on register assignment).
//!
//! * `relaxed_swizzle`: `pshufb` alone (an index with the top bit set gives
//!   0, any other index is taken modulo 16).
//! * `relaxed_trunc_f32x4_s`, `relaxed_trunc_f64x2_s_zero`: `cvttps2dq`,
//!   `cvttpd2dq` alone (0x80000000 for NaN and out-of-range lanes). The
//!   unsigned forms have no instruction before AVX-512: they keep the
//!   saturating lowering, which is also an allowed result.
//! * `relaxed_min`/`relaxed_max`: `minps`/`maxps` (`pd`) alone, `lhs` as the
//!   destination: `lhs < rhs ? lhs : rhs`, so a NaN or a pair of zeros
//!   gives `rhs`.
//! * `relaxed_q15mulr_s`: `pmulhrsw` alone (`0x8000 * 0x8000` gives 0x8000).
//! * `relaxed_dot_i8x16_i7x16_s`: `pmaddubsw` with the 7-bit operand (the
//!   second) as its unsigned one, pair sums saturated to i16; the `_add`
//!   form then adds pairs of those with `pmaddwd` against words of 1, and
//!   `c` with `paddd`.
//! * `relaxed_madd`/`relaxed_nmadd`: fused (`vfmadd213ps`, `vfnmadd213ps`,
//!   `pd`) when the CPU has FMA; otherwise the unfused deterministic form.
//! * `relaxed_laneselect` (i8x16, i32x4, i64x2): `vpblendvb`,
//!   `vblendvps`, `vblendvpd` when the CPU has AVX: each lane is picked by
//!   the top bit of its mask lane. The SSE4.1 `pblendvb` would do the same
//!   without AVX, but its mask must be in xmm0, an allocatable register
//!   that may hold a live value; without AVX the deterministic `bitselect`
//!   form is kept. i16x8 keeps `bitselect` always: there is no 16-bit
//!   blend, and `pblendvb` looks at the top bit of each *byte*, which the
//!   specification's formal semantics does not allow.
//!
//! The FMA and blend instructions are encoded by hand (`simd::vex`):
//! dynasm's tables give the packed-double FMA forms VEX.W0, which encodes
//! the packed-single ones.

use dynasmrt::{dynasm, DynasmApi};

use super::simd::{rev, two, Vex, MAP_0F38, MAP_0F3A};
use super::{X64Masm, XMM15};
use crate::masm::simd::{Shape, VecBinOp, VecTernaryOp, VecUnOp};
use crate::masm::CpuFeature;

impl X64Masm {
    /// Emit the fast form of a relaxed binary operator and return `true`;
    /// `false` (nothing emitted) for the deterministic lowering.
    pub(super) fn relaxed_binop_fast(
        &mut self,
        op: VecBinOp,
        shape: Shape,
        d: u8,
        l: u8,
        r: u8,
    ) -> bool {
        use VecBinOp::*;
        if self.relaxed_deterministic {
            return false;
        }
        let f64x2 = shape == Shape::F64x2;
        match op {
            RelaxedSwizzle => two!(self, pshufb / vpshufb, d, l, r),
            RelaxedQ15Mulr => two!(self, pmulhrsw / vpmulhrsw, d, l, r),
            RelaxedMin if f64x2 => two!(self, minpd / vminpd, d, l, r),
            RelaxedMin => two!(self, minps / vminps, d, l, r),
            RelaxedMax if f64x2 => two!(self, maxpd / vmaxpd, d, l, r),
            RelaxedMax => two!(self, maxps / vmaxps, d, l, r),
            // pmaddubsw's destination holds the unsigned bytes.
            RelaxedDot => rev!(self, pmaddubsw / vpmaddubsw, d, l, r),
            _ => return false,
        }
        true
    }

    /// [`Self::relaxed_binop_fast`] for one-operand operators.
    pub(super) fn relaxed_unop_fast(&mut self, op: VecUnOp, d: u8, s: u8) -> bool {
        if self.relaxed_deterministic {
            return false;
        }
        match op {
            VecUnOp::RelaxedTruncS => dynasm!(self.asm ; cvttps2dq Rx(d), Rx(s)),
            // Also zeroes the upper two lanes.
            VecUnOp::RelaxedTruncZeroS => dynasm!(self.asm ; cvttpd2dq Rx(d), Rx(s)),
            _ => return false,
        }
        true
    }

    /// [`Self::relaxed_binop_fast`] for three-operand operators.
    pub(super) fn relaxed_ternary_fast(
        &mut self,
        op: VecTernaryOp,
        shape: Shape,
        d: u8,
        a: u8,
        b: u8,
        c: u8,
    ) -> bool {
        use VecTernaryOp::*;
        if self.relaxed_deterministic {
            return false;
        }
        let fma = self.features.contains(CpuFeature::Fma);
        let avx = self.features.contains(CpuFeature::Avx);
        // VEX.W selects the double-precision FMA forms.
        let w = shape == Shape::F64x2;
        match (op, shape) {
            // The 213 forms compute `dst = src1 * dst + src2`: with `a` in
            // `dst` that is `a*b + c` (`-(a*b) + c` for fnmadd), rounded
            // once. `dst` is never `b` or `c`, so the copy clobbers neither.
            (RelaxedMadd, _) if fma => {
                self.mov_float(d, a);
                self.vex(Vex::p66(MAP_0F38, w, 0xA8), d, b, c, None);
            }
            (RelaxedNmadd, _) if fma => {
                self.mov_float(d, a);
                self.vex(Vex::p66(MAP_0F38, w, 0xAC), d, b, c, None);
            }
            // `dst = mask ? src2 : src1` per lane, by the mask's top bit:
            // src1 = b, src2 = a, mask = c. Non-destructive, so any
            // aliasing is fine.
            (RelaxedLaneselect, Shape::I8x16) if avx => {
                self.vex(Vex::p66(MAP_0F3A, false, 0x4C), d, b, a, Some(c << 4))
            }
            (RelaxedLaneselect, Shape::I32x4) if avx => {
                self.vex(Vex::p66(MAP_0F3A, false, 0x4A), d, b, a, Some(c << 4))
            }
            (RelaxedLaneselect, Shape::I64x2) if avx => {
                self.vex(Vex::p66(MAP_0F3A, false, 0x4B), d, b, a, Some(c << 4))
            }
            // Pair sums of `a` (signed) times `b` (unsigned), saturated to
            // i16, then pairs of those summed exactly into i32 lanes by
            // `pmaddwd` with words of 1. `a` is dead after the first step,
            // so `dst` (which may be `a`, never `b` or `c`) is built next.
            (RelaxedDotAdd, _) => dynasm!(self.asm
                ; movaps Rx(XMM15), Rx(b)
                ; pmaddubsw Rx(XMM15), Rx(a)
                ; pcmpeqw Rx(d), Rx(d)
                ; psrlw Rx(d), 15
                ; pmaddwd Rx(d), Rx(XMM15)
                ; paddd Rx(d), Rx(c)
            ),
            _ => return false,
        }
        true
    }
}
