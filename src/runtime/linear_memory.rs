//! A wasm linear memory backed by one big virtual-memory reservation.
//!
//! JIT code does no explicit bounds checks: it adds a zero-extended 32-bit
//! index and a 32-bit static offset to the memory base and accesses at most 8
//! bytes. The largest such address is `base + (2^32 - 1) + (2^32 - 1) + 7`,
//! so [`LinearMemory`] reserves 8 GiB plus a 64 KiB guard of `PROT_NONE`
//! address space up front. Only the wasm-visible pages are read/write; any
//! access beyond them lands in inaccessible pages of the reservation and
//! faults, and the signal handler turns that fault into a
//! `MemoryOutOfBounds` trap. Growing just makes more of the reservation
//! accessible, so the base never moves and JIT code can keep it pinned in a
//! register.
//!
//! The reservation ([`Mmap::reserve`]) uses `MAP_NORESERVE` so it costs
//! address space only, not commit charge; pages become real memory when
//! first touched.
//!
//! Freed reservations are kept in a small process-wide pool and reused: the
//! pages wasm could touch are replaced by a fresh `PROT_NONE` mapping (which
//! zeroes them and gives the memory back to the system), so a reused
//! reservation is indistinguishable from a new one. Reuse saves the 8 GiB
//! `mmap`/`munmap` pair per instantiation, and under emulators such as
//! qemu-user, which keep bookkeeping for every page of every mapping ever
//! made, it is what keeps a process that creates thousands of memories
//! (the spec testsuite) from growing without bound.

use crate::runtime::mmap::{Mmap, Protection};
use crate::runtime::vmctx::MemoryDef;
use std::mem::ManuallyDrop;
use std::ptr::NonNull;
use std::sync::Mutex;

/// Reservations freed and ready for reuse.
static POOL: Mutex<Vec<Mmap>> = Mutex::new(Vec::new());
/// How many freed reservations the pool keeps (address space only).
const POOL_CAPACITY: usize = 16;

/// A reservation of `RESERVATION_SIZE` bytes of `PROT_NONE` address space:
/// from the pool, or freshly mapped.
fn reserve() -> Result<Mmap, String> {
    let pooled = POOL.lock().unwrap_or_else(|e| e.into_inner()).pop();
    if let Some(map) = pooled {
        return Ok(map);
    }
    Mmap::reserve(RESERVATION_SIZE)
        .map_err(|e| format!("cannot reserve {RESERVATION_SIZE} bytes for a linear memory: {e}"))
}

/// Give a reservation back: its first `touched` bytes (the pages that were
/// accessible) become fresh `PROT_NONE` zero pages again, and it goes to the
/// pool, or is unmapped (dropped) if the pool is full or the reset fails.
///
/// # Safety
/// Nothing may use the reservation's memory anymore.
unsafe fn release(map: Mmap, touched: usize) {
    // SAFETY: the caller guarantees nothing uses those pages anymore.
    if unsafe { map.decommit(0..touched) }.is_ok() {
        let mut pool = POOL.lock().unwrap_or_else(|e| e.into_inner());
        if pool.len() < POOL_CAPACITY {
            pool.push(map);
        }
    }
}

/// The wasm page size.
pub const WASM_PAGE_SIZE: usize = 64 * 1024;
/// The largest number of pages a 32-bit memory can have.
pub const MAX_PAGES: u32 = 65536;
/// Bytes of address space reserved per memory: every 32-bit index plus every
/// 32-bit offset, plus a guard covering the access size.
pub const RESERVATION_SIZE: usize = (8 << 30) + WASM_PAGE_SIZE;

/// One linear memory: a `PROT_NONE` reservation whose first `pages()` wasm
/// pages are read/write.
pub struct LinearMemory {
    /// The reservation; only `Drop` takes it out (to pool it).
    map: ManuallyDrop<Mmap>,
    pages: u32,
    max_pages: u32,
    /// The `MemoryDef` JIT code and builtins read through the vmctx. Kept as
    /// a raw pointer (from `Box::into_raw`) rather than a `Box` because JIT
    /// code holds its address for the memory's whole life; a `Box` would
    /// claim unique access every time the struct is used mutably.
    def: NonNull<MemoryDef>,
}

impl LinearMemory {
    /// Reserve the address space and make the first `min_pages` accessible.
    /// `max_pages` (capped at 65536) limits [`Self::grow`].
    pub fn new(min_pages: u32, max_pages: Option<u32>) -> Result<LinearMemory, String> {
        let max_pages = max_pages.unwrap_or(MAX_PAGES).min(MAX_PAGES);
        if min_pages > max_pages {
            return Err(format!(
                "memory minimum {min_pages} pages exceeds maximum {max_pages} pages"
            ));
        }
        let map = reserve()?;
        let def = Box::new(MemoryDef {
            base: map.as_ptr(),
            length: 0,
        });
        // From here on `mem` owns the mapping and the def; its Drop cleans up
        // on the error path below.
        let mut mem = LinearMemory {
            map: ManuallyDrop::new(map),
            pages: 0,
            max_pages,
            def: NonNull::from(Box::leak(def)),
        };
        if mem.grow(min_pages).is_none() {
            return Err(format!(
                "cannot make {min_pages} pages of linear memory accessible: {}",
                std::io::Error::last_os_error()
            ));
        }
        Ok(mem)
    }

    /// Grow by `delta` pages. Returns the previous size in pages, or `None`
    /// (leaving the memory unchanged) if the result would exceed the maximum
    /// or the pages cannot be made accessible. The base never moves.
    pub fn grow(&mut self, delta: u32) -> Option<u32> {
        let old = self.pages;
        let new = old.checked_add(delta)?;
        if new > self.max_pages {
            return None;
        }
        if delta > 0 {
            let start = old as usize * WASM_PAGE_SIZE;
            let len = delta as usize * WASM_PAGE_SIZE;
            // SAFETY: `start + len <= 4 GiB < RESERVATION_SIZE`, so the range
            // is inside our own reservation and page aligned (64 KiB is a
            // multiple of every supported page size); making pages
            // accessible takes nothing away from anyone.
            let made = unsafe { self.map.protect(start..start + len, Protection::ReadWrite) };
            if made.is_err() {
                return None;
            }
        }
        self.pages = new;
        // SAFETY: `def` is the live allocation we own; JIT code only reads it
        // while wasm runs, never concurrently with `&mut self`.
        unsafe {
            (*self.def.as_ptr()).length = new as u64 * WASM_PAGE_SIZE as u64;
        }
        Some(old)
    }

    /// The current size in wasm pages.
    pub fn pages(&self) -> u32 {
        self.pages
    }

    /// The maximum size in wasm pages that [`Self::grow`] allows.
    #[cfg(test)]
    pub fn max_pages(&self) -> u32 {
        self.max_pages
    }

    /// The current size in bytes.
    pub fn byte_len(&self) -> usize {
        self.pages as usize * WASM_PAGE_SIZE
    }

    /// The accessible bytes.
    pub fn data(&self) -> &[u8] {
        // SAFETY: the first `byte_len()` bytes of the reservation are
        // read/write and owned by `self`; the borrow of `self` keeps them
        // from being resized or unmapped.
        unsafe { std::slice::from_raw_parts(self.map.as_ptr(), self.byte_len()) }
    }

    /// The accessible bytes, mutably.
    pub fn data_mut(&mut self) -> &mut [u8] {
        // SAFETY: as in `data`, and `&mut self` makes this the only borrow.
        unsafe { std::slice::from_raw_parts_mut(self.map.as_ptr(), self.byte_len()) }
    }

    /// The base address, pinned in a register by JIT code.
    pub fn base(&self) -> *mut u8 {
        self.map.as_ptr()
    }

    /// The `MemoryDef` for the vmctx. Its address is stable for the life of
    /// the memory and its `length` follows [`Self::grow`].
    pub fn def_ptr(&self) -> *mut MemoryDef {
        self.def.as_ptr()
    }
}

impl Drop for LinearMemory {
    fn drop(&mut self) {
        // SAFETY: we own the reservation and the def allocation (made by
        // `Box::leak` in `new`); neither is used after drop, and `map` is
        // taken exactly once, here.
        unsafe {
            let map = ManuallyDrop::take(&mut self.map);
            release(map, self.pages as usize * WASM_PAGE_SIZE);
            drop(Box::from_raw(self.def.as_ptr()));
        }
    }
}

impl std::fmt::Debug for LinearMemory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LinearMemory")
            .field("base", &self.map.as_ptr())
            .field("pages", &self.pages)
            .field("max_pages", &self.max_pages)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reused_reservations_come_back_zeroed_and_inaccessible() {
        // Fill, drop, and allocate until a reservation is reused (the pool
        // is shared with concurrent tests, so look for our address).
        let mut m = LinearMemory::new(2, None).unwrap();
        m.data_mut().fill(0xAB);
        drop(m);
        let again: Vec<LinearMemory> = (0..=POOL_CAPACITY)
            .map(|_| LinearMemory::new(1, None).unwrap())
            .collect();
        // Tests run in parallel and share the pool, so another thread may
        // have taken our reservation; whichever memory got it, every memory
        // must look brand new.
        for m in &again {
            assert!(m.data().iter().all(|&b| b == 0), "reused pages are zero");
            assert_eq!(
                m.data().len(),
                WASM_PAGE_SIZE,
                "only one page is accessible"
            );
        }
    }

    #[test]
    fn reserve_read_write() {
        let mut m = LinearMemory::new(1, Some(4)).unwrap();
        assert_eq!(m.pages(), 1);
        assert_eq!(m.data().len(), WASM_PAGE_SIZE);
        assert!(m.data().iter().all(|&b| b == 0));
        m.data_mut()[0] = 1;
        m.data_mut()[WASM_PAGE_SIZE - 1] = 2;
        assert_eq!(m.data()[0], 1);
        assert_eq!(m.data()[WASM_PAGE_SIZE - 1], 2);
        // SAFETY: def_ptr is live while `m` is.
        let def = unsafe { &*m.def_ptr() };
        assert_eq!(def.base, m.base());
        assert_eq!(def.length, WASM_PAGE_SIZE as u64);
    }

    #[test]
    fn zero_pages() {
        let m = LinearMemory::new(0, None).unwrap();
        assert_eq!(m.pages(), 0);
        assert!(m.data().is_empty());
        assert_eq!(m.max_pages(), MAX_PAGES);
    }

    #[test]
    fn grow_within_and_beyond_max() {
        let mut m = LinearMemory::new(1, Some(3)).unwrap();
        let base = m.base();
        let def = m.def_ptr();
        m.data_mut()[5] = 7;
        assert_eq!(m.grow(0), Some(1));
        assert_eq!(m.grow(2), Some(1));
        assert_eq!(m.pages(), 3);
        assert_eq!(m.base(), base, "the base never moves");
        assert_eq!(m.def_ptr(), def, "the def never moves");
        // SAFETY: def_ptr is live while `m` is.
        assert_eq!(unsafe { (*def).length }, 3 * WASM_PAGE_SIZE as u64);
        // The new pages are writable and zeroed; old contents are kept.
        let len = m.data().len();
        assert_eq!(len, 3 * WASM_PAGE_SIZE);
        assert_eq!(m.data()[len - 1], 0);
        m.data_mut()[len - 1] = 9;
        assert_eq!(m.data()[5], 7);
        // Beyond the maximum: fails and changes nothing.
        assert_eq!(m.grow(1), None);
        assert_eq!(m.grow(u32::MAX), None);
        assert_eq!(m.pages(), 3);
        // SAFETY: as above.
        assert_eq!(unsafe { (*def).length }, 3 * WASM_PAGE_SIZE as u64);
    }

    #[test]
    fn max_is_capped_and_min_checked() {
        let m = LinearMemory::new(0, Some(100_000)).unwrap();
        assert_eq!(m.max_pages(), MAX_PAGES);
        assert!(LinearMemory::new(5, Some(4)).is_err());
        assert!(LinearMemory::new(MAX_PAGES + 1, None).is_err());
    }

    #[test]
    fn drop_unmaps() {
        // In a child process whose address space is capped at 40 GiB: four
        // leaked 8 GiB reservations would make the fifth `new` fail.
        const CHILD: &str = "FLINT_TEST_CHILD_DROP_UNMAPS";
        if std::env::var_os(CHILD).is_some() {
            let limit = libc::rlimit {
                rlim_cur: 40 << 30,
                rlim_max: 40 << 30,
            };
            // SAFETY: setrlimit only reads `limit`.
            assert_eq!(unsafe { libc::setrlimit(libc::RLIMIT_AS, &limit) }, 0);
            for i in 0..100 {
                let mut m = LinearMemory::new(1, None).unwrap();
                m.data_mut()[0] = i as u8;
                assert_eq!(m.grow(1), Some(1));
            }
            return;
        }
        let out = crate::runtime::tests::run_test_in_child(
            "runtime::linear_memory::tests::drop_unmaps",
            CHILD,
        );
        assert!(
            out.status.success(),
            "child failed: {:?}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }

    #[test]
    fn reservation_covers_every_address_jit_code_forms() {
        let max_addr = u32::MAX as usize + u32::MAX as usize + 8;
        assert!(max_addr <= RESERVATION_SIZE);
    }
}
