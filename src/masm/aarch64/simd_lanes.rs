//! Vector lanes as a whole: splat, lane extract/replace, shuffle, shifts by
//! a scalar count, and the reductions to an i32 (`any_true`, `all_true`,
//! `bitmask`).
//!
//! * Lane access is `dup`/`ins`/`umov`/`smov` with the lane index in the
//!   instruction, one instruction each.
//! * `tbl` with a one-register table reads out-of-range indices as 0, and
//!   `tbx` leaves those lanes alone, which is what a two-source shuffle
//!   needs with only one vector scratch register (a two-register `tbl`
//!   wants its table in consecutive registers; see `emit_vec_shuffle`).
//! * NEON shifts by a vector (`ushl`/`sshl`) read a signed count from the
//!   low byte of each lane and shift right for negative counts, so a
//!   register count is masked to the lane width in x16, negated for right
//!   shifts, and broadcast to every byte of v31.
//! * There is no `movmsk`: `bitmask` isolates each lane's top bit and folds
//!   neighbours together with shift-right-and-accumulate (`usra`) at
//!   doubling widths until each 64-bit half holds its lanes' bits in its
//!   low byte.

use dynasmrt::DynasmApi;

use super::simd::vlanes;
use super::{a64, A64Masm, V31, X16};
use crate::masm::simd::{Shape, ShuffleKind, Side, VecShiftOp, VecTest};
use crate::masm::Operand;

/// `$op Vd.T, Vn.T, #n` for an integer shape's arrangement `T`.
macro_rules! shift_imm {
    ($s:ident, $op:ident, $shape:expr, $d:expr, $n:expr, $amount:expr) => {
        match $shape {
            Shape::I8x16 => a64!($s.asm ; $op V($d).B16, V($n).B16, #$amount),
            Shape::I16x8 => a64!($s.asm ; $op V($d).H8, V($n).H8, #$amount),
            Shape::I32x4 => a64!($s.asm ; $op V($d).S4, V($n).S4, #$amount),
            Shape::I64x2 => a64!($s.asm ; $op V($d).D2, V($n).D2, #$amount),
            other => unreachable!("{} has no {other:?} form", stringify!($op)),
        }
    };
}

/// `$op Vd.T, Vn.T, Vm.T` for an integer shape's arrangement `T`.
macro_rules! int_shape {
    ($s:ident, $op:ident, $shape:expr, $d:expr, $n:expr, $m:expr) => {
        vlanes!($s, $op, $shape, [I8x16 => B16, I16x8 => H8, I32x4 => S4, I64x2 => D2], $d, $n, $m)
    };
}

impl A64Masm {
    /// Every lane of `d` = the scalar in `s`.
    pub(super) fn emit_vec_splat(&mut self, shape: Shape, d: u8, s: u8) {
        match shape {
            Shape::I8x16 => a64!(self.asm ; dup V(d).B16, W(s)),
            Shape::I16x8 => a64!(self.asm ; dup V(d).H8, W(s)),
            Shape::I32x4 => a64!(self.asm ; dup V(d).S4, W(s)),
            Shape::I64x2 => a64!(self.asm ; dup V(d).D2, X(s)),
            Shape::F32x4 => a64!(self.asm ; dup V(d).S4, V(s).S[0]),
            Shape::F64x2 => a64!(self.asm ; dup V(d).D2, V(s).D[0]),
        }
    }

    /// `d` (a scalar register) = lane `lane` of `s`. The W forms zero the
    /// upper half of the X register, as i32 values require.
    pub(super) fn emit_vec_extract_lane(
        &mut self,
        shape: Shape,
        signed: bool,
        lane: u8,
        d: u8,
        s: u8,
    ) {
        let lane = u32::from(lane);
        match (shape, signed) {
            (Shape::I8x16, true) => a64!(self.asm ; smov W(d), V(s).B[lane]),
            (Shape::I8x16, false) => a64!(self.asm ; umov W(d), V(s).B[lane]),
            (Shape::I16x8, true) => a64!(self.asm ; smov W(d), V(s).H[lane]),
            (Shape::I16x8, false) => a64!(self.asm ; umov W(d), V(s).H[lane]),
            (Shape::I32x4, _) => a64!(self.asm ; umov W(d), V(s).S[lane]),
            (Shape::I64x2, _) => a64!(self.asm ; umov X(d), V(s).D[lane]),
            // A float scalar is the low lane of its register and the bits
            // above it are not part of the value (as on x86-64), so lane 0
            // in place is already the scalar.
            (Shape::F32x4 | Shape::F64x2, _) if lane == 0 && d == s => {}
            (Shape::F32x4, _) => a64!(self.asm ; dup S(d), V(s).S[lane]),
            (Shape::F64x2, _) => a64!(self.asm ; dup D(d), V(s).D[lane]),
        }
    }

    /// Lane `lane` of `d` = the scalar in `s`; the other lanes are kept.
    pub(super) fn emit_vec_replace_lane(&mut self, shape: Shape, lane: u8, d: u8, s: u8) {
        let lane = u32::from(lane);
        match shape {
            Shape::I8x16 => a64!(self.asm ; ins V(d).B[lane], W(s)),
            Shape::I16x8 => a64!(self.asm ; ins V(d).H[lane], W(s)),
            Shape::I32x4 => a64!(self.asm ; ins V(d).S[lane], W(s)),
            Shape::I64x2 => a64!(self.asm ; ins V(d).D[lane], X(s)),
            Shape::F32x4 => a64!(self.asm ; ins V(d).S[lane], V(s).S[0]),
            Shape::F64x2 => a64!(self.asm ; ins V(d).D[lane], V(s).D[0]),
        }
    }

    /// v31 = the 16 bytes (built by `vec_bits`, through x16).
    pub(super) fn v31_bytes(&mut self, bytes: [u8; 16]) {
        self.vec_bits(V31, u128::from_le_bytes(bytes), X16);
    }

    /// `i8x16.shuffle`: byte `i` of `d` = byte `lanes[i]` of `l:r`.
    ///
    /// A two-register `tbl` would do it at once but needs `l` and `r` in
    /// consecutive registers, which would take a second scratch. Instead
    /// `tbl` picks the lanes from `l` into `d` with the other lanes' indices
    /// out of range (zero), then `tbx` fills those from `r`. One index
    /// vector serves both: an `l` lane keeps its index `i < 16`; an `r`
    /// lane gets `!(i - 16)`, at least 240, so `tbl` skips it; `not` then
    /// turns the `l` lanes' indices into at least 240 (skipped by `tbx`)
    /// and the `r` lanes' back into `i - 16`. `d` may be `l`: `l` is read
    /// only by the first `tbl`.
    pub(super) fn emit_vec_shuffle(&mut self, lanes: [u8; 16], d: u8, l: u8, r: u8) {
        if self.shuffle_by_kind(lanes, d, l, r) {
            return;
        }
        let lanes = lanes.map(|i| i & 31);
        if lanes.iter().all(|&i| i < 16) {
            self.v31_bytes(lanes);
            a64!(self.asm ; tbl V(d).B16, {V(l).B16 * 1}, V(V31).B16);
        } else if lanes.iter().all(|&i| i >= 16) {
            self.v31_bytes(lanes.map(|i| i - 16));
            a64!(self.asm ; tbl V(d).B16, {V(r).B16 * 1}, V(V31).B16);
        } else {
            self.v31_bytes(lanes.map(|i| if i < 16 { i } else { !(i - 16) }));
            a64!(self.asm
                ; tbl V(d).B16, {V(l).B16 * 1}, V(V31).B16
                ; not V(V31).B16, V(V31).B16
                ; tbx V(d).B16, {V(r).B16 * 1}, V(V31).B16
            );
        }
    }

    /// The shuffles [`ShuffleKind`] names, in one instruction and without
    /// a `tbl` mask (`false`, nothing emitted, for the others): an operand
    /// unchanged is a move, an interleave `zip1`/`zip2`, a splat `dup`
    /// from the lane.
    fn shuffle_by_kind(&mut self, lanes: [u8; 16], d: u8, l: u8, r: u8) -> bool {
        let reg = |side| if side == Side::Lhs { l } else { r };
        match ShuffleKind::of(lanes) {
            Some(ShuffleKind::Identity(side)) => self.vec_move(d, reg(side)),
            Some(ShuffleKind::Interleave {
                shape,
                high,
                first,
                second,
            }) => {
                let (x, y) = (reg(first), reg(second));
                if high {
                    vlanes!(self, zip2, shape, [I8x16 => B16, I16x8 => H8, I32x4 => S4, I64x2 => D2], d, x, y);
                } else {
                    vlanes!(self, zip1, shape, [I8x16 => B16, I16x8 => H8, I32x4 => S4, I64x2 => D2], d, x, y);
                }
            }
            Some(ShuffleKind::Splat { shape, src, lane }) => {
                let (s, lane) = (reg(src), u32::from(lane));
                match shape {
                    Shape::I8x16 => a64!(self.asm ; dup V(d).B16, V(s).B[lane]),
                    Shape::I16x8 => a64!(self.asm ; dup V(d).H8, V(s).H[lane]),
                    Shape::I32x4 => a64!(self.asm ; dup V(d).S4, V(s).S[lane]),
                    _ => a64!(self.asm ; dup V(d).D2, V(s).D[lane]),
                }
            }
            None => return false,
        }
        true
    }

    /// Lane-wise shift of `s` by `count` modulo the lane width.
    pub(super) fn emit_vec_shift(
        &mut self,
        op: VecShiftOp,
        shape: Shape,
        d: u8,
        s: u8,
        count: Operand,
    ) {
        let bits = 8 * u32::from(shape.lane_bytes());
        if let Operand::Imm(n) = count {
            let n = (n as u32) & (bits - 1);
            if n == 0 {
                self.vec_move(d, s);
                return;
            }
            match op {
                VecShiftOp::Shl => shift_imm!(self, shl, shape, d, s, n),
                VecShiftOp::ShrS => shift_imm!(self, sshr, shape, d, s, n),
                VecShiftOp::ShrU => shift_imm!(self, ushr, shape, d, s, n),
            }
            return;
        }
        // x16 = count mod width, negated for right shifts; its low byte in
        // every byte of v31 is then each lane's signed shift count.
        let c = self.int_source(false, count, X16);
        let mask = bits - 1;
        a64!(self.asm ; and WSP(X16), W(c), #mask);
        if op != VecShiftOp::Shl {
            a64!(self.asm ; neg W(X16), W(X16));
        }
        a64!(self.asm ; dup V(V31).B16, W(X16));
        match op {
            VecShiftOp::ShrS => int_shape!(self, sshl, shape, d, s, V31),
            VecShiftOp::Shl | VecShiftOp::ShrU => int_shape!(self, ushl, shape, d, s, V31),
        }
    }

    /// Reduce the vector `s` to an i32 in the integer register `d`.
    pub(super) fn emit_vec_test(&mut self, op: VecTest, shape: Shape, d: u8, s: u8) {
        match op {
            // The pairwise maximum of 32-bit lanes folds the vector to 64
            // bits that are nonzero exactly when some bit is set.
            VecTest::AnyTrue => a64!(self.asm
                ; umaxp V(V31).S4, V(s).S4, V(s).S4
                ; fmov X(X16), D(V31)
                ; cmp XSP(X16), #0
                ; cset W(d), ne
            ),
            VecTest::AllTrue => {
                match shape {
                    Shape::I8x16 => a64!(self.asm ; uminv B(V31), V(s).B16),
                    Shape::I16x8 => a64!(self.asm ; uminv H(V31), V(s).H8),
                    Shape::I32x4 => a64!(self.asm ; uminv S(V31), V(s).S4),
                    // No 64-bit `uminv`: mark the zero lanes and ask
                    // whether there are none.
                    _ => a64!(self.asm
                        ; cmeq V(V31).D2, V(s).D2, #0
                        ; umaxp V(V31).S4, V(V31).S4, V(V31).S4
                        ; fmov X(X16), D(V31)
                        ; cmp XSP(X16), #0
                        ; cset W(d), eq
                    ),
                }
                if shape != Shape::I64x2 {
                    // The minimum lane is zero-extended into the S view.
                    a64!(self.asm
                        ; fmov W(X16), S(V31)
                        ; cmp WSP(X16), #0
                        ; cset W(d), ne
                    );
                }
            }
            VecTest::Bitmask => self.vec_bitmask(shape, d, s),
        }
    }

    /// Bit `i` of `d` = the top bit of lane `i` of `s`.
    ///
    /// Each lane's top bit goes to bit 0 of the lane (`ushr`), then every
    /// `usra #k` at twice the width adds the upper neighbour's bits, shifted
    /// to sit just above the lower one's, into the lower lane. Each round
    /// doubles the bits gathered in the lowest byte of every wider lane and
    /// never carries into the next byte (the sums are of distinct bits), so
    /// the low byte of each 64-bit half ends with that half's lanes' bits.
    fn vec_bitmask(&mut self, shape: Shape, d: u8, s: u8) {
        let per_half = match shape {
            Shape::I8x16 => {
                a64!(self.asm
                    ; ushr V(V31).B16, V(s).B16, #7
                    ; usra V(V31).H8, V(V31).H8, #7
                    ; usra V(V31).S4, V(V31).S4, #14
                    ; usra V(V31).D2, V(V31).D2, #28
                );
                8
            }
            Shape::I16x8 => {
                a64!(self.asm
                    ; ushr V(V31).H8, V(s).H8, #15
                    ; usra V(V31).S4, V(V31).S4, #15
                    ; usra V(V31).D2, V(V31).D2, #30
                );
                4
            }
            Shape::I32x4 | Shape::F32x4 => {
                a64!(self.asm
                    ; ushr V(V31).S4, V(s).S4, #31
                    ; usra V(V31).D2, V(V31).D2, #31
                );
                2
            }
            Shape::I64x2 | Shape::F64x2 => {
                a64!(self.asm ; ushr V(V31).D2, V(s).D2, #63);
                1
            }
        };
        a64!(self.asm
            ; umov W(X16), V(V31).B[0]
            ; umov W(d), V(V31).B[8]
            ; orr W(d), W(X16), W(d), lsl #per_half
        );
    }
}
