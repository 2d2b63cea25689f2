//! A WASI test program in Rust built with 128-bit SIMD (issue 14): a real
//! program's vector code must run in Flint exactly as its native build
//! runs.
//!
//! ../build.sh builds it for wasm32-wasip1 with `-C target-feature=+simd128`
//! and opt-level 3, so it holds two kinds of SIMD code:
//! - iterator code in this file that LLVM vectorises by itself (saturating
//!   byte arithmetic, dot products, min/max and counting reductions, 64-bit
//!   multiplies, saturating `as` casts between floats and integers, float
//!   sqrt/floor/rounding, an f32 SAXPY);
//! - kernels written with `core::arch::wasm32` intrinsics in `simd.rs`
//!   (hex decoding, ASCII scanning, a 4x4 transform by shuffles, alpha
//!   premultiplication, quantisation by narrowing, float lane statistics,
//!   f64 conversions, a 64-bit lane hash, dot products and sums of absolute
//!   differences, popcounts, a Q15 filter, zigzag delta coding).
//!
//! The native build compiles `scalar.rs` in place of `simd.rs`: the same
//! functions, lane by lane, as the SIMD specification defines the
//! instructions (NaN-propagating min/max, saturating narrowing and
//! conversions, shift counts modulo the lane width, ...). build.sh runs it
//! to record ../rust_simd.expected, and tests/cli/wasi.rs checks that flint
//! running ../rust_simd.wasm prints exactly that.
//!
//! The only argument is the seed of the inputs, so that the compiler
//! cannot fold the work away. Floats print as their bits, a NaN as "nan"
//! (its sign and payload are not specified).

#[cfg_attr(target_arch = "wasm32", path = "simd.rs")]
#[cfg_attr(not(target_arch = "wasm32"), path = "scalar.rs")]
mod kernels;

use std::hint::black_box;

/// Not a multiple of 16: vectorised loops also run their scalar tails.
const N: usize = 4099;

/// Marsaglia's xorshift32.
struct Rng(u32);

impl Rng {
    fn next(&mut self) -> u32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 17;
        self.0 ^= self.0 << 5;
        self.0
    }

    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

/// FNV-1a over bytes: one line's digest of a whole array.
fn digest(bytes: impl IntoIterator<Item = u8>) -> u32 {
    bytes
        .into_iter()
        .fold(2166136261u32, |h, b| (h ^ b as u32).wrapping_mul(16777619))
}

fn digest_u32s(v: impl IntoIterator<Item = u32>) -> u32 {
    digest(v.into_iter().flat_map(u32::to_le_bytes))
}

fn digest_u64s(v: impl IntoIterator<Item = u64>) -> u32 {
    digest(v.into_iter().flat_map(u64::to_le_bytes))
}

/// An f32 as its bits, or "nan".
fn f32s(v: &[f32]) -> String {
    v.iter()
        .map(|f| {
            if f.is_nan() {
                " nan".to_string()
            } else {
                format!(" {:08x}", f.to_bits())
            }
        })
        .collect()
}

fn f64s(v: &[f64]) -> String {
    v.iter()
        .map(|f| {
            if f.is_nan() {
                " nan".to_string()
            } else {
                format!(" {:016x}", f.to_bits())
            }
        })
        .collect()
}

/// Loops that LLVM vectorises by itself under `+simd128`.
fn autovectorised(rng: &mut Rng) {
    let a = rng.bytes(N);
    let b = rng.bytes(N);
    let sat: Vec<u8> = a
        .iter()
        .zip(&b)
        .map(|(x, y)| x.saturating_add(*y))
        .collect();
    println!("u8 saturating add: {:08x}", digest(sat));
    let sat: Vec<u8> = a
        .iter()
        .zip(&b)
        .map(|(x, y)| x.saturating_sub(*y))
        .collect();
    println!("u8 saturating sub: {:08x}", digest(sat));
    let avg: Vec<u8> = a
        .iter()
        .zip(&b)
        .map(|(&x, &y)| ((x as u16 + y as u16 + 1) >> 1) as u8)
        .collect();
    println!("u8 rounding average: {:08x}", digest(avg));
    let sad: u32 = a.iter().zip(&b).map(|(&x, &y)| x.abs_diff(y) as u32).sum();
    println!("u8 sum of absolute differences: {sad}");
    let count = a.iter().filter(|&&x| x == black_box(b'A')).count();
    println!("count of byte 0x41: {count}");
    println!(
        "u8 max: {}, i8 min: {}",
        a[..N - 3].iter().max().unwrap(),
        b.iter().map(|&x| x as i8).min().unwrap()
    );

    let x: Vec<i16> = (0..N).map(|_| rng.next() as i16).collect();
    let y: Vec<i16> = (0..N).map(|_| rng.next() as i16).collect();
    let dot = x
        .iter()
        .zip(&y)
        .fold(0i32, |s, (&p, &q)| s.wrapping_add(p as i32 * q as i32));
    println!("i16 dot product: {dot}");
    let clamped: Vec<i16> = x.iter().map(|v| v.clamp(&-1000, &1000)).copied().collect();
    println!(
        "i16 clamp: {:08x}",
        digest(clamped.iter().flat_map(|v| v.to_le_bytes()))
    );
    let abs: Vec<u16> = x.iter().map(|v| v.unsigned_abs()).collect();
    println!(
        "i16 unsigned_abs: {:08x}",
        digest(abs.iter().flat_map(|v| v.to_le_bytes()))
    );

    let u: Vec<u32> = (0..N).map(|_| rng.next()).collect();
    let shift = black_box(rng.next() % 29 + 3);
    let mixed: Vec<u32> = u
        .iter()
        .map(|&v| v.wrapping_mul(0x9e3779b1) ^ (v >> 7) ^ (v << shift))
        .collect();
    println!("u32 mix, shift {shift}: {:08x}", digest_u32s(mixed));
    let (lo, hi) = (
        u.iter().map(|&v| v as i32).min().unwrap(),
        u.iter().map(|&v| v as i32).max().unwrap(),
    );
    println!("i32 min {lo} max {hi}");
    let ones: u32 = u.iter().map(|v| v.count_ones()).sum();
    println!("u32 popcount sum: {ones}");

    let w: Vec<u64> = (0..N)
        .map(|_| (rng.next() as u64) << 32 | rng.next() as u64)
        .collect();
    let prod: Vec<u64> = w
        .iter()
        .zip(&u)
        .map(|(&p, &q)| p.wrapping_mul(q as u64 | 1) ^ (p as i64 >> 9) as u64)
        .collect();
    println!("u64 multiply and shift: {:08x}", digest_u64s(prod));

    // Floats: multiples of 2^-12 in about (-2^20, 2^20), then a few
    // values that every conversion must handle.
    let mut f: Vec<f32> = (0..N)
        .map(|_| (rng.next() as i32 >> 8) as f32 / 4096.0)
        .collect();
    f[..7].copy_from_slice(&[
        f32::NAN,
        f32::INFINITY,
        f32::NEG_INFINITY,
        3e9,
        -3e9,
        -0.0,
        0.5,
    ]);
    let as_i32: Vec<u32> = f.iter().map(|&v| (v * 1000.0) as i32 as u32).collect();
    println!("f32 as i32 (saturating): {:08x}", digest_u32s(as_i32));
    let as_u32: Vec<u32> = f.iter().map(|&v| v as u32).collect();
    println!("f32 as u32 (saturating): {:08x}", digest_u32s(as_u32));
    let as_u8: Vec<u8> = f.iter().map(|&v| v as u8).collect();
    println!("f32 as u8 (saturating): {:08x}", digest(as_u8));
    let back: Vec<u32> = u.iter().map(|&v| (v as f32).to_bits()).collect();
    println!("u32 as f32: {:08x}", digest_u32s(back));
    let back: Vec<u32> = u.iter().map(|&v| (v as i32 as f32).to_bits()).collect();
    println!("i32 as f32: {:08x}", digest_u32s(back));
    let g = &f[7..];
    let rounded: Vec<u32> = g
        .iter()
        .map(|v| (v.floor() + v.ceil() * 0.5 + v.trunc() * 0.25).to_bits())
        .collect();
    println!("f32 floor, ceil, trunc: {:08x}", digest_u32s(rounded));
    let rounded: Vec<u32> = g.iter().map(|v| v.round_ties_even().to_bits()).collect();
    println!("f32 round_ties_even: {:08x}", digest_u32s(rounded));
    let roots: Vec<u32> = g.iter().map(|v| v.abs().sqrt().to_bits()).collect();
    println!("f32 sqrt: {:08x}", digest_u32s(roots));
    let mut saxpy: Vec<f32> = g.iter().rev().copied().collect();
    let k = black_box(0.7f32);
    for (s, x) in saxpy.iter_mut().zip(g) {
        *s += k * x;
    }
    println!(
        "f32 saxpy: {:08x}",
        digest_u32s(saxpy.iter().map(|v| v.to_bits()))
    );
    let d: Vec<u64> = g
        .iter()
        // The square root of a negative number is a NaN whose sign wasm
        // leaves to the hardware (x86-64 sets it, aarch64 does not), so
        // NaNs are digested as one bit pattern (an integer: the compiler
        // may swap one NaN for another, never one integer for another).
        .map(|&v| (v as f64 * 1.5 - 0.25).sqrt())
        .map(|r| if r.is_nan() { 0x7ff8_0000_0000_0000 } else { r.to_bits() })
        .collect();
    println!("f64 from f32, sqrt: {:08x}", digest_u64s(d));
}

/// The kernels of `simd.rs` (or their scalar twins, natively).
fn kernels(rng: &mut Rng) {
    // Hex: encode random bytes, decode them again, then break one digit.
    let bytes = rng.bytes(4096);
    let mut hex: Vec<u8> = bytes
        .iter()
        .flat_map(|b| format!("{b:02x}").into_bytes())
        .collect();
    hex[100] = b'F';
    hex[101] = b'A';
    let mut decoded = vec![0u8; 4096];
    let ok = kernels::hex_decode(&hex, &mut decoded);
    println!(
        "hex decode: {ok}, {:08x}, byte 50 = {:02x}",
        digest(decoded.iter().copied()),
        decoded[50]
    );
    println!(
        "hex decode round trip: {}",
        decoded[..50] == bytes[..50] && decoded[51..] == bytes[51..]
    );
    hex[2001] = b'g';
    println!(
        "hex decode of a bad digit: {}",
        kernels::hex_decode(&hex, &mut decoded)
    );

    // Text with a few non-ASCII bytes and lines.
    let mut text: Vec<u8> = (0..N).map(|_| b' ' + (rng.next() % 95) as u8).collect();
    for i in (37..N).step_by(61) {
        text[i] = b'\n';
    }
    text[1234] = 0xc3;
    text[1235] = 0xa9;
    text[N - 1] = 0xff;
    let stats = kernels::ascii_stats(&text);
    println!(
        "ascii: {} non-ASCII, {} newlines, first non-ASCII at {:?}",
        stats.non_ascii, stats.newlines, stats.first_non_ascii
    );
    let stats = kernels::ascii_stats(&text[..1000]);
    println!(
        "ascii of 1000: {} non-ASCII, {} newlines, first non-ASCII at {:?}",
        stats.non_ascii, stats.newlines, stats.first_non_ascii
    );

    // A 4x4 transform of points.
    let unit = |rng: &mut Rng| (rng.next() as i32 >> 12) as f32 / 65536.0;
    let mut m = [[0f32; 4]; 4];
    for row in &mut m {
        for v in row {
            *v = unit(rng);
        }
    }
    let mut points: Vec<[f32; 4]> = (0..1000)
        .map(|_| [unit(rng), unit(rng), unit(rng), 1.0])
        .collect();
    kernels::transform(&mut points, &m);
    println!(
        "transform: {:08x},{}",
        digest_u32s(points.iter().flatten().map(|v| v.to_bits())),
        f32s(&points[0])
    );

    // Pixels: premultiplied alpha, then BGRA order.
    let mut pixels = rng.bytes(4096);
    pixels[..8].copy_from_slice(&[200, 100, 50, 255, 200, 100, 50, 0]);
    kernels::premultiply_bgra(&mut pixels);
    println!(
        "premultiply: {:08x}, first {:?}",
        digest(pixels.iter().copied()),
        &pixels[..8]
    );

    // Quantisation to i8 and u8.
    let mut f: Vec<f32> = (0..1024)
        .map(|_| (rng.next() as i32 >> 16) as f32 / 64.0)
        .collect();
    f[..8].copy_from_slice(&[f32::NAN, f32::INFINITY, -1e30, 2.5, -2.5, 0.5, -0.0, 1.5]);
    let (mut s8, mut u8) = (vec![0i8; 1024], vec![0u8; 1024]);
    kernels::quantize(&f, black_box(0.25), &mut s8, &mut u8);
    println!(
        "quantize: i8 {:08x} {:?}, u8 {:08x} {:?}",
        digest(s8.iter().map(|&v| v as u8)),
        &s8[..8],
        digest(u8.iter().copied()),
        &u8[..8]
    );

    // Float lanes: once on finite values with zeros of both signs, once
    // with a NaN among them.
    let mut f: Vec<f32> = (0..1024)
        .map(|_| (rng.next() as i32 >> 4) as f32 / 1024.0)
        .collect();
    f[..8].copy_from_slice(&[-0.0, 0.0, 0.0, -0.0, 2.5, -2.5, 0.5, -0.5]);
    for (name, input) in [
        ("finite", f.clone()),
        ("with NaN", {
            f[333] = f32::NAN;
            f
        }),
    ] {
        let l = kernels::float_lanes(&input);
        println!("f32 lanes, {name}:");
        println!("  min:{}", f32s(&l.min));
        println!("  max:{}", f32s(&l.max));
        println!("  pmin:{}", f32s(&l.pmin));
        println!("  pmax:{}", f32s(&l.pmax));
        println!("  sqrt sum:{}", f32s(&l.sqrt_sum));
        println!("  rounding sum:{}", f32s(&l.rounding));
        println!("  quotients:{}", f32s(&l.quotients));
        println!("  u32 xor: {:08x?}", l.u32_xor);
        println!("  converted:{}", f32s(&l.converted));
    }

    // f64 lanes from f32 inputs.
    let mut f: Vec<f32> = (0..1024)
        .map(|_| (rng.next() as i32) as f32 / 3.0)
        .collect();
    // No NaN or infinity: they would swamp the sums.
    f[..4].copy_from_slice(&[1e-40, -0.0, 3e9, -3e9]);
    let l = kernels::double_lanes(&f);
    println!("f64 lanes:");
    println!("  sum:{}", f64s(&l.sum));
    println!("  min, max:{}{}", f64s(&l.min), f64s(&l.max));
    println!("  pmin, pmax:{}{}", f64s(&l.pmin), f64s(&l.pmax));
    println!("  rounding:{}", f64s(&l.rounding));
    println!("  demoted: {:08x?}", l.demoted);
    println!("  ints: {:?} {:?}", l.ints, l.first_ints);
    println!("  uints: {:?}", l.uints);

    // 64-bit lanes.
    let mut words: Vec<u64> = (0..1024)
        .map(|_| (rng.next() as u64) << 32 | rng.next() as u64)
        .collect();
    words[0] = i64::MIN as u64;
    words[1] = u64::MAX;
    let h = kernels::hash_u64(&words);
    println!(
        "u64 hash: {:016x?}, {} below, abs {:016x?}, ext {:016x?}, compares {:x}, all nonzero {}",
        h.hash, h.below, h.abs_sum, h.ext, h.compares, h.all_nonzero
    );

    // Dot products, sums of absolute differences, pairwise sums.
    let mut p: Vec<i16> = (0..1024).map(|_| rng.next() as i16).collect();
    let q: Vec<i16> = (0..1024).map(|_| rng.next() as i16).collect();
    p[0] = i16::MIN;
    p[1] = i16::MIN;
    let mut q2 = q.clone();
    q2[0] = i16::MIN;
    q2[1] = i16::MIN;
    let (x, y) = (rng.bytes(1024), rng.bytes(1024));
    let d = kernels::dot_sad(&p, &q2, &x, &y);
    println!("dot {:?}, sad {:?}, pairs {:?}", d.dot, d.sad, d.pair_sums);
    println!("popcount: {}", kernels::popcount(&x));

    // A Q15 filter with clamping.
    let mut sig: Vec<i16> = (0..1024).map(|_| rng.next() as i16).collect();
    sig[0] = i16::MIN;
    let f = kernels::q15_filter(&mut sig, i16::MIN, 0x5a82);
    println!(
        "q15 filter: {:08x}, peak {}, avg {:04x?}, {:?}",
        digest(sig.iter().flat_map(|v| v.to_le_bytes())),
        f.peak,
        f.avg,
        &sig[..4]
    );

    // Zigzag delta coding of bytes, with a run-time shift.
    let mut s = rng.bytes(2048);
    s[16] = 0x80;
    s[17] = 0x7f;
    let mut out = vec![0u8; 2048];
    let z = kernels::zigzag_delta(&s, &mut out, black_box(9));
    println!(
        "zigzag delta: {:08x}, first {:?}, sign mask {:04x}, min {} max {}, bits {:02x?}",
        digest(out.iter().copied()),
        &out[..20],
        z.sign_mask,
        z.min,
        z.max,
        z.bits
    );
}

fn main() {
    let Some(seed) = std::env::args().nth(1).and_then(|s| s.parse::<u32>().ok()) else {
        eprintln!("usage: rust_simd SEED");
        std::process::exit(1);
    };
    println!("seed: {seed}");
    let mut rng = Rng(seed | 1);
    autovectorised(&mut rng);
    kernels(&mut rng);
}

/// What [`kernels::ascii_stats`] finds.
pub struct AsciiStats {
    pub non_ascii: usize,
    pub newlines: usize,
    pub first_non_ascii: Option<usize>,
}

/// Four-lane accumulators of [`kernels::float_lanes`].
pub struct FloatLanes {
    pub min: [f32; 4],
    pub max: [f32; 4],
    pub pmin: [f32; 4],
    pub pmax: [f32; 4],
    pub sqrt_sum: [f32; 4],
    pub rounding: [f32; 4],
    pub quotients: [f32; 4],
    pub u32_xor: [u32; 4],
    pub converted: [f32; 4],
}

/// Two-lane results of [`kernels::double_lanes`].
pub struct DoubleLanes {
    pub sum: [f64; 2],
    pub min: [f64; 2],
    pub max: [f64; 2],
    pub pmin: [f64; 2],
    pub pmax: [f64; 2],
    pub rounding: [f64; 2],
    pub demoted: [u32; 4],
    pub ints: [i32; 4],
    pub first_ints: [i32; 4],
    pub uints: [u32; 4],
}

/// What [`kernels::hash_u64`] computes.
pub struct HashLanes {
    pub hash: [u64; 2],
    pub below: u32,
    pub abs_sum: [u64; 2],
    pub ext: [u64; 2],
    pub compares: u32,
    pub all_nonzero: bool,
}

/// What [`kernels::dot_sad`] computes.
pub struct DotSad {
    pub dot: [i32; 4],
    pub sad: [u32; 4],
    pub pair_sums: [i32; 4],
}

/// What [`kernels::q15_filter`] gathers besides its output.
pub struct Q15 {
    pub peak: i16,
    pub avg: [u16; 8],
}

/// What [`kernels::zigzag_delta`] gathers besides its output.
pub struct Zigzag {
    pub sign_mask: u32,
    pub min: i8,
    pub max: u8,
    pub bits: [u8; 16],
}
