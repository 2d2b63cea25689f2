;; targets: x86_64 aarch64
;;
;; Comparisons produce an i32 0/1 in a register.

(module
  (func (param i32 i32) (result i32)
    (i32.eq (local.get 0) (local.get 1))
    (i32.ne (local.get 0) (i32.const 10))
    (i32.lt_s (local.get 0) (local.get 1))
    (i32.lt_u (local.get 0) (local.get 1))
    (i32.gt_s (local.get 0) (i32.const -1))
    (i32.ge_u (local.get 0) (local.get 1))
    (i32.le_s (local.get 0) (local.get 1))
    drop drop drop drop drop drop))

;; ==== expected x86_64 ====
;; func 0 (param i32 i32) (result i32): 135 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x50
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x85
;;   0x1a    local.get 0                   [i32:local 0]
;;   0x1c    local.get 1                   [i32:local 0, i32:local 1]
;;   0x1e    i32.eq                        [i32:ebx]
;;             001b  mov ebx, [rbp+0x10]
;;             001e  cmp ebx, [rbp+0x18]
;;             0021  sete al
;;             0024  movzx ebx, al
;;   0x1f    local.get 0                   [i32:ebx, i32:local 0]
;;   0x21    i32.const 10                  [i32:ebx, i32:local 0, i32:const 10]
;;   0x23    i32.ne                        [i32:ebx, i32:esi]
;;             0028  mov esi, [rbp+0x10]
;;             002b  cmp esi, 0xa
;;             002e  setne al
;;             0031  movzx esi, al
;;   0x24    local.get 0                   [i32:ebx, i32:esi, i32:local 0]
;;   0x26    local.get 1                   [i32:ebx, i32:esi, i32:local 0, i32:local 1]
;;   0x28    i32.lt_s                      [i32:ebx, i32:esi, i32:edi]
;;             0035  mov edi, [rbp+0x10]
;;             0038  cmp edi, [rbp+0x18]
;;             003b  setl al
;;             003e  movzx edi, al
;;   0x29    local.get 0                   [i32:ebx, i32:esi, i32:edi, i32:local 0]
;;   0x2b    local.get 1                   [i32:ebx, i32:esi, i32:edi, i32:local 0, i32:local 1]
;;   0x2d    i32.lt_u                      [i32:ebx, i32:esi, i32:edi, i32:r8d]
;;             0042  mov r8d, [rbp+0x10]
;;             0046  cmp r8d, [rbp+0x18]
;;             004a  setb al
;;             004d  movzx r8d, al
;;   0x2e    local.get 0                   [i32:ebx, i32:esi, i32:edi, i32:r8d, i32:local 0]
;;   0x30    i32.const -1                  [i32:ebx, i32:esi, i32:edi, i32:r8d, i32:local 0, i32:const -1]
;;   0x32    i32.gt_s                      [i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d]
;;             0051  mov r9d, [rbp+0x10]
;;             0055  cmp r9d, 0xffffffff
;;             0059  setg al
;;             005c  movzx r9d, al
;;   0x33    local.get 0                   [i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:local 0]
;;   0x35    local.get 1                   [i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:local 0, i32:local 1]
;;   0x37    i32.ge_u                      [i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d]
;;             0060  mov r10d, [rbp+0x10]
;;             0064  cmp r10d, [rbp+0x18]
;;             0068  setae al
;;             006b  movzx r10d, al
;;   0x38    local.get 0                   [i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:local 0]
;;   0x3a    local.get 1                   [i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:local 0, i32:local 1]
;;   0x3c    i32.le_s                      [i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d, i32:r12d]
;;             006f  mov r12d, [rbp+0x10]
;;             0073  cmp r12d, [rbp+0x18]
;;             0077  setle al
;;             007a  movzx r12d, al
;;   0x3d    drop                          [i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d, i32:r10d]
;;   0x3e    drop                          [i32:ebx, i32:esi, i32:edi, i32:r8d, i32:r9d]
;;   0x3f    drop                          [i32:ebx, i32:esi, i32:edi, i32:r8d]
;;   0x40    drop                          [i32:ebx, i32:esi, i32:edi]
;;   0x41    drop                          [i32:ebx, i32:esi]
;;   0x42    drop                          [i32:ebx]
;;   0x43    end                           (returned)
;;             007e  mov eax, ebx
;;             0080  mov rsp, rbp
;;             0083  pop rbp
;;             0084  ret
;;           out-of-line stubs
;;             0085  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 (param i32 i32) (result i32): 160 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0x50
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0x9c
;;   0x1a    local.get 0                   [i32:local 0]
;;   0x1c    local.get 1                   [i32:local 0, i32:local 1]
;;   0x1e    i32.eq                        [i32:w0]
;;             0028  ldr w0, [x29, #0x10]
;;             002c  ldr w17, [x29, #0x18]
;;             0030  cmp w0, w17
;;             0034  cset w0, eq
;;   0x1f    local.get 0                   [i32:w0, i32:local 0]
;;   0x21    i32.const 10                  [i32:w0, i32:local 0, i32:const 10]
;;   0x23    i32.ne                        [i32:w0, i32:w1]
;;             0038  ldr w1, [x29, #0x10]
;;             003c  cmp w1, #0xa
;;             0040  cset w1, ne
;;   0x24    local.get 0                   [i32:w0, i32:w1, i32:local 0]
;;   0x26    local.get 1                   [i32:w0, i32:w1, i32:local 0, i32:local 1]
;;   0x28    i32.lt_s                      [i32:w0, i32:w1, i32:w2]
;;             0044  ldr w2, [x29, #0x10]
;;             0048  ldr w17, [x29, #0x18]
;;             004c  cmp w2, w17
;;             0050  cset w2, lt
;;   0x29    local.get 0                   [i32:w0, i32:w1, i32:w2, i32:local 0]
;;   0x2b    local.get 1                   [i32:w0, i32:w1, i32:w2, i32:local 0, i32:local 1]
;;   0x2d    i32.lt_u                      [i32:w0, i32:w1, i32:w2, i32:w3]
;;             0054  ldr w3, [x29, #0x10]
;;             0058  ldr w17, [x29, #0x18]
;;             005c  cmp w3, w17
;;             0060  cset w3, lo
;;   0x2e    local.get 0                   [i32:w0, i32:w1, i32:w2, i32:w3, i32:local 0]
;;   0x30    i32.const -1                  [i32:w0, i32:w1, i32:w2, i32:w3, i32:local 0, i32:const -1]
;;   0x32    i32.gt_s                      [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4]
;;             0064  ldr w4, [x29, #0x10]
;;             0068  cmn w4, #0x1
;;             006c  cset w4, gt
;;   0x33    local.get 0                   [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:local 0]
;;   0x35    local.get 1                   [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:local 0, i32:local 1]
;;   0x37    i32.ge_u                      [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5]
;;             0070  ldr w5, [x29, #0x10]
;;             0074  ldr w17, [x29, #0x18]
;;             0078  cmp w5, w17
;;             007c  cset w5, hs
;;   0x38    local.get 0                   [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:local 0]
;;   0x3a    local.get 1                   [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:local 0, i32:local 1]
;;   0x3c    i32.le_s                      [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5, i32:w6]
;;             0080  ldr w6, [x29, #0x10]
;;             0084  ldr w17, [x29, #0x18]
;;             0088  cmp w6, w17
;;             008c  cset w6, le
;;   0x3d    drop                          [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4, i32:w5]
;;   0x3e    drop                          [i32:w0, i32:w1, i32:w2, i32:w3, i32:w4]
;;   0x3f    drop                          [i32:w0, i32:w1, i32:w2, i32:w3]
;;   0x40    drop                          [i32:w0, i32:w1, i32:w2]
;;   0x41    drop                          [i32:w0, i32:w1]
;;   0x42    drop                          [i32:w0]
;;   0x43    end                           (returned)
;;             0090  mov sp, x29
;;             0094  ldp x29, x30, [sp], #0x10
;;             0098  ret
;;           out-of-line stubs
;;             009c  udf #0x0  ; trap: call stack exhausted
