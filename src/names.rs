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
}
