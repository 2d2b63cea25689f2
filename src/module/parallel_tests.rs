//! Parallel compilation against the single pass (`parallel`): the same
//! machine code, tables and function entries, byte for byte, on real
//! programs for both ISAs and at several thread counts; the same error, the
//! first in module order, for invalid, truncated and oversized modules;
//! and which modules take the parallel path at all.

use super::translate;
use crate::engine::{Config, Engine};
use crate::masm::{Assembled, CpuFeatures, JumpTable, MacroAssembler, TrapSite, WasmOffsets};
use std::path::Path;

/// An engine that compiles on one thread (`None`) or sends every module
/// through the parallel path on `Some(threads)` threads; `edit` changes
/// the rest of the configuration.
fn engine(threads: Option<usize>, edit: impl Fn(&mut Config)) -> Engine {
    let mut config = Config::new();
    match threads {
        None => config.parallel_compilation(false),
        Some(n) => config
            .parallel_compilation_threshold(0)
            .compilation_threads(n),
    };
    edit(&mut config);
    Engine::new(&config).expect("engine")
}

/// What a compile produced, in comparable form.
#[derive(Debug, PartialEq, Eq)]
struct Output {
    code: Vec<u8>,
    func_offsets: Vec<u32>,
    trap_sites: Vec<TrapSite>,
    wasm_offsets: WasmOffsets,
    jump_tables: Vec<JumpTable>,
}

fn compile<M: MacroAssembler + Send>(engine: &Engine, bytes: &[u8]) -> crate::Result<Output> {
    let (b, a): (_, Assembled) = translate::<M>(engine, CpuFeatures::all(), bytes, None)?;
    Ok(Output {
        code: a.code.to_vec(),
        func_offsets: b.func_offsets,
        trap_sites: a.trap_sites,
        wasm_offsets: a.wasm_offsets,
        jump_tables: a.jump_tables,
    })
}

/// The real programs in the repository: the WASI test programs (C and
/// Rust, up to 430 KB) and the run bench's kernels.
fn programs() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut programs = Vec::new();
    for dir in ["wasi-tests", "benches/kernels/wasm"] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
            .expect("program directory")
            .map(|e| e.expect("directory entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "wasm"))
            .collect();
        paths.sort();
        for path in paths {
            let bytes = std::fs::read(&path).expect("program");
            programs.push((path.display().to_string(), bytes));
        }
    }
    assert!(programs.len() >= 15, "the programs are missing");
    programs
}

fn same_output_both_ways<M: MacroAssembler + Send>() {
    let single = engine(None, |_| {});
    for (name, bytes) in programs() {
        let want = compile::<M>(&single, &bytes).expect(&name);
        assert!(!want.func_offsets.is_empty(), "{name}");
        // 2 threads as on the bench machine; 3 and 5 cut the module into
        // other batches, so other calls cross from one batch to another.
        for threads in [2, 3, 5] {
            let got = compile::<M>(&engine(Some(threads), |_| {}), &bytes).expect(&name);
            // Compared piecewise first, for a readable failure.
            assert_eq!(
                got.func_offsets, want.func_offsets,
                "{name}, {threads} threads"
            );
            assert!(
                got.code == want.code,
                "{name}: code differs, {threads} threads"
            );
            assert_eq!(got, want, "{name}, {threads} threads");
        }
    }
}

#[test]
#[cfg(any(target_arch = "x86_64", feature = "explain"))]
fn x64_code_is_the_same_as_the_single_pass() {
    same_output_both_ways::<crate::masm::x64::X64Masm>();
}

#[test]
#[cfg(any(target_arch = "aarch64", feature = "explain"))]
fn aarch64_code_is_the_same_as_the_single_pass() {
    same_output_both_ways::<crate::masm::aarch64::A64Masm>();
}

/// A module of `n` functions, each calling the next and the previous one
/// (so calls cross batches both ways), with function `i` replaced by
/// `invalid(i)` where that gives a body.
fn module(n: usize, invalid: impl Fn(usize) -> Option<&'static str>) -> Vec<u8> {
    let mut wat = String::from("(module (memory 1)\n");
    for i in 0..n {
        let body = invalid(i).map(str::to_string).unwrap_or_else(|| {
            let (prev, next) = (i.saturating_sub(1), (i + 1) % n);
            format!(
                "local.get 0 i32.eqz if (result i32) i32.const {i} else \
                 local.get 0 i32.const 1 i32.sub call {prev} local.get 0 call {next} i32.add \
                 local.get 0 i32.load offset={i} i32.add end"
            )
        });
        wat.push_str(&format!("(func (param i32) (result i32) {body})\n"));
    }
    wat.push(')');
    wat::parse_str(&wat).expect("wat")
}

/// The single pass's error, and the parallel path's at several thread
/// counts, as text (message and offset).
fn errors(bytes: &[u8], edit: impl Fn(&mut Config) + Copy) -> (String, Vec<String>) {
    type Native = crate::masm::NativeMasm;
    let err = |e: Engine| match compile::<Native>(&e, bytes) {
        Ok(_) => "compiled".to_string(),
        Err(e) => format!("{e:?}"),
    };
    let single = err(engine(None, edit));
    let parallel = [2, 3, 8]
        .into_iter()
        .map(|t| err(engine(Some(t), edit)))
        .collect();
    (single, parallel)
}

fn assert_same_error(bytes: &[u8], edit: impl Fn(&mut Config) + Copy, expect: &str) {
    let (single, parallel) = errors(bytes, edit);
    assert!(single.contains(expect), "single pass: {single}");
    for p in parallel {
        assert_eq!(p, single);
    }
}

const BAD: &str = "i64.const 0";

#[test]
fn an_invalid_function_late_in_the_module_is_reported() {
    let bytes = module(400, |i| (i == 398).then_some(BAD));
    assert_same_error(&bytes, |_| {}, "type mismatch");
}

#[test]
fn the_first_of_two_invalid_functions_is_reported() {
    // Far apart: in different batches at any thread count tested. The
    // later one is invalid differently, so the report says which it is.
    let bytes = module(400, |i| match i {
        60 => Some(BAD),
        330 => Some("f32.const 0"),
        _ => None,
    });
    let (single, _) = errors(&bytes, |_| {});
    assert!(single.contains("i64"), "{single}");
    assert_same_error(&bytes, |_| {}, "type mismatch");
}

#[test]
fn a_module_cut_short_in_its_code_reports_what_the_single_pass_does() {
    let good = module(300, |_| None);
    // Cut in the middle of a body: the bodies before it are set aside,
    // then the parser fails.
    let cut = &good[..good.len() * 2 / 3];
    assert_same_error(cut, |_| {}, "InvalidModule");
    // An invalid function before the cut comes first.
    let bad = module(300, |i| (i == 20).then_some(BAD));
    assert_same_error(&bad[..bad.len() * 2 / 3], |_| {}, "type mismatch");
}

#[test]
fn the_code_size_limit_holds_and_comes_in_module_order() {
    let bytes = module(400, |_| None);
    let total = compile::<crate::masm::NativeMasm>(&engine(None, |_| {}), &bytes)
        .expect("compiles")
        .code
        .len();
    let limit = |c: &mut Config| {
        c.max_code_size(total / 2);
    };
    assert_same_error(&bytes, limit, "exceeds the configured limit");
    // An invalid function before the limit is reached is reported
    // instead; one after it is not.
    let early = module(400, |i| (i == 10).then_some(BAD));
    assert_same_error(&early, limit, "type mismatch");
    let late = module(400, |i| (i == 390).then_some(BAD));
    assert_same_error(&late, limit, "exceeds the configured limit");
    // The limit crossed two functions before an invalid one, likely in the
    // same batch: the limit is reported.
    let offsets = compile::<crate::masm::NativeMasm>(&engine(None, |_| {}), &bytes)
        .expect("compiles")
        .func_offsets;
    let close = module(400, |i| (i == 204).then_some(BAD));
    let limit = offsets[202] as usize + 1;
    let limit = |c: &mut Config| {
        c.max_code_size(limit);
    };
    assert_same_error(&close, limit, "exceeds the configured limit");
}

#[test]
fn small_modules_compile_on_the_calling_thread() {
    let mut config = Config::new();
    config.compilation_threads(4);
    assert_eq!(config.threads_for(100 << 10), 1, "below the threshold");
    assert_eq!(config.threads_for(256 << 10), 4);
    config.parallel_compilation(false);
    assert_eq!(config.threads_for(64 << 20), 1, "turned off");
    config.parallel_compilation(true).compilation_threads(1);
    assert_eq!(config.threads_for(64 << 20), 1, "one thread");
    config.compilation_threads(0);
    assert_eq!(config.threads_for(64 << 20), 1, "0 counts as 1");
    assert_eq!(
        Config::new().threads_for(255 << 10),
        1,
        "the default threshold"
    );
}
