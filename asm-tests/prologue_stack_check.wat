;; targets: x86_64 aarch64
;;
;; Every prologue reserves the frame (its size patched in after the
;; body), compares the new stack pointer with the thread's stack limit and
;; branches to a `call stack exhausted` stub; declared locals are zeroed.

(module
  (func)
  (func (param i64) (result i64) (local i32 i64 f64)
    (local.get 0)))

;; ==== expected x86_64 ====
;; func 0: 34 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x10
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x20
;;   0x1d    end                           (returned)
;;             001b  mov rsp, rbp
;;             001e  pop rbp
;;             001f  ret
;;           out-of-line stubs
;;             0020  ud2  ; trap: call stack exhausted
;;
;; func 1 (param i64) (result i64): 52 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x32
;;             001b  xor eax, eax
;;             001d  mov [rbp-0x20], rax
;;             0021  mov [rbp-0x18], rax
;;             0025  mov [rbp-0x10], rax
;;   0x26    local.get 0                   [i64:local 0]
;;   0x28    end                           (returned)
;;             0029  mov rax, [rbp+0x10]
;;             002d  mov rsp, rbp
;;             0030  pop rbp
;;             0031  ret
;;           out-of-line stubs
;;             0032  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0: 56 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0x10
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0x34
;;   0x1d    end                           (returned)
;;             0028  mov sp, x29
;;             002c  ldp x29, x30, [sp], #0x10
;;             0030  ret
;;           out-of-line stubs
;;             0034  udf #0x0  ; trap: call stack exhausted
;;
;; func 1 (param i64) (result i64): 72 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0x30
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0x44
;;             0028  stur xzr, [x29, #-0x20]
;;             002c  stur xzr, [x29, #-0x18]
;;             0030  stur xzr, [x29, #-0x10]
;;   0x26    local.get 0                   [i64:local 0]
;;   0x28    end                           (returned)
;;             0034  ldr x0, [x29, #0x10]
;;             0038  mov sp, x29
;;             003c  ldp x29, x30, [sp], #0x10
;;             0040  ret
;;           out-of-line stubs
;;             0044  udf #0x0  ; trap: call stack exhausted
