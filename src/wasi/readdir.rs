//! `fd_readdir`: a directory's entries in the preview1 dirent format.
//!
//! Each entry is a 24-byte header (d_next u64: the cookie of the entry
//! after it; d_ino u64; d_namlen u32; d_type u8; padding) followed by the
//! name, not NUL-terminated. Entry `i` is the one cookie `i` starts at: "."
//! and ".." first, then the directory's entries sorted by name, so a
//! cookie means the same entry from one call to the next (the host lists
//! the directory afresh each time). The entries are written back to back
//! and cut off at the buffer's end, even in the middle of an entry: a full
//! buffer tells the caller (wasi-libc's `readdir`) to read again from the
//! last whole entry's cookie, with a bigger buffer if one entry did not
//! fit.

use super::errno::{Errno, WasiResult};
use super::fd_table::Handle;
use super::filestat::{self, filetype};
use super::memory::GuestMemory;
use super::memory::{write_bytes, write_u32, Args};
use super::rights;
use super::{Function, WasiCtx};
use crate::types::ValType::{I32, I64};
use cap_fs_ext::OsMetadataExt;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::DirEntryExt;

pub(super) const FUNCTIONS: &[Function] = &[Function {
    name: "fd_readdir",
    params: &[I32, I32, I32, I64, I32],
    run: fd_readdir,
}];

/// `fd_readdir(fd, buf, buf_len, cookie, bufused)`.
fn fd_readdir(ctx: &WasiCtx, mem: &GuestMemory, a: &Args) -> WasiResult<()> {
    let fds = ctx.fds.borrow();
    let d = fds.get(a.u32(0), rights::FD_READDIR)?;
    let Handle::Dir(dir) = &d.handle else {
        return Err(Errno::Notdir);
    };
    let (buf, buf_len, cookie) = (a.u32(1), a.u32(2), a.u64(3));
    // "." and ".." both get this directory's inode number: the parent of a
    // preopen is outside the sandbox and must not be looked at.
    let ino = dir.dir_metadata()?.ino();
    let mut entries = vec![
        (b".".to_vec(), ino, filestat::DIRECTORY),
        (b"..".to_vec(), ino, filestat::DIRECTORY),
    ];
    let mut rest = Vec::new();
    for entry in dir.entries()? {
        let entry = entry?;
        let ty = entry.file_type().map_or(filestat::UNKNOWN, filetype);
        rest.push((entry.file_name().as_bytes().to_vec(), entry.ino(), ty));
    }
    rest.sort();
    entries.extend(rest);

    let mut out = Vec::new();
    let start = usize::try_from(cookie).unwrap_or(usize::MAX);
    for (i, (name, ino, ty)) in entries.iter().enumerate().skip(start) {
        if out.len() >= buf_len as usize {
            break;
        }
        let mut header = [0u8; 24];
        header[0..8].copy_from_slice(&(i as u64 + 1).to_le_bytes());
        header[8..16].copy_from_slice(&ino.to_le_bytes());
        header[16..20].copy_from_slice(&(name.len() as u32).to_le_bytes());
        header[20] = *ty;
        out.extend_from_slice(&header);
        out.extend_from_slice(name);
    }
    out.truncate(buf_len as usize);
    write_bytes(mem, buf, &out)?;
    write_u32(mem, a.u32(4), out.len() as u32)
}
