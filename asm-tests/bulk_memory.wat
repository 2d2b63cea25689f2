;; targets: x86_64 aarch64
;;
;; Bulk memory operators are runtime builtins: operands go to the
;; outgoing area and the builtin is called with the C ABI.

(module
  (memory 1)
  (data $d "hello")
  (func (param i32 i32 i32)
    (memory.copy (local.get 0) (local.get 1) (local.get 2))
    (memory.fill (local.get 0) (i32.const 0) (i32.const 16))
    (memory.init $d (local.get 1) (i32.const 0) (i32.const 5))
    (data.drop $d)))

;; ==== expected x86_64 ====
;; func 0 (param i32 i32 i32): 294 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x40
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x124
;;   0x22    local.get 0                   [i32:local 0]
;;   0x24    local.get 1                   [i32:local 0, i32:local 1]
;;   0x26    local.get 2                   [i32:local 0, i32:local 1, i32:local 2]
;;   0x28    memory.copy                   []
;;             001f  mov rax, [rbp+0x10]
;;             0026  mov [rsp], rax
;;             002e  mov rax, [rbp+0x18]
;;             0035  mov [rsp+8], rax
;;             003d  mov rax, [rbp+0x20]
;;             0044  mov [rsp+0x10], rax
;;             004c  mov rsi, rsp
;;             004f  mov rdi, r14
;;             0052  call qword ptr [r14+0x30]
;;             0059  mov r15, [r14+8]
;;             0060  test eax, eax
;;             0063  je 0x6b
;;             0069  ud2  ; trap: out of bounds memory access
;;   0x2c    local.get 0                   [i32:local 0]
;;   0x2e    i32.const 0                   [i32:local 0, i32:const 0]
;;   0x30    i32.const 16                  [i32:local 0, i32:const 0, i32:const 16]
;;   0x32    memory.fill                   []
;;             006b  mov rax, [rbp+0x10]
;;             0072  mov [rsp], rax
;;             007a  mov dword ptr [rsp+8], 0
;;             0085  mov dword ptr [rsp+0x10], 0x10
;;             0090  mov rsi, rsp
;;             0093  mov rdi, r14
;;             0096  call qword ptr [r14+0x38]
;;             009d  mov r15, [r14+8]
;;             00a4  test eax, eax
;;             00a7  je 0xaf
;;             00ad  ud2  ; trap: out of bounds memory access
;;   0x35    local.get 1                   [i32:local 1]
;;   0x37    i32.const 0                   [i32:local 1, i32:const 0]
;;   0x39    i32.const 5                   [i32:local 1, i32:const 0, i32:const 5]
;;   0x3b    memory.init $d                []
;;             00af  mov qword ptr [rsp], 0
;;             00bb  mov rax, [rbp+0x18]
;;             00c2  mov [rsp+8], rax
;;             00ca  mov dword ptr [rsp+0x10], 0
;;             00d5  mov dword ptr [rsp+0x18], 5
;;             00e0  mov rsi, rsp
;;             00e3  mov rdi, r14
;;             00e6  call qword ptr [r14+0x40]
;;             00ed  mov r15, [r14+8]
;;             00f4  test eax, eax
;;             00f7  je 0xff
;;             00fd  ud2  ; trap: out of bounds memory access
;;   0x3f    data.drop $d                  []
;;             00ff  mov qword ptr [rsp], 0
;;             010b  mov rsi, rsp
;;             010e  mov rdi, r14
;;             0111  call qword ptr [r14+0x48]
;;             0118  mov r15, [r14+8]
;;   0x42    end                           (returned)
;;             011f  mov rsp, rbp
;;             0122  pop rbp
;;             0123  ret
;;           out-of-line stubs
;;             0124  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 (param i32 i32 i32): 232 bytes of aarch64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  stp x29, x30, [sp, #-0x10]!
;;             0004  mov x29, sp
;;             0008  mov x16, #0x40
;;             000c  movk x16, #0x0, lsl #16
;;             0010  sub sp, sp, x16
;;             0014  stur x28, [x29, #-0x8]
;;             0018  ldr x16, [x28]
;;             001c  ldr x16, [x16]
;;             0020  cmp sp, x16
;;             0024  b.lo 0xe4
;;   0x22    local.get 0                   [i32:local 0]
;;   0x24    local.get 1                   [i32:local 0, i32:local 1]
;;   0x26    local.get 2                   [i32:local 0, i32:local 1, i32:local 2]
;;   0x28    memory.copy                   []
;;             0028  ldr x17, [x29, #0x10]
;;             002c  str w17, [sp]
;;             0030  ldr x17, [x29, #0x18]
;;             0034  str w17, [sp, #0x8]
;;             0038  ldr x17, [x29, #0x20]
;;             003c  str w17, [sp, #0x10]
;;             0040  mov x1, sp
;;             0044  ldr x16, [x28, #0x30]
;;             0048  mov x0, x28
;;             004c  blr x16
;;             0050  ldr x27, [x28, #0x8]
;;             0054  cbz w0, 0x5c
;;             0058  udf #0x0  ; trap: out of bounds memory access
;;   0x2c    local.get 0                   [i32:local 0]
;;   0x2e    i32.const 0                   [i32:local 0, i32:const 0]
;;   0x30    i32.const 16                  [i32:local 0, i32:const 0, i32:const 16]
;;   0x32    memory.fill                   []
;;             005c  ldr x17, [x29, #0x10]
;;             0060  str w17, [sp]
;;             0064  str wzr, [sp, #0x8]
;;             0068  mov w17, #0x10
;;             006c  str w17, [sp, #0x10]
;;             0070  mov x1, sp
;;             0074  ldr x16, [x28, #0x38]
;;             0078  mov x0, x28
;;             007c  blr x16
;;             0080  ldr x27, [x28, #0x8]
;;             0084  cbz w0, 0x8c
;;             0088  udf #0x0  ; trap: out of bounds memory access
;;   0x35    local.get 1                   [i32:local 1]
;;   0x37    i32.const 0                   [i32:local 1, i32:const 0]
;;   0x39    i32.const 5                   [i32:local 1, i32:const 0, i32:const 5]
;;   0x3b    memory.init $d                []
;;             008c  str xzr, [sp]
;;             0090  ldr x17, [x29, #0x18]
;;             0094  str w17, [sp, #0x8]
;;             0098  str wzr, [sp, #0x10]
;;             009c  mov w17, #0x5
;;             00a0  str w17, [sp, #0x18]
;;             00a4  mov x1, sp
;;             00a8  ldr x16, [x28, #0x40]
;;             00ac  mov x0, x28
;;             00b0  blr x16
;;             00b4  ldr x27, [x28, #0x8]
;;             00b8  cbz w0, 0xc0
;;             00bc  udf #0x0  ; trap: out of bounds memory access
;;   0x3f    data.drop $d                  []
;;             00c0  str xzr, [sp]
;;             00c4  mov x1, sp
;;             00c8  ldr x16, [x28, #0x48]
;;             00cc  mov x0, x28
;;             00d0  blr x16
;;             00d4  ldr x27, [x28, #0x8]
;;   0x42    end                           (returned)
;;             00d8  mov sp, x29
;;             00dc  ldp x29, x30, [sp], #0x10
;;             00e0  ret
;;           out-of-line stubs
;;             00e4  udf #0x0  ; trap: call stack exhausted
