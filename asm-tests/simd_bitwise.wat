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
;; func 0 $logic (param v128 v128) (result v128): 117 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x73
;;   0x28    local.get 0                   [v128:local 0]
;;   0x2a    local.get 1                   [v128:local 0, v128:local 1]
;;   0x2c    v128.and                      [v128:xmm1]
;;             001f  movdqu xmm0, [rbp+0x20]
;;             0028  movdqu xmm1, [rbp+0x10]
;;             0031  vpand xmm1, xmm1, xmm0
;;   0x2e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x30    v128.andnot                   [v128:xmm1]
;;             0036  movdqu xmm0, [rbp+0x20]
;;             003f  vpandn xmm1, xmm0, xmm1
;;   0x32    local.get 0                   [v128:xmm1, v128:local 0]
;;   0x34    v128.or                       [v128:xmm1]
;;             0044  movdqu xmm0, [rbp+0x10]
;;             004d  vpor xmm1, xmm1, xmm0
;;   0x36    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x38    v128.xor                      [v128:xmm1]
;;             0052  movdqu xmm0, [rbp+0x20]
;;             005b  vpxor xmm1, xmm1, xmm0
;;   0x3a    v128.not                      [v128:xmm1]
;;             0060  pcmpeqd xmm15, xmm15
;;             0065  vpxor xmm1, xmm1, xmm15
;;   0x3c    end                           (returned)
;;             006a  movaps xmm0, xmm1
;;             006e  mov rsp, rbp
;;             0071  pop rbp
;;             0072  ret
;;           out-of-line stubs
;;             0073  ud2  ; trap: call stack exhausted
;;
;; func 1 $bitselect (param v128 v128 v128) (result v128): 84 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x40
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x52
;;   0x3f    local.get 0                   [v128:local 0]
;;   0x41    local.get 1                   [v128:local 0, v128:local 1]
;;   0x43    local.get 2                   [v128:local 0, v128:local 1, v128:local 2]
;;   0x45    v128.bitselect                [v128:xmm2]
;;             001f  movdqu xmm0, [rbp+0x30]
;;             0028  movdqu xmm1, [rbp+0x20]
;;             0031  movdqu xmm2, [rbp+0x10]
;;             003a  vpandn xmm15, xmm0, xmm1
;;             003f  vpand xmm2, xmm2, xmm0
;;             0044  vpor xmm2, xmm2, xmm15
;;   0x47    end                           (returned)
;;             0049  movaps xmm0, xmm2
;;             004d  mov rsp, rbp
;;             0050  pop rbp
;;             0051  ret
;;           out-of-line stubs
;;             0052  ud2  ; trap: call stack exhausted
;;
;; func 2 $any_true (param v128) (result i32): 63 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x3d
;;   0x4a    local.get 0                   [v128:local 0]
;;   0x4c    v128.any_true                 [i32:ebx]
;;             001f  movdqu xmm0, [rbp+0x10]
;;             0028  ptest xmm0, xmm0
;;             002e  setne al
;;             0031  movzx ebx, al
;;   0x4e    end                           (returned)
;;             0035  mov eax, ebx
;;             0038  mov rsp, rbp
;;             003b  pop rbp
;;             003c  ret
;;           out-of-line stubs
;;             003d  ud2  ; trap: call stack exhausted

;; ==== expected x86_64:min ====
;; func 0 $logic (param v128 v128) (result v128): 125 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x7b
;;   0x28    local.get 0                   [v128:local 0]
;;   0x2a    local.get 1                   [v128:local 0, v128:local 1]
;;   0x2c    v128.and                      [v128:xmm1]
;;             001f  movdqu xmm0, [rbp+0x20]
;;             0028  movdqu xmm1, [rbp+0x10]
;;             0031  pand xmm1, xmm0
;;   0x2e    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x30    v128.andnot                   [v128:xmm1]
;;             0036  movdqu xmm0, [rbp+0x20]
;;             003f  movaps xmm15, xmm0
;;             0043  pandn xmm15, xmm1
;;             0048  movaps xmm1, xmm15
;;   0x32    local.get 0                   [v128:xmm1, v128:local 0]
;;   0x34    v128.or                       [v128:xmm1]
;;             004c  movdqu xmm0, [rbp+0x10]
;;             0055  por xmm1, xmm0
;;   0x36    local.get 1                   [v128:xmm1, v128:local 1]
;;   0x38    v128.xor                      [v128:xmm1]
;;             005a  movdqu xmm0, [rbp+0x20]
;;             0063  pxor xmm1, xmm0
;;   0x3a    v128.not                      [v128:xmm1]
;;             0068  pcmpeqd xmm15, xmm15
;;             006d  pxor xmm1, xmm15
;;   0x3c    end                           (returned)
;;             0072  movaps xmm0, xmm1
;;             0076  mov rsp, rbp
;;             0079  pop rbp
;;             007a  ret
;;           out-of-line stubs
;;             007b  ud2  ; trap: call stack exhausted
;;
;; func 1 $bitselect (param v128 v128 v128) (result v128): 88 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x40
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x56
;;   0x3f    local.get 0                   [v128:local 0]
;;   0x41    local.get 1                   [v128:local 0, v128:local 1]
;;   0x43    local.get 2                   [v128:local 0, v128:local 1, v128:local 2]
;;   0x45    v128.bitselect                [v128:xmm2]
;;             001f  movdqu xmm0, [rbp+0x30]
;;             0028  movdqu xmm1, [rbp+0x20]
;;             0031  movdqu xmm2, [rbp+0x10]
;;             003a  movaps xmm15, xmm0
;;             003e  pandn xmm15, xmm1
;;             0043  pand xmm2, xmm0
;;             0048  por xmm2, xmm15
;;   0x47    end                           (returned)
;;             004d  movaps xmm0, xmm2
;;             0051  mov rsp, rbp
;;             0054  pop rbp
;;             0055  ret
;;           out-of-line stubs
;;             0056  ud2  ; trap: call stack exhausted
;;
;; func 2 $any_true (param v128) (result i32): 63 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x3d
;;   0x4a    local.get 0                   [v128:local 0]
;;   0x4c    v128.any_true                 [i32:ebx]
;;             001f  movdqu xmm0, [rbp+0x10]
;;             0028  ptest xmm0, xmm0
;;             002e  setne al
;;             0031  movzx ebx, al
;;   0x4e    end                           (returned)
;;             0035  mov eax, ebx
;;             0038  mov rsp, rbp
;;             003b  pop rbp
;;             003c  ret
;;           out-of-line stubs
;;             003d  ud2  ; trap: call stack exhausted

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
