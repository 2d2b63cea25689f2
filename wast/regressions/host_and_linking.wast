;; Imports from spectest and from registered modules, and a trap that crosses
;; an import boundary (the callee instance traps; the caller stays usable).

(module $A
  (memory (export "mem") 1)
  (global (export "g") (mut i32) (i32.const 5))
  (func (export "trap") (unreachable))
  (func (export "get_g") (result i32) (global.get 0))
  (func (export "load") (param i32) (result i32) (i32.load (local.get 0))))
(register "A" $A)

(module $B
  (import "spectest" "print_i32" (func $print_i32 (param i32)))
  (import "spectest" "global_i32" (global $gi i32))
  (import "spectest" "global_f64" (global $gf f64))
  (import "A" "trap" (func $a_trap))
  (import "A" "mem" (memory 1))
  (func (export "print") (call $print_i32 (i32.const 1)))
  (func (export "gi") (result i32) (global.get $gi))
  (func (export "gf") (result f64) (global.get $gf))
  (func (export "call_trap") (call $a_trap))
  (func (export "store") (param i32 i32) (i32.store (local.get 0) (local.get 1))))

(invoke $B "print")
(assert_return (invoke $B "gi") (i32.const 666))
(assert_return (invoke $B "gf") (f64.const 666.6))
(assert_trap (invoke $B "call_trap") "unreachable")
(invoke $B "store" (i32.const 16) (i32.const 99))
(assert_return (invoke $A "load" (i32.const 16)) (i32.const 99))
(assert_trap (invoke $B "store" (i32.const 65536) (i32.const 99)) "out of bounds memory access")
(assert_return (invoke $A "get_g") (i32.const 5))
(assert_return (get $A "g") (i32.const 5))

;; Start-function trap and out-of-bounds segments fail instantiation.
(assert_trap (module (func $s (unreachable)) (start $s)) "unreachable")
(assert_trap (module (memory 1) (data (i32.const 65536) "x")) "out of bounds memory access")
(assert_unlinkable (module (import "A" "nope" (func))) "unknown import")
(assert_unlinkable (module (import "A" "trap" (func (param i32)))) "incompatible import type")
;; The registered module is still fine afterwards.
(assert_return (invoke $A "load" (i32.const 16)) (i32.const 99))
