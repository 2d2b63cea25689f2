//! Executable memory for JIT code.
//!
//! [`CodeMemory`] owns one anonymous mapping (a [`Mmap`]) holding finished
//! machine code. It follows W^X: the pages are read/write only while the
//! code is written (a module's code is assembled straight into the mapping
//! that becomes its `CodeMemory`, `masm::code_buffer`; small pieces are
//! copied in), then switched to read/execute before anyone can get a
//! pointer to run, so the mapping is never writable and executable at
//! once. Code is
//! immutable afterwards (the compiler resolves every relocation before
//! handing the bytes over), which is also why sharing it between threads is
//! sound.

use crate::runtime::mmap::{Mmap, Protection};
use std::io;

/// A read/execute mapping holding a copy of some machine code. It is
/// `Send` and `Sync` through its `Mmap`: after `new` returns nothing ever
/// writes the mapping, so sharing it cannot cause a data race.
pub struct CodeMemory {
    map: Mmap,
    /// Length of the code itself.
    len: usize,
}

impl CodeMemory {
    /// Map `code` as executable. The bytes are copied; `code` can be dropped
    /// afterwards.
    pub fn new(code: &[u8]) -> io::Result<CodeMemory> {
        // Even empty code gets a page, so `as_ptr` is always a valid,
        // unique address. The mapping is unmapped on every error path.
        let map = Mmap::anonymous(code.len(), Protection::ReadWrite)?;
        // SAFETY: the mapping is at least `code.len()` bytes, writable, and
        // freshly created, so it cannot overlap `code`.
        unsafe {
            std::ptr::copy_nonoverlapping(code.as_ptr(), map.as_ptr(), code.len());
        }
        CodeMemory::from_mapping(map, code.len())
    }

    /// Make the code already written to the first `len` bytes of `map`, a
    /// read/write mapping that nothing else refers to, executable in place:
    /// no copy. The mapping is unmapped if that fails.
    pub fn from_mapping(map: Mmap, len: usize) -> io::Result<CodeMemory> {
        assert!(len <= map.len(), "code longer than its mapping");
        // SAFETY: the mapping is ours alone (moved in) and nothing has run
        // it; its bytes are not written after this.
        unsafe { map.protect(0..map.len(), Protection::ReadExecute)? };
        let mem = CodeMemory { map, len };
        // Instruction caches are not coherent with data writes on aarch64;
        // this is a no-op on x86_64.
        dynasmrt::cache_control::synchronize_icache(mem.as_slice());
        dynasmrt::cache_control::prepare_for_execution(mem.as_slice());
        Ok(mem)
    }

    /// The start of the code.
    pub fn as_ptr(&self) -> *const u8 {
        self.map.as_ptr()
    }

    /// The length of the code in bytes (not of the mapping).
    pub fn len(&self) -> usize {
        self.len
    }

    #[cfg(all(test, target_arch = "x86_64"))]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The code as bytes (readable: the mapping is PROT_READ | PROT_EXEC).
    pub fn as_slice(&self) -> &[u8] {
        // SAFETY: the first `len` bytes of the mapping were initialised from
        // the code and stay readable and unchanged until drop.
        unsafe { std::slice::from_raw_parts(self.map.as_ptr(), self.len) }
    }
}

impl std::fmt::Debug for CodeMemory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CodeMemory")
            .field("ptr", &self.map.as_ptr())
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
