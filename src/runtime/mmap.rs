//! The one layer through which Flint maps memory: executable code, linear
//! memory reservations, alternate signal stacks, and the test fixtures that
//! need guard pages all go through [`Mmap`].
//!
//! # Why libc and not memmap2
//!
//! Flint calls `mmap`/`mprotect`/`munmap` (libc) directly, behind this one
//! small type, and does not use memmap2. memmap2 models a mapping as a
//! whole that is readable (and optionally writable or executable); what
//! Flint needs most is outside that model:
//!
//! * a linear memory is a `PROT_NONE` reservation (8 GiB by default) with
//!   `MAP_NORESERVE` (address space, not commit charge) whose prefix becomes
//!   read/write as the memory grows: `mprotect` of *part* of a mapping;
//! * a reused reservation, or a slot of the pooling allocator's one large
//!   mapping, is reset by mapping fresh pages over the pages wasm touched,
//!   with `MAP_FIXED`;
//! * a signal stack and the tests' fake linear memory carry a `PROT_NONE`
//!   guard page inside their mapping.
//!
//! Using memmap2 only where it fits (code memory) would have left two
//! mapping layers, so memmap2 is not a dependency at all.
//!
//! Changing the protection or the contents of pages that Rust references
//! may point into is up to the caller, so those operations are `unsafe`;
//! creating and dropping a mapping is not.

use std::io;
use std::ops::Range;
use std::ptr::NonNull;

/// The size of a page, as the kernel maps memory.
pub fn page_size() -> usize {
    // SAFETY: sysconf has no preconditions.
    let size = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    if size <= 0 {
        4096
    } else {
        size as usize
    }
}

/// What may be done with the pages of a mapping.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Protection {
    /// Any access faults (reservations and guard pages).
    None,
    ReadWrite,
    /// Code, once written (W^X: never writable and executable at once).
    ReadExecute,
}

impl Protection {
    fn flags(self) -> libc::c_int {
        match self {
            Protection::None => libc::PROT_NONE,
            Protection::ReadWrite => libc::PROT_READ | libc::PROT_WRITE,
            Protection::ReadExecute => libc::PROT_READ | libc::PROT_EXEC,
        }
    }
}

/// A private mapping (anonymous, or of a file with [`Mmap::file`]),
/// unmapped on drop. It only hands out raw
/// pointers: which of its pages may be accessed, and how, depends on the
/// protection its owner gave them.
pub struct Mmap {
    ptr: NonNull<u8>,
    /// Whole pages, at least one.
    len: usize,
}

// SAFETY: a `Mmap` exclusively owns its address range, and everything it
// does through `&self` (handing out the address, changing protection or
// contents, which are `unsafe` with contracts of their own) is a system
// call on that range, which the kernel serialises.
unsafe impl Send for Mmap {}
// SAFETY: see `Send`.
unsafe impl Sync for Mmap {}

impl Mmap {
    /// `len` bytes (rounded up to whole pages, at least one page, so the
    /// address is always valid and unique) of zeroed memory with `prot`.
    pub fn anonymous(len: usize, prot: Protection) -> io::Result<Mmap> {
        Mmap::map(len, prot, 0)
    }

    /// `len` bytes of address space with `MAP_NORESERVE`, so it costs no
    /// commit charge: `PROT_NONE` (address space only, until parts are
    /// made accessible with [`Mmap::protect`] and touched), or read/write
    /// from the start, as a linear memory whose every access is
    /// bounds-checked in code maps its reservation (`runtime::linear_memory`):
    /// one mapping the kernel can merge with its neighbours, and no
    /// `mprotect` to grow. Untouched pages cost no memory either way.
    pub fn reserve_with(len: usize, prot: Protection) -> io::Result<Mmap> {
        Mmap::map(len, prot, libc::MAP_NORESERVE)
    }

    /// `len` bytes of `file` from byte `offset` (a multiple of the page
    /// size), read-only and private: the page cache's pages themselves, no
    /// copy (a compiled artifact's code, `module::artifact`). Bytes past
    /// the end of the file, up to the end of the last page, read as zero.
    /// If the file changes while it is mapped, the mapping may see the
    /// change: whoever maps it must know that it will not.
    pub fn file(file: &std::fs::File, offset: u64, len: usize) -> io::Result<Mmap> {
        use std::os::fd::AsRawFd;
        let page = page_size();
        let len = len
            .max(1)
            .checked_next_multiple_of(page)
            .ok_or_else(|| io::Error::from(io::ErrorKind::OutOfMemory))?;
        let offset = libc::off_t::try_from(offset)
            .ok()
            .filter(|&o| (o as u64).is_multiple_of(page as u64))
            .ok_or_else(|| io::Error::from(io::ErrorKind::InvalidInput))?;
        // SAFETY: a new private mapping at a kernel-chosen address touches
        // no existing memory; the descriptor is open for the whole call.
        let ptr = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ,
                libc::MAP_PRIVATE,
                file.as_raw_fd(),
                offset,
            )
        };
        if ptr == libc::MAP_FAILED {
            return Err(io::Error::last_os_error());
        }
        let ptr = NonNull::new(ptr.cast::<u8>())
            .ok_or_else(|| io::Error::other("mmap returned a null mapping"))?;
        Ok(Mmap { ptr, len })
    }

    fn map(len: usize, prot: Protection, flags: libc::c_int) -> io::Result<Mmap> {
        let page = page_size();
        let len = len
            .max(1)
            .checked_next_multiple_of(page)
            .ok_or_else(|| io::Error::from(io::ErrorKind::OutOfMemory))?;
        // SAFETY: an anonymous private mapping at a kernel-chosen address
        // touches no existing memory.
        let ptr = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                prot.flags(),
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | flags,
                -1,
                0,
            )
        };
        if ptr == libc::MAP_FAILED {
            return Err(io::Error::last_os_error());
        }
        let ptr = NonNull::new(ptr.cast::<u8>())
            .ok_or_else(|| io::Error::other("mmap returned a null mapping"))?;
        Ok(Mmap { ptr, len })
    }

    /// The start of the mapping.
    pub fn as_ptr(&self) -> *mut u8 {
        self.ptr.as_ptr()
    }

    /// The length of the mapping: whole pages.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Make the mapping `len` bytes long (rounded up to whole pages, at
    /// least one page), keeping the contents of the pages both lengths
    /// cover; new pages are zero. For a growing read/write buffer (the
    /// code buffer, `masm::code_buffer`): the mapping must be read/write
    /// throughout. Growing may move the mapping, so addresses taken before
    /// are stale afterwards. On Linux the kernel moves the pages themselves
    /// (`mremap` with `MREMAP_MAYMOVE`): nothing is copied or faulted in
    /// again, which is the point of growing this way rather than by
    /// reallocating.
    pub fn resize(&mut self, len: usize) -> io::Result<()> {
        let page = page_size();
        let len = len
            .max(1)
            .checked_next_multiple_of(page)
            .ok_or_else(|| io::Error::from(io::ErrorKind::OutOfMemory))?;
        if len == self.len {
            return Ok(());
        }
        self.remap(len)
    }

    #[cfg(target_os = "linux")]
    fn remap(&mut self, len: usize) -> io::Result<()> {
        // SAFETY: the range is exactly our own mapping; the kernel keeps
        // its contents (moving the pages when it must move the mapping)
        // and unmaps the old range, which `&mut self` guarantees nothing
        // borrows.
        let ptr = unsafe {
            libc::mremap(
                self.ptr.as_ptr().cast(),
                self.len,
                len,
                libc::MREMAP_MAYMOVE,
            )
        };
        if ptr == libc::MAP_FAILED {
            return Err(io::Error::last_os_error());
        }
        self.ptr = NonNull::new(ptr.cast::<u8>())
            .ok_or_else(|| io::Error::other("mremap returned a null mapping"))?;
        self.len = len;
        Ok(())
    }

    /// Without `mremap`: a new mapping, and a copy of what both lengths
    /// cover.
    #[cfg(not(target_os = "linux"))]
    fn remap(&mut self, len: usize) -> io::Result<()> {
        let new = Mmap::anonymous(len, Protection::ReadWrite)?;
        // SAFETY: both mappings are readable (this one is read/write per
        // the contract) and at least `min` bytes long, and a fresh mapping
        // cannot overlap ours.
        unsafe {
            std::ptr::copy_nonoverlapping(self.as_ptr(), new.as_ptr(), self.len.min(len));
        }
        *self = new;
        Ok(())
    }

    /// Ask the kernel to back the mapping with transparent huge pages
    /// where it can: one fault and one TLB entry per 2 MiB instead of per
    /// page, for a large buffer that is filled from start to end. Advice
    /// only: where the kernel does not do it (THP off, qemu-user, other
    /// systems) nothing changes.
    pub fn advise_huge_pages(&self) {
        #[cfg(target_os = "linux")]
        // SAFETY: advice on our own whole mapping; it changes neither
        // contents nor protection.
        unsafe {
            libc::madvise(self.ptr.as_ptr().cast(), self.len, libc::MADV_HUGEPAGE);
        }
    }

    /// The address of `range`, checked to be whole pages of this mapping.
    fn pages(&self, range: &Range<usize>) -> *mut libc::c_void {
        let page = page_size();
        assert!(
            range.start <= range.end
                && range.end <= self.len
                && range.start.is_multiple_of(page)
                && range.end.is_multiple_of(page),
            "{range:?} is not a page range of a {}-byte mapping",
            self.len
        );
        // SAFETY: `range.start <= len`, so the address is inside the mapping
        // or one past its end.
        unsafe { self.as_ptr().add(range.start).cast() }
    }

    /// Give the pages of `range` (page-aligned, inside the mapping) the
    /// protection `prot`.
    ///
    /// # Safety
    /// Nothing may go on using those pages in a way `prot` no longer
    /// allows (a fault there would not be a wasm trap but a crash), nor
    /// execute them while they are made writable.
    pub unsafe fn protect(&self, range: Range<usize>, prot: Protection) -> io::Result<()> {
        let addr = self.pages(&range);
        // SAFETY: the range is whole pages of our own mapping; the caller
        // guarantees nobody relies on the old protection.
        let rc = unsafe { libc::mprotect(addr, range.len(), prot.flags()) };
        if rc != 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }

    /// Replace the pages of `range` (page-aligned, inside the mapping) with
    /// fresh zero pages of protection `prot`, mapped over them with
    /// `MAP_FIXED`: the old contents, and the memory that held them, go back
    /// to the system, and the address space stays reserved. A fresh
    /// mapping rather than `madvise(MADV_DONTNEED)`: it zeroes the pages
    /// under every emulator too (qemu-user may treat the advice as a hint
    /// and keep the old contents), and with the mapping's own flags and
    /// protection the kernel merges it back into its neighbours, so
    /// resetting a slice of a large mapping leaves it one mapping.
    ///
    /// # Safety
    /// Nothing may use the old contents of those pages anymore.
    pub unsafe fn reset(&self, range: Range<usize>, prot: Protection) -> io::Result<()> {
        if range.is_empty() {
            return Ok(());
        }
        let addr = self.pages(&range);
        // SAFETY: MAP_FIXED replaces exactly these pages, which are our own;
        // the caller guarantees their contents are no longer used.
        let p = unsafe {
            libc::mmap(
                addr,
                range.len(),
                prot.flags(),
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE | libc::MAP_FIXED,
                -1,
                0,
            )
        };
        if p != addr {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }
}

impl Mmap {
    /// Zero the pages of `range` (page-aligned, inside the mapping), which
    /// must be read/write and private: `madvise(MADV_DONTNEED)` gives their
    /// memory back, and the next touch maps fresh zero pages. Unlike
    /// [`Mmap::reset`] it leaves the kernel's mapping as it is (no split
    /// and merge of a large mapping around the range), which makes it the
    /// cheaper reset of a slice of a read/write pool. Fails where the
    /// advice would not zero the pages (only Linux promises it).
    ///
    /// # Safety
    /// Nothing may use the old contents of those pages anymore.
    pub unsafe fn discard(&self, range: Range<usize>) -> io::Result<()> {
        if range.is_empty() {
            return Ok(());
        }
        let addr = self.pages(&range);
        if !cfg!(target_os = "linux") {
            return Err(io::Error::from(io::ErrorKind::Unsupported));
        }
        // SAFETY: whole pages of our own private mapping; the caller
        // guarantees their contents are no longer used.
        let rc = unsafe { libc::madvise(addr, range.len(), libc::MADV_DONTNEED) };
        if rc != 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }
}

impl Drop for Mmap {
    fn drop(&mut self) {
        // SAFETY: the mapping is ours, and nothing borrows it past `self`.
        unsafe {
            libc::munmap(self.ptr.as_ptr().cast(), self.len);
        }
    }
}

impl std::fmt::Debug for Mmap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mmap")
            .field("ptr", &self.ptr)
            .field("len", &self.len)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_are_whole_pages_and_never_zero() {
        let page = page_size();
        assert_eq!(
            Mmap::anonymous(0, Protection::ReadWrite).unwrap().len(),
            page
        );
        assert_eq!(
            Mmap::anonymous(page + 1, Protection::None).unwrap().len(),
            2 * page
        );
        assert!(Mmap::anonymous(usize::MAX, Protection::None).is_err());
    }

    #[test]
    fn protect_and_reset_change_only_their_pages() {
        let page = page_size();
        let m = Mmap::reserve_with(4 * page, Protection::None).unwrap();
        // SAFETY: nothing uses the reservation yet.
        unsafe { m.protect(0..2 * page, Protection::ReadWrite).unwrap() };
        // SAFETY: the first two pages were just made read/write.
        let data = unsafe { std::slice::from_raw_parts_mut(m.as_ptr(), 2 * page) };
        data.fill(0xAB);
        // SAFETY: `data` is not used again until the pages are made
        // accessible again below.
        unsafe { m.reset(0..page, Protection::None).unwrap() };
        // SAFETY: as above; the second page keeps its contents.
        unsafe { m.protect(0..page, Protection::ReadWrite).unwrap() };
        // SAFETY: both pages are read/write again.
        let data = unsafe { std::slice::from_raw_parts(m.as_ptr(), 2 * page) };
        assert!(data[..page].iter().all(|&b| b == 0), "reset pages are zero");
        assert!(
            data[page..].iter().all(|&b| b == 0xAB),
            "other pages keep their contents"
        );
    }

    #[test]
    fn resize_keeps_contents_and_zero_fills_new_pages() {
        let page = page_size();
        let mut m = Mmap::anonymous(2 * page, Protection::ReadWrite).unwrap();
        // SAFETY: the two pages are read/write and nothing else uses them.
        unsafe { std::slice::from_raw_parts_mut(m.as_ptr(), 2 * page).fill(0x5A) };
        m.resize(64 * page).unwrap();
        assert_eq!(m.len(), 64 * page);
        // SAFETY: the grown mapping is read/write throughout.
        let data = unsafe { std::slice::from_raw_parts(m.as_ptr(), 64 * page) };
        assert!(data[..2 * page].iter().all(|&b| b == 0x5A), "contents kept");
        assert!(
            data[2 * page..].iter().all(|&b| b == 0),
            "new pages are zero"
        );
        m.resize(page + 1).unwrap();
        assert_eq!(m.len(), 2 * page, "shrinks to whole pages");
        // SAFETY: as above, for the pages that remain.
        let data = unsafe { std::slice::from_raw_parts(m.as_ptr(), 2 * page) };
        assert!(data.iter().all(|&b| b == 0x5A));
        assert!(m.resize(usize::MAX).is_err());
        assert_eq!(m.len(), 2 * page, "a failed resize keeps the mapping");
    }

    #[test]
    #[should_panic(expected = "not a page range")]
    fn ranges_outside_the_mapping_are_refused() {
        let m = Mmap::reserve_with(page_size(), Protection::None).unwrap();
        // SAFETY: the call is refused before it could change anything.
        let _ = unsafe { m.protect(0..2 * page_size(), Protection::ReadWrite) };
    }
}
