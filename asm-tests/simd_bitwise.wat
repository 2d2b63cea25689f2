;; targets: x86_64 x86_64:min aarch64
;;
;; The whole-vector bitwise operators (not, and, andnot, or, xor),
;; bitselect (each result bit from the first operand where the mask bit
;; is 1, else from the second) and any_true (is any bit set).

(module
  (func $logic (param v128 v128) (result v128)
    (v128.and (local.get 0) (local.get 1))
    (v128.andnot (local.get 1))
    (v128.or (local.get 0))
    (v128.xor (local.get 1))
    (v128.not))
  (func $bitselect (param v128 v128 v128) (result v128)
    (v128.bitselect (local.get 0) (local.get 1) (local.get 2)))
  (func $any_true (param v128) (result i32)
    (v128.any_true (local.get 0))))

;; ==== expected x86_64 ====
;; func 0 $logic (param v128 v128) (result v128): 93 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x5b
;;   0x28    local.get 0                   [v128:local 0]
;;   0x2a    local.get 1                   [v128:local 0, v128:local 1]
;;   0x2c    v128.and                      [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  vpand xmm1, xmm1, xmm0
;;   0x2e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x30    v128.andnot                   [v128:xmm1]
;;             002a  movdqu xmm0, [rbp+0x20]
;;             002f  vpandn xmm1, xmm0, xmm1
;;   0x32    local.get 0                   [v128:xmm1, v128:local 0]
;;   0x34    v128.or                       [v128:xmm1]
;;             0034  movdqu xmm0, [rbp+0x10]
;;             0039  vpor xmm1, xmm1, xmm0
;;   0x36    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x38    v128.xor                      [v128:xmm1]
;;             003e  movdqu xmm0, [rbp+0x20]
;;             0043  vpxor xmm1, xmm1, xmm0
;;   0x3a    v128.not                      [v128:xmm1]
;;             0048  pcmpeqd xmm15, xmm15
;;             004d  vpxor xmm1, xmm1, xmm15
;;   0x3c    end                           (returned)
;;             0052  movaps xmm0, xmm1
;;             0056  mov rsp, rbp
;;             0059  pop rbp
;;             005a  ret
;;           out-of-line stubs
;;             005b  ud2  ; trap: call stack exhausted
;;
;; func 1 $bitselect (param v128 v128 v128) (result v128): 68 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x40
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x42
;;   0x3f    local.get 0                   [v128:local 0]
;;   0x41    local.get 1                   [v128:local 0, v128:local 1]
;;   0x43    local.get 2                   [v128:local 0, v128:local 1, v128:local 2]
;;   0x45    v128.bitselect                [v128:xmm2]
;;             001b  movdqu xmm0, [rbp+0x30]
;;             0020  movdqu xmm1, [rbp+0x20]
;;             0025  movdqu xmm2, [rbp+0x10]
;;             002a  vpandn xmm15, xmm0, xmm1
;;             002f  vpand xmm2, xmm2, xmm0
;;             0034  vpor xmm2, xmm2, xmm15
;;   0x47    end                           (returned)
;;             0039  movaps xmm0, xmm2
;;             003d  mov rsp, rbp
;;             0040  pop rbp
;;             0041  ret
;;           out-of-line stubs
;;             0042  ud2  ; trap: call stack exhausted
;;
;; func 2 $any_true (param v128) (result i32): 54 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x34
;;   0x4a    local.get 0                   [v128:local 0]
;;   0x4c    v128.any_true                 [i32:ebx]
;;             001b  movdqu xmm0, [rbp+0x10]
;;             0020  ptest xmm0, xmm0
;;             0026  setne al
;;             0029  movzx ebx, al
;;   0x4e    end                           (returned)
;;             002d  mov eax, ebx
;;             002f  mov rsp, rbp
;;             0032  pop rbp
;;             0033  ret
;;           out-of-line stubs
;;             0034  ud2  ; trap: call stack exhausted

;; ==== expected x86_64:min ====
;; func 0 $logic (param v128 v128) (result v128): 101 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x63
;;   0x28    local.get 0                   [v128:local 0]
;;   0x2a    local.get 1                   [v128:local 0, v128:local 1]
;;   0x2c    v128.and                      [v128:xmm1]
;;             001b  movdqu xmm0, [rbp+0x20]
;;             0020  movdqu xmm1, [rbp+0x10]
;;             0025  pand xmm1, xmm0
;;   0x2e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x30    v128.andnot                   [v128:xmm1]
;;             002a  movdqu xmm0, [rbp+0x20]
;;             002f  movaps xmm15, xmm0
;;             0033  pandn xmm15, xmm1
;;             0038  movaps xmm1, xmm15
;;   0x32    local.get 0                   [v128:xmm1, v128:local 0]
;;   0x34    v128.or                       [v128:xmm1]
;;             003c  movdqu xmm0, [rbp+0x10]
;;             0041  por xmm1, xmm0
;;   0x36    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x38    v128.xor                      [v128:xmm1]
;;             0046  movdqu xmm0, [rbp+0x20]
;;             004b  pxor xmm1, xmm0
;;   0x3a    v128.not                      [v128:xmm1]
;;             0050  pcmpeqd xmm15, xmm15
;;             0055  pxor xmm1, xmm15
;;   0x3c    end                           (returned)
;;             005a  movaps xmm0, xmm1
;;             005e  mov rsp, rbp
;;             0061  pop rbp
;;             0062  ret
;;           out-of-line stubs
;;             0063  ud2  ; trap: call stack exhausted
;;
;; func 1 $bitselect (param v128 v128 v128) (result v128): 72 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x40
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x46
;;   0x3f    local.get 0                   [v128:local 0]
;;   0x41    local.get 1                   [v128:local 0, v128:local 1]
;;   0x43    local.get 2                   [v128:local 0, v128:local 1, v128:local 2]
;;   0x45    v128.bitselect                [v128:xmm2]
;;             001b  movdqu xmm0, [rbp+0x30]
;;             0020  movdqu xmm1, [rbp+0x20]
;;             0025  movdqu xmm2, [rbp+0x10]
;;             002a  movaps xmm15, xmm0
;;             002e  pandn xmm15, xmm1
;;             0033  pand xmm2, xmm0
;;             0038  por xmm2, xmm15
;;   0x47    end                           (returned)
;;             003d  movaps xmm0, xmm2
;;             0041  mov rsp, rbp
;;             0044  pop rbp
;;             0045  ret
;;           out-of-line stubs
;;             0046  ud2  ; trap: call stack exhausted
;;
;; func 2 $any_true (param v128) (result i32): 54 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x34
;;   0x4a    local.get 0                   [v128:local 0]
;;   0x4c    v128.any_true                 [i32:ebx]
;;             001b  movdqu xmm0, [rbp+0x10]
;;             0020  ptest xmm0, xmm0
;;             0026  setne al
;;             0029  movzx ebx, al
;;   0x4e    end                           (returned)
;;             002d  mov eax, ebx
;;             002f  mov rsp, rbp
;;             0032  pop rbp
;;             0033  ret
;;           out-of-line stubs
;;             0034  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 $logic (param v128 v128) (result v128): 100 bytes of aarch64
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
;;             0024  b.lo 0x60
;;   0x28    local.get 0                   [v128:local 0]
;;   0x2a    local.get 1                   [v128:local 0, v128:local 1]
;;   0x2c    v128.and                      [v128:q1]
;;             0028  ldr q0, [x29, #0x20]
;;             002c  ldr q1, [x29, #0x10]
;;             0030  and v1.16b, v1.16b, v0.16b
;;   0x2e    local.get 1                   [v128:q1, v128:local 1]
;;   0x30    v128.andnot                   [v128:q1]
;;             0034  ldr q0, [x29, #0x20]
;;             0038  bic v1.16b, v1.16b, v0.16b
;;   0x32    local.get 0                   [v128:q1, v128:local 0]
;;   0x34    v128.or                       [v128:q1]
;;             003c  ldr q0, [x29, #0x10]
;;             0040  orr v1.16b, v1.16b, v0.16b
;;   0x36    local.get 1                   [v128:q1, v128:local 1]
;;   0x38    v128.xor                      [v128:q1]
;;             0044  ldr q0, [x29, #0x20]
;;             0048  eor v1.16b, v1.16b, v0.16b
;;   0x3a    v128.not                      [v128:q1]
;;             004c  mvn v1.16b, v1.16b
;;   0x3c    end                           (returned)
;;             0050  mov v0.16b, v1.16b
;;             0054  mov sp, x29
;;             0058  ldp x29, x30, [sp], #0x10
;;             005c  ret
;;           out-of-line stubs
;;             0060  udf #0x0  ; trap: call stack exhausted
;;
;; func 1 $bitselect (param v128 v128 v128) (result v128): 76 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0x40
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0x48
;;   0x3f    local.get 0                   [v128:local 0]
;;   0x41    local.get 1                   [v128:local 0, v128:local 1]
;;   0x43    local.get 2                   [v128:local 0, v128:local 1, v128:local 2]
;;   0x45    v128.bitselect                [v128:q2]
;;             0028  ldr q0, [x29, #0x30]
;;             002c  ldr q1, [x29, #0x20]
;;             0030  ldr q2, [x29, #0x10]
;;             0034  bif v2.16b, v1.16b, v0.16b
;;   0x47    end                           (returned)
;;             0038  mov v0.16b, v2.16b
;;             003c  mov sp, x29
;;             0040  ldp x29, x30, [sp], #0x10
;;             0044  ret
;;           out-of-line stubs
;;             0048  udf #0x0  ; trap: call stack exhausted
;;
;; func 2 $any_true (param v128) (result i32): 76 bytes of aarch64
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
;;             0024  b.lo 0x48
;;   0x4a    local.get 0                   [v128:local 0]
;;   0x4c    v128.any_true                 [i32:w0]
;;             0028  ldr q0, [x29, #0x10]
;;             002c  umaxp v31.4s, v0.4s, v0.4s
;;             0030  fmov x16, d31
;;             0034  cmp x16, #0x0
;;             0038  cset w0, ne
;;   0x4e    end                           (returned)
;;             003c  mov sp, x29
;;             0040  ldp x29, x30, [sp], #0x10
;;             0044  ret
;;           out-of-line stubs
;;             0048  udf #0x0  ; trap: call stack exhausted
