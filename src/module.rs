//! `Module`: decoding, validating and compiling a WebAssembly binary in one
//! streaming pass over its sections.
//!
//! wasmparser's `Parser` yields sections in order; the `Validator` checks
//! each. Declarations (types, imports, functions, tables, memory, globals,
//! exports, segments) are recorded as they arrive; each code-section entry
//! is compiled the moment it is read, by the same pass that validates it
//! (`compiler::compile_function`). When the last section is done, the code is
//! copied into executable memory and its trap sites (and, for backtraces,
//! where each function starts and its name-section name) are registered
//! with the signal handler. A `Module` is immutable afterwards: `Send +
//! Sync`, shared by every instance.

use crate::compiler::trace::{FuncTrace, ModuleTrace};
use crate::compiler::{self, ModuleEnv};
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::masm::{Assembled, CpuFeatures, Label, MacroAssembler, NativeMasm, TrapSite};
use crate::names::FuncNames;
use crate::runtime::backtrace::CodeMap;
use crate::runtime::code_memory::CodeMemory;
use crate::runtime::signals::{self, CodeRegistration};
use crate::runtime::vmctx::VMOffsets;
use crate::types::{
    ExportType, ExternType, FuncType, GlobalType, ImportType, MemoryType, TableType, ValType,
};
use std::collections::HashMap;
use std::sync::Arc;
use wasmparser::{Parser, Payload, ValidPayload, Validator, WasmFeatures};

/// The WebAssembly features Flint compiles: 1.0 plus the 2.0 proposals
/// implemented so far.
const FEATURES: WasmFeatures = WasmFeatures::WASM1
    .union(WasmFeatures::MULTI_VALUE)
    .union(WasmFeatures::SIGN_EXTENSION)
    .union(WasmFeatures::SATURATING_FLOAT_TO_INT)
    .union(WasmFeatures::BULK_MEMORY)
    .union(WasmFeatures::REFERENCE_TYPES);

/// A constant expression (global initialisers, segment offsets, element
/// segment items).
#[derive(Copy, Clone, Debug)]
pub(crate) enum ConstExpr {
    /// A number, as the bits of its 64-bit slot.
    Number(u64),
    GlobalGet(u32),
    RefNull,
    RefFunc(u32),
}

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

pub(crate) struct DataSegment {
    /// Where an active segment is copied at instantiation; `None` for a
    /// passive one (only `memory.init` reads it).
    pub offset: Option<ConstExpr>,
    pub bytes: Vec<u8>,
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
    pub memory: Option<MemoryType>,
    /// Every global (imported first).
    pub globals: Vec<GlobalType>,
    /// Initialisers of the defined globals.
    pub global_inits: Vec<ConstExpr>,
    pub exports: Vec<(String, ExportKind, u32)>,
    pub start: Option<u32>,
    pub elements: Vec<ElemSegment>,
    pub data: Vec<DataSegment>,
    pub offsets: VMOffsets,
    /// Entry offset and name of each defined function in `code`; shared
    /// with the code registry, which symbolises backtraces with it.
    pub code_map: Arc<CodeMap>,
    // Field order is drop order: the trap-site registration must go before
    // the code is unmapped, or another thread could map new code at the
    // same address while the stale registration still covers it.
    _registration: CodeRegistration,
    pub code: CodeMemory,
}

fn const_expr(expr: &wasmparser::ConstExpr<'_>) -> Result<ConstExpr> {
    use wasmparser::Operator as O;
    let mut reader = expr.get_operators_reader();
    let offset = reader.original_position() as usize;
    let value = match reader.read()? {
        O::I32Const { value } => ConstExpr::Number(value as u32 as u64),
        O::I64Const { value } => ConstExpr::Number(value as u64),
        O::F32Const { value } => ConstExpr::Number(value.bits() as u64),
        O::F64Const { value } => ConstExpr::Number(value.bits()),
        O::GlobalGet { global_index } => ConstExpr::GlobalGet(global_index),
        O::RefNull { .. } => ConstExpr::RefNull,
        O::RefFunc { function_index } => ConstExpr::RefFunc(function_index),
        other => {
            return Err(Error::InvalidModule {
                message: format!("unsupported constant expression {other:?}"),
                offset,
            })
        }
    };
    Ok(value)
}

fn val_type(ty: wasmparser::ValType, offset: usize) -> Result<ValType> {
    ValType::from_wasmparser(ty).ok_or_else(|| Error::InvalidModule {
        message: format!("unsupported value type {ty}"),
        offset,
    })
}

fn table_type(ty: &wasmparser::TableType) -> Result<TableType> {
    let element = ValType::from_ref_type(ty.element_type).ok_or_else(|| Error::InvalidModule {
        message: format!("unsupported table element type {}", ty.element_type),
        offset: 0,
    })?;
    Ok(TableType {
        element,
        min: ty.initial as u32,
        max: ty.maximum.map(|m| m as u32),
    })
}

fn memory_type(ty: &wasmparser::MemoryType) -> MemoryType {
    MemoryType {
        min: ty.initial as u32,
        max: ty.maximum.map(|m| m as u32),
    }
}

fn global_type(ty: &wasmparser::GlobalType, offset: usize) -> Result<GlobalType> {
    Ok(GlobalType {
        content: val_type(ty.content_type, offset)?,
        mutable: ty.mutable,
    })
}

/// The declarations gathered before the code section, and the compiler
/// state once it starts.
#[derive(Default)]
struct Builder {
    types: Vec<FuncType>,
    sig_ids: Vec<u32>,
    funcs: Vec<u32>,
    imports: Vec<Import>,
    num_imported_funcs: u32,
    tables: Vec<TableType>,
    memory: Option<MemoryType>,
    globals: Vec<GlobalType>,
    global_inits: Vec<ConstExpr>,
    exports: Vec<(String, ExportKind, u32)>,
    start: Option<u32>,
    elements: Vec<ElemSegment>,
    data: Vec<DataSegment>,
    func_offsets: Vec<usize>,
    names: FuncNames,
}

/// A text-format error as an `InvalidModule` error. The message is wat's
/// own rendering (the error, then `--> <anon>:LINE:COLUMN` and the line
/// with a caret); the offset is the byte offset in the text that LINE and
/// COLUMN (1-based, the column in bytes) point at, as far as the rendering
/// tells.
fn wat_error(text: &str, e: &wat::Error) -> Error {
    let rendered = e.to_string();
    let offset = rendered
        .rsplit_once("<anon>:")
        .and_then(|(_, at)| {
            let mut numbers = at.split(|c: char| !c.is_ascii_digit());
            let line: usize = numbers.next()?.parse().ok()?;
            let column: usize = numbers.next()?.parse().ok()?;
            let line_start: usize = text
                .split_terminator('\n')
                .take(line.checked_sub(1)?)
                .map(|l| l.len() + 1)
                .sum();
            Some((line_start + column.checked_sub(1)?).min(text.len()))
        })
        .unwrap_or(0);
    Error::InvalidModule {
        message: format!("text format: {rendered}"),
        offset,
    }
}

impl Builder {
    fn offsets(&self) -> VMOffsets {
        VMOffsets {
            num_imported_funcs: self.num_imported_funcs,
            num_globals: self.globals.len() as u32,
            num_tables: self.tables.len() as u32,
            num_funcs: self.funcs.len() as u32,
        }
    }
}

impl Module {
    /// Decode, validate and compile a module. Accepts the binary format, or
    /// the text format (`.wat`) for convenience. Input that looks like text
    /// (UTF-8 without NUL bytes, which every binary module starts with) is
    /// parsed as text, and its errors are the text parser's, with line and
    /// column: "magic header not detected" would not help anyone who wrote
    /// wat.
    pub fn new(engine: &Engine, bytes: impl AsRef<[u8]>) -> Result<Module> {
        let bytes = bytes.as_ref();
        match std::str::from_utf8(bytes) {
            Ok(text) if !bytes.contains(&0) => match wat::parse_str(text) {
                Ok(binary) => Module::from_binary(engine, &binary),
                Err(e) => Err(wat_error(text, &e)),
            },
            _ => Module::from_binary(engine, bytes),
        }
    }

    /// Decode, validate and compile a binary module.
    pub fn from_binary(engine: &Engine, bytes: &[u8]) -> Result<Module> {
        let (b, assembled) = translate::<NativeMasm>(
            engine,
            engine.cpu_features(),
            &mut |ty| engine.signature_id(ty),
            bytes,
            None,
        )?;
        // A module without a code section sizes its vmctx here.
        let offsets = b.offsets();
        let code = CodeMemory::new(&assembled.code).map_err(|e| Error::InvalidModule {
            message: format!("cannot map code memory: {e}"),
            offset: 0,
        })?;
        let sites: Arc<[TrapSite]> = assembled.trap_sites.into();
        let code_map = Arc::new(CodeMap::new(b.num_imported_funcs, b.func_offsets, b.names));
        let registration = signals::register_code(
            code.as_ptr() as usize,
            code.len(),
            sites,
            Some(code_map.clone()),
        );
        Ok(Module {
            inner: Arc::new(ModuleInner {
                engine: engine.clone(),
                types: b.types,
                sig_ids: b.sig_ids,
                funcs: b.funcs,
                imports: b.imports,
                tables: b.tables,
                memory: b.memory,
                globals: b.globals,
                global_inits: b.global_inits,
                exports: b.exports,
                start: b.start,
                elements: b.elements,
                data: b.data,
                offsets,
                code_map,
                code,
                _registration: registration,
            }),
        })
    }
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
                    ExportKind::Memory => ExternType::Memory(m.memory.expect("validated")),
                    ExportKind::Table => ExternType::Table(m.tables[*index as usize]),
                },
            })
            .collect()
    }
}

/// Decode, validate and generate code for a module with backend `M`,
/// without mapping anything executable: the code generation half of
/// [`Module::from_binary`], which `flint explain` and the asm-tests run
/// for either ISA on any host, for any CPU `features`. With `trace`,
/// records what every operator of every function became.
///
/// Signature ids (the immediates of `call_indirect`'s type check) are
/// numbered per module here, in order of first appearance, instead of
/// process-wide: this code never runs beside other modules, and a listing
/// must not depend on what else the process compiled before.
pub fn compile_code<M: MacroAssembler>(
    engine: &Engine,
    features: CpuFeatures,
    bytes: &[u8],
    trace: Option<&mut ModuleTrace>,
) -> Result<Assembled> {
    let mut ids: HashMap<FuncType, u32> = HashMap::new();
    let mut local_id = |ty: &FuncType| {
        let next = ids.len() as u32;
        *ids.entry(ty.clone()).or_insert(next)
    };
    translate::<M>(engine, features, &mut local_id, bytes, trace).map(|(_, assembled)| assembled)
}

/// The single pass over a module's sections: declarations are recorded,
/// each function body is compiled the moment it is read.
fn translate<M: MacroAssembler>(
    engine: &Engine,
    features: CpuFeatures,
    signature_id: &mut dyn FnMut(&FuncType) -> u32,
    bytes: &[u8],
    mut trace: Option<&mut ModuleTrace>,
) -> Result<(Builder, Assembled)> {
    let mut validator = Validator::new_with_features(FEATURES);
    let mut b = Builder::default();
    let mut masm = M::new(features);
    let mut labels: Vec<Label> = Vec::new();
    let mut global_types: Vec<ValType> = Vec::new();
    let mut offsets = b.offsets();
    let mut next_func = 0u32;
    let mut merge_slots = 0u32;
    let mut allocs = compiler::Allocations::default();
    let mut table_types: Vec<ValType> = Vec::new();

    // The parser needs the feature set too: with memory64 enabled it
    // would read 32-bit limits and offsets as 64-bit LEBs.
    let mut parser = Parser::new(0);
    parser.set_features(FEATURES);
    for payload in parser.parse_all(bytes) {
        let payload = payload?;
        let valid = validator.payload(&payload)?;
        match payload {
            Payload::TypeSection(reader) => {
                for ty in reader.into_iter_err_on_gc_types() {
                    let ty = ty?;
                    let params = ty
                        .params()
                        .iter()
                        .map(|&t| val_type(t, 0))
                        .collect::<Result<Vec<_>>>()?;
                    let results = ty
                        .results()
                        .iter()
                        .map(|&t| val_type(t, 0))
                        .collect::<Result<Vec<_>>>()?;
                    let ft = FuncType::new(params, results);
                    b.sig_ids.push(signature_id(&ft));
                    b.types.push(ft);
                }
            }
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    let import = import?;
                    let kind = match import.ty {
                        wasmparser::TypeRef::Func(t) => {
                            b.funcs.push(t);
                            b.num_imported_funcs += 1;
                            ImportKind::Func(t)
                        }
                        wasmparser::TypeRef::Global(g) => {
                            let g = global_type(&g, 0)?;
                            b.globals.push(g);
                            ImportKind::Global(g)
                        }
                        wasmparser::TypeRef::Memory(m) => {
                            let m = memory_type(&m);
                            b.memory = Some(m);
                            ImportKind::Memory(m)
                        }
                        wasmparser::TypeRef::Table(t) => {
                            let t = table_type(&t)?;
                            b.tables.push(t);
                            ImportKind::Table(t)
                        }
                        other => {
                            return Err(Error::InvalidModule {
                                message: format!("unsupported import {other:?}"),
                                offset: 0,
                            })
                        }
                    };
                    b.imports.push(Import {
                        module: import.module.to_string(),
                        name: import.name.to_string(),
                        kind,
                    });
                }
            }
            Payload::FunctionSection(reader) => {
                for t in reader {
                    b.funcs.push(t?);
                }
            }
            Payload::TableSection(reader) => {
                for t in reader {
                    b.tables.push(table_type(&t?.ty)?);
                }
            }
            Payload::MemorySection(reader) => {
                for m in reader {
                    b.memory = Some(memory_type(&m?));
                }
            }
            Payload::GlobalSection(reader) => {
                for g in reader {
                    let g = g?;
                    b.globals.push(global_type(&g.ty, 0)?);
                    b.global_inits.push(const_expr(&g.init_expr)?);
                }
            }
            Payload::ExportSection(reader) => {
                for e in reader {
                    let e = e?;
                    let kind = match e.kind {
                        wasmparser::ExternalKind::Func => ExportKind::Func,
                        wasmparser::ExternalKind::Global => ExportKind::Global,
                        wasmparser::ExternalKind::Memory => ExportKind::Memory,
                        wasmparser::ExternalKind::Table => ExportKind::Table,
                        _ => continue,
                    };
                    b.exports.push((e.name.to_string(), kind, e.index));
                }
            }
            Payload::StartSection { func, .. } => b.start = Some(func),
            Payload::ElementSection(reader) => {
                for e in reader {
                    let e = e?;
                    let (active, declarative) = match e.kind {
                        wasmparser::ElementKind::Active {
                            table_index,
                            offset_expr,
                        } => (
                            Some((table_index.unwrap_or(0), const_expr(&offset_expr)?)),
                            false,
                        ),
                        wasmparser::ElementKind::Passive => (None, false),
                        wasmparser::ElementKind::Declared => (None, true),
                    };
                    let items = match e.items {
                        wasmparser::ElementItems::Functions(r) => r
                            .into_iter()
                            .map(|f| f.map(ConstExpr::RefFunc))
                            .collect::<Result<Vec<_>, _>>()?,
                        wasmparser::ElementItems::Expressions(_, r) => r
                            .into_iter()
                            .map(|expr| const_expr(&expr?))
                            .collect::<Result<Vec<_>>>()?,
                    };
                    b.elements.push(ElemSegment {
                        active,
                        declarative,
                        items,
                    });
                }
            }
            Payload::DataSection(reader) => {
                for d in reader {
                    let d = d?;
                    let offset = match d.kind {
                        wasmparser::DataKind::Active { offset_expr, .. } => {
                            Some(const_expr(&offset_expr)?)
                        }
                        wasmparser::DataKind::Passive => None,
                    };
                    b.data.push(DataSegment {
                        offset,
                        bytes: d.data.to_vec(),
                    });
                }
            }
            Payload::CodeSectionStart { .. } => {
                // Every section that sizes the vmctx precedes the code.
                offsets = b.offsets();
                let defined = b.funcs.len() as u32 - b.num_imported_funcs;
                labels = (0..defined).map(|_| masm.new_label()).collect();
                global_types = b.globals.iter().map(|g| g.content).collect();
                next_func = b.num_imported_funcs;
                merge_slots = compiler::merge_slots_needed::<M>(&b.types);
                table_types = b.tables.iter().map(|t| t.element).collect();
            }
            Payload::CodeSectionEntry(_) => {
                let ValidPayload::Func(to_validate, body) = valid else {
                    unreachable!("a code entry validates into a function")
                };
                let env = ModuleEnv {
                    types: &b.types,
                    sig_ids: &b.sig_ids,
                    func_types: &b.funcs,
                    num_imported_funcs: b.num_imported_funcs,
                    globals: &global_types,
                    tables: &table_types,
                    offsets: &offsets,
                    func_labels: &labels,
                    merge_slots,
                    fuel: engine.config().consume_fuel,
                    epochs: engine.config().epoch_interruption,
                    canonicalize_nans: engine.config().canonicalize_nans,
                };
                // Tracing is off in `Module::new`: the `Option` is
                // checked once per operator, nothing more.
                let func_trace = trace.as_deref_mut().map(|t| {
                    let ty = b.types[b.funcs[next_func as usize] as usize].clone();
                    t.funcs.push(FuncTrace::new(next_func, ty));
                    t.funcs.last_mut().expect("just pushed")
                });
                let entry = compiler::compile_function(
                    &mut masm,
                    &env,
                    next_func,
                    to_validate,
                    &body,
                    func_trace,
                    &mut allocs,
                )?;
                let limit = engine.config().max_code_size;
                if masm.offset() > limit {
                    return Err(Error::InvalidModule {
                        message: format!(
                            "compiled code exceeds the configured limit of {limit} bytes"
                        ),
                        offset: body.range().start as usize,
                    });
                }
                b.func_offsets.push(entry);
                next_func += 1;
            }
            Payload::CustomSection(reader) => b.names.read_section(&reader),
            Payload::End(_) => {}
            _ => {}
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
