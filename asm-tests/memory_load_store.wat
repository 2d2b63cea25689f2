;; targets: x86_64 aarch64
;;
;; Linear-memory loads and stores: one instruction each, based on the
;; pinned memory-base register; out-of-bounds accesses fault in the guard
;; region (each access is a trap site).

(module
  (memory 1)
  (func (param i32) (result i32)
    (i32.load (local.get 0))
    (i32.load8_s (local.get 0))
    i32.add
    (i32.load16_u offset=2 (local.get 0))
    i32.add)
  (func (param i32) (result i64)
    (i64.load32_s (local.get 0))
    (i64.load8_u (i32.const 16))
    i64.add)
  (func (param i32 f64)
    (f64.store (local.get 0) (local.get 1))
    (i32.store8 (local.get 0) (i32.const 7))
    (i64.store32 offset=8 (local.get 0) (i64.const -1))
    (f32.store (i32.const 64) (f32.const 1.0))))

;; ==== expected x86_64 ====
;; func 0 (param i32) (result i32): 64 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x3e
;;   0x2a    local.get 0                   [i32:local 0]
;;   0x2c    i32.load                      [i32:ebx]
;;             001b  mov ebx, [rbp+0x10]
;;             001e  mov ebx, [r15+rbx]  ; trap: out of bounds memory access
;;   0x2f    local.get 0                   [i32:ebx, i32:local 0]
;;   0x31    i32.load8_s                   [i32:ebx, i32:esi]
;;             0022  mov esi, [rbp+0x10]
;;             0025  movsx esi, byte ptr [r15+rsi]  ; trap: out of bounds memory access
;;   0x34    i32.add                       [i32:ebx]
;;             002a  add ebx, esi
;;   0x35    local.get 0                   [i32:ebx, i32:local 0]
;;   0x37    i32.load16_u offset=2         [i32:ebx, i32:esi]
;;             002c  mov esi, [rbp+0x10]
;;             002f  movzx esi, word ptr [r15+rsi+2]  ; trap: out of bounds memory access
;;   0x3a    i32.add                       [i32:ebx]
;;             0035  add ebx, esi
;;   0x3b    end                           (returned)
;;             0037  mov eax, ebx
;;             0039  mov rsp, rbp
;;             003c  pop rbp
;;             003d  ret
;;           out-of-line stubs
;;             003e  ud2  ; trap: call stack exhausted
;;
;; func 1 (param i32) (result i64): 52 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x32
;;   0x3e    local.get 0                   [i32:local 0]
;;   0x40    i64.load32_s                  [i64:rbx]
;;             001b  mov ebx, [rbp+0x10]
;;             001e  movsxd rbx, [r15+rbx]  ; trap: out of bounds memory access
;;   0x43    i32.const 16                  [i64:rbx, i32:const 16]
;;   0x45    i64.load8_u                   [i64:rbx, i64:rsi]
;;             0022  movzx esi, byte ptr [r15+0x10]  ; trap: out of bounds memory access
;;   0x48    i64.add                       [i64:rbx]
;;             0027  add rbx, rsi
;;   0x49    end                           (returned)
;;             002a  mov rax, rbx
;;             002d  mov rsp, rbp
;;             0030  pop rbp
;;             0031  ret
;;           out-of-line stubs
;;             0032  ud2  ; trap: call stack exhausted
;;
;; func 2 (param i32 f64): 76 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x4a
;;   0x4c    local.get 0                   [i32:local 0]
;;   0x4e    local.get 1                   [i32:local 0, f64:local 1]
;;   0x50    f64.store                     []
;;             001b  movsd xmm0, [rbp+0x18]
;;             0020  mov ebx, [rbp+0x10]
;;             0023  movsd [r15+rbx], xmm0  ; trap: out of bounds memory access
;;   0x53    local.get 0                   [i32:local 0]
;;   0x55    i32.const 7                   [i32:local 0, i32:const 7]
;;   0x57    i32.store8                    []
;;             0029  mov ebx, [rbp+0x10]
;;             002c  mov byte ptr [r15+rbx], 7  ; trap: out of bounds memory access
;;   0x5a    local.get 0                   [i32:local 0]
;;   0x5c    i64.const -1                  [i32:local 0, i64:const -1]
;;   0x5e    i64.store32 offset=8          []
;;             0031  mov ebx, [rbp+0x10]
;;             0034  mov dword ptr [r15+rbx+8], 0xffffffff  ; trap: out of bounds memory access
;;   0x61    i32.const 64                  [i32:const 64]
;;   0x64    f32.const 0x1p+0 (;=1;)       [i32:const 64, f32:const 1.0]
;;   0x69    f32.store                     []
;;             003d  mov dword ptr [r15+0x40], 0x3f800000  ; trap: out of bounds memory access
;;   0x6c    end                           (returned)
;;             0045  mov rsp, rbp
;;             0048  pop rbp
;;             0049  ret
;;           out-of-line stubs
;;             004a  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 (param i32) (result i32): 92 bytes of aarch64
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
;;   0x2a    local.get 0                   [i32:local 0]
;;   0x2c    i32.load                      [i32:w0]
;;             0028  ldr w0, [x29, #0x10]
;;             002c  ldr w0, [x27, w0, uxtw]  ; trap: out of bounds memory access
;;   0x2f    local.get 0                   [i32:w0, i32:local 0]
;;   0x31    i32.load8_s                   [i32:w0, i32:w1]
;;             0030  ldr w1, [x29, #0x10]
;;             0034  ldrsb w1, [x27, w1, uxtw]  ; trap: out of bounds memory access
;;   0x34    i32.add                       [i32:w0]
;;             0038  add w0, w0, w1
;;   0x35    local.get 0                   [i32:w0, i32:local 0]
;;   0x37    i32.load16_u offset=2         [i32:w0, i32:w1]
;;             003c  ldr w1, [x29, #0x10]
;;             0040  add x16, x27, w1
;;             0044  ldrh w1, [x16, #0x2]  ; trap: out of bounds memory access
;;   0x3a    i32.add                       [i32:w0]
;;             0048  add w0, w0, w1
;;   0x3b    end                           (returned)
;;             004c  mov sp, x29
;;             0050  ldp x29, x30, [sp], #0x10
;;             0054  ret
;;           out-of-line stubs
;;             0058  udf #0x0  ; trap: call stack exhausted
;;
;; func 1 (param i32) (result i64): 72 bytes of aarch64
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
;;   0x3e    local.get 0                   [i32:local 0]
;;   0x40    i64.load32_s                  [i64:x0]
;;             0028  ldr w0, [x29, #0x10]
;;             002c  ldrsw x0, [x27, w0, uxtw]  ; trap: out of bounds memory access
;;   0x43    i32.const 16                  [i64:x0, i32:const 16]
;;   0x45    i64.load8_u                   [i64:x0, i64:x1]
;;             0030  ldrb w1, [x27, #0x10]  ; trap: out of bounds memory access
;;   0x48    i64.add                       [i64:x0]
;;             0034  add x0, x0, x1
;;   0x49    end                           (returned)
;;             0038  mov sp, x29
;;             003c  ldp x29, x30, [sp], #0x10
;;             0040  ret
;;           out-of-line stubs
;;             0044  udf #0x0  ; trap: call stack exhausted
;;
;; func 2 (param i32 f64): 104 bytes of aarch64
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
;;             0024  b.lo 0x64
;;   0x4c    local.get 0                   [i32:local 0]
;;   0x4e    local.get 1                   [i32:local 0, f64:local 1]
;;   0x50    f64.store                     []
;;             0028  ldr d0, [x29, #0x18]
;;             002c  ldr w0, [x29, #0x10]
;;             0030  str d0, [x27, w0, uxtw]  ; trap: out of bounds memory access
;;   0x53    local.get 0                   [i32:local 0]
;;   0x55    i32.const 7                   [i32:local 0, i32:const 7]
;;   0x57    i32.store8                    []
;;             0034  ldr w0, [x29, #0x10]
;;             0038  mov w15, #0x7
;;             003c  strb w15, [x27, w0, uxtw]  ; trap: out of bounds memory access
;;   0x5a    local.get 0                   [i32:local 0]
;;   0x5c    i64.const -1                  [i32:local 0, i64:const -1]
;;   0x5e    i64.store32 offset=8          []
;;             0040  ldr w0, [x29, #0x10]
;;             0044  mov w15, #0xffffffff
;;             0048  add x16, x27, w0
;;             004c  str w15, [x16, #0x8]  ; trap: out of bounds memory access
;;   0x61    i32.const 64                  [i32:const 64]
;;   0x64    f32.const 0x1p+0 (;=1;)       [i32:const 64, f32:const 1.0]
;;   0x69    f32.store                     []
;;             0050  mov w15, #0x3f800000
;;             0054  str w15, [x27, #0x40]  ; trap: out of bounds memory access
;;   0x6c    end                           (returned)
;;             0058  mov sp, x29
;;             005c  ldp x29, x30, [sp], #0x10
;;             0060  ret
;;           out-of-line stubs
;;             0064  udf #0x0  ; trap: call stack exhausted
