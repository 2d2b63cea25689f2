;; targets: x86_64 aarch64
;;
;; call_indirect: table bounds, null and signature checks (each with
;; its own trap stub), then a call through the function reference.

(module
  (type $t (func (param i32) (result i32)))
  (table 4 funcref)
  (func (param i32 i32) (result i32)
    (call_indirect (type $t) (local.get 0) (local.get 1))))

;; ==== expected x86_64 ====
;; func 0 (param i32 i32) (result i32): 119 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x6f
;;   0x25    local.get 0                   [i32:local 0]
;;   0x27    local.get 1                   [i32:local 0, i32:local 1]
;;   0x29    call_indirect (type $t)       [i32:ebx]
;;             001b  mov ebx, [rbp+0x18]
;;             001e  mov rax, [rbp+0x10]
;;             0022  mov [rsp], rax
;;             0026  mov rax, [r14+0xa8]
;;             002d  cmp rbx, [rax+8]
;;             0031  jae 0x71
;;             0037  mov rax, [rax]
;;             003a  mov rax, [rax+rbx*8]
;;             003e  test rax, rax
;;             0041  je 0x73
;;             0047  cmp dword ptr [rax+0x10], 0
;;             004e  jne 0x75
;;             0054  mov r14, [rax+8]
;;             0058  mov r15, [r14+8]
;;             005c  call qword ptr [rax]
;;             005e  mov r14, [rbp-8]
;;             0062  mov r15, [r14+8]
;;             0066  mov ebx, eax
;;   0x2c    end                           (returned)
;;             0068  mov eax, ebx
;;             006a  mov rsp, rbp
;;             006d  pop rbp
;;             006e  ret
;;           out-of-line stubs
;;             006f  ud2  ; trap: call stack exhausted
;;             0071  ud2  ; trap: undefined element
;;             0073  ud2  ; trap: uninitialized element
;;             0075  ud2  ; trap: indirect call type mismatch

;; ==== expected aarch64 ====
;; func 0 (param i32 i32) (result i32): 144 bytes of aarch64
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
;;             0024  b.lo 0x80
;;   0x25    local.get 0                   [i32:local 0]
;;   0x27    local.get 1                   [i32:local 0, i32:local 1]
;;   0x29    call_indirect (type $t)       [i32:w0]
;;             0028  ldr w0, [x29, #0x18]
;;             002c  ldr x17, [x29, #0x10]
;;             0030  str w17, [sp]
;;             0034  ldr x16, [x28, #0xa8]
;;             0038  ldr x17, [x16, #0x8]
;;             003c  cmp x0, x17
;;             0040  b.hs 0x84
;;             0044  ldr x16, [x16]
;;             0048  ldr x16, [x16, x0, lsl #3]
;;             004c  cbz x16, 0x88
;;             0050  ldr x17, [x16]
;;             0054  ldr w15, [x16, #0x10]
;;             0058  cmp w15, #0x0
;;             005c  b.ne 0x8c
;;             0060  ldr x28, [x16, #0x8]
;;             0064  ldr x27, [x28, #0x8]
;;             0068  blr x17
;;             006c  ldur x28, [x29, #-0x8]
;;             0070  ldr x27, [x28, #0x8]
;;   0x2c    end                           (returned)
;;             0074  mov sp, x29
;;             0078  ldp x29, x30, [sp], #0x10
;;             007c  ret
;;           out-of-line stubs
;;             0080  udf #0x0  ; trap: call stack exhausted
;;             0084  udf #0x0  ; trap: undefined element
;;             0088  udf #0x0  ; trap: uninitialized element
;;             008c  udf #0x0  ; trap: indirect call type mismatch
