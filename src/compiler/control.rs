//! Structured control flow: blocks, loops, ifs, branches, and how the value
//! stack agrees with itself where control-flow edges meet.
//!
//! A label is reached by several edges (fallthrough, `br`, `br_if`,
//! `br_table`), each arriving with its own idea of where every value lives.
//! Flint keeps the agreement cheap with two rules:
//!
//! 1. **Below a block's base, everything is in memory.** Entering a block,
//!    loop or if spills the registers and latent locals of the entries below
//!    it (constants stay constants). Code inside the block can never pop
//!    below its base, so those entries keep the same location on every edge
//!    and need no moves at the label.
//! 2. **The label's own values travel in canonical locations.** A block's
//!    results (a loop's parameters) go to the first allocatable registers of
//!    their class. Every edge moves its values there with a parallel move;
//!    after the label, the compiler knows exactly where they are. A label
//!    with more values of a class than the register budget (multi-value)
//!    carries the rest in the frame's *merge slots*. Those are shared by all
//!    labels: a value is only there between an edge's jump and the label,
//!    where it is copied at once into its own spill slot, so two labels
//!    never need them at the same time and no source of a move is ever a
//!    merge slot.
//!
//! So a merge costs at most one move per carried value, and entering a block
//! costs a spill only for values that were live across it (rare in code
//! produced by compilers, whose blocks usually start with an empty stack).
//! A `br_if` emits its moves on the taken path only, so the fallthrough
//! state stays untouched.

use super::registers::RegFile;
use super::value_stack::{Entry, Slot};
use super::visit::Structure;
use super::FuncCompiler;
use crate::masm::{slot_count, Label, MacroAssembler, Operand, Reg, RegClass, FIRST_ARG_OFFSET};
use crate::types::{FuncType, ValType};

/// Registers of each class a label leaves free, so that code at a branch
/// (a `br_table` index, a condition) always has somewhere to live.
const LABEL_REG_RESERVE: usize = 2;

/// Where a label expects one of its values.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Loc {
    Reg(Reg),
    /// The frame's merge slot `k`.
    Merge(u32),
}

/// How many values of one class a label keeps in registers.
fn label_reg_budget<M: MacroAssembler>(class: RegClass) -> usize {
    let regs = match class {
        RegClass::Int => M::INT_REGS,
        RegClass::Float => M::FLOAT_REGS,
    };
    regs.len() - LABEL_REG_RESERVE
}

/// The merge slots a label carrying `types` needs: the slots of the values
/// beyond each class's register budget (see `canonical`).
fn merge_slots_of<M: MacroAssembler>(types: &[ValType]) -> u32 {
    let (mut ints, mut floats, mut slots) = (0, 0, 0);
    for &ty in types {
        let class = RegClass::of(ty);
        let counter = match class {
            RegClass::Int => &mut ints,
            RegClass::Float => &mut floats,
        };
        *counter += 1;
        if *counter > label_reg_budget::<M>(class) {
            slots += ty.slots() as u32;
        }
    }
    slots
}

/// The merge slots every function of a module reserves: enough for the
/// widest label any of its types can describe (block types and function
/// results are all in the type section, or a single value).
pub fn merge_slots_needed<M: MacroAssembler>(types: &[FuncType]) -> u32 {
    types
        .iter()
        .map(|t| merge_slots_of::<M>(t.params()).max(merge_slots_of::<M>(t.results())))
        .max()
        .unwrap_or(0)
}

/// What a conditional branch tests: an i32 against zero, or a comparison
/// fused into the branch (`i32.lt_s` + `br_if` is `cmp` + `jl`, with no
/// 0/1 value in between).
#[derive(Copy, Clone, Debug)]
pub(crate) enum Condition {
    NonZero(Reg),
    Cmp(super::PendingCmp),
}

/// One move of a parallel move: a value of `ty` from `src` (the operand of
/// the stack entry at `depth`) to `dst`.
#[derive(Copy, Clone, Debug)]
pub(crate) struct Move {
    ty: ValType,
    dst: Loc,
    src: Operand,
    depth: usize,
}

#[derive(Clone, Debug)]
pub(crate) enum Kind {
    Function,
    Block,
    Loop,
    /// An `if` before its `else`: `entry` are the parameter entries at the
    /// `if`, restored when the else branch starts.
    If {
        else_label: Label,
        entry: Vec<Entry>,
    },
    Else,
}

/// A block's type: what it takes from the stack and leaves there,
/// borrowed from the module's types (or static, for the one-result
/// shorthand), so entering a block allocates nothing.
#[derive(Copy, Clone, Debug, Default)]
pub(crate) struct BlockSig<'t> {
    pub params: &'t [ValType],
    pub results: &'t [ValType],
}

impl<'t> BlockSig<'t> {
    pub fn of(ty: &'t FuncType) -> BlockSig<'t> {
        BlockSig {
            params: ty.params(),
            results: ty.results(),
        }
    }
}

#[derive(Clone, Debug)]
pub(crate) struct ControlFrame<'t> {
    pub kind: Kind,
    /// Branch target: the header of a loop, the end of anything else.
    pub label: Label,
    /// Value-stack height at entry, below the block's parameters.
    pub height: usize,
    pub params: &'t [ValType],
    pub results: &'t [ValType],
    /// Whether any branch targets `label` (so the end is a merge point).
    pub label_used: bool,
    /// Entered in unreachable code: no code is emitted for it at all.
    pub dead: bool,
}

impl<'t> ControlFrame<'t> {
    pub fn function(label: Label, results: &'t [ValType]) -> ControlFrame<'t> {
        ControlFrame {
            kind: Kind::Function,
            label,
            height: 0,
            params: &[],
            results,
            label_used: false,
            dead: false,
        }
    }

    /// The types carried by a branch to this frame.
    fn branch_types(&self) -> &'t [ValType] {
        match self.kind {
            Kind::Loop => self.params,
            _ => self.results,
        }
    }
}

/// Hands out the canonical locations of a label's values, in order (rule
/// 2): the first registers of each class up to its budget, then merge
/// slots. An iterator's state, not a list, so planning a merge allocates
/// nothing.
#[derive(Default)]
struct Canonical {
    ints: usize,
    floats: usize,
    merge: u32,
}

impl Canonical {
    fn next<M: MacroAssembler>(&mut self, regs: &RegFile, ty: ValType) -> Loc {
        let class = RegClass::of(ty);
        let counter = match class {
            RegClass::Int => &mut self.ints,
            RegClass::Float => &mut self.floats,
        };
        if *counter < label_reg_budget::<M>(class) {
            *counter += 1;
            Loc::Reg(regs.order(class)[*counter - 1])
        } else {
            self.merge += ty.slots() as u32;
            Loc::Merge(self.merge - ty.slots() as u32)
        }
    }
}

impl<'a, M: MacroAssembler> FuncCompiler<'a, '_, M> {
    /// The moves that bring the top `types.len()` values to their
    /// canonical locations; moves already in place are left out. The list
    /// is the compiler's one scratch list, handed back by `emit_moves`.
    fn plan_moves(&mut self, types: &[ValType]) -> Vec<Move> {
        let mut moves = std::mem::take(&mut self.moves);
        moves.clear();
        let base = self.stack.len() - types.len();
        let mut canonical = Canonical::default();
        for (depth, &ty) in (base..).zip(types) {
            let dst = canonical.next::<M>(&self.regs, ty);
            let src = self.operand_of(self.stack[depth]);
            if !matches!(dst, Loc::Reg(r) if src == Operand::Reg(r)) {
                moves.push(Move {
                    ty,
                    dst,
                    src,
                    depth,
                });
            }
        }
        moves
    }

    /// Emit a parallel move. Merge-slot destinations go first: no source
    /// is a merge slot, and they only read registers the register moves may
    /// overwrite. Then a register move may go once no pending move still
    /// reads its destination; a cycle is broken by parking one source in
    /// its entry's spill slot. Compile-time state is not changed: callers
    /// decide what the stack looks like afterwards.
    fn emit_moves(&mut self, mut moves: Vec<Move>) {
        moves.retain(|m| match m.dst {
            Loc::Merge(k) => {
                let slot = self.frame.merge_slot(k, m.ty);
                match m.src {
                    Operand::Frame(from) => self.masm.copy_frame(m.ty, slot, from),
                    src => self.masm.store_frame(m.ty, slot, src),
                }
                false
            }
            Loc::Reg(_) => true,
        });
        let dst_reg = |m: &Move| match m.dst {
            Loc::Reg(r) => r,
            Loc::Merge(_) => unreachable!("merge moves went first"),
        };
        while !moves.is_empty() {
            let ready = moves.iter().position(|m| {
                let dst = Operand::Reg(dst_reg(m));
                !moves.iter().any(|other| other.src == dst)
            });
            match ready {
                Some(i) => {
                    let m = moves.remove(i);
                    self.masm.mov(m.ty, dst_reg(&m), m.src);
                }
                None => {
                    let m = moves[0];
                    let slot = self.spill_slot(m.depth);
                    self.masm.store_frame(m.ty, slot, m.src);
                    moves[0].src = Operand::Frame(slot);
                }
            }
        }
        self.moves = moves;
    }

    /// Bring the top values, of `types`, to their canonical locations.
    fn move_to_label(&mut self, types: &[ValType]) {
        if !types.is_empty() {
            let moves = self.plan_moves(types);
            self.emit_moves(moves);
        }
    }

    /// Rebuild the register file from the stack after a label, where the
    /// state is defined rather than inherited.
    fn sync_regs(&mut self) {
        self.regs.reset();
        self.claim_stack_registers();
    }

    /// The state after a label: the frame's base, then its carried values
    /// in their canonical locations. Values that came in merge slots are
    /// copied to their own spill slots here, at the label, so the merge
    /// slots are free again for the next label.
    fn enter_label_state(&mut self, height: usize, types: &[ValType]) {
        self.stack.truncate(height);
        let mut canonical = Canonical::default();
        for &ty in types {
            match canonical.next::<M>(&self.regs, ty) {
                Loc::Reg(r) => self.push_reg(ty, r),
                Loc::Merge(k) => {
                    self.push(ty, Slot::Spilled);
                    let to = self.spill_slot(self.stack.len() - 1);
                    let from = self.frame.merge_slot(k, ty);
                    self.masm.copy_frame(ty, to, from);
                }
            }
        }
        self.sync_regs();
        self.reachable = true;
    }

    /// After an unconditional transfer the rest of the block is dead: its
    /// values are discarded.
    pub(super) fn enter_unreachable(&mut self) {
        let height = self.control.last().map_or(0, |c| c.height);
        self.stack.truncate(height);
        self.sync_regs();
        self.reachable = false;
    }

    fn push_frame(&mut self, kind: Kind, label: Label, ty: BlockSig<'a>) {
        let height = self.stack.len() - ty.params.len();
        self.control.push(ControlFrame {
            kind,
            label,
            height,
            params: ty.params,
            results: ty.results,
            label_used: false,
            dead: false,
        });
    }

    pub(super) fn block(&mut self, ty: BlockSig<'a>) {
        self.pin_to_memory(self.stack.len() - ty.params.len());
        let label = self.masm.new_label();
        self.push_frame(Kind::Block, label, ty);
    }

    pub(super) fn loop_(&mut self, ty: BlockSig<'a>) {
        let height = self.stack.len() - ty.params.len();
        self.pin_to_memory(height);
        // The header is a label: its parameters must be where every back
        // edge will put them.
        self.move_to_label(ty.params);
        let label = self.masm.new_label();
        self.masm.bind(label);
        self.enter_label_state(height, ty.params);
        // Every iteration passes the header.
        self.guest_checkpoint();
        self.push_frame(Kind::Loop, label, ty);
    }

    pub(super) fn if_(&mut self, ty: BlockSig<'a>) {
        let (_, cond) = self.pop_reg();
        self.if_on(ty, Condition::NonZero(cond));
    }

    pub(super) fn if_on(&mut self, ty: BlockSig<'a>, cond: Condition) {
        // Both arms start from the same state: everything in memory.
        self.pin_to_memory(self.stack.len());
        let else_label = self.masm.new_label();
        let label = self.masm.new_label();
        self.branch_on(cond, false, else_label);
        self.release_condition(cond);
        let entry = self.stack[self.stack.len() - ty.params.len()..].to_vec();
        self.push_frame(Kind::If { else_label, entry }, label, ty);
    }

    /// The end of a then-arm or block body falling into its label: bring
    /// the results to their canonical registers.
    fn fall_into_label(&mut self, results: &[ValType]) {
        if self.reachable {
            self.move_to_label(results);
        }
    }

    pub(super) fn else_(&mut self) {
        let frame = self
            .control
            .last()
            .expect("validated: else inside if")
            .clone();
        let Kind::If { else_label, entry } = frame.kind else {
            unreachable!("validated: else follows if")
        };
        if self.reachable {
            self.fall_into_label(frame.results);
            self.masm.jump(frame.label);
            self.control.last_mut().unwrap().label_used = true;
        }
        self.masm.bind(else_label);
        self.stack.truncate(frame.height);
        self.stack.extend(entry);
        self.sync_regs();
        self.reachable = true;
        self.control.last_mut().unwrap().kind = Kind::Else;
    }

    pub(super) fn end(&mut self) {
        let frame = self.control.pop().expect("validated: end matches a frame");
        let is_function = matches!(frame.kind, Kind::Function);
        match frame.kind {
            Kind::Loop => {
                // A loop's end is no label: the fallthrough just continues.
            }
            Kind::If { else_label, entry } => {
                // No else arm: the false edge carries the parameters as
                // results (only possible when they are the same types).
                if frame.results.is_empty() {
                    self.masm.bind(else_label);
                    self.masm.bind(frame.label);
                    self.stack.truncate(frame.height);
                    self.sync_regs();
                    self.reachable = true;
                } else {
                    if self.reachable {
                        self.fall_into_label(frame.results);
                        self.masm.jump(frame.label);
                    }
                    self.masm.bind(else_label);
                    self.stack.truncate(frame.height);
                    self.stack.extend(entry);
                    self.sync_regs();
                    self.reachable = true;
                    self.fall_into_label(frame.results);
                    self.masm.bind(frame.label);
                    self.enter_label_state(frame.height, frame.results);
                }
            }
            Kind::Block | Kind::Else | Kind::Function => {
                if frame.label_used {
                    self.fall_into_label(frame.results);
                    self.masm.bind(frame.label);
                    self.enter_label_state(frame.height, frame.results);
                }
                // Without branches to it the end is no merge: the values
                // stay wherever the fallthrough left them.
            }
        }
        if is_function && self.reachable {
            self.emit_return(frame.results);
        }
    }

    /// Put the function's results where the caller expects them and
    /// return: a single result in the ISA's result register (a v128 in the
    /// float result register, all 128 bits), several in the caller's
    /// outgoing area (from `[fp + 16]`, sized for them).
    fn emit_return(&mut self, results: &[ValType]) {
        match results {
            [] => {}
            &[ty] => {
                let (_, value) = self.pop();
                let ret = match RegClass::of(ty) {
                    RegClass::Int => M::INT_RESULT,
                    RegClass::Float => M::FLOAT_RESULT,
                };
                if value != Operand::Reg(ret) {
                    self.masm.mov(ty, ret, value);
                }
                self.release(value);
            }
            _ => {
                // The result slots overlap the parameters: a result still
                // read from a parameter slot is copied out of the way first.
                let base = self.stack.len() - results.len();
                let slots = slot_count(results).max(slot_count(self.ty.params()));
                let area = FIRST_ARG_OFFSET..FIRST_ARG_OFFSET + 8 * slots as i32;
                for depth in base..self.stack.len() {
                    let op = self.operand_of(self.stack[depth]);
                    if matches!(op, Operand::Frame(off) if area.contains(&off)) {
                        self.spill_entry(depth);
                    }
                }
                let mut slot = FIRST_ARG_OFFSET;
                for i in 0..results.len() {
                    let entry = self.stack[base + i];
                    match self.operand_of(entry) {
                        Operand::Frame(from) => self.masm.copy_frame(entry.ty, slot, from),
                        src => self.masm.store_frame(entry.ty, slot, src),
                    }
                    slot += 8 * entry.ty.slots() as i32;
                }
                for _ in 0..results.len() {
                    let (_, v) = self.pop();
                    self.release(v);
                }
            }
        }
        self.masm.epilogue();
        self.reachable = false;
    }

    fn target(&mut self, relative_depth: u32) -> &mut ControlFrame<'a> {
        let index = self.control.len() - 1 - relative_depth as usize;
        &mut self.control[index]
    }

    pub(super) fn br(&mut self, relative_depth: u32) {
        let target = self.target(relative_depth);
        target.label_used = true;
        let (label, types) = (target.label, target.branch_types());
        self.move_to_label(types);
        self.masm.jump(label);
        self.enter_unreachable();
    }

    pub(super) fn br_if(&mut self, relative_depth: u32) {
        let (_, cond) = self.pop_reg();
        self.br_if_on(relative_depth, Condition::NonZero(cond));
    }

    pub(super) fn br_if_on(&mut self, relative_depth: u32, cond: Condition) {
        let target = self.target(relative_depth);
        target.label_used = true;
        let (label, types) = (target.label, target.branch_types());
        let moves = self.plan_moves(types);
        if moves.is_empty() {
            self.moves = moves;
            self.branch_on(cond, true, label);
        } else {
            // Moves happen only on the taken path. The condition is tested
            // before them, so they may reuse its registers.
            let skip = self.masm.new_label();
            self.branch_on(cond, false, skip);
            self.emit_moves(moves);
            self.masm.jump(label);
            self.masm.bind(skip);
        }
        self.release_condition(cond);
    }

    /// Branch to `label` when `cond` is `when`.
    fn branch_on(&mut self, cond: Condition, when: bool, label: Label) {
        match cond {
            Condition::NonZero(r) => self.masm.branch_if(r, when, label),
            Condition::Cmp(c) => {
                let cmp = if when { c.cmp } else { c.cmp.negate() };
                self.masm.branch_cmp(cmp, c.ty, c.lhs, c.rhs, label);
            }
        }
    }

    fn release_condition(&mut self, cond: Condition) {
        match cond {
            Condition::NonZero(r) => self.regs.free(r),
            Condition::Cmp(c) => {
                self.regs.free(c.lhs);
                self.release(c.rhs);
            }
        }
    }

    pub(super) fn br_table(&mut self, depths: &[u32], default: u32) {
        let (_, index) = self.pop();
        let mut labels = Vec::with_capacity(depths.len());
        for &d in depths {
            let t = self.target(d);
            t.label_used = true;
            labels.push(t.label);
        }
        let default_target = self.target(default);
        default_target.label_used = true;
        let (default_label, types) = (default_target.label, default_target.branch_types());
        let mut canonical = Canonical::default();
        let dest_mask =
            types
                .iter()
                .fold(0u32, |m, &ty| match canonical.next::<M>(&self.regs, ty) {
                    Loc::Reg(r) if r.class == RegClass::Int => m | 1 << r.hw,
                    _ => m,
                });
        // The index must survive the moves: keep it out of their destinations.
        let index = match index {
            Operand::Reg(r) if r.class == RegClass::Int && dest_mask & (1 << r.hw) != 0 => {
                let moved = self.alloc_reg_excluding(RegClass::Int, dest_mask);
                self.masm.mov(ValType::I32, moved, index);
                self.regs.free(r);
                Operand::Reg(moved)
            }
            other => other,
        };
        self.move_to_label(types);
        let index = match index {
            Operand::Reg(r) => r,
            other => {
                let r = self.alloc_reg_excluding(RegClass::Int, dest_mask);
                self.masm.mov(ValType::I32, r, other);
                r
            }
        };
        self.masm.jump_table(index, &labels, default_label);
        self.regs.free(index);
        self.enter_unreachable();
    }

    /// Operators in unreachable code emit nothing, but the control stack
    /// must still follow the nesting so the right `else`/`end` revives code.
    pub(super) fn follow_dead_code(&mut self, structure: Structure) {
        match structure {
            Structure::Opens => {
                let label = self.masm.new_label();
                self.control.push(ControlFrame {
                    kind: Kind::Block,
                    label,
                    height: self.stack.len(),
                    params: &[],
                    results: &[],
                    label_used: false,
                    dead: true,
                });
            }
            Structure::Else if !self.control.last().is_some_and(|c| c.dead) => self.else_(),
            Structure::End => {
                if self.control.last().is_some_and(|c| c.dead) {
                    self.control.pop();
                } else {
                    self.end();
                }
            }
            Structure::Else | Structure::None => {}
        }
    }
}
