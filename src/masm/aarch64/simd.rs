//! PLACEHOLDER on branch simd-ops only: the aarch64 helper replaces this file
//! with the real lowering. Never merged into main as is.

use super::A64Masm;
use crate::masm::{
    Operand, Reg, Shape, VecBinOp, VecLoadKind, VecShiftOp, VecTernaryOp, VecTest, VecUnOp,
    VectorAssembler,
};

impl VectorAssembler for A64Masm {
    fn vec_binop(&mut self, _: VecBinOp, _: Shape, _: Reg, _: Reg, _: Reg) {
        todo!("simd placeholder")
    }
    fn vec_unop(&mut self, _: VecUnOp, _: Shape, _: Reg, _: Reg) {
        todo!("simd placeholder")
    }
    fn vec_ternary(&mut self, _: VecTernaryOp, _: Shape, _: Reg, _: Reg, _: Reg, _: Reg) {
        todo!("simd placeholder")
    }
    fn vec_shift(&mut self, _: VecShiftOp, _: Shape, _: Reg, _: Reg, _: Operand) {
        todo!("simd placeholder")
    }
    fn vec_test(&mut self, _: VecTest, _: Shape, _: Reg, _: Reg) {
        todo!("simd placeholder")
    }
    fn vec_splat(&mut self, _: Shape, _: Reg, _: Reg) {
        todo!("simd placeholder")
    }
    fn vec_extract_lane(&mut self, _: Shape, _: bool, _: u8, _: Reg, _: Reg) {
        todo!("simd placeholder")
    }
    fn vec_replace_lane(&mut self, _: Shape, _: u8, _: Reg, _: Reg) {
        todo!("simd placeholder")
    }
    fn vec_shuffle(&mut self, _: [u8; 16], _: Reg, _: Reg, _: Reg) {
        todo!("simd placeholder")
    }
    fn vec_load(&mut self, _: VecLoadKind, _: Reg, _: Operand, _: u32) {
        todo!("simd placeholder")
    }
    fn vec_load_lane(&mut self, _: Shape, _: u8, _: Reg, _: Operand, _: u32) {
        todo!("simd placeholder")
    }
    fn vec_store_lane(&mut self, _: Shape, _: u8, _: Reg, _: Operand, _: u32) {
        todo!("simd placeholder")
    }
}
