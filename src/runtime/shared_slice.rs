//! Read-only tables of plain numbers that live as long as a module, kept
//! either on the heap (a module just compiled) or in place in a compiled
//! artifact's bytes (a module loaded with `Module::deserialize_file`,
//! whose file is mapped, not read).
//!
//! # Why
//!
//! A large module's side tables are most of its artifact: biome's trap
//! sites and wasm offsets are about 40 MB of a 108 MB file. Decoding them
//! into vectors at every load costs more than everything else loading
//! does, while most processes never look at them (they are read when a
//! trap happens, or a backtrace is printed). Laid out in the file exactly
//! as they are in memory, they can be used where they lie: loading then
//! costs a bounds check per table, and only the pages a lookup touches
//! are ever read from the file.
//!
//! [`SharedSlice`] is the one type both kinds of table are: a slice whose
//! owner (a `Vec`, or a [`Backing`] such as the file mapping) it keeps
//! alive. The element types are [`Plain`]: every bit pattern is a valid
//! value, so bytes from a file can be looked at as them without a check.
//! Whatever the bytes say, using them is memory-safe; a damaged table
//! gives wrong answers (a trap reported with the wrong code, a backtrace
//! with the wrong line), never undefined behaviour.

use std::ops::Deref;
use std::sync::Arc;

/// Element types that a table may hold in place: `Copy`, with no padding
/// and no invalid bit patterns, so any initialised bytes of the right size
/// and alignment are one.
///
/// # Safety
/// Implement only for integers, arrays of them, and `repr(C)` structs of
/// them without padding.
pub unsafe trait Plain: Copy + Send + Sync + 'static {}

// SAFETY: integers and arrays of integers: no padding, any bits valid.
unsafe impl Plain for u8 {}
// SAFETY: as above.
unsafe impl Plain for u32 {}
// SAFETY: as above.
unsafe impl Plain for u64 {}
// SAFETY: as above.
unsafe impl Plain for [u32; 2] {}
// SAFETY: as above.
unsafe impl Plain for [u32; 3] {}

/// Memory that holds tables in place: immutable bytes, readable for as
/// long as the backing lives.
///
/// # Safety
/// `bytes` must return the same readable, initialised bytes, which nothing
/// writes, for the backing's whole life, at an address that does not move.
pub unsafe trait Backing: Send + Sync + 'static {
    fn bytes(&self) -> &[u8];
}

/// A read-only slice of `T` that keeps its owner alive; cheap to clone.
pub struct SharedSlice<T: Plain> {
    ptr: *const T,
    len: usize,
    _owner: Arc<dyn Send + Sync>,
}

// SAFETY: the slice is immutable and its owner is `Send + Sync`; `T` is
// plain data.
unsafe impl<T: Plain> Send for SharedSlice<T> {}
// SAFETY: as above.
unsafe impl<T: Plain> Sync for SharedSlice<T> {}

impl<T: Plain> SharedSlice<T> {
    /// `count` elements at byte `offset` of `backing`, if they lie inside
    /// it and `offset` is aligned for `T` (the backing's bytes start on a
    /// page, or on an 8-byte boundary).
    pub fn within(backing: &Arc<dyn Backing>, offset: usize, count: usize) -> Option<Self> {
        let bytes = backing.bytes();
        let size = count.checked_mul(size_of::<T>())?;
        let region = bytes.get(offset..offset.checked_add(size)?)?;
        let ptr = region.as_ptr().cast::<T>();
        if !ptr.is_aligned() {
            return None;
        }
        Some(SharedSlice {
            ptr,
            len: count,
            _owner: backing.clone(),
        })
    }

    /// An empty slice.
    pub fn empty() -> Self {
        Vec::new().into()
    }
}

impl<T: Plain> From<Vec<T>> for SharedSlice<T> {
    /// The vector's elements, without their spare capacity: these tables
    /// live as long as a module, and the compiler sizes them generously
    /// up front (`masm::traps::TrapTable::reserve`).
    fn from(mut v: Vec<T>) -> Self {
        v.shrink_to_fit();
        // Moving the vector into the `Arc` leaves its buffer where it is.
        let (ptr, len) = (v.as_ptr(), v.len());
        SharedSlice {
            ptr,
            len,
            _owner: Arc::new(v),
        }
    }
}

impl<T: Plain> Deref for SharedSlice<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        // SAFETY: `ptr` is aligned and points at `len` initialised `T`s
        // (any bits are a valid `Plain`) inside the owner, which this
        // slice keeps alive and which nothing writes: a vector moved into
        // the `Arc`, or a `Backing`, whose contract says so.
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }
}

impl<T: Plain> Clone for SharedSlice<T> {
    fn clone(&self) -> Self {
        SharedSlice {
            ptr: self.ptr,
            len: self.len,
            _owner: self._owner.clone(),
        }
    }
}

impl<T: Plain> Default for SharedSlice<T> {
    fn default() -> Self {
        Self::empty()
    }
}

impl<T: Plain + std::fmt::Debug> std::fmt::Debug for SharedSlice<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T: Plain + PartialEq> PartialEq for SharedSlice<T> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl<T: Plain + Eq> Eq for SharedSlice<T> {}

/// Bytes copied onto the heap, 8-byte aligned: the backing of an artifact
/// loaded from memory (`Module::deserialize`), whose caller's slice may be
/// aligned anyhow and does not outlive the call.
pub struct AlignedBytes {
    words: Vec<u64>,
    len: usize,
}

impl AlignedBytes {
    /// The first `len` bytes of `file`.
    pub fn read_at_start(file: &std::fs::File, len: usize) -> std::io::Result<AlignedBytes> {
        use std::os::unix::fs::FileExt;
        let mut words = vec![0u64; len.div_ceil(8)];
        // SAFETY: the buffer holds at least `len` bytes, all initialised
        // (zeros), and `u64` has no invalid bit patterns to write over.
        let bytes = unsafe { std::slice::from_raw_parts_mut(words.as_mut_ptr().cast::<u8>(), len) };
        file.read_exact_at(bytes, 0)?;
        Ok(AlignedBytes { words, len })
    }

    pub fn copy_of(bytes: &[u8]) -> AlignedBytes {
        let mut words = vec![0u64; bytes.len().div_ceil(8)];
        // SAFETY: `words` holds at least `bytes.len()` bytes, is a fresh
        // allocation (no overlap), and any bytes are valid `u64`s.
        unsafe {
            std::ptr::copy_nonoverlapping(
                bytes.as_ptr(),
                words.as_mut_ptr().cast::<u8>(),
                bytes.len(),
            );
        }
        AlignedBytes {
            words,
            len: bytes.len(),
        }
    }
}

// SAFETY: the vector is never written after `copy_of`, and its buffer does
// not move while it is owned here.
unsafe impl Backing for AlignedBytes {
    fn bytes(&self) -> &[u8] {
        // SAFETY: the buffer holds at least `len` initialised bytes.
        unsafe { std::slice::from_raw_parts(self.words.as_ptr().cast::<u8>(), self.len) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_of_a_backing_are_bounds_and_alignment_checked() {
        let bytes: Vec<u8> = (0..64u8).collect();
        let backing: Arc<dyn Backing> = Arc::new(AlignedBytes::copy_of(&bytes));
        let words = SharedSlice::<u32>::within(&backing, 8, 2).unwrap();
        assert_eq!(&*words, &[u32::from_le_bytes([8, 9, 10, 11]), 0x0f0e0d0c]);
        assert!(
            SharedSlice::<u32>::within(&backing, 6, 1).is_none(),
            "misaligned"
        );
        assert!(
            SharedSlice::<u32>::within(&backing, 60, 2).is_none(),
            "past the end"
        );
        assert!(SharedSlice::<u32>::within(&backing, 64, 0).is_some());
        assert!(SharedSlice::<u64>::within(&backing, 0, usize::MAX).is_none());
        // The slice keeps its backing alive.
        drop(backing);
        assert_eq!(words[1], 0x0f0e0d0c);
        let owned: SharedSlice<u8> = vec![1, 2, 3].into();
        assert_eq!(&*owned.clone(), &[1, 2, 3]);
    }
}
