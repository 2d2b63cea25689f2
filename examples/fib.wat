;; The Fibonacci sequence, iteratively: fib(0) = 0, fib(1) = 1, ...
;;
;;   cargo run --release -- run examples/fib.wat --invoke fib 30   # 832040
;;
;; A good first look at the baseline compiler: the loop keeps `a`, `b` and
;; the counter in locals, so the single pass turns `local.get`s into lazy
;; stack entries, materializes them into registers for `i32.add`, and at the
;; `br_if` back edge merges the value stack into the loop's fixed layout.
(module
  (func $fib (export "fib") (param $n i32) (result i32)
    (local $a i32) (local $b i32) (local $t i32)
    (local.set $b (i32.const 1))
    (block $done
      (loop $next
        ;; while n > 0: (a, b) = (b, a + b); n -= 1
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $t (i32.add (local.get $a) (local.get $b)))
        (local.set $a (local.get $b))
        (local.set $b (local.get $t))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $a))

  ;; The same function, recursively: exponential time, but every call goes
  ;; through a real prologue (with its stack-limit check) and epilogue.
  ;;   cargo run --release -- run examples/fib.wat --invoke fib_rec 25   # 75025
  (func $fib_rec (export "fib_rec") (param $n i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else
        (i32.add
          (call $fib_rec (i32.sub (local.get $n) (i32.const 1)))
          (call $fib_rec (i32.sub (local.get $n) (i32.const 2))))))))
