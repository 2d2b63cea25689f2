//! A wasm linear memory backed by one virtual-memory reservation, and the
//! settings that decide how large a reservation is and whether compiled
//! code checks bounds itself ([`MemoryLayout`]).
//!
//! # Two ways to keep accesses in bounds
//!
//! JIT code forms an address as the memory base plus a zero-extended 32-bit
//! index plus a 32-bit static offset, and accesses at most 16 bytes there.
//! Each memory owns a reservation of `reservation + guard` bytes
//! (`Config::memory_reservation`, `Config::memory_guard_size`) of which only
//! the wasm-visible pages are read/write.
//!
//! * **Guard pages** (the default: a 4 GiB reservation and a 4 GiB + 64 KiB
//!   guard, 8 GiB + 64 KiB in all). When the reservation covers every
//!   address an access can form, `base + (2^32 - 1) + offset + size`, JIT
//!   code does no bounds check: an access beyond the accessible pages lands
//!   in inaccessible pages of the reservation and faults, and the signal
//!   handler turns that fault into a `MemoryOutOfBounds` trap.
//! * **Explicit bounds checks**. Where the reservation does not cover an
//!   access (a small reservation, for density: 100,000 memories of 1 MiB
//!   fit where 16,000 of 8 GiB exhaust the address space), the compiler
//!   emits a compare of `index + offset + size` with the memory's current
//!   byte length before it, and a branch to an out-of-line trap
//!   ([`MemoryLayout::needs_check`] decides per access, so a 4 GiB
//!   reservation with a 2 GiB guard checks only accesses with offsets the
//!   guard cannot absorb). When *every* access is checked and there is no
//!   guard, nothing relies on faults, so the whole reservation is mapped
//!   read/write from the start ([`MemoryLayout::eager`]): a memory is one
//!   mapping, which the kernel merges with its neighbours (a process may
//!   only have `vm.max_map_count` mappings, 65,530 by default), and growing
//!   is only a new length.
//!
//! A 64-bit memory (memory64) lives in the same kind of reservation, but
//! its i64 index can form any address, so compiled code checks every
//! access with a register index whatever the layout; only a constant
//! address below 4 GiB can still rely on the guard.
//!
//! Either way a memory grows in place, so the base never moves and JIT code
//! keeps it pinned in a register; the cost is that a memory can never grow
//! past its reservation ([`MemoryLayout::max_pages`]): `memory.grow` beyond
//! it returns -1, and a module whose memory's minimum does not fit fails to
//! instantiate.
//!
//! The reservation ([`Mmap::reserve_with`]) uses `MAP_NORESERVE` so it costs
//! address space only, not commit charge; pages become real memory when
//! first touched.
//!
//! # Where reservations come from
//!
//! [`MemoryAllocator`] is the engine's choice (`Config::allocation_strategy`):
//!
//! * **On demand** (the default): each memory maps its own reservation.
//!   Freed reservations are kept in a small process-wide cache (16 of
//!   them) and reused: the pages wasm could touch are replaced by fresh
//!   zero pages ([`Mmap::reset`]), so a reused reservation is
//!   indistinguishable from a new one. Reuse saves the `mmap`/`munmap` pair
//!   per instantiation, and under emulators such as qemu-user, which keep
//!   bookkeeping for every page of every mapping ever made, it is what
//!   keeps a process that creates thousands of memories (the spec
//!   testsuite) from growing without bound.
//! * **Pooling** (`runtime::pooling`): one mapping made when the engine is
//!   created, sliced into a fixed number of slots that instantiation hands
//!   out and dropping a memory resets and returns.

use crate::runtime::memory_image::MemoryImage;
use crate::runtime::mmap::{Mmap, Protection};
use crate::runtime::pooling::MemoryPool;
use crate::runtime::vmctx::MemoryDef;
use std::mem::ManuallyDrop;
use std::ptr::NonNull;
use std::sync::{Arc, Mutex};

/// The wasm page size.
pub const WASM_PAGE_SIZE: usize = 64 * 1024;
/// The largest number of pages a 32-bit memory can have.
pub const MAX_PAGES: u32 = 65536;
/// The most bytes a 32-bit memory can have: 4 GiB.
const MAX_BYTES: u64 = MAX_PAGES as u64 * WASM_PAGE_SIZE as u64;
/// The most address space one memory may take (reservation plus guard):
/// far beyond any useful setting, low enough that no sum overflows.
const MAX_MAPPING: u64 = 1 << 40;

/// How much address space each linear memory has, and so which accesses
/// compiled code must bounds-check: `Config::memory_reservation` and
/// `Config::memory_guard_size`, rounded up to whole wasm pages.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct MemoryLayout {
    /// Bytes a memory may grow into (capped at 4 GiB for the memory's
    /// size; bytes beyond that act as guard).
    reservation: u64,
    /// Inaccessible bytes after the reservation.
    guard: u64,
}

impl Default for MemoryLayout {
    fn default() -> MemoryLayout {
        MemoryLayout::DEFAULT
    }
}

impl MemoryLayout {
    /// 4 GiB to grow into and a 4 GiB + 64 KiB guard: every address an
    /// access can form is covered, so code has no bounds checks.
    pub const DEFAULT: MemoryLayout = MemoryLayout {
        reservation: MAX_BYTES,
        guard: MAX_BYTES + WASM_PAGE_SIZE as u64,
    };

    /// A layout of `reservation` bytes to grow into and `guard` bytes of
    /// guard, each rounded up to whole wasm pages (64 KiB, a multiple of
    /// every supported host page size). Fails if the two exceed 1 TiB.
    pub fn new(reservation: u64, guard: u64) -> Result<MemoryLayout, String> {
        let page = WASM_PAGE_SIZE as u64;
        let layout = reservation
            .checked_next_multiple_of(page)
            .zip(guard.checked_next_multiple_of(page))
            .map(|(reservation, guard)| MemoryLayout { reservation, guard })
            .filter(|l| l.reservation.saturating_add(l.guard) <= MAX_MAPPING);
        layout.ok_or_else(|| {
            format!(
                "a memory reservation of {reservation} bytes and a guard of {guard} bytes \
                 exceed the {MAX_MAPPING} bytes of address space one memory may have"
            )
        })
    }

    /// The reservation in bytes (a multiple of 64 KiB).
    pub fn reservation(&self) -> u64 {
        self.reservation
    }

    /// The guard in bytes (a multiple of 64 KiB).
    pub fn guard(&self) -> u64 {
        self.guard
    }

    /// Bytes of address space each memory maps.
    pub fn mapping_size(&self) -> usize {
        // At most `MAX_MAPPING`, checked in `new`.
        (self.reservation + self.guard) as usize
    }

    /// The most pages a memory can have: what fits the reservation, and
    /// never more than 4 GiB, for 64-bit memories (memory64) too. Their
    /// accesses are always bounds-checked, and the access that follows a
    /// passed check relies on this cap: its index and offset are then
    /// below 2^32, which the load and store lowerings take them as.
    pub fn max_pages(&self) -> u32 {
        (self.reservation.min(MAX_BYTES) / WASM_PAGE_SIZE as u64) as u32
    }

    /// Whether compiled code must check an access of `size` bytes at a
    /// 32-bit index plus `offset` itself: whether the largest address it
    /// can form (as an exclusive end, relative to the base) lies beyond the
    /// mapping, where no fault would catch it. (A 64-bit index can form
    /// any address, so a memory64 access always needs the check.)
    pub fn needs_check(&self, offset: u64, size: u32) -> bool {
        let end = (u32::MAX as u64)
            .saturating_add(offset)
            .saturating_add(size as u64);
        !self.guards(end)
    }

    /// Whether an access that ends at or before `end` bytes from the base
    /// and lies past the memory's length always faults: the mapping
    /// reaches `end` and the pages past the length are inaccessible (the
    /// layout is not [`Self::eager`]). For a constant address `end` is its
    /// own; for an index in a register, the largest it can form.
    pub fn guards(&self, end: u64) -> bool {
        !self.eager() && end <= self.reservation + self.guard
    }

    /// Whether the memory's whole reservation is read/write from the
    /// start: when the mapping cannot cover even a one-byte access at the
    /// largest i32 index, so every access with an index in a register is
    /// checked in code and nothing relies on a fault, and there is no guard
    /// to keep. Otherwise only the wasm-visible pages are accessible.
    pub fn eager(&self) -> bool {
        self.guard == 0 && self.reservation < 1 << 32
    }

    /// The protection of a fresh or reset reservation.
    fn initial_protection(&self) -> Protection {
        if self.eager() {
            Protection::ReadWrite
        } else {
            Protection::None
        }
    }
}

/// Reservations freed and ready for reuse by the on-demand strategy, with
/// whether they are read/write throughout ([`MemoryLayout::eager`]).
static CACHE: Mutex<Vec<(Mmap, bool)>> = Mutex::new(Vec::new());
/// How many freed reservations the cache keeps (address space only).
const CACHE_CAPACITY: usize = 16;

/// A reservation for `layout`: from the cache, or freshly mapped.
fn reserve(layout: MemoryLayout) -> Result<Mmap, String> {
    let (len, eager) = (layout.mapping_size(), layout.eager());
    let cached = {
        let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
        let found = cache
            .iter()
            .rposition(|(m, e)| m.len() == len && *e == eager);
        found.map(|i| cache.swap_remove(i).0)
    };
    if let Some(map) = cached {
        return Ok(map);
    }
    Mmap::reserve_with(len, layout.initial_protection())
        .map_err(|e| format!("cannot reserve {len} bytes for a linear memory: {e}"))
}

/// Give a reservation back: its first `touched` bytes (the pages that were
/// accessible) become fresh zero pages again, as at `reserve`, and it goes
/// to the cache, or is unmapped (dropped) if the cache is full or the
/// reset fails.
///
/// # Safety
/// Nothing may use the reservation's memory anymore.
unsafe fn release(map: Mmap, layout: MemoryLayout, touched: usize) {
    // SAFETY: the caller guarantees nothing uses those pages anymore.
    if unsafe { map.reset(0..touched, layout.initial_protection()) }.is_ok() {
        let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
        if cache.len() < CACHE_CAPACITY {
            cache.push((map, layout.eager()));
        }
    }
}

/// Where an engine's memories come from (`Config::allocation_strategy`).
#[derive(Clone, Debug)]
pub enum MemoryAllocator {
    /// Each memory maps its own reservation of this layout.
    OnDemand(MemoryLayout),
    /// Slots of one pool, made when the engine was.
    Pooling(Arc<MemoryPool>),
}

impl Default for MemoryAllocator {
    fn default() -> MemoryAllocator {
        MemoryAllocator::OnDemand(MemoryLayout::DEFAULT)
    }
}

impl MemoryAllocator {
    /// The layout of every memory it hands out.
    pub fn layout(&self) -> MemoryLayout {
        match self {
            MemoryAllocator::OnDemand(layout) => *layout,
            MemoryAllocator::Pooling(pool) => pool.layout(),
        }
    }

    /// The most pages a memory it hands out can have.
    pub fn max_pages(&self) -> u32 {
        match self {
            MemoryAllocator::OnDemand(layout) => layout.max_pages(),
            MemoryAllocator::Pooling(pool) => pool.max_pages(),
        }
    }

    /// A memory of `min_pages` accessible pages that may grow to
    /// `max_pages` (capped at what the reservation holds). Fails if the
    /// minimum does not fit, or no reservation can be had.
    pub fn allocate(&self, min_pages: u32, max_pages: Option<u32>) -> Result<LinearMemory, String> {
        let limit = self.max_pages();
        if min_pages > limit {
            let why = match self {
                MemoryAllocator::OnDemand(_) => "Config::memory_reservation",
                MemoryAllocator::Pooling(_) => {
                    "Config::memory_reservation, PoolingConfig::max_memory_size"
                }
            };
            return Err(format!(
                "a memory of {min_pages} pages does not fit the {limit} pages each memory \
                 may have ({why})"
            ));
        }
        let max_pages = max_pages.unwrap_or(MAX_PAGES).min(limit);
        if min_pages > max_pages {
            return Err(format!(
                "memory minimum {min_pages} pages exceeds maximum {max_pages} pages"
            ));
        }
        let backing = match self {
            MemoryAllocator::OnDemand(layout) => Backing::OnDemand {
                map: reserve(*layout)?,
                layout: *layout,
            },
            MemoryAllocator::Pooling(pool) => Backing::Pooled {
                slot: pool.take()?,
                pool: Arc::clone(pool),
            },
        };
        LinearMemory::from_backing(backing, min_pages, max_pages)
    }
}

/// The reservation behind a memory.
enum Backing {
    OnDemand { map: Mmap, layout: MemoryLayout },
    Pooled { pool: Arc<MemoryPool>, slot: u32 },
}

impl Backing {
    fn base(&self) -> *mut u8 {
        match self {
            Backing::OnDemand { map, .. } => map.as_ptr(),
            Backing::Pooled { pool, slot } => pool.slot_base(*slot),
        }
    }

    /// Make bytes `range` of the reservation (whole wasm pages, inside it)
    /// read/write, unless they already are.
    fn make_accessible(&self, range: std::ops::Range<usize>) -> std::io::Result<()> {
        match self {
            Backing::OnDemand { layout, .. } if layout.eager() => Ok(()),
            // SAFETY: making pages of our own reservation accessible takes
            // nothing away from anyone.
            Backing::OnDemand { map, .. } => unsafe { map.protect(range, Protection::ReadWrite) },
            Backing::Pooled { pool, slot } => pool.make_accessible(*slot, range),
        }
    }

    /// Reset the first `touched` bytes and hand the reservation back;
    /// `imaged`: a memory image was mapped there (which only a fresh
    /// mapping removes).
    ///
    /// # Safety
    /// Nothing may use the memory anymore.
    unsafe fn release(self, touched: usize, imaged: bool) {
        match self {
            // SAFETY: the caller's contract. (A reset maps fresh pages,
            // which removes an image too.)
            Backing::OnDemand { map, layout } => unsafe { release(map, layout, touched) },
            // SAFETY: the caller's contract; the slot is ours alone.
            Backing::Pooled { pool, slot } => unsafe { pool.give_back(slot, touched, imaged) },
        }
    }
}

/// One linear memory: a reservation whose first `pages()` wasm pages are
/// read/write (and, in the eager layout, the rest too).
pub struct LinearMemory {
    /// The reservation; only `Drop` takes it out (to reuse it).
    backing: ManuallyDrop<Backing>,
    pages: u32,
    max_pages: u32,
    /// Whether a memory image (`runtime::memory_image`) is mapped over
    /// some of the pages: resetting them then needs a fresh mapping.
    imaged: bool,
    /// The `MemoryDef` JIT code and builtins read through the vmctx. Kept as
    /// a raw pointer (from `Box::into_raw`) rather than a `Box` because JIT
    /// code holds its address for the memory's whole life; a `Box` would
    /// claim unique access every time the struct is used mutably.
    def: NonNull<MemoryDef>,
}

impl LinearMemory {
    /// A memory with the default layout, reserved on demand: the first
    /// `min_pages` accessible; `max_pages` (capped at 65536) limits
    /// [`Self::grow`].
    #[cfg(test)]
    pub fn new(min_pages: u32, max_pages: Option<u32>) -> Result<LinearMemory, String> {
        MemoryAllocator::default().allocate(min_pages, max_pages)
    }

    fn from_backing(
        backing: Backing,
        min_pages: u32,
        max_pages: u32,
    ) -> Result<LinearMemory, String> {
        let def = Box::new(MemoryDef {
            base: backing.base(),
            length: 0,
        });
        // From here on `mem` owns the reservation and the def; its Drop
        // cleans up on the error path below.
        let mut mem = LinearMemory {
            backing: ManuallyDrop::new(backing),
            pages: 0,
            max_pages,
            imaged: false,
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
            // `new <= max_pages`, which fits the reservation, so the range
            // is inside it and whole pages.
            let start = old as usize * WASM_PAGE_SIZE;
            let len = delta as usize * WASM_PAGE_SIZE;
            if self.backing.make_accessible(start..start + len).is_err() {
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

    /// Map `image` copy-on-write over its range of the memory, in place of
    /// copying the data segments it holds. The range must lie within the
    /// accessible pages (an image fits its memory's minimum size, so it
    /// does in a new memory). The base does not move; `grow` and the
    /// bounds checks are unaffected; dropping the memory removes the
    /// mapping with the rest of the touched pages.
    pub fn map_image(&mut self, image: &MemoryImage) -> std::io::Result<()> {
        let range = image.range();
        if range.end > self.byte_len() {
            return Err(std::io::Error::other("the image does not fit the memory"));
        }
        // From here on the pages may hold the image, even if the mapping
        // fails halfway.
        self.imaged = true;
        // SAFETY: the range is accessible pages of this memory's own
        // reservation (checked above), which `&mut self` keeps anyone else
        // from using now; `Drop` resets them with a fresh mapping
        // (`Backing::release` with `imaged`).
        unsafe { image.map_at(self.base()) }
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
        unsafe { std::slice::from_raw_parts(self.base(), self.byte_len()) }
    }

    /// The accessible bytes, mutably.
    pub fn data_mut(&mut self) -> &mut [u8] {
        // SAFETY: as in `data`, and `&mut self` makes this the only borrow.
        unsafe { std::slice::from_raw_parts_mut(self.base(), self.byte_len()) }
    }

    /// The base address, pinned in a register by JIT code.
    pub fn base(&self) -> *mut u8 {
        self.backing.base()
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
        // `Box::leak` in `from_backing`); neither is used after drop, and
        // `backing` is taken exactly once, here.
        unsafe {
            let backing = ManuallyDrop::take(&mut self.backing);
            backing.release(self.pages as usize * WASM_PAGE_SIZE, self.imaged);
            drop(Box::from_raw(self.def.as_ptr()));
        }
    }
}

impl std::fmt::Debug for LinearMemory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LinearMemory")
            .field("base", &self.base())
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
        let again: Vec<LinearMemory> = (0..=CACHE_CAPACITY)
            .map(|_| LinearMemory::new(1, None).unwrap())
            .collect();
        // Tests run in parallel and share the cache, so another thread may
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
        let out = crate::runtime::tests::child::run_alone(
            "runtime::linear_memory::tests::drop_unmaps",
            CHILD,
            "1",
        );
        assert!(
            out.status.success(),
            "child failed: {:?}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }

    #[test]
    fn the_default_layout_covers_every_address_jit_code_forms() {
        let d = MemoryLayout::DEFAULT;
        assert_eq!(d.mapping_size(), (8 << 30) + WASM_PAGE_SIZE);
        assert!(!d.needs_check(u32::MAX as u64, 16));
        assert!(!d.eager());
        assert_eq!(d.max_pages(), MAX_PAGES);
    }

    #[test]
    fn layouts_decide_checks_per_access() {
        let page = WASM_PAGE_SIZE as u64;
        // A 4 GiB reservation with a 64 KiB guard absorbs offsets up to
        // the guard, not beyond: the last byte of an access at the largest
        // index, 2^32 - 1 + offset + size - 1, must lie in the mapping.
        let l = MemoryLayout::new(4 << 30, page).unwrap();
        assert!(!l.needs_check(page - 15, 16));
        assert!(l.needs_check(page - 14, 16));
        assert!(l.needs_check(u32::MAX as u64, 1));
        assert!(!l.eager());
        // A small reservation checks everything; without a guard it is
        // read/write at once, with one constant addresses inside the
        // mapping are still caught by faults.
        let small = MemoryLayout::new(1 << 20, 0).unwrap();
        assert!(small.needs_check(0, 1));
        assert!(small.eager());
        assert!(!small.guards(16));
        assert_eq!(small.max_pages(), 16);
        let guarded = MemoryLayout::new(1 << 20, page).unwrap();
        assert!(guarded.needs_check(0, 1));
        assert!(!guarded.eager());
        assert!(guarded.guards((1 << 20) + page));
        assert!(!guarded.guards((1 << 20) + page + 1));
        // Sizes round up to whole pages; absurd ones are refused.
        let odd = MemoryLayout::new(100_000, 1).unwrap();
        assert_eq!((odd.reservation(), odd.guard()), (2 * page, page));
        assert_eq!(odd.max_pages(), 2);
        assert!(MemoryLayout::new(u64::MAX, 0).is_err());
        assert!(MemoryLayout::new(1 << 40, 1).is_err());
    }

    #[test]
    fn eager_memories_are_read_write_past_their_length_and_come_back_zeroed() {
        let alloc = MemoryAllocator::OnDemand(MemoryLayout::new(4 << 16, 0).unwrap());
        let mut m = alloc.allocate(1, None).unwrap();
        assert_eq!(m.grow(3), Some(1));
        assert_eq!(m.grow(1), None, "capped by the reservation");
        m.data_mut().fill(0x5A);
        drop(m);
        // Whichever memory reuses the reservation sees zeros (the cache is
        // shared with concurrent tests; take a few).
        let again: Vec<LinearMemory> = (0..=CACHE_CAPACITY)
            .map(|_| alloc.allocate(4, None).unwrap())
            .collect();
        for m in &again {
            assert!(m.data().iter().all(|&b| b == 0), "reused pages are zero");
        }
    }
}
