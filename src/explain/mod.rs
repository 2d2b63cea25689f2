//! `explain`: what the single-pass compiler made of each wasm operator,
//! as a listing that interleaves operators, machine code and the value
//! stack.
//!
//! It owns the one rendering that both `flint explain` (the CLI) and the
//! asm-tests golden files (`asm-tests/harness.rs`) print, so what readers
//! see in the terminal is exactly what the tests guard. It compiles for
//! either ISA on any host through `module::compile_code`, which
//! stops before anything is mapped executable, and disassembles with pure
//! Rust decoders ([`disasm`]). The operators' text is wasmprinter's
//! (`operators`).
//!
//! A listing of one function looks like this (x86-64):
//!
//! ```text
//! func 0 $fib (export "fib") (param i32) (result i32): 145 bytes of x86_64
//!   wasm    operator                      value stack after it
//!           prologue
//!             0000  push rbp
//!             ...
//!   0x2b    i32.const 1                   [i32:const 1]
//!   0x2d    local.set 2                   []
//!             000f  mov dword ptr [rbp-0x18], 1
//! ```
//!
//! Code offsets and branch targets inside a function are relative to its
//! entry; operators carry their byte offset in the module binary.

pub mod disasm;
mod operators;

use crate::compiler::trace::{FuncTrace, ModuleTrace};
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::masm::{aarch64::A64Masm, x64::X64Masm, Assembled};
use crate::module::compile_code;
use crate::names::FuncNames;
use crate::trap::TrapCode;
use std::collections::HashMap;
use std::fmt::Write;

pub use crate::masm::{CpuFeature, CpuFeatures, Target};

/// What to list and how.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Only this function: its index, its name from the name section (with
    /// or without `$`) or an export name.
    pub func: Option<String>,
    /// Show each instruction's encoding bytes.
    pub bytes: bool,
    /// The CPU features to compile for; `None` for [`default_features`].
    pub features: Option<CpuFeatures>,
    /// Compile as an engine with `Config::relaxed_simd_deterministic`
    /// does: every relaxed SIMD operator in its deterministic form.
    pub relaxed_simd_deterministic: bool,
    /// Compile for linear memories of this reservation and guard, in bytes
    /// (`Config::memory_reservation`, `Config::memory_guard_size`), which
    /// decide the accesses that get explicit bounds checks; `None` for the
    /// defaults (guard pages, no checks).
    pub memory_layout: Option<(u64, u64)>,
}

/// The CPU features a listing for `target` is compiled for unless told
/// otherwise: what an engine on this machine uses for the native target,
/// and every feature of a foreign one (a cross-compile has no CPU to ask).
pub fn default_features(target: Target) -> Result<CpuFeatures> {
    if target == Target::native() {
        Ok(Engine::new(&crate::engine::Config::default())?.cpu_features())
    } else {
        Ok(CpuFeatures::all().for_target(target))
    }
}

/// Compile the binary module `wasm` for `target` and render the listing of
/// its functions (or only `options.func`).
pub fn explain(wasm: &[u8], target: Target, options: &Options) -> Result<String> {
    let features = match options.features {
        Some(features) => features,
        None => default_features(target)?,
    };
    // The engine only contributes settings; the code is generated for
    // `target` and `features`, not for this machine.
    let mut config = crate::engine::Config::default();
    config.relaxed_simd_deterministic(options.relaxed_simd_deterministic);
    if let Some((reservation, guard)) = options.memory_layout {
        config
            .memory_reservation(reservation)
            .memory_guard_size(guard);
    }
    let engine = Engine::new(&config)?;
    let mut trace = ModuleTrace::default();
    let assembled = match target {
        Target::X86_64 => compile_code::<X64Masm>(&engine, features, wasm, Some(&mut trace))?,
        Target::Aarch64 => compile_code::<A64Masm>(&engine, features, wasm, Some(&mut trace))?,
    };
    let names = Names::read(wasm);
    let operators = operators::Operators::read(wasm)?;
    let funcs: Vec<&FuncTrace> = match &options.func {
        None => trace.funcs.iter().collect(),
        Some(wanted) => {
            let index = names
                .resolve(wanted)
                .ok_or_else(|| Error::Usage(format!("no function `{wanted}` in the module")))?;
            let found: Vec<&FuncTrace> = trace
                .funcs
                .iter()
                .filter(|f| f.func_index == index)
                .collect();
            if found.is_empty() {
                return Err(Error::Usage(format!(
                    "function `{wanted}` is imported or does not exist: it has no code"
                )));
            }
            found
        }
    };
    let listing = Listing {
        target,
        assembled: &assembled,
        trace: &trace,
        names: &names,
        operators: &operators,
        traps: assembled
            .trap_sites
            .iter()
            .filter_map(|s| Some((s.offset as usize, s.code()?)))
            .collect(),
        bytes: options.bytes,
    };
    let mut out = String::new();
    for (i, f) in funcs.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        listing.function(&mut out, f);
    }
    Ok(out)
}

/// Function names, from the name section and the exports.
#[derive(Default)]
struct Names {
    /// `$name` from the name section.
    debug: FuncNames,
    exports: HashMap<u32, Vec<String>>,
}

impl Names {
    /// Best effort: the module was already validated by the compile, and a
    /// malformed name section only costs the names.
    fn read(wasm: &[u8]) -> Names {
        let mut names = Names::default();
        for payload in wasmparser::Parser::new(0).parse_all(wasm) {
            match payload {
                Ok(wasmparser::Payload::ExportSection(reader)) => {
                    for e in reader.into_iter().flatten() {
                        if e.kind == wasmparser::ExternalKind::Func {
                            names
                                .exports
                                .entry(e.index)
                                .or_default()
                                .push(e.name.to_string());
                        }
                    }
                }
                Ok(wasmparser::Payload::CustomSection(reader)) => {
                    names.debug.read_section(&reader);
                }
                Err(_) => break,
                _ => {}
            }
        }
        names
    }

    fn resolve(&self, wanted: &str) -> Option<u32> {
        if let Ok(index) = wanted.parse::<u32>() {
            return Some(index);
        }
        let bare = wanted.strip_prefix('$').unwrap_or(wanted);
        self.debug.find(bare).or_else(|| {
            self.exports
                .iter()
                .find(|(_, ns)| ns.iter().any(|n| n == wanted))
                .map(|(&i, _)| i)
        })
    }

    /// `func 0 $fib (export "fib")`
    fn title(&self, index: u32) -> String {
        let mut s = format!("func {index}");
        if let Some(n) = self.debug.get(index) {
            let _ = write!(s, " ${n}");
        }
        for e in self.exports.get(&index).into_iter().flatten() {
            let _ = write!(s, " (export {e:?})");
        }
        s
    }

    /// How a call or jump to another function is shown: `<func 1 $fib_rec>`.
    fn symbol(&self, index: u32) -> String {
        match self.debug.get(index) {
            Some(n) => format!("<func {index} ${n}>"),
            None => format!("<func {index}>"),
        }
    }
}

/// Column where the value stack starts on an operator line.
const STACK_COLUMN: usize = 40;

struct Listing<'a> {
    target: Target,
    assembled: &'a Assembled,
    trace: &'a ModuleTrace,
    names: &'a Names,
    operators: &'a operators::Operators,
    traps: HashMap<usize, TrapCode>,
    bytes: bool,
}

impl Listing<'_> {
    fn function(&self, out: &mut String, f: &FuncTrace) {
        let code = f.code();
        let sig = signature(f);
        let _ = writeln!(
            out,
            "{}{sig}: {} bytes of {}",
            self.names.title(f.func_index),
            code.len(),
            self.target
        );
        let _ = writeln!(
            out,
            "{:<w$}value stack after it",
            "  wasm    operator",
            w = STACK_COLUMN
        );
        let _ = writeln!(out, "          prologue");
        self.code(out, f, f.prologue.clone());
        for (i, op) in f.ops.iter().enumerate() {
            let text = match self.operators.get(op.wasm_offset) {
                Some(text) => text,
                None if i + 1 == f.ops.len() => "end",
                None => "(operator not printed)",
            };
            let head = format!(
                "  {:<8}{}{text}",
                format!("{:#x}", op.wasm_offset),
                "  ".repeat(op.depth),
            );
            let stack = op.stack.as_deref().unwrap_or("(unreachable)");
            let pad = STACK_COLUMN.saturating_sub(head.len()).max(1);
            let _ = writeln!(out, "{head}{:pad$}{stack}", "");
            self.code(out, f, op.code.clone());
        }
        if !f.stubs.is_empty() {
            let _ = writeln!(out, "          out-of-line stubs");
            self.code(out, f, f.stubs.clone());
        }
    }

    /// List `range` of function `f`: instructions, and the entries of any
    /// jump table the backend reported as data inside it (which the
    /// backend, not this code, knows the format of).
    fn code(&self, out: &mut String, f: &FuncTrace, range: std::ops::Range<usize>) {
        let base = f.prologue.start;
        let code = &self.assembled.code;
        let tables = &self.assembled.jump_tables;
        let first = tables.partition_point(|t| t.start < range.start);
        let mut at = range.start;
        for table in tables[first..].iter().take_while(|t| t.start < range.end) {
            self.instructions(out, f, at..table.start);
            for (k, &target) in table.targets.iter().enumerate() {
                let entry = table.start + k * table.entry_size;
                let text = format!("(jump table entry) -> {:#x}", target - base);
                let bytes = &code[entry..entry + table.entry_size];
                self.line(out, entry - base, bytes, &text, None);
            }
            at = table.range().end;
        }
        self.instructions(out, f, at..range.end);
    }

    /// Disassemble `range` of function `f`, all of it instructions.
    fn instructions(&self, out: &mut String, f: &FuncTrace, range: std::ops::Range<usize>) {
        let base = f.prologue.start;
        let end = f.stubs.end;
        let outside =
            |target: usize| match self.trace.funcs.iter().find(|g| g.prologue.start == target) {
                Some(g) => self.names.symbol(g.func_index),
                None => format!("{target:#x}"),
            };
        let code = &self.assembled.code;
        for insn in disasm::disassemble(self.target, code, range, base, end, &outside) {
            let trap = self.traps.get(&(base + insn.offset));
            self.line(out, insn.offset, &insn.bytes, &insn.text, trap);
        }
    }

    fn line(
        &self,
        out: &mut String,
        offset: usize,
        bytes: &[u8],
        text: &str,
        trap: Option<&TrapCode>,
    ) {
        let _ = write!(out, "            {offset:04x}  ");
        if self.bytes {
            let hex: Vec<String> = bytes.iter().map(|b| format!("{b:02x}")).collect();
            let _ = write!(out, "{:<24} ", hex.join(" "));
        }
        out.push_str(text);
        if let Some(code) = trap {
            let _ = write!(out, "  ; trap: {code}");
        }
        out.push('\n');
    }
}

/// `(param i32) (result i32)`, as in wat; empty parts are left out.
fn signature(f: &FuncTrace) -> String {
    let mut s = String::new();
    for (word, tys) in [("param", f.ty.params()), ("result", f.ty.results())] {
        if !tys.is_empty() {
            let list: Vec<String> = tys.iter().map(|t| t.to_string()).collect();
            let _ = write!(s, " ({word} {})", list.join(" "));
        }
    }
    s
}
