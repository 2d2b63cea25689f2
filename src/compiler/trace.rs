//! What the single pass can tell about itself: for each operator, which
//! machine code it produced and where every value on the stack lives
//! afterwards.
//!
//! This is the raw material of `flint explain` and of the asm-tests golden
//! files (`crate::explain` turns it into a listing). Recording is optional:
//! `compile_function` takes an `Option<&mut FuncTrace>` and checks it once
//! per operator, so normal compilation (`Module::new`) pays one predictable
//! branch and formats nothing.
//!
//! The trace only holds code *offsets*; the bytes come from the finished
//! assembly, because labels and the frame size are patched after the
//! operators that use them have been visited.

// What a trace records is read by `explain` (and its tests) only.
#![cfg_attr(not(feature = "explain"), allow(dead_code))]

use super::value_stack::{Entry, Slot};
use super::visit::{OpClass, Structure};
use super::FuncCompiler;
use crate::masm::MacroAssembler;
use crate::types::{FuncType, ValType};
use std::fmt::Write;
use std::ops::Range;

/// The trace of every function a module compiles, in function order.
#[derive(Default, Debug)]
pub struct ModuleTrace {
    pub funcs: Vec<FuncTrace>,
}

/// The trace of one function.
#[derive(Debug)]
pub struct FuncTrace {
    /// Module-wide function index (imports first).
    pub func_index: u32,
    pub ty: FuncType,
    /// Code emitted before the first operator: frame setup, stack check,
    /// zeroing of declared locals.
    pub prologue: Range<usize>,
    pub ops: Vec<OpTrace>,
    /// Code emitted after the function's final `end`: the out-of-line trap
    /// stubs (and, on aarch64, any pending branch island).
    pub stubs: Range<usize>,
}

impl FuncTrace {
    pub fn new(func_index: u32, ty: FuncType) -> FuncTrace {
        FuncTrace {
            func_index,
            ty,
            prologue: 0..0,
            ops: Vec::new(),
            stubs: 0..0,
        }
    }

    /// The whole function: `[entry, end of the stubs)`.
    pub fn code(&self) -> Range<usize> {
        self.prologue.start..self.stubs.end
    }
}

/// One operator and what it became.
#[derive(Debug)]
pub struct OpTrace {
    /// Byte offset of the operator in the module binary.
    pub wasm_offset: usize,
    /// Block nesting depth around the operator (0 = function body), for
    /// indentation. (Its text is not recorded: `explain` prints the
    /// module's operators with wasmprinter and finds each by its offset.)
    pub depth: usize,
    /// The machine code emitted for it (empty for lazy operators such as
    /// `local.get` and constants).
    pub code: Range<usize>,
    /// The value stack after it, or `None` where the code is unreachable
    /// (the compiler then validates but emits and tracks nothing).
    pub stack: Option<String>,
}

/// Render the abstract value stack, bottom first:
/// `[i32:ebx, i32:const 5, i64:local 2, f64:spill fp-40]`.
pub(super) fn render_stack<M: MacroAssembler>(
    stack: &[Entry],
    pending: Option<&super::PendingCmp>,
    spill_slot: impl Fn(usize) -> i32,
) -> String {
    let mut out = String::from("[");
    for (depth, e) in stack.iter().enumerate() {
        if depth > 0 {
            out.push_str(", ");
        }
        let _ = write!(out, "{}:", e.ty);
        let _ = match e.slot {
            Slot::Reg(r) => write!(out, "{}", M::reg_name(r, e.ty)),
            Slot::Const(bits) => write!(out, "const {}", const_text(e.ty, bits)),
            Slot::Local(n) => write!(out, "local {n}"),
            Slot::Spilled => write!(out, "spill fp{:+}", spill_slot(depth)),
        };
    }
    // A comparison held back to fuse with a following branch: no code yet,
    // its result is still "lhs cmp rhs".
    if let Some(p) = pending {
        if !stack.is_empty() {
            out.push_str(", ");
        }
        let rhs = match p.rhs {
            crate::masm::Operand::Reg(r) => M::reg_name(r, p.ty).to_string(),
            crate::masm::Operand::Imm(v) => v.to_string(),
            crate::masm::Operand::Frame(off) => format!("[fp{off:+}]"),
        };
        let _ = write!(
            out,
            "i32:pending {} {:?} {rhs}",
            M::reg_name(p.lhs, p.ty),
            p.cmp
        );
    }
    out.push(']');
    out
}

fn const_text(ty: ValType, bits: i64) -> String {
    match ty {
        ValType::I32 => (bits as i32).to_string(),
        ValType::I64 => bits.to_string(),
        ValType::F32 => float_text(f32::from_bits(bits as u32) as f64),
        ValType::F64 => float_text(f64::from_bits(bits as u64)),
        // Never a constant entry: `v128.const` goes straight to a register.
        ValType::V128 => format!("{bits:#x}"),
        ValType::FuncRef | ValType::ExternRef if bits == 0 => "null".to_string(),
        ValType::FuncRef | ValType::ExternRef => format!("{bits:#x}"),
    }
}

fn float_text(v: f64) -> String {
    if v.is_nan() {
        "nan".to_string()
    } else if v.is_infinite() {
        if v > 0.0 { "inf" } else { "-inf" }.to_string()
    } else {
        format!("{v:?}")
    }
}

impl<M: MacroAssembler> FuncCompiler<'_, '_, M> {
    /// Before an operator is compiled: a held-back comparison that it does
    /// not consume is emitted now, and its code belongs to the comparison's
    /// own line. Returns where the operator's code starts and its nesting
    /// depth.
    #[cold]
    pub(super) fn trace_before(&mut self, class: OpClass, t: &mut FuncTrace) -> (usize, usize) {
        if self.pending_cmp.is_some() && !class.fuses_cmp {
            self.flush_pending_cmp();
            let (end, stack) = (self.masm.offset(), self.render_trace_stack());
            if let Some(last) = t.ops.last_mut() {
                last.code.end = end;
                last.stack = stack;
            }
        }
        // `else` and `end` belong to the enclosing block's level.
        let depth = self.control.len() - 1;
        let depth = match class.structure {
            Structure::Else | Structure::End => depth.saturating_sub(1),
            Structure::None | Structure::Opens => depth,
        };
        (self.masm.offset(), depth)
    }

    /// After the operator at `offset` was compiled: record it, its code and
    /// the value stack it left.
    #[cold]
    pub(super) fn trace_after(
        &mut self,
        offset: usize,
        (start, depth): (usize, usize),
        t: &mut FuncTrace,
    ) {
        t.ops.push(OpTrace {
            wasm_offset: offset,
            depth,
            code: start..self.masm.offset(),
            stack: self.render_trace_stack(),
        });
    }

    fn render_trace_stack(&self) -> Option<String> {
        self.reachable.then(|| {
            let pending = self.pending_cmp.as_ref();
            render_stack::<M>(&self.stack, pending, |d| self.spill_slot(d))
        })
    }
}
