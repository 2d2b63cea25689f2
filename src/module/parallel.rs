//! Parallel compilation of a large module's code section: the function
//! bodies are compiled on a few threads, and the result is byte for byte
//! what the single pass (`code`) produces, errors included.
//!
//! # Design
//!
//! * **The header stays a single pass.** `translate` reads every section
//!   before the code as usual; in the code section it only validates each
//!   entry's place in the module (`Validator::payload`, cheap) and sets the
//!   body aside. After the last body, [`compile`] compiles them all.
//! * **Batches, handed out in order.** The bodies are cut into contiguous
//!   batches of similar wasm size, several per thread, so that a thread
//!   that drew slow functions does not hold the others up at the end. Each
//!   thread (the calling one included) takes the next batch from a shared
//!   queue and compiles it with its own assembler and its own
//!   `compiler::Allocations`. Each batch's assembler first makes every
//!   function's entry label, so label ids agree everywhere.
//! * **Code does not depend on where it sits.** Branches, jump tables and
//!   trap stubs are relative to the function; functions start 16-byte
//!   aligned, and a batch starts at offset 0, aligned too. Only calls
//!   between functions of different batches are left open in a batch.
//! * **The join** ([`MacroAssembler::append`]) copies each batch's code
//!   once, in order, into the module's buffer after the alignment padding
//!   the single pass would have emitted, patches the open calls, and moves
//!   the batch's trap sites, wasm offsets (backtraces), jump tables and
//!   function entries (the code map) by the batch's start.
//! * **Errors in module order.** A batch stops at its first invalid
//!   function. The join walks the batches in order, checking each
//!   function's end against `Config::max_code_size` at its final offset as
//!   the single pass does, so the error reported is the first one in
//!   module order. Batches after a failed one are not started.
//! * **Bounded memory.** A batch's code is limited to `max_code_size` like
//!   the whole module's; once the batches done hold more code than the
//!   limit, the module is known to fail within them and no later batch
//!   starts. A panic in a worker is resumed on the calling thread.

use super::code::{check_code_size, CodeSection};
use super::sections::Builder;
use crate::compiler::{self, ModuleEnv};
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::masm::{CodegenOptions, MacroAssembler};
use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
use std::sync::{Mutex, PoisonError};
use wasmparser::{FuncToValidate, FunctionBody, ValidatorResources};

/// A body set aside for compilation, as the validator handed it over.
type Body<'a> = (FuncToValidate<ValidatorResources>, FunctionBody<'a>);

/// The code section's bodies, set aside as they are read.
pub(super) struct SetAside<'a> {
    bodies: Vec<Body<'a>>,
    count: usize,
    threads: usize,
}

impl<'a> SetAside<'a> {
    /// Room for the `count` bodies a code section of `wasm_bytes` bytes
    /// declares, to compile on `threads` threads.
    pub(super) fn new(count: u32, wasm_bytes: usize, threads: usize) -> SetAside<'a> {
        // Guest-declared: bounded by the section's size (every body takes
        // at least 2 bytes).
        let count = count as usize;
        SetAside {
            bodies: Vec::with_capacity(count.min(wasm_bytes / 2)),
            count,
            threads,
        }
    }

    /// Add the next body; true once it is the section's last.
    pub(super) fn push(
        &mut self,
        to_validate: FuncToValidate<ValidatorResources>,
        body: FunctionBody<'a>,
    ) -> bool {
        self.bodies.push((to_validate, body));
        self.bodies.len() == self.count
    }

    /// Compile the bodies set aside (the whole section, or those before a
    /// parse error) and append their code to `masm` as the single pass
    /// would have emitted it.
    pub(super) fn compile<M: MacroAssembler + Send>(
        self,
        engine: &Engine,
        b: &mut Builder,
        masm: &mut M,
        code: &mut CodeSection,
        options: CodegenOptions,
    ) -> Result<()> {
        compile(engine, b, masm, code, self.bodies, self.threads, options)
    }
}

/// Batches per thread: with several, the threads finish close together
/// even when some functions compile slower per byte than others.
const BATCHES_PER_THREAD: usize = 8;

/// The least wasm code in a batch (unless the section is smaller): each
/// batch costs an assembler, a mapping and a label per function.
const MIN_BATCH_BYTES: usize = 64 << 10;

/// A contiguous run of bodies, compiled by one thread into one assembler.
struct Batch<'a> {
    index: usize,
    /// Index in the code section of its first body.
    first: usize,
    bodies: Vec<Body<'a>>,
    wasm_bytes: usize,
}

/// A compiled batch.
struct Part<M> {
    index: usize,
    first: usize,
    masm: M,
    /// Per finished function: its entry and end offsets in `masm`, and
    /// where its body starts in the module.
    funcs: Vec<(usize, usize, usize)>,
    /// The error that stopped the batch early.
    error: Option<Error>,
}

/// What every worker shares.
struct Shared<'a, 'b> {
    engine: &'a Engine,
    env: ModuleEnv<'a>,
    options: CodegenOptions,
    /// The module-wide index of the code section's first body.
    first_func: u32,
    queue: Mutex<std::vec::IntoIter<Batch<'b>>>,
    /// No batch after this one is needed: it failed, or the code up to it
    /// exceeds the limit.
    stop_after: AtomicUsize,
    /// The code the finished batches hold, and the last of them.
    emitted: AtomicUsize,
    last_done: AtomicUsize,
}

/// Compile `bodies`, in code section order, on up to `threads` threads,
/// and append their code to `masm`.
fn compile<M: MacroAssembler + Send>(
    engine: &Engine,
    b: &mut Builder,
    masm: &mut M,
    code: &mut CodeSection,
    bodies: Vec<Body<'_>>,
    threads: usize,
    options: CodegenOptions,
) -> Result<()> {
    let batches = batches(bodies, threads);
    let workers = threads.min(batches.len()).max(1);
    let mut parts: Vec<Option<Part<M>>> = (0..batches.len()).map(|_| None).collect();
    let shared = Shared {
        engine,
        env: code.env(engine, b),
        options,
        first_func: code.next_func(),
        queue: Mutex::new(batches.into_iter()),
        stop_after: AtomicUsize::new(usize::MAX),
        emitted: AtomicUsize::new(0),
        last_done: AtomicUsize::new(0),
    };
    std::thread::scope(|s| {
        let handles: Vec<_> = (1..workers)
            .map(|_| s.spawn(|| work::<M>(&shared)))
            .collect();
        let mut done = work::<M>(&shared);
        for handle in handles {
            match handle.join() {
                Ok(more) => done.extend(more),
                // The compiler should not panic; if it does, the caller
                // sees it as if it had compiled on its own thread.
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        for part in done {
            let index = part.index;
            parts[index] = Some(part);
        }
    });
    drop(shared);
    join(engine, b, masm, code, parts)
}

/// Cut the bodies into batches of similar wasm size, in order.
fn batches(bodies: Vec<Body<'_>>, threads: usize) -> Vec<Batch<'_>> {
    let total: usize = bodies.iter().map(|(_, body)| wasm_len(body)).sum();
    let target = (total / (threads * BATCHES_PER_THREAD).max(1)).max(MIN_BATCH_BYTES);
    let mut batches: Vec<Batch<'_>> = Vec::new();
    for (i, body) in bodies.into_iter().enumerate() {
        let len = wasm_len(&body.1);
        match batches.last_mut() {
            Some(batch) if batch.wasm_bytes < target => {
                batch.bodies.push(body);
                batch.wasm_bytes += len;
            }
            _ => batches.push(Batch {
                index: batches.len(),
                first: i,
                bodies: vec![body],
                wasm_bytes: len,
            }),
        }
    }
    batches
}

/// The size of a body in the module's bytes.
fn wasm_len(body: &FunctionBody<'_>) -> usize {
    let range = body.range();
    (range.end - range.start) as usize
}

/// One thread's share: batches taken from the queue until it is empty or
/// no later batch is needed.
fn work<M: MacroAssembler>(shared: &Shared<'_, '_>) -> Vec<Part<M>> {
    let mut allocs = compiler::Allocations::default();
    let mut parts = Vec::new();
    loop {
        let next = shared
            .queue
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .next();
        let Some(batch) = next else { break };
        // Batches come out in order: none after this one is needed either.
        if batch.index > shared.stop_after.load(SeqCst) {
            break;
        }
        let part = compile_batch::<M>(shared, batch, &mut allocs);
        let index = part.index;
        if part.error.is_some() {
            shared.stop_after.fetch_min(index, SeqCst);
        }
        // Once the batches done hold more code than the limit, the module
        // fails within the batches up to the last of them (the join finds
        // where): none after it is needed.
        shared.last_done.fetch_max(index, SeqCst);
        let emitted = shared.emitted.fetch_add(part.masm.offset(), SeqCst) + part.masm.offset();
        if emitted > shared.engine.config().max_code_size {
            shared
                .stop_after
                .fetch_min(shared.last_done.load(SeqCst), SeqCst);
        }
        parts.push(part);
    }
    parts
}

/// Compile one batch into an assembler of its own, stopping at the first
/// function that fails to compile or ends past the code limit.
fn compile_batch<M: MacroAssembler>(
    shared: &Shared<'_, '_>,
    batch: Batch<'_>,
    allocs: &mut compiler::Allocations,
) -> Part<M> {
    let mut masm = M::new(shared.options);
    // The same ids as the module's labels: the first labels made.
    for &label in shared.env.func_labels {
        let made = masm.new_label();
        debug_assert_eq!(made, label, "function labels must agree");
    }
    let mut part = Part {
        index: batch.index,
        first: batch.first,
        masm,
        funcs: Vec::with_capacity(batch.bodies.len()),
        error: None,
    };
    let limit = shared.engine.config().max_code_size;
    if let Err(e) = part.masm.reserve(batch.wasm_bytes, limit) {
        part.error = Some(Error::InvalidModule {
            message: format!("cannot reserve memory for the module's code: {e}"),
            offset: 0,
        });
        return part;
    }
    for (i, (to_validate, body)) in batch.bodies.into_iter().enumerate() {
        let func = shared.first_func + (batch.first + i) as u32;
        let env = &shared.env;
        match compiler::compile_function(
            &mut part.masm,
            env,
            func,
            to_validate,
            &body,
            None,
            allocs,
        ) {
            Ok(entry) => {
                let end = part.masm.offset();
                part.funcs.push((entry, end, body.range().start as usize));
                // Past the limit here, past it in the module too: the join
                // reports it (or an earlier error).
                if end > limit {
                    break;
                }
            }
            Err(e) => {
                part.error = Some(e);
                break;
            }
        }
    }
    part
}

/// Append the parts in order, reporting the first error in module order.
fn join<M: MacroAssembler>(
    engine: &Engine,
    b: &mut Builder,
    masm: &mut M,
    code: &mut CodeSection,
    parts: Vec<Option<Part<M>>>,
) -> Result<()> {
    for slot in parts {
        let Some(part) = slot else {
            // Only batches after a failure or past the limit are skipped,
            // and the join returns at those before reaching this.
            return Err(Error::InvalidModule {
                message: "internal error: a batch of functions was not compiled".into(),
                offset: 0,
            });
        };
        // The code section's bodies are the defined functions, in order.
        let labels = &code.labels()[part.first..part.first + part.funcs.len()];
        let base = masm.append(part.masm, labels);
        for &(entry, end, body_start) in &part.funcs {
            check_code_size(engine, base + end, body_start)?;
            code.compiled(b, base + entry);
        }
        if let Some(e) = part.error {
            return Err(e);
        }
    }
    Ok(())
}
