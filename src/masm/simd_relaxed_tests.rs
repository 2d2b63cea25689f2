//! Relaxed SIMD in both modes, on the native backend (a child of
//! `simd_tests`, whose harness and models it shares): every relaxed
//! operator, on the inputs where its allowed results differ (NaN and
//! out-of-range truncations, swizzle indices 16-127 and 128-255, masks that
//! are neither all ones nor all zeros, products that fusing rounds
//! differently, `q15mulr(-32768, -32768)`, dot products with high-bit
//! bytes), under every feature set and several register assignments.
//!
//! * Deterministic mode must give exactly the deterministic forms
//!   documented in `masm::simd` (the models of `simd_tests`), whatever the
//!   feature set.
//! * Fast mode must give exactly the form documented for this ISA and
//!   feature set, and that form must be one of the results the relaxed-SIMD
//!   specification allows, which this file models separately, lane by lane.

use super::*;

/// What the backend under test was documented to pick (`masm::simd`).
#[derive(Copy, Clone)]
struct Host {
    x64: bool,
    fma: bool,
    avx: bool,
}

impl Host {
    fn of(features: CpuFeatures) -> Host {
        let features = features.intersection(CpuFeatures::host());
        Host {
            x64: M::TARGET == Target::X86_64,
            fma: features.contains(CpuFeature::Fma),
            avx: features.contains(CpuFeature::Avx),
        }
    }
}

/// One result lane: what the fast form returns, and every result the
/// specification allows.
struct Relaxed {
    fast: Lane,
    allowed: Vec<Lane>,
}

fn exact(x: u64) -> Relaxed {
    Relaxed {
        fast: Lane::Bits(x),
        allowed: vec![Lane::Bits(x)],
    }
}

fn sat16(x: i128) -> i128 {
    x.clamp(-32768, 32767)
}

/// The pair sums of `i8x16.relaxed_dot_i8x16_i7x16_s` for result lane
/// `i` of an i16x8: `b` read signed, and unsigned.
fn dot_pair(a: &V, b: &V, i: usize) -> (i128, i128) {
    let (mut s, mut u) = (0, 0);
    for k in 2 * i..2 * i + 2 {
        let x = slane(a, 1, k) as i128;
        s += x * slane(b, 1, k) as i128;
        u += x * lane(b, 1, k) as i128;
    }
    (s, u)
}

/// Fused multiply-add of the float type.
trait Fma: Float {
    fn fma(self, b: Self, c: Self) -> Self;
}
impl Fma for f32 {
    fn fma(self, b: f32, c: f32) -> f32 {
        self.mul_add(b, c)
    }
}
impl Fma for f64 {
    fn fma(self, b: f64, c: f64) -> f64 {
        self.mul_add(b, c)
    }
}

fn relaxed_binop(op: VecBinOp, shape: Shape, a: &V, b: &V, host: Host) -> Vec<Relaxed> {
    use VecBinOp::*;
    match (op, shape) {
        (RelaxedMin | RelaxedMax, Shape::F32x4) => min_max::<f32>(op, a, b, host),
        (RelaxedMin | RelaxedMax, _) => min_max::<f64>(op, a, b, host),
        (RelaxedSwizzle, _) => (0..16)
            .map(|i| {
                let idx = b[i] as usize;
                let modulo = u64::from(a[idx % 16]);
                if idx < 16 {
                    exact(modulo)
                } else if idx >= 128 {
                    exact(0)
                } else {
                    Relaxed {
                        fast: Lane::Bits(if host.x64 { modulo } else { 0 }),
                        allowed: vec![Lane::Bits(0), Lane::Bits(modulo)],
                    }
                }
            })
            .collect(),
        (RelaxedQ15Mulr, _) => (0..8)
            .map(|i| {
                let (x, y) = (slane(a, 2, i) as i128, slane(b, 2, i) as i128);
                if x == -32768 && y == -32768 {
                    Relaxed {
                        fast: Lane::Bits(if host.x64 { 0x8000 } else { 0x7fff }),
                        allowed: vec![Lane::Bits(0x7fff), Lane::Bits(0x8000)],
                    }
                } else {
                    exact(wrap(2, sat16((x * y + 0x4000) >> 15)))
                }
            })
            .collect(),
        (RelaxedDot, _) => (0..8)
            .map(|i| {
                let (s, u) = dot_pair(a, b, i);
                // `b` signed or unsigned, the pair sum wrapped or
                // saturated to 16 bits.
                let allowed = [s, sat16(s), u, sat16(u)]
                    .map(|x| Lane::Bits(wrap(2, x)))
                    .to_vec();
                let fast = if host.x64 { sat16(u) } else { s };
                Relaxed {
                    fast: Lane::Bits(wrap(2, fast)),
                    allowed,
                }
            })
            .collect(),
        _ => unreachable!("{op:?} is not relaxed"),
    }
}

/// `relaxed_min`/`relaxed_max`: a NaN operand or zeros of opposite signs
/// may give either operand, or what `min`/`max` give.
fn min_max<T: Float>(op: VecBinOp, a: &V, b: &V, host: Host) -> Vec<Relaxed> {
    let strict = if op == VecBinOp::RelaxedMin {
        VecBinOp::Min
    } else {
        VecBinOp::Max
    };
    let w = T::W;
    let model = float_binop::<T>(strict, a, b);
    (0..16 / w)
        .map(|i| {
            let (xa, xb) = (lane(a, w, i), lane(b, w, i));
            let (x, y) = (T::of(xa), T::of(xb));
            let special = x.is_nan()
                || y.is_nan()
                || (x.zero() && y.zero() && x.is_sign_negative() != y.is_sign_negative());
            if !special {
                return Relaxed {
                    fast: model[i],
                    allowed: vec![model[i]],
                };
            }
            Relaxed {
                fast: if host.x64 { Lane::Bits(xb) } else { model[i] },
                allowed: vec![model[i], Lane::Bits(xa), Lane::Bits(xb)],
            }
        })
        .collect()
}

fn relaxed_unop(op: VecUnOp, s: &V, host: Host) -> Vec<Relaxed> {
    use VecUnOp::*;
    let signed = matches!(op, RelaxedTruncS | RelaxedTruncZeroS);
    let from_f64 = matches!(op, RelaxedTruncZeroS | RelaxedTruncZeroU);
    (0..4)
        .map(|i| {
            if from_f64 && i >= 2 {
                return exact(0);
            }
            let x = if from_f64 {
                f64::from_bits(lane(s, 8, i))
            } else {
                f32::from_bits(lane(s, 4, i) as u32) as f64
            };
            // `as` saturates and maps NaN to 0: `trunc_sat`.
            let sat = if signed {
                wrap(4, x as i32 as i128)
            } else {
                u64::from(x as u32)
            };
            let t = x.trunc();
            let in_range = if signed {
                (-2147483648.0..2147483648.0).contains(&t)
            } else {
                (0.0..4294967296.0).contains(&t)
            };
            if in_range {
                return exact(sat);
            }
            // NaN and out of range: the saturated result, or the one
            // pattern the hardware gives.
            let other = if signed { 0x8000_0000 } else { 0xffff_ffff };
            Relaxed {
                fast: Lane::Bits(if host.x64 && signed { other } else { sat }),
                allowed: vec![Lane::Bits(sat), Lane::Bits(other)],
            }
        })
        .collect()
}

fn relaxed_ternary(
    op: VecTernaryOp,
    shape: Shape,
    a: &V,
    b: &V,
    c: &V,
    host: Host,
) -> Vec<Relaxed> {
    use VecTernaryOp::*;
    match (op, shape) {
        (RelaxedLaneselect, _) => {
            let (w, n) = (w_of(shape), n_of(shape));
            (0..n)
                .map(|i| {
                    let (x, y, m) = (lane(a, w, i), lane(b, w, i), lane(c, w, i));
                    if m == ones(w) {
                        return exact(x);
                    }
                    if m == 0 {
                        return exact(y);
                    }
                    let bitselect = (x & m) | (y & !m);
                    let top = if m >> (8 * w - 1) != 0 { x } else { y };
                    let blend = host.x64 && host.avx && w != 2;
                    Relaxed {
                        fast: Lane::Bits(if blend { top } else { bitselect }),
                        allowed: vec![Lane::Bits(bitselect), Lane::Bits(top)],
                    }
                })
                .collect()
        }
        (RelaxedMadd | RelaxedNmadd, Shape::F32x4) => madd::<f32>(op, a, b, c, host),
        (RelaxedMadd | RelaxedNmadd, _) => madd::<f64>(op, a, b, c, host),
        (RelaxedDotAdd, _) => (0..4)
            .map(|i| {
                let (s0, u0) = dot_pair(a, b, 2 * i);
                let (s1, u1) = dot_pair(a, b, 2 * i + 1);
                let addend = slane(c, 4, i) as i128;
                let sum = |p: i128, q: i128| Lane::Bits(wrap(4, p + q + addend));
                // `b` signed or unsigned, the pair sums saturated to 16
                // bits or not.
                let allowed = vec![
                    sum(s0, s1),
                    sum(sat16(s0), sat16(s1)),
                    sum(u0, u1),
                    sum(sat16(u0), sat16(u1)),
                ];
                let fast = if host.x64 {
                    sum(sat16(u0), sat16(u1))
                } else {
                    sum(s0, s1)
                };
                Relaxed { fast, allowed }
            })
            .collect(),
        _ => unreachable!("{op:?} {shape:?} is not relaxed"),
    }
}

/// `relaxed_madd`/`relaxed_nmadd`: fused (one rounding) or not.
fn madd<T: Fma>(op: VecTernaryOp, a: &V, b: &V, c: &V, host: Host) -> Vec<Relaxed> {
    let w = T::W;
    let neg = op == VecTernaryOp::RelaxedNmadd;
    (0..16 / w)
        .map(|i| {
            let (xa, xb, xc) = (lane(a, w, i), lane(b, w, i), lane(c, w, i));
            let x = if neg { T::of(xa).neg() } else { T::of(xa) };
            let unfused = x.mul(T::of(xb)).add(T::of(xc));
            let fused = x.fma(T::of(xb), T::of(xc));
            let inputs = [(w, xa), (w, xb), (w, xc)];
            let unfused = float_lane(w, &inputs, unfused.bits());
            let fused = float_lane(w, &inputs, fused.bits());
            Relaxed {
                fast: if host.x64 && !host.fma {
                    unfused
                } else {
                    fused
                },
                allowed: vec![unfused, fused],
            }
        })
        .collect()
}

/// Compare one result with both modes' expectations: `deterministic`
/// (the model of `simd_tests`) or the documented fast form, which must
/// itself be allowed.
#[track_caller]
fn check_relaxed(
    what: &str,
    w: usize,
    inputs: &[V],
    got: &V,
    deterministic: bool,
    model: &[Lane],
    relaxed: &[Relaxed],
) {
    for (i, r) in relaxed.iter().enumerate() {
        assert!(
            r.allowed.contains(&r.fast),
            "{what}: lane {i}: the documented fast form {:x?} is not among the allowed {:x?}",
            r.fast,
            r.allowed
        );
    }
    if deterministic {
        check(what, w, inputs, got, model);
    } else {
        let fast: Vec<Lane> = relaxed.iter().map(|r| r.fast).collect();
        check(what, w, inputs, got, &fast);
    }
}

/// Every mode and feature set, each with relaxed SIMD deterministic and
/// not.
fn modes() -> Vec<CodegenOptions> {
    let mut v = Vec::new();
    for features in feature_sets() {
        for relaxed_simd_deterministic in [true, false] {
            v.push(CodegenOptions {
                features,
                relaxed_simd_deterministic,
            });
        }
    }
    v
}

fn bytes(b: [i8; 16]) -> V {
    b.map(|x| x as u8)
}

fn f32s(x: [f32; 4]) -> V {
    from_lanes(4, &x.map(|f| u64::from(f.to_bits())))
}

fn f64s(x: [f64; 2]) -> V {
    from_lanes(8, &x.map(f64::to_bits))
}

fn i16s(x: [i16; 8]) -> V {
    from_lanes(2, &x.map(|h| h as u16 as u64))
}

/// The inputs where the relaxed forms differ, for an operator whose
/// operands have `shape`'s lanes, followed by a few ordinary ones.
fn edge_inputs(op: &str, shape: Shape) -> Vec<V> {
    let nan32 = f32::from_bits(0x7fc0_0000);
    let payload32 = f32::from_bits(0xffa0_1234);
    let nan64 = f64::from_bits(0x7ff8_0000_0000_0000);
    let payload64 = f64::from_bits(0xfff4_0000_0000_1234);
    let mut v = match (op, shape) {
        // Indices: in range, 16-127 and 128-255.
        ("swizzle", _) => vec![
            std::array::from_fn(|i| 15 - i as u8),
            std::array::from_fn(|i| i as u8 + 16),
            std::array::from_fn(|i| i as u8 * 7 + 20),
            std::array::from_fn(|i| 120 + i as u8),
            std::array::from_fn(|i| 255 - i as u8 * 9),
        ],
        ("dot", _) => vec![
            bytes([
                -128, -128, -128, -128, 127, 127, -1, -1, 5, -7, 0, 1, -128, 127, 64, -64,
            ]),
            bytes([
                -128, -128, -128, -128, -127, -127, -1, 1, -1, 100, -100, 3, 127, -128, -2, 2,
            ]),
            bytes([
                1, 2, 3, 4, -5, -6, -7, -8, -128, -128, 127, 127, 9, 10, 11, 12,
            ]),
        ],
        ("q15", _) => vec![
            i16s([-32768, -32768, -32767, 32767, 0, 1, -1, 16384]),
            i16s([
                -32768, -32767, -32768, 32767, -32768, -32768, -32768, -32768,
            ]),
        ],
        ("mask", _) => vec![
            std::array::from_fn(|i| 0x10 + i as u8),
            std::array::from_fn(|i| 0xe0 - i as u8),
            from_lanes(8, &[0xffff_ffff_ffff_ffff, 0]),
            from_lanes(8, &[0xff00_ff00_0f0f_f0f0, 0x8000_0000_0000_0000]),
            from_lanes(8, &[0x0000_0080_ffff_0000, 0x7fff_ffff_ffff_ffff]),
            from_lanes(8, &[0x00ff_ff00_8000_7f80, 0x0000_0000_ffff_ffff]),
        ],
        (_, Shape::F32x4) => vec![
            f32s([nan32, 1.0, -0.0, 0.0]),
            f32s([1.0, payload32, 0.0, -0.0]),
            f32s([nan32, payload32, 3e9, -3e9]),
            f32s([f32::INFINITY, -2147483904.0, 2147483520.0, 4294967040.0]),
            f32s([4294967296.0, -1.0, -0.5, f32::NEG_INFINITY]),
        ],
        (_, Shape::F64x2) => vec![
            f64s([nan64, -0.0]),
            f64s([payload64, 0.0]),
            f64s([2147483648.0, -2147483649.0]),
            f64s([4294967296.0, -1.0]),
            f64s([f64::NAN, 4294967295.9]),
        ],
        // Tables (for the swizzle).
        _ => vec![std::array::from_fn(|i| 0x40 + i as u8)],
    };
    v.extend(vectors(shape).into_iter().step_by(3));
    v
}

#[test]
fn relaxed_binops_both_modes() {
    use Shape::*;
    use VecBinOp::*;
    let cases = [
        (RelaxedSwizzle, I8x16, "swizzle"),
        (RelaxedQ15Mulr, I16x8, "q15"),
        (RelaxedDot, I16x8, "dot"),
        (RelaxedMin, F32x4, "float"),
        (RelaxedMax, F32x4, "float"),
        (RelaxedMin, F64x2, "float"),
        (RelaxedMax, F64x2, "float"),
    ];
    for (op, shape, kind) in cases {
        let src = if op == RelaxedDot { I8x16 } else { shape };
        let inputs = edge_inputs(kind, src);
        // The operands of the swizzle are a table and indices.
        let lhs = if op == RelaxedSwizzle {
            edge_inputs("table", I8x16)
        } else {
            inputs.clone()
        };
        for options in modes() {
            let host = Host::of(options.features);
            for (d, l, r) in BIN_REGS {
                let mut bench = Bench::new(single_with(options, |m| {
                    load_vec(m, F(l), A);
                    if r != l {
                        load_vec(m, F(r), B);
                    }
                    m.vec_binop(op, shape, F(d), F(l), F(r));
                    store_vec(m, F(d), OUT);
                }));
                for (k, &y) in inputs.iter().enumerate() {
                    for &x in lhs.iter().skip(k % 2).step_by(2) {
                        let y = if l == r { x } else { y };
                        let got = bench.vec(&[x, y], &[]);
                        let model = binop_model(op, shape, &x, &y);
                        let relaxed = relaxed_binop(op, shape, &x, &y, host);
                        let what = format!("{op:?} {shape:?} regs {:?} {options:?}", (d, l, r));
                        let det = options.relaxed_simd_deterministic;
                        check_relaxed(&what, w_of(shape), &[x, y], &got, det, &model, &relaxed);
                    }
                }
            }
        }
    }
}

#[test]
fn relaxed_truncations_both_modes() {
    use Shape::*;
    use VecUnOp::*;
    let cases = [
        (RelaxedTruncS, F32x4),
        (RelaxedTruncU, F32x4),
        (RelaxedTruncZeroS, F64x2),
        (RelaxedTruncZeroU, F64x2),
    ];
    for (op, src) in cases {
        for options in modes() {
            let host = Host::of(options.features);
            for (d, s) in [(0, 1), (11, 11), (13, 8)] {
                let mut bench = Bench::new(single_with(options, |m| {
                    load_vec(m, F(s), A);
                    m.vec_unop(op, I32x4, F(d), F(s));
                    store_vec(m, F(d), OUT);
                }));
                for x in edge_inputs("", src) {
                    let got = bench.vec(&[x], &[]);
                    let model = unop_model(op, I32x4, &x);
                    let relaxed = relaxed_unop(op, &x, host);
                    let what = format!("{op:?} regs {:?} {options:?}", (d, s));
                    let det = options.relaxed_simd_deterministic;
                    check_relaxed(&what, 4, &[x], &got, det, &model, &relaxed);
                }
            }
        }
    }
}

#[test]
fn relaxed_ternaries_both_modes() {
    use Shape::*;
    use VecTernaryOp::*;
    let cases = [
        (RelaxedLaneselect, I8x16, "mask"),
        (RelaxedLaneselect, I16x8, "mask"),
        (RelaxedLaneselect, I32x4, "mask"),
        (RelaxedLaneselect, I64x2, "mask"),
        (RelaxedMadd, F32x4, "float"),
        (RelaxedMadd, F64x2, "float"),
        (RelaxedNmadd, F32x4, "float"),
        (RelaxedNmadd, F64x2, "float"),
        (RelaxedDotAdd, I32x4, "dot"),
    ];
    // (dst, a, b, c): distinct, dst = a, b = c, a = b = c.
    let regs = [(0, 1, 2, 3), (7, 7, 12, 13), (5, 6, 9, 9), (10, 2, 2, 2)];
    for (op, shape, kind) in cases {
        let src = if op == RelaxedDotAdd { I8x16 } else { shape };
        let vs = edge_inputs(kind, src);
        let n = vs.len();
        // Every input in every operand position, and the fusing cases.
        let mut triples: Vec<(V, V, V)> = (0..n)
            .flat_map(|i| [i, (i + 1) % n, (i + 3) % n].map(|j| (vs[i], vs[j], vs[(j + 2) % n])))
            .collect();
        if kind == "float" {
            triples.extend(fusing_triples(shape));
        }
        for options in modes() {
            let host = Host::of(options.features);
            for (d, a, b, c) in regs {
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
                for &(x, y, z) in &triples {
                    let y = if b == a { x } else { y };
                    let z = if c == b { y } else { z };
                    let got = bench.vec(&[x, y, z], &[]);
                    let model = ternary_model(op, shape, &x, &y, &z);
                    let relaxed = relaxed_ternary(op, shape, &x, &y, &z, host);
                    let what = format!("{op:?} {shape:?} regs {:?} {options:?}", (d, a, b, c));
                    let det = options.relaxed_simd_deterministic;
                    check_relaxed(&what, w_of(shape), &[x, y, z], &got, det, &model, &relaxed);
                }
            }
        }
    }
}

/// Operands `(x, y, z)` whose `x * y + z` (the first triple) and
/// `-(x * y) + z` (the second, `x` negated) round differently fused and
/// unfused, lane by lane:
/// `(1 + 2^-22)(1 + 2^-15) - (1 + 2^-15 + 2^-22)` is `2^-37` fused and 0
/// unfused (`2^-30`, `2^-23`: `2^-53` for f64), and `MAX * 2 - MAX` is
/// `MAX` fused and infinity unfused.
fn fusing_triples(shape: Shape) -> Vec<(V, V, V)> {
    let p = |e: i32| 2f64.powi(e);
    let mut v = Vec::new();
    for sign in [1.0, -1.0] {
        v.push(if shape == Shape::F32x4 {
            let (x, y) = (1.0 + p(-22), 1.0 + p(-15));
            let z = -(1.0 + p(-15) + p(-22));
            let m = f64::from(f32::MAX);
            let lanes = |a: [f64; 4]| f32s(a.map(|f| f as f32));
            (
                lanes([sign * x, sign * m, sign * x, sign * m]),
                lanes([y, 2.0, y, 2.0]),
                lanes([z, -m, z, -m]),
            )
        } else {
            let (x, y) = (1.0 + p(-30), 1.0 + p(-23));
            let z = -(1.0 + p(-23) + p(-30));
            (
                f64s([sign * x, sign * f64::MAX]),
                f64s([y, 2.0]),
                f64s([z, -f64::MAX]),
            )
        });
    }
    v
}

/// The inputs above do reach the cases they are for: every lane of the
/// fusing triples rounds differently fused and unfused, and each relaxed
/// binary operator meets lanes whose allowed results differ (so the tests
/// above cannot pass vacuously).
#[test]
fn relaxed_edge_inputs_reach_the_differences() {
    let host = Host {
        x64: true,
        fma: true,
        avx: true,
    };
    for shape in [Shape::F32x4, Shape::F64x2] {
        for op in [VecTernaryOp::RelaxedMadd, VecTernaryOp::RelaxedNmadd] {
            let reached = fusing_triples(shape).iter().any(|(x, y, z)| {
                let lanes = relaxed_ternary(op, shape, x, y, z, host);
                lanes.iter().all(|r| r.allowed[0] != r.allowed[1])
            });
            assert!(
                reached,
                "{op:?} {shape:?}: no input where every lane fuses differently"
            );
        }
    }
    let swz = edge_inputs("swizzle", Shape::I8x16);
    let table = edge_inputs("table", Shape::I8x16)[0];
    let differs = |r: &Relaxed| r.allowed.len() > 1 && r.allowed.iter().any(|l| *l != r.allowed[0]);
    assert!(swz.iter().any(|ix| relaxed_binop(
        VecBinOp::RelaxedSwizzle,
        Shape::I8x16,
        &table,
        ix,
        host
    )
    .iter()
    .any(differs)));
    let q = edge_inputs("q15", Shape::I16x8);
    assert!(
        relaxed_binop(VecBinOp::RelaxedQ15Mulr, Shape::I16x8, &q[0], &q[1], host)
            .iter()
            .any(differs)
    );
    let dot = edge_inputs("dot", Shape::I8x16);
    assert!(
        relaxed_binop(VecBinOp::RelaxedDot, Shape::I16x8, &dot[0], &dot[1], host)
            .iter()
            .any(differs)
    );
}
