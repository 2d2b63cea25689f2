//! The `path_*` functions: operations on a path beneath a directory
//! descriptor.
//!
//! Every path is resolved by cap-std relative to the directory's handle,
//! never by string manipulation here: a path that would lead outside the
//! directory through `..`, an absolute path or a symlink (at any point in
//! the path) is refused, which the guest sees as `EPERM`. Each call checks
//! the directory's rights first (`ENOTCAPABLE`); a descriptor that is not a
//! directory is `ENOTDIR`.
//!
//! A trailing slash means what POSIX says (the path must name a
//! directory, following a symlink there), checked here: cap-std reads
//! `dir/` as `dir/.`, which is right for opening but names the wrong thing
//! to remove or rename (`rmdir("dir/.")` is `EINVAL`), so those calls take
//! the slashes off first. Taking them off only ever shortens the path
//! cap-std resolves, so it opens no way out.

use super::errno::{Errno, WasiResult};
use super::fd::set_host_flags;
use super::fd_table::{Descriptor, Handle};
use super::filestat::{self, time_changes};
use super::memory::GuestMemory;
use super::memory::{read_path, write_bytes, write_u32, Args};
use super::rights;
use super::{Function, WasiCtx};
use crate::types::ValType::{I32, I64};
use cap_fs_ext::{DirExt, FollowSymlinks, OpenOptionsFollowExt, OpenOptionsMaybeDirExt};
use cap_fs_ext::{OpenOptions, OpenOptionsSyncExt};
use cap_std::fs::Dir;
use std::ffi::OsStr;
use std::io::ErrorKind;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

pub(super) const FUNCTIONS: &[Function] = &[
    Function {
        name: "path_create_directory",
        params: &[I32, I32, I32],
        run: |ctx, mem, a| {
            let fds = ctx.fds.borrow();
            let dir = fds.dir(a.u32(0), rights::PATH_CREATE_DIRECTORY)?;
            let path = read_path(mem, a.u32(1), a.u32(2))?;
            Ok(dir.create_dir(without_slashes(&path).0)?)
        },
    },
    Function {
        name: "path_filestat_get",
        params: &[I32, I32, I32, I32, I32],
        run: path_filestat_get,
    },
    Function {
        name: "path_filestat_set_times",
        params: &[I32, I32, I32, I32, I64, I64, I32],
        run: path_filestat_set_times,
    },
    Function {
        name: "path_link",
        params: &[I32, I32, I32, I32, I32, I32, I32],
        run: path_link,
    },
    Function {
        name: "path_open",
        params: &[I32, I32, I32, I32, I32, I64, I64, I32, I32],
        run: path_open,
    },
    Function {
        name: "path_readlink",
        params: &[I32, I32, I32, I32, I32, I32],
        run: path_readlink,
    },
    Function {
        name: "path_remove_directory",
        params: &[I32, I32, I32],
        run: |ctx, mem, a| {
            let fds = ctx.fds.borrow();
            let dir = fds.dir(a.u32(0), rights::PATH_REMOVE_DIRECTORY)?;
            let path = read_path(mem, a.u32(1), a.u32(2))?;
            // `dir/` is `dir` (a symlink there is not removed: ENOTDIR).
            Ok(dir.remove_dir(without_slashes(&path).0)?)
        },
    },
    Function {
        name: "path_rename",
        params: &[I32, I32, I32, I32, I32, I32],
        run: path_rename,
    },
    Function {
        name: "path_symlink",
        params: &[I32, I32, I32, I32, I32],
        run: path_symlink,
    },
    Function {
        name: "path_unlink_file",
        params: &[I32, I32, I32],
        run: path_unlink_file,
    },
];

/// The lookupflags bit: follow a symlink in the last path component.
const SYMLINK_FOLLOW: u32 = 1;

fn follows(lookupflags: u32) -> bool {
    lookupflags & SYMLINK_FOLLOW != 0
}

/// `path` without its trailing slashes, and whether it had any. A path
/// of slashes alone stays `/` (absolute, so refused as ever).
fn without_slashes(path: &Path) -> (&Path, bool) {
    let bytes = path.as_os_str().as_bytes();
    let end = match bytes.iter().rposition(|&b| b != b'/') {
        Some(last) => last + 1,
        None => bytes.len().min(1),
    };
    let stripped = Path::new(OsStr::from_bytes(&bytes[..end]));
    (stripped, end < bytes.len())
}

/// `ENOTDIR` unless `path` (followed, as a trailing slash makes it) is a
/// directory.
fn require_dir(dir: &Dir, path: &Path) -> WasiResult<()> {
    if dir.metadata(path)?.is_dir() {
        Ok(())
    } else {
        Err(Errno::Notdir)
    }
}

/// `path_unlink_file(fd, path, path_len)`. With a trailing slash nothing
/// is removed: the entry itself (a symlink is not followed) is a
/// directory (`EISDIR`) or is not one (`ENOTDIR`), as POSIX `unlink` says.
fn path_unlink_file(ctx: &WasiCtx, mem: &GuestMemory, a: &Args) -> WasiResult<()> {
    let fds = ctx.fds.borrow();
    let dir = fds.dir(a.u32(0), rights::PATH_UNLINK_FILE)?;
    let path = read_path(mem, a.u32(1), a.u32(2))?;
    let (path, slash) = without_slashes(&path);
    if slash {
        return Err(if dir.symlink_metadata(path)?.is_dir() {
            Errno::Isdir
        } else {
            Errno::Notdir
        });
    }
    Ok(dir.remove_file_or_symlink(path)?)
}

/// `path_filestat_get(fd, lookupflags, path, path_len, buf)`.
fn path_filestat_get(ctx: &WasiCtx, mem: &GuestMemory, a: &Args) -> WasiResult<()> {
    let fds = ctx.fds.borrow();
    let dir = fds.dir(a.u32(0), rights::PATH_FILESTAT_GET)?;
    let path = read_path(mem, a.u32(2), a.u32(3))?;
    let (path, slash) = without_slashes(&path);
    let meta = if follows(a.u32(1)) || slash {
        dir.metadata(path)?
    } else {
        dir.symlink_metadata(path)?
    };
    if slash && !meta.is_dir() {
        return Err(Errno::Notdir);
    }
    write_bytes(mem, a.u32(4), &filestat::encode(&meta))
}

/// `path_filestat_set_times(fd, lookupflags, path, path_len, atim, mtim,
/// fstflags)`.
fn path_filestat_set_times(ctx: &WasiCtx, mem: &GuestMemory, a: &Args) -> WasiResult<()> {
    let fds = ctx.fds.borrow();
    let dir = fds.dir(a.u32(0), rights::PATH_FILESTAT_SET_TIMES)?;
    let path = read_path(mem, a.u32(2), a.u32(3))?;
    let [atime, mtime] = time_changes(a.u64(4), a.u64(5), a.u32(6))?;
    let (atime, mtime) = (atime.for_path(), mtime.for_path());
    let (path, slash) = without_slashes(&path);
    if slash {
        require_dir(dir, path)?;
    }
    if follows(a.u32(1)) || slash {
        dir.set_times(path, atime, mtime)?;
    } else {
        dir.set_symlink_times(path, atime, mtime)?;
    }
    Ok(())
}

/// `path_link(old_fd, old_lookupflags, old_path, old_len, new_fd,
/// new_path, new_len)`: a hard link. Linking to what a symlink points at
/// (SYMLINK_FOLLOW) is not supported (`EINVAL`), as in other runtimes:
/// the host's `linkat` would follow it outside cap-std's checks. With a
/// trailing slash on either name nothing is linked, and the error is
/// POSIX's: `ENOTDIR` for a source that is not a directory, `EEXIST` if
/// the new name is taken, `ENOENT` for a new name with a slash, and
/// `EPERM` for a link to a directory.
fn path_link(ctx: &WasiCtx, mem: &GuestMemory, a: &Args) -> WasiResult<()> {
    let fds = ctx.fds.borrow();
    let old_dir = fds.dir(a.u32(0), rights::PATH_LINK_SOURCE)?;
    let new_dir = fds.dir(a.u32(4), rights::PATH_LINK_TARGET)?;
    if follows(a.u32(1)) {
        return Err(Errno::Inval);
    }
    let old = read_path(mem, a.u32(2), a.u32(3))?;
    let new = read_path(mem, a.u32(5), a.u32(6))?;
    let (old, old_slash) = without_slashes(&old);
    let (new, new_slash) = without_slashes(&new);
    if old_slash {
        require_dir(old_dir, old)?;
    }
    if new_slash || old_slash {
        return Err(match new_dir.symlink_metadata(new) {
            Ok(_) => Errno::Exist,
            Err(e) if e.kind() == ErrorKind::NotFound && !new_slash => Errno::Perm,
            Err(e) => e.into(),
        });
    }
    Ok(old_dir.hard_link(old, new_dir, new)?)
}

/// `path_readlink(fd, path, path_len, buf, buf_len, bufused)`: a symlink's
/// target, cut to the buffer as POSIX `readlink` does (no NUL).
fn path_readlink(ctx: &WasiCtx, mem: &GuestMemory, a: &Args) -> WasiResult<()> {
    let fds = ctx.fds.borrow();
    let dir = fds.dir(a.u32(0), rights::PATH_READLINK)?;
    let path = read_path(mem, a.u32(1), a.u32(2))?;
    // The target as written, even an absolute one: reading a link's text
    // does not follow it.
    let target = dir.read_link_contents(path)?;
    let bytes = target.as_os_str().as_bytes();
    let bytes = &bytes[..bytes.len().min(a.u32(4) as usize)];
    write_bytes(mem, a.u32(3), bytes)?;
    write_u32(mem, a.u32(5), bytes.len() as u32)
}

/// `path_rename(fd, old_path, old_len, new_fd, new_path, new_len)`. A
/// trailing slash on either name says a directory is being renamed: the
/// source itself (a symlink is not followed) must be one (`ENOTDIR`), as
/// POSIX `rename` says; cap-std would rename a file `f` to `g/`.
fn path_rename(ctx: &WasiCtx, mem: &GuestMemory, a: &Args) -> WasiResult<()> {
    let fds = ctx.fds.borrow();
    let old_dir = fds.dir(a.u32(0), rights::PATH_RENAME_SOURCE)?;
    let new_dir = fds.dir(a.u32(3), rights::PATH_RENAME_TARGET)?;
    let old = read_path(mem, a.u32(1), a.u32(2))?;
    let new = read_path(mem, a.u32(4), a.u32(5))?;
    let (old, old_slash) = without_slashes(&old);
    let (new, new_slash) = without_slashes(&new);
    if (old_slash || new_slash) && !old_dir.symlink_metadata(old)?.is_dir() {
        return Err(Errno::Notdir);
    }
    Ok(old_dir.rename(old, new_dir, new)?)
}

/// `path_symlink(old_path, old_len, fd, new_path, new_len)`: a symlink at
/// `new_path` whose text is `old_path`. An absolute target is refused
/// (`EPERM`): it could only ever point outside the sandbox. The target is
/// only text (a trailing slash there is kept); one on the link's own name
/// creates nothing (`EEXIST`/`ENOENT`).
fn path_symlink(ctx: &WasiCtx, mem: &GuestMemory, a: &Args) -> WasiResult<()> {
    let fds = ctx.fds.borrow();
    let dir = fds.dir(a.u32(2), rights::PATH_SYMLINK)?;
    let target = read_path(mem, a.u32(0), a.u32(1))?;
    let link = read_path(mem, a.u32(3), a.u32(4))?;
    let (link, slash) = without_slashes(&link);
    if slash {
        return Err(match dir.symlink_metadata(link) {
            Ok(_) => Errno::Exist,
            Err(e) => e.into(),
        });
    }
    Ok(dir.symlink(target, link)?)
}

// oflags.
const CREAT: u32 = 1 << 0;
const DIRECTORY: u32 = 1 << 1;
const EXCL: u32 = 1 << 2;
const TRUNC: u32 = 1 << 3;

// fdflags.
const APPEND: u32 = 1 << 0;
const DSYNC: u32 = 1 << 1;
const NONBLOCK: u32 = 1 << 2;
const RSYNC: u32 = 1 << 3;
const SYNC: u32 = 1 << 4;

/// `path_open(fd, lookupflags, path, path_len, oflags, rights_base,
/// rights_inheriting, fdflags, opened_fd)`.
///
/// The directory needs PATH_OPEN, and the right for each flag that asks
/// for more (the witx): PATH_CREATE_FILE for CREAT, PATH_FILESTAT_SET_SIZE
/// for TRUNC, FD_DATASYNC or FD_SYNC for DSYNC, FD_SYNC for RSYNC and
/// SYNC. The rights asked for must be within its inheriting rights
/// (`ENOTCAPABLE`); the new descriptor keeps those that apply to what was
/// opened (a file or a directory).
fn path_open(ctx: &WasiCtx, mem: &GuestMemory, a: &Args) -> WasiResult<()> {
    let (oflags, base, inheriting, fdflags) = (a.u32(4), a.u64(5), a.u64(6), a.u32(7));
    let mut fds = ctx.fds.borrow_mut();
    let parent = fds.get(a.u32(0), 0)?;
    let Handle::Dir(dir) = &parent.handle else {
        return Err(Errno::Notdir);
    };
    let mut needed = rights::PATH_OPEN;
    if oflags & CREAT != 0 {
        needed |= rights::PATH_CREATE_FILE;
    }
    if oflags & TRUNC != 0 {
        needed |= rights::PATH_FILESTAT_SET_SIZE;
    }
    if fdflags & (RSYNC | SYNC) != 0 {
        needed |= rights::FD_SYNC;
    }
    parent.require(needed)?;
    if fdflags & DSYNC != 0 && parent.base & (rights::FD_DATASYNC | rights::FD_SYNC) == 0 {
        return Err(Errno::Notcapable);
    }
    if (base | inheriting) & !parent.inheriting != 0 {
        return Err(Errno::Notcapable);
    }
    if oflags & !(CREAT | DIRECTORY | EXCL | TRUNC) != 0
        || fdflags & !(APPEND | DSYNC | NONBLOCK | RSYNC | SYNC) != 0
    {
        return Err(Errno::Inval);
    }
    let path = read_path(mem, a.u32(2), a.u32(3))?;
    let follow = follows(a.u32(1));

    let handle = if oflags & DIRECTORY != 0 {
        if oflags & (CREAT | TRUNC) != 0 {
            return Err(Errno::Inval);
        }
        let opened = if follow {
            dir.open_dir(&path)?
        } else {
            dir.open_dir_nofollow(&path)?
        };
        // POSIX `open(O_DIRECTORY | O_WRONLY)` (or `O_RDWR`) of a
        // directory: it exists and is one, but cannot be written.
        if base & rights::FD_WRITE != 0 {
            return Err(Errno::Isdir);
        }
        Handle::Dir(opened)
    } else {
        open_file(dir, &path, follow, oflags, base, fdflags)?
    };
    let (base, inheriting) = match handle {
        Handle::Dir(_) => (base & rights::DIRECTORY, inheriting),
        _ => (base & rights::FILE, 0),
    };
    let fd = fds.insert(Descriptor {
        handle,
        base,
        inheriting,
        flags: fdflags as u16,
        preopen: None,
    })?;
    // A descriptor the guest was never told about must not stay open.
    write_u32(mem, a.u32(8), fd).inspect_err(|_| drop(fds.remove(fd)))
}

/// `path_open` without OFLAGS_DIRECTORY: whatever is at `path`, a file or
/// a directory.
///
/// The host file is opened for reading, writing or both as the rights
/// say (wasi-libc's `open` expresses `O_RDONLY`/`O_WRONLY`/`O_RDWR`
/// through them), and for writing with TRUNC whatever the rights: the
/// host truncates only a file opened for writing, and truncation is the
/// directory's right (PATH_FILESTAT_SET_SIZE), not the new descriptor's.
/// That descriptor keeps the rights it asked for, so without FD_WRITE it
/// still cannot write.
fn open_file(
    dir: &Dir,
    path: &Path,
    follow: bool,
    oflags: u32,
    base: rights::Rights,
    fdflags: u32,
) -> WasiResult<Handle> {
    let create = oflags & CREAT != 0;
    let exclusive = create && oflags & EXCL != 0;
    let truncate = oflags & TRUNC != 0;
    let write = base & rights::HOST_WRITE != 0 || truncate;
    let (stripped, slash) = without_slashes(path);
    if create && slash {
        // POSIX `open("x/", O_CREAT)` is `EISDIR` once the parent is found,
        // whatever is at `x`. cap-std gets there with `openat2`, but its
        // fallback without it (older kernels, qemu-user) asks the host for
        // `O_CREAT | O_DIRECTORY`, which is `EINVAL`: answer here.
        let parent = match stripped.parent() {
            Some(p) if p.as_os_str().is_empty() => Path::new("."),
            Some(p) => p,
            None => stripped,
        };
        require_dir(dir, parent)?;
        return Err(Errno::Isdir);
    }
    // The host's open options (std's rules, which cap-std follows)
    // refuse to create a file without opening it for writing, which
    // POSIX allows (`O_CREAT | O_RDONLY`): create it first through a
    // write handle that is closed at once, then open it as asked.
    let precreate = create && !write;
    if precreate {
        let mut creating = OpenOptions::new();
        creating
            .write(true)
            .create_new(true)
            .follow(FollowSymlinks::No);
        match dir.open_with(path, &creating) {
            Err(e) if e.kind() != ErrorKind::AlreadyExists || exclusive => return Err(e.into()),
            _ => {}
        }
    }
    // APPEND is not among the options: std's rules refuse it with
    // truncation, which POSIX allows. It is switched on once the file is
    // open.
    let options = |write: bool| {
        let mut options = OpenOptions::new();
        options
            .read(!write || base & (rights::FD_READ | rights::FD_READDIR) != 0)
            .write(write)
            .create(create && !precreate)
            .create_new(exclusive && !precreate)
            .truncate(truncate)
            .follow(if follow {
                FollowSymlinks::Yes
            } else {
                FollowSymlinks::No
            })
            .maybe_dir(true)
            .dsync(fdflags & DSYNC != 0)
            .rsync(fdflags & RSYNC != 0)
            .sync(fdflags & SYNC != 0)
            .nonblock(fdflags & NONBLOCK != 0);
        options
    };
    let file = match dir.open_with(path, &options(write)) {
        // A directory cannot be opened for writing (`EISDIR`), and FD_WRITE,
        // TRUNC or CREAT on one is refused so, as POSIX `open` does. But
        // FD_ALLOCATE and FD_FILESTAT_SET_SIZE only opened the host file
        // for writing in case it was a file; a directory has no use for
        // them (they are dropped below), so it is opened for reading.
        Err(e)
            if e.raw_os_error() == Some(libc::EISDIR)
                && base & rights::FD_WRITE == 0
                && !truncate
                && !create =>
        {
            dir.open_with(path, &options(false))?
        }
        opened => opened?,
    };
    if file.metadata()?.is_dir() {
        // POSIX `open(O_CREAT)` of a directory is `EISDIR` even read-only
        // (which the open after precreating lets through).
        if create {
            return Err(Errno::Isdir);
        }
        return Ok(Handle::Dir(Dir::from_std_file(file.into_std())));
    }
    if fdflags & APPEND != 0 {
        set_host_flags(&file, fdflags as u16)?;
    }
    Ok(Handle::File(file))
}
