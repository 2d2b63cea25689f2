//! Traps: the ways a WebAssembly computation can abort (spec §4.4), and the
//! error value the host receives when one happens.
//!
//! JIT code never unwinds through Rust. A trap is raised either by a guard-page
//! fault (out-of-bounds memory access) or by an out-of-line trap stub after an
//! explicit check; both arrive in the signal handler, which maps the faulting
//! program counter to a [`TrapCode`] and resumes at the entry trampoline's
//! unwind point. The host then sees `Err(Error::Trap(..))`, which carries
//! the wasm frames that were live at the trap ([`WasmBacktrace`], captured
//! by `runtime::backtrace`).

use crate::dwarf::DebugInfo;
use std::fmt;
use std::sync::{Arc, OnceLock};

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
    /// Fuel metering is on (`Config::consume_fuel`) and the store's fuel
    /// ran out.
    OutOfFuel,
    /// Epoch interruption is on (`Config::epoch_interruption`) and the
    /// engine's epoch reached the store's deadline.
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

    /// The code with this byte value (the trap table's encoding). `ALL`
    /// is in byte order from 1, so this is one indexed load (the filter
    /// keeps it right if that ever changes).
    pub fn from_u8(code: u8) -> Option<TrapCode> {
        let at = (code as usize).wrapping_sub(1);
        TrapCode::ALL.get(at).copied().filter(|c| *c as u8 == code)
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

/// A trap as the host sees it: the code, for [`TrapCode::HostError`] the
/// host function's own message (and its error value, when it returned
/// one: [`Trap::host_error`]), and the wasm frames it unwound.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trap {
    /// Why the computation trapped.
    pub code: TrapCode,
    /// For a host function's error, its message.
    pub host_message: Option<String>,
    host_error: Option<HostError>,
    backtrace: WasmBacktrace,
}

/// The error value a host function failed with, carried through the wasm
/// frames it unwinds so the host that called in can downcast it.
#[derive(Clone)]
struct HostError(Arc<dyn std::error::Error + Send + Sync>);

impl fmt::Debug for HostError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

/// The same error value, not an equal one (errors need not be `Eq`).
impl PartialEq for HostError {
    fn eq(&self, other: &HostError) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for HostError {}

impl Trap {
    /// A trap with `code`.
    pub fn new(code: TrapCode) -> Trap {
        Trap {
            code,
            host_message: None,
            host_error: None,
            backtrace: WasmBacktrace::default(),
        }
    }

    /// A trap raised by a host function with its own message.
    pub fn host(message: impl Into<String>) -> Trap {
        Trap {
            code: TrapCode::HostError,
            host_message: Some(message.into()),
            host_error: None,
            backtrace: WasmBacktrace::default(),
        }
    }

    /// A trap raised by a host function that failed with `error`: its
    /// message is the error's, and the error itself comes back to the host
    /// that called into wasm ([`Trap::host_error`], `Error::downcast_ref`).
    pub fn from_host_error(error: impl std::error::Error + Send + Sync + 'static) -> Trap {
        Trap {
            code: TrapCode::HostError,
            host_message: Some(error.to_string()),
            host_error: Some(HostError(Arc::new(error))),
            backtrace: WasmBacktrace::default(),
        }
    }

    /// The error value of the host function that raised this trap, if it
    /// failed with one.
    pub fn host_error(&self) -> Option<&(dyn std::error::Error + Send + Sync + 'static)> {
        self.host_error.as_ref().map(|e| &*e.0)
    }

    /// The wasm frames that were executing when the trap happened, innermost
    /// first. Empty for a trap that no wasm code raised (a host function
    /// called directly from the host, an instantiation failure).
    pub fn backtrace(&self) -> &WasmBacktrace {
        &self.backtrace
    }

    /// Add the frames of an activation this trap unwound, which lie outside
    /// (further from the trap than) the frames it has. A trap that crossed a
    /// host function (wasm → host → wasm) gets the frames on both sides.
    /// After a truncated backtrace more frames would leave a gap, so they
    /// are dropped.
    pub(crate) fn add_outer_frames(&mut self, outer: WasmBacktrace) {
        if self.backtrace.truncated {
            return;
        }
        self.backtrace.frames.extend(outer.frames);
        self.backtrace.truncated = outer.truncated;
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

impl std::error::Error for Trap {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.host_error
            .as_ref()
            .map(|e| &*e.0 as &(dyn std::error::Error + 'static))
    }
}

/// The wasm call stack at a trap, innermost frame first.
///
/// Its `Display` is the block a command-line tool prints under the error:
/// each frame's function, and the byte offset in the module binary of the
/// instruction it was executing ([`FrameInfo::module_offset`]): the one
/// that trapped in the innermost frame, the call in the others; and, when
/// the module carries DWARF, the source lines under each frame (see
/// [`FrameInfo`]'s `Display`).
///
/// ```text
/// wasm backtrace:
///     0: func 2 <divide> @ 0x5a
///     1: func 1 <compute> @ 0x4e
///     2: func 0 @ 0x41
/// ```
///
/// The trap's own `Display` stays a single line (it is the message the spec
/// testsuite expects); this is shown separately.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WasmBacktrace {
    frames: Vec<FrameInfo>,
    truncated: bool,
}

impl WasmBacktrace {
    /// The most frames a backtrace records (a deeper stack is truncated).
    pub const MAX_FRAMES: usize = crate::runtime::backtrace::MAX_FRAMES;

    pub(crate) fn new(frames: Vec<FrameInfo>, truncated: bool) -> WasmBacktrace {
        WasmBacktrace { frames, truncated }
    }

    /// The frames, innermost (the one that trapped) first. Host frames in
    /// between are not listed.
    pub fn frames(&self) -> &[FrameInfo] {
        &self.frames
    }

    /// Whether outer frames are missing: only a bounded number of frames is
    /// recorded, which a deep recursion (a stack overflow) exceeds.
    pub fn is_truncated(&self) -> bool {
        self.truncated
    }

    /// Whether no frame was recorded.
    pub fn is_empty(&self) -> bool {
        self.frames.is_empty()
    }
}

impl fmt::Display for WasmBacktrace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("wasm backtrace:")?;
        for (i, frame) in self.frames.iter().enumerate() {
            write!(f, "\n{i:>5}: {frame}")?;
        }
        if self.truncated {
            f.write_str("\n    ... (outer frames not recorded)")?;
        }
        Ok(())
    }
}

/// One wasm frame of a [`WasmBacktrace`].
#[derive(Clone, Debug)]
pub struct FrameInfo {
    func_index: u32,
    func_name: Option<String>,
    module_offset: Option<usize>,
    /// The DWARF of the frame's module, when it has some: the frame's
    /// symbols are looked up in it on first use.
    debug: Option<Arc<DebugInfo>>,
    symbols: OnceLock<Vec<FrameSymbol>>,
}

impl FrameInfo {
    pub(crate) fn new(
        func_index: u32,
        func_name: Option<String>,
        module_offset: Option<usize>,
        debug: Option<Arc<DebugInfo>>,
    ) -> FrameInfo {
        FrameInfo {
            func_index,
            func_name,
            module_offset,
            debug,
            symbols: OnceLock::new(),
        }
    }

    /// The function's index in its module's function index space (imports
    /// first), as in the name section and `flint explain`.
    pub fn func_index(&self) -> u32 {
        self.func_index
    }

    /// The function's name from its module's name section, if it has one.
    pub fn func_name(&self) -> Option<&str> {
        self.func_name.as_deref()
    }

    /// The byte offset, in the module binary, of the instruction this frame
    /// was executing: in the innermost frame the one that trapped, in the
    /// others the call to the next frame in. A trap in the function's
    /// prologue (the stack-limit check, fuel or epoch checks at entry) is
    /// at the start of the function's body.
    ///
    /// `None` where the trap cannot be told apart from others: checks of
    /// one kind in one function share an out-of-line trap instruction, so
    /// when two instructions (say, two divisions) can raise the same trap
    /// in a function, a trap there names the function but not the
    /// instruction.
    pub fn module_offset(&self) -> Option<usize> {
        self.module_offset
    }

    /// Where in the source this frame was, from the module's DWARF (its
    /// `.debug_*` custom sections, which compilers emit with debug info:
    /// `-g`, or `debug = "line-tables-only"` in a Cargo profile): the
    /// innermost inlined function first, then each function it was inlined
    /// into, and last the function this frame's code belongs to. Without
    /// inlining that is one symbol, whose line is the instruction's
    /// ([`FrameInfo::module_offset`]); with it, each outer symbol's line is
    /// where it called the inlined function before it.
    ///
    /// Empty when the module has no DWARF, the DWARF does not cover the
    /// instruction (a function of a library built without debug info) or
    /// cannot be read (malformed DWARF only costs the locations), the
    /// instruction is unknown (`module_offset` is `None`), or the library
    /// was built without its `dwarf` feature (on by default).
    ///
    /// The DWARF is parsed on the first call for any frame of the module
    /// (once per module), and each frame's symbols are looked up on its
    /// first call: traps that nobody asks about cost nothing.
    pub fn symbols(&self) -> &[FrameSymbol] {
        self.symbols
            .get_or_init(|| match (&self.debug, self.module_offset) {
                (Some(debug), Some(offset)) => debug.symbols(offset),
                _ => Vec::new(),
            })
    }

    /// The source location of this frame's instruction: the first of its
    /// [`symbols`](FrameInfo::symbols) (the innermost inlined function, or
    /// the frame's own), if the DWARF names its file; `None` otherwise.
    pub fn source_location(&self) -> Option<&FrameSymbol> {
        self.symbols().first().filter(|s| s.file.is_some())
    }
}

/// Two frames are equal when they name the same function and instruction
/// of the same module's code (its DWARF, if any, being the same one).
impl PartialEq for FrameInfo {
    fn eq(&self, other: &FrameInfo) -> bool {
        let same_debug = match (&self.debug, &other.debug) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        self.func_index == other.func_index
            && self.func_name == other.func_name
            && self.module_offset == other.module_offset
            && same_debug
    }
}

impl Eq for FrameInfo {}

/// `func 2 <divide> @ 0x5a`, without the name when the function has none,
/// without the offset when it is unknown ([`FrameInfo::module_offset`]); a
/// mangled Rust or C++ name is shown demangled (feature `demangle`, on by
/// default). When the module's DWARF knows where the frame was, one line
/// per [symbol](FrameInfo::symbols) follows, innermost first, each
/// inlined function named after its location:
///
/// ```text
/// func 29 <rust_trap::lookup> @ 0x1016
///            at wasi-tests/rust_trap/src/main.rs:22:5 (inlined entry)
///            at wasi-tests/rust_trap/src/main.rs:28:5
/// func 25 <rust_trap::sum_of> @ 0xce0
///            at wasi-tests/rust_trap/src/main.rs:36:16
/// ```
impl fmt::Display for FrameInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "func {}", self.func_index)?;
        if let Some(name) = &self.func_name {
            write!(f, " <{}>", crate::names::demangle(name))?;
        }
        if let Some(offset) = self.module_offset {
            write!(f, " @ {offset:#x}")?;
        }
        let symbols = self.symbols();
        for (i, symbol) in symbols.iter().enumerate() {
            let inlined = i + 1 < symbols.len();
            // The frame's own function without a file adds nothing to the
            // line above; an inlined one is still worth naming.
            if symbol.file.is_none() && !inlined {
                continue;
            }
            write!(f, "\n           at {symbol}")?;
            if inlined {
                match &symbol.name {
                    Some(name) => write!(f, " (inlined {})", crate::names::demangle(name))?,
                    None => f.write_str(" (inlined)")?,
                }
            }
        }
        Ok(())
    }
}

/// A function and source location of a frame, from the module's DWARF
/// ([`FrameInfo::symbols`]). Any part may be missing from the DWARF.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrameSymbol {
    name: Option<String>,
    file: Option<String>,
    line: Option<u32>,
    column: Option<u32>,
}

impl FrameSymbol {
    /// Only DWARF lookups make symbols.
    #[cfg_attr(not(feature = "dwarf"), allow(dead_code))]
    pub(crate) fn new(
        name: Option<String>,
        file: Option<String>,
        line: Option<u32>,
        column: Option<u32>,
    ) -> FrameSymbol {
        FrameSymbol {
            name,
            file,
            line,
            column,
        }
    }

    /// The function's name as the DWARF has it: for Rust and C++ usually
    /// the mangled linkage name (the `Display` of [`FrameInfo`] shows it
    /// demangled).
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// The source file, as the compiler recorded its path (joined to the
    /// compilation directory when it was relative).
    pub fn file(&self) -> Option<&str> {
        self.file.as_deref()
    }

    /// The line, counting from 1.
    pub fn line(&self) -> Option<u32> {
        self.line
    }

    /// The column, counting from 1 (`None` when the compiler recorded
    /// none).
    pub fn column(&self) -> Option<u32> {
        self.column
    }
}

/// `file:line:column`, as much of it as is known (`?` for no file).
impl fmt::Display for FrameSymbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.file.as_deref().unwrap_or("?"))?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        Ok(())
    }
}
