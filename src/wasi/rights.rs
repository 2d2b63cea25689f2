//! Preview1 rights: the bits saying which operations a descriptor allows.
//!
//! Each descriptor has a *base* set (what may be done with it) and an
//! *inheriting* set (the most a descriptor opened through it may get).
//! Rights only ever shrink: `path_open` cannot ask for more than the
//! directory's inheriting set, and `fd_fdstat_set_rights` can only drop
//! bits. Every call checks its rights first and fails with `ENOTCAPABLE`.

pub type Rights = u64;

pub const FD_DATASYNC: Rights = 1 << 0;
pub const FD_READ: Rights = 1 << 1;
pub const FD_SEEK: Rights = 1 << 2;
pub const FD_FDSTAT_SET_FLAGS: Rights = 1 << 3;
pub const FD_SYNC: Rights = 1 << 4;
pub const FD_TELL: Rights = 1 << 5;
pub const FD_WRITE: Rights = 1 << 6;
pub const FD_ADVISE: Rights = 1 << 7;
pub const FD_ALLOCATE: Rights = 1 << 8;
pub const PATH_CREATE_DIRECTORY: Rights = 1 << 9;
pub const PATH_CREATE_FILE: Rights = 1 << 10;
pub const PATH_LINK_SOURCE: Rights = 1 << 11;
pub const PATH_LINK_TARGET: Rights = 1 << 12;
pub const PATH_OPEN: Rights = 1 << 13;
pub const FD_READDIR: Rights = 1 << 14;
pub const PATH_READLINK: Rights = 1 << 15;
pub const PATH_RENAME_SOURCE: Rights = 1 << 16;
pub const PATH_RENAME_TARGET: Rights = 1 << 17;
pub const PATH_FILESTAT_GET: Rights = 1 << 18;
pub const PATH_FILESTAT_SET_SIZE: Rights = 1 << 19;
pub const PATH_FILESTAT_SET_TIMES: Rights = 1 << 20;
pub const FD_FILESTAT_GET: Rights = 1 << 21;
pub const FD_FILESTAT_SET_SIZE: Rights = 1 << 22;
pub const FD_FILESTAT_SET_TIMES: Rights = 1 << 23;
pub const PATH_SYMLINK: Rights = 1 << 24;
pub const PATH_REMOVE_DIRECTORY: Rights = 1 << 25;
pub const PATH_UNLINK_FILE: Rights = 1 << 26;
pub const POLL_FD_READWRITE: Rights = 1 << 27;
pub const SOCK_SHUTDOWN: Rights = 1 << 28;
pub const SOCK_ACCEPT: Rights = 1 << 29;

/// Everything that makes sense on a regular file.
pub const FILE: Rights = FD_DATASYNC
    | FD_READ
    | FD_SEEK
    | FD_FDSTAT_SET_FLAGS
    | FD_SYNC
    | FD_TELL
    | FD_WRITE
    | FD_ADVISE
    | FD_ALLOCATE
    | FD_FILESTAT_GET
    | FD_FILESTAT_SET_SIZE
    | FD_FILESTAT_SET_TIMES
    | POLL_FD_READWRITE;

/// Everything that makes sense on a directory. As the preview1 witx
/// defines them, some rights named after file operations mean something
/// else here: FD_DATASYNC and FD_SYNC allow syncing the directory itself
/// and also opening files beneath it with `fdflags::dsync` (either right)
/// or `rsync`/`sync` (FD_SYNC); PATH_FILESTAT_SET_SIZE allows opening
/// with `oflags::trunc`. None of them needs the directory open for
/// writing, which the host refuses (`EISDIR`): a directory never is. The
/// rights on a file's contents (FD_READ, FD_WRITE, FD_SEEK, FD_TELL,
/// FD_ADVISE, FD_ALLOCATE, FD_FILESTAT_SET_SIZE) are not here.
pub const DIRECTORY: Rights = FD_DATASYNC
    | FD_FDSTAT_SET_FLAGS
    | FD_SYNC
    | PATH_CREATE_DIRECTORY
    | PATH_CREATE_FILE
    | PATH_LINK_SOURCE
    | PATH_LINK_TARGET
    | PATH_OPEN
    | FD_READDIR
    | PATH_READLINK
    | PATH_RENAME_SOURCE
    | PATH_RENAME_TARGET
    | PATH_FILESTAT_GET
    | PATH_FILESTAT_SET_SIZE
    | PATH_FILESTAT_SET_TIMES
    | FD_FILESTAT_GET
    | FD_FILESTAT_SET_TIMES
    | PATH_SYMLINK
    | PATH_REMOVE_DIRECTORY
    | PATH_UNLINK_FILE;

/// The rights whose host calls need the file open for writing: `write`,
/// `ftruncate` and `fallocate` fail on a read-only descriptor, while
/// `fsync` and `fdatasync` do not (so FD_DATASYNC and FD_SYNC, which a
/// directory has, are not here).
pub const HOST_WRITE: Rights = FD_WRITE | FD_ALLOCATE | FD_FILESTAT_SET_SIZE;

/// Standard input. No seek or tell: wasi-libc's `isatty` takes a
/// character device without them for a terminal.
pub const STDIN: Rights = FD_READ | FD_FILESTAT_GET | POLL_FD_READWRITE;

/// Standard output and error.
pub const STDOUT: Rights = FD_WRITE | FD_FILESTAT_GET | POLL_FD_READWRITE;

/// A listening socket: accept connections, poll for them, and switch
/// between blocking and non-blocking. (Reading or writing it is allowed
/// and fails as the host does, `ENOTCONN`.)
pub const LISTENER: Rights =
    SOCK_ACCEPT | FD_READ | FD_WRITE | POLL_FD_READWRITE | FD_FDSTAT_SET_FLAGS | FD_FILESTAT_GET;

/// A connected socket from `sock_accept`.
pub const SOCKET: Rights =
    FD_READ | FD_WRITE | POLL_FD_READWRITE | SOCK_SHUTDOWN | FD_FDSTAT_SET_FLAGS | FD_FILESTAT_GET;
