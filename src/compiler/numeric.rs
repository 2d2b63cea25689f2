//! Numeric operators: one general lowering per shape (binary, unary,
//! comparison, conversion) and a table mapping each wasm opcode to a shape
//! and its `masm` operation.
//!
//! The shapes decide operand placement once for all opcodes: the left
//! operand's register becomes the destination (so two-operand ISAs need no
//! extra move), and the right operand is left where it is when the ISA can
//! take it from there — a constant becomes an immediate, a local or spilled
//! value a memory operand.

use super::visit::lowerings;
use super::{FuncCompiler, PendingCmp};
use crate::masm::{
    Conversion, FloatBinOp, FloatCmp, FloatUnOp, IntBinOp, IntCmp, IntUnOp, MacroAssembler,
    Operand, RegClass,
};
use crate::types::ValType::{self, F32, F64, I32, I64};
use Conversion as C;

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

    /// Emit a deferred comparison as a 0/1 value on the stack. Runs before
    /// nearly every operator, and there is rarely one: the check is inline
    /// and the work is not.
    #[inline(always)]
    pub(super) fn flush_pending_cmp(&mut self) {
        if self.pending_cmp.is_some() {
            self.emit_pending_cmp();
        }
    }

    #[inline(never)]
    fn emit_pending_cmp(&mut self) {
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

    // The numeric operators, each mapped to its shape.
    lowerings! { self;
        visit_i32_eqz => self.int_unop(IntUnOp::Eqz, I32);
        visit_i64_eqz => self.int_unop(IntUnOp::Eqz, I64);
        visit_i32_clz => self.int_unop(IntUnOp::Clz, I32);
        visit_i32_ctz => self.int_unop(IntUnOp::Ctz, I32);
        visit_i32_popcnt => self.int_unop(IntUnOp::Popcnt, I32);
        visit_i64_clz => self.int_unop(IntUnOp::Clz, I64);
        visit_i64_ctz => self.int_unop(IntUnOp::Ctz, I64);
        visit_i64_popcnt => self.int_unop(IntUnOp::Popcnt, I64);
        visit_i32_eq => self.int_cmp(IntCmp::Eq, I32);
        visit_i32_ne => self.int_cmp(IntCmp::Ne, I32);
        visit_i32_lt_s => self.int_cmp(IntCmp::LtS, I32);
        visit_i32_lt_u => self.int_cmp(IntCmp::LtU, I32);
        visit_i32_gt_s => self.int_cmp(IntCmp::GtS, I32);
        visit_i32_gt_u => self.int_cmp(IntCmp::GtU, I32);
        visit_i32_le_s => self.int_cmp(IntCmp::LeS, I32);
        visit_i32_le_u => self.int_cmp(IntCmp::LeU, I32);
        visit_i32_ge_s => self.int_cmp(IntCmp::GeS, I32);
        visit_i32_ge_u => self.int_cmp(IntCmp::GeU, I32);
        visit_i64_eq => self.int_cmp(IntCmp::Eq, I64);
        visit_i64_ne => self.int_cmp(IntCmp::Ne, I64);
        visit_i64_lt_s => self.int_cmp(IntCmp::LtS, I64);
        visit_i64_lt_u => self.int_cmp(IntCmp::LtU, I64);
        visit_i64_gt_s => self.int_cmp(IntCmp::GtS, I64);
        visit_i64_gt_u => self.int_cmp(IntCmp::GtU, I64);
        visit_i64_le_s => self.int_cmp(IntCmp::LeS, I64);
        visit_i64_le_u => self.int_cmp(IntCmp::LeU, I64);
        visit_i64_ge_s => self.int_cmp(IntCmp::GeS, I64);
        visit_i64_ge_u => self.int_cmp(IntCmp::GeU, I64);
        visit_i32_add => self.int_binop(IntBinOp::Add, I32);
        visit_i32_sub => self.int_binop(IntBinOp::Sub, I32);
        visit_i32_mul => self.int_binop(IntBinOp::Mul, I32);
        visit_i32_div_s => self.int_binop(IntBinOp::DivS, I32);
        visit_i32_div_u => self.int_binop(IntBinOp::DivU, I32);
        visit_i32_rem_s => self.int_binop(IntBinOp::RemS, I32);
        visit_i32_rem_u => self.int_binop(IntBinOp::RemU, I32);
        visit_i32_and => self.int_binop(IntBinOp::And, I32);
        visit_i32_or => self.int_binop(IntBinOp::Or, I32);
        visit_i32_xor => self.int_binop(IntBinOp::Xor, I32);
        visit_i32_shl => self.int_binop(IntBinOp::Shl, I32);
        visit_i32_shr_s => self.int_binop(IntBinOp::ShrS, I32);
        visit_i32_shr_u => self.int_binop(IntBinOp::ShrU, I32);
        visit_i32_rotl => self.int_binop(IntBinOp::Rotl, I32);
        visit_i32_rotr => self.int_binop(IntBinOp::Rotr, I32);
        visit_i64_add => self.int_binop(IntBinOp::Add, I64);
        visit_i64_sub => self.int_binop(IntBinOp::Sub, I64);
        visit_i64_mul => self.int_binop(IntBinOp::Mul, I64);
        visit_i64_div_s => self.int_binop(IntBinOp::DivS, I64);
        visit_i64_div_u => self.int_binop(IntBinOp::DivU, I64);
        visit_i64_rem_s => self.int_binop(IntBinOp::RemS, I64);
        visit_i64_rem_u => self.int_binop(IntBinOp::RemU, I64);
        visit_i64_and => self.int_binop(IntBinOp::And, I64);
        visit_i64_or => self.int_binop(IntBinOp::Or, I64);
        visit_i64_xor => self.int_binop(IntBinOp::Xor, I64);
        visit_i64_shl => self.int_binop(IntBinOp::Shl, I64);
        visit_i64_shr_s => self.int_binop(IntBinOp::ShrS, I64);
        visit_i64_shr_u => self.int_binop(IntBinOp::ShrU, I64);
        visit_i64_rotl => self.int_binop(IntBinOp::Rotl, I64);
        visit_i64_rotr => self.int_binop(IntBinOp::Rotr, I64);
        visit_f32_eq => self.float_cmp(FloatCmp::Eq, F32);
        visit_f32_ne => self.float_cmp(FloatCmp::Ne, F32);
        visit_f32_lt => self.float_cmp(FloatCmp::Lt, F32);
        visit_f32_gt => self.float_cmp(FloatCmp::Gt, F32);
        visit_f32_le => self.float_cmp(FloatCmp::Le, F32);
        visit_f32_ge => self.float_cmp(FloatCmp::Ge, F32);
        visit_f64_eq => self.float_cmp(FloatCmp::Eq, F64);
        visit_f64_ne => self.float_cmp(FloatCmp::Ne, F64);
        visit_f64_lt => self.float_cmp(FloatCmp::Lt, F64);
        visit_f64_gt => self.float_cmp(FloatCmp::Gt, F64);
        visit_f64_le => self.float_cmp(FloatCmp::Le, F64);
        visit_f64_ge => self.float_cmp(FloatCmp::Ge, F64);
        visit_f32_abs => self.float_unop(FloatUnOp::Abs, F32);
        visit_f32_neg => self.float_unop(FloatUnOp::Neg, F32);
        visit_f32_ceil => self.float_unop(FloatUnOp::Ceil, F32);
        visit_f32_floor => self.float_unop(FloatUnOp::Floor, F32);
        visit_f32_trunc => self.float_unop(FloatUnOp::Trunc, F32);
        visit_f32_nearest => self.float_unop(FloatUnOp::Nearest, F32);
        visit_f32_sqrt => self.float_unop(FloatUnOp::Sqrt, F32);
        visit_f64_abs => self.float_unop(FloatUnOp::Abs, F64);
        visit_f64_neg => self.float_unop(FloatUnOp::Neg, F64);
        visit_f64_ceil => self.float_unop(FloatUnOp::Ceil, F64);
        visit_f64_floor => self.float_unop(FloatUnOp::Floor, F64);
        visit_f64_trunc => self.float_unop(FloatUnOp::Trunc, F64);
        visit_f64_nearest => self.float_unop(FloatUnOp::Nearest, F64);
        visit_f64_sqrt => self.float_unop(FloatUnOp::Sqrt, F64);
        visit_f32_add => self.float_binop(FloatBinOp::Add, F32);
        visit_f32_sub => self.float_binop(FloatBinOp::Sub, F32);
        visit_f32_mul => self.float_binop(FloatBinOp::Mul, F32);
        visit_f32_div => self.float_binop(FloatBinOp::Div, F32);
        visit_f32_min => self.float_binop(FloatBinOp::Min, F32);
        visit_f32_max => self.float_binop(FloatBinOp::Max, F32);
        visit_f32_copysign => self.float_binop(FloatBinOp::Copysign, F32);
        visit_f64_add => self.float_binop(FloatBinOp::Add, F64);
        visit_f64_sub => self.float_binop(FloatBinOp::Sub, F64);
        visit_f64_mul => self.float_binop(FloatBinOp::Mul, F64);
        visit_f64_div => self.float_binop(FloatBinOp::Div, F64);
        visit_f64_min => self.float_binop(FloatBinOp::Min, F64);
        visit_f64_max => self.float_binop(FloatBinOp::Max, F64);
        visit_f64_copysign => self.float_binop(FloatBinOp::Copysign, F64);
        visit_i32_wrap_i64 => self.convert(C::I32WrapI64);
        visit_i32_trunc_f32_s => self.convert(C::I32TruncF32S);
        visit_i32_trunc_f32_u => self.convert(C::I32TruncF32U);
        visit_i32_trunc_f64_s => self.convert(C::I32TruncF64S);
        visit_i32_trunc_f64_u => self.convert(C::I32TruncF64U);
        visit_i64_extend_i32_s => self.convert(C::I64ExtendI32S);
        visit_i64_extend_i32_u => self.convert(C::I64ExtendI32U);
        visit_i64_trunc_f32_s => self.convert(C::I64TruncF32S);
        visit_i64_trunc_f32_u => self.convert(C::I64TruncF32U);
        visit_i64_trunc_f64_s => self.convert(C::I64TruncF64S);
        visit_i64_trunc_f64_u => self.convert(C::I64TruncF64U);
        visit_f32_convert_i32_s => self.convert(C::F32ConvertI32S);
        visit_f32_convert_i32_u => self.convert(C::F32ConvertI32U);
        visit_f32_convert_i64_s => self.convert(C::F32ConvertI64S);
        visit_f32_convert_i64_u => self.convert(C::F32ConvertI64U);
        visit_f32_demote_f64 => self.convert(C::F32DemoteF64);
        visit_f64_convert_i32_s => self.convert(C::F64ConvertI32S);
        visit_f64_convert_i32_u => self.convert(C::F64ConvertI32U);
        visit_f64_convert_i64_s => self.convert(C::F64ConvertI64S);
        visit_f64_convert_i64_u => self.convert(C::F64ConvertI64U);
        visit_f64_promote_f32 => self.convert(C::F64PromoteF32);
        visit_i32_reinterpret_f32 => self.convert(C::I32ReinterpretF32);
        visit_i64_reinterpret_f64 => self.convert(C::I64ReinterpretF64);
        visit_f32_reinterpret_i32 => self.convert(C::F32ReinterpretI32);
        visit_f64_reinterpret_i64 => self.convert(C::F64ReinterpretI64);
        visit_i32_extend8_s => self.convert(C::I32Extend8S);
        visit_i32_extend16_s => self.convert(C::I32Extend16S);
        visit_i64_extend8_s => self.convert(C::I64Extend8S);
        visit_i64_extend16_s => self.convert(C::I64Extend16S);
        visit_i64_extend32_s => self.convert(C::I64Extend32S);
        visit_i32_trunc_sat_f32_s => self.convert(C::I32TruncSatF32S);
        visit_i32_trunc_sat_f32_u => self.convert(C::I32TruncSatF32U);
        visit_i32_trunc_sat_f64_s => self.convert(C::I32TruncSatF64S);
        visit_i32_trunc_sat_f64_u => self.convert(C::I32TruncSatF64U);
        visit_i64_trunc_sat_f32_s => self.convert(C::I64TruncSatF32S);
        visit_i64_trunc_sat_f32_u => self.convert(C::I64TruncSatF32U);
        visit_i64_trunc_sat_f64_s => self.convert(C::I64TruncSatF64S);
        visit_i64_trunc_sat_f64_u => self.convert(C::I64TruncSatF64U);
    }
}
