//! `Module`: decoding, validating and compiling a WebAssembly binary in one
//! streaming pass over its sections.
//!
//! wasmparser's `Parser` yields sections in order; the `Validator` checks
//! each. Declarations (types, imports, functions, tables, memory, globals,
//! exports, segments) are recorded as they arrive, one method per section
//! (`sections`); each code-section entry is compiled the moment it is read,
//! by the same pass that validates it (`code`, `compiler::compile_function`),
//! into a code buffer sized from the code section (`masm::code_buffer`). A
//! large module's bodies are set aside instead and compiled on several
//! threads at the end of the section, into the same bytes (`parallel`).
//! When the last section is done, that buffer's mapping becomes the
//! executable code in place, and its trap sites (and, for backtraces, where
//! each function starts, its name-section name, and the module's DWARF
//! sections, kept unparsed) are registered with the signal handler. A
//! `Module` is immutable afterwards: `Send + Sync`, shared by every
//! instance.

mod artifact;
mod code;
mod const_expr;
mod data;
mod parallel;
#[cfg(test)]
mod parallel_tests;
mod sections;
mod text;

use crate::compiler::trace::ModuleTrace;
use crate::engine::{Engine, ProfilingStrategy};
use crate::error::{Error, Result};
use crate::masm::{
    Assembled, CodegenOptions, CpuFeatures, MacroAssembler, NativeMasm, TrapSite, WasmOffsets,
};
use crate::runtime::backtrace::CodeMap;
use crate::runtime::code_memory::CodeMemory;
use crate::runtime::memory_image::ModuleImages as MemoryImages;
use crate::runtime::shared_slice::SharedSlice;
use crate::runtime::signals::{self, CodeRegistration};
use crate::runtime::vmctx::VMOffsets;
use crate::types::{
    ExportType, ExternType, FuncType, GlobalType, ImportType, MemoryType, TableType,
};
pub use artifact::reseal as reseal_artifact;
use code::CodeSection;
pub(crate) use const_expr::ConstExpr;
pub(crate) use data::{DataOffset, DataSegments};
use sections::Builder;
use std::sync::Arc;
use wasmparser::{Parser, Payload, ValidPayload, Validator};

#[derive(Clone, Debug)]
pub(crate) enum ImportKind {
    Func(u32),
    Global(GlobalType),
    Memory(MemoryType),
    Table(TableType),
}

#[derive(Clone, Debug)]
pub(crate) struct Import {
    pub module: String,
    pub name: String,
    pub kind: ImportKind,
}

/// How many of `imports` are memories: a module's imported memories come
/// first in its memory index space.
pub(crate) fn imported_memories(imports: &[Import]) -> usize {
    let memory = |i: &&Import| matches!(i.kind, ImportKind::Memory(_));
    imports.iter().filter(memory).count()
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum ExportKind {
    Func,
    Global,
    Memory,
    Table,
}

pub(crate) struct ElemSegment {
    /// `(table, offset)` for an active segment, applied at instantiation;
    /// `None` for a passive or declarative one.
    pub active: Option<(u32, ConstExpr)>,
    /// Declarative segments only declare `ref.func` targets: they are
    /// dropped at instantiation, like active ones once applied.
    pub declarative: bool,
    pub items: Vec<ConstExpr>,
}

/// What compiling a module's code produces besides its declarations, or
/// what an artifact holds of it.
struct Compiled {
    code: CodeMemory,
    trap_sites: SharedSlice<TrapSite>,
    wasm_offsets: WasmOffsets,
    /// Each defined function's entry offset in `code`.
    func_offsets: SharedSlice<u32>,
    cpu_features: CpuFeatures,
    wasm_checksum: u64,
}

/// A compiled module. Cheap to clone; `Send + Sync`.
#[derive(Clone)]
pub struct Module {
    pub(crate) inner: Arc<ModuleInner>,
}

pub(crate) struct ModuleInner {
    pub engine: Engine,
    pub types: Vec<FuncType>,
    pub sig_ids: Vec<u32>,
    /// Type index of every function, imports first.
    pub funcs: Vec<u32>,
    pub imports: Vec<Import>,
    /// Every table (imported first).
    pub tables: Vec<TableType>,
    /// Every memory (imported first).
    pub memories: Vec<MemoryType>,
    /// Every global (imported first).
    pub globals: Vec<GlobalType>,
    /// Initialisers of the defined globals.
    pub global_inits: Vec<ConstExpr>,
    pub exports: Vec<(String, ExportKind, u32)>,
    pub start: Option<u32>,
    pub elements: Vec<ElemSegment>,
    pub data: DataSegments,
    pub offsets: VMOffsets,
    /// Entry offset and name of each defined function in `code`; shared
    /// with the code registry, which symbolises backtraces with it.
    pub code_map: Arc<CodeMap>,
    /// Where `code` can trap, and with which code (shared with the code
    /// registry; kept here for `Module::serialize`).
    pub trap_sites: SharedSlice<TrapSite>,
    /// The optional CPU features `code` uses (an artifact's may be fewer
    /// than its engine's).
    pub cpu_features: CpuFeatures,
    /// `artifact::checksum` of the wasm binary the code was compiled from.
    pub wasm_checksum: u64,
    /// The copy-on-write images of the memories' initial contents
    /// (`Config::memory_init_cow`), made by the first instantiation
    /// (`api::instance`), whether the module was compiled or loaded from
    /// an artifact: `None` inside when the segments must be copied.
    pub memory_images: std::sync::OnceLock<Option<MemoryImages>>,
    // Field order is drop order: the trap-site registration must go before
    // the code is unmapped, or another thread could map new code at the
    // same address while the stale registration still covers it.
    _registration: CodeRegistration,
    pub code: CodeMemory,
}

impl std::fmt::Debug for Module {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let m = &self.inner;
        f.debug_struct("Module")
            .field("imports", &m.imports.len())
            .field("functions", &m.funcs.len())
            .field("exports", &m.exports.len())
            .finish()
    }
}

impl Module {
    /// Decode, validate and compile a module. Accepts the binary format, or
    /// the text format (`.wat`) for convenience. Input that looks like text
    /// (UTF-8 without NUL bytes, which every binary module starts with) is
    /// parsed as text, and its errors are the text parser's, with line and
    /// column: "magic header not detected" would not help anyone who wrote
    /// wat. Text needs the `wat` feature; without it, text input is an
    /// error that says so.
    pub fn new(engine: &Engine, bytes: impl AsRef<[u8]>) -> Result<Module> {
        let bytes = bytes.as_ref();
        match std::str::from_utf8(bytes) {
            Ok(text) if !bytes.contains(&0) => Module::from_binary(engine, &text::to_binary(text)?),
            _ => Module::from_binary(engine, bytes),
        }
    }

    /// Read the module (binary, or text with the `wat` feature) in the
    /// file at `path` and compile it.
    pub fn from_file(engine: &Engine, path: impl AsRef<std::path::Path>) -> Result<Module> {
        let path = path.as_ref();
        let bytes = std::fs::read(path)
            .map_err(|e| Error::Io(format!("cannot read {}: {e}", path.display())))?;
        Module::new(engine, bytes)
    }

    /// Decode and validate a binary module for `engine`'s features, without
    /// compiling it.
    pub fn validate(engine: &Engine, bytes: &[u8]) -> Result<()> {
        let features = engine.config().wasm_features;
        let mut parser = Parser::new(0);
        parser.set_features(features);
        let mut validator = Validator::new_with_features(features);
        for payload in parser.parse_all(bytes) {
            let payload = payload?;
            let valid = validator.payload(&payload)?;
            sections::refuse_table64(&payload)?;
            if let ValidPayload::Func(to_validate, body) = valid {
                let mut allocs = wasmparser::FuncValidatorAllocations::default();
                to_validate
                    .into_validator(std::mem::take(&mut allocs))
                    .validate(&body)?;
            }
        }
        Ok(())
    }

    /// How many bytes of machine code the module compiled to, for the
    /// host's ISA: its functions' code with their jump tables, without the
    /// page padding of the executable mapping. The compile bench divides it
    /// by the code section's size (machine code per wasm byte, a figure
    /// issue 17 tracks).
    pub fn code_size(&self) -> usize {
        self.inner.code.len()
    }

    /// Decode, validate and compile a binary module.
    pub fn from_binary(engine: &Engine, bytes: &[u8]) -> Result<Module> {
        let features = engine.cpu_features();
        let (mut b, assembled) = translate::<NativeMasm>(engine, features, bytes, None)?;
        // The code becomes executable where it was assembled: no copy.
        let code = match assembled.code.into_mapping() {
            Some((map, len)) => CodeMemory::from_mapping(map, len),
            None => CodeMemory::new(&[]),
        }
        .map_err(|e| Error::InvalidModule {
            message: format!("cannot map code memory: {e}"),
            offset: 0,
        })?;
        let compiled = Compiled {
            code,
            trap_sites: assembled.trap_sites.into(),
            wasm_offsets: assembled.wasm_offsets,
            func_offsets: std::mem::take(&mut b.func_offsets).into(),
            cpu_features: features,
            wasm_checksum: artifact::checksum(bytes),
        };
        Ok(Module::from_parts(engine, b, compiled))
    }

    /// The module made of its declarations and its executable code, from
    /// the compiler or from an artifact: the code's trap sites and names
    /// are registered for the signal handler and backtraces (and the
    /// profiler, if asked for).
    fn from_parts(engine: &Engine, b: Builder, compiled: Compiled) -> Module {
        let Compiled {
            code,
            trap_sites,
            wasm_offsets,
            func_offsets,
            cpu_features,
            wasm_checksum,
        } = compiled;
        // A module without a code section sizes its vmctx here.
        let offsets = b.offsets();
        let code_map = Arc::new(CodeMap::new(
            b.num_imported_funcs,
            func_offsets,
            b.names,
            wasm_offsets,
            b.debug.finish(b.code_start),
        ));
        if engine.config().profiler == ProfilingStrategy::PerfMap {
            let base = code.as_ptr() as usize;
            let symbols: Vec<(usize, usize, String)> = code_map
                .functions(code.len())
                .map(|(index, start, size, name)| {
                    let name =
                        name.map_or_else(|| format!("wasm-function[{index}]"), str::to_string);
                    (base + start, size, name)
                })
                .collect();
            // A profiling aid: a map file that cannot be written leaves
            // the profile unnamed, not the module uncompiled.
            let _ = crate::runtime::perf_map::record(&symbols);
        }
        let registration = signals::register_code(
            code.as_ptr() as usize,
            code.len(),
            trap_sites.clone(),
            Some(code_map.clone()),
        );
        let sig_ids = b.types.iter().map(|t| engine.signature_id(t)).collect();
        Module {
            inner: Arc::new(ModuleInner {
                engine: engine.clone(),
                types: b.types,
                sig_ids,
                funcs: b.funcs,
                imports: b.imports,
                tables: b.tables,
                memories: b.memories,
                globals: b.globals,
                global_inits: b.global_inits,
                exports: b.exports,
                start: b.start,
                elements: b.elements,
                data: b.data,
                offsets,
                code_map,
                trap_sites,
                cpu_features,
                wasm_checksum,
                memory_images: std::sync::OnceLock::new(),
                code,
                _registration: registration,
            }),
        }
    }

    /// Whether the module has a start function (which instantiation runs).
    pub fn has_start_function(&self) -> bool {
        self.inner.start.is_some()
    }

    /// The engine the module was compiled for.
    pub fn engine(&self) -> &Engine {
        &self.inner.engine
    }

    /// The module's imports, in order.
    pub fn imports(&self) -> Vec<ImportType> {
        self.inner
            .imports
            .iter()
            .map(|i| ImportType {
                module: i.module.clone(),
                name: i.name.clone(),
                ty: match &i.kind {
                    ImportKind::Func(t) => ExternType::Func(self.inner.types[*t as usize].clone()),
                    ImportKind::Global(g) => ExternType::Global(*g),
                    ImportKind::Memory(m) => ExternType::Memory(*m),
                    ImportKind::Table(t) => ExternType::Table(*t),
                },
            })
            .collect()
    }

    /// The module's exports, in order.
    pub fn exports(&self) -> Vec<ExportType> {
        let m = &self.inner;
        m.exports
            .iter()
            .map(|(name, kind, index)| ExportType {
                name: name.clone(),
                ty: match kind {
                    ExportKind::Func => ExternType::Func(m.func_type(*index).clone()),
                    ExportKind::Global => ExternType::Global(m.globals[*index as usize]),
                    ExportKind::Memory => ExternType::Memory(m.memories[*index as usize]),
                    ExportKind::Table => ExternType::Table(m.tables[*index as usize]),
                },
            })
            .collect()
    }
}

#[cfg(feature = "explain")]
/// Decode, validate and generate code for a module with backend `M`,
/// without mapping anything executable: the code generation half of
/// [`Module::from_binary`], which `flint explain` and the asm-tests run
/// for either ISA on any host, for any CPU `features` (the engine's
/// `Config` supplies the other code generation choices, such as
/// `relaxed_simd_deterministic`). With `trace`, records what every
/// operator of every function became.
pub fn compile_code<M: MacroAssembler + Send>(
    engine: &Engine,
    features: CpuFeatures,
    bytes: &[u8],
    trace: Option<&mut ModuleTrace>,
) -> Result<Assembled> {
    translate::<M>(engine, features, bytes, trace).map(|(_, assembled)| assembled)
}

/// The single pass over a module's sections: declarations are recorded
/// (`sections`), each function body is compiled the moment it is read
/// (`code`), or, in a large module, set aside and compiled on several
/// threads once the code section is read (`parallel`).
fn translate<M: MacroAssembler + Send>(
    engine: &Engine,
    features: CpuFeatures,
    bytes: &[u8],
    mut trace: Option<&mut ModuleTrace>,
) -> Result<(Builder, Assembled)> {
    let features_on = engine.config().wasm_features;
    let mut validator = Validator::new_with_features(features_on);
    let mut b = Builder::default();
    let options = CodegenOptions {
        features,
        relaxed_simd_deterministic: engine.config().relaxed_simd_deterministic,
    };
    let mut masm = M::new(options);
    let mut code: Option<CodeSection> = None;
    // With parallel compilation, the bodies set aside until the last.
    let mut set_aside: Option<parallel::SetAside<'_>> = None;

    // The parser needs the feature set too: with memory64 enabled it
    // would read 32-bit limits and offsets as 64-bit LEBs.
    let mut parser = Parser::new(0);
    parser.set_features(features_on);
    for payload in parser.parse_all(bytes) {
        let step = (|| -> Result<()> {
            let payload = payload?;
            let valid = validator.payload(&payload)?;
            match payload {
                Payload::TypeSection(reader) => b.types(reader)?,
                Payload::ImportSection(reader) => b.imports(reader)?,
                Payload::FunctionSection(reader) => b.functions(reader)?,
                Payload::TableSection(reader) => b.tables(reader)?,
                Payload::MemorySection(reader) => b.memories(reader)?,
                Payload::GlobalSection(reader) => b.globals(reader)?,
                Payload::ExportSection(reader) => b.exports(reader)?,
                Payload::StartSection { func, .. } => b.start = Some(func),
                Payload::ElementSection(reader) => b.elements(reader)?,
                Payload::DataSection(reader) => b.data(reader)?,
                // Every section that sizes the vmctx precedes the code.
                Payload::CodeSectionStart {
                    count,
                    size,
                    unchecked_range,
                } => {
                    // The section's contents, after its size: DWARF
                    // addresses count from here (`crate::dwarf`).
                    b.code_start = usize::try_from(unchecked_range.start).ok();
                    // Sized once from the section: a guest-declared size,
                    // bounded by the module itself and by the code limit.
                    let wasm_bytes = (size as usize).min(bytes.len());
                    masm.reserve(wasm_bytes, engine.config().max_code_size)
                        .map_err(|e| Error::InvalidModule {
                            message: format!("cannot reserve memory for the module's code: {e}"),
                            offset: 0,
                        })?;
                    code = Some(CodeSection::start(&b, &mut masm));
                    // The explain trace records functions in order, as
                    // they are compiled: it stays on one thread.
                    let threads = engine.config().threads_for(wasm_bytes);
                    if threads > 1 && trace.is_none() && count > 0 {
                        set_aside = Some(parallel::SetAside::new(count, wasm_bytes, threads));
                    }
                }
                Payload::CodeSectionEntry(body) => {
                    let (ValidPayload::Func(to_validate, _), Some(code)) = (valid, code.as_mut())
                    else {
                        unreachable!("a validated code entry follows the code section's start")
                    };
                    match &mut set_aside {
                        Some(aside) => {
                            if aside.push(to_validate, body) {
                                let aside = set_aside.take().expect("just matched");
                                aside.compile(engine, &mut b, &mut masm, code, options)?;
                            }
                        }
                        None => {
                            let trace = trace.as_deref_mut();
                            code.entry(engine, &mut b, &mut masm, to_validate, &body, trace)?;
                        }
                    }
                }
                Payload::CustomSection(reader) => {
                    b.names.read_section(&reader);
                    b.debug.read_section(&reader);
                }
                _ => {}
            }
            Ok(())
        })();
        if let Err(e) = step {
            // The bodies set aside come before the error in the module:
            // the single pass would have compiled them, and reported the
            // first of their errors instead.
            if let (Some(aside), Some(code)) = (set_aside.take(), code.as_mut()) {
                aside.compile(engine, &mut b, &mut masm, code, options)?;
            }
            return Err(e);
        }
    }
    let assembled = masm.finish().map_err(|e| Error::InvalidModule {
        message: format!("cannot assemble the module's code: {e}"),
        offset: 0,
    })?;
    Ok((b, assembled))
}

impl ModuleInner {
    pub fn func_type(&self, index: u32) -> &FuncType {
        &self.types[self.funcs[index as usize] as usize]
    }

    pub fn func_sig_id(&self, index: u32) -> u32 {
        self.sig_ids[self.funcs[index as usize] as usize]
    }

    /// The entry point of defined function `index` (a module-wide index).
    pub fn func_code(&self, index: u32) -> *const u8 {
        // SAFETY: offsets were produced by the assembler for this code.
        unsafe { self.code.as_ptr().add(self.code_map.func_offset(index)) }
    }
}
