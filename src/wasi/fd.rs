//! The `fd_*` functions: operations on an open descriptor (a standard
//! stream, a file, a directory or a socket), other than `fd_readdir`.
//!
//! Each looks the descriptor up with the rights the operation needs
//! (`EBADF` if it is not open, `ENOTCAPABLE` if it lacks them) and then
//! acts on what it refers to. Streams and sockets cannot seek (`ESPIPE`);
//! reading or writing a directory is `EISDIR`; reading or writing a
//! connected socket is receiving or sending on it (see `socket`).

use super::errno::{Errno, WasiResult};
use super::fd_table::{Descriptor, Handle};
use super::filestat::{self, time_changes};
use super::memory::GuestMemory;
use super::memory::{each_buffer, scatter, write_bytes, write_u32, write_u64, Args};
use super::rights::{self, Rights};
use super::{socket, Function, WasiCtx};
use crate::types::ValType::{I32, I64};
use cap_fs_ext::{DirExt, OpenOptions, OpenOptionsMaybeDirExt};
use cap_std::fs::FileExt;
use fs_set_times::SetTimes;
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::fd::AsRawFd;

pub(super) const FUNCTIONS: &[Function] = &[
    Function {
        name: "fd_advise",
        params: &[I32, I64, I64, I32],
        run: fd_advise,
    },
    Function {
        name: "fd_allocate",
        params: &[I32, I64, I64],
        run: fd_allocate,
    },
    Function {
        name: "fd_close",
        params: &[I32],
        run: |ctx, _, a| ctx.fds.borrow_mut().remove(a.u32(0)).map(drop),
    },
    Function {
        name: "fd_datasync",
        params: &[I32],
        run: |ctx, _, a| sync(ctx, a.u32(0), rights::FD_DATASYNC),
    },
    Function {
        name: "fd_sync",
        params: &[I32],
        run: |ctx, _, a| sync(ctx, a.u32(0), rights::FD_SYNC),
    },
    Function {
        name: "fd_fdstat_get",
        params: &[I32, I32],
        run: fd_fdstat_get,
    },
    Function {
        name: "fd_fdstat_set_flags",
        params: &[I32, I32],
        run: fd_fdstat_set_flags,
    },
    Function {
        name: "fd_fdstat_set_rights",
        params: &[I32, I64, I64],
        run: fd_fdstat_set_rights,
    },
    Function {
        name: "fd_filestat_get",
        params: &[I32, I32],
        run: fd_filestat_get,
    },
    Function {
        name: "fd_filestat_set_size",
        params: &[I32, I64],
        run: |ctx, _, a| {
            let fds = ctx.fds.borrow();
            let d = fds.get(a.u32(0), rights::FD_FILESTAT_SET_SIZE)?;
            Ok(file(d)?.set_len(a.u64(1))?)
        },
    },
    Function {
        name: "fd_filestat_set_times",
        params: &[I32, I64, I64, I32],
        run: fd_filestat_set_times,
    },
    Function {
        name: "fd_pread",
        params: &[I32, I32, I32, I64, I32],
        run: fd_pread,
    },
    Function {
        name: "fd_pwrite",
        params: &[I32, I32, I32, I64, I32],
        run: fd_pwrite,
    },
    Function {
        name: "fd_read",
        params: &[I32, I32, I32, I32],
        run: fd_read,
    },
    Function {
        name: "fd_write",
        params: &[I32, I32, I32, I32],
        run: fd_write,
    },
    Function {
        name: "fd_prestat_get",
        params: &[I32, I32],
        run: fd_prestat_get,
    },
    Function {
        name: "fd_prestat_dir_name",
        params: &[I32, I32, I32],
        run: fd_prestat_dir_name,
    },
    Function {
        name: "fd_renumber",
        params: &[I32, I32],
        run: |ctx, _, a| ctx.fds.borrow_mut().renumber(a.u32(0), a.u32(1)),
    },
    Function {
        name: "fd_seek",
        params: &[I32, I64, I32, I32],
        run: fd_seek,
    },
    Function {
        name: "fd_tell",
        params: &[I32, I32],
        run: fd_tell,
    },
];

/// The file a descriptor refers to: `EISDIR` for a directory, `ESPIPE` for
/// a stream (the operations asking for a file are positioned ones).
fn file(d: &Descriptor) -> WasiResult<&cap_std::fs::File> {
    match &d.handle {
        Handle::File(f) => Ok(f),
        Handle::Dir(_) => Err(Errno::Isdir),
        Handle::Reader(..) | Handle::Writer(..) | Handle::Listener(_) | Handle::Socket(_) => {
            Err(Errno::Spipe)
        }
    }
}

/// The directory itself opened for reading, for the operations cap-std's
/// `Dir` does not offer (sync). (cap-std may hold directories as `O_PATH`
/// handles, which cannot be synced.)
fn reopen(dir: &cap_std::fs::Dir) -> WasiResult<cap_std::fs::File> {
    let mut options = OpenOptions::new();
    options.read(true).maybe_dir(true);
    Ok(dir.open_with(".", &options)?)
}

/// `fd_advise(fd, offset, len, advice)`: a hint, passed on to the host.
fn fd_advise(ctx: &WasiCtx, _: &GuestMemory, a: &Args) -> WasiResult<()> {
    let fds = ctx.fds.borrow();
    let f = file(fds.get(a.u32(0), rights::FD_ADVISE)?)?;
    let advice = match a.u32(3) {
        0 => libc::POSIX_FADV_NORMAL,
        1 => libc::POSIX_FADV_SEQUENTIAL,
        2 => libc::POSIX_FADV_RANDOM,
        3 => libc::POSIX_FADV_WILLNEED,
        4 => libc::POSIX_FADV_DONTNEED,
        5 => libc::POSIX_FADV_NOREUSE,
        _ => return Err(Errno::Inval),
    };
    let offset = i64::try_from(a.u64(1)).map_err(|_| Errno::Inval)?;
    let len = i64::try_from(a.u64(2)).map_err(|_| Errno::Inval)?;
    // SAFETY: `f` is an open file for the duration of the call; fadvise
    // touches no memory.
    match unsafe { libc::posix_fadvise(f.as_raw_fd(), offset, len, advice) } {
        0 => Ok(()),
        code => Err(std::io::Error::from_raw_os_error(code).into()),
    }
}

/// `fd_allocate(fd, offset, len)`: make sure the file has room for
/// `offset + len` bytes, growing it (with zeros) if it is shorter.
fn fd_allocate(ctx: &WasiCtx, _: &GuestMemory, a: &Args) -> WasiResult<()> {
    let fds = ctx.fds.borrow();
    let f = file(fds.get(a.u32(0), rights::FD_ALLOCATE)?)?;
    let end = a
        .u64(1)
        .checked_add(a.u64(2))
        .filter(|&end| end <= i64::MAX as u64)
        .ok_or(Errno::Fbig)?;
    if f.metadata()?.len() < end {
        f.set_len(end)?;
    }
    Ok(())
}

/// `fd_sync` / `fd_datasync`: flush a file (or directory) to storage.
fn sync(ctx: &WasiCtx, fd: u32, right: Rights) -> WasiResult<()> {
    let fds = ctx.fds.borrow();
    let d = fds.get(fd, right)?;
    let data_only = right == rights::FD_DATASYNC;
    let result = match &d.handle {
        Handle::File(f) if data_only => f.sync_data(),
        Handle::File(f) => f.sync_all(),
        Handle::Dir(dir) if data_only => reopen(dir)?.sync_data(),
        Handle::Dir(dir) => reopen(dir)?.sync_all(),
        Handle::Reader(..) | Handle::Writer(..) | Handle::Listener(_) | Handle::Socket(_) => {
            return Err(Errno::Inval)
        }
    };
    Ok(result?)
}

/// `fd_fdstat_get(fd, buf)`: the 24-byte fdstat (filetype u8, pad, flags
/// u16, pad, rights base u64, rights inheriting u64).
fn fd_fdstat_get(ctx: &WasiCtx, mem: &GuestMemory, a: &Args) -> WasiResult<()> {
    let fds = ctx.fds.borrow();
    let d = fds.get(a.u32(0), 0)?;
    let filetype = match &d.handle {
        Handle::Reader(..) | Handle::Writer(..) => filestat::CHARACTER_DEVICE,
        Handle::File(f) => filestat::filetype(f.metadata()?.file_type()),
        Handle::Dir(_) => filestat::DIRECTORY,
        Handle::Listener(_) | Handle::Socket(_) => filestat::SOCKET_STREAM,
    };
    let mut stat = [0u8; 24];
    stat[0] = filetype;
    stat[2..4].copy_from_slice(&d.flags.to_le_bytes());
    stat[8..16].copy_from_slice(&d.base.to_le_bytes());
    stat[16..24].copy_from_slice(&d.inheriting.to_le_bytes());
    write_bytes(mem, a.u32(1), &stat)
}

const APPEND: u16 = 1 << 0;
const NONBLOCK: u16 = 1 << 2;
/// DSYNC, RSYNC and SYNC: fixed when a file is opened.
const SYNC_FLAGS: u16 = (1 << 1) | (1 << 3) | (1 << 4);

/// `fd_fdstat_set_flags(fd, flags)`: APPEND and NONBLOCK can change on an
/// open file; the sync flags cannot on Linux, so changing them is
/// `ENOTSUP`.
fn fd_fdstat_set_flags(ctx: &WasiCtx, _: &GuestMemory, a: &Args) -> WasiResult<()> {
    let mut fds = ctx.fds.borrow_mut();
    let d = fds.get_mut(a.u32(0), rights::FD_FDSTAT_SET_FLAGS)?;
    let flags = u16::try_from(a.u32(1)).map_err(|_| Errno::Inval)?;
    if flags & !(APPEND | NONBLOCK | SYNC_FLAGS) != 0 {
        return Err(Errno::Inval);
    }
    if (flags ^ d.flags) & SYNC_FLAGS != 0 {
        return Err(Errno::Notsup);
    }
    match &d.handle {
        Handle::File(f) => set_host_flags(f, flags)?,
        Handle::Listener(l) => set_host_flags(l, flags)?,
        Handle::Socket(s) => set_host_flags(s, flags)?,
        // Appending and non-blocking mean nothing for a directory; the
        // flags are only recorded.
        Handle::Dir(_) => {}
        Handle::Reader(..) | Handle::Writer(..) => return Err(Errno::Notsup),
    }
    d.flags = flags;
    Ok(())
}

/// Make the host descriptor's `O_APPEND` and `O_NONBLOCK` match the
/// preview1 `flags` (the other status flags are left alone). `path_open`
/// uses it too: std's open options refuse `O_APPEND | O_TRUNC`, which
/// POSIX allows, so appending is switched on once the file is open.
pub(super) fn set_host_flags(fd: &impl AsRawFd, flags: u16) -> WasiResult<()> {
    let fd = fd.as_raw_fd();
    // SAFETY: `fd` is open for the duration of the call (the caller
    // borrows its owner); F_GETFL/F_SETFL touch no memory.
    let host = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if host < 0 {
        return Err(std::io::Error::last_os_error().into());
    }
    let mut host = host & !(libc::O_APPEND | libc::O_NONBLOCK);
    if flags & APPEND != 0 {
        host |= libc::O_APPEND;
    }
    if flags & NONBLOCK != 0 {
        host |= libc::O_NONBLOCK;
    }
    // SAFETY: as above.
    if unsafe { libc::fcntl(fd, libc::F_SETFL, host) } < 0 {
        return Err(std::io::Error::last_os_error().into());
    }
    Ok(())
}

/// `fd_fdstat_set_rights(fd, base, inheriting)`: rights can only be
/// dropped, never gained.
fn fd_fdstat_set_rights(ctx: &WasiCtx, _: &GuestMemory, a: &Args) -> WasiResult<()> {
    let mut fds = ctx.fds.borrow_mut();
    let d = fds.get_mut(a.u32(0), 0)?;
    let (base, inheriting) = (a.u64(1), a.u64(2));
    if base & !d.base != 0 || inheriting & !d.inheriting != 0 {
        return Err(Errno::Notcapable);
    }
    d.base = base;
    d.inheriting = inheriting;
    Ok(())
}

fn fd_filestat_get(ctx: &WasiCtx, mem: &GuestMemory, a: &Args) -> WasiResult<()> {
    let fds = ctx.fds.borrow();
    let d = fds.get(a.u32(0), rights::FD_FILESTAT_GET)?;
    let stat = match &d.handle {
        Handle::File(f) => filestat::encode(&f.metadata()?),
        Handle::Dir(dir) => filestat::encode(&dir.dir_metadata()?),
        Handle::Reader(..) | Handle::Writer(..) => filestat::of_type(filestat::CHARACTER_DEVICE),
        Handle::Listener(_) | Handle::Socket(_) => filestat::of_type(filestat::SOCKET_STREAM),
    };
    write_bytes(mem, a.u32(1), &stat)
}

/// `fd_filestat_set_times(fd, atim, mtim, fstflags)`.
fn fd_filestat_set_times(ctx: &WasiCtx, _: &GuestMemory, a: &Args) -> WasiResult<()> {
    let fds = ctx.fds.borrow();
    let d = fds.get(a.u32(0), rights::FD_FILESTAT_SET_TIMES)?;
    let [atime, mtime] = time_changes(a.u64(1), a.u64(2), a.u32(3))?;
    let result = match &d.handle {
        Handle::File(f) => f.set_times(atime.for_fd(), mtime.for_fd()),
        // Through the path "." beneath it: the directory's handle may be
        // `O_PATH`, which cannot set times itself.
        Handle::Dir(dir) => DirExt::set_times(dir, ".", atime.for_path(), mtime.for_path()),
        Handle::Reader(..) | Handle::Writer(..) | Handle::Listener(_) | Handle::Socket(_) => {
            return Err(Errno::Badf)
        }
    };
    Ok(result?)
}

/// `fd_pread(fd, iovs, iovs_len, offset, nread)`: read at an offset,
/// leaving the file position alone.
fn fd_pread(ctx: &WasiCtx, mem: &GuestMemory, a: &Args) -> WasiResult<()> {
    let fds = ctx.fds.borrow();
    let f = file(fds.get(a.u32(0), rights::FD_READ | rights::FD_SEEK)?)?;
    let mut offset = a.u64(3);
    let n = scatter(mem, a.u32(1), a.u32(2), |buf| {
        let n = f.read_at(buf, offset)?;
        offset = offset.wrapping_add(n as u64);
        Ok(n)
    })?;
    write_u32(mem, a.u32(4), n)
}

/// `fd_pwrite(fd, iovs, iovs_len, offset, nwritten)`: write at an offset,
/// leaving the file position alone.
fn fd_pwrite(ctx: &WasiCtx, mem: &GuestMemory, a: &Args) -> WasiResult<()> {
    let fds = ctx.fds.borrow();
    let f = file(fds.get(a.u32(0), rights::FD_WRITE | rights::FD_SEEK)?)?;
    let mut offset = a.u64(3);
    let n = each_buffer(mem, a.u32(1), a.u32(2), |bytes| {
        f.write_all_at(bytes, offset)?;
        offset = offset.wrapping_add(bytes.len() as u64);
        Ok(())
    })?;
    write_u32(mem, a.u32(4), n)
}

/// `fd_read(fd, iovs, iovs_len, nread)`.
fn fd_read(ctx: &WasiCtx, mem: &GuestMemory, a: &Args) -> WasiResult<()> {
    let mut fds = ctx.fds.borrow_mut();
    let d = fds.get_mut(a.u32(0), rights::FD_READ)?;
    let (iovs, count) = (a.u32(1), a.u32(2));
    let n = match &mut d.handle {
        Handle::Socket(s) => socket::recv(mem, s, iovs, count, 0)?,
        handle => scatter(mem, iovs, count, |buf| {
            Ok(match handle {
                Handle::Reader(r, _) => r.read(buf)?,
                Handle::File(f) => f.read(buf)?,
                Handle::Dir(_) => return Err(Errno::Isdir),
                Handle::Writer(..) => return Err(Errno::Badf),
                Handle::Listener(_) | Handle::Socket(_) => return Err(Errno::Notconn),
            })
        })?,
    };
    write_u32(mem, a.u32(3), n)
}

/// `fd_write(fd, iovs, iovs_len, nwritten)`. A file opened or set with
/// APPEND has the host append (`O_APPEND`), so every write lands at the
/// end even with other writers.
fn fd_write(ctx: &WasiCtx, mem: &GuestMemory, a: &Args) -> WasiResult<()> {
    let mut fds = ctx.fds.borrow_mut();
    let d = fds.get_mut(a.u32(0), rights::FD_WRITE)?;
    let (iovs, count) = (a.u32(1), a.u32(2));
    let n = match &mut d.handle {
        Handle::Socket(s) => socket::send(mem, s, iovs, count)?,
        handle => each_buffer(mem, iovs, count, |bytes| {
            match handle {
                Handle::Writer(w, _) => w.write_all(bytes)?,
                Handle::File(f) => f.write_all(bytes)?,
                Handle::Dir(_) => return Err(Errno::Isdir),
                Handle::Reader(..) => return Err(Errno::Badf),
                Handle::Listener(_) | Handle::Socket(_) => return Err(Errno::Notconn),
            }
            Ok(())
        })?,
    };
    if let Handle::Writer(w, _) = &mut d.handle {
        w.flush()?;
    }
    write_u32(mem, a.u32(3), n)
}

/// `fd_prestat_get(fd, buf)`: for a preopened directory, the 8-byte
/// prestat (tag 0 = directory, then the name's length as u32). Any other
/// descriptor is `EBADF`, which is how wasi-libc's start code finds the
/// end of the preopens.
fn fd_prestat_get(ctx: &WasiCtx, mem: &GuestMemory, a: &Args) -> WasiResult<()> {
    let fds = ctx.fds.borrow();
    let name = fds.get(a.u32(0), 0)?.preopen.as_ref().ok_or(Errno::Badf)?;
    let mut prestat = [0u8; 8];
    prestat[4..].copy_from_slice(&(name.len() as u32).to_le_bytes());
    write_bytes(mem, a.u32(1), &prestat)
}

/// `fd_prestat_dir_name(fd, buf, len)`: the preopen's guest name (no NUL).
fn fd_prestat_dir_name(ctx: &WasiCtx, mem: &GuestMemory, a: &Args) -> WasiResult<()> {
    let fds = ctx.fds.borrow();
    let name = fds.get(a.u32(0), 0)?.preopen.as_ref().ok_or(Errno::Badf)?;
    if name.len() > a.u32(2) as usize {
        return Err(Errno::Nametoolong);
    }
    write_bytes(mem, a.u32(1), name.as_bytes())
}

/// `fd_seek(fd, offset, whence, newoffset)`. Asking for the position
/// (offset 0 from the current one) needs only FD_TELL, as `fd_tell` does.
fn fd_seek(ctx: &WasiCtx, mem: &GuestMemory, a: &Args) -> WasiResult<()> {
    let mut fds = ctx.fds.borrow_mut();
    let fd = a.u32(0);
    let offset = a.u64(1) as i64;
    let whence = a.u32(2);
    let needed = if offset == 0 && whence == 1 {
        rights::FD_TELL
    } else {
        rights::FD_SEEK
    };
    let d = fds.get_mut(fd, 0)?;
    if !matches!(d.handle, Handle::File(_) | Handle::Dir(_)) {
        return Err(Errno::Spipe);
    }
    d.require(needed)?;
    let pos = match whence {
        0 => SeekFrom::Start(u64::try_from(offset).map_err(|_| Errno::Inval)?),
        1 => SeekFrom::Current(offset),
        2 => SeekFrom::End(offset),
        _ => return Err(Errno::Inval),
    };
    let Handle::File(f) = &mut d.handle else {
        return Err(Errno::Badf);
    };
    let new = f.seek(pos)?;
    write_u64(mem, a.u32(3), new)
}

/// `fd_tell(fd, offset)`: the current file position.
fn fd_tell(ctx: &WasiCtx, mem: &GuestMemory, a: &Args) -> WasiResult<()> {
    let mut fds = ctx.fds.borrow_mut();
    let d = fds.get_mut(a.u32(0), 0)?;
    if !matches!(d.handle, Handle::File(_) | Handle::Dir(_)) {
        return Err(Errno::Spipe);
    }
    d.require(rights::FD_TELL)?;
    let Handle::File(f) = &mut d.handle else {
        return Err(Errno::Badf);
    };
    let pos = f.stream_position()?;
    write_u64(mem, a.u32(1), pos)
}
