//! Resource limits from `Config`: memory pages, compiled code size and
//! table elements per instance, checked the same way for host-created
//! tables.

use super::*;

#[test]
fn memory_limit_per_instance() {
    let mut config = Config::new();
    config.max_memory_pages(4);
    let engine = Engine::new(&config).unwrap();
    let grows = Module::new(
        &engine,
        r#"(module (memory 1)
             (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))"#,
    )
    .unwrap();
    let mut store = Store::new(&engine, ());
    let inst = Instance::new(&mut store, &grows, &[]).unwrap();
    let grow = inst.get_typed_func::<i32, i32>(&mut store, "grow").unwrap();
    // Up to the limit works; past it memory.grow fails like at a declared
    // maximum (-1), without trapping.
    assert_eq!(grow.call(&mut store, 3).unwrap(), 1);
    assert_eq!(grow.call(&mut store, 1).unwrap(), -1);
    assert_eq!(grow.call(&mut store, 0).unwrap(), 4);
    // A declared minimum over the limit cannot be instantiated at all.
    let big = Module::new(&engine, "(module (memory 5))").unwrap();
    let err = expect_err(
        Instance::new(&mut store, &big, &[]),
        "instantiate over the limit",
    );
    assert!(
        matches!(&err, Error::Instantiation(m) if m.contains("limit of 4 pages")),
        "{err:?}"
    );
    // The default engine has the full 4 GiB range.
    let (_store, _) = instance(r#"(module (memory 5))"#);
}

#[test]
fn compiled_code_size_limit() {
    // Enough code that a 4 KiB budget is exceeded, whatever the ISA (the
    // short x86-64 encodings emit about 9 bytes per repetition).
    let body = "(local.get 0) (i32.const 3) (i32.mul) (local.set 0) ".repeat(1000);
    let wat = format!("(module (func (param i32) {body}))");
    let mut config = Config::new();
    config.max_code_size(4096);
    let err = expect_err(
        Module::new(&Engine::new(&config).unwrap(), &wat),
        "over the code budget",
    );
    assert!(
        matches!(&err, Error::InvalidModule { message, .. } if message.contains("4096 bytes")),
        "{err:?}"
    );
    assert!(Module::new(&Engine::default(), &wat).is_ok());
}

#[test]
fn truncated_code_section_with_a_huge_declared_size_is_an_error() {
    // A code section declaring 4 GiB - 1 bytes, then one empty body and
    // the end of the module. The parser reports the section's start, with
    // its declared size, before it reads any of it, and the code buffer is
    // reserved from that size (bounded by the module's length, as the code
    // limit here does not bound it): the outcome must be the truncation
    // error, not an abort nor a failure to reserve memory.
    let mut wasm = b"\0asm\x01\0\0\0".to_vec();
    wasm.extend([0x01, 0x04, 0x01, 0x60, 0x00, 0x00]); // type 0: [] -> []
    wasm.extend([0x03, 0x02, 0x01, 0x00]); // func 0: type 0
    wasm.extend([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01, 0x02, 0x00, 0x0b]);
    let mut config = Config::new();
    config.max_code_size(usize::MAX);
    let err = expect_err(
        Module::new(&Engine::new(&config).unwrap(), &wasm),
        "a truncated code section",
    );
    assert!(
        matches!(&err, Error::InvalidModule { message, .. } if !message.contains("reserve")),
        "{err:?}"
    );
}

#[test]
fn table_elements_are_limited_per_instance() {
    let mut config = Config::new();
    config.max_table_elements(100);
    let engine = Engine::new(&config).unwrap();
    let m = Module::new(
        &engine,
        r#"(module
             (table $a (export "a") 10 funcref)
             (table $b 20 externref)
             (func (export "grow_a") (param i32) (result i32)
               (table.grow $a (ref.null func) (local.get 0)))
             (func (export "grow_b") (param i32) (result i32)
               (table.grow $b (ref.null extern) (local.get 0))))"#,
    )
    .unwrap();
    let mut store = Store::new(&engine, ());
    let inst = Instance::new(&mut store, &m, &[]).unwrap();
    let grow_a = inst
        .get_typed_func::<i32, i32>(&mut store, "grow_a")
        .unwrap();
    let grow_b = inst
        .get_typed_func::<i32, i32>(&mut store, "grow_b")
        .unwrap();
    // 30 of 100 elements taken; the rest is shared by both tables. Past the
    // limit table.grow fails like at a declared maximum (-1), without
    // trapping and without changing the table.
    assert_eq!(grow_a.call(&mut store, 71).unwrap(), -1);
    assert_eq!(grow_a.call(&mut store, 40).unwrap(), 10);
    assert_eq!(grow_b.call(&mut store, 31).unwrap(), -1);
    assert_eq!(grow_b.call(&mut store, 30).unwrap(), 20);
    assert_eq!(grow_b.call(&mut store, 1).unwrap(), -1);
    assert_eq!(grow_b.call(&mut store, 0).unwrap(), 50);
    // The host growing the instance's table counts too.
    let a = inst.get_table(&mut store, "a").unwrap();
    assert_eq!(a.size(&store), 50);
    assert!(a.grow(&mut store, 1, Val::FuncRef(None)).is_err());
    assert_eq!(a.size(&store), 50);
    // Another instance of the module in the same store has a budget of
    // its own.
    let inst2 = Instance::new(&mut store, &m, &[]).unwrap();
    let grow_a2 = inst2
        .get_typed_func::<i32, i32>(&mut store, "grow_a")
        .unwrap();
    assert_eq!(grow_a2.call(&mut store, 70).unwrap(), 10);

    // Declared minimums over the limit in all cannot be instantiated, even
    // when each table alone would fit.
    let big = Module::new(&engine, "(module (table 60 funcref) (table 41 externref))").unwrap();
    let err = expect_err(
        Instance::new(&mut store, &big, &[]),
        "tables over the limit",
    );
    assert!(
        matches!(&err, Error::Instantiation(m) if m.contains("101") && m.contains("limit of 100")),
        "{err:?}"
    );
    // The default limit is 10 million elements: 12 million fail (before
    // anything is allocated), one table of 6 million is fine.
    let default = Engine::default();
    let big = Module::new(
        &default,
        "(module (table 6000000 funcref) (table 6000000 funcref))",
    )
    .unwrap();
    let mut default_store = Store::new(&default, ());
    let err = expect_err(
        Instance::new(&mut default_store, &big, &[]),
        "12 million elements",
    );
    assert!(
        matches!(&err, Error::Instantiation(m) if m.contains("limit of 10000000")),
        "{err:?}"
    );
    let one = Module::new(&default, "(module (table (export \"t\") 6000000 funcref))").unwrap();
    let inst = Instance::new(&mut default_store, &one, &[]).unwrap();
    let t = inst.get_table(&mut default_store, "t").unwrap();
    assert_eq!(t.size(&default_store), 6_000_000);

    // A table the host creates has the limit on its own.
    let ty = |min| TableType {
        element: ValType::FuncRef,
        min,
        max: None,
    };
    assert!(Table::new(&mut store, ty(101), Val::FuncRef(None)).is_err());
    let t = Table::new(&mut store, ty(100), Val::FuncRef(None)).unwrap();
    assert!(t.grow(&mut store, 1, Val::FuncRef(None)).is_err());
    let t = Table::new(&mut store, ty(90), Val::FuncRef(None)).unwrap();
    assert_eq!(t.grow(&mut store, 10, Val::FuncRef(None)).unwrap(), 90);
    assert!(t.grow(&mut store, 1, Val::FuncRef(None)).is_err());
}

#[test]
fn host_table_limits_are_checked_like_memory_limits() {
    let engine = Engine::default();
    let mut store = Store::new(&engine, ());
    let ty = TableType {
        element: ValType::FuncRef,
        min: 5,
        max: Some(2),
    };
    let err = expect_err(Table::new(&mut store, ty, Val::FuncRef(None)), "min > max");
    assert!(matches!(err, Error::Usage(_)), "{err:?}");
    let mem = MemoryType::new(5, Some(2));
    assert!(matches!(
        expect_err(Memory::new(&mut store, mem), "memory min > max"),
        Error::Usage(_)
    ));
    // Equal is fine, and the maximum holds.
    let ty = TableType { max: Some(5), ..ty };
    let t = Table::new(&mut store, ty, Val::FuncRef(None)).unwrap();
    assert_eq!(t.size(&store), 5);
    assert!(t.grow(&mut store, 1, Val::FuncRef(None)).is_err());
}
