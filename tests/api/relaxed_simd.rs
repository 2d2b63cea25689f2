//! `Config::relaxed_simd_deterministic` as an embedder sees it: the same
//! module, compiled by two engines, on inputs where the relaxed operators'
//! allowed results differ. With the option, each operator returns its
//! deterministic result (the non-relaxed operator's); without it, the fast
//! form documented for this ISA and the engine's CPU features, which the
//! relaxed-SIMD specification also allows. (`masm::simd` documents both;
//! the backend-level tests in `masm::simd_relaxed_tests` go through every
//! operator, feature set and register assignment.)

use super::*;
use flint::explain::{CpuFeature, CpuFeatures, Target};

const RELAXED: &str = r#"(module
  (func (export "madd") (param v128 v128 v128) (result v128)
    (f32x4.relaxed_madd (local.get 0) (local.get 1) (local.get 2)))
  (func (export "swizzle") (param v128 v128) (result v128)
    (i8x16.relaxed_swizzle (local.get 0) (local.get 1)))
  (func (export "trunc") (param v128) (result v128)
    (i32x4.relaxed_trunc_f32x4_s (local.get 0)))
  (func (export "q15mulr") (param v128 v128) (result v128)
    (i16x8.relaxed_q15mulr_s (local.get 0) (local.get 1)))
  (func (export "laneselect") (param v128 v128 v128) (result v128)
    (i32x4.relaxed_laneselect (local.get 0) (local.get 1) (local.get 2)))
  (func (export "dot") (param v128 v128) (result v128)
    (i16x8.relaxed_dot_i8x16_i7x16_s (local.get 0) (local.get 1))))"#;

fn v128<const N: usize, T: Copy>(lanes: [T; N], bits: impl Fn(T) -> u128) -> u128 {
    let width = 128 / N;
    lanes
        .iter()
        .enumerate()
        .fold(0, |v, (i, &x)| v | (bits(x) << (width * i)))
}

fn f32x4(x: [f32; 4]) -> u128 {
    v128(x, |f| f.to_bits().into())
}

fn i32x4(x: [u32; 4]) -> u128 {
    v128(x, u128::from)
}

fn i16x8(x: [i16; 8]) -> u128 {
    v128(x, |h| u128::from(h as u16))
}

fn i8x16(x: [u8; 16]) -> u128 {
    v128(x, u128::from)
}

/// What each operator of [`RELAXED`] returned.
#[derive(Debug, PartialEq)]
struct Results {
    madd: u128,
    swizzle: u128,
    trunc: u128,
    q15mulr: u128,
    laneselect: u128,
    dot: u128,
}

/// The inputs, and what the operators return in each mode.
fn run(engine: &Engine) -> Results {
    let module = Module::new(engine, RELAXED).unwrap();
    let mut store = Store::new(engine, ());
    let inst = Instance::new(&mut store, &module, &[]).unwrap();
    let f2 = |store: &mut Store<()>, name: &str, a: u128, b: u128| {
        let f = inst
            .get_typed_func::<(u128, u128), u128>(&mut *store, name)
            .unwrap();
        f.call(store, (a, b)).unwrap()
    };
    let f3 = |store: &mut Store<()>, name: &str, a: u128, b: u128, c: u128| {
        let f = inst
            .get_typed_func::<(u128, u128, u128), u128>(&mut *store, name)
            .unwrap();
        f.call(store, (a, b, c)).unwrap()
    };
    let p = |e: i32| 2f32.powi(e);
    let trunc = inst
        .get_typed_func::<u128, u128>(&mut store, "trunc")
        .unwrap();
    let s = &mut store;
    Results {
        // (1 + 2^-22)(1 + 2^-15) - (1 + 2^-15 + 2^-22): 2^-37 fused, 0 not.
        madd: f3(
            s,
            "madd",
            f32x4([1.0 + p(-22); 4]),
            f32x4([1.0 + p(-15); 4]),
            f32x4([-(1.0 + p(-15) + p(-22)); 4]),
        ),
        swizzle: f2(
            s,
            "swizzle",
            i8x16(std::array::from_fn(|i| 0x40 + i as u8)),
            i8x16(std::array::from_fn(|i| 16 + i as u8)),
        ),
        trunc: trunc
            .call(&mut *s, f32x4([f32::NAN, 3e9, -3e9, 1.5]))
            .unwrap(),
        q15mulr: f2(s, "q15mulr", i16x8([-32768; 8]), i16x8([-32768; 8])),
        laneselect: f3(
            s,
            "laneselect",
            i32x4([0xAAAA_AAAA; 4]),
            i32x4([0x5555_5555; 4]),
            i32x4([0xFFFF_0000, 0x0000_FFFF, 0x8000_0000, 0x7FFF_FFFF]),
        ),
        dot: f2(s, "dot", i8x16([0x80; 16]), i8x16([0xFF; 16])),
    }
}

/// The deterministic results: the non-relaxed operators'.
fn deterministic() -> Results {
    Results {
        // Unfused: the product rounds to 1 + 2^-15 + 2^-22.
        madd: f32x4([0.0; 4]),
        // Indices 16 and above select 0.
        swizzle: 0,
        // trunc_sat: NaN gives 0, out of range the bound.
        trunc: i32x4([0, i32::MAX as u32, i32::MIN as u32, 1]),
        // Saturated.
        q15mulr: i16x8([i16::MAX; 8]),
        // Bit by bit.
        laneselect: i32x4([0xAAAA_5555, 0x5555_AAAA, 0xD555_5555, 0x2AAA_AAAA]),
        // Both operands signed: -128 * -1 twice.
        dot: i16x8([256; 8]),
    }
}

#[test]
fn deterministic_relaxed_simd_gives_the_deterministic_bits() {
    let mut config = Config::new();
    config.relaxed_simd_deterministic(true);
    assert_eq!(run(&Engine::new(&config).unwrap()), deterministic());
    // Also on the CPU floor, where every fallback is taken.
    let floor = CpuFeatures::minimum(Target::native());
    config.cpu_features(floor);
    assert_eq!(run(&Engine::new(&config).unwrap()), deterministic());
}

#[test]
fn fast_relaxed_simd_gives_this_isas_documented_form() {
    for features in [CpuFeatures::all(), CpuFeatures::minimum(Target::native())] {
        let mut config = Config::new();
        config.cpu_features(features);
        let engine = Engine::new(&config).unwrap();
        let has = |f: CpuFeature| engine.cpu_features().contains(f);
        let det = deterministic();
        let expected = if cfg!(target_arch = "x86_64") {
            Results {
                madd: if has(CpuFeature::Fma) {
                    f32x4([2f32.powi(-37); 4])
                } else {
                    det.madd
                },
                // pshufb: the index modulo 16.
                swizzle: i8x16(std::array::from_fn(|i| 0x40 + i as u8)),
                // cvttps2dq: 0x80000000 for NaN and out of range.
                trunc: i32x4([0x8000_0000, 0x8000_0000, 0x8000_0000, 1]),
                // pmulhrsw: 0x8000.
                q15mulr: i16x8([i16::MIN; 8]),
                // vblendvps: by each mask lane's top bit (needs AVX).
                laneselect: if has(CpuFeature::Avx) {
                    i32x4([0xAAAA_AAAA, 0x5555_5555, 0xAAAA_AAAA, 0x5555_5555])
                } else {
                    det.laneselect
                },
                // pmaddubsw: -128 * 255 twice, saturated.
                dot: i16x8([i16::MIN; 8]),
            }
        } else {
            // aarch64: fused multiply-add; everything else is already
            // deterministic.
            Results {
                madd: f32x4([2f32.powi(-37); 4]),
                ..det
            }
        };
        assert_eq!(run(&engine), expected, "{}", engine.cpu_features());
    }
}
