//! The error type of the embedding API. It separates the things that can go
//! wrong for a user: the bytes are not a valid module, the module uses a
//! proposal Flint does not compile, the imports do not fit, instantiation
//! failed, or the guest trapped.
//!
//! It also owns the translation of wasmparser's "... support is not
//! enabled" messages into the proposal's name (`unsupported_feature`), so
//! that a module using threads says so instead of reading as corrupt.

use crate::trap::Trap;
use std::any::Any;
use std::fmt;

/// Everything that can go wrong in the embedding API.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// The module is malformed or invalid (decoding/validation failed), or
    /// uses a proposal Flint compiles but this engine's `Config` turned off
    /// (`Config::wasm_simd(false)`: the message then names the proposal).
    /// `offset` is the byte offset in the module where the problem was
    /// found.
    InvalidModule {
        /// What is wrong.
        message: String,
        /// Where in the module's bytes.
        offset: usize,
    },
    /// The module uses a WebAssembly proposal Flint does not compile yet
    /// (threads, exception handling, tail calls, memory64, GC, ...): not a
    /// broken module, a missing feature of Flint's. Displays as "module
    /// uses the threads proposal, which Flint does not support yet".
    Unsupported {
        /// The proposal, as people name it: "threads", "tail calls".
        feature: String,
        /// Where in the module's bytes it is first used.
        offset: usize,
    },
    /// An import is missing or has the wrong type.
    Link(String),
    /// Instantiation failed after linking (a segment does not fit).
    Instantiation(String),
    /// The guest trapped (or a host function it called returned an error).
    Trap(Trap),
    /// A host-side misuse of the API: wrong argument count or types, an
    /// unknown export, a value of the wrong type written to a global.
    Usage(String),
    /// A file could not be read (`Module::from_file`).
    Io(String),
    /// The `Config` cannot be used on this machine: e.g. the CPU (or the
    /// features `Config::cpu_features` leaves) is below the floor Flint
    /// generates code for.
    Config(String),
    /// A compiled artifact (`Module::deserialize`) cannot be loaded: it is
    /// not one, was written by another Flint or for another ISA, needs CPU
    /// features this machine (or the engine's `Config`) lacks, was compiled
    /// with code-changing settings that differ from the engine's, or is
    /// truncated or corrupted. The message says which.
    Artifact(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidModule { message, offset } => {
                write!(f, "invalid module: {message} (at offset {offset:#x})")
            }
            Error::Unsupported { feature, offset } => write!(
                f,
                "module uses the {feature} proposal, which Flint does not support yet \
                 (at offset {offset:#x})"
            ),
            Error::Link(m) => write!(f, "link error: {m}"),
            Error::Instantiation(m) => write!(f, "instantiation failed: {m}"),
            Error::Trap(t) => write!(f, "wasm trap: {t}"),
            Error::Usage(m) => write!(f, "{m}"),
            Error::Config(m) => write!(f, "unsupported configuration: {m}"),
            Error::Io(m) => write!(f, "{m}"),
            Error::Artifact(m) => write!(f, "cannot load the compiled artifact: {m}"),
        }
    }
}

/// A trap's source is the host function's error that raised it, if any.
impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Trap(trap) => Some(trap),
            _ => None,
        }
    }
}

impl Error {
    /// The error a host function returns to fail with `error`, of any
    /// error type: the wasm that called it traps, and the host that called
    /// into wasm gets `error` back (see [`Error::downcast_ref`]). A Flint
    /// `Error` or `Trap` is passed on as itself.
    pub fn host<E: std::error::Error + Send + Sync + 'static>(error: E) -> Error {
        let any: Box<dyn Any> = Box::new(error);
        let any = match any.downcast::<Error>() {
            Ok(error) => return *error,
            Err(any) => any,
        };
        let any = match any.downcast::<Trap>() {
            Ok(trap) => return Error::Trap(*trap),
            Err(any) => any,
        };
        let error = *any.downcast::<E>().expect("the type just boxed");
        Error::Trap(Trap::from_host_error(error))
    }

    /// This error as an `E`: the error itself, its trap, or the error a
    /// host function failed with (e.g. `wasi::I32Exit` for a WASI
    /// program's `proc_exit`).
    pub fn downcast_ref<E: std::error::Error + 'static>(&self) -> Option<&E> {
        if let Some(e) = (self as &dyn Any).downcast_ref::<E>() {
            return Some(e);
        }
        let Error::Trap(trap) = self else {
            return None;
        };
        if let Some(e) = (trap as &dyn Any).downcast_ref::<E>() {
            return Some(e);
        }
        trap.host_error()?.downcast_ref::<E>()
    }

    /// The trap code, if this is a trap.
    pub fn trap_code(&self) -> Option<crate::trap::TrapCode> {
        match self {
            Error::Trap(trap) => Some(trap.code),
            _ => None,
        }
    }

    /// The trap a host function's error becomes when it unwinds the wasm
    /// that called it: a trap stays itself, anything else is a host error
    /// carrying it.
    pub(crate) fn into_trap(self) -> Trap {
        match self {
            Error::Trap(trap) => trap,
            other => Trap::from_host_error(other),
        }
    }
}

impl From<Trap> for Error {
    fn from(t: Trap) -> Error {
        Error::Trap(t)
    }
}

/// A decoding or validation error. When wasmparser rejected the module
/// because a proposal is off in the feature set the engine validates with,
/// the error names the proposal: [`Error::Unsupported`] if Flint does not
/// compile it at all, an [`Error::InvalidModule`] saying the engine's
/// `Config` turned it off otherwise (the module is invalid for that engine,
/// by the embedder's choice, so it stays that variant).
impl From<wasmparser::BinaryReaderError> for Error {
    fn from(e: wasmparser::BinaryReaderError) -> Error {
        let message = e.message();
        let offset = e.offset() as usize;
        match unsupported_feature(message) {
            Some((feature, flag)) if !crate::engine::SUPPORTED_FEATURES.contains(flag) => {
                Error::Unsupported {
                    feature: feature.to_string(),
                    offset,
                }
            }
            Some((feature, _)) => Error::InvalidModule {
                message: format!(
                    "uses {feature}, which this engine's Config turns off ({message})"
                ),
                offset,
            },
            None => Error::InvalidModule {
                message: message.to_string(),
                offset,
            },
        }
    }
}

/// The proposal a wasmparser message says is not enabled, with its feature
/// flag, or `None` for any other error. wasmparser has no error kinds, so
/// this matches the wording of its messages (as of wasmparser 0.263:
/// "`desc` support is not enabled", "exceptions proposal not enabled",
/// "memory64 must be enabled for 64-bit memories", "threads must be enabled
/// for shared memories", "... not supported without the gc feature",
/// "passive data segments require the bulk-memory proposal", "function
/// references required for non-nullable types"); a message it does not
/// recognise still reports the module as invalid, with wasmparser's words.
///
/// Two kinds of message are deliberately left `InvalidModule`, because
/// WebAssembly 2.0 calls those modules invalid or malformed and the spec
/// suites assert so: "multiple memories" (a second memory with the
/// multi-memory proposal switched off, as the 2.0 suites run) and the shared-everything-threads messages (a
/// global's flags byte 0x02, "malformed mutability" in the 2.0 suite).
fn unsupported_feature(message: &str) -> Option<(&'static str, wasmparser::WasmFeatures)> {
    use wasmparser::WasmFeatures as F;
    // Longest names first where one contains another ("relaxed SIMD").
    const BY_NAME: &[(&str, &str, F)] = &[
        ("relaxed SIMD", "relaxed SIMD", F::RELAXED_SIMD),
        ("SIMD", "SIMD", F::SIMD),
        ("threads", "threads", F::THREADS),
        (
            "saturating float to int",
            "non-trapping float-to-int conversions",
            F::SATURATING_FLOAT_TO_INT,
        ),
        (
            "sign extension",
            "sign-extension operators",
            F::SIGN_EXTENSION,
        ),
        ("reference types", "reference types", F::REFERENCE_TYPES),
        ("bulk memory", "bulk memory", F::BULK_MEMORY),
        ("bulk-memory", "bulk memory", F::BULK_MEMORY),
        ("mutable global", "mutable globals", F::MUTABLE_GLOBAL),
        ("multi-value", "multi-value", F::MULTI_VALUE),
        (
            "legacy exceptions",
            "legacy exception handling",
            F::LEGACY_EXCEPTIONS,
        ),
        (
            "legacy_exceptions",
            "legacy exception handling",
            F::LEGACY_EXCEPTIONS,
        ),
        ("exception handling", "exception handling", F::EXCEPTIONS),
        ("exceptions", "exception handling", F::EXCEPTIONS),
        ("tail calls", "tail calls", F::TAIL_CALL),
        (
            "function references",
            "function references",
            F::FUNCTION_REFERENCES,
        ),
        ("memory64", "memory64", F::MEMORY64),
        (
            "custom page sizes",
            "custom page sizes",
            F::CUSTOM_PAGE_SIZES,
        ),
        ("memory control", "memory control", F::MEMORY_CONTROL),
        ("stack switching", "stack switching", F::STACK_SWITCHING),
        ("wide arithmetic", "wide arithmetic", F::WIDE_ARITHMETIC),
        (
            "custom descriptors",
            "custom descriptors",
            F::CUSTOM_DESCRIPTORS,
        ),
        ("multibyte array access", "GC", F::GC),
        ("gc feature", "GC", F::GC),
        ("gc proposal", "GC", F::GC),
        ("gc support", "GC", F::GC),
    ];
    let disabled = message.contains("not enabled")
        || message.contains("must be enabled")
        || message.contains("not supported without the")
        || message.contains("feature required")
        || message.contains("references required")
        || (message.contains("require") && message.contains("proposal"));
    if !disabled || message.contains("shared-everything") || message.contains("acquire-release") {
        return None;
    }
    BY_NAME
        .iter()
        .find(|(needle, ..)| message.contains(needle))
        .map(|&(_, name, flag)| (name, flag))
}

/// A result with Flint's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
