//! Copy-on-write images of a module's initial memory contents
//! (`Config::memory_init_cow`): the active data segments laid out once per
//! module in a `memfd` file, which instantiation maps `MAP_PRIVATE` over the
//! start of each new memory instead of copying the segments in.
//!
//! # Why
//!
//! Copying the data segments costs every instantiation a write of every
//! byte (and the page faults of the pages written), however little of the
//! data the instance then reads: a program with megabytes of data pays
//! milliseconds. A private file mapping costs one `mmap`; pages are then
//! shared with the page cache until an instance writes one, and only that
//! page is copied (the kernel does it, on the write fault).
//!
//! # When an image applies (`api::instance`)
//!
//! Only when every active data segment targets a memory the module defines
//! (not an imported one, whose contents are not ours to replace) at a
//! constant offset (no `global.get`: its value depends on the instance),
//! and lies within the memory's minimum size, so that applying the
//! segments cannot trap and their order only decides which bytes win, as
//! the image already records. Otherwise the module keeps the copy at
//! instantiation, which also reports a segment that does not fit as a
//! trap, after the ones before it were written, as the spec requires. A
//! memory whose data spans less than [`MIN_IMAGE_BYTES`] is copied too:
//! copying a few pages is cheaper than a mapping and its faults.
//!
//! # The mapping's life
//!
//! The image is mapped over whole host pages inside the memory's
//! accessible pages (it lies within the minimum size), read/write, over
//! whatever mapping the reservation had there; `memory.grow` changes the
//! protection of the pages after it only, and the base never moves. When
//! the memory is dropped, the pages wasm could touch, which include the
//! image's, are replaced by a fresh anonymous mapping (`Mmap::reset`) as
//! before: the image mapping is gone with them, and a reused reservation or
//! pool slot cannot show the image's contents. (`madvise(MADV_DONTNEED)`
//! must not be used on them: on a private file mapping it brings the file's
//! contents back rather than zeros.) The memfd is owned by the module: the
//! kernel keeps the file alive for its mappings, so nothing is left when
//! the last instance and the module are gone.
//!
//! # Images in compiled artifacts
//!
//! A module loaded from an artifact file (`Module::deserialize_file`) needs
//! no memfd: `Module::serialize` writes each image's pages into the
//! artifact, page-aligned, and the loaded module maps them straight from
//! the artifact file ([`MemoryImage::in_file`]), so neither loading nor the
//! first instantiation copies any data.

use std::fs::File;
use std::io;
use std::sync::Arc;

/// Below this many bytes (from the first data byte's page to the last
/// one's) a memory's segments are copied rather than mapped: a handful of
/// pages copies faster than a mapping is made and faulted in.
pub const MIN_IMAGE_BYTES: usize = 64 << 10;

/// One memory's initial contents in a file (a memfd, or a compiled
/// artifact), to map at `offset` from the memory's base.
#[derive(Debug)]
pub struct MemoryImage {
    file: Arc<File>,
    /// Where the image starts in the file: a multiple of the host page
    /// size.
    file_offset: u64,
    /// Where the image starts in the memory: a multiple of the host page
    /// size.
    offset: usize,
    /// Its length: whole host pages, within the memory's minimum size.
    len: usize,
}

/// Where the image of `segments` (offsets in the memory, in the order they
/// apply) lies in the memory, with pages of `page` bytes: `(offset, len)`,
/// whole pages from the first data byte's to the last one's; `None` if
/// that spans less than [`MIN_IMAGE_BYTES`].
pub fn extent(segments: &[(usize, &[u8])], page: usize) -> Option<(usize, usize)> {
    let nonempty = segments.iter().filter(|(_, b)| !b.is_empty());
    let start = nonempty.clone().map(|&(at, _)| at).min()?;
    let end = nonempty.map(|(at, b)| at + b.len()).max().unwrap_or(start);
    let offset = start - start % page;
    let len = (end - offset).next_multiple_of(page);
    (len >= MIN_IMAGE_BYTES).then_some((offset, len))
}

/// Write `segments` into `image`, the bytes of the memory from `offset`
/// on, which span them all (as [`extent`] gave it); a later segment
/// overwrites an earlier one, as applying them in order would.
pub fn fill(image: &mut [u8], offset: usize, segments: &[(usize, &[u8])]) {
    for &(at, bytes) in segments {
        let start = at - offset;
        image[start..start + bytes.len()].copy_from_slice(bytes);
    }
}

impl MemoryImage {
    /// Where the image goes in the memory, and how long it is.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.offset..self.offset + self.len
    }

    /// Map the image copy-on-write over bytes `range()` of the memory at
    /// `base`, replacing what was mapped there.
    ///
    /// # Safety
    /// `base + range()` must be read/write pages of one memory owned by the
    /// caller, which nothing else refers to while this runs, and which the
    /// caller later resets with a fresh mapping (not `MADV_DONTNEED`).
    pub unsafe fn map_at(&self, base: *mut u8) -> io::Result<()> {
        use std::os::fd::AsRawFd;
        // SAFETY: the caller guarantees the pages are the memory's own;
        // MAP_FIXED replaces exactly them (`len` is whole host pages), and
        // the file holds the `len` bytes from `file_offset` (set by
        // `ftruncate` when a memfd was built; checked against the file's
        // length when an artifact was loaded).
        let ptr = unsafe {
            libc::mmap(
                base.add(self.offset).cast(),
                self.len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_FIXED,
                self.file.as_raw_fd(),
                self.file_offset as libc::off_t,
            )
        };
        if ptr == libc::MAP_FAILED {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }

    /// The image of `segments` (offsets in the memory, in the order they
    /// apply), or `None` if they span less than [`MIN_IMAGE_BYTES`].
    pub fn build(segments: &[(usize, &[u8])]) -> io::Result<Option<MemoryImage>> {
        let page = crate::runtime::mmap::page_size();
        let Some((offset, len)) = extent(segments, page) else {
            return Ok(None);
        };
        let file = memfd()?;
        // The length first: the file is sparse, so the gaps between
        // segments cost no memory and read as zeros.
        file.set_len(len as u64)?;
        // The segments are copied in through one shared mapping of the
        // file rather than a write per segment: a module can have a
        // hundred thousand small segments (esbuild: 98,450), and a system
        // call each made the image cost 15 times the copy it replaces.
        let map = SharedMapping::new(&file, len)?;
        // SAFETY: the mapping is `len` bytes, read/write, ours alone, and
        // unmapped only when `map` is dropped, after this use.
        let image = unsafe { std::slice::from_raw_parts_mut(map.ptr, len) };
        fill(image, offset, segments);
        drop(map);
        Ok(Some(MemoryImage {
            file: Arc::new(file),
            file_offset: 0,
            offset,
            len,
        }))
    }

    /// The image held by `file` (a compiled artifact) at `file_offset`,
    /// to map at `offset` in the memory, `len` bytes: `None` unless all
    /// three are whole host pages (an artifact for larger pages than
    /// this host's always is) and the file holds it.
    pub fn in_file(
        file: Arc<File>,
        file_offset: u64,
        offset: usize,
        len: usize,
    ) -> Option<MemoryImage> {
        let page = crate::runtime::mmap::page_size();
        let aligned = file_offset.is_multiple_of(page as u64)
            && offset.is_multiple_of(page)
            && len.is_multiple_of(page)
            && len > 0;
        let end = file_offset.checked_add(len as u64)?;
        let inside = file.metadata().ok()?.len() >= end;
        let fits = offset.checked_add(len).is_some() && libc::off_t::try_from(end).is_ok();
        (aligned && inside && fits).then_some(MemoryImage {
            file,
            file_offset,
            offset,
            len,
        })
    }
}

/// A new, empty memfd (closed on exec).
fn memfd() -> io::Result<File> {
    use std::os::fd::FromRawFd;
    // SAFETY: the name is a NUL-terminated string; the call only reads it.
    let fd = unsafe { libc::memfd_create(c"flint-memory-image".as_ptr(), libc::MFD_CLOEXEC) };
    if fd < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: `fd` is a new descriptor nothing else owns.
    Ok(unsafe { File::from_raw_fd(fd) })
}

/// A shared read/write mapping of a whole memfd, to fill it; unmapped on
/// drop (the file keeps what was written).
struct SharedMapping {
    ptr: *mut u8,
    len: usize,
}

impl SharedMapping {
    fn new(file: &File, len: usize) -> io::Result<SharedMapping> {
        use std::os::fd::AsRawFd;
        // SAFETY: a new mapping chosen by the kernel, of a file at least
        // `len` bytes long (`set_len`); it overlaps nothing of ours.
        let ptr = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_SHARED,
                file.as_raw_fd(),
                0,
            )
        };
        if ptr == libc::MAP_FAILED {
            return Err(io::Error::last_os_error());
        }
        Ok(SharedMapping {
            ptr: ptr.cast(),
            len,
        })
    }
}

impl Drop for SharedMapping {
    fn drop(&mut self) {
        // SAFETY: the mapping made in `new`, unmapped once, here; nothing
        // refers to it after the image is filled.
        unsafe { libc::munmap(self.ptr.cast(), self.len) };
    }
}

/// The images of a module's defined memories: by defined-memory index,
/// `None` for a memory without data (or too little to map). Which modules
/// have them is the instantiation's decision (`api::instance`), which
/// knows the data segments.
#[derive(Debug, Default)]
pub struct ModuleImages {
    pub images: Vec<Option<MemoryImage>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_hold_the_segments_in_order_on_whole_pages() {
        let page = crate::runtime::mmap::page_size();
        let big = vec![7u8; MIN_IMAGE_BYTES];
        let segments: Vec<(usize, &[u8])> = vec![
            (page + 3, &big),
            (page + 10, &[1, 2, 3]),
            (page + 4 + MIN_IMAGE_BYTES, &[9]),
        ];
        let image = MemoryImage::build(&segments)
            .unwrap()
            .expect("large enough");
        assert_eq!(image.offset, page);
        assert_eq!(image.len % page, 0);
        assert!(image.len >= MIN_IMAGE_BYTES + 5);
        let mut bytes = vec![0u8; image.len];
        use std::os::unix::fs::FileExt;
        image.file.read_exact_at(&mut bytes, 0).unwrap();
        assert_eq!(&bytes[..3], &[0, 0, 0]);
        assert_eq!(&bytes[3..10], &[7; 7]);
        assert_eq!(&bytes[10..13], &[1, 2, 3], "a later segment wins");
        assert_eq!(bytes[13], 7);
        assert_eq!(bytes[3 + MIN_IMAGE_BYTES], 0);
        assert_eq!(bytes[4 + MIN_IMAGE_BYTES], 9);
        assert!(bytes[5 + MIN_IMAGE_BYTES..].iter().all(|&b| b == 0));
    }

    #[test]
    fn little_data_is_not_imaged() {
        let segments: Vec<(usize, &[u8])> = vec![(0, &[1; 100]), (5000, &[2; 100])];
        assert!(MemoryImage::build(&segments).unwrap().is_none());
        assert!(MemoryImage::build(&[]).unwrap().is_none());
        assert!(MemoryImage::build(&[(0, &[])]).unwrap().is_none());
    }
}
