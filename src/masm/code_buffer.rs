//! The buffer both backends assemble a module's code into: dynasm's
//! `DynasmApi`/`DynasmLabelApi`, so every `dynasm!` lowering writes to it
//! unchanged, over bytes that live in the memory mapping that becomes the
//! module's executable code.
//!
//! # Why not dynasmrt's `VecAssembler`
//!
//! Compiling a large module with a `VecAssembler` churned pages: its `Vec`
//! grew by doubling (to 128 MB for 92 MB of code), the finished code was
//! then copied into a fresh mapping (every page faulted in a second time)
//! and the `Vec` freed, and every relocation of the whole module was kept
//! until the end. This buffer instead
//!
//! * writes into an anonymous read/write [`Mmap`] reserved once from the
//!   code section's size ([`CodeBuffer::reserve`]) and, if that was too
//!   small, grown with `mremap` ([`Mmap::resize`]): the pages move, nothing
//!   is copied or faulted in twice; from 2 MiB on it asks for transparent
//!   huge pages, so filling it faults once per 2 MiB rather than per page;
//! * hands that same mapping over as [`MachineCode`], which
//!   `CodeMemory::from_mapping` makes executable in place (W^X is kept:
//!   the pages are read/write until then, read/execute afterwards);
//! * patches a reference to an already bound label the moment it is
//!   emitted, and the current function's forward references when the
//!   function ends ([`CodeBuffer::commit`]); only references still open
//!   then, calls to functions compiled later, wait for the end.
//!
//! # Limits and failure
//!
//! The buffer never grows past its limit (`Config::max_code_size`, and in
//! any case 4 GiB: code offsets are `u32` in the side tables). The
//! emitting methods cannot fail, so when the buffer cannot grow (the limit,
//! or the system refusing memory) it keeps counting the bytes it drops and
//! [`CodeBuffer::finish`] reports the failure: compiling a hostile module
//! ends in an error, never an abort. Errors in the code itself (a label
//! bound twice or never, a relocation out of range) are reported there
//! too, as `VecAssembler::finalize` did.

use std::fmt;
use std::io;
use std::ops::Deref;
use std::ptr::NonNull;

use dynasmrt::components::{LabelRegistry, PatchLoc};
use dynasmrt::relocations::Relocation;
use dynasmrt::{
    AssemblyOffset, DynamicLabel, DynasmApi, DynasmError, DynasmLabelApi, LabelKind, TargetKind,
};

use crate::runtime::mmap::{Mmap, Protection};

/// The most code a buffer holds whatever its limit: trap sites and the
/// wasm offset map store code offsets as `u32`.
const MAX_CODE: usize = u32::MAX as usize;

/// The smallest mapping a buffer starts with when nothing reserved room
/// (host-call stubs, tests): small code stays on a few pages.
const MIN_MAPPING: usize = 64 << 10;

/// From this size on the buffer asks for transparent huge pages (one
/// fault per 2 MiB of code instead of 512).
const HUGE_PAGE: usize = 2 << 20;

/// Why the code could not be assembled.
#[derive(Debug)]
pub enum CodeBufferError {
    /// A label or relocation error in the code (a backend bug, or a call
    /// out of the ISA's reach in a huge module).
    Dynasm(DynasmError),
    /// More code than the buffer's limit.
    Limit(usize),
    /// The system refused to map or grow the buffer.
    Memory(io::Error),
}

impl fmt::Display for CodeBufferError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeBufferError::Dynasm(e) => write!(f, "{e}"),
            CodeBufferError::Limit(limit) => {
                write!(f, "the code exceeds the limit of {limit} bytes")
            }
            CodeBufferError::Memory(e) => write!(f, "cannot map memory for the code: {e}"),
        }
    }
}

/// A reference to a label, not patched yet.
struct Reference<R: Relocation, T> {
    loc: PatchLoc<R>,
    target: T,
}

/// An assembler whose bytes live in an anonymous read/write mapping. See
/// the module documentation.
pub struct CodeBuffer<R: Relocation> {
    /// The bytes; `None` until the first byte or reservation.
    map: Option<Mmap>,
    /// The start of `map` (dangling without one), kept apart so that
    /// emitting a byte is a compare and a store.
    ptr: NonNull<u8>,
    /// How many bytes can be stored: the length of `map` (0 without one),
    /// at most `limit`.
    cap: usize,
    /// How many bytes were emitted: the offset of the next one. Past `cap`
    /// only after a failure to grow, which `failure` holds.
    len: usize,
    /// The most bytes the buffer may hold.
    limit: usize,
    /// The first thing that went wrong; reported by `finish`.
    failure: Option<CodeBufferError>,
    /// Mints dynamic label ids (only `LabelRegistry` can make a
    /// `DynamicLabel`); where each is bound is kept in `bound`.
    labels: LabelRegistry,
    /// Where each dynamic label is bound, by id (`None`: not yet).
    bound: Vec<Option<u32>>,
    /// The labels [`Self::new_dynamic_label`] handed out since the last
    /// `commit`: a function's own labels, recycled when it ends.
    scoped: Vec<DynamicLabel>,
    /// Recycled labels, unbound, for the next function to take. A module
    /// has millions of block labels but only a function's worth are live
    /// at once: minting a fresh one each time made the label table the
    /// largest heap block when compiling a big module.
    free: Vec<DynamicLabel>,
    /// References to dynamic labels not bound when emitted, since the last
    /// `commit`.
    pending: Vec<Reference<R, DynamicLabel>>,
    /// References still unbound at a `commit`: calls to functions that
    /// come later. Patched by `finish`.
    deferred: Vec<Reference<R, DynamicLabel>>,
    /// The latest definition of each local label name (`name:`); few names
    /// exist, so a list.
    locals: Vec<(&'static str, usize)>,
    /// Forward references to local labels (`>name`), patched when the next
    /// definition of the name is emitted.
    forward: Vec<Reference<R, &'static str>>,
    /// Global labels (`->name:`) and references to them, patched by
    /// `finish`.
    globals: Vec<(&'static str, usize)>,
    global_refs: Vec<Reference<R, &'static str>>,
}

// SAFETY: `ptr` points into `map`, which the buffer owns alone (`Mmap` is
// `Send`); nothing else refers to the bytes, so the buffer may move to
// another thread with its mapping (a part compiled on a worker thread and
// appended on the calling one, `module::parallel`).
unsafe impl<R: Relocation + Send> Send for CodeBuffer<R> {}

impl<R: Relocation> Default for CodeBuffer<R> {
    fn default() -> Self {
        CodeBuffer::new()
    }
}

impl<R: Relocation> CodeBuffer<R> {
    /// An empty buffer; nothing is mapped until the first byte.
    pub fn new() -> Self {
        CodeBuffer {
            map: None,
            ptr: NonNull::dangling(),
            cap: 0,
            len: 0,
            limit: MAX_CODE,
            failure: None,
            labels: LabelRegistry::new(),
            bound: Vec::new(),
            scoped: Vec::new(),
            free: Vec::new(),
            pending: Vec::new(),
            deferred: Vec::new(),
            locals: Vec::new(),
            forward: Vec::new(),
            globals: Vec::new(),
            global_refs: Vec::new(),
        }
    }

    /// Make room for `bytes` bytes of code in all (a size hint: the buffer
    /// still grows past it), and never hold more than `limit` bytes. The
    /// room is address space until written: untouched pages cost no memory.
    pub fn reserve(&mut self, bytes: usize, limit: usize) -> Result<(), CodeBufferError> {
        self.limit = limit.min(MAX_CODE);
        self.cap = self.cap.min(self.limit);
        let bytes = bytes.min(self.limit);
        if bytes > self.cap {
            self.remap(bytes).map_err(CodeBufferError::Memory)?;
        }
        Ok(())
    }

    /// Map or resize the buffer to `bytes` (rounded up to whole pages).
    fn remap(&mut self, bytes: usize) -> io::Result<()> {
        match &mut self.map {
            Some(map) => map.resize(bytes)?,
            None => self.map = Some(Mmap::anonymous(bytes, Protection::ReadWrite)?),
        }
        if let Some(map) = &self.map {
            if map.len() >= HUGE_PAGE {
                map.advise_huge_pages();
            }
            self.ptr = NonNull::new(map.as_ptr()).unwrap_or(NonNull::dangling());
        }
        // The mapping is whole pages; the limit may end inside the last.
        self.cap = self.map.as_ref().map_or(0, Mmap::len).min(self.limit);
        Ok(())
    }

    /// Every byte the buffer can hold now, written or not.
    #[inline(always)]
    fn room(&mut self) -> &mut [u8] {
        // SAFETY: `ptr` is the start of the mapping, read/write and at
        // least `cap` bytes long, every byte initialised (zero-filled by
        // the kernel, or written), and only `&mut self` reaches it, so this
        // is the one reference; without a mapping `cap` is 0 and a
        // dangling pointer is a valid empty slice.
        unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.cap) }
    }

    /// The bytes emitted so far (those that were stored).
    fn written(&mut self) -> &mut [u8] {
        let len = self.len.min(self.cap);
        &mut self.room()[..len]
    }

    /// Make room for `additional` more bytes, growing the mapping (at
    /// least doubling it, so growing stays rare). Records the failure and
    /// returns false if it cannot.
    #[cold]
    fn grow(&mut self, additional: usize) -> bool {
        if self.failure.is_some() {
            return false;
        }
        let needed = self.len.saturating_add(additional);
        if needed > self.limit {
            self.failure = Some(CodeBufferError::Limit(self.limit));
            return false;
        }
        let target = needed
            .max(self.cap.saturating_mul(2))
            .max(MIN_MAPPING)
            .min(self.limit);
        match self.remap(target) {
            Ok(()) => true,
            Err(e) => {
                self.failure = Some(CodeBufferError::Memory(e));
                false
            }
        }
    }

    /// Append the first `len` bytes of `insn`, an instruction gathered in
    /// a fixed-size buffer (`x64::encoding`): with room for the whole
    /// buffer, one 16-byte copy, whose bytes past `len` are overwritten by
    /// whatever comes next or never become code.
    #[inline(always)]
    pub fn push_insn(&mut self, insn: &[u8; 16], len: usize) {
        let start = self.len;
        if start + 16 <= self.cap {
            self.room()[start..start + 16].copy_from_slice(insn);
            self.len = start + len;
        } else {
            self.extend_from_slice(&insn[..len]);
        }
    }

    /// Append `bytes`.
    #[inline(always)]
    pub fn extend_from_slice(&mut self, bytes: &[u8]) {
        let (start, end) = (self.len, self.len + bytes.len());
        // `grow` is cold: the common case is one compare.
        if end <= self.cap || self.grow(bytes.len()) {
            self.room()[start..end].copy_from_slice(bytes);
        }
        self.len = end;
    }

    /// Overwrite the bytes at `offset` (already emitted) with `bytes`: an
    /// immediate patched once its value is known (a frame size).
    pub fn patch(&mut self, offset: usize, bytes: &[u8]) {
        assert!(
            offset + bytes.len() <= self.len,
            "patching bytes not emitted yet"
        );
        // Bytes past the capacity were dropped after a failure to grow,
        // which `finish` reports.
        if let Some(dst) = self.written().get_mut(offset..offset + bytes.len()) {
            dst.copy_from_slice(bytes);
        }
    }

    /// A new label for the current function, to bind with `=>label`: it
    /// lives until the next [`Self::commit`] (the function's end), which
    /// recycles it once bound.
    pub fn new_dynamic_label(&mut self) -> DynamicLabel {
        let label = match self.free.pop() {
            Some(label) => label,
            None => self.mint_label(),
        };
        self.scoped.push(label);
        label
    }

    /// A new label that lives as long as the buffer: a function's entry,
    /// which calls from any function refer to.
    pub fn new_module_label(&mut self) -> DynamicLabel {
        self.mint_label()
    }

    fn mint_label(&mut self) -> DynamicLabel {
        let label = self.labels.new_dynamic_label();
        debug_assert_eq!(label.get_id(), self.bound.len());
        self.bound.push(None);
        label
    }

    /// Where `id` is bound, if it is already: a reference to it is then
    /// backward and its distance known.
    pub fn label_offset(&self, id: DynamicLabel) -> Option<usize> {
        // A label of another buffer (an unfinished part's, `append`) is
        // not bound here.
        self.bound
            .get(id.get_id())
            .copied()
            .flatten()
            .map(|at| at as usize)
    }

    /// Point the field of `loc` at code offset `target`.
    fn resolve(&mut self, loc: &PatchLoc<R>, target: usize, what: TargetKind) {
        let range = loc.range(0);
        // Beyond the stored bytes only after a failure to grow.
        let Some(field) = self.written().get_mut(range) else {
            return;
        };
        if loc.patch(field, 0, target).is_err() {
            self.fail(DynasmError::ImpossibleRelocation(what));
        }
    }

    fn fail(&mut self, e: DynasmError) {
        if self.failure.is_none() {
            self.failure = Some(CodeBufferError::Dynasm(e));
        }
    }

    /// Patch every reference emitted since the last commit whose label is
    /// bound by now; keep the rest (references to later functions) for
    /// `finish`. Called at the end of each function, whose own labels are
    /// all bound then, so that each reference is looked at at most twice.
    pub fn commit(&mut self) {
        let mut pending = std::mem::take(&mut self.pending);
        for r in pending.drain(..) {
            match self.label_offset(r.target) {
                Some(at) => self.resolve(&r.loc, at, TargetKind::Dynamic(r.target)),
                None => self.deferred.push(r),
            }
        }
        // Reuse the allocation for the next function.
        self.pending = pending;
        // Every reference to a bound label of the function is patched, so
        // the label can be reused. One left unbound keeps its id: the
        // references to it wait in `deferred`, and `finish` reports them.
        for label in self.scoped.drain(..) {
            let bound = &mut self.bound[label.get_id()];
            if bound.take().is_some() {
                self.free.push(label);
            }
        }
    }

    /// Append `part`, whole functions another buffer assembled (on another
    /// thread), at the current offset, which the caller has aligned as a
    /// function start is: the bytes are copied once, the labels in
    /// `labels` that `part` bound (its functions' entries, made with the
    /// same ids in both buffers) are bound here at their new offsets, and
    /// `part`'s references still open (calls to functions outside it) are
    /// moved here, patched now if their target is already bound, else by
    /// `finish`. Every other reference of `part` was resolved relative to
    /// its own bytes, which do not change by moving. Returns the offset
    /// `part` starts at.
    ///
    /// A part cut short by an error (a function left unfinished) may be
    /// appended too, to learn where its finished functions land: its
    /// unfinished references come along unresolved, and the compile fails
    /// before `finish` anyway.
    ///
    /// `part` is left empty ([`Self::clear`]) for the next batch: its
    /// mapping (pages already faulted in), its label ids and its lists'
    /// allocations are kept, which is what makes reusing it cheaper than a
    /// fresh buffer.
    pub fn append(&mut self, part: &mut CodeBuffer<R>, labels: &[DynamicLabel]) -> usize {
        // A finished part has committed already; an unfinished one patches
        // what it can before its bytes are copied.
        part.commit();
        let base = self.len;
        if let Some(failure) = part.failure.take() {
            if self.failure.is_none() {
                self.failure = Some(failure);
            }
        }
        self.extend_from_slice(part.written());
        // Bytes the part dropped (past its limit) count here as well.
        self.len = base + part.len;
        for &label in labels {
            if let Some(at) = part.label_offset(label) {
                // Offsets fit in a u32: the buffer never holds more.
                let here = (base + at) as u32;
                match self.bound.get_mut(label.get_id()) {
                    Some(bound @ None) => *bound = Some(here),
                    _ => self.fail(DynasmError::DuplicateLabel(LabelKind::Dynamic(label))),
                }
            }
        }
        for mut r in part.deferred.drain(..) {
            r.loc.location = AssemblyOffset(r.loc.location.0 + base);
            match self.label_offset(r.target) {
                Some(at) => self.resolve(&r.loc, at, TargetKind::Dynamic(r.target)),
                None => self.deferred.push(r),
            }
        }
        part.clear();
        base
    }

    /// Forget the code and every label binding, as a new buffer would have
    /// none, but keep what is costly to make again: the mapping (its pages
    /// stay faulted in: stale bytes past `len` are never read, as the
    /// bytes past `len` of a `push_insn` are not), the label ids minted so
    /// far (the module's function labels keep their ids, unbound) and the
    /// lists' allocations. The limit stays until the next `reserve`.
    pub fn clear(&mut self) {
        self.len = 0;
        self.failure = None;
        self.bound.iter_mut().for_each(|b| *b = None);
        // Labels still scoped were left by a function cut short; they are
        // unbound now, so they can be handed out again.
        self.free.append(&mut self.scoped);
        self.pending.clear();
        self.deferred.clear();
        self.locals.clear();
        self.forward.clear();
        self.globals.clear();
        self.global_refs.clear();
    }

    /// How many labels the buffer has minted: a cleared buffer keeps its
    /// ids, so one reused for the same module already has the function
    /// labels.
    pub fn labels_minted(&self) -> usize {
        self.bound.len()
    }

    /// Resolve every reference that is left and hand over the code: the
    /// mapping itself, trimmed to whole pages around it.
    pub fn finish(mut self) -> Result<MachineCode, CodeBufferError> {
        self.commit();
        for r in std::mem::take(&mut self.deferred) {
            match self.label_offset(r.target) {
                Some(at) => self.resolve(&r.loc, at, TargetKind::Dynamic(r.target)),
                None => self.fail(DynasmError::UnknownLabel(LabelKind::Dynamic(r.target))),
            }
        }
        for r in std::mem::take(&mut self.global_refs) {
            match self.globals.iter().find(|(n, _)| *n == r.target) {
                Some(&(_, at)) => self.resolve(&r.loc, at, TargetKind::Global(r.target)),
                None => self.fail(DynasmError::UnknownLabel(LabelKind::Global(r.target))),
            }
        }
        if let Some(r) = self.forward.first() {
            self.fail(DynasmError::UnknownLabel(LabelKind::Local(r.target)));
        }
        if let Some(failure) = self.failure.take() {
            return Err(failure);
        }
        let len = self.len;
        let map = match self.map.take() {
            Some(mut map) => {
                // Give back the reserved pages the code did not need.
                map.resize(len).map_err(CodeBufferError::Memory)?;
                Some(map)
            }
            None => None,
        };
        Ok(MachineCode { map, len })
    }
}

impl<R: Relocation> Extend<u8> for CodeBuffer<R> {
    fn extend<T: IntoIterator<Item = u8>>(&mut self, iter: T) {
        for byte in iter {
            self.push(byte);
        }
    }
}

impl<'a, R: Relocation> Extend<&'a u8> for CodeBuffer<R> {
    /// What `dynasm!` emits for an instruction's constant bytes (a byte
    /// string): with an exact length, stored in one go. Inlined, so that
    /// the copy of each instruction's known length is a store or two.
    #[inline(always)]
    fn extend<T: IntoIterator<Item = &'a u8>>(&mut self, iter: T) {
        let iter = iter.into_iter();
        match iter.size_hint() {
            (n, Some(m)) if n == m && (self.len + n <= self.cap || self.grow(n)) => {
                let start = self.len;
                for (dst, &src) in self.room()[start..start + n].iter_mut().zip(iter) {
                    *dst = src;
                }
                self.len += n;
            }
            _ => {
                for &byte in iter {
                    self.push(byte);
                }
            }
        }
    }
}

/// `DynasmApi`'s methods that push a little-endian value.
macro_rules! push_le {
    ($($method:ident: $ty:ty,)*) => {
        $(
            #[inline(always)]
            fn $method(&mut self, value: $ty) {
                self.extend_from_slice(&value.to_le_bytes());
            }
        )*
    };
}

impl<R: Relocation> DynasmApi for CodeBuffer<R> {
    #[inline]
    fn offset(&self) -> AssemblyOffset {
        AssemblyOffset(self.len)
    }

    #[inline(always)]
    fn push(&mut self, byte: u8) {
        self.extend_from_slice(&[byte]);
    }

    fn align(&mut self, alignment: usize, with: u8) {
        while !self.len.is_multiple_of(alignment) {
            self.push(with);
        }
    }

    // dynasm's defaults push these one byte at a time: one bounds check
    // per value instead.
    push_le! {
        push_i16: i16,
        push_i32: i32,
        push_i64: i64,
        push_u16: u16,
        push_u32: u32,
        push_u64: u64,
    }
}

impl<R: Relocation> DynasmLabelApi for CodeBuffer<R> {
    type Relocation = R;

    fn local_label(&mut self, name: &'static str) {
        let here = self.len;
        match self.locals.iter_mut().find(|(n, _)| *n == name) {
            Some(def) => def.1 = here,
            None => self.locals.push((name, here)),
        }
        // The forward references waiting for this name are the ones this
        // definition is the next one for.
        let mut forward = std::mem::take(&mut self.forward);
        forward.retain(|r| {
            if r.target != name {
                return true;
            }
            self.resolve(&r.loc, here, TargetKind::Local(name));
            false
        });
        self.forward = forward;
    }

    fn global_label(&mut self, name: &'static str) {
        if self.globals.iter().any(|(n, _)| *n == name) {
            self.fail(DynasmError::DuplicateLabel(LabelKind::Global(name)));
        } else {
            self.globals.push((name, self.len));
        }
    }

    fn dynamic_label(&mut self, id: DynamicLabel) {
        // Offsets fit in a u32: the buffer never holds more (`MAX_CODE`).
        let here = self.len as u32;
        match &mut self.bound[id.get_id()] {
            Some(_) => self.fail(DynasmError::DuplicateLabel(LabelKind::Dynamic(id))),
            bound => *bound = Some(here),
        }
    }

    fn global_relocation(
        &mut self,
        name: &'static str,
        target_offset: isize,
        field_offset: u8,
        ref_offset: u8,
        kind: R,
    ) {
        let loc = self.patch_loc(target_offset, field_offset, ref_offset, kind);
        self.global_refs.push(Reference { loc, target: name });
    }

    fn dynamic_relocation(
        &mut self,
        id: DynamicLabel,
        target_offset: isize,
        field_offset: u8,
        ref_offset: u8,
        kind: R,
    ) {
        let loc = self.patch_loc(target_offset, field_offset, ref_offset, kind);
        match self.label_offset(id) {
            // A backward reference: patched now, never stored.
            Some(at) => self.resolve(&loc, at, TargetKind::Dynamic(id)),
            None => self.pending.push(Reference { loc, target: id }),
        }
    }

    fn forward_relocation(
        &mut self,
        name: &'static str,
        target_offset: isize,
        field_offset: u8,
        ref_offset: u8,
        kind: R,
    ) {
        let loc = self.patch_loc(target_offset, field_offset, ref_offset, kind);
        self.forward.push(Reference { loc, target: name });
    }

    fn backward_relocation(
        &mut self,
        name: &'static str,
        target_offset: isize,
        field_offset: u8,
        ref_offset: u8,
        kind: R,
    ) {
        let loc = self.patch_loc(target_offset, field_offset, ref_offset, kind);
        match self.locals.iter().find(|(n, _)| *n == name) {
            Some(&(_, at)) => self.resolve(&loc, at, TargetKind::Local(name)),
            None => self.fail(DynasmError::UnknownLabel(LabelKind::Local(name))),
        }
    }

    fn value_relocation(&mut self, value: usize, field_offset: u8, ref_offset: u8, kind: R) {
        let loc = self.patch_loc(0, field_offset, ref_offset, kind);
        self.resolve(&loc, value, TargetKind::Value(value));
    }
}

impl<R: Relocation> CodeBuffer<R> {
    /// A relocation whose field ends here (dynasm reports relocations
    /// after the instruction that holds them).
    fn patch_loc(
        &self,
        target_offset: isize,
        field_offset: u8,
        ref_offset: u8,
        kind: R,
    ) -> PatchLoc<R> {
        PatchLoc::new(
            AssemblyOffset(self.len),
            target_offset,
            field_offset,
            ref_offset,
            kind,
        )
    }
}

/// Finished machine code, still read/write, in the mapping it was
/// assembled in: `CodeMemory::from_mapping` makes it executable in place,
/// and tools that only read it (`flint explain`, the asm-tests) read it as
/// bytes.
pub struct MachineCode {
    /// `None` for empty code.
    map: Option<Mmap>,
    len: usize,
}

impl MachineCode {
    /// The mapping and the length of the code at its start, for
    /// `CodeMemory::from_mapping`; `None` for empty code.
    pub fn into_mapping(self) -> Option<(Mmap, usize)> {
        let len = self.len;
        self.map.map(|map| (map, len))
    }
}

impl Deref for MachineCode {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match &self.map {
            // SAFETY: the mapping is read/write, at least `len` bytes, all
            // initialised, and owned by `self`: nothing writes it while
            // this shared borrow lasts.
            Some(map) => unsafe { std::slice::from_raw_parts(map.as_ptr(), self.len) },
            None => &[],
        }
    }
}

impl fmt::Debug for MachineCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MachineCode")
            .field("len", &self.len)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dynasmrt::aarch64::Aarch64Relocation;
    use dynasmrt::x64::X64Relocation;
    use dynasmrt::{dynasm, VecAssembler};

    /// Makes a label: one that lives as long as the module (`true`: a
    /// function's entry), or until the function's end.
    type NewLabel<A> = fn(&mut A, bool) -> DynamicLabel;

    fn code_buffer_label<R: Relocation>(b: &mut CodeBuffer<R>, module: bool) -> DynamicLabel {
        if module {
            b.new_module_label()
        } else {
            b.new_dynamic_label()
        }
    }

    fn vec_label<R: Relocation>(v: &mut VecAssembler<R>, _: bool) -> DynamicLabel {
        v.new_dynamic_label()
    }

    /// Two "functions": forward and backward jumps to dynamic labels, a
    /// call to a function not emitted yet (a reference still open at the
    /// first commit), local labels both ways, a `.rel32` table, alignment,
    /// and more bytes than the first mapping holds. The second function
    /// reuses the first one's labels.
    fn emit_x64<A: DynasmLabelApi<Relocation = X64Relocation>>(
        a: &mut A,
        label: NewLabel<A>,
        mut commit: impl FnMut(&mut A),
    ) {
        let (f0, f1) = (label(a, true), label(a, true));
        let (back, fwd) = (label(a, false), label(a, false));
        dynasm!(a
            ; .arch x64
            ; .align 16
            ; =>f0
            ; =>back
            ; mov eax, 1
            ; jmp =>fwd
            ; call =>f1
            ; jnz =>back
            ; top:
            ; jz <top
            ; jmp >next
            ; nop
            ; next:
            ; =>fwd
            ; lea r11, [=>back]
            ; .rel32 =>f1
            ; ret
        );
        commit(a);
        for i in 0..40_000 {
            dynasm!(a ; .arch x64 ; mov eax, i ; jmp >next ; next:);
        }
        let (back, fwd) = (label(a, false), label(a, false));
        dynasm!(a
            ; .arch x64
            ; .align 16
            ; =>f1
            ; jmp =>fwd
            ; =>back
            ; call =>f0
            ; =>fwd
            ; jnz =>back
            ; ret
        );
        commit(a);
    }

    fn x64_code(reserve: usize) -> MachineCode {
        let mut b = CodeBuffer::<X64Relocation>::new();
        b.reserve(reserve, usize::MAX).unwrap();
        emit_x64(&mut b, code_buffer_label, |b| b.commit());
        b.finish().unwrap()
    }

    fn x64_reference() -> Vec<u8> {
        let mut v = VecAssembler::<X64Relocation>::new(0);
        emit_x64(&mut v, vec_label, |_| {});
        v.finalize().unwrap()
    }

    #[test]
    fn assembles_what_a_vec_assembler_does() {
        let want = x64_reference();
        assert!(
            want.len() > 2 * MIN_MAPPING,
            "the test must make the buffer grow"
        );
        // Grown from nothing, from a small reservation, and never grown.
        for reserve in [0, 4096, 4 * want.len()] {
            assert_eq!(&x64_code(reserve)[..], &want[..], "reserved {reserve}");
        }
    }

    #[test]
    fn finished_code_is_the_trimmed_mapping_made_executable_in_place() {
        let code = x64_code(64 << 20);
        let len = code.len();
        let (map, at) = code.into_mapping().expect("code was written");
        assert_eq!(at, len);
        assert_eq!(
            map.len(),
            len.next_multiple_of(crate::runtime::mmap::page_size())
        );
        let mem = crate::runtime::code_memory::CodeMemory::from_mapping(map, len).unwrap();
        assert_eq!(mem.as_slice(), &x64_reference()[..]);
    }

    #[test]
    fn aarch64_branches_and_calls_are_patched() {
        fn emit<A: DynasmLabelApi<Relocation = Aarch64Relocation>>(
            a: &mut A,
            label: NewLabel<A>,
            mut commit: impl FnMut(&mut A),
        ) {
            let (f0, f1, fwd) = (label(a, true), label(a, true), label(a, false));
            dynasm!(a
                ; .arch aarch64
                ; =>f0
                ; b.eq =>fwd
                ; cbz w0, =>f0
                ; bl =>f1
                ; adr x16, =>fwd
                ; =>fwd
                ; ret
            );
            commit(a);
            let fwd = label(a, false);
            dynasm!(a ; .arch aarch64 ; =>f1 ; bl =>f0 ; b =>fwd ; =>fwd ; b =>f1);
            commit(a);
        }
        let mut b = CodeBuffer::<Aarch64Relocation>::new();
        emit(&mut b, code_buffer_label, |b| b.commit());
        let mut v = VecAssembler::<Aarch64Relocation>::new(0);
        emit(&mut v, vec_label, |_| {});
        assert_eq!(&b.finish().unwrap()[..], &v.finalize().unwrap()[..]);
    }

    #[test]
    fn a_functions_labels_are_reused_after_it_ends() {
        let mut b = CodeBuffer::<X64Relocation>::new();
        let entry = b.new_module_label();
        let mut first = Vec::new();
        for f in 0..1000 {
            let (top, end) = (b.new_dynamic_label(), b.new_dynamic_label());
            if f == 0 {
                first = vec![top, end];
            } else {
                // The same two labels every time, unbound again.
                assert!(first.contains(&top) && first.contains(&end));
                assert_eq!(b.label_offset(top), None);
            }
            dynasm!(b ; .arch x64 ; =>top ; jz =>end ; call =>entry ; jmp =>top ; =>end);
            b.commit();
        }
        dynasm!(b ; .arch x64 ; =>entry ; ret);
        assert_eq!(b.bound.len(), 3, "two function labels and the entry");
        let code = b.finish().unwrap();
        // The last function (`jz`, `call`, `jmp`, 16 bytes, then the
        // entry's `ret`): its jumps target its own labels.
        let rel32 = |at: usize| i32::from_le_bytes(code[at..at + 4].try_into().unwrap());
        let f = code.len() - 1 - 16;
        assert_eq!(code[f..f + 2], [0x0f, 0x84]);
        assert_eq!(rel32(f + 2), 10, "jz end");
        assert_eq!((code[f + 6], rel32(f + 7)), (0xe8, 5), "call entry");
        assert_eq!((code[f + 11], rel32(f + 12)), (0xe9, -16), "jmp top");
    }

    #[test]
    fn patch_overwrites_emitted_bytes() {
        let mut b = CodeBuffer::<X64Relocation>::new();
        dynasm!(b ; .arch x64 ; sub rsp, DWORD 0 ; ret);
        b.patch(3, &0x40u32.to_le_bytes());
        assert_eq!(
            &b.finish().unwrap()[..],
            &[0x48, 0x81, 0xEC, 0x40, 0, 0, 0, 0xC3]
        );
    }

    #[test]
    fn code_past_the_limit_is_an_error_not_an_abort() {
        let mut b = CodeBuffer::<X64Relocation>::new();
        b.reserve(1 << 30, 10_000).unwrap();
        for _ in 0..10_000 {
            dynasm!(b ; .arch x64 ; nop ; nop);
        }
        // Emitting goes on (so the compiler can check the offset against
        // its limit between functions); the bytes past it are dropped.
        assert_eq!(b.offset().0, 20_000);
        assert!(matches!(b.finish(), Err(CodeBufferError::Limit(10_000))));
    }

    #[test]
    fn unbound_and_duplicate_labels_are_errors() {
        let mut b = CodeBuffer::<X64Relocation>::new();
        let l = b.new_dynamic_label();
        dynasm!(b ; .arch x64 ; jmp =>l);
        b.commit();
        assert!(matches!(
            b.finish(),
            Err(CodeBufferError::Dynasm(DynasmError::UnknownLabel(_)))
        ));

        let mut b = CodeBuffer::<X64Relocation>::new();
        let l = b.new_dynamic_label();
        dynasm!(b ; .arch x64 ; =>l ; nop ; =>l);
        assert!(matches!(
            b.finish(),
            Err(CodeBufferError::Dynasm(DynasmError::DuplicateLabel(_)))
        ));

        let mut b = CodeBuffer::<X64Relocation>::new();
        dynasm!(b ; .arch x64 ; jmp >nowhere);
        assert!(b.finish().is_err(), "a forward local label never defined");
    }

    #[test]
    fn out_of_range_references_are_errors() {
        let mut b = CodeBuffer::<X64Relocation>::new();
        let l = b.new_dynamic_label();
        dynasm!(b ; .arch x64 ; jmp BYTE =>l);
        for _ in 0..200 {
            dynasm!(b ; .arch x64 ; nop);
        }
        dynasm!(b ; .arch x64 ; =>l);
        assert!(matches!(
            b.finish(),
            Err(CodeBufferError::Dynasm(DynasmError::ImpossibleRelocation(
                _
            )))
        ));
    }

    #[test]
    fn empty_code_has_no_mapping() {
        let code = CodeBuffer::<X64Relocation>::new().finish().unwrap();
        assert!(code.is_empty());
        assert!(code.into_mapping().is_none());
    }
}
