;; targets: x86_64 aarch64
;;
;; Float unary operators: abs/neg are bit operations, the roundings
;; use the ISA's rounding instructions.

(module
  (func (param f32) (result f32)
    (f32.abs (local.get 0))
    (f32.neg)
    (f32.sqrt)
    (f32.ceil)
    (f32.floor)
    (f32.trunc)
    (f32.nearest))
  (func (param f64) (result f64)
    (f64.abs (local.get 0))
    (f64.neg)
    (f64.sqrt)
    (f64.ceil)
    (f64.floor)
    (f64.trunc)
    (f64.nearest)))

;; ==== expected x86_64 ====
;; func 0 (param f32) (result f32): 102 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x10
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x64
;;   0x1f    local.get 0                   [f32:local 0]
;;   0x21    f32.abs                       [f32:xmm0]
;;             001b  movss xmm0, [rbp+0x10]
;;             0020  pcmpeqd xmm15, xmm15
;;             0025  psrld xmm15, 1
;;             002b  andps xmm0, xmm15
;;   0x22    f32.neg                       [f32:xmm0]
;;             002f  pcmpeqd xmm15, xmm15
;;             0034  pslld xmm15, 0x1f
;;             003a  xorps xmm0, xmm15
;;   0x23    f32.sqrt                      [f32:xmm0]
;;             003e  sqrtss xmm0, xmm0
;;   0x24    f32.ceil                      [f32:xmm0]
;;             0043  roundss xmm0, xmm0, 2
;;   0x25    f32.floor                     [f32:xmm0]
;;             004a  roundss xmm0, xmm0, 1
;;   0x26    f32.trunc                     [f32:xmm0]
;;             0051  roundss xmm0, xmm0, 3
;;   0x27    f32.nearest                   [f32:xmm0]
;;             0058  roundss xmm0, xmm0, 0
;;   0x28    end                           (returned)
;;             005f  mov rsp, rbp
;;             0062  pop rbp
;;             0063  ret
;;           out-of-line stubs
;;             0064  ud2  ; trap: call stack exhausted
;;
;; func 1 (param f64) (result f64): 102 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x10
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x64
;;   0x2b    local.get 0                   [f64:local 0]
;;   0x2d    f64.abs                       [f64:xmm0]
;;             001b  movsd xmm0, [rbp+0x10]
;;             0020  pcmpeqd xmm15, xmm15
;;             0025  psrlq xmm15, 1
;;             002b  andps xmm0, xmm15
;;   0x2e    f64.neg                       [f64:xmm0]
;;             002f  pcmpeqd xmm15, xmm15
;;             0034  psllq xmm15, 0x3f
;;             003a  xorps xmm0, xmm15
;;   0x2f    f64.sqrt                      [f64:xmm0]
;;             003e  sqrtsd xmm0, xmm0
;;   0x30    f64.ceil                      [f64:xmm0]
;;             0043  roundsd xmm0, xmm0, 2
;;   0x31    f64.floor                     [f64:xmm0]
;;             004a  roundsd xmm0, xmm0, 1
;;   0x32    f64.trunc                     [f64:xmm0]
;;             0051  roundsd xmm0, xmm0, 3
;;   0x33    f64.nearest                   [f64:xmm0]
;;             0058  roundsd xmm0, xmm0, 0
;;   0x34    end                           (returned)
;;             005f  mov rsp, rbp
;;             0062  pop rbp
;;             0063  ret
;;           out-of-line stubs
;;             0064  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 (param f32) (result f32): 88 bytes of aarch64
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
;;             0024  b.lo 0x54
;;   0x1f    local.get 0                   [f32:local 0]
;;   0x21    f32.abs                       [f32:s0]
;;             0028  ldr s0, [x29, #0x10]
;;             002c  fabs s0, s0
;;   0x22    f32.neg                       [f32:s0]
;;             0030  fneg s0, s0
;;   0x23    f32.sqrt                      [f32:s0]
;;             0034  fsqrt s0, s0
;;   0x24    f32.ceil                      [f32:s0]
;;             0038  frintp s0, s0
;;   0x25    f32.floor                     [f32:s0]
;;             003c  frintm s0, s0
;;   0x26    f32.trunc                     [f32:s0]
;;             0040  frintz s0, s0
;;   0x27    f32.nearest                   [f32:s0]
;;             0044  frintn s0, s0
;;   0x28    end                           (returned)
;;             0048  mov sp, x29
;;             004c  ldp x29, x30, [sp], #0x10
;;             0050  ret
;;           out-of-line stubs
;;             0054  udf #0x0  ; trap: call stack exhausted
;;
;; func 1 (param f64) (result f64): 88 bytes of aarch64
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
;;             0024  b.lo 0x54
;;   0x2b    local.get 0                   [f64:local 0]
;;   0x2d    f64.abs                       [f64:d0]
;;             0028  ldr d0, [x29, #0x10]
;;             002c  fabs d0, d0
;;   0x2e    f64.neg                       [f64:d0]
;;             0030  fneg d0, d0
;;   0x2f    f64.sqrt                      [f64:d0]
;;             0034  fsqrt d0, d0
;;   0x30    f64.ceil                      [f64:d0]
;;             0038  frintp d0, d0
;;   0x31    f64.floor                     [f64:d0]
;;             003c  frintm d0, d0
;;   0x32    f64.trunc                     [f64:d0]
;;             0040  frintz d0, d0
;;   0x33    f64.nearest                   [f64:d0]
;;             0044  frintn d0, d0
;;   0x34    end                           (returned)
;;             0048  mov sp, x29
;;             004c  ldp x29, x30, [sp], #0x10
;;             0050  ret
;;           out-of-line stubs
;;             0054  udf #0x0  ; trap: call stack exhausted
