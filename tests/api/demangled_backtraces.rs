//! A backtrace names the frames of a program compiled from Rust or C++ as
//! people read them: the name section holds mangled symbols, the
//! backtrace shows them demangled (feature `demangle`, on by default).

use super::*;

#[test]
fn backtraces_show_rust_and_cpp_names_demangled() {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module
             (func $_ZN4core9panicking5panic17h0123456789abcdefE unreachable)
             (func $_Z7computei (param i32) (call $_ZN4core9panicking5panic17h0123456789abcdefE))
             (func $plain (export "run") (call $_Z7computei (i32.const 1))))"#,
    )
    .unwrap();
    let mut store = Store::new(&engine, ());
    let instance = Instance::new(&mut store, &module, &[]).unwrap();
    let run = instance
        .get_typed_func::<(), ()>(&mut store, "run")
        .unwrap();
    let err = run.call(&mut store, ()).unwrap_err();
    let Error::Trap(trap) = &err else {
        panic!("{err:?}")
    };
    let shown: Vec<String> = trap
        .backtrace()
        .frames()
        .iter()
        .map(|f| f.to_string())
        .collect();
    let expected = [
        "func 0 <core::panicking::panic> @ ",
        "func 1 <compute(int)> @ ",
        "func 2 <plain> @ ",
    ];
    assert_eq!(shown.len(), expected.len(), "{shown:?}");
    for (frame, start) in shown.iter().zip(expected) {
        assert!(frame.starts_with(start), "{frame:?} is not {start:?}...");
    }
    // The raw name stays available.
    assert_eq!(
        trap.backtrace().frames()[0].func_name(),
        Some("_ZN4core9panicking5panic17h0123456789abcdefE")
    );
}
