//! `flint explain` (operators interleaved with machine code and the value
//! stack, for either ISA on any host) and the CPU features code is compiled
//! for, including x86-64 CPUs without the optional instructions (under
//! `qemu-x86_64 -cpu MODEL`) and below Flint's floor.

use super::*;

/// `flint explain` interleaves each operator with the machine code emitted
/// for it and the value stack after it, for either ISA on any host. The
/// exact code is guarded by the asm-tests; this checks the listing's shape.
#[test]
fn explain_interleaves_operators_code_and_stack() {
    for (target, mnemonics) in [
        ("x86_64", &["push rbp", "mov ", "ret"][..]),
        ("aarch64", &["stp x29, x30", "ldr ", "ret"][..]),
    ] {
        let args = ["explain", "examples/fib.wat", "--target", target];
        let out = flint(&args);
        let text = stdout(&out);
        assert_eq!(
            out.status.code(),
            Some(0),
            "flint {args:?}: {}",
            stderr(&out)
        );
        // A header per function, naming it, its signature and the target.
        assert!(
            text.contains("func 0 $fib (export \"fib\") (param i32) (result i32): ")
                && text.contains(&format!("bytes of {target}")),
            "{text}"
        );
        assert!(text.contains("func 1 $fib_rec"), "{text}");
        assert!(text.contains("          prologue\n"), "{text}");
        assert!(text.contains("out-of-line stubs"), "{text}");
        // Operators at their wasm offsets, indented by block depth, in wat
        // with the source's names, with the stack after them: `local.get`
        // emits no code, only a stack entry (local 0 is `$n`).
        let op_line = |needle: &str| {
            text.lines()
                .find(|l| l.contains(needle))
                .map(str::to_string)
        };
        let get = op_line("local.get $n ").expect("a local.get line");
        assert!(get.trim_start().starts_with("0x"), "{get}");
        assert!(get.ends_with("[i32:local 0]"), "{get}");
        let add = op_line("i32.add ").expect("an i32.add line");
        assert!(add.contains("[i32:"), "{add}");
        assert!(text.contains("  loop $next "), "{text}");
        // Machine instructions: a 4-digit code offset, then the instruction.
        for m in mnemonics {
            assert!(
                text.lines()
                    .any(|l| l.starts_with("            0") && l.contains(m)),
                "{target}: no `{m}` instruction line in\n{text}"
            );
        }
        assert!(text.contains("; trap: call stack exhausted"), "{text}");
    }

    // One function, by name or index, with the encoding bytes.
    let by_name = stdout(&flint(&[
        "explain",
        "examples/fib.wat",
        "--func",
        "fib_rec",
        "--target",
        "x86_64",
    ]));
    let by_index = stdout(&flint(&[
        "explain",
        "examples/fib.wat",
        "--func",
        "1",
        "--target",
        "x86_64",
    ]));
    assert_eq!(by_name, by_index);
    assert!(
        by_name.contains("func 1 $fib_rec") && !by_name.contains("func 0"),
        "{by_name}"
    );
    let bytes = stdout(&flint(&[
        "explain",
        "examples/fib.wat",
        "--func",
        "$fib",
        "--target",
        "x86_64",
        "--bytes",
    ]));
    assert!(
        bytes.contains("  55  ") || bytes.contains(" 55 "),
        "push rbp is 55:\n{bytes}"
    );

    fails(
        &["explain", "examples/fib.wat", "--func", "nope"],
        EXIT_ERROR,
        "no function `nope`",
    );
    fails(
        &["explain", "examples/fib.wat", "--target", "mips"],
        EXIT_ERROR,
        "mips",
    );
}

#[test]
fn explain_names_the_cpu_features_it_compiled_for() {
    let text = stdout(&flint(&[
        "explain",
        "examples/fib.wat",
        "--target",
        "x86_64",
        "--cpu-features",
        "min",
    ]));
    assert!(
        text.contains(";; Compiled for x86_64 with CPU features: sse4.1 sse4.2 popcnt.\n"),
        "{text}"
    );
    let text = stdout(&flint(&[
        "explain",
        "examples/fib.wat",
        "--target",
        "aarch64",
        "--cpu-features",
        "lzcnt,lse",
    ]));
    // Another ISA's features are dropped.
    assert!(
        text.contains(";; Compiled for aarch64 with CPU features: lse.\n"),
        "{text}"
    );
    fails(
        &["explain", "examples/fib.wat", "--cpu-features", "sse5"],
        EXIT_ERROR,
        "unknown CPU feature `sse5`",
    );
}

/// `--relaxed-simd-deterministic` compiles as an engine with
/// `Config::relaxed_simd_deterministic` does: a relaxed multiply-add is the
/// fused instruction by default (x86-64 with FMA, aarch64) and an unfused
/// multiply and add with the flag, which the header says.
#[test]
fn explain_compiles_relaxed_simd_in_either_mode() {
    let wat = TempFile::new(
        "relaxed-madd.wat",
        br#"(module (func (param v128 v128 v128) (result v128)
          (f32x4.relaxed_madd (local.get 0) (local.get 1) (local.get 2))))"#,
    );
    let path = wat.path();
    for (target, fused, unfused) in [
        ("x86_64", "vfmadd213ps", "mulps"),
        ("aarch64", "fmla", "fmul"),
    ] {
        let args = ["explain", path, "--target", target, "--cpu-features", "all"];
        let fast = stdout(&flint(&args));
        assert!(fast.contains(fused) && !fast.contains(unfused), "{fast}");
        assert!(!fast.contains("deterministic"), "{fast}");
        let args = [&args[..], &["--relaxed-simd-deterministic"]].concat();
        let det = stdout(&flint(&args));
        assert!(det.contains(unfused) && !det.contains(fused), "{det}");
        assert!(
            det.contains(";; Relaxed SIMD operators in their deterministic form.\n"),
            "{det}"
        );
    }
}

/// Bit counting of both widths, run by the `flint` binary on qemu's model
/// of an older x86-64 CPU (`qemu-x86_64 -cpu MODEL`): the same code, the
/// same results as Rust's.
#[cfg(target_arch = "x86_64")]
fn run_bit_counts_on(cpu: &str) {
    let wat = TempFile::new(
        &format!("bits-{cpu}.wat"),
        br#"(module
          (func (export "i32.clz") (param i32) (result i32) (i32.clz (local.get 0)))
          (func (export "i32.ctz") (param i32) (result i32) (i32.ctz (local.get 0)))
          (func (export "i32.popcnt") (param i32) (result i32) (i32.popcnt (local.get 0)))
          (func (export "i64.clz") (param i64) (result i64) (i64.clz (local.get 0)))
          (func (export "i64.ctz") (param i64) (result i64) (i64.ctz (local.get 0)))
          (func (export "i64.popcnt") (param i64) (result i64) (i64.popcnt (local.get 0))))"#,
    );
    for v in [
        0u64,
        1,
        2,
        0x80,
        0x8000_0000,
        0xffff_ffff,
        0x1_0000_0000,
        1 << 63,
        u64::MAX,
    ] {
        let v32 = v as u32;
        let cases = [
            ("i32.clz", v32.to_string(), v32.leading_zeros()),
            ("i32.ctz", v32.to_string(), v32.trailing_zeros()),
            ("i32.popcnt", v32.to_string(), v32.count_ones()),
            ("i64.clz", v.to_string(), v.leading_zeros()),
            ("i64.ctz", v.to_string(), v.trailing_zeros()),
            ("i64.popcnt", v.to_string(), v.count_ones()),
        ];
        for (func, arg, want) in cases {
            let out = Command::new("qemu-x86_64")
                .args(["-cpu", cpu, env!("CARGO_BIN_EXE_flint"), "run"])
                .args(["--invoke", func, wat.path(), &arg])
                .output()
                .expect("qemu-x86_64 runs (Debian: apt-get install qemu-user)");
            assert_eq!(
                (stdout(&out).trim(), out.status.code()),
                (want.to_string().as_str(), Some(0)),
                "{func}({arg}) on {cpu}: {}",
                stderr(&out)
            );
        }
    }
}

/// On a CPU without LZCNT and BMI1 (Intel before Haswell), `lzcnt` and
/// `tzcnt` decode as `bsr` and `bsf` and give other answers (`i32.clz(1)`
/// was 0, not 31): the backend must use its fallback there.
#[cfg(target_arch = "x86_64")]
#[test]
fn bit_counting_is_right_without_lzcnt_and_bmi1() {
    run_bit_counts_on("Nehalem");
}

/// Below the floor (no SSE4.1, SSE4.2 or POPCNT: qemu's Core 2 model),
/// Flint refuses to run rather than emit code the CPU cannot execute.
#[cfg(target_arch = "x86_64")]
#[test]
fn a_cpu_below_the_floor_is_refused_clearly() {
    let out = Command::new("qemu-x86_64")
        .args(["-cpu", "core2duo", env!("CARGO_BIN_EXE_flint")])
        .args(["run", "--invoke", "fib", "examples/fib.wat", "10"])
        .current_dir(repo_root())
        .output()
        .expect("qemu-x86_64 runs (Debian: apt-get install qemu-user)");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(EXIT_ERROR), "{err}");
    assert!(
        err.contains("Flint needs x86_64 with sse4.1 sse4.2 popcnt; this CPU lacks"),
        "{err}"
    );
}
