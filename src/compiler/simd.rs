//! Vector operators (128-bit SIMD and relaxed SIMD): a table from each wasm
//! opcode to one of a few lowering shapes, each a call through the seam's
//! vector half (`masm::simd`).
//!
//! Vectors always live in registers of the float class while an operator
//! works on them (there are no vector immediates, and the seam takes no
//! memory operands for vectors), so every shape is the same few steps: pop
//! the operands into registers, reuse the first operand's register for the
//! result (two-operand ISAs then need no extra move), free the others,
//! push the result.

use super::FuncCompiler;
use crate::masm::{
    FloatCmp, IntCmp, MacroAssembler, Operand, Reg, RegClass, Shape, VecBinOp, VecLoadKind,
    VecShiftOp, VecTernaryOp, VecTest, VecUnOp,
};
use crate::types::ValType;
use wasmparser::MemArg;

impl<M: MacroAssembler> FuncCompiler<'_, '_, M> {
    fn vec_binop(&mut self, op: VecBinOp, shape: Shape) {
        let (_, rhs) = self.pop_reg();
        let (_, lhs) = self.pop_reg();
        self.masm.vec_binop(op, shape, lhs, lhs, rhs);
        self.regs.free(rhs);
        use VecBinOp::*;
        if matches!(
            op,
            Add | Sub | Mul | Div | Min | Max | RelaxedMin | RelaxedMax
        ) {
            self.canonicalize_lanes(shape, lhs);
        }
        self.push_reg(ValType::V128, lhs);
    }

    fn vec_unop(&mut self, op: VecUnOp, shape: Shape) {
        let (_, src) = self.pop_reg();
        self.masm.vec_unop(op, shape, src, src);
        use VecUnOp::*;
        if matches!(
            op,
            Sqrt | Ceil | Floor | Trunc | Nearest | DemoteZero | PromoteLow
        ) {
            self.canonicalize_lanes(shape, src);
        }
        self.push_reg(ValType::V128, src);
    }

    fn vec_ternary(&mut self, op: VecTernaryOp, shape: Shape) {
        let (_, c) = self.pop_reg();
        let (_, b) = self.pop_reg();
        let (_, a) = self.pop_reg();
        self.masm.vec_ternary(op, shape, a, a, b, c);
        self.regs.free(b);
        self.regs.free(c);
        if matches!(op, VecTernaryOp::RelaxedMadd | VecTernaryOp::RelaxedNmadd) {
            self.canonicalize_lanes(shape, a);
        }
        self.push_reg(ValType::V128, a);
    }

    /// With `Config::canonicalize_nans`, replace every NaN lane of a float
    /// result by the canonical NaN, as the scalar operators do (arithmetic
    /// only: abs, neg and the pseudo-min/max pass a lane through exactly).
    /// Built from the seam's own operators, so no backend needs a method
    /// for it: `v = bitselect(v, canonical, v == v)`.
    fn canonicalize_lanes(&mut self, shape: Shape, v: Reg) {
        if !self.env.canonicalize_nans || !shape.is_float() {
            return;
        }
        let ordered = self.alloc_reg(RegClass::Float);
        self.masm.mov(ValType::V128, ordered, Operand::Reg(v));
        let eq = VecBinOp::FloatCmp(FloatCmp::Eq);
        self.masm.vec_binop(eq, shape, ordered, ordered, v);
        let canonical = self.alloc_reg(RegClass::Float);
        let nan: u128 = match shape {
            Shape::F32x4 => 0x7fc0_0000_7fc0_0000_7fc0_0000_7fc0_0000,
            _ => 0x7ff8_0000_0000_0000_7ff8_0000_0000_0000,
        };
        self.masm.vec_const(canonical, nan);
        let select = VecTernaryOp::Bitselect;
        self.masm
            .vec_ternary(select, Shape::I8x16, v, v, canonical, ordered);
        self.regs.free(ordered);
        self.regs.free(canonical);
    }

    fn vec_shift(&mut self, op: VecShiftOp, shape: Shape) {
        let (_, count) = self.pop();
        let count = match count {
            Operand::Frame(_) => Operand::Reg(self.in_reg(ValType::I32, count)),
            other => other,
        };
        let (_, src) = self.pop_reg();
        self.masm.vec_shift(op, shape, src, src, count);
        self.release(count);
        self.push_reg(ValType::V128, src);
    }

    fn vec_test(&mut self, op: VecTest, shape: Shape) {
        let (_, src) = self.pop_reg();
        let dst = self.alloc_reg(RegClass::Int);
        self.masm.vec_test(op, shape, dst, src);
        self.regs.free(src);
        self.push_reg(ValType::I32, dst);
    }

    fn vec_splat(&mut self, shape: Shape) {
        let (_, src) = self.pop_reg();
        let dst = match src.class {
            // A float scalar's register becomes the vector's.
            RegClass::Float => src,
            RegClass::Int => self.alloc_reg(RegClass::Float),
        };
        self.masm.vec_splat(shape, dst, src);
        if dst != src {
            self.regs.free(src);
        }
        self.push_reg(ValType::V128, dst);
    }

    fn vec_extract_lane(&mut self, shape: Shape, signed: bool, lane: u8) {
        let (_, src) = self.pop_reg();
        let ty = shape.scalar();
        let dst = match RegClass::of(ty) {
            RegClass::Float => src,
            RegClass::Int => self.alloc_reg(RegClass::Int),
        };
        self.masm.vec_extract_lane(shape, signed, lane, dst, src);
        if dst != src {
            self.regs.free(src);
        }
        self.push_reg(ty, dst);
    }

    fn vec_replace_lane(&mut self, shape: Shape, lane: u8) {
        let (_, scalar) = self.pop_reg();
        let (_, vector) = self.pop_reg();
        self.masm.vec_replace_lane(shape, lane, vector, scalar);
        self.regs.free(scalar);
        self.push_reg(ValType::V128, vector);
    }

    fn vec_shuffle(&mut self, lanes: [u8; 16]) {
        let (_, rhs) = self.pop_reg();
        let (_, lhs) = self.pop_reg();
        self.masm.vec_shuffle(lanes, lhs, lhs, rhs);
        self.regs.free(rhs);
        self.push_reg(ValType::V128, lhs);
    }

    fn vec_load(&mut self, kind: VecLoadKind, memarg: MemArg) {
        let (_, addr) = self.pop();
        let addr = self.reg_or_imm(ValType::I32, addr);
        let dst = self.alloc_reg(RegClass::Float);
        let offset = memarg.offset as u32;
        self.at_memarg(&memarg, |masm| masm.vec_load(kind, dst, addr, offset));
        self.release(addr);
        self.push_reg(ValType::V128, dst);
    }

    fn vec_load_lane(&mut self, shape: Shape, lane: u8, memarg: MemArg) {
        let (_, vector) = self.pop_reg();
        let (_, addr) = self.pop();
        let addr = self.reg_or_imm(ValType::I32, addr);
        let offset = memarg.offset as u32;
        self.at_memarg(&memarg, |masm| {
            masm.vec_load_lane(shape, lane, vector, addr, offset)
        });
        self.release(addr);
        self.push_reg(ValType::V128, vector);
    }

    fn vec_store_lane(&mut self, shape: Shape, lane: u8, memarg: MemArg) {
        let (_, vector) = self.pop_reg();
        let (_, addr) = self.pop();
        let addr = self.reg_or_imm(ValType::I32, addr);
        let offset = memarg.offset as u32;
        self.at_memarg(&memarg, |masm| {
            masm.vec_store_lane(shape, lane, vector, addr, offset)
        });
        self.release(addr);
        self.regs.free(vector);
    }

    /// Compile a vector operator; `false` if `op` is not one. (`v128.const`,
    /// `v128.load` and `v128.store` are moves and plain memory accesses,
    /// handled with their scalar kin.)
    pub(super) fn visit_simd(&mut self, op: &wasmparser::Operator<'_>) -> bool {
        use wasmparser::Operator as O;
        use Shape::*;
        use VecBinOp as B;
        use VecUnOp as U;
        match *op {
            // ---- Memory ------------------------------------------------
            O::V128Load8x8S { memarg } => self.vec_load(VecLoadKind::Load8x8S, memarg),
            O::V128Load8x8U { memarg } => self.vec_load(VecLoadKind::Load8x8U, memarg),
            O::V128Load16x4S { memarg } => self.vec_load(VecLoadKind::Load16x4S, memarg),
            O::V128Load16x4U { memarg } => self.vec_load(VecLoadKind::Load16x4U, memarg),
            O::V128Load32x2S { memarg } => self.vec_load(VecLoadKind::Load32x2S, memarg),
            O::V128Load32x2U { memarg } => self.vec_load(VecLoadKind::Load32x2U, memarg),
            O::V128Load8Splat { memarg } => self.vec_load(VecLoadKind::Splat8, memarg),
            O::V128Load16Splat { memarg } => self.vec_load(VecLoadKind::Splat16, memarg),
            O::V128Load32Splat { memarg } => self.vec_load(VecLoadKind::Splat32, memarg),
            O::V128Load64Splat { memarg } => self.vec_load(VecLoadKind::Splat64, memarg),
            O::V128Load32Zero { memarg } => self.vec_load(VecLoadKind::Zero32, memarg),
            O::V128Load64Zero { memarg } => self.vec_load(VecLoadKind::Zero64, memarg),
            O::V128Load8Lane { memarg, lane } => self.vec_load_lane(I8x16, lane, memarg),
            O::V128Load16Lane { memarg, lane } => self.vec_load_lane(I16x8, lane, memarg),
            O::V128Load32Lane { memarg, lane } => self.vec_load_lane(I32x4, lane, memarg),
            O::V128Load64Lane { memarg, lane } => self.vec_load_lane(I64x2, lane, memarg),
            O::V128Store8Lane { memarg, lane } => self.vec_store_lane(I8x16, lane, memarg),
            O::V128Store16Lane { memarg, lane } => self.vec_store_lane(I16x8, lane, memarg),
            O::V128Store32Lane { memarg, lane } => self.vec_store_lane(I32x4, lane, memarg),
            O::V128Store64Lane { memarg, lane } => self.vec_store_lane(I64x2, lane, memarg),

            // ---- Lanes -------------------------------------------------
            O::I8x16Shuffle { lanes } => self.vec_shuffle(lanes),
            O::I8x16ExtractLaneS { lane } => self.vec_extract_lane(I8x16, true, lane),
            O::I8x16ExtractLaneU { lane } => self.vec_extract_lane(I8x16, false, lane),
            O::I16x8ExtractLaneS { lane } => self.vec_extract_lane(I16x8, true, lane),
            O::I16x8ExtractLaneU { lane } => self.vec_extract_lane(I16x8, false, lane),
            O::I32x4ExtractLane { lane } => self.vec_extract_lane(I32x4, false, lane),
            O::I64x2ExtractLane { lane } => self.vec_extract_lane(I64x2, false, lane),
            O::F32x4ExtractLane { lane } => self.vec_extract_lane(F32x4, false, lane),
            O::F64x2ExtractLane { lane } => self.vec_extract_lane(F64x2, false, lane),
            O::I8x16ReplaceLane { lane } => self.vec_replace_lane(I8x16, lane),
            O::I16x8ReplaceLane { lane } => self.vec_replace_lane(I16x8, lane),
            O::I32x4ReplaceLane { lane } => self.vec_replace_lane(I32x4, lane),
            O::I64x2ReplaceLane { lane } => self.vec_replace_lane(I64x2, lane),
            O::F32x4ReplaceLane { lane } => self.vec_replace_lane(F32x4, lane),
            O::F64x2ReplaceLane { lane } => self.vec_replace_lane(F64x2, lane),
            O::I8x16Splat => self.vec_splat(I8x16),
            O::I16x8Splat => self.vec_splat(I16x8),
            O::I32x4Splat => self.vec_splat(I32x4),
            O::I64x2Splat => self.vec_splat(I64x2),
            O::F32x4Splat => self.vec_splat(F32x4),
            O::F64x2Splat => self.vec_splat(F64x2),
            O::I8x16Swizzle => self.vec_binop(B::Swizzle, I8x16),
            O::I8x16RelaxedSwizzle => self.vec_binop(B::RelaxedSwizzle, I8x16),

            // ---- Bitwise and whole-vector ------------------------------
            O::V128Not => self.vec_unop(U::Not, I8x16),
            O::V128And => self.vec_binop(B::And, I8x16),
            O::V128AndNot => self.vec_binop(B::AndNot, I8x16),
            O::V128Or => self.vec_binop(B::Or, I8x16),
            O::V128Xor => self.vec_binop(B::Xor, I8x16),
            O::V128Bitselect => self.vec_ternary(VecTernaryOp::Bitselect, I8x16),
            O::V128AnyTrue => self.vec_test(VecTest::AnyTrue, I8x16),
            O::I8x16AllTrue => self.vec_test(VecTest::AllTrue, I8x16),
            O::I16x8AllTrue => self.vec_test(VecTest::AllTrue, I16x8),
            O::I32x4AllTrue => self.vec_test(VecTest::AllTrue, I32x4),
            O::I64x2AllTrue => self.vec_test(VecTest::AllTrue, I64x2),
            O::I8x16Bitmask => self.vec_test(VecTest::Bitmask, I8x16),
            O::I16x8Bitmask => self.vec_test(VecTest::Bitmask, I16x8),
            O::I32x4Bitmask => self.vec_test(VecTest::Bitmask, I32x4),
            O::I64x2Bitmask => self.vec_test(VecTest::Bitmask, I64x2),

            // ---- Comparisons -------------------------------------------
            O::I8x16Eq => self.vec_binop(B::IntCmp(IntCmp::Eq), I8x16),
            O::I8x16Ne => self.vec_binop(B::IntCmp(IntCmp::Ne), I8x16),
            O::I8x16LtS => self.vec_binop(B::IntCmp(IntCmp::LtS), I8x16),
            O::I8x16LtU => self.vec_binop(B::IntCmp(IntCmp::LtU), I8x16),
            O::I8x16GtS => self.vec_binop(B::IntCmp(IntCmp::GtS), I8x16),
            O::I8x16GtU => self.vec_binop(B::IntCmp(IntCmp::GtU), I8x16),
            O::I8x16LeS => self.vec_binop(B::IntCmp(IntCmp::LeS), I8x16),
            O::I8x16LeU => self.vec_binop(B::IntCmp(IntCmp::LeU), I8x16),
            O::I8x16GeS => self.vec_binop(B::IntCmp(IntCmp::GeS), I8x16),
            O::I8x16GeU => self.vec_binop(B::IntCmp(IntCmp::GeU), I8x16),
            O::I16x8Eq => self.vec_binop(B::IntCmp(IntCmp::Eq), I16x8),
            O::I16x8Ne => self.vec_binop(B::IntCmp(IntCmp::Ne), I16x8),
            O::I16x8LtS => self.vec_binop(B::IntCmp(IntCmp::LtS), I16x8),
            O::I16x8LtU => self.vec_binop(B::IntCmp(IntCmp::LtU), I16x8),
            O::I16x8GtS => self.vec_binop(B::IntCmp(IntCmp::GtS), I16x8),
            O::I16x8GtU => self.vec_binop(B::IntCmp(IntCmp::GtU), I16x8),
            O::I16x8LeS => self.vec_binop(B::IntCmp(IntCmp::LeS), I16x8),
            O::I16x8LeU => self.vec_binop(B::IntCmp(IntCmp::LeU), I16x8),
            O::I16x8GeS => self.vec_binop(B::IntCmp(IntCmp::GeS), I16x8),
            O::I16x8GeU => self.vec_binop(B::IntCmp(IntCmp::GeU), I16x8),
            O::I32x4Eq => self.vec_binop(B::IntCmp(IntCmp::Eq), I32x4),
            O::I32x4Ne => self.vec_binop(B::IntCmp(IntCmp::Ne), I32x4),
            O::I32x4LtS => self.vec_binop(B::IntCmp(IntCmp::LtS), I32x4),
            O::I32x4LtU => self.vec_binop(B::IntCmp(IntCmp::LtU), I32x4),
            O::I32x4GtS => self.vec_binop(B::IntCmp(IntCmp::GtS), I32x4),
            O::I32x4GtU => self.vec_binop(B::IntCmp(IntCmp::GtU), I32x4),
            O::I32x4LeS => self.vec_binop(B::IntCmp(IntCmp::LeS), I32x4),
            O::I32x4LeU => self.vec_binop(B::IntCmp(IntCmp::LeU), I32x4),
            O::I32x4GeS => self.vec_binop(B::IntCmp(IntCmp::GeS), I32x4),
            O::I32x4GeU => self.vec_binop(B::IntCmp(IntCmp::GeU), I32x4),
            O::I64x2Eq => self.vec_binop(B::IntCmp(IntCmp::Eq), I64x2),
            O::I64x2Ne => self.vec_binop(B::IntCmp(IntCmp::Ne), I64x2),
            O::I64x2LtS => self.vec_binop(B::IntCmp(IntCmp::LtS), I64x2),
            O::I64x2GtS => self.vec_binop(B::IntCmp(IntCmp::GtS), I64x2),
            O::I64x2LeS => self.vec_binop(B::IntCmp(IntCmp::LeS), I64x2),
            O::I64x2GeS => self.vec_binop(B::IntCmp(IntCmp::GeS), I64x2),
            O::F32x4Eq => self.vec_binop(B::FloatCmp(FloatCmp::Eq), F32x4),
            O::F32x4Ne => self.vec_binop(B::FloatCmp(FloatCmp::Ne), F32x4),
            O::F32x4Lt => self.vec_binop(B::FloatCmp(FloatCmp::Lt), F32x4),
            O::F32x4Gt => self.vec_binop(B::FloatCmp(FloatCmp::Gt), F32x4),
            O::F32x4Le => self.vec_binop(B::FloatCmp(FloatCmp::Le), F32x4),
            O::F32x4Ge => self.vec_binop(B::FloatCmp(FloatCmp::Ge), F32x4),
            O::F64x2Eq => self.vec_binop(B::FloatCmp(FloatCmp::Eq), F64x2),
            O::F64x2Ne => self.vec_binop(B::FloatCmp(FloatCmp::Ne), F64x2),
            O::F64x2Lt => self.vec_binop(B::FloatCmp(FloatCmp::Lt), F64x2),
            O::F64x2Gt => self.vec_binop(B::FloatCmp(FloatCmp::Gt), F64x2),
            O::F64x2Le => self.vec_binop(B::FloatCmp(FloatCmp::Le), F64x2),
            O::F64x2Ge => self.vec_binop(B::FloatCmp(FloatCmp::Ge), F64x2),

            // ---- Integer arithmetic ------------------------------------
            O::I8x16Abs => self.vec_unop(U::Abs, I8x16),
            O::I16x8Abs => self.vec_unop(U::Abs, I16x8),
            O::I32x4Abs => self.vec_unop(U::Abs, I32x4),
            O::I64x2Abs => self.vec_unop(U::Abs, I64x2),
            O::I8x16Neg => self.vec_unop(U::Neg, I8x16),
            O::I16x8Neg => self.vec_unop(U::Neg, I16x8),
            O::I32x4Neg => self.vec_unop(U::Neg, I32x4),
            O::I64x2Neg => self.vec_unop(U::Neg, I64x2),
            O::I8x16Popcnt => self.vec_unop(U::Popcnt, I8x16),
            O::I8x16Add => self.vec_binop(B::Add, I8x16),
            O::I16x8Add => self.vec_binop(B::Add, I16x8),
            O::I32x4Add => self.vec_binop(B::Add, I32x4),
            O::I64x2Add => self.vec_binop(B::Add, I64x2),
            O::I8x16Sub => self.vec_binop(B::Sub, I8x16),
            O::I16x8Sub => self.vec_binop(B::Sub, I16x8),
            O::I32x4Sub => self.vec_binop(B::Sub, I32x4),
            O::I64x2Sub => self.vec_binop(B::Sub, I64x2),
            O::I16x8Mul => self.vec_binop(B::Mul, I16x8),
            O::I32x4Mul => self.vec_binop(B::Mul, I32x4),
            O::I64x2Mul => self.vec_binop(B::Mul, I64x2),
            O::I8x16AddSatS => self.vec_binop(B::AddSatS, I8x16),
            O::I8x16AddSatU => self.vec_binop(B::AddSatU, I8x16),
            O::I8x16SubSatS => self.vec_binop(B::SubSatS, I8x16),
            O::I8x16SubSatU => self.vec_binop(B::SubSatU, I8x16),
            O::I16x8AddSatS => self.vec_binop(B::AddSatS, I16x8),
            O::I16x8AddSatU => self.vec_binop(B::AddSatU, I16x8),
            O::I16x8SubSatS => self.vec_binop(B::SubSatS, I16x8),
            O::I16x8SubSatU => self.vec_binop(B::SubSatU, I16x8),
            O::I8x16MinS => self.vec_binop(B::MinS, I8x16),
            O::I8x16MinU => self.vec_binop(B::MinU, I8x16),
            O::I8x16MaxS => self.vec_binop(B::MaxS, I8x16),
            O::I8x16MaxU => self.vec_binop(B::MaxU, I8x16),
            O::I16x8MinS => self.vec_binop(B::MinS, I16x8),
            O::I16x8MinU => self.vec_binop(B::MinU, I16x8),
            O::I16x8MaxS => self.vec_binop(B::MaxS, I16x8),
            O::I16x8MaxU => self.vec_binop(B::MaxU, I16x8),
            O::I32x4MinS => self.vec_binop(B::MinS, I32x4),
            O::I32x4MinU => self.vec_binop(B::MinU, I32x4),
            O::I32x4MaxS => self.vec_binop(B::MaxS, I32x4),
            O::I32x4MaxU => self.vec_binop(B::MaxU, I32x4),
            O::I8x16AvgrU => self.vec_binop(B::AvgrU, I8x16),
            O::I16x8AvgrU => self.vec_binop(B::AvgrU, I16x8),
            O::I16x8Q15MulrSatS => self.vec_binop(B::Q15MulrSatS, I16x8),
            O::I16x8RelaxedQ15mulrS => self.vec_binop(B::RelaxedQ15Mulr, I16x8),
            O::I32x4DotI16x8S => self.vec_binop(B::Dot, I32x4),
            O::I16x8RelaxedDotI8x16I7x16S => self.vec_binop(B::RelaxedDot, I16x8),
            O::I32x4RelaxedDotI8x16I7x16AddS => {
                self.vec_ternary(VecTernaryOp::RelaxedDotAdd, I32x4)
            }

            // ---- Shifts ------------------------------------------------
            O::I8x16Shl => self.vec_shift(VecShiftOp::Shl, I8x16),
            O::I8x16ShrS => self.vec_shift(VecShiftOp::ShrS, I8x16),
            O::I8x16ShrU => self.vec_shift(VecShiftOp::ShrU, I8x16),
            O::I16x8Shl => self.vec_shift(VecShiftOp::Shl, I16x8),
            O::I16x8ShrS => self.vec_shift(VecShiftOp::ShrS, I16x8),
            O::I16x8ShrU => self.vec_shift(VecShiftOp::ShrU, I16x8),
            O::I32x4Shl => self.vec_shift(VecShiftOp::Shl, I32x4),
            O::I32x4ShrS => self.vec_shift(VecShiftOp::ShrS, I32x4),
            O::I32x4ShrU => self.vec_shift(VecShiftOp::ShrU, I32x4),
            O::I64x2Shl => self.vec_shift(VecShiftOp::Shl, I64x2),
            O::I64x2ShrS => self.vec_shift(VecShiftOp::ShrS, I64x2),
            O::I64x2ShrU => self.vec_shift(VecShiftOp::ShrU, I64x2),

            // ---- Narrowing and widening --------------------------------
            O::I8x16NarrowI16x8S => self.vec_binop(B::NarrowS, I8x16),
            O::I8x16NarrowI16x8U => self.vec_binop(B::NarrowU, I8x16),
            O::I16x8NarrowI32x4S => self.vec_binop(B::NarrowS, I16x8),
            O::I16x8NarrowI32x4U => self.vec_binop(B::NarrowU, I16x8),
            O::I16x8ExtendLowI8x16S => self.vec_unop(U::ExtendLowS, I16x8),
            O::I16x8ExtendHighI8x16S => self.vec_unop(U::ExtendHighS, I16x8),
            O::I16x8ExtendLowI8x16U => self.vec_unop(U::ExtendLowU, I16x8),
            O::I16x8ExtendHighI8x16U => self.vec_unop(U::ExtendHighU, I16x8),
            O::I32x4ExtendLowI16x8S => self.vec_unop(U::ExtendLowS, I32x4),
            O::I32x4ExtendHighI16x8S => self.vec_unop(U::ExtendHighS, I32x4),
            O::I32x4ExtendLowI16x8U => self.vec_unop(U::ExtendLowU, I32x4),
            O::I32x4ExtendHighI16x8U => self.vec_unop(U::ExtendHighU, I32x4),
            O::I64x2ExtendLowI32x4S => self.vec_unop(U::ExtendLowS, I64x2),
            O::I64x2ExtendHighI32x4S => self.vec_unop(U::ExtendHighS, I64x2),
            O::I64x2ExtendLowI32x4U => self.vec_unop(U::ExtendLowU, I64x2),
            O::I64x2ExtendHighI32x4U => self.vec_unop(U::ExtendHighU, I64x2),
            O::I16x8ExtAddPairwiseI8x16S => self.vec_unop(U::ExtAddPairwiseS, I16x8),
            O::I16x8ExtAddPairwiseI8x16U => self.vec_unop(U::ExtAddPairwiseU, I16x8),
            O::I32x4ExtAddPairwiseI16x8S => self.vec_unop(U::ExtAddPairwiseS, I32x4),
            O::I32x4ExtAddPairwiseI16x8U => self.vec_unop(U::ExtAddPairwiseU, I32x4),
            O::I16x8ExtMulLowI8x16S => self.vec_binop(B::ExtMulLowS, I16x8),
            O::I16x8ExtMulHighI8x16S => self.vec_binop(B::ExtMulHighS, I16x8),
            O::I16x8ExtMulLowI8x16U => self.vec_binop(B::ExtMulLowU, I16x8),
            O::I16x8ExtMulHighI8x16U => self.vec_binop(B::ExtMulHighU, I16x8),
            O::I32x4ExtMulLowI16x8S => self.vec_binop(B::ExtMulLowS, I32x4),
            O::I32x4ExtMulHighI16x8S => self.vec_binop(B::ExtMulHighS, I32x4),
            O::I32x4ExtMulLowI16x8U => self.vec_binop(B::ExtMulLowU, I32x4),
            O::I32x4ExtMulHighI16x8U => self.vec_binop(B::ExtMulHighU, I32x4),
            O::I64x2ExtMulLowI32x4S => self.vec_binop(B::ExtMulLowS, I64x2),
            O::I64x2ExtMulHighI32x4S => self.vec_binop(B::ExtMulHighS, I64x2),
            O::I64x2ExtMulLowI32x4U => self.vec_binop(B::ExtMulLowU, I64x2),
            O::I64x2ExtMulHighI32x4U => self.vec_binop(B::ExtMulHighU, I64x2),

            // ---- Float arithmetic --------------------------------------
            O::F32x4Ceil => self.vec_unop(U::Ceil, F32x4),
            O::F32x4Floor => self.vec_unop(U::Floor, F32x4),
            O::F32x4Trunc => self.vec_unop(U::Trunc, F32x4),
            O::F32x4Nearest => self.vec_unop(U::Nearest, F32x4),
            O::F32x4Abs => self.vec_unop(U::Abs, F32x4),
            O::F32x4Neg => self.vec_unop(U::Neg, F32x4),
            O::F32x4Sqrt => self.vec_unop(U::Sqrt, F32x4),
            O::F64x2Ceil => self.vec_unop(U::Ceil, F64x2),
            O::F64x2Floor => self.vec_unop(U::Floor, F64x2),
            O::F64x2Trunc => self.vec_unop(U::Trunc, F64x2),
            O::F64x2Nearest => self.vec_unop(U::Nearest, F64x2),
            O::F64x2Abs => self.vec_unop(U::Abs, F64x2),
            O::F64x2Neg => self.vec_unop(U::Neg, F64x2),
            O::F64x2Sqrt => self.vec_unop(U::Sqrt, F64x2),
            O::F32x4Add => self.vec_binop(B::Add, F32x4),
            O::F32x4Sub => self.vec_binop(B::Sub, F32x4),
            O::F32x4Mul => self.vec_binop(B::Mul, F32x4),
            O::F32x4Div => self.vec_binop(B::Div, F32x4),
            O::F32x4Min => self.vec_binop(B::Min, F32x4),
            O::F32x4Max => self.vec_binop(B::Max, F32x4),
            O::F32x4PMin => self.vec_binop(B::PMin, F32x4),
            O::F32x4PMax => self.vec_binop(B::PMax, F32x4),
            O::F64x2Add => self.vec_binop(B::Add, F64x2),
            O::F64x2Sub => self.vec_binop(B::Sub, F64x2),
            O::F64x2Mul => self.vec_binop(B::Mul, F64x2),
            O::F64x2Div => self.vec_binop(B::Div, F64x2),
            O::F64x2Min => self.vec_binop(B::Min, F64x2),
            O::F64x2Max => self.vec_binop(B::Max, F64x2),
            O::F64x2PMin => self.vec_binop(B::PMin, F64x2),
            O::F64x2PMax => self.vec_binop(B::PMax, F64x2),
            O::F32x4RelaxedMin => self.vec_binop(B::RelaxedMin, F32x4),
            O::F32x4RelaxedMax => self.vec_binop(B::RelaxedMax, F32x4),
            O::F64x2RelaxedMin => self.vec_binop(B::RelaxedMin, F64x2),
            O::F64x2RelaxedMax => self.vec_binop(B::RelaxedMax, F64x2),
            O::F32x4RelaxedMadd => self.vec_ternary(VecTernaryOp::RelaxedMadd, F32x4),
            O::F32x4RelaxedNmadd => self.vec_ternary(VecTernaryOp::RelaxedNmadd, F32x4),
            O::F64x2RelaxedMadd => self.vec_ternary(VecTernaryOp::RelaxedMadd, F64x2),
            O::F64x2RelaxedNmadd => self.vec_ternary(VecTernaryOp::RelaxedNmadd, F64x2),
            O::I8x16RelaxedLaneselect => self.vec_ternary(VecTernaryOp::RelaxedLaneselect, I8x16),
            O::I16x8RelaxedLaneselect => self.vec_ternary(VecTernaryOp::RelaxedLaneselect, I16x8),
            O::I32x4RelaxedLaneselect => self.vec_ternary(VecTernaryOp::RelaxedLaneselect, I32x4),
            O::I64x2RelaxedLaneselect => self.vec_ternary(VecTernaryOp::RelaxedLaneselect, I64x2),

            // ---- Conversions -------------------------------------------
            O::I32x4TruncSatF32x4S => self.vec_unop(U::TruncSatS, I32x4),
            O::I32x4TruncSatF32x4U => self.vec_unop(U::TruncSatU, I32x4),
            O::F32x4ConvertI32x4S => self.vec_unop(U::ConvertS, F32x4),
            O::F32x4ConvertI32x4U => self.vec_unop(U::ConvertU, F32x4),
            O::I32x4TruncSatF64x2SZero => self.vec_unop(U::TruncSatZeroS, I32x4),
            O::I32x4TruncSatF64x2UZero => self.vec_unop(U::TruncSatZeroU, I32x4),
            O::F64x2ConvertLowI32x4S => self.vec_unop(U::ConvertLowS, F64x2),
            O::F64x2ConvertLowI32x4U => self.vec_unop(U::ConvertLowU, F64x2),
            O::F32x4DemoteF64x2Zero => self.vec_unop(U::DemoteZero, F32x4),
            O::F64x2PromoteLowF32x4 => self.vec_unop(U::PromoteLow, F64x2),
            O::I32x4RelaxedTruncF32x4S => self.vec_unop(U::RelaxedTruncS, I32x4),
            O::I32x4RelaxedTruncF32x4U => self.vec_unop(U::RelaxedTruncU, I32x4),
            O::I32x4RelaxedTruncF64x2SZero => self.vec_unop(U::RelaxedTruncZeroS, I32x4),
            O::I32x4RelaxedTruncF64x2UZero => self.vec_unop(U::RelaxedTruncZeroU, I32x4),
            _ => return false,
        }
        true
    }
}
