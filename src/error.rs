//! The error type of the embedding API. It separates the four things that
//! can go wrong for a user: the bytes are not a valid module, the imports do
//! not fit, instantiation failed, or the guest trapped.

use crate::trap::Trap;
use std::any::Any;
use std::fmt;

/// Everything that can go wrong in the embedding API.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// The module is malformed or invalid (decoding/validation failed), or
    /// uses a feature Flint does not support. `offset` is the byte offset in
    /// the module where the problem was found.
    InvalidModule {
        /// What is wrong.
        message: String,
        /// Where in the module's bytes.
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
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidModule { message, offset } => {
                write!(f, "invalid module: {message} (at offset {offset:#x})")
            }
            Error::Link(m) => write!(f, "link error: {m}"),
            Error::Instantiation(m) => write!(f, "instantiation failed: {m}"),
            Error::Trap(t) => write!(f, "wasm trap: {t}"),
            Error::Usage(m) => write!(f, "{m}"),
            Error::Config(m) => write!(f, "unsupported configuration: {m}"),
            Error::Io(m) => write!(f, "{m}"),
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

impl From<wasmparser::BinaryReaderError> for Error {
    fn from(e: wasmparser::BinaryReaderError) -> Error {
        Error::InvalidModule {
            message: e.message().to_string(),
            offset: e.offset() as usize,
        }
    }
}

/// A result with Flint's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
