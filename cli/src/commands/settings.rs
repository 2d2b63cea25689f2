//! `flint settings`: what Flint compiles for on this machine. The ISA, the
//! optional CPU features detected (and used), the floor every CPU must
//! have, the defaults of `flint::Config`, and which WebAssembly proposals
//! the default engine accepts.
//!
//! The proposal list is not a hand-kept table: each line is the default
//! engine's verdict on a tiny module using that proposal, so it cannot
//! drift from what `Module::new` does.

use super::Failure;
use flint::{Config, CpuFeatures, Engine, Module, Target};
use std::io::Write;

/// One small module per proposal, each using it in the simplest way.
const PROPOSALS: &[(&str, &str)] = &[
    (
        "multi-value",
        "(module (func (result i32 i32) (i32.const 0) (i32.const 0)))",
    ),
    (
        "sign-extension operators",
        "(module (func (result i32) (i32.extend8_s (i32.const 0))))",
    ),
    (
        "non-trapping float-to-int conversions",
        "(module (func (result i32) (i32.trunc_sat_f32_s (f32.const 0))))",
    ),
    (
        "bulk memory",
        "(module (memory 1) (func (memory.copy (i32.const 0) (i32.const 0) (i32.const 0))))",
    ),
    ("reference types", "(module (table 1 externref))"),
    (
        "SIMD",
        "(module (func (result v128) (v128.const i64x2 0 0)))",
    ),
    (
        "relaxed SIMD",
        "(module (func (result v128) \
           (i8x16.relaxed_swizzle (v128.const i64x2 0 0) (v128.const i64x2 0 0))))",
    ),
    (
        "extended constant expressions",
        "(module (global i32 (i32.add (i32.const 1) (i32.const 2))))",
    ),
    ("threads", "(module (memory 1 1 shared))"),
    ("tail calls", "(module (func (return_call 0)))"),
    ("exception handling", "(module (tag))"),
    ("memory64", "(module (memory i64 1))"),
    ("multi-memory", "(module (memory 0) (memory 0))"),
    ("function references", "(module (func (param (ref func))))"),
    ("GC", "(module (type (struct)))"),
];

pub fn settings() -> Result<(), Failure> {
    let config = Config::default();
    let engine = Engine::new(&config)
        .map_err(|e| Failure::from_api("cannot run wasm on this machine", e))?;
    let target = Target::native();
    let mut text = String::new();
    let mut line = |s: String| {
        text.push_str(&s);
        text.push('\n');
    };
    line(format!("target: {target}"));
    line(format!(
        "CPU features used: {}",
        names(engine.cpu_features())
    ));
    line(format!(
        "CPU features required: {}",
        names(CpuFeatures::minimum(target))
    ));
    line(String::new());
    line("defaults (flint::Config::default(); `flint run -W` changes the first two):".into());
    let stack = config.get_max_wasm_stack();
    line(format!(
        "  max wasm stack: {stack} bytes ({})",
        size(stack as u64)
    ));
    let pages = config.get_max_memory_pages();
    line(format!(
        "  max memory size: {pages} pages of 64 KiB ({})",
        size(u64::from(pages) << 16)
    ));
    line("  fuel metering: off; epoch interruption: off".into());
    line(String::new());
    line("WebAssembly proposals (beyond 1.0):".into());
    for (name, wat) in PROPOSALS {
        // Each probe is valid under its proposal, so any rejection means
        // the engine lacks it.
        let verdict = match wat::parse_str(wat).map(|wasm| Module::validate(&engine, &wasm)) {
            Ok(Ok(())) => "supported",
            Ok(Err(_)) => "not supported yet",
            Err(e) => return Err(Failure::error(format!("the {name} probe: {e}"))),
        };
        line(format!("  {name}: {verdict}"));
    }
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure::error(format!("writing settings: {e}")))
        }
        _ => Ok(()),
    }
}

fn names(features: CpuFeatures) -> String {
    let names: Vec<&str> = features.iter().map(|f| f.name()).collect();
    if names.is_empty() {
        "(none)".into()
    } else {
        names.join(" ")
    }
}

/// `1048576` → `1 MiB`, for the sizes above (all powers of two).
fn size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 30 && b % (1 << 30) == 0 => format!("{} GiB", b >> 30),
        b if b >= 1 << 20 && b % (1 << 20) == 0 => format!("{} MiB", b >> 20),
        b if b >= 1 << 10 && b % (1 << 10) == 0 => format!("{} KiB", b >> 10),
        b => format!("{b} bytes"),
    }
}
