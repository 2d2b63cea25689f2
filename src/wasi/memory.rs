//! Reading arguments and guest memory for the preview1 functions.
//!
//! Guest pointers and lengths are untrusted: every access goes through
//! [`GuestMemory::read`]/[`GuestMemory::write`], which are bounds-checked, and a length is checked
//! against the memory's size before anything is allocated for it, so a
//! guest cannot make the host allocate gigabytes or read out of bounds.
//! Every failure is `EFAULT`.

use super::errno::{Errno, WasiResult};
use crate::types::Val;
use std::cell::RefCell;
use std::path::PathBuf;

/// The calling instance's memory for the duration of one call, borrowed
/// from the store beside the WASI context (`Memory::data_and_store_mut`).
/// A `RefCell` so the preview1 functions can pass it around by shared
/// reference, as they do the context.
pub struct GuestMemory<'a>(RefCell<&'a mut [u8]>);

impl<'a> GuestMemory<'a> {
    pub fn new(bytes: &'a mut [u8]) -> GuestMemory<'a> {
        GuestMemory(RefCell::new(bytes))
    }

    /// The size in bytes.
    pub fn data_size(&self) -> usize {
        self.0.borrow().len()
    }

    /// Copy `buf.len()` bytes at `offset` out; fails if out of bounds.
    pub fn read(&self, offset: usize, buf: &mut [u8]) -> Result<(), ()> {
        let bytes = self.0.borrow();
        let end = offset
            .checked_add(buf.len())
            .filter(|&e| e <= bytes.len())
            .ok_or(())?;
        buf.copy_from_slice(&bytes[offset..end]);
        Ok(())
    }

    /// Copy `data` in at `offset`; fails if out of bounds.
    pub fn write(&self, offset: usize, data: &[u8]) -> Result<(), ()> {
        let mut bytes = self.0.borrow_mut();
        let end = offset
            .checked_add(data.len())
            .filter(|&e| e <= bytes.len())
            .ok_or(())?;
        bytes[offset..end].copy_from_slice(data);
        Ok(())
    }
}

/// The arguments of one call, read by position and type.
pub struct Args<'a>(pub &'a [Val]);

impl Args<'_> {
    pub fn u32(&self, i: usize) -> u32 {
        match self.0.get(i) {
            Some(Val::I32(v)) => *v as u32,
            Some(Val::I64(v)) => *v as u32,
            _ => 0,
        }
    }

    pub fn u64(&self, i: usize) -> u64 {
        match self.0.get(i) {
            Some(Val::I64(v)) => *v as u64,
            Some(Val::I32(v)) => *v as u32 as u64,
            _ => 0,
        }
    }
}

/// Fails unless `[ptr, ptr + len)` lies inside the memory.
pub fn check(mem: &GuestMemory, ptr: u32, len: usize) -> WasiResult<()> {
    match (ptr as usize).checked_add(len) {
        Some(end) if end <= mem.data_size() => Ok(()),
        _ => Err(Errno::Fault),
    }
}

pub fn read_bytes(mem: &GuestMemory, ptr: u32, len: u32) -> WasiResult<Vec<u8>> {
    check(mem, ptr, len as usize)?;
    let mut buf = vec![0u8; len as usize];
    mem.read(ptr as usize, &mut buf).map_err(|_| Errno::Fault)?;
    Ok(buf)
}

/// A zeroed host buffer for `len` bytes the host will write to guest
/// memory at `ptr`, allocated only once the range is known to be valid.
pub fn buffer_for(mem: &GuestMemory, ptr: u32, len: u32) -> WasiResult<Vec<u8>> {
    check(mem, ptr, len as usize)?;
    Ok(vec![0u8; len as usize])
}

pub fn write_bytes(mem: &GuestMemory, ptr: u32, bytes: &[u8]) -> WasiResult<()> {
    mem.write(ptr as usize, bytes).map_err(|_| Errno::Fault)
}

pub fn write_u32(mem: &GuestMemory, ptr: u32, v: u32) -> WasiResult<()> {
    write_bytes(mem, ptr, &v.to_le_bytes())
}

pub fn write_u64(mem: &GuestMemory, ptr: u32, v: u64) -> WasiResult<()> {
    write_bytes(mem, ptr, &v.to_le_bytes())
}

/// The `(pointer, length)` pairs of an iovec (or ciovec) array.
pub fn iovecs(mem: &GuestMemory, ptr: u32, count: u32) -> WasiResult<Vec<(u32, u32)>> {
    let raw = read_bytes(mem, ptr, count.checked_mul(8).ok_or(Errno::Fault)?)?;
    let word = |b: &[u8]| u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
    Ok(raw
        .chunks_exact(8)
        .map(|c| (word(&c[..4]), word(&c[4..])))
        .collect())
}

/// Hand each buffer of a ciovec array to `write` in turn, as `writev`
/// would; returns the total. One buffer is copied out of guest memory at a
/// time, so a guest listing the same large buffer many times cannot make
/// the host allocate more than one buffer's worth.
pub fn each_buffer(
    mem: &GuestMemory,
    ptr: u32,
    count: u32,
    mut write: impl FnMut(&[u8]) -> WasiResult<()>,
) -> WasiResult<u32> {
    let mut total = 0u32;
    for (p, len) in iovecs(mem, ptr, count)? {
        write(&read_bytes(mem, p, len)?)?;
        total = total.wrapping_add(len);
    }
    Ok(total)
}

/// Read into the buffers of an iovec array with `read`, which fills a
/// host buffer and returns how much it filled; stops at the first short
/// read, like `readv`. Returns the total read.
pub fn scatter(
    mem: &GuestMemory,
    ptr: u32,
    count: u32,
    mut read: impl FnMut(&mut [u8]) -> WasiResult<usize>,
) -> WasiResult<u32> {
    let mut total = 0u32;
    for (p, len) in iovecs(mem, ptr, count)? {
        let mut buf = buffer_for(mem, p, len)?;
        let n = read(&mut buf)?;
        write_bytes(mem, p, &buf[..n])?;
        total = total.wrapping_add(n as u32);
        if n < buf.len() {
            break;
        }
    }
    Ok(total)
}

/// A path argument: `len` bytes at `ptr`. Preview1 strings are UTF-8
/// (`EILSEQ` otherwise); a NUL inside one is refused later by the OS layer
/// (`EINVAL`).
pub fn read_path(mem: &GuestMemory, ptr: u32, len: u32) -> WasiResult<PathBuf> {
    let bytes = read_bytes(mem, ptr, len)?;
    let text = std::str::from_utf8(&bytes).map_err(|_| Errno::Ilseq)?;
    Ok(PathBuf::from(text))
}
