//! Numeric operators: one general lowering per shape (binary, unary,
//! comparison, conversion) and a table mapping each wasm opcode to a shape
//! and its `masm` operation.
//!
//! The shapes decide operand placement once for all opcodes: the left
//! operand's register becomes the destination (so two-operand ISAs need no
//! extra move), and the right operand is left where it is when the ISA can
//! take it from there — a constant becomes an immediate, a local or spilled
//! value a memory operand.

use super::{FuncCompiler, PendingCmp};
use crate::masm::{
    Conversion, FloatBinOp, FloatCmp, FloatUnOp, IntBinOp, IntCmp, IntUnOp, MacroAssembler,
    Operand, RegClass,
};
use crate::types::ValType;

impl<M: MacroAssembler> FuncCompiler<'_, '_, M> {
    fn int_binop(&mut self, op: IntBinOp, ty: ValType) {
        let (_, rhs) = self.pop();
        let (_, lhs) = self.pop();
        // A commutative op can reuse whichever operand is in a register.
        let (lhs, rhs) = match (lhs, rhs) {
            (l, Operand::Reg(r)) if op.is_commutative() && !matches!(l, Operand::Reg(_)) => {
                (Operand::Reg(r), l)
            }
            other => other,
        };
        let dst = self.in_reg(ty, lhs);
        self.masm.int_binop(op, ty, dst, dst, rhs);
        self.release(rhs);
        self.push_reg(ty, dst);
    }

    fn int_unop(&mut self, op: IntUnOp, ty: ValType) {
        let (_, src) = self.pop_reg();
        if op == IntUnOp::Eqz {
            // `eqz` is `== 0`: a comparison, fused with a branch like one.
            let (cmp, rhs) = (IntCmp::Eq, Operand::Imm(0));
            self.pending_cmp = Some(PendingCmp {
                cmp,
                ty,
                lhs: src,
                rhs,
            });
            return;
        }
        self.masm.int_unop(op, ty, src, src);
        self.push_reg(ty, src);
    }

    /// An integer comparison is not emitted at once: if the next operator
    /// is a `br_if` or an `if`, the two become one compare-and-branch (see
    /// `control::Condition`); anything else materialises the 0/1 result
    /// first (`flush_pending_cmp`).
    fn int_cmp(&mut self, cmp: IntCmp, ty: ValType) {
        let (_, rhs) = self.pop();
        let (_, lhs) = self.pop();
        let lhs = self.in_reg(ty, lhs);
        self.pending_cmp = Some(PendingCmp { cmp, ty, lhs, rhs });
    }

    /// Emit a deferred comparison as a 0/1 value on the stack.
    pub(super) fn flush_pending_cmp(&mut self) {
        if let Some(p) = self.pending_cmp.take() {
            self.masm.int_cmp(p.cmp, p.ty, p.lhs, p.lhs, p.rhs);
            self.release(p.rhs);
            self.push_reg(ValType::I32, p.lhs);
        }
    }

    fn float_binop(&mut self, op: FloatBinOp, ty: ValType) {
        let (_, rhs) = self.pop_reg();
        let (_, lhs) = self.pop_reg();
        self.masm.float_binop(op, ty, lhs, lhs, rhs);
        self.regs.free(rhs);
        // Copysign only moves a sign bit: its NaN payloads are exact.
        if op != FloatBinOp::Copysign {
            self.canonicalize(ty, lhs);
        }
        self.push_reg(ty, lhs);
    }

    fn float_unop(&mut self, op: FloatUnOp, ty: ValType) {
        let (_, src) = self.pop_reg();
        self.masm.float_unop(op, ty, src, src);
        // abs and neg only touch the sign bit: their NaN payloads are exact.
        if !matches!(op, FloatUnOp::Abs | FloatUnOp::Neg) {
            self.canonicalize(ty, src);
        }
        self.push_reg(ty, src);
    }

    /// With `Config::canonicalize_nans`, replace a NaN result by the
    /// canonical NaN, so float results are bit-identical on every ISA
    /// (hardware NaN propagation differs: x86-64 makes `0/0` negative).
    fn canonicalize(&mut self, ty: ValType, r: crate::masm::Reg) {
        if self.env.canonicalize_nans {
            self.masm.canonicalize_nan(ty, r);
        }
    }

    fn float_cmp(&mut self, cmp: FloatCmp, ty: ValType) {
        let (_, rhs) = self.pop_reg();
        let (_, lhs) = self.pop_reg();
        let dst = self.alloc_reg(RegClass::Int);
        self.masm.float_cmp(cmp, ty, dst, lhs, rhs);
        self.regs.free(lhs);
        self.regs.free(rhs);
        self.push_reg(ValType::I32, dst);
    }

    fn convert(&mut self, op: Conversion) {
        let (from, to) = op.signature();
        let (_, src) = self.pop_reg();
        let dst = if RegClass::of(from) == RegClass::of(to) {
            src
        } else {
            let dst = self.alloc_reg(RegClass::of(to));
            self.regs.free(src);
            dst
        };
        self.masm.convert(op, dst, src);
        if matches!(op, Conversion::F32DemoteF64 | Conversion::F64PromoteF32) {
            self.canonicalize(to, dst);
        }
        self.push_reg(to, dst);
    }

    /// Compile a numeric operator; `false` if `op` is not one.
    pub(super) fn visit_numeric(&mut self, op: &wasmparser::Operator<'_>) -> bool {
        use wasmparser::Operator as O;
        use Conversion as C;
        use ValType::*;
        match *op {
            O::I32Eqz => self.int_unop(IntUnOp::Eqz, I32),
            O::I64Eqz => self.int_unop(IntUnOp::Eqz, I64),
            O::I32Clz => self.int_unop(IntUnOp::Clz, I32),
            O::I32Ctz => self.int_unop(IntUnOp::Ctz, I32),
            O::I32Popcnt => self.int_unop(IntUnOp::Popcnt, I32),
            O::I64Clz => self.int_unop(IntUnOp::Clz, I64),
            O::I64Ctz => self.int_unop(IntUnOp::Ctz, I64),
            O::I64Popcnt => self.int_unop(IntUnOp::Popcnt, I64),

            O::I32Eq => self.int_cmp(IntCmp::Eq, I32),
            O::I32Ne => self.int_cmp(IntCmp::Ne, I32),
            O::I32LtS => self.int_cmp(IntCmp::LtS, I32),
            O::I32LtU => self.int_cmp(IntCmp::LtU, I32),
            O::I32GtS => self.int_cmp(IntCmp::GtS, I32),
            O::I32GtU => self.int_cmp(IntCmp::GtU, I32),
            O::I32LeS => self.int_cmp(IntCmp::LeS, I32),
            O::I32LeU => self.int_cmp(IntCmp::LeU, I32),
            O::I32GeS => self.int_cmp(IntCmp::GeS, I32),
            O::I32GeU => self.int_cmp(IntCmp::GeU, I32),
            O::I64Eq => self.int_cmp(IntCmp::Eq, I64),
            O::I64Ne => self.int_cmp(IntCmp::Ne, I64),
            O::I64LtS => self.int_cmp(IntCmp::LtS, I64),
            O::I64LtU => self.int_cmp(IntCmp::LtU, I64),
            O::I64GtS => self.int_cmp(IntCmp::GtS, I64),
            O::I64GtU => self.int_cmp(IntCmp::GtU, I64),
            O::I64LeS => self.int_cmp(IntCmp::LeS, I64),
            O::I64LeU => self.int_cmp(IntCmp::LeU, I64),
            O::I64GeS => self.int_cmp(IntCmp::GeS, I64),
            O::I64GeU => self.int_cmp(IntCmp::GeU, I64),

            O::I32Add => self.int_binop(IntBinOp::Add, I32),
            O::I32Sub => self.int_binop(IntBinOp::Sub, I32),
            O::I32Mul => self.int_binop(IntBinOp::Mul, I32),
            O::I32DivS => self.int_binop(IntBinOp::DivS, I32),
            O::I32DivU => self.int_binop(IntBinOp::DivU, I32),
            O::I32RemS => self.int_binop(IntBinOp::RemS, I32),
            O::I32RemU => self.int_binop(IntBinOp::RemU, I32),
            O::I32And => self.int_binop(IntBinOp::And, I32),
            O::I32Or => self.int_binop(IntBinOp::Or, I32),
            O::I32Xor => self.int_binop(IntBinOp::Xor, I32),
            O::I32Shl => self.int_binop(IntBinOp::Shl, I32),
            O::I32ShrS => self.int_binop(IntBinOp::ShrS, I32),
            O::I32ShrU => self.int_binop(IntBinOp::ShrU, I32),
            O::I32Rotl => self.int_binop(IntBinOp::Rotl, I32),
            O::I32Rotr => self.int_binop(IntBinOp::Rotr, I32),
            O::I64Add => self.int_binop(IntBinOp::Add, I64),
            O::I64Sub => self.int_binop(IntBinOp::Sub, I64),
            O::I64Mul => self.int_binop(IntBinOp::Mul, I64),
            O::I64DivS => self.int_binop(IntBinOp::DivS, I64),
            O::I64DivU => self.int_binop(IntBinOp::DivU, I64),
            O::I64RemS => self.int_binop(IntBinOp::RemS, I64),
            O::I64RemU => self.int_binop(IntBinOp::RemU, I64),
            O::I64And => self.int_binop(IntBinOp::And, I64),
            O::I64Or => self.int_binop(IntBinOp::Or, I64),
            O::I64Xor => self.int_binop(IntBinOp::Xor, I64),
            O::I64Shl => self.int_binop(IntBinOp::Shl, I64),
            O::I64ShrS => self.int_binop(IntBinOp::ShrS, I64),
            O::I64ShrU => self.int_binop(IntBinOp::ShrU, I64),
            O::I64Rotl => self.int_binop(IntBinOp::Rotl, I64),
            O::I64Rotr => self.int_binop(IntBinOp::Rotr, I64),

            O::F32Eq => self.float_cmp(FloatCmp::Eq, F32),
            O::F32Ne => self.float_cmp(FloatCmp::Ne, F32),
            O::F32Lt => self.float_cmp(FloatCmp::Lt, F32),
            O::F32Gt => self.float_cmp(FloatCmp::Gt, F32),
            O::F32Le => self.float_cmp(FloatCmp::Le, F32),
            O::F32Ge => self.float_cmp(FloatCmp::Ge, F32),
            O::F64Eq => self.float_cmp(FloatCmp::Eq, F64),
            O::F64Ne => self.float_cmp(FloatCmp::Ne, F64),
            O::F64Lt => self.float_cmp(FloatCmp::Lt, F64),
            O::F64Gt => self.float_cmp(FloatCmp::Gt, F64),
            O::F64Le => self.float_cmp(FloatCmp::Le, F64),
            O::F64Ge => self.float_cmp(FloatCmp::Ge, F64),

            O::F32Abs => self.float_unop(FloatUnOp::Abs, F32),
            O::F32Neg => self.float_unop(FloatUnOp::Neg, F32),
            O::F32Ceil => self.float_unop(FloatUnOp::Ceil, F32),
            O::F32Floor => self.float_unop(FloatUnOp::Floor, F32),
            O::F32Trunc => self.float_unop(FloatUnOp::Trunc, F32),
            O::F32Nearest => self.float_unop(FloatUnOp::Nearest, F32),
            O::F32Sqrt => self.float_unop(FloatUnOp::Sqrt, F32),
            O::F64Abs => self.float_unop(FloatUnOp::Abs, F64),
            O::F64Neg => self.float_unop(FloatUnOp::Neg, F64),
            O::F64Ceil => self.float_unop(FloatUnOp::Ceil, F64),
            O::F64Floor => self.float_unop(FloatUnOp::Floor, F64),
            O::F64Trunc => self.float_unop(FloatUnOp::Trunc, F64),
            O::F64Nearest => self.float_unop(FloatUnOp::Nearest, F64),
            O::F64Sqrt => self.float_unop(FloatUnOp::Sqrt, F64),

            O::F32Add => self.float_binop(FloatBinOp::Add, F32),
            O::F32Sub => self.float_binop(FloatBinOp::Sub, F32),
            O::F32Mul => self.float_binop(FloatBinOp::Mul, F32),
            O::F32Div => self.float_binop(FloatBinOp::Div, F32),
            O::F32Min => self.float_binop(FloatBinOp::Min, F32),
            O::F32Max => self.float_binop(FloatBinOp::Max, F32),
            O::F32Copysign => self.float_binop(FloatBinOp::Copysign, F32),
            O::F64Add => self.float_binop(FloatBinOp::Add, F64),
            O::F64Sub => self.float_binop(FloatBinOp::Sub, F64),
            O::F64Mul => self.float_binop(FloatBinOp::Mul, F64),
            O::F64Div => self.float_binop(FloatBinOp::Div, F64),
            O::F64Min => self.float_binop(FloatBinOp::Min, F64),
            O::F64Max => self.float_binop(FloatBinOp::Max, F64),
            O::F64Copysign => self.float_binop(FloatBinOp::Copysign, F64),

            O::I32WrapI64 => self.convert(C::I32WrapI64),
            O::I32TruncF32S => self.convert(C::I32TruncF32S),
            O::I32TruncF32U => self.convert(C::I32TruncF32U),
            O::I32TruncF64S => self.convert(C::I32TruncF64S),
            O::I32TruncF64U => self.convert(C::I32TruncF64U),
            O::I64ExtendI32S => self.convert(C::I64ExtendI32S),
            O::I64ExtendI32U => self.convert(C::I64ExtendI32U),
            O::I64TruncF32S => self.convert(C::I64TruncF32S),
            O::I64TruncF32U => self.convert(C::I64TruncF32U),
            O::I64TruncF64S => self.convert(C::I64TruncF64S),
            O::I64TruncF64U => self.convert(C::I64TruncF64U),
            O::F32ConvertI32S => self.convert(C::F32ConvertI32S),
            O::F32ConvertI32U => self.convert(C::F32ConvertI32U),
            O::F32ConvertI64S => self.convert(C::F32ConvertI64S),
            O::F32ConvertI64U => self.convert(C::F32ConvertI64U),
            O::F32DemoteF64 => self.convert(C::F32DemoteF64),
            O::F64ConvertI32S => self.convert(C::F64ConvertI32S),
            O::F64ConvertI32U => self.convert(C::F64ConvertI32U),
            O::F64ConvertI64S => self.convert(C::F64ConvertI64S),
            O::F64ConvertI64U => self.convert(C::F64ConvertI64U),
            O::F64PromoteF32 => self.convert(C::F64PromoteF32),
            O::I32ReinterpretF32 => self.convert(C::I32ReinterpretF32),
            O::I64ReinterpretF64 => self.convert(C::I64ReinterpretF64),
            O::F32ReinterpretI32 => self.convert(C::F32ReinterpretI32),
            O::F64ReinterpretI64 => self.convert(C::F64ReinterpretI64),

            O::I32Extend8S => self.convert(C::I32Extend8S),
            O::I32Extend16S => self.convert(C::I32Extend16S),
            O::I64Extend8S => self.convert(C::I64Extend8S),
            O::I64Extend16S => self.convert(C::I64Extend16S),
            O::I64Extend32S => self.convert(C::I64Extend32S),
            O::I32TruncSatF32S => self.convert(C::I32TruncSatF32S),
            O::I32TruncSatF32U => self.convert(C::I32TruncSatF32U),
            O::I32TruncSatF64S => self.convert(C::I32TruncSatF64S),
            O::I32TruncSatF64U => self.convert(C::I32TruncSatF64U),
            O::I64TruncSatF32S => self.convert(C::I64TruncSatF32S),
            O::I64TruncSatF32U => self.convert(C::I64TruncSatF32U),
            O::I64TruncSatF64S => self.convert(C::I64TruncSatF64S),
            O::I64TruncSatF64U => self.convert(C::I64TruncSatF64U),
            _ => return false,
        }
        true
    }
}
