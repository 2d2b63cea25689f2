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
//! * **Assemblers are reused.** The join empties a part's assembler as it
//!   copies its code out and puts it in a pool the threads take from, so
//!   a module needs about as many part assemblers as threads, not one per
//!   batch: the later batches write into pages already faulted in (not
//!   fresh ones the kernel must zero, and unmap again after the join, with
//!   a TLB shootdown across the threads), keep their tables' allocations,
//!   and find the module's function labels already made.
//! * **Code does not depend on where it sits.** Branches, jump tables and
//!   trap stubs are relative to the function; functions start 16-byte
//!   aligned, and a batch starts at offset 0, aligned too. Only calls
//!   between functions of different batches are left open in a batch.
//! * **The join** ([`MacroAssembler::append`]) copies each batch's code
//!   once, in order, into the module's buffer after the alignment padding
//!   the single pass would have emitted, patches the open calls, and moves
//!   the batch's trap sites, wasm offsets (backtraces), jump tables and
//!   function entries (the code map) by the batch's start. The calling
//!   thread joins the batches that are ready between two of its own, so
//!   the copy overlaps with compiling and little is left for the end.
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

/// Batches per thread: with many, the threads finish close together even
/// when some functions compile slower per byte than others, and the join
/// keeps up with the compile.
const BATCHES_PER_THREAD: usize = 16;

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
    first: usize,
    masm: M,
    /// Per finished function: its entry and end offsets in `masm`, and
    /// where its body starts in the module.
    funcs: Vec<(usize, usize, usize)>,
    /// The error that stopped the batch early.
    error: Option<Error>,
}

/// What every thread shares.
struct Shared<'a, 'b, M> {
    engine: &'a Engine,
    env: ModuleEnv<'a>,
    options: CodegenOptions,
    /// The module-wide index of the code section's first body.
    first_func: u32,
    queue: Mutex<std::vec::IntoIter<Batch<'b>>>,
    /// Compiled batches the join has not taken yet, by index.
    done: Mutex<Vec<Option<Part<M>>>>,
    /// No batch after this one is needed: it failed, or the code up to it
    /// exceeds the limit.
    stop_after: AtomicUsize,
    /// The code the compiled batches hold, and the last of them.
    emitted: AtomicUsize,
    last_done: AtomicUsize,
    /// Part assemblers the join has emptied, for the next batches.
    spare: Mutex<Vec<M>>,
}

/// Compile `bodies`, in code section order, on up to `threads` threads,
/// and append their code to `masm`. The calling thread compiles batches
/// too, and between them joins those ready in order, so that copying the
/// code overlaps with compiling the rest.
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
    let count = batches.len();
    let workers = threads.min(count).max(1);
    let shared = Shared {
        engine,
        env: code.env(engine, b),
        options,
        first_func: code.next_func(),
        queue: Mutex::new(batches.into_iter()),
        done: Mutex::new((0..count).map(|_| None).collect()),
        stop_after: AtomicUsize::new(usize::MAX),
        emitted: AtomicUsize::new(0),
        last_done: AtomicUsize::new(0),
        spare: Mutex::new(Vec::with_capacity(workers)),
    };
    let mut join = Join {
        masm,
        next: 0,
        entries: Vec::with_capacity(shared.env.func_labels.len()),
        error: None,
    };
    std::thread::scope(|s| {
        let handles: Vec<_> = (1..workers)
            .map(|_| {
                s.spawn(|| {
                    let mut allocs = compiler::Allocations::default();
                    while work(&shared, &mut allocs) {}
                })
            })
            .collect();
        let mut allocs = compiler::Allocations::default();
        while work(&shared, &mut allocs) {
            join.ready(&shared);
        }
        for handle in handles {
            if let Err(panic) = handle.join() {
                // The compiler should not panic; if it does, the caller
                // sees it as if it had compiled on its own thread.
                std::panic::resume_unwind(panic);
            }
        }
        join.ready(&shared);
    });
    drop(shared);
    if let Some(e) = join.error {
        return Err(e);
    }
    if join.next != count {
        // Batches are skipped only after a failure, which the join
        // reports before reaching them.
        return Err(Error::InvalidModule {
            message: "internal error: a batch of functions was not compiled".into(),
            offset: 0,
        });
    }
    for entry in join.entries {
        code.compiled(b, entry);
    }
    Ok(())
}

/// Cut the bodies into batches of similar wasm size, in order.
fn batches(bodies: Vec<Body<'_>>, threads: usize) -> Vec<Batch<'_>> {
    let total: usize = bodies.iter().map(|(_, body)| wasm_len(body)).sum();
    let target = total / (threads * BATCHES_PER_THREAD).max(1);
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

/// Compile the next batch from the queue, if there is one and it is
/// needed, and hand it to the join. False once there is nothing left to do.
fn work<M: MacroAssembler>(shared: &Shared<'_, '_, M>, allocs: &mut compiler::Allocations) -> bool {
    let next = shared
        .queue
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .next();
    let Some(batch) = next else { return false };
    // Batches come out in order: none after this one is needed either.
    let index = batch.index;
    if index > shared.stop_after.load(SeqCst) {
        return false;
    }
    let part = compile_batch::<M>(shared, batch, allocs);
    if part.error.is_some() {
        shared.stop_after.fetch_min(index, SeqCst);
    }
    // Once the batches compiled hold more code than the limit, the module
    // fails within the batches up to the last of them (the join finds
    // where): none after it is needed.
    shared.last_done.fetch_max(index, SeqCst);
    let size = part.masm.offset();
    if shared.emitted.fetch_add(size, SeqCst) + size > shared.engine.config().max_code_size {
        let last = shared.last_done.load(SeqCst);
        shared.stop_after.fetch_min(last, SeqCst);
    }
    shared.done.lock().unwrap_or_else(PoisonError::into_inner)[index] = Some(part);
    true
}

/// Compile one batch into an assembler of its own, stopping at the first
/// function that fails to compile or ends past the code limit.
fn compile_batch<M: MacroAssembler>(
    shared: &Shared<'_, '_, M>,
    batch: Batch<'_>,
    allocs: &mut compiler::Allocations,
) -> Part<M> {
    let spare = shared
        .spare
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .pop();
    // An emptied part has the module's function labels already.
    let masm = spare.unwrap_or_else(|| {
        let mut masm = M::new(shared.options);
        // The same ids as the module's labels: the first labels made.
        for &label in shared.env.func_labels {
            let made = masm.new_function_label();
            debug_assert_eq!(made, label, "function labels must agree");
        }
        masm
    });
    debug_assert!(masm.labels_minted() >= shared.env.func_labels.len());
    let mut part = Part {
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

/// The join: the compiled batches appended in order, and the first error
/// in module order.
struct Join<'m, M> {
    masm: &'m mut M,
    /// The next batch to append.
    next: usize,
    /// The entry of each function appended.
    entries: Vec<usize>,
    error: Option<Error>,
}

impl<M: MacroAssembler> Join<'_, M> {
    /// Append every batch that is ready, in order, until one is missing.
    fn ready(&mut self, shared: &Shared<'_, '_, M>) {
        while self.error.is_none() {
            let part = shared
                .done
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .get_mut(self.next)
                .and_then(Option::take);
            let Some(part) = part else { return };
            if let Err(e) = self.append(shared, part) {
                self.error = Some(e);
                shared.stop_after.fetch_min(self.next, SeqCst);
            }
            self.next += 1;
        }
    }

    /// Append one batch, checking each function's end against the code
    /// limit at its final offset, then the batch's own error.
    fn append(&mut self, shared: &Shared<'_, '_, M>, part: Part<M>) -> Result<()> {
        let mut part = part;
        // The code section's bodies are the defined functions, in order.
        let labels = &shared.env.func_labels[part.first..part.first + part.funcs.len()];
        let base = self.masm.append(&mut part.masm, labels);
        // Emptied by the append: the next batch compiles into it.
        shared
            .spare
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(part.masm);
        for &(entry, end, body_start) in &part.funcs {
            check_code_size(shared.engine, base + end, body_start)?;
            self.entries.push(base + entry);
        }
        part.error.map_or(Ok(()), Err)
    }
}
