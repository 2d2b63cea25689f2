//! The WASI preview 1 `errno` values Flint returns (the spec's numbering),
//! and the mapping from host I/O errors to them.
//!
//! Every preview1 function reports failure as one of these; a host error
//! never becomes a panic or a trap. Host errors carry a POSIX errno when
//! the OS produced them, which maps one to one; errors made up by Rust or
//! by cap-std (a path escaping its directory is `PermissionDenied` with no
//! OS code) are mapped by their kind.

use std::io;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
#[repr(u16)]
pub enum Errno {
    Success = 0,
    TooBig = 1,
    Acces = 2,
    Again = 6,
    Badf = 8,
    Busy = 10,
    Connaborted = 13,
    Connrefused = 14,
    Connreset = 15,
    Exist = 20,
    Fault = 21,
    Fbig = 22,
    Ilseq = 25,
    Intr = 27,
    Inval = 28,
    Io = 29,
    Isdir = 31,
    Loop = 32,
    Mfile = 33,
    Mlink = 34,
    Nametoolong = 37,
    Nfile = 41,
    Nodev = 43,
    Noent = 44,
    Nomem = 48,
    Nospc = 51,
    Nosys = 52,
    Notconn = 53,
    Notdir = 54,
    Notempty = 55,
    Notsock = 57,
    Notsup = 58,
    Nxio = 60,
    Overflow = 61,
    Perm = 63,
    Pipe = 64,
    Rofs = 69,
    Spipe = 70,
    Timedout = 73,
    Txtbsy = 74,
    Xdev = 75,
    Notcapable = 76,
}

/// What a WASI call returns: a value, or the errno the guest sees.
pub type WasiResult<T> = Result<T, Errno>;

impl From<io::Error> for Errno {
    fn from(e: io::Error) -> Errno {
        match e.raw_os_error() {
            Some(code) => from_os(code),
            None => from_kind(e.kind()),
        }
    }
}

/// The WASI errno for a host `errno` value.
fn from_os(code: i32) -> Errno {
    match code {
        libc::E2BIG => Errno::TooBig,
        libc::EACCES => Errno::Acces,
        libc::EAGAIN => Errno::Again,
        libc::EBADF => Errno::Badf,
        libc::EBUSY => Errno::Busy,
        libc::ECONNABORTED => Errno::Connaborted,
        libc::ECONNREFUSED => Errno::Connrefused,
        libc::ECONNRESET => Errno::Connreset,
        libc::EEXIST => Errno::Exist,
        libc::EFAULT => Errno::Fault,
        libc::EFBIG => Errno::Fbig,
        libc::EILSEQ => Errno::Ilseq,
        libc::EINTR => Errno::Intr,
        libc::EINVAL => Errno::Inval,
        libc::EISDIR => Errno::Isdir,
        libc::ELOOP => Errno::Loop,
        libc::EMFILE => Errno::Mfile,
        libc::EMLINK => Errno::Mlink,
        libc::ENAMETOOLONG => Errno::Nametoolong,
        libc::ENFILE => Errno::Nfile,
        libc::ENODEV => Errno::Nodev,
        libc::ENOENT => Errno::Noent,
        libc::ENOMEM => Errno::Nomem,
        libc::ENOSPC => Errno::Nospc,
        libc::ENOSYS => Errno::Nosys,
        libc::ENOTCONN => Errno::Notconn,
        libc::ENOTDIR => Errno::Notdir,
        libc::ENOTEMPTY => Errno::Notempty,
        libc::ENOTSOCK => Errno::Notsock,
        libc::EOPNOTSUPP => Errno::Notsup,
        libc::ENXIO => Errno::Nxio,
        libc::EOVERFLOW => Errno::Overflow,
        libc::EPERM => Errno::Perm,
        libc::EPIPE => Errno::Pipe,
        libc::EROFS => Errno::Rofs,
        libc::ESPIPE => Errno::Spipe,
        libc::ETIMEDOUT => Errno::Timedout,
        libc::ETXTBSY => Errno::Txtbsy,
        libc::EXDEV => Errno::Xdev,
        _ => Errno::Io,
    }
}

/// The WASI errno for an error without an OS code.
fn from_kind(kind: io::ErrorKind) -> Errno {
    use io::ErrorKind as K;
    match kind {
        K::NotFound => Errno::Noent,
        // cap-std's answer to a path that would leave its directory
        // (`..`, an absolute path, a symlink pointing out).
        K::PermissionDenied => Errno::Perm,
        K::AlreadyExists => Errno::Exist,
        // A path with a NUL byte, or options that do not go together.
        K::InvalidInput => Errno::Inval,
        K::InvalidData => Errno::Ilseq,
        K::NotADirectory => Errno::Notdir,
        K::IsADirectory => Errno::Isdir,
        K::DirectoryNotEmpty => Errno::Notempty,
        K::Unsupported => Errno::Notsup,
        K::OutOfMemory => Errno::Nomem,
        K::Interrupted => Errno::Intr,
        K::WouldBlock => Errno::Again,
        K::BrokenPipe => Errno::Pipe,
        K::ConnectionAborted => Errno::Connaborted,
        K::ConnectionRefused => Errno::Connrefused,
        K::ConnectionReset => Errno::Connreset,
        K::NotConnected => Errno::Notconn,
        K::TimedOut => Errno::Timedout,
        _ => Errno::Io,
    }
}
