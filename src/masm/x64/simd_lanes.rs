//! Vector lane access on SSE registers: splats, lane extraction and
//! replacement, shuffles, the reductions to an i32 (`any_true`,
//! `all_true`, `bitmask`), and the vector loads and lane stores that touch
//! linear memory.
//!
//! Memory operations compute the address with the scalar loads' helper
//! (`memory.rs`) and use one instruction with a memory operand, so the
//! `MemoryOutOfBounds` trap site is that instruction and nothing after it.
//!
//! Shuffles use `pshufb` with a mask built in a scratch register from two
//! 64-bit immediates: a mask byte with the top bit set selects zero, so a
//! two-source shuffle is the OR of one `pshufb` per source. The common
//! masks need no table: a shuffle that moves whole 32-bit lanes of one
//! source is a single `pshufd`, and the kinds `masm::simd::ShuffleKind`
//! names (an operand unchanged, an interleave, a splat) are a move, a
//! `punpck*`, or `pshuflw`/`pshufhw` and `pshufd`.

use dynasmrt::{dynasm, DynasmApi};

use super::memory::Mem;
use super::simd::{by_width, two};
use super::{X64Masm, XMM14, XMM15};
use crate::masm::simd::{Shape, ShuffleKind, Side, VecLoadKind, VecTest};
use crate::masm::Operand;
use crate::trap::TrapCode;

/// Emit one instruction with the linear-memory operand `$size [mem]` in
/// place of the `@`: `op xmm, @ SIZE` (a load, with an optional immediate)
/// or `op @ SIZE, xmm, imm` (a lane store).
macro_rules! vmem {
    ($s:ident, $m:expr, $op:ident Rx($r:expr), @ $size:ident $(, $i:expr)?) => {
        match $m {
            Mem::Index(i, disp) => {
                dynasm_disp!($s, disp ; $op Rx($r), $size [r15 + Rq(i) + disp] $(, $i)?)
            }
            Mem::Abs(disp) => dynasm_disp!($s, disp ; $op Rx($r), $size [r15 + disp] $(, $i)?),
        }
    };
    ($s:ident, $m:expr, $op:ident @ $size:ident, Rx($r:expr), $i:expr) => {
        match $m {
            Mem::Index(i, disp) => {
                dynasm_disp!($s, disp ; $op $size [r15 + Rq(i) + disp], Rx($r), $i)
            }
            Mem::Abs(disp) => dynasm_disp!($s, disp ; $op $size [r15 + disp], Rx($r), $i),
        }
    };
}

impl X64Masm {
    /// `dst` (an integer register) = the reduction of `s`. setcc writes
    /// al (rax is scratch), then a zero-extending move.
    pub(super) fn emit_vec_test(&mut self, op: VecTest, shape: Shape, d: u8, s: u8) {
        match op {
            VecTest::AnyTrue => {
                dynasm!(self.asm
                    ; ptest Rx(s), Rx(s)
                    ; setnz al
                    ; movzx Rd(d), al
                );
            }
            // A lane compares equal to zero exactly when it is false.
            VecTest::AllTrue => {
                dynasm!(self.asm ; pxor Rx(XMM15), Rx(XMM15));
                by_width!(self, shape, [pcmpeqb pcmpeqw pcmpeqd pcmpeqq], Rx(XMM15), Rx(s));
                dynasm!(self.asm
                    ; ptest Rx(XMM15), Rx(XMM15)
                    ; setz al
                    ; movzx Rd(d), al
                );
            }
            VecTest::Bitmask => match shape.lane_bytes() {
                1 => dynasm!(self.asm ; pmovmskb Rd(d), Rx(s)),
                // Signed saturation keeps each word's sign in a byte;
                // the upper 8 bytes are zeros.
                2 => dynasm!(self.asm
                    ; movaps Rx(XMM15), Rx(s)
                    ; pxor Rx(XMM14), Rx(XMM14)
                    ; packsswb Rx(XMM15), Rx(XMM14)
                    ; pmovmskb Rd(d), Rx(XMM15)
                ),
                4 => dynasm!(self.asm ; movmskps Rd(d), Rx(s)),
                _ => dynasm!(self.asm ; movmskpd Rd(d), Rx(s)),
            },
        }
    }

    pub(super) fn emit_vec_splat(&mut self, shape: Shape, d: u8, s: u8) {
        match shape {
            // pshufb with all-zero indices broadcasts byte 0.
            Shape::I8x16 => dynasm!(self.asm
                ; movd Rx(d), Rd(s)
                ; pxor Rx(XMM15), Rx(XMM15)
                ; pshufb Rx(d), Rx(XMM15)
            ),
            Shape::I16x8 => dynasm!(self.asm
                ; movd Rx(d), Rd(s)
                ; pshuflw Rx(d), Rx(d), 0
                ; pshufd Rx(d), Rx(d), 0
            ),
            Shape::I32x4 => dynasm!(self.asm
                ; movd Rx(d), Rd(s)
                ; pshufd Rx(d), Rx(d), 0
            ),
            Shape::I64x2 => dynasm!(self.asm
                ; movq Rx(d), Rq(s)
                ; punpcklqdq Rx(d), Rx(d)
            ),
            Shape::F32x4 => dynasm!(self.asm ; pshufd Rx(d), Rx(s), 0),
            Shape::F64x2 => dynasm!(self.asm ; pshufd Rx(d), Rx(s), 0x44),
        }
    }

    pub(super) fn emit_vec_extract_lane(
        &mut self,
        shape: Shape,
        signed: bool,
        lane: u8,
        d: u8,
        s: u8,
    ) {
        let l = lane as i8;
        match shape {
            Shape::I8x16 => {
                dynasm!(self.asm ; pextrb Rd(d), Rx(s), l);
                if signed {
                    dynasm!(self.asm ; movsx Rd(d), Rb(d));
                }
            }
            Shape::I16x8 => {
                dynasm!(self.asm ; pextrw Rd(d), Rx(s), l);
                if signed {
                    dynasm!(self.asm ; movsx Rd(d), Rw(d));
                }
            }
            Shape::I32x4 if lane == 0 => dynasm!(self.asm ; movd Rd(d), Rx(s)),
            Shape::I32x4 => dynasm!(self.asm ; pextrd Rd(d), Rx(s), l),
            Shape::I64x2 if lane == 0 => dynasm!(self.asm ; movq Rq(d), Rx(s)),
            Shape::I64x2 => dynasm!(self.asm ; pextrq Rq(d), Rx(s), l),
            // A float scalar is the low lane of its register; the bits
            // above it are not part of the value.
            Shape::F32x4 if lane == 0 => self.mov_float(d, s),
            Shape::F32x4 => dynasm!(self.asm ; pshufd Rx(d), Rx(s), l),
            Shape::F64x2 if lane == 0 => self.mov_float(d, s),
            Shape::F64x2 => dynasm!(self.asm ; pshufd Rx(d), Rx(s), 0xEEu8 as i8),
        }
    }

    pub(super) fn emit_vec_replace_lane(&mut self, shape: Shape, lane: u8, d: u8, s: u8) {
        let l = lane as i8;
        match shape {
            Shape::I8x16 => dynasm!(self.asm ; pinsrb Rx(d), Rd(s), l),
            Shape::I16x8 => dynasm!(self.asm ; pinsrw Rx(d), Rd(s), l),
            Shape::I32x4 => dynasm!(self.asm ; pinsrd Rx(d), Rd(s), l),
            Shape::I64x2 => dynasm!(self.asm ; pinsrq Rx(d), Rq(s), l),
            // insertps: source lane 0 (bits 7:6) into lane `l` (bits
            // 5:4), nothing zeroed (bits 3:0).
            Shape::F32x4 => dynasm!(self.asm ; insertps Rx(d), Rx(s), l << 4),
            // The register form of movsd replaces only the low lane;
            // movlhps copies the source's low lane to the high one.
            Shape::F64x2 if lane == 0 => dynasm!(self.asm ; movsd Rx(d), Rx(s)),
            Shape::F64x2 => dynasm!(self.asm ; movlhps Rx(d), Rx(s)),
        }
    }

    pub(super) fn emit_vec_shuffle(&mut self, lanes: [u8; 16], d: u8, l: u8, r: u8) {
        if self.shuffle_by_kind(lanes, d, l, r) {
            return;
        }
        // One source register when every index is in one half, or when
        // both operands are the same register.
        let lanes = lanes.map(|i| i & 31);
        let single = if l == r || lanes.iter().all(|&i| i < 16) {
            Some(l)
        } else if lanes.iter().all(|&i| i >= 16) {
            Some(r)
        } else {
            None
        };
        if let Some(src) = single {
            let idx = lanes.map(|i| i & 15);
            if let Some(imm) = dword_shuffle(&idx) {
                dynasm!(self.asm ; pshufd Rx(d), Rx(src), imm);
                return;
            }
            let (lo, hi) = shuffle_mask(&idx, Some);
            self.const128(XMM15, lo, hi);
            two!(self, pshufb / vpshufb, d, src, XMM15);
            return;
        }
        // lhs's bytes into xmm15; then rhs's into dst (lhs is dead by
        // then, and dst is never rhs), and OR them.
        let (lo, hi) = shuffle_mask(&lanes, |i| (i < 16).then_some(i));
        self.const128(XMM14, lo, hi);
        two!(self, pshufb / vpshufb, XMM15, l, XMM14);
        let (lo, hi) = shuffle_mask(&lanes, |i| (i >= 16).then(|| i - 16));
        self.const128(XMM14, lo, hi);
        two!(self, pshufb / vpshufb, d, r, XMM14);
        dynasm!(self.asm ; por Rx(d), Rx(XMM15));
    }

    /// The shuffles [`ShuffleKind`] names that need no mask here, and
    /// `false` (nothing emitted) for the others: an operand unchanged is a
    /// move; an interleave is one `punpckl*`/`punpckh*`; a splat of a
    /// 16-bit lane is `pshuflw`/`pshufhw` then `pshufd`. (Splats of wider
    /// lanes are whole-dword shuffles, one `pshufd`, below; a byte splat
    /// needs a `pshufb` mask.)
    fn shuffle_by_kind(&mut self, lanes: [u8; 16], d: u8, l: u8, r: u8) -> bool {
        let reg = |side| if side == Side::Lhs { l } else { r };
        match ShuffleKind::of(lanes) {
            Some(ShuffleKind::Identity(side)) => self.mov_float(d, reg(side)),
            Some(ShuffleKind::Interleave {
                shape,
                high,
                first,
                second,
            }) => {
                let (x, y) = (reg(first), reg(second));
                if self.avx() {
                    if high {
                        by_width!(self, shape, [vpunpckhbw vpunpckhwd vpunpckhdq vpunpckhqdq],
                            Rx(d), Rx(x), Rx(y));
                    } else {
                        by_width!(self, shape, [vpunpcklbw vpunpcklwd vpunpckldq vpunpcklqdq],
                            Rx(d), Rx(x), Rx(y));
                    }
                    return true;
                }
                // `dst` may be `y` (when `y` is lhs); then the unpack runs
                // in xmm15 and is moved last.
                let t = if d == y && d != x { XMM15 } else { d };
                self.mov_float(t, x);
                if high {
                    by_width!(self, shape, [punpckhbw punpckhwd punpckhdq punpckhqdq], Rx(t), Rx(y));
                } else {
                    by_width!(self, shape, [punpcklbw punpcklwd punpckldq punpcklqdq], Rx(t), Rx(y));
                }
                self.mov_float(d, t);
            }
            Some(ShuffleKind::Splat {
                shape: Shape::I16x8,
                src,
                lane,
            }) => {
                // The word to all four words of its half, then that
                // half's dword pair to all four dwords.
                let (s, k) = (reg(src), (lane % 4 * 0x55) as i8);
                if lane < 4 {
                    dynasm!(self.asm ; pshuflw Rx(d), Rx(s), k ; pshufd Rx(d), Rx(d), 0);
                } else {
                    dynasm!(self.asm ; pshufhw Rx(d), Rx(s), k ; pshufd Rx(d), Rx(d), 0xAAu8 as i8);
                }
            }
            _ => return false,
        }
        true
    }

    pub(super) fn emit_vec_load(&mut self, kind: VecLoadKind, d: u8, addr: Operand, offset: u32) {
        use VecLoadKind::*;
        let m = self.address(addr, offset);
        self.trap_site_here(TrapCode::MemoryOutOfBounds);
        match kind {
            Load8x8S => vmem!(self, m, pmovsxbw Rx(d), @ QWORD),
            Load8x8U => vmem!(self, m, pmovzxbw Rx(d), @ QWORD),
            Load16x4S => vmem!(self, m, pmovsxwd Rx(d), @ QWORD),
            Load16x4U => vmem!(self, m, pmovzxwd Rx(d), @ QWORD),
            Load32x2S => vmem!(self, m, pmovsxdq Rx(d), @ QWORD),
            Load32x2U => vmem!(self, m, pmovzxdq Rx(d), @ QWORD),
            // The element into lane 0 (the rest of dst is overwritten by
            // the broadcast), then broadcast as vec_splat does.
            Splat8 => {
                vmem!(self, m, pinsrb Rx(d), @ BYTE, 0);
                dynasm!(self.asm
                    ; pxor Rx(XMM15), Rx(XMM15)
                    ; pshufb Rx(d), Rx(XMM15)
                );
            }
            Splat16 => {
                vmem!(self, m, pinsrw Rx(d), @ WORD, 0);
                dynasm!(self.asm
                    ; pshuflw Rx(d), Rx(d), 0
                    ; pshufd Rx(d), Rx(d), 0
                );
            }
            Splat32 => {
                vmem!(self, m, movss Rx(d), @ DWORD);
                dynasm!(self.asm ; pshufd Rx(d), Rx(d), 0);
            }
            Splat64 => vmem!(self, m, movddup Rx(d), @ QWORD),
            // movd/movq from memory zero the rest of the register.
            Zero32 => vmem!(self, m, movd Rx(d), @ DWORD),
            Zero64 => vmem!(self, m, movq Rx(d), @ QWORD),
        }
    }

    pub(super) fn emit_vec_load_lane(
        &mut self,
        shape: Shape,
        lane: u8,
        d: u8,
        addr: Operand,
        offset: u32,
    ) {
        let m = self.address(addr, offset);
        self.trap_site_here(TrapCode::MemoryOutOfBounds);
        let l = lane as i8;
        match shape.lane_bytes() {
            1 => vmem!(self, m, pinsrb Rx(d), @ BYTE, l),
            2 => vmem!(self, m, pinsrw Rx(d), @ WORD, l),
            4 => vmem!(self, m, pinsrd Rx(d), @ DWORD, l),
            _ => vmem!(self, m, pinsrq Rx(d), @ QWORD, l),
        }
    }

    pub(super) fn emit_vec_store_lane(
        &mut self,
        shape: Shape,
        lane: u8,
        s: u8,
        addr: Operand,
        offset: u32,
    ) {
        let m = self.address(addr, offset);
        self.trap_site_here(TrapCode::MemoryOutOfBounds);
        let l = lane as i8;
        match shape.lane_bytes() {
            1 => vmem!(self, m, pextrb @ BYTE, Rx(s), l),
            2 => vmem!(self, m, pextrw @ WORD, Rx(s), l),
            4 => vmem!(self, m, pextrd @ DWORD, Rx(s), l),
            _ => vmem!(self, m, pextrq @ QWORD, Rx(s), l),
        }
    }
}

/// The `pshufd` immediate for a one-source byte shuffle (indices < 16)
/// that moves whole, aligned 32-bit lanes, if it is one.
fn dword_shuffle(idx: &[u8; 16]) -> Option<i8> {
    let mut imm = 0u8;
    for (j, group) in idx.chunks(4).enumerate() {
        let k = group[0] / 4;
        let whole = group[0] % 4 == 0 && group.iter().zip(0..).all(|(&b, n)| b == group[0] + n);
        if !whole {
            return None;
        }
        imm |= k << (2 * j);
    }
    Some(imm as i8)
}

/// A `pshufb` mask as two little-endian u64 halves: byte `i` is
/// `pick(lanes[i])`, or 0x80 (select zero) where `pick` gives `None`.
fn shuffle_mask(lanes: &[u8; 16], pick: impl Fn(u8) -> Option<u8>) -> (u64, u64) {
    let bytes = lanes.map(|i| pick(i).unwrap_or(0x80));
    let lo = u64::from_le_bytes(bytes[..8].try_into().expect("8 bytes"));
    let hi = u64::from_le_bytes(bytes[8..].try_into().expect("8 bytes"));
    (lo, hi)
}
