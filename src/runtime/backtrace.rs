//! Wasm backtraces: which wasm functions were on the stack when a trap
//! happened.
//!
//! This owns both halves of the job. *Capture* runs inside the signal
//! handler, at the trap, before the unwind throws the frames away: it walks
//! the frame-pointer chain and writes raw program counters into the
//! activation's fixed-size [`TrapFrames`] — no allocation, no locks, so it is
//! async-signal-safe. *Symbolisation* runs afterwards in `call_wasm`, as
//! ordinary Rust: each PC is looked up in the code registry
//! (`runtime::signals`), whose entries carry a [`CodeMap`] saying which
//! function a code offset belongs to, what the name section calls it, and
//! which wasm instruction is at the PC: the trapping PC is an exact trap
//! site, and each outer PC a return address, recorded for every call
//! as it was emitted (`masm::traps::WasmOffsets`). Source files and lines
//! come later still, from the module's DWARF, only when someone asks for
//! them (`FrameInfo::symbols`, `crate::dwarf`). The non-trapping path
//! pays nothing: JIT code is unchanged (the tables are side data), and
//! entering wasm only zeroes the buffer's length.
//!
//! # Why walking the frame pointers is sound
//!
//! Every piece of JIT code that can be on the stack at a trap links its
//! frame in the prologue before anything can trap: x86-64 `push rbp; mov
//! rbp, rsp`, aarch64 `stp x29, x30, [sp, #-16]!; mov x29, sp`. That covers
//! wasm functions and the host-call stub (both use `MacroAssembler::
//! prologue`, and the stack-limit check, the first trap site, follows the
//! linking), and the entry trampoline. Nothing in JIT code writes the
//! frame-pointer register otherwise, and the Rust builtins it calls preserve
//! it (callee-saved in both C ABIs). So at every trap site the frame pointer
//! is the trapping function's, and in both ISAs a frame `fp` starts with a
//! [`FrameRecord`]: the caller's frame pointer, then the return address
//! into the caller.
//!
//! The walk still trusts nothing it reads. It only dereferences a frame
//! pointer that lies between the interrupted stack pointer and the stack
//! pointer the entry trampoline recorded for this activation — memory of the
//! current thread's stack that wasm frames occupy, so it is mapped — and
//! each step must move strictly up the stack, and at most [`MAX_FRAMES`]
//! are recorded. A garbage frame pointer therefore ends the walk early; it
//! never faults or loops. The outermost wasm frame's saved frame pointer is
//! the trampoline's, which lies above the recorded stack pointer, so the
//! walk stops exactly at the entry and never sees host frames. A host
//! function that calls back into wasm starts a new activation with its own
//! recorded stack pointer below its Rust frames, so a trap there walks only
//! the inner wasm frames; `call_wasm` adds the outer ones when the error
//! travels on through the outer activation (see [`Trap::add_outer_frames`]).
//!
//! [`Trap::add_outer_frames`]: crate::trap::Trap::add_outer_frames

use crate::dwarf::DebugInfo;
use crate::masm::{FrameRecord, WasmOffsets};
use crate::names::FuncNames;
use crate::runtime::shared_slice::SharedSlice;
use crate::runtime::signals;
use crate::trap::{FrameInfo, WasmBacktrace};
use std::cell::{Cell, UnsafeCell};
use std::mem::{align_of, size_of, MaybeUninit};
use std::sync::Arc;

/// How many frames a trap records. Enough for any real call chain a reader
/// wants to see; a runaway recursion is cut off here (and marked
/// truncated) instead of costing time proportional to the stack depth.
pub const MAX_FRAMES: usize = 64;

/// The raw backtrace of a trap in one activation: the trapping PC, then the
/// return address of each wasm frame further out.
pub(crate) struct TrapFrames {
    /// How many entries of `pcs` the handler wrote.
    len: Cell<usize>,
    /// Whether the chain went on beyond `MAX_FRAMES`.
    truncated: Cell<bool>,
    /// Left uninitialised until a trap: creating the buffer on every entry
    /// into wasm costs nothing this way.
    pcs: UnsafeCell<[MaybeUninit<usize>; MAX_FRAMES]>,
}

impl TrapFrames {
    pub fn new() -> TrapFrames {
        TrapFrames {
            len: Cell::new(0),
            truncated: Cell::new(false),
            pcs: UnsafeCell::new([MaybeUninit::uninit(); MAX_FRAMES]),
        }
    }

    /// Record the frames of a trap at `pc`, with the interrupted frame
    /// pointer `fp` and stack pointer `sp`; `entry_sp` is the stack pointer
    /// the entry trampoline recorded (every wasm frame of the activation
    /// lies below it). Called by the signal handler: allocates nothing,
    /// takes no lock, and reads memory only as described in the module docs.
    pub fn capture(&self, pc: usize, fp: usize, sp: usize, entry_sp: usize) {
        // SAFETY: only the signal handler writes the buffer, and only while
        // the thread is stopped in JIT code, so `call_wasm` (the only
        // reader) holds no reference into it.
        let pcs = unsafe { &mut *self.pcs.get() };
        pcs[0].write(pc);
        let mut len = 1;
        // A frame is usable if its record lies inside this activation's
        // wasm stack, between the trap point and the entry.
        let in_range = |fp: usize| {
            fp >= sp
                && fp.is_multiple_of(align_of::<FrameRecord>())
                && fp
                    .checked_add(size_of::<FrameRecord>())
                    .is_some_and(|end| end <= entry_sp)
        };
        let mut fp = fp;
        let mut truncated = false;
        while in_range(fp) {
            // SAFETY: the record at `fp` is aligned and inside the thread's
            // stack between the interrupted stack pointer and the entry's,
            // which is mapped and holds the wasm frames (see the module
            // docs); its words are plain integers, whatever they contain.
            let FrameRecord {
                caller_fp,
                return_address,
            } = unsafe { (fp as *const FrameRecord).read() };
            // The caller is wasm only if its frame is inside the range too;
            // the trampoline's frame (the end of the chain) is above it.
            if caller_fp <= fp || !in_range(caller_fp) {
                break;
            }
            if len == MAX_FRAMES {
                truncated = true;
                break;
            }
            pcs[len].write(return_address);
            len += 1;
            fp = caller_fp;
        }
        self.len.set(len);
        self.truncated.set(truncated);
    }

    /// The recorded frames as functions, innermost first. PCs outside
    /// module code (the host-call stub) are left out.
    pub fn symbolize(&self) -> WasmBacktrace {
        let len = self.len.get();
        // SAFETY: the handler initialised the first `len` entries (`len` is
        // zero until it ran), and it cannot run again while wasm is not
        // running, which is the case when `call_wasm` calls this.
        let pcs = unsafe { &(&*self.pcs.get())[..len] };
        let frames = pcs
            .iter()
            .enumerate()
            .filter_map(|(i, pc)| {
                // SAFETY: initialised, see above.
                let pc = unsafe { pc.assume_init() };
                // A return address is the instruction after the call, which
                // could already belong to the next function; the call
                // itself is one byte earlier. The trapping PC is exact.
                let at = if i == 0 { pc } else { pc.wrapping_sub(1) };
                let (map, offset) = signals::code_map_at(at)?;
                let wasm_offset = if i == 0 {
                    map.wasm_offsets.trap(offset)
                } else {
                    map.wasm_offsets.call_returning_to(offset + 1)
                };
                map.frame(offset, wasm_offset)
            })
            .collect();
        WasmBacktrace::new(frames, self.truncated.get())
    }
}

/// What a backtrace needs to know about one piece of registered code: where
/// each of its functions starts, their names, and which wasm instruction
/// each trap site and call return address belongs to.
#[derive(Debug)]
pub(crate) struct CodeMap {
    /// Module-wide index of the first function in the code (imports come
    /// first in the index space and have no code here).
    first_func: u32,
    /// Entry offset of each function, ascending (functions are emitted in
    /// order, each one's out-of-line stubs before the next one starts).
    func_offsets: SharedSlice<u32>,
    names: FuncNames,
    /// The module byte offset of the instruction at each PC a frame can
    /// show: one entry per trap site and per call, appended by the backend
    /// as it emits them (`masm::traps`).
    wasm_offsets: WasmOffsets,
    /// The module's DWARF, if it has some: the frames carry it, so that
    /// their source locations are looked up only if someone asks
    /// (`crate::dwarf`).
    debug: Option<Arc<DebugInfo>>,
}

impl CodeMap {
    pub fn new(
        first_func: u32,
        func_offsets: SharedSlice<u32>,
        names: FuncNames,
        wasm_offsets: WasmOffsets,
        debug: Option<Arc<DebugInfo>>,
    ) -> CodeMap {
        debug_assert!(func_offsets.is_sorted());
        CodeMap {
            first_func,
            func_offsets,
            names,
            wasm_offsets,
            debug,
        }
    }

    /// What the map was made of: each defined function's entry offset,
    /// the names, the wasm offsets (for `Module::serialize`).
    pub fn parts(&self) -> (&[u32], &FuncNames, &WasmOffsets) {
        (&self.func_offsets, &self.names, &self.wasm_offsets)
    }

    /// The code offset where function `index` (module-wide) starts.
    pub fn func_offset(&self, index: u32) -> usize {
        self.func_offsets[(index - self.first_func) as usize] as usize
    }

    /// Each function's index, entry offset, size in bytes (up to the next
    /// function, the last one up to `code_len`) and name, if it has one.
    pub fn functions(
        &self,
        code_len: usize,
    ) -> impl Iterator<Item = (u32, usize, usize, Option<&str>)> {
        let starts = self.func_offsets.iter().map(|&o| o as usize);
        let ends = starts.clone().skip(1).chain([code_len]);
        starts.zip(ends).enumerate().map(move |(i, (start, end))| {
            let index = self.first_func + i as u32;
            (index, start, end - start, self.names.get(index))
        })
    }

    /// The frame of the function containing code offset `offset`, executing
    /// the wasm instruction at `wasm_offset`.
    fn frame(&self, offset: usize, wasm_offset: Option<usize>) -> Option<FrameInfo> {
        let defined = self
            .func_offsets
            .partition_point(|&start| start as usize <= offset)
            .checked_sub(1)?;
        let index = self.first_func + defined as u32;
        Some(FrameInfo::new(
            index,
            self.names.get(index).map(str::to_string),
            wasm_offset,
            self.debug.clone(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_to_the_function_that_contains_them() {
        let map = CodeMap::new(
            2,
            vec![0, 0x40, 0x100].into(),
            FuncNames::default(),
            WasmOffsets::default(),
            None,
        );
        let index = |offset| map.frame(offset, None).map(|f| f.func_index());
        assert_eq!(index(0), Some(2));
        assert_eq!(index(0x3f), Some(2));
        assert_eq!(index(0x40), Some(3));
        assert_eq!(index(0x1000), Some(4));
        assert_eq!(map.func_offset(3), 0x40);
        let empty = CodeMap::new(
            0,
            SharedSlice::empty(),
            FuncNames::default(),
            WasmOffsets::default(),
            None,
        );
        assert_eq!(empty.frame(0, None), None);
    }

    /// Walk a fake stack from frame pointer `fp`, with the interrupted stack
    /// pointer at the start of `stack` and the entry's at index 12.
    fn walk(stack: &[usize], fp: usize) -> Vec<usize> {
        let base = stack.as_ptr() as usize;
        let frames = TrapFrames::new();
        frames.capture(0x1000, fp, base, base + 8 * 12);
        let len = frames.len.get();
        // SAFETY: `capture` initialised `len` entries.
        let pcs = unsafe { &(&*frames.pcs.get())[..len] };
        // SAFETY: as above.
        pcs.iter().map(|p| unsafe { p.assume_init() }).collect()
    }

    /// Write a frame record at word `i` of a fake stack.
    fn link(stack: &mut [usize], i: usize, caller_fp: usize, return_address: usize) {
        let words = &mut stack[i..i + size_of::<FrameRecord>() / size_of::<usize>()];
        let record = FrameRecord {
            caller_fp,
            return_address,
        };
        // SAFETY: `words` is as large as a record, which is made of
        // usizes, and so aligned like one.
        unsafe { words.as_mut_ptr().cast::<FrameRecord>().write(record) };
    }

    #[test]
    fn the_walk_follows_the_chain_up_to_the_entry() {
        // Frames linked from low to high addresses, the way calls leave
        // them: word `i` is at `base + 8 * i`.
        let mut stack = vec![0usize; 16];
        let base = stack.as_ptr() as usize;
        let at = |i: usize| base + 8 * i;
        // Frames at 2 -> 6 -> 10; 10's caller is the trampoline (word 14,
        // above the entry stack pointer at 12).
        link(&mut stack, 2, at(6), 0x2002);
        link(&mut stack, 6, at(10), 0x3003);
        link(&mut stack, 10, at(14), 0x4004);
        assert_eq!(walk(&stack, at(2)), [0x1000, 0x2002, 0x3003]);
        // A garbage frame pointer ends the walk at once: misaligned, below
        // the stack pointer, past the entry, at the end of the address space.
        assert_eq!(walk(&stack, at(2) + 1), [0x1000]);
        assert_eq!(walk(&stack, base - 16), [0x1000]);
        assert_eq!(walk(&stack, at(12)), [0x1000]);
        assert_eq!(walk(&stack, usize::MAX - 7), [0x1000]);
        assert_eq!(walk(&stack, 0), [0x1000]);
        // A chain that points back down (or at itself) ends too.
        link(&mut stack, 6, at(2), 0x3003);
        assert_eq!(walk(&stack, at(2)), [0x1000, 0x2002]);
    }

    #[test]
    fn a_deep_chain_is_truncated() {
        let mut stack = vec![0usize; 2 * (MAX_FRAMES + 10)];
        let base = stack.as_ptr() as usize;
        let top = stack.len();
        for i in (0..top - 2).step_by(2) {
            link(&mut stack, i, base + 8 * (i + 2), 0x5000 + i);
        }
        let frames = TrapFrames::new();
        frames.capture(0x1000, base, base, base + 8 * top);
        assert_eq!(frames.len.get(), MAX_FRAMES);
        assert!(frames.truncated.get());
    }
}
