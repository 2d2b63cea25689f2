//! A module's data segments: a table with one fixed-size record per
//! segment (its memory, its offset, where its bytes are) and one blob
//! holding every segment's bytes.
//!
//! # Why this shape
//!
//! Real modules have many small segments: esbuild has 98,450. As a vector
//! of segments each owning its bytes, that was an allocation per segment
//! at every compile and, worse, a decode and a copy per segment at every
//! load of a compiled artifact, which alone cost several times the 1% of
//! a compile that loading may take. As plain records and one blob, both
//! are built with one allocation each when compiling, and a loaded
//! artifact uses them in place in its file mapping
//! (`runtime::shared_slice`): loading reads none of it, and instantiation
//! reads it only when it copies the segments (a memory image, when one
//! applies, holds them already: `api::instance`).
//!
//! Offsets are folded to numbers when compiling if they are constant (as
//! they nearly always are); the rest keep their expression, evaluated per
//! instance. A record read from a damaged artifact can only point at the
//! wrong bytes or none: every access is bounds-checked.

use super::ConstExpr;
use crate::runtime::linear_memory::WASM_PAGE_SIZE;
use crate::runtime::shared_slice::{Plain, SharedSlice};
use crate::types::MemoryType;

/// One segment. `mode` says what `offset` is.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
#[repr(C)]
pub(crate) struct DataRecord {
    memory: u32,
    mode: u32,
    offset: u64,
    start: u64,
    len: u64,
}

// SAFETY: `repr(C)`, two u32s then three u64s: no padding, any bits valid.
unsafe impl Plain for DataRecord {}

/// `DataRecord::mode`: a passive segment (`offset` unused).
const PASSIVE: u32 = 0;
/// An active segment at a constant offset: `offset` is it, as
/// instantiation uses it (a 32-bit memory's zero-extended).
const CONSTANT: u32 = 1;
/// An active segment whose offset is `exprs[offset]`.
const EXPRESSION: u32 = 2;

/// Where an active segment goes in its memory.
#[derive(Copy, Clone, Debug)]
pub(crate) enum DataOffset<'a> {
    Constant(u64),
    /// Evaluated per instance (it reads a global).
    Expr(&'a ConstExpr),
}

#[derive(Clone, Debug, Default)]
pub(crate) struct DataSegments {
    records: SharedSlice<DataRecord>,
    /// The offsets that are not constants, by `DataRecord::offset`.
    exprs: Vec<ConstExpr>,
    /// The indices of the passive segments, ascending: what instantiation
    /// leaves undropped once it has applied the active ones.
    passive: Vec<u32>,
    bytes: SharedSlice<u8>,
}

impl DataSegments {
    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// The memory and offset of segment `i`, if it is active.
    pub fn active(&self, i: usize) -> Option<(u32, DataOffset<'_>)> {
        let r = self.records.get(i)?;
        let offset = match r.mode {
            CONSTANT => DataOffset::Constant(r.offset),
            EXPRESSION => DataOffset::Expr(self.exprs.get(usize::try_from(r.offset).ok()?)?),
            _ => return None,
        };
        Some((r.memory, offset))
    }

    /// The bytes of segment `i` (none for an index out of range).
    pub fn bytes(&self, i: usize) -> &[u8] {
        let Some(r) = self.records.get(i) else {
            return &[];
        };
        let range = usize::try_from(r.start)
            .ok()
            .zip(usize::try_from(r.len).ok())
            .and_then(|(start, len)| Some(start..start.checked_add(len)?));
        range.and_then(|r| self.bytes.get(r)).unwrap_or(&[])
    }

    /// The passive segments' indices, ascending.
    pub fn passive(&self) -> &[u32] {
        &self.passive
    }

    /// The four parts, to store them (`module::artifact`).
    pub fn parts(&self) -> (&[DataRecord], &[ConstExpr], &[u32], &[u8]) {
        (&self.records, &self.exprs, &self.passive, &self.bytes)
    }

    /// The segments made of the parts [`Self::parts`] gave, checking only
    /// what the rest of Flint indexes without a check of its own: each
    /// expression's references (by the caller, who knows the module) and
    /// the passive list (in range and ascending).
    pub fn from_parts(
        records: SharedSlice<DataRecord>,
        exprs: Vec<ConstExpr>,
        passive: Vec<u32>,
        bytes: SharedSlice<u8>,
    ) -> Option<DataSegments> {
        let ascending = passive.is_sorted_by(|a, b| a < b);
        let in_range = passive.last().is_none_or(|&p| (p as usize) < records.len());
        (ascending && in_range).then_some(DataSegments {
            records,
            exprs,
            passive,
            bytes,
        })
    }

    /// The segments of each memory the module defines (`imported` come
    /// first in `memories`), as `(offset, bytes)` in the order they apply:
    /// what its copy-on-write images hold (`runtime::memory_image`). `None`
    /// unless every active segment targets a defined memory (an imported
    /// memory's contents are not ours to replace) at a constant offset (a
    /// `global.get` depends on the instance) and ends within the memory's
    /// minimum size: then applying the segments cannot trap and their
    /// order only decides which bytes win, which an image records.
    /// Otherwise instantiation copies them, reporting a segment that does
    /// not fit as a trap after writing the ones before it, as the spec
    /// says.
    pub fn image_segments(
        &self,
        memories: &[MemoryType],
        imported: usize,
    ) -> Option<Vec<ImageSegments<'_>>> {
        let defined = memories.len().checked_sub(imported)?;
        let mut per_memory: Vec<ImageSegments<'_>> = vec![Vec::new(); defined];
        for segment in 0..self.len() {
            let (memory, offset) = match self.active(segment) {
                None => continue,
                Some((memory, DataOffset::Constant(offset))) => (memory, offset),
                Some((_, DataOffset::Expr(_))) => return None,
            };
            let i = (memory as usize).checked_sub(imported)?;
            let min = memories
                .get(memory as usize)?
                .min
                .checked_mul(WASM_PAGE_SIZE as u64)?;
            let bytes = self.bytes(segment);
            if offset.checked_add(bytes.len() as u64)? > min {
                return None;
            }
            per_memory
                .get_mut(i)?
                .push((usize::try_from(offset).ok()?, bytes));
        }
        Some(per_memory)
    }

    /// The offset expressions, to check what they refer to.
    pub fn exprs(&self) -> &[ConstExpr] {
        &self.exprs
    }
}

/// One memory's active segments, as `(offset, bytes)` in the order they
/// apply.
pub(crate) type ImageSegments<'a> = Vec<(usize, &'a [u8])>;

/// Gathers the segments of a data section.
#[derive(Default)]
pub(crate) struct DataBuilder {
    records: Vec<DataRecord>,
    exprs: Vec<ConstExpr>,
    passive: Vec<u32>,
    bytes: Vec<u8>,
}

impl DataBuilder {
    /// Add a segment of `bytes`: active in `memory` (a 64-bit one if
    /// `memory64`) at `offset`, or passive.
    pub fn push(&mut self, active: Option<(u32, ConstExpr, bool)>, bytes: &[u8]) {
        let index = self.records.len() as u32;
        let (memory, mode, offset) = match active {
            None => {
                self.passive.push(index);
                (0, PASSIVE, 0)
            }
            Some((memory, expr, memory64)) => match constant_offset(&expr, memory64) {
                Some(offset) => (memory, CONSTANT, offset),
                None => {
                    self.exprs.push(expr);
                    (memory, EXPRESSION, self.exprs.len() as u64 - 1)
                }
            },
        };
        self.records.push(DataRecord {
            memory,
            mode,
            offset,
            start: self.bytes.len() as u64,
            len: bytes.len() as u64,
        });
        self.bytes.extend_from_slice(bytes);
    }

    pub fn finish(self) -> DataSegments {
        DataSegments {
            records: self.records.into(),
            exprs: self.exprs,
            passive: self.passive,
            bytes: self.bytes.into(),
        }
    }
}

/// The offset an offset expression gives every instance (as instantiation
/// takes it: all 64 bits for a 64-bit memory, else the low 32), unless it
/// reads a global.
fn constant_offset(expr: &ConstExpr, memory64: bool) -> Option<u64> {
    if !matches!(expr, ConstExpr::Number(_) | ConstExpr::Extended(_)) {
        return None;
    }
    let reads_global = std::cell::Cell::new(false);
    let bits = expr.eval(
        |_| {
            reads_global.set(true);
            0
        },
        |_| 0,
    );
    let offset = if memory64 {
        bits as u64
    } else {
        bits as u32 as u64
    };
    (!reads_global.get()).then_some(offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_keep_their_offsets_and_bytes() {
        let mut b = DataBuilder::default();
        b.push(Some((0, ConstExpr::Number(u32::MAX as u128), false)), b"ab");
        b.push(None, b"cde");
        b.push(Some((1, ConstExpr::GlobalGet(2), true)), b"");
        let d = b.finish();
        assert_eq!(d.len(), 3);
        assert!(matches!(
            d.active(0),
            Some((0, DataOffset::Constant(0xffff_ffff)))
        ));
        assert!(d.active(1).is_none());
        assert!(matches!(
            d.active(2),
            Some((1, DataOffset::Expr(ConstExpr::GlobalGet(2))))
        ));
        assert_eq!(d.bytes(0), b"ab");
        assert_eq!(d.bytes(1), b"cde");
        assert_eq!(d.bytes(2), b"");
        assert_eq!(d.bytes(3), b"", "out of range");
        assert_eq!(d.passive(), &[1]);
    }

    #[test]
    fn damaged_records_point_at_nothing() {
        let record = |mode, offset, start, len| DataRecord {
            memory: 0,
            mode,
            offset,
            start,
            len,
        };
        let d = DataSegments::from_parts(
            vec![
                record(7, 0, 0, 1),
                record(EXPRESSION, 5, 0, 1),
                record(CONSTANT, 0, u64::MAX, 2),
                record(CONSTANT, 0, 3, 9),
            ]
            .into(),
            Vec::new(),
            Vec::new(),
            vec![1, 2, 3, 4].into(),
        )
        .unwrap();
        assert!(d.active(0).is_none(), "unknown mode");
        assert!(d.active(1).is_none(), "no such expression");
        assert_eq!(d.bytes(2), b"", "overflowing range");
        assert_eq!(d.bytes(3), b"", "past the blob");
        let unsorted = DataSegments::from_parts(
            SharedSlice::empty(),
            Vec::new(),
            vec![0],
            SharedSlice::empty(),
        );
        assert!(unsorted.is_none(), "passive index out of range");
    }
}
