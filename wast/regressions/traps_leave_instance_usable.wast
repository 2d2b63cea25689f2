;; A trap must unwind cleanly: the instance (its memory, globals, table) and
;; the engine stay usable, and the next call from the host works.

(module
  (memory 1)
  (global $counter (mut i32) (i32.const 0))
  (table 2 funcref)
  (elem (i32.const 0) $ok)
  (type $i32 (func (result i32)))

  (func $ok (result i32) (i32.const 42))
  (func (export "ok") (result i32) (call $ok))

  (func (export "div") (param i32 i32) (result i32)
    (i32.div_s (local.get 0) (local.get 1)))
  (func (export "rem_u64") (param i64 i64) (result i64)
    (i64.rem_u (local.get 0) (local.get 1)))

  (func (export "store") (param i32 i32)
    (i32.store (local.get 0) (local.get 1)))
  (func (export "load") (param i32) (result i32)
    (i32.load (local.get 0)))

  (func $recurse (export "recurse") (param i32) (result i32)
    (i32.add (call $recurse (i32.add (local.get 0) (i32.const 1))) (i32.const 1)))
  (func $recurse_wide (export "recurse_wide") (param i64 i64 i64 i64 f64 f64) (result i64)
    (i64.add
      (call $recurse_wide (local.get 0) (local.get 1) (local.get 2)
                          (local.get 3) (local.get 4) (local.get 5))
      (local.get 0)))
  (func (export "count") (param i32) (result i32)
    (local i32)
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get 1) (local.get 0)))
        (local.set 1 (i32.add (local.get 1) (i32.const 1)))
        (br $l)))
    (local.get 1))

  ;; Bumps the global, then traps: the global write before the trap stays.
  (func (export "bump_then_trap")
    (global.set $counter (i32.add (global.get $counter) (i32.const 1)))
    (unreachable))
  (func (export "counter") (result i32) (global.get $counter))

  (func (export "call_indirect") (param i32) (result i32)
    (call_indirect (type $i32) (local.get 0)))
)

;; Integer division by zero, then normal calls.
(assert_trap (invoke "div" (i32.const 1) (i32.const 0)) "integer divide by zero")
(assert_return (invoke "div" (i32.const 7) (i32.const 2)) (i32.const 3))
(assert_trap (invoke "div" (i32.const 0x80000000) (i32.const -1)) "integer overflow")
(assert_return (invoke "ok") (i32.const 42))
(assert_trap (invoke "rem_u64" (i64.const 1) (i64.const 0)) "integer divide by zero")
(assert_return (invoke "rem_u64" (i64.const 7) (i64.const 4)) (i64.const 3))

;; Out-of-bounds store, then the memory is intact and usable.
(invoke "store" (i32.const 8) (i32.const 0x1234))
(assert_trap (invoke "store" (i32.const 65534) (i32.const 1)) "out of bounds memory access")
(assert_trap (invoke "store" (i32.const -1) (i32.const 1)) "out of bounds memory access")
(assert_return (invoke "load" (i32.const 8)) (i32.const 0x1234))
(assert_return (invoke "load" (i32.const 65532)) (i32.const 0))
(assert_trap (invoke "load" (i32.const 65533)) "out of bounds memory access")
(assert_return (invoke "ok") (i32.const 42))

;; Exhausting the wasm stack, repeatedly, then ordinary (and deep-ish) calls.
(assert_exhaustion (invoke "recurse" (i32.const 0)) "call stack exhausted")
(assert_return (invoke "ok") (i32.const 42))
(assert_exhaustion (invoke "recurse_wide" (i64.const 1) (i64.const 2) (i64.const 3)
                                          (i64.const 4) (f64.const 5) (f64.const 6))
                   "call stack exhausted")
(assert_return (invoke "count" (i32.const 1000)) (i32.const 1000))
(assert_exhaustion (invoke "recurse" (i32.const 0)) "call stack exhausted")
(assert_return (invoke "div" (i32.const 9) (i32.const 3)) (i32.const 3))

;; Side effects before a trap persist; the instance keeps working.
(assert_trap (invoke "bump_then_trap") "unreachable")
(assert_trap (invoke "bump_then_trap") "unreachable")
(assert_return (invoke "counter") (i32.const 2))

;; Table traps, then a good indirect call.
(assert_trap (invoke "call_indirect" (i32.const 1)) "uninitialized element")
(assert_trap (invoke "call_indirect" (i32.const 2)) "undefined element")
(assert_return (invoke "call_indirect" (i32.const 0)) (i32.const 42))

;; Many traps in a row must not leak anything that eventually breaks calls.
(assert_trap (invoke "div" (i32.const 1) (i32.const 0)) "integer divide by zero")
(assert_trap (invoke "store" (i32.const 65536) (i32.const 1)) "out of bounds memory access")
(assert_exhaustion (invoke "recurse" (i32.const 0)) "call stack exhausted")
(assert_trap (invoke "div" (i32.const 1) (i32.const 0)) "integer divide by zero")
(assert_return (invoke "ok") (i32.const 42))

;; A second instance in the same script is independent of the first's traps.
(module
  (func (export "trap") (unreachable))
  (func (export "seven") (result i32) (i32.const 7)))
(assert_trap (invoke "trap") "unreachable")
(assert_return (invoke "seven") (i32.const 7))
