;; targets: x86_64 aarch64
;;
;; Multi-memory: accesses to memory 1. Memory 0's base stays pinned (r15 /
;; x27); an access to another memory points that register at the memory's
;; base, loaded through its `MemoryDef` slot at the end of the vmctx, and
;; puts memory 0's base back right after, so code that only uses memory 0
;; is unchanged ($mem0 is the same load as in memory_load_store.wat).
;; memory.size reads memory 1's length through the same slot; memory.grow
;; passes the memory index to the builtin.

(module
  (memory 1)
  (memory 1 4)
  (func $mem0 (param i32) (result i32)
    (i32.load offset=4 (local.get 0)))
  (func $loads (param i32) (result i32 i64 f64)
    (i32.load 1 offset=4 (local.get 0))
    (i64.load8_s 1 (local.get 0))
    (f64.load 1 (i32.const 64)))
  (func $stores (param i32 i64 f32)
    (i64.store 1 offset=8 (local.get 0) (local.get 1))
    (f32.store 1 (local.get 0) (local.get 2))
    (i32.store16 1 (i32.const 128) (i32.const 7)))
  (func $size (result i32)
    (memory.size 1))
  (func $grow (param i32) (result i32)
    (memory.grow 1 (local.get 0))))

;; ==== expected x86_64 ====
;; func 0 $mem0 (param i32) (result i32): 44 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x10
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x2a
;;   0x36    local.get 0                   [i32:local 0]
;;   0x38    i32.load offset=4             [i32:ebx]
;;             001b  mov ebx, [rbp+0x10]
;;             001e  mov ebx, [r15+rbx+4]  ; trap: out of bounds memory access
;;   0x3b    end                           (returned)
;;             0023  mov eax, ebx
;;             0025  mov rsp, rbp
;;             0028  pop rbp
;;             0029  ret
;;           out-of-line stubs
;;             002a  ud2  ; trap: call stack exhausted
;;
;; func 1 $loads (param i32) (result i32 i64 f64): 110 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x6c
;;   0x3e    local.get 0                   [i32:local 0]
;;   0x40    i32.load 1 offset=4           [i32:ebx]
;;             001b  mov ebx, [rbp+0x10]
;;             001e  mov r15, [r14+0x128]
;;             0025  mov r15, [r15]
;;             0028  mov ebx, [r15+rbx+4]  ; trap: out of bounds memory access
;;             002d  mov r15, [r14+8]
;;   0x44    local.get 0                   [i32:ebx, i32:local 0]
;;   0x46    i64.load8_s 1                 [i32:ebx, i64:rsi]
;;             0031  mov esi, [rbp+0x10]
;;             0034  mov r15, [r14+0x128]
;;             003b  mov r15, [r15]
;;             003e  movsx rsi, byte ptr [r15+rsi]  ; trap: out of bounds memory access
;;             0043  mov r15, [r14+8]
;;   0x4a    i32.const 64                  [i32:ebx, i64:rsi, i32:const 64]
;;   0x4d    f64.load 1                    [i32:ebx, i64:rsi, f64:xmm0]
;;             0047  mov r15, [r14+0x128]
;;             004e  mov r15, [r15]
;;             0051  movsd xmm0, [r15+0x40]  ; trap: out of bounds memory access
;;             0057  mov r15, [r14+8]
;;   0x51    end                           (returned)
;;             005b  mov [rbp+0x10], ebx
;;             005e  mov [rbp+0x18], rsi
;;             0062  movsd [rbp+0x20], xmm0
;;             0067  mov rsp, rbp
;;             006a  pop rbp
;;             006b  ret
;;           out-of-line stubs
;;             006c  ud2  ; trap: call stack exhausted
;;
;; func 2 $stores (param i32 i64 f32): 112 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x6e
;;   0x54    local.get 0                   [i32:local 0]
;;   0x56    local.get 1                   [i32:local 0, i64:local 1]
;;   0x58    i64.store 1 offset=8          []
;;             001b  mov rbx, [rbp+0x18]
;;             001f  mov esi, [rbp+0x10]
;;             0022  mov r15, [r14+0x128]
;;             0029  mov r15, [r15]
;;             002c  mov [r15+rsi+8], rbx  ; trap: out of bounds memory access
;;             0031  mov r15, [r14+8]
;;   0x5c    local.get 0                   [i32:local 0]
;;   0x5e    local.get 2                   [i32:local 0, f32:local 2]
;;   0x60    f32.store 1                   []
;;             0035  movss xmm0, [rbp+0x20]
;;             003a  mov ebx, [rbp+0x10]
;;             003d  mov r15, [r14+0x128]
;;             0044  mov r15, [r15]
;;             0047  movss [r15+rbx], xmm0  ; trap: out of bounds memory access
;;             004d  mov r15, [r14+8]
;;   0x64    i32.const 128                 [i32:const 128]
;;   0x67    i32.const 7                   [i32:const 128, i32:const 7]
;;   0x69    i32.store16 1                 []
;;             0051  mov r15, [r14+0x128]
;;             0058  mov r15, [r15]
;;             005b  mov word ptr [r15+0x80], 7  ; trap: out of bounds memory access
;;             0065  mov r15, [r14+8]
;;   0x6d    end                           (returned)
;;             0069  mov rsp, rbp
;;             006c  pop rbp
;;             006d  ret
;;           out-of-line stubs
;;             006e  ud2  ; trap: call stack exhausted
;;
;; func 3 $size (result i32): 51 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x10
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x31
;;   0x70    memory.size 1                 [i32:ebx]
;;             001b  mov rax, [r14+0x128]
;;             0022  mov rbx, [rax+8]
;;             0026  shr rbx, 0x10
;;   0x72    end                           (returned)
;;             002a  mov eax, ebx
;;             002c  mov rsp, rbp
;;             002f  pop rbp
;;             0030  ret
;;           out-of-line stubs
;;             0031  ud2  ; trap: call stack exhausted
;;
;; func 4 $grow (param i32) (result i32): 61 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x10
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x3b
;;   0x75    local.get 0                   [i32:local 0]
;;   0x77    memory.grow 1                 [i32:ebx]
;;             001b  mov ebx, [rbp+0x10]
;;             001e  mov rsi, rbx
;;             0021  mov edx, 1
;;             0027  mov rdi, r14
;;             002a  call qword ptr [r14+0x18]
;;             002e  mov r15, [r14+8]
;;             0032  mov ebx, eax
;;   0x79    end                           (returned)
;;             0034  mov eax, ebx
;;             0036  mov rsp, rbp
;;             0039  pop rbp
;;             003a  ret
;;           out-of-line stubs
;;             003b  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 $mem0 (param i32) (result i32): 68 bytes of aarch64
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
;;             0024  b.lo 0x40
;;   0x36    local.get 0                   [i32:local 0]
;;   0x38    i32.load offset=4             [i32:w0]
;;             0028  ldr w0, [x29, #0x10]
;;             002c  add x16, x27, w0
;;             0030  ldr w0, [x16, #0x4]  ; trap: out of bounds memory access
;;   0x3b    end                           (returned)
;;             0034  mov sp, x29
;;             0038  ldp x29, x30, [sp], #0x10
;;             003c  ret
;;           out-of-line stubs
;;             0040  udf #0x0  ; trap: call stack exhausted
;;
;; func 1 $loads (param i32) (result i32 i64 f64): 128 bytes of aarch64
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
;;             0024  b.lo 0x7c
;;   0x3e    local.get 0                   [i32:local 0]
;;   0x40    i32.load 1 offset=4           [i32:w0]
;;             0028  ldr w0, [x29, #0x10]
;;             002c  ldr x27, [x28, #0x128]
;;             0030  ldr x27, [x27]
;;             0034  add x16, x27, w0
;;             0038  ldr w0, [x16, #0x4]  ; trap: out of bounds memory access
;;             003c  ldr x27, [x28, #0x8]
;;   0x44    local.get 0                   [i32:w0, i32:local 0]
;;   0x46    i64.load8_s 1                 [i32:w0, i64:x1]
;;             0040  ldr w1, [x29, #0x10]
;;             0044  ldr x27, [x28, #0x128]
;;             0048  ldr x27, [x27]
;;             004c  ldrsb x1, [x27, w1, uxtw]  ; trap: out of bounds memory access
;;             0050  ldr x27, [x28, #0x8]
;;   0x4a    i32.const 64                  [i32:w0, i64:x1, i32:const 64]
;;   0x4d    f64.load 1                    [i32:w0, i64:x1, f64:d0]
;;             0054  ldr x27, [x28, #0x128]
;;             0058  ldr x27, [x27]
;;             005c  ldr d0, [x27, #0x40]  ; trap: out of bounds memory access
;;             0060  ldr x27, [x28, #0x8]
;;   0x51    end                           (returned)
;;             0064  str w0, [x29, #0x10]
;;             0068  str x1, [x29, #0x18]
;;             006c  str d0, [x29, #0x20]
;;             0070  mov sp, x29
;;             0074  ldp x29, x30, [sp], #0x10
;;             0078  ret
;;           out-of-line stubs
;;             007c  udf #0x0  ; trap: call stack exhausted
;;
;; func 2 $stores (param i32 i64 f32): 128 bytes of aarch64
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
;;             0024  b.lo 0x7c
;;   0x54    local.get 0                   [i32:local 0]
;;   0x56    local.get 1                   [i32:local 0, i64:local 1]
;;   0x58    i64.store 1 offset=8          []
;;             0028  ldr x0, [x29, #0x18]
;;             002c  ldr w1, [x29, #0x10]
;;             0030  ldr x27, [x28, #0x128]
;;             0034  ldr x27, [x27]
;;             0038  add x16, x27, w1
;;             003c  str x0, [x16, #0x8]  ; trap: out of bounds memory access
;;             0040  ldr x27, [x28, #0x8]
;;   0x5c    local.get 0                   [i32:local 0]
;;   0x5e    local.get 2                   [i32:local 0, f32:local 2]
;;   0x60    f32.store 1                   []
;;             0044  ldr s0, [x29, #0x20]
;;             0048  ldr w0, [x29, #0x10]
;;             004c  ldr x27, [x28, #0x128]
;;             0050  ldr x27, [x27]
;;             0054  str s0, [x27, w0, uxtw]  ; trap: out of bounds memory access
;;             0058  ldr x27, [x28, #0x8]
;;   0x64    i32.const 128                 [i32:const 128]
;;   0x67    i32.const 7                   [i32:const 128, i32:const 7]
;;   0x69    i32.store16 1                 []
;;             005c  ldr x27, [x28, #0x128]
;;             0060  ldr x27, [x27]
;;             0064  mov w15, #0x7
;;             0068  strh w15, [x27, #0x80]  ; trap: out of bounds memory access
;;             006c  ldr x27, [x28, #0x8]
;;   0x6d    end                           (returned)
;;             0070  mov sp, x29
;;             0074  ldp x29, x30, [sp], #0x10
;;             0078  ret
;;           out-of-line stubs
;;             007c  udf #0x0  ; trap: call stack exhausted
;;
;; func 3 $size (result i32): 68 bytes of aarch64
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
;;             0024  b.lo 0x40
;;   0x70    memory.size 1                 [i32:w0]
;;             0028  ldr x16, [x28, #0x128]
;;             002c  ldr x0, [x16, #0x8]
;;             0030  lsr x0, x0, #0x10
;;   0x72    end                           (returned)
;;             0034  mov sp, x29
;;             0038  ldp x29, x30, [sp], #0x10
;;             003c  ret
;;           out-of-line stubs
;;             0040  udf #0x0  ; trap: call stack exhausted
;;
;; func 4 $grow (param i32) (result i32): 84 bytes of aarch64
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
;;             0024  b.lo 0x50
;;   0x75    local.get 0                   [i32:local 0]
;;   0x77    memory.grow 1                 [i32:w0]
;;             0028  ldr w0, [x29, #0x10]
;;             002c  mov x1, x0
;;             0030  mov x2, #0x1
;;             0034  ldr x16, [x28, #0x18]
;;             0038  mov x0, x28
;;             003c  blr x16
;;             0040  ldr x27, [x28, #0x8]
;;   0x79    end                           (returned)
;;             0044  mov sp, x29
;;             0048  ldp x29, x30, [sp], #0x10
;;             004c  ret
;;           out-of-line stubs
;;             0050  udf #0x0  ; trap: call stack exhausted
