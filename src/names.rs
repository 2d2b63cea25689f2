//! Function names from a module's name section (the `$name`s a producer
//! kept for debugging).
//!
//! Two readers need them: `flint explain` titles its listings with them,
//! and trap backtraces (`runtime::backtrace`) name their frames with them.
//! Both read the section here, so the two can never disagree about what a
//! function is called.

use crate::runtime::shared_slice::SharedSlice;

/// Function index to name, from the `name` custom section's function
/// subsection. Empty for a module without one.
///
/// The names are kept as one text and a table of where each lies in it,
/// rather than a string per name: a large module names tens of thousands
/// of functions, which then cost two allocations instead of one each, and
/// a compiled artifact's names are used in place (`module::artifact`),
/// decoded only for the names a backtrace or profile asks for.
#[derive(Clone, Debug, Default)]
pub(crate) struct FuncNames {
    /// `[function index, start, length]` of each name in `text`, by
    /// ascending index, each index once.
    entries: SharedSlice<[u32; 3]>,
    text: SharedSlice<u8>,
}

impl FuncNames {
    /// The names made of `entries` and `text` as [`Self::parts`] gave
    /// them. Nothing is checked: an entry out of order, out of `text` or
    /// not UTF-8 (a damaged artifact) names nothing.
    pub fn from_parts(entries: SharedSlice<[u32; 3]>, text: SharedSlice<u8>) -> FuncNames {
        FuncNames { entries, text }
    }

    /// The table and the text, to store them (`Module::serialize`).
    pub fn parts(&self) -> (&[[u32; 3]], &[u8]) {
        (&self.entries, &self.text)
    }

    /// Add the names in `section` if it is the name section; any other
    /// custom section is ignored. Best effort: the name section is not
    /// validated (a malformed one must not make a module invalid), so an
    /// entry that does not decode only costs the names after it. A
    /// function named twice keeps its last name.
    pub fn read_section(&mut self, section: &wasmparser::CustomSectionReader<'_>) {
        let wasmparser::KnownCustom::Name(reader) = section.as_known() else {
            return;
        };
        let mut entries = self.entries.to_vec();
        let mut text = self.text.to_vec();
        for subsection in reader.into_iter().map_while(Result::ok) {
            if let wasmparser::Name::Function(map) = subsection {
                for naming in map.into_iter().map_while(Result::ok) {
                    let name = naming.name.as_bytes();
                    let (Ok(start), Ok(len)) =
                        (u32::try_from(text.len()), u32::try_from(name.len()))
                    else {
                        break;
                    };
                    entries.push([naming.index, start, len]);
                    text.extend_from_slice(name);
                }
            }
        }
        // Producers list names by ascending index, as the spec asks; sort
        // (stably, so the last of a repeated index stays last) if not.
        if !entries.is_sorted_by(|a, b| a[0] < b[0]) {
            entries.sort_by_key(|e| e[0]);
            let mut unique: Vec<[u32; 3]> = Vec::with_capacity(entries.len());
            for e in entries {
                match unique.last_mut() {
                    Some(last) if last[0] == e[0] => *last = e,
                    _ => unique.push(e),
                }
            }
            entries = unique;
        }
        self.entries = entries.into();
        self.text = text.into();
    }

    /// The name of function `index` (a module-wide index), if it has one.
    pub fn get(&self, index: u32) -> Option<&str> {
        let i = self.entries.binary_search_by_key(&index, |e| e[0]).ok()?;
        self.name_at(i)
    }

    /// The name of entry `i`.
    fn name_at(&self, i: usize) -> Option<&str> {
        let [_, start, len] = self.entries[i];
        let bytes = self
            .text
            .get(start as usize..(start as usize).checked_add(len as usize)?)?;
        std::str::from_utf8(bytes).ok()
    }

    /// The index of the function called `name`, if one is (`flint explain
    /// --func $name`).
    #[cfg(feature = "explain")]
    pub fn find(&self, name: &str) -> Option<u32> {
        (0..self.entries.len())
            .find(|&i| self.name_at(i) == Some(name))
            .map(|i| self.entries[i][0])
    }
}

/// `name` as people read it: a mangled Rust or C++ symbol demangled
/// (`_ZN4core9panicking5panic17h…E` is `core::panicking::panic`,
/// `_Z3fooi` is `foo(int)`), anything else as it is. With the `demangle`
/// feature off, always as it is.
pub(crate) fn demangle(name: &str) -> std::borrow::Cow<'_, str> {
    #[cfg(feature = "demangle")]
    {
        // Rust first: its legacy mangling is also valid C++ mangling, which
        // would keep the hash (rustc-demangle refuses C++ names).
        if let Ok(rust) = rustc_demangle::try_demangle(name) {
            // `{:#}` leaves out the hash suffix.
            return format!("{rust:#}").into();
        }
        if let Ok(symbol) = cpp_demangle::Symbol::new(name) {
            if let Ok(text) = symbol.demangle(&cpp_demangle::DemangleOptions::default()) {
                return text.into();
            }
        }
    }
    name.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_of(wat: &str) -> FuncNames {
        let wasm = wat::parse_str(wat).unwrap();
        let mut names = FuncNames::default();
        for payload in wasmparser::Parser::new(0).parse_all(&wasm) {
            if let Ok(wasmparser::Payload::CustomSection(reader)) = payload {
                names.read_section(&reader);
            }
        }
        names
    }

    #[test]
    fn reads_the_function_subsection() {
        let names = names_of(
            r#"(module
                (import "m" "f" (func $imported))
                (func $first) (func) (func $third))"#,
        );
        assert_eq!(names.get(0), Some("imported"));
        assert_eq!(names.get(1), Some("first"));
        assert_eq!(names.get(2), None);
        assert_eq!(names.get(3), Some("third"));
        assert_eq!(names.find("third"), Some(3));
        assert_eq!(names.find("nothing"), None);
    }

    #[test]
    fn a_module_without_names_has_none() {
        let names = names_of("(module (func))");
        assert_eq!(names.get(0), None);
    }

    #[cfg(feature = "demangle")]
    #[test]
    fn rust_and_cpp_names_are_demangled_and_others_kept() {
        assert_eq!(
            demangle("_ZN4core9panicking5panic17h0123456789abcdefE"),
            "core::panicking::panic"
        );
        assert_eq!(demangle("_RNvCs1234_7mycrate3foo"), "mycrate::foo");
        assert_eq!(demangle("_Z3fooi"), "foo(int)");
        assert_eq!(demangle("_ZN2ns3barEv"), "ns::bar()");
        assert_eq!(demangle("main"), "main");
        assert_eq!(demangle("$fib"), "$fib");
    }
}
