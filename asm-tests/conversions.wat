;; targets: x86_64 aarch64
;;
;; Non-trapping conversions and reinterpretations.

(module
  (func (param i64) (result i32)
    (i32.wrap_i64 (local.get 0)))
  (func (param i32) (result i64)
    (i64.add (i64.extend_i32_s (local.get 0)) (i64.extend_i32_u (local.get 0))))
  (func (param i32 i64) (result f64)
    (f64.convert_i32_s (local.get 0))
    (f64.convert_i64_u (local.get 1))
    f64.add
    (f64.promote_f32 (f32.convert_i32_u (local.get 0)))
    f64.add)
  (func (param f64) (result f32)
    (f32.demote_f64 (local.get 0)))
  (func (param f32 i64) (result i32)
    (i32.reinterpret_f32 (local.get 0))
    (i32.wrap_i64 (i64.reinterpret_f64 (f64.reinterpret_i64 (local.get 1))))
    i32.xor))

;; ==== expected x86_64 ====
;; func 0 (param i64) (result i32): 42 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x10
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x28
;;   0x33    local.get 0                   [i64:local 0]
;;   0x35    i32.wrap_i64                  [i32:ebx]
;;             001b  mov rbx, [rbp+0x10]
;;             001f  mov ebx, ebx
;;   0x36    end                           (returned)
;;             0021  mov eax, ebx
;;             0023  mov rsp, rbp
;;             0026  pop rbp
;;             0027  ret
;;           out-of-line stubs
;;             0028  ud2  ; trap: call stack exhausted
;;
;; func 1 (param i32) (result i64): 51 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x31
;;   0x39    local.get 0                   [i32:local 0]
;;   0x3b    i64.extend_i32_s              [i64:rbx]
;;             001b  mov ebx, [rbp+0x10]
;;             001e  movsxd rbx, ebx
;;   0x3c    local.get 0                   [i64:rbx, i32:local 0]
;;   0x3e    i64.extend_i32_u              [i64:rbx, i64:rsi]
;;             0021  mov esi, [rbp+0x10]
;;             0024  mov esi, esi
;;   0x3f    i64.add                       [i64:rbx]
;;             0026  add rbx, rsi
;;   0x40    end                           (returned)
;;             0029  mov rax, rbx
;;             002c  mov rsp, rbp
;;             002f  pop rbp
;;             0030  ret
;;           out-of-line stubs
;;             0031  ud2  ; trap: call stack exhausted
;;
;; func 2 (param i32 i64) (result f64): 119 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x75
;;   0x43    local.get 0                   [i32:local 0]
;;   0x45    f64.convert_i32_s             [f64:xmm0]
;;             001b  mov ebx, [rbp+0x10]
;;             001e  xorps xmm0, xmm0
;;             0022  cvtsi2sd xmm0, ebx
;;   0x46    local.get 1                   [f64:xmm0, i64:local 1]
;;   0x48    f64.convert_i64_u             [f64:xmm0, f64:xmm1]
;;             0027  mov rbx, [rbp+0x18]
;;             002b  xorps xmm1, xmm1
;;             002f  test rbx, rbx
;;             0032  js 0x3b
;;             0034  cvtsi2sd xmm1, rbx
;;             0039  jmp 0x55
;;             003b  mov rax, rbx
;;             003e  mov ecx, ebx
;;             0041  shr rax, 1
;;             0045  and ecx, 1
;;             0048  or rax, rcx
;;             004b  cvtsi2sd xmm1, rax
;;             0050  addsd xmm1, xmm1
;;   0x49    f64.add                       [f64:xmm0]
;;             0055  addsd xmm0, xmm1
;;   0x4a    local.get 0                   [f64:xmm0, i32:local 0]
;;   0x4c    f32.convert_i32_u             [f64:xmm0, f32:xmm1]
;;             005a  mov ebx, [rbp+0x10]
;;             005d  xorps xmm1, xmm1
;;             0061  cvtsi2ss xmm1, rbx
;;   0x4d    f64.promote_f32               [f64:xmm0, f64:xmm1]
;;             0066  cvtss2sd xmm1, xmm1
;;   0x4e    f64.add                       [f64:xmm0]
;;             006b  addsd xmm0, xmm1
;;   0x4f    end                           (returned)
;;             0070  mov rsp, rbp
;;             0073  pop rbp
;;             0074  ret
;;           out-of-line stubs
;;             0075  ud2  ; trap: call stack exhausted
;;
;; func 3 (param f64) (result f32): 44 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x10
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x2a
;;   0x52    local.get 0                   [f64:local 0]
;;   0x54    f32.demote_f64                [f32:xmm0]
;;             001b  movsd xmm0, [rbp+0x10]
;;             0020  cvtsd2ss xmm0, xmm0
;;   0x55    end                           (returned)
;;             0025  mov rsp, rbp
;;             0028  pop rbp
;;             0029  ret
;;           out-of-line stubs
;;             002a  ud2  ; trap: call stack exhausted
;;
;; func 4 (param f32 i64) (result i32): 64 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x3e
;;   0x58    local.get 0                   [f32:local 0]
;;   0x5a    i32.reinterpret_f32           [i32:ebx]
;;             001b  movss xmm0, [rbp+0x10]
;;             0020  movd ebx, xmm0
;;   0x5b    local.get 1                   [i32:ebx, i64:local 1]
;;   0x5d    f64.reinterpret_i64           [i32:ebx, f64:xmm0]
;;             0025  mov rsi, [rbp+0x18]
;;             0029  movq xmm0, rsi
;;   0x5e    i64.reinterpret_f64           [i32:ebx, i64:rsi]
;;             002e  movq rsi, xmm0
;;   0x5f    i32.wrap_i64                  [i32:ebx, i32:esi]
;;             0033  mov esi, esi
;;   0x60    i32.xor                       [i32:ebx]
;;             0035  xor ebx, esi
;;   0x61    end                           (returned)
;;             0037  mov eax, ebx
;;             0039  mov rsp, rbp
;;             003c  pop rbp
;;             003d  ret
;;           out-of-line stubs
;;             003e  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 (param i64) (result i32): 64 bytes of aarch64
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
;;   0x33    local.get 0                   [i64:local 0]
;;   0x35    i32.wrap_i64                  [i32:w0]
;;             0028  ldr x0, [x29, #0x10]
;;             002c  mov w0, w0
;;   0x36    end                           (returned)
;;             0030  mov sp, x29
;;             0034  ldp x29, x30, [sp], #0x10
;;             0038  ret
;;           out-of-line stubs
;;             003c  udf #0x0  ; trap: call stack exhausted
;;
;; func 1 (param i32) (result i64): 76 bytes of aarch64
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
;;   0x39    local.get 0                   [i32:local 0]
;;   0x3b    i64.extend_i32_s              [i64:x0]
;;             0028  ldr w0, [x29, #0x10]
;;             002c  sxtw x0, w0
;;   0x3c    local.get 0                   [i64:x0, i32:local 0]
;;   0x3e    i64.extend_i32_u              [i64:x0, i64:x1]
;;             0030  ldr w1, [x29, #0x10]
;;             0034  mov w1, w1
;;   0x3f    i64.add                       [i64:x0]
;;             0038  add x0, x0, x1
;;   0x40    end                           (returned)
;;             003c  mov sp, x29
;;             0040  ldp x29, x30, [sp], #0x10
;;             0044  ret
;;           out-of-line stubs
;;             0048  udf #0x0  ; trap: call stack exhausted
;;
;; func 2 (param i32 i64) (result f64): 92 bytes of aarch64
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
;;             0024  b.lo 0x58
;;   0x43    local.get 0                   [i32:local 0]
;;   0x45    f64.convert_i32_s             [f64:d0]
;;             0028  ldr w0, [x29, #0x10]
;;             002c  scvtf d0, w0
;;   0x46    local.get 1                   [f64:d0, i64:local 1]
;;   0x48    f64.convert_i64_u             [f64:d0, f64:d1]
;;             0030  ldr x0, [x29, #0x18]
;;             0034  ucvtf d1, x0
;;   0x49    f64.add                       [f64:d0]
;;             0038  fadd d0, d0, d1
;;   0x4a    local.get 0                   [f64:d0, i32:local 0]
;;   0x4c    f32.convert_i32_u             [f64:d0, f32:s1]
;;             003c  ldr w0, [x29, #0x10]
;;             0040  ucvtf s1, w0
;;   0x4d    f64.promote_f32               [f64:d0, f64:d1]
;;             0044  fcvt d1, s1
;;   0x4e    f64.add                       [f64:d0]
;;             0048  fadd d0, d0, d1
;;   0x4f    end                           (returned)
;;             004c  mov sp, x29
;;             0050  ldp x29, x30, [sp], #0x10
;;             0054  ret
;;           out-of-line stubs
;;             0058  udf #0x0  ; trap: call stack exhausted
;;
;; func 3 (param f64) (result f32): 64 bytes of aarch64
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
;;   0x52    local.get 0                   [f64:local 0]
;;   0x54    f32.demote_f64                [f32:s0]
;;             0028  ldr d0, [x29, #0x10]
;;             002c  fcvt s0, d0
;;   0x55    end                           (returned)
;;             0030  mov sp, x29
;;             0034  ldp x29, x30, [sp], #0x10
;;             0038  ret
;;           out-of-line stubs
;;             003c  udf #0x0  ; trap: call stack exhausted
;;
;; func 4 (param f32 i64) (result i32): 84 bytes of aarch64
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
;;             0024  b.lo 0x50
;;   0x58    local.get 0                   [f32:local 0]
;;   0x5a    i32.reinterpret_f32           [i32:w0]
;;             0028  ldr s0, [x29, #0x10]
;;             002c  fmov w0, s0
;;   0x5b    local.get 1                   [i32:w0, i64:local 1]
;;   0x5d    f64.reinterpret_i64           [i32:w0, f64:d0]
;;             0030  ldr x1, [x29, #0x18]
;;             0034  fmov d0, x1
;;   0x5e    i64.reinterpret_f64           [i32:w0, i64:x1]
;;             0038  fmov x1, d0
;;   0x5f    i32.wrap_i64                  [i32:w0, i32:w1]
;;             003c  mov w1, w1
;;   0x60    i32.xor                       [i32:w0]
;;             0040  eor w0, w0, w1
;;   0x61    end                           (returned)
;;             0044  mov sp, x29
;;             0048  ldp x29, x30, [sp], #0x10
;;             004c  ret
;;           out-of-line stubs
;;             0050  udf #0x0  ; trap: call stack exhausted
