//! The vector half of the seam: 128-bit SIMD (WebAssembly 2.0's fixed-width
//! SIMD and the relaxed-SIMD proposal).
//!
//! Wasm has about 250 vector operators, but far fewer *shapes* of
//! operation: most are "the same thing on each lane" for one of six lane
//! shapes. So the contract is a handful of methods, each taking the lane
//! [`Shape`] and an operator from a small enum, rather than one method per
//! opcode; the compiler's table (`compiler::simd`) maps each wasm opcode to
//! one call. A backend lowers each (operator, shape) pair it is given; the
//! compiler only asks for pairs wasm defines.
//!
//! # Registers
//!
//! A v128 lives in a register of [`RegClass::Float`](super::RegClass): the
//! float registers are the vector registers on both ISAs (xmm0-15 on
//! x86-64, v0-31 on aarch64), so f32/f64 and v128 values share one
//! allocator class. Moving, spilling and passing v128 values goes through
//! the scalar methods of [`MacroAssembler`](super::MacroAssembler) with
//! `ValType::V128`, which move all 128 bits (frame slots and outgoing
//! argument slots are then 16 bytes: two 8-byte slots).
//!
//! # Conventions
//!
//! As for the scalar methods: `dst` may equal the first source operand
//! (`lhs`, `src`, `a`) and never equals any other source operand; a
//! backend may use its scratch registers freely. Lane 0 is the lowest
//! addressed lane (little endian, as in linear memory). Integer lane
//! values in scalar registers follow the scalar rules: i8/i16/i32 lanes
//! travel as zero-extended i32s (sign- or zero-extended from the lane first
//! where an operator says so), i64 lanes as i64s.
//!
//! # Relaxed SIMD
//!
//! The relaxed operators may return different results on different
//! hardware: for some inputs (NaNs, out-of-range values, indices past the
//! table, masks that mix set and clear bits, products that round or
//! saturate) the specification allows each of a few results, and lets
//! each implementation fix its choice per operator. A backend lowers each
//! one in one of two modes, fixed per engine by
//! [`CodegenOptions::relaxed_simd_deterministic`](super::CodegenOptions):
//!
//! * **Deterministic** (`Config::relaxed_simd_deterministic(true)`): the
//!   lowering named *deterministic* in each operator's documentation below,
//!   the same on both ISAs and every CPU feature set, so the result has the
//!   same bits everywhere. For every operator but the dot products this is
//!   the specification's deterministic profile; NaN results follow the
//!   rules of every other float operator (`Config::canonicalize_nans`
//!   makes their bits agree too).
//! * **Fast** (the default): each ISA's fastest allowed form, documented
//!   per operator as *x86-64* and *aarch64*. Results may differ between
//!   ISAs and between x86-64 CPUs (FMA, AVX), never between two executions
//!   of one engine's code: the choice depends only on the options and the
//!   CPU features, never on register assignment.
//!
//! Where an operator's fast form is not listed for an ISA, it is the
//! deterministic one.

use super::{FloatCmp, IntCmp, Operand, Reg};
use crate::types::ValType;

/// How the 128 bits of a v128 are divided into lanes.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Shape {
    I8x16,
    I16x8,
    I32x4,
    I64x2,
    F32x4,
    F64x2,
}

impl Shape {
    /// How many lanes the vector has.
    pub const fn lanes(self) -> u8 {
        16 / self.lane_bytes()
    }

    /// The width of a lane in bytes.
    pub const fn lane_bytes(self) -> u8 {
        match self {
            Shape::I8x16 => 1,
            Shape::I16x8 => 2,
            Shape::I32x4 | Shape::F32x4 => 4,
            Shape::I64x2 | Shape::F64x2 => 8,
        }
    }

    pub const fn is_float(self) -> bool {
        matches!(self, Shape::F32x4 | Shape::F64x2)
    }

    /// The type of one lane as a scalar value (the operand of `splat` and
    /// `replace_lane`, the result of `extract_lane`): i8 and i16 lanes are
    /// i32s.
    pub const fn scalar(self) -> ValType {
        match self {
            Shape::I8x16 | Shape::I16x8 | Shape::I32x4 => ValType::I32,
            Shape::I64x2 => ValType::I64,
            Shape::F32x4 => ValType::F32,
            Shape::F64x2 => ValType::F64,
        }
    }

    #[cfg(test)]
    /// The integer shape with lanes half as wide (the source of an
    /// extending operator whose result has this shape).
    pub const fn narrower(self) -> Shape {
        match self {
            Shape::I16x8 => Shape::I8x16,
            Shape::I32x4 => Shape::I16x8,
            Shape::I64x2 => Shape::I32x4,
            other => other,
        }
    }
}

/// Two-operand vector operators: `dst = lhs op rhs`, lane by lane unless
/// stated otherwise. The shape is the lanes' shape (for narrowing and
/// extending operators, the *result's* shape).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum VecBinOp {
    // Bitwise (the shape is irrelevant; the compiler passes `I8x16`).
    And,
    /// `lhs & !rhs` (wasm's `v128.andnot`).
    AndNot,
    Or,
    Xor,
    /// Integer lanes wrap; float lanes follow IEEE-754 (any NaN gives a NaN).
    Add,
    Sub,
    /// i16x8, i32x4, i64x2 (wrapping), f32x4, f64x2.
    Mul,
    /// Saturating add and subtract (i8x16, i16x8).
    AddSatS,
    AddSatU,
    SubSatS,
    SubSatU,
    /// Integer minimum and maximum (i8x16, i16x8, i32x4).
    MinS,
    MinU,
    MaxS,
    MaxU,
    /// Unsigned rounding average `(a + b + 1) >> 1` (i8x16, i16x8).
    AvgrU,
    /// `i16x8.q15mulr_sat_s`: `sat((a * b + 0x4000) >> 15)`.
    Q15MulrSatS,
    /// Float division.
    Div,
    /// Float minimum and maximum with wasm's scalar rules per lane: a NaN
    /// operand gives a NaN, `min(-0, +0) = -0`, `max(-0, +0) = +0`.
    Min,
    Max,
    /// Pseudo-minimum `b < a ? b : a` and pseudo-maximum `a < b ? b : a`
    /// (C's `<`: a NaN compares false, so the first operand is returned).
    PMin,
    PMax,
    /// Integer comparison per lane: all ones when true, zero when false
    /// (i64x2 has only the signed orderings and `Eq`/`Ne`).
    IntCmp(IntCmp),
    /// Float comparison per lane: all ones when true (`Ne` is true for NaN).
    FloatCmp(FloatCmp),
    /// Narrow two vectors of twice-as-wide lanes with signed saturation:
    /// `lhs`'s lanes become the low half, `rhs`'s the high half (result
    /// shape i8x16 or i16x8; `NarrowU` saturates the signed source lanes to
    /// the unsigned range).
    NarrowS,
    NarrowU,
    /// Multiply the low (high) halves' lanes, extended to the result shape
    /// (i16x8, i32x4, i64x2), signed or unsigned.
    ExtMulLowS,
    ExtMulHighS,
    ExtMulLowU,
    ExtMulHighU,
    /// `i32x4.dot_i16x8_s`: signed 16-bit products, adjacent pairs added.
    Dot,
    /// `i8x16.swizzle`: lane `i` of the result is `lhs[rhs[i]]`, or 0 when
    /// `rhs[i] >= 16`.
    Swizzle,
    /// `i8x16.relaxed_swizzle`; differs from `Swizzle` for indices 16-127.
    /// Deterministic: [`VecBinOp::Swizzle`] (0 for every index >= 16).
    /// x86-64: `pshufb` (an index >= 128 gives 0, one in 16-127 gives
    /// `lhs[index % 16]`). aarch64: `tbl`, which is `Swizzle`.
    RelaxedSwizzle,
    /// `f32x4/f64x2.relaxed_min/max`; differ from `Min`/`Max` when a lane
    /// of either operand is NaN, or the lanes are zeros of opposite signs.
    /// Deterministic: [`VecBinOp::Min`] / [`VecBinOp::Max`] (a NaN, `-0`
    /// below `+0`). x86-64: `minps`/`maxps` (`pd`): `lhs < rhs ? lhs : rhs`
    /// (`lhs > rhs` for max), so `rhs` in every one of those lanes.
    /// aarch64: `fmin`/`fmax`, which are `Min`/`Max`.
    RelaxedMin,
    RelaxedMax,
    /// `i16x8.relaxed_q15mulr_s`; differs from `Q15MulrSatS` only for
    /// `-32768 * -32768`. Deterministic: [`VecBinOp::Q15MulrSatS`]
    /// (saturated to 0x7fff). x86-64: `pmulhrsw` (0x8000 there). aarch64:
    /// `sqrdmulh`, which is `Q15MulrSatS`.
    RelaxedQ15Mulr,
    /// `i16x8.relaxed_dot_i8x16_i7x16_s`: `lhs[2i]*rhs[2i] +
    /// lhs[2i+1]*rhs[2i+1]`, `lhs` signed; differs between forms when a
    /// `rhs` byte has its top bit set (outside the 7-bit range), or both
    /// products of a pair are 16384 (all four bytes -128). Deterministic:
    /// `rhs` signed too, the sum wrapping to 16 bits (so 32768 becomes
    /// -32768, where the specification's deterministic profile saturates
    /// to 32767; wasmtime and wasmi wrap as Flint does). x86-64:
    /// `pmaddubsw`: `rhs` unsigned, the sum saturated to i16. aarch64: the
    /// deterministic form.
    RelaxedDot,
}

/// One-operand vector operators: `dst = op src`. The shape is the lanes'
/// shape (for extending and converting operators, the *result's* shape).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum VecUnOp {
    /// Bitwise not (shape irrelevant).
    Not,
    /// Integer lanes: wrapping absolute value and negation; float lanes:
    /// sign-bit operations (NaN payloads unchanged).
    Abs,
    Neg,
    /// Population count per byte (i8x16).
    Popcnt,
    /// Float lanes.
    Sqrt,
    Ceil,
    Floor,
    Trunc,
    /// Round to nearest, ties to even.
    Nearest,
    /// Sign- or zero-extend the low (high) half's lanes to the result
    /// shape (i16x8, i32x4, i64x2).
    ExtendLowS,
    ExtendHighS,
    ExtendLowU,
    ExtendHighU,
    /// Add adjacent lane pairs, extended to the result shape (i16x8 from
    /// i8x16, i32x4 from i16x8).
    ExtAddPairwiseS,
    ExtAddPairwiseU,
    /// `f32x4.convert_i32x4_s/u`.
    ConvertS,
    ConvertU,
    /// `f64x2.convert_low_i32x4_s/u`: the low two i32 lanes.
    ConvertLowS,
    ConvertLowU,
    /// `i32x4.trunc_sat_f32x4_s/u`: saturating, NaN gives 0.
    TruncSatS,
    TruncSatU,
    /// `i32x4.trunc_sat_f64x2_s/u_zero`: the two results in the low lanes,
    /// zeros above.
    TruncSatZeroS,
    TruncSatZeroU,
    /// `f32x4.demote_f64x2_zero`: two f32s in the low lanes, zeros above.
    DemoteZero,
    /// `f64x2.promote_low_f32x4`.
    PromoteLow,
    /// `i32x4.relaxed_trunc_f32x4_s/u`, `i32x4.relaxed_trunc_f64x2_s/u_zero`;
    /// differ from `trunc_sat` for NaN and out-of-range lanes.
    /// Deterministic: the `TruncSat` forms (NaN gives 0, out of range the
    /// nearest bound). x86-64: the signed forms are `cvttps2dq` /
    /// `cvttpd2dq`, which give 0x80000000 for NaN and for every lane out
    /// of range (above as well as below); the unsigned forms are the
    /// deterministic ones (SSE has no unsigned conversion). aarch64:
    /// `fcvtzs`/`fcvtzu` (and a saturating narrow), which are `trunc_sat`.
    RelaxedTruncS,
    RelaxedTruncU,
    RelaxedTruncZeroS,
    RelaxedTruncZeroU,
}

/// Three-operand vector operators: `dst = op(a, b, c)`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum VecTernaryOp {
    /// `v128.bitselect`: `(a & c) | (b & !c)`.
    Bitselect,
    /// `i8x16/i16x8/i32x4/i64x2.relaxed_laneselect(a, b, c)`, `c` the
    /// mask; differs between forms for a mask lane that is neither all
    /// ones nor all zeros. Deterministic: [`VecTernaryOp::Bitselect`] (bit
    /// by bit). x86-64 with AVX, i8x16/i32x4/i64x2: `vpblendvb`,
    /// `vblendvps`, `vblendvpd`: the whole lane of `a` where the mask
    /// lane's top bit is set, of `b` where it is clear; without AVX, and
    /// for i16x8, the deterministic form. aarch64: `bif`, which is
    /// `Bitselect`.
    RelaxedLaneselect,
    /// `f32x4/f64x2.relaxed_madd`: `a * b + c`; the forms differ in
    /// rounding. Deterministic: unfused (the product rounded, then the
    /// sum), as the specification's deterministic profile (wasmtime and
    /// wasmi fuse instead). x86-64 with FMA: `vfmadd213ps`/`pd`, fused
    /// (one rounding); without FMA, the deterministic form. aarch64:
    /// `fmla`, fused.
    RelaxedMadd,
    /// `f32x4/f64x2.relaxed_nmadd`: `-(a * b) + c`, as `RelaxedMadd`.
    /// x86-64 with FMA: `vfnmadd213ps`/`pd`. aarch64: `fmls`.
    RelaxedNmadd,
    /// `i32x4.relaxed_dot_i8x16_i7x16_add_s`: each i32 lane of `c` plus
    /// the four products of the bytes of `a` (signed) and `b` beside it;
    /// differs between forms as [`VecBinOp::RelaxedDot`]. Deterministic:
    /// `b` signed, the four products summed exactly, `c` added wrapping
    /// (the pair sums are not wrapped to 16 bits first, as the
    /// `RelaxedDot` result would be: only a pair of 16384s, four bytes of
    /// -128, tells the two apart). x86-64: `pmaddubsw` (`b` unsigned, pair
    /// sums saturated to i16), `pmaddwd` with ones, `paddd`. aarch64: the
    /// deterministic form, one `sdot` when the CPU has DotProd.
    RelaxedDotAdd,
}

/// Shifts by a scalar count, taken modulo the lane width.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum VecShiftOp {
    Shl,
    ShrS,
    ShrU,
}

/// One of the two operands of a two-source vector operator.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Side {
    Lhs,
    Rhs,
}

/// An `i8x16.shuffle` mask that both ISAs can do without a table (x86-64's
/// `pshufb` and aarch64's `tbl` need their 16-byte mask built in a
/// register first: 3-5 instructions, as many again for a second source).
/// Found by [`ShuffleKind::of`] from the mask alone, so that both backends
/// recognise the same masks.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ShuffleKind {
    /// The result is one operand, unchanged.
    Identity(Side),
    /// Lanes of `shape` taken alternately from `first` and `second` (which
    /// may be the same operand), starting with `first`: from their low
    /// halves (x86-64 `punpckl*`, aarch64 `zip1`), or from their high
    /// halves (`punpckh*`, `zip2`).
    Interleave {
        shape: Shape,
        high: bool,
        first: Side,
        second: Side,
    },
    /// Lane `lane` of `src` (lanes of `shape`) in every lane.
    Splat { shape: Shape, src: Side, lane: u8 },
}

impl ShuffleKind {
    /// The kind of the shuffle `lanes` (indices into `lhs:rhs`, taken
    /// modulo 32 as the backends do), if it is one of these. A mask that
    /// fits several lane widths is classified at the widest.
    pub fn of(lanes: [u8; 16]) -> Option<ShuffleKind> {
        let lanes = lanes.map(|i| i & 31);
        let side = |e: u8, n: u8| if e < n { Side::Lhs } else { Side::Rhs };
        if lanes.iter().zip(0..).all(|(&i, k)| i == k) {
            return Some(ShuffleKind::Identity(Side::Lhs));
        }
        if lanes.iter().zip(16..).all(|(&i, k)| i == k) {
            return Some(ShuffleKind::Identity(Side::Rhs));
        }
        for shape in [Shape::I64x2, Shape::I32x4, Shape::I16x8, Shape::I8x16] {
            let Some(elems) = whole_lanes(&lanes, shape.lane_bytes()) else {
                continue;
            };
            // n lanes per operand; `elems` index the 2n lanes of lhs:rhs.
            let n = shape.lanes();
            if elems.iter().all(|&e| e == elems[0]) {
                return Some(ShuffleKind::Splat {
                    shape,
                    src: side(elems[0], n),
                    lane: elems[0] % n,
                });
            }
            for high in [false, true] {
                let base = if high { n / 2 } else { 0 };
                if elems.iter().zip(0..).all(|(&e, j)| e % n == base + j / 2) {
                    let (first, second) = (side(elems[0], n), side(elems[1], n));
                    let alternates = elems
                        .iter()
                        .zip(0..)
                        .all(|(&e, j)| side(e, n) == if j % 2 == 0 { first } else { second });
                    if alternates {
                        return Some(ShuffleKind::Interleave {
                            shape,
                            high,
                            first,
                            second,
                        });
                    }
                }
            }
        }
        None
    }
}

/// The mask as lanes of `w` bytes (indices into the 2 * 16 / `w` lanes of
/// `lhs:rhs`), if each group of `w` bytes is one whole, aligned lane.
fn whole_lanes(lanes: &[u8; 16], w: u8) -> Option<Vec<u8>> {
    lanes
        .chunks(usize::from(w))
        .map(|g| {
            let whole = g[0] % w == 0 && g.iter().zip(0..).all(|(&b, t)| b == g[0] + t);
            whole.then_some(g[0] / w)
        })
        .collect()
}

/// Operators that reduce a vector to an i32 in an integer register.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum VecTest {
    /// `v128.any_true`: 1 when any bit is set (shape irrelevant).
    AnyTrue,
    /// 1 when every lane is nonzero.
    AllTrue,
    /// Bit `i` is the top bit of lane `i`.
    Bitmask,
}

/// The loads that fill a vector from fewer than 16 bytes of memory.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum VecLoadKind {
    /// 8 bytes, each 8/16/32-bit element sign- or zero-extended to twice
    /// its width (`v128.load8x8_s` ...).
    Load8x8S,
    Load8x8U,
    Load16x4S,
    Load16x4U,
    Load32x2S,
    Load32x2U,
    /// One element copied to every lane (`v128.load8_splat` ...).
    Splat8,
    Splat16,
    Splat32,
    Splat64,
    /// One element into lane 0, zeros above (`v128.load32_zero`,
    /// `v128.load64_zero`).
    Zero32,
    Zero64,
}

impl VecLoadKind {
    /// The bytes the load reads: 8 for the widening loads, one element for
    /// the splats and the zero-extending loads.
    pub const fn bytes(self) -> u32 {
        use VecLoadKind::*;
        match self {
            Load8x8S | Load8x8U | Load16x4S | Load16x4U | Load32x2S | Load32x2U => 8,
            Splat8 => 1,
            Splat16 => 2,
            Splat32 | Zero32 => 4,
            Splat64 | Zero64 => 8,
        }
    }
}

/// The vector operations every backend implements; see the module doc.
/// Memory operations take addresses as the scalar `load`/`store` do (`addr`
/// is `Reg` or `Imm`, an i32) and record a `MemoryOutOfBounds` trap site at
/// the instruction that accesses memory.
/// (`v128.const` and moving whole vectors are scalar-style moves and live
/// in `MacroAssembler`: `vec_const`, and `mov` and friends with
/// `ValType::V128`.)
pub trait VectorAssembler {
    fn vec_binop(&mut self, op: VecBinOp, shape: Shape, dst: Reg, lhs: Reg, rhs: Reg);
    fn vec_unop(&mut self, op: VecUnOp, shape: Shape, dst: Reg, src: Reg);
    fn vec_ternary(&mut self, op: VecTernaryOp, shape: Shape, dst: Reg, a: Reg, b: Reg, c: Reg);
    /// `count` is an i32 `Reg` (integer class) or `Imm`.
    fn vec_shift(&mut self, op: VecShiftOp, shape: Shape, dst: Reg, src: Reg, count: Operand);
    /// `dst` is an integer register.
    fn vec_test(&mut self, op: VecTest, shape: Shape, dst: Reg, src: Reg);
    /// Every lane of `dst` = the scalar in `src` (an integer register for
    /// integer shapes, a float register for float shapes).
    fn vec_splat(&mut self, shape: Shape, dst: Reg, src: Reg);
    /// `dst` (a scalar register of `shape.scalar()`'s class) = lane `lane`
    /// of `src`; i8/i16 lanes are sign-extended when `signed`, else
    /// zero-extended.
    fn vec_extract_lane(&mut self, shape: Shape, signed: bool, lane: u8, dst: Reg, src: Reg);
    /// Lane `lane` of the vector in `dst` = the scalar in `src`, in place.
    fn vec_replace_lane(&mut self, shape: Shape, lane: u8, dst: Reg, src: Reg);
    /// `i8x16.shuffle`: byte `i` of the result is byte `lanes[i]` of the
    /// 32-byte concatenation `lhs:rhs` (`lanes[i] < 32`).
    fn vec_shuffle(&mut self, lanes: [u8; 16], dst: Reg, lhs: Reg, rhs: Reg);
    fn vec_load(&mut self, kind: VecLoadKind, dst: Reg, addr: Operand, offset: u32);
    /// Lane `lane` of the vector in `dst` = the element at the address
    /// (`shape` is an integer shape giving the element width), in place.
    fn vec_load_lane(&mut self, shape: Shape, lane: u8, dst: Reg, addr: Operand, offset: u32);
    /// Store lane `lane` of `src` (`shape` an integer shape).
    fn vec_store_lane(&mut self, shape: Shape, lane: u8, src: Reg, addr: Operand, offset: u32);
}
