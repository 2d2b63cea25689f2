//! Constant expressions: the initialisers of globals, the offsets of active
//! segments and the items of element segments, evaluated once per instance.
//!
//! Nearly every one is a single instruction (a constant, a `global.get`,
//! `ref.null`, `ref.func`), which gets a variant of its own: nothing to
//! interpret. WebAssembly 3.0's extended constant expressions add
//! `i32`/`i64` `add`, `sub` and `mul` (toolchains compute a segment's
//! offset from an imported base, `global.get $base; i32.const 16; i32.add`);
//! such an expression is kept as its instructions and run on a small stack
//! at instantiation. The validator has checked its types; evaluation still
//! cannot panic on a malformed program (an artifact could hold one), it
//! only gives a meaningless value, and loading checks the stack discipline
//! first (`well_formed`).

use crate::error::{Error, Result};

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ConstExpr {
    /// A number or vector, as its bits (`Val::to_u128`).
    Number(u128),
    GlobalGet(u32),
    RefNull,
    RefFunc(u32),
    /// An extended constant expression of more than one instruction.
    Extended(Box<[ConstOp]>),
}

/// One instruction of an extended constant expression.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum ConstOp {
    /// An `i32.const` (zero-extended) or `i64.const`, as bits.
    Const(u64),
    GlobalGet(u32),
    /// `i64.<op>` when `wide`, else `i32.<op>`.
    Binary {
        op: IntOp,
        wide: bool,
    },
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum IntOp {
    Add,
    Sub,
    Mul,
}

impl IntOp {
    /// Wrapping arithmetic on 64 bits is the i32 operation too, once the
    /// result is truncated: both are modular.
    fn apply(self, a: u64, b: u64, wide: bool) -> u64 {
        let r = match self {
            IntOp::Add => a.wrapping_add(b),
            IntOp::Sub => a.wrapping_sub(b),
            IntOp::Mul => a.wrapping_mul(b),
        };
        if wide {
            r
        } else {
            r as u32 as u64
        }
    }
}

impl ConstExpr {
    /// Read a validated constant expression.
    pub(crate) fn read(expr: &wasmparser::ConstExpr<'_>) -> Result<ConstExpr> {
        use wasmparser::Operator as O;
        let mut reader = expr.get_operators_reader();
        let mut ops = Vec::new();
        loop {
            let offset = reader.original_position();
            let op = match reader.read()? {
                O::End => break,
                O::I32Const { value } => ConstOp::Const(value as u32 as u64),
                O::I64Const { value } => ConstOp::Const(value as u64),
                O::GlobalGet { global_index } => ConstOp::GlobalGet(global_index),
                O::I32Add => binary(IntOp::Add, false),
                O::I32Sub => binary(IntOp::Sub, false),
                O::I32Mul => binary(IntOp::Mul, false),
                O::I64Add => binary(IntOp::Add, true),
                O::I64Sub => binary(IntOp::Sub, true),
                O::I64Mul => binary(IntOp::Mul, true),
                // The single-instruction forms of the other types.
                single if ops.is_empty() => {
                    let expr = match single {
                        O::F32Const { value } => ConstExpr::Number(value.bits() as u128),
                        O::F64Const { value } => ConstExpr::Number(value.bits() as u128),
                        O::V128Const { value } => ConstExpr::Number(value.i128() as u128),
                        O::RefNull { .. } => ConstExpr::RefNull,
                        O::RefFunc { function_index } => ConstExpr::RefFunc(function_index),
                        other => return Err(unsupported(&other, offset)),
                    };
                    match reader.read()? {
                        O::End => return Ok(expr),
                        other => return Err(unsupported(&other, reader.original_position())),
                    }
                }
                other => return Err(unsupported(&other, offset)),
            };
            ops.push(op);
        }
        Ok(match ops[..] {
            [ConstOp::Const(bits)] => ConstExpr::Number(bits as u128),
            [ConstOp::GlobalGet(g)] => ConstExpr::GlobalGet(g),
            _ => ConstExpr::Extended(ops.into_boxed_slice()),
        })
    }

    /// The value's bits, with `global(i)` the bits of global `i` and
    /// `func_ref(f)` the reference to function `f`.
    pub(crate) fn eval(
        &self,
        global: impl Fn(u32) -> u128,
        func_ref: impl Fn(u32) -> u128,
    ) -> u128 {
        match self {
            ConstExpr::Number(bits) => *bits,
            ConstExpr::GlobalGet(g) => global(*g),
            ConstExpr::RefNull => 0,
            ConstExpr::RefFunc(f) => func_ref(*f),
            ConstExpr::Extended(ops) => {
                let mut stack: Vec<u64> = Vec::with_capacity(ops.len());
                for op in ops.iter() {
                    let value = match *op {
                        ConstOp::Const(bits) => bits,
                        ConstOp::GlobalGet(g) => global(g) as u64,
                        ConstOp::Binary { op, wide } => {
                            let b = stack.pop().unwrap_or(0);
                            let a = stack.pop().unwrap_or(0);
                            op.apply(a, b, wide)
                        }
                    };
                    stack.push(value);
                }
                stack.pop().unwrap_or(0) as u128
            }
        }
    }

    /// Whether every global and function it names is below `globals` and
    /// `funcs`, and an extended program leaves exactly one value without
    /// popping from an empty stack (checks on a loaded artifact).
    pub(crate) fn well_formed(&self, globals: usize, funcs: u32) -> bool {
        match self {
            ConstExpr::GlobalGet(g) => (*g as usize) < globals,
            ConstExpr::RefFunc(f) => *f < funcs,
            ConstExpr::Number(_) | ConstExpr::RefNull => true,
            ConstExpr::Extended(ops) => {
                let mut depth = 0usize;
                for op in ops.iter() {
                    match *op {
                        ConstOp::Const(_) => depth += 1,
                        ConstOp::GlobalGet(g) if (g as usize) < globals => depth += 1,
                        ConstOp::GlobalGet(_) => return false,
                        ConstOp::Binary { .. } if depth >= 2 => depth -= 1,
                        ConstOp::Binary { .. } => return false,
                    }
                }
                depth == 1
            }
        }
    }
}

fn binary(op: IntOp, wide: bool) -> ConstOp {
    ConstOp::Binary { op, wide }
}

fn unsupported(op: &wasmparser::Operator<'_>, offset: u64) -> Error {
    Error::InvalidModule {
        message: format!("unsupported constant expression {op:?}"),
        offset: offset as usize,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(wat_body: &[u8]) -> ConstExpr {
        // A global section with one i64 global initialised by `wat_body`.
        let mut section = vec![1, 0x7e, 0];
        section.extend_from_slice(wat_body);
        section.push(0x0b);
        let reader =
            wasmparser::GlobalSectionReader::new(wasmparser::BinaryReader::new(&section, 0))
                .unwrap();
        let g = reader.into_iter().next().unwrap().unwrap();
        ConstExpr::read(&g.init_expr).unwrap()
    }

    #[test]
    fn single_instructions_need_no_program() {
        assert_eq!(read(&[0x42, 0x7f]), ConstExpr::Number(u64::MAX as u128));
        assert_eq!(read(&[0x23, 3]), ConstExpr::GlobalGet(3));
    }

    #[test]
    fn extended_expressions_wrap_at_their_width() {
        // global.get 0; i64.const 3; i64.mul; i64.const -1; i64.add
        let e = read(&[0x23, 0, 0x42, 3, 0x7e, 0x42, 0x7f, 0x7c]);
        assert!(matches!(e, ConstExpr::Extended(_)));
        assert!(e.well_formed(1, 0));
        assert!(!e.well_formed(0, 0), "global 0 out of range");
        assert_eq!(e.eval(|_| 5, |_| 0), 14);
        assert_eq!(e.eval(|_| 0, |_| 0), u64::MAX as u128);
        // i32.const 0x7fffffff; i32.const 1; i32.add; i32.const 2; i32.sub
        let e = read(&[
            0x41, 0xff, 0xff, 0xff, 0xff, 0x07, 0x41, 1, 0x6a, 0x41, 2, 0x6b,
        ]);
        assert_eq!(e.eval(|_| 0, |_| 0), 0x7fff_fffe);
        // i32.const 0; i32.const 1; i32.sub: wraps to u32::MAX, not u64.
        let e = read(&[0x41, 0, 0x41, 1, 0x6b]);
        assert_eq!(e.eval(|_| 0, |_| 0), u32::MAX as u128);
    }

    #[test]
    fn malformed_programs_are_caught_and_never_panic() {
        let add = ConstOp::Binary {
            op: IntOp::Add,
            wide: true,
        };
        for ops in [
            vec![add],
            vec![ConstOp::Const(1), ConstOp::Const(2)],
            vec![],
        ] {
            let e = ConstExpr::Extended(ops.into_boxed_slice());
            assert!(!e.well_formed(0, 0));
            let _ = e.eval(|_| 0, |_| 0);
        }
    }
}
