//! Compiled artifacts: a module's machine code and everything `Module`
//! holds besides it, in a file that a later process loads instead of
//! compiling (`Module::serialize`, `Module::deserialize`,
//! `Module::deserialize_file`, `Module::precompile` for another ISA).
//!
//! # Layout
//!
//! Every number is little-endian. A fixed header of [`HEADER_SIZE`] bytes:
//!
//! ```text
//!   0  magic            8 bytes, "\0flint\r\n" (a text-mode transfer that
//!                       rewrites line ends breaks it at once)
//!   8  format version   u32, [`FORMAT_VERSION`]: this layout's number
//!  12  Flint version    16 bytes, the crate version, NUL-padded
//!  28  ISA              u8: 0 x86_64, 1 aarch64
//!  29  settings         u8: the `Config` switches that change code:
//!                       1 consume_fuel, 2 epoch_interruption,
//!                       4 canonicalize_nans, 8 relaxed_simd_deterministic
//!  30  reserved         2 bytes, zero
//!  32  CPU features     u32, the optional instructions the code uses
//!                       (`CpuFeatures`' bits)
//!  36  reserved         4 bytes, zero
//!  40  wasm features    u64, the proposals the module was validated
//!                       under (`Config::wasm_*`, wasmparser's bits)
//!  48  wasm checksum    u64, `checksum` of the wasm binary
//!  56  metadata checksum  u64, of the header (but these eight bytes)
//!                       and the metadata
//!  64  tables checksum  u64, of every byte after the metadata: the
//!                       tables, the data, the memory images, the code
//!  72  metadata length  u64; the metadata starts at HEADER_SIZE
//!  80  memory reservation  u64, bytes (`Config::memory_reservation`,
//!                       rounded): with the guard, it decides which
//!                       accesses the code bounds-checks
//!  88  memory guard     u64, bytes (`Config::memory_guard_size`, rounded)
//!  96  file length      u64
//! 104  sections         `Section::COUNT` pairs of u64 (offset, length in
//!                       bytes), one per `Section`, in file order
//! ```
//!
//! then the module's metadata (its types, imports, function types,
//! tables, memories, globals and their initialisers, exports, start
//! function, element segments, the offset expressions and passive list of
//! its data segments, and where its memory images are; see
//! `write_metadata`), and the sections: the tables of plain numbers each
//! defined function's code offset, the trap sites, the wasm offsets
//! backtraces show, the function names, the data segments' records and
//! bytes (8-byte aligned), the memory images and the machine code (each
//! on a page boundary). Signature ids and the vmctx layout are recomputed
//! on load, not stored.
//!
//! # Loading reads almost nothing
//!
//! `deserialize_file` maps the file and decodes only the header and the
//! metadata: tens of kilobytes even for a module of tens of megabytes.
//! Every section is used where it lies in the mapping, laid out as the
//! runtime keeps it in memory (`runtime::shared_slice`): the trap sites
//! the signal handler searches, the wasm offsets and names backtraces
//! look up, the data segments instantiation copies. The machine code is
//! mapped straight from the file (`mmap`, then `mprotect` to
//! read/execute; the page cache's pages, shared by every process that
//! loads the file), and so are the memory images, copy-on-write, over
//! each new instance's memory (`runtime::memory_image`). Nothing in the
//! code needs patching: calls between functions, branches to trap stubs
//! and jump tables are PC-relative; builtins, other instances' functions,
//! memories, tables, globals and the epoch are reached through the vmctx;
//! and the one process-specific number the code used to embed,
//! `call_indirect`'s expected signature id, is read from the vmctx too
//! (`runtime::vmctx`). There is no constant pool. So loading a module
//! costs little whatever its size: biome's 123 MB artifact loads in about
//! a millisecond, without reading its tables, data or code.
//!
//! # What loading checks, and why it is still `unsafe`
//!
//! The header is checked field by field, so that an artifact of another
//! Flint, ISA, CPU or `Config` is refused with a message naming the
//! difference; then the file's length and the place of every section, so
//! that a truncated file is refused; then the metadata checksum, and the
//! metadata is decoded with every length and index bounds-checked. What
//! the rest of Flint indexes with is checked (function types, segment and
//! export indices, code offsets), the rest need not be: a damaged table
//! entry or data record is a wrong answer (a trap with the wrong code, a
//! backtrace with the wrong line, the wrong bytes), never an unsafe one.
//!
//! The tables checksum covers the sections. `deserialize` (bytes in
//! memory, read anyway) checks it; `deserialize_file` does not, because
//! reading every byte to check it would cost far more than the rest of
//! loading (esbuild's 33 MB artifact: milliseconds against a load that
//! reads tens of kilobytes), and it would take away the point of mapping:
//! the pages nobody uses are never read. A file damaged in its code or
//! tables, rather than truncated or damaged in its metadata, therefore
//! loads from a file; `flint compile` writes files whole (and
//! `Module::deserialize` checks a copy anyone wants checked).
//!
//! These checks catch accidents, not attacks: an artifact is machine code
//! that will run in the process, and anyone who can write one can make it
//! do anything (recomputing a checksum is easy). Hence the loaders are
//! `unsafe`: their caller promises that the bytes were written by
//! `Module::serialize` (or `flint compile`), as Wasmtime's
//! `Module::deserialize` does.

use super::const_expr::{ConstOp, IntOp};
use super::data::DataSegments;
use super::{Builder, Compiled, ConstExpr, ElemSegment, ExportKind, Import, ImportKind, Module};
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::masm::{CpuFeatures, MacroAssembler, Target, TrapSite, WasmOffsets};
use crate::names::FuncNames;
use crate::runtime::code_memory::CodeMemory;
use crate::runtime::memory_image::{self, MemoryImage, ModuleImages};
use crate::runtime::mmap::{page_size, Mmap};
use crate::runtime::shared_slice::{AlignedBytes, Backing, Plain, SharedSlice};
use crate::types::{FuncType, GlobalType, MemoryType, TableType, ValType};
use std::path::Path;
use std::sync::Arc;

#[cfg(not(target_endian = "little"))]
compile_error!("artifacts keep their tables in place, little-endian as x86-64 and aarch64 are");

const MAGIC: [u8; 8] = *b"\0flint\r\n";
/// The number of this layout; a change to the layout, to what the metadata
/// holds or to the code's contract with the runtime (the vmctx layout, a
/// builtin's signature) between two releases must change it.
/// Version 3: a memory records its index type and 64-bit limits
/// (memory64). Version 4: the tables, data and memory images as sections
/// used in place.
const FORMAT_VERSION: u32 = 4;
const FLINT_VERSION: &str = env!("CARGO_PKG_VERSION");
const VERSION_FIELD: usize = 16;
const _: () = assert!(FLINT_VERSION.len() <= VERSION_FIELD);
/// Where the metadata checksum is (it covers the rest of the header).
const CHECKSUM_AT: usize = 56;
const SECTIONS_AT: usize = 104;
const HEADER_SIZE: usize = SECTIONS_AT + 16 * Section::COUNT;

/// `deserialize_file` reads the bytes before the code of an artifact that
/// holds this little (its sections, not counting the padding before the
/// code), and checks all of it, rather than mapping them: a mapping, its
/// page faults and its unmapping cost more than reading a few pages, and
/// they were a fifth of what loading a small module cost.
const READ_WHOLE_UP_TO: u64 = 64 << 10;
/// What `deserialize_file` reads first: the header, and all before the
/// code of most small artifacts.
const FIRST_READ: u64 = 16 << 10;

const FUEL: u8 = 1;
const EPOCHS: u8 = 2;
const CANONICAL_NANS: u8 = 4;
const DETERMINISTIC_RELAXED_SIMD: u8 = 8;

/// The sections after the metadata, in file order.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Section {
    /// Each defined function's code offset, `[u32]`.
    FuncOffsets,
    /// `[TrapSite]`, by code offset.
    TrapSites,
    /// `WasmOffsets::traps` and `::returns`, `[[u32; 2]]`.
    TrapOffsets,
    ReturnOffsets,
    /// `FuncNames`' table, `[[u32; 3]]`, and text.
    NameEntries,
    NameText,
    /// `DataSegments`' records, `[DataRecord]`, and bytes.
    DataRecords,
    DataBytes,
    /// The memory images' pages, each on a page boundary.
    Images,
    /// The machine code, on a page boundary, up to the end of the file.
    Code,
}

impl Section {
    const COUNT: usize = 10;
    const ALL: [Section; Section::COUNT] = [
        Section::FuncOffsets,
        Section::TrapSites,
        Section::TrapOffsets,
        Section::ReturnOffsets,
        Section::NameEntries,
        Section::NameText,
        Section::DataRecords,
        Section::DataBytes,
        Section::Images,
        Section::Code,
    ];

    /// Where the section may start: pages for what is mapped on its own,
    /// eight bytes (the largest element alignment) for the rest.
    fn alignment(self, target: Target) -> usize {
        match self {
            Section::Images | Section::Code => code_alignment(target),
            _ => 8,
        }
    }
}

/// Where the code and the images start in the file: a multiple of every
/// page size the ISA's kernels use (4 KiB on x86-64; 4, 16 or 64 KiB on
/// aarch64), so the loader can map them on any of them.
fn code_alignment(target: Target) -> usize {
    match target {
        Target::X86_64 => 4 << 10,
        Target::Aarch64 => 64 << 10,
    }
}

/// Whether `bytes` start like an artifact (its magic), so a tool can tell
/// one from a wasm module (`flint run app.cwasm`).
fn is_artifact(bytes: &[u8]) -> bool {
    bytes.starts_with(&MAGIC)
}

/// A 64-bit checksum for telling a damaged file from a sound one, fast
/// enough to run over all the code at every load: four lanes each mix one
/// 8-byte word per step, `rotl((lane ^ word) * P, 31)`. Each step is a
/// bijection of the lane for a fixed word and of the word for a fixed lane,
/// and so is each step of the final mix, so a change confined to one word
/// always changes the result; other damage goes unnoticed with
/// probability about 2^-64. Not a cryptographic hash (see the module docs).
pub(crate) fn checksum(bytes: &[u8]) -> u64 {
    const P1: u64 = 0x9E37_79B1_85EB_CA87;
    const P2: u64 = 0xC2B2_AE3D_27D4_EB4F;
    let mut lanes = [P1, P2, P1 ^ P2, !P1];
    let mut blocks = bytes.chunks_exact(32);
    for block in &mut blocks {
        for (lane, word) in lanes.iter_mut().zip(block.chunks_exact(8)) {
            let word = u64::from_le_bytes(word.try_into().expect("8 bytes"));
            *lane = (*lane ^ word).wrapping_mul(P1).rotate_left(31);
        }
    }
    let mut h = bytes.len() as u64;
    for lane in lanes {
        h = (h ^ lane).wrapping_mul(P2).rotate_left(27);
    }
    for &byte in blocks.remainder() {
        h = (h ^ byte as u64).wrapping_mul(P1).rotate_left(23);
    }
    h ^ (h >> 32)
}

/// The metadata checksum of `head`, the header and the metadata: every
/// byte but the checksum's own.
fn metadata_checksum(head: &[u8]) -> u64 {
    checksum(&head[..CHECKSUM_AT]) ^ checksum(&head[CHECKSUM_AT + 8..]).rotate_left(17)
}

/// The `settings` byte for `engine`'s `Config`.
fn settings(engine: &Engine) -> u8 {
    let c = engine.config();
    [
        (c.consume_fuel, FUEL),
        (c.epoch_interruption, EPOCHS),
        (c.canonicalize_nans, CANONICAL_NANS),
        (c.relaxed_simd_deterministic, DETERMINISTIC_RELAXED_SIMD),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .fold(0, |bits, (_, bit)| bits | bit)
}

/// Everything an artifact stores, borrowed from a `Module` or from a
/// compilation for another ISA.
struct Contents<'a> {
    target: Target,
    features: CpuFeatures,
    wasm_checksum: u64,
    b: MetadataRef<'a>,
    trap_sites: &'a [TrapSite],
    wasm_offsets: &'a WasmOffsets,
    code: &'a [u8],
}

/// The declarations, whether a `Builder`'s or a `ModuleInner`'s.
struct MetadataRef<'a> {
    types: &'a [FuncType],
    funcs: &'a [u32],
    imports: &'a [Import],
    tables: &'a [TableType],
    memories: &'a [MemoryType],
    globals: &'a [GlobalType],
    global_inits: &'a [ConstExpr],
    exports: &'a [(String, ExportKind, u32)],
    start: Option<u32>,
    elements: &'a [ElemSegment],
    data: &'a DataSegments,
    func_offsets: &'a [u32],
    names: &'a FuncNames,
}

impl<'a> MetadataRef<'a> {
    fn of_builder(b: &'a Builder) -> MetadataRef<'a> {
        MetadataRef {
            types: &b.types,
            funcs: &b.funcs,
            imports: &b.imports,
            tables: &b.tables,
            memories: &b.memories,
            globals: &b.globals,
            global_inits: &b.global_inits,
            exports: &b.exports,
            start: b.start,
            elements: &b.elements,
            data: &b.data,
            func_offsets: &b.func_offsets,
            names: &b.names,
        }
    }
}

impl Module {
    /// The module as a compiled artifact: bytes that
    /// [`Module::deserialize`] (or [`Module::deserialize_file`], after
    /// writing them to a file) turns back into this module, in another
    /// process, without compiling. Loading requires the same Flint
    /// version, ISA, code-changing `Config` settings (fuel, epochs, NaN
    /// canonicalisation, deterministic relaxed SIMD, the enabled
    /// proposals) and at least the CPU features this module's code uses.
    pub fn serialize(&self) -> Result<Vec<u8>> {
        let m = &self.inner;
        let (func_offsets, names, wasm_offsets) = m.code_map.parts();
        let contents = Contents {
            target: Target::native(),
            features: m.cpu_features,
            wasm_checksum: m.wasm_checksum,
            b: MetadataRef {
                types: &m.types,
                funcs: &m.funcs,
                imports: &m.imports,
                tables: &m.tables,
                memories: &m.memories,
                globals: &m.globals,
                global_inits: &m.global_inits,
                exports: &m.exports,
                start: m.start,
                elements: &m.elements,
                data: &m.data,
                func_offsets,
                names,
            },
            trap_sites: &m.trap_sites,
            wasm_offsets,
            code: m.code.as_slice(),
        };
        Ok(write(&m.engine, &contents))
    }

    /// Compile `wasm` (binary, or text with the `wat` feature) into an
    /// artifact for `target` using at most the CPU `features`, on any
    /// host: what `flint compile --target` does. `engine` supplies the
    /// other settings; the artifact loads on a machine of `target` with
    /// those features into an engine with the same settings. Compiling
    /// for the other ISA than the host's needs the `explain` feature
    /// (which builds both backends).
    pub fn precompile(
        engine: &Engine,
        wasm: &[u8],
        target: Target,
        features: CpuFeatures,
    ) -> Result<Vec<u8>> {
        let wasm = match std::str::from_utf8(wasm) {
            Ok(text) if !wasm.contains(&0) => super::text::to_binary(text)?,
            _ => wasm.to_vec(),
        };
        let features = features.for_target(target);
        match target {
            #[cfg(any(target_arch = "x86_64", feature = "explain"))]
            Target::X86_64 => precompile::<crate::masm::x64::X64Masm>(engine, &wasm, features),
            #[cfg(any(target_arch = "aarch64", feature = "explain"))]
            Target::Aarch64 => precompile::<crate::masm::aarch64::A64Masm>(engine, &wasm, features),
            #[allow(unreachable_patterns)]
            _ => Err(Error::Config(format!(
                "compiling for {target} on this host needs Flint's `explain` feature"
            ))),
        }
    }

    /// Load an artifact written by [`Module::serialize`] (or `flint
    /// compile`) into `engine`. The code is copied into executable memory
    /// and the rest onto the heap; every byte is checked against the
    /// artifact's checksums. ([`Module::deserialize_file`] maps a file's
    /// instead, and checks less.)
    ///
    /// Fails with [`Error::Artifact`], saying why, for bytes that are not
    /// an artifact, an artifact of another Flint version or ISA, one whose
    /// code needs CPU features the engine does not use (this machine
    /// lacks them, or `Config::cpu_features` leaves them out), one compiled
    /// with other code-changing settings than `engine`'s, and a truncated
    /// or corrupted one.
    ///
    /// # Safety
    ///
    /// `bytes` must be an artifact that Flint wrote. The checks above
    /// catch accidents (a stale cache, the wrong file, a damaged one), not
    /// a forgery: an artifact holds machine code that will run in this
    /// process, and well-formed bytes with the right checksum can make it
    /// do anything. Never load artifacts from a source you would not run
    /// native code from.
    pub unsafe fn deserialize(engine: &Engine, bytes: &[u8]) -> Result<Module> {
        let header = Header::check(engine, bytes, bytes.len() as u64)?;
        let code_at = header.section(Section::Code).start;
        let (head, code) = bytes.split_at(code_at);
        header.check_metadata_checksum(head)?;
        let rest = &head[header.metadata_end()..];
        if tables_checksum(rest, code) != header.tables_checksum {
            return Err(corrupt("its tables checksum does not match"));
        }
        let backing: Arc<dyn Backing> = Arc::new(AlignedBytes::copy_of(head));
        let code = CodeMemory::new(code)
            .map_err(|e| Error::Artifact(format!("cannot map memory for the code: {e}")))?;
        decode(engine, &header, backing, code, None)
    }

    /// Load the artifact in the file at `path` (see
    /// [`Module::deserialize`]), mapping its code straight from the file
    /// (no copy, and the pages are shared with every other process that
    /// maps the same file; where the file system forbids executable
    /// mappings, the code is copied instead). The rest of an artifact of
    /// at most 64 KiB (not counting the padding before its code) is read,
    /// and checked as `deserialize` checks bytes. A larger one is mapped
    /// too: its memory images are mapped from it,
    /// its tables and data used where they lie, and loading reads the
    /// header and the metadata only, whatever the module's size (see the
    /// module docs of `module::artifact`), and checks their checksum, not
    /// the tables checksum: a large file damaged past its metadata is not
    /// refused.
    ///
    /// # Safety
    ///
    /// As for [`Module::deserialize`]; and the file must not change while
    /// the module (any clone of it, or an instance) is alive, because its
    /// code, tables and memory images are the file's own pages.
    pub unsafe fn deserialize_file(engine: &Engine, path: impl AsRef<Path>) -> Result<Module> {
        let path = path.as_ref();
        let io = |e: std::io::Error| Error::Io(format!("cannot read {}: {e}", path.display()));
        let mut file = std::fs::File::open(path).map_err(io)?;
        let len = file.metadata().map_err(io)?.len();
        // One read that holds all of a small artifact but its code on
        // x86-64 (on aarch64 the code's 64 KiB alignment pads it further).
        let first = AlignedBytes::read_at_start(&file, len.min(FIRST_READ) as usize).map_err(io)?;
        let header = Header::check(engine, first.bytes(), len)?;
        let code = header.section(Section::Code);
        // What the artifact holds, without the padding before the code.
        // (The images section starts on a page even when it is empty.)
        let content = header.section(Section::DataBytes).end as u64
            + header.section(Section::Images).len() as u64
            + code.len() as u64;
        let small = content <= READ_WHOLE_UP_TO;
        // The bytes before the code: read if the artifact is small (and
        // then checked whole, below), mapped if not.
        let backing: Arc<dyn Backing> = if small {
            let head = match first.bytes().len() >= code.start {
                true => first,
                false => AlignedBytes::read_at_start(&file, code.start).map_err(io)?,
            };
            header.check_metadata_checksum(head.bytes())?;
            Arc::new(head)
        } else {
            // The header, the metadata, the tables, the data and the
            // images, mapped read-only.
            let map = Mmap::file(&file, 0, code.start).map_err(io)?;
            let backing = FileBytes {
                map,
                len: code.start,
            };
            header.check_metadata_checksum(backing.bytes())?;
            Arc::new(backing)
        };
        let mapped = (!code.is_empty() && code.start.is_multiple_of(page_size()))
            .then(|| Mmap::file(&file, code.start as u64, code.len()).ok())
            .flatten();
        let mut copy = || read_range(&mut file, code.clone()).and_then(|c| CodeMemory::new(&c));
        let code_memory = match mapped {
            // Made executable in place unless the file system forbids it
            // (`noexec`): copied then, as code too small to map is.
            Some(map) => CodeMemory::from_mapping(map, code.len()).or_else(|_| copy()),
            None => copy(),
        }
        .map_err(|e| Error::Artifact(format!("cannot map the code: {e}")))?;
        if small {
            // Read, so cheap to check whole.
            let rest = &backing.bytes()[header.metadata_end()..code.start];
            if tables_checksum(rest, code_memory.as_slice()) != header.tables_checksum {
                return Err(corrupt("its tables checksum does not match"));
            }
        }
        decode(engine, &header, backing, code_memory, Some(Arc::new(file)))
    }

    /// Whether `bytes` start as an artifact does (its magic number), to
    /// tell one from a wasm module without loading it.
    pub fn is_artifact(bytes: &[u8]) -> bool {
        is_artifact(bytes)
    }
}

/// The bytes of `file` in `range`.
fn read_range(file: &mut std::fs::File, range: std::ops::Range<usize>) -> std::io::Result<Vec<u8>> {
    use std::io::{Read, Seek};
    let mut bytes = vec![0; range.len()];
    file.seek(std::io::SeekFrom::Start(range.start as u64))?;
    file.read_exact(&mut bytes)?;
    Ok(bytes)
}

/// An artifact file's bytes before its code, mapped read-only.
struct FileBytes {
    map: Mmap,
    /// The mapped bytes that are the file's (the mapping is whole pages).
    len: usize,
}

// SAFETY: a private read-only mapping of `len` bytes of a file (`len` is
// at most the file's length, checked by `Header::check`), which the
// caller of `deserialize_file` promised not to change while the module
// lives; the mapping lives, unmoved, as long as this does.
unsafe impl Backing for FileBytes {
    fn bytes(&self) -> &[u8] {
        // SAFETY: as above: `len` readable bytes at the mapping's start.
        unsafe { std::slice::from_raw_parts(self.map.as_ptr(), self.len) }
    }
}

/// Compile for backend `M` (the native one or not) and write the artifact.
fn precompile<M: MacroAssembler + Send>(
    engine: &Engine,
    wasm: &[u8],
    features: CpuFeatures,
) -> Result<Vec<u8>> {
    let (b, assembled) = super::translate::<M>(engine, features, wasm, None)?;
    let contents = Contents {
        target: M::TARGET,
        features,
        wasm_checksum: checksum(wasm),
        b: MetadataRef::of_builder(&b),
        trap_sites: &assembled.trap_sites,
        wasm_offsets: &assembled.wasm_offsets,
        code: &assembled.code[..],
    };
    Ok(write(engine, &contents))
}

/// The bytes of a table of plain numbers, as they are in memory (which is
/// the file's little-endian layout on every ISA Flint supports).
fn bytes_of<T: Plain>(table: &[T]) -> &[u8] {
    // SAFETY: `Plain` types have no padding, so every byte of the slice
    // is initialised; the bytes borrow the slice.
    unsafe { std::slice::from_raw_parts(table.as_ptr().cast::<u8>(), size_of_val(table)) }
}

/// One memory image as the artifact stores it: where in the memory, and
/// its pages.
struct ImageContents {
    offset: usize,
    pages: Vec<u8>,
}

/// The memory images of `b` for a module compiled for `target`, if the
/// engine wants images and they apply (`DataSegments::image_segments`):
/// per defined memory, `None` where it has too little data. Pages are the
/// target's largest, so they are whole pages on every host of the ISA.
fn images(
    engine: &Engine,
    b: &MetadataRef<'_>,
    target: Target,
) -> Option<Vec<Option<ImageContents>>> {
    if !engine.config().memory_init_cow || b.data.is_empty() {
        return None;
    }
    let per_memory = b
        .data
        .image_segments(b.memories, super::imported_memories(b.imports))?;
    let page = code_alignment(target);
    let images: Vec<Option<ImageContents>> = per_memory
        .iter()
        .map(|segments| {
            // Worth an image by the rule a memfd's follows (its data spans
            // `MIN_IMAGE_BYTES` of 4 KiB pages), then laid out on the
            // target's pages: on aarch64's 64 KiB ones a few bytes of data
            // would otherwise always make a 64 KiB image.
            memory_image::extent(segments, 4 << 10)?;
            let (offset, len) = memory_image::extent(segments, page)?;
            let mut pages = vec![0; len];
            memory_image::fill(&mut pages, offset, segments);
            Some(ImageContents { offset, pages })
        })
        .collect();
    images.iter().any(Option::is_some).then_some(images)
}

/// The artifact's bytes (see the module docs for the layout).
fn write(engine: &Engine, c: &Contents<'_>) -> Vec<u8> {
    let images = images(engine, &c.b, c.target);
    let mut out = Vec::with_capacity(HEADER_SIZE);
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    let mut version = [0u8; VERSION_FIELD];
    version[..FLINT_VERSION.len()].copy_from_slice(FLINT_VERSION.as_bytes());
    out.extend_from_slice(&version);
    out.push(target_byte(c.target));
    out.push(settings(engine));
    out.extend_from_slice(&[0; 2]);
    out.extend_from_slice(&c.features.bits().to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&engine.config().wasm_features.bits().to_le_bytes());
    out.extend_from_slice(&c.wasm_checksum.to_le_bytes());
    // The checksums and the metadata length, filled in below.
    out.extend_from_slice(&[0; 24]);
    let layout = engine.memory_layout();
    out.extend_from_slice(&layout.reservation().to_le_bytes());
    out.extend_from_slice(&layout.guard().to_le_bytes());
    out.extend_from_slice(&[0; 8]); // the file length
    out.resize(HEADER_SIZE, 0); // the sections
                                // The images go at page offsets from the start of their section (which
                                // starts on a page).
    let mut places = Vec::new();
    let mut image_pages = Vec::new();
    for image in images.iter().flatten().flatten() {
        let at = image_pages.len().next_multiple_of(code_alignment(c.target));
        image_pages.resize(at, 0);
        image_pages.extend_from_slice(&image.pages);
        places.push(at as u64);
    }
    let mut w = Writer(out);
    write_metadata(&mut w, c, images.as_deref(), &places);
    let mut out = w.0;
    let metadata_end = out.len();
    let (names, text) = c.b.names.parts();
    let (records, _, _, data) = c.b.data.parts();
    let (func_offsets, trap_sites) = (bytes_of(c.b.func_offsets), bytes_of(c.trap_sites));
    let contents: [&[u8]; Section::COUNT] = [
        func_offsets,
        trap_sites,
        bytes_of(&c.wasm_offsets.traps),
        bytes_of(&c.wasm_offsets.returns),
        bytes_of(names),
        text,
        bytes_of(records),
        data,
        &image_pages,
        c.code,
    ];
    for (i, (section, bytes)) in Section::ALL.iter().zip(contents).enumerate() {
        let start = out.len().next_multiple_of(section.alignment(c.target));
        out.resize(start, 0);
        out.extend_from_slice(bytes);
        let at = SECTIONS_AT + 16 * i;
        out[at..at + 8].copy_from_slice(&(start as u64).to_le_bytes());
        out[at + 8..at + 16].copy_from_slice(&(bytes.len() as u64).to_le_bytes());
    }
    let file_len = out.len() as u64;
    out[72..80].copy_from_slice(&((metadata_end - HEADER_SIZE) as u64).to_le_bytes());
    out[96..104].copy_from_slice(&file_len.to_le_bytes());
    let code_at = out.len() - c.code.len();
    let tables = tables_checksum(&out[metadata_end..code_at], &out[code_at..]);
    out[64..72].copy_from_slice(&tables.to_le_bytes());
    let sum = metadata_checksum(&out[..metadata_end]);
    out[CHECKSUM_AT..CHECKSUM_AT + 8].copy_from_slice(&sum.to_le_bytes());
    out
}

/// Recompute the checksums of the artifact in `bytes`, as they would be
/// if Flint had written these bytes: for the loader's fuzz target
/// (`fuzz/fuzz_targets/artifact_bytes.rs`), which damages artifacts
/// behind their checksums to exercise the decoding they guard. False if
/// the bytes are too short to have checksums, or say the metadata ends
/// past them.
pub fn reseal(bytes: &mut [u8]) -> bool {
    if bytes.len() < HEADER_SIZE {
        return false;
    }
    let u64_at = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("8"));
    let metadata_end = (HEADER_SIZE as u64).saturating_add(u64_at(72));
    let code_at = u64_at(SECTIONS_AT + 16 * Section::Code as usize);
    let len = bytes.len() as u64;
    if metadata_end > len || code_at < metadata_end || code_at > len {
        return false;
    }
    let (metadata_end, code_at) = (metadata_end as usize, code_at as usize);
    let tables = tables_checksum(&bytes[metadata_end..code_at], &bytes[code_at..]);
    bytes[64..72].copy_from_slice(&tables.to_le_bytes());
    let sum = metadata_checksum(&bytes[..metadata_end]);
    bytes[CHECKSUM_AT..CHECKSUM_AT + 8].copy_from_slice(&sum.to_le_bytes());
    true
}

/// The tables checksum: of the sections before the code (`rest`, from
/// the end of the metadata) and of the code.
fn tables_checksum(rest: &[u8], code: &[u8]) -> u64 {
    checksum(rest) ^ checksum(code).rotate_left(41)
}

fn target_byte(target: Target) -> u8 {
    match target {
        Target::X86_64 => 0,
        Target::Aarch64 => 1,
    }
}

/// The checked fixed header of an artifact.
struct Header {
    checksum: u64,
    tables_checksum: u64,
    wasm_checksum: u64,
    features: CpuFeatures,
    metadata_len: usize,
    /// Each section's byte range in the file.
    sections: [std::ops::Range<usize>; Section::COUNT],
}

fn corrupt(what: impl std::fmt::Display) -> Error {
    Error::Artifact(format!("the file is truncated or corrupted ({what})"))
}

impl Header {
    /// Check the header at the start of `bytes` (at least the header, if
    /// the file has that many bytes) of a file of `len` bytes against
    /// `engine`: each field that can differ for a sound artifact first,
    /// so its message names the difference; then that the sections lie in
    /// order, aligned, between the metadata and the end of the file.
    fn check(engine: &Engine, bytes: &[u8], len: u64) -> Result<Header> {
        if !is_artifact(bytes) {
            return Err(Error::Artifact(
                "not a Flint compiled artifact (it does not start with Flint's magic number)"
                    .into(),
            ));
        }
        // The format first: an older layout may be shorter.
        let u32_at = |at: usize| {
            let b = bytes.get(at..at + 4)?;
            Some(u32::from_le_bytes(b.try_into().expect("4")))
        };
        if let Some(format) = u32_at(8).filter(|&f| f != FORMAT_VERSION) {
            return Err(Error::Artifact(format!(
                "its format version is {format}, this Flint reads version {FORMAT_VERSION}"
            )));
        }
        if bytes.len() < HEADER_SIZE {
            return Err(corrupt(format!(
                "{len} bytes, shorter than the {HEADER_SIZE}-byte header"
            )));
        }
        let u32_at = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().expect("4"));
        let u64_at = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("8"));
        let version = &bytes[12..12 + VERSION_FIELD];
        let end = version
            .iter()
            .position(|&b| b == 0)
            .unwrap_or(VERSION_FIELD);
        let version = String::from_utf8_lossy(&version[..end]);
        if version != FLINT_VERSION {
            return Err(Error::Artifact(format!(
                "it was compiled by Flint {version}, this is Flint {FLINT_VERSION}; \
                 compile the module again"
            )));
        }
        let native = Target::native();
        let target = match bytes[28] {
            0 => Target::X86_64,
            1 => Target::Aarch64,
            other => return Err(corrupt(format!("unknown ISA number {other}"))),
        };
        if target != native {
            return Err(Error::Artifact(format!(
                "it was compiled for {target}, this machine is {native}"
            )));
        }
        let features = CpuFeatures::from_bits(u32_at(32))
            .filter(|f| f.for_target(native) == *f)
            .ok_or_else(|| corrupt("unknown CPU features"))?;
        let missing = |have: CpuFeatures| -> Vec<&str> {
            let missing = features.iter().filter(|&f| !have.contains(f));
            missing.map(|f| f.name()).collect()
        };
        let lacking = missing(CpuFeatures::host());
        if !lacking.is_empty() {
            return Err(Error::Artifact(format!(
                "its code uses CPU features this machine lacks: {}",
                lacking.join(" ")
            )));
        }
        let left_out = missing(engine.cpu_features());
        if !left_out.is_empty() {
            return Err(Error::Artifact(format!(
                "its code uses CPU features the engine's Config::cpu_features leaves out: {}",
                left_out.join(" ")
            )));
        }
        check_settings(bytes[29], settings(engine))?;
        if bytes[30..32] != [0; 2] || bytes[36..40] != [0; 4] {
            return Err(corrupt("reserved header bytes are not zero"));
        }
        check_memory_layout(u64_at(80), u64_at(88), engine)?;
        if u64_at(40) != engine.config().wasm_features.bits() {
            return Err(Error::Artifact(
                "it was compiled with other WebAssembly proposals enabled than this \
                 engine's (Config::wasm_*)"
                    .into(),
            ));
        }
        if u64_at(96) != len {
            return Err(corrupt(format!(
                "{len} bytes, the header says {}",
                u64_at(96)
            )));
        }
        // Every length fits in memory: together they are the file's.
        let usize_of = |n: u64| usize::try_from(n).map_err(|_| corrupt("a length overflows"));
        let metadata_len = usize_of(u64_at(72))?;
        let mut end = HEADER_SIZE
            .checked_add(metadata_len)
            .filter(|&end| end as u64 <= len)
            .ok_or_else(|| corrupt("the metadata runs past the end"))?;
        let mut sections: [std::ops::Range<usize>; Section::COUNT] = Default::default();
        for (i, section) in Section::ALL.iter().enumerate() {
            let at = SECTIONS_AT + 16 * i;
            let (start, size) = (usize_of(u64_at(at))?, usize_of(u64_at(at + 8))?);
            let range = start..start.saturating_add(size);
            if start < end
                || !start.is_multiple_of(section.alignment(target))
                || range.end as u64 > len
            {
                return Err(corrupt(format!("the {section:?} section is out of place")));
            }
            end = range.end;
            sections[i] = range;
        }
        if end as u64 != len {
            return Err(corrupt("bytes after the code"));
        }
        Ok(Header {
            checksum: u64_at(CHECKSUM_AT),
            tables_checksum: u64_at(64),
            wasm_checksum: u64_at(48),
            features,
            metadata_len,
            sections,
        })
    }

    fn section(&self, s: Section) -> std::ops::Range<usize> {
        self.sections[s as usize].clone()
    }

    fn metadata_end(&self) -> usize {
        HEADER_SIZE + self.metadata_len
    }

    /// Check the metadata checksum of `head`, the file from its start to
    /// at least the end of the metadata.
    fn check_metadata_checksum(&self, head: &[u8]) -> Result<()> {
        if metadata_checksum(&head[..self.metadata_end()]) != self.checksum {
            return Err(corrupt("its metadata checksum does not match"));
        }
        Ok(())
    }

    /// Section `s` of `backing` as a table of `T`.
    fn table<T: Plain>(&self, backing: &Arc<dyn Backing>, s: Section) -> Result<SharedSlice<T>> {
        let range = self.section(s);
        if !range.len().is_multiple_of(size_of::<T>()) {
            return Err(corrupt(format!("the {s:?} section has a partial entry")));
        }
        SharedSlice::within(backing, range.start, range.len() / size_of::<T>())
            .ok_or_else(|| corrupt(format!("the {s:?} section is out of place")))
    }
}

/// Refuse an artifact whose code-changing settings differ from the
/// engine's, naming each.
fn check_settings(artifact: u8, engine: u8) -> Result<()> {
    if artifact & !(FUEL | EPOCHS | CANONICAL_NANS | DETERMINISTIC_RELAXED_SIMD) != 0 {
        return Err(corrupt("unknown settings"));
    }
    let names = [
        (FUEL, "fuel metering (Config::consume_fuel)"),
        (EPOCHS, "epoch interruption (Config::epoch_interruption)"),
        (
            CANONICAL_NANS,
            "NaN canonicalisation (Config::canonicalize_nans)",
        ),
        (
            DETERMINISTIC_RELAXED_SIMD,
            "deterministic relaxed SIMD (Config::relaxed_simd_deterministic)",
        ),
    ];
    let differences: Vec<String> = names
        .iter()
        .filter(|(bit, _)| artifact & bit != engine & bit)
        .map(|(bit, name)| {
            let (was, is) = if artifact & bit != 0 {
                ("on", "off")
            } else {
                ("off", "on")
            };
            format!("{name} was {was} when it was compiled, and is {is} in this engine")
        })
        .collect();
    if differences.is_empty() {
        Ok(())
    } else {
        Err(Error::Artifact(format!(
            "its code was compiled for other settings: {}",
            differences.join("; ")
        )))
    }
}

/// Refuse an artifact compiled for another memory layout: its code has
/// bounds checks where that layout's mapping does not cover an access, and
/// none where it does, so it is only safe with memories of the same
/// reservation and guard.
fn check_memory_layout(reservation: u64, guard: u64, engine: &Engine) -> Result<()> {
    let ours = engine.memory_layout();
    if (reservation, guard) == (ours.reservation(), ours.guard()) {
        return Ok(());
    }
    Err(Error::Artifact(format!(
        "its code was compiled for linear memories of a {reservation}-byte reservation and \
         a {guard}-byte guard, and this engine's have {} and {} \
         (Config::memory_reservation, Config::memory_guard_size)",
        ours.reservation(),
        ours.guard()
    )))
}

/// Decode the metadata in `backing` (the file up to the code), make the
/// tables of the sections there, and make the module of them and `code`.
/// `file` is the artifact file, when the module is loaded from one: its
/// memory images are mapped from it.
fn decode(
    engine: &Engine,
    header: &Header,
    backing: Arc<dyn Backing>,
    code: CodeMemory,
    file: Option<Arc<std::fs::File>>,
) -> Result<Module> {
    let mut r = Reader(&backing.bytes()[HEADER_SIZE..header.metadata_end()]);
    let Metadata {
        mut b,
        data_exprs,
        passive_data,
        images,
    } = read_metadata(&mut r)?;
    if !r.0.is_empty() {
        return Err(corrupt("bytes after the metadata"));
    }
    let func_offsets: SharedSlice<u32> = header.table(&backing, Section::FuncOffsets)?;
    b.names = FuncNames::from_parts(
        header.table(&backing, Section::NameEntries)?,
        header.table(&backing, Section::NameText)?,
    );
    b.data = DataSegments::from_parts(
        header.table(&backing, Section::DataRecords)?,
        data_exprs,
        passive_data,
        header.table(&backing, Section::DataBytes)?,
    )
    .ok_or_else(|| corrupt("a passive data segment is out of range"))?;
    check_consistency(&b, &func_offsets, code.len())?;
    let images = match (file, images) {
        (Some(file), Some(images)) => file_images(header, &b, file, images)?,
        _ => None,
    };
    let compiled = Compiled {
        code,
        trap_sites: header.table(&backing, Section::TrapSites)?,
        wasm_offsets: WasmOffsets {
            traps: header.table(&backing, Section::TrapOffsets)?,
            returns: header.table(&backing, Section::ReturnOffsets)?,
        },
        func_offsets,
        cpu_features: header.features,
        wasm_checksum: header.wasm_checksum,
    };
    let module = Module::from_parts(engine, b, compiled);
    if let Some(images) = images {
        // Instead of a memfd built from the segments at the first
        // instantiation, the file's own pages.
        let _ = module.inner.memory_images.set(images);
    }
    Ok(module)
}

/// Where the metadata says a defined memory's image is: its offset in the
/// memory, its length, and its offset in the images section.
type ImagePlace = Option<(u64, u64, u64)>;

/// The memory images of a module loaded from `file`, as `ModuleImages`
/// for `ModuleInner::memory_images`: `Some(None)` when the artifact
/// recorded that none apply, `None` when they cannot be mapped on this
/// host (pages larger than the artifact's), leaving them to be built at
/// the first instantiation.
fn file_images(
    header: &Header,
    b: &Builder,
    file: Arc<std::fs::File>,
    places: Vec<ImagePlace>,
) -> Result<Option<Option<ModuleImages>>> {
    let imported = super::imported_memories(&b.imports);
    let defined = &b.memories[imported.min(b.memories.len())..];
    if places.len() != defined.len() {
        return Err(corrupt("the memory images disagree with the memories"));
    }
    let section = header.section(Section::Images);
    let mut images = Vec::with_capacity(places.len());
    for (place, ty) in places.into_iter().zip(defined) {
        let Some((offset, len, at)) = place else {
            images.push(None);
            continue;
        };
        let min = ty
            .min
            .saturating_mul(crate::runtime::linear_memory::WASM_PAGE_SIZE as u64);
        let in_memory = offset.checked_add(len).is_some_and(|end| end <= min);
        let in_section = at
            .checked_add(len)
            .is_some_and(|end| end <= section.len() as u64);
        if !in_memory || !in_section {
            return Err(corrupt("a memory image is out of range"));
        }
        let file_offset = section.start as u64 + at;
        match MemoryImage::in_file(file.clone(), file_offset, offset as usize, len as usize) {
            Some(image) => images.push(Some(image)),
            None => return Ok(None),
        }
    }
    let any = images.iter().any(Option::is_some);
    Ok(Some(any.then_some(ModuleImages { images })))
}

// ---- The metadata ------------------------------------------------------

struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u128(&mut self, v: u128) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn len(&mut self, n: usize) {
        self.u32(u32::try_from(n).expect("counts and lengths in a module fit in u32"));
    }
    fn bytes(&mut self, b: &[u8]) {
        self.len(b.len());
        self.0.extend_from_slice(b);
    }
    fn opt(&mut self, v: Option<u32>) {
        match v {
            None => self.u8(0),
            Some(v) => {
                self.u8(1);
                self.u32(v);
            }
        }
    }
    fn val_type(&mut self, t: ValType) {
        self.u8(match t {
            ValType::I32 => 0,
            ValType::I64 => 1,
            ValType::F32 => 2,
            ValType::F64 => 3,
            ValType::V128 => 4,
            ValType::FuncRef => 5,
            ValType::ExternRef => 6,
        });
    }
    fn val_types(&mut self, ts: &[ValType]) {
        self.len(ts.len());
        ts.iter().for_each(|&t| self.val_type(t));
    }
    fn const_expr(&mut self, e: &ConstExpr) {
        match *e {
            ConstExpr::Number(bits) => {
                self.u8(0);
                self.u128(bits);
            }
            ConstExpr::GlobalGet(i) => {
                self.u8(1);
                self.u32(i);
            }
            ConstExpr::RefNull => self.u8(2),
            ConstExpr::RefFunc(i) => {
                self.u8(3);
                self.u32(i);
            }
            ConstExpr::Extended(ref ops) => {
                self.u8(4);
                self.len(ops.len());
                for op in ops.iter() {
                    match *op {
                        ConstOp::Const(bits) => {
                            self.u8(0);
                            self.u128(bits as u128);
                        }
                        ConstOp::GlobalGet(i) => {
                            self.u8(1);
                            self.u32(i);
                        }
                        ConstOp::Binary { op, wide } => {
                            let op = match op {
                                IntOp::Add => 0,
                                IntOp::Sub => 1,
                                IntOp::Mul => 2,
                            };
                            self.u8(2 + op * 2 + wide as u8);
                        }
                    }
                }
            }
        }
    }
    fn active(&mut self, a: &Option<(u32, ConstExpr)>) {
        match a {
            None => self.u8(0),
            Some((index, offset)) => {
                self.u8(1);
                self.u32(*index);
                self.const_expr(offset);
            }
        }
    }
    fn table(&mut self, t: &TableType) {
        self.val_type(t.element);
        self.u32(t.min);
        self.opt(t.max);
    }
    /// The index type (0 i32, 1 i64), then the limits as u64s: a 64-bit
    /// memory's may exceed u32.
    fn memory(&mut self, m: &MemoryType) {
        self.u8(m.memory64 as u8);
        self.u64(m.min);
        match m.max {
            None => self.u8(0),
            Some(max) => {
                self.u8(1);
                self.u64(max);
            }
        }
    }
    fn global(&mut self, g: &GlobalType) {
        self.val_type(g.content);
        self.u8(g.mutable as u8);
    }
}

/// The metadata, in this order. Every list is a u32 count and its items;
/// every string and byte string a u32 length and its bytes. `places` are
/// the memory images' offsets in the images section.
fn write_metadata(
    w: &mut Writer,
    c: &Contents<'_>,
    images: Option<&[Option<ImageContents>]>,
    places: &[u64],
) {
    let b = &c.b;
    w.len(b.types.len());
    for t in b.types {
        w.val_types(t.params());
        w.val_types(t.results());
    }
    w.len(b.funcs.len());
    b.funcs.iter().for_each(|&f| w.u32(f));
    w.len(b.imports.len());
    for i in b.imports {
        w.bytes(i.module.as_bytes());
        w.bytes(i.name.as_bytes());
        match &i.kind {
            ImportKind::Func(t) => {
                w.u8(0);
                w.u32(*t);
            }
            ImportKind::Global(g) => {
                w.u8(1);
                w.global(g);
            }
            ImportKind::Memory(m) => {
                w.u8(2);
                w.memory(m);
            }
            ImportKind::Table(t) => {
                w.u8(3);
                w.table(t);
            }
        }
    }
    w.len(b.tables.len());
    b.tables.iter().for_each(|t| w.table(t));
    w.len(b.memories.len());
    b.memories.iter().for_each(|m| w.memory(m));
    w.len(b.globals.len());
    b.globals.iter().for_each(|g| w.global(g));
    w.len(b.global_inits.len());
    b.global_inits.iter().for_each(|e| w.const_expr(e));
    w.len(b.exports.len());
    for (name, kind, index) in b.exports {
        w.bytes(name.as_bytes());
        w.u8(match kind {
            ExportKind::Func => 0,
            ExportKind::Global => 1,
            ExportKind::Memory => 2,
            ExportKind::Table => 3,
        });
        w.u32(*index);
    }
    w.opt(b.start);
    w.len(b.elements.len());
    for e in b.elements {
        w.active(&e.active);
        w.u8(e.declarative as u8);
        w.len(e.items.len());
        e.items.iter().for_each(|i| w.const_expr(i));
    }
    let (_, exprs, passive, _) = b.data.parts();
    w.len(exprs.len());
    exprs.iter().for_each(|e| w.const_expr(e));
    w.len(passive.len());
    passive.iter().for_each(|&p| w.u32(p));
    match images {
        None => w.u8(0),
        Some(images) => {
            w.u8(1);
            w.len(images.len());
            let mut places = places.iter();
            for image in images {
                match image {
                    None => w.u8(0),
                    Some(image) => {
                        w.u8(1);
                        w.u64(image.offset as u64);
                        w.u64(image.pages.len() as u64);
                        w.u64(*places.next().expect("a place per image"));
                    }
                }
            }
        }
    }
}

/// The metadata's bytes not read yet. Every read is bounds-checked, and a
/// list's count is checked against the bytes left before anything is
/// allocated for it, so damaged metadata is an error, never a panic or a
/// huge allocation.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        if n > self.0.len() {
            return Err(corrupt("the metadata ends early"));
        }
        let (taken, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(taken)
    }
    fn u8(&mut self) -> Result<u8> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("4")))
    }
    fn u64(&mut self) -> Result<u64> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().expect("8")))
    }
    fn u128(&mut self) -> Result<u128> {
        Ok(u128::from_le_bytes(self.take(16)?.try_into().expect("16")))
    }
    fn bool(&mut self) -> Result<bool> {
        match self.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(corrupt("a flag is neither 0 nor 1")),
        }
    }
    /// A count of items of at least `min_size` bytes each.
    fn count(&mut self, min_size: usize) -> Result<usize> {
        let n = self.u32()? as usize;
        if n.saturating_mul(min_size) > self.0.len() {
            return Err(corrupt("a count exceeds the metadata"));
        }
        Ok(n)
    }
    fn list<T>(
        &mut self,
        min_size: usize,
        mut item: impl FnMut(&mut Self) -> Result<T>,
    ) -> Result<Vec<T>> {
        let n = self.count(min_size)?;
        (0..n).map(|_| item(self)).collect()
    }
    fn bytes(&mut self) -> Result<Vec<u8>> {
        let n = self.count(1)?;
        Ok(self.take(n)?.to_vec())
    }
    fn string(&mut self) -> Result<String> {
        String::from_utf8(self.bytes()?).map_err(|_| corrupt("a name is not UTF-8"))
    }
    fn opt(&mut self) -> Result<Option<u32>> {
        Ok(if self.bool()? {
            Some(self.u32()?)
        } else {
            None
        })
    }
    fn val_type(&mut self) -> Result<ValType> {
        Ok(match self.u8()? {
            0 => ValType::I32,
            1 => ValType::I64,
            2 => ValType::F32,
            3 => ValType::F64,
            4 => ValType::V128,
            5 => ValType::FuncRef,
            6 => ValType::ExternRef,
            _ => return Err(corrupt("an unknown value type")),
        })
    }
    fn const_expr(&mut self) -> Result<ConstExpr> {
        Ok(match self.u8()? {
            0 => ConstExpr::Number(self.u128()?),
            1 => ConstExpr::GlobalGet(self.u32()?),
            2 => ConstExpr::RefNull,
            3 => ConstExpr::RefFunc(self.u32()?),
            4 => {
                let n = self.count(1)?;
                let mut ops = Vec::with_capacity(n);
                for _ in 0..n {
                    ops.push(match self.u8()? {
                        0 => ConstOp::Const(self.u128()? as u64),
                        1 => ConstOp::GlobalGet(self.u32()?),
                        b @ 2..=7 => ConstOp::Binary {
                            op: [IntOp::Add, IntOp::Sub, IntOp::Mul][(b as usize - 2) / 2],
                            wide: b % 2 == 1,
                        },
                        _ => return Err(corrupt("an unknown constant instruction")),
                    });
                }
                ConstExpr::Extended(ops.into_boxed_slice())
            }
            _ => return Err(corrupt("an unknown constant expression")),
        })
    }
    fn active(&mut self) -> Result<Option<(u32, ConstExpr)>> {
        Ok(if self.bool()? {
            Some((self.u32()?, self.const_expr()?))
        } else {
            None
        })
    }
    fn table(&mut self) -> Result<TableType> {
        Ok(TableType {
            element: self.val_type()?,
            min: self.u32()?,
            max: self.opt()?,
        })
    }
    /// A memory type; its limits must be valid for its index type (a
    /// 32-bit memory of more than 65536 pages is refused, as the
    /// validator would have).
    fn memory(&mut self) -> Result<MemoryType> {
        let memory64 = self.bool()?;
        let min = self.u64()?;
        let max = if self.bool()? {
            Some(self.u64()?)
        } else {
            None
        };
        let ty = MemoryType { min, max, memory64 };
        if !ty.is_valid() {
            return Err(corrupt(format!("invalid memory limits {ty:?}")));
        }
        Ok(ty)
    }
    fn global(&mut self) -> Result<GlobalType> {
        Ok(GlobalType {
            content: self.val_type()?,
            mutable: self.bool()?,
        })
    }
    /// A list of `u32`, decoded in one sweep.
    fn u32s(&mut self) -> Result<impl Iterator<Item = u32> + 'a> {
        let n = self.count(4)?;
        let bytes = self.take(n * 4)?;
        Ok(bytes
            .chunks_exact(4)
            .map(|w| u32::from_le_bytes(w.try_into().expect("4"))))
    }
}

/// What `write_metadata` wrote: the declarations as a `Builder` (the
/// compiler's record of them; its names and data come from the sections),
/// the data segments' offset expressions and passive list, and where the
/// memory images are, if the artifact has them.
struct Metadata {
    b: Builder,
    data_exprs: Vec<ConstExpr>,
    passive_data: Vec<u32>,
    images: Option<Vec<ImagePlace>>,
}

fn read_metadata(r: &mut Reader<'_>) -> Result<Metadata> {
    let mut b = Builder {
        types: r.list(8, |r| {
            let params = r.list(1, Reader::val_type)?;
            let results = r.list(1, Reader::val_type)?;
            Ok(FuncType::new(params, results))
        })?,
        funcs: r.u32s()?.collect(),
        imports: r.list(10, |r| {
            let module = r.string()?;
            let name = r.string()?;
            let kind = match r.u8()? {
                0 => ImportKind::Func(r.u32()?),
                1 => ImportKind::Global(r.global()?),
                2 => ImportKind::Memory(r.memory()?),
                3 => ImportKind::Table(r.table()?),
                _ => return Err(corrupt("an unknown import kind")),
            };
            Ok(Import { module, name, kind })
        })?,
        ..Builder::default()
    };
    b.num_imported_funcs = b
        .imports
        .iter()
        .filter(|i| matches!(i.kind, ImportKind::Func(_)))
        .count() as u32;
    b.tables = r.list(6, Reader::table)?;
    b.memories = r.list(5, Reader::memory)?;
    b.globals = r.list(2, Reader::global)?;
    b.global_inits = r.list(1, Reader::const_expr)?;
    b.exports = r.list(9, |r| {
        let name = r.string()?;
        let kind = match r.u8()? {
            0 => ExportKind::Func,
            1 => ExportKind::Global,
            2 => ExportKind::Memory,
            3 => ExportKind::Table,
            _ => return Err(corrupt("an unknown export kind")),
        };
        Ok((name, kind, r.u32()?))
    })?;
    b.start = r.opt()?;
    b.elements = r.list(6, |r| {
        Ok(ElemSegment {
            active: r.active()?,
            declarative: r.bool()?,
            items: r.list(1, Reader::const_expr)?,
        })
    })?;
    let data_exprs = r.list(1, Reader::const_expr)?;
    let passive_data = r.u32s()?.collect();
    let images = match r.bool()? {
        false => None,
        true => Some(r.list(1, |r| {
            Ok(match r.bool()? {
                false => None,
                true => Some((r.u64()?, r.u64()?, r.u64()?)),
            })
        })?),
    };
    Ok(Metadata {
        b,
        data_exprs,
        passive_data,
        images,
    })
}

/// The checks that make decoded metadata safe for the rest of Flint to
/// index with: every index is in range, every function's code offset
/// inside the code and in order (what calls into the module use). The
/// tables used in place need none (see the module docs). (Metadata that
/// passed the checksum was written by Flint and passes them all; they
/// turn the rare damage a checksum misses, or a bug, into an error
/// instead of a panic.)
fn check_consistency(b: &Builder, func_offsets: &[u32], code_len: usize) -> Result<()> {
    let ok = |holds: bool, what: &str| if holds { Ok(()) } else { Err(corrupt(what)) };
    let types = b.types.len() as u32;
    let funcs = b.funcs.len() as u32;
    let defined = funcs.checked_sub(b.num_imported_funcs);
    ok(
        b.funcs.iter().all(|&t| t < types),
        "a function's type is out of range",
    )?;
    let func_imports = b.imports.iter().filter_map(|i| match i.kind {
        ImportKind::Func(t) => Some(t),
        _ => None,
    });
    ok(
        func_imports
            .zip(&b.funcs)
            .all(|(import, &declared)| import == declared),
        "an imported function's type disagrees",
    )?;
    ok(
        defined == Some(func_offsets.len() as u32),
        "the function counts disagree",
    )?;
    ok(
        func_offsets.is_sorted() && func_offsets.iter().all(|&o| (o as usize) < code_len),
        "a function's code offset is out of range",
    )?;
    let counts = |kind: fn(&ImportKind) -> bool| b.imports.iter().filter(|i| kind(&i.kind)).count();
    ok(
        counts(|k| matches!(k, ImportKind::Global(_))) + b.global_inits.len() == b.globals.len()
            && counts(|k| matches!(k, ImportKind::Memory(_))) <= b.memories.len()
            && counts(|k| matches!(k, ImportKind::Table(_))) <= b.tables.len(),
        "the import counts disagree",
    )?;
    let in_range = |kind: ExportKind, index: u32| match kind {
        ExportKind::Func => index < funcs,
        ExportKind::Global => (index as usize) < b.globals.len(),
        ExportKind::Memory => (index as usize) < b.memories.len(),
        ExportKind::Table => (index as usize) < b.tables.len(),
    };
    ok(
        b.exports
            .iter()
            .all(|&(_, kind, index)| in_range(kind, index)),
        "an export is out of range",
    )?;
    ok(
        b.start.is_none_or(|s| s < funcs),
        "the start function is out of range",
    )?;
    let expr_ok = |e: &ConstExpr| e.well_formed(b.globals.len(), funcs);
    ok(
        b.global_inits.iter().all(expr_ok)
            && b.elements.iter().all(|e| {
                e.items.iter().all(expr_ok)
                    && e.active
                        .as_ref()
                        .is_none_or(|(t, o)| (*t as usize) < b.tables.len() && expr_ok(o))
            })
            && b.data.exprs().iter().all(expr_ok),
        "a segment or initialiser is out of range",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksum_sees_every_single_byte_change() {
        let bytes: Vec<u8> = (0..100u32).map(|i| (i * 7) as u8).collect();
        let sum = checksum(&bytes);
        for i in 0..bytes.len() {
            for bit in 0..8 {
                let mut damaged = bytes.clone();
                damaged[i] ^= 1 << bit;
                assert_ne!(checksum(&damaged), sum, "byte {i} bit {bit}");
            }
        }
        assert_ne!(checksum(&bytes[..99]), sum);
        assert_ne!(checksum(&[]), checksum(&[0]));
    }

    /// A module with a bit of everything the artifact holds.
    fn everything() -> Vec<u8> {
        wat::parse_str(
            r#"(module
                (import "m" "f" (func $f (param i32) (result i32)))
                (import "m" "g" (global $g i32))
                (memory 2 3) (table 2 funcref)
                (global $h (mut i64) (i64.const 7))
                (func $div (export "div") (param i32 i32) (result i32)
                    local.get 0 local.get 1 i32.div_s)
                (func (export "call") (param i32) (result i32)
                    local.get 0 i32.const 0 call_indirect (param i32) (result i32))
                (elem (i32.const 0) $div $f)
                (data (i32.const 8) "hello")
                (data (global.get $g) "at g")
                (data "passive")
                (start $start) (func $start))"#,
        )
        .unwrap()
    }

    /// Damage the metadata (and the header) and seal it with a matching
    /// checksum, as a bug or a forgery would: decoding must fail or
    /// succeed, never panic.
    #[test]
    fn resealed_damaged_metadata_never_panics() {
        let engine = Engine::default();
        let artifact = Module::new(&engine, everything())
            .unwrap()
            .serialize()
            .unwrap();
        let u64_at = |at: usize| u64::from_le_bytes(artifact[at..at + 8].try_into().unwrap());
        let metadata_end = HEADER_SIZE + u64_at(72) as usize;
        let mut loaded = 0;
        for i in (0..metadata_end).filter(|i| !(CHECKSUM_AT..CHECKSUM_AT + 8).contains(i)) {
            for flip in [0x01, 0x80, 0xff] {
                let mut damaged = artifact.clone();
                damaged[i] ^= flip;
                let sum = metadata_checksum(&damaged[..metadata_end]);
                damaged[CHECKSUM_AT..CHECKSUM_AT + 8].copy_from_slice(&sum.to_le_bytes());
                // SAFETY: the module is loaded, not run (nor instantiated):
                // only the decoder sees the damage.
                loaded += unsafe { Module::deserialize(&engine, &damaged) }.is_ok() as usize;
            }
        }
        // Some damage is harmless (a name's letter, a constant's bits).
        assert!(loaded > 0);
    }
}
