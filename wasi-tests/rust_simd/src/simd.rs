//! The kernels with `core::arch::wasm32` SIMD intrinsics, for the
//! wasm32-wasip1 build (`-C target-feature=+simd128`). `scalar.rs` is
//! their twin for the native build; both must print the same.

use crate::{AsciiStats, DotSad, DoubleLanes, FloatLanes, HashLanes, Zigzag, Q15};
use core::arch::wasm32::*;

// Without simd128 the intrinsics would not be SIMD instructions, and the
// program would test nothing.
#[cfg(not(target_feature = "simd128"))]
compile_error!("build rust_simd for wasm32 with -C target-feature=+simd128 (see ../../build.sh)");

/// The first 16 bytes of a slice, as a vector.
fn load<T: Copy>(s: &[T]) -> v128 {
    assert!(core::mem::size_of_val(s) >= 16);
    // SAFETY: the slice has at least 16 bytes, and v128_load reads
    // unaligned (it is `read_unaligned`).
    unsafe { v128_load(s.as_ptr() as *const v128) }
}

/// Stores a vector into the first 16 bytes of a slice of plain numbers
/// (any bits are a valid value of each element type used here).
fn store<T: Copy>(s: &mut [T], v: v128) {
    assert!(core::mem::size_of_val(s) >= 16);
    // SAFETY: as in `load`; the elements are integers or floats.
    unsafe { v128_store(s.as_mut_ptr() as *mut v128, v) }
}

fn f32s(v: v128) -> [f32; 4] {
    let mut a = [0.0; 4];
    store(&mut a, v);
    a
}

fn f64s(v: v128) -> [f64; 2] {
    let mut a = [0.0; 2];
    store(&mut a, v);
    a
}

/// 16 hex digits to their values, or None if one is not a digit.
fn nibbles(v: v128) -> Option<v128> {
    let digit = i8x16_sub(v, u8x16_splat(b'0'));
    let letter = i8x16_sub(v128_or(v, u8x16_splat(0x20)), u8x16_splat(b'a'));
    let is_digit = u8x16_lt(digit, u8x16_splat(10));
    let is_letter = u8x16_lt(letter, u8x16_splat(6));
    if !u8x16_all_true(v128_or(is_digit, is_letter)) {
        return None;
    }
    Some(v128_bitselect(
        digit,
        i8x16_add(letter, u8x16_splat(10)),
        is_digit,
    ))
}

/// Two nibbles per 16-bit lane (the first in the low byte) to one byte.
fn pack(n: v128) -> v128 {
    v128_or(
        u16x8_shr(n, 8),
        v128_and(i16x8_shl(n, 4), u16x8_splat(0xf0)),
    )
}

pub fn hex_decode(hex: &[u8], out: &mut [u8]) -> bool {
    for (block, dst) in hex.chunks_exact(32).zip(out.chunks_exact_mut(16)) {
        let (Some(a), Some(b)) = (nibbles(load(&block[..16])), nibbles(load(&block[16..]))) else {
            return false;
        };
        store(dst, u8x16_narrow_i16x8(pack(a), pack(b)));
    }
    true
}

pub fn ascii_stats(s: &[u8]) -> AsciiStats {
    let mut st = AsciiStats {
        non_ascii: 0,
        newlines: 0,
        first_non_ascii: None,
    };
    let newline = u8x16_splat(b'\n');
    let mut chunks = s.chunks_exact(16);
    let mut at = 0;
    for c in &mut chunks {
        let v = load(c);
        let high = u8x16_bitmask(v);
        if high != 0 {
            st.non_ascii += high.count_ones() as usize;
            st.first_non_ascii = st
                .first_non_ascii
                .or(Some(at + high.trailing_zeros() as usize));
        }
        let eq = u8x16_eq(v, newline);
        if v128_any_true(eq) {
            st.newlines += u8x16_bitmask(eq).count_ones() as usize;
        }
        at += 16;
    }
    for (i, &b) in chunks.remainder().iter().enumerate() {
        if b >= 0x80 {
            st.non_ascii += 1;
            st.first_non_ascii = st.first_non_ascii.or(Some(at + i));
        }
        st.newlines += (b == b'\n') as usize;
    }
    st
}

/// The columns of M by a 4x4 transpose in shuffles, then p = M p as a sum
/// of columns times broadcast coordinates.
pub fn transform(points: &mut [[f32; 4]], m: &[[f32; 4]; 4]) {
    let rows = m.map(|r| load(&r));
    let t0 = i32x4_shuffle::<0, 4, 1, 5>(rows[0], rows[1]);
    let t1 = i32x4_shuffle::<2, 6, 3, 7>(rows[0], rows[1]);
    let t2 = i32x4_shuffle::<0, 4, 1, 5>(rows[2], rows[3]);
    let t3 = i32x4_shuffle::<2, 6, 3, 7>(rows[2], rows[3]);
    let c0 = i64x2_shuffle::<0, 2>(t0, t2);
    let c1 = i64x2_shuffle::<1, 3>(t0, t2);
    let c2 = i64x2_shuffle::<0, 2>(t1, t3);
    let c3 = i64x2_shuffle::<1, 3>(t1, t3);
    for p in points {
        let v = load(&p[..]);
        let x = f32x4_mul(c0, i32x4_shuffle::<0, 0, 0, 0>(v, v));
        let y = f32x4_mul(c1, i32x4_shuffle::<1, 1, 1, 1>(v, v));
        let z = f32x4_mul(c2, i32x4_shuffle::<2, 2, 2, 2>(v, v));
        let w = f32x4_mul(c3, i32x4_shuffle::<3, 3, 3, 3>(v, v));
        store(&mut p[..], f32x4_add(f32x4_add(f32x4_add(x, y), z), w));
    }
}

/// (x + 128 + ((x + 128) >> 8)) >> 8: x / 255, rounded, for x <= 255 * 255.
fn div255(x: v128) -> v128 {
    let x = u16x8_add(x, u16x8_splat(128));
    u16x8_shr(u16x8_add(x, u16x8_shr(x, 8)), 8)
}

/// Four pixels at a time: alpha broadcast by swizzle (and 255 in the alpha
/// byte itself, which keeps it), widening multiplies, narrowing back, and
/// a shuffle from RGBA to BGRA.
pub fn premultiply_bgra(px: &mut [u8]) {
    let alpha_index = u8x16(3, 3, 3, 3, 7, 7, 7, 7, 11, 11, 11, 11, 15, 15, 15, 15);
    let alpha_bytes = u32x4_splat(0xff00_0000);
    for chunk in px.chunks_exact_mut(16) {
        let v = load(chunk);
        let a = v128_or(i8x16_swizzle(v, alpha_index), alpha_bytes);
        let lo = div255(u16x8_extmul_low_u8x16(v, a));
        let hi = div255(u16x8_extmul_high_u8x16(v, a));
        let p = u8x16_narrow_i16x8(lo, hi);
        store(
            chunk,
            i8x16_shuffle::<2, 1, 0, 3, 6, 5, 4, 7, 10, 9, 8, 11, 14, 13, 12, 15>(p, p),
        );
    }
}

pub fn quantize(x: &[f32], scale: f32, s8: &mut [i8], u8: &mut [u8]) {
    let k = f32x4_splat(scale);
    for ((x, s), u) in x
        .chunks_exact(16)
        .zip(s8.chunks_exact_mut(16))
        .zip(u8.chunks_exact_mut(16))
    {
        let q = |i: usize| i32x4_trunc_sat_f32x4(f32x4_nearest(f32x4_mul(load(&x[i..]), k)));
        let w0 = i16x8_narrow_i32x4(q(0), q(4));
        let w1 = i16x8_narrow_i32x4(q(8), q(12));
        store(s, i8x16_narrow_i16x8(w0, w1));
        store(u, u8x16_narrow_i16x8(w0, w1));
    }
}

pub fn float_lanes(x: &[f32]) -> FloatLanes {
    let zero = f32x4_splat(0.0);
    let (mut min, mut max) = (f32x4_splat(f32::INFINITY), f32x4_splat(f32::NEG_INFINITY));
    let (mut pmin, mut pmax) = (min, max);
    let (mut sqrt_sum, mut rounding, mut quotients, mut u32_xor, mut converted) =
        (zero, zero, zero, zero, zero);
    for c in x.chunks_exact(4) {
        let v = load(c);
        min = f32x4_min(min, v);
        max = f32x4_max(max, v);
        pmin = f32x4_pmin(pmin, v);
        pmax = f32x4_pmax(pmax, v);
        sqrt_sum = f32x4_add(sqrt_sum, f32x4_sqrt(f32x4_abs(v)));
        let r = f32x4_add(
            f32x4_sub(f32x4_ceil(v), f32x4_floor(v)),
            f32x4_sub(f32x4_trunc(v), f32x4_nearest(f32x4_neg(v))),
        );
        rounding = f32x4_add(rounding, r);
        let q = f32x4_div(v, f32x4_add(f32x4_abs(v), f32x4_splat(1.0)));
        quotients = f32x4_add(quotients, q);
        let u = u32x4_trunc_sat_f32x4(f32x4_mul(v, f32x4_splat(1000.0)));
        u32_xor = v128_xor(u32_xor, u);
        converted = f32x4_add(
            f32x4_add(converted, f32x4_convert_u32x4(u)),
            f32x4_convert_i32x4(i32x4_trunc_sat_f32x4(v)),
        );
    }
    let mut xor = [0u32; 4];
    store(&mut xor, u32_xor);
    FloatLanes {
        min: f32s(min),
        max: f32s(max),
        pmin: f32s(pmin),
        pmax: f32s(pmax),
        sqrt_sum: f32s(sqrt_sum),
        rounding: f32s(rounding),
        quotients: f32s(quotients),
        u32_xor: xor,
        converted: f32s(converted),
    }
}

pub fn double_lanes(x: &[f32]) -> DoubleLanes {
    let zero = f64x2_splat(0.0);
    let (mut sum, mut rounding) = (zero, zero);
    let (mut min, mut max) = (f64x2_splat(f64::INFINITY), f64x2_splat(f64::NEG_INFINITY));
    let (mut pmin, mut pmax) = (min, max);
    let (mut demoted, mut ints, mut uints, mut first) = (zero, zero, zero, zero);
    for (k, c) in x.chunks_exact(4).enumerate() {
        let v = load(c);
        let lo = f64x2_promote_low_f32x4(v);
        let hi = f64x2_promote_low_f32x4(i64x2_shuffle::<1, 1>(v, v));
        sum = f64x2_add(
            f64x2_add(sum, f64x2_sqrt(f64x2_abs(lo))),
            f64x2_mul(hi, f64x2_splat(0.5)),
        );
        min = f64x2_min(min, lo);
        max = f64x2_max(max, hi);
        pmin = f64x2_pmin(pmin, lo);
        pmax = f64x2_pmax(pmax, hi);
        let t = i32x4_trunc_sat_f64x2_zero(hi);
        let u = u32x4_trunc_sat_f64x2_zero(hi);
        let r = f64x2_add(
            f64x2_sub(f64x2_ceil(lo), f64x2_floor(hi)),
            f64x2_mul(f64x2_trunc(lo), f64x2_nearest(hi)),
        );
        rounding = f64x2_add(rounding, r);
        rounding = f64x2_add(
            rounding,
            f64x2_sub(f64x2_convert_low_i32x4(t), f64x2_convert_low_u32x4(u)),
        );
        demoted = v128_xor(demoted, f32x4_demote_f64x2_zero(f64x2_div(hi, lo)));
        ints = i32x4_add(ints, t);
        uints = i32x4_add(uints, u);
        if k == 0 {
            first = t;
        }
    }
    let mut l = DoubleLanes {
        sum: f64s(sum),
        min: f64s(min),
        max: f64s(max),
        pmin: f64s(pmin),
        pmax: f64s(pmax),
        rounding: f64s(rounding),
        demoted: [0; 4],
        ints: [0; 4],
        first_ints: [0; 4],
        uints: [0; 4],
    };
    store(&mut l.demoted, demoted);
    store(&mut l.ints, ints);
    store(&mut l.first_ints, first);
    store(&mut l.uints, uints);
    l
}

pub fn hash_u64(data: &[u64]) -> HashLanes {
    let k = u64x2_splat(0x9e37_79b9_7f4a_7c15);
    let mut h = u64x2(0x0123_4567_89ab_cdef, 0xfedc_ba98_7654_3210);
    let zero = u64x2_splat(0);
    let (mut abs_sum, mut ext) = (zero, zero);
    let (mut below, mut compares, mut all_nonzero) = (0, 0u32, true);
    for c in data.chunks_exact(2) {
        let v = load(c);
        h = i64x2_mul(v128_xor(h, v), k);
        h = v128_xor(h, u64x2_shr(h, 29));
        let s = i64x2_shr(h, 7);
        below += i64x2_bitmask(i64x2_lt(h, s)).count_ones();
        abs_sum = i64x2_add(abs_sum, i64x2_abs(v));
        let c = i64x2_bitmask(i64x2_gt(v, h)) as u32
            | (i64x2_bitmask(i64x2_le(v, s)) as u32) << 2
            | (i64x2_bitmask(i64x2_ge(h, v)) as u32) << 4
            | (i64x2_bitmask(i64x2_eq(h, s)) as u32) << 6
            | (i64x2_bitmask(i64x2_ne(v, h)) as u32) << 8;
        compares = compares.rotate_left(5) ^ c;
        all_nonzero &= i64x2_all_true(v);
        ext = i64x2_add(
            i64x2_sub(ext, i64x2_extmul_low_i32x4(v, h)),
            u64x2_extmul_high_u32x4(v, h),
        );
    }
    let mut l = HashLanes {
        hash: [0; 2],
        below,
        abs_sum: [0; 2],
        ext: [0; 2],
        compares,
        all_nonzero,
    };
    store(&mut l.hash, h);
    store(&mut l.abs_sum, abs_sum);
    store(&mut l.ext, ext);
    l
}

pub fn dot_sad(a: &[i16], b: &[i16], x: &[u8], y: &[u8]) -> DotSad {
    let zero = i32x4_splat(0);
    let (mut dot, mut sad, mut pairs) = (zero, zero, zero);
    for (p, q) in a.chunks_exact(8).zip(b.chunks_exact(8)) {
        let (p, q) = (load(p), load(q));
        dot = i32x4_add(dot, i32x4_dot_i16x8(p, q));
        pairs = i32x4_add(pairs, u32x4_extadd_pairwise_u16x8(p));
    }
    for (p, q) in x.chunks_exact(16).zip(y.chunks_exact(16)) {
        let (p, q) = (load(p), load(q));
        let d = v128_or(u8x16_sub_sat(p, q), u8x16_sub_sat(q, p));
        sad = i32x4_add(
            sad,
            u32x4_extadd_pairwise_u16x8(u16x8_extadd_pairwise_u8x16(d)),
        );
        pairs = i32x4_add(
            pairs,
            i32x4_extadd_pairwise_i16x8(i16x8_extadd_pairwise_i8x16(p)),
        );
    }
    let mut d = DotSad {
        dot: [0; 4],
        sad: [0; 4],
        pair_sums: [0; 4],
    };
    store(&mut d.dot, dot);
    store(&mut d.sad, sad);
    store(&mut d.pair_sums, pairs);
    d
}

pub fn popcount(s: &[u8]) -> u32 {
    let mut total = u32x4_splat(0);
    for c in s.chunks_exact(16) {
        let counts = u16x8_extadd_pairwise_u8x16(i8x16_popcnt(load(c)));
        total = i32x4_add(total, u32x4_extadd_pairwise_u16x8(counts));
    }
    u32x4_extract_lane::<0>(total)
        + u32x4_extract_lane::<1>(total)
        + u32x4_extract_lane::<2>(total)
        + u32x4_extract_lane::<3>(total)
}

pub fn q15_filter(sig: &mut [i16], g: i16, h: i16) -> Q15 {
    let (g, h) = (i16x8_splat(g), i16x8_splat(h));
    let (top, bottom) = (i16x8_splat(30000), i16x8_splat(-30000));
    let zero = i16x8_splat(0);
    let (mut prev, mut peak, mut avg) = (zero, zero, zero);
    for c in sig.chunks_exact_mut(8) {
        let v = load(c);
        let y = i16x8_add_sat(i16x8_q15mulr_sat(v, g), i16x8_q15mulr_sat(prev, h));
        let y = i16x8_max(i16x8_min(y, top), bottom);
        store(c, y);
        prev = v;
        peak = i16x8_max(peak, i16x8_abs(i16x8_sub_sat(y, v)));
        avg = u16x8_avgr(avg, y);
    }
    let mut lanes = [0i16; 8];
    store(&mut lanes, peak);
    let mut q = Q15 {
        peak: *lanes.iter().max().unwrap(),
        avg: [0; 8],
    };
    store(&mut q.avg, avg);
    q
}

pub fn zigzag_delta(s: &[u8], out: &mut [u8], shift: u32) -> Zigzag {
    let mut prev = u8x16_splat(0);
    let (mut min, mut max, mut bits) = (i8x16_splat(i8::MAX), u8x16_splat(0), u8x16_splat(0));
    let mut sign_mask = 0u32;
    for (src, dst) in s.chunks_exact(16).zip(out.chunks_exact_mut(16)) {
        let v = load(src);
        // Each byte's predecessor: the last of the previous block, then
        // this block's first 15.
        let before = i8x16_shuffle::<15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30>(
            prev, v,
        );
        let d = i8x16_sub(v, before);
        let z = v128_xor(i8x16_shl(d, 1), i8x16_shr(d, 7));
        store(dst, z);
        prev = v;
        sign_mask = sign_mask.rotate_left(3) ^ i8x16_bitmask(d) as u32;
        min = i8x16_min(min, d);
        max = u8x16_max(max, z);
        bits = v128_xor(bits, v128_xor(u8x16_shr(v, shift), i8x16_shl(z, shift + 3)));
    }
    let (mut mins, mut maxes) = ([0i8; 16], [0u8; 16]);
    store(&mut mins, min);
    store(&mut maxes, max);
    let mut z = Zigzag {
        sign_mask,
        min: *mins.iter().min().unwrap(),
        max: *maxes.iter().max().unwrap(),
        bits: [0; 16],
    };
    store(&mut z.bits, bits);
    z
}
