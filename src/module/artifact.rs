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
//!  56  file checksum    u64, `checksum` of every byte of the file but
//!                       these eight (header, metadata, padding, code)
//!  64  metadata length  u64; the metadata starts at 104
//!  72  code offset      u64, a multiple of the ISA's `code_alignment`
//!  80  code length      u64; the file ends where the code ends
//!  88  memory reservation  u64, bytes (`Config::memory_reservation`,
//!                       rounded): with the guard, it decides which
//!                       accesses the code bounds-checks
//!  96  memory guard     u64, bytes (`Config::memory_guard_size`, rounded)
//! ```
//!
//! then the module's metadata (its types, imports, function types,
//! tables, memories, globals and their initialisers, exports, start
//! function, element and data segments, each defined function's code
//! offset, the name section's function names, the wasm offsets backtraces
//! show, and the trap sites; see `write_metadata`), zeros up to the code
//! offset, and the machine code. Signature ids and the vmctx layout are
//! recomputed on load, not stored.
//!
//! # Loading without a copy or a relocation
//!
//! The code starts on a page boundary of the file, so `deserialize_file`
//! maps it straight from the file (`mmap`, then `mprotect` to
//! read/execute; a private mapping of the page cache's pages) instead of
//! reading it. Nothing in it needs patching: calls between functions,
//! branches to trap stubs and jump tables are PC-relative; builtins, other
//! instances' functions, memories, tables, globals and the epoch are
//! reached through the vmctx; and the one process-specific number the
//! code used to embed, `call_indirect`'s expected signature id, is read
//! from the vmctx too (`runtime::vmctx`). There is no constant pool.
//!
//! # What loading checks, and why it is still `unsafe`
//!
//! The header is checked field by field, so that an artifact of another
//! Flint, ISA, CPU or `Config` is refused with a message naming the
//! difference; then the checksum of the whole file, so that a truncated,
//! damaged or partly written file is refused; then the metadata is decoded
//! with every length and index bounds-checked. These checks catch
//! accidents, not attacks: an artifact is machine code that will run in
//! the process, and anyone who can write one can make it do anything
//! (recomputing a checksum is easy). Hence the loaders are `unsafe`: their
//! caller promises that the bytes were written by `Module::serialize` (or
//! `flint compile`), as Wasmtime's `Module::deserialize` does.

use super::const_expr::{ConstOp, IntOp};
use super::{
    Builder, Compiled, ConstExpr, DataSegment, ElemSegment, ExportKind, Import, ImportKind, Module,
};
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::masm::{CpuFeatures, MacroAssembler, Target, TrapSite, WasmOffsets};
use crate::names::FuncNames;
use crate::runtime::code_memory::CodeMemory;
use crate::runtime::mmap::{page_size, Mmap};
use crate::trap::TrapCode;
use crate::types::{FuncType, GlobalType, MemoryType, TableType, ValType};
use std::path::Path;

const MAGIC: [u8; 8] = *b"\0flint\r\n";
/// The number of this layout; a change to the layout, to what the metadata
/// holds or to the code's contract with the runtime (the vmctx layout, a
/// builtin's signature) between two releases must change it.
/// Version 3: a memory records its index type and 64-bit limits
/// (memory64).
const FORMAT_VERSION: u32 = 3;
const FLINT_VERSION: &str = env!("CARGO_PKG_VERSION");
const VERSION_FIELD: usize = 16;
const _: () = assert!(FLINT_VERSION.len() <= VERSION_FIELD);
const HEADER_SIZE: usize = 104;
/// Where the file checksum is (it covers every other byte).
const CHECKSUM_AT: usize = 56;

const FUEL: u8 = 1;
const EPOCHS: u8 = 2;
const CANONICAL_NANS: u8 = 4;
const DETERMINISTIC_RELAXED_SIMD: u8 = 8;

/// Where the code starts in the file: a multiple of every page size the
/// ISA's kernels use (4 KiB on x86-64; 4, 16 or 64 KiB on aarch64), so the
/// loader can map it on any of them.
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

/// The checksum of an artifact: every byte but the checksum field.
fn file_checksum(head: &[u8], code: &[u8]) -> u64 {
    let mut h = checksum(&head[..CHECKSUM_AT]);
    h ^= checksum(&head[CHECKSUM_AT + 8..]).rotate_left(17);
    h ^ checksum(code).rotate_left(41)
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
    data: &'a [DataSegment],
    func_offsets: &'a [usize],
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
    /// compile`) into `engine`. The code is copied into executable memory;
    /// [`Module::deserialize_file`] maps a file's instead.
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
        let (head, code) = bytes.split_at(header.code_offset);
        header.check_checksum(head, code)?;
        let code = CodeMemory::new(code)
            .map_err(|e| Error::Artifact(format!("cannot map memory for the code: {e}")))?;
        decode(engine, &header, head, code)
    }

    /// Load the artifact in the file at `path` (see
    /// [`Module::deserialize`]), mapping its code straight from the file:
    /// no copy, and the pages are shared with every other process that
    /// maps the same file. (Where the file system forbids executable
    /// mappings, the code is copied instead.)
    ///
    /// # Safety
    ///
    /// As for [`Module::deserialize`]; and the file must not change while
    /// the module (any clone of it, or an instance) is alive, because its
    /// code may be the file's own pages.
    pub unsafe fn deserialize_file(engine: &Engine, path: impl AsRef<Path>) -> Result<Module> {
        use std::io::Read;
        let path = path.as_ref();
        let io = |e: std::io::Error| Error::Io(format!("cannot read {}: {e}", path.display()));
        let mut file = std::fs::File::open(path).map_err(io)?;
        let len = file.metadata().map_err(io)?.len();
        // The header says how much to read: everything before the code.
        let mut head = vec![0; HEADER_SIZE.min(len as usize)];
        file.read_exact(&mut head).map_err(io)?;
        let header = Header::check(engine, &head, len)?;
        // The metadata is mapped too, not read: it can be megabytes (data
        // segments, the wasm offsets of every trap site and call).
        let head_map = Mmap::file(&file, 0, header.code_offset).map_err(io)?;
        // SAFETY: the mapping is readable and at least `code_offset` bytes
        // long (all inside the file); the caller promises the file does not
        // change. It outlives every use of `head` below.
        let head = unsafe { std::slice::from_raw_parts(head_map.as_ptr(), header.code_offset) };
        let mapped = (header.code_len > 0 && header.code_offset % page_size() == 0)
            .then(|| Mmap::file(&file, header.code_offset as u64, header.code_len).ok())
            .flatten();
        let code = match mapped {
            Some(map) => {
                // SAFETY: the mapping is readable and at least `code_len`
                // bytes long; the caller promises the file does not change.
                let code = unsafe { std::slice::from_raw_parts(map.as_ptr(), header.code_len) };
                header.check_checksum(head, code)?;
                // Refused on a `noexec` file system: copy the code then.
                CodeMemory::from_mapping(map, header.code_len).or_else(|_| {
                    let mut code = vec![0; header.code_len];
                    read_code(&mut file, &header, &mut code)?;
                    CodeMemory::new(&code)
                })
            }
            None => {
                let mut code = vec![0; header.code_len];
                read_code(&mut file, &header, &mut code).map_err(io)?;
                header.check_checksum(head, &code)?;
                CodeMemory::new(&code)
            }
        }
        .map_err(|e| Error::Artifact(format!("cannot map the code: {e}")))?;
        decode(engine, &header, head, code)
    }

    /// Whether `bytes` start as an artifact does (its magic number), to
    /// tell one from a wasm module without loading it.
    pub fn is_artifact(bytes: &[u8]) -> bool {
        is_artifact(bytes)
    }
}

fn read_code(file: &mut std::fs::File, header: &Header, code: &mut [u8]) -> std::io::Result<()> {
    use std::io::{Read, Seek};
    file.seek(std::io::SeekFrom::Start(header.code_offset as u64))?;
    file.read_exact(code)
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

/// The artifact's bytes (see the module docs for the layout).
fn write(engine: &Engine, c: &Contents<'_>) -> Vec<u8> {
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
    out.extend_from_slice(&[0; 8]); // the file checksum, below
    let lengths = out.len();
    out.extend_from_slice(&[0; 24]); // metadata length, code offset and length
    let layout = engine.memory_layout();
    out.extend_from_slice(&layout.reservation().to_le_bytes());
    out.extend_from_slice(&layout.guard().to_le_bytes());
    debug_assert_eq!(out.len(), HEADER_SIZE);
    let mut w = Writer(out);
    write_metadata(&mut w, c);
    let mut out = w.0;
    let metadata_len = out.len() - HEADER_SIZE;
    let code_offset = out.len().next_multiple_of(code_alignment(c.target));
    out.resize(code_offset, 0);
    out[lengths..lengths + 8].copy_from_slice(&(metadata_len as u64).to_le_bytes());
    out[lengths + 8..lengths + 16].copy_from_slice(&(code_offset as u64).to_le_bytes());
    out[lengths + 16..lengths + 24].copy_from_slice(&(c.code.len() as u64).to_le_bytes());
    let sum = file_checksum(&out, c.code);
    out[CHECKSUM_AT..CHECKSUM_AT + 8].copy_from_slice(&sum.to_le_bytes());
    out.extend_from_slice(c.code);
    out
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
    wasm_checksum: u64,
    features: CpuFeatures,
    metadata_len: usize,
    code_offset: usize,
    code_len: usize,
}

fn corrupt(what: impl std::fmt::Display) -> Error {
    Error::Artifact(format!("the file is truncated or corrupted ({what})"))
}

impl Header {
    /// Check the header at the start of `bytes` (at least the header, if
    /// the file has that many bytes) of a file of `len` bytes against
    /// `engine`: each field that can differ for a sound artifact first,
    /// so its message names the difference.
    fn check(engine: &Engine, bytes: &[u8], len: u64) -> Result<Header> {
        if !is_artifact(bytes) {
            return Err(Error::Artifact(
                "not a Flint compiled artifact (it does not start with Flint's magic number)"
                    .into(),
            ));
        }
        if bytes.len() < HEADER_SIZE {
            return Err(corrupt(format!(
                "{len} bytes, shorter than the {HEADER_SIZE}-byte header"
            )));
        }
        let u32_at = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().expect("4"));
        let u64_at = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("8"));
        let format = u32_at(8);
        if format != FORMAT_VERSION {
            return Err(Error::Artifact(format!(
                "its format version is {format}, this Flint reads version {FORMAT_VERSION}"
            )));
        }
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
        check_memory_layout(u64_at(88), u64_at(96), engine)?;
        if u64_at(40) != engine.config().wasm_features.bits() {
            return Err(Error::Artifact(
                "it was compiled with other WebAssembly proposals enabled than this \
                 engine's (Config::wasm_*)"
                    .into(),
            ));
        }
        let (metadata_len, code_offset, code_len) = (u64_at(64), u64_at(72), u64_at(80));
        let metadata_end = (HEADER_SIZE as u64).checked_add(metadata_len);
        let code_end = code_offset.checked_add(code_len);
        if metadata_end.is_none_or(|end| end > code_offset)
            || code_offset % code_alignment(target) as u64 != 0
            || code_end != Some(len)
        {
            return Err(corrupt(format!(
                "{len} bytes, the header says {} of metadata and {code_len} of code at \
                 offset {code_offset}",
                metadata_len
            )));
        }
        // Every length fits in memory: together they are the file's.
        let usize_of = |n: u64| usize::try_from(n).map_err(|_| corrupt("a length overflows"));
        Ok(Header {
            checksum: u64_at(CHECKSUM_AT),
            wasm_checksum: u64_at(48),
            features,
            metadata_len: usize_of(metadata_len)?,
            code_offset: usize_of(code_offset)?,
            code_len: usize_of(code_len)?,
        })
    }

    /// Check the file checksum over `head` (everything before the code)
    /// and `code`.
    fn check_checksum(&self, head: &[u8], code: &[u8]) -> Result<()> {
        if file_checksum(head, code) != self.checksum {
            return Err(corrupt("its checksum does not match"));
        }
        Ok(())
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

/// Decode the metadata in `head` (the file up to the code) and make the
/// module of it and `code`.
fn decode(engine: &Engine, header: &Header, head: &[u8], code: CodeMemory) -> Result<Module> {
    let mut r = Reader(&head[HEADER_SIZE..HEADER_SIZE + header.metadata_len]);
    let (b, trap_sites, wasm_offsets) = read_metadata(&mut r)?;
    if !r.0.is_empty() {
        return Err(corrupt("bytes after the metadata"));
    }
    check_consistency(&b, &trap_sites, code.len())?;
    let compiled = Compiled {
        code,
        trap_sites,
        wasm_offsets,
        cpu_features: header.features,
        wasm_checksum: header.wasm_checksum,
    };
    Ok(Module::from_parts(engine, b, compiled))
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
    fn pairs(&mut self, pairs: &[(u32, u32)]) {
        self.len(pairs.len());
        for &(a, b) in pairs {
            self.u32(a);
            self.u32(b);
        }
    }
}

/// The metadata, in this order. Every list is a u32 count and its items;
/// every string and byte string a u32 length and its bytes.
fn write_metadata(w: &mut Writer, c: &Contents<'_>) {
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
    w.len(b.data.len());
    for d in b.data {
        w.active(&d.active);
        w.bytes(&d.bytes);
    }
    w.len(b.func_offsets.len());
    b.func_offsets.iter().for_each(|&o| w.len(o));
    let names = b.names.sorted();
    w.len(names.len());
    for (index, name) in names {
        w.u32(index);
        w.bytes(name.as_bytes());
    }
    w.pairs(&c.wasm_offsets.traps);
    w.pairs(&c.wasm_offsets.returns);
    w.len(c.trap_sites.len());
    for s in c.trap_sites {
        w.u32(s.offset);
        w.u8(s.code as u8);
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
    /// A list of `(u32, u32)`, decoded in one sweep (there is one per
    /// trap site and call: millions in a large module).
    fn pairs(&mut self) -> Result<Vec<(u32, u32)>> {
        let n = self.count(8)?;
        let word = |b: &[u8]| u32::from_le_bytes(b.try_into().expect("4"));
        let bytes = self.take(n * 8)?;
        Ok(bytes
            .chunks_exact(8)
            .map(|p| (word(&p[..4]), word(&p[4..])))
            .collect())
    }
}

/// What `write_metadata` wrote, as a `Builder` (the compiler's record of
/// the declarations) with the trap sites and wasm offsets.
fn read_metadata(r: &mut Reader<'_>) -> Result<(Builder, Vec<TrapSite>, WasmOffsets)> {
    let mut b = Builder {
        types: r.list(8, |r| {
            let params = r.list(1, Reader::val_type)?;
            let results = r.list(1, Reader::val_type)?;
            Ok(FuncType::new(params, results))
        })?,
        funcs: r.list(4, Reader::u32)?,
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
    b.data = r.list(5, |r| {
        Ok(DataSegment {
            active: r.active()?,
            bytes: r.bytes()?,
        })
    })?;
    b.func_offsets = r.u32s()?.map(|o| o as usize).collect();
    for _ in 0..r.count(8)? {
        let index = r.u32()?;
        b.names.insert(index, r.string()?);
    }
    let wasm_offsets = WasmOffsets {
        traps: r.pairs()?,
        returns: r.pairs()?,
    };
    // One per trap site (millions in a large module): decoded in one
    // sweep, each code looked up in a table by its byte.
    let mut codes = [None; 256];
    for code in TrapCode::ALL {
        codes[code as u8 as usize] = Some(code);
    }
    let n = r.count(5)?;
    let trap_sites = r
        .take(n * 5)?
        .chunks_exact(5)
        .map(|s| {
            let offset = u32::from_le_bytes(s[..4].try_into().expect("4"));
            let code = codes[s[4] as usize].ok_or_else(|| corrupt("an unknown trap code"))?;
            Ok(TrapSite { offset, code })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok((b, trap_sites, wasm_offsets))
}

/// The checks that make decoded metadata safe for the rest of Flint to
/// index with: every index is in range, every code offset inside the code,
/// every table sorted as its binary searches expect. (Metadata that passed
/// the checksum was written by Flint and passes them all; they turn the
/// rare damage a checksum misses, or a bug, into an error instead of a
/// panic.)
fn check_consistency(b: &Builder, trap_sites: &[TrapSite], code_len: usize) -> Result<()> {
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
        defined == Some(b.func_offsets.len() as u32),
        "the function counts disagree",
    )?;
    ok(
        b.func_offsets.is_sorted() && b.func_offsets.iter().all(|&o| o < code_len),
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
            && b.data.iter().all(|d| {
                d.active
                    .as_ref()
                    .is_none_or(|(m, o)| (*m as usize) < b.memories.len() && expr_ok(o))
            }),
        "a segment or initialiser is out of range",
    )?;
    ok(
        trap_sites.is_sorted_by_key(|s| s.offset)
            && trap_sites.iter().all(|s| (s.offset as usize) < code_len),
        "a trap site is out of range",
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

    /// Damage the metadata and seal it with a matching checksum, as a bug
    /// or a forgery would: decoding must fail or succeed, never panic.
    #[test]
    fn resealed_damaged_metadata_never_panics() {
        let wasm = wat::parse_str(
            r#"(module
                (import "m" "f" (func $f (param i32) (result i32)))
                (import "m" "g" (global $g i32))
                (memory 1 2) (table 2 funcref)
                (global $h (mut i64) (i64.const 7))
                (func $div (export "div") (param i32 i32) (result i32)
                    local.get 0 local.get 1 i32.div_s)
                (func (export "call") (param i32) (result i32)
                    local.get 0 i32.const 0 call_indirect (param i32) (result i32))
                (elem (i32.const 0) $div $f)
                (data (i32.const 8) "hello")
                (start $start) (func $start))"#,
        )
        .unwrap();
        let engine = Engine::default();
        let artifact = Module::new(&engine, &wasm).unwrap().serialize().unwrap();
        let u64_at = |at: usize| u64::from_le_bytes(artifact[at..at + 8].try_into().unwrap());
        let metadata = HEADER_SIZE..HEADER_SIZE + u64_at(64) as usize;
        let code_offset = u64_at(72) as usize;
        let mut loaded = 0;
        for i in metadata {
            for flip in [0x01, 0x80, 0xff] {
                let mut damaged = artifact.clone();
                damaged[i] ^= flip;
                let (head, code) = damaged.split_at(code_offset);
                let sum = file_checksum(head, code);
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
