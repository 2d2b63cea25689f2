;; targets: x86_64 aarch64
;;
;; call_indirect: table bounds, null and signature checks (each with
;; its own trap stub), then a call through the function reference. The
;; expected signature id is loaded from the vmctx, not an immediate: ids
;; are process-wide, and the code must run unchanged in any process when
;; it is loaded from a compiled artifact.

(module
  (type $t (func (param i32) (result i32)))
  (table 4 funcref)
  (func (param i32 i32) (result i32)
    (call_indirect (type $t) (local.get 0) (local.get 1))))

;; ==== expected x86_64 ====
;; func 0 (param i32 i32) (result i32): 123 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x20
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x73
;;   0x25    local.get 0                   [i32:local 0]
;;   0x27    local.get 1                   [i32:local 0, i32:local 1]
;;   0x29    call_indirect (type $t)       [i32:ebx]
;;             001b  mov ebx, [rbp+0x18]
;;             001e  mov rax, [rbp+0x10]
;;             0022  mov [rsp], rax
;;             0026  mov rax, [r14+0xa8]
;;             002d  cmp rbx, [rax+8]
;;             0031  jae 0x75
;;             0037  mov rax, [rax]
;;             003a  mov rax, [rax+rbx*8]
;;             003e  test rax, rax
;;             0041  je 0x77
;;             0047  mov ebx, [r14+0xc8]
;;             004e  cmp [rax+0x10], ebx
;;             0052  jne 0x79
;;             0058  mov r14, [rax+8]
;;             005c  mov r15, [r14+8]
;;             0060  call qword ptr [rax]
;;             0062  mov r14, [rbp-8]
;;             0066  mov r15, [r14+8]
;;             006a  mov ebx, eax
;;   0x2c    end                           (returned)
;;             006c  mov eax, ebx
;;             006e  mov rsp, rbp
;;             0071  pop rbp
;;             0072  ret
;;           out-of-line stubs
;;             0073  ud2  ; trap: call stack exhausted
;;             0075  ud2  ; trap: undefined element
;;             0077  ud2  ; trap: uninitialized element
;;             0079  ud2  ; trap: indirect call type mismatch

;; ==== expected aarch64 ====
;; func 0 (param i32 i32) (result i32): 148 bytes of aarch64
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
;;             0024  b.lo 0x84
;;   0x25    local.get 0                   [i32:local 0]
;;   0x27    local.get 1                   [i32:local 0, i32:local 1]
;;   0x29    call_indirect (type $t)       [i32:w0]
;;             0028  ldr w0, [x29, #0x18]
;;             002c  ldr x17, [x29, #0x10]
;;             0030  str w17, [sp]
;;             0034  ldr x16, [x28, #0xa8]
;;             0038  ldr x17, [x16, #0x8]
;;             003c  cmp x0, x17
;;             0040  b.hs 0x88
;;             0044  ldr x16, [x16]
;;             0048  ldr x16, [x16, x0, lsl #3]
;;             004c  cbz x16, 0x8c
;;             0050  ldr x17, [x16]
;;             0054  ldr w15, [x16, #0x10]
;;             0058  ldr w0, [x28, #0xc8]
;;             005c  cmp w15, w0
;;             0060  b.ne 0x90
;;             0064  ldr x28, [x16, #0x8]
;;             0068  ldr x27, [x28, #0x8]
;;             006c  blr x17
;;             0070  ldur x28, [x29, #-0x8]
;;             0074  ldr x27, [x28, #0x8]
;;   0x2c    end                           (returned)
;;             0078  mov sp, x29
;;             007c  ldp x29, x30, [sp], #0x10
;;             0080  ret
;;           out-of-line stubs
;;             0084  udf #0x0  ; trap: call stack exhausted
;;             0088  udf #0x0  ; trap: undefined element
;;             008c  udf #0x0  ; trap: uninitialized element
;;             0090  udf #0x0  ; trap: indirect call type mismatch
