//! Executable memory for JIT code.
//!
//! [`CodeMemory`] owns one anonymous mapping holding finished machine code.
//! It follows W^X: the pages are mapped read/write only while the code is
//! copied in, then switched to read/execute before anyone can get a pointer
//! to them, so the mapping is never writable and executable at once. Code is
//! immutable afterwards (the compiler resolves every relocation before
//! handing the bytes over), which is also why sharing it between threads is
//! sound.

use std::io;
use std::ptr::NonNull;

/// A read/execute mapping holding a copy of some machine code.
pub struct CodeMemory {
    ptr: NonNull<u8>,
    /// Length of the code itself.
    len: usize,
    /// Length of the mapping (`len` rounded up to whole pages, at least one).
    map_len: usize,
}

// SAFETY: the mapping is owned exclusively by this value and is read-only
// (read/execute) for its whole observable lifetime, so moving it to or
// sharing it with another thread cannot cause a data race.
unsafe impl Send for CodeMemory {}
// SAFETY: see `Send`: after `new` returns nothing ever writes the mapping.
unsafe impl Sync for CodeMemory {}

pub(crate) fn page_size() -> usize {
    // SAFETY: sysconf has no preconditions.
    let size = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    if size <= 0 {
        4096
    } else {
        size as usize
    }
}

impl CodeMemory {
    /// Map `code` as executable. The bytes are copied; `code` can be dropped
    /// afterwards.
    pub fn new(code: &[u8]) -> io::Result<CodeMemory> {
        let page = page_size();
        // An empty mapping is not allowed; keep one page so `as_ptr` is always
        // a valid, unique address.
        let map_len = code.len().max(1).div_ceil(page) * page;
        // SAFETY: an anonymous private mapping at a kernel-chosen address
        // touches no existing memory.
        let ptr = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                map_len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if ptr == libc::MAP_FAILED {
            return Err(io::Error::last_os_error());
        }
        // From here on `mem` owns the mapping and unmaps it on every error path.
        let mem = CodeMemory {
            ptr: NonNull::new(ptr.cast::<u8>()).expect("mmap returned null"),
            len: code.len(),
            map_len,
        };
        // SAFETY: the mapping is `map_len >= code.len()` bytes, writable, and
        // freshly created, so it cannot overlap `code`.
        unsafe {
            std::ptr::copy_nonoverlapping(code.as_ptr(), mem.ptr.as_ptr(), code.len());
        }
        // SAFETY: the range is exactly our own mapping.
        let rc = unsafe {
            libc::mprotect(
                mem.ptr.as_ptr().cast(),
                map_len,
                libc::PROT_READ | libc::PROT_EXEC,
            )
        };
        if rc != 0 {
            return Err(io::Error::last_os_error());
        }
        // Instruction caches are not coherent with data writes on aarch64;
        // this is a no-op on x86_64.
        dynasmrt::cache_control::synchronize_icache(mem.as_slice());
        dynasmrt::cache_control::prepare_for_execution(mem.as_slice());
        Ok(mem)
    }

    /// The start of the code.
    pub fn as_ptr(&self) -> *const u8 {
        self.ptr.as_ptr()
    }

    /// The length of the code in bytes (not of the mapping).
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The code as bytes (readable: the mapping is PROT_READ | PROT_EXEC).
    pub fn as_slice(&self) -> &[u8] {
        // SAFETY: the first `len` bytes of the mapping were initialised from
        // the code and stay readable and unchanged until drop.
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }
}

impl Drop for CodeMemory {
    fn drop(&mut self) {
        // SAFETY: we own this mapping and nothing borrows it past `self`.
        unsafe {
            libc::munmap(self.ptr.as_ptr().cast(), self.map_len);
        }
    }
}

impl std::fmt::Debug for CodeMemory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CodeMemory")
            .field("ptr", &self.ptr)
            .field("len", &self.len)
            .finish()
    }
}

#[cfg(all(test, target_arch = "x86_64"))]
mod tests {
    use super::*;
    use dynasmrt::{dynasm, DynasmApi};

    #[test]
    fn runs_mov_eax_42_ret() {
        let mut a = dynasmrt::VecAssembler::<dynasmrt::x64::X64Relocation>::new(0);
        dynasm!(a
            ; .arch x64
            ; mov eax, 42
            ; ret
        );
        let code = a.finalize().unwrap();
        let mem = CodeMemory::new(&code).unwrap();
        assert_eq!(mem.len(), code.len());
        assert_eq!(mem.as_slice(), &code[..]);
        // SAFETY: the code is `mov eax, 42; ret`, a valid `extern "C" fn() -> u32`.
        let f: extern "C" fn() -> u32 = unsafe { std::mem::transmute(mem.as_ptr()) };
        assert_eq!(f(), 42);
    }

    #[test]
    fn empty_code_maps() {
        let mem = CodeMemory::new(&[]).unwrap();
        assert!(mem.is_empty());
        assert!(!mem.as_ptr().is_null());
    }
}
