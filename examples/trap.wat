;; Traps are values, not crashes. On x86-64 an `idiv` by zero would fault
;; with SIGFPE wherever it happens; Flint instead emits an explicit check of
;; the divisor that jumps to an out-of-line `ud2`. The signal handler maps
;; that instruction's address back to "integer divide by zero", unwinds to
;; the entry trampoline, and the call returns an error. The CLI prints it
;; and exits with code 2; the process itself is fine.
;;
;;   cargo run --release -- run examples/trap.wat --invoke div 7 0
;;   error: calling `div`: wasm trap: integer divide by zero
;;   wasm backtrace:
;;       0: func 0 <div> @ 0x36
;;
;;   cargo run --release -- run examples/trap.wat --invoke div 7 2   # 3
(module
  (func $div (export "div") (param i32 i32) (result i32)
    (i32.div_s (local.get 0) (local.get 1)))

  ;; Recursion without a base case: the stack-limit check in every
  ;; prologue turns it into "call stack exhausted" instead of a segfault.
  ;;   cargo run --release -- run examples/trap.wat --invoke forever
  (func $forever (export "forever") (result i32)
    (i32.add (call $forever) (i32.const 1))))
