//! The single-pass compiler: one streaming walk over a function body that
//! validates each operator and emits machine code for it in the same visit.
//!
//! There is no IR and no second walk. `compile_function` has wasmparser
//! decode one operator at a time and call the method named after it on
//! [`visit::ValidateThenCompile`], which validates the operator and then
//! calls the compiler's method of the same name. That method updates the
//! abstract value stack ([`value_stack`]) and asks the [`MacroAssembler`]
//! for instructions. Everything ISA-specific lives behind that trait; this
//! module and its children are shared by every backend.
//!
//! The chapters:
//! * [`visit`]: the dispatch, and the steps every operator shares.
//! * [`frame`]: where locals and spill slots live.
//! * [`value_stack`]: lazy values; push, pop, spill, materialise.
//! * [`registers`]: the free registers, and which value makes room when
//!   none is free (the spill policy).
//! * [`control`]: blocks, loops, ifs, branches and how values meet at labels.
//! * [`numeric`], [`memory`], [`calls`], [`references`], [`simd`]: lowering
//!   of each operator family; this file has the structure, variables and
//!   constants.
//! * [`host_stub`]: the small piece of code through which wasm calls the host.
//! * [`trace`]: what each operator became, for `flint explain` and the
//!   asm-tests (recorded only when asked for).

mod calls;
mod control;
mod frame;
pub mod host_stub;
mod memory;
mod numeric;
mod references;
mod registers;
mod simd;
pub mod trace;
mod value_stack;
mod visit;

use crate::error::{Error, Result};
use crate::masm::{Label, MacroAssembler, Operand, Reg, RegClass};
use crate::runtime::linear_memory::MemoryLayout;
use crate::runtime::vmctx::VMOffsets;
use crate::types::{FuncType, ValType};
pub use control::merge_slots_needed;
use control::{BlockSig, ControlFrame};
use frame::Frame;
use registers::RegFile;
use value_stack::{Slot, ValueStack};
use visit::lowerings;
use wasmparser::{
    BlockType, BrTable, FuncToValidate, FuncValidatorAllocations, FunctionBody, Ieee32, Ieee64,
    OperatorsReader, OperatorsReaderAllocations, ValidatorResources, V128,
};

/// What compiling one function needs to know about its module.
pub struct ModuleEnv<'a> {
    pub types: &'a [FuncType],
    /// Type index of each function, imports first.
    pub func_types: &'a [u32],
    pub num_imported_funcs: u32,
    pub globals: &'a [ValType],
    /// The element type of each table.
    pub tables: &'a [ValType],
    pub offsets: &'a VMOffsets,
    /// Entry label of each defined function.
    pub func_labels: &'a [Label],
    /// Merge slots each frame reserves ([`merge_slots_needed`]).
    pub merge_slots: u32,
    /// Fuel metering (`Config::consume_fuel`): charge function entries and
    /// loop iterations.
    pub fuel: bool,
    /// Epoch interruption (`Config::epoch_interruption`): check the
    /// deadline at the same points.
    pub epochs: bool,
    /// `Config::canonicalize_nans`: float results that are NaN become the
    /// canonical NaN.
    pub canonicalize_nans: bool,
    /// The layout of every memory (`Config::memory_reservation`,
    /// `Config::memory_guard_size`): which accesses need a bounds check in
    /// code.
    pub memory: MemoryLayout,
}

impl ModuleEnv<'_> {
    fn func_type(&self, func_index: u32) -> &FuncType {
        &self.types[self.func_types[func_index as usize] as usize]
    }
}

/// Compile one function body into `masm`, validating it on the way.
/// Returns the code offset of the function's entry. With `trace`, also
/// records what each operator became (see [`trace`]).
pub fn compile_function<M: MacroAssembler>(
    masm: &mut M,
    env: &ModuleEnv<'_>,
    func_index: u32,
    to_validate: FuncToValidate<ValidatorResources>,
    body: &FunctionBody<'_>,
    mut trace: Option<&mut trace::FuncTrace>,
    allocs: &mut Allocations,
) -> Result<usize> {
    let mut validator = to_validate.into_validator(std::mem::take(&mut allocs.validator));
    let ty = env.func_type(func_index);
    let mut locals = std::mem::take(&mut allocs.compiler.locals);
    locals.clear();
    locals.extend_from_slice(ty.params());
    let mut reader = body.get_binary_reader();
    for _ in 0..reader.read_var_u32()? {
        let offset = reader.original_position();
        let count = reader.read_var_u32()?;
        let vt: wasmparser::ValType = reader.read()?;
        // The validator bounds the number of locals before we allocate any.
        validator.define_locals(offset, count, vt)?;
        let vt = ValType::from_wasmparser(vt)
            .ok_or_else(|| unsupported(offset as usize, "local type"))?;
        locals.extend(std::iter::repeat_n(vt, count as usize));
    }

    let label = env.func_labels[(func_index - env.num_imported_funcs) as usize];
    // Checks in the prologue (the stack limit, fuel, the epoch) belong to
    // no operator: a trap there is reported at the function body's start.
    masm.set_wasm_offset(body.range().start as usize);
    let entry = masm.function_start(label);
    let mut fc = FuncCompiler::new(masm, env, ty, locals, &mut allocs.compiler);
    let setup = fc.masm.prologue(crate::runtime::vmctx::STACK_LIMIT);
    if let Some((offset, bytes)) = fc.frame.declared_locals() {
        fc.masm.zero_frame(offset, bytes);
    }
    fc.guest_checkpoint();

    if let Some(t) = trace.as_deref_mut() {
        t.prologue = entry..fc.masm.offset();
    }

    reader.set_features(*validator.features());
    let mut ops = OperatorsReader::new_with_allocs(reader, std::mem::take(&mut allocs.operators));
    while !ops.eof() {
        let offset = ops.original_position();
        ops.visit_operator(&mut visit::ValidateThenCompile {
            validator: &mut validator,
            fc: &mut fc,
            trace: trace.as_deref_mut(),
            offset: offset as usize,
        })?
        .map_err(|e| *e)?;
    }
    ops.finish()?;
    allocs.operators = ops.into_allocations();
    allocs.validator = validator.into_allocations();
    let frame_size = fc.frame.size();
    let stubs = fc.masm.offset();
    fc.masm.function_end();
    fc.masm.patch_frame_size(setup, frame_size);
    let end = fc.masm.offset();
    allocs.compiler = fc.into_allocations();
    if let Some(t) = trace {
        t.stubs = stubs..end;
        // The function's own `end`: its results have left through the
        // epilogue, so there is no stack left to show.
        if let Some(last) = t.ops.last_mut() {
            last.stack = Some("(returned)".to_string());
        }
    }
    Ok(entry)
}

/// Buffers wasmparser's validator and operator reader need for a function
/// body, kept from one function to the next so a module's compile does not
/// allocate them afresh for each.
#[derive(Default)]
pub struct Allocations {
    validator: FuncValidatorAllocations,
    operators: OperatorsReaderAllocations,
    compiler: CompilerAllocations,
}

/// The compiler's own lists, emptied and refilled for each function. (The
/// control stack is not among them: its frames borrow the function's
/// types.)
#[derive(Default)]
struct CompilerAllocations {
    locals: Vec<ValType>,
    frame: Vec<i32>,
    stack: value_stack::StackAllocation,
    moves: Vec<control::Move>,
}

fn unsupported(offset: usize, what: &str) -> Error {
    Error::InvalidModule {
        message: format!("unsupported by Flint: {what}"),
        offset,
    }
}

/// The state of compiling one function.
pub(crate) struct FuncCompiler<'a, 'e, M: MacroAssembler> {
    masm: &'a mut M,
    env: &'a ModuleEnv<'e>,
    ty: &'a FuncType,
    locals: Vec<ValType>,
    frame: Frame,
    stack: ValueStack,
    regs: RegFile,
    control: Vec<ControlFrame<'a>>,
    /// False after an unconditional branch until the end of the block:
    /// operators are then validated but emit nothing.
    reachable: bool,
    /// An integer comparison waiting to see whether a branch consumes it.
    pending_cmp: Option<PendingCmp>,
    /// The wasm offset of the operator being compiled, for errors.
    offset: usize,
    /// Scratch list for the parallel move at a label (`control`), kept so
    /// that merges allocate nothing.
    moves: Vec<control::Move>,
}

/// A popped integer comparison not yet emitted: `lhs cmp rhs`, with the
/// operands' registers still held.
#[derive(Copy, Clone, Debug)]
pub(crate) struct PendingCmp {
    pub cmp: crate::masm::IntCmp,
    pub ty: ValType,
    pub lhs: Reg,
    pub rhs: Operand,
}

impl<'a, 'e, M: MacroAssembler> FuncCompiler<'a, 'e, M> {
    fn new(
        masm: &'a mut M,
        env: &'a ModuleEnv<'e>,
        ty: &'a FuncType,
        locals: Vec<ValType>,
        allocs: &mut CompilerAllocations,
    ) -> Self {
        let num_locals = locals.len();
        let declared = &locals[ty.params().len()..];
        let frame = Frame::new_in(
            std::mem::take(&mut allocs.frame),
            ty.params(),
            declared,
            env.merge_slots,
        );
        let mut fc = FuncCompiler {
            masm,
            env,
            ty,
            locals,
            frame,
            stack: ValueStack::new_in(std::mem::take(&mut allocs.stack), num_locals),
            regs: RegFile::new(M::INT_REGS, M::FLOAT_REGS),
            control: Vec::with_capacity(16),
            reachable: true,
            pending_cmp: None,
            offset: 0,
            moves: std::mem::take(&mut allocs.moves),
        };
        let label = fc.masm.new_label();
        fc.control.push(ControlFrame::function(label, ty.results()));
        fc
    }

    /// The lists' memory, for the next function.
    fn into_allocations(self) -> CompilerAllocations {
        CompilerAllocations {
            locals: self.locals,
            frame: self.frame.into_allocation(),
            stack: self.stack.into_allocation(),
            moves: self.moves,
        }
    }

    /// The checks a runaway guest must pass at every function entry and
    /// loop iteration: fuel and the epoch deadline, each when enabled.
    pub(super) fn guest_checkpoint(&mut self) {
        use crate::runtime::vmctx::{EPOCH_PTR, STORE_CONTEXT, STORE_EPOCH_DEADLINE, STORE_FUEL};
        if self.env.fuel {
            self.masm.consume_fuel(STORE_CONTEXT, STORE_FUEL, 1);
        }
        if self.env.epochs {
            self.masm
                .check_epoch(EPOCH_PTR, STORE_CONTEXT, STORE_EPOCH_DEADLINE);
        }
    }

    // ---- Locals and globals ------------------------------------------------

    fn local_get(&mut self, n: u32) {
        self.push(self.locals[n as usize], Slot::Local(n));
    }

    fn local_set(&mut self, n: u32, tee: bool) {
        let (ty, value) = self.pop();
        self.materialize_local(n);
        let dst = self.frame.local(n);
        match value {
            Operand::Frame(src) => self.masm.copy_frame(ty, dst, src),
            _ => self.masm.store_frame(ty, dst, value),
        }
        match (tee, value) {
            // The register still holds the value: keep using it.
            (true, Operand::Reg(r)) => self.push_reg(ty, r),
            (true, Operand::Imm(bits)) => self.push(ty, Slot::Const(bits)),
            (true, Operand::Frame(_)) => self.push(ty, Slot::Local(n)),
            (false, _) => self.release(value),
        }
    }

    fn global_get(&mut self, index: u32) {
        let ty = self.env.globals[index as usize];
        let r = self.alloc_reg(RegClass::of(ty));
        self.masm.load_global(ty, r, self.env.offsets.global(index));
        self.push_reg(ty, r);
    }

    fn global_set(&mut self, index: u32) {
        if self.env.globals[index as usize].is_ref() {
            // Through the runtime, which keeps the reference alive with the
            // global (see `api::refs`).
            let builtin = crate::runtime::vmctx::BUILTIN_GLOBAL_SET_REF;
            return self.call_runtime(builtin, &[index as i64], 1, None, None);
        }
        let (ty, value) = self.pop();
        let value = match value {
            Operand::Frame(_) => Operand::Reg(self.in_reg(ty, value)),
            other => other,
        };
        self.masm
            .store_global(ty, value, self.env.offsets.global(index));
        self.release(value);
    }

    fn select(&mut self) {
        let (_, cond) = self.pop_reg();
        let (ty, if_false) = self.pop_reg();
        let (_, if_true) = self.pop_reg();
        self.masm.select(ty, if_true, cond, if_false);
        self.regs.free(cond);
        self.regs.free(if_false);
        self.push_reg(ty, if_true);
    }

    /// Compile one (already validated) operator with `lower`, its method
    /// from the tables (see `visit`), inside the steps every operator
    /// shares.
    #[inline(always)]
    fn compile_op(
        &mut self,
        class: visit::OpClass,
        offset: usize,
        lower: impl FnOnce(&mut Self) -> visit::OpResult,
    ) -> visit::OpResult {
        self.offset = offset;
        self.masm.set_wasm_offset(offset);
        if !class.fuses_cmp {
            self.flush_pending_cmp();
        }
        if self.reachable {
            lower(self)
        } else {
            self.follow_dead_code(class.structure);
            Ok(())
        }
    }

    // The operators of the function body's structure, variables and
    // constants; the other families have their chapters.
    lowerings! { self;
        visit_unreachable => {
            self.masm.trap(crate::trap::TrapCode::Unreachable);
            self.enter_unreachable();
        };
        visit_nop => {};
        visit_block(blockty: BlockType) => self.block(self.block_type(blockty)?);
        visit_loop(blockty: BlockType) => self.loop_(self.block_type(blockty)?);
        visit_if(blockty: BlockType) => {
            let ty = self.block_type(blockty)?;
            match self.pending_cmp.take() {
                Some(cmp) => self.if_on(ty, control::Condition::Cmp(cmp)),
                None => self.if_(ty),
            }
        };
        visit_else => self.else_();
        visit_end => self.end();
        visit_br(relative_depth: u32) => self.br(relative_depth);
        visit_br_if(relative_depth: u32) => match self.pending_cmp.take() {
            Some(cmp) => self.br_if_on(relative_depth, control::Condition::Cmp(cmp)),
            None => self.br_if(relative_depth),
        };
        visit_br_table(targets: BrTable<'_>) => {
            let depths = targets.targets().collect::<Result<Vec<u32>, _>>().map_err(Error::from)?;
            self.br_table(&depths, targets.default());
        };
        visit_return => self.br(self.control.len() as u32 - 1);
        visit_call(function_index: u32) => self.call(function_index);
        visit_call_indirect(type_index: u32, table_index: u32) => {
            self.call_indirect(type_index, table_index)
        };
        visit_drop => {
            let (_, v) = self.pop();
            self.release(v);
        };
        visit_select => self.select();
        visit_typed_select(_ty: wasmparser::ValType) => self.select();
        visit_local_get(local_index: u32) => self.local_get(local_index);
        visit_local_set(local_index: u32) => self.local_set(local_index, false);
        visit_local_tee(local_index: u32) => self.local_set(local_index, true);
        visit_global_get(global_index: u32) => self.global_get(global_index);
        visit_global_set(global_index: u32) => self.global_set(global_index);
        visit_memory_size(mem: u32) => self.memory_size(mem);
        visit_memory_grow(mem: u32) => self.memory_grow(mem);
        visit_i32_const(value: i32) => self.push(ValType::I32, Slot::Const(value as i64));
        visit_i64_const(value: i64) => self.push(ValType::I64, Slot::Const(value));
        visit_f32_const(value: Ieee32) => {
            self.push(ValType::F32, Slot::Const(value.bits() as i64))
        };
        visit_f64_const(value: Ieee64) => {
            self.push(ValType::F64, Slot::Const(value.bits() as i64))
        };
        // 128 bits do not fit a constant entry: straight to a register.
        visit_v128_const(value: V128) => {
            let r = self.alloc_reg(RegClass::Float);
            self.masm.vec_const(r, value.i128() as u128);
            self.push_reg(ValType::V128, r);
        };
    }

    /// A multi-value `select` decodes but is not valid WebAssembly: the
    /// validator rejects it first.
    pub(super) fn visit_typed_select_multi(
        &mut self,
        _: Vec<wasmparser::ValType>,
    ) -> visit::OpResult {
        Err(Box::new(unsupported(
            self.offset,
            "select with several results",
        )))
    }

    fn block_type(&self, bt: BlockType) -> Result<BlockSig<'a>> {
        let env: &'a ModuleEnv<'e> = self.env;
        Ok(match bt {
            BlockType::Empty => BlockSig::default(),
            BlockType::Type(t) => BlockSig {
                params: &[],
                results: ValType::from_wasmparser(t)
                    .ok_or_else(|| unsupported(self.offset, "block type"))?
                    .as_slice(),
            },
            BlockType::FuncType(idx) => BlockSig::of(&env.types[idx as usize]),
        })
    }
}
