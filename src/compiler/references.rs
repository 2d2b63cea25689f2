//! Reference operators (`ref.*`) and table operators (`table.*`,
//! `elem.drop`).
//!
//! A reference is a 64-bit value in an integer register: the address of a
//! function's `FuncRef` record or of a host reference, 0 for null. So
//! `ref.null` is a constant, `ref.is_null` a compare with zero, and
//! `ref.func` an address inside the instance's own vmctx, where every
//! function has its record. Table operators other than `call_indirect` are
//! calls into the runtime (`call_runtime`): they check bounds, may grow a
//! table, and must keep the references they store alive.

use super::visit::lowerings;
use super::FuncCompiler;
use crate::masm::{IntUnOp, MacroAssembler, RegClass};
use crate::runtime::vmctx;
use crate::trap::TrapCode;
use crate::types::ValType;
use wasmparser::HeapType;

/// The trap of an out-of-bounds table access.
const OOB: Option<TrapCode> = Some(TrapCode::TableAccessOutOfBounds);

impl<M: MacroAssembler> FuncCompiler<'_, '_, M> {
    // References and tables. Everything that touches a table calls into
    // the runtime, which owns the tables.
    lowerings! { self;
        visit_ref_null(hty: HeapType) => {
            let ty = if hty == wasmparser::HeapType::EXTERN {
                ValType::ExternRef
            } else {
                ValType::FuncRef
            };
            self.push(ty, super::Slot::Const(0));
        };
        visit_ref_is_null => {
            let (_, r) = self.pop_reg();
            self.masm.int_unop(IntUnOp::Eqz, ValType::I64, r, r);
            self.push_reg(ValType::I32, r);
        };
        visit_ref_func(function_index: u32) => {
            let r = self.alloc_reg(RegClass::Int);
            let offset = self.env.offsets.func_ref(function_index);
            self.masm.vmctx_address(r, offset);
            self.push_reg(ValType::FuncRef, r);
        };
        visit_table_get(table: u32) => {
            let ty = self.env.tables[table as usize];
            self.call_runtime(vmctx::BUILTIN_TABLE_GET, &[table as i64], 1, Some(ty), OOB);
        };
        visit_table_set(table: u32) => {
            self.call_runtime(vmctx::BUILTIN_TABLE_SET, &[table as i64], 2, None, OOB)
        };
        visit_table_size(table: u32) => {
            let (builtin, size) = (vmctx::BUILTIN_TABLE_SIZE, Some(ValType::I32));
            self.call_runtime(builtin, &[table as i64], 0, size, None)
        };
        visit_table_grow(table: u32) => {
            let (builtin, old) = (vmctx::BUILTIN_TABLE_GROW, Some(ValType::I32));
            self.call_runtime(builtin, &[table as i64], 2, old, None)
        };
        visit_table_fill(table: u32) => {
            self.call_runtime(vmctx::BUILTIN_TABLE_FILL, &[table as i64], 3, None, OOB)
        };
        visit_table_copy(dst_table: u32, src_table: u32) => {
            let tables = [dst_table as i64, src_table as i64];
            self.call_runtime(vmctx::BUILTIN_TABLE_COPY, &tables, 3, None, OOB)
        };
        visit_table_init(elem_index: u32, table: u32) => {
            let imms = [table as i64, elem_index as i64];
            self.call_runtime(vmctx::BUILTIN_TABLE_INIT, &imms, 3, None, OOB)
        };
        visit_elem_drop(elem_index: u32) => self.call_runtime(
            vmctx::BUILTIN_ELEM_DROP,
            &[elem_index as i64],
            0,
            None,
            None,
        );
    }
}
