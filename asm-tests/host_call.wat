;; targets: x86_64 aarch64
;;
;; A call to an imported (host) function goes through the import's
;; record in the vmctx and restores the vmctx and memory base afterwards.

(module
  (import "env" "log" (func $log (param i32 f64) (result i32)))
  (memory 1)
  (func (param i32) (result i32)
    (call $log (local.get 0) (f64.const 0.5))))

;; ==== expected x86_64 ====
;; func 1 (param i32) (result i32): 89 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x30
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x57
;;   0x31    local.get 0                   [i32:local 0]
;;   0x33    f64.const 0x1p-1 (;=0.5;)     [i32:local 0, f64:const 0.5]
;;   0x3c    call $log                     [i32:ebx]
;;             001b  mov rax, [rbp+0x10]
;;             001f  mov [rsp], rax
;;             0023  mov rax, 0x3fe0000000000000
;;             002d  mov [rsp+8], rax
;;             0032  mov rax, [r14+0xa8]
;;             0039  mov r14, [r14+0xb0]
;;             0040  mov r15, [r14+8]
;;             0044  call rax
;;             0046  mov r14, [rbp-8]
;;             004a  mov r15, [r14+8]
;;             004e  mov ebx, eax
;;   0x3e    end                           (returned)
;;             0050  mov eax, ebx
;;             0052  mov rsp, rbp
;;             0055  pop rbp
;;             0056  ret
;;           out-of-line stubs
;;             0057  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 1 (param i32) (result i32): 96 bytes of aarch64
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
;;   0x31    local.get 0                   [i32:local 0]
;;   0x33    f64.const 0x1p-1 (;=0.5;)     [i32:local 0, f64:const 0.5]
;;   0x3c    call $log                     [i32:w0]
;;             0028  ldr x17, [x29, #0x10]
;;             002c  str w17, [sp]
;;             0030  mov x17, #0x3fe0000000000000
;;             0034  str x17, [sp, #0x8]
;;             0038  add x17, x28, #0xa8
;;             003c  ldp x16, x28, [x17]
;;             0040  ldr x27, [x28, #0x8]
;;             0044  blr x16
;;             0048  ldur x28, [x29, #-0x8]
;;             004c  ldr x27, [x28, #0x8]
;;   0x3e    end                           (returned)
;;             0050  mov sp, x29
;;             0054  ldp x29, x30, [sp], #0x10
;;             0058  ret
;;           out-of-line stubs
;;             005c  udf #0x0  ; trap: call stack exhausted
