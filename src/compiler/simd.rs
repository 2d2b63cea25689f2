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

use super::visit::lowerings;
use super::FuncCompiler;
use crate::masm::{
    FloatCmp, IntCmp, MacroAssembler, Operand, Reg, RegClass, Shape, VecBinOp, VecLoadKind,
    VecShiftOp, VecTernaryOp, VecTest, VecUnOp,
};
use crate::types::ValType;
use wasmparser::MemArg;
use Shape::*;
use VecBinOp as B;
use VecUnOp as U;

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
        let (index_ty, addr) = self.pop();
        let addr = self.reg_or_imm(index_ty, addr);
        let dst = self.alloc_reg(RegClass::Float);
        let offset = memarg.offset as u32;
        let size = kind.bytes();
        self.at_memarg(&memarg, addr, size, |masm| {
            masm.vec_load(kind, dst, addr, offset)
        });
        self.release(addr);
        self.push_reg(ValType::V128, dst);
    }

    fn vec_load_lane(&mut self, shape: Shape, lane: u8, memarg: MemArg) {
        let (_, vector) = self.pop_reg();
        let (index_ty, addr) = self.pop();
        let addr = self.reg_or_imm(index_ty, addr);
        let offset = memarg.offset as u32;
        let size = shape.lane_bytes() as u32;
        self.at_memarg(&memarg, addr, size, |masm| {
            masm.vec_load_lane(shape, lane, vector, addr, offset)
        });
        self.release(addr);
        self.push_reg(ValType::V128, vector);
    }

    fn vec_store_lane(&mut self, shape: Shape, lane: u8, memarg: MemArg) {
        let (_, vector) = self.pop_reg();
        let (index_ty, addr) = self.pop();
        let addr = self.reg_or_imm(index_ty, addr);
        let offset = memarg.offset as u32;
        let size = shape.lane_bytes() as u32;
        self.at_memarg(&memarg, addr, size, |masm| {
            masm.vec_store_lane(shape, lane, vector, addr, offset)
        });
        self.release(addr);
        self.regs.free(vector);
    }

    // The vector operators. (`v128.const`, `v128.load` and `v128.store`
    // are a constant and plain memory accesses, with their scalar kin.)
    lowerings! { self;
        // ---- Memory ------------------------------------------------
        visit_v128_load8x8_s(memarg: MemArg) => self.vec_load(VecLoadKind::Load8x8S, memarg);
        visit_v128_load8x8_u(memarg: MemArg) => self.vec_load(VecLoadKind::Load8x8U, memarg);
        visit_v128_load16x4_s(memarg: MemArg) => self.vec_load(VecLoadKind::Load16x4S, memarg);
        visit_v128_load16x4_u(memarg: MemArg) => self.vec_load(VecLoadKind::Load16x4U, memarg);
        visit_v128_load32x2_s(memarg: MemArg) => self.vec_load(VecLoadKind::Load32x2S, memarg);
        visit_v128_load32x2_u(memarg: MemArg) => self.vec_load(VecLoadKind::Load32x2U, memarg);
        visit_v128_load8_splat(memarg: MemArg) => self.vec_load(VecLoadKind::Splat8, memarg);
        visit_v128_load16_splat(memarg: MemArg) => self.vec_load(VecLoadKind::Splat16, memarg);
        visit_v128_load32_splat(memarg: MemArg) => self.vec_load(VecLoadKind::Splat32, memarg);
        visit_v128_load64_splat(memarg: MemArg) => self.vec_load(VecLoadKind::Splat64, memarg);
        visit_v128_load32_zero(memarg: MemArg) => self.vec_load(VecLoadKind::Zero32, memarg);
        visit_v128_load64_zero(memarg: MemArg) => self.vec_load(VecLoadKind::Zero64, memarg);
        visit_v128_load8_lane(memarg: MemArg, lane: u8) => self.vec_load_lane(I8x16, lane, memarg);
        visit_v128_load16_lane(memarg: MemArg, lane: u8) => self.vec_load_lane(I16x8, lane, memarg);
        visit_v128_load32_lane(memarg: MemArg, lane: u8) => self.vec_load_lane(I32x4, lane, memarg);
        visit_v128_load64_lane(memarg: MemArg, lane: u8) => self.vec_load_lane(I64x2, lane, memarg);
        visit_v128_store8_lane(memarg: MemArg, lane: u8) => self.vec_store_lane(I8x16, lane, memarg);
        visit_v128_store16_lane(memarg: MemArg, lane: u8) => self.vec_store_lane(I16x8, lane, memarg);
        visit_v128_store32_lane(memarg: MemArg, lane: u8) => self.vec_store_lane(I32x4, lane, memarg);
        visit_v128_store64_lane(memarg: MemArg, lane: u8) => self.vec_store_lane(I64x2, lane, memarg);
        // ---- Lanes -------------------------------------------------
        visit_i8x16_shuffle(lanes: [u8; 16]) => self.vec_shuffle(lanes);
        visit_i8x16_extract_lane_s(lane: u8) => self.vec_extract_lane(I8x16, true, lane);
        visit_i8x16_extract_lane_u(lane: u8) => self.vec_extract_lane(I8x16, false, lane);
        visit_i16x8_extract_lane_s(lane: u8) => self.vec_extract_lane(I16x8, true, lane);
        visit_i16x8_extract_lane_u(lane: u8) => self.vec_extract_lane(I16x8, false, lane);
        visit_i32x4_extract_lane(lane: u8) => self.vec_extract_lane(I32x4, false, lane);
        visit_i64x2_extract_lane(lane: u8) => self.vec_extract_lane(I64x2, false, lane);
        visit_f32x4_extract_lane(lane: u8) => self.vec_extract_lane(F32x4, false, lane);
        visit_f64x2_extract_lane(lane: u8) => self.vec_extract_lane(F64x2, false, lane);
        visit_i8x16_replace_lane(lane: u8) => self.vec_replace_lane(I8x16, lane);
        visit_i16x8_replace_lane(lane: u8) => self.vec_replace_lane(I16x8, lane);
        visit_i32x4_replace_lane(lane: u8) => self.vec_replace_lane(I32x4, lane);
        visit_i64x2_replace_lane(lane: u8) => self.vec_replace_lane(I64x2, lane);
        visit_f32x4_replace_lane(lane: u8) => self.vec_replace_lane(F32x4, lane);
        visit_f64x2_replace_lane(lane: u8) => self.vec_replace_lane(F64x2, lane);
        visit_i8x16_splat => self.vec_splat(I8x16);
        visit_i16x8_splat => self.vec_splat(I16x8);
        visit_i32x4_splat => self.vec_splat(I32x4);
        visit_i64x2_splat => self.vec_splat(I64x2);
        visit_f32x4_splat => self.vec_splat(F32x4);
        visit_f64x2_splat => self.vec_splat(F64x2);
        visit_i8x16_swizzle => self.vec_binop(B::Swizzle, I8x16);
        visit_i8x16_relaxed_swizzle => self.vec_binop(B::RelaxedSwizzle, I8x16);
        // ---- Bitwise and whole-vector ------------------------------
        visit_v128_not => self.vec_unop(U::Not, I8x16);
        visit_v128_and => self.vec_binop(B::And, I8x16);
        visit_v128_andnot => self.vec_binop(B::AndNot, I8x16);
        visit_v128_or => self.vec_binop(B::Or, I8x16);
        visit_v128_xor => self.vec_binop(B::Xor, I8x16);
        visit_v128_bitselect => self.vec_ternary(VecTernaryOp::Bitselect, I8x16);
        visit_v128_any_true => self.vec_test(VecTest::AnyTrue, I8x16);
        visit_i8x16_all_true => self.vec_test(VecTest::AllTrue, I8x16);
        visit_i16x8_all_true => self.vec_test(VecTest::AllTrue, I16x8);
        visit_i32x4_all_true => self.vec_test(VecTest::AllTrue, I32x4);
        visit_i64x2_all_true => self.vec_test(VecTest::AllTrue, I64x2);
        visit_i8x16_bitmask => self.vec_test(VecTest::Bitmask, I8x16);
        visit_i16x8_bitmask => self.vec_test(VecTest::Bitmask, I16x8);
        visit_i32x4_bitmask => self.vec_test(VecTest::Bitmask, I32x4);
        visit_i64x2_bitmask => self.vec_test(VecTest::Bitmask, I64x2);
        // ---- Comparisons -------------------------------------------
        visit_i8x16_eq => self.vec_binop(B::IntCmp(IntCmp::Eq), I8x16);
        visit_i8x16_ne => self.vec_binop(B::IntCmp(IntCmp::Ne), I8x16);
        visit_i8x16_lt_s => self.vec_binop(B::IntCmp(IntCmp::LtS), I8x16);
        visit_i8x16_lt_u => self.vec_binop(B::IntCmp(IntCmp::LtU), I8x16);
        visit_i8x16_gt_s => self.vec_binop(B::IntCmp(IntCmp::GtS), I8x16);
        visit_i8x16_gt_u => self.vec_binop(B::IntCmp(IntCmp::GtU), I8x16);
        visit_i8x16_le_s => self.vec_binop(B::IntCmp(IntCmp::LeS), I8x16);
        visit_i8x16_le_u => self.vec_binop(B::IntCmp(IntCmp::LeU), I8x16);
        visit_i8x16_ge_s => self.vec_binop(B::IntCmp(IntCmp::GeS), I8x16);
        visit_i8x16_ge_u => self.vec_binop(B::IntCmp(IntCmp::GeU), I8x16);
        visit_i16x8_eq => self.vec_binop(B::IntCmp(IntCmp::Eq), I16x8);
        visit_i16x8_ne => self.vec_binop(B::IntCmp(IntCmp::Ne), I16x8);
        visit_i16x8_lt_s => self.vec_binop(B::IntCmp(IntCmp::LtS), I16x8);
        visit_i16x8_lt_u => self.vec_binop(B::IntCmp(IntCmp::LtU), I16x8);
        visit_i16x8_gt_s => self.vec_binop(B::IntCmp(IntCmp::GtS), I16x8);
        visit_i16x8_gt_u => self.vec_binop(B::IntCmp(IntCmp::GtU), I16x8);
        visit_i16x8_le_s => self.vec_binop(B::IntCmp(IntCmp::LeS), I16x8);
        visit_i16x8_le_u => self.vec_binop(B::IntCmp(IntCmp::LeU), I16x8);
        visit_i16x8_ge_s => self.vec_binop(B::IntCmp(IntCmp::GeS), I16x8);
        visit_i16x8_ge_u => self.vec_binop(B::IntCmp(IntCmp::GeU), I16x8);
        visit_i32x4_eq => self.vec_binop(B::IntCmp(IntCmp::Eq), I32x4);
        visit_i32x4_ne => self.vec_binop(B::IntCmp(IntCmp::Ne), I32x4);
        visit_i32x4_lt_s => self.vec_binop(B::IntCmp(IntCmp::LtS), I32x4);
        visit_i32x4_lt_u => self.vec_binop(B::IntCmp(IntCmp::LtU), I32x4);
        visit_i32x4_gt_s => self.vec_binop(B::IntCmp(IntCmp::GtS), I32x4);
        visit_i32x4_gt_u => self.vec_binop(B::IntCmp(IntCmp::GtU), I32x4);
        visit_i32x4_le_s => self.vec_binop(B::IntCmp(IntCmp::LeS), I32x4);
        visit_i32x4_le_u => self.vec_binop(B::IntCmp(IntCmp::LeU), I32x4);
        visit_i32x4_ge_s => self.vec_binop(B::IntCmp(IntCmp::GeS), I32x4);
        visit_i32x4_ge_u => self.vec_binop(B::IntCmp(IntCmp::GeU), I32x4);
        visit_i64x2_eq => self.vec_binop(B::IntCmp(IntCmp::Eq), I64x2);
        visit_i64x2_ne => self.vec_binop(B::IntCmp(IntCmp::Ne), I64x2);
        visit_i64x2_lt_s => self.vec_binop(B::IntCmp(IntCmp::LtS), I64x2);
        visit_i64x2_gt_s => self.vec_binop(B::IntCmp(IntCmp::GtS), I64x2);
        visit_i64x2_le_s => self.vec_binop(B::IntCmp(IntCmp::LeS), I64x2);
        visit_i64x2_ge_s => self.vec_binop(B::IntCmp(IntCmp::GeS), I64x2);
        visit_f32x4_eq => self.vec_binop(B::FloatCmp(FloatCmp::Eq), F32x4);
        visit_f32x4_ne => self.vec_binop(B::FloatCmp(FloatCmp::Ne), F32x4);
        visit_f32x4_lt => self.vec_binop(B::FloatCmp(FloatCmp::Lt), F32x4);
        visit_f32x4_gt => self.vec_binop(B::FloatCmp(FloatCmp::Gt), F32x4);
        visit_f32x4_le => self.vec_binop(B::FloatCmp(FloatCmp::Le), F32x4);
        visit_f32x4_ge => self.vec_binop(B::FloatCmp(FloatCmp::Ge), F32x4);
        visit_f64x2_eq => self.vec_binop(B::FloatCmp(FloatCmp::Eq), F64x2);
        visit_f64x2_ne => self.vec_binop(B::FloatCmp(FloatCmp::Ne), F64x2);
        visit_f64x2_lt => self.vec_binop(B::FloatCmp(FloatCmp::Lt), F64x2);
        visit_f64x2_gt => self.vec_binop(B::FloatCmp(FloatCmp::Gt), F64x2);
        visit_f64x2_le => self.vec_binop(B::FloatCmp(FloatCmp::Le), F64x2);
        visit_f64x2_ge => self.vec_binop(B::FloatCmp(FloatCmp::Ge), F64x2);
        // ---- Integer arithmetic ------------------------------------
        visit_i8x16_abs => self.vec_unop(U::Abs, I8x16);
        visit_i16x8_abs => self.vec_unop(U::Abs, I16x8);
        visit_i32x4_abs => self.vec_unop(U::Abs, I32x4);
        visit_i64x2_abs => self.vec_unop(U::Abs, I64x2);
        visit_i8x16_neg => self.vec_unop(U::Neg, I8x16);
        visit_i16x8_neg => self.vec_unop(U::Neg, I16x8);
        visit_i32x4_neg => self.vec_unop(U::Neg, I32x4);
        visit_i64x2_neg => self.vec_unop(U::Neg, I64x2);
        visit_i8x16_popcnt => self.vec_unop(U::Popcnt, I8x16);
        visit_i8x16_add => self.vec_binop(B::Add, I8x16);
        visit_i16x8_add => self.vec_binop(B::Add, I16x8);
        visit_i32x4_add => self.vec_binop(B::Add, I32x4);
        visit_i64x2_add => self.vec_binop(B::Add, I64x2);
        visit_i8x16_sub => self.vec_binop(B::Sub, I8x16);
        visit_i16x8_sub => self.vec_binop(B::Sub, I16x8);
        visit_i32x4_sub => self.vec_binop(B::Sub, I32x4);
        visit_i64x2_sub => self.vec_binop(B::Sub, I64x2);
        visit_i16x8_mul => self.vec_binop(B::Mul, I16x8);
        visit_i32x4_mul => self.vec_binop(B::Mul, I32x4);
        visit_i64x2_mul => self.vec_binop(B::Mul, I64x2);
        visit_i8x16_add_sat_s => self.vec_binop(B::AddSatS, I8x16);
        visit_i8x16_add_sat_u => self.vec_binop(B::AddSatU, I8x16);
        visit_i8x16_sub_sat_s => self.vec_binop(B::SubSatS, I8x16);
        visit_i8x16_sub_sat_u => self.vec_binop(B::SubSatU, I8x16);
        visit_i16x8_add_sat_s => self.vec_binop(B::AddSatS, I16x8);
        visit_i16x8_add_sat_u => self.vec_binop(B::AddSatU, I16x8);
        visit_i16x8_sub_sat_s => self.vec_binop(B::SubSatS, I16x8);
        visit_i16x8_sub_sat_u => self.vec_binop(B::SubSatU, I16x8);
        visit_i8x16_min_s => self.vec_binop(B::MinS, I8x16);
        visit_i8x16_min_u => self.vec_binop(B::MinU, I8x16);
        visit_i8x16_max_s => self.vec_binop(B::MaxS, I8x16);
        visit_i8x16_max_u => self.vec_binop(B::MaxU, I8x16);
        visit_i16x8_min_s => self.vec_binop(B::MinS, I16x8);
        visit_i16x8_min_u => self.vec_binop(B::MinU, I16x8);
        visit_i16x8_max_s => self.vec_binop(B::MaxS, I16x8);
        visit_i16x8_max_u => self.vec_binop(B::MaxU, I16x8);
        visit_i32x4_min_s => self.vec_binop(B::MinS, I32x4);
        visit_i32x4_min_u => self.vec_binop(B::MinU, I32x4);
        visit_i32x4_max_s => self.vec_binop(B::MaxS, I32x4);
        visit_i32x4_max_u => self.vec_binop(B::MaxU, I32x4);
        visit_i8x16_avgr_u => self.vec_binop(B::AvgrU, I8x16);
        visit_i16x8_avgr_u => self.vec_binop(B::AvgrU, I16x8);
        visit_i16x8_q15mulr_sat_s => self.vec_binop(B::Q15MulrSatS, I16x8);
        visit_i16x8_relaxed_q15mulr_s => self.vec_binop(B::RelaxedQ15Mulr, I16x8);
        visit_i32x4_dot_i16x8_s => self.vec_binop(B::Dot, I32x4);
        visit_i16x8_relaxed_dot_i8x16_i7x16_s => self.vec_binop(B::RelaxedDot, I16x8);
        visit_i32x4_relaxed_dot_i8x16_i7x16_add_s => {
            self.vec_ternary(VecTernaryOp::RelaxedDotAdd, I32x4)
        };
        // ---- Shifts ------------------------------------------------
        visit_i8x16_shl => self.vec_shift(VecShiftOp::Shl, I8x16);
        visit_i8x16_shr_s => self.vec_shift(VecShiftOp::ShrS, I8x16);
        visit_i8x16_shr_u => self.vec_shift(VecShiftOp::ShrU, I8x16);
        visit_i16x8_shl => self.vec_shift(VecShiftOp::Shl, I16x8);
        visit_i16x8_shr_s => self.vec_shift(VecShiftOp::ShrS, I16x8);
        visit_i16x8_shr_u => self.vec_shift(VecShiftOp::ShrU, I16x8);
        visit_i32x4_shl => self.vec_shift(VecShiftOp::Shl, I32x4);
        visit_i32x4_shr_s => self.vec_shift(VecShiftOp::ShrS, I32x4);
        visit_i32x4_shr_u => self.vec_shift(VecShiftOp::ShrU, I32x4);
        visit_i64x2_shl => self.vec_shift(VecShiftOp::Shl, I64x2);
        visit_i64x2_shr_s => self.vec_shift(VecShiftOp::ShrS, I64x2);
        visit_i64x2_shr_u => self.vec_shift(VecShiftOp::ShrU, I64x2);
        // ---- Narrowing and widening --------------------------------
        visit_i8x16_narrow_i16x8_s => self.vec_binop(B::NarrowS, I8x16);
        visit_i8x16_narrow_i16x8_u => self.vec_binop(B::NarrowU, I8x16);
        visit_i16x8_narrow_i32x4_s => self.vec_binop(B::NarrowS, I16x8);
        visit_i16x8_narrow_i32x4_u => self.vec_binop(B::NarrowU, I16x8);
        visit_i16x8_extend_low_i8x16_s => self.vec_unop(U::ExtendLowS, I16x8);
        visit_i16x8_extend_high_i8x16_s => self.vec_unop(U::ExtendHighS, I16x8);
        visit_i16x8_extend_low_i8x16_u => self.vec_unop(U::ExtendLowU, I16x8);
        visit_i16x8_extend_high_i8x16_u => self.vec_unop(U::ExtendHighU, I16x8);
        visit_i32x4_extend_low_i16x8_s => self.vec_unop(U::ExtendLowS, I32x4);
        visit_i32x4_extend_high_i16x8_s => self.vec_unop(U::ExtendHighS, I32x4);
        visit_i32x4_extend_low_i16x8_u => self.vec_unop(U::ExtendLowU, I32x4);
        visit_i32x4_extend_high_i16x8_u => self.vec_unop(U::ExtendHighU, I32x4);
        visit_i64x2_extend_low_i32x4_s => self.vec_unop(U::ExtendLowS, I64x2);
        visit_i64x2_extend_high_i32x4_s => self.vec_unop(U::ExtendHighS, I64x2);
        visit_i64x2_extend_low_i32x4_u => self.vec_unop(U::ExtendLowU, I64x2);
        visit_i64x2_extend_high_i32x4_u => self.vec_unop(U::ExtendHighU, I64x2);
        visit_i16x8_extadd_pairwise_i8x16_s => self.vec_unop(U::ExtAddPairwiseS, I16x8);
        visit_i16x8_extadd_pairwise_i8x16_u => self.vec_unop(U::ExtAddPairwiseU, I16x8);
        visit_i32x4_extadd_pairwise_i16x8_s => self.vec_unop(U::ExtAddPairwiseS, I32x4);
        visit_i32x4_extadd_pairwise_i16x8_u => self.vec_unop(U::ExtAddPairwiseU, I32x4);
        visit_i16x8_extmul_low_i8x16_s => self.vec_binop(B::ExtMulLowS, I16x8);
        visit_i16x8_extmul_high_i8x16_s => self.vec_binop(B::ExtMulHighS, I16x8);
        visit_i16x8_extmul_low_i8x16_u => self.vec_binop(B::ExtMulLowU, I16x8);
        visit_i16x8_extmul_high_i8x16_u => self.vec_binop(B::ExtMulHighU, I16x8);
        visit_i32x4_extmul_low_i16x8_s => self.vec_binop(B::ExtMulLowS, I32x4);
        visit_i32x4_extmul_high_i16x8_s => self.vec_binop(B::ExtMulHighS, I32x4);
        visit_i32x4_extmul_low_i16x8_u => self.vec_binop(B::ExtMulLowU, I32x4);
        visit_i32x4_extmul_high_i16x8_u => self.vec_binop(B::ExtMulHighU, I32x4);
        visit_i64x2_extmul_low_i32x4_s => self.vec_binop(B::ExtMulLowS, I64x2);
        visit_i64x2_extmul_high_i32x4_s => self.vec_binop(B::ExtMulHighS, I64x2);
        visit_i64x2_extmul_low_i32x4_u => self.vec_binop(B::ExtMulLowU, I64x2);
        visit_i64x2_extmul_high_i32x4_u => self.vec_binop(B::ExtMulHighU, I64x2);
        // ---- Float arithmetic --------------------------------------
        visit_f32x4_ceil => self.vec_unop(U::Ceil, F32x4);
        visit_f32x4_floor => self.vec_unop(U::Floor, F32x4);
        visit_f32x4_trunc => self.vec_unop(U::Trunc, F32x4);
        visit_f32x4_nearest => self.vec_unop(U::Nearest, F32x4);
        visit_f32x4_abs => self.vec_unop(U::Abs, F32x4);
        visit_f32x4_neg => self.vec_unop(U::Neg, F32x4);
        visit_f32x4_sqrt => self.vec_unop(U::Sqrt, F32x4);
        visit_f64x2_ceil => self.vec_unop(U::Ceil, F64x2);
        visit_f64x2_floor => self.vec_unop(U::Floor, F64x2);
        visit_f64x2_trunc => self.vec_unop(U::Trunc, F64x2);
        visit_f64x2_nearest => self.vec_unop(U::Nearest, F64x2);
        visit_f64x2_abs => self.vec_unop(U::Abs, F64x2);
        visit_f64x2_neg => self.vec_unop(U::Neg, F64x2);
        visit_f64x2_sqrt => self.vec_unop(U::Sqrt, F64x2);
        visit_f32x4_add => self.vec_binop(B::Add, F32x4);
        visit_f32x4_sub => self.vec_binop(B::Sub, F32x4);
        visit_f32x4_mul => self.vec_binop(B::Mul, F32x4);
        visit_f32x4_div => self.vec_binop(B::Div, F32x4);
        visit_f32x4_min => self.vec_binop(B::Min, F32x4);
        visit_f32x4_max => self.vec_binop(B::Max, F32x4);
        visit_f32x4_pmin => self.vec_binop(B::PMin, F32x4);
        visit_f32x4_pmax => self.vec_binop(B::PMax, F32x4);
        visit_f64x2_add => self.vec_binop(B::Add, F64x2);
        visit_f64x2_sub => self.vec_binop(B::Sub, F64x2);
        visit_f64x2_mul => self.vec_binop(B::Mul, F64x2);
        visit_f64x2_div => self.vec_binop(B::Div, F64x2);
        visit_f64x2_min => self.vec_binop(B::Min, F64x2);
        visit_f64x2_max => self.vec_binop(B::Max, F64x2);
        visit_f64x2_pmin => self.vec_binop(B::PMin, F64x2);
        visit_f64x2_pmax => self.vec_binop(B::PMax, F64x2);
        visit_f32x4_relaxed_min => self.vec_binop(B::RelaxedMin, F32x4);
        visit_f32x4_relaxed_max => self.vec_binop(B::RelaxedMax, F32x4);
        visit_f64x2_relaxed_min => self.vec_binop(B::RelaxedMin, F64x2);
        visit_f64x2_relaxed_max => self.vec_binop(B::RelaxedMax, F64x2);
        visit_f32x4_relaxed_madd => self.vec_ternary(VecTernaryOp::RelaxedMadd, F32x4);
        visit_f32x4_relaxed_nmadd => self.vec_ternary(VecTernaryOp::RelaxedNmadd, F32x4);
        visit_f64x2_relaxed_madd => self.vec_ternary(VecTernaryOp::RelaxedMadd, F64x2);
        visit_f64x2_relaxed_nmadd => self.vec_ternary(VecTernaryOp::RelaxedNmadd, F64x2);
        visit_i8x16_relaxed_laneselect => self.vec_ternary(VecTernaryOp::RelaxedLaneselect, I8x16);
        visit_i16x8_relaxed_laneselect => self.vec_ternary(VecTernaryOp::RelaxedLaneselect, I16x8);
        visit_i32x4_relaxed_laneselect => self.vec_ternary(VecTernaryOp::RelaxedLaneselect, I32x4);
        visit_i64x2_relaxed_laneselect => self.vec_ternary(VecTernaryOp::RelaxedLaneselect, I64x2);
        // ---- Conversions -------------------------------------------
        visit_i32x4_trunc_sat_f32x4_s => self.vec_unop(U::TruncSatS, I32x4);
        visit_i32x4_trunc_sat_f32x4_u => self.vec_unop(U::TruncSatU, I32x4);
        visit_f32x4_convert_i32x4_s => self.vec_unop(U::ConvertS, F32x4);
        visit_f32x4_convert_i32x4_u => self.vec_unop(U::ConvertU, F32x4);
        visit_i32x4_trunc_sat_f64x2_s_zero => self.vec_unop(U::TruncSatZeroS, I32x4);
        visit_i32x4_trunc_sat_f64x2_u_zero => self.vec_unop(U::TruncSatZeroU, I32x4);
        visit_f64x2_convert_low_i32x4_s => self.vec_unop(U::ConvertLowS, F64x2);
        visit_f64x2_convert_low_i32x4_u => self.vec_unop(U::ConvertLowU, F64x2);
        visit_f32x4_demote_f64x2_zero => self.vec_unop(U::DemoteZero, F32x4);
        visit_f64x2_promote_low_f32x4 => self.vec_unop(U::PromoteLow, F64x2);
        visit_i32x4_relaxed_trunc_f32x4_s => self.vec_unop(U::RelaxedTruncS, I32x4);
        visit_i32x4_relaxed_trunc_f32x4_u => self.vec_unop(U::RelaxedTruncU, I32x4);
        visit_i32x4_relaxed_trunc_f64x2_s_zero => self.vec_unop(U::RelaxedTruncZeroS, I32x4);
        visit_i32x4_relaxed_trunc_f64x2_u_zero => self.vec_unop(U::RelaxedTruncZeroU, I32x4);
    }
}
