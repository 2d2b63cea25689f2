//! Source locations for backtraces, from a module's DWARF: the `.debug_*`
//! custom sections that rustc, clang and other LLVM-based compilers emit
//! into wasm with debug info (`-g`, `debug = "line-tables-only"`).
//!
//! Compiling pays almost nothing for them (compile time is what Flint is
//! for): while `Module::new` streams the sections past, the `.debug_*`
//! ones that line lookups read are copied, only when a module has them, and
//! the offset where the code section's contents start is kept. Nothing is
//! parsed then. The DWARF is parsed once per module ([`DebugInfo`] holds
//! the result in a `OnceLock`), the first time a backtrace asks for a
//! frame's source location (`FrameInfo::symbols`, or the backtrace's
//! `Display`), never in the signal handler: a trap that nobody prints costs
//! nothing more than before.
//!
//! Addresses: DWARF for wasm counts code addresses from the start of the
//! code section's contents (the byte after the section's size, where the
//! function count is), as LLVM's wasm object format defines them and as
//! wasmtime and wasm-tools read them. A frame's module offset (the
//! instruction that trapped, or the call) minus that start is the address
//! to look up.
//!
//! Malformed DWARF costs only the locations: the sections are not
//! validated when the module is compiled (as for the name section, a
//! broken debugging aid must not make a module invalid), every parse or
//! lookup error means "no location", and so does a panic of the parser,
//! which is caught (and after which the module's DWARF is not read again).
//!
//! With the `dwarf` feature off, the sections are not kept and frames have
//! no source locations; the API is the same.

use crate::trap::FrameSymbol;

/// The sections addr2line reads to map an address to its source lines and
/// (inlined) functions. Location lists, macros and the like are for
/// debuggers, not backtraces, and are not kept.
#[cfg(feature = "dwarf")]
const LINE_SECTIONS: [&str; 11] = [
    ".debug_abbrev",
    ".debug_addr",
    ".debug_aranges",
    ".debug_info",
    ".debug_line",
    ".debug_line_str",
    ".debug_ranges",
    ".debug_rnglists",
    ".debug_str",
    ".debug_str_offsets",
    ".debug_types",
];

/// At most this many symbols per frame (a function and the functions
/// inlined into it at the frame's instruction): real inlining chains are a
/// few deep, and a cyclic or absurd one in malformed DWARF must not make a
/// backtrace unbounded.
#[cfg(feature = "dwarf")]
const MAX_SYMBOLS: usize = 32;

/// The DWARF sections of a module being compiled, gathered as its custom
/// sections stream past.
#[derive(Default)]
pub(crate) struct DebugSections {
    #[cfg(feature = "dwarf")]
    sections: Vec<(&'static str, std::sync::Arc<[u8]>)>,
}

impl DebugSections {
    /// Keep `section` if it is one of the DWARF sections line lookups read;
    /// any other custom section is ignored. A repeated section keeps its
    /// first copy. The copy is no larger than the section, which the
    /// host's module bytes already hold (as for data segments).
    pub fn read_section(&mut self, section: &wasmparser::CustomSectionReader<'_>) {
        #[cfg(feature = "dwarf")]
        {
            let name = section.name();
            if let Some(&wanted) = LINE_SECTIONS.iter().find(|&&n| n == name) {
                if !self.sections.iter().any(|&(n, _)| n == wanted) {
                    self.sections.push((wanted, section.data().into()));
                }
            }
        }
        #[cfg(not(feature = "dwarf"))]
        let _ = section;
    }

    /// The module's debug info, whose code section's contents start at
    /// module offset `code_start`; `None` when it has no DWARF (or no
    /// code), or the `dwarf` feature is off.
    pub fn finish(self, code_start: Option<usize>) -> Option<std::sync::Arc<DebugInfo>> {
        #[cfg(feature = "dwarf")]
        {
            // Without `.debug_info` there are no compilation units to look
            // anything up in.
            let has_units = self.sections.iter().any(|&(n, _)| n == ".debug_info");
            match code_start {
                Some(code_start) if has_units => Some(std::sync::Arc::new(DebugInfo {
                    code_start,
                    sections: self.sections,
                    context: std::sync::OnceLock::new(),
                })),
                _ => None,
            }
        }
        #[cfg(not(feature = "dwarf"))]
        {
            let _ = (self, code_start);
            None
        }
    }
}

#[cfg(feature = "dwarf")]
type Reader = gimli::EndianArcSlice<gimli::LittleEndian>;

#[cfg(feature = "dwarf")]
type Context = addr2line::Context<Reader>;

/// A compiled module's DWARF, shared by its code map and by the frames of
/// the backtraces that run through its code, parsed on first use.
#[cfg(feature = "dwarf")]
pub(crate) struct DebugInfo {
    /// Module offset of the code section's contents: DWARF address 0.
    code_start: usize,
    sections: Vec<(&'static str, std::sync::Arc<[u8]>)>,
    /// The parsed DWARF, `None` if it did not parse. addr2line's context
    /// fills caches of its own as it answers lookups (it is `Send` but not
    /// `Sync`), so lookups take turns; backtraces are rare and short.
    context: std::sync::OnceLock<Option<std::sync::Mutex<Context>>>,
}

// Traps carry their frames' debug info, and errors must stay `Send +
// Sync` (addr2line's context is `Send` only: the mutex makes it `Sync`).
#[cfg(feature = "dwarf")]
const _: () = {
    const fn shared<T: Send + Sync>() {}
    shared::<DebugInfo>();
};

/// Without the `dwarf` feature there is never any debug info.
#[cfg(not(feature = "dwarf"))]
pub(crate) enum DebugInfo {}

#[cfg(feature = "dwarf")]
impl DebugInfo {
    /// The source location of the instruction at `module_offset`, as
    /// symbols: the innermost inlined function first, the function the
    /// code belongs to last. Empty when the DWARF does not cover the
    /// instruction or cannot be read.
    pub fn symbols(&self, module_offset: usize) -> Vec<FrameSymbol> {
        let Some(address) = module_offset.checked_sub(self.code_start) else {
            return Vec::new();
        };
        let Some(context) = self.context.get_or_init(|| self.parse()) else {
            return Vec::new();
        };
        // The lock is taken inside the caught closure: a panic in a lookup
        // poisons it, and the module's DWARF is not read again.
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let context = context.lock().ok()?;
            Some(lookup(&context, address as u64))
        }))
        .ok()
        .flatten()
        .unwrap_or_default()
    }

    /// Parse the kept sections into addr2line's context (the compilation
    /// units and their address ranges; line programs and functions are
    /// parsed lazily, per unit, by the lookups).
    fn parse(&self) -> Option<std::sync::Mutex<Context>> {
        let section = |name: &str| {
            let bytes = self
                .sections
                .iter()
                .find(|&&(n, _)| n == name)
                .map_or_else(|| std::sync::Arc::from(&[][..]), |(_, b)| b.clone());
            gimli::EndianArcSlice::new(bytes, gimli::LittleEndian)
        };
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let dwarf =
                gimli::Dwarf::load(|id| Ok::<_, std::convert::Infallible>(section(id.name())))
                    .ok()?;
            Context::from_dwarf(dwarf).ok()
        }))
        .ok()
        .flatten()
        .map(std::sync::Mutex::new)
    }
}

#[cfg(not(feature = "dwarf"))]
impl DebugInfo {
    pub fn symbols(&self, _module_offset: usize) -> Vec<FrameSymbol> {
        match *self {}
    }
}

/// The frames addr2line finds at `address`, as symbols. Split DWARF (a
/// `.dwo` file beside the module) is not loaded: what the module itself
/// holds is used.
#[cfg(feature = "dwarf")]
fn lookup(context: &Context, address: u64) -> Vec<FrameSymbol> {
    let Ok(mut frames) = context.find_frames(address).skip_all_loads() else {
        return Vec::new();
    };
    let mut symbols = Vec::new();
    while let Ok(Some(frame)) = frames.next() {
        if symbols.len() == MAX_SYMBOLS {
            break;
        }
        let name = frame
            .function
            .as_ref()
            .and_then(|f| f.raw_name().ok())
            .map(|name| name.into_owned());
        let location = frame.location.as_ref();
        symbols.push(FrameSymbol::new(
            name,
            location.and_then(|l| l.file).map(file_path),
            location.and_then(|l| l.line),
            // Column 0 is DWARF's "no column" (the left edge).
            location.and_then(|l| l.column).filter(|&c| c != 0),
        ));
    }
    symbols
}

/// A source file's path as the compiler meant it. addr2line joins a
/// file's path to its compilation directory unless the path starts at a
/// root, and compilers that map their paths to URLs (wasi-sdk's C library
/// has `wasisdk://v30.0/...`) record both as `scheme://...`, which joined
/// reads `wasisdk://v30.0/build/.../wasisdk://v30.0/src/abort.c`: in a
/// path that starts with a URL, the last URL is the file's.
#[cfg(feature = "dwarf")]
fn file_path(path: &str) -> String {
    /// Whether `path` starts with `scheme://`.
    fn is_url(path: &str) -> bool {
        path.split_once("://").is_some_and(|(scheme, _)| {
            scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        })
    }
    if is_url(path) {
        if let Some(at) = path.rfind("://") {
            if let Some(slash) = path[..at].rfind('/') {
                if is_url(&path[slash + 1..]) {
                    return path[slash + 1..].to_string();
                }
            }
        }
    }
    path.to_string()
}

impl std::fmt::Debug for DebugInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        #[cfg(feature = "dwarf")]
        {
            let sections: Vec<(&str, usize)> =
                self.sections.iter().map(|(n, b)| (*n, b.len())).collect();
            f.debug_struct("DebugInfo")
                .field("code_start", &self.code_start)
                .field("sections", &sections)
                .finish_non_exhaustive()
        }
        #[cfg(not(feature = "dwarf"))]
        {
            let _ = f;
            match *self {}
        }
    }
}

#[cfg(all(test, feature = "dwarf"))]
mod tests {
    use super::*;

    #[test]
    fn a_url_joined_to_a_url_is_the_last_one() {
        assert_eq!(
            file_path("wasisdk://v30.0/build/libc/wasisdk://v30.0/src/abort.c"),
            "wasisdk://v30.0/src/abort.c"
        );
        // A single URL, and plain paths, stay as they are.
        assert_eq!(
            file_path("wasisdk://v30.0/src/abort.c"),
            "wasisdk://v30.0/src/abort.c"
        );
        assert_eq!(file_path("/src/app/main.rs"), "/src/app/main.rs");
        assert_eq!(file_path("src/main.rs"), "src/main.rs");
        // Only a path that starts with a URL is a joined one.
        assert_eq!(file_path("/a b/c://d"), "/a b/c://d");
        assert_eq!(file_path("x://dir/://y"), "x://dir/://y");
        assert_eq!(file_path("x://dir/a b://y"), "x://dir/a b://y");
    }

    /// A module's DebugSections keep only the sections line lookups read,
    /// each once, and make debug info only when there are units.
    #[test]
    fn only_the_line_sections_are_kept() {
        let wat = r#"(module
            (@custom ".debug_info" "first")
            (@custom ".debug_info" "second")
            (@custom ".debug_loc" "not for lines")
            (@custom "other" "x")
            (func))"#;
        let wasm = wat::parse_str(wat).unwrap();
        let mut sections = DebugSections::default();
        let mut code_start = None;
        for payload in wasmparser::Parser::new(0).parse_all(&wasm) {
            match payload.unwrap() {
                wasmparser::Payload::CustomSection(reader) => sections.read_section(&reader),
                wasmparser::Payload::CodeSectionStart {
                    unchecked_range, ..
                } => code_start = Some(unchecked_range.start as usize),
                _ => {}
            }
        }
        let kept: Vec<(&str, &[u8])> = sections
            .sections
            .iter()
            .map(|(n, b)| (*n, &b[..]))
            .collect();
        assert_eq!(kept, [(".debug_info", &b"first"[..])]);
        let info = sections.finish(code_start).expect("a unit section");
        assert_eq!(Some(info.code_start), code_start);
        // Garbage units: no symbols, no panic, and the same on a retry.
        assert_eq!(info.symbols(code_start.unwrap() + 1), []);
        assert_eq!(info.symbols(code_start.unwrap() + 1), []);
        // An offset before the code section has no address.
        assert_eq!(info.symbols(0), []);
        // No `.debug_info`, or no code: nothing to keep.
        assert!(DebugSections::default().finish(Some(10)).is_none());
    }
}
