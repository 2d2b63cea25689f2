;; targets: x86_64 aarch64
;;
;; The sign-extension operators (wasm 2.0).

(module
  (func (param i32) (result i32)
    (i32.extend8_s (local.get 0))
    (i32.extend16_s))
  (func (param i64) (result i64)
    (i64.extend8_s (local.get 0))
    (i64.extend16_s)
    (i64.extend32_s)))

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
;;   0x1f    local.get 0                   [i32:local 0]
;;   0x21    i32.extend8_s                 [i32:ebx]
;;             001b  mov ebx, [rbp+0x10]
;;             001e  movsx ebx, bl
;;   0x22    i32.extend16_s                [i32:ebx]
;;             0022  movsx ebx, bx
;;   0x23    end                           (returned)
;;             0026  mov eax, ebx
;;             0028  mov rsp, rbp
;;             002b  pop rbp
;;             002c  ret
;;           out-of-line stubs
;;             002d  ud2  ; trap: call stack exhausted
;;
;; func 1 (param i64) (result i64): 52 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x10
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x32
;;   0x26    local.get 0                   [i64:local 0]
;;   0x28    i64.extend8_s                 [i64:rbx]
;;             001b  mov rbx, [rbp+0x10]
;;             001f  movsx rbx, bl
;;   0x29    i64.extend16_s                [i64:rbx]
;;             0023  movsx rbx, bx
;;   0x2a    i64.extend32_s                [i64:rbx]
;;             0027  movsxd rbx, ebx
;;   0x2b    end                           (returned)
;;             002a  mov rax, rbx
;;             002d  mov rsp, rbp
;;             0030  pop rbp
;;             0031  ret
;;           out-of-line stubs
;;             0032  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 (param i32) (result i32): 68 bytes of aarch64
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
;;   0x1f    local.get 0                   [i32:local 0]
;;   0x21    i32.extend8_s                 [i32:w0]
;;             0028  ldr w0, [x29, #0x10]
;;             002c  sxtb w0, w0
;;   0x22    i32.extend16_s                [i32:w0]
;;             0030  sxth w0, w0
;;   0x23    end                           (returned)
;;             0034  mov sp, x29
;;             0038  ldp x29, x30, [sp], #0x10
;;             003c  ret
;;           out-of-line stubs
;;             0040  udf #0x0  ; trap: call stack exhausted
;;
;; func 1 (param i64) (result i64): 72 bytes of aarch64
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
;;   0x26    local.get 0                   [i64:local 0]
;;   0x28    i64.extend8_s                 [i64:x0]
;;             0028  ldr x0, [x29, #0x10]
;;             002c  sxtb x0, w0
;;   0x29    i64.extend16_s                [i64:x0]
;;             0030  sxth x0, w0
;;   0x2a    i64.extend32_s                [i64:x0]
;;             0034  sxtw x0, w0
;;   0x2b    end                           (returned)
;;             0038  mov sp, x29
;;             003c  ldp x29, x30, [sp], #0x10
;;             0040  ret
;;           out-of-line stubs
;;             0044  udf #0x0  ; trap: call stack exhausted
