//! 128-bit SIMD on A64: the [`VectorAssembler`] half of the seam.
//!
//! Advanced SIMD (NEON) is part of the base A64 ISA, so there is no feature
//! detection and no fallback path; wasm's SIMD was designed with it in
//! mind, and most operators are one instruction. This file owns the trait
//! impl and the lane-wise arithmetic (`vec_binop`, `vec_unop`,
//! `vec_ternary`); `simd_lanes` owns whole-vector reshaping (splat, lane
//! access, shuffle, shifts, reductions) and `simd_memory` the partial loads
//! and lane stores.
//!
//! Where NEON already has wasm's semantics:
//!
//! * `fmin`/`fmax` propagate NaN and order -0 below +0 (wasm's `min`/`max`);
//!   `fabs`/`fneg` touch only the sign bit (NaN payloads survive);
//!   `frintp`/`frintm`/`frintz`/`frintn` are ceil/floor/trunc/nearest.
//! * `fcvtzs`/`fcvtzu` saturate and map NaN to 0: exactly `trunc_sat`.
//! * `tbl` yields 0 for an index past the table: exactly `swizzle`.
//! * `sqrdmulh` on 16-bit lanes is `sat((2ab + 2^15) >> 16)`, which is
//!   `q15mulr_sat_s`'s `sat((ab + 2^14) >> 15)`.
//! * `sqxtn`/`sqxtun` (and their `2` forms writing the upper half) are the
//!   saturating narrows; `sshll`/`ushll #0` the extends; `smull`/`umull`
//!   (`2` for the high half) the extending multiplies; `saddlp`/`uaddlp`
//!   the pairwise extending adds.
//!
//! What needs more than one instruction: `ne` comparisons (compare, then
//! `not`), i64x2 multiplication (no 64-bit lane multiply: through the
//! integer registers), pmin/pmax (a compare and a bit insert), the dot
//! products, the `_zero` conversions from f64x2 (convert to 64-bit lanes,
//! then narrow). v31 is the one vector scratch register (see `mod.rs`);
//! every lowering here gets by with it and x15-x17.
//!
//! Relaxed SIMD: NEON's own instructions already have the deterministic
//! semantics for every relaxed operator (`tbl`, `fcvtzs`, `fmin`,
//! `sqrdmulh`, `bif`), and they are also the fastest forms, so the two
//! modes (`masm::simd`) differ only for `relaxed_madd`/`relaxed_nmadd`:
//! `fmla`/`fmls`, fused, in the fast mode; `fmul` then `fadd`/`fsub` in
//! the deterministic one. With DotProd, `sdot` computes the relaxed
//! `dot_add` in one instruction with the deterministic bits, in both modes.
//!
//! Aliasing: `dst` may equal the first source, never another one, so a
//! sequence may write `dst` once the first source is consumed, and must
//! keep reading the others from their own registers.

use dynasmrt::DynasmApi;

use super::{a64, A64Masm, V31, X15, X16, X17};
use crate::masm::simd::{
    Shape, VecBinOp, VecLoadKind, VecShiftOp, VecTernaryOp, VecTest, VecUnOp, VectorAssembler,
};
use crate::masm::{CpuFeature, FloatCmp, IntCmp, Operand, Reg};

/// `$op Vd.T, Vn.T, Vm.T` (or `$op Vd.T, Vn.T` without `$r`) with the
/// arrangement `T` of the shape, for the shapes listed. The compiler only
/// asks for (operator, shape) pairs wasm defines, so any other shape is a
/// bug in the caller.
macro_rules! vlanes {
    ($s:ident, $op:ident, $shape:expr, [$($sh:ident => $t:ident),+], $d:expr, $n:expr, $m:expr) => {
        match $shape {
            $(Shape::$sh => a64!($s.asm ; $op V($d).$t, V($n).$t, V($m).$t),)+
            #[allow(unreachable_patterns)]
            other => unreachable!("{} has no {other:?} form", stringify!($op)),
        }
    };
    ($s:ident, $op:ident, $shape:expr, [$($sh:ident => $t:ident),+], $d:expr, $n:expr) => {
        match $shape {
            $(Shape::$sh => a64!($s.asm ; $op V($d).$t, V($n).$t),)+
            #[allow(unreachable_patterns)]
            other => unreachable!("{} has no {other:?} form", stringify!($op)),
        }
    };
}
pub(super) use vlanes;

/// [`vlanes`] over every integer shape.
macro_rules! int_lanes {
    ($s:ident, $op:ident, $shape:expr, $($r:expr),+) => {
        vlanes!($s, $op, $shape, [I8x16 => B16, I16x8 => H8, I32x4 => S4, I64x2 => D2], $($r),+)
    };
}
/// [`vlanes`] over the 8-, 16- and 32-bit integer shapes.
macro_rules! bhs_lanes {
    ($s:ident, $op:ident, $shape:expr, $($r:expr),+) => {
        vlanes!($s, $op, $shape, [I8x16 => B16, I16x8 => H8, I32x4 => S4], $($r),+)
    };
}
/// [`vlanes`] over the 8- and 16-bit integer shapes.
macro_rules! bh_lanes {
    ($s:ident, $op:ident, $shape:expr, $($r:expr),+) => {
        vlanes!($s, $op, $shape, [I8x16 => B16, I16x8 => H8], $($r),+)
    };
}
/// [`vlanes`] over the float shapes.
macro_rules! fp_lanes {
    ($s:ident, $op:ident, $shape:expr, $($r:expr),+) => {
        vlanes!($s, $op, $shape, [F32x4 => S4, F64x2 => D2], $($r),+)
    };
}

/// The widening operators' three arrangements, by *result* shape:
/// `$op Vd.<wide>, Vn.<narrow half>[, Vm.<narrow half>]`. `low` takes
/// the low half (8B/4H/2S), `high` the `2` form reading the high half.
macro_rules! widen {
    ($s:ident, $op:ident, $shape:expr, $d:expr, $n:expr, $m:expr, low) => {
        match $shape {
            Shape::I16x8 => a64!($s.asm ; $op V($d).H8, V($n).B8, V($m).B8),
            Shape::I32x4 => a64!($s.asm ; $op V($d).S4, V($n).H4, V($m).H4),
            Shape::I64x2 => a64!($s.asm ; $op V($d).D2, V($n).S2, V($m).S2),
            other => unreachable!("{} has no {other:?} form", stringify!($op)),
        }
    };
    ($s:ident, $op:ident, $shape:expr, $d:expr, $n:expr, $m:expr, high) => {
        match $shape {
            Shape::I16x8 => a64!($s.asm ; $op V($d).H8, V($n).B16, V($m).B16),
            Shape::I32x4 => a64!($s.asm ; $op V($d).S4, V($n).H8, V($m).H8),
            Shape::I64x2 => a64!($s.asm ; $op V($d).D2, V($n).S4, V($m).S4),
            other => unreachable!("{} has no {other:?} form", stringify!($op)),
        }
    };
    // The shift-left-long forms (`sshll`/`ushll #0` are sxtl/uxtl).
    ($s:ident, $op:ident, $shape:expr, $d:expr, $n:expr, shift low) => {
        match $shape {
            Shape::I16x8 => a64!($s.asm ; $op V($d).H8, V($n).B8, #0),
            Shape::I32x4 => a64!($s.asm ; $op V($d).S4, V($n).H4, #0),
            Shape::I64x2 => a64!($s.asm ; $op V($d).D2, V($n).S2, #0),
            other => unreachable!("{} has no {other:?} form", stringify!($op)),
        }
    };
    ($s:ident, $op:ident, $shape:expr, $d:expr, $n:expr, shift high) => {
        match $shape {
            Shape::I16x8 => a64!($s.asm ; $op V($d).H8, V($n).B16, #0),
            Shape::I32x4 => a64!($s.asm ; $op V($d).S4, V($n).H8, #0),
            Shape::I64x2 => a64!($s.asm ; $op V($d).D2, V($n).S4, #0),
            other => unreachable!("{} has no {other:?} form", stringify!($op)),
        }
    };
}

impl VectorAssembler for A64Masm {
    fn vec_binop(&mut self, op: VecBinOp, shape: Shape, dst: Reg, lhs: Reg, rhs: Reg) {
        self.guard(64);
        self.emit_vec_binop(op, shape, dst.hw, lhs.hw, rhs.hw);
    }

    fn vec_unop(&mut self, op: VecUnOp, shape: Shape, dst: Reg, src: Reg) {
        self.guard(32);
        self.emit_vec_unop(op, shape, dst.hw, src.hw);
    }

    fn vec_ternary(&mut self, op: VecTernaryOp, shape: Shape, dst: Reg, a: Reg, b: Reg, c: Reg) {
        self.guard(32);
        self.emit_vec_ternary(op, shape, dst.hw, a.hw, b.hw, c.hw);
    }

    fn vec_shift(&mut self, op: VecShiftOp, shape: Shape, dst: Reg, src: Reg, count: Operand) {
        self.guard(48);
        self.emit_vec_shift(op, shape, dst.hw, src.hw, count);
    }

    fn vec_test(&mut self, op: VecTest, shape: Shape, dst: Reg, src: Reg) {
        self.guard(32);
        self.emit_vec_test(op, shape, dst.hw, src.hw);
    }

    fn vec_splat(&mut self, shape: Shape, dst: Reg, src: Reg) {
        self.guard(4);
        self.emit_vec_splat(shape, dst.hw, src.hw);
    }

    fn vec_extract_lane(&mut self, shape: Shape, signed: bool, lane: u8, dst: Reg, src: Reg) {
        self.guard(4);
        self.emit_vec_extract_lane(shape, signed, lane, dst.hw, src.hw);
    }

    fn vec_replace_lane(&mut self, shape: Shape, lane: u8, dst: Reg, src: Reg) {
        self.guard(4);
        self.emit_vec_replace_lane(shape, lane, dst.hw, src.hw);
    }

    fn vec_shuffle(&mut self, lanes: [u8; 16], dst: Reg, lhs: Reg, rhs: Reg) {
        self.guard(64);
        self.emit_vec_shuffle(lanes, dst.hw, lhs.hw, rhs.hw);
    }

    fn vec_load(&mut self, kind: VecLoadKind, dst: Reg, addr: Operand, offset: u32) {
        self.guard(40);
        self.emit_vec_load(kind, dst.hw, addr, offset);
    }

    fn vec_load_lane(&mut self, shape: Shape, lane: u8, dst: Reg, addr: Operand, offset: u32) {
        self.guard(40);
        self.emit_vec_load_lane(shape, lane, dst.hw, addr, offset);
    }

    fn vec_store_lane(&mut self, shape: Shape, lane: u8, src: Reg, addr: Operand, offset: u32) {
        self.guard(40);
        self.emit_vec_store_lane(shape, lane, src.hw, addr, offset);
    }
}

/// `bits` as a NEON "modified immediate" (`movi`, `mvni`, `fmov` with a
/// vector register and an 8-bit immediate, 128 bits wide): `(op, cmode,
/// imm8)` of the encoding, if one of them produces it.
fn modified_imm(bits: u128) -> Option<(u32, u32, u32)> {
    let lo = bits as u64;
    if (bits >> 64) as u64 != lo {
        return None;
    }
    // 64-bit lanes: every byte 0x00 or 0xff (`movi .2d`), or an f64 with
    // a short mantissa and exponent (`fmov .2d`).
    let bytes = lo.to_le_bytes();
    if bytes.iter().all(|&b| b == 0 || b == 0xFF) {
        let imm8 = (0..8).fold(0, |m, i| m | (u32::from(bytes[i] & 1) << i));
        return Some((1, 0b1110, imm8));
    }
    if let Some(imm8) = fp_imm8(lo, 64) {
        return Some((1, 0b1111, imm8));
    }
    if lo as u32 != (lo >> 32) as u32 {
        return None;
    }
    // 32-bit lanes: one nonzero byte (`movi .4s, #imm8, lsl #8k`), the
    // same with ones shifted in (`msl #8`, `#16`), each inverted (`mvni`),
    // or an f32 immediate (`fmov .4s`).
    let v = lo as u32;
    if let Some(imm8) = fp_imm8(u64::from(v), 32) {
        return Some((0, 0b1111, imm8));
    }
    for (op, x) in [(0, v), (1, !v)] {
        for k in 0..4 {
            if x & !(0xFF << (8 * k)) == 0 {
                return Some((op, k << 1, x >> (8 * k)));
            }
        }
        if x & 0xFF == 0xFF && x >> 16 == 0 {
            return Some((op, 0b1100, x >> 8));
        }
        if x & 0xFFFF == 0xFFFF && x >> 24 == 0 {
            return Some((op, 0b1101, x >> 16));
        }
    }
    // 16-bit lanes: one nonzero byte (`movi .8h`), inverted (`mvni .8h`);
    // 8-bit lanes: any byte (`movi .16b`).
    if v as u16 != (v >> 16) as u16 {
        return None;
    }
    let h = v & 0xFFFF;
    if h & 0xFF == h >> 8 {
        return Some((0, 0b1110, h & 0xFF));
    }
    for (op, x) in [(0, h), (1, !h & 0xFFFF)] {
        for k in 0..2 {
            if x & !(0xFF << (8 * k)) == 0 {
                return Some((op, 0b1000 | (k << 1), x >> (8 * k)));
            }
        }
    }
    None
}

/// The 8-bit float immediate `abcdefgh` of `fmov` for the `width`-bit
/// float `v`, if it has one: `a` the sign, exponent `!b` then `b` repeated
/// (5 times for f32, 8 for f64) then `cd`, fraction `efgh` then zeros.
fn fp_imm8(v: u64, width: u32) -> Option<u32> {
    let (reps, frac) = if width == 32 { (5, 19) } else { (8, 48) };
    let b = (v >> (frac + 6 + reps - 1)) & 1;
    let rep_bits = (v >> (frac + 6)) & ((1 << reps) - 1);
    let not_b = (v >> (frac + 6 + reps)) & 1;
    let ok = v & ((1 << frac) - 1) == 0
        && rep_bits == if b == 1 { (1 << reps) - 1 } else { 0 }
        && not_b != b
        && (width == 64 || v >> width == 0);
    let a = (v >> (width - 1)) & 1;
    ok.then_some(((a << 7) | (b << 6) | ((v >> frac) & 0x3F)) as u32)
}

impl A64Masm {
    /// `d` = the 128-bit constant `bits` (clobbers the integer register
    /// `x`), without a constant pool: one `movi`/`mvni`/`fmov` where an
    /// 8-bit immediate expands to it (zeros, ones, any repeated byte,
    /// sign and magnitude masks, small float constants...); a repeated
    /// 16-, 32- or 64-bit lane as one `dup` from `x`; else each half
    /// through `x` (a zero upper half is free). At most 10 instructions.
    pub(super) fn vec_bits(&mut self, d: u8, bits: u128, x: u8) {
        let (lo, hi) = (bits as u64, (bits >> 64) as u64);
        if let Some((op, cmode, imm8)) = modified_imm(bits) {
            // 0 Q=1 op 0111100000 abc cmode o2=0 1 defgh Rd.
            let insn = 0x4F00_0400
                | (op << 29)
                | ((imm8 >> 5) << 16)
                | (cmode << 12)
                | ((imm8 & 0x1F) << 5)
                | u32::from(d);
            self.asm.push_u32(insn);
        } else if lo == hi && lo as u32 == (lo >> 32) as u32 {
            let v = lo as u32;
            if v & 0xFFFF == v >> 16 {
                self.load_imm(false, x, i64::from(v & 0xFFFF));
                a64!(self.asm ; dup V(d).H8, W(x));
            } else {
                self.load_imm(false, x, i64::from(v));
                a64!(self.asm ; dup V(d).S4, W(x));
            }
        } else if lo == hi {
            self.load_imm(true, x, lo as i64);
            a64!(self.asm ; dup V(d).D2, X(x));
        } else {
            if lo == 0 {
                a64!(self.asm ; movi V(d).D2, #0);
            } else {
                // `fmov d, x` clears the upper half.
                self.load_imm(true, x, lo as i64);
                a64!(self.asm ; fmov D(d), X(x));
            }
            if hi != 0 {
                self.load_imm(true, x, hi as i64);
                a64!(self.asm ; mov V(d).D[1], X(x));
            }
        }
    }

    /// `dst = lhs op rhs` (`dst` may be `lhs`, never `rhs`).
    fn emit_vec_binop(&mut self, op: VecBinOp, shape: Shape, d: u8, l: u8, r: u8) {
        use VecBinOp::*;
        match op {
            And => a64!(self.asm ; and V(d).B16, V(l).B16, V(r).B16),
            AndNot => a64!(self.asm ; bic V(d).B16, V(l).B16, V(r).B16),
            Or => a64!(self.asm ; orr V(d).B16, V(l).B16, V(r).B16),
            Xor => a64!(self.asm ; eor V(d).B16, V(l).B16, V(r).B16),
            Add if shape.is_float() => fp_lanes!(self, fadd, shape, d, l, r),
            Add => int_lanes!(self, add, shape, d, l, r),
            Sub if shape.is_float() => fp_lanes!(self, fsub, shape, d, l, r),
            Sub => int_lanes!(self, sub, shape, d, l, r),
            Mul if shape.is_float() => fp_lanes!(self, fmul, shape, d, l, r),
            Mul if shape == Shape::I64x2 => self.mul_i64x2(d, l, r),
            Mul => bhs_lanes!(self, mul, shape, d, l, r),
            AddSatS => bh_lanes!(self, sqadd, shape, d, l, r),
            AddSatU => bh_lanes!(self, uqadd, shape, d, l, r),
            SubSatS => bh_lanes!(self, sqsub, shape, d, l, r),
            SubSatU => bh_lanes!(self, uqsub, shape, d, l, r),
            MinS => bhs_lanes!(self, smin, shape, d, l, r),
            MinU => bhs_lanes!(self, umin, shape, d, l, r),
            MaxS => bhs_lanes!(self, smax, shape, d, l, r),
            MaxU => bhs_lanes!(self, umax, shape, d, l, r),
            AvgrU => bh_lanes!(self, urhadd, shape, d, l, r),
            Q15MulrSatS | RelaxedQ15Mulr => a64!(self.asm ; sqrdmulh V(d).H8, V(l).H8, V(r).H8),
            Div => fp_lanes!(self, fdiv, shape, d, l, r),
            Min | RelaxedMin => fp_lanes!(self, fmin, shape, d, l, r),
            Max | RelaxedMax => fp_lanes!(self, fmax, shape, d, l, r),
            // pmin = r < l ? r : l and pmax = l < r ? r : l: the mask of the
            // lanes that take `r` (false for NaN), then insert those lanes
            // of `r` into a copy of `l`.
            PMin | PMax => {
                if op == PMin {
                    fp_lanes!(self, fcmgt, shape, V31, l, r);
                } else {
                    fp_lanes!(self, fcmgt, shape, V31, r, l);
                }
                self.vec_move(d, l);
                a64!(self.asm ; bit V(d).B16, V(r).B16, V(V31).B16);
            }
            IntCmp(cmp) => self.vec_int_cmp(cmp, shape, d, l, r),
            FloatCmp(cmp) => self.vec_float_cmp(cmp, shape, d, l, r),
            // `lhs` to the low half (which also clears the high half), then
            // `rhs` to the high half: `dst` is written after `lhs` is read.
            NarrowS | NarrowU => {
                let signed = op == NarrowS;
                match (shape, signed) {
                    (Shape::I8x16, true) => a64!(self.asm
                        ; sqxtn V(d).B8, V(l).H8
                        ; sqxtn2 V(d).B16, V(r).H8
                    ),
                    (Shape::I8x16, false) => a64!(self.asm
                        ; sqxtun V(d).B8, V(l).H8
                        ; sqxtun2 V(d).B16, V(r).H8
                    ),
                    (Shape::I16x8, true) => a64!(self.asm
                        ; sqxtn V(d).H4, V(l).S4
                        ; sqxtn2 V(d).H8, V(r).S4
                    ),
                    (Shape::I16x8, false) => a64!(self.asm
                        ; sqxtun V(d).H4, V(l).S4
                        ; sqxtun2 V(d).H8, V(r).S4
                    ),
                    (other, _) => unreachable!("narrow has no {other:?} form"),
                }
            }
            ExtMulLowS => widen!(self, smull, shape, d, l, r, low),
            ExtMulHighS => widen!(self, smull2, shape, d, l, r, high),
            ExtMulLowU => widen!(self, umull, shape, d, l, r, low),
            ExtMulHighU => widen!(self, umull2, shape, d, l, r, high),
            // Products of the low halves to v31 and of the high halves to
            // `dst`; `addp` adds adjacent pairs of v31:dst, so the low
            // products' sums land in the low lanes.
            Dot => a64!(self.asm
                ; smull V(V31).S4, V(l).H4, V(r).H4
                ; smull2 V(d).S4, V(l).H8, V(r).H8
                ; addp V(d).S4, V(V31).S4, V(d).S4
            ),
            RelaxedDot => a64!(self.asm
                ; smull V(V31).H8, V(l).B8, V(r).B8
                ; smull2 V(d).H8, V(l).B16, V(r).B16
                ; addp V(d).H8, V(V31).H8, V(d).H8
            ),
            Swizzle | RelaxedSwizzle => a64!(self.asm ; tbl V(d).B16, {V(l).B16 * 1}, V(r).B16),
        }
    }

    /// i64x2 multiplication: NEON has no 64-bit lane multiply, so each lane
    /// goes through x15-x17; both sources are read before `dst` is written.
    fn mul_i64x2(&mut self, d: u8, l: u8, r: u8) {
        a64!(self.asm
            ; umov X(X15), V(l).D[0]
            ; umov X(X16), V(r).D[0]
            ; mul X(X15), X(X15), X(X16)
            ; umov X(X16), V(l).D[1]
            ; umov X(X17), V(r).D[1]
            ; mul X(X16), X(X16), X(X17)
            ; ins V(d).D[0], X(X15)
            ; ins V(d).D[1], X(X16)
        );
    }

    /// Copy a whole vector register (nothing when it is already there).
    pub(super) fn vec_move(&mut self, d: u8, s: u8) {
        if d != s {
            a64!(self.asm ; mov V(d).B16, V(s).B16);
        }
    }

    /// Integer lane comparisons: NEON has `eq`, signed `gt`/`ge` and
    /// unsigned `hi`/`hs`; `lt`/`le` swap the operands and `ne` inverts
    /// `eq`.
    fn vec_int_cmp(&mut self, cmp: IntCmp, shape: Shape, d: u8, l: u8, r: u8) {
        match cmp {
            IntCmp::Eq => int_lanes!(self, cmeq, shape, d, l, r),
            IntCmp::Ne => {
                int_lanes!(self, cmeq, shape, d, l, r);
                a64!(self.asm ; not V(d).B16, V(d).B16);
            }
            IntCmp::GtS => int_lanes!(self, cmgt, shape, d, l, r),
            IntCmp::LtS => int_lanes!(self, cmgt, shape, d, r, l),
            IntCmp::GeS => int_lanes!(self, cmge, shape, d, l, r),
            IntCmp::LeS => int_lanes!(self, cmge, shape, d, r, l),
            IntCmp::GtU => int_lanes!(self, cmhi, shape, d, l, r),
            IntCmp::LtU => int_lanes!(self, cmhi, shape, d, r, l),
            IntCmp::GeU => int_lanes!(self, cmhs, shape, d, l, r),
            IntCmp::LeU => int_lanes!(self, cmhs, shape, d, r, l),
        }
    }

    /// Float lane comparisons: every NEON compare is false for NaN, and so
    /// is every wasm one except `ne`, which inverts `eq`.
    fn vec_float_cmp(&mut self, cmp: FloatCmp, shape: Shape, d: u8, l: u8, r: u8) {
        match cmp {
            FloatCmp::Eq => fp_lanes!(self, fcmeq, shape, d, l, r),
            FloatCmp::Ne => {
                fp_lanes!(self, fcmeq, shape, d, l, r);
                a64!(self.asm ; not V(d).B16, V(d).B16);
            }
            FloatCmp::Gt => fp_lanes!(self, fcmgt, shape, d, l, r),
            FloatCmp::Lt => fp_lanes!(self, fcmgt, shape, d, r, l),
            FloatCmp::Ge => fp_lanes!(self, fcmge, shape, d, l, r),
            FloatCmp::Le => fp_lanes!(self, fcmge, shape, d, r, l),
        }
    }

    /// `dst = op src`. The shape is the result's.
    fn emit_vec_unop(&mut self, op: VecUnOp, shape: Shape, d: u8, s: u8) {
        use VecUnOp::*;
        match op {
            Not => a64!(self.asm ; not V(d).B16, V(s).B16),
            Abs if shape.is_float() => fp_lanes!(self, fabs, shape, d, s),
            Abs => int_lanes!(self, abs, shape, d, s),
            Neg if shape.is_float() => fp_lanes!(self, fneg, shape, d, s),
            Neg => int_lanes!(self, neg, shape, d, s),
            Popcnt => a64!(self.asm ; cnt V(d).B16, V(s).B16),
            Sqrt => fp_lanes!(self, fsqrt, shape, d, s),
            Ceil => fp_lanes!(self, frintp, shape, d, s),
            Floor => fp_lanes!(self, frintm, shape, d, s),
            Trunc => fp_lanes!(self, frintz, shape, d, s),
            Nearest => fp_lanes!(self, frintn, shape, d, s),
            ExtendLowS => widen!(self, sshll, shape, d, s, shift low),
            ExtendHighS => widen!(self, sshll2, shape, d, s, shift high),
            ExtendLowU => widen!(self, ushll, shape, d, s, shift low),
            ExtendHighU => widen!(self, ushll2, shape, d, s, shift high),
            ExtAddPairwiseS => match shape {
                Shape::I16x8 => a64!(self.asm ; saddlp V(d).H8, V(s).B16),
                Shape::I32x4 => a64!(self.asm ; saddlp V(d).S4, V(s).H8),
                other => unreachable!("extadd_pairwise has no {other:?} form"),
            },
            ExtAddPairwiseU => match shape {
                Shape::I16x8 => a64!(self.asm ; uaddlp V(d).H8, V(s).B16),
                Shape::I32x4 => a64!(self.asm ; uaddlp V(d).S4, V(s).H8),
                other => unreachable!("extadd_pairwise has no {other:?} form"),
            },
            ConvertS => a64!(self.asm ; scvtf V(d).S4, V(s).S4),
            ConvertU => a64!(self.asm ; ucvtf V(d).S4, V(s).S4),
            // Widen the low two lanes to 64 bits, then convert: every i32
            // and u32 is exact in f64.
            ConvertLowS => a64!(self.asm
                ; sshll V(d).D2, V(s).S2, #0
                ; scvtf V(d).D2, V(d).D2
            ),
            ConvertLowU => a64!(self.asm
                ; ushll V(d).D2, V(s).S2, #0
                ; ucvtf V(d).D2, V(d).D2
            ),
            TruncSatS | RelaxedTruncS => a64!(self.asm ; fcvtzs V(d).S4, V(s).S4),
            TruncSatU | RelaxedTruncU => a64!(self.asm ; fcvtzu V(d).S4, V(s).S4),
            // Saturate to 64 bits, then narrow with saturation to 32: the
            // two saturations compose to the 32-bit one. Writing the 2S
            // half clears the upper lanes.
            TruncSatZeroS | RelaxedTruncZeroS => a64!(self.asm
                ; fcvtzs V(V31).D2, V(s).D2
                ; sqxtn V(d).S2, V(V31).D2
            ),
            TruncSatZeroU | RelaxedTruncZeroU => a64!(self.asm
                ; fcvtzu V(V31).D2, V(s).D2
                ; uqxtn V(d).S2, V(V31).D2
            ),
            DemoteZero => a64!(self.asm ; fcvtn V(d).S2, V(s).D2),
            PromoteLow => a64!(self.asm ; fcvtl V(d).D2, V(s).S2),
        }
    }

    /// `dst = op(a, b, c)` (`dst` may be `a`, never `b` or `c`).
    fn emit_vec_ternary(&mut self, op: VecTernaryOp, shape: Shape, d: u8, a: u8, b: u8, c: u8) {
        use VecTernaryOp::*;
        match op {
            // `bif` inserts `b`'s bits where the mask `c` is clear into a
            // copy of `a`.
            Bitselect | RelaxedLaneselect => {
                self.vec_move(d, a);
                a64!(self.asm ; bif V(d).B16, V(b).B16, V(c).B16);
            }
            // The fast form: fused. `fmla`/`fmls` accumulate into their
            // destination, so `c` goes there first; when `dst` is `a`, which
            // is still to be read, the sum is built in v31. (`dst` is never
            // `b` or `c`.)
            RelaxedMadd | RelaxedNmadd if !self.relaxed_deterministic => {
                let acc = if d == a { V31 } else { d };
                self.vec_move(acc, c);
                if op == RelaxedMadd {
                    fp_lanes!(self, fmla, shape, acc, a, b);
                } else {
                    fp_lanes!(self, fmls, shape, acc, a, b);
                }
                self.vec_move(d, acc);
            }
            // Deterministic: unfused, the product rounded first.
            RelaxedMadd => {
                fp_lanes!(self, fmul, shape, V31, a, b);
                fp_lanes!(self, fadd, shape, d, V31, c);
            }
            RelaxedNmadd => {
                fp_lanes!(self, fmul, shape, V31, a, b);
                fp_lanes!(self, fsub, shape, d, c, V31);
            }
            // DotProd's `sdot` adds the four signed byte products of each
            // i32 lane, exactly, to its destination: the same bits as the
            // sequence below, in both modes.
            RelaxedDotAdd if self.features.contains(CpuFeature::DotProd) => {
                let acc = if d == a { V31 } else { d };
                self.vec_move(acc, c);
                a64!(self.asm ; sdot V(acc).S4, V(a).B16, V(b).B16);
                self.vec_move(d, acc);
            }
            // The 16 signed products fit i16 exactly; `saddlp` sums pairs
            // into i32 lanes without losing a bit (a pair can reach 2^15,
            // one past i16), `addp` the pairs of pairs, and `c` comes last.
            RelaxedDotAdd => a64!(self.asm
                ; smull V(V31).H8, V(a).B8, V(b).B8
                ; smull2 V(d).H8, V(a).B16, V(b).B16
                ; saddlp V(V31).S4, V(V31).H8
                ; saddlp V(d).S4, V(d).H8
                ; addp V(d).S4, V(V31).S4, V(d).S4
                ; add V(d).S4, V(d).S4, V(c).S4
            ),
        }
    }
}
