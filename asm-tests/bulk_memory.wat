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
;; func 0 (param i32 i32 i32): 342 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x50
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x154
;;   0x22    local.get 0                   [i32:local 0]
;;   0x24    local.get 1                   [i32:local 0, i32:local 1]
;;   0x26    local.get 2                   [i32:local 0, i32:local 1, i32:local 2]
;;   0x28    memory.copy                   []
;;             001f  mov qword ptr [rsp], 0
;;             002b  mov qword ptr [rsp+8], 0
;;             0037  mov rax, [rbp+0x10]
;;             003e  mov [rsp+0x10], rax
;;             0046  mov rax, [rbp+0x18]
;;             004d  mov [rsp+0x18], rax
;;             0055  mov rax, [rbp+0x20]
;;             005c  mov [rsp+0x20], rax
;;             0064  mov rsi, rsp
;;             0067  mov rdi, r14
;;             006a  call qword ptr [r14+0x30]
;;             0071  mov r15, [r14+8]
;;             0078  test eax, eax
;;             007b  je 0x83
;;             0081  ud2  ; trap: out of bounds memory access
;;   0x2c    local.get 0                   [i32:local 0]
;;   0x2e    i32.const 0                   [i32:local 0, i32:const 0]
;;   0x30    i32.const 16                  [i32:local 0, i32:const 0, i32:const 16]
;;   0x32    memory.fill                   []
;;             0083  mov qword ptr [rsp], 0
;;             008f  mov rax, [rbp+0x10]
;;             0096  mov [rsp+8], rax
;;             009e  mov dword ptr [rsp+0x10], 0
;;             00a9  mov dword ptr [rsp+0x18], 0x10
;;             00b4  mov rsi, rsp
;;             00b7  mov rdi, r14
;;             00ba  call qword ptr [r14+0x38]
;;             00c1  mov r15, [r14+8]
;;             00c8  test eax, eax
;;             00cb  je 0xd3
;;             00d1  ud2  ; trap: out of bounds memory access
;;   0x35    local.get 1                   [i32:local 1]
;;   0x37    i32.const 0                   [i32:local 1, i32:const 0]
;;   0x39    i32.const 5                   [i32:local 1, i32:const 0, i32:const 5]
;;   0x3b    memory.init $d                []
;;             00d3  mov qword ptr [rsp], 0
;;             00df  mov qword ptr [rsp+8], 0
;;             00eb  mov rax, [rbp+0x18]
;;             00f2  mov [rsp+0x10], rax
;;             00fa  mov dword ptr [rsp+0x18], 0
;;             0105  mov dword ptr [rsp+0x20], 5
;;             0110  mov rsi, rsp
;;             0113  mov rdi, r14
;;             0116  call qword ptr [r14+0x40]
;;             011d  mov r15, [r14+8]
;;             0124  test eax, eax
;;             0127  je 0x12f
;;             012d  ud2  ; trap: out of bounds memory access
;;   0x3f    data.drop $d                  []
;;             012f  mov qword ptr [rsp], 0
;;             013b  mov rsi, rsp
;;             013e  mov rdi, r14
;;             0141  call qword ptr [r14+0x48]
;;             0148  mov r15, [r14+8]
;;   0x42    end                           (returned)
;;             014f  mov rsp, rbp
;;             0152  pop rbp
;;             0153  ret
;;           out-of-line stubs
;;             0154  ud2  ; trap: call stack exhausted

;; ==== expected aarch64 ====
;; func 0 (param i32 i32 i32): 248 bytes of aarch64
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
;;             0024  b.lo 0xf4
;;   0x22    local.get 0                   [i32:local 0]
;;   0x24    local.get 1                   [i32:local 0, i32:local 1]
;;   0x26    local.get 2                   [i32:local 0, i32:local 1, i32:local 2]
;;   0x28    memory.copy                   []
;;             0028  str xzr, [sp]
;;             002c  str xzr, [sp, #0x8]
;;             0030  ldr x17, [x29, #0x10]
;;             0034  str w17, [sp, #0x10]
;;             0038  ldr x17, [x29, #0x18]
;;             003c  str w17, [sp, #0x18]
;;             0040  ldr x17, [x29, #0x20]
;;             0044  str w17, [sp, #0x20]
;;             0048  mov x1, sp
;;             004c  ldr x16, [x28, #0x30]
;;             0050  mov x0, x28
;;             0054  blr x16
;;             0058  ldr x27, [x28, #0x8]
;;             005c  cbz w0, 0x64
;;             0060  udf #0x0  ; trap: out of bounds memory access
;;   0x2c    local.get 0                   [i32:local 0]
;;   0x2e    i32.const 0                   [i32:local 0, i32:const 0]
;;   0x30    i32.const 16                  [i32:local 0, i32:const 0, i32:const 16]
;;   0x32    memory.fill                   []
;;             0064  str xzr, [sp]
;;             0068  ldr x17, [x29, #0x10]
;;             006c  str w17, [sp, #0x8]
;;             0070  str wzr, [sp, #0x10]
;;             0074  mov w17, #0x10
;;             0078  str w17, [sp, #0x18]
;;             007c  mov x1, sp
;;             0080  ldr x16, [x28, #0x38]
;;             0084  mov x0, x28
;;             0088  blr x16
;;             008c  ldr x27, [x28, #0x8]
;;             0090  cbz w0, 0x98
;;             0094  udf #0x0  ; trap: out of bounds memory access
;;   0x35    local.get 1                   [i32:local 1]
;;   0x37    i32.const 0                   [i32:local 1, i32:const 0]
;;   0x39    i32.const 5                   [i32:local 1, i32:const 0, i32:const 5]
;;   0x3b    memory.init $d                []
;;             0098  str xzr, [sp]
;;             009c  str xzr, [sp, #0x8]
;;             00a0  ldr x17, [x29, #0x18]
;;             00a4  str w17, [sp, #0x10]
;;             00a8  str wzr, [sp, #0x18]
;;             00ac  mov w17, #0x5
;;             00b0  str w17, [sp, #0x20]
;;             00b4  mov x1, sp
;;             00b8  ldr x16, [x28, #0x40]
;;             00bc  mov x0, x28
;;             00c0  blr x16
;;             00c4  ldr x27, [x28, #0x8]
;;             00c8  cbz w0, 0xd0
;;             00cc  udf #0x0  ; trap: out of bounds memory access
;;   0x3f    data.drop $d                  []
;;             00d0  str xzr, [sp]
;;             00d4  mov x1, sp
;;             00d8  ldr x16, [x28, #0x48]
;;             00dc  mov x0, x28
;;             00e0  blr x16
;;             00e4  ldr x27, [x28, #0x8]
;;   0x42    end                           (returned)
;;             00e8  mov sp, x29
;;             00ec  ldp x29, x30, [sp], #0x10
;;             00f0  ret
;;           out-of-line stubs
;;             00f4  udf #0x0  ; trap: call stack exhausted
