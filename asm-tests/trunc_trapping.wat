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
;; func 0 (param f32) (result i32): 102 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x10
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x60
;;   0x25    local.get 0                   [f32:local 0]
;;   0x27    i32.trunc_f32_s               [i32:ebx]
;;             001b  movss xmm0, [rbp+0x10]
;;             0020  ucomiss xmm0, xmm0
;;             0024  jp 0x64
;;             002a  mov eax, 0xcf000001
;;             0030  movq xmm15, rax
;;             0035  ucomiss xmm0, xmm15
;;             0039  jbe 0x62
;;             003f  mov eax, 0x4f000000
;;             0045  movq xmm15, rax
;;             004a  ucomiss xmm0, xmm15
;;             004e  jae 0x62
;;             0054  cvttss2si ebx, xmm0
;;   0x28    end                           (returned)
;;             0059  mov eax, ebx
;;             005b  mov rsp, rbp
;;             005e  pop rbp
;;             005f  ret
;;           out-of-line stubs
;;             0060  ud2  ; trap: call stack exhausted
;;             0062  ud2  ; trap: integer overflow
;;             0064  ud2  ; trap: invalid conversion to integer
;;
;; func 1 (param f64) (result i64): 157 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x10
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x97
;;   0x2b    local.get 0                   [f64:local 0]
;;   0x2d    i64.trunc_f64_u               [i64:rbx]
;;             001b  movsd xmm0, [rbp+0x10]
;;             0020  ucomisd xmm0, xmm0
;;             0025  jp 0x9b
;;             002b  mov rax, 0xbff0000000000000
;;             0035  movq xmm15, rax
;;             003a  ucomisd xmm0, xmm15
;;             003f  jbe 0x99
;;             0045  mov rax, 0x43f0000000000000
;;             004f  movq xmm15, rax
;;             0054  ucomisd xmm0, xmm15
;;             0059  jae 0x99
;;             005f  mov rax, 0x43e0000000000000
;;             0069  movq xmm15, rax
;;             006e  ucomisd xmm0, xmm15
;;             0073  jae 0x7c
;;             0075  cvttsd2si rbx, xmm0
;;             007a  jmp 0x8f
;;             007c  movaps xmm14, xmm0
;;             0080  subsd xmm14, xmm15
;;             0085  cvttsd2si rbx, xmm14
;;             008a  btc rbx, 0x3f
;;   0x2e    end                           (returned)
;;             008f  mov rax, rbx
;;             0092  mov rsp, rbp
;;             0095  pop rbp
;;             0096  ret
;;           out-of-line stubs
;;             0097  ud2  ; trap: call stack exhausted
;;             0099  ud2  ; trap: integer overflow
;;             009b  ud2  ; trap: invalid conversion to integer
;;
;; func 2 (param f64) (result i32): 139 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x10
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x89
;;   0x31    local.get 0                   [f64:local 0]
;;   0x33    i32.trunc_sat_f64_s           [i32:ebx]
;;             001b  movsd xmm0, [rbp+0x10]
;;             0020  ucomisd xmm0, xmm0
;;             0025  jp 0x69
;;             002b  mov rax, 0xc1e0000000200000
;;             0035  movq xmm15, rax
;;             003a  ucomisd xmm0, xmm15
;;             003f  jbe 0x71
;;             0045  mov rax, 0x41e0000000000000
;;             004f  movq xmm15, rax
;;             0054  ucomisd xmm0, xmm15
;;             0059  jae 0x7c
;;             005f  cvttsd2si ebx, xmm0
;;             0064  jmp 0x82
;;             0069  xor ebx, ebx
;;             006c  jmp 0x82
;;             0071  mov ebx, 0x80000000
;;             0077  jmp 0x82
;;             007c  mov ebx, 0x7fffffff
;;   0x35    end                           (returned)
;;             0082  mov eax, ebx
;;             0084  mov rsp, rbp
;;             0087  pop rbp
;;             0088  ret
;;           out-of-line stubs
;;             0089  ud2  ; trap: call stack exhausted

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
