//! The pooling allocator's linear memories (`Config::allocation_strategy`
//! with `InstanceAllocationStrategy::Pooling`).
//!
//! One mapping of `total_memories` slots, each the size of one memory's
//! reservation plus guard ([`MemoryLayout::mapping_size`]), is made when
//! the engine is created. Instantiation takes a free slot; dropping the
//! memory resets the pages wasm could touch to zero and puts the slot
//! back. A read/write (eager) pool discards them with
//! `madvise(MADV_DONTNEED)` ([`Mmap::discard`]), which leaves the mapping
//! whole; otherwise (or when a memory image was mapped over some of them,
//! `runtime::memory_image`) fresh pages, `PROT_NONE` unless the pool is
//! read/write, are mapped over them ([`Mmap::reset`], `MAP_FIXED`, which the kernel merges back into the
//! pool's mapping). So:
//!
//! * instantiating costs no `mmap` (and in the eager layout, where every
//!   access is bounds-checked in code and the whole pool is read/write, no
//!   `mprotect` either): only a lock and a pop;
//! * the pool is a handful of kernel mappings however many memories are
//!   live, where memories reserved one by one can each take two (the
//!   accessible pages and the inaccessible rest), against a process limit
//!   of `vm.max_map_count` (65,530 by default);
//! * the address space is bounded up front: running out of slots is a
//!   clean instantiation error, never an `ENOMEM` halfway through.
//!
//! Slots are reused last-freed first, so a busy pool keeps touching the
//! same few slots. A slot whose reset fails is not reused (its old contents
//! could show through); the pool shrinks by one rather than leak data.
//! The mapping lives as long as the pool, which every memory taken from it
//! keeps alive (an `Arc`), so no slot outlives its pages.

use crate::runtime::linear_memory::{MemoryLayout, WASM_PAGE_SIZE};
use crate::runtime::mmap::{Mmap, Protection};
use std::ops::Range;
use std::sync::Mutex;

/// A fixed set of memory slots in one mapping.
pub struct MemoryPool {
    map: Mmap,
    layout: MemoryLayout,
    /// Bytes per slot: the layout's mapping size.
    slot_size: usize,
    slots: u32,
    /// The most pages a memory in a slot may have.
    max_pages: u32,
    /// Free slots; the last is handed out next.
    free: Mutex<Vec<u32>>,
}

impl MemoryPool {
    /// A pool of `total_memories` slots of `layout`, whose memories may
    /// grow to `max_memory_size` bytes (rounded down to whole pages, and at
    /// most what the reservation holds). Fails if the address space cannot
    /// be had.
    pub fn new(
        layout: MemoryLayout,
        total_memories: u32,
        max_memory_size: u64,
    ) -> Result<MemoryPool, String> {
        let slot_size = layout.mapping_size();
        let total = slot_size
            .checked_mul(total_memories as usize)
            .ok_or_else(|| format!("a pool of {total_memories} memories overflows"))?;
        let prot = if layout.eager() {
            Protection::ReadWrite
        } else {
            Protection::None
        };
        let map = Mmap::reserve_with(total, prot).map_err(|e| {
            format!(
                "cannot reserve {total} bytes for a pool of {total_memories} memories of \
                 {slot_size} bytes: {e}"
            )
        })?;
        let max_pages = (max_memory_size / WASM_PAGE_SIZE as u64).min(layout.max_pages() as u64);
        Ok(MemoryPool {
            map,
            layout,
            slot_size,
            slots: total_memories,
            max_pages: max_pages as u32,
            // Reversed, so that slot 0 is handed out first.
            free: Mutex::new((0..total_memories).rev().collect()),
        })
    }

    /// The layout of every slot.
    pub fn layout(&self) -> MemoryLayout {
        self.layout
    }

    /// The most pages a memory in the pool may have.
    pub fn max_pages(&self) -> u32 {
        self.max_pages
    }

    /// How many slots are free now.
    pub fn available(&self) -> usize {
        self.free.lock().unwrap_or_else(|e| e.into_inner()).len()
    }

    /// Take a free slot: its pages are zero, and inaccessible unless the
    /// layout is eager.
    pub(crate) fn take(&self) -> Result<u32, String> {
        let slot = self.free.lock().unwrap_or_else(|e| e.into_inner()).pop();
        slot.ok_or_else(|| {
            format!(
                "all {} memories of the pooling allocator are in use \
                 (PoolingConfig::total_memories)",
                self.slots
            )
        })
    }

    /// The byte range of `slot` within the mapping.
    fn slot_range(&self, slot: u32, range: Range<usize>) -> Range<usize> {
        assert!(slot < self.slots && range.end <= self.slot_size);
        let start = slot as usize * self.slot_size;
        start + range.start..start + range.end
    }

    /// The base address of `slot`.
    pub(crate) fn slot_base(&self, slot: u32) -> *mut u8 {
        let start = self.slot_range(slot, 0..0).start;
        // SAFETY: the slot lies inside the mapping (checked above).
        unsafe { self.map.as_ptr().add(start) }
    }

    /// Make bytes `range` of `slot` (whole wasm pages) read/write, unless
    /// the layout already made them so.
    pub(crate) fn make_accessible(&self, slot: u32, range: Range<usize>) -> std::io::Result<()> {
        if self.layout.eager() {
            return Ok(());
        }
        let range = self.slot_range(slot, range);
        // SAFETY: the pages belong to `slot`, which the caller owns;
        // making them accessible takes nothing away from anyone.
        unsafe { self.map.protect(range, Protection::ReadWrite) }
    }

    /// Reset the first `touched` bytes of `slot` and free it. `imaged`: a
    /// memory image (a private file mapping) was mapped over some of them,
    /// which `MADV_DONTNEED` would not zero (it brings back the file's
    /// contents): a fresh mapping is made then.
    ///
    /// # Safety
    /// The caller took `slot` and nothing uses its pages anymore.
    pub(crate) unsafe fn give_back(&self, slot: u32, touched: usize, imaged: bool) {
        let prot = if self.layout.eager() {
            Protection::ReadWrite
        } else {
            Protection::None
        };
        let range = self.slot_range(slot, 0..touched);
        // A read/write pool only needs the pages zeroed, which leaves it
        // one mapping; otherwise (or if that fails) fresh pages are mapped.
        // SAFETY: the caller guarantees nothing uses these pages anymore.
        let discarded =
            self.layout.eager() && !imaged && unsafe { self.map.discard(range.clone()) }.is_ok();
        // SAFETY: as above.
        if discarded || unsafe { self.map.reset(range, prot) }.is_ok() {
            self.free
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(slot);
        }
    }
}

impl std::fmt::Debug for MemoryPool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MemoryPool")
            .field("layout", &self.layout)
            .field("slots", &self.slots)
            .field("max_pages", &self.max_pages)
            .field("available", &self.available())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::linear_memory::MemoryAllocator;
    use std::sync::Arc;

    fn pool(reservation: u64, guard: u64, total: u32) -> Arc<MemoryPool> {
        let layout = MemoryLayout::new(reservation, guard).unwrap();
        Arc::new(MemoryPool::new(layout, total, reservation).unwrap())
    }

    #[test]
    fn slots_are_handed_out_reset_and_reused() {
        for guard in [0, 64 << 10] {
            let pool = pool(4 * WASM_PAGE_SIZE as u64, guard, 2);
            let alloc = MemoryAllocator::Pooling(Arc::clone(&pool));
            let mut a = alloc.allocate(1, None).unwrap();
            let mut b = alloc.allocate(2, Some(3)).unwrap();
            assert_eq!(pool.available(), 0);
            let err = alloc.allocate(1, None).expect_err("the pool is exhausted");
            assert!(err.contains("PoolingConfig::total_memories"), "{err}");
            assert_ne!(a.base(), b.base());
            a.data_mut().fill(0x11);
            b.data_mut().fill(0x22);
            assert_eq!(b.grow(1), Some(2));
            assert_eq!(b.grow(1), None, "the declared maximum holds");
            let b_base = b.base();
            drop(b);
            assert_eq!(pool.available(), 1);
            // The freed slot comes back first, zeroed.
            let c = alloc.allocate(3, None).unwrap();
            assert_eq!(c.base(), b_base);
            assert!(c.data().iter().all(|&x| x == 0), "guard {guard}");
            assert!(a.data().iter().all(|&x| x == 0x11), "a is untouched");
            drop((a, c));
            assert_eq!(pool.available(), 2);
        }
    }

    #[test]
    fn memories_are_capped_by_the_slot() {
        let pool = pool(2 * WASM_PAGE_SIZE as u64, 0, 1);
        let alloc = MemoryAllocator::Pooling(Arc::clone(&pool));
        let err = alloc.allocate(3, None).expect_err("too large");
        assert!(err.contains("does not fit"), "{err}");
        assert_eq!(pool.available(), 1, "a refused memory takes no slot");
        let mut m = alloc.allocate(0, None).unwrap();
        assert_eq!(m.grow(2), Some(0));
        assert_eq!(m.grow(1), None, "the reservation caps growth");
        m.data_mut()[2 * WASM_PAGE_SIZE - 1] = 1;
    }
}
