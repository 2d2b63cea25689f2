;; targets: x86_64 aarch64
;;
;; Reference types: ref.func takes an address in the vmctx, ref.null is
;; a constant 0, table.get/table.set are builtins.

(module
  (table $t 2 funcref)
  (func $f (result funcref)
    (ref.func $f))
  (func (param i32) (result i32)
    (table.set $t (local.get 0) (ref.null func))
    (ref.is_null (table.get $t (local.get 0))))
  (elem declare func $f))

;; ==== expected x86_64 ====
;; func 0 $f (result funcref): 44 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x10
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x2a
;;   0x2b    ref.func $f                   [funcref:rbx]
;;             001b  lea rbx, [r14+0xb0]
;;   0x2d    end                           (returned)
;;             0022  mov rax, rbx
;;             0025  mov rsp, rbp
;;             0028  pop rbp
;;             0029  ret
;;           out-of-line stubs
;;             002a  ud2  ; trap: call stack exhausted
;;
;; func 1 (param i32) (result i32): 141 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x8b
;;   0x30    local.get 0                   [i32:local 0]
;;   0x32    ref.null func                 [i32:local 0, funcref:const null]
;;   0x34    table.set $t                  []
;;             001b  mov qword ptr [rsp], 0
;;             0023  mov rax, [rbp+0x10]
;;             0027  mov [rsp+8], rax
;;             002c  mov qword ptr [rsp+0x10], 0
;;             0035  mov rsi, rsp
;;             0038  mov rdi, r14
;;             003b  call qword ptr [r14+0x58]
;;             003f  mov r15, [r14+8]
;;             0043  test eax, eax
;;             0045  je 0x4d
;;             004b  ud2  ; trap: out of bounds table access
;;   0x36    local.get 0                   [i32:local 0]
;;   0x38    table.get $t                  [funcref:rbx]
;;             004d  mov qword ptr [rsp], 0
;;             0055  mov rax, [rbp+0x10]
;;             0059  mov [rsp+8], rax
;;             005e  mov rsi, rsp
;;             0061  mov rdi, r14
;;             0064  call qword ptr [r14+0x50]
;;             0068  mov r15, [r14+8]
;;             006c  test eax, eax
;;             006e  je 0x76
;;             0074  ud2  ; trap: out of bounds table access
;;             0076  mov rbx, [rsp]
;;   0x3a    ref.is_null                   [i32:ebx]
;;             007a  test rbx, rbx
;;             007d  sete al
;;             0080  movzx ebx, al
;;   0x3b    end                           (returned)
;;             0084  mov eax, ebx
;;             0086  mov rsp, rbp
;;             0089  pop rbp
;;             008a  ret
;;           out-of-line stubs
;;             008b  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 $f (result funcref): 60 bytes of aarch64
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
;;             0024  b.lo 0x38
;;   0x2b    ref.func $f                   [funcref:x0]
;;             0028  add x0, x28, #0xb0
;;   0x2d    end                           (returned)
;;             002c  mov sp, x29
;;             0030  ldp x29, x30, [sp], #0x10
;;             0034  ret
;;           out-of-line stubs
;;             0038  udf #0x0  ; trap: call stack exhausted
;;
;; func 1 (param i32) (result i32): 152 bytes of aarch64
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
;;             0024  b.lo 0x94
;;   0x30    local.get 0                   [i32:local 0]
;;   0x32    ref.null func                 [i32:local 0, funcref:const null]
;;   0x34    table.set $t                  []
;;             0028  str xzr, [sp]
;;             002c  ldr x17, [x29, #0x10]
;;             0030  str w17, [sp, #0x8]
;;             0034  str xzr, [sp, #0x10]
;;             0038  mov x1, sp
;;             003c  ldr x16, [x28, #0x58]
;;             0040  mov x0, x28
;;             0044  blr x16
;;             0048  ldr x27, [x28, #0x8]
;;             004c  cbz w0, 0x54
;;             0050  udf #0x0  ; trap: out of bounds table access
;;   0x36    local.get 0                   [i32:local 0]
;;   0x38    table.get $t                  [funcref:x0]
;;             0054  str xzr, [sp]
;;             0058  ldr x17, [x29, #0x10]
;;             005c  str w17, [sp, #0x8]
;;             0060  mov x1, sp
;;             0064  ldr x16, [x28, #0x50]
;;             0068  mov x0, x28
;;             006c  blr x16
;;             0070  ldr x27, [x28, #0x8]
;;             0074  cbz w0, 0x7c
;;             0078  udf #0x0  ; trap: out of bounds table access
;;             007c  ldr x0, [sp]
;;   0x3a    ref.is_null                   [i32:w0]
;;             0080  cmp x0, #0x0
;;             0084  cset w0, eq
;;   0x3b    end                           (returned)
;;             0088  mov sp, x29
;;             008c  ldp x29, x30, [sp], #0x10
;;             0090  ret
;;           out-of-line stubs
;;             0094  udf #0x0  ; trap: call stack exhausted
