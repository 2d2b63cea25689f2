;; targets: x86_64 aarch64
;;
;; f64 binary operators; float constants are materialized through an
;; integer scratch register.

(module
  (func (param f64 f64) (result f64)
    (f64.add (local.get 0) (f64.const 1.5))
    (f64.sub (local.get 1))
    (f64.mul (local.get 1))
    (f64.div (local.get 1)))
  (func (param f64 f64) (result f64)
    (f64.min (local.get 0) (local.get 1)))
  (func (param f64 f64) (result f64)
    (f64.max (local.get 0) (local.get 1)))
  (func (param f64 f64) (result f64)
    (f64.copysign (local.get 0) (local.get 1))))

;; ==== expected x86_64 ====
;; func 0 (param f64 f64) (result f64): 93 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x5b
;;   0x1d    local.get 0                   [f64:local 0]
;;   0x1f    f64.const 0x1.8p+0 (;=1.5;)   [f64:local 0, f64:const 1.5]
;;   0x28    f64.add                       [f64:xmm1]
;;             001b  mov rax, 0x3ff8000000000000
;;             0025  movq xmm0, rax
;;             002a  movsd xmm1, [rbp+0x10]
;;             002f  addsd xmm1, xmm0
;;   0x29    local.get 1                   [f64:xmm1, f64:local 1]
;;   0x2b    f64.sub                       [f64:xmm1]
;;             0034  movsd xmm0, [rbp+0x18]
;;             0039  subsd xmm1, xmm0
;;   0x2c    local.get 1                   [f64:xmm1, f64:local 1]
;;   0x2e    f64.mul                       [f64:xmm1]
;;             003e  movsd xmm0, [rbp+0x18]
;;             0043  mulsd xmm1, xmm0
;;   0x2f    local.get 1                   [f64:xmm1, f64:local 1]
;;   0x31    f64.div                       [f64:xmm1]
;;             0048  movsd xmm0, [rbp+0x18]
;;             004d  divsd xmm1, xmm0
;;   0x32    end                           (returned)
;;             0052  movaps xmm0, xmm1
;;             0056  mov rsp, rbp
;;             0059  pop rbp
;;             005a  ret
;;           out-of-line stubs
;;             005b  ud2  ; trap: call stack exhausted
;;
;; func 1 (param f64 f64) (result f64): 75 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x49
;;   0x35    local.get 0                   [f64:local 0]
;;   0x37    local.get 1                   [f64:local 0, f64:local 1]
;;   0x39    f64.min                       [f64:xmm1]
;;             001b  movsd xmm0, [rbp+0x18]
;;             0020  movsd xmm1, [rbp+0x10]
;;             0025  ucomisd xmm1, xmm0
;;             002a  jp 0x34
;;             002c  jne 0x3b
;;             002e  orps xmm1, xmm0
;;             0032  jmp 0x40
;;             0034  addsd xmm1, xmm0
;;             0039  jmp 0x40
;;             003b  minsd xmm1, xmm0
;;   0x3a    end                           (returned)
;;             0040  movaps xmm0, xmm1
;;             0044  mov rsp, rbp
;;             0047  pop rbp
;;             0048  ret
;;           out-of-line stubs
;;             0049  ud2  ; trap: call stack exhausted
;;
;; func 2 (param f64 f64) (result f64): 75 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x49
;;   0x3d    local.get 0                   [f64:local 0]
;;   0x3f    local.get 1                   [f64:local 0, f64:local 1]
;;   0x41    f64.max                       [f64:xmm1]
;;             001b  movsd xmm0, [rbp+0x18]
;;             0020  movsd xmm1, [rbp+0x10]
;;             0025  ucomisd xmm1, xmm0
;;             002a  jp 0x34
;;             002c  jne 0x3b
;;             002e  andps xmm1, xmm0
;;             0032  jmp 0x40
;;             0034  addsd xmm1, xmm0
;;             0039  jmp 0x40
;;             003b  maxsd xmm1, xmm0
;;   0x42    end                           (returned)
;;             0040  movaps xmm0, xmm1
;;             0044  mov rsp, rbp
;;             0047  pop rbp
;;             0048  ret
;;           out-of-line stubs
;;             0049  ud2  ; trap: call stack exhausted
;;
;; func 3 (param f64 f64) (result f64): 79 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x4d
;;   0x45    local.get 0                   [f64:local 0]
;;   0x47    local.get 1                   [f64:local 0, f64:local 1]
;;   0x49    f64.copysign                  [f64:xmm1]
;;             001b  movsd xmm0, [rbp+0x18]
;;             0020  movsd xmm1, [rbp+0x10]
;;             0025  pcmpeqd xmm15, xmm15
;;             002a  psllq xmm15, 0x3f
;;             0030  movaps xmm14, xmm15
;;             0034  andps xmm14, xmm0
;;             0038  andnps xmm15, xmm1
;;             003c  orps xmm15, xmm14
;;             0040  movaps xmm1, xmm15
;;   0x4a    end                           (returned)
;;             0044  movaps xmm0, xmm1
;;             0048  mov rsp, rbp
;;             004b  pop rbp
;;             004c  ret
;;           out-of-line stubs
;;             004d  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 (param f64 f64) (result f64): 100 bytes of aarch64
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
;;   0x1d    local.get 0                   [f64:local 0]
;;   0x1f    f64.const 0x1.8p+0 (;=1.5;)   [f64:local 0, f64:const 1.5]
;;   0x28    f64.add                       [f64:d1]
;;             0028  mov x17, #0x3ff8000000000000
;;             002c  fmov d0, x17
;;             0030  ldr d1, [x29, #0x10]
;;             0034  fadd d1, d1, d0
;;   0x29    local.get 1                   [f64:d1, f64:local 1]
;;   0x2b    f64.sub                       [f64:d1]
;;             0038  ldr d0, [x29, #0x18]
;;             003c  fsub d1, d1, d0
;;   0x2c    local.get 1                   [f64:d1, f64:local 1]
;;   0x2e    f64.mul                       [f64:d1]
;;             0040  ldr d0, [x29, #0x18]
;;             0044  fmul d1, d1, d0
;;   0x2f    local.get 1                   [f64:d1, f64:local 1]
;;   0x31    f64.div                       [f64:d1]
;;             0048  ldr d0, [x29, #0x18]
;;             004c  fdiv d1, d1, d0
;;   0x32    end                           (returned)
;;             0050  fmov d0, d1
;;             0054  mov sp, x29
;;             0058  ldp x29, x30, [sp], #0x10
;;             005c  ret
;;           out-of-line stubs
;;             0060  udf #0x0  ; trap: call stack exhausted
;;
;; func 1 (param f64 f64) (result f64): 72 bytes of aarch64
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
;;   0x35    local.get 0                   [f64:local 0]
;;   0x37    local.get 1                   [f64:local 0, f64:local 1]
;;   0x39    f64.min                       [f64:d1]
;;             0028  ldr d0, [x29, #0x18]
;;             002c  ldr d1, [x29, #0x10]
;;             0030  fmin d1, d1, d0
;;   0x3a    end                           (returned)
;;             0034  fmov d0, d1
;;             0038  mov sp, x29
;;             003c  ldp x29, x30, [sp], #0x10
;;             0040  ret
;;           out-of-line stubs
;;             0044  udf #0x0  ; trap: call stack exhausted
;;
;; func 2 (param f64 f64) (result f64): 72 bytes of aarch64
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
;;   0x3d    local.get 0                   [f64:local 0]
;;   0x3f    local.get 1                   [f64:local 0, f64:local 1]
;;   0x41    f64.max                       [f64:d1]
;;             0028  ldr d0, [x29, #0x18]
;;             002c  ldr d1, [x29, #0x10]
;;             0030  fmax d1, d1, d0
;;   0x42    end                           (returned)
;;             0034  fmov d0, d1
;;             0038  mov sp, x29
;;             003c  ldp x29, x30, [sp], #0x10
;;             0040  ret
;;           out-of-line stubs
;;             0044  udf #0x0  ; trap: call stack exhausted
;;
;; func 3 (param f64 f64) (result f64): 80 bytes of aarch64
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
;;   0x45    local.get 0                   [f64:local 0]
;;   0x47    local.get 1                   [f64:local 0, f64:local 1]
;;   0x49    f64.copysign                  [f64:d1]
;;             0028  ldr d0, [x29, #0x18]
;;             002c  ldr d1, [x29, #0x10]
;;             0030  movi v31.2d, #0x0
;;             0034  fneg v31.2d, v31.2d
;;             0038  bit v1.8b, v0.8b, v31.8b
;;   0x4a    end                           (returned)
;;             003c  fmov d0, d1
;;             0040  mov sp, x29
;;             0044  ldp x29, x30, [sp], #0x10
;;             0048  ret
;;           out-of-line stubs
;;             004c  udf #0x0  ; trap: call stack exhausted
