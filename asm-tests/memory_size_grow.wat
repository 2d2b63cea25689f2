;; targets: x86_64 aarch64
;;
;; memory.size reads the memory's length; memory.grow calls a runtime
;; builtin.

(module
  (memory 1 10)
  (func (result i32)
    memory.size)
  (func (param i32) (result i32)
    (memory.grow (local.get 0))))

;; ==== expected x86_64 ====
;; func 0 (result i32): 48 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x10
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x2e
;;   0x24    memory.size                   [i32:ebx]
;;             001b  mov rax, [r14+0x10]
;;             001f  mov rbx, [rax+8]
;;             0023  shr rbx, 0x10
;;   0x26    end                           (returned)
;;             0027  mov eax, ebx
;;             0029  mov rsp, rbp
;;             002c  pop rbp
;;             002d  ret
;;           out-of-line stubs
;;             002e  ud2  ; trap: call stack exhausted
;;
;; func 1 (param i32) (result i32): 58 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x10
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x38
;;   0x29    local.get 0                   [i32:local 0]
;;   0x2b    memory.grow                   [i32:ebx]
;;             001b  mov ebx, [rbp+0x10]
;;             001e  mov rsi, rbx
;;             0021  xor edx, edx
;;             0024  mov rdi, r14
;;             0027  call qword ptr [r14+0x18]
;;             002b  mov r15, [r14+8]
;;             002f  mov ebx, eax
;;   0x2d    end                           (returned)
;;             0031  mov eax, ebx
;;             0033  mov rsp, rbp
;;             0036  pop rbp
;;             0037  ret
;;           out-of-line stubs
;;             0038  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 (result i32): 68 bytes of aarch64
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
;;   0x24    memory.size                   [i32:w0]
;;             0028  ldr x16, [x28, #0x10]
;;             002c  ldr x0, [x16, #0x8]
;;             0030  lsr x0, x0, #0x10
;;   0x26    end                           (returned)
;;             0034  mov sp, x29
;;             0038  ldp x29, x30, [sp], #0x10
;;             003c  ret
;;           out-of-line stubs
;;             0040  udf #0x0  ; trap: call stack exhausted
;;
;; func 1 (param i32) (result i32): 84 bytes of aarch64
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
;;   0x29    local.get 0                   [i32:local 0]
;;   0x2b    memory.grow                   [i32:w0]
;;             0028  ldr w0, [x29, #0x10]
;;             002c  mov x1, x0
;;             0030  mov x2, #0x0
;;             0034  ldr x16, [x28, #0x18]
;;             0038  mov x0, x28
;;             003c  blr x16
;;             0040  ldr x27, [x28, #0x8]
;;   0x2d    end                           (returned)
;;             0044  mov sp, x29
;;             0048  ldp x29, x30, [sp], #0x10
;;             004c  ret
;;           out-of-line stubs
;;             0050  udf #0x0  ; trap: call stack exhausted
