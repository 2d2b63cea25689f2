//! The scalar twin of `simd.rs`, compiled for the native build that
//! records ../rust_simd.expected. Each function computes lane by lane what
//! its SIMD version's instructions are specified to compute: wrapping and
//! saturating lanes, `min`/`max` that propagate NaN and order -0 below +0,
//! `pmin`/`pmax` as a plain `<` select, float-to-int conversions that
//! saturate and send NaN to 0 (which Rust's `as` also does), shift counts
//! modulo the lane width.

use crate::{AsciiStats, DotSad, DoubleLanes, FloatLanes, HashLanes, Zigzag, Q15};

fn nibble(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// Decodes 32 hex digits at a time into 16 bytes; false at the first
/// 32-digit block with a bad digit (which is not written).
pub fn hex_decode(hex: &[u8], out: &mut [u8]) -> bool {
    for (block, dst) in hex.chunks_exact(32).zip(out.chunks_exact_mut(16)) {
        let Some(n) = block
            .iter()
            .map(|&c| nibble(c))
            .collect::<Option<Vec<u8>>>()
        else {
            return false;
        };
        for (d, pair) in dst.iter_mut().zip(n.chunks_exact(2)) {
            *d = pair[0] << 4 | pair[1];
        }
    }
    true
}

pub fn ascii_stats(s: &[u8]) -> AsciiStats {
    AsciiStats {
        non_ascii: s.iter().filter(|&&b| b >= 0x80).count(),
        newlines: s.iter().filter(|&&b| b == b'\n').count(),
        first_non_ascii: s.iter().position(|&b| b >= 0x80),
    }
}

/// p = M p for each point, each row summed left to right.
pub fn transform(points: &mut [[f32; 4]], m: &[[f32; 4]; 4]) {
    for p in points {
        let [x, y, z, w] = *p;
        for (r, row) in m.iter().enumerate() {
            p[r] = row[0] * x + row[1] * y + row[2] * z + row[3] * w;
        }
    }
}

/// RGBA to premultiplied BGRA: each colour times alpha / 255, rounded.
pub fn premultiply_bgra(px: &mut [u8]) {
    let times = |c: u8, a: u8| {
        let x = c as u32 * a as u32 + 128;
        ((x + (x >> 8)) >> 8) as u8
    };
    for p in px.chunks_exact_mut(4) {
        let a = p[3];
        let [r, g, b] = [times(p[0], a), times(p[1], a), times(p[2], a)];
        p.copy_from_slice(&[b, g, r, a]);
    }
}

/// x * scale rounded to even, saturated to i32, then i16, then i8 / u8.
pub fn quantize(x: &[f32], scale: f32, s8: &mut [i8], u8: &mut [u8]) {
    for ((v, s), u) in x.iter().zip(s8).zip(u8) {
        let w = ((v * scale).round_ties_even() as i32).clamp(-32768, 32767);
        *s = w.clamp(-128, 127) as i8;
        *u = w.clamp(0, 255) as u8;
    }
}

fn fmin(a: f32, b: f32) -> f32 {
    if a.is_nan() || b.is_nan() {
        f32::NAN
    } else if a == b {
        if a.is_sign_negative() {
            a
        } else {
            b
        }
    } else if a < b {
        a
    } else {
        b
    }
}

fn fmax(a: f32, b: f32) -> f32 {
    if a.is_nan() || b.is_nan() {
        f32::NAN
    } else if a == b {
        if a.is_sign_negative() {
            b
        } else {
            a
        }
    } else if a > b {
        a
    } else {
        b
    }
}

pub fn float_lanes(x: &[f32]) -> FloatLanes {
    let mut l = FloatLanes {
        min: [f32::INFINITY; 4],
        max: [f32::NEG_INFINITY; 4],
        pmin: [f32::INFINITY; 4],
        pmax: [f32::NEG_INFINITY; 4],
        sqrt_sum: [0.0; 4],
        rounding: [0.0; 4],
        quotients: [0.0; 4],
        u32_xor: [0; 4],
        converted: [0.0; 4],
    };
    for v in x.chunks_exact(4) {
        for (i, &v) in v.iter().enumerate() {
            l.min[i] = fmin(l.min[i], v);
            l.max[i] = fmax(l.max[i], v);
            l.pmin[i] = if v < l.pmin[i] { v } else { l.pmin[i] };
            l.pmax[i] = if l.pmax[i] < v { v } else { l.pmax[i] };
            l.sqrt_sum[i] += v.abs().sqrt();
            l.rounding[i] += (v.ceil() - v.floor()) + (v.trunc() - (-v).round_ties_even());
            l.quotients[i] += v / (v.abs() + 1.0);
            let u = (v * 1000.0) as u32;
            l.u32_xor[i] ^= u;
            l.converted[i] = l.converted[i] + u as f32 + v as i32 as f32;
        }
    }
    l
}

fn dmin(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        f64::NAN
    } else if a == b {
        if a.is_sign_negative() {
            a
        } else {
            b
        }
    } else if a < b {
        a
    } else {
        b
    }
}

fn dmax(a: f64, b: f64) -> f64 {
    -dmin(-a, -b)
}

pub fn double_lanes(x: &[f32]) -> DoubleLanes {
    let mut l = DoubleLanes {
        sum: [0.0; 2],
        min: [f64::INFINITY; 2],
        max: [f64::NEG_INFINITY; 2],
        pmin: [f64::INFINITY; 2],
        pmax: [f64::NEG_INFINITY; 2],
        rounding: [0.0; 2],
        demoted: [0; 4],
        ints: [0; 4],
        first_ints: [0; 4],
        uints: [0; 4],
    };
    for (k, v) in x.chunks_exact(4).enumerate() {
        for i in 0..2 {
            let (lo, hi) = (v[i] as f64, v[i + 2] as f64);
            l.sum[i] = (l.sum[i] + lo.abs().sqrt()) + hi * 0.5;
            l.min[i] = dmin(l.min[i], lo);
            l.max[i] = dmax(l.max[i], hi);
            l.pmin[i] = if lo < l.pmin[i] { lo } else { l.pmin[i] };
            l.pmax[i] = if l.pmax[i] < hi { hi } else { l.pmax[i] };
            let t = hi as i32;
            let u = hi as u32;
            l.rounding[i] += (lo.ceil() - hi.floor()) + lo.trunc() * hi.round_ties_even();
            l.rounding[i] += t as f64 - u as f64;
            l.demoted[i] ^= ((hi / lo) as f32).to_bits();
            l.ints[i] = l.ints[i].wrapping_add(t);
            l.uints[i] = l.uints[i].wrapping_add(u);
            if k == 0 {
                l.first_ints[i] = t;
            }
        }
    }
    l
}

pub fn hash_u64(data: &[u64]) -> HashLanes {
    let mut l = HashLanes {
        hash: [0x0123_4567_89ab_cdef, 0xfedc_ba98_7654_3210],
        below: 0,
        abs_sum: [0; 2],
        ext: [0; 2],
        compares: 0,
        all_nonzero: true,
    };
    for v in data.chunks_exact(2) {
        let mut h = [0u64; 2];
        let mut s = [0i64; 2];
        for i in 0..2 {
            h[i] = (l.hash[i] ^ v[i]).wrapping_mul(0x9e37_79b9_7f4a_7c15);
            h[i] ^= h[i] >> 29;
            s[i] = h[i] as i64 >> 7;
        }
        let mut c = 0;
        for i in 0..2 {
            l.below += ((h[i] as i64) < s[i]) as u32;
            l.abs_sum[i] = l.abs_sum[i].wrapping_add((v[i] as i64).wrapping_abs() as u64);
            c |= ((v[i] as i64 > h[i] as i64) as u32) << i;
            c |= ((v[i] as i64 <= s[i]) as u32) << (i + 2);
            c |= ((h[i] as i64 >= v[i] as i64) as u32) << (i + 4);
            c |= ((h[i] as i64 == s[i]) as u32) << (i + 6);
            c |= ((v[i] != h[i]) as u32) << (i + 8);
            l.all_nonzero &= v[i] != 0;
        }
        l.compares = l.compares.rotate_left(5) ^ c;
        // extmul_low reads 32-bit lanes 0 and 1 (both halves of v[0], h[0])
        // as signed; extmul_high lanes 2 and 3 (of v[1], h[1]) as unsigned.
        let half = |x: u64, j: usize| (x >> (32 * j)) as u32;
        for j in 0..2 {
            let low = half(v[0], j) as i32 as i64 * half(h[0], j) as i32 as i64;
            let high = half(v[1], j) as u64 * half(h[1], j) as u64;
            l.ext[j] = l.ext[j].wrapping_sub(low as u64).wrapping_add(high);
        }
        l.hash = h;
    }
    l
}

pub fn dot_sad(a: &[i16], b: &[i16], x: &[u8], y: &[u8]) -> DotSad {
    let mut d = DotSad {
        dot: [0; 4],
        sad: [0; 4],
        pair_sums: [0; 4],
    };
    for (p, q) in a.chunks_exact(8).zip(b.chunks_exact(8)) {
        for k in 0..4 {
            let lane = (p[2 * k] as i32 * q[2 * k] as i32)
                .wrapping_add(p[2 * k + 1] as i32 * q[2 * k + 1] as i32);
            d.dot[k] = d.dot[k].wrapping_add(lane);
            d.pair_sums[k] += p[2 * k] as u16 as i32 + p[2 * k + 1] as u16 as i32;
        }
    }
    for (p, q) in x.chunks_exact(16).zip(y.chunks_exact(16)) {
        for k in 0..4 {
            for j in 4 * k..4 * k + 4 {
                d.sad[k] += p[j].abs_diff(q[j]) as u32;
                d.pair_sums[k] += p[j] as i8 as i32;
            }
        }
    }
    d
}

pub fn popcount(s: &[u8]) -> u32 {
    s.iter().map(|b| b.count_ones()).sum()
}

/// Rounding, saturating Q15 multiply.
fn q15(a: i16, b: i16) -> i16 {
    ((a as i32 * b as i32 + 0x4000) >> 15).clamp(-32768, 32767) as i16
}

pub fn q15_filter(sig: &mut [i16], g: i16, h: i16) -> Q15 {
    let mut prev = [0i16; 8];
    let mut peak = [0i16; 8];
    let mut avg = [0u16; 8];
    for chunk in sig.chunks_exact_mut(8) {
        for i in 0..8 {
            let v = chunk[i];
            let y = q15(v, g)
                .saturating_add(q15(prev[i], h))
                .clamp(-30000, 30000);
            chunk[i] = y;
            prev[i] = v;
            peak[i] = peak[i].max(y.saturating_sub(v).wrapping_abs());
            avg[i] = ((avg[i] as u32 + y as u16 as u32 + 1) >> 1) as u16;
        }
    }
    Q15 {
        peak: *peak.iter().max().unwrap(),
        avg,
    }
}

pub fn zigzag_delta(s: &[u8], out: &mut [u8], shift: u32) -> Zigzag {
    let mut z = Zigzag {
        sign_mask: 0,
        min: i8::MAX,
        max: 0,
        bits: [0; 16],
    };
    let mut prev = 0u8;
    for (src, dst) in s.chunks_exact(16).zip(out.chunks_exact_mut(16)) {
        let mut signs = 0u32;
        for i in 0..16 {
            let d = src[i].wrapping_sub(prev) as i8;
            prev = src[i];
            let zz = ((d as u8) << 1) ^ ((d >> 7) as u8);
            dst[i] = zz;
            signs |= ((d < 0) as u32) << i;
            z.min = z.min.min(d);
            z.max = z.max.max(zz);
            z.bits[i] ^= (src[i] >> (shift & 7)) ^ (zz << ((shift + 3) & 7));
        }
        z.sign_mask = z.sign_mask.rotate_left(3) ^ signs;
    }
    z
}
