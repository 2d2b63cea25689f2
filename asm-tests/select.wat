;; targets: x86_64 aarch64
;;
;; select: both values in registers, then a conditional move.

(module
  (func (param i32 i32 i32) (result i32)
    (select (local.get 0) (local.get 1) (local.get 2)))
  (func (param f64 f64 i32) (result f64)
    (select (local.get 0) (local.get 1) (local.get 2))))

;; ==== expected x86_64 ====
;; func 0 (param i32 i32 i32) (result i32): 51 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x31
;;   0x23    local.get 0                   [i32:local 0]
;;   0x25    local.get 1                   [i32:local 0, i32:local 1]
;;   0x27    local.get 2                   [i32:local 0, i32:local 1, i32:local 2]
;;   0x29    select                        [i32:edi]
;;             001b  mov ebx, [rbp+0x20]
;;             001e  mov esi, [rbp+0x18]
;;             0021  mov edi, [rbp+0x10]
;;             0024  test ebx, ebx
;;             0026  cmove edi, esi
;;   0x2a    end                           (returned)
;;             002a  mov eax, edi
;;             002c  mov rsp, rbp
;;             002f  pop rbp
;;             0030  ret
;;           out-of-line stubs
;;             0031  ud2  ; trap: call stack exhausted
;;
;; func 1 (param f64 f64 i32) (result f64): 59 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x39
;;   0x2d    local.get 0                   [f64:local 0]
;;   0x2f    local.get 1                   [f64:local 0, f64:local 1]
;;   0x31    local.get 2                   [f64:local 0, f64:local 1, i32:local 2]
;;   0x33    select                        [f64:xmm1]
;;             001b  mov ebx, [rbp+0x20]
;;             001e  movsd xmm0, [rbp+0x18]
;;             0023  movsd xmm1, [rbp+0x10]
;;             0028  test ebx, ebx
;;             002a  jne 0x30
;;             002c  movaps xmm1, xmm0
;;   0x34    end                           (returned)
;;             0030  movaps xmm0, xmm1
;;             0034  mov rsp, rbp
;;             0037  pop rbp
;;             0038  ret
;;           out-of-line stubs
;;             0039  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 (param i32 i32 i32) (result i32): 80 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0x20
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0x4c
;;   0x23    local.get 0                   [i32:local 0]
;;   0x25    local.get 1                   [i32:local 0, i32:local 1]
;;   0x27    local.get 2                   [i32:local 0, i32:local 1, i32:local 2]
;;   0x29    select                        [i32:w2]
;;             0028  ldr w0, [x29, #0x20]
;;             002c  ldr w1, [x29, #0x18]
;;             0030  ldr w2, [x29, #0x10]
;;             0034  cmp w0, #0x0
;;             0038  csel w2, w2, w1, ne
;;   0x2a    end                           (returned)
;;             003c  mov w0, w2
;;             0040  mov sp, x29
;;             0044  ldp x29, x30, [sp], #0x10
;;             0048  ret
;;           out-of-line stubs
;;             004c  udf #0x0  ; trap: call stack exhausted
;;
;; func 1 (param f64 f64 i32) (result f64): 80 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0x20
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0x4c
;;   0x2d    local.get 0                   [f64:local 0]
;;   0x2f    local.get 1                   [f64:local 0, f64:local 1]
;;   0x31    local.get 2                   [f64:local 0, f64:local 1, i32:local 2]
;;   0x33    select                        [f64:d1]
;;             0028  ldr w0, [x29, #0x20]
;;             002c  ldr d0, [x29, #0x18]
;;             0030  ldr d1, [x29, #0x10]
;;             0034  cmp w0, #0x0
;;             0038  fcsel d1, d1, d0, ne
;;   0x34    end                           (returned)
;;             003c  fmov d0, d1
;;             0040  mov sp, x29
;;             0044  ldp x29, x30, [sp], #0x10
;;             0048  ret
;;           out-of-line stubs
;;             004c  udf #0x0  ; trap: call stack exhausted
