//! `Memory`: a linear memory as the host sees it.
//!
//! The bytes live in the store (`runtime::linear_memory` reserves and
//! grows them); a `Memory` is a handle. Borrowing the store borrows the
//! bytes: [`Memory::data`] is a plain `&[u8]` for as long as the store is
//! borrowed, and [`Memory::data_and_store_mut`] hands out the bytes and the
//! host state together, which is what a host function that copies between
//! guest memory and its own state (WASI, for one) needs.

use super::store::{AsContext, AsContextMut, StoreContext, StoreContextMut, StoreOpaque, Stored};
use crate::error::{Error, Result};
use crate::runtime::linear_memory::LinearMemory;
use crate::runtime::memory_image::MemoryImage;
use crate::runtime::vmctx::MemoryDef;
use crate::types::MemoryType;

/// The size of a wasm page in bytes.
const PAGE_SIZE: usize = 65536;

/// A linear memory in a store.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Memory(pub(crate) Stored);

pub(crate) struct MemoryData {
    max: Option<u64>,
    /// Whether the memory has 64-bit indices: the bulk-memory builtins
    /// read their operands as i64s for it, i32s otherwise.
    pub memory64: bool,
    mem: LinearMemory,
}

impl MemoryData {
    pub fn bytes(&mut self) -> &mut [u8] {
        self.mem.data_mut()
    }

    pub fn base(&self) -> *mut u8 {
        self.mem.base()
    }

    pub fn def_ptr(&self) -> *mut MemoryDef {
        self.mem.def_ptr()
    }

    /// Map a module's initial-contents image over the memory
    /// (`LinearMemory::map_image`).
    pub fn map_image(&mut self, image: &MemoryImage) -> std::io::Result<()> {
        self.mem.map_image(image)
    }
}

impl Memory {
    /// A new memory of `ty.min` pages. Fails if the limits are invalid for
    /// the index type ([`MemoryType::is_valid`]), or if the store's limiter
    /// refuses it or the host cannot reserve it.
    pub fn new(mut store: impl AsContextMut, ty: MemoryType) -> Result<Memory> {
        let mut store = store.as_context_mut();
        if !ty.is_valid() {
            return Err(Error::Usage(format!("invalid memory limits {ty:?}")));
        }
        Memory::new_in(store.opaque(), ty).map_err(Error::Usage)
    }

    /// Allocate a memory in `store`, asking its limiter first; the error
    /// says why it cannot be had.
    pub(crate) fn new_in(store: &mut StoreOpaque, ty: MemoryType) -> Result<Memory, String> {
        let count = store.memories.len();
        if let Some(limiter) = store.limiter() {
            if count >= limiter.memories() {
                return Err(format!(
                    "the store's limit of {} memories is reached",
                    limiter.memories()
                ));
            }
            let max = ty.max.map(pages_to_bytes);
            let desired = pages_to_bytes(ty.min);
            if !limiter.memory_growing(0, desired, max).unwrap_or(false) {
                return Err(format!(
                    "the store's limiter refused a memory of {} pages",
                    ty.min
                ));
            }
        }
        // From the engine's allocator: its layout is the one the engine's
        // code was compiled for (bounds checks or guard pages).
        // A 64-bit memory's limits may exceed what any reservation holds:
        // a minimum beyond it fails here, a maximum beyond it only means
        // that growing stops at the reservation (`memory.grow` returns -1).
        let min = u32::try_from(ty.min).map_err(|_| {
            format!(
                "a memory of {} pages does not fit the {} pages each memory may have \
                 (Config::memory_reservation)",
                ty.min,
                store.engine.memories().max_pages()
            )
        })?;
        let max = ty.max.map(|m| u32::try_from(m).unwrap_or(u32::MAX));
        let mem = store.engine.memories().allocate(min, max)?;
        let handle = store.handle(store.memories.len());
        store.memories.push(Box::new(MemoryData {
            max: ty.max,
            memory64: ty.memory64,
            mem,
        }));
        Ok(Memory(handle))
    }

    fn data_of<'a>(&self, store: &'a StoreOpaque) -> &'a MemoryData {
        &store.memories[store.index(self.0, "Memory")]
    }

    /// The current type: the minimum is the current size (what import
    /// matching compares against).
    pub fn ty(&self, store: impl AsContext) -> MemoryType {
        self.ty_in(store.as_context().opaque())
    }

    pub(crate) fn ty_in(&self, store: &StoreOpaque) -> MemoryType {
        let d = self.data_of(store);
        MemoryType {
            min: d.mem.pages().into(),
            max: d.max,
            memory64: d.memory64,
        }
    }

    /// Current size in 64 KiB pages.
    pub fn size(&self, store: impl AsContext) -> u64 {
        self.data_of(store.as_context().opaque()).mem.pages() as u64
    }

    /// Current size in bytes.
    pub fn data_size(&self, store: impl AsContext) -> usize {
        self.data_of(store.as_context().opaque()).mem.byte_len()
    }

    /// The memory's bytes, for as long as the store is borrowed.
    ///
    /// # Panics
    /// If the memory belongs to another store.
    pub fn data<'a, T: 'a>(&self, store: impl Into<StoreContext<'a, T>>) -> &'a [u8] {
        self.data_of(store.into().opaque()).mem.data()
    }

    /// The memory's bytes, mutably.
    ///
    /// # Panics
    /// If the memory belongs to another store.
    pub fn data_mut<'a, T: 'a>(&self, store: impl Into<StoreContextMut<'a, T>>) -> &'a mut [u8] {
        self.data_and_store_mut(store).0
    }

    /// The memory's bytes and the store's host state, both mutably.
    ///
    /// # Panics
    /// If the memory belongs to another store.
    pub fn data_and_store_mut<'a, T: 'a>(
        &self,
        store: impl Into<StoreContextMut<'a, T>>,
    ) -> (&'a mut [u8], &'a mut T) {
        let (opaque, data) = store.into().into_parts();
        let index = opaque.index(self.0, "Memory");
        (opaque.memories[index].bytes(), data)
    }

    /// Copy `buf.len()` bytes at `offset` out of the memory.
    pub fn read(&self, store: impl AsContext, offset: usize, buf: &mut [u8]) -> Result<()> {
        let store = store.as_context();
        store.opaque().check(self.0.store, "Memory")?;
        let bytes = self.data_of(store.opaque()).mem.data();
        let src = range(bytes.len(), offset, buf.len())?;
        buf.copy_from_slice(&bytes[src]);
        Ok(())
    }

    /// Copy `data` into the memory at `offset`.
    pub fn write(&self, mut store: impl AsContextMut, offset: usize, data: &[u8]) -> Result<()> {
        let mut store = store.as_context_mut();
        let store = store.opaque();
        store.check(self.0.store, "Memory")?;
        let bytes = store.memories[self.0.index as usize].bytes();
        let dst = range(bytes.len(), offset, data.len())?;
        bytes[dst].copy_from_slice(data);
        Ok(())
    }

    /// Grow by `delta` pages; returns the old size. Fails past the
    /// memory's maximum, `Config::max_memory_pages` or the reservation,
    /// when the store's limiter refuses, or when the host is out of memory.
    /// (Pages are `u64` for 32-bit and 64-bit memories alike.)
    pub fn grow(&self, mut store: impl AsContextMut, delta: u64) -> Result<u64> {
        let mut store = store.as_context_mut();
        let store = store.opaque();
        store.check(self.0.store, "Memory")?;
        grow(store, self.0.index as usize, delta)
            .ok_or_else(|| Error::Usage(format!("cannot grow memory by {delta} pages")))
    }

    /// Whether the memory has 64-bit indices (memory64).
    pub fn is_64(&self, store: impl AsContext) -> bool {
        self.data_of(store.as_context().opaque()).memory64
    }
}

/// `pages` in bytes, saturating: a 64-bit memory's declared maximum may
/// exceed the address space (the limiter sees `usize::MAX` then).
fn pages_to_bytes(pages: u64) -> usize {
    usize::try_from(pages.saturating_mul(PAGE_SIZE as u64)).unwrap_or(usize::MAX)
}

/// Grow memory `index` of `store` by `delta` pages, asking the limiter;
/// the old size, or `None` (what `memory.grow` turns into -1).
pub(crate) fn grow(store: &mut StoreOpaque, index: usize, delta: u64) -> Option<u64> {
    let (current, max) = {
        let d = &store.memories[index];
        (u64::from(d.mem.pages()), d.max)
    };
    // No reservation holds 2^32 pages: a larger delta cannot succeed.
    let delta32 = u32::try_from(delta).ok()?;
    if let Some(limiter) = store.limiter() {
        let desired = pages_to_bytes(current + delta);
        let max = max.map(pages_to_bytes);
        // A limiter's error refuses the growth like `Ok(false)` does.
        if !limiter
            .memory_growing(pages_to_bytes(current), desired, max)
            .unwrap_or(false)
        {
            return None;
        }
    }
    store.memories[index].mem.grow(delta32).map(u64::from)
}

/// The byte range `[offset, offset + len)` if it lies within `size`.
fn range(size: usize, offset: usize, len: usize) -> Result<std::ops::Range<usize>> {
    match offset.checked_add(len) {
        Some(end) if end <= size => Ok(offset..end),
        _ => Err(Error::Usage(format!(
            "memory access of {len} bytes at {offset} is out of bounds"
        ))),
    }
}
