//! The dispatch: one visit per operator, straight from the bytes.
//!
//! wasmparser's `OperatorsReader::visit_operator` decodes one operator and
//! calls the method of its visitor named after it (`visit_i32_add`,
//! `visit_br_if(relative_depth)`, ...) with the immediates as arguments.
//! [`ValidateThenCompile`] is that visitor. Each of its methods hands the
//! operator to the function's validator, then to the compiler's method of
//! the same name. So one decode picks the code to run, and nothing in
//! between builds a `wasmparser::Operator` value or matches on one: the
//! method knows its operator statically. This is how `validate_all`, the
//! floor Flint's compile speed is measured against, reads the bytes too
//! (and Winch's `ValidateThenVisit` is the same idea).
//!
//! The compiler's per-operator methods are the tables in each operator
//! family's chapter (`numeric`, `memory`, `simd`, ...), written with
//! [`lowerings!`]: one row per operator, mapping it to one of the family's
//! few general lowerings. Around each, [`FuncCompiler::compile_op`] runs
//! the steps every operator shares: noting its wasm offset for trap sites,
//! emitting a held-back comparison that it does not consume, and skipping
//! dead code, where only the block structure is followed. Which operators
//! are special to those steps is the one small table here, [`op_class!`].
//!
//! The engine validates with only the proposals Flint compiles turned on,
//! so an operator of any other proposal is rejected by the validator
//! before its method runs. Those methods exist all the same (wasmparser's
//! visitor trait has one method per operator of every proposal) and
//! return [`Error::Unsupported`].

use super::trace::FuncTrace;
use super::FuncCompiler;
use crate::error::Error;
use crate::masm::MacroAssembler;
use wasmparser::{FuncValidator, ValidatorResources, VisitOperator, VisitSimdOperator};

/// Defines the compiler's method for each operator from a table of rows
/// `visit_name(immediate: Type, ...) => lowering;`, in an `impl
/// FuncCompiler` block. The method names are wasmparser's visitor methods,
/// which [`ValidateThenCompile`] calls. `self` is passed in because macro
/// hygiene would not let a lowering written at the call site see the
/// method's own `self`.
macro_rules! lowerings {
    ($self:ident; $( $visit:ident $(($($arg:ident: $ty:ty),*))? => $lowering:expr; )*) => {
        $(
            pub(super) fn $visit(&mut $self $($(, $arg: $ty)*)?) -> $crate::compiler::visit::OpResult {
                $lowering;
                Ok(())
            }
        )*
    };
}
pub(super) use lowerings;

/// What the methods for one operator return. The error is boxed because
/// these run once per operator and almost never fail: a
/// `Result<(), Box<Error>>` comes back in a register, where a
/// `Result<(), Error>` (80 bytes) comes back through memory at every level
/// of the dispatch.
pub(super) type OpResult = std::result::Result<(), Box<Error>>;

/// A validation error, boxed for [`OpResult`]; off the hot path.
#[cold]
fn invalid(e: wasmparser::BinaryReaderError) -> Box<Error> {
    Box::new(Error::from(e))
}

/// Where an operator sits in the block structure, which is all that is
/// followed through dead code.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(super) enum Structure {
    /// Neither opens nor closes a block.
    None,
    /// `block`, `loop`, `if`: opens one.
    Opens,
    /// `else`: closes the `if` arm and opens the `else` arm.
    Else,
    /// `end`: closes one.
    End,
}

/// What the steps shared by every operator need to know about it.
#[derive(Copy, Clone, Debug)]
pub(super) struct OpClass {
    pub structure: Structure,
    /// `br_if` and `if` take a held-back comparison as their condition
    /// (see `numeric::int_cmp`); before any other operator it is emitted.
    pub fuses_cmp: bool,
}

impl OpClass {
    const PLAIN: OpClass = OpClass::new(Structure::None, false);

    const fn new(structure: Structure, fuses_cmp: bool) -> OpClass {
        OpClass {
            structure,
            fuses_cmp,
        }
    }
}

/// The class of the operator whose visitor method is named `$visit`.
macro_rules! op_class {
    (visit_block) => {
        OpClass::new(Structure::Opens, false)
    };
    (visit_loop) => {
        OpClass::new(Structure::Opens, false)
    };
    (visit_if) => {
        OpClass::new(Structure::Opens, true)
    };
    (visit_else) => {
        OpClass::new(Structure::Else, false)
    };
    (visit_end) => {
        OpClass::new(Structure::End, false)
    };
    (visit_br_if) => {
        OpClass::new(Structure::None, true)
    };
    ($other:ident) => {
        OpClass::PLAIN
    };
}

/// wasmparser's visitor for one operator of a function body: validate it,
/// then compile it. A new one is made for each operator (it is three
/// references, an optional fourth and an offset), because it carries the
/// operator's offset.
pub(super) struct ValidateThenCompile<'v, 'a, 'e, M: MacroAssembler> {
    pub validator: &'v mut FuncValidator<ValidatorResources>,
    pub fc: &'v mut FuncCompiler<'a, 'e, M>,
    /// `flint explain` and the asm-tests record what each operator became.
    pub trace: Option<&'v mut FuncTrace>,
    pub offset: usize,
}

impl<M: MacroAssembler> ValidateThenCompile<'_, '_, '_, M> {
    #[inline(always)]
    fn compile(
        &mut self,
        class: OpClass,
        lower: impl FnOnce(&mut FuncCompiler<'_, '_, M>) -> OpResult,
    ) -> OpResult {
        match self.trace.as_deref_mut() {
            None => self.fc.compile_op(class, self.offset, lower),
            Some(trace) => {
                let before = self.fc.trace_before(class, trace);
                self.fc.compile_op(class, self.offset, lower)?;
                self.fc.trace_after(self.offset, before, trace);
                Ok(())
            }
        }
    }
}

/// Compile an operator of a proposal Flint compiles; reject any other.
macro_rules! compile_or_reject {
    ($s:ident, mvp, $visit:ident $(, $arg:ident)*) => { compile_or_reject!(@compile $s, $visit $(, $arg)*) };
    ($s:ident, sign_extension, $visit:ident $(, $arg:ident)*) => { compile_or_reject!(@compile $s, $visit $(, $arg)*) };
    ($s:ident, saturating_float_to_int, $visit:ident $(, $arg:ident)*) => { compile_or_reject!(@compile $s, $visit $(, $arg)*) };
    ($s:ident, bulk_memory, $visit:ident $(, $arg:ident)*) => { compile_or_reject!(@compile $s, $visit $(, $arg)*) };
    ($s:ident, reference_types, $visit:ident $(, $arg:ident)*) => { compile_or_reject!(@compile $s, $visit $(, $arg)*) };
    ($s:ident, simd, $visit:ident $(, $arg:ident)*) => { compile_or_reject!(@compile $s, $visit $(, $arg)*) };
    ($s:ident, relaxed_simd, $visit:ident $(, $arg:ident)*) => { compile_or_reject!(@compile $s, $visit $(, $arg)*) };
    (@compile $s:ident, $visit:ident $(, $arg:ident)*) => {
        $s.compile(op_class!($visit), |fc| fc.$visit($($arg),*))
    };
    ($s:ident, $proposal:ident, $visit:ident $(, $arg:ident)*) => {{
        $(let _ = $arg;)*
        Err(Box::new(Error::Unsupported {
            feature: stringify!($proposal).replace('_', " "),
            offset: $s.offset,
        }))
    }};
}

/// The visitor methods, from wasmparser's list of operators: validate
/// with the validator's visitor named `$validator`, then compile.
macro_rules! validate_then_compile {
    ($validator:ident; $( @$proposal:ident $op:ident $({ $($arg:ident: $argty:ty),* })? => $visit:ident $ann:tt )*) => {
        $(
            fn $visit(&mut self $($(, $arg: $argty)*)?) -> OpResult {
                self.validator
                    .$validator(self.offset as u64)
                    .$visit($($($arg.clone()),*)?)
                    .map_err(invalid)?;
                compile_or_reject!(self, $proposal, $visit $($(, $arg)*)?)
            }
        )*
    };
}

macro_rules! validate_then_compile_core {
    ($($list:tt)*) => { validate_then_compile!(visitor; $($list)*); };
}

macro_rules! validate_then_compile_simd {
    ($($list:tt)*) => { validate_then_compile!(simd_visitor; $($list)*); };
}

#[allow(clippy::clone_on_copy)]
impl<'a, M: MacroAssembler> VisitOperator<'a> for ValidateThenCompile<'_, '_, '_, M> {
    type Output = OpResult;

    fn simd_visitor(&mut self) -> Option<&mut dyn VisitSimdOperator<'a, Output = OpResult>> {
        Some(self)
    }

    wasmparser::for_each_visit_operator!(validate_then_compile_core);
}

#[allow(clippy::clone_on_copy)]
impl<'a, M: MacroAssembler> VisitSimdOperator<'a> for ValidateThenCompile<'_, '_, '_, M> {
    wasmparser::for_each_visit_simd_operator!(validate_then_compile_simd);
}
