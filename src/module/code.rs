//! The code section: each function body is compiled the moment the parser
//! yields it, by the pass that validates it (`compiler::compile_function`).
//!
//! [`CodeSection::start`] runs once, when the code section begins: every
//! section that sizes the vmctx or types a function has been read by then,
//! so the environment each body compiles against is fixed. Each entry then
//! appends to one assembler, whose output is the whole module's code. The
//! parallel path (`parallel`) compiles against the same environment
//! ([`CodeSection::env`]) and records its entries here too.

use super::sections::Builder;
use crate::compiler::trace::{FuncTrace, ModuleTrace};
use crate::compiler::{self, ModuleEnv};
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::masm::{Label, MacroAssembler};
use crate::runtime::vmctx::VMOffsets;
use crate::types::ValType;
use wasmparser::{FuncToValidate, FunctionBody, ValidatorResources};

/// What compiling the bodies needs beyond the declarations.
pub(super) struct CodeSection {
    offsets: VMOffsets,
    /// The entry label of each defined function, so calls can target
    /// functions not compiled yet.
    labels: Vec<Label>,
    global_types: Vec<ValType>,
    table_types: Vec<ValType>,
    merge_slots: u32,
    /// The module-wide index of the next body.
    next_func: u32,
    /// wasmparser's buffers, reused from one body to the next.
    allocs: compiler::Allocations,
}

impl CodeSection {
    /// The environment every body compiles against, fixed once the
    /// sections before the code are read.
    pub(super) fn start<M: MacroAssembler>(b: &Builder, masm: &mut M) -> CodeSection {
        let defined = b.funcs.len() as u32 - b.num_imported_funcs;
        CodeSection {
            offsets: b.offsets(),
            labels: (0..defined).map(|_| masm.new_function_label()).collect(),
            global_types: b.globals.iter().map(|g| g.content).collect(),
            table_types: b.tables.iter().map(|t| t.element).collect(),
            merge_slots: compiler::merge_slots_needed::<M>(&b.types),
            next_func: b.num_imported_funcs,
            allocs: compiler::Allocations::default(),
        }
    }

    /// The environment every body compiles against.
    pub(super) fn env<'a>(&'a self, engine: &Engine, b: &'a Builder) -> ModuleEnv<'a> {
        let config = engine.config();
        ModuleEnv {
            types: &b.types,
            func_types: &b.funcs,
            num_imported_funcs: b.num_imported_funcs,
            globals: &self.global_types,
            tables: &self.table_types,
            offsets: &self.offsets,
            func_labels: &self.labels,
            merge_slots: self.merge_slots,
            fuel: config.consume_fuel,
            epochs: config.epoch_interruption,
            canonicalize_nans: config.canonicalize_nans,
            memory: engine.memory_layout(),
        }
    }

    /// The module-wide index of the next body.
    pub(super) fn next_func(&self) -> u32 {
        self.next_func
    }

    /// Record the entry of the next function, compiled elsewhere
    /// (`parallel`).
    pub(super) fn compiled(&mut self, b: &mut Builder, entry: usize) {
        b.func_offsets.push(entry as u32);
        self.next_func += 1;
    }

    /// Validate and compile one body into `masm`, recording its entry.
    pub(super) fn entry<M: MacroAssembler>(
        &mut self,
        engine: &Engine,
        b: &mut Builder,
        masm: &mut M,
        to_validate: FuncToValidate<ValidatorResources>,
        body: &FunctionBody<'_>,
        trace: Option<&mut ModuleTrace>,
    ) -> Result<()> {
        // Tracing is off in `Module::new`: the `Option` is checked once per
        // operator, nothing more.
        let func_trace = trace.map(|t| {
            let ty = b.types[b.funcs[self.next_func as usize] as usize].clone();
            t.funcs.push(FuncTrace::new(self.next_func, ty));
            t.funcs.last_mut().expect("just pushed")
        });
        let mut allocs = std::mem::take(&mut self.allocs);
        let env = self.env(engine, b);
        let entry = compiler::compile_function(
            masm,
            &env,
            self.next_func,
            to_validate,
            body,
            func_trace,
            &mut allocs,
        );
        self.allocs = allocs;
        let entry = entry?;
        check_code_size(engine, masm.offset(), body.range().start as usize)?;
        self.compiled(b, entry);
        Ok(())
    }
}

/// The compile fails once the code of the functions up to the one whose
/// body starts at module offset `body_start` ends (at code offset `end`)
/// past `Config::max_code_size`: checked after each function, in module
/// order, by both the single pass and the parallel join.
pub(super) fn check_code_size(engine: &Engine, end: usize, body_start: usize) -> Result<()> {
    let limit = engine.config().max_code_size;
    if end > limit {
        return Err(Error::InvalidModule {
            message: format!("compiled code exceeds the configured limit of {limit} bytes"),
            offset: body_start,
        });
    }
    Ok(())
}
