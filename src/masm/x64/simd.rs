//! The vector half of the seam ([`VectorAssembler`]) on SSE registers:
//! the trait impl, the helpers every vector lowering shares, and the
//! two- and three-operand lane arithmetic. Shifts live in `simd_shift`,
//! one-operand operators and conversions in `simd_unop`; lane access,
//! shuffles, reductions to a scalar and memory in `simd_lanes`; the fast
//! forms of the relaxed operators in `simd_relaxed` (the lowerings here are
//! their deterministic forms).
//!
//! Everything here runs on Flint's x86-64 floor (x86-64-v2: SSE up to
//! SSE4.2). SSE is two-operand
//! (`dst op= src`): `dst = lhs op rhs` copies `lhs` into `dst` first, which
//! is safe because the contract keeps `dst` apart from every source but the
//! first. Lowerings that need a source after `dst` is written, or that want
//! the operands the other way round, compute in `dst` when it is not a
//! source still to be read (`swapped_into`), else in the scratch registers
//! xmm14/xmm15, moving the result last.
//!
//! When the CPU has AVX (`self.avx()`), the common operators use the VEX
//! three-operand forms instead (`vpaddd dst, lhs, rhs`): no copy, either
//! operand order, and `dst` may alias any source, so the swapped and
//! scratch-register sequences above shrink to the instruction itself.
//! The `two!`, `rev!` and `lanes!` macros pick the form; longer
//! sequences (comparisons, float `min`/`max`, i64x2 `mul`) have an AVX
//! version beside the SSE one. dynasm encodes the three-operand forms with
//! an immediate (`vcmpps`) with their sources swapped, so those go through
//! [`X64Masm::vex`], which encodes VEX by hand. Only 128-bit forms are
//! used (VEX.L = 0, which zeroes the upper ymm half): the legacy SSE
//! instructions still emitted beside them (in-place masks, constants)
//! then never pay an AVX-SSE transition.
//!
//! There is no constant pool: vector constants (`v128.const` and the masks
//! the lowerings need) are built by `const128`, either from all ones
//! (`pcmpeqd`) and shifts, or from a general-purpose register (`movd`/
//! `movq`, `pinsrq`) and a broadcast.
//!
//! The operators SSE lacks, and how they are built:
//!
//! * i64x2 `mul`: three `pmuludq` 32x32->64 partial products.
//! * unsigned and non-strict integer comparisons: `pminu`/`pmaxu` (or the
//!   signed forms) and `pcmpeq` (`a <=u b` iff `minu(a, b) == a`), negated
//!   with an all-ones `pxor` for the strict forms; i64x2 has only the
//!   signed `pcmpgtq`, negated for `<=`/`>=`.
//! * float `min`/`max`: `minps` returns its second operand for a NaN or
//!   for two zeros, so both operand orders are computed and merged; the
//!   NaN lanes are then rebuilt as a quiet NaN (Cranelift's sequence).
//! * `pmin`/`pmax` are `minps`/`maxps` with the operands swapped: `minps`
//!   is exactly `b < a ? b : a` read with `b` as the destination.
//! * `q15mulr_sat_s`: `pmulhrsw` is the same rounding multiply except that
//!   `0x8000 * 0x8000` gives `0x8000`; lanes equal to `0x8000` can only
//!   come from that case and are flipped to `0x7fff`.
//! * `swizzle`: `pshufb` zeroes a lane whose index has the top bit set and
//!   otherwise uses the low four bits, so indices are first pushed up by
//!   0x70 with unsigned saturation: 0-15 become 0x70-0x7f, 16 and above
//!   become 0x80 or more.

use dynasmrt::{dynasm, DynasmApi};

use super::{X64Masm, RAX, XMM14, XMM15};
use crate::masm::simd::{
    Shape, VecBinOp, VecLoadKind, VecShiftOp, VecTernaryOp, VecTest, VecUnOp, VectorAssembler,
};
use crate::masm::{CpuFeature, FloatCmp};
use crate::masm::{IntCmp, Operand, Reg};

/// `dst = lhs op rhs` with a two-operand SSE instruction: copy `lhs` into
/// `dst` (a no-op when they are the same register), then apply `op` with
/// `rhs`. Correct because `dst` never aliases `rhs`. Written
/// `two!(s, op / vop, ...)`, it uses the VEX three-operand form `vop`
/// (`vop dst, lhs, rhs`, no copy) when the CPU has AVX.
macro_rules! two {
    ($s:ident, $op:ident / $vop:ident, $d:expr, $l:expr, $r:expr) => {{
        let (d, l, r) = ($d, $l, $r);
        if $s.avx() {
            dynasm!($s.asm ; $vop Rx(d), Rx(l), Rx(r));
        } else {
            two!($s, $op, d, l, r);
        }
    }};
    ($s:ident, $op:ident, $d:expr, $l:expr, $r:expr) => {{
        let (d, l, r) = ($d, $l, $r);
        $s.mov_float(d, l);
        dynasm!($s.asm ; $op Rx(d), Rx(r));
    }};
}

/// `dst = rhs op lhs`: the operands swapped, computed in `dst` when it is
/// not `lhs`, else in xmm15 so that `lhs` is written only at the end (see
/// `X64Masm::swapped_into`). With AVX (`rev!(s, op / vop, ...)`),
/// `vop dst, rhs, lhs`.
macro_rules! rev {
    ($s:ident, $op:ident / $vop:ident, $d:expr, $l:expr, $r:expr) => {{
        let (d, l, r) = ($d, $l, $r);
        if $s.avx() {
            dynasm!($s.asm ; $vop Rx(d), Rx(r), Rx(l));
        } else {
            rev!($s, $op, d, l, r);
        }
    }};
    ($s:ident, $op:ident, $d:expr, $l:expr, $r:expr) => {{
        let (d, l, r) = ($d, $l, $r);
        let t = $s.swapped_into(d, l, r);
        dynasm!($s.asm ; $op Rx(t), Rx(l));
        $s.mov_float(d, t);
    }};
}
pub(super) use {rev, two};

/// Pick the spelling of an instruction for the lane width of `$shape`
/// (`b`/`w`/`d`/`q`) and emit it with the given operands. A width the
/// instruction does not have is written `-`; the compiler never asks for
/// it (the operator is not defined on that shape in wasm).
macro_rules! by_width {
    ($s:ident, $shape:expr, [$b:tt $w:tt $d:tt $q:tt], $($ops:tt)*) => {
        match $shape.lane_bytes() {
            1 => by_width!(@one $s, $b, $shape, $($ops)*),
            2 => by_width!(@one $s, $w, $shape, $($ops)*),
            4 => by_width!(@one $s, $d, $shape, $($ops)*),
            _ => by_width!(@one $s, $q, $shape, $($ops)*),
        }
    };
    (@one $s:ident, -, $shape:expr, $($ops:tt)*) => {
        unreachable!("no such vector operator on {:?}", $shape)
    };
    (@one $s:ident, $op:ident, $shape:expr, $($ops:tt)*) => {
        dynasm!($s.asm ; $op $($ops)*)
    };
}
pub(super) use by_width;

/// `dst = lhs op rhs` for an operator spelled per lane width: the VEX form
/// from the second list when the CPU has AVX, else a copy and the SSE form
/// from the first (as [`two!`]).
macro_rules! lanes {
    ($s:ident, $shape:expr, [$($op:tt)*] / [$($vop:tt)*], $d:expr, $l:expr, $r:expr) => {{
        let (d, l, r) = ($d, $l, $r);
        if $s.avx() {
            by_width!($s, $shape, [$($vop)*], Rx(d), Rx(l), Rx(r));
        } else {
            $s.mov_float(d, l);
            by_width!($s, $shape, [$($op)*], Rx(d), Rx(r));
        }
    }};
}

/// VEX opcode maps (the `m-mmmm` field).
pub(super) const MAP_0F: u8 = 1;
pub(super) const MAP_0F38: u8 = 2;
pub(super) const MAP_0F3A: u8 = 3;

/// What selects a VEX instruction besides its operands.
#[derive(Copy, Clone)]
pub(super) struct Vex {
    /// Opcode map (`MAP_*`).
    pub map: u8,
    /// VEX.W (the double-precision FMA forms).
    pub w: bool,
    /// The implied 66 prefix (`pp` = 01), else none (`pp` = 00).
    pub p66: bool,
    pub opcode: u8,
}

impl Vex {
    /// An instruction with the implied 66 prefix.
    pub(super) const fn p66(map: u8, w: bool, opcode: u8) -> Vex {
        Vex {
            map,
            w,
            p66: true,
            opcode,
        }
    }
}

/// `bits` as the same 16-, 32- or 64-bit lane of all ones shifted right
/// (`left` false) or left by `k` (0 < `k` < the lane width), if it is one:
/// `(lane bits, left, k)`.
fn shifted_ones(bits: u128) -> Option<(u32, bool, u32)> {
    for lane_bits in [16u32, 32, 64] {
        let ones = u128::MAX >> (128 - lane_bits);
        let lane = bits & ones;
        let repeated = (1..128 / lane_bits).all(|i| (bits >> (i * lane_bits)) & ones == lane);
        if !repeated {
            continue;
        }
        for k in 1..lane_bits {
            if lane == ones >> k {
                return Some((lane_bits, false, k));
            }
            if lane == (ones << k) & ones {
                return Some((lane_bits, true, k));
            }
        }
    }
    None
}

impl X64Masm {
    /// Whether the VEX three-operand forms may be used (`dst = a op b`
    /// without first copying `a` into `dst`).
    pub(super) fn avx(&self) -> bool {
        self.features.contains(CpuFeature::Avx)
    }

    /// A 128-bit VEX instruction with the three-byte prefix, register
    /// operands only: `reg` in ModRM.reg, `vvvv` in VEX.vvvv, `rm` in
    /// ModRM.rm, and an optional immediate byte (a predicate, or a fourth
    /// register in its top four bits). VEX.L = 0. For the instructions
    /// dynasm encodes wrongly: its FMA tables give the packed-double forms
    /// VEX.W0, and its three-operand forms with an immediate (`vcmpps`
    /// ...) swap the two sources.
    pub(super) fn vex(&mut self, op: Vex, reg: u8, vvvv: u8, rm: u8, imm: Option<u8>) {
        // R, X and B are stored inverted; X is unused (no index register).
        let r_bit = (!reg >> 3) & 1;
        let b_bit = (!rm >> 3) & 1;
        let byte1 = (r_bit << 7) | (1 << 6) | (b_bit << 5) | op.map;
        let byte2 = (u8::from(op.w) << 7) | ((!vvvv & 0xF) << 3) | u8::from(op.p66);
        let modrm = 0xC0 | ((reg & 7) << 3) | (rm & 7);
        for byte in [0xC4, byte1, byte2, op.opcode, modrm] {
            self.asm.push(byte);
        }
        if let Some(x) = imm {
            self.asm.push(x);
        }
    }

    /// `x` = the 32-bit pattern `v` in every 32-bit lane (clobbers rax).
    pub(super) fn splat32_const(&mut self, x: u8, v: u32) {
        match v {
            0 => dynasm!(self.asm ; pxor Rx(x), Rx(x)),
            u32::MAX => dynasm!(self.asm ; pcmpeqd Rx(x), Rx(x)),
            _ => dynasm!(self.asm
                ; mov eax, v as i32
                ; movd Rx(x), eax
                ; pshufd Rx(x), Rx(x), 0
            ),
        }
    }

    /// `x` = the 64-bit pattern `v` in both 64-bit lanes (clobbers rax).
    pub(super) fn splat64_const(&mut self, x: u8, v: u64) {
        self.load_imm(true, RAX, v as i64);
        dynasm!(self.asm
            ; movq Rx(x), rax
            ; punpcklqdq Rx(x), Rx(x)
        );
    }

    /// `x` = the 128-bit constant `hi:lo` (clobbers rax), in as few
    /// instructions as this ISA allows without a constant pool: all zeros
    /// (`xorps`) and all ones (`pcmpeqd`) in one; lanes of all ones shifted
    /// (sign and magnitude masks, `0x00ff` words, `1` per lane...) in two
    /// with no immediate; a 32- or 64-bit lane repeated in three; a
    /// constant with a zero half in two or three; others in four.
    pub(super) fn const128(&mut self, x: u8, lo: u64, hi: u64) {
        let bits = (u128::from(hi) << 64) | u128::from(lo);
        if bits == 0 {
            dynasm!(self.asm ; xorps Rx(x), Rx(x));
        } else if bits == u128::MAX {
            dynasm!(self.asm ; pcmpeqd Rx(x), Rx(x));
        } else if let Some((lane_bits, left, k)) = shifted_ones(bits) {
            let k = k as i8;
            dynasm!(self.asm ; pcmpeqd Rx(x), Rx(x));
            match (lane_bits, left) {
                (16, false) => dynasm!(self.asm ; psrlw Rx(x), k),
                (16, true) => dynasm!(self.asm ; psllw Rx(x), k),
                (32, false) => dynasm!(self.asm ; psrld Rx(x), k),
                (32, true) => dynasm!(self.asm ; pslld Rx(x), k),
                (_, false) => dynasm!(self.asm ; psrlq Rx(x), k),
                (_, true) => dynasm!(self.asm ; psllq Rx(x), k),
            }
        } else if lo == hi && lo as u32 == (lo >> 32) as u32 {
            self.splat32_const(x, lo as u32);
        } else if lo == hi {
            self.splat64_const(x, lo);
        } else if hi == 0 {
            // `movq` clears the upper half.
            self.load_imm(true, RAX, lo as i64);
            dynasm!(self.asm ; movq Rx(x), rax);
        } else if lo == 0 {
            self.load_imm(true, RAX, hi as i64);
            dynasm!(self.asm ; movq Rx(x), rax ; pslldq Rx(x), 8);
        } else {
            self.load_imm(true, RAX, lo as i64);
            dynasm!(self.asm ; movq Rx(x), rax);
            self.load_imm(true, RAX, hi as i64);
            dynasm!(self.asm ; pinsrq Rx(x), rax, 1);
        }
    }

    /// `x = !x`, bitwise (uses xmm14 for the all-ones mask, so `x` must not
    /// be xmm14).
    pub(super) fn vec_not_in_place(&mut self, x: u8) {
        debug_assert_ne!(x, XMM14);
        dynasm!(self.asm
            ; pcmpeqd Rx(XMM14), Rx(XMM14)
            ; pxor Rx(x), Rx(XMM14)
        );
    }

    fn emit_vec_binop(&mut self, op: VecBinOp, shape: Shape, d: u8, l: u8, r: u8) {
        use Shape::*;
        use VecBinOp::*;
        if self.relaxed_binop_fast(op, shape, d, l, r) {
            return;
        }
        match (op, shape) {
            (And, _) => two!(self, pand / vpand, d, l, r),
            // pandn is `dst = !dst & src`: the complemented operand is the
            // destination, so rhs goes there.
            (AndNot, _) => rev!(self, pandn / vpandn, d, l, r),
            (Or, _) => two!(self, por / vpor, d, l, r),
            (Xor, _) => two!(self, pxor / vpxor, d, l, r),

            (Add, F32x4) => two!(self, addps / vaddps, d, l, r),
            (Add, F64x2) => two!(self, addpd / vaddpd, d, l, r),
            (Add, _) => lanes!(
                self, shape,
                [paddb paddw paddd paddq] / [vpaddb vpaddw vpaddd vpaddq],
                d, l, r
            ),
            (Sub, F32x4) => two!(self, subps / vsubps, d, l, r),
            (Sub, F64x2) => two!(self, subpd / vsubpd, d, l, r),
            (Sub, _) => lanes!(
                self, shape,
                [psubb psubw psubd psubq] / [vpsubb vpsubw vpsubd vpsubq],
                d, l, r
            ),
            (Mul, F32x4) => two!(self, mulps / vmulps, d, l, r),
            (Mul, F64x2) => two!(self, mulpd / vmulpd, d, l, r),
            (Mul, I64x2) => self.i64x2_mul(d, l, r),
            (Mul, _) => lanes!(self, shape, [- pmullw pmulld -] / [- vpmullw vpmulld -], d, l, r),
            (Div, F32x4) => two!(self, divps / vdivps, d, l, r),
            (Div, F64x2) => two!(self, divpd / vdivpd, d, l, r),

            (AddSatS, _) => {
                lanes!(self, shape, [paddsb paddsw - -] / [vpaddsb vpaddsw - -], d, l, r)
            }
            (AddSatU, _) => {
                lanes!(self, shape, [paddusb paddusw - -] / [vpaddusb vpaddusw - -], d, l, r)
            }
            (SubSatS, _) => {
                lanes!(self, shape, [psubsb psubsw - -] / [vpsubsb vpsubsw - -], d, l, r)
            }
            (SubSatU, _) => {
                lanes!(self, shape, [psubusb psubusw - -] / [vpsubusb vpsubusw - -], d, l, r)
            }
            (AvgrU, _) => lanes!(self, shape, [pavgb pavgw - -] / [vpavgb vpavgw - -], d, l, r),
            (MinS, _) => {
                lanes!(self, shape, [pminsb pminsw pminsd -] / [vpminsb vpminsw vpminsd -], d, l, r)
            }
            (MinU, _) => {
                lanes!(self, shape, [pminub pminuw pminud -] / [vpminub vpminuw vpminud -], d, l, r)
            }
            (MaxS, _) => {
                lanes!(self, shape, [pmaxsb pmaxsw pmaxsd -] / [vpmaxsb vpmaxsw vpmaxsd -], d, l, r)
            }
            (MaxU, _) => {
                lanes!(self, shape, [pmaxub pmaxuw pmaxud -] / [vpmaxub vpmaxuw vpmaxud -], d, l, r)
            }
            (Q15MulrSatS | RelaxedQ15Mulr, _) => {
                two!(self, pmulhrsw / vpmulhrsw, d, l, r);
                dynasm!(self.asm
                    ; pcmpeqw Rx(XMM15), Rx(XMM15)
                    ; psllw Rx(XMM15), 15
                    ; pcmpeqw Rx(XMM15), Rx(d)
                    ; pxor Rx(d), Rx(XMM15)
                );
            }

            (Min | RelaxedMin, _) => self.float_min(shape == F64x2, d, l, r),
            (Max | RelaxedMax, _) => self.float_max(shape == F64x2, d, l, r),
            (PMin, F32x4) => rev!(self, minps / vminps, d, l, r),
            (PMin, _) => rev!(self, minpd / vminpd, d, l, r),
            (PMax, F32x4) => rev!(self, maxps / vmaxps, d, l, r),
            (PMax, _) => rev!(self, maxpd / vmaxpd, d, l, r),

            (IntCmp(c), _) => self.vec_int_cmp(c, shape, d, l, r),
            (FloatCmp(c), _) => self.vec_float_cmp(c, shape == F64x2, d, l, r),

            (NarrowS, I8x16) => two!(self, packsswb / vpacksswb, d, l, r),
            (NarrowS, _) => two!(self, packssdw / vpackssdw, d, l, r),
            (NarrowU, I8x16) => two!(self, packuswb / vpackuswb, d, l, r),
            (NarrowU, _) => two!(self, packusdw / vpackusdw, d, l, r),

            (ExtMulLowS | ExtMulHighS | ExtMulLowU | ExtMulHighU, _) => {
                self.extmul(op, shape, d, l, r)
            }
            (Dot, _) => two!(self, pmaddwd / vpmaddwd, d, l, r),
            (RelaxedDot, _) => self.relaxed_dot_i16(d, l, r),

            (Swizzle | RelaxedSwizzle, _) => {
                self.splat32_const(XMM15, 0x7070_7070);
                dynasm!(self.asm ; paddusb Rx(XMM15), Rx(r));
                two!(self, pshufb / vpshufb, d, l, XMM15);
            }

            (Div, _) => unreachable!("no integer vector division"),
        }
    }

    /// i64x2 multiply (low 64 bits of each product) from 32x32->64
    /// products: `al*bl + ((ah*bl + al*bh) << 32)`.
    fn i64x2_mul(&mut self, d: u8, a: u8, b: u8) {
        if self.avx() {
            dynasm!(self.asm
                ; vpsrlq Rx(XMM15), Rx(a), 32
                ; vpmuludq Rx(XMM15), Rx(XMM15), Rx(b)
                ; vpsrlq Rx(XMM14), Rx(b), 32
                ; vpmuludq Rx(XMM14), Rx(XMM14), Rx(a)
                ; vpaddq Rx(XMM15), Rx(XMM15), Rx(XMM14)
                ; vpsllq Rx(XMM15), Rx(XMM15), 32
                ; vpmuludq Rx(d), Rx(a), Rx(b)
                ; vpaddq Rx(d), Rx(d), Rx(XMM15)
            );
            return;
        }
        dynasm!(self.asm
            ; movaps Rx(XMM15), Rx(a)
            ; psrlq Rx(XMM15), 32
            ; pmuludq Rx(XMM15), Rx(b)
            ; movaps Rx(XMM14), Rx(b)
            ; psrlq Rx(XMM14), 32
            ; pmuludq Rx(XMM14), Rx(a)
            ; paddq Rx(XMM15), Rx(XMM14)
            ; psllq Rx(XMM15), 32
        );
        two!(self, pmuludq, d, a, b);
        dynasm!(self.asm ; paddq Rx(d), Rx(XMM15));
    }

    /// Wasm `fmin` per lane: `minps` in both operand orders gives the same
    /// result unless a NaN or a pair of zeros is involved; OR-ing them
    /// makes `min(-0, +0) = -0` and keeps NaN bits. The NaN lanes are then
    /// set to all ones and their low fraction cleared: a quiet NaN.
    fn float_min(&mut self, w: bool, d: u8, a: u8, b: u8) {
        if self.avx() {
            if w {
                dynasm!(self.asm
                    ; vminpd Rx(XMM15), Rx(b), Rx(a)
                    ; vminpd Rx(XMM14), Rx(a), Rx(b)
                    ; vorpd Rx(XMM14), Rx(XMM14), Rx(XMM15)
                );
            } else {
                dynasm!(self.asm
                    ; vminps Rx(XMM15), Rx(b), Rx(a)
                    ; vminps Rx(XMM14), Rx(a), Rx(b)
                    ; vorps Rx(XMM14), Rx(XMM14), Rx(XMM15)
                );
            }
            self.vcmp(w, XMM15, XMM15, XMM14, 3);
            if w {
                dynasm!(self.asm
                    ; vorpd Rx(XMM14), Rx(XMM14), Rx(XMM15)
                    ; vpsrlq Rx(XMM15), Rx(XMM15), 13
                    ; vandnpd Rx(d), Rx(XMM15), Rx(XMM14)
                );
            } else {
                dynasm!(self.asm
                    ; vorps Rx(XMM14), Rx(XMM14), Rx(XMM15)
                    ; vpsrld Rx(XMM15), Rx(XMM15), 10
                    ; vandnps Rx(d), Rx(XMM15), Rx(XMM14)
                );
            }
            return;
        }
        // SSE: the `b, a` order in xmm15, the `a, b` order in `dst` (`a`
        // is dead once read). A NaN in `dst` is also one in the OR of the
        // two, so the NaN mask can be taken from the pair straight into
        // `dst`, where the final `andn` leaves the result.
        dynasm!(self.asm ; movaps Rx(XMM15), Rx(b));
        if w {
            dynasm!(self.asm ; minpd Rx(XMM15), Rx(a));
            self.mov_float(d, a);
            dynasm!(self.asm
                ; minpd Rx(d), Rx(b)
                ; orpd Rx(XMM15), Rx(d)
                ; cmppd Rx(d), Rx(XMM15), 3
                ; orpd Rx(XMM15), Rx(d)
                ; psrlq Rx(d), 13
                ; andnpd Rx(d), Rx(XMM15)
            );
        } else {
            dynasm!(self.asm ; minps Rx(XMM15), Rx(a));
            self.mov_float(d, a);
            dynasm!(self.asm
                ; minps Rx(d), Rx(b)
                ; orps Rx(XMM15), Rx(d)
                ; cmpps Rx(d), Rx(XMM15), 3
                ; orps Rx(XMM15), Rx(d)
                ; psrld Rx(d), 10
                ; andnps Rx(d), Rx(XMM15)
            );
        }
    }

    /// Wasm `fmax` per lane: the two operand orders of `maxps` differ only
    /// for NaNs and zeros; their XOR marks those bits. OR-ing it in makes
    /// any NaN lane a NaN, subtracting it turns `max(-0, +0)`'s `-0` into
    /// `+0` (and leaves other lanes alone: the XOR is 0 there), and the
    /// NaN lanes are cleaned up as in [`Self::float_min`].
    fn float_max(&mut self, w: bool, d: u8, a: u8, b: u8) {
        if self.avx() {
            if w {
                dynasm!(self.asm
                    ; vmaxpd Rx(XMM15), Rx(b), Rx(a)
                    ; vmaxpd Rx(XMM14), Rx(a), Rx(b)
                    ; vxorpd Rx(XMM15), Rx(XMM15), Rx(XMM14)
                    ; vorpd Rx(XMM14), Rx(XMM14), Rx(XMM15)
                    ; vsubpd Rx(XMM14), Rx(XMM14), Rx(XMM15)
                );
            } else {
                dynasm!(self.asm
                    ; vmaxps Rx(XMM15), Rx(b), Rx(a)
                    ; vmaxps Rx(XMM14), Rx(a), Rx(b)
                    ; vxorps Rx(XMM15), Rx(XMM15), Rx(XMM14)
                    ; vorps Rx(XMM14), Rx(XMM14), Rx(XMM15)
                    ; vsubps Rx(XMM14), Rx(XMM14), Rx(XMM15)
                );
            }
            self.vcmp(w, XMM15, XMM14, XMM14, 3);
            if w {
                dynasm!(self.asm
                    ; vpsrlq Rx(XMM15), Rx(XMM15), 13
                    ; vandnpd Rx(d), Rx(XMM15), Rx(XMM14)
                );
            } else {
                dynasm!(self.asm
                    ; vpsrld Rx(XMM15), Rx(XMM15), 10
                    ; vandnps Rx(d), Rx(XMM15), Rx(XMM14)
                );
            }
            return;
        }
        // SSE: as for `min`, the `a, b` order is computed in `dst`. A NaN
        // in the XOR makes the corrected value a NaN too, so the NaN mask
        // of the value comes from the pair without copying it.
        dynasm!(self.asm ; movaps Rx(XMM15), Rx(b));
        if w {
            dynasm!(self.asm ; maxpd Rx(XMM15), Rx(a));
            self.mov_float(d, a);
            dynasm!(self.asm
                ; maxpd Rx(d), Rx(b)
                ; xorpd Rx(XMM15), Rx(d)
                ; orpd Rx(d), Rx(XMM15)
                ; subpd Rx(d), Rx(XMM15)
                ; cmppd Rx(XMM15), Rx(d), 3
                ; psrlq Rx(XMM15), 13
                ; andnpd Rx(XMM15), Rx(d)
            );
        } else {
            dynasm!(self.asm ; maxps Rx(XMM15), Rx(a));
            self.mov_float(d, a);
            dynasm!(self.asm
                ; maxps Rx(d), Rx(b)
                ; xorps Rx(XMM15), Rx(d)
                ; orps Rx(d), Rx(XMM15)
                ; subps Rx(d), Rx(XMM15)
                ; cmpps Rx(XMM15), Rx(d), 3
                ; psrld Rx(XMM15), 10
                ; andnps Rx(XMM15), Rx(d)
            );
        }
        self.mov_float(d, XMM15);
    }

    /// Integer lane comparisons. SSE has only `==` and signed `>`; see the
    /// module comment for the others.
    fn vec_int_cmp(&mut self, c: IntCmp, shape: Shape, d: u8, a: u8, b: u8) {
        use IntCmp::*;
        if self.avx() {
            return self.vec_int_cmp_avx(c, shape, d, a, b);
        }
        match c {
            Eq | Ne => {
                self.mov_float(d, a);
                by_width!(self, shape, [pcmpeqb pcmpeqw pcmpeqd pcmpeqq], Rx(d), Rx(b));
                if c == Ne {
                    self.vec_not_in_place(d);
                }
            }
            GtS => {
                self.mov_float(d, a);
                by_width!(self, shape, [pcmpgtb pcmpgtw pcmpgtd pcmpgtq], Rx(d), Rx(b));
            }
            LtS => {
                let t = self.swapped_into(d, a, b);
                by_width!(self, shape, [pcmpgtb pcmpgtw pcmpgtd pcmpgtq], Rx(t), Rx(a));
                self.mov_float(d, t);
            }
            // i64x2 has no pminsq/pmaxsq: `a <= b` is `!(a > b)`. When
            // `dst` is `y` (still read by the compare), the compare goes to
            // xmm15 and the negation writes `dst` from it.
            LeS | GeS if shape == Shape::I64x2 => {
                let (x, y) = if c == LeS { (a, b) } else { (b, a) };
                if d == y {
                    dynasm!(self.asm
                        ; movaps Rx(XMM15), Rx(x)
                        ; pcmpgtq Rx(XMM15), Rx(y)
                        ; pcmpeqd Rx(d), Rx(d)
                        ; pxor Rx(d), Rx(XMM15)
                    );
                } else {
                    self.mov_float(d, x);
                    dynasm!(self.asm ; pcmpgtq Rx(d), Rx(y));
                    self.vec_not_in_place(d);
                }
            }
            // `a >= b` iff `max(a, b) == a`, `a <= b` iff `min(a, b) == a`;
            // `a > b` (unsigned) is `!(a <= b)`, `a < b` is `!(a >= b)`.
            LeS | GeS | LeU | GeU | GtU | LtU => {
                let t = self.swapped_into(d, a, b);
                match c {
                    GeS => by_width!(self, shape, [pmaxsb pmaxsw pmaxsd -], Rx(t), Rx(a)),
                    LeS => by_width!(self, shape, [pminsb pminsw pminsd -], Rx(t), Rx(a)),
                    GeU | LtU => by_width!(self, shape, [pmaxub pmaxuw pmaxud -], Rx(t), Rx(a)),
                    _ => by_width!(self, shape, [pminub pminuw pminud -], Rx(t), Rx(a)),
                }
                // The compare is symmetric: it lands in `dst` either way.
                let other = if t == d { a } else { t };
                by_width!(self, shape, [pcmpeqb pcmpeqw pcmpeqd -], Rx(d), Rx(other));
                if matches!(c, GtU | LtU) {
                    self.vec_not_in_place(d);
                }
            }
        }
    }

    /// A copy of `b` to compute `b op a` in with a two-operand
    /// instruction: `dst` itself when that is not `a` (`dst` is never `b`),
    /// else xmm15, to be moved to `dst` afterwards.
    pub(super) fn swapped_into(&mut self, d: u8, a: u8, b: u8) -> u8 {
        let t = if d == a { XMM15 } else { d };
        dynasm!(self.asm ; movaps Rx(t), Rx(b));
        t
    }

    /// [`Self::vec_int_cmp`] with the VEX forms: the same sequences, but
    /// each result is written straight to `dst`.
    fn vec_int_cmp_avx(&mut self, c: IntCmp, shape: Shape, d: u8, a: u8, b: u8) {
        use IntCmp::*;
        match c {
            Eq | Ne => {
                by_width!(self, shape, [vpcmpeqb vpcmpeqw vpcmpeqd vpcmpeqq], Rx(d), Rx(a), Rx(b));
            }
            GtS => {
                by_width!(self, shape, [vpcmpgtb vpcmpgtw vpcmpgtd vpcmpgtq], Rx(d), Rx(a), Rx(b))
            }
            LtS => {
                by_width!(self, shape, [vpcmpgtb vpcmpgtw vpcmpgtd vpcmpgtq], Rx(d), Rx(b), Rx(a))
            }
            LeS | GeS if shape == Shape::I64x2 => {
                let (x, y) = if c == LeS { (a, b) } else { (b, a) };
                dynasm!(self.asm ; vpcmpgtq Rx(d), Rx(x), Rx(y));
            }
            LeS | GeS | LeU | GeU | GtU | LtU => {
                let x15 = XMM15;
                match c {
                    GeS => {
                        by_width!(self, shape, [vpmaxsb vpmaxsw vpmaxsd -], Rx(x15), Rx(a), Rx(b))
                    }
                    LeS => {
                        by_width!(self, shape, [vpminsb vpminsw vpminsd -], Rx(x15), Rx(a), Rx(b))
                    }
                    GeU | LtU => {
                        by_width!(self, shape, [vpmaxub vpmaxuw vpmaxud -], Rx(x15), Rx(a), Rx(b))
                    }
                    _ => by_width!(self, shape, [vpminub vpminuw vpminud -], Rx(x15), Rx(a), Rx(b)),
                }
                by_width!(self, shape, [vpcmpeqb vpcmpeqw vpcmpeqd -], Rx(d), Rx(x15), Rx(a));
            }
        }
        // The negated forms (i64x2's le/ge are `!(a > b)`, `!(b > a)`).
        let negate =
            matches!(c, Ne | GtU | LtU) || (matches!(c, LeS | GeS) && shape == Shape::I64x2);
        if negate {
            self.vec_not_in_place(d);
        }
    }

    /// `vcmpps` (`vcmppd` if `w`) `d, x, y, pred`: `d = x pred y` per lane.
    fn vcmp(&mut self, w: bool, d: u8, x: u8, y: u8, pred: u8) {
        let op = Vex {
            map: MAP_0F,
            w: false,
            // vcmpps has no implied prefix, vcmppd 66.
            p66: w,
            opcode: 0xC2,
        };
        self.vex(op, d, x, y, Some(pred));
    }

    /// Float lane comparisons with `cmpps`/`cmppd` predicates: EQ_OQ (0),
    /// LT_OS (1), LE_OS (2) are false for NaN, NEQ_UQ (4) is true; `>` and
    /// `>=` are `<` and `<=` with the operands swapped.
    fn vec_float_cmp(&mut self, c: FloatCmp, w: bool, d: u8, a: u8, b: u8) {
        let (pred, swap): (i8, bool) = match c {
            FloatCmp::Eq => (0, false),
            FloatCmp::Ne => (4, false),
            FloatCmp::Lt => (1, false),
            FloatCmp::Le => (2, false),
            FloatCmp::Gt => (1, true),
            FloatCmp::Ge => (2, true),
        };
        if self.avx() {
            let (x, y) = if swap { (b, a) } else { (a, b) };
            self.vcmp(w, d, x, y, pred as u8);
            return;
        }
        let (x, y) = if swap {
            (self.swapped_into(d, a, b), a)
        } else {
            self.mov_float(d, a);
            (d, b)
        };
        if w {
            dynasm!(self.asm ; cmppd Rx(x), Rx(y), pred);
        } else {
            dynasm!(self.asm ; cmpps Rx(x), Rx(y), pred);
        }
        self.mov_float(d, x);
    }

    /// Extending multiplies. The rhs's part is prepared in xmm14 first, so
    /// `dst` (which may alias lhs) is written only after lhs's last read.
    fn extmul(&mut self, op: VecBinOp, shape: Shape, d: u8, a: u8, b: u8) {
        use VecBinOp::*;
        let high = matches!(op, ExtMulHighS | ExtMulHighU);
        let signed = matches!(op, ExtMulLowS | ExtMulHighS);
        match shape {
            // Bytes widened to words, then a 16-bit multiply.
            Shape::I16x8 => {
                let (sa, sb) = if high {
                    // The high 8 bytes moved down.
                    dynasm!(self.asm
                        ; pshufd Rx(XMM14), Rx(b), 0xEEu8 as i8
                        ; pshufd Rx(d), Rx(a), 0xEEu8 as i8
                    );
                    (d, XMM14)
                } else {
                    (a, b)
                };
                if signed {
                    dynasm!(self.asm ; pmovsxbw Rx(XMM14), Rx(sb) ; pmovsxbw Rx(d), Rx(sa));
                } else {
                    dynasm!(self.asm ; pmovzxbw Rx(XMM14), Rx(sb) ; pmovzxbw Rx(d), Rx(sa));
                }
                dynasm!(self.asm ; pmullw Rx(d), Rx(XMM14));
            }
            // The low and high 16 bits of each 32-bit product, interleaved.
            Shape::I32x4 => {
                dynasm!(self.asm ; movaps Rx(XMM14), Rx(a));
                if signed {
                    dynasm!(self.asm ; pmulhw Rx(XMM14), Rx(b));
                } else {
                    dynasm!(self.asm ; pmulhuw Rx(XMM14), Rx(b));
                }
                two!(self, pmullw, d, a, b);
                if high {
                    dynasm!(self.asm ; punpckhwd Rx(d), Rx(XMM14));
                } else {
                    dynasm!(self.asm ; punpcklwd Rx(d), Rx(XMM14));
                }
            }
            // pmuldq/pmuludq multiply lanes 0 and 2: spread the two source
            // lanes there.
            _ => {
                let sel: i8 = if high { 0xFAu8 as i8 } else { 0x50 };
                dynasm!(self.asm
                    ; pshufd Rx(XMM14), Rx(b), sel
                    ; pshufd Rx(d), Rx(a), sel
                );
                if signed {
                    dynasm!(self.asm ; pmuldq Rx(d), Rx(XMM14));
                } else {
                    dynasm!(self.asm ; pmuludq Rx(d), Rx(XMM14));
                }
            }
        }
    }

    /// `i16x8.relaxed_dot_i8x16_i7x16_s` with both operands signed: the odd
    /// bytes sign-extend with one arithmetic shift of each word, the even
    /// ones with a shift left first; products and their sum wrap in 16 bits.
    /// (`pmaddubsw` would read `lhs` unsigned and saturate the sum.)
    fn relaxed_dot_i16(&mut self, d: u8, a: u8, b: u8) {
        dynasm!(self.asm
            ; movaps Rx(XMM14), Rx(a)
            ; psraw Rx(XMM14), 8
            ; movaps Rx(XMM15), Rx(b)
            ; psraw Rx(XMM15), 8
            ; pmullw Rx(XMM15), Rx(XMM14)
            ; movaps Rx(XMM14), Rx(a)
            ; psllw Rx(XMM14), 8
            ; psraw Rx(XMM14), 8
        );
        // `a` is dead: `dst` may be written now.
        dynasm!(self.asm
            ; movaps Rx(d), Rx(b)
            ; psllw Rx(d), 8
            ; psraw Rx(d), 8
            ; pmullw Rx(d), Rx(XMM14)
            ; paddw Rx(d), Rx(XMM15)
        );
    }

    fn emit_vec_ternary(&mut self, op: VecTernaryOp, shape: Shape, d: u8, a: u8, b: u8, c: u8) {
        use VecTernaryOp::*;
        if self.relaxed_ternary_fast(op, shape, d, a, b, c) {
            return;
        }
        match op {
            Bitselect | RelaxedLaneselect if self.avx() => dynasm!(self.asm
                ; vpandn Rx(XMM15), Rx(c), Rx(b)
                ; vpand Rx(d), Rx(a), Rx(c)
                ; vpor Rx(d), Rx(d), Rx(XMM15)
            ),
            Bitselect | RelaxedLaneselect => {
                dynasm!(self.asm
                    ; movaps Rx(XMM15), Rx(c)
                    ; pandn Rx(XMM15), Rx(b)
                );
                two!(self, pand, d, a, c);
                dynasm!(self.asm ; por Rx(d), Rx(XMM15));
            }
            RelaxedMadd => {
                if shape == Shape::F64x2 {
                    two!(self, mulpd / vmulpd, d, a, b);
                    dynasm!(self.asm ; addpd Rx(d), Rx(c));
                } else {
                    two!(self, mulps / vmulps, d, a, b);
                    dynasm!(self.asm ; addps Rx(d), Rx(c));
                }
            }
            // `-(a*b) + c` is exactly `c - a*b` (negation is exact, and
            // `c + -p` rounds as `c - p`, signed zeros included).
            RelaxedNmadd if self.avx() => {
                if shape == Shape::F64x2 {
                    dynasm!(self.asm
                        ; vmulpd Rx(XMM15), Rx(a), Rx(b)
                        ; vsubpd Rx(d), Rx(c), Rx(XMM15)
                    );
                } else {
                    dynasm!(self.asm
                        ; vmulps Rx(XMM15), Rx(a), Rx(b)
                        ; vsubps Rx(d), Rx(c), Rx(XMM15)
                    );
                }
            }
            RelaxedNmadd => {
                dynasm!(self.asm
                    ; movaps Rx(XMM15), Rx(a)
                    ; movaps Rx(XMM14), Rx(c)
                );
                if shape == Shape::F64x2 {
                    dynasm!(self.asm
                        ; mulpd Rx(XMM15), Rx(b)
                        ; subpd Rx(XMM14), Rx(XMM15)
                    );
                } else {
                    dynasm!(self.asm
                        ; mulps Rx(XMM15), Rx(b)
                        ; subps Rx(XMM14), Rx(XMM15)
                    );
                }
                self.mov_float(d, XMM14);
            }
            // Each i32 lane sums four signed byte products exactly:
            // `pmaddwd` of the sign-extended odd bytes adds two of them,
            // of the even bytes the other two.
            RelaxedDotAdd => {
                dynasm!(self.asm
                    ; movaps Rx(XMM14), Rx(a)
                    ; psraw Rx(XMM14), 8
                    ; movaps Rx(XMM15), Rx(b)
                    ; psraw Rx(XMM15), 8
                    ; pmaddwd Rx(XMM15), Rx(XMM14)
                    ; movaps Rx(XMM14), Rx(a)
                    ; psllw Rx(XMM14), 8
                    ; psraw Rx(XMM14), 8
                    // `a` is dead: `dst` may be written now.
                    ; movaps Rx(d), Rx(b)
                    ; psllw Rx(d), 8
                    ; psraw Rx(d), 8
                    ; pmaddwd Rx(d), Rx(XMM14)
                    ; paddd Rx(d), Rx(XMM15)
                    ; paddd Rx(d), Rx(c)
                );
            }
        }
    }
}

impl VectorAssembler for X64Masm {
    fn vec_binop(&mut self, op: VecBinOp, shape: Shape, dst: Reg, lhs: Reg, rhs: Reg) {
        self.emit_vec_binop(op, shape, dst.hw, lhs.hw, rhs.hw);
    }

    fn vec_unop(&mut self, op: VecUnOp, shape: Shape, dst: Reg, src: Reg) {
        self.emit_vec_unop(op, shape, dst.hw, src.hw);
    }

    fn vec_ternary(&mut self, op: VecTernaryOp, shape: Shape, dst: Reg, a: Reg, b: Reg, c: Reg) {
        self.emit_vec_ternary(op, shape, dst.hw, a.hw, b.hw, c.hw);
    }

    fn vec_shift(&mut self, op: VecShiftOp, shape: Shape, dst: Reg, src: Reg, count: Operand) {
        self.emit_vec_shift(op, shape, dst.hw, src.hw, count);
    }

    fn vec_test(&mut self, op: VecTest, shape: Shape, dst: Reg, src: Reg) {
        self.emit_vec_test(op, shape, dst.hw, src.hw);
    }

    fn vec_splat(&mut self, shape: Shape, dst: Reg, src: Reg) {
        self.emit_vec_splat(shape, dst.hw, src.hw);
    }

    fn vec_extract_lane(&mut self, shape: Shape, signed: bool, lane: u8, dst: Reg, src: Reg) {
        self.emit_vec_extract_lane(shape, signed, lane, dst.hw, src.hw);
    }

    fn vec_replace_lane(&mut self, shape: Shape, lane: u8, dst: Reg, src: Reg) {
        self.emit_vec_replace_lane(shape, lane, dst.hw, src.hw);
    }

    fn vec_shuffle(&mut self, lanes: [u8; 16], dst: Reg, lhs: Reg, rhs: Reg) {
        self.emit_vec_shuffle(lanes, dst.hw, lhs.hw, rhs.hw);
    }

    fn vec_load(&mut self, kind: VecLoadKind, dst: Reg, addr: Operand, offset: u32) {
        self.emit_vec_load(kind, dst.hw, addr, offset);
    }

    fn vec_load_lane(&mut self, shape: Shape, lane: u8, dst: Reg, addr: Operand, offset: u32) {
        self.emit_vec_load_lane(shape, lane, dst.hw, addr, offset);
    }

    fn vec_store_lane(&mut self, shape: Shape, lane: u8, src: Reg, addr: Operand, offset: u32) {
        self.emit_vec_store_lane(shape, lane, src.hw, addr, offset);
    }
}
