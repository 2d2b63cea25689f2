//! The declarations of a module, one section at a time: types, imports,
//! functions, tables, memories, globals, exports, the start function,
//! element and data segments, the names in the name section, and the
//! DWARF sections (kept for backtraces, not read here).
//!
//! Each section that precedes the code section is read by one method of
//! [`Builder`] as it streams past: by the time the code section starts,
//! everything that sizes the vmctx and types the functions is known, and
//! the function bodies are compiled as they arrive (`module::code`). The
//! validator has already checked each section's payload; what is left here
//! is turning wasmparser's types into Flint's and refusing, with a clear
//! error, the few forms Flint does not support yet.

use super::data::{DataBuilder, DataSegments};
use super::{ConstExpr, ElemSegment, ExportKind, Import, ImportKind};
use crate::dwarf::DebugSections;
use crate::error::{Error, Result};
use crate::names::FuncNames;
use crate::runtime::vmctx::VMOffsets;
use crate::types::{FuncType, GlobalType, MemoryType, TableType, ValType};

/// The declarations gathered before the code section, and the compiler
/// state once it starts.
#[derive(Default)]
pub(super) struct Builder {
    pub(super) types: Vec<FuncType>,
    pub(super) funcs: Vec<u32>,
    pub(super) imports: Vec<Import>,
    pub(super) num_imported_funcs: u32,
    pub(super) tables: Vec<TableType>,
    pub(super) memories: Vec<MemoryType>,
    pub(super) globals: Vec<GlobalType>,
    pub(super) global_inits: Vec<ConstExpr>,
    pub(super) exports: Vec<(String, ExportKind, u32)>,
    pub(super) start: Option<u32>,
    pub(super) elements: Vec<ElemSegment>,
    pub(super) data: DataSegments,
    /// Each defined function's entry offset in the code (a u32: the code
    /// buffer never holds more, `masm::code_buffer::MAX_CODE`).
    pub(super) func_offsets: Vec<u32>,
    pub(super) names: FuncNames,
    /// The `.debug_*` sections, for source locations in backtraces.
    pub(super) debug: DebugSections,
    /// The module offset of the code section's contents, where DWARF
    /// addresses start.
    pub(super) code_start: Option<usize>,
}

impl Builder {
    pub(super) fn offsets(&self) -> VMOffsets {
        VMOffsets {
            num_imported_funcs: self.num_imported_funcs,
            num_globals: self.globals.len() as u32,
            num_tables: self.tables.len() as u32,
            num_funcs: self.funcs.len() as u32,
            num_memories: self.memories.len() as u32,
            num_types: self.types.len() as u32,
            memory64: self.memories.iter().map(|m| m.memory64).collect(),
        }
    }

    pub(super) fn types(&mut self, reader: wasmparser::TypeSectionReader<'_>) -> Result<()> {
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
            self.types.push(FuncType::new(params, results));
        }
        Ok(())
    }

    pub(super) fn imports(&mut self, reader: wasmparser::ImportSectionReader<'_>) -> Result<()> {
        // (Imports are read in groups, without their own offsets.)
        let offset = reader.range().start;
        for import in reader.into_imports() {
            let import = import?;
            let kind = match import.ty {
                wasmparser::TypeRef::Func(t) => {
                    self.funcs.push(t);
                    self.num_imported_funcs += 1;
                    ImportKind::Func(t)
                }
                wasmparser::TypeRef::Global(g) => {
                    let g = global_type(&g, 0)?;
                    self.globals.push(g);
                    ImportKind::Global(g)
                }
                wasmparser::TypeRef::Memory(m) => {
                    let m = memory_type(&m);
                    self.memories.push(m);
                    ImportKind::Memory(m)
                }
                wasmparser::TypeRef::Table(t) => {
                    let t = table_type(&t, offset as usize)?;
                    self.tables.push(t);
                    ImportKind::Table(t)
                }
                other => {
                    return Err(Error::InvalidModule {
                        message: format!("unsupported import {other:?}"),
                        offset: 0,
                    })
                }
            };
            self.imports.push(Import {
                module: import.module.to_string(),
                name: import.name.to_string(),
                kind,
            });
        }
        Ok(())
    }

    pub(super) fn functions(
        &mut self,
        reader: wasmparser::FunctionSectionReader<'_>,
    ) -> Result<()> {
        for t in reader {
            self.funcs.push(t?);
        }
        Ok(())
    }

    pub(super) fn tables(&mut self, reader: wasmparser::TableSectionReader<'_>) -> Result<()> {
        for t in reader.into_iter_with_offsets() {
            let (offset, t) = t?;
            self.tables.push(table_type(&t.ty, offset as usize)?);
        }
        Ok(())
    }

    pub(super) fn memories(&mut self, reader: wasmparser::MemorySectionReader<'_>) -> Result<()> {
        for m in reader {
            self.memories.push(memory_type(&m?));
        }
        Ok(())
    }

    pub(super) fn globals(&mut self, reader: wasmparser::GlobalSectionReader<'_>) -> Result<()> {
        for g in reader {
            let g = g?;
            self.globals.push(global_type(&g.ty, 0)?);
            self.global_inits.push(ConstExpr::read(&g.init_expr)?);
        }
        Ok(())
    }

    pub(super) fn exports(&mut self, reader: wasmparser::ExportSectionReader<'_>) -> Result<()> {
        for e in reader {
            let e = e?;
            let kind = match e.kind {
                wasmparser::ExternalKind::Func => ExportKind::Func,
                wasmparser::ExternalKind::Global => ExportKind::Global,
                wasmparser::ExternalKind::Memory => ExportKind::Memory,
                wasmparser::ExternalKind::Table => ExportKind::Table,
                _ => continue,
            };
            self.exports.push((e.name.to_string(), kind, e.index));
        }
        Ok(())
    }

    pub(super) fn elements(&mut self, reader: wasmparser::ElementSectionReader<'_>) -> Result<()> {
        for e in reader {
            let e = e?;
            let (active, declarative) = match e.kind {
                wasmparser::ElementKind::Active {
                    table_index,
                    offset_expr,
                } => (
                    Some((table_index.unwrap_or(0), ConstExpr::read(&offset_expr)?)),
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
                    .map(|expr| ConstExpr::read(&expr?))
                    .collect::<Result<Vec<_>>>()?,
            };
            self.elements.push(ElemSegment {
                active,
                declarative,
                items,
            });
        }
        Ok(())
    }

    pub(super) fn data(&mut self, reader: wasmparser::DataSectionReader<'_>) -> Result<()> {
        let mut data = DataBuilder::default();
        for d in reader {
            let d = d?;
            let active = match d.kind {
                wasmparser::DataKind::Active {
                    memory_index,
                    offset_expr,
                } => {
                    let memory64 = self
                        .memories
                        .get(memory_index as usize)
                        .is_some_and(|m| m.memory64);
                    Some((memory_index, ConstExpr::read(&offset_expr)?, memory64))
                }
                wasmparser::DataKind::Passive => None,
            };
            data.push(active, d.data);
        }
        self.data = data.finish();
        Ok(())
    }
}

fn val_type(ty: wasmparser::ValType, offset: usize) -> Result<ValType> {
    ValType::from_wasmparser(ty).ok_or_else(|| Error::InvalidModule {
        message: format!("unsupported value type {ty}"),
        offset,
    })
}

/// Refuse the 64-bit tables (table64) of a table or import section, as
/// [`table_type`] does, for `Module::validate`, which builds no `Builder`.
pub(super) fn refuse_table64(payload: &wasmparser::Payload<'_>) -> Result<()> {
    match payload {
        wasmparser::Payload::TableSection(reader) => {
            for t in reader.clone().into_iter_with_offsets() {
                let (offset, t) = t?;
                table_type(&t.ty, offset as usize)?;
            }
        }
        wasmparser::Payload::ImportSection(reader) => {
            let offset = reader.range().start;
            for import in reader.clone().into_imports() {
                if let wasmparser::TypeRef::Table(t) = import?.ty {
                    table_type(&t, offset as usize)?;
                }
            }
        }
        _ => {}
    }
    Ok(())
}

/// A table's type. 64-bit table indices (table64, which the memory64
/// proposal brings) validate once memory64 is on, but the table operators
/// take i32 indices only: such a table is refused as unsupported.
fn table_type(ty: &wasmparser::TableType, offset: usize) -> Result<TableType> {
    if ty.table64 {
        return Err(Error::Unsupported {
            feature: "memory64 (64-bit tables)".to_string(),
            offset,
        });
    }
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
        min: ty.initial,
        max: ty.maximum,
        memory64: ty.memory64,
    }
}

fn global_type(ty: &wasmparser::GlobalType, offset: usize) -> Result<GlobalType> {
    Ok(GlobalType {
        content: val_type(ty.content_type, offset)?,
        mutable: ty.mutable,
    })
}
