//! Function names from a module's name section (the `$name`s a producer
//! kept for debugging).
//!
//! Two readers need them: `flint explain` titles its listings with them,
//! and trap backtraces (`runtime::backtrace`) name their frames with them.
//! Both read the section here, so the two can never disagree about what a
//! function is called.

use std::collections::HashMap;

/// Function index to name, from the `name` custom section's function
/// subsection. Empty for a module without one.
#[derive(Debug, Default)]
pub(crate) struct FuncNames(HashMap<u32, String>);

impl FuncNames {
    /// Add the names in `section` if it is the name section; any other
    /// custom section is ignored. Best effort: the name section is not
    /// validated (a malformed one must not make a module invalid), so an
    /// entry that does not decode only costs the names after it.
    pub fn read_section(&mut self, section: &wasmparser::CustomSectionReader<'_>) {
        let wasmparser::KnownCustom::Name(reader) = section.as_known() else {
            return;
        };
        for subsection in reader.into_iter().map_while(Result::ok) {
            if let wasmparser::Name::Function(map) = subsection {
                for naming in map.into_iter().map_while(Result::ok) {
                    self.0.insert(naming.index, naming.name.to_string());
                }
            }
        }
    }

    /// Name function `index` (a module-wide index) `name`.
    pub fn insert(&mut self, index: u32, name: String) {
        self.0.insert(index, name);
    }

    /// Every function that has a name, by ascending index (a stable order,
    /// so that a serialized module is the same bytes every time).
    pub fn sorted(&self) -> Vec<(u32, &str)> {
        let mut names: Vec<(u32, &str)> = self.0.iter().map(|(&i, n)| (i, n.as_str())).collect();
        names.sort_unstable_by_key(|&(i, _)| i);
        names
    }

    /// The name of function `index` (a module-wide index), if it has one.
    pub fn get(&self, index: u32) -> Option<&str> {
        self.0.get(&index).map(String::as_str)
    }

    /// The index of the function called `name`, if one is (`flint explain
    /// --func $name`).
    #[cfg(feature = "explain")]
    pub fn find(&self, name: &str) -> Option<u32> {
        self.0.iter().find(|(_, n)| *n == name).map(|(&i, _)| i)
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
