//! The WASI preview 1 `errno` values Flint returns (the spec's numbering).

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
#[repr(u16)]
pub enum Errno {
    Success = 0,
    Badf = 8,
    Fault = 21,
    Inval = 28,
    Io = 29,
    Nosys = 52,
    Spipe = 70,
}
