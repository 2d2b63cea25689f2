;; targets: x86_64 aarch64
;;
;; Float-to-int truncation: the trapping forms branch to
;; `invalid conversion` and `integer overflow` stubs; the saturating form
;; clamps instead.

(module
  (func (param f32) (result i32)
    (i32.trunc_f32_s (local.get 0)))
  (func (param f64) (result i64)
    (i64.trunc_f64_u (local.get 0)))
  (func (param f64) (result i32)
    (i32.trunc_sat_f64_s (local.get 0))))

;; ==== expected x86_64 ====
;; func 0 (param f32) (result i32): 103 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x10
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x61
;;   0x25    local.get 0                   [f32:local 0]
;;   0x27    i32.trunc_f32_s               [i32:ebx]
;;             001b  movss xmm0, [rbp+0x10]
;;             0021  ucomiss xmm0, xmm0
;;             0025  jp 0x65
;;             002b  mov eax, 0xcf000001
;;             0031  movq xmm15, rax
;;             0036  ucomiss xmm0, xmm15
;;             003a  jbe 0x63
;;             0040  mov eax, 0x4f000000
;;             0046  movq xmm15, rax
;;             004b  ucomiss xmm0, xmm15
;;             004f  jae 0x63
;;             0055  cvttss2si ebx, xmm0
;;   0x28    end                           (returned)
;;             005a  mov eax, ebx
;;             005c  mov rsp, rbp
;;             005f  pop rbp
;;             0060  ret
;;           out-of-line stubs
;;             0061  ud2  ; trap: call stack exhausted
;;             0063  ud2  ; trap: integer overflow
;;             0065  ud2  ; trap: invalid conversion to integer
;;
;; func 1 (param f64) (result i64): 158 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x10
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x98
;;   0x2b    local.get 0                   [f64:local 0]
;;   0x2d    i64.trunc_f64_u               [i64:rbx]
;;             001b  movsd xmm0, [rbp+0x10]
;;             0021  ucomisd xmm0, xmm0
;;             0026  jp 0x9c
;;             002c  mov rax, 0xbff0000000000000
;;             0036  movq xmm15, rax
;;             003b  ucomisd xmm0, xmm15
;;             0040  jbe 0x9a
;;             0046  mov rax, 0x43f0000000000000
;;             0050  movq xmm15, rax
;;             0055  ucomisd xmm0, xmm15
;;             005a  jae 0x9a
;;             0060  mov rax, 0x43e0000000000000
;;             006a  movq xmm15, rax
;;             006f  ucomisd xmm0, xmm15
;;             0074  jae 0x7d
;;             0076  cvttsd2si rbx, xmm0
;;             007b  jmp 0x90
;;             007d  movaps xmm14, xmm0
;;             0081  subsd xmm14, xmm15
;;             0086  cvttsd2si rbx, xmm14
;;             008b  btc rbx, 0x3f
;;   0x2e    end                           (returned)
;;             0090  mov rax, rbx
;;             0093  mov rsp, rbp
;;             0096  pop rbp
;;             0097  ret
;;           out-of-line stubs
;;             0098  ud2  ; trap: call stack exhausted
;;             009a  ud2  ; trap: integer overflow
;;             009c  ud2  ; trap: invalid conversion to integer
;;
;; func 2 (param f64) (result i32): 140 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x10
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x8a
;;   0x31    local.get 0                   [f64:local 0]
;;   0x33    i32.trunc_sat_f64_s           [i32:ebx]
;;             001b  movsd xmm0, [rbp+0x10]
;;             0021  ucomisd xmm0, xmm0
;;             0026  jp 0x6a
;;             002c  mov rax, 0xc1e0000000200000
;;             0036  movq xmm15, rax
;;             003b  ucomisd xmm0, xmm15
;;             0040  jbe 0x72
;;             0046  mov rax, 0x41e0000000000000
;;             0050  movq xmm15, rax
;;             0055  ucomisd xmm0, xmm15
;;             005a  jae 0x7d
;;             0060  cvttsd2si ebx, xmm0
;;             0065  jmp 0x83
;;             006a  xor ebx, ebx
;;             006d  jmp 0x83
;;             0072  mov ebx, 0x80000000
;;             0078  jmp 0x83
;;             007d  mov ebx, 0x7fffffff
;;   0x35    end                           (returned)
;;             0083  mov eax, ebx
;;             0085  mov rsp, rbp
;;             0088  pop rbp
;;             0089  ret
;;           out-of-line stubs
;;             008a  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 (param f32) (result i32): 112 bytes of aarch64
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
;;             0024  b.lo 0x64
;;   0x25    local.get 0                   [f32:local 0]
;;   0x27    i32.trunc_f32_s               [i32:w0]
;;             0028  ldr s0, [x29, #0x10]
;;             002c  fcmp s0, s0
;;             0030  b.vs 0x68
;;             0034  mov w17, #0xcf000000
;;             0038  fmov s31, w17
;;             003c  fcmp s0, s31
;;             0040  b.lt 0x6c
;;             0044  mov w17, #0x4f000000
;;             0048  fmov s31, w17
;;             004c  fcmp s0, s31
;;             0050  b.ge 0x6c
;;             0054  fcvtzs w0, s0
;;   0x28    end                           (returned)
;;             0058  mov sp, x29
;;             005c  ldp x29, x30, [sp], #0x10
;;             0060  ret
;;           out-of-line stubs
;;             0064  udf #0x0  ; trap: call stack exhausted
;;             0068  udf #0x0  ; trap: invalid conversion to integer
;;             006c  udf #0x0  ; trap: integer overflow
;;
;; func 1 (param f64) (result i64): 112 bytes of aarch64
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
;;             0024  b.lo 0x64
;;   0x2b    local.get 0                   [f64:local 0]
;;   0x2d    i64.trunc_f64_u               [i64:x0]
;;             0028  ldr d0, [x29, #0x10]
;;             002c  fcmp d0, d0
;;             0030  b.vs 0x68
;;             0034  mov x17, #0xbff0000000000000
;;             0038  fmov d31, x17
;;             003c  fcmp d0, d31
;;             0040  b.le 0x6c
;;             0044  mov x17, #0x43f0000000000000
;;             0048  fmov d31, x17
;;             004c  fcmp d0, d31
;;             0050  b.ge 0x6c
;;             0054  fcvtzu x0, d0
;;   0x2e    end                           (returned)
;;             0058  mov sp, x29
;;             005c  ldp x29, x30, [sp], #0x10
;;             0060  ret
;;           out-of-line stubs
;;             0064  udf #0x0  ; trap: call stack exhausted
;;             0068  udf #0x0  ; trap: invalid conversion to integer
;;             006c  udf #0x0  ; trap: integer overflow
;;
;; func 2 (param f64) (result i32): 64 bytes of aarch64
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
;;             0024  b.lo 0x3c
;;   0x31    local.get 0                   [f64:local 0]
;;   0x33    i32.trunc_sat_f64_s           [i32:w0]
;;             0028  ldr d0, [x29, #0x10]
;;             002c  fcvtzs w0, d0
;;   0x35    end                           (returned)
;;             0030  mov sp, x29
;;             0034  ldp x29, x30, [sp], #0x10
;;             0038  ret
;;           out-of-line stubs
;;             003c  udf #0x0  ; trap: call stack exhausted
