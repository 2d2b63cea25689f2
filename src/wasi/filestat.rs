//! File types, `filestat` records and timestamp updates, shared by the
//! `fd_*`, `fd_readdir` and `path_*` functions.
//!
//! The preview1 `filestat` is 64 bytes: dev u64, ino u64, filetype u8
//! (padded to 8), nlink u64, size u64, atim, mtim, ctim (u64 nanoseconds
//! since the epoch).

use super::errno::{Errno, WasiResult};
use cap_fs_ext::OsMetadataExt;
use cap_std::fs::{FileType, FileTypeExt, Metadata};
use std::time::{Duration, SystemTime};

pub const UNKNOWN: u8 = 0;
pub const CHARACTER_DEVICE: u8 = 2;
pub const DIRECTORY: u8 = 3;
pub const SOCKET_STREAM: u8 = 6;

/// The preview1 filetype of a host file type.
pub fn filetype(ty: FileType) -> u8 {
    if ty.is_dir() {
        DIRECTORY
    } else if ty.is_file() {
        4
    } else if ty.is_symlink() {
        7
    } else if ty.is_block_device() {
        1
    } else if ty.is_char_device() {
        CHARACTER_DEVICE
    } else if ty.is_socket() {
        // The host cannot tell stream from datagram here, and stream
        // sockets are what a program finds in a directory.
        SOCKET_STREAM
    } else {
        UNKNOWN
    }
}

/// The 64-byte `filestat` of `meta`.
pub fn encode(meta: &Metadata) -> [u8; 64] {
    let nanos = |secs: i64, nsec: i64| {
        (secs as u64)
            .wrapping_mul(1_000_000_000)
            .wrapping_add(nsec as u64)
    };
    stat_bytes(
        filetype(meta.file_type()),
        [
            meta.dev(),
            meta.ino(),
            meta.nlink(),
            meta.size(),
            nanos(meta.atime(), meta.atime_nsec()),
            nanos(meta.mtime(), meta.mtime_nsec()),
            nanos(meta.ctime(), meta.ctime_nsec()),
        ],
    )
}

/// A `filestat` with only a file type (a standard stream not backed by
/// a file the guest may look at).
pub fn of_type(filetype: u8) -> [u8; 64] {
    stat_bytes(filetype, [0; 7])
}

/// `[dev, ino, nlink, size, atim, mtim, ctim]` laid out around the type.
fn stat_bytes(filetype: u8, [dev, ino, nlink, size, atim, mtim, ctim]: [u64; 7]) -> [u8; 64] {
    let mut out = [0u8; 64];
    out[16] = filetype;
    for (offset, v) in [
        (0, dev),
        (8, ino),
        (24, nlink),
        (32, size),
        (40, atim),
        (48, mtim),
        (56, ctim),
    ] {
        out[offset..offset + 8].copy_from_slice(&v.to_le_bytes());
    }
    out
}

/// One timestamp change requested by `fstflags`: none, now, or a time.
pub enum TimeChange {
    Keep,
    Now,
    At(SystemTime),
}

const ATIM: u32 = 1 << 0;
const ATIM_NOW: u32 = 1 << 1;
const MTIM: u32 = 1 << 2;
const MTIM_NOW: u32 = 1 << 3;

/// The access and modification time changes that `fstflags` asks for;
/// `EINVAL` for both a time and "now" for the same stamp, or unknown bits.
pub fn time_changes(atim: u64, mtim: u64, fstflags: u32) -> WasiResult<[TimeChange; 2]> {
    if fstflags & !(ATIM | ATIM_NOW | MTIM | MTIM_NOW) != 0 {
        return Err(Errno::Inval);
    }
    let change = |value: u64, set: u32, now: u32| match (fstflags & set != 0, fstflags & now != 0) {
        (true, true) => Err(Errno::Inval),
        (true, false) => Ok(TimeChange::At(
            SystemTime::UNIX_EPOCH + Duration::from_nanos(value),
        )),
        (false, true) => Ok(TimeChange::Now),
        (false, false) => Ok(TimeChange::Keep),
    };
    Ok([change(atim, ATIM, ATIM_NOW)?, change(mtim, MTIM, MTIM_NOW)?])
}

impl TimeChange {
    /// For `fs_set_times` (descriptors).
    pub fn for_fd(&self) -> Option<fs_set_times::SystemTimeSpec> {
        match self {
            TimeChange::Keep => None,
            TimeChange::Now => Some(fs_set_times::SystemTimeSpec::SymbolicNow),
            TimeChange::At(t) => Some(fs_set_times::SystemTimeSpec::Absolute(*t)),
        }
    }

    /// For `cap_fs_ext::DirExt` (paths beneath a directory).
    pub fn for_path(&self) -> Option<cap_fs_ext::SystemTimeSpec> {
        match self {
            TimeChange::Keep => None,
            TimeChange::Now => Some(cap_fs_ext::SystemTimeSpec::SymbolicNow),
            TimeChange::At(t) => Some(cap_fs_ext::SystemTimeSpec::Absolute(
                cap_std::time::SystemTime::from_std(*t),
            )),
        }
    }
}
