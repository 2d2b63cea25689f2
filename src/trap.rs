//! Traps: the ways a WebAssembly computation can abort (spec §4.4), and the
//! error value the host receives when one happens.
//!
//! JIT code never unwinds through Rust. A trap is raised either by a guard-page
//! fault (out-of-bounds memory access) or by an out-of-line trap stub after an
//! explicit check; both arrive in the signal handler, which maps the faulting
//! program counter to a [`TrapCode`] and resumes at the entry trampoline's
//! unwind point. The host then sees `Err(Error::Trap(..))`.

use std::fmt;

/// Why a computation trapped. The `Display` strings are the spec
/// testsuite's expected messages.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum TrapCode {
    /// `unreachable` was executed.
    Unreachable = 1,
    /// A load or store outside the linear memory.
    MemoryOutOfBounds,
    /// `i32.div_s`, `i32.rem_s`, ... with a zero divisor.
    IntegerDivideByZero,
    /// Signed division overflow (`INT_MIN / -1`) or a float-to-int
    /// truncation whose result does not fit.
    IntegerOverflow,
    /// Float-to-int truncation of a NaN.
    InvalidConversionToInteger,
    /// `call_indirect` with an index beyond the table's size.
    TableOutOfBounds,
    /// A table access (element segment, table operation) beyond its size.
    TableAccessOutOfBounds,
    /// `call_indirect` to a null table element.
    UninitializedElement,
    /// `call_indirect` whose callee's type differs from the expected one.
    IndirectCallTypeMismatch,
    /// The wasm stack limit was reached (checked in every prologue).
    StackOverflow,
    /// A host function returned an error; the error itself travels beside
    /// the trap code (see `runtime::activation`).
    HostError,
    /// Fuel metering is on (`Config::consume_fuel`) and the instance's fuel
    /// ran out.
    OutOfFuel,
    /// Epoch interruption is on (`Config::epoch_interruption`) and the
    /// engine's epoch reached the instance's deadline.
    Interrupt,
}

impl TrapCode {
    /// All codes, for decoding the byte JIT code stores in its trap table.
    pub const ALL: [TrapCode; 13] = [
        TrapCode::Unreachable,
        TrapCode::MemoryOutOfBounds,
        TrapCode::IntegerDivideByZero,
        TrapCode::IntegerOverflow,
        TrapCode::InvalidConversionToInteger,
        TrapCode::TableOutOfBounds,
        TrapCode::TableAccessOutOfBounds,
        TrapCode::UninitializedElement,
        TrapCode::IndirectCallTypeMismatch,
        TrapCode::StackOverflow,
        TrapCode::HostError,
        TrapCode::OutOfFuel,
        TrapCode::Interrupt,
    ];

    pub fn from_u8(code: u8) -> Option<TrapCode> {
        TrapCode::ALL.iter().copied().find(|c| *c as u8 == code)
    }

    /// The message the spec testsuite expects for this trap.
    pub fn message(self) -> &'static str {
        match self {
            TrapCode::Unreachable => "unreachable",
            TrapCode::MemoryOutOfBounds => "out of bounds memory access",
            TrapCode::IntegerDivideByZero => "integer divide by zero",
            TrapCode::IntegerOverflow => "integer overflow",
            TrapCode::InvalidConversionToInteger => "invalid conversion to integer",
            TrapCode::TableOutOfBounds => "undefined element",
            TrapCode::TableAccessOutOfBounds => "out of bounds table access",
            TrapCode::UninitializedElement => "uninitialized element",
            TrapCode::IndirectCallTypeMismatch => "indirect call type mismatch",
            TrapCode::StackOverflow => "call stack exhausted",
            TrapCode::HostError => "host function error",
            TrapCode::OutOfFuel => "all fuel consumed by WebAssembly",
            TrapCode::Interrupt => "interrupt",
        }
    }
}

impl fmt::Display for TrapCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

/// A trap as the host sees it: the code, and for [`TrapCode::HostError`]
/// the host function's own message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trap {
    pub code: TrapCode,
    pub host_message: Option<String>,
}

impl Trap {
    pub fn new(code: TrapCode) -> Trap {
        Trap {
            code,
            host_message: None,
        }
    }

    /// A trap raised by a host function with its own message.
    pub fn host(message: impl Into<String>) -> Trap {
        Trap {
            code: TrapCode::HostError,
            host_message: Some(message.into()),
        }
    }
}

impl fmt::Display for Trap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.host_message {
            Some(m) => write!(f, "{}: {m}", self.code),
            None => write!(f, "{}", self.code),
        }
    }
}

impl std::error::Error for Trap {}
