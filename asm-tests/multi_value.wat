;; targets: x86_64 aarch64
;;
;; Multi-value: several results come back in the outgoing area, and a
;; block with two results carries them in canonical registers.

(module
  (func $pair (param i32) (result i32 i64)
    (local.get 0)
    (i64.extend_i32_u (local.get 0)))
  (func (param i32) (result i64) (local i64)
    (call $pair (local.get 0))
    local.set 1
    i64.extend_i32_u
    local.get 1
    i64.add)
  (func (param i32 i32) (result i32)
    (block (result i32 i32)
      (local.get 0)
      (local.get 1))
    i32.sub))

;; ==== expected x86_64 ====
;; func 0 $pair (param i32) (result i32 i64): 59 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x39
;;   0x2c    local.get 0                   [i32:local 0]
;;   0x2e    local.get 0                   [i32:local 0, i32:local 0]
;;   0x30    i64.extend_i32_u              [i32:local 0, i64:rbx]
;;             001b  mov ebx, [rbp+0x10]
;;             001e  mov ebx, ebx
;;   0x31    end                           (returned)
;;             0020  mov rax, [rbp+0x10]
;;             0024  mov [rbp-0x10], rax
;;             0028  mov rax, [rbp-0x10]
;;             002c  mov [rbp+0x10], rax
;;             0030  mov [rbp+0x18], rbx
;;             0034  mov rsp, rbp
;;             0037  pop rbp
;;             0038  ret
;;           out-of-line stubs
;;             0039  ud2  ; trap: call stack exhausted
;;
;; func 1 (param i32) (result i64): 74 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x48
;;             001b  xor eax, eax
;;             001d  mov [rbp-0x10], rax
;;   0x36    local.get 0                   [i32:local 0]
;;   0x38    call $pair                    [i32:ebx, i64:rsi]
;;             0021  mov rax, [rbp+0x10]
;;             0025  mov [rsp], rax
;;             0029  call <func 0 $pair>
;;             002e  mov ebx, [rsp]
;;             0031  mov rsi, [rsp+8]
;;   0x3a    local.set 1                   [i32:ebx]
;;             0036  mov [rbp-0x10], rsi
;;   0x3c    i64.extend_i32_u              [i64:rbx]
;;             003a  mov ebx, ebx
;;   0x3d    local.get 1                   [i64:rbx, i64:local 1]
;;   0x3f    i64.add                       [i64:rbx]
;;             003c  add rbx, [rbp-0x10]
;;   0x40    end                           (returned)
;;             0040  mov rax, rbx
;;             0043  mov rsp, rbp
;;             0046  pop rbp
;;             0047  ret
;;           out-of-line stubs
;;             0048  ud2  ; trap: call stack exhausted
;;
;; func 2 (param i32 i32) (result i32): 42 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x28
;;   0x43    block (type 3) (result i32 i32) []
;;   0x45      local.get 0                 [i32:local 0]
;;   0x47      local.get 1                 [i32:local 0, i32:local 1]
;;   0x49    end                           [i32:local 0, i32:local 1]
;;   0x4a    i32.sub                       [i32:ebx]
;;             001b  mov ebx, [rbp+0x10]
;;             001e  sub ebx, [rbp+0x18]
;;   0x4b    end                           (returned)
;;             0021  mov eax, ebx
;;             0023  mov rsp, rbp
;;             0026  pop rbp
;;             0027  ret
;;           out-of-line stubs
;;             0028  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 $pair (param i32) (result i32 i64): 84 bytes of aarch64
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
;;   0x2c    local.get 0                   [i32:local 0]
;;   0x2e    local.get 0                   [i32:local 0, i32:local 0]
;;   0x30    i64.extend_i32_u              [i32:local 0, i64:x0]
;;             0028  ldr w0, [x29, #0x10]
;;             002c  mov w0, w0
;;   0x31    end                           (returned)
;;             0030  ldr x17, [x29, #0x10]
;;             0034  stur x17, [x29, #-0x10]
;;             0038  ldur x17, [x29, #-0x10]
;;             003c  str x17, [x29, #0x10]
;;             0040  str x0, [x29, #0x18]
;;             0044  mov sp, x29
;;             0048  ldp x29, x30, [sp], #0x10
;;             004c  ret
;;           out-of-line stubs
;;             0050  udf #0x0  ; trap: call stack exhausted
;;
;; func 1 (param i32) (result i64): 96 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0x30
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0x5c
;;             0028  stur xzr, [x29, #-0x10]
;;   0x36    local.get 0                   [i32:local 0]
;;   0x38    call $pair                    [i32:w0, i64:x1]
;;             002c  ldr x17, [x29, #0x10]
;;             0030  str w17, [sp]
;;             0034  bl <func 0 $pair>
;;             0038  ldr w0, [sp]
;;             003c  ldr x1, [sp, #0x8]
;;   0x3a    local.set 1                   [i32:w0]
;;             0040  stur x1, [x29, #-0x10]
;;   0x3c    i64.extend_i32_u              [i64:x0]
;;             0044  mov w0, w0
;;   0x3d    local.get 1                   [i64:x0, i64:local 1]
;;   0x3f    i64.add                       [i64:x0]
;;             0048  ldur x17, [x29, #-0x10]
;;             004c  add x0, x0, x17
;;   0x40    end                           (returned)
;;             0050  mov sp, x29
;;             0054  ldp x29, x30, [sp], #0x10
;;             0058  ret
;;           out-of-line stubs
;;             005c  udf #0x0  ; trap: call stack exhausted
;;
;; func 2 (param i32 i32) (result i32): 68 bytes of aarch64
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
;;             0024  b.lo 0x40
;;   0x43    block (type 3) (result i32 i32) []
;;   0x45      local.get 0                 [i32:local 0]
;;   0x47      local.get 1                 [i32:local 0, i32:local 1]
;;   0x49    end                           [i32:local 0, i32:local 1]
;;   0x4a    i32.sub                       [i32:w0]
;;             0028  ldr w0, [x29, #0x10]
;;             002c  ldr w17, [x29, #0x18]
;;             0030  sub w0, w0, w17
;;   0x4b    end                           (returned)
;;             0034  mov sp, x29
;;             0038  ldp x29, x30, [sp], #0x10
;;             003c  ret
;;           out-of-line stubs
;;             0040  udf #0x0  ; trap: call stack exhausted
