;; The script directives of the 3.0 testsuite that separate compiling from
;; instantiating: `module definition` compiles (and validates) a module
;; without instantiating it; `module instance` instantiates a definition,
;; named or the last one, as often as asked, each instance with its own
;; state, and makes it the current module.

(module definition $counter
  (global $n (mut i32) (i32.const 0))
  (func (export "inc") (result i32)
    (global.set $n (i32.add (global.get $n) (i32.const 1)))
    (global.get $n)))

(module instance $a $counter)
(module instance $b $counter)
(assert_return (invoke $a "inc") (i32.const 1))
(assert_return (invoke $a "inc") (i32.const 2))
(assert_return (invoke $b "inc") (i32.const 1))
;; The current module is the last instance.
(assert_return (invoke "inc") (i32.const 2))

;; Unnamed: the last definition.
(module definition
  (memory (export "m") 1)
  (data (i32.const 0) "\2a")
  (func (export "first") (result i32) (i32.load8_u (i32.const 0)))
  (func (export "set") (param i32) (i32.store8 (i32.const 0) (local.get 0))))
(module instance)
(assert_return (invoke "first") (i32.const 42))
(invoke "set" (i32.const 7))
(assert_return (invoke "first") (i32.const 7))
;; A new instance starts from the definition again.
(module instance)
(assert_return (invoke "first") (i32.const 42))

;; A definition can be registered for imports once instantiated.
(module instance $c $counter)
(register "counter" $c)
(module
  (import "counter" "inc" (func $inc (result i32)))
  (func (export "twice") (result i32) (drop (call $inc)) (call $inc)))
(assert_return (invoke "twice") (i32.const 2))
