;; targets: x86_64 aarch64
;;
;; f32 binary operators, including wasm's NaN- and zero-sign-aware
;; min/max and copysign.

(module
  (func (param f32 f32) (result f32)
    (f32.add (local.get 0) (local.get 1))
    (f32.sub (local.get 1))
    (f32.mul (f32.const 2.5))
    (f32.div (local.get 1)))
  (func (param f32 f32) (result f32)
    (f32.min (local.get 0) (local.get 1)))
  (func (param f32 f32) (result f32)
    (f32.max (local.get 0) (local.get 1)))
  (func (param f32 f32) (result f32)
    (f32.copysign (local.get 0) (local.get 1))))

;; ==== expected x86_64 ====
;; func 0 (param f32 f32) (result f32): 89 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x57
;;   0x1d    local.get 0                   [f32:local 0]
;;   0x1f    local.get 1                   [f32:local 0, f32:local 1]
;;   0x21    f32.add                       [f32:xmm1]
;;             001b  movss xmm0, [rbp+0x18]
;;             0020  movss xmm1, [rbp+0x10]
;;             0025  addss xmm1, xmm0
;;   0x22    local.get 1                   [f32:xmm1, f32:local 1]
;;   0x24    f32.sub                       [f32:xmm1]
;;             002a  movss xmm0, [rbp+0x18]
;;             002f  subss xmm1, xmm0
;;   0x25    f32.const 0x1.4p+1 (;=2.5;)   [f32:xmm1, f32:const 2.5]
;;   0x2a    f32.mul                       [f32:xmm1]
;;             0034  mov eax, 0x40200000
;;             003a  movq xmm0, rax
;;             003f  mulss xmm1, xmm0
;;   0x2b    local.get 1                   [f32:xmm1, f32:local 1]
;;   0x2d    f32.div                       [f32:xmm1]
;;             0044  movss xmm0, [rbp+0x18]
;;             0049  divss xmm1, xmm0
;;   0x2e    end                           (returned)
;;             004e  movaps xmm0, xmm1
;;             0052  mov rsp, rbp
;;             0055  pop rbp
;;             0056  ret
;;           out-of-line stubs
;;             0057  ud2  ; trap: call stack exhausted
;;
;; func 1 (param f32 f32) (result f32): 74 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x48
;;   0x31    local.get 0                   [f32:local 0]
;;   0x33    local.get 1                   [f32:local 0, f32:local 1]
;;   0x35    f32.min                       [f32:xmm1]
;;             001b  movss xmm0, [rbp+0x18]
;;             0020  movss xmm1, [rbp+0x10]
;;             0025  ucomiss xmm1, xmm0
;;             0029  jp 0x33
;;             002b  jne 0x3a
;;             002d  orps xmm1, xmm0
;;             0031  jmp 0x3f
;;             0033  addss xmm1, xmm0
;;             0038  jmp 0x3f
;;             003a  minss xmm1, xmm0
;;   0x36    end                           (returned)
;;             003f  movaps xmm0, xmm1
;;             0043  mov rsp, rbp
;;             0046  pop rbp
;;             0047  ret
;;           out-of-line stubs
;;             0048  ud2  ; trap: call stack exhausted
;;
;; func 2 (param f32 f32) (result f32): 74 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x48
;;   0x39    local.get 0                   [f32:local 0]
;;   0x3b    local.get 1                   [f32:local 0, f32:local 1]
;;   0x3d    f32.max                       [f32:xmm1]
;;             001b  movss xmm0, [rbp+0x18]
;;             0020  movss xmm1, [rbp+0x10]
;;             0025  ucomiss xmm1, xmm0
;;             0029  jp 0x33
;;             002b  jne 0x3a
;;             002d  andps xmm1, xmm0
;;             0031  jmp 0x3f
;;             0033  addss xmm1, xmm0
;;             0038  jmp 0x3f
;;             003a  maxss xmm1, xmm0
;;   0x3e    end                           (returned)
;;             003f  movaps xmm0, xmm1
;;             0043  mov rsp, rbp
;;             0046  pop rbp
;;             0047  ret
;;           out-of-line stubs
;;             0048  ud2  ; trap: call stack exhausted
;;
;; func 3 (param f32 f32) (result f32): 79 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x4d
;;   0x41    local.get 0                   [f32:local 0]
;;   0x43    local.get 1                   [f32:local 0, f32:local 1]
;;   0x45    f32.copysign                  [f32:xmm1]
;;             001b  movss xmm0, [rbp+0x18]
;;             0020  movss xmm1, [rbp+0x10]
;;             0025  pcmpeqd xmm15, xmm15
;;             002a  pslld xmm15, 0x1f
;;             0030  movaps xmm14, xmm15
;;             0034  andps xmm14, xmm0
;;             0038  andnps xmm15, xmm1
;;             003c  orps xmm15, xmm14
;;             0040  movaps xmm1, xmm15
;;   0x46    end                           (returned)
;;             0044  movaps xmm0, xmm1
;;             0048  mov rsp, rbp
;;             004b  pop rbp
;;             004c  ret
;;           out-of-line stubs
;;             004d  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 (param f32 f32) (result f32): 100 bytes of aarch64
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
;;             0024  b.lo 0x60
;;   0x1d    local.get 0                   [f32:local 0]
;;   0x1f    local.get 1                   [f32:local 0, f32:local 1]
;;   0x21    f32.add                       [f32:s1]
;;             0028  ldr s0, [x29, #0x18]
;;             002c  ldr s1, [x29, #0x10]
;;             0030  fadd s1, s1, s0
;;   0x22    local.get 1                   [f32:s1, f32:local 1]
;;   0x24    f32.sub                       [f32:s1]
;;             0034  ldr s0, [x29, #0x18]
;;             0038  fsub s1, s1, s0
;;   0x25    f32.const 0x1.4p+1 (;=2.5;)   [f32:s1, f32:const 2.5]
;;   0x2a    f32.mul                       [f32:s1]
;;             003c  mov w17, #0x40200000
;;             0040  fmov s0, w17
;;             0044  fmul s1, s1, s0
;;   0x2b    local.get 1                   [f32:s1, f32:local 1]
;;   0x2d    f32.div                       [f32:s1]
;;             0048  ldr s0, [x29, #0x18]
;;             004c  fdiv s1, s1, s0
;;   0x2e    end                           (returned)
;;             0050  fmov d0, d1
;;             0054  mov sp, x29
;;             0058  ldp x29, x30, [sp], #0x10
;;             005c  ret
;;           out-of-line stubs
;;             0060  udf #0x0  ; trap: call stack exhausted
;;
;; func 1 (param f32 f32) (result f32): 72 bytes of aarch64
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
;;             0024  b.lo 0x44
;;   0x31    local.get 0                   [f32:local 0]
;;   0x33    local.get 1                   [f32:local 0, f32:local 1]
;;   0x35    f32.min                       [f32:s1]
;;             0028  ldr s0, [x29, #0x18]
;;             002c  ldr s1, [x29, #0x10]
;;             0030  fmin s1, s1, s0
;;   0x36    end                           (returned)
;;             0034  fmov d0, d1
;;             0038  mov sp, x29
;;             003c  ldp x29, x30, [sp], #0x10
;;             0040  ret
;;           out-of-line stubs
;;             0044  udf #0x0  ; trap: call stack exhausted
;;
;; func 2 (param f32 f32) (result f32): 72 bytes of aarch64
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
;;             0024  b.lo 0x44
;;   0x39    local.get 0                   [f32:local 0]
;;   0x3b    local.get 1                   [f32:local 0, f32:local 1]
;;   0x3d    f32.max                       [f32:s1]
;;             0028  ldr s0, [x29, #0x18]
;;             002c  ldr s1, [x29, #0x10]
;;             0030  fmax s1, s1, s0
;;   0x3e    end                           (returned)
;;             0034  fmov d0, d1
;;             0038  mov sp, x29
;;             003c  ldp x29, x30, [sp], #0x10
;;             0040  ret
;;           out-of-line stubs
;;             0044  udf #0x0  ; trap: call stack exhausted
;;
;; func 3 (param f32 f32) (result f32): 76 bytes of aarch64
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
;;   0x41    local.get 0                   [f32:local 0]
;;   0x43    local.get 1                   [f32:local 0, f32:local 1]
;;   0x45    f32.copysign                  [f32:s1]
;;             0028  ldr s0, [x29, #0x18]
;;             002c  ldr s1, [x29, #0x10]
;;             0030  movi v31.4s, #0x80, lsl #24
;;             0034  bit v1.8b, v0.8b, v31.8b
;;   0x46    end                           (returned)
;;             0038  fmov d0, d1
;;             003c  mov sp, x29
;;             0040  ldp x29, x30, [sp], #0x10
;;             0044  ret
;;           out-of-line stubs
;;             0048  udf #0x0  ; trap: call stack exhausted
