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

use super::value_stack::{Entry, Slot};
use super::FuncCompiler;
use crate::error::Result;
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
    /// indentation.
    pub depth: usize,
    /// The operator in wat syntax, e.g. `local.get 0`, `br_if 1`.
    pub text: String,
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

/// An operator in wat syntax.
///
/// The name comes from wasmparser's variant name, which follows the spec's
/// naming closely enough to translate mechanically: `I32TruncSatF32S`
/// becomes `i32.trunc_sat_f32_s`, `LocalGet` becomes `local.get`, `BrIf`
/// becomes `br_if`. Immediates are written out for the operators Flint
/// compiles; anything else falls back to wasmparser's field dump.
pub fn operator_text(op: &wasmparser::Operator<'_>) -> String {
    use wasmparser::Operator as O;
    let debug = format!("{op:?}");
    let (variant, fields) = match debug.find(' ') {
        Some(i) => (&debug[..i], debug[i..].trim()),
        None => (debug.as_str(), ""),
    };
    let name = match *op {
        O::TypedSelect { .. } => "select".to_string(),
        _ => wat_name(variant),
    };
    let imm = match *op {
        O::LocalGet { local_index } | O::LocalSet { local_index } | O::LocalTee { local_index } => {
            local_index.to_string()
        }
        O::GlobalGet { global_index } | O::GlobalSet { global_index } => global_index.to_string(),
        O::I32Const { value } => value.to_string(),
        O::I64Const { value } => value.to_string(),
        O::F32Const { value } => float_text(f32::from_bits(value.bits()) as f64),
        O::F64Const { value } => float_text(f64::from_bits(value.bits())),
        O::Br { relative_depth } | O::BrIf { relative_depth } => relative_depth.to_string(),
        O::BrTable { ref targets } => {
            let mut s: Vec<String> = targets
                .targets()
                .map(|t| t.map_or_else(|_| "?".into(), |t| t.to_string()))
                .collect();
            s.push(targets.default().to_string());
            s.join(" ")
        }
        O::Call { function_index } | O::RefFunc { function_index } => function_index.to_string(),
        O::CallIndirect {
            type_index,
            table_index,
        } => {
            if table_index == 0 {
                format!("(type {type_index})")
            } else {
                format!("{table_index} (type {type_index})")
            }
        }
        O::Block { blockty } | O::Loop { blockty } | O::If { blockty } => match blockty {
            wasmparser::BlockType::Empty => String::new(),
            wasmparser::BlockType::Type(t) => format!("(result {t})"),
            wasmparser::BlockType::FuncType(i) => format!("(type {i})"),
        },
        O::TypedSelect { ty } => format!("(result {ty})"),
        O::RefNull { hty } => match hty {
            wasmparser::HeapType::Abstract { ty, .. } => format!("{ty:?}").to_lowercase(),
            other => format!("{other:?}"),
        },
        O::TableGet { table }
        | O::TableSet { table }
        | O::TableSize { table }
        | O::TableGrow { table }
        | O::TableFill { table } => table.to_string(),
        O::MemorySize { .. }
        | O::MemoryGrow { .. }
        | O::MemoryCopy { .. }
        | O::MemoryFill { .. } => String::new(),
        O::MemoryInit { data_index, .. } | O::DataDrop { data_index } => data_index.to_string(),
        O::TableCopy {
            dst_table,
            src_table,
        } => format!("{dst_table} {src_table}"),
        O::TableInit { elem_index, table } => format!("{table} {elem_index}"),
        O::ElemDrop { elem_index } => elem_index.to_string(),
        // As four i32 lanes in hex: valid wat, and short enough to read.
        O::V128Const { value } => {
            let b = value.bytes();
            let lanes: Vec<String> = (0..4)
                .map(|i| {
                    let lane =
                        u32::from_le_bytes([b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]]);
                    format!("{lane:#x}")
                })
                .collect();
            format!("i32x4 {}", lanes.join(" "))
        }
        O::I8x16Shuffle { lanes } => {
            let lanes: Vec<String> = lanes.iter().map(u8::to_string).collect();
            lanes.join(" ")
        }
        O::I8x16ExtractLaneS { lane }
        | O::I8x16ExtractLaneU { lane }
        | O::I16x8ExtractLaneS { lane }
        | O::I16x8ExtractLaneU { lane }
        | O::I32x4ExtractLane { lane }
        | O::I64x2ExtractLane { lane }
        | O::F32x4ExtractLane { lane }
        | O::F64x2ExtractLane { lane }
        | O::I8x16ReplaceLane { lane }
        | O::I16x8ReplaceLane { lane }
        | O::I32x4ReplaceLane { lane }
        | O::I64x2ReplaceLane { lane }
        | O::F32x4ReplaceLane { lane }
        | O::F64x2ReplaceLane { lane } => lane.to_string(),
        O::V128Load8Lane { memarg, lane }
        | O::V128Load16Lane { memarg, lane }
        | O::V128Load32Lane { memarg, lane }
        | O::V128Load64Lane { memarg, lane }
        | O::V128Store8Lane { memarg, lane }
        | O::V128Store16Lane { memarg, lane }
        | O::V128Store32Lane { memarg, lane }
        | O::V128Store64Lane { memarg, lane } => {
            let m = memarg_text(memarg);
            let sep = if m.is_empty() { "" } else { " " };
            format!("{m}{sep}{lane}")
        }
        _ => match memarg(op) {
            Some(m) => memarg_text(m),
            None => fields.to_string(),
        },
    };
    if imm.is_empty() {
        name
    } else {
        format!("{name} {imm}")
    }
}

/// A memory immediate: `offset=` as in wat; the alignment hint changes
/// nothing in Flint's code, so it is shown only when it is not natural.
fn memarg_text(m: wasmparser::MemArg) -> String {
    let mut s = String::new();
    if m.offset != 0 {
        let _ = write!(s, "offset={}", m.offset);
    }
    if m.align != m.max_align {
        let sep = if s.is_empty() { "" } else { " " };
        let _ = write!(s, "{sep}align={}", 1u32 << m.align);
    }
    s
}

/// `I32TruncSatF32S` -> `i32.trunc_sat_f32_s`, `BrTable` -> `br_table`.
fn wat_name(variant: &str) -> String {
    // Words start at each capital letter; digits stay with their word
    // (`I64`, `Extend32`, `Load8`).
    let mut words: Vec<String> = Vec::new();
    for c in variant.chars() {
        if c.is_ascii_uppercase() || words.is_empty() {
            words.push(String::new());
        }
        words.last_mut().unwrap().push(c.to_ascii_lowercase());
    }
    // A few vector operators spell two of these words as one.
    const JOINED: [(&str, &str); 6] = [
        ("ext", "add"),
        ("ext", "mul"),
        ("q15", "mulr"),
        ("and", "not"),
        ("p", "min"),
        ("p", "max"),
    ];
    let mut i = 0;
    while i + 1 < words.len() {
        if JOINED.contains(&(words[i].as_str(), words[i + 1].as_str())) {
            let next = words.remove(i + 1);
            words[i].push_str(&next);
        }
        i += 1;
    }
    const NAMESPACES: [&str; 18] = [
        "i32", "i64", "f32", "f64", "local", "global", "memory", "table", "ref", "data", "elem",
        "v128", "i8x16", "i16x8", "i32x4", "i64x2", "f32x4", "f64x2",
    ];
    if words.len() > 1 && NAMESPACES.contains(&words[0].as_str()) {
        format!("{}.{}", words[0], words[1..].join("_"))
    } else {
        words.join("_")
    }
}

fn memarg(op: &wasmparser::Operator<'_>) -> Option<wasmparser::MemArg> {
    use wasmparser::Operator as O;
    match *op {
        O::I32Load { memarg }
        | O::I64Load { memarg }
        | O::F32Load { memarg }
        | O::F64Load { memarg }
        | O::I32Load8S { memarg }
        | O::I32Load8U { memarg }
        | O::I32Load16S { memarg }
        | O::I32Load16U { memarg }
        | O::I64Load8S { memarg }
        | O::I64Load8U { memarg }
        | O::I64Load16S { memarg }
        | O::I64Load16U { memarg }
        | O::I64Load32S { memarg }
        | O::I64Load32U { memarg }
        | O::I32Store { memarg }
        | O::I64Store { memarg }
        | O::F32Store { memarg }
        | O::F64Store { memarg }
        | O::I32Store8 { memarg }
        | O::I32Store16 { memarg }
        | O::I64Store8 { memarg }
        | O::I64Store16 { memarg }
        | O::I64Store32 { memarg }
        | O::V128Load { memarg }
        | O::V128Store { memarg }
        | O::V128Load8x8S { memarg }
        | O::V128Load8x8U { memarg }
        | O::V128Load16x4S { memarg }
        | O::V128Load16x4U { memarg }
        | O::V128Load32x2S { memarg }
        | O::V128Load32x2U { memarg }
        | O::V128Load8Splat { memarg }
        | O::V128Load16Splat { memarg }
        | O::V128Load32Splat { memarg }
        | O::V128Load64Splat { memarg }
        | O::V128Load32Zero { memarg }
        | O::V128Load64Zero { memarg } => Some(memarg),
        _ => None,
    }
}

impl<M: MacroAssembler> FuncCompiler<'_, '_, M> {
    /// [`Self::visit`], recording the operator, its code and the value
    /// stack afterwards.
    #[cold]
    pub(super) fn visit_traced(
        &mut self,
        op: &wasmparser::Operator<'_>,
        offset: usize,
        t: &mut FuncTrace,
    ) -> Result<()> {
        // `else` and `end` belong to the enclosing block's level.
        let depth = self.control.len() - 1;
        let depth = match op {
            wasmparser::Operator::Else | wasmparser::Operator::End => depth.saturating_sub(1),
            _ => depth,
        };
        let render = |fc: &Self| {
            fc.reachable.then(|| {
                let pending = fc.pending_cmp.as_ref();
                render_stack::<M>(&fc.stack, pending, |d| fc.spill_slot(d))
            })
        };
        // A held-back comparison that no branch consumes is emitted now;
        // its code belongs to the comparison's own line.
        let fuses = matches!(
            op,
            wasmparser::Operator::BrIf { .. } | wasmparser::Operator::If { .. }
        );
        if self.pending_cmp.is_some() && !fuses {
            self.flush_pending_cmp();
            let (end, stack) = (self.masm.offset(), render(self));
            if let Some(last) = t.ops.last_mut() {
                last.code.end = end;
                last.stack = stack;
            }
        }
        let start = self.masm.offset();
        self.visit(op, offset)?;
        let stack = render(self);
        t.ops.push(OpTrace {
            wasm_offset: offset,
            depth,
            text: operator_text(op),
            code: start..self.masm.offset(),
            stack,
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::wat_name;

    #[test]
    fn variant_names_become_wat_names() {
        assert_eq!(wat_name("I32Add"), "i32.add");
        assert_eq!(wat_name("I32TruncSatF32S"), "i32.trunc_sat_f32_s");
        assert_eq!(wat_name("I64Extend32S"), "i64.extend32_s");
        assert_eq!(wat_name("I32Load8U"), "i32.load8_u");
        assert_eq!(wat_name("LocalGet"), "local.get");
        assert_eq!(wat_name("RefIsNull"), "ref.is_null");
        assert_eq!(wat_name("BrIf"), "br_if");
        assert_eq!(wat_name("CallIndirect"), "call_indirect");
        assert_eq!(wat_name("Unreachable"), "unreachable");
        assert_eq!(wat_name("I8x16AddSatS"), "i8x16.add_sat_s");
        assert_eq!(wat_name("V128Load8x8S"), "v128.load8x8_s");
        assert_eq!(wat_name("V128AndNot"), "v128.andnot");
        assert_eq!(wat_name("F32x4PMin"), "f32x4.pmin");
        assert_eq!(wat_name("I16x8Q15MulrSatS"), "i16x8.q15mulr_sat_s");
        assert_eq!(
            wat_name("I32x4ExtAddPairwiseI16x8U"),
            "i32x4.extadd_pairwise_i16x8_u"
        );
        assert_eq!(
            wat_name("I64x2ExtMulHighI32x4S"),
            "i64x2.extmul_high_i32x4_s"
        );
        assert_eq!(
            wat_name("I32x4RelaxedDotI8x16I7x16AddS"),
            "i32x4.relaxed_dot_i8x16_i7x16_add_s"
        );
    }
}
