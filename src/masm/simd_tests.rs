//! Execution tests of the vector half of the seam ([`VectorAssembler`]) on
//! the native backend, ISA-neutral like `tests.rs`, whose harness they use:
//! every operator is assembled through the seam, run, and compared lane by
//! lane with a Rust model of the WebAssembly SIMD semantics over inputs
//! chosen to hit the edges (lane minima and maxima, NaNs with and without
//! payloads, signed zeros, infinities, out-of-range conversions).
//!
//! Vectors travel through linear memory: inputs are written at [`A`],
//! [`B`], [`C`] and read into registers with two 64-bit lane loads; the
//! result is stored with two 64-bit lane stores at [`OUT`]. Each operator
//! is compiled with several register assignments, because the aliasing
//! rules are where two-operand ISAs go wrong: `dst` distinct from every
//! source, `dst` equal to the first source, and two sources in the same
//! register.
//!
//! Float results follow wasm's NaN rules: where the model's result is a
//! NaN, the backend's must be a NaN with the quiet bit set, and the
//! canonical NaN when no input lane was a non-canonical NaN.

// Relaxed SIMD in both modes, on the same harness and models.
#[path = "simd_relaxed_tests.rs"]
mod relaxed;

use super::simd::{ShuffleKind, Side};
use super::tests::{
    feature_sets, int_of, param, run, single, single_for, single_with, Env, Jit, F, FRES, I, M,
    PAGE, RES,
};
use super::*;

type V = [u8; 16];

/// Input and output addresses in linear memory.
const A: i64 = 0;
const B: i64 = 16;
const C: i64 = 32;
const OUT: i64 = 64;

/// `dst` = the 16 bytes at `at`, by two 64-bit lane loads (the second with
/// the address in the offset, so both address forms are exercised).
fn load_vec(m: &mut M, dst: Reg, at: i64) {
    m.vec_load_lane(Shape::I64x2, 0, dst, Operand::Imm(at), 0);
    m.vec_load_lane(Shape::I64x2, 1, dst, Operand::Imm(0), at as u32 + 8);
}

fn store_vec(m: &mut M, src: Reg, at: i64) {
    m.vec_store_lane(Shape::I64x2, 0, src, Operand::Imm(at), 0);
    m.vec_store_lane(Shape::I64x2, 1, src, Operand::Imm(at + 8), 0);
}

/// A compiled test function and the instance it runs in.
struct Bench {
    jit: (Jit, usize),
    env: Env,
}

impl Bench {
    fn new(jit: (Jit, usize)) -> Bench {
        Bench {
            jit,
            env: Env::new(),
        }
    }

    /// Run with `inputs` at A, B, C and `args` as parameters; the vector
    /// at OUT (pre-filled with a pattern no test expects) afterwards.
    fn vec(&mut self, inputs: &[V], args: &[u64]) -> V {
        let mem = self.env.mem();
        for (k, v) in inputs.iter().enumerate() {
            mem[16 * k..16 * k + 16].copy_from_slice(v);
        }
        mem[OUT as usize..OUT as usize + 16].fill(0xA5);
        self.call(args);
        self.env.mem()[OUT as usize..OUT as usize + 16]
            .try_into()
            .unwrap()
    }

    fn call(&mut self, args: &[u64]) -> [u64; 2] {
        let (jit, entry) = &self.jit;
        jit.call(&mut self.env, *entry, args).expect("no trap")
    }
}

// ---- Lanes -----------------------------------------------------------------

fn lane(v: &V, w: usize, i: usize) -> u64 {
    let mut b = [0u8; 8];
    b[..w].copy_from_slice(&v[i * w..i * w + w]);
    u64::from_le_bytes(b)
}

fn slane(v: &V, w: usize, i: usize) -> i64 {
    let sh = 64 - 8 * w as u32;
    ((lane(v, w, i) << sh) as i64) >> sh
}

fn set_lane(v: &mut V, w: usize, i: usize, x: u64) {
    v[i * w..i * w + w].copy_from_slice(&x.to_le_bytes()[..w]);
}

/// `x` wrapped to a `w`-byte lane.
fn wrap(w: usize, x: i128) -> u64 {
    (x as u128 & (u128::MAX >> (128 - 8 * w))) as u64
}

fn ones(w: usize) -> u64 {
    wrap(w, -1)
}

fn smin(w: usize) -> i128 {
    -(1i128 << (8 * w - 1))
}

fn smax(w: usize) -> i128 {
    (1i128 << (8 * w - 1)) - 1
}

fn umax(w: usize) -> i128 {
    (1i128 << (8 * w)) - 1
}

fn from_lanes(w: usize, lanes: &[u64]) -> V {
    let mut v = [0u8; 16];
    for (i, &x) in lanes.iter().enumerate() {
        set_lane(&mut v, w, i, x);
    }
    v
}

fn w_of(shape: Shape) -> usize {
    shape.lane_bytes() as usize
}

fn n_of(shape: Shape) -> usize {
    shape.lanes() as usize
}

/// What one result lane must be.
#[derive(Copy, Clone, Debug, PartialEq)]
enum Lane {
    Bits(u64),
    /// A NaN with the canonical payload (either sign).
    CanonNan,
    /// A NaN with the quiet bit set (any payload, either sign).
    ArithNan,
}

fn is_nan(w: usize, x: u64) -> bool {
    if w == 4 {
        f32::from_bits(x as u32).is_nan()
    } else {
        f64::from_bits(x).is_nan()
    }
}

fn is_canon(w: usize, x: u64) -> bool {
    if w == 4 {
        x as u32 & 0x7FFF_FFFF == 0x7FC0_0000
    } else {
        x & !(1 << 63) == 0x7FF8_0000_0000_0000
    }
}

fn is_arith(w: usize, x: u64) -> bool {
    let q = if w == 4 {
        0x7FC0_0000
    } else {
        0x7FF8_0000_0000_0000
    };
    x & q == q
}

/// A float result lane: the bits, or the NaN rule for its inputs
/// (`inputs` are `(width, bits)` of every input lane it depends on).
fn float_lane(w: usize, inputs: &[(usize, u64)], r: u64) -> Lane {
    if !is_nan(w, r) {
        Lane::Bits(r)
    } else if inputs
        .iter()
        .any(|&(iw, x)| is_nan(iw, x) && !is_canon(iw, x))
    {
        Lane::ArithNan
    } else {
        Lane::CanonNan
    }
}

fn bits_of(w: usize, v: &V) -> Vec<Lane> {
    (0..16 / w).map(|i| Lane::Bits(lane(v, w, i))).collect()
}

fn matches(w: usize, got: &V, want: &[Lane]) -> bool {
    want.iter().enumerate().all(|(i, l)| {
        let g = lane(got, w, i);
        match *l {
            Lane::Bits(b) => g == b,
            Lane::CanonNan => is_nan(w, g) && is_canon(w, g),
            Lane::ArithNan => is_nan(w, g) && is_arith(w, g),
        }
    })
}

fn hex(v: &V) -> String {
    v.iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[track_caller]
fn check(what: &str, w: usize, inputs: &[V], got: &V, want: &[Lane]) {
    if !matches(w, got, want) {
        let ins: Vec<String> = inputs.iter().map(hex).collect();
        panic!(
            "{what}\n inputs: {}\n got:    {}\n want:   {want:x?}",
            ins.join(" | "),
            hex(got)
        );
    }
}

// ---- Inputs ----------------------------------------------------------------

/// Lane values worth testing for each shape (as lane bits).
fn tricky(shape: Shape) -> Vec<u64> {
    let f32s: [f32; 27] = [
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.5,
        -0.5,
        1.5,
        2.5,
        -2.5,
        0.499_999_97,
        -0.75,
        f32::INFINITY,
        f32::NEG_INFINITY,
        f32::MAX,
        f32::MIN,
        f32::MIN_POSITIVE,
        1e-45,
        2147483648.0,
        -2147483648.0,
        2147483520.0,
        -2147483904.0,
        4294967296.0,
        4294967040.0,
        3e9,
        -1e10,
        1e30,
        8388609.0,
    ];
    let f64s: [f64; 30] = [
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.5,
        -0.5,
        1.5,
        2.5,
        -2.5,
        0.499_999_999_999_999_94,
        -0.75,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::MAX,
        f64::MIN,
        f64::MIN_POSITIVE,
        5e-324,
        2147483647.0,
        2147483647.5,
        2147483648.0,
        -2147483648.5,
        -2147483649.0,
        4294967295.0,
        4294967295.5,
        4294967296.0,
        4503599627370496.0,
        4503599627370497.0,
        1e300,
        -1e-300,
        3.4028235677973366e38,
    ];
    match shape {
        Shape::I8x16 => vec![
            0, 1, 2, 0x7F, 0x80, 0x81, 0xFF, 0xFE, 0x40, 0x55, 0x0F, 0xF0, 0x3F, 0xC0,
        ],
        Shape::I16x8 => vec![
            0, 1, 2, 0x7FFF, 0x8000, 0x8001, 0xFFFF, 0xFFFE, 0x4000, 0xC000, 0x00FF, 0x0100,
            0xFF00, 0x7F, 0x80, 0xFF80, 0x5555,
        ],
        Shape::I32x4 => vec![
            0,
            1,
            2,
            0x7FFF_FFFF,
            0x8000_0000,
            0x8000_0001,
            0xFFFF_FFFF,
            0xFFFF_FFFE,
            0x4000_0000,
            0xFFFF,
            0x1_0000,
            0x7FFF,
            0x8000,
            0xFFFF_8000,
            0x1234_5678,
        ],
        Shape::I64x2 => vec![
            0,
            1,
            2,
            i64::MAX as u64,
            i64::MIN as u64,
            i64::MIN as u64 + 1,
            u64::MAX,
            u64::MAX - 1,
            1 << 62,
            0xFFFF_FFFF,
            1 << 32,
            0x7FFF_FFFF,
            0x8000_0000,
            0xFFFF_FFFF_8000_0000,
            0x1234_5678_9ABC_DEF0,
        ],
        Shape::F32x4 => {
            let mut v: Vec<u64> = f32s.iter().map(|x| x.to_bits() as u64).collect();
            // NaNs: canonical of both signs, signalling, payloads.
            v.extend([
                0x7FC0_0000,
                0xFFC0_0000,
                0x7FA0_0001,
                0xFFC1_2345,
                0x7F80_0001,
            ]);
            v
        }
        Shape::F64x2 => {
            let mut v: Vec<u64> = f64s.iter().map(|x| x.to_bits()).collect();
            v.extend([
                0x7FF8_0000_0000_0000,
                0xFFF8_0000_0000_0000,
                0x7FF4_0000_0000_0001,
                0xFFF8_0000_0001_2345,
                0x7FF0_0000_0000_0001,
            ]);
            v
        }
    }
}

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Input vectors for an operator reading lanes of `shape`: uniform and
/// all-zero/all-one vectors, every tricky value in some lane, mixes of
/// tricky and random lanes, vectors with every lane nonzero and vectors
/// with exactly one zero lane.
fn vectors(shape: Shape) -> Vec<V> {
    let (w, n) = (w_of(shape), n_of(shape));
    let t = tricky(shape);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ w as u64 ^ (shape.is_float() as u64) << 8);
    let mut out = vec![[0u8; 16], [0xFF; 16], [0x01; 16], [0x80; 16]];
    for &x in &t {
        out.push(from_lanes(w, &vec![x; n]));
    }
    // Every tricky value once in every lane position.
    for start in 0..n {
        let lanes: Vec<u64> = (0..n).map(|i| t[(start + i * 3) % t.len()]).collect();
        out.push(from_lanes(w, &lanes));
    }
    for k in 0..24 {
        let lanes: Vec<u64> = (0..n)
            .map(|_| {
                if k % 3 == 0 {
                    wrap(w, rng.next() as i128)
                } else {
                    t[rng.below(t.len())]
                }
            })
            .collect();
        out.push(from_lanes(w, &lanes));
    }
    for k in 0..6 {
        let mut lanes: Vec<u64> = (0..n)
            .map(|_| {
                let x = t[rng.below(t.len())];
                if x == 0 {
                    1
                } else {
                    x
                }
            })
            .collect();
        if k % 2 == 1 {
            lanes[rng.below(n)] = 0;
        }
        out.push(from_lanes(w, &lanes));
    }
    out
}

/// Operand pairs: each vector with a different one, and with itself.
fn pairs(shape: Shape) -> Vec<(V, V)> {
    let v = vectors(shape);
    let n = v.len();
    let mut out: Vec<(V, V)> = (0..n).map(|i| (v[i], v[(i * 7 + 3) % n])).collect();
    out.extend((0..n).map(|i| (v[(i * 5 + 1) % n], v[i])));
    out.extend(v.iter().step_by(4).map(|&x| (x, x)));
    out
}

/// Register assignments `(dst, lhs, rhs)` as indices into `F`: all
/// distinct, dst aliasing lhs, and lhs the same register as rhs (the
/// operands are then equal). High indices are registers that need extra
/// encoding bits on some ISAs.
const BIN_REGS: [(usize, usize, usize); 3] = [(0, 1, 2), (13, 13, 9), (4, 12, 12)];

// ---- Models ------------------------------------------------------------------

/// The float type of a float shape, for the models.
trait Float: Copy + PartialOrd + std::fmt::Debug {
    const W: usize;
    fn of(bits: u64) -> Self;
    fn bits(self) -> u64;
    fn is_nan(self) -> bool;
    fn is_sign_negative(self) -> bool;
    fn zero(self) -> bool;
    fn add(self, o: Self) -> Self;
    fn sub(self, o: Self) -> Self;
    fn mul(self, o: Self) -> Self;
    fn div(self, o: Self) -> Self;
    fn neg(self) -> Self;
    fn unary(self, op: VecUnOp) -> Self;
}

macro_rules! float_impl {
    ($t:ty, $w:expr, $u:ty) => {
        impl Float for $t {
            const W: usize = $w;
            fn of(bits: u64) -> Self {
                <$t>::from_bits(bits as $u)
            }
            fn bits(self) -> u64 {
                self.to_bits() as u64
            }
            fn is_nan(self) -> bool {
                <$t>::is_nan(self)
            }
            fn is_sign_negative(self) -> bool {
                <$t>::is_sign_negative(self)
            }
            fn zero(self) -> bool {
                self == 0.0
            }
            fn add(self, o: Self) -> Self {
                self + o
            }
            fn sub(self, o: Self) -> Self {
                self - o
            }
            fn mul(self, o: Self) -> Self {
                self * o
            }
            fn div(self, o: Self) -> Self {
                self / o
            }
            fn neg(self) -> Self {
                -self
            }
            fn unary(self, op: VecUnOp) -> Self {
                match op {
                    VecUnOp::Sqrt => self.sqrt(),
                    VecUnOp::Ceil => self.ceil(),
                    VecUnOp::Floor => self.floor(),
                    VecUnOp::Trunc => self.trunc(),
                    VecUnOp::Nearest => self.round_ties_even(),
                    _ => unreachable!("{op:?}"),
                }
            }
        }
    };
}
float_impl!(f32, 4, u32);
float_impl!(f64, 8, u64);

fn float_binop<T: Float>(op: VecBinOp, a: &V, b: &V) -> Vec<Lane> {
    use VecBinOp::*;
    let w = T::W;
    (0..16 / w)
        .map(|i| {
            let (xa, xb) = (lane(a, w, i), lane(b, w, i));
            let (x, y) = (T::of(xa), T::of(xb));
            let r = match op {
                Add => x.add(y),
                Sub => x.sub(y),
                Mul => x.mul(y),
                Div => x.div(y),
                Min | RelaxedMin | Max | RelaxedMax => {
                    let min = matches!(op, Min | RelaxedMin);
                    if x.is_nan() || y.is_nan() {
                        x.add(y)
                    } else if x.zero() && y.zero() {
                        // The zero with the wanted sign.
                        if x.is_sign_negative() == min {
                            x
                        } else {
                            y
                        }
                    } else if (x < y) == min {
                        x
                    } else {
                        y
                    }
                }
                PMin => return Lane::Bits(if y < x { xb } else { xa }),
                PMax => return Lane::Bits(if x < y { xb } else { xa }),
                FloatCmp(c) => {
                    let t = match c {
                        super::FloatCmp::Eq => x == y,
                        super::FloatCmp::Ne => x != y,
                        super::FloatCmp::Lt => x < y,
                        super::FloatCmp::Gt => x > y,
                        super::FloatCmp::Le => x <= y,
                        super::FloatCmp::Ge => x >= y,
                    };
                    return Lane::Bits(if t { ones(w) } else { 0 });
                }
                _ => unreachable!("{op:?} is not a float operator"),
            };
            float_lane(w, &[(w, xa), (w, xb)], r.bits())
        })
        .collect()
}

fn int_cmp(c: IntCmp, sx: i128, sy: i128, ux: i128, uy: i128) -> bool {
    use IntCmp::*;
    match c {
        Eq => ux == uy,
        Ne => ux != uy,
        LtS => sx < sy,
        GtS => sx > sy,
        LeS => sx <= sy,
        GeS => sx >= sy,
        LtU => ux < uy,
        GtU => ux > uy,
        LeU => ux <= uy,
        GeU => ux >= uy,
    }
}

/// The wasm result of `op` on `shape` (the result's shape).
fn binop_model(op: VecBinOp, shape: Shape, a: &V, b: &V) -> Vec<Lane> {
    use VecBinOp::*;
    match shape {
        Shape::F32x4 => return float_binop::<f32>(op, a, b),
        Shape::F64x2 => return float_binop::<f64>(op, a, b),
        _ => {}
    }
    let (w, n) = (w_of(shape), n_of(shape));
    let h = w / 2;
    let lanes = (0..n).map(|i| {
        let (sx, sy) = (slane(a, w, i) as i128, slane(b, w, i) as i128);
        let (ux, uy) = (lane(a, w, i) as i128, lane(b, w, i) as i128);
        let sat_s = |x: i128| x.clamp(smin(w), smax(w));
        let r: i128 = match op {
            And => ux & uy,
            AndNot => ux & !uy,
            Or => ux | uy,
            Xor => ux ^ uy,
            Add => ux + uy,
            Sub => ux - uy,
            Mul => sx * sy,
            AddSatS => sat_s(sx + sy),
            AddSatU => (ux + uy).min(umax(w)),
            SubSatS => sat_s(sx - sy),
            SubSatU => (ux - uy).max(0),
            MinS => sx.min(sy),
            MinU => ux.min(uy),
            MaxS => sx.max(sy),
            MaxU => ux.max(uy),
            AvgrU => (ux + uy + 1) >> 1,
            Q15MulrSatS | RelaxedQ15Mulr => sat_s((sx * sy + 0x4000) >> 15),
            IntCmp(c) => -(int_cmp(c, sx, sy, ux, uy) as i128),
            NarrowS | NarrowU => {
                let half = n / 2;
                let src = if i < half {
                    slane(a, 2 * w, i)
                } else {
                    slane(b, 2 * w, i - half)
                } as i128;
                if op == NarrowS {
                    sat_s(src)
                } else {
                    src.clamp(0, umax(w))
                }
            }
            ExtMulLowS | ExtMulHighS | ExtMulLowU | ExtMulHighU => {
                let j = if matches!(op, ExtMulHighS | ExtMulHighU) {
                    i + n
                } else {
                    i
                };
                if matches!(op, ExtMulLowS | ExtMulHighS) {
                    slane(a, h, j) as i128 * slane(b, h, j) as i128
                } else {
                    lane(a, h, j) as i128 * lane(b, h, j) as i128
                }
            }
            Dot | RelaxedDot => (0..2)
                .map(|k| slane(a, h, 2 * i + k) as i128 * slane(b, h, 2 * i + k) as i128)
                .sum(),
            Swizzle | RelaxedSwizzle => {
                let idx = lane(b, 1, i) as usize;
                if idx < 16 {
                    a[idx] as i128
                } else {
                    0
                }
            }
            Div | Min | Max | PMin | PMax | FloatCmp(_) | RelaxedMin | RelaxedMax => {
                unreachable!("{op:?} on {shape:?}")
            }
        };
        Lane::Bits(wrap(w, r))
    });
    lanes.collect()
}

fn unop_model(op: VecUnOp, shape: Shape, s: &V) -> Vec<Lane> {
    use VecUnOp::*;
    let (w, n) = (w_of(shape), n_of(shape));
    let h = w / 2;
    let f32_at = |i: usize| f32::from_bits(lane(s, 4, i) as u32);
    let f64_at = |i: usize| f64::from_bits(lane(s, 8, i));
    (0..n)
        .map(|i| {
            let (sx, ux) = (slane(s, w, i) as i128, lane(s, w, i) as i128);
            let r: i128 = match (op, shape) {
                (Not, _) => !ux,
                (Abs, Shape::F32x4 | Shape::F64x2) => ux & !(1 << (8 * w - 1)),
                (Neg, Shape::F32x4 | Shape::F64x2) => ux ^ (1 << (8 * w - 1)),
                (Abs, _) => sx.abs(),
                (Neg, _) => -sx,
                (Popcnt, _) => ux.count_ones() as i128,
                (Sqrt | Ceil | Floor | Trunc | Nearest, Shape::F32x4) => {
                    let r = f32_at(i).unary(op).bits();
                    return float_lane(4, &[(4, ux as u64)], r);
                }
                (Sqrt | Ceil | Floor | Trunc | Nearest, _) => {
                    let r = f64_at(i).unary(op).bits();
                    return float_lane(8, &[(8, ux as u64)], r);
                }
                (ExtendLowS, _) => slane(s, h, i) as i128,
                (ExtendHighS, _) => slane(s, h, i + n) as i128,
                (ExtendLowU, _) => lane(s, h, i) as i128,
                (ExtendHighU, _) => lane(s, h, i + n) as i128,
                (ExtAddPairwiseS, _) => (slane(s, h, 2 * i) + slane(s, h, 2 * i + 1)) as i128,
                (ExtAddPairwiseU, _) => (lane(s, h, 2 * i) + lane(s, h, 2 * i + 1)) as i128,
                (ConvertS, _) => (sx as i32 as f32).to_bits() as i128,
                (ConvertU, _) => (ux as u32 as f32).to_bits() as i128,
                (ConvertLowS, _) => (slane(s, 4, i) as f64).to_bits() as i128,
                (ConvertLowU, _) => (lane(s, 4, i) as f64).to_bits() as i128,
                (TruncSatS | RelaxedTruncS, _) => f32_at(i) as i32 as i128,
                (TruncSatU | RelaxedTruncU, _) => f32_at(i) as u32 as i128,
                (TruncSatZeroS | RelaxedTruncZeroS, _) if i < 2 => f64_at(i) as i32 as i128,
                (TruncSatZeroU | RelaxedTruncZeroU, _) if i < 2 => f64_at(i) as u32 as i128,
                (DemoteZero, _) if i < 2 => {
                    let r = (f64_at(i) as f32).to_bits() as u64;
                    return float_lane(4, &[(8, lane(s, 8, i))], r);
                }
                (TruncSatZeroS | TruncSatZeroU | DemoteZero, _)
                | (RelaxedTruncZeroS | RelaxedTruncZeroU, _) => 0,
                (PromoteLow, _) => {
                    let r = (f32_at(i) as f64).to_bits();
                    return float_lane(8, &[(4, lane(s, 4, i))], r);
                }
            };
            Lane::Bits(wrap(w, r))
        })
        .collect()
}

fn ternary_model(op: VecTernaryOp, shape: Shape, a: &V, b: &V, c: &V) -> Vec<Lane> {
    use VecTernaryOp::*;
    match op {
        Bitselect | RelaxedLaneselect => {
            let v: Vec<u8> = (0..16).map(|i| (a[i] & c[i]) | (b[i] & !c[i])).collect();
            bits_of(w_of(shape), &v.try_into().unwrap())
        }
        RelaxedMadd | RelaxedNmadd => {
            fn fma<T: Float>(neg: bool, a: &V, b: &V, c: &V) -> Vec<Lane> {
                let w = T::W;
                (0..16 / w)
                    .map(|i| {
                        let (xa, xb, xc) = (lane(a, w, i), lane(b, w, i), lane(c, w, i));
                        let p = T::of(xa).mul(T::of(xb));
                        let p = if neg { p.neg() } else { p };
                        let r = p.add(T::of(xc)).bits();
                        float_lane(w, &[(w, xa), (w, xb), (w, xc)], r)
                    })
                    .collect()
            }
            let neg = op == RelaxedNmadd;
            if shape == Shape::F64x2 {
                fma::<f64>(neg, a, b, c)
            } else {
                fma::<f32>(neg, a, b, c)
            }
        }
        RelaxedDotAdd => (0..4)
            .map(|i| {
                let dot: i128 = (0..4)
                    .map(|k| slane(a, 1, 4 * i + k) as i128 * slane(b, 1, 4 * i + k) as i128)
                    .sum();
                Lane::Bits(wrap(4, dot + slane(c, 4, i) as i128))
            })
            .collect(),
    }
}

// ---- Operators -----------------------------------------------------------------

/// The compilations of one operator the model tests run: each register
/// assignment, for every feature set (x86-64 has an AVX form of most
/// operators and an SSE fallback, and a relaxed operator's deterministic
/// bits must not depend on the CPU either), with relaxed SIMD
/// deterministic (the models are the deterministic forms).
fn model_runs<R: Copy>(regs: &[R]) -> Vec<(CodegenOptions, R)> {
    let mut runs = Vec::new();
    for features in feature_sets() {
        let options = CodegenOptions {
            features,
            relaxed_simd_deterministic: true,
        };
        runs.extend(regs.iter().map(|&r| (options, r)));
    }
    runs
}

/// The shape whose lanes an operator reads (for choosing inputs).
fn source_shape(op_narrows: bool, op_widens: bool, shape: Shape) -> Shape {
    if op_narrows {
        match shape {
            Shape::I8x16 => Shape::I16x8,
            _ => Shape::I32x4,
        }
    } else if op_widens {
        shape.narrower()
    } else {
        shape
    }
}

/// Every (binary operator, shape) pair wasm defines.
fn binops() -> Vec<(VecBinOp, Shape)> {
    use Shape::*;
    use VecBinOp::*;
    let mut v = vec![
        (And, I8x16),
        (AndNot, I8x16),
        (Or, I8x16),
        (Xor, I8x16),
        (Dot, I32x4),
        (Swizzle, I8x16),
        (RelaxedSwizzle, I8x16),
        (Q15MulrSatS, I16x8),
        (RelaxedQ15Mulr, I16x8),
        (RelaxedDot, I16x8),
    ];
    for s in [I8x16, I16x8, I32x4, I64x2, F32x4, F64x2] {
        v.extend([(Add, s), (Sub, s)]);
    }
    for s in [I16x8, I32x4, I64x2, F32x4, F64x2] {
        v.push((Mul, s));
    }
    for s in [I8x16, I16x8] {
        v.extend([
            (AddSatS, s),
            (AddSatU, s),
            (SubSatS, s),
            (SubSatU, s),
            (AvgrU, s),
        ]);
        v.extend([(NarrowS, s), (NarrowU, s)]);
    }
    for s in [I8x16, I16x8, I32x4] {
        v.extend([(MinS, s), (MinU, s), (MaxS, s), (MaxU, s)]);
    }
    for s in [I16x8, I32x4, I64x2] {
        v.extend([
            (ExtMulLowS, s),
            (ExtMulHighS, s),
            (ExtMulLowU, s),
            (ExtMulHighU, s),
        ]);
    }
    for s in [F32x4, F64x2] {
        v.extend([(Div, s), (Min, s), (Max, s), (PMin, s), (PMax, s)]);
        v.extend([(RelaxedMin, s), (RelaxedMax, s)]);
        for c in [
            super::FloatCmp::Eq,
            super::FloatCmp::Ne,
            super::FloatCmp::Lt,
            super::FloatCmp::Gt,
            super::FloatCmp::Le,
            super::FloatCmp::Ge,
        ] {
            v.push((FloatCmp(c), s));
        }
    }
    use super::IntCmp as C;
    for s in [I8x16, I16x8, I32x4] {
        for c in [
            C::Eq,
            C::Ne,
            C::LtS,
            C::LtU,
            C::GtS,
            C::GtU,
            C::LeS,
            C::LeU,
            C::GeS,
            C::GeU,
        ] {
            v.push((IntCmp(c), s));
        }
    }
    for c in [C::Eq, C::Ne, C::LtS, C::GtS, C::LeS, C::GeS] {
        v.push((IntCmp(c), I64x2));
    }
    v
}

#[test]
fn vec_binops() {
    use VecBinOp::*;
    for (op, shape) in binops() {
        let src = source_shape(
            matches!(op, NarrowS | NarrowU),
            matches!(
                op,
                ExtMulLowS | ExtMulHighS | ExtMulLowU | ExtMulHighU | Dot | RelaxedDot
            ),
            shape,
        );
        let mut inputs = pairs(src);
        if matches!(op, Swizzle | RelaxedSwizzle) {
            // Indices: in range, just out of range, and far out.
            let idx: Vec<V> = (0..6u8)
                .map(|k| std::array::from_fn(|i| (i as u8 * 7 + k * 5) % (16 + 8 * k)))
                .collect();
            let base = pairs(Shape::I8x16);
            for (j, &ix) in idx.iter().enumerate() {
                inputs.push((base[j].0, ix));
            }
            inputs.push((base[1].0, [0x80; 16]));
            inputs.push((base[2].0, [0x70; 16]));
        }
        for (options, (d, l, r)) in model_runs(&BIN_REGS) {
            let mut bench = Bench::new(single_with(options, |m| {
                load_vec(m, F(l), A);
                if r != l {
                    load_vec(m, F(r), B);
                }
                m.vec_binop(op, shape, F(d), F(l), F(r));
                store_vec(m, F(d), OUT);
            }));
            for &(a, b) in &inputs {
                let b = if l == r { a } else { b };
                let got = bench.vec(&[a, b], &[]);
                let want = binop_model(op, shape, &a, &b);
                let what = format!("{op:?} {shape:?} regs {:?} {options:?}", (d, l, r));
                check(&what, w_of(shape), &[a, b], &got, &want);
            }
        }
    }
}

/// Every (unary operator, result shape) pair wasm defines, with the shape
/// its input lanes have.
fn unops() -> Vec<(VecUnOp, Shape, Shape)> {
    use Shape::*;
    use VecUnOp::*;
    let mut v = vec![
        (Not, I8x16, I8x16),
        (Popcnt, I8x16, I8x16),
        (ConvertS, F32x4, I32x4),
        (ConvertU, F32x4, I32x4),
        (ConvertLowS, F64x2, I32x4),
        (ConvertLowU, F64x2, I32x4),
        (TruncSatS, I32x4, F32x4),
        (TruncSatU, I32x4, F32x4),
        (RelaxedTruncS, I32x4, F32x4),
        (RelaxedTruncU, I32x4, F32x4),
        (TruncSatZeroS, I32x4, F64x2),
        (TruncSatZeroU, I32x4, F64x2),
        (RelaxedTruncZeroS, I32x4, F64x2),
        (RelaxedTruncZeroU, I32x4, F64x2),
        (DemoteZero, F32x4, F64x2),
        (PromoteLow, F64x2, F32x4),
    ];
    for s in [I8x16, I16x8, I32x4, I64x2, F32x4, F64x2] {
        v.extend([(Abs, s, s), (Neg, s, s)]);
    }
    for s in [F32x4, F64x2] {
        for op in [Sqrt, Ceil, Floor, Trunc, Nearest] {
            v.push((op, s, s));
        }
    }
    for s in [I16x8, I32x4, I64x2] {
        for op in [ExtendLowS, ExtendHighS, ExtendLowU, ExtendHighU] {
            v.push((op, s, s.narrower()));
        }
    }
    for s in [I16x8, I32x4] {
        v.extend([
            (ExtAddPairwiseS, s, s.narrower()),
            (ExtAddPairwiseU, s, s.narrower()),
        ]);
    }
    v
}

#[test]
fn vec_unops() {
    for (op, shape, src) in unops() {
        for (options, (d, s)) in model_runs(&[(0, 1), (11, 11), (13, 8)]) {
            let mut bench = Bench::new(single_with(options, |m| {
                load_vec(m, F(s), A);
                m.vec_unop(op, shape, F(d), F(s));
                store_vec(m, F(d), OUT);
            }));
            for a in vectors(src) {
                let got = bench.vec(&[a], &[]);
                let want = unop_model(op, shape, &a);
                let what = format!("{op:?} {shape:?} regs {:?} {options:?}", (d, s));
                check(&what, w_of(shape), &[a], &got, &want);
            }
        }
    }
}

#[test]
fn vec_ternaries() {
    use Shape::*;
    use VecTernaryOp::*;
    let cases = [
        (Bitselect, I8x16),
        (RelaxedLaneselect, I8x16),
        (RelaxedLaneselect, I16x8),
        (RelaxedLaneselect, I32x4),
        (RelaxedLaneselect, I64x2),
        (RelaxedMadd, F32x4),
        (RelaxedMadd, F64x2),
        (RelaxedNmadd, F32x4),
        (RelaxedNmadd, F64x2),
        (RelaxedDotAdd, I32x4),
    ];
    // (dst, a, b, c): distinct, dst = a, b = c, a = b = c.
    let regs = [(0, 1, 2, 3), (7, 7, 12, 13), (5, 6, 9, 9), (10, 2, 2, 2)];
    for (op, shape) in cases {
        let src = if op == RelaxedDotAdd { I8x16 } else { shape };
        let vs = vectors(src);
        let cs = vectors(shape);
        let n = vs.len();
        for (options, (d, a, b, c)) in model_runs(&regs) {
            let mut bench = Bench::new(single_with(options, |m| {
                load_vec(m, F(a), A);
                if b != a {
                    load_vec(m, F(b), B);
                }
                if c != b {
                    load_vec(m, F(c), C);
                }
                m.vec_ternary(op, shape, F(d), F(a), F(b), F(c));
                store_vec(m, F(d), OUT);
            }));
            for i in 0..n {
                let x = vs[i];
                let y = if b == a { x } else { vs[(i * 7 + 3) % n] };
                let z = if c == b {
                    y
                } else {
                    // RelaxedDotAdd's addend is i32 lanes.
                    cs[(i * 11 + 5) % cs.len()]
                };
                let got = bench.vec(&[x, y, z], &[]);
                let want = ternary_model(op, shape, &x, &y, &z);
                let what = format!("{op:?} {shape:?} regs {:?} {options:?}", (d, a, b, c));
                check(&what, w_of(shape), &[x, y, z], &got, &want);
            }
        }
    }
}

#[test]
fn vec_shifts() {
    use Shape::*;
    use VecShiftOp::*;
    for shape in [I8x16, I16x8, I32x4, I64x2] {
        let bits = 8 * w_of(shape) as i64;
        let counts = [
            0,
            1,
            3,
            bits - 1,
            bits,
            bits + 1,
            2 * bits + 3,
            100,
            -1,
            -bits,
        ];
        for op in [Shl, ShrS, ShrU] {
            let model = |v: &V, n: i64| -> Vec<Lane> {
                let w = w_of(shape);
                let n = n.rem_euclid(bits) as u32;
                (0..n_of(shape))
                    .map(|i| {
                        let r = match op {
                            Shl => (lane(v, w, i) as i128) << n,
                            ShrU => (lane(v, w, i) >> n) as i128,
                            ShrS => (slane(v, w, i) >> n) as i128,
                        };
                        Lane::Bits(wrap(w, r))
                    })
                    .collect()
            };
            // A register count (the parameter, any i32), into a distinct
            // dst and in place.
            for ((d, s), features) in [(2, 3), (12, 12)]
                .into_iter()
                .flat_map(|r| feature_sets().map(|f| (r, f)))
            {
                let mut bench = Bench::new(single_for(features, |m| {
                    load_vec(m, F(s), A);
                    m.mov(ValType::I32, I(5), param(0));
                    m.vec_shift(op, shape, F(d), F(s), Operand::Reg(I(5)));
                    store_vec(m, F(d), OUT);
                }));
                for &n in &counts {
                    for a in vectors(shape).iter().step_by(3) {
                        let got = bench.vec(&[*a], &[n as u32 as u64]);
                        let what = format!("{op:?} {shape:?} by reg {n} with {features}");
                        check(&what, w_of(shape), &[*a], &got, &model(a, n));
                    }
                }
            }
            for (&n, features) in counts.iter().flat_map(|n| feature_sets().map(|f| (n, f))) {
                let mut bench = Bench::new(single_for(features, |m| {
                    load_vec(m, F(6), A);
                    m.vec_shift(op, shape, F(13), F(6), Operand::Imm(n));
                    store_vec(m, F(13), OUT);
                }));
                for a in vectors(shape).iter().step_by(3) {
                    let got = bench.vec(&[*a], &[]);
                    let what = format!("{op:?} {shape:?} by {n} with {features}");
                    check(&what, w_of(shape), &[*a], &got, &model(a, n));
                }
            }
        }
    }
}

#[test]
fn vec_tests_reduce_to_an_i32() {
    use Shape::*;
    for shape in [I8x16, I16x8, I32x4, I64x2] {
        let (w, n) = (w_of(shape), n_of(shape));
        for op in [VecTest::AnyTrue, VecTest::AllTrue, VecTest::Bitmask] {
            let mut bench = Bench::new(single(|m| {
                load_vec(m, F(9), A);
                m.vec_test(op, shape, I(6), F(9));
                m.mov(ValType::I64, RES, Operand::Reg(I(6)));
            }));
            let mut inputs = vectors(shape);
            inputs.extend((0..16).map(|k| {
                let mut v = [0u8; 16];
                v[k] = 1 << (k % 8);
                v
            }));
            for a in inputs {
                bench.env.mem()[..16].copy_from_slice(&a);
                let got = int_of(ValType::I32, bench.call(&[]));
                let want = match op {
                    VecTest::AnyTrue => a.iter().any(|&b| b != 0) as u64,
                    VecTest::AllTrue => (0..n).all(|i| lane(&a, w, i) != 0) as u64,
                    VecTest::Bitmask => (0..n).map(|i| ((slane(&a, w, i) < 0) as u64) << i).sum(),
                };
                assert_eq!(got, want, "{op:?} {shape:?} {}", hex(&a));
            }
        }
    }
}

#[test]
fn vec_splats() {
    use Shape::*;
    let scalars: [u64; 6] = [
        0,
        0x1234_5680,
        0xFFFF_FFFF,
        0x8000_0000_0000_7FFF,
        0x7FC0_0001,
        0xFFF4_0000_0000_0001,
    ];
    for shape in [I8x16, I16x8, I32x4, I64x2, F32x4, F64x2] {
        let w = w_of(shape);
        let ty = shape.scalar();
        let float = shape.is_float();
        // A distinct dst, and (floats) dst = src.
        for same in [false, true] {
            if same && !float {
                continue;
            }
            let mut bench = Bench::new(single(|m| {
                let (s, d) = if float {
                    (F(3), if same { F(3) } else { F(10) })
                } else {
                    (I(2), F(10))
                };
                m.mov(ty, s, param(0));
                m.vec_splat(shape, d, s);
                store_vec(m, d, OUT);
            }));
            for &x in &scalars {
                let got = bench.vec(&[], &[x]);
                let want = from_lanes(w, &vec![wrap(w, x as i128); n_of(shape)]);
                check(
                    &format!("splat {shape:?}"),
                    w,
                    &[],
                    &got,
                    &bits_of(w, &want),
                );
            }
        }
    }
}

#[test]
fn vec_extract_lanes() {
    use Shape::*;
    let v: V = [
        0x81, 0x02, 0xF3, 0x74, 0x85, 0x96, 0x07, 0xF8, 0x19, 0x8A, 0x7B, 0xCC, 0x0D, 0xFE, 0x8F,
        0x70,
    ];
    for shape in [I8x16, I16x8, I32x4, I64x2, F32x4, F64x2] {
        let w = w_of(shape);
        for lane_ix in 0..shape.lanes() {
            // Floats also in place: the scalar is the vector's register.
            for (signed, in_place) in [(false, false), (true, false), (false, true)] {
                if (signed && w > 2) || (in_place && !shape.is_float()) {
                    continue;
                }
                let f = single(|m| {
                    load_vec(m, F(12), A);
                    if shape.is_float() {
                        let d = if in_place { F(12) } else { F(5) };
                        m.vec_extract_lane(shape, signed, lane_ix, d, F(12));
                        m.mov(ValType::F64, FRES, Operand::Reg(d));
                    } else {
                        m.vec_extract_lane(shape, signed, lane_ix, I(7), F(12));
                        m.mov(ValType::I64, RES, Operand::Reg(I(7)));
                    }
                });
                let mut bench = Bench::new(f);
                bench.env.mem()[..16].copy_from_slice(&v);
                let r = bench.call(&[]);
                let x = lane(&v, w, lane_ix as usize);
                let (got, want) = match shape {
                    F32x4 => (r[1] & 0xFFFF_FFFF, x),
                    F64x2 => (r[1], x),
                    I64x2 => (r[0], x),
                    _ if signed => (
                        int_of(ValType::I32, r),
                        slane(&v, w, lane_ix as usize) as u32 as u64,
                    ),
                    _ => (int_of(ValType::I32, r), x),
                };
                assert_eq!(
                    got, want,
                    "extract {shape:?} lane {lane_ix} signed {signed} in place {in_place}"
                );
            }
        }
    }
}

#[test]
fn vec_replace_lanes() {
    use Shape::*;
    let v: V = std::array::from_fn(|i| 0xA0 + i as u8);
    let x: u64 = 0xFEDC_BA98_7654_3210;
    for shape in [I8x16, I16x8, I32x4, I64x2, F32x4, F64x2] {
        let w = w_of(shape);
        for lane_ix in 0..shape.lanes() {
            let mut bench = Bench::new(single(|m| {
                load_vec(m, F(13), A);
                let s = if shape.is_float() { F(2) } else { I(3) };
                m.mov(shape.scalar(), s, param(0));
                m.vec_replace_lane(shape, lane_ix, F(13), s);
                store_vec(m, F(13), OUT);
            }));
            let got = bench.vec(&[v], &[x]);
            let mut want = v;
            set_lane(&mut want, w, lane_ix as usize, x);
            assert_eq!(hex(&got), hex(&want), "replace {shape:?} lane {lane_ix}");
        }
    }
}

#[test]
fn vec_shuffles() {
    let mut rng = Rng(0xDEAD_BEEF_1234_5678);
    let mut patterns: Vec<[u8; 16]> = vec![
        std::array::from_fn(|i| i as u8),
        std::array::from_fn(|i| 16 + i as u8),
        std::array::from_fn(|i| 15 - i as u8),
        std::array::from_fn(|i| 31 - i as u8),
        // Interleave the low halves.
        std::array::from_fn(|i| (i as u8 / 2) + 16 * (i as u8 % 2)),
        // Whole 32-bit lanes of one source (pshufd-like), both sources.
        std::array::from_fn(|i| [12, 0, 4, 8][i / 4] + i as u8 % 4),
        std::array::from_fn(|i| [28, 16, 28, 20][i / 4] + i as u8 % 4),
        std::array::from_fn(|i| [0, 20, 8, 28][i / 4] + i as u8 % 4),
        // Nearly whole lanes: one byte off.
        std::array::from_fn(|i| {
            if i == 5 {
                4
            } else {
                [4, 0, 8, 12][i / 4] + i as u8 % 4
            }
        }),
        [0; 16],
        [31; 16],
    ];
    // Every interleave and a few splats (`ShuffleKind`), for every width.
    for w in [1, 2, 4, 8] {
        for high in [false, true] {
            for first in [Side::Lhs, Side::Rhs] {
                for second in [Side::Lhs, Side::Rhs] {
                    patterns.push(interleave_mask(w, high, first, second));
                }
            }
        }
        for (src, lane) in [(Side::Lhs, 0), (Side::Rhs, 16 / w - 1), (Side::Lhs, 8 / w)] {
            patterns.push(splat_mask(w, src, lane));
        }
    }
    for _ in 0..12 {
        patterns.push(std::array::from_fn(|_| rng.below(32) as u8));
    }
    let a: V = std::array::from_fn(|i| 0x10 + i as u8);
    let b: V = std::array::from_fn(|i| 0xE0 + i as u8);
    for lanes in patterns {
        for ((d, l, r), features) in BIN_REGS
            .into_iter()
            .flat_map(|r| feature_sets().map(|f| (r, f)))
        {
            let mut bench = Bench::new(single_for(features, |m| {
                load_vec(m, F(l), A);
                if r != l {
                    load_vec(m, F(r), B);
                }
                m.vec_shuffle(lanes, F(d), F(l), F(r));
                store_vec(m, F(d), OUT);
            }));
            let y = if l == r { a } else { b };
            let got = bench.vec(&[a, y], &[]);
            let both: Vec<u8> = a.iter().chain(y.iter()).copied().collect();
            let want: V = lanes.map(|i| both[i as usize]);
            assert_eq!(
                hex(&got),
                hex(&want),
                "shuffle {lanes:?} regs {:?} with {features}",
                (d, l, r)
            );
        }
    }
}

/// `vec_const` for constants that take each way of building one (a single
/// immediate instruction, shifted all-ones, a repeated 16/32/64-bit lane,
/// a zero half, two arbitrary halves) and some random ones, into a
/// register holding garbage first, so that every bit must be written.
#[test]
fn vec_constants() {
    let splat16 = |h: u16| u128::from(h) * 0x0001_0001_0001_0001_0001_0001_0001_0001;
    let splat32 = |v: u32| u128::from(v) * 0x0000_0001_0000_0001_0000_0001_0000_0001;
    let splat64 = |v: u64| u128::from(v) * 0x0000_0000_0000_0001_0000_0000_0000_0001;
    let mut consts: Vec<u128> = vec![
        0,
        u128::MAX,
        // Sign and magnitude masks, byte masks, 1 per lane.
        splat32(0x7FFF_FFFF),
        splat32(0x8000_0000),
        splat64(0x7FFF_FFFF_FFFF_FFFF),
        splat64(0x8000_0000_0000_0000),
        splat16(0x00FF),
        splat16(0xFF00),
        splat32(1),
        splat64(1),
        splat64(0xFFFF_FFFF_FFFF_FFF0),
        // Repeated bytes and 16-bit lanes.
        splat16(0x0303),
        splat16(0x7070),
        splat16(0x8080),
        splat16(0x1234),
        splat16(0x0100),
        splat16(0xFEFF),
        // 32-bit lanes: float immediates (1.0, -2.0, 31.0), one byte
        // shifted, shifted with ones, inverted, and none of these.
        splat32(0x3F80_0000),
        splat32(0xC000_0000),
        splat32(0x41F8_0000),
        splat32(0x00AB_0000),
        splat32(0xFF54_FFFF),
        splat32(0x0000_12FF),
        splat32(0x0012_FFFF),
        splat32(0xFFFF_ED00),
        splat32(0x1234_5678),
        splat32(0x3DCC_CCCD),
        // 64-bit lanes: float immediates (1.0, 0.5), bytes of 0 and ff,
        // and an arbitrary one.
        splat64(0x3FF0_0000_0000_0000),
        splat64(0x3FE0_0000_0000_0000),
        splat64(0x00FF_0000_FF00_FFFF),
        splat64(0x0123_4567_89AB_CDEF),
        // A zero half, the other arbitrary; two different halves.
        0x0102_0304_0506_0708,
        0x0102_0304_0506_0708 << 64,
        0xFFFF_FFFF_FFFF_FFFF,
        0x0102_0304_0506_0708_090A_0B0C_0D0E_0F10,
        splat32(0x3F80_0000) ^ 1,
    ];
    let mut rng = Rng(0x0123_4567_89AB_CDEF);
    consts.extend((0..8).map(|_| u128::from(rng.next()) << 64 | u128::from(rng.next())));
    let garbage: V = [0xA5; 16];
    for &bits in &consts {
        for features in feature_sets() {
            for k in [0, 13] {
                let mut bench = Bench::new(single_for(features, |m| {
                    load_vec(m, F(k), A);
                    m.vec_const(F(k), bits);
                    store_vec(m, F(k), OUT);
                }));
                let got = bench.vec(&[garbage], &[]);
                assert_eq!(
                    hex(&got),
                    hex(&bits.to_le_bytes()),
                    "vec_const {bits:#034x} into F({k}) with {features}"
                );
            }
        }
    }
}

/// The byte offset of an operand in `lhs:rhs`.
fn side_offset(side: Side) -> u8 {
    if side == Side::Lhs {
        0
    } else {
        16
    }
}

/// The shuffle mask interleaving `w`-byte lanes of `first` and `second`
/// from their low or high halves (`punpckl*`/`zip1`, `punpckh*`/`zip2`).
fn interleave_mask(w: u8, high: bool, first: Side, second: Side) -> [u8; 16] {
    let n = 16 / w;
    std::array::from_fn(|i| {
        let (j, t) = (i as u8 / w, i as u8 % w);
        let side = if j % 2 == 0 { first } else { second };
        let lane = j / 2 + if high { n / 2 } else { 0 };
        side_offset(side) + lane * w + t
    })
}

/// The shuffle mask putting `w`-byte lane `lane` of `src` in every lane.
fn splat_mask(w: u8, src: Side, lane: u8) -> [u8; 16] {
    std::array::from_fn(|i| side_offset(src) + lane * w + i as u8 % w)
}

#[test]
fn shuffle_kinds_are_recognised() {
    use Shape::*;
    use Side::*;
    let kind = ShuffleKind::of;
    let bytes = |f: fn(u8) -> u8| -> [u8; 16] { std::array::from_fn(|i| f(i as u8)) };
    assert_eq!(kind(bytes(|i| i)), Some(ShuffleKind::Identity(Lhs)));
    assert_eq!(kind(bytes(|i| 16 + i)), Some(ShuffleKind::Identity(Rhs)));
    // Indices are read modulo 32, as the backends read them.
    assert_eq!(kind(bytes(|i| 32 + i)), Some(ShuffleKind::Identity(Lhs)));
    for (shape, w) in [(I8x16, 1), (I16x8, 2), (I32x4, 4), (I64x2, 8)] {
        for high in [false, true] {
            for (first, second) in [(Lhs, Rhs), (Rhs, Lhs), (Lhs, Lhs), (Rhs, Rhs)] {
                // Two 64-bit lanes from one operand are a splat.
                let want = if w == 8 && first == second {
                    ShuffleKind::Splat {
                        shape,
                        src: first,
                        lane: high as u8,
                    }
                } else {
                    ShuffleKind::Interleave {
                        shape,
                        high,
                        first,
                        second,
                    }
                };
                let mask = interleave_mask(w, high, first, second);
                assert_eq!(kind(mask), Some(want), "{mask:?}");
            }
        }
        for lane in 0..16 / w {
            for src in [Lhs, Rhs] {
                let want = ShuffleKind::Splat { shape, src, lane };
                assert_eq!(kind(splat_mask(w, src, lane)), Some(want));
            }
        }
    }
    // punpcklbw by hand: a0 b0 a1 b1 ... a7 b7.
    let zip = [0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23];
    let want = ShuffleKind::Interleave {
        shape: I8x16,
        high: false,
        first: Lhs,
        second: Rhs,
    };
    assert_eq!(kind(zip), Some(want));
    // Not one of them: reversed, the interleave with one byte wrong, an
    // interleave of misaligned lanes, whole lanes in another order.
    assert_eq!(kind(bytes(|i| 15 - i)), None);
    let mut off = zip;
    off[5] = 4;
    assert_eq!(kind(off), None);
    assert_eq!(kind(bytes(|i| 1 + i / 2 + 16 * (i % 2))), None);
    assert_eq!(kind(bytes(|i| (i + 4) % 16)), None);
}

/// Every load kind with a register address plus offset and with a
/// constant address; the bytes come from a pattern at 200.
#[test]
fn vec_loads() {
    use VecLoadKind::*;
    let pattern: [u8; 16] = std::array::from_fn(|i| (i as u8).wrapping_mul(37) ^ 0x85);
    let kinds = [
        Load8x8S, Load8x8U, Load16x4S, Load16x4U, Load32x2S, Load32x2U, Splat8, Splat16, Splat32,
        Splat64, Zero32, Zero64,
    ];
    for kind in kinds {
        let p = &pattern;
        let want: V = match kind {
            Load8x8S | Load8x8U | Load16x4S | Load16x4U | Load32x2S | Load32x2U => {
                let (h, signed) = match kind {
                    Load8x8S => (1, true),
                    Load8x8U => (1, false),
                    Load16x4S => (2, true),
                    Load16x4U => (2, false),
                    Load32x2S => (4, true),
                    _ => (4, false),
                };
                let n = 8 / h;
                let lanes: Vec<u64> = (0..n)
                    .map(|i| {
                        if signed {
                            wrap(2 * h, slane(p, h, i) as i128)
                        } else {
                            lane(p, h, i)
                        }
                    })
                    .collect();
                from_lanes(2 * h, &lanes)
            }
            Splat8 | Splat16 | Splat32 | Splat64 => {
                let w = match kind {
                    Splat8 => 1,
                    Splat16 => 2,
                    Splat32 => 4,
                    _ => 8,
                };
                from_lanes(w, &vec![lane(p, w, 0); 16 / w])
            }
            Zero32 => from_lanes(4, &[lane(p, 4, 0)]),
            Zero64 => from_lanes(8, &[lane(p, 8, 0)]),
        };
        let by_reg = single(|m| {
            // Stale bits in dst that the load must overwrite.
            load_vec(m, F(8), B);
            m.mov(ValType::I32, I(7), param(0));
            m.vec_load(kind, F(8), Operand::Reg(I(7)), 3);
            store_vec(m, F(8), OUT);
        });
        let by_imm = single(|m| {
            load_vec(m, F(1), B);
            m.vec_load(kind, F(1), Operand::Imm(150), 50);
            store_vec(m, F(1), OUT);
        });
        for f in [by_reg, by_imm] {
            let mut bench = Bench::new(f);
            bench.env.mem()[200..216].copy_from_slice(&pattern);
            let got = bench.vec(&[[0x5A; 16], [0xC3; 16]], &[197]);
            assert_eq!(hex(&got), hex(&want), "{kind:?}");
        }
    }
}

#[test]
fn vec_lane_loads_and_stores() {
    use Shape::*;
    let v: V = std::array::from_fn(|i| 0xB0 + i as u8);
    let pattern: [u8; 8] = [0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88];
    for shape in [I8x16, I16x8, I32x4, I64x2] {
        let w = w_of(shape);
        for lane_ix in 0..shape.lanes() {
            let mut load = Bench::new(single(|m| {
                load_vec(m, F(11), A);
                m.mov(ValType::I32, I(1), param(0));
                m.vec_load_lane(shape, lane_ix, F(11), Operand::Reg(I(1)), 7);
                store_vec(m, F(11), OUT);
            }));
            load.env.mem()[300..308].copy_from_slice(&pattern);
            let got = load.vec(&[v], &[293]);
            let mut want = v;
            want[lane_ix as usize * w..][..w].copy_from_slice(&pattern[..w]);
            assert_eq!(hex(&got), hex(&want), "load lane {shape:?} {lane_ix}");

            let mut store = Bench::new(single(|m| {
                load_vec(m, F(4), A);
                m.mov(ValType::I32, I(2), param(0));
                m.vec_store_lane(shape, lane_ix, F(4), Operand::Reg(I(2)), 9);
            }));
            store.env.mem()[400..420].fill(0xEE);
            store.env.mem()[..16].copy_from_slice(&v);
            store.call(&[393]);
            let mut want = [0xEEu8; 20];
            want[2..2 + w].copy_from_slice(&v[lane_ix as usize * w..][..w]);
            assert_eq!(
                &store.env.mem()[400..420],
                &want,
                "store lane {shape:?} {lane_ix}"
            );
        }
    }
}

/// The last in-bounds access of each vector memory operation runs; one
/// byte further faults at the recorded trap site, including with an
/// offset too large for x64's displacement field.
#[test]
fn vec_memory_out_of_bounds_traps() {
    use VecLoadKind::*;
    let kinds = [
        (Load8x8S, 8),
        (Load32x2U, 8),
        (Splat8, 1),
        (Splat16, 2),
        (Splat32, 4),
        (Splat64, 8),
        (Zero32, 4),
        (Zero64, 8),
    ];
    for (kind, size) in kinds {
        let f = single(|m| {
            m.mov(ValType::I32, I(3), param(0));
            m.vec_load(kind, F(2), Operand::Reg(I(3)), 0);
        });
        assert!(run(&f, &[(PAGE - size) as u64]).is_ok(), "{kind:?}");
        assert_eq!(
            run(&f, &[(PAGE - size + 1) as u64]),
            Err(TrapCode::MemoryOutOfBounds),
            "{kind:?}"
        );
    }
    for shape in [Shape::I8x16, Shape::I16x8, Shape::I32x4, Shape::I64x2] {
        let size = w_of(shape);
        let load = single(|m| {
            m.mov(ValType::I32, I(3), param(0));
            m.vec_load_lane(shape, 1, F(2), Operand::Reg(I(3)), 0);
        });
        let store = single(|m| {
            m.mov(ValType::I32, I(3), param(0));
            m.vec_store_lane(shape, 1, F(2), Operand::Reg(I(3)), 0);
        });
        for f in [&load, &store] {
            assert!(run(f, &[(PAGE - size) as u64]).is_ok(), "{shape:?}");
            assert_eq!(
                run(f, &[(PAGE - size + 1) as u64]),
                Err(TrapCode::MemoryOutOfBounds),
                "{shape:?}"
            );
        }
        let far = single(|m| {
            m.mov(ValType::I32, I(3), param(0));
            m.vec_store_lane(shape, 0, F(2), Operand::Reg(I(3)), 0x8000_0000);
        });
        assert_eq!(run(&far, &[0x8000_0000]), Err(TrapCode::MemoryOutOfBounds));
        let imm = single(|m| {
            m.vec_load_lane(shape, 0, F(2), Operand::Imm(-1), 0xFFFF_FFFF);
        });
        assert_eq!(run(&imm, &[]), Err(TrapCode::MemoryOutOfBounds));
    }
}
