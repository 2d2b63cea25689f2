;; targets: x86_64 aarch64
;;
;; A static offset too large for the instruction's displacement is
;; added separately (any u32 address + u32 offset still lands in the 8 GiB
;; reservation, so no bounds check is needed).

(module
  (memory 1)
  (func (param i32) (result i32)
    (i32.load offset=0x7ffffff0 (local.get 0)))
  (func (param i32) (result i64)
    (i64.load offset=0xfffffff0 (local.get 0)))
  (func (param i32 i32)
    (i32.store offset=0x12345678 (local.get 0) (local.get 1))))

;; ==== expected x86_64 ====
;; func 0 (param i32) (result i32): 47 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x10
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x2d
;;   0x2a    local.get 0                   [i32:local 0]
;;   0x2c    i32.load offset=2147483632    [i32:ebx]
;;             001b  mov ebx, [rbp+0x10]
;;             001e  mov ebx, [r15+rbx+0x7ffffff0]  ; trap: out of bounds memory access
;;   0x33    end                           (returned)
;;             0026  mov eax, ebx
;;             0028  mov rsp, rbp
;;             002b  pop rbp
;;             002c  ret
;;           out-of-line stubs
;;             002d  ud2  ; trap: call stack exhausted
;;
;; func 1 (param i32) (result i64): 53 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x10
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x33
;;   0x36    local.get 0                   [i32:local 0]
;;   0x38    i64.load offset=4294967280    [i64:rbx]
;;             001b  mov ebx, [rbp+0x10]
;;             001e  mov r11d, 0xfffffff0
;;             0024  add r11, rbx
;;             0027  mov rbx, [r15+r11]  ; trap: out of bounds memory access
;;   0x3f    end                           (returned)
;;             002b  mov rax, rbx
;;             002e  mov rsp, rbp
;;             0031  pop rbp
;;             0032  ret
;;           out-of-line stubs
;;             0033  ud2  ; trap: call stack exhausted
;;
;; func 2 (param i32 i32): 48 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x2e
;;   0x42    local.get 0                   [i32:local 0]
;;   0x44    local.get 1                   [i32:local 0, i32:local 1]
;;   0x46    i32.store offset=305419896    []
;;             001b  mov ebx, [rbp+0x18]
;;             001e  mov esi, [rbp+0x10]
;;             0021  mov [r15+rsi+0x12345678], ebx  ; trap: out of bounds memory access
;;   0x4d    end                           (returned)
;;             0029  mov rsp, rbp
;;             002c  pop rbp
;;             002d  ret
;;           out-of-line stubs
;;             002e  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 (param i32) (result i32): 72 bytes of aarch64
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
;;             0024  b.lo 0x44
;;   0x2a    local.get 0                   [i32:local 0]
;;   0x2c    i32.load offset=2147483632    [i32:w0]
;;             0028  ldr w0, [x29, #0x10]
;;             002c  mov x17, #0x7ffffff0
;;             0030  add x17, x17, w0
;;             0034  ldr w0, [x27, x17]  ; trap: out of bounds memory access
;;   0x33    end                           (returned)
;;             0038  mov sp, x29
;;             003c  ldp x29, x30, [sp], #0x10
;;             0040  ret
;;           out-of-line stubs
;;             0044  udf #0x0  ; trap: call stack exhausted
;;
;; func 1 (param i32) (result i64): 72 bytes of aarch64
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
;;             0024  b.lo 0x44
;;   0x36    local.get 0                   [i32:local 0]
;;   0x38    i64.load offset=4294967280    [i64:x0]
;;             0028  ldr w0, [x29, #0x10]
;;             002c  mov x17, #0xfffffff0
;;             0030  add x17, x17, w0
;;             0034  ldr x0, [x27, x17]  ; trap: out of bounds memory access
;;   0x3f    end                           (returned)
;;             0038  mov sp, x29
;;             003c  ldp x29, x30, [sp], #0x10
;;             0040  ret
;;           out-of-line stubs
;;             0044  udf #0x0  ; trap: call stack exhausted
;;
;; func 2 (param i32 i32): 80 bytes of aarch64
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
;;   0x42    local.get 0                   [i32:local 0]
;;   0x44    local.get 1                   [i32:local 0, i32:local 1]
;;   0x46    i32.store offset=305419896    []
;;             0028  ldr w0, [x29, #0x18]
;;             002c  ldr w1, [x29, #0x10]
;;             0030  mov x17, #0x5678
;;             0034  movk x17, #0x1234, lsl #16
;;             0038  add x17, x17, w1
;;             003c  str w0, [x27, x17]  ; trap: out of bounds memory access
;;   0x4d    end                           (returned)
;;             0040  mov sp, x29
;;             0044  ldp x29, x30, [sp], #0x10
;;             0048  ret
;;           out-of-line stubs
;;             004c  udf #0x0  ; trap: call stack exhausted
