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
;; func 0 (param f32) (result i32): 111 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x10
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x69
;;   0x25    local.get 0                   [f32:local 0]
;;   0x27    i32.trunc_f32_s               [i32:ebx]
;;             001f  movss xmm0, [rbp+0x10]
;;             0028  ucomiss xmm0, xmm0
;;             002c  jp 0x6d
;;             0032  mov eax, 0xcf000001
;;             0038  movq xmm15, rax
;;             003d  ucomiss xmm0, xmm15
;;             0041  jbe 0x6b
;;             0047  mov eax, 0x4f000000
;;             004d  movq xmm15, rax
;;             0052  ucomiss xmm0, xmm15
;;             0056  jae 0x6b
;;             005c  cvttss2si ebx, xmm0
;;   0x28    end                           (returned)
;;             0061  mov eax, ebx
;;             0064  mov rsp, rbp
;;             0067  pop rbp
;;             0068  ret
;;           out-of-line stubs
;;             0069  ud2  ; trap: call stack exhausted
;;             006b  ud2  ; trap: integer overflow
;;             006d  ud2  ; trap: invalid conversion to integer
;;
;; func 1 (param f64) (result i64): 165 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x10
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x9f
;;   0x2b    local.get 0                   [f64:local 0]
;;   0x2d    i64.trunc_f64_u               [i64:rbx]
;;             001f  movsd xmm0, [rbp+0x10]
;;             0028  ucomisd xmm0, xmm0
;;             002d  jp 0xa3
;;             0033  mov rax, 0xbff0000000000000
;;             003d  movq xmm15, rax
;;             0042  ucomisd xmm0, xmm15
;;             0047  jbe 0xa1
;;             004d  mov rax, 0x43f0000000000000
;;             0057  movq xmm15, rax
;;             005c  ucomisd xmm0, xmm15
;;             0061  jae 0xa1
;;             0067  mov rax, 0x43e0000000000000
;;             0071  movq xmm15, rax
;;             0076  ucomisd xmm0, xmm15
;;             007b  jae 0x84
;;             007d  cvttsd2si rbx, xmm0
;;             0082  jmp 0x97
;;             0084  movaps xmm14, xmm0
;;             0088  subsd xmm14, xmm15
;;             008d  cvttsd2si rbx, xmm14
;;             0092  btc rbx, 0x3f
;;   0x2e    end                           (returned)
;;             0097  mov rax, rbx
;;             009a  mov rsp, rbp
;;             009d  pop rbp
;;             009e  ret
;;           out-of-line stubs
;;             009f  ud2  ; trap: call stack exhausted
;;             00a1  ud2  ; trap: integer overflow
;;             00a3  ud2  ; trap: invalid conversion to integer
;;
;; func 2 (param f64) (result i32): 148 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x10
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x92
;;   0x31    local.get 0                   [f64:local 0]
;;   0x33    i32.trunc_sat_f64_s           [i32:ebx]
;;             001f  movsd xmm0, [rbp+0x10]
;;             0028  ucomisd xmm0, xmm0
;;             002d  jp 0x71
;;             0033  mov rax, 0xc1e0000000200000
;;             003d  movq xmm15, rax
;;             0042  ucomisd xmm0, xmm15
;;             0047  jbe 0x79
;;             004d  mov rax, 0x41e0000000000000
;;             0057  movq xmm15, rax
;;             005c  ucomisd xmm0, xmm15
;;             0061  jae 0x84
;;             0067  cvttsd2si ebx, xmm0
;;             006c  jmp 0x8a
;;             0071  xor ebx, ebx
;;             0074  jmp 0x8a
;;             0079  mov ebx, 0x80000000
;;             007f  jmp 0x8a
;;             0084  mov ebx, 0x7fffffff
;;   0x35    end                           (returned)
;;             008a  mov eax, ebx
;;             008d  mov rsp, rbp
;;             0090  pop rbp
;;             0091  ret
;;           out-of-line stubs
;;             0092  ud2  ; trap: call stack exhausted

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
