//! Arithmetic where the ISAs disagree: integer division (divide by zero,
//! overflow, and the edges that must not trap), float-to-integer truncation
//! (NaN and out of range), and canonical NaNs, which make float results
//! bit-identical on every ISA.

use super::*;

const DIV_OPS: [&str; 4] = ["div_s", "div_u", "rem_s", "rem_u"];

/// For every division operator of both widths: `<ty>.<op>` with both operands
/// dynamic, `<ty>.<op> by const 0` and `<ty>.<op> by const -1` with a
/// constant divisor (a lazy-constant compiler emits different code for it),
/// and `<ty>.<op> const` with both operands constant.
fn division_module() -> String {
    let mut wat = String::from("(module\n");
    for ty in ["i32", "i64"] {
        for op in DIV_OPS {
            wat += &format!(
                r#"  (func (export "{ty}.{op}") (param {ty} {ty}) (result {ty})
    ({ty}.{op} (local.get 0) (local.get 1)))
  (func (export "{ty}.{op} by const 0") (param {ty}) (result {ty})
    ({ty}.{op} (local.get 0) ({ty}.const 0)))
  (func (export "{ty}.{op} by const -1") (param {ty}) (result {ty})
    ({ty}.{op} (local.get 0) ({ty}.const -1)))
  (func (export "{ty}.{op} const") (result {ty})
    ({ty}.{op} ({ty}.const 1) ({ty}.const 0)))
"#
            );
        }
    }
    wat + ")"
}

#[test]
fn integer_divide_by_zero() {
    let (mut store, inst) = instance(&division_module());
    for op in DIV_OPS {
        let name = format!("i32.{op}");
        let f = inst
            .get_typed_func::<(i32, i32), i32>(&mut store, &name)
            .unwrap();
        for x in [0, 1, -1, i32::MIN, i32::MAX] {
            assert_trap(
                f.call(&mut store, (x, 0)),
                DIVIDE_BY_ZERO,
                &format!("{name} {x} 0"),
            );
        }
        assert_eq!(
            f.call(&mut store, (7, 7)).unwrap(),
            if op.starts_with("div") { 1 } else { 0 }
        );
        let f = inst
            .get_typed_func::<i32, i32>(&mut store, &format!("i32.{op} by const 0"))
            .unwrap();
        assert_trap(
            f.call(&mut store, 5),
            DIVIDE_BY_ZERO,
            &format!("{name} by const 0"),
        );
        let f = inst
            .get_typed_func::<(), i32>(&mut store, &format!("i32.{op} const"))
            .unwrap();
        assert_trap(
            f.call(&mut store, ()),
            DIVIDE_BY_ZERO,
            &format!("{name} const"),
        );

        let name = format!("i64.{op}");
        let f = inst
            .get_typed_func::<(i64, i64), i64>(&mut store, &name)
            .unwrap();
        for x in [0, 1, -1, i64::MIN, i64::MAX] {
            assert_trap(
                f.call(&mut store, (x, 0)),
                DIVIDE_BY_ZERO,
                &format!("{name} {x} 0"),
            );
        }
        // A divisor whose low 32 bits are zero is not zero.
        assert_eq!(
            f.call(&mut store, (1 << 33, 1 << 32)).unwrap(),
            if op.starts_with("div") { 2 } else { 0 }
        );
        let f = inst
            .get_typed_func::<i64, i64>(&mut store, &format!("i64.{op} by const 0"))
            .unwrap();
        assert_trap(
            f.call(&mut store, 5),
            DIVIDE_BY_ZERO,
            &format!("{name} by const 0"),
        );
        let f = inst
            .get_typed_func::<(), i64>(&mut store, &format!("i64.{op} const"))
            .unwrap();
        assert_trap(
            f.call(&mut store, ()),
            DIVIDE_BY_ZERO,
            &format!("{name} const"),
        );
    }
}

#[test]
fn integer_overflow_and_the_edges_that_do_not_trap() {
    let (mut store, inst) = instance(&division_module());
    let i32_op = |store: &mut Store<()>, op: &str| {
        inst.get_typed_func::<(i32, i32), i32>(store, &format!("i32.{op}"))
            .unwrap()
    };
    let i64_op = |store: &mut Store<()>, op: &str| {
        inst.get_typed_func::<(i64, i64), i64>(store, &format!("i64.{op}"))
            .unwrap()
    };
    let i32_by_minus_1 = |store: &mut Store<()>, op: &str| {
        inst.get_typed_func::<i32, i32>(store, &format!("i32.{op} by const -1"))
            .unwrap()
    };
    let i64_by_minus_1 = |store: &mut Store<()>, op: &str| {
        inst.get_typed_func::<i64, i64>(store, &format!("i64.{op} by const -1"))
            .unwrap()
    };

    // MIN / -1 does not fit: a trap (x86 `idiv` faults, aarch64 `sdiv`
    // returns MIN; both must become this trap).
    assert_trap(
        i32_op(&mut store, "div_s").call(&mut store, (i32::MIN, -1)),
        OVERFLOW,
        "i32.div_s MIN -1",
    );
    assert_trap(
        i64_op(&mut store, "div_s").call(&mut store, (i64::MIN, -1)),
        OVERFLOW,
        "i64.div_s MIN -1",
    );
    assert_trap(
        i32_by_minus_1(&mut store, "div_s").call(&mut store, i32::MIN),
        OVERFLOW,
        "i32.div_s MIN by const -1",
    );
    assert_trap(
        i64_by_minus_1(&mut store, "div_s").call(&mut store, i64::MIN),
        OVERFLOW,
        "i64.div_s MIN by const -1",
    );

    // MIN rem -1 is 0, not a trap (x86 `idiv` would fault here too).
    assert_eq!(
        i32_op(&mut store, "rem_s")
            .call(&mut store, (i32::MIN, -1))
            .unwrap(),
        0
    );
    assert_eq!(
        i64_op(&mut store, "rem_s")
            .call(&mut store, (i64::MIN, -1))
            .unwrap(),
        0
    );
    assert_eq!(
        i32_by_minus_1(&mut store, "rem_s")
            .call(&mut store, i32::MIN)
            .unwrap(),
        0
    );
    assert_eq!(
        i64_by_minus_1(&mut store, "rem_s")
            .call(&mut store, i64::MIN)
            .unwrap(),
        0
    );
    // Unsigned: -1 is the largest divisor.
    assert_eq!(
        i32_op(&mut store, "div_u")
            .call(&mut store, (i32::MIN, -1))
            .unwrap(),
        0
    );
    assert_eq!(
        i32_op(&mut store, "rem_u")
            .call(&mut store, (i32::MIN, -1))
            .unwrap(),
        i32::MIN
    );
    assert_eq!(
        i64_op(&mut store, "div_u")
            .call(&mut store, (-1, -1))
            .unwrap(),
        1
    );
    assert_eq!(
        i64_op(&mut store, "rem_u")
            .call(&mut store, (i64::MIN, -1))
            .unwrap(),
        i64::MIN
    );
    assert_eq!(
        i32_by_minus_1(&mut store, "div_u")
            .call(&mut store, -1)
            .unwrap(),
        1
    );
    assert_eq!(
        i64_by_minus_1(&mut store, "rem_u")
            .call(&mut store, -2)
            .unwrap(),
        -2
    );
    // Neighbours of the overflowing case are fine.
    assert_eq!(
        i32_op(&mut store, "div_s")
            .call(&mut store, (i32::MIN, 1))
            .unwrap(),
        i32::MIN
    );
    assert_eq!(
        i32_op(&mut store, "div_s")
            .call(&mut store, (i32::MIN + 1, -1))
            .unwrap(),
        i32::MAX
    );
    assert_eq!(
        i64_op(&mut store, "div_s")
            .call(&mut store, (i64::MIN, 1))
            .unwrap(),
        i64::MIN
    );
    assert_eq!(
        i64_op(&mut store, "div_s")
            .call(&mut store, (i64::MIN + 1, -1))
            .unwrap(),
        i64::MAX
    );
    assert_eq!(
        i32_by_minus_1(&mut store, "div_s")
            .call(&mut store, 5)
            .unwrap(),
        -5
    );
    // Signed division truncates toward zero, the remainder takes the
    // dividend's sign.
    assert_eq!(
        i32_op(&mut store, "div_s")
            .call(&mut store, (-7, 2))
            .unwrap(),
        -3
    );
    assert_eq!(
        i32_op(&mut store, "rem_s")
            .call(&mut store, (-7, 2))
            .unwrap(),
        -1
    );
    assert_eq!(
        i64_op(&mut store, "div_s")
            .call(&mut store, (7, -2))
            .unwrap(),
        -3
    );
    assert_eq!(
        i64_op(&mut store, "rem_s")
            .call(&mut store, (7, -2))
            .unwrap(),
        1
    );
    // And after all those traps the instance still divides.
    assert_eq!(
        i32_op(&mut store, "div_u")
            .call(&mut store, (-1, 2))
            .unwrap(),
        i32::MAX
    );
}

// ---------------------------------------------------------------------------
// Float-to-integer truncation: NaN and out of range (explicit checks)
// ---------------------------------------------------------------------------

/// What a truncation of one input must do.
enum Outcome {
    Value(i64),
    Trap(Expected),
}
use Outcome::{Trap as T, Value as V};

const TRUNC_MODULE: &str = r#"
(module
  (func (export "i32.trunc_f32_s") (param f32) (result i32) (i32.trunc_f32_s (local.get 0)))
  (func (export "i32.trunc_f32_u") (param f32) (result i32) (i32.trunc_f32_u (local.get 0)))
  (func (export "i32.trunc_f64_s") (param f64) (result i32) (i32.trunc_f64_s (local.get 0)))
  (func (export "i32.trunc_f64_u") (param f64) (result i32) (i32.trunc_f64_u (local.get 0)))
  (func (export "i64.trunc_f32_s") (param f32) (result i64) (i64.trunc_f32_s (local.get 0)))
  (func (export "i64.trunc_f32_u") (param f32) (result i64) (i64.trunc_f32_u (local.get 0)))
  (func (export "i64.trunc_f64_s") (param f64) (result i64) (i64.trunc_f64_s (local.get 0)))
  (func (export "i64.trunc_f64_u") (param f64) (result i64) (i64.trunc_f64_u (local.get 0)))
  (func (export "i32.trunc_f32_s of const nan") (result i32) (i32.trunc_f32_s (f32.const nan)))
  (func (export "i64.trunc_f64_u of const 1e20") (result i64) (i64.trunc_f64_u (f64.const 1e20))))
"#;

/// NaNs of both signs, quiet and signalling (with a payload).
const F32_NANS: [u32; 4] = [0x7fc0_0000, 0xffc0_0000, 0x7fa0_0001, 0xff80_0001];
const F64_NANS: [u64; 4] = [
    0x7ff8_0000_0000_0000,
    0xfff8_0000_0000_0000,
    0x7ff4_0000_0000_0001,
    0xfff0_0000_0000_0001,
];

#[test]
fn invalid_conversions_to_integer() {
    let (mut store, inst) = instance(TRUNC_MODULE);

    // Inputs are the spec testsuite's edge cases (conversions.wast): the
    // extreme values that still fit, and the nearest ones that do not.
    let f32_cases: [(&str, Vec<(f32, Outcome)>); 4] = [
        (
            "i32.trunc_f32_s",
            vec![
                (-2147483648.0, V(i32::MIN as i64)),
                (2147483520.0, V(2147483520)),
                (-1.9, V(-1)),
                (-0.0, V(0)),
                (2147483648.0, T(OVERFLOW)),
                (-2147483904.0, T(OVERFLOW)),
                (f32::INFINITY, T(OVERFLOW)),
                (f32::NEG_INFINITY, T(OVERFLOW)),
            ],
        ),
        (
            "i32.trunc_f32_u",
            vec![
                (4294967040.0, V(0xffff_ff00_u32 as i32 as i64)),
                (-0.9, V(0)),
                (1.9, V(1)),
                (4294967296.0, T(OVERFLOW)),
                (-1.0, T(OVERFLOW)),
                (f32::INFINITY, T(OVERFLOW)),
                (f32::NEG_INFINITY, T(OVERFLOW)),
            ],
        ),
        (
            "i64.trunc_f32_s",
            vec![
                (-9223372036854775808.0, V(i64::MIN)),
                (9223371487098961920.0, V(9223371487098961920)),
                (9223372036854775808.0, T(OVERFLOW)),
                (-9223373136366403584.0, T(OVERFLOW)),
                (f32::INFINITY, T(OVERFLOW)),
                (f32::NEG_INFINITY, T(OVERFLOW)),
            ],
        ),
        (
            "i64.trunc_f32_u",
            vec![
                (18446742974197923840.0, V(-1099511627776)),
                (-0.9, V(0)),
                (18446744073709551616.0, T(OVERFLOW)),
                (-1.0, T(OVERFLOW)),
                (f32::INFINITY, T(OVERFLOW)),
                (f32::NEG_INFINITY, T(OVERFLOW)),
            ],
        ),
    ];
    for (name, cases) in f32_cases {
        let i32_result = name.starts_with("i32");
        let mut call = |x: f32| -> Result<i64> {
            if i32_result {
                let f = inst.get_typed_func::<f32, i32>(&mut store, name).unwrap();
                f.call(&mut store, x).map(i64::from)
            } else {
                inst.get_typed_func::<f32, i64>(&mut store, name)
                    .unwrap()
                    .call(&mut store, x)
            }
        };
        for (x, outcome) in cases {
            let what = format!("{name} {x:?}");
            match outcome {
                V(v) => assert_eq!(call(x).unwrap(), v, "{what}"),
                T(e) => assert_trap(call(x), e, &what),
            }
        }
        for bits in F32_NANS {
            let what = format!("{name} nan {bits:#x}");
            assert_trap(call(f32::from_bits(bits)), INVALID_CONVERSION, &what);
        }
        assert_eq!(call(42.75).unwrap(), 42, "{name} after traps");
    }

    let f64_cases: [(&str, Vec<(f64, Outcome)>); 4] = [
        (
            "i32.trunc_f64_s",
            vec![
                (2147483647.9, V(i32::MAX as i64)),
                (-2147483648.9, V(i32::MIN as i64)),
                (2147483648.0, T(OVERFLOW)),
                (-2147483649.0, T(OVERFLOW)),
                (f64::INFINITY, T(OVERFLOW)),
                (f64::NEG_INFINITY, T(OVERFLOW)),
            ],
        ),
        (
            "i32.trunc_f64_u",
            vec![
                (4294967295.9, V(-1)),
                (-0.9, V(0)),
                (4294967296.0, T(OVERFLOW)),
                (-1.0, T(OVERFLOW)),
                (1e16, T(OVERFLOW)),
                (f64::INFINITY, T(OVERFLOW)),
                (f64::NEG_INFINITY, T(OVERFLOW)),
            ],
        ),
        (
            "i64.trunc_f64_s",
            vec![
                (9223372036854774784.0, V(9223372036854774784)),
                (-9223372036854775808.0, V(i64::MIN)),
                (9223372036854775808.0, T(OVERFLOW)),
                (-9223372036854777856.0, T(OVERFLOW)),
                (f64::INFINITY, T(OVERFLOW)),
                (f64::NEG_INFINITY, T(OVERFLOW)),
            ],
        ),
        (
            "i64.trunc_f64_u",
            vec![
                (18446744073709549568.0, V(-2048)),
                (-0.9, V(0)),
                (9223372036854775808.0, V(i64::MIN)),
                (18446744073709551616.0, T(OVERFLOW)),
                (-1.0, T(OVERFLOW)),
                (f64::INFINITY, T(OVERFLOW)),
                (f64::NEG_INFINITY, T(OVERFLOW)),
            ],
        ),
    ];
    for (name, cases) in f64_cases {
        let i32_result = name.starts_with("i32");
        let mut call = |x: f64| -> Result<i64> {
            if i32_result {
                let f = inst.get_typed_func::<f64, i32>(&mut store, name).unwrap();
                f.call(&mut store, x).map(i64::from)
            } else {
                inst.get_typed_func::<f64, i64>(&mut store, name)
                    .unwrap()
                    .call(&mut store, x)
            }
        };
        for (x, outcome) in cases {
            let what = format!("{name} {x:?}");
            match outcome {
                V(v) => assert_eq!(call(x).unwrap(), v, "{what}"),
                T(e) => assert_trap(call(x), e, &what),
            }
        }
        for bits in F64_NANS {
            let what = format!("{name} nan {bits:#x}");
            assert_trap(call(f64::from_bits(bits)), INVALID_CONVERSION, &what);
        }
        assert_eq!(call(42.75).unwrap(), 42, "{name} after traps");
    }

    let f = inst
        .get_typed_func::<(), i32>(&mut store, "i32.trunc_f32_s of const nan")
        .unwrap();
    assert_trap(
        f.call(&mut store, ()),
        INVALID_CONVERSION,
        "trunc of constant nan",
    );
    let f = inst
        .get_typed_func::<(), i64>(&mut store, "i64.trunc_f64_u of const 1e20")
        .unwrap();
    assert_trap(f.call(&mut store, ()), OVERFLOW, "trunc of constant 1e20");
}

/// With NaN canonicalisation, every float operation that produces a NaN
/// produces the canonical one, so results are bit-identical on every ISA
/// (x86-64 hardware makes 0/0 a negative NaN, aarch64 a positive one);
/// sign-bit operations keep their exact payloads, as wasm requires.
#[test]
fn canonical_nans_are_identical_on_every_isa() {
    let mut config = Config::new();
    config.canonicalize_nans(true);
    let module = Module::new(
        &Engine::new(&config).unwrap(),
        r#"(module
             (func (export "div32") (param f32 f32) (result f32) (f32.div (local.get 0) (local.get 1)))
             (func (export "add32") (param f32 f32) (result f32) (f32.add (local.get 0) (local.get 1)))
             (func (export "neg32") (param f32) (result f32) (f32.neg (local.get 0)))
             (func (export "sqrt64") (param f64) (result f64) (f64.sqrt (local.get 0)))
             (func (export "promote") (param f32) (result f64) (f64.promote_f32 (local.get 0)))
             (func (export "min64") (param f64 f64) (result f64) (f64.min (local.get 0) (local.get 1))))"#,
    )
    .unwrap();
    let mut store = Store::new(module.engine(), ());
    let inst = Instance::new(&mut store, &module, &[]).unwrap();
    let mut result = |name: &str, args: &[Val]| {
        let f = inst.get_func(&mut store, name).unwrap();
        call_func(&mut store, f, args).unwrap()[0].clone()
    };
    let bits32 = |v: Val| match v {
        Val::F32(b) => b,
        other => panic!("{other:?}"),
    };
    let bits64 = |v: Val| match v {
        Val::F64(b) => b,
        other => panic!("{other:?}"),
    };
    let payload32 = Val::F32(0xffc1_2345);
    assert_eq!(
        bits32(result("div32", &[Val::from_f32(0.0), Val::from_f32(0.0)])),
        0x7fc0_0000
    );
    assert_eq!(
        bits32(result("add32", &[payload32.clone(), Val::from_f32(1.0)])),
        0x7fc0_0000
    );
    assert_eq!(
        bits32(result("neg32", &[payload32])),
        0x7fc1_2345,
        "neg only flips the sign"
    );
    assert_eq!(
        bits64(result("sqrt64", &[Val::from_f64(-1.0)])),
        0x7ff8_0000_0000_0000
    );
    assert_eq!(
        bits64(result("promote", &[Val::F32(0x7fa0_0001)])),
        0x7ff8_0000_0000_0000
    );
    assert_eq!(
        bits64(result(
            "min64",
            &[Val::F64(0xfff0_0000_0000_0001), Val::from_f64(1.0)]
        )),
        0x7ff8_0000_0000_0000
    );
    // Numbers are untouched.
    assert_eq!(
        bits32(result("div32", &[Val::from_f32(1.0), Val::from_f32(4.0)])),
        0.25f32.to_bits()
    );
}

/// The same for vector lanes: each NaN lane of a float result becomes the
/// canonical NaN, the other lanes keep their values, and sign-bit lane
/// operations keep their payloads.
#[test]
fn canonical_nans_in_vector_lanes() {
    let mut config = Config::new();
    config.canonicalize_nans(true);
    let module = Module::new(
        &Engine::new(&config).unwrap(),
        r#"(module
             (func (export "div") (param v128 v128) (result v128) (f32x4.div (local.get 0) (local.get 1)))
             (func (export "sqrt") (param v128) (result v128) (f64x2.sqrt (local.get 0)))
             (func (export "neg") (param v128) (result v128) (f32x4.neg (local.get 0))))"#,
    )
    .unwrap();
    let mut store = Store::new(module.engine(), ());
    let inst = Instance::new(&mut store, &module, &[]).unwrap();
    let mut call = |name: &str, args: &[Val]| {
        let f = inst.get_func(&mut store, name).unwrap();
        call_func(&mut store, f, args).unwrap()[0].unwrap_v128()
    };
    let f32x4 = |l: [f32; 4]| {
        Val::V128(
            l.iter()
                .rev()
                .fold(0u128, |acc, x| acc << 32 | x.to_bits() as u128),
        )
    };
    // 0/0 and NaN/1 give NaN lanes; 6/3 and -1/4 stay numbers.
    let got = call(
        "div",
        &[
            f32x4([0.0, f32::from_bits(0xffc1_2345), 6.0, -1.0]),
            f32x4([0.0, 1.0, 3.0, 4.0]),
        ],
    );
    assert_eq!(
        got.to_le_bytes(),
        f32x4([
            f32::from_bits(0x7fc0_0000),
            f32::from_bits(0x7fc0_0000),
            2.0,
            -0.25
        ])
        .unwrap_v128()
        .to_le_bytes()
    );
    let got = call(
        "sqrt",
        &[Val::V128(
            (4.0f64.to_bits() as u128) << 64 | (-1.0f64).to_bits() as u128,
        )],
    );
    assert_eq!(
        got,
        (2.0f64.to_bits() as u128) << 64 | 0x7ff8_0000_0000_0000
    );
    let payload = 0xffc1_2345u128;
    assert_eq!(
        call("neg", &[Val::V128(payload)]),
        0x8000_0000_8000_0000_8000_0000_7fc1_2345,
        "neg only flips signs"
    );
}
