//! The single-pass compiler: one streaming walk over a function body that
//! validates each operator and emits machine code for it in the same visit.
//!
//! There is no IR and no second walk. `compile_function` reads an operator,
//! hands it to wasmparser's `FuncValidator`, then to [`FuncCompiler::visit`],
//! which updates the abstract value stack ([`value_stack`]) and asks the
//! [`MacroAssembler`] for instructions. Everything ISA-specific lives behind
//! that trait; this module and its children are shared by every backend.
//!
//! The chapters:
//! * [`frame`]: where locals and spill slots live.
//! * [`value_stack`]: lazy values; push, pop, spill, materialise.
//! * [`registers`]: the free registers, and which value makes room when
//!   none is free (the spill policy).
//! * [`control`]: blocks, loops, ifs, branches and how values meet at labels.
//! * [`numeric`], [`memory`], [`calls`], [`references`], [`simd`]: lowering
//!   of each operator family.
//! * [`host_stub`]: the small piece of code through which wasm calls the host.
//! * [`trace`]: what each operator became, for `flint explain` and the
//!   asm-tests (recorded only when asked for, by `visit_traced` around
//!   [`FuncCompiler::visit`]).

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

use crate::error::{Error, Result};
use crate::masm::{Label, MacroAssembler, Operand, Reg, RegClass};
use crate::runtime::vmctx::VMOffsets;
use crate::types::{FuncType, ValType};
pub use control::merge_slots_needed;
use control::ControlFrame;
use frame::Frame;
use registers::RegFile;
use value_stack::{Slot, ValueStack};
use wasmparser::{
    FuncToValidate, FuncValidatorAllocations, FunctionBody, OperatorsReader,
    OperatorsReaderAllocations, ValidatorResources,
};

/// What compiling one function needs to know about its module.
pub struct ModuleEnv<'a> {
    pub types: &'a [FuncType],
    /// Engine-wide signature id of each type index.
    pub sig_ids: &'a [u32],
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
    let ty = env.func_type(func_index).clone();
    let mut locals: Vec<ValType> = ty.params().to_vec();
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
    let mut fc = FuncCompiler::new(masm, env, ty, locals);
    let setup = fc.masm.prologue(crate::runtime::vmctx::STACK_LIMIT);
    if let Some((offset, bytes)) = fc.frame.declared_locals() {
        fc.masm.zero_frame(offset, bytes);
    }
    fc.guest_checkpoint();

    if let Some(t) = trace.as_deref_mut() {
        t.prologue = entry..fc.masm.offset();
    }

    let mut ops = OperatorsReader::new_with_allocs(reader, std::mem::take(&mut allocs.operators));
    while !ops.eof() {
        let (op, offset) = ops.read_with_offset()?;
        validator.op(offset, &op)?;
        fc.masm.set_wasm_offset(offset as usize);
        match trace.as_deref_mut() {
            None => fc.visit(&op, offset as usize)?,
            Some(t) => fc.visit_traced(&op, offset as usize, t)?,
        }
    }
    ops.finish()?;
    allocs.operators = ops.into_allocations();
    allocs.validator = validator.into_allocations();

    let frame_size = fc.frame.size();
    let stubs = fc.masm.offset();
    fc.masm.function_end();
    fc.masm.patch_frame_size(setup, frame_size);
    if let Some(t) = trace {
        t.stubs = stubs..fc.masm.offset();
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
    ty: FuncType,
    locals: Vec<ValType>,
    frame: Frame,
    stack: ValueStack,
    regs: RegFile,
    control: Vec<ControlFrame>,
    /// False after an unconditional branch until the end of the block:
    /// operators are then validated but emit nothing.
    reachable: bool,
    /// An integer comparison waiting to see whether a branch consumes it.
    pending_cmp: Option<PendingCmp>,
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
    fn new(masm: &'a mut M, env: &'a ModuleEnv<'e>, ty: FuncType, locals: Vec<ValType>) -> Self {
        let num_locals = locals.len();
        let declared = &locals[ty.params().len()..];
        let frame = Frame::new(ty.params(), declared, env.merge_slots);
        let mut fc = FuncCompiler {
            masm,
            env,
            ty,
            locals,
            frame,
            stack: ValueStack::new(num_locals),
            regs: RegFile::new(M::INT_REGS, M::FLOAT_REGS),
            control: Vec::new(),
            reachable: true,
            pending_cmp: None,
        };
        let results = fc.ty.results().to_vec();
        let label = fc.masm.new_label();
        fc.control.push(ControlFrame::function(label, results));
        fc
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

    /// Compile one (already validated) operator.
    fn visit(&mut self, op: &wasmparser::Operator<'_>, offset: usize) -> Result<()> {
        use wasmparser::Operator as O;
        if let Some(cmp) = self.pending_cmp.take() {
            // Fuse a comparison with the branch that consumes it.
            match *op {
                O::BrIf { relative_depth } => {
                    self.br_if_on(relative_depth, control::Condition::Cmp(cmp));
                    return Ok(());
                }
                O::If { blockty } => {
                    let ty = self.block_type(blockty, offset)?;
                    self.if_on(ty, control::Condition::Cmp(cmp));
                    return Ok(());
                }
                _ => {
                    self.pending_cmp = Some(cmp);
                    self.flush_pending_cmp();
                }
            }
        }
        if !self.reachable {
            return self.visit_unreachable(op);
        }
        match *op {
            O::Unreachable => {
                self.masm.trap(crate::trap::TrapCode::Unreachable);
                self.enter_unreachable();
            }
            O::Nop => {}
            O::Block { blockty } => self.block(self.block_type(blockty, offset)?),
            O::Loop { blockty } => self.loop_(self.block_type(blockty, offset)?),
            O::If { blockty } => self.if_(self.block_type(blockty, offset)?),
            O::Else => self.else_(),
            O::End => self.end(),
            O::Br { relative_depth } => self.br(relative_depth),
            O::BrIf { relative_depth } => self.br_if(relative_depth),
            O::BrTable { ref targets } => {
                let depths = targets.targets().collect::<Result<Vec<u32>, _>>()?;
                self.br_table(&depths, targets.default());
            }
            O::Return => self.br(self.control.len() as u32 - 1),
            O::Call { function_index } => self.call(function_index),
            O::CallIndirect {
                type_index,
                table_index,
            } => self.call_indirect(type_index, table_index),
            O::Drop => {
                let (_, v) = self.pop();
                self.release(v);
            }
            O::Select | O::TypedSelect { .. } => self.select(),
            O::LocalGet { local_index } => self.local_get(local_index),
            O::LocalSet { local_index } => self.local_set(local_index, false),
            O::LocalTee { local_index } => self.local_set(local_index, true),
            O::GlobalGet { global_index } => self.global_get(global_index),
            O::GlobalSet { global_index } => self.global_set(global_index),
            O::MemorySize { mem } => self.memory_size(mem),
            O::MemoryGrow { mem } => self.memory_grow(mem),
            O::I32Const { value } => self.push(ValType::I32, Slot::Const(value as i64)),
            O::I64Const { value } => self.push(ValType::I64, Slot::Const(value)),
            O::F32Const { value } => self.push(ValType::F32, Slot::Const(value.bits() as i64)),
            O::F64Const { value } => self.push(ValType::F64, Slot::Const(value.bits() as i64)),
            // 128 bits do not fit a constant entry: straight to a register.
            O::V128Const { value } => {
                let r = self.alloc_reg(RegClass::Float);
                self.masm.vec_const(r, value.i128() as u128);
                self.push_reg(ValType::V128, r);
            }
            _ => {
                if !self.visit_memory_access(op)
                    && !self.visit_numeric(op)
                    && !self.visit_simd(op)
                    && !self.visit_reference(op)
                {
                    return Err(unsupported(offset, &format!("{op:?}")));
                }
            }
        }
        Ok(())
    }

    fn block_type(&self, bt: wasmparser::BlockType, offset: usize) -> Result<FuncType> {
        Ok(match bt {
            wasmparser::BlockType::Empty => FuncType::new([], []),
            wasmparser::BlockType::Type(t) => FuncType::new(
                [],
                [ValType::from_wasmparser(t).ok_or_else(|| unsupported(offset, "block type"))?],
            ),
            wasmparser::BlockType::FuncType(idx) => self.env.types[idx as usize].clone(),
        })
    }
}
