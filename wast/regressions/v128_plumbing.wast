;; The v128 type through everything that moves values, before any lane
;; arithmetic: constants, locals and parameters (two frame slots each),
;; spills at calls, results in the float register and in the outgoing area,
;; multi-value labels beyond the register budget (merge slots), select,
;; globals (16-byte cells), memory, and the host boundary.

(module
  (global $g (mut v128) (v128.const i64x2 0x1111111122222222 0x3333333344444444))
  (global (export "g_const") v128 (v128.const i32x4 1 2 3 4))
  (memory 1)

  (func (export "id") (param v128) (result v128) (local.get 0))

  (func (export "second") (param i32 v128 f64 v128 i64) (result v128)
    (local.get 3))

  (func (export "scalars_around") (param i32 v128 f64 v128 i64) (result i64)
    (i64.add (i64.extend_i32_u (local.get 0)) (local.get 4)))

  (func (export "locals") (result v128)
    (local $a v128) (local $x i32) (local $b v128)
    (local.set $x (i32.const 7))
    (local.set $a (v128.const i32x4 0xa 0xb 0xc 0xd))
    (local.set $b (local.get $a))
    (local.set $a (v128.const i32x4 0 0 0 0))
    (local.get $b))

  (func (export "zero_local") (result v128) (local v128) (local.get 0))

  (func $swap (param v128 v128) (result v128 v128) (local.get 1) (local.get 0))
  (func (export "swap") (param v128 v128) (result v128 v128)
    (call $swap (local.get 0) (local.get 1)))

  ;; A value live across a call is spilled and reloaded.
  (func $nothing)
  (func (export "across_call") (param v128) (result v128)
    (local.get 0)
    (v128.const i64x2 5 6)
    (call $nothing)
    (drop))

  (func (export "select") (param v128 v128 i32) (result v128)
    (select (local.get 0) (local.get 1) (local.get 2)))

  (func (export "global_roundtrip") (param v128) (result v128)
    (global.set $g (local.get 0))
    (global.get $g))
  (func (export "global_initial") (result v128) (global.get $g))

  (func (export "memory") (param v128) (result v128)
    (v128.store offset=3 (i32.const 10) (local.get 0))
    (v128.load (i32.const 13)))

  (func (export "load_at") (param i32) (result v128) (v128.load (local.get 0)))
  (func (export "store_at") (param i32) (v128.store (local.get 0) (v128.const i64x2 -1 -1)))

  (func (export "memory_bytes") (result i64)
    (v128.store (i32.const 100) (v128.const i8x16 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16))
    (i64.load (i32.const 104)))

  ;; A block carrying more v128 values than the float registers a label
  ;; keeps: the rest travel in merge slots, two slots each.
  (func (export "many_through_block") (param i32) (result v128)
    (block (result v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128)
      (v128.const i32x4 1 0 0 0) (v128.const i32x4 2 0 0 0) (v128.const i32x4 3 0 0 0)
      (v128.const i32x4 4 0 0 0) (v128.const i32x4 5 0 0 0) (v128.const i32x4 6 0 0 0)
      (v128.const i32x4 7 0 0 0) (v128.const i32x4 8 0 0 0) (v128.const i32x4 9 0 0 0)
      (v128.const i32x4 10 0 0 0) (v128.const i32x4 11 0 0 0) (v128.const i32x4 12 0 0 0)
      (v128.const i32x4 13 0 0 0) (v128.const i32x4 14 0 0 0) (v128.const i32x4 15 0 0 0)
      (v128.const i32x4 16 0 0 0) (v128.const i32x4 17 0 0 0) (v128.const i32x4 18 0 0 0)
      (br_if 0 (local.get 0))
      (drop) (v128.const i32x4 99 0 0 0))
    (local.set 0 (i32.const 16))
    (loop $drop
      (local.tee 0 (i32.sub (local.get 0) (i32.const 1)))
      (if (then (br $drop))))
    ;; The stack holds 18 vectors; keep the last and the first.
    (drop) (drop) (drop) (drop) (drop) (drop) (drop) (drop)
    (drop) (drop) (drop) (drop) (drop) (drop) (drop) (drop)
    (drop))

  (func (export "last_of_many") (param i32) (result v128) (local $v v128)
    (block (result v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128)
      (v128.const i32x4 1 0 0 0) (v128.const i32x4 2 0 0 0) (v128.const i32x4 3 0 0 0)
      (v128.const i32x4 4 0 0 0) (v128.const i32x4 5 0 0 0) (v128.const i32x4 6 0 0 0)
      (v128.const i32x4 7 0 0 0) (v128.const i32x4 8 0 0 0) (v128.const i32x4 9 0 0 0)
      (v128.const i32x4 10 0 0 0) (v128.const i32x4 11 0 0 0) (v128.const i32x4 12 0 0 0)
      (v128.const i32x4 13 0 0 0) (v128.const i32x4 14 0 0 0) (v128.const i32x4 15 0 0 0)
      (v128.const i32x4 16 0 0 0) (v128.const i32x4 17 0 0 0) (v128.const i32x4 18 0 0 0)
      (br_if 0 (local.get 0))
      (drop) (v128.const i32x4 99 0 0 0))
    (local.set $v)
    (drop) (drop) (drop) (drop) (drop) (drop) (drop) (drop) (drop)
    (drop) (drop) (drop) (drop) (drop) (drop) (drop) (drop)
    (local.get $v))

  ;; Many v128 results come back through the outgoing area.
  (func $many (result v128 i32 v128 f32 v128)
    (v128.const i64x2 1 2) (i32.const 3) (v128.const i64x2 4 5) (f32.const 6) (v128.const i64x2 7 8))
  (func (export "many_results") (result v128 i32 v128 f32 v128) (call $many))
)

(assert_return (invoke "id" (v128.const i64x2 0x0123456789abcdef 0x7766554433221100))
  (v128.const i64x2 0x0123456789abcdef 0x7766554433221100))
(assert_return (invoke "second" (i32.const 1) (v128.const i32x4 1 2 3 4) (f64.const 2.5)
                                (v128.const i32x4 5 6 7 8) (i64.const 9))
  (v128.const i32x4 5 6 7 8))
(assert_return (invoke "scalars_around" (i32.const 1) (v128.const i32x4 1 2 3 4) (f64.const 2.5)
                                        (v128.const i32x4 5 6 7 8) (i64.const 9))
  (i64.const 10))
(assert_return (invoke "locals") (v128.const i32x4 0xa 0xb 0xc 0xd))
(assert_return (invoke "zero_local") (v128.const i64x2 0 0))
(assert_return (invoke "swap" (v128.const i64x2 1 2) (v128.const i64x2 3 4))
  (v128.const i64x2 3 4) (v128.const i64x2 1 2))
(assert_return (invoke "across_call" (v128.const f32x4 1.5 -0 nan inf))
  (v128.const f32x4 1.5 -0 nan inf))
(assert_return (invoke "select" (v128.const i64x2 1 2) (v128.const i64x2 3 4) (i32.const 1))
  (v128.const i64x2 1 2))
(assert_return (invoke "select" (v128.const i64x2 1 2) (v128.const i64x2 3 4) (i32.const 0))
  (v128.const i64x2 3 4))
(assert_return (invoke "global_initial")
  (v128.const i64x2 0x1111111122222222 0x3333333344444444))
(assert_return (invoke "global_roundtrip" (v128.const i8x16 -1 -2 -3 -4 -5 -6 -7 -8 -9 -10 -11 -12 -13 -14 -15 -16))
  (v128.const i8x16 -1 -2 -3 -4 -5 -6 -7 -8 -9 -10 -11 -12 -13 -14 -15 -16))
(assert_return (get "g_const") (v128.const i32x4 1 2 3 4))
(assert_return (invoke "memory" (v128.const i16x8 1 2 3 4 5 6 7 8)) (v128.const i16x8 1 2 3 4 5 6 7 8))
(assert_return (invoke "memory_bytes") (i64.const 0x0c0b0a0908070605))
(assert_return (invoke "load_at" (i32.const 65520)) (v128.const i64x2 0 0))
(assert_trap (invoke "load_at" (i32.const 65521)) "out of bounds")
(assert_trap (invoke "load_at" (i32.const -1)) "out of bounds")
(assert_trap (invoke "store_at" (i32.const 65521)) "out of bounds")
(assert_return (invoke "many_through_block" (i32.const 1)) (v128.const i32x4 1 0 0 0))
(assert_return (invoke "many_through_block" (i32.const 0)) (v128.const i32x4 1 0 0 0))
(assert_return (invoke "last_of_many" (i32.const 1)) (v128.const i32x4 18 0 0 0))
(assert_return (invoke "last_of_many" (i32.const 0)) (v128.const i32x4 99 0 0 0))
(assert_return (invoke "many_results")
  (v128.const i64x2 1 2) (i32.const 3) (v128.const i64x2 4 5) (f32.const 6) (v128.const i64x2 7 8))

;; Imported and exported v128 globals share one cell.
(module $exporter
  (global (export "mg") (mut v128) (v128.const i32x4 1 1 1 1))
  (func (export "read") (result v128) (global.get 0)))
(register "exporter" $exporter)
(module
  (import "exporter" "mg" (global $mg (mut v128)))
  (func (export "write") (param v128) (global.set $mg (local.get 0))))
(invoke "write" (v128.const i32x4 5 6 7 8))
(assert_return (invoke $exporter "read") (v128.const i32x4 5 6 7 8))
