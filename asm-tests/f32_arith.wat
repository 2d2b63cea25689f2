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
;; func 0 (param f32 f32) (result f32): 93 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x5b
;;   0x1d    local.get 0                   [f32:local 0]
;;   0x1f    local.get 1                   [f32:local 0, f32:local 1]
;;   0x21    f32.add                       [f32:xmm1]
;;             001b  movss xmm0, [rbp+0x18]
;;             0021  movss xmm1, [rbp+0x10]
;;             0027  addss xmm1, xmm0
;;   0x22    local.get 1                   [f32:xmm1, f32:local 1]
;;   0x24    f32.sub                       [f32:xmm1]
;;             002c  movss xmm0, [rbp+0x18]
;;             0032  subss xmm1, xmm0
;;   0x25    f32.const 0x1.4p+1 (;=2.5;)   [f32:xmm1, f32:const 2.5]
;;   0x2a    f32.mul                       [f32:xmm1]
;;             0037  mov eax, 0x40200000
;;             003d  movq xmm0, rax
;;             0042  mulss xmm1, xmm0
;;   0x2b    local.get 1                   [f32:xmm1, f32:local 1]
;;   0x2d    f32.div                       [f32:xmm1]
;;             0047  movss xmm0, [rbp+0x18]
;;             004d  divss xmm1, xmm0
;;   0x2e    end                           (returned)
;;             0052  movaps xmm0, xmm1
;;             0056  mov rsp, rbp
;;             0059  pop rbp
;;             005a  ret
;;           out-of-line stubs
;;             005b  ud2  ; trap: call stack exhausted
;;
;; func 1 (param f32 f32) (result f32): 76 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x4a
;;   0x31    local.get 0                   [f32:local 0]
;;   0x33    local.get 1                   [f32:local 0, f32:local 1]
;;   0x35    f32.min                       [f32:xmm1]
;;             001b  movss xmm0, [rbp+0x18]
;;             0021  movss xmm1, [rbp+0x10]
;;             0027  ucomiss xmm1, xmm0
;;             002b  jp 0x35
;;             002d  jne 0x3c
;;             002f  orps xmm1, xmm0
;;             0033  jmp 0x41
;;             0035  addss xmm1, xmm0
;;             003a  jmp 0x41
;;             003c  minss xmm1, xmm0
;;   0x36    end                           (returned)
;;             0041  movaps xmm0, xmm1
;;             0045  mov rsp, rbp
;;             0048  pop rbp
;;             0049  ret
;;           out-of-line stubs
;;             004a  ud2  ; trap: call stack exhausted
;;
;; func 2 (param f32 f32) (result f32): 76 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x4a
;;   0x39    local.get 0                   [f32:local 0]
;;   0x3b    local.get 1                   [f32:local 0, f32:local 1]
;;   0x3d    f32.max                       [f32:xmm1]
;;             001b  movss xmm0, [rbp+0x18]
;;             0021  movss xmm1, [rbp+0x10]
;;             0027  ucomiss xmm1, xmm0
;;             002b  jp 0x35
;;             002d  jne 0x3c
;;             002f  andps xmm1, xmm0
;;             0033  jmp 0x41
;;             0035  addss xmm1, xmm0
;;             003a  jmp 0x41
;;             003c  maxss xmm1, xmm0
;;   0x3e    end                           (returned)
;;             0041  movaps xmm0, xmm1
;;             0045  mov rsp, rbp
;;             0048  pop rbp
;;             0049  ret
;;           out-of-line stubs
;;             004a  ud2  ; trap: call stack exhausted
;;
;; func 3 (param f32 f32) (result f32): 81 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x4f
;;   0x41    local.get 0                   [f32:local 0]
;;   0x43    local.get 1                   [f32:local 0, f32:local 1]
;;   0x45    f32.copysign                  [f32:xmm1]
;;             001b  movss xmm0, [rbp+0x18]
;;             0021  movss xmm1, [rbp+0x10]
;;             0027  pcmpeqd xmm15, xmm15
;;             002c  pslld xmm15, 0x1f
;;             0032  movaps xmm14, xmm15
;;             0036  andps xmm14, xmm0
;;             003a  andnps xmm15, xmm1
;;             003e  orps xmm15, xmm14
;;             0042  movaps xmm1, xmm15
;;   0x46    end                           (returned)
;;             0046  movaps xmm0, xmm1
;;             004a  mov rsp, rbp
;;             004d  pop rbp
;;             004e  ret
;;           out-of-line stubs
;;             004f  ud2  ; trap: call stack exhausted

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
